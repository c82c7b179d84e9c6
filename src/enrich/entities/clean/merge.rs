//! After cleaning: spans joined by a hyphen or cut after an inner word are merged; compounds
//! of other names and common nouns opening a sentence are dropped.

use super::extend::abbreviated_opener_at;
use super::pieces::route_dash;
use crate::enrich::entities::mention::{word_bounded, M};
use crate::enrich::entities::typing::label_type;
use crate::enrich::profile::{key, lower, NameHead, Profile};
use crate::enrich::tokens::tokenize;
use crate::enrich::types::{Document, EntityType};
use std::collections::HashSet;

/// Merge spans joined by a hyphen ("Hale" + "-Morrow-Quist Funeral Home") or cut after
/// their inner word ("the City of" + "Houston"); drop overlaps. `ms` is sorted by field, start.
pub(in crate::enrich::entities) fn merge(doc: &Document<'_>, ms: Vec<M>, res: &Profile) -> Vec<M> {
    let mut merged: Vec<M> = Vec::new();
    for m in ms {
        if let Some(last) = merged.last_mut() {
            if last.field == m.field && m.start < last.end {
                continue;
            }
            let t = doc.fields[m.field].text;
            // A name cut after its inner word, of one type ("Nouvelles attaques de" + "Trump"
            // is no name) or an organisation's before the place it serves ("Office for the
            // Northern District of" + "Ohio": the organisation's), or the person it is named
            // for, whatever label the model gave the complement (« l'Association des amis de »
            // + « Tovel-Port », labelled a person).
            let (lt, mt) = (label_type(&last.label), label_type(&m.label));
            let org_of_place = lt == EntityType::Organization
                && matches!(mt, EntityType::Location | EntityType::Person);
            let cut = last.field == m.field
                && (lt == mt || org_of_place)
                && m.start == last.end + 1
                && t.as_bytes()[last.end] == b' '
                && t[last.start..last.end]
                    .rsplit(' ')
                    .next()
                    .is_some_and(|w| res.context.inner.contains(&lower(w)));
            if cut {
                if !org_of_place {
                    last.label = m.label.clone();
                }
                last.end = m.end;
                continue;
            }
            // A person's name cut at its surname's particle ("Eluned" + "ap" + "Gwyn", "Anna"
            // + "van" + "Rijn"): one name.
            let particle_between = last.field == m.field
                && lt == EntityType::Person
                && mt == EntityType::Person
                && t[last.end..m.start]
                    .strip_prefix(' ')
                    .and_then(|g| g.strip_suffix(' '))
                    .is_some_and(|g| {
                        res.particles.contains(g)
                            && !res.and_words.contains(g)
                            && !res.articles.contains_key(g)
                            && !res.context.inner.contains(g)
                    });
            if particle_between {
                last.end = m.end;
                continue;
            }
            // A first name the model labelled apart from the person's surname right after it
            // ("Maelle" a place, "Dorsey-Quint" a person): one person.
            let first_name_apart = last.field == m.field
                && lt != EntityType::Person
                && mt == EntityType::Person
                && m.start == last.end + 1
                && t.as_bytes()[last.end] == b' '
                && !t[last.start..last.end].contains(' ')
                && res
                    .first_names
                    .contains_key(&lower(&t[last.start..last.end]));
            if first_name_apart {
                last.label = m.label.clone();
                last.end = m.end;
                continue;
            }
            if last.field == m.field && one_coordinated_name(t, last, &m, res) {
                last.end = m.end;
                continue;
            }
            // A place written before a body's name is part of it ("U.S." + "District Court",
            // "Ashford" + "Borough Council"), where names end on their head.
            if last.field == m.field
                && res.name_head == NameHead::Last
                && lt == EntityType::Location
                && mt == EntityType::Organization
                && m.start == last.end + 1
                && t.as_bytes()[last.end] == b' '
                && t[m.start..m.end].starts_with(char::is_uppercase)
                && !res
                    .articles
                    .contains_key(&lower(t[m.start..m.end].split(' ').next().unwrap_or("")))
            {
                last.label = m.label.clone();
                last.end = m.end;
                continue;
            }
            // A place's name cut after the abbreviation that opens its last part ("Sault Ste"
            // + "Marie"): one name, of the first part's type.
            if last.field == m.field
                && matches!(&t[last.end..m.start], " " | ". ")
                && t[m.start..m.end].starts_with(char::is_uppercase)
                && abbreviated_opener_at(t, last.start, last.end, res)
            {
                last.end = m.end;
                continue;
            }
            // An institution's short name in capitals and the seat it is named by ("FDSEA" +
            // "du" + "Tarn"): one body's name.
            if last.field == m.field && acronym_of_seat(t, last, &m, res) {
                last.label = "ORG".to_string();
                last.end = m.end;
                continue;
            }
            if last.field == m.field && elided_complement(t, last, &m, res) {
                last.end = m.end;
                continue;
            }
            if last.field == m.field
                && m.start == last.end + 1
                && t.as_bytes()[last.end] == b'-'
                && route_dash(t, last.start, m.end, res).is_none()
            {
                if m.end - m.start > last.end - last.start {
                    last.label = m.label.clone();
                }
                last.end = m.end;
                continue;
            }
        }
        merged.push(m);
    }
    for m in &mut merged {
        if let Some(e) = before_elided_end(doc.fields[m.field].text, m, res) {
            m.end = e;
        }
    }
    merged
}

