//! What the first reading of an input keeps of each chunk's parse for the readings after it:
//! the sources named in the prose, which take more than half the time of parsing (the
//! cue matching of every sentence) but only a few bytes each to keep. Pass 2 of `check`,
//! `stats` and `graph` (and `graph`'s further readings) parse a chunk's citations again,
//! which is quick, and take its prose sources from here instead of finding them again.
//!
//! Each chunk's attributions are encoded compactly (variable-length integers and the
//! strings' bytes) into a spool: in memory up to a megabyte, then an unnamed temporary file
//! ([`crate::spool`]). A chunk is found again by its input's name, its place in the input
//! and a hash of its text (and of the file its lines are counted in, for HTML), so a chunk
//! whose text changed between readings, or that was never kept, is parsed in full. Nothing
//! here can change a result: a spool that cannot be written or read only means parsing
//! again. Only chunks parsed from text are kept (not articles read back parsed). The unit
//! tests of `judge` compare a pass 2 that recalls with one that parses everything;
//! `tests/judge.rs` and `tests/scale.rs` (the commands, at several chunk sizes and thread
//! counts) compare two-pass results with whole-input ones.

use crate::model::{Antecedent, Article, Attribution, SourceType};
use crate::span::Span;
use crate::stream::Chunk;
use std::collections::HashMap;
use std::hash::{BuildHasher, Hash, Hasher};
use std::io::{Read, Seek, SeekFrom, Write};
use std::sync::Mutex;
#[cfg(test)]
use std::sync::atomic::{AtomicUsize, Ordering};
use tempfile::SpooledTempFile;

/// Which chunk of which input: its name, place, size and a hash of its text and of the text
/// its lines are counted in (an HTML file's source, whose line breaks its text may not keep).
/// The hash is seeded per memo (foldhash's random state), so no text can be written to
/// collide with another under it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Key {
    name: String,
    bytes: usize,
    lines: usize,
    start: usize,
    len: usize,
    hash: u64,
}

impl Key {
    fn of(chunk: &Chunk, seed: &foldhash::fast::RandomState) -> Key {
        let mut h = seed.build_hasher();
        chunk.doc.text.as_bytes().hash(&mut h);
        chunk.doc.lines.source().map(str::as_bytes).hash(&mut h);
        Key {
            name: chunk.doc.name.clone(),
            bytes: chunk.offset.bytes,
            lines: chunk.offset.lines,
            start: chunk.doc.start,
            len: chunk.doc.text.len(),
            hash: h.finish(),
        }
    }
}

/// The spool and where each chunk's record lies in it.
#[derive(Debug)]
struct Store {
    spool: SpooledTempFile,
    end: u64,
    index: HashMap<Key, (u64, usize)>,
    /// Writing failed once: nothing more is kept (readings parse in full).
    broken: bool,
}

/// The prose sources of the chunks read so far, for the readings that follow.
#[derive(Debug)]
pub(crate) struct ProseMemo {
    store: Mutex<Store>,
    seed: foldhash::fast::RandomState,
    /// Chunks recalled (for tests).
    #[cfg(test)]
    recalled: AtomicUsize,
}

impl Default for ProseMemo {
    fn default() -> Self {
        ProseMemo {
            seed: foldhash::fast::RandomState::default(),
            store: Mutex::new(Store {
                spool: crate::spool::spool(),
                end: 0,
                index: HashMap::new(),
                broken: false,
            }),
            #[cfg(test)]
            recalled: AtomicUsize::new(0),
        }
    }
}

impl ProseMemo {
    /// Keep the attributions of `articles`, the articles parsed from `chunk`.
    pub(crate) fn keep(&self, chunk: &Chunk, articles: &[Article]) {
        let key = Key::of(chunk, &self.seed);
        let mut buf = Vec::new();
        encode(articles, &mut buf);
        let Ok(mut store) = self.store.lock() else {
            return;
        };
        if store.broken || store.index.contains_key(&key) {
            return;
        }
        let at = store.end;
        if store.spool.seek(SeekFrom::Start(at)).is_err() || store.spool.write_all(&buf).is_err() {
            store.broken = true;
            return;
        }
        store.end += buf.len() as u64;
        store.index.insert(key, (at, buf.len()));
    }

