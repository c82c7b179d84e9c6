//! The small kinds the profile's lists are made of: what a pronoun stands for, a gender, a
//! speech cue, what a head word says of a name's type, and which word of a name is its head.

/// What a subject pronoun may stand for (third column of `pronouns.txt`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Referent {
    /// A person ("he", "elle"): the default.
    Person,
    /// A plural: an organisation or a group ("they said in a statement", "ils").
    Group,
    /// A thing: only an organisation may speak through it ("it said").
    Thing,
    /// Nobody in particular: an indefinite subject ("on assure que …") names no speaker.
    Nobody,
}

impl Referent {
    pub(super) fn parse(s: &str) -> Referent {
        match s.trim() {
            "group" => Referent::Group,
            "thing" => Referent::Thing,
            "nobody" => Referent::Nobody,
            _ => Referent::Person,
        }
    }
}

/// Grammatical or usual gender of a pronoun, role or first name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    /// Masculine (`m` in the resource files).
    Masculine,
    /// Feminine (`f` in the resource files).
    Feminine,
    /// Either, or unknown.
    Unknown,
}

impl Gender {
    pub(super) fn parse(s: &str) -> Gender {
        match s.trim() {
            "m" => Gender::Masculine,
            "f" => Gender::Feminine,
            _ => Gender::Unknown,
        }
    }

    /// Whether a referent of gender `self` may be called by a word of gender `other`.
    pub fn agrees(self, other: Gender) -> bool {
        self == Gender::Unknown || other == Gender::Unknown || self == other
    }

    /// The more specific of two genders (the first when both are known).
    pub fn or(self, other: Gender) -> Gender {
        if self == Gender::Unknown {
            other
        } else {
            self
        }
    }
}

/// A speech cue: a word sequence ("a", "déclaré") in lower case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cue {
    /// The cue's words in order, lower case with `’` → `'`.
    pub tokens: Vec<String>,
    /// A source cue ("selon", "according to"): the speaker follows it.
    pub source: bool,
}

/// What a head word says about an entity's type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TypeWord {
    /// Makes the name an organisation ("university", "bank").
    Org,
    /// Makes the name a place ("river", "county").
    Loc,
    /// Makes the name misc: an event such as a festival or a cup.
    Event,
    /// An institution named by its seat ("Kremlin"): typed organisation.
    Metonym,
    /// Heads a country's formal name ("republic", "kingdom").
    State,
    /// A company's legal form ("Inc.", "SA"): "Apple Inc." and "Apple" are one name.
    Legal,
    /// A law, treaty or bill as the name's head ("the Clean Water Bill", "le Pacte de
    /// stabilité"): a text, not an entity (misc). Only at the head's side of the name, where
    /// a first name cannot be ("Bill Jones").
    Law,
}

/// Which word of a multi-word name is its head.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameHead {
    /// "Festival de Cannes".
    First,
    /// "Harbor Light Productions".
    Last,
}

impl NameHead {
    /// The head among a name's `words`: its first or its last.
    pub fn of<T>(self, words: &[T]) -> Option<&T> {
        match self {
            NameHead::First => words.first(),
            NameHead::Last => words.last(),
        }
    }
}
