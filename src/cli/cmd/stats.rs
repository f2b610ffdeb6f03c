//! `srcgraph stats`: corpus statistics over every input judged as one, as tables, JSON or
//! CSV, with SVG charts on request.

use crate::cli::Status;
use crate::cli::args::{StatsArgs, StatsFormat};
use crate::cli::io::{
    Reporter, Session, Source, for_each_chunk, for_each_chunk_in, open_output, read_stdin,
};
use anyhow::{Context, Result};
use srcgraph::analyze::{CorpusStats, StatsBuilder, Verdict};
use srcgraph::context::{ChunkJudge, InputContext};
use srcgraph::export::{chart, dot::verdict_colours, stats};
use srcgraph::graph::{BuildOptions, build};
use srcgraph::pipeline::Pipeline;
use srcgraph::stream::Chunk;
use std::path::Path;

/// Run `stats`. Every input is read twice in chunks, as one input: first to learn relays
/// and cross-referenced issues, then to judge chunk after chunk into the statistics, so
/// memory holds the statistics, not the corpus or its graph.
pub(crate) fn run(args: &StatsArgs) -> Result<Status> {
    let mut s = Session::open(&args.input)?;
    s.rep.progress.set_passes(2);
    let pipeline = Pipeline {
        outlets: &s.outlets,
        parse: s.parse.clone(),
        scope: args.scope.into(),
        date_nodes: false,
    };
    let opts = BuildOptions {
        outlets: pipeline.outlets,
        scope: pipeline.scope,
        date_nodes: false,
    };
    // Standard input can be read once: keep it for the second pass.
    let stdin = if s.inputs.iter().any(|i| i.source == Source::Stdin) {
        read_stdin(&mut s.rep)
    } else {
        None
    };
    let mut ctx = InputContext::new();
    let mut readable = Vec::new();
    for input in &s.inputs {
        let learn = |chunk: Chunk, rep: &mut Reporter| {
            let (a, c) = pipeline.read_chunk(&chunk);
            rep.article_diagnostics(&a);
            ctx.learn(&pipeline, &a, &c, &build(&a, &c, &opts));
            Ok(())
        };
        let read = match (&input.source, &stdin) {
            (Source::Stdin, Some(bytes)) => {
                for_each_chunk_in(&input.name, &bytes[..], &mut s.rep, learn)?;
                true
            }
            (Source::Stdin, None) => false,
            (Source::File(_), _) => for_each_chunk(input, &mut s.rep, learn)?,
        };
        readable.push(read);
    }
    // The second pass says nothing the first did not.
    let mut quiet = Reporter {
        quiet: true,
        chunk_size: s.rep.chunk_size,
        progress: s.rep.progress.clone(),
        ..Reporter::default()
    };
    let mut judge = ChunkJudge::new(&ctx);
    let mut stats = StatsBuilder::new();
    for (input, _) in s.inputs.iter().zip(&readable).filter(|(_, r)| **r) {
        let count = |chunk: Chunk, _: &mut Reporter| {
            let (a, c) = pipeline.read_chunk(&chunk);
            let r = judge.judge(&pipeline, a, c);
            stats.add(&r.graph, r.chunk, &r.claims, &r.outlets);
            Ok(())
        };
        match (&input.source, &stdin) {
            (Source::Stdin, Some(bytes)) => {
                for_each_chunk_in(&input.name, &bytes[..], &mut quiet, count)?;
            }
            _ => {
                for_each_chunk(input, &mut quiet, count)?;
            }
        }
    }
    s.rep.errored |= quiet.errored;
    s.rep.progress.finish();
    let st = stats.finish();
    let mut out = open_output(args.output.as_deref())?;
    match args.format {
        StatsFormat::Human => stats::write_human(&mut out, &st, args.top)?,
        StatsFormat::Json => stats::write_json(&mut out, &st)?,
        StatsFormat::Csv => stats::write_csv(&mut out, &st)?,
    }
    out.flush()?;
    if let Some(dir) = &args.plot {
        write_plots(dir, &st, args.top)
            .with_context(|| format!("writing charts into {}", dir.display()))?;
    }
    Ok(s.status(false))
}

/// `leaderboard.svg`, `single-source-by-month.svg` and `verdict-mix.svg` in `dir`.
fn write_plots(dir: &Path, st: &CorpusStats, top: usize) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let leaders: Vec<(String, f64)> = st
        .outlets
        .iter()
        .take(top)
        .map(|o| (o.outlet.clone(), o.claims as f64))
        .collect();
    std::fs::write(
        dir.join("leaderboard.svg"),
        chart::bars(
            &format!("Outlets by claims supported (top {})", leaders.len()),
            &leaders,
            "claims",
        ),
    )?;
    let months: Vec<(String, f64)> = st
        .by_month
        .iter()
        .filter(|m| m.month != "unknown")
        .map(|m| (m.month.clone(), m.share))
        .collect();
    std::fs::write(
        dir.join("single-source-by-month.svg"),
        chart::share_line("Share of single-source claims by month", &months),
    )?;
    let order = [
        Verdict::Corroborated,
        Verdict::SingleSource,
        Verdict::SelfReferenced,
        Verdict::Unsourced,
    ];
    let series: Vec<(&str, &str)> = order
        .iter()
        .map(|&v| (v.as_str(), verdict_colours(v).1))
        .collect();
    let mut rows: Vec<(String, Vec<usize>)> = vec![(
        "all claims".to_string(),
        order
            .iter()
            .map(|v| st.counts.verdicts.get(v).copied().unwrap_or(0))
            .collect(),
    )];
    rows.extend(st.by_volume.iter().map(|v| {
        let name = match (v.publication.as_str(), v.volume) {
            ("", None) => "(no publication)".to_string(),
            (p, None) => p.to_string(),
            (p, Some(n)) => format!("{p} vol. {n}"),
        };
        let counts = order
            .iter()
            .map(|x| v.counts.verdicts.get(x).copied().unwrap_or(0))
            .collect();
        (name, counts)
    }));
    std::fs::write(
        dir.join("verdict-mix.svg"),
        chart::stacked("Verdicts by publication volume", &rows, &series),
    )?;
    Ok(())
}
