//! Cleaning the model's spans as a reader would: trim leading articles, titles and punctuation
//! and trailing possessives, extend over capitalised words the model cut off, drop what is no
//! entity (stop words, roles, demonyms, works between quotation marks), split coordinated
//! person names; then merge spans joined by a hyphen and drop compounds of other names and
//! common nouns opening a sentence.

use super::mention::{word_bounded, CLOSE_MARKS, M, OPEN_MARKS};
use super::typing::label_type;
use crate::enrich::ner::EntSpan;
use crate::enrich::profile::{key, lower, Profile, TypeWord};
use crate::enrich::tokens::tokenize;
use crate::enrich::types::{Document, EntityType};
use std::collections::HashSet;

/// A byte range of a field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Range {
    start: usize,
    end: usize,
}

/// Clean every span (field index, span in bytes); invalid spans are dropped.
pub(super) fn clean_spans(doc: &Document<'_>, spans: &[(usize, EntSpan)], res: &Profile) -> Vec<M> {
    let mut ms: Vec<M> = Vec::new();
    // Where other spans start and end: a span is never extended into another.
    let bounds: HashSet<(usize, usize)> = spans
        .iter()
        .flat_map(|(fi, sp)| [(*fi, sp.start), (*fi, sp.end)])
        .collect();
    for (fi, sp) in spans {
        let Some(f) = doc.fields.get(*fi) else {
            continue;
        };
        let t = f.text;
        if sp.start >= sp.end
            || sp.end > t.len()
            || !t.is_char_boundary(sp.start)
            || !t.is_char_boundary(sp.end)
        {
            continue;
        }
        let span = Span {
            text: t,
            ty: label_type(&sp.label),
            extend: !(res.headline_case && f.name == "title"),
            free: &|b: usize| !bounds.contains(&(*fi, b)),
            res,
        };
        for r in span.clean(sp.start, sp.end) {
            ms.push(M {
                field: *fi,
                start: r.start,
                end: r.end,
                label: sp.label.clone(),
                hint: None,
            });
        }
    }
    ms.sort_by_key(|m| (m.field, m.start, std::cmp::Reverse(m.end)));
    ms
}

/// One span being cleaned, and what its cleaning reads.
struct Span<'a> {
    text: &'a str,
    ty: EntityType,
    /// Whether the span may grow over capitalised words next to it.
    extend: bool,
    /// Whether no other span starts or ends at a byte.
    free: &'a dyn Fn(usize) -> bool,
    res: &'a Profile,
}

