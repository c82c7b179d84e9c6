//! Types of entities: the one map from a model label to a type, the vote of a group's
//! mentions (the context's hints outweigh the model's labels), and what the name itself
//! settles (a well-known name, head words, initials, a known first name).

use super::mention::M;
use crate::enrich::explain::{MentionVote, TypeDecision, TypeRule, TypeVote};
use crate::enrich::gazetteer::gazetteer;
use crate::enrich::profile::{key, lower, NameHead, Profile, TypeWord};
use crate::enrich::types::EntityType;
use std::collections::HashMap;

/// Coarse type of a model label (spaCy's French `PER`/`LOC`/`ORG`/`MISC`, English OntoNotes).
pub fn label_type(label: &str) -> EntityType {
    match label {
        "PER" | "PERSON" => EntityType::Person,
        "LOC" | "GPE" | "FAC" => EntityType::Location,
        "ORG" => EntityType::Organization,
        _ => EntityType::Misc,
    }
}

/// The model's labels of times and amounts ("the winter", "Tuesday", "12 p.m.", "200
/// pounds", "49 percent"): no entity in the message contract, whatever their capitals.
const NOT_NAME_LABELS: &[&str] = &[
    "DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY",
];

/// Whether a model label can name an entity (a person, place, organisation or other name).
pub fn is_name_label(label: &str) -> bool {
    !NOT_NAME_LABELS.contains(&label)
}

/// One type's share of a group's vote.
struct Vote {
    ty: EntityType,
    weight: usize,
    /// Index of the first mention voting for it (ties go to the earliest).
    first: usize,
    /// Whether a context hint voted for it.
    hinted: bool,
}

/// A group's type and the record of how it was decided (read by `--explain`).
pub(super) struct Typing {
    /// The type decided.
    pub ty: EntityType,
    /// How it was decided: the votes and the rule that settled it.
    pub decision: TypeDecision,
}

/// A type the name itself settles, and the rule that settles it.
pub(super) struct NameRule {
    /// The type the name settles.
    pub ty: EntityType,
    /// The rule that settles it (a well-known name, a head word…).
    pub rule: TypeRule,
}

impl NameRule {
    fn new(ty: EntityType, rule: TypeRule) -> Option<Self> {
        Some(NameRule { ty, rule })
    }
}

