//! Grouping the mentions of one referent: first by grouping key (case, accents and leading
//! articles aside), then linking groups with union-find: a surname or first name alone to the
//! person named in full, suffixes of longer names, an
//! organisation's head noun alone, acronyms and their expansions, parenthetical definitions
//! ("Organisation mondiale de la santé (OMS)"), abbreviated names the resources expand ("Mass."
//! and "Massachusetts").

mod head_first;

use super::mention::{after_definite, M};
use super::typing::type_override;
use crate::enrich::gazetteer::gazetteer;
use crate::enrich::kb::{Kb, LARGE_CITY};
use crate::enrich::profile::{abbrev_key, key, NameHead, Profile, TypeWord};
use crate::enrich::types::{Document, EntityType};
use std::collections::{HashMap, HashSet};

/// The groups of mentions (indices into `ms`) of one referent each, in order of first mention;
/// each group sorted by field and start.
pub(super) fn group(doc: &Document<'_>, ms: &[M], res: &Profile, kb: &Kb) -> Vec<Vec<usize>> {
    let text_of = |m: &M| &doc.fields[m.field].text[m.start..m.end];
    let mut cl_of_key: HashMap<String, usize> = HashMap::new();
    let mut clusters: Vec<Vec<usize>> = Vec::new();
    for (i, m) in ms.iter().enumerate() {
        let k = cluster_key(text_of(m), res);
        let c = *cl_of_key.entry(k).or_insert_with(|| {
            clusters.push(Vec::new());
            clusters.len() - 1
        });
        clusters[c].push(i);
    }
    let info: Vec<ClusterInfo> = clusters
        .iter()
        .map(|c| {
            let info = ClusterInfo::new(c.iter().map(|&i| (text_of(&ms[i]), ms[i].ty())), res);
            ClusterInfo {
                known_place: info.known_place || kb.names_place(text_of(&ms[c[0]])),
                major_place: info.known_place || kb.names_major_place(text_of(&ms[c[0]])),
                large_place: kb.names_place_by(text_of(&ms[c[0]]), LARGE_CITY, false),
                places: kb.places_named(text_of(&ms[c[0]])),
                articled: c
                    .iter()
                    .any(|&i| after_definite(doc.fields[ms[i].field].text, ms[i].start, res)),
                ..info
            }
        })
        .collect();
    let mut uf = UnionFind::new(clusters.len());
    link_names(&info, &mut uf, res);
    link_parentheticals(&info, &mut uf, doc, ms);

    let mut groups: HashMap<usize, Vec<usize>> = HashMap::new();
    for (c, idx) in clusters.iter().enumerate() {
        groups.entry(uf.find(c)).or_default().extend(idx);
    }
    let mut groups: Vec<Vec<usize>> = groups.into_values().collect();
    for g in &mut groups {
        g.sort_by_key(|&i| (ms[i].field, ms[i].start));
    }
    groups.sort_by_key(|g| (ms[g[0]].field, ms[g[0]].start));
    groups
}

/// Grouping key: [`key`] without leading articles ("Le Monde" and "Monde" are one name) and
/// without a web domain's suffix ("Quillbox.com" and "Quillbox" are one name).
fn cluster_key(text: &str, res: &Profile) -> String {
    let k = key(without_web_suffix(text));
    let mut rest = k.as_str();
    while let Some((w, r)) = rest.split_once(' ') {
        if !res.articles.contains_key(w) {
            break;
        }
        rest = r;
    }
    // "FC Lorient" … "Lorient": a club's prefix aside, its town is its short name.
    if let Some((w, r)) = rest.split_once(' ') {
        if res.club_prefixes.contains(w) {
            rest = r;
        }
    }
    if let Some(r) = res
        .name_prefixes
        .iter()
        .find_map(|p| rest.strip_prefix(p.as_str()))
    {
        rest = r;
    }
    // A final initial with or without its full stop ("Ana B." and "Ana B" are one name).
    if let Some((name, last)) = rest.rsplit_once(' ') {
        if last.chars().count() == 2 && last.ends_with('.') && last.starts_with(char::is_alphabetic)
        {
            return format!("{name} {}", &last[..last.len() - 1]);
        }
    }
    rest.to_string()
}

