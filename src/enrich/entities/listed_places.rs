//! A place the model missed inside a list of places. In "convoys left Tovebury, Marrow and
//! Kessel" the model may find two towns and not the third; a capitalised name joined to a
//! place by a list's comma or conjunction, that no mention covers and that the knowledge base
//! knows as a place (a town of the country of the article's places if it is small), is a place
//! too. Not a word that is no name alone (a month, a weekday), a first name or a demonym.

use super::coordination::{link, Link};
use super::mention::M;
use crate::enrich::kb::Kb;
use crate::enrich::profile::{key, Profile};
use crate::enrich::tokens::{tokenize, Tok};
use crate::enrich::types::{Document, EntityType};
use std::collections::HashSet;

/// Most bytes read on either side of a place for the link and the name.
const REACH: usize = 48;

/// The countries of the article's places (mentions typed a place that the KB knows): where
/// its smaller towns may lie.
pub(super) fn place_countries<'k>(doc: &Document<'_>, kb: &'k Kb, ms: &[M]) -> HashSet<&'k str> {
    ms.iter()
        .filter(|m| m.ty() == EntityType::Location)
        .filter_map(|m| kb.country_of_place(&doc.fields[m.field].text[m.start..m.end]))
        .collect()
}

/// Add the places of the knowledge base listed next to a place that no mention covers.
pub(super) fn apply(doc: &Document<'_>, res: &Profile, kb: &Kb, ms: &mut Vec<M>) {
    if kb.is_empty() {
        return;
    }
    let countries = place_countries(doc, kb, ms);
    let mut found: Vec<M> = Vec::new();
    // The places found go on the list too: "Tovebury, Marrow and Kessel" from "Tovebury".
    let mut queue: Vec<M> = ms
        .iter()
        .filter(|m| m.ty() == EntityType::Location)
        .cloned()
        .collect();
    while let Some(m) = queue.pop() {
        let t = doc.fields[m.field].text;
        let candidates = [after(t, m.end, res), before(t, m.start, res)];
        for (s, e) in candidates.into_iter().flatten() {
            let free = |x: &M| x.field != m.field || x.end <= s || e <= x.start;
            let form = &t[s..e];
            let k = key(form);
            if ms.iter().all(free)
                && found.iter().all(free)
                && !res.stop.contains(&k)
                && !res.first_names.contains_key(&k)
                && !res.demonyms.contains(&k)
                && form.chars().any(char::is_lowercase)
                && kb.names_small_place_in(form, &countries)
            {
                let place = M::found(m.field, s, e, EntityType::Location);
                queue.push(place.clone());
                found.push(place);
            }
        }
    }
    if !found.is_empty() {
        ms.extend(found);
        ms.sort_by_key(|m| (m.field, m.start, std::cmp::Reverse(m.end)));
    }
}

/// The capitalised name right after a list's link after byte `end` ("…, Marrow", "… and
/// Kessel"), as byte offsets.
fn after(t: &str, end: usize, res: &Profile) -> Option<(usize, usize)> {
    let mut to = (end + REACH).min(t.len());
    while !t.is_char_boundary(to) {
        to -= 1;
    }
    let toks = tokenize(&t[end..to], &res.tokens);
    let j = toks.iter().position(|x| x.word && x.cap)?;
    let gap = &t[end..end + toks[j].start];
    link(gap, res)?;
    let run = name_run(&toks[j..], &t[end..to], res);
    // Not a date's month ("MANILA, Nov 14").
    let dated = toks
        .get(j + run)
        .is_some_and(|x| x.lower.starts_with(|c: char| c.is_ascii_digit()));
    (run > 0 && !dated).then(|| (end + toks[j].start, end + toks[j + run - 1].end))
}

/// The capitalised name right before a list's link before byte `start` ("Tovebury, …",
/// "Marrow and …"); only a comma's or a conjunction's whose list goes on to the place.
fn before(t: &str, start: usize, res: &Profile) -> Option<(usize, usize)> {
    let mut from = start.saturating_sub(REACH);
    while !t.is_char_boundary(from) {
        from += 1;
    }
    let seg = &t[from..start];
    let toks = tokenize(seg, &res.tokens);
    // The last word before the link: the gap after it must be a link alone.
    let last = toks.iter().rposition(|x| x.word && x.cap)?;
    let gap = &seg[toks[last].end..];
    if link(gap, res) != Some(Link::Conjunction) {
        return None;
    }
    // Back over the name's capitalised words, one space apart.
    let mut first = last;
    while first > 0
        && toks[first - 1].word
        && toks[first - 1].cap
        && seg[toks[first - 1].end..toks[first].start] == *" "
    {
        first -= 1;
    }
    // Not a grammar word opening the sentence ("In Tovebury and …").
    while first < last && {
        let w = &toks[first].lower;
        res.stop.contains(&key(w)) || res.preps.contains(w) || res.articles.contains_key(w)
    } {
        first += 1;
    }
    Some((from + toks[first].start, from + toks[last].end))
}

/// How many tokens from the first of `toks` (in `seg`) make one capitalised name: capitalised
/// words one space apart, and the lower-case words that join one name's ("Republic of Tovel",
/// which is then no town's name).
fn name_run(toks: &[Tok], seg: &str, res: &Profile) -> usize {
    let cap = |i: usize| toks.get(i).is_some_and(|x| x.word && x.cap);
    let spaced = |i: usize| i == 0 || seg[toks[i - 1].end..toks[i].start] == *" ";
    let mut n = 0;
    while n < toks.len() && spaced(n) {
        let inner = n > 0 && res.context.inner.contains(&toks[n].lower) && cap(n + 1);
        if !(cap(n) || inner) {
            break;
        }
        n += 1;
    }
    n
}

#[cfg(test)]
mod tests {
    use super::super::tests::{names, run_kb, towns};
    use crate::enrich::profile::Lang;
    use crate::enrich::types::EntityType::Location as L;

    #[test]
    fn a_town_of_the_knowledge_base_listed_with_a_place_is_a_place() {
        let kb = towns(&["Tovebury", "Marrow", "Kessel", "Nov", "Republic"]);
        let t = "Convoys left Tovebury, Marrow and Kessel before dawn.";
        let es = run_kb(Lang::En, t, &[("Tovebury", "GPE")], &kb);
        let n = names(&es);
        for name in ["Tovebury", "Marrow", "Kessel"] {
            assert!(n.contains(&(name.to_string(), L)), "{name}: {n:?}");
        }
        // Before the place, after a sentence's opening preposition.
        let t = "In Marrow or Tovebury, rents rose.";
        let n = names(&run_kb(Lang::En, t, &[("Tovebury", "GPE")], &kb));
        assert!(n.contains(&("Marrow".to_string(), L)), "{n:?}");
        // Not a date's month, nor the first word of a longer name.
        let t = "Tovebury, Nov 14 (Wire) - The talks in Tovebury, Republic of Sarne, ended.";
        let n = names(&run_kb(
            Lang::En,
            t,
            &[("Tovebury", "GPE"), ("Tovebury", "GPE")],
            &kb,
        ));
        assert_eq!(n, [("Tovebury".to_string(), L)]);
    }
}
