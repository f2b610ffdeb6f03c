//! The CLI's inputs as [`ChunkSource`]s for the library's judging protocol
//! ([`srcgraph::judge`]), which `check`, `stats` and `graph` use: problems go to the
//! [`Reporter`], progress advances chunk by chunk, and a second reading prints none of the
//! first's warnings. Files are read from disk once per pass; standard input is kept
//! between the passes (in memory up to a megabyte, then in an unnamed temporary file) only
//! when the caller asks (`graph`: `check` and `stats` read a pipe once, with a one-pass
//! judge). [`warn_one_pass`] says what a one-pass reading missed.

use crate::cli::io::{Input, Reporter, Source, for_each_chunk, for_each_chunk_in, io_reason};
use anyhow::Result;
use srcgraph::context::OnePassCaveats;
use srcgraph::judge::{ChunkSource, Judging, Pass};
use srcgraph::pipeline::Pipeline;
use srcgraph::stream::Chunk;
use std::cell::RefCell;
use std::io::{Seek, SeekFrom};
use tempfile::SpooledTempFile;

/// Bytes of standard input held in memory between two readings before the rest goes to
/// a temporary file.
const STDIN_IN_MEMORY: usize = 1 << 20;

/// The inputs of a command, ready to be read twice: standard input's bytes, when it is one
/// of them, are kept.
pub(crate) struct TwoPasses {
    /// Standard input as kept (not kept: it is not read by either pass).
    stdin: Option<RefCell<SpooledTempFile>>,
}

/// Where standard input's chunks come from.
#[derive(Clone, Copy)]
enum Stdin<'a> {
    /// Read as it comes (read once).
    Live,
    /// From the bytes kept for a second reading.
    Kept(&'a RefCell<SpooledTempFile>),
    /// Not kept for two readings (it could not be, which was reported, or the command
    /// reads it in one pass): nothing to read.
    Lost,
}

impl TwoPasses {
    /// Ready to read `inputs` (standard input is read now, if it is one of them and is to
    /// be read twice).
    pub(crate) fn new(inputs: &[Input], rep: &mut Reporter, twice_stdin: bool) -> TwoPasses {
        rep.progress.set_passes(2);
        let stdin = if twice_stdin && inputs.iter().any(|i| i.source == Source::Stdin) {
            keep_stdin(rep).map(RefCell::new)
        } else {
            None
        };
        TwoPasses { stdin }
    }

    /// `input` as a chunk source, its problems reported to `rep`.
    pub(crate) fn source<'a>(&'a self, input: &'a Input, rep: &'a mut Reporter) -> InputChunks<'a> {
        let stdin = match &self.stdin {
            Some(kept) => Stdin::Kept(kept),
            None => Stdin::Lost,
        };
        InputChunks { input, rep, stdin }
    }
}

/// One input of the command line as a [`ChunkSource`].
pub(crate) struct InputChunks<'a> {
    input: &'a Input,
    rep: &'a mut Reporter,
    stdin: Stdin<'a>,
}

impl<'a> InputChunks<'a> {
    /// `input`, read once, its problems reported to `rep`.
    pub(crate) fn once(input: &'a Input, rep: &'a mut Reporter) -> InputChunks<'a> {
        InputChunks {
            input,
            rep,
            stdin: Stdin::Live,
        }
    }

    /// Read the input in chunks, each to `f` with the reporter to use.
    fn read(
        input: &Input,
        stdin: Stdin<'_>,
        rep: &mut Reporter,
        f: &mut dyn FnMut(Chunk) -> Result<()>,
    ) -> Result<bool> {
        match (&input.source, stdin) {
            (Source::Stdin, Stdin::Lost) => Ok(false),
            (Source::Stdin, Stdin::Kept(kept)) => {
                let mut kept = kept.borrow_mut();
                if let Err(e) = kept.seek(SeekFrom::Start(0)) {
                    rep.error(format!("{}: kept in a temporary file: {e}", input.name));
                    return Ok(false);
                }
                for_each_chunk_in(&input.name, input.format, &mut *kept, rep, |c, _| f(c))
            }
            _ => for_each_chunk(input, rep, |c, _| f(c)),
        }
    }
}

impl ChunkSource for InputChunks<'_> {
    type Error = anyhow::Error;

    fn name(&self) -> &str {
        &self.input.name
    }

    fn each_chunk(&mut self, pass: Pass, f: &mut dyn FnMut(Chunk) -> Result<()>) -> Result<bool> {
        if pass != Pass::Judge {
            return Self::read(self.input, self.stdin, self.rep, f);
        }
        let mut quiet = second_pass(self.rep);
        let read = Self::read(self.input, self.stdin, &mut quiet, f);
        self.rep.errored |= quiet.errored;
        read
    }

    fn reused(&mut self, chunk: &Chunk) {
        self.rep.progress.advance(chunk.raw_len, &self.input.name);
    }
}

/// The judging protocol with the settings of `p`, parse warnings reported by `rep`'s voice
/// (not with `--quiet`).
pub(crate) fn judging<'p>(p: &'p Pipeline<'p>, rep: &Reporter) -> Judging<'p> {
    let voice = rep.voice();
    Judging::new(p).on_parsed(move |articles| voice.chunk_consumed(articles))
}

/// Standard input, read to its end and kept so it can be read twice without being held in
/// memory; `None` (reported) when it could not be read.
pub(crate) fn keep_stdin(rep: &mut Reporter) -> Option<SpooledTempFile> {
    let mut kept = SpooledTempFile::new(STDIN_IN_MEMORY);
    match std::io::copy(&mut std::io::stdin().lock(), &mut kept) {
        Ok(_) => Some(kept),
        Err(e) => {
            rep.error(format!("<stdin>: {}", io_reason(&e)));
            None
        }
    }
}

/// A reporter for a second pass over inputs: it prints no warning the first pass printed
/// (errors are still printed, at once, and counted: merge `errored` back). It counts no
/// chunks ([`Reporter::chunk_read`]): its consumer prints the parse warnings, if at all,
/// with [`Reporter::article_diagnostics`].
pub(crate) fn second_pass(rep: &Reporter) -> Reporter {
    let mut quiet = rep.unordered_voice();
    quiet.quiet = true;
    quiet
}

/// Warn, when a one-pass reading of `what` missed something, that some verdicts may differ
/// from those of two passes, and say what was missed.
pub(crate) fn warn_one_pass(rep: &Reporter, what: &str, caveats: &OnePassCaveats) {
    if !caveats.is_empty() {
        rep.warn(format!(
            "{what}: judged in one pass, so some verdicts may differ from those of the whole \
             input: {}; read it from files without --one-pass for whole-input verdicts",
            caveat_text(caveats)
        ));
    }
}

/// What a one-pass reading missed, in words.
fn caveat_text(c: &OnePassCaveats) -> String {
    let mut parts = Vec::new();
    let mut say = |n: usize, one: &str, many: &str| match n {
        0 => {}
        1 => parts.push(format!("1 {one}")),
        n => parts.push(format!("{n} {many}")),
    };
    say(
        c.late_relays,
        "relay link came after a claim citing both of its outlets",
        "relay links came after claims citing both of their outlets",
    );
    say(
        c.forward_references,
        "cross-referenced issue came later in the input",
        "cross-referenced issues came later in the input",
    );
    say(
        c.dropped_references,
        "cross-reference pointed further back than the articles held (--held-articles)",
        "cross-references pointed further back than the articles held (--held-articles)",
    );
    parts.join("; ")
}
