//! A scratch directory for one test, removed when the test ends (also when it fails).

use std::path::Path;

/// A fresh directory under the system's temporary directory, its name starting with the
/// test's ([`tempfile::TempDir`]: unpredictable, created atomically), removed with
/// everything in it when dropped.
pub(crate) struct Scratch(tempfile::TempDir);

impl Scratch {
    /// A new, empty directory `srcgraph-{name}-XXXXXX`.
    pub(crate) fn new(name: &str) -> Scratch {
        let dir = tempfile::Builder::new()
            .prefix(&format!("srcgraph-{name}-"))
            .tempdir()
            .expect("scratch dir");
        Scratch(dir)
    }
}

impl std::ops::Deref for Scratch {
    type Target = Path;
    fn deref(&self) -> &Path {
        self.0.path()
    }
}

impl AsRef<Path> for Scratch {
    fn as_ref(&self) -> &Path {
        self.0.path()
    }
}
