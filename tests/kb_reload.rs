//! The newsroom's knowledge base in the real `verbatim run` binary against the real test broker:
//! an entity listed in the example KB (`config/kb.example.tsv`) comes out with its `kb_id`; after
//! the file is edited and SIGHUP sent, the next article carries the new id, without a rebalance;
//! a broken file keeps the old KB and counts an error.

mod common;

use common::*;
use rdkafka::message::Message;
use std::path::Path;
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(90);

fn sighup(d: &Daemon) {
    let pid = d.child.as_ref().expect("daemon running").id();
    let ok = std::process::Command::new("kill")
        .arg("-HUP")
        .arg(pid.to_string())
        .status()
        .expect("run kill")
        .success();
    assert!(ok, "kill -HUP {pid}");
}

/// An invented French article naming a person of the example KB.
fn article_about_curie(id: &str) -> Vec<u8> {
    serde_json::to_vec(&serde_json::json!({
        "id": id,
        "lang": "fr",
        "title": "Une conférence sur la radioactivité",
        "body": "Marie Curie a présenté mardi ses travaux devant l'Académie des sciences. « Ce n'est qu'un début », a-t-elle déclaré à la fin de la séance.",
    }))
    .unwrap()
}

/// `kb_id` of the person entity of output `id` (waits for it).
fn kb_id_of_output(s: &Setup, id: &str) -> Option<String> {
    let out = consume_until(&s.brokers, &s.output, WAIT, |all| {
        all.iter().any(|m| m.key() == Some(id.as_bytes()))
    });
    let m = out
        .iter()
        .find(|m| m.key() == Some(id.as_bytes()))
        .unwrap_or_else(|| panic!("output {id} arrives"));
    let v: serde_json::Value = serde_json::from_slice(m.payload().unwrap()).unwrap();
    let person = v["entities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["type"] == "person" && e["mentions"][0]["text"] == "Marie Curie")
        .unwrap_or_else(|| panic!("Marie Curie is found in {v}"));
    person["kb_id"].as_str().map(str::to_string)
}

fn write_atomically(path: &Path, text: &str) {
    let tmp = path.with_extension("tmp");
    std::fs::write(&tmp, text).unwrap();
    std::fs::rename(&tmp, path).unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sighup_reloads_the_newsroom_kb_without_a_rebalance() {
    let s = Setup::new("kb", 1).await;
    let dir = tempfile::tempdir().unwrap();
    let kb = dir.path().join("newsroom.tsv");
    let example = std::fs::read_to_string(root().join("config/kb.example.tsv")).unwrap();
    assert!(
        example.contains("Q7186\tperson\tMarie Curie"),
        "the example KB lists Marie Curie"
    );
    write_atomically(&kb, &example);
    let kb_path = kb.to_str().unwrap();
    let d = s.spawn(&[
        ("VERBATIM__KB__FILES", kb_path),
        // SIGHUP alone triggers reloads here: the file watch is tested in src/kb.rs.
        ("VERBATIM__KB__WATCH_INTERVAL_MS", "0"),
    ]);

    produce(
        &s.brokers,
        &s.input,
        &[("a1".into(), article_about_curie("a1"))],
    )
    .await;
    assert_eq!(kb_id_of_output(&s, "a1").as_deref(), Some("Q7186"));
    let rebalances = |d: &Daemon| {
        (
            d.metric("verbatim_rebalances_total{kind=\"assign\"}"),
            d.metric("verbatim_rebalances_total{kind=\"revoke\"}"),
        )
    };
    let before = rebalances(&d);
    assert!(
        before.0.unwrap_or(0.0) >= 1.0,
        "the consumer was assigned: {before:?}"
    );
    let entries = d.metric("verbatim_kb_entries").unwrap();
    assert!(entries >= 5.0, "{entries}");

    // The edited file gives Marie Curie another id.
    write_atomically(&kb, &example.replace("Q7186\t", "newsroom:curie\t"));
    sighup(&d);
    assert!(
        wait_until(WAIT, || d
            .metric("verbatim_kb_reloads_total{result=\"ok\"}")
            == Some(1.0)),
        "reloaded: {:?}",
        d.metric("verbatim_kb_reloads_total{result=\"ok\"}")
    );
    produce(
        &s.brokers,
        &s.input,
        &[("a2".into(), article_about_curie("a2"))],
    )
    .await;
    assert_eq!(kb_id_of_output(&s, "a2").as_deref(), Some("newsroom:curie"));

    // A broken file: the old KB stays in use and the error is counted.
    write_atomically(&kb, &format!("{example}Q1\tplanet\tMars\n"));
    sighup(&d);
    assert!(
        wait_until(WAIT, || d
            .metric("verbatim_kb_reloads_total{result=\"error\"}")
            == Some(1.0)),
        "error counted: {:?}",
        d.metric("verbatim_kb_reloads_total{result=\"error\"}")
    );
    produce(
        &s.brokers,
        &s.input,
        &[("a3".into(), article_about_curie("a3"))],
    )
    .await;
    assert_eq!(kb_id_of_output(&s, "a3").as_deref(), Some("newsroom:curie"));

    assert_eq!(rebalances(&d), before, "no rebalance across the reloads");
    assert_eq!(d.metric("verbatim_messages_produced_total"), Some(3.0));
    assert_eq!(d.metric("verbatim_kb_entries"), Some(entries));
    assert_eq!(
        d.metric("verbatim_kb_reloads_total{result=\"ok\"}"),
        Some(1.0)
    );
}
