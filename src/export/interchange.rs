//! Interchange formats for other graph tools, all written from one [`GraphTable`]:
//!
//! - node-link JSON, as networkx's `node_link_graph` and D3 read it;
//! - GraphML and GEXF (1.2), with typed attribute declarations, for Gephi, yEd, Cytoscape and
//!   networkx — written with quick-xml, every name escaped, and characters XML 1.0 forbids
//!   (NUL, other control characters) replaced by U+FFFD;
//! - CSV, a `nodes.csv` and an `edges.csv`, for spreadsheets and pandas.

use super::table::{EdgeRow, GraphTable, NodeRow};
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};
use std::io::{self, Write};
use std::path::Path;

/// Rows as they are read back: from a [`GraphTable`], or from a spool
/// ([`super::sink::TableSink`]).
pub type Rows<'a, R> = &'a mut dyn Iterator<Item = io::Result<R>>;

/// The rows of `t`.
fn table_rows<R: Clone>(rows: &[R]) -> impl Iterator<Item = io::Result<R>> + '_ {
    rows.iter().cloned().map(Ok)
}

/// Write the node-link JSON document.
///
/// # Errors
/// Any error of the writer.
pub fn write_node_link(w: &mut dyn Write, t: &GraphTable) -> io::Result<()> {
    write_node_link_rows(w, &mut table_rows(&t.nodes), &mut table_rows(&t.edges))
}

/// Write the node-link JSON document of rows read one at a time: the bytes serde_json
/// prints for the document built whole (its pretty printer, keys in its order), never
/// holding the rows.
///
/// # Errors
/// Any error of the writer or of reading the rows.
pub fn write_node_link_rows(
    w: &mut dyn Write,
    nodes: Rows<'_, NodeRow>,
    edges: Rows<'_, EdgeRow>,
) -> io::Result<()> {
    super::node_link::write(w, nodes, edges)
}

/// Text safe for XML 1.0: characters it forbids become U+FFFD (escaping of `<`, `&`, quotes
/// is quick-xml's job).
pub fn xml_safe(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\t' | '\n' | '\r' => c,
            c if (c as u32) < 0x20 || matches!(c, '\u{FFFE}' | '\u{FFFF}') => '\u{FFFD}',
            c => c,
        })
        .collect()
}

/// An attribute: name, type (`string`, `int`, `boolean`), and how to read it from a row.
struct Attr<R> {
    name: &'static str,
    ty: &'static str,
    get: fn(&R) -> Option<String>,
}

fn node_attrs() -> Vec<Attr<NodeRow>> {
    fn s(v: &Option<String>) -> Option<String> {
        v.clone()
    }
    vec![
        Attr {
            name: "kind",
            ty: "string",
            get: |r| Some(r.kind.to_string()),
        },
        Attr {
            name: "label",
            ty: "string",
            get: |r| Some(r.label.clone()),
        },
        Attr {
            name: "verdict",
            ty: "string",
            get: |r| s(&r.verdict),
        },
        Attr {
            name: "independent_sources",
            ty: "int",
            get: |r| r.independent_sources.map(|n| n.to_string()),
        },
        Attr {
            name: "collective_only",
            ty: "boolean",
            get: |r| r.collective_only.map(|b| b.to_string()),
        },
        Attr {
            name: "outlet_kind",
            ty: "string",
            get: |r| s(&r.outlet_kind),
        },
        Attr {
            name: "group",
            ty: "string",
            get: |r| s(&r.group),
        },
        Attr {
            name: "path",
            ty: "string",
            get: |r| s(&r.path),
        },
        Attr {
            name: "line",
            ty: "int",
            get: |r| r.line.map(|n| n.to_string()),
        },
        Attr {
            name: "column",
            ty: "int",
            get: |r| r.column.map(|n| n.to_string()),
        },
        Attr {
            name: "span_start",
            ty: "int",
            get: |r| r.span.map(|s| s[0].to_string()),
        },
        Attr {
            name: "span_end",
            ty: "int",
            get: |r| r.span.map(|s| s[1].to_string()),
        },
        Attr {
            name: "date",
            ty: "string",
            get: |r| s(&r.date),
        },
        Attr {
            name: "publication",
            ty: "string",
            get: |r| s(&r.publication),
        },
    ]
}

