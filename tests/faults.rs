//! Fault tests against the real broker: SIGKILL mid-stream and restart, instances joining and
//! dying in one consumer group, SIGTERM under load. Each reports sent / received / duplicated /
//! lost; loss fails the test, duplicates are allowed (at-least-once) and printed.

mod common;

use common::*;
use rdkafka::message::Message;
use std::collections::BTreeMap;
use std::time::{Duration, Instant};

const WAIT: Duration = Duration::from_secs(120);

/// Count outputs per id; check per-key order of first occurrences.
fn tally(out: &[rdkafka::message::OwnedMessage]) -> (BTreeMap<String, usize>, bool) {
    let mut counts = BTreeMap::new();
    let mut last: BTreeMap<String, i64> = BTreeMap::new();
    let mut ordered = true;
    for m in out {
        let v: serde_json::Value = serde_json::from_slice(m.payload().unwrap_or_default()).unwrap();
        let id = v["id"].as_str().unwrap().to_string();
        let c = counts.entry(id.clone()).or_insert(0);
        *c += 1;
        if *c == 1 {
            let key = String::from_utf8_lossy(m.key().unwrap_or_default()).into_owned();
            let seq = v["article"]["seq"].as_i64().unwrap();
            if let Some(prev) = last.insert(key, seq) {
                ordered &= seq > prev;
            }
        }
    }
    (counts, ordered)
}

fn report(name: &str, sent: usize, counts: &BTreeMap<String, usize>) -> (usize, usize) {
    let received: usize = counts.values().sum();
    let dups: usize = counts.values().map(|c| c - 1).sum();
    let lost = sent - counts.len();
    eprintln!("FAULT {name}: sent {sent}, received {received}, distinct {}, duplicated {dups}, lost {lost}", counts.len());
    (dups, lost)
}

