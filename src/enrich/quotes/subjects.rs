//! The subjects a quote without a cue of its own falls back on: the subject of the sentence
//! before, a person named in its own sentence, the subject of the last speech cue; and whether
//! a mention is subject-like (opening its sentence or clause).

use super::candidates::{Cand, Candidate};
use super::cues::{cue_at, is_boundary, CueMatch};
use super::field::{Field, MentionAt};
use super::scan::RawQuote;
use super::speaker::{subject_before, Phrase, Ref};
use crate::enrich::profile::{lower, Gender, Profile};

/// A quote standing as its own sentence right after a sentence whose subject is a person (or a
/// gendered pronoun), with no quotation of its own: "Doe was blunt. “We will not …”". A careful
/// reader gives the quote to that subject.
pub(super) fn previous_sentence_subject(
    fd: &Field<'_>,
    q: &RawQuote,
    res: &Profile,
) -> Option<Phrase> {
    let k = fd.tok_at(q.open);
    let prev = k.checked_sub(1)?;
    let para = fd.para(q.open);
    let pp = fd.para(fd.toks[prev].start);
    if para - pp.min(para) > 1 || !is_boundary(fd, prev, res) {
        return None;
    }
    let s = sentence_start(fd, prev, 60, pp, res);
    if (s..prev).any(|j| fd.in_quote(fd.toks[j].start)) {
        return None;
    }
    let first = &fd.toks[s];
    if let Some(&g) = res.pronouns.get(&first.lower) {
        return (g != Gender::Unknown).then(|| Phrase::at(Ref::Pron(g), first.start));
    }
    // Skip a determiner and titles: "Le président Emmanuel Macron", "Dr. Jane Doe".
    let mut j = s;
    while j < prev
        && j - s < 4
        && fd.mention_starting(fd.toks[j].start).is_none()
        && (res.articles.contains_key(&fd.toks[j].lower)
            || res.role(&fd.toks[j].lower).is_some()
            || fd.toks[j].lower == ".")
    {
        j += 1;
    }
    let m = fd.mention_starting(fd.toks[j].start)?;
    fd.is_person(m.entity)
        .then(|| Phrase::at(Ref::Ent(m.entity), m.start))
}

/// A person named in the quote's own sentence, before it, outside a prepositional phrase: the
/// subject of a sentence quoting part of what they said ("X s'est montrée « très inquiète »").
pub(super) fn sentence_subject(fd: &Field<'_>, q: &RawQuote, res: &Profile) -> Option<Phrase> {
    let b1 = fd.tok_at(q.open);
    let para = fd.para(q.open);
    let b0 = sentence_start(fd, b1, 40, para, res);
    let (lo, hi) = (
        fd.toks.get(b0)?.start,
        fd.toks[b1.saturating_sub(1).max(b0)].end,
    );
    let cands: Vec<_> = fd
        .mentions
        .iter()
        .filter(|m| {
            m.start >= lo && m.end <= hi && fd.is_speakable(m.entity) && !fd.in_quote(m.start)
        })
        .collect();
    let i = cands.iter().position(|m| {
        let k = fd.tok_at(m.start);
        !(k > 0 && res.preps.contains(&fd.toks[k - 1].lower))
    })?;
    // "Senate Republican leader Ann Vale called it “…”": an employer before a title is no
    // subject; the person the title names is.
    // The employer's acronym in brackets after it is the employer still ("the Tove Growers
    // Union (TGU) president Ada Roe").
    let next = cands[i + 1..].iter().find(|n| n.entity != cands[i].entity);
    let m = match next {
        Some(n) if !fd.is_person(cands[i].entity) && fd.is_person(n.entity) => {
            let (a, b) = (fd.tok_at(cands[i].end), fd.tok_at(n.start));
            let acronym = |k: usize| {
                let t = &fd.toks[k];
                matches!(t.lower.as_str(), "(" | ")")
                    || cands.iter().any(|c| {
                        c.entity == cands[i].entity && c.start <= t.start && t.end <= c.end
                    })
            };
            // A role word right before the person may follow the portfolio it holds, in lower
            // case ("Tove Party health critic Ann Vale").
            let ends_on_role = b > a && res.role(&fd.toks[b - 1].lower).is_some();
            let title = (a..b).all(|k| {
                let t = &fd.toks[k];
                acronym(k) || t.word && (t.cap || ends_on_role || res.role(&t.lower).is_some())
            });
            let words = (a..b).filter(|&k| !acronym(k)).count();
            // "Harbour Rescue's director of safety, Greg Mallory, put it bluntly: “…”": the
            // person in apposition to the possessed role is the subject.
            let possessed = fd.toks.get(a).is_some_and(|p| {
                p.start == cands[i].end
                    && res.tokens.possessives.iter().any(|x| lower(x) == p.lower)
            }) && b > a + 1
                && b - a <= 10
                && fd.toks[b - 1].lower == ","
                && (a + 1..b - 1).all(|k| fd.toks[k].word && !fd.toks[k].cap);
            // "le député PLR Marc Roy", « la sénatrice EELV Anne Roy »: a role right before the
            // body and the body glued to the name; the body is the person's party.
            let k = fd.tok_at(cands[i].start);
            let role_before = k > 0 && res.role(&fd.toks[k - 1].lower).is_some();
            if (title && (words > 0 || role_before) && words <= 4) || possessed {
                n
            } else {
                cands[i]
            }
        }
        _ => cands[i],
    };
    Some(Phrase::at(Ref::Ent(m.entity), m.start))
}

