//! Corpus statistics over an analysed graph: which outlets a corpus leans on, how verdicts
//! spread over articles, publications and volumes, how the share of single-source claims
//! moves month by month, which outlets are cited together, and how many independent sources
//! a claim has on average.
//!
//! The month of an article is its header date, else the latest date it cites (bulletins
//! cite the days just before an issue); articles with neither fall under `unknown`.
//!
//! Every list has a fixed order (counts descending, then names), so output diffs cleanly.

use super::{ClaimReport, OutletSummary, Report, Verdict};
use crate::calendar::Date;
use crate::graph::Name;
use crate::graph::{Edge, Node, SourceGraph};
use crate::model::OutletKind;
use petgraph::Direction;
use petgraph::stable_graph::NodeIndex;
use petgraph::visit::EdgeRef;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap, HashSet};

/// Claims by verdict, with the shares.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct VerdictCounts {
    /// Claims counted.
    pub claims: usize,
    /// Claims with each verdict (every verdict present, zero or not).
    pub verdicts: VerdictTally,
}

impl VerdictCounts {
    fn new() -> VerdictCounts {
        VerdictCounts::default()
    }

    fn add(&mut self, v: Verdict) {
        self.claims += 1;
        self.verdicts.add(v, 1);
    }

    /// Share (0–1) of claims with verdict `v`; 0 when there are no claims.
    pub fn share(&self, v: Verdict) -> f64 {
        ratio(self.verdicts[v], self.claims)
    }
}

/// A number per verdict, weakest first ([`Verdict::ALL`]); serialised as a map from verdict
/// to number with every verdict present. Four numbers where a map took a tree node: a corpus
/// of short items keeps one per article.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct VerdictTally([usize; 4]);

impl VerdictTally {
    /// Add `n` to verdict `v`.
    pub fn add(&mut self, v: Verdict, n: usize) {
        self.0[slot(v)] += n;
    }

    /// Each verdict and its number, weakest first.
    pub fn iter(&self) -> impl Iterator<Item = (Verdict, usize)> + '_ {
        Verdict::ALL.iter().map(|&v| (v, self[v]))
    }
}

impl std::ops::Index<Verdict> for VerdictTally {
    type Output = usize;
    fn index(&self, v: Verdict) -> &usize {
        &self.0[slot(v)]
    }
}

impl Serialize for VerdictTally {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.iter())
    }
}

/// The place of verdict `v` in [`Verdict::ALL`].
fn slot(v: Verdict) -> usize {
    match v {
        Verdict::Unsourced => 0,
        Verdict::SelfReferenced => 1,
        Verdict::SingleSource => 2,
        Verdict::Corroborated => 3,
    }
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

/// One outlet on the leaderboard.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OutletStats {
    /// Canonical name.
    pub outlet: String,
    /// Kind of outlet.
    pub kind: OutletKind,
    /// References to it.
    pub citations: usize,
    /// Claims it supports.
    pub claims: usize,
    /// Claims resting on it alone.
    pub sole_source_claims: usize,
    /// Earliest date cited for it.
    pub first_cited: Option<Date>,
    /// Latest date cited for it.
    pub last_cited: Option<Date>,
}

/// Verdicts of one article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ArticleStats {
    /// Its input.
    pub path: crate::graph::Name,
    /// 0-based position in its input.
    pub index: usize,
    /// Publication, volume and issue, as in the graph.
    pub label: String,
    /// Publication named in its header (one copy per spelling, shared by the rows).
    pub publication: Option<Name>,
    /// Volume named in its header.
    pub volume: Option<u32>,
    /// The month it counts under (`YYYY-MM`, one copy per month), if any.
    pub month: Option<Name>,
    /// Its claims by verdict.
    #[serde(flatten)]
    pub counts: VerdictCounts,
}

/// Verdicts of one publication volume.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VolumeStats {
    /// Publication (`""` when the header names none).
    pub publication: String,
    /// Volume, when the headers give one.
    pub volume: Option<u32>,
    /// Articles of that volume.
    pub articles: usize,
    /// Their claims by verdict.
    #[serde(flatten)]
    pub counts: VerdictCounts,
}

