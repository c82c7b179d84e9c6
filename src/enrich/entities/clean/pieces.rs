//! Cutting a span at the separators no name holds.

use super::Range;
use crate::enrich::profile::{key, lower, Profile, TypeWord};

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
