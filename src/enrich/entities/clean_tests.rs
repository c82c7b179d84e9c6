//! What cleaning does to a span, seen through the entities it gives.

use super::tests::{names, run};
use crate::enrich::profile::Lang;
use crate::enrich::types::EntityType::{Location as L, Misc, Organization as O};

#[test]
fn a_span_across_a_dateline_dash_or_a_paragraph_is_two_names() {
    let t = "Madrid - Getafe a signé un accord.";
    let es = run(Lang::Fr, t, &[("Madrid - Getafe", "LOC")]);
    let n = names(&es);
    assert!(n.iter().any(|(x, _)| x == "Madrid"), "{n:?}");
    assert!(n.iter().any(|(x, _)| x == "Getafe"), "{n:?}");
    let t = "Ils ont voyagé en Norvège.\n\nUne semaine plus tard, ils sont rentrés.";
    let es = run(Lang::Fr, t, &[("Norvège.\n\nUne", "LOC")]);
    assert_eq!(names(&es), [("Norvège".to_string(), L)]);
    let t = "Hier, Hull City 2-1 a tout changé.";
    let es = run(Lang::Fr, t, &[("Hull City 2-1", "ORG")]);
    assert_eq!(names(&es), [("Hull City".to_string(), O)]);
    // An initial's period is no sentence end.
    let t = "He works for J. Crew Group now.";
    let es = run(Lang::En, t, &[("J. Crew Group", "ORG")]);
    assert_eq!(names(&es), [("J. Crew Group".to_string(), O)]);
}

#[test]
fn compound_demonyms_are_no_entities() {
    let t = "Le Franco-Algérien de 40 ans a été entendu, comme l'Italo-Argentin arrêté à Lyon.";
    let es = run(
        Lang::Fr,
        t,
        &[
            ("Franco-Algérien", "LOC"),
            ("Italo-Argentin", "LOC"),
            ("Lyon", "LOC"),
        ],
    );
    assert_eq!(names(&es), [("Lyon".to_string(), L)]);
    let t = "The Anglo-Irish agreement was signed by Anglo American executives.";
    let es = run(
        Lang::En,
        t,
        &[("Anglo-Irish", "NORP"), ("Anglo American", "ORG")],
    );
    assert_eq!(names(&es), [("Anglo American".to_string(), O)]);
}

#[test]
fn a_law_named_by_its_head_word_is_no_organisation() {
    let t = "Senators debated the Clean Rivers Bill, which Bill Norton opposed.";
    let es = run(
        Lang::En,
        t,
        &[("Clean Rivers Bill", "ORG"), ("Bill Norton", "PERSON")],
    );
    let n = names(&es);
    assert!(
        n.contains(&("Clean Rivers Bill".to_string(), Misc)),
        "{n:?}"
    );
    assert!(
        n.iter().any(|(x, t)| x == "Bill Norton" && *t != Misc),
        "{n:?}"
    );
    let t = "Le Pacte de sécurité régionale a été signé par l'Union africaine.";
    let es = run(
        Lang::Fr,
        t,
        &[
            ("Pacte de sécurité régionale", "ORG"),
            ("Union africaine", "ORG"),
        ],
    );
    let n = names(&es);
    assert!(
        n.contains(&("Pacte de sécurité régionale".to_string(), Misc)),
        "{n:?}"
    );
}

#[test]
fn capitalised_common_nouns_alone_are_no_entities() {
    let t = "The Government said the Treasury would act.";
    let es = run(Lang::En, t, &[("Government", "ORG"), ("Treasury", "ORG")]);
    assert_eq!(names(&es), [("Treasury".to_string(), O)]);
    let t = "La Ville a constaté que la société, cotée en Bourse, avait quitté Lyon.";
    let es = run(
        Lang::Fr,
        t,
        &[("Ville", "ORG"), ("Bourse", "LOC"), ("Lyon", "LOC")],
    );
    assert_eq!(names(&es), [("Lyon".to_string(), L)]);
}

#[test]
fn an_organisation_head_cut_before_its_lower_case_complement_keeps_it() {
    let t = "Le Conseil des ministres a adopté le texte, que la Cour des comptes jugeait coûteux.";
    let es = run(Lang::Fr, t, &[("Conseil", "ORG"), ("Cour", "ORG")]);
    let n = names(&es);
    assert!(
        n.contains(&("Conseil des ministres".to_string(), O)),
        "{n:?}"
    );
    assert!(n.contains(&("Cour des comptes".to_string(), O)), "{n:?}");
    let t = "Le Parti de l'innovation a perdu deux sièges.";
    let es = run(Lang::Fr, t, &[("Parti", "ORG")]);
    assert_eq!(names(&es), [("Parti de l'innovation".to_string(), O)]);
    // An adverbial phrase or a determiner after "de" is the sentence, not the name; nor is a
    // complement after a name that does not end on an organisation head.
    let t = "Le Sénat de nouveau saisi, la Commission de toute façon divisée, Lyon de loin.";
    let es = run(
        Lang::Fr,
        t,
        &[("Sénat", "ORG"), ("Commission", "ORG"), ("Lyon", "LOC")],
    );
    let n = names(&es);
    assert!(n.contains(&("Sénat".to_string(), O)), "{n:?}");
    assert!(n.contains(&("Commission".to_string(), O)), "{n:?}");
    assert!(n.contains(&("Lyon".to_string(), L)), "{n:?}");
}

#[test]
fn times_and_amounts_the_model_found_are_no_entities() {
    let t = "In the winter the Harbor Trust spent 40 percent of $2 million by 9 p.m.";
    let es = run(
        Lang::En,
        t,
        &[
            ("the winter", "DATE"),
            ("Harbor Trust", "ORG"),
            ("40 percent", "PERCENT"),
            ("$2 million", "MONEY"),
            ("9 p.m.", "TIME"),
        ],
    );
    assert_eq!(names(&es), [("Harbor Trust".to_string(), O)]);
}
