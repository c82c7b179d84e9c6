//! A cleaned mention, as the entity rooms hand it down: byte offsets into one field.

use super::typing::label_type;
use crate::enrich::profile::{lower, Profile};
use crate::enrich::types::EntityType;

/// A cleaned mention: byte offsets into field `field`.
#[derive(Clone, Debug)]
pub(super) struct M {
    /// Index of the field the mention is in.
    pub field: usize,
    /// Byte offset of the mention's start in the field.
    pub start: usize,
    /// Byte offset of the mention's end (exclusive).
    pub end: usize,
    /// The model's label; empty for a name found by a rule.
    pub label: String,
    /// The type the context gives it ("the X neighborhood"), which outvotes labels.
    pub hint: Option<EntityType>,
}

impl M {
    /// A name found by a rule rather than the model.
    pub fn found(field: usize, start: usize, end: usize, ty: EntityType) -> M {
        M {
            field,
            start,
            end,
            label: String::new(),
            hint: Some(ty),
        }
    }

    /// Its type: the context's, else the model's.
    pub fn ty(&self) -> EntityType {
        self.hint.unwrap_or_else(|| label_type(&self.label))
    }
}

/// Whether none of the first `before` mentions of `ms` overlaps `start..end` in `field`: a rule
/// that adds names leaves those the earlier steps found alone.
pub(super) fn uncovered(ms: &[M], before: usize, field: usize, start: usize, end: usize) -> bool {
    !ms[..before]
        .iter()
        .any(|m| m.field == field && m.start < end && start < m.end)
}

/// Sort `ms` by field and start again when a rule added mentions after the first `before`.
pub(super) fn resort(ms: &mut [M], before: usize) {
    if ms.len() > before {
        ms.sort_by_key(|m| (m.field, m.start));
    }
}

/// Opening quotation marks: a name between marks is the title of a work.
pub(super) const OPEN_MARKS: &[char] = &['«', '“', '"', '„', '‹', '‘'];
/// Closing quotation marks.
pub(super) const CLOSE_MARKS: &[char] = &['»', '”', '"', '“', '›', '’'];

/// Whether `t[s..e]` is not glued to a letter, digit or hyphen on either side.
pub(super) fn word_bounded(t: &str, s: usize, e: usize) -> bool {
    let before = t[..s].chars().next_back();
    let after = t[e..].chars().next();
    !before.is_some_and(|c| c.is_alphanumeric() || c == '-')
        && !after.is_some_and(|c| c.is_alphanumeric() || c == '-')
}

/// Whether the text of a field before byte `start` closes on a definite article ("the Tovel",
/// « l'Alliance »), an elided one included.
pub(super) fn after_definite(text: &str, start: usize, res: &Profile) -> bool {
    text[..start]
        .trim_end()
        .rsplit(|c: char| !c.is_alphabetic() && c != '\'' && c != '’')
        .next()
        .is_some_and(|w| res.definites.contains(&lower(w).replace('’', "'")))
}
