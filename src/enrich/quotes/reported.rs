//! Reported speech: the clause a speech verb or a source cue governs, outside quotation marks.
//!
//! - "X a déclaré que …", "X said (that) …": the clause after the complementizer (or, where the
//!   language lets it go, right after the verb), the speaker the subject before the verb;
//! - "…, a déclaré X." / "…, X said.": the clause from the sentence start to the comma, the
//!   speaker after the verb (inverted) or between the comma and the verb;
//! - "Selon X, …" / "According to X, …" and "…, selon X.": the rest of the sentence, or its
//!   start, the speaker the source phrase.
//!
//! The speaker phrase is read and resolved as for direct quotes. A clause that is a direct
//! quotation is left to the direct quotes; a partial quotation inside a clause is given the
//! clause's speaker by the caller.

use super::candidates::Candidate;
use super::clauses;
use super::cues::{cue_at, cue_pronoun, inverted_np, sentence_end, CueMatch};
use super::field::{Field, Span};
use super::resolve::{Resolver, RoleSpeakers};
use super::speaker::{source_np, subject_before, Phrase, Ref};
use super::subjects::names_no_person;
use crate::enrich::explain::{QuoteRule, SpeakerRef};
use crate::enrich::profile::Profile;

/// One clause of reported speech, in bytes of its field.
#[derive(Clone, Debug)]
pub(super) struct Reported {
    /// Bytes of the clause, without its complementizer.
    pub span: Span,
    /// Entity index of the speaker.
    pub speaker: Option<usize>,
    /// The cue as written ("a déclaré", "according to").
    pub cue: String,
    /// The rule that found the clause and its speaker phrase, and what that phrase was (for
    /// `--explain`).
    pub rule: QuoteRule,
    /// What the speaker phrase was.
    pub speaker_ref: SpeakerRef,
}

/// A clause found, before its speaker phrase is resolved.
#[derive(Clone)]
struct Clause {
    /// Token range of the clause.
    from: usize,
    to: usize,
    phrase: Phrase,
    cue: (usize, usize),
    rule: QuoteRule,
}

/// The reported clauses of a field, in reading order.
pub(super) fn reported(
    fd: &mut Field<'_>,
    rs: &mut Resolver<'_>,
    cands: &[Candidate],
    roles: &RoleSpeakers,
) -> Vec<Reported> {
    let res = rs.res;
    let mut clauses = Vec::new();
    let mut s = 0;
    while s < fd.toks.len() {
        let e = sentence_end(fd, s, res);
        sentence_clauses(fd, s, e, res, &mut clauses);
        s = e + 1;
    }
    parsed_clauses(fd, res, &mut clauses);
    let mut out = Vec::new();
    for c in clauses {
        let (b0, b1) = (fd.toks[c.cue.0].start, fd.toks[c.cue.1 - 1].end);
        let by_verb = !matches!(c.rule, QuoteRule::ReportedSource | QuoteRule::Opinion);
        if by_verb && clauses::mute_subject(fd, b0, b1, res) {
            continue;
        }
        let mut c = c;
        if c.rule == QuoteRule::ReportedVerbSubject && matches!(c.phrase.who, Ref::Nothing) {
            if let Some(ph) = clauses::cue_subject(fd, b0, b1, res) {
                c.phrase = ph;
                c.rule = QuoteRule::ReportedParsedSubject;
            }
        }
        if let Some(to) = run_on(fd, c.to, res) {
            c.to = to;
        }
        let speaker_ref = c.phrase.who.kind();
        let speaker = rs.resolve(fd, c.phrase, cands, roles);
        let mut span = trimmed(fd, c.from, c.to, res);
        span.start += crate::enrich::text::dateline_len(&fd.text[span.start..span.end]);
        // Two cues of one sentence may reach the same clause ("said … that the claims and
        // that …"): the first, in reading order, reports it.
        if fd.text[span.start..span.end].split_whitespace().count() < 3
            || out
                .iter()
                .any(|r: &Reported| r.span.start == span.start && r.span.end == span.end)
        {
            continue;
        }
        out.push(Reported {
            span,
            speaker,
            cue: fd.text[fd.toks[c.cue.0].start..fd.toks[c.cue.1 - 1].end].to_string(),
            rule: c.rule,
            speaker_ref,
        });
    }
    out
}

