//! The HTML report of a whole input written chunk by chunk, in bounded memory: the bytes
//! [`crate::export::html::write_report`] writes from one analysis of the whole input.
//!
//! Two readings of the judged chunks ([`ReportReading`]). The first (`Survey`) spools the
//! corpus summary's rows, adds up the outlets' counts, collects every outlet's spellings,
//! and keeps, for each article that a later (or earlier) claim cross-references, what that
//! claim adds to the article's graph (a *referrer*: the claim, its article and what it
//! links). The second (`Write`) writes the page's head and summary, then each chunk's
//! sections as they are judged — its articles drawn in parallel — each graph put together
//! from the chunk's graph, the referrers kept for it and the input's relays
//! ([`crate::graph::section`] gives the order, the same as the whole graph's).
//!
//! Held at once: the summary rows in a spooled temporary file, an outlet table, a spelling
//! set per outlet, each shared node's first place in the input, and the referrers (a claim
//! and its edges each) of the articles not yet written.

use super::{SharedKey, shared_key, walked};
use crate::analyze::{ClaimReport, OutletSummary, Report, sort_by_citations};
use crate::context::{ChunkReport, InputContext};
use crate::export::html::{
    REPORT_TAIL, ReportOptions, Section, report_head, summary_head, summary_row, summary_tail,
    write_section,
};
use crate::graph::section::{NodeOrder, SectionBuilder};
use crate::graph::{Edge, Node, SourceGraph};
use crate::stream::Chunk;
use petgraph::Direction;
use petgraph::stable_graph::NodeIndex;
use petgraph::visit::EdgeRef;
use rayon::prelude::*;
use std::collections::{BTreeSet, HashMap};
use std::io::{self, Seek, SeekFrom, Write};
use tempfile::SpooledTempFile;

/// Bytes of summary rows held in memory before the rest goes to a temporary file.
const ROWS_IN_MEMORY: usize = 1 << 20;

/// What a reading of the input is for ([`StreamedReport::reading`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportReading {
    /// Summing up the corpus and keeping what cross-references add to graphs.
    Survey,
    /// Writing the sections.
    Write,
}

/// A node of a referrer, with its place in the section's order.
#[derive(Debug, Clone)]
struct Placed {
    at: NodeOrder,
    /// The node; `None` for an article or shared node kept once for every referrer
    /// ([`StreamedReport::kept_nodes`]).
    node: Option<Node>,
    shared: Option<SharedKey>,
}

/// An end of an edge: a node placed in the order, or a shared node, placed wherever the
/// section has it (a relay's other end need not be linked in the chunk that shows it).
#[derive(Debug, Clone)]
enum End {
    At(NodeOrder),
    Shared(SharedKey),
}

/// A claim, what it links and the edges between them: what it adds to a section graph.
#[derive(Debug, Clone)]
struct Star {
    nodes: Vec<Placed>,
    /// (from, rank, to, edge).
    edges: Vec<(End, u64, End, Edge)>,
    claim: NodeOrder,
}

/// A claim that cross-references an article, as that article's graph shows it.
#[derive(Debug, Clone)]
struct Referrer {
    star: Star,
    /// The claim's verdict (its sources and notes left out: the graph needs the verdict).
    report: ClaimReport,
}

/// When the input first shows each node, walking the chunks' claims in input order: a
/// node of one article gets the place it is walked at, a shared node the place of its first
/// walk.
#[derive(Debug, Default)]
struct FirstMet {
    next: u64,
    shared: HashMap<SharedKey, u64>,
}

impl FirstMet {
    /// The place of every walked node of the chunk's graph, by node index.
    fn chunk(&mut self, r: &ChunkReport) -> HashMap<NodeIndex, u64> {
        let mut out = HashMap::new();
        for n in walked(r) {
            let at = self.next;
            self.next += 1;
            let at = match shared_key(&r.graph.graph[n]) {
                Some(k) => *self.shared.entry(k).or_insert(at),
                None => at,
            };
            out.insert(n, at);
        }
        out
    }
}

