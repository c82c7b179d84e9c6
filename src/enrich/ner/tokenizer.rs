//! spaCy 3.8's tokenizer algorithm driven by the model's own `tokenizer` file (msgpack:
//! `prefix_search`, `suffix_search`, `infix_finditer`, `token_match`, `url_match` as Python
//! regex source, `exceptions`, `faster_heuristics`). See
//! `../shared/notes/spacy-ner-inference.md` §1 and spaCy's `tokenizer.pyx`.
//!
//! All offsets are byte offsets into the input `&str`.

use super::pyre::{is_py_space, Mode, PyRegex};
use super::types::NerError;
use rmpv::Value;
use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

/// One token: byte offsets into the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// Token-level NORM from a tokenizer exception, when the exception sets one.
    pub norm: Option<String>,
    /// Whether a single U+0020 space follows the token (spaCy's `whitespace_`).
    pub space_after: bool,
}

/// One token of a tokenizer exception: its length in bytes and optional NORM.
#[derive(Clone, Debug)]
struct ExcToken {
    len: usize,
    norm: Option<String>,
}

/// Trie over token texts for the special-case matcher (spaCy's PhraseMatcher on ORTH).
#[derive(Default)]
struct Trie {
    children: Vec<HashMap<String, usize>>,
    /// Number of exception keys ending at each node (each gives one match, like spaCy).
    terminals: Vec<u32>,
}

impl Trie {
    fn new() -> Trie {
        Trie {
            children: vec![HashMap::new()],
            terminals: vec![0],
        }
    }

    fn insert(&mut self, words: &[&str]) {
        let mut node = 0;
        for w in words {
            node = match self.children[node].get(*w) {
                Some(&n) => n,
                None => {
                    let n = self.children.len();
                    self.children.push(HashMap::new());
                    self.terminals.push(0);
                    self.children[node].insert((*w).to_string(), n);
                    n
                }
            };
        }
        self.terminals[node] += 1;
    }
}

/// spaCy's rule-based tokenizer for one pipeline.
pub struct Tokenizer {
    prefix: Option<Arc<PyRegex>>,
    suffix: Option<Arc<PyRegex>>,
    infix: Option<Arc<PyRegex>>,
    token_match: Option<Arc<PyRegex>>,
    url_match: Option<Arc<PyRegex>>,
    exceptions: HashMap<String, Vec<ExcToken>>,
    /// Byte length of the longest exception key: longer strings need no lookup (and no hash
    /// of the whole string at every step of the affix loop).
    max_exception_len: usize,
    special_matcher: Trie,
}

/// Whitespace-delimited spans longer than this (in bytes) skip the prefix/suffix loop and
/// go straight to infix splitting. The loop re-examines the rest of the span at every step
/// (quadratic, in spaCy too); spans this long are never words (runs of marks, encoded data),
/// so no parity is lost on real text, and hostile text stays linear.
pub const LONG_SPAN_BYTES: usize = 1000;

/// A token during tokenization.
#[derive(Clone, Debug)]
struct Tok {
    start: usize,
    end: usize,
    norm: Option<String>,
    space_after: bool,
}

fn format_err(path: &Path, reason: impl Into<String>) -> NerError {
    NerError::Format {
        path: path.to_path_buf(),
        reason: reason.into(),
    }
}

fn map_get<'a>(map: &'a [(Value, Value)], key: &str) -> Option<&'a Value> {
    map.iter()
        .find(|(k, _)| k.as_str() == Some(key))
        .map(|(_, v)| v)
}

/// The regular expression stored under `key` (absent, nil or empty: none).
fn pattern(map: &[(Value, Value)], key: &str, mode: Mode) -> Result<Option<Arc<PyRegex>>, String> {
    match map_get(map, key) {
        None | Some(Value::Nil) => Ok(None),
        Some(Value::String(s)) => {
            let src = s.as_str().ok_or_else(|| format!("{key}: invalid UTF-8"))?;
            if src.is_empty() {
                return Ok(None);
            }
            PyRegex::shared(src, mode)
                .map(Some)
                .map_err(|e| format!("{key}: {e}"))
        }
        Some(v) => Err(format!("{key}: expected a string, got {v}")),
    }
}

