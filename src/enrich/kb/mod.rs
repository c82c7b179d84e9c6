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

mod link;
pub mod parse;

pub use link::link;

use super::profile::key;
use super::EntityType;
use std::collections::HashMap;
use std::sync::{Arc, RwLock};

/// What kind of place a built-in entry is (ranks candidates and builds the article's context).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlaceKind {
    /// A continent.
    Continent,
    /// A country.
    Country,
    /// First-level division (a US state).
    Admin1,
    /// A city (over 15,000 inhabitants in GeoNames' list).
    City,
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
    if !s.is_ascii() {
        return key(s);
    }
    let mut out = String::with_capacity(s.len());
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
    out
}

/// One entry a key leads to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Hit {
    entry: u32,
    /// The key is the entry's own name (or its name in some language), not an alias.
    primary: bool,
}

/// The knowledge base: entries and an index from the [`key`] of every name and alias.
#[derive(Debug, Default)]
pub struct Kb {
    entries: Vec<KbEntry>,
    index: HashMap<String, Vec<Hit>>,
    user: usize,
}

impl Kb {
    /// Build from the built-in and the newsroom's entries.
    pub fn new(builtin: Vec<KbEntry>, user: Vec<KbEntry>) -> Kb {
        let user_count = user.len();
        let n = builtin.len() + user.len();
        let mut kb = Kb {
            entries: Vec::with_capacity(n),
            // About five names an entry.
            index: HashMap::with_capacity(n * 5),
            user: user_count,
        };
        for e in user.into_iter().chain(builtin) {
            kb.push(e);
        }
        kb.index.shrink_to_fit();
        kb
    }

    fn push(&mut self, e: KbEntry) {
        let entry = u32::try_from(self.entries.len()).expect("fewer than 2^32 KB entries");
        let primary = std::iter::once(&e.name).chain(e.names.iter().map(|n| &n.name));
        let forms = primary
            .map(|n| (n, true))
            .chain(e.aliases.iter().map(|a| (a, false)));
        for (form, primary) in forms {
            let k = form_key(form);
            if k.is_empty() {
                continue;
            }
            let hits = self.index.entry(k).or_default();
            match hits.iter_mut().find(|h| h.entry == entry) {
                Some(h) => h.primary |= primary,
                None => hits.push(Hit { entry, primary }),
            }
        }
        // The aliases live on in the index only (the built-in places have ~120,000).
        let mut e = e;
        e.aliases = Vec::new();
        self.entries.push(e);
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
    pub fn get(&self, id: &str) -> Option<&KbEntry> {
        self.entries.iter().find(|e| e.id == id)
    }

    /// Whether some place of the KB is named `form` (its own name, not an alias): a town or a
    /// country a lone word may name.
    pub fn names_place(&self, form: &str) -> bool {
        self.hits(form)
            .iter()
            .any(|h| h.primary && self.entry(*h).ty == EntityType::Location)
    }

    /// Whether `form` is, as written, the name of a country in language `lang` ("Argentine"
    /// in French).
    pub fn names_country_in(&self, form: &str, lang: &str) -> bool {
        self.hits(form).iter().any(|h| {
            let e = self.entry(*h);
            h.primary
                && e.place
                    .as_ref()
                    .is_some_and(|p| p.kind == PlaceKind::Country)
                && e.name_in(lang) == Some(form)
        })
    }

    fn hits(&self, form: &str) -> &[Hit] {
        self.index.get(&form_key(form)).map_or(&[], Vec::as_slice)
    }

    fn entry(&self, h: Hit) -> &KbEntry {
        &self.entries[h.entry as usize]
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