/// A name written as a web domain without its top-level domain: "Quillbox.com" → "Quillbox",
/// "Lirefort.fr" → "Lirefort"; the suffix is 2 to 6 lower-case ASCII letters after a name of
/// one word with a letter (not "J.C." nor "St. Paul").
fn without_web_suffix(text: &str) -> &str {
    let Some((name, tld)) = text.rsplit_once('.') else {
        return text;
    };
    let tld_ok = (2..=6).contains(&tld.len()) && tld.bytes().all(|b| b.is_ascii_lowercase());
    let name_ok = name.chars().count() >= 2
        && !name.contains(char::is_whitespace)
        && !name.contains('.')
        && name.chars().any(char::is_alphabetic)
        && name.chars().all(|c| c.is_alphanumeric() || c == '-');
    if tld_ok && name_ok {
        name
    } else {
        text
    }
}

/// Union-find over cluster indices.
struct UnionFind(Vec<usize>);

impl UnionFind {
    fn new(n: usize) -> Self {
        UnionFind((0..n).collect())
    }

    fn find(&mut self, mut x: usize) -> usize {
        let uf = &mut self.0;
        while uf[x] != x {
            uf[x] = uf[uf[x]];
            x = uf[x];
        }
        x
    }

    /// Put `a`'s group into `b`'s.
    fn join(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            self.0[ra] = rb;
        }
    }
}

/// Per cluster: its key tokens and coarse type by plain vote.
struct ClusterInfo {
    toks: Vec<String>,
    ty: EntityType,
    acronym: Option<String>,
    /// Its name as an abbreviation is compared ([`abbrev_key`]: "Mass." → "mass").
    abbrev: String,
    /// Some mention was labelled a person.
    has_per: bool,
    /// Initials only ("J.C.").
    initials: bool,
    /// The gazetteer or the KB knows the name as a place ("Paris", "Texas", "Lincoln").
    known_place: bool,
    /// The gazetteer knows the name as a place, or the KB as a major one
    /// ([`Kb::names_major_place`]: "Houston", not "García").
    major_place: bool,
    /// The KB knows the name, or an alias, as a country or a city of [`LARGE_CITY`]
    /// inhabitants or more ("Frankfurt" of "Frankfurt am Main").
    large_place: bool,
    /// The places of the KB the name names (entry indices).
    places: Vec<u32>,
    /// Some mention follows a definite article ("the Tovel", not "in Tovel").
    articled: bool,
    /// One word of hyphenated capitalised parts ("Marcel-Cachin"), as places and institutions
    /// dedicated to a person are named where `hyphen_dedication` says so.
    dedication: bool,
}

impl ClusterInfo {
    fn new<'a>(ms: impl Iterator<Item = (&'a str, EntityType)>, res: &Profile) -> Self {
        let mut counts: Vec<(EntityType, usize)> = Vec::new();
        let mut text = "";
        let mut has_per = false;
        for (t, ty) in ms {
            has_per |= ty == EntityType::Person;
            if text.is_empty() {
                text = t;
            }
            match counts.iter_mut().find(|c| c.0 == ty) {
                Some(c) => c.1 += 1,
                None => counts.push((ty, 1)),
            }
        }
        let voted = counts
            .iter()
            .max_by_key(|c| c.1)
            .map_or(EntityType::Misc, |c| c.0);
        let ty = type_override(text, voted, res).unwrap_or(voted);
        // A body's branch numbered after its acronym ("SDIS 30") is spelled by the acronym.
        let short = text
            .rsplit_once(' ')
            .filter(|(_, n)| super::typing::branch_number(n))
            .map_or(text, |(a, _)| a);
        let letters: String = short.chars().filter(|c| *c != '.').collect();
        let acronym = (letters.chars().count() >= 2
            && letters.chars().count() <= 8
            && letters.chars().all(|c| c.is_uppercase()))
        .then(|| key(&letters));
        ClusterInfo {
            toks: name_tokens(without_web_suffix(text)),
            ty,
            acronym,
            abbrev: abbrev_key(text),
            has_per,
            initials: text.ends_with('.') && text.split('.').all(|p| p.chars().count() <= 1),
            known_place: matches!(gazetteer().lookup(text), Some((EntityType::Location, _))),
            major_place: false,
            large_place: false,
            places: Vec::new(),
            articled: false,
            dedication: res.hyphen_dedication
                && text.contains('-')
                && !text.contains(char::is_whitespace)
                && text.split('-').all(|p| p.starts_with(char::is_uppercase)),
        }
    }
}

