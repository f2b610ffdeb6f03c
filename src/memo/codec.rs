//! The compact bytes in which the memo keeps a chunk's parse: its articles, with every field,
//! and their claims.
//!
//! Numbers are variable-length (seven bits a byte, low bits first; signed ones zigzagged),
//! strings their length and bytes, options a 0/1 byte before the value, lists their length
//! before the items, enums one byte each. Every struct is written and read field by field,
//! by name: a field added to the model fails to compile here until it is kept too. Bytes
//! this module did not write are never a panic: cut short or extended they are refused;
//! changed, they are refused or read as other values (there is no checksum: the memo's
//! records are the process's own, in its own unnamed temporary file).

use crate::calendar::Date;
use crate::diag::{DiagCode, Diagnostic, Severity};
use crate::model::{
    Antecedent, Article, ArticleText, Attribution, Citation, Claim, DateRef, HeaderField,
    NonCitationReason, OutletKind, Parenthetical, SourceRef, SourceType, YearSource,
};
use crate::span::Span;

/// The parse of one chunk, as bytes appended to `out`.
pub(super) fn encode(articles: &[Article], claims: &[Vec<Claim>], out: &mut Vec<u8>) {
    articles.put(out);
    claims.put(out);
}

/// The parse [`encode`] wrote; `None` for bytes it did not write.
pub(super) fn decode(b: &[u8]) -> Option<(Vec<Article>, Vec<Vec<Claim>>)> {
    let mut r = Reader { b, at: 0 };
    let articles = Vec::<Article>::get(&mut r)?;
    let claims = Vec::<Vec<Claim>>::get(&mut r)?;
    (r.at == b.len()).then_some((articles, claims))
}

/// Reads what [`Code::put`] wrote.
pub(super) struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn byte(&mut self) -> Option<u8> {
        let b = *self.b.get(self.at)?;
        self.at += 1;
        Some(b)
    }

    fn bytes(&mut self, n: usize) -> Option<&[u8]> {
        let s = self.b.get(self.at..self.at.checked_add(n)?)?;
        self.at += n;
        Some(s)
    }

    /// How many bytes are left: a list claiming more items than that is not ours (every
    /// item takes at least a byte).
    fn left(&self) -> usize {
        self.b.len() - self.at
    }
}

/// A value kept in the memo's bytes.
pub(super) trait Code: Sized {
    /// Append the value's bytes to `out`.
    fn put(&self, out: &mut Vec<u8>);
    /// Read a value [`Code::put`] wrote.
    fn get(r: &mut Reader<'_>) -> Option<Self>;
}

impl Code for usize {
    fn put(&self, out: &mut Vec<u8>) {
        let mut n = *self;
        while n >= 0x80 {
            out.push((n as u8 & 0x7f) | 0x80);
            n >>= 7;
        }
        out.push(n as u8);
    }

    fn get(r: &mut Reader<'_>) -> Option<usize> {
        let mut n = 0usize;
        for shift in (0..usize::BITS).step_by(7) {
            let b = r.byte()?;
            let part = usize::from(b & 0x7f);
            // The last byte may hold only the bits left.
            if shift + 7 > usize::BITS && part >> (usize::BITS - shift) != 0 {
                return None;
            }
            n |= part << shift;
            if b & 0x80 == 0 {
                return Some(n);
            }
        }
        None
    }
}

impl Code for u32 {
    fn put(&self, out: &mut Vec<u8>) {
        (*self as usize).put(out);
    }

    fn get(r: &mut Reader<'_>) -> Option<u32> {
        u32::try_from(usize::get(r)?).ok()
    }
}

impl Code for i32 {
    fn put(&self, out: &mut Vec<u8>) {
        // Zigzag: small magnitudes of either sign take few bytes.
        let z = ((*self << 1) ^ (*self >> 31)) as u32;
        z.put(out);
    }

    fn get(r: &mut Reader<'_>) -> Option<i32> {
        let z = u32::get(r)?;
        Some((z >> 1) as i32 ^ -((z & 1) as i32))
    }
}

impl Code for u8 {
    fn put(&self, out: &mut Vec<u8>) {
        out.push(*self);
    }

