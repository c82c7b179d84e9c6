//! Persons the model missed after their role. News writes a person's role in lower case right
//! before the full name ("local councillor Ada Rusk, of the Greens,", « l'adjointe Léa Morin
//! a répondu »); when the model found nothing there, two or three capitalised words after such
//! a role, closed by punctuation or a lower-case word, are the person's name.
//!
//! The same holds for a name set between commas after a noun phrase headed by a role ("the
//! county's chief of police, Ada Rusk, said", « le maire de Tovel, Léa Morin, a dit »).
//!
//! Not a name that holds a head word ("the minister Health Canada"), a stop word, a role or a
//! demonym, and not words another mention already covers.

use super::mention::{resort, M};
use crate::enrich::analysis::Analysis;
use crate::enrich::profile::{key, Profile};
use crate::enrich::tokens::Tok;
use crate::enrich::types::EntityType;

/// Add a person mention for every uncovered run of two or three capitalised words right after
/// a lower-case role word.
pub(super) fn apply(an: &Analysis<'_>, res: &Profile, ms: &mut Vec<M>) {
    let before = ms.len();
    for (fi, f) in an.fields.iter().enumerate() {
        let text = an.doc.fields[fi].text;
        let toks = &f.toks;
        for (i, r) in toks.iter().enumerate() {
            let after_role = r.word && !r.cap && res.role(&r.lower).is_some();
            let apposed = r.lower == "," && role_phrase_before(&toks[..i], res);
            if !after_role && !apposed {
                continue;
            }
            // The capitalised words after the role, each one space after the last.
            let j = capitalised_run(toks, i, 4, |w| plain_name_word(w, res));
            let n = j - i - 1;
            if !(2..=3).contains(&n) {
                continue;
            }
            // Closed by punctuation or a lower-case word, not by another capitalised word; in
            // apposition, by the comma that closes it.
            if toks.get(j).is_some_and(|x| x.word && x.cap)
                || (apposed && toks.get(j).is_none_or(|x| x.lower != ","))
            {
                continue;
            }
            let (s, e) = (toks[i + 1].start, toks[j - 1].end);
            let covered = ms[..before]
                .iter()
                .any(|m| m.field == fi && m.start < e && s < m.end);
            if !covered && text[s..e].chars().any(char::is_lowercase) {
                ms.push(M::found(fi, s, e, EntityType::Person));
            }
        }
    }
    resort(ms, before);
}

/// Whether the clause before a comma is a noun phrase headed by a lower-case role: from the
/// last punctuation mark, at most four words before the role, and after it nothing or its
/// complement ("the county's chief of police", « le président de la chambre »). A clause
/// with a verb or a name after the role is no apposition ("the mayor visited Tovel,").
fn role_phrase_before(toks: &[Tok], res: &Profile) -> bool {
    let start = toks
        .iter()
        .rposition(|x| !x.word && x.lower != "'" && x.lower != "-")
        .map_or(0, |i| i + 1);
    let clause = &toks[start..];
    if clause.len() > 10 {
        return false;
    }
    let Some(r) = clause
        .iter()
        .position(|x| x.word && !x.cap && res.role(&x.lower).is_some())
    else {
        return false;
    };
    r <= 4 && (r + 1 == clause.len() || res.complements.contains(&clause[r + 1].lower))
}

/// The index past the run of at most `max` capitalised words right after token `i`, each one
/// space after the last and `ok` by its lower-case form.
pub(super) fn capitalised_run(
    toks: &[Tok],
    i: usize,
    max: usize,
    ok: impl Fn(&str) -> bool,
) -> usize {
    let mut j = i + 1;
    while j < toks.len()
        && j - i <= max
        && toks[j].word
        && toks[j].cap
        && toks[j].start == toks[j - 1].end + 1
        && ok(&toks[j].lower)
    {
        j += 1;
    }
    j
}

/// Whether a capitalised word may be part of a person's name: letters (and hyphens) only, no
/// head word of a place or a body, no stop word, role or demonym.
pub(super) fn plain_name_word(w: &str, res: &Profile) -> bool {
    w.chars().all(|c| c.is_alphabetic() || c == '-')
        && !res.type_words.contains_key(&key(w))
        && !res.stop.contains(&key(w))
        && res.role(w).is_none()
        && !res.demonyms.contains(&key(w))
        && !res.function_words.contains(w)
        && !res.articles.contains_key(w)
}

#[cfg(test)]
mod tests {
    use super::super::tests::{names, run};
    use crate::enrich::profile::Lang;
    use crate::enrich::types::EntityType::{Organization as O, Person as P};

    #[test]
    fn a_name_after_a_lower_case_role_is_a_person_the_model_missed() {
        let t = "Local councillor Tamsin Vaughan-Rees, of the Greens, said she would vote no.";
        let es = run(Lang::En, t, &[]);
        assert_eq!(names(&es), [("Tamsin Vaughan-Rees".to_string(), P)]);
        let t = "Selon l'adjointe Maëlys Tandouri, le budget est tenu.";
        let es = run(Lang::Fr, t, &[]);
        assert_eq!(names(&es), [("Maëlys Tandouri".to_string(), P)]);
    }

    #[test]
    fn a_name_between_commas_after_a_role_phrase_is_a_person_the_model_missed() {
        let t = "The station commander of the rescue service, Obinna Fadeyi-Marsh, said the \
                 road was closed.";
        let es = run(Lang::En, t, &[]);
        assert_eq!(names(&es), [("Obinna Fadeyi-Marsh".to_string(), P)]);
        // A clause with a verb after its role is no apposition.
        let t = "The mayor visited Tovel Green, Marle Park, and the harbour.";
        let es = run(Lang::En, t, &[]);
        assert!(names(&es).is_empty(), "{:?}", names(&es));
    }

    #[test]
    fn a_body_after_a_role_or_a_name_the_model_found_stays_as_it_is() {
        let t = "The chairman Tovel Harbour Board met on Monday.";
        let es = run(Lang::En, t, &[]);
        assert!(
            names(&es).iter().all(|(_, ty)| *ty != P),
            "{:?}",
            names(&es)
        );
        let t = "The minister Ada Rusk Foundation grant was cut.";
        let es = run(Lang::En, t, &[("Ada Rusk Foundation", "ORG")]);
        assert_eq!(names(&es), [("Ada Rusk Foundation".to_string(), O)]);
    }
}
