//! Judging the claims of one chunk of the input as if the whole input were one graph, so
//! that `check` and `stats` can stream an archive in bounded memory with the verdicts a
//! whole-input analysis gives. "The input" is whatever the chunks are read from, in order:
//! one file for `check`, every file for `stats`; articles are numbered in reading order.
//!
//! Two things make a claim's verdict depend on articles outside its chunk: relay roots (an
//! outlet relaying another anywhere in the input) and cross-references to an issue of the
//! input (the claim inherits that issue's sources). So an input is read twice:
//!
//! 1. [`InputContext::learn`] sees every chunk's graph and keeps the relay edges between
//!    outlets and named sources, each node as first met (its name and kind), which issues
//!    are cross-referenced, and the articles a cross-reference points at *before* they
//!    appear (forward references, rare);
//! 2. [`ChunkJudge::judge`] builds each chunk's graph together with the issues its claims
//!    cross-reference (kept from earlier chunks, or from pass 1), adds the input's relay
//!    edges, and reports the chunk's own claims.
//!
//! What is kept is small: relay edges (bounded by outlets²), one record per outlet and named
//! source, the keys of cross-referenced issues, and — stripped of their text — the
//! cross-referenced articles, each only until the last chunk that refers to it.
//! `tests/stream.rs` checks that the reports equal those of one whole-input graph.

use crate::analyze::{ArticleSummary, ClaimReport, OutletSummary, analyze, summarize_outlets_of};
use crate::calendar::Date;
use crate::graph::{Edge, Node, SourceGraph, build, cross_reference_target, publication_key};
use crate::model::{Article, Claim, SourceType};
use crate::outlets::outlet_key;
use crate::pipeline::Pipeline;
use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};
use petgraph::stable_graph::NodeIndex;
use petgraph::visit::{EdgeRef, IntoEdgeReferences};
use serde::Serialize;
use std::collections::{BTreeSet, VecDeque};

/// Identity of a node across chunk graphs: outlets by key, named sources by type and key
/// (unnamed sources and missing outlets are one node per article or citation and never
/// relay roots).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum NodeKey {
    Outlet(String),
    Source(SourceType, String),
}

fn node_key(n: &Node) -> Option<NodeKey> {
    match n {
        // A citation's missing outlet is its own and never a relay root.
        Node::Outlet(o) if o.is_missing() => None,
        Node::Outlet(o) => Some(NodeKey::Outlet(outlet_key(&o.name))),
        // Unnamed sources, documents and roles without a name are one node per article.
        Node::Source(s) if !s.is_per_article() => {
            Some(NodeKey::Source(s.kind, outlet_key(&s.name)))
        }
        _ => None,
    }
}

/// An issue as cross-references find it: its publication, numbered by the input's
/// context ([`InputContext::intern`]), and its date. A few bytes however long the
/// publication's name: the context keeps one for every cross-referenced issue of the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct IssueKey {
    publication: usize,
    date: Date,
}

/// An issue by name: publication key and date, before numbering.
type IssueName = (String, Date);

/// An article with its claims and its number in reading order, kept for the chunks that
/// cross-reference it.
type Kept = (usize, Article, Vec<Claim>);

/// What pass 1 learns about a whole input.
#[derive(Debug, Clone, Default)]
pub struct InputContext {
    relays: BTreeSet<(NodeKey, NodeKey)>,
    first: HashMap<NodeKey, Node>,
    /// Every cross-referenced issue, with the number of the last article referring to it.
    referenced: HashMap<IssueKey, usize>,
    /// The number of each publication key in [`IssueKey`]s.
    publications: HashMap<String, usize>,
    forward: Vec<Kept>,
    seen: usize,
    /// Relays between outlets and named sources in the order the input first shows them,
    /// each with the number of references showing it (for writing the graph).
    relay_counts: Vec<((NodeKey, NodeKey), usize)>,
    relay_index: HashMap<(NodeKey, NodeKey), usize>,
}

