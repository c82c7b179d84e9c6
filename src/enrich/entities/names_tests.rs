//! How names are completed from the words around them: lower-case heads before a name found
//! elsewhere, names cut at an elision, enumerated portfolios, numbered roads, places after a
//! locating preposition.

use super::tests::{names, run};
use crate::enrich::profile::Lang;
use crate::enrich::types::EntityType::{Location as L, Organization as O, Person as P};

#[test]
fn a_place_found_elsewhere_names_the_institution_whose_complement_it_is() {
    // The model found "Drôme" once, not in "la préfecture de la Drôme".
    let t = "La Drôme a été placée en vigilance. Le maire a alerté la préfecture de la Drôme.";
    let es = run(Lang::Fr, t, &[("Drôme", "LOC")]);
    let n = names(&es);
    assert!(n.contains(&("Drôme".to_string(), L)), "{n:?}");
    assert!(
        n.contains(&("préfecture de la Drôme".to_string(), O)),
        "{n:?}"
    );
    // Not inside a longer capitalised name.
    let t = "À Vallon, la Société coopérative des planteurs de Vallon a voté.";
    let es = run(Lang::Fr, t, &[("Vallon", "LOC")]);
    let n = names(&es);
    assert!(
        !n.iter().any(|(x, _)| x.starts_with("coopérative")),
        "{n:?}"
    );
}

#[test]
fn an_elided_article_glued_to_a_facility_noun_still_heads_the_name() {
    let t = "Les sinistrés ont dormi à l’aréna Marcel-Dutil, près de la gare.";
    let es = run(Lang::Fr, t, &[("Marcel-Dutil", "PER")]);
    assert_eq!(names(&es), [("aréna Marcel-Dutil".to_string(), L)]);
}

#[test]
fn a_name_cut_at_an_elision_after_a_lower_case_head_is_one_name() {
    let t = "Le conseil régional de l'Ordre des notaires s'est réuni lundi.";
    let es = run(
        Lang::Fr,
        t,
        &[
            ("conseil régional de l'", "LOC"),
            ("Ordre des notaires", "ORG"),
        ],
    );
    assert_eq!(
        names(&es),
        [("conseil régional de l'Ordre des notaires".to_string(), O)]
    );
}

#[test]
fn an_institution_s_enumerated_portfolios_are_part_of_its_name() {
    let t = "Le Service de la faune, de la flore et des forêts a publié un avis.";
    let es = run(Lang::Fr, t, &[("Service de la faune", "ORG")]);
    assert_eq!(
        names(&es),
        [(
            "Service de la faune, de la flore et des forêts".to_string(),
            O
        )]
    );
    // Commas of the sentence, no closing coordinator: the name ends on its noun.
    let t = "Le Service de la chasse, de son côté, n'a pas répondu.";
    let es = run(Lang::Fr, t, &[("Service de la chasse", "ORG")]);
    assert_eq!(names(&es), [("Service de la chasse".to_string(), O)]);
    // Items of another case are the sentence's.
    let t = "Les supporters de l'Olympique de Lyon et de plusieurs clubs ont défilé.";
    let es = run(Lang::Fr, t, &[("Olympique de Lyon", "ORG")]);
    assert_eq!(names(&es), [("Olympique de Lyon".to_string(), O)]);
    // Nor is the first word of another name an item.
    let t = "Le Comité de Vernay et de la Région Haute-Sorne a voté.";
    let es = run(
        Lang::Fr,
        t,
        &[("Comité de Vernay", "ORG"), ("Région Haute-Sorne", "ORG")],
    );
    let n = names(&es);
    assert!(n.contains(&("Région Haute-Sorne".to_string(), O)), "{n:?}");
}