/// Whether the mention at byte `p` opens its sentence or clause (after an article at most, and
/// an organisation noun).
pub(super) fn subject_like(fd: &Field<'_>, p: usize, res: &Profile) -> bool {
    let mut k = fd.tok_at(p);
    // "Le groupe Renold a confirmé", "the carrier Skyway said": the noun the name is in
    // apposition with is part of the subject.
    if k > 1
        && res.org_nouns.contains(&fd.toks[k - 1].lower)
        && res.articles.contains_key(&fd.toks[k - 2].lower)
    {
        k -= 1;
    }
    // "selon la politologue Ana Roy": the role the name is in apposition with, too.
    if k > 1
        && res.roles.contains_key(&fd.toks[k - 1].lower)
        && res.articles.contains_key(&fd.toks[k - 2].lower)
    {
        k -= 1;
    }
    if k > 0 && res.articles.contains_key(&fd.toks[k - 1].lower) {
        k -= 1;
    }
    // The source a sentence opens on ("Selon X, …", "According to X, …") is its speaker.
    if let Some(n) = source_cue_before(fd, k, res) {
        k -= n;
    }
    k == 0
        || matches!(
            fd.toks[k - 1].lower.as_str(),
            "," | "." | "!" | "?" | ":" | ";"
        )
        || fd.para(fd.toks[k - 1].start) != fd.para(p)
        || inverted_after_quote(fd, k, res)
}

/// Whether token `k` follows a speech cue that follows a closing quotation mark: the subject of
/// an inverted incise ("», a lâché Jean Roy", "” said Ana Vale").
fn inverted_after_quote(fd: &Field<'_>, k: usize, res: &Profile) -> bool {
    const CLOSING: [&str; 3] = ["»", "”", "\""];
    let closing = |j: usize| CLOSING.contains(&fd.toks[j].lower.as_str());
    (k.saturating_sub(4)..k).any(|j| {
        cue_at(fd, j, k, res).is_some_and(|c| c.end == k && !c.source)
            && (j >= 1 && closing(j - 1) || j >= 2 && fd.toks[j - 1].lower == "," && closing(j - 2))
    })
}

/// The number of tokens of a source cue ("selon", "according to") ending right before token
/// `k`, if one does.
fn source_cue_before(fd: &Field<'_>, k: usize, res: &Profile) -> Option<usize> {
    (1..=k.min(3)).find(|&n| {
        let words = &fd.toks[k - n..k];
        res.cues_starting(&words[0].lower).any(|c| {
            c.source
                && c.tokens.len() == n
                && c.tokens.iter().zip(words).all(|(a, b)| *a == b.lower)
        })
    })
}

/// The subject of the last speech cue (outside quotes) in this paragraph or the one before:
/// before the cue, else inverted after it ("…, a déclaré jeudi le ministre").
pub(super) fn recent_speaker(fd: &Field<'_>, q: &RawQuote, res: &Profile) -> Option<Phrase> {
    let end = fd.tok_at(q.open);
    let para = fd.para(q.open);
    let mut start = end;
    while start > 0 && end - start < 80 && para - fd.para(fd.toks[start - 1].start).min(para) <= 1 {
        start -= 1;
    }
    let mut last = None;
    for k in start..end {
        if fd.in_quote(fd.toks[k].start) {
            continue;
        }
        if let Some(CueMatch { source: false, .. }) = cue_at(fd, k, end, res) {
            last = Some(k);
        }
    }
    let k = last?;
    let ce = cue_at(fd, k, end, res).map_or(k + 1, |c| c.end);
    if let Some(g) = super::cues::cue_pronoun(&fd.toks[k..ce], res) {
        // "…, a-t-il souligné.": the pronoun inverted into the cue.
        return (g != Gender::Unknown).then(|| Phrase::at(Ref::Pron(g), fd.toks[k].start));
    }
    let p = subject_before(fd, k.saturating_sub(8).max(start), k, res);
    match (&p.who, p.at) {
        (Ref::Ent(_) | Ref::Pron(_) | Ref::Name(_), Some(_)) => Some(p),
        // The subject inverted after the cue: "…, a déclaré jeudi le ministre."
        _ => {
            let a1 = (ce..end.min(ce + 12))
                .find(|&x| is_boundary(fd, x, res) || fd.in_quote(fd.toks[x].start))
                .unwrap_or(end.min(ce + 12));
            let r = super::cues::inverted_np(fd, ce, a1, res);
            matches!(r.who, Ref::Ent(_) | Ref::Role { definite: true, .. }).then_some(r)
        }
    }
}

