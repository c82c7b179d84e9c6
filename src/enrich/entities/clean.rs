//! Cleaning the model's spans as a reader would: trim leading articles, titles and punctuation
//! and trailing possessives, extend over capitalised words the model cut off, drop what is no
//! entity (stop words, roles, demonyms, works between quotation marks), split coordinated
//! person names; then merge spans joined by a hyphen and drop compounds of other names and
//! common nouns opening a sentence.

use super::complement::complement_end;
use super::mention::{word_bounded, CLOSE_MARKS, M, OPEN_MARKS};
use super::typing::{is_name_label, label_type};
use crate::enrich::ner::EntSpan;
use crate::enrich::profile::{key, lower, NameHead, Profile, TypeWord};
use crate::enrich::tokens::tokenize;
use crate::enrich::types::{Document, EntityType};
use std::collections::HashSet;

/// A byte range of a field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Range {
    start: usize,
    end: usize,
}

/// A cleaned range, and what the span itself shows of its type.
#[derive(Clone, Copy, Debug)]
struct Part {
    range: Range,
    /// A role or a possessive glued before it: a person.
    person: bool,
    /// The model's label was the person's after it, not this part's ("the Gazette's" of "the
    /// Gazette's Ann Lee" labelled a person): the part keeps no label.
    unlabelled: bool,
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
        if !is_name_label(&sp.label)
            || sp.start >= sp.end
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
        for piece in pieces(t, sp.start, sp.end) {
            for p in span.clean(piece.start, piece.end) {
                ms.push(M {
                    field: *fi,
                    start: p.range.start,
                    end: p.range.end,
                    label: if p.unlabelled {
                        String::new()
                    } else {
                        sp.label.clone()
                    },
                    hint: p.person.then_some(EntityType::Person),
                });
            }
        }
    }
    ms.sort_by_key(|m| (m.field, m.start, std::cmp::Reverse(m.end)));
    ms
}

/// A hyphenated demonym: demonyms joined ("Belarusian-Polish") or combining forms in -o before
/// one ("Franco-Marocain", "Anglo-Irish", "Sino-Indian").
fn compound_demonym(text: &str, res: &Profile) -> bool {
    if !text.contains('-') || text.contains(' ') {
        return false;
    }
    let parts: Vec<String> = text.split('-').map(key).collect();
    let (last, front) = match parts.split_last() {
        Some((l, f)) if !f.is_empty() => (l, f),
        _ => return false,
    };
    res.demonyms.contains(last)
        && front
            .iter()
            .all(|p| res.demonyms.contains(p) || (p.chars().count() >= 3 && p.ends_with('o')))
}

/// Separators no name holds: a line break, a spaced dash (a dateline's "LONDRES - Le club…",
/// "Paris – Berlin"), a sentence end (". " before a capital).
const BREAKS: &[&str] = &["\n", " - ", " – ", " — ", ". "];

