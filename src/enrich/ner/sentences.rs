//! Sentence boundaries that approximate those spaCy's dependency parser sets in the full
//! `fr_core_news_md` / `en_core_web_sm` pipelines (the NER never lets an entity cross one).
//!
//! We cannot run the parser, so this is a small rule set fitted to what the parser does on
//! `tests/fixtures/spacy-reference.jsonl` (agreement is printed by `tests/tokenizer_parity.rs`):
//!
//! * a sentence starts after terminal punctuation (`.` `!` `?` `…` and runs of them), possibly
//!   followed by glued closing quotes/brackets, when whitespace follows and the next token
//!   starts with an upper-case letter, a digit, an opening quote or bracket, or a dash;
//! * not after an abbreviation (`resources/<lang>/abbreviations.txt`: "M.", "Dr.", "Inc."…) or a
//!   single-letter initial ("J. R. R.") when spaCy split the period off;
//! * whitespace tokens never start a sentence, and a newline alone does not either (the parsers
//!   were trained on text without newlines and ignore them); French: after a single line break
//!   the parser mostly continues the sentence, so we do too;
//! * parser habits kept for parity: French starts a sentence at a spaced closing `»` that follows
//!   a full stop (`… manière. »`) and after (not at) an opening `«` (`là ! «‖Oui`); English starts one at a closing `"` glued to the full stop
//!   when a line break follows (`legacy."⏎⏎On`), instead of at the next word.
//!
//! Not imitated: the French parser also breaks *inside* runs of capitalised words ("Les Nations
//! ‖Unies", "Bruce ‖Perens"), which makes the full spaCy pipeline truncate those entities; the
//! reference gold has the full names, so we deliberately leave those names whole.

use super::tokenizer::Token;
use std::collections::HashSet;

/// The language choices of the sentence rules, from the language profile
/// (`SentenceRules::for_code`); the default is the generic rules.
#[derive(Clone, Debug, Default)]
pub struct SentenceRules {
    /// Abbreviations whose full stop ends no sentence (case-sensitive, without the stop).
    pub abbreviations: HashSet<&'static str>,
    /// « » open and close sentences of their own (French).
    pub guillemets: bool,
    /// A straight quote glued to a full stop and followed by a line break starts a sentence.
    pub quote_line: bool,
}

fn is_space_token(s: &str) -> bool {
    !s.is_empty() && s.chars().all(super::pyre::is_py_space)
}

/// `.`, `!`, `?`, `…` or a run of them (`...`, `?!`).
fn is_terminal(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| matches!(c, '.' | '!' | '?' | '…'))
}

fn is_closing(s: &str) -> bool {
    matches!(s, "»" | "”" | ")" | "]" | "’")
}

fn is_opening(s: &str) -> bool {
    matches!(s, "«" | "“" | "(" | "[" | "‘" | "-" | "–" | "—" | "--")
}

/// `true` at each token that starts a sentence (token 0 is always `true`). `tokens` must come
/// from the tokenizer for `text`; `rules` are the language's.
pub fn sentence_starts(text: &str, tokens: &[Token], rules: &SentenceRules) -> Vec<bool> {
    let n = tokens.len();
    let mut starts = vec![false; n];
    if n == 0 {
        return starts;
    }
    starts[0] = true;
    let sc = Scan {
        text,
        tokens,
        rules,
        ws: tokens
            .iter()
            .map(|tk| is_space_token(text.get(tk.start..tk.end).unwrap_or("")))
            .collect(),
    };
    for i in 1..n {
        if sc.en_quote_start(i) {
            starts[i] = true;
            continue;
        }
        if sc.ws[i] {
            continue;
        }
        // previous non-whitespace token
        let Some(j) = (0..i).rev().find(|&x| !sc.ws[x]) else {
            starts[i] = true;
            continue;
        };
        if sc.en_quote_start(j) {
            continue;
        }
        let gap = sc.sp(j) || j + 1 < i;
        if !gap {
            continue;
        }
        let k = sc.terminal_before(j);
        if !is_terminal(sc.t(k)) || sc.one_line_break(j, i) || sc.abbreviation_stop(k) {
            continue;
        }
        sc.mark_after_terminal(i, j, k, &mut starts);
    }
    starts
}

/// The tokens of one text as [`sentence_starts`] reads them.
struct Scan<'a> {
    text: &'a str,
    tokens: &'a [Token],
    rules: &'a SentenceRules,
    /// Whether each token is whitespace.
    ws: Vec<bool>,
}

