//! The incise: an attribution set inside the quotation marks between commas, the French press
//! convention (« Nous voulons la paix, a déclaré X, mais pas à n'importe quel prix. »), its
//! speaker and the bytes it takes from the quote.

use super::cues::{cue_at, cue_pronoun, cue_text, Attribution, CueMatch};
use super::field::{Field, MentionAt, Span};
use super::scan::RawQuote;
use super::speaker::{np, Phrase, Ref};
use crate::enrich::explain::QuoteRule;
use crate::enrich::profile::{Gender, Profile};

/// An attribution set inside the quotation marks, between commas (French press convention):
/// « Nous voulons la paix, a déclaré X, mais pas à n'importe quel prix. »
pub(super) fn incise(fd: &Field<'_>, q: &RawQuote, res: &Profile) -> Option<Attribution> {
    incise_found(fd, q, res).map(|(a, _)| a)
}

/// The bytes of the incise inside a quote, from the comma before its cue to the comma or full
/// stop closing it: « Nous voulons la paix[, a déclaré X,] mais pas à n'importe quel prix. »
pub(super) fn incise_span(fd: &Field<'_>, q: &RawQuote, res: &Profile) -> Option<Span> {
    incise_found(fd, q, res).map(|(_, s)| s)
}

/// The attribution of an incise inside the quote and the incise's bytes.
fn incise_found(fd: &Field<'_>, q: &RawQuote, res: &Profile) -> Option<(Attribution, Span)> {
    let (k0, k1) = (fd.tok_at(q.start), fd.tok_at(q.end));
    for k in (k0 + 1)..k1 {
        if fd.toks[k - 1].lower != "," {
            continue;
        }
        // An object pronoun may come before the verb (« …, nous a confié la maire, … »), unless
        // the cue holds it (« …, s'emporte-t-il. … »).
        let mut kc = k;
        let mut cue = cue_at(fd, k, k1, res);
        if cue.is_none() && res.clitics.contains(&fd.toks[k].lower) && k + 1 < k1 {
            kc = k + 1;
            cue = cue_at(fd, kc, k1, res);
        }
        let Some(CueMatch {
            end: ce,
            source: false,
        }) = cue
        else {
            continue;
        };
        // An adverbial may come between the verb and its subject (« …, a affirmé en entrevue la
        // directrice, … »): the subject starts after it.
        let cs = past_adverbial(fd, ce, k1, res);
        // The incise is closed by a comma or a full stop soon after the speaker.
        let Some(close) =
            (cs..k1.min(cs + 8)).find(|&x| matches!(fd.toks[x].lower.as_str(), "," | "."))
        else {
            continue;
        };
        // After a pronoun, lower-case words only up to the close are the verb's adverbials (« …,
        // a-t-il déclaré vendredi matin. … »).
        let adverbial = fd.toks[ce..close].iter().all(|t| t.word && !t.cap);
        let mut r = match cue_pronoun(&fd.toks[kc..ce], res) {
            // "dit-on" names nobody.
            Some(Gender::Unknown) => continue,
            Some(g) if ce == close || adverbial => Phrase::at(Ref::Pron(g), fd.toks[k].start),
            _ => np(fd, cs, close, res),
        };
        // A role with the person's name in apposition (« …, confie le maire, Jean Roy. … »).
        let mut close = close;
        if let Some(m) = named_apposition(fd, close, k1, res) {
            if matches!(r.who, Ref::Role { .. }) {
                r = Phrase::at(Ref::Ent(m.entity), m.start);
                close = fd.tok_at(m.end);
            }
        }
        // Someone the text does not name counts too: « Jusqu'ici, confie un élu, rien n'a
        // bougé » is nobody's; a definite role is someone named before (« …, insiste l'élu. »).
        if matches!(
            r.who,
            Ref::Ent(_) | Ref::Name(_) | Ref::Pron(_) | Ref::Role { .. }
        ) {
            let close = apposition_end(fd, close, k1, res);
            let span = Span {
                start: fd.toks[k - 1].start,
                end: fd.toks[close].end,
            };
            let a = Attribution::new(r, Some(cue_text(fd, k, ce)), QuoteRule::Incise);
            return Some((a, span));
        }
    }
    None
}

