//! The output of `srcgraph check`, written as the judged chunks come ([`CheckWriter`]):
//! rustc-style findings with a summary line per input, or one JSON document
//! (`docs/output-formats.md` gives its schema) whose claims are written chunk by chunk and
//! whose article summaries wait in memory up to a megabyte, then in an unnamed temporary
//! file, since they follow the claims.
//!
//! ```
//! use srcgraph::export::check::{CheckFormat, CheckWriter, Selection};
//! use srcgraph::export::findings::Style;
//! use srcgraph::judge::judge_reader;
//! use srcgraph::pipeline::Pipeline;
//!
//! let text = "Troops moved north (AFP, May 2; Kyodo, May 3).\n\nTalks stalled (Interfax, May 4).\n";
//! let mut out = Vec::new();
//! let mut w = CheckWriter::new(&mut out, CheckFormat::Human, Selection::fewer_than(2), Style::default())?;
//! w.begin("bulletin.txt")?;
//! let caveats = judge_reader(&Pipeline::default(), "bulletin.txt", text.as_bytes(), 500, |chunk, report| {
//!     Ok(w.chunk(chunk, report)?)
//! })?;
//! w.end(Some(caveats))?;
//! let any_finding = w.finish(srcgraph::model::Scope::Run)?;
//! assert!(any_finding);
//! assert!(String::from_utf8(out)?.contains("bulletin.txt:3:"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use super::claim_json::ClaimJson;
use super::findings::{
    ArticleTotals, Style, fewer_than, finding_kind, summary_line_of, write_finding_at,
};
use super::json::{pretty_at, pretty_into, write_pretty_at};
use crate::analyze::{ArticleSummary, ClaimReport, OutletSummary, Verdict, sort_by_citations};
use crate::context::{ChunkReport, OnePassCaveats};
use crate::model::Scope;
use crate::stream::Chunk;
use std::collections::BTreeMap;
use std::io::{self, Seek, SeekFrom, Write};
use tempfile::SpooledTempFile;

/// How `check` writes.
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckFormat {
    /// rustc-style findings with snippets, and a summary line per input.
    Human,
    /// One JSON document: every claim with its verdict and finding.
    Json,
}

/// Which claims are findings.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    /// Claims with fewer independent sources than this are findings.
    pub min_sources: usize,
    /// Finding kinds never reported (`--allow`).
    pub allow: Vec<String>,
    /// Finding kinds reported even at enough sources (`--deny`).
    pub deny: Vec<String>,
    /// When not empty, the claims with these verdicts are the findings instead
    /// (`--verdict`).
    pub verdicts: Vec<Verdict>,
}

impl Selection {
    /// Claims with fewer than `min_sources` independent sources.
    pub fn fewer_than(min_sources: usize) -> Selection {
        Selection {
            min_sources,
            ..Selection::default()
        }
    }

    /// The finding `c` is, if any.
    fn finding(&self, c: &ClaimReport) -> Option<&'static str> {
        let kind = finding_kind(c, self.min_sources, &self.deny);
        if self.verdicts.is_empty() {
            return kind.filter(|k| !self.allow.iter().any(|a| a == k));
        }
        let v = c.corroboration.verdict;
        self.verdicts
            .contains(&v)
            .then(|| kind.unwrap_or(v.as_str()))
    }

    /// True when `c`, a finding, is one for another reason than the threshold: circular
    /// reporting, collective-only, or a kind given to `--deny`, at enough sources.
    fn beyond_threshold(&self, c: &ClaimReport) -> bool {
        self.verdicts.is_empty() && c.corroboration.independent_sources >= self.min_sources
    }

    /// Why the `findings` were reported, for the summary line; `beyond` of them for another
    /// reason than the threshold ([`Selection::beyond_threshold`]).
    fn why_of(&self, findings: usize, beyond: usize) -> String {
        let why = self.why();
        if beyond == 0 {
            return why;
        }
        format!(
            "{} with {why}, {beyond} for circular reporting or another finding",
            findings - beyond
        )
    }

    /// Why the findings were reported, for the summary line.
    fn why(&self) -> String {
        if self.verdicts.is_empty() {
            return fewer_than(self.min_sources);
        }
        let names: Vec<&str> = self.verdicts.iter().map(|v| v.as_str()).collect();
        format!("verdict {}", names.join(" or "))
    }
}

