//! Cues matched in one sentence, one function per cue class:
//!
//! - [`phrase_cue`]: "according to X", "citing X", "in an interview with X";
//! - [`noun_cue`]: "X's insistence that", "a proposal by X to";
//! - [`frame_cue`]: "In a speech on Monday, X outlined ...";
//! - verbs ([`super::verbal::verb_cue`]): "X said", "…,” said X", "X was quoted as",
//!   "quoted by X", "went on to warn", all-capital headlines ("PROSECUTOR CONFIRMS …").
//!
//! Each finds a phrase and hands it to [`Sentence::push`], which types it
//! ([`super::typing`]) and keeps it only when it names a source.

use super::lexicon::{Cues, class, needs};
use super::phrase::{
    Np, in_phrase, is_inner_preposition, np_after, np_before, skip_date_after, with_appositive_name,
};
use super::tokens::{BREAK, NAMEISH, POSS, Tok, UPPER};
use super::typing::{Typed, classify};
use crate::model::SourceType;
use crate::outlets::Outlets;

/// How many of the latest finds a new one is compared with, and how far a carrier looks for
/// the source it carries.
const RECENT: usize = 16;

/// A source found in a sentence.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    /// The source's tokens.
    pub(crate) np: Np,
    /// The cue's tokens (first and last, inclusive-exclusive).
    pub(crate) cue: Np,
    /// What sort of source.
    pub(crate) typed: Typed,
    /// Index (in the sentence's list) of the source this one carries.
    pub(crate) citing: Option<usize>,
    /// The source is the speaker of a verb ("the envoy said"), not only named by a phrase.
    pub(crate) speaker: bool,
}

/// A sentence being matched, and what has been found in it.
pub(crate) struct Sentence<'t, 'a> {
    pub(crate) toks: &'t [Tok<'a>],
    pub(crate) cues: &'t Cues,
    pub(crate) outlets: &'t Outlets,
    pub(crate) found: Vec<Found>,
    /// Speakers found by a phrase alone ("X stood by the story in an interview with Y"):
    /// the speaker's phrase, the cue and the outlet's find. Pushed after every other cue of
    /// the sentence, so that a verb's own cue names the speaker when there is one.
    pub(crate) deferred: Vec<(Np, Np, Option<usize>)>,
}

/// What a cue accepts as its source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Accept {
    /// Any source.
    Any,
    /// Only an outlet ("told Interfax", "an interview with X").
    Outlet,
    /// An outlet, a bare name taken as an outlet's ("a statement carried by Apsnipress").
    Medium,
    /// A person, body, outlet or document: something that speaks, not a crowd (the
    /// participle and frame cues, where a wrong subject is likelier).
    Speaker,
}

