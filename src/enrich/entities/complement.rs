//! An organisation the model cut before its lower-case complement. French names an institution
//! by a head noun and a complement that keeps its lower case: "le Conseil des ministres", "la
//! Cour des comptes", "l'Académie des sciences", "le Parti de gauche". The model often ends the
//! span on the head ("Conseil"), which leaves a bare common noun as the entity. When a span ends
//! on an organisation head word (`org|…` in `resources/<lang>/type_words.txt`) and a
//! complement preposition (`complement|…` in `words.txt`), an optional article and one
//! lower-case noun follow, the name runs to that noun. One noun only: what follows it ("des
//! ministres réuni mardi") is the sentence again. Only where heads come first: an English name
//! writes its complement capitalised ("Department for Transport"), and a lower-case word after
//! "for" is the sentence's ("sent to the Investigation Department for further tests").

use crate::enrich::profile::{key, lower, NameHead, Profile, TypeWord};
use crate::enrich::tokens::{tokenize, Tok};

/// Longest stretch after the span looked at, in bytes (widened to a char boundary).
const WINDOW: usize = 48;
/// Shortest complement noun, in characters: shorter lower-case words are function words.
const MIN_NOUN: usize = 3;

/// Where the name `t[s..e]` ends once its lower-case complement is added, if it has one;
/// `free(b)`: whether no other span starts or ends at byte `b`.
pub(super) fn complement_end(
    t: &str,
    s: usize,
    e: usize,
    res: &Profile,
    free: &dyn Fn(usize) -> bool,
) -> Option<usize> {
    let name = &t[s..e];
    let head = name.rsplit(' ').next().unwrap_or(name);
    // After an elided article ("de l'Ordre"): the head is the word after it.
    let head = head.rsplit(['\'', '’']).next().unwrap_or(head);
    if res.name_head != NameHead::First
        || !head.chars().next().is_some_and(char::is_uppercase)
        || res.type_words.get(&key(head)) != Some(&TypeWord::Org)
    {
        return None;
    }
    let mut to = (e + WINDOW).min(t.len());
    while !t.is_char_boundary(to) {
        to -= 1;
    }
    let rest = &t[e..to];
    let toks = tokenize(rest, &res.tokens);
    let mut it = toks.iter();
    let prep = it
        .next()
        .filter(|x| x.start == 1 && rest.starts_with(' '))?;
    if !res.complements.contains(&prep.lower) {
        return None;
    }
    let mut at = prep.end;
    let mut next = it.next()?;
    if res.articles.contains_key(&next.lower) && !prep.lower.ends_with('\'') {
        at = next.end;
        next = it.next()?;
    }
    let gap = &rest[at..next.start];
    let word = &rest[next.start..next.end];
    let noun = (gap.is_empty() || gap == " ")
        && word.chars().next().is_some_and(char::is_lowercase)
        && word.chars().all(char::is_alphabetic)
        && word.chars().count() >= MIN_NOUN
        && !res.stop.contains(&key(word))
        && !res.articles.contains_key(&lower(word))
        && !res.pronouns.contains_key(&lower(word))
        && !res.complements.contains(&lower(word))
        && free(e + prep.start)
        && free(e + next.end);
    noun.then_some(e + next.end)
}

/// Longest enumeration read after a name, in bytes.
const LIST_WINDOW: usize = 160;
/// Most items an enumeration adds to a name.
const MAX_ITEMS: usize = 6;

/// Most lower-case adjectives after a capitalised portfolio noun ("de la Pêche maritime").
const MAX_ADJECTIVES: usize = 2;

