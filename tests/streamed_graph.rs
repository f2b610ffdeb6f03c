//! The graph of an input streamed chunk by chunk ([`StreamedGraph`]) is byte for byte the
//! graph of the whole input, in every format: DOT as graphviz-rust's printer prints the
//! whole graph's statements (and its parser reads it back), node-link JSON as serde_json
//! prints the whole document, GraphML, GEXF and CSV as their writers write the whole
//! table; for every sample, cross-references and relays across chunks, generated corpora
//! of several sizes, at chunk sizes from one article up, with and without a verdict
//! selection, dates as labels or nodes, legend or not.

#[path = "../benches/support/corpus.rs"]
mod corpus;
mod support {
    pub(crate) mod chunked;
}

use srcgraph::analyze::Verdict;
use srcgraph::context::{ChunkJudge, Judge};
use srcgraph::export::dot::{DateMode, DotOptions, DotWriter, print_dot, to_dot_with_ids};
use srcgraph::export::sink::{CsvSink, GraphSink, TableFormat, TableSink, write_graph};
use srcgraph::export::streamed::{ClaimFilter, StreamedGraph};
use srcgraph::export::table::{GraphTable, node_ids};
use srcgraph::graph::select;
use srcgraph::input::Document;
use srcgraph::pipeline::Pipeline;
use support::chunked::{chunks, first_difference, learned, with_samples};

/// A selection: claims of these verdicts (all when empty), outlets cited by at least so
/// many of them, what lies within so many edges of a node.
type Sel<'a> = (&'a [Verdict], Option<usize>, Option<(&'a str, usize)>);

/// The output formats compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Out {
    Dot(DotOptions),
    Json,
    Graphml,
    Gexf,
    Csv,
}

/// A sink writing `out` into `buf` (CSV: into `dir`).
fn sink<'w>(out: Out, buf: &'w mut Vec<u8>, dir: &std::path::Path) -> Box<dyn GraphSink + 'w> {
    match out {
        Out::Dot(opts) => Box::new(DotWriter::new(buf, opts).expect("opened")),
        Out::Json => Box::new(TableSink::new(buf, TableFormat::NodeLink)),
        Out::Graphml => Box::new(TableSink::new(buf, TableFormat::Graphml)),
        Out::Gexf => Box::new(TableSink::new(buf, TableFormat::Gexf)),
        Out::Csv => Box::new(CsvSink::create(dir).expect("created")),
    }
}

/// What `out` wrote: the buffer, or both CSV files.
fn written(out: Out, buf: Vec<u8>, dir: &std::path::Path) -> String {
    if out == Out::Csv {
        let read = |f: &str| std::fs::read_to_string(dir.join(f)).expect("CSV written");
        return format!("{}\n{}", read("nodes.csv"), read("edges.csv"));
    }
    String::from_utf8(buf).expect("UTF-8")
}

/// `out` of the whole graph of `text`, claims of `verdicts` only (all when empty), node ids
/// those of the graph before the selection.
fn whole(p: &Pipeline<'_>, text: &str, sel: Sel<'_>, out: Out) -> String {
    let (verdicts, min_claims, focus) = sel;
    let a = p.run(&[Document::from_text("in.txt", text)]);
    let mut g = a.graph;
    let ids = node_ids(&g);
    if let Some((name, depth)) = focus {
        let n = select::find_node(&g, p.outlets, name).expect("the focus is in the input");
        select::neighbourhood(&mut g, n, depth);
    }
    if !verdicts.is_empty() {
        let report = &a.report;
        select::claims_where(&mut g, |n| {
            report
                .claim(n)
                .is_some_and(|c| verdicts.contains(&c.corroboration.verdict))
        });
    }
    if let Some(min) = min_claims {
        select::outlets_with_claims(&mut g, min);
    }
    let dir = tempfile::tempdir().expect("temporary directory");
    let mut buf = Vec::new();
    write_graph(sink(out, &mut buf, dir.path()), &g, &ids, &a.report).expect("written");
    let text = written(out, buf, dir.path());
    // The printers the writers stand in for write the same bytes.
    match out {
        Out::Dot(opts) => {
            let printed = print_dot(&to_dot_with_ids(&g, &ids, &a.report, &opts));
            assert_eq!(text, printed, "graphviz-rust's printer");
        }
        Out::Json => {
            let t = GraphTable::with_ids(&g, &ids, &a.report);
            let doc = serde_json::json!({
                "directed": true,
                "multigraph": true,
                "graph": {"generator": "srcgraph", "version": 1},
                "nodes": t.nodes,
                "links": t.edges,
            });
            let mut printed = serde_json::to_string_pretty(&doc).expect("JSON");
            printed.push('\n');
            assert_eq!(text, printed, "serde_json's printer of the whole document");
        }
        _ => {}
    }
    text
}