/// Single-source claims in one month.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MonthStats {
    /// `YYYY-MM`, or `unknown`.
    pub month: String,
    /// Claims of articles of that month.
    pub claims: usize,
    /// Of those, single-source claims.
    pub single_source: usize,
    /// `single_source / claims`.
    pub share: f64,
}

/// Two outlets cited in support of the same claims.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CoCitation {
    /// One outlet (the first by name).
    pub a: String,
    /// The other.
    pub b: String,
    /// Claims citing both.
    pub claims: usize,
}

/// Everything `srcgraph stats` reports.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CorpusStats {
    /// Articles analysed.
    pub articles: usize,
    /// Claims by verdict over the whole corpus.
    #[serde(flatten)]
    pub counts: VerdictCounts,
    /// Mean number of independent sources per claim.
    pub mean_independent_sources: f64,
    /// Outlets, most claims supported first.
    pub outlets: Vec<OutletStats>,
    /// Articles in input order (empty when they were taken out of the builder as they
    /// came: [`StatsBuilder::take_rows`]).
    pub by_article: Vec<ArticleStats>,
    /// Publication volumes, by publication then volume.
    pub by_volume: Vec<VolumeStats>,
    /// Months in order (`unknown` last).
    pub by_month: Vec<MonthStats>,
    /// Outlet pairs cited together, most shared claims first.
    pub co_citations: Vec<CoCitation>,
}

/// Where the per-article rows of a [`CorpusStats`] are read from, in input order: the
/// statistics' own `by_article`, or a store the caller moved them into as they came
/// ([`StatsBuilder::take_rows`]; `srcgraph stats` keeps them in a temporary file past a
/// megabyte).
pub trait ArticleRows {
    /// Every row, in input order; an error ends the rows.
    fn rows(&mut self) -> Box<dyn Iterator<Item = std::io::Result<ArticleStats>> + '_>;
}

impl ArticleRows for &[ArticleStats] {
    fn rows(&mut self) -> Box<dyn Iterator<Item = std::io::Result<ArticleStats>> + '_> {
        Box::new(self.iter().cloned().map(Ok))
    }
}

/// Outlet pairs cited by one claim, each pair once per claim (names in order), from its
/// cite edges; the placeholder for a group that named no outlet is left out.
///
/// # Complexity
/// `O(c·s²)` for `c` claims citing `s` outlets each.
pub fn co_citations(g: &SourceGraph) -> Vec<CoCitation> {
    let mut counter = CoCitationCounter::new();
    counter.add(g, g.claim_nodes());
    counter.finish().pairs
}

/// The outlet co-citation network: the pairs, most shared claims first, and the kind of
/// every outlet in them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CoCitationNetwork {
    /// Outlet pairs cited together, most shared claims first.
    pub pairs: Vec<CoCitation>,
    /// The kind of each outlet named in `pairs`.
    pub kinds: BTreeMap<String, OutletKind>,
}

/// Outlet pairs cited together, counted graph by graph: one graph of the whole input
/// ([`co_citations`]), or the graphs of an input's chunks one after the other
/// (`srcgraph graph --co-citation` and `srcgraph stats`), in memory bounded by the outlets
/// and their pairs, not by the input.
///
/// An outlet is known by its key ([`crate::outlets::outlet_key`]) and keeps the name and
/// kind it has in the first graph that holds it: graphs of consecutive chunks, added in
/// input order, create an outlet's node where one graph of the whole input creates it, so
/// the names are those of that graph.
#[derive(Debug, Default)]
pub struct CoCitationCounter {
    /// Outlets by number: name and kind.
    outlets: Vec<(String, OutletKind)>,
    /// Numbers by outlet key.
    ids: HashMap<String, usize>,
    /// Claims per pair of numbers (smaller first).
    pairs: HashMap<(usize, usize), usize>,
}