/// Add the complement clauses of speech verbs the parse finds where the word rules found none
/// (adverbs or complements between the verb and "que", a relative subject, a bare infinitive),
/// keeping reading order. Where the rules found the clause but no speaker phrase ("…, qui
/// affirme que …"), the parse's speaker.
fn parsed_clauses(fd: &Field<'_>, res: &Profile, clauses: &mut Vec<Clause>) {
    for pc in clauses::reported_clauses(fd, res) {
        let (from, to) = (fd.tok_at(pc.span.start), fd.tok_at(pc.span.end));
        let cue = (fd.tok_at(pc.cue.start), fd.tok_at(pc.cue.end));
        // "Asked whether …, she said": the question put to her is no clause she reports.
        if super::cues::question_opening(fd, cue.0, res) {
            continue;
        }
        let mut overlaps = false;
        for c in clauses.iter_mut().filter(|c| c.from < to && from < c.to) {
            overlaps = true;
            if matches!(c.phrase.who, Ref::Nothing) {
                c.phrase = pc.phrase.clone();
                c.rule = QuoteRule::ReportedParsedSubject;
            }
            // The same clause: it ends where the verb's complement ends, not at the sentence
            // end ("X a déclaré qu'il partirait, avec regret, avant l'été" keeps its adjuncts;
            // "…, a-t-il dit, ajoutant que …" does not run on).
            if c.from == from && to < c.to && !words_after_partial(fd, from, to) {
                c.to = to;
            }
        }
        if to > from && cue.1 > cue.0 && !overlaps && !fd.quoted_clause(from, to, cue.1 <= from) {
            clauses.push(Clause {
                from,
                to,
                phrase: pc.phrase,
                cue,
                rule: QuoteRule::ReportedParsedSubject,
            });
        }
    }
    clauses.sort_by_key(|c| c.from);
}

/// Whether a clause from token `from` that the parse ends at token `to` stops in a partial
/// quote it opened, and words or the sentence's end follow the quote's closing mark: the parse
/// leaves out the rest of the quote, or what the clause says after it ("que son groupe
/// « prendrait ses responsabilités » si le calendrier glisse", "qu'un audit serait confié à
/// l'inspection « dans les prochains jours »."). Not a comma after the mark ("were “not a
/// matter of weather”, although …").
fn words_after_partial(fd: &Field<'_>, from: usize, to: usize) -> bool {
    if !fd.in_quote(fd.toks[to - 1].start) || fd.in_quote(fd.toks[from].start) {
        return false;
    }
    fd.toks[to..]
        .iter()
        .find(|t| !fd.in_quote(t.start) && !fd.quote_closes_at(t.end))
        .is_none_or(|t| t.word || matches!(t.lower.as_str(), "." | "!" | "?"))
}

/// The byte span of tokens `from..to`, without closing punctuation nor a connective left
/// before the speaker's next act ("the station was too small and" + "warned that …").
fn trimmed(fd: &Field<'_>, from: usize, to: usize, res: &Profile) -> Span {
    let mut t = to;
    while t > from + 1
        && ((!fd.toks[t - 1].word
            && matches!(fd.toks[t - 1].lower.as_str(), "," | "." | ";" | ":"))
            || (fd.toks[t - 1].word
                && !fd.in_quote(fd.toks[t - 1].start)
                && res.connectives.contains(&fd.toks[t - 1].lower)))
    {
        t -= 1;
    }
    Span {
        start: fd.toks[from].start,
        end: fd.toks[t.max(from + 1) - 1].end,
    }
}

/// The most words of the subject between a connective and a verb in the tense of reported
/// speech ("and the two bridges would").
const RUN_ON_SUBJECT: usize = 5;

