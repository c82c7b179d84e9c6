//! A lone word after a place preposition is a place, not a person. "The ferry left from the
//! quay at Tovehaven" / « les passeurs attendaient à Tovehaven »: when the model calls such a
//! one-word name a person, and nothing in the article says person (no role or title before it,
//! no full name ending or opening on it, no known first name), its person-labelled mentions are
//! hinted as a place. The prepositions are `place_prep|` in `words.txt`; a person is reached
//! after them too ("looked at Vale", « a répondu à Vale »), but by a name introduced in full
//! first.
//!
//! The model also calls organisations the neighbourhoods and villages it does not know ("a
//! clinic in Tovebrook", "flooding near Tovebrook", "a boy from Tovil", "the new depot at
//! Sarne"). After the narrower prepositions of `town_prep|`, a lone word the model only ever
//! called an organisation (or, somewhere, a place) is likewise a place, unless a context word made it one (in a sports
//! report: "a win over Tovebrook"), it is written in capitals (an acronym: "in NATO"), it is a
//! body's head word ("in Parliament"), the article writes it after an article or a possessive
//! (a body: "staff at Tovecorp" … "the Tovecorp board") or it opens a body's longer name ("the
//! Tovel Institute" … "researchers at Tovel").
//!
//! Nor is a lone word a person's name when every mention of it follows an article, a
//! possessive or a place preposition ("the Tovehaven", "its Tovehaven office", « la
//! Tovehaven »; see [`governed`]).

use super::cluster::spells_initials;
use super::mention::M;
use super::typing::label_type;
use crate::enrich::analysis::Analysis;
use crate::enrich::gazetteer::gazetteer;
use crate::enrich::kb::Kb;
use crate::enrich::profile::{key, Profile};
use crate::enrich::tokens::Tok;
use crate::enrich::types::EntityType;
use std::collections::{HashMap, HashSet};

/// What the article says of one lone word.
#[derive(Default)]
struct Lone {
    /// A mention of it follows a place preposition.
    after_place_prep: bool,
    /// A mention of it has a context hint of a person.
    person_hint: bool,
    /// A mention of it follows a town preposition (`town_prep|`).
    after_town_prep: bool,
    /// A mention of it has a context hint of something else than a place, or a label of
    /// something else than an organisation or a place.
    not_body: bool,
    /// A mention of it follows an article or a possessive determiner.
    determined: bool,
}

/// Hint as places the person-labelled mentions of lone words the article places, and the
/// organisation-labelled ones it places as towns.
pub(super) fn apply(an: &Analysis<'_>, res: &Profile, ms: &mut [M]) {
    if res.place_preps.is_empty() {
        return;
    }
    let text_of = |m: &M| &an.doc.fields[m.field].text[m.start..m.end];
    let mut lone: HashMap<String, Lone> = HashMap::new();
    // Words of names of two words or more: a surname or a first name of a person named in full.
    let mut in_names: HashSet<String> = HashSet::new();
    let in_person_names = person_name_words(an, ms);
    // First words of bodies' longer names: a lone one is the body's short form.
    let mut body_openers: HashSet<String> = HashSet::new();
    let listed_placed = listed_after(an, res, ms, &res.place_preps);
    let listed_in_town = listed_after(an, res, ms, &res.town_preps);
    for m in ms.iter() {
        let t = text_of(m);
        if t.contains(char::is_whitespace) {
            in_names.extend(t.split_whitespace().map(key));
            if label_type(&m.label) == EntityType::Organization {
                body_openers.extend(t.split_whitespace().next().map(key));
            }
            continue;
        }
        if !t.starts_with(char::is_uppercase) {
            continue;
        }
        let before = word_before(an, m);
        let at = (m.field, m.start);
        let placed = before.is_some_and(|p| !p.cap && res.place_preps.contains(&p.lower))
            || listed_placed.contains(&at);
        // Capitalised too, opening a sentence ("In Tovebrook, residents …").
        let in_town = before.is_some_and(|p| res.town_preps.contains(&p.lower))
            || listed_in_town.contains(&at);
        let l = lone.entry(key(t)).or_default();
        l.after_place_prep |= placed;
        l.after_town_prep |= in_town;
        l.person_hint |= m.hint == Some(EntityType::Person);
        l.not_body |= m.hint.is_some_and(|h| h != EntityType::Location)
            || !matches!(
                label_type(&m.label),
                EntityType::Organization | EntityType::Location
            );
        l.determined |= before.is_some_and(|p| determiner(p, res));
    }
    let town_words: HashSet<String> = lone
        .iter()
        .filter(|(k, l)| {
            l.after_town_prep
                && !l.not_body
                && !l.determined
                && !body_openers.contains(*k)
                && !in_person_names.contains(*k)
                && !res.first_names.contains_key(k)
                && !res.type_words.contains_key(*k)
        })
        .map(|(k, _)| k.clone())
        .collect();
    let placed: HashSet<String> = lone
        .into_iter()
        .filter(|(k, l)| {
            l.after_place_prep
                && !l.person_hint
                && !in_names.contains(k)
                && !res.first_names.contains_key(k)
        })
        .map(|(k, _)| k)
        .collect();
    for m in ms.iter_mut() {
        let t = &an.doc.fields[m.field].text[m.start..m.end];
        let town = label_type(&m.label) == EntityType::Organization
            && t.chars().any(char::is_lowercase)
            && town_words.contains(&key(t));
        if m.hint.is_none()
            && (label_type(&m.label) == EntityType::Person && placed.contains(&key(t)) || town)
        {
            m.hint = Some(EntityType::Location);
        }
    }
}

