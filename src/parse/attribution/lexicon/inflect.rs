//! The forms of the lexicon's words: a verb's from its lemma, a noun's plural from its
//! singular.

use super::form;

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
}
