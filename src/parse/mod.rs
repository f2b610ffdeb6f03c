//! The parsing stage: a [`Document`] in, [`Article`]s with their citations and diagnostics
//! out. No I/O and no graph here.
//!
//! 1. [`layout`] splits the document into articles and paragraphs and reads headers;
//! 2. the article's year context comes from its header, volume or text ([`year`]);
//! 3. [`scan`] finds the balanced parenthetical groups of each paragraph;
//! 4. [`citation`] reads each group as references (with [`date`]) or names why it is not a
//!    citation;
//! 5. references are resolved against the outlet knowledge base and dates against the year.

pub mod attribution;
pub mod citation;
pub mod date;
pub mod layout;
pub mod scan;
pub mod year;

mod header;
mod pattern;
mod reference;

use header::{header_number, parse_header_date};
use reference::{build_citation, is_gloss};

use crate::calendar::Date;
use crate::diag::{DiagCode, Diagnostic, Severity};
use crate::input::Document;
use crate::model::{
    Article, Attribution, Citation, DateRef, NonCitationReason, OutletKind, Parenthetical,
    SourceRef, YearSource,
};
use crate::outlets::{Outlets, outlet_key};
use crate::span::Span;
use citation::{DraftCitation, GroupClass, classify_group, follows_name};
use pattern::Pattern;
use regex::Regex;
use year::{Unresolved, YearContext};

/// Choices that change how articles are parsed.
///
/// ```
/// use srcgraph::{input::Document, outlets::Outlets, parse::{parse_document, ParseOptions}};
/// let doc = Document::from_text("a.txt", "The minister said the talks failed (AFP, May 2).\n");
/// let full = parse_document(&doc, Outlets::builtin(), &ParseOptions::default());
/// assert_eq!(full[0].attributions[0].text, "The minister");
/// let cited = ParseOptions { citations_only: true, ..ParseOptions::default() };
/// let cited = parse_document(&doc, Outlets::builtin(), &cited);
/// assert!(cited[0].attributions.is_empty());
/// assert_eq!(cited[0].citations, full[0].citations);
/// ```
#[derive(Debug, Clone, Default)]
pub struct ParseOptions {
    /// Year for year-less dates when the header gives none (overrides the volume table).
    pub year: Option<i32>,
    /// Never infer an article's year from the years written in its text: without a header
    /// date, `year` or a volume, year-less dates stay `null`.
    pub strict_years: bool,
    /// The cue lexicon for sources named in the prose (`None`: the built-in one).
    pub cues: Option<std::sync::Arc<attribution::Cues>>,
    /// Read the parenthetical citations only: no source named in the prose is looked for,
    /// so every article's `attributions` stay empty. A date-only group still takes its
    /// outlet from the prose before it (`SourceRef::implied_outlet`: the citation grammar).
    /// About a third of the parse's time; verdicts then rest on the citations.
    pub citations_only: bool,
}

/// Parse every article of `doc`.
///
/// ```
/// use srcgraph::{input::Document, outlets::Outlets, parse::{parse_document, ParseOptions}};
/// let doc = Document::from_text("a.txt", "Publication: Monitor Volume: 7 Issue: 79\n\n\
///     Kim's visit was put off (AFP, April 20; Kyodo, April 16, 20).\n");
/// let articles = parse_document(&doc, Outlets::builtin(), &ParseOptions::default());
/// let refs = &articles[0].citations[0].refs;
/// assert_eq!(refs[1].canonical, "Kyodo");
/// assert_eq!(refs[1].dates[1].date.map(|d| d.to_string()).as_deref(), Some("2001-04-20"));
/// ```
///
/// Articles are parsed in parallel on the current rayon pool; the result does not depend on
/// the number of threads.
pub fn parse_document(doc: &Document, outlets: &Outlets, opts: &ParseOptions) -> Vec<Article> {
    use rayon::prelude::*;
    layout::split_articles(&doc.text, doc.start)
        .into_par_iter()
        .enumerate()
        .map(|(index, l)| parse_article(doc, index, &l, outlets, opts))
        .collect()
}

/// The articles of `doc` with their headers, titles and places only — no citation or
/// prose is read (a quick first look, e.g. to know every issue before building a graph
/// chunk by chunk). Each equals what [`parse_document`] gives, without citations,
/// parentheses, attributions or diagnostics.
pub fn article_heads(doc: &Document) -> Vec<Article> {
    layout::split_articles(&doc.text, doc.start)
        .iter()
        .enumerate()
        .map(|(index, l)| article_head(doc, index, l))
        .collect()
}