impl CoCitationCounter {
    /// Nothing counted yet.
    pub fn new() -> CoCitationCounter {
        CoCitationCounter::default()
    }

    /// Count the outlet pairs of `claims` (claim nodes of `g`).
    ///
    /// # Complexity
    /// `O(n + c·s²)` for `n` nodes of `g` and `c` claims citing `s` outlets each.
    pub fn add(&mut self, g: &SourceGraph, claims: impl Iterator<Item = NodeIndex>) {
        // The graph's outlets numbered in node order: the order they were created in.
        let bound = g
            .graph
            .node_indices()
            .next_back()
            .map_or(0, |n| n.index() + 1);
        let mut number: Vec<Option<usize>> = vec![None; bound];
        for n in g.outlet_nodes() {
            let Some(o) = g.outlet(n).filter(|o| !o.is_missing()) else {
                continue;
            };
            let key = crate::outlets::outlet_key(&o.name);
            let id = match self.ids.get(&key) {
                Some(&id) => id,
                None => {
                    let id = self.outlets.len();
                    self.outlets.push((o.name.clone(), o.kind));
                    self.ids.insert(key, id);
                    id
                }
            };
            number[n.index()] = Some(id);
        }
        let mut cited: Vec<usize> = Vec::new();
        for c in claims {
            cited.clear();
            cited.extend(
                g.graph
                    .edges_directed(c, Direction::Outgoing)
                    .filter(|e| matches!(e.weight(), Edge::Cites(_)))
                    .filter_map(|e| number.get(e.target().index()).copied().flatten()),
            );
            cited.sort_unstable();
            cited.dedup();
            for (i, &a) in cited.iter().enumerate() {
                for &b in &cited[i + 1..] {
                    *self.pairs.entry((a, b)).or_insert(0) += 1;
                }
            }
        }
    }

    /// The network of everything added: each pair's names in order, pairs most shared
    /// claims first, then by name.
    pub fn finish(self) -> CoCitationNetwork {
        let outlet = |id: usize| {
            self.outlets
                .get(id)
                .map_or(("", OutletKind::Unknown), |(n, k)| (n.as_str(), *k))
        };
        let mut kinds = BTreeMap::new();
        let mut pairs: Vec<CoCitation> = self
            .pairs
            .iter()
            .map(|(&(x, y), &claims)| {
                let (x, y) = (outlet(x), outlet(y));
                for (n, k) in [x, y] {
                    kinds.insert(n.to_string(), k);
                }
                let (a, b) = if x.0 <= y.0 { (x.0, y.0) } else { (y.0, x.0) };
                CoCitation {
                    a: a.to_string(),
                    b: b.to_string(),
                    claims,
                }
            })
            .collect();
        pairs.sort_by(|x, y| {
            y.claims
                .cmp(&x.claims)
                .then_with(|| x.a.cmp(&y.a))
                .then_with(|| x.b.cmp(&y.b))
        });
        CoCitationNetwork { pairs, kinds }
    }
}

/// The statistics of an analysed graph.
///
/// # Complexity
/// Linear in the graph and report, plus sorting and the co-citation pairs.
pub fn corpus_stats(g: &SourceGraph, report: &Report) -> CorpusStats {
    let mut b = StatsBuilder::new();
    b.add(g, 0..g.articles.len(), &report.claims, &report.outlets);
    b.finish()
}

/// Statistics gathered part by part: a whole graph at once ([`corpus_stats`]), or chunk after
/// chunk of an input judged in context ([`crate::context::ChunkJudge`]), in bounded memory.
///
/// Each article's row is complete when [`StatsBuilder::add`] returns: a caller that takes
/// the rows out then ([`StatsBuilder::take_rows`]) keeps memory bounded by the number of
/// outlets, volumes and months, not of articles.
#[derive(Debug, Default)]
pub struct StatsBuilder {
    counts: VerdictCounts,
    independent: usize,
    outlets: HashMap<String, OutletStats>,
    /// Rows added and not yet taken.
    by_article: Vec<ArticleStats>,
    /// Rows added in all.
    articles: usize,
    volumes: BTreeMap<(String, Option<u32>), VolumeStats>,
    /// Claims and single-source claims per month (`None`: unknown).
    months: BTreeMap<Option<Name>, (usize, usize)>,
    co_citations: CoCitationCounter,
    /// Publications and months of the rows, each stored once.
    names: HashSet<Name>,
}

