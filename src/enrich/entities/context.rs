//! What the words around a name say about it, as a reader uses them: "manufacturers, including
//! Shure, Casio and Zildjian" names three companies; "the Tremé neighborhood" a place; "le patron
//! d'Android, Sundar Pichai" a person; "an Italianate-style building" no entity at all; "stars as
//! Anna" a fictional role. The words themselves are data (`resources/<lang>/context.txt`); the
//! model's label stays as found and the hint outvotes it (see [`super::canonicalize`]).

use super::mention::{M, OPEN_MARKS};
use crate::enrich::analysis::Analysis;
use crate::enrich::gazetteer::gazetteer;
use crate::enrich::profile::{key, lower, Profile, TypeWord};
use crate::enrich::tokens::{tokenize, Tok};
use crate::enrich::types::{Document, EntityType};

/// Longest context window looked at before a name, in bytes (widened to a char boundary).
const WINDOW: usize = 64;

/// Up to `WINDOW` bytes of `t` before `s`, lower-cased.
fn before_window(t: &str, s: usize) -> String {
    let mut from = s.saturating_sub(WINDOW);
    while !t.is_char_boundary(from) {
        from -= 1;
    }
    lower(&t[from..s])
}

/// Whether `w` (lower case) ends with the phrase `p` starting at a word boundary.
fn ends_with_phrase(w: &str, p: &str) -> bool {
    w.strip_suffix(p)
        .is_some_and(|rest| !rest.chars().next_back().is_some_and(char::is_alphanumeric))
}

/// Apply the context rules to the cleaned mentions of `doc`: drop what is no entity, hint the
/// type of the others, join founder names into their foundation, and add the list items and
/// suffixed organisation names the model missed. `ms` is sorted by field and start on return.
pub(super) fn apply(an: &Analysis<'_>, res: &Profile, ms: &mut Vec<M>) {
    let doc = an.doc;
    join_founders(doc, res, ms);
    ms.retain(|m| !is_adjective(doc.fields[m.field].text, m, res));
    ms.retain(|m| !is_title_phrase(doc.fields[m.field].text, m, res));
    // A name once given to a fictional role is the role's throughout ("as his wife, Anna" …
    // "Anna's").
    let roles: std::collections::HashSet<String> = ms
        .iter()
        .filter(|m| is_character(doc.fields[m.field].text, m, res))
        .map(|m| key(&doc.fields[m.field].text[m.start..m.end]))
        .collect();
    if !roles.is_empty() {
        ms.retain(|m| !roles.contains(&key(&doc.fields[m.field].text[m.start..m.end])));
    }
    for m in ms.iter_mut() {
        if let Some(h) = hint(doc.fields[m.field].text, m, res) {
            m.hint = Some(h);
        }
    }
    for (fi, f) in doc.fields.iter().enumerate() {
        let toks = &an.fields[fi].toks;
        for (s, e, ty) in list_items(f.text, toks, res) {
            // "officials of several countries, including Mark Rutte": a first name says person
            // louder than a list of places does.
            let first = f.text[s..e].split([' ', '-']).next().unwrap_or("");
            if ty != EntityType::Person
                && f.text[s..e].contains(' ')
                && res.first_names.contains_key(&lower(first))
            {
                continue;
            }
            let mut found = 0;
            for m in ms
                .iter_mut()
                .filter(|m| m.field == fi && m.start < e && s < m.end)
            {
                m.hint = Some(ty);
                found += 1;
            }
            // The item is the name when it holds the one mention found in it ("La France" in
            // "La France insoumise").
            if found == 1 {
                if let Some(m) = ms.iter_mut().find(|m| {
                    m.field == fi && m.start < e && s < m.end && s <= m.start && m.end <= e
                }) {
                    m.start = s;
                    m.end = e;
                }
            }
            let found = found > 0;
            if !found {
                ms.push(M::found(fi, s, e, ty));
            }
        }
        // Well-known names the model missed ("citée par Interfax"), unless part of a longer
        // capitalised name ("Michael Bloomberg").
        for (s, e, ty) in gazetteer().find_in(f.text) {
            if !ms.iter().any(|m| m.field == fi && m.start < e && s < m.end)
                && !next_to_capitalised(f.text, s, e)
            {
                ms.push(M::found(fi, s, e, ty));
            }
        }
        // English titles capitalise every word: a run there is no name.
        if res.headline_case && f.name == "title" {
            continue;
        }
        for (s, e) in suffixed_orgs(f.text, toks, res) {
            if !ms.iter().any(|m| m.field == fi && m.start < e && s < m.end) {
                ms.push(M::found(fi, s, e, EntityType::Organization));
            }
        }
    }
    ms.sort_by_key(|m| (m.field, m.start));
}

