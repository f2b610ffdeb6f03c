//! The stages that keep both cores busy while chunks are judged in input order: [`Ahead`]
//! parses chunks (several at once, `judge/flow.rs`) while the ones before them are
//! consumed; [`Stages`], for one-pass judging, judges the next chunk while one is consumed
//! and parses the one after it (a judge that learns from each chunk judges one at a time).
//! Chunks are consumed in input order, so the output is that of judging chunk after chunk;
//! with one thread (`-j 1`) the stages take turns, as [`Ahead`]'s do when it is run from a
//! pool thread.

use super::Parsed;
use crate::context::{ChunkReport, Judge};
use crate::memo::ParseMemo;
use crate::model::Article;
use crate::pipeline::Pipeline;
use crate::stream::Chunk;

/// Judging in three stages: while one chunk's report is consumed on this thread, the next
/// chunk is judged and the one after it parsed on the pool. Chunks are prepared
/// ([`Judge::prepare`]: what they need of the input, in order), judged after the chunk
/// before them was learnt from (one pass: its relays and sources are context for what
/// follows), and consumed in input order.
pub(super) struct Stages {
    parsed: Option<Parsed>,
    judged: Option<(Chunk, ChunkReport)>,
}

impl Stages {
    pub(super) fn new() -> Stages {
        Stages {
            parsed: None,
            judged: None,
        }
    }

    /// Move every chunk one stage on, with `next` (if any) starting to be parsed; the
    /// articles of the chunk prepared go to `parsed` (for their warnings).
    pub(super) fn push<J: Judge, E>(
        &mut self,
        p: &Pipeline<'_>,
        judge: &mut J,
        parsed: &dyn Fn(&[Article]),
        next: Option<Chunk>,
        consume: &mut impl FnMut(&Chunk, ChunkReport) -> Result<(), E>,
    ) -> Result<(), E> {
        if let Some((_, report)) = &self.judged {
            judge.learn(report);
        }
        let job = self.parsed.take().map(|(chunk, a, c)| {
            parsed(&a);
            (chunk, judge.prepare(p, a, c))
        });
        let done = self.judged.take();
        if rayon::current_num_threads() < 2 {
            if let Some((chunk, report)) = done {
                consume(&chunk, report)?;
            }
            self.judged = job.map(|(chunk, job)| (chunk, judge.judge_job(p, job)));
            self.parsed = next.map(|mut chunk| {
                let (a, c) = p.read_chunk(&mut chunk);
                (chunk, a, c)
            });
            return Ok(());
        }
        let judge = &*judge;
        let (mut parsed, mut judged) = (None, None);
        let consumed = rayon::in_place_scope(|s| {
            if let Some(mut chunk) = next {
                s.spawn(|_| {
                    let (a, c) = p.read_chunk(&mut chunk);
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
    pub(super) fn finish<J: Judge, E>(
        &mut self,
        p: &Pipeline<'_>,
        judge: &mut J,
        parsed: &dyn Fn(&[Article]),
        consume: &mut impl FnMut(&Chunk, ChunkReport) -> Result<(), E>,
    ) -> Result<(), E> {
        while self.parsed.is_some() || self.judged.is_some() {
            self.push(p, judge, parsed, None, consume)?;
        }
        Ok(())
    }
}

/// Parsing ahead: chunks are parsed on the pool as they are pushed, several at once, and go
/// through `then` (such as building the chunk's own graph) there too, while the ones
/// before them are consumed on this thread (`judge/flow.rs`). Chunks are consumed in
/// order, so the output does not change; with one thread (`-j 1`), or when run from a
/// pool thread, the stages take turns.
///
/// ```
/// use srcgraph::judge::{Ahead, Parsed};
/// use srcgraph::pipeline::Pipeline;
/// use srcgraph::stream::{ChunkError, ChunkReader};
///
/// let p = Pipeline::default();
/// let text = "Troops moved (AFP, May 2).\n\nTalks stalled (Kyodo, May 3).\n";
/// let mut reader = ChunkReader::new("bulletin.txt", text.as_bytes(), 1 << 17);
/// let mut claims = 0;
/// let ahead = Ahead::new(&p);
/// let mut count = |(_, _, c): Parsed| -> Result<(), ChunkError> {
///     claims += c.iter().map(Vec::len).sum::<usize>();
///     Ok(())
/// };
/// ahead.run(
///     |push| {
///         while let Some(chunk) = reader.next_chunk()? {
///             push(chunk)?;
///         }
///         Ok(())
///     },
///     &mut count,
/// )?;
/// assert_eq!(claims, 2);
/// # Ok::<(), ChunkError>(())
/// ```
pub struct Ahead<'a, T, F> {
    p: &'a Pipeline<'a>,
    then: F,
    /// Where the parse of each chunk parsed here is kept, if anywhere.
    memo: Option<&'a ParseMemo>,
    _out: std::marker::PhantomData<fn() -> T>,
}

impl<'a> Ahead<'a, Parsed, fn(Parsed) -> Parsed> {
    /// Chunks consumed as parsed.
    pub fn new(p: &'a Pipeline<'a>) -> Self {
        Ahead::with(p, std::convert::identity)
    }
}

impl<'a, T: Send, F: Fn(Parsed) -> T + Sync> Ahead<'a, T, F> {
    /// Chunks consumed after `then`, which runs with the parse.
    pub fn with(p: &'a Pipeline<'a>, then: F) -> Self {
        Ahead {
            p,
            then,
            memo: None,
            _out: std::marker::PhantomData,
        }
    }

    /// Keep the parse of every chunk parsed here (not of chunks that come parsed)
    /// in `memo`, for later readings.
    pub(crate) fn keeping(mut self, memo: &'a ParseMemo) -> Self {
        self.memo = Some(memo);
        self
    }

    /// Run `read`, which pushes chunks with the function it is given: each is parsed and
    /// goes through `then` on the pool, and is handed to `consume` on this thread, in the
    /// order pushed. Returns what `read` returns.
    ///
    /// # Errors
    /// An error of `read` or of `consume`, which stops the reading.
    pub fn run<R, E>(
        &self,
        read: impl FnOnce(&mut dyn FnMut(Chunk) -> Result<(), E>) -> Result<R, E>,
        consume: &mut impl FnMut(T) -> Result<(), E>,
    ) -> Result<R, E> {
        let (p, memo) = (self.p, self.memo);
        let parse = |mut chunk: Chunk| {
            let parsed_here = chunk.articles.is_none();
            let (a, c) = p.read_chunk(&mut chunk);
            if parsed_here && let Some(memo) = memo {
                memo.keep(&chunk, &a, &c);
            }
            (chunk, a, c)
        };
        super::flow::flow(&parse, &mut |parsed| parsed, &self.then, read, consume)
    }
}
