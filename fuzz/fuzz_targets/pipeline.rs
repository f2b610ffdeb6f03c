//! The whole pipeline on arbitrary bytes: read, parse, claims, graph, analysis, JSON and DOT.
#![no_main]

use libfuzzer_sys::fuzz_target;
use srcgraph::export::dot::{DotOptions, print_dot, to_dot};
use srcgraph::input::Document;
use srcgraph::model::Article;
use srcgraph::pipeline::Pipeline;

fuzz_target!(|data: &[u8]| {
    let Ok((doc, _)) = Document::from_bytes("fuzz.txt", data.to_vec()) else {
        return;
    };
    let a = Pipeline::default().run(std::slice::from_ref(&doc));
    for art in &a.articles {
        for c in &art.citations {
            assert_eq!(c.span.slice(&doc.text), format!("({})", c.raw));
        }
        let json = serde_json::to_string(art).expect("serializes");
        let back: Article = serde_json::from_str(&json).expect("reads back");
        assert_eq!(&back, art);
    }
    for c in &a.report.claims {
        assert!(doc.text.get(c.span.start..c.span.end).is_some());
    }
    let dot = print_dot(&to_dot(&a.graph, &a.report, &DotOptions::default()));
    assert!(dot.starts_with("digraph"));
});