impl Span<'_> {
    /// The cleaned ranges of `text[s..e]`: none, one, or two for coordinated person names.
    fn clean(&self, s: usize, e: usize) -> Vec<Range> {
        let Some(s) = self.trim_front(s, e) else {
            return Vec::new();
        };
        let s = self.street_word(s);
        let Some(e) = self.trim_back(s, e) else {
            return Vec::new();
        };
        if s >= e {
            return Vec::new();
        }
        // Only names are extended, not dates or numbers the model found ("2015" + "Washtenaw
        // Avenue").
        if !self.text[s..e].chars().any(char::is_alphabetic) {
            return Vec::new();
        }
        let e = self.cut_amount(s, e);
        let r = self.extended(Range { start: s, end: e });
        if self.is_no_entity(r) {
            return Vec::new();
        }
        self.split_coordination(r)
    }

    /// Leading punctuation and articles, a title before a person's name, a house number before
    /// a street name; `None` when nothing is left.
    fn trim_front(&self, mut s: usize, e: usize) -> Option<usize> {
        let (t, res, ty) = (self.text, self.res, self.ty);
        loop {
            let seg = &t[s..e];
            let c = seg.chars().next()?;
            if !c.is_alphanumeric() {
                s += c.len_utf8();
                continue;
            }
            let toks = tokenize(seg, &res.tokens);
            // An article is dropped when written in lower case or elided ("the Foundation",
            // "l'ONU"), or at the start of a sentence; a capitalised one inside a sentence
            // belongs to the name ("Le Monde", "The Hague").
            let sentence_start =
                t[..s].trim_end().chars().next_back().is_none_or(|c| {
                    matches!(c, '.' | '!' | '?' | ':' | '«' | '"' | '“' | '(' | '—')
                });
            let droppable = !toks.is_empty()
                && (!toks[0].cap || toks[0].lower.ends_with('\'') || sentence_start);
            if toks.len() >= 2
                && toks[0].word
                && droppable
                && res.articles.contains_key(&toks[0].lower)
                && toks[1].cap
                && toks[1].word
            {
                s += toks[1].start;
                continue;
            }
            // A title before a person's name ("Me Sébastien Schapira", "Dr. Ann Lee").
            if ty == EntityType::Person && toks[0].word && res.role(&toks[0].lower).is_some() {
                if let Some(n) = toks.iter().skip(1).find(|t| t.word).filter(|t| t.cap) {
                    s += n.start;
                    continue;
                }
            }
            // A house number before a street name ("2015 Washtenaw Avenue").
            if ty == EntityType::Location
                && toks.len() >= 2
                && toks[0].lower.chars().all(|c| c.is_ascii_digit())
                && toks[1].cap
            {
                s += toks[1].start;
                continue;
            }
            return Some(s);
        }
    }

    /// A street word the model left out ("rue Erlanger", often labelled a person); not before
    /// a date ("along the coast Monday").
    fn street_word(&self, s: usize) -> usize {
        let Some(b) = self.text[..s]
            .strip_suffix(' ')
            .filter(|_| self.ty != EntityType::Misc)
        else {
            return s;
        };
        // The whitespace may be wider than one byte (U+2000...): step over the whole char.
        let w_start = b
            .char_indices()
            .rfind(|(_, c)| c.is_whitespace())
            .map_or(0, |(i, c)| i + c.len_utf8());
        let w = &b[w_start..];
        if w.starts_with(char::is_lowercase)
            && self.res.type_words.get(&key(w)) == Some(&TypeWord::Loc)
            && (self.free)(w_start + w.len())
        {
            w_start
        } else {
            s
        }
    }

    /// Trailing possessive and punctuation; `None` when nothing is left.
    fn trim_back(&self, s: usize, mut e: usize) -> Option<usize> {
        loop {
            let seg = &self.text[s..e];
            let c = seg.chars().next_back()?;
            if let Some(x) = self
                .res
                .trim_suffixes
                .iter()
                .find_map(|p| seg.strip_suffix(p.as_str()))
            {
                e = s + x.len();
                continue;
            }
            if c == '.' {
                let last = seg.rsplit(' ').next().unwrap_or(seg);
                if last.trim_end_matches('.').contains('.')
                    || last.chars().filter(|c| c.is_alphabetic()).count() <= 3
                {
                    return Some(e);
                }
            } else if c.is_alphanumeric() || c == '+' || c == ')' {
                return Some(e);
            }
            e -= c.len_utf8();
        }
    }

    /// An amount the model ran into ("Apple 1.8 billion euros"); "Airbus A320" and "Ligue 1"
    /// keep their numbers.
    fn cut_amount(&self, s: usize, e: usize) -> usize {
        if self.ty == EntityType::Misc {
            return e;
        }
        let t = self.text;
        let toks = tokenize(&t[s..e], &self.res.tokens);
        let amount = toks.windows(2).position(|w| {
            w[0].lower.starts_with(|c: char| c.is_ascii_digit()) && w[1].word && !w[1].cap
        });
        match amount.filter(|&i| i >= 1) {
            Some(i) => s + t[s..s + toks[i].start].trim_end().len(),
            None => e,
        }
    }

    /// Capitalised words the model cut off on the right ("Nations" + "Unies"), and an acronym
    /// on the left of an organisation ("CRTV" + "Sport").
    fn extended(&self, r: Range) -> Range {
        let (t, res) = (self.text, self.res);
        let (mut s, mut e) = (r.start, r.end);
        let name_like = self.ty != EntityType::Misc || !t[s..e].chars().any(|c| c.is_numeric());
        if !(self.extend
            && name_like
            && t[s..e].chars().next_back().is_some_and(char::is_alphabetic))
        {
            return r;
        }
        for _ in 0..2 {
            let Some(rest) = t[e..].strip_prefix(' ') else {
                break;
            };
            let w_end = rest
                .find(|c: char| !(c.is_alphanumeric() || c == '-'))
                .unwrap_or(rest.len());
            let w = &rest[..w_end];
            let ok = w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().count() >= 2
                && !t[s..e].ends_with('.')
                && (self.free)(e + 1)
                && !blocks_extension(w, res);
            if !ok {
                break;
            }
            e += 1 + w_end;
        }
        if let Some(b) = t[..s]
            .strip_suffix(' ')
            .filter(|_| self.ty == EntityType::Organization)
        {
            let w_start = b
                .rfind(|c: char| !c.is_alphanumeric())
                .map_or(0, |i| i + b[i..].chars().next().map_or(1, char::len_utf8));
            let w = &b[w_start..];
            if w.chars().count() >= 2
                && w.chars().all(|c| c.is_uppercase())
                && !blocks_extension(w, res)
                && (self.free)(w_start + w.len())
            {
                s = w_start;
            }
        }
        Range { start: s, end: e }
    }

    /// Stop words, roles, pronouns, articles, demonyms (also as a common noun after an
    /// article), lower-case words that are no name particle, and works between quotation marks.
    fn is_no_entity(&self, r: Range) -> bool {
        let (t, res) = (self.text, self.res);
        let text = &t[r.start..r.end];
        let k = key(text);
        let lw = lower(text);
        if (res.stop.contains(&k) && self.ty != EntityType::Person)
            || res.is_role_name(text)
            || res.pronouns.contains_key(&lw)
            || res.articles.contains_key(&lw)
        {
            return true;
        }
        if res.demonyms.contains(&k)
            || (text.contains('-')
                && !text.contains(' ')
                && text.split('-').all(|p| res.demonyms.contains(&key(p))))
        {
            return true;
        }
        if self.demonym_noun(r, &k) {
            return true;
        }
        let first_word = text.split([' ', '\'', '’']).next().unwrap_or("");
        if text.chars().next().is_some_and(char::is_lowercase)
            && !res.particles.contains(&lower(first_word))
            && res.type_words.get(&key(first_word)) != Some(&TypeWord::Loc)
        {
            return true;
        }
        // A name of a work between quotation marks («Tournesols»).
        let prev = t[..r.start].chars().next_back();
        let next = t[r.end..].chars().next();
        prev.is_some_and(|c| OPEN_MARKS.contains(&c))
            && next.is_some_and(|c| CLOSE_MARKS.contains(&c))
    }

    /// A one-word demonym-like noun after an article or a determiner ("les Lyonnais").
    fn demonym_noun(&self, r: Range, k: &str) -> bool {
        let (t, res) = (self.text, self.res);
        if t[r.start..r.end].contains(' ')
            || !res
                .demonym_suffixes
                .iter()
                .any(|suf| k.ends_with(suf.as_str()))
        {
            return false;
        }
        // Up to 8 bytes back, widened to a char boundary.
        let mut from = r.start.saturating_sub(8);
        while !t.is_char_boundary(from) {
            from -= 1;
        }
        let prev = tokenize(&t[from..r.start], &res.tokens);
        prev.last().is_some_and(|p| {
            (res.articles.contains_key(&p.lower) && !p.lower.ends_with('\''))
                || res.demonym_dets.contains(&p.lower)
        })
    }

    /// Coordinated person names: "Jean et Marie Dupont" → "Jean", "Marie Dupont".
    fn split_coordination(&self, r: Range) -> Vec<Range> {
        if self.ty == EntityType::Person {
            let toks = tokenize(&self.text[r.start..r.end], &self.res.tokens);
            if let Some(i) = toks
                .iter()
                .position(|x| self.res.and_words.contains(&x.lower))
            {
                if i >= 1 && i + 1 < toks.len() {
                    return vec![
                        Range {
                            start: r.start,
                            end: r.start + toks[i - 1].end,
                        },
                        Range {
                            start: r.start + toks[i + 1].start,
                            end: r.end,
                        },
                    ];
                }
            }
        }
        vec![r]
    }
}

