//! The source graph: articles, claims, outlets, dates and the edges between them, in a
//! petgraph [`StableDiGraph`] (stable, because selections remove nodes).
//!
//! Nodes: one per article, per claim, per canonical outlet across the whole input (aliases
//! merged), per earlier issue that a cross-reference points at but the input lacks, and per
//! cited day when date nodes are asked for, and per source named in the prose (a person, an
//! official body, a document, an unnamed source). Edges: article → claim (contains), claim →
//! outlet (cites, with dates and span), outlet → outlet or source (relays: carrier →
//! origin), claim → article or issue (cross-reference), claim → date, claim → outlet or
//! source (attributes: named in the claim's prose).

mod build;
mod edge;
mod node;
pub mod parts;
pub mod section;
pub mod select;

pub use build::{BuildOptions, GraphBuilder, UNNAMED_OUTLET, build};
pub(crate) use build::{build_facts, cross_reference_target, publication_key};
pub use edge::{AttributionEdge, CiteEdge, CrossRefEdge, Edge};
pub use node::{ArticleNode, ClaimNode, IssueNode, Node, OutletNode, SourceNode};

/// A name many nodes and edges carry (a file path, an outlet as written, a cue): stored
/// once per graph and shared, so a corpus graph holds each spelling once.
pub type Name = std::sync::Arc<str>;

use petgraph::stable_graph::{NodeIndex, StableDiGraph};

/// The graph type.
pub type Graph = StableDiGraph<Node, Edge>;

/// The source graph and look-ups into it.
#[derive(Debug, Clone, Default)]
pub struct SourceGraph {
    /// The graph itself.
    pub graph: Graph,
    /// Article nodes, in input order.
    pub articles: Vec<NodeIndex>,
    /// Claim nodes, per article, in text order.
    pub claims: Vec<Vec<NodeIndex>>,
}

impl SourceGraph {
    /// Every claim node, articles in input order, claims in text order.
    pub fn claim_nodes(&self) -> impl Iterator<Item = NodeIndex> + '_ {
        self.claims
            .iter()
            .flatten()
            .copied()
            .filter(|&n| self.graph.contains_node(n))
    }

    /// Every outlet node, in node-index order.
    pub fn outlet_nodes(&self) -> impl Iterator<Item = NodeIndex> + '_ {
        self.graph
            .node_indices()
            .filter(|&n| matches!(self.graph[n], Node::Outlet(_)))
    }

    /// The claim weight of node `n`, if it is a claim.
    pub fn claim(&self, n: NodeIndex) -> Option<&ClaimNode> {
        match self.graph.node_weight(n) {
            Some(Node::Claim(c)) => Some(c),
            _ => None,
        }
    }

    /// Fill the article and claim tables from the graph's own nodes: articles in input
    /// order, each one's claims in text order. An input whose claims are present but whose
    /// article node is not keeps its place with an index that names no node.
    pub(crate) fn index_articles(&mut self) {
        let mut inputs: std::collections::BTreeMap<usize, (NodeIndex, Vec<NodeIndex>)> =
            std::collections::BTreeMap::new();
        for n in self.graph.node_indices() {
            match &self.graph[n] {
                Node::Article(a) => {
                    inputs
                        .entry(a.input)
                        .or_insert((NodeIndex::end(), Vec::new()))
                        .0 = n;
                }
                Node::Claim(c) => inputs
                    .entry(c.article)
                    .or_insert((NodeIndex::end(), Vec::new()))
                    .1
                    .push(n),
                _ => {}
            }
        }
        self.articles.clear();
        self.claims.clear();
        for (article, mut claims) in inputs.into_values() {
            claims.sort_by_key(|&c| self.claim(c).map(|c| c.claim.index));
            self.articles.push(article);
            self.claims.push(claims);
        }
    }

    /// The outlet weight of node `n`, if it is an outlet.
    pub fn outlet(&self, n: NodeIndex) -> Option<&OutletNode> {
        match self.graph.node_weight(n) {
            Some(Node::Outlet(o)) => Some(o),
            _ => None,
        }
    }
}
