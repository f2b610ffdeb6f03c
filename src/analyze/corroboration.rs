//! Corroboration of one claim: how many independent sources support it, and its verdict.
//!
//! Independent sources are the distinct *independence keys* of the outlets a claim cites:
//! aliases are merged already (one node per canonical outlet); outlets of one independence
//! group (one owner, one wire) share a key; a carrier that only relays another reference of
//! the same group ("…, as cited by Itar-Tass") is not counted beside its origin; and the
//! publication's references to its own earlier issues count zero.

use super::RelayRoots;
use crate::graph::{Edge, Node, SourceGraph};
use crate::model::{OutletKind, SourceType};
use petgraph::Direction;
use petgraph::stable_graph::NodeIndex;
use petgraph::visit::EdgeRef;
use serde::{Deserialize, Serialize};
use std::fmt;

/// How well a claim is sourced.
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Verdict {
    /// No citation supports it.
    Unsourced,
    /// Only the publication's own earlier issues support it.
    SelfReferenced,
    /// One independent source.
    SingleSource,
    /// Two or more independent sources.
    Corroborated,
}

impl Verdict {
    /// Every verdict, weakest first.
    pub const ALL: [Verdict; 4] = [
        Verdict::Unsourced,
        Verdict::SelfReferenced,
        Verdict::SingleSource,
        Verdict::Corroborated,
    ];
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How a cited outlet counts for a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SourceRole {
    /// Counted as an independent source.
    Independent,
    /// Counted once with another outlet of its independence group.
    SameGroup,
    /// Only relays another cited source, which is counted instead.
    Relay,
    /// Named in the prose beside cited outlets, which report it: not counted on its own.
    Quoted,
    /// An anonymous or vague source: shown, never counted.
    Unnamed,
}

/// One outlet a claim cites.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceUse {
    /// Canonical name.
    pub outlet: String,
    /// What sort of outlet.
    pub kind: OutletKind,
    /// How it counts.
    pub role: SourceRole,
    /// The spellings the claim's citations use.
    pub written: Vec<crate::graph::Name>,
    /// True when the outlet was only named in the prose before a date-only group.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub implied: bool,
    /// For a source named in the claim's prose: its type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prose: Option<SourceType>,
    /// True for an outlet inherited from an earlier issue the claim cross-references.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub inherited: bool,
}

impl SourceUse {
    /// A short description for people: `JoongAng Ilbo [newspaper]`,
    /// `one unnamed diplomatic source [anonymous, in the prose] (not counted)`.
    pub fn describe(&self) -> String {
        let mut s = String::with_capacity(self.outlet.len() + 24);
        self.describe_into(&mut s);
        s
    }

    /// [`SourceUse::describe`], appended to `out`.
    pub fn describe_into(&self, out: &mut String) {
        out.push_str(&self.outlet);
        out.push_str(" [");
        match self.prose {
            Some(SourceType::Outlet) | None => out.push_str(self.kind.as_str()),
            Some(t) => {
                out.push_str(t.as_str());
                out.push_str(", in the prose");
            }
        }
        out.push(']');
        if self.prose == Some(SourceType::Outlet) {
            out.push_str(" (in the prose)");
        }
        out.push_str(match self.role {
            SourceRole::Independent => "",
            SourceRole::SameGroup => " (same group)",
            SourceRole::Relay => " (relay)",
            SourceRole::Quoted => " (reported by the cited outlets)",
            SourceRole::Unnamed => " (not counted)",
        });
        if self.implied {
            out.push_str(" (named in the prose)");
        }
        if self.inherited {
            out.push_str(" (inherited from a cross-referenced issue)");
        }
    }
}

/// The corroboration of one claim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Corroboration {
    /// The verdict.
    pub verdict: Verdict,
    /// Number of independent sources.
    pub independent_sources: usize,
    /// The outlets cited, in citation order.
    pub sources: Vec<SourceUse>,
    /// References to the publication's own earlier issues.
    pub self_references: usize,
    /// True when every independent source is a vague collective ("Russian agencies").
    pub collective_only: bool,
    /// True when nothing is counted and the prose names an anonymous source.
    pub anonymous_only: bool,
    /// True when nothing is counted and the prose names a vague source.
    pub vague_only: bool,
    /// True when a cited outlet is part of a circle of outlets relaying each other.
    pub circular: bool,
    /// Why sources were merged: "Kyodo and Kyodo English count once (group kyodo)".
    pub notes: Vec<String>,
}

