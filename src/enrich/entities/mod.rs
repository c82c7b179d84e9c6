//! Canonical entities from NER spans, as a list of named steps: clean each span as a reader
//! would (`clean`), read the words around each name (`context`), group the mentions of one
//! referent (`cluster`), type each group (`typing`), name it by its fullest form and find the
//! re-occurrences of its surface forms the model missed (here); in a sports report, the words
//! around a town's name may make it a club (`teams`). Bylines and photo credits
//! (`credits`) are set apart first: their names are credits, not entities of the article; in a
//! Title Case headline, spans are trimmed to the names the article gives (`headline`).

mod acronyms;
mod affiliation;
mod articled;
mod authorities;
mod chain;
mod clean;
#[cfg(test)]
mod clean_tests;
mod cluster;
mod complement;
mod conjoined;
mod context;
mod coordination;
mod credits;
#[cfg(test)]
mod edge_tests;
#[cfg(test)]
mod evidence_tests;
mod features;
mod given_names;
mod headline;
#[cfg(test)]
mod heads_tests;
mod initials;
mod instances;
mod joins;
mod kb_places;
mod listed_places;
mod located_places;
mod lone_places;
mod mention;
#[cfg(test)]
mod names_tests;
mod parsed;
mod party_places;
mod persons;
mod portfolios;
mod roads;
mod role_names;
mod streets;
mod teams;
mod typing;
#[cfg(test)]
mod typing_tests;

pub use typing::{label_type, speaker_type};

use super::analysis::Analysis;
use super::explain::TypeDecision;
use super::kb::Kb;
use super::ner::EntSpan;
use super::profile::{abbrev_key, key, lower, Profile};
use super::syntax::FieldAnalysis;
use super::text::slug;
use super::types::{Credit, Document, Entity, EntityType, Mention};
use mention::{word_bounded, M};
use std::collections::{BTreeMap, HashMap};

/// The entities of an article and its credit lines.
pub struct Canonical {
    /// The canonical entities, in order of first mention.
    pub entities: Vec<Entity>,
    /// The bylines and photo credits, whose names are not entities.
    pub credits: Vec<Credit>,
    /// How each entity's type was decided, in the order of `entities` (read by `--explain`).
    pub typing: Vec<TypeDecision>,
}

/// Group NER spans (field index, span in bytes) into canonical entities with code-point mentions;
/// the spans inside a byline or a photo credit become credits.
pub fn canonicalize(an: &Analysis<'_>, spans: &[(usize, EntSpan)], res: &Profile) -> Canonical {
    canonicalize_parsed(an, spans, res, &[], &Kb::default())
}