/// What a cross-referenced article needs to lend its sources: its place, header fields,
/// claims and the outlets they cite (text, prose sources and dates are dropped; the input's
/// relays come from pass 1).
fn kept(seq: usize, a: &Article, claims: &[Claim]) -> Kept {
    let mut a = Article {
        path: a.path.clone(),
        index: a.index,
        publication: a.publication.clone(),
        volume: a.volume,
        issue: a.issue,
        date: a.date,
        year: a.year,
        year_source: a.year_source,
        header: Vec::new(),
        title: a.title.clone(),
        header_paragraph: a.header_paragraph,
        title_paragraph: a.title_paragraph,
        line: a.line,
        span: a.span,
        paragraphs: Vec::new(),
        citations: a.citations.clone(),
        other_parentheses: Vec::new(),
        attributions: Vec::new(),
        diagnostics: Vec::new(),
        text: None,
    };
    for c in &mut a.citations {
        c.raw = String::new();
        for r in &mut c.refs {
            r.dates = Vec::new();
        }
    }
    let claims = claims
        .iter()
        .map(|c| Claim {
            excerpt: String::new(),
            ..c.clone()
        })
        .collect();
    (seq, a, claims)
}

fn article_issue(p: &Pipeline<'_>, a: &Article) -> Option<IssueName> {
    Some((
        publication_key(p.outlets, a.publication.as_deref()?),
        a.date?,
    ))
}

impl InputContext {
    /// An empty context.
    pub fn new() -> InputContext {
        InputContext::default()
    }

    /// Learn from the next chunk of the input (chunks in input order): its articles and
    /// claims (in input coordinates) and the graph built from them alone (of that graph,
    /// only its outlets, named sources and relay edges are read).
    pub fn learn(
        &mut self,
        p: &Pipeline<'_>,
        articles: &[Article],
        claims: &[Vec<Claim>],
        g: &SourceGraph,
    ) {
        self.learn_graph(g);
        self.count_relays(g);
        // An article an earlier one cross-referenced is needed before pass 2 reaches it.
        for (i, (a, c)) in articles.iter().zip(claims).enumerate() {
            let seq = self.seen + i;
            if self
                .article_key(p, a)
                .is_some_and(|k| self.referenced.contains_key(&k))
            {
                self.forward.push(kept(seq, a, c));
            }
            for issue in cross_referenced(p, a) {
                let k = self.intern(issue);
                self.referenced.insert(k, seq);
            }
        }
        self.seen += articles.len();
    }

    /// Learn the outlets, named sources and relay edges of `g`. Returns the relay edges
    /// that were new.
    fn learn_graph(&mut self, g: &SourceGraph) -> Vec<(NodeKey, NodeKey)> {
        let mut new = Vec::new();
        for e in (&g.graph).edge_references() {
            if !matches!(e.weight(), Edge::Relays { .. }) {
                continue;
            }
            if let (Some(a), Some(b)) = (
                node_key(&g.graph[e.source()]),
                node_key(&g.graph[e.target()]),
            ) && self.relays.insert((a.clone(), b.clone()))
            {
                new.push((a, b));
            }
        }
        for n in g.graph.node_indices() {
            if let Some(k) = node_key(&g.graph[n]) {
                self.first.entry(k).or_insert_with(|| g.graph[n].clone());
            }
        }
        new
    }

    /// Count the relays of a chunk's own graph `g` between outlets and named sources.
    fn count_relays(&mut self, g: &SourceGraph) {
        let mut edges: Vec<_> = (&g.graph).edge_references().collect();
        edges.sort_by_key(|e| e.id());
        for e in edges {
            let Edge::Relays { count } = e.weight() else {
                continue;
            };
            let (Some(a), Some(b)) = (
                node_key(&g.graph[e.source()]),
                node_key(&g.graph[e.target()]),
            ) else {
                continue;
            };
            let key = (a, b);
            match self.relay_index.get(&key) {
                Some(&i) => self.relay_counts[i].1 += count,
                None => {
                    self.relay_index
                        .insert(key.clone(), self.relay_counts.len());
                    self.relay_counts.push((key, *count));
                }
            }
        }
    }

