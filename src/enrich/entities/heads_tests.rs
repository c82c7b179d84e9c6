//! How a name's head words type it and where they bound it: a region's class word, an
//! organisation's head before its complement, the premises of a body.

use super::tests::{names, run};
use crate::enrich::profile::Lang;
use crate::enrich::types::EntityType::{Location as L, Organization as O, Person as P};

#[test]
fn a_region_is_named_by_its_class_word_after_it() {
    let t = "Flooding closed roads across the Greater Marlow Area and Tosa Prefecture.";
    let es = run(
        Lang::En,
        t,
        &[("Greater Marlow Area", "ORG"), ("Tosa Prefecture", "ORG")],
    );
    assert_eq!(
        names(&es),
        [
            ("Greater Marlow Area".to_string(), L),
            ("Tosa Prefecture".to_string(), L)
        ]
    );
}

#[test]
fn an_organisation_word_before_a_complement_heads_the_name() {
    let t = "Buses of the Lakeland Transit Authority of Dorr County run late.";
    let es = run(
        Lang::En,
        t,
        &[("Lakeland Transit Authority of Dorr County", "GPE")],
    );
    assert_eq!(
        names(&es),
        [("Lakeland Transit Authority of Dorr County".to_string(), O)]
    );
    // An organisation word closing the name heads it still; a place word before the
    // complement does not ("House" of a chamber).
    let t = "The Dorr House of Delegates met the Town of Dorr Police.";
    let es = run(
        Lang::En,
        t,
        &[
            ("Dorr House of Delegates", "ORG"),
            ("Town of Dorr Police", "GPE"),
        ],
    );
    assert_eq!(
        names(&es),
        [
            ("Dorr House of Delegates".to_string(), O),
            ("Town of Dorr Police".to_string(), O)
        ]
    );
}

#[test]
fn the_premises_of_a_body_are_no_place_named_after_it() {
    let t = "La réunion s'est tenue dans la salle de réunion du siège de Velmor Industries.";
    let es = run(Lang::Fr, t, &[("Velmor Industries", "ORG")]);
    assert_eq!(names(&es), [("Velmor Industries".to_string(), O)]);
    // A place's head before a place stays: « la gare de Vernay ».
    let t = "Le train est arrivé en gare de Vernay.";
    let es = run(Lang::Fr, t, &[("Vernay", "LOC")]);
    assert_eq!(names(&es)[0].0, "gare de Vernay");
}

#[test]
fn a_centre_is_a_building_or_a_body_by_the_noun_before_it() {
    let t = "Evacuees slept at the Eldon Community Centre, near the Eldon Medical Centre.";
    let es = run(
        Lang::En,
        t,
        &[
            ("Eldon Community Centre", "ORG"),
            ("Eldon Medical Centre", "FAC"),
        ],
    );
    assert_eq!(
        names(&es),
        [
            ("Eldon Community Centre".to_string(), L),
            ("Eldon Medical Centre".to_string(), O)
        ]
    );
}

#[test]
fn a_firm_of_money_is_named_by_its_trade() {
    let t = "The largest holder, Elm Row Investors, sold to Harbor Lane Capital.";
    let es = run(
        Lang::En,
        t,
        &[
            ("Elm Row Investors", "PERSON"),
            ("Harbor Lane Capital", "GPE"),
        ],
    );
    assert_eq!(
        names(&es),
        [
            ("Elm Row Investors".to_string(), O),
            ("Harbor Lane Capital".to_string(), O)
        ]
    );
}

#[test]
fn a_street_word_of_another_language_opens_a_place_in_english_copy() {
    let t = "Protesters marched down Avenida Ruiz Tagle toward the port.";
    let es = run(Lang::En, t, &[("Avenida Ruiz Tagle", "PERSON")]);
    assert_eq!(names(&es), [("Avenida Ruiz Tagle".to_string(), L)]);
}

#[test]
fn players_mayors_junctions_chapels_and_complexes_type_the_names_next_to_them() {
    let t = "Harbor FC midfielder Tomas Eklund was hurt. The mayor of Tregaron said the crash \
             was at the junction with Kessel Hill, near the Owell Sports Complex and Brindle Chapel.";
    let es = run(
        Lang::En,
        t,
        &[
            ("Tomas Eklund", "ORG"),
            ("Tregaron", "PERSON"),
            ("Kessel Hill", "PERSON"),
            ("Owell Sports Complex", "ORG"),
            ("Brindle Chapel", "ORG"),
        ],
    );
    let n = names(&es);
    assert!(n.contains(&("Tomas Eklund".to_string(), P)), "{n:?}");
    for place in [
        "Tregaron",
        "Kessel Hill",
        "Owell Sports Complex",
        "Brindle Chapel",
    ] {
        assert!(n.contains(&(place.to_string(), L)), "{place}: {n:?}");
    }
    let t = "Le maire de Vaubrun a visité la fromagerie Lestrade avec le collectif Eau Vive. \
             L'attaquant Kessoum Dury était là.";
    let es = run(
        Lang::Fr,
        t,
        &[
            ("Vaubrun", "PER"),
            ("Lestrade", "PER"),
            ("Eau Vive", "PER"),
            ("Kessoum Dury", "ORG"),
        ],
    );
    let n = names(&es);
    assert!(n.contains(&("Vaubrun".to_string(), L)), "{n:?}");
    assert!(n.contains(&("Lestrade".to_string(), O)), "{n:?}");
    assert!(n.contains(&("Eau Vive".to_string(), O)), "{n:?}");
    assert!(n.contains(&("Kessoum Dury".to_string(), P)), "{n:?}");
}