/// The key words of a name, "&" read as "and".
fn name_tokens(text: &str) -> Vec<String> {
    key(text)
        .replace('&', " and ")
        .split_whitespace()
        .map(str::to_string)
        .collect()
}

/// Link clusters of one referent: person short forms, suffixes of longer names, acronyms.
fn link_names(info: &[ClusterInfo], uf: &mut UnionFind, res: &Profile) {
    for (a, ia) in info.iter().enumerate() {
        if ia.toks.is_empty() {
            continue;
        }
        let mut targets: Vec<usize> = info
            .iter()
            .enumerate()
            .filter(|&(b, ib)| a != b && links_to(ia, ib, res))
            .map(|(b, _)| b)
            .collect();
        if targets.is_empty() {
            targets = info
                .iter()
                .enumerate()
                .filter(|&(b, ib)| a != b && firm_short(ia, ib, res))
                .map(|(b, _)| b)
                .collect();
        }
        // Link when the referent is unambiguous (all targets are one entity already), or, for
        // persons sharing a name ("Lind" beside "Ada Lind" and "Tom Lind") and for an
        // organisation's head noun alone ("the Commission" beside two commissions), to the one
        // named first, as a reader does.
        let roots: HashSet<usize> = targets.iter().map(|&b| uf.find(b)).collect();
        let head_alone =
            ia.toks.len() == 1 && res.type_words.get(&ia.toks[0]) == Some(&TypeWord::Org);
        // A person's lone name beside a person and a body named after them ("Kabir" beside
        // "Ana Kabir" and "Kabir Knit Ltd"): the person.
        let persons: Vec<usize> = targets
            .iter()
            .copied()
            .filter(|&b| ia.ty == EntityType::Person && info[b].ty == EntityType::Person)
            .collect();
        let person_roots: HashSet<usize> = persons.iter().map(|&b| uf.find(b)).collect();
        let pick = if roots.len() == 1 {
            targets.first().copied()
        } else if person_roots.len() == 1 {
            persons.first().copied()
        } else if !targets.is_empty()
            && (head_alone || targets.iter().all(|&b| info[b].ty == EntityType::Person))
        {
            targets.iter().min().copied()
        } else {
            None
        };
        if let Some(b) = pick {
            uf.join(a, b);
        }
    }
}

/// Whether organisation `ia` is the first words of organisation `ib`, as a firm is shortened:
/// "Kestrel" after "Kestrel Markets", "Tove Crest" after "Tove Crest Roofing and Restoration";
/// where heads come last. Not a known place, a name the model called a person once, an
/// acronym, nor one a complement or a type word follows: "Tove" is not "Tove Bank", nor the
/// Senate its committee; nor a lone word before a coordinator ("Kestrel" is not "Kestrel and
/// Marle", "Tove Forge" is "Tove Forge & Stamping"). Read only when no other link is found
/// ([`link_names`]).
fn firm_short(ia: &ClusterInfo, ib: &ClusterInfo, res: &Profile) -> bool {
    let la = ia.toks.len();
    ib.toks.len() > la
        && ib.toks[..la] == ia.toks[..]
        && ia.ty == EntityType::Organization
        && ib.ty == EntityType::Organization
        && res.name_head == NameHead::Last
        && !ia.known_place
        && !ia.has_per
        && ia.acronym.is_none()
        && (la >= 2 || !res.and_words.contains(&ib.toks[la]))
        && ib.toks[la..]
            .iter()
            .all(|w| !res.complements.contains(w) && !res.type_words.contains_key(w))
}

