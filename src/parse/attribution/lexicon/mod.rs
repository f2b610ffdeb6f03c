//! The cue lexicon and the words of sources' noun phrases, read from data
//! (`src/data/cues.toml`, `src/data/sources.toml`, and a user's `--cues` file) and compiled
//! into one table: every word form maps to a [`WordInfo`] (its classes and the cues it can
//! start), so a token costs one hash probe.
//!
//! The data's format and its compilation are in [`file`]; verbs are listed as lemmas and
//! nouns as singulars, and [`inflect`] makes their other forms.

mod file;
mod inflect;

use super::table::WordTable;
use file::{Builder, FileRepr, parse_file};
use std::sync::{Arc, LazyLock};

const BUILTIN_CUES: &str = include_str!("../../../data/cues.toml");
const BUILTIN_SOURCES: &str = include_str!("../../../data/sources.toml");

/// Word classes, as bits of [`WordInfo::class`].
pub(crate) mod class {
    /// A role noun, singular ("minister").
    pub(crate) const ROLE: u32 = 1;
    /// A role noun, plural ("ministers").
    pub(crate) const ROLE_PL: u32 = 1 << 1;
    /// A body ("ministry", "authorities").
    pub(crate) const BODY: u32 = 1 << 2;
    /// An outlet noun, singular ("newspaper").
    pub(crate) const OUTLET: u32 = 1 << 3;
    /// An outlet noun, plural ("newspapers").
    pub(crate) const OUTLET_PL: u32 = 1 << 4;
    /// A document noun, singular ("statement").
    pub(crate) const DOCUMENT: u32 = 1 << 5;
    /// A document noun, plural ("statements").
    pub(crate) const DOCUMENT_PL: u32 = 1 << 6;
    /// An outlet's output ("editorial"): an outlet when one is named beside it.
    pub(crate) const OUTPUT: u32 = 1 << 7;
    /// A collective or unspecified group ("media", "reports").
    pub(crate) const COLLECTIVE: u32 = 1 << 8;
    /// A noun of quantity before "of" ("number", "group").
    pub(crate) const QUANTITY: u32 = 1 << 9;
    /// A definite determiner ("the", "his").
    pub(crate) const DEFINITE: u32 = 1 << 10;
    /// An indefinite determiner or number ("a", "one", "unnamed").
    pub(crate) const INDEFINITE: u32 = 1 << 11;
    /// An adjective or noun modifier ("senior", "state-run").
    pub(crate) const MODIFIER: u32 = 1 << 12;
    /// An adverb or auxiliary between a subject and its verb ("reportedly", "has").
    pub(crate) const BETWEEN: u32 = 1 << 13;
    /// A word that opens a sentence without naming anyone ("However").
    pub(crate) const SENTENCE: u32 = 1 << 14;
    /// A pronoun ("he", "they").
    pub(crate) const PRONOUN: u32 = 1 << 15;
    /// A capital city ("Tbilisi").
    pub(crate) const CAPITAL: u32 = 1 << 16;
    /// A country ("Georgia").
    pub(crate) const COUNTRY: u32 = 1 << 17;
    /// Another place ("Dagestan").
    pub(crate) const PLACE: u32 = 1 << 18;
    /// A nationality adjective ("Georgian").
    pub(crate) const NATIONALITY: u32 = 1 << 19;
    /// A nationality noun in the plural ("Georgians").
    pub(crate) const NATIONALITY_PL: u32 = 1 << 20;
    /// A nominal cue ("insistence", "charges").
    pub(crate) const NOUN_CUE: u32 = 1 << 21;
    /// The first word of a phrase cue ("according").
    pub(crate) const PHRASE: u32 = 1 << 22;
    /// A form of a cue verb ("said").
    pub(crate) const VERB: u32 = 1 << 23;
    /// The last word of a frame noun ("interview", "conference").
    pub(crate) const FRAME: u32 = 1 << 24;
    /// The last word of a control verb before `to` ("went on", "refused").
    pub(crate) const CONTROL: u32 = 1 << 25;
    /// A noun that is itself a source when it carries content ("reports that").
    pub(crate) const REPORT: u32 = 1 << 26;
    /// A month or weekday name ("March", "Tuesday").
    pub(crate) const CALENDAR: u32 = 1 << 27;
    /// The last word of a multi-word entry ("minister" of "prime minister").
    pub(crate) const MULTI_TAIL: u32 = 1 << 28;
    /// An adjective after a source's noun ("familiar" of "officials familiar with").
    pub(crate) const POSTMOD: u32 = 1 << 29;
    /// The second word of a phrase cue ("to" of "according to").
    pub(crate) const PHRASE_NEXT: u32 = 1 << 30;
    /// A phrase cue of one word ("citing").
    pub(crate) const PHRASE_ALONE: u32 = 1 << 31;

