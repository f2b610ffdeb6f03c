//! The source graph, corroboration verdicts, selections and DOT output.

use srcgraph::analyze::{SourceRole, Verdict};
use srcgraph::export::dot::{DotOptions, print_dot, to_dot};
use srcgraph::graph::{Node, select};
use srcgraph::input::Document;
use srcgraph::model::Scope;
use srcgraph::outlets::Outlets;
use srcgraph::pipeline::{Analysis, Pipeline};
use std::path::Path;

fn sample(name: &str) -> Document {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("samples")
        .join(name);
    let text = std::fs::read_to_string(&path).expect("sample");
    Document::from_text(format!("samples/{name}"), text)
}

fn analyse(docs: &[Document]) -> Analysis {
    Pipeline::default().run(docs)
}

/// (first words of the claim, verdict, independent sources) for every claim.
fn verdicts(a: &Analysis) -> Vec<(String, Verdict, usize)> {
    a.report
        .claims
        .iter()
        .map(|c| {
            let words: Vec<&str> = c.excerpt.split_whitespace().take(4).collect();
            (
                words.join(" "),
                c.corroboration.verdict,
                c.corroboration.independent_sources,
            )
        })
        .collect()
}

#[test]
fn seed_claims_get_the_expected_verdicts() {
    let a = analyse(&[sample("seed.txt")]);
    let got = verdicts(&a);
    let want = [
        ("Moscow’s hopes of carving", Verdict::Corroborated, 4), // AFP, Kyodo, Russian agencies; Yonhap in the prose
        ("The South Korean newspaper", Verdict::SingleSource, 1), // JoongAng Ilbo, paragraph 3
        ("The view that Putin", Verdict::Corroborated, 3), // Vremya Novostei, Kyodo, Digital Chosun
        ("Moscow’s own economic hard", Verdict::SelfReferenced, 0), // see the Monitor, July 21, 2000
        ("Since that time the", Verdict::SelfReferenced, 0), // see the Monitor, July 24, 2000
        ("More recently, during a", Verdict::SelfReferenced, 0), // see the Monitor, March 1
        ("The unspoken quid pro", Verdict::Unsourced, 0),    // the last paragraph
    ];
    let want: Vec<(String, Verdict, usize)> = want
        .iter()
        .map(|(s, v, n)| (s.to_string(), *v, *n))
        .collect();
    assert_eq!(got, want);
    let single = &a.report.claims[1];
    assert_eq!(single.paragraphs, [3, 3]);
    assert_eq!(single.corroboration.sources[0].outlet, "JoongAng Ilbo");
    // Outlet summaries: Kyodo supports two claims, rests alone under none.
    let kyodo = a
        .report
        .outlets
        .iter()
        .find(|o| o.outlet == "Kyodo")
        .expect("Kyodo");
    assert_eq!(
        (kyodo.citations, kyodo.claims, kyodo.sole_source_claims),
        (2, 2, 0)
    );
    let joongang = a
        .report
        .outlets
        .iter()
        .find(|o| o.outlet == "JoongAng Ilbo")
        .expect("JoongAng");
    assert_eq!(joongang.sole_source_claims, 1);
    let art = &a.report.articles[0];
    assert_eq!((art.claims, art.outlets), (7, 6));
}

