//! Speech cues ("a déclaré", "said", "selon"), sentence bounds, and where a quote's attribution
//! sits: after the quote ("…", a déclaré X / "…," X said), before it (X a déclaré : « … »,
//! "selon X … « … »", "Pour X, « … »", "X : « … »"), or inside it between commas (the incise,
//! read by `incise`).

use super::field::Field;
use super::scan::{opens, RawQuote};
use super::speaker::{np, source_np, subject_before, Phrase, Ref};
use crate::enrich::explain::QuoteRule;
use crate::enrich::profile::{Gender, Profile};
use crate::enrich::tokens::Tok;

/// A cue found in the text: the token past its last word, and whether it is a source cue
/// ("selon", "according to": the speaker follows it).
#[derive(Clone, Copy, Debug)]
pub(super) struct CueMatch {
    /// Rule token just past the cue.
    pub end: usize,
    /// A source cue ("selon", "according to"): the speaker follows it.
    pub source: bool,
}

/// The attribution of a quote as written: who the speaker phrase points at, the cue's text and
/// the byte position of the phrase, and the rule that found it (for `--explain`).
#[derive(Clone, Debug)]
pub(super) struct Attribution {
    /// Who the speaker phrase points at, before resolution.
    pub speaker: Ref,
    /// The cue as written ("a-t-il ajouté", "said").
    pub cue: Option<String>,
    /// Byte where the speaker phrase starts.
    pub at: Option<usize>,
    /// The rule that found the attribution.
    pub rule: QuoteRule,
}

impl Attribution {
    pub(super) fn new(phrase: Phrase, cue: Option<String>, rule: QuoteRule) -> Self {
        Attribution {
            speaker: phrase.who,
            cue,
            at: phrase.at,
            rule,
        }
    }
}

/// Whether token `k` ends a sentence (not the full stop of an abbreviation or an initial).
pub(super) fn is_boundary(fd: &Field<'_>, k: usize, res: &Profile) -> bool {
    let t = &fd.toks[k];
    if t.word || !matches!(t.lower.as_str(), "." | "!" | "?" | "…") {
        return false;
    }
    if k > 0 && fd.toks[k - 1].word && fd.toks[k - 1].end == t.start {
        let p = &fd.toks[k - 1].lower;
        if res.abbrevs.contains(p)
            || p.contains('.')
            || (p.chars().count() == 1 && fd.toks[k - 1].cap)
        {
            return false;
        }
    }
    match fd.toks.get(k + 1) {
        None => true,
        Some(n) => {
            n.cap
                || !n.word && opens(fd.text[n.start..].chars().next().unwrap_or(' '))
                || fd.para(n.start) != fd.para(t.start)
        }
    }
}

/// A cue starting at token `k` that fits before `limit`.
pub(super) fn cue_at(fd: &Field<'_>, k: usize, limit: usize, res: &Profile) -> Option<CueMatch> {
    let t = &fd.toks[k];
    if !t.word || in_name(fd, k) || question_opening(fd, k, res) {
        return None;
    }
    // A cue word after a determiner is a noun ("la demande", "le juge").
    if k > 0
        && (res.articles.contains_key(&fd.toks[k - 1].lower)
            || res.preps.contains(&fd.toks[k - 1].lower))
        && fd.toks[k - 1].word
    {
        let c = res.cues_starting(&t.lower).next()?;
        if !c.source {
            return None;
        }
    }
    'cues: for c in res.cues_starting(&t.lower) {
        let mut j = k + 1;
        for w in &c.tokens[1..] {
            let mut skipped = 0;
            while j < limit
                && fd.toks[j].lower != *w
                && res.skip.contains(&fd.toks[j].lower)
                && skipped < 2
            {
                j += 1;
                skipped += 1;
            }
            if j >= limit || fd.toks[j].lower != *w {
                continue 'cues;
            }
            j += 1;
        }
        return Some(CueMatch {
            end: j,
            source: c.source,
        });
    }
    None
}

