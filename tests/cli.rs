//! The `verbatim` binary's offline commands: enrich (golden seed article), check-config, schema.

use std::process::{Command, Stdio};

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_verbatim"));
    c.current_dir(env!("CARGO_MANIFEST_DIR"));
    c
}

fn chars(s: &str, start: usize, end: usize) -> String {
    s.chars().skip(start).take(end - start).collect()
}

/// Every span of an output message satisfies `article[field][start:end] == text`.
fn check_offsets(v: &serde_json::Value) {
    let art = &v["article"];
    for e in v["entities"].as_array().unwrap() {
        for m in e["mentions"].as_array().unwrap() {
            let field = art[m["field"].as_str().unwrap()].as_str().unwrap();
            let (s, t) = (
                m["start"].as_u64().unwrap() as usize,
                m["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(
                chars(field, s, t),
                m["text"].as_str().unwrap(),
                "mention {m}"
            );
        }
    }
    for q in v["quotes"].as_array().unwrap() {
        let field = art[q["field"].as_str().unwrap()].as_str().unwrap();
        let (s, t) = (
            q["start"].as_u64().unwrap() as usize,
            q["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(chars(field, s, t), q["text"].as_str().unwrap(), "quote {q}");
    }
}

/// `verbatim enrich ARGS` with `input` on stdin and `env` set; its finished output.
fn enrich_stdin(args: &[&str], env: &[(&str, &str)], input: &str) -> std::process::Output {
    let mut child = bin()
        .arg("enrich")
        .args(args)
        .envs(env.iter().copied())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn enrich_golden_seed_article() {
    // The fixture is pretty-printed JSON: feed it as one JSON line.
    let seed: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string("tests/fixtures/seed-fr.input.json").unwrap(),
    )
    .unwrap();
    let line = serde_json::to_string(&seed).unwrap();
    let out = enrich_stdin(&[], &[], &line);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 1);
    let v: serde_json::Value = serde_json::from_str(lines[0]).unwrap();
    assert_eq!(v["schema_version"], 1);
    assert_eq!(v["id"], "seed-fr");
    assert_eq!(v["lang"], "fr", "lang is null in the input: detected");
    assert_eq!(v["processing"]["lang_detected"], true);
    assert_eq!(
        v["article"], seed,
        "the input object is passed through unchanged"
    );
    check_offsets(&v);
    // The five direct quotes of the founding article (gold: ../shared/fixtures/seed-fr.gold.json).
    let quotes: Vec<&str> = v["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["text"].as_str().unwrap())
        .collect();
    for start in [
        "Nous sommes convaincus que les Biélorusses",
        "Nous sommes au courant de votre suggestion",
        "Vous avez agi de manière très honorable",
        "allégations de tortures et autres formes",
        "Compte tenu de leur ampleur",
    ] {
        assert!(
            quotes.iter().any(|q| q.starts_with(start)),
            "quote starting {start:?} in {quotes:?}"
        );
    }
}

#[test]
fn enrich_jsonl_keeps_order_and_reports_bad_lines() {
    let input = format!(
        "{}\n{{\"title\": 3}}\n\n{}\n",
        r#"{"id": "a", "lang": "en", "body": "\"We will build it this year,\" said Mayor Helen Carter on Monday."}"#,
        r#"{"id": "b", "lang": "fr", "body": "« Nous ne céderons rien », a déclaré Marie Curie à Paris."}"#
    );
    let run = |args: &[&str]| enrich_stdin(args, &[], &input);
    // A failed input makes the exit status 1 unless --keep-going; the good lines are out either way.
    let strict = run(&[]);
    assert_eq!(strict.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&strict.stdout).lines().count(), 2);
    let out = run(&["--keep-going"]);
    assert!(out.status.success());
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[1]["id"], "b");
    for v in &lines {
        check_offsets(v);
        assert_eq!(v["quotes"].as_array().unwrap().len(), 1, "{v}");
    }
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("\"line\":2") && err.contains("invalid_field"),
        "{err}"
    );
    assert!(err.contains("2 enriched, 1 failed"), "{err}");
}

#[test]
fn check_config_names_the_bad_key() {
    let ok = bin()
        .args(["check-config", "--config", "config/verbatim.toml"])
        .output()
        .unwrap();
    assert!(ok.status.success());
    let bad = bin()
        .args(["check-config", "--config", "config/verbatim.toml"])
        .env("VERBATIM__KAFKA__BROKERS", "no-port")
        .output()
        .unwrap();
    assert!(!bad.status.success());
    let err = String::from_utf8_lossy(&bad.stderr);
    assert!(
        err.contains("kafka.brokers") && err.contains("no-port"),
        "{err}"
    );
    let secret = bin()
        .args(["check-config"])
        .env("VERBATIM__KAFKA__PRODUCER__SASL_PASSWORD", "hunter2")
        .output()
        .unwrap();
    assert!(secret.status.success());
    let shown = String::from_utf8_lossy(&secret.stdout);
    assert!(
        !shown.contains("hunter2") && shown.contains("sasl.password"),
        "{shown}"
    );
}

