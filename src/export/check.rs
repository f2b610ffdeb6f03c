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

use super::findings::{
    ArticleTotals, Style, fewer_than, finding_kind, summary_line_of, write_finding_at,
};
use super::json::pretty_at;
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
    /// Its article summaries in JSON, separated as `out`'s claims but without the line
    /// break before the first.
    articles_json: Vec<u8>,
    articles: Vec<ArticleSummary>,
    outlets: Vec<OutletSummary>,
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
        let mut findings = 0;
        for (i, c) in report.claims.iter().enumerate() {
            let kind = self.selection.finding(c);
            findings += usize::from(kind.is_some());
            match self.format {
                CheckFormat::Human => {
                    if let Some(kind) = kind {
                        let (doc, at) = (&chunk.doc, chunk.offset);
                        write_finding_at(&mut out, &doc.text, &doc.lines, at, c, kind, self.style)?;
                    }
                }
                CheckFormat::Json => {
                    let sep = if i == 0 { "" } else { "," };
                    // A map: the claim's keys and `finding`, in alphabetical order.
                    let mut claim = serde_json::to_value(c)?;
                    if let Some(o) = claim.as_object_mut() {
                        o.insert("finding".into(), kind.into());
                    }
                    write!(out, "{sep}\n        {}", pretty_at(&claim, 8)?)?;
                }
            }
        }
        let mut articles_json = Vec::new();
        if self.format == CheckFormat::Json {
            for (i, a) in report.articles.iter().enumerate() {
                if i > 0 {
                    articles_json.extend_from_slice(b",\n        ");
                }
                articles_json.extend_from_slice(pretty_at(a, 8)?.as_bytes());
            }
        }
        Ok(WrittenChunk {
            out,
            claims: report.claims.len(),
            findings,
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
            claims: 0,
            totals: ArticleTotals::default(),
            articles_json: crate::spool::spool(),
            outlets: BTreeMap::new(),
        });
        Ok(())
    }

    /// Write one judged chunk of the input begun (its text quotes the findings) and add it
    /// up: [`ChunkWriting::write`] and [`CheckWriter::written`].
    ///
    /// # Errors
    /// Writing failed, or no input was begun.
    pub fn chunk(&mut self, chunk: &Chunk, report: ChunkReport) -> io::Result<()> {
        let written = self.writing.write(chunk, report)?;
        self.written(written)
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
    pub fn written(&mut self, w: WrittenChunk) -> io::Result<()> {
        let Some(mut tally) = self.input.take() else {
            return Err(io::Error::other(
                "a chunk written before its input was begun",
            ));
        };
        let written = self.add(w, &mut tally);
        self.input = Some(tally);
        written
    }

    fn add(&mut self, w: WrittenChunk, t: &mut Tally) -> io::Result<()> {
        let json = self.writing.format == CheckFormat::Json;
        if json && t.claims > 0 && w.claims > 0 {
            self.out.write_all(b",")?;
        }
        self.out.write_all(&w.out)?;
        t.findings += w.findings;
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
                let why = self.writing.selection.why();
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
