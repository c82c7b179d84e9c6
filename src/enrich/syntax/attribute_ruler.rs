//! spaCy's `attribute_ruler` at inference: token patterns (Matcher syntax restricted to what the
//! pipelines use: fixed-length patterns, `ORTH`/`LOWER`/`NORM`/`TAG`/`POS`/`DEP`/`LEMMA` with a
//! string, `IN`, `NOT_IN` or `REGEX`, and `IS_SPACE`) matched on the doc as the tagger and parser
//! left it, then each rule's attributes set on the indexed token of each match, in rule order
//! (later rules win). Patterns come from `attribute_ruler/patterns`.

use std::path::Path;

use regex::Regex;
use rmpv::Value;

use super::morph;
use crate::enrich::ner::features::{is_space, lower_into};
use crate::enrich::ner::weights::{decode_msgpack, format_err, join, map_get, read_bytes};
use crate::enrich::ner::NerError;

/// The token annotation the ruler reads and writes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct TokenAttrs {
    pub tag: String,
    pub pos: String,
    pub morph: String,
    pub lemma: String,
    pub dep: String,
}

/// A string attribute a pattern can test.
#[derive(Clone, Copy, Debug)]
enum Field {
    Orth,
    Lower,
    Tag,
    Pos,
    Dep,
    Lemma,
}

#[derive(Debug)]
enum Cond {
    Eq(Field, String),
    In(Field, Vec<String>),
    NotIn(Field, Vec<String>),
    Regex(Field, Regex),
    IsSpace(bool),
}

/// Attributes a rule sets.
#[derive(Debug, Default)]
struct SetAttrs {
    tag: Option<String>,
    pos: Option<String>,
    morph: Option<String>,
    lemma: Option<String>,
    dep: Option<String>,
}

#[derive(Debug)]
struct Rule {
    patterns: Vec<Vec<Vec<Cond>>>,
    attrs: SetAttrs,
    index: i64,
}

/// A loaded attribute ruler.
#[derive(Debug)]
pub struct AttributeRuler {
    rules: Vec<Rule>,
}

/// Text views of a token the conditions read.
pub(crate) struct TokenText<'a> {
    pub orth: &'a str,
    pub lower: String,
    pub is_space: bool,
}

impl<'a> TokenText<'a> {
    pub(crate) fn new(orth: &'a str) -> TokenText<'a> {
        let mut lower = String::new();
        lower_into(orth, &mut lower);
        TokenText {
            orth,
            lower,
            is_space: is_space(orth),
        }
    }
}

impl AttributeRuler {
    /// Loads `attribute_ruler/patterns`.
    pub fn load(model_dir: &Path) -> Result<AttributeRuler, NerError> {
        let path = join(model_dir, "attribute_ruler/patterns");
        let bytes = read_bytes(&path)?;
        let v = decode_msgpack(&path, &bytes)?;
        let list = v
            .as_array()
            .ok_or_else(|| format_err(&path, "patterns is not a list"))?;
        let rules = list
            .iter()
            .map(|r| parse_rule(r).map_err(|reason| format_err(&path, reason)))
            .collect::<Result<_, _>>()?;
        Ok(AttributeRuler { rules })
    }

