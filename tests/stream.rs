//! Reading in chunks gives exactly what reading whole gives: the same articles, spans, lines
//! and indices, for every sample, a generated corpus and awkward inputs, at chunk sizes from
//! one byte up.

#[path = "../benches/support/corpus.rs"]
mod corpus;

use srcgraph::input::Document;
use srcgraph::model::Article;
use srcgraph::outlets::Outlets;
use srcgraph::parse::{ParseOptions, parse_document};
use srcgraph::stream::{ChunkError, ChunkReader, parse_chunk};

fn whole(bytes: &[u8]) -> Vec<Article> {
    let (doc, _) = Document::from_bytes("in.txt", bytes.to_vec()).expect("text input");
    parse_document(&doc, Outlets::builtin(), &ParseOptions::default())
}

fn chunked(bytes: &[u8], size: usize) -> (Vec<Article>, usize) {
    let mut r = ChunkReader::new("in.txt", bytes, size);
    let mut out = Vec::new();
    let mut chunks = 0;
    while let Some(c) = r.next_chunk().expect("readable") {
        chunks += 1;
        out.extend(parse_chunk(
            &c,
            Outlets::builtin(),
            &ParseOptions::default(),
        ));
    }
    (out, chunks)
}

fn assert_same(name: &str, bytes: &[u8]) {
    let want = whole(bytes);
    for size in [1, 7, 100, 4096, 1 << 20] {
        let (got, _) = chunked(bytes, size);
        assert_eq!(
            got.len(),
            want.len(),
            "{name}: article count at chunk size {size}"
        );
        for (g, w) in got.iter().zip(&want) {
            assert_eq!(g, w, "{name}: article {} at chunk size {size}", w.index);
        }
    }
}

#[test]
fn samples_read_in_chunks_parse_as_whole() {
    let mut n = 0;
    for e in std::fs::read_dir("samples").expect("samples dir") {
        let p = e.expect("entry").path();
        if p.extension().is_some_and(|x| x == "txt") {
            assert_same(
                &p.display().to_string(),
                &std::fs::read(&p).expect("sample"),
            );
            n += 1;
        }
    }
    assert!(n >= 7, "samples found: {n}");
}

#[test]
fn generated_corpus_reads_in_many_chunks() {
    let text = corpus::corpus(7, 60);
    assert_same("corpus", text.as_bytes());
    let (articles, chunks) = chunked(text.as_bytes(), 16 << 10);
    assert_eq!(articles.len(), 60);
    assert!(chunks > 5, "{chunks} chunks");
}

#[test]
fn awkward_inputs_read_in_chunks_parse_as_whole() {
    let cases: &[(&str, &[u8])] = &[
        ("bom", "\u{FEFF}Publication: Monitor Volume: 7 Issue: 1\n\nA (AFP, April 2).\n\nPublication: Monitor Volume: 7 Issue: 2\n\nB (Kyodo, April 3).\n".as_bytes()),
        ("crlf", b"TITLE ONE\r\n\r\nPublication: Monitor Volume: 7 Issue: 1\r\n\r\nA (AFP, April 2).\r\n\r\nTITLE TWO\r\n\r\nPublication: Monitor Volume: 7 Issue: 2\r\n\r\nB (Kyodo,\r\nApril 3).\r\n"),
        ("lone-cr", b"Publication: Monitor Volume: 7 Issue: 1\r\rA (AFP, April 2).\r\rPublication: Monitor Volume: 7 Issue: 2\r\rB (Kyodo, April 3).\r"),
        ("form-feeds", b"First (AFP, April 2).\n\x0c\nSecond (Kyodo, April 3).\n\x0cThird (TASS, May 1).\n"),
        ("invalid-utf8", b"Publication: Monitor Volume: 7 Issue: 1\n\nA \xff\xfe (AFP, April 2).\n\nPublication: Monitor Volume: 7 Issue: 2\n\nB \xc3 (Kyodo, April 3).\n"),
        ("no-final-newline", b"Intro paragraph of its own.\n\nPublication: Monitor Volume: 7 Issue: 1\n\nA (AFP, April 2)."),
        ("unbalanced", b"Publication: Monitor Volume: 7 Issue: 1\n\nA (AFP, April 2.\n\nPublication: Monitor Volume: 7 Issue: 2\n\nB) (Kyodo, April 3).\n"),
        ("blank-only", b"\n\n \n\t\n"),
        ("empty", b""),
    ];
    for (name, bytes) in cases {
        assert_same(name, bytes);
    }
}

#[test]
fn invalid_utf8_is_counted_once_across_chunks() {
    let bytes = b"Publication: Monitor Volume: 7 Issue: 1\n\nA \xff (AFP, April 2).\n\nPublication: Monitor Volume: 7 Issue: 2\n\nB \xff (Kyodo, April 3).\n";
    let mut r = ChunkReader::new("in.txt", &bytes[..], 8);
    while r.next_chunk().expect("readable").is_some() {}
    let w = r.invalid_utf8().expect("a warning").to_string();
    assert!(w.contains("byte 43") && w.contains("2 sequences"), "{w}");
}

#[test]
fn binary_data_is_refused_or_cut() {
    let mut r = ChunkReader::new("bin", &b"abc\0def"[..], 1 << 10);
    let e = r.next_chunk().expect_err("binary");
    assert!(
        matches!(
            e,
            ChunkError::Binary {
                offset: 3,
                skipped_all: true
            }
        ),
        "{e}"
    );
    assert!(r.next_chunk().expect("finished").is_none());

    // A NUL after the first block: the articles before it are read, then an error.
    let mut text = corpus::corpus(3, 20).into_bytes();
    let at = text.len() - 10;
    text[at] = 0;
    let mut r = ChunkReader::new("late", &text[..], 4096);
    let mut articles = 0;
    let err = loop {
        match r.next_chunk() {
            Ok(Some(c)) => {
                articles += parse_chunk(&c, Outlets::builtin(), &ParseOptions::default()).len()
            }
            Ok(None) => panic!("the NUL went unnoticed"),
            Err(e) => break e,
        }
    };
    assert_eq!(articles, 20);
    assert!(
        matches!(
            err,
            ChunkError::Binary {
                skipped_all: false,
                ..
            }
        ),
        "{err}"
    );
    assert!(err.to_string().contains("the rest of the input is skipped"));
}
