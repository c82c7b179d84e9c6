//! What the words around a name say about it: `resources/<lang>/context.txt`.

use super::{lines, lower};
use crate::enrich::tokens::{tokenize, TokenRules};
use crate::enrich::types::EntityType;
use std::collections::{HashMap, HashSet};

/// The context rules of one language, in lower case (see `resources/<lang>/context.txt`).
#[derive(Debug, Default)]
pub struct Context {
    /// Words introducing examples of a plural noun ("including", "notamment"), and whether
    /// the noun must come right before them ("companies like").
    pub connectors: Vec<(Vec<String>, bool)>,
    /// Two words framing a plural class noun before its examples ("such" … "as": "such
    /// carmakers as Renault and Toyota").
    pub frames: Vec<(String, String)>,
    /// Plural nouns whose examples have a known type ("manufacturers" → organisation).
    pub classes: HashMap<String, EntityType>,
    /// A word right after a name that types it ("neighborhood" → location).
    pub after: HashMap<String, EntityType>,
    /// Words right before a name that type it ("la société" → organisation); a form ending in
    /// an apostrophe is elided (no space before the name).
    pub before: Vec<(String, EntityType)>,
    /// "Name-SUFFIX" adjectives ("style").
    pub adjectives: HashSet<String>,
    /// "Name-SUFFIX" adjectives that say the name is a place's ("based": "a Lagos-based bank").
    pub located: HashSet<String>,
    /// Words before a person's name that make it a fictional role ("stars as").
    pub characters: Vec<String>,
    /// Lower-case words that may join the capitalised words of one name ("Bank of America").
    pub inner: HashSet<String>,
    /// Words after a number in apposition that make it an age ("34 ans", "45 years old").
    pub ages: Vec<String>,
    /// Words of a sports report ("match", "championnat"): where a town may name its club.
    pub sport: HashSet<String>,
    /// Words right before a name that make it a team in a sports report ("away to", "face à").
    pub team_before: Vec<String>,
    /// Words right after a name (or its possessive) that make it a team in a sports report
    /// ("manager", "coach").
    pub team_after: Vec<String>,
    /// Words of a club's name ("FC", "United", « Stade »): in a sports report, a town's name
    /// inside one names the club.
    pub club: HashSet<String>,
    /// Nouns of kinship ("wife", "frère"): "her brother, X", "X and his wife" name a person.
    pub kin: HashSet<String>,
    /// Possessive determiners before a kinship noun ("his", "sa").
    pub kin_dets: HashSet<String>,
    /// Relative pronouns that never stand for a person ("which"): a name the model called a
    /// person, followed by a comma and one, is a body's ("Tovel Kai, which represents …").
    pub thing_relatives: Vec<String>,
    /// Two words framing two names of a type ("between" … "and": "between Tovel and Sarne").
    pub pairs: Vec<Pair>,
    /// Roles of a party to a trial ("defendant", « prévenu »): a court report names the party
    /// once with their age, then by the role.
    pub parties: HashSet<String>,
    /// Words before a name that opens with a capitalised article, making it the medium that
    /// took the words ("told The Tovel Herald"): an organisation.
    pub media_before: Vec<String>,
}

/// A `pair|TYPE|OPEN|JOIN` rule: OPEN, a name, JOIN and a name; both names are of `ty`.
#[derive(Debug)]
pub struct Pair {
    /// The type of both names.
    pub ty: EntityType,
    /// The word before the first name, in lower case ("between").
    pub open: String,
    /// The word between the names, in lower case ("and").
    pub join: String,
}

impl Context {
    pub(super) fn parse(s: &'static str, tokens: &TokenRules) -> Context {
        let ty = |t: &str| match t {
            "per" => Some(EntityType::Person),
            "loc" => Some(EntityType::Location),
            "org" => Some(EntityType::Organization),
            "misc" => Some(EntityType::Misc),
            _ => None,
        };
        let mut c = Context::default();
        for l in lines(s) {
            let parts: Vec<&str> = l.split('|').collect();
            match parts[..] {
                ["connector", w] | ["connector", w, "near"] => c.connectors.push((
                    tokenize(w, tokens).into_iter().map(|t| t.lower).collect(),
                    parts.len() == 3,
                )),
                ["frame", open, close] => c.frames.push((lower(open), lower(close))),
                ["class", t, w] => {
                    if let Some(t) = ty(t) {
                        c.classes.insert(lower(w), t);
                    }
                }
                ["after", t, w] => {
                    if let Some(t) = ty(t) {
                        c.after.insert(lower(w), t);
                    }
                }
                ["before", t, w] => {
                    if let Some(t) = ty(t) {
                        c.before.push((lower(w), t));
                    }
                }
                ["adjective", w] => {
                    c.adjectives.insert(lower(w));
                }
                ["located", w] => {
                    c.located.insert(lower(w));
                }
                ["character", w] => c.characters.push(lower(w)),
                ["inner", w] => {
                    c.inner.insert(lower(w));
                }
                ["age", w] => c.ages.push(lower(w)),
                ["sport", w] => {
                    c.sport.insert(lower(w));
                }
                ["team", "before", w] => c.team_before.push(lower(w)),
                ["team", "after", w] => c.team_after.push(lower(w)),
                ["club", w] => {
                    c.club.insert(lower(w));
                }
                ["kin", "noun", w] => {
                    c.kin.insert(lower(w));
                }
                ["kin", "det", w] => {
                    c.kin_dets.insert(lower(w));
                }
                ["thing_relative", w] => c.thing_relatives.push(lower(w)),
                ["pair", t, open, join] => {
                    if let Some(ty) = ty(t) {
                        c.pairs.push(Pair {
                            ty,
                            open: lower(open),
                            join: lower(join),
                        });
                    }
                }
                ["party", w] => {
                    c.parties.insert(lower(w));
                }
                ["medium", w] => c.media_before.push(lower(w)),
                _ => {}
            }
        }
        c
    }

    /// Whether `rest`, the text right after a name, opens on an age in apposition: a comma, a
    /// number of one to three digits, then a comma or an age word ("Karim, 34 ans,", "Tom
    /// Okafor, 45, a driver").
    pub fn age_apposition(&self, rest: &str) -> bool {
        let Some(r) = rest.strip_prefix(", ") else {
            return false;
        };
        let n = r.find(|c: char| !c.is_ascii_digit()).unwrap_or(r.len());
        let after = r[n..].trim_start();
        (1..=3).contains(&n)
            && (after.starts_with(',') || self.ages.iter().any(|a| after.starts_with(a.as_str())))
    }
}