/// Unname the lone words the model only ever called a person when an article, a possessive or
/// a place preposition (`place_prep|`) stands before every mention of them: news introduces a
/// person in full, then writes the surname alone as a subject, an object or after a title
/// ("Lind said", "told Lind", "Ms Lind"), never after an article or a possessive ("the
/// Tovehaven", "its Tovehaven office", « la Tovehaven »), and after a place preposition only
/// once named in full. (Other prepositions do govern a surname alone: "les ministres de
/// Vidal", "a call with Vidal".) Such a word is a place when the knowledge base knows a place
/// of that name, and no name otherwise; not a word a context rule typed, a known first name, a
/// word of a person's longer name, a name the gazetteer knows ("Twitter"), one spelt with
/// capitals inside ("SpaceX", "LSEG") or one spelling the initials of a longer name of the
/// article.
pub(super) fn governed(an: &Analysis<'_>, res: &Profile, kb: &Kb, ms: &mut [M]) {
    let text_of = |m: &M| &an.doc.fields[m.field].text[m.start..m.end];
    // Per lone word: whether every mention of it is a governed, person-labelled, unhinted one.
    let mut lone: HashMap<String, bool> = HashMap::new();
    let in_person_names = person_name_words(an, ms);
    // The article's longer names, whose initials a lone word may spell.
    let mut longer: Vec<&str> = Vec::new();
    for m in ms.iter() {
        let t = text_of(m);
        if t.contains(char::is_whitespace) {
            longer.push(t);
            continue;
        }
        // A determiner capitalised too, opening a sentence ("The Tovehaven flooded"); not "In
        // Lind's view".
        let governed = word_before(an, m).is_some_and(|p| {
            determiner(p, res) || !p.cap && res.place_preps.contains(&p.lower.replace('’', "'"))
        });
        let person = m.hint.is_none() && label_type(&m.label) == EntityType::Person;
        *lone.entry(key(t)).or_insert(true) &= governed && person;
    }
    for m in ms.iter_mut() {
        let t = &an.doc.fields[m.field].text[m.start..m.end];
        let k = key(t);
        if lone.get(&k) != Some(&true)
            || in_person_names.contains(&k)
            || res.first_names.contains_key(&k)
            || !t.starts_with(char::is_uppercase)
            || t.chars().skip(1).any(char::is_uppercase)
            || gazetteer().lookup(t).is_some()
            || longer.iter().any(|n| spells_initials(t, n, res))
        {
            continue;
        }
        m.hint = Some(if kb.names_place(t) {
            EntityType::Location
        } else {
            EntityType::Misc
        });
    }
}

