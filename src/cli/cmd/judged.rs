//! Reading inputs twice for the commands that judge claims in bounded memory (`check`,
//! `stats`, and `graph`'s header and content passes): pass 1 learns each chunk into an
//! [`InputContext`], pass 2 hands each chunk's [`ChunkReport`] on. Files are read from disk
//! twice, except an input of one chunk (one article at a desk), whose parse pass 2 takes
//! over; standard input is kept between the passes (in memory up to a megabyte, then in a
//! temporary file) only when the caller asks (`graph`: `check` and `stats` read a pipe
//! once, with a one-pass judge). Pass 2 prints
//! nothing pass 1 printed. [`Ahead`] parses the next chunk while one is consumed (in pass 1
//! with its own graph built alongside), `Stages` judges the next chunk (of pass 2, or of a
//! one-pass reading) while one is written, and [`warn_one_pass`] says what a one-pass
//! reading missed.

use crate::cli::io::{Input, Reporter, Source, for_each_chunk, for_each_chunk_in, io_reason};
use crate::cli::spill::Spill;
use anyhow::Result;
use srcgraph::context::{
    ChunkJob, ChunkJudge, ChunkReport, InputContext, OnePassCaveats, OnePassJob, OnePassJudge,
};
use srcgraph::graph::{BuildOptions, SourceGraph, build};
use srcgraph::model::{Article, Claim};
use srcgraph::pipeline::Pipeline;
use srcgraph::stream::Chunk;
use std::cell::RefCell;

/// A chunk as parsed: the chunk, its articles and their claims.
pub(crate) type Parsed = (Chunk, Vec<Article>, Vec<Vec<Claim>>);

/// Inputs read twice: standard input's bytes, when it is one of them, are kept, and so is
/// the parse of an input that was one chunk, until its second pass.
pub(crate) struct TwoPasses<'a> {
    p: &'a Pipeline<'a>,
    /// Standard input as read in pass 1 (memory up to a megabyte, then a temporary file).
    stdin: Option<RefCell<Spill>>,
    single: RefCell<Option<(String, Parsed)>>,
}

