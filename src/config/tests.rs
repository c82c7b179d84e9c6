//! Tests of config loading: defaults, files, environment overrides and their error messages.

use super::*;

fn load(toml_text: &str, env: &[(&str, &str)]) -> Result<Config, ConfigError> {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("c.toml");
    std::fs::write(&p, toml_text).unwrap();
    Config::load_with_env(
        Some(&p),
        env.iter().map(|(a, b)| (a.to_string(), b.to_string())),
    )
}

#[test]
fn shipped_config_is_valid_and_equals_defaults() {
    // Relative to the package root (the tests' working directory), as a user types it:
    // the file's `../models/...` then reads as the defaults' `models/...`.
    let c = Config::load_with_env(Some(Path::new("config/verbatim.toml")), []).unwrap();
    let d = Config::default();
    assert_eq!(c.redacted_toml(), d.redacted_toml());
}

#[test]
fn numeric_looking_env_values_stay_strings_for_string_keys() {
    let c = load(
        "",
        &[
            ("VERBATIM__KAFKA__GROUP_ID", "123"),
            ("VERBATIM__KAFKA__CLIENT_ID", "007"),
        ],
    )
    .unwrap();
    assert_eq!(c.kafka.group_id, "123");
    assert_eq!(c.kafka.client_id, "007");
    let c = load("", &[("VERBATIM__PIPELINE__MAX_IN_FLIGHT", "64")]).unwrap();
    assert_eq!(c.pipeline.max_in_flight, 64);
}

#[test]
fn in_flight_limits_and_sizes_are_validated() {
    let e = load(
        "",
        &[("VERBATIM__PIPELINE__MAX_IN_FLIGHT", "18446744073709551615")],
    );
    assert!(e
        .unwrap_err()
        .to_string()
        .contains("pipeline.max_in_flight"));
    let e = load(
        "",
        &[("VERBATIM__KAFKA__PRODUCER__MESSAGE_MAX_BYTES", "1000000")],
    )
    .unwrap_err()
    .to_string();
    assert!(
        e.contains("message.max.bytes") && e.contains("limits.max_article_bytes"),
        "{e}"
    );
    let e = load("", &[("VERBATIM__PIPELINE__MAX_IN_FLIGHT_BYTES", "1000")])
        .unwrap_err()
        .to_string();
    assert!(e.contains("pipeline.max_in_flight_bytes"), "{e}");
    let ok = load(
        "",
        &[
            ("VERBATIM__KAFKA__PRODUCER__MESSAGE_MAX_BYTES", "1000000"),
            ("VERBATIM__LIMITS__MAX_ARTICLE_BYTES", "400000"),
        ],
    );
    assert!(ok.is_ok(), "{:?}", ok.err());
}

#[test]
fn env_overrides() {
    let c = load(
        "[kafka]\nbrokers = \"a:1\"\n",
        &[
            ("VERBATIM__KAFKA__BROKERS", "127.0.0.1:9092"),
            ("VERBATIM__PIPELINE__CONCURRENCY", "3"),
            ("VERBATIM__KAFKA__CONSUMER__SASL_PASSWORD", "hunter2"),
            ("OTHER", "x"),
        ],
    )
    .unwrap();
    assert_eq!(c.kafka.brokers, "127.0.0.1:9092");
    assert_eq!(c.pipeline.concurrency, 3);
    assert_eq!(c.kafka.consumer["sasl.password"], "hunter2");
    let shown = c.redacted_toml();
    assert!(!shown.contains("hunter2"), "{shown}");
    assert!(shown.contains("***"));
}

#[test]
fn kb_files_from_a_list_or_a_comma_separated_string() {
    // From the file: read from the file's (temporary) directory.
    let c = load("[kb]\nfiles = [\"a.tsv\", \"b.jsonl\"]\n", &[]).unwrap();
    assert_eq!(c.kb.files.len(), 2);
    for (f, name) in c.kb.files.iter().zip(["a.tsv", "b.jsonl"]) {
        assert!(f.is_absolute() && f.ends_with(name), "{f:?}");
    }
    let c = load("", &[("VERBATIM__KB__FILES", "x.tsv, y.tsv")]).unwrap();
    assert_eq!(c.kb.files, [PathBuf::from("x.tsv"), PathBuf::from("y.tsv")]);
    assert!(
        load("[kb]\nfile = []\n", &[]).is_err(),
        "unknown keys are refused"
    );
}

