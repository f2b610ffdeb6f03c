//! Back-references: a later mention that names the same source as an earlier one.
//!
//! - A surname ("Kuchma", "Mr. Kuchma") refers to the first full mention of that person in
//!   the article ("President Leonid Kuchma"), named as a source or not, when every earlier
//!   full name with that surname is the same name.
//! - A role with a definite determiner ("the president", "the minister") refers to the one
//!   person named earlier with that title ("President Leonid Kuchma"); with two such
//!   persons it is ambiguous and stays as written.
//! - A document without a holder ("the statement") refers to the first earlier document
//!   source of the same noun ("the ministry's statement").
//! - An outlet noun without a name ("the agency", "the newspaper") refers to the latest
//!   earlier outlet of that medium, named in the prose or cited, in the same or one of the
//!   two paragraphs before; it takes that outlet's canonical name.
//!
//! Linked mentions count as one source ([`crate::graph`] keys them by their antecedent).

use super::lexicon::{Cues, class};
use super::tokens::{CAP, DIGIT, POSS, Tok, WORD};
use crate::model::{Antecedent, Attribution, Citation, OutletKind, SourceType};
use crate::span::{LineIndex, Span};

/// What the matcher knew of a mention, for resolving it (spans into the text: nothing is
/// copied).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Mention {
    /// The head word, its possessive left out.
    pub head: Span,
    /// Trailing capitalised name words, initials and honorifics left out ("Leonid
    /// Kuchma": 2).
    pub names: u8,
    /// The last of them ("Kuchma"), possessive left out.
    pub surname: Span,
    /// The phrase has a possessive holder ("the ministry's statement").
    pub holder: bool,
    /// The phrase opens with a definite determiner.
    pub definite: bool,
    /// The phrase is only a determiner, perhaps "same", and its head ("the agency", "the
    /// same newspaper"): a bare back-reference.
    pub bare: bool,
}

/// The part of a token without its possessive.
fn bare(t: &Tok<'_>) -> Span {
    Span::new(t.span.start, t.span.start + t.lo.len())
}

