//! From the text of one parenthetical group to its references, or to the reason it is not a
//! citation.
//!
//! The group is split at top-level `;` into parts and each part at top-level `,` into
//! segments (brackets, nested parentheses and quotes protect their commas, so
//! `see "RFE/RL Caucasus Report," 14 May 2004` keeps its title whole). Each segment is read as
//! dates, a lone year, a relay ("as cited by Itar-Tass", "citing a report by the BBC"), an
//! introducer ("for example"), an outlet name, or something else. Outlets take the dates
//! that follow them; a part with dates and no outlet continues the previous outlet; a group
//! with dates and no outlet at all gets one reference with an empty outlet.

use super::date::{DateSegment, DateToken, parse_date_segment};
use super::pattern::{Pattern, starts_with_any};
use crate::model::NonCitationReason;
use crate::outlets::Outlets;
use crate::span::Span;
use regex::Regex;

fn re(pattern: &str) -> Regex {
    Regex::new(pattern).expect("a built-in regex compiles (every one is used by the tests)")
}

/// "see", "see also", "cf." before an outlet: `(see also the Monitor, October 12)`.
static SEE_PREFIX: Pattern = Pattern::guarded(
    || re(r"(?i)^(?:see\s+also|see|also\s+see|cf\.?|compare)\s+"),
    // Every match has its first word: see, also, cf, compare.
    |s| starts_with_any(s, b"sac"),
);

/// A credit line: `(Source: vvmvd.ru)`, `(Photo: AP)`.
static CREDIT: Pattern = Pattern::guarded(
    || {
        re(
            r"(?i)^\s*(?:photo\s+)?(?:source|sources|photo|image|picture|credit|credits|courtesy)\s*:",
        )
    },
    // Every match has a colon.
    |s| s.contains(':'),
);

/// An editor's note or author line: `(NOTE: ...)`, `(AUTHOR: YIM ...)`.
static NOTE: Pattern = Pattern::guarded(
    || {
        re(
            r"(?i)^\s*(?:note|notes|nb|author|authors|editor'?s?\s+note|ed\.?\s+note|update|correction|translator'?s\s+note)\s*:",
        )
    },
    // Every match has a colon.
    |s| s.contains(':'),
);

/// An internal pointer: `(see below)`, `(See Box 1)`, `(SEE NOTE)`, `(Note 1)`.
static POINTER: Pattern = Pattern::guarded(
    || {
        re(
            r"(?i)^\s*(?:(?:see|cf\.?)(?:\s+also)?\s+(?:the\s+)?(?:below|above|box|note|notes|table|figure|fig\.?|chart|map|graph|appendix|annex|following|preceding|previous|next|part|section|page|p\.|pp\.|footnote|endnote|sidebar|article|item|story|related|text|inset)\b|(?:note|box|table|figure|fig\.|chart|map|footnote|appendix)\s+[\w.-]+\s*$)",
        )
    },
    // Every match has its first word after white space: see, cf, note, box, table, …
    |s| starts_with_any(s.trim_start(), b"scnbtfma"),
);

/// A number, a roman numeral or a letter on its own: `(2)`, `(703)`, `(iv)`, `(a)`.
static NUMBER: Pattern = Pattern::guarded(
    || re(r"(?i)^\s*(?:[\d.,/:+\s-]+|[ivxlc]{1,6}|[a-z])\s*$"),
    // A match is at most six letters, or digits and marks only.
    |s| {
        let s = s.trim();
        s.chars().nth(6).is_none()
            || s.chars()
                .all(|c| c.is_numeric() || c.is_whitespace() || ".,/:+-".contains(c))
    },
);

/// A carrier after its origin: `as cited by Itar-Tass`, `quoted in Izvestiya`, `via AFP`.
static RELAY_CARRIER: Pattern = Pattern::guarded(
    || {
        re(
            r"(?i)^(?:as\s+)?(?:(?:cited|quoted|reported|carried|relayed|summarized|summarised|translated|rebroadcast|reprinted)\s+(?:by|in|on)|via)\s+(.+)$",
        )
    },
    // Every match has its first word: as, cited, quoted, …, via.
    |s| starts_with_any(s, b"acqrstv"),
);

/// An origin after its carrier: `citing a report by the BBC`, `quoting Kommersant`.
static RELAY_ORIGIN: Pattern = Pattern::guarded(
    || {
        re(
            r"(?i)^(?:citing|quoting|according\s+to)\s+(?:(?:an?|the)\s+)?(?:(?:earlier\s+|unconfirmed\s+)?(?:report|article|story|dispatch|interview|broadcast|statement|piece|item|commentary)s?\s+(?:by|in|from|on|with)\s+)?(.+)$",
        )
    },
    // Every match has citing, quoting, according.
    |s| starts_with_any(s, b"cqa"),
);

