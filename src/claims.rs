//! Claims: which stretch of an article's text each citation group supports.
//!
//! With [`Scope::Run`] (the default) a claim is the text since the previous citation group,
//! through the end of the sentence in which its group stands, across paragraphs; with
//! [`Scope::Paragraph`] every body paragraph is a claim; with [`Scope::Sentence`] every
//! sentence. Text that no citation group supports (after the last group of an article, or a
//! paragraph or sentence without one) is a claim with no citations: an unsourced claim.
//! Header, title, byline and heading blocks, and blocks made only of parenthetical groups
//! (credit lines), are not claims, and a section heading line that opens a block
//! ("Implications", "Box 2: …") is not part of the claim after it.

use crate::model::{Article, Claim, Scope};
use crate::sentence::{sentence_end, sentences};
use crate::span::{LineIndex, Span};

/// Longest excerpt kept on a claim, in characters.
pub const EXCERPT_CHARS: usize = 80;

/// True when a block states nothing: a heading in capitals ("END SUMMARY"), a byline, or
/// only parenthetical groups and punctuation.
fn is_non_claim_block(text: &str, block: Span) -> bool {
    let s = block.slice(text).trim();
    if s.len() >= 120 {
        // Long blocks: only "no letters at all" or "only parenthetical groups" can hold.
        if !s.chars().any(char::is_alphabetic) {
            return true;
        }
    } else {
        let letters = s.chars().filter(|c| c.is_alphabetic()).count();
        if letters == 0 {
            return true;
        }
        let upper = s.chars().filter(|c| c.is_uppercase()).count();
        if upper == letters {
            return true;
        }
        if (s.starts_with("By ") || s.starts_with("by ")) && !s.contains(['.', ';']) {
            return true;
        }
    }
    if !s.starts_with('(') {
        return false;
    }
    // Only parenthetical groups: "(Source: vvmvd.ru)", "(AUTHOR: ...)".
    let mut depth = 0usize;
    let mut outside = s.chars().filter(|&c| {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ => return depth == 0 && c.is_alphanumeric(),
        }
        false
    });
    outside.next().is_none()
}

/// True when `line` is a section heading: one to eight words in title case ("Implications",
/// "Box 2: The Northern Pipeline", "End Box"), no sentence punctuation, no parenthesis.
fn is_heading_line(line: &str) -> bool {
    let line = line.trim();
    // Length first: a paragraph on one line is tested here whole, and may be megabytes.
    if line.is_empty()
        || line.len() > 80
        || line.ends_with(['.', ';', ',', '?', '!', '"', '\u{201D}'])
        || line.contains(['(', ')'])
        || line.split_whitespace().nth(8).is_some()
    {
        return false;
    }
    let capital = |w: &str| {
        w.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    };
    let mut words = line.split_whitespace();
    words.next().is_some_and(capital)
        && words.all(|w| {
            capital(w) || crate::parse::layout::heading_small_word(w.trim_end_matches(':'))
        })
}

/// The part of a body block that may be a claim: without a heading line that opens it
/// ("Implications" above the paragraph's first sentence, which starts in capitals); `None`
/// for a block that is only a heading.
fn claim_part(text: &str, block: Span) -> Option<Span> {
    let s = block.slice(text);
    let Some(nl) = s.find('\n') else {
        return (!is_heading_line(s)).then_some(block);
    };
    let rest = &s[nl + 1..];
    let next_starts_upper = rest
        .trim_start()
        .chars()
        .next()
        .is_some_and(char::is_uppercase);
    if next_starts_upper && is_heading_line(&s[..nl]) {
        let skip = nl + 1 + (rest.len() - rest.trim_start().len());
        return Some(Span::new(block.start + skip, block.end));
    }
    Some(block)
}

/// The spans of the article's body paragraphs, with their indices: headings, bylines and
/// credit lines are left out, and a heading line opening a block is cut off it.
pub fn body_paragraphs<'a>(
    article: &'a Article,
    text: &'a str,
) -> impl Iterator<Item = (usize, Span)> + 'a {
    article
        .paragraphs
        .iter()
        .copied()
        .enumerate()
        .filter(move |&(i, p)| {
            Some(i) != article.header_paragraph
                && Some(i) != article.title_paragraph
                && !is_non_claim_block(text, p)
        })
        .filter_map(move |(i, p)| Some((i, claim_part(text, p)?)))
}

