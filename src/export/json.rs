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
        w.write_all(b"    ")?;
        write_pretty_at(w, article, 4)?;
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
    let mut out = Vec::new();
    pretty_into(&mut out, value, indent)?;
    // serde_json writes UTF-8 only.
    String::from_utf8(out).map_err(io::Error::other)
}

/// [`pretty_at`] written to `w`, without a string in between.
///
/// # Errors
/// Any error of the writer, or a value serde cannot write.
pub(crate) fn write_pretty_at<W: Write + ?Sized>(
    w: &mut W,
    value: &impl serde::Serialize,
    indent: usize,
) -> io::Result<()> {
    // Made in a buffer and written at once: serde_json writes token by token.
    let mut buf = Vec::with_capacity(1024);
    pretty_into(&mut buf, value, indent)?;
    w.write_all(&buf)
}

/// [`pretty_at`] appended to `out`.
///
/// # Errors
/// A value serde cannot write.
pub(crate) fn pretty_into(
    out: &mut Vec<u8>,
    value: &impl serde::Serialize,
    indent: usize,
) -> io::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(out, Indented::at(indent));
    value.serialize(&mut ser).map_err(io::Error::from)
}

/// serde_json's pretty layout (two spaces a level) placed `base` spaces in: every line
/// break is followed by the base indent, then the level's. It writes what
/// `to_string_pretty` writes with each line break replaced by one and `base` spaces.
struct Indented {
    base: usize,
    level: usize,
    has_value: bool,
}

/// Spaces for [`Indented`], written a slice at a time.
const SPACES: [u8; 64] = [b' '; 64];

impl Indented {
    fn at(base: usize) -> Self {
        Indented {
            base,
            level: 0,
            has_value: false,
        }
    }

    /// `lead` (a line break, after a comma or not), then the indent of this level.
    fn new_line<W: Write + ?Sized>(&self, w: &mut W, lead: &[u8]) -> io::Result<()> {
        w.write_all(lead)?;
        let mut left = self.base + 2 * self.level;
        while left > 0 {
            let n = left.min(SPACES.len());
            w.write_all(&SPACES[..n])?;
            left -= n;
        }
        Ok(())
    }

    /// Open an array or object with `bracket`: one level in, nothing in it yet.
    fn open<W: Write + ?Sized>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.level += 1;
        self.has_value = false;
        w.write_all(bracket)
    }

    /// Close an array or object with `bracket`, on a line of its own unless it is empty.
    fn close<W: Write + ?Sized>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.level -= 1;
        if self.has_value {
            self.new_line(w, b"\n")?;
        }
        w.write_all(bracket)
    }

    /// Start an item (an array's value or an object's key): on a new line, after a comma
    /// but the first.
    fn item<W: Write + ?Sized>(&self, w: &mut W, first: bool) -> io::Result<()> {
        self.new_line(w, if first { b"\n" } else { b",\n" })
    }
}

impl serde_json::ser::Formatter for Indented {
    fn begin_array<W: Write + ?Sized>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"[")
    }

    fn end_array<W: Write + ?Sized>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"]")
    }

    fn begin_array_value<W: Write + ?Sized>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.item(w, first)
    }

    fn end_array_value<W: Write + ?Sized>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: Write + ?Sized>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"{")
    }

    fn end_object<W: Write + ?Sized>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"}")
    }

    fn begin_object_key<W: Write + ?Sized>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.item(w, first)
    }

    fn begin_object_value<W: Write + ?Sized>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(b": ")
    }

    fn end_object_value<W: Write + ?Sized>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// What `pretty_at` wrote before it streamed: the pretty text with its line breaks
    /// replaced.
    fn replaced(value: &serde_json::Value, indent: usize) -> String {
        let text = serde_json::to_string_pretty(value).expect("a value");
        text.replace('\n', &format!("\n{:indent$}", ""))
    }

    #[test]
    fn streamed_pretty_json_is_the_replaced_text() {
        let values = [
            json!(null),
            json!("a line\nbreak, a tab\t and a quote \" in a string"),
            json!([]),
            json!({}),
            json!([1, [2, [3, {"k": "v\n"}]], {"a": [], "b": {}}]),
            json!({"path": "x.txt", "claims": [{"excerpt": "Talks…", "notes": ["a\r\nb"]}]}),
        ];
        for v in &values {
            for indent in [0, 2, 8, 63, 64, 65, 130] {
                let mut out = Vec::new();
                write_pretty_at(&mut out, v, indent).expect("written");
                assert_eq!(String::from_utf8(out).expect("UTF-8"), replaced(v, indent));
                assert_eq!(pretty_at(v, indent).expect("written"), replaced(v, indent));
            }
        }
    }

    proptest::proptest! {
        /// Any strings, nested at any depth, come out as the replaced text.
        #[test]
        fn streamed_pretty_json_of_any_strings_is_the_replaced_text(
            words in proptest::collection::vec(".{0,12}", 0..6),
            indent in 0usize..80,
        ) {
            let v = json!({"words": words, "nested": [words.clone(), {"last": words.last()}]});
            let mut out = Vec::new();
            write_pretty_at(&mut out, &v, indent).expect("written");
            proptest::prop_assert_eq!(String::from_utf8(out).expect("UTF-8"), replaced(&v, indent));
        }
    }
}