#[test]
fn a_french_plain_or_plateau_names_its_place_with_its_complement() {
    let t = "Les pompages sont réduits dans la plaine du Vaubrun et sur le plateau de Lestre.";
    let es = run(Lang::Fr, t, &[("Vaubrun", "LOC"), ("Lestre", "LOC")]);
    assert_eq!(
        names(&es),
        [
            ("plaine du Vaubrun".to_string(), L),
            ("plateau de Lestre".to_string(), L)
        ]
    );
}

#[test]
fn a_compass_point_or_a_subdivision_names_a_place() {
    let t =
        "Smoke rose west of Kestrow on Monday, and residents of the Larkhaven subdivision left.";
    let es = run(Lang::En, t, &[("Kestrow", "ORG"), ("Larkhaven", "PERSON")]);
    let n = names(&es);
    for place in ["Kestrow", "Larkhaven"] {
        assert!(n.contains(&(place.to_string(), L)), "{place}: {n:?}");
    }
    let t = "Le feu a pris au nord de Vaubrun, puis à l'ouest d'Arlemont.";
    let es = run(Lang::Fr, t, &[("Vaubrun", "ORG"), ("Arlemont", "PER")]);
    let n = names(&es);
    for place in ["Vaubrun", "Arlemont"] {
        assert!(n.contains(&(place.to_string(), L)), "{place}: {n:?}");
    }
}

#[test]
fn two_streets_run_into_one_span_are_two_places() {
    let t = "A bus lane between Kessel Lane and Barrow Road opens soon, on the block bounded by \
             Orrin St and Tove St, said Antigua and Barbuda's envoy.";
    let es = run(
        Lang::En,
        t,
        &[
            ("Kessel Lane and Barrow Road", "FAC"),
            ("Orrin St", "ORG"),
            ("Tove St", "ORG"),
            ("Antigua and Barbuda", "GPE"),
        ],
    );
    let n = names(&es);
    for place in [
        "Kessel Lane",
        "Barrow Road",
        "Orrin St",
        "Tove St",
        "Antigua and Barbuda",
    ] {
        assert!(n.contains(&(place.to_string(), L)), "{place}: {n:?}");
    }
}

#[test]
fn a_lower_case_service_opens_a_name_only_with_a_modifier() {
    let t = "Le service départemental d'incendie et de secours du Tarn a envoyé des renforts \
             au service de Villers, débordé depuis lundi.";
    let es = run(Lang::Fr, t, &[("Tarn", "LOC"), ("Villers", "LOC")]);
    assert_eq!(
        names(&es),
        [
            (
                "service départemental d'incendie et de secours du Tarn".to_string(),
                O
            ),
            ("Villers".to_string(), L)
        ]
    );
}

#[test]
fn a_trade_word_opens_a_firms_name_and_its_family_closes_it() {
    let t = "Le camion des Transports Morvan et Fils a percuté la vitrine de la Quincaillerie \
             Dubé, a indiqué le ministre chargé des Transports.";
    let es = run(
        Lang::Fr,
        t,
        &[
            ("Transports Morvan", "LOC"),
            ("Fils", "PER"),
            ("Quincaillerie Dubé", "LOC"),
            ("Transports", "ORG"),
        ],
    );
    assert_eq!(
        names(&es),
        [
            ("Transports Morvan et Fils".to_string(), O),
            ("Quincaillerie Dubé".to_string(), O)
        ]
    );
    let t = "The barn was built by Hale and Sons in 1902.";
    let es = run(Lang::En, t, &[("Hale", "ORG")]);
    assert_eq!(names(&es), [("Hale and Sons".to_string(), O)]);
}

#[test]
fn a_participle_opening_a_reporters_sentence_is_no_name() {
    let t = "Contacté, le maire n'a pas souhaité réagir. Sollicitée, Vexa n'a pas répondu.";
    let es = run(
        Lang::Fr,
        t,
        &[("Contacté", "LOC"), ("Sollicitée", "ORG"), ("Vexa", "ORG")],
    );
    assert_eq!(names(&es), [("Vexa".to_string(), O)]);
}

#[test]
fn a_departments_listed_portfolios_are_its_name() {
    let t = "The Department for Housing, Roads and Ports said the Ministry of Lands and Coastal \
             Affairs agreed. The national Department of Water and Forests disagreed.";
    let es = run(
        Lang::En,
        t,
        &[
            ("Department for Housing", "ORG"),
            ("Roads", "ORG"),
            ("Ministry of Lands", "ORG"),
            ("Coastal Affairs", "ORG"),
            ("The national Department of Water and Forests", "ORG"),
        ],
    );
    assert_eq!(
        names(&es),
        [
            ("Department for Housing, Roads and Ports".to_string(), O),
            ("Ministry of Lands and Coastal Affairs".to_string(), O),
            ("Department of Water and Forests".to_string(), O)
        ]
    );
    // Without the closing coordinator the comma is the sentence's; a first name opens a
    // person, a type word another body.
    let t = "The Ministry of Health, Tove officials said, met the Ministry of Finance and \
             Helen Roe and the Ministry of Trade, Marle Port Authority and Tove Rail.";
    let es = run(
        Lang::En,
        t,
        &[
            ("Ministry of Health", "ORG"),
            ("Tove", "GPE"),
            ("Ministry of Finance", "ORG"),
            ("Helen Roe", "PERSON"),
            ("Ministry of Trade", "ORG"),
            ("Marle Port Authority", "ORG"),
            ("Tove Rail", "ORG"),
        ],
    );
    let n = names(&es);
    for body in [
        "Ministry of Health",
        "Ministry of Finance",
        "Ministry of Trade",
    ] {
        assert!(n.contains(&(body.to_string(), O)), "{n:?}");
    }
}