/// Whether a capitalised word is glued to `t[s..e]` by one space, beyond a sentence start.
fn next_to_capitalised(t: &str, s: usize, e: usize) -> bool {
    let cap = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let after = t[e..]
        .strip_prefix(' ')
        .is_some_and(|r| cap(r.split(' ').next().unwrap_or("")));
    let before = t[..s].strip_suffix(' ').is_some_and(|b| {
        let w = b.rsplit(' ').next().unwrap_or("");
        cap(w)
            && !w.ends_with(['.', '!', '?', ':'])
            && !b[..b.len() - w.len()].trim_end().is_empty()
    });
    after || before
}

/// "Senate Majority Leader Chuck Schumer": a phrase ending in a role word right before a
/// capitalised name is the person's title, not an organisation.
fn is_title_phrase(t: &str, m: &M, res: &Profile) -> bool {
    if m.ty() == EntityType::Person {
        return false;
    }
    let last = t[m.start..m.end].rsplit(' ').next().unwrap_or("");
    let mut role = res.role(&lower(last)).is_some();
    // Role words the model left after the span ("Senate Majority" + "Leader").
    let mut rest = &t[m.end..];
    while let Some(r) = rest.strip_prefix(' ') {
        let w = r.split([' ', ',', '.']).next().unwrap_or("");
        if !w.starts_with(char::is_uppercase) || res.role(&lower(w)).is_none() {
            break;
        }
        role = true;
        rest = &r[w.len()..];
    }
    role && rest
        .strip_prefix(' ')
        .is_some_and(|r| r.starts_with(char::is_uppercase))
}

/// "an Italianate-style house": the name is part of an adjective.
fn is_adjective(t: &str, m: &M, res: &Profile) -> bool {
    let Some(rest) = t[m.end..].strip_prefix('-') else {
        return false;
    };
    let w_end = rest
        .find(|c: char| !c.is_alphanumeric())
        .unwrap_or(rest.len());
    res.context.adjectives.contains(&lower(&rest[..w_end]))
}

/// "Chastain co-stars as his wife, Anna": a person's name after a role cue, possibly through a
/// short lower-case apposition, is a fictional character.
fn is_character(t: &str, m: &M, res: &Profile) -> bool {
    if m.ty() != EntityType::Person || res.context.characters.is_empty() {
        return false;
    }
    let w = before_window(t, m.start);
    let mut w = w.trim_end().trim_end_matches(',').trim_end();
    for _ in 0..3 {
        if res
            .context
            .characters
            .iter()
            .any(|c| ends_with_phrase(w, c) || ends_with_phrase(w, c.trim_end_matches('\'')))
        {
            return true;
        }
        // Step back over one lower-case word ("his wife").
        let Some(i) = w.rfind(' ') else { break };
        let last = &w[i + 1..];
        if last.is_empty() || !last.chars().all(|c| c.is_alphabetic()) {
            break;
        }
        w = w[..i].trim_end();
    }
    false
}

