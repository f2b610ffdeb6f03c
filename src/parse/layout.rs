//! The layout of a document: lines, paragraphs (blank-line-separated blocks), article
//! boundaries, headers and titles.
//!
//! An article starts at a header line (`Publication: Monitor Volume: 7 Issue: 79`) or after a
//! form feed. A short title block directly above a header belongs to that header's article;
//! other text before the first header is an article of its own. Paragraph numbers count every
//! block from the top of the article, header and title included (as `eval/GOLD.md` defines).

use super::pattern::Pattern;
use crate::model::HeaderField;
use crate::span::Span;
use regex::Regex;

/// A header line: `Publication: <title>` with optional `Volume:`, `Issue:`, `Date:` fields.
static HEADER_LINE: Pattern = Pattern::new(|| {
    Regex::new(r"(?i)^[ \t]*publication[ \t]*:")
        .expect("a built-in regex compiles (used by the tests)")
});

/// A `Key:` inside a header line; the value runs to the next key. Example: `Issue: 79`.
static HEADER_KEY: Pattern = Pattern::new(|| {
    Regex::new(
        r"(?i)(?:^|[ \t])(publication|volume|issue|number|no\.|date|author|by|section)[ \t]*:",
    )
    .expect("a built-in regex compiles (used by the tests)")
});

/// One article's place in its document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleLayout {
    /// The whole article.
    pub span: Span,
    /// Its blocks, in order.
    pub paragraphs: Vec<Span>,
    /// Index into `paragraphs` of the header block, when it has one.
    pub header: Option<usize>,
    /// Index into `paragraphs` of the title block, when it has one.
    pub title: Option<usize>,
}

/// A line of text: `span` excludes its terminator.
#[derive(Debug, Clone, Copy)]
struct Line {
    span: Span,
    blank: bool,
    form_feed: bool,
}

fn lines(text: &str, start: usize) -> Vec<Line> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut at = start;
    while at < bytes.len() {
        let (end, next) = match memchr::memchr2(b'\n', b'\r', &bytes[at..]) {
            Some(r) => {
                let e = at + r;
                let n = if bytes[e] == b'\r' && bytes.get(e + 1) == Some(&b'\n') {
                    e + 2
                } else {
                    e + 1
                };
                (e, n)
            }
            None => (bytes.len(), bytes.len()),
        };
        let body = &bytes[at..end];
        let form_feed = memchr::memchr(0x0C, body).is_some();
        let blank = body
            .iter()
            .all(|&b| matches!(b, b' ' | b'\t' | 0x0B | 0x0C));
        out.push(Line {
            span: Span::new(at, end),
            blank,
            form_feed,
        });
        at = next;
    }
    out
}

/// Split the text from `start` into articles.
pub fn split_articles(text: &str, start: usize) -> Vec<ArticleLayout> {
    // Blocks, each remembering whether a form feed came just before it.
    let mut blocks: Vec<(Span, bool)> = Vec::new();
    let mut current: Option<(Span, bool)> = None;
    let mut feed = false;
    for mut line in lines(text, start) {
        if line.form_feed {
            blocks.extend(current.take());
            feed = true;
            // Text after the form feed on the same line starts the next block.
            let body = line.span.slice(text);
            if let Some(i) = body.rfind('\x0C') {
                line.span.start += i + 1;
            }
        }
        if line.blank {
            blocks.extend(current.take());
            continue;
        }
        match current.as_mut() {
            Some((b, _)) => b.end = line.span.end,
            None => {
                current = Some((line.span, feed));
                feed = false;
            }
        }
    }
    blocks.extend(current);
    group_blocks(text, &blocks)
}

/// Small words a title-case heading may hold in lower case.
pub(crate) fn heading_small_word(w: &str) -> bool {
    matches!(
        w,
        "of" | "and"
            | "the"
            | "in"
            | "on"
            | "for"
            | "to"
            | "a"
            | "an"
            | "with"
            | "at"
            | "by"
            | "from"
            | "vs"
            | "or"
            | "over"
            | "as"
    )
}

fn is_header(text: &str, block: Span) -> bool {
    HEADER_LINE.is_match(block.slice(text))
}

/// A short block of one or two lines with no sentence end (or all in capitals, which a
/// headline may end with a full stop): a title.
fn is_title_like(text: &str, block: Span) -> bool {
    let s = block.slice(text).trim();
    let lines = s.lines().count();
    !s.is_empty()
        && s.len() <= 200
        && lines <= 2
        && (!s.ends_with(['.', ',', ';', ':']) || !s.chars().any(char::is_lowercase))
        && !s.starts_with('(')
        && !HEADER_LINE.is_match(s)
}

