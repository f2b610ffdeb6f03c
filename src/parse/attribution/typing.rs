//! What sort of source a phrase names, decided in an order that cannot invent one:
//!
//! 1. nothing is a source that holds only pronouns, dates, numbers, sentence words, or
//!    place and nationality words ("Georgian", "Dagestan", "the region");
//! 2. a name the outlet knowledge base knows wins over every word list ("The Associated
//!    Press" is an outlet, though "press" alone is vague);
//! 3. a web address ("Newsru.com") is an outlet;
//! 4. otherwise the phrase's head decides: an outlet noun, a document, a body, a
//!    collective, a role (a person with a definite determiner, anonymous with an indefinite
//!    one, vague in the plural), a country or capital standing for its state, or a
//!    capitalised name (a person).
//!
//! The head is the last word before a preposition ("the press secretary of the company"),
//! past a noun of quantity ("a number of diplomats"), or the last word.

use super::lexicon::{Cues, class};
use super::tokens::{DIGIT, NAMEISH, POSS, Tok, UPPER};
use crate::model::{OutletKind, SourceType};
use crate::outlets::Outlets;

/// A typed phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Typed {
    /// What sort of source.
    pub(crate) kind: SourceType,
    /// The outlet's canonical name (known outlets), or its name as written (other outlets
    /// named beside an outlet noun: "the newspaper Azg").
    pub(crate) canonical: Option<String>,
    /// The knowledge base's kind of a known outlet.
    pub(crate) outlet_kind: Option<OutletKind>,
    /// Index (within the phrase) of its head.
    pub(crate) head: usize,
    /// True when the phrase names its source (a capitalised name or a known outlet), false
    /// for a description ("the president", "the statement").
    pub(crate) named: bool,
}

/// Top-level domains that mark a web address as an outlet's name.
const DOMAINS: &[&str] = &[
    ".ru", ".com", ".org", ".net", ".ua", ".kz", ".ge", ".am", ".az", ".by", ".md", ".uz", ".kg",
    ".tj", ".tm", ".lv", ".lt", ".ee", ".info", ".su", ".news", ".tv", ".fm", ".co.uk",
];

fn is_web_address(t: &Tok<'_>) -> bool {
    t.has(NAMEISH) && DOMAINS.iter().any(|d| t.lo.ends_with(d))
}

/// Words that leave the head of a phrase to what follows them.
fn is_determiner(t: &Tok<'_>) -> bool {
    t.info.is(class::DEFINITE | class::INDEFINITE) && !t.info.is(class::HEAD) && !t.cap()
        || (t.cap() && t.info.is(class::DEFINITE | class::INDEFINITE) && !t.info.is(class::HEAD))
}

