//! Verb cues: a reporting, epistemic or speech-act verb and its source.
//!
//! - subject before the verb, across what may stand between ([`skip_to_subject`]), with
//!   coordinated subjects ("A, B and C have acknowledged") and a relative pronoun standing
//!   for the phrase before its comma ("the daily, which also quoted");
//! - subject after the verb when it follows a quotation or a comma ("…,” said the envoy);
//! - passives: the agent after `by` ("was quoted by Interfax"), the subject of "was quoted /
//!   cited as saying"; other passives name no source;
//! - `to` + verb after a control verb ("went on to warn"), but not after a negating one
//!   ("declined to comment") or a modal ("would say");
//! - a participle after a comma ("…, saying that") takes the sentence's subject;
//! - objects: an outlet told something carries the subject ("told Interfax"), and the one
//!   quoted is carried by the subject ("Yonhap quoted a diplomat as saying").

use super::gap::skip_to_subject;
use super::lexicon::{VerbCue, class, form, needs};
use super::matcher::{Accept, Sentence};
use super::phrase::{
    Np, in_phrase, np_after, np_before, segment_end, segment_start, with_appositive_name,
};
use super::subject::{sentence_subject, subjects};
use super::tokens::{BREAK, Tok, UPPER};

/// How far after a verb its complement may start.
const COMPLEMENT_WINDOW: usize = 16;

/// Verbs whose object, when an outlet, carries the subject ("told Interfax").
fn tells(lemma: &str) -> bool {
    matches!(
        lemma,
        "tell" | "inform" | "assure" | "reassure" | "brief" | "notify" | "confide" | "advise"
    )
}

/// Verbs whose object is a source the subject carries ("quoted a diplomat").
fn quotes(lemma: &str) -> bool {
    matches!(lemma, "quote" | "cite")
}

/// A verb that may come before its subject after a comma ("…, said Ivanov", "…, added
/// the ministry"); other verbs take an object there ("…, denied the report").
fn inverts(lemma: &str) -> bool {
    matches!(
        lemma,
        "say"
            | "add"
            | "note"
            | "write"
            | "report"
            | "explain"
            | "continue"
            | "insist"
            | "warn"
            | "claim"
            | "argue"
            | "observe"
            | "remark"
            | "declare"
            | "conclude"
            | "stress"
            | "recall"
            | "comment"
            | "reply"
            | "answer"
            | "counter"
            | "retort"
            | "quip"
            | "admit"
            | "acknowledge"
            | "concede"
            | "announce"
            | "state"
            | "tell"
            | "assert"
            | "emphasize"
            | "emphasise"
            | "predict"
            | "suggest"
            | "complain"
            | "caution"
            | "allege"
            | "contend"
            | "maintain"
            | "exclaim"
            | "boast"
    )
}

