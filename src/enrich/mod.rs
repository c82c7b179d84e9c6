//! The enrichment core: text in, [`Enrichment`] out.
//!
//! Pure and synchronous: no I/O after construction, no async, no Kafka, HTTP or metrics types.
//! The daemon, `verbatim enrich` and `verbatim eval` all call [`Enricher::enrich`].
//!
//! Offsets in the output are Unicode code-point offsets (end exclusive) into the named field, so
//! `article[field][start:end] == text` holds in Python.

pub mod baseline;
pub mod entities;
pub mod gazetteer;
pub mod ner;
pub mod profile;
pub mod quotes;
pub mod text;
pub mod tokens;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::PathBuf;

/// Errors of the enrichment core. Messages name the offending value.
#[derive(Debug, thiserror::Error)]
pub enum EnrichError {
    #[error("document has no text: every field is empty")]
    Empty,
    #[error("model for language {lang:?} could not be loaded from {path:?}: {reason} (fetch the models with `scripts/models`)")]
    Model {
        lang: String,
        path: PathBuf,
        reason: String,
    },
}

/// One named text field of an article (`title`, `body`, `text` or `content`).
#[derive(Clone, Copy, Debug)]
pub struct TextField<'a> {
    pub name: &'a str,
    pub text: &'a str,
}

/// What the core reads: the text fields in reading order (title first) and the declared language.
#[derive(Clone, Debug, Default)]
pub struct Document<'a> {
    pub fields: Vec<TextField<'a>>,
    /// ISO 639-1 code given by the producer; detected when `None`.
    pub lang: Option<&'a str>,
}

/// Coarse entity type of the output contract.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum EntityType {
    Person,
    Location,
    Organization,
    Misc,
}

impl EntityType {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Person => "person",
            EntityType::Location => "location",
            EntityType::Organization => "organization",
            EntityType::Misc => "misc",
        }
    }
}

/// One surface form of an entity in one field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Mention {
    /// Input field the span lies in.
    pub field: String,
    /// Code-point offset of the first character.
    pub start: usize,
    /// Code-point offset one past the last character.
    pub end: usize,
    /// The text of the span, `field[start:end]`.
    pub text: String,
}

/// A canonical entity: all mentions of one referent in the article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Entity {
    /// Stable id from type and normalised name, e.g. `person:vladimir-poutine`.
    pub id: String,
    /// Canonical (fullest) name.
    pub name: String,
    #[serde(rename = "type")]
    pub entity_type: EntityType,
    /// Raw label of the model that found it (e.g. `PER`, `GPE`), when a model did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    pub mentions: Vec<Mention>,
}

/// Who said a quote.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Speaker {
    pub name: String,
    /// The entity the speaker resolved to, when it is one of the article's entities.
    pub entity_id: Option<String>,
}

/// Whether a quote gives the words as said or reports them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// The words between quotation marks.
    #[default]
    Direct,
    /// Reported speech: the clause a speech verb or "according to X" governs ("X said that …").
    Indirect,
}

/// A direct quotation or a clause of reported speech.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Quote {
    /// The words between the quotation marks (marks excluded).
    pub text: String,
    pub field: String,
    pub start: usize,
    pub end: usize,
    /// `null` when the article does not say who spoke.
    pub speaker: Option<Speaker>,
    /// The attribution cue ("a dit", "said", "selon"), when one was found.
    pub cue: Option<String>,
    /// `direct` (between quotation marks) or `indirect` (reported speech); absent means direct.
    #[serde(default)]
    pub kind: QuoteKind,
}

/// The result of enriching one article.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Enrichment {
    /// Language used for processing (ISO 639-1), `None` when it could not be told.
    pub lang: Option<String>,
    /// True when `lang` was detected rather than declared.
    pub lang_detected: bool,
    /// False when no extraction model exists for `lang` (the article passes through with no entities).
    pub lang_supported: bool,
    pub entities: Vec<Entity>,
    pub quotes: Vec<Quote>,
}

