//! Writers of [`CorpusStats`]: a human summary, JSON, and CSV in long ("tidy") form —
//! one row per `section,name,metric,value` — so one file loads into a data frame whole.
//!
//! The per-article rows are read from an [`ArticleRows`], one at a time: the statistics'
//! own `by_article` (`&mut st.by_article.as_slice()`), or a store the caller kept them in,
//! so the writers hold no more than the `top` rows the summary lists.

use super::interchange::csv_writer;
use super::text::{count, sanitize, top_of};
use crate::analyze::{ArticleRows, ArticleStats, CorpusStats, Verdict, VerdictCounts};
use serde::Serialize;
use serde_json::Value;
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
/// the largest share of claims below two independent sources (of `rows`; ties in input
/// order).
///
/// # Errors
/// Any error of the writer or of reading `rows`.
pub fn write_human(
    w: &mut dyn Write,
    s: &CorpusStats,
    rows: &mut dyn ArticleRows,
    top: usize,
) -> io::Result<()> {
    writeln!(
        w,
        "{}, {}, {:.2} independent sources per claim on average",
        count(s.articles, "article", "articles"),
        count(s.counts.claims, "claim", "claims"),
        s.mean_independent_sources
    )?;
    writeln!(w, "verdicts: {}", verdict_line(&s.counts))?;

    writeln!(
        w,
        "\nOutlets by claims supported ({})",
        top_of(top, s.outlets.len(), "outlets")
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
            sanitize(&v.publication).into_owned()
        };
        let volume = v.volume.map_or_else(String::new, |n| format!(" vol. {n}"));
        writeln!(
            w,
            "  {name}{volume}: {}, {}: {}",
            count(v.articles, "article", "articles"),
            count(v.counts.claims, "claim", "claims"),
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
        "\nOutlets cited together ({})",
        top_of(top, s.co_citations.len(), "pairs")
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

    writeln!(
        w,
        "\nArticles with the largest share of claims below two independent sources (top {top})"
    )?;
    for a in weakest_articles(rows, top)? {
        writeln!(
            w,
            "  {:>6}  {}#{} {} ({})",
            percent(weakness(&a.counts)),
            sanitize(&a.path),
            a.index + 1,
            sanitize(&a.label),
            count(a.counts.claims, "claim", "claims")
        )?;
    }
    Ok(())
}

/// The share of claims below two independent sources.
fn weakness(c: &VerdictCounts) -> f64 {
    1.0 - c.share(Verdict::Corroborated)
}

/// The `top` rows with claims and the largest [`weakness`], largest first, ties in input
/// order — kept in a heap of `top`, so any number of rows passes through.
fn weakest_articles(rows: &mut dyn ArticleRows, top: usize) -> io::Result<Vec<ArticleStats>> {
    use std::cmp::{Ordering, Reverse};
    use std::collections::BinaryHeap;
    /// A row ranked: weaker first, then earlier first (`Ord`'s greatest is the best).
    struct Ranked(f64, Reverse<usize>, ArticleStats);
    impl Ord for Ranked {
        fn cmp(&self, o: &Self) -> Ordering {
            self.0.total_cmp(&o.0).then(self.1.cmp(&o.1))
        }
    }
    impl PartialOrd for Ranked {
        fn partial_cmp(&self, o: &Self) -> Option<Ordering> {
            Some(self.cmp(o))
        }
    }
    impl PartialEq for Ranked {
        fn eq(&self, o: &Self) -> bool {
            self.cmp(o) == Ordering::Equal
        }
    }
    impl Eq for Ranked {}
    if top == 0 {
        return Ok(Vec::new());
    }
    // The worst kept row on top, to be dropped for a better one.
    let mut kept: BinaryHeap<Reverse<Ranked>> = BinaryHeap::new();
    for (pos, row) in rows.rows().enumerate() {
        let row = row?;
        if row.counts.claims == 0 {
            continue;
        }
        kept.push(Reverse(Ranked(weakness(&row.counts), Reverse(pos), row)));
        if kept.len() > top {
            kept.pop();
        }
    }
    let mut best: Vec<Ranked> = kept.into_iter().map(|Reverse(r)| r).collect();
    best.sort_by(|a, b| b.cmp(a));
    Ok(best.into_iter().map(|r| r.2).collect())
}

/// The statistics as one JSON document, `by_article` read from `rows`: keys in
/// alphabetical order at every level (as a `serde_json::Value` prints them), the rows
/// written as they are read.
///
/// # Errors
/// Any error of the writer or of reading `rows`.
pub fn write_json(
    w: &mut dyn Write,
    s: &CorpusStats,
    rows: &mut dyn ArticleRows,
) -> io::Result<()> {
    let doc = Document {
        stats: Stats {
            s,
            rows: std::cell::RefCell::new(rows),
        },
        version: super::json::SCHEMA_VERSION,
    };
    serde_json::to_writer_pretty(&mut *w, &doc).map_err(io::Error::from)?;
    writeln!(w)
}

/// The JSON document of [`write_json`].
#[derive(Serialize)]
struct Document<'a> {
    stats: Stats<'a>,
    version: u32,
}

/// [`CorpusStats`] with its rows read from an [`ArticleRows`]: the map its derived
/// `Serialize` gives, keys sorted.
struct Stats<'a> {
    s: &'a CorpusStats,
    rows: std::cell::RefCell<&'a mut dyn ArticleRows>,
}

