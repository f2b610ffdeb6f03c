//! The source graph of a whole input written chunk by chunk, in bounded memory: the bytes
//! one graph of the whole input gives ([`crate::export::sink::write_graph`], in any
//! format), from the graphs that judging each chunk builds ([`ChunkReport::graph`]).
//!
//! Each chunk's articles are written as they are judged ([`crate::graph::parts`]): their
//! clusters, their own nodes, their edges. What the articles share — outlets, named
//! sources, dates, earlier issues, the relays between them, and articles left without
//! claims — is written at the end from what [`StreamedGraph`] keeps: one record per shared
//! node (its first name, every spelling), the node ids, and a bit per article.
//!
//! Node ids are those of the whole graph ([`crate::export::table::node_ids`]): each kind
//! numbered in the order the input first shows its nodes. A selection (`--verdict`) keeps
//! them: ids are given before claims are left out.

mod focus;
mod report;

pub use report::{ReportReading, StreamedReport};

use super::sink::GraphSink;
use super::table::NodeIds;
use crate::analyze::{Report, Verdict};
use crate::calendar::Date;
use crate::context::{ChunkReport, InputContext};
use crate::graph::{ArticleNode, Edge, Node, SourceGraph};
use crate::model::SourceType;
use crate::outlets::outlet_key;
use focus::Focus;
use petgraph::Direction;
use petgraph::stable_graph::NodeIndex;
use petgraph::visit::EdgeRef;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::io;

/// A node the articles share, by identity: what makes two chunks' nodes one node of the
/// whole graph.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum SharedKey {
    Outlet(String),
    Source(SourceType, String),
    Date(Date),
    Issue(String, Option<Date>),
}

fn shared_key(n: &Node) -> Option<SharedKey> {
    if n.is_article_own() {
        return None;
    }
    Some(match n {
        Node::Outlet(o) => SharedKey::Outlet(outlet_key(&o.name)),
        Node::Source(s) => SharedKey::Source(s.kind, outlet_key(&s.name)),
        Node::Date(d) => SharedKey::Date(*d),
        Node::Issue(x) => SharedKey::Issue(outlet_key(&x.publication), x.date),
        Node::Article(_) | Node::Claim(_) => return None,
    })
}

/// The id prefix and counter slot of a node's kind.
fn kind_slot(n: &Node) -> (u8, usize) {
    match n {
        Node::Article(_) => (b'a', 0),
        Node::Claim(_) => (b'c', 1),
        Node::Outlet(_) => (b'o', 2),
        Node::Date(_) => (b'd', 3),
        Node::Issue(_) => (b'x', 4),
        Node::Source(_) => (b's', 5),
    }
}

/// The nodes of the chunk's graph that are written, in the order the input shows them:
/// the chunk's claims and what they link (not articles: they are numbered by reading
/// order).
fn walked(r: &ChunkReport) -> Vec<NodeIndex> {
    let g = &r.graph;
    let claims: HashSet<NodeIndex> = r
        .chunk
        .clone()
        .flat_map(|i| g.claims[i].iter().copied())
        .collect();
    let mut linked: HashSet<NodeIndex> = HashSet::new();
    for &c in &claims {
        linked.extend(g.graph.neighbors_directed(c, Direction::Outgoing));
    }
    g.graph
        .node_indices()
        .filter(|n| match &g.graph[*n] {
            Node::Claim(_) => claims.contains(n),
            Node::Article(_) => false,
            _ => linked.contains(n),
        })
        .collect()
}

/// A shared node as kept until the end.
#[derive(Debug)]
struct Shared {
    id: (u8, u32),
    /// When the input first showed it, among every node written.
    met: u64,
    node: Node,
    spellings: BTreeSet<String>,
    /// Linked from a claim that is written.
    kept: bool,
}

