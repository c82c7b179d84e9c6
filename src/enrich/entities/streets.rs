//! Streets the model missed. A street noun in lower case (`street_noun|` in `words.txt`: « rue »,
//! « impasse »), an optional complement preposition and article (« de la », « du », « de l' »)
//! and capitalised words or a date (« la rue de la Fontaine-Vieille », « le boulevard du
//! 14-Juillet », « l'impasse des Tilleuls ») name a street, whatever the words name on their
//! own: the model reads a capitalised common noun (« Fontaine », « Abbaye ») or a date as no
//! name. Where names put their head last, the street noun is capitalised and ends the name:
//! capitalised words, an ordinal or a number, then the noun ("Tovel Street", "West 14th Avenue",
//! "88 Avenue", "Mill Rd"), and no capitalised word after it ("Tovel Road Runners" is no street).
//! A house number before the name ("350 Harbor Drive") and a function word opening a sentence
//! ("On Tovel Street") are no part of it. Title-case fields are left alone: every word of them
//! is capitalised. Added only where no mention overlaps; a name the model found is grown by the
//! cleaning.

use super::headline::is_title_case;
use super::mention::{resort, uncovered, M};
use crate::enrich::analysis::Analysis;
use crate::enrich::profile::{NameHead, Profile};
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
        let head_last = res.name_head == NameHead::Last;
        if head_last && is_title_case(text) {
            continue;
        }
        for (i, t) in toks.iter().enumerate() {
            if !t.word || t.cap != head_last || !res.street_nouns.contains(&t.lower) {
                continue;
            }
            let span = if head_last {
                name_start(text, toks, i, res).map(|s| (s, t.end))
            } else {
                name_end(text, toks, i + 1, res).map(|e| (t.start, e))
            };
            let Some((s, e)) = span else {
                continue;
            };
            if uncovered(ms, before, fi, s, e) {
                ms.push(M::found(fi, s, e, EntityType::Location));
            }
        }
    }
    resort(ms, before);
}

/// The start of the street's name whose capitalised noun is token `i`, if capitalised words, an
/// ordinal or a number come before it and no capitalised word or number follows.
fn name_start(text: &str, toks: &[Tok], i: usize, res: &Profile) -> Option<usize> {
    let numeral = |x: &Tok| x.lower.starts_with(|c: char| c.is_ascii_digit());
    if toks
        .get(i + 1)
        .is_some_and(|n| text[toks[i].end..n.start] == *" " && (n.cap || numeral(n)))
    {
        return None;
    }
    let mut first = i;
    while first > 0 && i - first < MAX_NAME {
        let x = &toks[first - 1];
        if text[x.end..toks[first].start] != *"" && text[x.end..toks[first].start] != *" " {
            break;
        }
        let hyphen = x.lower == "-" && first >= 2 && toks[first - 2].cap;
        if !(x.word && (x.cap || numeral(x)) || hyphen) {
            break;
        }
        first -= 1;
    }
    // A house number before the name, a function word opening the sentence.
    while first < i {
        let x = &toks[first];
        let house = numeral(x) && toks[first + 1].cap && first + 1 < i;
        let function = res.function_words.contains(&x.lower) || res.definites.contains(&x.lower);
        if !(house || function || x.lower == "-") {
            break;
        }
        first += 1;
    }
    (first < i).then(|| toks[first].start)
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
    fn a_capitalised_street_noun_after_its_name_ends_a_place() {
        let t = "The fire spread from a shed on Tovelby Street to a garage off West 14th Avenue. \
                 On Marlby Road, 88 Avenue and the Sarne-Dunmere Highway traffic stopped; the \
                 office at 350 Harbor Drive stayed open.";
        let n = names(&run(Lang::En, t, &[]));
        for want in [
            "Tovelby Street",
            "West 14th Avenue",
            "Marlby Road",
            "88 Avenue",
            "Sarne-Dunmere Highway",
            "Harbor Drive",
        ] {
            assert!(n.contains(&(want.to_string(), L)), "{want}: {n:?}");
        }
    }

    #[test]
    fn a_street_noun_before_a_capitalised_word_or_in_a_title_names_nothing() {
        let t = "Tovelby Road Runners won again.";
        let n = names(&run(Lang::En, t, &[]));
        assert!(!n.iter().any(|(x, _)| x.ends_with("Road")), "{n:?}");
        // A field in title case: "Shuts Marlby Road" could be read as one name.
        let n = names(&run(Lang::En, "Council Shuts Marlby Road", &[]));
        assert!(!n.iter().any(|(x, _)| x.ends_with("Road")), "{n:?}");
    }

    #[test]
    fn a_street_noun_before_lower_case_words_names_nothing() {
        let t = "Il habite une rue de la vieille ville, au bout d'une impasse.";
        assert!(names(&run(Lang::Fr, t, &[])).is_empty());
    }
}
