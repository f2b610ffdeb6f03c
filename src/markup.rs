//! Markup that is not text, read as the text it shows with every byte in place.
//!
//! - A Markdown input is read as its text with every byte of markup — emphasis marks, link
//!   targets, heading and list marks, block-quote marks, reference definitions, inline HTML
//!   — turned into white space and its line breaks kept: every byte stays at its offset and
//!   every character at its column, and the layout rules see Markdown's paragraphs (blank
//!   lines) and headings (short lines) as they see plain text's.
//! - An HTML input is read with a WHATWG tokenizer (html5gum): the text of the body, entities
//!   decoded, script, style, navigation, footers and head dropped, block elements as
//!   paragraphs. Tags become
//!   spaces and a block element's tag a paragraph break; source line breaks become spaces.
//!   Every word keeps its byte offset (an entity's saving is paid back at the next space),
//!   and lines and columns are counted in the file as written
//!   ([`LineIndex::of_source`](crate::span::LineIndex::of_source)).

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
    /// HTML: `.html`, `.htm`, `.xhtml`.
    Html,
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
            Some("html" | "htm" | "xhtml") => InputFormat::Html,
            _ => InputFormat::Text,
        }
    }

    /// The text of `source` written in this format, byte for byte at the same offsets.
    pub fn text_of(self, source: String) -> String {
        match self {
            InputFormat::Text => source,
            InputFormat::Markdown => markdown_text(&source),
            InputFormat::Html => html_text(&source),
        }
    }

    /// Whether lines and columns must be counted in the source rather than in its text (the
    /// text moves line breaks).
    pub fn moves_lines(self) -> bool {
        self == InputFormat::Html
    }
}

/// Elements whose content is no text of the page.
const HIDDEN: &[&str] = &[
    "head", "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "select",
    "textarea", "nav", "button", "footer",
];

/// Elements that start and end a block: a paragraph break before and after.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "table",
    "tr",
    "td",
    "th",
    "thead",
    "tbody",
    "tfoot",
    "caption",
    "section",
    "article",
    "header",
    "footer",
    "aside",
    "nav",
    "main",
    "figure",
    "figcaption",
    "address",
    "hr",
    "form",
    "fieldset",
    "details",
    "summary",
    "body",
    "html",
];

