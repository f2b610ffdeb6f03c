//! The citation parser on one group of arbitrary text: no panic, spans inside the group.
#![no_main]

use libfuzzer_sys::fuzz_target;
use srcgraph::outlets::Outlets;
use srcgraph::parse::citation::{GroupClass, classify_group};
use srcgraph::span::Span;

fuzz_target!(|data: &[u8]| {
    let inner = String::from_utf8_lossy(data);
    let text = format!("({inner})");
    let span = Span::new(1, text.len() - 1);
    if let GroupClass::Citation(d) = classify_group(&text, span, Outlets::builtin()) {
        for r in &d.refs {
            assert!(span.contains(r.span) && text.get(r.span.start..r.span.end).is_some());
            assert!(r.dates.iter().all(|&i| i < d.dates.len()));
        }
        for t in &d.dates {
            assert!(span.contains(t.span) && text.get(t.span.start..t.span.end).is_some());
        }
    }
});
