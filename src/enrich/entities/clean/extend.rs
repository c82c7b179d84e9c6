//! Growing a span over what the model cut off: capitalised words on the right, an
//! organisation's complement, an acronym on the left.

use super::office::office_end;
use super::{Range, Span};
use crate::enrich::entities::complement::{complement_end, enumeration_end, portfolio_list_end};
use crate::enrich::entities::typing::branch_number;
use crate::enrich::profile::{key, lower, NameHead, Profile, TypeWord};
use crate::enrich::types::EntityType;

impl Span<'_> {
    /// Capitalised words the model cut off on the right ("Nations" + "Unies"), a lower-case
    /// complement after an organisation head ("Conseil" + "des ministres"), and an acronym
    /// on the left of an organisation ("RTK" + "Info").
    pub(super) fn extended(&self, r: Range) -> Range {
        let (t, res) = (self.text, self.res);
        let (mut s, mut e) = (r.start, r.end);
        let name_like = self.ty != EntityType::Misc || !t[s..e].chars().any(|c| c.is_numeric());
        // A name cut after the abbreviation that opens its last part ("Fort St." + "John").
        if self.extend && self.ty != EntityType::Person && abbreviated_opener_at(t, s, e, res) {
            if let Some(w_end) = capitalised_word_after(t, e).filter(|_| (self.free)(e + 1)) {
                e = w_end;
            }
        }
        // An office its holder's title names after the name, which may end on a full stop
        // ("Tovel County" + "Sheriff's Office", "U.S." + "Attorney's Office").
        if self.extend && self.ty != EntityType::Person && (self.free)(e + 1) {
            e = office_end(t, e, res).unwrap_or(e);
        }
        if !(self.extend
            && name_like
            && t[s..e].chars().next_back().is_some_and(char::is_alphabetic))
        {
            return Range { start: s, end: e };
        }
        // A person's hyphenated surname the model cut at its hyphen ("Ana Ruiz" + "-Molina");
        // not two places ("China-Pakistan").
        if let Some(rest) = t[e..]
            .strip_prefix('-')
            .filter(|_| self.ty == EntityType::Person)
        {
            let w_end = rest
                .find(|c: char| !c.is_alphabetic())
                .unwrap_or(rest.len());
            let w = &rest[..w_end];
            if w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().count() >= 2
                && (self.free)(e + 1)
            {
                e += 1 + w_end;
            }
        }
        // A place's hyphenated name the model cut before its particle ("Weston" +
        // "-super-Mare", "Boulogne" + "-sur-Mer").
        if self.ty != EntityType::Person {
            e = particled_end(t, e, res, self.free).unwrap_or(e);
        }
        for _ in 0..2 {
            let Some(rest) = t[e..].strip_prefix(' ') else {
                break;
            };
            let w_end = rest
                .find(|c: char| !(c.is_alphanumeric() || c == '-'))
                .unwrap_or(rest.len());
            let w = &rest[..w_end];
            let ok = w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().count() >= 2
                && !t[s..e].ends_with('.')
                && (self.free)(e + 1)
                && !blocks_extension(w, res);
            if !ok {
                break;
            }
            e += 1 + w_end;
        }
        // A firm's name closed by the founder's family ("Roux" + "et Fils", "Hale" + "& Sons").
        if self.ty != EntityType::Person {
            if let Some(x) = res.firm_suffixes.iter().find_map(|f| {
                t[e..]
                    .strip_prefix(' ')
                    .and_then(|r| r.strip_prefix(f.as_str()))
                    .filter(|r| !r.starts_with(char::is_alphanumeric))
            }) {
                if (self.free)(e + 1) {
                    e = t.len() - x.len();
                }
            }
        }
        // A part of a place named by an adjective after it (« Suisse » + « romande »).
        if self.ty == EntityType::Location {
            e = region_adjective_end(t, e, res, self.free).unwrap_or(e);
        }
        // A body's branch numbered after its short name ("SDIS" + "07", "SIS" + "2B"), or an
        // association's after its name, as départements number them (« Tovel Solidarité » +
        // « 35 »).
        let short = !t[s..e].contains(' ') && t[s..e].chars().all(char::is_uppercase);
        let body = matches!(self.ty, EntityType::Organization | EntityType::Misc);
        if res.numbered_branches && (short || body) {
            let number = t[e..].strip_prefix(' ').and_then(|r| r.get(..2));
            // Not a count of something ("l'ONU 24 heures plus tard"): the number ends a
            // phrase, or a grammar word follows it.
            let bounded = t[e..].get(3..).is_none_or(|r| {
                let next = r
                    .strip_prefix(' ')
                    .map(|w| lower(&w[..w.find(|c: char| !c.is_alphabetic()).unwrap_or(w.len())]));
                match next {
                    Some(w) if !w.is_empty() => {
                        res.and_words.contains(&w)
                            || res.preps.contains(&w)
                            || res.complements.contains(&w)
                    }
                    _ => !r.starts_with(char::is_alphanumeric),
                }
            });
            if number.is_some_and(branch_number) && bounded && (self.free)(e + 1) {
                e += 3;
            }
        }
        if self.ty != EntityType::Person {
            e = capitalised_complement_end(t, e, res, self.free).unwrap_or(e);
            e = complement_end(t, s, e, res, self.free).unwrap_or(e);
            e = enumeration_end(t, s, e, self.ty == EntityType::Organization, res).unwrap_or(e);
            if self.ty == EntityType::Organization {
                e = portfolio_list_end(t, s, e, res).unwrap_or(e);
            }
            e = acronym_end(t, s, e, res).unwrap_or(e);
        }
        if let Some(b) = t[..s]
            .strip_suffix(' ')
            .filter(|_| self.ty == EntityType::Organization)
        {
            let w_start = b
                .rfind(|c: char| !c.is_alphanumeric())
                .map_or(0, |i| i + b[i..].chars().next().map_or(1, char::len_utf8));
            let w = &b[w_start..];
            // Not a class noun written in capitals ("l'ONG" + "Terre solidaire").
            if w.chars().count() >= 2
                && w.chars().all(|c| c.is_uppercase())
                && !blocks_extension(w, res)
                && !self.class_noun(&t[w_start..e])
                && (self.free)(w_start + w.len())
            {
                s = w_start;
            }
        }
        e = saints_possessive_end(t, s, e, res).unwrap_or(e);
        let s = numbered_street_start(t, s, e, res).unwrap_or(s);
        let s = self.demonym_before(s, e).unwrap_or(s);
        let s = self.opener_before(s).unwrap_or(s);
        let s = self.capitalised_article_before(s, e).unwrap_or(s);
        Range { start: s, end: e }
    }

    /// A capitalised article right before the span ending at `e` inside a sentence: the name's
    /// own ("she told The Tovel Herald", "a mile from The Marle"), as the model often leaves it
    /// out. Not one opening a sentence, nor before a person's name, nor before the first of
    /// two names joined by a conjunction, where the article may open a name holding both
    /// ("The Tovel and Marle Hospitals Trust").
    fn capitalised_article_before(&self, s: usize, e: usize) -> Option<usize> {
        let joined = self.text[e..]
            .strip_prefix(' ')
            .and_then(|r| r.split_once(' '))
            .is_some_and(|(w, r)| {
                self.res.and_words.contains(&lower(w)) && r.starts_with(char::is_uppercase)
            });
        if joined {
            return None;
        }
        let (w_start, w) = self.word_before(s)?;
        let inside = self.text[..w_start]
            .strip_suffix(' ')
            .and_then(|b| b.chars().next_back())
            .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit() || c == ',');
        (self.ty != EntityType::Person
            && inside
            && w.starts_with(char::is_uppercase)
            && self.res.articles.contains_key(&lower(w))
            && (self.free)(w_start + w.len()))
        .then_some(w_start)
    }

    /// A number the model left out of a road's or a street's name: after a place word that
    /// ends the span ("Highway" + "58", "Route" + "9") or, as an ordinal, before one that
    /// opens it ("52nd" + "Street", "100th" + "Avenue"). Also in a headline, where capitalised
    /// words are not added.
    pub(super) fn numbered_road(&self, r: Range) -> Range {
        let (t, res) = (self.text, self.res);
        let loc_word = |w: &str| res.type_words.get(&key(w)) == Some(&TypeWord::Loc);
        let seg = &t[r.start..r.end];
        let mut out = r;
        if let Some(rest) = t[r.end..].strip_prefix(' ') {
            let n = rest
                .find(|c: char| !c.is_ascii_alphanumeric())
                .unwrap_or(rest.len());
            let num = &rest[..n];
            let last = seg.rsplit(' ').next().unwrap_or(seg);
            if num.starts_with(|c: char| c.is_ascii_digit())
                && num.chars().filter(char::is_ascii_alphabetic).count() <= 1
                && loc_word(last)
                && (self.free_of_names)(r.end + 1)
            {
                out.end = r.end + 1 + n;
            }
        }
        if let Some(b) = t[..r.start].strip_suffix(' ') {
            let w_start = b.rfind(' ').map_or(0, |i| i + 1);
            let w = &b[w_start..];
            let digits = w.bytes().take_while(u8::is_ascii_digit).count();
            let suffix = &w[digits..];
            let first = seg.split(' ').next().unwrap_or(seg);
            if digits > 0
                && (1..=3).contains(&suffix.len())
                && suffix.chars().all(|c| c.is_ascii_lowercase())
                && loc_word(first)
                && (self.free)(w_start + w.len())
            {
                out.start = w_start;
            }
        }
        out
    }

    /// A place's lower-case head word right after a name the model called a work or an event,
    /// or a person after a definite article, where heads come last: the model often reads so
    /// the name before "dam", "mine", "motorway" ("the Tovel dam", "the Marle mine"), and the
    /// head closes the place's name (`works_head|` in `words.txt`; not "city", "region" or
    /// "area", which follow demonyms and places as common nouns: "the Tovelian city").
    pub(super) fn place_head_after(&self, r: Range) -> Range {
        let (t, res) = (self.text, self.res);
        let after_definite = || {
            let before = t[..r.start].trim_end();
            let w = before.rsplit(' ').next().unwrap_or(before);
            before.len() < r.start && res.definites.contains(&lower(w))
        };
        let misread = match self.ty {
            EntityType::Misc => true,
            EntityType::Person => after_definite(),
            _ => false,
        };
        if !misread || res.name_head != NameHead::Last {
            return r;
        }
        let Some(rest) = t[r.end..].strip_prefix(' ') else {
            return r;
        };
        let n = rest
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(rest.len());
        let w = &rest[..n];
        let named = t[r.start..r.end]
            .split(' ')
            .all(|x| x.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()));
        if named
            && w.starts_with(char::is_lowercase)
            && res.works_heads.contains(w)
            && (self.free_of_names)(r.end + 1)
        {
            return Range {
                start: r.start,
                end: r.end + 1 + n,
            };
        }
        r
    }

    /// The abbreviation opening a place's name right before the span, without its full stop
    /// as British style writes it ("St" + "Catherine North Central", "Mt" + "Kenya"); with
    /// its stop, the model keeps it.
    fn opener_before(&self, s: usize) -> Option<usize> {
        let (w_start, w) = self.word_before(s)?;
        (self.ty != EntityType::Misc
            && self.text[s..].starts_with(char::is_uppercase)
            && w.chars().count() <= 3
            && w.starts_with(char::is_uppercase)
            && self.res.place_prefixes.contains(&lower(w)))
        .then_some(w_start)
    }

    /// A capitalised demonym right before an organisation named by capitalised words that end
    /// on an organisation head, in a language whose names end on their head ("the Norwegian" +
    /// "Health Ministry", "Canadian" + "Armed Forces Committee"): the demonym is part of the
    /// name. Its own span (a nationality) is dropped as a demonym. Likewise before a place's
    /// head word the model took alone ("Spanish" + "Town").
    fn demonym_before(&self, s: usize, e: usize) -> Option<usize> {
        let (t, res) = (self.text, self.res);
        let name = &t[s..e];
        let head = name.rsplit(' ').next()?;
        // Likewise a place's head word alone after a demonym ("Spanish" + "Town").
        let lone_place_head = self.ty == EntityType::Location
            && !name.contains(' ')
            && res.type_words.get(&key(head)) == Some(&TypeWord::Loc);
        if !(self.ty == EntityType::Organization || lone_place_head)
            || res.name_head != NameHead::Last
        {
            return None;
        }
        if !name.split(' ').all(|w| w.starts_with(char::is_uppercase))
            || !matches!(
                res.type_words.get(&key(head)),
                Some(TypeWord::Org | TypeWord::Loc)
            )
            || self.ty == EntityType::Organization
                && res.type_words.get(&key(head)) != Some(&TypeWord::Org)
        {
            return None;
        }
        let b = t[..s].strip_suffix(' ')?;
        let w_start = b
            .char_indices()
            .rfind(|(_, c)| !c.is_alphabetic())
            .map_or(0, |(i, c)| i + c.len_utf8());
        let w = &b[w_start..];
        (w.starts_with(char::is_uppercase) && res.demonyms.contains(&key(w))).then_some(w_start)
    }
}

