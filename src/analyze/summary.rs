//! Summaries over the analysed claims: per article and per outlet.

use super::{ClaimReport, SourceRole, Verdict};
use crate::graph::{Edge, Node, SourceGraph};
use crate::model::OutletKind;
use petgraph::Direction;
use petgraph::stable_graph::NodeIndex;
use petgraph::visit::EdgeRef;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// Claims of one article by verdict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleSummary {
    /// The file.
    pub path: crate::graph::Name,
    /// Position of the article in its file.
    pub index: usize,
    /// Short name ("Monitor 7/79").
    pub label: String,
    /// Number of claims.
    pub claims: usize,
    /// Claims per verdict (every verdict listed, zeros included).
    pub verdicts: BTreeMap<Verdict, usize>,
    /// Claims whose only independent sources are collectives.
    pub collective_only: usize,
    /// Distinct outlets cited (cross-references to its own issues excluded).
    pub outlets: usize,
}

/// One outlet across the whole input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutletSummary {
    /// Canonical name.
    pub outlet: String,
    /// What sort of outlet.
    pub kind: OutletKind,
    /// References to it (one per outlet mention in a citation group).
    pub citations: usize,
    /// Claims it supports.
    pub claims: usize,
    /// Claims that rest on it alone (it is their one independent source).
    pub sole_source_claims: usize,
}

/// Summaries of every article, in input order.
///
/// # Complexity
/// `O(c + e)` for `c` claims and `e` edges.
pub fn summarize_articles(g: &SourceGraph, claims: &[ClaimReport]) -> Vec<ArticleSummary> {
    let mut out: Vec<ArticleSummary> = g
        .articles
        .iter()
        .filter_map(|&n| match g.graph.node_weight(n) {
            Some(Node::Article(a)) => {
                let outlets: BTreeSet<_> = g.claims[a.input]
                    .iter()
                    .flat_map(|&c| g.graph.edges_directed(c, Direction::Outgoing))
                    .filter(|e| matches!(e.weight(), Edge::Cites(_)))
                    .map(|e| e.target())
                    .collect();
                Some(ArticleSummary {
                    path: a.path.clone(),
                    index: a.index,
                    label: a.label(),
                    claims: 0,
                    verdicts: Verdict::ALL.iter().map(|&v| (v, 0)).collect(),
                    collective_only: 0,
                    outlets: outlets.len(),
                })
            }
            _ => None,
        })
        .collect();
    for c in claims {
        if let Some(s) = out.get_mut(c.article) {
            s.claims += 1;
            *s.verdicts.entry(c.corroboration.verdict).or_insert(0) += 1;
            s.collective_only += usize::from(c.corroboration.collective_only);
        }
    }
    out
}

/// Summaries of every outlet, most-cited first (ties by name).
///
/// # Complexity
/// `O(o + e + c·s)` for `o` outlets, `e` edges, `c` claims with `s` sources each.
pub fn summarize_outlets(g: &SourceGraph, claims: &[ClaimReport]) -> Vec<OutletSummary> {
    summarize_outlets_of(g, claims, |_| true)
}

/// [`summarize_outlets`] counting only the citations of the claim nodes `counted` accepts
/// (and only `claims` for sole sources).
pub fn summarize_outlets_of(
    g: &SourceGraph,
    claims: &[ClaimReport],
    counted: impl Fn(NodeIndex) -> bool,
) -> Vec<OutletSummary> {
    let mut out: Vec<OutletSummary> = g
        .outlet_nodes()
        .filter_map(|n| {
            let o = g.outlet(n).filter(|o| !o.is_missing())?;
            let incoming: Vec<_> = g
                .graph
                .edges_directed(n, Direction::Incoming)
                .filter(|e| matches!(e.weight(), Edge::Cites(_)) && counted(e.source()))
                .collect();
            let claim_set: BTreeSet<_> = incoming.iter().map(|e| e.source()).collect();
            Some(OutletSummary {
                outlet: o.name.clone(),
                kind: o.kind,
                citations: incoming.len(),
                claims: claim_set.len(),
                sole_source_claims: 0,
            })
        })
        .collect();
    let index: BTreeMap<String, usize> = out
        .iter()
        .enumerate()
        .map(|(i, s)| (s.outlet.clone(), i))
        .collect();
    for c in claims {
        if c.corroboration.independent_sources != 1 {
            continue;
        }
        let counted = c
            .corroboration
            .sources
            .iter()
            .filter(|s| s.role == SourceRole::Independent);
        for s in counted {
            if let Some(&i) = index.get(&s.outlet) {
                out[i].sole_source_claims += 1;
            }
        }
    }
    sort_by_citations(&mut out);
    out
}

impl OutletSummary {
    /// Count `other`'s citations and claims too (the same outlet, seen in another part of
    /// the input).
    pub fn absorb(&mut self, other: &OutletSummary) {
        self.citations += other.citations;
        self.claims += other.claims;
        self.sole_source_claims += other.sole_source_claims;
    }
}

/// Most cited first, then by name: the order outlet summaries are shown in.
pub fn sort_by_citations(outlets: &mut [OutletSummary]) {
    outlets.sort_by(|a, b| {
        b.citations
            .cmp(&a.citations)
            .then_with(|| a.outlet.cmp(&b.outlet))
    });
}
