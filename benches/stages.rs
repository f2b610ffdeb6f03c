//! Each pipeline stage on generated bulletin corpora from 16 KB to 50 MB (`cargo bench
//! --bench stages`): parse, claims, graph build, analysis, JSON Lines and DOT writing,
//! reading parsed articles back, and judging a whole input in one pass. Throughput (bytes
//! of input per second) must stay flat as the size grows — linear time; figures in
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

const SIZES: &[usize] = &[16 << 10, 256 << 10, 1 << 20, 8 << 20, 50 << 20];

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
fn claims(bencher: divan::Bencher, size: usize) {
    let d = doc(size);
    let articles = parse_document(&d, Outlets::builtin(), &ParseOptions::default());
    bencher
        .counter(divan::counter::BytesCount::new(d.text.len()))
        .bench(|| {
            articles
                .iter()
                .map(|a| segment_claims(a, &d.text, &d.lines, Scope::Run).len())
                .sum::<usize>()
        });
}

/// `parse --format jsonl`'s writing: every article as a line of JSON.
#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn jsonl(bencher: divan::Bencher, size: usize) {
    let d = doc(size);
    let articles = parse_document(&d, Outlets::builtin(), &ParseOptions::default());
    bencher
        .counter(divan::counter::BytesCount::new(d.text.len()))
        .bench(|| {
            let mut out = Vec::with_capacity(d.text.len() * 4);
            for a in &articles {
                srcgraph::export::json::write_jsonl_article(&mut out, a).expect("in memory");
            }
            out.len()
        });
}

/// `--from-parsed`'s reading: articles with their text read back from JSON Lines into
/// chunks (throughput in bytes of the text they were parsed from).
#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn read_parsed(bencher: divan::Bencher, size: usize) {
    use srcgraph::judge::{ChunkSource, Pass};
    use srcgraph::parsed::{ParsedInput, Place, keep_text};
    let d = doc(size);
    let chunk = srcgraph::stream::Chunk {
        doc: d.clone(),
        offset: srcgraph::stream::Offset::default(),
        raw_len: d.text.len(),
        articles: None,
    };
    let mut articles = parse_document(&d, Outlets::builtin(), &ParseOptions::default());
    keep_text(&mut articles, &chunk);
    let mut jsonl = Vec::new();
    for a in &articles {
        srcgraph::export::json::write_jsonl_article(&mut jsonl, a).expect("in memory");
    }
    bencher
        .counter(divan::counter::BytesCount::new(d.text.len()))
        .bench(|| {
            let mut file = std::io::Cursor::new(&jsonl);
            let mut input: ParsedInput<_> =
                ParsedInput::open(&mut file, "bench.jsonl", Place::START).expect("in memory");
            let mut n = 0;
            input
                .each_chunk(Pass::Once, &mut |c| {
                    n += c.articles.map_or(0, |a| a.len());
                    Ok(())
                })
                .expect("in memory");
            n
        });
}

/// What `check -` does: the input read, parsed and judged in one pass, chunk by chunk.
#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn judge_one_pass(bencher: divan::Bencher, size: usize) {
    let d = doc(size);
    let p = srcgraph::pipeline::Pipeline::default();
    bencher
        .counter(divan::counter::BytesCount::new(d.text.len()))
        .bench(|| {
            let mut claims = 0;
            srcgraph::judge::judge_reader(&p, "bench.txt", d.text.as_bytes(), 500, |_, r| {
                claims += r.claims.len();
                Ok(())
            })
            .expect("in memory");
            claims
        });
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

/// What `graph` does: the input read twice in chunks (learnt, then judged) and its DOT
/// written chunk by chunk in bounded memory.
#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn graph_streamed(bencher: divan::Bencher, size: usize) {
    use srcgraph::context::{ChunkJudge, InputContext};
    use srcgraph::export::dot::DotWriter;
    use srcgraph::export::streamed::{ClaimFilter, StreamedGraph};
    use srcgraph::judge::{Judging, ReaderSource};
    let d = doc(size);
    let p = srcgraph::pipeline::Pipeline::default();
    bencher
        .counter(divan::counter::BytesCount::new(d.text.len()))
        .bench(|| {
            let mut out = std::io::sink();
            let sink = Box::new(DotWriter::new(&mut out, DotOptions::default()).expect("sink"));
            let mut graph = StreamedGraph::new(sink, ClaimFilter::default());
            let mut judging = Judging::new(&p);
            let mut ctx = InputContext::new();
            let mut src = ReaderSource::new("bench.txt", d.text.as_bytes());
            judging.learn(&mut src, &mut ctx).expect("in memory");
            loop {
                let mut judge = ChunkJudge::new(&ctx);
                let mut src = ReaderSource::new("bench.txt", d.text.as_bytes());
                judging
                    .judge(&mut src, &mut judge, |_, r| {
                        graph.read(r).map_err(srcgraph::judge::JudgeError::from)
                    })
                    .expect("in memory");
                if !graph.end_reading(&ctx).expect("no focus") {
                    break;
                }
            }
            graph.finish(&ctx).expect("in memory");
        });
}