/// The text of HTML `src`, the same length, every text byte in place.
///
/// # Complexity
/// Linear in the length of `src` (one pass of the tokenizer, one over each text).
pub fn html_text(src: &str) -> String {
    use html5gum::{DefaultEmitter, Token, Tokenizer};
    let mut out = vec![b' '; src.len()];
    let mut emitter = DefaultEmitter::<usize>::new_with_span();
    emitter.naively_switch_states(true);
    let mut hidden = 0usize;
    for token in Tokenizer::new_with_emitter(src, emitter) {
        let Ok(token) = token;
        match token {
            Token::StartTag(t) => {
                let name = tag_name(&t.name);
                if HIDDEN.contains(&name.as_str()) && !t.self_closing {
                    hidden += 1;
                }
                tag_break(&name, t.span.start, t.span.end, &mut out);
            }
            Token::EndTag(t) => {
                let name = tag_name(&t.name);
                if HIDDEN.contains(&name.as_str()) {
                    hidden = hidden.saturating_sub(1);
                }
                tag_break(&name, t.span.start, t.span.end, &mut out);
            }
            Token::String(s) if hidden == 0 => {
                copy_text(src, s.span.start, s.span.end, &mut out);
            }
            _ => {}
        }
    }
    // Every byte written is ASCII or a whole character copied or decoded on a character
    // boundary of its own slot: the bytes are UTF-8.
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// A block element's tag breaks the paragraph; `<br>` breaks the line.
/// A tag's name in lower case (a name that is not UTF-8 matches no element we know).
fn tag_name(name: &[u8]) -> String {
    std::str::from_utf8(name).unwrap_or("").to_ascii_lowercase()
}

fn tag_break(name: &str, start: usize, end: usize, out: &mut [u8]) {
    let Some(slot) = out.get_mut(start..end) else {
        return;
    };
    if name == "br" {
        if let Some(b) = slot.first_mut() {
            *b = b'\n';
        }
    } else if BLOCKS.contains(&name) && slot.len() >= 2 {
        slot[0] = b'\n';
        slot[1] = b'\n';
    }
}

/// Copy the text `src[start..end]` into `out` at the same offsets, entities decoded: a
/// decoded entity is shorter than its source, and the bytes it saves are paid back as spaces
/// before the next white space, so only the rest of its own word moves.
fn copy_text(src: &str, start: usize, end: usize, out: &mut [u8]) {
    let Some(text) = src.get(start..end) else {
        return;
    };
    let bytes = text.as_bytes();
    let (mut r, mut w) = (0usize, 0usize);
    while r < bytes.len() {
        let b = bytes[r];
        if b == b'&'
            && let Some((len, decoded)) = entity_at(&text[r..])
            && decoded.len() <= len
        {
            out[start + w..start + w + decoded.len()].copy_from_slice(decoded.as_bytes());
            w += decoded.len();
            r += len;
            continue;
        }
        if b.is_ascii_whitespace() {
            // Pay back what entities saved, then the space itself: in place again.
            out[start + w..start + r].fill(b' ');
            out[start + r] = b' ';
            r += 1;
            w = r;
            continue;
        }
        // A whole character at a time.
        let n = text[r..].chars().next().map_or(1, char::len_utf8);
        out[start + w..start + w + n].copy_from_slice(&bytes[r..r + n]);
        r += n;
        w += n;
    }
    out[start + w..start + r].fill(b' ');
}

/// The entity at the start of `s` ("&amp;", "&#8217;", "&eacute;"), its length and its text,
/// typographic quotes and dashes written in ASCII.
fn entity_at(s: &str) -> Option<(usize, String)> {
    let body = s
        .get(1..)?
        .bytes()
        .take(32)
        .position(|c| !(c.is_ascii_alphanumeric() || c == b'#'))?;
    let len = 1 + body + usize::from(s.as_bytes().get(1 + body) == Some(&b';'));
    let raw = &s[..len];
    let decoded = html_escape::decode_html_entities(raw);
    if decoded == raw {
        return None;
    }
    let folded: String = decoded
        .chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{2032}' => '\'',
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{00AB}' | '\u{00BB}' => '"',
            '\u{2013}' | '\u{2014}' | '\u{2212}' => '-',
            '\u{00A0}' | '\u{2002}' | '\u{2003}' | '\u{2009}' => ' ',
            c => c,
        })
        .collect();
    Some((len, folded))
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
    fn html_is_read_as_the_text_of_its_body_in_place() {
        let src = "<html><head><title>T</title><style>p{}</style></head>\n<body><nav>Home</nav>\
                   <h1>Grid Deal</h1><p>Kyiv&rsquo;s plan &amp; more\n(<a href=\"x\">Interfax</a>, \
                   June 2)</p><script>var a = \"(Fake, May 1)\";</script><!-- (c) --></body></html>";
        let out = html_text(src);
        assert_eq!(out.len(), src.len());
        // Words keep their offsets; an entity's saving is paid back before the next space.
        for word in ["Grid", "Deal", "more", "Interfax", "June"] {
            assert_eq!(out.find(word), src.find(word), "{word}");
        }
        assert!(
            out.contains("Kyiv's ") && out.contains("plan & "),
            "{out:?}"
        );
        // Hidden content and markup are gone; blocks are paragraphs.
        for gone in ["Fake", "Home", "<", "style", "href", "(c)", "T<"] {
            assert!(!out.contains(gone), "{gone}: {out:?}");
        }
        let blocks: Vec<String> = out
            .split("\n\n")
            .map(|b| b.split_whitespace().collect::<String>())
            .filter(|b| !b.is_empty())
            .collect();
        assert_eq!(blocks, ["GridDeal", "Kyiv'splan&more(Interfax,June2)"]);
    }

    #[test]
    fn broken_html_still_gives_text_of_the_same_length() {
        for src in [
            "<p>unclosed <b>bold",
            "a < b && c > d",
            "<p>&amp",
            "&#x1F600; &nGt; x",
            "<",
        ] {
            let out = html_text(src);
            assert_eq!(out.len(), src.len(), "{src}");
        }
        assert!(html_text("a < b && c").contains("a < b && c"));
    }

    #[test]
    fn formats_by_file_name() {
        assert_eq!(InputFormat::for_path("page.HTM"), InputFormat::Html);
        assert_eq!(InputFormat::for_path("a/b.MD"), InputFormat::Markdown);
        assert_eq!(
            InputFormat::for_path("notes.markdown"),
            InputFormat::Markdown
        );
        assert_eq!(InputFormat::for_path("a.txt"), InputFormat::Text);
        assert_eq!(InputFormat::for_path("<stdin>"), InputFormat::Text);
    }
}
