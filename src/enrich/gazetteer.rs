//! A gazetteer of well-known, unambiguous names (countries, regions, cities, organisations,
//! companies, news outlets) and their type, as data in `resources/gazetteer.txt`.
//!
//! Pure: the file is embedded at build time and parsed once ([`gazetteer`]). Two uses:
//! [`Gazetteer::lookup`] types a name already found (case-, accent- and article-insensitive),
//! [`Gazetteer::find_in`] finds the names written in a text (with an initial capital).
//!
//! Short all-caps acronyms (at most 4 letters: "WHO", "US", "ONU") match case-sensitively
//! everywhere, so the words "who" or "us" never match.

use super::profile::key;
use super::types::EntityType;
use std::collections::HashMap;
use std::sync::OnceLock;

const SOURCE: &str = include_str!("../../resources/gazetteer.txt");

/// The shared gazetteer, parsed on first use.
pub fn gazetteer() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| Gazetteer::parse(SOURCE).0)
}

#[derive(Debug)]
struct Entry {
    ty: EntityType,
    /// Canonical name: the first form on the line.
    name: String,
}

/// One token of a form, as matched against the tokens of a text.
#[derive(Debug, PartialEq, Eq)]
struct PatTok {
    /// [`key`] form of the token.
    key: String,
    /// The token as written, when it must match exactly (a short all-caps acronym).
    exact: Option<String>,
    /// The form's token starts with a capital: so must the text's.
    upper: bool,
    /// Separated from the previous token by white space or a hyphen.
    gap: bool,
}

#[derive(Debug)]
struct Pattern {
    entry: usize,
    toks: Vec<PatTok>,
}

/// Parsed gazetteer. See the module documentation.
#[derive(Debug, Default)]
pub struct Gazetteer {
    entries: Vec<Entry>,
    /// [`key`] of a form (not a short acronym) → entry.
    by_key: HashMap<String, usize>,
    /// Short all-caps acronym as written (spaces and apostrophes normalised) → entry.
    by_acronym: HashMap<String, usize>,
    /// Key of the first token → patterns starting with it, longest first.
    patterns: HashMap<String, Vec<Pattern>>,
}

/// A token of a text: a maximal run of alphanumeric characters, or one other character that is
/// neither white space nor a hyphen (those separate tokens).
#[derive(Clone, Copy, Debug)]
struct Tok {
    start: usize,
    end: usize,
    alnum: bool,
    /// White space or hyphens precede it (after the previous token).
    gap: bool,
    /// A line break precedes it: no name runs across it.
    brk: bool,
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑' | '–')
}

fn tokenize(s: &str) -> Vec<Tok> {
    let mut toks = Vec::new();
    let (mut gap, mut brk) = (false, false);
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_alphanumeric() {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = it.peek() {
                if !d.is_alphanumeric() {
                    break;
                }
                end = j + d.len_utf8();
                it.next();
            }
            toks.push(Tok {
                start: i,
                end,
                alnum: true,
                gap,
                brk,
            });
            (gap, brk) = (false, false);
        } else if c.is_whitespace() || is_hyphen(c) {
            gap = true;
            brk |= matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}');
        } else {
            toks.push(Tok {
                start: i,
                end: i + c.len_utf8(),
                alnum: false,
                gap,
                brk,
            });
            (gap, brk) = (false, false);
        }
    }
    toks
}

/// [`key`] of one token (a token holds no white space or hyphen, so an ASCII one only needs
/// lower-casing).
fn tok_key(s: &str) -> String {
    if s.is_ascii() {
        s.to_ascii_lowercase()
    } else {
        key(s)
    }
}

/// Whether `s` is a short all-caps acronym: no lower-case letter and 1 to 4 letters.
fn is_acronym(s: &str) -> bool {
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    (1..=4).contains(&letters) && !s.chars().any(char::is_lowercase)
}

/// Trimmed, runs of white space → one space, `’` → `'`: how acronyms are compared.
fn squeeze(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.trim().chars() {
        let c = match c {
            '’' | '‘' => '\'',
            c if c.is_whitespace() => ' ',
            c => c,
        };
        if c == ' ' && out.ends_with(' ') {
            continue;
        }
        out.push(c);
    }
    out
}

