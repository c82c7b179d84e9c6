//! What the words around a name say about it, as a reader uses them: "carmakers, including
//! Renault, Stellantis and Toyota" names three companies; "the Elmwood neighborhood" a place; "le
//! patron de Lumora, Jean Vasseur" a person; "a Tudor-style building" no entity at all; "stars as
//! Ruth" a fictional role. The words themselves are data (`resources/<lang>/context.txt`); the
//! model's label stays as found and the hint outvotes it (see [`super::canonicalize`]).

mod hints;
mod lists;
mod names;
mod pairs;
#[cfg(test)]
mod tests;

use super::clean::lower_case_head;
use super::mention::{word_bounded, M};
use crate::enrich::analysis::Analysis;
use crate::enrich::gazetteer::gazetteer;
use crate::enrich::profile::{key, lower, NameHead, Profile};
use crate::enrich::types::{Document, EntityType};
use hints::{hint, is_adjective, is_character, is_title_phrase};
use lists::list_items;
use names::{join_founders, suffixed_orgs, titled_persons};
use std::collections::HashMap;

/// Longest context window looked at before a name, in bytes (widened to a char boundary).
const WINDOW: usize = 64;

/// Up to `WINDOW` bytes of `t` before `s`, lower-cased.
fn before_window(t: &str, s: usize) -> String {
    lower(raw_before_window(t, s))
}

/// Up to `WINDOW` bytes of `t` before `s`, in the text's own case.
fn raw_before_window(t: &str, s: usize) -> &str {
    let mut from = s.saturating_sub(WINDOW);
    while !t.is_char_boundary(from) {
        from -= 1;
    }
    &t[from..s]
}

/// Whether `w` (lower case) ends with the phrase `p` starting at a word boundary.
fn ends_with_phrase(w: &str, p: &str) -> bool {
    w.strip_suffix(p)
        .is_some_and(|rest| !rest.chars().next_back().is_some_and(char::is_alphanumeric))
}

/// Apply the context rules to the cleaned mentions of `doc`: drop what is no entity, hint the
/// type of the others, join founder names into their foundation, and add the list items and
/// suffixed organisation names the model missed. `ms` is sorted by field and start on return.
pub(super) fn apply(an: &Analysis<'_>, res: &Profile, ms: &mut Vec<M>) {
    let doc = an.doc;
    join_founders(doc, res, ms);
    ms.retain(|m| !is_adjective(doc.fields[m.field].text, m, res));
    ms.retain(|m| !is_title_phrase(doc.fields[m.field].text, m, res));
    ms.retain(|m| !hints::names_a_law(doc.fields[m.field].text, m, res));
    // A name once given to a fictional role is the role's throughout ("as his sister, Ruth" …
    // "Ruth's").
    let roles: std::collections::HashSet<String> = ms
        .iter()
        .filter(|m| is_character(doc.fields[m.field].text, m, res))
        .map(|m| key(&doc.fields[m.field].text[m.start..m.end]))
        .collect();
    if !roles.is_empty() {
        ms.retain(|m| !roles.contains(&key(&doc.fields[m.field].text[m.start..m.end])));
    }
    for m in ms.iter_mut() {
        if let Some(h) = hint(doc.fields[m.field].text, m, res) {
            m.hint = Some(h);
        }
    }
    pairs::apply(doc, res, ms);
    hint_from_reoccurrences(doc, res, ms);
    for (fi, f) in doc.fields.iter().enumerate() {
        let toks = &an.fields[fi].toks;
        for (s, e, ty) in list_items(f.text, toks, res) {
            // "officials of several countries, including Mark Rutte": a first name says person
            // louder than a list of places does.
            let first = f.text[s..e].split([' ', '-']).next().unwrap_or("");
            if ty != EntityType::Person
                && f.text[s..e].contains(' ')
                && res.first_names.contains_key(&lower(first))
            {
                continue;
            }
            let mut found = 0;
            for m in ms
                .iter_mut()
                .filter(|m| m.field == fi && m.start < e && s < m.end)
            {
                m.hint = Some(ty);
                found += 1;
            }
            // The item is the name when it holds the one mention found in it ("La France" in
            // "La France insoumise"); not when a lower-case head noun ends it ("including the
            // Tibet question"): where the head is a name's last word, that is a common noun.
            if found == 1 && !common_head(&f.text[s..e], res) {
                if let Some(m) = ms.iter_mut().find(|m| {
                    m.field == fi && m.start < e && s < m.end && s <= m.start && m.end <= e
                }) {
                    m.start = s;
                    m.end = e;
                }
            }
            let found = found > 0;
            if !found {
                ms.push(M::found(fi, s, e, ty));
            }
        }
        // Well-known names the model missed ("citée par Reuters"), unless part of a longer
        // capitalised name ("Michael Bloomberg").
        for (s, e, ty) in gazetteer().find_in(f.text) {
            let over: Vec<usize> = (0..ms.len())
                .filter(|&i| ms[i].field == fi && ms[i].start < e && s < ms[i].end)
                .collect();
            // A country's code glued to a currency sign is the currency ("US$48 million").
            let currency = f.text[e..].starts_with('$');
            if over.is_empty() && !next_to_capitalised(f.text, s, e) && !currency {
                // The complement of a lower-case name ("le tribunal administratif de" +
                // "Nantes") is that name, typed by its head as a span of the model would be.
                match lower_case_head(f.text, s, res) {
                    Some(h) => ms.push(M {
                        field: fi,
                        start: h,
                        end: e,
                        label: model_label(ty).to_string(),
                        hint: None,
                    }),
                    None => ms.push(M::found(fi, s, e, ty)),
                }
            }
            // The model stopped inside a well-known name ("d'Amérique" of "d'Amérique
            // latine", "the Latin" of "the Latin Quarter"): the mention is the whole name.
            if let [i] = over[..] {
                let m = &mut ms[i];
                if s <= m.start && m.end <= e && e - s > m.end - m.start {
                    m.start = s;
                    m.end = e;
                    m.hint = Some(ty);
                }
            }
            // Or cut it in pieces at its "and" ("HM Revenue" and "Customs"): one mention of
            // the whole name.
            if over.len() >= 2 && over.iter().all(|&i| s <= ms[i].start && ms[i].end <= e) {
                for &i in over[1..].iter().rev() {
                    ms.remove(i);
                }
                let m = &mut ms[over[0]];
                m.start = s;
                m.end = e;
                m.hint = Some(ty);
            }
        }
        // English titles capitalise every word: a run there is no name.
        if res.headline_case && f.name == "title" {
            continue;
        }
        for (s, e) in titled_persons(f.text, toks, res) {
            title_person(fi, s, e, ms);
        }
        for (s, e) in suffixed_orgs(f.text, toks, res) {
            if !ms.iter().any(|m| m.field == fi && m.start < e && s < m.end) {
                ms.push(M::found(fi, s, e, EntityType::Organization));
            }
        }
    }
    headed_reoccurrences(doc, res, ms);
    ms.sort_by_key(|m| (m.field, m.start));
}

