//! An office named by its holder's title after the county, the state or the body it serves
//! ("the Tovel County Sheriff's Office", "the Marlby County State's Attorney's Office", "the
//! Sarne County sheriff's office"): the model often stops at the county, or takes the title's
//! possessive for the end of the name, and the office noun left alone reads as the subject of
//! the sentence. The name runs on over the title, its possessives and the office noun
//! (`office_noun|` in `words.txt`) when the word before the last possessive is a role
//! (`roles.txt`): "Attorney", "Sheriff", "General" of "Attorney General".

use crate::enrich::entities::typing::{is_name_label, label_type};
use crate::enrich::ner::EntSpan;
use crate::enrich::profile::{lower, Profile};
use crate::enrich::tokens::{tokenize, Tok};
use crate::enrich::types::{Document, EntityType};

/// Most words of a title between the name and the office noun ("State's Attorney's": two).
const MAX_TITLE_WORDS: usize = 4;
/// Most bytes read after the name for the title and the office noun.
const MAX_BYTES: usize = 96;

/// The model's spans (field index, span in bytes) without those it found inside the title or
/// the office after a name ("General's Office" of "the Tovel Attorney General's Office"):
/// cleaning runs that name on over them (`Span::extended`).
pub(super) fn absorb(
    doc: &Document<'_>,
    spans: &[(usize, EntSpan)],
    res: &Profile,
) -> Vec<(usize, EntSpan)> {
    if res.office_nouns.is_empty() {
        return spans.to_vec();
    }
    let offices: Vec<(usize, usize, usize)> = spans
        .iter()
        .filter(|(_, sp)| is_name_label(&sp.label) && label_type(&sp.label) != EntityType::Person)
        .filter_map(|(fi, sp)| {
            let t = doc.fields.get(*fi)?.text;
            let fits = sp.end <= t.len() && t.is_char_boundary(sp.end);
            let end = fits.then(|| office_end(t, sp.end, res)).flatten()?;
            Some((*fi, sp.end, end))
        })
        .collect();
    spans
        .iter()
        .filter(|(fi, sp)| {
            !offices
                .iter()
                .any(|&(f, from, to)| f == *fi && sp.start >= from && sp.start < to)
        })
        .map(|(fi, sp)| {
            let start = doc
                .fields
                .get(*fi)
                .and_then(|f| title_start(f.text, sp, res))
                .unwrap_or(sp.start);
            let sp = EntSpan {
                start,
                ..sp.clone()
            };
            (*fi, sp)
        })
        .collect()
}

/// Where an office's name starts when the model cut the title before it at its first word
/// ("Attorney" + "General's Office", "District" + "Attorney's Office"): the word before the
/// span and the span's first word make a role, and the span goes on with a possessive and an
/// office noun.
fn title_start(t: &str, sp: &EntSpan, res: &Profile) -> Option<usize> {
    let seg = t.get(sp.start..sp.end)?;
    let toks = tokenize(seg, &res.tokens);
    let [w, p, o, ..] = toks.as_slice() else {
        return None;
    };
    if !(w.cap && is_possessive(p, res) && res.office_nouns.contains(&o.lower)) {
        return None;
    }
    let before = t[..sp.start].strip_suffix(' ')?;
    let b = before.rfind(' ').map_or(0, |i| i + 1);
    let title = &before[b..];
    (title.starts_with(char::is_uppercase)
        && res.role(&format!("{} {}", lower(title), w.lower)).is_some())
    .then_some(b)
}

/// Whether the token `x` is a possessive ending split off a word ("'s").
fn is_possessive(x: &Tok, res: &Profile) -> bool {
    res.tokens
        .possessives
        .iter()
        .any(|q| lower(q).replace('’', "'") == x.lower)
}