/// `s` without a leading article (the, le, la, les, l'), if it has one.
fn strip_article(s: &str) -> Option<&str> {
    for a in ["l'", "l’", "L'", "L’"] {
        if let Some(r) = s.strip_prefix(a) {
            return Some(r.trim_start());
        }
    }
    let (first, rest) = s.split_once(' ')?;
    ["the", "le", "la", "les"]
        .iter()
        .any(|a| first.eq_ignore_ascii_case(a))
        .then(|| rest.trim_start())
}

fn parse_type(s: &str) -> Option<EntityType> {
    match s {
        "loc" => Some(EntityType::Location),
        "org" => Some(EntityType::Organization),
        "per" => Some(EntityType::Person),
        "misc" => Some(EntityType::Misc),
        _ => None,
    }
}

impl Gazetteer {
    /// Parses a gazetteer file; also returns its defects (malformed lines, empty forms, a form
    /// given to two entries), one message each. Defective lines or forms are skipped; for a form
    /// given twice the first entry keeps it.
    fn parse(src: &str) -> (Gazetteer, Vec<String>) {
        let mut g = Gazetteer::default();
        let mut problems = Vec::new();
        for (n, line) in src.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let n = n + 1;
            let mut fields = line.split('|').map(str::trim);
            let Some(ty) = fields.next().and_then(parse_type) else {
                problems.push(format!("line {n}: unknown type in {line:?}"));
                continue;
            };
            let forms: Vec<&str> = fields.collect();
            if forms.is_empty() || forms.iter().any(|f| f.is_empty()) {
                problems.push(format!("line {n}: empty name in {line:?}"));
                continue;
            }
            let entry = g.entries.len();
            g.entries.push(Entry {
                ty,
                name: forms[0].to_string(),
            });
            for form in forms {
                g.add_form(entry, form, n, &mut problems);
            }
        }
        for ps in g.patterns.values_mut() {
            ps.sort_by_key(|p| std::cmp::Reverse(p.toks.len()));
        }
        (g, problems)
    }

    fn add_form(&mut self, entry: usize, form: &str, n: usize, problems: &mut Vec<String>) {
        let (map, k) = if is_acronym(form) {
            (&mut self.by_acronym, squeeze(form))
        } else {
            (&mut self.by_key, key(form))
        };
        if k.is_empty() {
            problems.push(format!("line {n}: form {form:?} is empty once normalised"));
            return;
        }
        match map.get(&k) {
            Some(&e) if e != entry => {
                let (old, new) = (&self.entries[e], &self.entries[entry]);
                problems.push(format!(
                    "line {n}: form {form:?} of {:?} ({}) already names {:?} ({})",
                    new.name,
                    new.ty.as_str(),
                    old.name,
                    old.ty.as_str()
                ));
                return;
            }
            _ => {
                map.insert(k, entry);
            }
        }
        let toks: Vec<PatTok> = tokenize(form)
            .iter()
            .map(|t| {
                let s = &form[t.start..t.end];
                PatTok {
                    key: tok_key(s),
                    exact: (t.alnum && is_acronym(s)).then(|| s.to_string()),
                    upper: s.chars().next().is_some_and(char::is_uppercase),
                    gap: t.gap,
                }
            })
            .collect();
        if toks.is_empty()
            || toks[0].key.is_empty()
            || form.chars().next().is_some_and(char::is_lowercase)
        {
            problems.push(format!("line {n}: form {form:?} cannot be found in text"));
            return;
        }
        let ps = self.patterns.entry(toks[0].key.clone()).or_default();
        if !ps.iter().any(|p| p.entry == entry && p.toks == toks) {
            ps.push(Pattern { entry, toks });
        }
    }

    /// Number of entries (lines).
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there is no entry.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Type and canonical name of the entry `surface` names, if any. Case, accents, apostrophes,
    /// hyphens and white space do not matter, nor a leading article ("l'ONU", "the Netherlands"),
    /// except that short all-caps acronyms must be written as listed.
    pub fn lookup(&self, surface: &str) -> Option<(EntityType, &str)> {
        let s = squeeze(surface);
        let e = self
            .by_acronym
            .get(&s)
            .or_else(|| strip_article(&s).and_then(|r| self.by_acronym.get(r)))
            .or_else(|| {
                let k = key(surface);
                self.by_key.get(&k).or_else(|| {
                    ["the ", "le ", "la ", "les ", "l'"]
                        .iter()
                        .find_map(|a| k.strip_prefix(a))
                        .and_then(|r| self.by_key.get(r.trim_start()))
                })
            })?;
        let e = &self.entries[*e];
        Some((e.ty, e.name.as_str()))
    }

    /// Byte spans (start, end) and types of the names written in `text` with an initial capital
    /// (short acronyms exactly as listed), not preceded or followed by an alphanumeric character
    /// or a hyphen. Longest match first, left to right, non-overlapping, in text order.
    pub fn find_in(&self, text: &str) -> Vec<(usize, usize, EntityType)> {
        let toks = tokenize(text);
        let mut out = Vec::new();
        let mut buf = String::new();
        let mut i = 0;
        while i < toks.len() {
            let t = toks[i];
            let first = &text[t.start..t.end];
            let capital = first.chars().next().is_some_and(|c| !c.is_lowercase());
            let found = if capital && !glued(text[..t.start].chars().next_back()) {
                key_into(first, &mut buf);
                self.patterns
                    .get(buf.as_str())
                    .and_then(|ps| ps.iter().find(|p| matches(text, &toks[i..], p)))
            } else {
                None
            };
            match found {
                Some(p) => {
                    let last = toks[i + p.toks.len() - 1];
                    out.push((t.start, last.end, self.entries[p.entry].ty));
                    i += p.toks.len();
                }
                None => i += 1,
            }
        }
        out
    }
}

