//! Acronyms the model missed: an article that names "Paris Saint-Germain" or "the Coastal
//! Fisheries Authority" often goes on with "le PSG", "the CFA". A word in capitals spelled by
//! the initials of a name found in the article (function words, particles and legal forms
//! aside, as the linking of acronyms reads them) is a mention of it, of its type; the linking
//! then joins the two. Not inside a line in capitals ("SHOCK AS WE PAY MORE"), not a function
//! word, not a person's initials.

use super::cluster::significant_initials;
use super::mention::M;
use crate::enrich::analysis::Analysis;
use crate::enrich::profile::{key, lower, Profile};
use crate::enrich::types::EntityType;
use std::collections::HashMap;

/// Longest acronym looked for, in letters.
const MAX_LETTERS: usize = 6;

/// Add a mention for every uncovered word in capitals that spells a found name's initials.
pub(super) fn apply(an: &Analysis<'_>, res: &Profile, ms: &mut Vec<M>) {
    let mut wanted: HashMap<String, Option<EntityType>> = HashMap::new();
    for m in ms.iter() {
        let ty = m.ty();
        if matches!(ty, EntityType::Person | EntityType::Misc) {
            continue;
        }
        let name = &an.doc.fields[m.field].text[m.start..m.end];
        let ac = significant_initials(name, res);
        if !(2..=MAX_LETTERS).contains(&ac.chars().count()) {
            continue;
        }
        // Two names of different types spelling the same letters: neither.
        let e = wanted.entry(ac).or_insert(Some(ty));
        if *e != Some(ty) {
            *e = None;
        }
    }
    if wanted.is_empty() {
        return;
    }
    let before = ms.len();
    let shouted = |w: &str| w.chars().count() >= 2 && w.chars().all(|c| c.is_uppercase());
    for (fi, f) in an.fields.iter().enumerate() {
        let text = an.doc.fields[fi].text;
        let toks = &f.toks;
        for (i, x) in toks.iter().enumerate() {
            let w = &text[x.start..x.end];
            if !(x.word && w.chars().all(|c| c.is_alphabetic() && c.is_uppercase())) {
                continue;
            }
            let Some(Some(ty)) = wanted.get(&key(w)) else {
                continue;
            };
            // Not inside a run of capitals ("SHOCK AS WE PAY MORE"): a shouted line.
            let word_at = |j: Option<usize>| {
                j.and_then(|j| toks.get(j))
                    .filter(|y| y.word)
                    .is_some_and(|y| shouted(&text[y.start..y.end]))
            };
            let lw = lower(w);
            let common = word_at(i.checked_sub(1))
                || word_at(Some(i + 1))
                || res.stop.contains(&lw)
                || res.function_words.contains(&lw);
            let covered = ms[..before]
                .iter()
                .any(|m| m.field == fi && m.start < x.end && x.start < m.end);
            if !common && !covered {
                ms.push(M::found(fi, x.start, x.end, *ty));
            }
        }
    }
    if ms.len() > before {
        ms.sort_by_key(|m| (m.field, m.start));
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{names, run};
    use crate::enrich::profile::Lang;
    use crate::enrich::types::EntityType::{Location as L, Organization as O};

    #[test]
    fn an_acronym_of_a_found_name_is_that_name() {
        let t =
            "Le Racing Club de Vernet a battu Lorval. Les supporters du RCV ont fêté la victoire.";
        let es = run(
            Lang::Fr,
            t,
            &[("Racing Club de Vernet", "ORG"), ("Lorval", "ORG")],
        );
        let rcv = es
            .iter()
            .find(|e| e.name == "Racing Club de Vernet")
            .unwrap();
        assert_eq!(rcv.mentions.len(), 2, "{:?}", rcv.mentions);
        let t = "The Coastal Fisheries Authority closed the bay on Monday. The CFA will reopen it.";
        let es = run(Lang::En, t, &[("Coastal Fisheries Authority", "ORG")]);
        assert_eq!(names(&es), [("Coastal Fisheries Authority".to_string(), O)]);
        assert_eq!(es[0].mentions.len(), 2, "{:?}", es[0].mentions);
    }

    #[test]
    fn shouted_lines_and_unspelled_capitals_stay_out() {
        // "WE" spells "Western Energy" inside a shouted line; "NEWS" spells nothing found.
        let t = "Western Energy cut prices. SHOCK AS WE PAY MORE, one paper wrote. NEWS spread.";
        let es = run(Lang::En, t, &[("Western Energy", "ORG")]);
        assert_eq!(names(&es), [("Western Energy".to_string(), O)]);
        assert_eq!(es[0].mentions.len(), 1, "{:?}", es[0].mentions);
        let t = "Upper Saxony cut taxes. Firms in US states waited.";
        let es = run(Lang::En, t, &[("Upper Saxony", "GPE")]);
        assert_eq!(es[0].mentions.len(), 2, "{:?}", es[0].mentions);
        assert_eq!(es[0].entity_type, L);
    }
}
