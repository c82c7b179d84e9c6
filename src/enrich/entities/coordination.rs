//! Coordinated names share a kind. In "York, Tadcaster and Selby" or "the Dales and the
//! Pennines", names joined by commas and a conjunction are of one kind: when the names of the
//! list that are settled (a context hint, a well-known name, a head word) agree on a place or an
//! organisation, the unsettled ones take it. And after a locative preposition ("homes in Hobart
//! and Launceston"), names the knowledge base knows as places, with nothing else settling them,
//! are places. A list of lone words the model labelled places and persons, none settled, is a
//! list of places.
//!
//! A list needs a conjunction ("and", "et", "or"): commas alone also join a name and its
//! apposition ("Oakland, California"). A person named with a known first name, or by the
//! surname of someone the article names in full, is left alone ("Ana Vale and Harbor Trust",
//! "sanctions on Norland and Vashenko" after "Ivo Vashenko").

use super::listed_places::place_countries;
use super::mention::M;
use super::typing::{label_type, opens_with_first_name};
use crate::enrich::gazetteer::gazetteer;
use crate::enrich::kb::Kb;
use crate::enrich::profile::{key, Profile, TypeWord};
use crate::enrich::tokens::tokenize;
use crate::enrich::types::{Document, EntityType};
use std::collections::HashSet;

/// How a name of a list joins the next one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Link {
    /// A comma alone.
    Comma,
    /// A conjunction, maybe after a comma.
    Conjunction,
}

/// Hint the names of each list with the kind its settled names agree on, or as places after a
/// locative preposition.
pub(super) fn apply(doc: &Document<'_>, res: &Profile, kb: &Kb, ms: &mut [M]) {
    // The surnames of persons named in full: "Putin" in "Russia and Putin" is the person.
    let surnames: HashSet<String> = ms
        .iter()
        .filter(|m| m.ty() == EntityType::Person)
        .filter_map(|m| {
            let t = &doc.fields[m.field].text[m.start..m.end];
            t.contains(' ')
                .then(|| t.split_whitespace().next_back().map(key))
                .flatten()
        })
        .collect();
    let countries = place_countries(doc, kb, ms);
    let mut order: Vec<usize> = (0..ms.len()).collect();
    order.sort_by_key(|&i| (ms[i].field, ms[i].start));
    let mut k = 0;
    while k < order.len() {
        // The longest run of linked names from `k`.
        let mut end = k + 1;
        let mut conjunction = false;
        // A conjunction joins the list's last name: a comma after it ends the list ("A and B,
        // Tom Vale said").
        while end < order.len() && !conjunction {
            let (a, b) = (&ms[order[end - 1]], &ms[order[end]]);
            if a.field != b.field || b.start < a.end {
                break;
            }
            match link(&doc.fields[a.field].text[a.end..b.start], res) {
                Some(Link::Conjunction) => conjunction = true,
                Some(Link::Comma) => {}
                None => break,
            }
            end += 1;
        }
        let list = &order[k..end];
        let t = doc.fields[ms[list[0]].field].text;
        if conjunction {
            share_kind(t, list, res, kb, &countries, &surnames, ms);
            lone_words_of_places(t, list, &surnames, ms);
        }
        if (conjunction || list.len() == 1) && locative_before(t, ms[list[0]].start, res) {
            places_after_locative(t, list, res, kb, &surnames, ms);
        }
        k = end;
    }
}

/// The link a gap between two names makes: a comma, a conjunction (after a comma or not), maybe
/// before a definite article ("and the").
pub(super) fn link(gap: &str, res: &Profile) -> Option<Link> {
    if gap.contains('\n') || gap.len() > 12 {
        return None;
    }
    let toks = tokenize(gap, &res.tokens);
    let mut i = 0;
    let comma = toks.first().is_some_and(|x| x.lower == ",");
    if comma {
        i += 1;
    }
    let conj = toks
        .get(i)
        .is_some_and(|x| res.and_words.contains(&x.lower) || res.or_words.contains(&x.lower));
    if conj {
        i += 1;
        if toks
            .get(i)
            .is_some_and(|x| res.definites.contains(&x.lower))
        {
            i += 1;
        }
    }
    if i != toks.len() || !(comma || conj) {
        return None;
    }
    Some(if conj { Link::Conjunction } else { Link::Comma })
}