impl<'t, 'a> Sentence<'t, 'a> {
    /// Type `np` and keep it when it names a source the cue accepts; its index in `found`
    /// (an earlier record of the same phrase is reused).
    pub(crate) fn push(&mut self, np: Np, cue: Np, accept: Accept) -> Option<usize> {
        let (a, b) = np;
        if a >= b || b > self.toks.len() {
            return None;
        }
        // "Neither side commented": a negated subject says nothing.
        if a > 0 && matches!(self.toks[a - 1].lo, "no" | "neither" | "nor") {
            return None;
        }
        // "54 percent of Russians believe": poll figures are not sources.
        if a >= 2
            && self.toks[a - 1].lo == "of"
            && matches!(
                self.toks[a - 2].lo,
                "percent" | "%" | "majority" | "most" | "half" | "third" | "quarter" | "poll"
            )
        {
            return None;
        }
        // Only the last finds are compared: a sentence of a million cues stays linear.
        let recent = self.found.len().saturating_sub(RECENT);
        if let Some(i) = (recent..self.found.len()).find(|&i| self.found[i].np == np) {
            return Some(i);
        }
        // A phrase inside one already found is the same mention; one that holds an earlier
        // find replaces it ("some" of "some reports").
        if let Some(i) =
            (recent..self.found.len()).find(|&i| self.found[i].np.0 <= a && b <= self.found[i].np.1)
        {
            return Some(i);
        }
        let typed = classify(&self.toks[a..b], self.cues, self.outlets)?;
        if let Some(i) =
            (recent..self.found.len()).find(|&i| a <= self.found[i].np.0 && self.found[i].np.1 <= b)
        {
            self.found[i].np = np;
            self.found[i].typed = Typed {
                head: typed.head + a,
                ..typed
            };
            return Some(i);
        }
        let typed = if accept == Accept::Medium && typed.kind == SourceType::Person && typed.named {
            let name = &self.toks[a..b];
            let name: Vec<&str> = name.iter().filter(|t| t.is_word()).map(|t| t.s).collect();
            Typed {
                kind: SourceType::Outlet,
                canonical: Some(name.join(" ")),
                ..typed
            }
        } else {
            typed
        };
        let ok = match accept {
            Accept::Any => true,
            // Unnamed outlets in the plural are the vague media told ("telling Russian
            // agencies"), not an audience ("told reporters").
            Accept::Outlet => {
                matches!(typed.kind, SourceType::Outlet | SourceType::SelfRef)
                    || typed.kind == SourceType::Vague
                        && self.toks[a + typed.head].info.is(class::OUTLET_PL)
            }
            // "published in several newspapers", "posted on extremist forums": media unnamed
            // (not the speaker's own: "posted on their websites").
            Accept::Medium => {
                matches!(typed.kind, SourceType::Outlet | SourceType::SelfRef)
                    || typed.kind == SourceType::Vague
                        && !matches!(self.toks[a].lo, "their" | "its" | "his" | "her" | "our")
            }
            Accept::Speaker => !matches!(typed.kind, SourceType::Vague | SourceType::Anonymous),
        };
        if !ok {
            return None;
        }
        let typed = Typed {
            head: typed.head + a,
            ..typed
        };
        self.found.push(Found {
            np,
            cue,
            typed,
            citing: None,
            speaker: false,
        });
        Some(self.found.len() - 1)
    }

    /// [`Sentence::push`] the speaker of a verb.
    pub(crate) fn push_speaker(&mut self, np: Np, cue: Np, accept: Accept) -> Option<usize> {
        let i = self.push(np, cue, accept)?;
        self.found[i].speaker = true;
        Some(i)
    }

    /// Record that `carrier` carries `origin`.
    pub(crate) fn cite(&mut self, carrier: Option<usize>, origin: Option<usize>) {
        if let (Some(c), Some(o)) = (carrier, origin)
            && c != o
            && self.found[c].citing.is_none()
        {
            self.found[c].citing = Some(o);
        }
    }
}

/// True when find `i` is the author in a document's reduced relative clause and the
/// document itself speaks: "A communiqué issued by the co-chairs states …" is the
/// communiqué's statement, one source, not the co-chairs' besides ("figures released by
/// the office", after "according to", stay the office's; an outlet that printed the
/// document carries it).
pub(crate) fn author_inside_document(found: &[Found], i: usize) -> bool {
    let a = &found[i];
    // An outlet that printed or summarised the document carries it: it stays.
    if matches!(a.typed.kind, SourceType::Outlet | SourceType::SelfRef) {
        return false;
    }
    found.iter().enumerate().any(|(k, d)| {
        k != i
            && d.typed.kind == SourceType::Document
            && d.np.1 <= a.cue.0
            && a.np.1 <= d.cue.0
            && d.np.1 <= d.cue.0
            && d.cue.0 - d.np.1 <= 16
    })
}

/// True when the find `f`, its phrase and its cue, stands inside a quotation: a speaker's
/// own words ("“What China fears most is not a torpedo,” he said"), whose sources are the
/// speaker's, not the article's. `text` is the document the tokens' spans point into: a
/// straight quotation mark opens when white space (or nothing) stands before it, and closes
/// otherwise.
pub(crate) fn inside_quotation(text: &str, toks: &[Tok<'_>], f: &Found) -> bool {
    let upto = f.np.0.min(f.cue.0);
    let opens = |t: &Tok<'_>| {
        text[..t.span.start]
            .chars()
            .next_back()
            .is_none_or(char::is_whitespace)
    };
    let mut open = false;
    for t in &toks[..upto] {
        match t.s {
            "“" | "«" => open = true,
            "”" | "»" => open = false,
            "\"" => open = opens(t),
            _ => {}
        }
    }
    open && !toks[upto..f.np.1.max(f.cue.1)]
        .iter()
        .any(|t| matches!(t.s, "”" | "»" | "\""))
}