#[test]
fn samples_get_the_expected_verdicts() {
    let a = analyse(&[sample("monitor-caspian.txt")]);
    let got: Vec<(Verdict, usize)> = verdicts(&a).into_iter().map(|(_, v, n)| (v, n)).collect();
    use Verdict::*;
    assert_eq!(
        got,
        [
            (Corroborated, 3),   // Turan, Interfax, Russian agencies
            (Corroborated, 2),   // AssA-Irada, Trend
            (SingleSource, 1),   // IRNA (+ the Monitor, not counted)
            (SelfReferenced, 0), // see the Monitor, May 19, 24, June 1
            (SingleSource, 1),   // Kommersant as cited by Itar-Tass: one source
            (SingleSource, 1),   // Kazinform citing the BBC: one source
            (Corroborated, 2),   // Turan, Mediamax
            (SingleSource, 1),   // Trend
            (Corroborated, 2),   // Ekho Moskvy, Zerkalo
        ]
    );
    let relay = &a.report.claims[4].corroboration;
    assert_eq!(relay.sources[1].outlet, "ITAR-TASS");
    assert_eq!(relay.sources[1].role, SourceRole::Relay);
    assert!(
        relay.notes[0].contains("relays Kommersant"),
        "{:?}",
        relay.notes
    );
    // One outlet node per canonical outlet across both articles of the file.
    let turan = a
        .graph
        .outlet_nodes()
        .filter(|&n| a.graph.outlet(n).is_some_and(|o| o.name == "Turan"))
        .count();
    assert_eq!(turan, 1);
}

fn analyse_text(text: &str) -> Analysis {
    Pipeline::default().run(&[Document::from_text("t.txt", text)])
}

#[test]
fn groups_aliases_and_collectives_count_once() {
    let a = analyse_text(
        "Publication: Monitor Volume: 7 Issue: 79\n\n\
         One (NTV, April 3; Ekho Moskvy, April 4). Two (Itar-Tass, April 3; TASS, April 4). \
         Three (Russian agencies, April 5). Four (Russian agencies, April 5; Western agencies, April 6). \
         Five (14 April). Six (, April 15).\n",
    );
    let c = &a.report.claims;
    assert_eq!(
        c[0].corroboration.independent_sources, 1,
        "NTV and Ekho Moskvy share an owner"
    );
    assert!(
        c[0].corroboration.notes[0].contains("count once"),
        "{:?}",
        c[0].corroboration.notes
    );
    assert_eq!(
        c[1].corroboration.independent_sources, 1,
        "aliases of one outlet"
    );
    assert!(c[1].corroboration.notes[0].contains("are one outlet"));
    assert!(c[2].corroboration.collective_only);
    assert_eq!(c[3].corroboration.verdict, Verdict::Corroborated);
    assert!(
        c[3].corroboration.collective_only,
        "two vague plurals are still vague"
    );
    assert_eq!(
        c[4].corroboration.verdict,
        Verdict::SingleSource,
        "a date-only group still cites something"
    );
    assert_eq!(
        c[5].corroboration.sources[0].outlet,
        srcgraph::graph::UNNAMED_OUTLET
    );
}

#[test]
fn a_missing_outlet_is_an_unknown_source_of_its_own_claim() {
    // Web copies lose hyperlinked outlet names: "(, September 13)".
    let a = analyse_text(
        "Publication: Monitor Volume: 7 Issue: 160\n\n\
         The dam failed (, September 13). The mayor resigned (, September 14). \
         Troops moved in (, citing a report by the BBC, September 15). \
         Prices rose (Interfax, September 16; , September 17).\n",
    );
    let c = &a.report.claims;
    assert_eq!(c.len(), 4, "{c:?}");
    for claim in &c[..2] {
        assert_eq!(claim.corroboration.verdict, Verdict::SingleSource);
        assert!(
            claim.corroboration.notes[0].contains("no outlet"),
            "{:?}",
            claim.corroboration.notes
        );
    }
    // Never one node shared by the claims that lost their outlet.
    let missing: Vec<_> = a
        .graph
        .outlet_nodes()
        .filter(|&n| a.graph.outlet(n).is_some_and(|o| o.is_missing()))
        .collect();
    assert_eq!(missing.len(), 3);
    // A relay after the empty slot gives its origin.
    let relayed: Vec<(&str, SourceRole)> = c[2]
        .corroboration
        .sources
        .iter()
        .map(|s| (s.outlet.as_str(), s.role))
        .collect();
    assert_eq!(
        relayed,
        [
            (srcgraph::graph::UNNAMED_OUTLET, SourceRole::Relay),
            ("BBC", SourceRole::Independent)
        ]
    );
    // A part with a date and no outlet continues the outlet before it.
    assert_eq!(c[3].corroboration.independent_sources, 1);
    // No table of outlets lists it.
    let outlets = srcgraph::analyze::summarize_outlets(&a.graph, &a.report.claims);
    assert!(
        outlets
            .iter()
            .all(|o| o.outlet != srcgraph::graph::UNNAMED_OUTLET),
        "{outlets:?}"
    );
    let stats = srcgraph::analyze::corpus_stats(&a.graph, &a.report);
    assert!(
        stats
            .outlets
            .iter()
            .all(|o| o.outlet != srcgraph::graph::UNNAMED_OUTLET)
    );
}

