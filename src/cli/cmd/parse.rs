//! `srcgraph parse`: print every citation group of the inputs with its sources and dates.

use crate::cli::Status;
use crate::cli::args::{ParseArgs, ParseFormat};
use crate::cli::io::{Session, for_each_chunk, open_output, output_is_terminal};
use anyhow::Result;
use rayon::prelude::*;
use srcgraph::export::{json, text};
use srcgraph::judge::in_order;
use srcgraph::model::Article;
use srcgraph::parsed::keep_text;
use srcgraph::stream::{Chunk, parse_chunk};

/// A chunk as `parse` hands it to the writer: its articles (for a JSON document), or their
/// bytes written already.
enum Parsed {
    Articles(Vec<Article>),
    Bytes(Vec<Vec<u8>>),
}

/// Run `parse`: inputs are read in chunks of whole articles, each chunk parsed and
/// serialised in parallel and written in input order, so output starts early, memory stays
/// bounded, and the bytes are the same for any `--threads`.
pub(crate) fn run(args: &ParseArgs) -> Result<Status> {
    let mut s = Session::open(&args.input)?;
    let format = args
        .format
        .unwrap_or(if output_is_terminal(args.output.as_deref()) {
            ParseFormat::Text
        } else {
            ParseFormat::Jsonl
        });
    if args.with_text && format == ParseFormat::Text {
        anyhow::bail!(
            "--with-text gives JSON its articles' text: use it with --format jsonl or json"
        );
    }
    let mut out = open_output(args.output.as_deref())?;
    let mut json_doc = match format {
        ParseFormat::Json => Some(json::JsonWriter::begin(&mut out)?),
        _ => None,
    };
    let (outlets, parse) = (&s.setup.outlets, &s.setup.parse);
    let with_text = args.with_text;
    // Chunks are parsed and serialised on the pool, several at once, and written here in
    // input order; a JSON document's articles are written here (it places the commas).
    let work = |chunk: Chunk| -> std::io::Result<Parsed> {
        let mut articles = parse_chunk(&chunk, outlets, parse);
        if with_text {
            keep_text(&mut articles, &chunk);
        }
        if format == ParseFormat::Json {
            return Ok(Parsed::Articles(articles));
        }
        let parts: Vec<std::io::Result<Vec<u8>>> = articles
            .par_iter()
            .map(|a| {
                let mut buf =
                    Vec::with_capacity(a.span.len().saturating_mul(4).clamp(4096, 1 << 20));
                match format {
                    ParseFormat::Jsonl => json::write_jsonl_article(&mut buf, a)?,
                    _ => text::write_article(&mut buf, a)?,
                }
                Ok(buf)
            })
            .collect();
        Ok(Parsed::Bytes(
            parts.into_iter().collect::<std::io::Result<_>>()?,
        ))
    };
    let inputs = &s.inputs;
    let voice = s.rep.voice();
    let rep = &mut s.rep;
    in_order(
        &work,
        |push| {
            for input in inputs {
                for_each_chunk(input, rep, |chunk, _| push(chunk))?;
            }
            Ok(())
        },
        &mut |parsed| {
            match (parsed?, &mut json_doc) {
                (Parsed::Articles(articles), Some(j)) => {
                    for a in &articles {
                        j.article(&mut out, a)?;
                    }
                }
                (Parsed::Bytes(parts), _) => {
                    for part in parts {
                        out.write_all(&part)?;
                    }
                }
                (Parsed::Articles(_), None) => {}
            }
            // Problems of the reading wait for the chunks read before them.
            voice.chunk_consumed(&[]);
            Ok(())
        },
    )?;
    if let Some(j) = json_doc {
        j.finish(&mut out)?;
    }
    out.flush()?;
    s.rep.progress.finish();
    Ok(s.status(false))
}
