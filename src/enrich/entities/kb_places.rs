//! Places the knowledge base knows, where the model's label is only a guess. A lone word the
//! model called a person, that the article never uses inside a longer name and that the
//! knowledge base names as a place, is the place ("sediment from sites between Skipton and
//! Castleford"): news introduces a person by their full name. And the words right after a name
//! may locate it whatever its label: a region after a comma ("bound for Boise, Idaho", "a
//! Surrey, B.C., restaurant") or a "located" suffix ("a Lagos-based lender").

use super::mention::{after_definite, M};
use super::teams::before_persons_name;
use super::typing::label_type;
use crate::enrich::kb::{Kb, LARGE_CITY};

/// The population from which a place of several words the KB names by an alias is that place.
const TOWN: u64 = 15_000;
use crate::enrich::profile::{abbrev_key, key, lower, NameHead, Profile, TypeWord};
use crate::enrich::types::{Document, EntityType};
use std::collections::{HashMap, HashSet};

/// Hint as places the mentions the knowledge base and the words around them locate; in a
/// sports report (`sports`) a town's name may be its club's, which the model's labels say.
pub(super) fn apply(doc: &Document<'_>, res: &Profile, kb: &Kb, sports: bool, ms: &mut [M]) {
    if kb.is_empty() {
        return;
    }
    // The words of the article's longer names: "Griffith" of "Ann Griffith" is her surname,
    // "Hollister" of "Hollister Tool & Die" the firm's short name. Of a place's or a body's
    // name, not the words of its complement: the "Cork" of "the Port of Cork" is the town.
    // A person's name holds its words whatever they name; a body's or a place's name not a
    // country or a division ("Haryana" of "the Punjab and Haryana High Court" is the state).
    let mut name_words: HashSet<String> = HashSet::new();
    let mut person_words: HashSet<String> = HashSet::new();
    for m in ms.iter() {
        let t = &doc.fields[m.field].text[m.start..m.end];
        if !t.contains(char::is_whitespace) {
            continue;
        }
        // A place's name, told by the place word at either end, names its town: "Tovel"
        // of "Tovel Town Hall", « Tovel » of « le district de Tovel », whatever the model's
        // label; so does a body that serves an area and takes its name (`area_body|`):
        // "Tovel Community Council".
        let ends: Vec<&str> = [t.split_whitespace().next(), t.split_whitespace().last()]
            .into_iter()
            .flatten()
            .collect();
        if ends.iter().any(|w| {
            res.type_words.get(&key(w)) == Some(&TypeWord::Loc)
                || res.area_bodies.contains(&lower(w))
        }) {
            continue;
        }
        let person = label_type(&m.label) == EntityType::Person
            || t.split_whitespace()
                .next()
                .is_some_and(|w| res.first_names.contains_key(&lower(w)));
        let words = t.split_whitespace().take_while(|w| {
            let w = lower(w);
            person
                || !(res.context.inner.contains(&w)
                    || res.complements.contains(&w)
                    || w.contains(['\'', '’']))
        });
        let words = words.map(key);
        if person {
            person_words.extend(words);
        } else {
            name_words.extend(words);
        }
    }
    // The lone words every mention of which the model called a person (not "Middlesbrough"
    // a person once and a club elsewhere), and none listed beside another person ("Kent,
    // Stephanie and Rachel Jordan").
    let mut persons: HashMap<String, bool> = HashMap::new();
    let mut orgs: HashMap<String, bool> = HashMap::new();
    // The names every mention of which is one or the other.
    let mut unplaced: HashMap<String, bool> = HashMap::new();
    // The lone words every mention of which is a person's, a body's or a nationality's, by
    // the kinds of the model's labels; none when one is a place's.
    let mut unsettled: HashMap<String, Option<u8>> = HashMap::new();
    let mut addressed: HashSet<String> = HashSet::new();
    for (i, m) in ms.iter().enumerate() {
        let form = &doc.fields[m.field].text[m.start..m.end];
        let person =
            label_type(&m.label) == EntityType::Person && !beside_a_person(doc, ms, i, res, kb);
        *persons.entry(key(form)).or_insert(true) &= person;
        // A title of address before any mention ("Mrs Marlby said") writes a person's surname,
        // whatever town bears it.
        if after_honorific(doc.fields[m.field].text, m.start, res) {
            addressed.insert(key(form));
        }
        // Likewise the lone words every mention of which the model called an organisation
        // ("flights from Sligo"), when no word around them made it one (a hint) and they are
        // not written in capitals: "ASO" is an acronym, whatever town is called Aso. Not in a
        // sports report, where a town's name called an organisation is its club's ("one point
        // ahead of Wigan").
        let org = !sports
            && label_type(&m.label) == EntityType::Organization
            && m.hint.is_none()
            && form.chars().any(char::is_lowercase);
        *orgs.entry(key(form)).or_insert(true) &= org;
        *unplaced.entry(key(form)).or_insert(true) &= person || org;
        // The model's labels disagree: a person here, a body or a nationality there.
        let misc = !sports
            && label_type(&m.label) == EntityType::Misc
            && form.chars().any(char::is_lowercase)
            && !res.demonyms.contains(&key(form));
        let kinds = unsettled.entry(key(form)).or_insert(Some(0u8));
        if let Some(bits) = kinds {
            if person || org || misc {
                *bits |= 1 << label_type(&m.label) as u8;
            } else {
                *kinds = None;
            }
        }
    }
    // The lone words the model called a place at least once and a person never: a large
    // city of the KB is that city in all its mentions ("Ulsan's yards", "the Ulsan office");
    // not in a sports report ("Leicester" the club).
    let mut located: HashMap<String, bool> = HashMap::new();
    let mut person_once: HashSet<String> = HashSet::new();
    for m in ms.iter() {
        let form = &doc.fields[m.field].text[m.start..m.end];
        if form.contains(char::is_whitespace) {
            continue;
        }
        let ty = label_type(&m.label);
        if ty == EntityType::Person {
            person_once.insert(key(form));
        }
        *located.entry(key(form)).or_default() |= ty == EntityType::Location;
    }
    for k in &addressed {
        persons.insert(k.clone(), false);
        unplaced.insert(k.clone(), false);
    }
    located.retain(|k, v| *v && !sports && !person_once.contains(k));
    let person_names: Vec<String> = ms
        .iter()
        .filter(|m| label_type(&m.label) == EntityType::Person)
        .map(|m| doc.fields[m.field].text[m.start..m.end].to_string())
        .collect();
    let person_starts: HashSet<(usize, usize)> = ms
        .iter()
        .filter(|m| label_type(&m.label) == EntityType::Person)
        .map(|m| (m.field, m.start))
        .collect();
    // The countries of the article's places: where its smaller towns may lie.
    let countries: HashSet<&str> = ms
        .iter()
        .filter(|m| {
            label_type(&m.label) == EntityType::Location || m.hint == Some(EntityType::Location)
        })
        .filter_map(|m| kb.country_of_place(&doc.fields[m.field].text[m.start..m.end]))
        .collect();
    for m in ms.iter_mut() {
        if m.hint.is_some() {
            continue;
        }
        let t = doc.fields[m.field].text;
        let form = &t[m.start..m.end];
        // "Tovelan's Ada Lind": no one's name is written as the owner of another's; a town
        // the KB knows is where the person comes from, even one named like a person.
        if before_persons_name(t, m, &person_starts, res) && kb.names_place(form) {
            m.hint = Some(EntityType::Location);
            continue;
        }
        if state_of_place(form, res, kb) {
            m.hint = Some(EntityType::Location);
            continue;
        }
        if body_of_place(form, &m.label, res, kb) && !person_by_context(t, m, &person_names, res) {
            m.hint = Some(EntityType::Organization);
            continue;
        }
        // A town of some size the KB names by another of its names ("Al Khor" of "Al
        // Khawr"): a name of several words is no lone surname.
        let town = form.contains(' ') && kb.names_place_by(form, TOWN, false);
        let known = kb.names_place(form);
        if hometown(&t[..m.start], res) && (known || kb.names_small_place_in(form, &countries)) {
            m.hint = Some(EntityType::Location);
            continue;
        }
        if !known && !town && !kb.names_small_place_in(form, &countries) {
            // A town the KB does not know, placed the way agencies write it: a region's
            // abbreviation after a comma ("Ferndale, Wash.,", "Moose Creek, Alta."); not a
            // person's name ("Ann Moss, Calif." is no place).
            let first = form.split_whitespace().next().unwrap_or("");
            if region_abbrev_after(&t[m.end..], res)
                && label_type(&m.label) != EntityType::Person
                && !res.first_names.contains_key(&lower(first))
            {
                m.hint = Some(EntityType::Location);
            }
            continue;
        }
        if located.get(&key(form)) == Some(&true) && kb.names_place_from(form, LARGE_CITY) {
            m.hint = Some(EntityType::Location);
            continue;
        }
        // "Walt (Anderson)": a surname bracketed after a first name.
        let after_first_name = t[..m.start]
            .trim_end_matches([' ', '('])
            .rsplit(|c: char| !c.is_alphabetic())
            .next()
            .is_some_and(|w| res.first_names.contains_key(&lower(w)));
        let first = form.split_whitespace().next().unwrap_or("");
        // A name of several words opening on no first name is the place the KB names ("Ras
        // Al Khaimah", "Laem Chabang"), a town of some size or a smaller one of the article's
        // countries ("the beds at Dunmere or Sarne Quay"), unless a longer person's name holds
        // it.
        let placed_words = form.contains(char::is_whitespace)
            && !res.first_names.contains_key(&lower(first))
            && !person_names
                .iter()
                .any(|p| p.len() > form.len() && p.contains(form));
        let lone_word = !form.contains(char::is_whitespace)
            && !person_words.contains(&key(form))
            && (!name_words.contains(&key(form)) || kb.names_region(form))
            // A first name alone may be a person's ("her son, Kai,"), unless it is how the
            // language writes a country ("frôlé Maurice", Mauritius in French).
            && (!res.first_names.contains_key(&lower(form))
                || kb.names_country_in(form, res.lang.code()));
        let mixed = unsettled
            .get(&key(form))
            .copied()
            .flatten()
            .is_some_and(|bits| bits.count_ones() >= 2);
        let lone_person = (persons.get(&key(form)) == Some(&true)
            || orgs.get(&key(form)) == Some(&true)
            || mixed)
            && !after_first_name
            && lone_word
            || unplaced.get(&key(form)) == Some(&true)
                && placed_words
                && (town || kb.names_small_place_in(form, &countries));
        // "an engineer from Aarhus" labelled a nationality or a work: a town of some size the
        // KB names by its own name, and no demonym, is that town.
        // Not after a definite article: « l'Alliance » is a body's short name.
        let articled = after_definite(t, m.start, res);
        let misc_town = label_type(&m.label) == EntityType::Misc
            && !articled
            && (lone_word || placed_words)
            && !res.demonyms.contains(&key(form))
            && (kb.names_place_from(form, TOWN) || kb.names_town_in(form, &countries));
        if lone_person
            || misc_town
            || located_suffix(&t[m.end..], res)
            || region_after(&t[m.end..], res, kb)
        {
            m.hint = Some(EntityType::Location);
        }
    }
}

