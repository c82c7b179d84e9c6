//! Lists after a connector ("carmakers, including Renault, Stellantis and Toyota"): their
//! capitalised items, typed by the class noun before them or by their well-known items.

use crate::enrich::gazetteer::gazetteer;
use crate::enrich::profile::{key, Profile};
use crate::enrich::tokens::Tok;
use crate::enrich::types::EntityType;

/// "Several carmakers, including Renault, Stellantis and Toyota, cut prices" (a Hearst
/// pattern): the capitalised items after a connector, typed by the nearest plural class noun
/// before it in the same sentence.
pub(super) fn list_items(t: &str, toks: &[Tok], res: &Profile) -> Vec<(usize, usize, EntityType)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        // "such carmakers as Renault and Toyota": the class noun inside the frame.
        if let Some((ty, after)) = framed_class(toks, i, res) {
            let list = List {
                t,
                toks,
                ty,
                from_class: true,
                res,
            };
            i = list.read(after, &mut out).max(i + 1);
            continue;
        }
        let Some((conn, near)) = res.context.connectors.iter().find(|(c, _)| {
            i + c.len() <= toks.len() && c.iter().zip(&toks[i..]).all(|(w, x)| *w == x.lower)
        }) else {
            // "les entreprises Lumo et Vexa", "the airlines Skyra and Jetlo": the names right
            // after an article and a plural class noun.
            if let Some(ty) = class_then_names(toks, i, res) {
                let list = List {
                    t,
                    toks,
                    ty,
                    from_class: true,
                    res,
                };
                i = list.read(i + 1, &mut out).max(i + 1);
                continue;
            }
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

/// The type of the plural class noun framed from token `i` ("such" + up to two adjectives +
/// "carmakers" + "as") and the token after the frame.
fn framed_class(toks: &[Tok], i: usize, res: &Profile) -> Option<(EntityType, usize)> {
    let (_, close) = res
        .context
        .frames
        .iter()
        .find(|(open, _)| toks[i].word && toks[i].lower == *open)?;
    let k = (i + 2..=(i + 4).min(toks.len().checked_sub(1)?)).find(|&k| toks[k].lower == *close)?;
    let words = &toks[i + 1..k];
    if !words.iter().all(|x| x.word && !x.cap) {
        return None;
    }
    let ty = res.context.classes.get(&words.last()?.lower).copied()?;
    Some((ty, k + 1))
}

/// The type of the plural class noun at token `i` when an article comes right before it and a
/// capitalised word (no stop word: "the companies Monday") right after it.
fn class_then_names(toks: &[Tok], i: usize, res: &Profile) -> Option<EntityType> {
    let (prev, x, next) = (toks.get(i.checked_sub(1)?)?, &toks[i], toks.get(i + 1)?);
    let article = prev.word && !prev.cap && res.articles.contains_key(&prev.lower);
    if !(article && x.word) || x.cap || !(next.word && next.cap) || res.stop.contains(&next.lower) {
        return None;
    }
    res.context.classes.get(&x.lower).copied()
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
            // "(groceries)".
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
            // A full stop ends the sentence, unless it closes an abbreviation ("St. Louis").
            let stop = matches!(x.lower.as_str(), "!" | "?" | ";" | ":")
                || (x.lower == "." && !res.abbrevs.contains(&toks[j - 1].lower));
            let glued = j > s && toks[j - 1].end == x.start && x.lower != "," && !stop;
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
        // Punctuation glued to the end ("Toyota.") is not part of the name.
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
