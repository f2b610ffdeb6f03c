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

use super::sink::GraphSink;
use super::table::NodeIds;
use crate::analyze::{Report, Verdict};
use crate::calendar::Date;
use crate::context::{ChunkReport, InputContext};
use crate::graph::{ArticleNode, Edge, Node, SourceGraph};
use crate::model::SourceType;
use crate::outlets::outlet_key;
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

/// A shared node as kept until the end.
#[derive(Debug)]
struct Shared {
    id: (u8, u32),
    node: Node,
    spellings: BTreeSet<String>,
    /// Linked from a claim that is written.
    kept: bool,
}

/// Which claims are written.
#[derive(Debug, Clone, Default)]
pub struct ClaimFilter {
    /// Only claims of these verdicts (all when empty).
    pub verdicts: Vec<Verdict>,
}

impl ClaimFilter {
    fn keeps(&self, v: Verdict) -> bool {
        self.verdicts.is_empty() || self.verdicts.contains(&v)
    }

    fn selects(&self) -> bool {
        !self.verdicts.is_empty()
    }
}

/// Writes the graph of a whole input from its judged chunks, in input order
/// ([`StreamedGraph::chunk`]), then what they share ([`StreamedGraph::finish`]), to a
/// [`GraphSink`] (any output format).
pub struct StreamedGraph<'w> {
    out: Box<dyn GraphSink + 'w>,
    filter: ClaimFilter,
    counters: [u32; 6],
    index: HashMap<SharedKey, usize>,
    shared: Vec<Shared>,
    /// Articles left without written claims that a written claim cross-references (or,
    /// with no selection, that have no claims), by number in reading order.
    late: BTreeMap<usize, ArticleNode>,
    /// A bit per article: its claims were written.
    written: Vec<u64>,
}

impl<'w> StreamedGraph<'w> {
    /// A graph written to `out`, claims selected by `filter`.
    pub fn new(out: Box<dyn GraphSink + 'w>, filter: ClaimFilter) -> StreamedGraph<'w> {
        StreamedGraph {
            out,
            filter,
            counters: [0; 6],
            index: HashMap::new(),
            shared: Vec::new(),
            late: BTreeMap::new(),
            written: Vec::new(),
        }
    }

    /// Write the articles of the next judged chunk.
    ///
    /// # Errors
    /// Any error of the writer.
    pub fn chunk(&mut self, mut r: ChunkReport) -> io::Result<()> {
        let ids = self.ids(&r);
        self.select(&mut r);
        let g = &r.graph;
        let chunk_claims: Vec<NodeIndex> = r
            .chunk
            .clone()
            .flat_map(|i| g.claims[i].iter().copied())
            .filter(|&c| g.graph.contains_node(c))
            .collect();
        for &c in &chunk_claims {
            for e in g.graph.edges_directed(c, Direction::Outgoing) {
                let t = e.target();
                if let Some(&k) = shared_key(&g.graph[t]).and_then(|k| self.index.get(&k)) {
                    self.shared[k].kept = true;
                }
                if matches!(e.weight(), Edge::CrossReference(_))
                    && let Some(Node::Article(a)) = g.graph.node_weight(t)
                {
                    let k = g.articles.iter().position(|&n| n == t);
                    if let Some(seq) = k.and_then(|k| r.inputs.get(k)) {
                        self.late.entry(*seq).or_insert_with(|| ArticleNode {
                            input: *seq,
                            ..(**a).clone()
                        });
                    }
                }
            }
        }
        for i in r.chunk.clone() {
            let seq = r.inputs[i];
            let has_claims = g.claims[i].iter().any(|&c| g.graph.contains_node(c));
            if has_claims {
                let (w, b) = (seq / 64, seq % 64);
                if self.written.len() <= w {
                    self.written.resize(w + 1, 0);
                }
                self.written[w] |= 1 << b;
            } else if !self.filter.selects()
                && let Some(Node::Article(a)) = g.graph.node_weight(g.articles[i])
            {
                self.late.entry(seq).or_insert_with(|| ArticleNode {
                    input: seq,
                    ..(**a).clone()
                });
            }
        }
        let report = Report::new(r.claims, Vec::new(), Vec::new());
        self.out.articles(g, &ids, &report, r.chunk.clone())
    }

    /// The whole graph's id of every node of the chunk's graph that is written: its
    /// articles, the chunk's claims and what they link, in the order the input shows them.
    fn ids(&mut self, r: &ChunkReport) -> NodeIds {
        let g = &r.graph;
        let bound = g
            .graph
            .node_indices()
            .next_back()
            .map_or(0, |n| n.index() + 1);
        let mut ids = vec![(b'?', 0u32); bound];
        for (k, &a) in g.articles.iter().enumerate() {
            if let Some(&seq) = r.inputs.get(k) {
                ids[a.index()] = (b'a', u32::try_from(seq).unwrap_or(u32::MAX));
            }
        }
        let claims: HashSet<NodeIndex> = r
            .chunk
            .clone()
            .flat_map(|i| g.claims[i].iter().copied())
            .collect();
        let mut linked: HashSet<NodeIndex> = HashSet::new();
        for &c in &claims {
            linked.extend(g.graph.neighbors_directed(c, Direction::Outgoing));
        }
        for n in g.graph.node_indices() {
            let node = &g.graph[n];
            let wanted = if matches!(node, Node::Claim(_)) {
                claims.contains(&n)
            } else {
                linked.contains(&n) && !matches!(node, Node::Article(_))
            };
            if !wanted {
                continue;
            }
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
        NodeIds::from_pairs(ids)
    }

    /// Leave out the claims of other chunks (context) and those the filter leaves out.
    fn select(&self, r: &mut ChunkReport) {
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
        let mut nodes: HashMap<SharedKey, NodeIndex> = HashMap::new();
        for s in std::mem::take(&mut self.shared) {
            if !s.kept {
                continue;
            }
            let key = shared_key(&s.node);
            let mut node = s.node;
            if let Node::Outlet(o) = &mut node {
                o.spellings = s.spellings.into_iter().collect();
            }
            let n = g.graph.add_node(node);
            ids.push(s.id);
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
