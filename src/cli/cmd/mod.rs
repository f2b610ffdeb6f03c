//! One module per subcommand: arguments in, library calls, results out.

pub(crate) mod check;
pub(crate) mod graph;
pub(crate) mod judged;
pub(crate) mod parse;
pub(crate) mod stats;
