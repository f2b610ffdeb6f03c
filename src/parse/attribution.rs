//! Sources named in the running text: "the news agency Yonhap said", "according to reports
//! out of Seoul", "one unnamed diplomatic source was quoted as saying", "told Interfax".
//!
//! Precision comes first (a wrong attribution misleads more than a missed one), so only
//! clear patterns count, each anchored on a cue:
//!
//! - a reporting verb (`said`, `told`, `reported`, `announced`, `denied`, …) with the noun
//!   phrase before it as the source, skipping adverbs and a date ("Kommersant on March 29
//!   quoted"); or after it when the verb follows a quotation ("…,” said Igor Ivanov);
//! - `X was quoted / cited as saying`;
//! - `according to X`, `citing X`, `in an interview with X`;
//! - `told X` / `quoted by X` where X is a known outlet: X is recorded as an outlet carrying
//!   the subject (`citing`).
//!
//! Pronoun subjects, agentless passives and negated verbs are left out. The noun phrase is
//! read with a small lexicon (determiners, titles, source nouns) and capitalisation; its type
//! comes from the outlet knowledge base and word lists (`docs/attributions.md`).

use crate::model::{Attribution, OutletKind, SourceType};
use crate::outlets::Outlets;
use crate::sentence::sentences;
use crate::span::{LineIndex, Span};
use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

#[derive(Debug, Clone, Copy)]
struct Tok<'a> {
    s: &'a str,
    /// `s` in lower case (see [`lower_in_place_len`]).
    lo: &'a str,
    span: Span,
}

impl<'a> Tok<'a> {
    /// The token in lower case.
    fn lower(&self) -> &'a str {
        self.lo
    }
    fn is_word(&self) -> bool {
        self.s.chars().next().is_some_and(char::is_alphanumeric)
    }
    fn capitalised(&self) -> bool {
        self.s.chars().next().is_some_and(char::is_uppercase)
    }
}

/// `s` in lower case with every character keeping its byte length, into `out` (cleared
/// first), so a span of `s` is the same span of `out`. A character whose lower case is
/// longer or shorter in UTF-8 (`İ`, the Kelvin sign) is kept as it is: no word of the lists
/// below has one.
fn lower_in_place_len(s: &str, out: &mut String) {
    out.clear();
    out.reserve(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        let mut lower = c.to_lowercase();
        match (lower.next(), lower.next()) {
            (Some(l), None) if l.len_utf8() == c.len_utf8() => out.push(l),
            _ => out.push(c),
        }
    }
}

/// Words and single punctuation marks with their spans, into `out` (cleared first: one
/// buffer serves every sentence). `low` is the lower case of `text` from byte `base` on
/// ([`lower_in_place_len`]).
fn tokens<'a>(text: &'a str, low: &'a str, base: usize, span: Span, out: &mut Vec<Tok<'a>>) {
    let s = span.slice(text);
    out.clear();
    let mut i = 0;
    while let Some((c, n)) = char_at(s, i) {
        if c.is_whitespace() {
            i += n;
            continue;
        }
        let start = i;
        let mut end = i + n;
        if c.is_alphanumeric() {
            while let Some((d, dn)) = char_at(s, end) {
                let inner = d.is_alphanumeric() || matches!(d, '-' | '.' | '’' | '\'' | '/');
                if !inner {
                    break;
                }
                // A final full stop or apostrophe belongs to punctuation unless a word follows.
                if matches!(d, '.' | '’' | '\'' | '-' | '/')
                    && !char_at(s, end + dn).is_some_and(|(e, _)| e.is_alphanumeric())
                {
                    // keep "U.S." and "Mr." whole: a full stop after a single letter or a
                    // known abbreviation stays with the word
                    let word = &s[start..end];
                    if d == '.'
                        && (word.chars().count() == 1
                            || matches!(word, "Mr" | "Mrs" | "Dr" | "Gen" | "Lt" | "Col" | "St"))
                    {
                        end += 1;
                    }
                    break;
                }
                end += dn;
            }
        }
        let at = span.start - base;
        out.push(Tok {
            s: &s[start..end],
            lo: &low[at + start..at + end],
            span: Span::new(span.start + start, span.start + end),
        });
        i = end;
    }
}

/// The character starting at byte `i` of `s` and its length (ASCII without decoding).
fn char_at(s: &str, i: usize) -> Option<(char, usize)> {
    match *s.as_bytes().get(i)? {
        b if b.is_ascii() => Some((char::from(b), 1)),
        _ => s.get(i..)?.chars().next().map(|c| (c, c.len_utf8())),
    }
}

