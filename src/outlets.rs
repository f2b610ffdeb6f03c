//! The outlet knowledge base: canonical names, aliases, kinds, countries and independence
//! groups of the outlets that bulletins cite, plus the table of bulletins themselves (whose
//! volume numbers date an article and whose names mark cross-references).
//!
//! The built-in base is `src/data/outlets.toml`, compiled in. Users add to or override it with
//! their own file of the same format (`--outlets FILE.toml`, see `docs/outlets.md`).

use crate::model::OutletKind;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Deserialize;
use std::collections::HashMap;
use std::sync::LazyLock;
use toml::Spanned;

const BUILTIN: &str = include_str!("data/outlets.toml");

/// One outlet of the knowledge base.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutletInfo {
    /// Canonical name.
    pub name: String,
    /// Other spellings that mean the same outlet.
    pub aliases: Vec<String>,
    /// What sort of outlet it is.
    pub kind: OutletKind,
    /// ISO 3166 country code, when it has one.
    pub country: Option<String>,
    /// Independence group: outlets sharing an owner or a wire share it.
    pub group: Option<String>,
}

/// A bulletin: a publication that cites its own earlier issues and numbers them by volume.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicationInfo {
    /// Canonical title.
    pub name: String,
    /// Other titles, abbreviations and later names.
    pub aliases: Vec<String>,
    /// Calendar year of volume 1, when volumes follow calendar years.
    pub first_volume_year: Option<i32>,
    /// About how many issues a year, to place an issue number within its year.
    pub issues_per_year: Option<u32>,
}

