//! Python `re` emulation for spaCy's tokenizer patterns.
//!
//! spaCy stores its affix rules as Python regex source. This module translates that source into
//! the syntax of the `regex` crate (escapes `\uXXXX`, Python's `\w \d \s`, `$`, literal
//! punctuation inside classes, inline flags) and keeps Python's *search* semantics:
//!
//! * the top-level alternation is split into its alternatives; consecutive alternatives without
//!   look-around are compiled together into one `regex::Regex` (a linear-time DFA); each
//!   alternative with look-around is compiled alone with `fancy_regex`, guarded by a plain
//!   "relaxed" regex (the same alternative with its look-arounds deleted, which accepts a
//!   superset), so the backtracking engine only runs where a match is possible;
//! * `search` returns the leftmost match, ties going to the earlier alternative, exactly as
//!   Python's backtracking engine (and the `regex` crate's leftmost-first semantics) do;
//! * `finditer` follows Python ≥ 3.7 rules for empty matches.
//!
//! Large character classes of a plain piece are emitted as their set of code-point ranges (case
//! folded once, then marked `(?-i:…)`), computed once per distinct class: the French
//! `token_match` repeats a 3 kB letter class ~450 times under `(?i)`, and parsing and case
//! folding every copy was most of the tokenizer's loading. The compiled pattern is the same
//! (`regex_syntax` gives equal HIR, checked in the tests); look-around pieces keep the text as
//! translated.
//!
//! Alternatives that all match whole strings (`^…$`, as in the French `token_match`) are
//! grouped first, shared prefixes and suffixes written once (`factor`): ~480 copies of the
//! letter class become a few, and the compiled automaton accepts the same strings.
//!
//! Known, documented differences from Python: `$` is translated to `\z` (Python's `$` also
//! matches before a final `\n`; the strings spaCy passes here never contain `\n` unless they are
//! pure whitespace, and for those both give identical results with both models' five patterns:
//! checked on every `str.isspace()` character combined with `\n`); case-insensitive matching
//! (only the French `token_match`) uses Unicode simple case folding, where Python compares simple
//! lower-case mappings plus a few equivalences: they differ on `İ` and `ı` (≡ `i` in Python),
//! which `is_match` handles by mapping them to `i` (case-insensitive `search`/`finditer` do not;
//! no spaCy pattern uses them).

use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::{Arc, Mutex};

use regex_syntax::hir::{Class, HirKind};

mod factor;

/// Python `str.isspace()`: Unicode White_Space plus the C0 separators U+001C..U+001F.
pub fn is_py_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// Characters for which `str.isspace()` is true (for `\s` in patterns).
const SPACE_CLASS_ITEMS: &str = r"\t\n\x{0B}\x{0C}\r\x{1C}-\x{1F}\x{20}\x{85}\x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}";

enum Piece {
    Plain(regex::Regex),
    Fancy {
        re: fancy_regex::Regex,
        /// Superset filter: same alternative without its look-arounds.
        relaxed: Option<regex::Regex>,
    },
}

/// A compiled Python regex with `search`, `match` and `finditer` semantics.
pub struct PyRegex {
    pieces: Vec<Piece>,
    /// Case-insensitive pattern: Python also equates `İ` (U+0130) and `ı` (U+0131) with `i`,
    /// which simple case folding does not; `is_match` maps them to `i` first.
    case_insensitive: bool,
}

/// A pattern compiled by [`PyRegex::shared`].
struct Compiled {
    src: Box<str>,
    mode: Mode,
    regex: Arc<PyRegex>,
}

/// A piece's next match as searched from `from` (`None`: no match at or after `from`).
#[derive(Clone, Copy)]
struct Found {
    from: usize,
    span: Option<Span>,
}

/// A match: byte offsets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    /// Byte offset where the match starts.
    pub start: usize,
    /// Byte offset one past the match.
    pub end: usize,
}

