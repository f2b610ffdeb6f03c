//! Graphviz DOT output of the source graph. [`to_dot`] builds graphviz-rust's
//! `dot_structures`, which its printer prints ([`print_dot`]). The streaming writer
//! ([`DotWriter`]) writes the bytes that printer prints for those statements itself: the
//! nodes, edges and clusters of the graph's parts straight from the borrowed values `to_dot`
//! makes its statements of (`lite`), the head and the legend from graphviz-rust statements
//! (`print`). `tests/dot_printer.rs` and proptests in both modules check the bytes against
//! the printer, and graphviz-rust's parser reads them back.
//!
//! Node ids are generated (`a0`, `c12`, `o3`, `d1`, `x0`, `legend_*`), so no name ever
//! becomes an id. Names appear only in labels, and every label goes through
//! [`escape_label`] (graphviz-rust does not escape inside quoted ids): an outlet called
//! `Evil"]; x [label="pwn` stays one well-formed node.

use super::table::NodeIds;
use crate::analyze::{Report, Verdict};
use crate::graph::parts::{ArticlePart, SharedPart, article_part, shared_part};
use crate::graph::{Edge, Node, SourceGraph};
use crate::model::{DateRef, OutletKind, SourceType};
use graphviz_rust::dot_structures::{
    Attribute, Edge as DotEdge, EdgeTy, Graph, GraphAttributes, Id, Node as DotNode, NodeId, Stmt,
    Subgraph, Vertex,
};
use graphviz_rust::printer::{DotPrinter, PrinterContext};
use petgraph::stable_graph::{EdgeIndex, NodeIndex};
use std::borrow::Cow;
use std::io::{self, Write};

mod legend;
mod lite;
mod look;
mod print;

use legend::{Present, legend};
use lite::{Attr, Lite, plain_attr, text_attr};
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
    escape_into(s, &mut out);
    out
}

/// [`escape_label`] of `s`, appended to `out`: runs of bytes that need nothing are copied
/// whole.
fn escape_into(s: &str, out: &mut String) {
    /// Bytes that may need escaping: `\`, `"`, ASCII control bytes, and the first byte of
    /// U+0080–U+00BF (the C1 control characters are U+0080–U+009F).
    const SPECIAL: [bool; 256] = {
        let mut t = [false; 256];
        let mut b = 0;
        while b < 256 {
            t[b] = b < 0x20 || b == 0x7f || b == b'\\' as usize || b == b'"' as usize || b == 0xc2;
            b += 1;
        }
        t
    };
    let b = s.as_bytes();
    let (mut run, mut i) = (0, 0);
    while i < b.len() {
        if !SPECIAL[usize::from(b[i])] {
            i += 1;
            continue;
        }
        out.push_str(&s[run..i]);
        let mut width = 1;
        match b[i] {
            b'\\' => out.push_str("\\\\"),
            b'"' => out.push_str("\\\""),
            b'\n' => out.push_str("\\n"),
            b'\r' => {}
            0xc2 => {
                width = 2;
                match b.get(i + 1) {
                    Some(0x80..=0x9f) => out.push(' '),
                    _ => out.push_str(&s[i..i + 2]),
                }
            }
            _ => out.push(' '),
        }
        i += width;
        run = i;
    }
    out.push_str(&s[run..]);
}

