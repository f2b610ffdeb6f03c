//! Drawing the source graph: SVG, PNG or PDF through the system's Graphviz (graphviz-rust's
//! `exec`), or SVG through a pure-Rust layout (layout-rs) when Graphviz is missing or
//! `--engine builtin` asks for it.
//!
//! The built-in layout flattens clusters and knows fewer shapes, so it gets a simplified
//! graph (no clusters, no legend) and the caller is told so in a warning.

use crate::export::dot::print_dot;
use graphviz_rust::cmd::{CommandArg, Format, Layout};
use graphviz_rust::dot_structures::{Graph, Stmt};
use graphviz_rust::printer::PrinterContext;
use std::io;

/// Image formats.
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageFormat {
    /// SVG (Graphviz, or the built-in layout).
    Svg,
    /// PNG (Graphviz).
    Png,
    /// PDF (Graphviz).
    Pdf,
}

impl ImageFormat {
    /// The format a file name's extension names.
    pub fn from_extension(path: &std::path::Path) -> Option<ImageFormat> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "svg" => Some(ImageFormat::Svg),
            "png" => Some(ImageFormat::Png),
            "pdf" => Some(ImageFormat::Pdf),
            _ => None,
        }
    }
}

/// Layout engines.
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    /// Graphviz dot: layered (the default).
    Dot,
    /// Graphviz neato: spring model.
    Neato,
    /// Graphviz fdp: force-directed.
    Fdp,
    /// Graphviz sfdp: force-directed, for large graphs.
    Sfdp,
    /// Graphviz circo: circular.
    Circo,
    /// The pure-Rust layout (SVG only; clusters and legend left out).
    Builtin,
}

/// Why a graph could not be drawn.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum RenderError {
    /// Graphviz is not installed and the format needs it.
    #[error(
        "Graphviz `dot` was not found on PATH; {0} output needs it. Install Graphviz \
         (Debian/Ubuntu: `apt-get install graphviz`, macOS: `brew install graphviz`), or write \
         SVG, which srcgraph can draw itself (`--engine builtin`)"
    )]
    GraphvizMissing(&'static str),
    /// Graphviz ran and failed.
    #[error("Graphviz failed: {0}")]
    Graphviz(String),
    /// The built-in layout failed.
    #[error("the built-in layout failed: {0}")]
    Builtin(String),
}

/// A drawing, and what the caller should be warned about.
#[derive(Debug, Clone)]
pub struct Drawing {
    /// The image bytes.
    pub bytes: Vec<u8>,
    /// Set when the built-in layout drew a simplified graph.
    pub warning: Option<String>,
}

fn format_name(f: ImageFormat) -> &'static str {
    match f {
        ImageFormat::Svg => "SVG",
        ImageFormat::Png => "PNG",
        ImageFormat::Pdf => "PDF",
    }
}

/// Draw `graph` (from [`crate::export::dot::to_dot`]) as `format` with `engine`.
///
/// # Errors
/// [`RenderError::GraphvizMissing`] for PNG or PDF without Graphviz; Graphviz's own error;
/// a failure of the built-in layout.
pub fn render(graph: &Graph, format: ImageFormat, engine: Engine) -> Result<Drawing, RenderError> {
    if engine == Engine::Builtin {
        if format != ImageFormat::Svg {
            return Err(RenderError::Builtin(format!(
                "it draws SVG only, not {}",
                format_name(format)
            )));
        }
        return builtin_svg(graph).map(|bytes| Drawing {
            bytes,
            warning: Some(
                "drawn with the built-in layout: clusters and the legend are left out and some shapes are simplified"
                    .into(),
            ),
        });
    }
    let layout = match engine {
        Engine::Neato => Layout::Neato,
        Engine::Fdp => Layout::Fdp,
        Engine::Sfdp => Layout::Sfdp,
        Engine::Circo => Layout::Circo,
        _ => Layout::Dot,
    };
    let fmt = match format {
        ImageFormat::Svg => Format::Svg,
        ImageFormat::Png => Format::Png,
        ImageFormat::Pdf => Format::Pdf,
    };
    let args = vec![CommandArg::Format(fmt), CommandArg::Layout(layout)];
    match graphviz_rust::exec(graph.clone(), &mut PrinterContext::default(), args) {
        Ok(bytes) => Ok(Drawing {
            bytes,
            warning: None,
        }),
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            if format != ImageFormat::Svg {
                return Err(RenderError::GraphvizMissing(format_name(format)));
            }
            builtin_svg(graph).map(|bytes| Drawing {
                bytes,
                warning: Some(
                    "Graphviz `dot` was not found on PATH: drawn with the built-in layout (clusters and the legend left out); install Graphviz for the full drawing"
                        .into(),
                ),
            })
        }
        Err(e) => Err(RenderError::Graphviz(e.to_string())),
    }
}

