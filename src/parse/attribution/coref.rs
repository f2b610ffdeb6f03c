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
//! - A headline's source in capitals ("KAZULIN SAYS", "TURKMEN LEADER HAILS") refers forward
//!   to the item's first body mention of that kind that it names (in its paragraph or the
//!   next): the same surname, or, for a role alone, the first person; for a body, the first
//!   body whose name holds a headline word ("UZBEKISTAN REJECTS" … "Uzbekistan's Foreign
//!   Ministry").
//!
//! Linked mentions count as one source ([`crate::graph`] keys them by their antecedent).

use super::lexicon::{Cues, class};
use super::tokens::{CAP, DIGIT, POSS, Tok, WORD};
use crate::model::{Antecedent, Attribution, Citation, OutletKind, SourceType};
use crate::span::{LineIndex, Span};
use rustc_hash::FxHashMap as HashMap;

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
    /// The knowledge base's kind of the outlet it names.
    pub outlet_kind: Option<OutletKind>,
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
            outlet_kind: None,
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
    // `done` is in text order: the holder starts at or before the name, a few back at most.
    let k = done.partition_point(|d| d.span.start <= span.start);
    done[..k]
        .iter()
        .rev()
        .take(4)
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

/// What is known of the people named before the mention being resolved.
#[derive(Default)]
struct PeopleSoFar {
    /// Surname → (first full mention, true while every full name with it is the same).
    surnames: HashMap<String, (usize, bool)>,
    /// Title word → (first person with it, true while only one person had it).
    titles: HashMap<String, (usize, bool)>,
    /// Surname → first mention of that person, full or not.
    first: HashMap<String, usize>,
}

impl PeopleSoFar {
    fn add(&mut self, named: &[Named], i: usize) {
        let n = &named[i];
        let surname = n.surname().to_string();
        self.first.entry(surname.clone()).or_insert(i);
        if n.name.len() >= 2 {
            let e = self.surnames.entry(surname).or_insert((i, true));
            e.1 &= named[e.0].name == n.name;
        }
        for t in &n.titles {
            let e = self.titles.entry(t.clone()).or_insert((i, true));
            e.1 &= named[e.0].surname() == n.surname();
        }
    }
}

/// The latest outlet of each kind seen so far: (position, where to find it).
#[derive(Default)]
struct OutletsSoFar {
    latest: HashMap<OutletKind, (usize, Latest)>,
}

#[derive(Clone, Copy)]
enum Latest {
    /// A prose source (index into the attributions), named or not.
    Prose(usize),
    /// A cited reference: (citation, reference).
    Cited(usize, usize),
}

impl OutletsSoFar {
    fn note(&mut self, kinds: &[OutletKind], at: usize, what: Latest) {
        for k in kinds {
            let e = self.latest.entry(*k).or_insert((at, what));
            if at >= e.0 {
                *e = (at, what);
            }
        }
    }

    fn latest(&self, kinds: &[OutletKind]) -> Option<(usize, Latest)> {
        kinds
            .iter()
            .filter_map(|k| self.latest.get(k).copied())
            .max_by_key(|(at, _)| *at)
    }
}

