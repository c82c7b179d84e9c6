//! Acronyms the model missed: an article that names "Paris Saint-Germain" or "the Coastal
//! Fisheries Authority" often goes on with "le PSG", "the CFA". A word in capitals spelled by
//! the initials of a name found in the article (function words, particles and legal forms
//! aside, as the linking of acronyms reads them) is a mention of it, of its type; the linking
//! then joins the two. Not inside a line in capitals ("SHOCK AS WE PAY MORE"), not a function
//! word, not a person's initials.
//!
//! And the acronyms the model called places ([`bodies`]): running text writes a place in
//! capitals only as a known code ("US", « RDC ») or a dateline, so a name in capitals that
//! neither the knowledge base nor the gazetteer knows as a place is a body's ("the TVSA
//! board", « les élus de la CCTM »).

use super::cluster::significant_initials;
use super::mention::{resort, M};
use super::typing::label_type;
use crate::enrich::analysis::Analysis;
use crate::enrich::gazetteer::gazetteer;
use crate::enrich::kb::Kb;
use crate::enrich::profile::{key, lower, Profile, TypeWord};
use crate::enrich::types::EntityType;
use std::collections::HashMap;

/// Longest acronym looked for, in letters.
const MAX_LETTERS: usize = 6;

/// Add a mention for every uncovered word in capitals that spells a found name's initials.
pub(super) fn apply(an: &Analysis<'_>, res: &Profile, ms: &mut Vec<M>) {
    let mut wanted: HashMap<String, Option<EntityType>> = HashMap::new();
    for m in ms.iter() {
        let ty = m.ty();
        if matches!(ty, EntityType::Person | EntityType::Misc) {
            continue;
        }
        let name = &an.doc.fields[m.field].text[m.start..m.end];
        let ac = significant_initials(name, res);
        if !(2..=MAX_LETTERS).contains(&ac.chars().count()) {
            continue;
        }
        // Two names of different types spelling the same letters: neither.
        let e = wanted.entry(ac).or_insert(Some(ty));
        if *e != Some(ty) {
            *e = None;
        }
    }
    if wanted.is_empty() {
        return;
    }
    let before = ms.len();
    let shouted = |w: &str| w.chars().count() >= 2 && w.chars().all(|c| c.is_uppercase());
    for (fi, f) in an.fields.iter().enumerate() {
        let text = an.doc.fields[fi].text;
        let toks = &f.toks;
        for (i, x) in toks.iter().enumerate() {
            let w = &text[x.start..x.end];
            if !(x.word && w.chars().all(|c| c.is_alphabetic() && c.is_uppercase())) {
                continue;
            }
            let Some(Some(ty)) = wanted.get(&key(w)) else {
                continue;
            };
            // Not inside a run of capitals ("SHOCK AS WE PAY MORE"): a shouted line.
            let word_at = |j: Option<usize>| {
                j.and_then(|j| toks.get(j))
                    .filter(|y| y.word)
                    .is_some_and(|y| shouted(&text[y.start..y.end]))
            };
            let lw = lower(w);
            let common = word_at(i.checked_sub(1))
                || word_at(Some(i + 1))
                || res.stop.contains(&lw)
                || res.function_words.contains(&lw);
            let covered = ms[..before]
                .iter()
                .any(|m| m.field == fi && m.start < x.end && x.start < m.end);
            if !common && !covered {
                ms.push(M::found(fi, x.start, x.end, *ty));
            }
        }
    }
    resort(ms, before);
}

