//! The node-link JSON document (networkx's `node_link_graph`, D3), written as its rows are
//! read, or kept as text as they come ([`NodeLinkSpool`]) and written at the end.
//!
//! The document is what serde_json prints for it built whole as a `serde_json::Value`:
//! pretty, every key in alphabetical order. Each row is printed through a borrowed view
//! that declares its keys in that order ([`NodeJson`], [`EdgeJson`]) rather than turned into
//! a value and dropped, which was about a fifth of `graph --format json`; and a streamed
//! graph keeps its rows as the text they print to rather than as rows to be read back. The
//! tests hold the views to the values, key by key, and the document to the value's bytes.

use super::interchange::Rows;
use super::json::{pretty_into, write_pretty_at};
use super::table::{EdgeRow, NodeRow};
use crate::spool::{spool, spool_error};
use serde::Serialize;
use std::io::{self, Seek, SeekFrom, Write};
use tempfile::SpooledTempFile;

/// Write the document of `nodes` and `edges`, read one at a time.
pub(super) fn write(
    w: &mut dyn Write,
    nodes: Rows<'_, NodeRow>,
    edges: Rows<'_, EdgeRow>,
) -> io::Result<()> {
    /// Print each row as it is read.
    fn items<R: SortedJson>(rows: Rows<'_, R>, out: &mut impl Write) -> io::Result<Items> {
        let mut items = Items::default();
        let mut text = Vec::new();
        for r in rows {
            text.clear();
            items.push(&mut text, &r?.sorted())?;
            out.write_all(&text)?;
        }
        Ok(items)
    }
    document(w, |out| items(edges, out), |out| items(nodes, out))
}