/// A whole segment that is a Markdown link: `[Reuters](https://www.reuters.com/…)`, its text
/// captured.
static MARKDOWN_LINK: Pattern =
    Pattern::new(|| re(r#"^[*_]*\[([^\[\]]+)\]\([^()\s]*(?:\s+"[^"]*")?\)[*_]*$"#));

/// Words that introduce a source without naming one: `(for example, ...)`.
static INTRODUCER: Pattern = Pattern::guarded(
    || {
        re(
            r"(?i)^(?:for\s+example|for\s+instance|e\.\s?g\.?|i\.\s?e\.?|among\s+others|inter\s+alia|among\s+them|and|also)$",
        )
    },
    // Every match has a few short phrases.
    |s| starts_with_any(s, b"feia"),
);

/// A time of day after a date: `10:35 GMT`, `14.00 Moscow time`.
static TIME_OF_DAY: Pattern = Pattern::guarded(
    || {
        re(
            r"(?i)^\d{1,2}[:.]\d{2}(?:\s*(?:a\.?m\.?|p\.?m\.?|gmt|utc|z|msk|est|edt|cet|local\s+time|moscow\s+time|hours?))?$",
        )
    },
    // Every match has a digit first (`\d` is any script's digit: not ASCII may be one).
    |s| {
        s.as_bytes()
            .first()
            .is_some_and(|b| !b.is_ascii() || b.is_ascii_digit())
    },
);

/// An author or article before the outlet: `editor Ali Hassan in an article in Babil`,
/// `in an interview with Izvestiya`, `commentary in Trud`. The outlet is the name at the end.
static AUTHORED_IN: Pattern = Pattern::guarded(
    || {
        re(&format!(
            r#"^(?i:(?:[\w.’'-]+\s+){{0,6}}?(?:in\s+)?(?:an?\s+|the\s+|his\s+|her\s+)?(?:{AUTHORED_WORDS})\s+(?:in|to|with|for|by|on)\s+)([A-Z"“«].*)$"#
        ))
    },
    // Every match names the kind of piece; a search for those words (literals) is quick,
    // where the pattern's words of any script before them are slow to rule out.
    |s| AUTHORED_WORD.is_match(s),
);

/// The kinds of piece [`AUTHORED_IN`] names, as alternatives.
const AUTHORED_WORDS: &str = "article|interview|commentary|editorial|report|op-ed|column|piece|statement|letter|remarks|comments";

/// Any of [`AUTHORED_WORDS`], anywhere.
static AUTHORED_WORD: Pattern = Pattern::new(|| re(&format!("(?i){AUTHORED_WORDS}")));

/// A volume, number or page reference: `Vol. 5`, `No. 3`, `p. 4`, `pp. 12-14`.
static LOCATOR: Pattern = Pattern::guarded(
    || {
        re(
            r"(?i)^(?:vol|volume|no|nos|number|issue|p|pp|page|pages|part|sec|section)\.?\s*[\dIVXivx]+(?:\s*[-–]\s*\d+)?$",
        )
    },
    // Every match has vol, no, issue, p, sec ….
    |s| starts_with_any(s, b"vnips"),
);

/// A web address: `Lenta.ru`, `www.mfa.gov.ua`, `http://kmu.gov.ua/news`.
static DOMAIN: Pattern = Pattern::guarded(
    || {
        re(
            r"(?i)^(?:https?://)?(?:www\.)?[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.[a-z]{2,24}(?:/\S*)?$",
        )
    },
    // Every match has a dot, no white space.
    |s| s.contains('.') && !s.bytes().any(|b| b.is_ascii_whitespace()),
);

/// A vague plural of outlets: `Russian agencies`, `Russian and Western agencies`,
/// `Itar-Tass and other Russian agencies`, `Ukrainian media`.
static COLLECTIVE: Pattern = Pattern::guarded(
    || {
        re(
            r"^(?:[A-Z][\w’'-]*(?:\s+(?:and|&)\s+(?:other\s+)?[A-Z][\w’'-]*)*|[A-Z][\w’'-]*\s+and\s+other(?:\s+[A-Z][\w’'-]*)?)\s+(?:(?:news|wire|press|TV\s+and|television\s+and|radio\s+and)\s+)?(?:agencies|media|press|newspapers|papers|wires|wire\s+services|services|outlets|television|dailies|reports|websites|sites|broadcasters)$",
        )
    },
    // Every match has a capital first, a plural noun (or "media", "television") last.
    |s| s.as_bytes().first().is_some_and(u8::is_ascii_uppercase) && s.ends_with(['s', 'a', 'n']),
);

/// Longest group text still parsed for references; longer groups are asides.
pub const MAX_GROUP_LEN: usize = 600;

/// Most outlet segments one group may hold before it is taken for a list, not a citation.
const MAX_OUTLETS: usize = 16;

/// Lower-case words that never occur in an outlet's name but do in prose asides.
const PROSE_WORDS: &[&str] = &[
    "a", "an", "in", "at", "on", "by", "was", "were", "is", "are", "be", "been", "said", "says",
    "reported", "with", "from", "for", "to", "as", "that", "which", "who", "this", "these",
    "those", "not", "but", "or", "it", "its", "he", "she", "they", "we", "his", "her", "their",
    "years", "year", "old", "percent", "million", "billion", "about", "around", "over", "under",
    "than", "some", "many", "most", "also", "has", "have", "had", "would", "will", "could",
    "albeit", "such", "other", "only", "if", "when", "after", "before", "both", "more", "less",
    "since", "until", "into", "there", "here", "then", "so", "because", "all", "any", "no",
];

/// How confidently a segment names an outlet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum OutletShape {
    /// Not a name.
    No,
    /// Shaped like a name (capitalised words), unknown to the knowledge base.
    Weak,
    /// Known to the knowledge base, a web address, or a collective such as "Russian agencies".
    Strong,
}

/// One reference before it is resolved against the knowledge base and the article's year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftRef {
    /// The outlet name as written (quotes and "see" excluded); empty at the group start.
    pub span: Span,
    /// True when its part began with "see" / "see also".
    pub see: bool,
    /// Indices into [`DraftCitation::dates`].
    pub dates: Vec<usize>,
    /// Indices of the references this one relays.
    pub relays: Vec<usize>,
}

