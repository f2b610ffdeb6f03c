//! Interchange formats and rendering: each format is parsed back and its node and edge
//! counts compared with the graph; networkx loads them where it is installed; images are
//! drawn with Graphviz and with the built-in layout.

#[path = "../benches/support/corpus.rs"]
mod corpus;
#[path = "support/scratch.rs"]
mod scratch;

use quick_xml::Reader;
use quick_xml::events::Event;
use scratch::Scratch;
use srcgraph::export::dot::{DotOptions, to_dot};
use srcgraph::export::interchange::{write_csv_dir, write_gexf, write_graphml, write_node_link};
use srcgraph::export::table::GraphTable;
use srcgraph::input::Document;
use srcgraph::outlets::Outlets;
use srcgraph::pipeline::{Analysis, Pipeline};
use srcgraph::render::{Engine, ImageFormat, builtin_svg, render};
use std::path::Path;
use std::process::Command;

fn analysis_with(outlets: &Outlets, extra: Option<&str>) -> Analysis {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    let mut docs: Vec<Document> = ["seed.txt", "monitor-caspian.txt", "weekly-ingushetia.txt"]
        .iter()
        .map(|n| Document::from_text(*n, std::fs::read_to_string(root.join(n)).expect("sample")))
        .collect();
    if let Some(text) = extra {
        docs.push(Document::from_text("hostile.txt", text));
    }
    let p = Pipeline {
        outlets,
        date_nodes: true,
        ..Pipeline::default()
    };
    p.run(&docs)
}

const HOSTILE: &str =
    "Evil\"]; x [label=\"pwn </script><script>alert(1)</script> ]]> a,b \\ \u{0}\u{1b}";

fn hostile_outlets() -> Outlets {
    let mut o = Outlets::builtin().clone();
    let escaped = HOSTILE
        .replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\u{0}', "\\u0000")
        .replace('\u{1b}', "\\u001b");
    o.extend(
        &Outlets::from_toml_str(&format!(
            "[[outlet]]\nname = \"{escaped}\"\naliases = [\"Hostile Daily\"]\n"
        ))
        .expect("toml"),
    );
    o
}

fn counts(a: &Analysis) -> (usize, usize) {
    (a.graph.graph.node_count(), a.graph.graph.edge_count())
}

/// Count elements named `node`/`edge` and collect every text and attribute value (entity
/// references resolved), reading with quick-xml's parser, which rejects malformed XML.
fn xml_counts(xml: &str) -> (usize, usize, Vec<String>) {
    use quick_xml::XmlVersion::Implicit1_0 as V;
    let mut r = Reader::from_str(xml);
    let (mut nodes, mut edges, mut texts, mut text) = (0, 0, Vec::new(), String::new());
    loop {
        match r.read_event().expect("well-formed XML") {
            Event::Start(e) | Event::Empty(e) => {
                text.clear();
                match e.name().as_ref() {
                    "node" => nodes += 1,
                    "edge" => edges += 1,
                    _ => {}
                }
                for a in e.attributes() {
                    let a = a.expect("attribute");
                    texts.push(a.normalized_value(V).expect("value").into_owned());
                }
            }
            Event::Text(t) => text.push_str(&t.xml_content(V)),
            Event::GeneralRef(g) => match g.resolve_char_ref().expect("char ref") {
                Some(c) => text.push(c),
                None => text.push(match g.as_ref() {
                    "amp" => '&',
                    "lt" => '<',
                    "gt" => '>',
                    "quot" => '"',
                    "apos" => '\'',
                    other => panic!("unknown entity {other:?}"),
                }),
            },
            Event::End(_) => texts.push(std::mem::take(&mut text)),
            Event::Eof => break,
            _ => {}
        }
    }
    (nodes, edges, texts)
}