/// How the pattern will be used: `re.match` needs every piece anchored at the start.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// `re.search`: a match anywhere.
    Search,
    /// `re.match`: a match at the start only.
    Match,
}

impl PyRegex {
    /// Compiles a Python regular expression for `mode`; the error names what is not supported.
    pub fn new(src: &str, mode: Mode) -> Result<PyRegex, String> {
        Self::build(src, mode, true)
    }

    /// [`PyRegex::new`], compiled once per process: both languages' tokenizers carry the same
    /// `url_match` (a look-around pattern with a 63-fold letter class, ~8 ms to compile), and a
    /// test suite builds many engines. Errors are not remembered.
    pub fn shared(src: &str, mode: Mode) -> Result<Arc<PyRegex>, String> {
        static COMPILED: Mutex<Vec<Compiled>> = Mutex::new(Vec::new());
        let find = |all: &[Compiled]| {
            all.iter()
                .find(|c| c.mode == mode && *c.src == *src)
                .map(|c| Arc::clone(&c.regex))
        };
        if let Some(hit) = find(&COMPILED.lock().unwrap_or_else(|e| e.into_inner())) {
            return Ok(hit);
        }
        // Compiled outside the lock: another thread may compile the same pattern meanwhile,
        // and both results are equal.
        let regex = Arc::new(PyRegex::new(src, mode)?);
        let mut all = COMPILED.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(hit) = find(&all) {
            return Ok(hit);
        }
        all.push(Compiled {
            src: src.into(),
            mode,
            regex: Arc::clone(&regex),
        });
        Ok(regex)
    }

    /// [`PyRegex::new`]; `factoring`: write shared affixes of the alternatives once where that
    /// cannot change a result (see `factor`).
    fn build(src: &str, mode: Mode, factoring: bool) -> Result<PyRegex, String> {
        let chars: Vec<char> = src.chars().collect();
        let (flags, body_start) = leading_flags(&chars);
        let case_i = flags.contains('i');
        let alts = split_alternatives(&chars[body_start..])?;
        let factored: Option<Vec<Vec<char>>> = factoring
            .then(|| factor::factor(&alts, mode == Mode::Match))
            .flatten()
            .map(|fs| fs.iter().map(|f| f.chars().collect()).collect());
        let alts: Vec<&[char]> = match &factored {
            Some(fs) => fs.iter().map(Vec::as_slice).collect(),
            None => alts,
        };
        let anchor = if mode == Mode::Match { r"\A" } else { "" };
        let prefix = if case_i { "(?i)" } else { "" };
        let mut pieces = Vec::new();
        let mut plain: Vec<String> = Vec::new();
        let flush = |plain: &mut Vec<String>, pieces: &mut Vec<Piece>| -> Result<(), String> {
            if plain.is_empty() {
                return Ok(());
            }
            let pat = format!("{prefix}{anchor}(?:{})", plain.join("|"));
            let re = regex::RegexBuilder::new(&pat)
                .size_limit(1 << 30)
                .dfa_size_limit(16 << 20)
                .build()
                .map_err(|e| format!("cannot compile pattern: {e}"))?;
            pieces.push(Piece::Plain(re));
            plain.clear();
            Ok(())
        };
        let mut classes = Classes::new(case_i);
        for alt in alts {
            let (compact, fancy) = translate(alt, false, Some(&mut classes))?;
            if !fancy {
                plain.push(compact);
                continue;
            }
            let (exact, _) = translate(alt, false, None)?;
            flush(&mut plain, &mut pieces)?;
            let pat = format!("{prefix}{anchor}(?:{exact})");
            let re = fancy_regex::RegexBuilder::new(&pat)
                .backtrack_limit(10_000_000)
                .build()
                .map_err(|e| format!("cannot compile pattern {pat:?}: {e}"))?;
            let (relaxed_src, _) = translate(alt, true, None)?;
            let relaxed = regex::Regex::new(&format!("{prefix}{anchor}(?:{relaxed_src})")).ok();
            pieces.push(Piece::Fancy { re, relaxed });
        }
        flush(&mut plain, &mut pieces)?;
        Ok(PyRegex {
            pieces,
            case_insensitive: case_i,
        })
    }