/// Writes the report of a whole input from its judged chunks: read the input twice,
/// handing every chunk to [`StreamedReport::read`] and calling
/// [`StreamedReport::end_reading`] after each reading, then [`StreamedReport::finish`].
pub struct StreamedReport<'w> {
    out: &'w mut dyn Write,
    opts: ReportOptions,
    reading: ReportReading,
    articles: usize,
    rows: SpooledTempFile,
    outlets: HashMap<String, OutletSummary>,
    spellings: HashMap<SharedKey, BTreeSet<String>>,
    referrers: HashMap<usize, Vec<Referrer>>,
    /// The article and shared nodes of the referrers, once each, by place.
    kept_nodes: HashMap<NodeOrder, Node>,
    met: FirstMet,
    /// The input's relays between shared nodes, by carrier: (origin, count).
    relays: HashMap<SharedKey, Vec<(SharedKey, usize)>>,
    article_done: &'w (dyn Fn() + Sync),
    /// The DOT of every section graph, in order (for the tests).
    #[cfg(test)]
    dots: Vec<String>,
}

impl<'w> StreamedReport<'w> {
    /// A report written to `out`; `article_done` is called (from any thread) as each
    /// article's section is finished.
    pub fn new(
        out: &'w mut dyn Write,
        opts: ReportOptions,
        article_done: &'w (dyn Fn() + Sync),
    ) -> StreamedReport<'w> {
        StreamedReport {
            out,
            opts,
            reading: ReportReading::Survey,
            articles: 0,
            rows: SpooledTempFile::new(ROWS_IN_MEMORY),
            outlets: HashMap::new(),
            spellings: HashMap::new(),
            referrers: HashMap::new(),
            kept_nodes: HashMap::new(),
            met: FirstMet::default(),
            relays: HashMap::new(),
            article_done,
            #[cfg(test)]
            dots: Vec::new(),
        }
    }

    /// What the current reading is for.
    pub fn reading(&self) -> ReportReading {
        self.reading
    }

    /// The number of articles surveyed (after the first reading: of the whole input).
    pub fn articles(&self) -> usize {
        self.articles
    }

    /// Take the next chunk of the current reading, as judged (`r`) from its text
    /// (`chunk`).
    ///
    /// # Errors
    /// Any error of writing (or of the temporary file of summary rows).
    pub fn read(&mut self, chunk: &Chunk, r: ChunkReport) -> io::Result<()> {
        match self.reading {
            ReportReading::Survey => self.survey(r),
            ReportReading::Write => self.write_chunk(chunk, r),
        }
    }

    /// End a reading: true when another is needed. After the first, the page's head and
    /// summary are written.
    ///
    /// # Errors
    /// Any error of writing.
    pub fn end_reading(&mut self, ctx: &InputContext) -> io::Result<bool> {
        match self.reading {
            ReportReading::Survey => {
                self.out.write_all(report_head().as_bytes())?;
                if self.articles > 1 {
                    self.out.write_all(summary_head().as_bytes())?;
                    self.rows.seek(SeekFrom::Start(0))?;
                    io::copy(&mut self.rows, &mut self.out)?;
                    let mut outlets: Vec<OutletSummary> =
                        std::mem::take(&mut self.outlets).into_values().collect();
                    sort_by_citations(&mut outlets);
                    self.out.write_all(summary_tail(&outlets).as_bytes())?;
                }
                self.rows = SpooledTempFile::new(0);
                for (a, b, count) in ctx.relays() {
                    if let (Some(a), Some(b)) = (shared_key(a), shared_key(b)) {
                        self.relays.entry(a).or_default().push((b, count));
                    }
                }
                self.met = FirstMet::default();
                self.reading = ReportReading::Write;
                Ok(true)
            }
            ReportReading::Write => Ok(false),
        }
    }

    /// Close the page.
    ///
    /// # Errors
    /// Any error of writing.
    pub fn finish(self) -> io::Result<()> {
        self.out.write_all(REPORT_TAIL.as_bytes())?;
        self.out.flush()
    }

    /// The first reading of a chunk.
    fn survey(&mut self, mut r: ChunkReport) -> io::Result<()> {
        for a in &r.articles {
            self.rows
                .write_all(summary_row(self.articles, a).as_bytes())?;
            self.articles += 1;
        }
        for o in std::mem::take(&mut r.outlets) {
            match self.outlets.get_mut(&o.outlet) {
                Some(known) => known.absorb(&o),
                None => {
                    self.outlets.insert(o.outlet.clone(), o);
                }
            }
        }
        let at = self.met.chunk(&r);
        let g = &r.graph;
        for (&n, _) in at.iter() {
            if let (Node::Outlet(o), Some(key)) = (&g.graph[n], shared_key(&g.graph[n])) {
                self.spellings
                    .entry(key)
                    .or_default()
                    .extend(o.spellings.iter().cloned());
            }
        }
        if !self.opts.graphs {
            return Ok(());
        }
        let seq_of = article_seqs(&r);
        let verdicts: HashMap<NodeIndex, &ClaimReport> =
            r.claims.iter().map(|c| (c.node, c)).collect();
        for k in r.chunk.clone() {
            let seq = r.inputs[k];
            for &c in &g.claims[k] {
                let targets: BTreeSet<usize> = g
                    .graph
                    .edges_directed(c, Direction::Outgoing)
                    .filter(|e| matches!(e.weight(), Edge::CrossReference(_)))
                    .filter_map(|e| seq_of.get(&e.target()).copied())
                    .filter(|&t| t != seq)
                    .collect();
                if targets.is_empty() {
                    continue;
                }
                let Some(report) = verdicts.get(&c) else {
                    continue;
                };
                let mut report = (*report).clone();
                report.corroboration.sources = Vec::new();
                report.corroboration.notes = Vec::new();
                let mut star = star(&r, k, c, &at, &seq_of);
                for p in &mut star.nodes {
                    if (p.shared.is_some() || p.at.0 == 0)
                        && let Some(node) = p.node.take()
                    {
                        self.kept_nodes.entry(p.at).or_insert(node);
                    }
                }
                let referrer = Referrer { star, report };
                for t in targets {
                    self.referrers.entry(t).or_default().push(referrer.clone());
                }
            }
        }
        Ok(())
    }

    /// The second reading of a chunk: its articles' sections.
    fn write_chunk(&mut self, chunk: &Chunk, r: ChunkReport) -> io::Result<()> {
        let at = self.met.chunk(&r);
        let seq_of = article_seqs(&r);
        let mut jobs = Vec::with_capacity(r.chunk.len());
        for (j, k) in r.chunk.clone().enumerate() {
            let seq = r.inputs[k];
            let claims: Vec<&ClaimReport> = r.claims.iter().filter(|c| c.article == seq).collect();
            let graph = self
                .opts
                .graphs
                .then(|| self.section_graph(&r, k, &claims, &at, &seq_of));
            #[cfg(test)]
            if let Some((g, report)) = &graph {
                self.dots.push(section_dot(g, report));
            }
            jobs.push((j, seq, claims, graph));
        }
        let base = chunk.offset.bytes;
        let text = chunk.doc.text.as_str();
        let opts = &self.opts;
        let done = self.article_done;
        let sections: Vec<String> = jobs
            .into_par_iter()
            .map(|(j, seq, claims, graph)| {
                let h = match (r.parsed.get(j), r.articles.get(j)) {
                    (Some(article), summary) => {
                        let label =
                            summary.map_or_else(|| article.path.clone(), |s| s.label.clone());
                        write_section(
                            &Section {
                                number: seq,
                                label: &label,
                                article,
                                text,
                                base,
                                claims,
                                graph,
                            },
                            opts,
                        )
                    }
                    (None, _) => String::new(),
                };
                done();
                h
            })
            .collect();
        for (k, s) in r.chunk.clone().zip(sections) {
            self.out.write_all(s.as_bytes())?;
            self.referrers.remove(&r.inputs[k]);
        }
        Ok(())
    }

    /// The graph of the chunk's article `k`: it, its claims and what they link, the claims
    /// elsewhere that cross-reference it and what they link, the relays between them.
    fn section_graph(
        &self,
        r: &ChunkReport,
        k: usize,
        claims: &[&ClaimReport],
        at: &HashMap<NodeIndex, u64>,
        seq_of: &HashMap<NodeIndex, usize>,
    ) -> (SourceGraph, Report) {
        let g = &r.graph;
        let seq = r.inputs[k];
        let mut b = SectionBuilder::default();
        let mut shared: HashMap<SharedKey, NodeOrder> = HashMap::new();
        let article = (0, seq as u64);
        if let Some(Node::Article(a)) = g.graph.node_weight(g.articles[k]) {
            let mut a = a.clone();
            a.input = seq;
            b.node(article, Node::Article(a));
        }
        let mut verdicts: Vec<(NodeOrder, ClaimReport)> = Vec::new();
        let by_node: HashMap<NodeIndex, &ClaimReport> =
            claims.iter().map(|c| (c.node, *c)).collect();
        let mut stars = Vec::new();
        for &c in &g.claims[k] {
            let star = star(r, k, c, at, seq_of);
            if let Some(report) = by_node.get(&c) {
                verdicts.push((star.claim, (*report).clone()));
            }
            stars.push(star);
        }
        for referrer in self.referrers.get(&seq).into_iter().flatten() {
            verdicts.push((referrer.star.claim, referrer.report.clone()));
            stars.push(referrer.star.clone());
        }
        for star in &stars {
            self.add_nodes(&mut b, &mut shared, &star.nodes);
        }
        for star in stars {
            for (from, rank, to, e) in star.edges {
                let end = |x: End| match x {
                    End::At(o) => Some(o),
                    End::Shared(key) => shared.get(&key).copied(),
                };
                if let (Some(from), Some(to)) = (end(from), end(to)) {
                    b.edge(from, rank, to, e);
                }
            }
        }
        // The input's relays between the shared nodes of the graph, counted over the input.
        for (key, &from) in &shared {
            for (origin, count) in self.relays.get(key).into_iter().flatten() {
                if let Some(&to) = shared.get(origin) {
                    b.edge(from, 0, to, Edge::Relays { count: *count });
                }
            }
        }
        let (sub, orders) = b.finish();
        let index: HashMap<NodeOrder, NodeIndex> = orders
            .iter()
            .enumerate()
            .map(|(i, &o)| (o, NodeIndex::new(i)))
            .collect();
        let claims = verdicts
            .into_iter()
            .filter_map(|(o, mut c)| {
                c.node = *index.get(&o)?;
                Some(c)
            })
            .collect();
        (sub, Report::new(claims, Vec::new(), Vec::new()))
    }

    /// Add a claim's nodes, outlets with every spelling of the input.
    fn add_nodes(
        &self,
        b: &mut SectionBuilder,
        shared: &mut HashMap<SharedKey, NodeOrder>,
        nodes: &[Placed],
    ) {
        for p in nodes {
            if b.has(p.at) {
                continue;
            }
            let Some(mut node) = p
                .node
                .clone()
                .or_else(|| self.kept_nodes.get(&p.at).cloned())
            else {
                continue;
            };
            if let Some(key) = &p.shared {
                if let (Node::Outlet(o), Some(all)) = (&mut node, self.spellings.get(key)) {
                    o.spellings = all.iter().cloned().collect();
                }
                shared.insert(key.clone(), p.at);
            }
            b.node(p.at, node);
        }
    }
}

