//! A knowledge base of entities with stable ids (`geonames:2988507`, a newsroom's `Q90`), and the
//! linking of an article's entities to it ([`link`]).
//!
//! Pure: [`Kb`] is built from entries parsed out of text ([`parse`]); reading the files, and
//! reloading them while the daemon runs, is done outside the core (`crate::kb`). The enricher
//! reads the current KB through a [`KbHandle`], which a reload swaps without stopping anything.
//!
//! Two sources: the built-in places (GeoNames, written by `scripts/kb`) and the newsroom's own
//! files. A name that some newsroom entry of the entity's type carries is linked among those
//! entries only: user entries win over the built-in ones.

mod builder;
mod index;
mod link;
pub mod parse;

pub use builder::KbBuilder;
pub use link::link;

use super::profile::key;
use super::EntityType;
use index::{Hit, KeyIndex, Span};
use std::collections::HashSet;
use std::sync::{Arc, RwLock};

/// Inhabitants from which a city is known to readers without a context (see
/// [`Kb::names_major_place`]).
pub const MAJOR_CITY: u64 = 1_000_000;

/// Inhabitants from which a city of the KB is a town a name may be taken for without a
/// context of place (see [`Kb::names_place`]); the smaller towns of the KB are places only
/// where the article's words say little else (see [`Kb::names_small_place`]).
pub const KNOWN_TOWN: u64 = 10_000;

/// Inhabitants from which a city the model once called a place is that place in all its
/// mentions (see `entities::kb_places`).
pub const LARGE_CITY: u64 = 100_000;

/// What kind of place a built-in entry is (ranks candidates and builds the article's context).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlaceKind {
    /// A continent.
    Continent,
    /// A country.
    Country,
    /// First-level division (a US state).
    Admin1,
    /// A city (at least 1,000 inhabitants by default, from GeoNames' list of cities over
    /// 1,000); those under [`KNOWN_TOWN`] bear their own name only.
    City,
    /// Any other division of a country in ISO 3166-2 (a county, a French département, a
    /// Nigerian state): a region that places a town, not a place known without a context.
    Division,
}

/// Geography of a built-in place entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Place {
    /// Country, first-level division or city.
    pub kind: PlaceKind,
    /// Inhabitants (GeoNames), which settles ambiguous names in favour of the larger place.
    pub population: u64,
    /// ISO 3166-1 alpha-2 code; empty for a continent.
    pub country: String,
    /// GeoNames first-level division code; empty when none.
    pub admin1: String,
}

/// Where an entry comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// Built by the project's script from open data (`models/`).
    BuiltIn,
    /// A newsroom file: these win over the built-in entries.
    User,
}

/// One entity of the knowledge base.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KbEntry {
    /// Stable id, written to the output as `kb_id`.
    pub id: String,
    /// The entity's type; a mention links only to entries of its type.
    pub ty: EntityType,
    /// Canonical name when the entry has none in the article's language.
    pub name: String,
    /// Names by language (ISO 639-1 code, name).
    pub names: Vec<LangName>,
    /// Other names the entity goes by (indexed by [`Kb::new`], which does not keep them).
    pub aliases: Vec<String>,
    /// Geography, for built-in places.
    pub place: Option<Place>,
    /// Built-in or from a newsroom file.
    pub source: Source,
}

/// The name of an entry in one language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LangName {
    /// ISO 639-1 code of the language.
    pub lang: String,
    /// The name in that language.
    pub name: String,
}

impl KbEntry {
    /// The entry's name in `lang`, when it has one.
    pub fn name_in(&self, lang: &str) -> Option<&str> {
        self.names
            .iter()
            .find(|n| n.lang == lang)
            .map(|n| n.name.as_str())
    }
}

/// [`key`] with a fast path for ASCII forms (most of the KB's names): lower case, hyphens and
/// white space as single spaces, trimmed.
fn form_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    form_key_into(s, &mut out);
    out
}