/// Whether `before` (the text before a name) closes on an age in apposition and a hometown's
/// preposition (`hometown|` in `words.txt`): "Ada Lind, 58, of " Tovel.
fn hometown(before: &str, res: &Profile) -> bool {
    let Some((rest, prep)) = before.trim_end().rsplit_once(' ') else {
        return false;
    };
    let Some(age) = rest.strip_suffix(',') else {
        return false;
    };
    let digits = age.len() - age.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    res.hometown_preps.contains(&lower(prep))
        && (1..=3).contains(&digits)
        && age[..age.len() - digits].ends_with(", ")
}

/// Whether the name of `m` is a person's by the article around it: its last word is the surname
/// of another of the article's persons ("Ana Vandoria"), or a role word stands right before it
/// ("the saxophonist Brel Vandoria").
fn person_by_context(t: &str, m: &M, person_names: &[String], res: &Profile) -> bool {
    let form = &t[m.start..m.end];
    let last = form.rsplit(' ').next().unwrap_or(form);
    person_names
        .iter()
        .any(|p| p.as_str() != form && p.rsplit(' ').next() == Some(last))
        || t[..m.start]
            .trim_end()
            .rsplit(' ')
            .next()
            .is_some_and(|w| res.role(&lower(w)).is_some())
}

/// A name the model called a person that closes on a country, a region or a well-known city
/// of the KB and opens on no first name ("Tovel Bank UK", "Harbour Exchange Dublin", "Marine
/// Fisheries Norway"): a body and where it works, not a person; a surname is no place of that
/// rank in a name without a first name.
fn body_of_place(form: &str, label: &str, res: &Profile, kb: &Kb) -> bool {
    let words: Vec<&str> = form.split_whitespace().collect();
    if label_type(label) != EntityType::Person
        || words.len() < 2
        || res.first_names.contains_key(&lower(words[0]))
        || res.type_words.contains_key(&key(words[0]))
        || kb.names_place(words[0])
    {
        return false;
    }
    // Not a place that is also a first name, as surnames may be ("Brel Florence").
    let closing = |n: usize| {
        let tail = words[words.len() - n..].join(" ");
        !res.first_names.contains_key(&lower(&tail))
            && (kb.names_major_place(&tail) || kb.names_region(&tail))
    };
    closing(1) || (words.len() >= 3 && closing(2))
}