/// Whether lone word `ia`, typed a person, is the middle one of the three of person `ib`, as a first of two
/// surnames ("García" of "Luis García Pena"), not a first name of two ("Ann" of "Mary Ann
/// Lowe") nor a particle.
fn middle_name(ia: &ClusterInfo, ib: &ClusterInfo, res: &Profile) -> bool {
    let [w] = &ia.toks[..] else {
        return false;
    };
    ia.ty == EntityType::Person
        && ib.toks.len() == 3
        && ib.toks[1] == *w
        && w.chars().count() >= 3
        && !res.first_names.contains_key(w)
        && !res.particles.contains(w)
}

/// Whether cluster `ia` is a short form of cluster `ib` (or its acronym).
fn links_to(ia: &ClusterInfo, ib: &ClusterInfo, res: &Profile) -> bool {
    let known_pair = ia.acronym.as_ref().is_some_and(|ac| {
        ib.ty != EntityType::Person
            && res
                .acronyms
                .iter()
                .any(|(x, exps)| x == ac && exps.iter().any(|e| *e == ib.toks.join(" ")))
    });
    // "Worcester, Mass." … "Massachusetts": an abbreviated name the language's resources
    // expand.
    let abbreviated = ib.ty != EntityType::Person
        && res
            .name_abbrevs
            .get(&ia.abbrev)
            .is_some_and(|fulls| fulls.iter().any(|f| *f == ib.toks.join(" ")));
    if known_pair || abbreviated {
        return true;
    }
    if ib.toks.len() <= ia.toks.len() {
        return false;
    }
    short_form(ia, ib, res)
        || acronym_of(ia, ib, res)
        || club_town(ia, ib, res)
        || acronym_head(ia, ib, res)
}

/// Whether `ia` writes the first words of `ib` as their initials and the rest as they are:
/// "US Tovel-Plage" of « Union sportive Tovel-Plage », "AS Marlby" of « Association sportive
/// de Marlby », "NSW DPI" not (its tail is the acronym). Neither a person.
fn acronym_head(ia: &ClusterInfo, ib: &ClusterInfo, res: &Profile) -> bool {
    let (Some((ac, tail)), n) = (ia.toks.split_first(), ib.toks.len()) else {
        return false;
    };
    if tail.is_empty()
        || ia.ty == EntityType::Person
        || ib.ty == EntityType::Person
        || !(2..=4).contains(&ac.chars().count())
        || n < tail.len() + 2
        || ib.toks[n - tail.len()..] != *tail
    {
        return false;
    }
    let head = &ib.toks[..n - tail.len()];
    initials_of(head, res) == *ac && head.len() >= ac.chars().count()
}

/// A town's name typed an organisation (the club of a sports report, `teams`) inside a longer
/// club's name (`club|…` in `context.txt`): that club ("Tovelan" of "Stade Tovelan Basket").
fn club_town(ia: &ClusterInfo, ib: &ClusterInfo, res: &Profile) -> bool {
    let la = ia.toks.len();
    ia.ty == EntityType::Organization
        && ib.ty == EntityType::Organization
        && (ia.known_place || !ia.places.is_empty())
        && ib.toks.len() > la
        && super::teams::club_name(&ib.toks, res)
        && ib.toks.windows(la).any(|w| w == ia.toks)
}

