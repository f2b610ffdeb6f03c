//! The report of an input streamed chunk by chunk ([`StreamedReport`]) is byte for byte the
//! report of one analysis of the whole input ([`write_report`]): summary, sections, text
//! and every article's graph, whose neighbours across chunks (claims elsewhere that
//! cross-reference it, forward and back; relays between outlets counted over the whole
//! input; outlets spelt differently in other chunks) it must gather; for every sample,
//! generated corpora with and without cross-references, at chunk sizes from one article
//! up.

#[path = "../benches/support/corpus.rs"]
mod corpus;
mod support {
    pub(crate) mod chunked;
}

use srcgraph::context::{ChunkJudge, Judge};
use srcgraph::export::html::{ReportOptions, write_report};
use srcgraph::export::streamed::StreamedReport;
use srcgraph::input::Document;
use srcgraph::pipeline::Pipeline;
use srcgraph::render::Engine;
use support::chunked::{chunks, first_difference, learned, with_samples};

/// The report of the whole of `text`.
fn whole(p: &Pipeline<'_>, text: &str, opts: &ReportOptions) -> String {
    let docs = [Document::from_text("in.txt", text)];
    let a = p.run(&docs);
    let mut buf = Vec::new();
    write_report(&mut buf, &docs, &a, opts).expect("written");
    String::from_utf8(buf).expect("UTF-8")
}

/// The report of `text` streamed in chunks of `size` bytes, judged in two passes.
fn streamed(p: &Pipeline<'_>, text: &str, size: usize, opts: &ReportOptions) -> String {
    let ctx = learned(p, text, size);
    let mut buf = Vec::new();
    let drawn = std::sync::atomic::AtomicUsize::new(0);
    let done = || {
        drawn.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    };
    let mut report = StreamedReport::new(&mut buf, *opts, &done);
    loop {
        let mut judge = ChunkJudge::new(&ctx);
        for (c, a, cl) in chunks(p, text, size) {
            report.read(&c, judge.judge(p, a, cl)).expect("read");
        }
        if !report.end_reading(&ctx).expect("written") {
            break;
        }
    }
    let articles = report.articles();
    report.finish().expect("finished");
    assert_eq!(
        drawn.load(std::sync::atomic::Ordering::Relaxed),
        articles,
        "every article's section is counted once"
    );
    String::from_utf8(buf).expect("UTF-8")
}

fn texts() -> Vec<(String, String)> {
    with_samples(vec![
        ("linked".to_string(), LINKED.to_string()),
        ("corpus 20".to_string(), corpus::corpus(5, 20)),
        ("dated 30".to_string(), corpus::corpus_with(6, 30, true)),
    ])
}

fn assert_streams_as_whole(opts: &ReportOptions, sizes: &[usize]) {
    let p = Pipeline::default();
    for (name, text) in texts() {
        let want = whole(&p, &text, opts);
        for &size in sizes {
            let got = streamed(&p, &text, size, opts);
            assert!(
                got == want,
                "{name}: chunk size {size}, {opts:?}: {}",
                first_difference(&got, &want)
            );
        }
    }
}

#[test]
fn the_streamed_report_is_the_whole_report() {
    let opts = ReportOptions {
        engine: Engine::Builtin,
        graphs: true,
    };
    assert_streams_as_whole(&opts, &[1, 400, 1 << 20]);
    let text_only = ReportOptions {
        graphs: false,
        ..opts
    };
    assert_streams_as_whole(&text_only, &[1, 1 << 20]);
}

/// With Graphviz's own layout (when it is installed), the pictures are the same too.
#[test]
fn graphviz_draws_the_same_pictures() {
    if std::process::Command::new("dot")
        .arg("-V")
        .output()
        .is_err()
    {
        eprintln!("Graphviz is not installed: skipped");
        return;
    }
    let p = Pipeline::default();
    let opts = ReportOptions::default();
    let want = whole(&p, LINKED, &opts);
    assert!(want.matches("<svg").count() >= 5, "every article drawn");
    for size in [1, 1 << 20] {
        let got = streamed(&p, LINKED, size, &opts);
        assert!(
            got == want,
            "chunk size {size}: {}",
            first_difference(&got, &want)
        );
    }
}

#[test]
fn the_cases_exercise_what_they_are_meant_to() {
    let p = Pipeline::default();
    let opts = ReportOptions {
        engine: Engine::Builtin,
        graphs: true,
    };
    let html = whole(&p, LINKED, &opts);
    // A summary of several articles; an article's graph holds the claim of a later issue
    // that cross-references it, and the earlier issue a claim of it refers to.
    assert!(html.contains("<section id=\"summary\">"), "{html}");
    let section = |n: usize| {
        let start = html.find(&format!("id=\"a{n}\"")).expect("section");
        let end = html[start..].find("</section>").expect("end") + start;
        &html[start..end]
    };
    assert!(section(1).contains("The talks collapsed"), "referrer drawn");
    assert!(
        section(1).contains("grain deal stalled"),
        "earlier referrer drawn"
    );
    assert!(
        section(2).contains("Monitor 6/12"),
        "referenced issue drawn"
    );
}

/// Issues that cross-reference one another forward and back, an outlet spelt two ways,
/// relays counted over several issues, an unnamed source relayed by an outlet.
const LINKED: &str = "Publication: Eurasia Daily Monitor Volume: 6 Issue: 10 Date: 2009-02-02

The port deal stalled, as reported later (see EDM, February 9). Officials in Vilnius said nothing (Interfax, February 1).

Publication: Eurasia Daily Monitor Volume: 6 Issue: 12 Date: 2009-02-09

Grid talks resumed in Tallinn (Kommersant, February 8; Reuters, February 8). A second round was set (Zerkalo, February 7, as cited by Interfax). The grain deal stalled, as reported earlier (see EDM, February 2).

Publication: Eurasia Daily Monitor Volume: 6 Issue: 14 Date: 2009-02-12

The talks collapsed (see EDM, February 9; INTERFAX, February 11). An unnamed official told Interfax that the deal was dead. Tallinn denied it (Zerkalo, February 11, as cited by Interfax).

Publication: Eurasia Daily Monitor Volume: 6 Issue: 15 Date: 2009-02-16

Nothing new (see EDM, February 12, 9). Zerkalo relayed Interfax once more (Interfax, February 15, as cited by Zerkalo).

Publication: Eurasia Daily Monitor Volume: 6 Issue: 16 Date: 2009-02-18

Fuel prices rose (Trud, February 17).
";