/// Link every mention of `atts` (one article's, in text order; `mentions` alongside) that
/// refers back to an earlier one. One pass: what came before is kept in maps, so the work is
/// linear in the article.
pub(crate) fn resolve(
    text: &str,
    low: (&str, usize),
    lines: &LineIndex,
    citations: &[Citation],
    named: &[Named],
    atts: &mut [Attribution],
    mentions: &[Mention],
) {
    let mut people = PeopleSoFar::default();
    let mut next_named = 0;
    let mut media = OutletsSoFar::default();
    let mut next_citation = 0;
    let mut documents: HashMap<String, usize> = HashMap::default();
    let mut last_document: Option<usize> = None;
    for (i, m) in mentions.iter().enumerate().take(atts.len()) {
        let (done, rest) = atts.split_at_mut(i);
        let a = &mut rest[0];
        // Lower case without copying: `low` is the text in lower case from byte `low.1` on.
        let lower = |sp: Span| low.0.get(sp.start - low.1..sp.end - low.1).unwrap_or("");
        let head = lower(m.head);
        while next_named < named.len() && named[next_named].span.end <= a.span.start {
            people.add(named, next_named);
            next_named += 1;
        }
        while next_citation < citations.len() && citations[next_citation].span.end <= a.span.start {
            let c = &citations[next_citation];
            for (r, sr) in c.refs.iter().enumerate() {
                if !sr.cross_reference {
                    media.note(&[sr.kind], sr.span.start, Latest::Cited(next_citation, r));
                }
            }
            next_citation += 1;
        }
        match a.kind {
            SourceType::Person if m.names == 1 => {
                // A surname: every earlier full name with it must be the same.
                let surname = lower(m.surname);
                if let Some(&(first, true)) = people.surnames.get(surname) {
                    a.refers_to = Some(mention_of(text, lines, done, named[first].span));
                }
            }
            SourceType::Person if m.names == 0 && m.definite && !m.holder => {
                // A role: one person named earlier with that title.
                if let Some(&(with_title, true)) = people.titles.get(head) {
                    let first = people
                        .first
                        .get(named[with_title].surname())
                        .copied()
                        .unwrap_or(with_title);
                    a.refers_to = Some(mention_of(text, lines, done, named[first].span));
                }
            }
            SourceType::Document if !m.holder && m.definite && m.bare => {
                // "The document" stands for the latest document; "the statement" for the
                // first statement.
                let generic = matches!(head, "document" | "text");
                let j = if generic {
                    last_document.filter(|&j: &usize| {
                        done[j].paragraph <= a.paragraph && a.paragraph - done[j].paragraph <= 2
                    })
                } else {
                    documents.get(head).copied()
                };
                if let Some(j) = j {
                    let first = done[j].refers_to.clone();
                    a.refers_to =
                        Some(first.unwrap_or_else(|| antecedent(text, lines, done[j].span)));
                }
            }
            SourceType::Outlet if a.canonical.is_none() && m.definite && m.bare => {
                // The latest earlier outlet of that medium, named in the prose or cited, in
                // this paragraph or the two before; when the latest is itself unnamed ("one
                // Russian daily … the same newspaper"), the reference stays unresolved.
                if let Some(kinds) = medium_kinds(head) {
                    let near = |p: usize| p <= a.paragraph && a.paragraph - p <= 2;
                    match media.latest(kinds).map(|(_, l)| l) {
                        Some(Latest::Prose(j))
                            if near(done[j].paragraph) && done[j].canonical.is_some() =>
                        {
                            a.canonical = done[j].canonical.clone();
                            a.refers_to = Some(
                                done[j]
                                    .refers_to
                                    .clone()
                                    .unwrap_or_else(|| antecedent(text, lines, done[j].span)),
                            );
                        }
                        Some(Latest::Cited(c, r)) if near(citations[c].paragraph) => {
                            let r = &citations[c].refs[r];
                            a.canonical = Some(r.canonical.clone());
                            a.refers_to = Some(antecedent(text, lines, r.span));
                        }
                        _ => {}
                    }
                }
            }
            _ => {}
        }
        // What this mention makes known to the ones after it.
        match a.kind {
            SourceType::Document => {
                documents.entry(head.to_string()).or_insert(i);
                last_document = Some(i);
            }
            SourceType::Outlet => {
                let kinds: &[OutletKind] = match &m.outlet_kind {
                    Some(k) => std::slice::from_ref(k),
                    None => medium_kinds(head).unwrap_or(&[]),
                };
                let kinds = kinds.to_vec();
                media.note(&kinds, a.span.start, Latest::Prose(i));
            }
            _ => {}
        }
    }
}