/// What is written of the graph: the selections of `--verdict` and `--min-claims`
/// ([`crate::graph::select::claims_where`], [`crate::graph::select::outlets_with_claims`]).
#[derive(Debug, Clone, Default)]
pub struct ClaimFilter {
    /// Only claims of these verdicts (all when empty).
    pub verdicts: Vec<Verdict>,
    /// Only outlets cited by at least this many of the claims written; needs a reading of
    /// the input that counts them first (`StreamedGraph::count`).
    pub min_claims: Option<usize>,
}

impl ClaimFilter {
    fn keeps(&self, v: Verdict) -> bool {
        self.verdicts.is_empty() || self.verdicts.contains(&v)
    }

    fn selects(&self) -> bool {
        !self.verdicts.is_empty() || self.min_claims.is_some()
    }
}

/// Writes the graph of a whole input from its judged chunks, in input order
/// (`StreamedGraph::chunk`), then what they share ([`StreamedGraph::finish`]), to a
/// [`GraphSink`] (any output format).
pub struct StreamedGraph<'w> {
    out: Box<dyn GraphSink + 'w>,
    filter: ClaimFilter,
    counters: [u32; 6],
    index: HashMap<SharedKey, usize>,
    shared: Vec<Shared>,
    /// Articles left without written claims that are written (a written claim
    /// cross-references them, or nothing is selected), by number in reading order.
    late: BTreeMap<usize, ArticleNode>,
    /// A bit per article: its claims were written.
    written: Vec<u64>,
    /// Claims written that cite each shared outlet (with `min_claims`).
    cited: HashMap<SharedKey, usize>,
    /// Nodes walked so far ([`walked`]): the order the input shows them.
    met: u64,
    /// With `--focus`: the search for its neighbourhood.
    focus: Option<Focus>,
    /// When each shared node was first walked, while the focus is located.
    order: HashMap<SharedKey, u64>,
    /// Articles' own nodes within the focus that no written claim links: written with the
    /// shared nodes, in the order met.
    cut_off: Vec<(u64, (u8, u32), Node)>,
    reading: Reading,
}

/// What a reading of the input is for ([`StreamedGraph::reading`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    /// Finding the node `--focus` names.
    Locate,
    /// Spreading distances from it.
    Spread,
    /// Counting the claims citing each outlet (`--min-claims`).
    Count,
    /// Writing the graph.
    Write,
}

/// `--focus` names no node of the input.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "--focus {0:?} matches no outlet, article (path or path#N) or claim (path:line) of the input"
)]
pub struct NoFocus(pub String);