/// [`canonicalize`], reading also the parse of the fields (`parse`, empty without one) and the
/// places of the knowledge base (`kb`: which lone words are known towns and countries).
pub fn canonicalize_parsed(
    an: &Analysis<'_>,
    spans: &[(usize, EntSpan)],
    res: &Profile,
    parse: &[FieldAnalysis],
    kb: &Kb,
) -> Canonical {
    let doc = an.doc;
    let lines = credits::find(doc, res);
    let (credited, spans): (Vec<_>, Vec<_>) = spans
        .iter()
        .cloned()
        .partition(|(fi, sp)| lines.iter().any(|c| c.holds(*fi, sp.start, sp.end)));
    let ms = clean::clean_spans(doc, &spans, res);
    let mut ms = clean::merge(doc, ms, res);
    clean::drop_non_names(doc, res, &mut ms);
    authorities::widen(doc, res, &mut ms);
    parsed::drop_common_words(doc, parse, res, &mut ms);
    chain::extend(doc, parse, res, kb, &mut ms);
    headline::trim(doc, parse, &mut ms);
    affiliation::split(doc, res, &mut ms);
    conjoined::split(doc, res, kb, &mut ms);
    context::apply(an, res, &mut ms);
    // The well-known places the context rules added may follow an authority word too.
    authorities::widen(doc, res, &mut ms);
    joins::apply(doc, parse, res, kb, &mut ms);
    instances::apply(doc, parse, res, &mut ms);
    let sports = teams::sports_report(an, res);
    teams::apply(an, res, kb, sports, &mut ms);
    articled::apply(an, res, kb, &mut ms);
    coordination::apply(doc, res, kb, &mut ms);
    kb_places::apply(doc, res, kb, sports, &mut ms);
    listed_places::apply(doc, res, kb, &mut ms);
    persons::apply(doc, res, kb, &mut ms);
    given_names::apply(an, res, &mut ms);
    lone_places::apply(an, res, &mut ms);
    roads::apply(an, res, sports, &mut ms);
    features::apply(an, res, &mut ms);
    acronyms::apply(an, res, &mut ms);
    acronyms::bodies(an, res, kb, &mut ms);
    acronyms::defined(an, res, kb, &mut ms);
    role_names::apply(an, res, &mut ms);
    located_places::apply(an, res, kb, &mut ms);
    party_places::apply(an, res, &mut ms);
    streets::apply(an, res, &mut ms);
    portfolios::drop(an, res, kb, &mut ms);
    lone_places::governed(an, res, kb, &mut ms);
    // Nor the names the context rules found inside a credit line.
    ms.retain(|m| !lines.iter().any(|c| c.holds(m.field, m.start, m.end)));
    let groups = cluster::group(doc, &ms, res, kb);
    let mut namer = Namer::new(an, &ms, &lines, kb, sports);
    let entities = namer.entities(&groups, res);
    let credits = lines
        .iter()
        .map(|c| credit(an, c, &credited, res))
        .collect();
    Canonical {
        entities,
        credits,
        typing: namer.typing,
    }
}

/// A credit line with the names the model found in it (cleaned as entities are).
fn credit(
    an: &Analysis<'_>,
    c: &credits::CreditLine,
    spans: &[(usize, EntSpan)],
    res: &Profile,
) -> Credit {
    let inside: Vec<(usize, EntSpan)> = spans
        .iter()
        .filter(|(fi, sp)| c.holds(*fi, sp.start, sp.end))
        .cloned()
        .collect();
    let f = &an.doc.fields[c.field];
    let offs = &an.fields[c.field].offs;
    Credit {
        kind: c.kind,
        names: clean::clean_spans(an.doc, &inside, res)
            .iter()
            .map(|m| f.text[m.start..m.end].to_string())
            .collect(),
        field: f.name.to_string(),
        start: offs.char_of(c.start),
        end: offs.char_of(c.end),
        text: f.text[c.start..c.end].to_string(),
    }
}

/// A mention being built: field index and byte span.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct At {
    field: usize,
    start: usize,
    end: usize,
}

/// Names, types and ids the groups, and finds the re-occurrences of their forms.
struct Namer<'a> {
    an: &'a Analysis<'a>,
    doc: &'a Document<'a>,
    ms: &'a [M],
    /// Spans already taken per field (start → end; they do not overlap).
    taken: Vec<BTreeMap<usize, usize>>,
    /// How many entities have each id base so far.
    ids: HashMap<String, usize>,
    /// How each entity named so far was typed.
    typing: Vec<TypeDecision>,
    /// The places a name in capitals may abbreviate.
    kb: &'a Kb,
    /// The article reports a match: a town's name may be its club's.
    sports: bool,
}

impl<'a> Namer<'a> {
    fn new(
        an: &'a Analysis<'a>,
        ms: &'a [M],
        credits: &[credits::CreditLine],
        kb: &'a Kb,
        sports: bool,
    ) -> Self {
        let doc = an.doc;
        let mut taken = vec![BTreeMap::new(); doc.fields.len()];
        for m in ms {
            taken[m.field].insert(m.start, m.end);
        }
        // No re-occurrence inside a credit line.
        for c in credits {
            let t = &mut taken[c.field];
            if !t.range(c.start..c.end).any(|_| true) {
                t.insert(c.start, c.end);
            }
        }
        Namer {
            an,
            doc,
            ms,
            taken,
            ids: HashMap::new(),
            typing: Vec::new(),
            kb,
            sports,
        }
    }

