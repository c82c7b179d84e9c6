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
fn a_lower_case_service_opens_a_name_only_with_a_modifier_and_an_organ_never() {
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
    // A body's organ before its name is no part of it.
    let t = "Le conseil d’administration de la Tovelia a voté lundi, puis l'assemblée \
             générale du CTRV.";
    let es = run(Lang::Fr, t, &[("Tovelia", "ORG"), ("CTRV", "ORG")]);
    assert_eq!(
        names(&es),
        [("Tovelia".to_string(), O), ("CTRV".to_string(), O)]
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

#[test]
fn places_and_firms_are_named_by_their_class_word_after_them() {
    // Street words shortened without a full stop, a headland, a crossing, a market hall,
    // gardens and a sewage works are places; ferry lines and fish merchants firms.
    let t = "Crews cleared Kowhai Tce, Gull Point and Marrow Crossing before Alder Gardens \
             reopened. Holm Residences was shut, and the Ebb \
             Wastewater Treatment Works flooded. Skerry Ferries and Harbour Seafoods halted work.";
    let es = run(
        Lang::En,
        t,
        &[
            ("Kowhai Tce", "PERSON"),
            ("Gull Point", "ORG"),
            ("Marrow Crossing", "ORG"),
            ("Alder Gardens", "ORG"),
            ("Holm Residences", "ORG"),
            ("Ebb Wastewater Treatment Works", "ORG"),
            ("Skerry Ferries", "PERSON"),
            ("Harbour Seafoods", "GPE"),
        ],
    );
    assert_eq!(
        names(&es),
        [
            ("Kowhai Tce".to_string(), L),
            ("Gull Point".to_string(), L),
            ("Marrow Crossing".to_string(), L),
            ("Alder Gardens".to_string(), L),
            ("Holm Residences".to_string(), L),
            ("Ebb Wastewater Treatment Works".to_string(), L),
            ("Skerry Ferries".to_string(), O),
            ("Harbour Seafoods".to_string(), O),
        ]
    );
}

#[test]
fn a_named_storm_is_an_event_not_a_person() {
    let t = "Cyclone Ada hit Tovel as tropical storm Bren neared, and the Marle Storm lost.";
    let es = run(
        Lang::En,
        t,
        &[
            ("Cyclone Ada", "PERSON"),
            ("Tovel", "GPE"),
            ("Bren", "PERSON"),
            ("Marle Storm", "ORG"),
        ],
    );
    let n = names(&es);
    assert!(!n.iter().any(|(_, ty)| *ty == P), "{n:?}");
    assert!(n.contains(&("Marle Storm".to_string(), O)), "{n:?}");
    let t = "Le passage de la tempête Ada a privé Tovel de courant.";
    let es = run(Lang::Fr, t, &[("Ada", "PER"), ("Tovel", "LOC")]);
    let n = names(&es);
    assert!(!n.iter().any(|(_, ty)| *ty == P), "{n:?}");
    // « tempête » without its article is a verb of speech: the name after it is the speaker.
    let t = "« Tout recommence chaque année », tempête Ruvo Marnier, pêcheur à Tovel.";
    let es = run(Lang::Fr, t, &[("Ruvo Marnier", "MISC"), ("Tovel", "LOC")]);
    let n = names(&es);
    assert!(n.contains(&("Ruvo Marnier".to_string(), P)), "{n:?}");
}

#[test]
fn french_ports_zones_and_stations_are_named_with_their_lower_case_head() {
    let t = "Le cargo a quitté le port de Tovel pour la zone des Marles. La station de pompage \
             de Vernel et le carrefour Ruvo sont fermés, comme la filature Orsel. Le Port \
             autonome de Sarne a protesté, avec la zone de police de Bresle.";
    let es = run(
        Lang::Fr,
        t,
        &[
            ("Tovel", "LOC"),
            ("Marles", "LOC"),
            ("Vernel", "LOC"),
            ("Ruvo", "PER"),
            ("Orsel", "PER"),
            ("Port autonome de Sarne", "LOC"),
            ("Bresle", "LOC"),
        ],
    );
    let n = names(&es);
    for (name, ty) in [
        ("port de Tovel", L),
        ("zone des Marles", L),
        ("station de pompage de Vernel", L),
        ("carrefour Ruvo", L),
        ("filature Orsel", L),
        ("Port autonome de Sarne", O),
        ("zone de police de Bresle", O),
    ] {
        assert!(n.contains(&(name.to_string(), ty)), "{name}: {n:?}");
    }
}

#[test]
fn french_councils_of_communes_clubs_and_local_lists_are_bodies() {
    let t = "La Communauté de communes du Val de Sorle et Vernel Communauté ont signé avec \
             Tovel Agglo. Le Stade marlois a battu Tovel SC au stade de la Prairie, et Marle \
             Basket a perdu face à l'Olympique de Vernel. Tovel Autrement et Marle Demain \
             ont déposé une liste, comme Ensemble Vernel.";
    let es = run(
        Lang::Fr,
        t,
        &[
            ("Communauté de communes du Val de Sorle", "LOC"),
            ("Vernel Communauté", "PER"),
            ("Tovel Agglo", "LOC"),
            ("Stade marlois", "LOC"),
            ("Tovel SC", "LOC"),
            ("stade de la Prairie", "LOC"),
            ("Marle Basket", "LOC"),
            ("Olympique de Vernel", "LOC"),
            ("Tovel Autrement", "PER"),
            ("Marle Demain", "LOC"),
            ("Ensemble Vernel", "ORG"),
        ],
    );
    assert_eq!(
        names(&es),
        [
            ("Communauté de communes du Val de Sorle".to_string(), O),
            ("Vernel Communauté".to_string(), O),
            ("Tovel Agglo".to_string(), O),
            ("Stade marlois".to_string(), O),
            ("Tovel SC".to_string(), O),
            ("stade de la Prairie".to_string(), L),
            ("Marle Basket".to_string(), O),
            ("Olympique de Vernel".to_string(), O),
            ("Tovel Autrement".to_string(), O),
            ("Marle Demain".to_string(), O),
            ("Ensemble Vernel".to_string(), O),
        ]
    );
    // A list's word opening its name heads nothing: the town named alone stays apart.
    let t = "Ensemble Sorle a déposé une liste. Sorle vote dimanche.";
    let es = run(Lang::Fr, t, &[("Ensemble Sorle", "ORG"), ("Sorle", "LOC")]);
    assert_eq!(
        names(&es),
        [("Ensemble Sorle".to_string(), O), ("Sorle".to_string(), L)]
    );
}

#[test]
fn a_body_named_on_its_own_head_is_not_the_complement_of_a_lower_case_head() {
    let t = "Les familles patientaient dans la salle d'attente des urgences du Centre hospitalier \
             universitaire de Tovel. La commission d'appel de la Fédération tovelienne de judo a \
             tranché, sur le campus de l'Université Ruvo. Le cortège est parti de la rue de \
             l'Hôpital vers le pavillon d'accueil de l'Université de Sarne.";
    let es = run(
        Lang::Fr,
        t,
        &[
            (
                "salle d'attente des urgences du Centre hospitalier universitaire de Tovel",
                "LOC",
            ),
            (
                "commission d'appel de la Fédération tovelienne de judo",
                "ORG",
            ),
            ("Université Ruvo", "ORG"),
            ("rue de l'Hôpital", "LOC"),
            ("pavillon d'accueil de l'Université de Sarne", "LOC"),
        ],
    );
    let n = names(&es);
    for (name, ty) in [
        ("Université de Sarne", O),
        ("Centre hospitalier universitaire de Tovel", O),
        ("Fédération tovelienne de judo", O),
        ("Université Ruvo", O),
        ("rue de l'Hôpital", L),
    ] {
        assert!(n.contains(&(name.to_string(), ty)), "{name}: {n:?}");
    }
}

#[test]
fn a_prison_is_a_place() {
    let t = "Ruvo was taken to Tovel Prison after sentencing, then to Sarne County Jail.";
    let es = run(
        Lang::En,
        t,
        &[("Tovel Prison", "PERSON"), ("Sarne County Jail", "ORG")],
    );
    let n = names(&es);
    for name in ["Tovel Prison", "Sarne County Jail"] {
        assert!(n.contains(&(name.to_string(), L)), "{name}: {n:?}");
    }
}

#[test]
fn french_locks_mountain_streams_and_valleys_are_named_with_their_head_and_housing_offices_are_bodies(
) {
    let t = "La péniche attend à l'écluse de Marle. Le gave de Tovel a débordé dans le val de \
             Sarne. Val de Marle Habitat et Tovel Habitat relogent les familles.";
    let es = run(
        Lang::Fr,
        t,
        &[
            ("Marle", "LOC"),
            ("Tovel", "LOC"),
            ("Sarne", "LOC"),
            ("Val de Marle Habitat", "LOC"),
            ("Tovel Habitat", "LOC"),
        ],
    );
    let n = names(&es);
    for (name, ty) in [
        ("écluse de Marle", L),
        ("gave de Tovel", L),
        ("val de Sarne", L),
        ("Val de Marle Habitat", O),
        ("Tovel Habitat", O),
    ] {
        assert!(n.contains(&(name.to_string(), ty)), "{name}: {n:?}");
    }
}

#[test]
fn a_short_name_in_capitals_heads_the_body_named_by_its_seat() {
    // The model found the seat alone, or the short name and the seat apart.
    let t = "Il a été transporté au CHU de Tovel dans la nuit. Le président de la FDSEA du \
             Sarnois, Paul Marle, a réagi.";
    let es = run(
        Lang::Fr,
        t,
        &[
            ("Tovel", "LOC"),
            ("FDSEA", "ORG"),
            ("Sarnois", "LOC"),
            ("Paul Marle", "PER"),
        ],
    );
    let n = names(&es);
    assert!(n.contains(&("CHU de Tovel".to_string(), O)), "{n:?}");
    assert!(n.contains(&("FDSEA du Sarnois".to_string(), O)), "{n:?}");
    // Its seat is one place, not the first of an enumeration of complements.
    let t = "À l'appel de la FDSEA de l'Orne et des Jeunes agriculteurs, ils ont manifesté.";
    let es = run(
        Lang::Fr,
        t,
        &[("FDSEA de l'Orne", "ORG"), ("Jeunes agriculteurs", "ORG")],
    );
    let n = names(&es);
    assert!(n.contains(&("FDSEA de l'Orne".to_string(), O)), "{n:?}");
    // Not a party's short name before a département (« le député RN du Var »).
    let t = "Le député RN du Sarnois, Paul Marle, a voté contre.";
    let es = run(
        Lang::Fr,
        t,
        &[("RN", "ORG"), ("Sarnois", "LOC"), ("Paul Marle", "PER")],
    );
    let n = names(&es);
    assert!(n.contains(&("Sarnois".to_string(), L)), "{n:?}");
}

#[test]
fn an_association_numbered_after_its_name_holds_the_number() {
    // As départements number a body's branches (« Tovel Solidarité 35 »); not a count.
    let t = "Selon Tovel Solidarité 35, une vingtaine de familles dorment dehors. L'association \
             Marle Accueil a reçu Tovel Solidarité 24 heures plus tard.";
    let es = run(
        Lang::Fr,
        t,
        &[
            ("Tovel Solidarité", "ORG"),
            ("Marle Accueil", "ORG"),
            ("Tovel Solidarité", "ORG"),
        ],
    );
    let n = names(&es);
    assert!(n.contains(&("Tovel Solidarité 35".to_string(), O)), "{n:?}");
    assert!(n.contains(&("Tovel Solidarité".to_string(), O)), "{n:?}");
}

#[test]
fn a_french_place_noun_opens_the_name_the_model_called_a_work_or_a_body() {
    // New place nouns (`head_loc|` in `fr/type_words.txt`) before a name the model placed.
    let t = "La passerelle des Tovelins et l'espace Ruvo-Marle seront rénovés, comme la \
             patinoire du Sarnois.";
    let es = run(
        Lang::Fr,
        t,
        &[
            ("Tovelins", "LOC"),
            ("Ruvo-Marle", "LOC"),
            ("Sarnois", "LOC"),
        ],
    );
    let n = names(&es);
    for want in [
        "passerelle des Tovelins",
        "espace Ruvo-Marle",
        "patinoire du Sarnois",
    ] {
        assert!(n.contains(&(want.to_string(), L)), "{want}: {n:?}");
    }
    // The model often calls misc the name after « quai de », « allée des », « massif des ».
    let t = "Les manifestants se sont rassemblés quai de Tovelay, puis allée des Marles.";
    let es = run(Lang::Fr, t, &[("Tovelay", "MISC"), ("Marles", "MISC")]);
    let n = names(&es);
    assert!(n.contains(&("quai de Tovelay".to_string(), L)), "{n:?}");
    assert!(n.contains(&("allée des Marles".to_string(), L)), "{n:?}");
    // Not a rank (« la cinquième place du championnat »), a feast or a body's premises.
    let t = "Le club pointe à la cinquième place du Tovel Trophée. Le marché de Noël ouvre. \
             La petite salle d'audience du Tribunal de commerce de Sarne était pleine.";
    let es = run(
        Lang::Fr,
        t,
        &[
            ("Tovel Trophée", "MISC"),
            ("Noël", "MISC"),
            ("Tribunal de commerce de Sarne", "MISC"),
        ],
    );
    let n = names(&es);
    assert!(
        !n.iter().any(|(x, _)| x.starts_with("place")
            || x.starts_with("marché")
            || x.starts_with("salle")),
        "{n:?}"
    );
    // One plain word the model called a body after a place noun and its preposition is the
    // place's name; a body's acronym is not (« le parking de la SNCF »).
    let t = "Le feu a pris rue des Tanneries, près de la piscine des Sarnelles et du dépôt \
             de la SNTV.";
    let es = run(
        Lang::Fr,
        t,
        &[("Tanneries", "ORG"), ("Sarnelles", "ORG"), ("SNTV", "ORG")],
    );
    let n = names(&es);
    assert!(n.contains(&("rue des Tanneries".to_string(), L)), "{n:?}");
    assert!(
        n.contains(&("piscine des Sarnelles".to_string(), L)),
        "{n:?}"
    );
    assert!(n.contains(&("SNTV".to_string(), O)), "{n:?}");
}

#[test]
fn a_communes_festival_hall_is_named_by_the_commune() {
    let t = "Le loto aura lieu à la salle des fêtes de Marlieux, puis le bal à la salle polyvalente d'Orvel. La remise des prix se tiendra à la salle Jean-Tovel.";
    let es = run(
        Lang::Fr,
        t,
        &[("Marlieux", "LOC"), ("Orvel", "LOC"), ("Jean-Tovel", "LOC")],
    );
    let n = names(&es);
    assert_eq!(
        n,
        [
            ("Marlieux".into(), L),
            ("Orvel".into(), L),
            ("salle Jean-Tovel".into(), L),
        ],
        "{n:?}"
    );
}

#[test]
fn a_works_noun_after_a_name_the_model_misread_closes_the_place() {
    let t = "Levels at the Tovel dam fell, workers at the Marle mine struck and the M9 motorway \
             was shut near the Tovelian city of Sarne.";
    let es = run(
        Lang::En,
        t,
        &[
            ("Tovel", "PERSON"),
            ("Marle", "PERSON"),
            ("M9", "PRODUCT"),
            ("Tovelian", "NORP"),
            ("Sarne", "GPE"),
        ],
    );
    let n = names(&es);
    for want in ["Tovel dam", "Marle mine", "M9 motorway", "Sarne"] {
        assert!(n.contains(&(want.to_string(), L)), "{want}: {n:?}");
    }
    // A common noun after a nationality is no works' head.
    assert!(!n.iter().any(|(x, _)| x.contains("city")), "{n:?}");
}