/// Index of the head of `np` (its last word, quotation marks after it left out).
fn head_of(np: &[Tok<'_>]) -> usize {
    let np = &np[..np
        .iter()
        .rposition(Tok::is_word)
        .map_or(np.len(), |i| i + 1)];
    let mut from = 0;
    loop {
        let prep = (from + 1..np.len()).find(|&i| {
            matches!(
                np[i].lo,
                "of" | "for" | "in" | "from" | "at" | "with" | "on" | "to" | "out" | "by"
            ) && (!np[i].cap() || np[i].has(UPPER))
        });
        match prep {
            // "a number of diplomats", "one of them": the head comes after "of".
            Some(p)
                if np[p].lo == "of"
                    && p + 1 < np.len()
                    && np[p - 1].info.is(class::QUANTITY)
                    && !np[p - 1].info.is(class::ROLE | class::BODY) =>
            {
                from = p + 1;
            }
            // "officials familiar with": the noun before the adjective.
            Some(p) if p >= 2 && np[p - 1].info.is(class::POSTMOD) => return p - 2,
            Some(p) => return p - 1,
            None => return np.len() - 1,
        }
    }
}

/// The kind a knowledge-base outlet gives a source.
fn outlet_kind(kind: OutletKind) -> SourceType {
    match kind {
        OutletKind::Official | OutletKind::Other => SourceType::OfficialBody,
        OutletKind::Collective => SourceType::Vague,
        OutletKind::Bulletin => SourceType::SelfRef,
        _ => SourceType::Outlet,
    }
}

/// The longest run of proper-name tokens in `np` that the knowledge base knows, as (start,
/// end, canonical, kind).
fn known_outlet(np: &[Tok<'_>], outlets: &Outlets) -> Option<(usize, usize, String, OutletKind)> {
    let proper = |t: &Tok<'_>| t.cap() || t.has(NAMEISH | UPPER | DIGIT);
    // A window worth a look holds a word no list knows, an acronym or an address, or a
    // medium ("Russian agencies"): "The" or "Foreign Minister" name no outlet.
    // Only a window whose first word can start an outlet's name is looked up.
    // A possessive's key keeps its "s" ("People's Daily" is "peoples daily").
    let starts = |t: &Tok<'_>| {
        outlets.may_start_name(t.lo) || t.has(POSS) && outlets.may_start_name(&format!("{}s", t.lo))
    };
    let may_start = |w: &[Tok<'_>]| {
        let first = if w.len() > 1 && w[0].lo == "the" {
            &w[1]
        } else {
            &w[0]
        };
        starts(first)
    };
    // (A role's name may be a paper's: "the Monitor", "the Observer"; so may a verb's:
    // "China Brief".)
    let telling = |t: &Tok<'_>| {
        t.info.class == 0
            || t.has(NAMEISH | UPPER)
            || t.info
                .is(class::OUTLET | class::OUTLET_PL | class::BODY | class::ROLE | class::VERB)
    };
    // Most phrases hold no word that could name an outlet: no window to try.
    // (Only a name no list knows, or a nationality or medium word, can start an outlet's
    // name: "Interfax", "Radio Liberty", "Russian agencies".)
    if !np.iter().any(|t| proper(t) && telling(t))
        || !np.iter().any(|t| {
            proper(t)
                && (t.info.class == 0
                    || t.has(NAMEISH | UPPER)
                    || t.info.is(class::NATIONALITY
                        | class::OUTLET
                        | class::CAPITAL
                        | class::COUNTRY
                        | class::ROLE))
                && starts(t)
        })
    {
        return None;
    }
    let mut name = String::new();
    for len in (1..=np.len().min(6)).rev() {
        for start in 0..=np.len() - len {
            let w = &np[start..start + len];
            if !w
                .iter()
                .all(|t| proper(t) || matches!(t.lo, "of" | "and" | "the" | "&"))
                || !proper(&w[0])
                || !proper(&w[len - 1])
                || !w.iter().any(&telling)
                || !may_start(w)
            {
                continue;
            }
            name.clear();
            for (k, t) in w.iter().enumerate() {
                if k > 0 {
                    name.push(' ');
                }
                // A possessive on the last word: "Izvestiya's" (inside, it is the name's:
                // "People's Daily").
                let s = if t.has(POSS) && k + 1 == len {
                    &t.s[..t.lo.len()]
                } else {
                    t.s
                };
                name.push_str(s);
            }
            // The end of a longer name is not that outlet: "the United Daily News" is not
            // "The News", "the Hindustan Times" not "The Times" (but "Russian Interfax",
            // "Pyongyang's KCNA" are).
            let tail_of_name = start > 0
                && np[start - 1].cap()
                && np[start - 1].is_word()
                && !np[start - 1].has(POSS)
                && !np[start - 1]
                    .info
                    .is(class::NATIONALITY | class::SENTENCE | class::DEFINITE | class::INDEFINITE);
            if let Some(o) = outlets.lookup(&name).filter(|_| !tail_of_name) {
                return Some((start, start + len, o.name.clone(), o.kind));
            }
        }
    }
    None
}

/// Lower-case content of `np[from..to]` joined by single spaces (for multi-word entries).
/// The lower case of `words` joined by single spaces, written into `buf` (no allocation);
/// `None` when it does not fit (no multi-word entry is that long).
fn joined<'b>(words: &[Tok<'_>], buf: &'b mut [u8; 96]) -> Option<&'b str> {
    let mut n = 0;
    for (k, t) in words.iter().enumerate() {
        let extra = usize::from(k > 0);
        if n + extra + t.lo.len() > buf.len() {
            return None;
        }
        if k > 0 {
            buf[n] = b' ';
        }
        n += extra;
        buf[n..n + t.lo.len()].copy_from_slice(t.lo.as_bytes());
        n += t.lo.len();
    }
    std::str::from_utf8(&buf[..n]).ok()
}

