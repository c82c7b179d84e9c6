//! Natural features named by a capitalised head word: "the River Tove", "Lake Vern", "the
//! Tove River", "Vance Creek". The small English model often misses such a name whole ("on
//! the banks of the River Tove" gives no span at all) or keeps only the name ("Tove", read
//! as a person or a firm). A head word of `feature_first|` in `words.txt` followed by one to
//! three capitalised words, or such words followed by a head of `feature_last|`, is a place:
//! a mention is added where the model had none, and the model's mentions inside the name are
//! widened to it. A mention reaching outside the name (a body named after the river, "Tove
//! River Trust") is left as the model read it.

use super::mention::M;
use super::role_names::capitalised_run;
use crate::enrich::analysis::Analysis;
use crate::enrich::profile::{key, Profile, TypeWord};
use crate::enrich::tokens::Tok;
use crate::enrich::types::EntityType;
use std::collections::HashSet;

/// Most capitalised words of a feature's own name.
const MAX_NAME_WORDS: usize = 3;

/// One feature's name found in a field: byte range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Feature {
    start: usize,
    end: usize,
}

/// Add or widen to places the features named by a head word.
pub(super) fn apply(an: &Analysis<'_>, res: &Profile, ms: &mut Vec<M>) {
    if res.feature_first.is_empty() && res.feature_last.is_empty() {
        return;
    }
    let mut added = false;
    for (fi, f) in an.fields.iter().enumerate() {
        for feature in find(&f.toks, res) {
            added |= mark(ms, fi, feature);
        }
    }
    if added {
        ms.sort_by_key(|m| (m.field, m.start));
    }
}

/// The features of one field's tokens.
fn find(toks: &[Tok], res: &Profile) -> Vec<Feature> {
    let mut out = Vec::new();
    let mut seen: HashSet<usize> = HashSet::new();
    for (i, t) in toks.iter().enumerate() {
        if !(t.word && t.cap) {
            continue;
        }
        // Not a head inside a longer name ("the Snake River Birds of Prey Area", "Vern Lake
        // First Nation").
        let inside = i > 0 && name_word(&toks[i - 1], res) && !opens_sentence(toks, i - 1);
        if res.feature_first.contains(&t.lower) && !inside {
            let n = capitalised_run(toks, i, MAX_NAME_WORDS, |w| name_word_form(w, res)) - i - 1;
            if n > 0 {
                out.push(Feature {
                    start: t.start,
                    end: toks[i + n].end,
                });
                seen.insert(i);
                continue;
            }
        }
        let continued = toks.get(i + 1).is_some_and(|n| name_word(n, res));
        if res.feature_last.contains(&t.lower) && i > 0 && !seen.contains(&i) && !continued {
            let n = name_words_back(toks, i, res);
            // Not the head word of a name just read ("River Tove River" is no name).
            if n > 0 && !res.feature_first.contains(&toks[i - n].lower) {
                out.push(Feature {
                    start: toks[i - n].start,
                    end: t.end,
                });
            }
        }
    }
    out
}

/// Whether token `t` may be a word of a feature's own name: a capitalised word that is no
/// grammar word ("In", "The") nor another head.
fn name_word(t: &Tok, res: &Profile) -> bool {
    t.word && t.cap && name_word_form(&t.lower, res)
}

/// [`name_word`] by the lower-case form of a capitalised word.
fn name_word_form(w: &str, res: &Profile) -> bool {
    !res.function_words.contains(w)
        && !res.articles.contains_key(w)
        && !res.stop.contains(&key(w))
        && !res.feature_last.contains(w)
        // "Lake Vern Authority": the body's head word ends the feature's name.
        && res.type_words.get(&key(w)) != Some(&TypeWord::Org)
}

/// How many name words stand right before token `at` (at most [`MAX_NAME_WORDS`]), the first
/// of them not opening a sentence: a capital there says nothing of a name ("Flooding River
/// levels …" is no feature).
fn name_words_back(toks: &[Tok], at: usize, res: &Profile) -> usize {
    let mut n = 0;
    while n < MAX_NAME_WORDS && at > n {
        let t = &toks[at - n - 1];
        let spaced = t.end + 1 == toks[at - n].start;
        if !spaced || !name_word(t, res) {
            break;
        }
        n += 1;
    }
    while n > 0 && opens_sentence(toks, at - n) {
        n -= 1;
    }
    n
}

/// Whether token `k` opens a sentence: first of its field, or after a full stop, a question
/// or exclamation mark, or a line break's paragraph.
fn opens_sentence(toks: &[Tok], k: usize) -> bool {
    k == 0
        || matches!(
            toks[k - 1].lower.as_str(),
            "." | "!" | "?" | ":" | "\"" | "“"
        )
}

/// Add `f` as a place mention of field `fi`, or widen to it the mentions inside it; nothing
/// when a mention reaches outside it. Whether a mention was added.
fn mark(ms: &mut Vec<M>, fi: usize, f: Feature) -> bool {
    let overlapping: Vec<usize> = (0..ms.len())
        .filter(|&k| ms[k].field == fi && ms[k].start < f.end && f.start < ms[k].end)
        .collect();
    if overlapping
        .iter()
        .any(|&k| ms[k].start < f.start || ms[k].end > f.end)
    {
        return false;
    }
    match overlapping[..] {
        [] => {
            ms.push(M::found(fi, f.start, f.end, EntityType::Location));
            true
        }
        [k, ..] => {
            ms[k].start = f.start;
            ms[k].end = f.end;
            ms[k].hint = Some(EntityType::Location);
            let drop: HashSet<usize> = overlapping[1..].iter().copied().collect();
            let mut i = 0;
            ms.retain(|_| {
                i += 1;
                !drop.contains(&(i - 1))
            });
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{names, run};
    use crate::enrich::profile::Lang;
    use crate::enrich::types::EntityType;

    const L: EntityType = EntityType::Location;

    #[test]
    fn a_name_beside_a_features_head_word_is_the_feature() {
        // Missed whole by the model, before and after the head.
        let t = "Anglers on the banks of the River Tove said the Marle Creek dried up.";
        let es = run(Lang::En, t, &[]);
        let n = names(&es);
        assert!(n.contains(&("River Tove".to_string(), L)), "{n:?}");
        assert!(n.contains(&("Marle Creek".to_string(), L)), "{n:?}");
        // The model kept the name only, as a person: widened to the feature.
        let t = "Barges sail up the River Carden each spring.";
        let es = run(Lang::En, t, &[("Carden", "PERSON")]);
        assert_eq!(names(&es), [("River Carden".to_string(), L)]);
        // A body named after the river keeps its own name.
        let t = "The Carden River Trust said the water was clean.";
        let es = run(Lang::En, t, &[("The Carden River Trust", "ORG")]);
        let n = names(&es);
        assert!(
            !n.iter().any(|(x, ty)| x == "Carden River" && *ty == L),
            "{n:?}"
        );
        // Nor a head inside a longer name.
        let t = "Elders of the Vern Lake First Nation met on Monday.";
        let es = run(Lang::En, t, &[]);
        let n = names(&es);
        assert!(!n.iter().any(|(x, _)| x == "Lake First Nation"), "{n:?}");
        // A capital opening the sentence, or a lower-case word, names nothing.
        let t = "Flooding River levels rose. The river rose too.";
        let es = run(Lang::En, t, &[]);
        assert!(names(&es).is_empty(), "{:?}", names(&es));
    }
}