    /// Classes that can head a source's phrase.
    pub(crate) const HEAD: u32 = ROLE
        | ROLE_PL
        | BODY
        | OUTLET
        | OUTLET_PL
        | DOCUMENT
        | DOCUMENT_PL
        | COLLECTIVE
        | NATIONALITY_PL
        | CAPITAL
        | COUNTRY;
    /// Classes a word inside a source's phrase may have.
    pub(crate) const IN_PHRASE: u32 =
        HEAD | OUTPUT | QUANTITY | DEFINITE | INDEFINITE | MODIFIER | NATIONALITY | PLACE;
    /// Classes that start a cue.
    pub(crate) const CUE: u32 = NOUN_CUE | PHRASE | VERB | FRAME | REPORT;
}

/// Forms of a verb, as bits.
pub(crate) mod form {
    /// The lemma ("say"): plural present, infinitive.
    pub(crate) const BASE: u8 = 1;
    /// Third person singular ("says").
    pub(crate) const S: u8 = 1 << 1;
    /// Simple past ("said").
    pub(crate) const PAST: u8 = 1 << 2;
    /// Past participle ("said", "written").
    pub(crate) const PARTICIPLE: u8 = 1 << 3;
    /// Present participle ("saying").
    pub(crate) const ING: u8 = 1 << 4;
    /// Finite forms that can follow a subject directly.
    pub(crate) const FINITE: u8 = BASE | S | PAST;
    /// An adjective after a copula ("skeptical"): no form of a verb.
    pub(crate) const COPULA: u8 = 1 << 5;
}

/// What must follow a verb for it to be a cue, as bits ([`VerbCue::needs`]; 0: nothing).
pub(crate) mod needs {
    /// that / whether / a quotation / a colon.
    pub(crate) const THAT: u8 = 1;
    /// to + verb.
    pub(crate) const TO: u8 = 1 << 1;
    /// as.
    pub(crate) const AS: u8 = 1 << 2;
    /// of.
    pub(crate) const OF: u8 = 1 << 3;
    /// for / on / upon.
    pub(crate) const FOR: u8 = 1 << 4;
    /// about / on / over.
    pub(crate) const ABOUT: u8 = 1 << 5;
    /// An object and what it is called: a phrase with "a" / "an", a quotation or a word
    /// ending the clause ("called the vote a farce", "called the report absurd").
    pub(crate) const PREDICATE: u8 = 1 << 6;
    /// A document as the object, then what it says in the same clause: a reporting
    /// participle, "that", a colon or a quotation ("released a communique declaring that").
    pub(crate) const DOCUMENT: u8 = 1 << 7;
}

/// One word form's entry (eight bytes: every token carries one).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct WordInfo {
    /// Bits of [`class`].
    pub(crate) class: u32,
    /// Index + 1 into the cue entries of words that start a verb or phrase cue (0: none).
    cue: u32,
}

/// Where a word's verb and phrase cues are: ranges of `verb_forms` and `phrase_ids`.
#[derive(Debug, Clone, Copy, Default)]
struct CueEntry {
    verbs: (u32, u32),
    phrases: (u32, u32),
}

impl WordInfo {
    /// True when the word has any of the classes `bits`.
    pub(crate) fn is(&self, bits: u32) -> bool {
        self.class & bits != 0
    }
}

/// A cue verb: its lemma, particles and what it needs after it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct VerbCue {
    /// The lemma as listed ("say").
    pub(crate) lemma: Box<str>,
    /// Words that must follow ("out" of "point out").
    pub(crate) particles: Vec<Box<str>>,
    /// Bits of [`needs`].
    pub(crate) needs: u8,
    /// Only an outlet can be its subject.
    pub(crate) outlet_subject: bool,
    /// An adjective that reports after a copula ("was skeptical of").
    pub(crate) copula: bool,
    /// The class named in the data ("speech").
    pub(crate) class: Box<str>,
}

