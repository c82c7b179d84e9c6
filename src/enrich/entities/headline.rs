//! Names in a Title Case headline. When most words of a field are capitalised ("Jury Finds Ann
//! Lee Guilty Of Fraud", "Dupont Condamné Pour Fraude À Lyon"), capitals no longer mark names and
//! the model glues verbs and common words to a name ("Finds Ann", "Lee Guilty"). A reader takes
//! the name from the article: such a span is trimmed to the name the other fields give for the
//! same words ("Ann Lee"), else to the words of the span that are part of a name found there
//! ("Lee"), else to its run of proper nouns by the parse. A span the other fields confirm as
//! written is kept; nothing is dropped, only trimmed.

use super::mention::{word_bounded, M};
use crate::enrich::syntax::{FieldAnalysis, Pos};
use crate::enrich::types::Document;

/// Fewest long words a field needs before its case says anything.
const MIN_LONG_WORDS: usize = 3;
/// Letters a word needs to count: short function words ("of", "in", "à") are left in lower
/// case by many house styles.
const LONG_WORD: usize = 4;
/// Share of long words capitalised above which a field is Title Case.
const TITLE_CASE_SHARE: f64 = 0.8;

/// Whether most long words of `text` start with a capital ("Jury Finds Ann Lee Guilty").
pub(super) fn is_title_case(text: &str) -> bool {
    let long: Vec<&str> = text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= LONG_WORD)
        .collect();
    let caps = long
        .iter()
        .filter(|w| w.starts_with(char::is_uppercase))
        .count();
    long.len() >= MIN_LONG_WORDS && caps as f64 >= TITLE_CASE_SHARE * long.len() as f64
}

/// Trim the mentions of Title Case fields to the names the other fields (or the parse) give
/// for their words; identical mentions that result are kept once.
pub(super) fn trim(doc: &Document<'_>, parse: &[FieldAnalysis], ms: &mut Vec<M>) {
    let titled: Vec<bool> = doc.fields.iter().map(|f| is_title_case(f.text)).collect();
    if !titled.contains(&true) {
        return;
    }
    // The names found in the other fields, longest first.
    let mut known: Vec<&str> = ms
        .iter()
        .filter(|m| !titled[m.field])
        .map(|m| &doc.fields[m.field].text[m.start..m.end])
        .collect();
    known.sort_by_key(|k| std::cmp::Reverse(k.len()));
    known.dedup();
    let plain: Vec<&str> = doc
        .fields
        .iter()
        .zip(&titled)
        .filter(|(_, t)| !**t)
        .map(|(f, _)| f.text)
        .collect();
    for m in ms.iter_mut().filter(|m| titled[m.field]) {
        let t = doc.fields[m.field].text;
        let span = &t[m.start..m.end];
        // Written so in the article too: a name as it stands.
        if plain.iter().any(|p| occurs(p, span)) {
            continue;
        }
        let fa = parse.iter().find(|fa| fa.field == m.field);
        if let Some(r) = name_over(t, m.start, m.end, &known)
            .or_else(|| part_inside(t, m.start, m.end, &known))
            .or_else(|| fa.and_then(|fa| proper_run(fa, m.start, m.end)))
        {
            m.start = r.start;
            m.end = r.end;
        }
    }
    ms.sort_by_key(|m| (m.field, m.start, m.end));
    ms.dedup_by(|a, b| a.field == b.field && a.start == b.start && a.end == b.end);
}

/// A byte range in a field.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Range {
    start: usize,
    end: usize,
}

/// Whether `needle` occurs in `hay` as whole words.
fn occurs(hay: &str, needle: &str) -> bool {
    hay.match_indices(needle)
        .any(|(i, _)| word_bounded(hay, i, i + needle.len()))
}

/// The longest known name written in `t` (as whole words) over part of `s..e`: "Finds Ann" in
/// "Jury Finds Ann Lee Guilty", with "Ann Lee" known, is "Ann Lee".
fn name_over(t: &str, s: usize, e: usize, known: &[&str]) -> Option<Range> {
    known.iter().find_map(|k| {
        t.match_indices(k)
            .map(|(i, _)| Range {
                start: i,
                end: i + k.len(),
            })
            .find(|r| r.start < e && s < r.end && word_bounded(t, r.start, r.end))
    })
}

