//! What decided each entity and each quote, for `verbatim enrich --explain`.
//!
//! The rooms keep the rule that decided as plain data on their own structs (an enum on the
//! quote attribution, a small record of the type vote); the [`Enricher`](super::Enricher)
//! assembles an [`Explain`] only when [`EnrichOptions::explain`] asks for it, and the daemon
//! never asks. The explain object is a debugging format outside the output contract: its rule
//! names follow the rules, which change from one version to the next.
//!
//! Like `types.rs`, these types sit at the bottom of the core: they depend on nothing but the
//! domain types.

use super::types::EntityType;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// What the caller asks of one enrichment beyond the contract's output.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct EnrichOptions {
    /// Add an [`Explain`] to the enrichment: the raw model spans and the rules that decided
    /// each entity and quote (`verbatim enrich --explain`).
    pub explain: bool,
}

/// Why the enrichment says what it says: the model's raw spans, and per entity and per quote
/// the rules that decided it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Explain {
    /// The NER model's spans before any rule (or the capitalised runs when the language has no
    /// model), in field and offset order.
    pub ner: Vec<NerSpan>,
    /// One record per entity of the output, in the same order.
    pub entities: Vec<EntityExplain>,
    /// One record per quote of the output, in the same order.
    pub quotes: Vec<QuoteExplain>,
}

/// One raw span of the NER model.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct NerSpan {
    /// Input field the span lies in.
    pub field: String,
    /// Code-point offset of its first character.
    pub start: usize,
    /// Code-point offset one past its last character.
    pub end: usize,
    /// The model's raw label (`PER`, `GPE`, `MISC` …).
    pub label: String,
}

/// How one entity got its type.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct EntityExplain {
    /// The entity's id in the output.
    pub id: String,
    /// How its type was decided.
    #[serde(flatten)]
    pub typing: TypeDecision,
}

/// The record of a group's typing, kept by the entities room.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TypeDecision {
    /// The rule that settled the type.
    pub rule: TypeRule,
    /// What the mentions' vote gave, before the name's own overrides; absent for a speaker
    /// found by the attribution rules.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub voted: Option<EntityType>,
    /// Each type's total weight in the vote, heaviest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub votes: Vec<TypeVote>,
    /// The mentions that voted (re-occurrences found afterwards do not vote).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mentions: Vec<MentionVote>,
}

/// One type's share of a group's vote.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct TypeVote {
    /// The type voted for.
    #[serde(rename = "type")]
    pub entity_type: EntityType,
    /// Its total weight.
    pub weight: usize,
}

/// What one mention brought to its group's vote.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct MentionVote {
    /// The mention as written.
    pub text: String,
    /// The model's label; absent for a name a rule found.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The type the words around it give (context, team cues), which outweighs the label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<EntityType>,
    /// Its weight in the vote.
    pub weight: usize,
}

/// The rule that settled an entity's type.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TypeRule {
    /// The model's labels won the vote.
    #[default]
    ModelLabels,
    /// A context hint (the words around a mention) won the vote.
    Context,
    /// The vote said person, but nothing showed a person (no role, first name or majority
    /// of person labels): the next type voted for.
    NoPersonEvidence,
    /// A well-known name of the gazetteer.
    Gazetteer,
    /// A place name standing for an institution (a type word of kind metonym).
    Metonym,
    /// The head word of a law or treaty.
    LawHeadWord,
    /// The head word of an event.
    EventHeadWord,
    /// The head word of an organisation.
    OrgHeadWord,
    /// The head word of a place.
    LocHeadWord,
    /// A capitalised territory word opening the name of its authority ("la Région Bretagne").
    Authority,
    /// Initials before a surname ("J. R. Smith").
    Initials,
    /// A known first name opening a two- or three-word name.
    FirstName,
    /// Voted a person, but no person's name is written so: a digit or a symbol ("Debian
    /// 2.2", "C++", "#MeToo"), or a first word that never opens a person's name ("The …").
    NotPersonName,
    /// Spelled as organisations are: initials glued by a hyphen ("Zanu-PF"), a capital
    /// inside one word ("AirAsia").
    OrgSpelling,
    /// Voted a person, but a person's names joined by hyphens (or a saint's) name a place after
    /// them where the language writes them so ("Geoffroy-Guichard", "Saint-Claude"), or a
    /// saint's abbreviated title opens it ("St Albans").
    Dedication,
    /// Voted a place, but named by initials no place of the KB goes by, and no place head
    /// word in its name: a body's abbreviation ("the CFA", « la CVS »).
    InitialsNotPlace,
    /// Named only in a quote's attribution: a speaker the model missed.
    Speaker,
}

