//! `srcgraph stats`: corpus statistics over every input judged as one, as tables, JSON or
//! CSV, with SVG charts on request.

use super::judged::{InputChunks, TwoPasses, judging, warn_one_pass};
use crate::cli::Status;
use crate::cli::args::{StatsArgs, StatsFormat};
use crate::cli::io::{Input, Reporter, Session, Source, open_output};
use crate::cli::parsed::ParsedFile;
use anyhow::{Context, Result};
use srcgraph::analyze::RowStore;
use srcgraph::analyze::{CorpusStats, StatsBuilder, Verdict};
use srcgraph::context::{ChunkJudge, ChunkReport, InputContext, OnePassJudge};
use srcgraph::export::{chart, dot::verdict_colours, stats};
use srcgraph::pipeline::Pipeline;
use std::path::Path;

/// Run `stats`. Every input is read twice in chunks, as one input: first to learn relays
/// and cross-referenced issues, then to judge chunk after chunk into the statistics, so
/// memory holds the statistics, not the corpus or its graph; each article's row goes to a
/// [`RowStore`] (a temporary file past a megabyte) until the output is written. With
/// standard input among the inputs, or `--one-pass`, they are read once
/// ([`one_pass_stats`]).
pub(crate) fn run(args: &StatsArgs) -> Result<Status> {
    let mut s = Session::open_reading(&args.input, args.parsed.from_parsed)?;
    let pipeline = s.setup.pipeline(args.scope, false);
    let mut stats = StatsBuilder::new();
    // Each chunk's rows go to the store as soon as they are complete.
    let mut rows = RowStore::default();
    let one_pass = args.pass.one_pass
        || (!args.parsed.from_parsed && s.inputs.iter().any(|i| i.source == Source::Stdin));
    if args.parsed.from_parsed {
        let held = args.pass.one_pass.then_some(args.pass.held_articles);
        parsed_stats(
            &s.inputs, &mut s.rep, &pipeline, held, &mut stats, &mut rows,
        )?;
    } else if one_pass {
        one_pass_stats(
            &s.inputs,
            &mut s.rep,
            &pipeline,
            args.pass.held_articles,
            &mut stats,
            &mut rows,
        )?;
    } else {
        let passes = TwoPasses::new(&s.inputs, &mut s.rep, false);
        let mut judging = judging(&pipeline, &s.rep);
        let mut ctx = InputContext::new();
        let mut readable = Vec::new();
        for input in &s.inputs {
            if judging.learn(&mut passes.source(input, &mut s.rep), &mut ctx)? {
                readable.push(input);
            }
        }
        let mut judge = ChunkJudge::new(&ctx);
        for input in readable {
            let mut src = passes.source(input, &mut s.rep);
            judging.judge(&mut src, &mut judge, |_, r| {
                count_chunk(&mut stats, &mut rows, &r)
            })?;
        }
    }
    s.rep.progress.finish();
    let st = stats.finish();
    let mut out = open_output(args.output.as_deref())?;
    match args.format {
        StatsFormat::Human => stats::write_human(&mut out, &st, &mut rows, args.top)?,
        StatsFormat::Json => stats::write_json(&mut out, &st, &mut rows)?,
        StatsFormat::Csv => stats::write_csv(&mut out, &st, &mut rows)?,
    }
    out.flush()?;
    if let Some(dir) = &args.plot {
        write_plots(dir, &st, args.top)
            .with_context(|| format!("writing charts into {}", dir.display()))?;
    }
    Ok(s.status(false))
}

/// Every input, as one, read once and judged as it is read (standard input among the
/// inputs, or `--one-pass`): memory stays bounded whatever the length of a pipe.
fn one_pass_stats(
    inputs: &[Input],
    rep: &mut Reporter,
    pipeline: &Pipeline<'_>,
    held: usize,
    stats: &mut StatsBuilder,
    rows: &mut RowStore,
) -> Result<()> {
    let mut judge = OnePassJudge::new(held);
    let judging = judging(pipeline, rep);
    for input in inputs {
        let mut src = InputChunks::once(input, rep);
        judging.judge_once(&mut src, &mut judge, |_, r| count_chunk(stats, rows, &r))?;
    }
    let what = match inputs {
        [one] => one.name.clone(),
        all => format!("{} inputs", all.len()),
    };
    warn_one_pass(rep, &what, &judge.caveats());
    Ok(())
}

/// Every file of parsed articles (`--from-parsed`), the inputs they hold judged as one:
/// in two passes, or in one with `held` articles held for cross-references.
fn parsed_stats(
    inputs: &[Input],
    rep: &mut Reporter,
    pipeline: &Pipeline<'_>,
    held: Option<usize>,
    stats: &mut StatsBuilder,
    rows: &mut RowStore,
) -> Result<()> {
    let mut judging = judging(pipeline, rep);
    if held.is_none() {
        rep.progress.set_passes(2);
    }
    let mut files: Vec<ParsedFile> = Vec::new();
    let mut runs = Vec::new();
    let (mut ctx, mut once) = (InputContext::new(), held.map(OnePassJudge::new));
    for input in inputs {
        let Some(mut file) = ParsedFile::open(input, rep) else {
            continue;
        };
        let found = file.each_input(rep, |src| {
            match &mut once {
                Some(judge) => {
                    judging.judge_once(src, judge, |_, r| count_chunk(stats, rows, &r))?;
                }
                None => {
                    judging.learn(src, &mut ctx)?;
                }
            }
            Ok(())
        })?;
        runs.push(found);
        files.push(file);
    }
    let count = runs.iter().map(Vec::len).sum::<usize>();
    if let Some(judge) = once {
        warn_one_pass(rep, &format!("{count} inputs"), &judge.caveats());
        return Ok(());
    }
    if count > 1 {
        // Inputs of one name may come twice: judge each from its own reading.
        judging.forget();
    }
    let mut judge = ChunkJudge::new(&ctx);
    for (file, found) in files.iter_mut().zip(runs) {
        for run in found {
            if let Some(mut src) = file.again(run, rep) {
                judging.judge(&mut src, &mut judge, |_, r| count_chunk(stats, rows, &r))?;
            }
        }
    }
    Ok(())
}

/// Count a judged chunk into `stats`; its article rows, complete, go to `rows`.
fn count_chunk(stats: &mut StatsBuilder, rows: &mut RowStore, r: &ChunkReport) -> Result<()> {
    stats.add(&r.graph, r.chunk.clone(), &r.claims, &r.outlets);
    Ok(rows.extend(stats.take_rows())?)
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
        order.iter().map(|&v| st.counts.verdicts[v]).collect(),
    )];
    rows.extend(st.by_volume.iter().map(|v| {
        let name = match (v.publication.as_str(), v.volume) {
            ("", None) => "(no publication)".to_string(),
            (p, None) => p.to_string(),
            (p, Some(n)) => format!("{p} vol. {n}"),
        };
        let counts = order.iter().map(|&x| v.counts.verdicts[x]).collect();
        (name, counts)
    }));
    std::fs::write(
        dir.join("verdict-mix.svg"),
        chart::stacked("Verdicts by publication volume", &rows, &series),
    )?;
    Ok(())
}
