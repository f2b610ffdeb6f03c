//! `srcgraph check` output for people: rustc-style diagnostics, one per claim that falls
//! short, with the claim's citation (or its start) underlined in a snippet of the source,
//! then a one-line summary per input.

use super::text::{count, sanitize};
use crate::analyze::{ArticleSummary, ClaimReport, Verdict};
use crate::span::{LineIndex, Span};
use crate::stream::Offset;
use anstyle::AnsiColor;
use std::io::{self, Write};

/// Terminal colours (ANSI, through anstyle), or none.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Style {
    /// Emit colour escape codes.
    pub colour: bool,
}

impl Style {
    fn paint(self, style: anstyle::Style, s: &str) -> String {
        if self.colour {
            format!("{style}{s}{style:#}")
        } else {
            s.to_string()
        }
    }
    fn bold(self, s: &str) -> String {
        self.paint(anstyle::Style::new().bold(), s)
    }
    fn bright(colour: AnsiColor) -> anstyle::Style {
        anstyle::Style::new().bold().fg_color(Some(colour.into()))
    }
    fn blue(self, s: &str) -> String {
        self.paint(Self::bright(AnsiColor::Blue), s)
    }
    fn verdict(self, v: &str, s: &str) -> String {
        let colour = match v {
            "unsourced" => AnsiColor::Red,
            "single-source" | "collective-only" | "anonymous-only" | "vague-only"
            | "circular-reporting" => AnsiColor::Yellow,
            "self-referenced" => AnsiColor::Cyan,
            _ => AnsiColor::Green,
        };
        self.paint(Self::bright(colour), s)
    }
}

/// Why a claim is reported. `deny` may hold `anonymous-only` and `vague-only`: claims whose
/// only support is an anonymous or a vague source named in the prose are then reported as
/// such (they count no source, so they fall short anyway, but get their own kind).
pub fn finding_kind(
    c: &ClaimReport,
    min_sources: usize,
    deny: &[impl AsRef<str>],
) -> Option<&'static str> {
    let corr = &c.corroboration;
    let denied = |kind: &str| deny.iter().any(|d| d.as_ref() == kind);
    if corr.anonymous_only && denied("anonymous-only") {
        return Some("anonymous-only");
    }
    if corr.vague_only && denied("vague-only") {
        return Some("vague-only");
    }
    if corr.circular {
        return Some("circular-reporting");
    }
    if corr.independent_sources < min_sources {
        Some(corr.verdict.as_str())
    } else if corr.collective_only {
        Some("collective-only")
    } else {
        None
    }
}

fn headline(c: &ClaimReport, kind: &str) -> String {
    let corr = &c.corroboration;
    match kind {
        "unsourced" => "claim cites no source".to_string(),
        "self-referenced" => "claim rests only on the publication's own earlier issues".to_string(),
        "anonymous-only" => {
            "claim rests only on an anonymous source named in the prose".to_string()
        }
        "vague-only" => "claim rests only on a vague source named in the prose".to_string(),
        "collective-only" => format!(
            "claim rests only on collective sources ({} counted)",
            corr.independent_sources
        ),
        _ => match corr.independent_sources {
            1 => "claim rests on a single independent source".to_string(),
            n => format!("claim rests on {n} independent sources"),
        },
    }
}

/// Write one finding about claim `c` of a document whose text is `text`.
///
/// # Errors
/// Any error of the writer.
pub fn write_finding(
    w: &mut dyn Write,
    text: &str,
    lines: &LineIndex,
    c: &ClaimReport,
    kind: &str,
    style: Style,
) -> io::Result<()> {
    write_finding_at(w, text, lines, Offset::default(), c, kind, style)
}

