//! `srcgraph graph`, `srcgraph render` and `srcgraph report`: the source graph of the
//! inputs, selected, as DOT or an interchange format, drawn as an image, or shown in an HTML
//! report with the text.

use super::judged::{TwoPasses, judging};
use crate::cli::Status;
use crate::cli::args::{GraphArgs, GraphFormat, RenderArgs, ReportArgs, SelectArgs};
use crate::cli::io::{Progress, Session, for_each_chunk, open_output};
use crate::cli::parsed::ParsedFile;
use anyhow::{Context, Result, bail};
use srcgraph::analyze::Report;
use srcgraph::context::{ChunkJudge, ChunkReport, InputContext};
use srcgraph::export::dot::{DateMode, DotOptions, DotWriter, to_dot};
use srcgraph::export::html::ReportOptions;
use srcgraph::export::sink::{CsvSink, GraphSink, TableFormat, TableSink};
use srcgraph::export::streamed::{ClaimFilter, StreamedGraph, StreamedReport};
use srcgraph::export::table::{NodeIds, node_ids};
use srcgraph::graph::{GraphBuilder, SourceGraph, select};
use srcgraph::judge::{Ahead, ChunkSource, Parsed, Pass};
use srcgraph::render::{ImageFormat, render};
use srcgraph::stream::Chunk;
use std::io::Write as _;

/// Read every input and analyse them together: one graph, outlets shared across articles,
/// cross-references between inputs resolved. The inputs are read twice in chunks: first
/// their headers (every article's node, so cross-references find later issues), then their
/// claims and sources, chunk by chunk, into the graph — so memory holds the graph and one
/// chunk, not the corpus or its parse. Parse warnings go to stderr.
fn analyse_all(s: &mut Session, sel: &SelectArgs) -> Result<(SourceGraph, Report)> {
    let pipeline = s.setup.pipeline(sel.scope, sel.dates == DateMode::Nodes);
    let mut builder = GraphBuilder::new(&pipeline.build_options());
    let voice = s.rep.voice();
    let heads = |b: &mut GraphBuilder, chunk: Chunk| {
        for head in srcgraph::stream::chunk_heads(&chunk) {
            b.article_node(&head);
        }
        voice.chunk_consumed(&[]);
        Ok(())
    };
    let ahead = Ahead::new(&pipeline);
    let add = |b: &mut GraphBuilder, (_, articles, claims): Parsed| {
        // Pass 2 (whose reading counts no chunks): the parse warnings, printed at once.
        voice.article_diagnostics(&articles);
        for (a, c) in articles.iter().zip(&claims) {
            b.article_content(a, c);
        }
        Ok(())
    };
    let b = &mut builder;
    if sel.parsed.from_parsed {
        s.rep.progress.set_passes(2);
        let mut files = Vec::new();
        for input in &s.inputs {
            if let Some(mut file) = ParsedFile::open(input, &mut s.rep) {
                let runs = file.each_input(&mut s.rep, |src| {
                    src.each_chunk(Pass::Learn, &mut |c| heads(b, c)).map(drop)
                })?;
                files.push((file, runs));
            }
        }
        ahead.run(
            |push| {
                for (file, runs) in &mut files {
                    for &run in runs.iter() {
                        if let Some(mut src) = file.again(run, &mut s.rep) {
                            src.each_chunk(Pass::Judge, push)?;
                        }
                    }
                }
                Ok(())
            },
            &mut |p| add(b, p),
        )?;
    } else {
        let passes = TwoPasses::new(&s.inputs, &mut s.rep, true);
        let mut readable = Vec::new();
        for input in &s.inputs {
            let mut src = passes.source(input, &mut s.rep);
            if src.each_chunk(Pass::Learn, &mut |c| heads(b, c))? {
                readable.push(input);
            }
        }
        ahead.run(
            |push| {
                for input in readable {
                    passes
                        .source(input, &mut s.rep)
                        .each_chunk(Pass::Judge, push)?;
                }
                Ok(())
            },
            &mut |p| add(b, p),
        )?;
    }
    let g = builder.finish();
    // Drawing and exporting need each claim's verdict, not its sources and notes.
    let report = srcgraph::analyze::analyze_brief(&g, &[]);
    s.rep.progress.finish();
    Ok((g, report))
}