fn edge_attrs() -> Vec<Attr<EdgeRow>> {
    vec![
        Attr {
            name: "kind",
            ty: "string",
            get: |r| Some(r.kind.to_string()),
        },
        Attr {
            name: "dates",
            ty: "string",
            get: |r| (!r.dates.is_empty()).then(|| r.dates.join(", ")),
        },
        Attr {
            name: "written",
            ty: "string",
            get: |r| r.written.clone(),
        },
        Attr {
            name: "count",
            ty: "int",
            get: |r| r.count.map(|n| n.to_string()),
        },
    ]
}

/// Write GraphML.
///
/// # Errors
/// Any error of the writer.
pub fn write_graphml(w: &mut dyn Write, t: &GraphTable) -> io::Result<()> {
    write_graphml_rows(w, &mut table_rows(&t.nodes), &mut table_rows(&t.edges))
}

/// Write GraphML of rows read one at a time.
///
/// # Errors
/// Any error of the writer or of reading the rows.
pub fn write_graphml_rows(
    w: &mut dyn Write,
    nodes: Rows<'_, NodeRow>,
    edges: Rows<'_, EdgeRow>,
) -> io::Result<()> {
    let mut x = Writer::new_with_indent(w, b' ', 2);
    x.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    x.create_element("graphml")
        .with_attribute(("xmlns", "http://graphml.graphdrawing.org/xmlns"))
        .write_inner_content(|x| {
            for (class, attrs) in [
                (
                    "node",
                    node_attrs()
                        .iter()
                        .map(|a| (a.name, a.ty))
                        .collect::<Vec<_>>(),
                ),
                (
                    "edge",
                    edge_attrs().iter().map(|a| (a.name, a.ty)).collect(),
                ),
            ] {
                for (name, ty) in attrs {
                    x.create_element("key")
                        .with_attribute(("id", format!("{class}_{name}").as_str()))
                        .with_attribute(("for", class))
                        .with_attribute(("attr.name", name))
                        .with_attribute(("attr.type", ty))
                        .write_empty()?;
                }
            }
            x.create_element("graph")
                .with_attribute(("id", "srcgraph"))
                .with_attribute(("edgedefault", "directed"))
                .write_inner_content(|x| {
                    let nattrs = node_attrs();
                    for n in &mut *nodes {
                        let n = &n?;
                        x.create_element("node")
                            .with_attribute(("id", n.id.as_str()))
                            .write_inner_content(|x| {
                                for a in &nattrs {
                                    if let Some(v) = (a.get)(n) {
                                        x.create_element("data")
                                            .with_attribute((
                                                "key",
                                                format!("node_{}", a.name).as_str(),
                                            ))
                                            .write_text_content(BytesText::new(&xml_safe(&v)))?;
                                    }
                                }
                                Ok(())
                            })?;
                    }
                    let eattrs = edge_attrs();
                    for (i, e) in (&mut *edges).enumerate() {
                        let e = &e?;
                        x.create_element("edge")
                            .with_attribute(("id", format!("e{i}").as_str()))
                            .with_attribute(("source", e.source.as_str()))
                            .with_attribute(("target", e.target.as_str()))
                            .write_inner_content(|x| {
                                for a in &eattrs {
                                    if let Some(v) = (a.get)(e) {
                                        x.create_element("data")
                                            .with_attribute((
                                                "key",
                                                format!("edge_{}", a.name).as_str(),
                                            ))
                                            .write_text_content(BytesText::new(&xml_safe(&v)))?;
                                    }
                                }
                                Ok(())
                            })?;
                    }
                    Ok(())
                })?;
            Ok(())
        })?;
    let w = x.into_inner();
    w.write_all(b"\n")
}