#[test]
fn portfolios_with_adjectives_a_pair_of_plurals_and_listed_objects_are_part_of_the_name() {
    // Adjectives of capitalised portfolios, and a closing pair of plural nouns.
    let t = "Selon le ministère de l’Industrie, de la Pêche côtière, du Commerce extérieur et \
             des Ponts et Chaussées, la production a baissé.";
    let es = run(Lang::Fr, t, &[("ministère de l’Industrie", "ORG")]);
    let full = "ministère de l’Industrie, de la Pêche côtière, du Commerce extérieur et des \
                Ponts et Chaussées";
    assert_eq!(names(&es), [(full.to_string(), O)]);
    // The name itself may end on an adjective; the last portfolio ends before the verb.
    let t =
        "Le ministère de l'Instruction publique, du Préscolaire et des Loisirs annonce un plan.";
    let es = run(
        Lang::Fr,
        t,
        &[("ministère de l'Instruction publique", "ORG")],
    );
    let full = "ministère de l'Instruction publique, du Préscolaire et des Loisirs";
    assert_eq!(names(&es), [(full.to_string(), O)]);
    // A name ending on "contre" and its object lists more objects by their article.
    let t = "Le Fonds européen de lutte contre la faim, la sécheresse et le chômage a versé 3 \
             millions.";
    let es = run(
        Lang::Fr,
        t,
        &[("Fonds européen de lutte contre la faim", "ORG")],
    );
    let full = "Fonds européen de lutte contre la faim, la sécheresse et le chômage";
    assert_eq!(names(&es), [(full.to_string(), O)]);
    // Without a closing coordinator, the commas are the sentence's.
    let t = "Le ministère de l'Instruction publique, selon ses services, a répondu.";
    let es = run(
        Lang::Fr,
        t,
        &[("ministère de l'Instruction publique", "ORG")],
    );
    assert_eq!(
        names(&es),
        [("ministère de l'Instruction publique".to_string(), O)]
    );
}

#[test]
fn a_road_s_number_is_part_of_its_name() {
    let t = "Crews closed 52nd Street and 9th Avenue, then Highway 12 near the bridge.";
    let es = run(
        Lang::En,
        t,
        &[("Street", "FAC"), ("Avenue", "FAC"), ("Highway", "ORG")],
    );
    let n = names(&es);
    for x in ["52nd Street", "9th Avenue", "Highway 12"] {
        assert!(n.contains(&(x.to_string(), L)), "{x}: {n:?}");
    }
    // The number the model read as the start of a date.
    let t = "She drives along State Highway 6 each week.";
    let es = run(
        Lang::En,
        t,
        &[("State Highway", "FAC"), ("6 each week", "DATE")],
    );
    assert_eq!(names(&es), [("State Highway 6".to_string(), L)]);
}

#[test]
fn a_lone_word_after_a_locating_preposition_is_a_place_not_a_person() {
    let t = "Gareth Price, who keeps sheep in Tregaron, said the quarry near Oakhurst had closed.";
    let es = run(
        Lang::En,
        t,
        &[
            ("Gareth Price", "PERSON"),
            ("Tregaron", "PERSON"),
            ("Oakhurst", "PERSON"),
        ],
    );
    let n = names(&es);
    assert!(n.contains(&("Tregaron".to_string(), L)), "{n:?}");
    assert!(n.contains(&("Oakhurst".to_string(), L)), "{n:?}");
    assert!(n.contains(&("Gareth Price".to_string(), P)), "{n:?}");
    // A name of two words too, unless a known first name opens it.
    let t = "She rents a flat in Kessel Rise. Voters kept faith in Ana Vale.";
    let es = run(
        Lang::En,
        t,
        &[("Kessel Rise", "PERSON"), ("Ana Vale", "PERSON")],
    );
    let n = names(&es);
    assert!(n.contains(&("Kessel Rise".to_string(), L)), "{n:?}");
    assert!(n.contains(&("Ana Vale".to_string(), P)), "{n:?}");
    // Not before a possessive.
    let t = "In Hollis's view, the vote was lost.";
    let es = run(Lang::En, t, &[("Hollis", "PERSON")]);
    assert_eq!(names(&es), [("Hollis".to_string(), P)]);
}

#[test]
fn french_gorges_depots_and_wadis_are_places_named_with_their_heads() {
    let t = "Les secours ont fouillé les gorges du Verdon, puis le dépôt de Vitry. L'oued Souss déborde.";
    let es = run(
        Lang::Fr,
        t,
        &[("Verdon", "LOC"), ("Vitry", "LOC"), ("Souss", "PER")],
    );
    let n = names(&es);
    for x in ["gorges du Verdon", "dépôt de Vitry", "oued Souss"] {
        assert!(n.contains(&(x.to_string(), L)), "{x}: {n:?}");
    }
}