impl StatsBuilder {
    /// Nothing counted yet.
    pub fn new() -> StatsBuilder {
        StatsBuilder {
            counts: VerdictCounts::new(),
            ..StatsBuilder::default()
        }
    }

    /// Count the articles at positions `articles` of `g`, their `claims` (reports of their
    /// claim nodes in `g`) and `outlets` (summaries counting those claims only).
    pub fn add(
        &mut self,
        g: &SourceGraph,
        articles: std::ops::Range<usize>,
        claims: &[ClaimReport],
        outlets: &[OutletSummary],
    ) {
        let first_row = self.by_article.len();
        let in_range = |c: NodeIndex| g.claim(c).is_some_and(|c| articles.contains(&c.article));
        for pos in articles.clone() {
            let Some(Node::Article(a)) = g.articles.get(pos).and_then(|&n| g.graph.node_weight(n))
            else {
                continue;
            };
            self.by_article.push(article_row(g, a, &mut self.names));
        }
        for c in claims {
            self.counts.add(c.corroboration.verdict);
            self.independent += c.corroboration.independent_sources;
            let row = g
                .claim(c.node)
                .and_then(|n| n.article.checked_sub(articles.start))
                .and_then(|i| self.by_article.get_mut(first_row + i));
            if let Some(row) = row {
                row.counts.add(c.corroboration.verdict);
            }
        }
        self.articles += self.by_article.len() - first_row;
        for row in &self.by_article[first_row..] {
            group_row(&mut self.volumes, &mut self.months, row);
        }
        for s in outlets {
            let o = self
                .outlets
                .entry(s.outlet.clone())
                .or_insert_with(|| OutletStats {
                    outlet: s.outlet.clone(),
                    kind: s.kind,
                    citations: 0,
                    claims: 0,
                    sole_source_claims: 0,
                    first_cited: None,
                    last_cited: None,
                });
            o.citations += s.citations;
            o.claims += s.claims;
            o.sole_source_claims += s.sole_source_claims;
        }
        for n in g.outlet_nodes() {
            let Some(o) = g.outlet(n).and_then(|o| self.outlets.get_mut(&o.name)) else {
                continue;
            };
            for e in g.graph.edges_directed(n, Direction::Incoming) {
                let Edge::Cites(c) = e.weight() else {
                    continue;
                };
                if !in_range(e.source()) {
                    continue;
                }
                for d in &c.dates {
                    if let Some(start) = d.date {
                        let end = d.end.unwrap_or(start);
                        o.first_cited = Some(o.first_cited.map_or(start, |f| f.min(start)));
                        o.last_cited = Some(o.last_cited.map_or(end, |l| l.max(end)));
                    }
                }
            }
        }
        let chunk_claims = articles.flat_map(|i| g.claims.get(i).into_iter().flatten().copied());
        self.co_citations.add(g, chunk_claims);
    }

    /// The rows of the articles added since the last call, in input order, complete: their
    /// claims are counted, and they are counted in the volume and month totals.
    pub fn take_rows(&mut self) -> Vec<ArticleStats> {
        std::mem::take(&mut self.by_article)
    }