/// Configuration of the core. Paths of model directories per language (`fr`, `en`).
#[derive(Clone, Debug, Default)]
pub struct EnricherConfig {
    pub models: BTreeMap<String, PathBuf>,
}

/// The enrichment engine: built once at start-up (loads resources and models), then shared
/// read-only across worker threads.
pub struct Enricher {
    /// NER pipelines by language; a supported language without one gets capitalised-run spans.
    pipelines: BTreeMap<String, ner::Pipeline>,
    /// Language profiles (speech verbs, roles, ...) of every supported language.
    resources: BTreeMap<String, profile::Profile>,
}

impl Enricher {
    /// Build the engine, loading every configured model. Fails with a message naming the model.
    pub fn new(config: EnricherConfig) -> Result<Self, EnrichError> {
        let mut pipelines = BTreeMap::new();
        for (lang, path) in &config.models {
            let model_error = |reason: String| EnrichError::Model {
                lang: lang.clone(),
                path: path.clone(),
                reason,
            };
            if !path.join("ner").join("model").is_file() {
                return Err(model_error(
                    "no spaCy pipeline there (ner/model is missing)".into(),
                ));
            }
            let p = ner::Pipeline::load(lang, path).map_err(|e| model_error(e.to_string()))?;
            pipelines.insert(lang.clone(), p);
        }
        let resources = profile::Lang::ALL
            .into_iter()
            .map(|l| (l.code().to_string(), profile::Profile::load(l)))
            .collect();
        Ok(Self {
            pipelines,
            resources,
        })
    }

    /// Languages with a loaded NER pipeline.
    pub fn languages(&self) -> impl Iterator<Item = &str> {
        self.pipelines.keys().map(String::as_str)
    }

    /// The resources of `lang`, when it is supported.
    pub fn resources(&self, lang: &str) -> Option<&profile::Profile> {
        self.resources.get(lang)
    }

    /// NER spans of every field (field index, byte span): the native NER when `lang` has a
    /// pipeline, else runs of capitalised words labelled MISC (the documented fallback when no
    /// model is configured).
    pub fn ner_spans(&self, doc: &Document<'_>, lang: &str) -> Vec<(usize, ner::EntSpan)> {
        let mut out = Vec::new();
        for (i, f) in doc.fields.iter().enumerate() {
            match self.pipelines.get(lang) {
                Some(p) => out.extend(p.entities(f.text).into_iter().map(|s| (i, s))),
                None => out.extend(baseline::capitalised_runs(f.text).into_iter().map(
                    |(start, end)| {
                        (
                            i,
                            ner::EntSpan {
                                start,
                                end,
                                label: "MISC".to_string(),
                            },
                        )
                    },
                )),
            }
        }
        out
    }

    /// Enrich one document. Never panics on any input text.
    pub fn enrich(&self, doc: &Document<'_>) -> Result<Enrichment, EnrichError> {
        self.enrich_inner(doc, None)
    }

    /// Enrich one document given the NER spans of its fields (field index, byte span).
    /// Never panics on any input text or span.
    pub fn enrich_with_spans(
        &self,
        doc: &Document<'_>,
        spans: &[(usize, ner::EntSpan)],
    ) -> Result<Enrichment, EnrichError> {
        self.enrich_inner(doc, Some(spans))
    }

    fn enrich_inner(
        &self,
        doc: &Document<'_>,
        spans: Option<&[(usize, ner::EntSpan)]>,
    ) -> Result<Enrichment, EnrichError> {
        if doc.fields.iter().all(|f| f.text.trim().is_empty()) {
            return Err(EnrichError::Empty);
        }
        let (lang, detected) = match doc.lang.map(str::trim).filter(|l| !l.is_empty()) {
            Some(l) => (Some(l.to_ascii_lowercase()), false),
            None => (profile::detect::detect(doc), true),
        };
        let supported = lang.as_deref().and_then(profile::Lang::from_code).is_some();
        let mut out = Enrichment {
            lang: lang.clone(),
            lang_detected: detected,
            lang_supported: supported,
            ..Default::default()
        };
        if let Some(res) = lang.as_deref().and_then(|l| self.resources.get(l)) {
            let found;
            let spans = match spans {
                Some(s) => s,
                None => {
                    found = self.ner_spans(doc, res.lang.code());
                    &found
                }
            };
            let mut entities = entities::canonicalize(doc, spans, res);
            let found = quotes::extract(doc, res, &entities);
            entities.extend(found.speakers);
            out.quotes = found.quotes;
            out.entities = entities;
        }
        Ok(out)
    }
}

