//! A flat view of the source graph — one row per node, one per edge, with the attributes
//! other tools want — shared by the node-link JSON, GraphML, GEXF and CSV writers, and the
//! generated node ids shared with the DOT writer, so a node is `c3` in every format.

use crate::analyze::Report;
use crate::graph::parts::{article_part, shared_part};
use crate::graph::{Edge, Node, SourceGraph};
use petgraph::stable_graph::{EdgeIndex, NodeIndex};
use serde::{Deserialize, Serialize};

/// Generated ids: `a<N>` articles, `c<N>` claims, `o<N>` outlets, `d<N>` dates, `x<N>`
/// earlier issues, `s<N>` sources named in prose, numbered in node-index order.
pub fn node_ids(g: &SourceGraph) -> NodeIds {
    let mut counters = [0u32; 6];
    let bound = g
        .graph
        .node_indices()
        .next_back()
        .map_or(0, |n| n.index() + 1);
    let mut ids = vec![(b'?', 0); bound];
    for n in g.graph.node_indices() {
        let (prefix, slot) = match g.graph[n] {
            Node::Article(_) => (b'a', 0),
            Node::Claim(_) => (b'c', 1),
            Node::Outlet(_) => (b'o', 2),
            Node::Date(_) => (b'd', 3),
            Node::Issue(_) => (b'x', 4),
            Node::Source(_) => (b's', 5),
        };
        ids[n.index()] = (prefix, counters[slot]);
        counters[slot] += 1;
    }
    NodeIds(ids)
}

/// The generated id of every node of a graph (8 bytes a node; the text is made on demand).
#[derive(Debug, Clone)]
pub struct NodeIds(Vec<(u8, u32)>);

impl NodeIds {
    /// Ids given by node index: `(prefix, number)`, `(b'?', _)` for no node.
    pub(crate) fn from_pairs(ids: Vec<(u8, u32)>) -> NodeIds {
        NodeIds(ids)
    }

    /// The prefix and number of node `n`'s id.
    pub(crate) fn pair(&self, n: NodeIndex) -> (u8, u32) {
        self.0.get(n.index()).copied().unwrap_or((b'?', 0))
    }

    /// The id of node `n` ("c12"), or "" for a node not in the graph.
    pub fn get(&self, n: NodeIndex) -> String {
        let mut id = String::with_capacity(8);
        self.push_id(n, &mut id);
        id
    }

    /// Append [`NodeIds::get`] of `n` to `out` (an id is written for every node and edge:
    /// without `format!` or a string of its own).
    pub(crate) fn push_id(&self, n: NodeIndex, out: &mut String) {
        if let Some(&(prefix, k)) = self.0.get(n.index())
            && prefix != b'?'
        {
            out.push(char::from(prefix));
            out.push_str(itoa::Buffer::new().format(k));
        }
    }
}

/// One node with its attributes; attributes that do not apply are `None`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NodeRow {
    /// Generated id.
    pub id: String,
    /// `article`, `claim`, `outlet`, `date`, `issue` or `source`.
    #[serde(deserialize_with = "known_kind")]
    pub kind: Kind,
    /// A human label: the article's name, the claim's excerpt, the outlet's name, the day.
    pub label: String,
    /// Claims: their verdict.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verdict: Option<String>,
    /// Claims: their number of independent sources.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub independent_sources: Option<usize>,
    /// Claims: whether their only sources are collectives.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub collective_only: Option<bool>,
    /// Sources named in prose: person, official_body, document, anonymous, vague.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_type: Option<String>,
    /// Outlets: their kind (agency, newspaper, ...).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outlet_kind: Option<String>,
    /// Outlets: their independence group.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// Articles and claims: the file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// Articles and claims: 1-based line.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// Claims: 1-based column.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
    /// Articles and claims: byte span `[start, end)` in the file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub span: Option<[usize; 2]>,
    /// Articles, dates and issues: an ISO day.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Articles and issues: the publication.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub publication: Option<String>,
}

/// One edge with its attributes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EdgeRow {
    /// Id of the source node.
    pub source: String,
    /// Id of the target node.
    pub target: String,
    /// `contains`, `cites`, `relays`, `cross-reference`, `on-date` or `attributes`.
    #[serde(deserialize_with = "known_kind")]
    pub kind: Kind,
    /// Cited days (`cites`, `cross-reference`): ISO days or ranges `a..b`, or the text as
    /// written when unresolved.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dates: Vec<String>,
    /// `cites` and `attributes`: the outlet or source as written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub written: Option<String>,
    /// `relays`: how many references show the relay.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub count: Option<usize>,
}

/// A row's kind, one of a fixed list (an alias: serde would borrow a `&str` field).
pub type Kind = &'static str;

/// The kinds of nodes and edges rows name.
const KINDS: [&str; 12] = [
    "article",
    "claim",
    "outlet",
    "date",
    "issue",
    "source",
    "contains",
    "cites",
    "relays",
    "cross-reference",
    "on-date",
    "attributes",
];

/// A row's kind read back (rows kept in a spool): one of [`KINDS`].
fn known_kind<'de, D: serde::Deserializer<'de>>(d: D) -> Result<&'static str, D::Error> {
    let s = String::deserialize(d)?;
    KINDS
        .iter()
        .find(|k| **k == s)
        .copied()
        .ok_or_else(|| serde::de::Error::custom(format!("unknown kind {s:?}")))
}

/// Every node and edge of the graph, part by part.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GraphTable {
    /// Nodes.
    pub nodes: Vec<NodeRow>,
    /// Edges.
    pub edges: Vec<EdgeRow>,
}

