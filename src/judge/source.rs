//! Chunk sources for library callers: a file (read once per pass) and a reader (read
//! once). A problem of the input is an error; invalid UTF-8, replaced, is a warning kept.

use super::{ChunkSource, Pass};
use crate::input::InputWarning;
use crate::markup::InputFormat;
use crate::stream::{Chunk, ChunkError, DEFAULT_CHUNK, read_chunks};
use std::io::Read;
use std::path::{Path, PathBuf};

/// Why judging an input stopped.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum JudgeError {
    /// The input could not be read, or holds binary data.
    #[error("{name}: {source}")]
    Input {
        /// The input's name.
        name: String,
        /// What went wrong.
        source: ChunkError,
    },
    /// A reader was asked for a second pass.
    #[error("{name}: a reader can be read only once; judge it in one pass")]
    ReadTwice {
        /// The input's name.
        name: String,
    },
    /// Writing the results failed.
    #[error(transparent)]
    Output(#[from] std::io::Error),
}

/// What both sources keep of their input: its name, format and warnings.
#[derive(Debug)]
struct Named {
    name: String,
    format: InputFormat,
    warnings: Vec<InputWarning>,
}

impl Named {
    fn new(name: String) -> Named {
        Named {
            format: InputFormat::for_path(&name),
            name,
            warnings: Vec::new(),
        }
    }

    /// Read `reader` in chunks for `pass`, each to `f`.
    fn read(
        &mut self,
        pass: Pass,
        reader: impl Read,
        f: &mut dyn FnMut(Chunk) -> Result<(), JudgeError>,
    ) -> Result<bool, JudgeError> {
        let end = read_chunks(&self.name, self.format, reader, DEFAULT_CHUNK, f)?;
        finish(&self.name, pass, end, &mut self.warnings)
    }
}

/// A file, opened anew for each pass; its format from its extension (`.md`, `.html`, …).
#[derive(Debug)]
pub struct FileSource {
    path: PathBuf,
    input: Named,
}

impl FileSource {
    /// The file at `path`, named as `path` is written.
    pub fn new(path: &Path) -> FileSource {
        FileSource {
            path: path.to_path_buf(),
            input: Named::new(path.display().to_string()),
        }
    }

    /// Read it as `format` whatever its extension.
    pub fn format(mut self, format: InputFormat) -> FileSource {
        self.input.format = format;
        self
    }

    /// Warnings of the readings so far (invalid UTF-8, replaced), once per input.
    pub fn warnings(&self) -> &[InputWarning] {
        &self.input.warnings
    }
}

impl ChunkSource for FileSource {
    type Error = JudgeError;

    fn name(&self) -> &str {
        &self.input.name
    }

    fn each_chunk(
        &mut self,
        pass: Pass,
        f: &mut dyn FnMut(Chunk) -> Result<(), JudgeError>,
    ) -> Result<bool, JudgeError> {
        let file = std::fs::File::open(&self.path).map_err(|e| JudgeError::Input {
            name: self.input.name.clone(),
            source: e.into(),
        })?;
        self.input.read(pass, file, f)
    }
}

/// Any reader, read once: for [`super::Judging::judge_once`].
#[derive(Debug)]
pub struct ReaderSource<R> {
    reader: Option<R>,
    input: Named,
}

impl<R: Read> ReaderSource<R> {
    /// `reader`, the input `name` (its format from the name's extension).
    pub fn new(name: &str, reader: R) -> ReaderSource<R> {
        ReaderSource {
            reader: Some(reader),
            input: Named::new(name.to_string()),
        }
    }

    /// Warnings of the reading (invalid UTF-8, replaced).
    pub fn warnings(&self) -> &[InputWarning] {
        &self.input.warnings
    }
}

impl<R: Read> ChunkSource for ReaderSource<R> {
    type Error = JudgeError;

    fn name(&self) -> &str {
        &self.input.name
    }

    fn each_chunk(
        &mut self,
        pass: Pass,
        f: &mut dyn FnMut(Chunk) -> Result<(), JudgeError>,
    ) -> Result<bool, JudgeError> {
        match self.reader.take() {
            Some(reader) => self.input.read(pass, reader, f),
            None => Err(JudgeError::ReadTwice {
                name: self.input.name.clone(),
            }),
        }
    }
}

/// The end of one reading: a problem is an error, a warning is kept (from the first
/// reading only).
fn finish(
    name: &str,
    pass: Pass,
    end: crate::stream::ReadEnd,
    warnings: &mut Vec<InputWarning>,
) -> Result<bool, JudgeError> {
    if let Some(source) = end.stopped {
        return Err(JudgeError::Input {
            name: name.to_string(),
            source,
        });
    }
    if pass != Pass::Judge {
        warnings.extend(end.warning);
    }
    Ok(end.read)
}
