//! Two names framed by a pair of words: "the road between Tovel and Sarne", « la navette entre
//! Tovel et Sarne ». A stretch of road, a route or a shore runs between two places; the
//! `pair|TYPE|OPEN|JOIN` rules of `context.txt` give the words and the type.

use super::{before_window, ends_with_phrase, raw_before_window};
use crate::enrich::entities::mention::M;
use crate::enrich::entities::typing::is_name_label;
use crate::enrich::profile::{key, lower, Profile};
use crate::enrich::types::{Document, EntityType};
use std::collections::HashSet;

/// Hint the mentions no other rule typed that a pair frames; not the surname of a person the
/// article names in full ("the contest between Ruvo and Orsel" after "Ana Ruvo").
pub(super) fn apply(doc: &Document<'_>, res: &Profile, ms: &mut [M]) {
    if res.context.pairs.is_empty() {
        return;
    }
    let mut surnames: HashSet<String> = HashSet::new();
    for m in ms.iter() {
        let t = &doc.fields[m.field].text[m.start..m.end];
        let words: Vec<&str> = t.split_whitespace().collect();
        if m.ty() == EntityType::Person && words.len() >= 2 {
            for i in 1..words.len() {
                surnames.insert(key(&words[i..].join(" ")));
            }
        }
    }
    for m in ms.iter_mut().filter(|m| m.hint.is_none()) {
        let t = doc.fields[m.field].text;
        if surnames.contains(&key(&t[m.start..m.end])) {
            continue;
        }
        if let Some(ty) = pair_hint(t, m, res) {
            m.hint = Some(ty);
        }
    }
}

/// Most words of the first name, when the second is typed.
const FIRST_NAME_WORDS: usize = 5;

/// The type a pair rule gives the mention `m` of `t`, as the first name of its pair (OPEN right
/// before it, JOIN and a capitalised word right after) or the second (OPEN, one capitalised
/// name and JOIN right before it). Not a date or an amount the model found ("between May and
/// June").
fn pair_hint(t: &str, m: &M, res: &Profile) -> Option<EntityType> {
    if !is_name_label(&m.label) || res.context.pairs.is_empty() {
        return None;
    }
    let win = before_window(t, m.start);
    let head: String = t[m.end..].chars().take(16).collect();
    for p in &res.context.pairs {
        let first = win
            .strip_suffix(' ')
            .is_some_and(|w| ends_with_phrase(w, &p.open))
            && head
                .strip_prefix(' ')
                .and_then(|r| strip_word(r, &p.join))
                .and_then(|r| r.strip_prefix(' '))
                .is_some_and(|r| r.starts_with(char::is_uppercase));
        if first || second_of(raw_before_window(t, m.start), &p.open, &p.join, res) {
            return Some(p.ty);
        }
    }
    None
}

/// `r` after the word `w` (lower case) it opens with, if it does.
fn strip_word<'a>(r: &'a str, w: &str) -> Option<&'a str> {
    let n = w.len();
    (r.len() >= n && r.is_char_boundary(n) && lower(&r[..n]) == w).then(|| &r[n..])
}

/// Whether `before` (the text right before a name) ends with OPEN, one capitalised name and
/// JOIN: "… between Tovel Junction and ".
fn second_of(before: &str, open: &str, join: &str, res: &Profile) -> bool {
    let Some(rest) = before.strip_suffix(' ') else {
        return false;
    };
    let n = rest.len().saturating_sub(join.len());
    if !rest.is_char_boundary(n) || lower(&rest[n..]) != join {
        return false;
    }
    let Some(rest) = rest[..n].strip_suffix(' ') else {
        return false;
    };
    // The first name: capitalised words (or the words that join one name's, "of", « de »),
    // back to OPEN.
    let words: Vec<&str> = rest.rsplit(' ').take(FIRST_NAME_WORDS + 1).collect();
    for (i, w) in words.iter().enumerate() {
        let w_lower = lower(w);
        if w_lower == open && i > 0 {
            return words[i - 1].starts_with(char::is_uppercase);
        }
        let joins = res.context.inner.contains(&w_lower) || res.complements.contains(&w_lower);
        if !(w.starts_with(char::is_uppercase) || joins && i > 0)
            || w.contains([',', '.', ';', ':'])
        {
            return false;
        }
    }
    false
}
