//! What the parse says of a span: a capitalised word opening a sentence is capitalised for
//! its place, not because it is a name. When the tagger reads every word of such a span as a
//! word of another class than a noun — "Celles que la commission a publiées…" (a pronoun),
//! "Épuisé, le coureur…" (an adjective), "I've signed" (a pronoun and an auxiliary) — the
//! span is no name. Nouns, proper nouns and words the tagger could not class (`X`) keep it.

use super::mention::M;
use crate::enrich::syntax::{FieldAnalysis, Pos, SyntaxToken};
use crate::enrich::types::Document;

/// Drop the mentions, found by the model alone (no context hint), that open a sentence and
/// whose words the parse tags as neither nouns nor unknown words.
pub(super) fn drop_common_words(doc: &Document<'_>, parse: &[FieldAnalysis], ms: &mut Vec<M>) {
    if parse.is_empty() {
        return;
    }
    ms.retain(|m| {
        if m.hint.is_some() {
            return true;
        }
        let Some(fa) = parse.iter().find(|fa| fa.field == m.field) else {
            return true;
        };
        let toks: Vec<&SyntaxToken> = fa
            .analysis
            .tokens
            .iter()
            .filter(|t| t.start < m.end && m.start < t.end)
            .collect();
        let opens = toks
            .first()
            .is_some_and(|t| t.start == m.start && opens_sentence(doc.fields[m.field].text, fa, t));
        !(opens && toks.iter().all(|t| not_a_name_word(t.pos)))
    });
}

/// Whether token `t` opens its sentence (maybe after an opening quotation mark or a dash).
fn opens_sentence(text: &str, fa: &FieldAnalysis, t: &SyntaxToken) -> bool {
    if t.sent_start {
        return true;
    }
    let Some(i) = fa.analysis.tokens.iter().position(|x| x.start == t.start) else {
        return false;
    };
    i > 0 && {
        let prev = &fa.analysis.tokens[i - 1];
        prev.sent_start
            && prev.pos == Pos::Punct
            && !text[prev.start..prev.end].contains(['.', ',', ';', ':'])
    }
}

/// Word classes no name is made of.
fn not_a_name_word(p: Pos) -> bool {
    matches!(
        p,
        Pos::Adj
            | Pos::Adv
            | Pos::Aux
            | Pos::Cconj
            | Pos::Det
            | Pos::Intj
            | Pos::Part
            | Pos::Pron
            | Pos::Sconj
            | Pos::Verb
            | Pos::Adp
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::enrich::syntax::{Analysis, Morph};
    use crate::enrich::types::TextField;

    /// A parse of `text` from (word, POS) pairs written in order, the first opening the sentence.
    fn parse(text: &str, words: &[(&str, &str)]) -> Vec<FieldAnalysis> {
        let mut from = 0;
        let tokens = words
            .iter()
            .enumerate()
            .map(|(i, (w, pos))| {
                let start = from + text[from..].find(w).unwrap();
                from = start + w.len();
                SyntaxToken {
                    start,
                    end: from,
                    tag: String::new(),
                    pos: Pos::parse(pos),
                    morph: Morph::default(),
                    lemma: String::new(),
                    head: 0,
                    dep: String::new(),
                    sent_start: i == 0,
                }
            })
            .collect();
        vec![FieldAnalysis {
            field: 0,
            analysis: Analysis::new(tokens),
        }]
    }

    fn kept(text: &str, words: &[(&str, &str)], span: &str) -> bool {
        let doc = Document {
            fields: vec![TextField { name: "body", text }],
            lang: None,
        };
        let s = text.find(span).unwrap();
        let mut ms = vec![M {
            field: 0,
            start: s,
            end: s + span.len(),
            label: "PER".into(),
            hint: None,
        }];
        drop_common_words(&doc, &parse(text, words), &mut ms);
        !ms.is_empty()
    }

    #[test]
    fn a_sentence_opening_word_of_another_class_is_no_name() {
        let t = "Épuisé, le coureur abandonne.";
        let w = [
            ("Épuisé", "ADJ"),
            (",", "PUNCT"),
            ("le", "DET"),
            ("coureur", "NOUN"),
        ];
        assert!(!kept(t, &w, "Épuisé"));
        let t = "I've seen it.";
        let w = [("I", "PRON"), ("'ve", "AUX"), ("seen", "VERB")];
        assert!(!kept(t, &w, "I've"));
    }

    #[test]
    fn names_and_words_inside_a_sentence_stay() {
        let t = "Dupont abandonne.";
        let w = [("Dupont", "PROPN"), ("abandonne", "VERB")];
        assert!(kept(t, &w, "Dupont"));
        // Mid-sentence, the tagger's class does not matter.
        let t = "Le coureur Grand abandonne.";
        let w = [
            ("Le", "DET"),
            ("coureur", "NOUN"),
            ("Grand", "ADJ"),
            ("abandonne", "VERB"),
        ];
        assert!(kept(t, &w, "Grand"));
        // Without a parse, nothing changes.
        let doc = Document {
            fields: vec![TextField {
                name: "body",
                text: "Épuisé, il part.",
            }],
            lang: None,
        };
        let mut ms = vec![M {
            field: 0,
            start: 0,
            end: "Épuisé".len(),
            label: "PER".into(),
            hint: None,
        }];
        drop_common_words(&doc, &[], &mut ms);
        assert_eq!(ms.len(), 1);
    }
}
