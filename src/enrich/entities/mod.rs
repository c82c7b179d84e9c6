//! Canonical entities from NER spans: clean each span as a reader would (articles, possessives,
//! titles, demonyms, names of works), group the mentions of one referent (surname or first
//! name alone, acronym and expansion, case and accent variants, "République du Congo"/"Congo"),
//! name each group by its fullest form, type it by vote and head words, and find the
//! re-occurrences of its surface forms the model missed.

mod context;

use super::ner::EntSpan;
use super::resources::{key, lower, Resources, TypeWord};
use super::text::{slug, CharOffsets};
use super::tokens::tokenize;
use super::{Document, Entity, EntityType, Mention};
use std::collections::HashMap;

/// Coarse type of a model label.
pub fn label_type(label: &str) -> EntityType {
    match label {
        "PER" | "PERSON" => EntityType::Person,
        "LOC" | "GPE" | "FAC" => EntityType::Location,
        "ORG" => EntityType::Organization,
        _ => EntityType::Misc,
    }
}

/// A cleaned mention: byte offsets into field `field`.
#[derive(Clone, Debug)]
struct M {
    field: usize,
    start: usize,
    end: usize,
    /// The model's label; empty for a name found by a rule.
    label: String,
    /// The type the context gives it ("the X neighborhood"), which outvotes labels.
    hint: Option<EntityType>,
}

impl M {
    /// A name found by a rule rather than the model.
    fn found(field: usize, start: usize, end: usize, ty: EntityType) -> M {
        M {
            field,
            start,
            end,
            label: String::new(),
            hint: Some(ty),
        }
    }

    /// Its type: the context's, else the model's.
    fn ty(&self) -> EntityType {
        self.hint.unwrap_or_else(|| label_type(&self.label))
    }
}

const OPEN_MARKS: &[char] = &['«', '“', '"', '„', '‹', '‘'];
const CLOSE_MARKS: &[char] = &['»', '”', '"', '“', '›', '’'];

