//! Writers of [`CorpusStats`]: a human summary, JSON, and CSV in long ("tidy") form —
//! one row per `section,name,metric,value` — so one file loads into a data frame whole.

use super::interchange::csv_field;
use super::text::sanitize;
use crate::analyze::{CorpusStats, Verdict, VerdictCounts};
use std::io::{self, Write};

fn percent(x: f64) -> String {
    format!("{:.1}%", x * 100.0)
}

fn date(d: Option<crate::calendar::Date>) -> String {
    d.map_or_else(|| "-".to_string(), |d| d.to_string())
}

fn verdict_line(c: &VerdictCounts) -> String {
    Verdict::ALL
        .iter()
        .rev()
        .map(|&v| format!("{} {} ({})", c.verdicts[v], v, percent(c.share(v))))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A summary for people: totals, the top `top` outlets, verdicts per publication volume,
/// single-source share per month, the top `top` co-cited pairs, and the `top` articles with
/// the largest share of claims below two independent sources.
///
/// # Errors
/// Any error of the writer.
pub fn write_human(w: &mut dyn Write, s: &CorpusStats, top: usize) -> io::Result<()> {
    writeln!(
        w,
        "{} article{}, {} claim{}, {:.2} independent sources per claim on average",
        s.articles,
        if s.articles == 1 { "" } else { "s" },
        s.counts.claims,
        if s.counts.claims == 1 { "" } else { "s" },
        s.mean_independent_sources
    )?;
    writeln!(w, "verdicts: {}", verdict_line(&s.counts))?;

    writeln!(
        w,
        "\nOutlets by claims supported (top {top} of {})",
        s.outlets.len()
    )?;
    writeln!(
        w,
        "  {:>4}  {:<32} {:<11} {:>9} {:>8} {:>7}  {:<10}  {:<10}",
        "rank", "outlet", "kind", "citations", "claims", "alone", "first", "last"
    )?;
    for (i, o) in s.outlets.iter().take(top).enumerate() {
        writeln!(
            w,
            "  {:>4}  {:<32} {:<11} {:>9} {:>8} {:>7}  {:<10}  {:<10}",
            i + 1,
            sanitize(&o.outlet),
            o.kind.as_str(),
            o.citations,
            o.claims,
            o.sole_source_claims,
            date(o.first_cited),
            date(o.last_cited)
        )?;
    }

    writeln!(w, "\nVerdicts by publication and volume")?;
    for v in &s.by_volume {
        let name = if v.publication.is_empty() {
            "(no publication)".to_string()
        } else {
            sanitize(&v.publication)
        };
        let volume = v.volume.map_or_else(String::new, |n| format!(" vol. {n}"));
        writeln!(
            w,
            "  {name}{volume}: {} article{}, {} claims: {}",
            v.articles,
            if v.articles == 1 { "" } else { "s" },
            v.counts.claims,
            verdict_line(&v.counts)
        )?;
    }

    writeln!(w, "\nSingle-source share by month")?;
    for m in &s.by_month {
        let bar = "#".repeat((m.share * 40.0).round() as usize);
        writeln!(
            w,
            "  {:<7}  {:>7} claims  {:>7} single  {:>6}  {bar}",
            m.month,
            m.claims,
            m.single_source,
            percent(m.share)
        )?;
    }

    writeln!(
        w,
        "\nOutlets cited together (top {top} of {} pairs)",
        s.co_citations.len()
    )?;
    for p in s.co_citations.iter().take(top) {
        writeln!(
            w,
            "  {:>7}  {} + {}",
            p.claims,
            sanitize(&p.a),
            sanitize(&p.b)
        )?;
    }

    let weak = |c: &VerdictCounts| 1.0 - c.share(Verdict::Corroborated);
    let mut articles: Vec<_> = s
        .by_article
        .iter()
        .filter(|a| a.counts.claims > 0)
        .collect();
    articles.sort_by(|a, b| weak(&b.counts).total_cmp(&weak(&a.counts)));
    writeln!(
        w,
        "\nArticles with the largest share of claims below two independent sources (top {top})"
    )?;
    for a in articles.iter().take(top) {
        writeln!(
            w,
            "  {:>6}  {}#{} {} ({} claims)",
            percent(weak(&a.counts)),
            sanitize(&a.path),
            a.index + 1,
            sanitize(&a.label),
            a.counts.claims
        )?;
    }
    Ok(())
}

/// The statistics as one JSON document.
///
/// # Errors
/// Any error of the writer.
pub fn write_json(w: &mut dyn Write, s: &CorpusStats) -> io::Result<()> {
    let doc = serde_json::json!({
        "version": super::json::SCHEMA_VERSION,
        "stats": s,
    });
    serde_json::to_writer_pretty(&mut *w, &doc).map_err(io::Error::from)?;
    writeln!(w)
}

/// The statistics as CSV rows `section,name,metric,value`.
///
/// # Errors
/// Any error of the writer.
pub fn write_csv(w: &mut dyn Write, s: &CorpusStats) -> io::Result<()> {
    let mut row = |section: &str, name: &str, metric: &str, value: String| {
        writeln!(
            w,
            "{},{},{},{}",
            section,
            csv_field(name),
            metric,
            csv_field(&value)
        )
    };
    row("section", "name", "metric", "value".into())?;
    row("corpus", "", "articles", s.articles.to_string())?;
    row("corpus", "", "claims", s.counts.claims.to_string())?;
    row(
        "corpus",
        "",
        "mean_independent_sources",
        format!("{:.4}", s.mean_independent_sources),
    )?;
    for (v, n) in s.counts.verdicts.iter() {
        row("corpus", "", v.as_str(), n.to_string())?;
    }
    for o in &s.outlets {
        row("outlet", &o.outlet, "kind", o.kind.as_str().into())?;
        row("outlet", &o.outlet, "citations", o.citations.to_string())?;
        row("outlet", &o.outlet, "claims", o.claims.to_string())?;
        row(
            "outlet",
            &o.outlet,
            "sole_source_claims",
            o.sole_source_claims.to_string(),
        )?;
        row(
            "outlet",
            &o.outlet,
            "first_cited",
            o.first_cited.map_or_else(String::new, |d| d.to_string()),
        )?;
        row(
            "outlet",
            &o.outlet,
            "last_cited",
            o.last_cited.map_or_else(String::new, |d| d.to_string()),
        )?;
    }
    for v in &s.by_volume {
        let name = match v.volume {
            Some(n) => format!("{} vol. {n}", v.publication),
            None => v.publication.clone(),
        };
        row("volume", &name, "articles", v.articles.to_string())?;
        row("volume", &name, "claims", v.counts.claims.to_string())?;
        for (verdict, n) in v.counts.verdicts.iter() {
            row("volume", &name, verdict.as_str(), n.to_string())?;
        }
    }
    for m in &s.by_month {
        row("month", &m.month, "claims", m.claims.to_string())?;
        row(
            "month",
            &m.month,
            "single_source",
            m.single_source.to_string(),
        )?;
        row("month", &m.month, "share", format!("{:.4}", m.share))?;
    }
    for p in &s.co_citations {
        row(
            "co_citation",
            &format!("{} + {}", p.a, p.b),
            "claims",
            p.claims.to_string(),
        )?;
    }
    for a in &s.by_article {
        let name = format!("{}#{}", a.path, a.index + 1);
        row("article", &name, "label", a.label.clone())?;
        row(
            "article",
            &name,
            "month",
            a.month.as_deref().unwrap_or_default().to_string(),
        )?;
        row("article", &name, "claims", a.counts.claims.to_string())?;
        for (verdict, n) in a.counts.verdicts.iter() {
            row("article", &name, verdict.as_str(), n.to_string())?;
        }
    }
    Ok(())
}
