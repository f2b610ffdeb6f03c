//! What the first reading of an input keeps of each chunk's parse for the readings after it:
//! its articles, with everything parsed from them, and their claims. Pass 2 of `check`,
//! `stats` and `graph` (and `graph`'s and `report`'s further readings) read each chunk's
//! text again, but take its parse from here instead of parsing it again: finding the sources
//! named in the prose takes more than half the time of parsing, reading the citations most
//! of the rest, and decoding a kept parse a tenth of either.
//!
//! Each chunk's parse is encoded compactly ([`codec`]) into a spool: in memory up to a
//! megabyte, then an unnamed temporary file ([`crate::spool`]) of about 1.2 times the input's
//! size. A
//! chunk is found again by its input's name, its place in the input and a hash of its text
//! (and of the file its lines are counted in, for HTML), so a chunk whose text changed
//! between readings, or that was never kept, is parsed in full. Nothing here can change a
//! result: a spool that cannot be written or read only means parsing again. Only chunks
//! parsed from text are kept (not articles read back parsed). The unit tests of `judge`
//! compare a pass 2 that recalls with one that parses everything; `tests/judge.rs` and
//! `tests/scale.rs` (the commands, at several chunk sizes and thread counts) compare
//! two-pass results with whole-input ones.

mod codec;

use crate::model::{Article, Claim};
use crate::stream::Chunk;
use std::collections::HashMap;
use std::hash::{BuildHasher, Hash, Hasher};
use std::io::{Read, Seek, SeekFrom, Write};
use std::sync::Mutex;
#[cfg(test)]
use std::sync::atomic::{AtomicUsize, Ordering};
use tempfile::SpooledTempFile;

/// Which chunk of which input: its name, place (the bytes, lines and articles before it),
/// size and a hash of its text and of the text its lines are counted in (an HTML file's
/// source, whose line breaks its text may not keep). The hash is seeded per memo
/// (foldhash's random state), so no text can be written to collide with another under it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Key {
    name: String,
    bytes: usize,
    lines: usize,
    /// Articles before the chunk: its articles' numbers (the chunks before it may split
    /// differently in another reading of a changing input, in as many bytes and lines).
    articles: usize,
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
            articles: chunk.offset.articles,
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

/// The parses of the chunks read so far, for the readings that follow.
#[derive(Debug)]
pub(crate) struct ParseMemo {
    store: Mutex<Store>,
    seed: foldhash::fast::RandomState,
    /// Chunks recalled (for tests).
    #[cfg(test)]
    recalled: AtomicUsize,
}

impl Default for ParseMemo {
    fn default() -> Self {
        ParseMemo {
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

impl ParseMemo {
    /// Keep `articles` and `claims`, the parse of `chunk` (in input coordinates).
    pub(crate) fn keep(&self, chunk: &Chunk, articles: &[Article], claims: &[Vec<Claim>]) {
        let key = Key::of(chunk, &self.seed);
        // A chunk's record is about its text's size: room for it at once, not by doubling.
        let text = chunk.doc.text.len();
        let mut buf = Vec::with_capacity(text + text / 2);
        codec::encode(articles, claims, &mut buf);
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

    /// The parse of `chunk` (its articles and their claims, in input coordinates), when an
    /// earlier reading kept it.
    pub(crate) fn recall(&self, chunk: &Chunk) -> Option<(Vec<Article>, Vec<Vec<Claim>>)> {
        let key = Key::of(chunk, &self.seed);
        let mut buf;
        {
            let mut store = self.store.lock().ok()?;
            let (at, len) = *store.index.get(&key)?;
            buf = vec![0; len];
            store.spool.seek(SeekFrom::Start(at)).ok()?;
            store.spool.read_exact(&mut buf).ok()?;
        }
        let known = codec::decode(&buf)?;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::Document;
    use crate::stream::Offset;

    /// The parse of `text` as pass 1 keeps it.
    fn parse(text: &str) -> (Vec<Article>, Vec<Vec<Claim>>) {
        crate::pipeline::Pipeline::default().read(&Document::from_text("in.txt", text))
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
        let memo = ParseMemo::default();
        let text = "The minister said so, Interfax reported (AFP, May 2).\n";
        let kept = chunk(text, 0);
        let (articles, claims) = parse(text);
        memo.keep(&kept, &articles, &claims);
        let want = Some((articles.clone(), claims.clone()));
        assert_eq!(memo.recall(&kept), want);
        assert_eq!(memo.recall(&chunk("The minister said no.\n", 0)), None);
        assert_eq!(memo.recall(&chunk(text, 5)), None);
        let mut later = chunk(text, 0);
        later.offset.articles = 1;
        assert_eq!(memo.recall(&later), None, "other article numbers");
        // Enough records to go past the spool's memory into its file.
        for i in 0..15_000 {
            memo.keep(&chunk("x\n", 10 + i), &articles, &claims);
        }
        assert_eq!(memo.recall(&chunk("x\n", 14_999)), want);
        assert_eq!(memo.recall(&kept), want);
        assert_eq!(memo.kept(), 15_001);
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
        let memo = ParseMemo::default();
        let (articles, claims) = parse(&one_line.doc.text);
        memo.keep(&one_line, &articles, &claims);
        assert!(memo.recall(&one_line).is_some());
        assert_eq!(memo.recall(&two_lines), None);
    }
}
