//! A lone word the model called an organisation, that the article writes after a word placing
//! something ("a boy from Tovil", "the new plant at Sarne", "flooding in Marle") and never
//! after an article or a possessive: a small place the model did not know. A body is written
//! with its article or in capitals somewhere ("the Ruvo", "SARNE"), or is a common word the
//! language's type words know ("Parliament"). The placing words are data (`locative|WORD` in
//! `resources/<lang>/context.txt`).

use crate::enrich::entities::mention::M;
use crate::enrich::entities::typing::label_type;
use crate::enrich::profile::{key, lower, Profile};
use crate::enrich::types::{Document, EntityType};
use std::collections::{HashMap, HashSet};

/// What one name's occurrences show.
#[derive(Default)]
struct Occurrences {
    /// Whether every mention is one capitalised word the model labelled an organisation, with
    /// no hint from another rule.
    lone_org: bool,
    /// Whether one follows a placing word.
    placed: bool,
    /// Whether one follows an article or a possessive determiner.
    determined: bool,
}

/// Hint as places the lone organisation names that only placing words introduce.
pub(super) fn apply(doc: &Document<'_>, res: &Profile, ms: &mut [M]) {
    if res.context.locatives.is_empty() {
        return;
    }
    // The surname of a person the article names in full ("Ana Ruvo" … "from Ruvo") is
    // theirs; the first word of a body's longer name ("Ruvo Tovel Institute" … "at Ruvo"), its
    // short form.
    let mut taken: HashSet<String> = HashSet::new();
    for m in ms.iter() {
        let form = &doc.fields[m.field].text[m.start..m.end];
        match m.ty() {
            EntityType::Person => taken.extend(form.split_whitespace().skip(1).map(key)),
            EntityType::Organization => taken.extend(
                form.split_whitespace()
                    .next()
                    .filter(|w| w.len() < form.len())
                    .map(key),
            ),
            _ => {}
        }
    }
    let mut names: HashMap<String, Occurrences> = HashMap::new();
    for m in ms.iter() {
        let t = doc.fields[m.field].text;
        let form = &t[m.start..m.end];
        let o = names.entry(key(form)).or_insert(Occurrences {
            lone_org: true,
            ..Occurrences::default()
        });
        o.lone_org &= m.hint.is_none()
            && label_type(&m.label) == EntityType::Organization
            && lone_word(form, res);
        let before = word_before(t, m.start);
        o.placed |= res.context.locatives.contains(&before);
        o.determined |=
            res.articles.contains_key(&before) || res.context.kin_dets.contains(&before);
    }
    for m in ms.iter_mut() {
        let form = &doc.fields[m.field].text[m.start..m.end];
        if names
            .get(&key(form))
            .is_some_and(|o| o.lone_org && o.placed && !o.determined)
            && !taken.contains(&key(form))
        {
            m.hint = Some(EntityType::Location);
        }
    }
}

/// Whether `form` is one capitalised word with a lower-case letter (not an acronym), neither a
/// type word ("Parliament") nor a known first name.
fn lone_word(form: &str, res: &Profile) -> bool {
    let w = lower(form);
    form.starts_with(char::is_uppercase)
        && form.chars().any(char::is_lowercase)
        && form
            .chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '’')
        && !res.type_words.contains_key(&key(form))
        && !res.first_names.contains_key(&w)
}

/// The word right before byte `s` of `t`, in lower case, when a single space separates them;
/// empty otherwise.
fn word_before(t: &str, s: usize) -> String {
    let Some(b) = t[..s].strip_suffix(' ') else {
        return String::new();
    };
    let w_start = b
        .char_indices()
        .rfind(|(_, c)| !c.is_alphabetic())
        .map_or(0, |(i, c)| i + c.len_utf8());
    lower(&b[w_start..])
}

#[cfg(test)]
mod tests {
    use crate::enrich::entities::tests::{names, run};
    use crate::enrich::profile::Lang;
    use crate::enrich::types::EntityType::{Location as L, Organization as O, Person as P};

    #[test]
    fn a_lone_word_only_placed_is_a_small_place() {
        let t = "A boy from Tovil was arrested on Friday. Police said Tovil had seen three \
                 break-ins. The new depot at Sarne opens in May.";
        let es = run(Lang::En, t, &[("Tovil", "ORG"), ("Sarne", "ORG")]);
        let ns = names(&es);
        assert!(ns.contains(&("Tovil".into(), L)), "{ns:?}");
        assert!(ns.contains(&("Sarne".into(), L)), "{ns:?}");
    }

    #[test]
    fn a_body_written_with_its_article_or_as_a_short_form_stays_one() {
        // Once with its article: a body.
        let t = "Staff at Marlow walked out. The Marlow said it would talk.";
        let es = run(Lang::En, t, &[("Marlow", "ORG"), ("Marlow", "ORG")]);
        assert!(
            names(&es).contains(&("Marlow".into(), O)),
            "{:?}",
            names(&es)
        );
        // The first word of a body's longer name; the surname of a person named in full.
        let t = "Researchers from the Ruvo Tovel Institute met. Lab staff at Ruvo agreed. Ana \
                 Sarne spoke; the letter from Sarne was read.";
        let es = run(
            Lang::En,
            t,
            &[
                ("Ruvo Tovel Institute", "ORG"),
                ("Ruvo", "ORG"),
                ("Ana Sarne", "PERSON"),
                ("Sarne", "ORG"),
            ],
        );
        let ns = names(&es);
        assert!(!ns.contains(&("Ruvo".into(), L)), "{ns:?}");
        assert!(ns.contains(&("Ana Sarne".into(), P)), "{ns:?}");
        // An acronym; a word the language types (a body's head word).
        let t = "Figures from TOVL and a vote in Parliament followed.";
        let es = run(Lang::En, t, &[("TOVL", "ORG"), ("Parliament", "ORG")]);
        let ns = names(&es);
        assert!(ns.contains(&("TOVL".into(), O)), "{ns:?}");
        assert!(ns.contains(&("Parliament".into(), O)), "{ns:?}");
    }
}
