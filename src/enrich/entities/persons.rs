//! A person named in full and by one of their names alone, the article read as a whole: when
//! "Ana" or "Vale" alone names a person (the model's label or the words around it), "Ana Vale"
//! elsewhere in the article is that person too, whatever the model guessed for the full name
//! ("Ana Vale" tagged an organisation, "Ana" a person). Only a plain name: no head word of an
//! organisation or a place ("Vale Street"), no context hint of its own, not opening with a
//! surname of the article ("Vale Holdings" beside "Ana Vale": a company named after her), and
//! not through a lone word that is a well-known place ("Jordan").

use super::mention::M;
use super::typing::label_type;
use crate::enrich::gazetteer::gazetteer;
use crate::enrich::kb::Kb;
use crate::enrich::profile::{key, Profile};
use crate::enrich::types::{Document, EntityType};
use std::collections::{HashMap, HashSet};

/// Hint as persons the two- and three-word names whose first or last word alone names a
/// person in the article.
pub(super) fn apply(doc: &Document<'_>, res: &Profile, kb: &Kb, ms: &mut [M]) {
    let text_of = |m: &M| &doc.fields[m.field].text[m.start..m.end];
    // Per lone word: whether every mention of it says person.
    let mut lone: HashMap<String, bool> = HashMap::new();
    for m in ms.iter() {
        let t = text_of(m);
        if t.contains(char::is_whitespace) || !t.starts_with(char::is_uppercase) {
            continue;
        }
        let person = match m.hint {
            Some(h) => h == EntityType::Person,
            None => label_type(&m.label) == EntityType::Person,
        };
        *lone.entry(key(t)).or_insert(true) &= person;
    }
    let persons: HashSet<String> = lone
        .into_iter()
        .filter(|(k, person)| *person && !known_place(k, kb))
        .map(|(k, _)| k)
        .collect();
    if persons.is_empty() {
        return;
    }
    // A surname alone opens no person's full name: "Vale" of "Ana Vale" before "Vale Holdings"
    // names the company after her.
    let surnames: HashSet<String> = ms
        .iter()
        .filter(|m| m.ty() == EntityType::Person)
        .filter_map(|m| {
            let t = text_of(m);
            t.contains(char::is_whitespace)
                .then(|| t.split_whitespace().next_back().map(key))
                .flatten()
        })
        .collect();
    for m in ms.iter_mut() {
        if m.hint.is_some() || m.ty() == EntityType::Person || m.ty() == EntityType::Misc {
            continue;
        }
        let t = &doc.fields[m.field].text[m.start..m.end];
        let words: Vec<&str> = t.split_whitespace().collect();
        let plain = (2..=3).contains(&words.len())
            && words.iter().all(|w| {
                w.starts_with(char::is_uppercase) && !res.type_words.contains_key(&key(w))
            });
        if plain
            && ((persons.contains(&key(words[0])) && !surnames.contains(&key(words[0])))
                || persons.contains(&key(words[words.len() - 1])))
        {
            m.hint = Some(EntityType::Person);
        }
    }
}

/// Whether a lone word is a well-known place (the gazetteer's or the KB's).
fn known_place(k: &str, kb: &Kb) -> bool {
    matches!(gazetteer().lookup(k), Some((EntityType::Location, _))) || kb.names_place(k)
}

#[cfg(test)]
mod tests {
    use super::super::tests::{names, run};
    use crate::enrich::profile::Lang;
    use crate::enrich::types::EntityType::{Organization as O, Person as P};

    #[test]
    fn a_full_name_whose_first_name_alone_is_a_person_is_that_person() {
        let t = "Relatives waited for Herlan Brandvik. Herlan's daughter flew in on Monday.";
        let es = run(
            Lang::En,
            t,
            &[("Herlan Brandvik", "ORG"), ("Herlan", "PERSON")],
        );
        assert_eq!(names(&es), [("Herlan Brandvik".to_string(), P)]);
        let t = "La famille attendait Tarvo Brandvik. Selon Brandvik, le vol était complet.";
        let es = run(
            Lang::Fr,
            t,
            &[("Tarvo Brandvik", "LOC"), ("Brandvik", "PER")],
        );
        assert_eq!(names(&es), [("Tarvo Brandvik".to_string(), P)]);
    }

    #[test]
    fn a_name_with_a_head_word_stays_what_it_is() {
        let t = "Ana Brandvik founded Brandvik Holdings. Brandvik said it grew.";
        let es = run(
            Lang::En,
            t,
            &[
                ("Ana Brandvik", "PERSON"),
                ("Brandvik Holdings", "ORG"),
                ("Brandvik", "PERSON"),
            ],
        );
        assert!(
            names(&es).contains(&("Brandvik Holdings".to_string(), O)),
            "{:?}",
            names(&es)
        );
    }
}
