//! Dates as bulletins write them inside citation groups: "April 16", "16 April", "20" (a bare
//! day continuing a list), "April 17-18", "April 30-May 2", "May 22 through 26",
//! "June 9 and 10", "16 December 1993", "Sept. 4", OCR damage such as "2O January", and
//! prefixes such as "accessed June 3".
//!
//! A comma-separated segment of a group is handed to [`parse_date_segment`], which either reads
//! the whole segment as dates or rejects it (so "Channel 4" or "Box 1" never become dates).
//! Years and months missing from a token are filled in later, from the tokens around it and
//! the article's year (`super::year`).

use crate::span::Span;

/// A date with any part possibly missing, as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PartialDate {
    /// The year, when written.
    pub year: Option<i32>,
    /// The month 1–12, when written.
    pub month: Option<u8>,
    /// The day 1–31, when written.
    pub day: Option<u8>,
}

/// One date or range as written in a segment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateToken {
    /// Where it is written (a range covers both ends).
    pub span: Span,
    /// The (first) day.
    pub start: PartialDate,
    /// The last day of a range.
    pub end: Option<PartialDate>,
}

impl DateToken {
    /// True when the token names a month (directly or after filling from its neighbours).
    pub fn has_month(&self) -> bool {
        self.start.month.is_some()
    }

    /// The month that a following bare day would continue.
    pub fn last_month(&self) -> Option<u8> {
        self.end.and_then(|e| e.month).or(self.start.month)
    }
}

/// What a segment holds when it is made of dates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateSegment {
    /// One or more dates or ranges.
    Dates(Vec<DateToken>),
    /// A year alone ("2000" after "December 1,"), closing the date before it.
    Year(i32, Span),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tok {
    Month(u8),
    Num(u32, usize),
    Dash,
    And,
    Skip,
}

/// The month a word names: full English names and the usual abbreviations.
pub fn month_number(word: &str) -> Option<u8> {
    let mut buf = [0u8; 16];
    month_of_lower(lower_ascii(word.trim_end_matches('.'), &mut buf)?)
}

/// `w` in ASCII lower case, in `buf` (no allocation); `None` when it is longer than the
/// buffer or not ASCII (no date word is).
fn lower_ascii<'b>(w: &str, buf: &'b mut [u8; 16]) -> Option<&'b str> {
    if w.len() > buf.len() || !w.is_ascii() {
        return None;
    }
    let b = &mut buf[..w.len()];
    b.copy_from_slice(w.as_bytes());
    b.make_ascii_lowercase();
    std::str::from_utf8(b).ok()
}

/// [`month_number`] of a word already in lower case, without its full stop.
fn month_of_lower(lower: &str) -> Option<u8> {
    const NAMES: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    if lower.len() < 3 || lower.len() > 9 {
        return None;
    }
    for (m, name) in (1u8..).zip(NAMES) {
        if lower == name || (lower.len() == 3 && name.starts_with(lower)) {
            return Some(m);
        }
    }
    (lower == "sept").then_some(9)
}

fn is_skippable(lower: &str) -> bool {
    matches!(
        lower,
        "accessed"
            | "retrieved"
            | "updated"
            | "posted"
            | "published"
            | "dated"
            | "on"
            | "of"
            | "the"
            | "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "mon"
            | "tue"
            | "tues"
            | "wed"
            | "thu"
            | "thur"
            | "thurs"
            | "fri"
            | "sat"
            | "sun"
    )
}

/// Read a number, accepting the letter O for zero (OCR damage: "2O", "1O") and an ordinal
/// suffix ("3rd"). Returns the value and the count of digits.
fn read_number(word: &str) -> Option<(u32, usize)> {
    let core = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|s| word.strip_suffix(s))
        .unwrap_or(word);
    if core.is_empty() || core.len() > 4 || !core.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut v = 0u32;
    for b in core.bytes() {
        let d = match b {
            b'0'..=b'9' => b - b'0',
            b'O' | b'o' => 0,
            _ => return None,
        };
        v = v * 10 + u32::from(d);
    }
    Some((v, core.len()))
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '\u{2010}'..='\u{2015}' | '\u{2212}')
}