/// Whether `t[s..e]` ends on the abbreviation, with its full stop (in the span or right
/// after it), of a word that opens a place's name (`place_prefix|…`: "St.", "Ste.", "Mt."
/// as in "Sault Ste. Marie"): the name goes on after it. Not after a house number, where "St."
/// is a street's ("12 Mill St.").
pub(super) fn abbreviated_opener_at(t: &str, s: usize, e: usize, res: &Profile) -> bool {
    let span = &t[s..e];
    let (stem, dotted) = match span.strip_suffix('.') {
        Some(stem) => (stem, true),
        None => (span, t[e..].starts_with('.')),
    };
    let last = stem.rsplit(' ').next().unwrap_or(stem);
    let numbered = t[..s]
        .trim_end()
        .chars()
        .next_back()
        .is_some_and(|c| c.is_ascii_digit());
    dotted
        && last.starts_with(char::is_uppercase)
        && res.place_prefixes.contains(&lower(last))
        && !numbered
}

/// The end of a place named after a saint in the possessive, which the model cuts before
/// the "'s" ("St Aldric" + "'s", "St. Brannoc" + "’s"): the saint's name opens on an
/// abbreviated place prefix (`place_prefix|`) and the possessive owns no head word after it,
/// so it is the name's own ("St Aldric's voted", "in St Aldric's, the parish"); before a
/// lower-case type word it is the saint's ("St Aldric's church"); before capitalised words
/// closed by a type word, the name goes on to it ("St Aldric's General Hospital").
fn saints_possessive_end(t: &str, s: usize, e: usize, res: &Profile) -> Option<usize> {
    let first = t[s..e].split_whitespace().next()?;
    let prefix = first.trim_end_matches('.');
    if t[s..e].split_whitespace().count() < 2
        || prefix.chars().count() > 3
        || !res.place_prefixes.contains(&lower(prefix))
    {
        return None;
    }
    let rest = t[e..]
        .strip_prefix("'s")
        .or_else(|| t[e..].strip_prefix("’s"))?;
    if rest.starts_with(char::is_alphanumeric) {
        return None;
    }
    let next = rest.strip_prefix(' ').unwrap_or("");
    let word = &next[..next
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(next.len())];
    if word.starts_with(char::is_uppercase) {
        return named_after_saint_end(t, t.len() - next.len(), res);
    }
    let owned = res.type_words.contains_key(&key(word));
    (!owned).then(|| t.len() - rest.len())
}

