//! Readable text output: one citation a line as `file:line:col: (raw)`, its references
//! indented below, then the article's diagnostics.

use crate::model::Article;
use std::fmt::Write as _;
use std::io::{self, Write};

/// `n` and its noun, singular or plural: "1 claim", "2 claims" (`plural` given whole).
pub fn count(n: usize, singular: &str, plural: &str) -> String {
    format!("{n} {}", if n == 1 { singular } else { plural })
}

/// A heading's limit: "top 20 of 35 pairs", or "all 18 pairs" when none is left out.
pub fn top_of(top: usize, total: usize, plural: &str) -> String {
    if total <= top {
        format!("all {total} {plural}")
    } else {
        format!("top {top} of {total} {plural}")
    }
}

/// True for a character [`sanitize`] changes: line breaks and tabs, other control
/// characters and bidirectional overrides.
fn needs_escape(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// True when every byte of `b` is printable ASCII (space to `~`): sixteen bytes at a time,
/// without a branch per byte.
fn printable_ascii(b: &[u8]) -> bool {
    let printable = |chunk: &[u8]| {
        chunk
            .iter()
            .fold(true, |ok, &c| ok & (0x20..0x7f).contains(&c))
    };
    let mut chunks = b.chunks_exact(16);
    chunks.all(printable) && printable(chunks.remainder())
}

/// Bytes that may start a character [`needs_escape`] is true for: the C0 controls and
/// DEL, and the lead bytes of the C1 controls (`C2 80`-`C2 9F`) and of the bidirectional
/// overrides (`E2 80 AA`-`E2 80 AE`, `E2 81 A6`-`E2 81 A9`).
const MAY_ESCAPE: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        t[b] = true;
        b += 1;
    }
    t[0x7f] = true;
    t[0xc2] = true;
    t[0xe2] = true;
    t
};

/// True when some character of `s` [`needs_escape`], read from its bytes: a lead byte
/// never appears inside another character's UTF-8, so only the bytes [`MAY_ESCAPE`] marks
/// are looked at (a C0 control or DEL escapes; `C2` and `E2` by the bytes after them).
fn any_escape(s: &str) -> bool {
    let b = s.as_bytes();
    let mut at = 0;
    while let Some(k) = b[at..].iter().position(|&c| MAY_ESCAPE[usize::from(c)]) {
        let i = at + k;
        let next = |n: usize| b.get(i + n).copied().unwrap_or(0);
        let escape = match b[i] {
            0xc2 => (0x80..=0x9f).contains(&next(1)),
            0xe2 => matches!(
                (next(1), next(2)),
                (0x80, 0xaa..=0xae) | (0x81, 0xa6..=0xa9)
            ),
            _ => true,
        };
        if escape {
            return true;
        }
        at = i + 1;
    }
    false
}

/// Make `s` safe to print on a terminal: control characters (escape sequences included) and
/// bidirectional overrides become visible `\u{..}` escapes; line breaks become spaces. Text
/// that needs none of it (most) is borrowed, not copied.
pub fn sanitize(s: &str) -> std::borrow::Cow<'_, str> {
    if printable_ascii(s.as_bytes()) || !any_escape(s) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\n' | '\r' | '\t' => out.push(' '),
            c if needs_escape(c) => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Write one article for people.
