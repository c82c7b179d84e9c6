//! Canonical entities from NER spans, as a list of named steps: clean each span as a reader
//! would (`clean`), read the words around each name (`context`), group the mentions of one
//! referent (`cluster`), type each group (`typing`), name it by its fullest form and find the
//! re-occurrences of its surface forms the model missed (here); in a sports report, the words
//! around a town's name may make it a club (`teams`). Bylines and photo credits
//! (`credits`) are set apart first: their names are credits, not entities of the article; in a
//! Title Case headline, spans are trimmed to the names the article gives (`headline`).

mod affiliation;
mod clean;
#[cfg(test)]
mod clean_tests;
mod cluster;
mod complement;
mod context;
mod credits;
mod headline;
mod mention;
mod parsed;
mod teams;
mod typing;

pub use typing::label_type;

use super::analysis::Analysis;
use super::explain::TypeDecision;
use super::ner::EntSpan;
use super::profile::{abbrev_key, Profile};
use super::syntax::FieldAnalysis;
use super::text::slug;
use super::types::{Credit, Document, Entity, Mention};
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
    canonicalize_parsed(an, spans, res, &[])
}

/// [`canonicalize`], reading also the parse of the fields (`parse`, empty without one).
pub fn canonicalize_parsed(
    an: &Analysis<'_>,
    spans: &[(usize, EntSpan)],
    res: &Profile,
    parse: &[FieldAnalysis],
) -> Canonical {
    let doc = an.doc;
    let lines = credits::find(doc, res);
    let (credited, spans): (Vec<_>, Vec<_>) = spans
        .iter()
        .cloned()
        .partition(|(fi, sp)| lines.iter().any(|c| c.holds(*fi, sp.start, sp.end)));
    let ms = clean::clean_spans(doc, &spans, res);
    let mut ms = clean::merge(doc, ms, res);
    clean::drop_non_names(doc, &mut ms);
    parsed::drop_common_words(doc, parse, res, &mut ms);
    headline::trim(doc, parse, &mut ms);
    affiliation::split(doc, res, &mut ms);
    context::apply(an, res, &mut ms);
    teams::apply(an, res, &mut ms);
    // Nor the names the context rules found inside a credit line.
    ms.retain(|m| !lines.iter().any(|c| c.holds(m.field, m.start, m.end)));
    let groups = cluster::group(doc, &ms, res);
    let mut namer = Namer::new(an, &ms, &lines);
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
}

