//! A road named by its number: "the A82", "la RD 964", "l'A25", "the N4 and N7". A road's code
//! is a letter or two of the language's road classes (`road_prefix|…` in `words.txt`: "A",
//! "M", "RD") and a number, glued ("A82"), spaced ("RD 964") or hyphenated ("A-40"). The
//! model reads such a code as a product, an organisation or nothing at all; after a definite
//! article, or joined to a road just named ("the A64 and A19"), it is a place. An amount in a
//! currency written with a letter ("than R480 million") follows no article or is followed by a
//! magnitude (`magnitude|…`); in a sports report, "la N2" or "la D1" is a division, so none is
//! read there. A road noun in lower case before a number names a road too (« la route 117 »,
//! « la route nationale n° 3 », `road_noun|…` and `road_class|…`), in any report.

use super::mention::{resort, M};
use crate::enrich::analysis::Analysis;
use crate::enrich::profile::Profile;
use crate::enrich::tokens::Tok;
use crate::enrich::types::EntityType;
use std::collections::HashSet;

/// Most tokens between two roads joined by a coordinator ("A64 and the A19").
const MAX_JOIN: usize = 3;

/// A road code found in a field: its byte range and the index of the token after it.
struct Code {
    start: usize,
    end: usize,
    next: usize,
}

/// Type the road codes the model labelled as places, and add those it missed.
pub(super) fn apply(an: &Analysis<'_>, res: &Profile, sports: bool, ms: &mut Vec<M>) {
    let before = ms.len();
    for (fi, f) in an.fields.iter().enumerate() {
        for code in noun_roads(f.text, &f.toks, res) {
            mark(ms, before, fi, &code);
        }
    }
    if sports || res.road_prefixes.is_empty() {
        resort(ms, before);
        return;
    }
    let models = made_codes(an, res);
    for (fi, f) in an.fields.iter().enumerate() {
        let toks = &f.toks;
        let mut last_road: Option<usize> = None;
        let mut i = 0;
        while i < toks.len() {
            let Some(code) = code_at(f.text, toks, i, res) else {
                i += 1;
                continue;
            };
            if models.contains(&f.text[code.start..code.end]) {
                i = code.next;
                continue;
            }
            let after_article =
                i > 0 && res.definites.contains(&toks[i - 1].lower.replace('’', "'"));
            let joined = last_road.is_some_and(|l| i - l <= MAX_JOIN && joins(toks, l, i, res));
            let amount = toks
                .get(code.next)
                .is_some_and(|n| res.magnitudes.contains(&n.lower));
            if (after_article || joined) && !amount {
                mark(ms, before, fi, &code);
                last_road = Some(code.next);
            }
            i = code.next;
        }
    }
    resort(ms, before);
}

/// Most digits of a road's number written after a road noun.
const NOUN_ROAD_DIGITS: usize = 4;

/// Signs of a number between a road noun and the number, lower case.
const NUMBER_SIGNS: &[&str] = &["n°", "nº", "no", "n", "°", "º"];

/// Roads written in lower case before their number, which the model reads as no name: a road
/// noun, its class adjectives, maybe a number sign, and a number or a road code (« la route
/// 117 », « la route nationale n° 3 », « la route départementale 974 », « la route nationale
/// N2 »).
fn noun_roads(text: &str, toks: &[Tok], res: &Profile) -> Vec<Code> {
    let mut out = Vec::new();
    if res.road_nouns.is_empty() {
        return out;
    }
    for i in 0..toks.len() {
        if !toks[i].word || toks[i].cap || !res.road_nouns.contains(&toks[i].lower) {
            continue;
        }
        let mut j = i + 1;
        while toks
            .get(j)
            .is_some_and(|t| t.word && res.road_classes.contains(&t.lower))
        {
            j += 1;
        }
        // A number sign, whole or cut by the tokens (« n° », « n », « ° », « no »).
        while toks
            .get(j)
            .is_some_and(|t| NUMBER_SIGNS.contains(&t.lower.as_str()) && j + 1 < toks.len())
        {
            j += 1;
        }
        let Some(t) = toks.get(j) else { continue };
        // « n°3 » in one token: the number after its sign.
        let number = NUMBER_SIGNS
            .iter()
            .find_map(|s| t.lower.strip_prefix(s))
            .filter(|n| !n.is_empty())
            .unwrap_or(&t.lower);
        let next = j + 1;
        let code = code_at(text, toks, j, res).is_some_and(|c| c.next == next);
        // A number before its plural noun counts things ("la route 2 voies"): no road's.
        let counted = toks
            .get(next)
            .is_some_and(|n| n.word && !n.cap && n.lower.ends_with('s'));
        if counted {
            continue;
        }
        if road_number(number, NOUN_ROAD_DIGITS) || code {
            out.push(Code {
                start: toks[i].start,
                end: toks[next - 1].end,
                next,
            });
        }
    }
    out
}

