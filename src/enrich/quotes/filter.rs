//! Which quoted spans are direct quotes: at least 3 words, not a title of a work ("le film
//! « … »", title case), not a scare quote (a short phrase inside a sentence with no speech cue
//! near it), not a stray unbalanced mark.

use super::cues::{cue_at, is_boundary, opinion};
use super::field::Field;
use super::scan::{word_count, RawQuote};
use super::speaker::Ref;
use crate::enrich::profile::Profile;
use crate::enrich::tokens::Tok;

/// Whether a quoted span is a direct quote.
pub(super) fn keep(fd: &Field<'_>, q: &RawQuote, res: &Profile) -> bool {
    let w = fd.words_of(q);
    let body = &fd.text[w.start..w.end];
    let n = word_count(body);
    if n < 3 {
        return false;
    }
    let mark = fd.text[q.open..].chars().next().unwrap_or('"');
    if !q.closed && !q.continued && matches!(mark, '"' | '”' | '‘') {
        return false;
    }
    !(named_work(fd, q, body, res)
        || named_after_article(fd, q, body, res)
        || title_case(body, n, res)
        || scare_quote(fd, q, body, n, res))
}

/// A capitalised name in quotation marks right after an article or a contracted article ("la
/// « Fête des vendanges »", "au « Salon du livre »", "the “Harvest Fair”"): a name, not speech.
fn named_after_article(fd: &Field<'_>, q: &RawQuote, body: &str, res: &Profile) -> bool {
    let k = fd.tok_at(q.open);
    let capital = body.chars().next().is_some_and(char::is_uppercase);
    let short = body.split_whitespace().count() <= 8
        && !body
            .trim_end_matches(['.', ',', '!', '?', ' '])
            .contains(['.', '!', '?', ',', ';']);
    capital
        && short
        && k > 0
        && fd.toks[k - 1].word
        && !fd.toks[k - 1].cap
        && (res.articles.contains_key(&fd.toks[k - 1].lower)
            || res.contracted.contains(&fd.toks[k - 1].lower))
}

/// A work named by the words before it ("le film « … »", "the novel “…”"). After a naming word,
/// a title starts with a capital: "called the offer “an insult to workers”" quotes words.
fn named_work(fd: &Field<'_>, q: &RawQuote, body: &str, res: &Profile) -> bool {
    let k = fd.tok_at(q.open);
    // Within the sentence: a naming word before a full stop names nothing after it.
    let before: Vec<&Tok> = fd.toks[..k]
        .iter()
        .rev()
        .take_while(|t| t.word || !matches!(t.lower.as_str(), "." | "!" | "?" | "…"))
        .filter(|t| t.word && !res.articles.contains_key(&t.lower))
        .take(2)
        .collect();
    let capital = body.chars().next().is_some_and(|c| !c.is_lowercase());
    before
        .iter()
        .any(|t| res.work.contains(&t.lower) || (capital && res.naming.contains(&t.lower)))
}

/// Title case of up to 10 words without inner punctuation ("The Long Quiet Summer").
fn title_case(body: &str, n: usize, res: &Profile) -> bool {
    let words: Vec<&str> = body
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect();
    let content: Vec<&&str> = words
        .iter()
        .filter(|w| !res.function_words.contains(&w.to_lowercase()))
        .collect();
    let inner_punct = body
        .trim_end_matches(['.', ',', '!', '?', ' '])
        .contains([',', ';', '.', '!', '?']);
    n <= 10
        && content.len() >= 2
        && !inner_punct
        && words
            .first()
            .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
        && content.iter().all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_numeric())
        })
}

/// A short phrase inside a sentence, without a cue after it nor a speaker said to speak before
/// it in the sentence ("X said the company was “just getting started”", "selon X, le chantier
/// a « beaucoup trop traîné »" keep their quote).
fn scare_quote(fd: &Field<'_>, q: &RawQuote, body: &str, n: usize, res: &Profile) -> bool {
    if n > 3 || body.ends_with(['.', '!', '?']) {
        return false;
    }
    let k = fd.tok_at(q.open);
    let prev_word = k > 0 && fd.toks[k - 1].word && !fd.toks[k - 1].cap;
    let after = fd.tok_at(q.close_end);
    // A comma inside the marks is typography ("diagnosed with “farmer's lung,” a disease"),
    // unless a speaker may follow it ("“Not at all,” Smith said").
    if body.ends_with(',')
        && fd
            .toks
            .get(after)
            .is_none_or(|t| !t.word || t.cap || res.pronouns.contains_key(&t.lower))
    {
        return false;
    }
    let cue_after = (after..(after + 4).min(fd.toks.len()))
        .any(|i| fd.toks[i].word && res.cues_starting(&fd.toks[i].lower).next().is_some());
    let mut b = k;
    let mut cue_before = false;
    while b > 0 && k - b < 20 && !is_boundary(fd, b - 1, res) {
        b -= 1;
        cue_before |= cue_at(fd, b, k, res).is_some();
    }
    // "Pour le maire, le projet est un « vrai gâchis »": the opinion of whoever opens the
    // sentence.
    while b > 0 && k - b < 60 && !is_boundary(fd, b - 1, res) {
        b -= 1;
    }
    cue_before |= opinion(fd, b, k, res).is_some_and(|a| !matches!(a.speaker, Ref::Nothing));
    prev_word && !cue_after && !cue_before
}