/// The end of the capitalised words from `at` closed by a type word, where a saint's name in
/// the possessive opens an institution's or a building's ("St Aldric's" + "General Hospital",
/// "St Brannoc's" + "High School"): the whole is one name.
fn named_after_saint_end(t: &str, at: usize, res: &Profile) -> Option<usize> {
    let mut end = None;
    let mut i = at;
    for w in t[at..].split(' ').take(4) {
        let word = w.trim_end_matches(|c: char| !c.is_alphanumeric());
        if !word.starts_with(char::is_uppercase) || word.is_empty() {
            break;
        }
        if res.type_words.contains_key(&key(word)) {
            end = Some(i + word.len());
        }
        if word.len() != w.len() {
            break;
        }
        i += w.len() + 1;
    }
    end
}

/// The end of a lower-case adjective after one space from `e` that names a part of the place
/// before it (`region_adjective|`: « l'Europe » + « occidentale »).
fn region_adjective_end(
    t: &str,
    e: usize,
    res: &Profile,
    free: &dyn Fn(usize) -> bool,
) -> Option<usize> {
    let rest = t[e..].strip_prefix(' ')?;
    let w_end = rest
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(rest.len());
    let w = &rest[..w_end];
    (w.starts_with(char::is_lowercase) && res.region_adjectives.contains(w) && free(e + 1))
        .then_some(e + 1 + w_end)
}