/// A problem in an outlets file, with the line and column where it is.
pub type OutletsError = crate::diag::DataFileError;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileRepr {
    #[serde(default)]
    outlet: Vec<OutletRepr>,
    #[serde(default)]
    publication: Vec<PublicationRepr>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OutletRepr {
    name: Spanned<String>,
    #[serde(default)]
    aliases: Vec<Spanned<String>>,
    #[serde(default)]
    kind: OutletKind,
    country: Option<String>,
    group: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PublicationRepr {
    name: Spanned<String>,
    #[serde(default)]
    aliases: Vec<Spanned<String>>,
    first_volume_year: Option<i32>,
    issues_per_year: Option<u32>,
}

/// The knowledge base: outlets and bulletins, looked up by any of their names.
#[derive(Debug, Clone, Default)]
pub struct Outlets {
    outlets: Vec<OutletInfo>,
    publications: Vec<PublicationInfo>,
    outlet_index: FxHashMap<String, usize>,
    /// The first word of every outlet name's key, and the word after a generic first word
    /// ("radio", "television"): a quick test before a lookup.
    first_words: FxHashSet<String>,
    publication_index: FxHashMap<String, usize>,
}

static BUILTIN_OUTLETS: LazyLock<Outlets> = LazyLock::new(|| {
    // The built-in file is tested (`builtin_base_loads`), so failing here is a build defect.
    Outlets::from_toml_str(BUILTIN).expect("the built-in outlets.toml loads (tested)")
});

/// Longest name accepted in an outlets file; longer ones are surely a mistake.
const MAX_NAME_LEN: usize = 200;

impl Outlets {
    /// The built-in knowledge base (parsed once).
    pub fn builtin() -> &'static Outlets {
        &BUILTIN_OUTLETS
    }

    /// Parse a knowledge-base file.
    ///
    /// # Errors
    /// A TOML syntax error, an unknown key or kind, an over-long name, or one alias given to
    /// two different outlets, each with the line and column where it is.
    pub fn from_toml_str(text: &str) -> Result<Outlets, OutletsError> {
        let repr: FileRepr = OutletsError::parse_toml(text)?;
        let mut base = Outlets::default();
        let mut seen: HashMap<String, (String, usize)> = HashMap::new();
        for o in repr.outlet {
            let names = std::iter::once(&o.name).chain(&o.aliases);
            for n in names {
                check_name(text, n)?;
                let key = outlet_key(n.get_ref());
                if let Some((owner, _)) = seen.get(&key)
                    && owner != o.name.get_ref()
                {
                    return Err(OutletsError::at(
                        text,
                        n.span().start,
                        format!(
                            "alias {:?} is already used by outlet {owner:?}",
                            n.get_ref()
                        ),
                    ));
                }
                seen.insert(key, (o.name.get_ref().clone(), n.span().start));
            }
            base.insert_outlet(OutletInfo {
                name: o.name.into_inner(),
                aliases: o.aliases.into_iter().map(Spanned::into_inner).collect(),
                kind: o.kind,
                country: o.country,
                group: o.group,
            });
        }
        for p in repr.publication {
            for n in std::iter::once(&p.name).chain(&p.aliases) {
                check_name(text, n)?;
            }
            base.insert_publication(PublicationInfo {
                name: p.name.into_inner(),
                aliases: p.aliases.into_iter().map(Spanned::into_inner).collect(),
                first_volume_year: p.first_volume_year,
                issues_per_year: p.issues_per_year,
            });
        }
        Ok(base)
    }

    /// Add every entry of `other`; an entry whose name or alias is already known replaces
    /// what that name meant before.
    pub fn extend(&mut self, other: &Outlets) {
        for o in &other.outlets {
            self.insert_outlet(o.clone());
        }
        for p in &other.publications {
            self.insert_publication(p.clone());
        }
    }

    fn insert_outlet(&mut self, info: OutletInfo) {
        let i = self.outlets.len();
        for n in std::iter::once(&info.name).chain(&info.aliases) {
            let key = outlet_key(n);
            let mut words = key.split(' ');
            if let Some(first) = words.next() {
                self.first_words.insert(first.to_string());
                if GENERIC_WORDS
                    .iter()
                    .any(|g| g.split(' ').next() == Some(first))
                    && let Some(second) = words.next()
                {
                    self.first_words.insert(second.to_string());
                }
            }
            self.outlet_index.insert(key, i);
        }
        self.outlets.push(info);
    }

    fn insert_publication(&mut self, info: PublicationInfo) {
        let i = self.publications.len();
        // A bulletin is also an outlet (of kind `bulletin`), so "see the Monitor" resolves.
        self.insert_outlet(OutletInfo {
            name: info.name.clone(),
            aliases: info.aliases.clone(),
            kind: OutletKind::Bulletin,
            country: None,
            group: Some(format!("bulletin:{}", info.name)),
        });
        for n in std::iter::once(&info.name).chain(&info.aliases) {
            self.publication_index.insert(outlet_key(n), i);
        }
        self.publications.push(info);
    }

    /// The outlet a name refers to, trying the name as written, then without a bracketed
    /// place (`Zolotoi Rog [Vladivostok]`) and without a generic word ("NTV television").
    pub fn lookup(&self, name: &str) -> Option<&OutletInfo> {
        with_key(name, |key| {
            if key.is_empty() {
                return None;
            }
            lookup_variants(key, |k| self.outlet_index.get(k).map(|&i| &self.outlets[i]))
        })
    }

    /// False when no outlet name can start with `word` (lower case, as in a name's key:
    /// quotation marks and a leading "the" left out), so a lookup of a name starting there
    /// would find nothing.
    pub fn may_start_name(&self, word: &str) -> bool {
        if word.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'.') {
            return self.first_words.contains(word);
        }
        // A name's key splits words at hyphens ("Kavkaz-Center" is "kavkaz center").
        let first = word
            .split([
                '-', '_', '\u{2010}', '\u{2011}', '\u{2012}', '\u{2013}', '\u{2014}',
            ])
            .next()
            .unwrap_or(word);
        let quote = |c: char| {
            matches!(
                c,
                '"' | '\'' | '\u{2018}' | '\u{2019}' | '\u{201C}' | '\u{201D}'
            )
        };
        if !first.contains(quote) {
            return self.first_words.contains(first);
        }
        let first: String = first.chars().filter(|&c| !quote(c)).collect();
        self.first_words.contains(first.as_str())
    }

    /// The bulletin a title refers to ("Monitor", "EDM", "North Caucasus Weekly").
    pub fn publication(&self, name: &str) -> Option<&PublicationInfo> {
        with_key(name, |key| {
            self.publication_index
                .get(key)
                .map(|&i| &self.publications[i])
        })
    }

    /// Every bulletin known, in the order of its table.
    pub fn publications(&self) -> &[PublicationInfo] {
        &self.publications
    }

    /// Number of outlets (bulletins included).
    pub fn len(&self) -> usize {
        self.outlets.len()
    }

    /// True when the base holds no outlet.
    pub fn is_empty(&self) -> bool {
        self.outlets.is_empty()
    }
}

