//! Node weights of the source graph.

use super::Name;
use crate::calendar::Date;
use crate::model::{Claim, OutletKind, Scope, SourceType};
use crate::span::Span;
use serde::Serialize;

/// An article of the input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ArticleNode {
    /// Position in the list of articles the graph was built from.
    pub input: usize,
    /// The file it came from (shared by its claims).
    pub path: Name,
    /// Position of the article in its file.
    pub index: usize,
    /// Publication from the header.
    pub publication: Option<String>,
    /// Volume and issue from the header.
    pub volume: Option<u32>,
    /// Issue number from the header.
    pub issue: Option<u32>,
    /// Header date.
    pub date: Option<Date>,
    /// Title, when the article has one.
    pub title: Option<String>,
    /// Bytes of the article in its file.
    pub span: Span,
    /// 1-based line where it starts.
    pub line: usize,
}

impl ArticleNode {
    /// A short human name: "Monitor 7/79" or the file name and position.
    pub fn label(&self) -> String {
        match (&self.publication, self.volume, self.issue) {
            (Some(p), Some(v), Some(i)) => format!("{p} {v}/{i}"),
            (Some(p), _, _) => p.clone(),
            _ => {
                let file = self.path.rsplit(['/', '\\']).next().unwrap_or(&*self.path);
                if self.index == 0 {
                    file.to_string()
                } else {
                    format!("{file} #{}", self.index + 1)
                }
            }
        }
    }
}

/// A claim of an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClaimNode {
    /// Position (in the graph's input) of its article.
    pub article: usize,
    /// The file it came from (shared with its article).
    pub path: Name,
    /// How claims were cut.
    pub scope: Scope,
    /// The claim itself.
    pub claim: Claim,
}

/// An outlet: one node per canonical outlet across the whole input, aliases merged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OutletNode {
    /// Canonical name.
    pub name: String,
    /// What sort of outlet.
    pub kind: OutletKind,
    /// Country, when known.
    pub country: Option<String>,
    /// Independence group, when known.
    pub group: Option<String>,
    /// Every spelling seen in the input, sorted.
    pub spellings: Vec<String>,
}

impl OutletNode {
    /// True for the outlet of a citation that names none ("(, September 13)": lost from a web
    /// copy). Each such citation has a node of its own, never merged with another's, never
    /// in a table of outlets.
    pub fn is_missing(&self) -> bool {
        self.name == super::UNNAMED_OUTLET
    }

    /// The key under which outlets count as one independent source: the independence
    /// group, or the outlet itself.
    pub fn independence_key(&self) -> String {
        match &self.group {
            Some(g) => format!("group:{g}"),
            None => format!("outlet:{}", crate::outlets::outlet_key(&self.name)),
        }
    }
}

/// An earlier issue of a publication that a cross-reference points at but the input does
/// not hold.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IssueNode {
    /// The publication's canonical name.
    pub publication: String,
    /// The issue's date, when it resolved.
    pub date: Option<Date>,
}

/// A source named in the prose that is not an outlet: a person, an official body, a
/// document, or an unnamed (anonymous or vague) source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SourceNode {
    /// The source as written (the first mention).
    pub name: String,
    /// What sort of source.
    pub kind: SourceType,
}

impl SourceNode {
    /// True when the source is one node per article: unnamed sources, documents and roles
    /// without a name ("the president"); named ones are one node across the input.
    pub fn is_per_article(&self) -> bool {
        SourceNode::is_per_article_source(&self.name, self.kind)
    }

    pub(super) fn is_per_article_source(name: &str, kind: SourceType) -> bool {
        matches!(
            kind,
            SourceType::Anonymous | SourceType::Vague | SourceType::Document
        ) || !super::build::names_someone(name)
    }
}

/// A node of the source graph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Node {
    /// An article.
    Article(Box<ArticleNode>),
    /// A claim.
    Claim(Box<ClaimNode>),
    /// An outlet.
    Outlet(Box<OutletNode>),
    /// A cited day (only with date nodes).
    Date(Date),
    /// An earlier issue not in the input.
    Issue(Box<IssueNode>),
    /// A source named in the prose (not an outlet).
    Source(Box<SourceNode>),
}
