//! Parsed articles kept and read back: the map step of a run over many machines.
//!
//! `srcgraph parse --format jsonl --with-text` writes each article with its text
//! ([`keep_text`] puts an [`ArticleText`] on it). [`ParsedInput`] reads such a file back:
//! consecutive lines that name the same input are that input's articles, handed out in
//! chunks that carry them already parsed ([`Chunk::articles`]) with a document rebuilt from
//! their texts at their places in the input. Judging takes those chunks as it takes chunks
//! of text ([`crate::judge::Judging`]), cutting claims from the kept text instead of parsing
//! it again, so the claims, verdicts, lines and columns are those of the text.
//!
//! What a line needs: the article as `parse --format jsonl` writes it, and its `text`
//! (where its first line starts in the input, the text from there to the article's end,
//! and for HTML the same bytes as written, in which lines are counted). A line that is not
//! such an article is skipped and kept as a problem ([`ParsedInput::problems`]), so one bad
//! line does not lose the rest of the file.
//!
//! Judging a parsed file in two passes:
//!
//! ```
//! use srcgraph::context::{ChunkJudge, InputContext};
//! use srcgraph::judge::Judging;
//! use srcgraph::parsed::{ParsedInput, Place, keep_text};
//! use srcgraph::pipeline::Pipeline;
//! use srcgraph::stream::ChunkReader;
//!
//! // The map step: parse, keeping each article's text, one JSON line per article.
//! let p = Pipeline::default();
//! let text = "Troops moved north (AFP, May 2; Kyodo, May 3).\n\nTalks stalled (Interfax, May 4).\n";
//! let mut jsonl = Vec::new();
//! let mut reader = ChunkReader::new("bulletin.txt", text.as_bytes(), 1 << 17);
//! while let Some(chunk) = reader.next_chunk()? {
//!     let mut articles = srcgraph::stream::parse_chunk(&chunk, p.outlets, &p.parse);
//!     keep_text(&mut articles, &chunk);
//!     for a in &articles {
//!         srcgraph::export::json::write_jsonl_article(&mut jsonl, a)?;
//!     }
//! }
//!
//! // The judging step, from the parsed file alone.
//! let mut file = std::io::Cursor::new(jsonl);
//! let mut input: ParsedInput<_> = ParsedInput::open(&mut file, "parsed.jsonl", Place::START)?;
//! assert_eq!(input.name(), "bulletin.txt");
//! let (mut ctx, mut judging) = (InputContext::new(), Judging::new(&p));
//! judging.learn(&mut input, &mut ctx)?;
//! let mut judge = ChunkJudge::new(&ctx);
//! let mut verdicts = Vec::new();
//! judging.judge(&mut input, &mut judge, |_, report| {
//!     verdicts.extend(report.claims.iter().map(|c| c.corroboration.verdict.as_str()));
//!     Ok(())
//! })?;
//! assert_eq!(verdicts, ["corroborated", "single-source"]);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use crate::input::Document;
use crate::judge::{ChunkSource, Pass};
use crate::model::{Article, ArticleText};
use crate::span::{LineIndex, line_breaks};
use crate::stream::{Chunk, DEFAULT_CHUNK, Offset, unbase_article};
use std::io::{BufRead, Seek, SeekFrom};
use std::marker::PhantomData;