/// [`write_finding`] for a claim of an input read in chunks: `text` and `lines` are the
/// chunk's, which starts at `base` in the input; the claim is in input coordinates.
///
/// # Errors
/// Any error of the writer.
pub fn write_finding_at(
    w: &mut dyn Write,
    text: &str,
    lines: &LineIndex,
    base: Offset,
    c: &ClaimReport,
    kind: &str,
    style: Style,
) -> io::Result<()> {
    let local = |s: Span| {
        Span::new(
            s.start.saturating_sub(base.bytes),
            s.end.saturating_sub(base.bytes),
        )
    };
    let path = sanitize(&c.path);
    let title = format!("warning[{kind}]");
    writeln!(
        w,
        "{}{}",
        style.verdict(kind, &title),
        style.bold(&format!(": {}", headline(c, kind)))
    )?;
    // Underline the last citation group, or the claim's first words when it has none.
    let span = local(c.span);
    let target = match c.citations.last() {
        Some(&s) => local(s),
        None => {
            let s = span.slice(text);
            let first_line = s.find(['\n', '\r']).unwrap_or(s.len()).min(60);
            let mut end = first_line;
            while !s.is_char_boundary(end) {
                end -= 1;
            }
            Span::new(span.start, span.start + end)
        }
    };
    let mut pos = lines.position(text, target.start);
    let local_line = pos.line;
    pos.line += base.lines;
    writeln!(
        w,
        "  {} {path}:{}:{}",
        style.blue("-->"),
        pos.line,
        pos.column
    )?;
    let gutter = pos.line.to_string().len() + 1;
    let bar = style.blue("|");
    writeln!(w, "{:gutter$}{bar}", "")?;
    let line_start = lines.line_start(local_line - 1);
    let line_end = line_end(text, lines, local_line);
    let (shown, mark_from, mark_len) = window(text, line_start, line_end, target);
    writeln!(
        w,
        "{} {bar} {}",
        style.blue(&format!("{:>w$}", pos.line, w = gutter - 1)),
        sanitize(&shown)
    )?;
    writeln!(
        w,
        "{:gutter$}{bar} {}{}",
        "",
        " ".repeat(mark_from),
        style.verdict(kind, &"^".repeat(mark_len.max(1)))
    )?;
    writeln!(
        w,
        "{:gutter$}{} claim: {}",
        "",
        style.blue("="),
        sanitize(&c.excerpt)
    )?;
    let corr = &c.corroboration;
    if !corr.sources.is_empty() {
        let names: Vec<String> = corr
            .sources
            .iter()
            .map(|s| sanitize(&s.describe()).into_owned())
            .collect();
        writeln!(
            w,
            "{:gutter$}{} note: sources: {}",
            "",
            style.blue("="),
            names.join(", ")
        )?;
    }
    if corr.self_references > 0 {
        writeln!(
            w,
            "{:gutter$}{} note: {} to the publication's own earlier issues (not counted)",
            "",
            style.blue("="),
            count(corr.self_references, "reference", "references")
        )?;
    }
    for n in &corr.notes {
        writeln!(w, "{:gutter$}{} note: {}", "", style.blue("="), sanitize(n))?;
    }
    writeln!(w)
}

/// The part of a line to show around `target`, and where (in characters) and how long the
/// underline is. Long lines are cut around the target with "…".
/// Where the 1-based line `line` ends (before its line break), from the index: no scan of
/// the line, which may be a whole paragraph of a megabyte.
fn line_end(text: &str, lines: &LineIndex, line: usize) -> usize {
    if line >= lines.line_count() {
        return text.len();
    }
    let next = lines.line_start(line);
    let bytes = text.as_bytes();
    if next >= 2 && bytes.get(next - 2..next) == Some(b"\r\n") {
        next - 2
    } else {
        next.saturating_sub(1)
    }
}

/// The part of the line shown for `target`: up to 60 characters before it, the target, up
/// to 20 after, with `…` where the line was cut; and the target's character offset and
/// length in what is shown. Only the shown part is read, so each finding costs the length
/// of its window and target, not of its line.
fn window(text: &str, line_start: usize, line_end: usize, target: Span) -> (String, usize, usize) {
    const BEFORE: usize = 60;
    const AFTER: usize = 20;
    let line = &text[line_start..line_end];
    let t_start = floor_boundary(line, target.start.clamp(line_start, line_end) - line_start);
    let t_end = floor_boundary(line, target.end.clamp(line_start, line_end) - line_start);
    let from = line[..t_start]
        .char_indices()
        .rev()
        .take(BEFORE)
        .last()
        .map_or(t_start, |(i, _)| i);
    let to = line[t_end..]
        .char_indices()
        .nth(AFTER)
        .map_or(line.len(), |(i, _)| t_end + i);
    let before_chars = line[from..t_start].chars().count();
    let target_chars = line[t_start..t_end].chars().count();
    let mut shown = String::with_capacity(to - from + 6);
    let mut mark_from = before_chars;
    if from > 0 {
        shown.push('…');
        mark_from += 1;
    }
    shown.push_str(&line[from..to]);
    if to < line.len() {
        shown.push('…');
    }
    (shown, mark_from, target_chars)
}

/// `at`, moved back to a character boundary of `s`.
fn floor_boundary(s: &str, mut at: usize) -> usize {
    at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Article summaries added up: what [`summary_line`] reports, in constant memory however
/// many articles an input has.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ArticleTotals {
    /// Articles.
    pub articles: usize,
    /// Claims.
    pub claims: usize,
    /// Claims per verdict.
    pub verdicts: std::collections::BTreeMap<Verdict, usize>,
    /// Claims whose only independent sources are collectives.
    pub collective_only: usize,
}

