//! Names the context makes: capitalised runs ending in an organisation word, persons named
//! right after a capitalised title, and founders' names joined into their foundation.

use super::before_window;
use crate::enrich::entities::mention::{M, OPEN_MARKS};
use crate::enrich::profile::{key, lower, Profile, TypeWord};
use crate::enrich::tokens::{tokenize, Tok};
use crate::enrich::types::{Document, EntityType};

/// Capitalised names ending in an organisation word ("Harbor Productions", "Acme Holdings
/// Inc."), which the model sometimes misses: at least two words, not at a sentence start unless
/// the first word is itself capitalised in the middle of sentences too.
pub(super) fn suffixed_orgs(t: &str, toks: &[Tok], res: &Profile) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let org_word = |x: &Tok| {
        matches!(
            res.type_words.get(&key(&t[x.start..x.end])),
            Some(TypeWord::Org | TypeWord::Legal)
        )
    };
    let mut i = 0;
    while i < toks.len() {
        if !(toks[i].word && toks[i].cap) {
            i += 1;
            continue;
        }
        let mut s = i;
        let mut j = i;
        // The head of "Academy of Dance" is before its first inner word.
        let mut head = None;
        while j < toks.len() {
            // A name does not run over a line break ("By Ann Lee" above "Police said").
            if j > s && t[toks[j - 1].end..toks[j].start].contains('\n') {
                break;
            }
            if toks[j].word && toks[j].cap {
                j += 1;
            } else if j + 1 < toks.len()
                && toks[j + 1].word
                && toks[j + 1].cap
                && res.context.inner.contains(&toks[j].lower)
            {
                head.get_or_insert(j - 1);
                j += 1;
            } else {
                break;
            }
        }
        i = j;
        // Drop a sentence-initial article ("The", "Le").
        let sentence_start = s == 0
            || (!toks[s - 1].word && matches!(toks[s - 1].lower.as_str(), "." | "!" | "?"))
            || t[toks[s - 1].end..toks[s].start].contains('\n')
            || OPEN_MARKS.iter().any(|c| toks[s - 1].lower.starts_with(*c));
        if sentence_start && res.articles.contains_key(&toks[s].lower) {
            s += 1;
        }
        // Two words at least; a long run is a title-cased phrase, not a name.
        if j < s + 2 || j > s + 6 {
            continue;
        }
        let org = org_word(&toks[j - 1]) || head.is_some_and(|h| h > s && org_word(&toks[h]));
        // Role words ("Chief Executive") and stop words do not start a name.
        if org && res.role(&toks[s].lower).is_none() && !res.stop.contains(&toks[s].lower) {
            out.push((toks[s].start, toks[j - 1].end));
        }
    }
    out
}

/// Persons named right after a capitalised title, which the model sometimes misses or takes
/// with the title into an organisation ("Chief Operating Officer Dana Whitlow said", "Harbour
/// Board Chair Ines Okafor-Blum"): the two or three capitalised words after the last role word
/// of a capitalised run, opening on a known first name, when none is a role, a type word, a stop
/// word or an acronym and no capitalised word follows them.
pub(super) fn titled_persons(t: &str, toks: &[Tok], res: &Profile) -> Vec<(usize, usize)> {
    let cap_word = |x: &Tok| x.word && x.cap;
    let glued = |a: &Tok, b: &Tok| a.end == b.start || &t[a.end..b.start] == " ";
    let plain = |x: &Tok| {
        let w = &t[x.start..x.end];
        cap_word(x)
            && w.chars().count() >= 2
            && !w.chars().all(|c| c.is_uppercase() || !c.is_alphabetic())
            && res.role(&x.lower).is_none()
            && !res.type_words.contains_key(&key(w))
            && !res.stop.contains(&key(w))
    };
    let mut out = Vec::new();
    for i in 0..toks.len() {
        let title = cap_word(&toks[i])
            && res.role(&toks[i].lower).is_some()
            && toks
                .get(i + 1)
                .is_some_and(|n| glued(&toks[i], n) && plain(n));
        if !title {
            continue;
        }
        // Name words: capitalised words glued by one space, or by a hyphen inside a word.
        let (mut j, mut words) = (i + 1, 0);
        let mut end = toks[i + 1].end;
        while j < toks.len() && glued(&toks[j - 1], &toks[j]) {
            if plain(&toks[j]) {
                words += usize::from(t[toks[j - 1].end..toks[j].start].contains(' ') || j == i + 1);
                end = toks[j].end;
                j += 1;
            } else if toks[j].lower == "-"
                && toks[j - 1].end == toks[j].start
                && toks
                    .get(j + 1)
                    .is_some_and(|n| toks[j].end == n.start && plain(n))
            {
                j += 1;
            } else {
                break;
            }
        }
        let closed = toks
            .get(j)
            .is_none_or(|n| !(cap_word(n) && glued(&toks[j - 1], n)));
        // A known first name opens it: the title alone is no evidence of a person ("Officer
        // Training Corps").
        let first = lower(&t[toks[i + 1].start..toks[i + 1].end]);
        if (2..=3).contains(&words) && closed && res.first_names.contains_key(&first) {
            out.push((toks[i + 1].start, end));
        }
    }
    out
}

/// "the Bill and Melinda Gates Foundation": a person's name coordinated with an
/// organisation name, under one lower-case article, names one foundation.
pub(super) fn join_founders(doc: &Document<'_>, res: &Profile, ms: &mut Vec<M>) {
    let mut out: Vec<M> = Vec::with_capacity(ms.len());
    let mut k = 0;
    while k < ms.len() {
        let a = &ms[k];
        if let Some(b) = ms.get(k + 1) {
            let t = doc.fields[a.field].text;
            let between = (b.field == a.field && a.end <= b.start).then(|| &t[a.end..b.start]);
            let joined = between.is_some_and(|w| {
                let w = lower(w.trim());
                res.and_words.contains(&w) || w == "&"
            }) && matches!(a.ty(), EntityType::Person | EntityType::Organization)
                && b.ty() == EntityType::Organization
                && {
                    let last = t[b.start..b.end].rsplit(' ').next().unwrap_or("");
                    res.type_words.get(&key(last)) == Some(&TypeWord::Org)
                }
                && {
                    let prev = tokenize(&before_window(t, a.start), &res.tokens);
                    prev.last()
                        .is_some_and(|p| !p.cap && res.articles.contains_key(&p.lower))
                };
            if joined {
                let mut m = b.clone();
                m.start = a.start;
                out.push(m);
                k += 2;
                continue;
            }
        }
        out.push(ms[k].clone());
        k += 1;
    }
    *ms = out;
}
