//! Corpus-scale behaviour of the binary: inputs read in many chunks and on many threads give
//! the same bytes as one chunk on one thread.

#[path = "../benches/support/corpus.rs"]
mod corpus;

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

fn corpus_file(name: &str, articles: usize) -> String {
    let dir = std::env::temp_dir().join(format!("srcgraph-scale-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("scratch dir");
    let path = dir.join(name);
    std::fs::write(&path, corpus::corpus(11, articles)).expect("write corpus");
    path.display().to_string()
}

#[test]
fn output_does_not_depend_on_threads_or_chunks() {
    let path = corpus_file("threads.txt", 120);
    for cmd in [
        &["parse", "--format", "jsonl"][..],
        &["parse", "--format", "text"][..],
    ] {
        let base: Vec<&str> = cmd
            .iter()
            .copied()
            .chain(["-q", "-j", "1", &path])
            .collect();
        let want = srcgraph(&base);
        assert!(want.len() > 10_000);
        for extra in [
            &["-j", "3"][..],
            &["-j", "2", "--chunk-size", "20000"][..],
            &["-j", "1", "--chunk-size", "1"][..],
        ] {
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
