//! Reading inputs twice for the commands that judge claims in bounded memory (`check`,
//! `stats`): pass 1 learns each chunk into an [`InputContext`], pass 2 hands each chunk's
//! [`ChunkReport`] on. Standard input is kept in memory between the passes (it can be read
//! once); everything else is read from disk twice. Pass 2 prints nothing pass 1 printed.

use crate::cli::io::{Input, Reporter, Source, for_each_chunk, for_each_chunk_in, read_stdin};
use anyhow::Result;
use srcgraph::context::{ChunkJudge, ChunkReport, InputContext};
use srcgraph::graph::{BuildOptions, build};
use srcgraph::pipeline::Pipeline;
use srcgraph::stream::Chunk;

/// Inputs read twice: standard input's bytes, when it is one of them, are kept.
pub(crate) struct TwoPasses<'a> {
    p: &'a Pipeline<'a>,
    stdin: Option<Vec<u8>>,
}

impl<'a> TwoPasses<'a> {
    /// Ready to read `inputs` (standard input is read now, if it is one of them).
    pub(crate) fn new(p: &'a Pipeline<'a>, inputs: &[Input], rep: &mut Reporter) -> TwoPasses<'a> {
        rep.progress.set_passes(2);
        let stdin = if inputs.iter().any(|i| i.source == Source::Stdin) {
            read_stdin(rep)
        } else {
            None
        };
        TwoPasses { p, stdin }
    }

    fn each_chunk(
        &self,
        input: &Input,
        rep: &mut Reporter,
        f: impl FnMut(Chunk, &mut Reporter) -> Result<()>,
    ) -> Result<bool> {
        match (&input.source, &self.stdin) {
            (Source::Stdin, Some(bytes)) => for_each_chunk_in(&input.name, &bytes[..], rep, f),
            (Source::Stdin, None) => Ok(false),
            (Source::File(_), _) => for_each_chunk(input, rep, f),
        }
    }

    /// Pass 1 over `input`: what its chunks' claims depend on, into `ctx`; parse warnings
    /// are reported. `Ok(false)` when the input could not be read (or was binary data).
    pub(crate) fn learn(
        &self,
        input: &Input,
        rep: &mut Reporter,
        ctx: &mut InputContext,
    ) -> Result<bool> {
        let p = self.p;
        let opts = BuildOptions {
            outlets: p.outlets,
            scope: p.scope,
            date_nodes: false,
        };
        self.each_chunk(input, rep, |chunk, rep| {
            let (a, c) = p.read_chunk(&chunk);
            rep.article_diagnostics(&a);
            ctx.learn(p, &a, &c, &build(&a, &c, &opts));
            Ok(())
        })
    }

    /// Pass 2 over `input`: each chunk, judged, to `f` with the chunk (its text quotes the
    /// claims).
    pub(crate) fn judge(
        &self,
        input: &Input,
        rep: &mut Reporter,
        judge: &mut ChunkJudge<'_>,
        mut f: impl FnMut(&Chunk, ChunkReport) -> Result<()>,
    ) -> Result<()> {
        let mut quiet = Reporter {
            quiet: true,
            chunk_size: rep.chunk_size,
            progress: rep.progress.clone(),
            ..Reporter::default()
        };
        let p = self.p;
        self.each_chunk(input, &mut quiet, |chunk, _| {
            let (a, c) = p.read_chunk(&chunk);
            f(&chunk, judge.judge(p, a, c))
        })?;
        rep.errored |= quiet.errored;
        Ok(())
    }
}