fn messages(prefix: &str, n: usize, keys: usize) -> Vec<(String, Vec<u8>)> {
    // Ids unique per message, keys shared (per-key order is checkable), seq increasing.
    (0..n)
        .map(|i| {
            let key = format!("{prefix}-k{}", i % keys);
            let id = format!("{prefix}-{i}");
            let mut v: serde_json::Value = serde_json::from_slice(&article(&id, i)).unwrap();
            v["seq"] = serde_json::json!(i);
            (key, serde_json::to_vec(&v).unwrap())
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigkill_mid_stream_and_restart_loses_nothing() {
    let s = Setup::new("kill", 3).await;
    let n = 600;
    produce(&s.brokers, &s.input, &messages("k", n, 30)).await;
    // Small in-flight bound so that a kill always lands with work in progress.
    let env = [("VERBATIM__PIPELINE__MAX_IN_FLIGHT", "16")];
    let mut d = s.spawn(&env);
    let mut rng = 0x2545F4914F6CDD1Du64;
    for round in 0..3 {
        // Wait for some progress, then kill at a pseudo-random point.
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        let target = (round + 1) * n / 5 + (rng % 40) as usize;
        let ok = wait_until(WAIT, || {
            d.metric("verbatim_messages_produced_total").unwrap_or(0.0)
                >= (target - round * n / 5).min(n / 5) as f64
        });
        assert!(ok, "progress before kill {round}");
        d.kill();
        d = s.spawn(&env);
    }
    let out = consume_distinct(&s.brokers, &s.output, n, WAIT);
    let (counts, ordered) = tally(&out);
    let (_dups, lost) = report("sigkill x3", n, &counts);
    assert_eq!(lost, 0, "every input id appears in the output");
    assert!(ordered, "per-key order of first outputs is kept");
    let hw = high_watermarks(&s.brokers, &s.input, s.partitions);
    assert!(wait_until(WAIT, || committed(
        &s.brokers,
        &s.group,
        &s.input,
        s.partitions
    ) == hw));
    assert!(d
        .terminate(Duration::from_secs(60))
        .expect("exits")
        .success());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn group_of_three_one_killed_one_added_loses_nothing() {
    let s = Setup::new("group", 4).await;
    let n = 800;
    let msgs = messages("g", n, 40);
    produce(&s.brokers, &s.input, &msgs[..n / 2]).await;
    let env = [("VERBATIM__PIPELINE__MAX_IN_FLIGHT", "16")];
    let mut a = s.spawn(&env);
    let mut b = s.spawn(&env);
    let mut c = s.spawn(&env);
    let started = Instant::now();
    let some = wait_until(WAIT, || {
        [&a, &b, &c]
            .iter()
            .map(|d| d.metric("verbatim_messages_produced_total").unwrap_or(0.0))
            .sum::<f64>()
            >= 100.0
    });
    assert!(some, "the group makes progress");
    b.kill();
    produce(&s.brokers, &s.input, &msgs[n / 2..]).await;
    let mut d = s.spawn(&env);
    let out = consume_distinct(&s.brokers, &s.output, n, WAIT);
    let (counts, ordered) = tally(&out);
    let (_dups, lost) = report("group of 3, one killed, one added", n, &counts);
    eprintln!("FAULT group: took {:?}", started.elapsed());
    assert_eq!(lost, 0);
    assert!(ordered, "per-key order of first outputs is kept");
    let hw = high_watermarks(&s.brokers, &s.input, s.partitions);
    assert!(wait_until(WAIT, || committed(
        &s.brokers,
        &s.group,
        &s.input,
        s.partitions
    ) == hw));
    for x in [&mut a, &mut c, &mut d] {
        assert!(x
            .terminate(Duration::from_secs(60))
            .expect("exits")
            .success());
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_under_load_drains_commits_and_exits_zero() {
    let s = Setup::new("term", 2).await;
    let n = 1500;
    produce(&s.brokers, &s.input, &messages("t", n, 20)).await;
    let mut d = s.spawn(&[("VERBATIM__PIPELINE__DRAIN_TIMEOUT_SECS", "20")]);
    assert!(wait_until(WAIT, || d
        .metric("verbatim_messages_consumed_total")
        .unwrap_or(0.0)
        >= 50.0));
    let t0 = Instant::now();
    let st = d
        .terminate(Duration::from_secs(40))
        .expect("exits within the drain deadline");
    eprintln!("FAULT sigterm: exit {st:?} after {:?}", t0.elapsed());
    assert!(st.success(), "exit 0 after draining");
    // Everything the first instance produced is on the output topic now (it flushed on exit).
    let first = consume(&s.brokers, &s.output, n, Duration::from_secs(15));
    let committed_now: i64 = committed(&s.brokers, &s.group, &s.input, 2)
        .iter()
        .map(|o| (*o).max(0))
        .sum();
    assert_eq!(
        committed_now as usize,
        first.len(),
        "everything produced before the stop was committed, nothing more"
    );
    // A second start carries on from the commit and reprocesses nothing acknowledged.
    let mut d2 = s.spawn(&[]);
    let out = consume_distinct(&s.brokers, &s.output, n, WAIT);
    let (counts, _) = tally(&out);
    let (dups, lost) = report("sigterm under load + restart", n, &counts);
    assert_eq!(lost, 0);
    assert_eq!(dups, 0, "a graceful stop leaves nothing to redo");
    assert!(d2
        .terminate(Duration::from_secs(60))
        .expect("exits")
        .success());
}

/// SIGTERM while the models load: the handlers go in before the load, so the start-up ends
/// cleanly (exit 0, the group never joined) instead of the process dying by the signal.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_while_the_models_load_exits_zero_without_joining() {
    let s = Setup::new("early", 1).await;
    let dir = tempfile::tempdir().unwrap();
    let log_path = dir.path().join("daemon.log");
    let log = std::fs::File::create(&log_path).unwrap();
    let mut d = s.spawn_with_stderr(&[], log.into());
    // The models and the knowledge base take the better part of a second to load; the handler
    // is in place within milliseconds of the start.
    let start = Instant::now();
    while !d.handles_sigterm() && start.elapsed() < Duration::from_secs(20) {
        std::thread::sleep(Duration::from_millis(2));
    }
    let st = d.terminate(Duration::from_secs(30)).expect("exits");
    let text = std::fs::read_to_string(&log_path).unwrap();
    assert!(st.success(), "exit {st:?}; log:\n{text}");
    assert!(
        text.contains("shutdown requested while starting"),
        "stopped before joining; log:\n{text}"
    );
    assert!(!text.contains("partitions assigned"), "log:\n{text}");
}