fn check_name(text: &str, n: &Spanned<String>) -> Result<(), OutletsError> {
    let s = n.get_ref();
    if outlet_key(s).is_empty() {
        return Err(OutletsError::at(
            text,
            n.span().start,
            "empty outlet name".into(),
        ));
    }
    if s.len() > MAX_NAME_LEN {
        return Err(OutletsError::at(
            text,
            n.span().start,
            format!("name longer than {MAX_NAME_LEN} bytes"),
        ));
    }
    // Control characters are allowed: every writer escapes or sanitises names.
    Ok(())
}

/// Generic words that may follow or precede an outlet's name without changing the outlet.
const GENERIC_WORDS: [&str; 12] = [
    "television",
    "tv",
    "radio",
    "newspaper",
    "daily",
    "weekly",
    "agency",
    "news agency",
    "website",
    "web site",
    "online",
    "channel",
];

fn lookup_variants<'a, T>(key: &str, get: impl Fn(&str) -> Option<&'a T>) -> Option<&'a T> {
    if let Some(hit) = get(key) {
        return Some(hit);
    }
    let unbracketed = match key.find('[') {
        Some(i) => key[..i].trim_end(),
        None => key,
    };
    if unbracketed != key
        && let Some(hit) = get(unbracketed)
    {
        return Some(hit);
    }
    for w in GENERIC_WORDS {
        if let Some(rest) = unbracketed.strip_suffix(w)
            && let Some(hit) = rest.strip_suffix(' ').and_then(&get)
        {
            return Some(hit);
        }
        if let Some(rest) = unbracketed.strip_prefix(w)
            && let Some(hit) = rest.strip_prefix(' ').and_then(&get)
        {
            return Some(hit);
        }
    }
    None
}

/// The comparison key of an outlet name: lower case, quotes and apostrophes dropped, dashes
/// and hyphens as spaces, white space collapsed, a leading "the", "www." or URL scheme and
/// trailing punctuation removed. Only for comparing: output always shows the name as written.
pub fn outlet_key(name: &str) -> String {
    with_key(name, str::to_string)
}

/// [`outlet_key`] without the cache of [`with_key`].
fn uncached_key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let key = key_range(name, &mut out);
    // The key is a slice of `out`: keep it in place rather than copy it.
    out.truncate(key.end);
    out.drain(..key.start);
    out
}

/// [`outlet_key`] of `name` into `out` (cleared first): the key is `out[range]`.
fn key_range(name: &str, out: &mut String) -> std::ops::Range<usize> {
    out.clear();
    if name.is_ascii() {
        ascii_key_words(name, out);
    } else {
        key_words(name, out);
    }
    let mut s = out.as_str();
    for prefix in ["https://", "http://"] {
        s = s.strip_prefix(prefix).unwrap_or(s);
    }
    s = s.strip_prefix("www.").unwrap_or(s);
    s = s.strip_prefix("the ").unwrap_or(s);
    s = s.trim_end_matches(['.', ',', '/', ':', ';']);
    let start = s.as_ptr() as usize - out.as_ptr() as usize;
    start..start + s.len()
}