/// A person's surname or first name alone, or the tail or head noun of a longer name.
fn short_form(ia: &ClusterInfo, ib: &ClusterInfo, res: &Profile) -> bool {
    let la = ia.toks.len();
    let suffix = ib.toks[ib.toks.len() - la..] == ia.toks[..];
    let prefix = ib.toks[..la] == ia.toks[..];
    match ib.ty {
        EntityType::Person => {
            // Surname or first name alone of a person named in full, whatever the model
            // guessed for the lone word ("Ada Lind" … "Lind said", "Lind" tagged a place),
            // unless it is a well-known place ("Jordan" beside "Michael Jordan"; a town of the
            // KB is well known from a million inhabitants: "García" of Mexico is no bar).
            (ia.ty != EntityType::Location || ia.has_per || ia.initials || !ia.major_place)
                && (suffix || (prefix && la == 1) || middle_name(ia, ib, res))
                && ib.toks.iter().all(|w| !res.and_words.contains(w))
        }
        EntityType::Organization | EntityType::Location => {
            // Facilities are named as places or as organisations: either links.
            let same = ia.ty != EntityType::Person;
            let state =
                la == 1 && suffix && res.type_words.get(&ib.toks[0]) == Some(&TypeWord::State);
            // "Elm" and "Elm Street" are one place; "Orange" and "Orange County" are two (a
            // division named after its seat or a town), and so are a large city and a place
            // named after it ("Leipzig" and "Leipzig Airport", "Manila Bay"), unless the KB
            // says they are one ("New York", "New York City"); so are a town of the KB of any
            // size never written after an article and the place named after it ("frost at
            // Tovel" beside "Tovel Airport"), but "the Tovel" beside "Tovel River" is the river.
            let after_place = (ia.large_place
                || !ia.articled && (ia.known_place || !ia.places.is_empty()))
                && !ia.places.iter().any(|p| ib.places.contains(p));
            let generic = prefix
                && !after_place
                && ib.toks[la..].iter().all(|w| {
                    matches!(res.type_words.get(w), Some(TypeWord::Loc | TypeWord::Legal))
                        && !res.divisions.contains(w)
                })
                // "Mayo" and "Co Mayo": a division word before the name abbreviates the
                // division the bare name stands for.
                || suffix
                    && ib.toks.len() > la
                    && ib.toks[..ib.toks.len() - la]
                        .iter()
                        .all(|w| res.other_side_only.contains(w) && res.divisions.contains(w));
            // "Kestrel" after "Kestrel Airlines", "Dunmore" after "Dunmore Foundation": an
            // organisation's name without the type words that close it, whatever the model
            // labelled the lone word (a person sharing it makes the link ambiguous: none is
            // made), unless it is a well-known place ("Oxford" is not "Oxford University") that
            // is no demonym ("American" of an airline named so).
            // Where heads come last, one word opening a name its head word closes is that
            // name too ("Halvorsen" after "Halvorsen Mining Corp", "Kestrel" after "Kestrel
            // Autonomous Systems").
            let closing_head = |w: &String| {
                matches!(res.type_words.get(w), Some(TypeWord::Org | TypeWord::Legal))
                    && !res.divisions.contains(w)
            };
            // Nor is a place the body that serves it (`area_body|`: "Tovel" beside "Tovel Town
            // Council"), nor a town of the KB the body named after it ("Tovel Cottage
            // Hospital").
            let serves = ia.ty == EntityType::Location
                && (!ia.places.is_empty()
                    || ib.toks.last().is_some_and(|w| res.area_bodies.contains(w)));
            let org_generic = prefix
                && ib.ty == EntityType::Organization
                && !serves
                && (res.demonyms.contains(&ia.toks.join(" ")) || !ia.known_place)
                && (ib.toks[la..].iter().all(closing_head)
                    || la == 1
                        && ib.toks.len() <= 4
                        && res.name_head == NameHead::Last
                        && ib.toks.last().is_some_and(closing_head)
                        && ib.toks.iter().all(|w| !res.complements.contains(w)));
            // Where a name's head comes first, "Rennes" is not "la cour d'appel de Rennes":
            // the institution or facility of a place is another referent.
            let headed = res.name_head == NameHead::First
                && matches!(
                    res.type_words.get(&ib.toks[0]),
                    Some(TypeWord::Org | TypeWord::Loc)
                )
                && !ia.toks.contains(&ib.toks[0]);
            // "the Commission" after "the European Commission", "la Commission" after "la
            // Commission européenne": an organisation's head noun alone.
            // Likewise a territory word alone for the authority it heads ("la Région" after
            // "la Région Bretagne": `authority|` in `words.txt`).
            let head = la == 1
                && ib.ty == EntityType::Organization
                && (res.type_words.get(&ia.toks[0]) == Some(&TypeWord::Org)
                    || res.authorities.iter().any(|a| key(a) == ia.toks[0]))
                && match res.name_head {
                    NameHead::Last => suffix,
                    NameHead::First => prefix,
                };
            // "Harmon Field" … "Harmon Field Regional Airport": a name of two words or more
            // opening a longer name that its head word closes, where heads come last; not a
            // well-known place ("New York" is not "New York Police Department") nor a name with
            // a head word of its own; nor a place before a body's head word ("Upper Tove" is not
            // "Upper Tove Regional Police", which serves it).
            let closing = res.type_words.get(&ib.toks[ib.toks.len() - 1]);
            let opening = la >= 2
                && prefix
                && res.name_head == NameHead::Last
                && !ia.known_place
                && matches!(closing, Some(TypeWord::Org | TypeWord::Loc))
                && !(ia.ty == EntityType::Location && closing == Some(&TypeWord::Org))
                && ia.toks.iter().all(|w| !res.type_words.contains_key(w));
            // "the House Committee" after "the House Select Committee on Intelligence": a longer
            // organisation's first word and its head noun, the words between left out.
            let abridged = la >= 2
                && ib.ty == EntityType::Organization
                && ia.toks[0] == ib.toks[0]
                && res.type_words.get(&ia.toks[la - 1]) == Some(&TypeWord::Org)
                && subsequence(&ia.toks, &ib.toks);
            // "le terminal de Varreux" after "le terminal pétrolier de Varreux": where heads
            // come first, the same head and the same last word, the words between left out.
            let abridged_head_first = la >= 2
                && res.name_head == NameHead::First
                && ia.toks[0] == ib.toks[0]
                && ia.toks.last() == ib.toks.last()
                && matches!(
                    res.type_words.get(&ia.toks[0]),
                    Some(TypeWord::Org | TypeWord::Loc)
                )
                && subsequence(&ia.toks, &ib.toks);
            // "New York" is not "the Office for the Southern District of New York": the place
            // a complement names is another referent.
            let complement = suffix
                && ib.toks.len() > la
                && res.complements.contains(&ib.toks[ib.toks.len() - la - 1]);
            // "Solvane" after "Team Solvane", "Tahoe" after "Lake Tahoe": the name a type word
            // opens, without it; not a well-known place ("Geneva" is not "Lake Geneva").
            let fronted = la == 1
                && suffix
                && ib.toks.len() == 2
                && !ia.known_place
                && matches!(
                    res.type_words.get(&ib.toks[0]),
                    Some(TypeWord::Org | TypeWord::Loc)
                );
            // "Marcel-Cachin" after "l'hôpital Marcel-Cachin": a dedication alone names the
            // institution or facility its head opens.
            let dedicated = ia.dedication
                && suffix
                && ib.toks.len() == la + 1
                && matches!(
                    res.type_words.get(&ib.toks[0]),
                    Some(TypeWord::Org | TypeWord::Loc)
                );
            org_generic
                || fronted
                || dedicated
                || head_first::own_name(ia, ib, res)
                || head_first::head_first_prefix(ia, ib, res)
                || same
                    && ((la >= 2 && suffix && !headed && !complement)
                        || opening
                        || abridged
                        || abridged_head_first
                        || state
                        || generic
                        || head
                        || inner(ia, ib, res))
        }
        EntityType::Misc => false,
    }
}

