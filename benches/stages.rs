//! Each pipeline stage on generated bulletin corpora from 1 KB to 50 MB (`cargo bench
//! --bench stages`): parse, graph build, analysis and DOT writing. Throughput (bytes of
//! input per second) must stay flat as the size grows — linear time; figures in
//! docs/performance.md.

#[path = "support/corpus.rs"]
mod corpus;

use srcgraph::analyze::{Report, analyze};
use srcgraph::claims::segment_claims;
use srcgraph::export::dot::{DotOptions, print_dot, to_dot, write_dot};
use srcgraph::graph::{BuildOptions, SourceGraph, build};
use srcgraph::input::Document;
use srcgraph::model::Scope;
use srcgraph::outlets::Outlets;
use srcgraph::parse::{ParseOptions, parse_document};

fn main() {
    divan::main();
}

const SIZES: &[usize] = &[1 << 10, 32 << 10, 1 << 20, 8 << 20, 50 << 20];

fn doc(size: usize) -> Document {
    Document::from_text("bench.txt", corpus::corpus_of_size(1, size))
}

fn opts() -> BuildOptions<'static> {
    BuildOptions {
        outlets: Outlets::builtin(),
        scope: Scope::Run,
        date_nodes: false,
    }
}

#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn parse(bencher: divan::Bencher, size: usize) {
    let d = doc(size);
    bencher
        .counter(divan::counter::BytesCount::new(d.text.len()))
        .bench(|| parse_document(&d, Outlets::builtin(), &ParseOptions::default()).len());
}

fn parsed(
    size: usize,
) -> (
    Document,
    Vec<srcgraph::model::Article>,
    Vec<Vec<srcgraph::model::Claim>>,
) {
    let d = doc(size);
    let articles = parse_document(&d, Outlets::builtin(), &ParseOptions::default());
    let claims = articles
        .iter()
        .map(|a| segment_claims(a, &d.text, &d.lines, Scope::Run))
        .collect();
    (d, articles, claims)
}

#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn graph_build(bencher: divan::Bencher, size: usize) {
    let (d, articles, claims) = parsed(size);
    bencher
        .counter(divan::counter::BytesCount::new(d.text.len()))
        .bench(|| build(&articles, &claims, &opts()).graph.node_count());
}

#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn analysis(bencher: divan::Bencher, size: usize) {
    let (d, articles, claims) = parsed(size);
    let g = build(&articles, &claims, &opts());
    bencher
        .counter(divan::counter::BytesCount::new(d.text.len()))
        .bench(|| analyze(&g, &articles).claims.len());
}

/// The corpus of `size` bytes, its graph and the graph's analysis: what DOT is written from.
fn analysed(size: usize) -> (Document, SourceGraph, Report) {
    let (d, articles, claims) = parsed(size);
    let g = build(&articles, &claims, &opts());
    let report = analyze(&g, &articles);
    (d, g, report)
}

#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn dot(bencher: divan::Bencher, size: usize) {
    let (d, g, report) = analysed(size);
    bencher
        .counter(divan::counter::BytesCount::new(d.text.len()))
        .bench(|| print_dot(&to_dot(&g, &report, &DotOptions::default())).len());
}

/// What the CLI does: statements made and printed in parallel blocks, streamed out.
#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn dot_streamed(bencher: divan::Bencher, size: usize) {
    let (d, g, report) = analysed(size);
    bencher
        .counter(divan::counter::BytesCount::new(d.text.len()))
        .bench(|| {
            let mut sink = std::io::sink();
            write_dot(&mut sink, &g, &report, &DotOptions::default()).map(|()| 0)
        });
}
