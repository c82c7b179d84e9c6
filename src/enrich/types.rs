//! The domain types of the enrichment core, at the bottom: every room reads and writes these,
//! and they depend on nothing else of the core.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// Errors of the enrichment core. Messages name the offending value.
#[derive(Debug, thiserror::Error)]
pub enum EnrichError {
    /// The document has no field with text.
    #[error("document has no text: every field is empty")]
    Empty,
    /// The article is longer than `limits.max_tokens`.
    #[error("article has {tokens} tokens, above limits.max_tokens ({limit}): its enrichment would take too long and too much memory")]
    TooManyTokens {
        /// Tokens counted in the article.
        tokens: usize,
        /// The configured limit.
        limit: usize,
    },
    /// A language's NER model cannot be loaded.
    #[error("model for language {lang:?} could not be loaded from {path:?}: {reason} (fetch the models with `scripts/models`)")]
    Model {
        /// Language code of the model.
        lang: String,
        /// Where the model was looked for.
        path: PathBuf,
        /// The loader's message.
        reason: String,
    },
}

/// One named text field of an article (`title`, `body`, `text` or `content`).
#[derive(Clone, Copy, Debug)]
pub struct TextField<'a> {
    /// Field name, echoed as `field` in mentions and quotes.
    pub name: &'a str,
    /// The field's text; output offsets count its code points.
    pub text: &'a str,
}

/// What the core reads: the text fields in reading order (title first) and the declared language.
#[derive(Clone, Debug, Default)]
pub struct Document<'a> {
    /// Text fields in reading order (title first).
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
    /// A person, real or fictional.
    Person,
    /// A place: country, city, region, address, natural feature.
    Location,
    /// A company, institution, party, team or other body.
    Organization,
    /// Any other named thing (events, works, products, nationalities).
    Misc,
}

impl EntityType {
    /// The wire name: `person`, `location`, `organization` or `misc`.
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

/// What a credit line credits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum CreditKind {
    /// The article's author line ("By Jane Roe", "Par Jean Dupont").
    Byline,
    /// A picture's credit ("(Photo: Jane Roe/Reuters)").
    Photo,
}

/// A byline or a photo credit inside the text: who made the article or its pictures, not whom
/// it is about, so its names are not among the entities.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Credit {
    /// Byline or photo credit.
    pub kind: CreditKind,
    /// The names the credit line holds, as written ("Jane Roe", "Reuters").
    pub names: Vec<String>,
    /// Input field the line lies in.
    pub field: String,
    /// Code-point offset of the line's first character.
    pub start: usize,
    /// Code-point offset one past its last character.
    pub end: usize,
    /// The credit line, `field[start:end]`.
    pub text: String,
}

/// A canonical entity: all mentions of one referent in the article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Entity {
    /// Stable id from type and normalised name, e.g. `person:vladimir-poutine`.
    pub id: String,
    /// Canonical (fullest) name.
    pub name: String,
    /// Coarse type of the referent.
    #[serde(rename = "type")]
    pub entity_type: EntityType,
    /// Raw label of the model that found it (e.g. `PER`, `GPE`), when a model did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// Every mention, in field and offset order.
    pub mentions: Vec<Mention>,
    /// Id of the knowledge-base entry the entity is linked to (`geonames:2988507`, a newsroom
    /// id), absent when it is linked to none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kb_id: Option<String>,
    /// The linked entry's name (in the article's language when the KB has one), beside `name`,
    /// which stays the article's fullest form; absent when unlinked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kb_name: Option<String>,
}

/// Who said a quote.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Speaker {
    /// The speaker's canonical name (that of the entity it resolved to).
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
    /// Input field the quote lies in.
    pub field: String,
    /// Code-point offset of the quote's first character (after the opening mark).
    pub start: usize,
    /// Code-point offset one past its last character (before the closing mark).
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
    /// Canonical entities, each with all its mentions.
    pub entities: Vec<Entity>,
    /// Direct quotes and reported speech, field by field in reading order.
    pub quotes: Vec<Quote>,
    /// Bylines and photo credits, whose names are left out of `entities`.
    pub credits: Vec<Credit>,
    /// Per-token analysis of every field (`output.tokens`), in field and token order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tokens: Option<Vec<super::syntax::output::TokenOut>>,
    /// What decided each entity and quote, when [`EnrichOptions::explain`] asked for it.
    ///
    /// [`EnrichOptions::explain`]: super::explain::EnrichOptions::explain
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub explain: Option<super::explain::Explain>,
    /// The syntax of every field (`nlp.syntax`), for the core; not serialised.
    #[serde(skip)]
    pub syntax: Vec<super::syntax::FieldAnalysis>,
}