/// Whether the words of `short` appear in `long` in the same order.
fn subsequence(short: &[String], long: &[String]) -> bool {
    let mut rest = long.iter();
    short.iter().all(|w| rest.any(|l| l == w))
}

/// "Harmon" inside "Riverton Harmon International Airport": a name standing between the words
/// before it and the head word of a longer place or organisation, none of them its own; not a
/// well-known place ("Washington" of "George Washington University" is the city).
fn inner(ia: &ClusterInfo, ib: &ClusterInfo, res: &Profile) -> bool {
    let (la, lb) = (ia.toks.len(), ib.toks.len());
    let head = match res.name_head {
        NameHead::Last => &ib.toks[lb - 1],
        NameHead::First => &ib.toks[0],
    };
    !ia.known_place
        && (ia.places.is_empty() || res.demonyms.contains(&ia.toks.join(" ")))
        && lb >= la + 2
        && matches!(
            res.type_words.get(head),
            Some(TypeWord::Org | TypeWord::Loc)
        )
        && ia.toks.iter().all(|w| !res.type_words.contains_key(w))
        && (1..lb - la).any(|i| ib.toks[i..i + la] == ia.toks[..])
}

/// An acronym spelled by the initials of all of `ib`'s words (function words and legal forms
/// aside): "GE" of "General Electric", "NTSB" of "National Transportation Safety Board".
fn acronym_of(ia: &ClusterInfo, ib: &ClusterInfo, res: &Profile) -> bool {
    if ib.ty == EntityType::Person {
        return false;
    }
    if let Some(ac) = &ia.acronym {
        return initials_of(&ib.toks, res) == *ac
            || (ac.chars().count() >= 3 && spelled_by_words(ac, &ib.toks, true, res));
    }
    // An acronym written as a word ("Unesco", "Oclfa", "Sdis 30"): of four letters or more,
    // spelled by every word it stands for; the model may call it a person, unless it is a
    // first name.
    let toks = match &ia.toks[..] {
        [w, n] if super::typing::branch_number(n) => std::slice::from_ref(w),
        t => t,
    };
    match toks {
        [w] if (ia.ty == EntityType::Organization
            || ia.ty == EntityType::Person && !res.first_names.contains_key(w))
            && !ia.known_place
            && w.chars().count() >= 4
            && w.chars().all(char::is_alphabetic) =>
        {
            spelled_by_words(w, &ib.toks, false, res)
        }
        _ => false,
    }
}