impl Scan<'_> {
    /// The text of token `i`.
    fn t(&self, i: usize) -> &str {
        let tk = &self.tokens[i];
        self.text.get(tk.start..tk.end).unwrap_or("")
    }

    /// Whether token `i` is followed by a space.
    fn sp(&self, i: usize) -> bool {
        self.tokens[i].space_after
    }

    /// English: a closing quote glued to a full stop and followed by a line break.
    fn en_quote_start(&self, i: usize) -> bool {
        self.rules.quote_line
            && self.t(i) == "\""
            && i > 0
            && !self.sp(i - 1)
            && is_terminal(self.t(i - 1))
            && i + 1 < self.tokens.len()
            && self.ws[i + 1]
            && self.t(i + 1).contains('\n')
    }

    /// Token `j`, or the terminal punctuation before the closing quotes and brackets glued to it.
    fn terminal_before(&self, j: usize) -> usize {
        let mut k = j;
        loop {
            let tk = self.t(k);
            let glued_quote = (tk == "\"" || tk == "'") && !(k > 0 && self.sp(k - 1));
            if k > 0 && (is_closing(tk) || glued_quote) {
                k -= 1;
            } else {
                break;
            }
        }
        k
    }

    /// With guillemets (French), exactly one line break between token `j` and token `i` does
    /// not end the sentence.
    fn one_line_break(&self, j: usize, i: usize) -> bool {
        if !self.rules.guillemets || j + 1 >= i {
            return false;
        }
        let newlines: usize = (j + 1..i).map(|x| self.t(x).matches('\n').count()).sum();
        newlines == 1
    }

    /// Whether the full stop `k` ends an initial or an abbreviation glued to it.
    fn abbreviation_stop(&self, k: usize) -> bool {
        if self.t(k) != "." || k == 0 || self.sp(k - 1) {
            return false;
        }
        let before = self.t(k - 1);
        let mut chars = before.chars();
        let initial =
            matches!((chars.next(), chars.next()), (Some(ch), None) if ch.is_alphabetic());
        initial || self.rules.abbreviations.contains(before)
    }

    /// After terminal punctuation `k` (token `j` the last before `i`, past glued closings),
    /// whether token `i` (or, after an opening guillemet, the next one) starts a sentence.
    fn mark_after_terminal(&self, i: usize, j: usize, k: usize, starts: &mut [bool]) {
        let n = self.tokens.len();
        let fr = self.rules.guillemets;
        let c = self.t(i);
        if c == "\"" || c == "'" {
            // an opening quote is glued to the word after it
            if i + 1 < n && !self.sp(i) && !self.ws[i + 1] {
                starts[i] = true;
            }
            return;
        }
        if fr && c == "»" && k == j {
            starts[i] = true;
            return;
        }
        if fr && self.t(j) == "»" && starts[j] {
            return;
        }
        if fr && c == "«" {
            // the French parser leaves an opening guillemet with the previous sentence
            if i + 1 < n && !self.ws[i + 1] {
                starts[i + 1] = true;
            }
            return;
        }
        let first = c.chars().next().unwrap_or(' ');
        if first.is_uppercase() || first.is_numeric() || is_opening(c) {
            starts[i] = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::enrich::ner::tokenizer::Tokenizer;
    use crate::enrich::profile::Lang;
    use std::path::PathBuf;
    use std::sync::OnceLock;

    fn tok(lang: Lang) -> &'static Tokenizer {
        static FR: OnceLock<Tokenizer> = OnceLock::new();
        static EN: OnceLock<Tokenizer> = OnceLock::new();
        let (name, cell) = match lang {
            Lang::Fr => ("fr_core_news_md", &FR),
            Lang::En => ("en_core_web_sm", &EN),
        };
        cell.get_or_init(|| {
            let d = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("models")
                .join(name);
            Tokenizer::load(&d).unwrap_or_else(|e| panic!("{e}: run scripts/models"))
        })
    }

    /// The sentences of `text`, as strings (trimmed).
    fn split(lang: Lang, text: &str) -> Vec<String> {
        let toks = tok(lang).tokenize(text);
        let ss = sentence_starts(text, &toks, &SentenceRules::load(lang));
        let mut out: Vec<String> = Vec::new();
        for (i, t) in toks.iter().enumerate() {
            if ss[i] {
                out.push(String::new());
            }
            let last = out.last_mut().unwrap();
            last.push_str(&text[t.start..t.end]);
            if t.space_after {
                last.push(' ');
            }
        }
        out.iter().map(|s| s.trim().to_string()).collect()
    }

    #[test]
    fn empty() {
        assert!(sentence_starts("", &[], &SentenceRules::load(Lang::Fr)).is_empty());
    }

    #[test]
    fn french() {
        assert_eq!(
            split(Lang::Fr, "M. Dupont est arrivé. Il a parlé à Mme Durand."),
            vec!["M. Dupont est arrivé.", "Il a parlé à Mme Durand."]
        );
        assert_eq!(
            split(
                Lang::Fr,
                "La hausse est de 1,3 %. Le Dr. Martin et J. Dupont sont là ! « Oui », dit-il."
            ),
            vec![
                "La hausse est de 1,3 %.",
                "Le Dr. Martin et J. Dupont sont là ! «",
                "Oui », dit-il."
            ]
        );
        assert_eq!(
            split(Lang::Fr, "Il a dit : « C'est fini. » Puis il est parti."),
            vec!["Il a dit : « C'est fini.", "» Puis il est parti."]
        );
        assert_eq!(
            split(Lang::Fr, "Titre sans point\nLe texte suit."),
            vec!["Titre sans point\nLe texte suit."]
        );
    }

    #[test]
    fn english() {
        assert_eq!(
            split(
                Lang::En,
                "Mr. Smith went to Washington. He met Sen. Jones at 5 p.m. on Friday."
            ),
            vec![
                "Mr. Smith went to Washington.",
                "He met Sen. Jones at 5 p.m. on Friday."
            ]
        );
        assert_eq!(
            split(
                Lang::En,
                "It was 3.5 percent. \"We won,\" she said. (Really.) Yes!"
            ),
            vec![
                "It was 3.5 percent.",
                "\"We won,\" she said.",
                "(Really.)",
                "Yes!"
            ]
        );
        assert_eq!(
            split(
                Lang::En,
                "Police said. \"It is fitting to their legacy.\"\n\nOn Friday, Dec. 12, they met."
            ),
            vec![
                "Police said.",
                "\"It is fitting to their legacy.",
                "\"\n\nOn Friday, Dec. 12, they met."
            ]
        );
    }
}
