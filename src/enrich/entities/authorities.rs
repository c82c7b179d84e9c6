//! A capitalised territory word before a name names the territory's authority, as French
//! writes it: in « la Ville de Tovelin a fait appel » the model may find only « Tovelin »; the
//! body is « Ville de Tovelin ». The mention widens over the `authority|` word of `words.txt`
//! (« Ville », « Région », « Métropole »), its complement preposition if any (« de », « d' »)
//! and nothing else, when an article stands before the word; typing then reads the authority
//! word at its head. Written in lower case (« la ville de Tovelin »), it is the place. English
//! lists the word with its complement (`authority|city of`): "the City of Tovelby", "Shire of
//! Marlby president Ann Lowe" need no article; "City Hall" is no authority.

use super::mention::M;
use crate::enrich::profile::{lower, Profile};
use crate::enrich::types::Document;

/// Widen every mention right after an article and a capitalised authority word over that word.
/// The model may have found the word alone (« la Municipalité » + « de » + « Tovelin »): that
/// mention goes into the body's.
pub(super) fn widen(doc: &Document<'_>, res: &Profile, ms: &mut Vec<M>) {
    if res.authorities.is_empty() {
        return;
    }
    let mut absorbed: Vec<usize> = Vec::new();
    for i in 0..ms.len() {
        let t = doc.fields[ms[i].field].text;
        let Some(start) = authority_start(&t[..ms[i].start], res) else {
            continue;
        };
        // Never over another mention, but the authority word's own.
        let f = ms[i].field;
        let word_end = start + t[start..].find([' ', '\'', '’']).unwrap_or(0);
        let over: Vec<usize> = (0..ms.len())
            .filter(|&j| ms[j].field == f && ms[j].end > start && ms[j].start < ms[i].start)
            .collect();
        if over
            .iter()
            .any(|&j| (ms[j].start, ms[j].end) != (start, word_end))
        {
            continue;
        }
        absorbed.extend(over);
        ms[i].start = start;
    }
    if !absorbed.is_empty() {
        let mut k = 0;
        ms.retain(|_| {
            k += 1;
            !absorbed.contains(&(k - 1))
        });
        ms.sort_by_key(|m| (m.field, m.start, std::cmp::Reverse(m.end)));
    }
}

/// Where the authority word starts in the text `before` a mention, when `before` ends with an
/// article, that word and its complement preposition.
fn authority_start(before: &str, res: &Profile) -> Option<usize> {
    // The complement: « de », « d' », "of", or none (« la Région Bretagne »).
    let elided = before
        .strip_suffix("d'")
        .or_else(|| before.strip_suffix("d’"))
        .map(|r| (r, "d'"));
    let (rest, complement) = elided
        .or_else(|| {
            let r = before.strip_suffix(' ')?;
            let (lead, word) = r.rsplit_once(' ')?;
            res.complements
                .contains(word)
                .then(|| (&before[..lead.len() + 1], word))
        })
        .unwrap_or((before, ""));
    let rest = rest.strip_suffix(' ')?;
    let word_start = rest
        .rfind(|c: char| !c.is_alphabetic() && c != '-')
        .map_or(0, |i| {
            i + rest[i..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &rest[word_start..];
    let capitalised = word.starts_with(char::is_uppercase) && word.chars().any(char::is_lowercase);
    // An authority written with its complement ("City of") needs no article: "Shire of Marlby
    // president Ann Lowe".
    let phrase = !complement.is_empty()
        && res
            .authorities
            .contains(&format!("{} {complement}", lower(word)));
    if !capitalised || !(phrase || res.authorities.contains(&lower(word))) {
        return None;
    }
    if phrase {
        return Some(word_start);
    }
    // An article before it: « la Ville », « l'Agglomération ».
    let lead = &rest[..word_start];
    let article = lead
        .trim_end_matches(' ')
        .rsplit(|c: char| !c.is_alphabetic() && c != '\'' && c != '’')
        .next()
        .map(|a| lower(a).replace('’', "'"))
        .is_some_and(|a| res.articles.contains_key(&a));
    article.then_some(word_start)
}

#[cfg(test)]
mod tests {
    use super::super::tests::{names, run};
    use crate::enrich::profile::Lang;
    use crate::enrich::types::EntityType::{Location as L, Organization as O};

    #[test]
    fn a_capitalised_territory_word_before_a_town_names_its_authority() {
        let t = "La Ville de Tovelin a fait appel. Le maire de Tovelin l'a annoncé.";
        let found = names(&run(Lang::Fr, t, &[("Tovelin", "LOC"), ("Tovelin", "LOC")]));
        assert!(
            found.contains(&("Ville de Tovelin".to_string(), O)),
            "{found:?}"
        );
        assert!(found.contains(&("Tovelin".to_string(), L)), "{found:?}");
        // The model found the word alone.
        let t = "Selon la Municipalité de Tovelin, le parc rouvrira.";
        let found = names(&run(
            Lang::Fr,
            t,
            &[("Municipalité", "LOC"), ("Tovelin", "LOC")],
        ));
        assert_eq!(found, [("Municipalité de Tovelin".to_string(), O)]);
        // In lower case, the town.
        let t = "La ville de Tovelin a fait appel.";
        let found = names(&run(Lang::Fr, t, &[("Tovelin", "LOC")]));
        assert_eq!(found, [("Tovelin".to_string(), L)]);
    }

    #[test]
    fn a_well_known_city_the_model_missed_after_an_authority_word_names_the_authority() {
        // The model found nothing; the gazetteer knows the city.
        let t = "Les jeunes sont orientés vers le dispositif d'accueil de la Ville de Lyon.";
        let found = names(&run(Lang::Fr, t, &[]));
        assert_eq!(found, [("Ville de Lyon".to_string(), O)]);
    }

    #[test]
    fn a_local_governments_word_and_its_complement_name_the_council_in_english() {
        // The model found the town alone, or the whole name.
        let t = "Residents wrote to the City of Tovelby. Shire of Marlby president Ann Lowe came.";
        let found = names(&run(
            Lang::En,
            t,
            &[
                ("Tovelby", "GPE"),
                ("Shire of Marlby", "GPE"),
                ("Ann Lowe", "PERSON"),
            ],
        ));
        assert!(
            found.contains(&("City of Tovelby".to_string(), O)),
            "{found:?}"
        );
        assert!(
            found.contains(&("Shire of Marlby".to_string(), O)),
            "{found:?}"
        );
        // Without its complement, the word heads a place's name.
        let t = "The protest outside City Hall ended at noon.";
        let found = names(&run(Lang::En, t, &[("City Hall", "FAC")]));
        assert_eq!(found, [("City Hall".to_string(), L)]);
    }
}