fn blocks_extension(w: &str, res: &Profile) -> bool {
    let l = lower(w);
    res.roles.contains_key(&l)
        || res.stop.contains(&key(w))
        || res.pronouns.contains_key(&l)
        || res.articles.contains_key(&l)
        || res.cues_starting(&l).next().is_some()
        || res.demonyms.contains(&key(w))
}

/// Merge spans joined by a hyphen ("Tharp" + "-Sontheimer-Laudumiey Funeral Home") or cut after
/// their inner word ("the City of" + "Houston"); drop overlaps. `ms` is sorted by field, start.
pub(super) fn merge(doc: &Document<'_>, ms: Vec<M>, res: &Profile) -> Vec<M> {
    let mut merged: Vec<M> = Vec::new();
    for m in ms {
        if let Some(last) = merged.last_mut() {
            if last.field == m.field && m.start < last.end {
                continue;
            }
            let t = doc.fields[m.field].text;
            // A name cut after its inner word (of one type: "Nouvelles attaques de" + "Trump"
            // is no name).
            let cut = last.field == m.field
                && label_type(&last.label) == label_type(&m.label)
                && m.start == last.end + 1
                && t.as_bytes()[last.end] == b' '
                && t[last.start..last.end]
                    .rsplit(' ')
                    .next()
                    .is_some_and(|w| res.context.inner.contains(&lower(w)));
            if cut {
                last.label = m.label.clone();
                last.end = m.end;
                continue;
            }
            if last.field == m.field && m.start == last.end + 1 && t.as_bytes()[last.end] == b'-' {
                if m.end - m.start > last.end - last.start {
                    last.label = m.label.clone();
                }
                last.end = m.end;
                continue;
            }
        }
        merged.push(m);
    }
    merged
}

