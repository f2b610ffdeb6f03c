//! Graphviz DOT output of the source graph, built with graphviz-rust's `dot_structures` and
//! printed by its printer — never by string concatenation.
//!
//! Node ids are generated (`a0`, `c12`, `o3`, `d1`, `x0`, `legend_*`), so no name ever
//! becomes an id. Names appear only in labels, and every label goes through
//! [`escape_label`] (graphviz-rust does not escape inside quoted ids): an outlet called
//! `Evil"]; x [label="pwn` stays one well-formed node.

use super::table::NodeIds;
use crate::analyze::{Report, Verdict};
use crate::graph::{Edge, Node, SourceGraph};
use crate::model::{DateRef, OutletKind, SourceType};
use graphviz_rust::dot_structures::{
    Attribute, Edge as DotEdge, EdgeTy, Graph, GraphAttributes, Id, Node as DotNode, NodeId, Stmt,
    Subgraph, Vertex,
};
use graphviz_rust::printer::{DotPrinter, PrinterContext};
use petgraph::stable_graph::{EdgeIndex, NodeIndex};
use std::io::{self, Write};

mod legend;
mod look;

use legend::legend;
use look::{EdgeLook, outlet_style};
pub use look::{kind_shape, source_look, source_type_name, verdict_colours};

/// How cited dates are drawn (as nodes only in a graph built with date nodes).
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DateMode {
    /// As labels on the edges from claims to outlets.
    #[default]
    Labels,
    /// As nodes linked from the claims that cite them.
    Nodes,
    /// Not at all.
    None,
}

/// Options of the DOT writer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DotOptions {
    /// Draw a legend of verdict colours and outlet shapes.
    pub legend: bool,
    /// How dates are drawn.
    pub dates: DateMode,
}

impl Default for DotOptions {
    fn default() -> Self {
        DotOptions {
            legend: true,
            dates: DateMode::Labels,
        }
    }
}

