//! A person and the organisation they work for, named without a comma: "said Jane Doe of Harbor
//! Public Radio", "a rapporté Marie Durand de Radio Lumière". The model may read them as one
//! name; a reader reads two. The span splits at an affiliation word (`affiliation` in
//! `words.txt`) when the words before it are a person's name (a known first name and one or two
//! more capitalised words) and the words after it an organisation's (capitalised, with an
//! organisation word at either end or a well-known organisation's name).

use super::mention::M;
use crate::enrich::gazetteer::gazetteer;
use crate::enrich::profile::{key, lower, Profile, TypeWord};
use crate::enrich::types::{Document, EntityType};

/// Most words of the person's part ("Mary Ann Doe").
const MAX_PERSON_WORDS: usize = 3;

/// Split each "person of organisation" span into the person and the organisation.
pub(super) fn split(doc: &Document<'_>, res: &Profile, ms: &mut Vec<M>) {
    if res.affiliations.is_empty() {
        return;
    }
    let mut out = Vec::with_capacity(ms.len());
    for m in ms.drain(..) {
        match at_affiliation(doc.fields[m.field].text, &m, res) {
            Some(cut) => {
                out.push(M::found(
                    m.field,
                    m.start,
                    cut.person_end,
                    EntityType::Person,
                ));
                out.push(M::found(
                    m.field,
                    cut.org_start,
                    m.end,
                    EntityType::Organization,
                ));
            }
            None => out.push(m),
        }
    }
    *ms = out;
}

/// Where a span splits: the end of the person's name and the start of the organisation's.
struct Cut {
    person_end: usize,
    org_start: usize,
}

/// A word of a span with its byte offsets in the field.
struct Word<'a> {
    text: &'a str,
    start: usize,
    end: usize,
}

fn at_affiliation(t: &str, m: &M, res: &Profile) -> Option<Cut> {
    let mut at = m.start;
    let words: Vec<Word> = t[m.start..m.end]
        .split(' ')
        .map(|w| {
            let word = Word {
                text: w,
                start: at,
                end: at + w.len(),
            };
            at += w.len() + 1;
            word
        })
        .collect();
    let cap = |w: &Word| w.text.starts_with(char::is_uppercase);
    let i = (2..=MAX_PERSON_WORDS.min(words.len().saturating_sub(2)))
        .find(|&i| res.affiliations.contains(&lower(words[i].text)))?;
    let (person, org) = (&words[..i], &words[i + 1..]);
    let org_word = |w: &Word| {
        matches!(
            res.type_words.get(&key(w.text)),
            Some(TypeWord::Org | TypeWord::Legal)
        )
    };
    let org_text = &t[org[0].start..org[org.len() - 1].end];
    let is_org = org.iter().all(cap)
        && (org_word(&org[0])
            || org_word(&org[org.len() - 1])
            || gazetteer()
                .lookup(org_text)
                .is_some_and(|(ty, _)| ty == EntityType::Organization));
    let is_person = person.iter().all(cap)
        && res.first_names.contains_key(&lower(person[0].text))
        && res.role(&lower(person[0].text)).is_none();
    (is_org && is_person).then(|| Cut {
        person_end: person[person.len() - 1].end,
        org_start: org[0].start,
    })
}

#[cfg(test)]
mod tests {
    use super::super::tests::{names, run};
    use crate::enrich::profile::Lang;
    use crate::enrich::types::EntityType::{Organization as O, Person as P};

    #[test]
    fn a_person_of_an_organisation_is_two_names() {
        let t = "The verdict was read, reported Jane Doe of Harbor Public Radio, who was there.";
        let es = run(Lang::En, t, &[("Jane Doe of Harbor Public Radio", "ORG")]);
        assert_eq!(
            names(&es),
            [
                ("Jane Doe".to_string(), P),
                ("Harbor Public Radio".to_string(), O)
            ]
        );
        let t = "Le verdict est tombé, a rapporté Marie Durand de Radio Lumière.";
        let es = run(Lang::Fr, t, &[("Marie Durand de Radio Lumière", "PER")]);
        assert_eq!(
            names(&es),
            [
                ("Marie Durand".to_string(), P),
                ("Radio Lumière".to_string(), O)
            ]
        );
    }

    #[test]
    fn names_with_a_particle_stay_whole() {
        // A nobiliary particle, a title, a place after "of": one name each.
        let t = "Jean de La Fontaine wrote it; the Prince of Wales and Anne of Cleves read it.";
        let es = run(
            Lang::En,
            t,
            &[
                ("Jean de La Fontaine", "PERSON"),
                ("Prince of Wales", "PERSON"),
                ("Anne of Cleves", "PERSON"),
            ],
        );
        assert_eq!(es.len(), 3, "{:?}", names(&es));
        assert!(es.iter().all(|e| e.entity_type == P), "{:?}", names(&es));
    }
}
