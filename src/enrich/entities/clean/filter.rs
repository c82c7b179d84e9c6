//! What is no entity: stop words, roles, pronouns, articles, demonyms, lower-case words,
//! works between quotation marks.

use super::{Range, Span};
use crate::enrich::entities::mention::{CLOSE_MARKS, OPEN_MARKS};
use crate::enrich::profile::{key, lower, Gender, NameHead, Profile};
use crate::enrich::tokens::tokenize;
use crate::enrich::types::EntityType;

impl Span<'_> {
    /// A capitalised role closed by its head, where heads come last ("the state's Agriculture
    /// Minister, Ann Roe", "Defence Secretary"): a role, no name; not a person's name that a
    /// known first name opens ("John Major"), nor a body's ("Office of the Prime Minister").
    ///
    /// Also a portfolio role opening the span, its link and the portfolio ("the Minister for
    /// Health", "the Minister of Transport and Roads"): the office, which the model may call a
    /// body. Not a span the model called a person ("Minister for Health Ann Roe"), which is left
    /// to the rules that trim roles off a person's name.
    fn portfolio_role(&self, text: &str) -> bool {
        let res = self.res;
        let ws: Vec<&str> = text.split_whitespace().collect();
        let office = ws.len() >= 3
            && self.ty != EntityType::Person
            && ws[0].starts_with(char::is_uppercase)
            && res.portfolio_roles.contains(&lower(ws[0]))
            && res.portfolio_links.contains(&lower(ws[1]))
            && ws[2..]
                .iter()
                .all(|w| !res.first_names.contains_key(&lower(w)));
        if office {
            return true;
        }
        if res.name_head != NameHead::Last {
            return false;
        }
        (2..=3).contains(&ws.len())
            && ws.iter().all(|w| w.starts_with(char::is_uppercase))
            && ws.last().is_some_and(|w| res.role(&lower(w)).is_some())
            && !res.first_names.contains_key(&lower(ws[0]))
            && !res.articles.contains_key(&lower(ws[0]))
            && ws[..ws.len() - 1].iter().all(|w| !res.is_head_word(w))
    }

    /// Stop words, roles, pronouns, articles, demonyms (also as a common noun after an
    /// article), lower-case words that are no name particle, and works between quotation marks
    /// and the words at the edge of a title between them.
    pub(super) fn is_no_entity(&self, r: Range) -> bool {
        let (t, res) = (self.text, self.res);
        let text = &t[r.start..r.end];
        let k = key(text);
        let lw = lower(text);
        if (res.stop.contains(&k) && self.ty != EntityType::Person)
            || res.lone_nouns.contains(&k)
            || res.is_role_name(text)
            || res.pronouns.contains_key(&lw)
            || res.articles.contains_key(&lw)
        {
            return true;
        }
        if self.portfolio_role(text) {
            return true;
        }
        if res.demonyms.contains(&k) || compound_demonym(text, res) {
            return true;
        }
        if self.demonym_noun(r, &k) {
            return true;
        }
        let first_word = text.split([' ', '\'', '’']).next().unwrap_or("");
        // A head of two words counts ("centre hospitalier de …").
        let first_two: String = text.split(' ').take(2).collect::<Vec<_>>().join(" ");
        if text.chars().next().is_some_and(char::is_lowercase)
            && !res.particles.contains(&lower(first_word))
            && !res.is_head_word(first_word)
            && !res.is_head_word(&first_two)
            && !res.units.contains(&lower(first_word))
        {
            return true;
        }
        if glued_to_a_lower_case_prefix(t, r.start) {
            return true;
        }
        if self.part_of_a_title(r) {
            return true;
        }
        // A name of a work between quotation marks («Les Nénuphars»).
        let prev = t[..r.start].chars().next_back();
        let next = t[r.end..].chars().next();
        prev.is_some_and(|c| OPEN_MARKS.contains(&c))
            && next.is_some_and(|c| CLOSE_MARKS.contains(&c))
    }

    /// A one-word demonym-like noun after an article or a determiner ("les Lyonnais").
    fn demonym_noun(&self, r: Range, k: &str) -> bool {
        let (t, res) = (self.text, self.res);
        if t[r.start..r.end].contains(' ')
            || !res
                .demonym_suffixes
                .iter()
                .any(|suf| k.ends_with(suf.as_str()))
        {
            return false;
        }
        // Up to 8 bytes back, widened to a char boundary.
        let mut from = r.start.saturating_sub(8);
        while !t.is_char_boundary(from) {
            from -= 1;
        }
        let prev = tokenize(&t[from..r.start], &res.tokens);
        prev.last().is_some_and(|p| {
            // After a masculine definite article, a word the model called a place names a
            // region after its town (« dans le Tovelois », « le Marlais »); « les Tovelois »
            // and « un Tovelois » are people.
            let region = self.ty == EntityType::Location
                && res
                    .region_suffixes
                    .iter()
                    .any(|suf| k.ends_with(suf.as_str()))
                && res.definites.contains(&p.lower)
                && res.articles.get(&p.lower) == Some(&Gender::Masculine);
            !region
                && ((res.articles.contains_key(&p.lower) && !p.lower.ends_with('\''))
                    || res.demonym_dets.contains(&p.lower))
        })
    }
}

