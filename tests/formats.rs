//! Table-driven tests: one or more examples, written for this project, of every row of the
//! citation-format catalogue (shared FORMATS.md), and of the parentheses that are not
//! citations. Each case is parsed inside a Monitor article (volume 7, issue 79: April 2001).

use srcgraph::input::Document;
use srcgraph::outlets::Outlets;
use srcgraph::parse::{ParseOptions, parse_document};

/// Parse `body` as the only paragraph of an article with `header`, and render every
/// parenthetical group: `-` for a non-citation, else its refs as
/// `outlet[*]:date,date` joined by ` | ` (`*` marks a cross-reference, `a..b` a range).
fn render_with(header: &str, body: &str) -> Vec<String> {
    let text = format!("{header}\n\n{body}\n");
    let doc = Document::from_text("case.txt", text);
    let arts = parse_document(&doc, Outlets::builtin(), &ParseOptions::default());
    let mut out: Vec<(usize, String)> = Vec::new();
    for a in &arts {
        for c in &a.citations {
            assert_eq!(
                c.span.slice(&doc.text),
                format!("({})", c.raw),
                "span/raw agree"
            );
            let refs: Vec<String> = c
                .refs
                .iter()
                .map(|r| {
                    let dates: Vec<String> = r
                        .dates
                        .iter()
                        .map(|d| d.iso().unwrap_or_else(|| "?".into()))
                        .collect();
                    let star = if r.cross_reference { "*" } else { "" };
                    format!("{}{star}:{}", r.outlet, dates.join(","))
                })
                .collect();
            out.push((c.span.start, refs.join(" | ")));
        }
        for p in &a.other_parentheses {
            out.push((p.span.start, "-".into()));
        }
    }
    out.sort();
    out.into_iter().map(|(_, s)| s).collect()
}

const MONITOR: &str = "Publication: Monitor Volume: 7 Issue: 79";

fn check(cases: &[(&str, &[&str])]) {
    check_in(MONITOR, cases);
}

