//! spaCy's rule lemmatizer (`mode = "rule"`) with its tables from `lemmatizer/lookups/lookups.bin`:
//! the base rules (`spacy/pipeline/lemmatizer.py`), English's base-form check and French's own
//! rule order with its lookup fallback (`spacy/lang/{en,fr}/lemmatizer.py`). The variant is data:
//! `resources/syntax/lemmatizers.json`, keyed by the pipeline's `[nlp] lang`.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};

use super::lemma_tables::{Exceptions, LookupValue, Lookups, Pool, Str, WordSet};
use super::morph::feature;
use super::msgpack_cursor::{Cursor, CursorError};
use crate::enrich::ner::features::{lower_into, py_isalpha, Lexicon};
use crate::enrich::ner::weights::{format_err, join, read_bytes};
use crate::enrich::ner::NerError;

const VARIANTS_JSON: &str = include_str!("../../../resources/syntax/lemmatizers.json");

/// Which lemmatizer class the pipeline's language uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Variant {
    Default,
    English,
    French,
}

/// A loaded rule lemmatizer.
#[derive(Debug)]
pub struct Lemmatizer {
    variant: Variant,
    lexicon: Lexicon,
    /// The strings of `index`, `exc` and `lookup`.
    pool: Pool,
    index: HashMap<u64, WordSet>,
    exc: HashMap<u64, Exceptions>,
    rules: HashMap<u64, Vec<(String, String)>>,
    lookup: Lookups,
    /// This lemmatizer's key space in the per-thread [`LemmaMemo`].
    memo_id: u64,
}

/// Entries a thread's [`LemmaMemo`] holds before it is emptied (a few MiB at most).
const MEMO_CAP: usize = 1 << 15;

/// Ids of loaded lemmatizers, so that pipelines of different languages share no memo entries.
static NEXT_MEMO_ID: AtomicU64 = AtomicU64::new(0);

thread_local! {
    static MEMO: RefCell<LemmaMemo> = RefCell::new(LemmaMemo::default());
}

/// One worker thread's memo of computed lemmas: a lemma depends only on the lemmatizer and the
/// token's text, POS and morphology, and news text repeats its words, so most tokens are hits.
/// Bounded: emptied when it reaches [`MEMO_CAP`] entries.
#[derive(Debug, Default)]
struct LemmaMemo {
    /// The key being looked up (reused): lemmatizer id, the lengths of POS and morph, then
    /// POS, morph and text — unambiguous whatever the strings hold.
    key: String,
    lemmas: HashMap<String, String>,
}

impl LemmaMemo {
    fn get_or_insert_with(
        &mut self,
        id: u64,
        t: &LemmaInput,
        compute: impl FnOnce() -> String,
    ) -> String {
        self.key.clear();
        // Writing to a String cannot fail.
        let _ = write!(self.key, "{id} {} {} ", t.pos.len(), t.morph.len());
        self.key.push_str(t.pos);
        self.key.push_str(t.morph);
        self.key.push_str(t.text);
        if let Some(lemma) = self.lemmas.get(self.key.as_str()) {
            return lemma.clone();
        }
        let lemma = compute();
        if self.lemmas.len() >= MEMO_CAP {
            self.lemmas.clear();
        }
        self.lemmas.insert(self.key.clone(), lemma.clone());
        lemma
    }
}

/// What the lemmatizer reads of a token.
pub(crate) struct LemmaInput<'a> {
    pub text: &'a str,
    pub pos: &'a str,
    pub morph: &'a str,
}