/// Where a reported clause ending before token `to` runs on: a connective ("and", "but") and
/// a verb in the tense of reported speech (`report_tense|` in `words.txt`: would, had, was …),
/// with a short subject of its own or none, carry on what the speaker said ("She said the road
/// was gone and crews would need a week", "said it had closed the plant and had laid off 40
/// workers"), where the parse ended the clause before the connective. Not a speech verb after
/// it ("and had warned that …"): the speaker's next act.
fn run_on(fd: &Field<'_>, to: usize, res: &Profile) -> Option<usize> {
    let toks = &fd.toks;
    let closing = |x: usize| {
        !toks[x].word
            && toks[x]
                .lower
                .chars()
                .all(|c| matches!(c, ',' | '"' | '”' | '»' | '’' | '\''))
    };
    let para = fd.para(toks.get(to.checked_sub(1)?)?.start);
    let mut x = to;
    while x < toks.len() && closing(x) {
        x += 1;
    }
    let conn = toks.get(x).filter(|t| res.connectives.contains(&t.lower))?;
    if fd.in_quote(conn.start) || fd.para(conn.start) != para {
        return None;
    }
    // "…, and that buses would run": a second clause of its own ([`coordinated_parts`]).
    if res.second_clauses.contains(&conn.lower)
        && toks
            .get(x + 1)
            .is_some_and(|t| res.complementizers.contains(&t.lower))
    {
        return None;
    }
    // The subject holds no verb ("and predicted that crews would" is another act); without a
    // parse, no run-on.
    let verb = (x + 1..toks.len().min(x + 2 + RUN_ON_SUBJECT))
        .take_while(|&y| toks[y].word && !fd.in_quote(toks[y].start))
        .take_while(|&y| {
            res.report_tenses.contains(&toks[y].lower)
                || (fd.parse.is_some() && !clauses::cue_is_verb(fd, toks[y].start, toks[y].end))
        })
        .find(|&y| res.report_tenses.contains(&toks[y].lower))?;
    let next = (verb + 1..toks.len().min(verb + 3)).take_while(|&y| toks[y].word);
    if std::iter::once(verb)
        .chain(next)
        .any(|y| clauses::is_speech_verb(fd, toks[y].start, toks[y].end, res))
    {
        return None;
    }
    // One coordinated clause: up to the sentence's end or the next connective ("… and the
    // army said …").
    let end = (verb..toks.len())
        .find(|&y| {
            fd.para(toks[y].start) != para
                || (!fd.in_quote(toks[y].start)
                    && (matches!(toks[y].lower.as_str(), "." | "!" | "?")
                        || res.connectives.contains(&toks[y].lower)))
        })
        .map_or(toks.len(), |y| {
            if fd.para(toks[y].start) != para || res.connectives.contains(&toks[y].lower) {
                y
            } else {
                y + 1
            }
        });
    let new_to = clause_end(fd, x + 1, end, None, res);
    (new_to > verb).then_some(new_to)
}

/// The most words after a speech verb that ends a sentence ("…, a prévenu jeudi le président
/// de la fédération des artisans, Paul Dorval."): its subject and a short apposition.
const MAX_AFTER: usize = 16;

/// The clauses of the sentence of tokens `s..=e`.
fn sentence_clauses(fd: &Field<'_>, s: usize, e: usize, res: &Profile, out: &mut Vec<Clause>) {
    let end = e + 1;
    let mut k = s;
    while k < end {
        if fd.in_quote(fd.toks[k].start) {
            k += 1;
            continue;
        }
        if k == s {
            if let Some(cl) = opinion_clause(fd, s, end, res) {
                k = cl.to.max(k + 1);
                out.push(cl);
                continue;
            }
        }
        let Some(c) = cue_at(fd, k, end, res) else {
            k += 1;
            continue;
        };
        let verb = || clauses::cue_is_verb(fd, fd.toks[k].start, fd.toks[c.end - 1].end);
        let found = if c.source {
            source_clause(fd, s, k, c, end, res)
        } else if verb() {
            verb_clause(fd, s, k, c, end, res)
        } else {
            None
        };
        // A second part may open on a partial quote ("and that “…” were closed").
        if let Some(cl) = found.filter(|cl| !fd.quoted_clause(cl.from, cl.to, cl.cue.1 <= cl.from))
        {
            out.extend(coordinated_parts(fd, cl, res));
        }
        k = c.end.max(k + 1);
    }
}