/// A phrase cue ("according to"): its words after the first, and what it accepts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PhraseCue {
    /// Every word, lower case ("according", "to").
    pub(crate) words: Vec<Box<str>>,
    /// Only an outlet after it is a source.
    pub(crate) outlet_only: bool,
    /// The phrase names a medium: a bare name after it is an outlet's.
    pub(crate) medium: bool,
    /// The source after it carries what the rest of the sentence attributes.
    pub(crate) carrier: bool,
    /// The sentence's other source carries the source after the phrase.
    pub(crate) cited: bool,
}

/// The compiled lexicon. Cheap to share: build once, then borrow.
#[derive(Debug, Clone)]
pub struct Cues {
    words: WordTable<WordInfo>,
    verbs: Vec<VerbCue>,
    verb_forms: Vec<(u32, u8)>,
    phrases: Vec<PhraseCue>,
    phrase_ids: Vec<u32>,
    cue_entries: Vec<CueEntry>,
    /// What a nominal cue's holder needs after the noun (bits of [`needs`]).
    noun_needs: rustc_hash::FxHashMap<Box<str>, u8>,
    /// Multi-word nouns and names ("prime minister", "white house", "new delhi") with their
    /// classes.
    multi: WordTable<u32>,
    /// Frame nouns of two or more words ("press conference").
    frames: Vec<Vec<Box<str>>>,
    /// Control phrases before `to`, with whether they pass the subject on (true) or negate.
    control: Vec<(Vec<Box<str>>, bool)>,
    /// The longest word form, in bytes (longer tokens are not looked up).
    longest: usize,
}

/// A problem in a cues file, with the line and column where it is.
pub type CuesError = crate::diag::DataFileError;

static BUILTIN: LazyLock<Arc<Cues>> = LazyLock::new(|| {
    // The built-in files are tested (`builtin_lexicon_loads`): failing here is a build defect.
    let specs = builtin_specs().expect("the built-in cues.toml and sources.toml are valid");
    Arc::new(Cues::compile(&specs).expect("the built-in lexicon compiles"))
});

fn builtin_specs() -> Result<Vec<(FileRepr, &'static str)>, CuesError> {
    Ok(vec![
        (parse_file(BUILTIN_CUES)?, BUILTIN_CUES),
        (parse_file(BUILTIN_SOURCES)?, BUILTIN_SOURCES),
    ])
}

impl Cues {
    /// The built-in lexicon (compiled once).
    pub fn builtin() -> Arc<Cues> {
        Arc::clone(&BUILTIN)
    }

    /// The built-in lexicon extended by a user's file of the same format: its verbs replace
    /// built-in verbs of the same lemma and particles, its other entries are added.
    ///
    /// # Errors
    /// A TOML syntax error, an unknown key, an empty or upper-case entry, an unknown `needs`
    /// or `source` value, or a verb listed twice in the file, with the line and column.
    pub fn with_file(text: &str) -> Result<Cues, CuesError> {
        let mut specs = builtin_specs()?;
        specs.push((parse_file(text)?, text));
        Cues::compile(&specs)
    }

    fn compile(specs: &[(FileRepr, &str)]) -> Result<Cues, CuesError> {
        let mut b = Builder::default();
        for (i, (repr, text)) in specs.iter().enumerate() {
            b.add_file(repr, text, i + 1 == specs.len() && specs.len() > 2)?;
        }
        Ok(b.finish())
    }

    /// The entry of a lower-case word form (default: no class).
    pub(crate) fn info(&self, lower: &str) -> WordInfo {
        if lower.len() > self.longest {
            return WordInfo::default();
        }
        self.words.get(lower)
    }

