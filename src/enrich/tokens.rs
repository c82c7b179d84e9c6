//! A small word tokenizer for the rule-based parts (cues, speakers, entity clean-up). Words keep
//! inner hyphens, apostrophes and dots ("a-t-il", "J.C", "aujourd'hui"); French elisions ("l'",
//! "d'", "qu'") and English possessives ("'s") are split off, as the language profile's
//! [`TokenRules`] say. Linear in the text length.

use super::profile::lower;

/// How words are split, from the language profile (`elision|…`, `possessive|…` in
/// `resources/<lang>/words.txt`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TokenRules {
    /// Lower-case words elided before an apostrophe and split off ("l", "qu").
    pub elisions: Vec<String>,
    /// Endings split off a word, as written ("'s", "’s").
    pub possessives: Vec<String>,
}

/// One token: byte offsets into the text it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tok {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset one past the last character.
    pub end: usize,
    /// Lower-case form with `’` → `'`.
    pub lower: String,
    /// A word (starts with a letter or digit), as opposed to one punctuation character.
    pub word: bool,
    /// The word starts with an upper-case letter.
    pub cap: bool,
}

fn is_apos(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Tokenize `text`, splitting elisions and possessives as `rules` say.
pub fn tokenize(text: &str, rules: &TokenRules) -> Vec<Tok> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let n = chars.len();
    let mut i = 0;
    while i < n {
        let (b, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if !c.is_alphanumeric() {
            let e = b + c.len_utf8();
            out.push(Tok {
                start: b,
                end: e,
                lower: lower(&text[b..e]),
                word: false,
                cap: false,
            });
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < n {
            let c = chars[j].1;
            if c.is_alphanumeric() {
                j += 1;
            } else if (c == '-' || is_apos(c) || c == '.')
                && j + 1 < n
                && chars[j + 1].1.is_alphanumeric()
            {
                j += 2;
            } else {
                break;
            }
        }
        let e = if j < n { chars[j].0 } else { text.len() };
        push_word(&mut out, text, b, e, rules);
        i = j;
    }
    out
}

/// Push the word `text[b..e]`, split after leading elisions ("l'", "qu'") and before a final
/// possessive, as `rules` say. Iterative: a word made of thousands of elisions ("l'l'l'…")
/// costs one pass and no stack.
fn push_word(out: &mut Vec<Tok>, text: &str, mut b: usize, e: usize, rules: &TokenRules) {
    let mk = |s: usize, e: usize| {
        let t = &text[s..e];
        Tok {
            start: s,
            end: e,
            lower: lower(t),
            word: true,
            cap: t.chars().next().is_some_and(char::is_uppercase),
        }
    };
    while b < e {
        let w = &text[b..e];
        let Some(p) = w.find(is_apos) else { break };
        if !rules.elisions.contains(&lower(&w[..p])) {
            break;
        }
        let a = p + w[p..].chars().next().map_or(1, char::len_utf8);
        out.push(mk(b, b + a));
        b += a;
    }
    if b >= e {
        return;
    }
    let w = &text[b..e];
    for suf in &rules.possessives {
        if w.len() > suf.len() && w.ends_with(suf.as_str()) {
            out.push(mk(b, e - suf.len()));
            out.push(mk(e - suf.len(), e));
            return;
        }
    }
    out.push(mk(b, e));
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::enrich::profile::{Lang, Profile};

    fn words(t: &str, l: Lang) -> Vec<String> {
        tokenize(t, &Profile::load(l).tokens)
            .into_iter()
            .map(|t| t.lower)
            .collect()
    }

    #[test]
    fn splits() {
        assert_eq!(
            words("», a-t-il ajouté.", Lang::Fr),
            ["»", ",", "a-t-il", "ajouté", "."]
        );
        assert_eq!(
            words("de l'ONU d’abord", Lang::Fr),
            ["de", "l'", "onu", "d'", "abord"]
        );
        assert_eq!(
            words("J.C. Chandor’s film", Lang::En),
            ["j.c", ".", "chandor", "'s", "film"]
        );
        assert_eq!(words("", Lang::En), Vec::<String>::new());
    }

    #[test]
    fn long_runs_of_elisions_do_not_recurse() {
        let text = "l'".repeat(200_000) + "eau";
        let w = words(&text, Lang::Fr);
        assert_eq!(w.len(), 200_001);
        assert_eq!(w.last().map(String::as_str), Some("eau"));
        // The last apostrophe ends the text, so it is punctuation: "qu'" × 49,999, "qu", "'".
        let w = words(&"qu'".repeat(50_000), Lang::Fr);
        assert_eq!(w.len(), 50_001);
    }
}
