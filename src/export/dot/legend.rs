//! The legend: one cluster of what the graph holds — verdicts, outlet kinds, prose source
//! types, edge styles — and nothing for an empty graph.

use super::look::{
    EdgeLook, kind_shape, outlet_style, source_look, source_type_name, verdict_colours,
};
use super::*;

/// What a graph holds, for a legend of only that: verdicts, outlet kinds, source types
/// and edge looks, each in a fixed order.
#[derive(Debug, Default)]
struct Present {
    verdicts: Vec<Verdict>,
    kinds: Vec<OutletKind>,
    sources: Vec<SourceType>,
    edges: Vec<EdgeLook>,
}

impl Present {
    fn of(g: &SourceGraph, report: &Report, opts: &DotOptions) -> Present {
        let mut p = Present::default();
        let in_graph: std::collections::HashSet<NodeIndex> =
            g.claims.iter().flatten().copied().collect();
        for c in report.claims.iter().filter(|c| in_graph.contains(&c.node)) {
            p.verdicts.push(c.corroboration.verdict);
        }
        for n in g.graph.node_weights() {
            match n {
                Node::Outlet(o) => p.kinds.push(o.kind),
                Node::Source(s) => p.sources.push(s.kind),
                _ => {}
            }
        }
        for e in g.graph.edge_weights() {
            let look = EdgeLook::of(e);
            if look != EdgeLook::OnDate || opts.dates == DateMode::Nodes {
                p.edges.push(look);
            }
        }
        let order = |v: &Verdict| Verdict::ALL.iter().position(|w| w == v);
        p.verdicts.sort_by_key(order);
        p.verdicts.dedup();
        p.kinds
            .sort_by_key(|k| OUTLET_KINDS.iter().position(|w| w == k));
        p.kinds.dedup();
        p.sources
            .sort_by_key(|k| SOURCE_TYPES.iter().position(|w| w == k));
        p.sources.dedup();
        p.edges.sort();
        p.edges.dedup();
        p
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
pub(super) fn legend(g: &SourceGraph, report: &Report, opts: &DotOptions) -> Option<Subgraph> {
    let present = Present::of(g, report, opts);
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
        let mut attributes = look.attrs();
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