/// The type of a group of mentions named `name` (`texts` are the mentions' surface forms): the
/// vote of its mentions, a form equal to the name counting thrice and a context hint four
/// times; then a well-known name or the name's own words may settle it. `club_town`: the name
/// may be a town's that names its club (a sports report, and no country's or division's name).
pub(super) fn group_type(
    group: &[&M],
    texts: &[&str],
    name: &str,
    club_town: bool,
    res: &Profile,
) -> Typing {
    let name_key = key(name);
    let mut votes: Vec<Vote> = Vec::new();
    let mut mentions = Vec::with_capacity(group.len());
    for (n, m) in group.iter().enumerate() {
        let mut weight = if key(texts[n]) == name_key { 3 } else { 1 };
        if m.hint.is_some() {
            // What the sentence says outweighs the model's guesses.
            weight *= 4;
        }
        let ty = m.ty();
        match votes.iter_mut().find(|v| v.ty == ty) {
            Some(v) => {
                v.weight += weight;
                v.hinted |= m.hint.is_some();
            }
            None => votes.push(Vote {
                ty,
                weight,
                first: n,
                hinted: m.hint.is_some(),
            }),
        }
        mentions.push(MentionVote {
            text: texts[n].to_string(),
            label: (!m.label.is_empty()).then(|| m.label.clone()),
            hint: m.hint,
            weight,
        });
    }
    // A tie goes to the words around a mention over the model's labels.
    votes.sort_by_key(|v| (std::cmp::Reverse(v.weight), !v.hinted, v.first));
    let mut voted = votes[0].ty;
    let mut rule = if votes[0].hinted {
        TypeRule::Context
    } else {
        TypeRule::ModelLabels
    };
    // Short forms the model called misc ("DNACG" four times) do not outvote the label it gave
    // the full name, which it read with more words ("Direction nationale … (DNACG)", ORG).
    if voted == EntityType::Misc && rule == TypeRule::ModelLabels {
        let full: Vec<EntityType> = group
            .iter()
            .zip(texts)
            .filter(|(m, t)| key(t) == name_key && m.hint.is_none())
            .map(|(m, _)| m.ty())
            .collect();
        if !full.contains(&EntityType::Misc) {
            if let Some(&ty) = full.first() {
                voted = ty;
            }
        }
    }
    // A lone word the model called a person as often as a place is the place: a person is
    // named in full somewhere, a town often alone ("jobs in Tovel" … "Tovel" tagged a person).
    if voted == EntityType::Person
        && rule == TypeRule::ModelLabels
        && !name.contains(char::is_whitespace)
        && votes
            .get(1)
            .is_some_and(|v| v.ty == EntityType::Location && v.weight == votes[0].weight)
    {
        voted = EntityType::Location;
    }
    // A person needs evidence of a person; else the next type voted for, if any.
    if voted == EntityType::Person && !person_evidence(group, texts, res) {
        if let Some(v) = votes.iter().find(|v| v.ty != EntityType::Person) {
            voted = v.ty;
            rule = TypeRule::NoPersonEvidence;
        }
    }
    // A well-known name settles it, unless the words around the mentions made it a thing
    // ("a Jeep", "an Airbus A320": a product of the well-known company); then the name's own
    // head words.
    let instance = rule == TypeRule::Context && voted == EntityType::Misc;
    // Nor a town the words around its mentions made a body: its club in a sports report
    // ("Tovel, 12th, has lost four games"), where the town names the team.
    let club = club_town && rule == TypeRule::Context && voted == EntityType::Organization;
    let settled = match gazetteer()
        .lookup(name)
        .filter(|(t, _)| !(instance || club && *t == EntityType::Location))
    {
        Some((t, _)) => NameRule::new(t, TypeRule::Gazetteer),
        None => name_rule(name, voted, rule == TypeRule::Context, res),
    };
    let settled = settled.unwrap_or(NameRule { ty: voted, rule });
    let decision = TypeDecision {
        rule: settled.rule,
        voted: Some(voted),
        votes: votes
            .iter()
            .map(|v| TypeVote {
                entity_type: v.ty,
                weight: v.weight,
            })
            .collect(),
        mentions,
    };
    Typing {
        ty: settled.ty,
        decision,
    }
}

/// Evidence that a group names a person: a role or possessive glued before a mention or a
/// context hint (`hint`), the model labelling at least half its mentions a person, or a mention
/// opening with a known first name.
fn person_evidence(group: &[&M], texts: &[&str], res: &Profile) -> bool {
    let per = group
        .iter()
        .filter(|m| label_type(&m.label) == EntityType::Person)
        .count();
    group.iter().any(|m| m.hint == Some(EntityType::Person))
        || 2 * per >= group.len()
        || texts.iter().any(|t| opens_with_first_name(t, res))
}

/// Whether a name of two words or more opens with a known first name ("Ana Vale").
pub(super) fn opens_with_first_name(text: &str, res: &Profile) -> bool {
    text.split_whitespace().count() >= 2
        && text
            .split_whitespace()
            .next()
            .is_some_and(|w| res.first_names.contains_key(&lower(w)))
}

/// The commonest model label of a group (ties to the smallest label), when a model found it.
pub(super) fn group_label(group: &[&M]) -> Option<String> {
    let mut labels: HashMap<&str, usize> = HashMap::new();
    for m in group {
        if !m.label.is_empty() {
            *labels.entry(m.label.as_str()).or_default() += 1;
        }
    }
    labels
        .into_iter()
        .max_by_key(|(l, n)| (*n, std::cmp::Reverse(*l)))
        .map(|(l, _)| l.to_string())
}

