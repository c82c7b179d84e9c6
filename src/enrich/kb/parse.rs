//! Parsing of KB files from text (reading them is the caller's business).
//!
//! - Built-in places (`models/kb/places.tsv`, written by `scripts/kb`): `id kind population
//!   country admin1 name names aliases`, tab-separated, `#` comment lines.
//! - A newsroom's file, TSV: `id type name [aliases]` a line, aliases separated by `|`; `#`
//!   comment lines, blank lines and an `id type name aliases` header line are skipped.
//! - A newsroom's file, JSONL: one object a line,
//!   `{"id": "Q90", "type": "location", "name": "Paris", "aliases": [..], "names": {"fr": ..}}`
//!   (`aliases` and `names` optional).
//!
//! Every error names the file and the line.

use super::{KbEntry, LangName, Place, PlaceKind, Source};
use crate::enrich::EntityType;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};

/// A defect of a KB file. Messages name the file, the line and the value.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum KbError {
    /// A line that is not a valid entry (bad JSON or TSV, unknown type, empty name…).
    #[error("{file}:{line}: {message}")]
    Line {
        /// The KB file.
        file: String,
        /// The 1-based line number in it.
        line: usize,
        /// What is wrong with the line, naming the value.
        message: String,
    },
    /// An id given twice (in the same file or in two files).
    #[error("{file}:{line}: id {id:?} is already used at {first_file}:{first_line}")]
    DuplicateId {
        /// The file of the second use.
        file: String,
        /// The line of the second use.
        line: usize,
        /// The id.
        id: String,
        /// The file of its first use.
        first_file: String,
        /// The line of its first use.
        first_line: usize,
    },
}

fn line_err(file: &str, line: usize, message: impl Into<String>) -> KbError {
    KbError::Line {
        file: file.to_string(),
        line,
        message: message.into(),
    }
}

/// Entity type from its contract name or usual label.
fn parse_type(s: &str) -> Option<EntityType> {
    Some(match s.trim().to_ascii_lowercase().as_str() {
        "person" | "per" => EntityType::Person,
        "location" | "loc" => EntityType::Location,
        "organization" | "organisation" | "org" => EntityType::Organization,
        "misc" => EntityType::Misc,
        _ => return None,
    })
}

fn parse_kind(s: &str) -> Option<PlaceKind> {
    Some(match s {
        "continent" => PlaceKind::Continent,
        "country" => PlaceKind::Country,
        "admin1" => PlaceKind::Admin1,
        "city" => PlaceKind::City,
        "division" => PlaceKind::Division,
        _ => return None,
    })
}

fn split_list(s: &str) -> Vec<String> {
    list(s).map(str::to_string).collect()
}

/// The content lines of a file: (1-based line number, line), comments and blank lines skipped.
fn content_lines(src: &str) -> impl Iterator<Item = (usize, &str)> {
    src.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim_end_matches('\r')))
        .filter(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
}

/// One row of the built-in places file, borrowed from its text (nothing allocated).
#[derive(Clone, Copy, Debug)]
pub struct PlaceRow<'a> {
    /// Stable id (`geonames:2988507`).
    pub id: &'a str,
    /// Kind of place.
    pub kind: PlaceKind,
    /// Inhabitants.
    pub population: u64,
    /// ISO 3166-1 alpha-2 code; empty for a continent.
    pub country: &'a str,
    /// GeoNames first-level division code; empty when none.
    pub admin1: &'a str,
    /// Canonical name.
    pub name: &'a str,
    /// `lang=Name` pairs separated by `|` (checked by [`for_each_place`]).
    names: &'a str,
    /// Aliases separated by `|`.
    aliases: &'a str,
}

impl<'a> PlaceRow<'a> {
    /// The names by language, as (lang, name).
    pub fn names(&self) -> impl Iterator<Item = (&'a str, &'a str)> {
        list(self.names).filter_map(|pair| pair.split_once('='))
    }