impl<'w> StreamedGraph<'w> {
    /// A graph written to `out`, claims selected by `filter`.
    pub fn new(out: Box<dyn GraphSink + 'w>, filter: ClaimFilter) -> StreamedGraph<'w> {
        let filter_counts = filter.min_claims.is_some();
        StreamedGraph {
            out,
            filter,
            counters: [0; 6],
            index: HashMap::new(),
            shared: Vec::new(),
            late: BTreeMap::new(),
            written: Vec::new(),
            cited: HashMap::new(),
            met: 0,
            focus: None,
            order: HashMap::new(),
            cut_off: Vec::new(),
            reading: if filter_counts {
                Reading::Count
            } else {
                Reading::Write
            },
        }
    }

    /// Write only what lies within `depth` edges of the node `name` points at (an outlet
    /// in any spelling `outlets` knows, an article `path` or `path#N`, a claim
    /// `path:line`), as [`crate::graph::select::neighbourhood`] keeps of the whole graph.
    pub fn focus(mut self, name: &str, depth: usize, outlets: &crate::outlets::Outlets) -> Self {
        self.focus = Some(Focus::new(name, depth, outlets));
        self.reading = Reading::Locate;
        self
    }

    /// What the next reading of the input is for: hand each of its chunks' reports to
    /// [`StreamedGraph::read`], then call [`StreamedGraph::end_reading`].
    pub fn reading(&self) -> Reading {
        self.reading
    }

    /// Take the report of the next chunk of the current reading.
    ///
    /// # Errors
    /// Any error of writing.
    pub fn read(&mut self, r: ChunkReport) -> io::Result<()> {
        match self.reading {
            Reading::Locate => {
                let walked = walked(&r);
                for n in walked {
                    if let Some(key) = shared_key(&r.graph.graph[n])
                        && !self.order.contains_key(&key)
                    {
                        self.order.insert(key, self.met);
                        self.met += 1;
                    }
                }
                let order = &self.order;
                if let Some(f) = self.focus.as_mut() {
                    f.locate(&r, |k| order.get(k).copied());
                }
                Ok(())
            }
            Reading::Spread => {
                if let Some(f) = self.focus.as_mut() {
                    f.spread(&r);
                }
                Ok(())
            }
            Reading::Count => {
                self.count(r);
                Ok(())
            }
            Reading::Write => self.chunk(r),
        }
    }

    /// End a reading; true when another is needed (then [`StreamedGraph::reading`] says
    /// what for), false when the graph is ready to [`StreamedGraph::finish`].
    ///
    /// # Errors
    /// `--focus` names no node of the input (after the first reading).
    pub fn end_reading(&mut self, ctx: &InputContext) -> Result<bool, NoFocus> {
        let counts = self.filter.min_claims.is_some();
        let after_focus = if counts {
            Reading::Count
        } else {
            Reading::Write
        };
        self.reading = match (self.reading, self.focus.as_mut()) {
            (Reading::Locate, Some(f)) => {
                self.order = HashMap::new();
                self.met = 0;
                if !f.located() {
                    return Err(NoFocus(f.name().to_string()));
                }
                f.wants_reading();
                Reading::Spread
            }
            (Reading::Spread, Some(f)) => {
                f.spread_relays(ctx);
                if f.wants_reading() {
                    Reading::Spread
                } else {
                    after_focus
                }
            }
            (Reading::Count, _) => Reading::Write,
            (Reading::Write, _) => return Ok(false),
            (Reading::Locate | Reading::Spread, None) => after_focus,
        };
        Ok(true)
    }

    /// Write the articles of the next judged chunk.
    fn chunk(&mut self, mut r: ChunkReport) -> io::Result<()> {
        let (ids, met) = self.ids(&r);
        self.select(&mut r);
        let g = &r.graph;
        if let Some(f) = &self.focus
            && !self.filter.selects()
        {
            // Within the focus, whether or not a claim written links them.
            for n in g.graph.node_indices() {
                match shared_key(&g.graph[n]) {
                    Some(key) if f.keeps_shared(&key) => {
                        if let Some(&k) = self.index.get(&key) {
                            self.shared[k].kept = true;
                        }
                    }
                    None if g.graph[n].is_article_own()
                        && !matches!(g.graph[n], Node::Claim(_))
                        && met[n.index()] != u64::MAX
                        && !g
                            .graph
                            .neighbors_directed(n, Direction::Incoming)
                            .any(|m| matches!(g.graph[m], Node::Claim(_))) =>
                    {
                        self.cut_off
                            .push((met[n.index()], ids.pair(n), g.graph[n].clone()));
                    }
                    _ => {}
                }
            }
        }
        for i in r.chunk.clone() {
            for &c in g.claims[i].iter().filter(|&&c| g.graph.contains_node(c)) {
                for t in g.graph.neighbors_directed(c, Direction::Outgoing) {
                    if let Some(&k) = shared_key(&g.graph[t]).and_then(|k| self.index.get(&k)) {
                        self.shared[k].kept = true;
                    }
                }
            }
        }
        // Articles left without claims are written with the shared part, unless their
        // claims are written in their own chunk.
        for (k, &a) in g.articles.iter().enumerate() {
            let (Some(Node::Article(node)), Some(&seq)) = (g.graph.node_weight(a), r.inputs.get(k))
            else {
                continue;
            };
            if g.claims[k].iter().any(|&c| g.graph.contains_node(c)) {
                let (w, b) = (seq / 64, seq % 64);
                if self.written.len() <= w {
                    self.written.resize(w + 1, 0);
                }
                self.written[w] |= 1 << b;
            } else {
                self.late.entry(seq).or_insert_with(|| ArticleNode {
                    input: seq,
                    ..(**node).clone()
                });
            }
        }
        let report = Report::new(r.claims, Vec::new(), Vec::new());
        self.out.articles(g, &ids, &report, r.chunk.clone())
    }

    /// Count, in a reading before the one that writes, the written claims citing each
    /// outlet (for [`ClaimFilter::min_claims`]).
    fn count(&mut self, mut r: ChunkReport) {
        if let Some(f) = &self.focus {
            let keep = f.kept(&r);
            let gone: Vec<NodeIndex> = r
                .graph
                .graph
                .node_indices()
                .filter(|n| !keep.contains(n))
                .collect();
            for n in gone {
                r.graph.graph.remove_node(n);
            }
        }
        self.select_claims(&mut r);
        let g = &r.graph;
        for i in r.chunk.clone() {
            for &c in g.claims[i].iter().filter(|&&c| g.graph.contains_node(c)) {
                let mut cited: Vec<NodeIndex> = g
                    .graph
                    .edges_directed(c, Direction::Outgoing)
                    .filter(|e| matches!(e.weight(), Edge::Cites(_)))
                    .map(|e| e.target())
                    .collect();
                cited.sort_unstable();
                cited.dedup();
                for o in cited {
                    if let Some(key) = shared_key(&g.graph[o]) {
                        *self.cited.entry(key).or_default() += 1;
                    }
                }
            }
        }
    }

    /// The whole graph's id of every node of the chunk's graph that is written: its
    /// articles, the chunk's claims and what they link, in the order the input shows them;
    /// and when each was met (`u64::MAX`: not walked).
    fn ids(&mut self, r: &ChunkReport) -> (NodeIds, Vec<u64>) {
        let g = &r.graph;
        let bound = g
            .graph
            .node_indices()
            .next_back()
            .map_or(0, |n| n.index() + 1);
        let mut ids = vec![(b'?', 0u32); bound];
        let mut met = vec![u64::MAX; bound];
        for (k, &a) in g.articles.iter().enumerate() {
            if let Some(&seq) = r.inputs.get(k) {
                ids[a.index()] = (b'a', u32::try_from(seq).unwrap_or(u32::MAX));
            }
        }
        for n in walked(r) {
            let node = &g.graph[n];
            met[n.index()] = self.met;
            self.met += 1;
            let (prefix, slot) = kind_slot(node);
            let id = match shared_key(node) {
                None => {
                    self.counters[slot] += 1;
                    (prefix, self.counters[slot] - 1)
                }
                Some(key) => {
                    let k = match self.index.get(&key) {
                        Some(&k) => k,
                        None => {
                            self.counters[slot] += 1;
                            self.index.insert(key, self.shared.len());
                            self.shared.push(Shared {
                                id: (prefix, self.counters[slot] - 1),
                                met: met[n.index()],
                                node: node.clone(),
                                spellings: BTreeSet::new(),
                                kept: false,
                            });
                            self.shared.len() - 1
                        }
                    };
                    if let Node::Outlet(o) = node {
                        self.shared[k].spellings.extend(o.spellings.iter().cloned());
                    }
                    self.shared[k].id
                }
            };
            ids[n.index()] = id;
        }
        (NodeIds::from_pairs(ids), met)
    }

    /// Leave out the claims of other chunks (context) and those the filter leaves out.
    fn select_claims(&self, r: &mut ChunkReport) {
        let verdicts: HashMap<NodeIndex, Verdict> = r
            .claims
            .iter()
            .map(|c| (c.node, c.corroboration.verdict))
            .collect();
        let g = &mut r.graph;
        for i in 0..g.claims.len() {
            for k in 0..g.claims[i].len() {
                let c = g.claims[i][k];
                let keep =
                    r.chunk.contains(&i) && verdicts.get(&c).is_some_and(|&v| self.filter.keeps(v));
                if !keep {
                    g.graph.remove_node(c);
                }
            }
        }
    }

    /// Leave out what the whole graph's selections ([`crate::graph::select`]) leave out:
    /// claims, then outlets cited by too few of the claims left, then articles no claim
    /// is left with.
    fn select(&self, r: &mut ChunkReport) {
        if let Some(f) = &self.focus {
            let keep = f.kept(r);
            let gone: Vec<NodeIndex> = r
                .graph
                .graph
                .node_indices()
                .filter(|n| !keep.contains(n))
                .collect();
            for n in gone {
                r.graph.graph.remove_node(n);
            }
        }
        self.select_claims(r);
        let g = &mut r.graph;
        if let Some(min) = self.filter.min_claims {
            let weak: Vec<NodeIndex> = g
                .outlet_nodes()
                .filter(|&o| {
                    let here = g
                        .graph
                        .edges_directed(o, Direction::Incoming)
                        .filter(|e| matches!(e.weight(), Edge::Cites(_)))
                        .map(|e| e.source())
                        .collect::<HashSet<_>>()
                        .len();
                    let claims = match shared_key(&g.graph[o]) {
                        Some(key) => self.cited.get(&key).copied().unwrap_or(0),
                        None => here,
                    };
                    claims < min
                })
                .collect();
            for o in weak {
                g.graph.remove_node(o);
            }
        }
        if self.filter.selects() {
            let orphans: Vec<NodeIndex> = g
                .articles
                .iter()
                .copied()
                .filter(|&a| {
                    g.graph.contains_node(a)
                        && !g
                            .graph
                            .neighbors_undirected(a)
                            .any(|m| matches!(g.graph[m], Node::Claim(_)))
                })
                .collect();
            for a in orphans {
                g.graph.remove_node(a);
            }
        }
    }

    /// Write what the chunks share, given the input's relays (`ctx`), and the legend; close
    /// the graph.
    ///
    /// # Errors
    /// Any error of the writer.
    pub fn finish(mut self, ctx: &InputContext) -> io::Result<()> {
        let mut g = SourceGraph::default();
        let mut ids: Vec<(u8, u32)> = Vec::new();
        let written = |seq: usize| {
            self.written
                .get(seq / 64)
                .is_some_and(|w| w & (1 << (seq % 64)) != 0)
        };
        for (seq, a) in std::mem::take(&mut self.late) {
            if written(seq) {
                continue;
            }
            let n = g.graph.add_node(Node::Article(Box::new(a)));
            g.articles.push(n);
            g.claims.push(Vec::new());
            ids.push((b'a', u32::try_from(seq).unwrap_or(u32::MAX)));
        }
        // Shared nodes, and own nodes the focus cut off from their claims, as met.
        let mut all: Vec<(u64, (u8, u32), Node)> = std::mem::take(&mut self.shared)
            .into_iter()
            .filter(|s| s.kept)
            .map(|s| {
                let mut node = s.node;
                if let Node::Outlet(o) = &mut node {
                    o.spellings = s.spellings.into_iter().collect();
                }
                (s.met, s.id, node)
            })
            .collect();
        all.append(&mut self.cut_off);
        all.sort_by_key(|(met, _, _)| *met);
        let mut nodes: HashMap<SharedKey, NodeIndex> = HashMap::new();
        for (_, id, node) in all {
            let key = shared_key(&node);
            let n = g.graph.add_node(node);
            ids.push(id);
            if let Some(k) = key {
                nodes.insert(k, n);
            }
        }
        for (a, b, count) in ctx.relays() {
            let (Some(&x), Some(&y)) = (
                shared_key(a).and_then(|k| nodes.get(&k)),
                shared_key(b).and_then(|k| nodes.get(&k)),
            ) else {
                continue;
            };
            g.graph.add_edge(x, y, Edge::Relays { count });
        }
        let ids = NodeIds::from_pairs(ids);
        self.out
            .shared(&g, &ids, &crate::graph::parts::shared_part(&g))?;
        self.out.finish()
    }
}
