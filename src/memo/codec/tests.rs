use super::*;
use crate::input::Document;
use crate::pipeline::Pipeline;

/// A bulletin item written for this test, with every part of the model that pass 1 keeps:
/// header fields, a title, citations with several dates, a range, relays, a cross-reference
/// and a date-only group, parentheses that are not citations, sources in the prose (one
/// referring back to another, one relaying), and problems (an unclosed group, a year that
/// cannot be known).
const ITEM: &str = "\
Publication: Monitor Volume: 7 Issue: 12

SHIPPING LANES REOPEN

The port authority in Aktau said on Monday that tankers were moving again (Interfax, \
March 3, 5; Reuters, March 4-6). The Ministry of Transport (MoT) confirmed it \
(Trend, citing a report by Turan, March 5; see the Monitor, February 20).

President Nursultan Nazarbayev told reporters that the lanes were safe. Nazarbayev \
added that inspections would go on, according to Khabar (March 7). A week later the \
agency repeated the claim (March 14).

One unnamed diplomat disagreed (see below) and a figure (12) was cited (unclosed.
";

fn parse(text: &str) -> (Vec<Article>, Vec<Vec<Claim>>) {
    Pipeline::default().read(&Document::from_text("item.txt", text))
}

fn round_trip(articles: &[Article], claims: &[Vec<Claim>]) -> Vec<u8> {
    let mut buf = Vec::new();
    encode(articles, claims, &mut buf);
    let back = decode(&buf).expect("decodes");
    assert_eq!(back.0, articles);
    assert_eq!(back.1, claims);
    buf
}

#[test]
fn a_parse_comes_back_as_it_was() {
    let (mut articles, claims) = parse(ITEM);
    let a = &articles[0];
    // The item holds what the test is about (else it would prove nothing).
    assert!(!a.header.is_empty() && a.title.is_some() && a.year.is_some());
    let refs = || a.citations.iter().flat_map(|c| &c.refs);
    assert!(refs().any(|r| !r.relays.is_empty()), "a relay");
    assert!(refs().any(|r| r.cross_reference), "a cross-reference");
    assert!(
        refs().any(|r| r.dates.iter().any(|d| d.end.is_some())),
        "a range"
    );
    assert!(refs().any(|r| r.canonical != r.outlet), "a canonical name");
    assert!(refs().any(|r| r.country.is_some() || r.group.is_some()));
    assert!(a.other_parentheses.len() >= 2, "{:?}", a.other_parentheses);
    assert!(a.attributions.iter().any(|x| x.refers_to.is_some()));
    assert!(!a.diagnostics.is_empty());
    assert!(claims[0].len() >= 3);
    round_trip(&articles, &claims);

    // What the parser does not give here: kept text, negative years, extreme numbers,
    // characters beyond ASCII, empty lists.
    let mut extreme = articles[0].clone();
    extreme.text = Some(ArticleText {
        start: usize::MAX - 1,
        content: "Тексты «в кавычках» — 東京".to_string(),
        source: Some(String::new()),
    });
    extreme.date = Date::new(-44, 3, 15);
    extreme.year = Some(i32::MIN);
    extreme.volume = Some(u32::MAX);
    extreme.span = Span::new(usize::MAX - 3, usize::MAX);
    extreme.citations[0].refs[0].dates[0].date = Date::new(i32::MAX, 12, 31);
    articles.push(extreme);
    articles.push(Article {
        citations: Vec::new(),
        attributions: Vec::new(),
        ..articles[0].head()
    });
    round_trip(&articles, &[claims[0].clone(), Vec::new(), Vec::new()]);
    round_trip(&[], &[]);
}

#[test]
fn bytes_it_did_not_write_are_refused() {
    let (articles, claims) = parse(ITEM);
    let buf = round_trip(&articles, &claims);
    // Cut anywhere, or with bytes after it, it is refused.
    for cut in 0..buf.len() {
        assert_eq!(decode(&buf[..cut]), None, "cut at {cut}");
    }
    let mut longer = buf.clone();
    longer.push(0);
    assert_eq!(decode(&longer), None);
    // Any byte changed: refused or read as other values, never a panic.
    for at in 0..buf.len() {
        for flip in [0x01, 0x80, 0xff] {
            let mut b = buf.clone();
            b[at] ^= flip;
            let _ = decode(&b);
        }
    }
    // A list claiming more items than there are bytes is refused before allocating.
    let mut huge = Vec::new();
    usize::MAX.put(&mut huge);
    assert_eq!(decode(&huge), None);
}

/// Every code `T` reads is the code it writes, and `T` has `n` of them.
fn codes_are_one_to_one<T: Code>(n: usize) {
    let mut seen = 0;
    for code in 0..=u8::MAX {
        if let Some(v) = T::get(&mut Reader { b: &[code], at: 0 }) {
            let mut out = Vec::new();
            v.put(&mut out);
            assert_eq!(out, [code]);
            seen += 1;
        }
    }
    assert_eq!(seen, n, "{}", std::any::type_name::<T>());
}

#[test]
fn every_variant_has_one_code() {
    codes_are_one_to_one::<OutletKind>(11);
    codes_are_one_to_one::<SourceType>(7);
    codes_are_one_to_one::<NonCitationReason>(8);
    codes_are_one_to_one::<YearSource>(5);
    codes_are_one_to_one::<Severity>(2);
    codes_are_one_to_one::<DiagCode>(7);
    codes_are_one_to_one::<bool>(2);
}

fn back<T: Code + PartialEq + std::fmt::Debug>(v: T) {
    let mut b = Vec::new();
    v.put(&mut b);
    let mut r = Reader { b: &b, at: 0 };
    assert_eq!(T::get(&mut r), Some(v));
    assert_eq!(r.at, b.len());
}

#[test]
fn numbers_round_trip_and_overflow_is_refused() {
    for n in [0, 1, 127, 128, 300, u32::MAX as usize, usize::MAX] {
        back(n);
    }
    for n in [0, 1, -1, 63, -64, 64, -65, i32::MAX, i32::MIN] {
        back(n);
    }
    for n in [0, 1, u32::MAX] {
        back(n);
    }
    // Ten bytes whose last holds more than the one bit left.
    let mut b = vec![0xff; 9];
    b.push(0x02);
    assert_eq!(usize::get(&mut Reader { b: &b, at: 0 }), None);
    // Eleven bytes: too long.
    let mut b = vec![0x80; 10];
    b.push(0);
    assert_eq!(usize::get(&mut Reader { b: &b, at: 0 }), None);
    // More than a u32 holds.
    let mut b = Vec::new();
    (u32::MAX as usize + 1).put(&mut b);
    assert_eq!(u32::get(&mut Reader { b: &b, at: 0 }), None);
    // Not a day.
    assert_eq!(
        Date::get(&mut Reader {
            b: &[2, 2, 30],
            at: 0
        }),
        None
    );
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(200))]

    /// Whatever the parser makes of a text put together from bulletin pieces comes back the
    /// same.
    #[test]
    fn any_parse_comes_back(parts in proptest::collection::vec(0usize..PIECES.len(), 0..40)) {
        let text: String = parts.iter().map(|&i| PIECES[i]).collect();
        let (articles, claims) = parse(&text);
        round_trip(&articles, &claims);
    }
}

/// Pieces of bulletin text, joined at random.
const PIECES: &[&str] = &[
    "Publication: Daily Monitor Volume: 6 Issue: 3\n\n",
    "Date: 12 May 2003\n\n",
    "WATER TALKS STALL\n\n",
    "Officials met in Astana ",
    "(AFP, May 2; Kyodo, April 30, May 1) ",
    "(see the Monitor, January 9, 2001) ",
    "(Itar-Tass, as cited by RIA Novosti, June 3-4) ",
    "(May 7) ",
    "(NATO) ",
    "(see below) ",
    "(",
    ")",
    "the ministry said, ",
    "Deputy Minister Ivan Petrov told Interfax that ",
    "Petrov added. ",
    "according to one unnamed source, ",
    "«Известия» сообщили ",
    "and talks went on.",
    "\n",
    "\n\n",
    "Feb. 30 ",
    "  \t ",
];