#[test]
fn named_houses_and_buildings_are_places() {
    let t = "Protesters marched from Merrion House to the Civic Buildings on Friday.";
    let es = run(
        Lang::En,
        t,
        &[("Merrion House", "ORG"), ("Civic Buildings", "ORG")],
    );
    let n = names(&es);
    assert!(n.contains(&("Merrion House".to_string(), L)), "{n:?}");
    assert!(n.contains(&("Civic Buildings".to_string(), L)), "{n:?}");
}

#[test]
fn a_body_s_kind_after_its_name_or_in_apposition_types_it() {
    let t = "The Forge union called a strike. The home's operator, Arden Care, said it had acted.";
    let es = run(Lang::En, t, &[("Forge", "GPE"), ("Arden Care", "PERSON")]);
    let n = names(&es);
    assert!(n.contains(&("Forge".to_string(), O)), "{n:?}");
    assert!(n.contains(&("Arden Care".to_string(), O)), "{n:?}");
    // The person heading the body named in apposition is no body.
    let t = "They quoted the head of the rescue agency, Rahmat Surya Adinata, on the search.";
    let es = run(Lang::En, t, &[("Rahmat Surya Adinata", "PERSON")]);
    assert_eq!(names(&es), [("Rahmat Surya Adinata".to_string(), P)]);
}

#[test]
fn french_public_works_firms_and_hospices_are_organisations() {
    let t = "Le chantier a été confié à Rouvière TP. Les Hospices civils de Valence ont réagi.";
    let es = run(
        Lang::Fr,
        t,
        &[
            ("Rouvière TP", "PER"),
            ("Hospices civils de Valence", "LOC"),
        ],
    );
    let n = names(&es);
    assert!(n.contains(&("Rouvière TP".to_string(), O)), "{n:?}");
    assert!(
        n.contains(&("Hospices civils de Valence".to_string(), O)),
        "{n:?}"
    );
}

#[test]
fn a_span_over_a_comma_is_several_names_unless_a_coordinator_closes_a_list() {
    let t = "Families from Tallow Creek, Birch Hollow and Elk Bend left on Harcourt Street, Aoife Byrne said.";
    let es = run(
        Lang::En,
        t,
        &[
            ("Tallow Creek, Birch Hollow", "GPE"),
            ("Elk Bend", "GPE"),
            ("Harcourt Street, Aoife Byrne", "FAC"),
        ],
    );
    let n = names(&es);
    for x in [
        "Tallow Creek",
        "Birch Hollow",
        "Elk Bend",
        "Harcourt Street",
    ] {
        assert!(n.iter().any(|(y, _)| y == x), "{x}: {n:?}");
    }
    assert!(n.iter().any(|(y, _)| y == "Aoife Byrne"), "{n:?}");
    let t = "The Department of Trade, Industry and Energy agreed.";
    let es = run(
        Lang::En,
        t,
        &[("Department of Trade, Industry and Energy", "ORG")],
    );
    assert_eq!(
        names(&es),
        [("Department of Trade, Industry and Energy".to_string(), O)]
    );
}

#[test]
fn a_large_city_the_model_once_called_a_place_is_that_place_throughout() {
    use super::tests::{cities, run_kb};
    let t = "Dock workers at Corvale struck on Monday. The Corvale office of the ministry sent \
             mediators, and Corvale officials met the union.";
    let spans = [("Corvale", "GPE"), ("Corvale", "ORG"), ("Corvale", "ORG")];
    let es = run_kb(Lang::En, t, &spans, &cities(&["Corvale"], 400_000));
    assert_eq!(names(&es), [("Corvale".to_string(), L)]);
    // A small town keeps the model's vote.
    let es = run_kb(Lang::En, t, &spans, &cities(&["Corvale"], 20_000));
    assert_eq!(names(&es), [("Corvale".to_string(), O)]);
}

