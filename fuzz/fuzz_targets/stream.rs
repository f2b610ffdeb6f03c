//! Reading in chunks equals reading whole, on arbitrary bytes: the first byte picks the
//! chunk size, the rest is the input. NUL bytes past the first block cut the input in a
//! chunked read (documented), so inputs with a NUL are left to the other targets.
#![no_main]

use libfuzzer_sys::fuzz_target;
use srcgraph::input::Document;
use srcgraph::outlets::Outlets;
use srcgraph::parse::{ParseOptions, parse_document};
use srcgraph::stream::{ChunkReader, parse_chunk};

fuzz_target!(|data: &[u8]| {
    let Some((&size, bytes)) = data.split_first() else {
        return;
    };
    if bytes.contains(&0) {
        return;
    }
    let Ok((doc, _)) = Document::from_bytes("fuzz.txt", bytes.to_vec()) else {
        return;
    };
    let opts = ParseOptions::default();
    let whole = parse_document(&doc, Outlets::builtin(), &opts);
    let mut r = ChunkReader::new("fuzz.txt", bytes, usize::from(size) + 1);
    let mut chunked = Vec::new();
    while let Some(c) = r.next_chunk().expect("no I/O errors on a slice") {
        chunked.extend(parse_chunk(&c, Outlets::builtin(), &opts));
    }
    assert_eq!(chunked, whole);
});