/// The outlet co-citation network of every input, read once in chunks: each chunk's own
/// graph (built on the pool with its parse) is counted and dropped, so memory holds the
/// outlets and their pairs, not the corpus graph. Which outlets a claim cites together does
/// not depend on other chunks, and the counter names each outlet as one graph of the whole
/// input would.
fn co_citation_network(
    s: &mut Session,
    sel: &SelectArgs,
) -> Result<srcgraph::analyze::CoCitationNetwork> {
    let pipeline = s.setup.pipeline(sel.scope, false);
    let opts = pipeline.build_options();
    let mut counter = srcgraph::analyze::CoCitationCounter::new();
    let ahead = Ahead::with(&pipeline, |(_, a, c): Parsed| {
        let g = srcgraph::graph::build(&a, &c, &opts);
        (a, g)
    });
    let voice = s.rep.voice();
    let mut count = |(a, g): (Vec<srcgraph::model::Article>, SourceGraph)| {
        voice.chunk_consumed(&a);
        counter.add(&g, g.claim_nodes());
        Ok(())
    };
    ahead.run(
        |push| {
            for input in &s.inputs {
                if !sel.parsed.from_parsed {
                    for_each_chunk(input, &mut s.rep, |chunk, _| push(chunk))?;
                } else if let Some(mut file) = ParsedFile::open(input, &mut s.rep) {
                    file.each_input(&mut s.rep, |src| src.each_chunk(Pass::Once, push).map(drop))?;
                }
            }
            Ok(())
        },
        &mut count,
    )?;
    s.rep.progress.finish();
    Ok(counter.finish())
}

/// Write the graph of every input, as one, to `sink` in bounded memory: pass 1 learns
/// what verdicts depend on elsewhere in the input, pass 2 judges each chunk and writes its
/// articles, and what the articles share comes last ([`StreamedGraph`]). The bytes are
/// those of the whole graph written at once.
fn streamed(s: &mut Session, sel: &SelectArgs, sink: Box<dyn GraphSink + '_>) -> Result<()> {
    let pipeline = s.setup.pipeline(sel.scope, sel.dates == DateMode::Nodes);
    let filter = ClaimFilter {
        verdicts: sel.verdict.clone(),
        min_claims: sel.min_claims,
    };
    let mut graph = StreamedGraph::new(sink, filter);
    if let Some(focus) = &sel.focus {
        graph = graph.focus(focus, sel.depth, &s.setup.outlets);
    }
    let graph = std::cell::RefCell::new(graph);
    let ctx = judge_all(
        &s.inputs,
        &mut s.rep,
        &pipeline,
        sel.parsed.from_parsed,
        &mut |_, r| Ok(graph.borrow_mut().read(r)?),
        &mut |ctx| Ok(graph.borrow_mut().end_reading(ctx)?),
    )?;
    let graph = graph.into_inner();
    s.rep.progress.finish();
    graph.finish(&ctx)?;
    Ok(())
}