/// The graph without clusters and legend, for the built-in layout: cluster contents are
/// lifted to the top level, and graph-level attributes it does not know are dropped.
fn simplified(graph: &Graph) -> Graph {
    fn flatten(stmts: &[Stmt], out: &mut Vec<Stmt>, top: bool) {
        for s in stmts {
            match s {
                Stmt::Subgraph(sub) => {
                    let legend = matches!(&sub.id, graphviz_rust::dot_structures::Id::Plain(id) if id == "cluster_legend");
                    if !legend {
                        flatten(&sub.stmts, out, false);
                    }
                }
                Stmt::Attribute(_) if !top => {}
                Stmt::GAttribute(_) => {}
                other => out.push(other.clone()),
            }
        }
    }
    match graph {
        Graph::DiGraph { id, strict, stmts } | Graph::Graph { id, strict, stmts } => {
            let mut out = Vec::new();
            flatten(stmts, &mut out, true);
            Graph::DiGraph {
                id: id.clone(),
                strict: *strict,
                stmts: out,
            }
        }
    }
}

/// `svg` with the rules of its `<style>` element in sorted order: layout-rs writes them from
/// a hash map, in an order that changes from run to run, and the output must not.
fn sorted_styles(svg: String) -> String {
    let Some(start) = svg.find("<style>\n").map(|i| i + "<style>\n".len()) else {
        return svg;
    };
    let Some(end) = svg[start..].find("</style>").map(|i| start + i) else {
        return svg;
    };
    let mut rules: Vec<&str> = svg[start..end].lines().collect();
    rules.sort_unstable();
    let mut out = String::with_capacity(svg.len());
    out.push_str(&svg[..start]);
    for rule in rules {
        out.push_str(rule);
        out.push('\n');
    }
    out.push_str(&svg[end..]);
    out
}

/// An SVG with nothing in it (layout-rs cannot lay out an empty graph).
const EMPTY_SVG: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" height=\"40\" viewBox=\"0 0 100 40\"><text x=\"50\" y=\"24\" text-anchor=\"middle\" font-family=\"sans-serif\" font-size=\"12\">(empty graph)</text></svg>\n";

/// The most nodes the built-in layout searches for fewer edge crossings on.
pub const BUILTIN_CROSSING_SEARCH_NODES: usize = 100;

/// Draw SVG with layout-rs. Its panics are caught and reported as errors. A graph of more
/// than [`BUILTIN_CROSSING_SEARCH_NODES`] nodes is laid out without layout-rs's search for
/// fewer edge crossings, which takes minutes on a few hundred nodes.
pub fn builtin_svg(graph: &Graph) -> Result<Vec<u8>, RenderError> {
    let simple = simplified(graph);
    let nodes = match &simple {
        Graph::DiGraph { stmts, .. } | Graph::Graph { stmts, .. } => {
            stmts.iter().filter(|s| matches!(s, Stmt::Node(_))).count()
        }
    };
    if nodes == 0 {
        return Ok(EMPTY_SVG.as_bytes().to_vec());
    }
    // layout-rs's search for fewer edge crossings grows with about the fourth power of a
    // rank's width: 0.6 s at 100 nodes, 10 s at 200, minutes beyond. Larger graphs are
    // laid out without it (more crossings, the same nodes and edges).
    let skip_crossings = nodes > BUILTIN_CROSSING_SEARCH_NODES;
    let text = print_dot(&simple);
    let drawn = std::panic::catch_unwind(move || {
        let mut parser = layout::gv::DotParser::new(&text);
        let ast = parser.process().map_err(|e| e.to_string())?;
        let mut builder = layout::gv::GraphBuilder::new();
        builder.visit_graph(&ast);
        let mut vg = builder.get();
        let mut svg = layout::backends::svg::SVGWriter::new();
        vg.do_it(false, skip_crossings, false, &mut svg);
        Ok::<String, String>(svg.finalize())
    });
    match drawn {
        Ok(Ok(svg)) => Ok(sorted_styles(svg).into_bytes()),
        Ok(Err(e)) => Err(RenderError::Builtin(e)),
        Err(_) => Err(RenderError::Builtin("the layout panicked".into())),
    }
}

#[cfg(test)]
mod tests {
    use super::sorted_styles;

    #[test]
    fn style_rules_come_out_sorted_and_the_rest_untouched() {
        let svg = "<svg><style>\n.a15 { font-size: 15px; }\n.a14 { font-size: 14px; }\n</style>\n<g/></svg>";
        assert_eq!(
            sorted_styles(svg.to_string()),
            "<svg><style>\n.a14 { font-size: 14px; }\n.a15 { font-size: 15px; }\n</style>\n<g/></svg>"
        );
        let sorted = sorted_styles(svg.to_string());
        assert_eq!(sorted_styles(sorted.clone()), sorted);
        for plain in ["<svg><g/></svg>", "<svg><style>\n.a1 {}", ""] {
            assert_eq!(sorted_styles(plain.to_string()), plain);
        }
    }
}
