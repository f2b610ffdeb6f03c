//! Command-line arguments (clap derive). Doc comments here are the `--help` text.

use clap::{Args, Parser, Subcommand, ValueEnum};
use srcgraph::analyze::Verdict;
use srcgraph::export::check::CheckFormat;
use srcgraph::export::dot::DateMode;
use srcgraph::model::Scope;
use srcgraph::render::{Engine, ImageFormat};
use std::path::PathBuf;

/// Find how each claim in a news bulletin is sourced, and show it as a graph.
#[derive(Debug, Parser)]
#[command(name = "srcgraph", version, propagate_version = true)]
#[command(
    after_help = "Examples:\n  srcgraph parse samples/seed.txt\n  srcgraph parse --format jsonl archive/ > citations.jsonl\n  cat article.txt | srcgraph parse -\n\nExit status: 0 ok, 1 findings (check), 2 unreadable input or usage error."
)]
pub(crate) struct Cli {
    /// Print a shell completion script or the man page on standard output, and exit
    /// (`srcgraph --generate complete-bash > /etc/bash_completion.d/srcgraph`).
    #[arg(long, value_enum, value_name = "WHAT", exclusive = true)]
    pub(crate) generate: Option<Generate>,

    #[command(subcommand)]
    pub(crate) command: Option<Command>,
}

/// What `--generate` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Generate {
    /// Completions for bash.
    CompleteBash,
    /// Completions for zsh.
    CompleteZsh,
    /// Completions for fish.
    CompleteFish,
    /// Completions for PowerShell.
    CompletePowershell,
    /// The man page (roff).
    Man,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// List claims with fewer than N independent sources, as diagnostics.
    #[command(
        after_help = "Examples:\n  srcgraph check samples/seed.txt\n  srcgraph check --min-sources 1 --allow self-referenced archive/\n  srcgraph check --scope paragraph --format json article.txt > findings.json\n  zcat archive.txt.gz | srcgraph check --format json - > findings.json\n  srcgraph check --from-parsed parsed/   # *.jsonl of `parse --with-text` (docs/distributed.md)\n\nExit status: 0 no claim falls short, 1 some do, 2 an input could not be read."
    )]
    Check(CheckArgs),
    /// Write the source graph as Graphviz DOT.
    #[command(
        after_help = "Examples:\n  srcgraph graph samples/seed.txt -o seed.dot && dot -Tsvg seed.dot -o seed.svg\n  srcgraph graph archive/ --focus Interfax --depth 2\n  srcgraph graph archive/ --verdict single-source,unsourced --no-legend\n  srcgraph graph archive/ --min-claims 5 --dates none\n  srcgraph graph --format graphml archive/ -o corpus.graphml\n  srcgraph graph --format csv archive/ -o tables/\n  srcgraph graph --co-citation --min-pair-claims 3 archive/ | neato -Tsvg -o cocitation.svg\n  srcgraph graph --from-parsed parsed/ -o archive.dot   # shards of `parse --with-text`\n\nAn archive is read in chunks, at least twice (--min-claims and --focus read it again), and\nwritten as it is read: memory does not grow with the archive."
    )]
    Graph(GraphArgs),
    /// Write a self-contained HTML report: the text with claims highlighted by verdict,
    /// their sources, a table of findings, and each article's source graph.
    #[command(
        after_help = "Examples:\n  srcgraph report samples/seed.txt -o seed.html\n  srcgraph report archive/ -o archive.html --engine builtin   # graphs without Graphviz\n  srcgraph report --no-graphs --scope paragraph article.txt > report.html\n\nAn archive is read in chunks three times and each article's section written as it is ready:\nmemory does not grow with the archive (the page does)."
    )]
    Report(ReportArgs),
    /// Draw the source graph as SVG, PNG or PDF.
    #[command(
        after_help = "Examples:\n  srcgraph render samples/seed.txt -o seed.svg\n  srcgraph render archive/ --focus Interfax -o interfax.png --engine sfdp\n  srcgraph render samples/seed.txt -o seed.svg --engine builtin   # without Graphviz\n\nPNG and PDF need Graphviz (apt-get install graphviz); SVG falls back to a built-in layout."
    )]
    Render(RenderArgs),
    /// Find the citation groups of articles and print their sources and dates.
    #[command(
        after_help = "Examples:\n  srcgraph parse samples/seed.txt\n  srcgraph parse --format json samples/ -o citations.json\n  srcgraph parse --glob '*.txt' --outlets my-outlets.toml archive/\n  srcgraph parse --format jsonl - < article.txt\n  srcgraph parse --format jsonl --with-text part-07/ -o parsed/part-07.jsonl   # for --from-parsed"
    )]
    Parse(ParseArgs),
    /// Corpus statistics: outlet leaderboard, verdicts per article and per publication
    /// volume, single-source share per month, outlets cited together; SVG charts.
    #[command(
        after_help = "Examples:\n  srcgraph stats archive/\n  srcgraph stats archive/ --format csv -o stats.csv\n  srcgraph stats archive/ --format json --top 50 > stats.json\n  srcgraph stats archive/ --plot charts/   # leaderboard.svg, single-source-by-month.svg, verdict-mix.svg\n  srcgraph stats --from-parsed parsed/     # shards of `parse --with-text`\n  srcgraph stats --citations-only archive/ # cited outlets only: about half the time"
    )]
    Stats(StatsArgs),
}