/// Split a segment into tokens with their byte spans; `None` when a word is not date-like.
fn tokenize(text: &str, base: usize) -> Option<Vec<(Tok, Span)>> {
    let mut toks = Vec::new();
    let mut iter = text.char_indices().peekable();
    while let Some(&(i, c)) = iter.peek() {
        if c.is_whitespace() || c == '.' {
            iter.next();
            continue;
        }
        if is_dash(c) {
            iter.next();
            toks.push((Tok::Dash, Span::new(base + i, base + i + c.len_utf8())));
            continue;
        }
        if c == '&' {
            iter.next();
            toks.push((Tok::And, Span::new(base + i, base + i + 1)));
            continue;
        }
        if !c.is_alphanumeric() {
            return None;
        }
        let mut end = i;
        while let Some(&(j, d)) = iter.peek() {
            if d.is_alphanumeric() {
                end = j + d.len_utf8();
                iter.next();
            } else {
                break;
            }
        }
        let word = &text[i..end];
        // A month abbreviation may carry its full stop ("Nov.", "Sept.").
        let span = Span::new(base + i, base + end);
        // No date word is longer than sixteen bytes or other than ASCII.
        let mut buf = [0u8; 16];
        let lower = lower_ascii(word, &mut buf)?;
        let tok = if let Some(m) = month_of_lower(lower) {
            Tok::Month(m)
        } else if let Some((v, n)) = read_number(word) {
            Tok::Num(v, n)
        } else if lower == "and" {
            Tok::And
        } else if matches!(lower, "through" | "thru" | "to" | "until" | "till") {
            Tok::Dash
        } else if is_skippable(lower) {
            Tok::Skip
        } else {
            return None;
        };
        if tok != Tok::Skip {
            toks.push((tok, span));
        }
    }
    Some(toks)
}

fn as_year(v: u32, digits: usize) -> Option<i32> {
    (digits == 4 && (1800..=2199).contains(&v))
        .then(|| i32::try_from(v).ok())
        .flatten()
}

fn as_day(v: u32, digits: usize) -> Option<u8> {
    (digits <= 2 && (1..=31).contains(&v))
        .then(|| u8::try_from(v).ok())
        .flatten()
}

struct Cursor<'t> {
    toks: &'t [(Tok, Span)],
    pos: usize,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<Tok> {
        self.toks.get(self.pos).map(|t| t.0)
    }
    fn bump(&mut self) -> Option<(Tok, Span)> {
        let t = self.toks.get(self.pos).copied();
        self.pos += usize::from(t.is_some());
        t
    }
    fn year(&mut self) -> Option<i32> {
        if let Some(Tok::Num(v, n)) = self.peek()
            && let Some(y) = as_year(v, n)
        {
            self.pos += 1;
            return Some(y);
        }
        None
    }
    fn last_end(&self) -> usize {
        self.toks
            .get(self.pos.saturating_sub(1))
            .map_or(0, |t| t.1.end)
    }

    /// `Month [day] [year]`, `day Month [year]`, or a bare `day`.
    fn point(&mut self) -> Option<(PartialDate, Span)> {
        let (first, span) = self.bump()?;
        let mut p = PartialDate::default();
        match first {
            Tok::Month(m) => {
                p.month = Some(m);
                if let Some(Tok::Num(v, n)) = self.peek()
                    && let Some(d) = as_day(v, n)
                {
                    self.pos += 1;
                    p.day = Some(d);
                }
                p.year = self.year();
            }
            Tok::Num(v, n) => {
                p.day = Some(as_day(v, n)?);
                if let Some(Tok::Month(m)) = self.peek() {
                    self.pos += 1;
                    p.month = Some(m);
                    p.year = self.year();
                }
            }
            _ => return None,
        }
        Some((p, Span::new(span.start, self.last_end())))
    }
}