/// Put on each article of `chunk` (parsed from it, in input coordinates) its text, so that
/// it can be judged without the input: its lines, from the start of the first to the end
/// of the last (line breaks excluded), as findings quote them.
pub fn keep_text(articles: &mut [Article], chunk: &Chunk) {
    let (doc, at) = (&chunk.doc, chunk.offset);
    // Lines are counted in the source when the markup moves line breaks (HTML).
    let lined = doc.lines.source().unwrap_or(&doc.text);
    for a in articles {
        let span_end = a.span.end.saturating_sub(at.bytes).min(doc.text.len());
        let first = a.line.saturating_sub(at.lines + 1);
        let start = doc.lines.line_start(first).min(span_end);
        let last = doc.lines.position(&doc.text, span_end).line;
        let mut end = if last < doc.lines.line_count() {
            doc.lines.line_start(last)
        } else {
            doc.text.len()
        };
        while end > span_end && matches!(lined.as_bytes().get(end - 1), Some(b'\n' | b'\r')) {
            end -= 1;
        }
        while !doc.text.is_char_boundary(end) {
            end -= 1;
        }
        let end = end.max(span_end);
        let content = doc.text.get(start..end).unwrap_or_default().to_string();
        let source = doc.lines.source().map(|s| {
            let mut to = end.min(s.len());
            while !s.is_char_boundary(to) {
                to += 1;
            }
            s.get(start..to).unwrap_or_default().to_string()
        });
        a.text = Some(ArticleText {
            start: start + at.bytes,
            content,
            source,
        });
    }
}

/// Why a file of parsed articles, or one of its lines, could not be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ParsedError {
    /// Reading the file failed: the rest of it is not read.
    #[error("{file}: {source}")]
    Io {
        /// The file of parsed articles.
        file: String,
        /// What went wrong.
        source: std::io::Error,
    },
    /// A line is not an article as `srcgraph parse --format jsonl` writes it (skipped).
    #[error("{file}:{line}: not an article of `srcgraph parse --format jsonl`: {source}")]
    Line {
        /// The file of parsed articles.
        file: String,
        /// 1-based line number in it.
        line: usize,
        /// What is wrong with it.
        source: serde_json::Error,
    },
    /// An article written without its text (skipped).
    #[error(
        "{file}:{line}: the article carries no text, so its claims cannot be cut: write it \
         with `srcgraph parse --format jsonl --with-text`"
    )]
    NoText {
        /// The file of parsed articles.
        file: String,
        /// 1-based line number in it.
        line: usize,
    },
    /// The file is one JSON document (`parse --format json`), not JSON Lines (skipped).
    #[error(
        "{file}: a JSON document, not JSON Lines: write it with `srcgraph parse --format jsonl --with-text`"
    )]
    Document {
        /// The file of parsed articles.
        file: String,
    },
    /// An article whose text does not cover it (skipped).
    #[error(
        "{file}:{line}: the article's text does not cover the article (its `text.start`, `span` and `line` disagree)"
    )]
    Misplaced {
        /// The file of parsed articles.
        file: String,
        /// 1-based line number in it.
        line: usize,
    },
}

/// A place in a file of parsed articles: the byte offset of a line and its number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    /// Offset of the line's first byte.
    pub byte: u64,
    /// 1-based line number.
    pub line: usize,
}

impl Place {
    /// The start of a file.
    pub const START: Place = Place { byte: 0, line: 1 };
}

/// One input's articles in a file of parsed articles: the run of lines, from where it
/// starts, naming that input. Read it once per pass, as a [`ChunkSource`]; the first reading
/// finds where it ends ([`ParsedInput::end`]: where the next input starts). `E` is the error
/// its consumer may return.
#[derive(Debug)]
pub struct ParsedInput<'r, R, E = ParsedError> {
    reader: &'r mut R,
    file: String,
    name: String,
    start: Place,
    end: Option<Place>,
    chunk_size: usize,
    problems: Vec<ParsedError>,
    /// The input's name as its first line writes it (JSON string, escapes and all).
    key: Option<Vec<u8>>,
    error: PhantomData<fn() -> E>,
}