/// A group read as a citation.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DraftCitation {
    /// The references, in written order.
    pub refs: Vec<DraftRef>,
    /// Every date of the group, in written order, months and years filled from neighbours.
    pub dates: Vec<DateToken>,
}

/// What a group is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GroupClass {
    /// A citation with its references.
    Citation(DraftCitation),
    /// Not a citation, and why.
    Other(NonCitationReason),
}

enum Segment {
    Empty,
    Filler,
    Dates(Vec<DateToken>),
    Year(i32, Span),
    Outlet(Span, OutletShape),
    RelayCarrier(Span),
    RelayOrigin(Span),
    Junk,
}

/// The bytes [`split_top`] looks at besides its separator: brackets, straight quotes and
/// the first byte of a curly quote.
const MARKS: [bool; 256] = {
    let mut t = [false; 256];
    let marks = *b"()[]{}\"\xE2";
    let mut k = 0;
    while k < marks.len() {
        t[marks[k] as usize] = true;
        k += 1;
    }
    t
};

/// Split `span` of `text` at top-level `sep` bytes: not inside (), [], {} or quotes.
pub fn split_top(text: &str, span: Span, sep: u8) -> Vec<Span> {
    // Every mark that matters is ASCII but the curly double quotes (E2 80 9C, E2 80 9D), so
    // the bytes are read, not the characters.
    let split = |quotes: bool| {
        let mut out = Vec::new();
        let mut depth = 0usize;
        let mut in_straight = false;
        let mut in_curly = false;
        let mut from = span.start;
        let s = span.slice(text);
        let b = s.as_bytes();
        let mut i = 0;
        while i < b.len() {
            // Most bytes are none of the marks: skip them at once.
            while i < b.len() && !MARKS[usize::from(b[i])] && b[i] != sep {
                i += 1;
            }
            if i == b.len() {
                break;
            }
            let at = span.start + i;
            let curly = if b[i] == 0xE2 && b.get(i + 1) == Some(&0x80) {
                match b.get(i + 2) {
                    Some(0x9C) => Some(true),
                    Some(0x9D) => Some(false),
                    _ => None,
                }
            } else {
                None
            };
            let width = if curly.is_some() { 3 } else { 1 };
            match (b[i], curly) {
                (b'(' | b'[' | b'{', _) => depth += 1,
                (b')' | b']' | b'}', _) => depth = depth.saturating_sub(1),
                (b'"', _) | (_, Some(false)) if quotes && (in_straight || in_curly) => {
                    in_straight = false;
                    in_curly = false;
                    // American style puts the comma inside the quotes (`"RFE/RL Newsline,"
                    // 2 March 2005`): that comma still ends the segment.
                    if sep == b',' && depth == 0 && s[..i].ends_with(',') {
                        out.push(Span::new(from, at + width));
                        from = at + width;
                    }
                }
                (b'"', _) if quotes => in_straight = true,
                (_, Some(true)) if quotes => in_curly = true,
                (c, None) if c == sep && depth == 0 && !in_straight && !in_curly => {
                    out.push(Span::new(from, at));
                    from = at + 1;
                }
                _ => {}
            }
            i += width;
        }
        out.push(Span::new(from, span.end));
        (out, in_straight || in_curly)
    };
    let (parts, unbalanced_quotes) = split(true);
    if unbalanced_quotes {
        split(false).0
    } else {
        parts
    }
}