/// Whether token `k` is a participle of asking opening its sentence ("Asked whether the line
/// would close, the manager said …"): the question put to the subject, not its speech.
pub(super) fn question_opening(fd: &Field<'_>, k: usize, res: &Profile) -> bool {
    let t = &fd.toks[k];
    t.cap
        && res.question_participles.contains(&t.lower)
        && (k == 0
            || fd.para(fd.toks[k - 1].start) != fd.para(t.start)
            || matches!(fd.toks[k - 1].lower.as_str(), "." | "!" | "?"))
}

/// Whether token `k` is a capitalised word inside a name the entities found, after its first
/// word ("the United States", "the Morning Post"): a word of the name, not a verb.
fn in_name(fd: &Field<'_>, k: usize) -> bool {
    let t = &fd.toks[k];
    if !t.cap {
        return false;
    }
    let i = fd.mentions.partition_point(|m| m.start < t.start);
    i > 0 && t.end <= fd.mentions[i - 1].end
}

/// The gender of a pronoun inverted into a cue ("a-t-elle", "dit-il").
pub(super) fn cue_pronoun(toks: &[Tok], res: &Profile) -> Option<Gender> {
    toks.iter().find_map(|t| {
        let last = t.lower.rsplit('-').next()?;
        (t.lower.contains('-') && res.pronouns.contains_key(last)).then(|| res.pronouns[last])
    })
}

pub(super) fn cue_text(fd: &Field<'_>, k: usize, ce: usize) -> String {
    fd.text[fd.toks[k].start..fd.toks[ce - 1].end].to_string()
}

/// The speaker phrase of a quote, its cue text and the byte position of the phrase.
pub(super) fn find_attribution(fd: &Field<'_>, q: &RawQuote, res: &Profile) -> Option<Attribution> {
    if q.closed {
        if let Some(a) = after_quote(fd, q, res) {
            return Some(a);
        }
    }
    if let Some(a) = before_quote(fd, q, res) {
        return Some(a);
    }
    if q.closed {
        if let Some(a) = verb_after_comma(fd, q, res) {
            return Some(a);
        }
    }
    super::incise::incise(fd, q, res)
}

/// Any verb in incise position after a quote ending with a comma, whatever its lemma: "« … »,
/// tonne l'avocat." / "« … », grince-t-il." / "“…,” she fumed." / "“…,” Smith deadpanned."
fn verb_after_comma(fd: &Field<'_>, q: &RawQuote, res: &Profile) -> Option<Attribution> {
    let body = fd.text[q.start..q.end].trim_end();
    let a0 = past_gloss(fd, fd.tok_at(q.close_end), fd.para(q.open));
    let mut k = a0;
    if fd.toks.get(k).is_some_and(|t| t.lower == ",") {
        k += 1;
    } else if !body.ends_with(',') {
        return None;
    }
    let para = fd.para(q.open);
    let mut a1 = k;
    while a1 < fd.toks.len()
        && a1 - k < 12
        && fd.para(fd.toks[a1].start) == para
        && !is_boundary(fd, a1, res)
        && !matches!(fd.toks[a1].lower.as_str(), "," | ";" | ":")
    {
        a1 += 1;
    }
    // An object or reflexive pronoun before the verb (« … », s’étrangle-t-il).
    if fd
        .toks
        .get(k)
        .is_some_and(|t| res.clitics.contains(&t.lower))
        && k + 1 < a1
    {
        k += 1;
    }
    let verb = fd
        .toks
        .get(k)
        .filter(|t| t.word && !t.cap && k < a1 && !res.subordinators.contains(&t.lower))?;
    // Verb first, the subject inverted after it.
    if !res.articles.contains_key(&verb.lower) && !res.pronouns.contains_key(&verb.lower) {
        if let Some(g) = cue_pronoun(&fd.toks[k..k + 1], res) {
            return (g != Gender::Unknown).then(|| {
                Attribution::new(
                    Phrase::at(Ref::Pron(g), verb.start),
                    Some(fd.text[verb.start..verb.end].to_string()),
                    QuoteRule::VerbAfterComma,
                )
            });
        }
        let r = inverted_np(fd, k + 1, a1, res);
        if matches!(
            r.who,
            Ref::Ent(_)
                | Ref::Name(_)
                | Ref::Role { definite: true, .. }
                | Ref::OrgDesc(_)
                | Ref::OrgName(_)
                | Ref::Statement(_)
        ) && r.at == fd.toks.get(k + 1).map(|t| t.start)
        {
            return Some(Attribution::new(
                r,
                Some(fd.text[verb.start..verb.end].to_string()),
                QuoteRule::VerbAfterComma,
            ));
        }
    }
    // The subject first, then a lower-case verb ending the clause: "she fumed", "Smith said".
    let subj = np(fd, k, a1, res);
    let v = (k + 1..a1).find(|&x| fd.toks[x].word && !fd.toks[x].cap)?;
    let subject_ends = matches!(subj.who, Ref::Pron(_)) && v == k + 1
        || fd
            .mention_starting(fd.toks[k].start)
            .is_some_and(|m| fd.tok_at(m.end) == v);
    (subject_ends && v + 1 == a1 && subj.at == Some(fd.toks[k].start)).then(|| {
        Attribution::new(
            subj,
            Some(fd.text[fd.toks[v].start..fd.toks[v].end].to_string()),
            QuoteRule::VerbAfterComma,
        )
    })
}

