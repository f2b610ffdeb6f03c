//! Reading an input in pieces that end at article boundaries, so that a corpus of any size
//! is parsed in bounded memory and output starts before the whole input is read.
//!
//! [`ChunkReader`] reads bytes in blocks, finds the last article start in what it holds
//! (with the same layout rules as [`crate::parse::layout`]), and hands out a [`Chunk`]: a
//! [`Document`] of whole articles plus its [`Offset`] in the input. Everything parsed from a
//! chunk is chunk-relative until [`rebase_article`] moves it to input coordinates; the result
//! is the same, byte for byte, as parsing the input in one piece (tests check this with
//! tiny chunks).
//!
//! What cannot be streamed: one article is always held whole (a 100 MB paragraph is one
//! chunk), and a NUL byte met after the first block skips the rest of the input (earlier
//! articles are already out).

use crate::input::{Document, InputWarning};
use crate::model::Article;
use crate::parse::layout::split_articles;
use crate::span::Span;
use std::io::Read;

/// Default bytes per chunk (128 KiB): big enough to keep every core busy, small enough for
/// bounded memory with two chunks in flight (one parsed while the one before is judged).
/// A parsed article takes ten to fifteen times its text, most for short items: at 512 KiB,
/// `check` on 400 000 short dated items (52.5 MB) peaked at 66 MB, at 128 KiB at 28 MB,
/// while the 49 MB generated corpus took 4 % longer.
pub const DEFAULT_CHUNK: usize = 1 << 17;

/// Where a chunk starts in its input.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Offset {
    /// Bytes of decoded text before the chunk (the coordinates spans use).
    pub bytes: usize,
    /// Lines before the chunk.
    pub lines: usize,
    /// Articles before the chunk.
    pub articles: usize,
    /// Bytes of the raw input before the chunk (for progress and messages).
    pub raw: usize,
}

/// Whole articles of an input, and where they start in it.
#[derive(Debug, Clone)]
pub struct Chunk {
    /// The chunk's text as a document named after the input.
    pub doc: Document,
    /// Its place in the input.
    pub offset: Offset,
    /// Raw bytes of input it covers.
    pub raw_len: usize,
    /// Its articles when they come already parsed (read back by [`crate::parsed`]), in the
    /// chunk's coordinates; `None`: parse the text.
    pub articles: Option<Vec<Article>>,
}

/// Why reading stopped.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ChunkError {
    /// Reading failed.
    #[error("{source}")]
    Io {
        /// The error.
        #[from]
        source: std::io::Error,
    },
    /// A NUL byte: binary data. In the first block the whole input is refused; later, the
    /// rest of it (the text before it is handed out first).
    #[error("binary data (NUL byte at offset {offset}); {}", if *.skipped_all { "skipped" } else { "the rest of the input is skipped" })]
    Binary {
        /// Offset of the NUL byte in the input.
        offset: usize,
        /// True when nothing of the input was handed out.
        skipped_all: bool,
    },
}

/// How reading an input in chunks ended, besides the chunks handed out ([`read_chunks`]).
#[derive(Debug)]
pub struct ReadEnd {
    /// False when nothing of the input was read: it could not be read, or was refused
    /// whole as binary data.
    pub read: bool,
    /// Why reading stopped before the end, if it did: an I/O error or binary data.
    pub stopped: Option<ChunkError>,
    /// Invalid UTF-8 met (replaced by U+FFFD, so the input was still read).
    pub warning: Option<InputWarning>,
}

/// Read `reader`, the input `name` written in `format`, in chunks of whole articles of
/// about `chunk_size` bytes, handing each to `f` in input order. HTML is read whole: its
/// lines are not article boundaries. Problems of the input end the reading and are in the
/// [`ReadEnd`]; only an error of `f` is an error.
///
/// # Errors
/// The first error of `f`, which stops the reading.
pub fn read_chunks<E>(
    name: &str,
    format: crate::markup::InputFormat,
    mut reader: impl Read,
    chunk_size: usize,
    mut f: impl FnMut(Chunk) -> Result<(), E>,
) -> Result<ReadEnd, E> {
    let mut end = ReadEnd {
        read: true,
        stopped: None,
        warning: None,
    };
    if format.moves_lines() {
        let mut bytes = Vec::new();
        if let Err(e) = reader.read_to_end(&mut bytes) {
            end.read = false;
            end.stopped = Some(e.into());
            return Ok(end);
        }
        let raw_len = bytes.len();
        match Document::from_bytes(name, bytes) {
            Ok((doc, warning)) => {
                end.warning = warning;
                let doc = doc.read_as(format);
                f(Chunk {
                    doc,
                    offset: Offset::default(),
                    raw_len,
                    articles: None,
                })?;
            }
            Err(crate::input::InputError::Binary { offset }) => {
                end.read = false;
                end.stopped = Some(ChunkError::Binary {
                    offset,
                    skipped_all: true,
                });
            }
        }
        return Ok(end);
    }
    let mut chunks = ChunkReader::new(name, reader, chunk_size);
    loop {
        match chunks.next_chunk() {
            Ok(Some(mut chunk)) => {
                chunk.doc = chunk.doc.read_as(format);
                f(chunk)?;
            }
            Ok(None) => break,
            Err(e) => {
                end.read = !matches!(
                    e,
                    ChunkError::Binary {
                        skipped_all: true,
                        ..
                    }
                );
                end.stopped = Some(e);
                break;
            }
        }
    }
    end.warning = chunks.invalid_utf8();
    Ok(end)
}