/// The type the words right around a mention give it, if any.
fn hint(t: &str, m: &M, res: &Profile) -> Option<EntityType> {
    let ctx = &res.context;
    // "the Tremé neighborhood".
    if let Some(r) = t[m.end..].strip_prefix(' ') {
        let w_end = r.find(|c: char| !c.is_alphabetic()).unwrap_or(r.len());
        let w = &r[..w_end];
        if w.starts_with(char::is_lowercase) {
            if let Some(&ty) = ctx.after.get(w) {
                return Some(ty);
            }
        }
    }
    // An age in apposition: "Karim, 34 ans,", "Tom Okafor, 45, a driver".
    if let Some(r) = t[m.end..].strip_prefix(", ") {
        let n = r.find(|c: char| !c.is_ascii_digit()).unwrap_or(r.len());
        if (1..=3).contains(&n) {
            let rest = r[n..].trim_start();
            if rest.starts_with(',') || ctx.ages.iter().any(|a| rest.starts_with(a.as_str())) {
                return Some(EntityType::Person);
            }
        }
    }
    // "la société Casio", "le quartier d'Arcueil".
    let win = before_window(t, m.start);
    for (p, ty) in &ctx.before {
        let hit = if p.ends_with('\'') {
            ends_with_phrase(&win, p)
        } else {
            win.strip_suffix(' ')
                .is_some_and(|w| ends_with_phrase(w, p))
        };
        if hit {
            return Some(*ty);
        }
    }
    person_by_role(t, m, &win, res).then_some(EntityType::Person)
}

/// A full name in apposition to a role: "CEO Sundar Pichai", "le patron d'Android, Sundar
/// Pichai", "Jane Doe, the company's chief executive". Places are left alone: "the minister met
/// in Paris, Berlin" is no apposition.
fn person_by_role(t: &str, m: &M, win: &str, res: &Profile) -> bool {
    if m.ty() == EntityType::Location || m.ty() == EntityType::Person {
        return false;
    }
    let name = &t[m.start..m.end];
    let words: Vec<&str> = name.split_whitespace().collect();
    if !(2..=4).contains(&words.len())
        || !words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
    {
        return false;
    }
    let is_role = |toks: &[Tok], i: usize| {
        res.role(&toks[i].lower).is_some()
            || (i + 1 < toks.len()
                && res
                    .role(&format!("{} {}", toks[i].lower, toks[i + 1].lower))
                    .is_some())
    };
    // The clause before: from the last comma or sentence mark, a short noun phrase headed by a role.
    let before = tokenize(win, &res.tokens);
    if before.last().is_some_and(|x| x.word) {
        // Directly after a role word ("CEO Sundar Pichai").
        let last = before.len() - 1;
        if res.role(&before[last].lower).is_some() {
            return true;
        }
    } else if before.last().is_some_and(|x| x.lower == ",") {
        let clause_start = before[..before.len() - 1]
            .iter()
            .rposition(|x| !x.word && x.lower != "'" && x.lower != "-")
            .map_or(0, |i| i + 1);
        let clause = &before[clause_start..before.len() - 1];
        if (1..=6).contains(&clause.len())
            && (0..clause.len().min(4)).any(|i| clause[i].word && is_role(clause, i))
        {
            return true;
        }
    }
    // After: ", the chief executive of ..." / ", le patron de ...".
    if let Some(r) = t[m.end..].strip_prefix(", ") {
        let mut end = r.len().min(WINDOW);
        while !r.is_char_boundary(end) {
            end -= 1;
        }
        let after = tokenize(&r[..end], &res.tokens);
        let first = after.iter().position(|x| {
            !(res.articles.contains_key(&x.lower)
                || res.trim_suffixes.iter().any(|p| lower(p) == x.lower))
        });
        if let Some(i) = first.filter(|&i| i <= 3) {
            if after[i].word && !after[i].cap && is_role(&after, i) {
                return true;
            }
        }
    }
    false
}

/// "Several carmakers, including Renault, Stellantis and Toyota, cut prices" (a Hearst
/// pattern): the capitalised items after a connector, typed by the nearest plural class noun
/// before it in the same sentence.
fn list_items(t: &str, toks: &[Tok], res: &Profile) -> Vec<(usize, usize, EntityType)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let Some((conn, near)) = res.context.connectors.iter().find(|(c, _)| {
            i + c.len() <= toks.len() && c.iter().zip(&toks[i..]).all(|(w, x)| *w == x.lower)
        }) else {
            i += 1;
            continue;
        };
        let class = class_before(toks, i, *near, res);
        let after = i + conn.len();
        i = after;
        // Without a known class ("rivals such as Spotify and Deezer"), the well-known items
        // of the list, if they agree, type the others.
        let from_class = class.is_some();
        let Some(ty) = class.or_else(|| list_anchor(t, &toks[after..], res)) else {
            continue;
        };
        let list = List {
            t,
            toks,
            ty,
            from_class,
            res,
        };
        i = i.max(list.read(after, &mut out));
    }
    out
}

