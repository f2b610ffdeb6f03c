//! The year of dates written without one, across whole years of issues: every publication
//! with a volume table, issues from the first to the last of a volume, header-less reports
//! that write some dates in full, and articles with no year anywhere.

use srcgraph::calendar::Date;
use srcgraph::input::Document;
use srcgraph::model::Article;
use srcgraph::outlets::Outlets;
use srcgraph::parse::{ParseOptions, parse_document};

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn parse(text: String) -> Vec<Article> {
    let doc = Document::from_text("case.txt", text);
    parse_document(&doc, Outlets::builtin(), &ParseOptions::default())
}

/// ISO days of every reference date of the article, in order (`?` when unresolved).
fn days(a: &Article) -> Vec<String> {
    a.citations
        .iter()
        .flat_map(|c| &c.refs)
        .flat_map(|r| &r.dates)
        .map(|d| d.iso().unwrap_or_else(|| "?".into()))
        .collect()
}

#[test]
fn every_issue_of_every_volume_table_dates_its_citations_in_its_year() {
    let outlets = Outlets::builtin();
    let mut checked = 0;
    for p in outlets.publications() {
        let (Some(first), Some(per)) = (p.first_volume_year, p.issues_per_year) else {
            continue;
        };
        let volume = 5;
        let year = first + volume - 1;
        // The true date of issue `i` is unknown to the parser; its citations cite the days
        // before it. Issues spread over the year, each citing two days of its own month.
        for month in 1..=12u8 {
            let issue = (u32::from(month) * per / 12).max(1);
            let (d1, d2) = (3, 9);
            let name = MONTHS[usize::from(month - 1)];
            let text = format!(
                "Publication: {} Volume: {volume} Issue: {issue}\n\n\
                 Talks resumed (Interfax, {name} {d1}; Reuters, {name} {d2}).\n",
                p.name
            );
            let arts = parse(text);
            let want = [
                Date::new(year, month, d1).expect("valid").to_string(),
                Date::new(year, month, d2).expect("valid").to_string(),
            ];
            assert_eq!(
                days(&arts[0]),
                want,
                "{} volume {volume} issue {issue}",
                p.name
            );
            checked += 1;
        }
        // The first issue of a volume citing the last days of December: last year's.
        let text = format!(
            "Publication: {} Volume: {volume} Issue: 1\n\n\
             The strike ended (Interfax, December 29; Reuters, December 30).\n",
            p.name
        );
        assert_eq!(
            days(&parse(text)[0]),
            [format!("{}-12-29", year - 1), format!("{}-12-30", year - 1)],
            "{}",
            p.name
        );
        // A late issue citing September: this year, whatever the issue number suggests.
        let text = format!(
            "Publication: {} Volume: {volume} Issue: {}\n\n\
             The strike ended (Interfax, September 13).\n",
            p.name,
            per / 2
        );
        assert_eq!(
            days(&parse(text)[0]),
            [format!("{year}-09-13")],
            "{}",
            p.name
        );
    }
    assert!(checked >= 12 * 5, "{checked}");
}

#[test]
fn a_report_without_a_header_takes_its_year_from_dates_written_in_full() {
    // Full dates in the citations: the others are placed after the latest of them (or just
    // before it).
    let arts = parse(
        "SUMMARY\n\n\
         The council had been dissolved (Radio Tirana, 18 September 1993). A new\n\
         assembly met early in the year (Radio Tirana, January 1994). The speaker resigned\n\
         (ATA, 17 March) and a caretaker took over (ATA, 21 March).\n"
            .into(),
    );
    let a = &arts[0];
    assert_eq!(
        days(a),
        ["1993-09-18", "?", "1994-03-17", "1994-03-21"],
        "{:?}",
        a.diagnostics
    );
    assert_eq!(a.year, Some(1994));
    assert!(
        a.diagnostics
            .iter()
            .any(|d| d.code.as_str() == "inferred-year" && d.message.contains("placed after")),
        "{:?}",
        a.diagnostics
    );
    // December and January across the turn of a year.
    let arts = parse(
        "Talks broke down (Xinhua, 2 January 1996) after a week of shelling (Xinhua, 28 December).\n"
            .into(),
    );
    assert_eq!(days(&arts[0]), ["1996-01-02", "1995-12-28"]);
}

