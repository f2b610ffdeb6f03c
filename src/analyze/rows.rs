//! Per-article rows of the statistics ([`ArticleStats`]) kept as they come, in bounded
//! memory: in memory up to a megabyte, then in an unnamed temporary file
//! ([`tempfile::SpooledTempFile`]), so a corpus of a million short items does not hold a
//! million rows; read back, as often as needed, by the writers of `export::stats`.
//!
//! A row is its numbers in little-endian, its label length-prefixed, and its path,
//! publication and month as numbers into a table of the names seen (a corpus has few).

use super::{ArticleRows, ArticleStats, Verdict, VerdictCounts};
use crate::graph::Name;
use std::collections::HashMap;
use std::io::{self, BufReader, Read, Seek, SeekFrom, Write};
use tempfile::SpooledTempFile;

/// Rows kept in input order.
pub struct RowStore {
    kept: SpooledTempFile,
    rows: usize,
    names: Vec<Name>,
    ids: HashMap<Name, u64>,
    /// The bytes of the rows being kept, reused.
    scratch: Vec<u8>,
}

impl Default for RowStore {
    fn default() -> Self {
        RowStore {
            kept: crate::spool::spool(),
            rows: 0,
            names: Vec::new(),
            ids: HashMap::new(),
            scratch: Vec::new(),
        }
    }
}

impl RowStore {
    /// Keep `rows` after the rows kept.
    ///
    /// # Errors
    /// The temporary file could not be written.
    pub fn extend(&mut self, rows: Vec<ArticleStats>) -> io::Result<()> {
        // After a reading, rows are appended.
        self.kept
            .seek(SeekFrom::End(0))
            .map_err(|e| crate::spool::spool_error("article rows", e))?;
        // The rows' bytes are written at once: past its memory share the store is a file.
        let mut b = std::mem::take(&mut self.scratch);
        b.clear();
        for row in rows {
            let path = self.id(&row.path);
            put(&mut b, path);
            put(&mut b, row.index as u64);
            put(&mut b, row.label.len() as u64);
            b.extend_from_slice(row.label.as_bytes());
            let publication = row.publication.as_ref().map_or(0, |p| self.id(p) + 1);
            put(&mut b, publication);
            put(&mut b, row.volume.map_or(0, |v| u64::from(v) + 1));
            let month = row.month.as_ref().map_or(0, |m| self.id(m) + 1);
            put(&mut b, month);
            put(&mut b, row.counts.claims as u64);
            for v in Verdict::ALL {
                put(&mut b, row.counts.verdicts[v] as u64);
            }
            self.rows += 1;
        }
        let written = self
            .kept
            .write_all(&b)
            .map_err(|e| crate::spool::spool_error("article rows", e));
        self.scratch = b;
        written
    }

    /// The number of `name` in the table, added on first use: its place, as the `u64` every
    /// number is stored as (no table outgrows it).
    fn id(&mut self, name: &Name) -> u64 {
        if let Some(&id) = self.ids.get(name) {
            return id;
        }
        let id = self.names.len() as u64;
        self.names.push(name.clone());
        self.ids.insert(name.clone(), id);
        id
    }
}

impl ArticleRows for RowStore {
    fn rows(&mut self) -> Box<dyn Iterator<Item = io::Result<ArticleStats>> + '_> {
        let names = &self.names;
        let mut left = self.rows;
        if let Err(e) = self.kept.seek(SeekFrom::Start(0)) {
            return Box::new(std::iter::once(Err(crate::spool::spool_error(
                "article rows",
                e,
            ))));
        }
        let mut reader = BufReader::new(Kept(&mut self.kept));
        Box::new(std::iter::from_fn(move || {
            if left == 0 {
                return None;
            }
            left -= 1;
            let row = read_row(&mut reader, names);
            if row.is_err() {
                left = 0;
            }
            Some(row)
        }))
    }
}

