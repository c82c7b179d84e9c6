//! Tests of the Python `re` emulation.

use super::*;

#[test]
fn search_prefers_leftmost_then_first_alternative() {
    let r = PyRegex::new(r"b$|(?<=[0-9])ab$|ab$", Mode::Search).unwrap();
    assert_eq!(r.search("xab"), Some(Span { start: 1, end: 3 }));
    assert_eq!(r.search("1ab"), Some(Span { start: 1, end: 3 }));
    assert_eq!(r.search("b"), Some(Span { start: 0, end: 1 }));
}

#[test]
fn finditer_empty_matches() {
    let r = PyRegex::new(r"(?<=[a-z]')(?=[a-z])|-", Mode::Search).unwrap();
    let m = r.finditer("jusqu'alors-x");
    assert_eq!(
        m,
        vec![Span { start: 6, end: 6 }, Span { start: 11, end: 12 }]
    );
}

fn hir(pattern: &str) -> regex_syntax::hir::Hir {
    regex_syntax::ParserBuilder::new()
        .build()
        .parse(pattern)
        .expect("pattern parses")
}

/// A compacted class is the same set as the class it replaces, folded or not.
#[test]
fn compact_classes_keep_their_set() {
    let lower: String = (0x100u32..0x180)
        .step_by(2)
        .filter_map(char::from_u32)
        .collect();
    let classes = [
        format!("[a-z\\x{{DF}}-\\x{{F6}}{lower}]"),
        format!("[\\x{{2D}}–—‐‑a-z{lower}]"),
        format!("[A-Z0-9\\x{{2E}}\\x{{5D}}\\x{{5C}}\\x{{2D}}{lower}\\x{{4E00}}-\\x{{9FFF}}]"),
    ];
    for class in &classes {
        for case_i in [false, true] {
            let compact = compact_class(class, case_i).expect("a class");
            let (flags, whole) = if case_i { ("(?i)", "x") } else { ("", "x") };
            assert_eq!(
                hir(&format!("{flags}{whole}{class}+$")),
                hir(&format!("{flags}{whole}{compact}+$")),
                "{class} (case-insensitive: {case_i})"
            );
        }
    }
    let folded = compact_class("[a-zé]", true).expect("a class");
    assert!(folded.starts_with("(?-i:[") && folded.contains('É'));
}

#[test]
fn compacted_patterns_match_as_before() {
    let lower: String = (0x100u32..0x180)
        .step_by(2)
        .filter_map(char::from_u32)
        .collect();
    let class = format!("[a-zà-öø-ÿ{lower}]");
    let src = format!("(?iu)^x[-–]{class}+$|^({class}+)[’']{class}*$");
    let r = PyRegex::new(&src, Mode::Match).unwrap();
    for (s, want) in [
        ("X-Éte", true),
        ("x–ĀĂ", true),
        ("XX-a", false),
        ("ÉTÉ’ÀB", true),
        ("été’", true),
        ("a'b!", false),
    ] {
        assert_eq!(r.is_match(s), want, "{s}");
    }
}

#[test]
fn translates_python_syntax() {
    let r = PyRegex::new(r"(?iu)^\u00e9t[é\-\]|(]+$", Mode::Match).unwrap();
    assert!(r.is_match("ÉTé-|"));
    assert!(!r.is_match("ét!"));
    let w = PyRegex::new(r"^[\w\.]{2,}\S$", Mode::Match).unwrap();
    assert!(w.is_match("½a.x"));
    assert!(!w.is_match("ab "));
}

/// A letter class long enough to count as a large atom (lower-case Latin letters and the
/// Latin-1 and Latin Extended-A lower-case letters, written as Python escapes).
fn letters() -> String {
    let mut class = String::from("[a-z");
    for c in (0xDFu32..=0xFF).chain((0x101..0x17F).step_by(2)) {
        class.push_str(&format!("\\u{c:04X}"));
    }
    class.push(']');
    class
}

/// A pattern shaped like spaCy's French `token_match`, from invented words: heads joined by a
/// hyphen or an apostrophe to tails made of the large letter class.
fn whole_word_pattern() -> String {
    let l = letters();
    let hy = "[-–]";
    [
        format!("(?:^porte[-–]voix{l}*$)"),
        format!("(?:^garde[-–]fou{l}+$)"),
        format!("(?:^contre{hy}{l}{l}*$)"),
        format!("(?:^sous{hy}{l}{l}*$)"),
        format!("(?:^entr['’]{l}{l}*$)"),
        format!("(?:^{l}+{hy}sur{hy}(?:l['’])?{l}+$)"),
        format!("(?:^{l}+{hy}l[èe]s?{hy}(?:l['’])?{l}+$)"),
        format!("(?:^voix{hy}off$)"),
    ]
    .join("|")
}