/// What one input adds up to: totals over its articles and, for JSON, their summaries as
/// written (they come after the claims).
struct Tally {
    name: String,
    findings: usize,
    /// Findings for another reason than the threshold.
    beyond: usize,
    claims: usize,
    totals: ArticleTotals,
    articles_json: SpooledTempFile,
    outlets: BTreeMap<String, OutletSummary>,
}

/// How `check` writes one judged chunk, apart from where its output goes: a chunk can be
/// written with it on any thread ([`ChunkWriting::write`]) and handed to the
/// [`CheckWriter`] in input order ([`CheckWriter::written`]), so the findings of one chunk
/// are formatted while those of the chunk before are written out.
#[derive(Debug, Clone)]
pub struct ChunkWriting {
    format: CheckFormat,
    selection: Selection,
    style: Style,
}

/// One judged chunk's part of `check`'s output, written by [`ChunkWriting::write`], with
/// what its input's totals need.
#[derive(Debug)]
pub struct WrittenChunk {
    /// Its findings (human), or its claims one after another, each after a line break and
    /// the ones after the first after a comma (JSON).
    out: Vec<u8>,
    claims: usize,
    findings: usize,
    /// Findings for another reason than the threshold.
    beyond: usize,
    /// Its article summaries in JSON, separated as `out`'s claims but without the line
    /// break before the first.
    articles_json: Vec<u8>,
    articles: Vec<ArticleSummary>,
    outlets: Vec<OutletSummary>,
}

/// Chunks of up to this many bytes of text are written into a buffer where they were
/// judged ([`ChunkWriting::prepare`]); the findings of a larger one (a huge paragraph) go
/// straight to the output, so they are never held in memory whole.
pub const BUFFERED_CHUNK: usize = 1 << 20;

/// A judged chunk on its way to the [`CheckWriter`]: written already, or (a large chunk) to
/// be written as it is handed over.
#[derive(Debug)]
pub enum PendingChunk {
    /// Written into a buffer ([`ChunkWriting::write`]).
    Written(WrittenChunk),
    /// Judged, to be written straight to the output.
    Judged(ChunkReport),
}

impl ChunkWriting {
    /// The output of one judged chunk (whose text quotes the findings).
    ///
    /// # Errors
    /// A claim could not be serialised.
    pub fn write(&self, chunk: &Chunk, report: ChunkReport) -> io::Result<WrittenChunk> {
        // Findings quote the text and JSON spells out every claim: about twice the text's
        // size (human) and five times (JSON), reserved at once rather than by doubling.
        let times = match self.format {
            CheckFormat::Human => 2,
            CheckFormat::Json => 5,
        };
        let mut out = Vec::with_capacity(chunk.doc.text.len() * times);
        let findings = self.write_claims(&mut out, chunk, &report)?;
        self.summed(report, out, findings)
    }

    /// [`ChunkWriting::write`] for a chunk of up to [`BUFFERED_CHUNK`] bytes of text; a
    /// larger one as judged, for [`CheckWriter::pending`] to write straight out.
    ///
    /// # Errors
    /// A claim could not be serialised.
    pub fn prepare(&self, chunk: &Chunk, report: ChunkReport) -> io::Result<PendingChunk> {
        if chunk.doc.text.len() > BUFFERED_CHUNK {
            return Ok(PendingChunk::Judged(report));
        }
        self.write(chunk, report).map(PendingChunk::Written)
    }

    /// Write the claims of `report` to `out`: the findings (human), or every claim, each
    /// after a line break and the ones after the first after a comma (JSON). Returns how
    /// many are findings, and how many of them are for another reason than the threshold.
    fn write_claims(
        &self,
        out: &mut dyn Write,
        chunk: &Chunk,
        report: &ChunkReport,
    ) -> io::Result<(usize, usize)> {
        let (mut findings, mut beyond) = (0, 0);
        for (i, c) in report.claims.iter().enumerate() {
            let kind = self.selection.finding(c);
            findings += usize::from(kind.is_some());
            beyond += usize::from(kind.is_some() && self.selection.beyond_threshold(c));
            match self.format {
                CheckFormat::Human => {
                    if let Some(kind) = kind {
                        let (doc, at) = (&chunk.doc, chunk.offset);
                        write_finding_at(out, &doc.text, &doc.lines, at, c, kind, self.style)?;
                    }
                }
                CheckFormat::Json => {
                    let sep = if i == 0 { "" } else { "," };
                    // A map: the claim's keys and `finding`, in alphabetical order.
                    write!(out, "{sep}\n        ")?;
                    write_pretty_at(out, &ClaimJson::new(c, kind), 8)?;
                }
            }
        }
        Ok((findings, beyond))
    }

