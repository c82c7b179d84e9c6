//! The language profile: every word list and every language choice of the rules, as data.
//!
//! The files live in `resources/<lang>/*.txt`, are embedded at build time and parsed once into a
//! [`Profile`] per language when the [`crate::enrich::Enricher`] is built. Rules read the profile;
//! none of them compares language codes. This loader is the one place that names languages:
//! adding one means adding its `resources/<lang>/` folder and a line in [`Lang`].

mod context;
pub mod detect;
mod first_names;
mod forms;
mod keys;
mod kinds;
mod lookups;
mod read;
mod sentences;
#[cfg(test)]
mod tests;

pub use context::Context;
pub use first_names::FirstNames;
pub use keys::{abbrev_key, key, lower};
pub use kinds::{Cue, Gender, NameHead, Referent, TypeWord};

use super::tokens::{tokenize, TokenRules};
use read::{gendered, referents, role_classes};
use std::collections::{HashMap, HashSet};

/// A language the rules know: it has a `resources/<lang>/` folder.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    /// French.
    Fr,
    /// English.
    En,
}

impl Lang {
    /// Every language with a profile.
    pub const ALL: [Lang; 2] = [Lang::Fr, Lang::En];

    /// The language of an ISO 639-1 code, when it has a profile.
    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "fr" => Some(Lang::Fr),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// ISO 639-1 code.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    fn files(self) -> &'static Files {
        match self {
            Lang::Fr => &FR,
            Lang::En => &EN,
        }
    }
}