/// How one quote was attributed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct QuoteExplain {
    /// The quote's index in the output's `quotes`.
    pub index: usize,
    /// The attribution cue, as in the quote.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cue: Option<String>,
    /// Where the attribution was found.
    pub rule: QuoteRule,
    /// What the speaker phrase was, and so how it became an entity.
    pub speaker_ref: SpeakerRef,
}

/// Where a quote's attribution was found.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum QuoteRule {
    /// The subject of the speech verb the parse finds governing the quote.
    GoverningVerbSubject,
    /// The subject of a verb the parse finds in incise right after the quote ("« … », tonne
    /// l'avocat").
    GoverningVerbIncise,
    /// A colon introduces the quote after a clause, whatever its verb ("The mayor took the
    /// stage: “…”").
    ColonIntro,
    /// A name, a colon, the quote ("Jean Dupont : « … »").
    NameColon,
    /// A speech cue after the quote ("“…,” she said").
    CueAfterQuote,
    /// A speech cue before the quote ("X a déclaré : « … »").
    CueBeforeQuote,
    /// A source cue naming the speaker ("selon X", "according to X").
    SourcePhrase,
    /// An opinion opener ("Pour X, « … »").
    Opinion,
    /// A verb in incise after a quote ending with a comma, whatever its lemma.
    VerbAfterComma,
    /// A cue between commas inside the marks ("« …, a déclaré X, … »").
    Incise,
    /// No cue of its own: the cue of the next quote of the same sentence.
    NextQuoteCue,
    /// Continued in the next paragraph: the speaker of its last part.
    ContinuedQuote,
    /// It opens the paragraph after a quote, nobody named between: that quote's speaker.
    ParagraphContinuation,
    /// The subject of the sentence before.
    PreviousSentenceSubject,
    /// The speaker of the quote before, close by.
    PreviousQuoteSpeaker,
    /// The subject of its own sentence.
    SentenceSubject,
    /// Whoever was last reported speaking nearby.
    RecentSpeaker,
    /// A partial quotation inside reported speech: the reporting subject.
    ReportedClauseSubject,
    /// Reported speech after a speech verb ("X said that …"): the verb's subject.
    ReportedVerbSubject,
    /// Reported speech before a speech verb ("…, X said."): the subject around the verb.
    ReportedInverted,
    /// Reported speech with a source cue ("selon X, …"): the source.
    ReportedSource,
    /// Reported speech the parse found (a complement clause of a speech verb): its subject.
    ReportedParsedSubject,
    /// Reported speech before a speech verb whose subject the parse finds after it or between
    /// the comma and the verb ("…, said Acme, a retailer", "…, officials said").
    ReportedTrailingSubject,
    /// A participle without a subject of its own ("…, adding that …", "…, ajoutant que …"):
    /// the speaker of the clause it hangs on.
    ParticipleMainSubject,
    /// No attribution found.
    #[default]
    None,
}

/// What a quote's speaker phrase was, and so how it was resolved to an entity.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SpeakerRef {
    /// A mention of one of the article's entities.
    Name,
    /// A capitalised name the model missed (a new speaker entity).
    NameMissedByModel,
    /// A pronoun, resolved to the most recent compatible antecedent.
    PronounAntecedent,
    /// A pronoun with no antecedent near: the last speaker of that kind.
    PronounLastSpeaker,
    /// A role or a description ("le juge", "the veteran"), resolved to the person it names.
    RoleToPerson,
    /// An organisation named by a common noun and its complement.
    OrganisationName,
    /// A definite description of an organisation ("the agency").
    OrganisationDescription,
    /// The statement an author issued ("the statement said"), resolved to its author.
    StatementAuthor,
    /// No phrase of its own: the speaker came from another quote or clause.
    Inherited,
    /// No speaker phrase.
    #[default]
    Nobody,
}
