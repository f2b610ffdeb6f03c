//! Words and punctuation of one sentence, each with its span, lower case and lexicon entry.
//!
//! A token never crosses white space, so hard-wrapped text (line breaks and runs of spaces
//! inside a sentence or a name) reads like running text. Two kinds of white space end a
//! phrase instead, as a synthetic [`BREAK`] token: a run of three or more spaces (or a tab)
//! between a word and a capitalised word on one line ("Moderation of Threats     Pyongyang
//! said ..."), and the line break after a short heading line in title case that opens the
//! sentence. A heading never joins the subject that follows it.

use super::lexicon::{Cues, WordInfo, class};
use crate::span::Span;

/// Flag: a word (starts with a letter or digit).
pub(crate) const WORD: u8 = 1;
/// Flag: starts with an upper-case letter.
pub(crate) const CAP: u8 = 1 << 1;
/// Flag: two or more letters, all upper case ("NATO", "SAYS").
pub(crate) const UPPER: u8 = 1 << 2;
/// Flag: ends in a possessive 's ("Woolsey's"); `lo` leaves it out.
pub(crate) const POSS: u8 = 1 << 3;
/// Flag: starts with a digit.
pub(crate) const DIGIT: u8 = 1 << 4;
/// Flag: a synthetic boundary (a heading ends here).
pub(crate) const BREAK: u8 = 1 << 5;
/// Flag: a capital after a hyphen ("pro-Kremlin") or a full stop inside ("Newsru.com").
pub(crate) const NAMEISH: u8 = 1 << 6;

/// Most tokens read at once; a longer sentence (a pathological input) is read in windows.
pub(crate) const WINDOW: usize = 2048;

/// One token.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tok<'a> {
    /// As written.
    pub(crate) s: &'a str,
    /// Lower case, without a possessive 's.
    pub(crate) lo: &'a str,
    /// Bytes in the document.
    pub(crate) span: Span,
    /// The lexicon's entry for `lo`.
    pub(crate) info: WordInfo,
    /// Bits of the flags above.
    pub(crate) flags: u8,
}

impl Tok<'_> {
    /// True when the token has any of the flags `f`.
    pub(crate) fn has(&self, f: u8) -> bool {
        self.flags & f != 0
    }

    /// True for a word.
    pub(crate) fn is_word(&self) -> bool {
        self.has(WORD)
    }

    /// True for a capitalised word.
    pub(crate) fn cap(&self) -> bool {
        self.has(CAP)
    }

    /// True for the punctuation mark or word `p` as written.
    pub(crate) fn is(&self, p: &str) -> bool {
        self.s == p
    }

    /// True for an opening or closing quotation mark.
    pub(crate) fn is_quote(&self) -> bool {
        matches!(
            self.s,
            "\"" | "“" | "”" | "‘" | "’" | "«" | "»" | "'" | "``" | "''"
        )
    }
}

/// `s` in lower case with every character keeping its byte length, into `out` (cleared
/// first), so a span of `s` is the same span of `out`. A character whose lower case is
/// longer or shorter in UTF-8 (`İ`, the Kelvin sign) is kept as it is: no lexicon word has
/// one.
pub(crate) fn lower_in_place_len(s: &str, out: &mut String) {
    out.clear();
    out.reserve(s.len());
    let mut rest = s;
    while !rest.is_empty() {
        // Runs of ASCII are copied and lowered in bulk.
        let ascii = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        if ascii > 0 {
            let at = out.len();
            out.push_str(&rest[..ascii]);
            out.as_mut_str()[at..].make_ascii_lowercase();
            rest = &rest[ascii..];
            continue;
        }
        let Some(c) = rest.chars().next() else {
            break;
        };
        let mut lower = c.to_lowercase();
        match (lower.next(), lower.next()) {
            (Some(l), None) if l.len_utf8() == c.len_utf8() => out.push(l),
            _ => out.push(c),
        }
        rest = &rest[c.len_utf8()..];
    }
}

/// The character starting at byte `i` of `s` and its length (ASCII without decoding).
fn char_at(s: &str, i: usize) -> Option<(char, usize)> {
    match *s.as_bytes().get(i)? {
        b if b.is_ascii() => Some((char::from(b), 1)),
        _ => s.get(i..)?.chars().next().map(|c| (c, c.len_utf8())),
    }
}