/// Output formats of `stats`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub(crate) enum StatsFormat {
    /// Tables for people.
    #[default]
    Human,
    /// One JSON document.
    Json,
    /// CSV rows `section,name,metric,value`.
    Csv,
}

/// Arguments of `srcgraph stats`.
#[derive(Debug, Args)]
pub(crate) struct StatsArgs {
    #[command(flatten)]
    pub(crate) input: InputArgs,

    #[command(flatten)]
    pub(crate) parsed: ParsedArgs,

    /// How much text one citation group supports.
    #[arg(long, value_enum, default_value_t = Scope::Run)]
    pub(crate) scope: Scope,

    /// Output format.
    #[arg(long, value_enum, default_value_t = StatsFormat::Human)]
    pub(crate) format: StatsFormat,

    /// Rows in the human tables and bars in the leaderboard chart.
    #[arg(long, value_name = "N", default_value_t = 20)]
    pub(crate) top: usize,

    /// Also write SVG charts into DIR (created if missing).
    #[arg(long, value_name = "DIR")]
    pub(crate) plot: Option<PathBuf>,

    #[command(flatten)]
    pub(crate) pass: PassArgs,

    /// Write to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,
}

/// Reading parsed articles instead of text (`check`, `stats`, `graph`, `render`).
#[derive(Debug, Args)]
pub(crate) struct ParsedArgs {
    /// The inputs are files of parsed articles, as `srcgraph parse --format jsonl
    /// --with-text` writes them: judge those articles without reading their text files
    /// again (the parse options --year, --cues and --input-format were the parse's;
    /// --citations-only here leaves out the prose sources the parse holds).
    #[arg(long)]
    pub(crate) from_parsed: bool,
}

/// Reading once or twice (`check`, `stats`).
#[derive(Debug, Args)]
pub(crate) struct PassArgs {
    /// Read the input once and judge it as it is read: results start at once and memory
    /// stays bounded, but a relay or a cross-referenced issue that the input shows only
    /// later (or more than --held-articles dated articles back) is not taken into account;
    /// a warning counts such cases. Standard input is always read this way.
    #[arg(long)]
    pub(crate) one_pass: bool,

    /// With one pass: how many of the latest articles of dated issues are held for
    /// cross-references.
    #[arg(long, value_name = "N", default_value_t = srcgraph::context::DEFAULT_HELD_ARTICLES)]
    pub(crate) held_articles: usize,
}

