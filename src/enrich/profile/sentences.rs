//! The NER's sentence rules of a language: its abbreviations (`abbreviations.txt`) and the
//! `sentence_*` settings of its `profile.txt`.

use super::{lines, Lang, Settings};
use crate::enrich::ner::sentences::SentenceRules;

impl SentenceRules {
    /// The rules of an ISO 639-1 code; the generic rules for a language without a profile.
    pub fn for_code(code: &str) -> SentenceRules {
        Lang::from_code(code).map_or_else(SentenceRules::default, SentenceRules::load)
    }

    /// The rules of `lang`.
    pub fn load(lang: Lang) -> SentenceRules {
        let files = lang.files();
        let settings = Settings::parse(files.profile);
        SentenceRules {
            abbreviations: lines(files.abbreviations).collect(),
            guillemets: settings.sentence_guillemets,
            quote_line: settings.sentence_quote_line,
        }
    }
}