/// `f` of the key of `name`, from the keys of the names met lately on this thread
/// ([`KeyCache`]), or built in a buffer kept per thread.
pub(crate) fn with_key<R>(name: &str, f: impl FnOnce(&str) -> R) -> R {
    CACHE.with(|cache| match cache.try_borrow_mut() {
        Ok(mut cache) => cache.with_key(name, f),
        // Not reentered today; should it be, a key of its own.
        Err(_) => f(&uncached_key(name)),
    })
}

thread_local! {
    static CACHE: std::cell::RefCell<KeyCache> = std::cell::RefCell::new(KeyCache::default());
}

/// How many names this thread's cache holds (for tests).
#[cfg(test)]
fn cached_names() -> usize {
    CACHE.with(|cache| cache.borrow().keys.len())
}

/// Names up to this long have their keys cached.
const CACHED_NAME_LEN: usize = 64;
/// At most this many names are cached per thread (then the cache starts again).
const CACHED_NAMES: usize = 4096;

/// The keys of the names met lately on one thread. A name is keyed many times on its way
/// through the pipeline (parsing, building, learning, judging: about ten times for each
/// outlet cited), and an archive cites a few hundred outlets in all, so nearly every key is
/// found here at the cost of a hash of the name. At most [`CACHED_NAMES`] names of at most
/// [`CACHED_NAME_LEN`] bytes are kept: under a megabyte a thread.
#[derive(Default)]
struct KeyCache {
    keys: foldhash::HashMap<Box<str>, Box<str>>,
    buf: String,
}

impl KeyCache {
    fn with_key<R>(&mut self, name: &str, f: impl FnOnce(&str) -> R) -> R {
        if name.len() > CACHED_NAME_LEN {
            let key = key_range(name, &mut self.buf);
            return f(&self.buf[key]);
        }
        if let Some(key) = self.keys.get(name) {
            return f(key);
        }
        if self.keys.len() >= CACHED_NAMES {
            self.keys.clear();
        }
        let key = key_range(name, &mut self.buf);
        let key = self
            .keys
            .entry(name.into())
            .or_insert_with(|| self.buf[key].into());
        f(key)
    }
}

/// The words of an ASCII name for its key: lower case, quotes dropped, hyphens, underscores
/// and white space as single spaces (byte by byte: most names are ASCII).
fn ascii_key_words(name: &str, out: &mut String) {
    /// Bytes dropped from a key.
    const QUOTE: u8 = 1;
    /// Bytes read as a space.
    const SPACE: u8 = 2;
    const CLASS: [u8; 128] = {
        let mut t = [0u8; 128];
        t[b'"' as usize] = QUOTE;
        t[b'\'' as usize] = QUOTE;
        t[b'`' as usize] = QUOTE;
        let mut k = 0;
        let spaces = *b"-_ \t\n\r\x0b\x0c";
        while k < spaces.len() {
            t[spaces[k] as usize] = SPACE;
            k += 1;
        }
        t
    };
    let class = |b: u8| CLASS[usize::from(b & 0x7f)];
    let b = name.as_bytes();
    let mut space = false;
    let mut i = 0;
    while i < b.len() {
        match class(b[i]) {
            QUOTE => i += 1,
            SPACE => {
                space = true;
                i += 1;
            }
            _ => {
                // A run of kept bytes is copied at once, and lowered with the rest below.
                let run = i;
                while i < b.len() && class(b[i]) == 0 {
                    i += 1;
                }
                if space && !out.is_empty() {
                    out.push(' ');
                }
                space = false;
                out.push_str(&name[run..i]);
            }
        }
    }
    out.make_ascii_lowercase();
}