/// A clause cut at each coordinator of `second_clause|` before a complementizer: "said the
/// line would close, and that buses would run" reports two clauses of one speaker, each its
/// own item. Not inside a quotation.
fn coordinated_parts(fd: &Field<'_>, cl: Clause, res: &Profile) -> Vec<Clause> {
    let toks = &fd.toks;
    let mut parts = Vec::new();
    let mut start = cl.from;
    for x in cl.from + 1..cl.to.saturating_sub(2) {
        let opens = res.second_clauses.contains(&toks[x].lower)
            && res.complementizers.contains(&toks[x + 1].lower)
            && !fd.in_quote(toks[x].start);
        if !opens {
            continue;
        }
        let end = if toks[x - 1].lower == "," { x - 1 } else { x };
        if end > start {
            parts.push(Clause {
                from: start,
                to: end,
                ..cl.clone()
            });
            start = x + 2;
        }
    }
    parts.push(Clause { from: start, ..cl });
    parts
}

/// "Pour Anne Morel, le projet arrive trop tard.": a sentence opening on an opinion word (the
/// profile's `opinion`), a named person or organisation and a comma reports that one's view;
/// the clause is the rest of the sentence. Not a quotation, nor a phrase naming no one ("Pour
/// la première fois, …", "Pour Lyon, …").
fn opinion_clause(fd: &Field<'_>, s: usize, end: usize, res: &Profile) -> Option<Clause> {
    if !res.opinions.contains(&fd.toks[s].lower) {
        return None;
    }
    let m = fd
        .toks
        .get(s + 1)
        .and_then(|t| fd.mention_starting(t.start))
        .filter(|m| fd.is_speakable(m.entity))?;
    let comma = fd.tok_at(m.end);
    if comma + 1 >= end || fd.toks[comma].lower != "," {
        return None;
    }
    let from = comma + 1;
    let to = clause_end(fd, from, end, None, res);
    (to > from && !fd.quoted_clause(from, to, true)).then_some(Clause {
        from,
        to,
        phrase: Phrase::at(Ref::Ent(m.entity), m.start),
        cue: (s, s + 1),
        rule: QuoteRule::Opinion,
    })
}

/// Only connectives before token `k` in its sentence ("Mais selon X", "Ainsi, selon X").
fn opens_sentence(fd: &Field<'_>, s: usize, k: usize) -> bool {
    k - s <= 3 && (s..k).all(|x| fd.mention_starting(fd.toks[x].start).is_none())
}

/// "Selon X, …" (the rest of the sentence) or "…, selon X." (its start).
fn source_clause(
    fd: &Field<'_>,
    s: usize,
    k: usize,
    c: CueMatch,
    end: usize,
    res: &Profile,
) -> Option<Clause> {
    // Not a comma inside a name ("selon le Service de la faune, de la flore et des forêts, …").
    let mut comma = (c.end..end).find(|&x| {
        let t = &fd.toks[x];
        t.lower == "," && fd.mention_over(t.start, t.end).is_none()
    });
    let lim = comma.unwrap_or(end);
    let mut phrase = source_np(fd, c.end, lim, res);
    // "selon la directrice de l'agence, Anne Morel, …": the person in apposition to a phrase
    // that names nobody.
    let unnamed = names_no_person(fd, &phrase.who);
    if unnamed {
        if let Some(author) = document_author(fd, c.end, lim, res) {
            phrase = author;
        }
    }
    if let (true, Some(x)) = (unnamed, comma) {
        if let Some(m) = fd
            .toks
            .get(x + 1)
            .and_then(|t| fd.mention_starting(t.start))
            .filter(|m| fd.is_person(m.entity))
        {
            let after = fd.tok_at(m.end);
            let closes = after + 1 >= end || matches!(fd.toks[after].lower.as_str(), "," | ")");
            if closes {
                phrase = Phrase::at(Ref::Ent(m.entity), m.start);
                comma = (after < end && fd.toks[after].lower == ",").then_some(after);
            }
        }
    }
    if opens_sentence(fd, s, k) {
        let from = comma? + 1;
        return (from < end).then_some(Clause {
            from,
            to: clause_end(fd, from, end, None, res),
            phrase,
            cue: (k, c.end),
            rule: QuoteRule::ReportedSource,
        });
    }
    (k > s + 2 && fd.toks[k - 1].lower == ",").then_some(Clause {
        from: s,
        to: k - 1,
        phrase,
        cue: (k, c.end),
        rule: QuoteRule::ReportedSource,
    })
}