/// Match every cue of the sentence.
pub(crate) fn match_sentence(s: &mut Sentence<'_, '_>) {
    let mut carriers = Vec::new();
    let toks = s.toks;
    for (v, t) in toks.iter().enumerate() {
        let info = t.info;
        if !info.is(class::CUE) {
            continue;
        }
        if info.is(class::PHRASE)
            && let Some(c) = phrase_cue(s, v)
        {
            carriers.push(c);
        }
        if info.is(class::VERB) {
            super::verbal::verb_cue(s, v);
        }
        if info.is(class::NOUN_CUE | class::REPORT) {
            noun_cue(s, v);
        }
    }
    frame_cue(s);
    for (subject, cue, outlet) in std::mem::take(&mut s.deferred) {
        let speaker = s.push_speaker(subject, cue, Accept::Speaker);
        s.cite(outlet, speaker);
    }
    // "Interfax reported that the minister said …": an outlet whose report holds another
    // source's words carries that source.
    for i in 0..s.found.len() {
        let f = &s.found[i];
        if f.typed.kind != SourceType::Outlet || f.citing.is_some() {
            continue;
        }
        let after = f.cue.1;
        if s.toks.get(after).is_none_or(|t| t.lo != "that") {
            continue;
        }
        let inner = (i.saturating_sub(RECENT)..s.found.len().min(i + RECENT))
            .find(|&j| j != i && s.found[j].np.0 > after && s.found[j].cue.0 > after);
        s.cite(Some(i), inner);
    }
    // "According to the radio, the envoy said": the radio carries the envoy; "Citing
    // Izvestiya, the website reported" and "the website reported, citing Izvestiya": the
    // website carries Izvestiya.
    for (record, phrase_start, after, carries) in carriers {
        let near = record.saturating_sub(RECENT)..s.found.len().min(record + RECENT);
        let later = near
            .clone()
            .find(|&i| i != record && s.found[i].np.0 >= after);
        let earlier = near
            .rev()
            .find(|&i| i != record && s.found[i].np.1 <= phrase_start);
        // What a carrier carries is a speaker with a verb of its own ("According to the
        // radio, the envoy said").
        let later = later.filter(|&i| s.found[i].speaker);
        if carries {
            s.cite(Some(record), later);
        } else {
            s.cite(later.or(earlier), Some(record));
        }
    }
}

