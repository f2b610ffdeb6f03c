//! Chunks in flight on the thread pool, taken back in input order. [`flow`] starts a job
//! for each chunk as soon as it is read, passes what the job gives through a step on the
//! calling thread in input order, starts a second job on that, and hands the results to
//! the consumer in input order; [`in_order`] does the same with one job, and reads on a
//! thread of its own, so a finished chunk is consumed even while the next read waits for
//! its input (a slow pipe). Several chunks are in flight at once and each moves on as soon
//! as it can: no step waits for the slowest job of a round, so both cores stay busy.
//!
//! Whatever the timing, what is observed is what taking the chunks one at a time gives:
//! every chunk pushed before `read` ends (returns, fails or panics) is consumed first; a
//! panic of a chunk's job or step is raised when the chunks before it have been consumed;
//! once the consumer fails, nothing after it is consumed and no later panic is raised.

use crate::stream::Chunk;
use std::collections::BTreeMap;
use std::panic::{AssertUnwindSafe, catch_unwind, resume_unwind};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Condvar, Mutex, PoisonError};

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

/// What a job or step gave: its value, or the payload of its panic.
type Outcome<T> = std::thread::Result<T>;

/// What the calling thread of a flow is told: a job finished, or (from the reading thread
/// of [`in_order`]) a chunk was read or the reading ended.
enum Event<A, C, R> {
    First(usize, Outcome<A>),
    Second(usize, Outcome<C>),
    Chunk(Chunk),
    Read(Outcome<R>),
}

/// Off the pool: `read` with each chunk pushed handed to `each` at once. After an error of
/// `each`, pushes are dropped, as on the pool.
fn one_at_a_time<R, E>(
    read: impl FnOnce(&mut dyn FnMut(Chunk) -> Result<(), E>) -> Result<R, E>,
    mut each: impl FnMut(Chunk) -> Result<(), E>,
) -> Result<R, E> {
    let mut failed = false;
    read(&mut |chunk| {
        if failed {
            return Ok(());
        }
        each(chunk).inspect_err(|_| failed = true)
    })
}

/// Run `read`, which pushes chunks with the function it is given. Each chunk goes through
/// `first` on the pool as soon as it is pushed, then `middle` on this thread in input
/// order, then `second` on the pool, and its result to `consume` on this thread in input
/// order. At most a few chunks are in flight: pushing waits for the oldest to be consumed.
/// Off the pool (one thread, or called from a pool thread) each chunk goes through every
/// step in turn as it is pushed.
///
/// The outcome is that of the steps taken one at a time (module docs): a panic is raised
/// here at its chunk's turn; an error of `consume` is handed to `read` by the push that
/// follows it (later pushes are dropped), and what `read` returns is returned.
///
/// # Errors
/// An error of `read`, or of `consume` when `read` passes it on.
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
        return one_at_a_time(read, |chunk| consume(second(middle(first(chunk)))));
    }
    rayon::in_place_scope(|s| {
        let mut f = Flow::<A, C, ()>::new(s, false);
        let mut failed = false;
        // A panic raised by a step in a push (a job's, `middle`'s or `consume`'s) ends the
        // flow there, as one at a time: nothing after it is consumed.
        let mut raised = false;
        let read = catch_unwind(AssertUnwindSafe(|| {
            read(&mut |chunk| {
                if failed || raised {
                    return Ok(());
                }
                f.start_first(chunk, first);
                f.take_done(false);
                let mut waited = true;
                loop {
                    match catch_unwind(AssertUnwindSafe(|| f.step(middle, second, consume))) {
                        Ok(Ok(())) => {}
                        Ok(Err(e)) => {
                            failed = true;
                            return Err(e);
                        }
                        Err(panic) => {
                            raised = true;
                            resume_unwind(panic);
                        }
                    }
                    // Too many in flight: wait for a job. (`take_done` finds none running
                    // only if a chunk is stuck, which `step` rules out; then go on rather
                    // than wait for ever.)
                    if f.in_flight() < depth() || !waited {
                        return Ok(());
                    }
                    waited = f.take_done(true);
                }
            })
        }));
        // What was pushed is consumed before `read`'s end is known, as one at a time.
        while !failed && !raised && f.in_flight() > 0 && f.take_done(true) {
            f.step(middle, second, consume)?;
        }
        debug_assert!(
            failed || raised || f.in_flight() == 0,
            "a chunk in flight was lost"
        );
        read.unwrap_or_else(|panic| resume_unwind(panic))
    })
}

