//! Write a seeded, bulletin-style corpus for benchmarks and scale tests.
//!
//! ```text
//! cargo run --release --example gen-corpus -- --articles 10000 --seed 1 -o corpus.txt
//! ```
//!
//! The same `--articles` and `--seed` always give the same bytes (10 000 articles ≈ 50 MB).
//! `--dated` adds `Date:` headers and points cross-references at the days of earlier
//! issues, so many of them resolve to articles of the corpus.

#[path = "../benches/support/corpus.rs"]
mod corpus;

use std::io::Write as _;

fn main() {
    let mut articles = 1000usize;
    let mut seed = 1u64;
    let mut output: Option<String> = None;
    let mut dated = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let value = |args: &mut dyn Iterator<Item = String>| {
            args.next()
                .unwrap_or_else(|| fail(&format!("{a} needs a value")))
        };
        match a.as_str() {
            "--articles" => articles = number(&value(&mut args)),
            "--seed" => seed = number(&value(&mut args)),
            "-o" | "--output" => output = Some(value(&mut args)),
            "--dated" => dated = true,
            "-h" | "--help" => {
                println!("gen-corpus [--articles N] [--seed S] [--dated] [-o FILE]");
                println!("  --dated  Date: headers, cross-references to earlier issues");
                return;
            }
            other => fail(&format!("unknown argument `{other}`")),
        }
    }
    let text = corpus::corpus_with(seed, articles, dated);
    let written = match output.as_deref() {
        None | Some("-") => std::io::stdout().lock().write_all(text.as_bytes()),
        Some(path) => std::fs::write(path, &text),
    };
    if let Err(e) = written {
        fail(&format!("cannot write the corpus: {e}"));
    }
    eprintln!(
        "gen-corpus: {articles} articles, {} bytes, seed {seed}",
        text.len()
    );
}

fn number<T: std::str::FromStr>(s: &str) -> T {
    s.parse()
        .unwrap_or_else(|_| fail(&format!("`{s}` is not a number")))
}

fn fail(msg: &str) -> ! {
    eprintln!("gen-corpus: {msg}");
    std::process::exit(2)
}