/// `t[s..e]` cut at the separators no name holds: the pieces a span the model ran across
/// them is made of ("France.\n\nUne", "Londres - Manchester United").
fn pieces(t: &str, s: usize, e: usize) -> Vec<Range> {
    let mut out = Vec::new();
    let mut from = s;
    let mut i = s;
    while i < e {
        let rest = &t[i..e];
        // ". " ends a sentence only before a capital and after a word longer than an initial.
        let hit = BREAKS.iter().find(|b| rest.starts_with(*b)).filter(|b| {
            **b != ". "
                || (rest[2..].starts_with(char::is_uppercase)
                    && t[from..i]
                        .rsplit(' ')
                        .next()
                        .is_some_and(|w| w.chars().filter(|c| c.is_alphabetic()).count() > 3))
        });
        match hit {
            Some(b) => {
                let end = if *b == ". " { i + 1 } else { i };
                out.push(Range { start: from, end });
                i += b.len();
                from = i;
            }
            None => i += rest.chars().next().map_or(1, char::len_utf8),
        }
    }
    out.push(Range {
        start: from,
        end: e,
    });
    // A score glued after a team's name ("Hull City 2-1") is no part of it.
    for r in out.iter_mut() {
        if let Some(i) = t[r.start..r.end].rfind(' ') {
            let w = &t[r.start + i + 1..r.end];
            let short =
                |x: &str| (1..=2).contains(&x.len()) && x.bytes().all(|c| c.is_ascii_digit());
            if w.split_once('-').is_some_and(|(a, b)| short(a) && short(b)) {
                r.end = r.start + i;
            }
        }
    }
    out.retain(|r| r.start < r.end);
    out
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
    /// The cleaned parts of `text[s..e]`: none, one, or more for coordinated person names and
    /// names glued to a person's.
    fn clean(&self, s: usize, e: usize) -> Vec<Part> {
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
        let mut out = Vec::new();
        for part in self.unglue(r) {
            if !self.is_no_entity(part.range) {
                out.extend(
                    self.split_coordination(part.range)
                        .into_iter()
                        .map(|range| Part { range, ..part }),
                );
            }
        }
        out
    }

    /// A role word or a possessive glued to a person's name inside the span ("Organizer Paul
    /// Smith", "Acme CEO Jane Doe", "the Gazette's Ann Lee"): the name after it is a person —
    /// the role is the evidence — and what precedes it, when anything, is a name of its own.
    /// Only before a known first name: "General Motors" holds a role word and no person.
    fn unglue(&self, r: Range) -> Vec<Part> {
        let res = self.res;
        let whole = Part {
            range: r,
            person: false,
            unlabelled: false,
        };
        let toks = tokenize(&self.text[r.start..r.end], &res.tokens);
        let glue = |x: &crate::enrich::tokens::Tok| {
            x.word && res.role(&x.lower).is_some()
                || res.tokens.possessives.iter().any(|p| lower(p) == x.lower)
        };
        let Some(i) = (0..toks.len().saturating_sub(1)).find(|&i| {
            glue(&toks[i])
                && toks[i + 1].cap
                && res.first_names.contains_key(&toks[i + 1].lower)
                && toks.len() > i + 2
        }) else {
            return vec![whole];
        };
        if self.ty == EntityType::Person && i == 0 {
            return vec![whole];
        }
        let mut out = Vec::new();
        // The words before the glue, without a role word of their own ("Acme CEO").
        let left_end = toks[..i]
            .iter()
            .rposition(|x| x.word && !glue(x))
            .map(|j| r.start + toks[j].end);
        if let Some(e) = left_end {
            out.push(Part {
                range: Range {
                    start: r.start,
                    end: e,
                },
                person: false,
                unlabelled: self.ty == EntityType::Person,
            });
        }
        out.push(Part {
            range: Range {
                start: r.start + toks[i + 1].start,
                end: r.end,
            },
            person: true,
            unlabelled: false,
        });
        out
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
            // Lower-case words before a place or organisation's name that are not its head
            // ("de Rennes", "la basilique de Vézelay" without "basilique" among the head words):
            // the name is kept from its first capitalised word, not dropped.
            let head = |x: &crate::enrich::tokens::Tok| {
                x.word
                    && (x.cap
                        || matches!(
                            res.type_words.get(&key(&x.lower)),
                            Some(TypeWord::Org | TypeWord::Loc)
                        ))
            };
            // Only for names of places and organisations, or a name the model left untyped
            // that a head word opens ("de l'Institut de géographie"): a date or an amount keeps
            // its words ("the beginning of January", "2:00 AM").
            let is_head = |x: &crate::enrich::tokens::Tok| {
                x.cap
                    && matches!(
                        res.type_words.get(&key(&x.lower)),
                        Some(TypeWord::Org | TypeWord::Loc)
                    )
            };
            let named = matches!(ty, EntityType::Location | EntityType::Organization)
                || (ty == EntityType::Misc
                    && toks.iter().find(|x| x.word && x.cap).is_some_and(is_head));
            let lower_case = named
                && toks[0].word
                && !seg[toks[0].start..toks[0].end].contains(char::is_uppercase);
            if lower_case && self.class_noun(seg) {
                if let Some(n) = toks.iter().skip(1).find(|x| x.word && x.cap) {
                    s += n.start;
                    continue;
                }
            }
            if lower_case && !head(&toks[0]) {
                if let Some(n) = toks.iter().position(head) {
                    // Not the complement of a role ("la ministre de la Culture"): that is no
                    // name, and is dropped whole below.
                    if !toks[..n].iter().any(|x| res.role(&x.lower).is_some()) {
                        s += toks[n].start;
                        continue;
                    }
                }
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

    /// A lower-case head noun the model left out: a street word right before the name ("rue
    /// Erlanger", often labelled a person; not before a date: "along the coast Monday"), or,
    /// where a name's head comes first, a facility or institution noun with its adjectives and
    /// a complement preposition ("l'aéroport de Nice", "le tribunal administratif de Lyon").
    fn street_word(&self, s: usize) -> usize {
        if self.ty == EntityType::Misc {
            return s;
        }
        let Some(b) = self.text[..s].strip_suffix(' ') else {
            return self.head_of_complement(s).unwrap_or(s);
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
            self.head_of_complement(s).unwrap_or(s)
        }
    }

    /// The start of "HEAD [adjective{0,2}] COMPLEMENT [article]" right before `s`, HEAD a
    /// lower-case organisation or place head word, in a language whose names put their head
    /// first: "la mosquée de Vernon", "la cour d'appel de Rennes" (the institution of the place,
    /// named whole); not a class noun that a context rule reads as the name's own type ("la
    /// province de Namur" names Namur).
    fn head_of_complement(&self, s: usize) -> Option<usize> {
        let (t, res) = (self.text, self.res);
        if res.name_head != NameHead::First {
            return None;
        }
        let mut from = s.saturating_sub(80);
        while !t.is_char_boundary(from) {
            from += 1;
        }
        let toks = tokenize(&t[from..s], &res.tokens);
        let mut i = toks.len();
        let word_at = |i: usize| toks.get(i).filter(|x| x.word && !x.cap);
        // An article after the preposition ("de la", "de l'").
        if i >= 1 && word_at(i - 1).is_some_and(|x| res.articles.contains_key(&x.lower)) {
            i -= 1;
        }
        if !(i >= 1 && word_at(i - 1).is_some_and(|x| res.complements.contains(&x.lower))) {
            return None;
        }
        i -= 1;
        for _ in 0..3 {
            let h = word_at(i.checked_sub(1)?)?;
            i -= 1;
            let head = matches!(
                res.type_words.get(&key(&h.lower)),
                Some(TypeWord::Org | TypeWord::Loc)
            );
            if head {
                let hs = from + h.start;
                return ((self.free)(hs) && !self.class_noun(&t[hs..s])).then_some(hs);
            }
            // An adjective between the head and the preposition ("tribunal correctionnel").
            if res.stop.contains(&key(&h.lower)) || res.complements.contains(&h.lower) {
                return None;
            }
        }
        None
    }

    /// Whether `phrase` opens with a class noun that a context rule reads as the type of the
    /// name after it ("la province de", "le club"): the name is what follows.
    fn class_noun(&self, phrase: &str) -> bool {
        let phrase = lower(phrase).replace('’', "'");
        self.res
            .context
            .before
            .iter()
            .any(|(w, _)| phrase.starts_with(w.as_str()))
    }

    /// Trailing possessive and punctuation; `None` when nothing is left.
    fn trim_back(&self, s: usize, mut e: usize) -> Option<usize> {
        loop {
            let seg = &self.text[s..e];
            let c = seg.chars().next_back()?;
            // A date word the model ran into ("le Bundestag mardi", "the Senate Monday").
            if let Some((head, last)) = seg.rsplit_once(' ') {
                if last.starts_with(char::is_lowercase) && self.res.stop.contains(&key(last)) {
                    e = s + head.trim_end().len();
                    continue;
                }
            }
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

    /// Capitalised words the model cut off on the right ("Nations" + "Unies"), a lower-case
    /// complement after an organisation head ("Conseil" + "des ministres"), and an acronym
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
        if self.ty != EntityType::Person {
            e = complement_end(t, s, e, res, self.free).unwrap_or(e);
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
        if res.demonyms.contains(&k) || compound_demonym(text, res) {
            return true;
        }
        if self.demonym_noun(r, &k) {
            return true;
        }
        let first_word = text.split([' ', '\'', '’']).next().unwrap_or("");
        if text.chars().next().is_some_and(char::is_lowercase)
            && !res.particles.contains(&lower(first_word))
            && !matches!(
                res.type_words.get(&key(first_word)),
                Some(TypeWord::Loc | TypeWord::Org)
            )
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
