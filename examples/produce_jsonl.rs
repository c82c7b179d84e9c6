//! Test/demo tool: produce each non-empty line of a file (JSON Lines) as one message to a topic.
//! The key is the line's `id` field when it is a JSON object with one, else no key. Every
//! delivery is awaited; exits non-zero if any message is not acknowledged.
//!
//!   cargo run --example produce_jsonl -- BROKERS TOPIC FILE [REPEAT]
//!   cargo run --example produce_jsonl -- 127.0.0.1:19092 articles deploy/fixtures/articles.jsonl

use rdkafka::config::ClientConfig;
use rdkafka::producer::{FutureProducer, FutureRecord};
use std::time::Duration;

#[tokio::main(flavor = "current_thread")]
async fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 3 {
        anyhow::bail!("usage: produce_jsonl BROKERS TOPIC FILE [REPEAT]");
    }
    let (brokers, topic, file) = (&args[0], &args[1], &args[2]);
    let repeat: usize = args.get(3).map(|s| s.parse()).transpose()?.unwrap_or(1);
    let text = std::fs::read_to_string(file)?;
    let producer: FutureProducer = ClientConfig::new()
        .set("bootstrap.servers", brokers)
        .set("client.id", "verbatim-produce-jsonl")
        .set("message.timeout.ms", "20000")
        .create()?;
    let mut sent = 0usize;
    for round in 0..repeat {
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let key = serde_json::from_str::<serde_json::Value>(line)
                .ok()
                .and_then(|v| {
                    v.get("id").map(|id| match id {
                        serde_json::Value::String(s) => s.clone(),
                        other => other.to_string(),
                    })
                })
                .map(|id| {
                    if repeat > 1 {
                        format!("{id}#{round}")
                    } else {
                        id
                    }
                });
            let mut rec = FutureRecord::<String, str>::to(topic).payload(line);
            if let Some(k) = key.as_ref() {
                rec = rec.key(k);
            }
            producer
                .send(rec, Duration::from_secs(20))
                .await
                .map_err(|(e, _)| anyhow::anyhow!("delivery failed: {e}"))?;
            sent += 1;
        }
    }
    eprintln!("produce_jsonl: {sent} messages acknowledged on {topic}");
    Ok(())
}