fn article_head(doc: &Document, index: usize, l: &layout::ArticleLayout) -> Article {
    let text = doc.text.as_str();
    let header = l
        .header
        .map(|h| layout::header_fields(l.paragraphs[h].slice(text)))
        .unwrap_or_default();
    let field = |key: &str| {
        header
            .iter()
            .find(|f| f.key.eq_ignore_ascii_case(key))
            .map(|f| f.value.as_str())
    };
    let number = |key: &str| field(key).and_then(header_number);
    let publication = field("publication")
        .filter(|p| !p.is_empty())
        .map(str::to_string);
    let volume = number("volume");
    let issue = number("issue")
        .or_else(|| number("number"))
        .or_else(|| number("no."));
    let date = field("date").and_then(parse_header_date);
    Article {
        path: doc.name.clone(),
        index,
        publication,
        volume,
        issue,
        date,
        year: None,
        year_source: YearSource::Unknown,
        header,
        title: l.title.map(|t| collapse_ws(l.paragraphs[t].slice(text))),
        header_paragraph: l.header,
        title_paragraph: l.title,
        line: doc.lines.position(text, l.span.start).line,
        span: l.span,
        paragraphs: l.paragraphs.clone(),
        citations: Vec::new(),
        other_parentheses: Vec::new(),
        attributions: Vec::new(),
        diagnostics: Vec::new(),
        text: None,
    }
}

// Kept out of line (it runs once per article): profiles and the instruction counts of
// docs/performance.md name it.
#[inline(never)]
fn parse_article(
    doc: &Document,
    index: usize,
    l: &layout::ArticleLayout,
    outlets: &Outlets,
    opts: &ParseOptions,
) -> Article {
    let mut article = article_head(doc, index, l);
    let pub_info = article
        .publication
        .as_deref()
        .and_then(|p| outlets.publication(p));
    let drafts = read_groups(doc, l, outlets, &mut article);
    let ctx = year_context(doc, l, opts, pub_info, &drafts, &mut article);
    for (pi, span, para, d) in drafts {
        let c = build_citation(
            doc,
            &mut article,
            pi,
            span,
            para,
            d,
            outlets,
            &ctx,
            pub_info,
        );
        article.citations.push(c);
    }
    if ctx.near.is_some() {
        // The article's year is that of the latest day its citations resolve to.
        article.year = article
            .citations
            .iter()
            .flat_map(|c| &c.refs)
            .flat_map(|r| &r.dates)
            .filter_map(|d| d.end.or(d.date))
            .max()
            .map(|d| d.year())
            .or(article.year);
    }
    one_unknown_year_warning(&mut article.diagnostics);
    if !opts.citations_only {
        article.attributions = prose_sources(doc, &article, outlets, opts);
    }
    article
}

/// The sources named in the prose of `article` (its citations read already).
fn prose_sources(
    doc: &Document,
    article: &Article,
    outlets: &Outlets,
    opts: &ParseOptions,
) -> Vec<Attribution> {
    // Every block but the header: a headline names sources too ("KYIV ACCUSES MOSCOW OF
    // …"), and so does a note in parentheses ("(NOTE: Seoul television showed …)"), though
    // neither is a claim.
    let body: Vec<(usize, Span)> = article
        .paragraphs
        .iter()
        .copied()
        .enumerate()
        .filter(|&(i, _)| Some(i) != article.header_paragraph)
        .collect();
    let cues = opts.cues.clone().unwrap_or_else(attribution::Cues::builtin);
    attribution::find_attributions(
        &doc.text,
        &doc.lines,
        &body,
        &article.citations,
        outlets,
        &cues,
    )
}

/// A citation group read, not yet resolved: its paragraph, span, the paragraph's span, and
/// the draft.
type Draft = (usize, Span, Span, DraftCitation);