/// Read a whole comma-free segment as dates, or return `None`.
///
/// `base` is the segment's offset in the document, so token spans are document spans.
///
/// ```
/// use srcgraph::parse::date::{parse_date_segment, DateSegment};
/// let Some(DateSegment::Dates(d)) = parse_date_segment("April 30-May 2", 0) else { panic!() };
/// assert_eq!((d[0].start.month, d[0].end.and_then(|e| e.day)), (Some(4), Some(2)));
/// assert!(parse_date_segment("Channel 4", 0).is_none());
/// ```
pub fn parse_date_segment(text: &str, base: usize) -> Option<DateSegment> {
    let toks = tokenize(text, base)?;
    if let [(Tok::Num(v, n), span)] = toks.as_slice()
        && let Some(y) = as_year(*v, *n)
    {
        return Some(DateSegment::Year(y, *span));
    }
    let mut cur = Cursor {
        toks: &toks,
        pos: 0,
    };
    let mut out = Vec::new();
    loop {
        let (mut start, span) = cur.point()?;
        let mut token = DateToken {
            span,
            start,
            end: None,
        };
        if cur.peek() == Some(Tok::Dash) {
            cur.pos += 1;
            let (mut end, end_span) = cur.point()?;
            end.month = end.month.or(start.month);
            end.year = end.year.or(start.year);
            start.month = start.month.or(end.month);
            start.year = start.year.or(end.year);
            token = DateToken {
                span: Span::new(span.start, end_span.end),
                start,
                end: Some(end),
            };
        }
        out.push(token);
        match cur.peek() {
            None => break,
            Some(Tok::And) => {
                cur.pos += 1;
            }
            Some(_) => return None,
        }
    }
    Some(DateSegment::Dates(out))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pd(year: Option<i32>, month: Option<u8>, day: Option<u8>) -> PartialDate {
        PartialDate { year, month, day }
    }

    fn dates(s: &str) -> Vec<(PartialDate, Option<PartialDate>, &str)> {
        match parse_date_segment(s, 0) {
            Some(DateSegment::Dates(v)) => v
                .into_iter()
                .map(|t| (t.start, t.end, t.span.slice(s)))
                .collect(),
            other => panic!("{s:?} gave {other:?}"),
        }
    }

    #[test]
    fn single_dates_in_both_orders() {
        let table: &[(&str, PartialDate)] = &[
            ("April 20", pd(None, Some(4), Some(20))),
            ("20 April", pd(None, Some(4), Some(20))),
            ("16 December 1993", pd(Some(1993), Some(12), Some(16))),
            ("Nov. 30", pd(None, Some(11), Some(30))),
            ("Oct 13", pd(None, Some(10), Some(13))),
            ("Sept. 4", pd(None, Some(9), Some(4))),
            ("2O January", pd(None, Some(1), Some(20))),
            ("accessed June 3", pd(None, Some(6), Some(3))),
            ("24", pd(None, None, Some(24))),
            ("April 3rd", pd(None, Some(4), Some(3))),
            ("Tuesday, April 3", pd(None, Some(4), Some(3))),
            ("March", pd(None, Some(3), None)),
        ];
        for (text, want) in table {
            let text = text.replace(',', "");
            let got = dates(&text);
            assert_eq!(got.len(), 1, "{text}");
            assert_eq!(got[0].0, *want, "{text}");
        }
    }

    #[test]
    fn ranges_fill_each_other() {
        let got = dates("September 24-25");
        assert_eq!(got[0].1, Some(pd(None, Some(9), Some(25))));
        assert_eq!(got[0].2, "September 24-25");
        let got = dates("April 30-May 2");
        assert_eq!(got[0].1, Some(pd(None, Some(5), Some(2))));
        let got = dates("May 22 through 26");
        assert_eq!(got[0].1, Some(pd(None, Some(5), Some(26))));
        let got = dates("16–18 April");
        assert_eq!(got[0].0, pd(None, Some(4), Some(16)));
        let got = dates("24 - 26");
        assert_eq!(
            (got[0].0.day, got[0].1.and_then(|e| e.day)),
            (Some(24), Some(26))
        );
    }

    #[test]
    fn and_lists() {
        let got = dates("June 9 and 10");
        assert_eq!(got.len(), 2);
        assert_eq!((got[0].2, got[1].2), ("June 9", "10"));
        let got = dates("1O and 12 February");
        assert_eq!((got[0].0.day, got[0].0.month), (Some(10), None));
        assert_eq!(got[1].0, pd(None, Some(2), Some(12)));
    }

    #[test]
    fn years_alone_and_rejections() {
        assert!(matches!(
            parse_date_segment(" 2000", 5),
            Some(DateSegment::Year(2000, s)) if s == Span::new(6, 10)
        ));
        for bad in [
            "Channel 4",
            "Box 1",
            "Kommersant",
            "703",
            "over 60 years old",
            "32 May",
            "May 5 AFP",
            "and",
            "",
            "O",
            "April 1-",
        ] {
            let got = parse_date_segment(bad, 0);
            let ok = match &got {
                None => true,
                // a lone number is read as a bare day; callers need a month around it
                Some(DateSegment::Dates(d)) => d.iter().all(|t| !t.has_month()) && bad == "703",
                _ => false,
            };
            assert!(ok || got.is_none(), "{bad:?} gave {got:?}");
        }
    }
}