fn quoted(s: &str) -> Id {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    escape_into(s, &mut out);
    out.push('"');
    Id::Escaped(out)
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
/// Statements come part by part ([`crate::graph::parts`]): each article's cluster, its own
/// nodes and its edges, then the nodes and relays the articles share, then the legend; so
/// the same graph always prints the same bytes, whether built whole or streamed.
pub fn to_dot(g: &SourceGraph, report: &Report, opts: &DotOptions) -> Graph {
    to_dot_with_ids(g, &super::table::node_ids(g), report, opts)
}

/// [`to_dot`] with node ids `ids` (those of the graph before a selection removed nodes
/// from it): the statements [`write_dot_with_ids`] writes.
pub fn to_dot_with_ids(
    g: &SourceGraph,
    ids: &NodeIds,
    report: &Report,
    opts: &DotOptions,
) -> Graph {
    let mut present = Present::default();
    let mut stmts: Vec<Stmt> = head_statements().collect();
    for i in 0..article_count(g) {
        let part = article_part(g, i);
        present.add_article(g, report, opts, &part);
        stmts.extend(
            article_statements(g, report, opts, &part)
                .iter()
                .map(|s| s.to_stmt(ids)),
        );
    }
    let shared = shared_part(g);
    present.add_shared(g, opts, &shared);
    stmts.extend(
        shared_statements(g, opts, &shared)
            .iter()
            .map(|s| s.to_stmt(ids)),
    );
    if opts.legend {
        stmts.extend(legend(present).map(Stmt::Subgraph));
    }
    Graph::DiGraph {
        id: plain("srcgraph"),
        strict: false,
        stmts,
    }
}

fn article_count(g: &SourceGraph) -> usize {
    g.articles.len().max(g.claims.len())
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

/// An article's part: its cluster holding the article node and claims (the claims alone
/// when a selection removed the article), its own nodes, its edges.
fn article_statements<'g>(
    g: &'g SourceGraph,
    report: &Report,
    opts: &DotOptions,
    part: &ArticlePart,
) -> Vec<Lite<'g>> {
    let claims = part
        .claims
        .iter()
        .filter_map(|&cn| match g.graph.node_weight(cn) {
            Some(Node::Claim(c)) => Some(Lite::Node(
                cn,
                claim_attrs(c, report.claim(cn).map(|r| &r.corroboration)),
            )),
            _ => None,
        });
    let mut out: Vec<Lite<'g>> = match part.article {
        Some(an) => cluster(g, an, claims).into_iter().collect(),
        None => claims.collect(),
    };
    out.extend(part.own.iter().filter_map(|&n| other_node_statement(g, n)));
    out.extend(
        part.edges
            .iter()
            .filter_map(|&e| edge_statement(g, opts, e)),
    );
    out
}

/// The cluster of article node `an` holding `inner` (its claims).
fn cluster<'g>(
    g: &'g SourceGraph,
    an: NodeIndex,
    inner: impl Iterator<Item = Lite<'g>>,
) -> Option<Lite<'g>> {
    let Some(Node::Article(a)) = g.graph.node_weight(an) else {
        return None;
    };
    let attrs = vec![
        text_attr("label", format!("{} — {}", a.label(), a.path)),
        text_attr("style", "rounded"),
        text_attr("color", "#9e9e9e"),
    ];
    let mut stmts = vec![Lite::Node(an, article_attrs(a))];
    stmts.extend(inner);
    Some(Lite::Cluster(an, attrs, stmts))
}

/// The shared part: articles left without claims (each a cluster of its own), the shared
/// nodes, the relays between them.
fn shared_statements<'g>(
    g: &'g SourceGraph,
    opts: &DotOptions,
    part: &SharedPart,
) -> Vec<Lite<'g>> {
    let mut out: Vec<Lite<'g>> = part
        .articles
        .iter()
        .filter_map(|&a| cluster(g, a, std::iter::empty()))
        .collect();
    out.extend(
        part.nodes
            .iter()
            .filter_map(|&n| other_node_statement(g, n)),
    );
    out.extend(
        part.edges
            .iter()
            .filter_map(|&e| edge_statement(g, opts, e)),
    );
    out
}

/// The statement of node `n` when it is an outlet, date, issue or source (articles and
/// claims are drawn in their clusters).
fn other_node_statement(g: &SourceGraph, n: NodeIndex) -> Option<Lite<'_>> {
    let attrs = match g.graph.node_weight(n)? {
        Node::Outlet(o) => {
            let mut a = vec![
                plain_attr("shape", kind_shape(o.kind)),
                text_attr("label", format!("{}\n{}", o.name, o.kind)),
                text_attr("style", outlet_style(o.kind)),
            ];
            if o.spellings.iter().any(|s| s != &o.name) {
                a.push(text_attr("tooltip", o.spellings.join(" / ")));
            }
            a
        }
        Node::Date(d) => vec![
            plain_attr("shape", "ellipse"),
            text_attr("label", d.to_string()),
            text_attr("color", "#9e9e9e"),
        ],
        Node::Issue(x) => vec![
            plain_attr("shape", "note"),
            text_attr("color", "#1565c0"),
            text_attr(
                "label",
                format!(
                    "{}\n{}\n(not in input)",
                    x.publication,
                    x.date
                        .map_or_else(|| "date unknown".to_string(), |d| d.to_string())
                ),
            ),
        ],
        Node::Source(s) => {
            let (shape, fill, style) = source_look(s.kind);
            vec![
                plain_attr("shape", shape),
                text_attr("style", style),
                text_attr("fillcolor", fill),
                text_attr("label", format!("{}\n{}", s.name, source_type_name(s.kind))),
            ]
        }
        Node::Article(_) | Node::Claim(_) => return None,
    };
    Some(Lite::Node(n, attrs))
}

