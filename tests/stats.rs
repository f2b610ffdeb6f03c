//! `srcgraph stats` and the co-citation network: numbers checked by hand on a small corpus,
//! every format readable, charts written and escaped.

#[path = "support/scratch.rs"]
mod scratch;

use scratch::Scratch;
use srcgraph::analyze::{Verdict, co_citations, corpus_stats};
use srcgraph::pipeline::Pipeline;
use std::process::Command;

const CORPUS: &str = "Publication: Monitor Volume: 7 Issue: 1 Date: 2001-04-20\n\n\
One (AFP, April 2; Kyodo, April 3).\n\n\
Two (Kyodo, April 4).\n\n\
Publication: Monitor Volume: 8 Issue: 2\n\n\
Three (AFP, March 1; Kyodo, March 2; Interfax, March 3).\n\n\
Four with no source at all.\n\n\
Five (Bad\\Name -- x, March 9; AFP, March 9).\n";

#[test]
fn stats_count_what_the_corpus_says() {
    let p = Pipeline {
        scope: srcgraph::model::Scope::Paragraph,
        ..Pipeline::default()
    };
    let a = p.run(&[srcgraph::input::Document::from_text("c.txt", CORPUS)]);
    let st = corpus_stats(&a.graph, &a.report);
    assert_eq!(st.articles, 2);
    assert_eq!(st.counts.claims, 5);
    assert_eq!(st.counts.verdicts[Verdict::Corroborated], 3);
    assert_eq!(st.counts.verdicts[Verdict::SingleSource], 1);
    assert_eq!(st.counts.verdicts[Verdict::Unsourced], 1);
    // 2 + 1 + 3 + 0 + 2 independent sources over 5 claims.
    assert!((st.mean_independent_sources - 1.6).abs() < 1e-9);
    let afp = st
        .outlets
        .iter()
        .find(|o| o.outlet == "Agence France-Presse")
        .expect("AFP");
    assert_eq!((afp.claims, afp.sole_source_claims), (3, 0));
    let kyodo = st
        .outlets
        .iter()
        .find(|o| o.outlet == "Kyodo")
        .expect("Kyodo");
    assert_eq!((kyodo.claims, kyodo.sole_source_claims), (3, 1));
    assert_eq!(
        kyodo.first_cited.map(|d| d.to_string()).as_deref(),
        Some("2001-04-03")
    );
    assert_eq!(
        kyodo.last_cited.map(|d| d.to_string()).as_deref(),
        Some("2002-03-02")
    );
    // Months: the header date of the first article, the latest cited day of the second
    // (volume 8 is 2002; an issue number never moves its March dates to another year).
    let months: Vec<(&str, usize, usize)> = st
        .by_month
        .iter()
        .map(|m| (m.month.as_str(), m.claims, m.single_source))
        .collect();
    assert_eq!(months, [("2001-04", 2, 1), ("2002-03", 3, 0)]);
    let volumes: Vec<(Option<u32>, usize)> = st
        .by_volume
        .iter()
        .map(|v| (v.volume, v.counts.claims))
        .collect();
    assert_eq!(volumes, [(Some(7), 2), (Some(8), 3)]);
    let pairs = co_citations(&a.graph);
    assert_eq!(
        (pairs[0].a.as_str(), pairs[0].b.as_str(), pairs[0].claims),
        ("Agence France-Presse", "Kyodo", 2)
    );
    assert_eq!(pairs.len(), 4);
}

