//! Building the source graph from parsed articles and their claims.

use super::{
    ArticleNode, CiteEdge, ClaimNode, CrossRefEdge, Edge, IssueNode, Name, Node, OutletNode,
    SourceGraph,
};
use crate::calendar::Date;
use crate::model::{Article, Attribution, Claim, OutletKind, Scope, SourceRef, SourceType};
use crate::outlets::{OutletInfo, Outlets, outlet_key, with_key};
use foldhash::{HashMap, HashSet};
use petgraph::stable_graph::NodeIndex;
use std::collections::BTreeSet;

/// Name of the outlet node for date-only groups whose outlet is neither written nor implied.
/// The name of the outlet of a citation that names none: see [`OutletNode::is_missing`].
pub const UNNAMED_OUTLET: &str = "(outlet not given)";

/// Choices for [`build`].
#[derive(Debug, Clone, Copy)]
pub struct BuildOptions<'a> {
    /// The knowledge base (to resolve outlets implied by the prose).
    pub outlets: &'a Outlets,
    /// How the claims were cut (recorded on claim nodes).
    pub scope: Scope,
    /// Add a node per cited day, linked from the claims that cite it.
    pub date_nodes: bool,
}

/// Build the graph of `articles`, whose claims are `claims[i]` for article `i`.
///
/// `O(n)` in the number of claims, references and dates (hash look-ups for outlets).
/// Nodes are added in input order, so the graph is the same for the same input.
pub fn build(articles: &[Article], claims: &[Vec<Claim>], opts: &BuildOptions<'_>) -> SourceGraph {
    build_graph(articles, claims, opts, false)
}

/// What pass 1 of chunked judging learns from ([`crate::context::InputContext::learn`]):
/// the graph [`build`] builds, with its article, outlet and named-source nodes and its
/// relay edges (the same, in the same order), without claim nodes and the edges from them
/// (citations, prose sources, cross-references), which pass 1 has no use for.
pub(crate) fn build_facts(
    articles: &[Article],
    claims: &[Vec<Claim>],
    opts: &BuildOptions<'_>,
) -> SourceGraph {
    build_graph(articles, claims, opts, true)
}

/// [`build`], or [`build_facts`] when `facts_only`.
fn build_graph(
    articles: &[Article],
    claims: &[Vec<Claim>],
    opts: &BuildOptions<'_>,
    facts_only: bool,
) -> SourceGraph {
    let mut b = GraphBuilder::new(opts);
    b.b.facts_only = facts_only;
    for a in articles {
        b.article_node(a);
    }
    for (i, a) in articles.iter().enumerate() {
        b.article_content(a, claims.get(i).map_or(&[][..], Vec::as_slice));
    }
    b.finish()
}

/// Builds the graph [`build`] builds, in two rounds so the articles need not all be held:
/// first every article's node ([`GraphBuilder::article_node`], from its header alone), then
/// every article's claims and sources in the same order ([`GraphBuilder::article_content`]).
/// Nodes and edges are added in the order `build` adds them.
#[derive(Debug)]
pub struct GraphBuilder<'a> {
    b: Builder<'a>,
    next: usize,
}