#[test]
fn a_source_mentioned_twice_in_a_claim_counts_once() {
    // Issue 15: one document, one person, one outlet each named twice (a claim a paragraph).
    let p = Pipeline {
        scope: Scope::Paragraph,
        ..Pipeline::default()
    };
    let text = String::from(
        "Publication: Monitor Volume: 7 Issue: 80\n\n\
         The ministry's statement said the border would stay shut. The statement also said \
         that talks would resume in May.\n\n\
         President Leonid Kravets said the grid had held. Kravets added that no region had gone \
         dark, and the president promised repairs within a week.\n\n\
         The news agency Kabar reported a fire at the depot. The agency said two guards were \
         hurt.\n",
    );
    let a = p.run(&[Document::from_text("t.txt", text)]);
    let c = &a.report.claims;
    for (i, what) in ["a statement", "a president", "an agency"]
        .iter()
        .enumerate()
    {
        assert_eq!(
            (
                c[i].corroboration.verdict,
                c[i].corroboration.independent_sources
            ),
            (Verdict::SingleSource, 1),
            "{what} named twice: {:?}",
            c[i].corroboration.sources
        );
    }
}

#[test]
fn unnamed_documents_and_roles_are_distinct_in_every_article() {
    let a = analyse_text(
        "Publication: Monitor Volume: 7 Issue: 81\n\n\
         The statement said the mine was safe. The president said so too.\n\n\
         Publication: Monitor Volume: 7 Issue: 82\n\n\
         The statement said the road was open. The president said so too.\n",
    );
    let sources = a
        .graph
        .graph
        .node_weights()
        .filter(|n| matches!(n, srcgraph::graph::Node::Source(_)))
        .count();
    assert_eq!(
        sources, 4,
        "two statements and two presidents, one of each an article"
    );
}

#[test]
fn cross_references_resolve_to_articles_in_the_input() {
    let a = analyse_text(
        "Publication: Monitor Volume: 7 Issue: 70 Date: April 10, 2001\n\nEarlier news (Interfax, April 9).\n\n\
         Publication: Monitor Volume: 7 Issue: 79 Date: April 23, 2001\n\nAs reported (see the Monitor, April 10, 12).\n",
    );
    let g = &a.graph;
    let claim = g.claims[1][0];
    let targets: Vec<&Node> = g.graph.neighbors(claim).map(|n| &g.graph[n]).collect();
    assert!(
        targets
            .iter()
            .any(|n| matches!(n, Node::Article(x) if x.issue == Some(70))),
        "{targets:?}"
    );
    assert!(targets.iter().any(|n| matches!(n, Node::Issue(x) if x.date.map(|d| d.to_string()).as_deref() == Some("2001-04-12"))));
    // The April 10 issue is in the input: the claim inherits what it cites (Interfax).
    let corr = &a.report.claims[1].corroboration;
    assert_eq!(corr.verdict, Verdict::SingleSource);
    assert!(
        corr.sources
            .iter()
            .any(|s| s.outlet == "Interfax" && s.inherited),
        "{corr:?}"
    );
    assert!(
        corr.notes
            .iter()
            .any(|n| n.contains("inherits the sources of Monitor 7/70")),
        "{:?}",
        corr.notes
    );

    // Without that issue in the input, the same claim is only self-referenced.
    let alone = analyse_text(
        "Publication: Monitor Volume: 7 Issue: 79 Date: April 23, 2001\n\nAs reported (see the Monitor, April 10, 12).\n",
    );
    assert_eq!(
        alone.report.claims[0].corroboration.verdict,
        Verdict::SelfReferenced
    );
}