/// The codes the text writes after a capitalised word other than an article: a maker's model
/// ("the Airbus A380", then "l'A380"), not a road, wherever it is written.
fn made_codes<'a>(an: &Analysis<'a>, res: &Profile) -> HashSet<&'a str> {
    let mut out = HashSet::new();
    for f in &an.fields {
        for i in 1..f.toks.len() {
            let p = &f.toks[i - 1];
            let maker = p.word && p.cap && !res.definites.contains(&p.lower.replace('’', "'"));
            if let Some(code) = code_at(f.text, &f.toks, i, res).filter(|_| maker) {
                out.insert(&f.text[code.start..code.end]);
            }
        }
    }
    out
}

/// The road code starting at token `i`, if one does.
fn code_at(text: &str, toks: &[Tok], i: usize, res: &Profile) -> Option<Code> {
    let x = &toks[i];
    if !x.word || !x.cap {
        return None;
    }
    let w = &text[x.start..x.end];
    let letters = w.bytes().take_while(u8::is_ascii_uppercase).count();
    let prefix = w[..letters].to_ascii_lowercase();
    let digits = *res.road_prefixes.get(&prefix).filter(|_| letters > 0)?;
    let rest = &w[letters..];
    let number = rest.strip_prefix('-').unwrap_or(rest);
    if number.is_empty() && letters == w.len() {
        // "RD" + "964": the number is the next token, one space away.
        let n = toks.get(i + 1)?;
        let spaced = &text[x.end..n.start] == " ";
        return (spaced && road_number(&text[n.start..n.end], digits)).then_some(Code {
            start: x.start,
            end: n.end,
            next: i + 2,
        });
    }
    road_number(number, digits).then_some(Code {
        start: x.start,
        end: x.end,
        next: i + 1,
    })
}

/// Whether `s` is a road's number: 1 to `digits` ASCII digits.
fn road_number(s: &str, digits: usize) -> bool {
    (1..=digits).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
}

/// Whether the tokens from `from` to `to` (exclusive) join two roads: a coordinator or a
/// comma, then at most an article.
fn joins(toks: &[Tok], from: usize, to: usize, res: &Profile) -> bool {
    let between = &toks[from..to];
    between.first().is_some_and(|t| {
        res.and_words.contains(&t.lower) || res.or_words.contains(&t.lower) || t.lower == ","
    }) && between[1..]
        .iter()
        .all(|t| res.definites.contains(&t.lower.replace('’', "'")))
}

/// Type as a place the mention that is exactly `code`; add one where no mention overlaps it.
fn mark(ms: &mut Vec<M>, before: usize, fi: usize, code: &Code) {
    let overlapping: Vec<usize> = (0..before)
        .filter(|&k| ms[k].field == fi && ms[k].start < code.end && code.start < ms[k].end)
        .collect();
    match overlapping[..] {
        [] => ms.push(M::found(fi, code.start, code.end, EntityType::Location)),
        [k] if ms[k].start == code.start && ms[k].end == code.end => {
            ms[k].hint = Some(EntityType::Location);
        }
        // The code alone, inside a road written with its noun (« la route nationale N2 »).
        [k] if code.start <= ms[k].start && ms[k].end <= code.end => {
            ms[k].start = code.start;
            ms[k].end = code.end;
            ms[k].hint = Some(EntityType::Location);
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{names, run};
    use crate::enrich::profile::Lang;
    use crate::enrich::types::EntityType::Location as L;

    #[test]
    fn a_road_after_its_article_is_a_place() {
        let t = "Un camion s’est renversé sur la RD 412 puis sur l’A7, près de Valence.";
        let es = run(Lang::Fr, t, &[("Valence", "LOC")]);
        let got = names(&es);
        assert!(got.contains(&("RD 412".to_string(), L)), "{got:?}");
        assert!(got.contains(&("A7".to_string(), L)), "{got:?}");
        let t = "Delays built up on the M62 and A640 after the crash, and the B6114 shut.";
        let es = run(Lang::En, t, &[("M62", "PRODUCT"), ("A640", "ORG")]);
        let got = names(&es);
        for road in ["M62", "A640", "B6114"] {
            assert!(got.contains(&(road.to_string(), L)), "{road}: {got:?}");
        }
    }

    #[test]
    fn amounts_models_and_bare_codes_are_no_roads() {
        // An amount in a currency written with a letter; a plane's model the text also writes
        // after its maker; a code after no article.
        let t = "The council owes the R480 million it borrowed. An Airbus A350 landed; the A350 \
                 seats 300. Form A12 is due.";
        let es = run(Lang::En, t, &[]);
        assert!(es.is_empty(), "{:?}", names(&es));
    }

    #[test]
    fn a_road_noun_before_a_number_names_the_road() {
        let t = "La route 117 est coupée, comme la route nationale n°3 et la route \
                 départementale 974. La route nationale N2 rouvre. La route 2 voies attendra.";
        let es = run(Lang::Fr, t, &[("N2", "MISC")]);
        assert_eq!(
            names(&es),
            [
                ("route 117".to_string(), L),
                ("route nationale n°3".to_string(), L),
                ("route départementale 974".to_string(), L),
                ("route nationale N2".to_string(), L),
            ]
        );
    }
}
