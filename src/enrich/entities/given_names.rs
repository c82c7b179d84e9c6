//! A person's given name the model left out of their name. The model often finds only the
//! surname ("Joanne Petrakis, the planner, …" read as nothing, then "Petrakis said"), or cuts a
//! compound given name ("Marc-André" + "Gendron"). A person the article names, written right
//! after a capitalised word that is a known first name (`first_names.txt`; a hyphenated one of
//! known parts), is named with it: the mention is widened, and a mention of the same name the
//! model missed is added. A role, a title of address or another entity's name before the
//! person's ("Mayor Petrakis", "Mrs Bowen", "Paris Petrakis" named as a place) is never taken.

use super::mention::M;
use crate::enrich::analysis::Analysis;
use crate::enrich::profile::Profile;
use crate::enrich::tokens::Tok;
use crate::enrich::types::EntityType;
use std::collections::HashSet;

/// Widen the persons' mentions over a given name written before them, and add the mentions of
/// their names the model missed behind one.
pub(super) fn apply(an: &Analysis<'_>, res: &Profile, ms: &mut Vec<M>) {
    let persons: HashSet<String> = ms
        .iter()
        .filter(|m| m.ty() == EntityType::Person)
        .map(|m| an.doc.fields[m.field].text[m.start..m.end].to_string())
        .collect();
    if persons.is_empty() {
        return;
    }
    // The names the model missed: a person's name as written, not inside any mention.
    let mut added = Vec::new();
    for (fi, f) in an.doc.fields.iter().enumerate() {
        for name in &persons {
            for (s, _) in f.text.match_indices(name.as_str()) {
                let e = s + name.len();
                let free = !ms.iter().any(|m| m.field == fi && m.start < e && s < m.end);
                let m = M::found(fi, s, e, EntityType::Person);
                let toks = &an.fields[fi].toks;
                if free
                    && name.chars().count() > 2
                    && super::mention::word_bounded(f.text, s, e)
                    && given_name_before(f.text, toks, &m, res).is_some()
                {
                    added.push(m);
                }
            }
        }
    }
    let mut changed = !added.is_empty();
    ms.extend(added);
    // The given names' own mentions, taken into the names: field and bytes.
    let mut absorbed: Vec<(usize, usize, usize)> = Vec::new();
    for i in 0..ms.len() {
        if ms[i].ty() != EntityType::Person {
            continue;
        }
        let (fi, text) = (ms[i].field, an.doc.fields[ms[i].field].text);
        let Some(g) = given_name_before(text, &an.fields[fi].toks, &ms[i], res) else {
            continue;
        };
        // Another mention over the given name: only one of it alone, labelled a person, is
        // taken in ("Marc-André" + "Gendron"); any other is another entity's name.
        let over: Vec<usize> = (0..ms.len())
            .filter(|&j| j != i && ms[j].field == fi && ms[j].start < g.end && g.start < ms[j].end)
            .collect();
        let alone = over.iter().all(|&j| {
            ms[j].start == g.start && ms[j].end == g.end && ms[j].ty() == EntityType::Person
        });
        if alone {
            absorbed.extend(over.iter().map(|&j| (fi, ms[j].start, ms[j].end)));
            ms[i].start = g.start;
            changed = true;
        }
    }
    if !changed {
        return;
    }
    ms.retain(|m| !absorbed.contains(&(m.field, m.start, m.end)));
    // A name found twice (widened, and added behind the same given name) is one mention.
    ms.sort_by_key(|m| (m.field, m.start, std::cmp::Reverse(m.end)));
    ms.dedup_by(|b, a| a.field == b.field && a.start == b.start && a.end == b.end);
}

/// The given name written right before mention `m`, one space away: a capitalised word that is
/// a known first name (each part of a hyphenated one), neither a role nor a title of address.
fn given_name_before<'t>(text: &str, toks: &'t [Tok], m: &M, res: &Profile) -> Option<&'t Tok> {
    let at = toks.partition_point(|t| t.start < m.start);
    let g = toks.get(at.checked_sub(1)?)?;
    if !g.word || !g.cap || text.get(g.end..m.start) != Some(" ") {
        return None;
    }
    let known = g
        .lower
        .split('-')
        .all(|p| !p.is_empty() && res.first_names.contains_key(p));
    let titled = res.role(&g.lower).is_some() || res.honorifics.contains(&g.lower);
    (known && !titled).then_some(g)
}

#[cfg(test)]
mod tests {
    use super::super::tests::{names, run};
    use crate::enrich::profile::Lang;
    use crate::enrich::types::EntityType::Person as P;

    #[test]
    fn a_given_name_before_a_surname_the_model_found_alone_joins_it() {
        // The model found the surname once, alone; the full name it missed is added.
        let t = "Tovard said the code would help. Earlier, Joanne Tovard, the planner, warned against haste.";
        let es = run(Lang::En, t, &[("Tovard", "PERSON")]);
        assert_eq!(names(&es), [("Joanne Tovard".to_string(), P)]);
        // A compound given name the model labelled on its own.
        let t = "Le porte-parole Marc-André Tovard a confirmé la fermeture.";
        let es = run(Lang::Fr, t, &[("Marc-André", "PER"), ("Tovard", "PER")]);
        assert_eq!(names(&es), [("Marc-André Tovard".to_string(), P)]);
    }

    #[test]
    fn a_title_or_a_role_before_a_surname_is_no_given_name() {
        let t = "Mrs Tovard said the code would help. Mayor Tovard agreed.";
        let es = run(Lang::En, t, &[("Tovard", "PERSON"), ("Tovard", "PERSON")]);
        assert_eq!(names(&es), [("Tovard".to_string(), P)]);
    }
}