/// The type of the class noun of a list: the nearest before the connector at token `i`, in
/// the same sentence (right before it when `near`).
fn class_before(toks: &[Tok], i: usize, near: bool, res: &Profile) -> Option<EntityType> {
    const LOOK_BACK: usize = 12;
    let mut seen = 0;
    for x in toks[..i].iter().rev() {
        if !x.word && matches!(x.lower.as_str(), "." | "!" | "?" | ";" | ":" | "«" | "»") {
            return None;
        }
        if !x.word {
            continue;
        }
        seen += 1;
        if seen > LOOK_BACK {
            return None;
        }
        if let Some(&t) = res.context.classes.get(&x.lower).filter(|_| !x.cap) {
            return Some(t);
        }
        if near {
            return None;
        }
    }
    None
}

/// The items of one list, all of type `ty`.
struct List<'a> {
    t: &'a str,
    toks: &'a [Tok],
    ty: EntityType,
    /// The type comes from a class noun (else from the well-known items).
    from_class: bool,
    res: &'a Profile,
}

impl List<'_> {
    fn is_and_or(&self, k: usize) -> bool {
        let w = &self.toks[k].lower;
        self.res.and_words.contains(w) || self.res.or_words.contains(w)
    }

    /// Read the items from token `j` into `out`; the token where the list ends.
    fn read(&self, mut j: usize, out: &mut Vec<(usize, usize, EntityType)>) -> usize {
        let (toks, res) = (self.toks, self.res);
        let mut last = false;
        loop {
            // An optional article, then a run of capitalised words (with "of", "de", "&" inside).
            if j < toks.len() && !toks[j].cap && res.articles.contains_key(&toks[j].lower) {
                j += 1;
            }
            let s = j;
            j = self.name_end(s);
            if j == s {
                return j;
            }
            j = self.lower_tail(j, last);
            let (a, b) = (toks[s].start, toks[j - 1].end);
            let k = key(&self.t[a..b]);
            let known = !self.from_class && gazetteer().lookup(&self.t[a..b]).is_some();
            if !known && !res.stop.contains(&k) && !res.demonyms.contains(&k) {
                out.push((a, b, self.ty));
            }
            if last {
                return j;
            }
            // "(microphones)".
            if j < toks.len() && toks[j].lower == "(" {
                match toks[j..].iter().position(|x| x.lower == ")") {
                    Some(k) if k <= 8 => j += k + 1,
                    _ => return j,
                }
            }
            let comma = j < toks.len() && toks[j].lower == ",";
            if comma {
                j += 1;
            }
            if j < toks.len() && self.is_and_or(j) {
                j += 1;
                last = true;
            } else if !comma {
                return j;
            }
        }
    }

    /// The end of a run of capitalised words from token `s` (inner particles and glued tokens
    /// included, glued punctuation at the end left out).
    fn name_end(&self, s: usize) -> usize {
        let (toks, res) = (self.toks, self.res);
        let mut j = s;
        while j < toks.len() {
            let x = &toks[j];
            // No name runs across a line break ("la France.\n\nUne femme…").
            if j > s && self.t[toks[j - 1].end..x.start].contains('\n') {
                break;
            }
            let glued = j > s && toks[j - 1].end == x.start && x.lower != ",";
            let inner = j > s
                && j + 1 < toks.len()
                && toks[j + 1].cap
                && ((res.particles.contains(&x.lower) && !res.and_words.contains(&x.lower))
                    || res.context.inner.contains(&x.lower));
            if (x.word && x.cap) || glued || inner {
                j += 1;
            } else {
                break;
            }
        }
        // Punctuation glued to the end ("Casio.") is not part of the name.
        while j > s && !toks[j - 1].word {
            j -= 1;
        }
        j
    }

    /// Lower-case words ending the name before the next separator ("La France insoumise, …").
    fn lower_tail(&self, j: usize, last: bool) -> usize {
        let (toks, res) = (self.toks, self.res);
        let mut x = j;
        while x < toks.len() && x < j + 2 && toks[x].word && !toks[x].cap && !self.is_and_or(x) {
            x += 1;
        }
        let sep = x < toks.len() && (toks[x].lower == "," || self.is_and_or(x));
        if x > j
            && !last
            && sep
            && !toks[j..x]
                .iter()
                .enumerate()
                .any(|(n, k)| self.is_and_or(j + n) || res.articles.contains_key(&k.lower))
        {
            x
        } else {
            j
        }
    }
}