/// Shrink `span` past white space and any of `extra` at both ends.
pub fn trim_span(text: &str, span: Span, extra: &[char]) -> Span {
    let s = span.slice(text);
    let is_trim = |c: char| c.is_whitespace() || extra.contains(&c);
    // ASCII ends (nearly all) byte by byte; the first other character ends the fast path.
    let b = s.as_bytes();
    let ascii_trim = |x: u8| x.is_ascii() && is_trim(char::from(x));
    let mut left = b.iter().position(|&x| !ascii_trim(x)).unwrap_or(b.len());
    if b.get(left).is_some_and(|x| !x.is_ascii()) {
        left = s.len() - s[left..].trim_start_matches(is_trim).len();
    }
    let mut right = b.iter().rposition(|&x| !ascii_trim(x)).map_or(0, |i| i + 1);
    if right > 0 && !b[right - 1].is_ascii() {
        right = s[..right].trim_end_matches(is_trim).len();
    }
    if right <= left {
        return Span::new(span.start + left, span.start + left);
    }
    Span::new(span.start + left, span.start + right)
}

const QUOTES_AND_STOPS: &[char] = &[
    '"', '\u{201C}', '\u{201D}', '\u{2018}', '\u{2019}', '\u{00AB}', '\u{00BB}', '.', ',', ':',
    // Markdown emphasis pasted with a name: `*Kommersant*`, `__Izvestiya__`.
    '*', '_',
];

/// How much `name` looks like an outlet's name.
pub fn outlet_shape(name: &str, outlets: &Outlets) -> OutletShape {
    let name = name.trim();
    if name.is_empty() || name.len() > 120 {
        return OutletShape::No;
    }
    if outlets.lookup(name).is_some() || DOMAIN.is_match(name) || COLLECTIVE.is_match(name) {
        return OutletShape::Strong;
    }
    if name.contains(['?', '!', ';', '=', '%', '$']) {
        return OutletShape::No;
    }
    // Words outside any bracketed place ("Zolotoi Rog [Vladivostok]").
    let outside: String = {
        let mut depth = 0usize;
        name.chars()
            .filter(|&c| {
                match c {
                    '[' | '(' => depth += 1,
                    ']' | ')' => depth = depth.saturating_sub(1),
                    _ => {}
                }
                depth == 0 && c != ']' && c != ')'
            })
            .collect()
    };
    let words: Vec<&str> = outside.split_whitespace().collect();
    let Some(first) = words.first() else {
        return OutletShape::No;
    };
    if words.len() > 8 {
        return OutletShape::No;
    }
    let capital = |w: &str| {
        w.trim_start_matches(['"', '\u{201C}', '\u{00AB}', '\''])
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    };
    // Names that open with a lower-case article: "al-Hayat", "an-Nahar", "de Volkskrant".
    let article_joined = first
        .split_once(['-', '\'', '\u{2019}'])
        .is_some_and(|(a, rest)| is_name_article(a) && capital(rest));
    // "(see the Digest, 23-29 December)": a title after a lower-case "the".
    let article_apart =
        (is_name_article(first) || *first == "the") && words.get(1).is_some_and(|w| capital(w));
    let starts_well = capital(first) || article_joined || article_apart;
    if !starts_well {
        return OutletShape::No;
    }
    let prose = words.iter().skip(1).any(|w| {
        let bare = w.trim_matches(|c: char| !c.is_alphanumeric());
        PROSE_WORDS.contains(&bare)
    });
    if prose || words.iter().any(|w| w.ends_with(':')) {
        return OutletShape::No;
    }
    OutletShape::Weak
}

/// A lower-case article that opens a name in Arabic, Dutch, French, Italian or Spanish.
fn is_name_article(w: &str) -> bool {
    matches!(
        w,
        "al" | "el"
            | "ad"
            | "an"
            | "ar"
            | "as"
            | "ash"
            | "at"
            | "az"
            | "de"
            | "la"
            | "le"
            | "il"
            | "van"
            | "von"
            | "het"
            | "der"
            | "die"
    )
}