/// Judge every input as one: pass 1 learns the input, then each later reading hands every
/// chunk's report to `consume` in input order, as long as `again` asks for another
/// reading at the end of one. Returns what pass 1 learnt.
fn judge_all(
    inputs: &[crate::cli::io::Input],
    rep: &mut crate::cli::io::Reporter,
    pipeline: &srcgraph::pipeline::Pipeline<'_>,
    from_parsed: bool,
    consume: &mut dyn FnMut(&Chunk, ChunkReport) -> Result<()>,
    again: &mut dyn FnMut(&InputContext) -> Result<bool>,
) -> Result<InputContext> {
    let mut judging = judging(pipeline, rep);
    let mut ctx = InputContext::new();
    // Counted so far (pass 1 and the first judging reading), then one more each time.
    let mut readings = 2;
    if from_parsed {
        rep.progress.set_passes(readings);
        let mut files = Vec::new();
        for input in inputs {
            if let Some(mut file) = ParsedFile::open(input, rep) {
                let runs = file.each_input(rep, |src| judging.learn(src, &mut ctx).map(drop))?;
                files.push((file, runs));
            }
        }
        if files.iter().map(|(_, runs)| runs.len()).sum::<usize>() > 1 {
            // Inputs of one name may come twice: judge each from its own reading.
            judging.forget();
        }
        loop {
            let mut judge = ChunkJudge::new(&ctx);
            for (file, runs) in &mut files {
                for &run in runs.iter() {
                    if let Some(mut src) = file.again(run, rep) {
                        judging.judge(&mut src, &mut judge, |c, r| consume(c, r))?;
                    }
                }
            }
            if !again(&ctx)? {
                break;
            }
            rep.progress.more_passes(readings, readings + 1);
            readings += 1;
        }
    } else {
        let passes = TwoPasses::new(inputs, rep, true);
        let mut readable = Vec::new();
        for input in inputs {
            if judging.learn(&mut passes.source(input, rep), &mut ctx)? {
                readable.push(input);
            }
        }
        loop {
            let mut judge = ChunkJudge::new(&ctx);
            for &input in &readable {
                let mut src = passes.source(input, rep);
                judging.judge(&mut src, &mut judge, |c, r| consume(c, r))?;
            }
            if !again(&ctx)? {
                break;
            }
            rep.progress.more_passes(readings, readings + 1);
            readings += 1;
        }
    }
    Ok(ctx)
}

/// Read every input into one graph, analyse it, and apply the selections; the node ids
/// are those of the graph before the selections.
fn selected_graph(
    s: &mut Session,
    sel: &SelectArgs,
) -> Result<(SourceGraph, NodeIds, Report, DotOptions)> {
    let (mut g, report) = analyse_all(s, sel)?;
    let ids = node_ids(&g);
    if let Some(focus) = &sel.focus {
        let Some(n) = select::find_node(&g, &s.setup.outlets, focus) else {
            bail!(
                "--focus {focus:?} matches no outlet, article (path or path#N) or claim (path:line) of the input"
            );
        };
        select::neighbourhood(&mut g, n, sel.depth);
    }
    if !sel.verdict.is_empty() {
        let wanted = &sel.verdict;
        select::claims_where(&mut g, |n| {
            report
                .claim(n)
                .is_some_and(|c| wanted.contains(&c.corroboration.verdict))
        });
    }
    if let Some(min) = sel.min_claims {
        select::outlets_with_claims(&mut g, min);
    }
    let opts = DotOptions {
        legend: !sel.no_legend,
        dates: sel.dates,
    };
    Ok((g, ids, report, opts))
}

/// Run `graph`.
pub(crate) fn run(args: &GraphArgs) -> Result<Status> {
    let mut s = Session::open_reading(&args.input, args.select.parsed.from_parsed)?;
    if args.co_citation {
        if args.format != GraphFormat::Dot {
            bail!("--co-citation writes DOT only; leave --format out");
        }
        let sel = &args.select;
        if sel.focus.is_some() || !sel.verdict.is_empty() || sel.min_claims.is_some() {
            bail!(
                "--co-citation counts the outlet pairs of every claim: --focus, --verdict and \
                 --min-claims do not apply to it (--min-pair-claims leaves out rare pairs)"
            );
        }
        let network = co_citation_network(&mut s, &args.select)?;
        let dot = srcgraph::export::dot::co_citation_dot(&network, args.min_pair_claims);
        let mut out = open_output(args.output.as_deref())?;
        out.write_all(srcgraph::export::dot::print_dot(&dot).as_bytes())?;
        out.flush()?;
        return Ok(s.status(false));
    }
    let sel = &args.select;
    let opts = DotOptions {
        legend: !sel.no_legend,
        dates: sel.dates,
    };
    // The output is opened first: a mistake in it is reported before the input is read.
    let mut out = match args.format {
        GraphFormat::Csv => None,
        _ => Some(open_output(args.output.as_deref())?),
    };
    let sink: Box<dyn GraphSink + '_> = match (args.format, out.as_mut()) {
        (GraphFormat::Csv, _) | (_, None) => {
            let Some(dir) = args.output.as_deref() else {
                bail!("--format csv writes nodes.csv and edges.csv: give a directory with -o DIR");
            };
            Box::new(
                CsvSink::create(dir)
                    .with_context(|| format!("writing CSV into {}", dir.display()))?,
            )
        }
        (GraphFormat::Dot, Some(w)) => Box::new(DotWriter::new(w, opts)?),
        (GraphFormat::Json, Some(w)) => Box::new(TableSink::new(w, TableFormat::NodeLink)),
        (GraphFormat::Graphml, Some(w)) => Box::new(TableSink::new(w, TableFormat::Graphml)),
        (GraphFormat::Gexf, Some(w)) => Box::new(TableSink::new(w, TableFormat::Gexf)),
    };
    streamed(&mut s, sel, sink)?;
    if let Some(out) = out.as_mut() {
        out.flush()?;
    }
    Ok(s.status(false))
}

