//! Cutting a span at the separators no name holds.

use super::Range;
use crate::enrich::profile::{key, lower, NameHead, Profile, TypeWord};

/// Separators no name holds: a line break, a spaced dash (a dateline's "LONDRES - Le club…",
/// "Paris – Berlin"), a sentence end (". " before a capital), an opening parenthesis (the
/// model's "Harbor Safety Board (HSB" is a name and its acronym).
const BREAKS: &[&str] = &["\n", " - ", " – ", " — ", ". ", " ("];

/// `t[s..e]` cut at the separators no name holds: the pieces a span the model ran across
/// them is made of ("France.\n\nUne", "Londres - Manchester United").
pub(super) fn pieces(t: &str, s: usize, e: usize) -> Vec<Range> {
    let mut out = Vec::new();
    let mut from = s;
    let mut i = s;
    while i < e {
        let rest = &t[i..e];
        // ". " ends a sentence only before a capital and after a word longer than an initial.
        let hit = BREAKS.iter().find(|b| rest.starts_with(*b)).filter(|b| {
            **b != ". "
                || (rest[2..].starts_with(char::is_uppercase)
                    && t[from..i]
                        .rsplit(' ')
                        .next()
                        .is_some_and(|w| w.chars().filter(|c| c.is_alphabetic()).count() > 3))
        });
        match hit {
            Some(b) => {
                let end = if *b == ". " { i + 1 } else { i };
                out.push(Range { start: from, end });
                i += b.len();
                from = i;
            }
            None => i += rest.chars().next().map_or(1, char::len_utf8),
        }
    }
    out.push(Range {
        start: from,
        end: e,
    });
    // A score glued after a team's name ("Hull City 2-1") is no part of it.
    for r in out.iter_mut() {
        if let Some(i) = t[r.start..r.end].rfind(' ') {
            let w = &t[r.start + i + 1..r.end];
            let short =
                |x: &str| (1..=2).contains(&x.len()) && x.bytes().all(|c| c.is_ascii_digit());
            if w.split_once('-').is_some_and(|(a, b)| short(a) && short(b)) {
                r.end = r.start + i;
            }
        }
    }
    out.retain(|r| r.start < r.end);
    out
}

/// `r` of `t` cut at its commas, where they list names side by side ("Chateh, Meander River",
/// a street and then a person): a name holds commas only in the enumeration of its
/// portfolios, which a coordinator closes after the last comma ("Department of Trade,
/// Industry and Energy").
pub(super) fn at_commas(t: &str, r: Range, res: &Profile) -> Vec<Range> {
    let seg = &t[r.start..r.end];
    let Some(last) = seg.rfind(", ") else {
        return vec![r];
    };
    let closed = seg[last..]
        .split(|c: char| !(c.is_alphanumeric() || c == '&'))
        .any(|w| w == "&" || res.and_words.contains(&lower(w)));
    if closed {
        return vec![r];
    }
    let mut out = Vec::new();
    let mut from = r.start;
    for (i, _) in seg.match_indices(", ") {
        out.push(Range {
            start: from,
            end: r.start + i,
        });
        from = r.start + i + 2;
    }
    out.push(Range {
        start: from,
        end: r.end,
    });
    out
}

/// `r` of `t` cut at a lower-case speech verb, which no name holds: the model ran a speaker and
/// the addressee of "told" into one span ("Okafor told Radio Nova").
pub(super) fn at_speech_verbs(t: &str, r: Range, res: &Profile) -> Vec<Range> {
    let seg = &t[r.start..r.end];
    let mut out = Vec::new();
    let mut from = r.start;
    let mut at = r.start;
    for w in seg.split(' ') {
        let verb = w.starts_with(char::is_lowercase)
            && res
                .cues_starting(&lower(w))
                .any(|c| c.tokens.len() == 1 && !c.source);
        if verb {
            out.push(Range {
                start: from,
                end: at.saturating_sub(1).max(from),
            });
            from = (at + w.len() + 1).min(r.end);
        }
        at += w.len() + 1;
    }
    out.push(Range {
        start: from,
        end: r.end,
    });
    out.retain(|x| x.start < x.end);
    out
}