/// A phrase cue at `v` ("according to X"): the source after it. Returns, for a carrier or
/// cited phrase, (its record, where the phrase starts, the token after its source, whether
/// it carries the rest).
fn phrase_cue(s: &mut Sentence<'_, '_>, v: usize) -> Option<(usize, usize, usize, bool)> {
    let toks = s.toks;
    let cues = s.cues;
    // Most words that start a phrase ("in", "a", "as") start none here: a quick test of the
    // next word first.
    if !toks[v].info.is(class::PHRASE_ALONE)
        && !toks
            .get(v + 1)
            .is_some_and(|t| t.info.is(class::PHRASE_NEXT))
    {
        return None;
    }
    // The longest phrase that matches.
    let p = cues
        .phrases_of(toks[v].info)
        .filter(|p| {
            p.words.len() <= toks.len() - v
                && p.words
                    .iter()
                    .zip(&toks[v..])
                    .all(|(w, t)| **w == *t.lo && !t.has(POSS))
        })
        .max_by_key(|p| p.words.len())?;
    let end = v + p.words.len();
    let accept = match (p.outlet_only, p.medium) {
        (_, true) => Accept::Medium,
        (true, false) => Accept::Outlet,
        _ => Accept::Any,
    };
    let from = if p.medium {
        skip_date_after(toks, end)
    } else {
        end
    };
    let cue = (v, end);
    let np = np_after(toks, from).map(|np| with_appositive_name(toks, np));
    // "the Institute for Freedom and Safety": "and" inside a name after "for" / "of".
    let np = np.map(|np| match np_after(toks, np.1 + 1) {
        Some(rest)
            if toks.get(np.1).is_some_and(|t| t.lo == "and") && name_goes_on(toks, np, rest) =>
        {
            (np.0, rest.1)
        }
        _ => np,
    });
    // "a statement posted on its website": the speaker's own site is no other source.
    let np = np.filter(|&np| !(p.medium && own_website(toks, np)));
    // "writing in the latest issue of Respublika": the medium is the publication.
    let np = np.map(|np| {
        if p.medium {
            publication_of_issue(toks, np)
        } else {
            np
        }
    });
    // "was quoted by Zerkalo": one unknown name after a verb of reporting is a medium's
    // (a person quoting would be named in full or by role).
    let reporting =
        end >= 2 && matches!(toks[end - 2].lo, "quoted" | "reported") && toks[end - 1].lo == "by";
    let accept = match np {
        Some((a, b)) if reporting && b == a + 1 && toks[a].cap() && toks[a].info.class == 0 => {
            Accept::Medium
        }
        _ => accept,
    };
    let first = np.and_then(|np| s.push(np, cue, accept));
    // "Ashgabat halted deliveries, citing unpaid debts": what is cited names no source, so
    // the subject gives it as its reason and is the source.
    if first.is_none() && p.cited && v > 0 && toks[v - 1].is(",") && end < toks.len() {
        let start = super::phrase::segment_start(toks, v);
        if let Some(subject) = super::subject::sentence_subject(toks, start, v - 1) {
            s.push_speaker(subject, cue, Accept::Speaker);
        }
        return None;
    }
    // "Karavan's editor stood by the story in an interview with Radio Azattyk": whoever
    // gave the interview or comments is the clause's subject, carried by the outlet.
    if p.outlet_only
        && first.is_some()
        && v > 0
        && p.words.iter().any(|w| {
            matches!(
                &**w,
                "interview"
                    | "interviews"
                    | "comments"
                    | "remarks"
                    | "statement"
                    | "letter"
                    | "conversation"
            )
        })
    {
        let start = super::phrase::segment_start(toks, v);
        let upto = if toks[v].lo == "in" { v } else { v - 1 };
        if let Some(subject) = super::subject::sentence_subject(toks, start, upto) {
            s.deferred.push((subject, cue, first));
        }
    }
    // "A militant commander interviewed by Al Jazeera boasted": the one interviewed.
    if p.outlet_only
        && first.is_some()
        && v > 0
        && matches!(toks[v].lo, "interviewed" | "reached" | "contacted")
        && in_phrase(&toks[v - 1])
        && let Some(subject) = np_before(toks, v)
    {
        s.deferred.push((subject, cue, first));
    }
    let np = np?;
    // "according to A and B"
    if toks.get(np.1).is_some_and(|t| t.lo == "and")
        && let Some(second) = np_after(toks, np.1 + 1)
    {
        s.push(second, cue, accept);
    }
    let record = first?;
    (p.carrier || p.cited).then_some((record, v, np.1, p.carrier))
}

