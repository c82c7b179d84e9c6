//! Table tests of attribution and reported speech (issue 12), end to end through the real
//! models, one group per pattern, in French and English. Every sentence and name here is
//! invented for the test; none comes from the dev set.
//!
//! A case lists the direct quotes and the reported clauses a careful reader would annotate
//! (gold conventions of `../shared/README.md`), with the full name of the speaker or `None`.
//! Texts match by word overlap (≥ 60 % of the longer for direct quotes, ≥ 50 % for reported
//! clauses), speakers by normalised name. Every predicted quote of the kinds a case lists must
//! be expected.
//!
//! `cargo test --test attribution_table -- --nocapture` prints every failing case.

use std::sync::OnceLock;

#[path = "attribution_table/bounds.rs"]
mod bounds;
#[path = "attribution_table/clauses.rs"]
mod clauses;
#[path = "attribution_table/descriptions.rs"]
mod descriptions;
#[path = "attribution_table/evidence.rs"]
mod evidence;
#[path = "attribution_table/resolution.rs"]
mod resolution;
#[path = "attribution_table/sources.rs"]
mod sources;
#[path = "attribution_table/speakers.rs"]
mod speakers;
use verbatim::enrich::{Document, Enricher, EnricherConfig, QuoteKind, TextField};

/// The enricher with the syntax on (attribution reads the parse, the default) or off (NER
/// only: attribution falls back on its word rules).
fn enricher(syntax: bool) -> &'static Enricher {
    static PARSED: OnceLock<Enricher> = OnceLock::new();
    static WORDS: OnceLock<Enricher> = OnceLock::new();
    let cell = if syntax { &PARSED } else { &WORDS };
    cell.get_or_init(|| {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut models = std::collections::BTreeMap::new();
        models.insert("fr".to_string(), root.join("models/fr_core_news_md"));
        models.insert("en".to_string(), root.join("models/en_core_web_sm"));
        Enricher::new(EnricherConfig {
            models,
            syntax,
            ..Default::default()
        })
        .expect("models (run scripts/models)")
    })
}

/// Expected quotes of one kind: text and speaker.
type Want = &'static [(&'static str, Option<&'static str>)];

/// One case: the text, its direct quotes and its reported clauses (`None`: not checked).
struct Case {
    text: &'static str,
    direct: Want,
    indirect: Option<Want>,
}

const fn case(text: &'static str, direct: Want, indirect: Option<Want>) -> Case {
    Case {
        text,
        direct,
        indirect,
    }
}

