//! Credit lines: a byline ("By Jane Roe", "Par Jean Dupont") alone on its line, and a photo
//! credit ("(Photo: Jane Roe/Reuters)", "Crédit photo : Jean Dupont"). They name who made the
//! article or its pictures, not whom it is about: their names are kept out of the entities and
//! listed as credits. The words that open them are the profile's (`credit`, `byline`).

use crate::enrich::profile::{lower, Profile};
use crate::enrich::types::{CreditKind, Document};

/// Longest credit line, in bytes: a longer line is prose, not a credit.
const MAX_LINE: usize = 120;
/// Most words of a byline: "By Jane Roe and John Smith, Associated Press" fits.
const MAX_BYLINE_WORDS: usize = 10;

/// One credit line: field index and byte span.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct CreditLine {
    /// A byline or a photo credit.
    pub kind: CreditKind,
    /// Index of the field the line is in.
    pub field: usize,
    /// Byte offset of the line's start in the field.
    pub start: usize,
    /// Byte offset of the line's end (exclusive).
    pub end: usize,
}

impl CreditLine {
    /// Whether the byte span `s..e` of field `fi` lies inside the line.
    pub fn holds(&self, fi: usize, s: usize, e: usize) -> bool {
        self.field == fi && self.start <= s && e <= self.end
    }
}

/// The credit lines of every field, in field and text order.
pub(super) fn find(doc: &Document<'_>, res: &Profile) -> Vec<CreditLine> {
    let mut out = Vec::new();
    for (fi, f) in doc.fields.iter().enumerate() {
        let t = f.text;
        for (i, _) in t.match_indices('(') {
            if let Some(end) = parenthesised(t, i + 1, res) {
                out.push(CreditLine {
                    kind: CreditKind::Photo,
                    field: fi,
                    start: i,
                    end,
                });
            }
        }
        let mut at = 0;
        for line in t.split_inclusive('\n') {
            let content = line.trim_end();
            let lead = content.len() - content.trim_start().len();
            let (s, e) = (at + lead, at + content.len());
            at += line.len();
            let inside = out.iter().any(|c| c.holds(fi, s, e));
            if s >= e || e - s > MAX_LINE || inside {
                continue;
            }
            if let Some(kind) = line_kind(&t[s..e], res) {
                out.push(CreditLine {
                    kind,
                    field: fi,
                    start: s,
                    end: e,
                });
            }
        }
    }
    out.sort_by_key(|c| (c.field, c.start));
    out
}

/// The end (past the closing parenthesis) of a photo credit opening at `from` right after "(":
/// a credit word, a colon or a space, then the credited names on the same line.
fn parenthesised(t: &str, from: usize, res: &Profile) -> Option<usize> {
    let rest = &t[from..];
    let close = rest.find(')')?;
    let inner = &rest[..close];
    if close > MAX_LINE || inner.contains('\n') {
        return None;
    }
    let after = credit_word(inner, res)?;
    after
        .chars()
        .any(char::is_uppercase)
        .then_some(from + close + 1)
}

/// What a whole line credits, when it is a credit line: a credit word and a colon ("Photo:
/// Jane Roe/Reuters"), or a byline word, capitalised, before a capitalised name ("By Jane Roe,
/// Reuters") and no sentence.
fn line_kind(line: &str, res: &Profile) -> Option<CreditKind> {
    if let Some(after) = credit_word(line, res) {
        if line[..line.len() - after.len()].trim_end().ends_with(':') {
            return Some(CreditKind::Photo);
        }
    }
    let (first, rest) = line.split_once(' ')?;
    let byline = first.starts_with(char::is_uppercase)
        && res.byline_words.contains(&lower(first))
        && rest.starts_with(char::is_uppercase)
        && line.split_whitespace().count() <= MAX_BYLINE_WORDS
        && !line.ends_with(['.', '!', '?', ':', '»', '"', '”']);
    byline.then_some(CreditKind::Byline)
}

/// The text after a leading credit word (one or two words: "Photo", "Crédit photo") and its
/// colon, when `s` opens with one.
fn credit_word<'a>(s: &'a str, res: &Profile) -> Option<&'a str> {
    let words: Vec<(usize, &str)> = s
        .split_inclusive([' ', ':'])
        .scan(0, |at, w| {
            let start = *at;
            *at += w.len();
            Some((start, w))
        })
        .take(3)
        .collect();
    (1..=2).rev().find_map(|n| {
        let (start, last) = *words.get(n - 1)?;
        let end = start + last.len();
        let phrase = lower(s[..end].trim_end_matches([' ', ':']));
        let rest = s[end..].trim_start_matches([' ', ':']);
        let first_cap = s.starts_with(char::is_uppercase);
        (first_cap && res.credit_words.contains(&phrase)).then_some(rest)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::enrich::profile::Lang;
    use crate::enrich::types::TextField;

    fn lines(lang: Lang, text: &str) -> Vec<(CreditKind, String)> {
        let res = Profile::load(lang);
        let doc = Document {
            fields: vec![TextField { name: "body", text }],
            lang: Some(lang.code()),
        };
        find(&doc, &res)
            .into_iter()
            .map(|c| (c.kind, text[c.start..c.end].to_string()))
            .collect()
    }

    #[test]
    fn bylines_and_photo_credits() {
        let t = "By Jane Roe, Valley Gazette\nThe mayor spoke. (Photo: Ann Lee/Reuters) By noon the square was full.\nPhoto: Tom Fell\nBy the river, Mayor Kim Park spoke for an hour about the new bridge.";
        assert_eq!(
            lines(Lang::En, t),
            [
                (CreditKind::Byline, "By Jane Roe, Valley Gazette".into()),
                (CreditKind::Photo, "(Photo: Ann Lee/Reuters)".into()),
                (CreditKind::Photo, "Photo: Tom Fell".into()),
            ]
        );
        let t = "Par Jean Dupont\n\nPar ailleurs, la mairie de Vannes a voté. (Crédit photo : Marie Roy)\nPar Décret du 2 mai, la commune a été dissoute et rattachée à sa voisine.";
        assert_eq!(
            lines(Lang::Fr, t),
            [
                (CreditKind::Byline, "Par Jean Dupont".into()),
                (CreditKind::Photo, "(Crédit photo : Marie Roy)".into()),
            ]
        );
    }

    #[test]
    fn no_credit_in_prose() {
        // A parenthesis that is no credit, a photo mentioned in a sentence.
        let t =
            "The photo (taken in May) shows Ann Lee. Photographs of the flood circulated widely.";
        assert!(lines(Lang::En, t).is_empty());
    }
}
