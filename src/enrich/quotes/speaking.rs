//! Names the text makes speak. A place does not speak: a name the model typed as a place that
//! is the subject of a speech verb stands for the club, company or government it names
//! ("Northfield United said in a statement: “…”", "la Bérésie a annoncé que …"), and may be a
//! speaker wherever the article quotes it. A name shaped like a person's (a known first name
//! and more) in apposition to the subject of a speech verb is a person whatever the model's
//! label ("…, a précisé la cheffe du service, Sylvie Marchal").

use super::cues::{cue_at, is_boundary};
use super::field::{Field, MentionAt};
use crate::enrich::profile::{lower, Profile};
use crate::enrich::syntax::{Analysis, Pos};

/// Whether the parse token `i` is the subject of a verb whose lemma is a speech verb.
fn subject_of_speech(p: &Analysis, i: usize, res: &Profile) -> bool {
    let t = &p.tokens[i];
    let dep = t.dep.as_str();
    // A passive subject is what is said, not who says it.
    let active = dep == "nsubj" || dep == "csubj";
    let v = &p.tokens[t.head];
    active && t.head != i && v.pos == Pos::Verb && res.speech_lemmas.contains(&lower(&v.lemma))
}

/// The entities among `candidates` (entity index → may become a speaker) that some mention of
/// this field shows speaking: its head word is the active subject of a speech verb, outside
/// quotation marks.
pub(super) fn speaking_entities(fd: &Field<'_>, res: &Profile, candidates: &[bool]) -> Vec<usize> {
    let Some(p) = fd.parse else {
        return Vec::new();
    };
    let mut out: Vec<usize> = Vec::new();
    for m in &fd.mentions {
        if !candidates.get(m.entity).copied().unwrap_or(false)
            || out.contains(&m.entity)
            || fd.in_quote(m.start)
        {
            continue;
        }
        if mention_head(p, m.start, m.end).is_some_and(|i| subject_of_speech(p, i, res)) {
            out.push(m.entity);
        }
    }
    out
}

/// The head token of the mention at bytes `start..end`: its token whose head lies outside it.
fn mention_head(p: &Analysis, start: usize, end: usize) -> Option<usize> {
    let lo = p.tokens.partition_point(|t| t.start < start);
    let hi = p.tokens.partition_point(|t| t.start < end);
    (lo..hi).find(|&i| {
        let h = p.tokens[i].head;
        h == i || !(lo..hi).contains(&h)
    })
}

/// The entities among `candidates` (places) that the field shows as persons: a name of two
/// words or more opening with a known first name, one of whose mentions is in apposition
/// (outside quotes) to a noun speaking through a speech verb, its subject or the inverted
/// subject the parser may label an object ("…, a prévenu le président du club, Paul Dorval";
/// "…, said the agency's director, Jordan Hale").
pub(super) fn person_shaped(
    fd: &Field<'_>,
    res: &Profile,
    candidates: &[bool],
    names: &[&str],
) -> Vec<usize> {
    let Some(p) = fd.parse else {
        return Vec::new();
    };
    let mut out: Vec<usize> = Vec::new();
    for m in &fd.mentions {
        let named_like_person = names.get(m.entity).is_some_and(|n| {
            let mut w = n.split_whitespace();
            let first = w.next().map(lower).unwrap_or_default();
            w.next().is_some() && res.first_names.contains_key(&first)
        });
        if !candidates.get(m.entity).copied().unwrap_or(false)
            || !named_like_person
            || out.contains(&m.entity)
            || fd.in_quote(m.start)
        {
            continue;
        }
        if mention_head(p, m.start, m.end).is_some_and(|i| apposed_to_speaker(p, i, res))
            || closes_incise(fd, m, res)
        {
            out.push(m.entity);
        }
    }
    out
}

/// How far back from a name a speech cue may stand in its incise ("a précisé la cheffe
/// du service régional des routes et ouvrages d'art de Savoie, Sylvie Marchal").
const INCISE_WINDOW: usize = 24;

/// Whether mention `m` stands after a comma in the incise of a speech cue (a verb, outside
/// quotes, in the same sentence) and ends it: "…, a précisé la cheffe du service, Sylvie
/// Marchal.", "…, wrote the chair of the board, Jordan Hale."
fn closes_incise(fd: &Field<'_>, m: &MentionAt, res: &Profile) -> bool {
    let k = fd.tok_at(m.start);
    let after = fd.tok_at(m.end);
    let ends = fd.toks.get(after).is_none_or(|t| {
        fd.para(t.start) != fd.para(m.start)
            || matches!(t.lower.as_str(), "." | ";" | "!" | "?")
            || is_boundary(fd, after, res)
    });
    if k == 0 || fd.toks[k - 1].lower != "," || !ends {
        return false;
    }
    let from = k.saturating_sub(INCISE_WINDOW);
    (from..k - 1)
        .rev()
        .take_while(|&x| !is_boundary(fd, x, res))
        .any(|x| {
            !fd.in_quote(fd.toks[x].start)
                && cue_at(fd, x, k, res).is_some_and(|c| !c.source && c.end < k)
        })
}

/// Whether token `i` is in apposition to a noun (or to that noun's complement) that a speech
/// verb has as its subject or object.
fn apposed_to_speaker(p: &Analysis, i: usize, res: &Profile) -> bool {
    if p.tokens[i].dep != "appos" {
        return false;
    }
    let mut n = p.tokens[i].head;
    for _ in 0..4 {
        let t = &p.tokens[n];
        let v = &p.tokens[t.head];
        let speaking = matches!(t.dep.as_str(), "nsubj" | "obj" | "dobj")
            && v.pos == Pos::Verb
            && res.speech_lemmas.contains(&lower(&v.lemma));
        if speaking {
            return true;
        }
        if t.head == n || !t.pos.is_nominal() {
            return false;
        }
        n = t.head;
    }
    false
}