/// A name found elsewhere, written again as the complement of a lower-case institution or
/// facility name ("la Drôme" … "la préfecture de la Drôme", "Ivry" … "l'usine d'Ivry"): that
/// occurrence is the institution's or the facility's name, typed by its head as a span of the
/// model would be, where the model found nothing there.
fn headed_reoccurrences(doc: &Document<'_>, res: &Profile, ms: &mut Vec<M>) {
    if res.name_head != NameHead::First {
        return;
    }
    let mut forms: Vec<(String, String)> = ms
        .iter()
        .map(|m| {
            let form = &doc.fields[m.field].text[m.start..m.end];
            (form.to_string(), m.label.clone())
        })
        .filter(|(form, _)| form.starts_with(char::is_uppercase))
        .collect();
    forms.sort();
    forms.dedup_by(|a, b| a.0 == b.0);
    let mut found = Vec::new();
    for (fi, f) in doc.fields.iter().enumerate() {
        for (form, label) in &forms {
            for (s, _) in f.text.match_indices(form.as_str()) {
                let e = s + form.len();
                let taken = ms.iter().any(|m| m.field == fi && m.start < e && s < m.end);
                if taken || !word_bounded(f.text, s, e) {
                    continue;
                }
                // Not inside a longer capitalised name ("Société coopérative des planteurs de
                // X"): the word before the head is no capitalised one but an article.
                let glued = |h: usize| {
                    f.text[..h]
                        .trim_end_matches(['\'', '’'])
                        .split_whitespace()
                        .next_back()
                        .is_some_and(|w| {
                            w.starts_with(char::is_uppercase)
                                && !res.articles.contains_key(&lower(w))
                                && !res.articles.contains_key(&format!("{}'", lower(w)))
                        })
                };
                if let Some(h) = lower_case_head(f.text, s, res).filter(|&h| !glued(h)) {
                    found.push(M {
                        field: fi,
                        start: h,
                        end: e,
                        label: label.clone(),
                        hint: None,
                    });
                }
            }
        }
    }
    ms.extend(found);
}

