//! Print verbatim's NER spans (code points) for each document of a JSON-lines file with `lang`
//! and `text` fields — a development aid for comparing with spaCy.
use verbatim::enrich::ner::Pipeline;
use verbatim::enrich::text::CharOffsets;

fn main() {
    let path = std::env::args().nth(1).expect("usage: ner_dump FILE.jsonl");
    let fr = Pipeline::load("fr", "models/fr_core_news_md".as_ref()).expect("fr model");
    let en = Pipeline::load("en", "models/en_core_web_sm".as_ref()).expect("en model");
    for line in std::fs::read_to_string(path).expect("read").lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("json");
        let text = v["text"].as_str().unwrap_or_default();
        let p = if v["lang"] == "en" { &en } else { &fr };
        let offs = CharOffsets::new(text);
        let ents: Vec<(usize, usize, String)> = p
            .entities(text)
            .into_iter()
            .map(|s| (offs.char_of(s.start), offs.char_of(s.end), s.label))
            .collect();
        println!("{}", serde_json::json!({"id": v["id"], "ents": ents}));
    }
}
