//! Organisations in a speaker phrase: a common noun naming one with its capitalised complement
//! ("le ministère de l'Intérieur"), a name in apposition to the noun ("le syndicat Terres
//! Unies"), or the noun alone with what only describes it ("la compagnie irlandaise à bas
//! coûts", "la société d'État"): a description resolved against the bodies named before.

use super::field::{Field, MentionAt, Span};
use super::govern::token_at;
use super::speaker::{complemented_noun, Article, Ref};
use crate::enrich::profile::{key, Profile};
use crate::enrich::syntax::Pos;

/// An organisation described by a common noun at token `j`: "le ministère de l'Intérieur" (a
/// name the model missed), "the agency" (one named before).
pub(super) fn org_phrase(
    fd: &Field<'_>,
    j: usize,
    k1: usize,
    art: Option<Article>,
    res: &Profile,
) -> Option<Ref> {
    if j >= k1 || !(art.is_some() || fd.toks[j].cap) || !res.org_nouns.contains(&fd.toks[j].lower) {
        return None;
    }
    // "la direction des TPG": written in lower case, an authority word before a body's name
    // is that body's management, the body itself.
    if let Some(e) = managed_body(fd, j, k1, res) {
        return Some(Ref::Ent(e));
    }
    if let Some(e) = org_complement(fd, j, k1, res) {
        return Some(Ref::OrgName(Span {
            start: fd.toks[j].start,
            end: e,
        }));
    }
    // "le syndicat Terres Unies", "the carrier Skyway": the name in apposition to the noun.
    if let Some(m) = body_starting(fd, j + 1, k1) {
        return Some(Ref::Ent(m.entity));
    }
    // Alone: not "the company's chief", "the agency spokesman"; adjectives and participles
    // after the noun only describe it ("la compagnie irlandaise à bas coûts", "l'entreprise
    // basée à Lyon").
    // Not after a noun that is also a role ("le conseil lyonnais": the lawyer).
    // A complement that names nothing describes the noun as an adjective would ("la société
    // d'État").
    let mut from = j + 1;
    let complement = |x: usize| {
        fd.toks
            .get(x)
            .is_some_and(|t| res.complements.contains(&t.lower))
    };
    let nameless = |x: usize| {
        fd.toks
            .get(x)
            .is_some_and(|t| t.cap && x < k1 && res.stop.contains(&key(&t.lower)))
    };
    if complement(from) && nameless(from + 1) {
        from += 2;
    }
    let n = if res.role(&fd.toks[j].lower).is_some() {
        j + 1
    } else {
        past_modifiers(fd, from, k1)
    };
    let alone = n >= k1
        || fd
            .toks
            .get(n)
            .is_none_or(|n| !n.word || res.preps.contains(&n.lower));
    (alone && art.is_some_and(|a| a.definite)).then(|| Ref::OrgDesc(fd.toks[j].lower.clone()))
}

/// The body named right after a lower-case authority word at token `j` (`authority|` in
/// `words.txt`) and its complement preposition: « la direction des TPG », « la direction du
/// groupe Vexaline » (through the noun in apposition).
fn managed_body(fd: &Field<'_>, j: usize, k1: usize, res: &Profile) -> Option<usize> {
    let t = &fd.toks[j];
    if t.cap || !res.authorities.contains(&t.lower) {
        return None;
    }
    let mut x = past_complement(fd, j, res)?;
    if fd
        .toks
        .get(x)
        .is_some_and(|n| res.org_nouns.contains(&n.lower))
    {
        x += 1;
    }
    body_starting(fd, x, k1).map(|m| m.entity)
}

/// The mention of a body (speakable, no person) starting at rule token `x`, before `k1`.
fn body_starting(fd: &Field<'_>, x: usize, k1: usize) -> Option<MentionAt> {
    fd.toks
        .get(x)
        .filter(|_| x < k1)
        .and_then(|n| fd.mention_starting(n.start))
        .filter(|m| fd.is_speakable(m.entity) && !fd.is_person(m.entity))
}

/// Rule token `n`, or the first one after up to two lower-case words the parse reads as
/// adjectives or past participles right after a noun ("l'entreprise bretonne", "la société
/// basée à Nantes"); `n` itself without a parse.
fn past_modifiers(fd: &Field<'_>, mut n: usize, k1: usize) -> usize {
    let Some(p) = fd.parse else {
        return n;
    };
    for _ in 0..2 {
        let Some(t) = fd.toks.get(n).filter(|t| n < k1 && t.word && !t.cap) else {
            break;
        };
        let Some(st) = p.tokens.get(token_at(p, t.start)) else {
            break;
        };
        let modifier = st.start == t.start
            && (st.pos == Pos::Adj
                || (st.pos == Pos::Verb && st.morph.verb_form() == Some("Part")));
        if !modifier {
            break;
        }
        n += 1;
    }
    n
}

/// The rule token after the complement preposition right after the noun at token `j` and the
/// article after it, if any ("ministère" + "de l'", "direction" + "des"); `None` without one.
fn past_complement(fd: &Field<'_>, j: usize, res: &Profile) -> Option<usize> {
    let x = j + 1;
    if !fd
        .toks
        .get(x)
        .is_some_and(|t| res.complements.contains(&t.lower))
    {
        return None;
    }
    let article = fd
        .toks
        .get(x + 1)
        .is_some_and(|t| res.articles.contains_key(&t.lower));
    Some(if article { x + 2 } else { x + 1 })
}