/// Where the name `t[s..e]` of an institution ends once the portfolios it enumerates are
/// added: a name opening on an organisation head and ending on a complement and its noun
/// ("Direction de la culture") may go on with more complements of one noun each, after commas
/// and closed by a coordinator (", du sport et de la jeunesse"; "le ministère de la Mer, de
/// la Pêche et des Ports"); `org`: the model called the name an organisation, which makes any
/// capitalised first word its head ("Service de la faune"). Without the closing coordinator
/// the commas are the sentence's ("le Service de la faune, de son côté, …" ends on "faune").
/// Only where heads come first.
///
/// A capitalised portfolio may carry lower-case adjectives ("du Commerce extérieur, de la
/// Pêche côtière et des Mines"); on the last one only before a punctuation mark, where the
/// sentence cannot go on with a verb. The last may be a pair of plural nouns ("et des Ponts et
/// Chaussées"). A name ending on a preposition that is no complement, its article and noun
/// ("Fonds de lutte contre la faim") lists its items by their article alone (", la
/// tuberculose et le paludisme").
pub(super) fn enumeration_end(
    t: &str,
    s: usize,
    e: usize,
    org: bool,
    res: &Profile,
) -> Option<usize> {
    if res.name_head != NameHead::First {
        return None;
    }
    let name = tokenize(&t[s..e], &res.tokens);
    // Not a short name in capitals, whose complement is the one seat it is named by ("la
    // FDSEA de l'Orne et des Jeunes agriculteurs" names two bodies).
    let head_first = name.first().is_some_and(|h| {
        let w = &t[s + h.start..s + h.end];
        h.word
            && !(w.chars().count() >= 2 && w.chars().all(char::is_uppercase))
            && (res.type_words.get(&key(&h.lower)) == Some(&TypeWord::Org) || (org && h.cap))
    });
    let adjective = |w: &str| w.starts_with(char::is_lowercase) && is_adjective(w, res);
    // The last noun of the name, past the adjectives of a capitalised one.
    let mut n = name.len();
    while n > 1
        && name.len() - n < MAX_ADJECTIVES
        && adjective(&t[s + name[n - 1].start..s + name[n - 1].end])
        && name[n - 2].cap
    {
        n -= 1;
    }
    let before_noun = |d: usize| n > d && name[n - 1 - d].word;
    let (ends_on_complement, by_article) = if n >= 3 {
        let c2 = &name[n - 2].lower;
        let c3 = &name[n - 3].lower;
        let article2 = res.articles.contains_key(c2);
        let complement = res.complements.contains(c2) || (article2 && res.complements.contains(c3));
        // "contre le sida": a preposition that is no complement, then an article.
        let by_article = article2 && !complement && before_noun(2) && res.preps.contains(c3);
        (complement || by_article, by_article)
    } else {
        (false, false)
    };
    let last = &t[s + name[n - 1].start..s + name[n - 1].end];
    if !head_first || !ends_on_complement || !is_item_noun(last, res) {
        return None;
    }
    // The portfolios of one list share their case ("de la Mer, de la Pêche et des Ports"; not
    // "de Marseille et de plusieurs clubs").
    let cap = last.starts_with(char::is_uppercase);
    let mut to = (e + LIST_WINDOW).min(t.len());
    while !t.is_char_boundary(to) {
        to -= 1;
    }
    let rest = &t[e..to];
    let toks = tokenize(rest, &res.tokens);
    let word_at = |i: usize| toks.get(i).map(|x| &rest[x.start..x.end]);
    let mut i = 0;
    for _ in 0..MAX_ITEMS {
        // The separator: a comma, or the coordinator that closes the list.
        let closing = match toks.get(i) {
            Some(c) if c.lower == "," => false,
            Some(c) if c.word && res.and_words.contains(&c.lower) => true,
            _ => return None,
        };
        i += 1;
        if !by_article {
            if !toks
                .get(i)
                .is_some_and(|c| res.complements.contains(&c.lower))
            {
                return None;
            }
            i += 1;
        }
        let elided = i > 0 && toks[i - 1].lower.ends_with('\'');
        let article = toks
            .get(i)
            .is_some_and(|a| res.articles.contains_key(&a.lower));
        if by_article && !article {
            return None;
        }
        if (by_article || !elided) && article {
            i += 1;
        }
        let noun = toks.get(i)?;
        if !noun.word || noun.cap != cap || !is_item_noun(&rest[noun.start..noun.end], res) {
            return None;
        }
        i += 1;
        // Adjectives of a capitalised noun: before the next separator on an item inside the
        // list, before a punctuation mark on the last.
        let mut adjectives = 0;
        while cap && adjectives < MAX_ADJECTIVES && word_at(i).is_some_and(adjective) {
            adjectives += 1;
            i += 1;
        }
        if closing {
            // Words after the last noun and before another word are the sentence's verb
            // ("et des Ports annonce un plan"): the name ends on the noun.
            if adjectives > 0 && toks.get(i).is_some_and(|x| x.word) {
                i -= adjectives;
                adjectives = 0;
            }
            // "et des Ponts et Chaussées": a pair of plural nouns is one portfolio.
            if adjectives == 0 && plural_pair(&toks, rest, i, noun, res) {
                i += 2;
            }
            // The last item is one word, not the first of another name ("de la mairie de X
            // et de la Région Grand Est" names two bodies).
            if toks.get(i).is_some_and(|x| x.word && x.cap) {
                return None;
            }
            return Some(e + toks[i - 1].end);
        }
    }
    None
}