/// The end of the capitalised word after one space from `e` (a full stop may come first).
fn capitalised_word_after(t: &str, e: usize) -> Option<usize> {
    let at = e + usize::from(t[e..].starts_with('.'));
    let rest = t[at..].strip_prefix(' ')?;
    let w_end = rest
        .find(|c: char| !(c.is_alphanumeric() || c == '-'))
        .unwrap_or(rest.len());
    let w = &rest[..w_end];
    (w.starts_with(char::is_uppercase) && w.chars().count() >= 2).then_some(at + 1 + w_end)
}

/// The end of a hyphenated place name going on at `e` with a place-name particle
/// (`place_particle|`) and a capitalised part: "-super-Mare", "-sur-Mer", "-upon-Tyne".
fn particled_end(t: &str, e: usize, res: &Profile, free: &dyn Fn(usize) -> bool) -> Option<usize> {
    let rest = t[e..].strip_prefix('-')?;
    let (particle, tail) = rest.split_once('-')?;
    let end = tail
        .find(|c: char| !(c.is_alphabetic() || c == '-'))
        .unwrap_or(tail.len());
    let tail = tail[..end].trim_end_matches('-');
    (res.place_particles.contains(particle)
        && tail.starts_with(char::is_uppercase)
        && tail.chars().count() >= 2
        && free(e + 1))
    .then_some(e + 1 + particle.len() + 1 + tail.len())
}

