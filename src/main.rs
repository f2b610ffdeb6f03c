//! The `srcgraph` command: a thin layer over the library. `cli::run` does the work and
//! returns the exit status; this file only maps it to the process exit code.

mod cli; // arguments, input collection, output, one module per subcommand

fn main() -> std::process::ExitCode {
    cli::run()
}

/// The allocator: parsing allocates many small, short-lived values (tokens' spans, names,
/// dates), and mimalloc serves them faster than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