/// The type of a name found only as a speaker, from its own words: an organisation when its
/// words make it one ("Tovel Chamber of Commerce", "TVSA", "Marsk Timber Ltd"), else a person.
pub fn speaker_type(name: &str, res: &Profile) -> EntityType {
    match type_override(name, EntityType::Person, res) {
        Some(EntityType::Organization) => EntityType::Organization,
        _ => EntityType::Person,
    }
}

/// Type decided by the name itself, when it settles it: institutions named by their seat, event,
/// organisation and place head words, initials, a known first name.
pub(super) fn type_override(name: &str, voted: EntityType, res: &Profile) -> Option<EntityType> {
    name_rule(name, voted, false, res).map(|o| o.ty)
}

/// [`type_override`] with the rule that settles the type. `context`: whether the words around
/// a mention decided the vote; then only the name's head word may overrule them, not a word
/// on its other side ("the magazine City Weekly": "City" is no head in English).
fn name_rule(name: &str, voted: EntityType, context: bool, res: &Profile) -> Option<NameRule> {
    let k = key(name);
    if res.type_words.get(&k) == Some(&TypeWord::Metonym) {
        return NameRule::new(EntityType::Organization, TypeRule::Metonym);
    }
    let words: Vec<&str> = k.split_whitespace().collect();
    let (first, last) = (words.first().copied()?, words.last().copied()?);
    if numbered_branch(name, res) {
        return NameRule::new(EntityType::Organization, TypeRule::OrgSpelling);
    }
    // A legal form closes a firm's name in either language, whatever the words before it name
    // ("Harlow Timber Ltd", "Vexa Logistics Inc.", « Norvane Conseil SARL »).
    if words.len() >= 2 && res.type_words.get(last) == Some(&TypeWord::Legal) {
        return NameRule::new(EntityType::Organization, TypeRule::OrgHeadWord);
    }
    // Not before a body's head word: "St Aldric's Hospital" is the hospital.
    let head_side = match res.name_head {
        NameHead::Last => last,
        NameHead::First => first,
    };
    let body_headed = words.len() >= 2 && res.type_words.get(head_side) == Some(&TypeWord::Org);
    if voted == EntityType::Person
        && !body_headed
        && (dedication(name, res) || saint_abbreviated(name, res) || particled_place(name, res))
    {
        return NameRule::new(EntityType::Location, TypeRule::Dedication);
    }
    // "LSEG", "NWA", « déléguée FO »: a word of two to six capitals voted a person is an
    // organisation's initials; persons are not written so in running text.
    if voted == EntityType::Person && initials_word(name) {
        return NameRule::new(EntityType::Organization, TypeRule::OrgSpelling);
    }
    // Nor does a person's name open on such a word: "CBC Hamilton", "NHS Tayside" are a
    // body's branch or office.
    if voted == EntityType::Person
        && words.len() >= 2
        && name.split_whitespace().next().is_some_and(initials_word)
    {
        return NameRule::new(EntityType::Organization, TypeRule::OrgSpelling);
    }
    if voted == EntityType::Person && !personal_spelling(name, first, res) {
        return NameRule::new(EntityType::Misc, TypeRule::NotPersonName);
    }
    // A word that closes places' names and no person's ("Marle Valleys", "Ann Bay").
    let place_closed = words.len() >= 2 && res.place_closers.contains(last);
    if voted == EntityType::Person && place_closed && !body_headed {
        return NameRule::new(EntityType::Location, TypeRule::LocHeadWord);
    }
    let head = |w: &str| {
        res.type_words
            .get(w)
            .copied()
            .or_else(|| res.other_side_orgs.contains(w).then_some(TypeWord::Org))
    };
    // A law or a treaty, named by its head word ("the Clean Water Bill", "le Pacte de
    // stabilité"): on the head's side only, where a first name cannot stand ("Bill Jones").
    let head_word = match res.name_head {
        NameHead::Last => last,
        NameHead::First => first,
    };
    if words.len() >= 2 && head(head_word) == Some(TypeWord::Law) {
        return NameRule::new(EntityType::Misc, TypeRule::LawHeadWord);
    }
    // A capitalised territory noun opening a name names the territory's authority, which
    // French writes so ("la Région Bretagne a voté", "la Ville de Paris"); written in lower
    // case it is the territory ("la région Bretagne"); in capitals, a heading's shout.
    // English writes the word with its complement ("the City of Tovelby", not "City Hall").
    let first_two = || words[..2].join(" ");
    if words.len() >= 2
        && name.starts_with(char::is_uppercase)
        && name.split_whitespace().next().is_some_and(|w| {
            (res.authorities.contains(&lower(w)) || res.authorities.contains(&first_two()))
                && w.chars().any(char::is_lowercase)
        })
    {
        return NameRule::new(EntityType::Organization, TypeRule::Authority);
    }
    // A body's unit, its complement and the body (« la compagnie de gendarmerie de Tovel »).
    if words.len() >= 3
        && name.starts_with(char::is_lowercase)
        && res
            .units
            .contains(&lower(name.split_whitespace().next().unwrap_or("")))
        && res.complements.contains(words[1])
    {
        return NameRule::new(EntityType::Organization, TypeRule::OrgHeadWord);
    }
    // A club's head word before a demonym names the club, not its ground (« le Stade rennais »,
    // « le Stade Français »; « le stade de la Licorne » is the ground).
    if words.len() >= 2 && res.club_heads.contains(first) && demonym_form(words[1], res) {
        return NameRule::new(EntityType::Organization, TypeRule::OrgHeadWord);
    }
    // The head of a name is its last word in English ("Harbor Light Productions"), its first in
    // French ("Festival de Cannes").
    let other_side = |w: &str| head(w).filter(|_| !context && !res.head_side_only.contains(w));
    // A hyphenated head counts whole ("la sous-préfecture de Morlaix").
    let first_whole = name.split_whitespace().next().map(key);
    // So does a head of two words ("centre hospitalier"), or of two nouns joined by a
    // complement (« zone de police »), before the head of one word it opens (« le Port autonome
    // de Tovel » is a body, « le port de Tovel » a place).
    let first_two = (words.len() >= 3).then(|| format!("{} {}", words[0], words[1]));
    let first_three =
        (words.len() >= 4 && res.complements.contains(words[1])).then(|| words[..3].join(" "));
    let first_head = first_three
        .as_deref()
        .and_then(head)
        .or_else(|| first_two.as_deref().and_then(head))
        .or_else(|| first_whole.as_deref().and_then(head))
        .or_else(|| head(first));
    // Where heads come last, a head of two words closing the name ("Eldon Community Centre"
    // is a building, "Eldon Medical Centre" a hospital).
    let last_two = (words.len() >= 3).then(|| words[words.len() - 2..].join(" "));
    // A number closing the name counts its head's kind ("State Highway 12", "Terminal 2").
    let numbered_head = (words.len() >= 2 && is_number_word(last))
        .then(|| words[words.len() - 2])
        .and_then(head);
    let last_head = last_two
        .as_deref()
        .and_then(head)
        .or_else(|| head(last))
        .or(numbered_head);
    let on_head_side =
        |h: Option<TypeWord>, w: &str| h.filter(|_| !res.other_side_only.contains(w));
    // Where heads come last, an organisation's head word before a complement heads the name
    // whatever closes it: "the Transit Authority of Harris County" is an authority.
    let before_complement = words
        .iter()
        .position(|w| res.complements.contains(*w))
        .filter(|&i| i >= 1 && i + 1 < words.len())
        .map(|i| words[i - 1]);
    let heads = match res.name_head {
        NameHead::Last => [
            before_complement
                .and_then(|w| on_head_side(head(w), w))
                .filter(|h| *h == TypeWord::Org),
            on_head_side(last_head, last),
            other_side(first),
        ],
        // Where heads come first, a word that names a body only away from the head outranks a
        // place's head opening the name (« Val de Marle Habitat » is the housing office).
        NameHead::First => [
            other_side(last).filter(|_| res.other_side_orgs.contains(last)),
            on_head_side(first_head, first),
            other_side(last),
        ],
    };
    for h in heads.into_iter().flatten() {
        match h {
            // A first name and such a word name a person ("Doris Day" is not "Boxing Day").
            TypeWord::Event
                if !(voted == EntityType::Person
                    && words.len() == 2
                    && res
                        .first_names
                        .contains_key(&lower(name.split(' ').next().unwrap_or("")))) =>
            {
                return NameRule::new(EntityType::Misc, TypeRule::EventHeadWord)
            }
            // A person's name before an organisation's head word names the organisation
            // ("Ann Lee Productions", "Tom Fell Foundation"); of two words, unless a known
            // first name opens them ("Norvane Pharma", not "Emily Post").
            TypeWord::Org
                if words.len() >= 3
                    || (words.len() >= 2
                        && (voted != EntityType::Person
                            || !res.first_names.contains_key(&lower(first)))) =>
            {
                return NameRule::new(EntityType::Organization, TypeRule::OrgHeadWord)
            }
            // A settlement's head, or a place's that types a name on its head's side only,
            // yields to the words around the name ("a win over Marle City", "the Marle City
            // goalkeeper": the club; "an analyst at Peel Brook": the firm).
            TypeWord::Loc
                if context
                    && voted == EntityType::Organization
                    && (res.settlement_heads.contains(head_word)
                        || res.head_side_only.contains(&key(head_word))) => {}
            // Likewise a place: "Whitlow Falls", not "Tom Hill".
            TypeWord::Loc
                if words.len() >= 3
                    || (words.len() >= 2
                        && (voted != EntityType::Person
                            || name.starts_with(char::is_lowercase)
                            || !res.first_names.contains_key(&lower(first)))) =>
            {
                return NameRule::new(EntityType::Location, TypeRule::LocHeadWord)
            }
            _ => {}
        }
    }
    // "Zanu-PF", "AirAsia": initials glued by a hyphen, or a capital inside one word, are
    // written for brands and parties, not for persons or places ("McAdam", "LeBron" aside).
    // A name the model calls misc keeps it: products and events are spelled that way too
    // ("HomePod", "CD-Rom").
    if !context
        && matches!(voted, EntityType::Person | EntityType::Location)
        && (org_spelling(name, res) || acronym_with_complement(name, res))
    {
        return NameRule::new(EntityType::Organization, TypeRule::OrgSpelling);
    }
    let raw: Vec<&str> = name.split_whitespace().collect();
    let initials = raw.len() >= 2
        && raw[..raw.len() - 1].iter().all(|w| {
            w.len() <= 5
                && w.ends_with('.')
                && w.chars().filter(|c| c.is_uppercase()).count() >= 1
                && w.chars().filter(|c| c.is_alphabetic()).count() <= 2
        })
        && raw[raw.len() - 1]
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
        && raw[raw.len() - 1].chars().count() > 2;
    if initials && voted != EntityType::Location {
        return NameRule::new(EntityType::Person, TypeRule::Initials);
    }
    // Between a first name and a surname, a surname's particles ("Ana de la Vega", "Piet van
    // den Berg"): the language's `particle|` words that are none of its prepositions, articles
    // or conjunctions.
    let inner = raw.len().saturating_sub(1);
    let particle = |w: &&str| {
        let l = lower(w);
        res.particles.contains(&l)
            && !res.preps.contains(&l)
            && !res.articles.contains_key(&l)
            && !res.and_words.contains(&l)
    };
    let core: Vec<&str> = raw
        .iter()
        .enumerate()
        .filter(|(i, w)| !(*i > 0 && *i < inner && particle(w)))
        .map(|(_, w)| *w)
        .collect();
    let all_cap = core
        .iter()
        .all(|w| w.chars().next().is_some_and(char::is_uppercase));
    // A known first name says person louder than the model's place label ("Ana Bar"); not
    // louder than the words around a mention ("the Lina Valley"-like hints).
    if (2..=3).contains(&core.len())
        && all_cap
        && (voted != EntityType::Location || !context)
        && !place_closed
        && res.first_names.contains_key(&lower(raw[0]))
    {
        return NameRule::new(EntityType::Person, TypeRule::FirstName);
    }
    None
}