    /// The chunk written as `out` with `findings`, with what its input's totals need.
    fn summed(
        &self,
        report: ChunkReport,
        out: Vec<u8>,
        (findings, beyond): (usize, usize),
    ) -> io::Result<WrittenChunk> {
        let mut articles_json = Vec::new();
        if self.format == CheckFormat::Json {
            for (i, a) in report.articles.iter().enumerate() {
                if i > 0 {
                    articles_json.extend_from_slice(b",\n        ");
                }
                pretty_into(&mut articles_json, a, 8)?;
            }
        }
        Ok(WrittenChunk {
            out,
            claims: report.claims.len(),
            findings,
            beyond,
            articles_json,
            articles: report.articles,
            outlets: report.outlets,
        })
    }
}

/// Writes `check`'s output input after input: [`CheckWriter::begin`], the judged chunks
/// ([`CheckWriter::chunk`]), [`CheckWriter::end`]; then [`CheckWriter::finish`].
pub struct CheckWriter<W: Write> {
    out: W,
    writing: ChunkWriting,
    any_finding: bool,
    inputs: usize,
    input: Option<Tally>,
}

impl<W: Write> CheckWriter<W> {
    /// A writer to `out` (in JSON, the document's opening is written now).
    ///
    /// # Errors
    /// Writing failed.
    pub fn new(
        mut out: W,
        format: CheckFormat,
        selection: Selection,
        style: Style,
    ) -> io::Result<CheckWriter<W>> {
        if format == CheckFormat::Json {
            write!(
                out,
                "{{\n  \"allow\": {},\n  \"deny\": {},\n  \"inputs\": [",
                pretty_at(&selection.allow, 2)?,
                pretty_at(&selection.deny, 2)?
            )?;
        }
        Ok(CheckWriter {
            out,
            writing: ChunkWriting {
                format,
                selection,
                style,
            },
            any_finding: false,
            inputs: 0,
            input: None,
        })
    }

    /// True between [`CheckWriter::begin`] and [`CheckWriter::end`].
    pub fn in_input(&self) -> bool {
        self.input.is_some()
    }

    /// Start the output of the input `name` (an input begun and not ended is ended first).
    ///
    /// # Errors
    /// Writing failed.
    pub fn begin(&mut self, name: &str) -> io::Result<()> {
        if self.in_input() {
            self.end(None)?;
        }
        if self.writing.format == CheckFormat::Json {
            let sep = if self.inputs == 0 { "" } else { "," };
            write!(
                self.out,
                "{sep}\n    {{\n      \"path\": {},\n      \"claims\": [",
                pretty_at(&name, 6)?
            )?;
        }
        self.input = Some(Tally {
            name: name.to_string(),
            findings: 0,
            beyond: 0,
            claims: 0,
            totals: ArticleTotals::default(),
            articles_json: crate::spool::spool(),
            outlets: BTreeMap::new(),
        });
        Ok(())
    }

    /// Write one judged chunk of the input begun (its text quotes the findings) straight to
    /// the output, and add it up.
    ///
    /// # Errors
    /// Writing failed, or no input was begun.
    pub fn chunk(&mut self, chunk: &Chunk, report: ChunkReport) -> io::Result<()> {
        self.with_tally(|w, t| {
            w.claims_separator(t, report.claims.len())?;
            let findings = w.writing.write_claims(&mut w.out, chunk, &report)?;
            let summed = w.writing.summed(report, Vec::new(), findings)?;
            w.add(summed, t)
        })
    }

    /// `f` with the tally of the input begun.
    fn with_tally(
        &mut self,
        f: impl FnOnce(&mut Self, &mut Tally) -> io::Result<()>,
    ) -> io::Result<()> {
        let Some(mut tally) = self.input.take() else {
            return Err(io::Error::other(
                "a chunk written before its input was begun",
            ));
        };
        let done = f(self, &mut tally);
        self.input = Some(tally);
        done
    }