    /// The attributions of each article of `chunk`, in input coordinates, when an earlier
    /// reading kept them.
    pub(crate) fn recall(&self, chunk: &Chunk) -> Option<Vec<Vec<Attribution>>> {
        let key = Key::of(chunk, &self.seed);
        let mut buf;
        {
            let mut store = self.store.lock().ok()?;
            let (at, len) = *store.index.get(&key)?;
            buf = vec![0; len];
            store.spool.seek(SeekFrom::Start(at)).ok()?;
            store.spool.read_exact(&mut buf).ok()?;
        }
        let known = decode(&buf)?;
        #[cfg(test)]
        self.recalled.fetch_add(1, Ordering::Relaxed);
        Some(known)
    }

    /// How many chunks are kept.
    #[cfg(test)]
    pub(crate) fn kept(&self) -> usize {
        self.store.lock().map_or(0, |s| s.index.len())
    }

    /// How many chunks were recalled so far.
    #[cfg(test)]
    pub(crate) fn recalled(&self) -> usize {
        self.recalled.load(Ordering::Relaxed)
    }
}

/// Append `n` as a variable-length integer (seven bits a byte, low bits first).
fn put_num(out: &mut Vec<u8>, mut n: usize) {
    while n >= 0x80 {
        out.push((n as u8 & 0x7f) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

fn put_str(out: &mut Vec<u8>, s: &str) {
    put_num(out, s.len());
    out.extend_from_slice(s.as_bytes());
}

fn put_opt_str(out: &mut Vec<u8>, s: Option<&str>) {
    match s {
        None => out.push(0),
        Some(s) => {
            out.push(1);
            put_str(out, s);
        }
    }
}

fn put_span(out: &mut Vec<u8>, s: Span) {
    put_num(out, s.start);
    put_num(out, s.end);
}

/// The code of a source type (every type has one: the match has no default arm).
fn kind_code(k: SourceType) -> u8 {
    match k {
        SourceType::Outlet => 0,
        SourceType::Person => 1,
        SourceType::OfficialBody => 2,
        SourceType::Anonymous => 3,
        SourceType::Vague => 4,
        SourceType::Document => 5,
        SourceType::SelfRef => 6,
    }
}

fn kind_of(code: u8) -> Option<SourceType> {
    Some(match code {
        0 => SourceType::Outlet,
        1 => SourceType::Person,
        2 => SourceType::OfficialBody,
        3 => SourceType::Anonymous,
        4 => SourceType::Vague,
        5 => SourceType::Document,
        6 => SourceType::SelfRef,
        _ => return None,
    })
}

/// The attributions of every article of a chunk, as bytes.
fn encode(articles: &[Article], out: &mut Vec<u8>) {
    put_num(out, articles.len());
    for a in articles {
        put_num(out, a.attributions.len());
        for x in &a.attributions {
            // Every field by name: a field added to the model fails to compile here
            // until it is kept too.
            let Attribution {
                paragraph,
                line,
                column,
                span,
                text,
                kind,
                canonical,
                cue,
                citing,
                refers_to,
            } = x;
            put_num(out, *paragraph);
            put_num(out, *line);
            put_num(out, *column);
            put_span(out, *span);
            put_str(out, text);
            out.push(kind_code(*kind));
            put_opt_str(out, canonical.as_deref());
            put_str(out, cue);
            put_opt_str(out, citing.as_deref());
            match refers_to {
                None => out.push(0),
                Some(Antecedent {
                    text,
                    span,
                    line,
                    column,
                }) => {
                    out.push(1);
                    put_str(out, text);
                    put_span(out, *span);
                    put_num(out, *line);
                    put_num(out, *column);
                }
            }
        }
    }
}

/// Reads what [`encode`] wrote.
struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn byte(&mut self) -> Option<u8> {
        let b = *self.b.get(self.at)?;
        self.at += 1;
        Some(b)
    }

    fn num(&mut self) -> Option<usize> {
        let mut n = 0usize;
        for shift in (0..usize::BITS).step_by(7) {
            let b = self.byte()?;
            let part = usize::from(b & 0x7f);
            // The last byte may hold only the bits left.
            if shift + 7 > usize::BITS && part >> (usize::BITS - shift) != 0 {
                return None;
            }
            n |= part << shift;
            if b & 0x80 == 0 {
                return Some(n);
            }
        }
        None
    }

    fn string(&mut self) -> Option<String> {
        let n = self.num()?;
        let s = self.b.get(self.at..self.at.checked_add(n)?)?;
        self.at += n;
        String::from_utf8(s.to_vec()).ok()
    }

    fn opt_string(&mut self) -> Option<Option<String>> {
        match self.byte()? {
            0 => Some(None),
            1 => self.string().map(Some),
            _ => None,
        }
    }

    fn span(&mut self) -> Option<Span> {
        Some(Span::new(self.num()?, self.num()?))
    }

    fn attribution(&mut self) -> Option<Attribution> {
        Some(Attribution {
            paragraph: self.num()?,
            line: self.num()?,
            column: self.num()?,
            span: self.span()?,
            text: self.string()?,
            kind: kind_of(self.byte()?)?,
            canonical: self.opt_string()?,
            cue: self.string()?,
            citing: self.opt_string()?,
            refers_to: match self.byte()? {
                0 => None,
                1 => Some(Antecedent {
                    text: self.string()?,
                    span: self.span()?,
                    line: self.num()?,
                    column: self.num()?,
                }),
                _ => return None,
            },
        })
    }
}

/// The attributions [`encode`] wrote, article by article; `None` for bytes it did not write.
fn decode(b: &[u8]) -> Option<Vec<Vec<Attribution>>> {
    let mut r = Reader { b, at: 0 };
    let n = r.num()?;
    // Every article takes at least a byte: a count beyond that is not ours.
    let mut out = Vec::with_capacity(n.min(b.len()));
    for _ in 0..n {
        let k = r.num()?;
        let mut xs = Vec::with_capacity(k.min(b.len()));
        for _ in 0..k {
            xs.push(r.attribution()?);
        }
        out.push(xs);
    }
    (r.at == b.len()).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::Document;
    use crate::stream::Offset;

    fn attribution(i: usize) -> Attribution {
        Attribution {
            paragraph: i,
            line: 1 + i * 1000,
            column: 7,
            span: Span::new(i * 300, i * 300 + 200),
            text: format!("Foreign Minister Ivanov ({i}) — “quoted”"),
            kind: kind_of((i % 7) as u8).expect("a code"),
            canonical: i.is_multiple_of(2).then(|| "Interfax".to_string()),
            cue: "said".to_string(),
            citing: i.is_multiple_of(3).then(|| "the ministry".to_string()),
            refers_to: (i % 2 == 1).then(|| Antecedent {
                text: "Igor Ivanov".to_string(),
                span: Span::new(usize::MAX - 5, usize::MAX),
                line: 3,
                column: 12,
            }),
        }
    }

    fn article(attributions: Vec<Attribution>) -> Article {
        let doc = Document::from_text("a.txt", "Troops moved (AFP, May 2).\n");
        let mut a = crate::parse::parse_document(
            &doc,
            crate::outlets::Outlets::builtin(),
            &Default::default(),
        )
        .remove(0);
        a.attributions = attributions;
        a
    }

    #[test]
    fn attributions_come_back_as_they_were() {
        let articles = vec![
            article((0..40).map(attribution).collect()),
            article(Vec::new()),
            article(vec![attribution(usize::MAX / 2000)]),
        ];
        let mut buf = Vec::new();
        encode(&articles, &mut buf);
        let back = decode(&buf).expect("decodes");
        let want: Vec<Vec<Attribution>> = articles.iter().map(|a| a.attributions.clone()).collect();
        assert_eq!(back, want);
        // Cut anywhere, or with bytes after it, it is refused.
        for cut in 0..buf.len() {
            assert_eq!(decode(&buf[..cut]), None, "cut at {cut}");
        }
        buf.push(0);
        assert_eq!(decode(&buf), None);
    }

    #[test]
    fn every_source_type_has_a_code() {
        for code in 0..=u8::MAX {
            if let Some(k) = kind_of(code) {
                assert_eq!(kind_code(k), code);
            }
        }
        assert_eq!((0..=u8::MAX).filter_map(kind_of).count(), 7);
    }

    #[test]
    fn a_chunk_is_recalled_only_with_the_same_text_and_place() {
        let chunk = |text: &str, bytes: usize| Chunk {
            doc: Document::from_text("in.txt", text),
            offset: Offset {
                bytes,
                ..Offset::default()
            },
            raw_len: text.len(),
            articles: None,
        };
        let memo = ProseMemo::default();
        let kept = chunk("The minister said so.\n", 0);
        let articles = vec![article(vec![attribution(1)])];
        memo.keep(&kept, &articles);
        assert_eq!(memo.recall(&kept), Some(vec![vec![attribution(1)]]));
        assert_eq!(memo.recall(&chunk("The minister said no.\n", 0)), None);
        assert_eq!(memo.recall(&chunk("The minister said so.\n", 5)), None);
        // Enough records to go past the spool's memory into its file.
        for i in 0..15_000 {
            memo.keep(&chunk("x\n", 10 + i), &articles);
        }
        assert_eq!(
            memo.recall(&chunk("x\n", 14_999)),
            Some(vec![vec![attribution(1)]])
        );
        assert_eq!(memo.recall(&kept), Some(vec![vec![attribution(1)]]));
    }

    #[test]
    fn html_of_one_text_on_other_lines_is_another_chunk() {
        use crate::markup::InputFormat;
        let html = |page: &str| {
            let doc = Document::from_text("page.html", page).read_as(InputFormat::Html);
            Chunk {
                raw_len: page.len(),
                doc,
                offset: Offset::default(),
                articles: None,
            }
        };
        let one_line =
            html("<p>Troops moved north, Interfax said. Igor Ivanov told reporters so.</p>\n");
        let two_lines =
            html("<p>Troops moved north, Interfax said. Igor Ivanov\ntold reporters so.</p>\n");
        assert_eq!(one_line.doc.text, two_lines.doc.text, "one text");
        let memo = ProseMemo::default();
        memo.keep(&one_line, &[article(vec![attribution(1)])]);
        assert!(memo.recall(&one_line).is_some());
        assert_eq!(memo.recall(&two_lines), None);
    }

    #[test]
    fn numbers_round_trip_and_overflow_is_refused() {
        for n in [0, 1, 127, 128, 300, u32::MAX as usize, usize::MAX] {
            let mut b = Vec::new();
            put_num(&mut b, n);
            let mut r = Reader { b: &b, at: 0 };
            assert_eq!(r.num(), Some(n));
            assert_eq!(r.at, b.len());
        }
        // Ten bytes whose last holds more than the one bit left.
        let mut b = vec![0xff; 9];
        b.push(0x02);
        assert_eq!(Reader { b: &b, at: 0 }.num(), None);
        // Eleven bytes: too long.
        let mut b = vec![0x80; 10];
        b.push(0);
        assert_eq!(Reader { b: &b, at: 0 }.num(), None);
    }
}