/// The parenthetical groups of every body paragraph: citations as drafts; the others, and
/// stray parentheses, into the article (with a note for a group too long to read).
fn read_groups(
    doc: &Document,
    l: &layout::ArticleLayout,
    outlets: &Outlets,
    article: &mut Article,
) -> Vec<Draft> {
    let text = doc.text.as_str();
    let mut drafts = Vec::new();
    for (pi, &para) in l.paragraphs.iter().enumerate() {
        if Some(pi) == l.header {
            continue;
        }
        let found = scan::scan_paragraph(text, para);
        let stray = found
            .unclosed
            .iter()
            .map(|&at| {
                (
                    at,
                    DiagCode::UnclosedParen,
                    "`(` is not closed before the end of its paragraph",
                )
            })
            .chain(found.unopened.iter().map(|&at| {
                (
                    at,
                    DiagCode::UnopenedParen,
                    "`)` has no `(` before it in its paragraph",
                )
            }));
        for (at, code, message) in stray {
            let d = diag(doc, Severity::Warning, code, Span::new(at, at + 1), message);
            article.diagnostics.push(d);
        }
        for g in found.groups {
            let inner = g.inner();
            let link_target = text[..g.span.start].ends_with(']');
            let class = match classify_group(text, inner, outlets) {
                _ if link_target => GroupClass::Other(NonCitationReason::Link),
                GroupClass::Citation(d)
                    if is_gloss(text, &d, g.span.start, para.start, outlets) =>
                {
                    GroupClass::Other(NonCitationReason::Abbreviation)
                }
                c => c,
            };
            match class {
                GroupClass::Citation(d) => drafts.push((pi, g.span, para, d)),
                GroupClass::Other(reason) => {
                    if g.depth == 0
                        && reason == NonCitationReason::TooLong
                        && inner.len() > 10 * citation::MAX_GROUP_LEN
                    {
                        article.diagnostics.push(diag(
                            doc,
                            Severity::Note,
                            DiagCode::LongGroup,
                            g.span,
                            format!(
                                "parenthetical group of {} bytes is too long to be a citation; not parsed for sources",
                                g.span.len()
                            ),
                        ));
                    }
                    let pos = doc.lines.position(text, g.span.start);
                    article.other_parentheses.push(Parenthetical {
                        paragraph: pi,
                        line: pos.line,
                        column: pos.column,
                        span: g.span,
                        raw: clip(inner.slice(text), MAX_OTHER_RAW),
                        reason,
                    });
                }
            }
        }
    }
    drafts
}

/// The year context the article's dates resolve in: its header date, `--year`, its volume,
/// or (noted in the article) the full dates or years its text writes; then anchored on the
/// days its sources are cited at. The article's year and its source are set from it.
fn year_context(
    doc: &Document,
    l: &layout::ArticleLayout,
    opts: &ParseOptions,
    pub_info: Option<&crate::outlets::PublicationInfo>,
    drafts: &[Draft],
    article: &mut Article,
) -> YearContext {
    let text = doc.text.as_str();
    let mut ctx = match (article.date, opts.year, pub_info, article.volume) {
        (Some(d), _, _, _) => YearContext::from_date(d, YearSource::HeaderDate),
        (None, Some(y), _, _) => YearContext::from_year(y, YearSource::Given),
        (None, None, Some(p), Some(v)) => {
            YearContext::from_volume(p, v, article.issue).unwrap_or(YearContext::UNKNOWN)
        }
        _ => YearContext::UNKNOWN,
    };
    if ctx.year.is_none() && !opts.strict_years && drafts.iter().any(|d| needs_year(&d.3)) {
        let (inferred, message) = if let Some(own) = own_date(text, l) {
            (
                Some(YearContext::from_date(own, YearSource::Text)),
                format!(
                    "no header date or volume: year-less dates are placed before {own}, the date the article's title or closing line gives"
                ),
            )
        } else if let Some(full) = latest_full_date(drafts) {
            (
                Some(YearContext::near(full)),
                format!(
                    "no header date or volume: year-less dates are placed after {full}, the latest date the citations write in full, or at most 45 days before it"
                ),
            )
        } else if let Some(y) = year_from_prose(text, l, &article.other_parentheses, drafts) {
            (
                Some(YearContext::from_year(y, YearSource::Text)),
                format!(
                    "no header date or volume: year-less dates are taken to be in {y}, the year after the latest year written out in the text"
                ),
            )
        } else {
            (None, String::new())
        };
        if let Some(inferred) = inferred {
            ctx = inferred;
            article.diagnostics.push(diag(
                doc,
                Severity::Note,
                DiagCode::InferredYear,
                Span::new(l.span.start, l.span.start),
                message,
            ));
        }
    }
    // Back issues ("see the Monitor, April 2") may lie months back: the days the sources are
    // cited at date the article, when there are any.
    let mut cited: Vec<((u8, u8), bool)> = Vec::new();
    for (_, _, _, d) in drafts {
        for r in &d.refs {
            let back_issue = r.see || pub_info.is_some_and(|p| is_title_of(r.span.slice(text), p));
            for t in r.dates.iter().filter_map(|&i| d.dates.get(i)) {
                if let (None, Some(m), Some(day)) = (t.start.year, t.start.month, t.start.day) {
                    cited.push(((m, day), back_issue));
                }
            }
        }
    }
    let sources_only = cited.iter().any(|&(_, back)| !back);
    ctx = ctx.with_anchor_from(
        cited
            .iter()
            .filter(|&&(_, back)| !(sources_only && back))
            .map(|&(day, _)| day),
    );
    article.year = ctx.year;
    article.year_source = ctx.source;
    cap_diagnostics(&mut article.diagnostics);
    ctx
}

