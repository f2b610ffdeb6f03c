//! `srcgraph check`: report every claim with fewer than N independent sources.

use super::judged::{TwoPasses, judge_once, warn_one_pass};
use crate::cli::Status;
use crate::cli::args::{CheckArgs, CheckFormat};
use crate::cli::io::{Input, Reporter, Session, Source, open_output, use_colour};
use crate::cli::spill::Spill;
use anyhow::{Context, Result};
use serde::Serialize;
use srcgraph::analyze::{ClaimReport, OutletSummary, sort_by_citations};
use srcgraph::context::{ChunkJudge, ChunkReport, InputContext, OnePassCaveats, OnePassJudge};
use srcgraph::export::findings::{
    ArticleTotals, Style, fewer_than, finding_kind, summary_line_of, write_finding_at,
};
use srcgraph::pipeline::Pipeline;
use srcgraph::stream::Chunk;
use std::collections::BTreeMap;
use std::io::Write;

/// Run `check`. Each file is read twice in chunks of whole articles: first to learn what
/// its claims' verdicts depend on elsewhere in it (relays, cross-referenced issues), then to
/// judge chunk after chunk and write the findings as they come. Memory stays bounded by a
/// chunk and what the first pass keeps; verdicts are those of one graph of the whole input.
/// Standard input, and every input with `--one-pass`, is read once and judged as it comes
/// ([`OnePassJudge`]): findings start at once, and a warning counts what came too late.
pub(crate) fn run(args: &CheckArgs) -> Result<Status> {
    let mut s = Session::open(&args.input)?;
    let pipeline = Pipeline {
        outlets: &s.outlets,
        parse: s.parse.clone(),
        scope: args.scope.into(),
        date_nodes: false,
    };
    let min = usize::try_from(args.min_sources).context("--min-sources does not fit")?;
    let verdicts: Vec<srcgraph::analyze::Verdict> =
        args.verdict.iter().map(|&v| v.into()).collect();
    let allowed: Vec<&str> = args.allow.iter().map(|a| a.as_str()).collect();
    let denied: Vec<&str> = args.deny.iter().map(|d| d.as_str()).collect();
    let mut c = Checker {
        style: Style {
            colour: use_colour(args.color, args.output.as_deref()),
        },
        format: args.format,
        min,
        allowed: &allowed,
        denied: &denied,
        verdicts: &verdicts,
        out: open_output(args.output.as_deref())?,
        any_finding: false,
        inputs: 0,
    };
    if c.format == CheckFormat::Json {
        write!(
            c.out,
            "{{\n  \"allow\": {},\n  \"deny\": {},\n  \"inputs\": [",
            json(&allowed, 2)?,
            json(&denied, 2)?
        )?;
    }
    let passes =
        (!args.pass.one_pass).then(|| TwoPasses::new(&pipeline, &s.inputs, &mut s.rep, false));
    for input in &s.inputs {
        match &passes {
            Some(passes) if input.source != Source::Stdin => {
                c.input(passes, input, &mut s.rep)?;
            }
            _ => c.one_pass(&pipeline, input, &mut s.rep, args.pass.held_articles)?,
        }
    }
    if c.format == CheckFormat::Json {
        if c.inputs > 0 {
            c.out.write_all(b"\n  ")?;
        }
        writeln!(
            c.out,
            "],\n  \"min_sources\": {min},\n  \"scope\": {},\n  \"version\": {}\n}}",
            json(&srcgraph::model::Scope::from(args.scope), 2)?,
            srcgraph::export::json::SCHEMA_VERSION
        )?;
    }
    c.out.flush()?;
    s.rep.progress.finish();
    Ok(s.status(c.any_finding))
}

/// `value` as pretty JSON, its lines after the first indented by `indent` spaces.
///
/// # Errors
/// A value serde cannot write (none of ours: every map key is a string).
fn json(value: &impl Serialize, indent: usize) -> Result<String> {
    let text = serde_json::to_string_pretty(value).context("cannot write JSON")?;
    Ok(text.replace('\n', &format!("\n{:indent$}", "")))
}

struct Checker<'a> {
    style: Style,
    format: CheckFormat,
    min: usize,
    allowed: &'a [&'a str],
    denied: &'a [&'a str],
    /// `--verdict`: report the claims with these verdicts instead.
    verdicts: &'a [srcgraph::analyze::Verdict],
    out: Box<dyn Write>,
    any_finding: bool,
    inputs: usize,
}

/// What one input adds up to: totals over its articles and, for JSON, their summaries as
/// written (they come after the claims, so they wait in a [`Spill`]).
#[derive(Default)]
struct Tally {
    findings: usize,
    claims: usize,
    totals: ArticleTotals,
    articles_json: Spill,
    outlets: BTreeMap<String, OutletSummary>,
}