/// Why the tables did not read.
#[derive(Debug, thiserror::Error)]
enum TableError {
    #[error(transparent)]
    Cursor(#[from] CursorError),
    #[error("lemmatizer tables over 4 GiB")]
    TooLarge,
}

fn add(pool: &mut Pool, s: &str) -> Result<Str, TableError> {
    pool.add(s).ok_or(TableError::TooLarge)
}

fn add_all(pool: &mut Pool, words: &[&str]) -> Result<Vec<Str>, TableError> {
    words.iter().map(|w| add(pool, w)).collect()
}

/// Reads `lookups.bin` (a map of named tables, each a map from a u64 key) into `lem`'s tables
/// and `lookups`, straight from the bytes: every string goes once into the pool.
fn read_tables(
    c: &mut Cursor<'_>,
    lem: &mut Lemmatizer,
    lookups: &mut Vec<(u64, LookupValue)>,
) -> Result<(), TableError> {
    let n = c
        .map_len()?
        .ok_or_else(|| CursorError::Malformed("tables are not a map".into()))?;
    for i in 0..n {
        let name = c
            .text()?
            .ok_or_else(|| CursorError::Malformed(format!("name of table {i} is not a string")))?;
        let entries = c.map_len()?.unwrap_or(0);
        for _ in 0..entries {
            let k = c.uint().map_err(|e| {
                CursorError::Malformed(format!("a key of table {name:?} is not an integer ({e})"))
            })?;
            match name {
                "lemma_index" => {
                    let words = add_all(&mut lem.pool, &c.texts()?)?;
                    lem.index.insert(k, WordSet::new(&lem.pool, words));
                }
                "lemma_exc" => {
                    let mut exc = Exceptions::default();
                    for _ in 0..c.map_len()?.unwrap_or(0) {
                        let Some(w) = c.text()? else {
                            c.skip()?;
                            continue;
                        };
                        let word = add(&mut lem.pool, w)?;
                        let forms = add_all(&mut lem.pool, &c.texts()?)?;
                        if !exc.push(word, forms) {
                            return Err(TableError::TooLarge);
                        }
                    }
                    exc.finish(&lem.pool);
                    lem.exc.insert(k, exc);
                }
                "lemma_rules" => {
                    let mut pairs = Vec::new();
                    for _ in 0..c.array_len()?.unwrap_or(0) {
                        if let [from, to, ..] = c.texts()?[..] {
                            pairs.push((from.to_string(), to.to_string()));
                        }
                    }
                    lem.rules.insert(k, pairs);
                }
                "lemma_lookup" => {
                    let (text, is_list) = if c.at_array() {
                        (c.texts()?.first().copied().unwrap_or_default(), true)
                    } else {
                        (c.text()?.unwrap_or_default(), false)
                    };
                    let text = add(&mut lem.pool, text)?;
                    lookups.push((k, LookupValue { text, is_list }));
                }
                _ => c.skip()?,
            }
        }
    }
    Ok(())
}

fn pipeline_lang(model_dir: &Path) -> Result<String, NerError> {
    let path = join(model_dir, "config.cfg");
    let cfg = String::from_utf8_lossy(&read_bytes(&path)?).into_owned();
    let mut in_nlp = false;
    for line in cfg.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            in_nlp = line == "[nlp]";
        } else if in_nlp {
            if let Some((k, v)) = line.split_once('=') {
                if k.trim() == "lang" {
                    return Ok(v.trim().trim_matches('"').to_string());
                }
            }
        }
    }
    Err(format_err(&path, "no lang in [nlp]"))
}

impl Lemmatizer {
    /// Loads the lookups of a pipeline directory.
    pub fn load(model_dir: &Path) -> Result<Lemmatizer, NerError> {
        let lang = pipeline_lang(model_dir)?;
        let variants: HashMap<String, String> = serde_json::from_str(VARIANTS_JSON)
            .map_err(|e| format_err(Path::new("lemmatizers.json"), e.to_string()))?;
        let variant = match variants.get(&lang).map(String::as_str) {
            Some("english") => Variant::English,
            Some("french") => Variant::French,
            _ => Variant::Default,
        };
        let path = join(model_dir, "lemmatizer/lookups/lookups.bin");
        let mut lem = Lemmatizer {
            variant,
            lexicon: Lexicon::new(HashMap::new()).map_err(|r| format_err(&path, r))?,
            pool: Pool::default(),
            index: HashMap::new(),
            exc: HashMap::new(),
            rules: HashMap::new(),
            lookup: Lookups::default(),
            memo_id: NEXT_MEMO_ID.fetch_add(1, Ordering::Relaxed),
        };
        let mut lookups: Vec<(u64, LookupValue)> = Vec::new();
        let bytes = read_bytes(&path)?;
        read_tables(&mut Cursor::new(&bytes), &mut lem, &mut lookups).map_err(|e| match e {
            TableError::Cursor(e) => format_err(&path, e.to_string()),
            TableError::TooLarge => format_err(&path, "lemmatizer tables over 4 GiB"),
        })?;
        if lem.rules.is_empty() {
            return Err(format_err(&path, "no lemma_rules table"));
        }
        lem.lookup = Lookups::new(lookups);
        lem.pool.shrink();
        Ok(lem)
    }