    fn piece_find_at(piece: &Piece, s: &str, pos: usize) -> Option<Span> {
        match piece {
            Piece::Plain(re) => re.find_at(s, pos).map(|m| Span {
                start: m.start(),
                end: m.end(),
            }),
            Piece::Fancy { re, relaxed } => {
                if let Some(r) = relaxed {
                    r.find_at(s, pos)?;
                }
                // A backtracking-limit error counts as "no match" (never panic).
                match re.find_from_pos(s, pos) {
                    Ok(Some(m)) => Some(Span {
                        start: m.start(),
                        end: m.end(),
                    }),
                    _ => None,
                }
            }
        }
    }

    /// Python `pattern.search(s[pos:])`-like leftmost match at or after `pos` (look-behind sees
    /// the text before `pos`, as with `finditer`). Ties go to the earlier alternative.
    pub fn search_at(&self, s: &str, pos: usize) -> Option<Span> {
        let mut best: Option<Span> = None;
        for p in &self.pieces {
            if let Some(m) = Self::piece_find_at(p, s, pos) {
                if best.is_none_or(|b| m.start < b.start) {
                    best = Some(m);
                }
            }
        }
        best
    }

    /// Python `pattern.search(s)`.
    pub fn search(&self, s: &str) -> Option<Span> {
        self.search_at(s, 0)
    }

    /// Python `bool(pattern.match(s))` (compiled with [`Mode::Match`]).
    pub fn is_match(&self, s: &str) -> bool {
        if self.case_insensitive && s.contains(['\u{130}', '\u{131}']) {
            let mapped: String = s
                .chars()
                .map(|c| {
                    if c == '\u{130}' || c == '\u{131}' {
                        'i'
                    } else {
                        c
                    }
                })
                .collect();
            return self.is_match_raw(&mapped);
        }
        self.is_match_raw(s)
    }

    fn is_match_raw(&self, s: &str) -> bool {
        self.pieces.iter().any(|p| match p {
            Piece::Plain(re) => re.is_match(s),
            Piece::Fancy { re, relaxed } => {
                relaxed.as_ref().is_none_or(|r| r.is_match(s)) && re.is_match(s).unwrap_or(false)
            }
        })
    }

    /// Python `list(pattern.finditer(s))` (3.7+ empty-match rules).
    ///
    /// Linear in the number of matches times the pieces, not quadratic: each piece's next match
    /// is remembered with the position it was searched from, and reused while it still lies at
    /// or after the current position (a leftmost match found from an earlier position is still
    /// the leftmost from any later position up to its start; no match stays no match).
    pub fn finditer(&self, s: &str) -> Vec<Span> {
        let mut out = Vec::new();
        let mut pos = 0;
        let mut must_advance = false;
        let mut next: Vec<Option<Found>> = vec![None; self.pieces.len()];
        while pos <= s.len() {
            let mut best: Option<Span> = None;
            for (p, cached) in self.pieces.iter().zip(next.iter_mut()) {
                let mut m = match *cached {
                    Some(f) if f.from <= pos && f.span.is_none_or(|m| m.start >= pos) => f.span,
                    _ => {
                        let span = Self::piece_find_at(p, s, pos);
                        *cached = Some(Found { from: pos, span });
                        span
                    }
                };
                if must_advance {
                    if let Some(x) = m {
                        if x.start == pos && x.end == pos {
                            // Empty match where the previous empty match was: not allowed.
                            m = next_char(s, pos).and_then(|n| {
                                let span = Self::piece_find_at(p, s, n);
                                *cached = Some(Found { from: n, span });
                                span
                            });
                        }
                    }
                }
                if let Some(m) = m {
                    if best.is_none_or(|b| m.start < b.start) {
                        best = Some(m);
                    }
                }
            }
            let Some(m) = best else { break };
            out.push(m);
            must_advance = m.start == m.end;
            pos = m.end;
        }
        out
    }
}