impl Mention {
    /// Read a mention off its tokens.
    pub(crate) fn of(np: &[Tok<'_>], head: usize) -> Mention {
        let mut names = 0u8;
        let mut surname = Span::default();
        for t in np.iter().rev().filter(|t| t.is_word()) {
            if !is_name_word(t) {
                break;
            }
            if !t.s.ends_with('.') {
                if names == 0 {
                    surname = bare(t);
                }
                names = names.saturating_add(1);
            }
        }
        Mention {
            head: np.get(head).map(bare).unwrap_or_default(),
            names,
            surname,
            holder: np.iter().any(|t| t.has(POSS)),
            definite: np
                .first()
                .is_some_and(|t| t.info.is(class::DEFINITE) && !t.info.is(class::HEAD)),
            bare: np.len() >= 2
                && head + 1 == np.len()
                && np[..head].iter().enumerate().all(|(i, t)| {
                    (i == 0 && t.info.is(class::DEFINITE))
                        || matches!(t.lo, "same" | "latter" | "news" | "press")
                }),
        }
    }
}

/// True when two words are the same but for case.
fn same_word(a: &str, b: &str) -> bool {
    a.eq_ignore_ascii_case(b) || (!a.is_ascii() && a.to_lowercase() == b.to_lowercase())
}

/// A capitalised word that no list knows: part of a person's name.
fn is_name_word(t: &Tok<'_>) -> bool {
    t.has(CAP)
        && t.has(WORD)
        && !t.has(DIGIT)
        && (t.info.class == 0
            || t.s.ends_with('.') && t.s.len() <= 4 // "Mr.", "V."
            || !t.info.is(
                class::HEAD
                    | class::MODIFIER
                    | class::SENTENCE
                    | class::DEFINITE
                    | class::INDEFINITE
                    | class::NATIONALITY
                    | class::PLACE,
            ))
}

/// A person named in the text: the words of the name and its titles.
#[derive(Debug, Clone)]
pub(crate) struct Named {
    span: Span,
    /// Title words before the name, lower case ("foreign", "minister").
    titles: Vec<String>,
    /// Name words, lower case, initials and honorifics left out ("leonid", "kuchma").
    name: Vec<String>,
}

impl Named {
    fn surname(&self) -> &str {
        self.name.last().map_or("", String::as_str)
    }
}

/// Add to `out` every capitalised run of `toks` that reads as a person's name with at least
/// two name words, or one after a role ("President Kuchma"), in text order.
pub(crate) fn collect_people(toks: &[Tok<'_>], cues: &Cues, out: &mut Vec<Named>) {
    let mut i = 0;
    while i < toks.len() {
        if !(toks[i].has(CAP) && toks[i].has(WORD)) {
            i += 1;
            continue;
        }
        let start = i;
        while i < toks.len()
            && toks[i].has(CAP)
            && toks[i].has(WORD)
            && (i == start || !toks[i - 1].has(POSS))
        {
            i += 1;
        }
        let run = &toks[start..i];
        // Most runs are one word ("The", "Moscow"): nothing to name.
        if run.len() < 2 {
            continue;
        }
        let names = run.iter().rev().take_while(|t| is_name_word(t)).count();
        let split = run.len() - names;
        let has_role = run[..split].iter().any(|t| t.info.is(class::ROLE));
        let real_names = run[split..].iter().filter(|t| !t.s.ends_with('.')).count();
        if real_names >= 2 || (real_names == 1 && has_role) {
            out.push(Named {
                span: Span::new(run[0].span.start, run[run.len() - 1].span.end),
                titles: run[..split].iter().map(|t| t.lo.to_string()).collect(),
                name: run[split..]
                    .iter()
                    .filter(|t| !t.s.ends_with('.'))
                    .map(|t| t.lo.to_string())
                    .collect(),
            });
        }
    }
    let _ = cues;
}

fn antecedent(text: &str, lines: &LineIndex, span: Span) -> Antecedent {
    let pos = lines.position(text, span.start);
    Antecedent {
        text: crate::parse::collapse_ws(span.slice(text)),
        span,
        line: pos.line,
        column: pos.column,
    }
}

/// The antecedent for a name at `span`: the person source that holds it when there is one
/// ("Gazprom spokesman Sergei Kupriyanov" for "Sergei Kupriyanov"), so that both mentions
/// are one source, else the name itself.
fn mention_of(text: &str, lines: &LineIndex, done: &[Attribution], span: Span) -> Antecedent {
    done.iter()
        .find(|d| {
            d.kind == SourceType::Person && d.span.start <= span.start && span.end <= d.span.end
        })
        .map_or_else(
            || antecedent(text, lines, span),
            |d| {
                d.refers_to
                    .clone()
                    .unwrap_or_else(|| antecedent(text, lines, d.span))
            },
        )
}

/// The outlet kinds a medium noun can refer back to (`None`: any).
fn medium_kinds(head: &str) -> Option<&'static [OutletKind]> {
    use OutletKind::*;
    Some(match head {
        "agency" | "wire" | "service" => &[Agency],
        "newspaper" | "paper" | "daily" | "tabloid" | "gazette" => &[Newspaper],
        "weekly" | "monthly" | "magazine" | "journal" | "biweekly" => &[Newspaper, Magazine],
        "television" | "tv" | "channel" | "broadcaster" | "network" => &[Television],
        "radio" => &[Radio],
        "station" => &[Radio, Television],
        "website" | "site" | "portal" | "blog" => &[Online],
        _ => return None,
    })
}

/// Link every mention of `atts` (one article's, in text order; `mentions` alongside) that
/// refers back to an earlier one.
pub(crate) fn resolve(
    text: &str,
    lines: &LineIndex,
    citations: &[Citation],
    outlets: &crate::outlets::Outlets,
    named: &[Named],
    atts: &mut [Attribution],
    mentions: &[Mention],
) {
    for i in 0..atts.len() {
        let (done, rest) = atts.split_at_mut(i);
        let a = &mut rest[0];
        let m = &mentions[i];
        let head = m.head.slice(text);
        let before = |n: &Named| n.span.end <= a.span.start;
        match a.kind {
            SourceType::Person if m.names == 1 => {
                // A surname: every earlier full name with it must be the same.
                let surname = m.surname.slice(text);
                let same: Vec<&Named> = named
                    .iter()
                    .filter(|n| before(n) && same_word(n.surname(), surname) && n.name.len() >= 2)
                    .collect();
                if let Some(first) = same.first()
                    && same.iter().all(|n| n.name == first.name)
                {
                    a.refers_to = Some(mention_of(text, lines, done, first.span));
                }
            }
            SourceType::Person if m.names == 0 && m.definite && !m.holder => {
                // A role: one person named earlier with that title.
                let with_title: Vec<&Named> = named
                    .iter()
                    .filter(|n| before(n) && n.titles.iter().any(|t| same_word(t, head)))
                    .collect();
                if let Some(first) = with_title.first()
                    && with_title.iter().all(|n| n.surname() == first.surname())
                {
                    let first_of_person = named
                        .iter()
                        .find(|n| n.surname() == first.surname())
                        .unwrap_or(first);
                    a.refers_to = Some(mention_of(text, lines, done, first_of_person.span));
                }
            }
            SourceType::Document if !m.holder && m.definite && m.bare => {
                if let Some(j) = (0..i).find(|&j| {
                    done[j].kind == SourceType::Document
                        && same_word(mentions[j].head.slice(text), head)
                }) {
                    let first = done[j].refers_to.clone();
                    a.refers_to =
                        Some(first.unwrap_or_else(|| antecedent(text, lines, done[j].span)));
                }
            }
            SourceType::Outlet if a.canonical.is_none() && m.definite && m.bare => {
                let Some(kinds) = medium_kinds(&head.to_lowercase()) else {
                    continue;
                };
                let near = |p: usize| p <= a.paragraph && a.paragraph - p <= 2;
                // The latest earlier outlet of that medium, named in the prose or cited; when
                // the latest is itself unnamed ("one Russian daily … the same newspaper"), the
                // reference stays unresolved.
                let prose = (0..i).rev().find(|&j| {
                    let d = &done[j];
                    d.kind == SourceType::Outlet
                        && near(d.paragraph)
                        && match d.canonical.as_deref() {
                            Some(c) => outlets
                                .lookup(c)
                                .map_or(same_word(mentions[j].head.slice(text), head), |o| {
                                    kinds.contains(&o.kind)
                                }),
                            None => medium_kinds(&mentions[j].head.slice(text).to_lowercase())
                                .is_some_and(|k| k.iter().any(|x| kinds.contains(x))),
                        }
                });
                let cited = citations
                    .iter()
                    .filter(|c| c.span.end <= a.span.start && near(c.paragraph))
                    .flat_map(|c| c.refs.iter())
                    .rfind(|r| !r.cross_reference && kinds.contains(&r.kind));
                let prose_at = prose.map(|j| done[j].span.start);
                match (prose, cited) {
                    (_, Some(r)) if prose_at < Some(r.span.start) => {
                        a.canonical = Some(r.canonical.clone());
                        a.refers_to = Some(antecedent(text, lines, r.span));
                    }
                    (Some(j), _) if done[j].canonical.is_some() => {
                        a.canonical = done[j].canonical.clone();
                        a.refers_to = Some(
                            done[j]
                                .refers_to
                                .clone()
                                .unwrap_or_else(|| antecedent(text, lines, done[j].span)),
                        );
                    }
                    _ => {}
                }
            }
            _ => {}
        }
    }
}
