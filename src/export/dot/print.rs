//! The statements of a digraph's body written as graphviz-rust's printer writes them, into
//! a buffer instead of a string per part: the printer builds and joins a `String` for every
//! id, attribute and list, which made it the largest part of `srcgraph graph`'s time.
//!
//! Only the statements srcgraph makes are written here — nodes and edges between plain node
//! ids, attributes, attribute lists and subgraphs of those (an article's cluster, the
//! legend); anything else (ports, edge chains, and a subgraph holding one) is handed to
//! graphviz-rust's printer itself. `tests/dot_printer.rs` checks the
//! bytes against that printer on every sample and generated corpora of several sizes, and
//! reads them back with graphviz-rust's parser; the proptest below compares random
//! statements.

use graphviz_rust::dot_structures::{
    Attribute, Edge, EdgeTy, GraphAttributes, Id, Node, NodeId, Stmt, Subgraph, Vertex,
};
use graphviz_rust::printer::{DotPrinter, PrinterContext};

/// The indent of a digraph's statements in graphviz-rust's printer (its default step).
pub(super) const INDENT: usize = 2;

/// Append `s`, a statement of a digraph's body, to `out` as graphviz-rust's printer prints
/// it there: `ctx` is a printer in that state (see `statement_context`), used for what is
/// not written here.
pub(super) fn print_statement(s: &Stmt, ctx: &mut PrinterContext, out: &mut String) {
    if written_here(s) {
        statement(s, INDENT, out);
    } else {
        out.push_str(&s.print(ctx));
    }
}

/// True for a statement written here: a node or an edge between plain node ids, an
/// attribute, a list of them, or a subgraph of such statements.
fn written_here(s: &Stmt) -> bool {
    match s {
        Stmt::Node(Node {
            id: NodeId(_, None),
            ..
        })
        | Stmt::Edge(Edge {
            ty: EdgeTy::Pair(Vertex::N(NodeId(_, None)), Vertex::N(NodeId(_, None))),
            ..
        })
        | Stmt::Attribute(_)
        | Stmt::GAttribute(_) => true,
        Stmt::Subgraph(Subgraph { stmts, .. }) => stmts.iter().all(written_here),
        Stmt::Node(_) | Stmt::Edge(_) => false,
    }
}

/// Write `s` (one [`written_here`]) indented by `indent` spaces.
fn statement(s: &Stmt, indent: usize, out: &mut String) {
    push_indent(indent, out);
    match s {
        Stmt::Node(Node { id, attributes }) => {
            push_id(&id.0, out);
            push_attributes(attributes, out);
        }
        Stmt::Edge(Edge {
            ty: EdgeTy::Pair(Vertex::N(NodeId(a, _)), Vertex::N(NodeId(b, _))),
            attributes,
        }) => {
            push_id(a, out);
            out.push_str(" -> ");
            push_id(b, out);
            if !attributes.is_empty() {
                out.push(' ');
                push_attributes(attributes, out);
            }
        }
        Stmt::Attribute(a) => push_attribute(a, out),
        Stmt::GAttribute(g) => {
            let (kind, attributes) = match g {
                GraphAttributes::Graph(a) => ("graph", a),
                GraphAttributes::Node(a) => ("node", a),
                GraphAttributes::Edge(a) => ("edge", a),
            };
            out.push_str(kind);
            push_attributes(attributes, out);
        }
        // The printer's way: its statements one step in, on lines of their own, and the
        // brace closing on a line of its own.
        Stmt::Subgraph(Subgraph { id, stmts }) => {
            out.push_str("subgraph ");
            push_id(id, out);
            out.push_str(" {\n");
            for (k, inner) in stmts.iter().enumerate() {
                if k > 0 {
                    out.push('\n');
                }
                statement(inner, indent + INDENT, out);
            }
            out.push('\n');
            push_indent(indent, out);
            out.push('}');
        }
        // Not written here (see `written_here`).
        Stmt::Edge(_) => {}
    }
}

fn push_indent(indent: usize, out: &mut String) {
    out.extend(std::iter::repeat_n(' ', indent));
}

fn push_id(id: &Id, out: &mut String) {
    match id {
        Id::Html(v) | Id::Escaped(v) | Id::Plain(v) => out.push_str(v),
        Id::Anonymous(_) => {}
    }
}

