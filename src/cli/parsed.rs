//! `--from-parsed`: the inputs are files of parsed articles (`srcgraph parse --format jsonl
//! --with-text`), each holding the articles of one or more inputs. [`ParsedFile`] opens one
//! (standard input is kept, so it can be read twice) and hands out each input it holds as a
//! [`ChunkSource`] ([`ParsedChunks`]): lines that are not articles are reported as errors
//! with their file and line, and progress advances by the bytes of the file.

use crate::cli::io::{Input, Reporter, Source, io_reason};
use anyhow::Result;
use srcgraph::judge::{ChunkSource, Pass};
use srcgraph::parsed::{ParsedInput, Place};
use srcgraph::stream::Chunk;
use std::io::{BufReader, Read, Seek};

/// What a file of parsed articles is read from: a file, or standard input kept.
trait ReadSeek: Read + Seek {}
impl<T: Read + Seek> ReadSeek for T {}

type Reader = BufReader<Box<dyn ReadSeek>>;

/// A file of parsed articles, open.
pub(crate) struct ParsedFile {
    name: String,
    reader: Reader,
}

impl ParsedFile {
    /// Open `input` (standard input is read to its end and kept); `None`, reported, when it
    /// cannot be.
    pub(crate) fn open(input: &Input, rep: &mut Reporter) -> Option<ParsedFile> {
        let inner: Box<dyn ReadSeek> = match &input.source {
            Source::File(path) => match std::fs::File::open(path) {
                Ok(f) => Box::new(f),
                Err(e) => {
                    rep.error(format!("{}: {}", input.name, io_reason(&e)));
                    return None;
                }
            },
            Source::Stdin => Box::new(crate::cli::cmd::judged::keep_stdin(rep)?),
        };
        Some(ParsedFile {
            name: input.name.clone(),
            reader: BufReader::with_capacity(1 << 16, inner),
        })
    }

    /// The place of each input in the file, in order, found by reading each once with
    /// `first` (it must read the input it is given, as pass 1 or the only pass does).
    ///
    /// # Errors
    /// An error of `first`.
    pub(crate) fn each_input(
        &mut self,
        rep: &mut Reporter,
        mut first: impl FnMut(&mut ParsedChunks<'_>) -> Result<()>,
    ) -> Result<Vec<ParsedRun>> {
        let mut runs = Vec::new();
        let mut at = Place::START;
        while let Some(mut chunks) = self.input(at, None, rep) {
            first(&mut chunks)?;
            let run = ParsedRun {
                start: chunks.input.start(),
                end: chunks.input.end(),
            };
            match run.end {
                Some(end) if end.byte > at.byte => at = end,
                _ => break,
            }
            runs.push(run);
        }
        Ok(runs)
    }

    /// The input at `run`, found by [`ParsedFile::each_input`], to be read again.
    pub(crate) fn again<'a>(
        &'a mut self,
        run: ParsedRun,
        rep: &'a mut Reporter,
    ) -> Option<ParsedChunks<'a>> {
        self.input(run.start, run.end, rep)
    }

    fn input<'a>(
        &'a mut self,
        at: Place,
        end: Option<Place>,
        rep: &'a mut Reporter,
    ) -> Option<ParsedChunks<'a>> {
        let opened = ParsedInput::open(&mut self.reader, &self.name, at);
        let input = match opened {
            Ok(input) => input.chunk_size(rep.chunk_size),
            Err(e) => {
                rep.error(e);
                return None;
            }
        };
        let mut chunks = ParsedChunks { input, rep };
        chunks.report();
        if !chunks.input.has_articles() {
            return None;
        }
        if let Some(end) = end {
            chunks.input = chunks.input.ending_at(end);
        }
        Some(chunks)
    }
}

/// Where one input lies in a file of parsed articles.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ParsedRun {
    start: Place,
    end: Option<Place>,
}

/// One input of a file of parsed articles, as a [`ChunkSource`].
pub(crate) struct ParsedChunks<'a> {
    input: ParsedInput<'a, Reader, anyhow::Error>,
    rep: &'a mut Reporter,
}

impl ParsedChunks<'_> {
    /// Report the lines skipped so far.
    fn report(&mut self) {
        for problem in self.input.take_problems() {
            self.rep.error(problem);
        }
    }
}

impl ChunkSource for ParsedChunks<'_> {
    type Error = anyhow::Error;

    fn name(&self) -> &str {
        self.input.name()
    }

    fn each_chunk(&mut self, pass: Pass, f: &mut dyn FnMut(Chunk) -> Result<()>) -> Result<bool> {
        let progress = self.rep.progress.clone();
        let name = self.input.name().to_string();
        // A second pass's consumer prints no warnings: its chunks are not counted.
        let voice = match pass {
            Pass::Judge => self.rep.unordered_voice(),
            Pass::Learn | Pass::Once => self.rep.voice(),
        };
        let read = self.input.each_chunk(pass, &mut |chunk| {
            let raw = chunk.raw_len;
            voice.chunk_read();
            f(chunk)?;
            progress.advance(raw, &name);
            Ok(())
        });
        self.report();
        read
    }

    fn reused(&mut self, chunk: &Chunk) {
        self.rep.progress.advance(chunk.raw_len, self.input.name());
    }
}