/// Corroborate the claim at node `claim`.
///
/// # Complexity
/// `O(d log d)` for a claim with `d` outgoing edges.
///
/// # Example
/// ```
/// use srcgraph::{analyze::{corroborate, Verdict}, pipeline::Pipeline};
/// let p = Pipeline::default();
/// let g = p.graph_of_text("a.txt", "Publication: Monitor Volume: 7 Issue: 79\n\n\
///     One (AFP, April 2; Kyodo, April 3). Two (Kyodo, April 4; Kyodo English, April 4).\n");
/// let claims: Vec<_> = g.claim_nodes().collect();
/// assert_eq!(corroborate(&g, claims[0]).verdict, Verdict::Corroborated);
/// assert_eq!(corroborate(&g, claims[1]).independent_sources, 1);
/// ```
///
/// Builds a [`RelayRoots`] for the one claim; to judge many claims of one graph, build it
/// once and call [`corroborate_with`].
pub fn corroborate(g: &SourceGraph, claim: NodeIndex) -> Corroboration {
    corroborate_with(g, claim, &RelayRoots::new(g))
}

/// [`corroborate`] with the relay roots of the graph traced already.
pub fn corroborate_with(g: &SourceGraph, claim: NodeIndex, roots: &RelayRoots) -> Corroboration {
    let edges = ClaimEdges::of(g, claim);
    let mut tally = Tally {
        g,
        roots,
        named_here: edges.prose.iter().map(|(_, n)| *n).collect(),
        keys: Vec::new(),
        notes: Vec::new(),
        relay_notes: Vec::new(),
        circular: false,
        sources: Vec::new(),
        nodes: Vec::new(),
    };
    tally.cited(&edges.cites);
    tally.outlets_in_prose(&edges.prose);
    tally.inherited(&edges.inherited_from);
    let (anonymous, vague) = tally.named_in_prose(&edges.prose);
    tally.finish(edges.self_references, anonymous, vague)
}

