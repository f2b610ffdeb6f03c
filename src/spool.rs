//! Bytes kept for later in bounded memory: in memory up to a megabyte, then in an unnamed
//! temporary file in the system's temporary directory (tempfile's `SpooledTempFile`: no
//! name to clean up, nothing left behind when the process is killed). `check` keeps its
//! JSON article summaries this way, `stats` its per-article rows.

use std::io;
use tempfile::SpooledTempFile;

/// Bytes held in memory before the rest goes to a temporary file.
pub(crate) const IN_MEMORY: usize = 1 << 20;

/// A new, empty spool.
pub(crate) fn spool() -> SpooledTempFile {
    SpooledTempFile::new(IN_MEMORY)
}

/// Error `e` of a spool keeping `what`, saying where.
pub(crate) fn spool_error(what: &str, e: io::Error) -> io::Error {
    io::Error::new(
        e.kind(),
        format!(
            "keeping {what} in a temporary file in {}: {e}",
            std::env::temp_dir().display()
        ),
    )
}