/// A fixed set of lower-case words, looked up in one hash probe (FNV-1a: the words are
/// short) after a length test. The lists below are tested on every word of the prose.
struct Lexicon {
    words: HashSet<&'static str, BuildHasherDefault<Fnv>>,
    shortest: usize,
    longest: usize,
}

impl Lexicon {
    fn new(list: &[&'static str]) -> Lexicon {
        Lexicon {
            words: list.iter().copied().collect(),
            shortest: list.iter().map(|w| w.len()).min().unwrap_or(0),
            longest: list.iter().map(|w| w.len()).max().unwrap_or(0),
        }
    }

    fn contains(&self, w: &str) -> bool {
        (self.shortest..=self.longest).contains(&w.len()) && self.words.contains(w)
    }
}

/// FNV-1a, for short keys.
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// True for a reporting verb of [`VERBS`].
fn is_verb(w: &str) -> bool {
    static SET: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(VERBS));
    SET.contains(w)
}

/// Words that anchor every attribution pattern of [`find_attributions`]: `according (to)`,
/// `citing`, `interview (with)`, `(to) say|comment|tell|explain|confirm` and [`VERBS`].
const CUES: &[&str] = &[
    "according",
    "citing",
    "interview",
    "say",
    "comment",
    "tell",
    "explain",
    "confirm",
];

/// True when `s` contains a cue word, in any ASCII case (a quick test: a sentence without
/// one cannot name a source). The cues are ASCII, and a token's lower case turns no
/// other character into an ASCII letter ([`lower_in_place_len`]), so nothing is missed.
fn has_cue(s: &str) -> bool {
    static CUE_FINDER: LazyLock<Option<aho_corasick::AhoCorasick>> = LazyLock::new(|| {
        aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(CUES.iter().chain(VERBS))
            .ok()
    });
    CUE_FINDER.as_ref().is_none_or(|f| f.is_match(s))
}

/// True for a word of [`NP_WORDS`].
fn is_np_lexicon_word(w: &str) -> bool {
    static SET: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(NP_WORDS));
    SET.contains(w)
}

const VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "reported",
    "announced",
    "announces",
    "stated",
    "claimed",
    "claims",
    "denied",
    "denies",
    "insisted",
    "insists",
    "warned",
    "warns",
    "noted",
    "added",
    "declared",
    "declares",
    "confirmed",
    "confirms",
    "observed",
    "wrote",
    "writes",
    "argued",
    "argues",
    "suggested",
    "charged",
    "maintained",
    "stressed",
    "emphasized",
    "emphasised",
    "explained",
    "acknowledged",
    "admitted",
    "asserted",
    "complained",
    "predicted",
    "urged",
    "accused",
    "quoted",
    "cited",
    "believes",
    "believe",
    "believed",
    "alleged",
    "contended",
    "revealed",
    "disclosed",
    "indicated",
    "concluded",
    "described",
    "reiterated",
    "estimated",
    "commented",
];

/// Words allowed between a subject and its verb.
const BETWEEN: &[&str] = &[
    "reportedly",
    "also",
    "later",
    "publicly",
    "recently",
    "then",
    "further",
    "previously",
    "had",
    "has",
    "have",
    "again",
    "earlier",
    "yesterday",
    "today",
    "subsequently",
    "initially",
    "repeatedly",
    "officially",
    "explicitly",
    "only",
    "first",
    "once",
    "now",
    "already",
];