/// The kind that settles a name by itself: a context hint, a well-known name, or a place or
/// organisation head word of a name of two words or more.
fn settled(t: &str, m: &M, res: &Profile, kb: &Kb) -> Option<EntityType> {
    if m.hint.is_some() {
        return m.hint;
    }
    let text = &t[m.start..m.end];
    if let Some((ty, _)) = gazetteer().lookup(text) {
        // A well-known firm named like a town the knowledge base knows ("Carrefour", a
        // retailer and a town) settles nothing: the list decides.
        if ty == EntityType::Organization && kb.names_place(text) {
            return None;
        }
        return Some(ty);
    }
    let k = key(text);
    let words: Vec<&str> = k.split_whitespace().collect();
    let head = res.name_head.of(&words);
    match head
        .filter(|_| words.len() >= 2)
        .and_then(|w| res.type_words.get(*w))
    {
        Some(TypeWord::Loc) => Some(EntityType::Location),
        Some(TypeWord::Org) => Some(EntityType::Organization),
        _ => None,
    }
}

/// The unsettled names of a list take the kind its settled names agree on (a place or an
/// organisation).
fn share_kind(
    t: &str,
    list: &[usize],
    res: &Profile,
    kb: &Kb,
    countries: &HashSet<&str>,
    surnames: &HashSet<String>,
    ms: &mut [M],
) {
    let kinds: Vec<Option<EntityType>> =
        list.iter().map(|&i| settled(t, &ms[i], res, kb)).collect();
    let mut agreed = kinds.iter().flatten();
    let Some(&kind) = agreed.next() else { return };
    if !matches!(kind, EntityType::Location | EntityType::Organization)
        || agreed.any(|&k| k != kind)
    {
        return;
    }
    // "a hospital in Tovel or the clinic in Sarne": a town the KB knows (a small one in a country
    // of the article's places) right after a locative preposition is where the first body
    // stands, not a body of the list.
    let first = &ms[list[0]];
    let placed = kind == EntityType::Organization
        && locative_before(t, first.start, res)
        && kb.names_small_place_in(&t[first.start..first.end], countries);
    for (n, &i) in list.iter().enumerate() {
        let surname = surnames.contains(&key(&t[ms[i].start..ms[i].end]));
        if n == 0 && placed {
            continue;
        }
        if kinds[n].is_none()
            && ms[i].ty() != kind
            && !opens_with_first_name(&t[ms[i].start..ms[i].end], res)
            && !surname
        {
            ms[i].hint = Some(kind);
        }
    }
}

/// A list of lone words, none settled, some of which the model labelled places and the others
/// persons ("runs to Tovelby, Marlham and Sarnock" with "Marlham" a place): the persons are
/// places too. A lone word is no person's name; one that is the surname of a person named in
/// full, or a name with a known first name, is left alone.
fn lone_words_of_places(t: &str, list: &[usize], surnames: &HashSet<String>, ms: &mut [M]) {
    let lone = |m: &M| !t[m.start..m.end].contains(char::is_whitespace);
    let mut places = 0;
    for &i in list {
        let m = &ms[i];
        let text = &t[m.start..m.end];
        if m.hint.is_some() || !lone(m) || surnames.contains(&key(text)) {
            return;
        }
        match label_type(&m.label) {
            EntityType::Location => places += 1,
            EntityType::Person => {}
            _ => return,
        }
    }
    if places > 0 && places < list.len() {
        for &i in list {
            ms[i].hint = Some(EntityType::Location);
        }
    }
}

/// Whether the word right before byte `start` is a locative preposition ("in", "near").
fn locative_before(t: &str, start: usize, res: &Profile) -> bool {
    let mut from = start.saturating_sub(16);
    while !t.is_char_boundary(from) {
        from -= 1;
    }
    let toks = tokenize(&t[from..start], &res.tokens);
    let mut rest = toks.as_slice();
    if rest
        .last()
        .is_some_and(|x| res.definites.contains(&x.lower))
    {
        rest = &rest[..rest.len() - 1];
    }
    rest.last()
        .is_some_and(|x| x.word && res.locatives.contains(&x.lower))
}

