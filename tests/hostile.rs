//! Hostile input for the decoder and the enrichment core (property tests, with the real models):
//! arbitrary bytes, invalid UTF-8, unbalanced and nested quotation marks, text without spaces,
//! huge articles, thousands of entities. No panic; every span satisfies the offset contract.
//! Failing cases found by proptest are kept in tests/hostile.proptest-regressions.

use proptest::prelude::*;
use std::sync::OnceLock;
use verbatim::contract::{self, Origin};
use verbatim::enrich::{Document, Enricher, EnricherConfig, Enrichment, TextField};

fn enricher() -> &'static Enricher {
    static E: OnceLock<Enricher> = OnceLock::new();
    E.get_or_init(|| {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut models = std::collections::BTreeMap::new();
        models.insert("fr".to_string(), root.join("models/fr_core_news_md"));
        models.insert("en".to_string(), root.join("models/en_core_web_sm"));
        Enricher::new(EnricherConfig {
            models,
            syntax: true,
            tokens: true,
            ..Default::default()
        })
        .expect("models (run scripts/models)")
    })
}

fn check_spans(text: &str, e: &Enrichment) {
    let chars: Vec<char> = text.chars().collect();
    let slice = |s: usize, t: usize| -> String { chars[s..t].iter().collect() };
    for ent in &e.entities {
        for m in &ent.mentions {
            assert!(
                m.start < m.end && m.end <= chars.len(),
                "mention out of range: {m:?}"
            );
            assert_eq!(slice(m.start, m.end), m.text);
        }
    }
    for q in &e.quotes {
        assert!(
            q.start <= q.end && q.end <= chars.len(),
            "quote out of range: {q:?}"
        );
        assert_eq!(slice(q.start, q.end), q.text);
    }
}

fn enrich(text: &str, lang: Option<&str>) -> Enrichment {
    let doc = Document {
        fields: vec![TextField { name: "body", text }],
        lang,
    };
    match enricher().enrich(&doc) {
        Ok(e) => {
            check_spans(text, &e);
            e
        }
        Err(_) => Enrichment::default(),
    }
}

/// Text made of pieces that stress the quote and name logic.
fn hostile_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("« ".to_string()),
        Just(" »".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("\"".to_string()),
        Just("‹".to_string()),
        Just("›".to_string()),
        Just("„".to_string()),
        Just(", a-t-il dit, ".to_string()),
        Just(" said ".to_string()),
        Just("selon ".to_string()),
        Just("Jean Dupont".to_string()),
        Just("l'ONU".to_string()),
        Just(" ".to_string()),
        Just("\n".to_string()),
        Just(". ".to_string()),
        "[a-zA-Zéèà' ]{0,20}",
        "\\PC{0,8}",
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

proptest! {
    // 256 cases per property in CI; PROPTEST_CASES=N for a longer hunt.
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(256)
    ))]

    #[test]
    fn decode_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let _ = contract::decode(Some(&bytes), &Origin::default(), 1 << 20);
    }

    #[test]
    fn decode_json_objects_with_odd_fields(title in "\\PC{0,40}", body in "\\PC{0,200}", n in any::<i64>()) {
        let v = serde_json::json!({"id": n, "title": title, "body": body, "extra": {"deep": [1, [2, [3]]]}});
        let bytes = serde_json::to_vec(&v).unwrap();
        if let Ok(a) = contract::decode(Some(&bytes), &Origin::default(), 1 << 20) {
            let out = contract::output(a, None);
            let echoed: serde_json::Value = serde_json::from_str(out.article.get()).unwrap();
            prop_assert_eq!(&echoed["extra"], &v["extra"]);
            prop_assert_eq!(out.article.get(), std::str::from_utf8(&bytes).unwrap());
        }
    }

    #[test]
    fn enrich_hostile_text_fr(text in hostile_text()) {
        enrich(&text, Some("fr"));
    }

    #[test]
    fn enrich_hostile_text_en(text in hostile_text()) {
        enrich(&text, Some("en"));
    }

    #[test]
    fn enrich_arbitrary_unicode(text in "\\PC{0,300}") {
        enrich(&text, None);
    }
}

#[test]
fn pathological_articles_complete() {
    // 290 KB of prose (60,000 tokens: over the daemon's default token budget, so this is the
    // no-budget path), text without spaces, thousands of entities, thousands of unbalanced marks.
    let big =
        "Le ministre Jean Dupont a déclaré à Paris : « Nous agirons très vite ». ".repeat(4_000);
    assert!(big.len() > 250_000);
    let e = enrich(&big, Some("fr"));
    assert!(!e.quotes.is_empty());
    enrich(&"x".repeat(200_000), Some("en"));
    let names: String = (0..3000)
        .map(|i| format!("Person{i} Name{i} met Officer{i} in City{i}. "))
        .collect();
    enrich(&names, Some("en"));
    enrich(&"« « « \" “ ‹ „ ".repeat(20_000), Some("fr"));
    enrich(&"\"".repeat(100_000), Some("en"));
}

#[test]
fn a_long_field_is_analysed_to_its_end_in_segments() {
    use verbatim::enrich::segment::MAX_SEGMENT_TOKENS;
    // 15,000 tokens: three segments for the NER and the parser.
    let text =
        "La députée Claire Vasseur a répondu à Lyon : « Nous verrons demain ». ".repeat(1_000);
    let e = enrich(&text, Some("fr"));
    let an = &e.syntax[0].analysis;
    assert!(an.len() > 2 * MAX_SEGMENT_TOKENS, "{} tokens", an.len());
    assert!(an.tokens.iter().all(|t| t.head < an.len()));
    assert_eq!(an.tokens.last().map(|t| t.end), Some(text.trim_end().len()));
    // Heads stay inside their sentence: no arc crosses a segment's cut.
    let sentences = an.sentences();
    assert!(sentences.len() >= 1_000, "{} sentences", sentences.len());
    for s in &sentences {
        assert!(s.clone().all(|i| s.contains(&an.tokens[i].head)));
    }
    // The NER reads the last segment too: the name is found in the last sentence.
    let chars = text.chars().count();
    let last = e
        .entities
        .iter()
        .flat_map(|x| &x.mentions)
        .map(|m| m.start)
        .max()
        .unwrap_or(0);
    assert!(last > chars - 80, "last mention at {last} of {chars}");
    assert_eq!(e.quotes.len(), 1_000);
}
