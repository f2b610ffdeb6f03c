//! Analyses over the source graph. Each is a free function in its own module, documented
//! with what it computes and its complexity:
//!
//! - [`corroborate`] — independent sources and verdict of one claim;
//! - [`summarize_articles`], [`summarize_outlets`] — claims by verdict per article; citations,
//!   claims and sole-source claims per outlet.
//!
//! [`analyze`] runs them all into a [`Report`].

mod corroboration;
mod relays;
mod rows;
mod stats;
mod summary;

pub use corroboration::{
    Corroboration, SourceRole, SourceUse, Verdict, corroborate, corroborate_with, trace_root,
};
pub use relays::RelayRoots;
pub use rows::RowStore;
pub use stats::{
    ArticleRows, ArticleStats, CoCitation, CoCitationCounter, CoCitationNetwork, CorpusStats,
    MonthStats, OutletStats, StatsBuilder, VerdictCounts, VerdictTally, VolumeStats, co_citations,
    corpus_stats,
};
pub use summary::{
    ArticleSummary, OutletSummary, sort_by_citations, summarize_articles, summarize_outlets,
    summarize_outlets_of,
};

use crate::graph::SourceGraph;
use crate::span::Span;
use petgraph::stable_graph::NodeIndex;
use serde::Serialize;

/// One analysed claim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClaimReport {
    /// The claim's node in the graph.
    #[serde(skip)]
    pub node: NodeIndex,
    /// The file.
    pub path: crate::graph::Name,
    /// Position (in the graph's input) of its article.
    pub article: usize,
    /// Position of the claim in its article.
    pub claim: usize,
    /// The claim's text.
    pub span: Span,
    /// 1-based line of its start.
    pub line: usize,
    /// 1-based column of its start.
    pub column: usize,
    /// First and last paragraph.
    pub paragraphs: [usize; 2],
    /// The start of its text.
    pub excerpt: String,
    /// Spans of the citation groups that support it.
    pub citations: Vec<Span>,
    /// How well it is sourced.
    #[serde(flatten)]
    pub corroboration: Corroboration,
}

/// Everything the analyses found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Report {
    /// Every claim, articles in input order, claims in text order.
    pub claims: Vec<ClaimReport>,
    /// Per-article summaries.
    pub articles: Vec<ArticleSummary>,
    /// Per-outlet summaries.
    pub outlets: Vec<OutletSummary>,
    /// The place in `claims` of each claim node's report, by node index (`u32::MAX`: none):
    /// 4 bytes a node where a hash map took about 40 a claim.
    #[serde(skip)]
    by_node: Vec<u32>,
}

impl Report {
    pub(crate) fn new(
        claims: Vec<ClaimReport>,
        articles: Vec<ArticleSummary>,
        outlets: Vec<OutletSummary>,
    ) -> Report {
        let bound = claims.iter().map(|c| c.node.index() + 1).max().unwrap_or(0);
        let mut by_node = vec![u32::MAX; bound];
        for (i, c) in claims.iter().enumerate() {
            by_node[c.node.index()] = u32::try_from(i).unwrap_or(u32::MAX);
        }
        Report {
            by_node,
            claims,
            articles,
            outlets,
        }
    }

    /// The report of claim node `n`, if it was analysed.
    pub fn claim(&self, n: NodeIndex) -> Option<&ClaimReport> {
        let i = *self.by_node.get(n.index())?;
        self.claims.get(i as usize)
    }

    /// The reports of the claims among `nodes` (old index, new index), under their new
    /// index, in the order of `nodes`: the report of a graph cut out of the analysed one
    /// ([`neighbourhood_graph`](crate::graph::select::neighbourhood_graph)). Summaries are
    /// left out.
    pub fn renumbered(&self, nodes: &[(NodeIndex, NodeIndex)]) -> Report {
        let claims = nodes
            .iter()
            .filter_map(|&(old, new)| {
                let mut c = self.claim(old)?.clone();
                c.node = new;
                Some(c)
            })
            .collect();
        Report::new(claims, Vec::new(), Vec::new())
    }
}

/// Analyse every claim of the graph.
///
/// Claims are judged in parallel on the current rayon pool; the report is the same for any
/// number of threads.
///
/// # Complexity
/// Linear in the size of the graph (up to a log factor for sorting each claim's edges).
pub fn analyze(g: &SourceGraph, articles: &[crate::model::Article]) -> Report {
    let claims = judge_claims(g, articles, false);
    let (articles, outlets) = (
        summarize_articles(g, &claims),
        summarize_outlets(g, &claims),
    );
    Report::new(claims, articles, outlets)
}

/// [`analyze`] keeping of each claim only what drawing or exporting the graph needs — its
/// place, verdict, independent sources and flags — and no summaries: sources, notes and
/// excerpt are dropped as each claim is judged, so a whole archive's report stays small.
pub fn analyze_brief(g: &SourceGraph, articles: &[crate::model::Article]) -> Report {
    Report::new(judge_claims(g, articles, true), Vec::new(), Vec::new())
}

fn judge_claims(
    g: &SourceGraph,
    articles: &[crate::model::Article],
    brief: bool,
) -> Vec<ClaimReport> {
    use rayon::prelude::*;
    let roots = RelayRoots::new(g);
    // Claims known first, so the reports are collected straight into one vector of the
    // right length (a filtering parallel collect gathers pieces and copies them: twice the
    // report at its peak).
    let claims: Vec<(NodeIndex, &crate::graph::ClaimNode)> = g
        .claim_nodes()
        .filter_map(|n| Some((n, g.claim(n)?)))
        .collect();
    claims
        .par_iter()
        .map(|&(n, c)| {
            let citations = articles
                .get(c.article)
                .map(|a| {
                    c.claim
                        .citations
                        .iter()
                        .filter_map(|&i| a.citations.get(i).map(|x| x.span))
                        .collect()
                })
                .unwrap_or_default();
            let mut corroboration = corroborate_with(g, n, &roots);
            if brief {
                corroboration.sources = Vec::new();
                corroboration.notes = Vec::new();
            }
            ClaimReport {
                node: n,
                path: c.path.clone(),
                article: c.article,
                claim: c.claim.index,
                span: c.claim.span,
                line: c.claim.line,
                column: c.claim.column,
                paragraphs: c.claim.paragraphs,
                excerpt: if brief {
                    String::new()
                } else {
                    c.claim.excerpt.clone()
                },
                citations,
                corroboration,
            }
        })
        .collect()
}