/// "claim a role", "claimed the lives of", "claimed two seats": to take or win something, not
/// to say it (but "claimed responsibility", "claimed credit for", "claimed victory" — that
/// one has won — and "claimed that" say something).
fn claims_a_thing(toks: &[Tok<'_>], lemma: &str, end: usize) -> bool {
    // The object's head: past determiners and modifiers, before a clause or another verb.
    lemma == "claim"
        && toks[end..toks.len().min(end + 4)]
            .iter()
            .take_while(|t| {
                t.is_word()
                    && !t.cap()
                    && !matches!(t.lo, "that" | "responsibility" | "credit")
                    && !is_auxiliary(t.lo)
            })
            .find(|t| {
                !t.info
                    .is(class::DEFINITE | class::INDEFINITE | class::MODIFIER | class::QUANTITY)
            })
            .is_some_and(|t| {
                matches!(
                    t.lo,
                    "role"
                        | "title"
                        | "titles"
                        | "lives"
                        | "life"
                        | "share"
                        | "seat"
                        | "seats"
                        | "stake"
                        | "ownership"
                        | "territory"
                        | "land"
                        | "prize"
                        | "medal"
                        | "throne"
                        | "crown"
                        | "compensation"
                        | "damages"
                        | "asylum"
                        | "refugee"
                )
            })
}

fn is_modal(w: &str) -> bool {
    matches!(
        w,
        "will"
            | "would"
            | "could"
            | "may"
            | "might"
            | "should"
            | "must"
            | "can"
            | "shall"
            | "ought"
    )
}

fn is_negation(w: &str) -> bool {
    matches!(
        w,
        "not" | "never" | "n't" | "n’t" | "no" | "neither" | "nor" | "hardly" | "barely"
    )
}

/// Adverbs with which the author infers rather than reports ("apparently hopes").
fn is_hedge(w: &str) -> bool {
    matches!(
        w,
        "apparently"
            | "evidently"
            | "seemingly"
            | "presumably"
            | "probably"
            | "possibly"
            | "perhaps"
            | "likely"
            | "obviously"
            | "clearly"
            | "supposedly"
    )
}

fn is_be(w: &str) -> bool {
    matches!(
        w,
        "was" | "were" | "is" | "are" | "been" | "being" | "be" | "am"
    )
}

/// True when a quotation ends right before `v`: a closing mark after the quotation's own
/// punctuation ("…,” said", "…?' asked"), or a closing curly quote.
fn ends_quotation(toks: &[Tok<'_>], v: usize) -> bool {
    let Some(q) = v.checked_sub(1).map(|i| &toks[i]) else {
        return false;
    };
    match q.s {
        "”" | "»" => true,
        "\"" | "’" | "'" | "''" => {
            v >= 2 && matches!(toks[v - 2].s, "," | "." | "!" | "?" | "..." | "—" | "--")
        }
        _ => false,
    }
}

/// True when the stretch of the sentence around `v` (between breaks) is a heading in title
/// case: three or more words, nearly all capitalised.
fn title_case(toks: &[Tok<'_>], v: usize) -> bool {
    let (start, end) = (segment_start(toks, v), segment_end(toks, v));
    // Short function words stay in lower case in a title ("Kyiv Reads the Vote as a Warning").
    let function_word = |t: &Tok<'_>| {
        !t.cap()
            && matches!(
                t.lo,
                "a" | "an"
                    | "the"
                    | "as"
                    | "of"
                    | "to"
                    | "in"
                    | "on"
                    | "for"
                    | "and"
                    | "at"
                    | "by"
                    | "or"
                    | "with"
                    | "from"
            )
    };
    let words = toks[start..end]
        .iter()
        .filter(|t| t.is_word() && !function_word(t))
        .count();
    let caps = toks[start..end]
        .iter()
        .filter(|t| t.is_word() && t.cap())
        .count();
    words >= 3 && caps * 5 >= words * 4
}

/// The verb cue at `v`, if any of its entries matches (particles and all).
pub(crate) fn verb_cue(s: &mut Sentence<'_, '_>, v: usize) {
    let toks = s.toks;
    let t = &toks[v];
    // A capitalised word inside a name ("Freedom Support Act") is not a verb, except in a
    // headline written in capitals or in title case.
    let opens = v == 0 || toks[v - 1].has(BREAK) || !toks[v - 1].is_word() && !toks[v - 1].is(",");
    let heading = t.has(UPPER) || t.cap() && title_case(toks, v);
    if t.cap() && !t.has(UPPER) && !opens && !heading {
        return;
    }
    // In a title in title case a word that is also a noun is read as one ("Batken Clash
    // Revives Fears of …"); in capitals or in the text it may be a verb.
    if heading
        && !t.has(UPPER)
        && t.info
            .is(class::NOUN_CUE | class::DOCUMENT | class::DOCUMENT_PL | class::REPORT)
    {
        return;
    }
    // After an article a cue word is a noun ("the soldiers of the state"), and "states"
    // after "member" is one ("small member states that depend on …").
    if v > 0
        && (matches!(toks[v - 1].lo, "the" | "a" | "an") && !toks[v - 1].has(UPPER)
            || t.lo == "states" && toks[v - 1].lo == "member")
    {
        return;
    }
    let cues = s.cues;
    let mut best: Option<(&VerbCue, u8, usize)> = None;
    for (verb, forms) in cues.verbs_of(t.info) {
        let n = verb.particles.len();
        if let Some(end) = particles_end(toks, v, &verb.particles)
            && best.is_none_or(|b| n > b.0.particles.len())
        {
            best = Some((verb, forms, end));
        }
    }
    let Some((verb, forms, end)) = best else {
        return;
    };
    // Not a report: "Gazprom presses ahead with its plans" (a verb of motion with "ahead"),
    // and a present form that an auxiliary follows is a noun heading its phrase ("the
    // opposition press has begun", "the government calls were").
    if verb.particles.is_empty()
        && let Some(next) = toks.get(end)
    {
        if matches!(next.lo, "ahead" | "forward") {
            return;
        }
        let present_only = forms & (form::BASE | form::S) != 0 && forms & form::PAST == 0;
        if present_only
            && !matches!(verb.lemma.as_ref(), "say" | "think")
            && is_auxiliary(next.lo)
            && may_be_noun(toks, v)
        {
            return;
        }
    }
    // A headline speaks in the present ("Kyiv Accuses Moscow"); "Afghan Side Accused" is a
    // passive.
    if heading && !opens && forms & (form::S | form::BASE) == 0 {
        return;
    }
    // After a determiner, a possessive or an adjective the word is a noun: "some reports
    // said", "Moscow's hopes", "the reported attack".
    let noun_too = t.info.is(class::NOUN_CUE
        | class::DOCUMENT
        | class::DOCUMENT_PL
        | class::REPORT
        | class::COLLECTIVE);
    if v > 0 && noun_too {
        let p = &toks[v - 1];
        let noun = p.has(super::tokens::POSS)
            || matches!(p.lo, "his" | "its" | "their" | "our" | "my" | "your")
            || (!p.cap()
                && (p.info.is(class::DEFINITE) && !p.info.is(class::PRONOUN)
                    // "some reports", but "many believe"
                    || p.info.is(class::INDEFINITE) && forms & form::S != 0
                    || p.info.is(class::MODIFIER | class::NATIONALITY) && !p.info.is(class::HEAD))
                // "the Baltic press", "the Kyrgyz press"
                || p.cap()
                    && p.info.is(class::NATIONALITY | class::COUNTRY | class::PLACE | class::CAPITAL)
                    && v >= 2
                    && toks[v - 2].info.is(class::DEFINITE | class::INDEFINITE));
        if noun {
            return;
        }
    }
    match_verb(s, verb, forms, v, end);
}

/// True when the cue word at `v`, followed by an auxiliary, may be a noun heading its
/// phrase ("the government calls were", "the opposition press has"): a word that is also a
/// noun, not right after the subject of a relative clause ("a tax that the ministry insists
/// will raise", "a stadium, which Moscow claims was paid for").
fn may_be_noun(toks: &[Tok<'_>], v: usize) -> bool {
    let noun = toks[v].info.is(class::NOUN_CUE
        | class::DOCUMENT
        | class::DOCUMENT_PL
        | class::REPORT
        | class::COLLECTIVE);
    if !noun {
        return false;
    }
    let relative = np_before(toks, v)
        .filter(|np| np.1 == v && np.0 > 1)
        .is_some_and(|np| match toks[np.0 - 1].lo {
            "which" | "whom" => true,
            // After a noun phrase ("a measure that"), not after a verb, an adjective or a
            // conjunction ("insisted that rebel claims were", "was plain that its calls").
            "that" => {
                let mut i = np.0 - 1;
                let mut noun = false;
                while i > 0 && np.0 - i <= 4 {
                    i -= 1;
                    let t = &toks[i];
                    if t.info.is(class::DEFINITE | class::INDEFINITE) || t.has(super::tokens::POSS)
                    {
                        noun = !t.info.is(class::PRONOUN)
                            || t.has(super::tokens::POSS)
                            || i + 1 < np.0 - 1;
                        break;
                    }
                    if !t.is_word() || t.cap() || t.info.is(class::CUE | class::VERB) || is_be(t.lo)
                    {
                        break;
                    }
                }
                noun
            }
            _ => false,
        });
    !relative
}

/// Where a short prepositional phrase of time ending at `k` starts ("in the past", "on
/// several occasions", "for years"), when an auxiliary stands right before it.
fn time_phrase_before(toks: &[Tok<'_>], k: usize) -> Option<usize> {
    (k.saturating_sub(4)..k).find(|&p| {
        p > 0
            && matches!(toks[p].lo, "in" | "on" | "at" | "for" | "over" | "during")
            && matches!(
                toks[p - 1].lo,
                "has" | "have" | "had" | "is" | "was" | "are" | "were" | "did" | "does"
            )
            && toks[p + 1..k].iter().all(|t| t.is_word() && !t.cap())
            && (toks[k - 1].info.is(class::CALENDAR)
                || matches!(
                    toks[k - 1].lo,
                    "past"
                        | "occasion"
                        | "occasions"
                        | "times"
                        | "years"
                        | "months"
                        | "weeks"
                        | "days"
                        | "decades"
                        | "time"
                        | "recently"
                        | "end"
                        | "outset"
                ))
    })
}

/// Where the verb at `v` and its `particles` end: right after it ("made clear"), or, when
/// the first is a noun, past a word or two qualifying it and quotation marks ("expressed
/// deep concern", "expressed “grave concern”").
fn particles_end(toks: &[Tok<'_>], v: usize, particles: &[Box<str>]) -> Option<usize> {
    let matches_at = |at: usize| {
        toks.len() >= at + particles.len()
            && particles.iter().zip(&toks[at..]).all(|(p, t)| **p == *t.lo)
    };
    if matches_at(v + 1) {
        return Some(v + 1 + particles.len());
    }
    let first = particles.first()?;
    if first.len() < 4 || matches!(&**first, "ahead" | "clear" | "issue" | "down" | "back") {
        return None;
    }
    let mut at = v + 1;
    let mut words = 0;
    while let Some(t) = toks.get(at) {
        if t.is_quote() {
            at += 1;
        } else if words < 3
            && t.is_word()
            && (!t.cap() || t.info.is(class::NATIONALITY) && words > 0)
            && (t.info.class == 0
                || t.info.is(class::NATIONALITY)
                || t.info
                    .is(class::MODIFIER | class::NOUN_CUE | class::DOCUMENT)
                || t.info.is(class::INDEFINITE | class::DEFINITE) && words == 0)
            && *t.lo != **first
        {
            words += 1;
            at += 1;
        } else {
            break;
        }
    }
    let end = at + particles.len();
    // A closing quotation mark belongs to the cue.
    let end = if toks.get(end).is_some_and(Tok::is_quote) {
        end + 1
    } else {
        end
    };
    (at > v + 1 && matches_at(at)).then_some(end)
}

/// A finite auxiliary or modal: what a subject's head is followed by, never a verb's object.
pub(crate) fn is_auxiliary(w: &str) -> bool {
    matches!(
        w,
        "has"
            | "have"
            | "had"
            | "is"
            | "are"
            | "was"
            | "were"
            | "will"
            | "would"
            | "can"
            | "could"
            | "should"
            | "may"
            | "might"
            | "must"
            | "shall"
    )
}

fn match_verb(s: &mut Sentence<'_, '_>, verb: &VerbCue, forms: u8, v: usize, end: usize) {
    if verb.copula {
        copula_cue(s, verb, v, end);
        return;
    }
    let toks = s.toks;
    let cue = (v, end);
    if claims_a_thing(toks, &verb.lemma, end) {
        return;
    }
    // "have said almost nothing about", "said little in public": nothing said (not
    // "insisted nothing had been agreed", a clause).
    let mut n = end;
    while toks
        .get(n)
        .is_some_and(|t| matches!(t.lo, "almost" | "virtually" | "next" | "to" | "very"))
    {
        n += 1;
    }
    if matches!(
        &*verb.lemma,
        "say" | "comment" | "speak" | "disclose" | "reveal" | "tell"
    ) && n < end + 3
        && toks
            .get(n)
            .is_some_and(|t| matches!(t.lo, "nothing" | "little"))
        && toks.get(n + 1).is_none_or(|t| {
            !t.is_word()
                || super::phrase::is_inner_preposition(t.lo)
                || matches!(t.lo, "about" | "publicly" | "more" | "else")
        })
    {
        return;
    }
    // A request for anonymity says nothing: "an official who asked not to be named", "who
    // asked that his name not be used".
    if matches!(&*verb.lemma, "ask" | "request" | "beg")
        && toks[end..toks.len().min(end + 6)]
            .iter()
            .take_while(|t| t.is_word())
            .any(|t| {
                matches!(
                    t.lo,
                    "named" | "identified" | "name" | "identity" | "quoted"
                )
            })
    {
        return;
    }
    // A document put out reports only with what it says ("released a communique
    // declaring that"); `needs_ok` takes this need as met.
    if verb.needs & needs::DOCUMENT != 0 && !document_says(s, end) {
        return;
    }
    // After a quotation or a comma: "…,” said the envoy", "…, said Ivanov" (a plain verb
    // in lower case: not "…, Calls for Talks" in a title-case heading).
    // Not after an aside, whose phrase before is the subject: "the council (MSC), the
    // umbrella body of the groups, announced the establishment of …".
    if forms & form::FINITE != 0
        && v > 0
        && verb.particles.is_empty()
        && !toks[v].cap()
        && (ends_quotation(toks, v)
            || toks[v - 1].is(",") && inverts(&verb.lemma) && !after_appositive(toks, v - 1))
    {
        // The phrase after the verb must end the clause: "…, said Ivanov." but not
        // "Ivanov, the minister, said Russia would …".
        if let Some(np) = np_after(toks, end)
            && (toks[np.0].cap() || toks[np.0].info.is(class::DEFINITE | class::INDEFINITE))
            && !toks[np.0].info.is(class::PRONOUN)
            && toks.get(np.1).is_none_or(|t| {
                matches!(t.s, "." | "," | ";" | ":" | "!" | "?" | "(") || t.is_quote()
            })
            && s.push_speaker(np, cue, Accept::Any).is_some()
        {
            return;
        }
        if ends_quotation(toks, v) {
            return;
        }
    }
    // What stands right before the verb: adverbs, then auxiliaries; a verb in quotation
    // marks ("believe") reports like one without.
    let mut k = v;
    if k > 0 && toks[k - 1].is_quote() && toks.get(end).is_some_and(Tok::is_quote) {
        k -= 1;
    }
    let mut aux: Option<usize> = None;
    while k > 0 {
        let w = &toks[k - 1];
        if !w.is_word() || w.cap() {
            break;
        }
        // Negated, modal or hedged by the author: "would not say", "apparently hopes"; but
        // "would say only that …" says that much.
        let says_only = w.lo == "would"
            && (toks
                .get(end)
                .is_some_and(|t| matches!(t.lo, "only" | "merely"))
                || toks[k..v].iter().any(|t| matches!(t.lo, "only" | "merely")));
        if is_negation(w.lo) || (is_modal(w.lo) && !says_only) || is_hedge(w.lo) {
            return;
        }
        if says_only {
            aux = aux.or(Some(k - 1));
            k -= 1;
            continue;
        }
        if is_be(w.lo)
            || matches!(
                w.lo,
                "has" | "have" | "had" | "did" | "does" | "do" | "having"
            )
        {
            aux = aux.or(Some(k - 1));
        } else if !(w.info.is(class::BETWEEN) || w.lo.ends_with("ly")) || w.info.is(class::HEAD) {
            // A short time phrase between an auxiliary and the verb: "has in the past
            // denied", "had on several occasions warned".
            match time_phrase_before(toks, k) {
                Some(p) => {
                    k = p;
                    continue;
                }
                None => break,
            }
        }
        k -= 1;
    }
    // The second of two verbs with one subject: "… expressed concern and called on the
    // authorities to …".
    if k > 0
        && toks[k - 1].lo == "and"
        && forms & form::FINITE != 0
        && needs_ok(toks, verb.needs, end)
    {
        let start = segment_start(toks, v);
        let subject = sentence_subject(toks, start, k - 1)
            .and_then(|np| s.push_speaker(np, cue, Accept::Speaker));
        // "… noted that …, and quoted a police officer as saying": the one quoted too.
        if quotes(&verb.lemma) {
            push_quoted(s, subject, cue);
        }
        return;
    }
    let passive = aux.is_some_and(|a| is_be(toks[a].lo)) && forms & form::PARTICIPLE != 0;
    if passive {
        passive_cue(s, verb, v, end, k);
        return;
    }
    // "went on to warn", "was quick to deny"; not "declined to comment", "wants to say".
    if forms & form::BASE != 0 && v > 0 && toks[v - 1].lo == "to" {
        let Some(start) = control_before(s, v - 1) else {
            return;
        };
        if !needs_ok(toks, verb.needs, end) {
            return;
        }
        // What someone seems to believe is the author's inference ("the authorities appear
        // to believe"); what a statement seems to imply is still the statement's.
        if &*verb.class == "epistemic"
            && matches!(
                toks[start].lo,
                "seem" | "seems" | "seemed" | "appear" | "appears" | "appeared"
            )
        {
            return;
        }
        subjects(s, verb, start, cue, false);
        return;
    }
    // "Gazprom was demanding", "officials are insisting": a progressive reports like a
    // finite verb.
    let progressive = forms & form::ING != 0 && aux.is_some_and(|a| is_be(toks[a].lo));
    if forms & form::ING != 0 && forms & form::FINITE == 0 && !progressive {
        // "Citing X, Y reported": Y carries X (a phrase cue), it is not a source of its own.
        if !quotes(&verb.lemma) && verb.class.as_ref() != "epistemic" {
            participle_cue(s, verb, v, end);
        }
        return;
    }
    if forms & (form::FINITE | form::PARTICIPLE) == 0 && !progressive {
        return;
    }
    // A bare participle with no auxiliary ("the reported attack", "officials alarmed by") is
    // no cue, nor a past form that "by" follows: "the tabloid published by the group".
    if forms & form::FINITE == 0 && aux.is_none() && !progressive {
        return;
    }
    if forms & form::PARTICIPLE != 0
        && aux.is_none()
        && verb.particles.is_empty()
        && toks.get(end).is_some_and(|t| t.lo == "by")
    {
        return;
    }
    // After a quotation its speaker's verb needs nothing: "“Who is he?” one writer asked."
    let after_quotation = || {
        &*verb.class == "speech"
            && toks
                .get(end)
                .is_none_or(|t| !t.is_word() || super::phrase::is_inner_preposition(t.lo))
            && np_before(toks, k).is_some_and(|np| {
                np.0 >= 2
                    && toks[np.0 - 1].is_quote()
                    && matches!(toks[np.0 - 2].s, "?" | "!" | "." | ",")
            })
    };
    if !(needs_ok(toks, verb.needs, end) || after_quotation())
        || reciprocal_without_content(toks, end)
    {
        return;
    }
    // An epistemic verb before "to" states an intention, not a belief: "Moscow had hoped to
    // use the summit".
    if &*verb.class == "epistemic" && toks.get(end).is_some_and(|t| t.lo == "to") {
        return;
    }
    // A base form after its subject is a plural present ("officials say"); after a singular
    // one it is a subjunctive ("demanded that the South retract"), which reports nothing.
    let plural_only = forms & (form::S | form::PAST | form::PARTICIPLE) == 0 && aux.is_none();
    let subject = subjects(s, verb, k, cue, plural_only);
    // An outlet told something is a source even when its speaker is a pronoun ("she told
    // the daily Panorama").
    if tells(&verb.lemma)
        && let Some(obj) = np_after(toks, end)
    {
        let o = s.push(obj, cue, Accept::Outlet);
        s.cite(o, subject);
    }
    // "said on NTV that", "declared on Russian television": the medium spoken on carries
    // the subject (a day, an occasion or a topic after "on" is no outlet).
    if (inverts(&verb.lemma) || matches!(&*verb.lemma, "speak" | "appear"))
        && toks.get(end).is_some_and(|t| t.lo == "on")
        && let Some(obj) = np_after(toks, end + 1)
        && !super::matcher::own_website(toks, obj)
    {
        let o = s.push(obj, cue, Accept::Outlet);
        s.cite(o, subject);
    }
    // "described the plan to Radio Liberty as", "said to Interfax": an outlet spoken to
    // carries the subject.
    if !tells(&verb.lemma)
        && matches!(&*verb.class, "speech" | "description" | "evaluation")
        && let Some(to) = (end..(end + 6).min(toks.len()))
            .take_while(|&i| toks[i].is_word() && toks[i].lo != "that")
            .find(|&i| toks[i].lo == "to")
        && let Some(obj) = np_after(toks, to + 1)
    {
        let o = s.push(obj, cue, Accept::Outlet);
        s.cite(o, subject);
    }
    let Some(subject) = subject else {
        return;
    };
    if quotes(&verb.lemma) {
        push_quoted(s, Some(subject), cue);
    }
}

/// "Izvestiya quoted an aide to the premier as saying": the one quoted after the verb (the
/// cue `cue`), carried by `subject`.
fn push_quoted(s: &mut Sentence<'_, '_>, subject: Option<usize>, cue: Np) {
    if let Some(obj) = np_after(s.toks, cue.1).map(|np| with_appositive_name(s.toks, np)) {
        let o = s.push(obj, cue, Accept::Any);
        s.cite(subject, o);
    }
}

/// A passive cue ("was quoted by Interfax as saying", "were criticised by the opposition",
/// "was quoted as saying"); `aux_start` is where the auxiliaries begin.
fn passive_cue(s: &mut Sentence<'_, '_>, verb: &VerbCue, v: usize, end: usize, aux_start: usize) {
    let toks = s.toks;
    let mut agent = None;
    let mut after = end;
    // A time may stand before the agent: "was cited the next day by Yonhap".
    let by = (end..toks.len().min(end + 5)).find(|&i| {
        toks[i].lo == "by"
            || !(toks[i].info.is(class::BETWEEN)
                || toks[i].lo == "the"
                || toks[i].has(super::tokens::DIGIT)
                || toks[i].info.is(class::CALENDAR)
                || matches!(
                    toks[i].lo,
                    "on" | "in" | "next" | "following" | "same" | "that"
                )
                || super::gap::is_time_unit(toks[i].lo))
    });
    // Only a verb that always reports names its agent a source ("was denied by the
    // ministry", not "was granted by the leadership"), or one whose subject is something
    // said ("the claim was dismissed by the ministry", not "the governor was dismissed by").
    let said_subject = || {
        let gap = skip_to_subject(toks, aux_start);
        gap.end.checked_sub(1).is_some_and(|h| {
            let head = &toks[h];
            head.is_word()
                && !head.cap()
                && head.info.is(class::NOUN_CUE | class::REPORT)
                && !head.info.is(class::DOCUMENT | class::DOCUMENT_PL)
        })
    };
    if let Some(by) = by.filter(|&i| {
        toks[i].lo == "by"
            && (verb.needs == 0
                || verb.needs & needs::DOCUMENT == 0
                    && matches!(&*verb.class, "speech" | "evaluation")
                    && said_subject())
    }) && let Some(np) = np_after(toks, by + 1)
    {
        agent = s.push_speaker(np, (v, by + 1), Accept::Any);
        after = np.1;
    }
    // "X was quoted (by Y) as saying": X is the source, carried by Y; a date may stand
    // before "as" ("was quoted by Trud on 19 March as saying").
    let after = super::gap::skip_time_after(toks, after);
    if quotes(&verb.lemma) && toks.get(after).is_some_and(|t| t.lo == "as") {
        let subject = subjects_at(s, aux_start, (aux_start, end));
        s.cite(agent, subject);
    }
}

fn subjects_at(s: &mut Sentence<'_, '_>, end: usize, cue: Np) -> Option<usize> {
    let gap = skip_to_subject(s.toks, end);
    // "A ministry official who asked not to be named was quoted": the phrase before "who".
    let e = super::subject::restrictive_relative(s.toks, gap.end).unwrap_or(gap.end);
    let mut np = np_before(s.toks, e)?;
    // "The head of the service, Nikolai Orlov, was quoted": the role and the name are one.
    if let Some(name) = gap.appositive_name
        && np.1 + 1 == name.0
    {
        np = (np.0, name.1);
    }
    s.push_speaker(np, cue, Accept::Any)
}

/// Where the subject of a control verb before `to` (at `to`) ends, or `None` when there is
/// no control verb or it negates ("declined to").
fn control_before(s: &Sentence<'_, '_>, to: usize) -> Option<usize> {
    let toks = s.toks;
    let mut to = to;
    // Control verbs chain: "appeared to have little to say" (a few at most).
    for _ in 0..4 {
        // A time between the verb and "to": "continued yesterday to insist".
        while to > 1
            && matches!(
                toks[to - 1].lo,
                "yesterday" | "today" | "again" | "publicly"
            )
        {
            to -= 1;
        }
        let mut best: Option<(usize, bool)> = None;
        for (words, pass) in s.cues.control() {
            let n = words.len();
            if n > to {
                continue;
            }
            if words
                .iter()
                .zip(&toks[to - n..to])
                .all(|(w, t)| **w == *t.lo)
                && best.is_none_or(|(m, _)| n > m)
            {
                best = Some((n, *pass));
            }
        }
        let (n, pass) = best?;
        if !pass {
            return None;
        }
        // The control verb itself may be negated or follow a modal: "did not hasten to".
        let start = to - n;
        if start > 0 && (is_negation(toks[start - 1].lo) || is_modal(toks[start - 1].lo)) {
            return None;
        }
        if start > 0 && toks[start - 1].lo == "to" {
            to = start - 1;
            continue;
        }
        return Some(start);
    }
    None
}

/// "The two ministers denounced one another on television": a speech act whose object is
/// a reciprocal pronoun and that gives no content (no "of", "for", "as", "that", "over" or
/// quotation right after it) reports an exchange, not what either side said.
fn reciprocal_without_content(toks: &[Tok<'_>], end: usize) -> bool {
    let reciprocal = match (toks.get(end), toks.get(end + 1)) {
        (Some(a), Some(b)) => matches!((a.lo, b.lo), ("one", "another") | ("each", "other")),
        _ => false,
    };
    reciprocal
        && toks.get(end + 2).is_none_or(|t| {
            !(t.is_quote()
                || t.is(":")
                || matches!(t.lo, "of" | "for" | "as" | "that" | "over" | "about"))
        })
}

/// True when what follows the verb (ending at `end`) satisfies `need`.
fn needs_ok(toks: &[Tok<'_>], need: u8, end: usize) -> bool {
    // A document's need is checked with the lexicon, before (`match_verb`).
    if need == 0 || need & needs::DOCUMENT != 0 {
        return true;
    }
    // At the end of the sentence or before a quotation, any verb in lower case reports (a
    // capitalised one ends a title: "Calls for Talks").
    // A headline in capitals reports with any verb that needs a clause ("REBELS DISMISS
    // REFERENDUM"), not with one that needs "about" ("KARABAKH TALKS").
    if end > 0 && toks[end - 1].has(UPPER) && need & needs::ABOUT == 0 {
        return true;
    }
    // A capitalised verb is a cue only in a heading in title case, with what it needs
    // after it ("Kyiv Reads the Vote as a Warning"), never at the end ("… Calls for Talks").
    let capitalised = end > 0 && toks[end - 1].cap();
    if capitalised && !title_case(toks, end - 1) {
        return false;
    }
    match toks.get(end) {
        None => return !capitalised,
        // A verb that needs neither a clause nor "to" (seeing, describing as, speaking
        // about: "have seen “no movement”") needs its own complement, not a quotation.
        Some(t) if t.is_quote() && need & (needs::THAT | needs::TO) == 0 => {}
        Some(t) if t.is_quote() && scare_quotes(toks, end) => {}
        Some(t) if t.is(".") || t.is_quote() || t.is(":") => return !capitalised,
        Some(t) if t.is(",") && toks.get(end + 1).is_some_and(Tok::is_quote) => return true,
        // "If the bank failed, a banker in Vilnius observed, the currency would fall": a
        // subject and its verb between commas report the sentence around them.
        Some(t) if t.is(",") && !capitalised && between_commas(toks, end) => return true,
        _ => {}
    }
    if need & needs::PREDICATE != 0 && object_predicate(toks, end) {
        return true;
    }
    if need & needs::THAT != 0 && bare_clause(toks, end) {
        return true;
    }
    for (k, t) in toks.iter().enumerate().skip(end).take(COMPLEMENT_WINDOW) {
        // Another clause ("…, and its spokesman said that") is not the verb's complement.
        if t.is(";")
            || t.has(BREAK)
            || t.is(",")
                && toks
                    .get(k + 1)
                    .is_some_and(|n| matches!(n.lo, "and" | "but"))
        {
            break;
        }
        let hit = match t.lo {
            // "charges transit fees that …", "held talks that …": "that" after the verb's
            // object opens a relative clause.
            "that" if relative_after_object(toks, end, k) => false,
            // "learned from that experience": a demonstrative after a preposition.
            "that" if k > end && super::phrase::is_inner_preposition(toks[k - 1].lo) => false,
            "that" | "whether" | "why" | "how" | "what" => need & needs::THAT != 0,
            "to" => need & needs::TO != 0,
            "as" => need & needs::AS != 0,
            "of" => need & needs::OF != 0,
            "for" | "upon" => need & needs::FOR != 0,
            "on" => need & (needs::FOR | needs::ABOUT) != 0,
            "about" | "over" => need & needs::ABOUT != 0,
            // A quotation opening right after the verb ("warned “…”"), not one its
            // infinitive governs ("agreed to strengthen “strategic ties”") nor one closing
            // ("people who know the city”").
            _ => {
                (t.is(":")
                    || t.is_quote()
                        && k <= end + 2
                        && toks[end..k].iter().all(|x| x.lo != "to")
                        && toks.get(k + 1).is_some_and(Tok::is_word)
                        // Opening: after white space ("useful” talks" closes).
                        && (k == end || toks[k].span.start > toks[k - 1].span.end)
                        && !scare_quotes(toks, k))
                    && need & needs::THAT != 0
            }
        };
        if hit {
            return true;
        }
    }
    false
}

/// True when the comma at `comma` closes an appositive or a relative clause ("the council
/// (MSC), the umbrella body of the groups,"), whose phrase before is the subject of the verb
/// after it; an adverbial aside ("…, probably in Geneva, said Ivanov") is none.
fn after_appositive(toks: &[Tok<'_>], comma: usize) -> bool {
    super::gap::comma_aside(toks, comma).is_some_and(|(open, _)| {
        toks.get(open + 1).is_some_and(|t| {
            t.info.is(class::DEFINITE | class::INDEFINITE) && !t.info.is(class::PRONOUN)
                || t.has(super::tokens::POSS)
                || matches!(t.lo, "who" | "which" | "whose")
        })
    })
}

/// True when the verb ending at `end` puts out a document that says something: its object
/// is a document ("a joint communique", "leaflets", "a video"), and in the same clause a
/// reporting participle ("… on Tuesday declaring that", "… claiming responsibility"),
/// "that" opening a clause, a colon or a quotation follows it. A participle of publishing
/// ("a video featuring the hostages") or of belief says nothing.
pub(crate) fn document_says(s: &Sentence<'_, '_>, end: usize) -> bool {
    let toks = s.toks;
    let object = (end..(end + 5).min(toks.len()))
        .take_while(|&i| {
            let t = &toks[i];
            t.is_word()
                && !t.has(BREAK)
                && !matches!(
                    t.lo,
                    "to" | "that" | "and" | "or" | "by" | "of" | "on" | "in"
                )
        })
        .find(|&i| {
            let t = &toks[i];
            t.info
                .is(class::DOCUMENT | class::DOCUMENT_PL | class::REPORT | class::NOUN_CUE)
                || matches!(
                    t.lo,
                    "video" | "videos" | "footage" | "recording" | "audiotape"
                )
        });
    let Some(d) = object else {
        return false;
    };
    // What stands between the document and its participle: a date or a short place, not
    // another phrase the participle could belong to ("released a number of protesters
    // claiming …", "a decree pardoning activists demanding …").
    for k in d + 1..(d + 8).min(toks.len()) {
        let t = &toks[k];
        if t.has(BREAK)
            || matches!(t.s, ";" | "," | "." | "!" | "?" | "(")
            || matches!(t.lo, "and" | "but" | "which" | "who" | "while" | "of")
            || t.info.is(class::ROLE_PL | class::COLLECTIVE)
            || t.lo.ends_with("ing") && !t.info.is(class::VERB)
        {
            return false;
        }
        // A title in quotation marks is no quotation: "a report entitled “…”".
        if t.is(":") || t.is_quote() && !scare_quotes(toks, k) {
            return !matches!(toks[k - 1].lo, "entitled" | "titled" | "called" | "named");
        }
        // "that" right after the document opens what it says only where
        // `relative_after_object` reads no relative clause: not after a short plain object
        // ("released a statement that …" stays out; "issued a warning that" is an entry of
        // its own).
        if t.lo == "that" {
            return k == d + 1 && !relative_after_object(toks, end, k);
        }
        if t.info.is(class::VERB) {
            if toks[k - 1].info.is(class::ROLE) {
                return false;
            }
            // With what the participle needs: "a decree dismissing the governor" reports
            // nothing ("dismiss" needs "as" or a clause).
            return t.lo.ends_with("ing")
                && s.cues.verbs_of(t.info).any(|(v, f)| {
                    f & form::ING != 0
                        && !v.outlet_subject
                        && &*v.class != "epistemic"
                        && v.needs & needs::DOCUMENT == 0
                        && particles_end(toks, k, &v.particles)
                            .is_some_and(|e| needs_ok(toks, v.needs, e))
                });
        }
    }
    false
}

/// True when the quotation opening at `k` is a word or three in quotation marks inside the
/// sentence ("had held “serious” discussions"), not a quotation of what was said.
fn scare_quotes(toks: &[Tok<'_>], k: usize) -> bool {
    (k + 2..toks.len().min(k + 5))
        .find(|&c| toks[c].is_quote())
        .is_some_and(|c| {
            toks[k + 1..c].iter().all(Tok::is_word)
                && toks.get(c + 1).is_some_and(|n| n.is_word() && !n.cap())
        })
}

/// A clause without "that" after the verb ending at `end`: a short subject, then its
/// auxiliary ("Others think the timing was …", "believes Moscow will …"); not an object
/// pronoun ("told him was") or a phrase with a preposition or a clause word in it.
fn bare_clause(toks: &[Tok<'_>], end: usize) -> bool {
    let Some(first) = toks.get(end) else {
        return false;
    };
    // A relative clause's verb before the main clause's auxiliary: "Residents who heard the
    // blast were evacuated".
    if end >= 2 && matches!(toks[end - 2].lo, "who" | "that" | "which") {
        return false;
    }
    if matches!(first.lo, "him" | "her" | "them" | "us" | "me") {
        return false;
    }
    (end + 1..toks.len().min(end + 5))
        .take_while(|&k| {
            let t = &toks[k - 1];
            t.is_word()
                && !t.has(BREAK)
                && !super::phrase::is_inner_preposition(t.lo)
                && !matches!(t.lo, "that" | "to" | "and" | "or" | "as" | "what" | "who")
                && !t.info.is(class::VERB)
                && !is_auxiliary(t.lo)
        })
        .any(|k| is_auxiliary(toks[k].lo) && toks.get(k + 1).is_some_and(Tok::is_word))
}

/// True when the verb ending at `end` and its subject stand alone between commas: a comma
/// at `end`, and before the verb a short phrase (the subject) right after a comma.
fn between_commas(toks: &[Tok<'_>], end: usize) -> bool {
    let v = end - 1;
    let Some(np) = np_before(toks, v) else {
        return false;
    };
    np.1 == v
        && np.0 > 1
        && toks[np.0 - 1].is(",")
        && !toks[np.0..np.1].iter().any(|t| t.info.is(class::PRONOUN) && !t.cap())
        // and a clause goes on after the second comma
        && toks.get(end + 1).is_some_and(|t| t.is_word())
}

/// True when the "that" at `k` follows a bare object of the verb ending at `end` ("charges
/// fees that", "held talks that") and so opens a relative clause; verbs that take a
/// person before their clause ("reminded deputies that", "advised Kyiv that") excepted.
fn relative_after_object(toks: &[Tok<'_>], end: usize, k: usize) -> bool {
    if k <= end || end == 0 {
        return false;
    }
    let verb = toks[end - 1].lo;
    let takes_person = [
        "remind", "advis", "ask", "beg", "petition", "answer", "press", "invit", "challeng",
        "assur", "inform", "notif", "persuad", "convinc", "tell", "told", "warn",
    ]
    .iter()
    .any(|p| verb.starts_with(p));
    let object = &toks[end..k];
    !takes_person
        && object.len() <= 4
        && object.iter().all(|t| {
            t.is_word()
                && !t.cap()
                && !super::phrase::is_inner_preposition(t.lo)
                && !t.lo.ends_with("ly")
                && !t.info.is(class::BETWEEN | class::PRONOUN | class::CALENDAR)
                && !super::gap::is_time_unit(t.lo.trim_end_matches('s'))
                && !matches!(
                    t.lo,
                    "last"
                        | "this"
                        | "next"
                        | "earlier"
                        | "later"
                        | "again"
                        | "also"
                        | "then"
                        | "once"
                        | "too"
                        | "twice"
                        | "now"
                        | "today"
                        | "yesterday"
                        | "only"
                        | "further"
                        | "repeatedly"
                        | "recently"
                        | "ago"
                        | "so"
                        | "as"
                )
        })
}

/// An adjective after a copula: "analysts have long been skeptical of", "Moscow is
/// convinced that", "the ministry remained adamant that". Its complement must follow at
/// once; a negated, modal or hedged copula reports nothing, and neither does one the author
/// infers ("seemed confident that").
fn copula_cue(s: &mut Sentence<'_, '_>, verb: &VerbCue, v: usize, end: usize) {
    let toks = s.toks;
    // "had been blunter still:"
    let end = if toks
        .get(end)
        .is_some_and(|t| matches!(t.lo, "still" | "yet"))
    {
        end + 1
    } else {
        end
    };
    let complement = toks.get(end).is_some_and(|t| match t.lo {
        // A reaction that needs no complement ends the clause: "were less impressed.",
        // "was blunter: …".
        _ if verb.needs == 0 => {
            matches!(
                t.s,
                "." | ":" | ";" | "!" | "about" | "over" | "on" | "that" | "of"
            ) || t.is(",") && toks.get(end + 1).is_some_and(|n| n.lo == "but")
        }
        "that" | "whether" => verb.needs & needs::THAT != 0,
        "of" => verb.needs & needs::OF != 0,
        "about" | "over" | "on" => verb.needs & needs::ABOUT != 0,
        _ => t.is(":") && verb.needs & needs::THAT != 0,
    });
    if !complement {
        return;
    }
    let mut k = v;
    let mut copula = false;
    while k > 0 {
        let w = &toks[k - 1];
        if !w.is_word() || w.cap() {
            break;
        }
        if is_negation(w.lo) || is_modal(w.lo) || is_hedge(w.lo) || is_seeming(w.lo) {
            return;
        }
        if is_be(w.lo) || is_link_verb(w.lo) {
            copula = true;
        } else if !copula && is_degree(w.lo) {
            // "were less impressed", "are far more optimistic"
        } else if !matches!(w.lo, "has" | "have" | "had")
            && (!(w.info.is(class::BETWEEN) || w.lo.ends_with("ly")) || w.info.is(class::HEAD))
        {
            break;
        }
        k -= 1;
    }
    // "Not all analysts are so sanguine", "Not everyone was impressed": a denial.
    let start = segment_start(toks, v);
    if copula
        && !toks[start..k]
            .iter()
            .any(|t| matches!(t.lo, "not" | "no" | "none"))
    {
        subjects(s, verb, k, (v, end), false);
    }
}

/// An adverb of degree before an adjective ("less sanguine", "far more critical").
fn is_degree(w: &str) -> bool {
    matches!(
        w,
        "less"
            | "more"
            | "far"
            | "much"
            | "very"
            | "rather"
            | "somewhat"
            | "even"
            | "still"
            | "equally"
            | "just"
            | "as"
            | "so"
            | "too"
            | "quite"
            | "most"
            | "least"
    )
}

/// A verb that links a subject to an adjective as "be" does ("remained adamant").
fn is_link_verb(w: &str) -> bool {
    matches!(
        w,
        "remain"
            | "remains"
            | "remained"
            | "become"
            | "becomes"
            | "became"
            | "grow"
            | "grows"
            | "grew"
            | "grown"
            | "feel"
            | "feels"
            | "felt"
            | "stay"
            | "stays"
            | "stayed"
    )
}

/// A verb with which the author infers a state ("seemed confident").
fn is_seeming(w: &str) -> bool {
    matches!(
        w,
        "seem" | "seems" | "seemed" | "appear" | "appears" | "appeared" | "look" | "looked"
    )
}

/// The subjects of a participle in an absolute phrase after "with": "…, with the central
/// bank warning that …", "with the mayor and two deputies announcing …" (the phrases
/// between "with" and the participle, which the last ends right before).
fn with_subjects(toks: &[Tok<'_>], start: usize, v: usize) -> Vec<Np> {
    let Some(w) = (start..v).rev().take(16).find(|&i| toks[i].lo == "with") else {
        return Vec::new();
    };
    // Conjuncts from the last: "A, B and C" ends with C.
    let mut out = Vec::new();
    let mut end = v;
    while let Some(np) = np_before(toks, end).filter(|np| np.1 == end && np.0 > w) {
        out.push(np);
        if np.0 == w + 1 {
            return out;
        }
        let mut k = np.0;
        if matches!(toks[k - 1].lo, "and" | "or") {
            k -= 1;
        }
        if toks[k - 1].is(",") {
            k -= 1;
        }
        if k == np.0 || k <= w + 1 || out.len() >= 6 {
            break;
        }
        end = k;
    }
    // One phrase read from the left, which may hold a prepositional phrase ("dock workers
    // in Odessa").
    np_after(toks, w + 1)
        .filter(|np| np.1 == v)
        .into_iter()
        .collect()
}

/// An object after the verb and what the verb calls it: "the vote a farce", "the report
/// absurd", "the incident a \"provocation\"" (not "a strike for Monday", "the meeting to
/// order").
fn object_predicate(toks: &[Tok<'_>], end: usize) -> bool {
    // "the vote a farce": a second article within a few words of the object's start.
    let plain = |t: &Tok<'_>| {
        t.is_word()
            && !t.info.is(class::VERB | class::SENTENCE)
            && !super::subject::is_object_preposition(t.lo)
    };
    if toks
        .get(end)
        .is_some_and(|t| t.info.is(class::DEFINITE) || t.has(super::tokens::POSS) || t.cap())
        && let Some(a) = (end + 1..toks.len().min(end + 6))
            .find(|&i| !plain(&toks[i]) || matches!(toks[i].lo, "a" | "an"))
        && matches!(toks[a].lo, "a" | "an")
        && a > end + 1
    {
        return true;
    }
    let Some(obj) = np_after(toks, end) else {
        return false;
    };
    let Some(next) = toks.get(obj.1) else {
        return false;
    };
    if next.is_quote() || matches!(next.lo, "a" | "an") {
        return true;
    }
    // One word ending the clause: "called the report absurd."
    next.is_word()
        && !next.cap()
        && !next
            .info
            .is(class::VERB | class::PRONOUN | class::DEFINITE | class::SENTENCE)
        && !super::subject::is_object_preposition(next.lo)
        && !matches!(
            next.lo,
            "to" | "and" | "or" | "but" | "in" | "on" | "at" | "for" | "off" | "up"
        )
        && toks
            .get(obj.1 + 1)
            .is_none_or(|t| matches!(t.s, "." | "," | ";" | "!" | "?") || t.lo == "and")
}

/// A present participle: "…, saying that", "… by threatening to", "Accusing Seoul of …,
/// Pyongyang broke off": the subject of the sentence's main clause, when it names a
/// speaker; an outlet told something carries it ("…, telling NTV television").
fn participle_cue(s: &mut Sentence<'_, '_>, verb: &VerbCue, v: usize, end: usize) {
    let toks = s.toks;
    let cue = (v, end);
    // A semicolon opens another clause: "officials tried to repair it; one, speaking on
    // background, said" (the officials are not speaking).
    let start = segment_start(toks, v);
    let start = toks[start..v]
        .iter()
        .rposition(|t| t.is(";"))
        .map_or(start, |p| start + p + 1);
    // Time spent saying something: "the same officials spent much of the year warning
    // Moscow that …", "has spent weeks insisting that".
    // Only a time between: "spent the year warning", not "spent Monday meeting farmers
    // demanding".
    let spent = (v.saturating_sub(6).max(start)..v)
        .rev()
        .take_while(|&i| {
            let t = &toks[i];
            t.is_word()
                && !t
                    .info
                    .is(class::ROLE | class::ROLE_PL | class::COLLECTIVE | class::VERB)
                && !(i + 1 < v && t.lo.ends_with("ing"))
        })
        .find(|&i| matches!(toks[i].lo, "spent" | "spend" | "spends" | "spending"));
    let subject = if spent.is_some() {
        sentence_subject(toks, start, v)
    } else if v == start {
        // Opening the sentence: the subject after the participle's clause.
        let Some(comma) = (v + 1..toks.len().min(v + 30)).find(|&i| toks[i].is(",")) else {
            return;
        };
        np_after(toks, comma + 1).filter(|np| {
            toks.get(np.1)
                .is_some_and(|t| t.is_word() && !t.cap() && !in_phrase(t))
        })
    } else if v > 0
        && (toks[v - 1].is(",")
            || toks[v - 1].lo == "by"
            || &*verb.class == "speech"
                && matches!(toks[v - 1].lo, "while" | "when" | "before" | "after"))
    {
        // "an aide, speaking on condition of anonymity, said": an aside of the phrase
        // before it, whose own verb follows; that verb names the speaker.
        if toks[v - 1].is(",")
            && np_before(toks, v - 1).is_some_and(|np| {
                np.0 == start || matches!(toks[np.0 - 1].lo, "but" | "and" | "while" | "," | ";")
            })
            && let Some(close) = (end..toks.len().min(end + 14)).find(|&i| toks[i].is(","))
            && toks.get(close + 1).is_some_and(|t| {
                t.is_word() && !t.cap() && (t.info.is(class::VERB) || is_auxiliary(t.lo))
            })
        {
            return;
        }
        // "…, saying that"; "halted shipments, while insisting that" (a speech act, not
        // "while downplaying": what the main clause's subject did need not be speech).
        sentence_subject(toks, start, v)
    } else {
        let conjuncts = with_subjects(toks, start, v);
        if conjuncts.is_empty() || !needs_ok(toks, verb.needs, end) {
            return;
        }
        for np in conjuncts {
            s.push_speaker(np, cue, Accept::Any);
        }
        return;
    };
    let Some(np) = subject else {
        return;
    };
    if !needs_ok(toks, verb.needs, end) {
        return;
    }
    // Unnamed people speak too: "Georgian officials met on Monday, arguing that …".
    let subject = s.push_speaker(np, cue, Accept::Any);
    if tells(&verb.lemma)
        && let Some(obj) = np_after(toks, end)
    {
        let o = s.push(obj, cue, Accept::Outlet);
        s.cite(o, subject);
    }
}