/// Where articles come from and how to read them (shared by every subcommand).
#[derive(Debug, Args)]
pub(crate) struct InputArgs {
    /// Files or directories to read (directories recursively); `-` reads standard input,
    /// which is also the default when no path is given and stdin is not a terminal.
    #[arg(value_name = "PATH")]
    pub(crate) paths: Vec<PathBuf>,

    /// Which files to read inside directories (a glob on the file name: `*`, `?`, `[abc]`,
    /// `{txt,md}`) [default: *.txt; *.jsonl with --from-parsed].
    #[arg(long, value_name = "GLOB")]
    pub(crate) glob: Option<String>,

    /// How the inputs are written: `auto` reads `.md` and `.markdown` files as Markdown
    /// (emphasis, links and headings read as their text), `.html` and `.htm` as HTML (the
    /// text of the page), and everything else as text.
    #[arg(long, value_name = "FORMAT", default_value = "auto")]
    pub(crate) input_format: InputFormatArg,

    /// A TOML file of outlets and publications that adds to or overrides the built-in
    /// knowledge base (format: docs/outlets.md).
    #[arg(long, value_name = "FILE")]
    pub(crate) outlets: Option<PathBuf>,

    /// A TOML file of cue words (reporting verbs, nominal cues, phrases) and source words
    /// (roles, bodies, outlet nouns) that adds to the built-in lexicon for sources named in
    /// the prose (format: docs/attributions.md).
    #[arg(long, value_name = "FILE")]
    pub(crate) cues: Option<PathBuf>,

    /// Year for dates written without one, when an article's header gives no date.
    #[arg(long, value_name = "YEAR", value_parser = clap::value_parser!(i32).range(1800..=2199))]
    pub(crate) year: Option<i32>,

    /// Never infer an article's year from years written out in its prose; without a header
    /// date, --year or a volume, dates written without a year stay unresolved.
    #[arg(long)]
    pub(crate) strict_years: bool,

    /// Read the parenthetical citations only, not the sources named in the prose (a
    /// date-only group still takes its outlet from the prose before it): for work that
    /// needs the cited outlets alone, in about half the time of check, graph and stats (a
    /// third of parse's). Verdicts then rest on the citations.
    #[arg(long, conflicts_with = "cues")]
    pub(crate) citations_only: bool,

    /// Print no warnings about inputs and no progress bar (errors are still printed).
    #[arg(short, long)]
    pub(crate) quiet: bool,

    /// Worker threads (0: one per core). Output is the same whatever the number.
    #[arg(short = 'j', long, value_name = "N", default_value_t = 0)]
    pub(crate) threads: usize,

    /// Bytes read at a time (whole articles are kept together); for tests.
    #[arg(long, hide = true, value_name = "BYTES", default_value_t = srcgraph::stream::DEFAULT_CHUNK)]
    pub(crate) chunk_size: usize,
}

/// `--input-format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum InputFormatArg {
    /// By file name: Markdown for `.md`, `.markdown`; HTML for `.html`, `.htm`; text
    /// otherwise.
    Auto,
    /// Plain text.
    Text,
    /// Markdown (CommonMark).
    Markdown,
    /// HTML (the text of the page's body).
    Html,
}

impl InputFormatArg {
    /// The format every input is read in, or `None` to go by file names.
    pub(crate) fn format(self) -> Option<srcgraph::markup::InputFormat> {
        match self {
            InputFormatArg::Auto => None,
            InputFormatArg::Text => Some(srcgraph::markup::InputFormat::Text),
            InputFormatArg::Markdown => Some(srcgraph::markup::InputFormat::Markdown),
            InputFormatArg::Html => Some(srcgraph::markup::InputFormat::Html),
        }
    }
}

/// Output formats of `parse`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ParseFormat {
    /// One citation a line with file:line:col (the default on a terminal).
    Text,
    /// One JSON document with every article.
    Json,
    /// One JSON object per article per line (the default when piped).
    Jsonl,
}

