//! Every bundled sample article has its expected parse, checked by hand, in
//! `tests/expected/<sample>.txt`: one line per citation group,
//! `line:column outlet[*]=canonical[kind]:dates | ...` (`*` marks a cross-reference, `a..b` a
//! range, `?` an unresolved date, `>n` a relay of ref n), then one line per claim (default
//! run scope): `claim line:column verdict independent-sources`, and one per source named in
//! the prose: `prose line:column paragraph text [type] cue [citing X] [= first mention (line:column)]`. Run with `SRCGRAPH_BLESS=1` to
//! rewrite the files after a deliberate change, then review the diff.

use srcgraph::input::Document;
use srcgraph::model::Article;
use srcgraph::outlets::Outlets;
use srcgraph::parse::{ParseOptions, parse_document};
use srcgraph::pipeline::Pipeline;
use std::fmt::Write as _;
use std::path::Path;

fn render(articles: &[Article]) -> String {
    let mut out = String::new();
    for a in articles {
        let _ = writeln!(
            out,
            "article {} publication={:?} year={:?} ({:?}) other={}",
            a.index,
            a.publication,
            a.year,
            a.year_source,
            a.other_parentheses.len()
        );
        for c in &a.citations {
            let refs: Vec<String> = c
                .refs
                .iter()
                .map(|r| {
                    let dates: Vec<String> = r
                        .dates
                        .iter()
                        .map(|d| d.iso().unwrap_or_else(|| "?".into()))
                        .collect();
                    let relays: String = r.relays.iter().map(|i| format!(">{i}")).collect();
                    format!(
                        "{}{}={}[{}]:{}{relays}",
                        r.outlet,
                        if r.cross_reference { "*" } else { "" },
                        r.canonical,
                        r.kind,
                        dates.join(",")
                    )
                })
                .collect();
            let _ = writeln!(
                out,
                "{}:{} p{} {}",
                c.line,
                c.column,
                c.paragraph,
                refs.join(" | ")
            );
        }
    }
    out
}

#[test]
fn samples_parse_as_expected() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut names: Vec<_> = std::fs::read_dir(root.join("samples"))
        .expect("samples/")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension()
                .is_some_and(|e| e == "txt" || e == "md" || e == "html")
        })
        .collect();
    names.sort();
    assert!(names.len() >= 6, "seed plus at least five samples");
    let bless = std::env::var_os("SRCGRAPH_BLESS").is_some();
    let mut failures = Vec::new();
    for path in names {
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("?")
            .to_string();
        let bytes = std::fs::read(&path).expect("readable sample");
        let (doc, warning) = Document::from_bytes(stem.clone(), bytes).expect("text");
        assert!(warning.is_none(), "{stem}: {warning:?}");
        let doc = doc.read_as(srcgraph::markup::InputFormat::for_path(
            &path.display().to_string(),
        ));
        let mut got = render(&parse_document(
            &doc,
            Outlets::builtin(),
            &ParseOptions::default(),
        ));
        for a in parse_document(&doc, Outlets::builtin(), &ParseOptions::default()) {
            for at in &a.attributions {
                let kind = at.kind.as_str();
                let _ = writeln!(
                    got,
                    "prose {}:{} p{} {} [{}] {}{}{}",
                    at.line,
                    at.column,
                    at.paragraph,
                    at.text,
                    kind,
                    at.cue,
                    at.citing
                        .as_ref()
                        .map(|c| format!(" citing {c}"))
                        .unwrap_or_default(),
                    at.refers_to
                        .as_ref()
                        .map(|r| format!(" = {} ({}:{})", r.text, r.line, r.column))
                        .unwrap_or_default()
                );
            }
        }
        let analysis = Pipeline::default().run(std::slice::from_ref(&doc));
        for c in &analysis.report.claims {
            let _ = writeln!(
                got,
                "claim {}:{} {} {}",
                c.line, c.column, c.corroboration.verdict, c.corroboration.independent_sources
            );
        }
        let expected_path = root.join("tests/expected").join(format!("{stem}.txt"));
        if bless {
            std::fs::write(&expected_path, &got).expect("write expectation");
            continue;
        }
        let want = std::fs::read_to_string(&expected_path).unwrap_or_default();
        if got != want {
            failures.push(format!("== {stem}\n--- want\n{want}--- got\n{got}"));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}