/// Write GEXF 1.2.
///
/// # Errors
/// Any error of the writer.
pub fn write_gexf(w: &mut dyn Write, t: &GraphTable) -> io::Result<()> {
    write_gexf_rows(w, &mut table_rows(&t.nodes), &mut table_rows(&t.edges))
}

/// Write GEXF 1.2 of rows read one at a time.
///
/// # Errors
/// Any error of the writer or of reading the rows.
pub fn write_gexf_rows(
    w: &mut dyn Write,
    nodes: Rows<'_, NodeRow>,
    edges: Rows<'_, EdgeRow>,
) -> io::Result<()> {
    let mut x = Writer::new_with_indent(w, b' ', 2);
    x.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    let nattrs = node_attrs();
    let eattrs = edge_attrs();
    fn gexf_type(ty: &str) -> &str {
        if ty == "int" { "integer" } else { ty }
    }
    x.create_element("gexf")
        .with_attribute(("xmlns", "http://www.gexf.net/1.2draft"))
        .with_attribute(("version", "1.2"))
        .write_inner_content(|x| {
            x.create_element("meta").write_inner_content(|x| {
                x.create_element("creator")
                    .write_text_content(BytesText::new("srcgraph"))?;
                Ok(())
            })?;
            x.create_element("graph")
                .with_attribute(("defaultedgetype", "directed"))
                .with_attribute(("mode", "static"))
                .write_inner_content(|x| {
                    for (class, list) in [
                        (
                            "node",
                            nattrs.iter().map(|a| (a.name, a.ty)).collect::<Vec<_>>(),
                        ),
                        ("edge", eattrs.iter().map(|a| (a.name, a.ty)).collect()),
                    ] {
                        x.create_element("attributes")
                            .with_attribute(("class", class))
                            .write_inner_content(|x| {
                                for (i, (name, ty)) in list.iter().enumerate() {
                                    x.create_element("attribute")
                                        .with_attribute(("id", i.to_string().as_str()))
                                        .with_attribute(("title", *name))
                                        .with_attribute(("type", gexf_type(ty)))
                                        .write_empty()?;
                                }
                                Ok(())
                            })?;
                    }
                    x.create_element("nodes").write_inner_content(|x| {
                        for n in &mut *nodes {
                            let n = &n?;
                            x.create_element("node")
                                .with_attribute(("id", n.id.as_str()))
                                .with_attribute(("label", xml_safe(&n.label).as_str()))
                                .write_inner_content(|x| attvalues(x, &nattrs, n))?;
                        }
                        Ok(())
                    })?;
                    x.create_element("edges").write_inner_content(|x| {
                        for (i, e) in (&mut *edges).enumerate() {
                            let e = &e?;
                            x.create_element("edge")
                                .with_attribute(("id", i.to_string().as_str()))
                                .with_attribute(("source", e.source.as_str()))
                                .with_attribute(("target", e.target.as_str()))
                                .with_attribute(("label", e.kind))
                                .write_inner_content(|x| attvalues(x, &eattrs, e))?;
                        }
                        Ok(())
                    })?;
                    Ok(())
                })?;
            Ok(())
        })?;
    let w = x.into_inner();
    w.write_all(b"\n")
}

fn attvalues<W: Write, R>(x: &mut Writer<W>, attrs: &[Attr<R>], row: &R) -> io::Result<()> {
    x.create_element("attvalues").write_inner_content(|x| {
        for (i, a) in attrs.iter().enumerate() {
            if let Some(v) = (a.get)(row) {
                x.create_element("attvalue")
                    .with_attribute(("for", i.to_string().as_str()))
                    .with_attribute(("value", xml_safe(&v).as_str()))
                    .write_empty()?;
            }
        }
        Ok(())
    })?;
    Ok(())
}

/// A CSV writer (the csv crate): RFC 4180 quoting — a field holding a comma, a quote or a
/// line break is quoted — and lines ended by `\n`.
pub fn csv_writer<W: Write>(w: W) -> csv::Writer<W> {
    csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(w)
}