    fn get(r: &mut Reader<'_>) -> Option<u8> {
        r.byte()
    }
}

impl Code for bool {
    fn put(&self, out: &mut Vec<u8>) {
        out.push(u8::from(*self));
    }

    fn get(r: &mut Reader<'_>) -> Option<bool> {
        match r.byte()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }
}

impl Code for String {
    fn put(&self, out: &mut Vec<u8>) {
        self.len().put(out);
        out.extend_from_slice(self.as_bytes());
    }

    fn get(r: &mut Reader<'_>) -> Option<String> {
        let n = usize::get(r)?;
        let s = r.bytes(n)?;
        std::str::from_utf8(s).ok().map(str::to_string)
    }
}

impl<T: Code> Code for Option<T> {
    fn put(&self, out: &mut Vec<u8>) {
        match self {
            None => out.push(0),
            Some(x) => {
                out.push(1);
                x.put(out);
            }
        }
    }

    fn get(r: &mut Reader<'_>) -> Option<Option<T>> {
        match r.byte()? {
            0 => Some(None),
            1 => T::get(r).map(Some),
            _ => None,
        }
    }
}

impl<T: Code> Code for Vec<T> {
    fn put(&self, out: &mut Vec<u8>) {
        self.as_slice().put(out);
    }

    fn get(r: &mut Reader<'_>) -> Option<Vec<T>> {
        let n = usize::get(r)?;
        if n > r.left() {
            return None;
        }
        // Room for a few items at once, not for the count read: an item takes a byte of the
        // record but may be hundreds in memory, so a count from foreign bytes must not size
        // the allocation.
        let mut xs = Vec::with_capacity(n.min(64));
        for _ in 0..n {
            xs.push(T::get(r)?);
        }
        Some(xs)
    }
}

/// Slices are written as lists (read back as a `Vec`).
trait PutSlice {
    fn put(&self, out: &mut Vec<u8>);
}

impl<T: Code> PutSlice for [T] {
    fn put(&self, out: &mut Vec<u8>) {
        self.len().put(out);
        for x in self {
            x.put(out);
        }
    }
}

impl Code for Span {
    fn put(&self, out: &mut Vec<u8>) {
        self.start.put(out);
        // The length, not the end: shorter, and never an inverted span when read.
        self.len().put(out);
    }

    fn get(r: &mut Reader<'_>) -> Option<Span> {
        let start = usize::get(r)?;
        let end = start.checked_add(usize::get(r)?)?;
        Some(Span::new(start, end))
    }
}

impl Code for Date {
    fn put(&self, out: &mut Vec<u8>) {
        self.year().put(out);
        out.push(self.month());
        out.push(self.day());
    }

    fn get(r: &mut Reader<'_>) -> Option<Date> {
        let year = i32::get(r)?;
        Date::new(year, r.byte()?, r.byte()?)
    }
}

impl Code for [usize; 2] {
    fn put(&self, out: &mut Vec<u8>) {
        self[0].put(out);
        self[1].put(out);
    }