/// Whether a character next to a name glues it to another word.
fn glued(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric() || c == '-' || c == '‐')
}

/// [`tok_key`] of `s` into `buf`, without allocating for ASCII words.
fn key_into(s: &str, buf: &mut String) {
    buf.clear();
    if s.is_ascii() {
        buf.extend(s.bytes().map(|b| char::from(b.to_ascii_lowercase())));
    } else {
        buf.push_str(&key(s));
    }
}

/// Whether token `s` of a text has the key `k`.
fn same_key(s: &str, k: &str) -> bool {
    if s.is_ascii() {
        s.eq_ignore_ascii_case(k)
    } else {
        key(s) == k
    }
}

/// Whether the tokens `toks` of `text` start with pattern `p`, followed by a word boundary.
fn matches(text: &str, toks: &[Tok], p: &Pattern) -> bool {
    let Some(ts) = toks.get(..p.toks.len()) else {
        return false;
    };
    for (k, (t, pt)) in ts.iter().zip(&p.toks).enumerate() {
        if k > 0 && (t.gap != pt.gap || t.brk) {
            return false;
        }
        let s = &text[t.start..t.end];
        let ok = match &pt.exact {
            Some(x) => s == x,
            None => {
                (!pt.upper || s.chars().next().is_some_and(char::is_uppercase))
                    && same_key(s, &pt.key)
            }
        };
        if !ok {
            return false;
        }
    }
    !glued(text[ts[ts.len() - 1].end..].chars().next())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use EntityType::{Location as Loc, Organization as Org};

    fn g() -> &'static Gazetteer {
        gazetteer()
    }

    /// (text of each span, type)
    fn found(text: &str) -> Vec<(&str, EntityType)> {
        g().find_in(text)
            .into_iter()
            .map(|(s, e, t)| (&text[s..e], t))
            .collect()
    }

    #[test]
    fn embedded_file_has_no_defects() {
        let (g, problems) = Gazetteer::parse(SOURCE);
        assert!(problems.is_empty(), "{}", problems.join("\n"));
        assert!(g.len() > 1000, "{} entries", g.len());
        for e in &g.entries {
            assert!(!e.name.is_empty());
        }
    }

    #[test]
    fn parse_reports_defects() {
        let src =
            "# c\n\nloc|Foo|Fooland\nxyz|Bar\norg|Baz||Bz\norg|Fooland\nloc|\norg|FOO|foo bar\n";
        let (g, problems) = Gazetteer::parse(src);
        assert_eq!(g.len(), 3, "{problems:?}");
        assert_eq!(problems.len(), 5, "{problems:?}");
        assert!(problems[0].starts_with("line 4:"));
        assert!(problems[2].contains("already names \"Foo\" (location)"));
        assert!(problems[4].contains("cannot be found"));
        assert_eq!(g.lookup("fooland"), Some((Loc, "Foo")));
        assert_eq!(g.lookup("FOO"), Some((Org, "FOO")));
        assert_eq!(g.lookup("Foo"), Some((Loc, "Foo")));
    }

    /// Every form is found in a text made of it alone, and `lookup` gives back its entry.
    #[test]
    fn every_form_is_found_and_looked_up() {
        let g = g();
        for line in SOURCE.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut fields = line.split('|');
            let ty = parse_type(fields.next().unwrap()).unwrap();
            let forms: Vec<&str> = fields.collect();
            for form in &forms {
                assert_eq!(g.lookup(form), Some((ty, forms[0])), "lookup {form:?}");
                let text = format!("Hier, {form} a dit.");
                let spans = g.find_in(&text);
                assert!(
                    spans.contains(&(6, 6 + form.len(), ty)),
                    "find_in {text:?}: {spans:?}"
                );
            }
        }
    }

    #[test]
    fn lookup_both_languages() {
        let g = g();
        assert_eq!(g.lookup("Germany"), Some((Loc, "Germany")));
        assert_eq!(g.lookup("Allemagne"), Some((Loc, "Germany")));
        assert_eq!(g.lookup("ONU"), Some((Org, "United Nations")));
        assert_eq!(g.lookup("Nations unies"), Some((Org, "United Nations")));
        assert_eq!(
            g.lookup("Organisation mondiale de la santé"),
            Some((Org, "World Health Organization"))
        );
        assert_eq!(g.lookup("WHO"), Some((Org, "World Health Organization")));
        assert_eq!(g.lookup("Royaume-Uni"), Some((Loc, "United Kingdom")));
        assert_eq!(g.lookup("Samsung"), Some((Org, "Samsung")));
        assert_eq!(g.lookup("Reuters"), Some((Org, "Reuters")));
        assert_eq!(
            g.lookup("Agence France-Presse"),
            Some((Org, "Agence France-Presse"))
        );
        assert_eq!(g.lookup("Nowhere-sur-Mer"), None);
    }

    #[test]
    fn lookup_ignores_case_accents_articles_and_punctuation() {
        let g = g();
        assert_eq!(g.lookup("l'ONU"), Some((Org, "United Nations")));
        assert_eq!(g.lookup("L’ONU"), Some((Org, "United Nations")));
        assert_eq!(g.lookup("les Etats-Unis"), Some((Loc, "United States")));
        assert_eq!(g.lookup("LES ÉTATS UNIS"), Some((Loc, "United States")));
        assert_eq!(
            g.lookup("the  United\u{a0}States"),
            Some((Loc, "United States"))
        );
        assert_eq!(g.lookup("la france"), Some((Loc, "France")));
        assert_eq!(g.lookup("  Côte d’Ivoire "), Some((Loc, "Côte d'Ivoire")));
        assert_eq!(g.lookup("cote-d'ivoire"), Some((Loc, "Côte d'Ivoire")));
        assert_eq!(g.lookup("QUÉBEC"), Some((Loc, "Quebec")));
        assert_eq!(
            g.lookup("the New York Times"),
            Some((Org, "The New York Times"))
        );
        assert_eq!(g.lookup("Le Monde"), Some((Org, "Le Monde")));
        assert_eq!(g.lookup("l'Otan"), Some((Org, "NATO")));
    }

    #[test]
    fn short_acronyms_are_case_sensitive() {
        let g = g();
        assert_eq!(g.lookup("who"), None);
        assert_eq!(g.lookup("Who"), None);
        assert_eq!(g.lookup("us"), None);
        assert_eq!(g.lookup("Us"), None);
        assert_eq!(g.lookup("US"), Some((Loc, "United States")));
        assert_eq!(g.lookup("U.S."), Some((Loc, "United States")));
        assert_eq!(g.lookup("Onu"), None);
        assert_eq!(g.lookup("un"), None);
        assert_eq!(g.lookup("UN"), Some((Org, "United Nations")));
        assert_eq!(found("Who said so? Us, and the Un people."), vec![]);
        assert_eq!(found("WHO and the US"), vec![("WHO", Org), ("US", Loc)]);
    }

    /// The exclusion policy of the file header: ambiguous names are not listed.
    #[test]
    fn ambiguous_names_are_not_listed() {
        for name in [
            "Jordan",
            "Georgia",
            "Chad",
            "Washington",
            "Shell",
            "Orange",
            "Total",
            "Amazon",
            "Ford",
            "Dell",
            "Chase",
            "Morgan",
            "Nice",
            "Florence",
            "Victoria",
            "Sydney",
            "Liverpool",
            "Chelsea",
            "Argentine",
            "Hollande",
            "Vinci",
            "Bolloré",
            "Milan",
        ] {
            assert_eq!(g().lookup(name), None, "{name}");
        }
        assert_eq!(
            found("Michael Jordan met Chad in Washington, then Total and Shell execs."),
            vec![]
        );
    }

    #[test]
    fn find_in_french_sentence() {
        assert_eq!(
            found(
                "Les ministres de l'OTAN se sont réunis à Bruxelles avec des représentants de \
                 Samsung."
            ),
            vec![("OTAN", Org), ("Bruxelles", Loc), ("Samsung", Org)]
        );
        assert_eq!(
            found("L’Organisation mondiale de la santé (OMS) s’inquiète, selon l’AFP à Genève."),
            vec![
                ("Organisation mondiale de la santé", Org),
                ("OMS", Org),
                ("AFP", Org),
                ("Genève", Loc)
            ]
        );
        assert_eq!(
            found("En Côte d’Ivoire, à Abidjan, et au Royaume-Uni."),
            vec![
                ("Côte d’Ivoire", Loc),
                ("Abidjan", Loc),
                ("Royaume-Uni", Loc)
            ]
        );
    }

    #[test]
    fn find_in_english_sentence_longest_first() {
        assert_eq!(
            found("The New York Times reported from New York that Toyota and the U.S. agreed."),
            vec![
                ("The New York Times", Org),
                ("New York", Loc),
                ("Toyota", Org),
                ("U.S.", Loc)
            ]
        );
        assert_eq!(
            found("a New York Times reporter in New York City"),
            vec![("New York Times", Org), ("New York City", Loc)]
        );
    }

    #[test]
    fn find_in_requires_capital_and_word_bounds() {
        // Lower case, glued to letters or hyphens: not names.
        assert_eq!(found("france, germany"), vec![]);
        assert_eq!(found("XFrance Francex pro-France France-based"), vec![]);
        assert_eq!(found("Nations Unies"), vec![("Nations Unies", Org)]);
        assert_eq!(found("Nations unies"), vec![("Nations unies", Org)]);
        // A name does not run across a line break.
        assert_eq!(found("New\nYork"), vec![]);
        assert_eq!(found("New\u{a0}York"), vec![("New\u{a0}York", Loc)]);
        assert_eq!(found("FRANCE!"), vec![("FRANCE", Loc)]);
    }

    #[test]
    fn find_in_multibyte_text() {
        let text = "«Le Japon», dit-il — à Tōkyō? Non: à Pékin, 北京, puis Zürich 🇨🇭 et Québec.";
        assert_eq!(
            found(text),
            vec![
                ("Japon", Loc),
                ("Tōkyō", Loc),
                ("Pékin", Loc),
                ("Zürich", Loc),
                ("Québec", Loc)
            ]
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(500))]
        #[test]
        fn find_in_never_panics_and_spans_are_sane(
            parts in prop::collection::vec(
                prop_oneof![
                    Just("New York".to_string()),
                    Just("New York Times".to_string()),
                    Just("l’ONU".to_string()),
                    Just("U.S.".to_string()),
                    Just("Côte d'Ivoire".to_string()),
                    Just("Nations".to_string()),
                    Just("é".to_string()),
                    Just("-".to_string()),
                    Just(" ".to_string()),
                    Just("\u{a0}".to_string()),
                    Just("\n".to_string()),
                    Just("\u{301}".to_string()),
                    any::<char>().prop_map(String::from),
                    "\\PC{0,6}",
                ],
                0..30,
            )
        ) {
            let text = parts.concat();
            let spans = g().find_in(&text);
            let mut prev = 0;
            for &(s, e, t) in &spans {
                prop_assert!(prev <= s && s < e && e <= text.len());
                prop_assert!(text.is_char_boundary(s) && text.is_char_boundary(e));
                prop_assert_eq!(g().lookup(&text[s..e]).map(|x| x.0), Some(t));
                prev = e;
            }
        }
    }
}