/// Parsed profile of one language.
#[derive(Debug)]
pub struct Profile {
    /// The language this profile describes.
    pub lang: Lang,
    /// How the rule tokenizer splits words (elisions, possessives).
    pub tokens: TokenRules,
    /// Where the head word of a name is.
    pub name_head: NameHead,
    /// Titles capitalise every word: a capitalised run in a title is no evidence of a name.
    pub headline_case: bool,
    /// A person's names joined by hyphens name a place or a body after the person ("la halle
    /// Georges-Brassens", "à Geoffroy-Guichard"), not the person.
    pub hyphen_dedication: bool,
    /// A reported clause may follow its speech verb without a complementizer ("said he would").
    pub bare_clause: bool,
    /// A body's short name before a two-figure number is its branch in a numbered division
    /// ("le Sdis 26", "la FDSEA 59", "le SIS 2B"): an organisation.
    pub numbered_branches: bool,
    /// Every name bears a capital letter: a span the model found written all in lower case
    /// ("the ports committee", "city council") is no name. Not so where some names are headed
    /// by a lower-case noun ("la route départementale 974").
    pub names_capitalised: bool,
    /// Speech cues from `speech_verbs.txt`: every generated form of its verbs, its fixed
    /// phrases (`=` lines) and its source cues (`@` lines, "selon").
    pub cues: Vec<Cue>,
    /// Lemmas of the speech verbs (`speech_verbs.txt`, reflexive pronoun dropped): a verb the
    /// parse finds governing a quote or a clause is a speech verb when its lemma is here.
    pub speech_lemmas: HashSet<String>,
    /// First token of a cue → indices into `cues`, longest cue first.
    cue_index: HashMap<String, Vec<usize>>,
    /// Subject pronouns that may stand for a speaker ("il", "she"), lower case, with their gender.
    pub pronouns: HashMap<String, Gender>,
    /// Subject pronouns that stand for something else than one person (`pronouns.txt`, third
    /// column): a group or an organisation.
    pub pronoun_referents: HashMap<String, Referent>,
    /// Object pronouns that may end a source phrase ("according to her"), with their gender.
    pub object_pronouns: HashMap<String, Gender>,
    /// Role and title nouns (lower case, may hold a space) and their gender.
    pub roles: HashMap<String, Gender>,
    /// Ranks joined to a role by a hyphen, the role kept ("vice-procureur"): `rank_prefix|`.
    pub rank_prefixes: HashSet<String>,
    /// Ranks joined after a role by a hyphen, the role kept (« adjudant-chef »): `rank_suffix|`.
    pub rank_suffixes: HashSet<String>,
    /// Role classes: a description noun ("magistrat", "lawmaker") and the roles, or roles with
    /// their complement ("président du tribunal"), of the persons it may stand for (the third
    /// column of `roles.txt`, comma-separated).
    pub role_classes: HashMap<String, Vec<String>>,
    /// Endings of a compound age adjective used as a noun ("the 56-year-old said"): someone
    /// named before, described by age.
    pub age_suffixes: Vec<String>,
    /// First names (shared by every language, lower case) and their usual gender.
    pub first_names: FirstNames,
    /// Lone names that are not entities (months, days, ...), as [`key`] forms.
    pub stop: HashSet<String>,
    /// Demonyms in every generated form, as [`key`] forms.
    pub demonyms: HashSet<String>,
    /// Type words, as [`key`] forms.
    pub type_words: HashMap<String, TypeWord>,
    /// Words that type a name only on its head side (`head_loc|`: "Elm Lane", not "Harbor
    /// Trust"; `head_org|`: "Leeds United", not "United States").
    pub head_side_only: HashSet<String>,
    /// Words that type a name only on the side away from its head (`pre_division|`: "Co Mayo",
    /// not "Ford Motor Co"; `pre_event|`: "Storm Ada", not "Tove Storm"; `pre_org|`: « Tovel
    /// Autrement », not « Ensemble Tovel »).
    pub other_side_only: HashSet<String>,
    /// Head words that name a club when a demonym follows them (`club_head|`: « le Stade
    /// rennais », not « le stade de la Licorne »), as [`key`] forms.
    pub club_heads: HashSet<String>,
    /// Words typing a name an organisation on the side away from its head only (`pre_org|`),
    /// as [`key`] forms; not among [`Profile::type_words`], so no head to other rules.
    pub other_side_orgs: HashSet<String>,
    /// Words opening a photo credit ("photo", "crédit photo"), lower case.
    pub credit_words: HashSet<String>,
    /// Words opening a byline ("by", "par"), lower case.
    pub byline_words: HashSet<String>,
    /// Place head words of administrative divisions ("county"), also [`TypeWord::Loc`]: a
    /// division is another place than the town it is named after.
    pub divisions: HashSet<String>,
    /// (acronym, expansions) pairs, as [`key`] forms.
    pub acronyms: Vec<(String, Vec<String>)>,
    /// Abbreviated names ("Mass.", "C.-B.") by [`abbrev_key`], with the [`key`] forms of the
    /// names they stand for (`name_abbreviations.txt`).
    pub name_abbrevs: HashMap<String, Vec<String>>,
    /// Determiners before a name or a role ("la", "an"), lower case, with their gender.
    pub articles: HashMap<String, Gender>,
    /// Definite articles ("le", "the"): a role after them is someone the text knows.
    pub definites: HashSet<String>,
    /// Adverbs and time words skipped between a cue and its speaker ("ensuite", "also").
    pub skip: HashSet<String>,
    /// Object pronouns written before the verb ("lui", "leur"): after a quote, "», lui
    /// rétorque la maire" puts the subject after the verb.
    pub clitics: HashSet<String>,
    /// Prepositions and possessives: a role after them is not the subject ("of", "with").
    pub preps: HashSet<String>,
    /// Particles that may start a name in lower case ("de", "van").
    pub particles: HashSet<String>,
    /// Words before a quotation that make it the title of a work, not speech.
    pub work: HashSet<String>,
    /// Naming words before a title ("called", "intitulé"): a title when capitalised.
    pub naming: HashSet<String>,
    /// The word that may join a naming word to the name ("known as").
    pub naming_as: HashSet<String>,
    /// Locative prepositions before a place ("in", "near"): `locative|` in `words.txt`.
    pub locatives: HashSet<String>,
    /// Ordinal words and endings (`ordinal|` in `words.txt`: « cinquième », « première »): a
    /// place noun after one is a rank (« la cinquième place du classement »).
    pub ordinals: HashSet<String>,
    /// Feasts (`feast|` in `words.txt`: « Noël », « la Toussaint »): a place noun before one
    /// names an event or a holiday (« le marché de Noël », « le pont de l'Ascension »).
    pub feasts: HashSet<String>,
    /// Prepositions before an address, whose street a town follows ("of 14 Mill Road,
    /// Hendry"): `address_prep|` in `words.txt`.
    pub address_preps: HashSet<String>,
    /// Parties' initials before a legislator's home ("Sen. Ann Roe, R-Elk Springs"):
    /// `party_initial|` in `words.txt`, lower case.
    pub party_initials: HashSet<String>,
    /// Prepositions between a role and its employer ("an analyst at …"): `employer_prep|`.
    pub employer_preps: HashSet<String>,
    /// Naming words for a place or a body but not a work ("appelé": "a appelé : « … »" quotes).
    pub calling: HashSet<String>,
    /// Indefinite determiners beyond the articles ("one", "plusieurs"): an unnamed speaker.
    pub indefinites: HashSet<String>,
    /// Words for "and" linking coordinated names ("Jean et Marie Dupont").
    pub and_words: HashSet<String>,
    /// Words for "or" between the items of a list.
    pub or_words: HashSet<String>,
    /// Common nouns that describe an organisation ("the agency", "le ministère").
    pub org_nouns: HashSet<String>,
    /// Nouns of someone who speaks on an organisation's behalf ("spokesman", "porte-parole"):
    /// an unnamed one speaks for the organisation that modifies the noun ("a Grainco
    /// spokesman"), where another member ("a Grainco engineer") speaks for nobody named.
    pub voices: HashSet<String>,
    /// Plural nouns of an organisation's members ("officials", « enquêteurs »): a group of
    /// them the text does not name speaks for the body named with them ("MTA officials said",
    /// « les enquêteurs de la brigade de Tovel »).
    pub members: HashSet<String>,
    /// Prepositions between such a group and its body besides a complement's ("officials at
    /// the agency", "analysts with Tovel Bank").
    pub member_preps: HashSet<String>,
    /// Nouns of a document that reports for its author ("bilan", "report"): "selon un bilan
    /// établi par X" gives the words to X, the author the phrase names, else to nobody.
    pub documents: HashSet<String>,
    /// Nouns of a statement its author issued, which speaks for them ("the statement said"):
    /// `statement|`.
    pub statements: HashSet<String>,
    /// Nouns of things that cannot speak but are said to show, suggest or confirm ("data",
    /// "étude"): the clause of a speech verb they are the subject of is evidence, not reported
    /// speech ("the figures suggest that …", "l'étude montre que …").
    pub mute: HashSet<String>,
    /// Abbreviations whose full stop ends no sentence ("dr", "mme").
    pub abbrevs: HashSet<String>,
    /// Function words a title of a work may hold in lower case.
    pub function_words: HashSet<String>,
    /// Prepositions before the complement of an organisation noun ("de", "of").
    pub complements: HashSet<String>,
    /// Prepositions other than the complement ones that link a further complement inside an
    /// institution's lower-case name ("contre" of "Ligue de défense contre le bruit").
    pub name_preps: HashSet<String>,
    /// Nouns of bodies a language names after the person leading them, the name right after
    /// the noun ("le gouvernement Valmy", "la Commission Dunord"): the body and the person are
    /// two entities.
    pub led_bodies: HashSet<String>,
    /// Head words of the bodies that serve an area and take its name, where a name may
    /// coordinate two places before its head ("police": "Tove and Brisk Valley Police").
    pub area_bodies: HashSet<String>,
    /// Road nouns numbered after a state's or a country's name (`numbered_road|highway`: "U.S.
    /// Highway 16"), lower case.
    pub numbered_roads: HashSet<String>,
    /// Prepositions before a road, after which a place and a number are the road (`road_prep|`:
    /// "along Tovelia 285").
    pub road_preps: HashSet<String>,
    /// Prepositions before a place, which a lone word after them is ("at", « à »).
    pub place_preps: HashSet<String>,
    /// Prepositions before a town, rarely before a body (`town_prep|`: "in", not "at"): a lone
    /// word after them the model called an organisation is a place ("a clinic in Tovebrook").
    pub town_preps: HashSet<String>,
    /// Passive participles of asking that open a sentence on the question put to its subject
    /// ("Asked whether …, she said", « Interrogé sur … , il a assuré »): no cue of their own.
    pub question_participles: HashSet<String>,
    /// Prepositions joining a person's name to the organisation they work for ("Jane Doe of
    /// Harbor Public Radio").
    pub affiliations: HashSet<String>,
    /// Prepositions of an addressee between a cue and its speaker ("à").
    pub addressees: HashSet<String>,
    /// Titles of address, written only before a person's name ("Ms", "Cllr", "Mme"): a name
    /// they open is a person's, whatever the model's label.
    pub honorifics: HashSet<String>,
    /// Titles that are part of a person's name ("Lord", "Lady", "Baroness"): a capitalised word
    /// after one is a person's name, the title kept in it.
    pub name_titles: HashSet<String>,
    /// Territory nouns that, capitalised at the head of a name, name the territory's authority
    /// rather than the territory ("la Région Bretagne a voté", "la Ville de Paris"; not "la
    /// région Bretagne").
    pub authorities: HashSet<String>,
    /// Head words that open a lower-case name only with a modifier before its complement
    /// (« le service départemental d'incendie », not « le service de pédiatrie »).
    pub modified_heads: HashSet<String>,
    /// Lower-case names of a body's organ (`organ|`: « conseil d'administration », « assemblée
    /// générale »): before the body's name and its preposition, no part of the name (« le
    /// conseil d'administration de la Coopérative Tovel » names the cooperative).
    pub organs: HashSet<String>,
    /// Units of a body named with it and its seat (`unit|…`: « la compagnie de gendarmerie de
    /// Tovel », « la brigade de recherches de la gendarmerie de Tovel »): one name.
    pub units: HashSet<String>,
    /// Heads of a place's name in the singular only (`singular_head|pays`: « le pays de
    /// Tovelin »), a common noun after a plural determiner (`plural_det|`: « des pays d'Asie »), an
    /// indefinite one or a number.
    pub singular_heads: HashSet<String>,
    /// See [`Profile::singular_heads`].
    pub plural_dets: HashSet<String>,
    /// Words that may stand between an article and a role in an apposition ("Ann Lee, a
    /// senior inspector with …", "Jean Roy, l'ancien maire").
    pub role_modifiers: HashSet<String>,
    /// Possessive determiners ("sa", "her"), written in lower case: no name holds one.
    pub possessive_dets: HashSet<String>,
    /// Common nouns that house style capitalises, no name alone but the head of one
    /// (`alone|…` in `words.txt`: "the State has appealed", but "Edo State").
    pub lone_nouns: HashSet<String>,
    /// Words opening an apposition to a speaker without an article ("lui-même", "herself").
    pub apposition_starts: HashSet<String>,
    /// Prepositions between a building's name and the street it stands on ("on"): a span
    /// running over one into a street's name is two names.
    pub site_preps: Vec<String>,
    /// Prepositions between two names of a route or a match ("to", "at"): no name of
    /// capitalised words holds one.
    pub route_preps: Vec<String>,
    /// Nouns of a route between two places ("axe", "ligne"; "line"), written on the head's
    /// side of the two names joined by a dash: `route_noun|` in `words.txt`.
    pub route_nouns: HashSet<String>,
    /// Countries (ISO 3166-1 codes) where "<place> State" names a university, not the state
    /// ("Boise State"): `state_university_country|` in `words.txt`.
    pub state_university_countries: HashSet<String>,
    /// Letters written after a person's name, as written ("KC", "MP", "OBE"): not the name.
    pub postnominals: HashSet<String>,
    /// Contracted article forms ("au", "du"): a capitalised quotation after them is a name, a
    /// role after them someone the text knows, in a complement ("la directive du gouverneur").
    pub contracted: HashSet<String>,
    /// Words opening a reported clause after its speech verb ("que", "that").
    pub complementizers: HashSet<String>,
    /// Coordinators that, before a complementizer, open a second reported clause of the same
    /// verb (`second_clause|and`: "said the line would close, and that buses would run"):
    /// each is a clause of its own.
    pub second_clauses: HashSet<String>,
    /// Words between a comma and a present participle of a speech verb (`gerund_opener|`:
    /// « tout en rappelant que », "while stressing that"): the participle's clause is a clause
    /// of its own and ends the one before the comma.
    pub gerund_openers: HashSet<String>,
    /// Words that make a complementizer after them part of a conjunction ("tant que", "afin
    /// qu'", "so that"): what follows is no reported clause.
    pub locutions: HashSet<String>,
    /// Conjunctions opening a clause of its own after a quotation ("« … », quand X dénonçait",
    /// "“…,” while X said"): that clause's speech verb is another speaker's, not the quote's cue.
    pub subordinators: HashSet<String>,
    /// Relative pronouns that may be the subject of a speech verb ("X, qui affirme que …",
    /// "X, who said …"): they stand for the noun phrase before them.
    pub relatives: HashSet<String>,
    /// Demonstrative determiners ("ce", "this"): the noun after them describes someone named
    /// before ("affirme ce vieil ami"), with the determiner's gender.
    pub demonstratives: HashMap<String, Gender>,
    /// Words opening `<word> X, « … »`: the quote is X's opinion ("pour").
    pub opinions: HashSet<String>,
    /// Third-person pronouns and possessives that tell the gender of a person named before them
    /// in the sentence ("she", "his", "elle"), with that gender.
    pub gender_pronouns: HashMap<String, Gender>,
    /// Words after a gendered pronoun that make it impersonal ("il faut", "il y a").
    pub impersonal: HashSet<String>,
    /// Phrases after an organisation's name that name the person speaking for it ("L'agence,
    /// par la voix de sa directrice, Ana Roy, a …"), as lower-case tokens.
    pub voice_phrases: Vec<Vec<String>>,
    /// Phrases opening a sentence on a body, whose indefinite subject pronoun then speaks for
    /// it ("Chez Vireo, on assure que …"), as lower-case tokens.
    pub body_openers: Vec<Vec<String>>,
    /// Conjunctions and connectives that may open a sentence before its opinion word ("mais").
    pub connectives: HashSet<String>,
    /// Auxiliaries and verb forms in the tense of reported speech ("would", « aurait »): after
    /// a connective, they carry on what the speaker said.
    pub report_tenses: HashSet<String>,
    /// Endings of a demonym-like word that is a common noun after an article ("lyonnais").
    pub demonym_suffixes: Vec<String>,
    /// Of those, the endings a region named after its town bears (« le Tovelois »): after a
    /// masculine definite article, a word the model called a place is the region.
    pub region_suffixes: Vec<String>,
    /// Words beyond the articles that make such a word a common noun ("aux").
    pub demonym_dets: HashSet<String>,
    /// Elided words skipped when spelling an acronym from a name ("l'", "d'").
    pub acronym_skip: HashSet<String>,
    /// Elided articles stripped from the front of a name's grouping key ("l'").
    pub name_prefixes: Vec<String>,
    /// Prefixes of surnames written with a capital after them ("Mac" of "MacArthur").
    pub surname_prefixes: HashSet<String>,
    /// Words opening a place's name, never a person's, lower case: hyphenated ("Saint-Claude")
    /// or abbreviated with a full stop ("St." of "Port St. Lucie").
    pub place_prefixes: HashSet<String>,
    /// Lower-case words inside a hyphenated place name, never inside a person's ("lès" of
    /// "Vaux-lès-Palameix", "sur" of "Bourg-sur-Gironde").
    pub place_particles: HashSet<String>,
    /// Words before a club's town in its full name ("FC" of "FC Lorient"): the town alone is
    /// the club's short name in the same article.
    pub club_prefixes: HashSet<String>,
    /// Head words of a feature or a facility bearing a name of its own, not a town's
    /// (`own_name|`: « le lac de Vérane » … « Vérane »): the name alone is the same place.
    pub own_name_heads: HashSet<String>,
    /// Capitalised head words of a natural feature written before its name (`feature_first|`:
    /// "the River Tove", "Lake Vern").
    pub feature_first: HashSet<String>,
    /// The same written after the name (`feature_last|`: "the Tove River", "Vance Creek").
    pub feature_last: HashSet<String>,
    /// Head words of a settlement's name (`settlement|`: "Tovel City") that the words around
    /// its mentions may overrule: in a sports report "Marle City" is the club.
    pub settlement_heads: HashSet<String>,
    /// Lower-case adjectives that, after a place, name a part of it (`region_adjective|`:
    /// « la Suisse romande », « l'Europe occidentale »).
    pub region_adjectives: HashSet<String>,
    /// Capitalised words that, before a country or a state, name a part of it, no body
    /// (`region_part|`: "Northeast India", "Greater London", "Rural Victoria").
    pub region_parts: HashSet<String>,
    /// Prepositions of a person's hometown after their age (`hometown|of`: "Ada Lind, 58, of
    /// Tovel"): the name after them is a place.
    pub hometown_preps: HashSet<String>,
    /// Letters of a road class before a road's number ("a" of "A82", "rd" of "RD 964"),
    /// with the most digits of the class's numbers (`road_prefix|a:2`; 4 when not given).
    pub road_prefixes: HashMap<String, usize>,
    /// Lower-case nouns of a road written before its number (`road_noun|route`: « la route
    /// 117 »), and the class adjectives that may follow them (`road_class|nationale`).
    pub road_nouns: HashSet<String>,
    /// See [`Profile::road_nouns`].
    pub road_classes: HashSet<String>,
    /// Lower-case street nouns before a street's name (`street_noun|rue`: « la rue de la
    /// Fontaine »).
    pub street_nouns: HashSet<String>,
    /// Words of magnitude after a number ("million"): "R480 million" is an amount.
    pub magnitudes: HashSet<String>,
    /// Words that never open a person's name ("The" of "The Fifth Estate"), as a name's first
    /// word, lower case.
    pub not_person_openers: HashSet<String>,
    /// Words that close a place's name and never a person's ("Bay", "Avenue"), lower case: a
    /// known first name before one names no person ("James Bay", "Olga Avenue").
    pub place_closers: HashSet<String>,
    /// Works written in lower case after their name, where heads come last ("the Tovel dam",
    /// "the Marle mine"), lower case: the head closes the place's name.
    pub works_heads: HashSet<String>,
    /// First-person subject pronouns ("I", "je"): the writer, no name and no speaker named.
    pub first_person: HashSet<String>,
    /// Roles held over a portfolio ("minister", "ministre"): the name of the portfolio next to
    /// one ("Transport Minister", "ministre des Transports") is part of the title, no entity.
    pub portfolio_roles: HashSet<String>,
    /// Words linking such a role to its portfolio after it ("of", "for"; "de", "des", "aux").
    pub portfolio_links: HashSet<String>,
    /// Nouns naming the office a title's holder runs, after the title's possessive ("the Tovel
    /// County Sheriff's Office"), lower case.
    pub office_nouns: HashSet<String>,
    /// Possessive endings trimmed off a name, as written ("'s", "’s").
    pub trim_suffixes: Vec<String>,
    /// What closes a firm's name after the founder's ("and Sons", "et Fils"), as written.
    pub firm_suffixes: Vec<String>,
    /// What the words around a name say about it (`resources/<lang>/context.txt`).
    pub context: Context,
}