/// Reads an input as a sequence of [`Chunk`]s of whole articles.
#[derive(Debug)]
pub struct ChunkReader<R> {
    name: String,
    reader: R,
    buf: Vec<u8>,
    at: Offset,
    chunk: usize,
    want: usize,
    eof: bool,
    done: bool,
    invalid: Option<(usize, usize)>,
    binary: Option<usize>,
}

impl<R: Read> ChunkReader<R> {
    /// A reader of `reader`, named `name` in documents and messages, aiming at chunks of
    /// `chunk` bytes (at least 1).
    pub fn new(name: impl Into<String>, reader: R, chunk: usize) -> ChunkReader<R> {
        ChunkReader {
            name: name.into(),
            reader,
            buf: Vec::new(),
            at: Offset::default(),
            chunk: chunk.max(1),
            want: chunk.max(1),
            eof: false,
            done: false,
            invalid: None,
            binary: None,
        }
    }

    /// Invalid UTF-8 met so far: the first bad byte's input offset and how many sequences
    /// were replaced by U+FFFD.
    pub fn invalid_utf8(&self) -> Option<InputWarning> {
        self.invalid
            .map(|(offset, count)| InputWarning::InvalidUtf8 { offset, count })
    }

    fn fill(&mut self) -> Result<(), ChunkError> {
        let scanned = self.buf.len();
        while !self.eof && self.buf.len() < self.want {
            let len = self.buf.len();
            let room = (self.want - len).max(64 << 10);
            self.buf.resize(len + room, 0);
            let n = loop {
                match self.reader.read(&mut self.buf[len..]) {
                    Ok(n) => break n,
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                    Err(e) => {
                        self.buf.truncate(len);
                        return Err(e.into());
                    }
                }
            };
            self.buf.truncate(len + n);
            self.eof = n == 0;
        }
        if let Some(i) = memchr::memchr(0, &self.buf[scanned..]) {
            let offset = self.at.raw + scanned + i;
            // In the first block, the input is binary: refuse it whole (as ripgrep does).
            // Later, keep the text before the NUL and skip the rest.
            if offset < self.chunk {
                self.done = true;
                return Err(ChunkError::Binary {
                    offset,
                    skipped_all: true,
                });
            }
            self.buf.truncate(scanned + i);
            self.eof = true;
            self.binary = Some(offset);
        }
        Ok(())
    }

    /// The next chunk, or `None` at the end of the input.
    ///
    /// # Errors
    /// An I/O error, or binary data (after which the reader is finished).
    pub fn next_chunk(&mut self) -> Result<Option<Chunk>, ChunkError> {
        if self.done {
            return Ok(None);
        }
        loop {
            self.fill()?;
            if self.buf.is_empty() {
                self.done = true;
                return match self.binary.take() {
                    Some(offset) => Err(ChunkError::Binary {
                        offset,
                        skipped_all: false,
                    }),
                    None => Ok(None),
                };
            }
            // Decode up to the last line break (a char boundary); at the end, everything.
            let window_end = if self.eof {
                self.buf.len()
            } else {
                memchr::memrchr2(b'\n', b'\r', &self.buf).map_or(0, |i| i + 1)
            };
            let window = &self.buf[..window_end];
            let first = self.at.raw == 0;
            let (text, valid) = decode(window);
            let start = if first && text.starts_with('\u{FEFF}') {
                3
            } else {
                0
            };
            let cut = if self.eof {
                Some(text.len())
            } else {
                // Cut at the start of the line where the last article starts (after a form
                // feed it may start mid-line), so columns stay what they are in the input.
                split_articles(&text, start)
                    .last()
                    .map(|a| {
                        memchr::memrchr2(b'\n', b'\r', &text.as_bytes()[..a.span.start])
                            .map_or(0, |i| i + 1)
                    })
                    .filter(|&s| s > start)
            };
            let Some(cut) = cut else {
                // One article so far: read on, doubling the aim so a huge article costs
                // linear time.
                self.want = self.want.saturating_mul(2);
                continue;
            };
            let raw_cut = if valid { cut } else { raw_offset(window, cut) };
            if !valid {
                note_invalid(&mut self.invalid, self.at.raw, &self.buf[..raw_cut]);
            }
            let mut chunk_text = text;
            chunk_text.truncate(cut);
            let mut doc = Document::from_text(self.name.clone(), chunk_text);
            doc.start = start;
            let articles = split_articles(&doc.text, start).len();
            let lines = doc.lines.position(&doc.text, doc.text.len()).line - 1;
            let offset = self.at;
            self.at = Offset {
                bytes: offset.bytes + doc.text.len(),
                lines: offset.lines + lines,
                articles: offset.articles + articles,
                raw: offset.raw + raw_cut,
            };
            self.buf.drain(..raw_cut);
            self.want = self.chunk.max(self.buf.len() + self.chunk / 2);
            return Ok(Some(Chunk {
                doc,
                offset,
                raw_len: raw_cut,
                articles: None,
            }));
        }
    }
}