/// The kept rows, read with errors that say where.
struct Kept<'a>(&'a mut SpooledTempFile);

impl Read for Kept<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.0
            .read(buf)
            .map_err(|e| crate::spool::spool_error("article rows", e))
    }
}

fn put(b: &mut Vec<u8>, n: u64) {
    b.extend_from_slice(&n.to_le_bytes());
}

fn get(r: &mut dyn Read) -> io::Result<u64> {
    let mut b = [0; 8];
    r.read_exact(&mut b)?;
    Ok(u64::from_le_bytes(b))
}

fn bad(what: &str) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidData,
        format!("the kept article rows are damaged ({what})"),
    )
}

/// Name number `id` of the table.
fn name(names: &[Name], id: u64) -> io::Result<Name> {
    usize::try_from(id)
        .ok()
        .and_then(|i| names.get(i))
        .cloned()
        .ok_or_else(|| bad("name"))
}

/// No name for 0, else name number `id - 1`.
fn optional_name(names: &[Name], id: u64) -> io::Result<Option<Name>> {
    match id {
        0 => Ok(None),
        n => name(names, n - 1).map(Some),
    }
}

fn size(n: u64) -> io::Result<usize> {
    usize::try_from(n).map_err(|_| bad("number"))
}

fn read_row(r: &mut dyn Read, names: &[Name]) -> io::Result<ArticleStats> {
    let path = name(names, get(r)?)?;
    let index = size(get(r)?)?;
    let mut label = vec![0; size(get(r)?)?];
    r.read_exact(&mut label)?;
    let label = String::from_utf8(label).map_err(|_| bad("label"))?;
    let publication = optional_name(names, get(r)?)?;
    let volume = match get(r)? {
        0 => None,
        v => Some(u32::try_from(v - 1).map_err(|_| bad("volume"))?),
    };
    let month = optional_name(names, get(r)?)?;
    let mut counts = VerdictCounts {
        claims: size(get(r)?)?,
        ..VerdictCounts::default()
    };
    for v in Verdict::ALL {
        counts.verdicts.add(v, size(get(r)?)?);
    }
    Ok(ArticleStats {
        path,
        index,
        label,
        publication,
        volume,
        month,
        counts,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(i: usize) -> ArticleStats {
        let mut counts = VerdictCounts::default();
        for (k, v) in Verdict::ALL.into_iter().enumerate() {
            counts.verdicts.add(v, (i + k) % 5);
            counts.claims += (i + k) % 5;
        }
        ArticleStats {
            path: Name::from(format!("dir/file-{}.txt", i % 3)),
            index: i,
            label: format!("Monitor {}/{} «ü» \"x\"", i % 7, i),
            publication: (!i.is_multiple_of(4)).then(|| Name::from("Monitor")),
            volume: (!i.is_multiple_of(5)).then_some(u32::MAX - (i as u32 % 2)),
            month: (!i.is_multiple_of(6)).then(|| Name::from(format!("2001-{:02}", i % 12 + 1))),
            counts,
        }
    }

    /// Rows come back equal and in order, from memory and past the spill's memory share
    /// from its temporary file, and can be read twice; more rows kept after a read follow.
    #[test]
    fn kept_rows_come_back_equal_and_in_order() {
        for n in [0, 1, 17, 30_000] {
            let want: Vec<ArticleStats> = (0..n).map(row).collect();
            let mut store = RowStore::default();
            store.extend(want[..n / 2].to_vec()).expect("keep");
            let first: Vec<_> = store.rows().collect::<io::Result<_>>().expect("read");
            assert_eq!(first, want[..n / 2]);
            store.extend(want[n / 2..].to_vec()).expect("keep");
            for _ in 0..2 {
                let got: Vec<_> = store.rows().collect::<io::Result<_>>().expect("read");
                assert_eq!(got.len(), want.len());
                assert!(got == want, "rows differ at {n}");
            }
        }
    }
}
