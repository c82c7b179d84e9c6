//! Cleaning the model's spans as a reader would: trim leading articles, titles and punctuation
//! and trailing possessives, extend over capitalised words the model cut off, drop what is no
//! entity (stop words, roles, demonyms, works between quotation marks), split coordinated
//! person names; then merge spans joined by a hyphen and drop compounds of other names and
//! common nouns opening a sentence.

mod extend;
mod filter;
mod leader;
mod merge;
mod office;
mod pieces;
mod possessor;
mod quoted;
mod routes;
mod trim;

pub(super) use merge::{drop_non_names, merge};

use super::mention::M;
use super::typing::{is_name_label, label_type};
use crate::enrich::ner::EntSpan;
use crate::enrich::profile::{key, lower, Gender, Profile, TypeWord};
use crate::enrich::tokens::tokenize;
use crate::enrich::types::{Document, EntityType};
use pieces::{
    around, at_commas, at_coordinated_places, at_route, at_speech_verbs, at_town, dashed_route,
    pieces,
};
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
    let spans = &office::absorb(doc, spans, res);
    let mut ms: Vec<M> = Vec::new();
    // Where other spans start and end: a span is never extended into another.
    let bounds: HashSet<(usize, usize)> = spans
        .iter()
        .flat_map(|(fi, sp)| [(*fi, sp.start), (*fi, sp.end)])
        .collect();
    // The same for names only: a road's number may be the start of a date the model ran on
    // ("Highway 6 each week" read as "Highway" and a date "6 each week").
    let name_bounds: HashSet<(usize, usize)> = spans
        .iter()
        .filter(|(_, sp)| is_name_label(&sp.label))
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
            free_of_names: &|b: usize| !name_bounds.contains(&(*fi, b)),
            res,
        };
        let cut = pieces(t, sp.start, sp.end)
            .into_iter()
            .flat_map(|r| at_commas(t, r, res))
            .flat_map(|r| at_speech_verbs(t, r, res))
            .flat_map(|r| at_street(t, r, res))
            .flat_map(|r| match span.ty {
                // Titles of works hold them ("Last Train to Elmford").
                EntityType::Misc => vec![r],
                _ => at_route(t, r, res),
            })
            .flat_map(|r| match span.ty {
                EntityType::Misc => vec![r],
                _ => at_town(t, r, res),
            })
            .flat_map(|r| match span.ty {
                EntityType::Misc => vec![r],
                _ => at_coordinated_places(t, r, res),
            });
        for piece in cut {
            // A route's two ends show once the route noun is trimmed.
            let parts = span
                .clean(piece.start, piece.end)
                .into_iter()
                .flat_map(|p| {
                    dashed_route(t, p.range, res)
                        .into_iter()
                        .map(move |range| Part { range, ..p })
                });
            for p in parts {
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

/// Whether `w` is a short name in capitals that heads an institution (an `org|` type word: «
/// CHU », « FDSEA »): a network's body, named by its seat (« le CHU de Tovel »).
pub(super) fn seat_named_acronym(w: &str, res: &Profile) -> bool {
    w.chars().count() >= 2
        && w.chars().all(char::is_uppercase)
        && res.type_words.get(&key(w)) == Some(&TypeWord::Org)
}

/// The start of the lower-case institution or facility name whose complement is the name at
/// `s` of `t` ("le tribunal administratif de" + "Nantes"), where names put their head first.
pub(super) fn lower_case_head(t: &str, s: usize, res: &Profile) -> Option<usize> {
    let span = Span {
        text: t,
        ty: EntityType::Location,
        extend: false,
        free: &|_| true,
        free_of_names: &|_| true,
        res,
    };
    span.head_of_complement(s)
}

/// One span being cleaned, and what its cleaning reads.
struct Span<'a> {
    text: &'a str,
    ty: EntityType,
    /// Whether the span may grow over capitalised words next to it.
    extend: bool,
    /// Whether no other span starts or ends at a byte.
    free: &'a dyn Fn(usize) -> bool,
    /// Whether no other name's span starts or ends at a byte (dates and numbers aside).
    free_of_names: &'a dyn Fn(usize) -> bool,
    res: &'a Profile,
}

impl Span<'_> {
    /// The cleaned parts of `text[s..e]`: none, one, or more for coordinated person names and
    /// names glued to a person's.
    fn clean(&self, s: usize, e: usize) -> Vec<Part> {
        let (s, titled) = self.after_honorific(s, e);
        let Some(s) = self.trim_front(s, e) else {
            return Vec::new();
        };
        let s = self.street_word(s, e);
        let Some(e) = self.trim_back(s, e) else {
            return Vec::new();
        };
        if s >= e {
            return Vec::new();
        }
        // Only names are extended, not dates or numbers the model found ("1420" + "Birchmont
        // Avenue").
        if !self.text[s..e].chars().any(char::is_alphabetic) {
            return Vec::new();
        }
        // Grammar words alone: the model split an elision off the name ("de l'" + "Orne").
        let res = self.res;
        if tokenize(&self.text[s..e], &res.tokens).iter().all(|x| {
            !x.word
                || res.function_words.contains(&x.lower)
                || res.articles.contains_key(&x.lower)
                || res.complements.contains(&x.lower)
        }) {
            return Vec::new();
        }
        // All in lower case where every name bears a capital ("the ports committee"): no name.
        if res.names_capitalised
            && self.ty != EntityType::Misc
            && !self.text[s..e].contains(char::is_uppercase)
        {
            return Vec::new();
        }
        // Capitalised only by the article opening a sentence ("Le soleil se lève", "The
        // rain came"): no name.
        let seg = &self.text[s..e];
        if let Some((first, rest)) = seg.split_once(' ') {
            if res.articles.contains_key(&lower(first)) && !rest.contains(char::is_uppercase) {
                return Vec::new();
            }
        }
        let e = self.initial_period(s, self.cut_amount(s, e));
        let r =
            self.place_head_after(self.numbered_road(self.extended(Range { start: s, end: e })));
        let r = self.numbered_route(r);
        let (r, first_named) = self.first_name_before(r);
        let (r, title_named) = self.name_title(r);
        let mut out = Vec::new();
        let parts = self.unglue(r);
        let parts = match parts.as_slice() {
            [one] if one.range == r => self
                .split_possessor(r)
                .or_else(|| self.split_leader(r))
                .unwrap_or(parts),
            _ => parts,
        };
        for mut part in parts {
            part.unlabelled |= self.article_opened_person(part.range);
            part.person |= titled || first_named || title_named;
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

    /// A title of address opening a span the model did not call a person ("Ms Hale" labelled
    /// an organisation): the name after it is a person's. The start after the title, and
    /// whether there was one; not before a place's or an organisation's head word ("Dr Martens
    /// Foundation").
    fn after_honorific(&self, s: usize, e: usize) -> (usize, bool) {
        let res = self.res;
        if self.ty == EntityType::Person || res.honorifics.is_empty() {
            return (s, false);
        }
        let toks = tokenize(&self.text[s..e], &res.tokens);
        let words: Vec<_> = toks.iter().filter(|x| x.word).collect();
        let headed = words.iter().any(|x| {
            matches!(
                res.type_words.get(&key(&x.lower)),
                Some(TypeWord::Org | TypeWord::Loc | TypeWord::Event)
            )
        });
        match words.as_slice() {
            [title, name, ..]
                if (res.honorifics.contains(&title.lower)
                    || res.honorifics.contains(&format!("{}.", title.lower)))
                    && name.cap
                    && !headed
                    && words.len() <= 4 =>
            {
                (s + name.start, true)
            }
            _ => (s, false),
        }
    }

    /// A person's name that holds its title (`name_title|` in `words.txt`: "Lord Hale",
    /// "Baroness Stowell"): the span opening on the title, or put back after it when the model
    /// left it out ("Lord" + "Hale", often labelled an organisation). Not before a place's or an
    /// organisation's head word ("Lord Howe Island").
    fn name_title(&self, r: Range) -> (Range, bool) {
        let (t, res) = (self.text, self.res);
        if res.name_titles.is_empty() {
            return (r, false);
        }
        let toks = tokenize(&t[r.start..r.end], &res.tokens);
        let words: Vec<_> = toks.iter().filter(|x| x.word).collect();
        if words.iter().any(|x| res.is_head_word(&x.lower)) || !words.first().is_some_and(|x| x.cap)
        {
            return (r, false);
        }
        if words.len() >= 2 && words[1].cap && res.name_titles.contains(&words[0].lower) {
            return (r, true);
        }
        match self.word_before(r.start) {
            Some((start, title))
                if title.starts_with(char::is_uppercase)
                    && res.name_titles.contains(&lower(title)) =>
            {
                (Range { start, end: r.end }, true)
            }
            _ => (r, false),
        }
    }

    /// The word of letters right before `s`, one space between, that no other span starts or
    /// ends at: its start and its text.
    fn word_before(&self, s: usize) -> Option<(usize, &str)> {
        let b = self.text[..s].strip_suffix(' ')?;
        let w_start = b
            .char_indices()
            .rfind(|(_, c)| !c.is_alphabetic())
            .map_or(0, |(i, c)| i + c.len_utf8());
        let w = &b[w_start..];
        ((self.free)(w_start + w.len()) && (self.free)(w_start)).then_some((w_start, w))
    }

    /// A lone capitalised word the model did not call a person, right after a given name of
    /// known gender that no span holds ("For Gwen" + "Ashby", labelled an organisation): the
    /// person's full name. Not a place's or an organisation's head word ("Jordan" + "Valley").
    fn first_name_before(&self, r: Range) -> (Range, bool) {
        let (t, res) = (self.text, self.res);
        let word = &t[r.start..r.end];
        let lone = word
            .chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
            && word.starts_with(char::is_uppercase)
            && word.chars().any(char::is_lowercase);
        if self.ty == EntityType::Person || !lone || res.is_head_word(&lower(word)) {
            return (r, false);
        }
        let Some((w_start, first)) = self.word_before(r.start) else {
            return (r, false);
        };
        let given = first.starts_with(char::is_uppercase)
            && first.chars().skip(1).all(char::is_lowercase)
            && res
                .first_names
                .get(&lower(first))
                .is_some_and(|g| *g != Gender::Unknown);
        if given {
            (
                Range {
                    start: w_start,
                    end: r.end,
                },
                true,
            )
        } else {
            (r, false)
        }
    }

    /// A "person" of three words or more that a capitalised article opens inside a sentence
    /// ("the show The Morning Crew", "le roman Le Grand Voyage"): a title, whose words the
    /// model read as a name; no person's name opens with an article ("Le Pen" has two words).
    /// The part keeps no label, so no person.
    fn article_opened_person(&self, r: Range) -> bool {
        if self.ty != EntityType::Person {
            return false;
        }
        let toks = tokenize(&self.text[r.start..r.end], &self.res.tokens);
        let words = toks.iter().filter(|x| x.word).count();
        toks.first().is_some_and(|x| {
            x.word && x.cap && !x.lower.ends_with('\'') && self.res.articles.contains_key(&x.lower)
        }) && words >= 3
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
        // A street or a body named after someone ("King George Boulevard"): one name.
        let headed = toks
            .last()
            .is_some_and(|x| x.word && res.is_head_word(&x.lower));
        if headed && res.name_head == crate::enrich::profile::NameHead::Last {
            return vec![whole];
        }
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

/// A span running from a building over a preposition into the street it stands on ("the
/// Granary Arts Centre on Mill Lane"): two names, cut at the preposition, when the part after
/// it ends on a street's or a place's head word and both sides are capitalised.
fn at_street(t: &str, r: Range, res: &Profile) -> Vec<Range> {
    let seg = &t[r.start..r.end];
    for prep in &res.site_preps {
        let pat = format!(" {prep} ");
        let Some(i) = seg.find(&pat) else {
            continue;
        };
        let (left, right) = (&seg[..i], &seg[i + pat.len()..]);
        let head = right.rsplit(' ').next().map(lower).unwrap_or_default();
        if left
            .rsplit(' ')
            .next()
            .is_some_and(|w| w.starts_with(char::is_uppercase))
            && right.starts_with(char::is_uppercase)
            && res.type_words.get(&key(&head)) == Some(&TypeWord::Loc)
        {
            return around(r, r.start + i, pat.len());
        }
    }
    vec![r]
}