fn srcgraph(args: &[&str]) -> String {
    let o = Command::new(env!("CARGO_BIN_EXE_srcgraph"))
        .args(args)
        .args(if args[0] == "stats" {
            &["--scope", "paragraph"][..]
        } else {
            &[]
        })
        .output()
        .expect("run srcgraph");
    assert_eq!(
        o.status.code(),
        Some(0),
        "{args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout).expect("UTF-8 output")
}

#[test]
fn every_format_and_the_charts() {
    let dir = Scratch::new("stats");
    let input = dir.join("c.txt");
    std::fs::write(&input, CORPUS).expect("write");
    let input = input.display().to_string();

    let human = srcgraph(&["stats", &input]);
    assert!(
        human.starts_with("2 articles, 5 claims, 1.60 independent sources"),
        "{human}"
    );
    assert!(human.contains("Agence France-Presse + Kyodo"));

    let json: serde_json::Value =
        serde_json::from_str(&srcgraph(&["stats", "--format", "json", &input])).expect("JSON");
    assert_eq!(json["stats"]["claims"], 5);
    assert_eq!(json["stats"]["by_month"][1]["month"], "2002-03");

    let csv = srcgraph(&["stats", "--format", "csv", &input]);
    assert!(csv.starts_with("section,name,metric,value\n"));
    assert!(
        csv.contains("\noutlet,Kyodo,sole_source_claims,1\n"),
        "{csv}"
    );
    assert!(csv.contains("\noutlet,Bad\\Name -- x,claims,1\n"), "{csv}");

    let plots = dir.join("charts");
    srcgraph(&[
        "stats",
        "-q",
        &input,
        "--plot",
        &plots.display().to_string(),
    ]);
    for name in [
        "leaderboard.svg",
        "single-source-by-month.svg",
        "verdict-mix.svg",
    ] {
        let svg = std::fs::read_to_string(plots.join(name)).expect(name);
        assert!(
            svg.starts_with("<svg") && svg.ends_with("</svg>\n"),
            "{name}"
        );
    }

    let dot = srcgraph(&["graph", "--co-citation", "--scope", "paragraph", &input]);
    assert!(dot.starts_with("graph co_citation {"));
    assert!(dot.contains(r#"label="Bad\\Name -- x\nunknown""#), "{dot}");
    assert!(graphviz_rust::parse(&dot).is_ok(), "{dot}");
    let fewer = srcgraph(&[
        "graph",
        "--co-citation",
        "--scope",
        "paragraph",
        "--min-pair-claims",
        "2",
        &input,
    ]);
    assert_eq!(fewer.matches(" -- ").count(), 1, "{fewer}");
    assert!(
        dot.contains(": 1 claim\"") && fewer.contains(": 2 claims\""),
        "{dot}"
    );
    // Selections of claims do not apply to the network: said, not ignored.
    let o = Command::new(env!("CARGO_BIN_EXE_srcgraph"))
        .args([
            "graph",
            "--co-citation",
            "--verdict",
            "single-source",
            &input,
        ])
        .output()
        .expect("run srcgraph");
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("do not apply"));
}

/// Rows taken out of the builder chunk by chunk give the same statistics as rows kept in it:
/// the same totals, volumes and months, and the same rows in the same order.
#[test]
fn rows_taken_as_they_come_give_the_same_statistics() {
    use srcgraph::analyze::StatsBuilder;
    let p = Pipeline::default();
    let text = CORPUS.repeat(5);
    let a = p.run(&[srcgraph::input::Document::from_text("c.txt", &text)]);
    let whole = corpus_stats(&a.graph, &a.report);
    let mut b = StatsBuilder::new();
    let mut taken = Vec::new();
    let n = a.graph.articles.len();
    for start in (0..n).step_by(3) {
        let range = start..(start + 3).min(n);
        let in_range = |c: &&srcgraph::analyze::ClaimReport| {
            a.graph
                .claim(c.node)
                .is_some_and(|x| range.contains(&x.article))
        };
        let claims: Vec<_> = a.report.claims.iter().filter(in_range).cloned().collect();
        let outlets = srcgraph::analyze::summarize_outlets_of(&a.graph, &claims, |n| {
            a.graph.claim(n).is_some_and(|x| range.contains(&x.article))
        });
        b.add(&a.graph, range.clone(), &claims, &outlets);
        taken.extend(b.take_rows());
    }
    let chunked = b.finish();
    assert!(chunked.by_article.is_empty());
    assert_eq!(taken, whole.by_article);
    assert_eq!(chunked.articles, whole.articles);
    assert_eq!(chunked.by_volume, whole.by_volume);
    assert_eq!(chunked.by_month, whole.by_month);
    assert_eq!(chunked.counts, whole.counts);
    assert_eq!(chunked.co_citations, whole.co_citations);
    assert_eq!(chunked.outlets, whole.outlets);
}

/// The co-citation network counted over the graphs of consecutive pieces of an input, one
/// after the other, is the network of one graph of the whole input: the same pairs and
/// counts, and each outlet under the name the whole graph gives it — an unknown outlet
/// spelled two ways takes the first spelling, whichever piece holds it.
#[test]
fn co_citations_counted_piece_by_piece_are_those_of_the_whole() {
    use srcgraph::analyze::CoCitationCounter;
    let pieces = [
        "Publication: Monitor Volume: 7 Issue: 1\n\n\
         One (AFP, April 2; Zorya Daily, April 3).\n\n\
         Two (Kyodo, April 4; Zorya-Daily, April 4; AFP, April 4).\n",
        "Publication: Monitor Volume: 7 Issue: 2\n\n\
         Three (ZORYA DAILY, April 5; Kyodo, April 5).\n\n\
         Four (Interfax, April 6; AFP, April 6; Kyodo, April 6).\n",
        "Publication: Monitor Volume: 7 Issue: 3\n\n\
         Five (Zorya-Daily, April 7; Interfax, April 7).\n\n\
         Six (Kyodo, April 8).\n",
    ];
    let p = Pipeline::default();
    let whole = p.graph_of_text("c.txt", &pieces.join("\n"));
    let want = co_citations(&whole);
    let mut counter = CoCitationCounter::new();
    for (i, text) in pieces.iter().enumerate() {
        let g = p.graph_of_text(&format!("piece{i}.txt"), text);
        counter.add(&g, g.claim_nodes());
    }
    let got = counter.finish();
    assert_eq!(got.pairs, want);
    let zorya = got
        .kinds
        .keys()
        .find(|k| k.to_lowercase().starts_with("zorya"));
    assert_eq!(zorya.map(String::as_str), Some("Zorya Daily"));
    assert!(
        want.iter()
            .any(|p| p.a == "Kyodo" && p.b == "Zorya Daily" && p.claims == 2)
    );
    assert_eq!(got.kinds.len(), 4);
}