/// `out` of `text` streamed in chunks of `size` bytes, judged in two passes.
fn streamed(p: &Pipeline<'_>, text: &str, size: usize, sel: Sel<'_>, out: Out) -> String {
    let (verdicts, min_claims, focus) = sel;
    let ctx = learned(p, text, size);
    let dir = tempfile::tempdir().expect("temporary directory");
    let mut buf = Vec::new();
    let filter = ClaimFilter {
        verdicts: verdicts.to_vec(),
        min_claims,
    };
    let mut g = StreamedGraph::new(sink(out, &mut buf, dir.path()), filter);
    if let Some((name, depth)) = focus {
        g = g.focus(name, depth, p.outlets);
    }
    loop {
        let mut judge = ChunkJudge::new(&ctx);
        for (_, a, cl) in chunks(p, text, size) {
            g.read(judge.judge(p, a, cl)).expect("read");
        }
        if !g.end_reading(&ctx).expect("the focus is in the input") {
            break;
        }
    }
    g.finish(&ctx).expect("finished");
    written(out, buf, dir.path())
}

fn texts() -> Vec<(String, String)> {
    with_samples(vec![
        ("xref".to_string(), XREF.to_string()),
        ("corpus 20".to_string(), corpus::corpus(5, 20)),
        ("corpus 70".to_string(), corpus::corpus(9, 70)),
        ("dated 80".to_string(), corpus::corpus_with(6, 80, true)),
    ])
}

