//! `--focus` on a streamed input: the nodes within `depth` edges of one node, found in a few
//! readings of the input instead of in a graph of all of it.
//!
//! The first reading finds the node the name points at, as
//! [`crate::graph::select::find_node`] finds it in the whole graph (an outlet first, then an
//! article, then a claim). Each later reading spreads distances: every article's own part of
//! its chunk's graph (the article, its claims, their own nodes) is searched breadth first
//! from what is known of it and of its neighbours (shared nodes, other articles), and what
//! it learns goes back to those; at the end of the reading the relays between shared nodes
//! spread them too. A reading that learns nothing ends the search; distances beyond `depth`
//! are not followed, so at most `depth + 1` readings are needed.
//!
//! What is kept between readings is a distance per node reached (shared nodes by identity,
//! articles by number, claims by article and place): the size of the neighbourhood, not of
//! the input.

use super::{SharedKey, shared_key};
use crate::context::{ChunkReport, InputContext};
use crate::graph::{Node, SourceGraph};
use crate::outlets::{Outlets, outlet_key};
use petgraph::stable_graph::NodeIndex;
use std::collections::{HashMap, VecDeque};

/// Where a node of a chunk's graph is known across readings.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Place {
    Shared(SharedKey),
    Article(usize),
    Claim(usize, usize),
}

/// What the focus name matched, best first: an outlet by the order the input shows it,
/// an article by its number, a claim by its article and line.
#[derive(Debug, Default)]
struct Found {
    outlet: Option<(u64, SharedKey)>,
    article: Option<usize>,
    claim: Option<((usize, usize), (usize, usize))>,
}

/// The search for the nodes within `depth` edges of the node a `--focus` name points at.
#[derive(Debug)]
pub(super) struct Focus {
    name: String,
    depth: u32,
    canonical: Option<String>,
    key: String,
    found: Found,
    dist: HashMap<Place, u32>,
    changed: bool,
}

impl Focus {
    /// A search for `name` within `depth` edges; `outlets` knows its other spellings.
    pub(super) fn new(name: &str, depth: usize, outlets: &Outlets) -> Focus {
        Focus {
            name: name.to_string(),
            depth: u32::try_from(depth).unwrap_or(u32::MAX - 1),
            canonical: outlets.lookup(name).map(|o| outlet_key(&o.name)),
            key: outlet_key(name),
            found: Found::default(),
            dist: HashMap::new(),
            changed: false,
        }
    }

    /// The place of node `n` of `r`'s graph, if it is known across readings.
    fn place(r: &ChunkReport, n: NodeIndex) -> Option<Place> {
        let g = &r.graph;
        match g.graph.node_weight(n)? {
            Node::Article(_) => {
                let k = g.articles.iter().position(|&a| a == n)?;
                Some(Place::Article(*r.inputs.get(k)?))
            }
            Node::Claim(c) => {
                let seq = *r.inputs.get(c.article)?;
                let k = g.claims.get(c.article)?.iter().position(|&m| m == n)?;
                Some(Place::Claim(seq, k))
            }
            node => shared_key(node).map(Place::Shared),
        }
    }

    /// First reading: what in `r` the name matches; `met` gives the order the input first
    /// shows each shared outlet.
    pub(super) fn locate(&mut self, r: &ChunkReport, met: impl Fn(&SharedKey) -> Option<u64>) {
        let g = &r.graph;
        for n in g.graph.node_indices() {
            let Some(Node::Outlet(o)) = g.graph.node_weight(n) else {
                continue;
            };
            let k = outlet_key(&o.name);
            let matches = Some(&k) == self.canonical.as_ref()
                || k == self.key
                || o.spellings.iter().any(|s| outlet_key(s) == self.key);
            if let (true, Some(key)) = (matches, shared_key(&g.graph[n]))
                && let Some(order) = met(&key)
                && self.found.outlet.as_ref().is_none_or(|(o, _)| order < *o)
            {
                self.found.outlet = Some((order, key));
            }
        }
        let (path, number) = match self.name.rsplit_once('#') {
            Some((p, n)) => (p, n.parse::<usize>().ok()),
            None => (self.name.as_str(), None),
        };
        let claim_at = self
            .name
            .rsplit_once(':')
            .and_then(|(p, l)| Some((p, l.parse::<usize>().ok()?)));
        for k in r.chunk.clone() {
            let Some(Node::Article(a)) = g.graph.node_weight(g.articles[k]) else {
                continue;
            };
            let seq = r.inputs[k];
            if &*a.path == path
                && number.is_none_or(|m| a.index + 1 == m)
                && self.found.article.is_none_or(|s| seq < s)
            {
                self.found.article = Some(seq);
            }
            let Some((cpath, line)) = claim_at else {
                continue;
            };
            for (i, &c) in g.claims[k].iter().enumerate() {
                if let Some(claim) = g.claim(c)
                    && &*claim.path == cpath
                    && claim.claim.line <= line
                {
                    let rank = (seq, claim.claim.line);
                    if self.found.claim.is_none_or(|(best, _)| rank >= best) {
                        self.found.claim = Some((rank, (seq, i)));
                    }
                }
            }
        }
    }

