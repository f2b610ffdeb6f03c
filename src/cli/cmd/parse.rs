//! `srcgraph parse`: print every citation group of the inputs with its sources and dates.

use crate::cli::Status;
use crate::cli::args::{ParseArgs, ParseFormat};
use crate::cli::io::{Session, open_output, output_is_terminal, read_document};
use anyhow::Result;
use srcgraph::export::{json, text};
use srcgraph::parse::parse_document;

/// Run `parse`: articles are written as each input is parsed, so output starts early and
/// memory stays bounded by the largest input.
pub(crate) fn run(args: &ParseArgs) -> Result<Status> {
    let mut s = Session::open(&args.input)?;
    let format = args
        .format
        .unwrap_or(if output_is_terminal(args.output.as_deref()) {
            ParseFormat::Text
        } else {
            ParseFormat::Jsonl
        });
    let mut out = open_output(args.output.as_deref())?;
    let mut json_doc = match format {
        ParseFormat::Json => Some(json::JsonWriter::begin(&mut out)?),
        _ => None,
    };
    for input in &s.inputs {
        let Some(doc) = read_document(input, &mut s.rep) else {
            continue;
        };
        for article in parse_document(&doc, &s.outlets, &s.parse) {
            match (&mut json_doc, format) {
                (Some(j), _) => j.article(&mut out, &article)?,
                (None, ParseFormat::Jsonl) => json::write_jsonl_article(&mut out, &article)?,
                (None, _) => text::write_article(&mut out, &article)?,
            }
        }
    }
    if let Some(j) = json_doc {
        j.finish(&mut out)?;
    }
    out.flush()?;
    Ok(s.status(false))
}