/// Each case: `out` of every text, streamed at every chunk size, equals the whole graph's.
fn assert_streams_as_whole(cases: &[(Out, Sel<'_>)], date_nodes: bool) {
    let p = Pipeline {
        date_nodes,
        ..Pipeline::default()
    };
    for (name, text) in texts() {
        for &(out, sel) in cases {
            let want = whole(&p, &text, sel, out);
            for size in [1, 300, 1 << 20] {
                let got = streamed(&p, &text, size, sel, out);
                assert!(
                    got == want,
                    "{name}: {out:?}, chunk size {size}, {sel:?}: {}",
                    first_difference(&got, &want)
                );
            }
            if let Out::Dot(_) = out {
                graphviz_rust::parse(&want)
                    .unwrap_or_else(|e| panic!("{name}: graphviz-rust cannot read it: {e}"));
            }
        }
    }
}

#[test]
fn streamed_dot_is_the_whole_graphs_dot() {
    let dot = DotOptions::default();
    let bare = DotOptions {
        legend: false,
        ..dot
    };
    assert_streams_as_whole(
        &[
            (Out::Dot(dot), (&[], None, None)),
            (Out::Dot(dot), (&[Verdict::SingleSource], None, None)),
            (
                Out::Dot(dot),
                (&[Verdict::Corroborated, Verdict::Unsourced], None, None),
            ),
            (Out::Dot(dot), (&[], Some(2), None)),
            (Out::Dot(dot), (&[Verdict::Corroborated], Some(3), None)),
            (Out::Dot(bare), (&[], None, None)),
        ],
        false,
    );
    let nodes = DotOptions {
        dates: DateMode::Nodes,
        ..dot
    };
    assert_streams_as_whole(
        &[(Out::Dot(nodes), (&[Verdict::SingleSource], None, None))],
        true,
    );
}

#[test]
fn streamed_tables_are_the_whole_graphs_tables() {
    assert_streams_as_whole(
        &[
            (Out::Json, (&[], None, None)),
            (Out::Json, (&[Verdict::SingleSource], Some(2), None)),
            (Out::Graphml, (&[], None, None)),
            (Out::Gexf, (&[Verdict::Corroborated], None, None)),
            (Out::Csv, (&[], None, None)),
        ],
        false,
    );
}

#[test]
fn streamed_focus_is_the_whole_graphs_neighbourhood() {
    let p = Pipeline::default();
    let corpus = corpus::corpus(9, 70);
    let seed = std::fs::read_to_string("samples/seed.txt").expect("seed");
    let dot = Out::Dot(DotOptions::default());
    let cases: Vec<(&str, &str, Sel<'_>, Out)> = vec![
        ("xref", XREF, (&[], None, Some(("Interfax", 0))), dot),
        ("xref", XREF, (&[], None, Some(("Interfax", 1))), dot),
        ("xref", XREF, (&[], None, Some(("Interfax", 2))), Out::Json),
        ("xref", XREF, (&[], None, Some(("Zerkalo", 4))), dot),
        ("xref", XREF, (&[], None, Some(("in.txt#2", 1))), dot),
        ("xref", XREF, (&[], None, Some(("in.txt#5", 3))), dot),
        ("xref", XREF, (&[], None, Some(("in.txt:11", 2))), dot),
        ("xref", XREF, (&[], None, Some(("A spokesman", 1))), dot),
        (
            "xref",
            XREF,
            (&[Verdict::SingleSource], None, Some(("Interfax", 2))),
            dot,
        ),
        (
            "xref",
            XREF,
            (&[], Some(2), Some(("Interfax", 3))),
            Out::Csv,
        ),
        ("corpus", &corpus, (&[], None, Some(("Interfax", 2))), dot),
        (
            "corpus",
            &corpus,
            (&[], None, Some(("in.txt#7", 3))),
            Out::Gexf,
        ),
        ("corpus", &corpus, (&[], None, Some(("in.txt:40", 4))), dot),
        ("seed", &seed, (&[], None, Some(("Kyodo", 2))), dot),
    ];
    for (name, text, sel, out) in cases {
        // A name the whole graph cannot find is no case: the search must fail alike.
        let g = p.run(&[Document::from_text("in.txt", text)]).graph;
        let focus = sel.2.expect("a focus");
        if select::find_node(&g, p.outlets, focus.0).is_none() {
            assert!(
                std::panic::catch_unwind(|| streamed(&p, text, 1 << 20, sel, out)).is_err(),
                "{name}: {focus:?} found when streamed only"
            );
            continue;
        }
        let want = whole(&p, text, sel, out);
        for size in [1, 300, 1 << 20] {
            let got = streamed(&p, text, size, sel, out);
            assert!(
                got == want,
                "{name}: {out:?}, chunk size {size}, {sel:?}: {}",
                first_difference(&got, &want)
            );
        }
    }
}

#[test]
fn the_cases_exercise_what_they_are_meant_to() {
    let p = Pipeline::default();
    let opts = DotOptions::default();
    // Cross-references to an issue in the input, relays written with the shared part.
    let dot = whole(&p, XREF, (&[], None, None), Out::Dot(opts));
    assert!(dot.contains("label=\"see 2009-01-20\""), "{dot}");
    assert!(dot.contains("relays ×2"), "{dot}");
    // A selection keeps ids: the corroborated claims of the seed keep theirs.
    let seed = std::fs::read_to_string("samples/seed.txt").expect("seed");
    let all = whole(&p, &seed, (&[], None, None), Out::Dot(opts));
    let some = whole(
        &p,
        &seed,
        (&[Verdict::Corroborated], None, None),
        Out::Dot(opts),
    );
    let claim_ids = |dot: &str| -> Vec<String> {
        dot.lines()
            .filter_map(|l| l.trim().strip_prefix('c'))
            .filter_map(|l| l.split('[').next())
            .map(str::to_string)
            .collect()
    };
    let (a, s) = (claim_ids(&all), claim_ids(&some));
    assert!(!s.is_empty() && s.len() < a.len(), "{s:?} of {a:?}");
    assert!(s.iter().all(|id| a.contains(id)));
    assert_ne!(
        s,
        (0..s.len()).map(|i| i.to_string()).collect::<Vec<_>>(),
        "ids renumbered after the selection"
    );
    // An article cross-referenced by a kept claim, none of its own kept, is still drawn.
    let only = whole(
        &p,
        XREF,
        (&[Verdict::Corroborated], None, None),
        Out::Dot(opts),
    );
    assert!(only.contains("subgraph cluster_a4"), "{only}");
    assert!(!only.contains("Grain prices rose"), "{only}");
}

const XREF: &str = "Publication: Eurasia Daily Monitor Volume: 6 Issue: 10 Date: 2009-01-15

The grain deal stalled, as reported earlier (see EDM, January 20). Officials in Minsk were silent (Interfax, January 14).

Publication: Eurasia Daily Monitor Volume: 6 Issue: 12 Date: 2009-01-20

Power talks resumed in Riga (Kommersant, January 19; Reuters, January 19). A second round was set (Zerkalo, January 18, as cited by Interfax).

Publication: Eurasia Daily Monitor Volume: 6 Issue: 14 Date: 2009-01-23

The talks collapsed (see EDM, January 20, 15; Interfax, January 22). Ivanov told Interfax that the deal was dead. A spokesman told Interfax that it was not. Riga denied it (ZERKALO, January 22).

Publication: Eurasia Daily Monitor Volume: 6 Issue: 15 Date: 2009-01-26

Nothing new (see EDM, January 23). Zerkalo relayed Interfax again (Interfax, January 25, as cited by Zerkalo; Zerkalo, January 24, as cited by Interfax).

Publication: Eurasia Daily Monitor Volume: 6 Issue: 16 Date: 2009-01-29

Grain prices rose (Trud, January 28).

Publication: Eurasia Daily Monitor Volume: 6 Issue: 17 Date: 2009-01-30

Prices kept rising (see EDM, January 29; AFP, January 30).
";