///
/// # Errors
/// Any error of the writer.
pub fn write_article(w: &mut dyn Write, a: &Article) -> io::Result<()> {
    let path = sanitize(&a.path);
    let mut head = format!("{path}: article {}", a.index);
    if let Some(p) = &a.publication {
        let _ = write!(head, ", {}", sanitize(p));
    }
    if let Some(v) = a.volume {
        let _ = write!(head, " vol. {v}");
    }
    if let Some(i) = a.issue {
        let _ = write!(head, " no. {i}");
    }
    match a.year {
        Some(y) => {
            let _ = write!(head, ", year {y}");
        }
        None => head.push_str(", year unknown"),
    }
    let _ = write!(
        head,
        ": {}, {}",
        count(a.citations.len(), "citation", "citations"),
        count(
            a.other_parentheses.len(),
            "other parenthesis",
            "other parentheses"
        ),
    );
    writeln!(w, "{head}")?;
    for c in &a.citations {
        writeln!(
            w,
            "{path}:{}:{}: ({})",
            c.line,
            c.column,
            sanitize(&crate::parse::collapse_ws(&c.raw))
        )?;
        for r in &c.refs {
            let mut line = String::from("    ");
            if r.cross_reference {
                line.push_str("see ");
            }
            if r.outlet.is_empty() {
                match &r.implied_outlet {
                    Some(i) => {
                        let _ = write!(line, "(no outlet; prose names {})", sanitize(i));
                    }
                    None => line.push_str("(no outlet)"),
                }
            } else {
                line.push_str(&sanitize(&r.outlet));
                if r.canonical != r.outlet {
                    let _ = write!(line, " = {}", sanitize(&r.canonical));
                }
            }
            let _ = write!(line, " [{}]", r.kind);
            let dates: Vec<String> = r
                .dates
                .iter()
                .map(|d| d.iso().unwrap_or_else(|| format!("{}?", sanitize(&d.text))))
                .collect();
            if !dates.is_empty() {
                let _ = write!(line, " {}", dates.join(", "));
            }
            if !r.relays.is_empty() {
                let names: Vec<_> = r
                    .relays
                    .iter()
                    .filter_map(|&i| c.refs.get(i))
                    .map(|o| sanitize(&o.canonical))
                    .collect();
                let _ = write!(line, " (relays {})", names.join(", "));
            }
            writeln!(w, "{line}")?;
        }
    }
    for at in &a.attributions {
        let kind = at.kind.as_str();
        let mut line = format!(
            "{path}:{}:{}: prose source [{kind}] {} ({})",
            at.line,
            at.column,
            sanitize(&at.text),
            sanitize(&at.cue)
        );
        if let Some(c) = &at.citing {
            let _ = write!(line, ", citing {}", sanitize(c));
        }
        if let Some(r) = &at.refers_to {
            let _ = write!(
                line,
                ", refers to {} ({}:{})",
                sanitize(&r.text),
                r.line,
                r.column
            );
        }
        writeln!(w, "{line}")?;
    }
    for d in &a.diagnostics {
        let sev = match d.severity {
            crate::diag::Severity::Note => "note",
            crate::diag::Severity::Warning => "warning",
        };
        writeln!(
            w,
            "{path}:{}:{}: {sev}[{}]: {}",
            d.line,
            d.column,
            d.code,
            sanitize(&d.message)
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{any_escape, count, needs_escape, printable_ascii, sanitize, top_of};
    use proptest::prelude::*;

    proptest! {
        /// The byte-level test finds what a test of every character finds, for text mixing
        /// controls, overrides, their neighbours and other characters of every length.
        #[test]
        fn any_escape_is_the_character_rule(chars in proptest::collection::vec(
            prop_oneof![
                any::<char>(),
                proptest::char::range('\u{0}', '\u{a1}'),
                proptest::char::range('\u{2028}', '\u{2030}'),
                proptest::char::range('\u{2060}', '\u{206f}'),
                proptest::char::range('\u{2000}', '\u{21ff}'),
                Just('…'),
                Just('é'),
            ],
            0..24,
        )) {
            let s: String = chars.into_iter().collect();
            prop_assert_eq!(any_escape(&s), s.chars().any(needs_escape), "{:?}", s);
        }

        /// Sixteen bytes at a time decide as byte by byte, at every length and for bytes
        /// on either side of the printable range.
        #[test]
        fn printable_ascii_is_the_byte_rule(b in proptest::collection::vec(
            prop_oneof![0x1eu8..0x22, 0x7du8..0x81, any::<u8>(), 0x20u8..0x7f],
            0..70,
        )) {
            prop_assert_eq!(
                printable_ascii(&b),
                b.iter().all(|c| (0x20..0x7f).contains(c))
            );
        }
    }

    #[test]
    fn any_escape_agrees_on_every_character() {
        let mut buf = [0u8; 4];
        for c in (0..=0x10_ffff).filter_map(char::from_u32) {
            // Alone, and after and before characters that start with the lead bytes looked
            // at closer (U+2000 is `E2 80 80`, U+00A0 is `C2 A0`).
            let one = c.encode_utf8(&mut buf);
            assert_eq!(any_escape(one), needs_escape(c), "{c:?}");
            let framed = format!("\u{2000}\u{a0}{one}\u{2000}\u{a0}");
            assert_eq!(any_escape(&framed), needs_escape(c), "{c:?}");
        }
    }

    #[test]
    fn counts_and_limits_read_as_english() {
        assert_eq!(count(1, "claim", "claims"), "1 claim");
        assert_eq!(count(0, "claim", "claims"), "0 claims");
        assert_eq!(top_of(20, 18, "pairs"), "all 18 pairs");
        assert_eq!(top_of(20, 35, "pairs"), "top 20 of 35 pairs");
    }

    #[test]
    fn escapes_terminal_controls() {
        assert_eq!(
            sanitize("a\x1b[31mb\u{202E}c\nd"),
            "a\\u{1b}[31mb\\u{202e}c d"
        );
        // Clean text, ASCII or not, is borrowed as it is.
        for clean in ["Interfax, May 3", "Хабар, 3 мая"] {
            assert!(matches!(sanitize(clean), std::borrow::Cow::Borrowed(s) if s == clean));
        }
        assert_eq!(sanitize("tab\there"), "tab here");
    }
}