impl ArticleTotals {
    /// Add one article.
    pub fn add(&mut self, a: &ArticleSummary) {
        self.articles += 1;
        self.claims += a.claims;
        for (v, n) in &a.verdicts {
            *self.verdicts.entry(*v).or_default() += n;
        }
        self.collective_only += a.collective_only;
    }
}

/// One line summing up an input's claims: `file: 7 claims: 2 corroborated, ...`.
pub fn summary_line(
    path: &str,
    articles: &[ArticleSummary],
    findings: usize,
    min_sources: usize,
) -> String {
    let mut totals = ArticleTotals::default();
    for a in articles {
        totals.add(a);
    }
    summary_line_of(path, &totals, findings, &fewer_than(min_sources))
}

/// Why claims are reported with `--min-sources N`: "fewer than 2 independent sources".
pub fn fewer_than(min_sources: usize) -> String {
    format!(
        "fewer than {}",
        count(min_sources, "independent source", "independent sources")
    )
}

/// [`summary_line`] from totals; `why` says why the `findings` were reported
/// ([`fewer_than`], or the verdicts asked for).
pub fn summary_line_of(path: &str, totals: &ArticleTotals, findings: usize, why: &str) -> String {
    let claims = totals.claims;
    let mut parts = Vec::new();
    for v in Verdict::ALL.iter().rev() {
        let n = totals.verdicts.get(v).copied().unwrap_or(0);
        if n > 0 {
            parts.push(format!("{n} {v}"));
        }
    }
    // Collective-only claims are among the verdicts above, not beside them.
    let collective = totals.collective_only;
    let of_which = if collective > 0 {
        format!(" (of which {collective} collective-only)")
    } else {
        String::new()
    };
    format!(
        "{}: {}, {}{}{}{of_which}; {findings} reported ({why})",
        sanitize(path),
        count(totals.articles, "article", "articles"),
        count(claims, "claim", "claims"),
        if parts.is_empty() { "" } else { ": " },
        parts.join(", "),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_counts_do_not_overlap() {
        let mut totals = ArticleTotals {
            articles: 1,
            claims: 2,
            collective_only: 1,
            ..ArticleTotals::default()
        };
        totals.verdicts.insert(Verdict::SingleSource, 2);
        assert_eq!(
            summary_line_of("a.txt", &totals, 2, &fewer_than(1)),
            "a.txt: 1 article, 2 claims: 2 single-source (of which 1 collective-only); \
             2 reported (fewer than 1 independent source)"
        );
    }

    /// The window as first written: every character of the line counted.
    fn window_by_counting(
        text: &str,
        line_start: usize,
        line_end: usize,
        target: Span,
    ) -> (String, usize, usize) {
        let line = &text[line_start..line_end];
        let t_start = target.start.clamp(line_start, line_end) - line_start;
        let t_end = target.end.clamp(line_start, line_end) - line_start;
        let chars_before = line[..t_start].chars().count();
        let target_chars = line[t_start..t_end].chars().count();
        let skip = chars_before.saturating_sub(60);
        let take = chars_before - skip + target_chars + 20;
        let mut shown: String = line.chars().skip(skip).take(take).collect();
        let cut_end = skip + take < line.chars().count();
        let mut from = chars_before - skip;
        if skip > 0 {
            shown.insert(0, '…');
            from += 1;
        }
        if cut_end {
            shown.push('…');
        }
        (shown, from, target_chars)
    }

    #[test]
    fn window_reads_only_around_the_target_and_shows_what_counting_showed() {
        let units = ["word (AFP, May 2) ", "Дума (ТАСС, 2 мая) ", "“é” ", "x"];
        for unit in units {
            for reps in [1, 3, 10, 40] {
                let line = unit.repeat(reps);
                let text = format!("before\r\n{line}\nafter");
                let (start, end) = (8, 8 + line.len());
                let bounds: Vec<usize> = (start..=end)
                    .filter(|&i| text.is_char_boundary(i))
                    .collect();
                for (k, &a) in bounds.iter().enumerate().step_by(3) {
                    for &b in bounds[k..].iter().step_by(5) {
                        let t = Span::new(a, b);
                        assert_eq!(
                            window(&text, start, end, t),
                            window_by_counting(&text, start, end, t),
                            "{unit:?} x{reps} target {a}..{b}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn line_ends_for_every_line_break() {
        let text = "ab\ncd\r\nef\rgh";
        let lines = LineIndex::new(text);
        let ends: Vec<usize> = (1..=lines.line_count())
            .map(|l| line_end(text, &lines, l))
            .collect();
        assert_eq!(ends, [2, 5, 9, 12]);
    }
}
