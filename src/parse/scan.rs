//! The one-pass scanner for balanced parenthetical groups inside a paragraph.
//!
//! Groups nest ("(NOTE: … (Pyongyang radio, 18 March).)" gives two groups); the stack is a
//! `Vec`, never recursion, so 10 000 nested parentheses cannot overflow anything. A group
//! never crosses a paragraph boundary: a `(` still open at the end of its paragraph, and a
//! `)` with nothing open, are reported and skipped. A `)` that only marks a list item
//! ("refrain from 1) staging …, 2) introducing …") is recognised and not matched, so it cannot
//! close the aside around it.

use crate::span::Span;

/// A balanced group: `span` covers both parentheses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Group {
    /// From the `(` to just after the `)`.
    pub span: Span,
    /// How many groups enclose it (0 for a top-level group).
    pub depth: usize,
}

impl Group {
    /// The text between the parentheses.
    pub fn inner(&self) -> Span {
        Span::new(self.span.start + 1, self.span.end.saturating_sub(1))
    }
}

/// The groups of one paragraph, in order of their opening parenthesis, and stray parentheses.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scan {
    /// Balanced groups.
    pub groups: Vec<Group>,
    /// Offsets of `(` never closed in the paragraph.
    pub unclosed: Vec<usize>,
    /// Offsets of `)` with no `(` before them (list enumerators excepted).
    pub unopened: Vec<usize>,
}

/// How far ahead or back to look for the next or previous item of an enumerated list.
const LIST_WINDOW: usize = 600;

/// Scan `para` (a span of `text`) for parenthetical groups. `O(n)` in the paragraph length.
pub fn scan_paragraph(text: &str, para: Span) -> Scan {
    let bytes = text.as_bytes();
    let mut scan = Scan::default();
    let mut stack: Vec<usize> = Vec::new();
    let Some(slice) = bytes.get(para.start..para.end) else {
        return scan;
    };
    for rel in memchr::memchr2_iter(b'(', b')', slice) {
        let at = para.start + rel;
        if bytes[at] == b'(' {
            stack.push(at);
        } else if is_list_marker(bytes, para, at) {
            continue;
        } else if let Some(open) = stack.pop() {
            scan.groups.push(Group {
                span: Span::new(open, at + 1),
                depth: stack.len(),
            });
        } else {
            scan.unopened.push(at);
        }
    }
    scan.unclosed = stack;
    // Groups were found in closing order; report them in opening order.
    scan.groups.sort_by_key(|g| g.span.start);
    scan
}

/// The number or letter of a list marker `N)` ending just before `close`, if the `)` looks
/// like one: a short token at the start of a word, followed by white space.
fn marker_value(bytes: &[u8], para: Span, close: usize) -> Option<u32> {
    let mut i = close;
    while i > para.start && bytes[i - 1].is_ascii_digit() && close - i < 2 {
        i -= 1;
    }
    let value = if i < close {
        std::str::from_utf8(&bytes[i..close]).ok()?.parse().ok()?
    } else if i > para.start && bytes[i - 1].is_ascii_lowercase() {
        i -= 1;
        u32::from(bytes[i] - b'a') + 1
    } else {
        return None;
    };
    let before_ok = i == para.start || bytes[i - 1].is_ascii_whitespace();
    let after_ok = close + 1 >= para.end || bytes[close + 1].is_ascii_whitespace();
    (before_ok && after_ok && (1..=20).contains(&value)).then_some(value)
}

/// The word before `pos`, skipping white space and commas (`""` at the paragraph start).
fn word_before(bytes: &[u8], para: Span, pos: usize) -> (usize, &[u8]) {
    let mut end = pos;
    while end > para.start && (bytes[end - 1].is_ascii_whitespace() || bytes[end - 1] == b',') {
        end -= 1;
    }
    let mut begin = end;
    while begin > para.start
        && (bytes[begin - 1].is_ascii_alphanumeric() || bytes[begin - 1] == b'.')
    {
        begin -= 1;
    }
    (begin, &bytes[begin..end])
}

fn is_month_or_number(word: &[u8]) -> bool {
    !word.is_empty()
        && (word.iter().all(u8::is_ascii_digit)
            || std::str::from_utf8(word)
                .ok()
                .and_then(super::date::month_number)
                .is_some())
}