impl<'r, R: BufRead + Seek, E> ParsedInput<'r, R, E> {
    /// The input whose articles start at `at` in `reader` (the file `file`). Lines before
    /// its first article that are not articles are skipped and kept as problems; when no
    /// article is left, it has none ([`ParsedInput::has_articles`]) and ends where the file
    /// does.
    ///
    /// # Errors
    /// Reading failed.
    pub fn open(reader: &'r mut R, file: &str, at: Place) -> Result<Self, ParsedError> {
        let mut input = ParsedInput {
            reader,
            file: file.to_string(),
            name: String::new(),
            start: at,
            end: None,
            chunk_size: DEFAULT_CHUNK,
            problems: Vec::new(),
            key: None,
            error: PhantomData,
        };
        let mut lines = Lines::at(&mut *input.reader, file, at)?;
        while let Some(line) = lines.next_line()? {
            if line.place == Place::START && line.bytes.trim_ascii() == b"{" {
                return Err(ParsedError::Document {
                    file: file.to_string(),
                });
            }
            match article(file, &line) {
                Ok((article, _)) => {
                    input.start = line.place;
                    input.name = article.path;
                    input.key = raw_path(&line.bytes).map(<[u8]>::to_vec);
                    return Ok(input);
                }
                Err(problem) => input.problems.push(problem),
            }
        }
        input.start = lines.place;
        input.end = Some(lines.place);
        Ok(input)
    }

    /// Whether an article was found where the input starts.
    pub fn has_articles(&self) -> bool {
        self.end != Some(self.start)
    }

    /// Hand out chunks of about `bytes` of text (default [`DEFAULT_CHUNK`]).
    pub fn chunk_size(mut self, bytes: usize) -> Self {
        self.chunk_size = bytes.max(1);
        self
    }

    /// The input read only up to `end` (where a first reading found the next input).
    pub fn ending_at(mut self, end: Place) -> Self {
        self.end = Some(end);
        self
    }

    /// Where the input's first article is.
    pub fn start(&self) -> Place {
        self.start
    }

    /// Where the next input starts (or the file ends), once a reading has found it.
    pub fn end(&self) -> Option<Place> {
        self.end
    }

    /// The lines skipped so far, with why (each once, whatever the number of readings).
    pub fn problems(&self) -> &[ParsedError] {
        &self.problems
    }

    /// Take the problems kept so far.
    pub fn take_problems(&mut self) -> Vec<ParsedError> {
        std::mem::take(&mut self.problems)
    }

    /// The input's name, as its articles give it.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Read the input's lines in batches: each batch is decoded on the pool while the one
    /// before it is built into chunks and handed to `f` here, so decoding overlaps judging.
    fn read(&mut self, pass: Pass, f: &mut dyn FnMut(Chunk) -> Result<(), E>) -> Result<bool, E>
    where
        E: From<ParsedError>,
    {
        let file = self.file.clone();
        let mut lines = Lines::at(&mut *self.reader, &file, self.start)?;
        let mut taken = Taken {
            name: &self.name,
            chunk: ChunkBuilder::new(&self.name, self.chunk_size),
            report: pass != Pass::Judge,
            problems: &mut self.problems,
            end: &mut self.end,
        };
        let batch_bytes = self.chunk_size.saturating_mul(4);
        let key = self.key.as_deref();
        let mut decoded: Option<Vec<Decoded>> = None;
        let mut more = true;
        while more {
            let (batch, rest) = gather(&mut lines, taken.name, key, *taken.end, batch_bytes)?;
            if let Some(end) = rest {
                *taken.end = Some(end);
                more = false;
            }
            let Some(before) = decoded.take() else {
                decoded = Some(decode(&file, batch));
                continue;
            };
            if rayon::current_num_threads() < 2 {
                let went_on = taken.take(before, f)?;
                more &= went_on;
                decoded = went_on.then(|| decode(&file, batch));
                continue;
            }
            let mut next = None;
            let went_on = rayon::in_place_scope(|s| {
                s.spawn(|_| next = Some(decode(&file, batch)));
                taken.take(before, f)
            })?;
            more &= went_on;
            decoded = next.filter(|_| went_on);
        }
        if let Some(last) = decoded {
            taken.take(last, f)?;
        }
        if let Some(last) = taken.chunk.finish() {
            f(last)?;
        }
        Ok(true)
    }
}

/// A line read and decoded.
type Decoded = (RawLine, ReadLine);