    /// The aliases, trimmed, empty ones skipped.
    pub fn aliases(&self) -> impl Iterator<Item = &'a str> {
        list(self.aliases)
    }
}

/// The items of a `|`-separated list, trimmed, empty ones skipped.
fn list(s: &str) -> impl Iterator<Item = &str> {
    s.split('|').map(str::trim).filter(|a| !a.is_empty())
}

/// Parse one content line of the places file.
fn place_row<'a>(line: &'a str, file: &str, n: usize) -> Result<PlaceRow<'a>, KbError> {
    let mut cols = [""; 8];
    let mut count = 0;
    for (i, col) in line.split('\t').enumerate() {
        if let Some(c) = cols.get_mut(i) {
            *c = col;
        }
        count = i + 1;
    }
    if count != cols.len() {
        return Err(line_err(
            file,
            n,
            format!("{count} columns, want 8 (rebuild it with scripts/kb)"),
        ));
    }
    let [id, kind, population, country, admin1, name, names, aliases] = cols;
    let kind = parse_kind(kind)
        .ok_or_else(|| line_err(file, n, format!("unknown place kind {kind:?}")))?;
    let population = population
        .parse()
        .map_err(|_| line_err(file, n, format!("population {population:?} is no number")))?;
    if id.is_empty() || name.is_empty() {
        return Err(line_err(file, n, "empty id or name"));
    }
    if let Some(pair) = list(names).find(|p| !p.contains('=')) {
        return Err(line_err(file, n, format!("name {pair:?} is not lang=Name")));
    }
    Ok(PlaceRow {
        id,
        kind,
        population,
        country,
        admin1,
        name,
        names,
        aliases,
    })
}

/// Parse the built-in places file, handing each row to `each`; stops at the first defect.
pub fn for_each_place<'a>(
    src: &'a str,
    file: &str,
    mut each: impl FnMut(PlaceRow<'a>),
) -> Result<(), KbError> {
    for (n, line) in content_lines(src) {
        each(place_row(line, file, n)?);
    }
    Ok(())
}

/// Parse the built-in places file into entries.
pub fn parse_places(src: &str, file: &str) -> Result<Vec<KbEntry>, KbError> {
    let mut out = Vec::new();
    for_each_place(src, file, |row| out.push(row.to_entry()))?;
    Ok(out)
}

impl PlaceRow<'_> {
    /// The row as an owned entry.
    pub fn to_entry(&self) -> KbEntry {
        KbEntry {
            id: self.id.to_string(),
            ty: EntityType::Location,
            name: self.name.to_string(),
            names: self
                .names()
                .map(|(lang, name)| LangName {
                    lang: lang.to_string(),
                    name: name.to_string(),
                })
                .collect(),
            aliases: self.aliases().map(str::to_string).collect(),
            place: Some(Place {
                kind: self.kind,
                population: self.population,
                country: self.country.to_string(),
                admin1: self.admin1.to_string(),
            }),
            source: Source::BuiltIn,
        }
    }
}

/// Format of a newsroom's file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Tab-separated `id, type, name, aliases` with `|` between aliases.
    Tsv,
    /// One JSON object per line (`id`, `type`, `name`, `aliases`, optional `names`).
    Jsonl,
}