/// Dates without a year in an article whose year is unknown: one warning at the first, with
/// the count, instead of one per date.
fn one_unknown_year_warning(diags: &mut Vec<Diagnostic>) {
    let n = diags
        .iter()
        .filter(|d| d.code == DiagCode::UnknownYear)
        .count();
    if n < 2 {
        return;
    }
    let mut first = true;
    diags.retain_mut(|d| {
        if d.code != DiagCode::UnknownYear {
            return true;
        }
        if std::mem::take(&mut first) {
            d.message = format!(
                "{n} dates in this article, this one first, are written without a year and the article's year is unknown (give --year)"
            );
            return true;
        }
        false
    });
}

/// Most diagnostics of one code kept per article; a flood of 100 000 stray parentheses says
/// no more with all of them than with the first hundred and a count.
pub const MAX_DIAGNOSTICS_PER_CODE: usize = 100;

fn cap_diagnostics(diags: &mut Vec<Diagnostic>) {
    let mut counts: std::collections::BTreeMap<DiagCode, usize> = Default::default();
    let mut last_kept: std::collections::BTreeMap<DiagCode, Diagnostic> = Default::default();
    diags.retain(|d| {
        let n = counts.entry(d.code).or_insert(0);
        *n += 1;
        if *n <= MAX_DIAGNOSTICS_PER_CODE {
            last_kept.insert(d.code, d.clone());
        }
        *n <= MAX_DIAGNOSTICS_PER_CODE
    });
    for (code, n) in counts {
        if let (true, Some(last)) = (n > MAX_DIAGNOSTICS_PER_CODE, last_kept.get(&code)) {
            diags.push(Diagnostic {
                severity: Severity::Note,
                message: format!(
                    "{} more `{code}` diagnostics in this article are not listed",
                    n - MAX_DIAGNOSTICS_PER_CODE
                ),
                ..last.clone()
            });
        }
    }
}

/// True when `name` is a title of publication `p` ("Chechnya Weekly", "the Monitor"), compared
/// without allocating.
fn is_title_of(name: &str, p: &crate::outlets::PublicationInfo) -> bool {
    // Byte comparisons only: this runs for every reference of every article.
    fn without_the(s: &str) -> &[u8] {
        let b = s.trim().as_bytes();
        if b.len() > 4 && b[..4].eq_ignore_ascii_case(b"the ") {
            &b[4..]
        } else {
            b
        }
    }
    let name = without_the(name);
    std::iter::once(&p.name)
        .chain(&p.aliases)
        .any(|t| without_the(t).eq_ignore_ascii_case(name))
}

/// The latest date the citations write with its year ("18 September 1993", "January 1994":
/// a month alone counts as its 15th).
fn latest_full_date(drafts: &[(usize, Span, Span, DraftCitation)]) -> Option<Date> {
    drafts
        .iter()
        .flat_map(|d| &d.3.dates)
        .flat_map(|t| std::iter::once(t.start).chain(t.end))
        .filter_map(|p| Date::new(p.year?, p.month?, p.day.unwrap_or(15)))
        .max()
}

fn needs_year(d: &DraftCitation) -> bool {
    d.dates.iter().any(|t| t.start.year.is_none())
}

/// A written-out date with its year in prose: "on 12 March 1993", "July 21, 2000".
static PROSE_FULL_DATE: Pattern = Pattern::new(|| {
    Regex::new(r"(?i)\b(?:\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?)\s+((?:18|19|20|21)\d\d)\b")
        .expect("a built-in regex compiles (used by the tests)")
});

