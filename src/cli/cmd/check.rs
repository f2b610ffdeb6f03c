//! `srcgraph check`: report every claim with fewer than N independent sources.

use crate::cli::Status;
use crate::cli::args::{CheckArgs, CheckFormat};
use crate::cli::io::{Session, open_output, read_document, use_colour};
use anyhow::Result;
use srcgraph::export::findings::{Style, finding_kind, summary_line, write_finding};
use srcgraph::pipeline::Pipeline;
use std::io::Write as _;

/// Run `check`. Inputs are analysed one at a time (claims, graph, verdicts), so findings
/// appear as each input is done and memory is bounded by the largest input.
pub(crate) fn run(args: &CheckArgs) -> Result<Status> {
    let mut s = Session::open(&args.input)?;
    let pipeline = Pipeline {
        outlets: &s.outlets,
        parse: s.parse.clone(),
        scope: args.scope.into(),
        date_nodes: false,
    };
    let style = Style {
        colour: use_colour(args.color, args.output.as_deref()),
    };
    let min = usize::try_from(args.min_sources).unwrap_or(2);
    let allowed: Vec<&str> = args.allow.iter().map(|a| a.as_str()).collect();
    let denied: Vec<&str> = args.deny.iter().map(|d| d.as_str()).collect();
    let mut out = open_output(args.output.as_deref())?;
    let mut any_finding = false;
    let mut json_inputs = Vec::new();
    for input in &s.inputs {
        let Some(doc) = read_document(input, &mut s.rep) else {
            continue;
        };
        let (articles, claims) = pipeline.read(&doc);
        s.rep.article_diagnostics(&articles);
        let analysis = pipeline.analyze(articles, claims);
        let report = &analysis.report;
        let kinds: Vec<Option<&str>> = report
            .claims
            .iter()
            .map(|c| finding_kind(c, min, &denied).filter(|k| !allowed.contains(k)))
            .collect();
        let count = kinds.iter().flatten().count();
        any_finding |= count > 0;
        match args.format {
            CheckFormat::Human => {
                for (c, kind) in report.claims.iter().zip(&kinds) {
                    if let Some(kind) = kind {
                        write_finding(&mut out, &doc.text, &doc.lines, c, kind, style)?;
                    }
                }
                writeln!(
                    out,
                    "{}",
                    summary_line(&doc.name, &report.articles, count, min)
                )?;
            }
            CheckFormat::Json => {
                let claims: Vec<serde_json::Value> = report
                    .claims
                    .iter()
                    .zip(&kinds)
                    .map(|(c, kind)| {
                        let mut v = serde_json::to_value(c).unwrap_or_default();
                        if let Some(o) = v.as_object_mut() {
                            o.insert(
                                "finding".into(),
                                kind.map_or(serde_json::Value::Null, |k| k.into()),
                            );
                        }
                        v
                    })
                    .collect();
                json_inputs.push(serde_json::json!({
                    "path": doc.name,
                    "findings": count,
                    "articles": report.articles,
                    "outlets": report.outlets,
                    "claims": claims,
                }));
            }
        }
    }
    if args.format == CheckFormat::Json {
        let doc = serde_json::json!({
            "version": srcgraph::export::json::SCHEMA_VERSION,
            "min_sources": min,
            "scope": srcgraph::model::Scope::from(args.scope),
            "allow": allowed,
            "deny": denied,
            "inputs": json_inputs,
        });
        serde_json::to_writer_pretty(&mut out, &doc)?;
        writeln!(out)?;
    }
    out.flush()?;
    Ok(s.status(any_finding))
}
