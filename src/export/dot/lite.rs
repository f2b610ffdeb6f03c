//! The statements of an article's part and of the shared part (nodes, edges, an article's
//! cluster) as plain values that borrow their text: made once, then either turned into
//! graphviz-rust statements ([`Lite::to_stmt`], for [`super::to_dot`]) or written straight
//! as the text graphviz-rust's printer prints for those statements ([`Lite::write`], for
//! [`super::DotWriter`]).
//!
//! Building a graphviz-rust statement takes an owned string for every id, attribute name
//! and value; for the hundreds of thousands of statements of an archive that was most of
//! the time the DOT writer spent. `tests/dot_printer.rs` holds the written text to
//! graphviz-rust's printer on every sample and on generated corpora; the proptest below
//! holds [`Lite::write`] to [`super::print`] of [`Lite::to_stmt`] on random statements.

use super::super::table::NodeIds;
use super::escape_into;
use graphviz_rust::dot_structures::{
    Attribute, Edge as DotEdge, EdgeTy, Id, Node as DotNode, NodeId, Stmt, Subgraph, Vertex,
};
use petgraph::stable_graph::NodeIndex;
use std::borrow::Cow;

/// An attribute's value: a plain DOT id, or text to be quoted and escaped
/// ([`super::escape_label`]).
#[derive(Debug, Clone)]
pub(super) enum Val<'a> {
    Plain(Cow<'a, str>),
    Text(Cow<'a, str>),
}

/// An attribute: its name and value.
#[derive(Debug, Clone)]
pub(super) struct Attr<'a>(pub(super) &'static str, pub(super) Val<'a>);

/// `name` = the plain id `v`.
pub(super) fn plain_attr<'a>(name: &'static str, v: impl Into<Cow<'a, str>>) -> Attr<'a> {
    Attr(name, Val::Plain(v.into()))
}

/// `name` = the text `v`, quoted.
pub(super) fn text_attr<'a>(name: &'static str, v: impl Into<Cow<'a, str>>) -> Attr<'a> {
    Attr(name, Val::Text(v.into()))
}

impl Attr<'_> {
    /// The graphviz-rust attribute.
    pub(super) fn to_attribute(&self) -> Attribute {
        let value = match &self.1 {
            Val::Plain(v) => Id::Plain(v.to_string()),
            Val::Text(v) => super::quoted(v),
        };
        Attribute(Id::Plain(self.0.to_string()), value)
    }

    fn write(&self, out: &mut String) {
        out.push_str(self.0);
        out.push('=');
        match &self.1 {
            Val::Plain(v) => out.push_str(v),
            Val::Text(v) => {
                out.push('"');
                escape_into(v, out);
                out.push('"');
            }
        }
    }
}

