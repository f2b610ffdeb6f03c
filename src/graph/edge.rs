//! Edge weights of the source graph.

use super::Name;
use crate::model::DateRef;
use crate::span::Span;
use serde::Serialize;

/// A claim cites an outlet: one edge per reference of a citation group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CiteEdge {
    /// Index of the citation group in its article.
    pub citation: usize,
    /// Index of the reference in its group.
    pub reference: usize,
    /// The outlet as written ("" when the group named none).
    pub written: Name,
    /// Dates cited for this outlet.
    pub dates: Vec<DateRef>,
    /// Indices (in the same group) of the references this one relays: non-empty for a
    /// carrier such as "…, as cited by Itar-Tass".
    pub relays: Vec<usize>,
    /// True when the outlet was only implied by the prose before a date-only group.
    pub implied: bool,
    /// The citation group's span.
    pub span: Span,
}

/// A claim refers to an earlier issue of the publication.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CrossRefEdge {
    /// Index of the citation group in its article.
    pub citation: usize,
    /// The dates referred to.
    pub dates: Vec<DateRef>,
    /// The citation group's span.
    pub span: Span,
}

/// A claim's text names a source: "the news agency Yonhap said".
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AttributionEdge {
    /// The cue ("said", "according to").
    pub cue: Name,
    /// The source as written.
    pub written: Name,
    /// Where the source is written.
    pub span: Span,
    /// For a carrier ("told Interfax"), the source it relays.
    pub citing: Option<Name>,
}

/// An edge of the source graph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Edge {
    /// Article → claim.
    Contains,
    /// Claim → outlet.
    Cites(Box<CiteEdge>),
    /// Outlet → outlet: the carrier relays the origin (`count` claims say so).
    Relays {
        /// How many references in the input show this relay.
        count: usize,
    },
    /// Claim → article or issue placeholder.
    CrossReference(Box<CrossRefEdge>),
    /// Claim → date (only with date nodes).
    OnDate,
    /// Claim → outlet or source named in the claim's prose.
    Attributes(Box<AttributionEdge>),
}
