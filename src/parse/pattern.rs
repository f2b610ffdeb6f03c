//! Regular expressions compiled once and searched through a copy per thread.
//!
//! A `regex::Regex` keeps a pool of search caches: the thread that used it first takes its
//! cache without a lock, every other thread through a mutex (a lock and an unlock per
//! search). Parsing runs on every core, and the reading thread may use a regex first, so
//! most searches paid the lock: 2–3 % of `check`'s time went to the pool. A [`Pattern`]
//! compiles once and hands each thread its own clone (clones share the compiled program
//! and each has its own pool, whose owner is that thread).

use regex::{Captures, Regex};
use std::cell::RefCell;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{LazyLock, OnceLock};

/// A regex for `static`s: `static WORD: Pattern = Pattern::new(|| Regex::new(..))`.
pub(crate) struct Pattern {
    shared: LazyLock<Regex>,
    slot: OnceLock<usize>,
    /// False only for text the regex cannot match (a cheap test of what every match
    /// needs, such as its first letter), which is then not searched at all.
    may_match: fn(&str) -> bool,
}

/// Slots handed out so far, one per pattern used.
static SLOTS: AtomicUsize = AtomicUsize::new(0);

thread_local! {
    /// This thread's clone of each pattern, by slot.
    static OWN: RefCell<Vec<Option<Regex>>> = const { RefCell::new(Vec::new()) };
}

impl Pattern {
    /// A pattern compiled by `compile` at its first use.
    pub(crate) const fn new(compile: fn() -> Regex) -> Pattern {
        Pattern::guarded(compile, |_| true)
    }

    /// A pattern whose matches all pass `may_match`: text that fails it is not searched.
    /// Debug builds (the tests) search it anyway and fail when the regex matches it.
    pub(crate) const fn guarded(compile: fn() -> Regex, may_match: fn(&str) -> bool) -> Pattern {
        Pattern {
            shared: LazyLock::new(compile),
            slot: OnceLock::new(),
            may_match,
        }
    }

    /// True unless the guard rules out `haystack` and the regex matches it (for tests of
    /// guards).
    #[cfg(test)]
    pub(crate) fn guard_holds(&self, haystack: &str) -> bool {
        (self.may_match)(haystack) || !self.shared.is_match(haystack)
    }

    /// False when `haystack` cannot match (its guard fails).
    fn ruled_out(&self, haystack: &str) -> bool {
        if (self.may_match)(haystack) {
            return false;
        }
        debug_assert!(
            !self.shared.is_match(haystack),
            "the guard of {:?} rules out {haystack:?}, which it matches",
            self.shared.as_str()
        );
        true
    }

    /// `f` of this thread's copy of the regex.
    pub(crate) fn with<R>(&self, f: impl FnOnce(&Regex) -> R) -> R {
        let slot = *self
            .slot
            .get_or_init(|| SLOTS.fetch_add(1, Ordering::Relaxed));
        OWN.with(|own| match own.try_borrow_mut() {
            Ok(mut own) => {
                if own.len() <= slot {
                    own.resize(slot + 1, None);
                }
                let re = own[slot].get_or_insert_with(|| self.shared.clone());
                f(re)
            }
            // Searched from inside another pattern's `with`: the shared regex.
            Err(_) => f(&self.shared),
        })
    }

    /// [`Regex::is_match`].
    pub(crate) fn is_match(&self, haystack: &str) -> bool {
        !self.ruled_out(haystack) && self.with(|re| re.is_match(haystack))
    }

    /// [`Regex::find`].
    pub(crate) fn find<'h>(&self, haystack: &'h str) -> Option<regex::Match<'h>> {
        if self.ruled_out(haystack) {
            return None;
        }
        self.with(|re| re.find(haystack))
    }

    /// [`Regex::captures`].
    pub(crate) fn captures<'h>(&self, haystack: &'h str) -> Option<Captures<'h>> {
        if self.ruled_out(haystack) {
            return None;
        }
        self.with(|re| re.captures(haystack))
    }
}

/// A guard for [`Pattern::guarded`]: the text starts with one of the ASCII letters `first`
/// (lower case; either case passes), or with a character outside ASCII, which a
/// case-insensitive regex may fold to one ("ſ" is "s").
pub(crate) fn starts_with_any(s: &str, first: &[u8]) -> bool {
    s.as_bytes()
        .first()
        .is_some_and(|&b| !b.is_ascii() || first.contains(&b.to_ascii_lowercase()))
}

#[cfg(test)]
mod tests {
    use super::*;

    static WORD: Pattern = Pattern::new(|| Regex::new(r"\b[a-z]+\b").expect("valid"));
    static DIGITS: Pattern = Pattern::new(|| Regex::new(r"[0-9]+").expect("valid"));

    #[test]
    fn every_thread_finds_what_the_regex_finds() {
        std::thread::scope(|s| {
            for t in 0..4 {
                s.spawn(move || {
                    let text = format!("Issue {t} of volume 7");
                    assert_eq!(WORD.find(&text).map(|m| m.as_str()), Some("of"));
                    assert_eq!(
                        DIGITS.find(&text).map(|m| m.as_str()),
                        Some(&*t.to_string())
                    );
                    assert!(WORD.is_match("abc") && !WORD.is_match("ABC"));
                    let caps = DIGITS.captures(&text).expect("a number");
                    assert_eq!(&caps[0], t.to_string());
                });
            }
        });
    }

    #[test]
    fn a_pattern_searched_inside_another_still_searches() {
        let nested = WORD.with(|w| DIGITS.with(|d| (w.is_match("ab"), d.is_match("12"))));
        assert_eq!(nested, (true, true));
        // The same pattern inside itself: the shared copy.
        assert!(WORD.with(|_| WORD.is_match("xy")));
    }
}