/// Escape text for a double-quoted DOT string: `\` and `"` are escaped, a line break becomes
/// `\n` (a centred line in Graphviz), and other control characters become spaces.
///
/// ```
/// use srcgraph::export::dot::escape_label;
/// assert_eq!(escape_label("Evil\"]; x [label=\"pwn"), r#"Evil\"]; x [label=\"pwn"#);
/// assert_eq!(escape_label("a\\b\nc\r"), r"a\\b\nc");
/// ```
pub fn escape_label(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

fn quoted(s: &str) -> Id {
    Id::Escaped(format!("\"{}\"", escape_label(s)))
}

fn plain(s: &str) -> Id {
    Id::Plain(s.to_string())
}

fn attr(key: &str, value: Id) -> Attribute {
    Attribute(plain(key), value)
}

fn date_text(d: &DateRef) -> String {
    d.iso().unwrap_or_else(|| d.text.clone())
}

fn dates_label(dates: &[DateRef]) -> String {
    dates.iter().map(date_text).collect::<Vec<_>>().join(", ")
}

/// The DOT graph of `g`, claims coloured by their verdicts in `report`.
///
/// Nodes and edges are emitted in index order, so the same graph always prints the same
/// bytes.
pub fn to_dot(g: &SourceGraph, report: &Report, opts: &DotOptions) -> Graph {
    let mut stmts = Collect(Vec::new());
    let _ = sections(g, report, opts, &mut stmts);
    Graph::DiGraph {
        id: plain("srcgraph"),
        strict: false,
        stmts: stmts.0,
    }
}

/// Where the statements of [`sections`] go: section after section, each a run of items
/// and the statements each item makes, in order.
trait StatementSink {
    /// Take the statements `make` gives for each of `items`, in order; `block` says how
    /// many items may be made at once.
    fn section<T: Send + Sync, S: IntoIterator<Item = Stmt>>(
        &mut self,
        items: impl Iterator<Item = T>,
        block: usize,
        make: impl Fn(&T) -> S + Sync,
    ) -> io::Result<()>;
}

/// Statements gathered into one list ([`to_dot`]).
struct Collect(Vec<Stmt>);

impl StatementSink for Collect {
    fn section<T: Send + Sync, S: IntoIterator<Item = Stmt>>(
        &mut self,
        items: impl Iterator<Item = T>,
        _block: usize,
        make: impl Fn(&T) -> S + Sync,
    ) -> io::Result<()> {
        for item in items {
            self.0.extend(make(&item));
        }
        Ok(())
    }
}

/// Every statement of the DOT graph of `g`, in order, section by section, into `sink`:
/// the one description of the graph's layout that [`to_dot`] and [`write_dot`] share.
fn sections(
    g: &SourceGraph,
    report: &Report,
    opts: &DotOptions,
    sink: &mut impl StatementSink,
) -> io::Result<()> {
    let ids = super::table::node_ids(g);
    sink.section(std::iter::once(()), 1, |_| head_statements())?;
    // An article's cluster holds its claims: fewer at a time.
    sink.section(0..g.articles.len(), BLOCK / 64, |&i| {
        article_statements(g, report, &ids, i)
    })?;
    sink.section(g.graph.node_indices(), BLOCK, |&n| {
        other_node_statement(g, &ids, n)
    })?;
    // In edge index order (the order they were added).
    sink.section(g.graph.edge_indices(), BLOCK, |&e| {
        edge_statement(g, &ids, opts, e)
    })?;
    if opts.legend {
        let legend = legend(g, report, opts);
        sink.section(legend.into_iter(), 1, |l| [Stmt::Subgraph(l.clone())])?;
    }
    Ok(())
}

/// The graph attributes and default styles that open the graph.
fn head_statements() -> impl Iterator<Item = Stmt> {
    let head = [
        Stmt::Attribute(attr("rankdir", plain("LR"))),
        Stmt::GAttribute(GraphAttributes::Graph(vec![
            attr("fontname", quoted("Helvetica")),
            attr("fontsize", plain("10")),
            attr("nodesep", plain("0.25")),
            attr("ranksep", plain("1.2")),
        ])),
    ];
    head.into_iter().chain(default_styles("#555555"))
}

/// Article `input` as a cluster holding its article node and claims; the claims alone when
/// a selection removed the article.
fn article_statements(g: &SourceGraph, report: &Report, ids: &NodeIds, input: usize) -> Vec<Stmt> {
    let claims: Vec<Stmt> = g
        .claims
        .get(input)
        .map_or(&[][..], Vec::as_slice)
        .iter()
        .filter_map(|&cn| match g.graph.node_weight(cn) {
            Some(Node::Claim(c)) => Some(node_stmt(
                &ids.get(cn),
                claim_attrs(c, report.claim(cn).map(|r| &r.corroboration)),
            )),
            _ => None,
        })
        .collect();
    let Some(an) = g.articles.get(input).copied() else {
        return claims;
    };
    let Some(Node::Article(a)) = g.graph.node_weight(an) else {
        return claims;
    };
    let mut inner = vec![
        Stmt::Attribute(attr(
            "label",
            quoted(&format!("{} — {}", a.label(), a.path)),
        )),
        Stmt::Attribute(attr("style", quoted("rounded"))),
        Stmt::Attribute(attr("color", quoted("#9e9e9e"))),
        node_stmt(&ids.get(an), article_attrs(a)),
    ];
    inner.extend(claims);
    vec![Stmt::Subgraph(Subgraph {
        id: plain(&format!("cluster_{}", ids.get(an))),
        stmts: inner,
    })]
}

/// The statement of node `n` when it is an outlet, date, issue or source (articles and
/// claims are drawn in their clusters).
fn other_node_statement(g: &SourceGraph, ids: &NodeIds, n: NodeIndex) -> Option<Stmt> {
    let attrs = match g.graph.node_weight(n)? {
        Node::Outlet(o) => {
            let mut a = vec![
                attr("shape", plain(kind_shape(o.kind))),
                attr("label", quoted(&format!("{}\n{}", o.name, o.kind))),
                attr("style", quoted(outlet_style(o.kind))),
            ];
            if o.spellings.iter().any(|s| s != &o.name) {
                a.push(attr("tooltip", quoted(&o.spellings.join(" / "))));
            }
            a
        }
        Node::Date(d) => vec![
            attr("shape", plain("ellipse")),
            attr("label", quoted(&d.to_string())),
            attr("color", quoted("#9e9e9e")),
        ],
        Node::Issue(x) => vec![
            attr("shape", plain("note")),
            attr("color", quoted("#1565c0")),
            attr(
                "label",
                quoted(&format!(
                    "{}\n{}\n(not in input)",
                    x.publication,
                    x.date
                        .map_or_else(|| "date unknown".to_string(), |d| d.to_string())
                )),
            ),
        ],
        Node::Source(s) => {
            let (shape, fill, style) = source_look(s.kind);
            vec![
                attr("shape", plain(shape)),
                attr("style", quoted(style)),
                attr("fillcolor", quoted(fill)),
                attr(
                    "label",
                    quoted(&format!("{}\n{}", s.name, source_type_name(s.kind))),
                ),
            ]
        }
        Node::Article(_) | Node::Claim(_) => return None,
    };
    Some(node_stmt(&ids.get(n), attrs))
}

/// The statement of edge `e` (none for a date edge when dates are not drawn as nodes).
fn edge_statement(g: &SourceGraph, ids: &NodeIds, opts: &DotOptions, e: EdgeIndex) -> Option<Stmt> {
    let (source, target) = g.graph.edge_endpoints(e)?;
    let edge = g.graph.edge_weight(e)?;
    let look = EdgeLook::of(edge);
    let attrs = match edge {
        Edge::Cites(c) => {
            let mut a = Vec::new();
            if opts.dates == DateMode::Labels && !c.dates.is_empty() {
                a.push(attr("label", quoted(&dates_label(&c.dates))));
            }
            a.extend(look.attrs());
            a
        }
        Edge::Relays { count } => {
            let mut a = look.attrs();
            a.push(attr(
                "label",
                quoted(&if *count > 1 {
                    format!("relays ×{count}")
                } else {
                    "relays".into()
                }),
            ));
            a
        }
        Edge::CrossReference(x) => {
            let mut a = look.attrs();
            let label = dates_label(&x.dates);
            a.push(attr(
                "label",
                quoted(&if label.is_empty() {
                    "see".to_string()
                } else {
                    format!("see {label}")
                }),
            ));
            a
        }
        Edge::Attributes(at) => {
            let mut a = look.attrs();
            a.push(attr("label", quoted(&at.cue)));
            a
        }
        Edge::OnDate if opts.dates != DateMode::Nodes => return None,
        Edge::Contains | Edge::OnDate => look.attrs(),
    };
    Some(Stmt::Edge(DotEdge {
        ty: EdgeTy::Pair(
            Vertex::N(NodeId(plain(&ids.get(source)), None)),
            Vertex::N(NodeId(plain(&ids.get(target)), None)),
        ),
        attributes: attrs,
    }))
}

/// Default node and edge fonts of every graph srcgraph draws, edges in `edge_colour`.
fn default_styles(edge_colour: &str) -> [Stmt; 2] {
    [
        Stmt::GAttribute(GraphAttributes::Node(vec![
            attr("fontname", quoted("Helvetica")),
            attr("fontsize", plain("10")),
        ])),
        Stmt::GAttribute(GraphAttributes::Edge(vec![
            attr("fontname", quoted("Helvetica")),
            attr("fontsize", plain("8")),
            attr("color", quoted(edge_colour)),
        ])),
    ]
}

fn node_stmt(id: &str, attributes: Vec<Attribute>) -> Stmt {
    Stmt::Node(DotNode {
        id: NodeId(plain(id), None),
        attributes,
    })
}

fn article_attrs(a: &crate::graph::ArticleNode) -> Vec<Attribute> {
    let mut label = a.label();
    if let Some(t) = &a.title {
        label.push('\n');
        label.push_str(&crate::claims::excerpt(t, 40));
    }
    vec![
        attr("shape", plain("folder")),
        attr("label", quoted(&label)),
        attr("style", quoted("filled")),
        attr("fillcolor", quoted("#eeeeee")),
    ]
}

fn claim_attrs(
    c: &crate::graph::ClaimNode,
    corr: Option<&crate::analyze::Corroboration>,
) -> Vec<Attribute> {
    let verdict = corr.map_or(Verdict::Unsourced, |c| c.verdict);
    let (fill, border) = verdict_colours(verdict);
    let mut status = verdict.to_string();
    if let Some(cr) = corr {
        if cr.independent_sources > 1 {
            status = format!("{status} ({} sources)", cr.independent_sources);
        }
        if cr.collective_only {
            status.push_str(", collective only");
        }
    }
    let file = c.path.rsplit(['/', '\\']).next().unwrap_or(&c.path);
    let label = format!(
        "{}\n{}:{}:{}\n{}",
        crate::claims::excerpt(&c.claim.excerpt, 36),
        file,
        c.claim.line,
        c.claim.column,
        status
    );
    vec![
        attr("shape", plain("box")),
        attr("style", quoted("rounded,filled")),
        attr("fillcolor", quoted(fill)),
        attr("color", quoted(border)),
        attr("label", quoted(&label)),
        attr("tooltip", quoted(&c.claim.excerpt)),
    ]
}

fn edge_stmt(a: &str, b: &str, attributes: Vec<Attribute>) -> Stmt {
    Stmt::Edge(DotEdge {
        ty: EdgeTy::Pair(
            Vertex::N(NodeId(plain(a), None)),
            Vertex::N(NodeId(plain(b), None)),
        ),
        attributes,
    })
}

/// Print `graph` as DOT text (graphviz-rust's printer, one statement a line).
pub fn print_dot(graph: &Graph) -> String {
    let mut ctx = PrinterContext::default();
    let mut s = graph.print(&mut ctx);
    if !s.ends_with('\n') {
        s.push('\n');
    }
    s
}

/// Write the DOT of `g` to `w`: the same bytes as [`print_dot`] of [`to_dot`], printed
/// statement by statement so the whole graph is never held as DOT.
///
/// # Errors
/// Any error of the writer.
pub fn write_dot(
    w: &mut dyn Write,
    g: &SourceGraph,
    report: &Report,
    opts: &DotOptions,
) -> io::Result<()> {
    w.write_all(b"digraph srcgraph {")?;
    sections(g, report, opts, &mut Print { w })?;
    w.write_all(b"\n}\n")
}

/// How many items' statements are printed at once.
const BLOCK: usize = 1 << 14;

/// A printer context in the state graphviz-rust's `Graph::print` has it for the statements
/// of a digraph (indented one step, `->` edges): printing an empty digraph leaves it so.
fn statement_context() -> PrinterContext {
    let mut ctx = PrinterContext::default();
    let _ = Graph::DiGraph {
        id: plain("srcgraph"),
        strict: false,
        stmts: Vec::new(),
    }
    .print(&mut ctx);
    ctx
}

/// Statements printed to a writer, each on a new line ([`write_dot`]): a block of items at
/// a time is made and printed on every core, and the blocks are written in order, so the
/// bytes are those of one thread.
struct Print<'w> {
    w: &'w mut dyn Write,
}