impl GraphTable {
    /// Flatten `g`, with claim verdicts from `report`.
    pub fn new(g: &SourceGraph, report: &Report) -> GraphTable {
        GraphTable::with_ids(g, &node_ids(g), report)
    }

    /// [`GraphTable::new`] with node ids `ids`: those of the graph before a selection
    /// removed nodes from it (a node keeps its id whatever is selected).
    ///
    /// Rows come part by part ([`crate::graph::parts`]), as the DOT writer writes them:
    /// each article, its claims and own nodes, and its edges; then the shared nodes and
    /// relays.
    pub fn with_ids(g: &SourceGraph, ids: &NodeIds, report: &Report) -> GraphTable {
        let mut t = GraphTable {
            nodes: Vec::new(),
            edges: Vec::new(),
        };
        for i in 0..g.articles.len().max(g.claims.len()) {
            let part = article_part(g, i);
            t.nodes
                .extend(part.nodes().map(|n| node_row(g, ids, report, n)));
            t.edges
                .extend(part.edges.iter().filter_map(|&e| edge_row(g, ids, e)));
        }
        let shared = shared_part(g);
        t.nodes
            .extend(shared.all_nodes().map(|n| node_row(g, ids, report, n)));
        t.edges
            .extend(shared.edges.iter().filter_map(|&e| edge_row(g, ids, e)));
        t
    }
}

/// The row of node `n` of `g`, with its claim verdict from `report`.
pub fn node_row(g: &SourceGraph, ids: &NodeIds, report: &Report, n: NodeIndex) -> NodeRow {
    let mut row = NodeRow {
        id: ids.get(n),
        kind: "",
        label: String::new(),
        verdict: None,
        independent_sources: None,
        collective_only: None,
        source_type: None,
        outlet_kind: None,
        group: None,
        path: None,
        line: None,
        column: None,
        span: None,
        date: None,
        publication: None,
    };
    let Some(node) = g.graph.node_weight(n) else {
        return row;
    };
    match node {
        Node::Article(a) => {
            row.kind = "article";
            row.label = a.label();
            row.path = Some(a.path.to_string());
            row.line = Some(a.line);
            row.span = Some([a.span.start, a.span.end]);
            row.date = a.date.map(|d| d.to_string());
            row.publication = a.publication.clone();
        }
        Node::Claim(c) => {
            row.kind = "claim";
            row.label = c.claim.excerpt.clone();
            row.path = Some(c.path.to_string());
            row.line = Some(c.claim.line);
            row.column = Some(c.claim.column);
            row.span = Some([c.claim.span.start, c.claim.span.end]);
            if let Some(r) = report.claim(n) {
                row.verdict = Some(r.corroboration.verdict.to_string());
                row.independent_sources = Some(r.corroboration.independent_sources);
                row.collective_only = Some(r.corroboration.collective_only);
            }
        }
        Node::Outlet(o) => {
            row.kind = "outlet";
            row.label = o.name.clone();
            row.outlet_kind = Some(o.kind.to_string());
            row.group = o.group.clone();
        }
        Node::Date(d) => {
            row.kind = "date";
            row.label = d.to_string();
            row.date = Some(d.to_string());
        }
        Node::Source(s) => {
            row.kind = "source";
            row.label = s.name.clone();
            row.source_type = Some(s.kind.as_str().to_string());
        }
        Node::Issue(x) => {
            row.kind = "issue";
            row.label = match x.date {
                Some(d) => format!("{} {d}", x.publication),
                None => x.publication.clone(),
            };
            row.date = x.date.map(|d| d.to_string());
            row.publication = Some(x.publication.clone());
        }
    }
    row
}

/// The row of edge `e` of `g`.
pub fn edge_row(g: &SourceGraph, ids: &NodeIds, e: EdgeIndex) -> Option<EdgeRow> {
    let (source, target) = g.graph.edge_endpoints(e)?;
    let (kind, dates, written, count) = match g.graph.edge_weight(e)? {
        Edge::Contains => ("contains", Vec::new(), None, None),
        Edge::Cites(c) => (
            "cites",
            date_strings(&c.dates),
            Some(c.written.to_string()),
            None,
        ),
        Edge::Relays { count } => ("relays", Vec::new(), None, Some(*count)),
        Edge::CrossReference(x) => ("cross-reference", date_strings(&x.dates), None, None),
        Edge::OnDate => ("on-date", Vec::new(), None, None),
        Edge::Attributes(a) => ("attributes", Vec::new(), Some(a.written.to_string()), None),
    };
    Some(EdgeRow {
        source: ids.get(source),
        target: ids.get(target),
        kind,
        dates,
        written,
        count,
    })
}

fn date_strings(dates: &[crate::model::DateRef]) -> Vec<String> {
    dates
        .iter()
        .map(|d| d.iso().unwrap_or_else(|| d.text.clone()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::NodeIds;
    use petgraph::graph::NodeIndex;

    #[test]
    fn ids_are_the_prefix_and_the_number() {
        let ids = NodeIds::from_pairs(vec![
            (b'c', 0),
            (b'o', 9),
            (b'a', 10),
            (b's', 12_345),
            (b'd', u32::MAX),
            (b'?', 7),
        ]);
        let got: Vec<String> = (0..7).map(|i| ids.get(NodeIndex::new(i))).collect();
        assert_eq!(got, ["c0", "o9", "a10", "s12345", "d4294967295", "", ""]);
    }
}