/// Count the invalid UTF-8 sequences of `bytes`, which start at input offset `base`.
fn note_invalid(seen: &mut Option<(usize, usize)>, base: usize, bytes: &[u8]) {
    let mut at = 0;
    for c in bytes.utf8_chunks() {
        at += c.valid().len();
        if !c.invalid().is_empty() {
            let (_, count) = seen.get_or_insert((base + at, 0));
            *count += 1;
        }
        at += c.invalid().len();
    }
}

/// Text of `bytes`, invalid sequences replaced by U+FFFD, and whether all were valid.
fn decode(bytes: &[u8]) -> (String, bool) {
    match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_string(), true),
        Err(_) => (String::from_utf8_lossy(bytes).into_owned(), false),
    }
}

/// The raw offset in `bytes` of decoded offset `pos` (which lies in valid text).
fn raw_offset(bytes: &[u8], pos: usize) -> usize {
    let (mut decoded, mut raw) = (0, 0);
    for c in bytes.utf8_chunks() {
        let valid = c.valid().len();
        if pos <= decoded + valid {
            return raw + (pos - decoded);
        }
        decoded += valid;
        raw += valid;
        if !c.invalid().is_empty() {
            decoded += '\u{FFFD}'.len_utf8();
            raw += c.invalid().len();
        }
    }
    raw.min(bytes.len())
}

/// Move an article parsed from a chunk to the coordinates of the whole input: spans,
/// lines and its index.
pub fn rebase_article(a: &mut Article, at: Offset) {
    move_article(a, at, |x, by| x + by);
}

/// Move an article of the input back into the coordinates of a chunk starting `at`, the
/// inverse of [`rebase_article`] (numbers that would fall below the chunk's start stay 0).
pub fn unbase_article(a: &mut Article, at: Offset) {
    move_article(a, at, usize::saturating_sub);
}

/// Every span, line and the index of `a`, moved by `at` with `by` (adding or subtracting).
fn move_article(a: &mut Article, at: Offset, by: impl Fn(usize, usize) -> usize) {
    let (b, l) = (at.bytes, at.lines);
    let shift = |s: &mut Span| *s = Span::new(by(s.start, b), by(s.end, b));
    a.index = by(a.index, at.articles);
    a.line = by(a.line, l);
    shift(&mut a.span);
    a.paragraphs.iter_mut().for_each(shift);
    for c in &mut a.citations {
        c.line = by(c.line, l);
        shift(&mut c.span);
        for r in &mut c.refs {
            r.line = by(r.line, l);
            shift(&mut r.span);
            r.dates.iter_mut().for_each(|d| shift(&mut d.span));
        }
    }
    for p in &mut a.other_parentheses {
        p.line = by(p.line, l);
        shift(&mut p.span);
    }
    for x in &mut a.attributions {
        x.line = by(x.line, l);
        shift(&mut x.span);
        if let Some(r) = &mut x.refers_to {
            r.line = by(r.line, l);
            shift(&mut r.span);
        }
    }
    for d in &mut a.diagnostics {
        d.line = by(d.line, l);
        shift(&mut d.span);
    }
}

/// Move a claim cut from a chunk to the coordinates of the whole input.
pub fn rebase_claim(c: &mut crate::model::Claim, at: Offset) {
    c.line += at.lines;
    c.span = Span::new(c.span.start + at.bytes, c.span.end + at.bytes);
}

/// Parse the articles of a chunk, in input coordinates (in parallel, as
/// [`parse_document`](crate::parse::parse_document)).
pub fn parse_chunk(
    chunk: &Chunk,
    outlets: &crate::outlets::Outlets,
    opts: &crate::parse::ParseOptions,
) -> Vec<Article> {
    let mut articles = crate::parse::parse_document(&chunk.doc, outlets, opts);
    for a in &mut articles {
        rebase_article(a, chunk.offset);
    }
    articles
}

/// The heads of a chunk's articles (header fields and place, as
/// [`article_heads`](crate::parse::article_heads) gives them), in input coordinates: read
/// from its text, or taken from the articles it carries already parsed.
pub fn chunk_heads(chunk: &Chunk) -> Vec<Article> {
    let mut heads = match &chunk.articles {
        Some(articles) => articles.iter().map(Article::head).collect(),
        None => crate::parse::article_heads(&chunk.doc),
    };
    for h in &mut heads {
        rebase_article(h, chunk.offset);
    }
    heads
}
