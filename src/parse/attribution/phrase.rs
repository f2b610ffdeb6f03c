//! Noun phrases of sources: where a subject ends before its cue, where an object or agent
//! ends after it.
//!
//! A phrase is a run of words the lexicon allows inside one (determiners, modifiers, role,
//! body, outlet and document nouns, places) or capitalised words, joined by a preposition
//! when a noun stands before it and a phrase after it ("the press secretary of the
//! company", "reports out of the capital"). What may stand between a subject and its verb
//! is [`gap`](super::gap)'s.

use super::lexicon::class;
use super::tokens::{BREAK, DIGIT, NAMEISH, POSS, Tok, UPPER};

/// A phrase: token indices `[start, end)`.
pub(crate) type Np = (usize, usize);

/// Most words in one phrase.
const MAX_NP: usize = 14;

/// Most tokens looked at around a cue for the start or end of its clause (a sentence longer
/// than that is a pathological input: looking further would make the pass quadratic).
const SEGMENT: usize = 120;

/// Where the stretch of the sentence that holds `v` starts: after the last heading break
/// before it, or at the sentence's start, looking back a bounded way.
pub(crate) fn segment_start(toks: &[Tok<'_>], v: usize) -> usize {
    let from = v.saturating_sub(SEGMENT);
    toks[from..v]
        .iter()
        .rposition(|t| t.has(BREAK))
        .map_or(from, |b| from + b + 1)
}

/// Where the stretch of the sentence that holds `v` ends (exclusive), looking ahead a
/// bounded way.
pub(crate) fn segment_end(toks: &[Tok<'_>], v: usize) -> usize {
    let to = toks.len().min(v + SEGMENT);
    toks[v..to]
        .iter()
        .position(|t| t.has(BREAK))
        .map_or(to, |e| v + e)
}

/// True when `t` can stand inside a source's phrase.
pub(crate) fn in_phrase(t: &Tok<'_>) -> bool {
    if t.has(BREAK) || !t.is_word() || matches!(t.lo, "that" | "which" | "who" | "whom") {
        return false;
    }
    // In capitals ("KYIV ACCUSES MOSCOW OF …") a function word or a verb is no name.
    if t.has(UPPER)
        && !t.info.is(class::IN_PHRASE)
        && t.info.is(class::SENTENCE | class::VERB | class::PRONOUN)
    {
        return false;
    }
    if t.cap() || t.has(NAMEISH | UPPER | POSS | DIGIT) {
        return true;
    }
    if t.info.is(class::IN_PHRASE) {
        return !t.info.is(class::PRONOUN) || t.info.is(class::DEFINITE | class::INDEFINITE);
    }
    false
}

/// Past a date that opens a phrase's object ("posted on June 11 on Hunafa.info"): the token
/// after the date's next preposition, or `at` itself when no date and preposition follow.
pub(crate) fn skip_date_after(toks: &[Tok<'_>], at: usize) -> usize {
    let mut k = at;
    let mut seen_calendar = false;
    while k < toks.len() && k - at < 5 {
        let t = &toks[k];
        if is_calendar_word(t) {
            seen_calendar = true;
        } else if !(t.has(DIGIT) || t.is(",")) {
            break;
        }
        k += 1;
    }
    match toks.get(k) {
        Some(t) if seen_calendar && matches!(t.lo, "on" | "in" | "by") => k + 1,
        _ => at,
    }
}

/// `np` with the name set off after it when `np` ends in a role: "quoted a former senator,
/// Jan Nowak, as saying" gives "a former senator, Jan Nowak".
pub(crate) fn with_appositive_name(toks: &[Tok<'_>], np: Np) -> Np {
    let role_last = toks[np.1 - 1].info.is(class::ROLE) && !toks[np.1 - 1].cap();
    if !role_last || !toks.get(np.1).is_some_and(|t| t.is(",")) {
        return np;
    }
    let from = np.1 + 1;
    let end = (from..toks.len().min(from + 5))
        .find(|&i| !(toks[i].is_word() && (toks[i].cap() || toks[i].has(NAMEISH))))
        .unwrap_or(toks.len().min(from + 5));
    let closed = toks.get(end).is_none_or(|t| t.is(",") || t.lo == "as");
    if end > from && end - from <= 4 && closed && !toks[from].info.is(class::SENTENCE) {
        (np.0, end)
    } else {
        np
    }
}

/// True for a month or weekday name.
pub(crate) fn is_calendar_word(t: &Tok<'_>) -> bool {
    t.info.is(class::CALENDAR) && (t.cap() || t.lo.len() > 3)
}

/// True for a preposition that ends the head of the phrase it stands in ("observers in the
/// capital"), also in a line in capitals ("STUDENTS IN MINSK"); a capitalised one inside a
/// name does not ("the Committee For Peace").
pub(crate) fn ends_head(t: &Tok<'_>) -> bool {
    is_inner_preposition(t.lo) && (!t.cap() || t.has(UPPER))
}

/// A lower-case gerund that is no cue ("preparing", "drafting").
pub(crate) fn is_gerund(t: &Tok<'_>) -> bool {
    t.is_word()
        && !t.cap()
        && t.lo.len() > 5
        && t.lo.ends_with("ing")
        && !t.info.is(class::VERB | class::CUE)
}

/// True when the gerund at `g` follows a postmodifier and its preposition: "involved in
/// preparing", "close to running".
fn gerund_after_postmodifier(toks: &[Tok<'_>], g: usize) -> bool {
    g >= 2
        && is_gerund(&toks[g])
        && is_inner_preposition(toks[g - 1].lo)
        && toks[g - 2].info.is(class::POSTMOD)
}

/// True for a preposition that may join two parts of one phrase.
pub(crate) fn is_inner_preposition(w: &str) -> bool {
    matches!(
        w,
        "of" | "for" | "in" | "from" | "at" | "with" | "on" | "to" | "by"
    )
}

/// True when the unknown noun at `at` closes a prepositional phrase attached to a source's
/// noun: a determiner within three words before it (over names and modifiers), a
/// preposition before that, and a noun (or a postmodifier) before the preposition.
fn pp_object_ends(toks: &[Tok<'_>], at: usize) -> bool {
    for back in 1..=4 {
        let Some(d) = at.checked_sub(back) else {
            return false;
        };
        let t = &toks[d];
        if t.info.is(class::DEFINITE | class::INDEFINITE) && !t.cap() || t.has(POSS) {
            // "involved in preparing the talks": a gerund after the postmodifier's
            // preposition.
            if d >= 1 && gerund_after_postmodifier(toks, d - 1) {
                return true;
            }
            return d >= 2
                && is_inner_preposition(toks[d - 1].lo)
                && (preposition_joins(toks, d - 1) || toks[d - 2].info.is(class::POSTMOD));
        }
        // "an expert on energy policy", "a spokesman for foreign affairs": a role's own
        // prepositional phrase needs no determiner.
        if d >= 1
            && matches!(t.lo, "on" | "for" | "in" | "of")
            && toks[d - 1].info.is(class::ROLE | class::ROLE_PL)
        {
            return true;
        }
        if !(t.cap() || t.info.is(class::MODIFIER) || unknown_modifier(t)) {
            return false;
        }
    }
    false
}

/// True when a phrase may go on after a preposition at `at` ("of", "in"): a noun before it
/// and a phrase (not a date or a clause) after it.
fn preposition_joins(toks: &[Tok<'_>], at: usize) -> bool {
    let (Some(before), Some(after)) = (
        at.checked_sub(1).and_then(|i| toks.get(i)),
        toks.get(at + 1),
    ) else {
        return false;
    };
    let noun_before = in_phrase(before)
        && (before
            .info
            .is(class::HEAD | class::QUANTITY | class::OUTPUT | class::MODIFIER)
            || before.cap()
            || before.has(POSS));
    let phrase_after = (in_phrase(after)
        && !is_calendar_word(after)
        && !after.has(DIGIT)
        && (after.cap() || after.info.is(class::IN_PHRASE)))
        // "a note of protest": a nominal cue after "of".
        || (toks[at].lo == "of"
            && !after.cap()
            && after.info.is(class::NOUN_CUE | class::REPORT)
            || before.info.is(class::DOCUMENT) && after.info.is(class::VERB));
    // "to" joins only a role to its holder ("ambassador to Russia", "adviser to the
    // president") or two parts of a name ("the Committee to Protect Journalists"); "by" only a
    // document to its author ("a statement by the ministry").
    let to_ok = toks[at].lo != "to"
        || before.info.is(class::ROLE | class::ROLE_PL)
        // Not a person's name and another: "a letter from Ion Rusu to Boris Yeltsin".
        || before.cap() && after.cap() && before.info.is(class::HEAD);
    let by_ok = toks[at].lo != "by"
        || !before.cap()
            && before.info.is(class::DOCUMENT | class::NOUN_CUE)
            && !before.info.is(class::VERB);
    // A name no list knows takes no "of" ("an endorsement by Kim of the plan"); "the
    // Ministry of Defence", "the Bank of Russia" do.
    let of_ok = toks[at].lo != "of"
        || !(before.cap() && before.info.class == 0 && !before.has(UPPER))
        || toks[at + 1..toks.len().min(at + 6)]
            .iter()
            .take_while(|t| in_phrase(t))
            .any(|t| {
                t.info
                    .is(class::BODY | class::OUTLET | class::COUNTRY | class::CAPITAL)
            })
        // Capitalised words on both sides: one name ("Freedom of the Media").
        || toks.get(at + 1).is_some_and(|t| t.cap() || t.lo == "the")
            && toks[at + 1..toks.len().min(at + 4)]
                .iter()
                .take_while(|t| in_phrase(t))
                .all(|t| t.cap() || t.lo == "the")
            && toks.get(at + 2).is_some_and(Tok::cap);
    noun_before && phrase_after && to_ok && of_ok && by_ok
}

/// True for a lower-case word no list knows that may stand between a determiner and its
/// noun ("the embattled youth movement"): not a verb form of the lexicon, not an adverb.
pub(crate) fn unknown_modifier(t: &Tok<'_>) -> bool {
    // The last word of a listed multi-word name alone ("force" of "task force") is unknown.
    t.is_word()
        && !t.cap()
        && t.info.class & !class::MULTI_TAIL == 0
        && !t.lo.ends_with("ly")
        && !t.lo.ends_with("ing")
        && t.lo.len() > 2
        && !super::gap::is_time_unit(t.lo.trim_end_matches('s'))
}

/// A determiner or possessive within three words before `at`, over unknown modifiers.
fn determiner_before(toks: &[Tok<'_>], at: usize, bare: bool) -> bool {
    // Up to four words back, past modifiers and names ("the OSCE short-term observation
    // mission"); with `bare`, a phrase opening the sentence with a name needs none
    // ("Kurdish exile groups": only where a known head follows, not in "Minsk raised").
    let mut named = false;
    for back in 1..=4 {
        let Some(u) = at.checked_sub(back).and_then(|i| toks.get(i)) else {
            return named && bare;
        };
        if !u.is_word() || u.has(BREAK) {
            return named && bare && !u.is_quote();
        }
        if u.info.is(class::DEFINITE | class::INDEFINITE) || u.has(POSS) {
            return true;
        }
        let name = (u.cap() || u.has(UPPER)) && !u.info.is(class::SENTENCE | class::VERB);
        named |= name;
        if !(unknown_modifier(u) || name || u.info.is(class::MODIFIER)) {
            return false;
        }
    }
    false
}

/// The phrase ending just before token `end`, or `None`.
pub(crate) fn np_before(toks: &[Tok<'_>], end: usize) -> Option<Np> {
    // A phrase in quotation marks: other “government officials”.
    if end >= 3 && toks[end - 1].is_quote() {
        let open = (end.saturating_sub(8)..end - 1)
            .rev()
            .find(|&k| toks[k].is_quote())?;
        if open + 1 < end - 1 && toks[open + 1..end - 1].iter().all(in_phrase) {
            let inner = np_before_plain(toks, end - 1)?;
            if inner.0 == open + 1 {
                let outer = np_before_plain(toks, open).map_or(open, |np| np.0);
                return Some((outer, end));
            }
            if inner.0 < open {
                return Some((inner.0, end));
            }
        }
        return None;
    }
    np_before_plain(toks, end)
}

/// [`np_before`] without quotation marks around the phrase.
fn np_before_plain(toks: &[Tok<'_>], end: usize) -> Option<Np> {
    // "One of them", "some of those": a part of a group named before.
    if end >= 3
        && matches!(toks[end - 1].lo, "them" | "those" | "these" | "us")
        && toks[end - 2].lo == "of"
        && toks[end - 3].info.is(class::QUANTITY | class::INDEFINITE)
    {
        return Some((end - 3, end));
    }
    let mut i = end;
    while i > 0 && end - i < MAX_NP {
        let t = &toks[i - 1];
        if in_phrase(t) {
            // A lower-case noun does not modify a name after it ("the statement Pyongyang").
            if i < end
                && toks[i].cap()
                && !t.cap()
                && t.info
                    .is(class::DOCUMENT | class::DOCUMENT_PL | class::COLLECTIVE)
                && !t.info.is(class::MODIFIER)
            {
                break;
            }
            i -= 1;
            continue;
        }
        if i < end && is_inner_preposition(t.lo) && preposition_joins(toks, i - 1) {
            i -= 1;
            continue;
        }
        // "diplomats involved in preparing the talks": a gerund after a postmodifier's
        // preposition.
        if i < end && i >= 4 && gerund_after_postmodifier(toks, i - 1) {
            i -= 1;
            continue;
        }
        // "officials familiar with the draft", "sources close to the president".
        if i < end
            && i >= 3
            && is_inner_preposition(t.lo)
            && toks[i - 2].info.is(class::POSTMOD)
            && toks[i - 3].info.is(class::HEAD)
        {
            i -= 2;
            continue;
        }
        if i < end && t.lo == "out" && toks[i].lo == "of" {
            i -= 1;
            continue;
        }
        if i < end && i >= 2 && t.lo == "and" && is_modifier(&toks[i - 2]) && is_modifier(&toks[i])
        {
            i -= 1;
            continue;
        }
        if i < end && unknown_modifier(t) && determiner_before(toks, i - 1, true) {
            i -= 1;
            continue;
        }
        // An unknown noun closing a phrase's prepositional part: "observers in the capital",
        // "analysts at the Troika Dialog brokerage", "officials familiar with the draft".
        if i == end && unknown_modifier(t) && pp_object_ends(toks, i - 1) {
            i -= 1;
            continue;
        }
        // A cue word after an article is a noun there: "diplomats involved in the talks",
        // "sources familiar with the reports".
        if i == end
            && i >= 2
            && !t.cap()
            && t.info.is(class::VERB | class::NOUN_CUE)
            && matches!(toks[i - 2].lo, "the" | "a" | "an")
            && pp_object_ends(toks, i - 1)
        {
            i -= 1;
            continue;
        }
        // "a note of protest": a noun after "of" that the lists know only as a verb or cue.
        if i == end
            && i >= 3
            && !t.cap()
            && t.is_word()
            && toks[i - 2].lo == "of"
            && preposition_joins(toks, i - 2)
        {
            i -= 1;
            continue;
        }
        // "the account of the talks", "Tass's report of the meeting": a noun after "of"
        // and a determiner, which the lists know only as a verb or not at all.
        if i == end
            && i >= 4
            && !t.cap()
            && t.is_word()
            && !t.info.is(class::PRONOUN | class::SENTENCE)
            && toks[i - 2].info.is(class::DEFINITE)
            && !toks[i - 2].cap()
            && toks[i - 3].lo == "of"
            && preposition_joins(toks, i - 3)
        {
            i -= 2;
            continue;
        }
        if i < end && i >= 2 && t.is_quote() && in_phrase(&toks[i - 2]) && in_phrase(&toks[i]) {
            i -= 1;
            continue;
        }
        break;
    }
    let start = trim_start(toks, i, end);
    (start < end).then_some((start, end))
}

/// True for a modifier that is not a head ("Ukrainian", "international").
fn is_modifier(t: &Tok<'_>) -> bool {
    t.is_word() && t.info.is(class::MODIFIER | class::NATIONALITY) && !t.info.is(class::HEAD)
}

/// Leave out what cannot open a phrase: prepositions, conjunctions, quotation marks and
/// sentence words ("However", "As").
fn trim_start(toks: &[Tok<'_>], mut start: usize, end: usize) -> usize {
    while start < end {
        let t = &toks[start];
        let furniture = t.is_quote()
            || !t.is_word()
            || (!t.cap() && (is_inner_preposition(t.lo) || matches!(t.lo, "and" | "or" | "out")))
            || (t.info.is(class::SENTENCE)
                && !t
                    .info
                    .is(class::HEAD | class::DEFINITE | class::INDEFINITE | class::MODIFIER)
                && start + 1 < end);
        if !furniture {
            break;
        }
        start += 1;
    }
    start
}

/// The phrase starting at token `from` (after opening quotation marks), or `None`.
pub(crate) fn np_after(toks: &[Tok<'_>], from: usize) -> Option<Np> {
    let opened = from;
    let mut from = from;
    while toks.get(from).is_some_and(|t| t.is_quote()) {
        from += 1;
    }
    let mut j = from;
    while j < toks.len() && j - from < MAX_NP {
        let t = &toks[j];
        // A bare plural after a preposition: "posted on extremist forums".
        if j == from
            && unknown_modifier(t)
            && toks
                .get(j + 1)
                .is_some_and(|n| n.info.is(class::HEAD) && !n.cap() && in_phrase(n))
        {
            j += 1;
            continue;
        }
        if in_phrase(t) {
            // A date ends the phrase: "Interfax on March 3".
            if j > from && is_calendar_word(t) {
                break;
            }
            j += 1;
            // A possessive ends a holder; the noun it holds goes on: "the ministry's envoy".
            continue;
        }
        if j > from && is_inner_preposition(t.lo) && preposition_joins(toks, j) {
            j += 1;
            continue;
        }
        if j > from
            && t.lo == "out"
            && toks.get(j + 1).is_some_and(|n| n.lo == "of")
            && toks
                .get(j + 2)
                .is_some_and(|n| in_phrase(n) && !is_calendar_word(n))
        {
            j += 2;
            continue;
        }
        if j > from
            && t.lo == "and"
            && is_modifier(&toks[j - 1])
            && toks.get(j + 1).is_some_and(is_modifier)
        {
            j += 1;
            continue;
        }
        // An unlisted word between a determiner and the head ("the Kremlin-friendly daily"),
        // not after the head: "The officials met, saying" ends at "officials".
        if unknown_modifier(t)
            && determiner_before(toks, j, false)
            && !toks[from..j]
                .iter()
                .any(|h| h.info.is(class::HEAD) && !h.cap() && !h.info.is(class::MODIFIER))
        {
            j += 1;
            continue;
        }
        // A medium's name in quotation marks, written any way: the daily "24 saati".
        if j > from
            && t.is_quote()
            && toks[j - 1].info.is(class::OUTLET)
            && let Some(close) = (j + 1..toks.len().min(j + 8))
                .find(|&k| !toks[k].is_word())
                .filter(|&k| k > j + 1 && toks[k].is_quote())
        {
            j = close + 1;
            continue;
        }
        if j > from
            && t.is_quote()
            && toks.get(j + 1).is_some_and(in_phrase)
            && in_phrase(&toks[j - 1])
        {
            j += 1;
            continue;
        }
        // A quotation mark that closes one opened inside the phrase.
        if t.is_quote() && toks[from..j].iter().filter(|q| q.is_quote()).count() % 2 == 1 {
            j += 1;
        }
        break;
    }
    // Leave out what cannot close a phrase (a quotation mark closes one it opened: the
    // daily "24 saati").
    while j > from {
        let t = &toks[j - 1];
        let closes_name =
            t.is_quote() && toks[from..j - 1].iter().filter(|q| q.is_quote()).count() % 2 == 1;
        let furniture = t.is_quote() && !closes_name
            || is_inner_preposition(t.lo)
            || matches!(t.lo, "and" | "or" | "out")
            || (t.info.is(class::DEFINITE | class::INDEFINITE) && !t.info.is(class::HEAD))
            || (t.info.is(class::MODIFIER) && !t.cap() && !t.info.is(class::HEAD));
        if !furniture {
            break;
        }
        j -= 1;
    }
    let start = trim_start(toks, from, j);
    // “well-placed” sources: the quotation opened before the phrase closes inside it.
    let start = if start == from && from > opened && toks[from..j].iter().any(Tok::is_quote) {
        opened
    } else {
        start
    };
    (start < j).then_some((start, j))
}
