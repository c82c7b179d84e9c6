//! A small word tokenizer for the rule-based parts (cues, speakers, entity clean-up). Words keep
//! inner hyphens, apostrophes and dots ("a-t-il", "J.C", "aujourd'hui"); French elisions ("l'",
//! "d'", "qu'") and English possessives ("'s") are split off. Linear in the text length.

use super::resources::lower;

/// One token: byte offsets into the text it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    /// Lower-case form with `’` → `'`.
    pub lower: String,
    /// A word (starts with a letter or digit), as opposed to one punctuation character.
    pub word: bool,
    /// The word starts with an upper-case letter.
    pub cap: bool,
}

const ELISIONS: [&str; 12] = [
    "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu",
];

fn is_apos(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Tokenize `text`; `lang` selects the elision rules (`fr`) or possessives (`en`).
pub fn tokenize(text: &str, lang: &str) -> Vec<Tok> {
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
        push_word(&mut out, text, b, e, lang);
        i = j;
    }
    out
}

/// Push the word `text[b..e]`, split after leading elisions ("l'", "qu'") and before a final
/// English possessive. Iterative: a word made of thousands of elisions ("l'l'l'…") costs one
/// pass and no stack.
fn push_word(out: &mut Vec<Tok>, text: &str, mut b: usize, e: usize, lang: &str) {
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
    if lang == "fr" {
        while b < e {
            let w = &text[b..e];
            let Some(p) = w.find(is_apos) else { break };
            if !ELISIONS.contains(&lower(&w[..p]).as_str()) {
                break;
            }
            let a = p + w[p..].chars().next().map_or(1, char::len_utf8);
            out.push(mk(b, b + a));
            b += a;
        }
        if b >= e {
            return;
        }
    } else if lang == "en" {
        let w = &text[b..e];
        for suf in ["'s", "’s"] {
            if w.len() > suf.len() && w.ends_with(suf) {
                out.push(mk(b, e - suf.len()));
                out.push(mk(e - suf.len(), e));
                return;
            }
        }
    }
    out.push(mk(b, e));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(t: &str, l: &str) -> Vec<String> {
        tokenize(t, l).into_iter().map(|t| t.lower).collect()
    }

    #[test]
    fn splits() {
        assert_eq!(
            words("», a-t-il ajouté.", "fr"),
            ["»", ",", "a-t-il", "ajouté", "."]
        );
        assert_eq!(
            words("de l'ONU d’abord", "fr"),
            ["de", "l'", "onu", "d'", "abord"]
        );
        assert_eq!(
            words("J.C. Chandor’s film", "en"),
            ["j.c", ".", "chandor", "'s", "film"]
        );
        assert_eq!(words("", "en"), Vec::<String>::new());
    }

    #[test]
    fn long_runs_of_elisions_do_not_recurse() {
        let text = "l'".repeat(200_000) + "eau";
        let w = words(&text, "fr");
        assert_eq!(w.len(), 200_001);
        assert_eq!(w.last().map(String::as_str), Some("eau"));
        // The last apostrophe ends the text, so it is punctuation: "qu'" × 49,999, "qu", "'".
        let w = words(&"qu'".repeat(50_000), "fr");
        assert_eq!(w.len(), 50_001);
    }
}