#[test]
fn a_place_written_before_a_body_s_name_is_part_of_it() {
    let t = "The case went to the U.S. Tax Court, then to Ashford Borough Council.";
    let es = run(
        Lang::En,
        t,
        &[
            ("U.S.", "GPE"),
            ("Tax Court", "ORG"),
            ("Ashford", "GPE"),
            ("Borough Council", "ORG"),
        ],
    );
    let n = names(&es);
    assert!(n.contains(&("U.S. Tax Court".to_string(), O)), "{n:?}");
    assert!(
        n.contains(&("Ashford Borough Council".to_string(), O)),
        "{n:?}"
    );
}

#[test]
fn an_acronym_spelling_a_hyphenated_place_and_an_elided_order_complete_the_name() {
    let t = "L’Agence de développement du Moyen-Atlas (ADMA) a ouvert un bureau. Selon le \
             président du conseil régional de l’Ordre des architectes, tout est prêt.";
    let es = run(
        Lang::Fr,
        t,
        &[
            ("Agence de développement", "ORG"),
            ("Moyen-Atlas", "MISC"),
            ("conseil régional de l’Ordre", "LOC"),
        ],
    );
    let n = names(&es);
    assert!(
        n.contains(&("Agence de développement du Moyen-Atlas".to_string(), O)),
        "{n:?}"
    );
    assert!(
        n.contains(&("conseil régional de l’Ordre des architectes".to_string(), O)),
        "{n:?}"
    );
}

#[test]
fn a_medium_spoken_to_or_asking_is_an_organisation() {
    let t = "« Rien n'est réglé », a-t-il déclaré à La Gazette de Vernes. Joint par Le Courrier, \
             le maire a refusé. « Non », a-t-elle confié à Marie Lestrade.";
    let es = run(
        Lang::Fr,
        t,
        &[
            ("La Gazette de Vernes", "LOC"),
            ("Le Courrier", "LOC"),
            ("Marie Lestrade", "PER"),
        ],
    );
    let n = names(&es);
    assert!(
        n.contains(&("Gazette de Vernes".to_string(), O))
            || n.contains(&("La Gazette de Vernes".to_string(), O)),
        "{n:?}"
    );
    assert!(
        n.iter().any(|(x, t)| x.ends_with("Courrier") && *t == O),
        "{n:?}"
    );
    assert!(n.contains(&("Marie Lestrade".to_string(), P)), "{n:?}");
}

#[test]
fn a_town_placed_by_a_region_s_abbreviation_is_a_place_even_unknown_to_the_kb() {
    use super::tests::{run_kb, towns};
    let t = "More than 900 residents of Tallbrook, Alta., lost power, Ann Moss, \
             Calif., said.";
    let es = run_kb(
        Lang::En,
        t,
        &[("Tallbrook", "ORG"), ("Ann Moss", "PERSON")],
        &towns(&["Tarrow"]),
    );
    let n = names(&es);
    assert!(n.contains(&("Tallbrook".to_string(), L)), "{n:?}");
    assert!(n.contains(&("Ann Moss".to_string(), P)), "{n:?}");
}

#[test]
fn a_town_of_the_kb_is_not_the_facility_named_after_it() {
    use super::tests::{cities, run_kb};
    let t = "Pilots will strike in Corvale on Monday. Flights at Corvale Airport were cancelled.";
    let spans = [("Corvale", "GPE"), ("Corvale Airport", "FAC")];
    let es = run_kb(Lang::En, t, &spans, &cities(&["Corvale"], 400_000));
    assert_eq!(
        names(&es),
        [
            ("Corvale".to_string(), L),
            ("Corvale Airport".to_string(), L)
        ]
    );
    // So is a village of the KB written without an article ("in Corvale").
    let es = run_kb(Lang::En, t, &spans, &cities(&["Corvale"], 2_000));
    assert_eq!(es.len(), 2, "{:?}", names(&es));
    // A name the KB does not know may be the short form of its airport.
    let es = run(Lang::En, t, &spans);
    assert_eq!(names(&es), [("Corvale Airport".to_string(), L)]);
}

#[test]
fn a_speech_verb_cuts_a_span_the_model_ran_over_it() {
    let t = "\"We were never asked,\" Okafor told Radio Nova on Tuesday.";
    let es = run(Lang::En, t, &[("Okafor told Radio Nova", "WORK_OF_ART")]);
    let n = names(&es);
    assert!(n.iter().any(|(x, _)| x == "Radio Nova"), "{n:?}");
    assert!(!n.iter().any(|(x, _)| x.contains("told")), "{n:?}");
}