    /// The lemma of one token (spaCy's `lemmatize(token)[0]`), memoised per thread.
    pub(crate) fn lemma(&self, t: &LemmaInput) -> String {
        MEMO.try_with(|m| match m.try_borrow_mut() {
            Ok(mut memo) => memo.get_or_insert_with(self.memo_id, t, || self.compute(t)),
            Err(_) => self.compute(t),
        })
        .unwrap_or_else(|_| self.compute(t))
    }

    /// The lemma of one token, computed.
    fn compute(&self, t: &LemmaInput) -> String {
        match self.variant {
            Variant::French => self.french(t),
            Variant::English | Variant::Default => self.rules_lemma(t),
        }
    }

    fn lower(s: &str) -> String {
        let mut out = String::new();
        lower_into(s, &mut out);
        out
    }

    /// `lookup_lemmatize`: the lookup table on the exact text, else the text.
    fn lookup_lemma(&self, text: &str) -> String {
        match self.lookup.get(self.lexicon.string_id(text)) {
            Some(v) => self.pool.get(v.text).to_string(),
            None => text.to_string(),
        }
    }

    fn english_base_form(pos: &str, morph: &str) -> bool {
        let f = |name| feature(morph, name);
        (pos == "noun" && f("Number") == Some("Sing"))
            || (pos == "verb" && f("VerbForm") == Some("Inf"))
            || (pos == "verb"
                && f("VerbForm") == Some("Fin")
                && f("Tense") == Some("Pres")
                && f("Number").is_none())
            || (pos == "adj" && f("Degree") == Some("Pos"))
            || f("VerbForm") == Some("Inf")
            || f("VerbForm") == Some("None")
            || f("Degree") == Some("Pos")
    }

    /// The base class's `rule_lemmatize` (with English's `is_base_form`).
    fn rules_lemma(&self, t: &LemmaInput) -> String {
        let pos = Self::lower(t.pos);
        if pos.is_empty() || pos == "eol" || pos == "space" {
            return Self::lower(t.text);
        }
        if self.variant == Variant::English && Self::english_base_form(&pos, t.morph) {
            return Self::lower(t.text);
        }
        let pid = self.lexicon.string_id(&pos);
        let index = self.index.get(&pid).filter(|x| !x.is_empty());
        let exc = self.exc.get(&pid).filter(|x| !x.is_empty());
        let rules = self.rules.get(&pid).filter(|x| !x.is_empty());
        if index.is_none() && exc.is_none() && rules.is_none() {
            return if pos == "propn" {
                t.text.to_string()
            } else {
                Self::lower(t.text)
            };
        }
        let string = Self::lower(t.text);
        let in_index = |f: &str| index.is_some_and(|i| i.contains(&self.pool, f));
        let mut forms: Vec<String> = Vec::new();
        let mut oov: Vec<String> = Vec::new();
        for (old, new) in rules.into_iter().flatten() {
            if let Some(stem) = string.strip_suffix(old.as_str()) {
                let form = format!("{stem}{new}");
                if form.is_empty() {
                    continue;
                }
                if in_index(&form) {
                    forms.insert(0, form);
                } else if !form.chars().all(py_isalpha) {
                    forms.push(form);
                } else {
                    oov.push(form);
                }
            }
        }
        let mut seen = HashSet::new();
        forms.retain(|f| seen.insert(f.clone()));
        if let Some(list) = exc.and_then(|e| e.get(&self.pool, &string)) {
            for form in list {
                if !forms.iter().any(|f| f == form) {
                    forms.insert(0, form.to_string());
                }
            }
        }
        forms
            .into_iter()
            .next()
            .or_else(|| oov.into_iter().next())
            .unwrap_or_else(|| t.text.to_string())
    }

