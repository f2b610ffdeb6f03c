//! The source graph cut into parts that can be written one after another: one part per
//! article — its cluster, the nodes that belong to it alone, the edges from it and its
//! claims — and one part for what the articles share (outlets, named sources, dates,
//! earlier issues, relays between them, articles left without claims). Every writer of the
//! graph walks these parts in this order, so a graph built whole and one streamed chunk by
//! chunk ([`crate::export::streamed`]) are written alike.
//!
//! A node is an article's own when nothing outside the article can point at it: its
//! claims, its unnamed sources, documents and roles without a name, a citation's lost
//! outlet ([`Node::is_article_own`]).

use super::{Edge, Node, SourceGraph};
use petgraph::Direction;
use petgraph::stable_graph::{EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef;

impl Node {
    /// True when the node belongs to one article: a claim, a source that is one node per
    /// article ([`super::SourceNode::is_per_article`]), a citation's lost outlet.
    pub fn is_article_own(&self) -> bool {
        match self {
            Node::Claim(_) => true,
            Node::Source(s) => s.is_per_article(),
            Node::Outlet(o) => o.is_missing(),
            Node::Article(_) | Node::Date(_) | Node::Issue(_) => false,
        }
    }
}

/// One article's part of a graph: what is written with it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ArticlePart {
    /// The article's node, when it is in the graph and keeps claims (an article left
    /// without claims is written with the shared part, [`SharedPart::articles`]).
    pub article: Option<NodeIndex>,
    /// Its claims in the graph, in text order.
    pub claims: Vec<NodeIndex>,
    /// The nodes its claims link that belong to it alone, in index order.
    pub own: Vec<NodeIndex>,
    /// Edges from the article and its claims, and relays between nodes its claims link
    /// of which one is its own, in index order.
    pub edges: Vec<EdgeIndex>,
}

impl ArticlePart {
    /// Its nodes in writing order: the article, its claims, its own nodes.
    pub fn nodes(&self) -> impl Iterator<Item = NodeIndex> + '_ {
        self.article
            .into_iter()
            .chain(self.claims.iter().copied())
            .chain(self.own.iter().copied())
    }
}

/// The part of article `i` (its place in [`SourceGraph::articles`]) of `g`.
pub fn article_part(g: &SourceGraph, i: usize) -> ArticlePart {
    let claims: Vec<NodeIndex> = g
        .claims
        .get(i)
        .map_or(&[][..], Vec::as_slice)
        .iter()
        .copied()
        .filter(|&c| g.graph.contains_node(c))
        .collect();
    let article = g
        .articles
        .get(i)
        .copied()
        .filter(|&a| g.graph.contains_node(a) && !claims.is_empty());
    let mut linked: Vec<NodeIndex> = claims
        .iter()
        .flat_map(|&c| g.graph.edges_directed(c, Direction::Outgoing))
        .map(|e| e.target())
        .collect();
    linked.sort_unstable();
    linked.dedup();
    let own: Vec<NodeIndex> = linked
        .iter()
        .copied()
        .filter(|&n| g.graph[n].is_article_own())
        .collect();
    let mut edges: Vec<EdgeIndex> = article
        .into_iter()
        .chain(claims.iter().copied())
        .flat_map(|n| g.graph.edges_directed(n, Direction::Outgoing))
        .filter(|e| !matches!(e.weight(), Edge::Relays { .. }))
        .map(|e| e.id())
        .collect();
    // Relays touching the article's own nodes, between nodes its claims link.
    for &n in &own {
        for dir in [Direction::Outgoing, Direction::Incoming] {
            for e in g.graph.edges_directed(n, dir) {
                let other = if dir == Direction::Outgoing {
                    e.target()
                } else {
                    e.source()
                };
                if matches!(e.weight(), Edge::Relays { .. }) && linked.binary_search(&other).is_ok()
                {
                    edges.push(e.id());
                }
            }
        }
    }
    edges.sort_unstable();
    edges.dedup();
    ArticlePart {
        article,
        claims,
        own,
        edges,
    }
}