#[test]
fn a_council_title_before_a_name_is_no_part_of_it() {
    let t = "The plan was approved, and Councillor Maeve Doyle said she would appeal.";
    let es = run(Lang::En, t, &[("Councillor Maeve Doyle", "PERSON")]);
    assert_eq!(names(&es), [("Maeve Doyle".to_string(), P)]);
}

#[test]
fn an_expressway_is_a_place() {
    let t = "Traffic on the Kano-Zaria Expressway was diverted on Friday.";
    let es = run(Lang::En, t, &[("the Kano-Zaria Expressway", "ORG")]);
    assert_eq!(names(&es), [("Kano-Zaria Expressway".to_string(), L)]);
}

#[test]
fn a_head_of_two_words_names_the_institution_and_nothing_nests_around_it() {
    let t = "Selon l’agence, la maternité du centre hospitalier de Valmont fermera en juin.";
    let es = run(Lang::Fr, t, &[("Valmont", "LOC")]);
    assert_eq!(
        names(&es),
        [("centre hospitalier de Valmont".to_string(), O)]
    );
    let t = "Les pompiers sont intervenus dans la zone industrielle de la Varenne.";
    let es = run(Lang::Fr, t, &[("Varenne", "LOC")]);
    assert_eq!(
        names(&es),
        [("zone industrielle de la Varenne".to_string(), L)]
    );
}

#[test]
fn short_forms_labelled_misc_do_not_outvote_the_full_name_s_label() {
    let t = "Le club passera devant la Commission nationale de contrôle des comptes (CNCC) \
             lundi. La CNCC examinera le budget, et la CNCC pourrait sanctionner le club si la \
             CNCC le juge utile.";
    let es = run(
        Lang::Fr,
        t,
        &[
            ("Commission nationale de contrôle des comptes", "ORG"),
            ("CNCC", "MISC"),
            ("CNCC", "MISC"),
            ("CNCC", "MISC"),
            ("CNCC", "MISC"),
        ],
    );
    assert_eq!(
        names(&es),
        [(
            "Commission nationale de contrôle des comptes".to_string(),
            O
        )]
    );
}

#[test]
fn a_municipality_is_a_body_even_when_its_place_was_called_a_person() {
    let t =
        "Water was cut in the Lekwa Local Municipality on Monday. Lekwa said repairs would take \
             a week, and Lekwa officials blamed theft.";
    let es = run(
        Lang::En,
        t,
        &[
            ("Lekwa Local Municipality", "FAC"),
            ("Lekwa", "PERSON"),
            ("Lekwa", "PERSON"),
        ],
    );
    assert_eq!(names(&es), [("Lekwa Local Municipality".to_string(), O)]);
}

#[test]
fn a_lower_case_head_after_its_definite_article_is_not_another_s_complement() {
    let t = "Les parents attendent dans la salle d'attente des urgences de l'hôpital \
             Sainte-Anne. La 3e chambre du tribunal judiciaire de Lyon jugera l'affaire, et le \
             groupement de gendarmerie de l'Ain a enquêté.";
    let es = run(
        Lang::Fr,
        t,
        &[
            ("hôpital Sainte-Anne", "LOC"),
            ("Lyon", "LOC"),
            ("gendarmerie de l'Ain", "ORG"),
        ],
    );
    assert_eq!(
        names(&es),
        [
            ("hôpital Sainte-Anne".to_string(), O),
            ("tribunal judiciaire de Lyon".to_string(), O),
            ("groupement de gendarmerie de l'Ain".to_string(), O),
        ]
    );
}

#[test]
fn an_institution_s_head_before_a_hyphenated_dedication_opens_its_name() {
    let t = "L'enfant a été transféré à l'hôpital Louis-Pasteur, puis ses camarades du lycée \
             Jules-Ferry lui ont rendu visite.";
    let es = run(
        Lang::Fr,
        t,
        &[("Louis-Pasteur", "PER"), ("Jules-Ferry", "PER")],
    );
    assert_eq!(
        names(&es),
        [
            ("hôpital Louis-Pasteur".to_string(), O),
            ("lycée Jules-Ferry".to_string(), O),
        ]
    );
}