/// Words whose full stop stays with them: a title ("Mr.", "Gen.": the sentence splitter's
/// list), "V." and the last letter of "U.S." or "U.N.".
fn keeps_stop(word: &str) -> bool {
    word.rsplit('.')
        .next()
        .is_some_and(|w| w.chars().count() == 1)
        || crate::sentence::is_title(word)
}

/// Byte classes for the tokenizer's ASCII fast path.
mod byte {
    pub(super) const ALNUM: u8 = 1;
    pub(super) const SPACE: u8 = 1 << 1;
    /// May join two parts of a word: `-`, `.`, `'`, `/`, `&`.
    pub(super) const JOINER: u8 = 1 << 2;
    pub(super) const UPPER: u8 = 1 << 3;
    pub(super) const DIGIT: u8 = 1 << 4;
    /// A byte of a multi-byte character.
    pub(super) const NON_ASCII: u8 = 1 << 5;

    pub(super) const CLASS: [u8; 256] = {
        let mut t = [0u8; 256];
        let mut b = 0;
        while b < 256 {
            let c = b as u8;
            t[b] = if c >= 0x80 {
                NON_ASCII
            } else if c.is_ascii_uppercase() {
                ALNUM | UPPER
            } else if c.is_ascii_digit() {
                ALNUM | DIGIT
            } else if c.is_ascii_lowercase() {
                ALNUM
            } else if matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c) {
                SPACE
            } else if matches!(c, b'-' | b'.' | b'\'' | b'/' | b'&') {
                JOINER
            } else {
                0
            };
            b += 1;
        }
        t
    };
}

/// True when a word character starts at byte `at` of `s`.
fn word_at(s: &str, at: usize) -> bool {
    match s.as_bytes().get(at) {
        Some(&c) if c < 0x80 => byte::CLASS[usize::from(c)] & byte::ALNUM != 0,
        Some(_) => char_at(s, at).is_some_and(|(c, _)| c.is_alphanumeric()),
        None => false,
    }
}