/// After the quote, up to the sentence end, the next quotation or the paragraph end.
fn after_quote(fd: &Field<'_>, q: &RawQuote, res: &Profile) -> Option<Attribution> {
    let n = fd.toks.len();
    let para = fd.para(q.open);
    let a0 = past_gloss(fd, fd.tok_at(q.close_end), para);
    let mut a1 = a0;
    while a1 < n && a1 - a0 < 40 && fd.para(fd.toks[a1].start) == para && !is_boundary(fd, a1, res)
    {
        let t = &fd.toks[a1];
        if !t.word && fd.quote_opens_at(t.start) {
            break;
        }
        a1 += 1;
    }
    // A quote ending its own sentence ("« … . » Des milliers de …", "“… .” The plan …"): what
    // follows is another sentence, with its own cue; only a speaker right after the marks may
    // still be the quote's ("“… .” Smith said.").
    let body = fd.text[q.start..q.end].trim_end();
    let ends_sentence = body.ends_with(['.', '!', '?', '…']);
    let reach = if ends_sentence && fd.toks.get(a0).is_some_and(|t| t.word && t.cap) {
        4
    } else {
        25
    };
    for k in a0..a1.min(a0 + reach) {
        // "« … », quand le Qatar dénonçait …": a clause of its own, another speaker's verb.
        if res.subordinators.contains(&fd.toks[k].lower) {
            break;
        }
        let Some(CueMatch { end: ce, source }) = cue_at(fd, k, a1, res) else {
            continue;
        };
        // Only adverbs and object pronouns before the verb ("», lui rétorque la maire"): the
        // subject comes after it.
        let inverted = fd.toks[a0..k]
            .iter()
            .all(|t| !t.word || res.skip.contains(&t.lower) || res.clitics.contains(&t.lower));
        let pre = if k > a0 && !inverted {
            subject_before(fd, a0, k, res)
        } else {
            Phrase::NOTHING
        };
        let r = if source {
            source_np(fd, ce, a1, res)
        } else if let Some(g) = cue_pronoun(&fd.toks[k..ce], res) {
            inverted_subject(fd, k, ce, a1, g, res)
        } else if !matches!(pre.who, Ref::Nothing) {
            pre
        } else if inverted {
            inverted_np(fd, ce, a1, res)
        } else if fd.toks[a0..k]
            .iter()
            .find(|t| t.word)
            .is_some_and(|t| res.articles.contains_key(&t.lower))
        {
            // An unnamed speaker: "a former engineer told CNBC".
            Phrase::NOTHING
        } else {
            continue;
        };
        let rule = if source {
            QuoteRule::SourcePhrase
        } else {
            QuoteRule::CueAfterQuote
        };
        return Some(Attribution::new(r, Some(cue_text(fd, k, ce)), rule));
    }
    None
}

