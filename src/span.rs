//! Byte spans and the line index that turns a byte offset into a 1-based line and column.
//!
//! Every item srcgraph reports (a citation group, a reference, a date, a diagnostic) carries a
//! [`Span`] into the text of the file it came from, so a user can always go back to the exact
//! bytes behind a conclusion. Columns count Unicode scalar values (characters), as rustc does.

use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into a document's text.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(into = "[usize; 2]", from = "[usize; 2]")]
pub struct Span {
    /// First byte of the range.
    pub start: usize,
    /// One past the last byte of the range.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`; `end` is clamped so the span is never inverted.
    pub fn new(start: usize, end: usize) -> Span {
        Span {
            start,
            end: end.max(start),
        }
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no bytes.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The text this span covers, or `""` when it does not fall on char boundaries of `text`.
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// True when `other` lies inside this span.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

impl From<Span> for [usize; 2] {
    fn from(s: Span) -> [usize; 2] {
        [s.start, s.end]
    }
}

impl From<[usize; 2]> for Span {
    fn from(a: [usize; 2]) -> Span {
        Span::new(a[0], a[1])
    }
}

/// A 1-based line and column (in characters) in a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Position {
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
}

impl Position {
    /// The line and column of byte `at` of `text`, for a one-off look-up (a data file's
    /// error); many look-ups in one text share a [`LineIndex`].
    pub fn of(text: &str, at: usize) -> Position {
        LineIndex::new(text).position(text, at)
    }
}

/// Start offsets of every line of a text, for offset → line:column look-ups.
///
/// A line ends at `\n`, at `\r\n`, or at a lone `\r` (old Mac files), so positions agree with
/// what an editor shows for any of the three conventions. Columns count characters; a
/// sparse table of character counts every [`LineIndex::MARK_EVERY`] bytes keeps each look-up
/// `O(log n)` plus a bounded count, even on a 100 MB single-line paragraph.
#[derive(Debug, Clone, Default)]
pub struct LineIndex {
    starts: Vec<usize>,
    /// `(offset, characters before offset)`, offsets on char boundaries, ascending from 0;
    /// empty for ASCII text, where a column is a byte distance.
    marks: Vec<(usize, usize)>,
    ascii: bool,
    /// The text lines and columns are counted in, when it is not the text parsed: an HTML
    /// file read as its text ([`LineIndex::of_source`]).
    source: Option<std::sync::Arc<str>>,
}

/// The offsets of the line breaks of `text`: every `\n`, and every `\r` not followed by
/// `\n` (a `\r\n` is one break, at its `\n`).
pub(crate) fn line_breaks(text: &str) -> impl Iterator<Item = usize> + '_ {
    let bytes = text.as_bytes();
    memchr::memchr2_iter(b'\n', b'\r', bytes)
        .filter(move |&i| !(bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n')))
}

fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&c| (c & 0xC0) != 0x80).count()
}

impl LineIndex {
    /// Distance in bytes between two character-count marks.
    pub const MARK_EVERY: usize = 256;

    /// Index the line starts of `text` in one pass.
    pub fn new(text: &str) -> LineIndex {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        starts.extend(line_breaks(text).map(|i| i + 1));
        let ascii = text.is_ascii();
        let mut marks = vec![(0, 0)];
        let (mut at, mut chars) = (0, 0);
        while !ascii && at + Self::MARK_EVERY < bytes.len() {
            let mut next = at + Self::MARK_EVERY;
            while !text.is_char_boundary(next) {
                next += 1;
            }
            chars += count_chars(&bytes[at..next]);
            marks.push((next, chars));
            at = next;
        }
        LineIndex {
            starts,
            marks,
            ascii,
            source: None,
        }
    }

    /// Lines and columns of `source`, for a text of the same length derived from it (markup
    /// blanked, line breaks moved): every offset of the derived text is looked up in
    /// `source`, whatever text [`position`](Self::position) is given.
    pub fn of_source(source: &str) -> LineIndex {
        LineIndex {
            source: Some(source.into()),
            ..LineIndex::new(source)
        }
    }

    /// The text lines and columns are counted in, when it is not the text parsed (an HTML
    /// file read as its text: [`LineIndex::of_source`]).
    pub fn source(&self) -> Option<&str> {
        self.source.as_deref()
    }

    /// Number of lines (a text without a final newline still has its last line).
    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// Byte offset where the 0-based line `line` starts.
    pub fn line_start(&self, line: usize) -> usize {
        self.starts.get(line).copied().unwrap_or(0)
    }

    /// Characters of `text` before byte `offset`.
    fn chars_before(&self, text: &str, offset: usize) -> usize {
        let i = match self.marks.binary_search_by_key(&offset, |m| m.0) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        let (from, chars) = self.marks.get(i).copied().unwrap_or((0, 0));
        chars + text.as_bytes().get(from..offset).map_or(0, count_chars)
    }

    /// The 1-based line and character column of byte `offset` in `text` (the text this
    /// index was built from). An offset inside a multi-byte character counts as that
    /// character's column.
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let text = self.source.as_deref().unwrap_or(text);
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = match self.starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        let start = self.line_start(line);
        let column = if self.ascii {
            offset - start
        } else {
            self.chars_before(text, offset) - self.chars_before(text, start)
        };
        Position {
            line: line + 1,
            column: column + 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_for_all_line_endings() {
        let text = "ab\ncd\r\nef\rgh";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_count(), 4);
        let cases = [
            (0, 1, 1),
            (1, 1, 2),
            (3, 2, 1),
            (7, 3, 1),
            (10, 4, 1),
            (11, 4, 2),
        ];
        for (off, line, col) in cases {
            assert_eq!(
                idx.position(text, off),
                Position { line, column: col },
                "offset {off}"
            );
        }
    }

    #[test]
    fn columns_count_characters() {
        let text = "Moscow’s (AFP)";
        let idx = LineIndex::new(text);
        let off = text.find('(').unwrap_or(0);
        assert_eq!(idx.position(text, off).column, 10);
    }

    #[test]
    fn long_lines_use_marks() {
        let text = format!("{}\n{}x", "é".repeat(10_000), "ü".repeat(5_000));
        let idx = LineIndex::new(&text);
        let x = text.len() - 1;
        assert_eq!(
            idx.position(&text, x),
            Position {
                line: 2,
                column: 5_001
            }
        );
        assert_eq!(idx.position(&text, 20_000).column, 10_001);
        assert_eq!(
            idx.position(&text, 9_001).column,
            4_501,
            "inside a character"
        );
    }

    #[test]
    fn span_serializes_as_pair() {
        let s = Span::new(3, 9);
        assert_eq!(serde_json::to_string(&s).unwrap_or_default(), "[3,9]");
        assert_eq!(Span::new(5, 2).len(), 0);
    }
}