/// Decide the type of the phrase `np`; `None` when it names no source.
///
/// The rules run in order and the first that decides wins: a member of a group named
/// before; phrases that name nothing (pronouns, dates, places, negations, poll figures,
/// capitals); the knowledge base; web addresses and names of media; then the head word's
/// classes — places, a kind word before a name, outlets, documents, sources, bodies,
/// outputs and journalists of an outlet, roles, and capitalised names.
pub(crate) fn classify(np: &[Tok<'_>], cues: &Cues, outlets: &Outlets) -> Option<Typed> {
    if let Some(t) = member_of_group(np).or_else(|| the_author(np)) {
        return Some(t);
    }
    match Phrase::new(np)?.decide(cues, outlets) {
        Decided::Break(t) => t,
        Decided::Continue(()) => None,
    }
}

/// What a rule says: the phrase's type (or that it names no source), or nothing yet.
type Decided = std::ops::ControlFlow<Option<Typed>>;

/// "The author", "this writer", "this digest": the article's own reporting ("told the author
/// that").
fn the_author(np: &[Tok<'_>]) -> Option<Typed> {
    let words: Vec<&str> = np.iter().map(|t| t.lo).collect();
    let author = matches!(
        words[..],
        ["the" | "this", "author" | "writer"]
            | ["the", "present", "author" | "writer"]
            | ["this", "digest" | "bulletin" | "newsletter" | "publication"]
    );
    author.then_some(Typed {
        kind: SourceType::SelfRef,
        canonical: None,
        outlet_kind: None,
        head: np.len() - 1,
        named: false,
    })
}

/// "One of them", "two of the officials": a member of a group named before.
fn member_of_group(np: &[Tok<'_>]) -> Option<Typed> {
    let member = np.len() >= 3
        && np[1].lo == "of"
        && np[0].info.is(class::INDEFINITE | class::QUANTITY)
        && np[2..]
            .iter()
            .all(|t| t.info.is(class::PRONOUN | class::DEFINITE) && !t.cap() || !t.is_word());
    member.then(|| Typed {
        kind: if np[0].lo == "one" {
            SourceType::Anonymous
        } else {
            SourceType::Vague
        },
        canonical: None,
        outlet_kind: None,
        head: 0,
        named: false,
    })
}

/// A phrase with its content (after determiners and quotation marks) and head found.
struct Phrase<'p, 'a> {
    np: &'p [Tok<'a>],
    content: &'p [Tok<'a>],
    /// The head's index in `np`, and in `content`.
    head_at: usize,
    head_rel: usize,
}

/// The head's classes, and what stands before it.
struct HeadClasses {
    /// The head's classes, or those of a multi-word entry it ends ("prime minister").
    class: u32,
    /// The classes of the whole lead (up to the head) as one entry, if any.
    whole: u32,
    word_count: usize,
    indefinite: bool,
    definite: bool,
}

impl<'p, 'a> Phrase<'p, 'a> {
    fn new(np: &'p [Tok<'a>]) -> Option<Phrase<'p, 'a>> {
        let first = np.iter().position(|t| t.is_word() && !is_determiner(t))?;
        let content = &np[first..];
        let mut head_rel = head_of(content);
        // "Farmers Party deputy Yelena Orlova": an organisation's name, then a role and a
        // name: the name is the head (but "an aide to steel magnate Ivan Petrov" is still
        // the aide).
        let role_head = content[head_rel].info.is(class::ROLE) && !content[head_rel].cap();
        if !role_head
            && let Some(r) = (head_rel + 1..content.len()).find(|&i| {
                !content[i].cap() && content[i].info.is(class::ROLE) && i + 1 < content.len()
            })
            && content[r + 1..].iter().all(|t| t.cap() && t.is_word())
        {
            head_rel = content.len() - 1;
        }
        Some(Phrase {
            np,
            content,
            head_at: first + head_rel,
            head_rel,
        })
    }

    /// The rules in order: the first that decides wins.
    fn decide(&self, cues: &Cues, outlets: &Outlets) -> Decided {
        self.names_nothing(outlets)?;
        self.known(outlets)?;
        self.address_or_medium()?;
        // "The State of Qatar", "the Islamic State": a state, though "state" is a modifier.
        if self.head().lo == "state" && self.head().cap() {
            return Decided::Break(Some(self.typed(SourceType::OfficialBody, true)));
        }
        let h = self.head_classes(cues);
        self.place(&h)?;
        self.kind_word_and_name(outlets)?;
        // An outlet's own output is the outlet's before it is a document ("an editorial
        // in Izvestiya").
        self.of_an_outlet(&h, cues, outlets)?;
        self.by_class(&h, outlets)?;
        self.role(&h)?;
        self.capitalised(&h)
    }

    fn head(&self) -> &Tok<'a> {
        &self.np[self.head_at]
    }

    /// The content up to and with the head.
    fn lead(&self) -> &'p [Tok<'a>] {
        &self.content[..=self.head_rel]
    }

    /// A type of this phrase's head, described (not named).
    fn ty(&self, kind: SourceType) -> Decided {
        Decided::Break(Some(self.typed(kind, false)))
    }

    fn typed(&self, kind: SourceType, named: bool) -> Typed {
        Typed {
            kind,
            canonical: None,
            outlet_kind: None,
            head: self.head_at,
            named,
        }
    }

    /// Nothing but pronouns, dates, numbers, sentence words or places; a negated subject;
    /// a poll figure; a line in capitals that no list or outlet types — except one word no
    /// list knows, a person for now ([`is_capitals_name`], settled by
    /// `coref::confirm_capitals_names`).
    fn names_nothing(&self, outlets: &Outlets) -> Decided {
        let nothing = Decided::Break(None);
        let empty_word = |t: &Tok<'_>| {
            !t.is_word()
                || t.info.is(class::PRONOUN) && !t.info.is(class::DEFINITE | class::INDEFINITE)
                || t.has(DIGIT)
                || t.info.is(class::CALENDAR)
                || (t.info.is(class::SENTENCE) && !t.info.is(class::HEAD | class::MODIFIER))
        };
        if self.lead().iter().all(empty_word) {
            return nothing;
        }
        // "Neither side", "no official": a negated subject says nothing.
        if self
            .np
            .first()
            .is_some_and(|t| matches!(t.lo, "no" | "neither" | "none" | "nobody" | "nor"))
        {
            return nothing;
        }
        // "54 percent of Russians": a poll figure.
        if self
            .np
            .iter()
            .any(|t| matches!(t.lo, "percent" | "%" | "per"))
        {
            return nothing;
        }
        // In a line written in capitals, capitals say nothing: only listed words and known
        // outlets type a phrase ("UKRAINIAN PROSECUTOR-GENERAL", not "QUESTIONS AND/OR").
        let all_caps = self
            .np
            .iter()
            .filter(|t| t.is_word())
            .all(|t| t.has(UPPER) || t.has(DIGIT));
        let head = self.head();
        if all_caps
            && (self.np.len() > 1 || !head.info.is(class::HEAD))
            && !head.info.is(class::HEAD)
            && known_outlet(self.np, outlets).is_none()
        {
            // One word no list knows ("KAZULIN SAYS") may be a surname: a person for now,
            // kept only when the body names that person (`coref::confirm_capitals_names`).
            if is_capitals_name(self.np) {
                return Decided::Break(Some(self.typed(SourceType::Person, true)));
            }
            return nothing;
        }
        Decided::Continue(())
    }

    /// The knowledge base: a known outlet at the head (or a medium noun after it) is that
    /// outlet; a plural head beside one ("Kyodo correspondents") is vague.
    fn known(&self, outlets: &Outlets) -> Decided {
        let Some((s, e, canonical, kind)) = known_outlet(self.np, outlets) else {
            return Decided::Continue(());
        };
        let (head, head_at) = (self.head(), self.head_at);
        let head_inside = (s..e).contains(&head_at);
        let medium_head = head.info.is(class::OUTLET | class::OUTPUT) && head_at >= s;
        let plural_head = head
            .info
            .is(class::ROLE_PL | class::COLLECTIVE | class::OUTLET_PL)
            && !head_inside;
        if plural_head {
            return self.ty(SourceType::Vague);
        }
        if head_inside || medium_head {
            return Decided::Break(Some(Typed {
                canonical: Some(canonical),
                outlet_kind: Some(kind),
                ..self.typed(outlet_kind(kind), true)
            }));
        }
        Decided::Continue(())
    }

    /// A web address, or a name no list knows that says it is a medium: "Gedimino Press",
    /// "The Riga Herald", "Radio Baltic", "Imedi TV".
    fn address_or_medium(&self) -> Decided {
        let canonical = match self.np.iter().find(|t| is_web_address(t)) {
            Some(w) => Some(w.s.trim_end_matches(['.', ',']).to_string()),
            None => medium_name(self.content),
        };
        match canonical {
            Some(canonical) => Decided::Break(Some(Typed {
                canonical: Some(canonical),
                ..self.typed(SourceType::Outlet, true)
            })),
            None => Decided::Continue(()),
        }
    }

    fn head_classes(&self, cues: &Cues) -> HeadClasses {
        let (np, head, head_at) = (self.np, self.head(), self.head_at);
        let lead = self.lead();
        let word_count = lead.iter().filter(|t| t.is_word()).count();
        let mut class = head.info.class;
        let mut whole = if word_count == 1 { head.info.class } else { 0 };
        if word_count > 1 && head.info.is(class::MULTI_TAIL) {
            // Multi-word entries: the whole lead ("new delhi") or its last words ("prime
            // minister", "white house").
            let mut buf = [0u8; 96];
            whole |= joined(lead, &mut buf).map_or(0, |w| cues.multi(w));
            for k in (2..=4.min(lead.len())).rev() {
                let m = joined(&lead[lead.len() - k..], &mut buf).map_or(0, |w| cues.multi(w));
                if m != 0 {
                    class = m;
                    break;
                }
            }
        }
        HeadClasses {
            class,
            whole,
            word_count,
            indefinite: np[..head_at].iter().any(|t| {
                t.info.is(class::INDEFINITE) && !t.info.is(class::DEFINITE)
                    || matches!(t.lo, "unnamed" | "anonymous" | "unidentified")
            }),
            definite: np[..head_at]
                .iter()
                .any(|t| t.info.is(class::DEFINITE) || t.has(POSS)),
        }
    }

    /// Places and nationalities alone are never sources; a country or capital alone stands
    /// for its state.
    fn place(&self, h: &HeadClasses) -> Decided {
        if h.whole & (class::COUNTRY | class::CAPITAL) != 0 && h.whole & class::PLACE == 0 {
            return Decided::Break(Some(self.typed(SourceType::OfficialBody, true)));
        }
        let place_like = class::PLACE | class::NATIONALITY | class::COUNTRY | class::CAPITAL;
        let all_places = self.lead().iter().filter(|t| t.is_word()).all(|t| {
            t.info.is(place_like | class::MODIFIER)
                && !t.info.is(class::HEAD & !(class::COUNTRY | class::CAPITAL))
        });
        if all_places || h.whole & class::PLACE != 0 {
            if self.head().info.is(class::NATIONALITY_PL) {
                return self.ty(SourceType::Vague);
            }
            return Decided::Break(None);
        }
        Decided::Continue(())
    }

    /// A medium or a body followed by its name: "the daily Vechernii Bishkek", "the
    /// opposition party Ak Zhol", "the radio station Azattyk". A name in quotation marks may
    /// be written any way: "the daily \"24 saati\"".
    fn kind_word_and_name(&self, outlets: &Outlets) -> Decided {
        let (np, head, head_at) = (self.np, self.head(), self.head_at);
        let quoted = np.get(head_at + 1).is_some_and(Tok::is_quote);
        // A name may start in lower case before a hyphen: "the daily al-Akhbar".
        if !(head.cap() || head.has(NAMEISH) || quoted) {
            return Decided::Continue(());
        }
        let kind_word = (0..head_at)
            .rev()
            .find(|&i| !np[i].cap() && np[i].info.is(class::OUTLET | class::BODY));
        let Some(k) = kind_word else {
            return Decided::Continue(());
        };
        // A word that is a role too ("executive", "command") before a person's name is the
        // person's title: "Naftogaz chief executive Oleh Dubyna".
        if np[k].info.is(class::ROLE) && !np[k].info.is(class::OUTLET) {
            return Decided::Continue(());
        }
        let name_follows = np[k + 1..=head_at].iter().all(|t| {
            t.cap()
                || t.has(NAMEISH | UPPER | DIGIT)
                || t.is(",")
                || quoted && (t.is_word() || t.is_quote())
        });
        if !name_follows || (quoted && !np[k + 1].is_quote()) {
            return Decided::Continue(());
        }
        if np[k].info.is(class::OUTLET) {
            let (canonical, outlet_kind) = outlet_name(np, k, outlets);
            return Decided::Break(Some(Typed {
                canonical,
                outlet_kind,
                ..self.typed(SourceType::Outlet, true)
            }));
        }
        Decided::Break(Some(self.typed(SourceType::OfficialBody, true)))
    }

    /// The head's class: an outlet, outlets, a document, sources, collectives, bodies,
    /// roles in the plural.
    fn by_class(&self, h: &HeadClasses, outlets: &Outlets) -> Decided {
        let (np, head, head_at) = (self.np, self.head(), self.head_at);
        if h.class & class::OUTLET != 0 {
            let (canonical, outlet_kind) = outlet_name(np, head_at, outlets);
            return Decided::Break(Some(Typed {
                canonical,
                outlet_kind,
                ..self.typed(SourceType::Outlet, false)
            }));
        }
        if h.class & class::OUTLET_PL != 0 {
            return self.ty(SourceType::Vague);
        }
        if h.class & class::DOCUMENT != 0 && !head.cap() {
            return self.ty(SourceType::Document);
        }
        // People described as sources are anonymous ("diplomatic sources in the capital");
        // news or media sources are the media (vague).
        if matches!(head.lo, "sources" | "insiders" | "contacts")
            && !np[..head_at]
                .iter()
                .any(|t| matches!(t.lo, "news" | "media" | "press" | "information"))
        {
            return self.ty(SourceType::Anonymous);
        }
        if h.class & (class::COLLECTIVE | class::DOCUMENT_PL | class::NATIONALITY_PL) != 0 {
            return self.ty(SourceType::Vague);
        }
        // "Some Western governments", "several parties": unnamed bodies in the plural are
        // vague ("the authorities" is one body). So are bare plurals ("Kurdish exile
        // groups"); "Russian forces" are the army.
        if h.class & class::BODY != 0
            && (h.indefinite || !h.definite)
            && !head.cap()
            && head.lo.ends_with('s')
            && !head.lo.ends_with("ss")
            && !matches!(
                head.lo,
                "authorities" | "headquarters" | "news" | "forces" | "troops" | "peacekeepers"
            )
        {
            return self.ty(SourceType::Vague);
        }
        if h.class & class::BODY != 0 {
            return Decided::Break(Some(self.typed(SourceType::OfficialBody, head.cap())));
        }
        if h.class & class::ROLE_PL != 0 {
            return self.ty(SourceType::Vague);
        }
        Decided::Continue(())
    }

    /// An outlet's report is the outlet's ("a report in the daily Asahi Shimbun", "an
    /// editorial in Izvestiya"), and an unnamed journalist of an outlet speaks for it ("a
    /// correspondent of the website", "a reporter for Izvestiya", "the Monitor's
    /// correspondent").
    fn of_an_outlet(&self, h: &HeadClasses, cues: &Cues, outlets: &Outlets) -> Decided {
        let (np, head, head_at) = (self.np, self.head(), self.head_at);
        let output = head.info.is(class::OUTPUT);
        let journalist = h.class & class::ROLE != 0
            && matches!(
                head.lo,
                "correspondent"
                    | "reporter"
                    | "journalist"
                    | "commentator"
                    | "columnist"
                    | "editor"
                    | "anchor"
                    | "presenter"
            );
        if !(output || journalist) || head.cap() {
            return Decided::Continue(());
        }
        // "the Monitor's correspondent", "Izvestiya's editorial": the outlet's own.
        if let Some(p) = np[..head_at].iter().rposition(|t| t.has(POSS))
            && let Some(t) = classify(&np[..=p], cues, outlets)
                .filter(|t| matches!(t.kind, SourceType::Outlet | SourceType::SelfRef))
        {
            return Decided::Break(Some(Typed { head: p, ..t }));
        }
        if np.get(head_at + 1).is_some_and(|t| {
            matches!(
                t.lo,
                "in" | "by" | "of" | "on" | "from" | "for" | "at" | "with"
            )
        }) && let Some(t) = np
            .get(head_at + 2..)
            .filter(|rest| !rest.is_empty())
            .and_then(|rest| classify(rest, cues, outlets))
            .filter(|t| t.kind == SourceType::Outlet)
        {
            return Decided::Break(Some(Typed {
                head: head_at + 2 + t.head,
                ..t
            }));
        }
        // "a 26 May KCNA report", "a Xinhua commentary": an outlet's name before its output.
        if output
            && let Some(k) = np[..head_at].iter().rposition(|t| t.cap() || t.has(UPPER))
            && let Some(t) = classify(&np[k..=k], cues, outlets)
                .filter(|t| t.kind == SourceType::Outlet && t.canonical.is_some())
        {
            return Decided::Break(Some(Typed { head: k, ..t }));
        }
        // A journalist's piece speaks for the outlet that ran it, named or not ("an
        // editorial", "the article"); a report or a study may be anyone's.
        if output
            && matches!(
                head.lo,
                "article" | "editorial" | "commentary" | "column" | "op-ed" | "dispatch"
            )
            // "media commentary": the media's, unnamed; "the ministry's commentary", "an
            // article of the law" are a body's or a document's.
            && !np[..head_at].iter().any(|t| {
                t.info.is(class::COLLECTIVE)
                    || t.has(POSS)
                    || t.cap()
                        && t.info.class != 0
                        && !t.info.is(class::NATIONALITY | class::DEFINITE | class::INDEFINITE)
            })
            && np.get(head_at + 1).is_none_or(|t| t.lo != "of")
        {
            return self.ty(SourceType::Outlet);
        }
        Decided::Continue(())
    }

    /// A role not capitalised: someone unnamed, or the person holding it.
    fn role(&self, h: &HeadClasses) -> Decided {
        let (np, head, head_at) = (self.np, self.head(), self.head_at);
        if h.class & class::ROLE == 0 || head.cap() {
            return Decided::Continue(());
        }
        // "the diplomatic source", "the official": someone unnamed, even when definite. A
        // source is unnamed whoever holds it ("the agency's source").
        if matches!(head.lo, "source" | "insider" | "contact") {
            return self.ty(SourceType::Anonymous);
        }
        // "A spokesman for the union, Peteris Ozols": the role set off before a name is
        // that named person.
        if named_after_comma(np) {
            return Decided::Break(Some(self.typed(SourceType::Person, true)));
        }
        if h.indefinite || (head.lo == "official" && !definite_role_holder(np, head_at)) {
            return self.ty(SourceType::Anonymous);
        }
        self.ty(SourceType::Person)
    }

    /// A capitalised head: an acronym no list knows is an organisation ("OSCE", "the
    /// IAEA"), a capitalised role a role holder ("the President"), any other name a person.
    fn capitalised(&self, h: &HeadClasses) -> Decided {
        let head = self.head();
        // A name word after a lower-case particle and hyphen is capitalised too
        // ("al-Baghdadi"), after a capitalised word.
        let particle_name = head.has(NAMEISH)
            && self.head_at > 0
            && self.np[self.head_at - 1].cap()
            && head.s.contains('-');
        if !(head.cap() || head.has(UPPER) || particle_name) {
            return Decided::Continue(());
        }
        if head.info.is(class::SENTENCE | class::PRONOUN) && h.word_count == 1 {
            return Decided::Break(None);
        }

        if head.has(UPPER) && head.s.len() <= 6 && h.word_count == 1 && !head.info.is(class::ROLE) {
            return Decided::Break(Some(self.typed(SourceType::OfficialBody, true)));
        }
        if head.info.is(class::ROLE) {
            // "UKRAINIAN PROSECUTOR-GENERAL", "the President": a role holder.
            return self.ty(if h.indefinite {
                SourceType::Anonymous
            } else {
                SourceType::Person
            });
        }
        Decided::Break(Some(self.typed(SourceType::Person, true)))
    }
}

