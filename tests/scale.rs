//! Corpus-scale behaviour of the binary: inputs read in many chunks and on many threads give
//! the same bytes as one chunk on one thread.

#[path = "../benches/support/corpus.rs"]
mod corpus;
#[path = "support/scratch.rs"]
mod scratch;

use scratch::Scratch;

use std::process::Command;

fn srcgraph(args: &[&str]) -> Vec<u8> {
    let o = Command::new(env!("CARGO_BIN_EXE_srcgraph"))
        .args(args)
        .output()
        .expect("run srcgraph");
    assert!(
        o.status.code().is_some_and(|c| c <= 1),
        "{args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    o.stdout
}

/// A generated corpus of `articles` articles written as `name` in `dir`.
fn corpus_file(dir: &Scratch, name: &str, articles: usize, dated: bool) -> String {
    let path = dir.join(name);
    std::fs::write(&path, corpus::corpus_with(11, articles, dated)).expect("write corpus");
    path.display().to_string()
}

/// Every command gives the same bytes for any number of threads and, reading twice (or
/// parsing), for any chunk size. A one-pass judgement sees what came before in its input,
/// chunk by chunk, so it is compared across threads at one chunk size.
#[test]
fn output_does_not_depend_on_threads_or_chunks() {
    let dir = Scratch::new("scale");
    let plain = corpus_file(&dir, "threads.txt", 120, false);
    let dated = corpus_file(&dir, "dated.txt", 120, true);
    let any_chunks: &[&[&str]] = &[
        &["-j", "3"],
        &["-j", "2", "--chunk-size", "20000"],
        &["-j", "1", "--chunk-size", "1"],
    ];
    let one_chunk_size: &[&[&str]] = &[&["-j", "3"], &["-j", "2"]];
    for (cmd, path, extras) in [
        (&["parse", "--format", "jsonl"][..], &plain, any_chunks),
        (&["parse", "--format", "text"][..], &plain, any_chunks),
        (&["check", "--format", "json"][..], &dated, any_chunks),
        (&["check", "--color", "never"][..], &plain, any_chunks),
        (&["stats", "--format", "json"][..], &dated, any_chunks),
        (&["graph"][..], &dated, any_chunks),
        (&["graph", "--format", "json"][..], &plain, any_chunks),
        (&["graph", "--co-citation"][..], &dated, any_chunks),
        (
            &["check", "--one-pass", "--format", "json"][..],
            &dated,
            one_chunk_size,
        ),
        (
            &["stats", "--one-pass", "--format", "csv"][..],
            &plain,
            one_chunk_size,
        ),
    ] {
        let base: Vec<&str> = cmd.iter().copied().chain(["-q", "-j", "1", path]).collect();
        let want = srcgraph(&base);
        assert!(want.len() > 10_000, "{base:?}");
        for extra in extras {
            let args: Vec<&str> = cmd
                .iter()
                .copied()
                .chain(["-q"])
                .chain(extra.iter().copied())
                .chain([path.as_str()])
                .collect();
            assert!(srcgraph(&args) == want, "{args:?} differs from {base:?}");
        }
    }
}

/// Killing `srcgraph render` (SIGTERM, as `kill` sends) stops the Graphviz process it
/// started, and srcgraph ends as killed. Linux only (children are found in /proc), and only
/// where Graphviz is installed.
#[cfg(target_os = "linux")]
#[test]
fn killing_render_kills_its_graphviz() {
    let has_dot = Command::new("dot").arg("-V").output().is_ok();
    if !has_dot {
        eprintln!("skipped: Graphviz `dot` is not installed");
        return;
    }
    let dir = Scratch::new("kill-render");
    // Large enough that the layout takes seconds.
    let input = corpus_file(&dir, "big.txt", 3000, true);
    let out = dir.join("big.svg");
    let mut child = Command::new(env!("CARGO_BIN_EXE_srcgraph"))
        .args(["render", "--force", "--quiet", &input, "-o"])
        .arg(&out)
        .spawn()
        .expect("run srcgraph");
    let me = child.id();
    let children_of = |pid: u32| -> Vec<u32> {
        std::fs::read_dir("/proc")
            .into_iter()
            .flatten()
            .filter_map(|e| e.ok()?.file_name().to_str()?.parse::<u32>().ok())
            .filter(|p| {
                std::fs::read_to_string(format!("/proc/{p}/stat")).is_ok_and(|s| {
                    s.rfind(')')
                        .and_then(|i| s[i + 1..].split_whitespace().nth(1))
                        == Some(&pid.to_string())
                })
            })
            .collect()
    };
    let wait = |what: &dyn Fn() -> bool| {
        let until = std::time::Instant::now() + std::time::Duration::from_secs(60);
        while !what() && std::time::Instant::now() < until {
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        what()
    };
    let mut dot = Vec::new();
    assert!(
        wait(&|| !children_of(me).is_empty()),
        "no Graphviz process started"
    );
    dot.extend(children_of(me));
    let killed = Command::new("kill")
        .arg(me.to_string())
        .status()
        .expect("kill");
    assert!(killed.success());
    let status = child.wait().expect("wait");
    assert!(!status.success(), "srcgraph ended as killed: {status:?}");
    let alive = |pid: u32| {
        std::fs::read_to_string(format!("/proc/{pid}/stat"))
            // A zombie (state Z) has ended.
            .is_ok_and(|s| {
                s.rfind(')')
                    .is_some_and(|i| !s[i + 1..].trim_start().starts_with('Z'))
            })
    };
    assert!(
        wait(&|| dot.iter().all(|&p| !alive(p))),
        "Graphviz still runs after srcgraph was killed: {dot:?}"
    );
}

/// Runs of `args` on stderr, with its exit status.
fn srcgraph_stderr(args: &[&str]) -> (Option<i32>, String) {
    let o = Command::new(env!("CARGO_BIN_EXE_srcgraph"))
        .args(args)
        .output()
        .expect("run srcgraph");
    (
        o.status.code(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

/// An input of `n` short reports, every third with a parenthesis left open (a parse
/// warning), ending with bytes that are not UTF-8 (a warning of the reading, at its end).
fn input_with_problems(n: usize, tag: &str) -> Vec<u8> {
    let mut text = String::new();
    for i in 0..n {
        text.push_str(&format!(
            "NOTE {tag} {i}\n\nPublication: Bulletin Volume: 2 Issue: {i}\n\n\
             The ferry resumed service (Reuters, June {}).\n\n",
            i % 28 + 1
        ));
        if i % 3 == 0 {
            text.push_str("The port stayed shut (ANSA, June 4.\n\n");
        }
    }
    let mut bytes = text.into_bytes();
    bytes.extend_from_slice(b"Fares rose \xff\xfe again (Reuters, June 9).\n");
    bytes
}

/// stderr does not depend on the number of threads or on timing: a warning of the reading
/// (bytes that are not UTF-8, binary data) comes after the parse warnings of the articles
/// before it and before those after it, as chunks in flight are consumed in order.
#[test]
fn messages_come_in_input_order_whatever_the_threads() {
    let dir = Scratch::new("order");
    let first = dir.join("first.txt");
    let second = dir.join("second.txt");
    let binary = dir.join("binary.txt");
    std::fs::write(&first, input_with_problems(40, "first")).expect("write");
    std::fs::write(&second, input_with_problems(30, "second")).expect("write");
    let mut bin = input_with_problems(10, "binary");
    bin.truncate(bin.len() / 2);
    bin.extend_from_slice(&[0, 1, 2, 3].repeat(300));
    std::fs::write(&binary, bin).expect("write");
    let paths: Vec<String> = [&first, &binary, &second]
        .iter()
        .map(|p| p.display().to_string())
        .collect();
    for cmd in [
        &["check"][..],
        &["check", "--one-pass"],
        &["stats"],
        &["graph"],
        &["graph", "--co-citation"],
        &["graph", "--format", "json"],
        &["stats", "--one-pass"],
        &["parse", "--format", "jsonl"],
    ] {
        let with = |threads: &str| {
            let mut args = cmd.to_vec();
            args.extend(["-j", threads, "--chunk-size", "400"]);
            args.extend(paths.iter().map(String::as_str));
            srcgraph_stderr(&args)
        };
        let (status, one) = with("1");
        assert_eq!(status, Some(2), "{cmd:?}: binary data makes it exit 2");
        // The reading's warning of the first input follows that input's parse warnings.
        let utf8 = one.find("first.txt: invalid UTF-8").expect("warned");
        assert!(one.find("binary data").expect("warned") > utf8, "{cmd:?}");
        if cmd[0] != "parse" {
            assert!(one[..utf8].contains("first.txt:"), "{cmd:?}\n{one}");
            assert!(!one[utf8..].contains("--> first.txt"), "{cmd:?}\n{one}");
            assert!(!one[..utf8].contains("second.txt"), "{cmd:?}\n{one}");
        }
        for _ in 0..3 {
            for threads in ["2", "3"] {
                assert_eq!(with(threads), (status, one.clone()), "{cmd:?} -j {threads}");
            }
        }
    }
}

/// Parsed articles read back (`--from-parsed`) give the same stderr for any number of
/// threads, and a run in two passes counts its reading's chunks as it consumes them (a
/// debug build checks the counts).
#[test]
fn messages_of_parsed_inputs_do_not_depend_on_threads() {
    let dir = Scratch::new("order-parsed");
    let text = dir.join("text.txt");
    std::fs::write(&text, input_with_problems(50, "parsed")).expect("write");
    let parsed = dir.join("parsed.jsonl");
    let text = text.display().to_string();
    let out = parsed.display().to_string();
    let (status, _) = srcgraph_stderr(&[
        "parse",
        "--format",
        "jsonl",
        "--with-text",
        &text,
        "-o",
        &out,
    ]);
    assert_eq!(status, Some(0));
    for cmd in [
        &["check", "--from-parsed"][..],
        &["check", "--from-parsed", "--one-pass"],
        &["stats", "--from-parsed"],
        &["graph", "--from-parsed", "--format", "json"],
    ] {
        let with = |threads: &str| {
            let mut args = cmd.to_vec();
            args.extend(["-j", threads, "--chunk-size", "400", &out]);
            srcgraph_stderr(&args)
        };
        let one = with("1");
        assert!(
            one.1.contains("warning[unclosed-paren]"),
            "{cmd:?}: {}",
            one.1
        );
        for threads in ["2", "3"] {
            assert_eq!(with(threads), one, "{cmd:?} -j {threads}");
        }
    }
}

/// `parse` from a pipe writes each chunk as soon as it is parsed, even while it waits for
/// more input: the first articles come out before the writer closes the pipe.
#[test]
fn parse_from_a_pipe_writes_while_it_waits() {
    use std::io::{BufRead, Write};
    use std::process::Stdio;
    for threads in ["1", "2"] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_srcgraph"))
            .args(["parse", "-", "--format", "jsonl", "--chunk-size", "300"])
            .args(["-j", threads])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn srcgraph");
        let mut pipe = child.stdin.take().expect("stdin");
        pipe.write_all(&input_with_problems(30, "piped")[..1500])
            .expect("write");
        pipe.flush().expect("flush");
        let out = child.stdout.take().expect("stdout");
        let (tx, rx) = std::sync::mpsc::channel();
        let reader = std::thread::spawn(move || {
            for line in std::io::BufReader::new(out).lines() {
                if tx.send(line.expect("utf-8")).is_err() {
                    break;
                }
            }
        });
        let line = rx.recv_timeout(std::time::Duration::from_secs(30));
        drop(pipe);
        let status = child.wait().expect("wait");
        reader.join().expect("reader");
        let line = line.unwrap_or_else(|_| panic!("-j {threads}: nothing written before the end"));
        assert!(line.contains("\"Reuters\""), "{line}");
        assert!(status.code().is_some_and(|c| c <= 1));
    }
}