    fn get(r: &mut Reader<'_>) -> Option<[usize; 2]> {
        Some([usize::get(r)?, usize::get(r)?])
    }
}

/// One byte per variant of a field-less enum, both ways; the writing side matches without a
/// default arm, so a new variant fails to compile until it has a code.
macro_rules! codes {
    ($ty:ident { $($variant:ident => $code:literal),+ $(,)? }) => {
        impl Code for $ty {
            fn put(&self, out: &mut Vec<u8>) {
                out.push(match self {
                    $($ty::$variant => $code),+
                });
            }

            fn get(r: &mut Reader<'_>) -> Option<$ty> {
                match r.byte()? {
                    $($code => Some($ty::$variant),)+
                    _ => None,
                }
            }
        }
    };
}

codes!(OutletKind {
    Agency => 0,
    Newspaper => 1,
    Magazine => 2,
    Television => 3,
    Radio => 4,
    Online => 5,
    Official => 6,
    Collective => 7,
    Bulletin => 8,
    Other => 9,
    Unknown => 10,
});

codes!(SourceType {
    Outlet => 0,
    Person => 1,
    OfficialBody => 2,
    Anonymous => 3,
    Vague => 4,
    Document => 5,
    SelfRef => 6,
});

codes!(NonCitationReason {
    Abbreviation => 0,
    Pointer => 1,
    Credit => 2,
    Note => 3,
    Number => 4,
    TooLong => 5,
    Link => 6,
    Aside => 7,
});

codes!(YearSource {
    HeaderDate => 0,
    Volume => 1,
    Given => 2,
    Text => 3,
    Unknown => 4,
});

codes!(Severity {
    Note => 0,
    Warning => 1,
});

codes!(DiagCode {
    UnclosedParen => 0,
    UnopenedParen => 1,
    UnknownYear => 2,
    InferredYear => 3,
    InvalidDate => 4,
    LongGroup => 5,
    InvalidUtf8 => 6,
});

/// Field by field, both ways: `put` destructures the struct (every field by name, so a new
/// field fails to compile until it is listed) and `get` reads them in the same order.
macro_rules! fields {
    ($ty:ident { $($field:ident),+ $(,)? }) => {
        impl Code for $ty {
            fn put(&self, out: &mut Vec<u8>) {
                let $ty { $($field),+ } = self;
                $(Code::put($field, out);)+
            }

            fn get(r: &mut Reader<'_>) -> Option<$ty> {
                Some($ty { $($field: Code::get(r)?),+ })
            }
        }
    };
}

fields!(DateRef {
    text,
    date,
    end,
    span
});

fields!(Antecedent {
    text,
    span,
    line,
    column
});

fields!(Attribution {
    paragraph,
    line,
    column,
    span,
    text,
    kind,
    canonical,
    cue,
    citing,
    refers_to,
});

fields!(Citation {
    paragraph,
    line,
    column,
    span,
    raw,
    refs
});

fields!(Parenthetical {
    paragraph,
    line,
    column,
    span,
    raw,
    reason,
});

fields!(HeaderField { key, value });

fields!(Diagnostic {
    severity,
    code,
    message,
    line,
    column,
    span,
});

fields!(ArticleText {
    start,
    content,
    source
});

fields!(Article {
    path,
    index,
    publication,
    volume,
    issue,
    date,
    year,
    year_source,
    header,
    title,
    header_paragraph,
    title_paragraph,
    line,
    span,
    paragraphs,
    citations,
    other_parentheses,
    attributions,
    diagnostics,
    text,
});

fields!(Claim {
    index,
    span,
    line,
    column,
    paragraphs,
    citations,
    excerpt,
});

/// A reference's canonical name is most often its outlet as written: then one byte stands
/// for it.
impl Code for SourceRef {
    fn put(&self, out: &mut Vec<u8>) {
        let SourceRef {
            outlet,
            canonical,
            kind,
            country,
            group,
            cross_reference,
            dates,
            relays,
            implied_outlet,
            span,
            line,
            column,
        } = self;
        outlet.put(out);
        if canonical == outlet {
            out.push(0);
        } else {
            out.push(1);
            canonical.put(out);
        }
        kind.put(out);
        country.put(out);
        group.put(out);
        cross_reference.put(out);
        dates.put(out);
        relays.put(out);
        implied_outlet.put(out);
        span.put(out);
        line.put(out);
        column.put(out);
    }

    fn get(r: &mut Reader<'_>) -> Option<SourceRef> {
        let outlet = String::get(r)?;
        let canonical = match r.byte()? {
            0 => outlet.clone(),
            1 => String::get(r)?,
            _ => return None,
        };
        Some(SourceRef {
            outlet,
            canonical,
            kind: Code::get(r)?,
            country: Code::get(r)?,
            group: Code::get(r)?,
            cross_reference: Code::get(r)?,
            dates: Code::get(r)?,
            relays: Code::get(r)?,
            implied_outlet: Code::get(r)?,
            span: Code::get(r)?,
            line: Code::get(r)?,
            column: Code::get(r)?,
        })
    }
}

#[cfg(test)]
mod tests;