fn node_columns() -> Vec<Attr<NodeRow>> {
    let mut columns = vec![Attr {
        name: "id",
        ty: "string",
        get: |r: &NodeRow| Some(r.id.clone()),
    }];
    columns.extend(node_attrs());
    columns
}

fn edge_columns() -> Vec<Attr<EdgeRow>> {
    let mut columns = vec![
        Attr {
            name: "source",
            ty: "string",
            get: |r: &EdgeRow| Some(r.source.clone()),
        },
        Attr {
            name: "target",
            ty: "string",
            get: |r: &EdgeRow| Some(r.target.clone()),
        },
    ];
    columns.extend(edge_attrs());
    columns
}

/// `nodes.csv` and `edges.csv` in a directory, written a few rows at a time.
pub struct CsvFiles {
    nodes: csv::Writer<io::BufWriter<std::fs::File>>,
    edges: csv::Writer<io::BufWriter<std::fs::File>>,
    node_columns: Vec<Attr<NodeRow>>,
    edge_columns: Vec<Attr<EdgeRow>>,
}

impl CsvFiles {
    /// Create both files (and `dir` when missing), each with its header.
    ///
    /// # Errors
    /// The directory or a file cannot be written.
    pub fn create(dir: &Path) -> io::Result<CsvFiles> {
        std::fs::create_dir_all(dir)?;
        let open = |name: &str| -> io::Result<_> {
            Ok(csv_writer(io::BufWriter::new(std::fs::File::create(
                dir.join(name),
            )?)))
        };
        let mut files = CsvFiles {
            nodes: open("nodes.csv")?,
            edges: open("edges.csv")?,
            node_columns: node_columns(),
            edge_columns: edge_columns(),
        };
        files
            .nodes
            .write_record(files.node_columns.iter().map(|a| a.name))?;
        files
            .edges
            .write_record(files.edge_columns.iter().map(|a| a.name))?;
        Ok(files)
    }

    /// Add node rows.
    ///
    /// # Errors
    /// The file cannot be written.
    pub fn nodes(&mut self, rows: &[NodeRow]) -> io::Result<()> {
        for r in rows {
            self.nodes.write_record(
                self.node_columns
                    .iter()
                    .map(|a| (a.get)(r).unwrap_or_default()),
            )?;
        }
        Ok(())
    }

    /// Add edge rows.
    ///
    /// # Errors
    /// The file cannot be written.
    pub fn edges(&mut self, rows: &[EdgeRow]) -> io::Result<()> {
        for r in rows {
            self.edges.write_record(
                self.edge_columns
                    .iter()
                    .map(|a| (a.get)(r).unwrap_or_default()),
            )?;
        }
        Ok(())
    }

    /// Flush both files.
    ///
    /// # Errors
    /// A file cannot be written.
    pub fn finish(mut self) -> io::Result<()> {
        self.nodes.flush()?;
        self.edges.flush()
    }
}

/// Write `nodes.csv` and `edges.csv` into directory `dir` (created when missing).
///
/// # Errors
/// The directory or a file cannot be written.
pub fn write_csv_dir(dir: &Path, t: &GraphTable) -> io::Result<()> {
    let mut files = CsvFiles::create(dir)?;
    files.nodes(&t.nodes)?;
    files.edges(&t.edges)?;
    files.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_specials() {
        let mut csv = csv_writer(Vec::new());
        csv.write_record(["plain", "a,b", "say \"hi\"\n", ""])
            .expect("in memory");
        let bytes = csv.into_inner().expect("in memory");
        assert_eq!(
            String::from_utf8_lossy(&bytes),
            "plain,\"a,b\",\"say \"\"hi\"\"\n\",\n"
        );
    }

    #[test]
    fn xml_safe_replaces_forbidden_characters() {
        assert_eq!(xml_safe("a\0b\x1bc\td"), "a\u{FFFD}b\u{FFFD}c\td");
    }
}
