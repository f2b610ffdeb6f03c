//! The stages that keep both cores busy while chunks are judged in input order: [`Ahead`]
//! parses the next chunk while one is consumed, [`Stages`] judges the next chunk while one
//! is consumed and parses the one after it. Chunks are consumed in input order, so the
//! output is that of judging chunk after chunk; with one thread (`-j 1`) the stages take
//! turns.

use super::Parsed;
use crate::context::{ChunkReport, Judge};
use crate::memo::ProseMemo;
use crate::model::Article;
use crate::pipeline::Pipeline;
use crate::stream::Chunk;

/// Judging in three stages: while one chunk's report is consumed on this thread, the next
/// chunk is judged and the one after it parsed on the pool. Chunks are prepared
/// ([`Judge::prepare`]: what they need of the input, in order), judged after the chunk
/// before them was learnt from (one pass: its relays and sources are context for what
/// follows), and consumed in input order.
pub(super) struct Stages<'m> {
    parsed: Option<Parsed>,
    judged: Option<(Chunk, ChunkReport)>,
    memo: Option<&'m ProseMemo>,
}

impl<'m> Stages<'m> {
    pub(super) fn new() -> Stages<'m> {
        Stages {
            parsed: None,
            judged: None,
            memo: None,
        }
    }

    /// Stages that take each chunk's prose sources from `memo` when it kept them.
    pub(super) fn recalling(memo: &'m ProseMemo) -> Stages<'m> {
        Stages {
            memo: Some(memo),
            ..Stages::new()
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
                let (a, c) = p.read_chunk_with(&mut chunk, self.memo);
                (chunk, a, c)
            });
            return Ok(());
        }
        let judge = &*judge;
        let memo = self.memo;
        let (mut parsed, mut judged) = (None, None);
        let consumed = rayon::in_place_scope(|s| {
            if let Some(mut chunk) = next {
                s.spawn(|_| {
                    let (a, c) = p.read_chunk_with(&mut chunk, memo);
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

/// Parsing ahead: while a chunk is consumed on this thread, the chunk after it goes through
/// `then` (such as building its own graph) and the one after that is parsed (itself in
/// parallel), on the pool. Chunks are consumed in order, so the output does not change;
/// with one thread (`-j 1`) the stages take turns.
///
/// ```
/// use srcgraph::judge::{Ahead, Parsed};
/// use srcgraph::pipeline::Pipeline;
/// use srcgraph::stream::ChunkReader;
///
/// let p = Pipeline::default();
/// let text = "Troops moved (AFP, May 2).\n\nTalks stalled (Kyodo, May 3).\n";
/// let mut reader = ChunkReader::new("bulletin.txt", text.as_bytes(), 1 << 17);
/// let mut claims = 0;
/// let mut ahead = Ahead::new(&p);
/// let mut count = |(_, _, c): Parsed| -> Result<(), std::io::Error> {
///     claims += c.iter().map(Vec::len).sum::<usize>();
///     Ok(())
/// };
/// while let Some(chunk) = reader.next_chunk().expect("in memory") {
///     ahead.push(chunk, &mut count)?;
/// }
/// ahead.finish(&mut count)?;
/// assert_eq!(claims, 2);
/// # Ok::<(), std::io::Error>(())
/// ```
pub struct Ahead<'a, T, F> {
    p: &'a Pipeline<'a>,
    then: F,
    /// Parsed, waiting for `then`.
    parsed: Option<Parsed>,
    /// Through `then`, waiting to be consumed.
    ready: Option<T>,
    /// Where the prose sources of each chunk parsed here are kept, if anywhere.
    memo: Option<&'a ProseMemo>,
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
            parsed: None,
            ready: None,
            memo: None,
        }
    }

    /// Keep the prose sources of every chunk parsed here (not of chunks that come parsed)
    /// in `memo`, for later readings.
    pub(crate) fn keeping(mut self, memo: &'a ProseMemo) -> Self {
        self.memo = Some(memo);
        self
    }

    /// Parse `chunk` while the chunks pushed before it go on through `then` and `consume`.
    ///
    /// # Errors
    /// An error of `consume`, which stops the reading.
    pub fn push<E>(
        &mut self,
        chunk: Chunk,
        consume: &mut impl FnMut(T) -> Result<(), E>,
    ) -> Result<(), E> {
        self.step(Some(chunk), consume)
    }

    /// Consume the chunks left.
    ///
    /// # Errors
    /// An error of `consume`.
    pub fn finish<E>(&mut self, consume: &mut impl FnMut(T) -> Result<(), E>) -> Result<(), E> {
        while self.parsed.is_some() || self.ready.is_some() {
            self.step(None, consume)?;
        }
        Ok(())
    }

    /// Move every chunk one stage on, with `next` (if any) starting to be parsed.
    fn step<E>(
        &mut self,
        next: Option<Chunk>,
        consume: &mut impl FnMut(T) -> Result<(), E>,
    ) -> Result<(), E> {
        let (p, then, memo) = (self.p, &self.then, self.memo);
        let parse = move |mut chunk: Chunk| {
            let parsed_here = chunk.articles.is_none();
            let (a, c) = p.read_chunk(&mut chunk);
            if parsed_here && let Some(memo) = memo {
                memo.keep(&chunk, &a);
            }
            (chunk, a, c)
        };
        let (parsed, ready) = (self.parsed.take(), self.ready.take());
        if rayon::current_num_threads() < 2 {
            if let Some(ready) = ready {
                consume(ready)?;
            }
            self.ready = parsed.map(then);
            self.parsed = next.map(parse);
            return Ok(());
        }
        // Parsing and `then` run on the pool's threads (their allocator arenas are reused
        // chunk after chunk); consuming stays on this thread, so `consume` need not be
        // `Send`.
        let (mut now_parsed, mut now_ready) = (None, None);
        let consumed = rayon::in_place_scope(|s| {
            if let Some(chunk) = next {
                s.spawn(|_| now_parsed = Some(parse(chunk)));
            }
            if let Some(parsed) = parsed {
                s.spawn(|_| now_ready = Some(then(parsed)));
            }
            match ready {
                Some(ready) => consume(ready),
                None => Ok(()),
            }
        });
        consumed?;
        (self.parsed, self.ready) = (now_parsed, now_ready);
        Ok(())
    }
}