/// The longest run of the words of `s..e` that is part of a known name: "Lee Guilty", with
/// "Ann Lee" known, is "Lee".
fn part_inside(t: &str, s: usize, e: usize, known: &[&str]) -> Option<Range> {
    let words: Vec<Range> = t[s..e]
        .split(' ')
        .scan(s, |at, w| {
            let r = Range {
                start: *at,
                end: *at + w.len(),
            };
            *at += w.len() + 1;
            Some(r)
        })
        .filter(|r| r.end > r.start)
        .collect();
    for len in (1..words.len()).rev() {
        for run in words.windows(len) {
            let r = Range {
                start: run[0].start,
                end: run[len - 1].end,
            };
            if known.iter().any(|k| occurs(k, &t[r.start..r.end])) {
                return Some(r);
            }
        }
    }
    None
}

/// The longest run of proper nouns the parse reads in `s..e`, when shorter than the span.
fn proper_run(fa: &FieldAnalysis, s: usize, e: usize) -> Option<Range> {
    let mut best: Option<Range> = None;
    let mut cur: Option<Range> = None;
    for tok in fa
        .analysis
        .tokens
        .iter()
        .filter(|x| x.start >= s && x.end <= e)
    {
        if tok.pos == Pos::Propn {
            let r = cur.get_or_insert(Range {
                start: tok.start,
                end: tok.end,
            });
            r.end = tok.end;
            if best.is_none_or(|b| r.end - r.start > b.end - b.start) {
                best = Some(*r);
            }
        } else {
            cur = None;
        }
    }
    best.filter(|b| b.end - b.start < e - s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::enrich::types::TextField;

    fn m(t: &str, field: usize, span: &str) -> M {
        let s = t.find(span).unwrap();
        M {
            field,
            start: s,
            end: s + span.len(),
            label: "PER".into(),
            hint: None,
        }
    }

    /// The title mentions left after trimming, as text.
    fn trimmed(title: &str, body: &str, title_spans: &[&str], body_spans: &[&str]) -> Vec<String> {
        let doc = Document {
            fields: vec![
                TextField {
                    name: "title",
                    text: title,
                },
                TextField {
                    name: "body",
                    text: body,
                },
            ],
            lang: None,
        };
        let mut ms: Vec<M> = title_spans.iter().map(|s| m(title, 0, s)).collect();
        ms.extend(body_spans.iter().map(|s| m(body, 1, s)));
        trim(&doc, &[], &mut ms);
        ms.iter()
            .filter(|m| m.field == 0)
            .map(|m| title[m.start..m.end].to_string())
            .collect()
    }

    #[test]
    fn title_case_is_most_long_words_capitalised() {
        assert!(is_title_case("Jury Finds Ann Lee Guilty Of Fraud"));
        assert!(is_title_case("Dupont Condamné Pour Fraude À Lyon"));
        assert!(!is_title_case("Ann Lee found guilty of fraud in Leeds"));
        assert!(!is_title_case("Ann Lee"));
    }

    #[test]
    fn glued_words_leave_a_headline_name() {
        let body = "A jury found Ann Lee guilty on Friday. Lee will appeal.";
        let got = trimmed(
            "Jury Finds Ann Lee Guilty Of Fraud",
            body,
            &["Finds Ann", "Lee Guilty"],
            &["Ann Lee", "Lee"],
        );
        assert_eq!(got, ["Ann Lee"]);
        // Only a part of the name in the article: the span keeps that part.
        let body = "Le tribunal a condamné Paul Dupont mardi.";
        let got = trimmed(
            "Dupont Condamné Pour Fraude À Lyon",
            body,
            &["Dupont Condamné"],
            &["Paul Dupont"],
        );
        assert_eq!(got, ["Dupont"]);
    }

    #[test]
    fn confirmed_or_sentence_case_spans_stay() {
        // The article writes the headline's name as it stands.
        let body = "The New York Times said the Ann Lee case was closed.";
        let got = trimmed(
            "New York Times Reports On Ann Lee Verdict",
            body,
            &["New York Times"],
            &["New York Times", "New York"],
        );
        assert_eq!(got, ["New York Times"]);
        // A sentence-case title is left alone.
        let got = trimmed(
            "Ann Lee Guilty found guilty in Leeds",
            "Ann Lee was in court.",
            &["Ann Lee Guilty"],
            &["Ann Lee"],
        );
        assert_eq!(got, ["Ann Lee Guilty"]);
    }
}
