//! One module per subcommand: arguments in, library calls, results out.

pub(crate) mod parse;