/// Whether mention `i` is listed or bracketed beside a person's name (labelled a person, and
/// opening with a known first name or no place's name): only commas, an "and" or brackets
/// between them ("Walt (Anderson)"; not "between Skipton and Castleford").
fn beside_a_person(doc: &Document<'_>, ms: &[M], i: usize, res: &Profile, kb: &Kb) -> bool {
    let m = &ms[i];
    let t = doc.fields[m.field].text;
    ms.iter().enumerate().any(|(j, n)| {
        if j == i || n.field != m.field || label_type(&n.label) != EntityType::Person {
            return false;
        }
        let name = &t[n.start..n.end];
        let first = name.split_whitespace().next().unwrap_or("");
        if !res.first_names.contains_key(&lower(first)) && kb.names_place(name)
            || name.contains(' ') && kb.names_place_by(name, TOWN, false)
        {
            return false;
        }
        let gap = if n.end <= m.start {
            &t[n.end..m.start]
        } else if m.end <= n.start {
            &t[m.end..n.start]
        } else {
            return false;
        };
        gap.len() <= 8
            && gap.split_whitespace().all(|w| {
                let w = w.trim_matches(|c: char| matches!(c, ',' | '(' | ')'));
                w.is_empty() || res.and_words.contains(&lower(w))
            })
    })
}