#[test]
fn a_peer_s_title_stays_in_the_name_and_madam_is_a_title_of_address() {
    let t = "Giving judgment, Lord Kinellan said the appeal failed. Mdm Siti Aminah, 71, who \
             sells kuih at the market, said trade was slow. Madam Siti said she would stay.";
    let es = run(
        Lang::En,
        t,
        &[
            ("Kinellan", "ORG"),
            ("Mdm Siti Aminah", "ORG"),
            ("Madam Siti", "ORG"),
        ],
    );
    assert_eq!(
        names(&es),
        [
            ("Lord Kinellan".to_string(), P),
            ("Siti Aminah".to_string(), P),
        ]
    );
}

#[test]
fn a_company_closed_by_its_trade_or_a_nation_s_forces_is_a_body() {
    let t = "Talks with Marlow Renewables and Dunmore Mining stalled, and the Kenya Army was \
             called in.";
    let es = run(
        Lang::En,
        t,
        &[
            ("Marlow Renewables", "PERSON"),
            ("Dunmore Mining", "PERSON"),
            ("Kenya Army", "PERSON"),
        ],
    );
    assert_eq!(
        names(&es),
        [
            ("Marlow Renewables".to_string(), O),
            ("Dunmore Mining".to_string(), O),
            ("Kenya Army".to_string(), O),
        ]
    );
}

#[test]
fn a_motorway_before_its_number_is_one_place() {
    let t = "La circulation a été coupée sur l'autoroute A7 après l'accident.";
    let es = run(Lang::Fr, t, &[("A7", "LOC")]);
    assert_eq!(names(&es), [("autoroute A7".to_string(), L)]);
}

#[test]
fn a_rail_line_a_reservoir_or_a_wind_farm_is_a_place() {
    let t = "Trains on the Harbourside Line were halted, Kelda Reservoir is full, and the Carn \
             Dubh Wind Farm was switched off.";
    let es = run(
        Lang::En,
        t,
        &[
            ("Harbourside Line", "ORG"),
            ("Kelda Reservoir", "PERSON"),
            ("Carn Dubh Wind Farm", "ORG"),
        ],
    );
    assert_eq!(
        names(&es),
        [
            ("Harbourside Line".to_string(), L),
            ("Kelda Reservoir".to_string(), L),
            ("Carn Dubh Wind Farm".to_string(), L),
        ]
    );
}

#[test]
fn a_dedication_alone_is_the_institution_it_names_and_hospitals_are_bodies() {
    let t = "Le blessé a été admis à l'hôpital Louis-Pasteur. À Louis-Pasteur, les soignants \
             sont épuisés, et les Hôpitaux civils de Colmar recrutent.";
    let es = run(
        Lang::Fr,
        t,
        &[
            ("hôpital Louis-Pasteur", "LOC"),
            ("Louis-Pasteur", "PER"),
            ("Hôpitaux civils de Colmar", "LOC"),
        ],
    );
    assert_eq!(
        names(&es),
        [
            ("hôpital Louis-Pasteur".to_string(), O),
            ("Hôpitaux civils de Colmar".to_string(), O),
        ]
    );
}

#[test]
fn a_territory_word_alone_is_the_authority_it_heads() {
    let t = "La Région Bourgogne a voté le budget. La Région financera aussi les lycées.";
    let es = run(
        Lang::Fr,
        t,
        &[("Région Bourgogne", "ORG"), ("Région", "LOC")],
    );
    assert_eq!(names(&es), [("Région Bourgogne".to_string(), O)]);
}

#[test]
fn a_place_name_cut_after_its_abbreviated_opener_goes_on() {
    let t = "Ferries leave Fort St. Albans daily for Sault Ste. Agathe, where crews wait.";
    let es = run(
        Lang::En,
        t,
        &[
            ("Fort St.", "GPE"),
            ("Sault Ste", "GPE"),
            ("Agathe", "PERSON"),
        ],
    );
    assert_eq!(
        names(&es),
        [
            ("Fort St. Albans".to_string(), L),
            ("Sault Ste. Agathe".to_string(), L),
        ]
    );
    // A street's abbreviation after a house number ends the name.
    let t = "The shop at 40 Elm St. Police were called.";
    let es = run(Lang::En, t, &[("Elm St.", "FAC")]);
    assert_eq!(names(&es), [("Elm St.".to_string(), L)]);
}

