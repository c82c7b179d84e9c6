//! What the parse says of a span: a capitalised word opening a sentence is capitalised for
//! its place, not because it is a name. When the tagger reads every word of such a span as a
//! word of another class than a noun — "Celles que la commission a publiées…" (a pronoun),
//! "Épuisé, le coureur…" (an adjective), "I've signed" (a pronoun and an auxiliary) — the
//! span is no name. Nouns, proper nouns and words the tagger could not class (`X`) keep it,
//! but for one case: a lone word the tagger reads as a common noun ("Defence lawyers said…",
//! "Ceux que la commission…" mis-tagged) that the text never writes capitalised inside a
//! sentence, where only a name keeps its capital, and that is no known first name ("Karim,
//! a teacher, came").

use super::mention::{word_bounded, M};
use crate::enrich::profile::{lower, Profile};
use crate::enrich::syntax::{FieldAnalysis, Pos, SyntaxToken};
use crate::enrich::types::Document;

/// Drop the mentions, found by the model alone (no context hint), that open a sentence and
/// whose words the parse tags as neither nouns nor unknown words.
pub(super) fn drop_common_words(
    doc: &Document<'_>,
    parse: &[FieldAnalysis],
    res: &Profile,
    ms: &mut Vec<M>,
) {
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
        let text = &doc.fields[m.field].text[m.start..m.end];
        let lone_noun = toks.len() == 1
            && toks[0].pos == Pos::Noun
            && !res.first_names.contains_key(&lower(text))
            && !capitalised_inside_a_sentence(doc, text);
        !(opens && (lone_noun || toks.iter().all(|t| not_a_name_word(t.pos))))
    });
}

/// Whether the text writes `word` somewhere as a whole word not at a sentence's start (nor a
/// line's): a name there, whose capital is its own.
fn capitalised_inside_a_sentence(doc: &Document<'_>, word: &str) -> bool {
    doc.fields.iter().any(|f| {
        f.text.match_indices(word).any(|(i, _)| {
            word_bounded(f.text, i, i + word.len())
                && f.text[..i].trim_end().chars().next_back().is_some_and(|c| {
                    !matches!(
                        c,
                        '.' | '!' | '?' | ':' | '\n' | '«' | '"' | '“' | '(' | '—' | '–' | '-'
                    )
                })
        })
    })
}

/// Whether token `t` opens its sentence or its line, maybe after an opening quotation mark or a
/// dash that open it.
fn opens_sentence(text: &str, fa: &FieldAnalysis, t: &SyntaxToken) -> bool {
    if t.sent_start {
        return true;
    }
    let Some(i) = fa.analysis.tokens.iter().position(|x| x.start == t.start) else {
        return false;
    };
    fa.analysis.tokens[..i]
        .iter()
        .rev()
        .take(3)
        .take_while(|p| {
            p.pos == Pos::Space
                || (p.pos == Pos::Punct && !text[p.start..p.end].contains(['.', ',', ';', ':']))
        })
        .any(|p| p.sent_start || (p.pos == Pos::Space && text[p.start..p.end].contains('\n')))
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
pub(super) mod tests {
    use super::*;
    use crate::enrich::profile::Lang;
    use crate::enrich::syntax::{Analysis, Morph};
    use crate::enrich::types::TextField;

    /// A parse of `text` from (word, POS) pairs written in order, the first opening the sentence
    /// (shared with the tests of `chain`).
    pub(in crate::enrich::entities) fn parse(
        text: &str,
        words: &[(&str, &str)],
    ) -> Vec<FieldAnalysis> {
        let words: Vec<_> = words.iter().map(|&(w, pos)| (w, pos, 0, "")).collect();
        parse_with_deps(text, &words)
    }

    /// A one-sentence parse of `text` from (word, POS, head index, dependency) in order
    /// (shared with the tests of `instances`).
    pub(in crate::enrich::entities) fn parse_with_deps(
        text: &str,
        words: &[(&str, &str, usize, &str)],
    ) -> Vec<FieldAnalysis> {
        let mut from = 0;
        let tokens = words
            .iter()
            .enumerate()
            .map(|(i, (w, pos, head, dep))| {
                let start = from + text[from..].find(w).unwrap();
                from = start + w.len();
                SyntaxToken {
                    start,
                    end: from,
                    tag: String::new(),
                    pos: Pos::parse(pos),
                    morph: Morph::default(),
                    lemma: String::new(),
                    head: *head,
                    dep: dep.to_string(),
                    sent_start: i == 0,
                }
            })
            .collect();
        vec![FieldAnalysis {
            field: 0,
            analysis: Analysis::new(tokens),
        }]
    }

    /// A one-field document of `text` and the mention of its first `span`, labelled `label`
    /// (shared with the tests of `chain`).
    pub(in crate::enrich::entities) fn doc_and_mention<'a>(
        text: &'a str,
        span: &str,
        label: &str,
    ) -> (Document<'a>, Vec<M>) {
        let doc = Document {
            fields: vec![TextField { name: "body", text }],
            lang: None,
        };
        let s = text.find(span).unwrap();
        let ms = vec![M {
            field: 0,
            start: s,
            end: s + span.len(),
            label: label.into(),
            hint: None,
        }];
        (doc, ms)
    }

    fn kept(text: &str, words: &[(&str, &str)], span: &str) -> bool {
        let (doc, mut ms) = doc_and_mention(text, span, "PER");
        drop_common_words(&doc, &parse(text, words), &Profile::load(Lang::Fr), &mut ms);
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
    fn a_lone_common_noun_opening_a_sentence_is_no_name_unless_written_as_one_elsewhere() {
        let t = "Defence lawyers asked for a delay.";
        let w = [("Defence", "NOUN"), ("lawyers", "NOUN"), ("asked", "VERB")];
        assert!(!kept(t, &w, "Defence"));
        let t = "Ceux que la commission a reçus sont partis.";
        let w = [("Ceux", "NOUN"), ("que", "SCONJ"), ("la", "DET")];
        assert!(!kept(t, &w, "Ceux"));
        // The text writes it as a name inside a sentence: a name.
        let t = "Orange a vendu ses tours. Les clients d'Orange attendent.";
        let w = [("Orange", "NOUN"), ("a", "AUX"), ("vendu", "VERB")];
        assert!(kept(t, &w, "Orange"));
        let t = "Apple said it had sold more phones than Samsung or Apple could.";
        let w = [("Apple", "NOUN"), ("said", "VERB")];
        assert!(kept(t, &w, "Apple"));
        // A known first name is a name.
        let t = "Karim, cadre à la mairie, a parlé.";
        let w = [("Karim", "NOUN"), (",", "PUNCT"), ("cadre", "NOUN")];
        assert!(kept(t, &w, "Karim"));
        // After a line break and an opening quotation mark, still the sentence's start.
        let t = "Il sort.\n\n« Tempus fugit », dit-il.";
        let w = [
            ("Il", "PRON"),
            ("sort", "VERB"),
            (".", "PUNCT"),
            ("\n\n", "SPACE"),
            ("«", "PUNCT"),
            ("Tempus", "NOUN"),
            ("fugit", "ADJ"),
        ];
        assert!(!kept(t, &w, "Tempus"));
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
        drop_common_words(&doc, &[], &Profile::load(Lang::Fr), &mut ms);
        assert_eq!(ms.len(), 1);
    }
}
