//! An organisation the model cut before its lower-case complement. French names an institution
//! by a head noun and a complement that keeps its lower case: "le Conseil des ministres", "la
//! Cour des comptes", "l'Académie des sciences", "le Parti de gauche". The model often ends the
//! span on the head ("Conseil"), which leaves a bare common noun as the entity. When a span ends
//! on an organisation head word (`org|…` in `resources/<lang>/type_words.txt`) and a
//! complement preposition (`complement|…` in `words.txt`), an optional article and one
//! lower-case noun follow, the name runs to that noun. One noun only: what follows it ("des
//! ministres réuni mardi") is the sentence again. Only where heads come first: an English name
//! writes its complement capitalised ("Department for Transport"), and a lower-case word after
//! "for" is the sentence's ("sent to the Investigation Department for further tests").

use crate::enrich::profile::{key, lower, NameHead, Profile, TypeWord};
use crate::enrich::tokens::tokenize;

/// Longest stretch after the span looked at, in bytes (widened to a char boundary).
const WINDOW: usize = 48;
/// Shortest complement noun, in characters: shorter lower-case words are function words.
const MIN_NOUN: usize = 3;

/// Where the name `t[s..e]` ends once its lower-case complement is added, if it has one;
/// `free(b)`: whether no other span starts or ends at byte `b`.
pub(super) fn complement_end(
    t: &str,
    s: usize,
    e: usize,
    res: &Profile,
    free: &dyn Fn(usize) -> bool,
) -> Option<usize> {
    let name = &t[s..e];
    let head = name.rsplit(' ').next().unwrap_or(name);
    if res.name_head != NameHead::First
        || !head.chars().next().is_some_and(char::is_uppercase)
        || res.type_words.get(&key(head)) != Some(&TypeWord::Org)
    {
        return None;
    }
    let mut to = (e + WINDOW).min(t.len());
    while !t.is_char_boundary(to) {
        to -= 1;
    }
    let rest = &t[e..to];
    let toks = tokenize(rest, &res.tokens);
    let mut it = toks.iter();
    let prep = it
        .next()
        .filter(|x| x.start == 1 && rest.starts_with(' '))?;
    if !res.complements.contains(&prep.lower) {
        return None;
    }
    let mut at = prep.end;
    let mut next = it.next()?;
    if res.articles.contains_key(&next.lower) && !prep.lower.ends_with('\'') {
        at = next.end;
        next = it.next()?;
    }
    let gap = &rest[at..next.start];
    let word = &rest[next.start..next.end];
    let noun = (gap.is_empty() || gap == " ")
        && word.chars().next().is_some_and(char::is_lowercase)
        && word.chars().all(char::is_alphabetic)
        && word.chars().count() >= MIN_NOUN
        && !res.stop.contains(&key(word))
        && !res.articles.contains_key(&lower(word))
        && !res.pronouns.contains_key(&lower(word))
        && !res.complements.contains(&lower(word))
        && free(e + prep.start)
        && free(e + next.end);
    noun.then_some(e + next.end)
}
