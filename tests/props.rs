//! Property tests: for arbitrary and for near-valid citation text, parsing never panics,
//! every span lies inside the input on character boundaries, `raw` is the input slice,
//! parse → JSON → parse is stable, and the whole pipeline (claims, graph, DOT) holds up.

use proptest::prelude::*;
use srcgraph::export::dot::{DotOptions, print_dot, to_dot};
use srcgraph::input::Document;
use srcgraph::model::Article;
use srcgraph::outlets::Outlets;
use srcgraph::parse::{ParseOptions, parse_document};
use srcgraph::pipeline::Pipeline;

fn check_article_invariants(doc: &Document, articles: &[Article]) -> Result<(), TestCaseError> {
    let text = &doc.text;
    let ok = |s: srcgraph::span::Span| s.start <= s.end && text.get(s.start..s.end).is_some();
    for a in articles {
        prop_assert!(ok(a.span));
        for p in &a.paragraphs {
            prop_assert!(ok(*p) && a.span.contains(*p));
        }
        for c in &a.citations {
            prop_assert!(ok(c.span));
            prop_assert_eq!(c.span.slice(text), format!("({})", c.raw));
            for r in &c.refs {
                prop_assert!(ok(r.span) && c.span.contains(r.span));
                prop_assert!(r.relays.iter().all(|&i| i < c.refs.len()));
                for d in &r.dates {
                    prop_assert!(ok(d.span) && c.span.contains(d.span));
                }
            }
        }
        for p in &a.other_parentheses {
            prop_assert!(ok(p.span));
        }
        for d in &a.diagnostics {
            prop_assert!(ok(d.span));
        }
        let json = serde_json::to_string(a).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let back: Article =
            serde_json::from_str(&json).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&back, a);
    }
    Ok(())
}

const OUTLETS: &[&str] = &[
    "AFP",
    "Kyodo",
    "Interfax",
    "Russian agencies",
    "JoongAng Ilbo",
    "Itar-Tass",
    "Lenta.ru",
    "the Monitor",
    "Zolotoi Rog [Vladivostok]",
    "NTV",
    "Radio Liberty",
    "\"RFE/RL Newsline,\"",
    "Evil\"]; x",
    "",
];
const MONTHS: &[&str] = &["January", "April", "Sept.", "Nov", "March", "December"];

fn date() -> impl Strategy<Value = String> {
    (0..MONTHS.len(), 1u8..=31, 0u8..6, 1990u16..2010).prop_map(|(m, d, form, y)| {
        let m = MONTHS[m];
        match form {
            0 => format!("{m} {d}"),
            1 => format!("{d} {m}"),
            2 => format!("{m} {d}-{}", d.saturating_add(2)),
            3 => format!("{m} {d}, {y}"),
            4 => format!("{d} and {}", d.saturating_add(1)),
            _ => format!("{m} {d} through {}", d.saturating_add(3)),
        }
    })
}

fn group() -> impl Strategy<Value = String> {
    let part = (
        prop::option::of(prop_oneof![Just("see "), Just("see also ")]),
        prop::collection::vec(0..OUTLETS.len(), 0..3),
        prop::collection::vec(date(), 0..3),
        prop::option::of(prop_oneof![
            Just(", as cited by Interfax"),
            Just(", citing a report by the BBC")
        ]),
    )
        .prop_map(|(see, outlets, dates, relay)| {
            let mut items: Vec<String> = outlets.iter().map(|&i| OUTLETS[i].to_string()).collect();
            items.extend(dates);
            format!(
                "{}{}{}",
                see.unwrap_or(""),
                items.join(", "),
                relay.unwrap_or("")
            )
        });
    (
        prop::collection::vec(part, 1..4),
        prop_oneof![Just(""), Just("."), Just("\n")],
    )
        .prop_map(|(parts, end)| format!("({}{end})", parts.join("; ")))
}