/// Past a parenthesis right after a quote's closing mark (a translation or a gloss: "« … »
/// (la paix avant tout), lance le maire", "“…” (peace first), the mayor said"): the token after
/// it, else `a0`.
fn past_gloss(fd: &Field<'_>, a0: usize, para: usize) -> usize {
    if fd.toks.get(a0).is_none_or(|t| t.lower != "(") {
        return a0;
    }
    (a0 + 1..fd.toks.len().min(a0 + 40))
        .take_while(|&k| fd.para(fd.toks[k].start) == para && fd.toks[k].lower != "(")
        .find(|&k| fd.toks[k].lower == ")")
        .map_or(a0, |k| k + 1)
}

/// The subject inverted after a cue: a speaker phrase, possibly after a short prepositional
/// phrase ("rappelle en ouverture le juge"), or a definite description of someone named
/// before ("plaide l'enseignant", "said the veteran"), resolved like a definite role.
pub(super) fn inverted_np(fd: &Field<'_>, ce: usize, a1: usize, res: &Profile) -> Phrase {
    let r = np(fd, ce, a1, res);
    if !matches!(r.who, Ref::Nothing) {
        return r;
    }
    // Past a preposition and up to three lower-case words.
    if let Some(t) = fd.toks.get(ce).filter(|t| t.word && !t.cap && ce < a1) {
        if res.preps.contains(&t.lower) || res.addressees.contains(&t.lower) {
            let next = (ce + 1..a1.min(ce + 5)).find(|&x| {
                let w = &fd.toks[x];
                w.word
                    && (w.cap
                        || res.definites.contains(&w.lower)
                        || res.articles.contains_key(&w.lower))
            });
            if let Some(x) =
                next.filter(|&x| (ce + 1..x).all(|y| fd.toks[y].word && !fd.toks[y].cap))
            {
                let r = np(fd, x, a1, res);
                if !matches!(r.who, Ref::Nothing) {
                    return r;
                }
            }
        }
    }
    description(fd, ce, a1, res).unwrap_or(r)
}

/// A definite article and a lower-case noun that names no organisation: someone described.
fn description(fd: &Field<'_>, k: usize, a1: usize, res: &Profile) -> Option<Phrase> {
    let a = fd.toks.get(k).filter(|_| k + 1 < a1)?;
    if !res.definites.contains(&a.lower) {
        return None;
    }
    let g = res
        .articles
        .get(&a.lower)
        .copied()
        .unwrap_or(Gender::Unknown);
    // The head: the last lower-case word before a punctuation mark or the end ("the veteran
    // coach", "le vieil homme").
    let mut h = k + 1;
    while h + 1 < a1 && fd.toks[h + 1].word && !fd.toks[h + 1].cap && h - k < 2 {
        h += 1;
    }
    let n = &fd.toks[h];
    if !n.word || n.cap || res.org_nouns.contains(&n.lower) || res.preps.contains(&n.lower) {
        return None;
    }
    // The description is the whole phrase: a punctuation mark or the end follows it, not more
    // words or a quotation ("said the barn was “gone”" describes nobody).
    let ends = fd.toks.get(h + 1).is_none_or(|t| {
        h + 1 >= a1 || matches!(t.lower.as_str(), "," | "." | ";" | ":" | "!" | "?" | ")")
    });
    if !ends {
        return None;
    }
    let who = Ref::Role {
        definite: true,
        gender: res.role(&n.lower).map_or(g, |rg| g.or(rg)),
        word: n.lower.clone(),
    };
    Some(Phrase::at(who, a.start))
}