/// The first rule token of the sentence holding token `from`: walking back at most `limit`
/// tokens, within paragraph `para`, to the token after a sentence boundary.
fn sentence_start(fd: &Field<'_>, from: usize, limit: usize, para: usize, res: &Profile) -> usize {
    let mut s = from;
    while s > 0
        && from - s < limit
        && fd.para(fd.toks[s - 1].start) == para
        && !is_boundary(fd, s - 1, res)
    {
        s -= 1;
    }
    s
}

/// Whether the role in a complement at byte `at` is the only candidate between the start of the
/// sentence of `pos` and `pos`: "La directive du gouverneur n'a pas de fin car « … », a-t-il
/// relevé" (the governor), but not "L'avocat du ministre a dit « … », a-t-il ajouté".
pub(super) fn lone_in_sentence(
    fd: &Field<'_>,
    at: usize,
    pos: usize,
    cands: &[Candidate],
    res: &Profile,
) -> bool {
    let para = fd.para(pos);
    let mut s = fd.tok_at(pos);
    while s > 0
        && fd.para(fd.toks[s - 1].start) == para
        && (!is_boundary(fd, s - 1, res) || fd.in_quote(fd.toks[s - 1].start))
    {
        s -= 1;
    }
    let start = fd.toks.get(s).map_or(pos, |t| t.start);
    at >= start
        && cands
            .iter()
            .filter(|c| c.at >= start && c.at < pos && c.at != at)
            .all(|c| matches!(c.kind, Cand::Possessor(_)))
}

/// Whether the role at byte `at`, not opening its clause, comes after a subject of its own
/// sentence: an object, no antecedent of a later pronoun ("The coach would not blame the
/// referee, but he said …": the coach; « Le maire a reçu la directrice, puis il a dit … »: the
/// mayor).
pub(super) fn role_after_subject(
    fd: &Field<'_>,
    at: usize,
    cands: &[Candidate],
    res: &Profile,
) -> bool {
    if subject_like(fd, at, res) {
        return false;
    }
    let para = fd.para(at);
    let s = sentence_start(fd, fd.tok_at(at), usize::MAX, para, res);
    let start = fd.toks.get(s).map_or(at, |t| t.start);
    cands.iter().any(|c| {
        c.at >= start
            && c.at < at
            && !matches!(c.kind, Cand::Possessor(_))
            && subject_like(fd, c.at, res)
    })
}

/// Whether a speaker phrase names no person ("selon la directrice de l'agence", "selon
/// Statec"): a person in apposition to it, if any, is the speaker.
pub(super) fn names_no_person(fd: &Field<'_>, who: &Ref) -> bool {
    match who {
        Ref::Ent(e) => !fd.is_person(*e),
        Ref::Role { .. } | Ref::OrgName(_) | Ref::OrgDesc(_) | Ref::Statement(_) | Ref::Nothing => {
            true
        }
        Ref::Name(_) | Ref::Pron(_) => false,
    }
}

/// The person named between commas right after the phrase starting at token `ce` (its first
/// comma, within [`MAX_SOURCE_PHRASE`] tokens and before `limit`), closed by a comma or a
/// bracket.
pub(super) fn apposed_person(fd: &Field<'_>, ce: usize, limit: usize) -> Option<MentionAt> {
    let end = limit.min(ce + MAX_SOURCE_PHRASE);
    let x = (ce..end).find(|&x| fd.toks[x].lower == ",")?;
    if (ce..x).any(|y| {
        fd.mention_starting(fd.toks[y].start)
            .is_some_and(|m| fd.is_person(m.entity))
    }) {
        return None;
    }
    let m = fd
        .toks
        .get(x + 1)
        .and_then(|t| fd.mention_starting(t.start))
        .filter(|m| fd.is_person(m.entity))?;
    let after = fd.tok_at(m.end);
    let closes = after < fd.toks.len() && matches!(fd.toks[after].lower.as_str(), "," | ")");
    closes.then_some(m)
}

/// Most tokens of a source phrase before its apposition ("selon la directrice de l'agence").
const MAX_SOURCE_PHRASE: usize = 10;

#[cfg(test)]
mod tests {
    use super::super::tests::attribute;
    use crate::enrich::profile::Lang;

    #[test]
    fn an_inverted_subject_after_a_quote_and_not_an_object_role_is_the_antecedent() {
        let t = "Léo Brunet a marqué deux fois.\n\n« Nous avons manqué de rigueur », a lâché Marc \
                 Olier à la sortie du vestiaire. L'entraîneur a refusé de blâmer le gardien, mais \
                 il a jugé que le but « ne devait pas compter ». « Il y avait faute sur Brunet », \
                 répète-t-il.\n\nLe gardien de Tarny, Paul Sarda, n'a rien dit.";
        let per = |n| (n, "PER");
        let qs = attribute(
            Lang::Fr,
            t,
            &[
                per("Léo Brunet"),
                per("Marc Olier"),
                per("Paul Sarda"),
                per("Brunet"),
            ],
        );
        assert!(
            qs.iter().all(|(_, s)| s.as_deref() == Some("Marc Olier")),
            "{qs:?}"
        );
    }
}