/// Whether `name` (first word `first`, as a [`key`]) may be a person's: no digit ("Debian 2.2",
/// "Windows 11"), no symbol persons' names are not written with ("C++", "#MeToo", "@mention",
/// "a/b"), two letters at least ("I" of a quote is no name), and a first word that may open one ("The Fifth Estate" is a title, not a person).
fn personal_spelling(name: &str, first: &str, res: &Profile) -> bool {
    !name
        .chars()
        .any(|c| c.is_ascii_digit() || matches!(c, '#' | '+' | '@' | '=' | '/' | '_' | '*'))
        && !res.not_person_openers.contains(first)
        && name.chars().filter(|c| c.is_alphabetic()).count() >= 2
}

/// Whether a name is spelled as organisations are and persons and places are not: a word of
/// capitals joined by a hyphen to a written word ("Zanu-PF", "Fidesz-MPP"), or one word with a
/// capital inside after three letters or more ("AirAsia", "PayPal") — not after a surname
/// prefix ("MacArthur", "VanDyke": `particle|` and `surname_prefix|` in `words.txt`).
fn org_spelling(name: &str, res: &Profile) -> bool {
    let hyphen_caps = name.split_whitespace().any(|w| {
        let parts: Vec<&str> = w.split('-').collect();
        parts.len() >= 2
            && parts.iter().any(|p| {
                p.chars().count() >= 2 && p.chars().all(|c| c.is_alphabetic() && c.is_uppercase())
            })
            && parts.iter().any(|p| p.chars().any(char::is_lowercase))
    });
    if hyphen_caps {
        return true;
    }
    if name.contains(char::is_whitespace) || !name.chars().all(char::is_alphabetic) {
        return false;
    }
    let chars: Vec<char> = name.chars().collect();
    if !chars[0].is_uppercase() {
        return false;
    }
    (3..chars.len().saturating_sub(1)).any(|i| {
        let prefix: String = chars[..i].iter().collect();
        chars[i].is_uppercase()
            && chars[i - 1].is_lowercase()
            && chars[i + 1].is_lowercase()
            && !res.particles.contains(&lower(&prefix))
            && !res.surname_prefixes.contains(&lower(&prefix))
    })
}