/// Group NER spans (field index, span in bytes) into canonical entities with code-point mentions.
pub fn canonicalize(
    doc: &Document<'_>,
    lang: &str,
    spans: &[(usize, EntSpan)],
    res: &Resources,
) -> Vec<Entity> {
    let mut ms: Vec<M> = Vec::new();
    // Where other spans start and end: a span is never extended into another.
    let bounds: std::collections::HashSet<(usize, usize)> = spans
        .iter()
        .flat_map(|(fi, sp)| [(*fi, sp.start), (*fi, sp.end)])
        .collect();
    for (fi, sp) in spans {
        let Some(f) = doc.fields.get(*fi) else {
            continue;
        };
        let t = f.text;
        if sp.start >= sp.end
            || sp.end > t.len()
            || !t.is_char_boundary(sp.start)
            || !t.is_char_boundary(sp.end)
        {
            continue;
        }
        let extend = !(lang == "en" && f.name == "title");
        let free = |b: usize| !bounds.contains(&(*fi, b));
        for (s, e) in clean_span(
            t,
            sp.start,
            sp.end,
            label_type(&sp.label),
            extend,
            &free,
            lang,
            res,
        ) {
            ms.push(M {
                field: *fi,
                start: s,
                end: e,
                label: sp.label.clone(),
                hint: None,
            });
        }
    }
    ms.sort_by_key(|m| (m.field, m.start, std::cmp::Reverse(m.end)));
    // Merge spans joined by a hyphen ("Tharp" + "-Sontheimer-Laudumiey Funeral Home"); drop overlaps.
    let mut merged: Vec<M> = Vec::new();
    for m in ms {
        if let Some(last) = merged.last_mut() {
            if last.field == m.field && m.start < last.end {
                continue;
            }
            let t = doc.fields[m.field].text;
            // "the City of" + "Houston": a name cut after its inner word (of one type: "Nouvelles
            // attaques de" + "Trump" is no name).
            let cut = last.field == m.field
                && label_type(&last.label) == label_type(&m.label)
                && m.start == last.end + 1
                && t.as_bytes()[last.end] == b' '
                && t[last.start..last.end]
                    .rsplit(' ')
                    .next()
                    .is_some_and(|w| res.context.inner.contains(&lower(w)));
            if cut {
                last.label = m.label.clone();
                last.end = m.end;
                continue;
            }
            if last.field == m.field && m.start == last.end + 1 && t.as_bytes()[last.end] == b'-' {
                if m.end - m.start > last.end - last.start {
                    last.label = m.label.clone();
                }
                last.end = m.end;
                continue;
            }
        }
        merged.push(m);
    }
    let text_of = |m: &M| &doc.fields[m.field].text[m.start..m.end];
    // Drop hyphenated compounds of other names ("Congo-Cap-Vert").
    let keys: std::collections::HashSet<String> = merged.iter().map(|m| key(text_of(m))).collect();
    merged.retain(|m| !compound_of_known(text_of(m), &keys));
    // Drop a lone capitalised word at the start of a sentence that the text also writes in
    // lower case: a common noun ("Grève à la SNCF" … "la grève").
    merged.retain(|m| {
        let (t, w) = (doc.fields[m.field].text, text_of(m));
        let at_start = t[..m.start]
            .trim_end()
            .chars()
            .next_back()
            .is_none_or(|c| matches!(c, '.' | '!' | '?' | ':' | '\n' | '«' | '"' | '“'));
        let lw = lower(w);
        let common = !w.contains([' ', '-', '\'', '’'])
            && w.chars().skip(1).all(char::is_lowercase)
            && doc.fields.iter().any(|f| {
                f.text
                    .match_indices(lw.as_str())
                    .any(|(i, _)| word_bounded(f.text, i, i + lw.len()))
            });
        !(at_start && common)
    });
    context::apply(doc, lang, res, &mut merged);

    // Clusters: first by key, then linked.
    let mut cl_of_key: HashMap<String, usize> = HashMap::new();
    let mut clusters: Vec<Vec<usize>> = Vec::new();
    for (i, m) in merged.iter().enumerate() {
        let k = cluster_key(text_of(m), res);
        let c = *cl_of_key.entry(k).or_insert_with(|| {
            clusters.push(Vec::new());
            clusters.len() - 1
        });
        clusters[c].push(i);
    }
    let mut uf: Vec<usize> = (0..clusters.len()).collect();
    let info: Vec<ClusterInfo> = clusters
        .iter()
        .map(|c| {
            ClusterInfo::new(
                c.iter().map(|&i| (text_of(&merged[i]), merged[i].ty())),
                res,
            )
        })
        .collect();
    link_clusters(&info, &mut uf, doc, &merged, res);

    let mut groups: HashMap<usize, Vec<usize>> = HashMap::new();
    for (c, idx) in clusters.iter().enumerate() {
        groups.entry(find(&mut uf, c)).or_default().extend(idx);
    }
    let mut groups: Vec<Vec<usize>> = groups.into_values().collect();
    for g in &mut groups {
        g.sort_by_key(|&i| (merged[i].field, merged[i].start));
    }
    groups.sort_by_key(|g| (merged[g[0]].field, merged[g[0]].start));

    let offs: Vec<CharOffsets> = doc
        .fields
        .iter()
        .map(|f| CharOffsets::new(f.text))
        .collect();
    // Spans already taken per field (start → end; they do not overlap).
    let mut taken: Vec<std::collections::BTreeMap<usize, usize>> =
        vec![Default::default(); doc.fields.len()];
    for m in &merged {
        taken[m.field].insert(m.start, m.end);
    }
    let overlaps = |t: &std::collections::BTreeMap<usize, usize>, s: usize, e: usize| {
        t.range(..e).next_back().is_some_and(|(_, &b)| b > s)
    };
    let mut out: Vec<Entity> = Vec::new();
    let mut ids: HashMap<String, usize> = HashMap::new();
    for g in groups {
        let texts: Vec<&str> = g.iter().map(|&i| text_of(&merged[i])).collect();
        let name = fullest(&texts).to_string();
        let name_key = key(&name);
        let mut votes: Vec<(EntityType, usize, usize)> = Vec::new();
        let mut labels: HashMap<&str, usize> = HashMap::new();
        for (n, &i) in g.iter().enumerate() {
            if !merged[i].label.is_empty() {
                *labels.entry(merged[i].label.as_str()).or_default() += 1;
            }
            let mut weight = if key(texts[n]) == name_key { 3 } else { 1 };
            if merged[i].hint.is_some() {
                // What the sentence says outweighs the model's guesses.
                weight *= 4;
            }
            let t = merged[i].ty();
            match votes.iter_mut().find(|v| v.0 == t) {
                Some(v) => v.1 += weight,
                None => votes.push((t, weight, n)),
            }
        }
        votes.sort_by_key(|v| (std::cmp::Reverse(v.1), v.2));
        let voted = votes[0].0;
        // A well-known name settles it; then the name's own head words.
        let ty = match super::gazetteer::gazetteer().lookup(&name) {
            Some((t, _)) => t,
            None => type_override(&name, voted, res).unwrap_or(voted),
        };
        let label = labels
            .into_iter()
            .max_by_key(|(l, n)| (*n, std::cmp::Reverse(*l)))
            .map(|(l, _)| l.to_string());
        let mut mentions: Vec<(usize, usize, usize)> = g
            .iter()
            .map(|&i| (merged[i].field, merged[i].start, merged[i].end))
            .collect();
        // Re-occurrences of the surface forms that the model missed.
        let mut forms: Vec<&str> = texts.clone();
        forms.sort_unstable();
        forms.dedup();
        for form in forms {
            if form.chars().count() < 2 || !form.chars().next().is_some_and(char::is_uppercase) {
                continue;
            }
            for (fi, f) in doc.fields.iter().enumerate() {
                for (s, _) in f.text.match_indices(form) {
                    let e = s + form.len();
                    if !word_bounded(f.text, s, e) || overlaps(&taken[fi], s, e) {
                        continue;
                    }
                    taken[fi].insert(s, e);
                    mentions.push((fi, s, e));
                }
            }
        }
        mentions.sort_unstable();
        let base = format!("{}:{}", ty.as_str(), slug(&name));
        let n = ids.entry(base.clone()).or_default();
        *n += 1;
        let id = if *n == 1 { base } else { format!("{base}-{n}") };
        out.push(Entity {
            id,
            name,
            entity_type: ty,
            label,
            mentions: mentions
                .into_iter()
                .map(|(fi, s, e)| Mention {
                    field: doc.fields[fi].name.to_string(),
                    start: offs[fi].char_of(s),
                    end: offs[fi].char_of(e),
                    text: doc.fields[fi].text[s..e].to_string(),
                })
                .collect(),
            kb_id: None,
        });
    }
    out
}

