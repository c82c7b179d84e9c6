//! Language knowledge as data: speech verbs, pronouns, roles, first names, stop words, type
//! words, acronyms. The files live in `resources/<lang>/*.txt`, are embedded at build time and
//! parsed once into a [`Resources`] per language when the [`super::Enricher`] is built.

use super::EntityType;
use std::collections::{HashMap, HashSet};

/// Grammatical or usual gender of a pronoun, role or first name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    Masculine,
    Feminine,
    /// Either, or unknown.
    Unknown,
}

impl Gender {
    fn parse(s: &str) -> Gender {
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
    pub tokens: Vec<String>,
    /// A source cue ("selon", "according to"): the speaker follows it.
    pub source: bool,
}

/// What a head word says about an entity's type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TypeWord {
    Org,
    Loc,
    Event,
    Metonym,
    State,
    /// A company's legal form ("Inc.", "SA"): "Apple Inc." and "Apple" are one name.
    Legal,
}

/// Parsed resources of one language.
#[derive(Debug, Default)]
pub struct Resources {
    pub lang: String,
    pub cues: Vec<Cue>,
    /// First token of a cue → indices into `cues`, longest cue first.
    cue_index: HashMap<String, Vec<usize>>,
    pub pronouns: HashMap<String, Gender>,
    /// Role and title nouns (lower case, may hold a space) and their gender.
    pub roles: HashMap<String, Gender>,
    pub first_names: HashMap<String, Gender>,
    /// Lone names that are not entities (months, days, ...), as [`key`] forms.
    pub stop: HashSet<String>,
    /// Demonyms in every generated form, as [`key`] forms.
    pub demonyms: HashSet<String>,
    /// Type words, as [`key`] forms.
    pub type_words: HashMap<String, TypeWord>,
    /// (acronym, expansions) pairs, as [`key`] forms.
    pub acronyms: Vec<(String, Vec<String>)>,
    pub articles: HashMap<String, Gender>,
    pub skip: HashSet<String>,
    pub preps: HashSet<String>,
    pub particles: HashSet<String>,
    pub work: HashSet<String>,
    /// Naming words before a title ("called", "intitulé"): a title when capitalised.
    pub naming: HashSet<String>,
    /// Indefinite determiners beyond the articles ("one", "plusieurs"): an unnamed speaker.
    pub indefinites: HashSet<String>,
    pub and_words: HashSet<String>,
    /// Common nouns that describe an organisation ("the agency", "le ministère").
    pub org_nouns: HashSet<String>,
    /// What the words around a name say about it (`resources/<lang>/context.txt`).
    pub context: Context,
}

/// The context rules of one language, in lower case (see `resources/<lang>/context.txt`).
#[derive(Debug, Default)]
pub struct Context {
    /// Words introducing examples of a plural noun ("including", "notamment"), and whether
    /// the noun must come right before them ("companies like").
    pub connectors: Vec<(Vec<String>, bool)>,
    /// Plural nouns whose examples have a known type ("manufacturers" → organisation).
    pub classes: HashMap<String, EntityType>,
    /// A word right after a name that types it ("neighborhood" → location).
    pub after: HashMap<String, EntityType>,
    /// Words right before a name that type it ("la société" → organisation); a form ending in
    /// an apostrophe is elided (no space before the name).
    pub before: Vec<(String, EntityType)>,
    /// "Name-SUFFIX" adjectives ("style").
    pub adjectives: HashSet<String>,
    /// Words before a person's name that make it a fictional role ("stars as").
    pub characters: Vec<String>,
    /// Lower-case words that may join the capitalised words of one name ("Bank of America").
    pub inner: HashSet<String>,
    /// Words after a number in apposition that make it an age ("34 ans", "45 years old").
    pub ages: Vec<String>,
}

const FIRST_NAMES: &str = include_str!("../../resources/first_names.txt");

struct Files {
    verbs: &'static str,
    pronouns: &'static str,
    roles: &'static str,
    stop: &'static str,
    demonyms: &'static str,
    type_words: &'static str,
    acronyms: &'static str,
    words: &'static str,
    context: &'static str,
}

