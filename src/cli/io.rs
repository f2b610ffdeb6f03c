//! Input and output for every subcommand: expanding paths and directories into inputs,
//! reading each (stdin at most once), loading `--outlets`, opening `-o`, and printing
//! warnings that name the file and place.

use super::args::InputArgs;
use anyhow::{Context, Result, bail};

use srcgraph::markup::InputFormat;
use srcgraph::outlets::Outlets;
use srcgraph::pipeline::Pipeline;
use std::borrow::Cow;
use std::collections::HashSet;
use std::fs;
use std::io::{self, BufWriter, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

/// Where one input's bytes come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Source {
    Stdin,
    File(PathBuf),
}

/// One input to read.
#[derive(Debug, Clone)]
pub(crate) struct Input {
    /// Shown in messages and output.
    pub(crate) name: String,
    pub(crate) source: Source,
    /// How it is written: by `--input-format`, else by its file name.
    pub(crate) format: InputFormat,
}

impl Input {
    fn new(name: String, source: Source, forced: Option<InputFormat>) -> Input {
        let format = forced.unwrap_or_else(|| InputFormat::for_path(&name));
        Input {
            name,
            source,
            format,
        }
    }
}

/// Collects problems with inputs: the run goes on, and the exit status says so at the end.
/// Messages are printed above the progress bar, if one is shown, and in input order
/// ([`InputOrder`]).
#[derive(Debug, Default)]
pub(crate) struct Reporter {
    pub(crate) quiet: bool,
    /// Bytes to read at a time.
    pub(crate) chunk_size: usize,
    pub(crate) errored: bool,
    pub(crate) progress: Progress,
    /// Where messages wait for the chunks read before them (none: printed at once).
    order: Option<Arc<Mutex<InputOrder>>>,
}

/// Messages in input order. Chunks are read on one side and consumed (their articles'
/// warnings printed) on the other, a few chunks later: a message of the reading side (an
/// input that cannot be read, binary data, invalid UTF-8) waits here until every chunk read
/// before it has been consumed, so stderr is the same whatever the timing and the number
/// of threads. A reading counts each chunk it reads ([`Reporter::chunk_read`]) only when
/// its consumer counts each one consumed ([`Reporter::chunk_consumed`]).
#[derive(Debug, Default)]
pub(crate) struct InputOrder {
    read: usize,
    consumed: usize,
    /// Messages, each with the number of chunks read before it.
    held: std::collections::VecDeque<(usize, String)>,
}

impl InputOrder {
    /// Print the messages whose chunks before them have all been consumed.
    fn release(&mut self, progress: &Progress) {
        while let Some((after, _)) = self.held.front()
            && *after <= self.consumed
        {
            if let Some((_, line)) = self.held.pop_front() {
                progress.print(|| eprintln!("{line}"));
            }
        }
    }
}

impl Drop for InputOrder {
    fn drop(&mut self) {
        for (_, line) in self.held.drain(..) {
            eprintln!("{line}");
        }
    }
}

impl Reporter {
    /// A reporter that speaks as this one does (the same `--quiet`, the same progress
    /// bar, the same order of messages) with nothing counted yet: for printing while this
    /// one is borrowed.
    pub(crate) fn voice(&self) -> Reporter {
        Reporter {
            quiet: self.quiet,
            chunk_size: self.chunk_size,
            errored: false,
            progress: self.progress.clone(),
            order: self.order.clone(),
        }
    }

    /// [`Reporter::voice`], whose messages are printed at once, outside the input order:
    /// for a reading whose consumer prints nothing (a second pass).
    pub(crate) fn unordered_voice(&self) -> Reporter {
        Reporter {
            order: None,
            ..self.voice()
        }
    }

    /// Print `line` on stderr, after the chunks read before it.
    fn say(&self, line: String) {
        let Some(order) = &self.order else {
            self.progress.print(|| eprintln!("{line}"));
            return;
        };
        let mut order = order.lock().unwrap_or_else(PoisonError::into_inner);
        if order.read > order.consumed {
            let after = order.read;
            order.held.push_back((after, line));
        } else {
            self.progress.print(|| eprintln!("{line}"));
        }
    }

    /// A chunk was read (and is about to be consumed).
    pub(crate) fn chunk_read(&self) {
        if let Some(order) = &self.order {
            order.lock().unwrap_or_else(PoisonError::into_inner).read += 1;
        }
    }