fn word_bounded(t: &str, s: usize, e: usize) -> bool {
    let before = t[..s].chars().next_back();
    let after = t[e..].chars().next();
    !before.is_some_and(|c| c.is_alphanumeric() || c == '-')
        && !after.is_some_and(|c| c.is_alphanumeric() || c == '-')
}

/// The fullest form: most words, then not shouted (a dateline's "NEW ORLEANS"), then most
/// frequent, then first.
fn fullest<'a>(texts: &[&'a str]) -> &'a str {
    let mut freq: HashMap<&str, usize> = HashMap::new();
    for t in texts {
        *freq.entry(t).or_default() += 1;
    }
    let mut best = texts[0];
    let mut best_score = (0usize, false, 0usize);
    for t in texts {
        let shouted = t.chars().filter(|c| c.is_alphabetic()).count() > 4
            && !t.chars().any(char::is_lowercase);
        let score = (t.split_whitespace().count(), !shouted, freq[t]);
        if score > best_score {
            best = t;
            best_score = score;
        }
    }
    best
}

/// Per cluster: its key tokens and coarse type by plain vote.
struct ClusterInfo {
    toks: Vec<String>,
    ty: EntityType,
    acronym: Option<String>,
    /// Some mention was labelled a person.
    has_per: bool,
    /// Initials only ("J.C.").
    initials: bool,
}

impl ClusterInfo {
    fn new<'a>(ms: impl Iterator<Item = (&'a str, EntityType)>, res: &Resources) -> Self {
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
        let toks: Vec<String> = key(text)
            .replace('&', " and ")
            .split_whitespace()
            .map(str::to_string)
            .collect();
        let letters: String = text.chars().filter(|c| *c != '.').collect();
        let acronym = (letters.chars().count() >= 2
            && letters.chars().count() <= 6
            && letters.chars().all(|c| c.is_uppercase()))
        .then(|| key(&letters));
        let initials = text.ends_with('.') && text.split('.').all(|p| p.chars().count() <= 1);
        ClusterInfo {
            toks,
            ty,
            acronym,
            has_per,
            initials,
        }
    }
}

fn find(uf: &mut [usize], mut x: usize) -> usize {
    while uf[x] != x {
        uf[x] = uf[uf[x]];
        x = uf[x];
    }
    x
}