    /// The relays between outlets and named sources of the whole input, in the order it
    /// first shows them: carrier and origin as first met, and how many references show
    /// the relay.
    pub fn relays(&self) -> impl Iterator<Item = (&Node, &Node, usize)> + '_ {
        self.relay_counts
            .iter()
            .filter_map(|((a, b), n)| Some((self.first.get(a)?, self.first.get(b)?, *n)))
    }

    /// The number of the last article that cross-references `a`'s issue, if any.
    fn last_reference(&self, p: &Pipeline<'_>, a: &Article) -> Option<usize> {
        self.referenced.get(&self.article_key(p, a)?).copied()
    }

    /// The key of `issue`, numbering its publication if it is new.
    fn intern(&mut self, (publication, date): IssueName) -> IssueKey {
        let next = self.publications.len();
        let publication = *self.publications.entry(publication).or_insert(next);
        IssueKey { publication, date }
    }

    /// The key of `issue`; `None` when its publication was never numbered, so that no
    /// issue the context knows can be it.
    fn issue_key(&self, (publication, date): &IssueName) -> Option<IssueKey> {
        Some(IssueKey {
            publication: *self.publications.get(publication)?,
            date: *date,
        })
    }

    /// The key of article `a`'s issue, if it is dated and its publication numbered.
    fn article_key(&self, p: &Pipeline<'_>, a: &Article) -> Option<IssueKey> {
        self.issue_key(&article_issue(p, a)?)
    }
}

/// The issues article `a` cross-references.
fn cross_referenced<'x>(
    p: &'x Pipeline<'_>,
    a: &'x Article,
) -> impl Iterator<Item = IssueName> + 'x {
    a.citations
        .iter()
        .flat_map(|c| &c.refs)
        .filter(|r| r.cross_reference)
        .flat_map(move |r| {
            let (_, key) = cross_reference_target(p.outlets, r);
            r.dates
                .iter()
                .filter_map(move |d| Some((key.clone(), d.date?)))
        })
}

/// The claims of one chunk, judged within the whole input.
#[derive(Debug, Clone, Default)]
pub struct ChunkReport {
    /// The chunk's claims, in order; `article` is the article's number in reading order
    /// (its index in the file when the input is one file).
    pub claims: Vec<ClaimReport>,
    /// The chunk's articles.
    pub articles: Vec<ArticleSummary>,
    /// Outlets of the chunk's graph, counting the chunk's claims only.
    pub outlets: Vec<OutletSummary>,
    /// The graph the claims were judged in: the chunk's articles, the issues they
    /// cross-reference and the input's relays.
    pub graph: SourceGraph,
    /// The chunk's articles in `graph` (the others are context).
    pub chunk: std::ops::Range<usize>,
    /// The number in reading order of each article of `graph`.
    pub inputs: Vec<usize>,
    /// The chunk's articles as parsed (input coordinates), in order.
    pub parsed: Vec<Article>,
}

/// A judge of an input's chunks, taken in input order: each chunk is prepared on the
/// reading thread (what it needs of the input), judged anywhere on a shared borrow (so the
/// next chunk can be judged while the report before it is written), and learnt from before
/// the next chunk is prepared. [`ChunkJudge`] judges with what a first pass learnt,
/// [`OnePassJudge`] with what came before.
pub trait Judge: Sync {
    /// A chunk prepared to be judged.
    type Job: Send;

    /// Take the next chunk (articles and claims in input coordinates).
    fn prepare(
        &mut self,
        p: &Pipeline<'_>,
        articles: Vec<Article>,
        claims: Vec<Vec<Claim>>,
    ) -> Self::Job;