/// The tokens of `text[span]` from byte `from` on, into `out` (cleared first): at most
/// [`WINDOW`] tokens; returns where reading stopped (`span.end` when it read to the end).
/// `low` is the lower case of `text` from byte `base` on ([`lower_in_place_len`]).
pub(crate) fn tokens<'a>(
    text: &'a str,
    low: &'a str,
    base: usize,
    span: Span,
    from: usize,
    cues: &Cues,
    out: &mut Vec<Tok<'a>>,
) -> usize {
    out.clear();
    let s = span.slice(text);
    let b = s.as_bytes();
    let low = &low[span.start - base..span.end - base];
    let mut i = from.saturating_sub(span.start).min(s.len());
    let mut line_first = 0usize; // index in `out` of the first token of the current line
    // Only a sentence that begins a line can open with a heading line.
    let begins_line = text[..span.start + i]
        .bytes()
        .rev()
        .find(|&b| !matches!(b, b' ' | b'\t' | b'\r'))
        .is_none_or(|b| b == b'\n');
    while i < b.len() {
        let k = byte::CLASS[usize::from(b[i])];
        // The character at i (decoded only off the ASCII path).
        let (c, n) = if k & byte::NON_ASCII == 0 {
            (char::from(b[i]), 1)
        } else {
            match char_at(s, i) {
                Some(x) => x,
                None => break,
            }
        };
        if k & byte::SPACE != 0 || (k & byte::NON_ASCII != 0 && c.is_whitespace()) {
            let ws_start = i;
            let mut newline = false;
            let mut spaces = 0;
            while let Some(&d) = b.get(i) {
                match d {
                    b' ' | b'\r' | 0x0b | 0x0c => spaces += 1,
                    b'\t' => spaces += 3,
                    b'\n' => newline = true,
                    _ if d < 0x80 => break,
                    _ => match char_at(s, i) {
                        Some((w, wn)) if w.is_whitespace() => {
                            spaces += 1;
                            i += wn;
                            continue;
                        }
                        _ => break,
                    },
                }
                i += 1;
            }
            let next_cap = match b.get(i) {
                Some(&d) if d < 0x80 => byte::CLASS[usize::from(d)] & byte::UPPER != 0,
                Some(_) => char_at(s, i).is_some_and(|(d, _)| d.is_uppercase()),
                None => false,
            };
            if next_cap && out.last().is_some_and(|t| t.is_word()) {
                let gap = !newline && spaces >= 3;
                let heading =
                    newline && is_heading_line(&out[line_first..], line_first == 0 && begins_line);
                if gap || heading {
                    let at = span.start + ws_start;
                    out.push(Tok {
                        s: "",
                        lo: "",
                        span: Span::new(at, at),
                        info: WordInfo::default(),
                        flags: BREAK,
                    });
                }
            }
            if newline {
                line_first = out.len();
            }
            continue;
        }
        if out.len() >= WINDOW {
            return span.start + i;
        }
        let start = i;
        let mut end = i + n;
        let mut dotted = false;
        let mut joined = false;
        let alnum = k & byte::ALNUM != 0 || (k & byte::NON_ASCII != 0 && c.is_alphanumeric());
        if alnum {
            while end < b.len() {
                let d = b[end];
                let dk = byte::CLASS[usize::from(d)];
                if dk & byte::ALNUM != 0 {
                    end += 1;
                    continue;
                }
                // A joiner, or the apostrophe ’, stays in the word only when a word
                // follows; a final full stop stays after an abbreviation ("U.S.", "Mr.").
                let joiner_len = if dk & byte::JOINER != 0 {
                    1
                } else if dk & byte::NON_ASCII != 0 {
                    match char_at(s, end) {
                        Some((x, xn)) if x.is_alphanumeric() => {
                            end += xn;
                            continue;
                        }
                        Some(('’', xn)) => xn,
                        _ => break,
                    }
                } else {
                    break;
                };
                if !word_at(s, end + joiner_len) {
                    if d == b'.' && keeps_stop(&s[start..end]) {
                        end += 1;
                    }
                    break;
                }
                dotted |= d == b'.';
                joined |= matches!(d, b'-' | b'.');
                end += joiner_len;
            }
        } else if c == '-' && b.get(end) == Some(&b'-') {
            end += 1; // "--" as one dash
        }
        let word = &s[start..end];
        let mut lo = &low[start..end];
        let mut flags = 0u8;
        if alnum {
            flags |= WORD;
            if k & byte::UPPER != 0 || (k & byte::NON_ASCII != 0 && c.is_uppercase()) {
                flags |= CAP;
            }
            if k & byte::DIGIT != 0 {
                flags |= DIGIT;
            }
            if lo.len() > 2 && lo.as_bytes()[lo.len() - 1] == b's' {
                for suffix in ["’s", "'s"] {
                    if lo.len() > suffix.len() && lo.ends_with(suffix) {
                        lo = &lo[..lo.len() - suffix.len()];
                        flags |= POSS;
                        break;
                    }
                }
            }
            // Only a capital first letter or a joiner ("pro-Kremlin") can make a word
            // UPPER or NAMEISH.
            if flags & CAP != 0 || joined || k & byte::NON_ASCII != 0 {
                flags |= case_flags(word);
            }
            if dotted && word.len() > 4 && !word.ends_with('.') {
                flags |= NAMEISH;
            }
        }
        // Numbers are in no list.
        let info = if alnum && flags & DIGIT == 0 {
            cues.info(lo)
        } else {
            WordInfo::default()
        };
        out.push(Tok {
            s: word,
            lo,
            span: Span::new(span.start + start, span.start + end),
            info,
            flags,
        });
        i = end;
    }
    name_particles(out);
    compound_nouns(out);
    span.end
}