impl Format {
    /// `.jsonl` / `.json` files are JSON lines, everything else TSV.
    pub fn of_path(path: &std::path::Path) -> Format {
        match path.extension().and_then(|e| e.to_str()) {
            Some("jsonl" | "json" | "ndjson") => Format::Jsonl,
            _ => Format::Tsv,
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct JsonEntry {
    id: String,
    #[serde(rename = "type")]
    ty: String,
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    names: BTreeMap<String, String>,
}

/// Where an id was first defined.
#[derive(Clone, Debug)]
struct Origin {
    file: String,
    line: usize,
}

/// Collects the newsroom's entries from its files, checking each line and that no id is used
/// twice across all of them.
#[derive(Debug, Default)]
pub struct UserEntries {
    entries: Vec<KbEntry>,
    seen: HashMap<String, Origin>,
}

impl UserEntries {
    /// Parse one file and add its entries; on error nothing of this file is added.
    pub fn add_file(&mut self, src: &str, file: &str, format: Format) -> Result<(), KbError> {
        let mut new: Vec<(usize, KbEntry)> = Vec::new();
        for (n, line) in content_lines(src) {
            let entry = match format {
                Format::Tsv if n == first_line(src) && is_header(line) => continue,
                Format::Tsv => tsv_entry(line, file, n)?,
                Format::Jsonl => json_entry(line, file, n)?,
            };
            new.push((n, entry));
        }
        let mut here: HashMap<String, Origin> = HashMap::new();
        for (n, e) in &new {
            if let Some(first) = self.seen.get(&e.id).or_else(|| here.get(&e.id)) {
                return Err(KbError::DuplicateId {
                    file: file.to_string(),
                    line: *n,
                    id: e.id.clone(),
                    first_file: first.file.clone(),
                    first_line: first.line,
                });
            }
            let origin = Origin {
                file: file.to_string(),
                line: *n,
            };
            here.insert(e.id.clone(), origin);
        }
        self.seen.extend(here);
        self.entries.extend(new.into_iter().map(|(_, e)| e));
        Ok(())
    }

    /// The entries read so far, in file order.
    pub fn into_entries(self) -> Vec<KbEntry> {
        self.entries
    }
}

fn first_line(src: &str) -> usize {
    content_lines(src).next().map_or(0, |(n, _)| n)
}

fn is_header(line: &str) -> bool {
    let mut cols = line.split('\t').map(|c| c.trim().to_ascii_lowercase());
    cols.next().as_deref() == Some("id") && cols.next().as_deref() == Some("type")
}

fn check(id: &str, ty: &str, name: &str, file: &str, n: usize) -> Result<EntityType, KbError> {
    if id.is_empty() || id.chars().any(char::is_whitespace) {
        return Err(line_err(
            file,
            n,
            format!("id {id:?} is empty or holds white space"),
        ));
    }
    if name.trim().is_empty() {
        return Err(line_err(file, n, format!("entry {id:?} has an empty name")));
    }
    parse_type(ty).ok_or_else(|| {
        line_err(
            file,
            n,
            format!("type {ty:?} of {id:?} is not person, location, organization or misc"),
        )
    })
}

fn tsv_entry(line: &str, file: &str, n: usize) -> Result<KbEntry, KbError> {
    let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
    let (id, ty, name, aliases) = match cols[..] {
        [id, ty, name] => (id, ty, name, ""),
        [id, ty, name, aliases] => (id, ty, name, aliases),
        _ => {
            return Err(line_err(
                file,
                n,
                format!(
                    "{} tab-separated columns, want id, type, name and optional aliases",
                    cols.len()
                ),
            ))
        }
    };
    let ty = check(id, ty, name, file, n)?;
    Ok(KbEntry {
        id: id.to_string(),
        ty,
        name: name.to_string(),
        names: Vec::new(),
        aliases: split_list(aliases),
        place: None,
        source: Source::User,
    })
}

fn json_entry(line: &str, file: &str, n: usize) -> Result<KbEntry, KbError> {
    let j: JsonEntry = serde_json::from_str(line).map_err(|e| line_err(file, n, e.to_string()))?;
    let ty = check(&j.id, &j.ty, &j.name, file, n)?;
    Ok(KbEntry {
        id: j.id,
        ty,
        name: j.name.trim().to_string(),
        names: j
            .names
            .into_iter()
            .map(|(lang, name)| LangName { lang, name })
            .collect(),
        aliases: j
            .aliases
            .into_iter()
            .map(|a| a.trim().to_string())
            .filter(|a| !a.is_empty())
            .collect(),
        place: None,
        source: Source::User,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tsv_with_header_comments_and_aliases() {
        let src = "# newsroom KB\nid\ttype\tname\taliases\nQ1\tperson\tAda Lovelace\tLovelace|Ada King\n\nACME-7\torg\tAcme Widgets\n";
        let mut u = UserEntries::default();
        u.add_file(src, "kb.tsv", Format::Tsv).unwrap();
        let e = u.into_entries();
        assert_eq!(e.len(), 2);
        assert_eq!(e[0].id, "Q1");
        assert_eq!(e[0].ty, EntityType::Person);
        assert_eq!(e[0].aliases, vec!["Lovelace", "Ada King"]);
        assert_eq!(e[1].ty, EntityType::Organization);
        assert!(e[1].aliases.is_empty());
    }

    #[test]
    fn tsv_errors_name_file_and_line() {
        let mut u = UserEntries::default();
        let err = u
            .add_file("Q1\tperson\tA B\nQ2\tplanet\tMars\n", "a.tsv", Format::Tsv)
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "a.tsv:2: type \"planet\" of \"Q2\" is not person, location, organization or misc"
        );
        let err = u
            .add_file("Q1 x\tperson\tA\n", "b.tsv", Format::Tsv)
            .unwrap_err();
        assert!(err.to_string().starts_with("b.tsv:1: id \"Q1 x\""), "{err}");
        let err = u
            .add_file("# c\nQ3\tperson\n", "c.tsv", Format::Tsv)
            .unwrap_err();
        assert!(
            err.to_string().starts_with("c.tsv:2: 2 tab-separated"),
            "{err}"
        );
        assert!(u.into_entries().is_empty(), "a bad file adds nothing");
    }

    #[test]
    fn duplicate_ids_across_files_are_refused() {
        let mut u = UserEntries::default();
        u.add_file("Q1\tperson\tA\n", "a.tsv", Format::Tsv).unwrap();
        let err = u
            .add_file(
                "{\"id\":\"Q1\",\"type\":\"person\",\"name\":\"B\"}\n",
                "b.jsonl",
                Format::Jsonl,
            )
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "b.jsonl:1: id \"Q1\" is already used at a.tsv:1"
        );
    }

    #[test]
    fn jsonl_entries_and_errors() {
        let src = "{\"id\":\"Q9\",\"type\":\"location\",\"name\":\"Lutèce\",\"aliases\":[\"Lutetia\"],\"names\":{\"en\":\"Lutetia\"}}\n{\"id\":\"Q8\",\"type\":\"org\",\"nom\":\"x\"}\n";
        let mut u = UserEntries::default();
        let err = u.add_file(src, "k.jsonl", Format::Jsonl).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("k.jsonl:2: unknown field `nom`"),
            "{err}"
        );
        u.add_file(src.lines().next().unwrap(), "k.jsonl", Format::Jsonl)
            .unwrap();
        let e = u.into_entries();
        assert_eq!(e[0].name_in("en"), Some("Lutetia"));
        assert_eq!(e[0].name_in("fr"), None);
    }

    #[test]
    fn places_lines() {
        let src = "# h\ngeonames:1\tcity\t120000\tZZ\t04\tPortvale\tfr=Port-du-Val\tPort Vale|Portvalle\n";
        let p = parse_places(src, "places.tsv").unwrap();
        assert_eq!(p[0].place.as_ref().unwrap().population, 120_000);
        assert_eq!(p[0].name_in("fr"), Some("Port-du-Val"));
        assert_eq!(p[0].aliases.len(), 2);
        let err = parse_places("# h\ngeonames:1\tcity\tmany\tZZ\t\tX\t\t\n", "p.tsv").unwrap_err();
        assert_eq!(err.to_string(), "p.tsv:2: population \"many\" is no number");
    }

    #[test]
    fn format_from_extension() {
        assert_eq!(Format::of_path("a/kb.jsonl".as_ref()), Format::Jsonl);
        assert_eq!(Format::of_path("a/kb.tsv".as_ref()), Format::Tsv);
    }
}