/// Most words on either side of a route preposition in a span cut there.
const MAX_ROUTE_WORDS: usize = 3;

/// `r` of `t` cut at a route preposition (`route_prep|`: "to", "at") between two runs of
/// capitalised words: the model ran a route's or a match's two names into one span
/// ("Elmford to Castle Hill", "Brentwood at Oakfield Park"). Not after an organisation's head
/// word, which such a preposition may complement ("the Coalition to Save Elm Park").
pub(super) fn at_route(t: &str, r: Range, res: &Profile) -> Vec<Range> {
    let seg = &t[r.start..r.end];
    for prep in &res.route_preps {
        let pat = format!(" {prep} ");
        let Some(i) = seg.find(&pat) else {
            continue;
        };
        let (left, right) = (&seg[..i], &seg[i + pat.len()..]);
        let capitalised = |s: &str| {
            let n = s.split(' ').count();
            n <= MAX_ROUTE_WORDS && s.split(' ').all(|w| w.starts_with(char::is_uppercase))
        };
        let org_head = left
            .rsplit(' ')
            .next()
            .is_some_and(|w| res.type_words.get(&key(w)) == Some(&TypeWord::Org));
        if capitalised(left) && capitalised(right) && !org_head {
            return around(r, r.start + i, pat.len());
        }
    }
    vec![r]
}

/// `r` of `t` cut at a town preposition (`town_prep|`: "in", "near") between a name closed
/// (or, where heads come first, opened) by a place's or a body's head word and a short run of
/// capitalised words: the model ran a site and the town it stands in into one span ("Marle
/// General Hospital in Tovebury", "the Tovel Canal near Sarne Quay"). A name whose words before
/// the preposition end on no head word is left whole ("the University of Otago in Dunedin" may
/// be cut elsewhere, "Folk in Tovel" is a title).
pub(super) fn at_town(t: &str, r: Range, res: &Profile) -> Vec<Range> {
    let seg = &t[r.start..r.end];
    // The first preposition of the span (the set has no order).
    let first = res
        .town_preps
        .iter()
        .filter_map(|prep| {
            let pat = format!(" {prep} ");
            seg.find(&pat).map(|i| (i, pat))
        })
        .min();
    if let Some((i, pat)) = first {
        let (left, right) = (&seg[..i], &seg[i + pat.len()..]);
        // The span may open on an article the cleaning trims later ("the Tovel Canal").
        let words: Vec<&str> = left
            .split(' ')
            .skip_while(|w| res.definites.contains(&lower(w)))
            .collect();
        let head = res.name_head.of(&words);
        let headed = words.len() >= 2
            && words.iter().all(|w| w.starts_with(char::is_uppercase))
            && head.is_some_and(|w| {
                matches!(
                    res.type_words.get(&key(w)),
                    Some(TypeWord::Loc | TypeWord::Org)
                )
            });
        let town = right.split(' ').count() <= MAX_ROUTE_WORDS
            && right.split(' ').all(|w| w.starts_with(char::is_uppercase));
        if headed && town {
            return around(r, r.start + i, pat.len());
        }
    }
    vec![r]
}

/// `r` of `t` cut at a coordinator between two names that each close (or, where heads come
/// first, open) on a place's head word: the model ran two streets into one span ("Mill Lane
/// and Abbey Road", "Hanway Street & Dorrit Avenue"). A country's formal name has no such
/// heads on both sides ("Trinidad and Tobago").
pub(super) fn at_coordinated_places(t: &str, r: Range, res: &Profile) -> Vec<Range> {
    let seg = &t[r.start..r.end];
    let head = |s: &str| {
        let words: Vec<&str> = s.split(' ').collect();
        let w = res.name_head.of(&words);
        words.len() >= 2
            && words.iter().all(|w| !w.is_empty())
            && s.starts_with(char::is_uppercase)
            && w.is_some_and(|w| res.type_words.get(&key(w)) == Some(&TypeWord::Loc))
    };
    for and in &res.and_words {
        let pat = format!(" {and} ");
        let Some(i) = seg.find(&pat) else {
            continue;
        };
        if head(&seg[..i]) && head(&seg[i + pat.len()..]) {
            return around(r, r.start + i, pat.len());
        }
    }
    vec![r]
}

