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