/// Whether acronym `ac` (lower case) spells the words `toks` in order: each content word gives
/// its initial; a function word, a particle or a legal form gives its initial or nothing
/// ("tdot" of "tovelan department of transport", "khsc" of "kessel harbour shipping co",
/// "acde" of "agence de contrôle des eaux"); a complement after the last letter is left out
/// ("pwb" of "public water board of tovelan"); with `loose`, so is the first word ("vtsb" of
/// "u.s. vehicle and tyre safety board").
fn spelled_by_words(ac: &str, toks: &[String], loose: bool, res: &Profile) -> bool {
    let function = |w: &str| {
        res.particles.contains(w)
            || res.articles.contains_key(w)
            || res.and_words.contains(w)
            || res.acronym_skip.contains(w)
            || res.preps.contains(w)
            || res.complements.contains(w)
            || res.type_words.get(w) == Some(&TypeWord::Legal)
    };
    // An elided article or preposition is a word of its own ("d'incendie": "d'", "incendie").
    let split: Vec<String>;
    let toks = if toks.iter().any(|w| w.contains('\'')) {
        split = toks
            .iter()
            .flat_map(|w| match w.split_once('\'') {
                Some((e, rest)) if !e.is_empty() && e.chars().count() <= 2 && !rest.is_empty() => {
                    vec![format!("{e}'"), rest.to_string()]
                }
                _ => vec![w.clone()],
            })
            .collect();
        &split[..]
    } else {
        toks
    };
    let letters: Vec<char> = ac.chars().collect();
    if toks.len() < 2 || toks.len() > 16 || letters.len() > toks.len() {
        return false;
    }
    let walker = Walk {
        toks,
        letters: &letters,
        function: &function,
    };
    walker.from(0, 0, 0) || (loose && toks.len() >= 3 && walker.from(1, 0, 0))
}

/// The search of [`spelled_by_words`]: the letters of an acronym against a name's words.
struct Walk<'a> {
    toks: &'a [String],
    letters: &'a [char],
    function: &'a dyn Fn(&str) -> bool,
}