    /// Judge a prepared chunk.
    fn judge_job(&self, p: &Pipeline<'_>, job: Self::Job) -> ChunkReport;

    /// Learn from the chunk judged last, before the next chunk is prepared.
    fn learn(&mut self, _report: &ChunkReport) {}

    /// Judge the next chunk's claims at once: prepare, judge, learn.
    fn judge(
        &mut self,
        p: &Pipeline<'_>,
        articles: Vec<Article>,
        claims: Vec<Vec<Claim>>,
    ) -> ChunkReport {
        let job = self.prepare(p, articles, claims);
        let report = self.judge_job(p, job);
        self.learn(&report);
        report
    }
}

/// Pass 2: judges chunk after chunk of one input with what pass 1 learnt.
#[derive(Debug)]
pub struct ChunkJudge<'a> {
    ctx: &'a InputContext,
    /// Articles a later chunk cross-references, until it has been judged.
    kept: Vec<Kept>,
    seen: usize,
}

impl<'a> ChunkJudge<'a> {
    /// A judge for the input `ctx` was learnt from.
    pub fn new(ctx: &'a InputContext) -> ChunkJudge<'a> {
        ChunkJudge {
            ctx,
            kept: ctx.forward.clone(),
            seen: 0,
        }
    }
}

impl<'a> Judge for ChunkJudge<'a> {
    type Job = ChunkJob<'a>;

    /// The next chunk with what judging it needs from the input — the held articles its
    /// cross-references point at.
    fn prepare(
        &mut self,
        p: &Pipeline<'_>,
        articles: Vec<Article>,
        claims: Vec<Vec<Claim>>,
    ) -> ChunkJob<'a> {
        let first = self.seen;
        let n = articles.len();
        self.seen += n;
        // What later chunks will cross-reference, and is not held already (a forward
        // reference's target).
        let already: HashSet<usize> = self.kept.iter().map(|(seq, _, _)| *seq).collect();
        let keep: Vec<Kept> = articles
            .iter()
            .zip(&claims)
            .enumerate()
            .filter(|(i, (a, _))| {
                self.ctx
                    .last_reference(p, a)
                    .is_some_and(|last| last >= first + n && !already.contains(&(first + i)))
            })
            .map(|(i, (a, c))| kept(first + i, a, c))
            .collect();
        let held = held_for(self.ctx, p, &self.kept, first, &articles)
            .into_iter()
            .cloned()
            .collect();
        self.kept.extend(keep);
        // Drop what no later chunk cross-references.
        let next = self.seen;
        let ctx = self.ctx;
        self.kept
            .retain(|(_, a, _)| ctx.last_reference(p, a).is_some_and(|last| last >= next));
        ChunkJob {
            ctx: self.ctx,
            held,
            first,
            articles,
            claims,
        }
    }
    fn judge_job(&self, p: &Pipeline<'_>, job: ChunkJob<'a>) -> ChunkReport {
        job.judge(p)
    }
}

/// A chunk ready to be judged ([`Judge::prepare`]).
#[derive(Debug)]
pub struct ChunkJob<'a> {
    ctx: &'a InputContext,
    held: Vec<Kept>,
    first: usize,
    articles: Vec<Article>,
    claims: Vec<Vec<Claim>>,
}

impl ChunkJob<'_> {
    /// Judge the chunk's claims.
    pub fn judge(self, p: &Pipeline<'_>) -> ChunkReport {
        judge_in(
            self.ctx,
            p,
            self.held,
            self.first,
            self.articles,
            self.claims,
        )
    }
}

