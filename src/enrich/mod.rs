//! The enrichment core: text in, [`Enrichment`] out.
//!
//! Pure and synchronous: no I/O after construction, no async, no Kafka, HTTP or metrics types.
//! The daemon, `verbatim enrich` and `verbatim eval` all call [`Enricher::enrich`].
//!
//! Offsets in the output are Unicode code-point offsets (end exclusive) into the named field, so
//! `article[field][start:end] == text` holds in Python.

pub mod analysis;
pub mod baseline;
pub mod entities;
pub mod explain;
pub mod gazetteer;
pub mod kb;
pub mod ner;
pub mod profile;
pub mod quotes;
pub mod segment;
pub mod syntax;
pub mod text;
pub mod tokens;

pub mod types;

pub use explain::{EnrichOptions, Explain};
pub use types::{
    Credit, CreditKind, Document, EnrichError, Enrichment, Entity, EntityType, Mention, Quote,
    QuoteKind, Speaker, TextField,
};

use std::collections::BTreeMap;
use std::path::PathBuf;

/// spaCy's tokens of one field.
type FieldTokens = Vec<ner::tokenizer::Token>;

/// Configuration of the core. Paths of model directories per language (`fr`, `en`).
#[derive(Clone, Debug, Default)]
pub struct EnricherConfig {
    /// Model directory (a spaCy pipeline with `ner/model`) per language code, all loaded by
    /// [`Enricher::new`].
    pub models: BTreeMap<String, PathBuf>,
    /// Load and run the syntax components of each pipeline (`nlp.syntax`).
    pub syntax: bool,
    /// Put every token's analysis in the enrichment (`output.tokens`; needs `syntax`).
    pub tokens: bool,
    /// Refuse articles with more rule tokens than this (`limits.max_tokens`): the work and
    /// memory of the NER and the parser grow with the token count, and a whitespace-free run of
    /// elisions makes a token of every two bytes. `None`: no limit.
    pub max_tokens: Option<usize>,
}

/// The enrichment engine: built once at start-up (loads resources and models), then shared
/// read-only across worker threads.
pub struct Enricher {
    /// NER pipelines by language; a supported language without one gets capitalised-run spans.
    pipelines: BTreeMap<String, ner::Pipeline>,
    /// Language profiles (speech verbs, roles, ...) of every supported language.
    resources: BTreeMap<String, profile::Profile>,
    /// Knowledge base the final entities are linked to; empty unless [`Enricher::with_kb`].
    kb: kb::KbHandle,
    /// Syntax components by language, when `syntax` is on.
    syntax: BTreeMap<String, syntax::SyntaxModel>,
    /// Whether enrichments carry the per-token analysis.
    tokens: bool,
    /// See [`EnricherConfig::max_tokens`].
    max_tokens: Option<usize>,
}

