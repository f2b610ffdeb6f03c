//! The parenthesis scanner on arbitrary text: no panic, groups balanced and in bounds.
#![no_main]

use libfuzzer_sys::fuzz_target;
use srcgraph::parse::scan::scan_paragraph;
use srcgraph::span::Span;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let scan = scan_paragraph(&text, Span::new(0, text.len()));
    for g in &scan.groups {
        let s = g.span.slice(&text);
        assert!(s.starts_with('(') && s.ends_with(')'), "{s:?}");
    }
    for w in scan.groups.windows(2) {
        assert!(w[0].span.start < w[1].span.start);
    }
});
