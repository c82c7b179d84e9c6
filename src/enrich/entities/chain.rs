//! The rest of an institution's lower-case complement chain. Where a language writes a name's
//! head first and only its first word capitalised ("l'Office national de la statistique
//! agricole et des pêches", "la Ligue de défense contre le bruit"), the model often stops
//! inside the chain, at a word of the chain it has already run into ("…de la statistique
//! agricole"). A span that already ends on a lower-case word after its capitalised head shows
//! the model read the lower-case words as the name's; the name then runs on over what the parse
//! reads as more of the chain: a complement preposition (or a preposition that links a name's
//! complement, `name_prep|…` in `words.txt`), an optional article, a common noun and up to two
//! adjectives; after a complement of its own, a coordinated complement too ("et des pêches").

use super::mention::M;
use crate::enrich::kb::Kb;
use crate::enrich::profile::{key, NameHead, Profile, TypeWord};
use crate::enrich::syntax::{FieldAnalysis, Pos, SyntaxToken};
use crate::enrich::types::{Document, EntityType};

/// Most complements added after the model's span.
const MAX_LINKS: usize = 4;
/// Most adjectives after a complement's noun.
const MAX_ADJS: usize = 2;

/// Extend the organisation and place mentions that stop inside their lower-case complement
/// chain. Needs the parse; without one, nothing changes.
pub(super) fn extend(
    doc: &Document<'_>,
    parse: &[FieldAnalysis],
    res: &Profile,
    kb: &Kb,
    ms: &mut [M],
) {
    if parse.is_empty() || res.name_head != NameHead::First {
        return;
    }
    for i in 0..ms.len() {
        let m = &ms[i];
        if !matches!(m.ty(), EntityType::Organization | EntityType::Location) {
            continue;
        }
        let Some(fa) = parse.iter().find(|fa| fa.field == m.field) else {
            continue;
        };
        let t = doc.fields[m.field].text;
        if let Some(end) = verb_cut(t, &fa.analysis.tokens, m, res) {
            ms[i].end = end;
            continue;
        }
        let toks = &fa.analysis.tokens;
        // The adjectives of a capitalised last word, then the chain after them ("le Conseil" +
        // "supérieur" + "de la magistrature").
        let adjectives = adjective_end(t, toks, m, res, kb);
        let widened = M {
            end: adjectives.unwrap_or(m.end),
            ..m.clone()
        };
        let Some(end) = chain_end(t, toks, &widened, res).or(adjectives) else {
            continue;
        };
        // Never into another mention.
        let (field, from) = (m.field, m.end);
        if ms
            .iter()
            .any(|o| o.field == field && o.start < end && o.end > from)
        {
            continue;
        }
        ms[i].end = end;
    }
}

/// Where the name of `m` ends without the verb a complement rule ran it into ("Conseil" +
/// "d'interdire"): a name's lower-case complement is a noun, never a verb.
fn verb_cut(t: &str, toks: &[SyntaxToken], m: &M, res: &Profile) -> Option<usize> {
    let inside: Vec<&SyntaxToken> = toks
        .iter()
        .filter(|x| x.start >= m.start && x.end <= m.end)
        .collect();
    let lower = |x: &SyntaxToken| crate::enrich::profile::lower(&t[x.start..x.end]);
    let (last, rest) = inside.split_last()?;
    if !matches!(last.pos, Pos::Verb | Pos::Aux)
        || !t[last.start..last.end].starts_with(char::is_lowercase)
    {
        return None;
    }
    let kept = rest.iter().rposition(|x| {
        !(res.complements.contains(&lower(x)) || res.articles.contains_key(&lower(x)))
    })?;
    Some(rest[kept].end).filter(|&e| e > m.start && kept + 1 < rest.len())
}

/// Where the name of `m` ends with the rest of its complement chain, if the parse shows more.
fn chain_end(t: &str, toks: &[SyntaxToken], m: &M, res: &Profile) -> Option<usize> {
    let inside: Vec<&SyntaxToken> = toks
        .iter()
        .filter(|x| x.start >= m.start && x.end <= m.end)
        .collect();
    let word = |x: &SyntaxToken| &t[x.start..x.end];
    let (first, last) = (inside.first()?, inside.last()?);
    let mut at = toks.iter().position(|x| x.start >= m.end)?;
    let lower = |x: &SyntaxToken| crate::enrich::profile::lower(word(x));
    let chained = inside.len() >= 2
        && word(first).starts_with(char::is_uppercase)
        && word(last).starts_with(char::is_lowercase)
        && matches!(last.pos, Pos::Noun | Pos::Adj)
        && inside[1..]
            .iter()
            .all(|x| !word(x).starts_with(char::is_uppercase));
    if !chained && !purpose_after_place(t, toks, m, at, res) {
        return None;
    }
    let mut has_complement = inside.iter().any(|x| res.complements.contains(&lower(x)));
    let mut end = None;
    let mut purpose = false;
    for _ in 0..MAX_LINKS {
        let Some(next) = link(t, toks, at, has_complement, purpose, res) else {
            break;
        };
        has_complement = true;
        purpose = next.purpose;
        at = next.at;
        end = Some(toks[at - 1].end);
    }
    end
}