/// Where a name the model ran on to an elided article or particle ends, when no name found
/// after the apostrophe was joined to it ("l'atelier Vireo de l'" + "Institut"): before the
/// elided word and the particle that governs it.
fn before_elided_end(t: &str, m: &M, res: &Profile) -> Option<usize> {
    if !t[m.end..].starts_with(['\'', '’']) {
        return None;
    }
    let (head, last) = t[m.start..m.end].rsplit_once(' ')?;
    let elided = format!("{}'", lower(last));
    if !res.articles.contains_key(&elided) && !res.particles.contains(&elided) {
        return None;
    }
    let head = head.trim_end();
    let head = match head.rsplit_once(' ') {
        Some((h, p)) if res.particles.contains(p) => h.trim_end(),
        _ => head,
    };
    Some(m.start + head.len())
}

/// Whether `last` and `m` are one name with a coordinator inside it, as "The Harbor and Coast
/// newspaper" says: a definite article before, the coordinator between, and a singular noun
/// of one place or organisation after (a context `after` word: "newspaper", "company"). Not
/// for persons ("the Lind and Vale families" are two).
fn one_coordinated_name(t: &str, last: &M, m: &M, res: &Profile) -> bool {
    let ty = label_type(&last.label);
    if m.start < last.end
        || ty != label_type(&m.label)
        || !matches!(ty, EntityType::Organization | EntityType::Location)
    {
        return false;
    }
    let gap = &t[last.end..m.start];
    let coordinated =
        gap.starts_with(' ') && gap.ends_with(' ') && res.and_words.contains(&lower(gap.trim()));
    let before = t[..last.start].split_whitespace().next_back().unwrap_or("");
    let after = t[m.end..].split_whitespace().next().unwrap_or("");
    coordinated
        && res.definites.contains(&lower(before))
        && res
            .context
            .after
            .get(&lower(after))
            .is_some_and(|a| *a == ty)
}

/// Whether the name `last` was cut at an elided complement or article before `m` ("l'Hôpital
/// universitaire d'" + "Arlon", "Musée de l'" + "Homme"): only apostrophes lie between them,
/// and the word they end is the elided form of a complement preposition or an article.
fn elided_complement(t: &str, last: &M, m: &M, res: &Profile) -> bool {
    let gap = &t[last.end.min(m.start)..m.start];
    if m.start < last.end
        || !gap.chars().all(|c| c == '\'' || c == '’')
        || !matches!(
            label_type(&last.label),
            EntityType::Organization | EntityType::Location
        )
        || !t[m.start..m.end].starts_with(char::is_uppercase)
        || !(t[last.start..last.end].starts_with(char::is_uppercase)
            || lower_case_head_first(&t[last.start..last.end], res))
    {
        return false;
    }
    let before = t[..m.start].trim_end_matches(['\'', '’']);
    let w_start = before
        .char_indices()
        .rfind(|(_, c)| !c.is_alphabetic())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let elided = format!("{}'", lower(&before[w_start..]));
    // The elided word is inside the name, and an apostrophe really follows it.
    w_start > last.start
        && m.start > before.len()
        && (res.complements.contains(&elided) || res.articles.contains_key(&elided))
}

/// Whether `last` is one word in capitals that heads an institution (an `org|` type word: «
/// la FDSEA », « le CHU »), where names put their head first, and only a complement
/// preposition and an article lie between it and `m` (« de la », « du », « d'»): the body of
/// that network named by its seat (« la FDSEA du Tarn », « le CHU d'Arlon »).
fn acronym_of_seat(t: &str, last: &M, m: &M, res: &Profile) -> bool {
    let w = &t[last.start..last.end];
    if m.start <= last.end
        || res.name_head != NameHead::First
        || !super::seat_named_acronym(w, res)
        || !t[m.start..m.end].starts_with(char::is_uppercase)
    {
        return false;
    }
    let gap = &t[last.end..m.start];
    let toks = tokenize(gap, &res.tokens);
    let ends_on_word = gap.ends_with(' ') || gap.ends_with(['\'', '’']);
    gap.starts_with(' ')
        && ends_on_word
        && match &toks[..] {
            [c] => res.complements.contains(&c.lower),
            [c, a] => res.complements.contains(&c.lower) && res.articles.contains_key(&a.lower),
            _ => false,
        }
}

/// Whether `name` opens on a lower-case head noun of a place or an institution ("conseil
/// régional de l'" + "Ordre des notaires": the model cut the name at the elision).
fn lower_case_head_first(name: &str, res: &Profile) -> bool {
    name.split_whitespace()
        .next()
        .is_some_and(|w| w.starts_with(char::is_lowercase) && res.is_head_word(w))
}

