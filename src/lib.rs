//! # srcgraph
//!
//! srcgraph reads news and analysis bulletins — the Jamestown Foundation's *Monitor*,
//! *Eurasia Daily Monitor*, RFE/RL *Newsline* and their kin — and finds how each claim is
//! sourced: the parenthetical source lists that close their paragraphs
//! (`(AFP, April 20; Kyodo, April 16, 20; Russian agencies, April 17)`), cross-references to
//! the publication's own earlier issues (`(see the Monitor, July 21, 2000)`), and more.
//!
//! The pipeline, one module per stage, plain data between them:
//!
//! 1. [`input`] — bytes to a [`Document`](input::Document) (UTF-8, BOM, binary detection);
//!    [`markup`] reads Markdown and HTML as their text, every byte in place;
//! 2. [`parse`] — documents to [`Article`](model::Article)s with citations, sources named in
//!    the prose, and diagnostics;
//! 3. [`claims`] — which stretch of text each citation group supports;
//! 4. [`graph`] — articles, claims, outlets, sources and dates as a petgraph graph;
//! 5. [`analyze`] — corroboration verdicts, relay roots, summaries and corpus statistics;
//! 6. [`export`] — JSON, JSON Lines, text, findings, Graphviz DOT, GraphML, GEXF, node-link
//!    JSON, CSV, statistics, SVG charts and the HTML report.
//!
//! [`pipeline::Pipeline`] runs them all; [`stream`] reads an input in chunks of whole
//! articles, [`context`] judges each chunk's claims as in the whole input, and [`judge`]
//! runs both over a file or reader in bounded memory ([`judge::judge_file`]); [`render`]
//! draws a graph.
//!
//! ```
//! use srcgraph::{input::Document, outlets::Outlets, parse::{parse_document, ParseOptions}};
//! let doc = Document::from_text("seed.txt",
//!     "Publication: Monitor Volume: 7 Issue: 79\n\nThe visit was put off (JoongAng Ilbo, April 22).\n");
//! let articles = parse_document(&doc, Outlets::builtin(), &ParseOptions::default());
//! let cite = &articles[0].citations[0];
//! assert_eq!(cite.raw, "JoongAng Ilbo, April 22");
//! assert_eq!((cite.line, cite.column, cite.paragraph), (3, 23, 1));
//! assert_eq!(cite.refs[0].dates[0].date.unwrap().to_string(), "2001-04-22");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod analyze; // corroboration and summaries over the graph
pub mod calendar; // ISO calendar dates without a date crate
pub mod claims; // which text each citation group supports
pub mod context; // a chunk's claims judged within its whole input
pub mod diag; // recoverable problems, kept as data
pub mod export; // JSON, JSON Lines and text writers
pub mod graph; // the source graph (petgraph)
pub mod input; // bytes → Document
pub mod judge; // judging an input chunk by chunk in bounded memory
pub mod markup; // Markdown read as its text, every byte in place
mod memo; // each chunk's parse, kept between readings of an input
pub mod model; // plain data between stages
mod names; // enums written by name, once
pub mod outlets; // the outlet knowledge base
pub mod parse; // Document → Articles
pub mod parsed; // parsed articles kept with their text and read back
pub mod pipeline; // every stage in one call
pub mod render; // SVG/PNG/PDF via Graphviz, or SVG via a pure-Rust layout
pub mod sentence; // sentence boundaries in prose
pub mod span; // byte spans and line:column look-up
mod spool; // bytes kept for later in bounded memory
pub mod stream; // inputs read in chunks of whole articles

/// The examples of `docs/library.md`, compiled as doc tests.
#[doc = include_str!("../docs/library.md")]
#[cfg(doctest)]
pub struct LibraryGuide;