/// Run `read`, which pushes chunks with the function it is given: each goes through `work`
/// on the thread pool as soon as it is pushed (several at once), and its result to
/// `consume` on this thread, in the order pushed. `read` runs on a thread of its own, so
/// a chunk is consumed as soon as it and the ones before it are worked, even while `read`
/// waits for more input. At most a few chunks are in flight, so memory stays bounded;
/// with one thread, or called from a pool thread, each chunk is worked and consumed as it
/// is pushed, on this thread.
///
/// The outcome is that of taking the chunks one at a time: every chunk pushed before
/// `read` ends is consumed (unless `consume` fails first), and a panic of `work` is raised
/// here when the chunks before it have been consumed.
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
/// An error of `read`, or of `consume`: the push after it returns it, so `read` can stop
/// (later pushes are dropped), and what `read` returns is returned.
pub fn in_order<T, R, E>(
    work: &(impl Fn(Chunk) -> T + Sync),
    read: impl FnOnce(&mut dyn FnMut(Chunk) -> Result<(), E>) -> Result<R, E> + Send,
    consume: &mut impl FnMut(T) -> Result<(), E>,
) -> Result<R, E>
where
    T: Send,
    R: Send,
    E: Send,
{
    if !on_the_pool() {
        return one_at_a_time(read, |chunk| consume(work(chunk)));
    }
    let credits = Credits::new(depth());
    rayon::in_place_scope(|s| {
        let mut f = Flow::<T, T, Result<R, E>>::new(s, true);
        let tx = f.tx.clone();
        let credits = &credits;
        std::thread::scope(|threads| {
            // Whichever way this thread leaves, a reading thread waiting to push is let go.
            let _leave = Leave(credits);
            threads.spawn(move || {
                let read = catch_unwind(AssertUnwindSafe(|| {
                    read(&mut |chunk| {
                        if !credits.take()? {
                            // The consumer failed and `read` was told: dropped.
                            return Ok(());
                        }
                        // The receiver outlives this thread.
                        let _ = tx.send(Event::Chunk(chunk));
                        Ok(())
                    })
                }));
                let _ = tx.send(Event::Read(read));
            });
            let mut failed = false;
            let mut ended: Option<Outcome<Result<R, E>>> = None;
            loop {
                if let Some(read) = ended.take_if(|_| failed || f.in_flight() == 0) {
                    // The consumer's error, when no push handed it to `read` (it failed
                    // after the last push): one at a time, that push would have.
                    if let Some(e) = credits.untold() {
                        return Err(e);
                    }
                    return read.unwrap_or_else(|panic| resume_unwind(panic));
                }
                match f.receive() {
                    Event::Chunk(chunk) if !failed => f.start_first(chunk, work),
                    Event::Chunk(_) => {}
                    Event::Read(read) => ended = Some(read),
                    done => f.record(done),
                }
                if failed {
                    continue;
                }
                let before = f.consumed;
                if let Err(e) = f.step(&mut |t| t, &|t| t, consume) {
                    failed = true;
                    credits.fail(e);
                }
                credits.give(f.consumed - before);
            }
        })
    })
}