#[test]
fn an_article_with_no_year_anywhere_warns_once() {
    let arts = parse(
        "The border was closed (Interfax, March 3). Trade fell (Reuters, March 4). \
         Prices rose (AFP, March 5).\n"
            .into(),
    );
    let a = &arts[0];
    assert_eq!(days(a), ["?", "?", "?"]);
    let warnings: Vec<_> = a
        .diagnostics
        .iter()
        .filter(|d| d.code.as_str() == "unknown-year")
        .collect();
    assert_eq!(warnings.len(), 1, "{:?}", a.diagnostics);
    assert!(
        warnings[0].message.starts_with("3 dates"),
        "{}",
        warnings[0].message
    );
}

#[test]
fn volumes_in_roman_numerals() {
    let arts = parse(
        "Publication: North Caucasus Weekly Volume: VIII Issue: 39\n\n\
         A convoy was ambushed (Interfax, October 9).\n"
            .into(),
    );
    assert_eq!((arts[0].volume, arts[0].issue), (Some(8), Some(39)));
    assert_eq!(days(&arts[0]), ["2007-10-09"]);
    for bad in ["IIII", "VX", "8a", ""] {
        let arts = parse(format!(
            "Publication: Monitor Volume: {bad} Issue: 3\n\nTalks (Interfax, May 2).\n"
        ));
        assert_eq!(arts[0].volume, None, "{bad}");
    }
}

#[test]
fn back_issues_months_before_do_not_date_the_article() {
    // The sources cluster in late October; the back issues cited are from April.
    let arts = parse(
        "Publication: Eurasia Daily Monitor Volume: 3 Issue: 190\n\n\
         The line was finished early (Interfax, October 29; Reuters, November 1). It had been \
         planned in the spring (see EDM, April 2, 9).\n"
            .into(),
    );
    assert_eq!(
        days(&arts[0]),
        ["2006-10-29", "2006-11-01", "2006-04-02", "2006-04-09"]
    );
}

/// A date the article gives itself outside a header — a masthead closing its title, a
/// signed closing line — places its year-less dates; a date of an event in a title does not.
#[test]
fn a_masthead_or_a_signed_closing_line_dates_the_article() {
    let masthead = "NORTHERN WEEKLY DIGEST\nNo. 7 (81), 9-15 March 2003\n\n\
        Prices rose sharply in the port (Delfi, 10 March; Postimees, 28 February).\n\n\
        The treaty of 2001 was not mentioned.\n";
    let a = &parse(masthead.to_string())[0];
    assert_eq!(days(a), ["2003-03-10", "2003-02-28"]);

    let signed = "HARBOUR TRADE SLOWS\n\n\
        Shipments fell for a third month (Yonhap, 23 September; Korea Herald, 2 October).\n\n\
        (Prepared by the East Asia desk, 4 October 2001. \nQuestions to extension 12.)\n";
    let a = &parse(signed.to_string())[0];
    assert_eq!(days(a), ["2001-09-23", "2001-10-02"]);

    // An event in the title: the year is inferred as before (the year after it).
    let event = "THE 12 JUNE 1991 VOTE REVISITED\n\n\
        Turnout was high (Interfax, 3 May).\n";
    let a = &parse(event.to_string())[0];
    assert_eq!(days(a), ["1992-05-03"]);
}

/// "See" and an unknown title the article bears points to one of its own issues.
#[test]
fn a_see_reference_to_the_articles_own_title_is_a_cross_reference() {
    let text = "NORTHERN WEEKLY DIGEST\nNo. 7 (81), 9-15 March 2003\n\n\
        The talks stalled. (Delfi, 10 March; see the Digest, 2-8 March 2003)\n\n\
        The port reopened (see the Courier, 3 March).\n";
    let a = &parse(text.to_string())[0];
    let refs: Vec<(&str, bool)> = a
        .citations
        .iter()
        .flat_map(|c| &c.refs)
        .map(|r| (r.outlet.as_str(), r.cross_reference))
        .collect();
    assert_eq!(
        refs,
        [
            ("Delfi", false),
            ("the Digest", true),
            ("the Courier", false)
        ]
    );
}
