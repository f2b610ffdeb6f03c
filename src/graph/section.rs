//! The graph a report draws for one article: every node within two edges of the article
//! (either direction) and the edges between them, in one order that a whole graph and a
//! graph put together chunk by chunk ([`crate::export::streamed::StreamedReport`]) both
//! give, so both draw the same picture.
//!
//! The order: article nodes by reading order, then the other nodes in the order the input
//! first shows them; edges by their source node in that order, a claim's edges in the
//! order they were added, other nodes' edges (an article's claims, an outlet's relays) by
//! their target.

use super::{Edge, Node, SourceGraph};
use petgraph::stable_graph::NodeIndex;
use petgraph::visit::EdgeRef;
use std::collections::{BTreeMap, HashMap};

/// Where a node stands in the order of a section graph: `(0, reading order)` for an
/// article, `(1, when the input first shows it)` for any other node.
pub type NodeOrder = (u8, u64);

/// Collects a section graph's nodes and edges in any order and adds them in the
/// section's order ([`SectionBuilder::finish`]).
#[derive(Debug, Default)]
pub struct SectionBuilder {
    nodes: BTreeMap<NodeOrder, Node>,
    /// (source, rank among the source's edges, target, edge).
    edges: Vec<(NodeOrder, (u64, u64), NodeOrder, Edge)>,
}

impl SectionBuilder {
    /// Add a node (a second node of the same order is ignored: it is the same node).
    pub fn node(&mut self, at: NodeOrder, node: Node) {
        self.nodes.entry(at).or_insert(node);
    }

    /// True when a node of this order was added.
    pub fn has(&self, at: NodeOrder) -> bool {
        self.nodes.contains_key(&at)
    }

    /// Add an edge from `from` to `to`; `rank` orders the edges of one claim (the order
    /// they were added to it). Other nodes' edges are ordered by their target.
    pub fn edge(&mut self, from: NodeOrder, rank: u64, to: NodeOrder, edge: Edge) {
        self.edges.push((from, (rank, 0), to, edge));
    }

    /// The graph: nodes in order, edges whose ends were both added, the article and claim
    /// tables; and the order of each node added, by its index in the graph.
    pub fn finish(self) -> (SourceGraph, Vec<NodeOrder>) {
        let mut sub = SourceGraph::default();
        let mut index: HashMap<NodeOrder, NodeIndex> = HashMap::with_capacity(self.nodes.len());
        let mut orders = Vec::with_capacity(self.nodes.len());
        for (at, node) in self.nodes {
            index.insert(at, sub.graph.add_node(node));
            orders.push(at);
        }
        let mut edges: Vec<_> = self
            .edges
            .into_iter()
            .filter_map(|(from, rank, to, e)| {
                let (a, b) = (*index.get(&from)?, *index.get(&to)?);
                let rank = match sub.graph[a] {
                    Node::Claim(_) => rank,
                    _ => (u64::from(to.0), to.1),
                };
                Some(((from, rank), a, b, e))
            })
            .collect();
        edges.sort_by_key(|(key, ..)| *key);
        edges.dedup_by_key(|(key, ..)| *key);
        for (_, a, b, e) in edges {
            sub.graph.add_edge(a, b, e);
        }
        sub.index_articles();
        (sub, orders)
    }
}

/// The section graph of article node `an` of the whole graph `g`, and the pairs (node of
/// `g`, node of the section), for [`Report::renumbered`](crate::analyze::Report::renumbered).
///
/// # Complexity
/// `O(k log k)` for the `k` nodes and edges around the article.
pub fn article_section(
    g: &SourceGraph,
    an: NodeIndex,
) -> (SourceGraph, Vec<(NodeIndex, NodeIndex)>) {
    let keep = super::select::neighbourhood_nodes(g, an, 2);
    let order = |n: NodeIndex| -> NodeOrder {
        match &g.graph[n] {
            Node::Article(a) => (0, a.input as u64),
            _ => (1, n.index() as u64),
        }
    };
    let mut b = SectionBuilder::default();
    let mut old: HashMap<NodeOrder, NodeIndex> = HashMap::with_capacity(keep.len());
    for &n in &keep {
        b.node(order(n), g.graph[n].clone());
        old.insert(order(n), n);
    }
    for &n in &keep {
        for e in g.graph.edges_directed(n, petgraph::Direction::Outgoing) {
            if keep.contains(&e.target()) {
                b.edge(
                    order(n),
                    e.id().index() as u64,
                    order(e.target()),
                    e.weight().clone(),
                );
            }
        }
    }
    let (sub, orders) = b.finish();
    let pairs = orders
        .iter()
        .enumerate()
        .map(|(i, at)| (old[at], NodeIndex::new(i)))
        .collect();
    (sub, pairs)
}