/// After a locative preposition, a list none of whose names is settled or a possessor ("in
/// Hobart's port"), whose names are places of the knowledge base or names it does not know that
/// the model took for persons', with at least one place it knows ("schools in Tovebury, Kessel
/// and Marrow Vale"), is a list of places. A person named with a known first name or by the
/// surname of someone named in full is left alone.
fn places_after_locative(
    t: &str,
    list: &[usize],
    res: &Profile,
    kb: &Kb,
    surnames: &HashSet<String>,
    ms: &mut [M],
) {
    let mut known = 0;
    for &i in list {
        let m = &ms[i];
        let text = &t[m.start..m.end];
        let possessor = res
            .tokens
            .possessives
            .iter()
            .any(|p| t[m.end..].starts_with(p.as_str()));
        if settled(t, m, res, kb).is_some() || opens_with_first_name(text, res) || possessor {
            return;
        }
        if kb.names_place(text) {
            known += 1;
        } else if m.ty() != EntityType::Person || surnames.contains(&key(text)) {
            return;
        }
    }
    if known > 0 {
        for &i in list {
            ms[i].hint = Some(EntityType::Location);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{names, run, run_kb, towns};
    use crate::enrich::kb::parse::parse_places;
    use crate::enrich::kb::Kb;
    use crate::enrich::profile::Lang;
    use crate::enrich::types::EntityType::{Location as L, Organization as O, Person as P};

    #[test]
    fn the_unsettled_names_of_a_list_take_the_kind_of_the_settled_ones() {
        let t = "Flood warnings cover parts of London, Brackley and Tove.";
        let es = run(
            Lang::En,
            t,
            &[("London", "GPE"), ("Brackley", "ORG"), ("Tove", "PERSON")],
        );
        assert!(
            names(&es).iter().all(|(_, ty)| *ty == L),
            "{:?}",
            names(&es)
        );
        let t = "The grant came from the Harbor Foundation and the Vale Estate.";
        let es = run(
            Lang::En,
            t,
            &[("Harbor Foundation", "ORG"), ("Vale Estate", "GPE")],
        );
        assert!(
            names(&es).contains(&("Vale Estate".into(), O)),
            "{:?}",
            names(&es)
        );
    }

    #[test]
    fn a_person_an_apposition_and_a_disagreeing_list_are_left_alone() {
        // A known first name: a person in any list.
        let t = "The grant came from the Harbor Foundation and Ana Vale.";
        let es = run(
            Lang::En,
            t,
            &[("Harbor Foundation", "ORG"), ("Ana Vale", "PERSON")],
        );
        assert!(
            names(&es).contains(&("Ana Vale".into(), P)),
            "{:?}",
            names(&es)
        );
        // A comma after the conjunction ends the list.
        let t = "Strikes hit London and the Brackley Airport, Tom Rusk said.";
        let es = run(
            Lang::En,
            t,
            &[
                ("London", "GPE"),
                ("Brackley Airport", "FAC"),
                ("Tom Rusk", "PERSON"),
            ],
        );
        assert!(
            names(&es).contains(&("Tom Rusk".into(), P)),
            "{:?}",
            names(&es)
        );
        // The surname of a person named in full.
        let t = "Ivo Vashenko spoke. Sanctions hit Norway and Vashenko.";
        let es = run(
            Lang::En,
            t,
            &[
                ("Ivo Vashenko", "PERSON"),
                ("Norway", "GPE"),
                ("Vashenko", "PERSON"),
            ],
        );
        assert!(
            names(&es).contains(&("Ivo Vashenko".into(), P)),
            "{:?}",
            names(&es)
        );
        // Commas alone: an apposition, no list.
        let t = "The company, based in London, Brackley Holt, said so.";
        let es = run(
            Lang::En,
            t,
            &[("London", "GPE"), ("Brackley Holt", "PERSON")],
        );
        assert!(
            names(&es).contains(&("Brackley Holt".into(), P)),
            "{:?}",
            names(&es)
        );
    }

    #[test]
    fn known_places_after_a_locative_preposition_are_places() {
        let kb = towns(&["Tovebury", "Brackley"]);
        let t = "The plan funds new homes in Tovebury and Brackley.";
        let es = run_kb(
            Lang::En,
            t,
            &[("Tovebury", "PERSON"), ("Brackley", "PERSON")],
            &kb,
        );
        assert_eq!(
            names(&es),
            [("Tovebury".to_string(), L), ("Brackley".to_string(), L)]
        );
        // Not a name the KB does not know (the possessor is a place by the KB rule of
        // `kb_places`: a lone word the model called a person).
        // (Right after "in", a lone word is a place by the context rules: here it is not.)
        let t = "The plan funds new homes in Tovebury's port and Marwick.";
        let es = run_kb(
            Lang::En,
            t,
            &[("Tovebury", "PERSON"), ("Marwick", "PERSON")],
            &kb,
        );
        assert_eq!(
            names(&es),
            [("Tovebury".to_string(), L), ("Marwick".to_string(), P)]
        );
        // One known place is enough for the names the model took for persons'.
        let t = "Fees rose at schools in Tovebury, Kessel and Marrow Vale last year.";
        let es = run_kb(
            Lang::En,
            t,
            &[
                ("Tovebury", "GPE"),
                ("Kessel", "PERSON"),
                ("Marrow Vale", "PERSON"),
            ],
            &kb,
        );
        assert!(
            names(&es).iter().all(|(_, ty)| *ty == L),
            "{:?}",
            names(&es)
        );
        // Not the surname of a person named in full.
        let t = "Ivo Kessel spoke. Fees rose at schools in Tovebury, Kessel and Marrow Vale.";
        let es = run_kb(
            Lang::En,
            t,
            &[
                ("Ivo Kessel", "PERSON"),
                ("Tovebury", "GPE"),
                ("Kessel", "PERSON"),
                ("Marrow Vale", "PERSON"),
            ],
            &kb,
        );
        assert!(
            names(&es).contains(&("Ivo Kessel".to_string(), P)),
            "{:?}",
            names(&es)
        );
    }

    #[test]
    fn lone_words_listed_with_a_place_the_model_called_persons_are_places() {
        let t = "The bus no longer runs to Tovelby, Marlham and Sarnock on Sundays.";
        let spans = [
            ("Tovelby", "PERSON"),
            ("Marlham", "GPE"),
            ("Sarnock", "PERSON"),
        ];
        let n = names(&run(Lang::En, t, &spans));
        for want in ["Tovelby", "Marlham", "Sarnock"] {
            assert!(n.contains(&(want.to_string(), L)), "{want}: {n:?}");
        }
        // A surname of a person named in full stays the person.
        let t = "Ann Tovelby spoke. The trip took Tovelby and Marlham to court.";
        let spans = [
            ("Ann Tovelby", "PERSON"),
            ("Tovelby", "PERSON"),
            ("Marlham", "GPE"),
        ];
        let n = names(&run(Lang::En, t, &spans));
        assert!(n.contains(&("Ann Tovelby".to_string(), P)), "{n:?}");
        assert!(!n.contains(&("Tovelby".to_string(), L)), "{n:?}");
    }

    #[test]
    fn a_town_after_a_locative_is_no_body_of_the_list_that_follows_it() {
        // The list is the two hospitals; the town is where the first one stands, a small one
        // in the country of the article's other town.
        let src = "geonames:1\tcity\t40000\tXX\t\tMarlby\t\t\n\
                   geonames:2\tcity\t4000\tXX\t\tTovebury\t\t\n";
        let kb = Kb::new(parse_places(src, "places.tsv").unwrap(), Vec::new());
        let t = "She was sent to Marle General Hospital in Tovebury or the Sarne Regional \
                 Hospital in Marlby.";
        let spans = [
            ("Marle General Hospital", "ORG"),
            ("Tovebury", "GPE"),
            ("Sarne Regional Hospital", "ORG"),
            ("Marlby", "GPE"),
        ];
        let es = run_kb(Lang::En, t, &spans, &kb);
        assert!(
            names(&es).contains(&("Tovebury".to_string(), L)),
            "{:?}",
            names(&es)
        );
        let kb = towns(&["Tovebury"]);
        // A place shares the kind of the places listed with it.
        let t = "Salmon return to rivers in Tovebury and the Marle Valley.";
        let es = run_kb(
            Lang::En,
            t,
            &[("Tovebury", "GPE"), ("Marle Valley", "ORG")],
            &kb,
        );
        assert_eq!(
            names(&es),
            [("Tovebury".to_string(), L), ("Marle Valley".to_string(), L)]
        );
    }
}