/// "selon un bilan établi par la Croix-Rouge", "according to data from the Weather Service": a
/// document reports for its author, the person or organisation named after the document noun
/// (within the source phrase, tokens `k0..k1`). `None` when the phrase does not open on a
/// document noun (an article and two modifiers at most before it): "selon des proches de
/// Paul Roy" gives no words to Paul Roy. A document whose author is not named is nobody's.
fn document_author(fd: &Field<'_>, k0: usize, k1: usize, res: &Profile) -> Option<Phrase> {
    let doc = (k0..k1.min(k0 + 4))
        .take_while(|&k| fd.toks[k].word && fd.mention_starting(fd.toks[k].start).is_none())
        .find(|&k| res.documents.contains(&fd.toks[k].lower))?;
    let author = (doc + 1..k1)
        .filter_map(|k| fd.mention_starting(fd.toks[k].start))
        .find(|m| fd.is_speakable(m.entity));
    Some(match author {
        Some(m) => Phrase::at(Ref::Ent(m.entity), m.start),
        None => Phrase::NOTHING,
    })
}

/// Where a clause starting at `from` ends: a semicolon, a colon, a comma before another cue or
/// before a participle of a speech verb the cues do not list ("…, ajoutant que …"), a quotation
/// mark closing a partial quote before a connective and a cue ("… « trop tard » et réclame …"),
/// or the sentence end.
fn clause_end(
    fd: &Field<'_>,
    from: usize,
    end: usize,
    cue: Option<(usize, usize)>,
    res: &Profile,
) -> usize {
    // A cue at `y`, after a connective when there is one ("…, mais ajoute : …", "…, but added");
    // after a connective, only a verb the parse agrees is one ("et juge que …" may be a noun).
    let cue_after = |y: usize| {
        let n = &fd.toks[y];
        let z = if res.connectives.contains(&n.lower) && y + 1 < end {
            y + 1
        } else {
            y
        };
        cue_at(fd, z, end, res)
            .filter(|c| {
                z == y || clauses::cue_is_verb(fd, fd.toks[z].start, fd.toks[c.end - 1].end)
            })
            .map(|c| {
                (
                    z > y,
                    Span {
                        start: fd.toks[z].start,
                        end: fd.toks[c.end - 1].end,
                    },
                )
            })
    };
    // A participle of a speech verb after a connective, sharing the governing cue's auxiliary
    // ("a estimé que … « … » et demandé …"): the cue words list no bare participle.
    let bare_participle = |y: usize| {
        let n = fd
            .toks
            .get(y + 1)
            .filter(|_| y + 1 < end && res.connectives.contains(&fd.toks[y].lower))?;
        let span = Span {
            start: n.start,
            end: n.end,
        };
        (n.word && clauses::is_speech_verb(fd, n.start, n.end, res)).then_some((true, span))
    };
    // A speech verb's present participle at `y`, after the profile's opener words when there
    // are any (« , tout en rappelant que … »).
    let speech_participle_after = |y: usize| {
        (y..end)
            .find(|&z| !res.gerund_openers.contains(&fd.toks[z].lower))
            .filter(|&z| fd.toks[z].word)
            .is_some_and(|z| {
                clauses::is_speech_participle(fd, fd.toks[z].start, fd.toks[z].end, res)
            })
    };
    // The governing cue's bytes, against which a cue after a partial quote is matched.
    let main = cue.map(|(k0, k1)| Span {
        start: fd.toks[k0].start,
        end: fd.toks[k1 - 1].end,
    });
    (from..end)
        .find_map(|x| {
            let t = &fd.toks[x];
            if fd.in_quote(t.start) {
                // The partial quote ends the clause when a connective and a speech verb follow
                // it: the verb is the speaker's next act ("Elle juge que le plan « arrive trop
                // tard » et réclame un débat", "She said the plan was "far too late" and urged
                // a debate").
                if !(fd.quote_closes_at(t.end) && x > from && x + 1 < end) {
                    return None;
                }
                let next = cue_after(x + 1)
                    .filter(|&(connective, _)| connective)
                    .or_else(|| bare_participle(x + 1));
                let agrees = main
                    .zip(next)
                    .is_some_and(|(m, (_, n))| clauses::same_verb_shape(fd, m, n));
                return agrees.then_some(x + 1);
            }
            let stop = matches!(t.lower.as_str(), ";" | ":")
                || (t.lower == ","
                    && x + 1 < end
                    && (cue_after(x + 1).is_some() || speech_participle_after(x + 1)));
            stop.then_some(x)
        })
        .unwrap_or(end)
}

