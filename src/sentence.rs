//! Sentence boundaries in bulletin prose.
//!
//! A sentence ends at `.`, `!` or `?` (with any closing quotes or brackets after it) followed
//! by white space and then something that can start a sentence, or by the end of the
//! paragraph. It does not end inside parentheses (`(… January 4, 9.)`), after an
//! abbreviation (`Mr.`, `Gen.`, `U.S.`, `Jan.`), after a single initial (`V. Putin`) or inside
//! a number (`1.5`).

use crate::span::Span;

/// What a word is as an abbreviation.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Abbreviation {
    /// A title before a name ("Mr", "Gen"): its full stop never ends a sentence, and the
    /// tokenizer of prose attributions keeps it with the word ("Gen. Ivanov said").
    Title,
    /// Another abbreviation after which a full stop does not end a sentence ("Jan", "U.S").
    Other,
}

/// The abbreviation `w` is (in any case, without its final stop), if any: one list, matched
/// on the lower case held on the stack.
fn abbreviation(w: &str) -> Option<Abbreviation> {
    if w.len() > 8 || !w.is_ascii() {
        return None;
    }
    let mut buf = [0u8; 8];
    let lower = &mut buf[..w.len()];
    lower.copy_from_slice(w.as_bytes());
    lower.make_ascii_lowercase();
    match &*lower {
        b"mr" | b"mrs" | b"ms" | b"dr" | b"prof" | b"gen" | b"lt" | b"col" | b"maj" | b"capt"
        | b"sgt" | b"adm" | b"cmdr" | b"gov" | b"sen" | b"rep" | b"pres" | b"amb" | b"rev"
        | b"st" | b"jr" | b"sr" | b"messrs" | b"hon" => Some(Abbreviation::Title),
        b"jan" | b"feb" | b"mar" | b"apr" | b"jun" | b"jul" | b"aug" | b"sep" | b"sept"
        | b"oct" | b"nov" | b"dec" | b"no" | b"nos" | b"vol" | b"vs" | b"etc" | b"e.g" | b"i.e"
        | b"cf" | b"inc" | b"ltd" | b"co" | b"corp" | b"dept" | b"est" | b"approx" | b"fig"
        | b"u.s" | b"u.n" | b"u.k" | b"e.u" | b"u.s.s.r" | b"d.c" | b"a.m" | b"p.m" | b"ca"
        | b"al" | b"op" | b"pp" | b"p" => Some(Abbreviation::Other),
        _ => None,
    }
}

/// True for a title before a name ("Mr", "Gen", in any case; without its stop).
pub(crate) fn is_title(word: &str) -> bool {
    abbreviation(word) == Some(Abbreviation::Title)
}

fn is_abbreviation(word: &str) -> bool {
    let w = word.trim_start_matches(|c: char| !c.is_alphanumeric());
    // A single letter is an initial ("V. Putin"); "U.S." and "Kim J.-I." likewise.
    if w.chars().count() == 1 && w.chars().all(char::is_alphabetic) {
        return true;
    }
    abbreviation(w).is_some()
}

const CLOSERS: &[char] = &['"', '\'', '\u{2019}', '\u{201D}', ')', ']', '\u{00BB}'];

/// Where the sentence that contains `from` ends: the byte after its final punctuation (and
/// closing quotes), or `limit` when no boundary comes first. Parentheses opened after
/// `from` are skipped whole.
pub fn sentence_end(text: &str, from: usize, limit: usize) -> usize {
    let limit = limit.min(text.len());
    let Some(s) = text.get(from..limit) else {
        return limit;
    };
    // Every byte that matters is ASCII, so the scan goes byte by byte (a UTF-8 sequence
    // never holds an ASCII byte); closing quotes after a stop are read as characters.
    let bytes = s.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    // The next stop, found with memchr; a parenthesis matters only before it, so each byte
    // is looked at once for stops and once for parentheses.
    let mut next_stop = 0;
    loop {
        if next_stop < i || next_stop == 0 && i == 0 {
            next_stop =
                memchr::memchr3(b'.', b'!', b'?', &bytes[i..]).map_or(bytes.len(), |p| i + p);
        }
        i = memchr::memchr2(b'(', b')', &bytes[i..next_stop]).map_or(next_stop, |p| i + p);
        if i >= bytes.len() {
            break;
        }
        match bytes[i] {
            b'(' => depth += 1,
            b')' => depth = depth.saturating_sub(1),
            b'.' | b'!' | b'?' if depth == 0 => {
                let mut end = i + 1;
                for d in s[end..].chars() {
                    if CLOSERS.contains(&d) || d == '.' {
                        end += d.len_utf8();
                    } else {
                        break;
                    }
                }
                if is_boundary(text, from + i, from + end, limit) {
                    return from + end;
                }
                // Closers and stops taken with this one are not looked at again (a `)`
                // among them does not close a parenthesis, as before).
                i = end;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    limit
}

/// True when the punctuation at `at` (ending at `end`) closes a sentence.
fn is_boundary(text: &str, at: usize, end: usize, limit: usize) -> bool {
    let after = text.get(end..limit).unwrap_or("");
    let mut rest = after.chars();
    match rest.next() {
        None => return true,
        Some(c) if !c.is_whitespace() => return false,
        Some(_) => {}
    }
    let next = after.trim_start().chars().next();
    let starts_sentence = next.is_none_or(|c| {
        c.is_uppercase()
            || c.is_ascii_digit()
            || matches!(
                c,
                '"' | '\u{201C}' | '(' | '\'' | '\u{2018}' | '[' | '-' | '\u{2013}' | '\u{2014}'
            )
    });
    if !starts_sentence {
        return false;
    }
    if text.as_bytes().get(at) == Some(&b'.') {
        let before = text.get(..at).unwrap_or("");
        let word = before
            .rsplit(|c: char| c.is_whitespace() || c == '(')
            .next()
            .unwrap_or("");
        if is_abbreviation(word) {
            return false;
        }
    }
    true
}

/// The sentences of `span`, each trimmed of surrounding white space; text between sentences
/// that holds only white space is dropped.
pub fn sentences(text: &str, span: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let mut at = span.start;
    while at < span.end {
        let end = sentence_end(text, at, span.end);
        let s = text.get(at..end).unwrap_or("");
        let lead = s.len() - s.trim_start().len();
        let trail = s.trim_end().len();
        if trail > lead {
            out.push(Span::new(at + lead, at + trail));
        }
        if end <= at {
            break;
        }
        at = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text, Span::new(0, text.len()))
            .iter()
            .map(|s| s.slice(text))
            .collect()
    }

    #[test]
    fn bulletin_sentences() {
        assert_eq!(
            split(
                "Gen. V. Putin met Mr. Kim in the U.S. on Jan. 5. He left (see the Monitor, January 4, 9.) Then “It is over.” Talks (AFP, May 2). Prices rose 1.5 percent. Why? Nobody knows"
            ),
            [
                "Gen. V. Putin met Mr. Kim in the U.S. on Jan. 5.",
                "He left (see the Monitor, January 4, 9.) Then “It is over.”",
                "Talks (AFP, May 2).",
                "Prices rose 1.5 percent.",
                "Why?",
                "Nobody knows"
            ]
        );
    }

    #[test]
    fn lower_case_after_stop_continues() {
        assert_eq!(
            split("It was 5 p.m. when he came. ok."),
            ["It was 5 p.m. when he came. ok."]
        );
        assert_eq!(sentence_end("a (b. C) dd. E", 0, 14), 12);
    }
}