    /// The cue verbs a word form belongs to, with the forms it is of each.
    pub(crate) fn verbs_of(&self, info: WordInfo) -> impl Iterator<Item = (&VerbCue, u8)> + '_ {
        let (start, end) = self.cue_entry(info).verbs;
        self.verb_forms[start as usize..end as usize]
            .iter()
            .map(|&(v, f)| (&self.verbs[v as usize], f))
    }

    /// The phrase cues a word starts.
    pub(crate) fn phrases_of(&self, info: WordInfo) -> impl Iterator<Item = &PhraseCue> + '_ {
        let (start, end) = self.cue_entry(info).phrases;
        self.phrase_ids[start as usize..end as usize]
            .iter()
            .map(|&i| &self.phrases[i as usize])
    }

    fn cue_entry(&self, info: WordInfo) -> CueEntry {
        info.cue
            .checked_sub(1)
            .and_then(|i| self.cue_entries.get(i as usize))
            .copied()
            .unwrap_or_default()
    }

    /// What the holder of the nominal cue `lower` needs after it (bits of [`needs`]).
    pub(crate) fn noun_needs(&self, lower: &str) -> u8 {
        self.noun_needs.get(lower).copied().unwrap_or(needs::THAT)
    }

    /// Classes of a multi-word name or noun ("prime minister", "white house"), lower case,
    /// words separated by single spaces.
    pub(crate) fn multi(&self, lower: &str) -> u32 {
        self.multi.get(lower)
    }

    /// Multi-word frame nouns ("press conference").
    pub(crate) fn frames(&self) -> &[Vec<Box<str>>] {
        &self.frames
    }

    /// Control phrases before `to`: the words, and whether the phrase passes its subject to
    /// the cue (true) or negates it.
    pub(crate) fn control(&self) -> &[(Vec<Box<str>>, bool)] {
        &self.control
    }

    /// Number of word forms in the table.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// True when the table holds no word.
    pub fn is_empty(&self) -> bool {
        self.words.len() == 0
    }

    /// Every form of every cue verb, with its lemma (for documentation and tests).
    pub fn verb_forms(&self) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = self
            .words
            .iter()
            .flat_map(|(w, info)| {
                self.verbs_of(info)
                    .map(move |(v, _)| (w.to_string(), v.lemma.to_string()))
            })
            .collect();
        out.sort();
        out.dedup();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_lexicon_loads() {
        let specs = builtin_specs().expect("parses");
        let cues = Cues::compile(&specs).expect("compiles");
        assert!(cues.len() > 1500, "{} word forms", cues.len());
        let verbs = cues.verbs.len();
        assert!(verbs > 250, "{verbs} verbs");
    }

    #[test]
    fn classes_of_words() {
        let c = Cues::builtin();
        assert!(c.info("officials").is(class::ROLE_PL));
        assert!(c.info("official").is(class::ROLE));
        assert!(c.info("said").is(class::VERB));
        assert!(c.info("according").is(class::PHRASE));
        assert!(c.info("georgian").is(class::NATIONALITY));
        assert!(c.info("georgians").is(class::NATIONALITY_PL));
        assert!(c.info("dagestan").is(class::COUNTRY | class::PLACE));
        assert!(c.multi("prime minister") & class::ROLE != 0);
        assert_eq!(c.info("zzzz"), WordInfo::default());
        let said: Vec<_> = c.verbs_of(c.info("said")).collect();
        assert!(
            said.iter()
                .any(|(v, f)| &*v.lemma == "say" && f & form::PAST != 0)
        );
    }

    #[test]
    fn user_files_extend_and_report_their_errors() {
        let c = Cues::with_file("roles = [\"herald\"]\n[[verbs]]\nwords = [\"grouse\"]\n")
            .expect("loads");
        assert!(c.info("groused").is(class::VERB));
        assert!(c.info("heralds").is(class::ROLE_PL));
        // A user's verb replaces the built-in one.
        let c = Cues::with_file("[[verbs]]\nneeds = [\"that\"]\nwords = [\"say:said\"]\n")
            .expect("loads");
        let said: Vec<_> = c.verbs_of(c.info("said")).collect();
        assert_eq!(said.len(), 1);
        assert_eq!(said[0].0.needs, needs::THAT);
        for (bad, at) in [
            ("[[verbs]]\nwords = [\"Say\"]\n", 2),
            ("[[verbs]]\nneeds = [\"when\"]\nwords = [\"say\"]\n", 2),
            ("[[verbs]]\nwords = [\"grouse\", \"grouse\"]\n", 2),
            ("roles = [\"\"]\n", 1),
            ("nonsense = 1\n", 1),
        ] {
            let e = Cues::with_file(bad).expect_err(bad);
            assert_eq!(e.line, at, "{bad}: {e}");
        }
    }
}
