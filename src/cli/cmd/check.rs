//! `srcgraph check`: report every claim with fewer than N independent sources.

use super::judged::{InputChunks, TwoPasses, judging, warn_one_pass};
use crate::cli::Status;
use crate::cli::args::CheckArgs;
use crate::cli::io::{Reporter, Session, Source, open_output, use_colour};
use crate::cli::parsed::ParsedFile;
use anyhow::{Context, Result};
use srcgraph::context::{ChunkJudge, InputContext, OnePassJudge};
use srcgraph::export::check::{CheckWriter, Selection};
use srcgraph::export::findings::Style;
use srcgraph::judge::{ChunkSource, Judging};
use std::io::Write;

/// Run `check`. Each file is read twice in chunks of whole articles: first to learn what
/// its claims' verdicts depend on elsewhere in it (relays, cross-referenced issues), then to
/// judge chunk after chunk and write the findings as they come. Memory stays bounded by a
/// chunk and what the first pass keeps; verdicts are those of one graph of the whole input.
/// Standard input, and every input with `--one-pass`, is read once and judged as it comes
/// ([`OnePassJudge`]): findings start at once, and a warning counts what came too late.
pub(crate) fn run(args: &CheckArgs) -> Result<Status> {
    let mut s = Session::open_reading(&args.input, args.parsed.from_parsed)?;
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
    let judging = judging(&pipeline, &s.rep);
    let mut checked = Checked {
        judging,
        w: &mut w,
        held: args.pass.held_articles,
        rep: s.rep.voice(),
    };
    if args.parsed.from_parsed {
        if !args.pass.one_pass {
            s.rep.progress.set_passes(2);
        }
        for input in &s.inputs {
            let Some(mut file) = ParsedFile::open(input, &mut s.rep) else {
                continue;
            };
            file.each_input(&mut s.rep, |src| match args.pass.one_pass {
                true => checked.one_pass(src),
                false => checked.two_passes(src),
            })?;
        }
    } else {
        let passes = (!args.pass.one_pass).then(|| TwoPasses::new(&s.inputs, &mut s.rep, false));
        for input in &s.inputs {
            match &passes {
                Some(passes) if input.source != Source::Stdin => {
                    checked.two_passes(&mut passes.source(input, &mut s.rep))?;
                }
                _ => checked.one_pass(&mut InputChunks::once(input, &mut s.rep))?,
            }
        }
    }
    let any_finding = w.finish(args.scope)?;
    s.rep.progress.finish();
    Ok(s.status(any_finding))
}

/// What judges each input and writes its findings.
struct Checked<'p, 'w> {
    judging: Judging<'p>,
    w: &'w mut CheckWriter<Box<dyn Write>>,
    held: usize,
    rep: Reporter,
}

impl Checked<'_, '_> {
    /// Judge `src` in two passes: the verdicts of the whole input.
    fn two_passes(&mut self, src: &mut impl ChunkSource<Error = anyhow::Error>) -> Result<()> {
        let mut ctx = InputContext::new();
        // What was kept of the inputs before is not needed again.
        self.judging.forget_parses();
        if !self.judging.learn(src, &mut ctx)? {
            return Ok(());
        }
        let mut judge = ChunkJudge::new(&ctx);
        self.w.begin(src.name())?;
        let w = &mut *self.w;
        // Each chunk's findings are written into a buffer on the pool (a huge chunk's
        // straight to the output), and the buffers handed to the writer in input order.
        let writing = w.writing();
        self.judging.judge_then(
            src,
            &mut judge,
            |chunk, report| writing.prepare(chunk, report),
            |chunk, pending| Ok(w.pending(chunk, pending?)?),
        )?;
        Ok(self.w.end(None)?)
    }

    /// Judge `src` as it is read, and warn of what came too late.
    fn one_pass(&mut self, src: &mut impl ChunkSource<Error = anyhow::Error>) -> Result<()> {
        let mut judge = OnePassJudge::new(self.held);
        let name = src.name().to_string();
        let w = &mut *self.w;
        let read = self.judging.judge_once(src, &mut judge, |chunk, report| {
            if !w.in_input() {
                w.begin(&name)?;
            }
            Ok(w.chunk(chunk, report)?)
        })?;
        // An empty input is reported as a file of no articles is; one that could not be
        // read (a missing file, binary data) was reported as an error.
        if read && !self.w.in_input() {
            self.w.begin(&name)?;
        }
        if self.w.in_input() {
            let caveats = judge.caveats();
            warn_one_pass(&self.rep, &name, &caveats);
            self.w.end(Some(caveats))?;
        }
        Ok(())
    }
}