impl Walk<'_> {
    /// Whether the letters from `j` spell the words from `i`, `lent` letters having been
    /// given by function words so far. A function word gives at most one letter, and only
    /// beside three of content words ("EDF" is not "EPR de Falmont").
    fn from(&self, i: usize, j: usize, lent: usize) -> bool {
        if j == self.letters.len() {
            // The rest is a complement: it opens on a function word.
            return (lent == 0 || j - lent >= 3)
                && (i == self.toks.len() || (self.function)(&self.toks[i]));
        }
        let Some(w) = self.toks.get(i) else {
            return false;
        };
        let function = (self.function)(w);
        let fits = w.starts_with(self.letters[j]);
        let lends = usize::from(function);
        (fits && lent + lends <= 1 && self.from(i + 1, j + 1, lent + lends))
            || (function && self.from(i + 1, j, lent))
    }
}

/// The initials of a name's words (lower case, as [`name_tokens`] gives them), function words,
/// particles and legal forms aside: "General Electric" → "ge", "Olympique de Marseille" → "om".
fn initials_of(toks: &[String], res: &Profile) -> String {
    let stop_word = |w: &str| {
        res.particles.contains(w)
            || res.articles.contains_key(w)
            || res.and_words.contains(w)
            || res.acronym_skip.contains(w)
            // A legal form spells nothing: "AI" is not "Apple Inc.".
            || res.type_words.get(w) == Some(&TypeWord::Legal)
    };
    toks.iter()
        .filter(|w| !stop_word(w))
        .filter_map(|w| w.chars().next())
        .collect()
}

/// [`initials_of`] the words of `name` ("Paris Saint-Germain" → "psg").
pub(super) fn significant_initials(name: &str, res: &Profile) -> String {
    initials_of(&name_tokens(without_web_suffix(name)), res)
}

/// Whether the lone word `word` spells the initials of `name` as an acronym would
/// ([`spelled_by_words`]): "Tisa" of "Tove Institute of Social Affairs of Marsk".
pub(super) fn spells_initials(word: &str, name: &str, res: &Profile) -> bool {
    spelled_by_words(&key(word), &name_tokens(name), false, res)
}

/// Parenthetical definitions: "Organisation mondiale de la santé (OMS)".
fn link_parentheticals(info: &[ClusterInfo], uf: &mut UnionFind, doc: &Document<'_>, ms: &[M]) {
    for m in ms {
        let t = doc.fields[m.field].text;
        let rest = &t[m.end..];
        let inner = rest.strip_prefix(" (").or_else(|| rest.strip_prefix('('));
        let Some(inner) = inner else { continue };
        let Some(close) = inner.find(')') else {
            continue;
        };
        let ac = key(&inner[..close]);
        if ac.is_empty() || ac.contains(' ') {
            continue;
        }
        let name = key(&t[m.start..m.end]);
        if !spells(&name, &ac) {
            continue;
        }
        // Or a short name written as a word after a body's name ("Coopérative des planteurs
        // du Vallon (Coopav)", "Tove Institute of Social Research (Tisor)").
        let word = inner[..close].chars().count() >= 3;
        let words = name_tokens(&t[m.start..m.end]);
        let cm = info.iter().position(|x| x.toks == words);
        let body = cm.is_some_and(|c| info[c].ty == EntityType::Organization);
        let ca = info.iter().position(|x| {
            x.acronym.as_deref() == Some(ac.as_str()) || word && body && x.toks == [ac.as_str()]
        });
        if let (Some(ca), Some(cm)) = (ca, cm) {
            uf.join(ca, cm);
        }
    }
}

/// Whether the letters of acronym `ac` come from `name` in order, the first starting a word:
/// "Organisation mondiale de la santé (OMS)", "University of Twente Network Operations Center
/// (NOC)", not a dateline's "NEW ORLEANS (AP)".
fn spells(name: &str, ac: &str) -> bool {
    name.split(' ').enumerate().any(|(i, _)| {
        let rest: String = name.split(' ').skip(i).collect();
        let mut letters = rest.chars();
        rest.chars().next() == ac.chars().next()
            && ac
                .chars()
                .filter(|c| c.is_alphanumeric())
                .all(|c| letters.any(|n| n == c))
    })
}

#[cfg(test)]
mod tests;