/// Split an article into claims.
///
/// `text` and `lines` are those of the document the article came from.
pub fn segment_claims(
    article: &Article,
    text: &str,
    lines: &LineIndex,
    scope: Scope,
) -> Vec<Claim> {
    let body: Vec<(usize, Span)> = body_paragraphs(article, text).collect();
    let mut pieces: Vec<(Span, Vec<usize>)> = match scope {
        Scope::Run => runs(article, text, &body),
        Scope::Paragraph => by_units(article, body.iter().map(|&(_, p)| p).collect()),
        Scope::Sentence => by_units(
            article,
            body.iter().flat_map(|&(_, p)| sentences(text, p)).collect(),
        ),
    };
    pieces.retain(|(span, cites)| !cites.is_empty() || has_words(span.slice(text)));
    pieces
        .into_iter()
        .enumerate()
        .map(|(index, (span, citations))| {
            let pos = lines.position(text, span.start);
            Claim {
                index,
                span,
                line: pos.line,
                column: pos.column,
                paragraphs: [
                    paragraph_of(article, span.start),
                    paragraph_of(article, span.end.saturating_sub(1)),
                ],
                citations,
                excerpt: excerpt(span.slice(text), EXCERPT_CHARS),
            }
        })
        .collect()
}

fn has_words(s: &str) -> bool {
    s.chars().filter(|c| c.is_alphabetic()).take(3).count() >= 3
}

fn paragraph_of(article: &Article, at: usize) -> usize {
    article
        .paragraphs
        .partition_point(|p| p.start <= at)
        .saturating_sub(1)
}

/// Claims of `Scope::Run`: each citation group closes the text since the previous one.
fn runs(article: &Article, text: &str, body: &[(usize, Span)]) -> Vec<(Span, Vec<usize>)> {
    let mut out: Vec<(Span, Vec<usize>)> = Vec::new();
    let Some(&(_, first)) = body.first() else {
        return out;
    };
    let body_end = body.last().map_or(first.end, |&(_, p)| p.end);
    let in_body = |at: usize| body.iter().any(|&(_, p)| p.start <= at && at < p.end);
    let para_end = |at: usize| {
        article
            .paragraphs
            .iter()
            .find(|p| p.start <= at && at <= p.end)
            .map_or(at, |p| p.end)
    };
    let mut order: Vec<usize> = (0..article.citations.len())
        .filter(|&i| in_body(article.citations[i].span.start))
        .collect();
    order.sort_by_key(|&i| article.citations[i].span.start);
    let mut cursor = first.start;
    for (k, &ci) in order.iter().enumerate() {
        let c = &article.citations[ci];
        let next_start = order
            .get(k + 1)
            .map_or(usize::MAX, |&n| article.citations[n].span.start);
        let limit = para_end(c.span.end).min(next_start);
        let mut end = sentence_end(text, c.span.end, limit).max(c.span.end);
        if end >= next_start {
            // The sentence goes on to another group ("X said … (AFP), while Y … (TASS)."):
            // the words after this group are that group's claim.
            end = c.span.end;
        }
        let between = text
            .get(cursor.min(c.span.start)..c.span.start)
            .unwrap_or("");
        if let Some(last) = out.last_mut()
            && (c.span.start < cursor || !between.chars().any(char::is_alphanumeric))
        {
            // Nested in, or right after, the previous claim's group: it supports that claim.
            last.1.push(ci);
            if c.span.start >= cursor {
                last.0.end = last.0.end.max(end);
                cursor = end;
            }
            continue;
        }
        // A run starts in the body: past a heading or a block that states nothing.
        let start = body
            .iter()
            .map(|&(_, p)| p)
            .find(|p| p.end > cursor)
            .map_or(cursor, |p| p.start.max(cursor))
            .min(c.span.start);
        out.push((trim(text, Span::new(start, end)), vec![ci]));
        cursor = end;
    }
    if cursor < body_end {
        let rest = trim(text, Span::new(cursor, body_end));
        // Skip blocks that state nothing at the start of the remainder.
        let start = body
            .iter()
            .map(|&(_, p)| p)
            .find(|p| p.end > rest.start)
            .map_or(rest.start, |p| p.start.max(rest.start));
        out.push((Span::new(start, rest.end.max(start)), Vec::new()));
    }
    out
}

/// Claims of paragraph or sentence scope: each unit is a claim, supported by the groups that
/// start in it. A unit made only of citation groups (a credit line, a group after the full
/// stop) supports the unit before it.
fn by_units(article: &Article, units: Vec<Span>) -> Vec<(Span, Vec<usize>)> {
    let mut out: Vec<(Span, Vec<usize>)> = units.into_iter().map(|u| (u, Vec::new())).collect();
    for (ci, c) in article.citations.iter().enumerate() {
        let at = out.partition_point(|(u, _)| u.start <= c.span.start);
        if at > 0 && c.span.start < out[at - 1].0.end {
            out[at - 1].1.push(ci);
        }
    }
    // Move the groups of citation-only units onto the unit before.
    let mut merged: Vec<(Span, Vec<usize>)> = Vec::with_capacity(out.len());
    for (u, cites) in out {
        let only_groups = !cites.is_empty() && {
            let covered: usize = cites
                .iter()
                .map(|&i| article.citations[i].span.len() + 2)
                .sum();
            covered >= u.len()
        };
        match merged.last_mut() {
            Some(prev) if only_groups => {
                prev.1.extend(cites);
                prev.0.end = prev.0.end.max(u.end);
            }
            _ => merged.push((u, cites)),
        }
    }
    merged
}

