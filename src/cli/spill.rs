//! Bytes kept for later in bounded memory: `check` keeps its JSON article summaries (they
//! come after the claims), `stats` its per-article rows (they are written after the totals).

use std::io::{Read, Seek, SeekFrom, Write};

/// Bytes kept for later: in memory up to [`Spill::IN_MEMORY`], then in a temporary file, so
/// an input of a million articles does not hold their summaries. The file's name is removed
/// as soon as it is open (the open file stays readable and writable), so nothing is left
/// behind even when the process is killed; where an open file cannot be removed (Windows),
/// it is removed when the spill is dropped.
#[derive(Default)]
pub(crate) struct Spill {
    buf: Vec<u8>,
    file: Option<SpillFile>,
}

/// The temporary file of a [`Spill`].
struct SpillFile {
    file: std::io::BufWriter<std::fs::File>,
    /// Its path, for messages.
    path: std::path::PathBuf,
    /// True when the name is still to be removed (on drop).
    named: bool,
}

impl Spill {
    pub(crate) const IN_MEMORY: usize = 1 << 20;

    /// Keep `bytes` after what is kept. An error names the temporary file.
    pub(crate) fn write_all(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        if self.file.is_none() && self.buf.len() + bytes.len() > Self::IN_MEMORY {
            static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
            let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let path =
                std::env::temp_dir().join(format!("srcgraph-{}-{n}.spill", std::process::id()));
            let file = std::fs::OpenOptions::new()
                .read(true)
                .write(true)
                .create_new(true)
                .open(&path)
                .map_err(|e| in_file(&path, e))?;
            let named = std::fs::remove_file(&path).is_err();
            // Known before anything is written, so that it is removed whatever happens.
            self.file = Some(SpillFile {
                file: std::io::BufWriter::new(file),
                path,
                named,
            });
            let kept = std::mem::take(&mut self.buf);
            return self.write_all(&kept).and_then(|()| self.write_all(bytes));
        }
        match &mut self.file {
            Some(f) => f.file.write_all(bytes).map_err(|e| in_file(&f.path, e)),
            None => {
                self.buf.extend_from_slice(bytes);
                Ok(())
            }
        }
    }

    /// Write everything kept to `out`.
    pub(crate) fn copy_to(&mut self, out: &mut dyn Write) -> std::io::Result<()> {
        std::io::copy(&mut self.reader()?, out)?;
        Ok(())
    }

    /// Everything kept, from the start (writing more after reading appends after it).
    pub(crate) fn reader(&mut self) -> std::io::Result<Box<dyn Read + '_>> {
        match &mut self.file {
            Some(SpillFile { file, path, .. }) => {
                file.flush().map_err(|e| in_file(path, e))?;
                let file = file.get_mut();
                file.seek(SeekFrom::Start(0))
                    .map_err(|e| in_file(path, e))?;
                Ok(Box::new(std::io::BufReader::new(Rewind(file))))
            }
            None => Ok(Box::new(self.buf.as_slice())),
        }
    }
}

/// Error `e` of the temporary file at `path`, saying so.
fn in_file(path: &std::path::Path, e: std::io::Error) -> std::io::Error {
    std::io::Error::new(
        e.kind(),
        format!("keeping data in the temporary file {}: {e}", path.display()),
    )
}

/// A file read from the start and left positioned at its end when dropped, so that what is
/// written next is appended.
struct Rewind<'a>(&'a mut std::fs::File);

impl Read for Rewind<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        self.0.read(buf)
    }
}

impl Drop for Rewind<'_> {
    fn drop(&mut self) {
        let _ = self.0.seek(SeekFrom::End(0));
    }
}

impl Drop for Spill {
    fn drop(&mut self) {
        if let Some(f) = self.file.take().filter(|f| f.named) {
            let _ = std::fs::remove_file(f.path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Spill;
    use std::io::Write;

    /// Past its memory share a spill goes to a temporary file, gives back every byte in
    /// order (also when written to again after a read), and leaves no file behind — on
    /// Unix not even while it is alive, so a killed process leaves nothing either.
    #[test]
    fn a_spill_gives_back_what_it_kept_and_cleans_up() {
        for total in [10, Spill::IN_MEMORY - 1, 3 * Spill::IN_MEMORY + 17] {
            let mut spill = Spill::default();
            let mut want = Vec::new();
            let mut i = 0u32;
            while want.len() < total {
                let piece = format!("{i},");
                spill.write_all(piece.as_bytes()).expect("write");
                want.extend_from_slice(piece.as_bytes());
                i += 1;
            }
            let path = spill.file.as_ref().map(|f| f.path.clone());
            assert_eq!(path.is_some(), want.len() > Spill::IN_MEMORY);
            if cfg!(unix) {
                assert!(
                    path.as_ref().is_none_or(|p| !p.exists()),
                    "{path:?} has a name"
                );
            }
            let mut got = Vec::new();
            spill.copy_to(&mut got).expect("copy");
            assert!(got == want, "bytes differ at {total}");
            spill.write_all(b"more").expect("write after a read");
            want.extend_from_slice(b"more");
            got.clear();
            spill.copy_to(&mut got).expect("copy again");
            assert!(got == want, "bytes differ after a second write at {total}");
            got.flush().expect("flush");
            drop(spill);
            if let Some(p) = path {
                assert!(!p.exists(), "{} left behind", p.display());
            }
        }
    }
}