    /// A chunk of `articles` is consumed: their warnings are printed, and the messages
    /// that waited for it. Only for a reading that counted each chunk read (a count past
    /// the chunks read is a bug: debug builds fail, release builds ignore it).
    pub(crate) fn chunk_consumed(&self, articles: &[srcgraph::model::Article]) {
        let Some(order) = &self.order else {
            self.article_diagnostics(articles);
            return;
        };
        let mut order = order.lock().unwrap_or_else(PoisonError::into_inner);
        self.article_diagnostics(articles);
        debug_assert!(
            order.consumed < order.read,
            "a chunk consumed that was not counted as read"
        );
        order.consumed = (order.consumed + 1).min(order.read);
        order.release(&self.progress);
    }

    /// An input could not be read: always printed, and the run will exit 2.
    pub(crate) fn error(&mut self, msg: impl std::fmt::Display) {
        self.errored = true;
        self.say(format!("srcgraph: error: {msg}"));
    }

    /// The warnings found while parsing articles (unbalanced parentheses, unknown years),
    /// one line each with file, line and column (not with `--quiet`), printed at once: for
    /// a consumer whose reading counts no chunks ([`Reporter::chunk_consumed`] otherwise).
    pub(crate) fn article_diagnostics(&self, articles: &[srcgraph::model::Article]) {
        if self.quiet {
            return;
        }
        for a in articles {
            for d in &a.diagnostics {
                if d.severity == srcgraph::diag::Severity::Warning {
                    // The findings' form (rustc's): the code in brackets, the place below.
                    self.progress.print(|| {
                        eprintln!(
                            "warning[{}]: {}\n  --> {}:{}:{}",
                            d.code,
                            srcgraph::export::sanitize(&d.message),
                            srcgraph::export::sanitize(&a.path),
                            d.line,
                            d.column,
                        );
                    });
                }
            }
        }
    }

    /// Something odd that did not stop the input from being read.
    pub(crate) fn warn(&self, msg: impl std::fmt::Display) {
        if !self.quiet {
            self.say(format!("srcgraph: warning: {msg}"));
        }
    }

    /// An input (or the rest of one) was skipped, as binary data: a warning, and the run
    /// will exit 2 (its results are incomplete).
    pub(crate) fn skipped(&mut self, msg: impl std::fmt::Display) {
        self.errored = true;
        self.warn(msg);
    }
}

/// A glob on file names (globset): `*`, `?`, `[abc]`, `[!abc]`, `{a,b}`.
pub(crate) struct Glob(globset::GlobMatcher);

impl Glob {
    pub(crate) fn new(pattern: &str) -> Result<Glob> {
        let glob = globset::GlobBuilder::new(pattern)
            .literal_separator(true)
            .backslash_escape(true)
            .build()
            .with_context(|| format!("invalid --glob {pattern:?}"))?;
        Ok(Glob(glob.compile_matcher()))
    }

    pub(crate) fn matches(&self, name: &str) -> bool {
        self.0.is_match(name)
    }
}

/// Expand the PATH arguments into inputs, in argument order, directories walked in sorted
/// order (so output is deterministic). Problems are reported and skipped.
pub(crate) fn collect_inputs(
    args: &InputArgs,
    default_glob: &str,
    rep: &mut Reporter,
) -> Result<Vec<Input>> {
    let glob_text = args.glob.as_deref().unwrap_or(default_glob);
    let glob = Glob::new(glob_text)?;
    let forced = args.input_format.format();
    let mut paths: Vec<Cow<'_, Path>> = args
        .paths
        .iter()
        .map(|p| Cow::Borrowed(p.as_path()))
        .collect();
    if paths.is_empty() {
        if io::stdin().is_terminal() {
            bail!("no input: give a file or directory, or `-` to read standard input (see --help)");
        }
        paths.push(Cow::Owned(PathBuf::from("-")));
    }
    let mut inputs = Vec::new();
    let mut stdin_used = false;
    for p in paths {
        if p.as_os_str() == "-" {
            if stdin_used {
                rep.warn("`-` given more than once; standard input is read only once");
                continue;
            }
            stdin_used = true;
            inputs.push(Input::new("<stdin>".into(), Source::Stdin, forced));
            continue;
        }
        match fs::metadata(&p) {
            Ok(m) if m.is_dir() => {
                let before = inputs.len();
                walk_dir(&p, &glob, forced, &mut inputs, rep, &mut HashSet::new());
                if inputs.len() == before {
                    rep.warn(format!(
                        "{}: directory holds no file matching {:?}",
                        p.display(),
                        glob_text
                    ));
                }
            }
            Ok(_) => inputs.push(Input::new(
                p.display().to_string(),
                Source::File(p.into_owned()),
                forced,
            )),
            Err(e) => rep.error(format!("{}: {}", p.display(), io_reason(&e))),
        }
    }
    Ok(inputs)
}

