//! The legend: one cluster of what the graph holds — verdicts, outlet kinds, prose source
//! types, edge styles — and nothing for an empty graph.

use super::look::{
    EdgeLook, kind_shape, outlet_style, source_look, source_type_name, verdict_colours,
};
use super::*;

/// What a graph holds, for a legend of only that: verdicts, outlet kinds, source types
/// and edge looks, gathered part by part as they are written, each in a fixed order.
#[derive(Debug, Default)]
pub(super) struct Present {
    verdicts: Vec<Verdict>,
    kinds: Vec<OutletKind>,
    sources: Vec<SourceType>,
    edges: Vec<EdgeLook>,
}

impl Present {
    /// Add what an article's part holds.
    pub(super) fn add_article(
        &mut self,
        g: &SourceGraph,
        report: &Report,
        opts: &DotOptions,
        part: &ArticlePart,
    ) {
        for &c in &part.claims {
            self.verdicts.push(
                report
                    .claim(c)
                    .map_or(Verdict::Unsourced, |r| r.corroboration.verdict),
            );
        }
        self.add(g, opts, &part.own, &part.edges);
        self.tidy();
    }

    /// Add what the shared part holds.
    pub(super) fn add_shared(&mut self, g: &SourceGraph, opts: &DotOptions, part: &SharedPart) {
        self.add(g, opts, &part.nodes, &part.edges);
        self.tidy();
    }

    fn add(
        &mut self,
        g: &SourceGraph,
        opts: &DotOptions,
        nodes: &[NodeIndex],
        edges: &[EdgeIndex],
    ) {
        for &n in nodes {
            match g.graph.node_weight(n) {
                Some(Node::Outlet(o)) => self.kinds.push(o.kind),
                Some(Node::Source(s)) => self.sources.push(s.kind),
                _ => {}
            }
        }
        for &e in edges {
            let Some(w) = g.graph.edge_weight(e) else {
                continue;
            };
            let look = EdgeLook::of(w);
            if look != EdgeLook::OnDate || opts.dates == DateMode::Nodes {
                self.edges.push(look);
            }
        }
    }

    /// Sort and deduplicate, so what is kept stays as small as the legend.
    fn tidy(&mut self) {
        let order = |v: &Verdict| Verdict::ALL.iter().position(|w| w == v);
        self.verdicts.sort_by_key(order);
        self.verdicts.dedup();
        self.kinds
            .sort_by_key(|k| OUTLET_KINDS.iter().position(|w| w == k));
        self.kinds.dedup();
        self.sources
            .sort_by_key(|k| SOURCE_TYPES.iter().position(|w| w == k));
        self.sources.dedup();
        self.edges.sort();
        self.edges.dedup();
    }

    fn is_empty(&self) -> bool {
        self.verdicts.is_empty() && self.kinds.is_empty() && self.sources.is_empty()
    }
}

/// Outlet kinds in legend order.
const OUTLET_KINDS: [OutletKind; 11] = [
    OutletKind::Agency,
    OutletKind::Newspaper,
    OutletKind::Magazine,
    OutletKind::Television,
    OutletKind::Radio,
    OutletKind::Online,
    OutletKind::Official,
    OutletKind::Collective,
    OutletKind::Bulletin,
    OutletKind::Other,
    OutletKind::Unknown,
];

/// Types of sources named in the prose that get a node of their own, in legend order.
const SOURCE_TYPES: [SourceType; 5] = [
    SourceType::Person,
    SourceType::OfficialBody,
    SourceType::Document,
    SourceType::Anonymous,
    SourceType::Vague,
];

/// A legend of what the graph holds (none for an empty graph): claim verdicts, outlet
/// kinds, prose source types, and the edges' looks.
pub(super) fn legend(present: Present) -> Option<Subgraph> {
    if present.is_empty() {
        return None;
    }
    let mut stmts = vec![
        Stmt::Attribute(attr("label", quoted("Legend"))),
        Stmt::Attribute(attr("style", quoted("rounded"))),
        Stmt::Attribute(attr("color", quoted("#bdbdbd"))),
    ];
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut row = Vec::new();
    for &v in &present.verdicts {
        let (fill, border) = verdict_colours(v);
        let id = format!("legend_{}", v.as_str().replace('-', "_"));
        stmts.push(node_stmt(
            &id,
            vec![
                attr("shape", plain("box")),
                attr("style", quoted("rounded,filled")),
                attr("fillcolor", quoted(fill)),
                attr("color", quoted(border)),
                attr("label", quoted(&format!("claim: {v}"))),
            ],
        ));
        row.push(id);
    }
    rows.push(std::mem::take(&mut row));
    for &k in &present.kinds {
        let id = format!("legend_{}", k.as_str());
        stmts.push(node_stmt(
            &id,
            vec![
                attr("shape", plain(kind_shape(k))),
                attr("style", quoted(outlet_style(k))),
                attr("label", quoted(k.as_str())),
            ],
        ));
        row.push(id);
    }
    rows.push(std::mem::take(&mut row));
    for &k in &present.sources {
        let (shape, fill, style) = source_look(k);
        let id = format!("legend_source_{}", k.as_str());
        stmts.push(node_stmt(
            &id,
            vec![
                attr("shape", plain(shape)),
                attr("style", quoted(style)),
                attr("fillcolor", quoted(fill)),
                attr("label", quoted(&format!("source: {}", source_type_name(k)))),
            ],
        ));
        row.push(id);
    }
    rows.push(row);
    // Each edge look: two small points and the edge between them, labelled.
    for &look in &present.edges {
        let (a, b) = (
            format!("legend_edge_{}_a", look.id()),
            format!("legend_edge_{}_b", look.id()),
        );
        for id in [&a, &b] {
            stmts.push(node_stmt(
                id,
                vec![attr("shape", plain("point")), attr("width", plain("0.05"))],
            ));
        }
        let mut attributes: Vec<Attribute> = look.attrs().iter().map(Attr::to_attribute).collect();
        attributes.push(attr("label", quoted(look.meaning())));
        stmts.push(edge_stmt(&a, &b, attributes));
    }
    // Invisible edges lay each group out as one row (left to right, as the graph runs).
    for names in rows {
        for w in names.windows(2) {
            stmts.push(edge_stmt(&w[0], &w[1], vec![attr("style", plain("invis"))]));
        }
    }
    Some(Subgraph {
        id: plain("cluster_legend"),
        stmts,
    })
}
