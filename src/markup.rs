//! Markup that is not text. A Markdown input is read as its text with every byte of markup
//! — emphasis marks, link targets, heading and list marks, block-quote marks, reference
//! definitions, inline HTML — turned into white space and its line breaks kept. The text
//! keeps every byte at its offset and every character at its column, so spans, lines and
//! columns point into the original file, and the layout rules see Markdown's paragraphs
//! (blank lines) and headings (short lines) as they see plain text's.

use pulldown_cmark::{Event, Options, Parser};
use std::path::Path;

/// How an input is written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum InputFormat {
    /// Plain text (the default).
    #[default]
    Text,
    /// Markdown (CommonMark): `.md`, `.markdown`.
    Markdown,
}

impl InputFormat {
    /// The format a file name says: `.md`, `.markdown` and `.mdown` are Markdown; anything
    /// else (standard input included) is text.
    pub fn for_path(name: &str) -> InputFormat {
        let ext = Path::new(name)
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some("md" | "markdown" | "mdown" | "mkd") => InputFormat::Markdown,
            _ => InputFormat::Text,
        }
    }

    /// The text of `source` written in this format, byte for byte at the same offsets.
    pub fn text_of(self, source: String) -> String {
        match self {
            InputFormat::Text => source,
            InputFormat::Markdown => markdown_text(&source),
        }
    }
}

/// The text of Markdown `src`: what a reader sees kept in place, the rest blanked.
///
/// # Complexity
/// Linear in the length of `src` (one pass of the CommonMark parser, one of the bytes).
pub fn markdown_text(src: &str) -> String {
    let mut keep = vec![false; src.len()];
    for (event, range) in Parser::new_ext(src, Options::empty()).into_offset_iter() {
        let kept = match event {
            Event::Text(_) | Event::SoftBreak | Event::HardBreak => true,
            // Inline code keeps its text, not its backticks.
            Event::Code(code) => {
                if let Some(at) = src[range.clone()].find(code.as_ref()) {
                    let start = range.start + at;
                    keep[start..start + code.len()].fill(true);
                }
                false
            }
            _ => false,
        };
        if kept {
            keep[range].fill(true);
        }
    }
    let mut out = String::with_capacity(src.len());
    for (i, c) in src.char_indices() {
        if keep[i] || c == '\n' || c == '\r' {
            out.push(c);
            continue;
        }
        // One blank character of the same width in bytes, so offsets and columns hold.
        match c.len_utf8() {
            1 => out.push(' '),
            2 => out.push('\u{00A0}'),
            3 => out.push('\u{2002}'),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same_shape(src: &str) -> String {
        let out = markdown_text(src);
        assert_eq!(out.len(), src.len(), "{out:?}");
        assert_eq!(out.chars().count(), src.chars().count(), "{out:?}");
        let breaks = |s: &str| -> Vec<usize> { s.match_indices('\n').map(|(i, _)| i).collect() };
        assert_eq!(breaks(&out), breaks(src));
        out
    }

    #[test]
    fn markup_becomes_white_space_in_place() {
        let out = same_shape(
            "# Grid Reconnected\n\nThe *minister* said so ([Reuters](https://r.example/a \"t\"), \
             May 2; **Kommersant**, May 3).\n\n- one item\n> quoted `code` here\n",
        );
        let target = " ".repeat("](https://r.example/a \"t\")".len());
        assert_eq!(
            out,
            format!(
                "  Grid Reconnected\n\nThe  minister  said so ( Reuters{target}, May 2;   \
                 Kommersant  , May 3).\n\n  one item\n  quoted  code  here\n"
            )
        );
    }

    #[test]
    fn headings_underlined_become_blocks_of_their_own() {
        let out = same_shape("Border Talks\n============\n\nText (AFP, May 2).\n");
        assert_eq!(out, "Border Talks\n            \n\nText (AFP, May 2).\n");
    }

    #[test]
    fn wide_characters_in_markup_keep_their_width() {
        let out = same_shape("See [Коммерсантъ](https://ru.example/Коммерсантъ) — «x».\n");
        assert!(out.starts_with("See  Коммерсантъ "), "{out:?}");
        assert!(!out.contains("https"), "{out:?}");
    }

    #[test]
    fn reference_definitions_and_html_are_blank() {
        let out = same_shape("Text [Interfax][1] said.\n\n[1]: https://i.example\n<div>x</div>\n");
        assert!(out.starts_with("Text  Interfax     said."), "{out:?}");
        assert!(!out.contains("https") && !out.contains("div"), "{out:?}");
    }

    #[test]
    fn formats_by_file_name() {
        assert_eq!(InputFormat::for_path("a/b.MD"), InputFormat::Markdown);
        assert_eq!(
            InputFormat::for_path("notes.markdown"),
            InputFormat::Markdown
        );
        assert_eq!(InputFormat::for_path("a.txt"), InputFormat::Text);
        assert_eq!(InputFormat::for_path("<stdin>"), InputFormat::Text);
    }
}
