//! A citation group read into a [`Citation`]: each reference resolved against the outlet
//! knowledge base and each date against the article's year; an outlet named just before a
//! group of dates only ("Kyodo reported (April 2)") is implied; a gloss ("Independent
//! Television (NTV)") is no citation.

use super::*;

/// A dated "citation" made only of one strong outlet right after a capitalised name is still
/// a gloss when it has no date: "Independent Television (NTV)".
pub(super) fn is_gloss(
    text: &str,
    d: &DraftCitation,
    open: usize,
    floor: usize,
    outlets: &Outlets,
) -> bool {
    d.dates.is_empty()
        && d.refs.len() == 1
        && !d.refs[0].see
        && outlets
            .lookup(d.refs[0].span.slice(text))
            .is_none_or(|o| o.kind != OutletKind::Bulletin)
        && follows_name(text, open, floor)
}

#[allow(clippy::too_many_arguments)]
pub(super) fn build_citation(
    doc: &Document,
    article: &mut Article,
    paragraph: usize,
    span: Span,
    para: Span,
    d: DraftCitation,
    outlets: &Outlets,
    ctx: &YearContext,
    pub_info: Option<&crate::outlets::PublicationInfo>,
) -> Citation {
    let text = doc.text.as_str();
    let mut dates = Vec::with_capacity(d.dates.len());
    for t in &d.dates {
        let (date, end) = match year::resolve(ctx, t.start, t.end) {
            Ok((s, e)) => (Some(s), e),
            Err(why) => {
                let (code, msg) = match why {
                    Unresolved::UnknownYear => (
                        DiagCode::UnknownYear,
                        "the year of this date is not written and the article's year is unknown (give --year)",
                    ),
                    Unresolved::Invalid => (DiagCode::InvalidDate, "this date does not exist"),
                    Unresolved::NoMonth => (DiagCode::InvalidDate, "no month found for this day"),
                    Unresolved::NoDay => (
                        DiagCode::InvalidDate,
                        "a month without a day names no single date",
                    ),
                };
                article
                    .diagnostics
                    .push(diag(doc, Severity::Warning, code, t.span, msg));
                (None, None)
            }
        };
        dates.push(DateRef {
            text: collapse_ws(t.span.slice(text)),
            date,
            end,
            span: t.span,
        });
    }
    let own = pub_info.map(|p| outlet_key(&p.name));
    let no_outlet = d.refs.iter().all(|r| r.span.is_empty());
    let implied = if no_outlet {
        implied_outlet(text, Span::new(para.start, span.start), outlets)
    } else {
        None
    };
    let refs = d
        .refs
        .into_iter()
        .map(|r| {
            let written = strip_quotes(&collapse_ws(r.span.slice(text)));
            let info = outlets.lookup(&written);
            // A publication is also an outlet of kind bulletin: ask only then.
            let publication = info
                .filter(|o| o.kind == OutletKind::Bulletin)
                .and_then(|_| outlets.publication(&written));
            let cross_reference = publication
                .is_some_and(|p| r.see || own.as_deref() == Some(outlet_key(&p.name).as_str()))
                || r.see && info.is_none() && names_own_title(&written, article.title.as_deref());
            let at = doc.lines.position(text, r.span.start);
            SourceRef {
                line: at.line,
                column: at.column,
                canonical: info.map_or_else(|| written.clone(), |o| o.name.clone()),
                kind: info.map_or(OutletKind::Unknown, |o| o.kind),
                country: info.and_then(|o| o.country.clone()),
                group: info.and_then(|o| o.group.clone()),
                cross_reference,
                dates: r
                    .dates
                    .iter()
                    .filter_map(|&i| dates.get(i).cloned())
                    .collect(),
                relays: r.relays,
                implied_outlet: implied.clone().filter(|_| written.is_empty()),
                span: r.span,
                outlet: written,
            }
        })
        .collect();
    let pos = doc.lines.position(text, span.start);
    Citation {
        paragraph,
        line: pos.line,
        column: pos.column,
        span,
        raw: Span::new(span.start + 1, span.end - 1)
            .slice(text)
            .to_string(),
        refs,
    }
}

/// A run of capitalised words: a candidate outlet name in prose.
static CAPITALISED_RUN: Pattern = Pattern::new(|| {
    Regex::new(r"[A-Z][\w.&’'-]*(?:[ \t]+(?:[A-Z][\w.&’'-]*|of|and|de|i))*")
        .expect("a built-in regex compiles (used by the tests)")
});

/// How far back in its paragraph a date-only group looks for the outlet named in prose.
const IMPLIED_WINDOW: usize = 400;

/// The last known outlet named in `before` (the paragraph up to a date-only group):
/// "…quoted by the Japanese news agency Kyodo as favouring a slower pace (9 June)".
fn implied_outlet(text: &str, before: Span, outlets: &Outlets) -> Option<String> {
    let mut from = before.end.saturating_sub(IMPLIED_WINDOW).max(before.start);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let mut window = text.get(from..before.end)?;
    // Only prose counts: start after the last parenthetical group before this one.
    if let Some(i) = window.rfind(')') {
        window = &window[i + 1..];
    }
    CAPITALISED_RUN.with(|run| {
        let mut found = None;
        for m in run.find_iter(window) {
            let words: Vec<&str> = m.as_str().split_whitespace().collect();
            for k in 0..words.len() {
                let cand = words[k..].join(" ");
                if let Some(o) = outlets.lookup(&cand)
                    && !matches!(o.kind, OutletKind::Bulletin | OutletKind::Collective)
                {
                    found = Some(cand);
                    break;
                }
            }
        }
        found
    })
}

/// True when `written` ("the Digest") names the article's own title ("BALTIC WEEKLY
/// DIGEST"): every word of it, "the" left out, is a word of the title. A "see" reference
/// to an unknown title that the article bears points to one of its own issues.
fn names_own_title(written: &str, title: Option<&str>) -> bool {
    let Some(title) = title else {
        return false;
    };
    let title_words: Vec<String> = title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let mut words = written
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !w.eq_ignore_ascii_case("the"))
        .peekable();
    words.peek().is_some()
        && words.all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && title_words.contains(&w.to_lowercase())
        })
}