/// A statement.
#[derive(Debug, Clone)]
pub(super) enum Lite<'a> {
    /// A node and its attributes.
    Node(NodeIndex, Vec<Attr<'a>>),
    /// An edge and its attributes.
    Edge(NodeIndex, NodeIndex, Vec<Attr<'a>>),
    /// The cluster of an article node: the cluster's attributes, each a statement, then its
    /// statements.
    Cluster(NodeIndex, Vec<Attr<'a>>, Vec<Lite<'a>>),
}

fn node_id(ids: &NodeIds, n: NodeIndex) -> NodeId {
    NodeId(Id::Plain(ids.get(n)), None)
}

fn attributes(attrs: &[Attr<'_>]) -> Vec<Attribute> {
    attrs.iter().map(Attr::to_attribute).collect()
}

impl Lite<'_> {
    /// The graphviz-rust statement, node ids from `ids`.
    pub(super) fn to_stmt(&self, ids: &NodeIds) -> Stmt {
        match self {
            Lite::Node(n, attrs) => Stmt::Node(DotNode {
                id: node_id(ids, *n),
                attributes: attributes(attrs),
            }),
            Lite::Edge(a, b, attrs) => Stmt::Edge(DotEdge {
                ty: EdgeTy::Pair(Vertex::N(node_id(ids, *a)), Vertex::N(node_id(ids, *b))),
                attributes: attributes(attrs),
            }),
            Lite::Cluster(an, attrs, inner) => {
                let mut stmts: Vec<Stmt> = attrs
                    .iter()
                    .map(|a| Stmt::Attribute(a.to_attribute()))
                    .collect();
                stmts.extend(inner.iter().map(|s| s.to_stmt(ids)));
                Stmt::Subgraph(Subgraph {
                    id: Id::Plain(format!("cluster_{}", ids.get(*an))),
                    stmts,
                })
            }
        }
    }

    /// Append the statement as graphviz-rust's printer prints [`Lite::to_stmt`] of it
    /// `indent` spaces in (`super::print`).
    pub(super) fn write(&self, ids: &NodeIds, indent: usize, out: &mut String) {
        push_indent(indent, out);
        match self {
            Lite::Node(n, attrs) => {
                ids.push_id(*n, out);
                write_attributes(attrs, out);
            }
            Lite::Edge(a, b, attrs) => {
                ids.push_id(*a, out);
                out.push_str(" -> ");
                ids.push_id(*b, out);
                if !attrs.is_empty() {
                    out.push(' ');
                    write_attributes(attrs, out);
                }
            }
            Lite::Cluster(an, attrs, inner) => {
                out.push_str("subgraph cluster_");
                ids.push_id(*an, out);
                out.push_str(" {\n");
                let step = indent + super::print::INDENT;
                for (k, a) in attrs.iter().enumerate() {
                    if k > 0 {
                        out.push('\n');
                    }
                    push_indent(step, out);
                    a.write(out);
                }
                for (k, s) in inner.iter().enumerate() {
                    if k > 0 || !attrs.is_empty() {
                        out.push('\n');
                    }
                    s.write(ids, step, out);
                }
                out.push('\n');
                push_indent(indent, out);
                out.push('}');
            }
        }
    }
}

fn push_indent(indent: usize, out: &mut String) {
    out.extend(std::iter::repeat_n(' ', indent));
}

/// `[a=1 b="x"]`, or nothing for no attributes.
fn write_attributes(attrs: &[Attr<'_>], out: &mut String) {
    let Some((first, rest)) = attrs.split_first() else {
        return;
    };
    out.push('[');
    first.write(out);
    for a in rest {
        out.push(' ');
        a.write(out);
    }
    out.push(']');
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn attr() -> impl Strategy<Value = Attr<'static>> {
        let name = prop_oneof![Just("label"), Just("style"), Just("color"), Just("shape")];
        let value = prop_oneof![
            "[a-z0-9.]{1,8}".prop_map(|s| Val::Plain(s.into())),
            "[ -~\u{e9}\u{201c}\n\r\t\u{85}\u{a0}]{0,24}".prop_map(|s| Val::Text(s.into())),
        ];
        (name, value).prop_map(|(n, v)| Attr(n, v))
    }

    fn attrs() -> impl Strategy<Value = Vec<Attr<'static>>> {
        prop::collection::vec(attr(), 0..4)
    }

    /// Nodes 0–9 have ids; node 10 is not in the graph (an empty id).
    fn node() -> impl Strategy<Value = NodeIndex> {
        (0usize..11).prop_map(NodeIndex::new)
    }

    fn lite() -> impl Strategy<Value = Lite<'static>> {
        let leaf = prop_oneof![
            (node(), attrs()).prop_map(|(n, a)| Lite::Node(n, a)),
            (node(), node(), attrs()).prop_map(|(a, b, at)| Lite::Edge(a, b, at)),
        ];
        (
            leaf.clone(),
            node(),
            attrs(),
            prop::collection::vec(leaf, 0..4),
            any::<bool>(),
        )
            .prop_map(|(leaf, an, attrs, inner, cluster)| {
                if cluster {
                    Lite::Cluster(an, attrs, inner)
                } else {
                    leaf
                }
            })
    }

    fn ids() -> NodeIds {
        let mut pairs: Vec<(u8, u32)> = (0..10u32)
            .map(|i| (b"acodxs"[i as usize % 6], i * 7))
            .collect();
        pairs.push((b'?', 0));
        NodeIds::from_pairs(pairs)
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

        /// Written straight, a statement is what graphviz-rust's printer prints for it.
        #[test]
        fn written_as_its_graphviz_statement_prints(s in lite()) {
            let ids = ids();
            let mut written = String::new();
            s.write(&ids, super::super::print::INDENT, &mut written);
            let stmt = s.to_stmt(&ids);
            let mut printed = String::new();
            super::super::print::print_statement(
                &stmt,
                &mut super::super::statement_context(),
                &mut printed,
            );
            prop_assert_eq!(&written, &printed);
            use graphviz_rust::printer::DotPrinter;
            prop_assert_eq!(&written, &stmt.print(&mut super::super::statement_context()));
        }
    }
}