/// A claim's outgoing edges by kind, each list in a fixed order.
struct ClaimEdges<'g> {
    /// Citations, by group and reference.
    cites: Vec<(&'g crate::graph::CiteEdge, NodeIndex)>,
    /// Sources named in the prose.
    prose: Vec<(&'g crate::graph::AttributionEdge, NodeIndex)>,
    /// Articles of the input it cross-references (input, label), once each.
    inherited_from: Vec<(usize, String)>,
    self_references: usize,
}

impl<'g> ClaimEdges<'g> {
    fn of(g: &'g SourceGraph, claim: NodeIndex) -> ClaimEdges<'g> {
        let mut c = ClaimEdges {
            cites: Vec::new(),
            prose: Vec::new(),
            inherited_from: Vec::new(),
            self_references: 0,
        };
        let mut edges: Vec<_> = g.graph.edges_directed(claim, Direction::Outgoing).collect();
        edges.sort_by_key(|e| e.id());
        for e in edges {
            match e.weight() {
                Edge::Cites(cite) => c.cites.push((cite, e.target())),
                Edge::CrossReference(_) => {
                    c.self_references += 1;
                    if let Some(Node::Article(a)) = g.graph.node_weight(e.target()) {
                        c.inherited_from.push((a.input, a.label()));
                    }
                }
                Edge::Attributes(a) => c.prose.push((a, e.target())),
                _ => {}
            }
        }
        c.cites
            .sort_by_key(|(cite, _)| (cite.citation, cite.reference));
        c.inherited_from.sort();
        c.inherited_from.dedup();
        c
    }
}

/// Where a node's reports come from: relay edges (carrier → origin) followed through the
/// whole input to the nodes that relay nothing. The single root when there is exactly one,
/// and whether a cycle of relays was met on the way.
///
/// # Complexity
/// `O(r)` for the `r` relay edges reachable from `n`. To ask for many nodes, build a
/// [`RelayRoots`] once.
pub fn trace_root(g: &SourceGraph, n: NodeIndex) -> (Option<NodeIndex>, bool) {
    // Most outlets relay nothing: answer without allocating.
    let relays_any = g
        .graph
        .edges_directed(n, Direction::Outgoing)
        .any(|e| matches!(e.weight(), Edge::Relays { .. }));
    if !relays_any {
        return (Some(n), false);
    }
    let mut roots = Vec::new();
    let mut cyclic = false;
    let mut seen = std::collections::HashSet::new();
    // Iterative DFS; `on_path` marks nodes of the current path to see cycles.
    let mut on_path = std::collections::HashSet::new();
    let mut stack = vec![(n, false)];
    while let Some((m, done)) = stack.pop() {
        if done {
            on_path.remove(&m);
            continue;
        }
        if on_path.contains(&m) {
            cyclic = true;
            continue;
        }
        if !seen.insert(m) {
            continue;
        }
        on_path.insert(m);
        stack.push((m, true));
        // Unnamed sources are one node per article: relaying them says nothing about
        // where an outlet's reports come from.
        let origins: Vec<NodeIndex> = g
            .graph
            .edges_directed(m, Direction::Outgoing)
            .filter(|e| matches!(e.weight(), Edge::Relays { .. }))
            .map(|e| e.target())
            .filter(|&o| {
                !matches!(g.graph.node_weight(o), Some(Node::Source(s)) if matches!(s.kind, SourceType::Anonymous | SourceType::Vague))
            })
            .collect();
        if origins.is_empty() {
            roots.push(m);
        }
        for o in origins {
            if on_path.contains(&o) {
                cyclic = true;
            } else {
                stack.push((o, false));
            }
        }
    }
    ((roots.len() == 1).then(|| roots[0]), cyclic)
}

fn node_name(g: &SourceGraph, n: NodeIndex) -> Option<(String, String)> {
    match g.graph.node_weight(n)? {
        Node::Outlet(o) => Some((o.independence_key(), o.name.clone())),
        Node::Source(s) => Some((
            format!("source:{}", crate::outlets::outlet_key(&s.name)),
            s.name.clone(),
        )),
        _ => None,
    }
}

/// The independence keys counted for one claim so far, with the notes that explain them.
struct Tally<'g> {
    g: &'g SourceGraph,
    roots: &'g RelayRoots,
    /// Sources the claim's prose names: a relay of a person, body or document holds only for
    /// the claim that names them.
    named_here: Vec<NodeIndex>,
    /// (independence key, first outlet counted under it).
    keys: Vec<(String, String)>,
    notes: Vec<String>,
    /// The note that says a carrier is a relay ("X relays Y: counted once"), by the
    /// carrier's node and the note's index.
    relay_notes: Vec<(NodeIndex, usize)>,
    circular: bool,
    /// The claim's sources so far, and their nodes (in the same order).
    sources: Vec<SourceUse>,
    nodes: Vec<NodeIndex>,
}

impl Tally<'_> {
    /// Add `source` (node `n`) to the claim's sources.
    fn push(&mut self, n: NodeIndex, source: SourceUse) {
        self.nodes.push(n);
        self.sources.push(source);
    }

    /// A source as the claim uses it: its name, kind and role, the spellings it was written
    /// in; cited (not implied, inherited or named in the prose) unless set otherwise.
    fn source(
        outlet: &str,
        kind: OutletKind,
        role: SourceRole,
        written: Vec<crate::graph::Name>,
    ) -> SourceUse {
        SourceUse {
            outlet: outlet.to_string(),
            kind,
            role,
            written,
            implied: false,
            prose: None,
            inherited: false,
        }
    }

    /// The relay `n`, cited by the claim as a source of its own too ("X, citing Y; Y,
    /// citing X"), now counts: its note says so instead of "counted once".
    fn relay_counted_after_all(&mut self, n: NodeIndex) {
        let Some(&(_, i)) = self.relay_notes.iter().find(|(r, _)| *r == n) else {
            return;
        };
        if let Some(relays) = self.notes[i].strip_suffix(": counted once") {
            self.notes[i] = format!("{relays}, and is cited as a source of its own too");
        }
    }

    /// A source counted independently unless its key was counted before.
    fn counted(&mut self, n: NodeIndex) -> SourceRole {
        let mut role = SourceRole::Independent;
        self.add_key(n, &mut role, true);
        role
    }

    /// The outlets the claim cites. A carrier relays other references of its group
    /// ("Interfax, citing Itar-Tass"): the origins count, the carrier is a relay. An outlet
    /// cited twice is one source, each spelling kept.
    fn cited(&mut self, cites: &[(&crate::graph::CiteEdge, NodeIndex)]) {
        let g = self.g;
        let origin = |c: &crate::graph::CiteEdge, r: usize| {
            cites
                .iter()
                .find(|(d, _)| d.citation == c.citation && d.reference == r)
        };
        // A carrier relays another outlet: "Kommersant, citing Kommersant-Daily" is one
        // outlet citing itself, no relay.
        let is_carrier = |c: &crate::graph::CiteEdge, carrier: NodeIndex| {
            c.relays
                .iter()
                .any(|&r| origin(c, r).is_some_and(|(_, n)| *n != carrier))
        };
        for &(c, target) in cites {
            let Some(Node::Outlet(o)) = g.graph.node_weight(target) else {
                continue;
            };
            if o.is_missing() && !self.nodes.contains(&target) && c.relays.is_empty() {
                self.notes.push(
                    "a citation gives a date but no outlet (lost from the text?): one unknown source of this claim"
                        .to_string(),
                );
            }
            if let Some(i) = self.nodes.iter().position(|&n| n == target) {
                let s = &mut self.sources[i];
                if !c.written.is_empty() && !s.written.contains(&c.written) {
                    if let Some(first) = s.written.first() {
                        self.notes.push(format!(
                            "{first} and {} are one outlet ({})",
                            c.written, o.name
                        ));
                    }
                    s.written.push(c.written.clone());
                }
                if s.role == SourceRole::Relay && !is_carrier(c, target) {
                    self.sources[i].role = self.counted(target);
                    self.relay_counted_after_all(target);
                }
                continue;
            }
            let role = if is_carrier(c, target) {
                let origins: Vec<&str> = c
                    .relays
                    .iter()
                    .filter_map(|&r| origin(c, r))
                    .filter(|(_, n)| *n != target)
                    .filter_map(|(_, n)| g.outlet(*n).map(|o| o.name.as_str()))
                    .collect();
                self.relay_notes.push((target, self.notes.len()));
                self.notes.push(format!(
                    "{} relays {}: counted once",
                    o.name,
                    origins.join(", ")
                ));
                SourceRole::Relay
            } else {
                self.counted(target)
            };
            let written = if c.written.is_empty() {
                Vec::new()
            } else {
                vec![c.written.clone()]
            };
            self.push(
                target,
                SourceUse {
                    implied: c.implied,
                    ..Self::source(&o.name, o.kind, role, written)
                },
            );
        }
    }

    /// Outlets named in the prose count like cited ones. An outlet that the claim's prose
    /// also gives as speaking in its own name, naming no origin ("what Newsru.com described
    /// as ..."; "Citing Izvestiya, Newsru.com reported ..."), reports that much itself: it
    /// counts under its own name, not traced back to what it relays elsewhere.
    fn outlets_in_prose(&mut self, prose: &[(&crate::graph::AttributionEdge, NodeIndex)]) {
        for &(a, target) in prose {
            let Some(Node::Outlet(o)) = self.g.graph.node_weight(target) else {
                continue;
            };
            if self.nodes.contains(&target) {
                continue;
            }
            let own_words = prose
                .iter()
                .any(|(b, t)| *t == target && b.citing.is_none());
            let mut role = SourceRole::Independent;
            self.add_key(target, &mut role, !own_words);
            self.push(
                target,
                SourceUse {
                    prose: Some(SourceType::Outlet),
                    ..Self::source(&o.name, o.kind, role, vec![a.written.clone()])
                },
            );
        }
    }

    /// A cross-reference to an issue in the input inherits the outlets that issue cites.
    fn inherited(&mut self, issues: &[(usize, String)]) {
        let g = self.g;
        for (input, label) in issues {
            let mut any = false;
            for &c in g.claims.get(*input).map_or(&[][..], Vec::as_slice) {
                let mut out: Vec<_> = g.graph.edges_directed(c, Direction::Outgoing).collect();
                out.sort_by_key(|e| e.id());
                for e in out {
                    let (Edge::Cites(ce), Some(Node::Outlet(o))) =
                        (e.weight(), g.graph.node_weight(e.target()))
                    else {
                        continue;
                    };
                    if self.nodes.contains(&e.target()) || !ce.relays.is_empty() {
                        continue;
                    }
                    let role = self.counted(e.target());
                    self.push(
                        e.target(),
                        SourceUse {
                            implied: ce.implied,
                            inherited: true,
                            ..Self::source(&o.name, o.kind, role, vec![ce.written.clone()])
                        },
                    );
                    any = true;
                }
            }
            if any {
                self.notes.push(format!(
                    "inherits the sources of {label}, which it cross-references"
                ));
            }
        }
    }

    /// People, bodies and documents named in the prose count only when no outlet reports
    /// the claim (they are quoted by it otherwise); unnamed ones never count. Returns
    /// whether an anonymous and a vague one were met.
    fn named_in_prose(
        &mut self,
        prose: &[(&crate::graph::AttributionEdge, NodeIndex)],
    ) -> (bool, bool) {
        let reported_by_outlet = !self.keys.is_empty();
        let (mut anonymous, mut vague) = (false, false);
        for &(a, target) in prose {
            let Some(Node::Source(s)) = self.g.graph.node_weight(target) else {
                continue;
            };
            if self.nodes.contains(&target) {
                continue;
            }
            let role = match s.kind {
                SourceType::Anonymous | SourceType::Vague => {
                    anonymous |= s.kind == SourceType::Anonymous;
                    vague |= s.kind == SourceType::Vague;
                    SourceRole::Unnamed
                }
                _ if reported_by_outlet => SourceRole::Quoted,
                _ => {
                    self.keys.push((
                        format!("source:{}", crate::outlets::outlet_key(&s.name)),
                        s.name.clone(),
                    ));
                    SourceRole::Independent
                }
            };
            self.push(
                target,
                SourceUse {
                    prose: Some(s.kind),
                    ..Self::source(&s.name, OutletKind::Unknown, role, vec![a.written.clone()])
                },
            );
        }
        (anonymous, vague)
    }

    /// The verdict of what was counted.
    fn finish(self, self_references: usize, anonymous: bool, vague: bool) -> Corroboration {
        let independent = self.keys.len();
        let verdict = match (independent, self_references) {
            (0, 0) => Verdict::Unsourced,
            (0, _) => Verdict::SelfReferenced,
            (1, _) => Verdict::SingleSource,
            _ => Verdict::Corroborated,
        };
        let counted: Vec<&SourceUse> = self
            .sources
            .iter()
            .filter(|s| matches!(s.role, SourceRole::Independent | SourceRole::SameGroup))
            .collect();
        let collective_only =
            !counted.is_empty() && counted.iter().all(|s| s.kind == OutletKind::Collective);
        Corroboration {
            verdict,
            independent_sources: independent,
            sources: self.sources,
            self_references,
            collective_only,
            anonymous_only: independent == 0 && anonymous,
            circular: self.circular,
            vague_only: independent == 0 && vague,
            notes: self.notes,
        }
    }

    /// Count outlet `n` among the claim's sources: under its relay root's key when all it
    /// reports comes from one origin elsewhere in the input, else under its own independence
    /// key.
    ///
    /// An outlet that carried a person's words ("Kravets told Radio Mayak") is traced back to
    /// that person only in a claim that names the person: the rest of what the outlet reports
    /// does not come from them, so elsewhere only its relays of other outlets are followed.
    ///
    /// With `trace` false the outlet counts under its own key: the claim gives it as
    /// speaking in its own name.
    fn add_key(&mut self, n: NodeIndex, role: &mut SourceRole, trace: bool) {
        let g = self.g;
        let Some((own_key, own_name)) = node_name(g, n) else {
            return;
        };
        let (key, name) = if trace {
            self.traced(n, own_key, &own_name)
        } else {
            (own_key, own_name.clone())
        };
        match self.keys.iter().find(|(k, _)| *k == key) {
            Some((_, first)) => {
                *role = SourceRole::SameGroup;
                if *first != own_name {
                    self.notes.push(format!(
                        "{first} and {own_name} count once ({})",
                        key.replace(':', " ")
                    ));
                }
            }
            None => self.keys.push((key, name)),
        }
    }

    /// The key and name `n` counts under when traced back through its relays.
    fn traced(&mut self, n: NodeIndex, own_key: String, own_name: &str) -> (String, String) {
        let g = self.g;
        let (found, cyclic) = self.roots.roots(n);
        let speaker_elsewhere = found.iter().flatten().any(|r| {
            matches!(g.graph.node_weight(*r), Some(Node::Source(_))) && !self.named_here.contains(r)
        });
        let root = if speaker_elsewhere {
            self.roots.outlet_root(n).0
        } else {
            self.roots.root(n).0
        };
        if cyclic {
            self.circular = true;
            self.notes.push(format!(
                "{own_name} is part of a circle of outlets relaying each other"
            ));
        }
        match root.filter(|&r| r != n).and_then(|r| node_name(g, r)) {
            Some((k, rname)) => {
                self.notes.push(format!(
                    "{own_name} relays {rname} in the input: traced back to {rname}"
                ));
                (k, rname)
            }
            None => (own_key, own_name.to_string()),
        }
    }
}