/// [`ascii_key_words`] for any name: curly quotes and guillemets dropped too, every dash
/// a space, letters lowered as Unicode says.
fn key_words(name: &str, out: &mut String) {
    let mut space = false;
    for c in name.chars() {
        match c {
            '"' | '\'' | '\u{2018}' | '\u{2019}' | '\u{201C}' | '\u{201D}' | '\u{00AB}'
            | '\u{00BB}' | '`' => {}
            '-' | '\u{2010}'..='\u{2015}' | '_' => space = true,
            c if c.is_whitespace() => space = true,
            c => {
                if space && !out.is_empty() {
                    out.push(' ');
                }
                space = false;
                if c.is_ascii() {
                    out.push(c.to_ascii_lowercase());
                } else {
                    out.extend(c.to_lowercase());
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The byte-wise key of an ASCII name is the key the general path gives.
    #[test]
    fn ascii_keys_are_the_general_keys() {
        for name in [
            "  The  \"Kommersant-Daily\". ",
            "RIA_Novosti",
            "BBC\tMonitoring\n",
            "`Nezavisimaya' Gazeta",
            "http://www.example.com/",
            "A\x0bB\x0cC\rD\x1fE",
            "",
            "---",
            "Kommersant's 'Vlast' -- weekly",
            "a''b\"c`d e - 'f'",
            "'lead",
            "trail' ",
            "UPPER_lower-Mixed99",
        ] {
            let mut general = String::new();
            key_words(name, &mut general);
            let mut ascii = String::new();
            ascii_key_words(name, &mut ascii);
            assert_eq!(ascii, general, "{name:?}");
        }
    }

    proptest::proptest! {
        /// Every ASCII name, control bytes included, keys alike on both paths.
        #[test]
        fn ascii_keys_are_the_general_keys_for_any_ascii(name in "[\\x00-\\x7f]{0,40}") {
            let mut general = String::new();
            key_words(&name, &mut general);
            let mut ascii = String::new();
            ascii_key_words(&name, &mut ascii);
            proptest::prop_assert_eq!(ascii, general);
        }

        /// A cached key is the key: for names met once or again, short or long, and after
        /// the cache has started again.
        #[test]
        fn cached_keys_are_the_keys(
            names in proptest::collection::vec("(?s).{0,80}", 1..20),
            again in proptest::collection::vec(0usize..20, 0..40),
        ) {
            for name in names.iter().chain(again.iter().filter_map(|&i| names.get(i))) {
                proptest::prop_assert_eq!(outlet_key(name), uncached_key(name));
                proptest::prop_assert_eq!(with_key(name, str::len), uncached_key(name).len());
            }
        }
    }

    #[test]
    fn keys_reentered_and_on_pool_threads() {
        let nested = with_key("The AFP.", |a| {
            with_key("BBC-World", |b| {
                with_key("The AFP.", |c| format!("{a}|{b}|{c}"))
            })
        });
        assert_eq!(nested, "afp|bbc world|afp");
        use rayon::prelude::*;
        let names: Vec<String> = (0..20_000)
            .map(|i| format!("Outlet-{}", i % 5000))
            .collect();
        let keys: Vec<String> = names.par_iter().map(|n| outlet_key(n)).collect();
        for (n, k) in names.iter().zip(&keys) {
            assert_eq!(k, &uncached_key(n));
        }
    }

    #[test]
    fn the_key_cache_starts_again_when_full() {
        for i in 0..2 * CACHED_NAMES + 3 {
            let name = format!("The Daily-{i}.");
            assert_eq!(outlet_key(&name), format!("daily {i}"));
            assert!(cached_names() <= CACHED_NAMES);
        }
        // It started again twice: the last three names are what it holds.
        assert_eq!(cached_names(), 3);
        // A name met again is found, not added.
        assert_eq!(outlet_key("The Daily-8194."), "daily 8194");
        assert_eq!(cached_names(), 3);
        assert_eq!(outlet_key("The Daily-3."), "daily 3");
        assert_eq!(cached_names(), 4);
        // A long name is keyed without being kept.
        let long = format!("The {}", "Very-Long ".repeat(20));
        assert!(long.len() > CACHED_NAME_LEN);
        assert_eq!(outlet_key(&long), uncached_key(&long));
        assert_eq!(cached_names(), 4);
    }

    #[test]
    fn builtin_base_loads() {
        let base = Outlets::from_toml_str(BUILTIN).expect("built-in outlets.toml parses");
        assert!(base.len() > 100, "only {} outlets", base.len());
    }

    #[test]
    fn aliases_resolve_to_one_outlet() {
        let b = Outlets::builtin();
        let tass = ["ITAR-TASS", "Itar-Tass", "TASS", "Itar Tass"]
            .map(|n| b.lookup(n).map(|o| o.name.clone()));
        assert!(
            tass.iter().all(|t| t.is_some() && *t == tass[0]),
            "{tass:?}"
        );
        assert_eq!(
            b.lookup("NTV television").map(|o| o.kind),
            Some(OutletKind::Television)
        );
        assert_eq!(
            b.lookup("the Monitor").map(|o| o.kind),
            Some(OutletKind::Bulletin)
        );
        assert!(b.lookup("Zolotoi Rog [Vladivostok]").is_some());
        assert!(b.lookup("Evil Unknown Gazette").is_none());
        assert!(b.lookup("").is_none());
    }

    #[test]
    fn publications_by_any_title() {
        let b = Outlets::builtin();
        for t in [
            "Monitor",
            "EDM",
            "Eurasia Daily Monitor",
            "North Caucasus Weekly",
        ] {
            assert!(b.publication(t).is_some(), "{t}");
        }
    }

    #[test]
    fn keys_fold_spelling() {
        assert_eq!(
            outlet_key("  The  “Kommersant-Daily”. "),
            "kommersant daily"
        );
        assert_eq!(outlet_key("https://www.mfa.gov.ua/"), "mfa.gov.ua");
        assert_eq!(outlet_key("People’s Daily"), "peoples daily");
    }

    #[test]
    fn errors_have_line_and_column() {
        let err = Outlets::from_toml_str("[[outlet]]\nname = \"X\"\nkind = \"blog\"\n")
            .expect_err("unknown kind");
        assert_eq!((err.line, err.column), (3, 8), "{err}");
        let err = Outlets::from_toml_str(
            "[[outlet]]\nname = \"A\"\n[[outlet]]\nname = \"B\"\naliases = [\"a\"]\n",
        )
        .expect_err("duplicate alias");
        assert_eq!(err.line, 5, "{err}");
        assert!(err.message.contains("already used"), "{err}");
        let err = Outlets::from_toml_str("[[outlet]\n").expect_err("syntax");
        assert_eq!(err.line, 1);
        let huge = format!(
            "[[outlet]]\nname = \"ok\"\naliases = [\"{}\"]\n",
            "x".repeat(300)
        );
        let err = Outlets::from_toml_str(&huge).expect_err("huge alias");
        assert_eq!((err.line, err.column), (3, 12), "{err}");
        let err = Outlets::from_toml_str("[[outlet]]\nname = \"X\"\nbogus = 1\n")
            .expect_err("unknown key");
        assert_eq!(err.line, 3, "{err}");
        // The same alias twice on one outlet is harmless.
        assert!(
            Outlets::from_toml_str("[[outlet]]\nname = \"X\"\naliases = [\"Y\", \"Y\"]\n").is_ok()
        );
    }

    #[test]
    fn extension_overrides() {
        let mut b = Outlets::builtin().clone();
        let user = Outlets::from_toml_str(
            "[[outlet]]\nname = \"Interfax\"\nkind = \"online\"\n[[outlet]]\nname = \"Evil\\\"]; x\"\n",
        )
        .expect("valid");
        b.extend(&user);
        assert_eq!(
            b.lookup("interfax").map(|o| o.kind),
            Some(OutletKind::Online)
        );
        assert_eq!(
            b.lookup("Evil\"]; x").map(|o| o.name.as_str()),
            Some("Evil\"]; x")
        );
    }
}