/// "a-t-il Jean Dupont": a name right after the inverted pronoun wins over the pronoun.
fn inverted_subject(
    fd: &Field<'_>,
    k: usize,
    ce: usize,
    a1: usize,
    g: Gender,
    res: &Profile,
) -> Phrase {
    let post = np(fd, ce, a1, res);
    let next = fd.toks.get(ce).map(|t| t.start);
    match post.who {
        Ref::Ent(_) if post.at == next => post,
        Ref::Name(s) if post.at == Some(s.start) && next == Some(s.start) => post,
        _ => Phrase::at(Ref::Pron(g), fd.toks[k].start),
    }
}

/// How many tokens before a quote its sentence is read for a cue and its subject: a subject
/// with an apposition, a relative clause and a reported clause before a partial quote may open
/// the sentence fifty tokens back.
const BEFORE_QUOTE_TOKENS: usize = 64;

/// Before the quote, in its sentence: "X a déclaré : « … »", "selon X … « … »".
fn before_quote(fd: &Field<'_>, q: &RawQuote, res: &Profile) -> Option<Attribution> {
    let para = fd.para(q.open);
    let b1 = fd.tok_at(q.open);
    let mut b0 = b1;
    let mut cur_para = para;
    while b0 > 0 && b1 - b0 < BEFORE_QUOTE_TOKENS {
        let t = &fd.toks[b0 - 1];
        // An attribution may end the paragraph before with a colon ("X a déclaré :").
        if t.lower == ":" && b1 == b0 && fd.para(t.start) + 1 == para {
            cur_para = para - 1;
        }
        if fd.para(t.start) != cur_para || is_boundary(fd, b0 - 1, res) || fd.quote_closes_at(t.end)
        {
            break;
        }
        b0 -= 1;
    }
    let mut found = None;
    for k in b0..b1 {
        // A verb of a relative clause closed before the quote describes the subject; it does
        // not say the quote ("X, qui soutient la maison depuis 2019, a salué « … »"; but "X,
        // qui estime que le chantier démarrera « … »").
        let relative = k > 0 && res.relatives.contains(&fd.toks[k - 1].lower);
        if let Some(c) = cue_at(fd, k, b1, res) {
            let closed = relative && !c.source && (c.end..b1).any(|x| fd.toks[x].lower == ",");
            if !closed {
                found = Some((k, c));
            }
        }
    }
    let Some((k, c)) = found else {
        return opinion(fd, b0, b1, res).or_else(|| name_colon(fd, b0, b1));
    };
    // An infinitive of narration has no subject of its own (« Et d'ajouter : … », « Avant de
    // conclure : … »): whoever spoke before goes on, as for a quote without a cue.
    if !c.source && res.complements.contains(&fd.toks[k].lower) {
        return None;
    }
    let inverted = cue_pronoun(&fd.toks[k..c.end], res).filter(|g| *g != Gender::Unknown);
    let r = if c.source {
        source_np(fd, c.end, b1, res)
    } else if let Some(g) = inverted {
        // "Certes, concède-t-elle, « … »": the pronoun inverted into the cue is the subject.
        inverted_subject(fd, k, c.end, b1, g, res)
    } else {
        subject_before(fd, b0, k, res)
    };
    let r = if matches!(r.who, Ref::Nothing) && !c.source {
        np(fd, c.end, b1, res)
    } else {
        r
    };
    // A cue without a named subject: someone unnamed spoke ("Her neighbor … said").
    let rule = if c.source {
        QuoteRule::SourcePhrase
    } else {
        QuoteRule::CueBeforeQuote
    };
    Some(Attribution::new(r, Some(cue_text(fd, k, c.end)), rule))
}