#[test]
fn streams_ponds_terminals_and_two_word_heads_open_their_names() {
    let t = "Le feu a franchi le ruisseau de la Forge et l’étang de Vaux. Les camions attendent \
             au terminal Bellerive. Le blessé est au centre hospitalier Marcel-Aubry.";
    let es = run(
        Lang::Fr,
        t,
        &[
            ("Forge", "LOC"),
            ("Vaux", "LOC"),
            ("Bellerive", "PER"),
            ("Marcel-Aubry", "PER"),
        ],
    );
    assert_eq!(
        names(&es),
        [
            ("ruisseau de la Forge".to_string(), L),
            ("étang de Vaux".to_string(), L),
            ("terminal Bellerive".to_string(), L),
            ("centre hospitalier Marcel-Aubry".to_string(), O),
        ]
    );
}

#[test]
fn a_saints_abbreviated_title_and_a_demonym_open_a_places_name() {
    let t = "Police in St Brenda East said a van was found near Portuguese Town on Monday.";
    let es = run(Lang::En, t, &[("Brenda East", "PERSON"), ("Town", "GPE")]);
    assert_eq!(
        names(&es),
        [
            ("St Brenda East".to_string(), L),
            ("Portuguese Town".to_string(), L),
        ]
    );
}

#[test]
fn a_bodys_short_name_before_a_department_number_is_its_branch() {
    let t = "Les pompiers du Sdis 41 ont reçu le renfort du SDIS 07 et du SIS 2B. \
             L’ONU 24 heures plus tard.";
    let es = run(
        Lang::Fr,
        t,
        &[
            ("Sdis 41", "LOC"),
            ("SDIS", "MISC"),
            ("SIS", "LOC"),
            ("ONU", "ORG"),
        ],
    );
    assert_eq!(
        names(&es),
        [
            ("Sdis 41".to_string(), O),
            ("SDIS 07".to_string(), O),
            ("SIS 2B".to_string(), O),
            ("ONU".to_string(), O),
        ]
    );
}

#[test]
fn hyphenated_names_with_a_place_particle_or_prefix_are_places() {
    let t = "Les élus de Vaux-lès-Palameix et de Grand-Rivière ont reçu Jean-Pierre Martin.";
    let es = run(
        Lang::Fr,
        t,
        &[
            ("Vaux-lès-Palameix", "PER"),
            ("Grand-Rivière", "PER"),
            ("Jean-Pierre Martin", "PER"),
        ],
    );
    assert_eq!(
        names(&es),
        [
            ("Vaux-lès-Palameix".to_string(), L),
            ("Grand-Rivière".to_string(), L),
            ("Jean-Pierre Martin".to_string(), P),
        ]
    );
}

#[test]
fn a_place_named_after_a_saint_keeps_its_possessive() {
    let t = "Deputies of St Aldric's voted on Monday, and St Brannoc's followed. The vicar of St \
             Aldric's church spoke.";
    let es = run(
        Lang::En,
        t,
        &[("St Aldric", "PERSON"), ("St Brannoc", "PERSON")],
    );
    let n = names(&es);
    assert!(n.contains(&("St Aldric's".to_string(), L)), "{n:?}");
    assert!(n.contains(&("St Brannoc's".to_string(), L)), "{n:?}");
    // Before capitalised words closed by a body's head word, one name: the body.
    let t = "Beds at St Aldric's General Hospital in Tovel and at St Brannoc’s Hospital are shut.";
    let es = run(
        Lang::En,
        t,
        &[
            ("St Aldric", "ORG"),
            ("General Hospital", "ORG"),
            ("St Brannoc", "PERSON"),
        ],
    );
    let n = names(&es);
    for name in ["St Aldric's General Hospital", "St Brannoc’s Hospital"] {
        assert!(n.contains(&(name.to_string(), O)), "{name}: {n:?}");
    }
}
