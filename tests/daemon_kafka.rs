//! The real `verbatim run` binary against the real test broker (tansu).

mod common;

use common::*;
use rdkafka::message::{Headers, Message};
use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(90);

fn header(m: &rdkafka::message::OwnedMessage, name: &str) -> Option<String> {
    m.headers()?
        .iter()
        .find(|h| h.key == name)
        .and_then(|h| h.value.map(|v| String::from_utf8_lossy(v).into_owned()))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn articles_in_enriched_out_offsets_committed() {
    let s = Setup::new("e2e", 3).await;
    let n = 60;
    let msgs: Vec<(String, Vec<u8>)> = (0..n)
        .map(|i| {
            let id = format!("art-{}", i % 12);
            (id.clone(), article(&id, i))
        })
        .collect();
    produce(&s.brokers, &s.input, &msgs).await;
    let mut d = s.spawn(&[]);

    let out = consume(&s.brokers, &s.output, n, WAIT);
    assert_eq!(out.len(), n, "every input comes out enriched");
    let mut seen = BTreeSet::new();
    let mut last_seq: BTreeMap<String, i64> = BTreeMap::new();
    for m in &out {
        let v: serde_json::Value = serde_json::from_slice(m.payload().unwrap()).unwrap();
        assert_eq!(v["schema_version"], 1);
        let id = v["id"].as_str().unwrap().to_string();
        assert_eq!(m.key().unwrap(), id.as_bytes(), "output key = input key");
        assert_eq!(v["lang"], "fr");
        assert_eq!(
            v["article"]["id"], v["id"],
            "the input object is passed through"
        );
        assert!(v["article"]["body"].as_str().unwrap().contains("budget"));
        assert!(v["entities"].is_array() && v["quotes"].is_array());
        assert!(
            !v["quotes"].as_array().unwrap().is_empty(),
            "the quote is found: {v}"
        );
        let seq = v["article"]["seq"].as_i64().unwrap();
        // Same key → same partition in and out: outputs of one key keep the input order.
        if let Some(prev) = last_seq.insert(id.clone(), seq) {
            assert!(seq > prev, "order kept for key {id}: {prev} then {seq}");
        }
        seen.insert(seq);
    }
    assert_eq!(seen.len(), n, "no duplicates, no gaps");

    let hw = high_watermarks(&s.brokers, &s.input, s.partitions);
    let ok = wait_until(WAIT, || {
        committed(&s.brokers, &s.group, &s.input, s.partitions) == hw
    });
    assert!(
        ok,
        "committed offsets {:?} reach the input's end {:?}",
        committed(&s.brokers, &s.group, &s.input, s.partitions),
        hw
    );

    assert_eq!(d.get("/healthz").map(|r| r.0), Some(200));
    assert!(
        wait_until(WAIT, || d.get("/readyz").map(|r| r.0) == Some(200)),
        "ready: {:?}",
        d.get("/readyz")
    );
    assert_eq!(d.metric("verbatim_messages_consumed_total"), Some(n as f64));
    assert_eq!(d.metric("verbatim_messages_produced_total"), Some(n as f64));
    let status = d
        .terminate(Duration::from_secs(60))
        .expect("exits after SIGTERM");
    assert!(status.success(), "graceful exit: {status:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn malformed_inputs_go_to_the_dead_letter_topic() {
    let s = Setup::new("dlq", 1).await;
    let big = format!("{{\"body\": \"{}\"}}", "a ".repeat(3000));
    let bad: Vec<(&str, Vec<u8>, &str)> = vec![
        ("json", b"{\"title\": ".to_vec(), "invalid_json"),
        ("utf8", b"{\"body\": \"\xff\xfe\"}".to_vec(), "invalid_utf8"),
        (
            "notext",
            br#"{"id": "x", "title": "", "body": "  "}"#.to_vec(),
            "missing_text",
        ),
        ("type", br#"{"body": 42}"#.to_vec(), "invalid_field"),
        ("array", b"[1, 2]".to_vec(), "not_object"),
        ("empty", b"".to_vec(), "empty"),
        ("big", big.into_bytes(), "too_large"),
        ("good", article("good", 1), ""),
    ];
    let msgs: Vec<(String, Vec<u8>)> = bad
        .iter()
        .map(|(k, v, _)| (k.to_string(), v.clone()))
        .collect();
    produce(&s.brokers, &s.input, &msgs).await;
    let mut d = s.spawn(&[("VERBATIM__LIMITS__MAX_ARTICLE_BYTES", "4096")]);

    let dead = consume(&s.brokers, &s.dlq, bad.len() - 1, WAIT);
    assert_eq!(dead.len(), bad.len() - 1);
    for m in &dead {
        let key = std::str::from_utf8(m.key().unwrap()).unwrap();
        let (_, payload, kind) = bad.iter().find(|(k, _, _)| *k == key).unwrap();
        assert_eq!(
            header(m, "verbatim-error-kind").as_deref(),
            Some(*kind),
            "kind for {key}"
        );
        assert!(!header(m, "verbatim-error").unwrap_or_default().is_empty());
        assert_eq!(
            header(m, "verbatim-source-topic").as_deref(),
            Some(s.input.as_str())
        );
        assert_eq!(header(m, "verbatim-source-partition").as_deref(), Some("0"));
        assert!(header(m, "verbatim-source-offset").is_some());
        assert_eq!(
            m.payload().unwrap_or_default(),
            payload.as_slice(),
            "original payload kept for {key}"
        );
    }
    let out = consume(&s.brokers, &s.output, 1, WAIT);
    assert_eq!(out.len(), 1, "the good article still comes out");
    let hw = high_watermarks(&s.brokers, &s.input, 1);
    assert!(
        wait_until(WAIT, || committed(&s.brokers, &s.group, &s.input, 1) == hw),
        "dead letters are committed too"
    );
    assert_eq!(
        d.metric("verbatim_dead_letters_total{reason=\"invalid_json\"}"),
        Some(1.0)
    );
    assert_eq!(
        d.metric("verbatim_dead_letters_total{reason=\"too_large\"}"),
        Some(1.0)
    );
    let st = d.terminate(Duration::from_secs(60)).expect("exits");
    assert!(st.success());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn restart_loses_nothing_and_redoes_nothing_acknowledged() {
    let s = Setup::new("restart", 2).await;
    let first: Vec<(String, Vec<u8>)> = (0..20)
        .map(|i| (format!("a{i}"), article(&format!("a{i}"), i)))
        .collect();
    produce(&s.brokers, &s.input, &first).await;
    let mut d = s.spawn(&[]);
    assert_eq!(consume(&s.brokers, &s.output, 20, WAIT).len(), 20);
    let hw = high_watermarks(&s.brokers, &s.input, 2);
    assert!(wait_until(WAIT, || committed(
        &s.brokers, &s.group, &s.input, 2
    ) == hw));
    let st = d.terminate(Duration::from_secs(60)).expect("exits");
    assert!(st.success());

    let second: Vec<(String, Vec<u8>)> = (20..35)
        .map(|i| (format!("a{i}"), article(&format!("a{i}"), i)))
        .collect();
    produce(&s.brokers, &s.input, &second).await;
    let mut d2 = s.spawn(&[]);
    let out = consume(&s.brokers, &s.output, 35, WAIT);
    let ids: Vec<String> = out
        .iter()
        .map(|m| String::from_utf8_lossy(m.key().unwrap()).into_owned())
        .collect();
    let unique: BTreeSet<&String> = ids.iter().collect();
    assert_eq!(unique.len(), 35, "all 35 ids came out");
    assert_eq!(
        ids.len(),
        35,
        "nothing acknowledged before the restart was processed again"
    );
    let hw = high_watermarks(&s.brokers, &s.input, 2);
    assert!(wait_until(WAIT, || committed(
        &s.brokers, &s.group, &s.input, 2
    ) == hw));
    assert!(d2
        .terminate(Duration::from_secs(60))
        .expect("exits")
        .success());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_article_past_its_time_limit_is_dead_lettered_as_timeout() {
    let s = Setup::new("timeout", 1).await;
    let sentence = "Le président Emmanuel Macron a rencontré Angela Merkel à Berlin. ";
    let body = sentence.repeat(4000); // ≈ 260 KB, far more than 1 ms of work
    let big =
        serde_json::to_vec(&serde_json::json!({"id": "slow", "lang": "fr", "body": body})).unwrap();
    produce(&s.brokers, &s.input, &[("slow".to_string(), big.clone())]).await;
    // 60,000 tokens is over the default token budget: lift it, or the article could be refused
    // as `too_many_tokens` before its time runs out.
    let mut d = s.spawn(&[
        ("VERBATIM__PIPELINE__ARTICLE_TIMEOUT_MS", "1"),
        ("VERBATIM__LIMITS__MAX_TOKENS", "0"),
    ]);
    let dead = consume(&s.brokers, &s.dlq, 1, WAIT);
    assert_eq!(dead.len(), 1);
    assert_eq!(
        header(&dead[0], "verbatim-error-kind").as_deref(),
        Some("timeout")
    );
    assert_eq!(dead[0].payload().unwrap(), big.as_slice());
    assert!(wait_until(WAIT, || committed(
        &s.brokers, &s.group, &s.input, 1
    ) == vec![1]));
    assert!(d
        .terminate(Duration::from_secs(60))
        .expect("exits")
        .success());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn exactly_once_mode_commits_offsets_in_transactions() {
    let s = Setup::new("eos", 2).await;
    let n = 50;
    let msgs: Vec<(String, Vec<u8>)> = (0..n)
        .map(|i| (format!("e{i}"), article(&format!("e{i}"), i)))
        .collect();
    produce(&s.brokers, &s.input, &msgs).await;
    let txn_id = unique("txn");
    let env = [
        ("VERBATIM__PIPELINE__DELIVERY", "exactly-once"),
        ("VERBATIM__KAFKA__TRANSACTIONAL_ID", txn_id.as_str()),
        ("VERBATIM__PIPELINE__TRANSACTION_MAX_MESSAGES", "8"),
    ];
    let mut d = s.spawn(&env);
    let out = consume(&s.brokers, &s.output, n, WAIT);
    assert_eq!(out.len(), n);
    let hw = high_watermarks(&s.brokers, &s.input, s.partitions);
    let ok = wait_until(WAIT, || {
        committed(&s.brokers, &s.group, &s.input, s.partitions) == hw
    });
    assert!(
        ok,
        "offsets committed through the transactions: {:?} vs {:?}",
        committed(&s.brokers, &s.group, &s.input, s.partitions),
        hw
    );
    assert!(
        d.metric("verbatim_transactions_total{result=\"committed\"}")
            .unwrap_or(0.0)
            >= (n / 8) as f64
    );
    assert!(d
        .terminate(Duration::from_secs(60))
        .expect("exits")
        .success());
    // A restart reprocesses nothing.
    let mut d2 = s.spawn(&env);
    produce(
        &s.brokers,
        &s.input,
        &[("e-last".to_string(), article("e-last", 99))],
    )
    .await;
    let out = consume(&s.brokers, &s.output, n + 1, WAIT);
    assert_eq!(out.len(), n + 1, "only the new article was added");
    std::thread::sleep(Duration::from_secs(2));
    assert_eq!(
        consume(&s.brokers, &s.output, n + 2, Duration::from_secs(3)).len(),
        n + 1
    );
    assert!(d2
        .terminate(Duration::from_secs(60))
        .expect("exits")
        .success());
}