/// Lower-case words that can be part of a source's noun phrase.
const NP_WORDS: &[&str] = &[
    "the",
    "a",
    "an",
    "one",
    "some",
    "several",
    "many",
    "two",
    "three",
    "four",
    "all",
    "other",
    "another",
    "both",
    "most",
    "unnamed",
    "anonymous",
    "senior",
    "high-ranking",
    "high",
    "well-informed",
    "well-placed",
    "informed",
    "official",
    "officials",
    "source",
    "sources",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "minister",
    "ministry",
    "president",
    "deputy",
    "chairman",
    "leader",
    "head",
    "director",
    "secretary",
    "ambassador",
    "envoy",
    "diplomat",
    "diplomats",
    "diplomatic",
    "government",
    "military",
    "news",
    "agency",
    "newspaper",
    "daily",
    "weekly",
    "television",
    "radio",
    "website",
    "web",
    "site",
    "report",
    "reports",
    "media",
    "press",
    "analyst",
    "analysts",
    "observer",
    "observers",
    "expert",
    "experts",
    "commentator",
    "commentators",
    "authorities",
    "statement",
    "communique",
    "communiqué",
    "reporter",
    "correspondent",
    "anchor",
    "editor",
    "journalist",
    "journalists",
    "commander",
    "general",
    "prime",
    "foreign",
    "defense",
    "defence",
    "interior",
    "state",
    "security",
    "chief",
    "service",
    "delegate",
    "negotiator",
    "negotiators",
    "member",
    "members",
    "representative",
    "representatives",
    "prosecutor",
    "prosecutor-general",
    "police",
    "court",
    "acting",
    "former",
    "local",
    "regional",
    "federal",
    "top",
    "political",
    "economic",
    "western",
    "independent",
    "state-run",
    "government-run",
    "pro-government",
    "opposition",
    "party",
    "of",
    "and",
    "for",
    "in",
    "at",
    "from",
    "out",
    "first",
    "ministerial",
    "presidential",
    "press-secretary",
    "aide",
    "aides",
    "adviser",
    "advisor",
    "advisers",
    "staff",
    "office",
    "council",
    "committee",
    "commission",
    "embassy",
    "administration",
    "leadership",
    "side",
    "governor",
    "mayor",
    "spokesmen",
    "officer",
    "officers",
    "sources",
    "daily",
    "paper",
    "policy",
    "activists",
    "residents",
    "witnesses",
    "villagers",
    "protesters",
    "refugees",
    "deputies",
    "lawmakers",
];

const PRONOUNS: &[&str] = &[
    "he", "she", "it", "they", "we", "i", "you", "this", "that", "these", "those", "which", "who",
    "whom", "there", "what", "his", "her", "its", "their", "one",
];

const OUTLET_NOUNS: &[&str] = &[
    "newspaper",
    "agency",
    "daily",
    "weekly",
    "television",
    "radio",
    "website",
    "web",
    "site",
    "paper",
    "broadcaster",
    "channel",
    "tv",
    "magazine",
    "news",
];
const BODY_WORDS: &[&str] = &[
    "ministry",
    "kremlin",
    "government",
    "duma",
    "parliament",
    "council",
    "committee",
    "office",
    "service",
    "command",
    "party",
    "court",
    "administration",
    "embassy",
    "commission",
    "authorities",
    "leadership",
    "department",
    "cabinet",
    "presidium",
    "congress",
    "senate",
    "staff",
    "side",
    "headquarters",
    "assembly",
    "rada",
    "majlis",
    "politburo",
    "army",
];
/// Nouns that present someone as a source.
const SOURCE_NOUNS: &[&str] = &[
    "source",
    "sources",
    "official",
    "officials",
    "diplomat",
    "diplomats",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "representative",
    "representatives",
];

const ROLES: &[&str] = &[
    "secretary",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "minister",
    "president",
    "chairman",
    "director",
    "head",
    "leader",
    "ambassador",
    "envoy",
    "governor",
    "mayor",
    "commander",
    "general",
    "chief",
    "editor",
    "reporter",
    "correspondent",
    "anchor",
    "delegate",
    "prosecutor",
    "aide",
    "adviser",
    "advisor",
    "officer",
    "engineer",
    "premier",
    "speaker",
];

/// Capitalised words that start sentences without naming anyone.
fn is_sentence_word(w: &str) -> bool {
    matches!(
        w,
        "however"
            | "but"
            | "meanwhile"
            | "moreover"
            | "indeed"
            | "still"
            | "yet"
            | "thus"
            | "so"
            | "then"
            | "later"
            | "earlier"
            | "finally"
            | "also"
            | "as"
            | "in"
            | "on"
            | "at"
            | "and"
            | "when"
            | "while"
            | "after"
            | "before"
            | "since"
            | "if"
            | "although"
            | "though"
            | "because"
            | "what"
            | "where"
            | "why"
            | "how"
            | "to"
            | "for"
            | "with"
            | "by"
            | "from"
            | "nor"
            | "or"
            | "not"
            | "all"
            | "here"
            | "there"
            | "now"
            | "today"
            | "yesterday"
    )
}

