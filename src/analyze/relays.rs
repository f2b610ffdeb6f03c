//! Relay roots of every outlet at once: where each outlet's reports come from when relay
//! edges (carrier → origin) are followed through the whole graph.
//!
//! [`trace_root`](super::trace_root) answers for one node with a depth-first search; a
//! corpus asks for every cited outlet of every claim, and on a corpus where many outlets
//! relay each other one search per question is quadratic. [`RelayRoots`] answers all of
//! them from one pass over the strongly connected components of the relay edges
//! (petgraph's Tarjan), sinks first.

use crate::graph::{Edge, Node, SourceGraph};
use crate::model::SourceType;
use petgraph::graph::DiGraph;
use petgraph::stable_graph::NodeIndex;
use petgraph::visit::{EdgeRef, IntoEdgeReferences};
use std::collections::HashMap;

/// Where one node's reports come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Origin {
    /// Up to two distinct roots (nodes that relay nothing) reachable by relay edges.
    roots: [Option<NodeIndex>; 2],
    /// A circle of relays is reachable.
    cyclic: bool,
}

/// Relay root and circularity of every node that relays something.
///
/// # Complexity
/// Built in `O(E)` for the graph's `E` edges (relay edges are few; the scan finds them);
/// each look-up is one hash probe.
#[derive(Debug, Clone, Default)]
pub struct RelayRoots {
    origins: HashMap<NodeIndex, Origin>,
    /// The same, following only relays of outlets (not of persons, bodies or documents).
    outlet_origins: HashMap<NodeIndex, Origin>,
}

/// An edge that says where a node's reports come from: unnamed sources are one node per
/// article, so relaying them says nothing about an outlet's origin.
fn is_origin_edge(g: &SourceGraph, e: &petgraph::stable_graph::EdgeReference<'_, Edge>) -> bool {
    matches!(e.weight(), Edge::Relays { .. })
        && !matches!(
            g.graph.node_weight(e.target()),
            Some(Node::Source(s)) if matches!(s.kind, SourceType::Anonymous | SourceType::Vague)
        )
}

impl RelayRoots {
    /// Trace every relay chain of `g`.
    pub fn new(g: &SourceGraph) -> RelayRoots {
        RelayRoots {
            origins: trace(g, |_| true),
            outlet_origins: trace(g, |t| {
                matches!(g.graph.node_weight(t), Some(Node::Outlet(_)))
            }),
        }
    }

    /// The single root of `n`'s reports (itself when it relays nothing; `None` when they
    /// come from several origins or only from a circle), and whether a circle of relays is
    /// met on the way.
    pub fn root(&self, n: NodeIndex) -> (Option<NodeIndex>, bool) {
        single(n, self.origins.get(&n))
    }

    /// Up to two distinct roots of `n`'s reports (itself when it relays nothing), and whether
    /// a circle of relays is met on the way.
    pub fn roots(&self, n: NodeIndex) -> ([Option<NodeIndex>; 2], bool) {
        self.origins
            .get(&n)
            .map_or(([Some(n), None], false), |o| (o.roots, o.cyclic))
    }

    /// [`root`](Self::root) following only relays whose origin is an outlet.
    pub fn outlet_root(&self, n: NodeIndex) -> (Option<NodeIndex>, bool) {
        single(n, self.outlet_origins.get(&n))
    }
}

fn single(n: NodeIndex, origin: Option<&Origin>) -> (Option<NodeIndex>, bool) {
    match origin {
        None => (Some(n), false),
        Some(o) => {
            let single = match o.roots {
                [Some(r), None] => Some(r),
                _ => None,
            };
            (single, o.cyclic)
        }
    }
}

/// Origins of every node that relays something, over the relay edges whose target `keep`
/// accepts.
fn trace(g: &SourceGraph, keep: impl Fn(NodeIndex) -> bool) -> HashMap<NodeIndex, Origin> {
    let mut relay: DiGraph<NodeIndex, ()> = DiGraph::new();
    let mut index: HashMap<NodeIndex, petgraph::graph::NodeIndex> = HashMap::new();
    let mut add = |relay: &mut DiGraph<NodeIndex, ()>, n: NodeIndex| {
        *index.entry(n).or_insert_with(|| relay.add_node(n))
    };
    let mut edges: Vec<(NodeIndex, NodeIndex)> = (&g.graph)
        .edge_references()
        .filter(|e| is_origin_edge(g, e) && keep(e.target()))
        .map(|e| (e.source(), e.target()))
        .collect();
    edges.sort();
    edges.dedup();
    for (s, t) in edges {
        let (a, b) = (add(&mut relay, s), add(&mut relay, t));
        relay.add_edge(a, b, ());
    }
    // Tarjan yields components in post-order: every component after those it reaches.
    let sccs = petgraph::algo::tarjan_scc(&relay);
    let mut component = vec![0usize; relay.node_count()];
    for (c, members) in sccs.iter().enumerate() {
        for &m in members {
            component[m.index()] = c;
        }
    }
    let mut found: Vec<Origin> = Vec::with_capacity(sccs.len());
    for (c, members) in sccs.iter().enumerate() {
        let mut origin = Origin {
            roots: [None; 2],
            cyclic: members.len() > 1,
        };
        let mut leaves = true;
        for &m in members {
            for next in relay.neighbors(m) {
                let d = component[next.index()];
                if d == c {
                    continue;
                }
                leaves = false;
                let reached = found[d];
                origin.cyclic |= reached.cyclic;
                for r in reached.roots.into_iter().flatten() {
                    add_root(&mut origin.roots, r);
                }
            }
        }
        if leaves && members.len() == 1 {
            origin.roots = [Some(relay[members[0]]), None];
        }
        found.push(origin);
    }
    relay
        .node_indices()
        .map(|m| (relay[m], found[component[m.index()]]))
        .collect()
}

fn add_root(roots: &mut [Option<NodeIndex>; 2], r: NodeIndex) {
    match *roots {
        [None, _] => roots[0] = Some(r),
        [Some(a), None] if a != r => roots[1] = Some(r),
        _ => {}
    }
}