fn words(s: &str) -> Vec<String> {
    s.to_lowercase()
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

fn norm(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let s: String = s
        .nfkd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .collect::<String>()
        .to_lowercase()
        .replace('’', "'")
        .replace('-', " ");
    let mut s = s.trim();
    for a in ["le ", "la ", "les ", "l'", "the "] {
        if let Some(r) = s.strip_prefix(a) {
            s = r.trim_start();
        }
    }
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn overlap(a: &str, b: &str) -> f64 {
    let (aw, bw) = (words(a), words(b));
    let mut used = vec![false; bw.len()];
    let mut n = 0;
    for w in &aw {
        if let Some(i) = (0..bw.len()).find(|&i| !used[i] && &bw[i] == w) {
            used[i] = true;
            n += 1;
        }
    }
    n as f64 / aw.len().max(bw.len()).max(1) as f64
}

/// The problems of one kind of quotes: missed, wrong speaker, extra.
fn compare(got: &[(String, Option<String>)], want: Want, threshold: f64) -> Vec<String> {
    let mut problems = Vec::new();
    let mut used = vec![false; got.len()];
    for (wq, ws) in want {
        let hit = (0..got.len()).find(|&i| !used[i] && overlap(&got[i].0, wq) >= threshold);
        let Some(i) = hit else {
            problems.push(format!("missed {wq:?}"));
            continue;
        };
        used[i] = true;
        let ok = match (ws, &got[i].1) {
            (None, None) => true,
            (Some(w), Some(g)) => norm(w) == norm(g),
            _ => false,
        };
        if !ok {
            problems.push(format!("{wq:?}: speaker {:?}, want {ws:?}", got[i].1));
        }
    }
    for (i, g) in got.iter().enumerate() {
        if !used[i] {
            problems.push(format!("extra {:?} ({:?})", g.0, g.1));
        }
    }
    problems
}

fn check(lang: &str, c: &Case, syntax: bool) -> Option<String> {
    let doc = Document {
        fields: vec![TextField {
            name: "body",
            text: c.text,
        }],
        lang: Some(lang),
    };
    let out = enricher(syntax).enrich(&doc).expect("enrich");
    let of = |kind: QuoteKind| -> Vec<(String, Option<String>)> {
        out.quotes
            .iter()
            .filter(|q| q.kind == kind && words(&q.text).len() >= 3)
            .map(|q| (q.text.clone(), q.speaker.as_ref().map(|s| s.name.clone())))
            .collect()
    };
    let mut problems = compare(&of(QuoteKind::Direct), c.direct, 0.6);
    if let Some(w) = c.indirect {
        problems.extend(
            compare(&of(QuoteKind::Indirect), w, 0.5)
                .into_iter()
                .map(|p| format!("reported: {p}")),
        );
    }
    (!problems.is_empty()).then(|| problems.join("; "))
}

/// Every case, with the parse and with the word rules alone.
fn run(lang: &str, group: &str, cases: &[Case]) {
    run_with(lang, group, cases, &[true, false]);
}

/// Every case, with the parse only (patterns the word rules alone do not read).
fn run_parsed(lang: &str, group: &str, cases: &[Case]) {
    run_with(lang, group, cases, &[true]);
}

fn run_with(lang: &str, group: &str, cases: &[Case], modes: &[bool]) {
    let failed: Vec<String> = modes
        .iter()
        .flat_map(|&syntax| {
            cases.iter().enumerate().filter_map(move |(i, c)| {
                check(lang, c, syntax).map(|why| {
                    format!(
                        "[{lang} {group} #{i} syntax={syntax}] {why}\n    text: {:?}",
                        c.text
                    )
                })
            })
        })
        .collect();
    for f in &failed {
        eprintln!("{f}");
    }
    assert!(
        failed.is_empty(),
        "{} {lang} {group} cases fail",
        failed.len()
    );
}

#[test]
fn roles_and_descriptions() {
    run(
        "fr",
        "roles",
        &[case(
            "« Le chantier prendra deux ans de plus que prévu », a reconnu le préfet mardi.\n\nCette annonce de Jérôme Castagne, le préfet de la région, a surpris les élus.",
            &[("Le chantier prendra deux ans de plus que prévu", Some("Jérôme Castagne"))],
            None,
        )],
    );
    run(
        "en",
        "roles",
        &[case(
            "The museum's director, Eleanor Vasquez, opened the new wing on Friday. \"This collection belongs to the whole city,\" the director said.",
            &[("This collection belongs to the whole city,", Some("Eleanor Vasquez"))],
            None,
        )],
    );
}

#[test]
fn opinion_of_an_unnamed_institution_is_nobodys() {
    run(
        "fr",
        "opinion",
        &[case(
            "Clarisse Rambert a défendu son client pendant deux heures. Pour le parquet, « les faits sont établis et graves ».",
            &[("les faits sont établis et graves", None)],
            None,
        )],
    );
}

#[test]
fn places_and_bare_titles_are_no_speakers() {
    run(
        "en",
        "places",
        &[case(
            "Flooding closed the main roads of Rotterdam on Sunday.\n\n\"We have never seen water this high before.\"",
            &[("We have never seen water this high before.", None)],
            None,
        )],
    );
}

#[test]
fn a_title_filter_stays_in_its_sentence() {
    run(
        "fr",
        "titles",
        &[case(
            "Elle a longtemps travaillé sur le film. « Nous avons tourné pendant trois hivers en montagne », raconte Lucie Ferrand.",
            &[("Nous avons tourné pendant trois hivers en montagne", Some("Lucie Ferrand"))],
            None,
        )],
    );
}

#[test]
fn reported_speech_french() {
    run(
        "fr",
        "reported",
        &[
            case(
                "Le ministre Arnaud Vellier a déclaré mardi que la réforme serait votée avant l'été.",
                &[],
                Some(&[("la réforme serait votée avant l'été", Some("Arnaud Vellier"))]),
            ),
            case(
                "Selon Mireille Castan, les travaux du tunnel reprendront au printemps prochain.",
                &[],
                Some(&[("les travaux du tunnel reprendront au printemps prochain", Some("Mireille Castan"))]),
            ),
            case(
                "La production de la fonderie a baissé de moitié en un an, a affirmé Gilles Perrot.",
                &[],
                Some(&[("La production de la fonderie a baissé de moitié en un an", Some("Gilles Perrot"))]),
            ),
            case(
                "Odile Ferrier estime que le projet est « une erreur historique pour la vallée ».",
                &[("une erreur historique pour la vallée", Some("Odile Ferrier"))],
                Some(&[("le projet est « une erreur historique pour la vallée »", Some("Odile Ferrier"))]),
            ),
        ],
    );
}

#[test]
fn reported_speech_english() {
    run(
        "en",
        "reported",
        &[
            case(
                "Senator Walter Brenninger said the bill would pass before the summer recess.",
                &[],
                Some(&[(
                    "the bill would pass before the summer recess",
                    Some("Walter Brenninger"),
                )]),
            ),
            case(
                "According to Priya Raman, the bridge will reopen to traffic next month.",
                &[],
                Some(&[(
                    "the bridge will reopen to traffic next month",
                    Some("Priya Raman"),
                )]),
            ),
            case(
                "The factory will lose about half of its orders this year, Douglas Fenwick said.",
                &[],
                Some(&[(
                    "The factory will lose about half of its orders this year",
                    Some("Douglas Fenwick"),
                )]),
            ),
            case(
                "Margaret Hollis said she had \"full confidence in the new board\" after the vote.",
                &[("full confidence in the new board", Some("Margaret Hollis"))],
                Some(&[(
                    "she had \"full confidence in the new board\" after the vote",
                    Some("Margaret Hollis"),
                )]),
            ),
        ],
    );
}

#[test]
fn role_in_apposition_is_the_named_person() {
    run_parsed(
        "fr",
        "apposition",
        &[case(
            "« Le budget sera présenté en janvier », a précisé le directeur financier de la mutuelle, Damien Rocheteau.",
            &[("Le budget sera présenté en janvier", Some("Damien Rocheteau"))],
            None,
        )],
    );
    run_parsed(
        "en",
        "apposition",
        &[case(
            "\"The budget will be ready in January,\" the cooperative's finance director, Wendy Arkwright, said.",
            &[("The budget will be ready in January,", Some("Wendy Arkwright"))],
            None,
        )],
    );
}

#[test]
fn inverted_subject_past_an_adverbial() {
    run_parsed(
        "fr",
        "inverted",
        &[
            case(
            "La digue a cédé dans la nuit. « Nous avons prévenu la préfecture dès le mois de mars », s'est défendu mercredi le maire Alain Berthelot.",
            &[(
                "Nous avons prévenu la préfecture dès le mois de mars",
                Some("Alain Berthelot"),
            )],
            None,
        ),
        case(
            "Le conseil a siégé tard. « Personne ne nous a consultés sur ce tracé », ajoute un proche de Jacques Verdier.",
            &[("Personne ne nous a consultés sur ce tracé", None)],
            None,
        )],
    );
}

#[test]
fn subject_head_names_the_speaker() {
    run_parsed(
        "en",
        "head",
        &[case(
            "The review of the bridge took a year. \"Nothing was hidden from the inspectors,\" Lakeview council spokesman Tom Reyes said.",
            &[("Nothing was hidden from the inspectors,", Some("Tom Reyes"))],
            None,
        )],
    );
}

#[test]
fn a_verb_in_another_paragraph_governs_nothing() {
    run_parsed(
        "en",
        "paragraphs",
        &[case(
            "The vote ended late on Sunday.\n\n\"It was a fair result for both teams, and I have no complaints.\"\n\nWhat did the mayor, Oscar Lindqvist, say after the count?",
            &[(
                "It was a fair result for both teams, and I have no complaints.",
                None,
            )],
            None,
        )],
    );
}

#[test]
fn reported_speech_on_the_parse() {
    run_parsed(
        "fr",
        "reported-parse",
        &[
            case(
                "Régine Aubertin a également annoncé jeudi à ses joueurs qu'elle quitterait la présidence du club.",
                &[],
                Some(&[("elle quitterait la présidence du club", Some("Régine Aubertin"))]),
            ),
            case(
                "La plainte a été déposée par Hervé Dumoulin, qui affirme que le chantier a été bâclé.",
                &[],
                Some(&[("le chantier a été bâclé", Some("Hervé Dumoulin"))]),
            ),
            case(
                "Lucie Royer affirme avoir vu le camion quitter la route.",
                &[],
                Some(&[("avoir vu le camion quitter la route", Some("Lucie Royer"))]),
            ),
        ],
    );
    run_parsed(
        "en",
        "reported-parse",
        &[
            case(
                "Colin Ashby told reporters on Tuesday morning that the mill would close in May.",
                &[],
                Some(&[("the mill would close in May", Some("Colin Ashby"))]),
            ),
            case(
                "Greta Holmberg said the ferry would run again in June, and the harbour reopened the same week.",
                &[],
                Some(&[("the ferry would run again in June", Some("Greta Holmberg"))]),
            ),
            case(
                "The complaint came from Nora Whitcombe, who says the repairs were rushed.",
                &[],
                Some(&[("the repairs were rushed", Some("Nora Whitcombe"))]),
            ),
        ],
    );
}

#[test]
fn a_place_that_speaks_is_its_institution() {
    // The model often types a club, a company or a government by its place name; the subject
    // of a speech verb is not a place but the institution it names.
    run_parsed(
        "en",
        "speaking place",
        &[case(
            "Coach Anna Berg joined Westbury on Monday.\n\nWestbury said in a statement: \"Anna is one of the most gifted coaches of her generation.\"",
            &[("Anna is one of the most gifted coaches of her generation.", Some("Westbury"))],
            None,
        )],
    );
    run_parsed(
        "fr",
        "speaking place",
        &[case(
            "L'entraîneuse Anna Berg a rejoint Valmont lundi.\n\nValmont a déclaré dans un communiqué : « Anna Berg est l'une des entraîneuses les plus douées de sa génération. »",
            &[("Anna Berg est l'une des entraîneuses les plus douées de sa génération.", Some("Valmont"))],
            None,
        )],
    );
}

#[test]
fn plural_and_neuter_pronouns_are_the_organisation() {
    run_parsed(
        "en",
        "org pronoun",
        &[
            case(
                "Pinewood Records rejected the claims on Monday.\n\n\"We have always supported our artists,\" they said in a statement on their website.",
                &[("We have always supported our artists,", Some("Pinewood Records"))],
                None,
            ),
            case(
                "Harbor Bank cut its rates on Tuesday.\n\n\"We expect growth to return next year,\" it said.",
                &[("We expect growth to return next year,", Some("Harbor Bank"))],
                None,
            ),
        ],
    );
}

#[test]
fn a_pronoun_prefers_a_person_of_its_known_gender() {
    run_parsed(
        "en",
        "known gender",
        &[case(
            "Lena Ortiz left the band managed by Kiran Vale in 2019.\n\n\"Leaving was the hardest decision of my career,\" she told a radio station.",
            &[("Leaving was the hardest decision of my career,", Some("Lena Ortiz"))],
            None,
        )],
    );
    run_parsed(
        "fr",
        "known gender",
        &[case(
            "Les disques de Julie Marchand sont parus chez un éditeur racheté depuis par Kiran Vale.\n\n« Ce rachat est le pire scénario possible », a-t-elle écrit.",
            &[("Ce rachat est le pire scénario possible", Some("Julie Marchand"))],
            None,
        )],
    );
}

#[test]
fn an_unnamed_member_speaks_for_the_organisation() {
    run_parsed(
        "en",
        "member",
        &[case(
            "A spokeswoman for the Harbour Workers Union said on Monday that the strike would go ahead.\n\n\"We want to win public support,\" she said.",
            &[("We want to win public support,", Some("Harbour Workers Union"))],
            None,
        )],
    );
    run_parsed(
        "fr",
        "member",
        &[case(
            "Une porte-parole de la Ligue des pêcheurs a confirmé lundi la grève.\n\n« Nous voulons gagner le soutien du public », a-t-elle ajouté.",
            &[("Nous voulons gagner le soutien du public", Some("Ligue des pêcheurs"))],
            None,
        )],
    );
}

#[test]
fn a_relative_subject_is_the_phrase_before_it() {
    run_parsed(
        "fr",
        "relative",
        &[case(
            "« Le dossier est vide », lance le procureur Pierre Valat, qui affirme que l'entreprise a respecté toutes les règles.",
            &[("Le dossier est vide", Some("Pierre Valat"))],
            Some(&[("l'entreprise a respecté toutes les règles", Some("Pierre Valat"))]),
        )],
    );
    run_parsed(
        "en",
        "relative",
        &[case(
            "The plan was presented by Mayor Ruth Okonkwo, who said the bridge would reopen before the winter.",
            &[],
            Some(&[("the bridge would reopen before the winter", Some("Ruth Okonkwo"))]),
        )],
    );
}

#[test]
fn a_source_role_in_apposition_is_the_named_person() {
    run_parsed(
        "fr",
        "source apposition",
        &[case(
            "Selon la directrice de l'hôpital, Anne Morel, le service rouvrira lundi. Le bâtiment sera rénové avant l'hiver, selon le directeur de l'agence régionale de santé (ARS) du Nord, Marc Olivier.",
            &[],
            Some(&[
                ("le service rouvrira lundi", Some("Anne Morel")),
                ("Le bâtiment sera rénové avant l'hiver", Some("Marc Olivier")),
            ]),
        )],
    );
    run_parsed(
        "en",
        "source apposition",
        &[case(
            "According to the director of the county health agency, Ellen Marsh, the clinic will reopen on Monday.",
            &[],
            Some(&[("the clinic will reopen on Monday", Some("Ellen Marsh"))]),
        )],
    );
}

#[test]
fn a_colon_introduces_the_subjects_quote() {
    run_parsed(
        "fr",
        "colon",
        &[case(
            "Gaspard Lemoine, cheminot, a assisté à la réunion du conseil : « Les habitants ont posé des questions précises sur le chantier. »",
            &[("Les habitants ont posé des questions précises sur le chantier.", Some("Gaspard Lemoine"))],
            None,
        )],
    );
    run_parsed(
        "en",
        "colon",
        &[case(
            "Mayor Ruth Okonkwo took the stage at noon: \"This bridge will carry our city for another century.\"",
            &[("This bridge will carry our city for another century.", Some("Ruth Okonkwo"))],
            None,
        )],
    );
}