#[test]
fn every_format_parses_back_with_the_graph_counts() {
    let outlets = hostile_outlets();
    let a = analysis_with(
        &outlets,
        Some("Publication: Monitor Volume: 7 Issue: 79\n\nA claim (Hostile Daily, April 2).\n"),
    );
    let (n, e) = counts(&a);
    let t = GraphTable::new(&a.graph, &a.report);
    let safe = HOSTILE.replace(['\u{0}', '\u{1b}'], "\u{FFFD}");

    let mut json = Vec::new();
    write_node_link(&mut json, &t).expect("json");
    let v: serde_json::Value = serde_json::from_slice(&json).expect("valid JSON");
    assert_eq!(v["nodes"].as_array().map(Vec::len), Some(n));
    assert_eq!(v["links"].as_array().map(Vec::len), Some(e));
    assert!(
        v["nodes"]
            .as_array()
            .is_some_and(|ns| ns.iter().any(|x| x["label"] == HOSTILE)),
        "name intact in JSON"
    );

    for (name, write) in [
        (
            "graphml",
            write_graphml as fn(&mut dyn std::io::Write, &GraphTable) -> std::io::Result<()>,
        ),
        ("gexf", write_gexf),
    ] {
        let mut out = Vec::new();
        write(&mut out, &t).expect(name);
        let xml = String::from_utf8(out).expect("UTF-8");
        let (xn, xe, texts) = xml_counts(&xml);
        assert_eq!((xn, xe), (n, e), "{name} counts");
        assert!(
            texts.contains(&safe),
            "{name}: name intact (forbidden characters replaced): {:?}",
            texts
                .iter()
                .filter(|s| s.contains("Evil"))
                .collect::<Vec<_>>()
        );
    }

    let dir = Scratch::new("csv");
    write_csv_dir(&dir, &t).expect("csv");
    let nodes = read_csv(&std::fs::read_to_string(dir.join("nodes.csv")).expect("nodes.csv"));
    let edges = read_csv(&std::fs::read_to_string(dir.join("edges.csv")).expect("edges.csv"));
    assert_eq!(
        (nodes.len() - 1, edges.len() - 1),
        (n, e),
        "rows besides the header"
    );
    assert!(
        nodes.iter().all(|r| r.len() == nodes[0].len()),
        "every row has every column"
    );
    assert!(
        nodes.iter().any(|r| r.iter().any(|f| f == HOSTILE)),
        "name intact in CSV"
    );
}

/// A small RFC 4180 reader (quoted fields, doubled quotes, line breaks inside quotes).
fn read_csv(s: &str) -> Vec<Vec<String>> {
    let (mut rows, mut row, mut field, mut quoted) = (Vec::new(), Vec::new(), String::new(), false);
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            ('"', _) => quoted = !quoted,
            (',', false) => row.push(std::mem::take(&mut field)),
            ('\n', false) => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (c, _) => field.push(c),
        }
    }
    rows
}

fn python_with_networkx() -> bool {
    let ok = Command::new("python3")
        .args(["-c", "import networkx"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have python3 with networkx (pip install networkx)"
        );
        eprintln!(
            "notice: python3 with networkx not found; skipping the networkx check (pip install networkx)"
        );
    }
    ok
}

#[test]
fn networkx_loads_graphml_gexf_and_node_link_json() {
    if !python_with_networkx() {
        return;
    }
    let a = analysis_with(Outlets::builtin(), None);
    let (n, e) = counts(&a);
    let t = GraphTable::new(&a.graph, &a.report);
    let dir = Scratch::new("nx");
    let mut f = std::fs::File::create(dir.join("g.graphml")).expect("file");
    write_graphml(&mut f, &t).expect("graphml");
    let mut f = std::fs::File::create(dir.join("g.gexf")).expect("file");
    write_gexf(&mut f, &t).expect("gexf");
    let mut f = std::fs::File::create(dir.join("g.json")).expect("file");
    write_node_link(&mut f, &t).expect("json");
    let script = r#"
import json, sys, networkx as nx
d = sys.argv[1]
g1 = nx.read_graphml(d + "/g.graphml")
g2 = nx.read_gexf(d + "/g.gexf")
data = json.load(open(d + "/g.json"))
try:
    g3 = nx.node_link_graph(data, edges="links")
except TypeError:
    g3 = nx.node_link_graph(data)
kinds = sorted({g1.nodes[n]["kind"] for n in g1.nodes})
print(g1.number_of_nodes(), g1.number_of_edges(), g2.number_of_nodes(), g2.number_of_edges(),
      g3.number_of_nodes(), g3.number_of_edges(), ",".join(kinds))
"#;
    let out = Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(&*dir)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let got = String::from_utf8_lossy(&out.stdout).trim().to_string();
    assert_eq!(
        got,
        format!("{n} {e} {n} {e} {n} {e} article,claim,date,issue,outlet,source")
    );
}