    /// A chunk that [`ChunkWriting::prepare`] made ready: written out as it is, or written
    /// straight to the output.
    ///
    /// # Errors
    /// Writing failed, or no input was begun.
    pub fn pending(&mut self, chunk: &Chunk, p: PendingChunk) -> io::Result<()> {
        match p {
            PendingChunk::Written(w) => self.written(w),
            PendingChunk::Judged(report) => self.chunk(chunk, report),
        }
    }

    /// How this writer writes a chunk, for writing chunks elsewhere (on other threads)
    /// before they are handed to [`CheckWriter::written`] in input order.
    pub fn writing(&self) -> ChunkWriting {
        self.writing.clone()
    }

    /// Write a chunk of the input begun that [`ChunkWriting::write`] wrote, and add it up.
    /// Chunks are handed here in input order.
    ///
    /// # Errors
    /// Writing failed, or no input was begun.
    pub fn written(&mut self, written: WrittenChunk) -> io::Result<()> {
        self.with_tally(|w, t| {
            w.claims_separator(t, written.claims)?;
            w.out.write_all(&written.out)?;
            w.add(written, t)
        })
    }

    /// In JSON, the comma between the claims written before and the `claims` of a chunk.
    fn claims_separator(&mut self, t: &Tally, claims: usize) -> io::Result<()> {
        if self.writing.format == CheckFormat::Json && t.claims > 0 && claims > 0 {
            self.out.write_all(b",")?;
        }
        Ok(())
    }

    /// Add up a chunk whose claims are written.
    fn add(&mut self, w: WrittenChunk, t: &mut Tally) -> io::Result<()> {
        let json = self.writing.format == CheckFormat::Json;
        t.findings += w.findings;
        t.beyond += w.beyond;
        t.claims += w.claims;
        if json && !w.articles.is_empty() {
            let sep = if t.totals.articles == 0 {
                "[\n        "
            } else {
                ",\n        "
            };
            let kept = &mut t.articles_json;
            kept.write_all(sep.as_bytes())
                .and_then(|()| kept.write_all(&w.articles_json))
                .map_err(|e| crate::spool::spool_error("article summaries", e))?;
        }
        for a in &w.articles {
            t.totals.add(a);
        }
        for o in w.outlets {
            match t.outlets.get_mut(&o.outlet) {
                Some(known) => known.absorb(&o),
                None => {
                    t.outlets.insert(o.outlet.clone(), o);
                }
            }
        }
        Ok(())
    }

    /// Finish the output of the input begun: its summary line, or the rest of its JSON
    /// object (with `one_pass`, what a one-pass reading missed). Nothing when no input was
    /// begun.
    ///
    /// # Errors
    /// Writing failed.
    pub fn end(&mut self, one_pass: Option<OnePassCaveats>) -> io::Result<()> {
        let Some(mut t) = self.input.take() else {
            return Ok(());
        };
        self.any_finding |= t.findings > 0;
        self.inputs += 1;
        match self.writing.format {
            CheckFormat::Human => {
                let why = self.writing.selection.why_of(t.findings, t.beyond);
                let line = summary_line_of(&t.name, &t.totals, t.findings, &why);
                writeln!(self.out, "{line}")?;
            }
            CheckFormat::Json => {
                let mut outlets: Vec<OutletSummary> = t.outlets.into_values().collect();
                sort_by_citations(&mut outlets);
                if t.claims > 0 {
                    self.out.write_all(b"\n      ")?;
                }
                write!(
                    self.out,
                    "],\n      \"findings\": {},\n      \"articles\": ",
                    t.findings
                )?;
                if t.totals.articles == 0 {
                    self.out.write_all(b"[]")?;
                } else {
                    let kept = &mut t.articles_json;
                    kept.seek(SeekFrom::Start(0))
                        .map_err(|e| crate::spool::spool_error("article summaries", e))?;
                    io::copy(kept, &mut self.out)?;
                    self.out.write_all(b"\n      ]")?;
                }
                write!(
                    self.out,
                    ",\n      \"outlets\": {}",
                    pretty_at(&outlets, 6)?
                )?;
                if let Some(caveats) = one_pass {
                    write!(
                        self.out,
                        ",\n      \"one_pass\": {}",
                        pretty_at(&caveats, 6)?
                    )?;
                }
                write!(self.out, "\n    }}")?;
            }
        }
        Ok(())
    }