/// Whether a title of address stands right before `start` in `t` ("Mrs ", "Dr. ", « Mme »).
fn after_honorific(t: &str, start: usize, res: &Profile) -> bool {
    let w = t[..start]
        .trim_end()
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("");
    !w.is_empty() && res.honorifics.contains(&lower(w))
}

/// Whether `rest` (the text after a name) opens with a "located" suffix ("-based").
fn located_suffix(rest: &str, res: &Profile) -> bool {
    rest.strip_prefix('-').is_some_and(|r| {
        let w = r.split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
        res.context.located.contains(&lower(w))
    })
}

/// Whether `rest` (the text after a name) opens with a comma and a region that places it: a
/// country, a first-level division or its abbreviation ("Boise, Idaho", "Surrey, B.C.,").
fn region_after(rest: &str, res: &Profile, kb: &Kb) -> bool {
    let Some(r) = rest.strip_prefix(", ") else {
        return false;
    };
    let end = r
        .find(|c: char| !(c.is_alphabetic() || c == '.' || c == ' ' || c == '-'))
        .unwrap_or(r.len());
    let words: Vec<&str> = r[..end].split(' ').take(3).collect();
    if !words
        .first()
        .is_some_and(|w| w.starts_with(char::is_uppercase))
    {
        return false;
    }
    // The longest run of capitalised words: "New South Wales", "Idaho".
    (1..=words.len()).rev().any(|n| {
        let region = words[..n].join(" ");
        words[..n].iter().all(|w| w.starts_with(char::is_uppercase))
            && (kb.names_region(&region) || res.name_abbrevs.contains_key(&abbrev_key(&region)))
    })
}

