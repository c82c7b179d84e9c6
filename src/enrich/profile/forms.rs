//! Inflection schemes of speech verbs and demonyms, chosen per language by
//! `resources/<lang>/profile.txt` (`verb_forms|french`, `demonym_forms|english`, ...).

/// The stem of a regular -er verb before a silent ending of the present ("tempère", "relève",
/// "s'inquiète", "appelle"): a last syllable in "é" or "e" and one consonant opens its vowel
/// (è), or doubles an "l" or a "t" after "e". Not after another vowel ("tweete").
fn present_stem(stem: &str) -> String {
    let c: Vec<char> = stem.chars().collect();
    let n = c.len();
    let vowel = |x: char| "aeiouyéèêâîôû".contains(x);
    if n < 3 || vowel(c[n - 1]) || !matches!(c[n - 2], 'e' | 'é') || "aeouéè".contains(c[n - 3])
    {
        return stem.to_string();
    }
    if c[n - 2] == 'e' && matches!(c[n - 1], 'l' | 't') {
        return format!("{stem}{}", c[n - 1]);
    }
    c[..n - 2].iter().chain(['è', c[n - 1]].iter()).collect()
}

/// Inflected forms of a French speech verb line (see `resources/fr/speech_verbs.txt`).
pub(super) fn french_forms(line: &str) -> Vec<String> {
    let parts: Vec<&str> = line.split('|').map(str::trim).collect();
    let (reflexive, lemma) = match parts[0]
        .strip_prefix("s'")
        .or_else(|| parts[0].strip_prefix("se "))
    {
        Some(l) => (true, l),
        None => (false, parts[0]),
    };
    let (p3s, p3p, imp, pp, ps) = if parts.len() >= 6 {
        (
            parts[1].to_string(),
            parts[2].to_string(),
            parts[3].to_string(),
            parts[4].to_string(),
            parts[5].to_string(),
        )
    } else {
        let stem = lemma.strip_suffix("er").unwrap_or(lemma);
        // Before an "a" ending, "g" keeps its sound with an "e" (interrogea) and "c" becomes "ç"
        // (lança).
        let soft = if let Some(s) = stem.strip_suffix('c') {
            format!("{s}ç")
        } else if stem.ends_with('g') {
            format!("{stem}e")
        } else {
            stem.to_string()
        };
        let present = present_stem(stem);
        (
            format!("{present}e"),
            format!("{present}ent"),
            soft.clone(),
            format!("{stem}é"),
            format!("{soft}a"),
        )
    };
    let mut out = Vec::new();
    if reflexive {
        let refl = |v: &str| {
            if v.starts_with(|c: char| "aeiouéèêh".contains(c)) {
                format!("s'{v}")
            } else {
                format!("se {v}")
            }
        };
        for v in [&p3s, &p3p, &format!("{imp}ait"), &ps] {
            out.push(refl(v));
        }
        for aux in ["s'est", "se sont", "s'était"] {
            out.push(format!("{aux} {pp}"));
            out.push(format!("{aux} {pp}e"));
            out.push(format!("{aux} {pp}s"));
        }
        // Inverted after a quote: "s'agace-t-il", "s'interroge-t-elle".
        let t = if p3s.ends_with(['e', 'a']) { "-t" } else { "" };
        for pr in ["il", "elle", "on"] {
            out.push(format!("{}{t}-{pr}", refl(&p3s)));
        }
        return out;
    }
    out.push(p3s.clone());
    out.push(p3p.clone());
    out.push(format!("{imp}ait"));
    out.push(format!("{imp}aient"));
    out.push(ps.clone());
    for aux in [
        "a",
        "ont",
        "avait",
        "avaient",
        "aurait",
        "a-t-il",
        "a-t-elle",
        "a-t-on",
        "ont-ils",
        "ont-elles",
        "avait-il",
        "avait-elle",
    ] {
        out.push(format!("{aux} {pp}"));
    }
    for v in [&p3s, &ps] {
        if v.ends_with(['e', 'a']) {
            out.push(format!("{v}-t-il"));
            out.push(format!("{v}-t-elle"));
            out.push(format!("{v}-t-on"));
        } else {
            out.push(format!("{v}-il"));
            out.push(format!("{v}-elle"));
            out.push(format!("{v}-on"));
        }
    }
    out.push(format!("{p3p}-ils"));
    out.push(format!("{p3p}-elles"));
    out
}

