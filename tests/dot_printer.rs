//! srcgraph's DOT writer ([`write_dot`], [`DotWriter`]) writes each statement's bytes itself
//! instead of through graphviz-rust's printer; these are the differential tests that let
//! it: on every sample, on generated corpora of several sizes, with every drawing of the
//! dates, legend or not, its output is byte for byte what graphviz-rust's printer prints
//! for the same statements ([`print_dot`] of [`to_dot`]), and graphviz-rust's parser reads
//! it back to the same statements. (Random statements are compared in the writer's own
//! unit tests.)

#[path = "../benches/support/corpus.rs"]
mod corpus;

use graphviz_rust::dot_structures::Graph;
use srcgraph::export::dot::{DateMode, DotOptions, print_dot, to_dot, write_dot};
use srcgraph::input::Document;
use srcgraph::pipeline::Pipeline;

fn options() -> [DotOptions; 3] {
    [
        DotOptions {
            legend: true,
            dates: DateMode::Labels,
        },
        DotOptions {
            legend: false,
            dates: DateMode::Nodes,
        },
        DotOptions {
            legend: true,
            dates: DateMode::None,
        },
    ]
}

/// The statements of a parsed graph.
fn statements(g: &Graph) -> usize {
    match g {
        Graph::Graph { stmts, .. } | Graph::DiGraph { stmts, .. } => stmts.len(),
    }
}

fn assert_written_as_printed(name: &str, docs: &[Document]) {
    let p = Pipeline {
        date_nodes: true,
        ..Pipeline::default()
    };
    let a = p.run(docs);
    for opts in options() {
        let mut written = Vec::new();
        write_dot(&mut written, &a.graph, &a.report, &opts).expect("written");
        let written = String::from_utf8(written).expect("UTF-8");
        let dot = to_dot(&a.graph, &a.report, &opts);
        let printed = print_dot(&dot);
        if written != printed {
            let at = written
                .bytes()
                .zip(printed.bytes())
                .position(|(x, y)| x != y)
                .unwrap_or(written.len().min(printed.len()));
            panic!(
                "{name} {opts:?}: first difference at byte {at}: {:?} against {:?}",
                &written[at.saturating_sub(40)..(at + 40).min(written.len())],
                &printed[at.saturating_sub(40)..(at + 40).min(printed.len())]
            );
        }
        let back = graphviz_rust::parse(&written).expect("graphviz-rust parses it");
        assert_eq!(statements(&back), statements(&dot), "{name} {opts:?}");
        assert_eq!(print_dot(&back), printed, "{name} {opts:?}: read back");
    }
}

#[test]
fn every_sample_is_written_as_graphviz_rust_prints_it() {
    let mut paths: Vec<_> = std::fs::read_dir("samples")
        .expect("samples")
        .map(|e| e.expect("entry").path())
        .collect();
    paths.sort();
    for path in &paths {
        let text = std::fs::read_to_string(path).expect("sample");
        let doc = Document::from_text(path.display().to_string(), text);
        assert_written_as_printed(&path.display().to_string(), &[doc]);
    }
}

#[test]
fn generated_corpora_are_written_as_graphviz_rust_prints_them() {
    for (seed, size) in [(1, 4 << 10), (2, 64 << 10), (3, 512 << 10)] {
        let text = corpus::corpus_of_size(seed, size);
        let doc = Document::from_text("corpus.txt", text);
        assert_written_as_printed(&format!("corpus {seed} of {size} bytes"), &[doc]);
    }
    let dated = Document::from_text("dated.txt", corpus::corpus_with(4, 60, true));
    assert_written_as_printed("dated corpus", &[dated]);
}