/// One more link of a complement chain.
struct Link {
    /// The index of the token after it.
    at: usize,
    /// Whether a preposition of purpose opened it (`name_prep|…`: "pour la pêche").
    purpose: bool,
}

/// Whether a body named by its head word and the place it serves goes on with its purpose
/// ("la Fédération de Tovel pour la pêche et la protection des rivières", "l'Union de Marle
/// contre les nuisances"): a preposition that links a name's complement (`name_prep|…`) right
/// after the place, whose noun the parse attaches inside the name or to a noun (the parser often
/// attaches it to the noun the name complements: "le président de la Fédération…"); in
/// "l'Union de Marle a voté pour la fusion" it attaches to the verb.
fn purpose_after_place(t: &str, toks: &[SyntaxToken], m: &M, at: usize, res: &Profile) -> bool {
    let word = |i: usize| {
        toks.get(i)
            .map(|x| crate::enrich::profile::lower(&t[x.start..x.end]))
    };
    let first = &t[m.start..m.end];
    let head = first.split([' ', '\'', '’']).next().unwrap_or("");
    if !head.starts_with(char::is_uppercase)
        || res.type_words.get(&key(head)) != Some(&TypeWord::Org)
        || !t[m.start..m.end].contains(' ')
        || !word(at).is_some_and(|w| res.name_preps.contains(&w))
        || t[m.end..toks[at].start] != *" "
    {
        return false;
    }
    let mut noun = at + 1;
    if word(noun).is_some_and(|w| res.articles.contains_key(&w)) {
        noun += 1;
    }
    toks.get(noun).is_some_and(|x| {
        x.pos == Pos::Noun
            && ((m.start..m.end).contains(&toks[x.head].start) || x.dep.starts_with("nmod"))
    })
}

/// Where the name of `m` ends with the lower-case adjectives of its last word, a capitalised
/// common noun ("l'Union" + "étudiante", "la Confédération" + "paysanne", "des Transports" +
/// "terrestres et aériens"): where a name's head comes first, only its first word takes a
/// capital, and the adjectives the parse attaches to it are the name's. Not a place's or a
/// person's name, which the tagger reads as proper nouns ("la France entière"), nor a place the
/// knowledge base knows ("l'Aveyron voisin"); not a participle ("le Conseil réuni").
fn adjective_end(t: &str, toks: &[SyntaxToken], m: &M, res: &Profile, kb: &Kb) -> Option<usize> {
    let li = toks
        .iter()
        .rposition(|x| x.start >= m.start && x.end <= m.end)?;
    let last = &toks[li];
    let w = &t[last.start..last.end];
    let common = last.pos == Pos::Noun || res.type_words.get(&key(w)) == Some(&TypeWord::Org);
    if last.end != m.end
        || !w.starts_with(char::is_uppercase)
        || !w.chars().any(char::is_lowercase)
        || !common
        || kb.names_region(w)
        || kb.names_major_place(w)
    {
        return None;
    }
    let joined = |i: usize| i < toks.len() && &t[toks[i - 1].end..toks[i].start] == " ";
    let mut adjs = vec![li];
    let mut at = li + 1;
    let mut end = None;
    for _ in 0..MAX_ADJS {
        let mut j = at;
        let coordinator = toks.get(j).is_some_and(|x| {
            x.pos == Pos::Cconj
                && res
                    .and_words
                    .contains(&crate::enrich::profile::lower(&t[x.start..x.end]))
        });
        if end.is_some() && coordinator && joined(j) {
            j += 1;
        }
        let Some(x) = toks.get(j) else {
            break;
        };
        let adj = x.pos == Pos::Adj
            && joined(j)
            && t[x.start..x.end].starts_with(char::is_lowercase)
            && x.morph.verb_form() != Some("Part")
            && adjs.contains(&x.head);
        if !adj {
            break;
        }
        adjs.push(j);
        at = j + 1;
        end = Some(x.end);
    }
    end
}