/// Link clusters of one referent: person short forms, suffixes of longer names, acronyms.
fn link_clusters(
    info: &[ClusterInfo],
    uf: &mut [usize],
    doc: &Document<'_>,
    ms: &[M],
    res: &Resources,
) {
    let n = info.len();
    let stop_word = |w: &str| {
        res.particles.contains(w)
            || res.articles.contains_key(w)
            || res.and_words.contains(w)
            || w == "l'"
            || w == "d'"
    };
    for a in 0..n {
        let ia = &info[a];
        if ia.toks.is_empty() {
            continue;
        }
        let mut targets: Vec<usize> = Vec::new();
        for (b, ib) in info.iter().enumerate() {
            if a == b {
                continue;
            }
            let known_pair = ia.acronym.as_ref().is_some_and(|ac| {
                ib.ty != EntityType::Person
                    && res
                        .acronyms
                        .iter()
                        .any(|(x, exps)| x == ac && exps.iter().any(|e| *e == ib.toks.join(" ")))
            });
            if known_pair {
                targets.push(b);
                continue;
            }
            if ib.toks.len() <= ia.toks.len() {
                continue;
            }
            let la = ia.toks.len();
            let suffix = ib.toks[ib.toks.len() - la..] == ia.toks[..];
            let prefix = ib.toks[..la] == ia.toks[..];
            let linked = match ib.ty {
                EntityType::Person => {
                    // Surname or first name alone of a person named in full.
                    // A surname misspelt by one swapped, missing or wrong letter ("Chastian"
                    // for "Chastain") is still the person's.
                    let misspelt = la == 1
                        && ia.ty == EntityType::Person
                        && one_typo(&ia.toks[0], &ib.toks[ib.toks.len() - 1]);
                    (ia.ty != EntityType::Location || ia.has_per || ia.initials)
                        && (suffix || (prefix && la == 1) || misspelt)
                        && ib.toks.iter().all(|w| !res.and_words.contains(w))
                }
                EntityType::Organization | EntityType::Location => {
                    // Facilities are named as places or as organisations: either links.
                    let same = ia.ty != EntityType::Person;
                    let state = la == 1
                        && suffix
                        && res.type_words.get(&ib.toks[0]) == Some(&TypeWord::State);
                    let generic = prefix
                        && ib.toks[la..].iter().all(|w| {
                            matches!(res.type_words.get(w), Some(TypeWord::Loc | TypeWord::Legal))
                        });
                    // "the Commission" after "the European Commission", "la Commission" after
                    // "la Commission européenne": an organisation's head noun alone.
                    let head = la == 1
                        && ib.ty == EntityType::Organization
                        && res.type_words.get(&ia.toks[0]) == Some(&TypeWord::Org)
                        && if res.lang == "en" { suffix } else { prefix };
                    same && ((la >= 2 && suffix) || state || generic || head)
                }
                EntityType::Misc => false,
            };
            let acro = ia.acronym.as_ref().is_some_and(|ac| {
                ib.ty != EntityType::Person
                    && ib
                        .toks
                        .iter()
                        .filter(|w| !stop_word(w))
                        .filter_map(|w| w.chars().next())
                        .collect::<String>()
                        == *ac
                    && ac.chars().count() >= 3
            });
            if linked || acro {
                targets.push(b);
            }
        }
        // Link when the referent is unambiguous (all targets are one entity already), or, for
        // persons sharing a name ("Wein" beside "George Wein" and "Joyce Wein"), to the one named
        // first, as a reader does.
        let roots: std::collections::HashSet<usize> =
            targets.iter().map(|&b| find(uf, b)).collect();
        let pick = if roots.len() == 1 {
            targets.first().copied()
        } else if !targets.is_empty() && targets.iter().all(|&b| info[b].ty == EntityType::Person) {
            targets.iter().min().copied()
        } else {
            None
        };
        if let Some(b) = pick {
            let (ra, rb) = (find(uf, a), find(uf, b));
            if ra != rb {
                uf[ra] = rb;
            }
        }
    }
    // Parenthetical definitions: "Organisation mondiale de la santé (OMS)".
    for (i, m) in ms.iter().enumerate() {
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
        // Its letters must come from the name in order, the first starting a word:
        // "Organisation mondiale de la santé (OMS)", "University of Twente Network Operations
        // Center (NOC)", not a dateline's "NEW ORLEANS (AP)".
        let name = key(&t[m.start..m.end]);
        let spelled = name.split(' ').enumerate().any(|(i, _)| {
            let rest: String = name.split(' ').skip(i).collect();
            let mut letters = rest.chars();
            rest.chars().next() == ac.chars().next()
                && ac
                    .chars()
                    .filter(|c| c.is_alphanumeric())
                    .all(|c| letters.any(|n| n == c))
        });
        if !spelled {
            continue;
        }
        let ca = info
            .iter()
            .position(|x| x.acronym.as_deref() == Some(ac.as_str()));
        let cm = info.iter().position(|x| {
            x.toks.join(" ")
                == key(&t[m.start..m.end])
                    .replace('&', " and ")
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
        });
        if let (Some(ca), Some(cm)) = (ca, cm) {
            let (ra, rm) = (find(uf, ca), find(uf, cm));
            if ra != rm {
                uf[ra] = rm;
            }
        }
        let _ = i;
    }
}

/// Whether two words of at least 6 letters differ by one swap of neighbouring letters, the
/// commonest typo ("Chastian" for "Chastain"); other one-letter differences are as often
/// other names ("Martins", "Hanson").
fn one_typo(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a == b || a.len() != b.len() || a.len() < 6 {
        return false;
    }
    let p = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    p + 1 < a.len() && a[p] == b[p + 1] && a[p + 1] == b[p] && a[p + 2..] == b[p + 2..]
}

