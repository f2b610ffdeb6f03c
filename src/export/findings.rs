//! `srcgraph check` output for people: rustc-style diagnostics, one per claim that falls
//! short, with the claim's citation (or its start) underlined in a snippet of the source,
//! then a one-line summary per input.

use super::text::{count, sanitize};
use crate::analyze::{ArticleSummary, ClaimReport, Verdict};
use crate::span::{LineIndex, Span};
use crate::stream::Offset;
use anstyle::AnsiColor;
use std::borrow::Cow;
use std::fmt::Write as _;
use std::io::{self, Write};

/// Terminal colours (ANSI, through anstyle), or none.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Style {
    /// Emit colour escape codes.
    pub colour: bool,
}

impl Style {
    fn bright(colour: AnsiColor) -> anstyle::Style {
        anstyle::Style::new().bold().fg_color(Some(colour.into()))
    }

    fn blue() -> anstyle::Style {
        Self::bright(AnsiColor::Blue)
    }

    fn verdict(v: &str) -> anstyle::Style {
        let colour = match v {
            "unsourced" => AnsiColor::Red,
            "single-source" | "collective-only" | "anonymous-only" | "vague-only"
            | "circular-reporting" => AnsiColor::Yellow,
            "self-referenced" => AnsiColor::Cyan,
            _ => AnsiColor::Green,
        };
        Self::bright(colour)
    }

    /// What `write` puts into `out`, in `style` when colour is on.
    fn paint(self, out: &mut String, style: anstyle::Style, write: impl FnOnce(&mut String)) {
        if self.colour {
            let _ = write!(out, "{style}");
        }
        write(out);
        if self.colour {
            let _ = write!(out, "{style:#}");
        }
    }

    /// `s` into `out`, in `style` when colour is on.
    fn paint_str(self, out: &mut String, style: anstyle::Style, s: &str) {
        self.paint(out, style, |out| out.push_str(s));
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

fn headline(out: &mut String, c: &ClaimReport, kind: &str) {
    let corr = &c.corroboration;
    let n = corr.independent_sources;
    match kind {
        "unsourced" => out.push_str("claim cites no source"),
        "self-referenced" => {
            out.push_str("claim rests only on the publication's own earlier issues")
        }
        "anonymous-only" => {
            out.push_str("claim rests only on an anonymous source named in the prose");
        }
        "vague-only" => out.push_str("claim rests only on a vague source named in the prose"),
        "collective-only" => {
            let _ = write!(out, "claim rests only on collective sources ({n} counted)");
        }
        _ if n == 1 => out.push_str("claim rests on a single independent source"),
        _ => {
            let _ = write!(out, "claim rests on {n} independent sources");
        }
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
    // The finding is put together in one string and written at once; most take under 2 KB
    // (a line of text, the claim, its sources and notes), so the string seldom grows.
    let mut out = String::with_capacity(2048);
    let o = &mut out;
    let (blue, verdict, bold) = (
        Style::blue(),
        Style::verdict(kind),
        anstyle::Style::new().bold(),
    );
    style.paint(o, verdict, |o| {
        let _ = write!(o, "warning[{kind}]");
    });
    style.paint(o, bold, |o| {
        o.push_str(": ");
        headline(o, c, kind);
    });
    o.push('\n');
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
    o.push_str("  ");
    style.paint_str(o, blue, "-->");
    let _ = writeln!(o, " {}:{}:{}", sanitize(&c.path), pos.line, pos.column);
    let gutter = pos.line.to_string().len() + 1;
    let pad = |o: &mut String, n: usize| o.extend(std::iter::repeat_n(' ', n));
    let bar = |o: &mut String| style.paint_str(o, blue, "|");
    pad(o, gutter);
    bar(o);
    o.push('\n');
    let line_start = lines.line_start(local_line - 1);
    let line_end = line_end(text, lines, local_line);
    let (shown, mark_from, mark_len) = window(text, line_start, line_end, target);
    let (shown, mark_from, mark_len) = sanitized_window(&shown, mark_from, mark_len);
    style.paint(o, blue, |o| {
        let _ = write!(o, "{:>w$}", pos.line, w = gutter - 1);
    });
    o.push(' ');
    bar(o);
    let _ = writeln!(o, " {shown}");
    pad(o, gutter);
    bar(o);
    o.push(' ');
    pad(o, mark_from);
    style.paint(o, verdict, |o| {
        o.extend(std::iter::repeat_n('^', mark_len.max(1)))
    });
    o.push('\n');
    let note = |o: &mut String| {
        pad(o, gutter);
        style.paint_str(o, blue, "=");
    };
    note(o);
    let _ = writeln!(o, " claim: {}", sanitize(&c.excerpt));
    let corr = &c.corroboration;
    if !corr.sources.is_empty() {
        note(o);
        o.push_str(" note: sources: ");
        for (i, s) in corr.sources.iter().enumerate() {
            if i > 0 {
                o.push_str(", ");
            }
            let at = o.len();
            s.describe_into(o);
            if let Cow::Owned(safe) = sanitize(&o[at..]) {
                o.truncate(at);
                o.push_str(&safe);
            }
        }
        o.push('\n');
    }
    if corr.self_references > 0 {
        note(o);
        let _ = writeln!(
            o,
            " note: {} to the publication's own earlier issues (not counted)",
            count(corr.self_references, "reference", "references")
        );
    }
    for n in &corr.notes {
        note(o);
        let _ = writeln!(o, " note: {}", sanitize(n));
    }
    o.push('\n');
    w.write_all(out.as_bytes())
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

/// The [`window`] `shown` as printed ([`sanitize`]d), with the target's character offset
/// and length moved to match: an escaped control before or inside the target is printed
/// as several characters (`\u{202e}`), so the underline must move with it.
fn sanitized_window(
    shown: &str,
    mark_from: usize,
    mark_len: usize,
) -> (std::borrow::Cow<'_, str>, usize, usize) {
    let printed = sanitize(shown);
    if matches!(printed, std::borrow::Cow::Borrowed(_)) {
        return (printed, mark_from, mark_len);
    }
    let byte_at = |chars: usize| {
        shown
            .char_indices()
            .nth(chars)
            .map_or(shown.len(), |(i, _)| i)
    };
    let (start, end) = (byte_at(mark_from), byte_at(mark_from + mark_len));
    let width = |part: &str| sanitize(part).chars().count();
    (printed, width(&shown[..start]), width(&shown[start..end]))
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
    fn the_underline_moves_with_escaped_controls() {
        // Target "(AFP)" after an override and a bell; the override inside it too.
        let shown = "a\u{202e}b\x07 (A\u{202e}FP) c";
        let (printed, from, len) = sanitized_window(shown, 5, 6);
        assert_eq!(printed, "a\\u{202e}b\\u{7} (A\\u{202e}FP) c");
        let marked: String = printed.chars().skip(from).take(len).collect();
        assert_eq!(marked, "(A\\u{202e}FP)");
        // Clean text keeps its offsets and is borrowed.
        let (printed, from, len) = sanitized_window("x (AFP) y", 2, 5);
        assert!(matches!(printed, std::borrow::Cow::Borrowed(_)));
        assert_eq!((from, len), (2, 5));
        // Line breaks print as one space each: no move.
        assert_eq!(sanitized_window("a\tb (AFP)", 4, 5).1, 4);
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
