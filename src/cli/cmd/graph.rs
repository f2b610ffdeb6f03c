//! `srcgraph graph`: write the source graph of the inputs as Graphviz DOT.

use crate::cli::Status;
use crate::cli::args::{DatesArg, GraphArgs};
use crate::cli::io::{Session, open_output, read_document};
use anyhow::{Result, bail};
use petgraph::stable_graph::NodeIndex;
use srcgraph::analyze::Verdict;
use srcgraph::export::dot::{DateMode, DotOptions, write_dot};
use srcgraph::graph::{Node, SourceGraph, select};
use srcgraph::outlets::{Outlets, outlet_key};
use srcgraph::pipeline::Pipeline;
use std::io::Write as _;

/// Run `graph`: all inputs go into one graph, so outlets are shared across articles and
/// cross-references between inputs resolve.
pub(crate) fn run(args: &GraphArgs) -> Result<Status> {
    let mut s = Session::open(&args.input)?;
    let pipeline = Pipeline {
        outlets: &s.outlets,
        parse: s.parse.clone(),
        scope: args.scope.into(),
        date_nodes: args.dates == DatesArg::Nodes,
    };
    let docs: Vec<_> = s
        .inputs
        .iter()
        .filter_map(|i| read_document(i, &mut s.rep))
        .collect();
    let analysis = pipeline.run(&docs);
    s.rep.article_diagnostics(&analysis.articles);
    let mut g = analysis.graph;
    let report = analysis.report;
    if let Some(focus) = &args.focus {
        let Some(n) = find_focus(&g, &s.outlets, focus) else {
            bail!(
                "--focus {focus:?} matches no outlet, article (path or path#N) or claim (path:line) of the input"
            );
        };
        select::neighbourhood(&mut g, n, args.depth);
    }
    if !args.verdict.is_empty() {
        let wanted: Vec<Verdict> = args.verdict.iter().map(|&v| v.into()).collect();
        select::claims_where(&mut g, |n| {
            report
                .claim(n)
                .is_some_and(|c| wanted.contains(&c.corroboration.verdict))
        });
    }
    if let Some(min) = args.min_claims {
        select::outlets_with_claims(&mut g, min);
    }
    let opts = DotOptions {
        legend: !args.no_legend,
        dates: match args.dates {
            DatesArg::Labels => DateMode::Labels,
            DatesArg::Nodes => DateMode::Nodes,
            DatesArg::None => DateMode::None,
        },
    };
    let mut out = open_output(args.output.as_deref())?;
    write_dot(&mut out, &g, &report, &opts)?;
    out.flush()?;
    Ok(s.status(false))
}

/// The node `--focus` names: an outlet by any spelling, an article by path (`path#N` for the
/// N-th article of a file), or a claim by `path:line`.
fn find_focus(g: &SourceGraph, outlets: &Outlets, focus: &str) -> Option<NodeIndex> {
    let canonical = outlets.lookup(focus).map(|o| outlet_key(&o.name));
    let key = outlet_key(focus);
    let outlet = g.outlet_nodes().find(|&n| {
        g.outlet(n).is_some_and(|o| {
            let k = outlet_key(&o.name);
            Some(&k) == canonical.as_ref()
                || k == key
                || o.spellings.iter().any(|s| outlet_key(s) == key)
        })
    });
    if outlet.is_some() {
        return outlet;
    }
    let (path, number) = match focus.rsplit_once('#') {
        Some((p, n)) => (p, n.parse::<usize>().ok()),
        None => (focus, None),
    };
    let article = g.articles.iter().copied().find(|&n| match &g.graph[n] {
        Node::Article(a) => a.path == path && number.is_none_or(|k| a.index + 1 == k),
        _ => false,
    });
    if article.is_some() {
        return article;
    }
    let (path, line) = focus.rsplit_once(':')?;
    let line: usize = line.parse().ok()?;
    g.claim_nodes()
        .filter(|&n| {
            g.claim(n)
                .is_some_and(|c| c.path == path && c.claim.line <= line)
        })
        .max_by_key(|&n| g.claim(n).map(|c| (c.article, c.claim.line)))
}