fn check_in(header: &str, cases: &[(&str, &[&str])]) {
    let mut failures = Vec::new();
    for (body, want) in cases {
        let got = render_with(header, body);
        if got != *want {
            failures.push(format!("{body}\n   want {want:?}\n    got {got:?}"));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn shape_of_a_group() {
    check(&[
        (
            "Grain prices rose (Interfax, March 3).",
            &["Interfax:2001-03-03"],
        ),
        (
            "The mayor resigned (Segodnya, Izvestiya, April 2).",
            &["Segodnya:2001-04-02 | Izvestiya:2001-04-02"],
        ),
        (
            "Troops moved in (ORT, April 3-4; Russian agencies, April 4).",
            &["ORT:2001-04-03..2001-04-04 | Russian agencies:2001-04-04"],
        ),
        (
            "He denied it twice (Interfax, April 2; Interfax, April 5).",
            &["Interfax:2001-04-02 | Interfax:2001-04-05"],
        ),
        (
            "The talks stalled (Flux, Basapress, March 30, April 2; Infotag, April 3).",
            &["Flux:2001-03-30,2001-04-02 | Basapress:2001-03-30,2001-04-02 | Infotag:2001-04-03"],
        ),
        (
            "Shots were fired (Reuters, April 10 and 11).",
            &["Reuters:2001-04-10,2001-04-11"],
        ),
        (
            "The talks stalled (al-Hayat, May 24; Asharq al-Awsat, May 25; de Telegraaf, May 26).",
            &["al-Hayat:2001-05-24 | Asharq al-Awsat:2001-05-25 | de Telegraaf:2001-05-26"],
        ),
        ("He was there (at the time, June 4).", &["-"]),
        (
            "Seoul approved the aid (Hankyoreh, Dong-A Ilbo, May 14).",
            &["Hankyoreh:2001-05-14 | Dong-A Ilbo:2001-05-14"],
        ),
        (
            "The plan was older (see the Monitor, November 28, 2000; January 5, 11.)",
            &["the Monitor*:2000-11-28,2001-01-05,2001-01-11"],
        ),
        (
            "The plan was old (see the Monitor, December 12, 2000; January 8, 15.)",
            &["the Monitor*:2000-12-12,2001-01-08,2001-01-15"],
        ),
    ]);
}

#[test]
fn ranges_and_years() {
    check(&[
        (
            "It lasted (Infotag, March 14-15).",
            &["Infotag:2001-03-14..2001-03-15"],
        ),
        (
            "It lasted (Interfax, March 22 through 24).",
            &["Interfax:2001-03-22..2001-03-24"],
        ),
        (
            "It lasted (TASS, March 30-April 2).",
            &["TASS:2001-03-30..2001-04-02"],
        ),
        (
            "It lasted (Lenta.ru, April 5–6).",
            &["Lenta.ru:2001-04-05..2001-04-06"],
        ),
        (
            "An old story (Izvestiya, July 3, 1999).",
            &["Izvestiya:1999-07-03"],
        ),
        (
            "A year closes the list (Trud, November 27; December 4, 2000).",
            &["Trud:2000-11-27,2000-12-04"],
        ),
        (
            "Day first (Baghdad radio, 12 March).",
            &["Baghdad radio:2001-03-12"],
        ),
        (
            "Day first with year (Kommersant, 17 April 2000).",
            &["Kommersant:2000-04-17"],
        ),
        (
            "Short months (Vedomosti, Apr. 3; Gazeta.ru, Sept. 4, 2000; NTV, Mar 3).",
            &["Vedomosti:2001-04-03 | Gazeta.ru:2000-09-04 | NTV:2001-03-03"],
        ),
        ("OCR zero (Itar-Tass, 2O March).", &["Itar-Tass:2001-03-20"]),
        (
            "OCR list (Interfax, 1O and 12 March).",
            &["Interfax:2001-03-10,2001-03-12"],
        ),
        (
            "Stop inside (Kyodo, April 4, 9.)",
            &["Kyodo:2001-04-04,2001-04-09"],
        ),
        (
            "Accessed (Rada.gov.ua, accessed April 3).",
            &["Rada.gov.ua:2001-04-03"],
        ),
        ("Invalid day (Trud, February 30).", &["Trud:?"]),
    ]);
}

#[test]
fn outlets_of_every_shape() {
    check(&[
        ("(Reuters, AP)", &["Reuters: | AP:"]),
        (
            "A government statement (kmu.gov.ua) charged that all was well.",
            &["kmu.gov.ua:"],
        ),
        ("The agency said so (INA).", &["INA:"]),
        (
            "The agency Interfax described the vote as final (3 April).",
            &[":2001-04-03"],
        ),
        ("He was freed (, March 29).", &[":2001-03-29"]),
        (
            "Bracketed place (Vladivostok Novosti [Vladivostok], March 12).",
            &["Vladivostok Novosti [Vladivostok]:2001-03-12"],
        ),
        (
            "Bracketed abbreviation (Iraqi News Agency [INA], 17 March).",
            &["Iraqi News Agency [INA]:2001-03-17"],
        ),
        (
            "A web site (www.president.gov.ua, April 2).",
            &["www.president.gov.ua:2001-04-02"],
        ),
        (
            "A URL (http://www.mfa.gov.ua/news, April 2).",
            &["http://www.mfa.gov.ua/news:2001-04-02"],
        ),
        (
            "Collectives (Russian TV and agencies, April 3; Itar-Tass and other Russian agencies, April 4).",
            &[
                "Russian TV and agencies:2001-04-03 | Itar-Tass and other Russian agencies:2001-04-04",
            ],
        ),
        (
            "Both (Russian and Western agencies, April 3).",
            &["Russian and Western agencies:2001-04-03"],
        ),
        (
            "One string (Radios Bishkek and Dushanbe, April 2).",
            &["Radios Bishkek and Dushanbe:2001-04-02"],
        ),
        (
            "Quoted (“Moskovsky Komsomolets,” April 2).",
            &["Moskovsky Komsomolets:2001-04-02"],
        ),
    ]);
}

#[test]
fn relays_point_at_their_origins() {
    check(&[
        (
            "(Rustavi-2, April 3, as cited by Prime News)",
            &["Rustavi-2:2001-04-03 | Prime News:"],
        ),
        (
            "(Interfax, citing a report by the BBC, April 5)",
            &["Interfax:2001-04-05 | the BBC:"],
        ),
        (
            "(Rezonansi, October 7, as cited by Interfax)",
            &["Rezonansi:2001-10-07 | Interfax:"],
        ),
        // The carrier's name lost from a web copy: an empty slot that still relays.
        (
            "(, citing a dispatch from Reuters, April 6)",
            &[":2001-04-06 | Reuters:"],
        ),
        ("(, as cited by Interfax)", &[": | Interfax:"]),
    ]);
    let doc = Document::from_text(
        "r.txt",
        format!(
            "{MONITOR}\n\nX (Svobodnaya Gruziya, April 3, as cited by Itar-Tass; Interfax, citing Kommersant, April 4).\n"
        ),
    );
    let a = parse_document(&doc, Outlets::builtin(), &ParseOptions::default());
    let refs = &a[0].citations[0].refs;
    let names: Vec<&str> = refs.iter().map(|r| r.outlet.as_str()).collect();
    assert_eq!(
        names,
        ["Svobodnaya Gruziya", "Itar-Tass", "Interfax", "Kommersant"]
    );
    assert_eq!(refs[1].relays, [0], "Itar-Tass carries Svobodnaya Gruziya");
    assert_eq!(refs[2].relays, [3], "Interfax carries Kommersant");
    assert!(refs[0].relays.is_empty() && refs[3].relays.is_empty());
}

#[test]
fn layout_of_groups() {
    check(&[
        (
            "Hard wrapped (Nezavisimaya Gazeta,\n12 March) text.",
            &["Nezavisimaya Gazeta:2001-03-12"],
        ),
        (
            "(NOTE: the same remarks were aired (Pyongyang radio, 18\nMarch).)",
            &["-", "Pyongyang radio:2001-03-18"],
        ),
        (
            "Adjacent groups (ITAR-TASS, 15 February) (See Box) end here.",
            &["ITAR-TASS:2001-02-15", "-"],
        ),
        (
            "He set out conditions: 1) talks, 2) aid (Kyodo, April 3).",
            &["Kyodo:2001-04-03"],
        ),
    ]);
}

#[test]
fn cross_references() {
    check(&[
        ("(see the Monitor, March 1)", &["the Monitor*:2001-03-01"]),
        (
            "(see the Monitor, March 16, 18, April 6)",
            &["the Monitor*:2001-03-16,2001-03-18,2001-04-06"],
        ),
        (
            "(Radio Free Asia, AP, April 12; see also the Monitor, April 8)",
            &["Radio Free Asia:2001-04-12 | AP:2001-04-12 | the Monitor*:2001-04-08"],
        ),
        (
            "(Chechnya Weekly, March 6)",
            &["Chechnya Weekly:2001-03-06"],
        ),
    ]);
    check_in(
        "Publication: North Caucasus Weekly Volume: 9 Issue: 22",
        &[(
            "The clan (Chechnya Weekly, January 31) met.",
            &["Chechnya Weekly*:2008-01-31"],
        )],
    );
    check_in(
        "Publication: Eurasia Daily Monitor Volume: 5 Issue: 20",
        &[("(see EDM, January 8)", &["EDM*:2008-01-08"])],
    );
    check_in(
        "UKRAINE ARRESTS SUSPECTS...",
        &[(
            "The suspects were held (see \"RFE/RL Newsline,\" 4 March 2005), media reported.",
            &["RFE/RL Newsline*:2005-03-04"],
        )],
    );
}

#[test]
fn previous_year_for_late_dates() {
    check_in(
        "Publication: Monitor Volume: 7 Issue: 3",
        &[(
            "(Izvestiya, December 28; Trud, January 3)",
            &["Izvestiya:2000-12-28 | Trud:2001-01-03"],
        )],
    );
}

#[test]
fn parentheses_that_are_not_citations() {
    let asides = [
        "the 1987 Intermediate-Range Forces (INF) Treaty",
        "Independent Television (NTV) was sold",
        "Iraqi News Agency (INA) said",
        "in the north (Yakutia) of the country",
        "the Duma (parliament) voted",
        "Pensioners (over 60 years old) agreed",
        "a loan (around US$148 million) was",
        "on Friday (not Thursday, as an earlier item of ours had it).",
        "more details (see below).",
        "the rest (see following article).",
        "a table (See Box 1) shows",
        "a note (Note 1) says",
        "the talks,(SEE NOTE) resumed",
        "(Source: kremlin.ru)",
        "footnote (2) here",
        "call (703) 733-6534.",
        "a controversial (albeit partial) endorsement",
        "arms deliveries (at below-cost prices) outright",
        "it ended. (The talks have not resumed since then.)",
        "the year (1998) was bad",
        "the options (a) and (b)",
        "a meeting (in an interview he gave later) was",
        "a paper (in English) appeared",
        "empty () parens",
    ];
    for a in asides {
        let got = render_with(MONITOR, a);
        assert!(got.iter().all(|g| g == "-"), "{a:?} gave {got:?}");
        assert!(!got.is_empty(), "{a:?} found no group");
    }
}
