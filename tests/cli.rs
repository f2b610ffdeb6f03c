//! The `srcgraph` binary end to end: formats, inputs of every kind, exit statuses, messages.

#[path = "support/scratch.rs"]
mod scratch;

use scratch::Scratch;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_srcgraph"));
    c.env_remove("NO_COLOR").env_remove("CLICOLOR_FORCE");
    c
}

fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut c = bin();
    c.args(args).stdout(Stdio::piped()).stderr(Stdio::piped());
    c.stdin(if stdin.is_some() {
        Stdio::piped()
    } else {
        Stdio::null()
    });
    let mut child = c.spawn().expect("spawn srcgraph");
    if let Some(data) = stdin {
        let mut pipe = child.stdin.take().expect("stdin");
        pipe.write_all(data).expect("write stdin");
    }
    child.wait_with_output().expect("wait")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A fresh scratch directory for one test, removed when it ends.
fn scratch(name: &str) -> Scratch {
    Scratch::new(&format!("test-{name}"))
}

fn sample(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("samples")
        .join(name)
        .display()
        .to_string()
}

const ARTICLE: &str = "Publication: Monitor Volume: 7 Issue: 79\n\nIt was put off (AFP, April 20; Kyodo, April 16, 20).\n";

#[test]
fn text_output_names_file_line_and_column() {
    let o = run(&["parse", "--format", "text", &sample("seed.txt")], None);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.contains(
            "seed.txt:5:917: (AFP, April 20; Kyodo, April 16, 20; Russian agencies, April 17)"
        ),
        "{out}"
    );
    assert!(
        out.contains("JoongAng Ilbo [newspaper] 2001-04-22"),
        "{out}"
    );
}

#[test]
fn jsonl_has_one_article_per_line_in_the_eval_shape() {
    let o = run(
        &["parse", "--format", "jsonl", &sample("monitor-caspian.txt")],
        None,
    );
    assert_eq!(o.status.code(), Some(0));
    let lines: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    assert_eq!(lines.len(), 2, "two articles in the file");
    let c = &lines[0]["citations"][0];
    for key in ["paragraph", "line", "column", "span", "raw", "refs"] {
        assert!(!c[key].is_null(), "citation has {key}");
    }
    let r = &c["refs"][1];
    assert_eq!(r["outlet"], "Interfax");
    assert_eq!(r["kind"], "agency");
    assert_eq!(r["cross_reference"], false);
    assert_eq!(r["dates"][0]["date"], "2000-06-05");
    assert_eq!(r["dates"][0]["end"], "2000-06-06");
    assert_eq!(lines[1]["issue"], 113);
}

#[test]
fn json_is_one_document() {
    let dir = scratch("json");
    let out = dir.join("out.json");
    let o = run(
        &[
            "parse",
            "--format",
            "json",
            &sample("seed.txt"),
            &sample("fbis-trends.txt"),
            "-o",
            out.to_str().unwrap_or_default(),
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(o.stdout.is_empty(), "-o keeps stdout empty");
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).expect("written")).expect("valid JSON");
    assert_eq!(v["version"], 1);
    assert_eq!(v["articles"].as_array().map(Vec::len), Some(2));
}

#[test]
fn stdin_by_dash_and_by_default() {
    for args in [
        &["parse", "--format", "jsonl", "-"][..],
        &["parse", "--format", "jsonl"][..],
    ] {
        let o = run(args, Some(ARTICLE.as_bytes()));
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let v: serde_json::Value = serde_json::from_str(stdout(&o).trim()).expect("JSON");
        assert_eq!(v["path"], "<stdin>");
        assert_eq!(
            v["citations"][0]["refs"][1]["dates"][1]["date"],
            "2001-04-20"
        );
    }
}