/// The lemma of a speech-verb line: its first form without a reflexive pronoun
/// ("s'exclamer|…" → "exclamer", "say|says|said|said" → "say").
fn speech_lemma(line: &str) -> String {
    let first = line.split('|').next().unwrap_or(line).trim();
    let bare = first
        .strip_prefix("s'")
        .or_else(|| first.strip_prefix("s’"))
        .or_else(|| first.strip_prefix("se "))
        .unwrap_or(first);
    lower(bare)
}

const FIRST_NAMES: &str = include_str!("../../../resources/first_names.txt");
/// Given names two open lists or more hold (`scripts/first-names` writes it); the hand list wins.
const OPEN_FIRST_NAMES: &str = include_str!("../../../resources/first_names_open.txt");

/// The hand list of first names, then the open lists' names it lacks.
fn first_names() -> HashMap<String, Gender> {
    let mut names = gendered(OPEN_FIRST_NAMES);
    names.extend(gendered(FIRST_NAMES));
    names
}

struct Files {
    profile: &'static str,
    abbreviations: &'static str,
    verbs: &'static str,
    pronouns: &'static str,
    roles: &'static str,
    stop: &'static str,
    demonyms: &'static str,
    type_words: &'static str,
    acronyms: &'static str,
    name_abbrevs: &'static str,
    words: &'static str,
    context: &'static str,
}