/// Type decided by the name itself, when it settles it: institutions named by their seat, event,
/// organisation and place head words, initials, a known first name.
fn type_override(name: &str, voted: EntityType, res: &Resources) -> Option<EntityType> {
    let k = key(name);
    if res.type_words.get(&k) == Some(&TypeWord::Metonym) {
        return Some(EntityType::Organization);
    }
    let words: Vec<&str> = k.split_whitespace().collect();
    let (first, last) = (words.first().copied()?, words.last().copied()?);
    let head = |w: &str| res.type_words.get(w).copied();
    // The head of a name is its last word in English ("Festival Productions"), its first in
    // French ("Festival de Cannes").
    let heads = if res.lang == "en" {
        [head(last), head(first)]
    } else {
        [head(first), head(last)]
    };
    for h in heads.into_iter().flatten() {
        match h {
            TypeWord::Event => return Some(EntityType::Misc),
            TypeWord::Org if words.len() >= 2 && voted != EntityType::Person => {
                return Some(EntityType::Organization)
            }
            TypeWord::Loc
                if words.len() >= 2
                    && (voted != EntityType::Person || name.starts_with(char::is_lowercase)) =>
            {
                return Some(EntityType::Location)
            }
            _ => {}
        }
    }
    let raw: Vec<&str> = name.split_whitespace().collect();
    let initials = raw.len() >= 2
        && raw[..raw.len() - 1].iter().all(|w| {
            w.len() <= 5
                && w.ends_with('.')
                && w.chars().filter(|c| c.is_uppercase()).count() >= 1
                && w.chars().filter(|c| c.is_alphabetic()).count() <= 2
        })
        && raw[raw.len() - 1]
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
        && raw[raw.len() - 1].chars().count() > 2;
    if initials && voted != EntityType::Location {
        return Some(EntityType::Person);
    }
    let all_cap = raw
        .iter()
        .all(|w| w.chars().next().is_some_and(char::is_uppercase));
    if (2..=3).contains(&raw.len())
        && all_cap
        && voted != EntityType::Location
        && res.first_names.contains_key(&lower(raw[0]))
    {
        return Some(EntityType::Person);
    }
    None
}

/// Grouping key: [`key`] without leading articles ("Le Monde" and "Monde" are one name).
fn cluster_key(text: &str, res: &Resources) -> String {
    let k = key(text);
    let mut rest = k.as_str();
    while let Some((w, r)) = rest.split_once(' ') {
        if !res.articles.contains_key(w) {
            break;
        }
        rest = r;
    }
    if let Some(r) = rest.strip_prefix("l'") {
        rest = r;
    }
    rest.to_string()
}

/// Whether a hyphenated name is made of other names of the text ("Congo-Cap-Vert").
fn compound_of_known(text: &str, keys: &std::collections::HashSet<String>) -> bool {
    if text.contains(' ') || !text.contains('-') {
        return false;
    }
    let parts: Vec<&str> = text.split('-').collect();
    // Split points where both sides are known names (each side may itself hold hyphens).
    (1..parts.len()).any(|i| {
        let (l, r) = (parts[..i].join("-"), parts[i..].join("-"));
        keys.contains(&key(&l)) && keys.contains(&key(&r))
    })
}