    /// The statistics of everything added (`by_article` holds the rows not taken).
    pub fn finish(self) -> CorpusStats {
        let mut outlets: Vec<OutletStats> = self.outlets.into_values().collect();
        outlets.sort_by(|a, b| {
            b.claims
                .cmp(&a.claims)
                .then_with(|| b.citations.cmp(&a.citations))
                .then_with(|| a.outlet.cmp(&b.outlet))
        });
        // Known months in order, then the unknown one (`None` sorts first).
        let mut months: Vec<_> = self.months.into_iter().collect();
        if months.first().is_some_and(|(m, _)| m.is_none()) {
            months.rotate_left(1);
        }
        let by_month = months
            .into_iter()
            .map(|(month, (claims, single))| MonthStats {
                month: month.as_deref().unwrap_or(UNKNOWN_MONTH).to_string(),
                claims,
                single_source: single,
                share: ratio(single, claims),
            })
            .collect();
        CorpusStats {
            articles: self.articles,
            mean_independent_sources: ratio(self.independent, self.counts.claims),
            counts: self.counts,
            outlets,
            by_article: self.by_article,
            by_volume: self.volumes.into_values().collect(),
            by_month,
            co_citations: self.co_citations.finish().pairs,
        }
    }
}

/// The month of articles with neither a header date nor a dated citation.
const UNKNOWN_MONTH: &str = "unknown";

/// Count `row` into the totals of its publication volume and its month.
fn group_row(
    volumes: &mut BTreeMap<(String, Option<u32>), VolumeStats>,
    months: &mut BTreeMap<Option<Name>, (usize, usize)>,
    row: &ArticleStats,
) {
    let publication = row.publication.as_deref().unwrap_or_default();
    let key = (publication.to_string(), row.volume);
    let v = volumes.entry(key).or_insert_with(|| VolumeStats {
        publication: publication.to_string(),
        volume: row.volume,
        articles: 0,
        counts: VerdictCounts::new(),
    });
    v.articles += 1;
    v.counts.claims += row.counts.claims;
    for (verdict, n) in row.counts.verdicts.iter() {
        v.counts.verdicts.add(verdict, n);
    }
    let m = months.entry(row.month.clone()).or_insert((0, 0));
    m.0 += row.counts.claims;
    m.1 += row.counts.verdicts[Verdict::SingleSource];
}

/// The stats row of article `a` (verdicts counted later): its month is its header date, or
/// else the latest day its claims cite.
fn article_row(
    g: &SourceGraph,
    a: &crate::graph::ArticleNode,
    names: &mut HashSet<Name>,
) -> ArticleStats {
    let latest_cited = g.claims[a.input]
        .iter()
        .flat_map(|&c| g.graph.edges_directed(c, Direction::Outgoing))
        .filter_map(|e| match e.weight() {
            Edge::Cites(c) => c.dates.iter().filter_map(|d| d.end.or(d.date)).max(),
            _ => None,
        })
        .max();
    ArticleStats {
        path: a.path.clone(),
        index: a.index,
        label: a.label(),
        publication: a.publication.as_deref().map(|p| intern(names, p)),
        volume: a.volume,
        month: a
            .date
            .or(latest_cited)
            .map(|d| intern(names, &format!("{:04}-{:02}", d.year(), d.month()))),
        counts: VerdictCounts::new(),
    }
}

/// The stored copy of `s`, made on first use.
fn intern(names: &mut HashSet<Name>, s: &str) -> Name {
    if let Some(n) = names.get(s) {
        return n.clone();
    }
    let n = Name::from(s);
    names.insert(n.clone());
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tally_serialises_as_a_map_of_every_verdict_weakest_first() {
        let mut t = VerdictTally::default();
        t.add(Verdict::Corroborated, 3);
        t.add(Verdict::Unsourced, 1);
        t.add(Verdict::Corroborated, 1);
        assert_eq!(t[Verdict::Corroborated], 4);
        assert_eq!(t[Verdict::SingleSource], 0);
        let json = serde_json::to_string(&t).expect("json");
        let map: BTreeMap<Verdict, usize> = Verdict::ALL.iter().map(|&v| (v, t[v])).collect();
        assert_eq!(json, serde_json::to_string(&map).expect("json"));
        assert_eq!(
            json,
            r#"{"unsourced":1,"self-referenced":0,"single-source":0,"corroborated":4}"#
        );
    }
}
