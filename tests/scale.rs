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