/// The tokenizer exceptions (special cases): each key and the pieces it splits into.
fn exceptions(map: &[(Value, Value)]) -> Result<HashMap<String, Vec<ExcToken>>, String> {
    let mut exceptions = HashMap::new();
    if let Some(Value::Map(exc)) = map_get(map, "exceptions") {
        for (k, v) in exc {
            let key = k
                .as_str()
                .ok_or_else(|| format!("exception key {k} is not a string"))?;
            exceptions.insert(key.to_string(), exception_tokens(key, v)?);
        }
    }
    Ok(exceptions)
}

/// The pieces of exception `key` (maps of ORTH and NORM, by attribute id or name); their ORTH
/// must spell the key.
fn exception_tokens(key: &str, v: &Value) -> Result<Vec<ExcToken>, String> {
    let Value::Array(toks) = v else {
        return Err(format!("exception {key:?}: expected an array"));
    };
    let mut out = Vec::new();
    let mut orth = String::new();
    for t in toks {
        let Value::Map(attrs) = t else {
            return Err(format!("exception {key:?}: token is not a map"));
        };
        let mut tok_orth = None;
        let mut norm = None;
        for (ak, av) in attrs {
            let id = ak.as_u64().or_else(|| match ak.as_str() {
                Some("ORTH") => Some(65),
                Some("NORM") => Some(67),
                _ => None,
            });
            match id {
                Some(65) => tok_orth = av.as_str().map(str::to_string),
                Some(67) => norm = av.as_str().map(str::to_string),
                _ => {}
            }
        }
        let o = tok_orth.ok_or_else(|| format!("exception {key:?}: token without ORTH"))?;
        orth.push_str(&o);
        out.push(ExcToken { len: o.len(), norm });
    }
    if orth != key || out.iter().any(|t| t.len == 0) {
        return Err(format!(
            "exception {key:?}: ORTH pieces do not spell the key"
        ));
    }
    Ok(out)
}

impl Tokenizer {
    /// Load `<model_dir>/tokenizer`.
    pub fn load(model_dir: &Path) -> Result<Tokenizer, NerError> {
        let path = model_dir.join("tokenizer");
        let bytes = std::fs::read(&path).map_err(|source| NerError::Io {
            path: path.clone(),
            source,
        })?;
        Self::from_msgpack(&bytes).map_err(|r| format_err(&path, r))
    }

    /// Build from the bytes of a spaCy `tokenizer` file.
    pub fn from_msgpack(bytes: &[u8]) -> Result<Tokenizer, String> {
        let mut rd = bytes;
        let root = rmpv::decode::read_value(&mut rd).map_err(|e| format!("not msgpack: {e}"))?;
        let Value::Map(map) = root else {
            return Err("top level is not a map".into());
        };
        let prefix = pattern(&map, "prefix_search", Mode::Search)?;
        let suffix = pattern(&map, "suffix_search", Mode::Search)?;
        let infix = pattern(&map, "infix_finditer", Mode::Search)?;
        let token_match = pattern(&map, "token_match", Mode::Match)?;
        let url_match = pattern(&map, "url_match", Mode::Match)?;
        let faster_heuristics = match map_get(&map, "faster_heuristics") {
            Some(Value::Boolean(b)) => *b,
            _ => true,
        };
        let exceptions = exceptions(&map)?;
        let mut tok = Tokenizer {
            prefix,
            suffix,
            infix,
            token_match,
            url_match,
            max_exception_len: exceptions.keys().map(String::len).max().unwrap_or(0),
            exceptions,
            special_matcher: Trie::new(),
        };
        tok.special_matcher = tok.special_cases(faster_heuristics);
        Ok(tok)
    }

    /// spaCy's add_special_case: with faster_heuristics, only keys that an affix rule could
    /// split (or that contain a space) go into the matcher; the pattern is the key tokenized
    /// without exceptions.
    fn special_cases(&self, faster_heuristics: bool) -> Trie {
        let mut keys: Vec<&String> = self.exceptions.keys().collect();
        keys.sort();
        let mut trie = Trie::new();
        for key in keys {
            let needs = !faster_heuristics
                || self.find_prefix(key) != 0
                || self
                    .infix
                    .as_ref()
                    .is_some_and(|r| !r.finditer(key).is_empty())
                || self.find_suffix(key) != 0
                || key.contains(' ');
            if !needs {
                continue;
            }
            let toks = self.tokenize_affixes(key, false);
            if toks.is_empty() {
                continue;
            }
            let words: Vec<&str> = toks.iter().map(|t| &key[t.start..t.end]).collect();
            trie.insert(&words);
        }
        trie
    }