/// Whether `name` is one word of two to six capital letters ("LSEG", « FO »).
fn initials_word(name: &str) -> bool {
    (2..=6).contains(&name.chars().count()) && name.chars().all(|c| c.is_uppercase())
}

/// Whether one word of capitalised parts joined by hyphens names a place after a person or a
/// saint ("Geoffroy-Guichard", "Jean-Claude-Malépart", "Saint-Claude"), where the language writes
/// them so (`hyphen_dedication` in `profile.txt`): a known first name first and a last part
/// that is none ("Marie-Laure" is a first name), or a place prefix first (`place_prefix|`).
fn dedication(name: &str, res: &Profile) -> bool {
    if !res.hyphen_dedication || name.contains(char::is_whitespace) {
        return false;
    }
    let parts: Vec<&str> = name.split(['-', '‑']).collect();
    if parts.len() < 2
        || !parts
            .iter()
            .all(|p| p.chars().next().is_some_and(char::is_uppercase))
    {
        return false;
    }
    let first = lower(parts[0]);
    let last = lower(parts[parts.len() - 1]);
    res.place_prefixes.contains(&first)
        || (res.first_names.contains_key(&first)
            && !res.first_names.contains_key(&last)
            && last.chars().count() >= 2)
}

/// Whether `name` is a body's short name and a division's number of two figures (or 2A, 2B):
/// "Sdis 26", "FDSEA 59", where the language numbers branches so (`numbered_branches`). The
/// short name is written in capitals, or as a word of four or five letters as the press writes
/// an acronym read as a word ("Sdis"; "Top 14" is a league); a road's class letters ("RD 964")
/// name a road.
fn numbered_branch(name: &str, res: &Profile) -> bool {
    let [short, number] = name.split_whitespace().collect::<Vec<_>>()[..] else {
        return false;
    };
    let letters = short.chars().count();
    let short_name = (2..=6).contains(&letters) && short.chars().all(char::is_uppercase)
        || (4..=5).contains(&letters)
            && short.starts_with(char::is_uppercase)
            && short.chars().skip(1).all(char::is_lowercase);
    res.numbered_branches
        && short_name
        && branch_number(number)
        && !res.road_prefixes.contains_key(&lower(short))
}