macro_rules! files {
    ($lang:literal) => {
        Files {
            profile: include_str!(concat!("../../../resources/", $lang, "/profile.txt")),
            abbreviations: include_str!(concat!(
                "../../../resources/",
                $lang,
                "/abbreviations.txt"
            )),
            verbs: include_str!(concat!("../../../resources/", $lang, "/speech_verbs.txt")),
            pronouns: include_str!(concat!("../../../resources/", $lang, "/pronouns.txt")),
            roles: include_str!(concat!("../../../resources/", $lang, "/roles.txt")),
            stop: include_str!(concat!("../../../resources/", $lang, "/stop_entities.txt")),
            demonyms: include_str!(concat!("../../../resources/", $lang, "/demonyms.txt")),
            type_words: include_str!(concat!("../../../resources/", $lang, "/type_words.txt")),
            acronyms: include_str!(concat!("../../../resources/", $lang, "/acronyms.txt")),
            name_abbrevs: include_str!(concat!(
                "../../../resources/",
                $lang,
                "/name_abbreviations.txt"
            )),
            words: include_str!(concat!("../../../resources/", $lang, "/words.txt")),
            context: include_str!(concat!("../../../resources/", $lang, "/context.txt")),
        }
    };
}

const FR: Files = files!("fr");
const EN: Files = files!("en");

