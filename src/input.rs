//! Turning raw bytes into a [`Document`]: binary detection, UTF-8 decoding (lossy, with a
//! warning), byte-order mark and line index. Reading files and directories is the CLI's job;
//! this module only judges and decodes bytes, so the library never touches the file system.

use crate::span::LineIndex;
use std::borrow::Cow;

/// One input's text, ready to parse.
#[derive(Debug, Clone)]
pub struct Document {
    /// The name shown in messages and output: a path or `<stdin>`.
    pub name: String,
    /// The decoded text. Spans index into it; for valid UTF-8 they are file byte offsets.
    pub text: String,
    /// Offset where the content starts: 3 after a UTF-8 byte-order mark, else 0.
    pub start: usize,
    /// Line starts of `text`.
    pub lines: LineIndex,
}

/// Why a document could not be made from some bytes.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum InputError {
    /// The bytes hold a NUL, so they are binary data, not an article (as ripgrep judges).
    #[error("binary data (NUL byte at offset {offset}); skipped")]
    Binary {
        /// Offset of the first NUL byte.
        offset: usize,
    },
}

/// Something odd about an input that did not stop it from being read.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum InputWarning {
    /// Invalid UTF-8 was replaced by U+FFFD; `offset` is the first bad byte.
    InvalidUtf8 {
        /// Offset of the first invalid byte in the original data.
        offset: usize,
        /// How many invalid sequences were replaced.
        count: usize,
    },
}

impl std::fmt::Display for InputWarning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            InputWarning::InvalidUtf8 { offset, count } => write!(
                f,
                "invalid UTF-8 at byte {offset} ({count} sequence{} replaced with U+FFFD)",
                if *count == 1 { "" } else { "s" }
            ),
        }
    }
}

impl Document {
    /// A document from text already in memory.
    pub fn from_text(name: impl Into<String>, text: impl Into<String>) -> Document {
        let text = text.into();
        let start = if text.starts_with('\u{FEFF}') { 3 } else { 0 };
        let lines = LineIndex::new(&text);
        Document {
            name: name.into(),
            text,
            start,
            lines,
        }
    }

    /// The document read as written in `format`: its text is what the markup shows, every
    /// byte in place ([`crate::markup`]); lines and columns still count in the file.
    pub fn read_as(mut self, format: crate::markup::InputFormat) -> Document {
        if format == crate::markup::InputFormat::Text {
            return self;
        }
        if format.moves_lines() {
            self.lines = LineIndex::of_source(&self.text);
        }
        self.text = format.text_of(std::mem::take(&mut self.text));
        self
    }

    /// A document from raw bytes: binary data is refused, invalid UTF-8 is replaced (and
    /// reported), a byte-order mark is skipped.
    ///
    /// # Errors
    /// [`InputError::Binary`] when the bytes contain a NUL.
    pub fn from_bytes(
        name: impl Into<String>,
        bytes: Vec<u8>,
    ) -> Result<(Document, Option<InputWarning>), InputError> {
        if let Some(offset) = memchr::memchr(0, &bytes) {
            return Err(InputError::Binary { offset });
        }
        let (text, warning) = match String::from_utf8(bytes) {
            Ok(s) => (s, None),
            Err(e) => {
                let offset = e.utf8_error().valid_up_to();
                let bytes = e.into_bytes();
                let count = count_invalid(&bytes);
                let text = match String::from_utf8_lossy(&bytes) {
                    Cow::Owned(s) => s,
                    Cow::Borrowed(s) => s.to_string(),
                };
                (text, Some(InputWarning::InvalidUtf8 { offset, count }))
            }
        };
        Ok((Document::from_text(name, text), warning))
    }

    /// The content after any byte-order mark.
    pub fn content(&self) -> &str {
        self.text.get(self.start..).unwrap_or("")
    }
}

fn count_invalid(mut bytes: &[u8]) -> usize {
    let mut n = 0;
    loop {
        match std::str::from_utf8(bytes) {
            Ok(_) => return n,
            Err(e) => {
                n += 1;
                let skip = e.valid_up_to() + e.error_len().unwrap_or(bytes.len() - e.valid_up_to());
                bytes = bytes.get(skip..).unwrap_or(&[]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binary_is_refused() {
        let err = Document::from_bytes("x", b"abc\0def".to_vec()).expect_err("binary");
        assert_eq!(err, InputError::Binary { offset: 3 });
    }

    #[test]
    fn invalid_utf8_is_replaced_and_reported() {
        let (doc, warn) = Document::from_bytes("x", b"ab\xffcd\xfe".to_vec()).expect("text");
        assert_eq!(doc.text, "ab\u{FFFD}cd\u{FFFD}");
        assert_eq!(
            warn,
            Some(InputWarning::InvalidUtf8 {
                offset: 2,
                count: 2
            })
        );
    }

    #[test]
    fn bom_is_skipped() {
        let (doc, warn) = Document::from_bytes("x", "\u{FEFF}Hi".into()).expect("text");
        assert_eq!((doc.start, doc.content(), warn), (3, "Hi", None));
    }
}