/// What claim `c` of the chunk's article `k` brings to a section graph: its article, the
/// claim, what it links, the edges between them, and the relays of what it links that is
/// its article's own (the input's relays between shared nodes are added apart).
fn star(
    r: &ChunkReport,
    k: usize,
    c: NodeIndex,
    at: &HashMap<NodeIndex, u64>,
    seq_of: &HashMap<NodeIndex, usize>,
) -> Star {
    let g = &r.graph;
    let seq = r.inputs[k];
    let place = |n: NodeIndex| -> Option<NodeOrder> {
        match &g.graph[n] {
            Node::Article(_) => seq_of.get(&n).map(|&s| (0, s as u64)),
            _ => at.get(&n).map(|&m| (1, m)),
        }
    };
    let placed = |n: NodeIndex| -> Option<Placed> {
        let mut node = g.graph[n].clone();
        match &mut node {
            Node::Article(a) => a.input = *seq_of.get(&n)?,
            Node::Claim(cn) => cn.article = seq,
            _ => {}
        }
        Some(Placed {
            at: place(n)?,
            shared: shared_key(&node),
            node: Some(node),
        })
    };
    let mut nodes = Vec::new();
    let mut edges = Vec::new();
    let article = (0, seq as u64);
    if let Some(p) = placed(g.articles[k]) {
        nodes.push(p);
    }
    let claim = place(c).unwrap_or((1, u64::MAX));
    if let Some(p) = placed(c) {
        nodes.push(p);
    }
    edges.push((End::At(article), 0, End::At(claim), Edge::Contains));
    let mut own: Vec<NodeIndex> = Vec::new();
    for e in g.graph.edges_directed(c, Direction::Outgoing) {
        let t = e.target();
        let Some(p) = placed(t) else {
            continue;
        };
        if g.graph[t].is_article_own() {
            own.push(t);
        }
        edges.push((
            End::At(claim),
            e.id().index() as u64,
            End::At(p.at),
            e.weight().clone(),
        ));
        nodes.push(p);
    }
    // Relays that touch the article's own sources: the input's relays do not name them.
    let end = |n: NodeIndex| match shared_key(&g.graph[n]) {
        Some(key) => Some(End::Shared(key)),
        None => place(n).map(End::At),
    };
    for &t in &own {
        let touching = g
            .graph
            .edges_directed(t, Direction::Outgoing)
            .chain(g.graph.edges_directed(t, Direction::Incoming));
        for e in touching {
            if !matches!(e.weight(), Edge::Relays { .. }) {
                continue;
            }
            if let (Some(a), Some(b)) = (end(e.source()), end(e.target())) {
                edges.push((a, 0, b, e.weight().clone()));
            }
        }
    }
    Star {
        nodes,
        edges,
        claim,
    }
}