/// `span` without white space and stray punctuation at its start, or white space at its end.
fn trim(text: &str, span: Span) -> Span {
    let s = span.slice(text);
    let lead = s.len()
        - s.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ',' | ';' | ':'))
            .len();
    let trail = s.trim_end().len().max(lead);
    Span::new(span.start + lead, span.start + trail)
}

/// The start of `s`, white space collapsed, cut at a word boundary near `max` characters.
pub fn excerpt(s: &str, max: usize) -> String {
    let mut out = String::with_capacity(max.min(s.len()) + 4);
    let mut count = 0;
    for w in s.split_whitespace() {
        let n = if w.is_ascii() {
            w.len()
        } else {
            w.chars().count()
        };
        if count + n + 1 > max && count > 0 {
            out.push('…');
            return out;
        }
        if !out.is_empty() {
            out.push(' ');
            count += 1;
        }
        if n > max {
            out.extend(w.chars().take(max));
            out.push('…');
            return out;
        }
        out.push_str(w);
        count += n;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::Document;
    use crate::outlets::Outlets;
    use crate::parse::{ParseOptions, parse_document};

    const TEXT: &str = "Title Line\n\nPublication: Monitor Volume: 7 Issue: 79\n\n\
        First claim here. It goes on (AFP, April 2) (Reuters, April 3). A second one, \
        stated (kmu.gov.ua) mid-sentence.\n\nOne part (Trud, April 3), another part (Izvestiya, April 4).\n\nNo citation in this paragraph at all.\n\n\
        The third (Kyodo, April 4).\n\n(Source: example.com)\n\nTrailing text without support.\n";

    fn claims(scope: Scope) -> Vec<(String, Vec<usize>)> {
        let doc = Document::from_text("t.txt", TEXT);
        let a = &parse_document(&doc, Outlets::builtin(), &ParseOptions::default())[0];
        segment_claims(a, &doc.text, &doc.lines, scope)
            .into_iter()
            .map(|c| (c.span.slice(&doc.text).replace('\n', "/"), c.citations))
            .collect()
    }

    #[test]
    fn runs_span_paragraphs() {
        let got = claims(Scope::Run);
        let texts: Vec<&str> = got.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(
            texts,
            [
                "First claim here. It goes on (AFP, April 2) (Reuters, April 3).",
                "A second one, stated (kmu.gov.ua) mid-sentence.",
                "One part (Trud, April 3)",
                "another part (Izvestiya, April 4).",
                "No citation in this paragraph at all.//The third (Kyodo, April 4).",
                "Trailing text without support."
            ]
        );
        assert_eq!(got[0].1, [0, 1]);
        assert!(got[5].1.is_empty());
    }

    #[test]
    fn paragraphs_and_sentences() {
        let got = claims(Scope::Paragraph);
        let cites: Vec<usize> = got.iter().map(|(_, c)| c.len()).collect();
        assert_eq!(cites, [3, 2, 0, 1, 0]);
        let got = claims(Scope::Sentence);
        let cites: Vec<usize> = got.iter().map(|(_, c)| c.len()).collect();
        assert_eq!(cites, [0, 2, 1, 2, 0, 1, 0], "{got:?}");
    }

    #[test]
    fn section_headings_and_box_ends_are_no_claims() {
        let text = "Talks Collapse\n\nThe talks collapsed on 2 May (Radio Tirana, 3 May).\n\n\
                    Outlook\nThe cabinet will look for partners abroad (ATA, 4 May).\n\n\
                    Box 3: The Coastal Railway\nThe railway was shelved (ATA, 5 May).\n\n\
                    End Box\n\n\
                    North Korean Leader Kim Jong Il\nsaid on Monday that the reactor was shut.\n";
        let doc = Document::from_text("t.txt", text);
        let a = &parse_document(&doc, Outlets::builtin(), &ParseOptions::default())[0];
        for scope in [Scope::Run, Scope::Paragraph] {
            let got: Vec<String> = segment_claims(a, &doc.text, &doc.lines, scope)
                .into_iter()
                .map(|c| c.span.slice(&doc.text).replace('\n', "/"))
                .collect();
            assert_eq!(
                got,
                [
                    "The talks collapsed on 2 May (Radio Tirana, 3 May).",
                    "The cabinet will look for partners abroad (ATA, 4 May).",
                    "The railway was shelved (ATA, 5 May).",
                    // A line of names that runs on in lower case is no heading.
                    "North Korean Leader Kim Jong Il/said on Monday that the reactor was shut.",
                ],
                "{scope:?}"
            );
        }
    }

    #[test]
    fn excerpts_cut_at_words() {
        assert_eq!(excerpt("a  bb\nccc dddd", 8), "a bb ccc…");
        assert_eq!(excerpt("short", 80), "short");
        // Characters are counted, not bytes.
        assert_eq!(excerpt("éé ü", 3), "éé…");
        assert_eq!(excerpt("éé ü", 4), "éé ü");
        assert_eq!(excerpt("Łódź", 2), "Łó…");
    }
}