/// Where the subject of an inverted cue starts when a prepositional adverbial comes first: a
/// preposition, its own article, and up to [`MAX_ADVERBIAL`] words up to the next article
/// (« a affirmé en entrevue la directrice », « a déclaré lors d'un point presse le maire »). Else
/// `k`, the token after the cue.
fn past_adverbial(fd: &Field<'_>, k: usize, k1: usize, res: &Profile) -> usize {
    let is_det = |x: usize| {
        res.articles.contains_key(&fd.toks[x].lower)
            || res.possessive_dets.contains(&fd.toks[x].lower)
    };
    if k + 2 >= k1 || !res.preps.contains(&fd.toks[k].lower) || is_det(k) || fd.toks[k].cap {
        return k;
    }
    // The preposition's own function words and article: « lors d'un point presse ».
    let mut j = k + 1;
    while j < k1
        && (res.preps.contains(&fd.toks[j].lower) || fd.toks[j].lower.ends_with(['\'', '’']))
        && !is_det(j)
    {
        j += 1;
    }
    if j < k1 && is_det(j) {
        j += 1;
    }
    let first = j;
    let stop = k1.min(j + 1 + MAX_ADVERBIAL);
    while j < stop && fd.toks[j].word && !is_det(j) {
        j += 1;
    }
    if j < stop && j > first && is_det(j) {
        j
    } else {
        k
    }
}

/// The longest adverbial read between a cue and its subject, in rule tokens after its article.
const MAX_ADVERBIAL: usize = 4;

/// A person's name in apposition after the comma at `close`, ending on a comma or a full stop
/// inside the quote (« …, confie le maire, Jean Roy. … »), a title of address before it aside.
fn named_apposition(fd: &Field<'_>, close: usize, k1: usize, res: &Profile) -> Option<MentionAt> {
    if fd.toks[close].lower != "," {
        return None;
    }
    // A title of address may come first (« …, a plaidé leur avocat, Me Anne Roy, … »).
    let mut first = close + 1;
    while fd
        .toks
        .get(first)
        .is_some_and(|t| res.honorifics.contains(&t.lower))
        || fd.toks.get(first).is_some_and(|t| t.lower == ".")
    {
        first += 1;
    }
    let m = fd.mention_starting(fd.toks.get(first)?.start)?;
    let after = fd.tok_at(m.end);
    (after < k1 && fd.is_person(m.entity) && matches!(fd.toks[after].lower.as_str(), "," | "."))
        .then_some(m)
}

/// The comma or full stop closing an incise whose speaker has an apposition: after the comma at
/// `close`, pieces opening on an article, a complement, a role or an age, each of at most
/// [`MAX_APPOSITION`] words without a cue, up to a full stop (« Le prix a doublé, souligne Anne
/// Brun, la présidente. Nous… », « …, Me Roy, du barreau de Brest. Elle… », « …, raconte Jean
/// Roy, 64 ans, président du club. Alors… »). Else `close`.
fn apposition_end(fd: &Field<'_>, close: usize, k1: usize, res: &Profile) -> usize {
    let opens = |t: &crate::enrich::tokens::Tok| {
        res.articles.contains_key(&t.lower)
            || res.apposition_starts.contains(&t.lower)
            || res.contracted.contains(&t.lower)
            || res.complements.contains(&t.lower)
            || res.role(&t.lower).is_some()
            || (t.lower.len() <= 3 && t.lower.chars().all(|c| c.is_ascii_digit()))
    };
    let mut c = close;
    for _ in 0..MAX_PIECES {
        if fd.toks[c].lower != "," || !fd.toks.get(c + 1).is_some_and(opens) {
            return close;
        }
        let stop = (c + 2..k1.min(c + 2 + MAX_APPOSITION))
            .find(|&x| matches!(fd.toks[x].lower.as_str(), "," | "." | ";" | ":" | "!" | "?"));
        match stop {
            Some(x) if fd.toks[x].lower == "." && x + 1 < k1 && fd.toks[x + 1].cap => return x,
            Some(x) if fd.toks[x].lower == "," => c = x,
            _ => return close,
        }
    }
    close
}

/// The most pieces of an apposition between commas (« Jean Roy, 64 ans, président du club »).
const MAX_PIECES: usize = 3;

/// The longest apposition read after an incise's speaker, in rule tokens.
const MAX_APPOSITION: usize = 6;