/// The type shared by the gazetteer's names among the first items after a connector, when
/// there are such names and they agree.
fn list_anchor(t: &str, toks: &[Tok], res: &Profile) -> Option<EntityType> {
    let mut ty = None;
    let mut i = 0;
    // Items: capitalised runs separated by commas and "and"/"or", within a few tokens.
    while i < toks.len().min(24) {
        let x = &toks[i];
        if x.word && x.cap {
            let s = i;
            while i < toks.len() && toks[i].word && toks[i].cap {
                i += 1;
            }
            if let Some((t2, _)) = gazetteer().lookup(&t[toks[s].start..toks[i - 1].end]) {
                if ty.is_some_and(|t1| t1 != t2) {
                    return None;
                }
                ty = Some(t2);
            }
            continue;
        }
        let sep =
            x.lower == "," || res.and_words.contains(&x.lower) || res.or_words.contains(&x.lower);
        if !(sep || x.lower == "(" || x.lower == ")" || res.articles.contains_key(&x.lower)) {
            break;
        }
        i += 1;
    }
    ty
}

/// Capitalised names ending in an organisation word ("Festival Productions", "Acme Holdings
/// Inc."), which the model sometimes misses: at least two words, not at a sentence start unless
/// the first word is itself capitalised in the middle of sentences too.
fn suffixed_orgs(t: &str, toks: &[Tok], res: &Profile) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let org_word = |x: &Tok| {
        matches!(
            res.type_words.get(&key(&t[x.start..x.end])),
            Some(TypeWord::Org | TypeWord::Legal)
        )
    };
    let mut i = 0;
    while i < toks.len() {
        if !(toks[i].word && toks[i].cap) {
            i += 1;
            continue;
        }
        let mut s = i;
        let mut j = i;
        // The head of "School of Music" is before its first inner word.
        let mut head = None;
        while j < toks.len() {
            if toks[j].word && toks[j].cap {
                j += 1;
            } else if j + 1 < toks.len()
                && toks[j + 1].word
                && toks[j + 1].cap
                && res.context.inner.contains(&toks[j].lower)
            {
                head.get_or_insert(j - 1);
                j += 1;
            } else {
                break;
            }
        }
        i = j;
        // Drop a sentence-initial article ("The", "Le").
        let sentence_start = s == 0
            || (!toks[s - 1].word && matches!(toks[s - 1].lower.as_str(), "." | "!" | "?"))
            || OPEN_MARKS.iter().any(|c| toks[s - 1].lower.starts_with(*c));
        if sentence_start && res.articles.contains_key(&toks[s].lower) {
            s += 1;
        }
        // Two words at least; a long run is a title-cased phrase, not a name.
        if j < s + 2 || j > s + 6 {
            continue;
        }
        let org = org_word(&toks[j - 1]) || head.is_some_and(|h| h > s && org_word(&toks[h]));
        // Role words ("Chief Executive") and stop words do not start a name.
        if org && res.role(&toks[s].lower).is_none() && !res.stop.contains(&toks[s].lower) {
            out.push((toks[s].start, toks[j - 1].end));
        }
    }
    out
}