impl<'a> GraphBuilder<'a> {
    /// An empty graph.
    pub fn new(opts: &BuildOptions<'a>) -> GraphBuilder<'a> {
        GraphBuilder {
            b: Builder {
                g: SourceGraph::default(),
                outlets: HashMap::default(),
                spellings: HashMap::default(),
                issues: HashMap::default(),
                dates: HashMap::default(),
                relays: HashMap::default(),
                by_issue: HashMap::default(),
                sources: HashMap::default(),
                names: Names::default(),
                opts: *opts,
                facts_only: false,
            },
            next: 0,
        }
    }

    /// Round 1: the node of the next article (only its header fields, title and place are
    /// read).
    pub fn article_node(&mut self, a: &Article) {
        let b = &mut self.b;
        let i = b.g.articles.len();
        let path = b.names.get(&a.path);
        let n = b.g.graph.add_node(Node::Article(Box::new(ArticleNode {
            input: i,
            path,
            index: a.index,
            publication: a.publication.clone(),
            volume: a.volume,
            issue: a.issue,
            date: a.date,
            title: a.title.clone(),
            span: a.span,
            line: a.line,
        })));
        b.g.articles.push(n);
        if let (Some(p), Some(d)) = (a.publication.as_deref(), a.date) {
            let key = publication_key(b.opts.outlets, p);
            b.by_issue.entry((key, d)).or_default().push(n);
        }
    }

    /// Round 2: the claims, sources and cross-references of the next article (in the order
    /// of round 1).
    pub fn article_content(&mut self, a: &Article, article_claims: &[Claim]) {
        let b = &mut self.b;
        let i = self.next;
        self.next += 1;
        let mut nodes = Vec::new();
        for claim in article_claims {
            nodes.push(b.add_claim(i, a, claim));
        }
        let mut named: Vec<(&str, NodeIndex, Option<&str>)> = Vec::new();
        for at in &a.attributions {
            // The claim whose text holds the mention.
            let k = article_claims.partition_point(|c| c.span.start <= at.span.start);
            let Some(k) = k
                .checked_sub(1)
                .filter(|&k| at.span.end <= article_claims[k].span.end)
            else {
                continue;
            };
            if let Some(target) = b.add_attribution(i, nodes[k], at) {
                named.push((at.text.as_str(), target, at.citing.as_deref()));
            }
        }
        // A carrier named in the prose ("told Interfax", "the newspaper quoted …") relays
        // the source it cites.
        let by_text: HashMap<&str, NodeIndex> = named.iter().map(|n| (n.0, n.1)).collect();
        for &(_, carrier, citing) in &named {
            let Some(&origin) = citing.and_then(|c| by_text.get(c)) else {
                continue;
            };
            if origin != carrier {
                b.relay(carrier, origin);
            }
        }
        if b.facts_only {
            nodes.clear();
        }
        b.g.claims.push(nodes);
    }

    /// The graph.
    pub fn finish(self) -> SourceGraph {
        let Builder {
            mut g, spellings, ..
        } = self.b;
        for (n, names) in spellings {
            if let Some(Node::Outlet(o)) = g.graph.node_weight_mut(n) {
                o.spellings = names.into_iter().collect();
            }
        }
        g
    }
}

/// The key under which an article of publication `name` is found by cross-references.
pub(crate) fn publication_key(outlets: &Outlets, name: &str) -> String {
    outlet_key(outlets.publication(name).map_or(name, |p| p.name.as_str()))
}

/// The publication a cross-reference points at (canonical name) and its key.
pub(crate) fn cross_reference_target(outlets: &Outlets, r: &SourceRef) -> (String, String) {
    let publication = outlets
        .publication(&r.outlet)
        .map_or_else(|| r.canonical.clone(), |p| p.name.clone());
    let key = outlet_key(&publication);
    (publication, key)
}

#[derive(Debug)]
struct Builder<'a> {
    g: SourceGraph,
    outlets: HashMap<String, NodeIndex>,
    spellings: HashMap<NodeIndex, BTreeSet<String>>,
    issues: HashMap<(String, Option<Date>), NodeIndex>,
    dates: HashMap<Date, NodeIndex>,
    relays: HashMap<(NodeIndex, NodeIndex), petgraph::stable_graph::EdgeIndex>,
    by_issue: HashMap<(String, Date), Vec<NodeIndex>>,
    sources: HashMap<(SourceType, String, Option<usize>), NodeIndex>,
    names: Names,
    opts: BuildOptions<'a>,
    /// Only what pass 1 learns from ([`build_facts`]): no claim nodes, citation,
    /// attribution or cross-reference edges.
    facts_only: bool,
}

