//! Chunks in flight on the thread pool, taken back in input order: [`flow`] starts a job
//! for each chunk as soon as it is read, passes what the job gives through a step on the
//! calling thread in input order, starts a second job on that, and hands the results to
//! the consumer in input order. Several chunks are in flight at once and each moves on as
//! soon as it can: no step waits for the slowest job of a round, so both cores stay busy.

use crate::stream::Chunk;
use std::collections::BTreeMap;
use std::panic::{AssertUnwindSafe, catch_unwind, resume_unwind};
use std::sync::mpsc::{Receiver, Sender, channel};

/// True when the jobs may run on the pool: it has two threads or more, and this thread is
/// not one of them (it waits for their results, which a pool thread must not do).
pub(super) fn on_the_pool() -> bool {
    rayon::current_num_threads() >= 2 && rayon::current_thread_index().is_none()
}

/// How many chunks may be in flight (read and not yet consumed): enough to keep two
/// cores busy while one chunk is consumed (each chunk's parse is itself parallel), and
/// never more than four, so memory does not grow with the number of threads.
fn depth() -> usize {
    rayon::current_num_threads().min(2) + 2
}

/// What a job hands back: the result of the first or second job of a chunk, by number.
enum Done<A, C> {
    First(usize, A),
    Second(usize, C),
}

/// Jobs run on the pool of a rayon scope, their results received on this thread as they
/// finish. A job that panics makes the receiving panic with its payload.
struct Jobs<'s, 'scope, M> {
    scope: &'s rayon::Scope<'scope>,
    tx: Sender<std::thread::Result<M>>,
    rx: Receiver<std::thread::Result<M>>,
    /// Started and not yet received.
    running: usize,
}

impl<'s, 'scope, M: Send + 'scope> Jobs<'s, 'scope, M> {
    fn new(scope: &'s rayon::Scope<'scope>) -> Self {
        let (tx, rx) = channel();
        Jobs {
            scope,
            tx,
            rx,
            running: 0,
        }
    }

    fn start(&mut self, job: impl FnOnce() -> M + Send + 'scope) {
        let tx = self.tx.clone();
        self.running += 1;
        self.scope.spawn(move |_| {
            // The receiver is gone only when an error ended the reading: nothing to tell.
            let _ = tx.send(catch_unwind(AssertUnwindSafe(job)));
        });
    }

    /// The next result to finish: waiting for one when `wait`, else only one already
    /// there. `None` when there is none (or no job is running).
    fn next(&mut self, wait: bool) -> Option<M> {
        if self.running == 0 {
            return None;
        }
        let done = if wait {
            self.rx.recv().ok()?
        } else {
            self.rx.try_recv().ok()?
        };
        self.running -= 1;
        Some(done.unwrap_or_else(|panic| resume_unwind(panic)))
    }
}

/// Run `read`, which pushes chunks with the function it is given. Each chunk goes through
/// `first` on the pool as soon as it is pushed, then `middle` on this thread in input
/// order, then `second` on the pool, and its result to `consume` on this thread in input
/// order. At most a few chunks are in flight: pushing waits for the oldest to be consumed.
/// Off the pool (one thread, or called from a pool thread) each chunk goes through every
/// step in turn as it is pushed.
///
/// A panic in a job is raised again here, once the jobs in flight are done.
///
/// # Errors
/// An error of `read` or `consume`, which stops the reading.
pub(super) fn flow<A, B, C, R, E>(
    first: &(impl Fn(Chunk) -> A + Sync),
    middle: &mut impl FnMut(A) -> B,
    second: &(impl Fn(B) -> C + Sync),
    read: impl FnOnce(&mut dyn FnMut(Chunk) -> Result<(), E>) -> Result<R, E>,
    consume: &mut impl FnMut(C) -> Result<(), E>,
) -> Result<R, E>
where
    A: Send,
    B: Send,
    C: Send,
{
    if !on_the_pool() {
        return read(&mut |chunk| consume(second(middle(first(chunk)))));
    }
    rayon::in_place_scope(|s| {
        let mut f = Flow {
            jobs: Jobs::new(s),
            read: 0,
            firsts: BTreeMap::new(),
            middled: 0,
            seconds: BTreeMap::new(),
            consumed: 0,
        };
        let out = read(&mut |chunk| {
            let seq = f.read;
            f.read += 1;
            f.jobs.start(move || Done::First(seq, first(chunk)));
            f.advance(false, middle, second, consume)?;
            while f.read - f.consumed >= depth() {
                f.advance(true, middle, second, consume)?;
            }
            Ok(())
        })?;
        while f.consumed < f.read {
            if !f.advance(true, middle, second, consume)? {
                break;
            }
        }
        Ok(out)
    })
}

