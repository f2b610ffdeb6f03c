//! Selections that shrink a large graph before it is drawn: a neighbourhood around one
//! node, claims of some verdicts, outlets that support enough claims.

use super::{Edge, Node, SourceGraph};
use petgraph::stable_graph::NodeIndex;
use petgraph::visit::EdgeRef;
use std::collections::{BTreeSet, HashSet, VecDeque};

/// Keep only nodes within `depth` edges (either direction) of `start`.
///
/// # Complexity
/// `O(n + e)`.
pub fn neighbourhood(g: &mut SourceGraph, start: NodeIndex, depth: usize) {
    let mut keep: HashSet<NodeIndex> = HashSet::new();
    let mut queue = VecDeque::from([(start, 0usize)]);
    keep.insert(start);
    while let Some((n, d)) = queue.pop_front() {
        if d == depth {
            continue;
        }
        let next: BTreeSet<NodeIndex> = g
            .graph
            .edges_directed(n, petgraph::Direction::Outgoing)
            .map(|e| e.target())
            .chain(
                g.graph
                    .edges_directed(n, petgraph::Direction::Incoming)
                    .map(|e| e.source()),
            )
            .collect();
        for m in next {
            if keep.insert(m) {
                queue.push_back((m, d + 1));
            }
        }
    }
    retain_nodes(g, |n, _| keep.contains(&n));
}

/// Keep claims for which `keep_claim` holds, and the articles, outlets, dates and issues
/// still linked to a kept claim.
pub fn claims_where(g: &mut SourceGraph, keep_claim: impl Fn(NodeIndex) -> bool) {
    retain_nodes(g, |n, w| !matches!(w, Node::Claim(_)) || keep_claim(n));
    drop_orphans(g);
}

/// Keep outlets cited by at least `min` claims (and drop what is left unlinked).
pub fn outlets_with_claims(g: &mut SourceGraph, min: usize) {
    let weak: Vec<NodeIndex> = g
        .outlet_nodes()
        .filter(|&n| {
            let claims: BTreeSet<NodeIndex> = g
                .graph
                .edges_directed(n, petgraph::Direction::Incoming)
                .filter(|e| matches!(e.weight(), Edge::Cites(_)))
                .map(|e| e.source())
                .collect();
            claims.len() < min
        })
        .collect();
    for n in weak {
        g.graph.remove_node(n);
    }
    drop_orphans(g);
}

/// Remove nodes other than claims that no longer have an edge to any claim, and articles
/// with no claim left.
fn drop_orphans(g: &mut SourceGraph) {
    let orphans: Vec<NodeIndex> = g
        .graph
        .node_indices()
        .filter(|&n| !matches!(g.graph[n], Node::Claim(_)))
        .filter(|&n| {
            !g.graph
                .neighbors_undirected(n)
                .any(|m| matches!(g.graph[m], Node::Claim(_)))
        })
        .collect();
    for n in orphans {
        g.graph.remove_node(n);
    }
}

fn retain_nodes(g: &mut SourceGraph, keep: impl Fn(NodeIndex, &Node) -> bool) {
    let gone: Vec<NodeIndex> = g
        .graph
        .node_indices()
        .filter(|&n| !keep(n, &g.graph[n]))
        .collect();
    for n in gone {
        g.graph.remove_node(n);
    }
}
