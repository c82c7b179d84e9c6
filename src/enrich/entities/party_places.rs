//! A legislator's party and home after the name. "State Sen. Ann Roe, R-Elk Springs, said …",
//! "Rep. Tom Fell (D-Marlow)": the capitalised words after a party's initial (`party_initial|`
//! in `words.txt`) and its hyphen, closed by a comma or a parenthesis, name the place the
//! legislator represents or lives in. The model reads the initial and the hyphen as part of a
//! word and seldom finds the place.

use super::mention::{resort, uncovered, M};
use crate::enrich::analysis::Analysis;
use crate::enrich::profile::{lower, Profile};
use crate::enrich::types::EntityType;

/// At most this many words name the place ("R-Winter Park", "D-North District").
const MAX_WORDS: usize = 4;

/// Add a place mention for every such home no mention covers.
pub(super) fn apply(an: &Analysis<'_>, res: &Profile, ms: &mut Vec<M>) {
    if res.party_initials.is_empty() {
        return;
    }
    let before = ms.len();
    for fi in 0..an.fields.len() {
        let text = an.doc.fields[fi].text;
        for (h, _) in text.match_indices('-') {
            let Some((s, e)) = home_after(text, h, res) else {
                continue;
            };
            if uncovered(ms, before, fi, s, e) {
                ms.push(M::found(fi, s, e, EntityType::Location));
            }
        }
    }
    resort(ms, before);
}

/// The bounds of the home named after the hyphen at `h`, when a party's initial opens a
/// parenthesis or follows a comma before it, and a comma or a closing parenthesis ends it.
fn home_after(text: &str, h: usize, res: &Profile) -> Option<(usize, usize)> {
    let head = &text[..h];
    let initial = head.chars().next_back()?;
    if !initial.is_uppercase() || !res.party_initials.contains(&lower(&initial.to_string())) {
        return None;
    }
    let opener = head[..head.len() - initial.len_utf8()].trim_end_matches(' ');
    let parenthesis = opener.ends_with('(');
    if !(parenthesis || opener.ends_with(',')) {
        return None;
    }
    let s = h + 1;
    let mut e = s;
    let mut words = 0;
    for w in text[s..].split(' ') {
        let name = w.trim_end_matches([',', ')', ';']);
        if !name.starts_with(char::is_uppercase)
            || !name
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '’' | '-'))
        {
            return None;
        }
        words += 1;
        e += name.len();
        if name.len() < w.len() {
            let close = w[name.len()..].chars().next()?;
            return (words <= MAX_WORDS && (close == ')') == parenthesis).then_some((s, e));
        }
        if words == MAX_WORDS {
            return None;
        }
        e += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::tests::{names, run};
    use crate::enrich::profile::Lang;
    use crate::enrich::types::EntityType::{Location as L, Person as P};

    #[test]
    fn the_home_after_a_legislators_party_initial_is_a_place() {
        let t = "State Sen. Ann Roe, R-Elk Springs, said the bill would pass. Rep. Tom Fell \
                 (D-Marlow) agreed.";
        let es = run(Lang::En, t, &[("Ann Roe", "PER"), ("Tom Fell", "PER")]);
        let n = names(&es);
        assert!(n.contains(&("Elk Springs".to_string(), L)), "{n:?}");
        assert!(n.contains(&("Marlow".to_string(), L)), "{n:?}");
        assert!(n.contains(&("Ann Roe".to_string(), P)), "{n:?}");
    }

    #[test]
    fn a_hyphenated_word_or_an_open_phrase_is_no_home() {
        // Not a name's own hyphen, nor words the sentence goes on with.
        let t = "The rally, D-Day veterans said, drew Ann Roe, R-Elk Springs said nothing.";
        let es = run(Lang::En, t, &[("Ann Roe", "PER")]);
        let n = names(&es);
        assert!(!n.iter().any(|(x, _)| x.starts_with("Day")), "{n:?}");
        assert!(!n.iter().any(|(x, _)| x.starts_with("Elk")), "{n:?}");
    }
}