fn walk_dir(
    dir: &Path,
    glob: &Glob,
    forced: Option<InputFormat>,
    out: &mut Vec<Input>,
    rep: &mut Reporter,
    seen: &mut HashSet<PathBuf>,
) {
    // A symlink loop would revisit a directory: remember where we have been.
    if let Ok(canon) = fs::canonicalize(dir)
        && !seen.insert(canon)
    {
        return;
    }
    let entries = match fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            rep.error(format!("{}: {}", dir.display(), io_reason(&e)));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy())
            .unwrap_or_default();
        if name.starts_with('.') {
            continue; // hidden files and directories, as ripgrep and fd skip them
        }
        match fs::metadata(&path) {
            Ok(m) if m.is_dir() => walk_dir(&path, glob, forced, out, rep, seen),
            Ok(_) if glob.matches(&name) => out.push(Input::new(
                path.display().to_string(),
                Source::File(path.clone()),
                forced,
            )),
            Ok(_) => {}
            Err(e) => rep.error(format!("{}: {}", path.display(), io_reason(&e))),
        }
    }
}

/// The built-in knowledge base, extended by `--outlets FILE` when given.
pub(crate) fn load_outlets(path: Option<&Path>) -> Result<Cow<'static, Outlets>> {
    let Some(path) = path else {
        return Ok(Cow::Borrowed(Outlets::builtin()));
    };
    let text = fs::read_to_string(path)
        .map_err(|e| anyhow::anyhow!("{}: {}", path.display(), io_reason(&e)))?;
    let user =
        Outlets::from_toml_str(&text).map_err(|e| anyhow::anyhow!("{}:{e}", path.display()))?;
    let mut base = Outlets::builtin().clone();
    base.extend(&user);
    Ok(Cow::Owned(base))
}

/// The built-in cue lexicon, extended by `--cues FILE` when given (`None`: the built-in).
pub(crate) fn load_cues(
    path: Option<&Path>,
) -> Result<Option<std::sync::Arc<srcgraph::parse::attribution::Cues>>> {
    let Some(path) = path else {
        return Ok(None);
    };
    let text = fs::read_to_string(path)
        .map_err(|e| anyhow::anyhow!("{}: {}", path.display(), io_reason(&e)))?;
    let cues = srcgraph::parse::attribution::Cues::with_file(&text)
        .map_err(|e| anyhow::anyhow!("{}:{e}", path.display()))?;
    Ok(Some(std::sync::Arc::new(cues)))
}

/// What every subcommand starts from: the reporter, the inputs, and what the pipeline is
/// set up with.
pub(crate) struct Session {
    pub(crate) rep: Reporter,
    pub(crate) inputs: Vec<Input>,
    pub(crate) setup: Setup,
}

/// The knowledge base (with `--outlets`) and the parse options (`--year`, `--cues`, …).
pub(crate) struct Setup {
    pub(crate) outlets: Cow<'static, Outlets>,
    pub(crate) parse: srcgraph::parse::ParseOptions,
}

impl Setup {
    /// The pipeline of a command that cuts claims by `scope`, with date nodes or not.
    pub(crate) fn pipeline(&self, scope: srcgraph::model::Scope, date_nodes: bool) -> Pipeline<'_> {
        Pipeline {
            outlets: &self.outlets,
            parse: self.parse.clone(),
            scope,
            date_nodes,
        }
    }
}

impl Session {
    /// Load the knowledge base and collect the inputs (texts).
    pub(crate) fn open(args: &InputArgs) -> Result<Session> {
        Session::open_reading(args, false)
    }

    /// [`Session::open`], for inputs of parsed articles (`--from-parsed`) when `parsed`.
    pub(crate) fn open_reading(args: &InputArgs, parsed: bool) -> Result<Session> {
        // The global pool can be set once per process; a second call (tests) keeps the first.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(args.threads)
            .build_global();
        let mut rep = Reporter {
            quiet: args.quiet,
            chunk_size: args.chunk_size,
            order: Some(Arc::default()),
            ..Reporter::default()
        };
        let outlets = load_outlets(args.outlets.as_deref())?;
        let cues = load_cues(args.cues.as_deref())?;
        let default_glob = if parsed { "*.jsonl" } else { "*.txt" };
        let inputs = collect_inputs(args, default_glob, &mut rep)?;
        let total = inputs
            .iter()
            .map(|i| match &i.source {
                Source::File(p) => fs::metadata(p).map_or(0, |m| m.len()),
                Source::Stdin => 0,
            })
            .sum();
        rep.progress = Progress::new(total, args.quiet);
        Ok(Session {
            rep,
            inputs,
            setup: Setup {
                outlets,
                parse: srcgraph::parse::ParseOptions {
                    year: args.year,
                    strict_years: args.strict_years,
                    cues,
                    citations_only: args.citations_only,
                },
            },
        })
    }