/// Decode a batch of lines on every core.
fn decode(file: &str, batch: Vec<RawLine>) -> Vec<Decoded> {
    use rayon::prelude::*;
    batch
        .into_par_iter()
        .map(|line| {
            let read = article(file, &line);
            (line, read)
        })
        .collect()
}

/// The next batch of about `bytes` of the input `name`'s lines, and where the input ends
/// when the batch reached its end: the end already known, the end of the file, or a line
/// naming another input (`key`: the name as the input's first line writes it).
fn gather<R: BufRead + Seek>(
    lines: &mut Lines<'_, R>,
    name: &str,
    key: Option<&[u8]>,
    end: Option<Place>,
    bytes: usize,
) -> Result<(Vec<RawLine>, Option<Place>), ParsedError> {
    let mut batch = Vec::new();
    let mut size = 0;
    while size < bytes {
        if let Some(end) = end.filter(|end| lines.place.byte >= end.byte) {
            return Ok((batch, Some(end)));
        }
        let Some(line) = lines.next_line()? else {
            return Ok((batch, Some(lines.place)));
        };
        if let (Some(key), Some(raw)) = (key, raw_path(&line.bytes))
            && raw != key
            && decoded_path(raw).is_none_or(|p| p != name)
        {
            return Ok((batch, Some(line.place)));
        }
        size += line.bytes.len();
        batch.push(line);
    }
    Ok((batch, None))
}

/// What takes decoded lines into chunks.
struct Taken<'a> {
    name: &'a str,
    chunk: ChunkBuilder<'a>,
    report: bool,
    problems: &'a mut Vec<ParsedError>,
    end: &'a mut Option<Place>,
}

impl Taken<'_> {
    /// Build `lines` into chunks, each full one to `f`; `Ok(false)` when a line names
    /// another input (which ends this one there).
    fn take<E: From<ParsedError>>(
        &mut self,
        lines: Vec<Decoded>,
        f: &mut dyn FnMut(Chunk) -> Result<(), E>,
    ) -> Result<bool, E> {
        for (line, read) in lines {
            match read {
                Ok((article, text)) if article.path == self.name => {
                    if let Some(full) = self.chunk.push(article, text, line.raw) {
                        f(full)?;
                    }
                }
                Ok(_) => {
                    // Its name written another way than on the input's first line.
                    *self.end = Some(line.place);
                    return Ok(false);
                }
                Err(problem) if self.report => self.problems.push(problem),
                Err(_) => {}
            }
        }
        Ok(true)
    }
}

impl<R: BufRead + Seek, E: From<ParsedError>> ChunkSource for ParsedInput<'_, R, E> {
    type Error = E;

    fn name(&self) -> &str {
        &self.name
    }

    fn each_chunk(
        &mut self,
        pass: Pass,
        f: &mut dyn FnMut(Chunk) -> Result<(), E>,
    ) -> Result<bool, E> {
        self.read(pass, f)
    }
}

/// An article line read: the article and its text, or why the line was skipped.
type ReadLine = Result<(Article, ArticleText), ParsedError>;

/// The lines of a file of parsed articles, from a place on.
struct Lines<'a, R> {
    reader: &'a mut R,
    file: &'a str,
    place: Place,
}

impl<'a, R: BufRead + Seek> Lines<'a, R> {
    fn at(reader: &'a mut R, file: &'a str, at: Place) -> Result<Lines<'a, R>, ParsedError> {
        reader
            .seek(SeekFrom::Start(at.byte))
            .map_err(|source| ParsedError::Io {
                file: file.to_string(),
                source,
            })?;
        Ok(Lines {
            reader,
            file,
            place: at,
        })
    }

    /// The next line that is not blank; `None` at the end of the file.
    fn next_line(&mut self) -> Result<Option<RawLine>, ParsedError> {
        let mut raw = 0;
        let mut bytes = Vec::new();
        loop {
            bytes.clear();
            let n = self
                .reader
                .read_until(b'\n', &mut bytes)
                .map_err(|source| ParsedError::Io {
                    file: self.file.to_string(),
                    source,
                })?;
            if n == 0 {
                return Ok(None);
            }
            let place = self.place;
            self.place = Place {
                byte: place.byte + n as u64,
                line: place.line + 1,
            };
            raw += n;
            if !bytes.iter().all(u8::is_ascii_whitespace) {
                return Ok(Some(RawLine { place, bytes, raw }));
            }
        }
    }
}