fn next_char(s: &str, pos: usize) -> Option<usize> {
    s[pos..].chars().next().map(|c| pos + c.len_utf8())
}

/// Leading inline flags such as `(?iu)`: returns the flag letters and where the body starts.
fn leading_flags(chars: &[char]) -> (String, usize) {
    let mut flags = String::new();
    let mut i = 0;
    while chars.len() >= i + 3 && chars[i] == '(' && chars[i + 1] == '?' {
        let mut j = i + 2;
        let mut f = String::new();
        while j < chars.len() && chars[j].is_ascii_alphabetic() {
            f.push(chars[j]);
            j += 1;
        }
        if j < chars.len() && chars[j] == ')' && !f.is_empty() {
            flags.push_str(&f);
            i = j + 1;
        } else {
            break;
        }
    }
    (flags, i)
}

/// Split at top-level `|` (outside groups and classes).
fn split_alternatives(chars: &[char]) -> Result<Vec<&[char]>, String> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '\\' => i += 1,
            '[' => i = class_end(chars, i)?,
            '(' => depth += 1,
            ')' => depth = depth.checked_sub(1).ok_or("unbalanced ')'")?,
            '|' if depth == 0 => {
                out.push(&chars[start..i]);
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    out.push(&chars[start..]);
    Ok(out)
}

/// Index of the `]` closing the class that opens at `i` (Python rules: a `]` right after `[` or
/// `[^` is literal).
fn class_end(chars: &[char], i: usize) -> Result<usize, String> {
    let mut j = i + 1;
    if j < chars.len() && chars[j] == '^' {
        j += 1;
    }
    if j < chars.len() && chars[j] == ']' {
        j += 1;
    }
    while j < chars.len() {
        match chars[j] {
            '\\' => j += 2,
            ']' => return Ok(j),
            _ => j += 1,
        }
    }
    Err("unterminated character class".into())
}

fn hex_escape(out: &mut String, c: char) {
    let _ = write!(out, "\\x{{{:X}}}", c as u32);
}

fn parse_hex(chars: &[char], i: usize, n: usize) -> Result<char, String> {
    let s: String = chars.get(i..i + n).ok_or("short escape")?.iter().collect();
    let v = u32::from_str_radix(&s, 16).map_err(|_| format!("bad hex escape {s:?}"))?;
    char::from_u32(v).ok_or_else(|| format!("bad code point {v:X}"))
}

/// Parse one escape at `chars[i] == '\\'`. Returns (emitted text, next index).
fn escape(chars: &[char], i: usize, in_class: bool) -> Result<(String, usize), String> {
    let e = *chars.get(i + 1).ok_or("trailing backslash")?;
    let mut out = String::new();
    let next = match e {
        'u' => {
            hex_escape(&mut out, parse_hex(chars, i + 2, 4)?);
            i + 6
        }
        'U' => {
            hex_escape(&mut out, parse_hex(chars, i + 2, 8)?);
            i + 10
        }
        'x' => {
            hex_escape(&mut out, parse_hex(chars, i + 2, 2)?);
            i + 4
        }
        'd' => {
            out.push_str(r"\p{Nd}");
            i + 2
        }
        'w' => {
            out.push_str(if in_class {
                r"\p{L}\p{N}_"
            } else {
                r"[\p{L}\p{N}_]"
            });
            i + 2
        }
        's' => {
            if in_class {
                out.push_str(SPACE_CLASS_ITEMS);
            } else {
                let _ = write!(out, "[{SPACE_CLASS_ITEMS}]");
            }
            i + 2
        }
        'D' | 'W' | 'S' if !in_class => {
            match e {
                'D' => out.push_str(r"\P{Nd}"),
                'W' => out.push_str(r"[^\p{L}\p{N}_]"),
                _ => {
                    let _ = write!(out, "[^{SPACE_CLASS_ITEMS}]");
                }
            }
            i + 2
        }
        'A' if !in_class => {
            out.push_str(r"\A");
            i + 2
        }
        'Z' if !in_class => {
            out.push_str(r"\z");
            i + 2
        }
        'n' | 't' | 'r' | 'f' | 'v' => {
            let c = match e {
                'n' => '\n',
                't' => '\t',
                'r' => '\r',
                'f' => '\u{c}',
                _ => '\u{b}',
            };
            hex_escape(&mut out, c);
            i + 2
        }
        c if c.is_alphanumeric() => return Err(format!("unsupported escape \\{c}")),
        c => {
            hex_escape(&mut out, c);
            i + 2
        }
    };
    Ok((out, next))
}