/// The names of one graph, each stored once.
#[derive(Debug, Default)]
struct Names(HashSet<Name>);

impl Names {
    /// The shared copy of `s`.
    fn get(&mut self, s: &str) -> Name {
        match self.0.get(s) {
            Some(n) => n.clone(),
            None => {
                let n: Name = s.into();
                self.0.insert(n.clone());
                n
            }
        }
    }
}

impl Builder<'_> {
    fn add_claim(&mut self, input: usize, a: &Article, claim: &Claim) -> NodeIndex {
        let cn = if self.facts_only {
            NodeIndex::end()
        } else {
            let path = self.names.get(&a.path);
            let cn = self.g.graph.add_node(Node::Claim(Box::new(ClaimNode {
                article: input,
                path,
                scope: self.opts.scope,
                claim: claim.clone(),
            })));
            self.g
                .graph
                .add_edge(self.g.articles[input], cn, Edge::Contains);
            cn
        };
        for &ci in &claim.citations {
            let Some(c) = a.citations.get(ci) else {
                continue;
            };
            let mut ref_nodes: Vec<Option<NodeIndex>> = Vec::with_capacity(c.refs.len());
            for (ri, r) in c.refs.iter().enumerate() {
                if r.cross_reference {
                    if !self.facts_only {
                        self.add_cross_reference(cn, ci, c.span, r);
                    }
                    ref_nodes.push(None);
                    continue;
                }
                let (on, implied) = self.outlet_for(r, (input, c.span.start));
                ref_nodes.push(Some(on));
                if self.facts_only {
                    continue;
                }
                let written = self.names.get(&r.outlet);
                self.g.graph.add_edge(
                    cn,
                    on,
                    Edge::Cites(Box::new(CiteEdge {
                        citation: ci,
                        reference: ri,
                        written,
                        dates: r.dates.clone(),
                        relays: r.relays.clone(),
                        implied,
                        span: c.span,
                    })),
                );
                if self.opts.date_nodes {
                    for d in r.dates.iter().filter_map(|d| d.date) {
                        let dn = *self
                            .dates
                            .entry(d)
                            .or_insert_with(|| self.g.graph.add_node(Node::Date(d)));
                        if self.g.graph.find_edge(cn, dn).is_none() {
                            self.g.graph.add_edge(cn, dn, Edge::OnDate);
                        }
                    }
                }
            }
            for (ri, r) in c.refs.iter().enumerate() {
                let Some(Some(carrier)) = ref_nodes.get(ri).copied() else {
                    continue;
                };
                for &origin in &r.relays {
                    let Some(Some(on)) = ref_nodes.get(origin).copied() else {
                        continue;
                    };
                    if on != carrier {
                        self.relay(carrier, on);
                    }
                }
            }
        }
        cn
    }

    /// One more reference showing that `carrier` relays `origin`: a citation's ("as cited
    /// by") or the prose's ("told Interfax"), counted alike on one edge.
    fn relay(&mut self, carrier: NodeIndex, origin: NodeIndex) {
        match self.relays.get(&(carrier, origin)) {
            Some(&e) => {
                if let Some(Edge::Relays { count }) = self.g.graph.edge_weight_mut(e) {
                    *count += 1;
                }
            }
            None => {
                let e = self
                    .g
                    .graph
                    .add_edge(carrier, origin, Edge::Relays { count: 1 });
                self.relays.insert((carrier, origin), e);
            }
        }
    }

    /// The outlet node of a reference, and whether the outlet was only implied by the prose.
    /// A reference naming no outlet gets the node of its citation (`at`: input and offset),
    /// of its own.
    fn outlet_for(&mut self, r: &SourceRef, at: (usize, usize)) -> (NodeIndex, bool) {
        if !r.outlet.is_empty() {
            let n = self.outlet_node(&r.canonical, &r.outlet, at, || {
                (r.kind, r.country.clone(), r.group.clone())
            });
            return (n, false);
        }
        let Some(io) = &r.implied_outlet else {
            let n = self.outlet_node(UNNAMED_OUTLET, "", at, || (OutletKind::Unknown, None, None));
            return (n, false);
        };
        let info = self.opts.outlets.lookup(io);
        let name = info.map_or(io.as_str(), |o| o.name.as_str());
        let n = self.outlet_node(name, io, at, || describe(info));
        (n, true)
    }

    /// The node of the outlet `name` (canonical), made with `describe()` (kind, country,
    /// group) when it is new, and `written` (when not empty) among its spellings. The
    /// unnamed outlet is one node per citation (`at`). Nothing is allocated for an outlet
    /// met before under a spelling met before.
    fn outlet_node(
        &mut self,
        name: &str,
        written: &str,
        at: (usize, usize),
        describe: impl FnOnce() -> (OutletKind, Option<String>, Option<String>),
    ) -> NodeIndex {
        let met = if name == UNNAMED_OUTLET {
            None
        } else {
            with_key(name, |k| self.outlets.get(k).copied())
        };
        let n = match met {
            Some(n) => n,
            None => {
                let mut key = outlet_key(name);
                if name == UNNAMED_OUTLET {
                    // Not an outlet's name: one node per citation.
                    key = format!("{key}\u{0}{}:{}", at.0, at.1);
                }
                match self.outlets.get(&key) {
                    Some(&n) => n,
                    None => {
                        let (kind, country, group) = describe();
                        let n = self.g.graph.add_node(Node::Outlet(Box::new(OutletNode {
                            name: name.to_string(),
                            kind,
                            country,
                            group,
                            spellings: Vec::new(),
                        })));
                        self.outlets.insert(key, n);
                        n
                    }
                }
            }
        };
        if !written.is_empty() {
            let spellings = self.spellings.entry(n).or_default();
            if !spellings.contains(written) {
                spellings.insert(written.to_string());
            }
        }
        n
    }

    fn add_cross_reference(
        &mut self,
        cn: NodeIndex,
        ci: usize,
        span: crate::span::Span,
        r: &SourceRef,
    ) {
        let (publication, key) = cross_reference_target(self.opts.outlets, r);
        let mut targets: Vec<(NodeIndex, Vec<crate::model::DateRef>)> = Vec::new();
        let mut push = |n: NodeIndex, d: Option<&crate::model::DateRef>| match targets
            .iter_mut()
            .find(|t| t.0 == n)
        {
            Some(t) => t.1.extend(d.cloned()),
            None => targets.push((n, d.cloned().into_iter().collect())),
        };
        if r.dates.is_empty() {
            let n = self.issue_node(&publication, &key, None);
            push(n, None);
        }
        for d in &r.dates {
            let found = d
                .date
                .and_then(|day| self.by_issue.get(&(key.clone(), day)))
                .cloned()
                .unwrap_or_default();
            if found.is_empty() {
                let n = self.issue_node(&publication, &key, d.date);
                push(n, Some(d));
            }
            for n in found {
                push(n, Some(d));
            }
        }
        for (n, dates) in targets {
            self.g.graph.add_edge(
                cn,
                n,
                Edge::CrossReference(Box::new(CrossRefEdge {
                    citation: ci,
                    dates,
                    span,
                })),
            );
        }
    }

    /// Link a claim to the outlet or source its prose names; the node linked, if any.
    fn add_attribution(
        &mut self,
        article: usize,
        claim: NodeIndex,
        at: &Attribution,
    ) -> Option<NodeIndex> {
        let target = match at.kind {
            // The publication itself ("told the Monitor", "told the author"): its own
            // reporting is no outlet of the claim's, independent or not.
            SourceType::SelfRef => return None,
            SourceType::Outlet => {
                // Only outlets named in the prose (or referred back to): "the newspaper"
                // alone links nothing.
                let name = at.canonical.as_deref()?;
                let info = self.opts.outlets.lookup(name);
                let at_place = (0, at.span.start);
                if at.text.is_empty() {
                    // As a reference naming no outlet: the unnamed outlet.
                    self.outlet_node(UNNAMED_OUTLET, "", at_place, || {
                        (OutletKind::Unknown, None, None)
                    })
                } else {
                    let canonical = info.map_or(name, |o| o.name.as_str());
                    self.outlet_node(canonical, &at.text, at_place, || describe(info))
                }
            }
            kind => {
                // A mention that refers back to an earlier one is that source. Unnamed
                // sources, documents and roles without a name are distinct per article;
                // named ones are one node.
                let first = at
                    .refers_to
                    .as_ref()
                    .map_or(at.text.as_str(), |r| r.text.as_str());
                let scope =
                    super::SourceNode::is_per_article_source(first, kind).then_some(article);
                let key = (kind, outlet_key(first), scope);
                *self.sources.entry(key).or_insert_with(|| {
                    self.g
                        .graph
                        .add_node(Node::Source(Box::new(super::SourceNode {
                            name: first.to_string(),
                            kind,
                        })))
                })
            }
        };
        if self.facts_only {
            return Some(target);
        }
        let edge = super::AttributionEdge {
            cue: self.names.get(&at.cue),
            written: self.names.get(&at.text),
            span: at.span,
            citing: at.citing.as_deref().map(|c| self.names.get(c)),
        };
        self.g
            .graph
            .add_edge(claim, target, Edge::Attributes(Box::new(edge)));
        Some(target)
    }

    fn issue_node(&mut self, publication: &str, key: &str, date: Option<Date>) -> NodeIndex {
        *self
            .issues
            .entry((key.to_string(), date))
            .or_insert_with(|| {
                self.g.graph.add_node(Node::Issue(Box::new(IssueNode {
                    publication: publication.to_string(),
                    date,
                })))
            })
    }
}