impl<'a> Namer<'a> {
    fn new(an: &'a Analysis<'a>, ms: &'a [M], credits: &[credits::CreditLine]) -> Self {
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
        }
    }

    fn text_of(&self, m: &M) -> &'a str {
        &self.doc.fields[m.field].text[m.start..m.end]
    }

    fn entities(&mut self, groups: &[Vec<usize>], res: &Profile) -> Vec<Entity> {
        groups.iter().map(|g| self.entity(g, res)).collect()
    }

    fn entity(&mut self, g: &[usize], res: &Profile) -> Entity {
        let group: Vec<&M> = g.iter().map(|&i| &self.ms[i]).collect();
        let texts: Vec<&str> = group.iter().map(|m| self.text_of(m)).collect();
        let name = fullest(&texts, res).to_string();
        let typed = typing::group_type(&group, &texts, &name, res);
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
mod tests {
    use super::*;
    use crate::enrich::ner::EntSpan;
    use crate::enrich::profile::Lang;
    use crate::enrich::types::{EntityType, TextField};

    /// The entities of `text` (one body field) from the NER spans `spans` (surface form, label),
    /// found in order.
    pub(super) fn run(lang: Lang, text: &str, spans: &[(&str, &str)]) -> Vec<Entity> {
        let res = Profile::load(lang);
        let doc = Document {
            fields: vec![TextField { name: "body", text }],
            lang: Some(lang.code()),
        };
        let mut sp = Vec::new();
        let mut from = 0;
        for (s, l) in spans {
            let i = from + text[from..].find(s).unwrap();
            sp.push((
                0,
                EntSpan {
                    start: i,
                    end: i + s.len(),
                    label: l.to_string(),
                },
            ));
            from = i + s.len();
        }
        canonicalize(&Analysis::new(&doc, &res), &sp, &res).entities
    }

    /// Each entity's name and type.
    pub(super) fn names(es: &[Entity]) -> Vec<(String, EntityType)> {
        es.iter().map(|e| (e.name.clone(), e.entity_type)).collect()
    }

    #[test]
    fn surnames_acronyms_articles() {
        let t = "Jean Dupuis est arrivé à l'ONU. Les Nations unies l'ont reçu, et Dupuis a parlé aux Lyonnais. Dupuis repart lundi.";
        let es = run(
            Lang::Fr,
            t,
            &[
                ("Jean Dupuis", "PER"),
                ("l'ONU", "ORG"),
                ("Les Nations unies", "ORG"),
                ("Dupuis", "ORG"),
                ("Lyonnais", "LOC"),
            ],
        );
        let n = names(&es);
        assert_eq!(
            n,
            [
                ("Jean Dupuis".into(), EntityType::Person),
                ("Nations unies".into(), EntityType::Organization)
            ],
            "{n:?}"
        );
        assert_eq!(es[0].mentions.len(), 3, "{:?}", es[0].mentions);
        assert_eq!(es[0].id, "person:jean-dupuis");
        assert_eq!(es[1].mentions[0].text, "ONU");
    }

    #[test]
    fn parenthetical_titles_and_offsets() {
        let t = "L’Organisation mondiale de la santé (OMS) et la Haute-Commissaire Émilie Roux, à Genève.";
        let es = run(
            Lang::Fr,
            t,
            &[
                ("L’Organisation mondiale de la santé", "ORG"),
                ("OMS", "ORG"),
                ("Haute-Commissaire", "ORG"),
                ("Émilie Roux", "PER"),
                ("Genève", "LOC"),
            ],
        );
        let n = names(&es);
        assert_eq!(n.len(), 3, "{n:?}");
        assert_eq!(es[0].name, "Organisation mondiale de la santé");
        let chars: Vec<char> = t.chars().collect();
        for e in &es {
            for m in &e.mentions {
                assert_eq!(chars[m.start..m.end].iter().collect::<String>(), m.text);
            }
        }
    }

    #[test]
    fn english_coordination_possessive_and_types() {
        let t = "Anna and Paul Kessler visited the Mills Museum's garden. Kessler's friend met Dr. Lee at Elm Street. The Kremlin said nothing on Tuesday.";
        let es = run(
            Lang::En,
            t,
            &[
                ("Anna and Paul Kessler", "PERSON"),
                ("the Mills Museum's", "GPE"),
                ("Kessler", "ORG"),
                ("Elm Street", "ORG"),
                ("Kremlin", "GPE"),
                ("Tuesday", "DATE"),
            ],
        );
        let n = names(&es);
        assert!(
            n.contains(&("Paul Kessler".into(), EntityType::Person)),
            "{n:?}"
        );
        assert!(n.contains(&("Anna".into(), EntityType::Person)), "{n:?}");
        assert!(
            n.contains(&("Mills Museum".into(), EntityType::Organization)),
            "{n:?}"
        );
        assert!(
            n.contains(&("Elm Street".into(), EntityType::Location)),
            "{n:?}"
        );
        assert!(
            n.contains(&("Kremlin".into(), EntityType::Organization)),
            "{n:?}"
        );
        let pk = es.iter().find(|e| e.name == "Paul Kessler").unwrap();
        assert_eq!(pk.mentions.len(), 2);
        // A date is no entity, not even a misc one.
        assert!(!n.iter().any(|(x, _)| x == "Tuesday"), "{n:?}");
    }

    #[test]
    fn capitalised_article_inside_a_name() {
        let t = "Selon Le Monde, la ville est calme. Le Monde cite aussi The Hague Times.";
        let es = run(Lang::Fr, t, &[("Le Monde", "ORG"), ("Le Monde", "ORG")]);
        assert_eq!(es.len(), 1);
        assert_eq!(es[0].name, "Le Monde");
        assert_eq!(es[0].mentions.len(), 2);
    }

    #[test]
    fn streets_titles_legal_forms() {
        let t = "Le feu a pris rue Erlanger, selon Me Paul Roy. Apple Inc. a confirmé ; Apple ne commente pas l'AI.";
        let es = run(
            Lang::Fr,
            t,
            &[
                ("Erlanger", "PER"),
                ("Me Paul Roy", "PER"),
                ("Apple Inc.", "ORG"),
                ("Apple", "ORG"),
                ("AI", "ORG"),
            ],
        );
        let n = names(&es);
        assert!(
            n.contains(&("rue Erlanger".into(), EntityType::Location)),
            "{n:?}"
        );
        assert!(
            n.contains(&("Paul Roy".into(), EntityType::Person)),
            "{n:?}"
        );
        let apple = es.iter().find(|e| e.name == "Apple Inc.").unwrap();
        assert_eq!(apple.mentions.len(), 2, "{:?}", apple.mentions);
        assert!(
            n.contains(&("AI".into(), EntityType::Organization)),
            "{n:?}"
        );
    }

    #[test]
    fn a_name_cut_after_its_inner_word_is_joined() {
        let t = "Funds came from the City of Houston last year.";
        let es = run(Lang::En, t, &[("the City of", "GPE"), ("Houston", "GPE")]);
        assert_eq!(
            names(&es),
            [("City of Houston".to_string(), EntityType::Location)]
        );
    }

    #[test]
    fn datelines_amounts_and_head_nouns() {
        let t = "NEW ORLEANS (AP) — Crews worked in New Orleans. The Regional Commission fined Acme 1.8 billion euros; the Commission said so.";
        let es = run(
            Lang::En,
            t,
            &[
                ("NEW ORLEANS", "GPE"),
                ("AP", "ORG"),
                ("New Orleans", "GPE"),
                ("The Regional Commission", "ORG"),
                ("Acme 1.8 billion", "ORG"),
                ("Commission", "ORG"),
            ],
        );
        let n = names(&es);
        assert_eq!(
            n,
            [
                ("New Orleans".into(), EntityType::Location),
                ("AP".into(), EntityType::Organization),
                ("Regional Commission".into(), EntityType::Organization),
                ("Acme".into(), EntityType::Organization),
            ],
            "{n:?}"
        );
        let t = "La Commission européenne a tranché. La Commission a ajouté que la Ligue 1 reprendrait.";
        let es = run(
            Lang::Fr,
            t,
            &[
                ("La Commission européenne", "ORG"),
                ("La Commission", "ORG"),
                ("Ligue 1", "ORG"),
            ],
        );
        let n = names(&es);
        assert_eq!(
            n,
            [
                ("Commission européenne".into(), EntityType::Organization),
                ("Ligue 1".into(), EntityType::Organization),
            ],
            "{n:?}"
        );
    }

    #[test]
    fn lower_case_heads_name_the_institution_of_a_place() {
        let t = "Arrêté à l'aéroport de Brest, il sera jugé par le tribunal correctionnel de Quimper. La mairie de Brest se tait. Brest reste calme, comme la province de Namur.";
        let es = run(
            Lang::Fr,
            t,
            &[
                ("Brest", "LOC"),
                ("Quimper", "LOC"),
                ("Brest", "LOC"),
                ("Brest", "LOC"),
                ("province de Namur", "LOC"),
            ],
        );
        let n = names(&es);
        assert_eq!(
            n,
            [
                ("aéroport de Brest".into(), EntityType::Location),
                (
                    "tribunal correctionnel de Quimper".into(),
                    EntityType::Organization
                ),
                ("mairie de Brest".into(), EntityType::Organization),
                ("Brest".into(), EntityType::Location),
                ("Namur".into(), EntityType::Location),
            ],
            "{n:?}"
        );
        assert_eq!(es[3].mentions.len(), 1, "{:?}", es[3].mentions);
    }

    #[test]
    fn spans_are_trimmed_not_dropped() {
        let t = "Le vieux port de Vannes a rouvert. Le Bundestag mardi a voté ; la ministre de la Culture était absente.";
        let es = run(
            Lang::Fr,
            t,
            &[
                ("port de Vannes", "LOC"),
                ("Bundestag mardi", "ORG"),
                ("ministre de la Culture", "ORG"),
            ],
        );
        let n = names(&es);
        assert_eq!(
            n,
            [
                ("Vannes".into(), EntityType::Location),
                ("Bundestag".into(), EntityType::Organization),
            ],
            "{n:?}"
        );
    }

    #[test]
    fn glued_roles_and_possessives_are_evidence_of_a_person() {
        let t = "Organizer Paul Smith thanked the Gazette's Ann Lee. Orange County sued Orange over the Heathrow Airport deal, and General Motors stayed out.";
        let es = run(
            Lang::En,
            t,
            &[
                ("Organizer Paul Smith", "ORG"),
                ("the Gazette's Ann Lee", "PERSON"),
                ("Orange County", "GPE"),
                ("Orange", "ORG"),
                ("Heathrow Airport", "ORG"),
                ("General Motors", "ORG"),
            ],
        );
        let n = names(&es);
        for want in [
            ("Paul Smith", EntityType::Person),
            ("Ann Lee", EntityType::Person),
            ("Orange County", EntityType::Location),
            ("Orange", EntityType::Organization),
            ("Heathrow Airport", EntityType::Location),
            ("General Motors", EntityType::Organization),
        ] {
            assert!(n.contains(&(want.0.into(), want.1)), "{want:?} in {n:?}");
        }
        assert!(
            !n.iter()
                .any(|(x, _)| x.contains("Gazette") && x.contains("Lee")),
            "{n:?}"
        );
    }

    #[test]
    fn a_person_needs_evidence() {
        // One mention labelled a person against two labelled an organisation, no first name,
        // no role: not a person. A person's name before an organisation's head word names it.
        let t = "Veltra Kessin won the tender. Kessin will build it; Kessin hires. Ann Lee Productions signed Paul Roy, and Roy spoke.";
        let es = run(
            Lang::En,
            t,
            &[
                ("Veltra Kessin", "PERSON"),
                ("Kessin", "ORG"),
                ("Kessin", "ORG"),
                ("Ann Lee Productions", "PERSON"),
                ("Paul Roy", "PERSON"),
                ("Roy", "ORG"),
            ],
        );
        let n = names(&es);
        assert_eq!(
            n,
            [
                ("Veltra Kessin".into(), EntityType::Organization),
                ("Ann Lee Productions".into(), EntityType::Organization),
                ("Paul Roy".into(), EntityType::Person),
            ],
            "{n:?}"
        );
    }

    #[test]
    fn credit_lines_are_no_entities() {
        let res = Profile::load(Lang::En);
        let text = "By Jane Roe, Valley Gazette\nMayor Tom Fell opened the bridge. (Photo: Ann Lee/Reuters)";
        let doc = Document {
            fields: vec![TextField { name: "body", text }],
            lang: Some("en"),
        };
        let mut sp = Vec::new();
        for (s, l) in [
            ("Jane Roe", "PERSON"),
            ("Valley Gazette", "ORG"),
            ("Tom Fell", "PERSON"),
            ("Ann Lee", "PERSON"),
            ("Reuters", "ORG"),
        ] {
            let i = text.find(s).unwrap();
            let label = l.to_string();
            sp.push((
                0,
                EntSpan {
                    start: i,
                    end: i + s.len(),
                    label,
                },
            ));
        }
        let c = canonicalize(&Analysis::new(&doc, &res), &sp, &res);
        assert_eq!(
            names(&c.entities),
            [("Tom Fell".into(), EntityType::Person)]
        );
        let credits: Vec<(&str, Vec<String>)> = c
            .credits
            .iter()
            .map(|c| (c.text.as_str(), c.names.clone()))
            .collect();
        assert_eq!(
            credits,
            [
                (
                    "By Jane Roe, Valley Gazette",
                    vec!["Jane Roe".into(), "Valley Gazette".into()]
                ),
                (
                    "(Photo: Ann Lee/Reuters)",
                    vec!["Ann Lee".into(), "Reuters".into()]
                ),
            ]
        );
        let chars: Vec<char> = text.chars().collect();
        for cr in &c.credits {
            assert_eq!(chars[cr.start..cr.end].iter().collect::<String>(), cr.text);
        }
    }

    #[test]
    fn no_panic_on_bad_spans() {
        let t = "é«»";
        let es = run(Lang::Fr, t, &[]);
        assert!(es.is_empty());
        let res = Profile::load(Lang::Fr);
        let doc = Document {
            fields: vec![TextField {
                name: "body",
                text: t,
            }],
            lang: Some(Lang::Fr.code()),
        };
        let sp = vec![
            (
                0,
                EntSpan {
                    start: 1,
                    end: 9,
                    label: "PER".into(),
                },
            ),
            (
                3,
                EntSpan {
                    start: 0,
                    end: 1,
                    label: "PER".into(),
                },
            ),
            (
                0,
                EntSpan {
                    start: 0,
                    end: 2,
                    label: "PER".into(),
                },
            ),
        ];
        let _ = canonicalize(&Analysis::new(&doc, &res), &sp, &res);
    }
}
