//! What may stand between a subject and its verb: adverbs and auxiliaries, a date or a time,
//! a parenthesis, a dashed aside and comma-bounded asides (appositives, relative clauses,
//! "for its part", "including X"). [`skip_to_subject`] steps back over them from the verb.

use super::lexicon::class;
use super::phrase::{
    Np, ends_head, in_phrase, is_calendar_word, is_inner_preposition, np_after, np_before,
    unknown_modifier,
};
use super::tokens::{BREAK, DIGIT, NAMEISH, POSS, Tok, UPPER};

/// Most tokens looked back over for an aside.
const MAX_ASIDE: usize = 30;

/// True for a word that may stand between a subject and its verb: an adverb, an auxiliary,
/// a time word ("Kommersant reportedly quoted", "the ministry has since denied").
fn is_between(t: &Tok<'_>) -> bool {
    t.is_word()
        && !t.cap()
        && (t.info.is(class::BETWEEN)
            || (t.lo.len() > 4
                && t.lo.ends_with("ly")
                && !t.info.is(class::HEAD | class::MODIFIER | class::OUTPUT)))
}

/// What stands between a subject and the verb at `end`: where the subject must end, and
/// a name in an aside that belongs to it ("the foreign minister, Igor Ivanov, said").
pub(crate) struct Gap {
    /// The subject ends before this token.
    pub(crate) end: usize,
    /// A name standing alone between commas right after the subject.
    pub(crate) appositive_name: Option<Np>,
    /// A member of the subject named in an aside ("Several papers, including the daily
    /// Zaman, called"): a source of the same cue.
    /// ("Several papers, A and B among them, said": up to two.)
    pub(crate) included: [Option<Np>; 2],
}