impl StatementSink for Print<'_> {
    fn section<T: Send + Sync, S: IntoIterator<Item = Stmt>>(
        &mut self,
        mut items: impl Iterator<Item = T>,
        block: usize,
        make: impl Fn(&T) -> S + Sync,
    ) -> io::Result<()> {
        use rayon::prelude::*;
        loop {
            let block: Vec<T> = items.by_ref().take(block.max(1)).collect();
            if block.is_empty() {
                return Ok(());
            }
            let printed: Vec<String> = block
                .par_chunks(block.len().div_ceil(64).max(1))
                .map(|part| {
                    let mut ctx = statement_context();
                    let mut text = String::new();
                    for item in part {
                        for s in make(item) {
                            text.push('\n');
                            text.push_str(&s.print(&mut ctx));
                        }
                    }
                    text
                })
                .collect();
            for text in printed {
                self.w.write_all(text.as_bytes())?;
            }
        }
    }
}

/// The outlet co-citation network as an undirected DOT graph: one node per outlet cited
/// together with another (shape by kind), one edge per pair labelled with the number of
/// claims citing both, thicker for more. Pairs below `min_claims` are left out.
pub fn co_citation_dot(net: &crate::analyze::CoCitationNetwork, min_claims: usize) -> Graph {
    let kept: Vec<_> = net
        .pairs
        .iter()
        .filter(|p| p.claims >= min_claims.max(1))
        .collect();
    let mut names: Vec<&str> = kept
        .iter()
        .flat_map(|p| [p.a.as_str(), p.b.as_str()])
        .collect();
    names.sort_unstable();
    names.dedup();
    // Every pair's outlets are among `names` by construction: an id for each, once.
    let ids: std::collections::HashMap<&str, String> = names
        .iter()
        .enumerate()
        .map(|(i, n)| (*n, format!("o{i}")))
        .collect();
    let id = |name: &str| ids.get(name).cloned().unwrap_or_default();
    let max = kept.iter().map(|p| p.claims).max().unwrap_or(1) as f64;
    let mut stmts: Vec<Stmt> = vec![
        Stmt::Attribute(attr("layout", plain("neato"))),
        Stmt::Attribute(attr("overlap", plain("false"))),
    ];
    stmts.extend(default_styles("#4e79a7"));
    for name in &names {
        let kind = net.kinds.get(*name).copied().unwrap_or(OutletKind::Unknown);
        stmts.push(node_stmt(
            &id(name),
            vec![
                attr("shape", plain(kind_shape(kind))),
                attr("label", quoted(&format!("{name}\n{kind}"))),
            ],
        ));
    }
    for p in kept {
        let width = 1.0 + 4.0 * (p.claims as f64 / max);
        stmts.push(Stmt::Edge(DotEdge {
            ty: EdgeTy::Pair(
                Vertex::N(NodeId(plain(&id(&p.a)), None)),
                Vertex::N(NodeId(plain(&id(&p.b)), None)),
            ),
            attributes: vec![
                attr("label", quoted(&p.claims.to_string())),
                attr("penwidth", quoted(&format!("{width:.2}"))),
                attr("weight", plain(&p.claims.to_string())),
                attr(
                    "tooltip",
                    quoted(&format!(
                        "{} + {}: {}",
                        p.a,
                        p.b,
                        super::text::count(p.claims, "claim", "claims")
                    )),
                ),
            ],
        }));
    }
    Graph::Graph {
        id: plain("co_citation"),
        strict: false,
        stmts,
    }
}