/// [`form_key`] written into `out` (cleared first).
fn form_key_into(s: &str, out: &mut String) {
    out.clear();
    if !s.is_ascii() {
        out.push_str(&key(s));
        return;
    }
    for b in s.bytes() {
        let c = match b {
            b'-' => ' ',
            b if b.is_ascii_whitespace() || b == 0x0b => ' ',
            b => b.to_ascii_lowercase() as char,
        };
        if c == ' ' && (out.is_empty() || out.ends_with(' ')) {
            continue;
        }
        out.push(c);
    }
    while out.ends_with(' ') {
        out.pop();
    }
}

/// Where an entry's strings are in the KB's text arena.
#[derive(Clone, Copy, Debug)]
struct Stored {
    id: Span,
    name: Span,
    /// `names[names_start..names_start + names_len]` of the KB.
    names_start: u32,
    names_len: u32,
    ty: EntityType,
    source: Source,
    place: Option<StoredPlace>,
}

#[derive(Clone, Copy, Debug)]
struct StoredPlace {
    kind: PlaceKind,
    population: u64,
    country: Span,
    admin1: Span,
}

#[derive(Clone, Copy, Debug)]
struct StoredName {
    lang: Span,
    name: Span,
}

/// The knowledge base: entries (their strings in one arena) and a [`KeyIndex`] from the [`key`]
/// of every name and alias. Built by [`Kb::new`] or a [`KbBuilder`].
#[derive(Debug, Default)]
pub struct Kb {
    text: String,
    entries: Vec<Stored>,
    names: Vec<StoredName>,
    index: KeyIndex,
    user: usize,
}

/// An entry of a [`Kb`], read in place.
#[derive(Clone, Copy, Debug)]
pub struct EntryRef<'a> {
    kb: &'a Kb,
    e: &'a Stored,
}

/// Geography of a built-in place, read in place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PlaceRef<'a> {
    /// Country, first-level division or city.
    pub kind: PlaceKind,
    /// Inhabitants.
    pub population: u64,
    /// ISO 3166-1 alpha-2 code; empty for a continent.
    pub country: &'a str,
    /// GeoNames first-level division code; empty when none.
    pub admin1: &'a str,
}

impl<'a> EntryRef<'a> {
    /// Stable id.
    pub fn id(&self) -> &'a str {
        self.e.id.of(&self.kb.text)
    }

    /// Canonical name.
    pub fn name(&self) -> &'a str {
        self.e.name.of(&self.kb.text)
    }

    /// The entity's type.
    pub fn ty(&self) -> EntityType {
        self.e.ty
    }

    /// Built-in or from a newsroom file.
    pub fn source(&self) -> Source {
        self.e.source
    }

    /// Geography, for built-in places.
    pub fn place(&self) -> Option<PlaceRef<'a>> {
        let text = &self.kb.text;
        self.e.place.map(|p| PlaceRef {
            kind: p.kind,
            population: p.population,
            country: p.country.of(text),
            admin1: p.admin1.of(text),
        })
    }

    /// The entry's name in `lang`, when it has one (the first given).
    pub fn name_in(&self, lang: &str) -> Option<&'a str> {
        let start = self.e.names_start as usize;
        let text = &self.kb.text;
        self.kb.names[start..start + self.e.names_len as usize]
            .iter()
            .find(|n| n.lang.of(text) == lang)
            .map(|n| n.name.of(text))
    }
}

impl Kb {
    /// Build from the built-in and the newsroom's entries.
    pub fn new(builtin: Vec<KbEntry>, user: Vec<KbEntry>) -> Kb {
        let mut b = KbBuilder::default();
        for e in user.iter().chain(&builtin) {
            b.add(e);
        }
        b.finish()
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the KB holds no entry.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Number of entries from the newsroom's files.
    pub fn user_len(&self) -> usize {
        self.user
    }

    /// The entry with id `id`, if any (the first: newsroom entries come first).
    pub fn get(&self, id: &str) -> Option<EntryRef<'_>> {
        let e = self.entries.iter().find(|e| e.id.of(&self.text) == id)?;
        Some(EntryRef { kb: self, e })
    }