fn classify_segment(text: &str, span: Span, outlets: &Outlets) -> Segment {
    let mut span = trim_span(text, span, &['.']);
    // A Markdown link pasted from the web: its text is the name, `[Reuters](https://…)`.
    if span
        .slice(text)
        .trim_start_matches(['*', '_'])
        .starts_with('[')
        && let Some(m) = MARKDOWN_LINK
            .captures(span.slice(text))
            .and_then(|c| c.get(1))
    {
        span = Span::new(span.start + m.start(), span.start + m.end());
    }
    let s = span.slice(text);
    if s.is_empty() {
        return Segment::Empty;
    }
    if INTRODUCER.is_match(s) || TIME_OF_DAY.is_match(s) || LOCATOR.is_match(s) {
        return Segment::Filler;
    }
    match parse_date_segment(s, span.start) {
        Some(DateSegment::Dates(d)) => return Segment::Dates(d),
        Some(DateSegment::Year(y, at)) => return Segment::Year(y, at),
        None => {}
    }
    for (re, carrier) in [(&RELAY_CARRIER, true), (&RELAY_ORIGIN, false)] {
        // Most segments are names: the lazy DFA rules a relay out before captures are read.
        if !re.is_match(s) {
            continue;
        }
        if let Some(m) = re.captures(s).and_then(|c| c.get(1)) {
            let name = trim_span(
                text,
                Span::new(span.start + m.start(), span.start + m.end()),
                QUOTES_AND_STOPS,
            );
            if outlet_shape(name.slice(text), outlets) == OutletShape::No {
                return Segment::Junk;
            }
            return if carrier {
                Segment::RelayCarrier(name)
            } else {
                Segment::RelayOrigin(name)
            };
        }
    }
    let name = trim_span(text, span, QUOTES_AND_STOPS);
    match outlet_shape(name.slice(text), outlets) {
        OutletShape::No => authored_outlet(text, span, outlets),
        shape => Segment::Outlet(name, shape),
    }
}

/// The outlet at the end of an introduced segment ("editor X in an article in Babil"); the
/// segment is junk when there is none. Such an outlet counts as weak, so it needs a date.
fn authored_outlet(text: &str, span: Span, outlets: &Outlets) -> Segment {
    let s = span.slice(text);
    let Some(m) = AUTHORED_IN.captures(s).and_then(|c| c.get(1)) else {
        return Segment::Junk;
    };
    let name = trim_span(
        text,
        Span::new(span.start + m.start(), span.start + m.end()),
        QUOTES_AND_STOPS,
    );
    match outlet_shape(name.slice(text), outlets) {
        OutletShape::No => Segment::Junk,
        _ => Segment::Outlet(name, OutletShape::Weak),
    }
}

/// Read the group `inner` (the text between the parentheses) of `text`.
pub fn classify_group(text: &str, inner: Span, outlets: &Outlets) -> GroupClass {
    let s = inner.slice(text);
    if let Some(reason) = no_citation(s) {
        return GroupClass::Other(reason);
    }
    let mut reader = GroupReader {
        draft: DraftCitation::default(),
        strong_only: true,
        any_outlet: false,
        last_targets: Vec::new(),
    };
    for part in split_top(text, inner, b';') {
        if reader.part(text, part, outlets).is_err() {
            return GroupClass::Other(aside_reason(s));
        }
    }
    match reader.finish() {
        Some(draft) => GroupClass::Citation(draft),
        None => GroupClass::Other(aside_reason(s)),
    }
}

/// Why the group `s` is no citation, when its whole text says so (empty, too long, a
/// credit, a note, a pointer, a number).
fn no_citation(s: &str) -> Option<NonCitationReason> {
    if s.trim().is_empty() {
        Some(NonCitationReason::Aside)
    } else if s.len() > MAX_GROUP_LEN {
        Some(NonCitationReason::TooLong)
    } else if CREDIT.is_match(s) {
        Some(NonCitationReason::Credit)
    } else if NOTE.is_match(s) {
        Some(NonCitationReason::Note)
    } else if POINTER.is_match(s) {
        Some(NonCitationReason::Pointer)
    } else if NUMBER.is_match(s) {
        Some(NonCitationReason::Number)
    } else {
        None
    }
}

/// A segment that makes the group an aside, not a citation.
struct Aside;

/// A group read part by part (parts are separated by `;`, segments by `,`).
struct GroupReader {
    draft: DraftCitation,
    /// Every outlet named has a strong shape (a known outlet, a name of media).
    strong_only: bool,
    any_outlet: bool,
    /// The references the previous part's dates (or names) went to: a part of dates only
    /// ("; April 16") dates them too.
    last_targets: Vec<usize>,
}

/// What one part has read so far.
struct Part {
    /// The part began with "see".
    see: bool,
    /// References named and not yet dated.
    pending: Vec<usize>,
    /// References the part's latest dates went to.
    dated: Vec<usize>,
    has_outlet: bool,
    /// Where an empty first segment stands: an outlet lost from the text ("(, citing the
    /// BBC, May 2)"), which a relay takes as its partner.
    lost_outlet: Option<usize>,
}

