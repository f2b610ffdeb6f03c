//! Hostile and odd inputs never panic, keep spans inside the text, and say what is wrong.

use srcgraph::diag::DiagCode;
use srcgraph::input::Document;
use srcgraph::model::Article;
use srcgraph::outlets::Outlets;
use srcgraph::parse::{MAX_DIAGNOSTICS_PER_CODE, ParseOptions, parse_document};

fn parse(text: &str) -> (Document, Vec<Article>) {
    let doc = Document::from_text("x.txt", text);
    let arts = parse_document(&doc, Outlets::builtin(), &ParseOptions::default());
    (doc, arts)
}

fn spans_valid(doc: &Document, arts: &[Article]) {
    for a in arts {
        for c in &a.citations {
            assert!(
                doc.text.get(c.span.start..c.span.end).is_some(),
                "citation span"
            );
            assert_eq!(c.span.slice(&doc.text), format!("({})", c.raw));
            for r in &c.refs {
                assert!(c.span.contains(r.span), "ref span inside its group");
                for d in &r.dates {
                    assert!(c.span.contains(d.span), "date span inside its group");
                }
            }
        }
        for d in &a.diagnostics {
            assert!(
                doc.text.get(d.span.start..d.span.end).is_some(),
                "diagnostic span"
            );
        }
    }
}

#[test]
fn empty_and_blank_inputs() {
    for text in ["", "\n\n\n", "   \t\n", "\u{FEFF}", "\x0c\x0c"] {
        let (doc, arts) = parse(text);
        assert!(arts.is_empty(), "{text:?}");
        spans_valid(&doc, &arts);
    }
    let (_, arts) = parse("Publication: Monitor Volume: 7 Issue: 79\n");
    assert_eq!(
        arts.len(),
        1,
        "header only is an article with nothing in it"
    );
    assert!(arts[0].citations.is_empty());
}

#[test]
fn deep_nesting_and_floods_of_parentheses() {
    let nested = format!("{}(AFP, April 2){}", "(".repeat(10_000), ")".repeat(10_000));
    let (doc, arts) = parse(&nested);
    spans_valid(&doc, &arts);
    assert_eq!(
        arts[0].citations.len(),
        1,
        "the innermost group is still a citation"
    );

    let opens = "( ".repeat(100_000);
    let (doc, arts) = parse(&opens);
    spans_valid(&doc, &arts);
    let unclosed = arts[0]
        .diagnostics
        .iter()
        .filter(|d| d.code == DiagCode::UnclosedParen)
        .count();
    assert_eq!(
        unclosed,
        MAX_DIAGNOSTICS_PER_CODE + 1,
        "capped, with a count of the rest"
    );
    assert!(
        arts[0]
            .diagnostics
            .last()
            .is_some_and(|d| d.message.contains("99900 more"))
    );

    let closes = ") ".repeat(1000);
    let (_, arts) = parse(&closes);
    assert!(
        arts[0]
            .diagnostics
            .iter()
            .all(|d| d.code == DiagCode::UnopenedParen)
    );
}

#[test]
fn unbalanced_parenthesis_is_reported_where_it_is() {
    let (_, arts) = parse(
        "Publication: Monitor Volume: 7 Issue: 79\n\nIt was (AFP, April 2.\n\nNext (Kyodo, April 3).\n",
    );
    let a = &arts[0];
    assert_eq!(a.citations.len(), 1, "the next paragraph is not swallowed");
    let d = &a.diagnostics[0];
    assert_eq!((d.code, d.line, d.column), (DiagCode::UnclosedParen, 3, 8));
}

#[test]
fn odd_characters_and_line_endings() {
    let texts = [
        "Publication: Monitor Volume: 7 Issue: 79\r\n\r\nIt was (AFP,\r\nApril 2).\r\n",
        "Publication: Monitor Volume: 7 Issue: 79\r\rIt was (AFP, April 2).\r",
        "It was (Ev\u{1b}[31mil, April 2) and (\u{0}, May 3) and (\u{202E}X, June 1).",
        "(((((((((((,;,;,;,;))))))))))) (;) (,) (see) (see also) (, ) (-) (April) (2O) (O)",
        "(Interfax, April 31; TASS, February 29; AFP, 0 May; X, May 32)",
        "Ünïcödé (Известия, 3 апреля) (Известия, April 3) (中文, April 3)",
    ];
    for t in texts {
        let (doc, arts) = parse(t);
        spans_valid(&doc, &arts);
    }
    let (_, arts) = parse(texts[0]);
    assert_eq!(arts[0].citations[0].refs[0].dates[0].text, "April 2");
    let (_, arts) = parse(texts[1]);
    assert_eq!(arts[0].paragraphs.len(), 2, "lone CR line endings");
}

#[test]
fn very_long_lines_and_groups() {
    let long_group = format!("It was ({}, April 2).", "Word ".repeat(200_000));
    let (doc, arts) = parse(&long_group);
    spans_valid(&doc, &arts);
    assert!(arts[0].citations.is_empty());
    assert!(
        arts[0].other_parentheses[0].raw.len() <= 1_004,
        "raw of long asides is cut"
    );
    assert!(
        arts[0]
            .diagnostics
            .iter()
            .any(|d| d.code == DiagCode::LongGroup)
    );

    let many = "word (AFP, April 2) ".repeat(50_000);
    let (doc, arts) = parse(&format!(
        "Publication: Monitor Volume: 7 Issue: 79\n\n{many}"
    ));
    spans_valid(&doc, &arts);
    let last = arts[0].citations.last().expect("citations");
    assert_eq!((last.line, last.column), (3, 49_999 * 20 + 6));
}