/// Clean one span as a reader would: trim leading articles and punctuation, trailing
/// possessives and punctuation, extend over capitalised words the model cut off, split
/// coordinated person names; return nothing for spans that are not entities.
#[allow(clippy::too_many_arguments)]
fn clean_span(
    t: &str,
    s: usize,
    e: usize,
    ty: EntityType,
    extend: bool,
    free: &dyn Fn(usize) -> bool,
    lang: &str,
    res: &Resources,
) -> Vec<(usize, usize)> {
    let (mut s, mut e) = (s, e);
    // Leading punctuation and articles.
    loop {
        let seg = &t[s..e];
        let Some(c) = seg.chars().next() else {
            return Vec::new();
        };
        if !c.is_alphanumeric() {
            s += c.len_utf8();
            continue;
        }
        let toks = tokenize(seg, lang);
        // An article is dropped when written in lower case or elided ("the Foundation",
        // "l'ONU"), or at the start of a sentence; a capitalised one inside a sentence belongs
        // to the name ("Le Monde", "The Hague").
        let sentence_start = t[..s]
            .trim_end()
            .chars()
            .next_back()
            .is_none_or(|c| matches!(c, '.' | '!' | '?' | ':' | '«' | '"' | '“' | '(' | '—'));
        let droppable =
            !toks.is_empty() && (!toks[0].cap || toks[0].lower.ends_with('\'') || sentence_start);
        if toks.len() >= 2
            && toks[0].word
            && droppable
            && res.articles.contains_key(&toks[0].lower)
            && toks[1].cap
            && toks[1].word
        {
            s += toks[1].start;
            continue;
        }
        // A title before a person's name ("Me Sébastien Schapira", "Dr. Ann Lee").
        if ty == EntityType::Person && toks[0].word && res.role(&toks[0].lower).is_some() {
            if let Some(n) = toks.iter().skip(1).find(|t| t.word).filter(|t| t.cap) {
                s += n.start;
                continue;
            }
        }
        // A house number before a street name ("2015 Washtenaw Avenue").
        if ty == EntityType::Location
            && toks.len() >= 2
            && toks[0].lower.chars().all(|c| c.is_ascii_digit())
            && toks[1].cap
        {
            s += toks[1].start;
            continue;
        }
        break;
    }
    // A street word the model left out ("rue Erlanger", often labelled a person); not before
    // a date ("along the coast Monday").
    if let Some(b) = t[..s].strip_suffix(' ').filter(|_| ty != EntityType::Misc) {
        // The whitespace may be wider than one byte (U+2000...): step over the whole char.
        let w_start = b
            .char_indices()
            .rfind(|(_, c)| c.is_whitespace())
            .map_or(0, |(i, c)| i + c.len_utf8());
        let w = &b[w_start..];
        if w.starts_with(char::is_lowercase)
            && res.type_words.get(&key(w)) == Some(&TypeWord::Loc)
            && free(w_start + w.len())
        {
            s = w_start;
        }
    }
    // Trailing possessive and punctuation.
    loop {
        let seg = &t[s..e];
        let Some(c) = seg.chars().next_back() else {
            return Vec::new();
        };
        if let Some(x) = seg.strip_suffix("'s").or_else(|| seg.strip_suffix("’s")) {
            e = s + x.len();
            continue;
        }
        if c == '.' {
            let last = seg.rsplit(' ').next().unwrap_or(seg);
            if last.trim_end_matches('.').contains('.')
                || last.chars().filter(|c| c.is_alphabetic()).count() <= 3
            {
                break;
            }
        } else if c.is_alphanumeric() || c == '+' || c == ')' {
            break;
        }
        e -= c.len_utf8();
    }
    if s >= e {
        return Vec::new();
    }
    // Only names are extended, not dates or numbers the model found ("2015" + "Washtenaw Avenue").
    if !t[s..e].chars().any(char::is_alphabetic) {
        return Vec::new();
    }
    // An amount the model ran into ("Apple 1.8 billion euros"); "Airbus A320" and "Ligue 1"
    // keep their numbers.
    if ty != EntityType::Misc {
        let toks = tokenize(&t[s..e], lang);
        let amount = toks.windows(2).position(|w| {
            w[0].lower.starts_with(|c: char| c.is_ascii_digit()) && w[1].word && !w[1].cap
        });
        if let Some(i) = amount.filter(|&i| i >= 1) {
            e = s + t[s..s + toks[i].start].trim_end().len();
        }
    }
    let name_like = ty != EntityType::Misc || !t[s..e].chars().any(|c| c.is_numeric());
    if extend && name_like && t[s..e].chars().next_back().is_some_and(char::is_alphabetic) {
        // Capitalised words the model cut off on the right ("Nations" + "Unies"), and an
        // acronym on the left ("CRTV" + "Sport").
        for _ in 0..2 {
            let rest = &t[e..];
            let Some(r) = rest.strip_prefix(' ') else {
                break;
            };
            let w_end = r
                .find(|c: char| !(c.is_alphanumeric() || c == '-'))
                .unwrap_or(r.len());
            let w = &r[..w_end];
            let ok = w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().count() >= 2
                && !t[s..e].ends_with('.')
                && free(e + 1)
                && !blocks_extension(w, res);
            if !ok {
                break;
            }
            e += 1 + w_end;
        }
        let before = &t[..s];
        if let Some(b) = before
            .strip_suffix(' ')
            .filter(|_| ty == EntityType::Organization)
        {
            let w_start = b
                .rfind(|c: char| !c.is_alphanumeric())
                .map_or(0, |i| i + b[i..].chars().next().map_or(1, char::len_utf8));
            let w = &b[w_start..];
            if w.chars().count() >= 2
                && w.chars().all(|c| c.is_uppercase())
                && !blocks_extension(w, res)
                && free(w_start + w.len())
            {
                s = w_start;
            }
        }
    }
    let text = &t[s..e];
    let k = key(text);
    let lw = lower(text);
    if (res.stop.contains(&k) && ty != EntityType::Person)
        || res.is_role_name(text)
        || res.pronouns.contains_key(&lw)
        || res.articles.contains_key(&lw)
    {
        return Vec::new();
    }
    if res.demonyms.contains(&k)
        || (text.contains('-')
            && !text.contains(' ')
            && text.split('-').all(|p| res.demonyms.contains(&key(p))))
    {
        return Vec::new();
    }
    if lang == "fr"
        && !text.contains(' ')
        && [
            "ais", "aise", "aises", "ois", "oise", "oises", "ien", "iens", "ienne", "iennes",
        ]
        .iter()
        .any(|suf| k.ends_with(suf))
    {
        // Up to 8 bytes back, widened to a char boundary.
        let mut from = s.saturating_sub(8);
        while !t.is_char_boundary(from) {
            from -= 1;
        }
        let prev = tokenize(&t[from..s], lang);
        if prev.last().is_some_and(|p| {
            (res.articles.contains_key(&p.lower) && p.lower != "l'") || p.lower == "aux"
        }) {
            return Vec::new();
        }
    }
    let first_word = text.split([' ', '\'', '’']).next().unwrap_or("");
    if text.chars().next().is_some_and(char::is_lowercase)
        && !res.particles.contains(&lower(first_word))
        && res.type_words.get(&key(first_word)) != Some(&TypeWord::Loc)
    {
        return Vec::new();
    }
    // A name of a work between quotation marks («Tournesols»).
    let prev = t[..s].chars().next_back();
    let next = t[e..].chars().next();
    if prev.is_some_and(|c| OPEN_MARKS.contains(&c))
        && next.is_some_and(|c| CLOSE_MARKS.contains(&c))
    {
        return Vec::new();
    }
    // Coordinated person names: "Jean et Marie Dupont" → "Jean", "Marie Dupont".
    if ty == EntityType::Person {
        let toks = tokenize(text, lang);
        if let Some(i) = toks.iter().position(|x| res.and_words.contains(&x.lower)) {
            if i >= 1 && i + 1 < toks.len() {
                return vec![(s, s + toks[i - 1].end), (s + toks[i + 1].start, e)];
            }
        }
    }
    vec![(s, e)]
}