impl<'a> TwoPasses<'a> {
    /// Ready to read `inputs` (standard input is read now, if it is one of them and is to
    /// be read twice).
    pub(crate) fn new(
        p: &'a Pipeline<'a>,
        inputs: &[Input],
        rep: &mut Reporter,
        twice_stdin: bool,
    ) -> TwoPasses<'a> {
        rep.progress.set_passes(2);
        let stdin = if twice_stdin && inputs.iter().any(|i| i.source == Source::Stdin) {
            keep_stdin(rep).map(RefCell::new)
        } else {
            None
        };
        TwoPasses {
            p,
            stdin,
            single: RefCell::new(None),
        }
    }

    /// Read `input` in chunks (standard input from the kept bytes). `Ok(false)` when it could
    /// not be read.
    pub(crate) fn each_chunk(
        &self,
        input: &Input,
        rep: &mut Reporter,
        f: impl FnMut(Chunk, &mut Reporter) -> Result<()>,
    ) -> Result<bool> {
        match (&input.source, &self.stdin) {
            (Source::Stdin, Some(kept)) => {
                let mut kept = kept.borrow_mut();
                match kept.reader() {
                    Ok(reader) => for_each_chunk_in(&input.name, input.format, reader, rep, f),
                    Err(e) => {
                        rep.error(format!("{}: {e}", input.name));
                        Ok(false)
                    }
                }
            }
            (Source::Stdin, None) => Ok(false),
            (Source::File(_), _) => for_each_chunk(input, rep, f),
        }
    }

    /// Pass 1 over `input`: what its chunks' claims depend on, into `ctx`; parse warnings
    /// are reported. `Ok(false)` when the input could not be read (or was binary data).
    pub(crate) fn learn(
        &self,
        input: &Input,
        rep: &mut Reporter,
        ctx: &mut InputContext,
    ) -> Result<bool> {
        let p = self.p;
        // Pass 1 learns relays and sources: dates as nodes add nothing to it.
        let opts = BuildOptions {
            date_nodes: false,
            ..p.build_options()
        };
        let mut chunks = 0;
        let mut first: Option<Parsed> = None;
        // Each chunk's own graph is built on the pool with its parse.
        let mut ahead = Ahead::with(p, |(chunk, a, c): Parsed| {
            let g = build(&a, &c, &opts);
            ((chunk, a, c), g)
        });
        let mut learn = |((chunk, a, c), g): (Parsed, SourceGraph), rep: &mut Reporter| {
            rep.article_diagnostics(&a);
            ctx.learn(p, &a, &c, &g);
            chunks += 1;
            first = (chunks == 1).then_some((chunk, a, c));
            Ok(())
        };
        let read = self.each_chunk(input, rep, |chunk, rep| {
            ahead.push(chunk, &mut |parsed| learn(parsed, rep))
        })?;
        ahead.finish(&mut |parsed| learn(parsed, rep))?;
        *self.single.borrow_mut() = first
            .filter(|_| chunks == 1)
            .map(|parsed| (input.name.clone(), parsed));
        Ok(read)
    }

    /// Pass 2 over `input`: each chunk, judged, to `f` with the chunk (its text quotes the
    /// claims).
    pub(crate) fn judge(
        &self,
        input: &Input,
        rep: &mut Reporter,
        judge: &mut ChunkJudge<'_>,
        mut f: impl FnMut(&Chunk, ChunkReport) -> Result<()>,
    ) -> Result<()> {
        let mut quiet = second_pass(rep);
        let p = self.p;
        let cached = self.single.borrow_mut().take();
        if let Some((_, (chunk, a, c))) = cached.filter(|(name, _)| *name == input.name) {
            rep.progress.advance(chunk.raw_len, &input.name);
            return f(&chunk, judge.judge(p, a, c));
        }
        let mut stages = Stages::default();
        self.each_chunk(input, &mut quiet, |chunk, quiet| {
            stages.push(p, judge, quiet, Some(chunk), &mut f)
        })?;
        stages.finish(p, judge, &quiet, &mut f)?;
        rep.errored |= quiet.errored;
        Ok(())
    }
}

/// Standard input, read to its end into a [`Spill`] so it can be read twice without being
/// held in memory; `None` (reported) when it could not be read.
fn keep_stdin(rep: &mut Reporter) -> Option<Spill> {
    let mut kept = Spill::default();
    let mut stdin = std::io::stdin().lock();
    let mut block = vec![0; 1 << 16];
    loop {
        let n = match std::io::Read::read(&mut stdin, &mut block) {
            Ok(0) => return Some(kept),
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => {
                rep.error(format!("<stdin>: {}", io_reason(&e)));
                return None;
            }
        };
        if let Err(e) = kept.write_all(&block[..n]) {
            rep.error(format!("<stdin>: {e}"));
            return None;
        }
    }
}

/// A judge whose chunks can be judged in stages: each chunk is prepared in input order on
/// the reading thread, judged anywhere on a shared borrow, and — for a one-pass judge —
/// learnt from before the next chunk is judged.
trait StagedJudge: Sync {
    /// A prepared chunk.
    type Job: Send;
    /// Take the next chunk (in input order) with what judging it needs.
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
}

impl<'a> StagedJudge for ChunkJudge<'a> {
    type Job = ChunkJob<'a>;
    fn prepare(
        &mut self,
        p: &Pipeline<'_>,
        articles: Vec<Article>,
        claims: Vec<Vec<Claim>>,
    ) -> ChunkJob<'a> {
        ChunkJudge::prepare(self, p, articles, claims)
    }
    fn judge_job(&self, p: &Pipeline<'_>, job: ChunkJob<'a>) -> ChunkReport {
        job.judge(p)
    }
}

impl StagedJudge for OnePassJudge {
    type Job = OnePassJob;
    fn prepare(
        &mut self,
        p: &Pipeline<'_>,
        articles: Vec<Article>,
        claims: Vec<Vec<Claim>>,
    ) -> OnePassJob {
        OnePassJudge::prepare(self, p, articles, claims)
    }
    fn judge_job(&self, p: &Pipeline<'_>, job: OnePassJob) -> ChunkReport {
        OnePassJudge::judge_job(self, p, job)
    }
    fn learn(&mut self, report: &ChunkReport) {
        OnePassJudge::learn(self, report);
    }
}