/// True for a phrase of one word in capitals that no list knows, as a surname is written in
/// a headline ("KAZULIN"): letters (and hyphens), three or more.
pub(crate) fn is_capitals_name(np: &[Tok<'_>]) -> bool {
    matches!(np, [t] if t.has(UPPER)
        && !t.has(POSS | DIGIT)
        && t.info.class == 0
        && t.s.len() >= 3
        && t.s.chars().all(|c| c.is_alphabetic() || c == '-'))
}

/// Last words that make a capitalised name a medium's ("Baltic Press", "The Riga Herald").
fn is_medium_tail(w: &str) -> bool {
    matches!(
        w,
        "press"
            | "television"
            | "times"
            | "herald"
            | "post"
            | "news"
            | "daily"
            | "gazette"
            | "journal"
            | "tribune"
            | "telegraph"
            | "courier"
            | "express"
            | "chronicle"
            | "tv"
            | "radio"
            | "weekly"
            | "review"
            | "digest"
            | "gazeta"
            | "pravda"
            | "vesti"
            | "novosti"
            | "izvestiya"
            | "shimbun"
            | "ilbo"
            | "nippo"
            | "zeitung"
            | "inform"
    )
}

/// First words that make a capitalised name a medium's ("Radio Baltic", "Channel One").
fn is_medium_head(w: &str) -> bool {
    matches!(w, "radio" | "television" | "tv" | "channel")
}

/// The name of a medium that a capitalised phrase spells out by its first or last word, as
/// written (a leading "the" dropped): only a whole phrase of two to six capitalised words.
fn medium_name(content: &[Tok<'_>]) -> Option<String> {
    // Cheap tests first: this runs for every phrase typed.
    let (first, last) = (content.first()?, content.last()?);
    let first = if first.lo == "the" {
        content.get(1)?
    } else {
        first
    };
    // "Media" ends a name only after a name no list knows ("al-Furqan Media", not "Russian
    // Media").
    let media = last.lo == "media" && last.cap();
    if !(is_medium_tail(last.lo) || is_medium_head(first.lo) || media) {
        return None;
    }
    let words = || content.iter().skip_while(|t| t.lo == "the");
    let n = words().count();
    let name_word = |t: &Tok<'_>| {
        t.is_word() && (t.cap() || t.has(UPPER) || t.has(NAMEISH) && t.s.contains('-'))
    };
    if !(2..=6).contains(&n) || !words().all(name_word) {
        return None;
    }
    if media && !words().take(n - 1).any(|t| t.info.class == 0) {
        return None;
    }
    Some(words().map(|t| t.s).collect::<Vec<_>>().join(" "))
}

/// True when the phrase ends in a name set off by a comma: ", Peteris Ozols".
fn named_after_comma(np: &[Tok<'_>]) -> bool {
    let Some(comma) = np.iter().rposition(|t| t.is(",")) else {
        return false;
    };
    let name = &np[comma + 1..];
    (2..=4).contains(&name.len())
        && name
            .iter()
            .all(|t| t.is_word() && t.cap() && !t.info.is(class::HEAD | class::SENTENCE))
}

/// True when a definite source noun is a named office rather than an unnamed person ("the
/// chief official of the region" is still unnamed: no).
fn definite_role_holder(np: &[Tok<'_>], head: usize) -> bool {
    np[..head].iter().any(|t| t.has(POSS))
}

/// A country's broadcaster named by its nationality: "Belarusan television", "Georgian
/// state radio", "Russian TV" (the phrase is the name: the state channel of that country).
fn national_broadcaster(np: &[Tok<'_>], head: usize) -> Option<String> {
    if !matches!(np[head].lo, "television" | "tv" | "radio") {
        return None;
    }
    let mut k = head;
    while k > 0
        && matches!(
            np[k - 1].lo,
            "state" | "state-run" | "national" | "public" | "official"
        )
    {
        k -= 1;
    }
    let nation = np.get(k.checked_sub(1)?)?;
    // A country's adjective, not "Local television" or "Federal radio".
    let generic = matches!(
        nation.lo,
        "local"
            | "regional"
            | "federal"
            | "national"
            | "foreign"
            | "international"
            | "western"
            | "eastern"
            | "northern"
            | "southern"
            | "european"
            | "asian"
            | "african"
            | "arab"
            | "muslim"
            | "islamic"
            | "christian"
            | "orthodox"
            | "catholic"
            | "jewish"
            | "buddhist"
            | "soviet"
    );
    (nation.cap() && nation.info.is(class::NATIONALITY) && !generic)
        .then(|| format!("{} {}", nation.s, np[head].s))
}

/// The name of an outlet introduced by its medium ("the newspaper Azg", "the Seoul daily
/// Hanguk Ilbo", "NTV television"): the known canonical name, or the capitalised words
/// beside the medium noun as written.
fn outlet_name(
    np: &[Tok<'_>],
    head: usize,
    outlets: &Outlets,
) -> (Option<String>, Option<OutletKind>) {
    let after: Vec<&Tok<'_>> = if np.get(head + 1).is_some_and(Tok::is_quote) {
        np[head + 2..]
            .iter()
            .take_while(|t| !t.is_quote())
            .collect()
    } else {
        np[head + 1..]
            .iter()
            .take_while(|t| t.cap() || t.has(NAMEISH | UPPER | DIGIT))
            .collect()
    };
    let before: Vec<&Tok<'_>> = np[..head]
        .iter()
        .rev()
        .take_while(|t| {
            (t.cap() || t.has(UPPER | NAMEISH)) && !t.info.is(class::NATIONALITY | class::DEFINITE)
        })
        .collect();
    let words: Vec<&str> = if !after.is_empty() {
        after.iter().map(|t| t.s).collect()
    } else if !before.is_empty() {
        before.iter().rev().map(|t| t.s).collect()
    } else {
        return (national_broadcaster(np, head), None);
    };
    let name = words.join(" ");
    // A capitalised medium noun after the name is part of it ("the Belarus Security Blog",
    // "the Moscow Times"), unless only the shorter name is known ("NTV Television").
    let whole = (after.is_empty() && np[head].cap() && !np[head].has(UPPER))
        .then(|| format!("{name} {}", np[head].s));
    if !outlets.may_start_name(&words[0].to_lowercase()) {
        return (Some(whole.unwrap_or(name)), None);
    }
    if let Some(o) = whole.as_deref().and_then(|w| outlets.lookup(w)) {
        return (Some(o.name.clone()), Some(o.kind));
    }
    match outlets.lookup(&name) {
        Some(o) => (Some(o.name.clone()), Some(o.kind)),
        None => (Some(whole.unwrap_or(name)), None),
    }
}