    fn find_prefix(&self, s: &str) -> usize {
        self.prefix
            .as_ref()
            .and_then(|r| r.search(s))
            .map_or(0, |m| m.end - m.start)
    }

    fn find_suffix(&self, s: &str) -> usize {
        self.suffix
            .as_ref()
            .and_then(|r| r.search(s))
            .map_or(0, |m| m.end - m.start)
    }

    fn is_token_match(&self, s: &str) -> bool {
        self.token_match.as_ref().is_some_and(|r| r.is_match(s))
    }

    fn is_url_match(&self, s: &str) -> bool {
        self.url_match.as_ref().is_some_and(|r| r.is_match(s))
    }

    fn special(&self, s: &str, with_special: bool) -> Option<&Vec<ExcToken>> {
        if with_special && s.len() <= self.max_exception_len {
            self.exceptions.get(s)
        } else {
            None
        }
    }

    fn push_exception(out: &mut Vec<Tok>, start: usize, exc: &[ExcToken]) {
        let mut pos = start;
        for t in exc {
            out.push(Tok {
                start: pos,
                end: pos + t.len,
                norm: t.norm.clone(),
                space_after: false,
            });
            pos += t.len;
        }
    }

    /// Tokenize `text` (spaCy's `Tokenizer.__call__`).
    pub fn tokenize(&self, text: &str) -> Vec<Token> {
        let toks = self.tokenize_affixes(text, true);
        let toks = self.apply_special_cases(text, toks);
        toks.into_iter()
            .map(|t| Token {
                start: t.start,
                end: t.end,
                norm: t.norm,
                space_after: t.space_after,
            })
            .collect()
    }

    /// spaCy's `_tokenize_affixes`: split on whitespace, then each span.
    fn tokenize_affixes(&self, text: &str, with_special: bool) -> Vec<Tok> {
        let mut out: Vec<Tok> = Vec::with_capacity(text.len() / 4 + 1);
        let Some(first) = text.chars().next() else {
            return out;
        };
        let mut in_ws = is_py_space(first);
        let mut start = 0;
        for (i, c) in text.char_indices() {
            if is_py_space(c) != in_ws {
                if start < i {
                    self.tokenize_span(text, start, i, with_special, &mut out);
                }
                if c == ' ' {
                    if let Some(last) = out.last_mut() {
                        last.space_after = true;
                    }
                    start = i + 1;
                } else {
                    start = i;
                }
                in_ws = !in_ws;
            }
        }
        if start < text.len() {
            self.tokenize_span(text, start, text.len(), with_special, &mut out);
        }
        out
    }

    /// One whitespace-delimited span (`_try_specials_and_cache` + `_tokenize`).
    fn tokenize_span(
        &self,
        text: &str,
        a: usize,
        b: usize,
        with_special: bool,
        out: &mut Vec<Tok>,
    ) {
        if let Some(exc) = self.special(&text[a..b], with_special) {
            Self::push_exception(out, a, exc);
            return;
        }
        let mut prefixes: Vec<(usize, usize)> = Vec::new();
        let mut suffixes: Vec<(usize, usize)> = Vec::new();
        let (a, b) = if b - a > LONG_SPAN_BYTES {
            (a, b)
        } else {
            self.split_affixes(text, a, b, &mut prefixes, &mut suffixes, with_special)
        };
        self.attach_tokens(text, a, b, &prefixes, &suffixes, with_special, out);
    }

    fn split_affixes(
        &self,
        text: &str,
        mut a: usize,
        mut b: usize,
        prefixes: &mut Vec<(usize, usize)>,
        suffixes: &mut Vec<(usize, usize)>,
        with_special: bool,
    ) -> (usize, usize) {
        let mut last_size = 0usize;
        while a < b && b - a != last_size {
            let s = &text[a..b];
            if self.is_token_match(s) {
                break;
            }
            if self.special(s, with_special).is_some() {
                break;
            }
            last_size = b - a;
            let pre = self.find_prefix(s);
            if pre != 0 {
                let minus_pre = &s[pre..];
                if !minus_pre.is_empty() && self.special(minus_pre, with_special).is_some() {
                    prefixes.push((a, a + pre));
                    a += pre;
                    break;
                }
            }
            let suf = self.find_suffix(&s[pre..]);
            if suf != 0 {
                let minus_suf = &s[..s.len() - suf];
                if !minus_suf.is_empty() && self.special(minus_suf, with_special).is_some() {
                    suffixes.push((b - suf, b));
                    b -= suf;
                    break;
                }
            }
            if pre != 0 && suf != 0 && pre + suf <= s.len() {
                prefixes.push((a, a + pre));
                suffixes.push((b - suf, b));
                a += pre;
                b -= suf;
            } else if pre != 0 {
                prefixes.push((a, a + pre));
                a += pre;
            } else if suf != 0 {
                suffixes.push((b - suf, b));
                b -= suf;
            }
        }
        (a, b)
    }