/// Where the chunks in flight of a flow are, by number in input order, with the jobs on
/// the pool of a rayon scope whose results come back to this thread.
struct Flow<'s, 'scope, A, C, R> {
    scope: &'s rayon::Scope<'scope>,
    tx: Sender<Event<A, C, R>>,
    rx: Receiver<Event<A, C, R>>,
    /// Jobs started and not yet received.
    running: usize,
    /// `second` is a plain function: run it here after `middle` instead of on the pool.
    second_here: bool,
    /// Chunks pushed.
    read: usize,
    /// First jobs done, waiting for `middle`.
    firsts: BTreeMap<usize, Outcome<A>>,
    /// Chunks through `middle` (their second job started).
    middled: usize,
    /// A chunk whose first job or `middle` panicked: no chunk after it goes through
    /// `middle` (its panic is raised at its turn to be consumed).
    halted: bool,
    /// Second jobs done, waiting to be consumed.
    seconds: BTreeMap<usize, Outcome<C>>,
    /// Chunks consumed.
    consumed: usize,
}

impl<'s, 'scope, A: Send + 'scope, C: Send + 'scope, R: Send + 'scope> Flow<'s, 'scope, A, C, R> {
    fn new(scope: &'s rayon::Scope<'scope>, second_here: bool) -> Self {
        let (tx, rx) = channel();
        Flow {
            scope,
            tx,
            rx,
            running: 0,
            second_here,
            read: 0,
            firsts: BTreeMap::new(),
            middled: 0,
            halted: false,
            seconds: BTreeMap::new(),
            consumed: 0,
        }
    }

    /// Chunks pushed and not yet consumed.
    fn in_flight(&self) -> usize {
        self.read - self.consumed
    }

    fn spawn(&mut self, job: impl FnOnce() -> Event<A, C, R> + Send + 'scope) {
        let tx = self.tx.clone();
        self.running += 1;
        self.scope.spawn(move |_| {
            // The receiver is gone only when the flow has ended: nothing to tell.
            let _ = tx.send(job());
        });
    }

    /// Start the first job of the next chunk.
    fn start_first(&mut self, chunk: Chunk, first: &'scope (impl Fn(Chunk) -> A + Sync)) {
        let seq = self.read;
        self.read += 1;
        self.spawn(move || Event::First(seq, catch_unwind(AssertUnwindSafe(|| first(chunk)))));
    }

    /// The next event (this flow holds a sender, so one always comes).
    fn receive(&mut self) -> Event<A, C, R> {
        let event = self.rx.recv().expect("the flow holds a sender");
        if matches!(event, Event::First(..) | Event::Second(..)) {
            self.running -= 1;
        }
        event
    }

    /// Keep what a job gave, for its chunk's turn.
    fn record(&mut self, event: Event<A, C, R>) {
        match event {
            Event::First(seq, a) => {
                self.firsts.insert(seq, a);
            }
            Event::Second(seq, c) => {
                self.seconds.insert(seq, c);
            }
            Event::Chunk(_) | Event::Read(_) => {}
        }
    }

    /// Keep the jobs finished, waiting for one when `wait`. `false` when there was
    /// nothing to wait for.
    fn take_done(&mut self, wait: bool) -> bool {
        if wait && self.running == 0 {
            return false;
        }
        let mut wait = wait;
        while self.running > 0 {
            let event = if wait {
                self.rx.recv().ok()
            } else {
                self.rx.try_recv().ok()
            };
            let Some(event) = event else {
                break;
            };
            self.running -= 1;
            self.record(event);
            wait = false;
        }
        true
    }

    /// Move every chunk on as far as input order allows: through `middle` (starting its
    /// second job), and to `consume`. A panic is raised here at its chunk's turn.
    fn step<B: Send + 'scope, E>(
        &mut self,
        middle: &mut impl FnMut(A) -> B,
        second: &'scope (impl Fn(B) -> C + Sync),
        consume: &mut impl FnMut(C) -> Result<(), E>,
    ) -> Result<(), E> {
        while !self.halted
            && let Some(a) = self.firsts.remove(&self.middled)
        {
            let seq = self.middled;
            self.middled += 1;
            match a.and_then(|a| catch_unwind(AssertUnwindSafe(|| middle(a)))) {
                Ok(b) if self.second_here => {
                    let c = catch_unwind(AssertUnwindSafe(|| second(b)));
                    self.seconds.insert(seq, c);
                }
                Ok(b) => self.spawn(move || {
                    Event::Second(seq, catch_unwind(AssertUnwindSafe(|| second(b))))
                }),
                Err(panic) => {
                    self.halted = true;
                    self.seconds.insert(seq, Err(panic));
                }
            }
        }
        while let Some(c) = self.seconds.remove(&self.consumed) {
            self.consumed += 1;
            consume(c.unwrap_or_else(|panic| resume_unwind(panic)))?;
        }
        Ok(())
    }
}