/// Drop hashtags ("#HarborStrong": a label of posts, no name of its own), hyphenated compounds
/// of other names ("Gabon-Sénégal" for a match), and a lone capitalised word at the start of a
/// sentence that the text also writes in lower case: a common noun ("Grève à la SNCF" … "la
/// grève").
pub(in crate::enrich::entities) fn drop_non_names(
    doc: &Document<'_>,
    res: &Profile,
    ms: &mut Vec<M>,
) {
    let text_of = |m: &M| &doc.fields[m.field].text[m.start..m.end];
    ms.retain(|m| {
        !text_of(m).starts_with('#') && !doc.fields[m.field].text[..m.start].ends_with('#')
    });
    let keys: HashSet<String> = ms.iter().map(|m| key(text_of(m))).collect();
    ms.retain(|m| !compound_of_known(text_of(m), &keys));
    ms.retain(|m| {
        let (t, w) = (doc.fields[m.field].text, text_of(m));
        let at_start = t[..m.start]
            .trim_end()
            .chars()
            .next_back()
            .is_none_or(|c| matches!(c, '.' | '!' | '?' | ':' | '\n' | '«' | '"' | '“'));
        let lw = lower(w);
        let common = !w.contains([' ', '-', '\'', '’'])
            && w.chars().skip(1).all(char::is_lowercase)
            && doc.fields.iter().any(|f| {
                f.text
                    .match_indices(lw.as_str())
                    .any(|(i, _)| word_bounded(f.text, i, i + lw.len()))
            });
        // A role and its complement opening a sentence, in apposition before a name: "Porte-
        // parole de la mairie, Ana Roy a dit …", "Spokesperson for the club, Ana Roy said".
        let role_phrase = w.contains(' ')
            && w.split(' ')
                .next()
                .is_some_and(|r| res.role(&lower(r)).is_some())
            && w.split(' ')
                .skip(1)
                .any(|x| x.starts_with(char::is_lowercase))
            && t[m.end..].split_once(", ").is_some_and(|(gap, r)| {
                // Up to the comma, the rest of the complement the span may have lost.
                gap.split_whitespace().count() <= 3
                    && gap.chars().all(|c| c.is_lowercase() || c == ' ')
                    && r.starts_with(char::is_uppercase)
            });
        !(at_start && (common || role_phrase))
    });
}

/// Whether a hyphenated name is made of other names of the text ("Gabon-Sénégal").
fn compound_of_known(text: &str, keys: &HashSet<String>) -> bool {
    if text.contains(' ') || !text.contains('-') {
        return false;
    }
    let parts: Vec<&str> = text.split('-').collect();
    // Split points where both sides are known names (each side may itself hold hyphens).
    (1..parts.len()).any(|i| {
        let (l, r) = (parts[..i].join("-"), parts[i..].join("-"));
        keys.contains(&key(&l)) && keys.contains(&key(&r))
    })
}

#[cfg(test)]
mod tests {
    use crate::enrich::entities::tests::{names, run};
    use crate::enrich::profile::Lang;
    use crate::enrich::types::EntityType::{Organization as O, Person as P};

    #[test]
    fn a_name_run_on_to_an_elided_article_ends_before_its_particle() {
        let t = "Elle travaille à l’atelier Vireo de l’Institut des mers depuis trois ans.";
        let es = run(Lang::Fr, t, &[("Vireo de l", "ORG")]);
        assert_eq!(names(&es), [("Vireo".to_string(), O)]);
        // A name found after the apostrophe is joined to it instead.
        let t = "Il a été soigné à l’Hôpital général d’Ostrevie la semaine dernière.";
        let es = run(
            Lang::Fr,
            t,
            &[("Hôpital général d", "ORG"), ("Ostrevie", "LOC")],
        );
        assert_eq!(names(&es), [("Hôpital général d’Ostrevie".to_string(), O)]);
    }

    #[test]
    fn a_first_name_labelled_apart_from_the_surname_after_it_is_one_person() {
        let t = "His lawyer, Helen Dorsey-Quint, argued that the firm had been overwhelmed.";
        let es = run(Lang::En, t, &[("Helen", "GPE"), ("Dorsey-Quint", "PERSON")]);
        assert_eq!(names(&es), [("Helen Dorsey-Quint".to_string(), P)]);
    }

    #[test]
    fn an_organisations_name_cut_before_its_complement_holds_it_whatever_its_label() {
        let t = "Le président de l'Association des amis de Tovel-Port, Jean Arvel, a démissionné.";
        let es = run(
            Lang::Fr,
            t,
            &[
                ("Association des amis de", "ORG"),
                ("Tovel-Port", "PER"),
                ("Jean Arvel", "PER"),
            ],
        );
        assert_eq!(
            names(&es),
            [
                ("Association des amis de Tovel-Port".to_string(), O),
                ("Jean Arvel".to_string(), P)
            ]
        );
    }
}