#[test]
fn errors_say_where_the_value_was_set() {
    let e = load("", &[("VERBATIM__PIPELINE__CONCURRENCY", "abc")])
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("pipeline.concurrency")
            && e.contains("set by VERBATIM__PIPELINE__CONCURRENCY=abc"),
        "{e}"
    );
    let e = load("[pipeline]\nmax_in_flight = 0\n", &[])
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("pipeline.max_in_flight") && e.contains("c.toml"),
        "{e}"
    );
    // A default is set nowhere: no origin.
    let e = load("", &[("VERBATIM__PIPELINE__MAX_IN_FLIGHT_BYTES", "1000")])
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("set by VERBATIM__PIPELINE__MAX_IN_FLIGHT_BYTES=1000"),
        "{e}"
    );
    // The cause appears once, not again as a chained source.
    let e = Config::load_with_env(Some(Path::new("/nonexistent/v.toml")), []).unwrap_err();
    assert!(std::error::Error::source(&e).is_none(), "{e}");
}

#[test]
fn file_paths_are_read_from_the_file_directory_env_paths_from_the_cwd() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("c.toml");
    std::fs::write(
        &p,
        "[nlp.models]\nfr = \"m/fr\"\n[kb]\nplaces = \"\"\nfiles = [\"kb/a.tsv\", \"/abs/b.tsv\"]\n\
         [kafka.consumer]\n\"ssl.ca.location\" = \"tls/ca.pem\"\n\"client.rack\" = \"r/1\"\n",
    )
    .unwrap();
    let c = Config::load_with_env(
        Some(&p),
        [(
            "VERBATIM__NLP__MODELS__EN".to_string(),
            "models/en".to_string(),
        )],
    )
    .unwrap();
    assert_eq!(c.nlp.models["fr"], dir.path().join("m/fr"));
    assert_eq!(c.nlp.models["en"], PathBuf::from("models/en"));
    assert_eq!(c.kb.places, PathBuf::new());
    assert_eq!(
        c.kb.files,
        [dir.path().join("kb/a.tsv"), PathBuf::from("/abs/b.tsv")]
    );
    assert_eq!(
        PathBuf::from(&c.kafka.consumer["ssl.ca.location"]),
        dir.path().join("tls/ca.pem")
    );
    assert_eq!(
        c.kafka.consumer["client.rack"], "r/1",
        "not a path property"
    );
}

#[test]
fn listen_accepts_host_names() {
    let c = load("[http]\nlisten = \"localhost:9464\"\n", &[]).unwrap();
    assert_eq!(c.http.listen, "localhost:9464");
}

#[test]
fn errors_name_key_and_value() {
    let e = load("[kafka]\nbrokers = \"nope\"\n", &[])
        .unwrap_err()
        .to_string();
    assert!(e.contains("kafka.brokers") && e.contains("nope"), "{e}");
    let e = load("[kafka]\nbrokrs = \"a:1\"\n", &[])
        .unwrap_err()
        .to_string();
    assert!(e.contains("brokrs"), "{e}");
    let e = load("", &[("VERBATIM__PIPELINE__CONCURRENCY", "many")])
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("pipeline.concurrency") && e.contains("many"),
        "{e}"
    );
    let e = load("[http]\nlisten = \"localhost\"\n", &[])
        .unwrap_err()
        .to_string();
    assert!(e.contains("http.listen") && e.contains("localhost"), "{e}");
    let e = load("[log]\nformat = \"xml\"\n", &[])
        .unwrap_err()
        .to_string();
    assert!(e.contains("log.format") && e.contains("xml"), "{e}");
    let e = load("[kafka.consumer]\n\"enable.auto.commit\" = \"true\"\n", &[])
        .unwrap_err()
        .to_string();
    assert!(e.contains("enable.auto.commit"), "{e}");
}