#[test]
fn missing_input_is_reported_and_the_rest_processed() {
    let o = run(
        &[
            "parse",
            "--format",
            "jsonl",
            "no/such/file.txt",
            &sample("seed.txt"),
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("no/such/file.txt: no such file or directory"),
        "{}",
        stderr(&o)
    );
    assert_eq!(stdout(&o).lines().count(), 1, "the seed was still parsed");
}

#[test]
fn directories_binary_and_bad_utf8() {
    let dir = scratch("dirs");
    std::fs::create_dir_all(dir.join("sub")).expect("mkdir");
    std::fs::write(dir.join("b.txt"), ARTICLE).expect("write");
    std::fs::write(dir.join("sub/a.txt"), ARTICLE).expect("write");
    std::fs::write(dir.join("c.md"), ARTICLE).expect("write");
    std::fs::write(dir.join("bin.txt"), b"abc\0def").expect("write");
    let bad =
        b"Publication: Monitor Volume: 7 Issue: 79\n\nBad \xff byte (AFP, April 20).\n".to_vec();
    std::fs::write(dir.join("d.txt"), &bad).expect("write");
    std::fs::write(dir.join("e.txt"), b"").expect("write");
    let d = dir.to_str().unwrap_or_default();
    let o = run(&["parse", "--format", "jsonl", d], None);
    assert_eq!(
        o.status.code(),
        Some(2),
        "a binary input skipped makes the results incomplete: {}",
        stderr(&o)
    );
    let paths: Vec<String> = stdout(&o)
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).expect("JSON")["path"]
                .as_str()
                .unwrap_or("")
                .to_string()
        })
        .collect();
    let names: Vec<&str> = paths
        .iter()
        .map(|p| p.rsplit('/').next().unwrap_or(""))
        .collect();
    assert_eq!(
        names,
        ["b.txt", "d.txt", "a.txt"],
        "sorted, *.txt only, binary and empty give nothing"
    );
    let err = stderr(&o);
    assert!(
        err.contains("bin.txt: binary data (NUL byte at offset 3); skipped"),
        "{err}"
    );
    assert!(err.contains("d.txt: invalid UTF-8 at byte 46"), "{err}");
    let o = run(&["parse", "--format", "jsonl", "--glob", "*.md", d], None);
    assert_eq!(stdout(&o).lines().count(), 1);
    let empty = scratch("empty");
    let o = run(&["parse", empty.to_str().unwrap_or_default()], None);
    assert!(
        stderr(&o).contains("directory holds no file matching"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn outlets_file_extends_and_errors_name_line_and_column() {
    let dir = scratch("outlets");
    let good = dir.join("good.toml");
    std::fs::write(&good, "[[outlet]]\nname = \"Evil\\\"]; x [label=\\\"pwn\"\naliases = [\"Evil Gazette\"]\nkind = \"newspaper\"\n").expect("write");
    let o = run(
        &[
            "parse",
            "--format",
            "jsonl",
            "--outlets",
            good.to_str().unwrap_or_default(),
            "-",
        ],
        Some(b"Publication: Monitor Volume: 7 Issue: 79\n\nIt happened (Evil Gazette, April 2).\n"),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(stdout(&o).trim()).expect("JSON");
    assert_eq!(
        v["citations"][0]["refs"][0]["canonical"],
        "Evil\"]; x [label=\"pwn"
    );
    assert_eq!(v["citations"][0]["refs"][0]["kind"], "newspaper");

    let bad = dir.join("bad.toml");
    std::fs::write(&bad, "[[outlet]]\nname = \"X\"\nkind = \"blog\"\n").expect("write");
    let o = run(
        &[
            "parse",
            "--outlets",
            bad.to_str().unwrap_or_default(),
            &sample("seed.txt"),
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("bad.toml:3:8:"), "{}", stderr(&o));
}

#[test]
fn cues_file_extends_the_lexicon_and_errors_name_line_and_column() {
    let dir = scratch("cues");
    let good = dir.join("cues.toml");
    std::fs::write(
        &good,
        "roles = [\"hetman\"]\n[[verbs]]\nclass = \"speech\"\nwords = [\"fulminate\"]\n",
    )
    .expect("write");
    let text: &[u8] = b"The hetman fulminated that the tax was unjust.\n";
    let o = run(&["parse", "--format", "jsonl", "-"], Some(text));
    let v: serde_json::Value = serde_json::from_str(stdout(&o).trim()).expect("JSON");
    assert_eq!(
        v["attributions"].as_array().map(Vec::len),
        Some(0),
        "not a cue yet"
    );
    let o = run(
        &[
            "parse",
            "--format",
            "jsonl",
            "--cues",
            good.to_str().unwrap_or_default(),
            "-",
        ],
        Some(text),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(stdout(&o).trim()).expect("JSON");
    assert_eq!(v["attributions"][0]["text"], "The hetman");
    assert_eq!(v["attributions"][0]["type"], "person");
    assert_eq!(v["attributions"][0]["cue"], "fulminated");

    let bad = dir.join("bad.toml");
    std::fs::write(&bad, "[[verbs]]\nwords = [\"Grouse\"]\n").expect("write");
    let o = run(
        &["parse", "--cues", bad.to_str().unwrap_or_default(), "-"],
        Some(text),
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("bad.toml:2:10:"), "{}", stderr(&o));
}

#[test]
fn usage_errors_exit_2_and_help_has_examples() {
    let o = run(&["parse", "--format", "yaml", "x"], None);
    assert_eq!(o.status.code(), Some(2));
    let o = run(&["parse", "--help"], None);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("Examples:"));
}

#[test]
fn broken_pipe_exits_quietly() {
    let big = ARTICLE.repeat(20_000);
    let mut child = bin()
        .args(["parse", "--format", "jsonl", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut input = child.stdin.take().expect("stdin");
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(big.as_bytes());
    });
    let mut out = child.stdout.take().expect("stdout");
    let mut buf = [0u8; 64];
    let _ = out.read(&mut buf);
    drop(out);
    let _ = writer.join();
    let o = child.wait_with_output().expect("wait");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).is_empty(), "{}", stderr(&o));
}

#[test]
fn strict_years_leave_unknown_years_null() {
    let text = b"A report on the treaty signed on 12 March 1993 (Xinhua, 21 March).\n";
    let o = run(&["parse", "--format", "jsonl", "-"], Some(text));
    let v: serde_json::Value = serde_json::from_str(stdout(&o).trim()).expect("JSON");
    assert_eq!(v["year_source"], "text");
    assert_eq!(
        v["citations"][0]["refs"][0]["dates"][0]["date"],
        "1994-03-21"
    );
    let o = run(
        &["parse", "--format", "jsonl", "--strict-years", "-"],
        Some(text),
    );
    let v: serde_json::Value = serde_json::from_str(stdout(&o).trim()).expect("JSON");
    assert_eq!(v["year"], serde_json::Value::Null);
    assert_eq!(
        v["citations"][0]["refs"][0]["dates"][0]["date"],
        serde_json::Value::Null
    );
    assert_eq!(v["diagnostics"][0]["code"], "unknown-year");
    let o = run(
        &["parse", "--format", "jsonl", "--year", "2001", "-"],
        Some(text),
    );
    let v: serde_json::Value = serde_json::from_str(stdout(&o).trim()).expect("JSON");
    assert_eq!(
        v["citations"][0]["refs"][0]["dates"][0]["date"],
        "2001-03-21"
    );
}

/// `--citations-only` reads the parenthetical citations as always and no source in the
/// prose: a claim that only the prose sources is then unsourced.
#[test]
fn citations_only_leaves_the_prose_unread() {
    let text = b"Publication: Monitor Volume: 5 Issue: 3 Date: March 2, 1999\n\n\
        The ferry across the river stops in the summer, the port authority told \
        Interfax (Interfax, March 1).\n\n\
        The provincial governor said on Monday that the new bridge would open in June.\n";
    let parse = |extra: &[&str]| {
        let args = [&["parse", "--format", "jsonl"][..], extra, &["-"]].concat();
        let o = run(&args, Some(text));
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        serde_json::from_str::<serde_json::Value>(stdout(&o).trim()).expect("JSON")
    };
    let (full, cited) = (parse(&[]), parse(&["--citations-only"]));
    let prose: Vec<&str> = full["attributions"]
        .as_array()
        .expect("attributions")
        .iter()
        .filter_map(|a| a["text"].as_str())
        .collect();
    assert!(prose.contains(&"The provincial governor"), "{prose:?}");
    assert_eq!(cited["attributions"], serde_json::json!([]));
    assert_eq!(cited["citations"], full["citations"]);
    assert_eq!(cited["paragraphs"], full["paragraphs"]);
    let verdicts = |extra: &[&str]| {
        let args = [&["check", "--format", "json", "-q"][..], extra, &["-"]].concat();
        let o = run(&args, Some(text));
        let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("JSON");
        v["inputs"][0]["claims"]
            .as_array()
            .expect("claims")
            .iter()
            .map(|c| c["verdict"].as_str().expect("verdict").to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(verdicts(&[]), ["single-source", "single-source"]);
    assert_eq!(
        verdicts(&["--citations-only"]),
        ["single-source", "unsourced"]
    );
    // The prose lexicon has nothing to do then: giving one is a usage error (before the
    // file is read).
    let dir = scratch("citations-only");
    let cues = dir.join("cues.toml");
    std::fs::write(&cues, "roles = [\"hetman\"]\n").expect("write");
    let cues = cues.display().to_string();
    let o = run(
        &["check", "--citations-only", "--cues", &cues, "-"],
        Some(text),
    );
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("cannot be used with"), "{}", stderr(&o));
    let o = run(&["check", "--cues", &cues, "-q", "-"], Some(text));
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
}

/// The summary line says how many findings fall below the threshold and how many are
/// reported for another reason (here a circle of two outlets citing each other), and the
/// notes say how each outlet of the circle counted.
#[test]
fn the_summary_tells_threshold_findings_from_the_others() {
    let text = b"Publication: Monitor Volume: 5 Issue: 3 Date: March 2, 1999\n\n\
        The dam burst at night (Interfax, citing Trud, March 1; Trud, citing Interfax, \
        March 1; AFP, March 1).\n\nThe mayor resigned (Kyodo, March 1).\n";
    let o = run(&["check", "--color", "never", "-"], Some(text));
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("warning[circular-reporting]"), "{out}");
    // Each outlet of the circle is cited as a source of its own too, so neither note says
    // it is counted once.
    assert!(
        out.contains("= note: Interfax relays Trud, and is cited as a source of its own too"),
        "{out}"
    );
    assert!(!out.contains("counted once"), "{out}");
    assert!(
        out.ends_with(
            "2 reported (1 with fewer than 2 independent sources, 1 for circular reporting \
             or another finding)\n"
        ),
        "{out}"
    );
    // A plain relay is counted once, and says so.
    let relay = b"The talks failed (Interfax, citing Trud, March 1).\n";
    let out = stdout(&run(&["check", "--color", "never", "-"], Some(relay)));
    assert!(
        out.contains("= note: Interfax relays Trud: counted once"),
        "{out}"
    );
    // An outlet citing itself under another name relays nothing.
    let itself = b"The talks failed (Kommersant, citing a report by Kommersant-Daily, March 1).\n";
    let out = stdout(&run(&["check", "--color", "never", "-"], Some(itself)));
    assert!(
        out.contains("= note: Kommersant and Kommersant-Daily are one outlet (Kommersant)"),
        "{out}"
    );
    assert!(!out.contains("relays"), "{out}");
    // Allowed, the circle is no finding and the line is as before.
    let o = run(
        &[
            "check",
            "--allow",
            "circular-reporting",
            "--color",
            "never",
            "-",
        ],
        Some(text),
    );
    assert!(
        stdout(&o).ends_with("1 reported (fewer than 2 independent sources)\n"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn check_reports_claims_below_the_threshold() {
    let o = run(&["check", "--color", "never", &sample("seed.txt")], None);
    assert_eq!(o.status.code(), Some(1), "findings exit 1: {}", stderr(&o));
    let out = stdout(&o);
    assert_eq!(out.matches("warning[single-source]").count(), 1, "{out}");
    assert_eq!(out.matches("warning[self-referenced]").count(), 3);
    assert_eq!(out.matches("warning[unsourced]").count(), 1);
    assert!(out.contains("--> "), "rustc-style location");
    assert!(
        out.contains("seed.txt:7:885"),
        "points at the JoongAng Ilbo group: {out}"
    );
    assert!(out.contains("^^^^^^^^^^^^^^^^^^^^^^^^^"), "underline");
    assert!(out.contains("= note: sources: JoongAng Ilbo [newspaper]"));
    assert!(!out.contains('\x1b'), "no colour with --color never");
    assert!(
        out.lines().last().is_some_and(|l| l.contains(
            "7 claims: 2 corroborated, 1 single-source, 3 self-referenced, 1 unsourced; 5 reported"
        )),
        "{out}"
    );

    let o = run(
        &[
            "check",
            "--allow",
            "self-referenced,unsourced",
            "--min-sources",
            "1",
            &sample("seed.txt"),
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let o = run(&["check", "--color", "always", &sample("seed.txt")], None);
    assert!(
        stdout(&o).contains("\x1b[1m\x1b[33mwarning[single-source]\x1b[0m"),
        "colour when asked"
    );
}

#[test]
fn check_json_and_unreadable_inputs() {
    let o = run(
        &[
            "check",
            "--format",
            "json",
            &sample("seed.txt"),
            "missing.txt",
        ],
        None,
    );
    assert_eq!(
        o.status.code(),
        Some(2),
        "unreadable input wins over findings"
    );
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    assert_eq!(v["min_sources"], 2);
    let input = &v["inputs"][0];
    assert_eq!(input["findings"], 5);
    let claims = input["claims"].as_array().expect("claims");
    assert_eq!(claims.len(), 7);
    assert_eq!(claims[1]["verdict"], "single-source");
    assert_eq!(claims[1]["finding"], "single-source");
    assert_eq!(claims[0]["finding"], serde_json::Value::Null);
    assert_eq!(
        claims[0]["independent_sources"], 4,
        "AFP, Kyodo, Russian agencies, and Yonhap in the prose"
    );
    assert_eq!(claims[1]["line"], 7);
    assert!(claims[1]["span"].is_array());
    assert_eq!(input["articles"][0]["verdicts"]["self-referenced"], 3);
}

#[test]
fn graph_writes_dot_and_honours_selections() {
    let dir = scratch("graph");
    let out = dir.join("seed.dot");
    let o = run(
        &[
            "graph",
            &sample("seed.txt"),
            "-o",
            out.to_str().unwrap_or_default(),
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let dot = std::fs::read_to_string(&out).expect("written");
    assert!(dot.starts_with("digraph srcgraph {"));
    let again = run(&["graph", &sample("seed.txt")], None);
    assert_eq!(stdout(&again), dot, "byte-identical across runs");

    let o = run(
        &[
            "graph",
            "--focus",
            "Kyodo",
            "--depth",
            "1",
            "--no-legend",
            &sample("seed.txt"),
        ],
        None,
    );
    let dot = stdout(&o);
    assert_eq!(
        dot.matches("shape=box style=\"rounded,filled\"").count(),
        2,
        "two claims cite Kyodo"
    );
    assert!(!dot.contains("cluster_legend"));
    let o = run(
        &[
            "graph",
            "--verdict",
            "unsourced",
            "--dates",
            "none",
            &sample("seed.txt"),
        ],
        None,
    );
    assert!(stdout(&o).contains("unsourced\"") && !stdout(&o).contains("corroborated ("));
    let o = run(&["graph", "--dates", "nodes", &sample("seed.txt")], None);
    assert!(
        stdout(&o).contains("d0[shape=ellipse label=\"2001-04-20\""),
        "{}",
        stdout(&o)
    );
    let o = run(
        &["graph", "--focus", "No Such Outlet", &sample("seed.txt")],
        None,
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("matches no outlet"));
}

#[test]
fn hostile_names_through_outlets_make_well_formed_dot() {
    let dir = scratch("hostile");
    let toml = dir.join("evil.toml");
    std::fs::write(
        &toml,
        "[[outlet]]\nname = \"Evil\\\"]; x [label=\\\"pwn\"\naliases = [\"Evil Gazette\"]\n\
         [[outlet]]\nname = \"line\\nbreak \\\\ {x} <y>\"\naliases = [\"Odd Weekly\"]\n",
    )
    .expect("write");
    let o = run(
        &["graph", "--outlets", toml.to_str().unwrap_or_default(), "-"],
        Some(b"Publication: Monitor Volume: 7 Issue: 79\n\nOne (Evil Gazette, April 2). Two (Odd Weekly, April 3).\n"),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let dot = stdout(&o);
    graphviz_rust::parse(&dot).expect("parses");
    assert!(
        dot.contains(r#"label="Evil\"]; x [label=\"pwn\nunknown""#),
        "{dot}"
    );
    assert!(
        dot.contains(r#"label="line\nbreak \\ {x} <y>\nunknown""#),
        "{dot}"
    );
}

/// Names with control characters, terminal escapes, quotes, markup and CSV specials.
fn hostile_outlets_file(dir: &Path) -> PathBuf {
    let toml = dir.join("hostile.toml");
    std::fs::write(
        &toml,
        "[[outlet]]\nname = \"Red\\u001b[31m Gazette\\u0007\"\naliases = [\"Escape Daily\"]\n\
         [[outlet]]\nname = \"</script><script>alert(1)</script>]]>\"\naliases = [\"Markup Times\"]\n\
         [[outlet]]\nname = \"Comma, \\\"Quote\\\" & Nul\\u0000 \\\\ Weekly\"\naliases = [\"Csv Weekly\"]\n",
    )
    .expect("write");
    toml
}

const HOSTILE_ARTICLE: &[u8] = b"Publication: Monitor Volume: 7 Issue: 79\n\n\
    One (Escape Daily, April 2). Two (Markup Times, April 3). Three (Csv Weekly, April 4).\n";

#[test]
fn hostile_names_round_trip_through_json_and_are_sanitised_for_terminals() {
    let dir = scratch("hostile-json");
    let toml = hostile_outlets_file(&dir);
    let t = toml.to_str().unwrap_or_default();
    let o = run(
        &["parse", "--format", "jsonl", "--outlets", t, "-"],
        Some(HOSTILE_ARTICLE),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(stdout(&o).trim()).expect("valid JSON");
    let names: Vec<&str> = (0..3)
        .map(|i| {
            v["citations"][i]["refs"][0]["canonical"]
                .as_str()
                .unwrap_or("")
        })
        .collect();
    assert_eq!(
        names,
        [
            "Red\x1b[31m Gazette\x07",
            "</script><script>alert(1)</script>]]>",
            "Comma, \"Quote\" & Nul\0 \\ Weekly"
        ]
    );
    for args in [
        &["parse", "--format", "text"][..],
        &["check", "--color", "never"][..],
    ] {
        let mut a = args.to_vec();
        a.extend(["--outlets", t, "-"]);
        let o = run(&a, Some(HOSTILE_ARTICLE));
        let out = stdout(&o);
        assert!(
            !out.contains('\x1b') && !out.contains('\x07') && !out.contains('\0'),
            "{out:?}"
        );
        assert!(out.contains("Red\\u{1b}[31m Gazette\\u{7}"), "{out}");
    }
    let o = run(&["graph", "--outlets", t, "-"], Some(HOSTILE_ARTICLE));
    let dot = stdout(&o);
    assert!(
        !dot.contains('\0') && !dot.contains('\x1b'),
        "control characters become spaces in DOT"
    );
    graphviz_rust::parse(&dot).expect("parses");
}

#[test]
fn a_large_single_paragraph_is_parsed() {
    // 4 MB on one line (the release build handles 100 MB the same way; see docs/reliability.md).
    let unit =
        "Officials said the talks stalled again (Interfax, April 2) while others disagreed. ";
    let text = format!(
        "Publication: Monitor Volume: 7 Issue: 79\n\n{}\n",
        unit.repeat(4_000_000 / unit.len())
    );
    let o = run(&["parse", "--format", "jsonl", "-"], Some(text.as_bytes()));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(stdout(&o).trim()).expect("JSON");
    assert_eq!(
        v["citations"].as_array().map(Vec::len),
        Some(4_000_000 / unit.len())
    );
}

#[cfg(unix)]
#[test]
fn unreadable_entries_are_reported_and_the_rest_processed() {
    let dir = scratch("unreadable");
    std::fs::write(dir.join("a.txt"), ARTICLE).expect("write");
    std::os::unix::fs::symlink(dir.join("gone.txt"), dir.join("b.txt")).expect("symlink");
    std::fs::write(dir.join("c.txt"), ARTICLE).expect("write");
    let o = run(
        &[
            "parse",
            "--format",
            "jsonl",
            dir.to_str().unwrap_or_default(),
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("b.txt: no such file or directory"),
        "{}",
        stderr(&o)
    );
    assert_eq!(
        stdout(&o).lines().count(),
        2,
        "a.txt and c.txt still parsed"
    );
    // A directory given where a file is read: named, and the run goes on.
    let o = run(
        &[
            "check",
            dir.join("a.txt").to_str().unwrap_or_default(),
            "/proc/self/nonexistent",
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(stdout(&o).contains("a.txt: 1 article"), "{}", stdout(&o));
}

#[test]
fn check_names_parse_problems_on_stderr() {
    let o = run(
        &["check", "-"],
        Some(b"Publication: Monitor Volume: 7 Issue: 79\n\nIt was (AFP, April 2.\n"),
    );
    // The form of the findings (rustc's), on standard error.
    assert!(
        stderr(&o).contains("warning[unclosed-paren]: `(` is not closed before the end of its paragraph\n  --> <stdin>:3:8"),
        "{}",
        stderr(&o)
    );
    let o = run(&["check", "--quiet", "-"], Some(b"It was (AFP, April 2.\n"));
    assert!(stderr(&o).is_empty());
}

#[test]
fn render_falls_back_without_graphviz_and_explains_png() {
    let dir = scratch("render");
    let empty_path = dir.join("bin");
    std::fs::create_dir_all(&empty_path).expect("dir");
    let svg = dir.join("seed.svg");
    let png = dir.join("seed.png");
    let mut c = bin();
    let o = c
        .env("PATH", &empty_path)
        .args([
            "render",
            &sample("seed.txt"),
            "-o",
            svg.to_str().unwrap_or_default(),
        ])
        .output()
        .expect("run");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("built-in layout"));
    assert!(std::fs::read_to_string(&svg).expect("svg").contains("<svg"));
    let o = bin()
        .env("PATH", &empty_path)
        .args([
            "render",
            &sample("seed.txt"),
            "-o",
            png.to_str().unwrap_or_default(),
        ])
        .output()
        .expect("run");
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("apt-get install graphviz"),
        "{}",
        stderr(&o)
    );
    let o = run(
        &[
            "render",
            &sample("seed.txt"),
            "-o",
            dir.join("x.gif").to_str().unwrap_or_default(),
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("cannot tell the image format"));
}

#[test]
fn graph_formats_from_the_command_line() {
    let dir = scratch("formats");
    for f in ["json", "graphml", "gexf"] {
        let o = run(&["graph", "--format", f, &sample("seed.txt")], None);
        assert_eq!(o.status.code(), Some(0), "{f}: {}", stderr(&o));
        assert!(!o.stdout.is_empty());
    }
    let o = run(&["graph", "--format", "csv", &sample("seed.txt")], None);
    assert_eq!(o.status.code(), Some(2), "csv needs -o DIR");
    let out = dir.join("tables");
    let o = run(
        &[
            "graph",
            "--format",
            "csv",
            &sample("seed.txt"),
            "-o",
            out.to_str().unwrap_or_default(),
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(out.join("nodes.csv").exists() && out.join("edges.csv").exists());
}

#[test]
fn output_is_deterministic_across_runs_and_argument_forms() {
    let dir = scratch("determinism");
    for name in ["seed.txt", "monitor-caspian.txt", "fbis-trends.txt"] {
        std::fs::copy(sample(name), dir.join(name)).expect("copy");
    }
    let d = dir.to_str().unwrap_or_default();
    for cmd in [
        &["parse", "--format", "jsonl"][..],
        &["check", "--format", "json"][..],
        &["graph", "--format", "graphml"][..],
    ] {
        let mut a = cmd.to_vec();
        a.push(d);
        let first = run(&a, None);
        let second = run(&a, None);
        assert_eq!(
            first.stdout, second.stdout,
            "{cmd:?}: same bytes across runs"
        );
    }
    // A directory is read in path order: the same as naming its files sorted.
    let by_dir = run(&["parse", "--format", "jsonl", d], None);
    let files: Vec<String> = ["fbis-trends.txt", "monitor-caspian.txt", "seed.txt"]
        .iter()
        .map(|n| dir.join(n).display().to_string())
        .collect();
    let mut a = vec!["parse", "--format", "jsonl"];
    a.extend(files.iter().map(String::as_str));
    let by_files = run(&a, None);
    assert_eq!(by_dir.stdout, by_files.stdout);
}

#[test]
fn prose_sources_reach_parse_graph_and_check() {
    let text = b"Publication: Monitor Volume: 7 Issue: 79\n\n\
        The talks stalled, Foreign Minister Igor Ivanov said on Tuesday.\n\n\
        One unnamed diplomatic source said the deal was done.\n\n\
        Some observers believe the summit will fail.\n";
    let o = run(&["parse", "--format", "json", "-"], Some(text));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    let attrs = v["articles"][0]["attributions"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let got: Vec<(String, String)> = attrs
        .iter()
        .map(|a| {
            (
                a["text"].as_str().unwrap_or("").to_string(),
                a["type"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                "Foreign Minister Igor Ivanov".to_string(),
                "person".to_string()
            ),
            (
                "One unnamed diplomatic source".to_string(),
                "anonymous".to_string()
            ),
            ("Some observers".to_string(), "vague".to_string()),
        ]
    );
    let o = run(
        &[
            "check",
            "--scope",
            "paragraph",
            "--allow",
            "unsourced",
            "--deny",
            "anonymous-only,vague-only",
            "--color",
            "never",
            "-",
        ],
        Some(text),
    );
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        out.contains("warning[anonymous-only]") && out.contains("warning[vague-only]"),
        "{out}"
    );
    assert_eq!(
        out.matches("warning[single-source]").count(),
        1,
        "a named minister is one source: {out}"
    );
    let o = run(
        &[
            "check",
            "--scope",
            "paragraph",
            "--min-sources",
            "1",
            "--allow",
            "unsourced",
            "-",
        ],
        Some(text),
    );
    assert_eq!(
        o.status.code(),
        Some(0),
        "without --deny unnamed-only claims are just unsourced: {}",
        stdout(&o)
    );
    let o = run(&["graph", "--scope", "paragraph", "-"], Some(text));
    let dot = stdout(&o);
    assert!(dot.contains("s0[shape=ellipse style=\"filled\""), "{dot}");
    assert!(
        dot.contains("label=\"said\""),
        "attribution edges carry their cue"
    );
}

#[test]
fn check_and_stats_skip_binary_inputs_and_read_stdin_twice() {
    let dir = scratch("check-binary");
    let bin = dir.join("data.txt");
    std::fs::write(&bin, b"abc\0def").expect("write");
    let bin = bin.display().to_string();
    let o = run(&["check", &bin, &sample("seed.txt")], None);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("binary data (NUL byte at offset 3); skipped"));
    assert!(!stdout(&o).contains("data.txt:"), "{}", stdout(&o));
    assert!(stdout(&o).contains("seed.txt: 1 article, 7 claims"));
    // Standard input is read once (and judged in one pass).
    let seed = std::fs::read(sample("seed.txt")).expect("seed");
    let o = run(&["check", "--format", "json", "-"], Some(&seed));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    assert_eq!(v["inputs"][0]["path"], "<stdin>");
    assert_eq!(v["inputs"][0]["claims"].as_array().map(Vec::len), Some(7));
    let o = run(&["stats", "-", &bin], Some(&seed));
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stdout(&o).starts_with("1 article, 7 claims"),
        "{}",
        stdout(&o)
    );
}

/// Standard input and `--one-pass` judge as they read, and say what came too late.
#[test]
fn one_pass_check_reports_as_it_reads_and_says_what_it_missed() {
    let newest_first = "Publication: Eurasia Daily Monitor Volume: 6 Issue: 14 Date: 2009-01-23

The talks collapsed, as reported (see EDM, January 20).

Publication: Eurasia Daily Monitor Volume: 6 Issue: 12 Date: 2009-01-20

Gas talks resumed in Moscow (Kommersant, January 19; Reuters, January 19).
";
    let dir = scratch("one-pass");
    let file = dir.join("newest-first.txt");
    std::fs::write(&file, newest_first).expect("write");
    let file = file.display().to_string();
    let json =
        |o: &Output| -> serde_json::Value { serde_json::from_str(&stdout(o)).expect("JSON") };
    // Two passes over a file: the first claim inherits the second issue's sources.
    let two = run(
        &["check", "--format", "json", "--chunk-size", "1", &file],
        None,
    );
    let v = json(&two);
    assert!(v["inputs"][0].get("one_pass").is_none());
    assert_eq!(v["inputs"][0]["claims"][0]["verdict"], "corroborated");
    // One pass, from standard input or a file: judged before the issue was read.
    for o in [
        run(
            &["check", "--format", "json", "--chunk-size", "1", "-"],
            Some(newest_first.as_bytes()),
        ),
        run(
            &[
                "check",
                "--format",
                "json",
                "--chunk-size",
                "1",
                "--one-pass",
                &file,
            ],
            None,
        ),
    ] {
        let v = json(&o);
        assert_eq!(v["inputs"][0]["one_pass"]["forward_references"], 1, "{v}");
        assert_ne!(v["inputs"][0]["claims"][0]["verdict"], "corroborated");
        assert!(
            stderr(&o).contains("judged in one pass, so some verdicts may differ")
                && stderr(&o).contains("1 cross-referenced issue came later in the input"),
            "{}",
            stderr(&o)
        );
    }
    // Read whole, one pass sees both issues at once and misses nothing.
    let o = run(
        &["check", "--format", "json", "-"],
        Some(newest_first.as_bytes()),
    );
    let v = json(&o);
    assert_eq!(v["inputs"][0]["claims"][0]["verdict"], "corroborated");
    assert_eq!(v["inputs"][0]["one_pass"]["forward_references"], 0);
    assert!(!stderr(&o).contains("one pass"), "{}", stderr(&o));
    // `stats` on a pipe reads once as well, and says so when it matters.
    let o = run(
        &["stats", "--format", "json", "--chunk-size", "1", "-"],
        Some(newest_first.as_bytes()),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("<stdin>: judged in one pass"),
        "{}",
        stderr(&o)
    );
    let two = run(
        &["stats", "--format", "json", "--chunk-size", "1", &file],
        None,
    );
    assert!(!stderr(&two).contains("one pass"), "{}", stderr(&two));
    assert_ne!(
        stdout(&o),
        stdout(&two),
        "the forward reference changes a verdict"
    );
    // Empty standard input is an input of no articles, as an empty file is.
    let o = run(&["check", "-"], Some(b""));
    assert_eq!(o.status.code(), Some(0));
    assert!(
        stdout(&o).starts_with("<stdin>: 0 articles, 0 claims"),
        "{}",
        stdout(&o)
    );
}

/// Past a megabyte, `stats` keeps its per-article rows and `check --format json` its article
/// summaries in a temporary file: the output is whole, the file is gone afterwards, and an
/// unwritable temporary directory is an error that names the directory.
#[test]
fn rows_past_a_megabyte_go_through_a_temporary_file() {
    let dir = scratch("spill");
    // A long publication name makes long rows: 4 000 of them pass the megabyte.
    let articles = 4_000;
    let publication = "The Very Long Name of a Monitor ".repeat(8);
    let corpus: String = (0..articles)
        .map(|i| {
            format!("Publication: {publication}Volume: 3 Issue: {i}\n\nA claim (AFP, April 2).\n\n")
        })
        .collect();
    let file = dir.join("many.txt");
    std::fs::write(&file, corpus).expect("write");
    let file = file.display().to_string();
    let tmp = dir.join("tmp");
    std::fs::create_dir_all(&tmp).expect("tmp");
    let with_tmp = |tmp: &Path, args: &[&str]| {
        let mut c = bin();
        c.env("TMPDIR", tmp).args(args).arg(&file);
        c.output().expect("run")
    };
    let csv = with_tmp(&tmp, &["stats", "--format", "csv"]);
    assert_eq!(csv.status.code(), Some(0), "{}", stderr(&csv));
    let rows = stdout(&csv)
        .lines()
        .filter(|l| l.starts_with("article,") && l.contains(",label,"))
        .count();
    assert_eq!(rows, articles);
    let json = with_tmp(&tmp, &["check", "--format", "json", "--min-sources", "1"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&json)).expect("JSON");
    assert_eq!(
        v["inputs"][0]["articles"].as_array().map(Vec::len),
        Some(articles)
    );
    let left: Vec<_> = std::fs::read_dir(&tmp).expect("tmp").collect();
    assert!(left.is_empty(), "left behind: {left:?}");

    let missing = dir.join("no-such-dir");
    let o = with_tmp(&missing, &["stats"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("in a temporary file in") && err.contains(&*missing.display().to_string()),
        "{err}"
    );
}

/// The parse pass 1 keeps for the readings after it goes to a temporary file past a
/// megabyte; when that cannot be written, the later readings parse again: the same output,
/// no error.
#[test]
fn parses_kept_between_readings_need_no_temporary_directory() {
    let dir = scratch("memo");
    // About 40 000 sources named in the prose: more than a megabyte of kept records.
    let corpus: String = (0..2_000)
        .map(|i| {
            let said: String = (0..20)
                .map(|k| format!("Minister Ivanov{k} said talks {i} stalled. "))
                .collect();
            format!("Publication: Monitor Volume: 3 Issue: {i}\n\n{said}(AFP, April 2).\n\n")
        })
        .collect();
    let file = dir.join("sources.txt");
    std::fs::write(&file, corpus).expect("write");
    let tmp = dir.join("tmp");
    std::fs::create_dir_all(&tmp).expect("tmp");
    let missing = dir.join("no-such-dir");
    for args in [&["check"][..], &["graph"][..], &["stats"][..]] {
        let out = |t: &Path| {
            let mut c = bin();
            c.env("TMPDIR", t).args(args).arg(&file);
            c.output().expect("run")
        };
        let (kept, lost) = (out(&tmp), out(&missing));
        assert!(stdout(&kept).len() > 500, "{args:?}: {}", stderr(&kept));
        assert_eq!(
            kept.status.code(),
            lost.status.code(),
            "{args:?}: {}",
            stderr(&lost)
        );
        assert_eq!(stdout(&kept), stdout(&lost), "{args:?}");
        assert_eq!(stderr(&kept), stderr(&lost), "{args:?}");
    }
    let left: Vec<_> = std::fs::read_dir(&tmp).expect("tmp").collect();
    assert!(left.is_empty(), "left behind: {left:?}");
}

/// `graph` reads standard input twice, keeping it between the passes — past a megabyte in a
/// temporary file — and draws the graph the same text read from a file gives.
#[test]
fn graph_from_a_long_pipe_is_the_graph_of_the_file() {
    let dir = scratch("long-pipe");
    let seed = std::fs::read_to_string(sample("seed.txt")).expect("seed");
    let text = format!("{}\n\n", seed.trim_end()).repeat(200);
    assert!(text.len() > 1 << 20, "{} bytes", text.len());
    std::fs::write(dir.join("pipe.txt"), &text).expect("write");
    let from_file = bin()
        .current_dir(&*dir)
        .args(["graph", "--format", "json", "pipe.txt"])
        .output()
        .expect("run");
    assert_eq!(from_file.status.code(), Some(0), "{}", stderr(&from_file));
    let from_pipe = run(&["graph", "--format", "json", "-"], Some(text.as_bytes()));
    assert_eq!(from_pipe.status.code(), Some(0), "{}", stderr(&from_pipe));
    assert!(
        stdout(&from_pipe) == stdout(&from_file).replace("pipe.txt", "<stdin>"),
        "the graphs differ"
    );
}

#[test]
fn header_less_items_on_standard_input_are_separated_by_form_feeds() {
    let items = [
        "Dam fails in the north\n\nThe dam failed (Interfax, May 2).\n",
        "Mayor resigns\n\nThe mayor resigned (Reuters, May 3).\n",
        "Prices rise\n\nPrices rose (AFP, May 4). Nothing else happened.\n",
    ];
    // What `awk 'FNR==1 && NR>1 {printf "\f\n"} 1' items/*.txt` writes.
    let joined = items.join("\x0c\n");
    let o = run(
        &["parse", "--format", "jsonl", "-"],
        Some(joined.as_bytes()),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let titles: Vec<String> = stdout(&o)
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("JSON");
            v["title"].as_str().unwrap_or("").to_string()
        })
        .collect();
    assert_eq!(
        titles,
        ["Dam fails in the north", "Mayor resigns", "Prices rise"]
    );
    // Without a separator they are one article.
    let o = run(
        &["parse", "--format", "jsonl", "-"],
        Some(items.concat().as_bytes()),
    );
    assert_eq!(stdout(&o).lines().count(), 1);
}

#[test]
fn markdown_inputs_are_read_as_their_text_with_spans_into_the_file() {
    let dir = scratch("markdown");
    let md = "# Grid *Reconnected*\n\n\
              Publication: Eurasia Daily Monitor Volume: 6 Issue: 201\n\n\
              The **grid operator** finished the link, [Interfax](https://if.example/a) reported \
              ([Interfax](https://if.example/a), October 29; *Kommersant*, October 30).\n";
    let path = dir.join("item.md");
    std::fs::write(&path, md).expect("write");
    let path = path.display().to_string();
    let o = run(&["parse", "--format", "jsonl", &path], None);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(stdout(&o).trim()).expect("JSON");
    assert_eq!(v["title"], "Grid Reconnected");
    let c = &v["citations"][0];
    let names = outlets_of(c);
    assert_eq!(names, ["Interfax", "Kommersant"]);
    // Spans, lines and columns point into the file as written.
    let span = &c["span"];
    let (s, e) = span_of(span);
    assert!(
        md[s..e].starts_with("([Interfax](https://"),
        "{}",
        &md[s..e]
    );
    assert_eq!(c["line"], 5);
    // The prose outlet is found through the link.
    assert!(
        v["attributions"]
            .as_array()
            .expect("attributions")
            .iter()
            .any(|a| a["text"] == "Interfax" && a["type"] == "outlet"),
        "{}",
        v["attributions"]
    );
    // As text, the same file keeps its markup.
    let o = run(
        &[
            "parse",
            "--format",
            "jsonl",
            "--input-format",
            "text",
            &path,
        ],
        None,
    );
    let v: serde_json::Value = serde_json::from_str(stdout(&o).trim()).expect("JSON");
    assert_eq!(v["title"], "# Grid *Reconnected*");
}

#[test]
fn html_pages_are_read_as_their_text_with_positions_in_the_file() {
    let dir = scratch("html");
    let page = "<!DOCTYPE html>\n<html><head><title>x</title>\n\
                <script>var q = \"(Fake, May 1)\";</script></head>\n<body>\n\
                <nav><a href=\"/\">Home</a></nav>\n\
                <h1>Port Strike Ends</h1>\n\
                <p>Dockworkers&rsquo; leaders said the strike was over\n\
                (<a href=\"https://example.org/bns\">BNS</a>, March 13; <em>Delfi</em>, March 14).</p>\n\
                </body></html>\n";
    let path = dir.join("page.html");
    std::fs::write(&path, page).expect("write");
    let path = path.display().to_string();
    let o = run(
        &["parse", "--format", "jsonl", "--year", "2006", &path],
        None,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(stdout(&o).trim()).expect("JSON");
    assert_eq!(v["title"], "Port Strike Ends");
    let c = &v["citations"][0];
    let names = outlets_of(c);
    assert_eq!(names, ["BNS", "Delfi"]);
    assert_eq!(
        v["citations"].as_array().map(Vec::len),
        Some(1),
        "no script text"
    );
    // The group's span, line and column are those of the file as written.
    let (s, e) = span_of(&c["span"]);
    assert!(page[s..e].starts_with("(<a href="), "{}", &page[s..e]);
    let line = page[..s].matches('\n').count() + 1;
    assert_eq!(c["line"], line);
    assert_eq!(c["column"], 1);
    // The same page as text keeps its tags.
    let o = run(
        &[
            "parse",
            "--format",
            "jsonl",
            "--input-format",
            "text",
            &path,
        ],
        None,
    );
    assert!(stdout(&o).contains("Fake"), "{}", stdout(&o));
}

/// The outlets of a citation of `parse --format jsonl`, as written.
fn outlets_of(citation: &serde_json::Value) -> Vec<&str> {
    citation["refs"]
        .as_array()
        .expect("refs")
        .iter()
        .map(|r| r["outlet"].as_str().unwrap_or(""))
        .collect()
}

/// A JSON span `[start, end]` as byte offsets.
fn span_of(span: &serde_json::Value) -> (usize, usize) {
    let at = |i: usize| span[i].as_u64().expect("offset") as usize;
    (at(0), at(1))
}

#[test]
fn check_reports_the_verdicts_asked_for() {
    let o = run(
        &[
            "check",
            "--verdict",
            "unsourced,self-referenced",
            &sample("seed.txt"),
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let out = stdout(&o);
    assert_eq!(out.matches("warning[unsourced]").count(), 1, "{out}");
    assert_eq!(out.matches("warning[self-referenced]").count(), 3, "{out}");
    assert!(!out.contains("warning[single-source]"), "{out}");
    assert!(
        out.contains("4 reported (verdict unsourced or self-referenced)"),
        "{out}"
    );
    let o = run(
        &["check", "--verdict", "corroborated", &sample("seed.txt")],
        None,
    );
    assert_eq!(stdout(&o).matches("warning[corroborated]").count(), 2);
}

#[test]
fn completions_and_man_page_are_generated() {
    for (what, marker) in [
        ("complete-bash", "_srcgraph()"),
        ("complete-zsh", "#compdef srcgraph"),
        ("complete-fish", "complete -c srcgraph"),
        ("complete-powershell", "Register-ArgumentCompleter"),
        ("man", ".TH srcgraph 1"),
    ] {
        let o = run(&["--generate", what], None);
        assert_eq!(o.status.code(), Some(0), "{what}: {}", stderr(&o));
        let out = stdout(&o);
        assert!(
            out.contains(marker),
            "{what}: {}",
            &out[..out.len().min(300)]
        );
        assert!(out.contains("check"), "{what} names the subcommands");
    }
    // No subcommand at all is a usage error that shows the help.
    let o = run(&[], Some(b""));
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("Usage: srcgraph"), "{}", stderr(&o));
}

#[test]
fn render_refuses_a_graph_too_large_to_lay_out() {
    let dir = scratch("render-large");
    let mut text = String::from("Publication: Monitor Volume: 7 Issue: 79\n\n");
    for i in 0..2600 {
        text.push_str(&format!(
            "Claim number {i} was made (Outlet{i}a, April 2; Outlet{i}b, April 3).\n\n"
        ));
    }
    let input = dir.join("big.txt");
    std::fs::write(&input, text).expect("write");
    let out = dir.join("big.svg");
    let args = [
        "render",
        input.to_str().unwrap_or_default(),
        "-o",
        out.to_str().unwrap_or_default(),
    ];
    let o = run(&args, None);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("--focus"), "{}", stderr(&o));
    assert!(!out.exists(), "nothing is drawn");
}
