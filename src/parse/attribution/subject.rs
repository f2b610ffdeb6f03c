//! Subjects of verb cues: one phrase before the verb, or the conjuncts of a coordinated
//! subject ("A, B and C have acknowledged", "Armenia and Turkey welcomed"), with the checks
//! that keep a phrase that is not a subject out (the object of a preposition, a plural
//! verb's singular subject); and the subject of the sentence's main clause, for the cues
//! that take it (participles, a second verb after "and").

use super::gap::skip_to_subject;
use super::lexicon::{VerbCue, class};
use super::matcher::{Accept, Sentence};
use super::phrase::{Np, ends_head, in_phrase, is_inner_preposition, np_after, np_before};
use super::tokens::{POSS, Tok};
use crate::model::SourceType;

/// The subjects of the verb whose auxiliaries start at `end`: one phrase, or the
/// conjuncts of a coordinated subject. Returns the first record.
pub(crate) fn subjects(
    s: &mut Sentence<'_, '_>,
    verb: &VerbCue,
    end: usize,
    cue: Np,
    plural_only: bool,
) -> Option<usize> {
    let toks = s.toks;
    // "The ministry posted a statement announcing …": a document that says something is
    // published by anyone.
    let mut accept = if verb.outlet_subject && !super::verbal::document_says(s, cue.1) {
        Accept::Outlet
    } else {
        Accept::Any
    };
    let gap = skip_to_subject(toks, end);
    let mut e = gap.end;
    // ", which also quoted", ", who said": the phrase before the comma, when it names a
    // speaker (a relative pronoun may stand for another phrase of the sentence).
    // A phrase may stand between the pronoun and its verb: ", which for the first time
    // acknowledged".
    // Without commas too: "critics in Washington who argue that".
    let relative = (e.saturating_sub(7)..e).rev().find(|&k| {
        k >= 1
            && matches!(toks[k].lo, "which" | "who" | "that")
            && (toks[k - 1].is(",") && toks[k].lo != "that"
                || matches!(toks[k].lo, "who" | "that")
                    && k + 1 == e
                    // Not "any document that describes …", "any official who criticises":
                    // no one in particular.
                    && !(toks[k.saturating_sub(4)..k]
                            .iter()
                            .any(|t| matches!(t.lo, "any" | "every" | "no" | "each")))
                    && toks[k - 1].is_word()
                    && !toks[k - 1].info.is(class::PRONOUN))
            && (k + 1 == e
                || is_inner_preposition(toks[k + 1].lo)
                    && toks[k + 1..e]
                        .iter()
                        .all(|t| t.is_word() && !t.info.is(class::VERB | class::PRONOUN)))
    });
    if let Some(k) = relative {
        e = if toks[k - 1].is(",") { k - 1 } else { k };
        // After a comma the pronoun may stand for another phrase of the sentence; without
        // one it is its phrase's ("critics who argue that").
        if accept == Accept::Any && toks[k - 1].is(",") {
            accept = Accept::Speaker;
        }
    }
    // "Engineers who inspected the site on Monday found …", "Two deputies who spoke to
    // the paper said": the subject before a relative clause without commas.
    let restrictive = relative
        .is_none()
        .then(|| restrictive_relative(toks, e))
        .flatten();
    if let Some(k) = restrictive {
        e = k;
    }
    let by_relative = relative.is_some();
    let mut np = np_before(toks, e)?;
    // "Aleksandr Cherkasov of Memorial said": a name and its organisation.
    if !by_relative
        && np.0 > 1
        && toks[np.0 - 1].lo == "of"
        && let Some(p) = np_before(toks, np.0 - 1)
        && p.1 + 1 == np.0
        && toks[p.1 - 1].cap()
        && toks[p.1 - 1].info.class == 0
    {
        np = (p.0, np.1);
    }
    // "Analysts such as Mustafa Alani believe": the whole and its named member.
    if !by_relative
        && np.0 > 2
        && toks[np.0 - 2].lo == "such"
        && toks[np.0 - 1].lo == "as"
        && let Some(whole) = np_before(toks, np.0 - 2)
        && whole.1 + 2 == np.0
        && is_plural(&toks[whole.0..whole.1])
    {
        // "pressure on countries such as Iran suggests": a preposition's object, and its
        // members with it, is no subject.
        if whole.0 > 0
            && !toks[whole.0 - 1].cap()
            && (is_object_preposition(toks[whole.0 - 1].lo)
                || matches!(toks[whole.0 - 1].lo, "if" | "unless"))
        {
            return None;
        }
        let found = s.push_speaker(whole, cue, accept);
        s.push_speaker(np, cue, accept);
        return found;
    }
    // The object of a preposition is no subject: "the postponement of the talks with Putin
    // suggests".
    // (The antecedent of a relative pronoun may be any phrase: "handed over a note, which
    // said …".)
    // ("after", "before", "since" and "until" open a clause when a verb follows its
    // subject: "the fighting stopped after the president promised …".)
    if !by_relative
        && np.0 > 0
        && !toks[np.0 - 1].cap()
        && is_object_preposition(toks[np.0 - 1].lo)
        && !matches!(toks[np.0 - 1].lo, "after" | "before" | "since" | "until")
    {
        return None;
    }
    // A condition reports nothing: "the fleet stays only if Kyiv agrees to …".
    if np.0 > 0 && matches!(toks[np.0 - 1].lo, "if" | "unless") {
        return None;
    }
    if plural_only && !is_plural(&toks[np.0..np.1]) && !matches!(toks[np.0].lo, "and" | "or") {
        let coordinated_subject = np.0 > 0 && matches!(toks[np.0 - 1].lo, "and" | "or");
        if !coordinated_subject {
            return None;
        }
    }
    // "the foreign minister, Igor Ivanov, said": the role and the name are one source.
    if let Some(name) = gap.appositive_name
        && np.1 + 1 == name.0
    {
        np = (np.0, name.1);
    }
    // "An article by General Luo Yuan in the PLA Daily argued": the author, carried by the
    // outlet, not the article.
    if let Some((author, outlet)) = output_by_author(toks, np) {
        let first = s.push_speaker(author, cue, Accept::Any);
        if first.is_some()
            && let Some(outlet) = outlet
        {
            let o = s.push(outlet, cue, Accept::Medium);
            s.cite(o, first);
        }
        if first.is_some() {
            return first;
        }
    }
    // Most subjects stand alone: only a phrase after "and" / "or" may have conjuncts.
    if np.0 == 0 || !matches!(toks[np.0 - 1].lo, "and" | "or") {
        let found = s.push_speaker(np, cue, accept);
        if let Some(i) = found {
            // A member of the media is an outlet, named or not ("several papers, including
            // Rzeczpospolita").
            let head = &toks[s.found[i].typed.head];
            let media = head.info.is(class::OUTLET_PL) || matches!(head.lo, "media" | "press");
            for member in gap.included.into_iter().flatten() {
                s.push_speaker(member, cue, if media { Accept::Medium } else { accept });
            }
        }
        return found;
    }
    let conjuncts = coordinated(toks, np);
    // "The Ministry of Public Administration and Justice said": "and" inside the name of a
    // body, after "of" / "for".
    if let [rest, body] = conjuncts[..]
        && super::matcher::name_goes_on(toks, body, rest)
        && toks[body.0..body.1].iter().any(|t| t.info.is(class::BODY))
    {
        return s.push_speaker((body.0, np.1), cue, accept);
    }
    if conjuncts.len() > 1 {
        let typed: Vec<Option<SourceType>> = conjuncts
            .iter()
            .map(|&c| super::typing::classify(&toks[c.0..c.1], s.cues, s.outlets).map(|t| t.kind))
            .collect();
        // "news sources in the capital and the West", "diplomats from Berlin and Paris": the
        // "and" joins places inside one phrase.
        let place = |c: Np| {
            toks[c.0..c.1]
                .iter()
                .filter(|t| t.is_word() && !t.info.is(class::DEFINITE))
                .all(|t| t.info.is(class::COUNTRY | class::CAPITAL | class::PLACE))
        };
        let inner_pp = |c: Np| {
            toks[c.0 + 1..c.1]
                .iter()
                .any(|t| is_inner_preposition(t.lo))
        };
        if typed[0].is_none() || (place(conjuncts[0]) && inner_pp(conjuncts[1])) {
            let whole = (conjuncts[conjuncts.len() - 1].0, np.1);
            return s.push_speaker(whole, cue, accept);
        }
        if typed.iter().all(Option::is_some) {
            // "The bloc's three leaders, A, B and C": the plural role heads the list of names;
            // the names are the sources.
            let (conjuncts, typed) = match (conjuncts.last(), typed.last()) {
                (Some(&(a, b)), Some(Some(SourceType::Vague)))
                    if conjuncts.len() > 2
                        && toks[a + 1..b].iter().all(|t| !t.cap())
                        && typed[..typed.len() - 1]
                            .iter()
                            .all(|t| *t == Some(SourceType::Person)) =>
                {
                    (&conjuncts[..conjuncts.len() - 1], &typed[..typed.len() - 1])
                }
                _ => (&conjuncts[..], &typed[..]),
            };
            let mut first = None;
            for c in merge_role_and_name(toks, conjuncts, typed) {
                let r = s.push_speaker(c, cue, accept);
                first = first.or(r);
            }
            return first;
        }
    }
    s.push_speaker(np, cue, accept)
}

