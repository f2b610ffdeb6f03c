//! Reading in chunks gives exactly what reading whole gives: the same articles, spans, lines
//! and indices, for every sample, a generated corpus and awkward inputs, at chunk sizes from
//! one byte up; and chunks judged in the context of their input give the verdicts of one
//! whole-input graph.

#[path = "../benches/support/corpus.rs"]
mod corpus;

use srcgraph::context::{Judge, OnePassCaveats};
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

/// Issues cross-referenced backwards, forwards and twice under one date, relays learnt
/// after the claims they bear on, one outlet spelt two ways.
const XREF: &str = r"Publication: Eurasia Daily Monitor Volume: 6 Issue: 10 Date: 2009-01-15

The pipeline deal stalled, as reported earlier (see EDM, January 20). Officials in Kyiv were silent (Interfax, January 14).

Publication: Eurasia Daily Monitor Volume: 6 Issue: 12 Date: 2009-01-20

Gas talks resumed in Moscow (Kommersant, January 19; Reuters, January 19). A second round was set (Zerkalo, January 18, as cited by Interfax).

Publication: Eurasia Daily Monitor Volume: 6 Issue: 12 Date: 2009-01-20

A second item of the same issue (UNIAN, January 19).

Publication: Eurasia Daily Monitor Volume: 6 Issue: 14 Date: 2009-01-23

The talks collapsed (see EDM, January 20, 15; Interfax, January 22). Ivanov told Interfax that the deal was dead. Kiev denied it (ZERKALO, January 22).

Publication: Eurasia Daily Monitor Volume: 6 Issue: 15 Date: 2009-01-26

Nothing new (see EDM, January 23). Zerkalo relayed Interfax again (Interfax, January 25, as cited by Zerkalo).
";

/// Claims and article summaries as JSON, outlet tallies (name, citations, claims, alone).
type Checked = (
    serde_json::Value,
    serde_json::Value,
    Vec<(String, usize, usize, usize)>,
);

fn whole_check(text: &str) -> Checked {
    let p = srcgraph::pipeline::Pipeline::default();
    let a = p.run(&[Document::from_text("in.txt", text)]);
    let claims = serde_json::to_value(&a.report.claims).expect("JSON");
    let articles = serde_json::to_value(&a.report.articles).expect("JSON");
    let mut outlets: Vec<_> = a
        .report
        .outlets
        .iter()
        .map(|o| {
            (
                o.outlet.clone(),
                o.citations,
                o.claims,
                o.sole_source_claims,
            )
        })
        .collect();
    outlets.sort();
    (claims, articles, outlets)
}

/// The parsed chunks of `text` read `size` bytes at a time (0: one article at a time).
fn parsed_parts(
    p: &srcgraph::pipeline::Pipeline<'_>,
    text: &str,
    size: usize,
) -> Vec<(
    Vec<srcgraph::model::Article>,
    Vec<Vec<srcgraph::model::Claim>>,
)> {
    let mut r = ChunkReader::new("in.txt", text.as_bytes(), size.max(1));
    let mut parts = Vec::new();
    while let Some(mut c) = r.next_chunk().expect("readable") {
        parts.push(p.read_chunk(&mut c));
    }
    if size == 0 {
        parts = parts
            .into_iter()
            .flat_map(|(a, cl)| a.into_iter().zip(cl).map(|(a, c)| (vec![a], vec![c])))
            .collect();
    }
    parts
}

/// Claims, article summaries and outlet tallies of chunk reports, in order.
fn tally(reports: impl IntoIterator<Item = srcgraph::context::ChunkReport>) -> Checked {
    let (mut claims, mut articles) = (Vec::new(), Vec::new());
    let mut outlets: std::collections::BTreeMap<String, (usize, usize, usize)> = Default::default();
    for report in reports {
        claims.extend(report.claims);
        articles.extend(report.articles);
        for o in report.outlets {
            let t = outlets.entry(o.outlet).or_default();
            t.0 += o.citations;
            t.1 += o.claims;
            t.2 += o.sole_source_claims;
        }
    }
    (
        serde_json::to_value(&claims).expect("JSON"),
        serde_json::to_value(&articles).expect("JSON"),
        outlets
            .into_iter()
            .map(|(k, (a, b, c))| (k, a, b, c))
            .collect(),
    )
}