/// Whether `name` is one hyphenated word with a place-name particle inside (`place_particle|`
/// in `words.txt`: "Vaux-lès-Palameix", "Bourg-sur-Gironde"): a place, as no person's names
/// are joined so.
fn particled_place(name: &str, res: &Profile) -> bool {
    if name.contains(char::is_whitespace) {
        return false;
    }
    let parts: Vec<&str> = name.split(['-', '‑']).collect();
    parts.len() >= 3
        && parts[0].starts_with(char::is_uppercase)
        && parts[parts.len() - 1].starts_with(char::is_uppercase)
        && parts[1..parts.len() - 1]
            .iter()
            .any(|p| res.place_particles.contains(*p))
}

/// Whether `s` is a division's number as a branch carries it: two figures, or "2A", "2B".
pub(in crate::enrich::entities) fn branch_number(s: &str) -> bool {
    s.len() == 2 && (s.bytes().all(|b| b.is_ascii_digit()) || matches!(s, "2A" | "2B"))
}

/// Whether a word is a number that counts a head's kind: digits, and maybe one letter after
/// them ("12", "35A").
fn is_number_word(w: &str) -> bool {
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    !digits.is_empty() && w.len() - digits.len() <= 1 && digits.bytes().all(|b| b.is_ascii_digit())
}