/// Most capitalised words of a complement added after an organisation's head word.
const MAX_COMPLEMENT_WORDS: usize = 4;

/// Where heads come last, the end of a name cut after its organisation head word before a
/// capitalised complement ("the Dade County Department" + "of Emergency Management", "the
/// Office" + "for Students"): the complement preposition, maybe "the", then capitalised words
/// (joined by "and" or "&"), up to the next lower-case word or mark.
fn capitalised_complement_end(
    t: &str,
    e: usize,
    res: &Profile,
    free: &dyn Fn(usize) -> bool,
) -> Option<usize> {
    let head = t[..e].rsplit(' ').next()?;
    if res.name_head != NameHead::Last
        || !head.starts_with(char::is_uppercase)
        || res.type_words.get(&key(head)) != Some(&TypeWord::Org)
    {
        return None;
    }
    let rest = t[e..].strip_prefix(' ')?;
    let (prep, mut rest) = rest.split_once(' ')?;
    if !res.complements.contains(prep) || !free(e + 1) {
        return None;
    }
    let mut at = e + 1 + prep.len() + 1;
    if let Some(r) = rest.strip_prefix("the ") {
        at += 4;
        rest = r;
    }
    let (mut end, mut words) = (None, 0);
    for w in rest.split(' ') {
        let w_end = w
            .find(|c: char| !(c.is_alphanumeric() || c == '-'))
            .unwrap_or(w.len());
        let word = &w[..w_end];
        let joiner = words > 0 && (word == "&" || res.and_words.contains(word));
        if joiner && w_end == w.len() {
            at += w.len() + 1;
            continue;
        }
        // Not into another name ("the Member of Parliament for" + "Elm Vale North"): the
        // words are another's, not this name's complement.
        if !free(at) || !free(at + w_end) {
            return None;
        }
        if !(word.starts_with(char::is_uppercase) && word.chars().count() >= 2)
            || blocks_extension(word, res)
            || words == MAX_COMPLEMENT_WORDS
        {
            break;
        }
        words += 1;
        end = Some(at + w_end);
        if w_end < w.len() {
            break;
        }
        at += w.len() + 1;
    }
    end
}

fn blocks_extension(w: &str, res: &Profile) -> bool {
    let l = lower(w);
    res.roles.contains_key(&l)
        || res.stop.contains(&key(w))
        || res.pronouns.contains_key(&l)
        || res.articles.contains_key(&l)
        || res.cues_starting(&l).next().is_some()
        || res.demonyms.contains(&key(w))
        || res.postnominals.contains(w)
}