    /// The places of the KB `form` names, by their own name or an alias (indices of entries):
    /// two forms naming one ("New York", "New York City") are one place.
    pub fn places_named(&self, form: &str) -> Vec<u32> {
        self.hits(form)
            .iter()
            .filter(|h| self.entry(**h).ty() == EntityType::Location)
            .map(|h| h.entry)
            .collect()
    }

    /// The countries of the built-in places named `form` by their own name (ISO 3166-1 codes,
    /// as the KB writes them).
    pub fn countries_of_places(&self, form: &str) -> Vec<&str> {
        self.hits(form)
            .iter()
            .filter(|h| h.primary)
            .filter_map(|h| self.entry(*h).place().map(|p| p.country))
            .collect()
    }

    /// Whether some place of the KB is named `form` (its own name, not an alias): a town of
    /// [`KNOWN_TOWN`] inhabitants or more, a division or a country a name may be taken for.
    pub fn names_place(&self, form: &str) -> bool {
        self.names_place_of(form, KNOWN_TOWN)
    }

    /// [`Kb::names_place`], or a smaller town of the KB in one of `countries` (the countries
    /// of the article's other places, [`Kb::country_of_place`]): "Tadcaster" (7,000
    /// inhabitants) in a story that names Leeds, not "Ed" (a Swedish village) in one that
    /// names no Swedish place.
    pub fn names_small_place_in(&self, form: &str, countries: &HashSet<&str>) -> bool {
        self.names_place(form) || self.names_town_in(form, countries)
    }

    /// Whether `form` is the own name of a town of the KB, of any size, in one of `countries`:
    /// "Tadcaster" in a story that names Leeds.
    pub fn names_town_in(&self, form: &str, countries: &HashSet<&str>) -> bool {
        self.hits(form).iter().any(|h| {
            h.primary
                && self
                    .entry(*h)
                    .place()
                    .is_some_and(|p| p.kind == PlaceKind::City && countries.contains(p.country))
        })
    }

    /// The country of the place of the KB `form` most likely names: a continent's none, then a
    /// country before a first-level division before a town of [`KNOWN_TOWN`] inhabitants or
    /// more before another division ("Palestine", the territories' other name, before the Texas
    /// town's own); of one kind, by its own name before an alias ("Dereham" of "East Dereham"),
    /// then the most populous.
    pub fn country_of_place(&self, form: &str) -> Option<&str> {
        let rank = |k: PlaceKind| match k {
            PlaceKind::Continent => 0,
            PlaceKind::Country => 1,
            PlaceKind::Admin1 => 2,
            PlaceKind::City => 3,
            PlaceKind::Division => 4,
        };
        self.hits(form)
            .iter()
            .filter_map(|h| self.entry(*h).place().map(|p| (h.primary, p)))
            .filter(|(_, p)| p.kind != PlaceKind::City || p.population >= KNOWN_TOWN)
            .min_by_key(|(primary, p)| (rank(p.kind), !primary, std::cmp::Reverse(p.population)))
            .map(|(_, p)| p.country)
            .filter(|c| !c.is_empty())
    }

    fn names_place_of(&self, form: &str, min: u64) -> bool {
        self.hits(form).iter().any(|h| {
            let e = self.entry(*h);
            h.primary
                && e.ty() == EntityType::Location
                && e.place()
                    .is_none_or(|p| p.kind != PlaceKind::City || p.population >= min)
        })
    }

    /// Whether `form` names a place a reader knows without a context: a continent, a country, a
    /// first-level division, a city of [`MAJOR_CITY`] inhabitants or more, or a place of the
    /// newsroom's own entries. "García" (a Mexican town of 400,000) is not one, "Houston" is.
    pub fn names_major_place(&self, form: &str) -> bool {
        self.names_place_from(form, MAJOR_CITY)
    }

    /// [`Kb::names_major_place`], with cities known from `min` inhabitants.
    pub fn names_place_from(&self, form: &str, min: u64) -> bool {
        self.names_place_by(form, min, true)
    }

