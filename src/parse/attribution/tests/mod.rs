//! One table a cue class, each of sentences written for these tests: the sources they
//! must give (text as written and type), and sentences that must give none.

use super::*;
use crate::model::SourceType::{self, *};

mod phrases;
mod verbal;

fn find(text: &str) -> Vec<Attribution> {
    let lines = LineIndex::new(text);
    find_attributions(
        text,
        &lines,
        &[(0, Span::new(0, text.len()))],
        &[],
        Outlets::builtin(),
        &Cues::builtin(),
    )
}

/// Every `(sentence, source, type)` gives that source with that type.
fn check(cases: &[(&str, &str, SourceType)]) {
    let mut failed = Vec::new();
    for (text, source, kind) in cases {
        let got = find(text);
        if !got.iter().any(|a| a.text == *source && a.kind == *kind) {
            let got: Vec<_> = got.iter().map(|a| (a.text.as_str(), a.kind)).collect();
            failed.push(format!(
                "{text:?}\n    want {source:?} {kind:?}, got {got:?}"
            ));
        }
    }
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

/// Every sentence gives no source at all.
fn check_none(cases: &[&str]) {
    let mut failed = Vec::new();
    for text in cases {
        let got = find(text);
        if !got.is_empty() {
            let got: Vec<_> = got.iter().map(|a| (a.text.as_str(), a.kind)).collect();
            failed.push(format!("{text:?} gave {got:?}"));
        }
    }
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

#[test]
fn nominal_cues() {
    check(&[
        (
            "The premier's insistence that prices would fall surprised no one.",
            "The premier",
            Person,
        ),
        (
            "Moscow's repeated assurances that the base would close were forgotten.",
            "Moscow",
            OfficialBody,
        ),
        (
            "A proposal by the speaker to cut the session short was rejected.",
            "the speaker",
            Person,
        ),
        (
            "Remarks from the ambassador drew a sharp response.",
            "the ambassador",
            Person,
        ),
        (
            "The loudest objections came from the transport ministry.",
            "the transport ministry",
            OfficialBody,
        ),
        (
            "Criticism of the plan came only from Senator Hale.",
            "Senator Hale",
            Person,
        ),
        (
            "The mufti's complaint against the mayor was filed on Monday.",
            "The mufti",
            Person,
        ),
        (
            "The episode has damaged the government's claim to be a reliable partner.",
            "the government",
            OfficialBody,
        ),
        (
            "Lawyers dismissed rumors that the trial would be moved.",
            "rumors",
            Vague,
        ),
    ]);
    check_none(&[
        // A holder's accounts are no reports.
        "The tax police froze the accounts of two private banks.",
        "Criticism of the plan came as a surprise to nobody.",
        "The money for the bridge came from abroad.",
        "Concern came from within, not from outside.",
    ]);
}

#[test]
fn frames_and_headlines() {
    check(&[
        (
            "In a televised address on Sunday, the president outlined his plans.",
            "the president",
            Person,
        ),
        (
            "At a news conference in Almaty, the prosecutor named three suspects.",
            "the prosecutor",
            Person,
        ),
        (
            "KAZAKH PREMIER DENIES RESIGNATION RUMORS",
            "KAZAKH PREMIER",
            Person,
        ),
        // In capitals a preposition still ends the head.
        (
            "STUDENTS IN MINSK SAY NEW FEES ARE ILLEGAL",
            "STUDENTS IN MINSK",
            Vague,
        ),
        // An indefinite phrase after a name describes it; the subject comes after it.
        (
            "In a message sent to Ekho Moskvy, a station critical of the mayor, the union said it would strike.",
            "the union",
            OfficialBody,
        ),
        (
            "Border Talks Stall     The commission said on Monday that no maps had been agreed.",
            "The commission",
            OfficialBody,
        ),
        // A surname alone in capitals is the person the item then names.
        (
            "VORONTSOV DENIES BRIBE CHARGES... Senator Pavel Vorontsov said on Friday that the charges were invented.",
            "VORONTSOV",
            Person,
        ),
        // In running text one word in capitals is an organisation's name, or a medium's
        // when it reported or broadcast.
        (
            "KOMTEK said on Tuesday that the mine would reopen.",
            "KOMTEK",
            OfficialBody,
        ),
        (
            "Two generals were reported by NTK to have resigned.",
            "NTK",
            Outlet,
        ),
    ]);
    // A restrictive relative before a passive cue; one unknown name quoting is a medium.
    let text = "A customs officer who asked not to be named was quoted by Vremya as saying that the post was closed.";
    check(&[
        (text, "A customs officer", Anonymous),
        (text, "Vremya", Outlet),
    ]);
    // An acronym the item then uses in running text is the organisation.
    check(&[(
        "KFOR SAYS ROADS ARE OPEN... A KFOR spokesman told reporters that all roads were open.",
        "KFOR",
        OfficialBody,
    )]);
    // A word in capitals that the item never names as a person is no source.
    check_none(&["ZARUBIN SAYS TALKS WILL RESUME... The ministry gave no date for the talks."]);
    let got = find(
        "ZARUBIN SAYS TALKS WILL RESUME... Deputy Minister Ilya Zarubin said talks would resume.",
    );
    let head = got
        .iter()
        .find(|a| a.text == "ZARUBIN")
        .expect("the headline's source");
    assert_eq!(
        head.refers_to.as_ref().map(|r| r.text.as_str()),
        Some("Deputy Minister Ilya Zarubin"),
        "{got:?}"
    );
}

#[test]
fn typing_cannot_invent_a_source() {
    check_none(&[
        "According to Georgian law, the president may serve two terms.",
        "He said that the talks had failed.",
        "It was said that the talks had failed.",
        "The ministry would not say why.",
        "They reported nothing.",
        "Putin was said to prefer a Moscow meeting.",
        "The talks apparently hope to achieve little.",
        "Some 60 percent of voters believe the election was fair.",
        "The reported attack on the convoy remains unexplained.",
        "The railway recalled its rolling stock for repairs.",
        "The blast claimed the lives of three soldiers.",
        "Dagestan claimed the title.",
        "According to the plan, the troops will leave by May.",
        "Parliament approved the budget on Tuesday.",
        "The commission will announce the results next week.",
        "Diplomats declined to comment.",
        "It was a blow to Minsk, which had hoped to host the summit.",
        "Neither side has commented on the incident.",
        "No official confirmed the figures.",
    ]);
    // A subjunctive after "demanded that" reports nothing of its subject.
    let got = find("The opposition demanded that the Chechen side retract its claim.");
    assert!(got.iter().all(|a| a.text != "the Chechen side"), "{got:?}");
    assert!(
        got.iter()
            .any(|a| a.text == "The opposition" && a.kind == Vague),
        "{got:?}"
    );
    // A place inside a body's name is not a source of its own.
    let got = find("The Russian military command in Dagestan claimed the attack was repelled.");
    assert!(
        got.iter().all(|a| a.text != "Dagestan" && a.kind != Person),
        "{got:?}"
    );
    assert!(
        got.iter().any(|a| a.text == "The Russian military command in Dagestan" && a.kind == OfficialBody),
        "{got:?}"
    );
}

#[test]
fn headings_never_join_a_subject() {
    let got = find("Energy Outlook     Gazprom said prices would rise.");
    assert!(got.iter().all(|a| !a.text.contains("Outlook")), "{got:?}");
}

#[test]
fn hard_wrapped_text() {
    check(&[(
        "The Tbilisi daily\n   Rezonansi   reported that the\nminister had resigned.",
        "The Tbilisi daily Rezonansi",
        Outlet,
    )]);
}

#[test]
fn a_document_speaks_for_its_author() {
    // The author in a document's reduced relative is not a second source; the body's own
    // website where it was posted is none either.
    for (text, document, author) in [
        (
            "A communique issued by the two mediators at the end of that round states that progress was made.",
            "A communique",
            "the two mediators",
        ),
        (
            "A memorandum released by the finance ministry on Friday warns that reserves are low.",
            "A memorandum",
            "the finance ministry",
        ),
        (
            "A statement by the port authority, posted on the authority's website, said the berths were closed.",
            "A statement by the port authority",
            "the authority's website",
        ),
    ] {
        let got = find(text);
        assert!(
            got.iter().any(|a| a.text == document && a.kind == Document),
            "{got:?}"
        );
        assert!(got.iter().all(|a| a.text != author), "{got:?}");
    }
    // An outlet that printed the document carries it; figures "according to" are their
    // releaser's.
    check(&[
        (
            "The bill, which was printed in the official gazette Vedomosti Rady, states that fees will rise.",
            "the official gazette Vedomosti Rady",
            Outlet,
        ),
        (
            "According to figures released by the statistics office, prices rose.",
            "the statistics office",
            OfficialBody,
        ),
    ]);
    // A relative clause with commas of its own before the verb.
    check(&[(
        "The weekly, whose publisher, Oleg Tarasov, is close to the mayor, also asserts that the tender was fixed.",
        "The weekly",
        Outlet,
    )]);
    // A relative clause after a parenthesised acronym.
    check(&[(
        "Since the Joint Audit Team (JAT), which included experts from Estonia, Latvia and Finland, concluded that the dam was sound, Minsk has been silent.",
        "the Joint Audit Team",
        OfficialBody,
    )]);
    // Sources inside a speaker's quotation are the speaker's; a verb of seeing needs its own
    // complement, not a quotation.
    let got = find("“Riga is nervous,” Mr. Ozols said. “What Riga fears most is a blockade.”");
    assert!(got.iter().all(|a| a.text != "Riga"), "{got:?}");
    check_none(&["Border guards have seen \"no movement of any kind\" since May."]);
    // A straight quotation mark closing a quotation before the speaker.
    check(&[
        (
            "\"Nobody warned us. They simply fired,\" Dosov said.",
            "Dosov",
            Person,
        ),
        (
            "The pact was \"a start, not an end.\" Lind said that talks would go on.",
            "Lind",
            Person,
        ),
    ]);
    // A relative clause that ends before a later aside is no aside of the speaker's.
    check(&[(
        "The talks, which began on Monday, ended without agreement, a delegate, speaking on condition of anonymity, said.",
        "a delegate",
        Anonymous,
    )]);
    let got = find(
        "The talks, which began on Monday, ended without agreement, a delegate, speaking on condition of anonymity, said.",
    );
    assert!(got.iter().all(|a| a.text != "The talks"), "{got:?}");
    // A participle after a whole clause is its subject's, though a participle follows.
    check(&[(
        "Vilnius rejected the charge, saying the report, published by Minsk, was false.",
        "Vilnius",
        OfficialBody,
    )]);
    // Claiming that, or claiming responsibility, is a statement whatever the nouns after.
    check(&[
        (
            "Kyiv claimed that the seats were rigged.",
            "Kyiv",
            OfficialBody,
        ),
        (
            "The group claimed responsibility for the land mine attack.",
            "The group",
            OfficialBody,
        ),
    ]);
    // An author "by" after a verb of expecting is still the author.
    check(&[(
        "Markets await the expected report by the IMF that growth slowed.",
        "the IMF",
        OfficialBody,
    )]);
    // Claiming a thing is no statement; an explanation demanded of someone is not theirs.
    check_none(&[
        "Ankara was quick to claim a role in the talks.",
        "The deputies will demand an explanation from the prosecutor.",
    ]);
    // After an article a cue word is a noun; "member states" is no verb.
    check_none(&[
        "Volunteers joined \"the soldiers of the state\" that week.",
        "Small member states that rely on trade have found that tariffs hurt.",
    ]);
}

#[test]
fn carriers_cite_their_origin() {
    let got = find("A Russian military source told Interfax on August 22 that troops had left.");
    assert!(
        got.iter()
            .any(|a| a.text == "Interfax"
                && a.citing.as_deref() == Some("A Russian military source")),
        "{got:?}"
    );
    let got = find("Citing Novye Izvestia, the website reported that the plant would close.");
    assert!(
        got.iter()
            .any(|a| a.text == "the website" && a.citing.as_deref() == Some("Novye Izvestia")),
        "{got:?}"
    );
    let got = find("According to the radio, the envoy said the border would open.");
    assert!(
        got.iter()
            .any(|a| a.text == "the radio" && a.citing.as_deref() == Some("the envoy")),
        "{got:?}"
    );
    // The one interviewed, whether the interview is an aside or a reduced relative, keeps
    // the cue of its own verb.
    for (text, outlet, speaker, verb) in [
        (
            "The mayor, in an interview with Radio Vesna, conceded that the budget was short.",
            "Radio Vesna",
            "The mayor",
            "conceded",
        ),
        (
            "Two farmers interviewed by NTK television said the harvest had failed.",
            "NTK television",
            "Two farmers",
            "said",
        ),
    ] {
        let got = find(text);
        assert!(
            got.iter()
                .any(|a| a.text == outlet && a.citing.as_deref() == Some(speaker)),
            "{got:?}"
        );
        assert!(
            got.iter().any(|a| a.text == speaker && a.cue == verb),
            "{got:?}"
        );
    }
}

#[test]
fn back_references_are_linked() {
    let text = "President Leonid Kravets met the envoys on Monday. The talks were long. \
        Kravets said the border would stay open. The president added that no troops would move. \
        The ministry's statement said the situation was calm. The statement also said that \
        refugees could return. The news agency Kabar reported the meeting. The agency said \
        it was friendly.";
    let got = find(text);
    let by = |t: &str| {
        got.iter()
            .find(|a| a.text == t)
            .unwrap_or_else(|| panic!("{t}: {got:?}"))
    };
    assert_eq!(
        by("Kravets").refers_to.as_ref().map(|r| r.text.as_str()),
        Some("President Leonid Kravets")
    );
    assert_eq!(
        by("The president")
            .refers_to
            .as_ref()
            .map(|r| r.text.as_str()),
        Some("President Leonid Kravets")
    );
    assert_eq!(
        by("The statement")
            .refers_to
            .as_ref()
            .map(|r| r.text.as_str()),
        Some("The ministry's statement")
    );
    let agency = by("The agency");
    assert_eq!(agency.canonical.as_deref(), Some("Kabar"));
    // Two presidents named before: "the president" stays as written.
    let got =
        find("President Ana Lupu met President Ion Rusu. The president said the deal was done.");
    let p = got
        .iter()
        .find(|a| a.text == "The president")
        .expect("found");
    assert!(p.refers_to.is_none(), "{p:?}");
}

#[test]
fn headline_sources_refer_to_the_body() {
    let text = "MOLDOVAN LEADER PRAISES GRAIN DEAL... Speaking in Chisinau on Monday, President \
        Ion Rusu told farmers that the deal would double exports. OSTROV DENIES BRIBE CLAIM... \
        Former mayor Pavel Ostrov said he never took money.";
    let got = find(text);
    let by = |t: &str| {
        got.iter()
            .find(|a| a.text == t)
            .unwrap_or_else(|| panic!("{t}: {got:?}"))
    };
    let refers = |t: &str| by(t).refers_to.as_ref().map(|r| r.text.clone());
    assert_eq!(
        refers("MOLDOVAN LEADER").as_deref(),
        Some("President Ion Rusu")
    );
    assert_eq!(refers("President Ion Rusu"), None);
}

#[test]
fn names_and_outlets_inside_longer_names() {
    // Particles inside a name; the end of a longer name is not a shorter outlet's name; a
    // role that is also a body's word before a name is a title.
    check(&[
        (
            "The UN envoy on refugees, Anna van der Linde, said the camps were full.",
            "The UN envoy on refugees, Anna van der Linde",
            Person,
        ),
        (
            "Steelworks chief executive Oleg Marchuk said output would fall.",
            "Steelworks chief executive Oleg Marchuk",
            Person,
        ),
        // A name after a role with a title of its own; a role after lower-case nouns.
        (
            "The garrison commander, Colonel Ivan Orlov, said the base was safe.",
            "The garrison commander, Colonel Ivan Orlov",
            Person,
        ),
        (
            "The air force commander said no aircraft had flown that day.",
            "The air force commander",
            Person,
        ),
        // A trade noun between a place and a name ("China watcher").
        (
            "The shift is tactical, in the view of veteran Kremlin watcher Lev Gudin.",
            "veteran Kremlin watcher Lev Gudin",
            Person,
        ),
        // A surname after a lower-case particle and hyphen.
        (
            "Sheikh Yusuf al-Nouri warned that the truce would not hold.",
            "Sheikh Yusuf al-Nouri",
            Person,
        ),
        // A name no list knows before "Media" is a medium's; a capitalised "State" a state.
        (
            "The sermon was posted by al-Rayah Media on Friday.",
            "al-Rayah Media",
            Outlet,
        ),
        (
            "The Islamic State of Khorasan claimed responsibility for the attack.",
            "The Islamic State of Khorasan",
            OfficialBody,
        ),
        // A whole and its member after "such as".
        (
            "Economists such as Dana Kirov doubt that the peg will hold.",
            "Economists",
            Vague,
        ),
        (
            "Economists such as Dana Kirov doubt that the peg will hold.",
            "Dana Kirov",
            Person,
        ),
    ]);
    let got = find("Russian Media reported the story.");
    assert!(got.iter().all(|a| a.kind != Outlet), "{got:?}");
    let got = find("The Harbin Daily News reported the story.");
    let paper = got.first().expect("found");
    assert_eq!(paper.kind, Outlet);
    assert_ne!(paper.canonical.as_deref(), Some("The News"), "{paper:?}");
}

#[test]
fn spans_lines_and_cues_are_exact() {
    let text = "Prices rose.\nThe ministry of finance\n  said that prices would fall.";
    let got = find(text);
    let a = got.iter().find(|a| a.kind == OfficialBody).expect("found");
    assert_eq!(a.span.slice(text), "The ministry of finance");
    assert_eq!((a.line, a.column), (2, 1));
    assert_eq!(a.cue, "said");
}

#[test]
fn a_long_sentence_stays_linear_and_finds_its_sources() {
    let mut text = String::new();
    for i in 0..5000 {
        text.push_str(&format!("the spokesman for the district said that {i}, "));
    }
    let got = find(&text);
    assert!(got.len() > 4000, "{}", got.len());
    // A phrase cut by the window a pathological sentence is read in may come out short.
    let whole = got
        .iter()
        .filter(|a| a.text == "the spokesman for the district")
        .count();
    assert!(whole * 100 >= got.len() * 99, "{whole} of {}", got.len());
}

#[test]
fn a_capitalised_medium_noun_is_part_of_the_outlets_name() {
    let name = |text: &str| {
        find(text)
            .into_iter()
            .find(|a| a.kind == Outlet)
            .and_then(|a| a.canonical)
    };
    assert_eq!(
        name(
            "In a commentary for the Narva Policy Blog, Ivo Saar argued that the plan would fail."
        ),
        Some("Narva Policy Blog".to_string())
    );
    // A lower-case medium noun is not ("the Kommersant daily"), nor a capitalised one after a
    // known outlet's shorter name.
    assert_eq!(
        name("The Kommersant daily reported that the deal had collapsed."),
        Some("Kommersant".to_string())
    );
}