    /// Applies the rules to a doc.
    pub(crate) fn apply(&self, texts: &[TokenText], attrs: &mut [TokenAttrs]) {
        let n = texts.len();
        let mut sets: Vec<(usize, usize)> = Vec::new();
        for (r, rule) in self.rules.iter().enumerate() {
            let mut starts: Vec<(usize, usize)> = Vec::new();
            for pat in &rule.patterns {
                let len = pat.len();
                if len == 0 || len > n {
                    continue;
                }
                for s in 0..=n - len {
                    let ok = pat.iter().enumerate().all(|(k, conds)| {
                        conds
                            .iter()
                            .all(|c| matches(c, &texts[s + k], &attrs[s + k]))
                    });
                    if ok {
                        starts.push((s, s + len));
                    }
                }
            }
            starts.sort_unstable();
            starts.dedup();
            for (s, e) in starts {
                let len = (e - s) as i64;
                let idx = if rule.index < 0 {
                    len + rule.index
                } else {
                    rule.index
                };
                if (0..len).contains(&idx) {
                    sets.push((r, s + idx as usize));
                }
            }
        }
        for (r, t) in sets {
            let a = &self.rules[r].attrs;
            let tok = &mut attrs[t];
            if let Some(v) = &a.tag {
                tok.tag.clone_from(v);
            }
            if let Some(v) = &a.pos {
                tok.pos.clone_from(v);
            }
            if let Some(v) = &a.morph {
                tok.morph.clone_from(v);
            }
            if let Some(v) = &a.lemma {
                tok.lemma.clone_from(v);
            }
            if let Some(v) = &a.dep {
                tok.dep.clone_from(v);
            }
        }
    }
}

fn field_value<'a>(f: Field, t: &'a TokenText, a: &'a TokenAttrs) -> &'a str {
    match f {
        Field::Orth => t.orth,
        Field::Lower => &t.lower,
        Field::Tag => &a.tag,
        Field::Pos => &a.pos,
        Field::Dep => &a.dep,
        Field::Lemma => &a.lemma,
    }
}

fn matches(c: &Cond, t: &TokenText, a: &TokenAttrs) -> bool {
    match c {
        Cond::Eq(f, v) => field_value(*f, t, a) == v,
        Cond::In(f, vs) => vs.iter().any(|v| v == field_value(*f, t, a)),
        Cond::NotIn(f, vs) => !vs.iter().any(|v| v == field_value(*f, t, a)),
        Cond::Regex(f, re) => re.is_match(field_value(*f, t, a)),
        Cond::IsSpace(b) => t.is_space == *b,
    }
}

fn as_str(v: &Value) -> Option<&str> {
    match v {
        Value::String(s) => s.as_str(),
        Value::Binary(b) => std::str::from_utf8(b).ok(),
        _ => None,
    }
}

fn str_list(v: &Value) -> Result<Vec<String>, String> {
    v.as_array()
        .ok_or_else(|| format!("{v} is not a list"))?
        .iter()
        .map(|x| {
            as_str(x)
                .map(str::to_string)
                .ok_or(format!("{x} is not a string"))
        })
        .collect()
}

fn parse_cond(key: &str, v: &Value) -> Result<Cond, String> {
    let field = match key {
        "IS_SPACE" => {
            return v
                .as_bool()
                .map(Cond::IsSpace)
                .ok_or(format!("IS_SPACE value {v} is not a bool"))
        }
        "ORTH" | "TEXT" => Field::Orth,
        "LOWER" => Field::Lower,
        "TAG" => Field::Tag,
        "POS" => Field::Pos,
        "DEP" => Field::Dep,
        "LEMMA" => Field::Lemma,
        other => return Err(format!("unsupported pattern attribute {other:?}")),
    };
    if let Some(s) = as_str(v) {
        return Ok(Cond::Eq(field, s.to_string()));
    }
    let m = v.as_map().filter(|m| m.len() == 1).ok_or(format!(
        "pattern value {v} of {key} is not a string or a one-key map"
    ))?;
    let (op, arg) = (&m[0].0, &m[0].1);
    match as_str(op) {
        Some("IN") => Ok(Cond::In(field, str_list(arg)?)),
        Some("NOT_IN") => Ok(Cond::NotIn(field, str_list(arg)?)),
        Some("REGEX") => {
            let src = as_str(arg).ok_or(format!("REGEX argument {arg} is not a string"))?;
            Regex::new(src)
                .map(|re| Cond::Regex(field, re))
                .map_err(|e| format!("REGEX {src:?}: {e}"))
        }
        _ => Err(format!("unsupported pattern operator {op} of {key}")),
    }
}

fn parse_rule(r: &Value) -> Result<Rule, String> {
    let pats = map_get(r, "patterns")
        .and_then(Value::as_array)
        .ok_or("rule without patterns")?;
    let mut patterns = Vec::new();
    for p in pats {
        let toks = p.as_array().ok_or(format!("pattern {p} is not a list"))?;
        let mut pat = Vec::new();
        for t in toks {
            let m = t
                .as_map()
                .ok_or(format!("token pattern {t} is not a map"))?;
            let conds = m
                .iter()
                .map(|(k, v)| parse_cond(as_str(k).unwrap_or(""), v))
                .collect::<Result<Vec<_>, _>>()?;
            pat.push(conds);
        }
        patterns.push(pat);
    }
    let mut attrs = SetAttrs::default();
    if let Some(m) = map_get(r, "attrs").and_then(Value::as_map) {
        for (k, v) in m {
            let key = as_str(k).unwrap_or("");
            let val = as_str(v)
                .ok_or(format!("attribute {key} value {v} is not a string"))?
                .to_string();
            match key {
                "TAG" => attrs.tag = Some(val),
                "POS" => attrs.pos = Some(val),
                "MORPH" => attrs.morph = Some(morph::normalize(&val)),
                "LEMMA" => attrs.lemma = Some(val),
                "DEP" => attrs.dep = Some(val),
                other => return Err(format!("unsupported attribute {other:?}")),
            }
        }
    }
    let index = map_get(r, "index").and_then(Value::as_i64).unwrap_or(0);
    Ok(Rule {
        patterns,
        attrs,
        index,
    })
}