/// Step back from the verb at `end` over adverbs, auxiliaries, dates, parentheses, dashed
/// asides and comma-bounded asides to where its subject ends.
pub(crate) fn skip_to_subject(toks: &[Tok<'_>], end: usize) -> Gap {
    let mut e = end;
    let mut appositive_name = None;
    let mut included = [None, None];
    let mut after_aside = false;
    // Asides and adverbs are short: looking further back than this finds no subject.
    while end - e < 80 {
        let before = e;
        while e > 0 && is_between(&toks[e - 1]) {
            e -= 1;
        }
        e = skip_date(toks, e);
        e = skip_time(toks, e);
        e = skip_reduced_relative(toks, e);
        if e > 0 && toks[e - 1].is(")") {
            if let Some(open) = matching_open(toks, e - 1, "(", ")") {
                e = open;
            }
        } else if e > 0 && matches!(toks[e - 1].s, "--" | "—" | "–" | "-") {
            let dash = toks[e - 1].s;
            if let Some(d) = (e.saturating_sub(MAX_ASIDE)..e - 1)
                .rev()
                .find(|&k| toks[k].s == dash)
            {
                e = d;
            }
        } else if e > 1 && toks[e - 1].is(",") {
            // Asides follow one another: "X, who chairs the body, speaking in Y, said".
            // A relative clause with commas inside is one aside, before its inner asides.
            let aside = relative_with_commas(toks, e - 1)
                .map(|open| (open, None))
                .or_else(|| comma_aside(toks, e - 1));
            if let Some((open, name)) = aside {
                if name.is_some() {
                    // "a ministry spokesman, Colonel Ivan Orlov, said": the role before the
                    // name is the subject; nothing before it is an aside.
                    appositive_name = name;
                    e = open;
                    break;
                }
                if let Some(at) = members_lead(toks, open + 1) {
                    // "Several deputies, including A (and B), said", "…, among them A, …"
                    let first = np_after(toks, at);
                    included[0] = first.filter(|np| np.1 + 1 == e);
                    if included[0].is_none()
                        && let Some(a) =
                            first.filter(|np| toks.get(np.1).is_some_and(|t| t.lo == "and"))
                        && let Some(b) = np_after(toks, a.1 + 1).filter(|np| np.1 + 1 == e)
                    {
                        included = [Some(a), Some(b)];
                    }
                } else if among_them(toks, e - 1) {
                    // "Several papers, Nezavisimaya gazeta and Segodnya among them, said"
                    included[0] = np_after(toks, open + 1);
                    included[1] = included[0]
                        .filter(|np| toks.get(np.1).is_some_and(|t| t.lo == "and"))
                        .and_then(|np| np_after(toks, np.1 + 1))
                        .filter(|np| np.1 + 2 == e - 1);
                }
                e = open + 1;
                after_aside = true;
            }
        }
        if e == before {
            break;
        }
    }
    if after_aside && e > 0 && toks[e - 1].is(",") {
        e -= 1;
        // "Kim himself, in a rare comment, vowed": an intensifier before the aside.
        while e > 0 && is_between(&toks[e - 1]) {
            e -= 1;
        }
        // "The Audit Office (NAO), the body …, said": the parenthesis is the phrase's.
        if e > 0
            && toks[e - 1].is(")")
            && let Some(open) = matching_open(toks, e - 1, "(", ")")
        {
            e = open;
        }
    }
    // "The bloc's three leaders, A, B and C, have claimed": the list before the comma is the
    // subject.
    if !after_aside
        && e > 1
        && toks[e - 1].is(",")
        && let Some(np) = np_before(toks, e - 1)
        && np.0 > 0
        && matches!(toks[np.0 - 1].lo, "and" | "or")
        && toks[np.0..np.1].iter().all(|t| t.cap())
    {
        e -= 1;
    }
    Gap {
        end: e,
        appositive_name,
        included,
    }
}

/// Most tokens of a reduced relative clause looked back over.
const MAX_REDUCED: usize = 14;

/// Step back over a reduced relative clause before `end`, one that a preposition or a date
/// opens after its participle: "A statement issued on Monday said", "a resolution adopted
/// by the assembly in June had voiced", "officials interviewed by the radio said", "an
/// official traveling with him was quoted" (a present participle after a person's noun).
/// The participle must follow a noun, and only words of phrases, prepositions, numbers,
/// possessives and object pronouns may stand between it and `end`.
fn skip_reduced_relative(toks: &[Tok<'_>], end: usize) -> usize {
    for p in (end.saturating_sub(MAX_REDUCED).max(1)..end).rev() {
        let t = &toks[p];
        // Or a present participle that is no cue: "an official traveling with him".
        let participle = t.is_word()
            && !t.cap()
            && (t.lo.ends_with("ed")
                || is_irregular_participle(t.lo)
                || super::phrase::is_gerund(t)
                    // After a person's noun: "an official traveling with him", not "the
                    // ministry building in Smolensk Square".
                    && toks[p - 1].info.is(class::ROLE | class::ROLE_PL | class::COLLECTIVE)
                    && toks
                        .get(p + 1)
                        .is_some_and(|n| is_inner_preposition(n.lo) || n.lo == "with"))
            && !t.info.is(class::IN_PHRASE | class::BETWEEN);
        if !participle {
            // "at the end of that trip": a demonstrative after a preposition.
            let demonstrative = t.lo == "that"
                && matches!(
                    toks[p - 1].lo,
                    "of" | "at" | "in" | "on" | "after" | "before" | "during" | "since" | "from"
                )
                && toks.get(p + 1).is_some_and(|n| n.is_word() && !n.cap());
            if demonstrative {
                continue;
            }
            // A possessive determiner may stand inside: "posted on its website".
            let inside = (t.is_word() || t.has(DIGIT) || t.has(POSS) || t.is_quote())
                && (!t.info.is(class::PRONOUN)
                    || matches!(
                        t.lo,
                        "its" | "his" | "her" | "their" | "him" | "them" | "us"
                    ))
                && !matches!(
                    t.lo,
                    "that"
                        | "which"
                        | "who"
                        | "whom"
                        | "whose"
                        | "what"
                        | "where"
                        | "when"
                        | "how"
                        | "why"
                        | "and"
                        | "or"
                        | "but"
                        | "as"
                        | "than"
                );
            if !inside || t.info.is(class::VERB) && !in_phrase(t) {
                return end;
            }
            continue;
        }
        let Some(after) = toks.get(p + 1) else {
            return end;
        };
        // "to" opens an adjunct before a phrase ("sent to the premier"), not before a verb
        // ("intended to resume").
        let to_verb = after.lo == "to"
            && toks.get(p + 2).is_none_or(|n| {
                !(n.cap() || n.has(POSS | DIGIT) || n.info.is(class::DEFINITE | class::INDEFINITE))
            });
        let adjunct = !to_verb && is_inner_preposition(after.lo)
            || matches!(
                after.lo,
                "by" | "at" | "during" | "after" | "last" | "earlier" | "yesterday" | "today"
                    | "this"
            )
            // "released the same day", "issued that evening"
            || matches!(after.lo, "the" | "that")
                && toks.get(p + 2).is_some_and(|n| matches!(n.lo, "same" | "next" | "previous"))
            || after.lo == "that" && toks.get(p + 2).is_some_and(|n| is_time_unit(n.lo))
            || is_calendar_word(after);
        // "Talks resumed after the envoy said": the phrase after a conjunction that ends
        // at the verb is its subject, and the participle a main verb — when it can speak
        // ("A statement issued after an emergency session declared" is the statement's).
        if matches!(after.lo, "after" | "before" | "since" | "until")
            && np_after(toks, p + 2).is_some_and(|np| {
                let head = &toks[np.1 - 1];
                np.1 == end && (head.cap() || head.has(UPPER) || head.info.is(class::HEAD))
            })
        {
            return end;
        }
        let before = &toks[p - 1];
        let noun_before = in_phrase(before)
            && !before.info.is(class::DEFINITE | class::INDEFINITE)
            && !is_inner_preposition(before.lo);
        return if adjunct && noun_before { p } else { end };
    }
    end
}

/// Past participles that do not end in "-ed" ("written", "sent").
fn is_irregular_participle(w: &str) -> bool {
    matches!(
        w,
        "written"
            | "sent"
            | "read"
            | "made"
            | "given"
            | "drawn"
            | "put"
            | "set"
            | "held"
            | "spread"
            | "broadcast"
            | "shown"
            | "seen"
            | "signed"
            | "drawn up"
    )
}

/// The `open` that matches the `close` at `at`, looking back a bounded way.
fn matching_open(toks: &[Tok<'_>], at: usize, open: &str, close: &str) -> Option<usize> {
    let mut depth = 0usize;
    for k in (at.saturating_sub(MAX_ASIDE * 2)..=at).rev() {
        if toks[k].s == close {
            depth += 1;
        } else if toks[k].s == open {
            depth -= 1;
            if depth == 0 {
                return Some(k);
            }
        }
    }
    None
}

/// Step back over a date before `end`: "on March 29", "on 13 March", "on Tuesday", "in
/// March", "last week", "earlier this month".
fn skip_date(toks: &[Tok<'_>], end: usize) -> usize {
    if end == 0 || !(is_calendar_word(&toks[end - 1]) || toks[end - 1].has(DIGIT)) {
        return end;
    }
    let mut k = end;
    let mut seen_calendar = false;
    while k > 0 && end - k < 5 {
        let t = &toks[k - 1];
        if is_calendar_word(t) {
            seen_calendar = true;
        } else if !(t.has(DIGIT) || t.is(",")) {
            break;
        }
        k -= 1;
    }
    if seen_calendar
        && k > 0
        && matches!(
            toks[k - 1].lo,
            "on" | "in" | "since" | "until" | "by" | "of"
        )
    {
        return k - 1;
    }
    // A weekday alone: "the ministry Tuesday said".
    if k + 1 == end && toks[k].info.is(class::CALENDAR) && toks[k].lo.ends_with("day") {
        return k;
    }
    end
}

/// True for a unit of time ("day", "week").
pub(crate) fn is_time_unit(w: &str) -> bool {
    matches!(
        w,
        "day"
            | "week"
            | "month"
            | "year"
            | "morning"
            | "afternoon"
            | "evening"
            | "night"
            | "weekend"
    )
}

/// Step back over a time before `end`: "the following day", "that evening", "a week
/// later", "last month".
fn skip_time(toks: &[Tok<'_>], end: usize) -> usize {
    let mut k = end;
    if k > 0 && matches!(toks[k - 1].lo, "later" | "earlier" | "ago") {
        k -= 1;
    }
    if k == 0 || !is_time_unit(toks[k - 1].lo) {
        return end;
    }
    k -= 1;
    let unit = k;
    while k > 0
        && unit - k < 3
        && matches!(
            toks[k - 1].lo,
            "the"
                | "that"
                | "this"
                | "last"
                | "next"
                | "following"
                | "same"
                | "previous"
                | "a"
                | "one"
                | "two"
                | "three"
                | "every"
        )
    {
        k -= 1;
    }
    if k == unit { end } else { k }
}

/// A comma-bounded aside ending with the comma at `comma`: where the phrase before it ends,
/// and a bare name it holds. `None` when what stands between the commas is not an aside
/// (a clause: "Kim left, officials said").
pub(crate) fn comma_aside(toks: &[Tok<'_>], comma: usize) -> Option<(usize, Option<Np>)> {
    let open = (comma.saturating_sub(MAX_ASIDE)..comma)
        .rev()
        .find(|&k| toks[k].is(",") || toks[k].has(BREAK))?;
    if toks[open].has(BREAK) || open == 0 {
        return None;
    }
    let seg = &toks[open + 1..comma];
    let first = seg.first()?;
    // A parenthesis inside the aside is part of it: "the leader of the Balkan League (BL)".
    let in_parens = |k: usize| {
        let mut depth = 0i32;
        for t in &seg[..k] {
            if t.is("(") {
                depth += 1;
            } else if t.is(")") {
                depth -= 1;
            }
        }
        depth > 0 || seg[k].is(")") && depth == 1
    };
    // A parenthesis after the phrase belongs to it: "The Audit Office (NAO), the body
    // responsible for spending, said".
    let phrase_end = if toks[open - 1].is(")") {
        matching_open(toks, open - 1, "(", ")").filter(|&o| o > 0)?
    } else {
        open
    };
    let open_at = open;
    let open = phrase_end;
    // The phrase before the aside must end in a noun ("However, while X, including Y,
    // filed": "However" is none).
    // Over an intensifier: "Kim himself, in a rare comment, vowed".
    let before = match &toks[open - 1] {
        t if open > 1 && is_reflexive(t.lo) => &toks[open - 2],
        t => t,
    };
    if !in_phrase(before) || before.info.is(class::SENTENCE) && !before.info.is(class::IN_PHRASE) {
        return None;
    }
    // "…, after President X, in an address, promised": the conjunction opens the clause
    // whose subject follows it (but "X, after meeting Y, said" is an aside).
    if matches!(
        first.lo,
        "after" | "before" | "since" | "until" | "when" | "because"
    ) && seg.get(1).is_some_and(|t| !t.lo.ends_with("ing"))
        && seg.len() > 1
        && np_after(toks, open + 2).is_some_and(|np| np.1 == comma)
    {
        return None;
    }
    // "…, A and B among them, …": members of the phrase before.
    if among_them(toks, comma) && seg.len() > 2 && seg.iter().all(|t| t.is_word()) {
        return Some((open, None));
    }
    let relative = matches!(first.lo, "who" | "which" | "whose" | "where" | "whom");
    // A clause joined by "and" or "but" is no aside: "…, and its spokesman said".
    let adverbial = !first.cap()
        && !matches!(first.lo, "and" | "but" | "or" | "nor" | "yet" | "so")
        && (first.info.is(class::SENTENCE | class::BETWEEN)
            // "…, acting Prime Minister X, …" is a phrase, not a participle's clause.
            || first.lo.ends_with("ing") && !first.info.is(class::MODIFIER)
            || first.lo.ends_with("ed")
            || first.lo.ends_with("ly")
            // "X, in a televised address, promised"; "X, at a news conference on Monday, said"
            || matches!(first.lo, "in" | "at" | "on" | "during" | "from" | "with")
                && seg.get(1).is_some_and(|t| {
                    t.info.is(class::DEFINITE | class::INDEFINITE) || t.has(POSS) || is_calendar_word(t)
                }));
    // "Ivanov, the foreign minister, said" / "Ivanov, deputy head of the service, said": an
    // appositive after a name.
    // Not after a place opening the sentence: "In Riga, acting Prime Minister X, …".
    // Or an indefinite phrase after a role: "The council's spokesman, a man identified only
    // as Omar Jibur, called …".
    let after_name = np_before(toks, open).is_some_and(|(a, b)| {
        toks[a..b]
            .iter()
            .any(|t| t.cap() && !t.info.is(class::SENTENCE))
            && !(a == 1 && is_inner_preposition(toks[0].lo))
            || toks[b - 1].info.is(class::ROLE)
                && first.info.is(class::INDEFINITE)
                && !first.info.is(class::DEFINITE)
                && !seg.iter().any(|t| matches!(t.lo, "and" | "or"))
    });
    // A noun phrase after a name: "the regional energy provider", "deputy head of the
    // service", "the president's envoy to the region".
    // The noun phrase of an appositive ends where a relative clause in it begins ("a
    // researcher who compiled the figures").
    let seg = &seg[..seg
        .iter()
        .position(|t| matches!(t.lo, "who" | "which" | "whose" | "that") && !t.cap())
        .filter(|&p| p > 0)
        .unwrap_or(seg.len())];
    let postnominal_at = (2..seg.len()).find(|&k| {
        // "a man identified only as Omar Jibur": over an adverb, and "as".
        let next = match seg.get(k + 1) {
            Some(n) if matches!(n.lo, "only" | "simply" | "variously") => seg.get(k + 2),
            n => n,
        };
        postnominal(&seg[k])
            && next.is_some_and(|n| is_inner_preposition(n.lo) || matches!(n.lo, "with" | "as"))
            // "the general commanding the operation", "the firm running the pipeline".
            || participle_after_noun(&seg[k])
                && seg.get(k + 1).is_some_and(|n| {
                    n.info.is(class::DEFINITE | class::INDEFINITE) && !n.info.is(class::PRONOUN)
                        || n.has(POSS)
                })
    });
    let appositive = after_name
        && seg.len() <= 24
        && (first
            .info
            .is(class::DEFINITE | class::INDEFINITE | class::ROLE | class::MODIFIER)
            || first.has(POSS))
        && seg.iter().enumerate().all(|(k, t)| {
            k > 0 && (in_parens(k) || t.is("("))
                || in_phrase(t)
                || unknown_modifier(t)
                || t.is_quote()
                || (k > 0 && (is_inner_preposition(t.lo) || t.lo == "and"))
                || postnominal_at.is_some_and(|p| k == p + 1 || k == p + 2) && t.lo == "as"
                // "the body responsible for public spending", "the official charged with"
                || postnominal_at.is_some_and(|p| {
                    k == p || k > p && t.is_word() && !t.info.is(class::VERB | class::CUE)
                })
        });
    let open = open_at;
    if name_after_role(toks, phrase_end, seg) {
        return Some((open, Some((open + 1, comma))));
    }
    if relative || adverbial || appositive {
        return Some((open, None));
    }
    None
}

/// "the foreign minister, Igor Ivanov, said", "The air force commander, General Ivan
/// Orlov, said": a name after a role (the aside `seg`, after the phrase ending at `end`) is
/// the same source.
fn name_after_role(toks: &[Tok<'_>], end: usize, seg: &[Tok<'_>]) -> bool {
    let name = !seg.is_empty()
        && seg
            .iter()
            .all(|t| (t.cap() || t.has(NAMEISH)) && t.is_word())
        && seg.len() - seg.iter().filter(|t| t.has(NAMEISH) && !t.cap()).count() <= 4;
    // The role is the phrase's head: "the foreign minister", "its representative in Grozny".
    name && np_before(toks, end).is_some_and(|(a, b)| {
        let head = (a + 1..b).find(|&i| ends_head(&toks[i])).unwrap_or(b);
        let last = &toks[head - 1];
        // A role may be written with a capital ("the OSCE Representative on Freedom of the
        // Media, Dunja Mijatovic").
        (!last.cap() && last.info.is(class::ROLE | class::OUTLET | class::BODY)
            || last.cap() && !last.has(UPPER) && last.info.is(class::ROLE))
            && a < head
    })
}

/// A present participle that is no cue after the noun of an appositive ("the general
/// commanding the operation").
fn participle_after_noun(t: &Tok<'_>) -> bool {
    super::phrase::is_gerund(t) && !t.info.is(class::IN_PHRASE)
}

/// A lower-case adjective or participle that may follow the noun of an appositive ("the
/// body responsible for", "the official charged with", "a group based in").
fn postnominal(t: &Tok<'_>) -> bool {
    t.is_word()
        && !t.cap()
        && !t.info.is(class::VERB | class::CUE)
        && ["ible", "able", "ent", "ant", "ed"]
            .iter()
            .any(|e| t.lo.len() > e.len() + 2 && t.lo.ends_with(e))
}

/// Past a short date or time phrase starting at `at` ("on 19 March", "on Monday", "last
/// week", "the next day"): where it ends, or `at` when none starts there.
pub(crate) fn skip_time_after(toks: &[Tok<'_>], at: usize) -> usize {
    let mut i = at;
    if toks
        .get(i)
        .is_some_and(|t| matches!(t.lo, "on" | "in" | "last" | "earlier" | "the"))
    {
        i += 1;
    }
    let start = i;
    while toks.get(i).is_some_and(|t| {
        t.has(DIGIT)
            || is_calendar_word(t)
            || is_time_unit(t.lo)
            || matches!(t.lo, "next" | "same" | "following" | "previous")
    }) && i < at + 6
    {
        i += 1;
    }
    if i > start { i } else { at }
}

/// A relative clause with commas of its own, closed by the comma at `comma`: an appositive
/// name inside it ("The newspaper, whose owner, Boris Berezovsky, is no neutral observer,
/// also asserts": no verb before the first inner comma, a verb right after the last) or a
/// list of names ("the group, which included experts from Estonia, Latvia and Finland,
/// concluded"). The comma that opens it, before "who", "whose" or "which", within reach.
fn relative_with_commas(toks: &[Tok<'_>], comma: usize) -> Option<usize> {
    let open = (comma.saturating_sub(MAX_ASIDE)..comma)
        .rev()
        .take_while(|&k| !toks[k].is(";") && !toks[k].has(BREAK) && !toks[k].is_quote())
        .find(|&k| {
            k > 0
                && toks[k].is(",")
                && toks
                    .get(k + 1)
                    .is_some_and(|t| matches!(t.lo, "whose" | "who" | "which"))
        })?;
    if !(in_phrase(&toks[open - 1]) || toks[open - 1].is(")")) {
        return None;
    }
    let verb_like = |t: &Tok<'_>| {
        t.is_word()
            && !t.cap()
            && (t.info.is(class::VERB) || super::verbal::is_auxiliary(t.lo) || t.lo.ends_with("ed"))
    };
    // The clause's parts between its commas: at least two.
    let parts = toks[open + 2..comma].split(|t| t.is(","));
    let mut rest = parts.clone().skip(1).peekable();
    rest.peek()?;
    let (first, last) = (parts.clone().next()?, parts.clone().next_back()?);
    let appositive = !first.iter().any(verb_like) && last.first().is_some_and(verb_like);
    let name = |part: &[Tok<'_>]| {
        !part.is_empty()
            && part.len() <= 5
            && part
                .iter()
                .all(|t| t.cap() || matches!(t.lo, "and" | "or" | "the"))
    };
    let list = first.iter().any(verb_like)
        && rest.all(name)
        && last.iter().any(|t| matches!(t.lo, "and" | "or"));
    (appositive || list).then_some(open)
}

/// A reflexive pronoun used as an intensifier after a subject ("the president himself").
fn is_reflexive(w: &str) -> bool {
    matches!(w, "himself" | "herself" | "itself" | "themselves")
}

/// Where the members start in an aside that opens at `at` with "including", "notably",
/// "particularly", "among them", "such as" or "led by" (its leader is one of them).
fn members_lead(toks: &[Tok<'_>], at: usize) -> Option<usize> {
    match (toks.get(at)?.lo, toks.get(at + 1).map(|t| t.lo)) {
        ("including" | "notably" | "particularly", _) => Some(at + 1),
        ("among", Some("them" | "whom"))
        | ("such", Some("as"))
        | ("led" | "headed", Some("by")) => Some(at + 2),
        _ => None,
    }
}

/// True when "among them" ends the aside closed by the comma at `comma`.
fn among_them(toks: &[Tok<'_>], comma: usize) -> bool {
    comma >= 2 && toks[comma - 2].lo == "among" && toks[comma - 1].lo == "them"
}
