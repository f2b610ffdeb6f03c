//! Judging an input chunk by chunk in bounded memory, with the verdicts one graph of the
//! whole input gives: the protocol `srcgraph check`, `stats` and `graph` use, for any
//! input a [`ChunkSource`] can read.
//!
//! - **Two passes** ([`Judging::learn`], then [`Judging::judge`]): pass 1 learns what the
//!   claims' verdicts depend on elsewhere in the input (relays, cross-referenced issues) into
//!   an [`InputContext`]; pass 2 judges chunk after chunk with a [`ChunkJudge`]. The input is
//!   read twice, except an input of one chunk, whose parse pass 2 takes over.
//! - **One pass** ([`Judging::judge_once`] with a [`OnePassJudge`]): for an input that can be
//!   read only once (a pipe) or must show findings at once; the judge's caveats count what
//!   came too late.
//!
//! Chunks are parsed and judged on the thread pool while the reports before them are
//! consumed, in input order, on the calling thread: in two passes a few chunks at once
//! (`flow`), in one pass the next chunk while one is consumed (each chunk is learnt from
//! before the next is judged). With one thread, or when called from a pool thread, the
//! steps take turns.
//!
//! Judging a file in two passes and listing its single-source claims:
//!
//! ```
//! use srcgraph::analyze::Verdict;
//! use srcgraph::judge::judge_file;
//! use srcgraph::pipeline::Pipeline;
//!
//! let dir = tempfile::tempdir()?;
//! let path = dir.path().join("bulletin.txt");
//! std::fs::write(&path, "Troops moved north (AFP, May 2; Kyodo, May 3).\n\n\
//!                        Talks stalled (Interfax, May 4).\n")?;
//! let mut single = Vec::new();
//! judge_file(&Pipeline::default(), &path, |_chunk, report| {
//!     for claim in report.claims {
//!         if claim.corroboration.verdict == Verdict::SingleSource {
//!             single.push(claim.line);
//!         }
//!     }
//!     Ok(())
//! })?;
//! assert_eq!(single, [3]);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod flow;
mod source;
mod stages;

pub use flow::in_order;
pub use source::{FileSource, JudgeError, ReaderSource};
pub use stages::Ahead;

use crate::context::{
    ChunkJob, ChunkJudge, ChunkReport, InputContext, Judge as _, OnePassCaveats, OnePassJudge,
};
use crate::graph::{BuildOptions, SourceGraph, build_facts};
use crate::memo::ParseMemo;
use crate::model::{Article, Claim};
use crate::pipeline::Pipeline;
use crate::stream::Chunk;
use stages::Stages;
use std::path::Path;

/// A chunk as parsed: the chunk, its articles and their claims.
pub type Parsed = (Chunk, Vec<Article>, Vec<Vec<Claim>>);

/// Which reading of an input a [`ChunkSource`] is asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pass {
    /// The only reading: one-pass judging.
    Once,
    /// The first of two readings, which learns the input.
    Learn,
    /// The second of two readings, which judges it: a source need not repeat what it
    /// reported in the first (warnings about the input).
    Judge,
}

/// The chunks of one input, read once per pass, in the same order each time.
pub trait ChunkSource {
    /// An error that stops the run: of reading the input, or of the consumer of reports.
    type Error;

    /// The input's name, as chunks carry it.
    fn name(&self) -> &str;

    /// Hand every chunk of the input, in order, to `f`. `Ok(false)` when nothing of the
    /// input could be read (the source has said why, or keeps it).
    ///
    /// # Errors
    /// An error of `f`, or one of reading that the source will not let pass.
    fn each_chunk(
        &mut self,
        pass: Pass,
        f: &mut dyn FnMut(Chunk) -> Result<(), Self::Error>,
    ) -> Result<bool, Self::Error>;

    /// Pass 2 took over `chunk` from pass 1 without reading it again (for progress).
    fn reused(&mut self, _chunk: &Chunk) {}
}

/// What is told the articles of each chunk as parsed ([`Judging::on_parsed`]).
type ParsedHook<'p> = Box<dyn Fn(&[Article]) + 'p>;

