//! The HTML report: one self-contained file (inline CSS and SVG, no script, no network) that
//! an editor can open anywhere. For every article: its text with each claim highlighted by
//! verdict and each citation marked, the sources of a claim on hover (title) and on click
//! (a source card, shown with CSS `:target`), a table of findings linking into the text, and
//! the article's source graph. A corpus summary comes first when there are several articles.
//!
//! Every piece of article text and every name goes through [`escape_html`].

use crate::analyze::{ArticleSummary, ClaimReport, OutletSummary, Report, Verdict};
use crate::export::dot::{DotOptions, to_dot};
use crate::graph::SourceGraph;
use crate::input::Document;
use crate::model::Article;
use crate::pipeline::Analysis;
use crate::render::{Engine, ImageFormat, render};
use crate::span::Span;
use rayon::prelude::*;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::{self, Write};

/// Escape text for HTML element content and quoted attribute values.
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && !matches!(c, '\n' | '\t') => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// Options of the report.
#[derive(Debug, Clone, Copy)]
pub struct ReportOptions {
    /// Layout engine for the per-article graphs (`Builtin` needs no Graphviz).
    pub engine: Engine,
    /// Include the per-article source graphs.
    pub graphs: bool,
}

impl Default for ReportOptions {
    fn default() -> Self {
        ReportOptions {
            engine: Engine::Dot,
            graphs: true,
        }
    }
}