/// A word alone in capitals that no list knows, typed a person for now by
/// [`super::typing::is_capitals_name`]: a surname when the same paragraph or the next names
/// a person of that surname after it ("KAZULIN SAYS …" before "Opposition candidate
/// Alyaksandr Kazulin"); otherwise, in running text, an organisation's name or acronym
/// ("UNHCR said"), or an outlet as the agent of a report or broadcast ("reported by
/// ICTV"); in a headline in capitals, an organisation when the item then uses the word in
/// running text ("KFOR SAYS …" before "a KFOR spokesman told"), else a word that names
/// nothing, dropped. `paras` are the body paragraphs (index, span), `named` every person
/// named in them; "the next" paragraph is the next body paragraph.
pub(crate) fn confirm_capitals_names(
    text: &str,
    paras: &[(usize, Span)],
    named: &[Named],
    cues: &Cues,
    atts: &mut Vec<Attribution>,
) {
    let lone = |a: &Attribution| {
        a.kind == SourceType::Person
            && a.text.len() >= 3
            && a.text.chars().all(|c| c.is_uppercase() || c == '-')
            && cues.info(&a.text.to_lowercase()).class == 0
    };
    if !atts.iter().any(lone) {
        return;
    }
    atts.retain_mut(|a| {
        if !lone(a) {
            return true;
        }
        let surname = a.text.to_lowercase();
        let Some(k) = paras.iter().position(|p| p.0 == a.paragraph) else {
            return false;
        };
        let end = paras.get(k + 1).unwrap_or(&paras[k]).1.end;
        let confirmed = named
            .iter()
            .any(|n| n.span.start >= a.span.end && n.span.end <= end && n.surname() == surname);
        if confirmed {
            return true;
        }
        // An acronym the item then uses in running text ("SFOR SAYS …" before "An SFOR
        // spokesman told reporters"): the organisation.
        let rest = text.get(a.span.end..end).unwrap_or("");
        let used = a.text.len() <= 6
            && rest.match_indices(a.text.as_str()).any(|(i, _)| {
                let before = rest[..i].chars().next_back();
                let after = &rest[i + a.text.len()..];
                !before.is_some_and(char::is_alphanumeric)
                    && !after.chars().next().is_some_and(char::is_alphanumeric)
                    && after
                        .split_whitespace()
                        .next()
                        .is_some_and(|w| w.chars().any(char::is_lowercase))
            });
        if used {
            a.kind = SourceType::OfficialBody;
            return true;
        }
        // A cue in lower case: running text, where capitals are a name's own spelling;
        // the agent of a report or broadcast is a medium's ("were reported by ICTV").
        let running = a.cue.chars().any(char::is_lowercase);
        if running {
            let cue = a.cue.to_lowercase();
            let medium = [
                "reported by",
                "quoted by",
                "cited by",
                "broadcast",
                "aired",
                "carried",
            ]
            .iter()
            .any(|w| cue.contains(w));
            a.kind = if medium {
                SourceType::Outlet
            } else {
                SourceType::OfficialBody
            };
        }
        running
    });
}

/// True for a mention written in capitals, as in a headline ("TURKMEN LEADER").
fn in_capitals(s: &str) -> bool {
    s.chars().filter(|c| c.is_uppercase()).count() >= 2 && !s.chars().any(char::is_lowercase)
}

/// Headline sources in capitals refer forward to the body mention they name, in the same
/// paragraph (the item) or the next (a headline on a line of its own): see the module's
/// documentation.
pub(crate) fn headlines_refer_forward(
    text: &str,
    lines: &LineIndex,
    cues: &Cues,
    atts: &mut [Attribution],
) {
    for i in 0..atts.len() {
        let a = &atts[i];
        if a.refers_to.is_some()
            || !matches!(a.kind, SourceType::Person | SourceType::OfficialBody)
            || !in_capitals(&a.text)
        {
            continue;
        }
        let words: Vec<String> = a
            .text
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .filter(|w| w.len() > 1)
            .map(str::to_lowercase)
            .collect();
        let role_only = a.kind == SourceType::Person
            && words.last().is_some_and(|w| cues.info(w).is(class::ROLE));
        let body = atts[i + 1..]
            .iter()
            .take_while(|b| b.paragraph <= a.paragraph + 1)
            .find(|b| {
                b.kind == a.kind && !in_capitals(&b.text) && {
                    let lower = b.text.to_lowercase();
                    let named = lower
                        .split(|c: char| !c.is_alphanumeric() && c != '-')
                        .any(|w| words.iter().any(|h| h == w));
                    named || role_only
                }
            });
        if let Some(b) = body {
            let to = b
                .refers_to
                .clone()
                .unwrap_or_else(|| antecedent(text, lines, b.span));
            atts[i].refers_to = Some(to);
        }
    }
}