fn dot_available() -> bool {
    let ok = Command::new("dot").arg("-V").output().is_ok();
    if !ok {
        assert!(
            std::env::var_os("SRCGRAPH_REQUIRE_DOT").is_none(),
            "SRCGRAPH_REQUIRE_DOT is set but Graphviz `dot` is missing"
        );
        eprintln!(
            "notice: Graphviz `dot` not found; skipping Graphviz rendering (set SRCGRAPH_REQUIRE_DOT=1 to require it)"
        );
    }
    ok
}

#[test]
fn images_with_graphviz_and_with_the_builtin_layout() {
    let a = analysis_with(Outlets::builtin(), None);
    let dot = to_dot(&a.graph, &a.report, &DotOptions::default());
    let svg = builtin_svg(&dot).expect("built-in layout draws");
    let (_, _, texts) = xml_counts(&String::from_utf8(svg).expect("UTF-8"));
    assert!(
        texts.iter().any(|t| t.contains("JoongAng Ilbo")),
        "labels drawn"
    );
    let d = render(&dot, ImageFormat::Svg, Engine::Builtin).expect("builtin");
    assert!(d.warning.is_some(), "the simplification is announced");
    assert!(
        render(&dot, ImageFormat::Png, Engine::Builtin).is_err(),
        "built-in draws SVG only"
    );
    if dot_available() {
        for (format, magic) in [
            (ImageFormat::Svg, &b"<?xml"[..]),
            (ImageFormat::Png, b"\x89PNG"),
            (ImageFormat::Pdf, b"%PDF"),
        ] {
            let d = render(&dot, format, Engine::Dot).expect("graphviz draws");
            assert!(d.bytes.starts_with(magic) && d.warning.is_none());
        }
        let d = render(&dot, ImageFormat::Svg, Engine::Neato).expect("neato");
        assert!(d.bytes.starts_with(b"<?xml"));
    }
}

/// The DOT statements of `a`'s graph, without the legend.
fn dot_without_legend(a: &Analysis) -> graphviz_rust::dot_structures::Graph {
    let opts = DotOptions {
        legend: false,
        ..DotOptions::default()
    };
    to_dot(&a.graph, &a.report, &opts)
}

/// A graph wider than the built-in layout's search for fewer crossings is drawn without
/// it, every outlet still there. (With the search, these 25 KB of generated bulletin took
/// 10 s in a release build, and a debug build many times that.)
#[test]
fn the_builtin_layout_draws_a_wide_graph() {
    let text = corpus::corpus_of_size(5, 25_000);
    let a = Pipeline::default().run(&[Document::from_text("wide.txt", &text)]);
    let dot = dot_without_legend(&a);
    let nodes = a.graph.graph.node_count();
    assert!(
        nodes > srcgraph::render::BUILTIN_CROSSING_SEARCH_NODES,
        "{nodes} nodes: not wide enough"
    );
    let svg = String::from_utf8(builtin_svg(&dot).expect("drawn")).expect("UTF-8");
    let (_, _, texts) = xml_counts(&svg);
    for o in a.graph.graph.node_weights().filter_map(|n| match n {
        srcgraph::graph::Node::Outlet(o) => Some(&o.name),
        _ => None,
    }) {
        assert!(texts.iter().any(|t| t.contains(o.as_str())), "{o} drawn");
    }
}

#[test]
fn an_empty_graph_draws_an_empty_diagram() {
    let a = Pipeline::default().run(&[Document::from_text("e.txt", "")]);
    let dot = dot_without_legend(&a);
    let svg = builtin_svg(&dot).expect("empty svg");
    assert!(String::from_utf8_lossy(&svg).contains("<svg"));
    if dot_available() {
        assert!(render(&dot, ImageFormat::Svg, Engine::Dot).is_ok());
    }
}