/// Hint as bodies the place-labelled mentions written as acronyms (two capitals or more and
/// no more small letters: "TVSA", "CC-TM", "NStCM", "TVSA RPN") that the knowledge base and
/// the gazetteer do not know as places; not a road's number ("RD 964", "A82"), a roman
/// numeral ("II"), a unit after an amount, a name closed by a number or a short code in
/// brackets.
pub(super) fn bodies(an: &Analysis<'_>, res: &Profile, kb: &Kb, ms: &mut [M]) {
    for m in ms.iter_mut() {
        if m.hint.is_some() || label_type(&m.label) != EntityType::Location {
            continue;
        }
        let t = &an.doc.fields[m.field].text[m.start..m.end];
        let upper = t.chars().filter(|c| c.is_uppercase()).count();
        let small = t.chars().filter(|c| c.is_lowercase()).count();
        if upper < 2 || small > upper || t.chars().any(|c| matches!(c, '.' | '\'' | '’')) {
            continue;
        }
        let road = t.split_whitespace().next().is_some_and(|w| {
            let letters = lower(w.trim_end_matches(|c: char| c.is_ascii_digit()));
            res.road_prefixes.contains_key(&letters) && (w.len() > letters.len() || t.contains(' '))
        });
        let roman = t.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C'));
        let text = an.doc.fields[m.field].text;
        // A unit after an amount ("5 DH"), a model's number ("EPR2"), a region's short code in
        // brackets after a town ("Tovel (VS)").
        let unit = text[..m.start]
            .trim_end()
            .ends_with(|c: char| c.is_ascii_digit());
        let bracketed = text[..m.start].ends_with('(')
            && text[m.end..].starts_with(')')
            && t.chars().count() <= 3;
        if unit || bracketed || t.ends_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        let place = kb.names_place_by(t, 0, false)
            || kb.names_region(t)
            || gazetteer()
                .lookup(t)
                .is_some_and(|(ty, _)| ty == EntityType::Location);
        if !road && !roman && !place {
            m.hint = Some(EntityType::Organization);
        }
    }
}

/// Words before a short form's parenthesis among which its name may open.
const MAX_DEFINED_WORDS: usize = 14;

/// Hint as bodies the short forms defined in parentheses right after a body's name:
/// « l'association des riverains du Tovel (ART) », "the Tovel Water Agency (TWA)". The name
/// holds an organisation's head word (`org|` in `type_words.txt`) and opens at most
/// [`MAX_DEFINED_WORDS`] words before the parenthesis in the same sentence, on a word with the
/// short form's first letter; the short form's letters come in the name's order. The model
/// often calls such a short form a place or a title, and its later mentions follow its type.
/// A short form no mention covers is added as a body. Not after a body's name the model
/// found: the linking joins the two.
pub(super) fn defined(an: &Analysis<'_>, res: &Profile, kb: &Kb, ms: &mut Vec<M>) {
    let before = ms.len();
    for fi in 0..an.fields.len() {
        let text = an.doc.fields[fi].text;
        for (open, _) in text.match_indices('(') {
            let s = open + 1;
            let Some(len) = text[s..].find(')') else {
                continue;
            };
            let e = s + len;
            let short = &text[s..e];
            // A body's name found before it holds it already: the linking joins them.
            let named = ms[..before].iter().any(|m| {
                m.field == fi
                    && m.end <= open
                    && text[m.end..open].trim().is_empty()
                    && m.ty() == EntityType::Organization
            });
            if named || !short_form(short) {
                continue;
            }
            let body_word = defines(&text[..open], short, res);
            spelled_name(an, res, kb, &mut ms[..before], fi, open, short, body_word);
            if !body_word {
                continue;
            }
            let mut covered = false;
            for m in ms[..before].iter_mut().filter(|m| m.field == fi) {
                if m.start == s && m.end == e {
                    if m.ty() != EntityType::Person {
                        m.hint = Some(EntityType::Organization);
                    }
                    covered = true;
                } else if m.start < e && s < m.end {
                    covered = true;
                }
            }
            if !covered {
                ms.push(M::found(fi, s, e, EntityType::Organization));
            }
        }
    }
    resort(ms, before);
}

/// Hint as a body a name the model called a place, a person or a title when the short form
/// in brackets right after it spells it from its first word ("Tovel Surf Rescue (TSR)",
/// « Jeunes Éleveurs du Marlby (JEM) »), and the short form with it: a name defined by its
/// initials is a body's. Not a place the knowledge base or the gazetteer knows, nor a name
/// holding a place's head word ("Tovel International Airport (TIA)"). A title is a body's only
/// with a body's head word (`body_word`): terms and documents are defined so too ("the Tovel
/// Boot Record (TBR)").
#[allow(clippy::too_many_arguments)]
fn spelled_name(
    an: &Analysis<'_>,
    res: &Profile,
    kb: &Kb,
    ms: &mut [M],
    fi: usize,
    open: usize,
    short: &str,
    body_word: bool,
) {
    let text = an.doc.fields[fi].text;
    let Some(n) = ms
        .iter()
        .position(|m| m.field == fi && m.end <= open && text[m.end..open].trim().is_empty())
    else {
        return;
    };
    let name = &text[ms[n].start..ms[n].end];
    let words: Vec<String> = name
        .split(|c: char| c.is_whitespace() || c == '-' || c == '\'' || c == '’')
        .filter(|w| !w.is_empty())
        .map(key)
        .collect();
    let letters: Vec<char> = key(short).chars().filter(|c| c.is_alphabetic()).collect();
    let place_word = words
        .iter()
        .any(|w| res.type_words.get(w) == Some(&TypeWord::Loc));
    let place = kb.names_place_by(name, 0, false)
        || kb.names_region(name)
        || gazetteer()
            .lookup(name)
            .is_some_and(|(ty, _)| ty == EntityType::Location);
    let spelled = words.len() >= 2
        && letters.len() >= words.len().min(2)
        && words[0].starts_with(letters[0])
        && in_order(&letters, &words.concat());
    let ty = ms[n].ty();
    let title = ty == EntityType::Misc && !body_word;
    if !spelled || place_word || place || title || ty == EntityType::Organization {
        return;
    }
    ms[n].hint = Some(EntityType::Organization);
    let s = open + 1;
    for m in ms.iter_mut() {
        if m.field == fi && m.start == s && m.end == s + short.len() {
            m.hint = Some(EntityType::Organization);
        }
    }
}