/// Reads inputs for judging ([`Judging::learn`], [`Judging::judge`],
/// [`Judging::judge_once`]); between the passes it keeps the parse of the last input
/// learnt, when that was one chunk, and the parse of every chunk learnt (compactly encoded,
/// past a megabyte in a temporary file: about 1.2 times the input's size), which later readings
/// take instead of parsing again. They are kept until [`Judging::forget_parses`] or the end
/// of the `Judging`: a caller judging a long stream of inputs one after another drops them
/// before each new input, as `check` does.
pub struct Judging<'p> {
    p: &'p Pipeline<'p>,
    parsed: ParsedHook<'p>,
    single: Option<(String, Parsed)>,
    /// The parse of every chunk pass 1 parsed, for the readings after it.
    memo: ParseMemo,
}

impl<'p> Judging<'p> {
    /// Judging with the settings of `p`.
    pub fn new(p: &'p Pipeline<'p>) -> Judging<'p> {
        Judging {
            p,
            parsed: Box::new(|_| {}),
            single: None,
            memo: ParseMemo::default(),
        }
    }

    /// Hand the articles of each chunk, as parsed and once per input, to `f` (for their
    /// warnings): in pass 1, or in the only pass.
    pub fn on_parsed(mut self, f: impl Fn(&[Article]) + 'p) -> Judging<'p> {
        self.parsed = Box::new(f);
        self
    }

    /// Pass 1 over `src`: what its claims' verdicts depend on, into `ctx` (which may hold
    /// other inputs judged as one with it). `Ok(false)` when nothing could be read.
    ///
    /// # Errors
    /// An error of `src`.
    pub fn learn<S: ChunkSource>(
        &mut self,
        src: &mut S,
        ctx: &mut InputContext,
    ) -> Result<bool, S::Error> {
        let p = self.p;
        // Pass 1 learns relays and sources: dates as nodes add nothing to it.
        let opts = BuildOptions {
            date_nodes: false,
            ..p.build_options()
        };
        let mut chunks = 0;
        let mut first: Option<Parsed> = None;
        // Each chunk's own graph (what pass 1 learns from) is built on the pool with its
        // parse, and the parses of the chunks parsed here are kept for the readings that
        // follow.
        let ahead = Ahead::with(p, |(chunk, a, c): Parsed| {
            let g = build_facts(&a, &c, &opts);
            ((chunk, a, c), g)
        })
        .keeping(&self.memo);
        let parsed = &self.parsed;
        let mut learn = |((chunk, a, c), g): (Parsed, SourceGraph)| {
            parsed(&a);
            ctx.learn(p, &a, &c, &g);
            chunks += 1;
            first = (chunks == 1).then_some((chunk, a, c));
            Ok(())
        };
        let read = ahead.run(|push| src.each_chunk(Pass::Learn, push), &mut learn)?;
        self.single = first
            .filter(|_| chunks == 1)
            .map(|parsed| (src.name().to_string(), parsed));
        Ok(read)
    }

    /// Drop the parses kept from the readings so far (and the temporary file they may
    /// fill): for a caller that will not read those inputs again, such as `check` before
    /// each new input.
    pub fn forget_parses(&mut self) {
        self.memo = ParseMemo::default();
    }

    /// The former name of [`Judging::forget_parses`], from when only the sources named in
    /// the prose were kept.
    #[deprecated(note = "use `forget_parses`: every part of the parse is kept now")]
    pub fn forget_prose(&mut self) {
        self.forget_parses();
    }

    /// Drop the parse kept from pass 1 (of the last input learnt, when it was one chunk),
    /// which pass 2 takes over when it judges an input of that name: for inputs whose
    /// names may repeat.
    pub fn forget(&mut self) {
        self.single = None;
    }

    /// Pass 2 over `src`: each chunk judged by `judge`, and its report handed to `consume`
    /// with the chunk (whose text the claims quote), in input order.
    ///
    /// # Errors
    /// An error of `src` or of `consume`.
    pub fn judge<S: ChunkSource>(
        &mut self,
        src: &mut S,
        judge: &mut ChunkJudge<'_>,
        consume: impl FnMut(&Chunk, ChunkReport) -> Result<(), S::Error>,
    ) -> Result<(), S::Error> {
        self.judge_then(src, judge, |_, report| report, consume)
    }

    /// [`Judging::judge`], with each chunk's report turned by `then` into what `consume`
    /// takes: `then` runs on the pool right after the judging, several chunks at once (for
    /// work that needs only the chunk and its report, such as writing its findings into a
    /// buffer), and `consume` on this thread in input order.
    ///
    /// # Errors
    /// An error of `src` or of `consume`.
    pub fn judge_then<S: ChunkSource, T: Send>(
        &mut self,
        src: &mut S,
        judge: &mut ChunkJudge<'_>,
        then: impl Fn(&Chunk, ChunkReport) -> T + Sync,
        mut consume: impl FnMut(&Chunk, T) -> Result<(), S::Error>,
    ) -> Result<(), S::Error> {
        let p = self.p;
        let cached = self.single.take();
        if let Some((_, (chunk, a, c))) = cached.filter(|(name, _)| name == src.name()) {
            src.reused(&chunk);
            let done = then(&chunk, judge.judge(p, a, c));
            return consume(&chunk, done);
        }
        // Chunks are parsed (or their parse recalled), judged and handed to `then` on the
        // pool, several at once; what each needs of the input is prepared here in input
        // order.
        let memo = &self.memo;
        let parse = |mut chunk: Chunk| {
            let (a, c) = p.read_chunk_with(&mut chunk, Some(memo));
            (chunk, a, c)
        };
        let mut prepare = |(chunk, a, c): Parsed| (chunk, judge.prepare(p, a, c));
        let judged = |(chunk, job): (Chunk, ChunkJob<'_>)| {
            let done = then(&chunk, job.judge(p));
            (chunk, done)
        };
        flow::flow(
            &parse,
            &mut prepare,
            &judged,
            |push| src.each_chunk(Pass::Judge, push),
            &mut |(chunk, done)| consume(&chunk, done),
        )
        .map(drop)
    }

    /// Read `src` once, judging each chunk with `judge` as it is read and handing its
    /// report to `consume` with the chunk, in input order. `Ok(false)` when nothing could
    /// be read.
    ///
    /// # Errors
    /// An error of `src` or of `consume`.
    pub fn judge_once<S: ChunkSource>(
        &self,
        src: &mut S,
        judge: &mut OnePassJudge,
        mut consume: impl FnMut(&Chunk, ChunkReport) -> Result<(), S::Error>,
    ) -> Result<bool, S::Error> {
        let p = self.p;
        let parsed = &*self.parsed;
        let mut stages = Stages::new();
        let read = src.each_chunk(Pass::Once, &mut |chunk| {
            stages.push(p, judge, parsed, Some(chunk), &mut consume)
        })?;
        stages.finish(p, judge, parsed, &mut consume)?;
        Ok(read)
    }
}