/// True when the marker starting at `start` continues a date ("May 1)", "April 16, 20)",
/// "May 2 and 3)"): then it ends a citation and is no list item.
fn in_date_context(bytes: &[u8], para: Span, start: usize) -> bool {
    let (begin, word) = word_before(bytes, para, start);
    if is_month_or_number(word) {
        return true;
    }
    if word.eq_ignore_ascii_case(b"and") || word == b"&" {
        return is_month_or_number(word_before(bytes, para, begin).1);
    }
    false
}

/// A marker `N)` that is not the end of a date.
fn list_marker_value(bytes: &[u8], para: Span, close: usize) -> Option<u32> {
    let value = marker_value(bytes, para, close)?;
    let len = if bytes[close - 1].is_ascii_lowercase() {
        1
    } else {
        digits_before(bytes, close)
    };
    (!in_date_context(bytes, para, close - len)).then_some(value)
}

/// A `)` is a list marker when it closes `N)` (or `a)`) and the list goes on around it: the
/// next marker `N+1)` follows, or the previous one `N-1)` came, within [`LIST_WINDOW`] bytes.
fn is_list_marker(bytes: &[u8], para: Span, close: usize) -> bool {
    let Some(value) = list_marker_value(bytes, para, close) else {
        return false;
    };
    let lo = close.saturating_sub(LIST_WINDOW).max(para.start);
    let hi = (close + LIST_WINDOW).min(para.end);
    let neighbour = |from: usize, to: usize, want: u32| {
        memchr::memchr_iter(b')', &bytes[from..to])
            .map(|r| from + r)
            .any(|c| list_marker_value(bytes, para, c) == Some(want))
    };
    neighbour(close + 1, hi, value + 1) || (value > 1 && neighbour(lo, close, value - 1))
}

fn digits_before(bytes: &[u8], close: usize) -> usize {
    bytes[..close]
        .iter()
        .rev()
        .take_while(|b| b.is_ascii_digit())
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn groups(text: &str) -> Vec<&str> {
        let scan = scan_paragraph(text, Span::new(0, text.len()));
        scan.groups.iter().map(|g| g.span.slice(text)).collect()
    }

    #[test]
    fn balanced_and_nested() {
        assert_eq!(groups("a (b) c (d (e) f) g"), ["(b)", "(d (e) f)", "(e)"]);
        let s = scan_paragraph("x (y (z) w", Span::new(0, 10));
        assert_eq!(
            (s.groups.len(), s.unclosed, s.unopened),
            (1, vec![2], vec![])
        );
        let s = scan_paragraph("x ) y", Span::new(0, 5));
        assert_eq!(s.unopened, vec![2]);
    }

    #[test]
    fn list_markers_do_not_close_groups() {
        let text = "(The council asked both sides to stop 1) moving troops, 2) \
                    laying mines, and 3) jamming radios.) Then (AFP, May 1) and (TASS, May 2).";
        let got = groups(text);
        assert_eq!(got.len(), 3, "{got:?}");
        assert!(got[0].ends_with("radios.)"));
        assert_eq!(&got[1..], ["(AFP, May 1)", "(TASS, May 2)"]);
    }

    #[test]
    fn day_lists_are_not_markers() {
        assert_eq!(
            groups(
                "(Kyodo, April 16, 20) and (Reuters, May 2 and 3) (AFP, April 1, 2) (X, April 3)"
            ),
            [
                "(Kyodo, April 16, 20)",
                "(Reuters, May 2 and 3)",
                "(AFP, April 1, 2)",
                "(X, April 3)"
            ]
        );
        // A list with no opening parenthesis: markers are skipped, nothing is unopened.
        let text = "1) one thing 2) another";
        let s = scan_paragraph(text, Span::new(0, text.len()));
        assert!(s.unopened.is_empty() && s.groups.is_empty());
    }

    #[test]
    fn deep_nesting_is_iterative() {
        let text = format!("{}{}", "(".repeat(10_000), ")".repeat(10_000));
        let s = scan_paragraph(&text, Span::new(0, text.len()));
        assert_eq!(s.groups.len(), 10_000);
        assert_eq!(s.groups[0].depth, 0);
    }
}