/// The statement of edge `e` (none for a date edge when dates are not drawn as nodes).
fn edge_statement<'g>(g: &'g SourceGraph, opts: &DotOptions, e: EdgeIndex) -> Option<Lite<'g>> {
    let (source, target) = g.graph.edge_endpoints(e)?;
    let edge = g.graph.edge_weight(e)?;
    let look = EdgeLook::of(edge);
    let attrs = match edge {
        Edge::Cites(c) => {
            let mut a = Vec::new();
            if opts.dates == DateMode::Labels && !c.dates.is_empty() {
                a.push(text_attr("label", dates_label(&c.dates)));
            }
            a.extend(look.attrs());
            a
        }
        Edge::Relays { count } => {
            let mut a = look.attrs();
            a.push(text_attr(
                "label",
                if *count > 1 {
                    Cow::Owned(format!("relays ×{count}"))
                } else {
                    Cow::Borrowed("relays")
                },
            ));
            a
        }
        Edge::CrossReference(x) => {
            let mut a = look.attrs();
            let label = dates_label(&x.dates);
            a.push(text_attr(
                "label",
                if label.is_empty() {
                    "see".to_string()
                } else {
                    format!("see {label}")
                },
            ));
            a
        }
        Edge::Attributes(at) => {
            let mut a = look.attrs();
            a.push(text_attr("label", &*at.cue));
            a
        }
        Edge::OnDate if opts.dates != DateMode::Nodes => return None,
        Edge::Contains | Edge::OnDate => look.attrs(),
    };
    Some(Lite::Edge(source, target, attrs))
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

fn article_attrs(a: &crate::graph::ArticleNode) -> Vec<Attr<'static>> {
    let mut label = a.label();
    if let Some(t) = &a.title {
        label.push('\n');
        label.push_str(&crate::claims::excerpt(t, 40));
    }
    vec![
        plain_attr("shape", "folder"),
        text_attr("label", label),
        text_attr("style", "filled"),
        text_attr("fillcolor", "#eeeeee"),
    ]
}

fn claim_attrs<'g>(
    c: &'g crate::graph::ClaimNode,
    corr: Option<&crate::analyze::Corroboration>,
) -> Vec<Attr<'g>> {
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
        plain_attr("shape", "box"),
        text_attr("style", "rounded,filled"),
        text_attr("fillcolor", fill),
        text_attr("color", border),
        text_attr("label", label),
        text_attr("tooltip", &*c.claim.excerpt),
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
/// part by part so the whole graph is never held as DOT.
///
/// # Errors
/// Any error of the writer.
pub fn write_dot(
    w: &mut dyn Write,
    g: &SourceGraph,
    report: &Report,
    opts: &DotOptions,
) -> io::Result<()> {
    write_dot_with_ids(w, g, &super::table::node_ids(g), report, opts)
}

/// [`write_dot`] with node ids `ids`: those of the graph before a selection removed nodes
/// from it (a node keeps its id whatever is selected).
///
/// # Errors
/// Any error of the writer.
pub fn write_dot_with_ids(
    w: &mut dyn Write,
    g: &SourceGraph,
    ids: &NodeIds,
    report: &Report,
    opts: &DotOptions,
) -> io::Result<()> {
    let mut out = DotWriter::new(w, *opts)?;
    out.articles(g, ids, report, 0..article_count(g))?;
    out.shared(g, ids, &shared_part(g))?;
    out.finish()
}

/// How many articles' statements are printed at once.
const BLOCK: usize = 256;

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

/// Writes the DOT of a graph part by part as the parts come — the articles of a whole
/// graph, or of each chunk of a streamed input ([`crate::export::streamed`]) — each
/// statement on a line of its own, as graphviz-rust's printer prints it (written by
/// `print::print_statement`, which writes those bytes without a string per part): the
/// bytes of [`print_dot`] of the graph the parts make up.
pub struct DotWriter<'w> {
    w: &'w mut dyn Write,
    opts: DotOptions,
    present: Present,
    /// The graph's name and head statements are written (at the first part: nothing is
    /// written for a run that fails before it).
    opened: bool,
}