/// A line of a file of parsed articles, as read.
struct RawLine {
    place: Place,
    bytes: Vec<u8>,
    /// Bytes read for it, blank lines before it included.
    raw: usize,
}

/// The article a line holds, and its text.
fn article(file: &str, line: &RawLine) -> ReadLine {
    let at = line.place.line;
    let mut a: Article =
        serde_json::from_slice(&line.bytes).map_err(|source| ParsedError::Line {
            file: file.to_string(),
            line: at,
            source,
        })?;
    let Some(text) = a.text.take() else {
        return Err(ParsedError::NoText {
            file: file.to_string(),
            line: at,
        });
    };
    let covers = text.start <= a.span.start
        && text
            .start
            .checked_add(text.content.len())
            .is_some_and(|end| end >= a.span.end)
        && a.line >= 1
        && text
            .source
            .as_ref()
            .is_none_or(|s| s.len() >= text.content.len());
    if !covers {
        return Err(ParsedError::Misplaced {
            file: file.to_string(),
            line: at,
        });
    }
    Ok((a, text))
}

/// The input's name as a line written by srcgraph gives it first (`{"path":"…"`): the JSON
/// string's bytes between the quotes, escapes as written. `None` for a line written
/// otherwise.
fn raw_path(line: &[u8]) -> Option<&[u8]> {
    let rest = line.strip_prefix(b"{\"path\":\"")?;
    let mut i = 0;
    while i < rest.len() {
        match rest[i] {
            b'\\' => i += 2,
            b'"' => return Some(&rest[..i]),
            _ => i += 1,
        }
    }
    None
}

/// A name of [`raw_path`] decoded.
fn decoded_path(raw: &[u8]) -> Option<String> {
    let mut quoted = Vec::with_capacity(raw.len() + 2);
    quoted.push(b'"');
    quoted.extend_from_slice(raw);
    quoted.push(b'"');
    serde_json::from_slice(&quoted).ok()
}

/// A chunk rebuilt from articles that follow each other in one input: their texts at
/// their places, what lies between them (not kept) as blanks with its line breaks.
struct ChunkBuilder<'a> {
    name: &'a str,
    size: usize,
    offset: Offset,
    text: String,
    /// The input as written, when lines are counted in it (HTML).
    source: Option<String>,
    /// Line breaks in `text` (or `source`) so far.
    breaks: usize,
    articles: Vec<Article>,
    raw: usize,
}