/// Whether `rest` (the text after a name) opens with a comma and the abbreviation of a region
/// closed by its period ("Ferndale, Wash.", "Dunmore, B.C.").
fn region_abbrev_after(rest: &str, res: &Profile) -> bool {
    let Some(r) = rest.strip_prefix(", ") else {
        return false;
    };
    let end = r
        .find(|c: char| !(c.is_alphabetic() || c == '.'))
        .unwrap_or(r.len());
    let w = &r[..end];
    w.starts_with(char::is_uppercase)
        && w.ends_with('.')
        && res.name_abbrevs.contains_key(&abbrev_key(w))
}

/// Whether `form` is a state named by a place of the KB and the state word after it, where
/// names end on their head ("Kwale State", "Tovebury Republic"): the state, whatever the model
/// said, unless the place is in a country where "<place> State" names a university
/// (`state_university_country|` in `words.txt`: "Fresno State").
fn state_of_place(form: &str, res: &Profile, kb: &Kb) -> bool {
    let Some((place, word)) = form.rsplit_once(' ') else {
        return false;
    };
    if res.name_head != NameHead::Last || res.type_words.get(&key(word)) != Some(&TypeWord::State) {
        return false;
    }
    let countries = kb.countries_of_places(place);
    !countries.is_empty()
        && countries
            .iter()
            .all(|c| !res.state_university_countries.contains(*c))
}

#[cfg(test)]
mod tests {
    use super::super::tests::{country, names, run_kb, towns};
    use crate::enrich::profile::Lang;
    use crate::enrich::types::EntityType;

    #[test]
    fn lone_words_the_model_called_persons_are_the_places_the_kb_knows() {
        let t = "Samples came from wells between Eastbrook and Millvale. A Dunmore, B.C., baker and a Tarrow-based lender were fined.";
        let kb = towns(&["Eastbrook", "Millvale", "Dunmore", "Tarrow"]);
        let es = run_kb(
            Lang::En,
            t,
            &[
                ("Eastbrook", "PERSON"),
                ("Millvale", "PERSON"),
                ("Dunmore", "ORG"),
                ("Tarrow", "ORG"),
            ],
            &kb,
        );
        let n = names(&es);
        assert!(n.iter().all(|(_, ty)| *ty == EntityType::Location), "{n:?}");
        assert_eq!(n.len(), 4, "{n:?}");
    }

    #[test]
    fn a_small_town_is_a_place_in_a_story_set_in_its_country() {
        use crate::enrich::kb::{parse::parse_places, Kb};
        // Invented: Harrowby, a town of 50,000 in AA; Tolvik, a village of 800 in AA;
        // Brenmark, a village of 800 in BB.
        let kb = Kb::new(
            parse_places(
                "geonames:1\tcity\t50000\tAA\t01\tHarrowby\t\t\n\
                 geonames:2\tcity\t800\tAA\t01\tTolvik\t\t\n\
                 geonames:3\tcity\t800\tBB\t01\tBrenmark\t\t\n",
                "p",
            )
            .unwrap(),
            Vec::new(),
        );
        let t = "Crews worked from Harrowby to Tolvik overnight. Brenmark said the line was shut.";
        let spans = [("Harrowby", "GPE"), ("Tolvik", "ORG"), ("Brenmark", "ORG")];
        let n = names(&run_kb(Lang::En, t, &spans, &kb));
        assert!(
            n.contains(&("Tolvik".into(), EntityType::Location)),
            "{n:?}"
        );
        assert!(
            n.contains(&("Brenmark".into(), EntityType::Organization)),
            "no place of BB in the story: {n:?}"
        );
    }