/// The articles of `held` that the chunk of `articles` (numbered from `first`)
/// cross-references, in reading order.
fn held_for<'h>(
    ctx: &InputContext,
    p: &Pipeline<'_>,
    held: &'h [Kept],
    first: usize,
    articles: &[Article],
) -> Vec<&'h Kept> {
    let n = articles.len();
    // The issues this chunk's cross-references point at, outside the chunk.
    let wanted: HashSet<IssueKey> = articles
        .iter()
        .flat_map(|a| cross_referenced(p, a))
        .filter_map(|issue| ctx.issue_key(&issue))
        .collect();
    let mut context: Vec<&Kept> = held
        .iter()
        .filter(|(seq, a, _)| {
            !(first..first + n).contains(seq)
                && ctx.article_key(p, a).is_some_and(|k| wanted.contains(&k))
        })
        .collect();
    context.sort_by_key(|(seq, _, _)| *seq);
    context
}

/// Judge the chunk of `articles` (numbered from `first` in reading order) in a graph with
/// `context`, the held articles its cross-references point at ([`held_for`], in reading
/// order), and the relays of `ctx`.
fn judge_in(
    ctx: &InputContext,
    p: &Pipeline<'_>,
    context: Vec<Kept>,
    first: usize,
    articles: Vec<Article>,
    claims: Vec<Vec<Claim>>,
) -> ChunkReport {
    let n = articles.len();
    let before = context.partition_point(|(seq, _, _)| *seq < first);
    let inputs: Vec<usize> = context[..before]
        .iter()
        .map(|(seq, _, _)| *seq)
        .chain(first..first + n)
        .chain(context[before..].iter().map(|(seq, _, _)| *seq))
        .collect();
    let mut all_articles: Vec<Article> = Vec::with_capacity(context.len() + n);
    let mut all_claims: Vec<Vec<Claim>> = Vec::with_capacity(context.len() + n);
    let mut context = context.into_iter();
    for (_, a, c) in context.by_ref().take(before) {
        all_articles.push(a);
        all_claims.push(c);
    }
    all_articles.extend(articles);
    all_claims.extend(claims);
    for (_, a, c) in context {
        all_articles.push(a);
        all_claims.push(c);
    }
    let opts = p.build_options();
    let mut g = build(&all_articles, &all_claims, &opts);
    add_input_facts(ctx, &mut g);
    let report = analyze(&g, &all_articles);
    let chunk = before..before + n;
    let in_chunk: HashSet<NodeIndex> = chunk
        .clone()
        .flat_map(|i| g.claims[i].iter().copied())
        .collect();
    // The analysis summarised every article of the graph: keep the chunk's.
    let articles: Vec<ArticleSummary> = report
        .articles
        .into_iter()
        .enumerate()
        .filter(|(i, _)| chunk.contains(i))
        .map(|(_, s)| s)
        .collect();
    let claims: Vec<ClaimReport> = report
        .claims
        .into_iter()
        .filter(|c| chunk.contains(&c.article))
        .map(|mut c| {
            c.article = c.article - before + first;
            c
        })
        .collect();
    let outlets = summarize_outlets_of(&g, &claims, |c| in_chunk.contains(&c));
    let parsed = all_articles.drain(chunk.clone()).collect();
    ChunkReport {
        claims,
        articles,
        outlets,
        graph: g,
        chunk,
        inputs,
        parsed,
    }
}

/// Give the chunk graph the input's relay edges, and its outlets and named sources the
/// name and kind they have where the input first mentions them.
fn add_input_facts(ctx: &InputContext, g: &mut SourceGraph) {
    let mut nodes: HashMap<NodeKey, NodeIndex> = HashMap::new();
    for n in g.graph.node_indices().collect::<Vec<_>>() {
        let Some(k) = node_key(&g.graph[n]) else {
            continue;
        };
        if let Some(first) = ctx.first.get(&k) {
            g.graph[n] = keep_spellings(first, &g.graph[n]);
        }
        nodes.insert(k, n);
    }
    for (a, b) in &ctx.relays {
        let mut node = |k: &NodeKey| match nodes.get(k) {
            Some(&n) => Some(n),
            None => {
                let n = g.graph.add_node(ctx.first.get(k)?.clone());
                nodes.insert(k.clone(), n);
                Some(n)
            }
        };
        let (Some(x), Some(y)) = (node(a), node(b)) else {
            continue;
        };
        if g.graph.find_edge(x, y).is_none() {
            g.graph.add_edge(x, y, Edge::Relays { count: 1 });
        }
    }
}

