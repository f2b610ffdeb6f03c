//! JSON and JSON Lines output of parsed articles, in the schema of `docs/output-formats.md`.
//!
//! JSON Lines writes one [`Article`] object per line, so a pipeline can start on the first
//! article before the last is parsed. JSON wraps the same objects in
//! `{"version": 1, "articles": [...]}`, streamed article by article.

use crate::model::Article;
use std::io::{self, Write};

/// Version of the JSON schema; bumped on incompatible changes.
pub const SCHEMA_VERSION: u32 = 1;

/// Write one article as a line of JSON.
///
/// # Errors
/// Any error of the writer.
pub fn write_jsonl_article<W: Write + ?Sized>(w: &mut W, article: &Article) -> io::Result<()> {
    serde_json::to_writer(&mut *w, article).map_err(io::Error::from)?;
    w.write_all(b"\n")
}

/// Streams articles into one JSON document: call [`JsonWriter::article`] for each, then
/// [`JsonWriter::finish`].
#[derive(Debug)]
pub struct JsonWriter {
    count: usize,
}

impl JsonWriter {
    /// Start the document.
    ///
    /// # Errors
    /// Any error of the writer.
    pub fn begin(w: &mut dyn Write) -> io::Result<JsonWriter> {
        write!(w, "{{\n  \"version\": {SCHEMA_VERSION},\n  \"articles\": [")?;
        Ok(JsonWriter { count: 0 })
    }

    /// Append one article.
    ///
    /// # Errors
    /// Any error of the writer.
    pub fn article(&mut self, w: &mut dyn Write, article: &Article) -> io::Result<()> {
        w.write_all(if self.count == 0 { b"\n" } else { b",\n" })?;
        write!(w, "    {}", pretty_at(article, 4)?)?;
        self.count += 1;
        Ok(())
    }

    /// Close the document.
    ///
    /// # Errors
    /// Any error of the writer.
    pub fn finish(self, w: &mut dyn Write) -> io::Result<()> {
        if self.count > 0 {
            w.write_all(b"\n  ")?;
        }
        w.write_all(b"]\n}\n")
    }
}

/// `value` as pretty JSON to be placed `indent` spaces in: its lines after the first are
/// indented by that much (the caller writes the first line's indent, or none after a key).
///
/// # Errors
/// A value serde cannot write (none of ours: every map key is a string).
pub(crate) fn pretty_at(value: &impl serde::Serialize, indent: usize) -> io::Result<String> {
    let text = serde_json::to_string_pretty(value)?;
    Ok(text.replace('\n', &format!("\n{:indent$}", "")))
}
