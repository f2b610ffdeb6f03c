//! The node-link JSON document (networkx's `node_link_graph`, D3), written as its rows are
//! read.
//!
//! The document is what serde_json prints for it built whole as a `serde_json::Value`:
//! pretty, every key in alphabetical order. Each row is written through a borrowed view
//! that declares its keys in that order ([`NodeJson`], [`EdgeJson`]) rather than turned into
//! a value and dropped, which was about a fifth of `graph --format json`. The tests hold
//! the views to the values, key by key and byte by byte.

use super::interchange::Rows;
use super::table::{EdgeRow, NodeRow};
use serde::ser::{Error as _, SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};
use std::cell::RefCell;
use std::io::{self, Write};

/// Write the document of `nodes` and `edges`, read one at a time.
pub(super) fn write(
    w: &mut dyn Write,
    nodes: Rows<'_, NodeRow>,
    edges: Rows<'_, EdgeRow>,
) -> io::Result<()> {
    let (mut nodes, mut edges) = (nodes, edges);
    let doc = Doc {
        nodes: Seq(RefCell::new(&mut nodes)),
        links: Seq(RefCell::new(&mut edges)),
    };
    // serde_json writes token by token: through a buffer, not one call to `w` each.
    let mut out = io::BufWriter::with_capacity(1 << 16, w);
    serde_json::to_writer_pretty(&mut out, &doc).map_err(io::Error::from)?;
    out.write_all(b"\n")?;
    out.flush()
}

/// A row as the document writes it.
trait SortedJson {
    /// The row's view, keys in alphabetical order.
    fn sorted(&self) -> impl Serialize + '_;
}

/// A sequence serialized as its rows are read.
struct Seq<'r, 'a, R>(RefCell<&'r mut Rows<'a, R>>);

impl<R: SortedJson> Serialize for Seq<'_, '_, R> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut rows = self.0.borrow_mut();
        let mut seq = s.serialize_seq(None)?;
        for row in &mut **rows {
            seq.serialize_element(&row.map_err(S::Error::custom)?.sorted())?;
        }
        seq.end()
    }
}

struct Doc<'r, 'a, 'b> {
    nodes: Seq<'r, 'a, NodeRow>,
    links: Seq<'r, 'b, EdgeRow>,
}

/// The document's `graph` attributes.
#[derive(Serialize)]
struct GraphAttributes {
    generator: &'static str,
    version: u32,
}

impl Serialize for Doc<'_, '_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(5))?;
        m.serialize_entry("directed", &true)?;
        let graph = GraphAttributes {
            generator: "srcgraph",
            version: super::json::SCHEMA_VERSION,
        };
        m.serialize_entry("graph", &graph)?;
        m.serialize_entry("links", &self.links)?;
        m.serialize_entry("multigraph", &true)?;
        m.serialize_entry("nodes", &self.nodes)?;
        m.end()
    }
}

/// A [`NodeRow`], keys in alphabetical order.
#[derive(Serialize)]
struct NodeJson<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    collective_only: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    column: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    group: Option<&'a str>,
    id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    independent_sources: Option<usize>,
    kind: &'a str,
    label: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    outlet_kind: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    path: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    publication: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    source_type: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    span: Option<[usize; 2]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    verdict: Option<&'a str>,
}

impl SortedJson for NodeRow {
    fn sorted(&self) -> impl Serialize + '_ {
        NodeJson {
            collective_only: self.collective_only,
            column: self.column,
            date: self.date.as_deref(),
            group: self.group.as_deref(),
            id: &self.id,
            independent_sources: self.independent_sources,
            kind: self.kind,
            label: &self.label,
            line: self.line,
            outlet_kind: self.outlet_kind.as_deref(),
            path: self.path.as_deref(),
            publication: self.publication.as_deref(),
            source_type: self.source_type.as_deref(),
            span: self.span,
            verdict: self.verdict.as_deref(),
        }
    }
}

/// An [`EdgeRow`], keys in alphabetical order.
#[derive(Serialize)]
struct EdgeJson<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    count: Option<usize>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    dates: &'a [String],
    kind: &'a str,
    source: &'a str,
    target: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    written: Option<&'a str>,
}

impl SortedJson for EdgeRow {
    fn sorted(&self) -> impl Serialize + '_ {
        EdgeJson {
            count: self.count,
            dates: &self.dates,
            kind: self.kind,
            source: &self.source,
            target: &self.target,
            written: self.written.as_deref(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{Value, json};

    fn node(full: bool) -> NodeRow {
        let some = |s: &str| full.then(|| s.to_string());
        NodeRow {
            id: "c3".into(),
            kind: "claim",
            label: "Talks \"stalled\"\nagain…".into(),
            verdict: some("corroborated"),
            independent_sources: full.then_some(2),
            collective_only: full.then_some(false),
            source_type: some("person"),
            outlet_kind: some("agency"),
            group: some("kyodo"),
            path: some("a b.txt"),
            line: full.then_some(4),
            column: full.then_some(9),
            span: full.then_some([10, 90]),
            date: some("2000-07-21"),
            publication: some("Monitor"),
        }
    }

    fn edge(full: bool) -> EdgeRow {
        EdgeRow {
            source: "c3".into(),
            target: "o1".into(),
            kind: "cites",
            dates: if full {
                vec!["2000-07-21".into(), "July 22 through 24".into()]
            } else {
                Vec::new()
            },
            written: full.then(|| "Kyodo".to_string()),
            count: full.then_some(3),
        }
    }

    /// The document as it was first written: values, whose maps sort their keys.
    fn as_values(nodes: &[NodeRow], edges: &[EdgeRow]) -> String {
        let doc = json!({
            "directed": true,
            "graph": {"generator": "srcgraph", "version": super::super::json::SCHEMA_VERSION},
            "links": edges.iter().map(AsValue::value).collect::<Vec<Value>>(),
            "multigraph": true,
            "nodes": nodes.iter().map(AsValue::value).collect::<Vec<Value>>(),
        });
        serde_json::to_string_pretty(&doc).expect("a document") + "\n"
    }

    /// A row as a value.
    trait AsValue {
        fn value(&self) -> Value;
    }
    impl<T: Serialize> AsValue for T {
        fn value(&self) -> Value {
            serde_json::to_value(self).expect("a row")
        }
    }

    fn written(nodes: &[NodeRow], edges: &[EdgeRow]) -> String {
        let mut out = Vec::new();
        let mut n = nodes.iter().cloned().map(Ok);
        let mut e = edges.iter().cloned().map(Ok);
        write(&mut out, &mut n, &mut e).expect("written");
        String::from_utf8(out).expect("UTF-8")
    }

    #[test]
    fn the_views_have_every_key_and_value_of_the_rows() {
        for full in [true, false] {
            assert_eq!(node(full).sorted().value(), node(full).value());
            assert_eq!(edge(full).sorted().value(), edge(full).value());
        }
    }

    #[test]
    fn the_document_is_written_as_the_values_were() {
        for (nodes, edges) in [
            (vec![], vec![]),
            (vec![node(true)], vec![]),
            (vec![], vec![edge(false)]),
            (vec![node(true), node(false)], vec![edge(true), edge(false)]),
        ] {
            assert_eq!(written(&nodes, &edges), as_values(&nodes, &edges));
        }
    }
}