/// Most words between a cut name and the acronym that defines it.
const MAX_ACRONYM_GAP: usize = 12;
/// Most bytes read after a cut name for the acronym that defines it (the gap and the brackets).
const MAX_ACRONYM_BYTES: usize = 240;

/// The end of a name the model cut before its lower-case words, when the acronym defined right
/// after it spells the whole: "Office national" + " des forêts de montagne (ONFM)" is one name;
/// a tail written after the acronym is the name's own ("Agence régionale de santé de Bretagne
/// (ARS de Bretagne)"). `None` when the name already spells it, or nothing does.
fn acronym_end(t: &str, s: usize, e: usize, res: &Profile) -> Option<usize> {
    // Only so far: a gap of a few words and a short acronym.
    let mut end = (e + MAX_ACRONYM_BYTES).min(t.len());
    while !t.is_char_boundary(end) {
        end -= 1;
    }
    let rest = &t[e..end];
    let open = rest.find(" (")?;
    let gap = &rest[..open];
    if gap.is_empty()
        || gap.split_whitespace().count() > MAX_ACRONYM_GAP
        || gap.contains(['.', ',', ';', ':', '!', '?', '\n', '«', '»', '"', '“', '”'])
    {
        return None;
    }
    let inner = &rest[open + 2..];
    let inside: Vec<&str> = inner[..inner.find(')')?].split_whitespace().collect();
    let ac = inside.first()?;
    if !(2..=8).contains(&ac.chars().count()) || !ac.chars().all(char::is_uppercase) {
        return None;
    }
    let phrase = &t[s..e + open];
    let tail = inside[1..].join(" ");
    let core = if tail.is_empty() {
        phrase
    } else {
        phrase.strip_suffix(tail.as_str())?.trim_end()
    };
    let ac = lower(ac);
    (word_initials(core, res) == ac && word_initials(&t[s..e], res) != ac).then_some(e + open)
}

/// The initials of the words of `name` that are neither grammar words nor articles, an elided
/// article left aside ("d'incendie" → "i"), each capitalised part of a hyphenated word
/// counting ("Haut-Atlas" → "ha"): what an acronym spells.
fn word_initials(name: &str, res: &Profile) -> String {
    name.split_whitespace()
        .flat_map(|w| {
            let parts: Vec<&str> = w.split('-').collect();
            if parts.len() > 1 && parts.iter().all(|p| p.starts_with(char::is_uppercase)) {
                parts
            } else {
                vec![w]
            }
        })
        .map(|w| {
            let w = lower(w);
            match w.rsplit_once(['\'', '’']) {
                Some((_, after)) if !after.is_empty() => after.to_string(),
                _ => w,
            }
        })
        .filter(|w| {
            !(res.function_words.contains(w)
                || res.preps.contains(w)
                || res.complements.contains(w)
                || res.articles.contains_key(w)
                || res.and_words.contains(w)
                || res.particles.contains(w))
        })
        .filter_map(|w| w.chars().next())
        .collect()
}

/// Where a street named by its number starts, when the model kept only its head word ("88" +
/// "Avenue", "42nd" + "Street"): in a language whose names end on their head, a head word of a
/// place alone, right after a number of one to three digits or an ordinal.
fn numbered_street_start(t: &str, s: usize, e: usize, res: &Profile) -> Option<usize> {
    let word = &t[s..e];
    if res.name_head != NameHead::Last
        || word.contains(' ')
        || res.type_words.get(&key(word)) != Some(&TypeWord::Loc)
    {
        return None;
    }
    let before = t[..s].strip_suffix(' ')?;
    // Past the last character that is no letter or digit, whatever its width ("„").
    let n_start = before
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_alphanumeric())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let number = &before[n_start..];
    let digits = number
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(number.len());
    let suffix = &number[digits..];
    let ordinal = ["st", "nd", "rd", "th"].contains(&suffix);
    let glued = before[..n_start].ends_with(|c: char| c.is_ascii_digit() || c == ',' || c == '.');
    // The number's own span, if the model gave it one, is a count or an ordinal: no name.
    ((1..=3).contains(&digits) && (suffix.is_empty() || ordinal) && !glued).then_some(n_start)
}