/// Prepositions whose object cannot be the subject of the verb after it.
pub(crate) fn is_object_preposition(w: &str) -> bool {
    matches!(
        w,
        "of" | "in"
            | "with"
            | "by"
            | "for"
            | "on"
            | "at"
            | "from"
            | "to"
            | "about"
            | "against"
            | "between"
            | "among"
            | "than"
            | "into"
            | "over"
            | "under"
            | "without"
            | "toward"
            | "towards"
            | "upon"
            | "via"
            | "despite"
            | "within"
            | "through"
            | "behind"
    )
}

/// True when a phrase's last word is a plural noun ("officials", "media", "Georgians").
fn is_plural(np: &[Tok<'_>]) -> bool {
    // "Several of them", "two of those".
    if np.len() == 3 && np[1].lo == "of" && matches!(np[2].lo, "them" | "those" | "these" | "us") {
        return np[0].lo != "one";
    }
    // The head: the last word before a preposition ("observers in the capital").
    let head = np
        .iter()
        .skip(1)
        .position(ends_head)
        .map_or(np.len(), |p| p + 1);
    // Over a postmodifier: "sources close to the president", "officials familiar with".
    let head = np[..head]
        .iter()
        .rposition(|t| !t.info.is(class::POSTMOD))
        .map_or(head, |p| p + 1);
    np[..head].last().is_some_and(|t| {
        t.info.is(class::ROLE_PL
            | class::OUTLET_PL
            | class::DOCUMENT_PL
            | class::NATIONALITY_PL
            | class::COLLECTIVE)
            || (t.lo.ends_with('s')
                && !t.lo.ends_with("ss")
                && t.info.is(class::BODY)
                // A party by its members ("Communists", "Greens"), not a name ("Hamas").
                && (!t.cap()
                    || ["ists", "ans", "als", "ats", "ives", "ens"]
                        .iter()
                        .any(|e| t.lo.ends_with(e))))
            || matches!(t.lo, "authorities" | "people" | "police" | "media")
    })
}

/// The conjuncts of a subject ending with `np`, nearest first: "A, B and C" gives C, B, A.
fn coordinated(toks: &[Tok<'_>], np: Np) -> Vec<Np> {
    let mut out = vec![np];
    let mut a = np.0;
    let mut seen_and = false;
    loop {
        let mut k = a;
        if k > 0 && matches!(toks[k - 1].lo, "and" | "or") && !seen_and {
            k -= 1;
            seen_and = true;
            if k > 0 && toks[k - 1].is(",") {
                k -= 1;
            }
        } else if seen_and && k > 0 && toks[k - 1].is(",") {
            k -= 1;
        } else {
            break;
        }
        let Some(prev) = np_before(toks, k) else {
            break;
        };
        if prev.1 != k || out.len() >= 8 {
            break;
        }
        // "However, A, B and C reported": an opening adverb is no conjunct.
        if prev.1 - prev.0 == 1 && toks[prev.0].info.is(class::SENTENCE) {
            break;
        }
        out.push(prev);
        a = prev.0;
    }
    if out.len() > 1 && !seen_and {
        out.truncate(1);
    }
    // The object of a preposition is no conjunct: "a meeting with supporters, Belapan and
    // Interfax reported".
    while out.len() > 1
        && out
            .last()
            .is_some_and(|c| c.0 > 0 && is_object_preposition(toks[c.0 - 1].lo))
    {
        out.pop();
    }
    // The first conjunct must open its clause: in "Putin met Bush and officials said" the
    // "and" joins clauses, and "Bush" is no subject.
    // In "police cleared the camp, Belapan and Interfax reported" the list starts after the
    // comma: "the camp" is the object of the clause before.
    while let Some(first) = out.last()
        && out.len() > 1
        && first.0 > 0
    {
        let t = &toks[first.0 - 1];
        let opens = !t.is_word()
            || (t.info.is(class::SENTENCE) && !is_object_preposition(t.lo))
            || matches!(t.lo, "that" | "while" | "whereas" | "but" | "as" | "when");
        if opens {
            break;
        }
        if out.len() > 2 {
            out.pop();
        } else {
            out.truncate(1);
        }
    }
    out
}

/// Where a relative clause without commas ("who were allowed to inspect the site") that
/// ends at `e` begins, when a phrase naming people stands right before it.
pub(crate) fn restrictive_relative(toks: &[Tok<'_>], e: usize) -> Option<usize> {
    let k = (e.saturating_sub(16)..e)
        .rev()
        .find(|&k| toks[k].lo == "who" && !toks[k].cap())?;
    // The clause holds words and no clause boundary; the phrase before it ends at "who".
    let clause = &toks[k + 1..e];
    if clause.len() < 2
        || !clause
            .iter()
            .all(|t| t.is_word() || t.is_quote() || t.is("-"))
        || clause
            .iter()
            .any(|t| matches!(t.lo, "who" | "which" | "and" | "but"))
        // "that" only in a request not to be named ("who asked that his name not be used")
        || clause.iter().any(|t| t.lo == "that")
            && !matches!(clause[0].lo, "asked" | "requested")
    {
        return None;
    }
    let np = np_before(toks, k)?;
    (np.1 == k && k > 0 && toks[k - 1].is_word() && !toks[k - 1].info.is(class::PRONOUN))
        .then_some(k)
}

/// In a list of conjuncts, a role without a name followed by a bare name is one source
/// ("his first deputy, Avtandil Ioseliani"): `conjuncts` are nearest first.
fn merge_role_and_name(
    toks: &[Tok<'_>],
    conjuncts: &[Np],
    typed: &[Option<SourceType>],
) -> Vec<Np> {
    let mut out = Vec::new();
    let mut i = conjuncts.len();
    while i > 0 {
        i -= 1;
        let c = conjuncts[i];
        let role_only = !toks[c.0..c.1].iter().any(Tok::cap)
            && matches!(typed[i], Some(SourceType::Person | SourceType::Anonymous));
        if role_only && i > 0 {
            let name = conjuncts[i - 1];
            if toks[name.0..name.1].iter().all(Tok::cap) {
                out.push((c.0, name.1));
                i -= 1;
                continue;
            }
        }
        out.push(c);
    }
    out
}

/// The subject of the sentence's main clause (the sentence starting at `start`), for a
/// participle cue at `v` ("Moscow rejected the plan, saying ..."): the first phrase of the
/// sentence, after an opening adverbial phrase closed by a comma and before appositives,
/// when a verb-like word follows.
pub(crate) fn sentence_subject(toks: &[Tok<'_>], start: usize, v: usize) -> Option<Np> {
    let mut start = start;
    // An endnote's number before the sentence: "(3) The weekly X went further, asserting".
    if start + 3 < v
        && matches!(toks[start].s, "(" | "[")
        && toks[start + 1].has(super::tokens::DIGIT)
        && matches!(toks[start + 2].s, ")" | "]")
    {
        start += 3;
    }
    if start >= v {
        return None;
    }
    let opener = &toks[start];
    // A sentence opener, or a participle's clause: "Accusing Seoul of bad faith, Pyongyang
    // broke off the talks and issued …".
    let participle = opener.lo.ends_with("ing") && opener.info.is(class::VERB | class::PHRASE);
    if participle
        || opener.info.is(class::SENTENCE) && !opener.info.is(class::DEFINITE | class::HEAD)
    {
        // A conjunction needs no comma: "Yet the same officials spent the year warning".
        start = match (start..v).find(|&i| toks[i].is(",")) {
            Some(comma) => comma + 1,
            None if !participle
                && matches!(opener.lo, "yet" | "but" | "and" | "so" | "still" | "now") =>
            {
                start + 1
            }
            None => return None,
        };
    }
    let np = np_after(toks, start)?;
    if np.0 != start || np.1 >= v {
        return None;
    }
    // "His deputy, Pavel Orlov, went further, telling …": the role and its name.
    let np = super::phrase::with_appositive_name(toks, np);
    // Over appositives: "Ivan Petrov, chief engineer of the utility, the region's
    // supplier, warned …".
    let mut j = np.1;
    while j < v && toks[j].is(",") {
        let next = toks.get(j + 1)?;
        if !(in_phrase(next) && !next.cap() || next.has(POSS)) {
            break;
        }
        j = (j + 1..v.min(j + 30)).find(|&k| toks[k].is(","))?;
    }
    if j < v && toks[j].is(",") {
        j += 1;
    }
    let next = toks.get(j)?;
    (j < v && next.is_word() && !next.cap() && !in_phrase(next)).then_some(np)
}

/// An outlet's output with its author ("an article by General Luo Yuan in the PLA Daily", "a
/// commentary by the editor"): the author's phrase, and the outlet's after "in" or "for".
fn output_by_author(toks: &[Tok<'_>], np: Np) -> Option<(Np, Option<Np>)> {
    let mut i = np.0;
    if toks[i].info.is(class::DEFINITE | class::INDEFINITE) {
        i += 1;
    }
    while i < np.1 && toks[i].is_word() && !toks[i].info.is(class::OUTPUT) && i < np.0 + 3 {
        i += 1;
    }
    if !(i + 2 < np.1 && toks[i].info.is(class::OUTPUT) && !toks[i].cap() && toks[i + 1].lo == "by")
    {
        return None;
    }
    let whole = np_after(toks, i + 2)?;
    if whole.1 > np.1 {
        return None;
    }
    // The author ends before "in" / "for" and the outlet's name.
    let split = (whole.0 + 1..whole.1.saturating_sub(1)).find(|&k| {
        // Not inside a body's name ("the Institute for Strategy").
        matches!(toks[k].lo, "in" | "for")
            && !(toks[k - 1].cap() && toks[k - 1].info.is(class::HEAD))
            && (toks[k + 1].cap()
                || toks[k + 1].lo == "the" && toks.get(k + 2).is_some_and(|t| t.cap()))
    });
    match split {
        Some(k) => Some(((whole.0, k), Some((k + 1, np.1)))),
        None => Some((whole, None)),
    }
}
