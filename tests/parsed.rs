//! `parse --with-text` as a map step: `check`, `stats` and `graph --from-parsed` judge the
//! parsed articles without their text files and give the bytes they give on the text.

#[path = "../benches/support/corpus.rs"]
mod corpus;
#[path = "support/scratch.rs"]
mod scratch;

use scratch::Scratch;
use std::io::Write;
use std::process::{Command, Output, Stdio};

fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_srcgraph"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run srcgraph");
    let mut input = child.stdin.take().expect("stdin");
    input
        .write_all(stdin.unwrap_or_default())
        .expect("write stdin");
    drop(input);
    child.wait_with_output().expect("wait")
}

/// Standard output of a run that must succeed (status 0 or 1: findings).
fn srcgraph(args: &[&str]) -> Vec<u8> {
    let o = run(args, None);
    assert!(
        o.status.code().is_some_and(|c| c <= 1),
        "{args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    o.stdout
}

/// `parse --format jsonl --with-text` of `inputs` into `out`.
fn parse_to(inputs: &[&str], out: &str, extra: &[&str]) {
    let mut args = vec!["parse", "-q", "--format", "jsonl", "--with-text", "-o", out];
    args.extend(extra);
    args.extend(inputs);
    srcgraph(&args);
}

/// What every judging command writes, on the text and from its parse, is the same.
fn same_from_parsed(texts: &[&str], parsed: &[&str], extra: &[&str]) {
    let commands: &[&[&str]] = &[
        &["check", "--format", "json"],
        &["check", "--color", "never", "--min-sources", "3"],
        &["stats", "--format", "json"],
        &["stats", "--format", "csv"],
        &["graph"],
        &["graph", "--format", "json", "--dates", "nodes"],
        &["graph", "--co-citation"],
    ];
    for cmd in commands {
        let on_text: Vec<&str> = cmd
            .iter()
            .copied()
            .chain(["-q"])
            .chain(extra.iter().copied())
            .chain(texts.iter().copied())
            .collect();
        let want = srcgraph(&on_text);
        for (chunk, threads) in [("131072", "2"), ("1", "1"), ("3000", "3")] {
            let from_parsed: Vec<&str> = cmd
                .iter()
                .copied()
                .chain(["-q", "--from-parsed", "--chunk-size", chunk, "-j", threads])
                .chain(extra.iter().copied())
                .chain(parsed.iter().copied())
                .collect();
            let got = srcgraph(&from_parsed);
            assert!(
                got == want,
                "{from_parsed:?} differs from {on_text:?}:\n{}",
                first_difference(&want, &got)
            );
        }
    }
}

fn first_difference(a: &[u8], b: &[u8]) -> String {
    let (a, b) = (String::from_utf8_lossy(a), String::from_utf8_lossy(b));
    for (i, (x, y)) in a.lines().zip(b.lines()).enumerate() {
        if x != y {
            return format!("line {}:\n  text:   {x}\n  parsed: {y}", i + 1);
        }
    }
    format!("lengths {} and {}", a.len(), b.len())
}

#[test]
fn every_sample_judged_from_its_parse_as_from_its_text() {
    let dir = Scratch::new("parsed-samples");
    let samples = concat!(env!("CARGO_MANIFEST_DIR"), "/samples");
    let mut names: Vec<String> = std::fs::read_dir(samples)
        .expect("samples")
        .map(|e| e.expect("entry").path().display().to_string())
        .collect();
    names.sort();
    assert!(names.len() >= 10);
    // Each sample alone (its own two passes), Markdown and HTML included.
    for name in &names {
        let out = dir.join("one.jsonl").display().to_string();
        parse_to(&[name], &out, &[]);
        same_from_parsed(&[name], &[&out], &[]);
    }
    // All of them as one run, from one file of parsed articles.
    let all: Vec<&str> = names.iter().map(String::as_str).collect();
    let out = dir.join("all.jsonl").display().to_string();
    parse_to(&all, &out, &[]);
    same_from_parsed(&all, &[&out], &[]);
}

#[test]
fn shards_parsed_apart_are_judged_as_the_whole_input() {
    let dir = Scratch::new("parsed-shards");
    let mut texts = Vec::new();
    for (i, dated) in [(0, true), (1, false), (2, true)] {
        let path = dir.join(format!("part{i}.txt"));
        std::fs::write(&path, corpus::corpus_with(20 + i, 40, dated)).expect("write");
        texts.push(path.display().to_string());
    }
    // One shard per text, parsed by separate runs (as on separate machines).
    let mut shards = Vec::new();
    for (i, t) in texts.iter().enumerate() {
        let shard = dir.join(format!("shard{i}.jsonl")).display().to_string();
        parse_to(&[t], &shard, &["--chunk-size", "5000"]);
        shards.push(shard);
    }
    let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
    let shard_args: Vec<&str> = shards.iter().map(String::as_str).collect();
    same_from_parsed(&texts, &shard_args, &[]);
    // The shards' directory: `*.jsonl` files are what --from-parsed reads there.
    let dir_arg = dir.display().to_string();
    same_from_parsed(&texts, &[&dir_arg], &[]);
    // The shards through a pipe, concatenated.
    let joined: Vec<u8> = shards
        .iter()
        .flat_map(|s| std::fs::read(s).expect("shard"))
        .collect();
    let want = srcgraph(&[&["check", "-q", "--format", "json"][..], &texts].concat());
    let piped = run(
        &["check", "-q", "--format", "json", "--from-parsed", "-"],
        Some(&joined),
    );
    // The articles name the files they came from, so the findings name them too.
    assert!(
        piped.stdout == want,
        "{}",
        first_difference(&want, &piped.stdout)
    );
}

/// Articles parsed with their prose sources, judged with `--citations-only`, are judged as
/// the text read for its citations alone: the sources the parse found in the prose are
/// left out.
#[test]
fn citations_only_leaves_out_the_prose_sources_of_a_parse() {
    let dir = Scratch::new("parsed-citations-only");
    let text = dir.join("corpus.txt").display().to_string();
    std::fs::write(&text, corpus::corpus_with(31, 30, true)).expect("write");
    let out = dir.join("full.jsonl").display().to_string();
    parse_to(&[&text], &out, &[]);
    assert!(
        std::fs::read_to_string(&out)
            .expect("parse")
            .contains("\"cue\""),
        "the parse holds prose sources"
    );
    same_from_parsed(&[&text], &[&out], &["--citations-only"]);
}

/// Line ends, a byte-order mark, blanks at line ends, tabs, wide characters, and text
/// between articles that belongs to none of them.
#[test]
fn awkward_text_keeps_its_lines_and_columns() {
    let dir = Scratch::new("parsed-awkward");
    let body = "Publication: Monitor Volume: 3 Issue: 12 Date: May 4, 1997\n\n\
                Tanks crossed the river at dawn, say locals (AFP, May 2; Kyodo, May 3).   \n\n\
                Ministers in Tbilisi — «officially» — denied it (Interfax, May 3).\t\n\n\
                * * *\n\n\
                Publication: Monitor Volume: 3 Issue: 13 Date: May 5, 1997\n\n\
                The talks stalled, officials said (see the Monitor, May 4, 1997).\n\n\
                Nobody cited this at all.\n";
    let variants = [
        ("plain.txt", body.to_string()),
        ("crlf.txt", body.replace('\n', "\r\n")),
        ("cr.txt", body.replace('\n', "\r")),
        ("bom.txt", format!("\u{FEFF}{body}")),
        ("indented.txt", body.replace("\n\n", "\n\n   ")),
    ];
    for (name, text) in variants {
        let path = dir.join(name).display().to_string();
        std::fs::write(&path, &text).expect("write");
        let out = dir.join(format!("{name}.jsonl")).display().to_string();
        parse_to(&[&path], &out, &[]);
        same_from_parsed(&[&path], &[&out], &[]);
    }
}

#[test]
fn a_bad_line_is_reported_with_its_place_and_the_rest_is_judged() {
    let dir = Scratch::new("parsed-bad");
    let text = dir.join("t.txt").display().to_string();
    std::fs::write(
        &text,
        "Troops moved north (AFP, May 2; Kyodo, May 3).\n\nTalks stalled (Interfax, May 4).\n",
    )
    .expect("write");
    let good = dir.join("good.jsonl").display().to_string();
    parse_to(&[&text], &good, &[]);
    let good_lines = std::fs::read_to_string(&good).expect("read");
    let want = srcgraph(&["check", "-q", "--format", "json", "--from-parsed", &good]);

    let bad = dir.join("bad.jsonl");
    std::fs::write(&bad, format!("{{\"path\": 3}}\nnot json\n\n{good_lines}")).expect("write");
    let bad = bad.display().to_string();
    let o = run(&["check", "--format", "json", "--from-parsed", &bad], None);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains(&format!("{bad}:1: not an article")), "{err}");
    assert!(err.contains(&format!("{bad}:2: not an article")), "{err}");
    assert_eq!(o.stdout, want);

    // Parsed without --with-text: said how to fix it.
    let bare = dir.join("bare.jsonl").display().to_string();
    srcgraph(&["parse", "-q", "--format", "jsonl", "-o", &bare, &text]);
    let o = run(&["check", "--from-parsed", &bare], None);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains(&format!("{bare}:1: the article carries no text")),
        "{err}"
    );
    assert!(err.contains("--with-text"), "{err}");

    // A JSON document is one error, not one per line.
    let doc = dir.join("doc.json").display().to_string();
    srcgraph(&[
        "parse",
        "-q",
        "--format",
        "json",
        "--with-text",
        "-o",
        &doc,
        &text,
    ]);
    let o = run(&["check", "-q", "--from-parsed", &doc, &good], None);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("not JSON Lines"), "{err}");

    // A missing file is an error; the file after it is still judged.
    let o = run(
        &[
            "check",
            "--format",
            "json",
            "--from-parsed",
            "missing.jsonl",
            &good,
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("missing.jsonl"));
    assert_eq!(o.stdout, want);

    // --with-text is for JSON.
    let o = run(&["parse", "--format", "text", "--with-text", &text], None);
    assert_eq!(o.status.code(), Some(2));
}