/// Arguments of `srcgraph parse`.
#[derive(Debug, Args)]
pub(crate) struct ParseArgs {
    #[command(flatten)]
    pub(crate) input: InputArgs,

    /// Output format [default: text on a terminal, jsonl otherwise].
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub(crate) format: Option<ParseFormat>,

    /// With JSON and JSON Lines: give each article its text too, so that `check`, `stats`
    /// and `graph --from-parsed` can judge it without the input (the map step of a run on
    /// many machines: docs/distributed.md).
    #[arg(long)]
    pub(crate) with_text: bool,

    /// Write to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,
}

/// When to colour output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub(crate) enum ColorChoice {
    /// When the output is a terminal and NO_COLOR is not set (CLICOLOR_FORCE forces it).
    #[default]
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// Kinds of finding that `check --allow` can accept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum AllowKind {
    /// Claims with no citation.
    Unsourced,
    /// Claims resting only on the publication's own earlier issues.
    SelfReferenced,
    /// Claims with one independent source.
    SingleSource,
    /// Claims whose only sources are collectives such as "Russian agencies".
    CollectiveOnly,
    /// Claims citing an outlet caught in a circle of outlets relaying each other.
    CircularReporting,
}

impl AllowKind {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            AllowKind::Unsourced => "unsourced",
            AllowKind::SelfReferenced => "self-referenced",
            AllowKind::SingleSource => "single-source",
            AllowKind::CollectiveOnly => "collective-only",
            AllowKind::CircularReporting => "circular-reporting",
        }
    }
}

/// Kinds of finding that `check --deny` reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum DenyKind {
    /// Claims whose only support is an anonymous source ("one unnamed diplomatic source").
    AnonymousOnly,
    /// Claims whose only support is a vague source ("some reports", "observers").
    VagueOnly,
}

impl DenyKind {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            DenyKind::AnonymousOnly => "anonymous-only",
            DenyKind::VagueOnly => "vague-only",
        }
    }
}

/// Arguments of `srcgraph check`.
#[derive(Debug, Args)]
pub(crate) struct CheckArgs {
    #[command(flatten)]
    pub(crate) input: InputArgs,

    #[command(flatten)]
    pub(crate) parsed: ParsedArgs,

    /// Report claims with fewer independent sources than this.
    #[arg(long, value_name = "N", default_value_t = 2, value_parser = clap::value_parser!(u32).range(1..=100))]
    pub(crate) min_sources: u32,

    /// How much text one citation group supports.
    #[arg(long, value_enum, default_value_t = Scope::Run)]
    pub(crate) scope: Scope,

    /// Do not report these kinds of claim (comma-separated).
    #[arg(long, value_enum, value_delimiter = ',', value_name = "KIND")]
    pub(crate) allow: Vec<AllowKind>,

    /// Report claims whose only support is an anonymous or a vague source named in the
    /// prose as their own kind (comma-separated).
    #[arg(long, value_enum, value_delimiter = ',', value_name = "KIND")]
    pub(crate) deny: Vec<DenyKind>,

    /// Report the claims with these verdicts instead, whatever their number of sources
    /// (comma-separated: `--verdict unsourced` lists every unsourced claim).
    #[arg(long, value_enum, value_delimiter = ',', value_name = "VERDICT")]
    pub(crate) verdict: Vec<Verdict>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
    pub(crate) format: CheckFormat,

    #[command(flatten)]
    pub(crate) pass: PassArgs,

    /// When to colour the output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub(crate) color: ColorChoice,

    /// Write to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,
}

/// Output formats of `graph`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub(crate) enum GraphFormat {
    /// Graphviz DOT.
    #[default]
    Dot,
    /// Node-link JSON (networkx: `node_link_graph(data, edges="links")`; D3).
    Json,
    /// GraphML (Gephi, yEd, Cytoscape, networkx).
    Graphml,
    /// GEXF 1.2 (Gephi, networkx).
    Gexf,
    /// `nodes.csv` and `edges.csv` in the directory given with -o.
    Csv,
}