/// "the Louis Prima and Gia Maione Prima Foundation": a person's name coordinated with an
/// organisation name, under one lower-case article, names one foundation.
fn join_founders(doc: &Document<'_>, res: &Profile, ms: &mut Vec<M>) {
    let mut out: Vec<M> = Vec::with_capacity(ms.len());
    let mut k = 0;
    while k < ms.len() {
        let a = &ms[k];
        if let Some(b) = ms.get(k + 1) {
            let t = doc.fields[a.field].text;
            let between = (b.field == a.field && a.end <= b.start).then(|| &t[a.end..b.start]);
            let joined = between.is_some_and(|w| {
                let w = lower(w.trim());
                res.and_words.contains(&w) || w == "&"
            }) && matches!(a.ty(), EntityType::Person | EntityType::Organization)
                && b.ty() == EntityType::Organization
                && {
                    let last = t[b.start..b.end].rsplit(' ').next().unwrap_or("");
                    res.type_words.get(&key(last)) == Some(&TypeWord::Org)
                }
                && {
                    let prev = tokenize(&before_window(t, a.start), &res.tokens);
                    prev.last()
                        .is_some_and(|p| !p.cap && res.articles.contains_key(&p.lower))
                };
            if joined {
                let mut m = b.clone();
                m.start = a.start;
                out.push(m);
                k += 2;
                continue;
            }
        }
        out.push(ms[k].clone());
        k += 1;
    }
    *ms = out;
}

#[cfg(test)]
mod tests {
    use super::super::tests::{names, run};
    use crate::enrich::profile::Lang;
    use crate::enrich::types::EntityType::{Location as L, Organization as O, Person as P};

    fn has(
        es: &[crate::enrich::types::Entity],
        name: &str,
        ty: crate::enrich::types::EntityType,
    ) -> bool {
        names(es).iter().any(|(n, t)| n == name && *t == ty)
    }

    #[test]
    fn list_items_take_the_type_of_their_class() {
        let t = "Several carmakers, including Renault, Stellantis and Toyota, cut their prices.";
        let es = run(Lang::En, t, &[("Renault", "PERSON"), ("Toyota", "GPE")]);
        for n in ["Renault", "Stellantis", "Toyota"] {
            assert!(has(&es, n, O), "{n}: {:?}", names(&es));
        }
        let t = "Big retailers such as Walmart (groceries) and Target (clothing) raised wages.";
        let es = run(Lang::En, t, &[("Walmart", "PERSON")]);
        assert!(
            has(&es, "Walmart", O) && has(&es, "Target", O),
            "{:?}",
            names(&es)
        );
        let t =
            "Les constructeurs européens, notamment Renault et Volkswagen, ont baissé leurs prix.";
        let es = run(Lang::Fr, t, &[("Renault", "PER")]);
        assert!(
            has(&es, "Renault", O) && has(&es, "Volkswagen", O),
            "{:?}",
            names(&es)
        );
        let t =
            "Les chaînes de télévision publiques à savoir TVR et TVR Sport diffuseront le match.";
        let es = run(Lang::Fr, t, &[]);
        assert!(
            has(&es, "TVR", O) && has(&es, "TVR Sport", O),
            "{:?}",
            names(&es)
        );
    }

    #[test]
    fn a_list_item_ends_at_a_line_break() {
        let t =
            "Le virus touche plusieurs pays, dont la Grèce et la Norvège.\n\nUne femme est morte.";
        let es = run(Lang::Fr, t, &[("Norvège", "LOC")]);
        assert!(has(&es, "Norvège", L), "{:?}", names(&es));
    }

    #[test]
    fn lists_do_not_retype_people_or_reach_across_sentences() {
        let t = "He met officials from several countries, including Keir Starmer and Ursula Smith.";
        let es = run(
            Lang::En,
            t,
            &[("Keir Starmer", "PERSON"), ("Ursula Smith", "PERSON")],
        );
        assert!(
            has(&es, "Keir Starmer", P) && has(&es, "Ursula Smith", P),
            "{:?}",
            names(&es)
        );
        // "like" needs its class right before it.
        let t = "A group of politicians dumping a leader is like the Mafia bumping off a boss.";
        let es = run(Lang::En, t, &[("Mafia", "ORG")]);
        assert!(has(&es, "Mafia", O), "{:?}", names(&es));
        let t = "The cities grew. Including Acme, three firms left.";
        let es = run(Lang::En, t, &[("Acme", "ORG")]);
        assert!(has(&es, "Acme", O), "{:?}", names(&es));
    }