/// The publication named in "the latest issue of X", "the May edition of X", "the pages of
/// X": the phrase after "of", when a capitalised name opens it; else `np` itself.
fn publication_of_issue(toks: &[Tok<'_>], np: Np) -> Np {
    let of = (np.0 + 1..np.1.saturating_sub(1)).find(|&i| {
        toks[i].lo == "of"
            && matches!(
                toks[i - 1].lo,
                "issue" | "edition" | "number" | "pages" | "page" | "columns" | "supplement"
            )
    });
    match of {
        Some(i) if toks[i + 1].cap() || toks[i + 1].has(UPPER) => (i + 1, np.1),
        Some(i) if toks[i + 1].lo == "the" && toks.get(i + 2).is_some_and(|t| t.cap()) => {
            (i + 1, np.1)
        }
        _ => np,
    }
}

/// A website, page or channel of someone named elsewhere in the sentence ("its website",
/// "their own Telegram channel"), or of a body named in the phrase itself ("the ministry's
/// website").
pub(crate) fn own_website(toks: &[Tok<'_>], np: Np) -> bool {
    let words = &toks[np.0..np.1];
    let site = words.last().is_some_and(|t| {
        matches!(
            t.lo,
            "website" | "site" | "page" | "homepage" | "account" | "channel" | "blog" | "feed"
        )
    });
    // "its website"; "the ministry's website", "the Uzbek government's website": a body's
    // own site, where it posts its own words (an outlet's site is the outlet).
    let holder = words.iter().rposition(|t| t.has(POSS));
    site && (words
        .first()
        .is_some_and(|t| matches!(t.lo, "its" | "their" | "his" | "her" | "our"))
        || holder.is_some_and(|h| {
            let t = &words[h];
            !t.cap()
                && t.info.is(class::BODY | class::ROLE)
                && !t.info.is(class::OUTLET)
                && words.first().is_some_and(|f| f.lo == "the")
        }))
}

/// True when `rest`, after the "and" that ends `np`, goes on one name: `np` ends in
/// capitalised words after "for" or "of" ("the Institute for Reporters' Freedom") and `rest`
/// is capitalised words alone ("Safety").
pub(crate) fn name_goes_on(toks: &[Tok<'_>], np: Np, rest: Np) -> bool {
    let Some(p) = (np.0 + 1..np.1)
        .rev()
        .find(|&i| toks[i].is_word() && !toks[i].cap())
    else {
        return false;
    };
    matches!(toks[p].lo, "for" | "of")
        && p + 1 < np.1
        && toks[np.0..p].iter().any(|t| t.cap())
        && rest.1 - rest.0 <= 3
        && toks[rest.0..rest.1].iter().all(|t| t.cap() && t.is_word())
}

/// True when what follows a nominal cue gives its holder content (`need`: bits of
/// [`needs`]): "Moscow's insistence that", "the envoy's demand to withdraw", "the
/// minister's complaint against Kyiv".
fn holder_complement(toks: &[Tok<'_>], after: usize, need: u8) -> bool {
    let Some(t) = toks.get(after) else {
        return false;
    };
    match t.lo {
        "that" => true,
        "to" => {
            need & needs::TO != 0
                && toks.get(after + 1).is_some_and(|v| {
                    v.is_word() && !v.cap() && !v.info.is(class::DEFINITE | class::INDEFINITE)
                })
        }
        "about" | "against" | "over" | "on" => need & needs::ABOUT != 0,
        "of" => need & needs::OF != 0,
        _ => t.is(":") || t.is_quote(),
    }
}

/// A nominal cue at `n` ("charges", "insistence"): its holder before it ("Woolsey's
/// charges that", "the Kremlin's repeated reassurances that") or its author after by /
/// from ("a proposal by the president to", "remarks from the envoy").
fn noun_cue(s: &mut Sentence<'_, '_>, n: usize) {
    let toks = s.toks;
    if toks[n].cap() && n > 0 && toks[n - 1].cap() {
        return; // inside a name ("the Proposal Committee")
    }
    // Holder: a possessive before the noun, over modifiers.
    let mut k = n;
    while k > 0
        && n - k < 4
        && toks[k - 1].is_word()
        && !toks[k - 1].has(POSS)
        && !toks[k - 1].cap()
        && !toks[k - 1].info.is(class::HEAD)
        && (toks[k - 1].info.is(class::MODIFIER)
            || toks[k - 1].lo.ends_with("ed")
            || toks[k - 1].lo.ends_with("ly")
            || toks[k - 1].info.class == 0)
    {
        k -= 1;
    }
    let holder = k > 0 && toks[k - 1].has(POSS);
    if holder
        && holder_complement(toks, n + 1, s.cues.noun_needs(toks[n].lo))
        && let Some(np) = np_before(toks, k)
    {
        s.push(np, (n, n + 1), Accept::Any);
    }
    // Reports that are themselves the source: "dismissed reports in the regional press that",
    // "rumours of a deal".
    // A noun, not the verb of the same form ("the document also claims that"): after a
    // determiner, a modifier, a verb or a preposition, or opening the sentence.
    let noun_position = n == 0 || {
        let p = &toks[n - 1];
        !p.is_word()
            || p.info.is(class::DEFINITE
                | class::INDEFINITE
                | class::MODIFIER
                | class::NATIONALITY
                | class::VERB)
            || is_inner_preposition(p.lo)
            || p.lo.ends_with("ed")
    } && !toks[n - 1].info.is(class::BETWEEN);
    // "Local journalists, who …, report that": a bare singular after a comma is the verb.
    let verb_after_comma = n > 0 && !toks[n - 1].is_word() && !toks[n].lo.ends_with('s');
    if !holder
        && noun_position
        && !verb_after_comma
        && toks[n].info.is(class::REPORT)
        && !toks[n].cap()
        && !toks[n].has(POSS)
    {
        let start = np_before(toks, n + 1).map_or(n, |np| np.0);
        let mut end = n + 1;
        if toks.get(end).is_some_and(|t| matches!(t.lo, "in" | "from"))
            && let Some(pp) = np_after(toks, end + 1)
        {
            end = pp.1;
        }
        // "Accounts of the clash differ", "conflicting accounts of": reports; after a
        // definite determiner, a holder's ("froze the accounts of three newspapers").
        let owned = matches!(toks[n].lo, "account" | "accounts")
            && n > 0
            && toks[n - 1].info.is(class::DEFINITE);
        // "a report that was later withdrawn", "reports that have since surfaced": "that"
        // and a verb open a relative clause, not the report's content.
        let relative = || {
            let mut k = end + 1;
            while toks
                .get(k)
                .is_some_and(|t| matches!(t.lo, "later" | "also" | "since") || t.lo.ends_with("ly"))
            {
                k += 1;
            }
            toks.get(k).is_some_and(|t| {
                super::verbal::is_auxiliary(t.lo) || k > end + 1 && t.lo.ends_with("ed")
            })
        };
        let content = toks.get(end).is_some_and(|t| {
            t.lo == "that" && !relative() || t.lo == "of" && end == n + 1 && !owned
        });
        // "said in its annual report that": the report is where its subject spoke.
        let where_said = start > 0 && matches!(toks[start - 1].lo, "in" | "into");
        if content && !where_said {
            s.push((start, end), (n, n + 1), Accept::Any);
        }
    }
    // Nothing said: "drew no response from the Kremlin", "without comment from".
    let none = (n.saturating_sub(3)..n).any(|k| matches!(toks[k].lo, "no" | "without"));
    // Or asked of someone, not said by them: "demanded an explanation from the secretary".
    let not_theirs = none
        || (n.saturating_sub(3)..n).any(|k| {
            matches!(
                toks[k].lo,
                "demand"
                    | "demanded"
                    | "demanding"
                    | "demands"
                    | "seek"
                    | "sought"
                    | "seeking"
                    | "request"
                    | "requested"
                    | "await"
                    | "awaiting"
                    | "awaited"
                    | "want"
                    | "wanted"
                    | "expect"
                    | "expected"
                    | "ask"
                    | "asked"
            )
        });
    // Author: "by X", "from X", and "came from X" ("the sharpest criticism came from the
    // ministry", "the warning came only from Ankara").
    // A complement may come between the noun and "came" ("criticism of the plan came from").
    let came = match toks.get(n + 1).map(|t| t.lo) {
        Some("of" | "for" | "against" | "over") => (n + 2..toks.len().min(n + 8))
            .take_while(|&i| toks[i].is_word())
            .find(|&i| matches!(toks[i].lo, "came" | "come" | "comes" | "coming"))
            .unwrap_or(n + 1),
        _ => n + 1,
    };
    let author_at = match toks.get(n + 1).map(|t| t.lo) {
        Some("by" | "from") => Some(n + 2),
        // "a view shared by several services", "a concern echoed by the bank".
        Some("shared" | "held" | "echoed" | "voiced" | "expressed")
            if toks.get(n + 2).is_some_and(|t| t.lo == "by")
                && matches!(
                    toks[n].lo,
                    "view"
                        | "views"
                        | "opinion"
                        | "opinions"
                        | "belief"
                        | "beliefs"
                        | "concern"
                        | "concerns"
                        | "fear"
                        | "fears"
                        | "hope"
                        | "hopes"
                        | "suspicion"
                        | "suspicions"
                        | "assessment"
                        | "doubts"
                        | "misgivings"
                        | "conviction"
                        | "sentiment"
                ) =>
        {
            Some(n + 3)
        }
        _ if toks
            .get(came)
            .is_some_and(|t| matches!(t.lo, "came" | "come" | "comes" | "coming")) =>
        {
            let adverb = toks
                .get(came + 1)
                .is_some_and(|t| matches!(t.lo, "only" | "mainly" | "chiefly" | "mostly" | "also"));
            let from = came + 1 + usize::from(adverb);
            toks.get(from)
                .is_some_and(|t| t.lo == "from")
                .then_some(from + 1)
        }
        _ => None,
    };
    if let Some(at) = author_at
        && !(not_theirs && toks[at - 1].lo == "from")
        && let Some(np) = np_after(toks, at)
        && !filed_from_a_place(toks, n, at, np)
    {
        s.push(np, (n, at), Accept::Any);
    }
}

/// True when a place follows "from" after a report or an outlet's output: where it was filed,
/// not who wrote it ("the channel's reports from Belarus", "dispatches from Grozny"); "a
/// report from the ministry", "a statement from Tbilisi" keep their author.
fn filed_from_a_place(toks: &[Tok<'_>], n: usize, at: usize, np: Np) -> bool {
    toks[at - 1].lo == "from"
        && toks[n].info.is(class::REPORT | class::OUTPUT)
        && !toks[n].info.is(class::DOCUMENT)
        && np.1 == np.0 + 1
        && toks[np.0]
            .info
            .is(class::COUNTRY | class::CAPITAL | class::PLACE)
}

/// A frame opening the sentence ("In an interview, the minister …", "At a news conference
/// on Monday, the prosecutor …"): the subject after its comma.
fn frame_cue(s: &mut Sentence<'_, '_>) {
    let toks = s.toks;
    // The frame opens the last stretch after a heading, or the sentence.
    let start = toks.iter().rposition(|t| t.has(BREAK)).map_or(0, |b| b + 1);
    if !toks
        .get(start)
        .is_some_and(|t| matches!(t.lo, "in" | "at" | "during" | "speaking" | "addressing"))
    {
        return;
    }
    let Some(comma) = (start + 1..toks.len().min(start + 30)).find(|&i| toks[i].is(",")) else {
        return;
    };
    let Some(frame) = (start + 1..comma.min(start + 8))
        .find(|&i| toks[i].info.is(class::FRAME) && !toks[i].cap() && is_frame_at(s.cues, toks, i))
    else {
        return;
    };
    let Some(mut np) = np_after(toks, comma + 1) else {
        return;
    };
    // "In a statement posted on Hunafa.info, a website close to the rebels, the command
    // said": an indefinite phrase after a name describes the name; the subject follows the
    // next comma.
    if toks[np.0].info.is(class::INDEFINITE)
        && !toks[np.0].info.is(class::DEFINITE)
        && (toks[comma - 1].cap() || toks[comma - 1].has(NAMEISH | UPPER))
        && let Some(next) = (np.1..toks.len().min(np.1 + 12)).find(|&i| !toks[i].is_word())
        && toks[next].is(",")
        && let Some(after) = np_after(toks, next + 1)
    {
        np = after;
    }
    // The subject must be followed by its verb, not by more of a list.
    if toks.get(np.1).is_some_and(|t| t.is_word() && !t.cap()) {
        s.push(np, (start, frame + 1), Accept::Speaker);
    }
}

/// True when a frame noun ends at `i` (one word, or the last of a listed multi-word one).
fn is_frame_at(cues: &Cues, toks: &[Tok<'_>], i: usize) -> bool {
    let multi: Vec<&Vec<Box<str>>> = cues
        .frames()
        .iter()
        .filter(|f| f.last().is_some_and(|l| **l == *toks[i].lo))
        .collect();
    if multi.is_empty() {
        return true;
    }
    // A word listed only as the end of longer frames ("conference") needs the whole frame.
    let whole = multi.iter().any(|f| {
        f.len() <= i + 1
            && f.iter()
                .zip(&toks[i + 1 - f.len()..=i])
                .all(|(w, t)| **w == *t.lo)
    });
    whole
        || !matches!(
            toks[i].lo,
            "conference" | "release" | "appearance" | "conversation" | "post"
        )
}