/// "Pour Jean Dupont, « … »", "Pour le ministre, « … »", "Pour lui, « … »": the opinion of
/// whoever the opening phrase names.
pub(super) fn opinion(fd: &Field<'_>, b0: usize, b1: usize, res: &Profile) -> Option<Attribution> {
    // "Mais pour le maire, « … »": a conjunction may open the sentence.
    let b0 = if fd
        .toks
        .get(b0)
        .is_some_and(|t| res.connectives.contains(&t.lower))
    {
        b0 + 1
    } else {
        b0
    };
    if b1 <= b0 + 2 || !res.opinions.contains(&fd.toks[b0].lower) {
        return None;
    }
    let c = (b0 + 2..b1.min(b0 + 8)).find(|&x| fd.toks[x].lower == ",")?;
    let r = described_person(fd, b0 + 1, c, res).unwrap_or_else(|| np(fd, b0 + 1, c, res));
    let ok = match r.who {
        Ref::Ent(i) => fd.is_speakable(i),
        Ref::Pron(g) => g != Gender::Unknown,
        Ref::Role { definite, .. } => definite,
        Ref::OrgName(_) | Ref::OrgDesc(_) | Ref::Statement(_) => true,
        Ref::Name(_) | Ref::Nothing => false,
    };
    if !ok {
        // "Pour le parquet, « … »": someone the text names but no one resolved, not the
        // speaker before.
        return res.articles.contains_key(&fd.toks[b0 + 1].lower).then(|| {
            Attribution::new(
                Phrase::NOTHING,
                Some(fd.toks[b0].lower.clone()),
                QuoteRule::Opinion,
            )
        });
    }
    Some(Attribution::new(
        r,
        Some(fd.toks[b0].lower.clone()),
        QuoteRule::Opinion,
    ))
}

/// A person's name closing a phrase that an article and at most three lower-case words open,
/// whatever those words are ("le sociologue Étienne Morand", "the pollster Ann Bright"): that
/// person, with the phrase's start.
fn described_person(fd: &Field<'_>, k0: usize, k1: usize, res: &Profile) -> Option<Phrase> {
    let m = fd.mention_ending(fd.toks.get(k1.checked_sub(1)?)?.end)?;
    let km = fd.tok_at(m.start);
    let art = fd.toks.get(k0)?;
    let described = res.articles.contains_key(&art.lower)
        && km > k0 + 1
        && km - k0 <= 4
        && fd.toks[k0 + 1..km].iter().all(|t| t.word && !t.cap);
    (described && fd.is_person(m.entity)).then(|| Phrase::at(Ref::Ent(m.entity), art.start))
}

/// "Jean Dupont : « … »" (headlines, interviews): a name, a colon, the quote.
fn name_colon(fd: &Field<'_>, b0: usize, b1: usize) -> Option<Attribution> {
    if b1 < b0 + 2 || fd.toks[b1 - 1].lower != ":" {
        return None;
    }
    let m = fd.mention_ending(fd.toks[b1 - 2].end)?;
    (fd.toks[b0].start == m.start || fd.tok_at(m.start) == b0).then_some(Attribution {
        speaker: Ref::Ent(m.entity),
        cue: None,
        at: Some(m.start),
        rule: QuoteRule::NameColon,
    })
}

/// Index of the token ending the sentence that starts at `s` (its full stop, the last token of
/// its paragraph, or the end).
pub(super) fn sentence_end(fd: &Field<'_>, s: usize, res: &Profile) -> usize {
    let para = fd.para(fd.toks[s].start);
    let mut e = s;
    while e + 1 < fd.toks.len()
        && !is_boundary(fd, e, res)
        && !quote_ends_sentence(fd, e)
        && fd.para(fd.toks[e + 1].start) == para
    {
        e += 1;
    }
    e
}

/// Whether token `e` is a closing quotation mark right after a full stop (or "!", "?", "…")
/// with a capital after it: "« … un grand défi. » Plus de cent maisons …" ends a sentence
/// there, so "…, selon la mairie." reports only what follows it.
fn quote_ends_sentence(fd: &Field<'_>, e: usize) -> bool {
    let t = &fd.toks[e];
    e > 0
        && !t.word
        && fd.quote_closes_at(t.end)
        && matches!(fd.toks[e - 1].lower.as_str(), "." | "!" | "?" | "…")
        && fd.toks.get(e + 1).is_some_and(|n| n.cap)
}