    /// `FrenchLemmatizer.rule_lemmatize`.
    fn french(&self, t: &LemmaInput) -> String {
        const RULE_POS: [&str; 11] = [
            "noun", "verb", "adj", "adp", "adv", "aux", "cconj", "det", "pron", "punct", "sconj",
        ];
        let pos = Self::lower(t.pos);
        if pos.is_empty() || pos == "eol" || pos == "space" {
            return Self::lower(t.text);
        }
        if !RULE_POS.contains(&pos.as_str()) {
            return self.lookup_lemma(t.text);
        }
        let pid = self.lexicon.string_id(&pos);
        let string = Self::lower(t.text);
        let index = self.index.get(&pid);
        let in_index = |f: &str| index.is_some_and(|i| i.contains(&self.pool, f));
        if in_index(&string) {
            return string;
        }
        if let Some(first) = self
            .exc
            .get(&pid)
            .and_then(|e| e.get(&self.pool, &string))
            .and_then(|mut l| l.next())
        {
            return first.to_string();
        }
        let mut oov: Option<String> = None;
        for (old, new) in self.rules.get(&pid).into_iter().flatten() {
            if let Some(stem) = string.strip_suffix(old.as_str()) {
                let form = format!("{stem}{new}");
                if form.is_empty() {
                    continue;
                }
                if in_index(&form) || !form.chars().all(py_isalpha) {
                    return form;
                } else if oov.is_none() {
                    oov = Some(form);
                }
            }
        }
        if let Some(form) = oov {
            return form;
        }
        match self.lookup.get(self.lexicon.string_id(&string)) {
            Some(v) if v.is_list => self.pool.get(v.text).to_string(),
            Some(v) => {
                let s = self.pool.get(v.text);
                s.chars().next().map(String::from).unwrap_or_default()
            }
            None => string,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input<'a>(text: &'a str, pos: &'a str, morph: &'a str) -> LemmaInput<'a> {
        LemmaInput { text, pos, morph }
    }

    #[test]
    fn memo_computes_each_key_once_and_keeps_keys_apart() {
        let mut memo = LemmaMemo::default();
        let mut calls = 0;
        let mut get = |memo: &mut LemmaMemo, id, t: &LemmaInput, out: &str| {
            memo.get_or_insert_with(id, t, || {
                calls += 1;
                out.to_string()
            })
        };
        assert_eq!(
            get(&mut memo, 0, &input("chats", "NOUN", ""), "chat"),
            "chat"
        );
        assert_eq!(get(&mut memo, 0, &input("chats", "NOUN", ""), "x"), "chat");
        // Another lemmatizer, another POS, or the same bytes split differently: new entries.
        assert_eq!(get(&mut memo, 1, &input("chats", "NOUN", ""), "b"), "b");
        assert_eq!(get(&mut memo, 0, &input("chats", "VERB", ""), "c"), "c");
        assert_eq!(get(&mut memo, 0, &input("s", "NOUN", "chat"), "d"), "d");
        assert_eq!(get(&mut memo, 0, &input("chats", "NOUN", "s"), "e"), "e");
        assert_eq!(calls, 5);
    }

    #[test]
    fn memo_stays_bounded() {
        let mut memo = LemmaMemo::default();
        for i in 0..MEMO_CAP + 10 {
            let text = i.to_string();
            let lemma = memo.get_or_insert_with(0, &input(&text, "NUM", ""), || text.clone());
            assert_eq!(lemma, text);
        }
        assert!(memo.lemmas.len() <= MEMO_CAP);
    }
}