/// The date an article gives itself outside a header: in its title or masthead ("No. 2
/// (54), 6-12 January 1995": the last day of the range) or in a closing line in parentheses
/// ("(Prepared by the analysis group, 2 October 1996.)").
fn own_date(text: &str, l: &layout::ArticleLayout) -> Option<Date> {
    // The date must close its paragraph: a masthead's date, not an event in a title ("THE
    // 12 JUNE 1991 VOTE REVISITED").
    let last_full = |s: &str, closes: bool| {
        PROSE_FULL_DATE
            .with(|re| re.find_iter(s).last())
            .filter(|m| {
                !closes
                    || s[m.end()..]
                        .chars()
                        .all(|c| c.is_whitespace() || ".,;:)]".contains(c))
            })
            .and_then(|m| parse_header_date(m.as_str()))
    };
    let title = l
        .title
        .into_iter()
        .chain(l.header)
        .filter_map(|p| l.paragraphs.get(p))
        .find_map(|p| last_full(p.slice(text), true));
    if title.is_some() {
        return title;
    }
    let closing = l.paragraphs.last()?.slice(text).trim();
    let signed = closing.starts_with('(')
        && closing.ends_with(')')
        && ["prepared by", "compiled by", "written by", "filed by"]
            .iter()
            .any(|w| {
                closing[1..]
                    .trim_start()
                    .to_ascii_lowercase()
                    .starts_with(w)
            });
    if signed {
        last_full(closing, false)
    } else {
        None
    }
}

/// Style guides write a year out only when it is not the current one, so an article with no
/// header date or volume that writes "on 12 March 1993" in its prose is most likely from a
/// later year: the year after the latest such date. Dates inside citation groups do not
/// count (bulletins write full dates when citing their own issues).
fn year_from_prose(
    text: &str,
    l: &layout::ArticleLayout,
    others: &[Parenthetical],
    drafts: &[(usize, Span, Span, DraftCitation)],
) -> Option<i32> {
    let body = l.span.slice(text);
    // Spans of citation groups and short asides, sorted, for binary search; nested groups
    // overlap, so compare with the furthest end of any group opening before.
    let mut groups: Vec<Span> = drafts.iter().map(|d| d.1).collect();
    groups.extend(others.iter().filter(|o| o.raw.len() < 200).map(|o| o.span));
    groups.sort_unstable();
    let reach: Vec<usize> = groups
        .iter()
        .scan(0, |furthest, g| {
            *furthest = g.end.max(*furthest);
            Some(*furthest)
        })
        .collect();
    let inside = |at: usize| {
        let i = groups.partition_point(|g| g.start <= at);
        i > 0 && at < reach[i - 1]
    };
    PROSE_FULL_DATE.with(|re| {
        re.captures_iter(body)
            .filter_map(|c| c.get(1))
            .filter(|m| !inside(l.span.start + m.start()))
            .filter_map(|m| m.as_str().parse::<i32>().ok())
            .max()
            .map(|y| y + 1)
    })
}

fn diag(
    doc: &Document,
    sev: Severity,
    code: DiagCode,
    span: Span,
    msg: impl Into<String>,
) -> Diagnostic {
    Diagnostic::new(
        sev,
        code,
        span,
        doc.lines.position(&doc.text, span.start),
        msg,
    )
}

/// White space runs (line breaks of hard-wrapped text included) as one space.
pub fn collapse_ws(s: &str) -> String {
    // Most text has single spaces only: copy it whole.
    let b = s.as_bytes();
    let plain = s.is_ascii()
        && b.first().is_none_or(|&c| c != b' ')
        && b.last().is_none_or(|&c| c != b' ')
        && !b.windows(2).any(|w| w[0] == b' ' && w[1] == b' ')
        && !b.iter().any(|&c| c.is_ascii_whitespace() && c != b' ');
    if plain {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// Longest `raw` kept for a parenthesis that is not a citation; longer ones are cut (their
/// span still locates the whole), so 10 000 nested parentheses cannot give quadratic output.
pub const MAX_OTHER_RAW: usize = 1000;

/// `s` cut to at most `max` bytes on a character boundary, with "…" when cut.
fn clip(s: &str, max: usize) -> String {
    if s.len() <= max {
        return s.to_string();
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", &s[..end])
}

fn strip_quotes(s: &str) -> String {
    const Q: &[char] = &['"', '\u{201C}', '\u{201D}', '\u{00AB}', '\u{00BB}'];
    let t = s
        .trim_matches(Q)
        .trim_end_matches([',', '.'])
        .trim_matches(Q);
    t.trim().to_string()
}