/// True when a prose source's text holds a capitalised word besides an opening determiner:
/// "the Foreign Ministry" and "Kravets" name someone, "The statement" and "The president"
/// do not (they are distinct in every article).
pub(super) fn names_someone(text: &str) -> bool {
    /// Words that open a phrase without naming anyone.
    const DETERMINERS: [&str; 16] = [
        "the", "a", "an", "one", "this", "that", "its", "his", "her", "their", "some", "another",
        "two", "three", "several", "many",
    ];
    let names =
        |i: usize, w: &str| !(i == 0 && DETERMINERS.iter().any(|d| w.eq_ignore_ascii_case(d)));
    // ASCII text (nearly all) by bytes; white space is then what `split_whitespace` takes
    // but the vertical tab, which `split_ascii_whitespace` keeps in words.
    if text.is_ascii() && !text.contains('\x0b') {
        return text
            .split_ascii_whitespace()
            .enumerate()
            .any(|(i, w)| w.as_bytes()[0].is_ascii_uppercase() && names(i, w));
    }
    text.split_whitespace()
        .enumerate()
        .any(|(i, w)| w.chars().next().is_some_and(char::is_uppercase) && names(i, w))
}

/// Kind, country and group of an outlet the knowledge base may know.
fn describe(info: Option<&OutletInfo>) -> (OutletKind, Option<String>, Option<String>) {
    info.map_or((OutletKind::Unknown, None, None), |o| {
        (o.kind, o.country.clone(), o.group.clone())
    })
}

