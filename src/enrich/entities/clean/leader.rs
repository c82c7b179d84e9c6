//! A body named after the person leading it, in languages that write the name right after the
//! body's noun ("le gouvernement Valmy", "la Commission Dunord"): the span holds two entities,
//! the body (its noun, which the article names in full elsewhere) and the person.

use super::{Part, Range, Span};
use crate::enrich::profile::lower;
use crate::enrich::tokens::tokenize;
use crate::enrich::types::EntityType;

impl Span<'_> {
    /// The body's noun and the leader's name, when `r` is exactly a capitalised `led_body` noun
    /// followed by one capitalised word that is no demonym, type word, division or stop word
    /// ("Commission Européenne" stays whole); `None` keeps `r`.
    pub(super) fn split_leader(&self, r: Range) -> Option<Vec<Part>> {
        let (t, res) = (self.text, self.res);
        if self.ty == EntityType::Person || res.led_bodies.is_empty() {
            return None;
        }
        let toks = tokenize(&t[r.start..r.end], &res.tokens);
        let [noun, name] = toks.as_slice() else {
            return None;
        };
        let plain = |w: &str| {
            !res.demonyms.contains(w)
                && !res.demonym_suffixes.iter().any(|s| w.ends_with(s.as_str()))
                && !res.type_words.contains_key(w)
                && !res.divisions.contains(w)
                && !res.stop.contains(w)
        };
        let all_caps = name.lower.chars().count() > 1
            && t[r.start + name.start..r.start + name.end]
                .chars()
                .all(|c| !c.is_lowercase());
        let shaped = noun.word && noun.cap && name.word && name.cap;
        if !shaped
            || !res.led_bodies.contains(&lower(&noun.lower))
            || all_caps
            || !plain(&name.lower)
        {
            return None;
        }
        let body = Range {
            start: r.start + noun.start,
            end: r.start + noun.end,
        };
        let leader = Range {
            start: r.start + name.start,
            end: r.start + name.end,
        };
        Some(vec![
            Part {
                range: body,
                person: false,
                unlabelled: false,
            },
            Part {
                range: leader,
                person: true,
                unlabelled: true,
            },
        ])
    }
}