#[test]
fn relays_trace_back_and_circles_are_found() {
    let a = analyse_text(
        "Publication: Monitor Volume: 7 Issue: 79\n\n\
         One (Kommersant, April 3, as cited by Interfax). Two (Interfax, April 4; Kommersant, April 4). \
         Three (Trud, April 2, as cited by Izvestiya). Four (Izvestiya, April 3, as cited by Trud). Five (Trud, April 5).\n",
    );
    let c = &a.report.claims;
    assert_eq!(
        c[1].corroboration.independent_sources, 1,
        "Interfax relays Kommersant: one origin"
    );
    assert!(
        c[1].corroboration
            .notes
            .iter()
            .any(|n| n.contains("traced back to Kommersant")),
        "{:?}",
        c[1].corroboration.notes
    );
    assert!(
        c[4].corroboration.circular,
        "Trud and Izvestiya relay each other"
    );
    assert!(!c[1].corroboration.circular);
}

#[test]
fn an_outlet_speaking_in_its_own_name_is_not_traced_back() {
    // The portal relays the weekly once, but the claim also gives the portal's own words: two
    // sources. In the next claim it only relays the weekly: one.
    let a = analyse_text(
        "Publication: Monitor Volume: 7 Issue: 81\n\n\
         The strike will spread to the docks, what Baltnews.lv described as a turning point. \
         Citing the weekly Kuryer, Baltnews.lv reported that the drivers would join (Kuryer, May 1).\n\n\
         Citing the weekly Kuryer, Baltnews.lv reported that the port was closed (Kuryer, May 2).\n",
    );
    let c = &a.report.claims;
    assert_eq!(c.len(), 2, "{c:?}");
    assert_eq!(c[0].corroboration.verdict, Verdict::Corroborated, "{c:?}");
    assert_eq!(c[1].corroboration.verdict, Verdict::SingleSource, "{c:?}");
}

#[test]
fn an_interview_makes_no_outlet_a_relay_of_the_speaker_elsewhere() {
    // Radio Mayak carried Mayor Petra Lund's words in the second paragraph; what it reports
    // in the first does not come from her, and with Interfax it is two sources.
    let a = analyse_text(
        "Publication: Monitor Volume: 7 Issue: 80\n\n\
         The river rose above the dams near the capital (Radio Mayak, April 3; Interfax, April 3).\n\n\
         Mayor Petra Lund told Radio Mayak that the city would be evacuated (Radio Mayak, April 4).\n\n\
         Mayor Petra Lund told Radio Mayak and Interfax that the levees would hold.\n",
    );
    let c = &a.report.claims;
    assert_eq!(c.len(), 3, "{c:?}");
    assert_eq!(c[0].corroboration.verdict, Verdict::Corroborated, "{c:?}");
    assert!(
        c[0].corroboration.notes.iter().all(|n| !n.contains("Lund")),
        "{:?}",
        c[0].corroboration.notes
    );
    // Where the claim names the speaker, both outlets carry her words: one source.
    assert_eq!(
        c[2].corroboration.independent_sources, 1,
        "{:?}",
        c[2].corroboration
    );
}

#[test]
fn scopes_cut_claims_differently() {
    let doc = sample("seed.txt");
    let count = |scope| {
        let p = Pipeline {
            scope,
            ..Pipeline::default()
        };
        p.run(std::slice::from_ref(&doc)).report.claims.len()
    };
    let (run, para, sent) = (
        count(Scope::Run),
        count(Scope::Paragraph),
        count(Scope::Sentence),
    );
    assert_eq!(run, 7);
    assert_eq!(para, 8, "every body paragraph");
    assert!(sent > 40, "every sentence: {sent}");
    let p = Pipeline {
        scope: Scope::Paragraph,
        ..Pipeline::default()
    };
    let a = p.run(std::slice::from_ref(&doc));
    let v: Vec<Verdict> = a
        .report
        .claims
        .iter()
        .map(|c| c.corroboration.verdict)
        .collect();
    use Verdict::*;
    // The first paragraph cites nothing but names Foreign Minister Igor Ivanov as confirming;
    // the fourth cites nothing but rests on one newspaper's report ("the same newspaper
    // quotes …", "the report said"): one document.
    assert_eq!(
        v,
        [
            SingleSource,
            Corroborated,
            SingleSource,
            SingleSource,
            Corroborated,
            SelfReferenced,
            SelfReferenced,
            Unsourced
        ]
    );
}

