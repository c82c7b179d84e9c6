//! Towns the model missed after a locative preposition. "The renovation of the sports hall in
//! Tovelby was late": one to three capitalised words right after a `locative|` word of
//! `words.txt` ("in", « dans »), that no mention covers, closed by punctuation or a lower-case
//! word, are a place when the knowledge base names one by them (a country, a region, or a town of
//! [`MIN_POPULATION`] inhabitants or more, by its own name).
//!
//! Not words that may be a person's name or another kind of word: a first name, a stop word, a
//! role, a demonym or a head word ("in Harbor Park") is none.

use super::mention::{resort, uncovered, M};
use super::role_names::{capitalised_run, plain_name_word};
use crate::enrich::analysis::Analysis;
use crate::enrich::kb::Kb;
use crate::enrich::profile::Profile;
use crate::enrich::types::EntityType;

/// Towns of fewer inhabitants are too often also a surname or a common word.
const MIN_POPULATION: u64 = 15_000;

/// Add a place mention for every uncovered run of capitalised words after a locative word that
/// the knowledge base names a place.
pub(super) fn apply(an: &Analysis<'_>, res: &Profile, kb: &Kb, ms: &mut Vec<M>) {
    if kb.is_empty() || res.locatives.is_empty() {
        return;
    }
    let before = ms.len();
    for (fi, f) in an.fields.iter().enumerate() {
        let text = an.doc.fields[fi].text;
        let toks = &f.toks;
        for (i, l) in toks.iter().enumerate() {
            if !l.word || l.cap || !res.locatives.contains(&l.lower) {
                continue;
            }
            let j = capitalised_run(toks, i, 3, |w| {
                plain_name_word(w, res) && !res.first_names.contains_key(w)
            });
            if j == i + 1 || toks.get(j).is_some_and(|x| x.word && x.cap) {
                continue;
            }
            let (s, e) = (toks[i + 1].start, toks[j - 1].end);
            if uncovered(ms, before, fi, s, e) && kb.names_place_from(&text[s..e], MIN_POPULATION) {
                ms.push(M::found(fi, s, e, EntityType::Location));
            }
        }
    }
    resort(ms, before);
}

#[cfg(test)]
mod tests {
    use super::super::tests::{cities, names, run_kb};
    use crate::enrich::profile::Lang;
    use crate::enrich::types::EntityType::Location as L;

    #[test]
    fn a_town_the_model_missed_after_a_locative_word_is_a_place() {
        let kb = cities(&["Tovelby", "Marlow Vale"], 40_000);
        let t = "The sports hall in Tovelby was late, said a nurse from Marlow Vale.";
        assert_eq!(
            names(&run_kb(Lang::En, t, &[], &kb)),
            [("Tovelby".to_string(), L), ("Marlow Vale".to_string(), L)]
        );
    }

    #[test]
    fn a_small_town_or_a_first_name_is_left_alone() {
        let kb = cities(&["Tovelby", "Grace"], 40_000);
        let small = cities(&["Tovelby"], 9_000);
        // Too small a town.
        let t = "The sports hall in Tovelby was late.";
        assert!(names(&run_kb(Lang::En, t, &[], &small)).is_empty());
        // A first name that a town bears.
        let t = "A letter from Grace was read out.";
        let found = names(&run_kb(Lang::En, t, &[], &kb));
        assert!(found.is_empty(), "{found:?}");
    }
}
