//! First names and their usual gender.

use super::Gender;
use std::collections::HashMap;

/// First names and their usual gender, looked up in lower case, then without accents when the
/// text and the list write them differently ("Siobhán" listed as "siobhan", "Zoe" as "zoé").
#[derive(Debug, Default)]
pub struct FirstNames {
    exact: HashMap<String, Gender>,
    folded: HashMap<String, Gender>,
}

impl FirstNames {
    pub(super) fn new(exact: HashMap<String, Gender>) -> Self {
        let folded = exact.iter().map(|(w, g)| (fold(w), *g)).collect();
        FirstNames { exact, folded }
    }

    /// The gender of a lower-case first name, if it is one.
    pub fn get(&self, w: &str) -> Option<&Gender> {
        self.exact.get(w).or_else(|| {
            if w.is_ascii() {
                self.folded.get(w)
            } else {
                self.folded.get(&fold(w))
            }
        })
    }

    /// Whether a lower-case word is a first name.
    pub fn contains_key(&self, w: &str) -> bool {
        self.get(w).is_some()
    }
}

/// A lower-case word without its accents.
fn fold(w: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    w.nfkd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .collect()
}