const DOCUMENT_WORDS: &[&str] = &[
    "statement",
    "communique",
    "communiqué",
    "declaration",
    "resolution",
    "constitution",
    "letter",
    "decree",
    "memorandum",
];
const PLURAL_VAGUE: &[&str] = &[
    "officials",
    "sources",
    "reports",
    "diplomats",
    "analysts",
    "observers",
    "experts",
    "commentators",
    "media",
    "press",
    "journalists",
    "representatives",
    "members",
    "negotiators",
    "spokesmen",
    "aides",
    "advisers",
    "officers",
    "accounts",
    "circles",
    "reporting",
    "activists",
    "residents",
    "witnesses",
    "villagers",
    "protesters",
    "demonstrators",
    "refugees",
    "deputies",
    "lawmakers",
    "legislators",
];
const CAPITALS: &[&str] = &[
    "Moscow",
    "Pyongyang",
    "Seoul",
    "Tbilisi",
    "Kyiv",
    "Kiev",
    "Washington",
    "Beijing",
    "Tokyo",
    "Baku",
    "Yerevan",
    "Minsk",
    "Tehran",
    "Baghdad",
    "Ankara",
    "Astana",
    "Almaty",
    "Bishkek",
    "Dushanbe",
    "Tashkent",
    "Ashgabat",
    "Chisinau",
    "Riga",
    "Vilnius",
    "Tallinn",
    "Warsaw",
    "Berlin",
    "Paris",
    "London",
    "Brussels",
    "Grozny",
    "Sukhumi",
    "Tskhinvali",
];

fn is_np_word(t: &Tok<'_>) -> bool {
    if !t.is_word() {
        return matches!(t.s, "’s" | "'s");
    }
    t.capitalised() || is_np_lexicon_word(t.lower()) || t.s.ends_with("’s") || t.s.ends_with("'s")
}