/// A cue word that begins a compound noun is a modifier there, and the compound a body: "a
/// Beijing think tank" (not the verb "think").
fn compound_nouns(out: &mut [Tok<'_>]) {
    for k in 1..out.len() {
        if out[k - 1].lo == "think" && matches!(out[k].lo, "tank" | "tanks") {
            let mut info = WordInfo::default();
            info.class = class::MODIFIER;
            out[k - 1].info = info;
            out[k].info.class |= class::BODY;
        }
    }
}

/// A lower-case noun that ends a transliterated title after a capitalised adjective
/// ("Nezavisimaya gazeta", "Ukrayinska pravda", "Krasnaya zvezda").
fn title_word(t: &Tok<'_>) -> bool {
    t.flags & CAP == 0
        && matches!(
            t.lo,
            "gazeta"
                | "pravda"
                | "zvezda"
                | "vedomosti"
                | "izvestiya"
                | "izvestia"
                | "novosti"
                | "obozrenie"
                | "mysl"
                | "slovo"
                | "kurier"
                | "vesti"
                | "dumka"
                | "gazette"
        )
}

/// The end of the lower-case words of a transliterated title that start at `k`, after an
/// outlet noun and the title's capitalised first word ("the weekly Zerkalo nedeli
/// claimed", "the newspaper Argumenty i fakty wrote"): one or two words no list knows,
/// followed by a cue verb, a comma or a parenthesis.
fn title_after_medium(out: &[Tok<'_>], k: usize) -> Option<usize> {
    if k < 2
        || out[k - 1].flags & CAP == 0
        || !out[k - 2].info.is(class::OUTLET)
        || out[k - 2].flags & CAP != 0
    {
        return None;
    }
    // A lower-case "i" is the Russian "and", not the English pronoun.
    let unknown = |t: &Tok<'_>| {
        t.flags & (CAP | WORD | DIGIT) == WORD
            && (t.info.class == 0 || t.s == "i")
            && !t.lo.ends_with("ly")
    };
    let end = (k..out.len().min(k + 2))
        .take_while(|&j| unknown(&out[j]))
        .last()?
        + 1;
    out.get(end)
        .is_some_and(|t| t.info.is(class::VERB) || t.s == "," || t.s == "(")
        .then_some(end)
}

/// Lower-case particles inside a personal name ("Max van der Stoel", "Osama bin Laden",
/// "Luiz Inacio da Silva") are name words: [`NAMEISH`] when a capitalised word stands
/// right before the run of particles and right after it. So are the lower-case words of a
/// transliterated title ([`title_word`], [`title_after_medium`]).
fn name_particles(out: &mut [Tok<'_>]) {
    let particle = |t: &Tok<'_>| {
        t.flags & CAP == 0
            && t.lo.len() <= 5
            && matches!(
                t.lo,
                "van"
                    | "der"
                    | "den"
                    | "de"
                    | "von"
                    | "da"
                    | "di"
                    | "du"
                    | "la"
                    | "le"
                    | "ter"
                    | "bin"
                    | "ibn"
                    | "dos"
                    | "das"
                    | "del"
                    | "della"
                    | "y"
            )
    };
    let mut k = 1;
    while k < out.len() {
        // The capital before is the cheaper test: most words follow a lower-case one.
        if out[k - 1].flags & CAP != 0 && title_word(&out[k]) {
            out[k].flags |= NAMEISH;
            k += 1;
            continue;
        }
        if let Some(end) = title_after_medium(out, k) {
            for t in &mut out[k..end] {
                t.flags |= NAMEISH;
            }
            k = end;
            continue;
        }
        if out[k - 1].flags & CAP == 0 || !particle(&out[k]) {
            k += 1;
            continue;
        }
        let run_end = (k..out.len().min(k + 3))
            .find(|&j| !particle(&out[j]))
            .unwrap_or(out.len());
        if out.get(run_end).is_some_and(|t| t.flags & CAP != 0) {
            for t in &mut out[k..run_end] {
                t.flags |= NAMEISH;
            }
        }
        k = run_end.max(k + 1);
    }
}

/// [`UPPER`] and [`NAMEISH`] (a capital after a hyphen or a stop) of a word.
fn case_flags(word: &str) -> u8 {
    let mut flags = 0;
    let mut letters = 0;
    let mut upper = true;
    if word.is_ascii() {
        let b = word.as_bytes();
        for (k, &c) in b.iter().enumerate() {
            if c.is_ascii_alphabetic() {
                letters += 1;
                let prev = if k > 0 { b[k - 1] } else { b' ' };
                upper &= c.is_ascii_uppercase() || prev == b'\'';
                if c.is_ascii_uppercase() && matches!(prev, b'-' | b'.') {
                    flags |= NAMEISH;
                }
            }
        }
    } else {
        let mut prev = ' ';
        for ch in word.chars() {
            if ch.is_alphabetic() {
                letters += 1;
                upper &= ch.is_uppercase() || matches!(prev, '’' | '\'');
                if ch.is_uppercase() && matches!(prev, '-' | '.') {
                    flags |= NAMEISH;
                }
            }
            prev = ch;
        }
    }
    if letters >= 2 && upper {
        flags |= UPPER;
    }
    flags
}

/// True when the tokens of one line make a heading: at most eight words, every one
/// capitalised or a small word, no punctuation, at the start of the sentence.
fn is_heading_line(line: &[Tok<'_>], opens_sentence: bool) -> bool {
    if !opens_sentence || line.is_empty() || line.len() > 8 {
        return false;
    }
    let bytes = line[line.len() - 1].span.end - line[0].span.start;
    bytes <= 60
        && line.iter().any(Tok::cap)
        && line.iter().all(|t| {
            t.is_word()
                && (t.cap() || t.has(DIGIT) || crate::parse::layout::heading_small_word(t.lo))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<(String, u8)> {
        let mut low = String::new();
        lower_in_place_len(text, &mut low);
        let mut out = Vec::new();
        let cues = Cues::builtin();
        tokens(text, &low, 0, Span::new(0, text.len()), 0, &cues, &mut out);
        out.iter().map(|t| (t.s.to_string(), t.flags)).collect()
    }

    fn words(text: &str) -> Vec<String> {
        toks(text)
            .into_iter()
            .map(|(s, f)| if f & BREAK != 0 { "|".into() } else { s })
            .collect()
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
        lower_in_place_len("İ\u{212A}", &mut out);
        assert_eq!(out, "İ\u{212A}");
    }

    #[test]
    fn words_abbreviations_and_possessives() {
        assert_eq!(
            words("Mr. Lee's aide, the U.S. envoy--unnamed--said: “no.”"),
            [
                "Mr.", "Lee's", "aide", ",", "the", "U.S.", "envoy", "--", "unnamed", "--", "said",
                ":", "“", "no", ".", "”"
            ]
        );
        let t = toks("Kasatonov’s staff");
        assert!(t[0].1 & POSS != 0);
        let t = toks("NATO pro-Kremlin Newsru.com");
        assert!(t[0].1 & UPPER != 0);
        assert!(t[1].1 & NAMEISH != 0 && t[1].1 & CAP == 0);
        assert!(t[2].1 & NAMEISH != 0);
    }

    #[test]
    fn hard_wrapped_text_reads_as_running_text() {
        assert_eq!(
            words("The Tbilisi \n   daily Rezonansi\nreported"),
            ["The", "Tbilisi", "daily", "Rezonansi", "reported"]
        );
    }

    #[test]
    fn headings_break_the_phrase() {
        // Three spaces between a heading and the sentence on the same line.
        assert_eq!(
            words("Border Incidents     Yerevan said"),
            ["Border", "Incidents", "|", "Yerevan", "said"]
        );
        // A short title-case line opening the sentence.
        assert_eq!(
            words("Outlook for Talks\nThe envoy said"),
            ["Outlook", "for", "Talks", "|", "The", "envoy", "said"]
        );
        // Two spaces after a stop are not a heading, nor a wrapped line of a sentence.
        assert_eq!(
            words("It fell.   Officials said"),
            ["It", "fell", ".", "Officials", "said"]
        );
        assert_eq!(
            words("He met Deputy Minister\nIvan Petrov"),
            ["He", "met", "Deputy", "Minister", "Ivan", "Petrov"]
        );
        // A sentence that starts inside a line cannot open with a heading line.
        let text = "It fell.  The Seoul Daily\nHanguk Ilbo said";
        let mut low = String::new();
        lower_in_place_len(text, &mut low);
        let mut out = Vec::new();
        let cues = Cues::builtin();
        tokens(
            text,
            &low,
            0,
            Span::new(10, text.len()),
            10,
            &cues,
            &mut out,
        );
        assert!(out.iter().all(|t| !t.has(BREAK)), "{out:?}");
    }

    #[test]
    fn a_long_sentence_is_read_in_windows() {
        let text = "word ".repeat(WINDOW + 10);
        let mut low = String::new();
        lower_in_place_len(&text, &mut low);
        let mut out = Vec::new();
        let cues = Cues::builtin();
        let span = Span::new(0, text.len());
        let at = tokens(&text, &low, 0, span, 0, &cues, &mut out);
        assert_eq!(out.len(), WINDOW);
        assert!(at < text.len());
        let end = tokens(&text, &low, 0, span, at, &cues, &mut out);
        assert_eq!(out.len(), 10);
        assert_eq!(end, text.len());
    }
}
