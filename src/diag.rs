//! Recoverable problems found while reading and parsing, kept as data next to the results.
//!
//! An unbalanced parenthesis or a date whose year cannot be known does not stop srcgraph: it
//! becomes a [`Diagnostic`] with a span and a stable [`DiagCode`], and parsing goes on.

use crate::span::{Position, Span};
use serde::{Deserialize, Serialize};
use std::fmt;

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing; the result is complete.
    Note,
    /// Part of the input could not be understood; the result may be incomplete there.
    Warning,
}

/// Stable machine-readable codes, one per kind of problem (documented in docs/diagnostics.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum DiagCode {
    /// A `(` that is never closed within its paragraph.
    UnclosedParen,
    /// A `)` with no `(` before it in its paragraph (list enumerators like `1)` excepted).
    UnopenedParen,
    /// A date whose year is not given and cannot be inferred from the article.
    UnknownYear,
    /// A year that was inferred from weak evidence (explicit years in the text).
    InferredYear,
    /// A date that does not exist, such as "February 30".
    InvalidDate,
    /// A parenthetical group too long to be a citation; it is not parsed for references.
    LongGroup,
    /// Bytes that were not valid UTF-8 and were replaced.
    InvalidUtf8,
}

impl fmt::Display for DiagCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One recoverable problem, located in the source text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// How serious it is.
    pub severity: Severity,
    /// What kind of problem it is.
    pub code: DiagCode,
    /// A sentence for humans.
    pub message: String,
    /// 1-based line of `span.start`.
    pub line: usize,
    /// 1-based column (characters) of `span.start`.
    pub column: usize,
    /// The bytes the problem is about.
    pub span: Span,
}

impl Diagnostic {
    /// A diagnostic at `span`, whose start lies at `pos`.
    pub fn new(
        severity: Severity,
        code: DiagCode,
        span: Span,
        pos: Position,
        message: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic {
            severity,
            code,
            message: message.into(),
            line: pos.line,
            column: pos.column,
            span,
        }
    }
}

crate::names::named!(
    /// The kebab-case name used in JSON and human output.
    DiagCode {
        UnclosedParen => "unclosed-paren",
        UnopenedParen => "unopened-paren",
        UnknownYear => "unknown-year",
        InferredYear => "inferred-year",
        InvalidDate => "invalid-date",
        LongGroup => "long-group",
        InvalidUtf8 => "invalid-utf8",
    }
);

/// A problem in a data file the user gives (`--outlets`, `--cues`), with the line and
/// column where it is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{line}:{column}: {message}")]
pub struct DataFileError {
    /// 1-based line in the file.
    pub line: usize,
    /// 1-based column in the file.
    pub column: usize,
    /// What is wrong.
    pub message: String,
}

impl DataFileError {
    /// `message` about byte `at` of the file `text`.
    pub(crate) fn at(text: &str, at: usize, message: String) -> DataFileError {
        let pos = crate::span::Position::of(text, at);
        DataFileError {
            line: pos.line,
            column: pos.column,
            message,
        }
    }

    /// The file `text` as TOML into `T`, or where it is not.
    pub(crate) fn parse_toml<T: serde::de::DeserializeOwned>(
        text: &str,
    ) -> Result<T, DataFileError> {
        toml::from_str(text).map_err(|e| {
            let at = e.span().map_or(0, |s| s.start);
            DataFileError::at(text, at, e.message().to_string())
        })
    }
}