/// Drop hyphenated compounds of other names ("Congo-Cap-Vert"), and a lone capitalised word at
/// the start of a sentence that the text also writes in lower case: a common noun ("Grève à la
/// SNCF" … "la grève").
pub(super) fn drop_non_names(doc: &Document<'_>, ms: &mut Vec<M>) {
    let text_of = |m: &M| &doc.fields[m.field].text[m.start..m.end];
    let keys: HashSet<String> = ms.iter().map(|m| key(text_of(m))).collect();
    ms.retain(|m| !compound_of_known(text_of(m), &keys));
    ms.retain(|m| {
        let (t, w) = (doc.fields[m.field].text, text_of(m));
        let at_start = t[..m.start]
            .trim_end()
            .chars()
            .next_back()
            .is_none_or(|c| matches!(c, '.' | '!' | '?' | ':' | '\n' | '«' | '"' | '“'));
        let lw = lower(w);
        let common = !w.contains([' ', '-', '\'', '’'])
            && w.chars().skip(1).all(char::is_lowercase)
            && doc.fields.iter().any(|f| {
                f.text
                    .match_indices(lw.as_str())
                    .any(|(i, _)| word_bounded(f.text, i, i + lw.len()))
            });
        !(at_start && common)
    });
}

/// Whether a hyphenated name is made of other names of the text ("Congo-Cap-Vert").
fn compound_of_known(text: &str, keys: &HashSet<String>) -> bool {
    if text.contains(' ') || !text.contains('-') {
        return false;
    }
    let parts: Vec<&str> = text.split('-').collect();
    // Split points where both sides are known names (each side may itself hold hyphens).
    (1..parts.len()).any(|i| {
        let (l, r) = (parts[..i].join("-"), parts[i..].join("-"));
        keys.contains(&key(&l)) && keys.contains(&key(&r))
    })
}