/// A speech verb at token `k`: the clause after it ("X said that …"), or before it ("…, said X").
fn verb_clause(
    fd: &Field<'_>,
    s: usize,
    k: usize,
    c: CueMatch,
    end: usize,
    res: &Profile,
) -> Option<Clause> {
    // "X a déclaré que …", "X said (that) …": a subject before the verb, in the sentence.
    if let Some(from) = following_complement(fd, k, c.end, end, res) {
        if k == s {
            return None;
        }
        let (b0, b1) = (fd.toks[k].start, fd.toks[c.end - 1].end);
        let (phrase, rule) = match clauses::participle_speaker(fd, b0, b1, res) {
            Some(p) => (p, QuoteRule::ParticipleMainSubject),
            None => (
                subject_before(fd, s, k, res),
                QuoteRule::ReportedVerbSubject,
            ),
        };
        return Some(Clause {
            from,
            to: clause_end(fd, from, end, Some((k, c.end)), res),
            phrase,
            cue: (k, c.end),
            rule,
        });
    }
    backward_clause(fd, s, k, c, end, res)
}

/// "…, a déclaré X." / "…, X said.": the clause is the sentence up to a comma right before the
/// verb or before its subject; little follows the verb, and nothing quoted.
fn backward_clause(
    fd: &Field<'_>,
    s: usize,
    k: usize,
    c: CueMatch,
    end: usize,
    res: &Profile,
) -> Option<Clause> {
    let cm = (s + 2..k)
        .rev()
        .take(6)
        .find(|&x| fd.toks[x].lower == ",")
        .filter(|&x| (x + 1..k).all(|y| fd.toks[y].word || fd.toks[y].lower == "."))?;
    // Another speech verb between the comma and this one is the verb the clause before the
    // comma hangs on ("…, said he would ask the board": not "ask").
    if (cm + 1..k).any(|y| cue_at(fd, y, k, res).is_some()) {
        return None;
    }
    // The words of the verb's own clause: not those of a participle after it ("…, said a
    // person familiar with the repairs, adding that …").
    let own = clause_end(fd, c.end, end, Some((k, c.end)), res);
    let after: Vec<usize> = (c.end..own).filter(|&x| fd.toks[x].word).collect();
    // A quotation in the verb's own clause is its object ("…, a-t-il dit « … »"); one in the
    // clause of a participle after it ("…, précise-t-elle, ajoutant que « … »") is not.
    // A colon right after the verb introduces what it reports ("…, Paul Roy said: “…”").
    if (c.end..own).any(|x| fd.in_quote(fd.toks[x].start))
        || fd.toks.get(own).is_some_and(|t| t.lower == ":")
    {
        return None;
    }
    let (b0, b1) = (fd.toks[k].start, fd.toks[c.end - 1].end);
    if clauses::in_relative(fd, b0, b1)
        || clauses::subject_before(fd, b0, b1, fd.toks[s].start, fd.toks[cm].start)
    {
        return None;
    }
    let from = fd.toks[cm].end;
    let parsed = clauses::trailing_speaker(fd, b0, b1, from, false, res);
    let pronoun = (cm + 1 == k)
        .then(|| cue_pronoun(&fd.toks[k..c.end], res))
        .flatten();
    let (phrase, rule) = match (pronoun, parsed) {
        (Some(g), _) => (
            Phrase::at(Ref::Pron(g), fd.toks[k].start),
            QuoteRule::ReportedInverted,
        ),
        (None, Some(p)) if cm + 1 == k || after.len() <= 6 => {
            (p, QuoteRule::ReportedTrailingSubject)
        }
        (None, None) if cm + 1 == k => (
            inverted_np(fd, c.end, end, res),
            QuoteRule::ReportedInverted,
        ),
        (None, None) if after.len() <= 6 => (
            subject_before(fd, cm + 1, k, res),
            QuoteRule::ReportedInverted,
        ),
        _ => return None,
    };
    // Nobody the words name: a common-noun subject ("…, officials said") names someone unknown.
    let (phrase, rule) = match phrase.who {
        Ref::Nothing => match clauses::trailing_speaker(fd, b0, b1, from, true, res) {
            Some(p) => (p, QuoteRule::ReportedTrailingSubject),
            None => (phrase, rule),
        },
        _ => (phrase, rule),
    };
    let named = !matches!(phrase.who, Ref::Nothing);
    // The clause starts after a colon or semicolon before it, as it ends at one after a verb:
    // "X a jugé la baisse nécessaire : « … », a-t-elle estimé." reports the quotation only.
    let first = (s..cm)
        .rev()
        .find(|&x| !fd.in_quote(fd.toks[x].start) && matches!(fd.toks[x].lower.as_str(), ":" | ";"))
        .map_or(s, |x| x + 1);
    let words = (first..cm).filter(|&x| fd.toks[x].word).count();
    // A clause mostly between quotation marks is a quotation with a few framing words ("Le
    // chantier « prendra au moins deux ans de plus », a-t-elle ajouté"): the incise attributes
    // the quotation, which the direct quotes have.
    let quoted_words = (first..cm)
        .filter(|&x| fd.toks[x].word && fd.in_quote(fd.toks[x].start))
        .count();
    if 2 * quoted_words > words || !clauses::has_verb(fd, fd.toks[first].start, fd.toks[cm].start) {
        return None;
    }
    (named && words >= 6 && after.len() <= MAX_AFTER).then_some(Clause {
        from: first,
        to: cm,
        phrase,
        cue: (k, c.end),
        rule,
    })
}