impl GroupReader {
    /// A new reference at `span`, its index.
    fn new_ref(&mut self, span: Span, see: bool, relays: Vec<usize>) -> usize {
        self.draft.refs.push(DraftRef {
            span,
            see,
            dates: Vec::new(),
            relays,
        });
        self.draft.refs.len() - 1
    }

    /// The references a relay in part `p` pairs with: those named and not dated, else those
    /// just dated, else the previous part's.
    fn relay_partners(&self, p: &Part) -> Vec<usize> {
        let near = if p.pending.is_empty() {
            &p.dated
        } else {
            &p.pending
        };
        if near.is_empty() {
            self.last_targets.clone()
        } else {
            near.clone()
        }
    }

    /// Read one `;`-separated part.
    fn part(&mut self, text: &str, part: Span, outlets: &Outlets) -> Result<(), Aside> {
        let part = trim_span(text, part, &[]);
        let (part, see) = match SEE_PREFIX.find(part.slice(text)) {
            Some(m) => (Span::new(part.start + m.end(), part.end), true),
            None => (part, false),
        };
        let mut p = Part {
            see,
            pending: Vec::new(),
            dated: Vec::new(),
            has_outlet: false,
            lost_outlet: None,
        };
        for (k, seg) in split_top(text, part, b',').into_iter().enumerate() {
            let segment = classify_segment(text, seg, outlets);
            if k == 0 && matches!(segment, Segment::Empty) {
                p.lost_outlet = Some(trim_span(text, seg, &[]).start);
            }
            let relay = matches!(segment, Segment::RelayCarrier(_) | Segment::RelayOrigin(_));
            let alone = p.pending.is_empty() && p.dated.is_empty() && self.last_targets.is_empty();
            if relay && alone {
                // A relay needs a partner: the lost outlet, or there is none.
                let at = p.lost_outlet.take().ok_or(Aside)?;
                let lost = self.new_ref(Span::new(at, at), see, Vec::new());
                p.pending.push(lost);
            }
            match segment {
                Segment::Empty | Segment::Filler => {}
                Segment::Junk => return Err(Aside),
                Segment::Outlet(name, shape) => {
                    self.strong_only &= shape == OutletShape::Strong;
                    self.any_outlet = true;
                    if p.pending.is_empty() {
                        p.dated.clear();
                    }
                    let r = self.new_ref(name, see, Vec::new());
                    p.pending.push(r);
                    p.has_outlet = true;
                }
                Segment::Dates(tokens) => {
                    self.dates(&mut p, trim_span(text, seg, &[]).start, tokens)
                }
                Segment::Year(year, at) => {
                    let last = self.draft.dates.last_mut().ok_or(Aside)?;
                    last.span = Span::new(last.span.start, at.end);
                    if let Some(e) = last.end.as_mut() {
                        e.year = e.year.or(Some(year));
                    }
                    last.start.year = last.start.year.or(Some(year));
                }
                Segment::RelayCarrier(name) => {
                    let origins = self.relay_partners(&p);
                    self.new_ref(name, false, origins);
                    self.any_outlet = true;
                }
                Segment::RelayOrigin(name) => {
                    let carriers = self.relay_partners(&p);
                    let origin = self.new_ref(name, false, Vec::new());
                    for c in carriers {
                        self.draft.refs[c].relays.push(origin);
                    }
                    self.any_outlet = true;
                }
            }
        }
        if !p.dated.is_empty() {
            self.last_targets = p.dated;
        } else if !p.pending.is_empty() {
            self.last_targets = p.pending;
        }
        Ok(())
    }

    /// Dates of part `p` (its segment starting at `at`): they go to the references named
    /// and not yet dated, else to those its dates went to, else (a part of dates only) to
    /// the previous part's; with nothing before them, to a reference without an outlet.
    fn dates(&mut self, p: &mut Part, at: usize, tokens: Vec<DateToken>) {
        let targets = if !p.pending.is_empty() {
            p.dated = std::mem::take(&mut p.pending);
            p.dated.clone()
        } else if !p.dated.is_empty() {
            p.dated.clone()
        } else if !p.has_outlet && !self.last_targets.is_empty() {
            p.dated = self.last_targets.clone();
            p.dated.clone()
        } else {
            let r = self.new_ref(Span::new(at, at), p.see, Vec::new());
            p.dated = vec![r];
            p.dated.clone()
        };
        let first = self.draft.dates.len();
        self.draft.dates.extend(tokens);
        for &t in &targets {
            self.draft.refs[t]
                .dates
                .extend(first..self.draft.dates.len());
        }
    }

