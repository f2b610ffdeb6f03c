//! Sources named in the running text: "the news agency Yonhap said", "according to reports
//! from the capital", "one unnamed diplomatic source was quoted as saying", "told Interfax",
//! "the minister's insistence that".
//!
//! The method, one module a step:
//!
//! 1. `lexicon`: the cue lexicon (`src/data/cues.toml`: verbs in every inflection, nominal
//!    cues, phrases, frames) and the words of sources' phrases (`src/data/sources.toml`:
//!    roles, bodies, outlet and document nouns, places), compiled once into one table;
//!    `--cues FILE` extends it.
//! 2. `tokens`: each sentence becomes words and marks with spans, lower case and their
//!    lexicon entry; headings become breaks.
//! 3. `matcher` and `verbal`: every cue of the sentence looks for its source, one
//!    function per cue class; `phrase` finds where a source's phrase starts and ends,
//!    `gap` what may stand between a subject and its verb (adverbs, dates, parentheses,
//!    appositives, relative clauses), `subject` coordination and the checks that keep a
//!    phrase that is not a subject out.
//! 4. `typing`: each phrase found is typed; a phrase that names no source (a pronoun, a
//!    place, a nationality, a date) is dropped here, so no rule can invent a source.
//! 5. `coref`: surnames, roles, documents and outlet nouns that refer back to an earlier
//!    mention are linked to it.
//!
//! Left out on purpose: pronoun subjects, agentless passives ("it was said"), negated and
//! modal verbs ("would not say"), poll figures ("54 percent of Russians believe").

mod coref;
mod gap;
mod lexicon;
mod matcher;
mod phrase;
mod subject;
mod table;
mod tokens;
mod typing;
mod verbal;

pub use lexicon::{Cues, CuesError};

use crate::model::{Attribution, Citation, SourceType};
use crate::outlets::Outlets;
use crate::sentence::sentences;
use crate::span::{LineIndex, Span};
use matcher::{Sentence, match_sentence};
use tokens::{Tok, lower_in_place_len};

/// Find the prose attributions of the body paragraphs `paras` (index, span) of one article;
/// `citations` are the article's citation groups (sources inside them are the parser's).
pub fn find_attributions(
    text: &str,
    lines: &LineIndex,
    paras: &[(usize, Span)],
    citations: &[Citation],
    outlets: &Outlets,
    cues: &Cues,
) -> Vec<Attribution> {
    let mut out = Vec::new();
    let mut mentions = Vec::new();
    let mut buf: Vec<Tok<'_>> = Vec::new();
    // The paragraphs in lower case, once: tokens borrow their lower case from here.
    let base = paras.iter().map(|p| p.1.start).min().unwrap_or(0);
    let end = paras.iter().map(|p| p.1.end).max().unwrap_or(base);
    let mut low = String::new();
    lower_in_place_len(&text[base..end], &mut low);
    let cited: Vec<Span> = citations.iter().map(|c| c.span).collect();
    let mut named = Vec::new();
    let mut found = Vec::new();
    for &(pi, para) in paras {
        for sentence in sentences(text, para) {
            let mut at = sentence.start;
            while at < sentence.end {
                let next = tokens::tokens(text, &low, base, sentence, at, cues, &mut buf);
                coref::collect_people(&buf, cues, &mut named);
                if buf.iter().any(|t| t.info.is(lexicon::class::CUE)) {
                    found.clear();
                    let mut s = Sentence {
                        toks: &buf,
                        cues,
                        outlets,
                        found,
                        deferred: Vec::new(),
                    };
                    match_sentence(&mut s);
                    records(text, lines, pi, &cited, &s, &mut out, &mut mentions);
                    found = s.found;
                }
                if next <= at {
                    break;
                }
                at = next;
            }
        }
    }
    outlets_the_article_cites(citations, &mut out);
    websites_the_article_cites(citations, &mut out);
    let mut pairs: Vec<(Attribution, coref::Mention)> = out.into_iter().zip(mentions).collect();
    pairs.sort_by_key(|(a, _)| (a.span.start, a.span.end));
    let (mut out, mentions): (Vec<Attribution>, Vec<coref::Mention>) = pairs.into_iter().unzip();
    coref::resolve(
        text,
        (&low, base),
        lines,
        citations,
        &named,
        &mut out,
        &mentions,
    );
    coref::confirm_capitals_names(text, paras, &named, cues, &mut out);
    coref::headlines_refer_forward(text, lines, cues, &mut out);
    out
}

/// A name typed as a person that the article's own citations give as an outlet is that
/// outlet: "According to Ekonomicheskaya Pravda, …" beside "(Ekonomicheskaya Pravda, June
/// 19)", though no list knows the paper.
fn outlets_the_article_cites(citations: &[Citation], found: &mut [Attribution]) {
    if citations.is_empty() || !found.iter().any(|a| a.kind == SourceType::Person) {
        return;
    }
    // Each cited outlet's key, once per article (names as written, and their keys).
    let cited: Vec<(&crate::model::SourceRef, String)> = citations
        .iter()
        .flat_map(|c| &c.refs)
        .filter(|r| !r.outlet.is_empty() && !r.cross_reference)
        .map(|r| (r, crate::outlets::outlet_key(&r.outlet)))
        .collect();
    for a in found.iter_mut().filter(|a| a.kind == SourceType::Person) {
        // Keys only for names of about the same length: most persons are no outlet.
        let near = |(r, _): &&(&crate::model::SourceRef, String)| {
            r.outlet.len().abs_diff(a.text.len()) <= 6
        };
        if !cited.iter().any(|c| near(&c)) {
            continue;
        }
        let key = crate::outlets::outlet_key(&a.text);
        if let Some((r, _)) = cited.iter().filter(near).find(|(_, k)| *k == key) {
            a.kind = SourceType::Outlet;
            a.canonical = Some(r.canonical.clone());
        }
    }
}

