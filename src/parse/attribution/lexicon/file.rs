//! The format of a cues file (`src/data/cues.toml`, `src/data/sources.toml`, `--cues FILE`)
//! and its compilation into the lexicon's table.

use super::super::table::WordTable;
use super::inflect::{inflect, noun_forms};
use super::{CueEntry, Cues, CuesError, PhraseCue, VerbCue, WordInfo, class, form, needs};
use serde::Deserialize;
use std::collections::HashMap;
use toml::Spanned;

#[derive(Deserialize, Default, Clone)]
#[serde(deny_unknown_fields)]
pub(super) struct FileRepr {
    #[serde(default)]
    verbs: Vec<VerbGroup>,
    #[serde(default)]
    adjectives: Vec<VerbGroup>,
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
    postmodifiers: Vec<Spanned<String>>,
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

pub(super) fn parse_file(text: &str) -> Result<FileRepr, CuesError> {
    CuesError::parse_toml(text)
}

/// A word's classes, its (verb, forms) and its phrase ids while the table is built.
type WordEntry = (u32, Vec<(u32, u8)>, Vec<u32>);
/// A verb's (lemma, particles).
type VerbKey = (String, Vec<String>);

#[derive(Default)]
pub(super) struct Builder {
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
            "predicate" => needs::PREDICATE,
            "document" => needs::DOCUMENT,
            other => {
                return Err(CuesError::at(
                    text,
                    n.span().start,
                    format!(
                        "unknown need {other:?} (that, to, as, of, for, about, predicate, document)"
                    ),
                ));
            }
        };
    }
    Ok(need)
}

fn check_entry(text: &str, w: &Spanned<String>) -> Result<String, CuesError> {
    let s = w.get_ref().trim();
    if s.is_empty() {
        return Err(CuesError::at(text, w.span().start, "empty entry".into()));
    }
    if s.chars().any(char::is_uppercase) {
        return Err(CuesError::at(
            text,
            w.span().start,
            format!("{s:?}: entries are lower case"),
        ));
    }
    Ok(s.split_whitespace().collect::<Vec<_>>().join(" "))
}

impl Builder {
    pub(super) fn add_file(
        &mut self,
        f: &FileRepr,
        text: &str,
        user: bool,
    ) -> Result<(), CuesError> {
        self.add_verbs(f, text, user)?;
        self.add_nominal_cues(f, text)?;
        self.add_phrases(f, text)?;
        self.add_frames(f, text)?;
        self.add_word_lists(f, text)
    }

    /// Verb cues in every inflection; a user file may redefine a built-in verb.
    fn add_verbs(&mut self, f: &FileRepr, text: &str, user: bool) -> Result<(), CuesError> {
        let mut seen_here: HashMap<VerbKey, ()> = HashMap::new();
        let verbs = f.verbs.iter().map(|g| (g, false));
        let adjectives = f.adjectives.iter().map(|g| (g, true));
        for (g, copula) in verbs.chain(adjectives) {
            let need = parse_needs(text, &g.needs)?;
            let outlet_subject = match &g.subject {
                None => false,
                Some(s) if s.get_ref() == "outlet" => true,
                Some(s) => {
                    return Err(CuesError::at(
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
                    return Err(CuesError::at(
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
                    copula,
                    class: g.class.as_str().into(),
                };
                // An adjective has one form, after a copula ("was skeptical of").
                let forms = if copula {
                    vec![(lemma.clone(), form::COPULA)]
                } else {
                    inflect(&lemma, &past, participle)
                };
                match self.verb_index.get(&key) {
                    Some(&i) if user => self.verbs[i] = cue,
                    Some(_) => {
                        return Err(CuesError::at(
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
        Ok(())
    }

    /// Nominal cues ("X's statement that"), singular and plural.
    fn add_nominal_cues(&mut self, f: &FileRepr, text: &str) -> Result<(), CuesError> {
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
        Ok(())
    }

    /// Phrase cues ("according to"); a phrase listed again marks the earlier entry.
    fn add_phrases(&mut self, f: &FileRepr, text: &str) -> Result<(), CuesError> {
        for g in &f.phrases {
            let (outlet_only, medium) = match &g.source {
                None => (false, false),
                Some(s) if s.get_ref() == "outlet" => (true, false),
                Some(s) if s.get_ref() == "medium" => (true, true),
                Some(s) if s.get_ref() == "any" => (false, false),
                Some(s) => {
                    return Err(CuesError::at(
                        text,
                        s.span().start,
                        format!("unknown source {:?} (any, outlet, medium)", s.get_ref()),
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
                    p.medium |= medium;
                    continue;
                }
                let id = self.phrases.len() as u32;
                self.add_word(&words[0], class::PHRASE);
                match words.get(1) {
                    Some(second) => self.add_word(second, class::PHRASE_NEXT),
                    None => self.add_word(&words[0], class::PHRASE_ALONE),
                }
                if let Some(e) = self.words.get_mut(&*words[0]) {
                    e.2.push(id);
                }
                self.phrases.push(PhraseCue {
                    words,
                    outlet_only,
                    medium,
                    carrier: g.carrier,
                    cited: g.cited,
                });
            }
        }
        Ok(())
    }

    /// Frames ("a headline in X read") and control verbs that pass a cue on or negate it.
    fn add_frames(&mut self, f: &FileRepr, text: &str) -> Result<(), CuesError> {
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
        Ok(())
    }

    /// The word lists of sources' phrases: nouns with their plurals, and plain words.
    fn add_word_lists(&mut self, f: &FileRepr, text: &str) -> Result<(), CuesError> {
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
        let plain: [(&[Spanned<String>], u32); 14] = [
            (&f.calendar, class::CALENDAR),
            (&f.postmodifiers, class::POSTMOD),
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

    pub(super) fn finish(self) -> Cues {
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