/// Lines of a resource file without comments and blank lines.
fn lines(s: &'static str) -> impl Iterator<Item = &'static str> {
    s.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The language choices of `profile.txt`.
struct Settings {
    verb_forms: fn(&str) -> Vec<String>,
    demonym_forms: fn(&str) -> Vec<String>,
    name_head: NameHead,
    headline_case: bool,
    hyphen_dedication: bool,
    numbered_branches: bool,
    bare_clause: bool,
    names_capitalised: bool,
    sentence_guillemets: bool,
    sentence_quote_line: bool,
}

impl Settings {
    fn parse(s: &'static str) -> Settings {
        let mut out = Settings {
            verb_forms: forms::english_forms,
            demonym_forms: forms::english_demonym_forms,
            name_head: NameHead::Last,
            headline_case: false,
            hyphen_dedication: false,
            numbered_branches: false,
            bare_clause: false,
            names_capitalised: false,
            sentence_guillemets: false,
            sentence_quote_line: false,
        };
        for l in lines(s) {
            match l.split_once('|') {
                Some(("verb_forms", "french")) => out.verb_forms = forms::french_forms,
                Some(("verb_forms", _)) => out.verb_forms = forms::english_forms,
                Some(("demonym_forms", "french")) => {
                    out.demonym_forms = forms::french_demonym_forms
                }
                Some(("demonym_forms", _)) => out.demonym_forms = forms::english_demonym_forms,
                Some(("name_head", v)) => {
                    out.name_head = if v == "first" {
                        NameHead::First
                    } else {
                        NameHead::Last
                    }
                }
                Some(("headline_case", v)) => out.headline_case = v == "yes",
                Some(("hyphen_dedication", v)) => out.hyphen_dedication = v == "yes",
                Some(("numbered_branches", v)) => out.numbered_branches = v == "yes",
                Some(("bare_clause", v)) => out.bare_clause = v == "yes",
                Some(("names_capitalised", v)) => out.names_capitalised = v == "yes",
                Some(("sentence_guillemets", v)) => out.sentence_guillemets = v == "yes",
                Some(("sentence_quote_line", v)) => out.sentence_quote_line = v == "yes",
                _ => {}
            }
        }
        out
    }
}

/// Closed word classes of `words.txt` (`kind|word`) and token rules, read in one pass.
fn token_rules(words: &'static str) -> TokenRules {
    let mut t = TokenRules::default();
    for l in lines(words) {
        match l.split_once('|') {
            Some(("elision", w)) => t.elisions.push(lower(w)),
            Some(("possessive", w)) => t.possessives.push(w.to_string()),
            _ => {}
        }
    }
    t
}

impl Profile {
    /// The profile of an ISO 639-1 code; `None` for a language without one.
    pub fn for_code(code: &str) -> Option<Profile> {
        Lang::from_code(code).map(Profile::load)
    }

    /// Parse the embedded files of `lang`.
    pub fn load(lang: Lang) -> Profile {
        let files = lang.files();
        let settings = Settings::parse(files.profile);
        let tokens = token_rules(files.words);
        let mut r = Profile {
            lang,
            context: Context::parse(files.context, &tokens),
            tokens,
            name_head: settings.name_head,
            headline_case: settings.headline_case,
            hyphen_dedication: settings.hyphen_dedication,
            numbered_branches: settings.numbered_branches,
            bare_clause: settings.bare_clause,
            names_capitalised: settings.names_capitalised,
            demonym_suffixes: Vec::new(),
            region_suffixes: Vec::new(),
            demonym_dets: HashSet::new(),
            acronym_skip: HashSet::new(),
            name_prefixes: Vec::new(),
            surname_prefixes: HashSet::new(),
            place_prefixes: HashSet::new(),
            place_particles: HashSet::new(),
            club_prefixes: HashSet::new(),
            road_nouns: HashSet::new(),
            street_nouns: HashSet::new(),
            road_classes: HashSet::new(),
            club_heads: HashSet::new(),
            other_side_orgs: HashSet::new(),
            own_name_heads: HashSet::new(),
            feature_first: HashSet::new(),
            feature_last: HashSet::new(),
            settlement_heads: HashSet::new(),
            region_adjectives: HashSet::new(),
            region_parts: HashSet::new(),
            hometown_preps: HashSet::new(),
            road_prefixes: HashMap::new(),
            magnitudes: HashSet::new(),
            not_person_openers: HashSet::new(),
            place_closers: HashSet::new(),
            works_heads: HashSet::new(),
            first_person: HashSet::new(),
            portfolio_roles: HashSet::new(),
            portfolio_links: HashSet::new(),
            office_nouns: HashSet::new(),
            trim_suffixes: Vec::new(),
            firm_suffixes: Vec::new(),
            cues: Vec::new(),
            speech_lemmas: HashSet::new(),
            cue_index: HashMap::new(),
            pronouns: gendered(files.pronouns),
            pronoun_referents: referents(files.pronouns),
            object_pronouns: HashMap::new(),
            roles: gendered(files.roles),
            role_classes: role_classes(files.roles),
            age_suffixes: Vec::new(),
            first_names: FirstNames::new(first_names()),
            stop: lines(files.stop).map(key).collect(),
            demonyms: HashSet::new(),
            type_words: HashMap::new(),
            head_side_only: HashSet::new(),
            other_side_only: HashSet::new(),
            acronyms: Vec::new(),
            name_abbrevs: HashMap::new(),
            articles: HashMap::new(),
            definites: HashSet::new(),
            skip: HashSet::new(),
            clitics: HashSet::new(),
            preps: HashSet::new(),
            particles: HashSet::new(),
            work: HashSet::new(),
            naming: HashSet::new(),
            naming_as: HashSet::new(),
            locatives: HashSet::new(),
            ordinals: HashSet::new(),
            feasts: HashSet::new(),
            address_preps: HashSet::new(),
            party_initials: HashSet::new(),
            employer_preps: HashSet::new(),
            rank_prefixes: HashSet::new(),
            rank_suffixes: HashSet::new(),
            calling: HashSet::new(),
            indefinites: HashSet::new(),
            and_words: HashSet::new(),
            or_words: HashSet::new(),
            org_nouns: HashSet::new(),
            abbrevs: HashSet::new(),
            function_words: HashSet::new(),
            complements: HashSet::new(),
            name_preps: HashSet::new(),
            led_bodies: HashSet::new(),
            area_bodies: HashSet::new(),
            numbered_roads: HashSet::new(),
            road_preps: HashSet::new(),
            place_preps: HashSet::new(),
            town_preps: HashSet::new(),
            question_participles: HashSet::new(),
            affiliations: HashSet::new(),
            divisions: HashSet::new(),
            credit_words: HashSet::new(),
            byline_words: HashSet::new(),
            addressees: HashSet::new(),
            honorifics: HashSet::new(),
            name_titles: HashSet::new(),
            authorities: HashSet::new(),
            modified_heads: HashSet::new(),
            organs: HashSet::new(),
            units: HashSet::new(),
            singular_heads: HashSet::new(),
            plural_dets: HashSet::new(),
            role_modifiers: HashSet::new(),
            possessive_dets: HashSet::new(),
            lone_nouns: HashSet::new(),
            apposition_starts: HashSet::new(),
            postnominals: HashSet::new(),
            site_preps: Vec::new(),
            route_preps: Vec::new(),
            route_nouns: HashSet::new(),
            state_university_countries: HashSet::new(),
            complementizers: HashSet::new(),
            second_clauses: HashSet::new(),
            gerund_openers: HashSet::new(),
            locutions: HashSet::new(),
            subordinators: HashSet::new(),
            relatives: HashSet::new(),
            contracted: HashSet::new(),
            demonstratives: HashMap::new(),
            opinions: HashSet::new(),
            connectives: HashSet::new(),
            report_tenses: HashSet::new(),
            voice_phrases: Vec::new(),
            body_openers: Vec::new(),
            gender_pronouns: HashMap::new(),
            impersonal: HashSet::new(),
            voices: HashSet::new(),
            members: HashSet::new(),
            member_preps: HashSet::new(),
            documents: HashSet::new(),
            statements: HashSet::new(),
            mute: HashSet::new(),
        };
        r.read_verbs(files.verbs, &settings);
        r.read_demonyms(files.demonyms, &settings);
        r.read_type_words(files.type_words);
        r.read_abbreviations(files.name_abbrevs, files.acronyms);
        r.read_words(files.words);
        r
    }
}
