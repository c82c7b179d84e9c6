use super::*;
use std::collections::HashSet;

#[test]
fn french_cues_are_generated() {
    let r = Profile::for_code("fr").unwrap();
    let has = |s: &str| r.cues.iter().any(|c| c.tokens.join(" ") == s);
    for s in [
        "a dit",
        "a déclaré",
        "a-t-il ajouté",
        "a-t-elle précisé",
        "estime",
        "affirme",
        "selon",
        "dit-il",
        "poursuit-elle",
        "ajoute-t-il",
        "s' agace-t-il",
        "s' interroge",
        "a fait valoir",
    ] {
        assert!(has(s), "{s}");
    }
    assert!(r.cues.len() > 300, "{}", r.cues.len());
    assert_eq!(r.pronouns.get("elle"), Some(&Gender::Feminine));
    assert!(r.is_role_name("Haute-Commissaire"));
    assert!(r.demonyms.contains("bielorusses"));
    assert!(r.demonyms.contains("congolaises"));
}

#[test]
fn english_cues_are_generated() {
    let r = Profile::for_code("en").unwrap();
    let has = |s: &str| r.cues.iter().any(|c| c.tokens.join(" ") == s);
    for s in [
        "said",
        "says",
        "told",
        "added",
        "according to",
        "replied",
        "joked",
        "has said",
        "vowed",
        "posted",
        "pointed out",
    ] {
        assert!(has(s), "{s}");
    }
    assert!(Profile::for_code("de").is_none());
}

#[test]
fn context_files_are_well_formed() {
    for (lang, f) in [("fr", &FR), ("en", &EN)] {
        for l in lines(f.context) {
            let p: Vec<&str> = l.split('|').collect();
            let ok = match p[..] {
                ["connector", w] | ["connector", w, "near"] => !w.is_empty(),
                ["frame", open, close] => [open, close]
                    .iter()
                    .all(|w| !w.is_empty() && !w.contains(' ')),
                ["class" | "after" | "before", t, w] => {
                    ["per", "loc", "org", "misc"].contains(&t) && !w.is_empty() && lower(w) == w
                }
                ["adjective" | "located" | "character" | "inner" | "age" | "sport" | "club", w] => {
                    !w.is_empty()
                }
                ["team", "before" | "after", w] => !w.is_empty(),
                ["kin", "noun" | "det", w] => !w.is_empty() && lower(w) == w,
                ["party" | "thing_relative" | "medium", w] => !w.is_empty() && lower(w) == w,
                ["pair", t, open, join] => {
                    ["per", "loc", "org", "misc"].contains(&t)
                        && [open, join].iter().all(|w| !w.is_empty() && lower(w) == *w)
                }
                _ => false,
            };
            assert!(ok, "{lang}/context.txt: malformed line {l:?}");
        }
        let c = &Profile::for_code(lang).unwrap().context;
        assert!(!c.connectors.is_empty() && !c.classes.is_empty() && !c.before.is_empty());
    }
}

#[test]
fn first_names_file_is_well_formed() {
    let mut seen = HashSet::new();
    for l in lines(FIRST_NAMES) {
        let (name, g) = l
            .split_once('|')
            .unwrap_or_else(|| panic!("first_names.txt: no '|' in {l:?}"));
        assert!(
            ["m", "f", "x"].contains(&g),
            "first_names.txt: gender of {l:?}"
        );
        assert!(
            !name.is_empty() && name == lower(name) && !name.contains(' '),
            "first_names.txt: name of {l:?}"
        );
        assert!(seen.insert(name), "first_names.txt: {name} listed twice");
    }
    assert!(seen.len() > 3000, "{}", seen.len());
    let names = gendered(FIRST_NAMES);
    let g = |n: &str| names.get(n).copied();
    for (n, want) in [
        ("jean-pierre", Gender::Masculine),
        ("marie-claire", Gender::Feminine),
        ("hélène", Gender::Feminine),
        ("helene", Gender::Feminine),
        ("sergueï", Gender::Masculine),
        ("volodymyr", Gender::Masculine),
        ("mohammed", Gender::Masculine),
        ("muhammad", Gender::Masculine),
        ("aminata", Gender::Feminine),
        ("mamadou", Gender::Masculine),
        ("chimamanda", Gender::Feminine),
        ("recep", Gender::Masculine),
        ("narendra", Gender::Masculine),
        ("shinzo", Gender::Masculine),
        ("yael", Gender::Feminine),
        ("joão", Gender::Masculine),
        ("małgorzata", Gender::Feminine),
        ("camille", Gender::Unknown),
        ("andrea", Gender::Unknown),
        ("dominique", Gender::Unknown),
        // Common given names that are also words, kept: a name is 2–3 capitalised words.
        ("mark", Gender::Masculine),
        ("bill", Gender::Masculine),
    ] {
        assert_eq!(g(n), Some(want), "{n}");
    }
    // Words, places and countries that are also given names are left out.
    for n in [
        "will",
        "may",
        "france",
        "paris",
        "jordan",
        "christian",
        "august",
        "virginia",
        "lincoln",
        "said",
    ] {
        assert_eq!(g(n), None, "{n}");
    }
}