/// Judging in three stages: while one chunk's report is consumed on this thread, the next
/// chunk is judged and the one after it parsed on the pool. Chunks are prepared
/// ([`StagedJudge::prepare`]: what they need of the input, in order), judged after the chunk
/// before them was learnt from (one pass: its relays and sources are context for what
/// follows), and consumed in input order, so the output is that of judging chunk after
/// chunk; with one thread (`-j 1`) the stages take turns.
#[derive(Default)]
struct Stages {
    parsed: Option<Parsed>,
    judged: Option<(Chunk, ChunkReport)>,
}

impl Stages {
    /// Move every chunk one stage on, with `next` (if any) starting to be parsed; the parse
    /// warnings of the chunk prepared go to `rep`.
    fn push<J: StagedJudge>(
        &mut self,
        p: &Pipeline<'_>,
        judge: &mut J,
        rep: &Reporter,
        next: Option<Chunk>,
        consume: &mut impl FnMut(&Chunk, ChunkReport) -> Result<()>,
    ) -> Result<()> {
        if let Some((_, report)) = &self.judged {
            judge.learn(report);
        }
        let job = self.parsed.take().map(|(chunk, a, c)| {
            rep.article_diagnostics(&a);
            (chunk, judge.prepare(p, a, c))
        });
        let done = self.judged.take();
        if rayon::current_num_threads() < 2 {
            if let Some((chunk, report)) = done {
                consume(&chunk, report)?;
            }
            self.judged = job.map(|(chunk, job)| (chunk, judge.judge_job(p, job)));
            self.parsed = next.map(|chunk| {
                let (a, c) = p.read_chunk(&chunk);
                (chunk, a, c)
            });
            return Ok(());
        }
        let judge = &*judge;
        let (mut parsed, mut judged) = (None, None);
        let consumed = rayon::in_place_scope(|s| {
            if let Some(chunk) = next {
                s.spawn(|_| {
                    let (a, c) = p.read_chunk(&chunk);
                    parsed = Some((chunk, a, c));
                });
            }
            if let Some((chunk, job)) = job {
                s.spawn(|_| judged = Some((chunk, judge.judge_job(p, job))));
            }
            match done {
                Some((chunk, report)) => consume(&chunk, report),
                None => Ok(()),
            }
        });
        consumed?;
        (self.parsed, self.judged) = (parsed, judged);
        Ok(())
    }

    /// Judge and consume what is left.
    fn finish<J: StagedJudge>(
        &mut self,
        p: &Pipeline<'_>,
        judge: &mut J,
        rep: &Reporter,
        consume: &mut impl FnMut(&Chunk, ChunkReport) -> Result<()>,
    ) -> Result<()> {
        while self.parsed.is_some() || self.judged.is_some() {
            self.push(p, judge, rep, None, consume)?;
        }
        Ok(())
    }
}

/// Parsing one chunk ahead: each chunk pushed is parsed on another thread while the one
/// before it is consumed, so parsing (itself parallel) overlaps judging and writing, which
/// are not. What can be done with a chunk alone — `then`, building its own graph in the
/// first pass — runs there too. Chunks are consumed in order, so the output does not
/// change; with one thread (`-j 1`) nothing runs alongside.
pub(crate) struct Ahead<'a, T, F> {
    p: &'a Pipeline<'a>,
    then: F,
    pending: Option<T>,
}

impl<'a> Ahead<'a, Parsed, fn(Parsed) -> Parsed> {
    /// Chunks consumed as parsed.
    pub(crate) fn new(p: &'a Pipeline<'a>) -> Self {
        Ahead::with(p, std::convert::identity)
    }
}

impl<'a, T: Send, F: Fn(Parsed) -> T + Sync> Ahead<'a, T, F> {
    /// Chunks consumed after `then`, which runs with the parse.
    pub(crate) fn with(p: &'a Pipeline<'a>, then: F) -> Self {
        Ahead {
            p,
            then,
            pending: None,
        }
    }

