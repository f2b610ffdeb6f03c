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
