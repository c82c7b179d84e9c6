//! Canonical entities from NER spans, as a list of named steps: clean each span as a reader
//! would (`clean`), read the words around each name (`context`), group the mentions of one
//! referent (`cluster`), type each group (`typing`), name it by its fullest form and find the
//! re-occurrences of its surface forms the model missed (here).

mod clean;
mod cluster;
mod context;
mod mention;
mod typing;

pub use typing::label_type;

use super::analysis::Analysis;
use super::ner::EntSpan;
use super::profile::Profile;
use super::text::slug;
use super::types::{Document, Entity, Mention};
use mention::{word_bounded, M};
use std::collections::{BTreeMap, HashMap};

/// Group NER spans (field index, span in bytes) into canonical entities with code-point mentions.
pub fn canonicalize(an: &Analysis<'_>, spans: &[(usize, EntSpan)], res: &Profile) -> Vec<Entity> {
    let doc = an.doc;
    let ms = clean::clean_spans(doc, spans, res);
    let mut ms = clean::merge(doc, ms, res);
    clean::drop_non_names(doc, &mut ms);
    context::apply(an, res, &mut ms);
    let groups = cluster::group(doc, &ms, res);
    Namer::new(an, &ms).entities(&groups, res)
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
}

impl<'a> Namer<'a> {
    fn new(an: &'a Analysis<'a>, ms: &'a [M]) -> Self {
        let doc = an.doc;
        let mut taken = vec![BTreeMap::new(); doc.fields.len()];
        for m in ms {
            taken[m.field].insert(m.start, m.end);
        }
        Namer {
            an,
            doc,
            ms,
            taken,
            ids: HashMap::new(),
        }
    }

    fn text_of(&self, m: &M) -> &'a str {
        &self.doc.fields[m.field].text[m.start..m.end]
    }

    fn entities(mut self, groups: &[Vec<usize>], res: &Profile) -> Vec<Entity> {
        groups.iter().map(|g| self.entity(g, res)).collect()
    }

    fn entity(&mut self, g: &[usize], res: &Profile) -> Entity {
        let group: Vec<&M> = g.iter().map(|&i| &self.ms[i]).collect();
        let texts: Vec<&str> = group.iter().map(|m| self.text_of(m)).collect();
        let name = fullest(&texts).to_string();
        let ty = typing::group_type(&group, &texts, &name, res);
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

/// The fullest form: most words, then not shouted (a dateline's "NEW ORLEANS"), then most
/// frequent, then first.
fn fullest<'a>(texts: &[&'a str]) -> &'a str {
    let mut freq: HashMap<&str, usize> = HashMap::new();
    for t in texts {
        *freq.entry(t).or_default() += 1;
    }
    let mut best = texts[0];
    let mut best_score = (0usize, false, 0usize);
    for t in texts {
        let shouted = t.chars().filter(|c| c.is_alphabetic()).count() > 4
            && !t.chars().any(char::is_lowercase);
        let score = (t.split_whitespace().count(), !shouted, freq[t]);
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
        canonicalize(&Analysis::new(&doc, &res), &sp, &res)
    }

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