/// Judge the file at `path` in two passes, handing each chunk's report to `consume` in
/// input order: the verdicts of one graph of the whole file, in the memory of a chunk and
/// what pass 1 keeps.
///
/// # Errors
/// The file could not be read (or holds binary data), or `consume` failed.
pub fn judge_file(
    p: &Pipeline<'_>,
    path: impl AsRef<Path>,
    consume: impl FnMut(&Chunk, ChunkReport) -> Result<(), JudgeError>,
) -> Result<(), JudgeError> {
    let mut src = FileSource::new(path.as_ref());
    let mut ctx = InputContext::new();
    let mut judging = Judging::new(p);
    judging.learn(&mut src, &mut ctx)?;
    let mut judge = ChunkJudge::new(&ctx);
    judging.judge(&mut src, &mut judge, consume)
}

/// Judge what `reader` gives (the input `name`) in one pass, handing each chunk's report
/// to `consume` as soon as it is judged; cross-references reach back `held` dated
/// articles ([`crate::context::DEFAULT_HELD_ARTICLES`] is the CLI's default). Returns what
/// the one pass could not take into account.
///
/// # Errors
/// The reader failed (or gave binary data), or `consume` failed.
pub fn judge_reader(
    p: &Pipeline<'_>,
    name: &str,
    reader: impl std::io::Read,
    held: usize,
    consume: impl FnMut(&Chunk, ChunkReport) -> Result<(), JudgeError>,
) -> Result<OnePassCaveats, JudgeError> {
    let mut src = ReaderSource::new(name, reader);
    let mut judge = OnePassJudge::new(held);
    Judging::new(p).judge_once(&mut src, &mut judge, consume)?;
    Ok(judge.caveats())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markup::InputFormat;
    use crate::stream::read_chunks;

    struct TrickleReader<I>(I);

    impl<I: Iterator<Item = u8>> std::io::Read for TrickleReader<I> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            match (buf.first_mut(), self.0.next()) {
                (Some(b), Some(x)) => {
                    *b = x;
                    Ok(1)
                }
                _ => Ok(0),
            }
        }
    }

    /// A text read in chunks of about `size` bytes.
    struct Text {
        text: String,
        size: usize,
        chunks: usize,
        /// Hand the chunks out parsed, as articles read back from `parse` output are.
        parsed: bool,
        /// The text of the readings that judge, when it changed since pass 1 (a FIFO fed
        /// twice, a file rewritten between the passes).
        again: Option<String>,
    }

    impl ChunkSource for Text {
        type Error = std::convert::Infallible;

        fn name(&self) -> &str {
            "memo.txt"
        }

        fn each_chunk(
            &mut self,
            pass: Pass,
            f: &mut dyn FnMut(Chunk) -> Result<(), Self::Error>,
        ) -> Result<bool, Self::Error> {
            self.chunks = 0;
            let chunks = &mut self.chunks;
            let text = match (&self.again, pass) {
                (Some(again), Pass::Judge) => again,
                _ => &self.text,
            };
            // A byte a read, so the chunks are as small as `size` asks.
            let trickle = text.as_bytes().iter().copied();
            let reader = TrickleReader(trickle);
            let parsed = self.parsed;
            let end = read_chunks("memo.txt", InputFormat::Text, reader, self.size, |mut c| {
                *chunks += 1;
                if parsed {
                    c.articles = Some(crate::parse::parse_document(
                        &c.doc,
                        crate::outlets::Outlets::builtin(),
                        &Default::default(),
                    ));
                }
                f(c)
            })?;
            Ok(end.read)
        }
    }

    /// The claims pass 2 reports over `src`, chunk by chunk, in the context `ctx`.
    fn pass_two(
        judging: &mut Judging<'_>,
        src: &mut Text,
        ctx: &InputContext,
    ) -> Vec<Vec<crate::analyze::ClaimReport>> {
        let mut judge = ChunkJudge::new(ctx);
        let mut claims = Vec::new();
        judging
            .judge(src, &mut judge, |_, r| {
                claims.push(r.claims);
                Ok(())
            })
            .expect("judges");
        claims
    }

    /// Forty items read an item a chunk, after pass 1.
    fn forty_items_learnt<'p>(p: &'p Pipeline<'p>) -> (Text, InputContext, Judging<'p>) {
        let text: String = (1..=40)
            .map(|i| {
                format!(
                    "TROOPS MOVE\n\nPublication: Monitor Volume: 7 Issue: {i}\n\n\
                     Troops moved (AFP, May {i}; Kyodo, May {i}).\n\n"
                )
            })
            .collect();
        learnt(p, text)
    }

    /// `text` read an item a chunk, after pass 1.
    fn learnt<'p>(p: &'p Pipeline<'p>, text: String) -> (Text, InputContext, Judging<'p>) {
        let mut src = Text {
            text,
            size: 1,
            chunks: 0,
            parsed: false,
            again: None,
        };
        let mut ctx = InputContext::new();
        let mut judging = Judging::new(p);
        judging.learn(&mut src, &mut ctx).expect("reads");
        (src, ctx, judging)
    }

    #[test]
    fn what_then_makes_of_each_chunk_comes_in_input_order() {
        let p = Pipeline::default();
        let (mut src, ctx, mut judging) = forty_items_learnt(&p);
        let reports = pass_two(&mut judging, &mut src, &ctx);
        assert!(reports.len() > 10, "{} chunks", reports.len());
        // On the pool, several chunks at once (the commands' tests compare thread counts).
        let mut got = Vec::new();
        let mut judge = ChunkJudge::new(&ctx);
        judging
            .judge_then(
                &mut src,
                &mut judge,
                |chunk, r| (chunk.offset.bytes, r.claims),
                |chunk, (at, claims)| {
                    assert_eq!(at, chunk.offset.bytes, "the chunk it was made of");
                    got.push(claims);
                    Ok(())
                },
            )
            .expect("judges");
        assert_eq!(got, reports);
    }

    #[test]
    fn pass_two_takes_the_parse_pass_one_kept() {
        let article = |i: usize| {
            format!(
                "TALKS STALL AGAIN\n\nPublication: Monitor Volume: 7 Issue: {i}\n\nThe news agency Interfax said the \
                 talks had stalled, and Foreign Minister Igor Ivanov told reporters in \
                 Moscow that no date was set (AFP, May {i}). Ivanov later denied it.\n\n"
            )
        };
        let text: String = (1..=12).map(article).collect();
        let p = Pipeline::default();
        let (mut src, ctx, mut judging) = learnt(&p, text);
        let reports = pass_two(&mut judging, &mut src, &ctx);
        assert!(src.chunks > 3, "{} chunks", src.chunks);
        assert_eq!(judging.memo.recalled(), src.chunks);
        // Each chunk's claims are those of a pass 2 that parses everything again.
        let mut fresh = Judging::new(&p);
        fresh
            .learn(&mut src, &mut InputContext::new())
            .expect("reads");
        fresh.memo = ParseMemo::default();
        let again = pass_two(&mut fresh, &mut src, &ctx);
        assert_eq!(fresh.memo.recalled(), 0);
        assert_eq!(reports, again);
        // Chunks that come parsed are judged as they come: nothing is kept of them.
        src.parsed = true;
        let mut judging = Judging::new(&p);
        judging
            .learn(&mut src, &mut InputContext::new())
            .expect("reads");
        assert!(src.chunks > 3);
        assert_eq!(judging.memo.kept(), 0);
        assert!(
            reports.iter().flatten().any(|c| c
                .corroboration
                .sources
                .iter()
                .any(|s| s.prose.is_some() && s.outlet.contains("Ivanov"))),
            "the prose sources reach the verdicts"
        );
    }

    /// A chunk whose text, bytes and lines before it are those of the first reading, but
    /// not the number of articles before it, is not recalled with the first reading's
    /// article numbers (the memo's key holds `offset.articles`).
    #[test]
    fn a_recalled_chunk_has_the_article_numbers_of_this_reading() {
        let art = |i: usize, body: &str| {
            format!("Publication: Monitor Volume: 7 Issue: {i}\n\nTALKS {i}\n\n{body}\n\n")
        };
        let body = "Troops moved north (AFP, May 2). Officials met again (Reuters, May 3).";
        let two = art(1, body) + &art(2, body);
        let base = format!(
            "Publication: Monitor Volume: 7 Issue: 1\n\nTALKS 1\n\n{body}\n\n\
             It went on.\n\nIt went on.\n\nIt went on"
        );
        let one = format!("{base}{}.\n\n", "o".repeat(two.len() - base.len() - 3));
        assert_eq!(one.len(), two.len());
        assert_eq!(one.lines().count(), two.lines().count());
        let t = art(
            9,
            "Kiev said the grid held (Interfax, May 4). Unsourced claim here.",
        );
        let p = Pipeline::default();
        let run = |forget: bool| {
            let mut src = Text {
                text: one.clone() + &t,
                size: 10,
                chunks: 0,
                parsed: false,
                again: Some(two.clone() + &t),
            };
            let mut ctx = InputContext::new();
            let mut judging = Judging::new(&p);
            judging.learn(&mut src, &mut ctx).expect("reads");
            if forget {
                judging.forget_parses();
            }
            let mut judge = ChunkJudge::new(&ctx);
            let mut got = Vec::new();
            judging
                .judge(&mut src, &mut judge, |_, r| {
                    got.extend(r.parsed.iter().map(|a| a.index));
                    Ok(())
                })
                .expect("judges");
            got
        };
        assert_eq!(run(true), vec![0, 1, 2], "parsed again");
        assert_eq!(run(false), vec![0, 1, 2], "recalled");
    }

    #[test]
    fn a_panic_of_then_reaches_the_caller_after_the_chunks_before_it() {
        let p = Pipeline::default();
        let (mut src, ctx, mut judging) = forty_items_learnt(&p);
        let mut judge = ChunkJudge::new(&ctx);
        let mut seen = Vec::new();
        let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            judging.judge_then(
                &mut src,
                &mut judge,
                |chunk, _| {
                    assert!(chunk.offset.articles < 10, "then fails");
                    chunk.offset.articles
                },
                |_, n| {
                    seen.push(n);
                    Ok(())
                },
            )
        }));
        let payload = caught.expect_err("the panic");
        assert_eq!(payload.downcast_ref::<&str>().copied(), Some("then fails"));
        // The chunks before the one that failed were consumed, in order; none after it.
        assert!(!seen.is_empty() && seen.iter().all(|&n| n < 10), "{seen:?}");
        assert!(seen.windows(2).all(|w| w[0] < w[1]), "{seen:?}");
    }
}