/// The mentions (field, start) listed after one that follows a preposition of `preps`
/// ("living in Fossa, Tovil and Sarne"): the items after the first, joined by commas and closed
/// by "and" or "or" (a comma alone may end the phrase: "in Fossa, Ruvo said").
fn listed_after(
    an: &Analysis<'_>,
    res: &Profile,
    ms: &[M],
    preps: &HashSet<String>,
) -> HashSet<(usize, usize)> {
    let mut order: Vec<&M> = ms.iter().collect();
    order.sort_by_key(|m| (m.field, m.start));
    let mut out = HashSet::new();
    // Whether the list being read opened after one of `preps`, and its items joined by commas.
    let mut open = false;
    let mut pending: Vec<(usize, usize)> = Vec::new();
    let mut prev: Option<&M> = None;
    for m in order {
        let gap = prev
            .filter(|p| p.field == m.field && p.end <= m.start)
            .map(|p| &an.doc.fields[m.field].text[p.end..m.start]);
        let joiner = gap.and_then(|g| g.strip_prefix(' ')?.strip_suffix(' '));
        let conjunction =
            joiner.is_some_and(|j| res.and_words.contains(j) || res.or_words.contains(j));
        if open && gap == Some(", ") {
            pending.push((m.field, m.start));
        } else if open && conjunction {
            out.extend(pending.drain(..));
            out.insert((m.field, m.start));
            open = false;
        } else {
            pending.clear();
            open = word_before(an, m).is_some_and(|p| !p.cap && preps.contains(&p.lower));
        }
        prev = Some(m);
    }
    out
}

/// Whether the token `p` is an article or a possessive determiner ("the", "its", « l' »).
fn determiner(p: &Tok, res: &Profile) -> bool {
    let w = p.lower.replace('’', "'");
    res.articles.contains_key(&w) || res.possessive_dets.contains(&w)
}

/// The words of the persons' names of two words or more: a surname or a first name of a
/// person named in full.
fn person_name_words(an: &Analysis<'_>, ms: &[M]) -> HashSet<String> {
    ms.iter()
        .filter(|m| label_type(&m.label) == EntityType::Person)
        .map(|m| &an.doc.fields[m.field].text[m.start..m.end])
        .filter(|t| t.contains(char::is_whitespace))
        .flat_map(|t| t.split_whitespace().map(key))
        .collect()
}

/// The word token right before mention `m`, if a word stands there.
fn word_before<'a>(an: &'a Analysis<'_>, m: &M) -> Option<&'a Tok> {
    let toks = &an.fields[m.field].toks;
    let at = toks.partition_point(|x| x.start < m.start);
    at.checked_sub(1).map(|i| &toks[i]).filter(|p| p.word)
}

#[cfg(test)]
mod tests {
    use super::super::tests::{names, run, towns};
    use crate::enrich::profile::Lang;
    use crate::enrich::types::EntityType::{Location as L, Organization as O, Person as P};

    #[test]
    fn a_lone_word_after_a_place_preposition_is_a_place() {
        let t = "Les passeurs attendaient à Tovehaven. Le départ de Tovehaven avait lieu de nuit.";
        let es = run(Lang::Fr, t, &[("Tovehaven", "PER"), ("Tovehaven", "PER")]);
        assert_eq!(names(&es), [("Tovehaven".to_string(), L)]);
        let t = "The ferry left from the quay at Tovehaven. Tovehaven has 900 residents.";
        let es = run(
            Lang::En,
            t,
            &[("Tovehaven", "PERSON"), ("Tovehaven", "PERSON")],
        );
        assert_eq!(names(&es), [("Tovehaven".to_string(), L)]);
    }