/// The first-met node, with the spellings this chunk saw.
fn keep_spellings(first: &Node, here: &Node) -> Node {
    match (first, here) {
        (Node::Outlet(f), Node::Outlet(h)) => {
            let mut o = f.clone();
            o.spellings.clone_from(&h.spellings);
            Node::Outlet(o)
        }
        _ => first.clone(),
    }
}

/// How many articles of dated issues a [`OnePassJudge`] holds for cross-references by
/// default.
pub const DEFAULT_HELD_ARTICLES: usize = 500;

/// Judging an input in one pass, for input that can be read only once (a pipe) or must
/// show its findings at once: each chunk is judged as soon as it is read, with what the
/// input showed up to and including it — the relays read so far and the latest
/// [`DEFAULT_HELD_ARTICLES`] (or `held`) articles of dated issues for its cross-references
/// (stripped of their text, as [`ChunkJudge`] keeps them). Verdicts
/// equal those of two passes ([`ChunkJudge`]) unless something the input shows only later
/// bears on them; [`OnePassJudge::caveats`] counts those cases.
#[derive(Debug)]
pub struct OnePassJudge {
    ctx: InputContext,
    held: VecDeque<Kept>,
    capacity: usize,
    /// Issues with an article no longer held.
    evicted: HashSet<IssueKey>,
    /// Cross-referenced issues not read (yet).
    unresolved: HashSet<IssueKey>,
    /// Outlets by number, for `cited_together`.
    ids: HashMap<NodeKey, usize>,
    /// Pairs of outlets that one claim cited together.
    cited_together: HashSet<(usize, usize)>,
    caveats: OnePassCaveats,
    seen: usize,
}

/// What a one-pass judgement could not take into account, counted over the input so far.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct OnePassCaveats {
    /// Relay links between two outlets that a claim read before had cited together: that
    /// claim counted them as independent. (Relays involving a named person or body are
    /// not counted: remembering which claims cited those would grow with the input.)
    pub late_relays: usize,
    /// Cross-referenced issues that appeared later in the input: the claims referring to
    /// them were judged without their sources.
    pub forward_references: usize,
    /// Cross-references to an issue read earlier but no longer held (more than `held`
    /// dated articles back): judged without (some of) its sources.
    pub dropped_references: usize,
}

impl OnePassCaveats {
    /// True when nothing was missed: the verdicts are those of two passes.
    pub fn is_empty(&self) -> bool {
        *self == OnePassCaveats::default()
    }
}

/// A chunk prepared by [`Judge::prepare`], to be judged by
/// [`Judge::judge_job`].
#[derive(Debug)]
pub struct OnePassJob {
    context: Vec<Kept>,
    first: usize,
    articles: Vec<Article>,
    claims: Vec<Vec<Claim>>,
}

impl OnePassJudge {
    /// A judge that holds the latest `held` articles of dated issues for cross-references.
    pub fn new(held: usize) -> OnePassJudge {
        OnePassJudge {
            ctx: InputContext::new(),
            held: VecDeque::new(),
            capacity: held,
            evicted: HashSet::new(),
            unresolved: HashSet::new(),
            ids: HashMap::new(),
            cited_together: HashSet::new(),
            caveats: OnePassCaveats::default(),
            seen: 0,
        }
    }