#[cfg(test)]
mod tests {
    use super::{build, build_facts, names_someone};
    use crate::graph::{Edge, Node, SourceGraph};
    use crate::input::Document;
    use crate::pipeline::Pipeline;
    use petgraph::visit::{EdgeRef, IntoEdgeReferences};

    /// The outlet and named-source nodes of `g` in index order, and its relay edges in
    /// edge order (by the labels of their ends, with their counts).
    fn facts(g: &SourceGraph) -> (Vec<String>, Vec<(String, String, usize)>) {
        let nodes = g
            .graph
            .node_indices()
            .filter(|&n| matches!(g.graph[n], Node::Outlet(_) | Node::Source(_)))
            .map(|n| format!("{:?}", g.graph[n]))
            .collect();
        let relays = (&g.graph)
            .edge_references()
            .filter_map(|e| match e.weight() {
                Edge::Relays { count } => Some((
                    format!("{:?}", g.graph[e.source()]),
                    format!("{:?}", g.graph[e.target()]),
                    *count,
                )),
                _ => None,
            })
            .collect();
        (nodes, relays)
    }

    #[test]
    fn the_facts_graph_has_the_outlets_sources_and_relays_of_the_whole_graph() {
        let mine = "HARBOUR TALKS\n\nPublication: Monitor Volume: 4 Issue: 12\n\n\
             Ferry crews walked out, a union leader told Interfax, citing a memo seen by \
             Reuters (Kommersant, citing ANSA, March 3; see the Monitor, March 1).\n\n\
             Port officials denied it (, March 4; Itar-Tass, March 5, citing Interfax).\n\n\
             A spokesman for the ministry said talks would resume, the newspaper \
             Vedomosti reported (Interfax, March 6).\n";
        let mut texts = vec![("mine.txt", mine.to_string())];
        for name in ["seed.txt", "prose-attributions.txt", "monitor-caspian.txt"] {
            let path = format!("{}/samples/{name}", env!("CARGO_MANIFEST_DIR"));
            texts.push((name, std::fs::read_to_string(path).expect("a sample")));
        }
        let p = Pipeline::default();
        let opts = p.build_options();
        for (name, text) in texts {
            let (articles, claims) = p.read(&Document::from_text(name, &text));
            let whole = facts(&build(&articles, &claims, &opts));
            let facts_only = build_facts(&articles, &claims, &opts);
            assert_eq!(facts(&facts_only), whole, "{name}");
            assert!(!whole.0.is_empty(), "{name}");
            assert!(name != "mine.txt" || whole.1.len() >= 3, "{:?}", whole.1);
            assert!(
                facts_only
                    .graph
                    .node_weights()
                    .all(|n| !matches!(n, Node::Claim(_))),
                "{name}"
            );
        }
    }