/// How many more chunks the reading thread of [`in_order`] may push, and what stops it:
/// an error of the consumer (the next push returns it) or the calling thread leaving.
struct Credits<E> {
    state: Mutex<CreditState<E>>,
    changed: Condvar,
}

struct CreditState<E> {
    left: usize,
    failed: Option<E>,
    /// The consumer's error was handed to `read`: later pushes are dropped.
    told: bool,
    left_flow: bool,
}

/// The payload with which a reading thread unwinds when the flow it pushes to has gone
/// (the calling thread is raising a panic): it is caught on that thread and dropped.
struct FlowGone;

/// Lets the reading thread go when dropped.
struct Leave<'c, E>(&'c Credits<E>);

impl<E> Drop for Leave<'_, E> {
    fn drop(&mut self) {
        self.0.update(|s| s.left_flow = true);
    }
}

impl<E> Credits<E> {
    fn new(left: usize) -> Self {
        Credits {
            state: Mutex::new(CreditState {
                left,
                failed: None,
                told: false,
                left_flow: false,
            }),
            changed: Condvar::new(),
        }
    }

    fn update(&self, f: impl FnOnce(&mut CreditState<E>)) {
        f(&mut self.state.lock().unwrap_or_else(PoisonError::into_inner));
        self.changed.notify_all();
    }

    fn give(&self, n: usize) {
        if n > 0 {
            self.update(|s| s.left += n);
        }
    }

    fn fail(&self, e: E) {
        self.update(|s| s.failed = Some(e));
    }

    /// The consumer's error, if no push has handed it to `read`.
    fn untold(&self) -> Option<E> {
        self.state
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .failed
            .take()
    }

