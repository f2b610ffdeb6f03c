//! The lexicon's word table: every word of the prose is looked up once, so the lookup is
//! built for speed. A word of up to 16 bytes (nearly all) is packed into a `u128` — no
//! string comparison, one multiply to hash — and found by linear probing in a table at
//! most half full; longer words go to a map with a fast hash (rustc-hash).

use rustc_hash::FxHashMap;

/// A map from words to `V`, fast for short words.
#[derive(Debug, Clone)]
pub(crate) struct WordTable<V> {
    /// (packed word, index into `values`); a packed word is never 0 (words are not empty
    /// and hold no NUL), so 0 marks an empty slot.
    slots: Vec<(u128, u32)>,
    mask: usize,
    shift: u32,
    values: Vec<V>,
    long: FxHashMap<Box<str>, u32>,
    words: Vec<Box<str>>,
}

/// `w` packed little-endian into a `u128`, when it has 1 to 16 bytes.
#[inline]
fn pack(w: &[u8]) -> Option<u128> {
    let n = w.len();
    // Two overlapping loads; the bytes they share are the same, so OR joins them.
    let word = |at: usize| {
        let mut b = [0u8; 8];
        b.copy_from_slice(&w[at..at + 8]);
        u64::from_le_bytes(b)
    };
    let half = |at: usize| {
        let mut b = [0u8; 4];
        b.copy_from_slice(&w[at..at + 4]);
        u32::from_le_bytes(b)
    };
    match n {
        0 => None,
        1..=3 => Some(
            w.iter()
                .enumerate()
                .fold(0u128, |k, (i, &b)| k | u128::from(b) << (8 * i)),
        ),
        4..=7 => Some(u128::from(half(0)) | u128::from(half(n - 4)) << (8 * (n - 4))),
        8..=16 => Some(u128::from(word(0)) | u128::from(word(n - 8)) << (8 * (n - 8))),
        _ => None,
    }
}

/// The home slot of a packed word: the top bits of a multiplicative hash, which every byte
/// of the word reaches ("minister" and "ministry" differ only in their last bytes).
#[inline]
fn slot_of(k: u128, shift: u32) -> usize {
    let x = (k as u64) ^ ((k >> 64) as u64).wrapping_mul(0xC2B2_AE3D_27D4_EB4F);
    (x.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> shift) as usize
}

impl<V: Copy + Default> WordTable<V> {
    /// A table of `entries` (each word once).
    pub(crate) fn new(entries: Vec<(String, V)>) -> WordTable<V> {
        let cap = (entries.len() * 2).next_power_of_two().max(16);
        let mut t = WordTable {
            slots: vec![(0, 0); cap],
            mask: cap - 1,
            shift: 64 - cap.trailing_zeros(),
            values: Vec::with_capacity(entries.len()),
            long: FxHashMap::default(),
            words: Vec::with_capacity(entries.len()),
        };
        for (w, v) in entries {
            let i = t.values.len() as u32;
            t.values.push(v);
            match pack(w.as_bytes()) {
                Some(k) => {
                    let mut s = slot_of(k, t.shift);
                    while t.slots[s].0 != 0 && t.slots[s].0 != k {
                        s = (s + 1) & t.mask;
                    }
                    t.slots[s] = (k, i);
                }
                None => {
                    t.long.insert(w.clone().into_boxed_str(), i);
                }
            }
            t.words.push(w.into_boxed_str());
        }
        t
    }

    /// The value of `w`, or the default.
    #[inline]
    pub(crate) fn get(&self, w: &str) -> V {
        match pack(w.as_bytes()) {
            Some(k) => {
                let mut s = slot_of(k, self.shift);
                loop {
                    let (key, i) = self.slots[s];
                    if key == k {
                        return self.values[i as usize];
                    }
                    if key == 0 {
                        return V::default();
                    }
                    s = (s + 1) & self.mask;
                }
            }
            None => self
                .long
                .get(w)
                .map_or_else(V::default, |&i| self.values[i as usize]),
        }
    }

    /// Number of words.
    pub(crate) fn len(&self) -> usize {
        self.values.len()
    }

    /// Every word with its value.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (&str, V)> + '_ {
        self.words
            .iter()
            .map(|w| &**w)
            .zip(self.values.iter().copied())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_word_and_nothing_else() {
        let words: Vec<(String, u32)> = (0..3000)
            .map(|i| (format!("w{i}"), i))
            .chain([
                ("a-very-long-word-indeed".to_string(), 7777),
                ("exactly-16-bytes".to_string(), 16),
                ("é".to_string(), 5),
            ])
            .collect();
        let t = WordTable::new(words.clone());
        for (w, v) in &words {
            assert_eq!(t.get(w), *v, "{w}");
        }
        for miss in [
            "",
            "w3000",
            "w",
            "a-very-long-word-indee",
            "exactly-16-bytes!",
            "e",
        ] {
            assert_eq!(t.get(miss), 0, "{miss}");
        }
        assert_eq!(t.len(), words.len());
        assert_eq!(t.iter().count(), words.len());
    }
}