/// A hyphenated demonym: demonyms joined ("Belarusian-Polish") or combining forms in -o before
/// one ("Franco-Marocain", "Anglo-Irish", "Sino-Indian").
fn compound_demonym(text: &str, res: &Profile) -> bool {
    if !text.contains('-') || text.contains(' ') {
        return false;
    }
    let parts: Vec<String> = text.split('-').map(key).collect();
    let (last, front) = match parts.split_last() {
        Some((l, f)) if !f.is_empty() => (l, f),
        _ => return false,
    };
    res.demonyms.contains(last)
        && front
            .iter()
            .all(|p| res.demonyms.contains(p) || (p.chars().count() >= 3 && p.ends_with('o')))
}

/// A name glued by a hyphen after a lower-case word that is no piece of a compound itself
/// ("outre-Manche", "qu'outre-Manche",
/// "anti-Kremlin", "post-Franco"): a compound common word or adjective the name is a piece
/// of, not the name itself ("Saint-Malo" and "Seine-et-Marne" open on a capital or a name).
fn glued_to_a_lower_case_prefix(t: &str, start: usize) -> bool {
    let Some(before) = t[..start].strip_suffix('-') else {
        return false;
    };
    let w_start = before
        .char_indices()
        .rfind(|(_, c)| !c.is_alphabetic())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let w = &before[w_start..];
    !w.is_empty()
        && w.chars().all(char::is_lowercase)
        && before[..w_start]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric() && c != '-')
}

#[cfg(test)]
mod tests {
    use crate::enrich::entities::tests::{names, run};
    use crate::enrich::profile::Lang;
    use crate::enrich::types::EntityType::{Location as L, Person as P};

    #[test]
    fn a_region_named_after_its_town_is_a_place_and_its_people_no_name() {
        let t = "La grêle a touché les vignes dans le Tovelois. Les Tovelois attendent.";
        let found = names(&run(
            Lang::Fr,
            t,
            &[("Tovelois", "LOC"), ("Tovelois", "LOC")],
        ));
        assert_eq!(found, [("Tovelois".to_string(), L)]);
        // People, not a region: plural, indefinite, or a demonym in -ien.
        let t = "Un Tovelois a gagné. Le Gambien a fini deuxième.";
        let found = names(&run(
            Lang::Fr,
            t,
            &[("Tovelois", "LOC"), ("Gambien", "LOC")],
        ));
        assert_eq!(found, []);
    }

    #[test]
    fn an_office_the_model_called_a_body_is_no_name() {
        let t = "She wrote to the Minister for Health last week. The Minister of Transport and \
                 Roads, Tom Vale, replied.";
        let found = names(&run(
            Lang::En,
            t,
            &[
                ("Minister for Health", "ORG"),
                ("Minister of Transport and Roads", "ORG"),
                ("Tom Vale", "PERSON"),
            ],
        ));
        assert_eq!(found, [("Tom Vale".to_string(), P)]);
    }
}
