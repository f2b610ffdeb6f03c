//! An input read in chunks as the commands read it, for tests that compare what is written
//! chunk by chunk with what one analysis of the whole input writes.

use srcgraph::context::InputContext;
use srcgraph::graph::{BuildOptions, build};
use srcgraph::pipeline::Pipeline;
use srcgraph::stream::ChunkReader;

/// The parsed chunks of `text` read `size` bytes at a time.
pub(crate) fn chunks(p: &Pipeline<'_>, text: &str, size: usize) -> Vec<srcgraph::judge::Parsed> {
    let mut r = ChunkReader::new("in.txt", text.as_bytes(), size);
    let mut out = Vec::new();
    while let Some(mut c) = r.next_chunk().expect("readable") {
        let (a, cl) = p.read_chunk(&mut c);
        out.push((c, a, cl));
    }
    out
}

/// Pass 1 over `text` in chunks of `size` bytes: the context the later readings judge in.
pub(crate) fn learned(p: &Pipeline<'_>, text: &str, size: usize) -> InputContext {
    let learn = BuildOptions {
        date_nodes: false,
        ..p.build_options()
    };
    let mut ctx = InputContext::new();
    for (_, a, cl) in chunks(p, text, size) {
        ctx.learn(p, &a, &cl, &build(&a, &cl, &learn));
    }
    ctx
}

/// `texts`, then an empty input, one that cites nothing, and every bundled sample.
pub(crate) fn with_samples(mut texts: Vec<(String, String)>) -> Vec<(String, String)> {
    texts.push(("empty".to_string(), String::new()));
    texts.push((
        "no citation".to_string(),
        "Nothing here cites anything.\n".to_string(),
    ));
    for e in std::fs::read_dir("samples").expect("samples dir") {
        let p = e.expect("entry").path();
        texts.push((
            p.display().to_string(),
            std::fs::read_to_string(&p).expect("sample"),
        ));
    }
    texts
}

/// The first line where `got` and `want` differ, both shown (cut to 400 characters).
pub(crate) fn first_difference(got: &str, want: &str) -> String {
    let line = got
        .lines()
        .zip(want.lines())
        .position(|(a, b)| a != b)
        .unwrap_or_else(|| got.lines().count().min(want.lines().count()));
    let cut = |s: Option<&str>| s.map(|s| s.chars().take(400).collect::<String>());
    format!(
        "first difference at line {}:\n got  {:?}\n want {:?}",
        line + 1,
        cut(got.lines().nth(line)),
        cut(want.lines().nth(line))
    )
}