    /// The exit status once every input was handled.
    pub(crate) fn status(&self, findings: bool) -> super::Status {
        if self.rep.errored {
            super::Status::Error
        } else if findings {
            super::Status::Findings
        } else {
            super::Status::Ok
        }
    }
}

/// Standard output, or the `-o` file.
pub(crate) fn open_output(path: Option<&Path>) -> Result<Box<dyn Write>> {
    Ok(match path {
        Some(p) if p.as_os_str() != "-" => Box::new(BufWriter::new(
            fs::File::create(p).with_context(|| format!("cannot create {}", p.display()))?,
        )),
        _ => Box::new(BufWriter::new(io::stdout().lock())),
    })
}

/// True when results go to a terminal (no `-o`, stdout a TTY).
pub(crate) fn output_is_terminal(path: Option<&Path>) -> bool {
    path.is_none_or(|p| p.as_os_str() == "-") && io::stdout().is_terminal()
}

/// An I/O error as a short reason ("no such file or directory", "is a directory").
pub(crate) fn io_reason(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file or directory".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        io::ErrorKind::IsADirectory => "is a directory".into(),
        _ => {
            let s = e.to_string();
            s.split(" (os error").next().unwrap_or(&s).to_lowercase()
        }
    }
}

/// Whether to colour output: `--color`, then `NO_COLOR`, then whether stdout is a terminal.
pub(crate) fn use_colour(choice: super::args::ColorChoice, output: Option<&Path>) -> bool {
    match choice {
        super::args::ColorChoice::Always => true,
        super::args::ColorChoice::Never => false,
        // NO_COLOR turns colour off, CLICOLOR_FORCE on, as anstream does.
        super::args::ColorChoice::Auto => {
            !anstyle_query::no_color()
                && (anstyle_query::clicolor_force() || output_is_terminal(output))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Glob;

    #[test]
    fn globs() {
        let g = Glob::new("*.{txt,md}").expect("valid");
        assert!(g.matches("a.txt") && g.matches("b.md") && !g.matches("c.rs"));
        let g = Glob::new("0[0-4]?.txt").expect("valid");
        assert!(g.matches("013.txt") && !g.matches("053.txt"));
        assert!(Glob::new("[abc").is_err());
        assert!(
            Glob::new("a+b(c).txt")
                .expect("valid")
                .matches("a+b(c).txt")
        );
        // A negated class, as shells write it.
        let g = Glob::new("[!a]*.txt").expect("valid");
        assert!(!g.matches("a.txt") && g.matches("b.txt"));
        assert!(!Glob::new("*.txt").expect("valid").matches("sub/a.txt"));
    }
}

/// A progress bar on stderr for long runs: shown only when stderr is a terminal, `--quiet`
/// is not given and the work has taken more than a second; cleared when done.
#[derive(Debug, Clone, Default)]
pub(crate) struct Progress {
    bar: Option<indicatif::ProgressBar>,
    started: Option<std::time::Instant>,
}

impl Progress {
    /// Each input is read `passes` times: the bar counts every reading, so it shows how
    /// much of the work is done and says so, instead of a byte total larger than the input.
    pub(crate) fn set_passes(&self, passes: u64) {
        self.more_passes(1, passes);
    }

    /// The input, counted as read `before` times so far, will be read `passes` times.
    pub(crate) fn more_passes(&self, before: u64, passes: u64) {
        let Some(bar) = &self.bar else {
            return;
        };
        let total = bar.length().unwrap_or(0) / before.max(1);
        if passes < 2 || total == 0 {
            return;
        }
        bar.set_length(total * passes);
        let template = format!(
            "{{spinner}} [{{elapsed_precise}}] {{wide_bar}} {{percent}}% of {passes} readings of {} ({{binary_bytes_per_sec}}, {{eta}} left) {{msg}}",
            indicatif::BinaryBytes(total)
        );
        if let Ok(style) = indicatif::ProgressStyle::with_template(&template) {
            bar.set_style(style);
        }
    }

    fn new(total: u64, quiet: bool) -> Progress {
        if quiet || !io::stderr().is_terminal() {
            return Progress::default();
        }
        let bar = indicatif::ProgressBar::with_draw_target(
            Some(total),
            indicatif::ProgressDrawTarget::hidden(),
        );
        // Standard input has no known size: a spinner and a count instead of a bar.
        let template = if total == 0 {
            "{spinner} [{elapsed_precise}] {binary_bytes} ({binary_bytes_per_sec}) {msg}"
        } else {
            "{spinner} [{elapsed_precise}] {wide_bar} {binary_bytes}/{binary_total_bytes} ({binary_bytes_per_sec}, {eta} left) {msg}"
        };
        if let Ok(style) = indicatif::ProgressStyle::with_template(template) {
            bar.set_style(style);
        }
        Progress {
            bar: Some(bar),
            started: Some(std::time::Instant::now()),
        }
    }

    /// `bytes` more of the input are done; `name` is the input being read.
    pub(crate) fn advance(&self, bytes: usize, name: &str) {
        let Some(bar) = &self.bar else {
            return;
        };
        bar.inc(bytes as u64);
        self.reveal();
        if !bar.is_hidden() {
            bar.set_message(srcgraph::export::sanitize(name).into_owned());
        }
    }

    /// A spinner that says what is going on while one long step runs (on a terminal, not
    /// with `--quiet`); finish it when the step is done.
    pub(crate) fn spinner(quiet: bool, message: &str) -> Progress {
        if quiet || !io::stderr().is_terminal() {
            return Progress::default();
        }
        let bar = indicatif::ProgressBar::new_spinner();
        bar.set_message(message.to_string());
        bar.enable_steady_tick(std::time::Duration::from_millis(120));
        Progress {
            bar: Some(bar),
            started: Some(std::time::Instant::now()),
        }
    }

    /// Show the bar once the work has taken a second.
    fn reveal(&self) {
        if let (Some(bar), Some(started)) = (&self.bar, self.started)
            && bar.is_hidden()
            && started.elapsed() > std::time::Duration::from_secs(1)
        {
            bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
        }
    }

    /// Print a message without tearing the bar.
    pub(crate) fn print(&self, f: impl FnOnce()) {
        match &self.bar {
            Some(bar) if !bar.is_hidden() => bar.suspend(f),
            _ => f(),
        }
    }

    /// Clear the bar.
    pub(crate) fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// Read `input` chunk by chunk (whole articles, bounded memory) and hand each chunk to `f`.
/// Read errors and binary data are reported and end this input; invalid UTF-8 is reported
/// once at its end. Errors of `f` (output) stop the run. `Ok(false)` when the input could
/// not be opened or was refused whole as binary data.
pub(crate) fn for_each_chunk(
    input: &Input,
    rep: &mut Reporter,
    f: impl FnMut(srcgraph::stream::Chunk, &mut Reporter) -> Result<()>,
) -> Result<bool> {
    let reader: Box<dyn Read> = match &input.source {
        Source::Stdin => Box::new(io::stdin().lock()),
        Source::File(p) => match fs::File::open(p) {
            Ok(f) => Box::new(f),
            Err(e) => {
                rep.error(format!("{}: {}", input.name, io_reason(&e)));
                return Ok(false);
            }
        },
    };
    for_each_chunk_in(&input.name, input.format, reader, rep, f)
}

/// [`for_each_chunk`] over any reader.
pub(crate) fn for_each_chunk_in(
    name: &str,
    format: InputFormat,
    reader: impl Read,
    rep: &mut Reporter,
    mut f: impl FnMut(srcgraph::stream::Chunk, &mut Reporter) -> Result<()>,
) -> Result<bool> {
    use srcgraph::stream::{ChunkError, read_chunks};
    let end = read_chunks(name, format, reader, rep.chunk_size, |chunk| {
        let raw = chunk.raw_len;
        rep.chunk_read();
        f(chunk, rep)?;
        rep.progress.advance(raw, name);
        anyhow::Ok(())
    })?;
    match end.stopped {
        Some(ChunkError::Io { source }) => rep.error(format!("{name}: {}", io_reason(&source))),
        Some(e) => rep.skipped(format!("{name}: {e}")),
        None => {}
    }
    if let Some(w) = end.warning {
        rep.warn(format!("{name}: {w}"));
    }
    Ok(end.read)
}