impl Enricher {
    /// Build the engine, loading every configured model. Fails with a message naming the model.
    pub fn new(config: EnricherConfig) -> Result<Self, EnrichError> {
        let mut pipelines = BTreeMap::new();
        let mut syntax = BTreeMap::new();
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
            // One read of the static vectors for both tok2vecs (which keep it).
            let vectors = ner::vectors::VectorSource::new(path);
            let p = ner::Pipeline::load_with(lang, path, &vectors)
                .map_err(|e| model_error(e.to_string()))?;
            pipelines.insert(lang.clone(), p);
            if config.syntax {
                let m = syntax::SyntaxModel::load_with(path, &vectors)
                    .map_err(|e| model_error(e.to_string()))?;
                syntax.insert(lang.clone(), m);
            }
        }
        let resources = profile::Lang::ALL
            .into_iter()
            .map(|l| (l.code().to_string(), profile::Profile::load(l)))
            .collect();
        Ok(Self {
            pipelines,
            resources,
            kb: kb::KbHandle::default(),
            syntax,
            tokens: config.tokens && config.syntax,
            max_tokens: config.max_tokens,
        })
    }

    /// Link entities to the KB behind `kb` (read anew for every article: a reload swaps it).
    pub fn with_kb(mut self, kb: kb::KbHandle) -> Self {
        self.kb = kb;
        self
    }

    /// The handle of the KB the entities are linked to.
    pub fn kb(&self) -> &kb::KbHandle {
        &self.kb
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
        let tokens = self.spacy_tokens(doc, Some(lang));
        self.spans_from(doc, lang, tokens.as_deref())
    }

    /// spaCy's tokens of every field when `lang` has a pipeline: made once per article for
    /// both the NER and the syntax components.
    fn spacy_tokens(&self, doc: &Document<'_>, lang: Option<&str>) -> Option<Vec<FieldTokens>> {
        let p = self.pipelines.get(lang?)?;
        Some(doc.fields.iter().map(|f| p.tokenize(f.text)).collect())
    }

    /// [`Enricher::ner_spans`] given the fields' tokens (`None`: `lang` has no pipeline).
    fn spans_from(
        &self,
        doc: &Document<'_>,
        lang: &str,
        tokens: Option<&[FieldTokens]>,
    ) -> Vec<(usize, ner::EntSpan)> {
        let mut out = Vec::new();
        for (i, f) in doc.fields.iter().enumerate() {
            match self.pipelines.get(lang) {
                Some(p) => {
                    let spans = match tokens.and_then(|t| t.get(i)) {
                        Some(t) => p.entities_in(f.text, t),
                        None => p.entities(f.text),
                    };
                    out.extend(spans.into_iter().map(|s| (i, s)));
                }
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

    /// The syntax of every field (field index, analysis) when `lang` has a syntax model.
    pub fn analyze(&self, doc: &Document<'_>, lang: Option<&str>) -> Vec<syntax::FieldAnalysis> {
        if !lang.is_some_and(|l| self.syntax.contains_key(l)) {
            return Vec::new();
        }
        let tokens = self.spacy_tokens(doc, lang);
        self.analyze_from(doc, lang, tokens.as_deref())
    }

    /// [`Enricher::analyze`] given the fields' tokens.
    fn analyze_from(
        &self,
        doc: &Document<'_>,
        lang: Option<&str>,
        tokens: Option<&[FieldTokens]>,
    ) -> Vec<syntax::FieldAnalysis> {
        let (Some(model), Some(p), Some(tokens)) = (
            lang.and_then(|l| self.syntax.get(l)),
            lang.and_then(|l| self.pipelines.get(l)),
            tokens,
        ) else {
            return Vec::new();
        };
        doc.fields
            .iter()
            .zip(tokens)
            .enumerate()
            .map(|(field, (f, t))| syntax::FieldAnalysis {
                field,
                analysis: analyze_segments(model, p, f.text, t),
            })
            .collect()
    }

    /// Enrich one document. Never panics on any input text.
    pub fn enrich(&self, doc: &Document<'_>) -> Result<Enrichment, EnrichError> {
        self.enrich_inner(doc, None, EnrichOptions::default())
    }

    /// [`Enricher::enrich`] with options (`opts.explain`: add an [`Explain`]).
    pub fn enrich_with(
        &self,
        doc: &Document<'_>,
        opts: EnrichOptions,
    ) -> Result<Enrichment, EnrichError> {
        self.enrich_inner(doc, None, opts)
    }

    /// Enrich one document given the NER spans of its fields (field index, byte span).
    /// Never panics on any input text or span.
    pub fn enrich_with_spans(
        &self,
        doc: &Document<'_>,
        spans: &[(usize, ner::EntSpan)],
    ) -> Result<Enrichment, EnrichError> {
        self.enrich_inner(doc, Some(spans), EnrichOptions::default())
    }

    /// [`EnrichError::TooManyTokens`] when the article is over the token budget.
    fn check_tokens(&self, an: &analysis::Analysis<'_>) -> Result<(), EnrichError> {
        let Some(limit) = self.max_tokens else {
            return Ok(());
        };
        let tokens = an.fields.iter().map(|f| f.toks.len()).sum();
        if tokens > limit {
            return Err(EnrichError::TooManyTokens { tokens, limit });
        }
        Ok(())
    }

    fn enrich_inner(
        &self,
        doc: &Document<'_>,
        spans: Option<&[(usize, ner::EntSpan)]>,
        opts: EnrichOptions,
    ) -> Result<Enrichment, EnrichError> {
        if doc.fields.iter().all(|f| f.text.trim().is_empty()) {
            return Err(EnrichError::Empty);
        }
        // A declared `lang` that is not an ISO 639-1 code ("french", "und") is detected instead.
        let (lang, detected) = match doc.lang.and_then(profile::detect::normalize) {
            Some(l) => (Some(l), false),
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
            let an = analysis::Analysis::new(doc, res);
            self.check_tokens(&an)?;
            let code = res.lang.code();
            // spaCy's tokens, once for the NER and the parser (when either runs).
            let tokens = if spans.is_none() || self.syntax.contains_key(code) {
                self.spacy_tokens(doc, Some(code))
            } else {
                None
            };
            let found;
            let spans = match spans {
                Some(s) => s,
                None => {
                    found = self.spans_from(doc, code, tokens.as_deref());
                    &found
                }
            };
            // The parse comes before the entities and attribution, which read it (empty when
            // `nlp.syntax` is off: they then fall back on their word rules).
            out.syntax = self.analyze_from(doc, Some(code), tokens.as_deref());
            let kb = self.kb.current();
            let canonical = entities::canonicalize_parsed(&an, spans, res, &out.syntax, &kb);
            let mut entities = canonical.entities;
            out.credits = canonical.credits;
            let found = quotes::extract(&an, res, &entities, &out.syntax);
            entities.extend(found.speakers);
            out.quotes = found.quotes;
            kb::link(&kb, &mut entities, res.lang.code());
            out.entities = entities;
            if opts.explain {
                out.explain = Some(explain_of(Decisions {
                    an: &an,
                    spans,
                    entities: &out.entities,
                    typing: canonical.typing,
                    quotes: found.explain,
                }));
            }
        } else {
            out.syntax = self.analyze(doc, lang.as_deref());
            if opts.explain {
                out.explain = Some(Explain::default());
            }
        }
        if self.tokens {
            out.tokens = Some(syntax::output::tokens(doc, &out.syntax));
        }
        Ok(out)
    }
}

/// What the rooms recorded of one enrichment, for [`explain_of`].
struct Decisions<'a> {
    an: &'a analysis::Analysis<'a>,
    /// The NER spans (field index, byte span).
    spans: &'a [(usize, ner::EntSpan)],
    /// The final entities: the canonical ones, then the speakers the quotes found.
    entities: &'a [Entity],
    /// How each canonical entity was typed, in order.
    typing: Vec<explain::TypeDecision>,
    /// How each quote was attributed, in order.
    quotes: Vec<explain::QuoteExplain>,
}

/// The [`Explain`] of one enrichment: the NER spans in code points, and per entity (a speaker
/// found by the quotes has no typing record of its own) and per quote the rules that decided.
fn explain_of(d: Decisions<'_>) -> Explain {
    let mut spans: Vec<&(usize, ner::EntSpan)> = d.spans.iter().collect();
    spans.sort_by_key(|(fi, sp)| (*fi, sp.start, sp.end));
    let ner = spans
        .into_iter()
        .filter_map(|(fi, sp)| {
            let f = d.an.fields.get(*fi)?;
            Some(explain::NerSpan {
                field: f.name.to_string(),
                start: f.offs.char_of(sp.start),
                end: f.offs.char_of(sp.end),
                label: sp.label.clone(),
            })
        })
        .collect();
    let mut typing = d.typing.into_iter();
    let entities = d
        .entities
        .iter()
        .map(|e| explain::EntityExplain {
            id: e.id.clone(),
            typing: typing.next().unwrap_or(explain::TypeDecision {
                rule: explain::TypeRule::Speaker,
                ..Default::default()
            }),
        })
        .collect();
    Explain {
        ner,
        entities,
        quotes: d.quotes,
    }
}

/// The syntax of one text given its tokens, a segment at a time (`segment`): heads are
/// shifted to the whole text's token indices and every segment opens a sentence.
fn analyze_segments(
    model: &syntax::SyntaxModel,
    p: &ner::Pipeline,
    text: &str,
    tokens: &[ner::tokenizer::Token],
) -> syntax::Analysis {
    let starts = p.sentence_starts(text, tokens);
    let segs = segment::segments(&starts, segment::MAX_SEGMENT_TOKENS);
    if segs.len() == 1 {
        return model.analyze(text, tokens);
    }
    let mut all = Vec::with_capacity(tokens.len());
    for seg in segs {
        let offset = seg.start;
        let part = model.analyze(text, &tokens[seg]);
        all.extend(part.tokens.into_iter().enumerate().map(|(i, mut t)| {
            t.head += offset;
            t.sent_start |= i == 0;
            t
        }));
    }
    syntax::Analysis::new(all)
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
        assert_eq!(out.quotes.len(), 20_000);
        check(&text, Lang::Fr, &spans);
    }

    #[test]
    fn long_unbalanced_input_is_fast() {
        let text = "« a “ b \" c „ d ‹ ".repeat(20_000) + &"Jean Dupont a dit. ".repeat(5_000);
        let t = std::time::Instant::now();
        check(&text, Lang::Fr, &[]);
        eprintln!("unbalanced marks enriched in {:?}", t.elapsed());
    }

    #[test]
    fn articles_over_the_token_budget_are_refused() {
        let en = Enricher::new(EnricherConfig {
            max_tokens: Some(50),
            ..Default::default()
        })
        .unwrap();
        let text = "l'".repeat(60);
        let doc = Document {
            fields: vec![TextField {
                name: "body",
                text: &text,
            }],
            lang: Some(Lang::Fr.code()),
        };
        match en.enrich(&doc) {
            Err(EnrichError::TooManyTokens { tokens, limit }) => {
                assert!(tokens >= 60, "{tokens} tokens counted");
                assert_eq!(limit, 50);
            }
            other => panic!("expected TooManyTokens, got {other:?}"),
        }
        let short = "Le maire a parlé.";
        let doc = Document {
            fields: vec![TextField {
                name: "body",
                text: short,
            }],
            lang: Some(Lang::Fr.code()),
        };
        assert!(en.enrich(&doc).is_ok());
    }
}