/// Run `render`.
/// The largest graph `render` lays out without `--force`: Graphviz's `dot` takes minutes and
/// gigabytes well above it (a 50 MB archive: 0.9 GB and no drawing after two minutes).
pub(crate) const MAX_RENDER_NODES: usize = 5_000;
/// See [`MAX_RENDER_NODES`].
pub(crate) const MAX_RENDER_EDGES: usize = 20_000;

pub(crate) fn run_render(args: &RenderArgs) -> Result<Status> {
    // Graphviz runs as a child: stop it too when told to stop.
    crate::cli::children::stop_children_with_us();
    let format = match args.format {
        Some(format) => format,
        None => ImageFormat::from_extension(&args.output).with_context(|| {
            format!(
                "cannot tell the image format from {:?}: use .svg, .png or .pdf, or --format",
                args.output.display().to_string()
            )
        })?,
    };
    let engine = args.engine;
    let mut s = Session::open_reading(&args.input, args.select.parsed.from_parsed)?;
    let (g, _, report, opts) = selected_graph(&mut s, &args.select)?;
    let (nodes, edges) = (g.graph.node_count(), g.graph.edge_count());
    if !args.force && (nodes > MAX_RENDER_NODES || edges > MAX_RENDER_EDGES) {
        bail!(
            "the graph has {nodes} nodes and {edges} edges, more than a layout finishes in \
             reasonable time ({MAX_RENDER_NODES} nodes, {MAX_RENDER_EDGES} edges): draw a part \
             of it (--focus NAME, --verdict single-source, --min-claims N), write it with \
             `srcgraph graph` for another tool, or give --force"
        );
    }
    s.rep.progress.finish();
    let working = Progress::spinner(
        args.input.quiet,
        &format!("laying out {nodes} nodes and {edges} edges"),
    );
    let drawing = render(&to_dot(&g, &report, &opts), format, engine);
    working.finish();
    let drawing = drawing?;
    if let Some(w) = &drawing.warning {
        s.rep.warn(w);
    }
    std::fs::write(&args.output, &drawing.bytes)
        .with_context(|| format!("cannot write {}", args.output.display()))?;
    Ok(s.status(false))
}

/// Run `report`: the whole input in one analysis (so cross-references between inputs
/// resolve), written as one HTML file.
pub(crate) fn run_report(args: &ReportArgs) -> Result<Status> {
    // Graphviz runs as a child: stop it too when told to stop.
    crate::cli::children::stop_children_with_us();
    let mut s = Session::open(&args.input)?;
    let pipeline = s.setup.pipeline(args.scope, false);
    let opts = ReportOptions {
        engine: args.engine,
        graphs: !args.no_graphs,
    };
    let mut out = open_output(args.output.as_deref())?;
    let report = std::cell::RefCell::new(StreamedReport::new(&mut *out, opts, &|| {}));
    judge_all(
        &s.inputs,
        &mut s.rep,
        &pipeline,
        false,
        &mut |chunk, r| Ok(report.borrow_mut().read(chunk, r)?),
        &mut |ctx| Ok(report.borrow_mut().end_reading(ctx)?),
    )?;
    s.rep.progress.finish();
    report.into_inner().finish()?;
    Ok(s.status(false))
}