impl Checker<'_> {
    /// Why the findings were reported, for the summary line.
    fn why(&self) -> String {
        if self.verdicts.is_empty() {
            return fewer_than(self.min);
        }
        let names: Vec<&str> = self.verdicts.iter().map(|v| v.as_str()).collect();
        format!("verdict {}", names.join(" or "))
    }

    /// Both passes over one input.
    fn input(&mut self, passes: &TwoPasses<'_>, input: &Input, rep: &mut Reporter) -> Result<()> {
        let mut ctx = InputContext::new();
        if !passes.learn(input, rep, &mut ctx)? {
            return Ok(());
        }
        let mut judge = ChunkJudge::new(&ctx);
        let mut tally = Tally::default();
        self.begin(input)?;
        passes.judge(input, rep, &mut judge, |chunk, report| {
            self.report(chunk, report, &mut tally)
        })?;
        self.end(input, tally, None)
    }

    /// One pass over one input, judging each chunk as it is read.
    fn one_pass(
        &mut self,
        p: &Pipeline<'_>,
        input: &Input,
        rep: &mut Reporter,
        held: usize,
    ) -> Result<()> {
        let mut judge = OnePassJudge::new(held);
        let mut tally: Option<Tally> = None;
        let read = judge_once(p, input, rep, &mut judge, |chunk, report| {
            if tally.is_none() {
                self.begin(input)?;
            }
            self.report(chunk, report, tally.get_or_insert_with(Tally::default))
        })?;
        let tally = match tally {
            Some(tally) => tally,
            // An empty input: reported as a file of no articles is.
            None if read => {
                self.begin(input)?;
                Tally::default()
            }
            // Nothing could be read (a missing file, binary data): the error was reported.
            None => return Ok(()),
        };
        let caveats = judge.caveats();
        warn_one_pass(rep, &input.name, &caveats);
        self.end(input, tally, Some(caveats))
    }

    /// Start the output of one input.
    fn begin(&mut self, input: &Input) -> Result<()> {
        if self.format == CheckFormat::Json {
            let sep = if self.inputs == 0 { "" } else { "," };
            write!(
                self.out,
                "{sep}\n    {{\n      \"path\": {},\n      \"claims\": [",
                json(&input.name, 6)?
            )?;
        }
        Ok(())
    }

    /// Write one judged chunk and add it up.
    fn report(&mut self, chunk: &Chunk, report: ChunkReport, tally: &mut Tally) -> Result<()> {
        self.chunk(chunk, report.claims, tally)?;
        for a in &report.articles {
            tally.totals.add(a);
            if self.format == CheckFormat::Json {
                let sep = if tally.totals.articles == 1 {
                    "[\n        "
                } else {
                    ",\n        "
                };
                tally.articles_json.write_all(sep.as_bytes())?;
                tally.articles_json.write_all(json(a, 8)?.as_bytes())?;
            }
        }
        for o in report.outlets {
            match tally.outlets.get_mut(&o.outlet) {
                Some(t) => t.absorb(&o),
                None => {
                    tally.outlets.insert(o.outlet.clone(), o);
                }
            }
        }
        Ok(())
    }

    /// Finish the output of one input: its summary line, or the rest of its JSON object
    /// (with `one_pass`, what a one-pass reading missed).
    fn end(
        &mut self,
        input: &Input,
        mut tally: Tally,
        one_pass: Option<OnePassCaveats>,
    ) -> Result<()> {
        self.any_finding |= tally.findings > 0;
        self.inputs += 1;
        match self.format {
            CheckFormat::Human => writeln!(
                self.out,
                "{}",
                summary_line_of(&input.name, &tally.totals, tally.findings, &self.why())
            )?,
            CheckFormat::Json => {
                let mut outlets: Vec<OutletSummary> = tally.outlets.into_values().collect();
                sort_by_citations(&mut outlets);
                if tally.claims > 0 {
                    self.out.write_all(b"\n      ")?;
                }
                write!(
                    self.out,
                    "],\n      \"findings\": {},\n      \"articles\": ",
                    tally.findings
                )?;
                if tally.totals.articles == 0 {
                    self.out.write_all(b"[]")?;
                } else {
                    tally.articles_json.copy_to(&mut self.out)?;
                    self.out.write_all(b"\n      ]")?;
                }
                write!(self.out, ",\n      \"outlets\": {}", json(&outlets, 6)?)?;
                if let Some(caveats) = one_pass {
                    write!(self.out, ",\n      \"one_pass\": {}", json(&caveats, 6)?)?;
                }
                write!(self.out, "\n    }}")?;
            }
        }
        Ok(())
    }

    /// Write the findings (or, in JSON, every claim) of one chunk.
    fn chunk(&mut self, chunk: &Chunk, claims: Vec<ClaimReport>, tally: &mut Tally) -> Result<()> {
        for c in claims {
            let kind = if self.verdicts.is_empty() {
                finding_kind(&c, self.min, self.denied).filter(|k| !self.allowed.contains(k))
            } else {
                let v = c.corroboration.verdict;
                self.verdicts
                    .contains(&v)
                    .then(|| finding_kind(&c, self.min, self.denied).unwrap_or(v.as_str()))
            };
            tally.findings += usize::from(kind.is_some());
            match self.format {
                CheckFormat::Human => {
                    if let Some(kind) = kind {
                        write_finding_at(
                            &mut self.out,
                            &chunk.doc.text,
                            &chunk.doc.lines,
                            chunk.offset,
                            &c,
                            kind,
                            self.style,
                        )?;
                    }
                }
                CheckFormat::Json => {
                    let mut v = serde_json::to_value(&c).unwrap_or_default();
                    if let Some(o) = v.as_object_mut() {
                        o.insert(
                            "finding".into(),
                            kind.map_or(serde_json::Value::Null, |k| k.into()),
                        );
                    }
                    let sep = if tally.claims == 0 { "" } else { "," };
                    write!(self.out, "{sep}\n        {}", json(&v, 8)?)?;
                }
            }
            tally.claims += 1;
        }
        Ok(())
    }
}
