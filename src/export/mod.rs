//! Writers, to any `io::Write`: the parse results as JSON, JSON Lines or readable text
//! ([`json`], [`text`]); `check`'s findings and its JSON document ([`findings`], [`check`]); the source graph as Graphviz DOT
//! ([`dot`]), GraphML, GEXF, node-link JSON and CSV ([`interchange`], [`table`]); corpus
//! statistics and their SVG charts ([`stats`], [`chart`]); the HTML report ([`html`]).
//!
//! Writers escape at the boundary: JSON through serde_json, text through [`sanitize`], which
//! makes control characters and terminal escape sequences visible instead of acting on them.

pub mod chart;
pub mod check;
mod claim_json;
pub mod dot;
pub mod findings;
pub mod html;
pub mod interchange;
pub mod json;
mod node_link;
pub mod sink;
pub mod stats;
pub mod streamed;
pub mod table;
pub mod text;

pub use text::sanitize;

/// Output formats of `srcgraph parse`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One citation a line, `file:line:col`, for people.
    Text,
    /// One JSON document `{"version": 1, "articles": [...]}`.
    Json,
    /// One JSON object per article per line.
    Jsonl,
}