fn near_valid_article() -> impl Strategy<Value = String> {
    let sentence = (
        "[A-Z][a-z]{2,8}( [a-z]{1,8}){0,6}",
        prop::option::of(group()),
        prop_oneof![
            Just(". "),
            Just(".\n\n"),
            Just(" "),
            Just("\r\n\r\n"),
            Just(") ("),
            Just("( ")
        ],
    )
        .prop_map(|(words, g, end)| {
            format!(
                "{words}{}{end}",
                g.map(|g| format!(" {g}")).unwrap_or_default()
            )
        });
    (1u32..20, 1u32..260, prop::collection::vec(sentence, 0..12)).prop_map(|(v, i, s)| {
        format!(
            "Publication: Monitor Volume: {v} Issue: {i}\n\n{}",
            s.concat()
        )
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_breaks_invariants(s in any::<String>()) {
        let doc = Document::from_text("p.txt", s);
        let arts = parse_document(&doc, Outlets::builtin(), &ParseOptions::default());
        check_article_invariants(&doc, &arts)?;
    }

    #[test]
    fn arbitrary_bytes_are_read_or_refused(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        if let Ok((doc, _)) = Document::from_bytes("b.txt", bytes) {
            let arts = parse_document(&doc, Outlets::builtin(), &ParseOptions::default());
            check_article_invariants(&doc, &arts)?;
        }
    }

    #[test]
    fn near_valid_citations_keep_invariants(s in near_valid_article()) {
        let doc = Document::from_text("n.txt", s);
        let arts = parse_document(&doc, Outlets::builtin(), &ParseOptions::default());
        check_article_invariants(&doc, &arts)?;
    }

    #[test]
    fn simple_groups_parse_exactly(o in 0..9usize, m in 0..MONTHS.len(), d in 1u8..=28) {
        let outlet = OUTLETS[o];
        let text = format!("Publication: Monitor Volume: 7 Issue: 79\n\nIt happened ({outlet}, {} {d}).\n", MONTHS[m]);
        let doc = Document::from_text("s.txt", text);
        let arts = parse_document(&doc, Outlets::builtin(), &ParseOptions::default());
        prop_assert_eq!(arts[0].citations.len(), 1);
        let r = &arts[0].citations[0].refs[0];
        prop_assert_eq!(&r.outlet, outlet);
        let date = r.dates[0].date.expect("resolves");
        prop_assert_eq!((date.month(), date.day()), ([1u8, 4, 9, 11, 3, 12][m], d));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn pipeline_and_dot_hold_up(s in prop_oneof![near_valid_article(), any::<String>()]) {
        let doc = Document::from_text("g.txt", s);
        let a = Pipeline::default().run(std::slice::from_ref(&doc));
        for c in &a.report.claims {
            prop_assert!(doc.text.get(c.span.start..c.span.end).is_some());
        }
        let dot = print_dot(&to_dot(&a.graph, &a.report, &DotOptions::default()));
        prop_assert!(graphviz_rust::parse(&dot).is_ok(), "DOT does not parse:\n{}", dot);
    }
}

const RELAY_OUTLETS: &[&str] = &[
    "Interfax",
    "Kommersant",
    "AFP",
    "Reuters",
    "NTV",
    "Izvestiya",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// The all-at-once relay index answers exactly as tracing one node at a time, on
    /// random relay graphs with chains, shared origins and circles.
    #[test]
    fn relay_index_agrees_with_tracing(pairs in prop::collection::vec((0..6usize, 0..6usize), 0..14)) {
        let mut text = String::from("Publication: Monitor Volume: 7 Issue: 1\n\n");
        for (a, b) in &pairs {
            text.push_str(&format!(
                "A claim ({}, May 2, as cited by {}).\n\n",
                RELAY_OUTLETS[*a], RELAY_OUTLETS[*b]
            ));
        }
        let g = Pipeline::default().graph_of_text("relays.txt", &text);
        let index = srcgraph::analyze::RelayRoots::new(&g);
        for n in g.outlet_nodes() {
            prop_assert_eq!(index.root(n), srcgraph::analyze::trace_root(&g, n));
        }
    }
}

/// Several articles with titles, form feeds, CR line ends and stray bytes between them.
fn near_valid_corpus() -> impl Strategy<Value = Vec<u8>> {
    let sep = prop_oneof![
        Just("\n\n"),
        Just("\n\nA TITLE\n\n"),
        Just("\n\x0c\n"),
        Just("\x0c"),
        Just("\r\n\r\n"),
        Just("\r\r"),
        Just("\n"),
    ];
    (
        prop::collection::vec((near_valid_article(), sep), 1..6),
        prop::option::of(any::<u8>()),
    )
        .prop_map(|(parts, stray)| {
            let mut out = Vec::new();
            for (a, s) in parts {
                out.extend_from_slice(a.as_bytes());
                out.extend_from_slice(s.as_bytes());
            }
            if let Some(b) = stray.filter(|&b| b != 0) {
                let at = out.len() / 2;
                out.insert(at, b);
            }
            out
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// Reading in chunks of any size gives the articles a whole read gives, byte for byte.
    #[test]
    fn chunked_reading_equals_whole_reading(bytes in near_valid_corpus(), size in 1usize..400) {
        use srcgraph::stream::{ChunkReader, parse_chunk};
        let whole = match Document::from_bytes("c.txt", bytes.clone()) {
            Ok((doc, _)) => parse_document(&doc, Outlets::builtin(), &ParseOptions::default()),
            Err(_) => return Ok(()),
        };
        let mut r = ChunkReader::new("c.txt", &bytes[..], size);
        let mut chunked = Vec::new();
        while let Some(c) = r.next_chunk().map_err(|e| TestCaseError::fail(e.to_string()))? {
            chunked.extend(parse_chunk(&c, Outlets::builtin(), &ParseOptions::default()));
        }
        prop_assert_eq!(chunked, whole);
    }
}

/// Text with plenty of markup characters, for the Markdown and HTML readers.
fn markup_soup() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            Just("<p>".to_string()),
            Just("</p>".to_string()),
            Just("<script>".to_string()),
            Just("</script>".to_string()),
            Just("<!--".to_string()),
            Just("-->".to_string()),
            Just("&amp;".to_string()),
            Just("&rsquo;".to_string()),
            Just("&#x1F600;".to_string()),
            Just("&".to_string()),
            Just("**".to_string()),
            Just("[a](b)".to_string()),
            Just("\n".to_string()),
            Just(" (Interfax, May 2) ".to_string()),
            any::<String>(),
        ],
        0..24,
    )
    .prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    /// Markup read as its text keeps every byte offset, and the whole pipeline runs on it
    /// with positions inside the file.
    #[test]
    fn markup_readers_keep_offsets(s in markup_soup()) {
        use srcgraph::markup::InputFormat;
        for format in [InputFormat::Markdown, InputFormat::Html] {
            let text = format.text_of(s.clone());
            prop_assert_eq!(text.len(), s.len());
            let doc = Document::from_text("m", s.clone()).read_as(format);
            let articles = parse_document(&doc, Outlets::builtin(), &ParseOptions::default());
            check_article_invariants(&doc, &articles)?;
            let lines = s.split('\n').count();
            for a in &articles {
                prop_assert!(a.line >= 1 && a.line <= lines.max(1));
            }
        }
    }
}