fn chunked_check(text: &str, size: usize) -> Checked {
    use srcgraph::context::{ChunkJudge, InputContext};
    use srcgraph::graph::{BuildOptions, build};
    let p = srcgraph::pipeline::Pipeline::default();
    let opts = BuildOptions {
        outlets: p.outlets,
        scope: p.scope,
        date_nodes: false,
    };
    let mut ctx = InputContext::new();
    for (a, cl) in parsed_parts(&p, text, size) {
        ctx.learn(&p, &a, &cl, &build(&a, &cl, &opts));
    }
    let mut judge = ChunkJudge::new(&ctx);
    let parts = parsed_parts(&p, text, size);
    tally(parts.into_iter().map(|(a, cl)| judge.judge(&p, a, cl)))
}

#[test]
fn chunks_judged_in_context_match_the_whole_input() {
    let mut texts = vec![
        ("xref".to_string(), XREF.to_string()),
        ("corpus".to_string(), corpus::corpus(5, 40)),
        ("dated".to_string(), corpus::corpus_with(6, 80, true)),
    ];
    for e in std::fs::read_dir("samples").expect("samples dir") {
        let p = e.expect("entry").path();
        texts.push((
            p.display().to_string(),
            std::fs::read_to_string(&p).expect("sample"),
        ));
    }
    for (name, text) in &texts {
        let want = whole_check(text);
        for size in [1, 300, 1 << 20] {
            let got = chunked_check(text, size);
            assert!(
                got.0 == want.0,
                "{name}: claims differ at chunk size {size}"
            );
            assert!(
                got.1 == want.1,
                "{name}: article summaries differ at chunk size {size}"
            );
            assert_eq!(
                got.2, want.2,
                "{name}: outlet summaries at chunk size {size}"
            );
        }
    }
    // The cases exercise what they are meant to.
    let (claims, _, _) = whole_check(&corpus::corpus_with(6, 80, true));
    assert!(claims.to_string().contains("inherits the sources of"));
    let (claims, _, _) = whole_check(XREF);
    let text = claims.to_string();
    assert!(
        text.contains("inherits the sources of Eurasia Daily Monitor 6/12"),
        "{text}"
    );
    assert!(text.contains("traced back to"), "{text}");
}

fn one_pass_check(text: &str, size: usize, held: usize) -> (Checked, OnePassCaveats) {
    use srcgraph::context::OnePassJudge;
    let p = srcgraph::pipeline::Pipeline::default();
    let mut judge = OnePassJudge::new(held);
    let parts = parsed_parts(&p, text, size);
    let checked = tally(parts.into_iter().map(|(a, cl)| judge.judge(&p, a, cl)));
    (checked, judge.caveats())
}

