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

/// The `kb_id` of the entity first mentioned as `text`, from a successful `enrich` run's output.
fn kb_ids(out: &std::process::Output) -> impl Fn(&str) -> Option<String> {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    move |text: &str| {
        v["entities"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["mentions"][0]["text"] == text)
            .unwrap_or_else(|| panic!("{text} is found in {v}"))["kb_id"]
            .as_str()
            .map(str::to_string)
    }
}

#[test]
fn enrich_links_entities_to_the_example_newsroom_kb() {
    let input = r#"{"id": "k", "lang": "fr", "body": "Marie Curie a présenté ses travaux à Munich, en Allemagne, devant des étudiants venus de Varsovie."}"#;
    let out = enrich_stdin(
        &[],
        &[("VERBATIM__KB__FILES", "config/kb.example.tsv")],
        input,
    );
    let kb_id = kb_ids(&out);
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

/// The built-in KB names an ISO 3166-2 division as a reader writes it, not as the standard files
/// it: "Wales [Cymru GB-CYM]" is Wales, "Durham, County" is County Durham.
#[test]
fn the_built_in_kb_names_divisions_as_they_are_read() {
    let input = r#"{"id": "w", "lang": "en", "body": "Ann Tovel, who farms in County Durham, said the price of milk in Wales had fallen again this winter."}"#;
    let kb_id = kb_ids(&enrich_stdin(&[], &[], input));
    assert_eq!(
        kb_id("Wales").as_deref(),
        Some("iso3166-2:GB-WLS"),
        "run scripts/kb --force"
    );
    assert_eq!(kb_id("County Durham").as_deref(), Some("iso3166-2:GB-DUR"));
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

/// Peak resident memory (KiB) of `verbatim enrich FILE`, read from the child's own rusage.
// The child is reaped by `wait4`, which clippy cannot see.
#[allow(clippy::zombie_processes)]
fn enrich_peak_rss_kib(file: &std::path::Path, env: &[(&str, &str)]) -> i64 {
    let child = bin()
        .arg("enrich")
        .arg(file)
        .envs(env.iter().copied())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut status = 0;
    // SAFETY: rusage is plain data; wait4 fills it for this child only (other tests' children
    // are not counted, as they would be by RUSAGE_CHILDREN).
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let pid = unsafe { libc::wait4(child.id() as libc::pid_t, &mut status, 0, &mut usage) };
    assert_eq!(pid, child.id() as libc::pid_t);
    assert!(
        libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0,
        "status {status}"
    );
    usage.ru_maxrss
}

#[test]
fn a_long_article_is_enriched_in_bounded_memory() {
    // About 80,000 tokens of prose in one body (under a raised token budget): the models
    // see it a segment at a time, so their working memory does not grow with the article.
    let sentence = "Le maire de Brest, Yann Kerjean, a promis lundi « des réponses rapides » aux \
                    habitants du quartier, qui attendent depuis des mois. ";
    let long = sentence.repeat(3_000);
    let short = sentence.repeat(20);
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, body: &str| {
        let path = dir.path().join(name);
        let line = serde_json::json!({"id": name, "lang": "fr", "body": body});
        std::fs::write(&path, format!("{line}\n")).unwrap();
        path
    };
    let env = [
        ("VERBATIM__NLP__SYNTAX", "false"),
        ("VERBATIM__LIMITS__MAX_TOKENS", "100000"),
    ];
    let base = enrich_peak_rss_kib(&write("short", &short), &env);
    let peak = enrich_peak_rss_kib(&write("long", &long), &env);
    // Unsegmented, the NER alone held ~2.5 KB per token (≈ 200 MB more here).
    assert!(
        peak - base < 120 * 1024,
        "peak {peak} KiB for 80,000 tokens vs {base} KiB for 500"
    );
}

#[test]
fn enrich_explain_shows_spans_entity_rules_and_quote_rules() {
    // An invented article: a person named in full, then a quote attributed by a pronoun.
    let line = serde_json::json!({
        "id": "explain-1",
        "lang": "en",
        "title": "Bridge to reopen",
        "body": "Maria Lopez, the mayor of Springfield, spoke on Tuesday. \
                 \u{201c}We will rebuild the bridge before the winter,\u{201d} she said."
    })
    .to_string();
    let plain = enrich_stdin(&[], &[], &line);
    assert!(plain.status.success());
    let plain: serde_json::Value = serde_json::from_slice(&plain.stdout).unwrap();
    assert!(plain.get("explain").is_none(), "{plain}");
    let out = enrich_stdin(&["--explain"], &[], &line);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    check_offsets(&v);
    let explain = &v["explain"];
    let body = v["article"]["body"].as_str().unwrap();
    // The model's raw span of the name, in code points.
    let ner = explain["ner"].as_array().unwrap();
    assert!(
        ner.iter().any(|s| s["field"] == "body"
            && chars(
                body,
                s["start"].as_u64().unwrap() as usize,
                s["end"].as_u64().unwrap() as usize
            ) == "Maria Lopez"
            && s["label"] == "PERSON"),
        "{ner:?}"
    );
    // The person's typing: her mention's label voted, and a rule settled it.
    let person = explain["entities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == "person:maria-lopez")
        .unwrap_or_else(|| panic!("{explain}"));
    assert!(person["rule"].is_string(), "{person}");
    assert_eq!(person["votes"][0]["type"], "person", "{person}");
    assert!(
        person["mentions"]
            .as_array()
            .unwrap()
            .iter()
            .any(|m| m["text"] == "Maria Lopez" && m["label"] == "PERSON"),
        "{person}"
    );
    // The quote: its cue, found after it, and "she" resolved to her antecedent.
    let quote = &explain["quotes"][0];
    assert_eq!(quote["index"], 0);
    assert_eq!(quote["cue"], "said", "{quote}");
    assert!(
        matches!(
            quote["rule"].as_str(),
            Some("governing_verb_incise" | "cue_after_quote")
        ),
        "{quote}"
    );
    assert_eq!(quote["speaker_ref"], "pronoun_antecedent", "{quote}");
    assert_eq!(v["quotes"][0]["speaker"]["entity_id"], "person:maria-lopez");
}
