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

/// Make `s` safe to print on a terminal: control characters (escape sequences included) and
/// bidirectional overrides become visible `\u{..}` escapes; line breaks become spaces. Text
/// that needs none of it (most) is borrowed, not copied.
pub fn sanitize(s: &str) -> std::borrow::Cow<'_, str> {
    if printable_ascii(s.as_bytes()) || !s.chars().any(needs_escape) {
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
    use super::{count, printable_ascii, sanitize, top_of};
    use proptest::prelude::*;

    proptest! {
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