    proptest::proptest! {
        /// The byte-wise reading of ASCII text gives what reading characters gives.
        #[test]
        fn names_someone_by_bytes_as_by_characters(
            s in "(the |The |THE |a |One )?[a-zA-Z \t\n\x0b\x0c\r\u{a0}\u{c9}\u{e9}]{0,16}"
        ) {
            let by_chars = s.split_whitespace().enumerate().any(|(i, w)| {
                w.chars().next().is_some_and(char::is_uppercase)
                    && !(i == 0
                        && ["the", "a", "an", "one", "this", "that", "its", "his", "her",
                            "their", "some", "another", "two", "three", "several", "many"]
                            .iter()
                            .any(|d| w.eq_ignore_ascii_case(d)))
            });
            proptest::prop_assert_eq!(names_someone(&s), by_chars, "{:?}", s);
        }
    }

    #[test]
    fn a_capital_names_someone_unless_it_opens_with_a_determiner() {
        for named in [
            "the Foreign Ministry",
            "Kravets",
            "a spokesman for Gazprom",
            "ONE Ukrainian official",
            "Ítar official",
            "one\x0bKravets",
            "the\u{a0}Foreign Ministry",
        ] {
            assert!(names_someone(named), "{named}");
        }
        for unnamed in [
            "The statement",
            "The president",
            "ONE official",
            "Several diplomats",
            "its press service",
            "",
        ] {
            assert!(!names_someone(unnamed), "{unnamed}");
        }
    }
}