    /// After the first reading: start from what the name matched; false when nothing.
    pub(super) fn located(&mut self) -> bool {
        let start = if let Some((_, key)) = self.found.outlet.take() {
            Place::Shared(key)
        } else if let Some(seq) = self.found.article {
            Place::Article(seq)
        } else if let Some((_, (seq, k))) = self.found.claim {
            Place::Claim(seq, k)
        } else {
            return false;
        };
        self.dist.insert(start, 0);
        self.changed = true;
        true
    }

    /// The name searched for.
    pub(super) fn name(&self) -> &str {
        &self.name
    }

    /// Before a reading that spreads distances: whether the last one learnt anything.
    pub(super) fn wants_reading(&mut self) -> bool {
        std::mem::take(&mut self.changed)
    }

    /// One reading's step: spread distances through the articles of `r`'s chunk.
    pub(super) fn spread(&mut self, r: &ChunkReport) {
        for i in r.chunk.clone() {
            let local = self.local(r, i);
            for (n, d) in local {
                if let Some(place) = Focus::place(r, n) {
                    self.learn(place, d);
                }
            }
        }
    }

    fn learn(&mut self, place: Place, d: u32) {
        if d > self.depth {
            return;
        }
        let known = self.dist.entry(place).or_insert(u32::MAX);
        if d < *known {
            *known = d;
            self.changed = true;
        }
    }

    /// At the end of a reading: spread distances along the relays between shared nodes.
    pub(super) fn spread_relays(&mut self, ctx: &InputContext) {
        let edges: Vec<(SharedKey, SharedKey)> = ctx
            .relays()
            .filter_map(|(a, b, _)| Some((shared_key(a)?, shared_key(b)?)))
            .collect();
        loop {
            let mut again = false;
            for (a, b) in &edges {
                let (pa, pb) = (Place::Shared(a.clone()), Place::Shared(b.clone()));
                let (da, db) = (self.distance(&pa), self.distance(&pb));
                if da.saturating_add(1) < db && da < self.depth {
                    self.learn(pb, da + 1);
                    again = true;
                } else if db.saturating_add(1) < da && db < self.depth {
                    self.learn(pa, db + 1);
                    again = true;
                }
            }
            if !again {
                return;
            }
        }
    }

    fn distance(&self, p: &Place) -> u32 {
        self.dist.get(p).copied().unwrap_or(u32::MAX)
    }

    /// Whether the shared node `key` is within depth.
    pub(super) fn keeps_shared(&self, key: &SharedKey) -> bool {
        self.distance(&Place::Shared(key.clone())) <= self.depth
    }

    /// The nodes of `r`'s graph within depth that the chunk's articles write or point at:
    /// the articles (and the context articles), claims, own nodes and shared nodes.
    pub(super) fn kept(&self, r: &ChunkReport) -> std::collections::HashSet<NodeIndex> {
        let mut keep = std::collections::HashSet::new();
        for i in r.chunk.clone() {
            for (n, d) in self.local(r, i) {
                if d <= self.depth {
                    keep.insert(n);
                }
            }
        }
        keep
    }

    /// Distances in article `i`'s own part of `r`'s graph and on its border, searched from
    /// what is known of them.
    fn local(&self, r: &ChunkReport, i: usize) -> Vec<(NodeIndex, u32)> {
        let g: &SourceGraph = &r.graph;
        let mut own: Vec<NodeIndex> = g.articles.get(i).copied().into_iter().collect();
        own.extend(g.claims[i].iter().copied());
        let claims_end = own.len();
        for k in 1..claims_end {
            for t in g
                .graph
                .neighbors_directed(own[k], petgraph::Direction::Outgoing)
            {
                if g.graph[t].is_article_own()
                    && !matches!(g.graph[t], Node::Claim(_))
                    && !own.contains(&t)
                {
                    own.push(t);
                }
            }
        }
        let mut dist: HashMap<NodeIndex, u32> = HashMap::new();
        let mut queue: VecDeque<NodeIndex> = VecDeque::new();
        let seed = |n: NodeIndex, dist: &mut HashMap<NodeIndex, u32>| {
            let d = Focus::place(r, n).map_or(u32::MAX, |p| self.distance(&p));
            if d != u32::MAX && dist.get(&n).is_none_or(|&x| d < x) {
                dist.insert(n, d);
            }
        };
        for &n in &own {
            seed(n, &mut dist);
            for m in g.graph.neighbors_undirected(n) {
                seed(m, &mut dist);
            }
        }
        let mut order: Vec<(u32, NodeIndex)> = dist.iter().map(|(&n, &d)| (d, n)).collect();
        order.sort_unstable();
        queue.extend(order.into_iter().map(|(_, n)| n));
        // A breadth-first search from several starts at several distances: a node is
        // settled when taken out at its least distance, so process in distance order.
        let inside = |n: NodeIndex| own.contains(&n);
        while let Some(n) = queue.pop_front() {
            let d = dist[&n];
            if d >= self.depth {
                continue;
            }
            // Only the article's own nodes pass distances on (the border's own
            // neighbourhoods are searched from their own articles).
            if !inside(n) {
                for m in g.graph.neighbors_undirected(n) {
                    if inside(m) && dist.get(&m).is_none_or(|&x| d + 1 < x) {
                        dist.insert(m, d + 1);
                        queue.push_back(m);
                    }
                }
                continue;
            }
            for m in g.graph.neighbors_undirected(n) {
                if dist.get(&m).is_none_or(|&x| d + 1 < x) {
                    dist.insert(m, d + 1);
                    queue.push_back(m);
                }
            }
        }
        dist.into_iter().collect()
    }
}