/// Where the name `t[..e]` ends once the office its title names is added, if one follows:
/// capitalised words or lower-case roles, a possessive after a role, and an office noun. The
/// name's own last word may open the title with its possessive when the two make a role
/// (`state's attorney|` of "Marlby County State" + "'s Attorney's Office"), not otherwise
/// ("Tovelia's Attorney General's Office" names a country and an office). A possessive the
/// model left at the end of the name is read again.
pub(super) fn office_end(t: &str, e: usize, res: &Profile) -> Option<usize> {
    if res.office_nouns.is_empty() {
        return None;
    }
    let e = res
        .tokens
        .possessives
        .iter()
        .find_map(|p| t[..e].strip_suffix(p.as_str()))
        .map_or(e, str::len);
    let ws = t[..e].rfind(' ').map_or(0, |i| i + 1);
    let mut n = t.len().min(e + MAX_BYTES);
    while !t.is_char_boundary(n) {
        n -= 1;
    }
    // From the name's last word, which the tokenizer needs to split a possessive off it.
    let window = &t[ws..n];
    let last = lower(&t[ws..e]);
    let toks: Vec<Tok> = tokenize(window, &res.tokens)
        .into_iter()
        .skip_while(|x| x.start < e - ws)
        .collect();
    let mut words = 0;
    let mut after_poss = false;
    // The word before, as (lower case, end in `window`): the name's last word first.
    let mut prev: (&str, usize) = (&last, e - ws);
    for (i, x) in toks.iter().enumerate() {
        if is_possessive(x, res) {
            // Glued to a role ("Sheriff" + "'s"), or to the word opening one ("State's
            // Attorney").
            let next = toks.get(i + 1).filter(|n| n.word);
            let opens_role =
                next.is_some_and(|n| res.role(&format!("{}'s {}", prev.0, n.lower)).is_some());
            let glued = prev.1 == x.start && !after_poss;
            if !glued || !(opens_role || (i > 0 && res.role(prev.0).is_some())) {
                return None;
            }
            after_poss = true;
            prev = (&x.lower, x.end);
            continue;
        }
        // One space between words, nothing else.
        if !x.word || &window[prev.1..x.start] != " " {
            return None;
        }
        if after_poss && res.office_nouns.contains(&x.lower) {
            return Some(ws + x.end);
        }
        words += 1;
        if words > MAX_TITLE_WORDS || !(x.cap || res.role(&x.lower).is_some()) {
            return None;
        }
        after_poss = false;
        prev = (&x.lower, x.end);
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::enrich::entities::tests::{names, run};
    use crate::enrich::profile::Lang;
    use crate::enrich::types::EntityType::{Location as L, Organization as O};

    #[test]
    fn an_office_its_holders_title_names_after_a_county_is_one_body() {
        let t = "The Marlby County State's Attorney's Office said the charge stands.";
        let es = run(Lang::En, t, &[("Marlby County State", "ORG")]);
        let want = "Marlby County State's Attorney's Office";
        assert_eq!(names(&es), [(want.to_string(), O)]);
        let t = "Deputies of the Sarne County sheriff's office found the car.";
        let es = run(Lang::En, t, &[("Sarne County", "GPE")]);
        assert_eq!(
            names(&es),
            [("Sarne County sheriff's office".to_string(), O)]
        );
        // The model's span inside the title goes into the office's name.
        let t = "The Tovelia Attorney General's Office will appeal.";
        let es = run(
            Lang::En,
            t,
            &[("Tovelia", "GPE"), ("General's Office", "ORG")],
        );
        let want = "Tovelia Attorney General's Office";
        assert_eq!(names(&es), [(want.to_string(), O)]);
        // A title cut at its first word by the model.
        let t = "Later the Attorney General's Office said it would appeal.";
        let es = run(Lang::En, t, &[("General's Office", "ORG")]);
        assert_eq!(names(&es), [("Attorney General's Office".to_string(), O)]);
        // A country's possessive before a title opens no office of the country.
        let t = "Tovelia's Attorney General's Office was silent.";
        let es = run(Lang::En, t, &[("Tovelia", "GPE")]);
        assert_eq!(names(&es), [("Tovelia".to_string(), L)]);
        // Nor does a possessive that is no title's ("Marlby Council's new office").
        let t = "The Marlby County Council's Office of Planning moved.";
        let es = run(Lang::En, t, &[("Marlby County Council", "ORG")]);
        let n = names(&es);
        assert!(n.iter().all(|(x, _)| !x.contains("Council's")), "{n:?}");
    }
}