/// Run `read`, which pushes chunks with the function it is given: each goes through `work`
/// on the thread pool as soon as it is pushed (several at once), and its result to
/// `consume` on this thread, in the order pushed. At most a few chunks are in flight, so
/// memory stays bounded; with one thread, each chunk is worked and consumed as it is
/// pushed.
///
/// ```
/// use srcgraph::judge::in_order;
/// use srcgraph::stream::{ChunkError, ChunkReader};
///
/// let text = "Troops moved (AFP, May 2).\n\nTalks stalled (Kyodo, May 3).\n";
/// let mut reader = ChunkReader::new("bulletin.txt", text.as_bytes(), 1 << 17);
/// let mut lengths = Vec::new();
/// in_order(
///     &|chunk: srcgraph::stream::Chunk| chunk.doc.text.len(),
///     |push| {
///         while let Some(chunk) = reader.next_chunk()? {
///             push(chunk)?;
///         }
///         Ok(())
///     },
///     &mut |len| -> Result<(), ChunkError> {
///         lengths.push(len);
///         Ok(())
///     },
/// )?;
/// assert_eq!(lengths, [text.len()]);
/// # Ok::<(), ChunkError>(())
/// ```
///
/// # Errors
/// An error of `read` or `consume`, which stops the reading.
pub fn in_order<T: Send, R, E>(
    work: &(impl Fn(Chunk) -> T + Sync),
    read: impl FnOnce(&mut dyn FnMut(Chunk) -> Result<(), E>) -> Result<R, E>,
    consume: &mut impl FnMut(T) -> Result<(), E>,
) -> Result<R, E> {
    flow(work, &mut |t| t, &|t| t, read, consume)
}

/// Where the chunks in flight of [`flow`] are, by number in input order.
struct Flow<'s, 'scope, A, C> {
    jobs: Jobs<'s, 'scope, Done<A, C>>,
    /// Chunks pushed.
    read: usize,
    /// First jobs done, waiting for `middle`.
    firsts: BTreeMap<usize, A>,
    /// Chunks through `middle` (their second job started).
    middled: usize,
    /// Second jobs done, waiting to be consumed.
    seconds: BTreeMap<usize, C>,
    /// Chunks consumed.
    consumed: usize,
}