    /// Wait for a credit to push one chunk (`false`: the chunk is to be dropped, the
    /// consumer having failed); the consumer's error when it failed since the last push.
    fn take(&self) -> Result<bool, E> {
        let mut s = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        loop {
            if s.left_flow {
                drop(s);
                resume_unwind(Box::new(FlowGone));
            }
            if let Some(e) = s.failed.take() {
                s.told = true;
                return Err(e);
            }
            if s.told {
                return Ok(false);
            }
            if s.left > 0 {
                s.left -= 1;
                return Ok(true);
            }
            s = self.changed.wait(s).unwrap_or_else(PoisonError::into_inner);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markup::InputFormat;
    use crate::stream::read_chunks;
    use std::sync::mpsc::sync_channel;
    use std::time::Duration;

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

    /// The global pool with several threads, so these tests take the parallel path
    /// even on a machine of one core (unless another test of this binary set it first).
    fn on_a_pool() {
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(4)
            .build_global();
        assert!(on_the_pool(), "the global pool has one thread");
    }

    /// A first job that takes longer for some chunks than others, so they finish out of
    /// order: the chunk's offset.
    fn uneven(c: Chunk) -> usize {
        let spin = (c.offset.bytes * 7919) % 20_000;
        std::hint::black_box((0..spin).fold(0usize, |x, y| x ^ y));
        c.offset.bytes
    }

    /// Which of the two flows to run.
    #[derive(Clone, Copy, Debug)]
    enum Kind {
        TwoJobs,
        InOrder,
    }

    /// What the consumer saw (offsets in order) and what the run gave.
    struct Seen {
        /// Chunks `read` pushed (those after a consumer's error included).
        pushed: usize,
        middled: Vec<usize>,
        consumed: Vec<usize>,
        /// What the run returned, or its panic.
        outcome: std::thread::Result<Result<(), String>>,
    }

    impl Seen {
        /// What the run returned (it must not have panicked).
        fn result(&self) -> Result<(), String> {
            match &self.outcome {
                Ok(result) => result.clone(),
                Err(_) => panic!("the run panicked"),
            }
        }
    }

    /// `chunks` pushed through a flow of `kind` whose first job is `job`; `read_ends`
    /// says how `read` ends after pushing them all (`Ok`, an error, or a panic when
    /// `None`); the consumer fails at the chunk numbered `fail_at`.
    fn run(
        kind: Kind,
        chunks: Vec<Chunk>,
        job: &(impl Fn(Chunk) -> usize + Sync),
        read_ends: Option<Result<(), String>>,
        fail_at: Option<usize>,
    ) -> Seen {
        let mut middled = Vec::new();
        let mut consumed = Vec::new();
        let pushed = std::sync::atomic::AtomicUsize::new(0);
        let read = |push: &mut dyn FnMut(Chunk) -> Result<(), String>| {
            chunks.into_iter().try_for_each(|c| {
                pushed.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                push(c)
            })?;
            read_ends.expect("read panics")
        };
        let mut consume = |at: usize| {
            if Some(consumed.len()) == fail_at {
                return Err(format!("consumer failed at {}", consumed.len()));
            }
            consumed.push(at);
            Ok(())
        };
        let caught = catch_unwind(AssertUnwindSafe(|| match kind {
            Kind::TwoJobs => flow(
                job,
                &mut |at| {
                    middled.push(at);
                    at
                },
                &|b| b,
                read,
                &mut consume,
            ),
            Kind::InOrder => in_order(job, read, &mut consume),
        }));
        Seen {
            pushed: pushed.into_inner(),
            middled,
            consumed,
            outcome: caught,
        }
    }

    fn offsets(n: usize) -> Vec<usize> {
        chunks(n).iter().map(|c| c.offset.bytes).collect()
    }

    #[test]
    fn results_come_in_input_order_on_the_pool_and_off_it() {
        on_a_pool();
        let offsets = offsets(300);
        assert!(offsets.len() > 20, "{} chunks", offsets.len());
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(2)
            .build()
            .expect("a pool");
        for kind in [Kind::TwoJobs, Kind::InOrder] {
            // From this thread, on the global pool; then from a pool's thread, where
            // every step takes its turn.
            let on = run(kind, chunks(300), &uneven, Some(Ok(())), None);
            let off = pool.install(|| run(kind, chunks(300), &uneven, Some(Ok(())), None));
            for seen in [on, off] {
                assert_eq!(seen.result(), Ok(()), "{kind:?}");
                assert_eq!(seen.consumed, offsets, "{kind:?}");
                if let Kind::TwoJobs = kind {
                    assert_eq!(seen.middled, offsets);
                }
            }
        }
    }

    #[test]
    fn an_error_of_the_consumer_stops_the_reading() {
        on_a_pool();
        for kind in [Kind::TwoJobs, Kind::InOrder] {
            let seen = run(kind, chunks(300), &uneven, Some(Ok(())), Some(5));
            assert_eq!(
                seen.result(),
                Err("consumer failed at 5".into()),
                "{kind:?}"
            );
            assert_eq!(seen.consumed, offsets(300)[..5], "{kind:?}");
            // Pushing stopped soon after: only the chunks in flight went on.
            assert!(seen.pushed < 5 + 2 * depth(), "{kind:?}: {}", seen.pushed);
        }
    }

    #[test]
    fn everything_pushed_before_a_read_error_is_consumed_first() {
        on_a_pool();
        for kind in [Kind::TwoJobs, Kind::InOrder] {
            let seen = run(kind, chunks(40), &uneven, Some(Err("disk".into())), None);
            assert_eq!(seen.result(), Err("disk".into()), "{kind:?}");
            assert_eq!(seen.consumed, offsets(40), "{kind:?}");
            // And before a panic of `read`.
            let seen = run(kind, chunks(40), &uneven, None, None);
            assert!(seen.outcome.is_err(), "{kind:?}");
            assert_eq!(seen.consumed, offsets(40), "{kind:?}");
        }
    }

    #[test]
    fn a_panic_in_a_job_reaches_the_caller_at_its_turn() {
        on_a_pool();
        let all = offsets(300);
        let fails_at = all[12];
        let job = |c: Chunk| {
            assert!(c.offset.bytes != fails_at, "job fails");
            uneven(c)
        };
        for kind in [Kind::TwoJobs, Kind::InOrder] {
            // The chunks before the failing one are consumed, none after it.
            let consumed = std::sync::Mutex::new(Vec::new());
            let caught = catch_unwind(AssertUnwindSafe(|| match kind {
                Kind::TwoJobs => flow(
                    &job,
                    &mut |a| a,
                    &|b| b,
                    |push| chunks(300).into_iter().try_for_each(&mut *push),
                    &mut |at| {
                        consumed.lock().expect("held here").push(at);
                        Ok::<(), ()>(())
                    },
                ),
                Kind::InOrder => in_order(
                    &job,
                    |push| chunks(300).into_iter().try_for_each(&mut *push),
                    &mut |at| {
                        consumed.lock().expect("held here").push(at);
                        Ok::<(), ()>(())
                    },
                ),
            }));
            assert!(caught.is_err(), "{kind:?}");
            assert_eq!(*consumed.lock().expect("held here"), all[..12], "{kind:?}");
            // A consumer's error before it wins over the panic, as one at a time.
            let seen = run(kind, chunks(300), &job, Some(Ok(())), Some(3));
            assert_eq!(
                seen.result(),
                Err("consumer failed at 3".into()),
                "{kind:?}"
            );
        }
    }

    #[test]
    fn in_order_consumes_a_chunk_while_the_reading_waits_for_more() {
        on_a_pool();
        // The reading pushes one chunk, then waits until that chunk is consumed (as a
        // pipe waits for its writer): the consumer must not need the next push.
        let (told, heard) = sync_channel(1);
        let mut all = chunks(10).into_iter();
        let mut consumed = Vec::new();
        let waited = in_order(
            &uneven,
            move |push| {
                push(all.next().expect("chunks"))?;
                let heard = heard.recv_timeout(Duration::from_secs(20)).is_ok();
                all.try_for_each(&mut *push)?;
                Ok(heard)
            },
            &mut |at| {
                consumed.push(at);
                let _ = told.try_send(());
                Ok::<(), ()>(())
            },
        );
        assert_eq!(waited, Ok(true), "the first chunk waited for the second");
        assert_eq!(consumed, offsets(10));
    }

    /// Review tests (rvw7): cases where the outcome differs from one chunk at a time.
    /// One at a time, the push of the last chunk runs the consumer, which fails: `read`
    /// returns that error. On the pool no push follows to hand it over, and the run
    /// returns it all the same.
    #[test]
    fn in_order_a_consumer_error_on_the_last_chunk_is_returned() {
        on_a_pool();
        let n = chunks(40).len();
        let mut consumed = 0;
        let result = in_order(
            &uneven,
            |push| chunks(40).into_iter().try_for_each(&mut *push),
            &mut |_| {
                consumed += 1;
                if consumed == n {
                    return Err("disk full");
                }
                Ok(())
            },
        );
        assert_eq!(consumed, n);
        assert_eq!(result, Err("disk full"));
    }

    /// `read` that does not stop at the consumer's error: later pushes are dropped (as
    /// `flow` does), they must not block for ever.
    #[test]
    fn in_order_pushes_after_a_consumer_error_do_not_block() {
        on_a_pool();
        let (done, finished) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut seen = 0;
            let r = in_order(
                &uneven,
                |push| {
                    let mut errors = 0;
                    for c in chunks(300) {
                        errors += usize::from(push(c).is_err());
                    }
                    Ok::<usize, ()>(errors)
                },
                &mut |_| {
                    seen += 1;
                    if seen == 3 { Err(()) } else { Ok(()) }
                },
            );
            let _ = done.send(r);
        });
        let r = finished
            .recv_timeout(Duration::from_secs(20))
            .expect("in_order hangs: a push after the consumer's error waits for a credit");
        assert_eq!(r, Ok(1));
    }