    #[test]
    fn a_lone_word_the_model_called_a_body_after_a_town_preposition_is_a_place() {
        let t = "A clinic in Tovebrook closed. In Marsk, residents of Tovebrook met on Monday.";
        let spans = [("Tovebrook", "ORG"), ("Marsk", "ORG"), ("Tovebrook", "ORG")];
        let es = run(Lang::En, t, &spans);
        let n = names(&es);
        assert!(n.contains(&("Tovebrook".to_string(), L)), "{n:?}");
        assert!(n.contains(&("Marsk".to_string(), L)), "{n:?}");
        // After "at" and "from" too.
        let t = "A boy from Tovil was arrested. The new depot at Sarne opens in May.";
        let es = run(Lang::En, t, &[("Tovil", "ORG"), ("Sarne", "ORG")]);
        let n = names(&es);
        assert!(n.contains(&("Tovil".to_string(), L)), "{n:?}");
        assert!(n.contains(&("Sarne".to_string(), L)), "{n:?}");
        // The model called it a place once and a body elsewhere: the place still.
        let t = "The theatre stands on a quay in Tovebury. Tovebury will miss it, and Tovebury \
                 will say so.";
        let spans = [
            ("Tovebury", "GPE"),
            ("Tovebury", "ORG"),
            ("Tovebury", "ORG"),
        ];
        let es = run(Lang::En, t, &spans);
        assert_eq!(names(&es), [("Tovebury".to_string(), L)]);
        // A body's acronym; a word the article also writes after an article, or that opens a
        // body's longer name: bodies.
        let t = "Talks in NATO went on while staff at Tovecorp waited; the Tovecorp board met. \
                 Researchers from the Marle Tovel Institute agreed. Staff at Marle left.";
        let spans = [
            ("NATO", "ORG"),
            ("Tovecorp", "ORG"),
            ("Tovecorp", "ORG"),
            ("Marle Tovel Institute", "ORG"),
            ("Marle", "ORG"),
        ];
        let es = run(Lang::En, t, &spans);
        assert!(
            names(&es).iter().all(|(_, ty)| *ty == O),
            "{:?}",
            names(&es)
        );
    }

    #[test]
    fn the_items_listed_after_a_placed_one_are_places_too() {
        let t = "People living in Tovehaven, Marsk and Quillby were told to leave. In Sarnefield, \
                 Ruvo said the road was shut.";
        let spans = [
            ("Tovehaven", "GPE"),
            ("Marsk", "PERSON"),
            ("Quillby", "ORG"),
            ("Sarnefield", "GPE"),
            ("Ruvo", "PERSON"),
        ];
        let es = run(Lang::En, t, &spans);
        let n = names(&es);
        assert!(n.contains(&("Marsk".to_string(), L)), "{n:?}");
        assert!(n.contains(&("Quillby".to_string(), L)), "{n:?}");
        // A comma alone does not list: the phrase may end there.
        assert!(n.contains(&("Ruvo".to_string(), P)), "{n:?}");
    }

    #[test]
    fn a_person_named_in_full_stays_a_person() {
        let t = "Ana Tovehaven a parlé. Le maire a répondu à Tovehaven mardi.";
        let es = run(
            Lang::Fr,
            t,
            &[("Ana Tovehaven", "PER"), ("Tovehaven", "PER")],
        );
        assert_eq!(names(&es), [("Ana Tovehaven".to_string(), P)]);
    }

    #[test]
    fn a_lone_word_only_written_after_an_article_or_a_possessive_is_no_persons_name() {
        let t = "The Tovemere flooded on Monday. Its Tovemere depot closed, and crews cleared the \
                 Tovemere by night.";
        let spans = [("Tovemere", "PERSON")];
        let es = run(Lang::En, t, &spans);
        assert!(
            names(&es).iter().all(|(_, ty)| *ty != P),
            "{:?}",
            names(&es)
        );
        // The knowledge base knows a place of that name: the place.
        let es = super::super::tests::run_kb(Lang::En, t, &spans, &towns(&["Tovemere"]));
        assert_eq!(names(&es), [("Tovemere".to_string(), L)]);
        // Written once as a subject or an object, a surname: "told Lind".
        let t = "Lind said the plan works, and critics told Lind at the Tovemere.";
        let es = run(Lang::En, t, &[("Lind", "PERSON")]);
        assert_eq!(names(&es), [("Lind".to_string(), P)]);
    }
}
