//! Streets the model missed. A street noun in lower case (`street_noun|` in `words.txt`: « rue »,
//! « impasse »), an optional complement preposition and article (« de la », « du », « de l' »)
//! and capitalised words or a date (« la rue de la Fontaine-Vieille », « le boulevard du
//! 14-Juillet », « l'impasse des Tilleuls ») name a street, whatever the words name on their
//! own: the model reads a capitalised common noun (« Fontaine », « Abbaye ») or a date as no
//! name. Added only where no mention overlaps; a name the model found is grown by the cleaning.

use super::mention::{resort, uncovered, M};
use crate::enrich::analysis::Analysis;
use crate::enrich::profile::Profile;
use crate::enrich::tokens::Tok;
use crate::enrich::types::EntityType;

/// Most tokens of a street's name after its noun and complement.
const MAX_NAME: usize = 6;

/// Add a place mention for every uncovered street noun with its capitalised name.
pub(super) fn apply(an: &Analysis<'_>, res: &Profile, ms: &mut Vec<M>) {
    if res.street_nouns.is_empty() {
        return;
    }
    let before = ms.len();
    for (fi, f) in an.fields.iter().enumerate() {
        let text = an.doc.fields[fi].text;
        let toks = &f.toks;
        for (i, t) in toks.iter().enumerate() {
            if !t.word || t.cap || !res.street_nouns.contains(&t.lower) {
                continue;
            }
            let Some(end) = name_end(text, toks, i + 1, res) else {
                continue;
            };
            let (s, e) = (t.start, end);
            if uncovered(ms, before, fi, s, e) {
                ms.push(M::found(fi, s, e, EntityType::Location));
            }
        }
    }
    resort(ms, before);
}

/// The end of the street's name whose complement opens at token `j`, if capitalised words or a
/// date follow it.
fn name_end(text: &str, toks: &[Tok], mut j: usize, res: &Profile) -> Option<usize> {
    let lower_at = |k: usize| {
        toks.get(k)
            .filter(|x| x.word && !x.cap)
            .map(|x| x.lower.as_str())
    };
    if lower_at(j).is_some_and(|w| res.complements.contains(w) || res.contracted.contains(w)) {
        j += 1;
        if lower_at(j).is_some_and(|w| res.definites.contains(w)) {
            j += 1;
        }
    }
    let mut end = None;
    let mut k = j;
    while k < toks.len() && k < j + MAX_NAME {
        let x = &toks[k];
        let glued = k == j || text[toks[k - 1].end..x.start].chars().all(|c| c == ' ');
        let numeral = x.lower.starts_with(|c: char| c.is_ascii_digit());
        // « 14-Juillet » in one token, or « 30 » before « Juin ».
        let dated =
            numeral && text[x.start..x.end].contains("-") && x.lower != text[x.start..x.end];
        let date = numeral && toks.get(k + 1).is_some_and(|n| n.cap || n.lower == "-");
        let hyphen = x.lower == "-" && end.is_some() && toks.get(k + 1).is_some_and(|n| n.word);
        if !glued || !(x.word && x.cap || dated || date || hyphen) {
            break;
        }
        if x.word && x.cap || dated {
            end = Some(x.end);
        }
        k += 1;
    }
    end
}

#[cfg(test)]
mod tests {
    use super::super::tests::{names, run};
    use crate::enrich::profile::Lang;
    use crate::enrich::types::EntityType::Location as L;

    #[test]
    fn a_street_noun_and_its_capitalised_name_are_a_place() {
        let t = "Le feu a pris rue de la Fontaine-Vieille, près de l'impasse des Tilleuls et du \
                 boulevard du 14-Juillet.";
        let n = names(&run(Lang::Fr, t, &[]));
        for want in [
            "rue de la Fontaine-Vieille",
            "impasse des Tilleuls",
            "boulevard du 14-Juillet",
        ] {
            assert!(n.contains(&(want.to_string(), L)), "{want}: {n:?}");
        }
    }

    #[test]
    fn a_street_noun_before_lower_case_words_names_nothing() {
        let t = "Il habite une rue de la vieille ville, au bout d'une impasse.";
        assert!(names(&run(Lang::Fr, t, &[])).is_empty());
    }
}