#[cfg(test)]
mod robustness {
    use super::*;
    use profile::Lang;
    use proptest::prelude::*;

    fn check(text: &str, lang: Lang, spans: &[(usize, ner::EntSpan)]) {
        let en = Enricher::new(EnricherConfig::default()).unwrap();
        let doc = Document {
            fields: vec![
                TextField {
                    name: "title",
                    text: "Titre « court »",
                },
                TextField { name: "body", text },
            ],
            lang: Some(lang.code()),
        };
        let Ok(out) = en.enrich_with_spans(&doc, spans) else {
            return;
        };
        let title: Vec<char> = doc.fields[0].text.chars().collect();
        let body: Vec<char> = text.chars().collect();
        let field = |n: &str| if n == "title" { &title } else { &body };
        for q in &out.quotes {
            let chars = field(&q.field);
            assert_eq!(chars[q.start..q.end].iter().collect::<String>(), q.text);
        }
        for e in &out.entities {
            for m in &e.mentions {
                let chars = field(&m.field);
                assert_eq!(chars[m.start..m.end].iter().collect::<String>(), m.text);
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]
        #[test]
        fn never_panics(parts in proptest::collection::vec(prop_oneof![
            Just("« "), Just(" »"), Just("“"), Just("”"), Just("\""), Just("„"), Just("‹"), Just("›"), Just("\n"), Just(", a-t-il ajouté. "),
            Just("said Jean Dupont"), Just(" Marie Curie a déclaré : "), Just("la porte-parole "), Just("selon l'ONU "), Just("he said. "),
            Just("Élise"), Just("été "), Just("l’"), Just(" (OMS) "), Just("Nations unies"), Just("-"), Just("."), Just("word "),
        ], 0..60), cuts in proptest::collection::vec((0usize..400, 0usize..400, 0usize..3), 0..12), en in any::<bool>()) {
            let text: String = parts.concat();
            let labels = ["PER", "ORG", "LOC"];
            let spans: Vec<(usize, ner::EntSpan)> = cuts.iter().map(|&(a, b, l)| (1, ner::EntSpan { start: a.min(b), end: a.max(b), label: labels[l].to_string() })).collect();
            check(&text, if en { Lang::En } else { Lang::Fr }, &spans);
        }
    }

    #[test]
    fn many_quotes_are_fast() {
        let text = "Jean Dupont a dit : « Nous avons trois mots ». ".repeat(20_000);
        let spans: Vec<(usize, ner::EntSpan)> = text
            .match_indices("Jean Dupont")
            .map(|(i, s)| {
                (
                    1,
                    ner::EntSpan {
                        start: i,
                        end: i + s.len(),
                        label: "PER".into(),
                    },
                )
            })
            .collect();
        let t = std::time::Instant::now();
        let en = Enricher::new(EnricherConfig::default()).unwrap();
        let doc = Document {
            fields: vec![TextField {
                name: "body",
                text: &text,
            }],
            lang: Some(Lang::Fr.code()),
        };
        let out = en.enrich_with_spans(&doc, &spans).unwrap();
        eprintln!("{} quotes in {:?}", out.quotes.len(), t.elapsed());
        check(&text, Lang::Fr, &spans);
        assert!(t.elapsed().as_secs() < 30, "{:?}", t.elapsed());
    }

    #[test]
    fn long_unbalanced_input_is_fast() {
        let text = "« a “ b \" c „ d ‹ ".repeat(20_000) + &"Jean Dupont a dit. ".repeat(5_000);
        let t = std::time::Instant::now();
        check(&text, Lang::Fr, &[]);
        assert!(t.elapsed().as_secs() < 20, "{:?}", t.elapsed());
    }
}
