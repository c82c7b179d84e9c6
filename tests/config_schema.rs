//! `verbatim schema --config` describes the config file: the shipped config/verbatim.toml and
//! every key of the defaults validate against it, and the mistakes `check-config` refuses for
//! their shape (unknown key, wrong type, unknown enum value) do not.
//!
//! A small validator of the JSON Schema keywords schemars emits (type, properties,
//! additionalProperties, items, enum, $ref, anyOf/oneOf/allOf, minimum), so that the test needs
//! no schema crate.

use serde_json::{json, Value};
use std::path::Path;
use verbatim::config::Config;

fn schema() -> Value {
    serde_json::from_str(&Config::json_schema()).expect("schema is JSON")
}

fn toml_to_json(text: &str) -> Value {
    let t: toml::Table = text.parse().expect("valid TOML");
    serde_json::to_value(t).expect("TOML as JSON")
}

fn type_ok(ty: &str, v: &Value) -> bool {
    match ty {
        "object" => v.is_object(),
        "array" => v.is_array(),
        "string" => v.is_string(),
        "boolean" => v.is_boolean(),
        "integer" => v.is_i64() || v.is_u64(),
        "number" => v.is_number(),
        "null" => v.is_null(),
        _ => false,
    }
}

/// Errors of `v` against `s` (empty = valid), each with its JSON path.
fn check(root: &Value, s: &Value, v: &Value, at: &str, errs: &mut Vec<String>) {
    if let Some(r) = s.get("$ref").and_then(Value::as_str) {
        let name = r.trim_start_matches("#/definitions/");
        return check(root, &root["definitions"][name], v, at, errs);
    }
    match s.get("type") {
        Some(Value::String(t)) if !type_ok(t, v) => errs.push(format!("{at}: not {t}: {v}")),
        Some(Value::Array(ts)) if !ts.iter().any(|t| type_ok(t.as_str().unwrap_or(""), v)) => {
            errs.push(format!("{at}: none of {ts:?}: {v}"))
        }
        _ => {}
    }
    if let Some(e) = s.get("enum").and_then(Value::as_array) {
        if !e.contains(v) {
            errs.push(format!("{at}: {v} not in {e:?}"));
        }
    }
    if let (Some(min), Some(n)) = (s.get("minimum").and_then(Value::as_f64), v.as_f64()) {
        if n < min {
            errs.push(format!("{at}: {n} < {min}"));
        }
    }
    for key in ["anyOf", "oneOf"] {
        if let Some(alts) = s.get(key).and_then(Value::as_array) {
            let ok = alts.iter().filter(|a| {
                let mut e = Vec::new();
                check(root, a, v, at, &mut e);
                e.is_empty()
            });
            let n = ok.count();
            if n == 0 || (key == "oneOf" && n > 1) {
                errs.push(format!("{at}: {key} matched {n} alternatives: {v}"));
            }
        }
    }
    if let Some(all) = s.get("allOf").and_then(Value::as_array) {
        for a in all {
            check(root, a, v, at, errs);
        }
    }
    if let (Some(items), Some(arr)) = (s.get("items"), v.as_array()) {
        for (i, x) in arr.iter().enumerate() {
            check(root, items, x, &format!("{at}[{i}]"), errs);
        }
    }
    if let Some(obj) = v.as_object() {
        let props = s.get("properties").and_then(Value::as_object);
        for (k, x) in obj {
            let path = format!("{at}.{k}");
            match props.and_then(|p| p.get(k)) {
                Some(ps) => check(root, ps, x, &path, errs),
                None => match s.get("additionalProperties") {
                    Some(Value::Bool(false)) => errs.push(format!("{path}: unknown key")),
                    Some(extra @ Value::Object(_)) => check(root, extra, x, &path, errs),
                    _ => {}
                },
            }
        }
    }
}

fn errors(v: &Value) -> Vec<String> {
    let root = schema();
    let mut errs = Vec::new();
    check(&root, &root, v, "$", &mut errs);
    errs
}

#[test]
fn shipped_config_and_defaults_validate() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join("config/verbatim.toml")).unwrap();
    let shipped = toml_to_json(&text);
    assert!(
        shipped["kafka"].is_object(),
        "the shipped config has sections"
    );
    assert_eq!(errors(&shipped), Vec::<String>::new());
    let defaults = toml_to_json(&Config::default().redacted_toml());
    assert_eq!(errors(&defaults), Vec::<String>::new());
    // Every section is described, with its keys' documentation.
    let s = schema();
    let sections = s["properties"].as_object().unwrap();
    for section in defaults.as_object().unwrap().keys() {
        assert!(sections.contains_key(section), "section {section} missing");
    }
    assert!(
        !sections.contains_key("origins"),
        "internal field in the schema"
    );
    assert!(Config::json_schema().contains("Consumer group id"));
}

#[test]
fn shape_mistakes_do_not_validate() {
    for (bad, why) in [
        (json!({"kafka": {"brokrs": "a:1"}}), "unknown key"),
        (json!({"pipeline": {"concurrency": "many"}}), "not integer"),
        (json!({"pipeline": {"concurrency": -1}}), "< 0"),
        (
            json!({"pipeline": {"delivery": "exactly-twice"}}),
            "exactly-twice",
        ),
        (json!({"log": {"format": "xml"}}), "xml"),
        (
            json!({"kafka": {"consumer": {"fetch.wait.max.ms": 5}}}),
            "not string",
        ),
        (json!({"kb": {"files": 3}}), "anyOf"),
        (
            json!({"output": {"headers": {"allow": "x-*"}}}),
            "not array",
        ),
    ] {
        let errs = errors(&bad);
        assert!(
            errs.iter().any(|e| e.contains(why)),
            "{bad} should fail with {why:?}: {errs:?}"
        );
    }
    for good in [
        json!({"kb": {"files": "a.tsv,b.tsv"}}),
        json!({"kb": {"files": ["a.tsv"]}}),
        json!({"http": {"listen": "localhost:9464"}}),
    ] {
        assert_eq!(errors(&good), Vec::<String>::new(), "{good}");
    }
}