    /// Parse `chunk` while consuming the chunk pushed before it.
    pub(crate) fn push(
        &mut self,
        chunk: Chunk,
        consume: &mut impl FnMut(T) -> Result<()>,
    ) -> Result<()> {
        let (p, then) = (self.p, &self.then);
        let prepare = move |chunk: Chunk| {
            let (a, c) = p.read_chunk(&chunk);
            then((chunk, a, c))
        };
        let next = match self.pending.take() {
            None => prepare(chunk),
            Some(before) if rayon::current_num_threads() < 2 => {
                consume(before)?;
                prepare(chunk)
            }
            Some(before) => {
                // The parse runs on the pool's threads (their allocator arenas are reused
                // chunk after chunk); consuming stays on this thread.
                let name = chunk.doc.name.clone();
                let mut prepared = None;
                let consumed = rayon::in_place_scope(|s| {
                    s.spawn(|_| prepared = Some(prepare(chunk)));
                    consume(before)
                });
                consumed?;
                // The spawned job has run by the end of the scope (a panic in it would have
                // been re-raised), so this is always `Some`.
                prepared.ok_or_else(|| anyhow::anyhow!("{name}: a chunk was not parsed (a bug)"))?
            }
        };
        self.pending = Some(next);
        Ok(())
    }

    /// Consume the last chunk.
    pub(crate) fn finish(&mut self, consume: &mut impl FnMut(T) -> Result<()>) -> Result<()> {
        match self.pending.take() {
            Some(last) => consume(last),
            None => Ok(()),
        }
    }
}

/// A reporter for a second pass over inputs: it prints no warning the first pass printed
/// (errors are still printed and counted: merge `errored` back).
pub(crate) fn second_pass(rep: &Reporter) -> Reporter {
    Reporter {
        quiet: true,
        chunk_size: rep.chunk_size,
        progress: rep.progress.clone(),
        ..Reporter::default()
    }
}

/// Read `input` once, judging each chunk as it is read with `judge` (parse warnings are
/// reported) and handing the chunk and its report to `f`, in three stages
/// ([`Stages`]). `Ok(false)` when the input could not be read (or was binary data).
pub(crate) fn judge_once(
    p: &Pipeline<'_>,
    input: &Input,
    rep: &mut Reporter,
    judge: &mut OnePassJudge,
    mut f: impl FnMut(&Chunk, ChunkReport) -> Result<()>,
) -> Result<bool> {
    let mut stages = Stages::default();
    let read = for_each_chunk(input, rep, |chunk, rep| {
        stages.push(p, judge, rep, Some(chunk), &mut f)
    })?;
    stages.finish(p, judge, rep, &mut f)?;
    Ok(read)
}

/// Warn, when a one-pass reading of `what` missed something, that some verdicts may differ
/// from those of two passes, and say what was missed.
pub(crate) fn warn_one_pass(rep: &Reporter, what: &str, caveats: &OnePassCaveats) {
    if !caveats.is_empty() {
        rep.warn(format!(
            "{what}: judged in one pass, so some verdicts may differ from those of the whole \
             input: {}; read it from files without --one-pass for whole-input verdicts",
            caveat_text(caveats)
        ));
    }
}

/// What a one-pass reading missed, in words.
fn caveat_text(c: &OnePassCaveats) -> String {
    let mut parts = Vec::new();
    let mut say = |n: usize, one: &str, many: &str| match n {
        0 => {}
        1 => parts.push(format!("1 {one}")),
        n => parts.push(format!("{n} {many}")),
    };
    say(
        c.late_relays,
        "relay link came after a claim citing both of its outlets",
        "relay links came after claims citing both of their outlets",
    );
    say(
        c.forward_references,
        "cross-referenced issue came later in the input",
        "cross-referenced issues came later in the input",
    );
    say(
        c.dropped_references,
        "cross-reference pointed further back than the articles held (--held-articles)",
        "cross-references pointed further back than the articles held (--held-articles)",
    );
    parts.join("; ")
}