    /// End the output (an input begun is ended first) and flush it; true when any claim was
    /// a finding. `scope` is how claims were cut, for the JSON document.
    ///
    /// # Errors
    /// Writing failed.
    pub fn finish(mut self, scope: Scope) -> io::Result<bool> {
        self.end(None)?;
        if self.writing.format == CheckFormat::Json {
            if self.inputs > 0 {
                self.out.write_all(b"\n  ")?;
            }
            writeln!(
                self.out,
                "],\n  \"min_sources\": {},\n  \"scope\": {},\n  \"version\": {}\n}}",
                self.writing.selection.min_sources,
                pretty_at(&scope, 2)?,
                super::json::SCHEMA_VERSION
            )?;
        }
        self.out.flush()?;
        Ok(self.any_finding)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::judge::{ChunkSource, Judging, Pass};
    use crate::markup::InputFormat;
    use crate::pipeline::Pipeline;
    use crate::stream::read_chunks;

    /// A text read in chunks of `size` bytes.
    struct Text(String, usize);

    impl ChunkSource for Text {
        type Error = io::Error;

        fn name(&self) -> &str {
            "items.txt"
        }

        fn each_chunk(
            &mut self,
            _pass: Pass,
            f: &mut dyn FnMut(Chunk) -> io::Result<()>,
        ) -> io::Result<bool> {
            // A byte a read, so the chunks are as small as `size` asks.
            let reader = OneByte(self.0.as_bytes());
            Ok(read_chunks("items.txt", InputFormat::Text, reader, self.1, f)?.read)
        }
    }

    struct OneByte<'a>(&'a [u8]);

    impl io::Read for OneByte<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            match (self.0.split_first(), buf.first_mut()) {
                (Some((&b, rest)), Some(to)) => {
                    *to = b;
                    self.0 = rest;
                    Ok(1)
                }
                _ => Ok(0),
            }
        }
    }

    /// How a chunk reaches the writer.
    #[derive(Clone, Copy, Debug)]
    enum Way {
        Straight,
        Buffered,
        Prepared,
    }

    fn output(format: CheckFormat, way: Way) -> String {
        let item = |i: usize| {
            let claims = match i % 4 {
                // Items without a claim between items with claims: the separators.
                0 => String::new(),
                1 => format!("Troops moved north (AFP, May {i}).\n\n"),
                _ => format!(
                    "Talks stalled, an official said (Interfax, May {i}; Kyodo, May {i}).\n\n\
                     Nothing was agreed.\n\n"
                ),
            };
            format!("NEWS IN BRIEF\n\nPublication: Monitor Volume: 7 Issue: {i}\n\n{claims}")
        };
        let text: String = (1..=30).map(item).collect();
        let p = Pipeline::default();
        let mut out = Vec::new();
        let mut w = CheckWriter::new(&mut out, format, Selection::fewer_than(2), Style::default())
            .expect("writes");
        let writing = w.writing();
        let mut src = Text(text, 200);
        let mut judge = crate::context::OnePassJudge::new(10);
        w.begin("items.txt").expect("writes");
        let mut chunks = 0;
        Judging::new(&p)
            .judge_once(&mut src, &mut judge, |chunk, report| {
                chunks += 1;
                match way {
                    Way::Straight => w.chunk(chunk, report),
                    Way::Buffered => w.written(writing.write(chunk, report)?),
                    Way::Prepared => w.pending(chunk, writing.prepare(chunk, report)?),
                }
            })
            .expect("judges");
        assert!(chunks > 10, "{chunks} chunks");
        w.finish(Scope::Run).expect("writes");
        String::from_utf8(out).expect("UTF-8")
    }

    #[test]
    fn chunks_written_straight_or_in_buffers_are_the_same_bytes() {
        for format in [CheckFormat::Human, CheckFormat::Json] {
            let straight = output(format, Way::Straight);
            if format == CheckFormat::Human {
                assert!(straight.contains("items.txt:"), "{straight}");
            }
            assert_eq!(output(format, Way::Buffered), straight, "{format:?}");
            assert_eq!(output(format, Way::Prepared), straight, "{format:?}");
            if format == CheckFormat::Json {
                let v: serde_json::Value = serde_json::from_str(&straight).expect("JSON");
                let input = &v["inputs"][0];
                assert!(input["claims"].as_array().is_some_and(|c| c.len() > 20));
                assert_eq!(input["articles"].as_array().map(Vec::len), Some(30));
            }
        }
    }
}