fn probe_words() -> Vec<String> {
    let mut words: Vec<String> = [
        "porte-voix",
        "porte-voixs",
        "Porte–Voixé",
        "garde-fou",
        "garde-fous",
        "garde-fouś",
        "contre-",
        "contre-jour",
        "contre-Jour",
        "sous-bois",
        "sous–marin",
        "sousbois",
        "entr'ouvert",
        "entr’acte",
        "entr'",
        "ville-sur-mer",
        "ville-sur-l'eau",
        "ville-sur-",
        "-sur-mer",
        "mont-lès-bains",
        "mont-le-bains",
        "mont-les-l’île",
        "voix-off",
        "voix-offs",
        "Voix–Off",
        "anti-",
        "xporte-voix",
        "porte-voix ",
        "ßach-sur-œuvre",
        "ĳssel-lès-ōdo",
    ]
    .iter()
    .map(|w| w.to_string())
    .collect();
    // Every prefix of every probe too: partial words are where a wrong factoring would differ.
    let prefixes: Vec<String> = words
        .iter()
        .flat_map(|w| w.char_indices().map(|(i, _)| w[..i].to_string()))
        .collect();
    words.extend(prefixes);
    words
}

/// Factored and written out in full, the pattern accepts the same strings.
#[test]
fn factoring_keeps_whole_word_matches() {
    let src = format!("(?iu){}", whole_word_pattern());
    let full = PyRegex::build(&src, Mode::Match, false).unwrap();
    let factored = PyRegex::build(&src, Mode::Match, true).unwrap();
    let mut matched = 0;
    for w in probe_words() {
        assert_eq!(factored.is_match(&w), full.is_match(&w), "{w:?}");
        matched += usize::from(full.is_match(&w));
    }
    assert!(
        matched >= 15,
        "the probes exercise the pattern ({matched} matched)"
    );
}

/// The large class is written once per group of alternatives that share it, not once per
/// alternative.
#[test]
fn factoring_writes_shared_classes_once() {
    let body = whole_word_pattern();
    let chars: Vec<char> = body.chars().collect();
    let alts = split_alternatives(&chars).unwrap();
    let out = factor::factor(&alts, true).expect("the pattern factors");
    let l = letters();
    let copies = |texts: &[String]| texts.iter().map(|t| t.matches(&l).count()).sum::<usize>();
    let before: Vec<String> = alts.iter().map(|a| a.iter().collect()).collect();
    assert_eq!(copies(&before), 12);
    // {l}* · {l}+ · {l}{l}* (contre, sous, entr') · {l}+ … {l}+ (sur, lès) · none (voix-off).
    assert_eq!(out.len(), 5, "{out:?}");
    assert_eq!(copies(&out), 6);
}

/// Where a match need not span the whole string, or an alternative looks around, nothing is
/// factored.
#[test]
fn factoring_leaves_other_patterns_alone() {
    let l = letters();
    let cases = [
        (format!("(?:^ab{l}+$)|(?:^cd{l}+)"), true),
        (format!("(?:ab{l}+$)|(?:cd{l}+$)"), false),
        (format!("(?:^ab{l}+$)|(?:^(?<=x)cd{l}+$)"), true),
        (format!("(?:^ab{l}+$)|(?:^cd{l}+(?:$))"), true),
    ];
    for (body, anchored) in cases {
        let chars: Vec<char> = body.chars().collect();
        let alts = split_alternatives(&chars).unwrap();
        assert!(factor::factor(&alts, anchored).is_none(), "{body}");
    }
    // The same alternatives anchored by `^` do factor in search mode.
    let body = format!("(?:^ab{l}+$)|(?:^cd{l}+$)");
    let chars: Vec<char> = body.chars().collect();
    let alts = split_alternatives(&chars).unwrap();
    assert_eq!(factor::factor(&alts, false).map(|f| f.len()), Some(1));
}

/// One compilation per pattern and mode; a different mode is a different regex.
#[test]
fn shared_patterns_compile_once() {
    let src = r"^(?:[a-z]{2,})://\S+$";
    let a = PyRegex::shared(src, Mode::Match).unwrap();
    let b = PyRegex::shared(src, Mode::Match).unwrap();
    let c = PyRegex::shared(src, Mode::Search).unwrap();
    assert!(Arc::ptr_eq(&a, &b));
    assert!(!Arc::ptr_eq(&a, &c));
    assert!(a.is_match("http://example.org"));
    assert!(PyRegex::shared("(", Mode::Match).is_err());
}