/// Translate one class `[...]` starting at `i`; returns (text, index after `]`).
fn translate_class(chars: &[char], i: usize) -> Result<(String, usize), String> {
    let end = class_end(chars, i)?;
    let mut out = String::from("[");
    let mut j = i + 1;
    if chars[j] == '^' {
        out.push('^');
        j += 1;
    }
    let first = j;
    while j < end {
        let c = chars[j];
        if c == '\\' {
            let (t, n) = escape(chars, j, true)?;
            out.push_str(&t);
            j = n;
        } else if c == '-' && j != first && j + 1 != end {
            out.push('-');
            j += 1;
        } else if c.is_ascii() && !c.is_ascii_alphanumeric() {
            hex_escape(&mut out, c);
            j += 1;
        } else {
            out.push(c);
            j += 1;
        }
    }
    out.push(']');
    Ok((out, end + 1))
}

/// Classes shorter than this (translated text, bytes) are left as they are.
const COMPACT_MIN_LEN: usize = 64;

/// The compact form of each large class met so far in one pattern.
struct Classes {
    case_insensitive: bool,
    done: HashMap<String, String>,
}

impl Classes {
    fn new(case_insensitive: bool) -> Classes {
        Classes {
            case_insensitive,
            done: HashMap::new(),
        }
    }

    /// `class` (translated, `regex` syntax) as its ranges, if large and not negated.
    fn compact(&mut self, class: String) -> String {
        if class.len() < COMPACT_MIN_LEN || class.starts_with("[^") {
            return class;
        }
        if let Some(c) = self.done.get(&class) {
            return c.clone();
        }
        let c = compact_class(&class, self.case_insensitive).unwrap_or_else(|| class.clone());
        self.done.insert(class, c.clone());
        c
    }
}

/// The set of `class` (under `(?i)` when `case_insensitive`: folded here, once) written as
/// ranges; `(?-i:…)` keeps the regex from folding it again. `None` if it does not parse as a
/// Unicode class.
fn compact_class(class: &str, case_insensitive: bool) -> Option<String> {
    let src = if case_insensitive {
        format!("(?i){class}")
    } else {
        class.to_string()
    };
    let hir = regex_syntax::ParserBuilder::new()
        .build()
        .parse(&src)
        .ok()?;
    let HirKind::Class(Class::Unicode(set)) = hir.kind() else {
        return None;
    };
    let mut out = String::from(if case_insensitive { "(?-i:[" } else { "[" });
    for r in set.ranges() {
        push_class_char(&mut out, r.start());
        if r.end() != r.start() {
            out.push('-');
            push_class_char(&mut out, r.end());
        }
    }
    out.push_str(if case_insensitive { "])" } else { "]" });
    Some(out)
}

/// A class member: letters and digits as they are, anything else escaped.
fn push_class_char(out: &mut String, c: char) {
    if c.is_alphanumeric() {
        out.push(c);
    } else {
        hex_escape(out, c);
    }
}