    /// The citation read, when it is one: months and years filled in, at most
    /// [`MAX_OUTLETS`] references, and dated or naming only outlets of strong shape.
    fn finish(mut self) -> Option<DraftCitation> {
        fill_months(&mut self.draft.dates);
        fill_years(&mut self.draft);
        let dated = self.draft.dates.iter().any(DateToken::has_month);
        if self.draft.refs.len() > MAX_OUTLETS || self.draft.refs.is_empty() {
            return None;
        }
        if !self.draft.dates.is_empty() && !dated {
            // Bare numbers with no month anywhere: "(Channel, 4)" is no date.
            return None;
        }
        (dated || (self.any_outlet && self.strong_only)).then_some(self.draft)
    }
}

/// A single capitalised word or acronym is an abbreviation; anything else an aside.
fn aside_reason(s: &str) -> NonCitationReason {
    let t = s.trim();
    if !t.contains(char::is_whitespace) && t.chars().filter(|c| c.is_uppercase()).count() >= 2 {
        NonCitationReason::Abbreviation
    } else {
        NonCitationReason::Aside
    }
}

/// Bare days take the month of the date before them (or, first in a list, of the one after:
/// "1O and 12 February").
fn fill_months(dates: &mut [DateToken]) {
    let mut month = None;
    for d in dates.iter_mut() {
        if d.start.month.is_none() {
            d.start.month = month;
            if let Some(e) = d.end.as_mut() {
                e.month = e.month.or(month);
            }
        }
        month = d.last_month().or(month);
    }
    let mut month = None;
    for d in dates.iter_mut().rev() {
        if d.start.month.is_none() {
            d.start.month = month;
            if let Some(e) = d.end.as_mut() {
                e.month = e.month.or(month);
            }
        }
        month = d.start.month.or(month);
    }
}

/// A year that closes one outlet's list ("Trud, November 27; December 4, 2001") also dates
/// the year-less dates before it in that list, back to one with a year of its own. It does
/// not reach the dates of other outlets in the group.
fn fill_years(draft: &mut DraftCitation) {
    for r in &draft.refs {
        let mut year = None;
        for &i in r.dates.iter().rev() {
            let Some(d) = draft.dates.get_mut(i) else {
                continue;
            };
            match d.start.year {
                Some(y) => year = Some(y),
                None => {
                    d.start.year = year;
                    if let Some(e) = d.end.as_mut() {
                        e.year = e.year.or(year);
                    }
                }
            }
        }
    }
}