    #[allow(clippy::too_many_arguments)]
    fn attach_tokens(
        &self,
        text: &str,
        a: usize,
        b: usize,
        prefixes: &[(usize, usize)],
        suffixes: &[(usize, usize)],
        with_special: bool,
        out: &mut Vec<Tok>,
    ) {
        let plain = |s: usize, e: usize| Tok {
            start: s,
            end: e,
            norm: None,
            space_after: false,
        };
        for &(s, e) in prefixes {
            out.push(plain(s, e));
        }
        if a < b {
            let core = &text[a..b];
            if let Some(exc) = self.special(core, with_special) {
                Self::push_exception(out, a, exc);
            } else if self.is_token_match(core) || self.is_url_match(core) {
                out.push(plain(a, b));
            } else {
                let matches = self
                    .infix
                    .as_ref()
                    .map(|r| r.finditer(core))
                    .unwrap_or_default();
                if matches.is_empty() {
                    out.push(plain(a, b));
                } else {
                    let mut start = 0;
                    for m in matches {
                        if m.start == 0 {
                            continue;
                        }
                        if m.start != start {
                            out.push(plain(a + start, a + m.start));
                        }
                        if m.start != m.end {
                            out.push(plain(a + m.start, a + m.end));
                        }
                        start = m.end;
                    }
                    if start < core.len() {
                        out.push(plain(a + start, b));
                    }
                }
            }
        }
        for &(s, e) in suffixes.iter().rev() {
            out.push(plain(s, e));
        }
    }

    /// spaCy's `_apply_special_cases`: find exception patterns over token texts, keep the longest
    /// (then leftmost) non-overlapping ones and replace those whose text is an exception key.
    fn apply_special_cases(&self, text: &str, toks: Vec<Tok>) -> Vec<Tok> {
        let trie = &self.special_matcher;
        let n = toks.len();
        let mut matches: Vec<(usize, usize)> = Vec::new();
        for start in 0..n {
            let mut node = 0;
            let mut j = start;
            while j < n {
                match trie.children[node].get(&text[toks[j].start..toks[j].end]) {
                    Some(&next) => {
                        node = next;
                        j += 1;
                        for _ in 0..trie.terminals[node] {
                            matches.push((start, j));
                        }
                    }
                    None => break,
                }
            }
        }
        if matches.is_empty() {
            return toks;
        }
        // Longest first, then leftmost first.
        matches.sort_by(|x, y| (y.1 - y.0).cmp(&(x.1 - x.0)).then(x.0.cmp(&y.0)));
        let mut seen = vec![false; n];
        let mut accepted: Vec<(usize, usize)> = Vec::new();
        for &(s, e) in &matches {
            if !seen[s] && !seen[e - 1] {
                accepted.push((s, e));
            }
            for x in &mut seen[s..e] {
                *x = true;
            }
        }
        accepted.sort_unstable();
        let mut out = Vec::with_capacity(n);
        let mut i = 0;
        let mut acc = accepted.into_iter().peekable();
        while i < n {
            match acc.peek() {
                Some(&(s, e)) if s == i => {
                    acc.next();
                    let span_text = &text[toks[s].start..toks[e - 1].end];
                    if let Some(exc) = self.exceptions.get(span_text) {
                        Self::push_exception(&mut out, toks[s].start, exc);
                        if let Some(last) = out.last_mut() {
                            last.space_after = toks[e - 1].space_after;
                        }
                    } else {
                        out.extend_from_slice(&toks[s..e]);
                    }
                    i = e;
                }
                _ => {
                    out.push(toks[i].clone());
                    i += 1;
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests;