/// The first token of a clause after a speech verb ending at `ce`: after a complementizer
/// within a few words ("a déclaré mardi à la presse que"), else — where the language allows —
/// right after the verb when a subject-like word opens it ("said the plan", "said he").
fn following_complement(
    fd: &Field<'_>,
    k: usize,
    ce: usize,
    end: usize,
    res: &Profile,
) -> Option<usize> {
    for x in ce..end.min(ce + 8) {
        let t = &fd.toks[x];
        // Another speech verb on the way has its own complement ("lance le procureur, qui
        // affirme que …"), also a form the cues do not list ("a indiqué un mécanicien,
        // ajoutant que …").
        let other_cue = x > ce
            && (cue_at(fd, x, end, res).is_some()
                || (t.word && clauses::is_speech_verb(fd, t.start, t.end, res)));
        if fd.in_quote(t.start)
            || other_cue
            || matches!(t.lower.as_str(), "." | ";" | ":" | "?" | "!")
        {
            break;
        }
        if res.complementizers.contains(&t.lower) {
            // "tant que", "so that": a conjunction, not the verb's complement.
            if x > ce && res.locutions.contains(&fd.toks[x - 1].lower) {
                break;
            }
            return (x + 1 < end).then_some(x + 1);
        }
    }
    // "…, said Brightwater Trust, a consumer group": the verb's subject follows it.
    let (b0, b1) = (fd.toks[k].start, fd.toks[ce - 1].end);
    if !res.bare_clause || ce >= end || clauses::subject_follows(fd, b0, b1) {
        return None;
    }
    // "told him they …", "told the jury the …": the clause follows whom the verb addresses;
    // "urged them to …" reports no clause.
    let ce = match clauses::object_after(fd, b0, b1, fd.toks[ce].start) {
        Some(b) => fd.tok_at(b),
        None => ce,
    };
    if ce >= end {
        return None;
    }
    let t = &fd.toks[ce];
    let opens = t.word
        && (res.pronouns.contains_key(&t.lower)
            || res.definites.contains(&t.lower)
            || res.indefinites.contains(&t.lower)
            || (t.cap && fd.mention_starting(t.start).is_some()));
    let words = (ce..end).filter(|&x| fd.toks[x].word).count();
    (opens && words >= 4 && !fd.in_quote(t.start)).then_some(ce)
}
