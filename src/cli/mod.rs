//! The command-line interface: argument parsing (clap), input collection, output, messages,
//! exit codes. It holds no parsing logic of its own: every subcommand turns its arguments
//! into library calls.

mod args;
mod children;
mod cmd;
mod exit;
mod io;
mod parsed;

use clap::Parser;
use std::process::ExitCode;

pub(crate) use exit::Status;

/// Parse arguments, run the subcommand, map the outcome to an exit code. A broken pipe
/// (`srcgraph parse big | head`) ends quietly with status 0, as ripgrep does.
pub(crate) fn run() -> ExitCode {
    let cli = match args::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // clap prints help and version to stdout (status 0) and usage errors to stderr.
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() {
                Status::Error.code()
            } else {
                0
            });
        }
    };
    let result = match (cli.generate, cli.command) {
        (Some(what), _) => generate(what).map(|()| Status::Ok),
        (None, Some(args::Command::Parse(a))) => cmd::parse::run(&a),
        (None, Some(args::Command::Check(a))) => cmd::check::run(&a),
        (None, Some(args::Command::Graph(a))) => cmd::graph::run(&a),
        (None, Some(args::Command::Render(a))) => cmd::graph::run_render(&a),
        (None, Some(args::Command::Report(a))) => cmd::graph::run_report(&a),
        (None, Some(args::Command::Stats(a))) => cmd::stats::run(&a),
        (None, None) => {
            // Like a missing subcommand in clap: the help, on stderr, as a usage error.
            let _ =
                <args::Cli as clap::CommandFactory>::command().write_help(&mut std::io::stderr());
            return ExitCode::from(Status::Error.code());
        }
    };
    match result {
        Ok(status) => ExitCode::from(status.code()),
        Err(err) if is_broken_pipe(&err) => ExitCode::from(0),
        Err(err) => {
            eprintln!("srcgraph: error: {err:#}");
            ExitCode::from(Status::Error.code())
        }
    }
}

/// Print a completion script or the man page, built from the argument definitions.
fn generate(what: args::Generate) -> anyhow::Result<()> {
    use args::Generate;
    use clap_complete::Shell;
    let mut cmd = <args::Cli as clap::CommandFactory>::command();
    let mut out = std::io::stdout().lock();
    let shell = match what {
        Generate::CompleteBash => Shell::Bash,
        Generate::CompleteZsh => Shell::Zsh,
        Generate::CompleteFish => Shell::Fish,
        Generate::CompletePowershell => Shell::PowerShell,
        Generate::Man => {
            clap_mangen::Man::new(cmd).render(&mut out)?;
            return Ok(());
        }
    };
    clap_complete::generate(shell, &mut cmd, "srcgraph", &mut out);
    Ok(())
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
