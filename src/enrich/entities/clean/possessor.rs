//! A possessor glued before an organisation's or a place's name inside one span ("the
//! Senate's Standing Committee on Finance", "Acme's Research Division"): two names, the owner
//! and what it owns, when the text also names the owner on its own elsewhere — a name the
//! possessive is part of ("Children's Hospital", "Lloyd's Register") never stands alone.

use super::{Part, Range, Span};
use crate::enrich::entities::mention::word_bounded;
use crate::enrich::profile::lower;
use crate::enrich::tokens::tokenize;
use crate::enrich::types::EntityType;

impl Span<'_> {
    /// The possessor and the name after its possessive, when `r` holds both; `None` keeps `r`.
    pub(super) fn split_possessor(&self, r: Range) -> Option<Vec<Part>> {
        let (t, res) = (self.text, self.res);
        if !matches!(self.ty, EntityType::Organization | EntityType::Location) {
            return None;
        }
        let toks = tokenize(&t[r.start..r.end], &res.tokens);
        let is_poss = |lw: &str| res.tokens.possessives.iter().any(|p| lower(p) == lw);
        let i = toks.iter().position(|x| is_poss(&x.lower))?;
        // The owner: capitalised words; the owned: two capitalised words at least.
        let after = &toks[i + 1..];
        if i == 0
            || !toks[..i].iter().all(|x| x.word && x.cap)
            || after.iter().filter(|x| x.word && x.cap).count() < 2
            || !after.first().is_some_and(|x| x.word && x.cap)
        {
            return None;
        }
        let owner = Range {
            start: r.start + toks[0].start,
            end: r.start + toks[i - 1].end,
        };
        let owned = Range {
            start: r.start + after[0].start,
            end: r.end,
        };
        let name = &t[owner.start..owner.end];
        // The owner stands alone somewhere else, without its possessive.
        let alone = t.match_indices(name).any(|(s, _)| {
            let e = s + name.len();
            s != owner.start && word_bounded(t, s, e) && !t[e..].starts_with(['\'', '’'])
        });
        alone.then(|| {
            [owner, owned]
                .into_iter()
                .map(|range| Part {
                    range,
                    person: false,
                    unlabelled: false,
                })
                .collect()
        })
    }
}