/// Whether a name of several words opens on the abbreviation of a saint's or a mount's title
/// that opens places' names (`place_prefix|…`: "St Albans", "Mt. Kenya"): a place, whom no
/// person is named after in news.
fn saint_abbreviated(name: &str, res: &Profile) -> bool {
    let mut words = name.split_whitespace();
    let first = words.next().unwrap_or("").trim_end_matches('.');
    words.next().is_some()
        && first.chars().count() <= 3
        && first.starts_with(char::is_uppercase)
        && res.place_prefixes.contains(&lower(first))
}

/// Whether a name opens with initials in capitals before a complement ("ARS d'Occitanie", "the
/// ACLU of Texas", "CHU de Nantes"): a body's branch, named by the body's initials and where it
/// serves, not a place — unless the initials are a well-known place's ("USA").
fn acronym_with_complement(name: &str, res: &Profile) -> bool {
    let raw: Vec<&str> = name.split_whitespace().collect();
    let [initials, prep, ..] = raw[..] else {
        return false;
    };
    // Or right before a place's name ("CHU Amiens-Picardie", "SDIS Gard").
    let named = prep.chars().next().is_some_and(char::is_uppercase)
        && prep.chars().any(char::is_lowercase)
        && res.name_head == NameHead::First;
    let elided = prep.find(['\'', '’']).is_some_and(|i| {
        res.complements.contains(&format!("{}'", lower(&prep[..i]))) && prep.len() > i + 3
    });
    (2..=6).contains(&initials.chars().count())
        && initials
            .chars()
            .all(|c| c.is_alphabetic() && c.is_uppercase())
        && (named || elided || (raw.len() >= 3 && res.complements.contains(&lower(prep))))
        && gazetteer()
            .lookup(initials)
            .is_none_or(|(t, _)| t != EntityType::Location)
}

/// Whether a word (a [`key`] form) is a demonym or spelled like one (« rennais »: a demonym
/// ending after three letters or more).
fn demonym_form(w: &str, res: &Profile) -> bool {
    res.demonyms.contains(w)
        || res.demonym_suffixes.iter().any(|suf| {
            w.strip_suffix(suf.as_str())
                .is_some_and(|stem| stem.chars().count() >= 3)
        })
}