/// One pass gives the whole input's verdicts whenever it reports nothing it missed, and
/// counts what it missed: a forward cross-reference, a relay learnt late, an issue no longer
/// held.
#[test]
fn one_pass_equals_two_unless_it_says_what_it_missed() {
    let mut texts = vec![
        corpus::corpus(5, 40),
        corpus::corpus_with(6, 80, true),
        XREF.replace("(see EDM, January 20)", "(Itar-Tass, January 14)"),
    ];
    for e in std::fs::read_dir("samples").expect("samples dir") {
        texts.push(std::fs::read_to_string(e.expect("entry").path()).expect("sample"));
    }
    let mut clean = 0;
    for text in &texts {
        let want = whole_check(text);
        for size in [1, 300, 1 << 20] {
            let (got, caveats) = one_pass_check(text, size, 500);
            if caveats.is_empty() {
                clean += 1;
                assert!(
                    got == want,
                    "one pass differs at chunk size {size}:\n{text}"
                );
            }
        }
    }
    assert!(
        clean >= texts.len() * 3 - 6,
        "most inputs need nothing later: {clean}"
    );
    // XREF: issue 10 refers forward to January 20; issue 15 shows Zerkalo relaying
    // Interfax after issue 14 cited both in one claim.
    let (got, caveats) = one_pass_check(XREF, 0, 500);
    assert_eq!(caveats.forward_references, 1, "{caveats:?}");
    assert!(caveats.late_relays >= 1, "{caveats:?}");
    assert_eq!(caveats.dropped_references, 0);
    assert!(got.0 != whole_check(XREF).0);
    // Newest first, cross-references point forward.
    let newest_first = "Publication: Eurasia Daily Monitor Volume: 6 Issue: 14 Date: 2009-01-23

The talks collapsed, as reported (see EDM, January 20).

Publication: Eurasia Daily Monitor Volume: 6 Issue: 12 Date: 2009-01-20

Gas talks resumed in Moscow (Kommersant, January 19; Reuters, January 19).
";
    let whole = whole_check(newest_first).0;
    assert!(whole.to_string().contains("inherits the sources of"));
    let (got, caveats) = one_pass_check(newest_first, 0, 500);
    assert_eq!(caveats.forward_references, 1, "{caveats:?}");
    assert!(got.0 != whole);
    assert!(!got.0.to_string().contains("inherits the sources of"));
    // Holding one article drops the earlier issues issue 14 and 15 refer back to.
    let (_, caveats) = one_pass_check(XREF, 0, 1);
    assert!(caveats.dropped_references >= 2, "{caveats:?}");
    // A one-chunk read holds the chunk itself whatever `held` is.
    let (_, caveats) = one_pass_check(XREF, 1 << 20, 0);
    assert_eq!(caveats.forward_references, 0, "{caveats:?}");
}

/// The header pass gives each article as parsing does, without what is read from the text.
#[test]
fn article_heads_are_the_parsed_articles_without_their_text() {
    for text in [XREF.to_string(), corpus::corpus(9, 30)] {
        let doc = Document::from_text("in.txt", text);
        let parsed = parse_document(&doc, Outlets::builtin(), &ParseOptions::default());
        let heads = srcgraph::parse::article_heads(&doc);
        assert_eq!(heads.len(), parsed.len());
        for (h, mut a) in heads.into_iter().zip(parsed) {
            a.citations.clear();
            a.other_parentheses.clear();
            a.attributions.clear();
            a.diagnostics.clear();
            a.year = None;
            a.year_source = srcgraph::model::YearSource::Unknown;
            assert_eq!(h, a);
        }
    }
}

/// A graph built chunk by chunk (every article's node from the header pass, then contents)
/// prints the same DOT as one built from the whole input.
#[test]
fn graph_built_chunk_by_chunk_equals_one_build() {
    use srcgraph::export::dot::{DotOptions, print_dot, to_dot};
    use srcgraph::graph::{BuildOptions, GraphBuilder};
    let p = srcgraph::pipeline::Pipeline::default();
    for text in [XREF.to_string(), corpus::corpus(4, 30)] {
        let whole = p.run(&[Document::from_text("in.txt", text.as_str())]);
        let want = print_dot(&to_dot(&whole.graph, &whole.report, &DotOptions::default()));
        for size in [1, 500, 1 << 20] {
            let mut b = GraphBuilder::new(&BuildOptions {
                outlets: p.outlets,
                scope: p.scope,
                date_nodes: false,
            });
            let mut r = ChunkReader::new("in.txt", text.as_bytes(), size);
            while let Some(c) = r.next_chunk().expect("readable") {
                for h in srcgraph::stream::chunk_heads(&c) {
                    b.article_node(&h);
                }
            }
            let mut r = ChunkReader::new("in.txt", text.as_bytes(), size);
            while let Some(mut c) = r.next_chunk().expect("readable") {
                let (articles, claims) = p.read_chunk(&mut c);
                for (a, cl) in articles.iter().zip(&claims) {
                    b.article_content(a, cl);
                }
            }
            let g = b.finish();
            let report = srcgraph::analyze::analyze_brief(&g, &[]);
            assert!(
                print_dot(&to_dot(&g, &report, &DotOptions::default())) == want,
                "chunk size {size}"
            );
        }
    }
}