/// Whether `w` may be a short form: one word of 2 to 10 letters, digits or hyphens, opening on
/// a capital, with another capital or all small letters after it ("TWA", "Dirreg", "CA2BM").
fn short_form(w: &str) -> bool {
    let n = w.chars().count();
    (2..=10).contains(&n)
        && w.starts_with(char::is_uppercase)
        && w.chars().all(|c| c.is_alphanumeric() || c == '-')
        && w.chars().filter(|c| c.is_alphabetic()).count() >= 2
}

/// Whether the end of `before` is a body's name that `short` abbreviates.
fn defines(before: &str, short: &str, res: &Profile) -> bool {
    let cut = before
        .char_indices()
        .rev()
        .find(|(_, c)| ".;:!?«»\"“”()\n".contains(*c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let sentence = &before[cut..];
    let words: Vec<&str> = sentence
        .split(|c: char| c.is_whitespace() || c == '\'' || c == '’')
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect();
    let letters: Vec<char> = key(short).chars().filter(|c| c.is_alphabetic()).collect();
    let from = words.len().saturating_sub(MAX_DEFINED_WORDS);
    let word = |i: usize| key(words[i].trim_matches(|c: char| !c.is_alphanumeric()));
    let org = |i: usize| {
        let w = word(i);
        let two = words.get(i + 1).map(|n| format!("{w} {}", key(n)));
        res.type_words.get(&w) == Some(&TypeWord::Org)
            || two.is_some_and(|t| res.type_words.get(&t) == Some(&TypeWord::Org))
    };
    (from..words.len()).any(|i| {
        word(i).starts_with(letters[0])
            && (i..words.len()).any(org)
            && in_order(&letters, &key(&words[i..].join(" ")))
    })
}

/// Whether `letters` come in order in `name`.
fn in_order(letters: &[char], name: &str) -> bool {
    let mut rest = name.chars();
    letters.iter().all(|l| rest.any(|c| c == *l))
}

#[cfg(test)]
mod tests {
    use super::super::tests::{names, run};
    use crate::enrich::profile::Lang;
    use crate::enrich::types::EntityType::{Location as L, Organization as O};

    #[test]
    fn an_acronym_of_a_found_name_is_that_name() {
        let t =
            "Le Racing Club de Vernet a battu Lorval. Les supporters du RCV ont fêté la victoire.";
        let es = run(
            Lang::Fr,
            t,
            &[("Racing Club de Vernet", "ORG"), ("Lorval", "ORG")],
        );
        let rcv = es
            .iter()
            .find(|e| e.name == "Racing Club de Vernet")
            .unwrap();
        assert_eq!(rcv.mentions.len(), 2, "{:?}", rcv.mentions);
        let t = "The Coastal Fisheries Authority closed the bay on Monday. The CFA will reopen it.";
        let es = run(Lang::En, t, &[("Coastal Fisheries Authority", "ORG")]);
        assert_eq!(names(&es), [("Coastal Fisheries Authority".to_string(), O)]);
        assert_eq!(es[0].mentions.len(), 2, "{:?}", es[0].mentions);
    }

    #[test]
    fn shouted_lines_and_unspelled_capitals_stay_out() {
        // "WE" spells "Western Energy" inside a shouted line; "NEWS" spells nothing found.
        let t = "Western Energy cut prices. SHOCK AS WE PAY MORE, one paper wrote. NEWS spread.";
        let es = run(Lang::En, t, &[("Western Energy", "ORG")]);
        assert_eq!(names(&es), [("Western Energy".to_string(), O)]);
        assert_eq!(es[0].mentions.len(), 1, "{:?}", es[0].mentions);
        let t = "Upper Saxony cut taxes. Firms in US states waited.";
        let es = run(Lang::En, t, &[("Upper Saxony", "GPE")]);
        assert_eq!(es[0].mentions.len(), 2, "{:?}", es[0].mentions);
        assert_eq!(es[0].entity_type, L);
    }

    #[test]
    fn an_acronym_the_model_calls_a_place_is_a_body_unless_a_place_is_so_named() {
        let t = "Les élus de la CCTM ont voté à Tovel (VS), loin des USA, pour 5 DH par mois.";
        let spans = [
            ("CCTM", "LOC"),
            ("Tovel", "LOC"),
            ("VS", "LOC"),
            ("USA", "LOC"),
            ("DH", "LOC"),
        ];
        let es = run(Lang::Fr, t, &spans);
        let n = names(&es);
        assert!(n.contains(&("CCTM".to_string(), O)), "{n:?}");
        for place in ["VS", "USA", "DH"] {
            assert!(!n.contains(&(place.to_string(), O)), "{place}: {n:?}");
        }
    }

    #[test]
    fn a_short_form_defined_after_a_bodys_name_is_that_body() {
        // The model cut the name short and called its short form a place.
        let t = "L'Association des usagers des bus de la Côte de Tovel (Aubct) proteste. L'Aubct \
                 a écrit au maire de Sarne (VS).";
        let spans = [
            ("Association des usagers des bus de la", "ORG"),
            ("Côte de Tovel", "LOC"),
            ("Aubct", "LOC"),
            ("Aubct", "LOC"),
            ("Sarne", "LOC"),
            ("VS", "LOC"),
        ];
        let es = run(Lang::Fr, t, &spans);
        let n = names(&es);
        assert!(n.contains(&("Aubct".to_string(), O)), "{n:?}");
        // A place's code in brackets is no body's short form.
        assert!(!n.contains(&("VS".to_string(), O)), "{n:?}");
        // A short form the model missed is added.
        let t = "The Tovel board of inquiry (TBI) sat on Monday.";
        let es = run(Lang::En, t, &[("TBI", "GPE")]);
        assert_eq!(names(&es), [("TBI".to_string(), O)]);
        let t = "Water from the Marlow Vale Irrigation Board (MVIB) ran short in May.";
        // After the body's name the model found, the linking joins the two.
        let es = run(Lang::En, t, &[("Marlow Vale Irrigation Board", "ORG")]);
        assert_eq!(
            names(&es),
            [("Marlow Vale Irrigation Board".to_string(), O)]
        );
    }

    #[test]
    fn a_name_its_bracketed_initials_spell_is_a_body_unless_a_place() {
        // The model called the names a title and a person; their initials define them.
        let t = "L'Entente sportive de Marlby (ESM) a gagné. L'ESM jouera la finale.";
        let es = run(Lang::Fr, t, &[("Entente sportive de Marlby", "MISC")]);
        let n = names(&es);
        assert!(
            n.contains(&("Entente sportive de Marlby".to_string(), O)),
            "{n:?}"
        );
        // A title without a body's head word is a term or a document, defined so too.
        let t = "The Tovel Boot Record (TBR) was overwritten by the update.";
        let es = run(Lang::En, t, &[("Tovel Boot Record", "WORK_OF_ART")]);
        assert_eq!(es[0].entity_type, crate::enrich::types::EntityType::Misc);
        let t = "Volunteers of Tovel Surf Rescue (TSR) pulled two swimmers from the bay.";
        let es = run(Lang::En, t, &[("Tovel Surf Rescue", "PERSON")]);
        let n = names(&es);
        assert!(n.contains(&("Tovel Surf Rescue".to_string(), O)), "{n:?}");
        // A place's head word keeps the place, short form or not.
        let t = "Flights left Tovel International Airport (TIA) two hours late.";
        let es = run(Lang::En, t, &[("Tovel International Airport", "FAC")]);
        let n = names(&es);
        assert!(
            n.contains(&("Tovel International Airport".to_string(), L)),
            "{n:?}"
        );
        // Letters that do not spell the name from its first word define nothing.
        let t = "Anne Sarne (Marlby) a parlé.";
        let es = run(Lang::Fr, t, &[("Anne Sarne", "PER")]);
        assert_eq!(es[0].entity_type, crate::enrich::types::EntityType::Person);
    }
}
