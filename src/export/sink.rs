//! Where the parts of a source graph are written ([`crate::graph::parts`]), in order: each
//! article's, then the shared one. One [`GraphSink`] per output format; a whole graph
//! ([`write_graph`]) and one streamed chunk by chunk ([`super::streamed::StreamedGraph`])
//! go through the same sinks, so they write the same bytes.
//!
//! - DOT: [`super::dot::DotWriter`] prints each part's statements as they come;
//! - CSV: [`CsvSink`] appends each part's rows to `nodes.csv` and `edges.csv`;
//! - node-link JSON, GraphML and GEXF hold their nodes before their edges (or links before
//!   nodes): [`TableSink`] keeps what the parts give in spools (in memory up to a megabyte,
//!   then in an unnamed temporary file) — node-link JSON the text its nodes and links print
//!   to, GraphML and GEXF the rows — and writes the document at the end.

use super::dot::DotWriter;
use super::interchange::{CsvFiles, Rows, write_gexf_rows, write_graphml_rows};
use super::node_link::NodeLinkSpool;
use super::table::{EdgeRow, NodeIds, NodeRow, edge_row, node_row};
use crate::analyze::Report;
use crate::graph::SourceGraph;
use crate::graph::parts::{SharedPart, article_part, shared_part};
use crate::spool::{spool, spool_error};
use std::io::{self, BufRead, Seek, SeekFrom, Write};
use std::ops::Range;
use tempfile::SpooledTempFile;

/// Takes the parts of a graph in order and writes them in one format.
pub trait GraphSink {
    /// The parts of articles `range` of `g` (node ids `ids`, claim verdicts in `report`).
    ///
    /// # Errors
    /// Any error of writing.
    fn articles(
        &mut self,
        g: &SourceGraph,
        ids: &NodeIds,
        report: &Report,
        range: Range<usize>,
    ) -> io::Result<()>;

    /// The shared part of `g`.
    ///
    /// # Errors
    /// Any error of writing.
    fn shared(&mut self, g: &SourceGraph, ids: &NodeIds, part: &SharedPart) -> io::Result<()>;

    /// Finish the output.
    ///
    /// # Errors
    /// Any error of writing.
    fn finish(self: Box<Self>) -> io::Result<()>;
}

/// Write every part of the whole graph `g` to `sink`, node ids `ids` (those before a
/// selection, [`super::table::node_ids`]).
///
/// # Errors
/// Any error of writing.
pub fn write_graph(
    mut sink: Box<dyn GraphSink + '_>,
    g: &SourceGraph,
    ids: &NodeIds,
    report: &Report,
) -> io::Result<()> {
    sink.articles(g, ids, report, 0..g.articles.len().max(g.claims.len()))?;
    sink.shared(g, ids, &shared_part(g))?;
    sink.finish()
}

impl GraphSink for DotWriter<'_> {
    fn articles(
        &mut self,
        g: &SourceGraph,
        ids: &NodeIds,
        report: &Report,
        range: Range<usize>,
    ) -> io::Result<()> {
        DotWriter::articles(self, g, ids, report, range)
    }

    fn shared(&mut self, g: &SourceGraph, ids: &NodeIds, part: &SharedPart) -> io::Result<()> {
        DotWriter::shared(self, g, ids, part)
    }

    fn finish(self: Box<Self>) -> io::Result<()> {
        DotWriter::finish(*self)
    }
}

/// The rows of the parts of articles `range` of `g`.
fn article_rows(
    g: &SourceGraph,
    ids: &NodeIds,
    report: &Report,
    range: Range<usize>,
) -> (Vec<NodeRow>, Vec<EdgeRow>) {
    let (mut nodes, mut edges) = (Vec::new(), Vec::new());
    for i in range {
        let part = article_part(g, i);
        nodes.extend(part.nodes().map(|n| node_row(g, ids, report, n)));
        edges.extend(part.edges.iter().filter_map(|&e| edge_row(g, ids, e)));
    }
    (nodes, edges)
}

/// The rows of the shared part of `g`.
fn shared_rows(g: &SourceGraph, ids: &NodeIds, part: &SharedPart) -> (Vec<NodeRow>, Vec<EdgeRow>) {
    let report = Report::new(Vec::new(), Vec::new(), Vec::new());
    (
        part.all_nodes()
            .map(|n| node_row(g, ids, &report, n))
            .collect(),
        part.edges
            .iter()
            .filter_map(|&e| edge_row(g, ids, e))
            .collect(),
    )
}

/// CSV: rows appended to `nodes.csv` and `edges.csv` as the parts come.
pub struct CsvSink(CsvFiles);

