//! Tests of the spaCy tokenizer port.

use super::*;
use std::path::PathBuf;
use std::sync::OnceLock;

fn model_dir(name: &str) -> PathBuf {
    let d = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("models")
        .join(name);
    assert!(
        d.join("tokenizer").exists(),
        "{} is missing: run scripts/models to fetch the spaCy pipelines",
        d.display()
    );
    d
}

pub(crate) fn fr() -> &'static Tokenizer {
    static T: OnceLock<Tokenizer> = OnceLock::new();
    T.get_or_init(|| Tokenizer::load(&model_dir("fr_core_news_md")).unwrap())
}

pub(crate) fn en() -> &'static Tokenizer {
    static T: OnceLock<Tokenizer> = OnceLock::new();
    T.get_or_init(|| Tokenizer::load(&model_dir("en_core_web_sm")).unwrap())
}

fn words<'a>(t: &Tokenizer, s: &'a str) -> Vec<&'a str> {
    t.tokenize(s).iter().map(|x| &s[x.start..x.end]).collect()
}

#[test]
fn shareable_across_threads() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Tokenizer>();
}

#[test]
fn empty_and_whitespace() {
    assert!(fr().tokenize("").is_empty());
    assert_eq!(words(fr(), " "), vec![" "]);
    assert_eq!(words(en(), "a  b\n\nc "), vec!["a", " ", "b", "\n\n", "c"]);
    let t = en().tokenize("a b");
    assert!(t[0].space_after && !t[1].space_after);
}

/// (text, expected tokens) checked against spaCy 3.8 (`nlp.tokenizer`).
#[test]
fn french_cases() {
    let cases: &[(&str, &[&str])] = &[
        (
            "l'homme d'État qu'il a-t-il vu aujourd'hui",
            &[
                "l'",
                "homme",
                "d'",
                "État",
                "qu'",
                "il",
                "a",
                "-t",
                "-il",
                "vu",
                "aujourd'hui",
            ],
        ),
        (
            "« Bonjour », dit M. Dupont.",
            &["«", "Bonjour", "»", ",", "dit", "M.", "Dupont", "."],
        ),
        (
            "Hausse de 1,3 % à 14h30, voir https://www.lemonde.fr/a_b.html.",
            &[
                "Hausse",
                "de",
                "1,3",
                "%",
                "à",
                "14h30",
                ",",
                "voir",
                "https://www.lemonde.fr/a_b.html",
                ".",
            ],
        ),
        (
            "Prud'homme, chef-d'œuvre, Saint-Étienne, jusqu'alors, c.-à-d.",
            &[
                "Prud'homme",
                ",",
                "chef",
                "-",
                "d'",
                "œuvre",
                ",",
                "Saint-Étienne",
                ",",
                "jusqu'",
                "alors",
                ",",
                "c.-à",
                "-",
                "d.",
            ],
        ),
        (
            "L’État d’urgence qu’Anne",
            &["L’", "État", "d’", "urgence", "qu’", "Anne"],
        ),
    ];
    for (text, want) in cases {
        assert_eq!(&words(fr(), text), want, "{text:?}");
    }
}

#[test]
fn english_cases() {
    let cases: &[(&str, &[&str])] = &[
        (
            "I don't think the U.S. can't win.",
            &[
                "I", "do", "n't", "think", "the", "U.S.", "ca", "n't", "win", ".",
            ],
        ),
        (
            "She's 5'10\" and we'll go, y'all.",
            &[
                "She", "'s", "5'10", "\"", "and", "we", "'ll", "go", ",", "y'", "all", ".",
            ],
        ),
        (
            "Visit http://example.com/x?y=1 or e-mail me@example.org!",
            &[
                "Visit",
                "http://example.com/x?y=1",
                "or",
                "e",
                "-",
                "mail",
                "me@example.org",
                "!",
            ],
        ),
        (
            "$3.5bn (20%) in 2008-09 -- ouch...",
            &[
                "$", "3.5bn", "(", "20", "%", ")", "in", "2008", "-", "09", "--", "ouch", "...",
            ],
        ),
    ];
    for (text, want) in cases {
        assert_eq!(&words(en(), text), want, "{text:?}");
    }
}

#[test]
fn exception_norms() {
    let text = "I don't think we'll go.";
    let toks = en().tokenize(text);
    let norms: Vec<(&str, Option<&str>)> = toks
        .iter()
        .map(|t| (&text[t.start..t.end], t.norm.as_deref()))
        .filter(|(_, n)| n.is_some())
        .collect();
    assert_eq!(
        norms,
        vec![
            ("do", Some("do")),
            ("n't", Some("not")),
            ("we", Some("we")),
            ("'ll", Some("will"))
        ]
    );
    let nb = fr().tokenize("a\u{a0}b");
    assert_eq!(nb.len(), 3);
    assert_eq!(nb[1].norm.as_deref(), Some("  "));
}

/// Tokens are ordered, non-overlapping, on char boundaries and, with their trailing spaces,
/// spell the text exactly; nothing panics on odd input or very long tokens.
fn check_cover(t: &Tokenizer, text: &str) {
    let toks = t.tokenize(text);
    let mut rebuilt = String::new();
    let mut pos = 0;
    for tok in &toks {
        assert_eq!(tok.start, pos, "gap or overlap in {text:?}");
        assert!(tok.end > tok.start);
        rebuilt.push_str(&text[tok.start..tok.end]);
        pos = tok.end;
        if tok.space_after {
            assert_eq!(&text[pos..pos + 1], " ");
            rebuilt.push(' ');
            pos += 1;
        }
    }
    assert_eq!(rebuilt, text);
}

#[test]
fn odd_inputs_do_not_panic() {
    let long = "a".repeat(200_000);
    let dots = ".".repeat(50_000);
    let parens = format!("{}x{}", "(".repeat(2_000), ")".repeat(2_000));
    let url = format!("http://{}.com/{}", "a.".repeat(5_000), "b".repeat(5_000));
    for text in [
        "",
        " ",
        "  ",
        "\n",
        " \u{1c}\u{85}\u{2028}x\u{0}y\u{feff}",
        "\u{301}\u{301}é\u{10ffff}🏳️‍🌈",
        &long,
        &dots,
        &parens,
        &url,
    ] {
        check_cover(fr(), text);
        check_cover(en(), text);
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]
    #[test]
    fn tokens_cover_text(text in "(?s).{0,80}", ascii in "[ -~\n\t]{0,80}") {
        check_cover(fr(), &text);
        check_cover(en(), &text);
        check_cover(fr(), &ascii);
        check_cover(en(), &ascii);
    }
}