#[test]
fn first_names_are_found_whether_the_text_or_the_list_writes_the_accents() {
    let names = FirstNames::new(gendered(FIRST_NAMES));
    // Listed unaccented, written with an accent (the Irish "Seán", "Siobhán").
    assert_eq!(names.get("seán"), Some(&Gender::Masculine));
    assert!(names.contains_key("siobhán"));
    // Listed accented only, written without ("Angel" for "Ángel").
    assert!(names.contains_key("angel"));
    assert!(!names.contains_key("paris"));
    assert!(!names.contains_key("pàris"));
}

#[test]
fn french_regular_verbs_end_in_er() {
    // Other verbs need their forms spelled out (see the file's header).
    for l in lines(FR.verbs) {
        if !l.starts_with(['=', '@']) && !l.contains('|') {
            assert!(
                l.ends_with("er"),
                "speech_verbs.txt: {l:?} is not a regular -er verb"
            );
        }
    }
}

#[test]
fn keys() {
    assert_eq!(key("Porto- Novo"), "porto novo");
    assert_eq!(key("l’ONU"), "l'onu");
}

#[test]
fn speech_lemmas_come_from_the_verb_lines() {
    let fr = Profile::for_code("fr").unwrap();
    // Irregular and regular lines, a reflexive verb without its pronoun; not a source cue.
    for l in ["dire", "ajouter", "exclamer"] {
        assert!(fr.speech_lemmas.contains(l), "fr lemma {l:?}");
    }
    assert!(!fr.speech_lemmas.contains("selon"));
    assert!(!fr.speech_lemmas.contains("s'exclamer"));
    let en = Profile::for_code("en").unwrap();
    for l in ["say", "tell", "add"] {
        assert!(en.speech_lemmas.contains(l), "en lemma {l:?}");
    }
    assert!(!en.speech_lemmas.contains("said"));
    assert!(!en.speech_lemmas.contains("according"));
}

#[test]
fn open_first_names_file_is_well_formed_and_yields_to_the_hand_list() {
    let open = gendered(OPEN_FIRST_NAMES);
    let hand = gendered(FIRST_NAMES);
    for l in lines(OPEN_FIRST_NAMES) {
        let (name, g) = l
            .split_once('|')
            .unwrap_or_else(|| panic!("first_names_open.txt: no '|' in {l:?}"));
        assert!(["m", "f", "x"].contains(&g), "first_names_open.txt: {l:?}");
        assert!(
            name.chars().count() >= 3 && name == lower(name) && !name.contains(' '),
            "first_names_open.txt: name of {l:?}"
        );
        // The build leaves out what the hand list holds.
        assert!(
            !hand.contains_key(name),
            "first_names_open.txt: {name} is hand-listed"
        );
    }
    assert!(open.len() > 1000, "{}", open.len());
    // Given names two open lists hold join the profile's, with their gender.
    let names = FirstNames::new(first_names());
    for (n, want) in [
        ("callum", Gender::Masculine),
        ("maryanne", Gender::Feminine),
        ("teresita", Gender::Feminine),
    ] {
        assert_eq!(names.get(n), Some(&want), "{n}");
    }
    // Words and places are still left out, with or without their accents.
    for n in ["will", "rose", "regina", "régina", "jordan", "paris"] {
        assert!(!names.contains_key(n), "{n}");
    }
}

#[test]
fn a_rank_joined_to_a_role_by_a_hyphen_keeps_the_role() {
    let fr = Profile::for_code("fr").unwrap();
    // Before the role (« le lieutenant-colonel », « l'ex-maire ») or after it (« l'adjudant-chef »).
    for w in [
        "lieutenant-colonel",
        "contre-amiral",
        "ex-maire",
        "adjudant-chef",
    ] {
        assert!(fr.role(w).is_some(), "{w}");
    }
    assert!(fr.role_covers("magistrat", "vice-procureur"));
    // Not any hyphenated word whose part is a role.
    assert!(fr.role("porte-avions").is_none());
    let en = Profile::for_code("en").unwrap();
    assert!(en.role("lieutenant-governor").is_some());
}