    fn text_of(&self, m: &M) -> &'a str {
        &self.doc.fields[m.field].text[m.start..m.end]
    }

    fn entities(&mut self, groups: &[Vec<usize>], res: &Profile) -> Vec<Entity> {
        let mut es: Vec<Entity> = groups.iter().map(|g| self.entity(g, res)).collect();
        self.surname_reoccurrences(&mut es, res);
        es
    }

    /// The surname of a person named in full, written alone where the model found nothing
    /// ("Dr Marsh said …" after "Helen Marsh"): a mention of that person, when no other entity's
    /// name holds the word and no capitalised word but a title is glued to it ("Marsh Lane").
    fn surname_reoccurrences(&mut self, es: &mut [Entity], res: &Profile) {
        let words = |e: &Entity| e.name.split_whitespace().map(key).collect::<Vec<_>>();
        let mut holders: HashMap<String, usize> = HashMap::new();
        // A street named after someone ("Marsh Lane") is not named by that word alone.
        let street = |e: &Entity| {
            e.entity_type == EntityType::Location
                && words(e)
                    .last()
                    .is_some_and(|w| res.street_nouns.contains(w))
        };
        for e in es.iter().filter(|e| !street(e)) {
            let mut ws = words(e);
            ws.dedup();
            for w in ws {
                *holders.entry(w).or_default() += 1;
            }
        }
        for e in es.iter_mut() {
            let Some((_, last)) = e.name.rsplit_once(' ') else {
                continue;
            };
            if e.entity_type != EntityType::Person
                || last.chars().count() < 3
                || !last.starts_with(char::is_uppercase)
                || holders.get(&key(last)) != Some(&1)
            {
                continue;
            }
            let mut found = Vec::new();
            for (fi, f) in self.doc.fields.iter().enumerate() {
                let t = f.text;
                for (s, _) in t.match_indices(last) {
                    let e_ = s + last.len();
                    let taken = &self.taken[fi];
                    let overlaps = taken.range(..e_).next_back().is_some_and(|(_, &b)| b > s);
                    if overlaps || !word_bounded(t, s, e_) || !alone(t, s, e_, res) {
                        continue;
                    }
                    found.push(At {
                        field: fi,
                        start: s,
                        end: e_,
                    });
                }
            }
            for a in found {
                self.taken[a.field].insert(a.start, a.end);
                e.mentions.push(self.mention(a));
            }
            let order = |m: &Mention| {
                let fi = self.doc.fields.iter().position(|f| f.name == m.field);
                (fi, m.start)
            };
            e.mentions.sort_by_key(order);
        }
    }

    fn entity(&mut self, g: &[usize], res: &Profile) -> Entity {
        let group: Vec<&M> = g.iter().map(|&i| &self.ms[i]).collect();
        let texts: Vec<&str> = group.iter().map(|m| self.text_of(m)).collect();
        let name = fullest(&texts, res).to_string();
        // In a sports report a town's name may be its club's; a country's stays the place.
        let club_town = self.sports
            && !(self.kb.names_region(&name) || self.kb.names_country_in(&name, res.lang.code()));
        let mut typed = typing::group_type(&group, &texts, &name, club_town, res);
        let (ty0, rule0) = (typed.ty, typed.decision.rule);
        if let Some(rule) = initials::retype(self.doc, &group, &name, ty0, rule0, res, self.kb) {
            typed.ty = EntityType::Organization;
            typed.decision.rule = rule;
        }
        let ty = typed.ty;
        self.typing.push(typed.decision);
        let mut mentions: Vec<At> = group
            .iter()
            .map(|m| At {
                field: m.field,
                start: m.start,
                end: m.end,
            })
            .collect();
        self.reoccurrences(&texts, &mut mentions);
        mentions.sort_unstable();
        let base = format!("{}:{}", ty.as_str(), slug(&name));
        let n = self.ids.entry(base.clone()).or_default();
        *n += 1;
        let id = if *n == 1 { base } else { format!("{base}-{n}") };
        Entity {
            id,
            name,
            entity_type: ty,
            label: typing::group_label(&group),
            mentions: mentions.into_iter().map(|a| self.mention(a)).collect(),
            kb_id: None,
            kb_name: None,
        }
    }

    /// Re-occurrences of the capitalised surface forms that the model missed.
    fn reoccurrences(&mut self, texts: &[&str], mentions: &mut Vec<At>) {
        let mut forms: Vec<&str> = texts.to_vec();
        forms.sort_unstable();
        forms.dedup();
        for form in forms {
            if form.chars().count() < 2 || !form.chars().next().is_some_and(char::is_uppercase) {
                continue;
            }
            for (fi, f) in self.doc.fields.iter().enumerate() {
                for (s, _) in f.text.match_indices(form) {
                    let e = s + form.len();
                    let taken = &mut self.taken[fi];
                    let overlaps = taken.range(..e).next_back().is_some_and(|(_, &b)| b > s);
                    if !word_bounded(f.text, s, e) || overlaps {
                        continue;
                    }
                    taken.insert(s, e);
                    mentions.push(At {
                        field: fi,
                        start: s,
                        end: e,
                    });
                }
            }
        }
    }

    fn mention(&self, a: At) -> Mention {
        let f = &self.doc.fields[a.field];
        Mention {
            field: f.name.to_string(),
            start: self.an.fields[a.field].offs.char_of(a.start),
            end: self.an.fields[a.field].offs.char_of(a.end),
            text: f.text[a.start..a.end].to_string(),
        }
    }
}

