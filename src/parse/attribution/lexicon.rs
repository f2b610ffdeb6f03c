//! The cue lexicon and the words of sources' noun phrases, read from data
//! (`src/data/cues.toml`, `src/data/sources.toml`, and a user's `--cues` file) and compiled
//! into one table: every word form maps to a [`WordInfo`] (its classes and the cues it can
//! start), so a token costs one hash probe.
//!
//! Verbs are listed as lemmas and inflected here ([`inflect`]); nouns as singulars and
//! pluralised here ([`plural`]).

use super::table::WordTable;
use serde::Deserialize;
use std::collections::HashMap;
use std::sync::{Arc, LazyLock};
use toml::Spanned;

const BUILTIN_CUES: &str = include_str!("../../data/cues.toml");
const BUILTIN_SOURCES: &str = include_str!("../../data/sources.toml");

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
    pub(crate) const CUE: u32 = NOUN_CUE | PHRASE | VERB | FRAME;
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
    noun_needs: HashMap<Box<str>, u8>,
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
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{line}:{column}: {message}")]
pub struct CuesError {
    /// 1-based line in the file.
    pub line: usize,
    /// 1-based column in the file.
    pub column: usize,
    /// What is wrong.
    pub message: String,
}

#[derive(Deserialize, Default, Clone)]
#[serde(deny_unknown_fields)]
struct FileRepr {
    #[serde(default)]
    verbs: Vec<VerbGroup>,
    #[serde(default)]
    nouns: Vec<NounGroup>,
    #[serde(default)]
    phrases: Vec<PhraseGroup>,
    #[serde(default)]
    frames: Vec<WordList>,
    #[serde(default)]
    control: Option<ControlRepr>,
    #[serde(default)]
    roles: Vec<Spanned<String>>,
    #[serde(default)]
    bodies: Vec<Spanned<String>>,
    #[serde(default)]
    outlets: Vec<Spanned<String>>,
    #[serde(default)]
    documents: Vec<Spanned<String>>,
    #[serde(default)]
    outlet_output: Vec<Spanned<String>>,
    #[serde(default)]
    collectives: Vec<Spanned<String>>,
    #[serde(default)]
    reports: Vec<Spanned<String>>,
    #[serde(default)]
    calendar: Vec<Spanned<String>>,
    #[serde(default)]
    quantities: Vec<Spanned<String>>,
    #[serde(default)]
    definite: Vec<Spanned<String>>,
    #[serde(default)]
    indefinite: Vec<Spanned<String>>,
    #[serde(default)]
    modifiers: Vec<Spanned<String>>,
    #[serde(default)]
    between: Vec<Spanned<String>>,
    #[serde(default)]
    sentence_words: Vec<Spanned<String>>,
    #[serde(default)]
    pronouns: Vec<Spanned<String>>,
    #[serde(default)]
    capitals: Vec<Spanned<String>>,
    #[serde(default)]
    countries: Vec<Spanned<String>>,
    #[serde(default)]
    places: Vec<Spanned<String>>,
    #[serde(default)]
    nationalities: Vec<Spanned<String>>,
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
struct VerbGroup {
    #[serde(default)]
    class: String,
    #[serde(default)]
    needs: Vec<Spanned<String>>,
    #[serde(default)]
    subject: Option<Spanned<String>>,
    words: Vec<Spanned<String>>,
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
struct NounGroup {
    #[serde(default)]
    #[allow(dead_code)]
    class: String,
    #[serde(default)]
    needs: Vec<Spanned<String>>,
    words: Vec<Spanned<String>>,
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
struct PhraseGroup {
    #[serde(default)]
    source: Option<Spanned<String>>,
    #[serde(default)]
    carrier: bool,
    #[serde(default)]
    cited: bool,
    words: Vec<Spanned<String>>,
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
struct WordList {
    words: Vec<Spanned<String>>,
}

#[derive(Deserialize, Clone, Default)]
#[serde(deny_unknown_fields)]
struct ControlRepr {
    #[serde(default)]
    pass: Vec<Spanned<String>>,
    #[serde(default)]
    negate: Vec<Spanned<String>>,
}

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

fn parse_file(text: &str) -> Result<FileRepr, CuesError> {
    toml::from_str(text).map_err(|e| {
        let at = e.span().map_or(0, |s| s.start);
        located(text, at, e.message().to_string())
    })
}

fn located(text: &str, at: usize, message: String) -> CuesError {
    let idx = crate::span::LineIndex::new(text);
    let pos = idx.position(text, at);
    CuesError {
        line: pos.line,
        column: pos.column,
        message,
    }
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

/// A word's classes, its (verb, forms) and its phrase ids while the table is built.
type WordEntry = (u32, Vec<(u32, u8)>, Vec<u32>);
/// A verb's (lemma, particles).
type VerbKey = (String, Vec<String>);

#[derive(Default)]
struct Builder {
    words: HashMap<String, WordEntry>,
    verbs: Vec<VerbCue>,
    /// (lemma, particles) -> index into `verbs` and the forms it was given.
    verb_index: HashMap<VerbKey, usize>,
    phrases: Vec<PhraseCue>,
    noun_needs: HashMap<String, u8>,
    multi: HashMap<String, u32>,
    frames: Vec<Vec<Box<str>>>,
    control: Vec<(Vec<Box<str>>, bool)>,
}

fn parse_needs(text: &str, list: &[Spanned<String>]) -> Result<u8, CuesError> {
    let mut need = 0u8;
    for n in list {
        need |= match n.get_ref().as_str() {
            "that" => needs::THAT,
            "to" => needs::TO,
            "as" => needs::AS,
            "of" => needs::OF,
            "for" => needs::FOR,
            "about" => needs::ABOUT,
            other => {
                return Err(located(
                    text,
                    n.span().start,
                    format!("unknown need {other:?} (that, to, as, of, for, about)"),
                ));
            }
        };
    }
    Ok(need)
}

fn check_entry(text: &str, w: &Spanned<String>) -> Result<String, CuesError> {
    let s = w.get_ref().trim();
    if s.is_empty() {
        return Err(located(text, w.span().start, "empty entry".into()));
    }
    if s.chars().any(char::is_uppercase) {
        return Err(located(
            text,
            w.span().start,
            format!("{s:?}: entries are lower case"),
        ));
    }
    Ok(s.split_whitespace().collect::<Vec<_>>().join(" "))
}

impl Builder {
    fn add_file(&mut self, f: &FileRepr, text: &str, user: bool) -> Result<(), CuesError> {
        let mut seen_here: HashMap<VerbKey, ()> = HashMap::new();
        for g in &f.verbs {
            let need = parse_needs(text, &g.needs)?;
            let outlet_subject = match &g.subject {
                None => false,
                Some(s) if s.get_ref() == "outlet" => true,
                Some(s) => {
                    return Err(located(
                        text,
                        s.span().start,
                        format!("unknown subject {:?} (outlet)", s.get_ref()),
                    ));
                }
            };
            for w in &g.words {
                let entry = check_entry(text, w)?;
                let mut parts = entry.split(' ');
                let spec = parts.next().unwrap_or_default();
                let particles: Vec<String> = parts.map(str::to_string).collect();
                let mut forms_spec = spec.split(':');
                let lemma = forms_spec.next().unwrap_or_default().to_string();
                let past: Vec<&str> = forms_spec
                    .next()
                    .map(|p| p.split('|').collect())
                    .unwrap_or_default();
                let participle = forms_spec.next();
                let key = (lemma.clone(), particles.clone());
                if seen_here.insert(key.clone(), ()).is_some() {
                    return Err(located(
                        text,
                        w.span().start,
                        format!("verb {entry:?} is listed twice"),
                    ));
                }
                let cue = VerbCue {
                    lemma: lemma.clone().into(),
                    particles: particles.iter().map(|p| p.as_str().into()).collect(),
                    needs: need,
                    outlet_subject,
                    class: g.class.as_str().into(),
                };
                let forms = inflect(&lemma, &past, participle);
                match self.verb_index.get(&key) {
                    Some(&i) if user => self.verbs[i] = cue,
                    Some(_) => {
                        return Err(located(
                            text,
                            w.span().start,
                            format!("verb {entry:?} is listed twice"),
                        ));
                    }
                    None => {
                        self.verb_index.insert(key, self.verbs.len());
                        let id = self.verbs.len() as u32;
                        self.verbs.push(cue);
                        for (word, f) in forms {
                            let e = self.words.entry(word).or_default();
                            e.0 |= class::VERB;
                            e.1.push((id, f));
                        }
                    }
                }
            }
        }
        for g in &f.nouns {
            let need = parse_needs(text, &g.needs)?.max(needs::THAT);
            for w in &g.words {
                let entry = check_entry(text, w)?;
                let (sing, pl) = noun_forms(&entry);
                for form in [sing, pl] {
                    self.add_word(&form, class::NOUN_CUE);
                    self.noun_needs.insert(form, need);
                }
            }
        }
        for g in &f.phrases {
            let outlet_only = match &g.source {
                None => false,
                Some(s) if s.get_ref() == "outlet" => true,
                Some(s) if s.get_ref() == "any" => false,
                Some(s) => {
                    return Err(located(
                        text,
                        s.span().start,
                        format!("unknown source {:?} (any, outlet)", s.get_ref()),
                    ));
                }
            };
            for w in &g.words {
                let entry = check_entry(text, w)?;
                let words: Vec<Box<str>> = entry.split(' ').map(Into::into).collect();
                // A phrase listed again (as a carrier) marks the earlier entry.
                if let Some(p) = self.phrases.iter_mut().find(|p| p.words == words) {
                    p.carrier |= g.carrier;
                    p.cited |= g.cited;
                    p.outlet_only |= outlet_only;
                    continue;
                }
                let id = self.phrases.len() as u32;
                self.add_word(&words[0], class::PHRASE);
                if let Some(e) = self.words.get_mut(&*words[0]) {
                    e.2.push(id);
                }
                self.phrases.push(PhraseCue {
                    words,
                    outlet_only,
                    carrier: g.carrier,
                    cited: g.cited,
                });
            }
        }
        for g in &f.frames {
            for w in &g.words {
                let entry = check_entry(text, w)?;
                let words: Vec<Box<str>> = entry.split(' ').map(Into::into).collect();
                if let Some(last) = words.last() {
                    self.add_word(last, class::FRAME);
                }
                if words.len() > 1 {
                    self.frames.push(words);
                }
            }
        }
        if let Some(c) = &f.control {
            for (list, pass) in [(&c.pass, true), (&c.negate, false)] {
                for w in list {
                    let entry = check_entry(text, w)?;
                    let words: Vec<Box<str>> = entry.split(' ').map(Into::into).collect();
                    if let Some(last) = words.last() {
                        self.add_word(last, class::CONTROL);
                    }
                    self.control.push((words, pass));
                }
            }
        }
        let nouns: [(&[Spanned<String>], u32, u32); 7] = [
            (&f.reports, class::REPORT, class::REPORT),
            (&f.roles, class::ROLE, class::ROLE_PL),
            (&f.outlets, class::OUTLET, class::OUTLET_PL),
            (&f.documents, class::DOCUMENT, class::DOCUMENT_PL),
            (&f.nationalities, class::NATIONALITY, class::NATIONALITY_PL),
            (&f.bodies, class::BODY, class::BODY),
            (&f.outlet_output, class::OUTPUT, class::OUTPUT),
        ];
        for (list, sing_class, pl_class) in nouns {
            for w in list {
                let entry = check_entry(text, w)?;
                let (sing, pl) = noun_forms(&entry);
                self.add_word(&sing, sing_class);
                self.add_word(&pl, pl_class);
            }
        }
        let plain: [(&[Spanned<String>], u32); 13] = [
            (&f.calendar, class::CALENDAR),
            (&f.collectives, class::COLLECTIVE),
            (&f.quantities, class::QUANTITY),
            (&f.definite, class::DEFINITE),
            (&f.indefinite, class::INDEFINITE),
            (&f.modifiers, class::MODIFIER),
            (&f.between, class::BETWEEN),
            (&f.sentence_words, class::SENTENCE),
            (&f.pronouns, class::PRONOUN),
            (&f.capitals, class::CAPITAL),
            (&f.countries, class::COUNTRY),
            (&f.places, class::PLACE),
            (&[], 0),
        ];
        for (list, c) in plain {
            for w in list {
                let entry = check_entry(text, w)?;
                self.add_word(&entry, c);
            }
        }
        Ok(())
    }

    /// Register a word (one word: in the table; several: in the multi-word table).
    fn add_word(&mut self, w: &str, c: u32) {
        if let Some((_, last)) = w.rsplit_once(' ') {
            *self.multi.entry(w.to_string()).or_default() |= c;
            let last = last.to_string();
            self.words.entry(last).or_default().0 |= class::MULTI_TAIL;
        } else {
            self.words.entry(w.to_string()).or_default().0 |= c;
        }
    }

    fn finish(self) -> Cues {
        let mut verb_forms = Vec::new();
        let mut phrase_ids = Vec::new();
        let mut cue_entries = Vec::new();
        let mut words = Vec::new();
        let mut longest = 0;
        let mut entries: Vec<_> = self.words.into_iter().collect();
        entries.sort_by(|a, b| a.0.cmp(&b.0));
        for (w, (c, vs, ps)) in entries {
            let mut info = WordInfo { class: c, cue: 0 };
            if !vs.is_empty() || !ps.is_empty() {
                let v0 = verb_forms.len() as u32;
                let p0 = phrase_ids.len() as u32;
                verb_forms.extend(vs);
                phrase_ids.extend(ps);
                cue_entries.push(CueEntry {
                    verbs: (v0, verb_forms.len() as u32),
                    phrases: (p0, phrase_ids.len() as u32),
                });
                info.cue = cue_entries.len() as u32;
            }
            longest = longest.max(w.len());
            words.push((w, info));
        }
        Cues {
            words: WordTable::new(words),
            verbs: self.verbs,
            verb_forms,
            phrases: self.phrases,
            phrase_ids,
            cue_entries,
            noun_needs: self
                .noun_needs
                .into_iter()
                .map(|(k, v)| (k.into_boxed_str(), v))
                .collect(),
            multi: WordTable::new(self.multi.into_iter().collect()),
            frames: self.frames,
            control: self.control,
            longest,
        }
    }
}

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// Every form of a verb: the lemma (base), -s, past, participle and -ing. `past` overrides
/// the regular past (several may be given: "labeled|labelled"); `participle` overrides the
/// participle (otherwise the past).
pub(crate) fn inflect(lemma: &str, past: &[&str], participle: Option<&str>) -> Vec<(String, u8)> {
    let b = lemma.as_bytes();
    let n = b.len();
    let last = b.last().copied().unwrap_or(b'x');
    let before_last = if n >= 2 { b[n - 2] } else { b'x' };
    let s = if lemma.ends_with("ss")
        || lemma.ends_with('x')
        || lemma.ends_with('z')
        || lemma.ends_with("ch")
        || lemma.ends_with("sh")
        || (last == b'o' && !is_vowel(before_last))
        || (last == b's' && !lemma.ends_with("us"))
    {
        format!("{lemma}es")
    } else if last == b'y' && !is_vowel(before_last) {
        format!("{}ies", &lemma[..n - 1])
    } else {
        format!("{lemma}s")
    };
    let regular_past = if last == b'e' {
        format!("{lemma}d")
    } else if last == b'y' && !is_vowel(before_last) {
        format!("{}ied", &lemma[..n - 1])
    } else {
        format!("{lemma}ed")
    };
    let pasts: Vec<String> = if past.is_empty() {
        vec![regular_past]
    } else {
        past.iter().map(|p| p.to_string()).collect()
    };
    let mut ings = Vec::new();
    for p in &pasts {
        // A doubled consonant in the past doubles in -ing ("admitted" -> "admitting").
        let pb = p.as_bytes();
        if p.ends_with("ed")
            && pb.len() == n + 3
            && p.starts_with(lemma)
            && pb[n] == last
            && !is_vowel(last)
        {
            ings.push(format!("{lemma}{}ing", char::from(last)));
        }
    }
    let regular_ing = if lemma.ends_with("ie") {
        format!("{}ying", &lemma[..n - 2])
    } else if last == b'e' && !matches!(before_last, b'e' | b'y' | b'o') && n > 2 {
        format!("{}ing", &lemma[..n - 1])
    } else {
        format!("{lemma}ing")
    };
    if ings.is_empty() {
        ings.push(regular_ing);
    }
    let mut out: Vec<(String, u8)> = vec![(lemma.to_string(), form::BASE), (s, form::S)];
    for p in &pasts {
        out.push((p.clone(), form::PAST));
    }
    match participle {
        Some(pp) => out.push((pp.to_string(), form::PARTICIPLE)),
        None => {
            for p in &pasts {
                out.push((p.clone(), form::PARTICIPLE));
            }
        }
    }
    for i in ings {
        out.push((i, form::ING));
    }
    // One entry a word, its forms merged ("cast": base and past).
    let mut merged: Vec<(String, u8)> = Vec::new();
    for (w, f) in out {
        match merged.iter_mut().find(|(m, _)| *m == w) {
            Some(m) => m.1 |= f,
            None => merged.push((w, f)),
        }
    }
    merged
}

/// A noun entry's singular and plural ("spokesman" -> "spokesmen"; "analysis:analyses";
/// "prime minister" -> "prime ministers").
pub(crate) fn noun_forms(entry: &str) -> (String, String) {
    if let Some((sing, pl)) = entry.split_once(':') {
        return (sing.to_string(), pl.to_string());
    }
    let (head, last) = match entry.rsplit_once(' ') {
        Some((h, l)) => (format!("{h} "), l),
        None => (String::new(), entry),
    };
    (entry.to_string(), format!("{head}{}", plural(last)))
}

/// The regular plural of one English noun.
pub(crate) fn plural(w: &str) -> String {
    let b = w.as_bytes();
    let n = b.len();
    if n == 0 {
        return String::new();
    }
    let last = b[n - 1];
    let before_last = if n >= 2 { b[n - 2] } else { b'x' };
    if w.ends_with("man") && !w.ends_with("human") && !w.ends_with("german") {
        format!("{}men", &w[..n - 3])
    } else if w.ends_with('s')
        || w.ends_with('x')
        || w.ends_with('z')
        || w.ends_with("ch")
        || w.ends_with("sh")
    {
        format!("{w}es")
    } else if last == b'y' && !is_vowel(before_last) {
        format!("{}ies", &w[..n - 1])
    } else {
        format!("{w}s")
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
    fn verbs_inflect() {
        let forms = |l: &str, p: &[&str], pp: Option<&str>| -> Vec<String> {
            inflect(l, p, pp).into_iter().map(|(w, _)| w).collect()
        };
        assert_eq!(
            forms("say", &["said"], None),
            ["say", "says", "said", "saying"]
        );
        assert_eq!(
            forms("deny", &[], None),
            ["deny", "denies", "denied", "denying"]
        );
        assert_eq!(
            forms("announce", &[], None),
            ["announce", "announces", "announced", "announcing"]
        );
        assert_eq!(
            forms("admit", &["admitted"], None),
            ["admit", "admits", "admitted", "admitting"]
        );
        assert_eq!(
            forms("write", &["wrote"], Some("written")),
            ["write", "writes", "wrote", "written", "writing"]
        );
        assert_eq!(
            forms("stress", &[], None),
            ["stress", "stresses", "stressed", "stressing"]
        );
        assert_eq!(
            forms("echo", &[], None),
            ["echo", "echoes", "echoed", "echoing"]
        );
        assert_eq!(
            forms("agree", &[], None),
            ["agree", "agrees", "agreed", "agreeing"]
        );
        assert_eq!(
            forms("label", &["labeled", "labelled"], None),
            ["label", "labels", "labeled", "labelled", "labelling",]
                .iter()
                .map(|s| s.to_string())
                .filter(|s| s != "labelling")
                .chain(["labelling".to_string()])
                .collect::<Vec<_>>()
        );
        let cast = inflect("cast", &["cast"], None);
        assert!(cast.contains(&("cast".into(), form::BASE | form::PAST | form::PARTICIPLE)));
    }

    #[test]
    fn nouns_pluralise() {
        for (s, p) in [
            ("official", "officials"),
            ("spokesman", "spokesmen"),
            ("agency", "agencies"),
            ("press secretary", "press secretaries"),
            ("witness", "witnesses"),
            ("day", "days"),
            ("analysis:analyses", "analyses"),
        ] {
            assert_eq!(noun_forms(s).1, p, "{s}");
        }
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