/// The document around its lists, which `links` and `nodes` write (their items, as
/// [`Items`] counts them), written through a buffer: serde_json writes token by token.
fn document<'w>(
    w: &'w mut dyn Write,
    links: impl FnOnce(&mut io::BufWriter<&'w mut dyn Write>) -> io::Result<Items>,
    nodes: impl FnOnce(&mut io::BufWriter<&'w mut dyn Write>) -> io::Result<Items>,
) -> io::Result<()> {
    let mut out = io::BufWriter::with_capacity(1 << 16, w);
    open(&mut out)?;
    links(&mut out)?.close(&mut out)?;
    out.write_all(b",\n  \"multigraph\": true,\n  \"nodes\": [")?;
    nodes(&mut out)?.close(&mut out)?;
    out.write_all(b"\n}\n")?;
    // Written out, the flushing of the writer under it left to its owner.
    out.into_inner()
        .map(drop)
        .map_err(io::IntoInnerError::into_error)
}

/// The document up to its first link: `{`, `directed`, `graph`, `"links": [`.
fn open(out: &mut impl Write) -> io::Result<()> {
    out.write_all(b"{\n  \"directed\": true,\n  \"graph\": ")?;
    let graph = GraphAttributes {
        generator: "srcgraph",
        version: super::json::SCHEMA_VERSION,
    };
    write_pretty_at(out, &graph, 2)?;
    out.write_all(b",\n  \"links\": [")
}

/// The items of a list of the document, as serde_json prints them: each on a new line
/// four spaces in, after a comma but the first; the closing bracket on a line of its own,
/// or right after the opening one when there are none.
#[derive(Default)]
struct Items {
    count: usize,
}

impl Items {
    fn push(&mut self, out: &mut Vec<u8>, item: &impl Serialize) -> io::Result<()> {
        out.extend_from_slice(if self.count == 0 {
            b"\n    "
        } else {
            b",\n    "
        });
        self.count += 1;
        pretty_into(out, item, 4)
    }

    fn close(&self, out: &mut impl Write) -> io::Result<()> {
        out.write_all(if self.count == 0 { b"]" } else { b"\n  ]" })
    }
}

/// The rows of a graph streamed part by part, kept as the text of their items (links and
/// nodes apart: the document lists every link first), and the document written from them
/// at the end.
pub(crate) struct NodeLinkSpool {
    links: (SpooledTempFile, Items),
    nodes: (SpooledTempFile, Items),
}

impl NodeLinkSpool {
    pub(crate) fn new() -> Self {
        NodeLinkSpool {
            links: (spool(), Items::default()),
            nodes: (spool(), Items::default()),
        }
    }

    /// Keep the text of `nodes` and `edges`.
    pub(crate) fn keep(&mut self, nodes: &[NodeRow], edges: &[EdgeRow]) -> io::Result<()> {
        fn put<R: SortedJson>(
            (f, items): &mut (SpooledTempFile, Items),
            rows: &[R],
        ) -> io::Result<()> {
            // Kept 64 KB at a time: a chunk's rows print to several times its text.
            let mut text = Vec::with_capacity(1 << 16);
            for (i, r) in rows.iter().enumerate() {
                items.push(&mut text, &r.sorted())?;
                if text.len() >= 1 << 16 || i + 1 == rows.len() {
                    f.write_all(&text)
                        .map_err(|e| spool_error("the graph's rows", e))?;
                    text.clear();
                }
            }
            Ok(())
        }
        put(&mut self.links, edges)?;
        put(&mut self.nodes, nodes)
    }

    /// Write the document to `w`.
    pub(crate) fn finish(self, w: &mut dyn Write) -> io::Result<()> {
        fn copy(
            (mut f, items): (SpooledTempFile, Items),
            out: &mut impl Write,
        ) -> io::Result<Items> {
            f.seek(SeekFrom::Start(0))
                .and_then(|_| io::copy(&mut f, out))
                .map_err(|e| spool_error("the graph's rows", e))?;
            Ok(items)
        }
        document(w, |out| copy(self.links, out), |out| copy(self.nodes, out))
    }
}

/// A row as the document writes it.
trait SortedJson {
    /// The row's view, keys in alphabetical order.
    fn sorted(&self) -> impl Serialize + '_;
}

/// The document's `graph` attributes.
#[derive(Serialize)]
struct GraphAttributes {
    generator: &'static str,
    version: u32,
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
    /// Every field of the row named (no `..`): a field added to it does not compile until
    /// the view prints it.
    fn sorted(&self) -> impl Serialize + '_ {
        let NodeRow {
            id,
            kind,
            label,
            verdict,
            independent_sources,
            collective_only,
            source_type,
            outlet_kind,
            group,
            path,
            line,
            column,
            span,
            date,
            publication,
        } = self;
        NodeJson {
            collective_only: *collective_only,
            column: *column,
            date: date.as_deref(),
            group: group.as_deref(),
            id,
            independent_sources: *independent_sources,
            kind,
            label,
            line: *line,
            outlet_kind: outlet_kind.as_deref(),
            path: path.as_deref(),
            publication: publication.as_deref(),
            source_type: source_type.as_deref(),
            span: *span,
            verdict: verdict.as_deref(),
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
    /// Every field of the row named, as for [`NodeRow`].
    fn sorted(&self) -> impl Serialize + '_ {
        let EdgeRow {
            source,
            target,
            kind,
            dates,
            written,
            count,
        } = self;
        EdgeJson {
            count: *count,
            dates,
            kind,
            source,
            target,
            written: written.as_deref(),
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
    fn rows_kept_part_by_part_make_the_document_of_all_rows() {
        let nodes = [node(true), node(false), node(true)];
        let edges = [edge(false), edge(true), edge(true)];
        for cut in 0..=3 {
            let mut kept = NodeLinkSpool::new();
            kept.keep(&nodes[..cut], &edges[..cut]).expect("kept");
            kept.keep(&[], &[]).expect("kept");
            kept.keep(&nodes[cut..], &edges[cut..]).expect("kept");
            let mut out = Vec::new();
            kept.finish(&mut out).expect("written");
            assert_eq!(
                String::from_utf8(out).expect("UTF-8"),
                as_values(&nodes, &edges)
            );
        }
        let mut out = Vec::new();
        NodeLinkSpool::new().finish(&mut out).expect("written");
        assert_eq!(String::from_utf8(out).expect("UTF-8"), as_values(&[], &[]));
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
