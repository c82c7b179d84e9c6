//! The portfolios listed after a lower-case role are no names. French writes a minister's
//! portfolios as capitalised nouns after the role ("la ministre des Routes et de la Géologie",
//! "le ministre de la Santé, de la Population et des Affaires sociales"); the model drops the
//! role with its first portfolio but reads the others as places or bodies ("Géologie",
//! "Population"). A mention reached from a role word (`roles.txt`) through a list of such
//! items — a complement, an optional article, capitalised words and at most two lower-case
//! adjectives each, joined by commas or a coordinator — is a portfolio, unless an earlier item
//! of the list is a name the article keeps ("le patron de Tovecorp et de Marlex" names two
//! firms) or the knowledge base knows it as a place ("le maire de Tovel et de Marsk").

use super::complement::is_adjective;
use super::mention::M;
use crate::enrich::analysis::Analysis;
use crate::enrich::kb::Kb;
use crate::enrich::profile::Profile;
use crate::enrich::tokens::Tok;

/// Most items of a list walked back from a mention to its role.
const MAX_ITEMS: usize = 6;
/// Most capitalised words of one item ("Affaires sociales" has one, "Eaux et Forêts" is two
/// items).
const MAX_ITEM_WORDS: usize = 3;
/// Most lower-case adjectives after an item's noun ("Santé publique").
const MAX_ADJECTIVES: usize = 2;

/// Drop the mentions that are portfolios of a role listed before them.
pub(super) fn drop(an: &Analysis<'_>, res: &Profile, kb: &Kb, ms: &mut Vec<M>) {
    let mut keep = vec![true; ms.len()];
    for i in 0..ms.len() {
        let m = &ms[i];
        let f = &an.fields[m.field];
        let form = &f.text[m.start..m.end];
        if kb.names_place(form) {
            continue;
        }
        let k = f.toks.partition_point(|t| t.start < m.start);
        // Another mention kept before, in the list, names something.
        let named = |s: usize, e: usize| {
            ms.iter()
                .enumerate()
                .any(|(j, n)| keep[j] && j != i && n.field == m.field && n.start < e && s < n.end)
        };
        if listed_after_role(&f.toks, k, res, &named) {
            keep[i] = false;
        }
    }
    let mut it = keep.iter();
    ms.retain(|_| *it.next().unwrap_or(&true));
}

/// Whether the token at `k` opens a list item reached from a role: walking back, a separator
/// joins it to an earlier item, and the first item follows the role. `named(s, e)`: whether a
/// kept mention overlaps bytes `s..e`.
fn listed_after_role(
    toks: &[Tok],
    k: usize,
    res: &Profile,
    named: &dyn Fn(usize, usize) -> bool,
) -> bool {
    // The complement (and article) opening this item.
    let Some(mut x) = item_opening(toks, k, res) else {
        return false;
    };
    let mut separated = false;
    for _ in 0..MAX_ITEMS {
        // Before the complement: the role closes the walk, a separator goes on to the item
        // before it.
        let Some(p) = x.checked_sub(1) else {
            return false;
        };
        let t = &toks[p];
        if t.word && !t.cap && res.role(&t.lower).is_some() {
            return separated;
        }
        if !(t.lower == "," || t.word && res.and_words.contains(&t.lower)) {
            return false;
        }
        separated = true;
        // The earlier item: adjectives, capitalised words, then its own opening.
        let mut e = p;
        let mut adjectives = 0;
        while adjectives < MAX_ADJECTIVES && e > 0 && adjective(&toks[e - 1], res) {
            e -= 1;
            adjectives += 1;
        }
        let mut s = e;
        while e - s < MAX_ITEM_WORDS && s > 0 && toks[s - 1].word && toks[s - 1].cap {
            s -= 1;
        }
        if s == e || named(toks[s].start, toks[e - 1].end) {
            return false;
        }
        let Some(o) = item_opening(toks, s, res) else {
            return false;
        };
        x = o;
    }
    false
}

/// The index of the complement opening the item that starts at token `k`: a complement
/// preposition right before it, or before an article before it ("de la", "des", "de l'").
fn item_opening(toks: &[Tok], k: usize, res: &Profile) -> Option<usize> {
    let p = k.checked_sub(1)?;
    let t = &toks[p];
    if res.complements.contains(&t.lower) && !t.cap {
        return Some(p);
    }
    let c = p.checked_sub(1)?;
    (res.articles.contains_key(&t.lower)
        && !t.cap
        && res.complements.contains(&toks[c].lower)
        && !toks[c].cap)
        .then_some(c)
}

/// Whether token `t` may be an adjective after a portfolio's noun: a lower-case word of
/// letters that is no grammar word ([`is_adjective`]) nor a role.
fn adjective(t: &Tok, res: &Profile) -> bool {
    t.word && !t.cap && is_adjective(&t.lower, res) && res.role(&t.lower).is_none()
}

#[cfg(test)]
mod tests {
    use super::super::tests::{names, run};
    use crate::enrich::profile::Lang;
    use crate::enrich::types::EntityType::{Organization as O, Person as P};

    #[test]
    fn the_portfolios_listed_after_a_role_are_no_names() {
        let t = "La ministre des Routes et de la Géologie, Awa Diallo, a salué l'accord.";
        let es = run(Lang::Fr, t, &[("Géologie", "LOC"), ("Awa Diallo", "PER")]);
        assert_eq!(names(&es), [("Awa Diallo".to_string(), P)]);
        let t = "Le ministre de la Santé publique, de la Population et des Affaires sociales \
                 a lancé la campagne.";
        let es = run(
            Lang::Fr,
            t,
            &[("Population", "LOC"), ("Affaires sociales", "ORG")],
        );
        assert!(names(&es).is_empty(), "{:?}", names(&es));
        // Two firms a role is of stay names.
        let t = "Le patron de Tovecorp et de Marlex a démissionné.";
        let es = run(Lang::Fr, t, &[("Tovecorp", "ORG"), ("Marlex", "ORG")]);
        assert_eq!(
            names(&es),
            [("Tovecorp".to_string(), O), ("Marlex".to_string(), O)]
        );
    }
}
