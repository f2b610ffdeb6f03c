//! A claim of `check --format json` as written: a borrowed view of a [`ClaimReport`] and
//! its finding, serialized as it is read.
//!
//! The schema writes every claim as a map whose keys are in alphabetical order, at every
//! level (it was made by turning the report into a `serde_json::Value`, whose maps sort
//! their keys). Building that value and dropping it took about a fifth of
//! `check --format json`; the views below declare the same keys in the same order
//! instead. The tests hold them to the value's output, key by key and byte by byte.

use crate::analyze::{ClaimReport, Corroboration, SourceRole, SourceUse, Verdict};
use crate::graph::Name;
use crate::model::{OutletKind, SourceType};
use crate::span::Span;
use serde::{Serialize, Serializer};

/// One claim with its `finding`, keys in alphabetical order.
#[derive(Serialize)]
pub(crate) struct ClaimJson<'a> {
    anonymous_only: bool,
    article: usize,
    circular: bool,
    citations: &'a [Span],
    claim: usize,
    collective_only: bool,
    column: usize,
    excerpt: &'a str,
    finding: Option<&'a str>,
    independent_sources: usize,
    line: usize,
    notes: &'a [String],
    paragraphs: [usize; 2],
    path: &'a str,
    self_references: usize,
    sources: Sources<'a>,
    span: Span,
    vague_only: bool,
    verdict: Verdict,
}

impl<'a> ClaimJson<'a> {
    /// The view of `c`, whose finding is `finding`. Every field of the report is named
    /// here (no `..`): a field added to it does not compile until the view prints it or
    /// says why not.
    pub(crate) fn new(c: &'a ClaimReport, finding: Option<&'a str>) -> Self {
        let ClaimReport {
            node: _, // not in the output (`#[serde(skip)]`)
            path,
            article,
            claim,
            span,
            line,
            column,
            paragraphs,
            excerpt,
            citations,
            corroboration,
        } = c;
        let Corroboration {
            verdict,
            independent_sources,
            sources,
            self_references,
            collective_only,
            anonymous_only,
            vague_only,
            circular,
            notes,
        } = corroboration;
        ClaimJson {
            anonymous_only: *anonymous_only,
            article: *article,
            circular: *circular,
            citations,
            claim: *claim,
            collective_only: *collective_only,
            column: *column,
            excerpt,
            finding,
            independent_sources: *independent_sources,
            line: *line,
            notes,
            paragraphs: *paragraphs,
            path,
            self_references: *self_references,
            sources: Sources(sources),
            span: *span,
            vague_only: *vague_only,
            verdict: *verdict,
        }
    }
}

/// A claim's sources, each as a [`SourceJson`].
struct Sources<'a>(&'a [SourceUse]);

impl Serialize for Sources<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(SourceJson::new))
    }
}

/// One source of a claim, keys in alphabetical order; the optional ones left out as
/// [`SourceUse`] leaves them out.
#[derive(Serialize)]
struct SourceJson<'a> {
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    implied: bool,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    inherited: bool,
    kind: OutletKind,
    outlet: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    prose: Option<SourceType>,
    role: SourceRole,
    written: &'a [Name],
}

impl<'a> SourceJson<'a> {
    /// The view of `s`; every field named, as in [`ClaimJson::new`].
    fn new(s: &'a SourceUse) -> Self {
        let SourceUse {
            outlet,
            kind,
            role,
            written,
            implied,
            prose,
            inherited,
        } = s;
        SourceJson {
            implied: *implied,
            inherited: *inherited,
            kind: *kind,
            outlet,
            prose: *prose,
            role: *role,
            written,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::json::pretty_at;
    use petgraph::stable_graph::NodeIndex;
    use serde_json::Value;

    /// The claim as the schema was first written: a value with `finding` added.
    fn as_value(c: &ClaimReport, finding: Option<&str>) -> Value {
        let mut v = serde_json::to_value(c).expect("a claim");
        v.as_object_mut()
            .expect("a map")
            .insert("finding".into(), finding.into());
        v
    }

    fn source(outlet: &str, role: SourceRole) -> SourceUse {
        SourceUse {
            outlet: outlet.into(),
            kind: OutletKind::Agency,
            role,
            written: vec![Name::from(outlet), Name::from("Its \"other\" name")],
            implied: false,
            prose: None,
            inherited: false,
        }
    }

    /// A claim with every optional part present.
    fn full_claim() -> ClaimReport {
        let mut sources = vec![
            source("Interfax", SourceRole::Independent),
            source("one diplomat", SourceRole::Unnamed),
            source("Kyodo", SourceRole::SameGroup),
        ];
        sources[1].prose = Some(SourceType::Anonymous);
        sources[1].implied = true;
        sources[2].inherited = true;
        ClaimReport {
            node: NodeIndex::new(3),
            path: Name::from("dir/a \"b\".txt"),
            article: 2,
            claim: 7,
            span: Span::new(10, 90),
            line: 4,
            column: 12,
            paragraphs: [3, 4],
            excerpt: "Talks stalled\tagain…\n".into(),
            citations: vec![Span::new(60, 80), Span::new(81, 89)],
            corroboration: Corroboration {
                verdict: Verdict::Corroborated,
                independent_sources: 2,
                sources,
                self_references: 1,
                collective_only: true,
                anonymous_only: true,
                vague_only: true,
                circular: true,
                notes: vec!["Kyodo and Kyodo English count once (group kyodo)".into()],
            },
        }
    }

    #[test]
    fn the_view_has_every_key_and_value_of_the_claim() {
        let c = full_claim();
        for finding in [None, Some("single-source")] {
            let view = serde_json::to_value(ClaimJson::new(&c, finding)).expect("a view");
            assert_eq!(view, as_value(&c, finding));
        }
    }

    #[test]
    fn the_view_is_written_as_the_value_was() {
        let mut plain = full_claim();
        // Optional parts absent too.
        for s in &mut plain.corroboration.sources {
            (s.implied, s.inherited, s.prose) = (false, false, None);
        }
        plain.corroboration.notes.clear();
        plain.citations.clear();
        for c in [full_claim(), plain] {
            for finding in [None, Some("unsourced")] {
                let view = ClaimJson::new(&c, finding);
                assert_eq!(
                    pretty_at(&view, 8).expect("written"),
                    pretty_at(&as_value(&c, finding), 8).expect("written")
                );
            }
        }
    }
}