fn blocks_extension(w: &str, res: &Resources) -> bool {
    let l = lower(w);
    res.roles.contains_key(&l)
        || res.stop.contains(&key(w))
        || res.pronouns.contains_key(&l)
        || res.articles.contains_key(&l)
        || res.cues_starting(&l).next().is_some()
        || res.demonyms.contains(&key(w))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::enrich::TextField;

    pub(super) fn run(lang: &str, text: &str, spans: &[(&str, &str)]) -> Vec<Entity> {
        let res = Resources::for_lang(lang).unwrap();
        let doc = Document {
            fields: vec![TextField { name: "body", text }],
            lang: Some(lang),
        };
        let mut sp = Vec::new();
        let mut from = 0;
        for (s, l) in spans {
            let i = from + text[from..].find(s).unwrap();
            sp.push((
                0,
                EntSpan {
                    start: i,
                    end: i + s.len(),
                    label: l.to_string(),
                },
            ));
            from = i + s.len();
        }
        canonicalize(&doc, lang, &sp, &res)
    }

    pub(super) fn names(es: &[Entity]) -> Vec<(String, EntityType)> {
        es.iter().map(|e| (e.name.clone(), e.entity_type)).collect()
    }

    #[test]
    fn surnames_acronyms_articles() {
        let t = "Jean Dupuis est arrivé à l'ONU. Les Nations unies l'ont reçu, et Dupuis a parlé aux Lyonnais. Dupuis repart lundi.";
        let es = run(
            "fr",
            t,
            &[
                ("Jean Dupuis", "PER"),
                ("l'ONU", "ORG"),
                ("Les Nations unies", "ORG"),
                ("Dupuis", "ORG"),
                ("Lyonnais", "LOC"),
            ],
        );
        let n = names(&es);
        assert_eq!(
            n,
            [
                ("Jean Dupuis".into(), EntityType::Person),
                ("Nations unies".into(), EntityType::Organization)
            ],
            "{n:?}"
        );
        assert_eq!(es[0].mentions.len(), 3, "{:?}", es[0].mentions);
        assert_eq!(es[0].id, "person:jean-dupuis");
        assert_eq!(es[1].mentions[0].text, "ONU");
    }

    #[test]
    fn parenthetical_titles_and_offsets() {
        let t = "L’Organisation mondiale de la santé (OMS) et la Haute-Commissaire Émilie Roux, à Genève.";
        let es = run(
            "fr",
            t,
            &[
                ("L’Organisation mondiale de la santé", "ORG"),
                ("OMS", "ORG"),
                ("Haute-Commissaire", "ORG"),
                ("Émilie Roux", "PER"),
                ("Genève", "LOC"),
            ],
        );
        let n = names(&es);
        assert_eq!(n.len(), 3, "{n:?}");
        assert_eq!(es[0].name, "Organisation mondiale de la santé");
        let chars: Vec<char> = t.chars().collect();
        for e in &es {
            for m in &e.mentions {
                assert_eq!(chars[m.start..m.end].iter().collect::<String>(), m.text);
            }
        }
    }

    #[test]
    fn english_coordination_possessive_and_types() {
        let t = "Anna and Paul Kessler visited the Mills Museum's garden. Kessler's friend met Dr. Lee at Elm Street. The Kremlin said nothing on Tuesday.";
        let es = run(
            "en",
            t,
            &[
                ("Anna and Paul Kessler", "PERSON"),
                ("the Mills Museum's", "GPE"),
                ("Kessler", "ORG"),
                ("Elm Street", "ORG"),
                ("Kremlin", "GPE"),
                ("Tuesday", "DATE"),
            ],
        );
        let n = names(&es);
        assert!(
            n.contains(&("Paul Kessler".into(), EntityType::Person)),
            "{n:?}"
        );
        assert!(n.contains(&("Anna".into(), EntityType::Person)), "{n:?}");
        assert!(
            n.contains(&("Mills Museum".into(), EntityType::Organization)),
            "{n:?}"
        );
        assert!(
            n.contains(&("Elm Street".into(), EntityType::Location)),
            "{n:?}"
        );
        assert!(
            n.contains(&("Kremlin".into(), EntityType::Organization)),
            "{n:?}"
        );
        let pk = es.iter().find(|e| e.name == "Paul Kessler").unwrap();
        assert_eq!(pk.mentions.len(), 2);
    }

    #[test]
    fn capitalised_article_inside_a_name() {
        let t = "Selon Le Monde, la ville est calme. Le Monde cite aussi The Hague Times.";
        let es = run("fr", t, &[("Le Monde", "ORG"), ("Le Monde", "ORG")]);
        assert_eq!(es.len(), 1);
        assert_eq!(es[0].name, "Le Monde");
        assert_eq!(es[0].mentions.len(), 2);
    }

    #[test]
    fn streets_titles_legal_forms() {
        let t = "Le feu a pris rue Erlanger, selon Me Paul Roy. Apple Inc. a confirmé ; Apple ne commente pas l'AI.";
        let es = run(
            "fr",
            t,
            &[
                ("Erlanger", "PER"),
                ("Me Paul Roy", "PER"),
                ("Apple Inc.", "ORG"),
                ("Apple", "ORG"),
                ("AI", "ORG"),
            ],
        );
        let n = names(&es);
        assert!(
            n.contains(&("rue Erlanger".into(), EntityType::Location)),
            "{n:?}"
        );
        assert!(
            n.contains(&("Paul Roy".into(), EntityType::Person)),
            "{n:?}"
        );
        let apple = es.iter().find(|e| e.name == "Apple Inc.").unwrap();
        assert_eq!(apple.mentions.len(), 2, "{:?}", apple.mentions);
        assert!(
            n.contains(&("AI".into(), EntityType::Organization)),
            "{n:?}"
        );
    }

    #[test]
    fn one_typo_links_a_surname() {
        assert!(one_typo("chastian", "chastain"));
        assert!(!one_typo("chastan", "chastain"));
        assert!(!one_typo("chastein", "chastain"));
        assert!(!one_typo("chas", "chaz"));
        assert!(!one_typo("martins", "martin"));
        assert!(!one_typo("chastain", "chastain"));
        assert!(!one_typo("castaing", "chastain"));
        let t = "Jessica Chastain co-stars. Later Chastian, 37, spoke.";
        let es = run(
            "en",
            t,
            &[("Jessica Chastain", "PERSON"), ("Chastian", "PERSON")],
        );
        assert_eq!(
            names(&es),
            [("Jessica Chastain".to_string(), EntityType::Person)]
        );
    }

    #[test]
    fn a_name_cut_after_its_inner_word_is_joined() {
        let t = "Funds came from the City of Houston last year.";
        let es = run("en", t, &[("the City of", "GPE"), ("Houston", "GPE")]);
        assert_eq!(
            names(&es),
            [("City of Houston".to_string(), EntityType::Location)]
        );
    }

    #[test]
    fn datelines_amounts_and_head_nouns() {
        let t = "NEW ORLEANS (AP) — Crews worked in New Orleans. The Regional Commission fined Acme 1.8 billion euros; the Commission said so.";
        let es = run(
            "en",
            t,
            &[
                ("NEW ORLEANS", "GPE"),
                ("AP", "ORG"),
                ("New Orleans", "GPE"),
                ("The Regional Commission", "ORG"),
                ("Acme 1.8 billion", "ORG"),
                ("Commission", "ORG"),
            ],
        );
        let n = names(&es);
        assert_eq!(
            n,
            [
                ("New Orleans".into(), EntityType::Location),
                ("AP".into(), EntityType::Organization),
                ("Regional Commission".into(), EntityType::Organization),
                ("Acme".into(), EntityType::Organization),
            ],
            "{n:?}"
        );
        let t = "La Commission européenne a tranché. La Commission a ajouté que la Ligue 1 reprendrait.";
        let es = run(
            "fr",
            t,
            &[
                ("La Commission européenne", "ORG"),
                ("La Commission", "ORG"),
                ("Ligue 1", "ORG"),
            ],
        );
        let n = names(&es);
        assert_eq!(
            n,
            [
                ("Commission européenne".into(), EntityType::Organization),
                ("Ligue 1".into(), EntityType::Organization),
            ],
            "{n:?}"
        );
    }

    #[test]
    fn no_panic_on_bad_spans() {
        let t = "é«»";
        let es = run("fr", t, &[]);
        assert!(es.is_empty());
        let res = Resources::for_lang("fr").unwrap();
        let doc = Document {
            fields: vec![TextField {
                name: "body",
                text: t,
            }],
            lang: Some("fr"),
        };
        let sp = vec![
            (
                0,
                EntSpan {
                    start: 1,
                    end: 9,
                    label: "PER".into(),
                },
            ),
            (
                3,
                EntSpan {
                    start: 0,
                    end: 1,
                    label: "PER".into(),
                },
            ),
            (
                0,
                EntSpan {
                    start: 0,
                    end: 2,
                    label: "PER".into(),
                },
            ),
        ];
        let _ = canonicalize(&doc, "fr", &sp, &res);
    }
}