/// True when the group opening at `open` directly follows a capitalised word, as a gloss
/// does ("Independent Television (NTV)", "Iraqi News Agency (INA)").
pub fn follows_name(text: &str, open: usize, floor: usize) -> bool {
    let before = text.get(floor..open).unwrap_or("");
    let trimmed = before.trim_end();
    if trimmed.len() == before.len() && !before.is_empty() {
        return false; // glued to the previous word: "talks,(SEE NOTE)"
    }
    trimmed
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .and_then(|w| w.chars().next())
        .is_some_and(|c| c.is_uppercase())
        && !trimmed.ends_with(['.', ',', ';', ':', '!', '?', '"', '\u{201D}'])
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The guarded patterns, each with text it matches.
    fn guarded() -> [(&'static Pattern, &'static [&'static str]); 13] {
        [
            (
                &SEE_PREFIX,
                &["see also x", "Cf. y", "ALSO SEE z", "compare w"],
            ),
            (
                &POINTER,
                &[
                    "  see the table below",
                    "Note 4",
                    "cf. fig. 2",
                    "FOOTNOTE iv",
                ],
            ),
            (
                &NUMBER,
                &["703", " iv ", "a", "12-14, 16", "\u{663}\u{664}", "1/2 : 3"],
            ),
            (
                &AUTHORED_IN,
                &[
                    "editor Petrov in an article in Izvestia",
                    "his remarks to Interfax",
                    "a ſtatement by \"Pravda\"",
                ],
            ),
            (
                &RELAY_CARRIER,
                &["as cited by Tass", "Via AFP", "QUOTED  in\nTrud"],
            ),
            (
                &RELAY_ORIGIN,
                &["citing Kyodo", "According to a report by the BBC"],
            ),
            (
                &INTRODUCER,
                &["for   example", "E.g.", "inter\nalia", "Also"],
            ),
            (
                &TIME_OF_DAY,
                &["10:35 GMT", "14.00 Moscow time", "\u{663}\u{664}:00"],
            ),
            (&LOCATOR, &["Vol. 5", "pp. 12-14", "Section IV"]),
            (
                &DOMAIN,
                &["Lenta.ru", "http://kmu.gov.ua/news", "www.mfa.gov.ua"],
            ),
            (
                &COLLECTIVE,
                &[
                    "Russian agencies",
                    "Ukrainian media",
                    "Itar-Tass and other wire  services",
                ],
            ),
            (&CREDIT, &["Source: vvmvd.ru", "  photo credit:"]),
            (&NOTE, &["NOTE: text", "Editor's note: x"]),
        ]
    }

    #[test]
    fn guards_let_every_match_through() {
        for (p, matches) in guarded() {
            for m in matches {
                assert!(p.is_match(m), "{m:?} should match");
                assert!(p.guard_holds(m), "{m:?}");
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

        /// Text a guard rules out is text its regex does not match.
        #[test]
        fn guards_rule_out_only_what_cannot_match(
            s in "(see the |  Note |cf\\. |ALSO SEE |[ivx]{1,7}|[0-9 ,.:/+-]{1,9}|as |citing |for |Vol\\. |[0-9\u{663}]{1,2}[:.]|[A-Z][a-z]+ |ſ|\u{a0}|www\\.)?[ -~\u{a0}\u{17f}\u{663}]{0,24}(agencies|media| example|television|\\.ru|: x)?"
        ) {
            for (p, _) in guarded() {
                prop_assert!(p.guard_holds(&s), "{:?}", s);
            }
        }

        /// Skipping the bytes that are no mark splits as reading every byte does.
        #[test]
        fn split_top_skips_nothing_that_matters(
            s in "[a-z ,;()\\[\\]{}\"\u{201c}\u{201d}\u{2019}\u{e9}\u{2014}]{0,40}",
            from in 0usize..4,
        ) {
            let from = (0..=from.min(s.len())).rev().find(|&i| s.is_char_boundary(i)).unwrap_or(0);
            let span = Span::new(from, s.len());
            for sep in [b',', b';'] {
                prop_assert_eq!(split_top(&s, span, sep), every_byte(&s, span, sep), "{:?}", s);
            }
        }
    }

    proptest! {
        /// Trimming ASCII ends by bytes trims as the characters' own trimming does.
        #[test]
        fn spans_trim_as_strings_trim(
            s in "[ a.,*_\"\t\n\u{a0}\u{201c}\u{201d}\u{2003}\u{e9}]{0,12}",
            from in 0usize..3,
        ) {
            let from = (0..=from.min(s.len())).rev().find(|&i| s.is_char_boundary(i)).unwrap_or(0);
            let span = Span::new(from, s.len());
            for extra in [&[][..], QUOTES_AND_STOPS, &['.']] {
                let sub = span.slice(&s);
                let is_trim = |c: char| c.is_whitespace() || extra.contains(&c);
                let left = sub.len() - sub.trim_start_matches(is_trim).len();
                let right = sub.trim_end_matches(is_trim).len();
                let want = if right <= left {
                    Span::new(from + left, from + left)
                } else {
                    Span::new(from + left, from + right)
                };
                prop_assert_eq!(trim_span(&s, span, extra), want, "{:?}", s);
            }
        }
    }

    /// [`split_top`] as it was written first, reading every byte.
    fn every_byte(text: &str, span: Span, sep: u8) -> Vec<Span> {
        let split = |quotes: bool| {
            let mut out = Vec::new();
            let mut depth = 0usize;
            let mut in_straight = false;
            let mut in_curly = false;
            let mut from = span.start;
            let s = span.slice(text);
            let b = s.as_bytes();
            let mut i = 0;
            while i < b.len() {
                let at = span.start + i;
                let curly = match (b[i], b.get(i + 1), b.get(i + 2)) {
                    (0xE2, Some(0x80), Some(0x9C)) => Some(true),
                    (0xE2, Some(0x80), Some(0x9D)) => Some(false),
                    _ => None,
                };
                let width = if curly.is_some() { 3 } else { 1 };
                match (b[i], curly) {
                    (b'(' | b'[' | b'{', _) => depth += 1,
                    (b')' | b']' | b'}', _) => depth = depth.saturating_sub(1),
                    (b'"', _) | (_, Some(false)) if quotes && (in_straight || in_curly) => {
                        in_straight = false;
                        in_curly = false;
                        if sep == b',' && depth == 0 && s[..i].ends_with(',') {
                            out.push(Span::new(from, at + width));
                            from = at + width;
                        }
                    }
                    (b'"', _) if quotes => in_straight = true,
                    (_, Some(true)) if quotes => in_curly = true,
                    (c, None) if c == sep && depth == 0 && !in_straight && !in_curly => {
                        out.push(Span::new(from, at));
                        from = at + 1;
                    }
                    _ => {}
                }
                i += width;
            }
            out.push(Span::new(from, span.end));
            (out, in_straight || in_curly)
        };
        match split(true) {
            (_, true) => split(false).0,
            (parts, false) => parts,
        }
    }
}
