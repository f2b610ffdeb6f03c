//! Command-line arguments (clap derive). Doc comments here are the `--help` text.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Find how each claim in a news bulletin is sourced, and show it as a graph.
#[derive(Debug, Parser)]
#[command(name = "srcgraph", version, propagate_version = true)]
#[command(
    after_help = "Examples:\n  srcgraph parse samples/seed.txt\n  srcgraph parse --format jsonl archive/ > citations.jsonl\n  cat article.txt | srcgraph parse -\n\nExit status: 0 ok, 1 findings (check), 2 unreadable input or usage error."
)]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub(crate) command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Find the citation groups of articles and print their sources and dates.
    #[command(
        after_help = "Examples:\n  srcgraph parse samples/seed.txt\n  srcgraph parse --format json samples/ -o citations.json\n  srcgraph parse --glob '*.txt' --outlets my-outlets.toml archive/\n  srcgraph parse --format jsonl - < article.txt"
    )]
    Parse(ParseArgs),
}

/// Where articles come from and how to read them (shared by every subcommand).
#[derive(Debug, Args)]
pub(crate) struct InputArgs {
    /// Files or directories to read (directories recursively); `-` reads standard input,
    /// which is also the default when no path is given and stdin is not a terminal.
    #[arg(value_name = "PATH")]
    pub(crate) paths: Vec<PathBuf>,

    /// Which files to read inside directories (a glob on the file name: `*`, `?`, `[abc]`,
    /// `{txt,md}`).
    #[arg(long, value_name = "GLOB", default_value = "*.txt")]
    pub(crate) glob: String,

    /// A TOML file of outlets and publications that adds to or overrides the built-in
    /// knowledge base (format: docs/outlets.md).
    #[arg(long, value_name = "FILE")]
    pub(crate) outlets: Option<PathBuf>,

    /// Year for dates written without one, when an article's header gives no date.
    #[arg(long, value_name = "YEAR", value_parser = clap::value_parser!(i32).range(1800..=2199))]
    pub(crate) year: Option<i32>,

    /// Never infer an article's year from years written out in its prose; without a header
    /// date, --year or a volume, dates written without a year stay unresolved.
    #[arg(long)]
    pub(crate) strict_years: bool,

    /// Print no warnings about inputs (errors are still printed).
    #[arg(short, long)]
    pub(crate) quiet: bool,
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

    /// Write to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,
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