    #[test]
    fn names_of_several_words_the_kb_knows_are_places_unless_a_first_name_opens_them() {
        let t = "Trucks queued at Ban Khao Rai while the Ban Khao Rai Traders' Union met. \
                 Ban Khao Rai is busy. Ann Lee Vale spoke; Lee Vale said no.";
        let kb = towns(&["Ban Khao Rai", "Lee Vale"]);
        let es = run_kb(
            Lang::En,
            t,
            &[
                ("Ban Khao Rai", "PERSON"),
                ("Ban Khao Rai Traders' Union", "ORG"),
                ("Ban Khao Rai", "ORG"),
                ("Ann Lee Vale", "PERSON"),
                ("Lee Vale", "PERSON"),
            ],
            &kb,
        );
        let n = names(&es);
        assert!(
            n.contains(&("Ban Khao Rai".to_string(), EntityType::Location)),
            "{n:?}"
        );
        assert!(
            n.contains(&("Ann Lee Vale".to_string(), EntityType::Person)),
            "{n:?}"
        );
        assert!(
            !n.iter()
                .any(|(x, ty)| x == "Lee Vale" && *ty == EntityType::Location),
            "{n:?}"
        );
    }

    #[test]
    fn persons_named_in_full_or_listed_with_persons_stay_persons() {
        let t = "Ann Selby spoke first. Selby said no. Her grandchildren, Marlow, Maria and Tom, were there.";
        let kb = towns(&["Selby", "Marlow"]);
        let es = run_kb(
            Lang::En,
            t,
            &[
                ("Ann Selby", "PERSON"),
                ("Selby", "PERSON"),
                ("Marlow", "PERSON"),
                ("Maria", "PERSON"),
                ("Tom", "PERSON"),
            ],
            &kb,
        );
        let n = names(&es);
        assert!(n.iter().all(|(_, ty)| *ty == EntityType::Person), "{n:?}");
    }

    #[test]
    fn a_place_of_the_kb_before_a_state_word_is_the_state_but_not_a_us_university() {
        let t = "Floods hit Vardell State on Monday.";
        let es = run_kb(
            Lang::En,
            t,
            &[("Vardell State", "ORG")],
            &country("Vardell", &[], &[]),
        );
        assert_eq!(
            names(&es),
            [("Vardell State".to_string(), EntityType::Location)]
        );
        let t = "Tovebury State won on Monday.";
        let es = run_kb(
            Lang::En,
            t,
            &[("Tovebury State", "ORG")],
            &towns(&["Tovebury"]),
        );
        assert_eq!(
            names(&es),
            [("Tovebury State".to_string(), EntityType::Organization)]
        );
    }

    #[test]
    fn a_region_in_a_bodys_name_a_town_in_a_places_and_a_hometown_after_an_age_are_places() {
        use crate::enrich::kb::{parse::parse_places, Kb};
        // Invented: Norvale, a first-level division; Tarrow, a town of 30,000; Delia, a town
        // of 40,000 named like a person.
        let kb = Kb::new(
            parse_places(
                "geonames:1\tadmin1\t2000000\tAA\t01\tNorvale\t\t\n\
                 geonames:2\tcity\t30000\tAA\t01\tTarrow\t\t\n\
                 geonames:3\tcity\t40000\tAA\t01\tDelia\t\t\n",
                "p",
            )
            .unwrap(),
            Vec::new(),
        );
        let t = "The Norvale High Court heard the case. Norvale has no other court. The Tarrow \
                 Town Hall opened its doors, and Tarrow was calm. Police charged Ann Vey, 58, of \
                 Delia, on Friday.";
        let spans = [
            ("Norvale High Court", "ORG"),
            ("Norvale", "PERSON"),
            ("Tarrow Town Hall", "PERSON"),
            ("Tarrow", "PERSON"),
            ("Ann Vey", "PERSON"),
            ("Delia", "PERSON"),
        ];
        let n = names(&run_kb(Lang::En, t, &spans, &kb));
        for place in ["Norvale", "Delia"] {
            assert!(
                n.contains(&(place.into(), EntityType::Location)),
                "{place}: {n:?}"
            );
        }
        // "Tarrow" is the town (a place of its hall, or its own), no one's surname.
        let persons: Vec<&str> = n
            .iter()
            .filter(|(_, ty)| *ty == EntityType::Person)
            .map(|(name, _)| name.as_str())
            .collect();
        assert_eq!(persons, ["Ann Vey"], "{n:?}");
    }
}