    /// One at a time, a panic of `consume` ends the run: no later chunk is consumed (the
    /// chunks in flight are not drained, as after a panic of `read`).
    #[test]
    fn flow_nothing_is_consumed_after_the_consumer_panics() {
        on_a_pool();
        let consumed = std::sync::Mutex::new(Vec::new());
        let caught = catch_unwind(AssertUnwindSafe(|| {
            flow(
                &uneven,
                &mut |a| a,
                &|b| b,
                |push| chunks(300).into_iter().try_for_each(&mut *push),
                &mut |at| {
                    let mut c = consumed.lock().unwrap_or_else(PoisonError::into_inner);
                    c.push(at);
                    // Only the sixth call panics: a later call would show in `c`.
                    assert!(c.len() != 6, "consumer fails");
                    Ok::<(), ()>(())
                },
            )
        }));
        let payload = caught.expect_err("the consumer's panic");
        assert_eq!(
            payload.downcast_ref::<&str>().copied(),
            Some("consumer fails")
        );
        assert_eq!(
            consumed
                .into_inner()
                .unwrap_or_else(PoisonError::into_inner)
                .len(),
            6
        );
    }

    /// A job's panic raised in a push reaches the caller as itself (not as the
    /// `debug_assert` that a chunk in flight was lost).
    #[test]
    fn flow_a_job_panic_keeps_its_payload() {
        on_a_pool();
        let all: Vec<usize> = chunks(300).iter().map(|c| c.offset.bytes).collect();
        let fails_at = all[12];
        let job = |c: Chunk| {
            assert!(c.offset.bytes != fails_at, "job fails");
            uneven(c)
        };
        let caught = catch_unwind(AssertUnwindSafe(|| {
            flow(
                &job,
                &mut |a| a,
                &|b| b,
                |push| chunks(300).into_iter().try_for_each(&mut *push),
                &mut |_| Ok::<(), ()>(()),
            )
        }));
        let payload = caught.expect_err("the job's panic");
        let msg = payload
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()));
        assert_eq!(msg.as_deref(), Some("job fails"));
    }
    /// `in_order` called again from its consumer (on the calling thread), and from its
    /// `read` (on the reading thread): each inner run takes its chunks in order.
    #[test]
    fn in_order_runs_inside_itself() {
        on_a_pool();
        let inner = || {
            let mut seen = Vec::new();
            in_order(
                &uneven,
                |push| chunks(30).into_iter().try_for_each(&mut *push),
                &mut |at| {
                    seen.push(at);
                    Ok::<(), ()>(())
                },
            )
            .expect("inner");
            assert_eq!(seen, offsets(30));
        };
        let mut outer = 0;
        in_order(
            &uneven,
            |push| {
                inner();
                chunks(30).into_iter().try_for_each(&mut *push)
            },
            &mut |_| {
                outer += 1;
                if outer % 7 == 0 {
                    inner();
                }
                Ok::<(), ()>(())
            },
        )
        .expect("outer");
        assert_eq!(outer, offsets(30).len());
    }

    /// A `read` that goes on pushing after the consumer's error: the same chunks are
    /// consumed on the pool and off it (one thread, or from a pool thread).
    #[test]
    fn pushes_after_a_consumer_error_are_dropped_on_the_pool_and_off_it() {
        on_a_pool();
        let one = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build()
            .expect("a pool");
        let count = || {
            let mut seen = 0;
            let _ = flow(
                &uneven,
                &mut |a| a,
                &|b| b,
                |push| {
                    for c in chunks(100) {
                        let _ = push(c);
                    }
                    Ok::<(), ()>(())
                },
                &mut |_| {
                    seen += 1;
                    if seen == 3 { Err(()) } else { Ok(()) }
                },
            );
            seen
        };
        assert_eq!(count(), one.install(count));
    }
}