/// Whether the word at `t[s..e]` stands alone: no capitalised word right before it but a title
/// ("Dr Marsh"), no head word ("la loi Varenne"), no capitalised word right after it ("Marsh
/// Lane"), no possessive.
fn alone(t: &str, s: usize, e: usize, res: &Profile) -> bool {
    // Nor after a head word naming something else after the person ("la loi Varenne", "rue
    // Varenne").
    let before = t[..s].strip_suffix(' ').map(|b| {
        let w = b.rsplit([' ', '\n', '(', '"', '“']).next().unwrap_or("");
        (w.starts_with(char::is_uppercase) && res.role(&lower(w)).is_none())
            || res.type_words.contains_key(&key(w))
    });
    let after = t[e..]
        .strip_prefix(' ')
        .is_some_and(|r| r.starts_with(char::is_uppercase));
    // Not a possessor ("Marsh's lawyer, …, said"): the quotes would read it as a subject.
    let possessor = res
        .tokens
        .possessives
        .iter()
        .any(|p| t[e..].starts_with(p.as_str()));
    !before.unwrap_or(false) && !after && !possessor
}

/// The fullest form: most words, then not shouted (a dateline's "NEW ORLEANS"), then not
/// an abbreviation of the language's resources ("Massachusetts" rather than "Mass."), then most
/// frequent, then first.
fn fullest<'a>(texts: &[&'a str], res: &Profile) -> &'a str {
    let mut freq: HashMap<&str, usize> = HashMap::new();
    for t in texts {
        *freq.entry(t).or_default() += 1;
    }
    let mut best = texts[0];
    let mut best_score = (0usize, false, false, 0usize);
    for t in texts {
        let shouted = t.chars().filter(|c| c.is_alphabetic()).count() > 4
            && !t.chars().any(char::is_lowercase);
        let score = (
            t.split_whitespace().count(),
            !shouted,
            !res.name_abbrevs.contains_key(&abbrev_key(t)),
            freq[t],
        );
        if score > best_score {
            best = t;
            best_score = score;
        }
    }
    best
}

#[cfg(test)]
mod tests;