/// The source noun phrase ending just before token `end` (exclusive), or `None`.
fn np_before(toks: &[Tok<'_>], end: usize) -> Option<(usize, usize)> {
    let mut start = end;
    while start > 0 && is_np_word(&toks[start - 1]) && end - start < 10 {
        // "the statement Pyongyang": a lower-case noun does not modify a name after it.
        let word = toks[start - 1].lower();
        if start < end
            && toks[start].capitalised()
            && (DOCUMENT_WORDS.contains(&word) || PLURAL_VAGUE.contains(&word) || word == "report")
        {
            break;
        }
        start -= 1;
    }
    // Connectors and sentence words ("While", "As") cannot open the phrase.
    while start < end
        && (matches!(
            toks[start].lower(),
            "of" | "and" | "for" | "in" | "at" | "from"
        ) || (start + 1 < end && is_sentence_word(toks[start].lower())))
    {
        start += 1;
    }
    // "…, the acting chairman, Akhmed Kotiev said": a role before the name with a comma.
    if start >= 2 && toks[start - 1].s == "," && start < end && toks[start].capitalised() {
        let mut role = start - 1;
        while role > 0 && is_np_word(&toks[role - 1]) && start - role < 6 {
            role -= 1;
        }
        let role_words: Vec<&str> = toks[role..start - 1].iter().map(Tok::lower).collect();
        if role_words.first().is_some_and(|&w| w == "the" || w == "a")
            && role_words.iter().any(|w| ROLES.contains(w))
        {
            start = role;
        }
    }
    (start < end).then_some((start, end))
}

/// The noun phrase starting at token `from`, up to punctuation or a clause word.
fn np_after(toks: &[Tok<'_>], from: usize) -> Option<(usize, usize)> {
    let mut from = from;
    while toks
        .get(from)
        .is_some_and(|t| matches!(t.s, "“" | "\"" | "‘" | "«"))
    {
        from += 1;
    }
    let mut end = from;
    while end < toks.len() && is_np_word(&toks[end]) && end - from < 10 {
        if end > from && toks[end].lower() == "that" {
            break;
        }
        end += 1;
    }
    while end > from
        && matches!(
            toks[end - 1].lower(),
            "of" | "and" | "for" | "in" | "at" | "from" | "the" | "a" | "an"
        )
    {
        end -= 1;
    }
    (end > from).then_some((from, end))
}

/// Decide the type of a source phrase; `None` when it names nothing a reader would call a
/// source (a pronoun, a date, a bare determiner).
fn classify(words: &[Tok<'_>], outlets: &Outlets) -> Option<(SourceType, Option<String>)> {
    let lower: Vec<&str> = words.iter().map(Tok::lower).collect();
    let content: Vec<&Tok<'_>> = words
        .iter()
        .filter(|t| {
            !matches!(
                t.lower(),
                "the"
                    | "a"
                    | "an"
                    | "one"
                    | "some"
                    | "several"
                    | "many"
                    | "other"
                    | "another"
                    | "all"
                    | "both"
            )
        })
        .collect();
    let first = content.first()?;
    if content
        .iter()
        .all(|t| is_sentence_word(t.lower()) || PRONOUNS.contains(&t.lower()))
    {
        return None;
    }
    if PRONOUNS.contains(&lower.last()?) && words.len() == 1 {
        return None;
    }
    if content.iter().all(|t| {
        crate::parse::date::month_number(t.s).is_some() || t.s.chars().all(|c| c.is_ascii_digit())
    }) {
        return None;
    }
    // The longest run of words the knowledge base knows as an outlet.
    for len in (1..=content.len().min(5)).rev() {
        for w in content.windows(len) {
            // Only proper names: "the news agency" must not find an outlet called "The News".
            if w.iter().any(|t| !t.capitalised() && !t.s.contains('.')) {
                continue;
            }
            let name: Vec<&str> = w.iter().map(|t| t.s).collect();
            let name = name.join(" ");
            if let Some(o) = outlets.lookup(&name) {
                if o.kind == OutletKind::Bulletin {
                    return Some((SourceType::SelfRef, Some(o.name.clone())));
                }
                // "the Japanese Kyodo news agency", "NTV's journalists" (plural: vague).
                let plural_tail = lower.last().is_some_and(|w| PLURAL_VAGUE.contains(w));
                if !plural_tail {
                    let kind = match o.kind {
                        OutletKind::Official => SourceType::OfficialBody,
                        OutletKind::Collective => SourceType::Vague,
                        _ => SourceType::Outlet,
                    };
                    return Some((kind, Some(o.name.clone())));
                }
            }
        }
    }
    let has = |list: &[&str]| lower.iter().any(|w| list.contains(w));
    // The head noun: the last word before a prepositional phrase ("reports out of Seoul",
    // "press secretary of Dalenergo"), else the last word.
    let head_at = (1..lower.len())
        .find(|&i| matches!(lower[i], "of" | "out" | "in" | "from" | "at" | "for"))
        .map_or(lower.len() - 1, |i| i - 1);
    let head = lower.get(head_at).map(AsRef::as_ref).unwrap_or("");
    let head_tok = words.get(head_at);
    if OUTLET_NOUNS.contains(&head)
        || (has(OUTLET_NOUNS) && !has(PLURAL_VAGUE) && !has(BODY_WORDS) && head != "spokesman")
    {
        return Some((SourceType::Outlet, None));
    }
    if DOCUMENT_WORDS.contains(&head) {
        return Some((SourceType::Document, None));
    }
    if PLURAL_VAGUE.contains(&head)
        || matches!(
            lower.first().map(AsRef::as_ref),
            Some("some" | "many" | "several")
        )
    {
        return Some((SourceType::Vague, None));
    }
    if BODY_WORDS.contains(&head) || (content.len() == 1 && CAPITALS.contains(&first.s)) {
        return Some((SourceType::OfficialBody, None));
    }
    let indefinite = matches!(lower.first().map(AsRef::as_ref), Some("a" | "an" | "one" | "another"))
        || has(&["unnamed", "anonymous"])
        // "the diplomatic source" refers back to an unnamed one
        || (matches!(head, "source" | "official" | "diplomat") && !head_tok.is_some_and(|t| t.capitalised()));
    if indefinite {
        return Some((SourceType::Anonymous, None));
    }
    // A name: the head capitalised (not sentence furniture).
    if head_tok.is_some_and(|t| t.capitalised())
        && !(head_at == 0 && words.len() == 1 && is_sentence_word(head))
    {
        return Some((SourceType::Person, None));
    }
    // A role holder: "the president", "the press secretary of Dalenergo".
    if ROLES.contains(&head) {
        return Some((SourceType::Person, None));
    }
    None
}

/// Find the prose attributions of the body paragraphs `paras` (index, span) of one article.
pub fn find_attributions(
    text: &str,
    lines: &LineIndex,
    paras: &[(usize, Span)],
    citations: &[Span],
    outlets: &Outlets,
) -> Vec<Attribution> {
    let mut out = Vec::new();
    let mut buf = Vec::new();
    // The paragraphs in lower case, once: tokens borrow their lower case from here.
    let base = paras.iter().map(|p| p.1.start).min().unwrap_or(0);
    let end = paras.iter().map(|p| p.1.end).max().unwrap_or(base);
    let mut low = String::new();
    lower_in_place_len(&text[base..end], &mut low);
    for &(pi, para) in paras {
        for sentence in sentences(text, para) {
            // Every pattern below is anchored on a cue word: a sentence without one (as a
            // substring, in any case) has nothing to find.
            if !has_cue(sentence.slice(text)) {
                continue;
            }
            // Duplicates can only come from the same sentence: search only its records, so
            // the pass stays linear on a paragraph with a million attributions.
            let first = out.len();
            tokens(text, &low, base, sentence, &mut buf);
            let toks: &[Tok<'_>] = &buf;
            let push = |out: &mut Vec<Attribution>,
                        (a, b): (usize, usize),
                        cue: &str,
                        citing: Option<String>| {
                let words = &toks[a..b];
                // "54 percent of Russians believe": poll figures are not sources.
                if a >= 2
                    && toks[a - 1].lower() == "of"
                    && matches!(
                        toks[a - 2].lower(),
                        "percent" | "%" | "majority" | "most" | "half" | "third" | "quarter"
                    )
                {
                    return;
                }
                let Some((kind, canonical)) = classify(words, outlets) else {
                    return;
                };
                let span = Span::new(words[0].span.start, words[words.len() - 1].span.end);
                // Inside a citation group the parser has read the sources already.
                let k = citations.partition_point(|c| c.start <= span.start);
                if k > 0
                    && citations[..k]
                        .iter()
                        .rev()
                        .take(4)
                        .any(|c| span.end <= c.end)
                {
                    return;
                }
                if out[first..].iter().any(|x: &Attribution| x.span == span) {
                    return;
                }
                let pos = lines.position(text, span.start);
                out.push(Attribution {
                    paragraph: pi,
                    line: pos.line,
                    column: pos.column,
                    span,
                    text: crate::parse::collapse_ws(span.slice(text)),
                    kind,
                    canonical,
                    cue: cue.to_string(),
                    citing,
                });
            };
            for v in 0..toks.len() {
                let w = toks[v].lower();
                // according to X / citing X / in an interview with X
                if w == "according" && toks.get(v + 1).is_some_and(|t| t.lower() == "to") {
                    if let Some(np) = np_after(toks, v + 2) {
                        push(&mut out, np, "according to", None);
                    }
                    continue;
                }
                if w == "citing" && v > 0 {
                    if let Some(np) = np_after(toks, v + 1) {
                        push(&mut out, np, "citing", None);
                    }
                    continue;
                }
                if w == "interview" && toks.get(v + 1).is_some_and(|t| t.lower() == "with") {
                    if let Some(np) = np_after(toks, v + 2) {
                        push(&mut out, np, "in an interview with", None);
                    }
                    continue;
                }
                // "Russian diplomatic sources appeared to have little to say": a source noun
                // as subject of a speech verb in the infinitive.
                if matches!(w, "say" | "comment" | "tell" | "explain" | "confirm")
                    && v > 0
                    && toks[v - 1].lower() == "to"
                {
                    let head = (v.saturating_sub(8)..v)
                        .rev()
                        .find(|&i| SOURCE_NOUNS.contains(&toks[i].lower()));
                    if let Some(h) = head
                        && let Some(np) = np_before(toks, h + 1)
                    {
                        let cue: Vec<&str> = toks[h + 1..=v].iter().map(|t| t.s).collect();
                        push(&mut out, np, &cue.join(" "), None);
                    }
                    continue;
                }
                if !is_verb(w) {
                    continue;
                }
                // Negated or modal: "would not say", "did not report".
                if v > 0 && matches!(toks[v - 1].lower(), "not" | "never" | "n’t" | "n't") {
                    continue;
                }
                // "as reported by Itar-Tass", "as cited by Interfax": the source after "by".
                if matches!(w, "reported" | "cited" | "quoted" | "announced")
                    && toks.get(v + 1).is_some_and(|t| t.lower() == "by")
                {
                    if let Some(np) = np_after(toks, v + 2) {
                        push(&mut out, np, &format!("{w} by"), None);
                    }
                    continue;
                }
                let passive = v > 0
                    && matches!(
                        toks[v - 1].lower(),
                        "was" | "were" | "is" | "are" | "been" | "be"
                    );
                if passive {
                    // "X was quoted as saying", "X were cited as …"; other passives have no agent.
                    let as_saying = toks.get(v + 1).is_some_and(|t| t.lower() == "as");
                    if (w == "quoted" || w == "cited")
                        && as_saying
                        && let Some(np) = np_before(toks, v - 1)
                    {
                        push(&mut out, np, &format!("was {w} as"), None);
                    }
                    continue;
                }
                // Skip adverbs and a date between subject and verb.
                let mut end = v;
                loop {
                    if end > 0 && BETWEEN.contains(&toks[end - 1].lower()) {
                        end -= 1;
                    } else if end >= 3
                        && toks[end - 3].lower() == "on"
                        && crate::parse::date::month_number(toks[end - 2].s).is_some()
                        && toks[end - 1].s.chars().all(|c| c.is_ascii_digit())
                    {
                        end -= 3;
                    } else {
                        break;
                    }
                }
                // "Vakhtang Shamiladze, chairman of the subcommittee, urged …": the name before
                // a post-posed appositive.
                if end > 0 && toks[end - 1].s == "," {
                    let open = (end.saturating_sub(16)..end - 1)
                        .rev()
                        .find(|&i| toks[i].s == ",");
                    if let Some(open) = open
                        && let Some(np) = np_before(toks, open)
                            .filter(|&(a, b)| toks[a..b].iter().any(Tok::capitalised))
                    {
                        push(&mut out, np, w, None);
                    }
                    continue;
                }
                let mut subject = np_before(toks, end);
                // "JoongAng Ilbo, which also quoted …": the relative pronoun stands for the
                // phrase before its comma.
                if subject.is_none()
                    && end >= 2
                    && matches!(toks[end - 1].lower(), "which" | "who")
                    && toks[end - 2].s == ","
                {
                    subject = np_before(toks, end - 2);
                }
                let after_quote = v > 0 && matches!(toks[v - 1].s, "," | "”" | "\"" | "’");
                let subject = match subject {
                    Some(np) if !after_quote => Some(np),
                    _ if after_quote => {
                        np_after(toks, v + 1).filter(|&(a, _)| toks[a].capitalised())
                    }
                    other => other,
                };
                let Some(np) = subject else {
                    continue;
                };
                let subject_text = crate::parse::collapse_ws(
                    Span::new(toks[np.0].span.start, toks[np.1 - 1].span.end).slice(text),
                );
                push(&mut out, np, w, None);
                // "The newspaper also quoted “well-informed diplomatic sources”": the quoted
                // source, carried by the subject.
                if (w == "quoted" || w == "cited")
                    && let Some(obj) = np_after(toks, v + 1)
                {
                    let before = out.len();
                    push(&mut out, obj, w, None);
                    if out.len() > before {
                        let origin = out[before].text.clone();
                        let carrier = Span::new(toks[np.0].span.start, toks[np.1 - 1].span.end);
                        if let Some(c) = out[first..].iter_mut().find(|a| a.span == carrier) {
                            c.citing = Some(origin);
                        }
                    }
                }
                // "X told Interfax": the outlet carries X.
                if w == "told"
                    && let Some(np2) = np_after(toks, v + 1)
                {
                    {
                        let name: Vec<&str> = toks[np2.0..np2.1].iter().map(|t| t.s).collect();
                        let is_outlet = outlets.lookup(&name.join(" ")).is_some()
                            || toks[np2.0..np2.1]
                                .iter()
                                .any(|t| OUTLET_NOUNS.contains(&t.lower()));
                        if is_outlet {
                            push(&mut out, np2, "told", Some(subject_text));
                        }
                    }
                }
            }
        }
    }
    out.sort_by_key(|a| a.span.start);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(text: &str) -> Vec<(String, SourceType, String, Option<String>)> {
        let lines = LineIndex::new(text);
        find_attributions(
            text,
            &lines,
            &[(0, Span::new(0, text.len()))],
            &[],
            Outlets::builtin(),
        )
        .into_iter()
        .map(|a| (a.text, a.kind, a.cue, a.citing))
        .collect()
    }

    fn has(
        got: &[(String, SourceType, String, Option<String>)],
        text: &str,
        kind: SourceType,
    ) -> bool {
        got.iter().any(|g| g.0 == text && g.1 == kind)
    }

    #[test]
    fn lower_case_keeps_every_byte_offset() {
        let mut out = String::new();
        for s in [
            "The Agency SAID",
            "ИТАР-ТАСС сообщил",
            "COMMUNIQUÉ of Łódź",
            "İstanbul and the \u{212A}elvin sign",
            "",
        ] {
            lower_in_place_len(s, &mut out);
            assert_eq!(out.len(), s.len(), "{s}");
            for (i, _) in s.char_indices() {
                assert!(out.is_char_boundary(i), "{s} at {i}");
            }
        }
        lower_in_place_len("ИТАР-ТАСС SAID Communiqué", &mut out);
        assert_eq!(out, "итар-тасс said communiqué");
        // Lower cases of another length stay as written.
        lower_in_place_len("İ\u{212A}", &mut out);
        assert_eq!(out, "İ\u{212A}");
    }

    #[test]
    fn the_cue_filter_passes_every_cue_in_any_case() {
        for w in CUES.iter().chain(VERBS) {
            let upper = w.to_uppercase();
            assert!(has_cue(&format!("Officials {w} so.")), "{w}");
            assert!(has_cue(&format!("OFFICIALS {upper} SO.")), "{upper}");
        }
        assert!(CUES.iter().chain(VERBS).all(|w| w.is_ascii()));
        assert!(has_cue("“It will pass,” said Łukasz Nowak."));
        assert!(!has_cue("“It will pass” — nobody doubts it."));
        assert!(!has_cue(
            "The announcement caught most observers by surprise."
        ));
    }

    #[test]
    fn cues_and_types() {
        use SourceType::*;
        let cases: &[(&str, &str, SourceType)] = &[
            (
                "The news agency Yonhap said that Kim had demanded tanks.",
                "The news agency Yonhap",
                Outlet,
            ),
            (
                "Russian Foreign Minister Igor Ivanov confirmed the news on April 16.",
                "Russian Foreign Minister Igor Ivanov",
                Person,
            ),
            (
                "“It is over,” one unnamed diplomatic source was quoted as saying.",
                "one unnamed diplomatic source",
                Anonymous,
            ),
            (
                "According to reports out of Seoul on April 20, Kim had chosen to delay.",
                "reports out of Seoul",
                Vague,
            ),
            (
                "Kommersant on March 29 quoted a Kremlin source.",
                "Kommersant",
                Outlet,
            ),
            (
                "The Russian Foreign Ministry denied the report.",
                "The Russian Foreign Ministry",
                OfficialBody,
            ),
            (
                "Pyongyang warned that it would withdraw.",
                "Pyongyang",
                OfficialBody,
            ),
            (
                "The statement said that talks had failed.",
                "The statement",
                Document,
            ),
            (
                "Some observers believe the talks will fail.",
                "Some observers",
                Vague,
            ),
            (
                "“We will go,” said Deputy Prime Minister Ilya Klebanov.",
                "Deputy Prime Minister Ilya Klebanov",
                Person,
            ),
        ];
        for (text, source, kind) in cases {
            let got = find(text);
            assert!(has(&got, source, *kind), "{text:?} gave {got:?}");
        }
    }

    #[test]
    fn the_seed_prose_sources() {
        use SourceType::*;
        let text = "While Russian diplomatic sources appeared to have little to say about it, \
            others spoke. The South Korean newspaper JoongAng Ilbo, which also quoted \
            “well-informed diplomatic sources in Seoul,” had a similar take. As one Russian \
            daily observed, he chairs commissions.";
        let got = find(text);
        assert!(has(&got, "Russian diplomatic sources", Vague), "{got:?}");
        assert!(
            has(&got, "well-informed diplomatic sources in Seoul", Vague),
            "{got:?}"
        );
        assert!(has(&got, "one Russian daily", Outlet), "{got:?}");
        let carrier = got
            .iter()
            .find(|g| g.0 == "The South Korean newspaper JoongAng Ilbo")
            .expect("carrier");
        assert_eq!(
            carrier.3.as_deref(),
            Some("well-informed diplomatic sources in Seoul")
        );
    }

    #[test]
    fn carriers_and_exclusions() {
        let got =
            find("A Russian military source told Interfax on August 22 that troops had left.");
        assert!(
            got.iter()
                .any(|g| g.0 == "Interfax" && g.3.as_deref() == Some("A Russian military source")),
            "{got:?}"
        );
        for text in [
            "He said that the talks had failed.",
            "It was said that the talks had failed.",
            "The ministry would not say why.",
            "They reported nothing.",
            "Putin was said to prefer a Moscow meeting.",
        ] {
            let got = find(text);
            assert!(got.is_empty(), "{text:?} gave {got:?}");
        }
    }
}