/// What the articles of a graph share, written after them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SharedPart {
    /// Articles in the graph left without claims (by a selection, or with none), in
    /// article order.
    pub articles: Vec<NodeIndex>,
    /// Outlets, named sources, dates and earlier issues, in index order (and an article's
    /// own node that no claim of the graph links any more).
    pub nodes: Vec<NodeIndex>,
    /// Relays between them, in index order.
    pub edges: Vec<EdgeIndex>,
}

impl SharedPart {
    /// Its nodes in writing order: the articles, then the shared nodes.
    pub fn all_nodes(&self) -> impl Iterator<Item = NodeIndex> + '_ {
        self.articles.iter().chain(&self.nodes).copied()
    }
}

/// The shared part of `g`.
pub fn shared_part(g: &SourceGraph) -> SharedPart {
    let articles = g
        .articles
        .iter()
        .enumerate()
        .filter(|&(i, &a)| {
            g.graph.contains_node(a)
                && !g
                    .claims
                    .get(i)
                    .is_some_and(|cs| cs.iter().any(|&c| g.graph.contains_node(c)))
        })
        .map(|(_, &a)| a)
        .collect();
    let shared =
        |n: NodeIndex| !matches!(g.graph[n], Node::Article(_)) && !g.graph[n].is_article_own();
    // An article's own node that no claim in the graph links (a selection cut it off from
    // them: `--focus`) is written here too.
    let cut_off = |n: NodeIndex| {
        !matches!(g.graph[n], Node::Article(_) | Node::Claim(_))
            && g.graph[n].is_article_own()
            && !g
                .graph
                .neighbors_directed(n, Direction::Incoming)
                .any(|m| matches!(g.graph[m], Node::Claim(_)))
    };
    let nodes = g
        .graph
        .node_indices()
        .filter(|&n| shared(n) || cut_off(n))
        .collect();
    let mut edges: Vec<EdgeIndex> = g
        .graph
        .edge_indices()
        .filter(|&e| {
            matches!(g.graph[e], Edge::Relays { .. })
                && g.graph
                    .edge_endpoints(e)
                    .is_some_and(|(a, b)| shared(a) && shared(b))
        })
        .collect();
    edges.sort_unstable();
    SharedPart {
        articles,
        nodes,
        edges,
    }
}

/// Every part of `g` in writing order: each article's, then the shared one.
pub fn parts(g: &SourceGraph) -> (Vec<ArticlePart>, SharedPart) {
    let articles = (0..g.articles.len().max(g.claims.len()))
        .map(|i| article_part(g, i))
        .collect();
    (articles, shared_part(g))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::Pipeline;

    #[test]
    fn every_node_and_edge_is_in_exactly_one_part() {
        let g = Pipeline::default().graph_of_text(
            "t.txt",
            "Publication: Monitor Date: May 3, 2001\n\n\
             A spokesman told Interfax that the mill had closed (Interfax, May 2; AFP, May 2, \
             as cited by Itar-Tass). The statement said more (see the Monitor, May 1).\n\n\
             Publication: Monitor Date: May 4, 2001\n\n\
             Nothing cited here. Kravets said the talks failed (Kommersant, May 3).\n",
        );
        let (articles, shared) = parts(&g);
        let mut nodes: Vec<NodeIndex> = articles
            .iter()
            .flat_map(|p| {
                p.article
                    .into_iter()
                    .chain(p.claims.clone())
                    .chain(p.own.clone())
            })
            .chain(shared.articles.clone())
            .chain(shared.nodes.clone())
            .collect();
        let mut edges: Vec<EdgeIndex> = articles
            .iter()
            .flat_map(|p| p.edges.clone())
            .chain(shared.edges.clone())
            .collect();
        let n = nodes.len();
        nodes.sort_unstable();
        nodes.dedup();
        assert_eq!(n, nodes.len(), "a node in two parts");
        assert_eq!(nodes, g.graph.node_indices().collect::<Vec<_>>());
        let e = edges.len();
        edges.sort_unstable();
        edges.dedup();
        assert_eq!(e, edges.len(), "an edge in two parts");
        assert_eq!(edges, g.graph.edge_indices().collect::<Vec<_>>());
        assert!(
            articles[0]
                .own
                .iter()
                .any(|&n| matches!(&g.graph[n], Node::Source(s) if s.name.contains("spokesman")))
        );
    }
}