crate::names::named!(
    /// The kebab-case name used in output and options.
    Verdict {
        Unsourced => "unsourced",
        SelfReferenced => "self-referenced",
        SingleSource => "single-source",
        Corroborated => "corroborated",
    }
);

#[cfg(test)]
mod tests {
    use super::*;

    fn used(outlet: &str, kind: OutletKind, role: SourceRole) -> SourceUse {
        SourceUse {
            outlet: outlet.into(),
            kind,
            role,
            written: Vec::new(),
            implied: false,
            prose: None,
            inherited: false,
        }
    }

    #[test]
    fn descriptions_read_as_documented() {
        let paper = used(
            "JoongAng Ilbo",
            OutletKind::Newspaper,
            SourceRole::Independent,
        );
        assert_eq!(paper.describe(), "JoongAng Ilbo [newspaper]");
        let mut anonymous = used(
            "one unnamed diplomatic source",
            OutletKind::Unknown,
            SourceRole::Unnamed,
        );
        anonymous.prose = Some(SourceType::Anonymous);
        assert_eq!(
            anonymous.describe(),
            "one unnamed diplomatic source [anonymous, in the prose] (not counted)"
        );
        let mut wire = used("Interfax", OutletKind::Agency, SourceRole::Relay);
        wire.prose = Some(SourceType::Outlet);
        wire.implied = true;
        wire.inherited = true;
        assert_eq!(
            wire.describe(),
            "Interfax [agency] (in the prose) (relay) (named in the prose) \
             (inherited from a cross-referenced issue)"
        );
        let same = used(
            "Kommersant-Vlast",
            OutletKind::Magazine,
            SourceRole::SameGroup,
        );
        let quoted = used("Putin", OutletKind::Unknown, SourceRole::Quoted);
        // Appended to what the string holds.
        let mut out = String::from("sources: ");
        same.describe_into(&mut out);
        out.push_str(", ");
        quoted.describe_into(&mut out);
        assert_eq!(
            out,
            "sources: Kommersant-Vlast [magazine] (same group), \
             Putin [unknown] (reported by the cited outlets)"
        );
    }
}