    /// Remember which outlets each claim of the chunk cited together.
    fn note_cited_together(&mut self, report: &ChunkReport) {
        let g = &report.graph;
        let mut cited: Vec<usize> = Vec::new();
        for &claim in report.chunk.clone().flat_map(|i| &g.claims[i]) {
            cited.clear();
            for e in g.graph.edges(claim) {
                if !matches!(e.weight(), Edge::Cites(_) | Edge::Attributes(_)) {
                    continue;
                }
                // Outlets only: their number is bounded by the vocabulary, while named
                // people and bodies would make the pairs grow with the input.
                if let Some(k @ NodeKey::Outlet(_)) = node_key(&g.graph[e.target()]) {
                    let next = self.ids.len();
                    cited.push(*self.ids.entry(k).or_insert(next));
                }
            }
            cited.sort_unstable();
            cited.dedup();
            for (i, &x) in cited.iter().enumerate() {
                for &y in &cited[i + 1..] {
                    self.cited_together.insert((x, y));
                }
            }
        }
    }

    /// What the judgements so far could not take into account.
    pub fn caveats(&self) -> OnePassCaveats {
        self.caveats
    }
}

impl Judge for OnePassJudge {
    type Job = OnePassJob;

    /// The next chunk (articles and claims in input coordinates) with the held articles its
    /// cross-references point at; counts what it refers to that is not (or no longer)
    /// there. Judge it with [`Judge::judge_job`] once the chunk before it has been
    /// learnt ([`Judge::learn`]): the judgement runs on a shared borrow, so it can
    /// run on another thread while the report before it is written.
    fn prepare(
        &mut self,
        p: &Pipeline<'_>,
        articles: Vec<Article>,
        claims: Vec<Vec<Claim>>,
    ) -> OnePassJob {
        let first = self.seen;
        self.seen += articles.len();
        let keys: Vec<Option<IssueKey>> = articles
            .iter()
            .map(|a| article_issue(p, a).map(|issue| self.ctx.intern(issue)))
            .collect();
        for k in keys.iter().flatten() {
            self.caveats.forward_references += usize::from(self.unresolved.remove(k));
        }
        let here: HashSet<&IssueKey> = keys.iter().flatten().collect();
        let held: HashSet<IssueKey> = self
            .held
            .iter()
            .filter_map(|(_, a, _)| self.ctx.article_key(p, a))
            .collect();
        for issue in articles.iter().flat_map(|a| cross_referenced(p, a)) {
            let k = self.ctx.intern(issue);
            if self.evicted.contains(&k) {
                self.caveats.dropped_references += 1;
            } else if !here.contains(&k) && !held.contains(&k) {
                self.unresolved.insert(k);
            }
        }
        let dated: Vec<Kept> = articles
            .iter()
            .zip(&claims)
            .zip(&keys)
            .enumerate()
            .filter(|(_, (_, k))| k.is_some())
            .map(|(i, ((a, c), _))| kept(first + i, a, c))
            .collect();
        let context = held_for(&self.ctx, p, self.held.make_contiguous(), first, &articles)
            .into_iter()
            .cloned()
            .collect();
        self.held.extend(dated);
        while self.held.len() > self.capacity {
            if let Some(k) = self
                .held
                .pop_front()
                .and_then(|(_, a, _)| self.ctx.article_key(p, &a))
            {
                self.evicted.insert(k);
            }
        }
        OnePassJob {
            context,
            first,
            articles,
            claims,
        }
    }

    /// Judge a prepared chunk in the context learnt so far.
    fn judge_job(&self, p: &Pipeline<'_>, job: OnePassJob) -> ChunkReport {
        judge_in(
            &self.ctx,
            p,
            job.context,
            job.first,
            job.articles,
            job.claims,
        )
    }

    /// Learn what a judged chunk shows — its relays and sources, which later chunks need,
    /// and which outlets its claims cited together — before the next chunk is judged.
    fn learn(&mut self, report: &ChunkReport) {
        for (a, b) in self.ctx.learn_graph(&report.graph) {
            if let (Some(&x), Some(&y)) = (self.ids.get(&a), self.ids.get(&b)) {
                let pair = (x.min(y), x.max(y));
                self.caveats.late_relays += usize::from(self.cited_together.contains(&pair));
            }
        }
        self.note_cited_together(report);
    }
}