/// An organisation's website named in the prose ("posted on the Naftogaz website") that the
/// article cites by its address ("(www.naftogaz.com, January 2)") is that cited outlet: one
/// source, not two.
fn websites_the_article_cites(citations: &[Citation], found: &mut [Attribution]) {
    const SITE: [&str; 4] = [" website", " web site", " site", " homepage"];
    // The suffix compared byte for byte, ASCII case ignored (the name stays as written).
    let site_suffix = |t: &str| {
        SITE.iter().copied().find(|w| {
            t.len() > w.len()
                && t.is_char_boundary(t.len() - w.len())
                && t[t.len() - w.len()..].eq_ignore_ascii_case(w)
        })
    };
    let is_site = |a: &Attribution| a.kind == SourceType::Outlet && site_suffix(&a.text).is_some();
    if citations.is_empty() || !found.iter().any(is_site) {
        return;
    }
    // The first label of each cited web address ("naftogaz" of "www.naftogaz.com").
    let label = |key: &str| -> Option<String> {
        let host = key.split('/').next()?;
        let mut parts = host.split('.');
        let first = parts.next()?;
        parts.next()?; // an address has a dot
        Some(first.to_string())
    };
    let cited: Vec<(&crate::model::SourceRef, String)> = citations
        .iter()
        .flat_map(|c| &c.refs)
        .filter(|r| !r.outlet.is_empty() && !r.cross_reference && !r.outlet.contains(' '))
        .filter_map(|r| Some((r, label(&crate::outlets::outlet_key(&r.outlet))?)))
        .collect();
    for a in found.iter_mut().filter(|a| is_site(a)) {
        let Some(w) = site_suffix(&a.text) else {
            continue;
        };
        let name = crate::outlets::outlet_key(&a.text[..a.text.len() - w.len()]);
        if let Some((r, _)) = cited.iter().find(|(_, l)| *l == name) {
            a.canonical = Some(r.canonical.clone());
        }
    }
}

/// True when `span` lies inside one of the citation groups `cited` (sorted by start).
fn inside_citation(cited: &[Span], span: Span) -> bool {
    let k = cited.partition_point(|c| c.start <= span.start);
    k > 0 && cited[..k].iter().rev().take(4).any(|c| span.end <= c.end)
}

/// The sentence's finds as attributions (and what coreference needs of each).
fn records(
    text: &str,
    lines: &LineIndex,
    paragraph: usize,
    cited: &[Span],
    s: &Sentence<'_, '_>,
    out: &mut Vec<Attribution>,
    mentions: &mut Vec<coref::Mention>,
) {
    // A holder's possessive is not part of its name: "the ministry" of "the ministry's".
    let span_of = |(a, b): (usize, usize)| {
        let last = &s.toks[b - 1];
        let end = if last.has(tokens::POSS) {
            last.span.start + last.lo.len()
        } else {
            last.span.end
        };
        Span::new(s.toks[a].span.start, end)
    };
    // Tokens one space apart are the text as written; other white space is collapsed.
    let text_of = |(a, b): (usize, usize)| {
        let single = s.toks[a..b]
            .windows(2)
            .all(|w| w[1].span.start - w[0].span.end <= 1);
        let slice = span_of((a, b)).slice(text);
        if single && !slice.contains(['\n', '\t', '\r']) {
            slice.to_string()
        } else {
            crate::parse::collapse_ws(slice)
        }
    };
    // Most sentences hold no document and no quotation: the checks that look at the whole
    // sentence for each find run only where they can apply.
    let documents = s.found.iter().any(|f| f.typed.kind == SourceType::Document);
    let quotations = s.toks.iter().any(|t| matches!(t.s, "“" | "«" | "\""));
    let dropped: Vec<bool> = s
        .found
        .iter()
        .enumerate()
        .map(|(i, f)| {
            inside_citation(cited, span_of(f.np))
                || documents && matcher::author_inside_document(&s.found, i)
                || quotations && matcher::inside_quotation(text, s.toks, f)
        })
        .collect();
    for (i, f) in s.found.iter().enumerate() {
        let span = span_of(f.np);
        if dropped[i] {
            continue;
        }
        let pos = lines.position(text, span.start);
        out.push(Attribution {
            paragraph,
            line: pos.line,
            column: pos.column,
            span,
            text: text_of(f.np),
            kind: f.typed.kind,
            canonical: f.typed.canonical.clone(),
            cue: text_of(f.cue),
            // An origin inside a citation group is the parser's, not a prose source; one
            // dropped above (inside a quotation) is none.
            citing: f
                .citing
                .filter(|&o| !dropped[o])
                .map(|o| text_of(s.found[o].np)),
            refers_to: None,
        });
        mentions.push(coref::Mention {
            outlet_kind: f.typed.outlet_kind,
            ..coref::Mention::of(&s.toks[f.np.0..f.np.1], f.typed.head - f.np.0)
        });
    }
}

#[cfg(test)]
mod tests;