/// Index after the group opening at `i` (balanced parentheses, classes and escapes skipped).
fn group_end(chars: &[char], i: usize) -> Result<usize, String> {
    let mut depth = 0usize;
    let mut j = i;
    while j < chars.len() {
        match chars[j] {
            '\\' => j += 1,
            '[' => j = class_end(chars, j)?,
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    return Ok(j + 1);
                }
            }
            _ => {}
        }
        j += 1;
    }
    Err("unbalanced '('".into())
}

/// Translate Python regex source to `regex`/`fancy_regex` syntax. With `relaxed`, look-around
/// groups are dropped (the result accepts a superset); with `classes`, large classes are
/// emitted as their ranges (for `regex` only). Returns (text, has look-around).
fn translate(
    chars: &[char],
    relaxed: bool,
    mut classes: Option<&mut Classes>,
) -> Result<(String, bool), String> {
    let mut out = String::with_capacity(chars.len() + 16);
    let mut fancy = false;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '\\' => {
                let (t, n) = escape(chars, i, false)?;
                out.push_str(&t);
                i = n;
            }
            '[' => {
                let (t, n) = translate_class(chars, i)?;
                match classes.as_deref_mut() {
                    Some(classes) => out.push_str(&classes.compact(t)),
                    None => out.push_str(&t),
                }
                i = n;
            }
            '(' => {
                let rest: String = chars[i..chars.len().min(i + 4)].iter().collect();
                if rest.starts_with("(?=")
                    || rest.starts_with("(?!")
                    || rest.starts_with("(?<=")
                    || rest.starts_with("(?<!")
                {
                    fancy = true;
                    if relaxed {
                        i = group_end(chars, i)?;
                        // A quantifier on a dropped look-around would dangle.
                        if matches!(chars.get(i), Some('?' | '*' | '+' | '{')) {
                            return Err("quantified look-around".into());
                        }
                    } else {
                        let head_len = if rest.starts_with("(?<") { 4 } else { 3 };
                        out.extend(&chars[i..i + head_len]);
                        i += head_len;
                    }
                } else if rest.starts_with("(?:") {
                    out.push_str("(?:");
                    i += 3;
                } else if rest.starts_with("(?P<") {
                    // Named group: keep it non-capturing (no back-references are used).
                    let close = chars[i..]
                        .iter()
                        .position(|&x| x == '>')
                        .ok_or("bad group")?;
                    out.push_str("(?:");
                    i += close + 1;
                } else if rest.starts_with("(?") {
                    return Err(format!("unsupported group {rest:?}"));
                } else {
                    out.push_str("(?:");
                    i += 1;
                }
            }
            '$' => {
                out.push_str(r"\z");
                i += 1;
            }
            '{' => {
                // A quantifier `{m}`, `{m,}`, `{m,n}`; otherwise a literal brace in Python.
                let close = chars[i..].iter().position(|&x| x == '}').map(|p| i + p);
                let is_q = close.is_some_and(|cl| {
                    let inner: String = chars[i + 1..cl].iter().collect();
                    let mut parts = inner.splitn(2, ',');
                    let a = parts.next().unwrap_or("");
                    let b = parts.next();
                    !a.is_empty()
                        && a.chars().all(|d| d.is_ascii_digit())
                        && b.is_none_or(|b| b.chars().all(|d| d.is_ascii_digit()))
                });
                if is_q {
                    let cl = close.unwrap_or(i);
                    out.extend(&chars[i..=cl]);
                    i = cl + 1;
                } else {
                    hex_escape(&mut out, '{');
                    i += 1;
                }
            }
            '}' => {
                hex_escape(&mut out, '}');
                i += 1;
            }
            '#' | '&' | '~' | '-' | ' ' => {
                hex_escape(&mut out, c);
                i += 1;
            }
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
    Ok((out, fancy))
}

#[cfg(test)]
mod tests;