#[test]
fn enrich_links_entities_to_the_example_newsroom_kb() {
    let input = r#"{"id": "k", "lang": "fr", "body": "Marie Curie a présenté ses travaux à Munich, en Allemagne, devant des étudiants venus de Varsovie."}"#;
    let out = enrich_stdin(
        &[],
        &[("VERBATIM__KB__FILES", "config/kb.example.tsv")],
        input,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let kb_id = |name: &str| {
        v["entities"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["mentions"][0]["text"] == name)
            .unwrap_or_else(|| panic!("{name} is found in {v}"))["kb_id"]
            .as_str()
            .map(str::to_string)
    };
    // In the example KB; a newsroom entry wins over the built-in place of the same name.
    assert_eq!(kb_id("Marie Curie").as_deref(), Some("Q7186"));
    assert_eq!(kb_id("Munich").as_deref(), Some("Q1726"));
    // Not in it: the built-in place (models/kb/places.tsv, built by scripts/models).
    assert_eq!(
        kb_id("Allemagne").as_deref(),
        Some("geonames:2921044"),
        "run scripts/kb"
    );
}

#[test]
fn schema_prints_one_document_per_call() {
    for (args, title) in [
        (&[][..], "OutputMessage"),
        (&["--output"][..], "OutputMessage"),
        (&["--input"][..], "InputArticle"),
    ] {
        let out = bin().arg("schema").args(args).output().unwrap();
        assert!(out.status.success(), "{args:?}");
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON document");
        assert_eq!(v["title"], title, "{args:?}");
    }
}

/// check-config loads the models: a wrong model directory fails under its key and where it was
/// set; relative paths in the file are read from the file's directory, whatever the cwd.
#[test]
fn check_config_loads_models_from_paths_relative_to_the_file() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(root.join("models"), dir.path().join("m")).unwrap();
    let cfg = dir.path().join("verbatim.toml");
    std::fs::write(
        &cfg,
        "[nlp.models]\nfr = \"m/fr_core_news_md\"\nen = \"m/en_core_web_sm\"\n[kb]\nplaces = \"m/kb/places.tsv\"\n",
    )
    .unwrap();
    let ok = bin()
        .current_dir("/")
        .args(["check-config", "-c"])
        .arg(&cfg)
        .env_remove("VERBATIM__NLP__MODELS__FR")
        .env_remove("VERBATIM__NLP__MODELS__EN")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&ok.stderr);
    assert!(ok.status.success(), "{err}");
    assert!(err.contains("models loaded: en, fr"), "{err}");

    std::fs::write(&cfg, "[nlp.models]\nfr = \"nowhere/fr\"\n").unwrap();
    let bad = bin()
        .args(["check-config", "-c"])
        .arg(&cfg)
        .output()
        .unwrap();
    assert!(!bad.status.success());
    let err = String::from_utf8_lossy(&bad.stderr);
    assert!(
        err.contains("nlp.models.fr")
            && err.contains("verbatim.toml")
            && err.contains("nowhere/fr"),
        "{err}"
    );
    // --no-models checks a config written for another machine without its models.
    let other = bin()
        .args(["check-config", "--no-models", "-c"])
        .arg(&cfg)
        .output()
        .unwrap();
    assert!(
        other.status.success(),
        "{}",
        String::from_utf8_lossy(&other.stderr)
    );
}

/// An environment variable's bad value is named with the variable, and the cause once.
#[test]
fn config_errors_name_the_variable_and_each_cause_once() {
    let out = bin()
        .args(["check-config", "--no-models"])
        .env("VERBATIM__PIPELINE__CONCURRENCY", "abc")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("pipeline.concurrency") && err.contains("VERBATIM__PIPELINE__CONCURRENCY=abc"),
        "{err}"
    );
    let out = bin()
        .args(["check-config", "-c", "/nonexistent/verbatim.toml"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.matches("No such file").count(), 1, "{err}");
}

#[test]
fn completions_man_page_and_config_schema() {
    let out = bin().args(["completions", "bash"]).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success() && text.contains("check-config") && text.contains("--keep-going"),
        "{text}"
    );
    let out = bin().args(["man"]).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success() && text.contains(".TH verbatim") && text.contains("check\\-config"),
        "{text}"
    );
    let dir = tempfile::tempdir().unwrap();
    let out = bin()
        .args(["man", "--dir"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    let page = std::fs::read_to_string(dir.path().join("verbatim-run.1")).unwrap();
    assert!(page.contains("\\-c") && page.contains("config"), "{page}");
    let out = bin().args(["schema", "--config"]).output().unwrap();
    let schema: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(schema["properties"]["kafka"].is_object(), "{schema}");
}