/// `r` of `t` cut at the dash between two capitalised words where a route noun stands on the
/// language's head side (`route_noun|`: « l'axe Tovebury-Marwick », "the Tovebury-Marwick
/// route"): the route's two ends, not one name.
pub(super) fn dashed_route(t: &str, r: Range, res: &Profile) -> Vec<Range> {
    match route_dash(t, r.start, r.end, res) {
        Some(at) => around(r, at, t[at..].chars().next().map_or(1, char::len_utf8)),
        None => vec![r],
    }
}

/// The byte of the dash in `t[s..e]` when it joins the two ends of a route (see
/// [`dashed_route`]).
pub(super) fn route_dash(t: &str, s: usize, e: usize, res: &Profile) -> Option<usize> {
    let seg = &t[s..e];
    let dashes: Vec<(usize, char)> = seg
        .char_indices()
        .filter(|(_, c)| matches!(c, '-' | '–'))
        .collect();
    let [(i, dash)] = dashes[..] else {
        return None;
    };
    let (left, right) = (&seg[..i], &seg[i + dash.len_utf8()..]);
    let word = |s: &str| {
        s.chars().count() >= 2
            && s.starts_with(char::is_uppercase)
            && s.chars().all(char::is_alphabetic)
    };
    // The words on the head's side, nearest first, over other routes coordinated with this
    // one (« les axes Tovebury-Marwick et » + "Tovebury-Lestre").
    let side: Vec<&str> = match res.name_head {
        NameHead::First => t[..s].rsplit([' ', '\'', '’']).take(7).collect(),
        NameHead::Last => t[e..].split([' ', ',', '.']).take(7).collect(),
    };
    let side: Vec<&str> = side.into_iter().filter(|w| !w.is_empty()).collect();
    let mut k = 0;
    while side
        .get(k)
        .is_some_and(|w| res.and_words.contains(&lower(w)))
        && side.get(k + 1).is_some_and(|w| w.contains(['-', '–']))
    {
        k += 2;
    }
    let noun = side.get(k);
    (word(left) && word(right) && noun.is_some_and(|w| res.route_nouns.contains(&lower(w))))
        .then_some(s + i)
}

/// `r` without the `len` bytes at `at`: the two names on either side of a preposition.
pub(super) fn around(r: Range, at: usize, len: usize) -> Vec<Range> {
    vec![
        Range {
            start: r.start,
            end: at,
        },
        Range {
            start: at + len,
            end: r.end,
        },
    ]
}

#[cfg(test)]
mod tests {
    use crate::enrich::entities::tests::{names, run};
    use crate::enrich::profile::Lang;
    use crate::enrich::types::EntityType::Organization as O;

    #[test]
    fn a_site_run_into_the_town_it_stands_in_is_two_names() {
        let t = "Hail closed the Marle Highway near Sarne Quay; patients went to Tovel \
                 General Hospital in Dunmere.";
        let es = run(
            Lang::En,
            t,
            &[
                ("the Marle Highway near Sarne Quay", "FAC"),
                ("Tovel General Hospital in Dunmere", "ORG"),
            ],
        );
        let n = names(&es);
        for want in [
            "Marle Highway",
            "Sarne Quay",
            "Tovel General Hospital",
            "Dunmere",
        ] {
            assert!(n.iter().any(|(x, _)| x == want), "{want}: {n:?}");
        }
        assert_eq!(n.len(), 4, "{n:?}");
        // Words before the preposition that end on no head word: one name (a title here).
        let t = "The band played Folk in Tovelby all summer.";
        let es = run(Lang::En, t, &[("Folk in Tovelby", "ORG")]);
        assert_eq!(names(&es), [("Folk in Tovelby".to_string(), O)]);
    }
}