#[test]
fn the_legend_shows_what_the_graph_holds() {
    let a = analyse_text(
        "Publication: Monitor Volume: 7 Issue: 160\n\n\
         The dam failed, the mayor said (Interfax, September 13).\n",
    );
    let dot = print_dot(&to_dot(&a.graph, &a.report, &DotOptions::default()));
    let legend = &dot[dot.find("cluster_legend").expect("a legend")..];
    for shown in [
        "claim: single-source",
        "label=\"agency\"",
        "source: person",
        "label=\"cites\"",
        "named in the prose",
    ] {
        assert!(legend.contains(shown), "{shown}: {legend}");
    }
    for absent in [
        "claim: unsourced",
        "claim: corroborated",
        "newspaper",
        "source: vague",
        "relays",
        "see an earlier issue",
    ] {
        assert!(!legend.contains(absent), "{absent}: {legend}");
    }
    graphviz_rust::parse(&dot).expect("graphviz-rust parses the legend");
    // Nothing to explain, no legend.
    let empty = analyse_text("");
    let dot = print_dot(&to_dot(&empty.graph, &empty.report, &DotOptions::default()));
    assert!(!dot.contains("cluster_legend"), "{dot}");
}

#[test]
fn dot_parses_back_and_is_deterministic() {
    let docs = [
        sample("seed.txt"),
        sample("monitor-caspian.txt"),
        sample("fbis-trends.txt"),
    ];
    let a = analyse(&docs);
    let dot = print_dot(&to_dot(&a.graph, &a.report, &DotOptions::default()));
    let again = analyse(&docs);
    assert_eq!(
        dot,
        print_dot(&to_dot(&again.graph, &again.report, &DotOptions::default()))
    );
    let parsed = graphviz_rust::parse(&dot).expect("graphviz-rust parses our DOT");
    let printed = format!("{parsed:?}");
    assert!(printed.contains("cluster_a0") && printed.contains("cluster_legend"));
    let outlets = a.graph.outlet_nodes().count();
    assert!(
        dot.contains(&format!("o{}[", outlets - 1)) && !dot.contains(&format!("o{}[", outlets))
    );
}

const HOSTILE: [&str; 6] = [
    "Evil\"]; x [label=\"pwn",
    "back\\slash\\",
    "two\nlines",
    "{braces} <angle> |pipe|",
    "Ünïcödé 中文 «quotes»",
    "</script><script>alert(1)</script>",
];