/// Whether the tokens at `i` are a coordinator and a capitalised plural noun closing a pair
/// with the plural `noun` before them ("Eaux et Forêts", "Ponts et Chaussées").
fn plural_pair(toks: &[Tok], rest: &str, i: usize, noun: &Tok, res: &Profile) -> bool {
    let plural = |w: &str| w.ends_with(['s', 'x']);
    let (Some(and), Some(second)) = (toks.get(i), toks.get(i + 1)) else {
        return false;
    };
    let second_word = &rest[second.start..second.end];
    res.and_words.contains(&and.lower)
        && second.word
        && second.cap
        && plural(&rest[noun.start..noun.end])
        && plural(second_word)
        && is_item_noun(second_word, res)
        && !toks.get(i + 2).is_some_and(|x| x.word && x.cap)
}

/// Whether `w` may be an adjective after a capitalised noun: a word of letters, no grammar
/// word nor coordinator.
pub(super) fn is_adjective(w: &str, res: &Profile) -> bool {
    is_item_noun(w, res) && !res.and_words.contains(&lower(w)) && !res.preps.contains(&lower(w))
}

/// Whether `w` may be one item of an enumerated portfolio: a noun of letters (or hyphens),
/// no grammar word.
fn is_item_noun(w: &str, res: &Profile) -> bool {
    let l = lower(w);
    w.chars().count() >= MIN_NOUN
        && w.chars().all(|c| c.is_alphabetic() || c == '-')
        && !res.stop.contains(&key(w))
        && !res.articles.contains_key(&l)
        && !res.pronouns.contains_key(&l)
        && !res.complements.contains(&l)
        && !res.indefinites.contains(&l)
        && !res.function_words.contains(&l)
}