    #[test]
    fn well_known_names_the_model_missed() {
        let t = "Trois blessés, a précisé une porte-parole citée par Reuters. Michael Bloomberg a réagi.";
        let es = run(Lang::Fr, t, &[]);
        assert_eq!(names(&es), [("Reuters".to_string(), O)]);
        // The gazetteer's type beats the model's label.
        let es = run(
            Lang::En,
            "Officials in Nigeria said so.",
            &[("Nigeria", "PERSON")],
        );
        assert_eq!(names(&es), [("Nigeria".to_string(), L)]);
    }

    #[test]
    fn well_known_items_type_a_list_without_class() {
        let t = "It blocked rivals such as Spotify and Vibemix from advertising.";
        let es = run(Lang::En, t, &[("Spotify", "ORG"), ("Vibemix", "PERSON")]);
        assert!(has(&es, "Vibemix", O), "{:?}", names(&es));
        // Items that disagree say nothing.
        let t = "It hired people such as Nigeria and Spotify and Vibemix.";
        let es = run(Lang::En, t, &[("Vibemix", "PERSON")]);
        assert!(has(&es, "Vibemix", P), "{:?}", names(&es));
    }

    #[test]
    fn an_age_in_apposition_makes_a_person() {
        let es = run(
            Lang::Fr,
            "À Lyon, Karim, 34 ans, résume la situation.",
            &[("Lyon", "LOC"), ("Karim", "LOC")],
        );
        assert!(
            has(&es, "Karim", P) && has(&es, "Lyon", L),
            "{:?}",
            names(&es)
        );
        let es = run(
            Lang::En,
            "Dana Okoro, 45, a driver, agreed.",
            &[("Dana Okoro", "ORG")],
        );
        assert!(has(&es, "Dana Okoro", P), "{:?}", names(&es));
        let es = run(
            Lang::En,
            "Okoro Ltd, 45 years after its founding, closed.",
            &[("Okoro Ltd", "ORG")],
        );
        assert!(has(&es, "Okoro Ltd", O), "{:?}", names(&es));
    }

    #[test]
    fn list_items_end_with_lower_case_words_and_titles_are_no_organisations() {
        let t = "Plusieurs partis, dont Les Verts, La France insoumise et Renaissance, doivent choisir.";
        let es = run(Lang::Fr, t, &[("La France", "LOC"), ("Renaissance", "PER")]);
        assert!(
            has(&es, "La France insoumise", O) && has(&es, "Renaissance", O),
            "{:?}",
            names(&es)
        );
        let t = "Senate Majority Leader Chuck Schumer spoke to the Senate.";
        let es = run(
            Lang::En,
            t,
            &[
                ("Senate Majority Leader", "ORG"),
                ("Chuck Schumer", "PERSON"),
                ("Senate", "ORG"),
            ],
        );
        assert_eq!(
            names(&es),
            [("Chuck Schumer".to_string(), P), ("Senate".to_string(), O)]
        );
        // The model may stop before the role word.
        let t = "Foreign Affairs Minister Mélanie Joly spoke to Global Affairs Canada.";
        let es = run(
            Lang::En,
            t,
            &[
                ("Foreign Affairs", "ORG"),
                ("Mélanie Joly", "PERSON"),
                ("Global Affairs Canada", "ORG"),
            ],
        );
        assert_eq!(
            names(&es),
            [
                ("Mélanie Joly".to_string(), P),
                ("Global Affairs Canada".to_string(), O)
            ]
        );
    }

    #[test]
    fn words_around_a_name() {
        let es = run(
            Lang::En,
            "The fire started in the Bywater neighborhood on Monday.",
            &[("Bywater", "ORG")],
        );
        assert!(has(&es, "Bywater", L), "{:?}", names(&es));
        let es = run(
            Lang::Fr,
            "La société Veolia a racheté un immeuble dans le quartier de Belleville.",
            &[("Veolia", "PER"), ("Belleville", "PER")],
        );
        assert!(
            has(&es, "Veolia", O) && has(&es, "Belleville", L),
            "{:?}",
            names(&es)
        );
        let es = run(
            Lang::Fr,
            "Un accord a été signé avec l'agence Tass hier.",
            &[("Tass", "MISC")],
        );
        assert!(has(&es, "Tass", O), "{:?}", names(&es));
    }