/// Which part of the graph to show, and how (shared by `graph` and `render`).
#[derive(Debug, Args)]
pub(crate) struct SelectArgs {
    #[command(flatten)]
    pub(crate) parsed: ParsedArgs,

    /// How much text one citation group supports.
    #[arg(long, value_enum, default_value_t = Scope::Run)]
    pub(crate) scope: Scope,

    /// Show only what lies within --depth edges of this outlet (any spelling), article
    /// (file path, or path#N for its N-th article) or claim (`path:line`).
    #[arg(long, value_name = "NODE")]
    pub(crate) focus: Option<String>,

    /// With --focus: how many edges away to go.
    #[arg(long, value_name = "N", default_value_t = 2)]
    pub(crate) depth: usize,

    /// Show only claims with these verdicts (comma-separated).
    #[arg(long, value_enum, value_delimiter = ',', value_name = "VERDICT")]
    pub(crate) verdict: Vec<Verdict>,

    /// Show only outlets cited by at least N claims.
    #[arg(long, value_name = "N")]
    pub(crate) min_claims: Option<usize>,

    /// How to draw cited dates (DOT and images).
    #[arg(long, value_enum, default_value_t = DateMode::Labels)]
    pub(crate) dates: DateMode,

    /// Leave the legend out (DOT and images).
    #[arg(long)]
    pub(crate) no_legend: bool,
}

/// Arguments of `srcgraph graph`.
#[derive(Debug, Args)]
pub(crate) struct GraphArgs {
    #[command(flatten)]
    pub(crate) input: InputArgs,

    #[command(flatten)]
    pub(crate) select: SelectArgs,

    /// Output format.
    #[arg(long, value_enum, default_value_t = GraphFormat::Dot)]
    pub(crate) format: GraphFormat,

    /// Write to FILE instead of standard output (a directory for csv).
    #[arg(short, long, value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,

    /// Write the outlet co-citation network instead (DOT: outlets linked by the number of
    /// claims citing both).
    #[arg(long)]
    pub(crate) co_citation: bool,

    /// With --co-citation: leave out pairs cited together by fewer than N claims.
    #[arg(long, value_name = "N", default_value_t = 1, requires = "co_citation")]
    pub(crate) min_pair_claims: usize,
}

/// Arguments of `srcgraph report`.
#[derive(Debug, Args)]
pub(crate) struct ReportArgs {
    #[command(flatten)]
    pub(crate) input: InputArgs,

    /// How much text one citation group supports.
    #[arg(long, value_enum, default_value_t = Scope::Run)]
    pub(crate) scope: Scope,

    /// Layout engine for the per-article graphs (`builtin` needs no Graphviz).
    #[arg(long, value_enum, default_value_t = Engine::Dot)]
    pub(crate) engine: Engine,

    /// Leave the per-article source graphs out.
    #[arg(long)]
    pub(crate) no_graphs: bool,

    /// Write to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,
}

/// Arguments of `srcgraph render`.
#[derive(Debug, Args)]
pub(crate) struct RenderArgs {
    #[command(flatten)]
    pub(crate) input: InputArgs,

    #[command(flatten)]
    pub(crate) select: SelectArgs,

    /// The image file to write; its extension (.svg, .png, .pdf) gives the format unless
    /// --format does.
    #[arg(short, long, value_name = "FILE")]
    pub(crate) output: PathBuf,

    /// Image format.
    #[arg(long, value_enum)]
    pub(crate) format: Option<ImageFormat>,

    /// Layout engine.
    #[arg(long, value_enum, default_value_t = Engine::Dot)]
    pub(crate) engine: Engine,

    /// Draw a graph above the size Graphviz lays out in reasonable time (see --help).
    #[arg(long)]
    pub(crate) force: bool,
}

#[cfg(test)]
mod tests {
    use super::Cli;
    use clap::CommandFactory;

    #[test]
    fn verify_app() {
        Cli::command().debug_assert();
    }
}