    /// [`Kb::names_place_from`], by the place's own name (`primary`) or also by an alias
    /// ("Frankfurt" of "Frankfurt am Main").
    pub fn names_place_by(&self, form: &str, min: u64, primary: bool) -> bool {
        self.hits(form).iter().any(|h| {
            let e = self.entry(*h);
            (h.primary || !primary)
                && e.ty() == EntityType::Location
                && e.place().is_none_or(|p| match p.kind {
                    PlaceKind::City => p.population >= min,
                    PlaceKind::Division => false,
                    _ => true,
                })
        })
    }

    /// Whether `form` names a country or a division of one ("Idaho", "Kenya", "Co Mayo"): a
    /// region that places the town before it ("Boise, Idaho").
    pub fn names_region(&self, form: &str) -> bool {
        self.hits(form).iter().any(|h| {
            h.primary
                && self.entry(*h).place().is_some_and(|p| {
                    matches!(
                        p.kind,
                        PlaceKind::Country | PlaceKind::Admin1 | PlaceKind::Division
                    )
                })
        })
    }

    /// Whether `form` is, as written, the name of a country in language `lang` ("Argentine"
    /// in French).
    pub fn names_country_in(&self, form: &str, lang: &str) -> bool {
        self.hits(form).iter().any(|h| {
            let e = self.entry(*h);
            h.primary
                && e.place().is_some_and(|p| p.kind == PlaceKind::Country)
                && e.name_in(lang) == Some(form)
        })
    }

    fn hits(&self, form: &str) -> &[Hit] {
        self.index.get(&form_key(form))
    }

    fn entry(&self, h: Hit) -> EntryRef<'_> {
        EntryRef {
            kb: self,
            e: &self.entries[h.entry as usize],
        }
    }
}

/// The KB the enricher reads, swappable while articles are being enriched: a reader keeps the
/// `Arc` it took for the whole article, a reload replaces it for the next ones.
#[derive(Clone, Default)]
pub struct KbHandle(Arc<RwLock<Arc<Kb>>>);

impl KbHandle {
    /// A handle reading `kb` until [`KbHandle::replace`] puts another in its place.
    pub fn new(kb: Kb) -> KbHandle {
        KbHandle(Arc::new(RwLock::new(Arc::new(kb))))
    }

    /// The current KB.
    pub fn current(&self) -> Arc<Kb> {
        // A writer only assigns an Arc: a poisoned lock still holds a whole KB.
        match self.0.read() {
            Ok(g) => g.clone(),
            Err(p) => p.into_inner().clone(),
        }
    }

    /// Replace the KB for the articles enriched from now on.
    pub fn replace(&self, kb: Kb) {
        let kb = Arc::new(kb);
        match self.0.write() {
            Ok(mut g) => *g = kb,
            Err(p) => *p.into_inner() = kb,
        }
    }
}

impl std::fmt::Debug for KbHandle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "KbHandle({} entries)", self.current().len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_country_outranks_a_town_of_its_name_and_villages_need_their_country() {
        // Invented: Veland, a country also called "Velandia", and a Texas-sized town of that
        // other name; Orrin, a village of 900 in the country.
        let kb = Kb::new(
            parse::parse_places(
                "geonames:1\tcountry\t4000000\tVL\t\tVeland\t\tVelandia\n\
                 geonames:2\tcity\t18000\tUS\tTX\tVelandia\t\t\n\
                 geonames:3\tcity\t900\tVL\t01\tOrrin\t\t\n",
                "p",
            )
            .unwrap(),
            Vec::new(),
        );
        assert_eq!(kb.country_of_place("Velandia"), Some("VL"));
        assert!(kb.names_place("Velandia") && !kb.names_place("Orrin"));
        assert!(!kb.names_small_place_in("Orrin", &HashSet::from(["US"])));
        assert!(kb.names_small_place_in("Orrin", &HashSet::from(["VL"])));
    }

    proptest! {
        #[test]
        fn ascii_fast_path_is_key(s in "[\\x00-\\x7f]{0,24}") {
            prop_assert_eq!(form_key(&s), key(&s));
        }
    }

    #[test]
    fn non_ascii_forms_use_key() {
        for s in ["Ville-d’Avray", "  Saint–Étienne ", "ÎLE DE FRANCE"] {
            assert_eq!(form_key(s), key(s));
        }
    }
}
