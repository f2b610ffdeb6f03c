//! `srcgraph check`: report every claim with fewer than N independent sources.

use super::judged::{InputChunks, TwoPasses, judging, warn_one_pass};
use crate::cli::Status;
use crate::cli::args::CheckArgs;
use crate::cli::io::{Session, Source, open_output, use_colour};
use anyhow::{Context, Result};
use srcgraph::context::{ChunkJudge, InputContext, OnePassJudge};
use srcgraph::export::check::{CheckWriter, Selection};
use srcgraph::export::findings::Style;

/// Run `check`. Each file is read twice in chunks of whole articles: first to learn what
/// its claims' verdicts depend on elsewhere in it (relays, cross-referenced issues), then to
/// judge chunk after chunk and write the findings as they come. Memory stays bounded by a
/// chunk and what the first pass keeps; verdicts are those of one graph of the whole input.
/// Standard input, and every input with `--one-pass`, is read once and judged as it comes
/// ([`OnePassJudge`]): findings start at once, and a warning counts what came too late.
pub(crate) fn run(args: &CheckArgs) -> Result<Status> {
    let mut s = Session::open(&args.input)?;
    let pipeline = s.setup.pipeline(args.scope, false);
    let selection = Selection {
        min_sources: usize::try_from(args.min_sources).context("--min-sources does not fit")?,
        allow: args.allow.iter().map(|a| a.as_str().to_string()).collect(),
        deny: args.deny.iter().map(|d| d.as_str().to_string()).collect(),
        verdicts: args.verdict.clone(),
    };
    let style = Style {
        colour: use_colour(args.color, args.output.as_deref()),
    };
    let out = open_output(args.output.as_deref())?;
    let mut w = CheckWriter::new(out, args.format, selection, style)?;
    let mut judging = judging(&pipeline, &s.rep);
    let passes = (!args.pass.one_pass).then(|| TwoPasses::new(&s.inputs, &mut s.rep, false));
    for input in &s.inputs {
        match &passes {
            Some(passes) if input.source != Source::Stdin => {
                let mut src = passes.source(input, &mut s.rep);
                let mut ctx = InputContext::new();
                if !judging.learn(&mut src, &mut ctx)? {
                    continue;
                }
                let mut judge = ChunkJudge::new(&ctx);
                w.begin(&input.name)?;
                judging.judge(&mut src, &mut judge, |chunk, report| {
                    Ok(w.chunk(chunk, report)?)
                })?;
                w.end(None)?;
            }
            _ => {
                let mut judge = OnePassJudge::new(args.pass.held_articles);
                let mut src = InputChunks::once(input, &mut s.rep);
                let read = judging.judge_once(&mut src, &mut judge, |chunk, report| {
                    if !w.in_input() {
                        w.begin(&input.name)?;
                    }
                    Ok(w.chunk(chunk, report)?)
                })?;
                // An empty input is reported as a file of no articles is; one that could
                // not be read (a missing file, binary data) was reported as an error.
                if read && !w.in_input() {
                    w.begin(&input.name)?;
                }
                if w.in_input() {
                    let caveats = judge.caveats();
                    warn_one_pass(&s.rep, &input.name, &caveats);
                    w.end(Some(caveats))?;
                }
            }
        }
    }
    let any_finding = w.finish(args.scope)?;
    s.rep.progress.finish();
    Ok(s.status(any_finding))
}