impl<'scope, A: Send + 'scope, C: Send + 'scope> Flow<'_, 'scope, A, C> {
    /// Take the jobs finished (waiting for one when `wait`), and move every chunk on as far
    /// as input order allows. `Ok(false)` when nothing was running to wait for.
    fn advance<B: Send + 'scope, E>(
        &mut self,
        wait: bool,
        middle: &mut impl FnMut(A) -> B,
        second: &'scope (impl Fn(B) -> C + Sync),
        consume: &mut impl FnMut(C) -> Result<(), E>,
    ) -> Result<bool, E> {
        let mut any = false;
        let mut wait = wait;
        while let Some(done) = self.jobs.next(wait) {
            wait = false;
            any = true;
            match done {
                Done::First(seq, a) => {
                    self.firsts.insert(seq, a);
                }
                Done::Second(seq, c) => {
                    self.seconds.insert(seq, c);
                }
            }
        }
        while let Some(a) = self.firsts.remove(&self.middled) {
            let (seq, b) = (self.middled, middle(a));
            self.middled += 1;
            self.jobs.start(move || Done::Second(seq, second(b)));
        }
        while let Some(c) = self.seconds.remove(&self.consumed) {
            self.consumed += 1;
            consume(c)?;
        }
        Ok(any)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markup::InputFormat;
    use crate::stream::read_chunks;

    /// Chunks of a text of `n` articles, a few articles each.
    fn chunks(n: usize) -> Vec<Chunk> {
        let text: String = (0..n)
            .map(|i| {
                format!(
                    "TROOPS MOVE\n\nPublication: Monitor Volume: 7 Issue: {i}\n\n\
                     Troops moved north (AFP, May {}).\n\n",
                    i % 28 + 1
                )
            })
            .collect();
        let mut out = Vec::new();
        /// A reader that gives at most 100 bytes at a time, so chunks are as small as
        /// asked.
        struct Trickle<'t>(&'t [u8]);
        impl std::io::Read for Trickle<'_> {
            fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
                let n = buf.len().min(self.0.len()).min(100);
                buf[..n].copy_from_slice(&self.0[..n]);
                self.0 = &self.0[n..];
                Ok(n)
            }
        }
        read_chunks(
            "flow.txt",
            InputFormat::Text,
            Trickle(text.as_bytes()),
            64,
            |c| {
                out.push(c);
                Ok::<(), std::convert::Infallible>(())
            },
        )
        .expect("in memory");
        out
    }

    /// Chunks through [`flow`] with uneven jobs (so they finish out of order): the chunks'
    /// offsets in the order `middle` and `consume` saw them, and the result. `fail_at`
    /// makes the consumer fail at that chunk.
    fn run(
        chunks: Vec<Chunk>,
        fail_at: Option<usize>,
    ) -> (Vec<usize>, Vec<usize>, Result<(), usize>) {
        let mut middled = Vec::new();
        let mut consumed = Vec::new();
        let first = |c: Chunk| {
            let spin = (c.offset.bytes * 7919) % 20_000;
            std::hint::black_box((0..spin).fold(0usize, |x, y| x ^ y));
            c.offset.bytes
        };
        let second = |(i, at): (usize, usize)| (i, at);
        let mut k = 0;
        let result = flow(
            &first,
            &mut |at| {
                middled.push(at);
                k += 1;
                (k - 1, at)
            },
            &second,
            |push| chunks.into_iter().try_for_each(&mut *push),
            &mut |(i, at)| {
                if Some(i) == fail_at {
                    return Err(i);
                }
                consumed.push(at);
                Ok(())
            },
        );
        (middled, consumed, result)
    }

    #[test]
    fn results_come_in_input_order_on_the_pool_and_off_it() {
        let offsets: Vec<usize> = chunks(300).iter().map(|c| c.offset.bytes).collect();
        assert!(offsets.len() > 20, "{} chunks", offsets.len());
        // From this thread: on the global pool (when it has two threads or more).
        let (middled, consumed, result) = run(chunks(300), None);
        assert_eq!(result, Ok(()));
        assert_eq!(middled, offsets);
        assert_eq!(consumed, offsets);
        // From a pool's thread: every step in turn.
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(2)
            .build()
            .expect("a pool");
        let (middled, consumed, result) = pool.install(|| run(chunks(300), None));
        assert_eq!(result, Ok(()));
        assert_eq!(middled, offsets);
        assert_eq!(consumed, offsets);
    }

    #[test]
    fn an_error_of_the_consumer_stops_the_reading() {
        let (middled, consumed, result) = run(chunks(300), Some(5));
        assert_eq!(result, Err(5));
        assert_eq!(consumed.len(), 5);
        // Pushing stopped soon after: only the chunks in flight went on.
        assert!(middled.len() < 5 + 2 * depth(), "{}", middled.len());
    }

    #[test]
    fn a_panic_in_a_job_reaches_the_caller() {
        let caught = std::panic::catch_unwind(|| {
            flow(
                &|c: Chunk| {
                    assert!(c.offset.bytes < 200, "job fails");
                    c.offset.bytes
                },
                &mut |a| a,
                &|b| b,
                |push| chunks(300).into_iter().try_for_each(&mut *push),
                &mut |_| Ok::<(), ()>(()),
            )
        });
        assert!(caught.is_err());
    }
}