impl Serialize for Stats<'_> {
    fn serialize<S: serde::Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let s = self.s;
        let mut m = ser.serialize_map(None)?;
        m.serialize_entry("articles", &s.articles)?;
        m.serialize_entry("by_article", &Rows(&self.rows))?;
        m.serialize_entry("by_month", &sorted::<_, S::Error>(&s.by_month)?)?;
        m.serialize_entry("by_volume", &sorted::<_, S::Error>(&s.by_volume)?)?;
        m.serialize_entry("claims", &s.counts.claims)?;
        m.serialize_entry("co_citations", &sorted::<_, S::Error>(&s.co_citations)?)?;
        m.serialize_entry("mean_independent_sources", &s.mean_independent_sources)?;
        m.serialize_entry("outlets", &sorted::<_, S::Error>(&s.outlets)?)?;
        m.serialize_entry("verdicts", &sorted::<_, S::Error>(&s.counts.verdicts)?)?;
        m.end()
    }
}

/// The rows of [`Stats`], each with its keys sorted.
struct Rows<'r, 'a>(&'r std::cell::RefCell<&'a mut dyn ArticleRows>);

impl Serialize for Rows<'_, '_> {
    fn serialize<S: serde::Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{Error, SerializeSeq};
        let mut rows = self.0.borrow_mut();
        let mut seq = ser.serialize_seq(None)?;
        for row in rows.rows() {
            let row = row.map_err(S::Error::custom)?;
            seq.serialize_element(&sorted::<_, S::Error>(&row)?)?;
        }
        seq.end()
    }
}

/// `x` as a `serde_json::Value`, whose maps print with their keys sorted.
fn sorted<T: Serialize, E: serde::ser::Error>(x: &T) -> Result<Value, E> {
    serde_json::to_value(x).map_err(E::custom)
}

/// The statistics as CSV rows `section,name,metric,value`, the article rows read from
/// `rows`.
///
/// # Errors
/// Any error of the writer or of reading `rows`.
pub fn write_csv(w: &mut dyn Write, s: &CorpusStats, rows: &mut dyn ArticleRows) -> io::Result<()> {
    let mut csv = csv_writer(w);
    let mut row = |section: &str, name: &str, metric: &str, value: String| {
        csv.write_record([section, name, metric, &value])
            .map_err(io::Error::from)
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
    for a in rows.rows() {
        let a = a?;
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
    csv.flush()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::Pipeline;

    fn stats_of(text: &str) -> CorpusStats {
        let a = Pipeline::default().run(&[crate::input::Document::from_text("c.txt", text)]);
        crate::analyze::corpus_stats(&a.graph, &a.report)
    }

    /// A corpus of `n` articles with different mixes of sourced and unsourced claims, many
    /// of them tied.
    fn corpus(n: usize) -> String {
        (0..n)
            .map(|i| {
                let mut a = format!("Publication: Monitor Volume: {} Issue: {i}\n\n", i % 3 + 1);
                for k in 0..(i % 4 + 1) {
                    if (i + k) % 3 == 0 {
                        a.push_str("A claim (AFP, April 2; Kyodo, April 3).\n\n");
                    } else if (i * k) % 2 == 0 {
                        a.push_str("A claim (Kyodo, April 4).\n\n");
                    } else {
                        a.push_str("A claim with nothing.\n\n");
                    }
                }
                a
            })
            .collect()
    }

    /// The JSON document is what a `serde_json::Value` of the statistics prints: every key
    /// sorted, at every level, rows included.
    #[test]
    fn json_keys_are_sorted_as_a_value_prints_them() {
        let st = stats_of(&corpus(9));
        let mut got = Vec::new();
        write_json(&mut got, &st, &mut st.by_article.as_slice()).expect("json");
        let want = serde_json::to_string_pretty(&serde_json::json!({
            "version": super::super::json::SCHEMA_VERSION,
            "stats": st,
        }))
        .expect("json")
            + "\n";
        assert_eq!(String::from_utf8(got).expect("utf-8"), want);
    }

    /// The weakest articles are those a stable sort by weakness puts first, whatever `top`.
    #[test]
    fn weakest_articles_are_the_first_of_a_stable_sort() {
        let st = stats_of(&corpus(40));
        let mut all: Vec<&ArticleStats> = st
            .by_article
            .iter()
            .filter(|a| a.counts.claims > 0)
            .collect();
        all.sort_by(|a, b| weakness(&b.counts).total_cmp(&weakness(&a.counts)));
        for top in [0, 1, 3, 7, 39, 40, 100] {
            let got = weakest_articles(&mut st.by_article.as_slice(), top).expect("rows");
            let want: Vec<ArticleStats> = all.iter().take(top).map(|&a| a.clone()).collect();
            assert_eq!(got, want, "top {top}");
        }
    }

    /// A read error of the rows is an error of the writers, not a short table.
    #[test]
    fn a_row_that_cannot_be_read_fails_the_writers() {
        struct Broken;
        impl ArticleRows for Broken {
            fn rows(&mut self) -> Box<dyn Iterator<Item = io::Result<ArticleStats>> + '_> {
                Box::new(std::iter::once(Err(io::Error::other("disk gone"))))
            }
        }
        let st = stats_of(&corpus(2));
        let mut out = Vec::new();
        assert!(write_json(&mut out, &st, &mut Broken).is_err());
        assert!(write_csv(&mut out, &st, &mut Broken).is_err());
        assert!(write_human(&mut out, &st, &mut Broken, 5).is_err());
    }
}