/// The tokens of one more link of the chain from token `at`: `[and] prep [article] noun adj*`;
/// after a link of purpose (`after_purpose`), a noun coordinated without its preposition too
/// ("pour la pêche" + "et la protection").
fn link(
    t: &str,
    toks: &[SyntaxToken],
    mut at: usize,
    has_complement: bool,
    after_purpose: bool,
    res: &Profile,
) -> Option<Link> {
    let word = |i: usize| toks.get(i).map(|x| &t[x.start..x.end]);
    let lower = |i: usize| word(i).map(crate::enrich::profile::lower);
    // Only spaces between the words of the chain.
    let joined =
        |i: usize| i >= 1 && i < toks.len() && t[toks[i - 1].end..toks[i].start].trim().is_empty();
    let mut coordinated = false;
    if has_complement && lower(at).is_some_and(|w| res.and_words.contains(&w)) && joined(at) {
        at += 1;
        coordinated = true;
    }
    let prep = lower(at)?;
    let bare = coordinated && after_purpose && res.articles.contains_key(&prep);
    let purpose = bare || has_complement && res.name_preps.contains(&prep);
    if !bare {
        if !(res.complements.contains(&prep) || purpose) || !joined(at) {
            return None;
        }
        at += 1;
    }
    if lower(at).is_some_and(|w| res.articles.contains_key(&w)) && joined(at) {
        at += 1;
    }
    let noun = toks.get(at)?;
    let w = word(at)?;
    if noun.pos != Pos::Noun
        || !joined(at)
        || !w.starts_with(char::is_lowercase)
        || !w.chars().all(char::is_alphabetic)
        || res.stop.contains(&key(w))
        || res.skip.contains(&crate::enrich::profile::lower(w))
    {
        return None;
    }
    // A date the noun opens ("de fin juin", "de début mars") is the sentence's, not the name's.
    let dated = |i: usize| {
        joined(i)
            && word(i).is_some_and(|w| {
                res.stop.contains(&key(w)) || res.skip.contains(&crate::enrich::profile::lower(w))
            })
    };
    if dated(at + 1) {
        return None;
    }
    at += 1;
    for _ in 0..MAX_ADJS {
        let adj = toks.get(at).is_some_and(|x| x.pos == Pos::Adj)
            && joined(at)
            && word(at).is_some_and(|w| w.starts_with(char::is_lowercase));
        if !adj {
            break;
        }
        at += 1;
    }
    Some(Link { at, purpose })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::enrich::profile::Lang;

    /// The mention `span` of `text` (an organisation) after the chain step, with a parse from
    /// (word, POS) pairs written in order.
    fn extended(lang: Lang, text: &str, words: &[(&str, &str)], span: &str) -> String {
        let parse = super::super::parsed::tests::parse(text, words);
        let (doc, mut ms) = super::super::parsed::tests::doc_and_mention(text, span, "ORG");
        extend(&doc, &parse, &Profile::load(lang), &Kb::default(), &mut ms);
        text[ms[0].start..ms[0].end].to_string()
    }

    /// (word, POS) pairs of a sentence, tagged by a small table of invented words.
    fn tagged(text: &str) -> Vec<(&str, &str)> {
        text.split(' ')
            .flat_map(|w| match w.split_once('\'') {
                Some((a, b)) if !b.is_empty() => vec![&w[..a.len() + 1], b],
                _ => vec![w],
            })
            .map(|w| {
                let pos = match w {
                    "de" | "des" | "du" | "d'" | "contre" | "pour" | "à" => "ADP",
                    "la" | "le" | "l'" | "La" | "Le" => "DET",
                    "et" => "CCONJ",
                    "national" | "nationale" | "régional" | "côtière" | "marines" | "centrale"
                    | "privées" => "ADJ",
                    "a" | "ont" => "AUX",
                    "voté" | "prêté" | "paraît" | "milite" | "interdire" => "VERB",
                    _ if w.starts_with(char::is_uppercase) => "PROPN",
                    _ => "NOUN",
                };
                (w, pos)
            })
            .collect()
    }

    #[test]
    fn a_name_stopped_inside_its_lower_case_chain_runs_to_its_end() {
        let t = "Le rapport de l'Institut national de la pêche côtière et des ressources marines paraît lundi";
        assert_eq!(
            extended(
                Lang::Fr,
                t,
                &tagged(t),
                "Institut national de la pêche côtière"
            ),
            "Institut national de la pêche côtière et des ressources marines"
        );
        let t = "Elle milite à la Ligue nationale de lutte contre le bruit depuis mai";
        assert_eq!(
            extended(Lang::Fr, t, &tagged(t), "Ligue nationale de lutte"),
            "Ligue nationale de lutte contre le bruit"
        );
    }

    #[test]
    fn dates_coordinations_and_capitalised_ends_stay_out() {
        // A date the complement's noun opens.
        let t = "Le Conseil régional de fin juin a voté";
        assert_eq!(
            extended(Lang::Fr, t, &tagged(t), "Conseil régional"),
            "Conseil régional"
        );
        // "et" joins a complement only after a complement of the name's own.
        let t = "La Banque centrale et des banques privées ont prêté";
        assert_eq!(
            extended(Lang::Fr, t, &tagged(t), "Banque centrale"),
            "Banque centrale"
        );
        // The model's span does not end on a lower-case word: no chain shown.
        let t = "La Banque de France de la ville a voté";
        assert_eq!(
            extended(Lang::Fr, t, &tagged(t), "Banque de France"),
            "Banque de France"
        );
        // A language whose names end on their head has no such chain.
        let t = "The Institute national de la pêche et des eaux";
        assert_eq!(
            extended(Lang::En, t, &tagged(t), "Institute national"),
            "Institute national"
        );
    }

    /// The mention `span` of `text` after the chain step, with a parse of (word, POS, head).
    fn extended_deps(text: &str, words: &[(&str, &str, usize)], span: &str) -> String {
        let words: Vec<(&str, &str, usize, &str)> =
            words.iter().map(|&(w, p, h)| (w, p, h, "dep")).collect();
        let parse = super::super::parsed::tests::parse_with_deps(text, &words);
        let (doc, mut ms) = super::super::parsed::tests::doc_and_mention(text, span, "ORG");
        extend(
            &doc,
            &parse,
            &Profile::load(Lang::Fr),
            &Kb::default(),
            &mut ms,
        );
        text[ms[0].start..ms[0].end].to_string()
    }

    #[test]
    fn a_capitalised_common_noun_keeps_its_adjectives_and_their_chain() {
        let t = "La Fédération lainière et cotonnière de la vallée a voté";
        let w = [
            ("La", "DET", 1),
            ("Fédération", "NOUN", 9),
            ("lainière", "ADJ", 1),
            ("et", "CCONJ", 4),
            ("cotonnière", "ADJ", 2),
            ("de", "ADP", 7),
            ("la", "DET", 7),
            ("vallée", "NOUN", 1),
            ("a", "AUX", 9),
            ("voté", "VERB", 9),
        ];
        assert_eq!(
            extended_deps(t, &w, "Fédération"),
            "Fédération lainière et cotonnière de la vallée"
        );
        // A proper noun keeps its adjective out ("la Bretagne entière").
        let t = "La Bretagne entière a voté";
        let w = [
            ("La", "DET", 1),
            ("Bretagne", "PROPN", 4),
            ("entière", "ADJ", 1),
            ("a", "AUX", 4),
            ("voté", "VERB", 4),
        ];
        assert_eq!(extended_deps(t, &w, "Bretagne"), "Bretagne");
        // An adjective of another word is not the name's.
        let t = "Il juge la Fédération responsable";
        let w = [
            ("Il", "PRON", 1),
            ("juge", "VERB", 1),
            ("la", "DET", 3),
            ("Fédération", "NOUN", 1),
            ("responsable", "ADJ", 1),
        ];
        assert_eq!(extended_deps(t, &w, "Fédération"), "Fédération");
    }

    #[test]
    fn a_body_named_by_the_place_it_serves_goes_on_with_its_purpose() {
        let t = "La Fédération de Tovel pour la pêche et la protection des rivières a voté";
        let w = [
            ("La", "DET", 1),
            ("Fédération", "NOUN", 14),
            ("de", "ADP", 3),
            ("Tovel", "PROPN", 1),
            ("pour", "ADP", 6),
            ("la", "DET", 6),
            ("pêche", "NOUN", 1),
            ("et", "CCONJ", 9),
            ("la", "DET", 9),
            ("protection", "NOUN", 6),
            ("des", "ADP", 11),
            ("rivières", "NOUN", 9),
            ("a", "AUX", 13),
            ("voté", "VERB", 13),
        ];
        assert_eq!(
            extended_deps(t, &w, "Fédération de Tovel"),
            "Fédération de Tovel pour la pêche et la protection des rivières"
        );
        // The verb's complement, not the name's.
        let t = "L'Union de Marle vote pour la fusion";
        let w = [
            ("L'", "DET", 1),
            ("Union", "NOUN", 4),
            ("de", "ADP", 3),
            ("Marle", "PROPN", 1),
            ("vote", "VERB", 4),
            ("pour", "ADP", 7),
            ("la", "DET", 7),
            ("fusion", "NOUN", 4),
        ];
        assert_eq!(extended_deps(t, &w, "Union de Marle"), "Union de Marle");
    }

    #[test]
    fn a_verb_a_complement_rule_ran_into_is_cut_off() {
        let t = "La Fédération d'interdire la chasse a voté";
        assert_eq!(
            extended(Lang::Fr, t, &tagged(t), "Fédération d'interdire"),
            "Fédération"
        );
    }
}