/// Where the name `t[s..e]` of a body ends once the portfolios it lists are added, where heads
/// come last: an organisation's head word, a complement and one to three capitalised words
/// ("Department of Tourism") go on with more such items after commas, closed by a coordinator
/// and a last item ("Department of Tourism, Culture, Sport and Media"; "Ministry of Education
/// and Early Childhood Development"). Without the closing coordinator the commas are the
/// sentence's ("the Ministry of Health, Reuters reported"). An item opening on a known first
/// name is a person, and one holding a type word another body ("the Ministry of Finance and
/// Tove Revenue Authority" names two). The last item may take its article ("Fisheries, Food
/// and the Islands"), and an item's later words may be nouns that name nothing alone ("Rural
/// Government").
pub(super) fn portfolio_list_end(t: &str, s: usize, e: usize, res: &Profile) -> Option<usize> {
    if res.name_head != NameHead::Last {
        return None;
    }
    let name = tokenize(&t[s..e], &res.tokens);
    let n = name.len();
    let c = name
        .iter()
        .rposition(|x| x.word && res.complements.contains(&x.lower))?;
    if c == 0
        || !(1..=3).contains(&(n - c - 1))
        || res.type_words.get(&key(&name[c - 1].lower)) != Some(&TypeWord::Org)
        || !name[c + 1..].iter().all(|x| x.word && x.cap)
    {
        return None;
    }
    let mut to = (e + LIST_WINDOW).min(t.len());
    while !t.is_char_boundary(to) {
        to -= 1;
    }
    let rest = &t[e..to];
    let toks = tokenize(rest, &res.tokens);
    // An item's later words may be nouns that name nothing alone ("Rural Government").
    let item_word = |i: usize, first: bool| {
        toks.get(i).is_some_and(|x| {
            let w = &rest[x.start..x.end];
            let alone = !first && res.stop.contains(&key(w)) && w.chars().all(char::is_alphabetic);
            x.word
                && x.cap
                && (is_item_noun(w, res) || alone)
                && !res.type_words.contains_key(&key(&x.lower))
        })
    };
    let mut i = 0;
    for _ in 0..MAX_ITEMS {
        let mut closing = match toks.get(i) {
            Some(x) if x.lower == "," => false,
            Some(x) if x.word && res.and_words.contains(&x.lower) => true,
            _ => return None,
        };
        i += 1;
        // A serial comma before the coordinator.
        if !closing
            && toks
                .get(i)
                .is_some_and(|x| res.and_words.contains(&x.lower))
        {
            closing = true;
            i += 1;
        }
        if toks
            .get(i)
            .is_some_and(|x| res.first_names.contains_key(&x.lower))
        {
            return None;
        }
        // The last item may take its article ("Fisheries, Food and the Islands").
        if closing
            && toks
                .get(i)
                .is_some_and(|x| res.definites.contains(&x.lower))
            && item_word(i + 1, true)
        {
            i += 1;
        }
        let start = i;
        while i < start + 3 && item_word(i, i == start) {
            i += 1;
        }
        if i == start {
            return None;
        }
        if closing {
            // The last item ends the name: no capitalised word glued after it.
            if toks.get(i).is_some_and(|x| x.word && x.cap) {
                return None;
            }
            return Some(e + toks[i - 1].end);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::enrich::entities::tests::{names, run};
    use crate::enrich::profile::Lang;
    use crate::enrich::types::EntityType::Organization as O;

    #[test]
    fn a_departments_portfolios_the_model_cut_at_a_stop_word_or_an_article_are_one_name() {
        let t = "The Department of Fisheries, Rural Government and Heritage said the grant would \
                 be paid.";
        let spans = [
            ("The Department of Fisheries, Rural Government", "ORG"),
            ("Heritage", "ORG"),
        ];
        let es = run(Lang::En, t, &spans);
        let want = "Department of Fisheries, Rural Government and Heritage";
        assert_eq!(names(&es), [(want.to_string(), O)]);
        // The last item may take its article.
        let t = "A spokesman for the Department of Fisheries, Rural Development and the Islands \
                 said the grant would be paid.";
        let spans = [
            ("the Department of Fisheries, Rural Development", "ORG"),
            ("Islands", "ORG"),
        ];
        let es = run(Lang::En, t, &spans);
        let want = "Department of Fisheries, Rural Development and the Islands";
        assert_eq!(names(&es), [(want.to_string(), O)]);
        // The model's piece that runs past the list into an acronym in brackets.
        let t = "Officials of the Ministry of Forests, Commerce and Rural Affairs (MFCRA) met.";
        let spans = [
            ("the Ministry of Forests", "ORG"),
            ("Commerce and Rural Affairs (MFCRA", "ORG"),
        ];
        let n = names(&run(Lang::En, t, &spans));
        let want = "Ministry of Forests, Commerce and Rural Affairs";
        assert!(n.iter().any(|(x, _)| x == want), "{n:?}");
        assert!(n.iter().all(|(x, _)| x != "Commerce"), "{n:?}");
    }
}