impl<'a> ChunkBuilder<'a> {
    fn new(name: &'a str, size: usize) -> ChunkBuilder<'a> {
        ChunkBuilder {
            name,
            size,
            offset: Offset::default(),
            text: String::new(),
            source: None,
            breaks: 0,
            articles: Vec::new(),
            raw: 0,
        }
    }

    /// Add an article (input coordinates) read from `raw` bytes of the file; the chunk
    /// before it when it does not follow on, or this one when it is full.
    fn push(&mut self, a: Article, t: ArticleText, raw: usize) -> Option<Chunk> {
        let mut done = None;
        let gap = self.gap_to(&a, &t);
        if gap.is_none() {
            done = self.finish();
        }
        if let Some((gap, breaks)) = gap {
            // Blanks up to the article's first line, holding the line breaks between.
            pad(&mut self.text, gap, breaks);
            if let Some(s) = &mut self.source {
                pad(s, gap, breaks);
            }
        } else {
            self.offset = Offset {
                bytes: t.start,
                lines: a.line - 1,
                articles: a.index,
                raw: 0,
            };
            self.source = t.source.as_ref().map(|_| String::new());
        }
        self.breaks += line_breaks(t.source.as_deref().unwrap_or(&t.content)).count();
        self.text.push_str(&t.content);
        if let (Some(s), Some(from)) = (&mut self.source, &t.source) {
            s.push_str(from);
            // Both run on to the same place (the source may end past a character the
            // markup shows differently).
            while self.text.len() < s.len() {
                self.text.push(' ');
            }
        }
        let mut a = a;
        unbase_article(&mut a, self.offset);
        self.articles.push(a);
        self.raw += raw;
        if done.is_none() && self.text.len() >= self.size {
            done = self.finish();
        }
        done
    }

    /// When `a` can join the chunk (same kind of text, starting past its end, on a line the
    /// blanks between can reach): the bytes between and the line breaks among them. `None`
    /// when it cannot, or the chunk is empty or full.
    fn gap_to(&self, a: &Article, t: &ArticleText) -> Option<(usize, usize)> {
        if self.articles.is_empty() || self.text.len() >= self.size {
            return None;
        }
        let gap = t.start.checked_sub(self.offset.bytes + self.text.len())?;
        let breaks = (a.line - 1)
            .checked_sub(self.offset.lines)?
            .checked_sub(self.breaks)?;
        let follows = t.source.is_some() == self.source.is_some()
            && gap >= breaks
            && (breaks > 0 || gap == 0);
        follows.then_some((gap, breaks))
    }

    /// The chunk built so far, if any.
    fn finish(&mut self) -> Option<Chunk> {
        if self.articles.is_empty() {
            return None;
        }
        let text = std::mem::take(&mut self.text);
        let mut doc = Document::from_text(self.name, text);
        if let Some(source) = self.source.take() {
            doc.lines = LineIndex::of_source(&source);
        }
        let raw = std::mem::take(&mut self.raw);
        self.breaks = 0;
        Some(Chunk {
            doc,
            offset: self.offset,
            raw_len: raw,
            articles: Some(std::mem::take(&mut self.articles)),
        })
    }
}

/// `gap` blank bytes holding `breaks` line breaks, after the end of a line and before the
/// start of one: the first break at once (so the line before ends where it ended), any
/// blanks on a line of their own, the other breaks last.
fn pad(s: &mut String, gap: usize, breaks: usize) {
    let blanks = gap - breaks;
    match breaks {
        0 => {}
        // One break of two bytes: a CRLF file.
        1 if blanks == 1 => s.push_str("\r\n"),
        1 => {
            s.extend(std::iter::repeat_n(' ', blanks));
            s.push('\n');
        }
        _ => {
            s.push('\n');
            s.extend(std::iter::repeat_n(' ', blanks));
            s.extend(std::iter::repeat_n('\n', breaks - 1));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_name_is_read_from_the_first_key_as_written() {
        assert_eq!(
            raw_path(br#"{"path":"a\"b\\c.txt","index":0}"#),
            Some(&br#"a\"b\\c.txt"#[..])
        );
        assert_eq!(
            decoded_path(br#"a\"b\\c\u00e9.txt"#).as_deref(),
            Some("a\"b\\cé.txt")
        );
        assert_eq!(raw_path(br#"{"index":0,"path":"a.txt"}"#), None);
        assert_eq!(raw_path(br#"{"path":"unterminated"#), None);
    }

    #[test]
    fn blanks_end_the_line_before_and_start_none() {
        let padded = |gap, breaks| {
            let mut s = String::from("end.");
            pad(&mut s, gap, breaks);
            s.push_str("Next");
            s
        };
        assert_eq!(padded(0, 0), "end.Next");
        assert_eq!(padded(1, 1), "end.\nNext");
        assert_eq!(padded(2, 1), "end.\r\nNext");
        assert_eq!(padded(9, 3), "end.\n      \n\nNext");
        for (gap, breaks) in [(1, 1), (2, 1), (9, 3), (40, 7)] {
            let s = padded(gap, breaks);
            assert_eq!(s.len(), "end.Next".len() + gap);
            assert_eq!(line_breaks(&s).count(), breaks);
        }
    }
}
