//! Selections that shrink a large graph before it is drawn: a neighbourhood around one
//! node, claims of some verdicts, outlets that support enough claims; and the node a
//! `--focus` name points at ([`find_node`]).

use super::{Edge, Node, SourceGraph};
use petgraph::stable_graph::{EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef;
use std::collections::{BTreeSet, HashMap, VecDeque};

/// Keep only nodes within `depth` edges (either direction) of `start`.
///
/// # Complexity
/// `O(n + e)`.
pub fn neighbourhood(g: &mut SourceGraph, start: NodeIndex, depth: usize) {
    let keep = neighbourhood_nodes(g, start, depth);
    retain_nodes(g, |n, _| keep.contains(&n));
}

/// The nodes within `depth` edges (either direction) of `start` and the edges between
/// them, copied into a graph of their own: what [`neighbourhood`] leaves of `g`, in the
/// same order, without touching the rest of `g`. Each kept node gets a new index; the
/// pairs (old, new) come back in old index order, for
/// [`Report::renumbered`](crate::analyze::Report::renumbered).
///
/// # Complexity
/// `O(k log k)` for the `k` nodes kept and the edges they touch: drawing every article's
/// neighbourhood of a corpus graph stays linear in the corpus.
pub fn neighbourhood_graph(
    g: &SourceGraph,
    start: NodeIndex,
    depth: usize,
) -> (SourceGraph, Vec<(NodeIndex, NodeIndex)>) {
    let keep = neighbourhood_nodes(g, start, depth);
    let mut sub = SourceGraph::default();
    let mut renumbered: HashMap<NodeIndex, NodeIndex> = HashMap::with_capacity(keep.len());
    let mut pairs = Vec::with_capacity(keep.len());
    for &n in &keep {
        let m = sub.graph.add_node(g.graph[n].clone());
        renumbered.insert(n, m);
        pairs.push((n, m));
    }
    // Edges in their old index order, so each node lists them in the same order.
    let edges: BTreeSet<EdgeIndex> = keep
        .iter()
        .flat_map(|&n| g.graph.edges_directed(n, petgraph::Direction::Outgoing))
        .filter(|e| keep.contains(&e.target()))
        .map(|e| e.id())
        .collect();
    for e in edges {
        if let (Some((a, b)), Some(w)) = (g.graph.edge_endpoints(e), g.graph.edge_weight(e)) {
            sub.graph
                .add_edge(renumbered[&a], renumbered[&b], w.clone());
        }
    }
    sub.index_articles();
    (sub, pairs)
}

/// The nodes within `depth` edges (either direction) of `start`, in index order.
pub(crate) fn neighbourhood_nodes(
    g: &SourceGraph,
    start: NodeIndex,
    depth: usize,
) -> BTreeSet<NodeIndex> {
    let mut keep = BTreeSet::from([start]);
    let mut queue = VecDeque::from([(start, 0usize)]);
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
    keep
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

/// The node `focus` names, as `--focus` takes it: an outlet (any spelling, or a name the
/// knowledge base knows for it), an article (`path`, or `path#N` for its N-th article), or a
/// claim (`path:line`, the claim that line falls in).
///
/// ```
/// use srcgraph::graph::select::find_node;
/// use srcgraph::outlets::Outlets;
/// use srcgraph::pipeline::Pipeline;
///
/// let g = Pipeline::default().graph_of_text("a.txt", "Troops moved (Agence France-Presse, May 2).\n");
/// let afp = find_node(&g, Outlets::builtin(), "AFP").expect("the outlet");
/// assert_eq!(g.outlet(afp).map(|o| o.name.as_str()), Some("Agence France-Presse"));
/// assert!(find_node(&g, Outlets::builtin(), "a.txt#1").is_some());
/// assert!(find_node(&g, Outlets::builtin(), "a.txt:1").is_some());
/// assert!(find_node(&g, Outlets::builtin(), "Kyodo").is_none());
/// ```
pub fn find_node(
    g: &SourceGraph,
    outlets: &crate::outlets::Outlets,
    focus: &str,
) -> Option<NodeIndex> {
    use crate::outlets::outlet_key;
    let canonical = outlets.lookup(focus).map(|o| outlet_key(&o.name));
    let key = outlet_key(focus);
    let outlet = g.outlet_nodes().find(|&n| {
        g.outlet(n).is_some_and(|o| {
            let k = outlet_key(&o.name);
            Some(&k) == canonical.as_ref()
                || k == key
                || o.spellings.iter().any(|s| outlet_key(s) == key)
        })
    });
    if outlet.is_some() {
        return outlet;
    }
    let (path, number) = match focus.rsplit_once('#') {
        Some((p, n)) => (p, n.parse::<usize>().ok()),
        None => (focus, None),
    };
    let article = g.articles.iter().copied().find(|&n| match &g.graph[n] {
        Node::Article(a) => &*a.path == path && number.is_none_or(|k| a.index + 1 == k),
        _ => false,
    });
    if article.is_some() {
        return article;
    }
    let (path, line) = focus.rsplit_once(':')?;
    let line: usize = line.parse().ok()?;
    g.claim_nodes()
        .filter(|&n| {
            g.claim(n)
                .is_some_and(|c| &*c.path == path && c.claim.line <= line)
        })
        .max_by_key(|&n| g.claim(n).map(|c| (c.article, c.claim.line)))
}