    #[test]
    fn adjectives_and_fictional_roles_are_no_entities() {
        let es = run(
            Lang::En,
            "They bought a Tudor-style house near Oxford.",
            &[("Tudor", "PERSON"), ("Oxford", "GPE")],
        );
        assert_eq!(names(&es), [("Oxford".to_string(), L)]);
        let t = "Jessica Chastain co-stars as his wife, Anna. Anna's lines were rewritten.";
        let es = run(
            Lang::En,
            t,
            &[
                ("Jessica Chastain", "PERSON"),
                ("Anna", "PERSON"),
                ("Anna", "PERSON"),
            ],
        );
        assert_eq!(names(&es), [("Jessica Chastain".to_string(), P)]);
        let t = "Léa Drucker incarne Sylvie Martin, une juge. Plus tard, Sylvie Martin doute.";
        let es = run(
            Lang::Fr,
            t,
            &[
                ("Léa Drucker", "PER"),
                ("Sylvie Martin", "PER"),
                ("Sylvie Martin", "PER"),
            ],
        );
        assert_eq!(names(&es), [("Léa Drucker".to_string(), P)]);
        // Real people: a match report, a role in an affair, a portrait.
        let t = "The role of Elon Musk grew. Critics portrayed Joe Biden as weak.";
        let es = run(
            Lang::En,
            t,
            &[("Elon Musk", "PERSON"), ("Joe Biden", "PERSON")],
        );
        assert_eq!(es.len(), 2);
        // A match report is no film.
        let t = "Rafael Nadal plays Roger Federer on Sunday.";
        let es = run(
            Lang::En,
            t,
            &[("Rafael Nadal", "PERSON"), ("Roger Federer", "PERSON")],
        );
        assert_eq!(es.len(), 2);
    }

    #[test]
    fn a_name_in_apposition_to_a_role_is_a_person() {
        let t = "Cette semaine, c'est au patron de Google, Sundar Pichai, de répondre.";
        let es = run(Lang::Fr, t, &[("Google", "ORG"), ("Sundar Pichai", "ORG")]);
        assert!(
            has(&es, "Sundar Pichai", P) && has(&es, "Google", O),
            "{:?}",
            names(&es)
        );
        let t = "Ngozi Adichie, the chief executive of Acme, said little.";
        let es = run(Lang::En, t, &[("Ngozi Adichie", "ORG"), ("Acme", "ORG")]);
        assert!(has(&es, "Ngozi Adichie", P), "{:?}", names(&es));
        let t = "CEO Tanaka Hiroshi spoke first.";
        let es = run(Lang::En, t, &[("Tanaka Hiroshi", "ORG")]);
        assert!(has(&es, "Tanaka Hiroshi", P), "{:?}", names(&es));
        // Places stay places.
        let t = "The minister travelled to Paris, Buenos Aires and Rome.";
        let es = run(
            Lang::En,
            t,
            &[("Paris", "GPE"), ("Buenos Aires", "GPE"), ("Rome", "GPE")],
        );
        assert!(has(&es, "Buenos Aires", L), "{:?}", names(&es));
    }

    #[test]
    fn founders_join_their_foundation_and_suffixes_make_organisations() {
        let t = "Grants came from the Bill and Melinda Gates Foundation and from Louis Lee and the Helis Foundation.";
        let es = run(
            Lang::En,
            t,
            &[
                ("Bill", "PERSON"),
                ("Melinda Gates Foundation", "ORG"),
                ("Louis Lee", "PERSON"),
                ("Helis Foundation", "ORG"),
            ],
        );
        assert!(
            has(&es, "Bill and Melinda Gates Foundation", O),
            "{:?}",
            names(&es)
        );
        assert!(
            has(&es, "Louis Lee", P) && has(&es, "Helis Foundation", O),
            "{:?}",
            names(&es)
        );
        let t =
            "In 1970, Wein's Festival Productions produced the show. The University said nothing.";
        let es = run(Lang::En, t, &[]);
        assert_eq!(names(&es), [("Festival Productions".to_string(), O)]);
        let t = "He taught at the Jamal Heritage School of Music for years.";
        let es = run(Lang::En, t, &[]);
        assert_eq!(
            names(&es),
            [("Jamal Heritage School of Music".to_string(), O)]
        );
    }
}
