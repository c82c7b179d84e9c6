//! Names the text makes speak. A place does not speak: a name the model typed as a place that
//! is the subject of a speech verb stands for the club, company or government it names ("Northfield United said in a statement: “…”", "la Bérésie a annoncé
//! que …"), and may be a speaker wherever the article quotes it.

use super::field::Field;
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
        let lo = p.tokens.partition_point(|t| t.start < m.start);
        let hi = p.tokens.partition_point(|t| t.start < m.end);
        // The mention's head: its token whose head lies outside the mention.
        let head = (lo..hi).find(|&i| {
            let h = p.tokens[i].head;
            h == i || !(lo..hi).contains(&h)
        });
        if head.is_some_and(|i| subject_of_speech(p, i, res)) {
            out.push(m.entity);
        }
    }
    out
}