/// A person named after a title at `s..e` of field `fi`: a new mention where the model found
/// nothing there; a mention that holds the title too, ending with the name ("Council Member
/// Ines Okafor-Blum" taken for an organisation), is trimmed to the name.
fn title_person(fi: usize, s: usize, e: usize, ms: &mut Vec<M>) {
    let over: Vec<usize> = (0..ms.len())
        .filter(|&i| ms[i].field == fi && ms[i].start < e && s < ms[i].end)
        .collect();
    match over[..] {
        [] => ms.push(M::found(fi, s, e, EntityType::Person)),
        [i] if ms[i].start < s && ms[i].end == e => {
            ms[i].start = s;
            ms[i].hint = Some(EntityType::Person);
        }
        _ => {}
    }
}

/// A name refers to one thing throughout an article: a mention without a hint takes the one
/// the words around the name's other occurrences give ("Yaskel said" … "Yaskel and his
/// wife"), when the model tagged none of those and they agree.
fn hint_from_reoccurrences(doc: &Document<'_>, res: &Profile, ms: &mut [M]) {
    // Per field, the mentions' spans sorted by start (an occurrence inside one is no other).
    let mut spans: Vec<Vec<(usize, usize)>> = vec![Vec::new(); doc.fields.len()];
    for m in ms.iter() {
        spans[m.field].push((m.start, m.end));
    }
    for v in &mut spans {
        v.sort_unstable();
    }
    let tagged = |fi: usize, s: usize, e: usize| {
        let v = &spans[fi];
        let i = v.partition_point(|x| x.0 < e);
        i > 0 && v[i - 1].1 > s
    };
    // Each distinct form and label is read once.
    let mut seen: HashMap<(String, String), Option<EntityType>> = HashMap::new();
    let mut found: Vec<(usize, EntityType)> = Vec::new();
    for (i, m) in ms.iter().enumerate() {
        let form = &doc.fields[m.field].text[m.start..m.end];
        if m.hint.is_some() || form.chars().count() < 2 || !form.starts_with(char::is_uppercase) {
            continue;
        }
        let h = *seen
            .entry((form.to_string(), m.label.clone()))
            .or_insert_with(|| {
                let mut ty: Option<EntityType> = None;
                for (fi, f) in doc.fields.iter().enumerate() {
                    for (s, _) in f.text.match_indices(form) {
                        let e = s + form.len();
                        if tagged(fi, s, e) || !word_bounded(f.text, s, e) {
                            continue;
                        }
                        let at = M {
                            field: fi,
                            start: s,
                            end: e,
                            label: m.label.clone(),
                            hint: None,
                        };
                        if let Some(h) = hint(f.text, &at, res) {
                            if ty.is_some_and(|t| t != h) {
                                return None;
                            }
                            ty = Some(h);
                        }
                    }
                }
                ty
            });
        if let Some(h) = h {
            found.push((i, h));
        }
    }
    for (i, h) in found {
        ms[i].hint = Some(h);
    }
}

/// Whether a capitalised word is glued to `t[s..e]` by one space, beyond a sentence start.
/// The model's label for a type the gazetteer gives.
fn model_label(ty: EntityType) -> &'static str {
    match ty {
        EntityType::Person => "PER",
        EntityType::Location => "LOC",
        EntityType::Organization => "ORG",
        EntityType::Misc => "MISC",
    }
}

/// Whether the name at `t[s..e]` is glued to a capitalised word of a longer name: right after
/// it, or right before it with no punctuation between ("Michael Bloomberg"; not "The Chair,
/// Fine Gael's …", nor a sentence's first word).
fn next_to_capitalised(t: &str, s: usize, e: usize) -> bool {
    let cap = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let after = t[e..]
        .strip_prefix(' ')
        .is_some_and(|r| cap(r.split(' ').next().unwrap_or("")));
    let before = t[..s].strip_suffix(' ').is_some_and(|b| {
        let w = b.rsplit(' ').next().unwrap_or("");
        cap(w)
            && !w.ends_with(['.', '!', '?', ':', ',', ';'])
            && !b[..b.len() - w.len()].trim_end().is_empty()
    });
    after || before
}

/// Whether a list item ends on a lower-case word that is its head: a common noun the name
/// before it only qualifies ("the Tibet question", "the Lisbon treaty talks"). Only where a
/// name's head is its last word; where it is the first, a lower-case last word is a complement
/// of the name ("la France insoumise").
fn common_head(item: &str, res: &Profile) -> bool {
    res.name_head == NameHead::Last
        && item
            .rsplit(' ')
            .next()
            .is_some_and(|w| w.starts_with(char::is_lowercase))
}