/// End (byte) of an organisation name made of the noun at token `j` and a capitalised
/// complement: "ministère de l'Intérieur", "Ministry of Health", "agence de l'eau" is not one.
pub(super) fn org_complement(fd: &Field<'_>, j: usize, k1: usize, res: &Profile) -> Option<usize> {
    let mut x = past_complement(fd, j, res)?;
    let mut end = None;
    // The capitalised words read outside mentions: one word that names nothing ("société
    // d'État", "agence d'État") makes no name.
    let mut words: Vec<&str> = Vec::new();
    while x < k1 && x < j + 10 {
        let t = &fd.toks[x];
        if let Some(m) = fd.mention_starting(t.start) {
            end = Some(m.end);
            x = fd.tok_at(m.end);
            words.push("");
            continue;
        }
        if t.word && t.cap {
            end = Some(t.end);
            words.push(&t.lower);
            x += 1;
        } else if t.word
            && res.particles.contains(&t.lower)
            && fd.toks.get(x + 1).is_some_and(|n| n.cap)
        {
            x += 1;
        } else {
            break;
        }
    }
    match words[..] {
        [w] if res.stop.contains(&key(w)) => None,
        _ => end,
    }
}

/// The organisation whose unnamed voice token `v` is, named right before it under an article:
/// "an Ofcom spokeswoman said", "a Harbour Board spokesperson confirmed" (a voice noun of the
/// profile; "a UN official" is a member the text does not name).
pub(super) fn voice_of_named_body(
    fd: &Field<'_>,
    b0: usize,
    v: usize,
    res: &Profile,
) -> Option<MentionAt> {
    if !res.voices.contains(&fd.toks[v].lower) || v <= b0 {
        return None;
    }
    let m = fd
        .mention_ending(fd.toks[v - 1].end)
        .filter(|m| fd.is_speakable(m.entity) && !fd.is_person(m.entity))?;
    let k = fd.tok_at(m.start);
    (k > b0 && res.articles.contains_key(&fd.toks[k - 1].lower)).then_some(m)
}

/// The noun of the organisation whose unnamed voice token `v` is, written right before it in
/// lower case under an indefinite article: "a company spokesperson said", "a ministry
/// spokeswoman" (the body described, one named before; `org|` and `voice|` in `words.txt`).
pub(super) fn voice_of_described_body(
    fd: &Field<'_>,
    b0: usize,
    v: usize,
    res: &Profile,
) -> Option<usize> {
    if !res.voices.contains(&fd.toks[v].lower) || v < b0 + 2 {
        return None;
    }
    let (art, noun) = (&fd.toks[v - 2], &fd.toks[v - 1]);
    (!noun.cap
        && res.org_nouns.contains(&noun.lower)
        && res.articles.contains_key(&art.lower)
        && !res.definites.contains(&art.lower))
    .then_some(v - 1)
}

/// The organisation a group of its unnamed members at token `v` speaks for: its name right
/// before the group ("Tovel Rail officials said", "Tovel Rail's lawyers argued"), or after it
/// and a complement's or employer's preposition ("officials of the Marlby Water Board",
/// "analysts at Tovel Bank", « les enquêteurs de la brigade de Sarne »); a plural noun of
/// `member|` in `words.txt`.
pub(super) fn members_body(
    fd: &Field<'_>,
    v: usize,
    k1: usize,
    res: &Profile,
) -> Option<MentionAt> {
    if v >= k1 || !res.members.contains(&fd.toks[v].lower) {
        return None;
    }
    let body = |m: &MentionAt| fd.is_speakable(m.entity) && !fd.is_person(m.entity);
    // Through its possessive ("Tovel Rail's lawyers").
    let possessive = |t: &str| res.tokens.possessives.iter().any(|p| key(p) == key(t));
    let before = match v.checked_sub(1) {
        Some(b) if b > 0 && possessive(&fd.toks[b].lower) => Some(b - 1),
        b => b,
    };
    if let Some(m) = before
        .and_then(|b| fd.mention_ending(fd.toks[b].end))
        .filter(body)
    {
        return Some(m);
    }
    let prep = fd.toks.get(v + 1).filter(|_| v + 1 < k1)?;
    if !(res.complements.contains(&prep.lower)
        || res.employer_preps.contains(&prep.lower)
        || res.member_preps.contains(&prep.lower))
    {
        return None;
    }
    let mut x = v + 2;
    if fd
        .toks
        .get(x)
        .is_some_and(|t| res.articles.contains_key(&t.lower))
    {
        x += 1;
    }
    body_starting(fd, x, k1)
}

/// The token of the opening bracket when brackets close the phrase `b0..j` right after a name.
pub(super) fn bracketed(fd: &Field<'_>, b0: usize, j: usize) -> Option<usize> {
    if fd.toks[j - 1].lower != ")" {
        return None;
    }
    (j.saturating_sub(5).max(b0 + 1)..j - 1)
        .rev()
        .find(|&x| fd.toks[x].lower == "(")
        .filter(|&o| fd.mention_ending(fd.toks[o - 1].end).is_some())
}

/// The body named before the bracket at token `b`, when the name opens the phrase from `b0`
/// or its clause after a comma (after its article), or completes a plural noun of its
/// members.
pub(super) fn bracketed_body(
    fd: &Field<'_>,
    b0: usize,
    b: usize,
    res: &Profile,
) -> Option<MentionAt> {
    let m = fd
        .mention_ending(fd.toks[b - 1].end)
        .filter(|m| fd.is_speakable(m.entity) && !fd.is_person(m.entity))?;
    let mut k = fd.tok_at(m.start);
    if k > b0 && res.articles.contains_key(&fd.toks[k - 1].lower) {
        k -= 1;
    }
    let opens = k == b0 || fd.toks[k - 1].lower == ",";
    let members = complemented_noun(fd, b0, m.start, res)
        .is_some_and(|h| res.members.contains(&fd.toks[h].lower));
    (opens || members).then_some(m)
}