/// Each article node of the chunk's graph with its place in the input.
fn article_seqs(r: &ChunkReport) -> HashMap<NodeIndex, usize> {
    r.graph
        .articles
        .iter()
        .zip(&r.inputs)
        .map(|(&a, &s)| (a, s))
        .collect()
}

/// The DOT the report draws a section graph from.
#[cfg(test)]
fn section_dot(g: &SourceGraph, report: &Report) -> String {
    let opts = crate::export::dot::DotOptions {
        legend: false,
        ..Default::default()
    };
    let mut out = Vec::new();
    crate::export::dot::write_dot(&mut out, g, report, &opts).expect("written");
    String::from_utf8(out).expect("UTF-8")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::context::{ChunkJudge, Judge};
    use crate::graph::{BuildOptions, build};
    use crate::input::Document;
    use crate::pipeline::Pipeline;
    use crate::stream::ChunkReader;

    /// Every section graph, as DOT, streamed in chunks of `size` bytes and from the whole
    /// graph: the same statements (outlets with every spelling of the input, relays
    /// counted over it, claims that cross-reference the article from other chunks).
    #[test]
    fn section_graphs_are_the_whole_graphs() {
        let text = "Publication: Eurasia Daily Monitor Volume: 6 Issue: 10 Date: 2009-02-02\n\n\
             The port deal stalled, as reported later (see EDM, February 9). Officials said \
             nothing (Interfax, February 1).\n\n\
             Publication: Eurasia Daily Monitor Volume: 6 Issue: 12 Date: 2009-02-09\n\n\
             A second round was set (Zerkalo, February 7, as cited by Interfax). The grain \
             deal stalled (see EDM, February 2).\n\n\
             Publication: Eurasia Daily Monitor Volume: 6 Issue: 14 Date: 2009-02-12\n\n\
             The talks collapsed (see EDM, February 9; INTERFAX, February 11). An unnamed \
             official told Interfax that the deal was dead.\n";
        let p = Pipeline::default();
        let docs = [Document::from_text("in.txt", text)];
        let a = p.run(&docs);
        let want: Vec<String> = a
            .graph
            .articles
            .iter()
            .map(|&an| {
                let (g, pairs) = crate::graph::section::article_section(&a.graph, an);
                section_dot(&g, &a.report.renumbered(&pairs))
            })
            .collect();
        assert!(want[0].contains("INTERFAX / Interfax"), "{}", want[0]);
        assert!(want[1].contains("relays"), "{}", want[1]);
        assert!(want[1].contains("The talks collapsed"), "{}", want[1]);
        let chunks = |size: usize| {
            let mut r = ChunkReader::new("in.txt", text.as_bytes(), size);
            let mut out = Vec::new();
            while let Some(mut c) = r.next_chunk().expect("readable") {
                let (a, cl) = p.read_chunk(&mut c);
                out.push((c, a, cl));
            }
            out
        };
        for size in [1, 1 << 20] {
            let learn = BuildOptions {
                date_nodes: false,
                ..p.build_options()
            };
            let mut ctx = InputContext::new();
            for (_, a, cl) in chunks(size) {
                ctx.learn(&p, &a, &cl, &build(&a, &cl, &learn));
            }
            let mut buf = Vec::new();
            let opts = ReportOptions {
                engine: crate::render::Engine::Builtin,
                graphs: true,
            };
            let mut report = StreamedReport::new(&mut buf, opts, &|| {});
            loop {
                let mut judge = ChunkJudge::new(&ctx);
                for (c, a, cl) in chunks(size) {
                    report.read(&c, judge.judge(&p, a, cl)).expect("read");
                }
                if !report.end_reading(&ctx).expect("written") {
                    break;
                }
            }
            assert_eq!(report.dots, want, "chunk size {size}");
        }
    }
}