/// The style sheet up to the verdicts' backgrounds.
const CSS_HEAD: &str = r#"
body{font:15px/1.55 Georgia,"Times New Roman",serif;margin:0;color:#222;background:#fafafa}
header.top{background:#263238;color:#fff;padding:14px 28px}header.top h1{margin:0;font:600 20px system-ui,sans-serif}
main{max-width:1100px;margin:0 auto;padding:12px 28px 60px}
h2{font:600 18px system-ui,sans-serif;margin:32px 0 6px;border-bottom:2px solid #ccc;padding-bottom:4px}
h3{font:600 15px system-ui,sans-serif;margin:18px 0 6px}
table{border-collapse:collapse;font:13px system-ui,sans-serif;margin:6px 0 12px}
th,td{border:1px solid #ddd;padding:3px 8px;text-align:left;vertical-align:top}th{background:#eceff1}
.text p{margin:0 0 .8em}.text p.meta{font:13px system-ui,sans-serif;color:#666}
.claim{border-radius:3px;padding:1px 0;text-decoration:none;color:inherit}
.claim:hover,.claim:target{outline:2px solid #455a64}
"#;

/// The rest of the style sheet, after the verdicts' backgrounds ([`verdict_css`]).
const CSS_TAIL: &str = r#"mark.cite{background:none;border-bottom:2px solid #37474f;font-weight:600;color:#263238}
.badge{display:inline-block;border-radius:9px;padding:0 7px;font:12px system-ui,sans-serif}
.cards .card{display:none;border:1px solid #90a4ae;background:#fff;padding:6px 10px;margin:6px 0;font:13px system-ui,sans-serif}
.cards .card:target{display:block}
.graph{overflow:auto;border:1px solid #ddd;background:#fff;margin:8px 0}.graph svg{max-width:100%;height:auto}
.legend span{margin-right:10px}
"#;

/// The verdicts' backgrounds, in the colours the graph fills their claims with
/// ([`super::dot::verdict_colours`]), two to a line.
fn verdict_css() -> String {
    use crate::analyze::Verdict::{Corroborated, SelfReferenced, SingleSource, Unsourced};
    let mut css = String::new();
    for pair in [[Corroborated, SingleSource], [SelfReferenced, Unsourced]] {
        for v in pair {
            let (fill, _) = super::dot::verdict_colours(v);
            let _ = write!(css, ".v-{}{{background:{fill}}}", v.as_str());
        }
        css.push('\n');
    }
    css
}

fn verdict_badge(v: &str) -> String {
    format!("<span class=\"badge v-{v}\">{v}</span>")
}

fn claim_anchor(article: usize, claim: usize) -> String {
    format!("a{article}-c{claim}")
}

fn sources_text(c: &ClaimReport) -> String {
    let corr = &c.corroboration;
    let mut parts: Vec<String> = corr
        .sources
        .iter()
        .map(crate::analyze::SourceUse::describe)
        .collect();
    if corr.self_references > 0 {
        parts.push(format!(
            "{} reference(s) to the publication's own issues",
            corr.self_references
        ));
    }
    if parts.is_empty() {
        "no source".to_string()
    } else {
        parts.join("; ")
    }
}

/// What the report shows of one article ([`write_section`]).
#[derive(Debug)]
pub struct Section<'a> {
    /// The article's number in reading order (its anchor is `a{number}`).
    pub number: usize,
    /// Its label ("Monitor 7/79").
    pub label: &'a str,
    /// The article as parsed.
    pub article: &'a Article,
    /// Text holding the article, from byte `base` of the coordinates its spans use.
    pub text: &'a str,
    /// Where `text` starts in the article's coordinates.
    pub base: usize,
    /// Its claims, in text order.
    pub claims: Vec<&'a ClaimReport>,
    /// Its section graph ([`crate::graph::section`]) and the verdicts of the claims in
    /// it, when graphs are drawn.
    pub graph: Option<(SourceGraph, Report)>,
}

/// Write the report of `analysis`, whose articles come from `docs`.
///
/// # Errors
/// Any error of the writer. A graph that cannot be drawn is left out with a note, not an
/// error.
pub fn write_report(
    w: &mut dyn Write,
    docs: &[Document],
    analysis: &Analysis,
    opts: &ReportOptions,
) -> io::Result<()> {
    write_report_with_progress(w, docs, analysis, opts, &|| {})
}

/// [`write_report`], calling `article_done` (from any thread) as each article's section is
/// finished — its graph laid out, which takes most of the time — so a caller can show
/// progress.
///
/// # Errors
/// Any error of the writer.
pub fn write_report_with_progress(
    w: &mut dyn Write,
    docs: &[Document],
    analysis: &Analysis,
    opts: &ReportOptions,
    article_done: &(dyn Fn() + Sync),
) -> io::Result<()> {
    let report = &analysis.report;
    let mut h = report_head();
    if report.articles.len() > 1 {
        write_summary(&mut h, report.articles.iter(), &report.outlets);
    }
    // Each article's section on every core (drawing runs Graphviz once per article),
    // joined in input order.
    let docs: HashMap<&str, &Document> = docs.iter().map(|d| (d.name.as_str(), d)).collect();
    let mut claims: Vec<Vec<&ClaimReport>> = vec![Vec::new(); analysis.articles.len()];
    for c in &report.claims {
        if let Some(list) = claims.get_mut(c.article) {
            list.push(c);
        }
    }
    let sections: Vec<String> = analysis
        .articles
        .par_iter()
        .zip(claims)
        .enumerate()
        .map(|(ai, (a, claims))| {
            let mut h = String::new();
            if let Some(doc) = docs.get(a.path.as_str()) {
                let label = report
                    .articles
                    .get(ai)
                    .map_or_else(|| a.path.clone(), |s| s.label.clone());
                let graph = analysis
                    .graph
                    .articles
                    .get(ai)
                    .filter(|_| opts.graphs)
                    .map(|&an| {
                        let (g, pairs) =
                            crate::graph::section::article_section(&analysis.graph, an);
                        let verdicts = report.renumbered(&pairs);
                        (g, verdicts)
                    });
                let section = Section {
                    number: ai,
                    label: &label,
                    article: a,
                    text: &doc.text,
                    base: 0,
                    claims,
                    graph,
                };
                h = write_section(&section, opts);
            }
            article_done();
            h
        })
        .collect();
    for section in sections {
        h.push_str(&section);
    }
    h.push_str(REPORT_TAIL);
    w.write_all(h.as_bytes())
}

/// The end of the report, after the last section.
pub const REPORT_TAIL: &str = "</main></body></html>\n";

/// The report up to its summary: the page's head, style, title and verdict legend.
pub fn report_head() -> String {
    let mut h = String::new();
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\
         <title>srcgraph report</title><style>{CSS_HEAD}{}{CSS_TAIL}</style></head><body>\n\
         <header class=\"top\"><h1>srcgraph report: how each claim is sourced</h1></header><main>\n",
        verdict_css()
    );
    let _ = write!(h, "<p class=\"legend\">");
    for v in Verdict::ALL.iter().rev() {
        let _ = write!(h, "<span>{}</span>", verdict_badge(v.as_str()));
    }
    let _ = writeln!(
        h,
        " Hover over a highlighted claim to see its sources; click it to pin them.</p>"
    );
    h
}

/// The section of one article: heading, findings, source cards, text and graph.
pub fn write_section(s: &Section<'_>, opts: &ReportOptions) -> String {
    let mut h = String::new();
    let (a, ai, claims) = (s.article, s.number, &s.claims[..]);
    let _ = writeln!(
        h,
        "<section class=\"article\" id=\"a{ai}\"><h2>{}</h2>",
        escape_html(s.label)
    );
    let _ = writeln!(
        h,
        "<p class=\"meta\">{} · line {}</p>",
        escape_html(&a.path),
        a.line
    );
    write_findings(&mut h, ai, claims);
    let _ = writeln!(h, "<div class=\"cards\">");
    for c in claims {
        let _ = writeln!(
            h,
            "<div class=\"card\" id=\"{}-src\"><b>Claim at line {}:</b> {} — {} independent source{}: {}</div>",
            claim_anchor(ai, c.claim),
            c.line,
            verdict_badge(c.corroboration.verdict.as_str()),
            c.corroboration.independent_sources,
            if c.corroboration.independent_sources == 1 {
                ""
            } else {
                "s"
            },
            escape_html(&sources_text(c))
        );
    }
    let _ = writeln!(h, "</div>");
    write_text(&mut h, s);
    if let Some((g, verdicts)) = &s.graph {
        write_graph(&mut h, g, verdicts, a, opts);
    }
    let _ = writeln!(h, "</section>");
    h
}

/// The corpus summary (shown when the input holds more than one article): a row per
/// article, then the outlets most cited.
fn write_summary<'s>(
    h: &mut String,
    articles: impl Iterator<Item = &'s ArticleSummary>,
    outlets: &[OutletSummary],
) {
    h.push_str(&summary_head());
    for (i, a) in articles.enumerate() {
        h.push_str(&summary_row(i, a));
    }
    h.push_str(&summary_tail(outlets));
}

/// The corpus summary's opening, up to its first row.
pub fn summary_head() -> String {
    let mut h = String::new();
    let _ = writeln!(
        h,
        "<section id=\"summary\"><h2>Corpus summary</h2><table class=\"summary\"><tr><th>article</th><th>claims</th>"
    );
    for v in Verdict::ALL.iter().rev() {
        let _ = write!(h, "<th>{v}</th>");
    }
    let _ = writeln!(h, "<th>outlets</th></tr>");
    h
}

/// The summary's row of article number `i`.
pub fn summary_row(i: usize, a: &ArticleSummary) -> String {
    let mut h = String::new();
    let _ = write!(
        h,
        "<tr><td><a href=\"#a{i}\">{}</a></td><td>{}</td>",
        escape_html(&a.label),
        a.claims
    );
    for v in Verdict::ALL.iter().rev() {
        let _ = write!(h, "<td>{}</td>", a.verdicts.get(v).copied().unwrap_or(0));
    }
    let _ = writeln!(h, "<td>{}</td></tr>", a.outlets);
    h
}

/// The summary after its rows: the 25 outlets most cited (`outlets` sorted by
/// [`crate::analyze::sort_by_citations`]).
pub fn summary_tail(outlets: &[OutletSummary]) -> String {
    let mut h = String::new();
    let _ = writeln!(
        h,
        "</table><h3>Outlets most cited</h3><table class=\"outlets\"><tr><th>outlet</th><th>kind</th><th>citations</th><th>claims</th><th>sole source of</th></tr>"
    );
    for o in outlets.iter().take(25) {
        let _ = writeln!(
            h,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape_html(&o.outlet),
            o.kind,
            o.citations,
            o.claims,
            o.sole_source_claims
        );
    }
    let _ = writeln!(h, "</table></section>");
    h
}

fn write_findings(h: &mut String, ai: usize, claims: &[&ClaimReport]) {
    let weak: Vec<&&ClaimReport> = claims
        .iter()
        .filter(|c| {
            c.corroboration.verdict != Verdict::Corroborated || c.corroboration.collective_only
        })
        .collect();
    if weak.is_empty() {
        let _ = writeln!(
            h,
            "<p>Every claim has at least two independent sources.</p>"
        );
        return;
    }
    let _ = writeln!(
        h,
        "<table class=\"findings\"><tr><th>claim</th><th>verdict</th><th>sources</th></tr>"
    );
    for c in weak {
        let mut verdict = verdict_badge(c.corroboration.verdict.as_str());
        if c.corroboration.collective_only {
            verdict.push_str(" collective only");
        }
        let _ = writeln!(
            h,
            "<tr><td><a href=\"#{}\">line {}: {}</a></td><td>{verdict}</td><td>{}</td></tr>",
            claim_anchor(ai, c.claim),
            c.line,
            escape_html(&c.excerpt),
            escape_html(&sources_text(c))
        );
    }
    let _ = writeln!(h, "</table>");
}

/// The article's text, paragraph by paragraph; each claim a link (to its source card) with
/// its verdict's colour, each citation group marked.
fn write_text(h: &mut String, s: &Section<'_>) {
    let (text, a, ai, claims) = (s.text, s.article, s.number, &s.claims[..]);
    let cites: Vec<Span> = a.citations.iter().map(|c| c.span).collect();
    let _ = writeln!(h, "<div class=\"text\">");
    for (pi, &p) in a.paragraphs.iter().enumerate() {
        let meta = Some(pi) == a.header_paragraph || Some(pi) == a.title_paragraph;
        let _ = write!(h, "<p{}>", if meta { " class=\"meta\"" } else { "" });
        // Boundaries inside this paragraph: claim starts and ends, citation starts and ends.
        let mut marks: Vec<usize> = vec![p.start, p.end];
        let inside = |m: &usize| p.start < *m && *m < p.end;
        let near = |s: &Span| s.end > p.start && s.start < p.end;
        for c in claims.iter().filter(|c| near(&c.span)) {
            marks.extend([c.span.start, c.span.end].iter().filter(|m| inside(m)));
        }
        for s in cites.iter().filter(|s| near(s)) {
            marks.extend([s.start, s.end].iter().filter(|m| inside(m)));
        }
        marks.sort_unstable();
        marks.dedup();
        for w in marks.windows(2) {
            let piece = Span::new(w[0], w[1]);
            // Claims and citations are in text order: binary search keeps this linear-ish.
            let ci = claims.partition_point(|c| c.span.start <= piece.start);
            let claim = ci
                .checked_sub(1)
                .and_then(|i| claims.get(i))
                .filter(|c| piece.end <= c.span.end);
            let si = cites.partition_point(|s| s.start <= piece.start);
            let cited = cites[..si].iter().rev().take(8).any(|s| piece.end <= s.end);
            let local = Span::new(piece.start - s.base, piece.end - s.base);
            let body = escape_html(local.slice(text)).replace('\n', "<br>");
            let body = if cited {
                format!("<mark class=\"cite\">{body}</mark>")
            } else {
                body
            };
            match claim {
                Some(c) => {
                    let first = c.span.start == piece.start;
                    let _ = write!(
                        h,
                        "<a class=\"claim v-{}\"{} href=\"#{}-src\" title=\"{}: {}\">{body}</a>",
                        c.corroboration.verdict,
                        if first {
                            format!(" id=\"{}\"", claim_anchor(ai, c.claim))
                        } else {
                            String::new()
                        },
                        claim_anchor(ai, c.claim),
                        c.corroboration.verdict,
                        escape_html(&sources_text(c))
                    );
                }
                None => h.push_str(&body),
            }
        }
        let _ = writeln!(h, "</p>");
    }
    let _ = writeln!(h, "</div>");
}

/// An article whose neighbourhood (two edges around it) has more edges than this gets no
/// drawing in the report: Graphviz's `dot` is superlinear (on generated articles with many
/// relays between their outlets, 230 edges took 1.3 s, 310 took 6 s, 390 took 24 s) and
/// the picture could not be read.
pub const MAX_DRAWN_EDGES: usize = 300;

/// The article's neighbourhood in the source graph, drawn as inline SVG.
fn write_graph(
    h: &mut String,
    g: &SourceGraph,
    verdicts: &Report,
    a: &Article,
    opts: &ReportOptions,
) {
    let edges = g.graph.edge_count();
    if edges > MAX_DRAWN_EDGES {
        let command = format!(
            "srcgraph render --focus {} {} -o article.svg",
            shell_quote(&format!("{}#{}", a.path, a.index + 1)),
            shell_quote(&a.path)
        );
        let _ = writeln!(
            h,
            "<h3>Source graph</h3>\n<p class=\"meta\">Not drawn: the article's neighbourhood \
             has {edges} edges (more than {MAX_DRAWN_EDGES} cannot be laid out legibly here); \
             <code>{}</code> draws it alone.</p>",
            escape_html(&command)
        );
        return;
    }
    let dot = to_dot(
        g,
        verdicts,
        &DotOptions {
            legend: false,
            ..DotOptions::default()
        },
    );
    let _ = writeln!(h, "<h3>Source graph</h3>");
    match render(&dot, ImageFormat::Svg, opts.engine) {
        Ok(d) => {
            let svg = String::from_utf8_lossy(&d.bytes);
            // Inline the <svg> element only: no XML declaration or doctype inside HTML.
            let start = svg.find("<svg").unwrap_or(0);
            let _ = writeln!(h, "<div class=\"graph\">{}</div>", &svg[start..]);
            if let Some(w) = d.warning {
                let _ = writeln!(h, "<p class=\"meta\">{}</p>", escape_html(&w));
            }
        }
        Err(e) => {
            let _ = writeln!(
                h,
                "<p class=\"meta\">The graph could not be drawn: {}</p>",
                escape_html(&e.to_string())
            );
        }
    }
}

/// `s` quoted for a POSIX shell (single quotes), for commands shown to copy.
fn shell_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', "'\\''"))
}