impl CsvSink {
    /// Both files in `dir`, created.
    ///
    /// # Errors
    /// The directory or a file cannot be written.
    pub fn create(dir: &std::path::Path) -> io::Result<CsvSink> {
        Ok(CsvSink(CsvFiles::create(dir)?))
    }
}

impl GraphSink for CsvSink {
    fn articles(
        &mut self,
        g: &SourceGraph,
        ids: &NodeIds,
        report: &Report,
        range: Range<usize>,
    ) -> io::Result<()> {
        let (nodes, edges) = article_rows(g, ids, report, range);
        self.0.nodes(&nodes)?;
        self.0.edges(&edges)
    }

    fn shared(&mut self, g: &SourceGraph, ids: &NodeIds, part: &SharedPart) -> io::Result<()> {
        let (nodes, edges) = shared_rows(g, ids, part);
        self.0.nodes(&nodes)?;
        self.0.edges(&edges)
    }

    fn finish(self: Box<Self>) -> io::Result<()> {
        self.0.finish()
    }
}

/// The documents [`TableSink`] writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableFormat {
    /// Node-link JSON.
    NodeLink,
    /// GraphML.
    Graphml,
    /// GEXF 1.2.
    Gexf,
}

/// Node-link JSON, GraphML or GEXF, kept as the parts come and written at the end.
pub struct TableSink<'w> {
    w: &'w mut dyn Write,
    kept: Kept,
}

/// What a [`TableSink`] keeps until the end.
enum Kept {
    /// Node-link JSON: the text its nodes and links print to.
    Text(NodeLinkSpool),
    /// GraphML and GEXF: the rows in spools (one JSON line a row), and the writer of the
    /// document made of them.
    Rows {
        nodes: SpooledTempFile,
        edges: SpooledTempFile,
        write: fn(&mut dyn Write, Rows<'_, NodeRow>, Rows<'_, EdgeRow>) -> io::Result<()>,
    },
}

impl<'w> TableSink<'w> {
    /// A document in `format` to be written to `w`.
    pub fn new(w: &'w mut dyn Write, format: TableFormat) -> TableSink<'w> {
        let rows = |write| Kept::Rows {
            nodes: spool(),
            edges: spool(),
            write,
        };
        let kept = match format {
            TableFormat::NodeLink => Kept::Text(NodeLinkSpool::new()),
            TableFormat::Graphml => rows(write_graphml_rows),
            TableFormat::Gexf => rows(write_gexf_rows),
        };
        TableSink { w, kept }
    }

    fn keep(&mut self, nodes: &[NodeRow], edges: &[EdgeRow]) -> io::Result<()> {
        fn put<R: serde::Serialize>(f: &mut SpooledTempFile, rows: &[R]) -> io::Result<()> {
            let mut buf = Vec::new();
            for r in rows {
                serde_json::to_writer(&mut buf, r).map_err(io::Error::from)?;
                buf.push(b'\n');
            }
            f.write_all(&buf)
                .map_err(|e| spool_error("the graph's rows", e))
        }
        match &mut self.kept {
            Kept::Text(text) => text.keep(nodes, edges),
            Kept::Rows {
                nodes: n, edges: e, ..
            } => {
                put(n, nodes)?;
                put(e, edges)
            }
        }
    }
}

/// The rows kept in `f`, read back one at a time.
fn read_back<R: serde::de::DeserializeOwned>(
    f: &mut SpooledTempFile,
) -> io::Result<impl Iterator<Item = io::Result<R>> + '_> {
    f.seek(SeekFrom::Start(0))
        .map_err(|e| spool_error("the graph's rows", e))?;
    Ok(io::BufReader::new(f).lines().map(|line| {
        let line = line.map_err(|e| spool_error("the graph's rows", e))?;
        serde_json::from_str(&line).map_err(io::Error::from)
    }))
}

impl GraphSink for TableSink<'_> {
    fn articles(
        &mut self,
        g: &SourceGraph,
        ids: &NodeIds,
        report: &Report,
        range: Range<usize>,
    ) -> io::Result<()> {
        let (nodes, edges) = article_rows(g, ids, report, range);
        self.keep(&nodes, &edges)
    }

    fn shared(&mut self, g: &SourceGraph, ids: &NodeIds, part: &SharedPart) -> io::Result<()> {
        let (nodes, edges) = shared_rows(g, ids, part);
        self.keep(&nodes, &edges)
    }

    fn finish(self: Box<Self>) -> io::Result<()> {
        let TableSink { w, kept } = *self;
        match kept {
            Kept::Text(text) => text.finish(w),
            Kept::Rows {
                mut nodes,
                mut edges,
                write,
            } => write(w, &mut read_back(&mut nodes)?, &mut read_back(&mut edges)?),
        }
    }
}
