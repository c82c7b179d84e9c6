//! Baseline extraction, used until the NER and quote modules replace it: quote spans between
//! matching quotation marks, and entities as runs of capitalised words (typed `misc`, since a
//! capitalised word says nothing about its type). Honest and cheap, not good.

use super::text::{slug, CharOffsets};
use super::types::{Document, Entity, EntityType, Mention, Quote};
use std::collections::BTreeMap;

/// Extract baseline entities and quotes from every field of the document.
pub fn extract(doc: &Document<'_>) -> (Vec<Entity>, Vec<Quote>) {
    let mut entities: BTreeMap<String, Entity> = BTreeMap::new();
    let mut quotes = Vec::new();
    for f in &doc.fields {
        let offs = CharOffsets::new(f.text);
        for (s, e) in quote_spans(f.text) {
            let text = f.text[s..e].trim();
            if text.split_whitespace().count() < 3 {
                continue;
            }
            let lead = f.text[s..e].len() - f.text[s..e].trim_start().len();
            let (s, e) = (s + lead, s + lead + text.len());
            quotes.push(Quote {
                text: text.to_string(),
                field: f.name.to_string(),
                start: offs.char_of(s),
                end: offs.char_of(e),
                speaker: None,
                cue: None,
                kind: super::QuoteKind::Direct,
            });
        }
        for (s, e) in capitalised_runs(f.text) {
            let text = &f.text[s..e];
            let id = format!("misc:{}", slug(text));
            let ent = entities.entry(id.clone()).or_insert_with(|| Entity {
                id,
                name: text.to_string(),
                entity_type: EntityType::Misc,
                label: None,
                mentions: Vec::new(),
                kb_id: None,
            });
            ent.mentions.push(Mention {
                field: f.name.to_string(),
                start: offs.char_of(s),
                end: offs.char_of(e),
                text: text.to_string(),
            });
        }
    }
    (entities.into_values().collect(), quotes)
}

/// Group NER spans into entities by exact surface form and type (no coreference yet).
pub fn group_spans(doc: &Document<'_>, spans: &[(usize, super::ner::EntSpan)]) -> Vec<Entity> {
    let mut entities: BTreeMap<String, Entity> = BTreeMap::new();
    let offsets: Vec<CharOffsets> = doc
        .fields
        .iter()
        .map(|f| CharOffsets::new(f.text))
        .collect();
    for (fi, s) in spans {
        let f = &doc.fields[*fi];
        let Some(text) = f.text.get(s.start..s.end) else {
            continue;
        };
        let t = super::entities::label_type(&s.label);
        let id = format!("{}:{}", t.as_str(), slug(text));
        let ent = entities.entry(id.clone()).or_insert_with(|| Entity {
            id,
            name: text.to_string(),
            entity_type: t,
            label: Some(s.label.clone()),
            mentions: Vec::new(),
            kb_id: None,
        });
        ent.mentions.push(Mention {
            field: f.name.to_string(),
            start: offsets[*fi].char_of(s.start),
            end: offsets[*fi].char_of(s.end),
            text: text.to_string(),
        });
    }
    entities.into_values().collect()
}

/// Byte spans of the text between an opening mark and its closing mark, not nested.
fn quote_spans(t: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<(char, usize)> = None;
    for (i, c) in t.char_indices() {
        match open {
            None => {
                if matches!(c, '«' | '“' | '"' | '„') {
                    open = Some((c, i + c.len_utf8()));
                }
            }
            Some((o, s)) => {
                let closes = matches!((o, c), ('«', '»') | ('“', '”') | ('„', '“') | ('"', '"'));
                if closes {
                    out.push((s, i));
                    open = None;
                } else if c == '\n' {
                    open = None;
                }
            }
        }
    }
    out
}

/// Byte spans of runs of capitalised words, skipping a lone capitalised word that starts a sentence.
pub fn capitalised_runs(t: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut run: Option<(usize, usize, usize)> = None; // start, end, words
    let mut sentence_start = true;
    let mut run_at_sentence_start = false;
    let words = t.split_word_bound_indices_simple();
    for (i, w) in words {
        let first = w.chars().next().unwrap_or(' ');
        if first.is_alphabetic() {
            if first.is_uppercase() {
                match &mut run {
                    Some((_, e, n))
                        if t[*e..i].chars().all(|c| c == ' ' || c == '-') && i - *e <= 1 =>
                    {
                        *e = i + w.len();
                        *n += 1;
                    }
                    _ => {
                        flush(&mut out, run.take(), run_at_sentence_start);
                        run = Some((i, i + w.len(), 1));
                        run_at_sentence_start = sentence_start;
                    }
                }
            } else {
                flush(&mut out, run.take(), run_at_sentence_start);
            }
            sentence_start = false;
        } else if w.contains(['.', '!', '?', '\n', '«', '"', '“', ':']) {
            flush(&mut out, run.take(), run_at_sentence_start);
            sentence_start = true;
        }
    }
    flush(&mut out, run.take(), run_at_sentence_start);
    out
}

fn flush(out: &mut Vec<(usize, usize)>, run: Option<(usize, usize, usize)>, at_start: bool) {
    if let Some((s, e, n)) = run {
        if n >= 2 || !at_start {
            out.push((s, e));
        }
    }
}

/// Splits into alternating runs of alphanumeric and other characters, with byte offsets.
trait SimpleWords {
    fn split_word_bound_indices_simple(&self) -> std::vec::IntoIter<(usize, &str)>;
}

impl SimpleWords for str {
    fn split_word_bound_indices_simple(&self) -> std::vec::IntoIter<(usize, &str)> {
        let mut out = Vec::new();
        let mut start = 0;
        let mut kind: Option<bool> = None;
        for (i, c) in self.char_indices() {
            let k = c.is_alphanumeric();
            if kind.is_some_and(|p| p != k) {
                out.push((start, &self[start..i]));
                start = i;
            }
            kind = Some(k);
        }
        if start < self.len() {
            out.push((start, &self[start..]));
        }
        out.into_iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::enrich::types::TextField;

    #[test]
    fn finds_quotes_and_names() {
        let t = "Vladimir Poutine a dit : « Nous sommes convaincus que tout ira bien ». Il est à Sotchi.";
        let doc = Document {
            fields: vec![TextField {
                name: "body",
                text: t,
            }],
            lang: Some(crate::enrich::profile::Lang::Fr.code()),
        };
        let (ents, quotes) = extract(&doc);
        assert_eq!(quotes.len(), 1);
        assert_eq!(quotes[0].text, "Nous sommes convaincus que tout ira bien");
        let chars: Vec<char> = t.chars().collect();
        let q: String = chars[quotes[0].start..quotes[0].end].iter().collect();
        assert_eq!(q, quotes[0].text);
        let names: Vec<&str> = ents.iter().map(|e| e.name.as_str()).collect();
        assert!(names.contains(&"Vladimir Poutine"), "{names:?}");
        assert!(names.contains(&"Sotchi"), "{names:?}");
        assert!(!names.contains(&"Nous"), "{names:?}");
    }
}