fn push_attribute(Attribute(k, v): &Attribute, out: &mut String) {
    push_id(k, out);
    out.push('=');
    push_id(v, out);
}

/// `[a=1 b=2]`, or nothing for no attributes.
fn push_attributes(attributes: &[Attribute], out: &mut String) {
    let Some((first, rest)) = attributes.split_first() else {
        return;
    };
    out.push('[');
    push_attribute(first, out);
    for a in rest {
        out.push(' ');
        push_attribute(a, out);
    }
    out.push(']');
}

#[cfg(test)]
mod tests {
    use super::*;
    use graphviz_rust::dot_structures::{Graph, Port};
    use proptest::prelude::*;

    /// Ids as srcgraph writes them and as DOT allows: plain words, quoted strings with
    /// escapes, HTML-like labels.
    fn id() -> impl Strategy<Value = Id> {
        prop_oneof![
            "[a-z][a-z0-9_]{0,8}".prop_map(Id::Plain),
            "[ -~\u{e9}\u{201c}]{0,30}".prop_map(|s| Id::Escaped(format!(
                "\"{}\"",
                s.replace('\\', "\\\\").replace('"', "\\\"")
            ))),
            "[a-z ]{0,12}".prop_map(|s| Id::Html(format!("<<b>{s}</b>>"))),
        ]
    }

    fn attributes() -> impl Strategy<Value = Vec<Attribute>> {
        prop::collection::vec((id(), id()).prop_map(|(k, v)| Attribute(k, v)), 0..5)
    }

    fn node_id() -> impl Strategy<Value = NodeId> {
        prop_oneof![
            8 => id().prop_map(|i| NodeId(i, None)),
            1 => (id(), "[nsew]").prop_map(|(i, d)| NodeId(i, Some(Port(None, Some(d))))),
        ]
    }

    fn statement() -> impl Strategy<Value = Stmt> {
        let leaf = prop_oneof![
            (node_id(), attributes())
                .prop_map(|(id, attributes)| Stmt::Node(Node { id, attributes })),
            (node_id(), node_id(), attributes()).prop_map(|(a, b, attributes)| Stmt::Edge(Edge {
                ty: EdgeTy::Pair(Vertex::N(a), Vertex::N(b)),
                attributes,
            })),
            (id(), id()).prop_map(|(k, v)| Stmt::Attribute(Attribute(k, v))),
            attributes().prop_map(|a| Stmt::GAttribute(GraphAttributes::Graph(a))),
            attributes().prop_map(|a| Stmt::GAttribute(GraphAttributes::Node(a))),
            attributes().prop_map(|a| Stmt::GAttribute(GraphAttributes::Edge(a))),
        ];
        leaf.prop_recursive(2, 12, 4, |inner| {
            ("[a-z]{1,6}", prop::collection::vec(inner, 0..4)).prop_map(|(name, stmts)| {
                Stmt::Subgraph(Subgraph {
                    id: Id::Plain(format!("cluster_{name}")),
                    stmts,
                })
            })
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

        /// Statement by statement, and as a whole digraph, the bytes graphviz-rust's printer
        /// prints.
        #[test]
        fn statements_are_written_as_graphviz_rust_prints_them(
            stmts in prop::collection::vec(statement(), 0..12)
        ) {
            let mut ctx = super::super::statement_context();
            let mut ours = String::from("digraph g {");
            for s in &stmts {
                let mut one = String::new();
                print_statement(s, &mut ctx, &mut one);
                prop_assert_eq!(&one, &s.print(&mut super::super::statement_context()));
                ours.push('\n');
                ours.push_str(&one);
            }
            ours.push_str("\n}");
            let g = Graph::DiGraph { id: Id::Plain("g".into()), strict: false, stmts };
            let theirs = g.print(&mut PrinterContext::default());
            if g_is_empty(&g) {
                prop_assert_eq!(theirs, "digraph g {\n\n}");
            } else {
                prop_assert_eq!(ours, theirs);
            }
        }
    }

    fn g_is_empty(g: &Graph) -> bool {
        matches!(g, Graph::DiGraph { stmts, .. } if stmts.is_empty())
    }
}
