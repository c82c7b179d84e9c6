//! Two names of one kind joined by a conjunction, which the model read as one: "the clinics
//! of Tovel Health and Marrow Health", "he toured Ashby Secondary School and Kell Primary
//! School". When the span is two runs of capitalised words around an `and|` word of
//! `words.txt` and both runs end on the same head word (`type_words.txt`), it is two names.
//! A name with a lower-case word ("Department of Health and Social Care") or whose parts end
//! differently ("Telford and Wrekin Council") stays whole.
//!
//! Likewise two towns the model read as one body or person ("the road between Tovelby and
//! Marsk"): when the conjunction is a word, each run is a place the knowledge base knows in a
//! country of the article's other places (both in the same), no word of the span is a type
//! word ("Health", "Council") and the whole is no name the knowledge base or the gazetteer
//! knows ("Trinidad and Tobago"), it is two places.

use super::mention::M;
use crate::enrich::gazetteer::gazetteer;
use crate::enrich::kb::Kb;
use crate::enrich::profile::{key, Profile};
use crate::enrich::types::{Document, EntityType};
use std::collections::HashSet;

/// Most words of each name.
const MAX_WORDS: usize = 5;

/// Most words of each of two joined places.
const MAX_PLACE_WORDS: usize = 3;

/// Split each span of two same-headed names, or of two known places, joined by a conjunction.
pub(super) fn split(doc: &Document<'_>, res: &Profile, kb: &Kb, ms: &mut Vec<M>) {
    let countries = super::listed_places::place_countries(doc, kb, ms);
    let mut out = Vec::with_capacity(ms.len());
    for m in ms.drain(..) {
        let t = &doc.fields[m.field].text[m.start..m.end];
        let same_head = (m.ty() != EntityType::Person)
            .then(|| two_names(t, res))
            .flatten();
        let places = same_head
            .is_none()
            .then(|| two_places(t, res, kb, &countries))
            .flatten();
        match same_head.or(places) {
            Some(cut) => {
                let mut a = m.clone();
                a.end = m.start + cut.left_end;
                let mut b = m;
                b.start += cut.right_start;
                if places.is_some() {
                    a.hint = Some(EntityType::Location);
                    b.hint = Some(EntityType::Location);
                }
                out.push(a);
                out.push(b);
            }
            None => out.push(m),
        }
    }
    *ms = out;
}

/// Where a span splits into its two names: the end of the first and the start of the second,
/// in bytes from the span's start.
#[derive(Clone, Copy)]
struct Cut {
    left_end: usize,
    right_start: usize,
}

/// The words of span text `t` (with their byte offsets) around its one conjunction.
struct Runs<'a> {
    left: Vec<(usize, &'a str)>,
    right: Vec<(usize, &'a str)>,
}

impl Runs<'_> {
    /// The runs of `t`, when it holds exactly one conjunction (`and|` of `words.txt`).
    fn of<'a>(t: &'a str, res: &Profile) -> Option<Runs<'a>> {
        let mut words: Vec<(usize, &str)> = t
            .split(' ')
            .scan(0, |at, w| {
                let s = *at;
                *at += w.len() + 1;
                Some((s, w))
            })
            .filter(|(_, w)| !w.is_empty())
            .collect();
        let conj: Vec<usize> = (0..words.len())
            .filter(|&i| res.and_words.contains(words[i].1))
            .collect();
        let [c] = conj.as_slice() else {
            return None;
        };
        let right = words.split_off(c + 1);
        words.pop();
        Some(Runs { left: words, right })
    }

    /// Whether both runs are `min..=max` capitalised words.
    fn named(&self, min: usize, max: usize) -> bool {
        [&self.left, &self.right].iter().all(|ws| {
            (min..=max).contains(&ws.len())
                && ws.iter().all(|(_, w)| w.starts_with(char::is_uppercase))
        })
    }

    fn cut(&self) -> Cut {
        let (at, last) = self.left[self.left.len() - 1];
        Cut {
            left_end: at + last.len(),
            right_start: self.right[0].0,
        }
    }
}

/// The two names of span text `t`, when it is two same-headed runs of capitalised words
/// around one conjunction.
fn two_names(t: &str, res: &Profile) -> Option<Cut> {
    let runs = Runs::of(t, res)?;
    if !runs.named(2, MAX_WORDS) {
        return None;
    }
    let (l, r) = (
        runs.left[runs.left.len() - 1].1,
        runs.right[runs.right.len() - 1].1,
    );
    let head = key(l) == key(r) && res.type_words.contains_key(&key(l));
    head.then(|| runs.cut())
}