impl<'w> DotWriter<'w> {
    /// A graph to be written to `w` (its name and head statements go first, with the first
    /// part).
    ///
    /// # Errors
    /// None yet: writing begins with the first part.
    pub fn new(w: &'w mut dyn Write, opts: DotOptions) -> io::Result<DotWriter<'w>> {
        Ok(DotWriter {
            w,
            opts,
            present: Present::default(),
            opened: false,
        })
    }

    /// Write the graph's name and head statements, once.
    fn open(&mut self) -> io::Result<()> {
        if !self.opened {
            self.opened = true;
            self.w.write_all(b"digraph srcgraph {")?;
            self.print(&head_statements().collect::<Vec<_>>())?;
        }
        Ok(())
    }

    /// Write graphviz-rust statements (the head, the legend).
    fn print(&mut self, stmts: &[Stmt]) -> io::Result<()> {
        let mut ctx = statement_context();
        let mut text = String::new();
        for s in stmts {
            text.push('\n');
            print::print_statement(s, &mut ctx, &mut text);
        }
        self.w.write_all(text.as_bytes())
    }

    /// Write the parts of articles `range` of `g` (node ids `ids`, verdicts in `report`),
    /// in order, printed a block at a time on every core.
    ///
    /// # Errors
    /// Any error of the writer.
    pub fn articles(
        &mut self,
        g: &SourceGraph,
        ids: &NodeIds,
        report: &Report,
        range: std::ops::Range<usize>,
    ) -> io::Result<()> {
        use rayon::prelude::*;
        self.open()?;
        let opts = self.opts;
        let all: Vec<usize> = range.collect();
        for block in all.chunks(BLOCK) {
            let printed: Vec<(String, ArticlePart)> = block
                .par_iter()
                .map(|&i| {
                    let part = article_part(g, i);
                    let mut text = String::new();
                    for s in article_statements(g, report, &opts, &part) {
                        text.push('\n');
                        s.write(ids, print::INDENT, &mut text);
                    }
                    (text, part)
                })
                .collect();
            for (text, part) in printed {
                self.present.add_article(g, report, &opts, &part);
                self.w.write_all(text.as_bytes())?;
            }
        }
        Ok(())
    }

    /// Write the shared part of `g`.
    ///
    /// # Errors
    /// Any error of the writer.
    pub fn shared(&mut self, g: &SourceGraph, ids: &NodeIds, part: &SharedPart) -> io::Result<()> {
        self.open()?;
        self.present.add_shared(g, &self.opts, part);
        let mut text = String::new();
        for s in shared_statements(g, &self.opts, part) {
            text.push('\n');
            s.write(ids, print::INDENT, &mut text);
            // The shared part of an archive has a statement per outlet and source: written
            // as it goes, not held whole.
            if text.len() >= 1 << 16 {
                self.w.write_all(text.as_bytes())?;
                text.clear();
            }
        }
        self.w.write_all(text.as_bytes())
    }

    /// Write the legend of what was written, and close the graph.
    ///
    /// # Errors
    /// Any error of the writer.
    pub fn finish(mut self) -> io::Result<()> {
        self.open()?;
        if self.opts.legend
            && let Some(l) = legend(std::mem::take(&mut self.present))
        {
            self.print(&[Stmt::Subgraph(l)])?;
        }
        self.w.write_all(b"\n}\n")
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

#[cfg(test)]
mod tests {
    use super::escape_label;

    proptest::proptest! {
        /// Copying runs escapes as reading character by character does.
        #[test]
        fn labels_escape_as_character_by_character(
            s in "[a-z \\\\\"\n\r\t\x00\x7f\u{80}\u{9f}\u{a0}\u{bf}\u{c0}\u{e9}\u{2028}\u{201c}]{0,24}"
        ) {
            let mut by_chars = String::new();
            for c in s.chars() {
                match c {
                    '\\' => by_chars.push_str("\\\\"),
                    '"' => by_chars.push_str("\\\""),
                    '\n' => by_chars.push_str("\\n"),
                    '\r' => {}
                    c if c.is_control() => by_chars.push(' '),
                    c => by_chars.push(c),
                }
            }
            proptest::prop_assert_eq!(escape_label(&s), by_chars);
        }
    }
}