#[test]
fn hostile_outlet_names_stay_inside_their_labels() {
    let mut toml = String::new();
    for (i, name) in HOSTILE.iter().enumerate() {
        let escaped = name
            .replace('\\', "\\\\")
            .replace('"', "\\\"")
            .replace('\n', "\\n");
        toml.push_str(&format!(
            "[[outlet]]\nname = \"{escaped}\"\naliases = [\"Hostile{i}\"]\nkind = \"newspaper\"\n"
        ));
    }
    let mut outlets = Outlets::builtin().clone();
    outlets.extend(&Outlets::from_toml_str(&toml).expect("valid toml"));
    let body: Vec<String> = (0..HOSTILE.len())
        .map(|i| format!("Claim {i} (Hostile{i}, April 2)."))
        .collect();
    let text = format!(
        "Publication: Monitor Volume: 7 Issue: 79\n\n{}\n",
        body.join(" ")
    );
    let p = Pipeline {
        outlets: &outlets,
        ..Pipeline::default()
    };
    let a = p.run(&[Document::from_text("hostile.txt", text)]);
    assert_eq!(a.graph.outlet_nodes().count(), HOSTILE.len());
    let dot = print_dot(&to_dot(&a.graph, &a.report, &DotOptions::default()));
    let parsed = graphviz_rust::parse(&dot).expect("DOT with hostile names parses");
    // Every node statement of the parsed graph has a generated id: no name became a node.
    let ids = node_ids(&parsed);
    assert!(
        ids.iter()
            .all(|id| id.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')),
        "{ids:?}"
    );
    assert_eq!(
        ids.iter().filter(|i| i.starts_with('o')).count(),
        HOSTILE.len()
    );
    assert!(dot.contains(r#"Evil\"]; x [label=\"pwn"#));
    assert!(dot.contains(r"back\\slash\\"));
    assert!(dot.contains(r"two\nlines"));
    if let Some(svg) = render_svg(&dot) {
        assert!(
            svg.contains("Evil&quot;]; x [label=&quot;pwn")
                || svg.contains("Evil\"]; x [label=\"pwn"),
            "name intact in SVG"
        );
        assert!(svg.contains("&lt;/script&gt;"), "SVG escapes markup");
    }
}

fn node_ids(g: &graphviz_rust::dot_structures::Graph) -> Vec<String> {
    use graphviz_rust::dot_structures::{Graph, Id, Stmt};
    fn walk(stmts: &[Stmt], out: &mut Vec<String>) {
        for s in stmts {
            match s {
                Stmt::Node(n) => out.push(match &n.id.0 {
                    Id::Plain(s) | Id::Escaped(s) | Id::Html(s) | Id::Anonymous(s) => s.clone(),
                }),
                Stmt::Subgraph(sub) => walk(&sub.stmts, out),
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    match g {
        Graph::Graph { stmts, .. } | Graph::DiGraph { stmts, .. } => walk(stmts, &mut out),
    }
    out
}

/// Render DOT with Graphviz's `dot`, or `None` (with a notice) where it is not installed;
/// with `SRCGRAPH_REQUIRE_DOT=1` a missing `dot` fails the test.
fn render_svg(dot: &str) -> Option<String> {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let child = Command::new("dot")
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let mut child = match child {
        Ok(c) => c,
        Err(_) => {
            assert!(
                std::env::var_os("SRCGRAPH_REQUIRE_DOT").is_none(),
                "SRCGRAPH_REQUIRE_DOT is set but Graphviz `dot` is not installed"
            );
            eprintln!(
                "notice: Graphviz `dot` not found; skipping the rendering check (set SRCGRAPH_REQUIRE_DOT=1 to require it)"
            );
            return None;
        }
    };
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(dot.as_bytes())
        .expect("write dot");
    let out = child.wait_with_output().expect("dot runs");
    assert!(
        out.status.success(),
        "dot rejected the DOT: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn seed_dot_renders_with_graphviz() {
    let a = analyse(&[sample("seed.txt")]);
    let dot = print_dot(&to_dot(&a.graph, &a.report, &DotOptions::default()));
    if let Some(svg) = render_svg(&dot) {
        assert!(svg.contains("JoongAng Ilbo"));
        assert!(svg.contains("Legend"), "legend drawn");
    }
}

#[test]
fn selections_shrink_the_graph() {
    let a = analyse(&[sample("seed.txt"), sample("monitor-caspian.txt")]);
    let kyodo = a
        .graph
        .outlet_nodes()
        .find(|&n| a.graph.outlet(n).is_some_and(|o| o.name == "Kyodo"))
        .expect("Kyodo");
    let mut g = a.graph.clone();
    select::neighbourhood(&mut g, kyodo, 1);
    assert_eq!(
        g.claim_nodes().count(),
        2,
        "the two seed claims citing Kyodo"
    );
    assert_eq!(g.outlet_nodes().count(), 1);

    let mut g = a.graph.clone();
    select::claims_where(&mut g, |n| {
        a.report
            .claim(n)
            .is_some_and(|c| c.corroboration.verdict == Verdict::SingleSource)
    });
    assert_eq!(g.claim_nodes().count(), 5);
    assert!(g.outlet_nodes().all(|n| {
        g.graph
            .neighbors_directed(n, petgraph::Direction::Incoming)
            .count()
            > 0
    }));

    let mut g = a.graph.clone();
    select::outlets_with_claims(&mut g, 2);
    let names: Vec<String> = g
        .outlet_nodes()
        .filter_map(|n| g.outlet(n).map(|o| o.name.clone()))
        .collect();
    assert_eq!(names, ["Kyodo", "Russian agencies", "Turan", "Trend"]);
}

/// The streaming DOT writer prints exactly what graphviz-rust prints for the whole graph.
#[test]
fn streamed_dot_equals_printed_graph() {
    use srcgraph::export::dot::{DateMode, DotOptions, print_dot, to_dot, write_dot};
    let mut docs = Vec::new();
    for e in std::fs::read_dir("samples").expect("samples") {
        let p = e.expect("entry").path();
        let text = std::fs::read_to_string(&p).expect("sample");
        docs.push(srcgraph::input::Document::from_text(
            p.display().to_string(),
            text,
        ));
    }
    docs.sort_by(|a, b| a.name.cmp(&b.name));
    let p = srcgraph::pipeline::Pipeline {
        date_nodes: true,
        ..srcgraph::pipeline::Pipeline::default()
    };
    let a = p.run(&docs);
    for (legend, dates) in [
        (true, DateMode::Labels),
        (false, DateMode::Nodes),
        (true, DateMode::None),
    ] {
        let opts = DotOptions { legend, dates };
        let mut streamed = Vec::new();
        write_dot(&mut streamed, &a.graph, &a.report, &opts).expect("write");
        let whole = print_dot(&to_dot(&a.graph, &a.report, &opts));
        assert!(whole.len() > 1000);
        assert_eq!(String::from_utf8(streamed).expect("UTF-8"), whole);
    }
}

/// The neighbourhood cut out into a graph of its own draws exactly what the neighbourhood
/// left in the whole graph draws: same nodes, ids, edges and verdicts, from any start.
#[test]
fn a_neighbourhood_graph_draws_like_the_neighbourhood_left_in_place() {
    let names = [
        "seed.txt",
        "monitor-caspian.txt",
        "january-issue.txt",
        "edm-ukraine-grid.txt",
        "newsline-belarus.txt",
        "weekly-ingushetia.txt",
        "prose-attributions.txt",
        "fbis-trends.txt",
    ];
    let docs: Vec<Document> = names.iter().map(|n| sample(n)).collect();
    let a = analyse(&docs);
    let opts = DotOptions {
        legend: false,
        ..DotOptions::default()
    };
    let starts: Vec<_> = a
        .graph
        .articles
        .iter()
        .copied()
        .chain(a.graph.outlet_nodes().step_by(3))
        .collect();
    assert!(starts.len() > 10, "{} starts", starts.len());
    let mut cross_input = 0;
    for start in starts {
        for depth in 1..=3 {
            let mut whole = a.graph.clone();
            select::neighbourhood(&mut whole, start, depth);
            let (cut, nodes) = select::neighbourhood_graph(&a.graph, start, depth);
            assert_eq!(cut.graph.node_count(), whole.graph.node_count());
            assert_eq!(cut.graph.edge_count(), whole.graph.edge_count());
            assert_eq!(nodes.len(), cut.graph.node_count());
            if cut.articles.len() > 1 {
                cross_input += 1;
            }
            assert_eq!(
                print_dot(&to_dot(&cut, &a.report.renumbered(&nodes), &opts)),
                print_dot(&to_dot(&whole, &a.report, &opts)),
                "start {start:?}, depth {depth}"
            );
        }
    }
    assert!(cross_input > 0, "some neighbourhood spans several articles");
}