/// The two places of span text `t`, when each run of capitalised words around its one
/// conjunction, a word ("and", not the "&" of firms: "Brill & Marsk"), is a place the KB knows
/// in the country of the article's other places, no word is a type word and the whole is no
/// name the KB or the gazetteer knows.
fn two_places(t: &str, res: &Profile, kb: &Kb, countries: &HashSet<&str>) -> Option<Cut> {
    let runs = Runs::of(t, res)?;
    let cut = runs.cut();
    if !t[cut.left_end..cut.right_start]
        .chars()
        .any(char::is_alphabetic)
        || !runs.named(1, MAX_PLACE_WORDS)
        || kb.names_place_by(t, 0, false)
        || gazetteer().lookup(t).is_some()
    {
        return None;
    }
    let words = runs.left.iter().chain(&runs.right);
    if words
        .clone()
        .any(|(_, w)| res.type_words.contains_key(&key(w)))
    {
        return None;
    }
    // Towns of one country of the article's other places; not a first name or a common word.
    let in_countries = |s: &str| -> HashSet<&str> {
        if res.first_names.contains_key(&key(s)) || res.stop.contains(&key(s)) {
            return HashSet::new();
        }
        kb.countries_of_places(s)
            .into_iter()
            .filter(|c| countries.contains(c))
            .collect()
    };
    let left = in_countries(&t[..cut.left_end]);
    let right = in_countries(&t[cut.right_start..]);
    (!left.is_disjoint(&right)).then_some(cut)
}

#[cfg(test)]
mod tests {
    use super::super::tests::{names, run};
    use crate::enrich::profile::Lang;
    use crate::enrich::types::EntityType::Organization as O;

    #[test]
    fn two_names_with_one_head_word_are_two_names() {
        let t = "The minister toured Ashby Secondary School and Kell Primary School on Monday.";
        let found = names(&run(
            Lang::En,
            t,
            &[("Ashby Secondary School and Kell Primary School", "ORG")],
        ));
        assert_eq!(
            found,
            [
                ("Ashby Secondary School".to_string(), O),
                ("Kell Primary School".to_string(), O)
            ]
        );
    }

    #[test]
    fn two_towns_of_the_articles_country_read_as_one_name_are_two_places() {
        use super::super::tests::{cities, run_kb};
        use crate::enrich::types::EntityType::Location as L;
        let kb = cities(&["Tovelby", "Marsk", "Sarnia Falls", "Brill"], 20_000);
        // Another place of the article puts the towns in its country.
        let t = "Crews from Tovelby and Marsk cleared the road near Sarnia Falls on Monday.";
        let spans = [("Tovelby and Marsk", "ORG"), ("Sarnia Falls", "GPE")];
        let found = names(&run_kb(Lang::En, t, &spans, &kb));
        assert_eq!(
            found,
            [
                ("Tovelby".to_string(), L),
                ("Marsk".to_string(), L),
                ("Sarnia Falls".to_string(), L)
            ]
        );
        // A firm's ampersand, a place the KB does not know, or no place of the article's
        // country: one name.
        for (t, name) in [
            (
                "Brill & Marsk built the bridge near Sarnia Falls.",
                "Brill & Marsk",
            ),
            (
                "Brill and Kessog built the bridge near Sarnia Falls.",
                "Brill and Kessog",
            ),
            ("Brill and Marsk built the bridge.", "Brill and Marsk"),
        ] {
            let spans: Vec<(&str, &str)> = [(name, "ORG"), ("Sarnia Falls", "GPE")]
                .into_iter()
                .filter(|(s, _)| t.contains(s))
                .collect();
            let found = names(&run_kb(Lang::En, t, &spans, &kb));
            assert_eq!(found[0], (name.to_string(), O), "{t}");
        }
    }

    #[test]
    fn a_name_with_a_complement_or_two_heads_stays_whole() {
        for name in [
            "Department of Health and Social Care",
            "Telford and Wrekin Council",
        ] {
            let t = format!("A letter from the {name} arrived.");
            let found = names(&run(Lang::En, &t, &[(name, "ORG")]));
            assert_eq!(found, [(name.to_string(), O)]);
        }
    }
}
