//! Building a [`Kb`]: entries are added one by one (newsroom entries, or rows of the built-in
//! places file straight from its text), their strings copied into one arena and their names and
//! aliases into an [`IndexBuilder`]; nothing is allocated per entry or per key.
//!
//! Entries may be added in any order of sources: [`KbBuilder::finish`] puts the newsroom's first
//! (each source keeping its order), as [`Kb::new`] always has.

use super::index::{Hit, IndexBuilder, Span};
use super::parse::PlaceRow;
use super::{form_key_into, Kb, KbEntry, Source, Stored, StoredName, StoredPlace};
use crate::enrich::EntityType;

/// Collects entries; [`KbBuilder::finish`] makes the [`Kb`].
#[derive(Debug, Default)]
pub struct KbBuilder {
    kb: Kb,
    index: IndexBuilder,
    /// Scratch for one key.
    key: String,
}

/// What [`KbBuilder::add_forms`] indexes for one entry.
struct Forms<'a, P, A> {
    name: &'a str,
    /// Names by language: primary like the name.
    names: P,
    aliases: A,
}

impl KbBuilder {
    /// A builder sized for a places file of `bytes` bytes (about 85 bytes and 5 keys a row).
    pub fn for_places_text(bytes: usize) -> KbBuilder {
        KbBuilder {
            kb: Kb {
                text: String::with_capacity(bytes / 3),
                entries: Vec::with_capacity(bytes / 80),
                ..Kb::default()
            },
            index: IndexBuilder::with_capacity(bytes / 16, bytes / 2),
            key: String::new(),
        }
    }

    /// Add a newsroom or built-in entry.
    pub fn add(&mut self, e: &KbEntry) {
        let text = &mut self.kb.text;
        let names_start = self.kb.names.len() as u32;
        self.kb.names.extend(e.names.iter().map(|n| StoredName {
            lang: Span::push(text, &n.lang),
            name: Span::push(text, &n.name),
        }));
        let place = e.place.as_ref().map(|p| StoredPlace {
            kind: p.kind,
            population: p.population,
            country: Span::push(text, &p.country),
            admin1: Span::push(text, &p.admin1),
        });
        let stored = Stored {
            id: Span::push(text, &e.id),
            name: Span::push(text, &e.name),
            names_start,
            names_len: e.names.len() as u32,
            ty: e.ty,
            source: e.source,
            place,
        };
        self.push(
            stored,
            Forms {
                name: &e.name,
                names: e.names.iter().map(|n| n.name.as_str()),
                aliases: e.aliases.iter().map(String::as_str),
            },
        );
    }

    /// Add a row of the built-in places file.
    pub fn add_place(&mut self, row: &PlaceRow<'_>) {
        let text = &mut self.kb.text;
        let names_start = self.kb.names.len() as u32;
        self.kb
            .names
            .extend(row.names().map(|(lang, name)| StoredName {
                lang: Span::push(text, lang),
                name: Span::push(text, name),
            }));
        let names_len = self.kb.names.len() as u32 - names_start;
        let place = StoredPlace {
            kind: row.kind,
            population: row.population,
            country: Span::push(text, row.country),
            admin1: Span::push(text, row.admin1),
        };
        let stored = Stored {
            id: Span::push(text, row.id),
            name: Span::push(text, row.name),
            names_start,
            names_len,
            ty: EntityType::Location,
            source: Source::BuiltIn,
            place: Some(place),
        };
        self.push(
            stored,
            Forms {
                name: row.name,
                names: row.names().map(|(_, name)| name),
                aliases: row.aliases(),
            },
        );
    }

    fn push<'a>(
        &mut self,
        stored: Stored,
        forms: Forms<'a, impl Iterator<Item = &'a str>, impl Iterator<Item = &'a str>>,
    ) {
        let entry = u32::try_from(self.kb.entries.len()).expect("fewer than 2^32 KB entries");
        self.kb.entries.push(stored);
        let primary = std::iter::once(forms.name).chain(forms.names);
        let all = primary
            .map(|n| (n, true))
            .chain(forms.aliases.map(|a| (a, false)));
        for (form, primary) in all {
            form_key_into(form, &mut self.key);
            if !self.key.is_empty() {
                self.index.add(&self.key, Hit { entry, primary });
            }
        }
    }

    /// The KB: newsroom entries first, then the built-in ones, each in the order added.
    pub fn finish(self) -> Kb {
        let KbBuilder {
            mut kb, mut index, ..
        } = self;
        let user = kb
            .entries
            .iter()
            .filter(|e| e.source == Source::User)
            .count();
        let mut next_user = 0u32;
        let mut next_builtin = user as u32;
        let new_index: Vec<u32> = kb
            .entries
            .iter()
            .map(|e| {
                let slot = match e.source {
                    Source::User => &mut next_user,
                    Source::BuiltIn => &mut next_builtin,
                };
                *slot += 1;
                *slot - 1
            })
            .collect();
        if new_index.iter().enumerate().any(|(i, n)| i as u32 != *n) {
            let mut entries = kb.entries.clone();
            for (old, e) in kb.entries.iter().enumerate() {
                entries[new_index[old] as usize] = *e;
            }
            kb.entries = entries;
            index.remap(|e| new_index[e as usize]);
        }
        kb.user = user;
        kb.text.shrink_to_fit();
        kb.entries.shrink_to_fit();
        kb.names.shrink_to_fit();
        kb.index = index.finish();
        kb
    }
}

#[cfg(test)]
mod tests {
    use super::super::parse::{for_each_place, parse_places};
    use super::*;

    const PLACES: &str = "geonames:1\tcountry\t50000000\tAA\t\tAaland\ten=Aaland|fr=Aalandie\tAalandia|Marlow\ngeonames:10\tcity\t2000000\tAA\t01\tMarlow\t\tMarlowe\n";

    fn user() -> KbEntry {
        KbEntry {
            id: "Q7".into(),
            ty: EntityType::Location,
            name: "Marlow-on-Sea".into(),
            names: Vec::new(),
            aliases: vec!["Marlow".into()],
            place: None,
            source: Source::User,
        }
    }

    #[test]
    fn places_first_or_last_give_the_same_kb() {
        let by_new = Kb::new(parse_places(PLACES, "p").unwrap(), vec![user()]);
        let mut b = KbBuilder::for_places_text(PLACES.len());
        for_each_place(PLACES, "p", |row| b.add_place(&row)).unwrap();
        b.add(&user());
        let streamed = b.finish();
        for kb in [&by_new, &streamed] {
            assert_eq!((kb.len(), kb.user_len()), (3, 1));
            let hits: Vec<(&str, bool)> = kb
                .hits("marlow")
                .iter()
                .map(|h| (kb.entry(*h).id(), h.primary))
                .collect();
            assert_eq!(
                hits,
                [("Q7", false), ("geonames:1", false), ("geonames:10", true)]
            );
            let aaland = kb.get("geonames:1").unwrap();
            assert_eq!(aaland.name_in("fr"), Some("Aalandie"));
            assert_eq!(aaland.place().unwrap().country, "AA");
            assert!(kb.names_country_in("Aalandie", "fr"));
            assert!(!kb.names_country_in("Aalandia", "fr"));
            assert!(kb.names_place("MARLOW"));
        }
    }
}