fn group_blocks(text: &str, blocks: &[(Span, bool)]) -> Vec<ArticleLayout> {
    // Article start indices into `blocks`.
    let mut starts: Vec<usize> = Vec::new();
    for (i, &(b, after_feed)) in blocks.iter().enumerate() {
        if after_feed {
            starts.push(i);
        }
        if !is_header(text, b) {
            continue;
        }
        let article_start = starts.last().copied().unwrap_or(0);
        let mut start = i;
        if i > article_start && is_title_like(text, blocks[i - 1].0) {
            start = i - 1;
        }
        starts.push(start);
    }
    starts.insert(0, 0);
    starts.dedup();
    let mut out = Vec::new();
    for (k, &s) in starts.iter().enumerate() {
        let e = starts.get(k + 1).copied().unwrap_or(blocks.len());
        let paragraphs: Vec<Span> = blocks[s.min(e)..e].iter().map(|(b, _)| *b).collect();
        let (Some(first), Some(last)) = (paragraphs.first(), paragraphs.last()) else {
            continue;
        };
        let span = Span::new(first.start, last.end);
        let header = paragraphs.iter().take(3).position(|&p| is_header(text, p));
        let title = match header {
            Some(1) if is_title_like(text, paragraphs[0]) => Some(0),
            Some(0) if paragraphs.len() > 1 && is_title_like(text, paragraphs[1]) => Some(1),
            None if paragraphs.len() > 1 && is_title_like(text, paragraphs[0]) => Some(0),
            _ => None,
        };
        out.push(ArticleLayout {
            span,
            paragraphs,
            header,
            title,
        });
    }
    out
}

/// The fields of a header block: `Publication: Monitor Volume: 7 Issue: 79` gives three.
pub fn header_fields(block: &str) -> Vec<HeaderField> {
    let mut out = Vec::new();
    for line in block.lines() {
        // Each match is `key:` with the white space around it; the key is the match
        // trimmed (no captures to read: a plain search is several times quicker).
        let keys: Vec<_> = HEADER_KEY.with(|re| re.find_iter(line).collect());
        for (k, whole) in keys.iter().enumerate() {
            let key = whole
                .as_str()
                .trim_start_matches([' ', '\t'])
                .trim_end_matches(':')
                .trim_end_matches([' ', '\t']);
            let value_end = keys.get(k + 1).map_or(line.len(), |m| m.start());
            let value = line.get(whole.end()..value_end).unwrap_or("").trim();
            out.push(HeaderField {
                key: key.to_string(),
                value: value.to_string(),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts<'a>(text: &'a str, a: &ArticleLayout) -> Vec<&'a str> {
        a.paragraphs.iter().map(|p| p.slice(text)).collect()
    }

    #[test]
    fn paragraphs_are_blank_separated() {
        let text = "\nTitle\n\nPublication: Monitor Volume: 7 Issue: 79\n\nOne\ntwo\n \t\nThree\n";
        let arts = split_articles(text, 0);
        assert_eq!(arts.len(), 1);
        assert_eq!(
            texts(text, &arts[0]),
            [
                "Title",
                "Publication: Monitor Volume: 7 Issue: 79",
                "One\ntwo",
                "Three"
            ]
        );
        assert_eq!((arts[0].header, arts[0].title), (Some(1), Some(0)));
    }

    #[test]
    fn headers_and_form_feeds_start_articles() {
        let text = "Intro text that is long enough to be a paragraph of its own.\n\n\
                    Publication: Monitor Volume: 7 Issue: 1\n\nBody one.\n\n\
                    Second Title\n\nPublication: Monitor Volume: 7 Issue: 2\n\nBody two.\n\x0c\nBody three.\n";
        let arts = split_articles(text, 0);
        let got: Vec<Vec<&str>> = arts.iter().map(|a| texts(text, a)).collect();
        assert_eq!(got.len(), 4, "{got:?}");
        assert_eq!(got[1][0], "Publication: Monitor Volume: 7 Issue: 1");
        assert_eq!(got[2][0], "Second Title");
        assert_eq!(got[3], ["Body three."]);
    }

    #[test]
    fn crlf_and_lone_cr() {
        let text = "A\r\nB\r\n\r\nC\rD\r\rE";
        let arts = split_articles(text, 0);
        assert_eq!(texts(text, &arts[0]), ["A\r\nB", "C\rD", "E"]);
    }

    #[test]
    fn header_fields_split_on_keys() {
        let kv = |block: &str| -> Vec<(String, String)> {
            header_fields(block)
                .into_iter()
                .map(|h| (h.key, h.value))
                .collect()
        };
        let want = |pairs: &[(&str, &str)]| -> Vec<(String, String)> {
            pairs
                .iter()
                .map(|&(k, v)| (k.to_string(), v.to_string()))
                .collect()
        };
        assert_eq!(
            kv("Publication: Eurasia Daily Monitor Volume: 12 Issue: 66"),
            want(&[
                ("Publication", "Eurasia Daily Monitor"),
                ("Volume", "12"),
                ("Issue", "66")
            ])
        );
        // Keys as written, with space or tabs before the colon, on several lines.
        assert_eq!(
            kv("PUBLICATION :\tWeekly Brief\tNO.:4\nBy  :  A. Writer date: May 2"),
            want(&[
                ("PUBLICATION", "Weekly Brief"),
                ("NO.", "4"),
                ("By", "A. Writer"),
                ("date", "May 2")
            ])
        );
    }
}