const FR: Files = Files {
    verbs: include_str!("../../resources/fr/speech_verbs.txt"),
    pronouns: include_str!("../../resources/fr/pronouns.txt"),
    roles: include_str!("../../resources/fr/roles.txt"),
    stop: include_str!("../../resources/fr/stop_entities.txt"),
    demonyms: include_str!("../../resources/fr/demonyms.txt"),
    type_words: include_str!("../../resources/fr/type_words.txt"),
    acronyms: include_str!("../../resources/fr/acronyms.txt"),
    words: include_str!("../../resources/fr/words.txt"),
    context: include_str!("../../resources/fr/context.txt"),
};

const EN: Files = Files {
    verbs: include_str!("../../resources/en/speech_verbs.txt"),
    pronouns: include_str!("../../resources/en/pronouns.txt"),
    roles: include_str!("../../resources/en/roles.txt"),
    stop: include_str!("../../resources/en/stop_entities.txt"),
    demonyms: include_str!("../../resources/en/demonyms.txt"),
    type_words: include_str!("../../resources/en/type_words.txt"),
    acronyms: include_str!("../../resources/en/acronyms.txt"),
    words: include_str!("../../resources/en/words.txt"),
    context: include_str!("../../resources/en/context.txt"),
};

/// Lines of a resource file without comments and blank lines.
fn lines(s: &'static str) -> impl Iterator<Item = &'static str> {
    s.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Comparison key of a name or word: lower case, accents stripped, `’` → `'`, hyphens and runs
/// of spaces → one space.
pub fn key(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let mut out = String::with_capacity(s.len());
    for c in s
        .nfkd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
    {
        let c = match c {
            '’' | '‘' => '\'',
            '-' | '‐' | '–' => ' ',
            c if c.is_whitespace() => ' ',
            c => c,
        };
        if c == ' ' && (out.is_empty() || out.ends_with(' ')) {
            continue;
        }
        out.extend(c.to_lowercase());
    }
    while out.ends_with(' ') {
        out.pop();
    }
    out
}

/// Lower case with `’` → `'` (the form cue and word lists are compared in).
pub fn lower(s: &str) -> String {
    s.chars()
        .map(|c| if c == '’' { '\'' } else { c })
        .flat_map(char::to_lowercase)
        .collect()
}

impl Resources {
    /// Resources of `lang` (`fr` or `en`); `None` for other languages.
    pub fn for_lang(lang: &str) -> Option<Resources> {
        let files = match lang {
            "fr" => &FR,
            "en" => &EN,
            _ => return None,
        };
        let mut r = Resources {
            lang: lang.to_string(),
            ..Default::default()
        };
        for l in lines(files.verbs) {
            if let Some(c) = l.strip_prefix('=') {
                r.add_cue(c, false);
            } else if let Some(c) = l.strip_prefix('@') {
                r.add_cue(c, true);
            } else if lang == "fr" {
                for f in french_forms(l) {
                    r.add_cue(&f, false);
                }
            } else {
                for f in english_forms(l) {
                    r.add_cue(&f, false);
                }
            }
        }
        for (k, i) in r.cue_index.iter_mut() {
            let _ = k;
            i.sort_by_key(|&c| std::cmp::Reverse(r.cues[c].tokens.len()));
        }
        r.pronouns = gendered(files.pronouns);
        r.roles = gendered(files.roles);
        r.first_names = gendered(FIRST_NAMES);
        r.stop = lines(files.stop).map(key).collect();
        for l in lines(files.demonyms) {
            for f in demonym_forms(lang, l) {
                r.demonyms.insert(key(&f));
            }
        }
        for l in lines(files.type_words) {
            if let Some((kind, w)) = l.split_once('|') {
                let t = match kind {
                    "org" => TypeWord::Org,
                    "loc" => TypeWord::Loc,
                    "event" => TypeWord::Event,
                    "metonym" => TypeWord::Metonym,
                    "legal" => TypeWord::Legal,
                    _ => TypeWord::State,
                };
                r.type_words.insert(key(w), t);
            }
        }
        for l in lines(files.acronyms) {
            let mut parts = l.split('|').map(key);
            if let Some(a) = parts.next() {
                r.acronyms.push((a.replace('.', ""), parts.collect()));
            }
        }
        for l in lines(files.words) {
            let Some((kind, w)) = l.split_once('|') else {
                continue;
            };
            match kind {
                "article" => {
                    let (w, g) = w.split_once(':').unwrap_or((w, "x"));
                    r.articles.insert(lower(w), Gender::parse(g));
                }
                "skip" => {
                    r.skip.insert(lower(w));
                }
                "prep" => {
                    r.preps.insert(lower(w));
                }
                "particle" => {
                    r.particles.insert(lower(w));
                }
                "work" => {
                    r.work.insert(lower(w));
                }
                "naming" => {
                    r.naming.insert(lower(w));
                }
                "indefinite" => {
                    r.indefinites.insert(lower(w));
                }
                "and" => {
                    r.and_words.insert(lower(w));
                }
                "org" => {
                    r.org_nouns.insert(lower(w));
                }
                _ => {}
            }
        }
        r.context = Context::parse(files.context, &r.lang);
        Some(r)
    }

    fn add_cue(&mut self, form: &str, source: bool) {
        let tokens: Vec<String> = crate::enrich::tokens::tokenize(form, &self.lang)
            .iter()
            .map(|t| t.lower.clone())
            .collect();
        if tokens.is_empty() {
            return;
        }
        let cue = Cue { tokens, source };
        if self.cues.contains(&cue) {
            return;
        }
        self.cue_index
            .entry(cue.tokens[0].clone())
            .or_default()
            .push(self.cues.len());
        self.cues.push(cue);
    }

    /// Cues starting with the lower-case word `w`, longest first.
    pub fn cues_starting(&self, w: &str) -> impl Iterator<Item = &Cue> {
        self.cue_index
            .get(w)
            .into_iter()
            .flatten()
            .map(|&i| &self.cues[i])
    }

    /// Gender of a role word or two-word role (lower case), when it is one.
    pub fn role(&self, w: &str) -> Option<Gender> {
        self.roles.get(w).copied()
    }

    /// Whether the whole name is only role/title words ("Haute-Commissaire", "ministre").
    pub fn is_role_name(&self, name: &str) -> bool {
        let k = lower(name);
        self.roles.contains_key(&k) || self.roles.contains_key(&k.replace('-', " "))
    }
}

impl Context {
    fn parse(s: &'static str, lang: &str) -> Context {
        let ty = |t: &str| match t {
            "per" => Some(EntityType::Person),
            "loc" => Some(EntityType::Location),
            "org" => Some(EntityType::Organization),
            _ => None,
        };
        let mut c = Context::default();
        for l in lines(s) {
            let parts: Vec<&str> = l.split('|').collect();
            match parts[..] {
                ["connector", w] | ["connector", w, "near"] => c.connectors.push((
                    crate::enrich::tokens::tokenize(w, lang)
                        .into_iter()
                        .map(|t| t.lower)
                        .collect(),
                    parts.len() == 3,
                )),
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
                ["character", w] => c.characters.push(lower(w)),
                ["inner", w] => {
                    c.inner.insert(lower(w));
                }
                ["age", w] => c.ages.push(lower(w)),
                _ => {}
            }
        }
        c
    }
}

fn gendered(s: &'static str) -> HashMap<String, Gender> {
    lines(s)
        .filter_map(|l| l.split_once('|'))
        .map(|(w, g)| (lower(w), Gender::parse(g)))
        .collect()
}

/// Inflected forms of a French speech verb line (see `resources/fr/speech_verbs.txt`).
fn french_forms(line: &str) -> Vec<String> {
    let parts: Vec<&str> = line.split('|').map(str::trim).collect();
    let (reflexive, lemma) = match parts[0]
        .strip_prefix("s'")
        .or_else(|| parts[0].strip_prefix("se "))
    {
        Some(l) => (true, l),
        None => (false, parts[0]),
    };
    let (p3s, p3p, imp, pp, ps) = if parts.len() >= 6 {
        (
            parts[1].to_string(),
            parts[2].to_string(),
            parts[3].to_string(),
            parts[4].to_string(),
            parts[5].to_string(),
        )
    } else {
        let stem = lemma.strip_suffix("er").unwrap_or(lemma);
        // Before an "a" ending, "g" keeps its sound with an "e" (interrogea) and "c" becomes "ç"
        // (lança).
        let soft = if let Some(s) = stem.strip_suffix('c') {
            format!("{s}ç")
        } else if stem.ends_with('g') {
            format!("{stem}e")
        } else {
            stem.to_string()
        };
        (
            format!("{stem}e"),
            format!("{stem}ent"),
            soft.clone(),
            format!("{stem}é"),
            format!("{soft}a"),
        )
    };
    let mut out = Vec::new();
    if reflexive {
        let refl = |v: &str| {
            if v.starts_with(|c: char| "aeiouéèêh".contains(c)) {
                format!("s'{v}")
            } else {
                format!("se {v}")
            }
        };
        for v in [&p3s, &p3p, &format!("{imp}ait"), &ps] {
            out.push(refl(v));
        }
        for aux in ["s'est", "se sont", "s'était"] {
            out.push(format!("{aux} {pp}"));
            out.push(format!("{aux} {pp}e"));
            out.push(format!("{aux} {pp}s"));
        }
        // Inverted after a quote: "s'agace-t-il", "s'interroge-t-elle".
        let t = if p3s.ends_with(['e', 'a']) { "-t" } else { "" };
        for pr in ["il", "elle", "on"] {
            out.push(format!("{}{t}-{pr}", refl(&p3s)));
        }
        return out;
    }
    out.push(p3s.clone());
    out.push(p3p.clone());
    out.push(format!("{imp}ait"));
    out.push(format!("{imp}aient"));
    out.push(ps.clone());
    for aux in [
        "a",
        "ont",
        "avait",
        "avaient",
        "aurait",
        "a-t-il",
        "a-t-elle",
        "a-t-on",
        "ont-ils",
        "ont-elles",
        "avait-il",
        "avait-elle",
    ] {
        out.push(format!("{aux} {pp}"));
    }
    for v in [&p3s, &ps] {
        if v.ends_with(['e', 'a']) {
            out.push(format!("{v}-t-il"));
            out.push(format!("{v}-t-elle"));
            out.push(format!("{v}-t-on"));
        } else {
            out.push(format!("{v}-il"));
            out.push(format!("{v}-elle"));
            out.push(format!("{v}-on"));
        }
    }
    out.push(format!("{p3p}-ils"));
    out.push(format!("{p3p}-elles"));
    out
}

/// Inflected forms of an English speech verb line (see `resources/en/speech_verbs.txt`).
fn english_forms(line: &str) -> Vec<String> {
    let parts: Vec<&str> = line.split('|').map(str::trim).collect();
    let (base, s3, past, pp) = if parts.len() >= 4 {
        (
            parts[0].to_string(),
            parts[1].to_string(),
            parts[2].to_string(),
            parts[3].to_string(),
        )
    } else {
        let b = parts[0];
        let (s3, past) = if let Some(st) = b
            .strip_suffix('y')
            .filter(|st| !st.ends_with(['a', 'e', 'o', 'u']))
        {
            (format!("{st}ies"), format!("{st}ied"))
        } else if b.ends_with('e') {
            (format!("{b}s"), format!("{b}d"))
        } else if b.ends_with(['s', 'x', 'h']) {
            (format!("{b}es"), format!("{b}ed"))
        } else {
            (format!("{b}s"), format!("{b}ed"))
        };
        (b.to_string(), s3, past.clone(), past)
    };
    let _ = base;
    vec![
        s3,
        past,
        format!("has {pp}"),
        format!("had {pp}"),
        format!("have {pp}"),
        format!("would {}", parts[0]),
    ]
}

/// Feminine and plural forms of a demonym.
fn demonym_forms(lang: &str, w: &str) -> Vec<String> {
    let w = w.trim();
    if lang != "fr" {
        return vec![w.to_string(), format!("{w}s")];
    }
    let fem = if w.ends_with('e') {
        w.to_string()
    } else if w.ends_with("ien") || w.ends_with("éen") {
        format!("{w}ne")
    } else {
        format!("{w}e")
    };
    let pl = |s: &str| {
        if s.ends_with(['s', 'x']) {
            s.to_string()
        } else {
            format!("{s}s")
        }
    };
    vec![w.to_string(), pl(w), pl(&fem), fem]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_cues_are_generated() {
        let r = Resources::for_lang("fr").unwrap();
        let has = |s: &str| r.cues.iter().any(|c| c.tokens.join(" ") == s);
        for s in [
            "a dit",
            "a déclaré",
            "a-t-il ajouté",
            "a-t-elle précisé",
            "estime",
            "affirme",
            "selon",
            "dit-il",
            "poursuit-elle",
            "ajoute-t-il",
            "s' agace-t-il",
            "s' interroge",
            "a fait valoir",
        ] {
            assert!(has(s), "{s}");
        }
        assert!(r.cues.len() > 300, "{}", r.cues.len());
        assert_eq!(r.pronouns.get("elle"), Some(&Gender::Feminine));
        assert!(r.is_role_name("Haute-Commissaire"));
        assert!(r.demonyms.contains("bielorusses"));
        assert!(r.demonyms.contains("congolaises"));
    }

    #[test]
    fn english_cues_are_generated() {
        let r = Resources::for_lang("en").unwrap();
        let has = |s: &str| r.cues.iter().any(|c| c.tokens.join(" ") == s);
        for s in [
            "said",
            "says",
            "told",
            "added",
            "according to",
            "replied",
            "joked",
            "has said",
            "vowed",
            "posted",
            "pointed out",
        ] {
            assert!(has(s), "{s}");
        }
        assert!(Resources::for_lang("de").is_none());
    }

    #[test]
    fn context_files_are_well_formed() {
        for (lang, f) in [("fr", &FR), ("en", &EN)] {
            for l in lines(f.context) {
                let p: Vec<&str> = l.split('|').collect();
                let ok = match p[..] {
                    ["connector", w] | ["connector", w, "near"] => !w.is_empty(),
                    ["class" | "after" | "before", t, w] => {
                        ["per", "loc", "org"].contains(&t) && !w.is_empty() && lower(w) == w
                    }
                    ["adjective" | "character" | "inner" | "age", w] => !w.is_empty(),
                    _ => false,
                };
                assert!(ok, "{lang}/context.txt: malformed line {l:?}");
            }
            let c = &Resources::for_lang(lang).unwrap().context;
            assert!(!c.connectors.is_empty() && !c.classes.is_empty() && !c.before.is_empty());
        }
    }

    #[test]
    fn first_names_file_is_well_formed() {
        let mut seen = HashSet::new();
        for l in lines(FIRST_NAMES) {
            let (name, g) = l
                .split_once('|')
                .unwrap_or_else(|| panic!("first_names.txt: no '|' in {l:?}"));
            assert!(
                ["m", "f", "x"].contains(&g),
                "first_names.txt: gender of {l:?}"
            );
            assert!(
                !name.is_empty() && name == lower(name) && !name.contains(' '),
                "first_names.txt: name of {l:?}"
            );
            assert!(seen.insert(name), "first_names.txt: {name} listed twice");
        }
        assert!(seen.len() > 3000, "{}", seen.len());
        let names = gendered(FIRST_NAMES);
        let g = |n: &str| names.get(n).copied();
        for (n, want) in [
            ("jean-pierre", Gender::Masculine),
            ("marie-claire", Gender::Feminine),
            ("hélène", Gender::Feminine),
            ("helene", Gender::Feminine),
            ("sergueï", Gender::Masculine),
            ("volodymyr", Gender::Masculine),
            ("mohammed", Gender::Masculine),
            ("muhammad", Gender::Masculine),
            ("aminata", Gender::Feminine),
            ("mamadou", Gender::Masculine),
            ("chimamanda", Gender::Feminine),
            ("recep", Gender::Masculine),
            ("narendra", Gender::Masculine),
            ("shinzo", Gender::Masculine),
            ("yael", Gender::Feminine),
            ("joão", Gender::Masculine),
            ("małgorzata", Gender::Feminine),
            ("camille", Gender::Unknown),
            ("andrea", Gender::Unknown),
            ("dominique", Gender::Unknown),
            // Common given names that are also words, kept: a name is 2–3 capitalised words.
            ("mark", Gender::Masculine),
            ("bill", Gender::Masculine),
        ] {
            assert_eq!(g(n), Some(want), "{n}");
        }
        // Words, places and countries that are also given names are left out.
        for n in [
            "will",
            "may",
            "france",
            "paris",
            "jordan",
            "christian",
            "august",
            "virginia",
            "lincoln",
            "said",
        ] {
            assert_eq!(g(n), None, "{n}");
        }
    }

    #[test]
    fn french_regular_verbs_end_in_er() {
        // Other verbs need their forms spelled out (see the file's header).
        for l in lines(FR.verbs) {
            if !l.starts_with(['=', '@']) && !l.contains('|') {
                assert!(
                    l.ends_with("er"),
                    "speech_verbs.txt: {l:?} is not a regular -er verb"
                );
            }
        }
    }

    #[test]
    fn keys() {
        assert_eq!(key("Cap- Vert"), "cap vert");
        assert_eq!(key("l’ONU"), "l'onu");
    }
}
