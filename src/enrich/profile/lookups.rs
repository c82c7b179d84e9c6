//! Lookups in a loaded profile: the cues a word opens, the referent of a pronoun, the
//! gender of a role and the roles a description covers, age words and head words.

use super::{key, lower, Cue, Gender, Profile, Referent, TypeWord};

impl Profile {
    /// Cues starting with the lower-case word `w`, longest first.
    pub fn cues_starting(&self, w: &str) -> impl Iterator<Item = &Cue> {
        self.cue_index
            .get(w)
            .into_iter()
            .flatten()
            .map(|&i| &self.cues[i])
    }

    /// What the subject pronoun `w` (lower case) may stand for.
    pub fn referent(&self, w: &str) -> Referent {
        self.pronoun_referents
            .get(w)
            .copied()
            .unwrap_or(Referent::Person)
    }

    /// Gender of a role word or two-word role (lower case), when it is one.
    pub fn role(&self, w: &str) -> Option<Gender> {
        // An abbreviated title is written with or without its full stop ("M." / "M", "Dr").
        self.roles
            .get(w)
            .or_else(|| self.roles.get(w.trim_end_matches('.')))
            .or_else(|| {
                (w.chars().count() <= 3 && !w.ends_with('.'))
                    .then(|| self.roles.get(&format!("{w}.")))
                    .flatten()
            })
            .or_else(|| self.ranked_role(w).and_then(|r| self.roles.get(r)))
            .copied()
    }

    /// The role of a rank joined to it by a hyphen: before it (`rank_prefix|`: "vice-procureur",
    /// « lieutenant-colonel ») or after it (`rank_suffix|`: « adjudant-chef »).
    fn ranked_role<'w>(&self, w: &'w str) -> Option<&'w str> {
        let (a, b) = w.split_once('-')?;
        if self.rank_prefixes.contains(a) {
            Some(b)
        } else if self.rank_suffixes.contains(b) {
            Some(a)
        } else {
            None
        }
    }

    /// Whether a person written next to the role `attached` (a role word, or a role and its
    /// complement: "président du tribunal") may be what the description `word` stands for: the
    /// same role, or one of the roles of the description's class ("le magistrat" for "le
    /// président du tribunal").
    pub fn role_covers(&self, word: &str, attached: &str) -> bool {
        // A rank joined by a hyphen keeps the role's class ("vice-procureur", "sous-préfet").
        let ranked = self.ranked_role(attached);
        attached == word
            || self.role_classes.get(word).is_some_and(|c| {
                c.iter()
                    .any(|r| r == attached || ranked.is_some_and(|k| r == k))
            })
    }

    /// The age ending of a compound age word ("56-year-old" → "year-old"), when it is one: a
    /// number or number word, a hyphen and an ending of `age_suffixes`.
    pub fn age_word(&self, w: &str) -> Option<&str> {
        self.age_suffixes
            .iter()
            .find(|s| {
                w.strip_suffix(s.as_str())
                    .and_then(|p| p.strip_suffix('-'))
                    .is_some_and(|p| !p.is_empty() && !p.contains(' '))
            })
            .map(String::as_str)
    }

    /// Whether word `w` (any case) is the head word of a place's or an organisation's name
    /// ("rue", "tribunal", "Airport", "Holdings").
    pub fn is_head_word(&self, w: &str) -> bool {
        matches!(
            self.type_words.get(&key(w)),
            Some(TypeWord::Org | TypeWord::Loc)
        )
    }

    /// Whether the whole name is only role/title words ("Haute-Commissaire", "ministre").
    pub fn is_role_name(&self, name: &str) -> bool {
        let k = lower(name);
        self.roles.contains_key(&k) || self.roles.contains_key(&k.replace('-', " "))
    }
}