/// Inflected forms of an English speech verb line (see `resources/en/speech_verbs.txt`).
pub(super) fn english_forms(line: &str) -> Vec<String> {
    let parts: Vec<&str> = line.split('|').map(str::trim).collect();
    let (base, s3, past, pp) = if parts.len() >= 4 {
        (
            parts[0].to_string(),
            parts[1].to_string(),
            parts[2].to_string(),
            parts[3].to_string(),
        )
    } else {
        let b = parts[0];
        let (s3, past) = if let Some(st) = b
            .strip_suffix('y')
            .filter(|st| !st.ends_with(['a', 'e', 'o', 'u']))
        {
            (format!("{st}ies"), format!("{st}ied"))
        } else if b.ends_with('e') {
            (format!("{b}s"), format!("{b}d"))
        } else if b.ends_with(['s', 'x', 'h']) {
            (format!("{b}es"), format!("{b}ed"))
        } else {
            (format!("{b}s"), format!("{b}ed"))
        };
        (b.to_string(), s3, past.clone(), past)
    };
    let _ = base;
    vec![
        s3,
        past,
        format!("has {pp}"),
        format!("had {pp}"),
        format!("have {pp}"),
        format!("would {}", parts[0]),
    ]
}

/// Plural form of an English demonym.
pub(super) fn english_demonym_forms(w: &str) -> Vec<String> {
    let w = w.trim();
    vec![w.to_string(), format!("{w}s")]
}

/// Feminine and plural forms of a French demonym: "-en" and "-on" double their "n" in the
/// feminine ("chilien" → "chilienne", "paraguayen" → "paraguayenne", "letton" → "lettonne").
pub(super) fn french_demonym_forms(w: &str) -> Vec<String> {
    let w = w.trim();
    let fem = if w.ends_with('e') {
        w.to_string()
    } else if w.ends_with("en") || w.ends_with("on") {
        format!("{w}ne")
    } else {
        format!("{w}e")
    };
    let pl = |s: &str| {
        if s.ends_with(['s', 'x']) {
            s.to_string()
        } else {
            format!("{s}s")
        }
    };
    vec![w.to_string(), pl(w), pl(&fem), fem]
}

#[cfg(test)]
mod tests {
    use super::{french_demonym_forms, french_forms};

    #[test]
    fn a_regular_verb_opens_or_doubles_its_last_syllable_before_a_silent_ending() {
        for (verb, present) in [
            ("tempérer", "tempère"),
            ("relever", "relève"),
            ("appeler", "appelle"),
            ("s'inquiéter", "s'inquiète"),
            ("observer", "observe"),
            ("tweeter", "tweete"),
        ] {
            let forms = french_forms(verb);
            assert!(forms.iter().any(|f| f == present), "{verb}: {forms:?}");
        }
        assert!(french_forms("tempérer").iter().any(|f| f == "tempéra"));
    }

    #[test]
    fn french_demonyms_in_en_and_on_double_their_n() {
        assert_eq!(
            french_demonym_forms("paraguayen"),
            ["paraguayen", "paraguayens", "paraguayennes", "paraguayenne"]
        );
        assert_eq!(
            french_demonym_forms("breton"),
            ["breton", "bretons", "bretonnes", "bretonne"]
        );
        assert_eq!(
            french_demonym_forms("lyonnais"),
            ["lyonnais", "lyonnais", "lyonnaises", "lyonnaise"]
        );
    }
}
