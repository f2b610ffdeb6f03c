//! Linear time on adversarial input: each case is parsed at growing sizes; the time per
//! byte must stay flat (`cargo bench --bench linear`; figures in docs/reliability.md).
//!
//! Cases are built to trigger the blow-ups a backtracking regex or a naive scanner would
//! show: deep nesting, floods of unbalanced parentheses, list markers, one huge group, a
//! paragraph of one line, long runs of dates and of outlet-like words, and a paragraph
//! dense with prose attributions. Two more cases time the analysis of many articles and the
//! findings `check` writes for every claim of a one-line paragraph.

use srcgraph::input::Document;
use srcgraph::outlets::Outlets;
use srcgraph::parse::{ParseOptions, parse_document};

fn main() {
    divan::main();
}

const SIZES: &[usize] = &[16 << 10, 64 << 10, 256 << 10, 1 << 20];

fn repeat_to(unit: &str, size: usize) -> String {
    unit.repeat(size / unit.len().max(1) + 1)
}

fn case(name: &str, size: usize) -> String {
    match name {
        "nested" => format!("{}x{}", "(".repeat(size / 2), ")".repeat(size / 2)),
        "unclosed" => repeat_to("( ", size),
        "unopened" => repeat_to(") ", size),
        "markers" => repeat_to("a 1) b 2) c 3) ", size),
        "huge_group" => format!("({})", repeat_to("Word, April 2; ", size)),
        "one_line" => repeat_to("word (AFP, April 2) ", size),
        "dates" => format!("(Interfax, {})", repeat_to("April 2 and 3, ", size)),
        "names" => format!("({}, April 2)", repeat_to("Aaaa Bbbb ", size)),
        "see" => repeat_to("(see the Monitor, March 1, 2, 3) ", size),
        "quotes" => repeat_to("(\"Izvestiya, “April 2; ", size),
        "prose" => repeat_to(
            "Officials said the talks, Ivanov told Interfax, had stalled (AFP, April 2). ",
            size,
        ),
        _ => String::new(),
    }
}

fn parse(text: &str) -> usize {
    let doc = Document::from_text("bench.txt", text);
    parse_document(&doc, Outlets::builtin(), &ParseOptions::default())
        .iter()
        .map(|a| a.citations.len() + a.diagnostics.len())
        .sum()
}

macro_rules! bench_case {
    ($name:ident) => {
        #[divan::bench(args = SIZES)]
        fn $name(bencher: divan::Bencher, size: usize) {
            let text = case(stringify!($name), size);
            bencher
                .counter(divan::counter::BytesCount::new(text.len()))
                .bench(|| parse(divan::black_box(&text)));
        }
    };
}

bench_case!(nested);
bench_case!(unclosed);
bench_case!(unopened);
bench_case!(markers);
bench_case!(huge_group);
bench_case!(one_line);
bench_case!(dates);
bench_case!(names);
bench_case!(see);
bench_case!(quotes);
bench_case!(prose);

/// The whole analysis (claims, graph, corroboration) over many articles in one input, each
/// with a carrier that relays an unnamed source: relay tracing must not grow with the corpus.
#[divan::bench(args = SIZES)]
fn analysis_many_articles(bencher: divan::Bencher, size: usize) {
    let unit = "Publication: Monitor Volume: 7 Issue: 79\n\nThe newspaper JoongAng Ilbo, which also quoted \u{201c}well-informed diplomatic sources in Seoul,\u{201d} said so (JoongAng Ilbo, April 22). Kyodo agreed (Kyodo, April 20; AFP, April 21, as cited by Interfax).\n\n";
    let text = repeat_to(unit, size);
    bencher
        .counter(divan::counter::BytesCount::new(text.len()))
        .bench(|| {
            let doc = Document::from_text("bench.txt", divan::black_box(text.as_str()));
            srcgraph::pipeline::Pipeline::default()
                .run(std::slice::from_ref(&doc))
                .report
                .claims
                .len()
        });
}

/// Findings written for every claim of one paragraph of one line: each finding must cost its
/// own window, not the length of the line.
#[divan::bench(args = SIZES)]
fn findings_one_line(bencher: divan::Bencher, size: usize) {
    use srcgraph::export::findings::{Style, write_finding_at};
    let text = format!(
        "Publication: Monitor Volume: 7 Issue: 79\n\n{}\n",
        repeat_to("Officials said the talks stalled (Interfax, May 3). ", size)
    );
    let doc = Document::from_text("bench.txt", text.as_str());
    let report = srcgraph::pipeline::Pipeline::default()
        .run(std::slice::from_ref(&doc))
        .report;
    bencher
        .counter(divan::counter::BytesCount::new(text.len()))
        .bench(|| {
            let mut sink = std::io::sink();
            for c in &report.claims {
                let _ = write_finding_at(
                    &mut sink,
                    &doc.text,
                    &doc.lines,
                    srcgraph::stream::Offset::default(),
                    c,
                    "single-source",
                    Style { colour: false },
                );
            }
            report.claims.len()
        });
}
