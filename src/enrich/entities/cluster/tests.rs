//! Tests of the cluster links.
use super::super::tests::{cities, names, run, run_kb, towns};
use crate::enrich::profile::Lang;
use crate::enrich::types::EntityType::{Location as L, Organization as O, Person as P};

#[test]
fn a_lone_surname_tagged_a_place_is_the_person() {
    let t = "Ada Lindqvist a quitté le parti. Selon Lindqvist, la ligne a changé.";
    let es = run(
        Lang::Fr,
        t,
        &[("Ada Lindqvist", "PER"), ("Lindqvist", "LOC")],
    );
    assert_eq!(names(&es), [("Ada Lindqvist".to_string(), P)]);
    assert_eq!(es[0].mentions.len(), 2);
    let t = "Tom Brackley resigned. A letter to Brackley last month asked why.";
    let es = run(
        Lang::En,
        t,
        &[("Tom Brackley", "PERSON"), ("Brackley", "GPE")],
    );
    assert_eq!(names(&es), [("Tom Brackley".to_string(), P)]);
    // A town of the KB is no bar unless a major one.
    let t = "Ada Marlow won. « J'ai bien joué », a réagi Marlow.";
    let es = run_kb(
        Lang::Fr,
        t,
        &[("Ada Marlow", "PER"), ("Marlow", "LOC")],
        &towns(&["Marlow"]),
    );
    assert_eq!(names(&es), [("Ada Marlow".to_string(), P)]);
    // A well-known place stays a place.
    let t = "Jack London wrote it. Then he moved to London.";
    let es = run(Lang::En, t, &[("Jack London", "PERSON"), ("London", "GPE")]);
    assert_eq!(
        names(&es),
        [("Jack London".to_string(), P), ("London".to_string(), L)]
    );
}

#[test]
fn an_organisation_without_its_closing_type_words_is_the_organisation() {
    let t = "Workers at Kestrel Airlines walked out. Kestrel said flights would run.";
    let es = run(
        Lang::En,
        t,
        &[("Kestrel Airlines", "ORG"), ("Kestrel", "PERSON")],
    );
    assert_eq!(names(&es), [("Kestrel Airlines".to_string(), O)]);
    // A well-known place stays the place.
    let t = "She studied at Oxford University. Oxford is an hour from London.";
    let es = run(
        Lang::En,
        t,
        &[
            ("Oxford University", "ORG"),
            ("Oxford", "GPE"),
            ("London", "GPE"),
        ],
    );
    assert_eq!(names(&es).len(), 3, "{:?}", names(&es));
}

#[test]
fn a_club_and_its_town_alone_are_one_name() {
    let t = "He coached FC Varnholm for two seasons. Varnholm then sacked him.";
    let es = run(
        Lang::En,
        t,
        &[("FC Varnholm", "ORG"), ("Varnholm", "PERSON")],
    );
    assert_eq!(names(&es), [("FC Varnholm".to_string(), O)]);
    let t = "Il a entraîné l'AS Varnholm. Varnholm l'a ensuite limogé.";
    let es = run(Lang::Fr, t, &[("AS Varnholm", "ORG"), ("Varnholm", "LOC")]);
    assert_eq!(names(&es), [("AS Varnholm".to_string(), O)]);
}

#[test]
fn an_abbreviated_name_joins_its_full_name() {
    let t = "A school in Worcester, Mass., reopened. Massachusetts lawmakers praised it.";
    let es = run(
        Lang::En,
        t,
        &[
            ("Worcester", "GPE"),
            ("Mass.", "GPE"),
            ("Massachusetts", "GPE"),
        ],
    );
    assert_eq!(
        names(&es),
        [
            ("Worcester".to_string(), L),
            ("Massachusetts".to_string(), L)
        ]
    );
    assert_eq!(es[1].mentions.len(), 2, "{:?}", es[1].mentions);
    let t = "Le Nouveau-Brunswick vote lundi. À Moncton (N.-B.), les bureaux ouvrent tôt.";
    let es = run(
        Lang::Fr,
        t,
        &[
            ("Nouveau-Brunswick", "LOC"),
            ("Moncton", "LOC"),
            ("N.-B.", "LOC"),
        ],
    );
    assert_eq!(
        names(&es),
        [
            ("Nouveau-Brunswick".to_string(), L),
            ("Moncton".to_string(), L)
        ]
    );
    // Without its full name, an abbreviation stays as written.
    let es = run(
        Lang::En,
        "She grew up in Erie, Pa.",
        &[("Erie", "GPE"), ("Pa.", "GPE")],
    );
    assert_eq!(es.len(), 2, "{:?}", names(&es));
}

#[test]
fn a_two_letter_acronym_joins_the_two_words_it_spells() {
    let t = "Turbines come from Norvane Kinetics. An NK spokesman declined to comment.";
    let es = run(Lang::En, t, &[("Norvane Kinetics", "ORG"), ("NK", "ORG")]);
    assert_eq!(names(&es), [("Norvane Kinetics".to_string(), O)]);
    let t = "Le Parti vertical a perdu. Le PV a reconnu sa défaite.";
    let es = run(Lang::Fr, t, &[("Parti vertical", "ORG"), ("PV", "ORG")]);
    assert_eq!(names(&es), [("Parti vertical".to_string(), O)]);
    // Letters that do not spell the whole name stay apart.
    let t = "Norvane Kinetics Workers Union met. NK said so.";
    let es = run(
        Lang::En,
        t,
        &[("Norvane Kinetics Workers Union", "ORG"), ("NK", "ORG")],
    );
    assert_eq!(es.len(), 2, "{:?}", names(&es));
}

#[test]
fn a_web_domain_and_its_name_are_one_name() {
    let t = "Prices rose, said Quillbox.com. Quillbox sells books.";
    let es = run(Lang::En, t, &[("Quillbox.com", "ORG"), ("Quillbox", "ORG")]);
    assert_eq!(es.len(), 1, "{:?}", names(&es));
    let t = "Selon Lirefort.fr, les ventes baissent. Lirefort emploie dix personnes.";
    let es = run(Lang::Fr, t, &[("Lirefort.fr", "ORG"), ("Lirefort", "ORG")]);
    assert_eq!(es.len(), 1, "{:?}", names(&es));
}

#[test]
fn a_name_opening_a_longer_facility_name_joins_it() {
    let t = "Strike at Varne Ostby. Workers left Varne Ostby International Airport at noon.";
    let es = run(
        Lang::En,
        t,
        &[
            ("Varne Ostby", "ORG"),
            ("Varne Ostby International Airport", "FAC"),
        ],
    );
    assert_eq!(es.len(), 1, "{:?}", names(&es));
    // A well-known place opening an organisation's name is the place.
    let t = "New York voted. The New York Police Department said so.";
    let es = run(
        Lang::En,
        t,
        &[("New York", "GPE"), ("New York Police Department", "ORG")],
    );
    assert_eq!(es.len(), 2, "{:?}", names(&es));
}

#[test]
fn a_first_word_and_head_noun_name_the_longer_organisation() {
    let t = "Aides testified before the Senate Select Committee on Rivers. The Senate Committee adjourned.";
    let es = run(
        Lang::En,
        t,
        &[
            ("Senate Select Committee on Rivers", "ORG"),
            ("Senate Committee", "ORG"),
        ],
    );
    assert_eq!(es.len(), 1, "{:?}", names(&es));
    // Two committees of the Senate: which one is not said.
    let t = "The Senate Select Committee on Rivers met the Senate Budget Committee. The Senate Committee adjourned.";
    let es = run(
        Lang::En,
        t,
        &[
            ("Senate Select Committee on Rivers", "ORG"),
            ("Senate Budget Committee", "ORG"),
            ("Senate Committee", "ORG"),
        ],
    );
    assert_eq!(es.len(), 3, "{:?}", names(&es));
}

#[test]
fn a_final_initial_with_or_without_its_full_stop_is_one_name() {
    let t = "Le prévenu, Karim T., a nié. Le tribunal a condamné Karim T mardi.";
    let es = run(Lang::Fr, t, &[("Karim T.", "PER"), ("Karim T", "PER")]);
    assert_eq!(es.len(), 1, "{:?}", names(&es));
    assert_eq!(es[0].mentions.len(), 2, "{:?}", es[0].mentions);
    let t = "The suspect, Tom R., denied it. The court heard Tom R on Monday.";
    let es = run(Lang::En, t, &[("Tom R.", "PERSON"), ("Tom R", "PERSON")]);
    assert_eq!(es.len(), 1, "{:?}", names(&es));
}

#[test]
fn a_name_without_the_type_word_opening_it_is_that_name() {
    let t = "Team Solvane won the stage. Solvane said the crash was avoidable.";
    let es = run(
        Lang::En,
        t,
        &[("Team Solvane", "PERSON"), ("Solvane", "PERSON")],
    );
    assert_eq!(es.len(), 1, "{:?}", names(&es));
}

#[test]
fn the_place_a_complement_names_is_not_a_short_form() {
    let t = "The Bank of North Vale cut rates. Shops in North Vale stayed shut.";
    let es = run(
        Lang::En,
        t,
        &[("Bank of North Vale", "ORG"), ("North Vale", "GPE")],
    );
    assert_eq!(es.len(), 2, "{:?}", names(&es));
}

#[test]
fn a_name_inside_a_longer_place_name_joins_it() {
    let t = "Flights left Riverton Harmon International Airport late. Harmon reopened at noon.";
    let es = run(
        Lang::En,
        t,
        &[
            ("Riverton Harmon International Airport", "FAC"),
            ("Harmon", "ORG"),
        ],
    );
    assert_eq!(es.len(), 1, "{:?}", names(&es));
    // A well-known place inside a longer name is the place.
    let t = "She studied at George Washington University. Washington was cold.";
    let es = run_kb(
        Lang::En,
        t,
        &[
            ("George Washington University", "ORG"),
            ("Washington", "GPE"),
        ],
        &towns(&["Washington"]),
    );
    assert_eq!(es.len(), 2, "{:?}", names(&es));
}

#[test]
fn an_acronym_in_parentheses_after_a_name_is_that_name() {
    let t = "The Coastal Fisheries Authority (CFA) closed the bay. The CFA said so.";
    let es = run(
        Lang::En,
        t,
        &[
            ("Coastal Fisheries Authority", "ORG"),
            ("CFA", "ORG"),
            ("CFA", "ORG"),
        ],
    );
    assert_eq!(names(&es), [("Coastal Fisheries Authority".to_string(), O)]);
    assert_eq!(es[0].mentions.len(), 3);
}

#[test]
fn technical_standards_are_no_entities() {
    let t = "The codes were sent by SMS and the files over HTTPS to Lumora.";
    let es = run(
        Lang::En,
        t,
        &[("SMS", "ORG"), ("HTTPS", "ORG"), ("Lumora", "ORG")],
    );
    assert_eq!(names(&es), [("Lumora".to_string(), O)]);
    let t = "Le code arrive par SMS, puis un fichier PDF part chez Lumora.";
    let es = run(
        Lang::Fr,
        t,
        &[("SMS", "ORG"), ("PDF", "ORG"), ("Lumora", "ORG")],
    );
    assert_eq!(names(&es), [("Lumora".to_string(), O)]);
}

#[test]
fn a_head_first_name_without_its_middle_words_is_the_same_place() {
    let t = "Le dépôt pétrolier de Brévannes est bloqué. Au dépôt de Brévannes, les cuves sont pleines.";
    let es = run(
        Lang::Fr,
        t,
        &[
            ("dépôt pétrolier de Brévannes", "LOC"),
            ("dépôt de Brévannes", "LOC"),
        ],
    );
    assert_eq!(
        names(&es),
        [("dépôt pétrolier de Brévannes".to_string(), L)]
    );
    assert_eq!(es[0].mentions.len(), 2);
}

#[test]
fn a_place_is_not_the_body_named_after_it() {
    let t = "Upper Tove Regional Police made the arrest. Crime fell across Upper Tove last year.";
    let es = run(
        Lang::En,
        t,
        &[("Upper Tove Regional Police", "ORG"), ("Upper Tove", "GPE")],
    );
    let n = names(&es);
    assert!(
        n.contains(&("Upper Tove Regional Police".to_string(), O)),
        "{n:?}"
    );
    assert!(n.contains(&("Upper Tove".to_string(), L)), "{n:?}");
}

#[test]
fn a_lone_surname_beside_a_person_and_a_firm_named_after_them_is_the_person() {
    let t = "Nadim Kabir runs Kabir Knit Ltd in Tovebury. Kabir said the mill would stay.";
    let es = run(
        Lang::En,
        t,
        &[
            ("Nadim Kabir", "PERSON"),
            ("Kabir Knit Ltd", "ORG"),
            ("Tovebury", "GPE"),
            ("Kabir", "PERSON"),
        ],
    );
    let n = names(&es);
    assert!(!n.contains(&("Kabir".to_string(), P)), "{n:?}");
    let kabir = es.iter().find(|e| e.name == "Nadim Kabir").unwrap();
    assert_eq!(kabir.mentions.len(), 2);
}

#[test]
fn the_middle_one_of_three_names_alone_is_the_person_unless_a_first_name() {
    let t = "Paul Kabongo Ilunga enseigne à Kinshasa. Selon Kabongo, le taux va baisser.";
    let es = run(
        Lang::Fr,
        t,
        &[
            ("Paul Kabongo Ilunga", "PER"),
            ("Kinshasa", "LOC"),
            ("Kabongo", "PER"),
        ],
    );
    assert_eq!(
        names(&es),
        [
            ("Paul Kabongo Ilunga".to_string(), P),
            ("Kinshasa".to_string(), L)
        ]
    );
    let t = "Mary Ann Lowe arrived. Ann Pike left.";
    let es = run(
        Lang::En,
        t,
        &[("Mary Ann Lowe", "PERSON"), ("Ann Pike", "PERSON")],
    );
    assert_eq!(es.len(), 2, "{:?}", names(&es));
}

#[test]
fn an_acronym_spelled_with_a_function_word_a_legal_form_or_without_its_complement_links() {
    let t = "The Tovelan Department of Transport closed the road, and TDOT crews stayed. \
             Kessel Harbour Shipping Co. said KHSC ships would wait. The Public Water Board \
             of Tovelan met; the PWB said nothing. Tove Energy Partners lost; TEP fell.";
    let es = run(
        Lang::En,
        t,
        &[
            ("Tovelan Department of Transport", "ORG"),
            ("TDOT", "ORG"),
            ("Kessel Harbour Shipping Co.", "ORG"),
            ("KHSC", "ORG"),
            ("Public Water Board of Tovelan", "ORG"),
            ("PWB", "ORG"),
            ("Tove Energy Partners", "ORG"),
            ("TEP", "ORG"),
        ],
    );
    let n = names(&es);
    assert_eq!(n.len(), 4, "{n:?}");
    // A function word lends one letter only beside three of content words.
    let t = "Le chantier de l'EPR de Falmont a dérapé. EDF a reconnu le retard.";
    let es = run(Lang::Fr, t, &[("EPR de Falmont", "ORG"), ("EDF", "ORG")]);
    assert_eq!(es.len(), 2, "{:?}", names(&es));
    // An acronym written as a word.
    let t = "L'Office central de lutte contre les fraudes agricoles enquête. Selon l'Oclfa, \
             le réseau est démantelé.";
    let es = run(
        Lang::Fr,
        t,
        &[
            (
                "Office central de lutte contre les fraudes agricoles",
                "ORG",
            ),
            ("Oclfa", "ORG"),
        ],
    );
    assert_eq!(es.len(), 1, "{:?}", names(&es));
}

#[test]
fn a_firms_first_words_are_its_short_name() {
    let t =
        "Brackwater Crest Roofing & Restoration took deposits. Customers paid Brackwater Crest in \
             November, and Kestrel Markets will close. Kestrel said the lease had expired.";
    let es = run(
        Lang::En,
        t,
        &[
            ("Brackwater Crest Roofing & Restoration", "ORG"),
            ("Brackwater Crest", "ORG"),
            ("Kestrel Markets", "ORG"),
            ("Kestrel", "ORG"),
        ],
    );
    assert_eq!(
        names(&es),
        [
            ("Brackwater Crest Roofing & Restoration".to_string(), O),
            ("Kestrel Markets".to_string(), O)
        ]
    );
    // Not a lone word before a coordinator: two firms named together.
    let t = "Kestrel and Marle won the tender. Kestrel said it would hire.";
    let es = run(
        Lang::En,
        t,
        &[("Kestrel and Marle", "ORG"), ("Kestrel", "ORG")],
    );
    assert_eq!(es.len(), 2, "{:?}", names(&es));
}

#[test]
fn an_acronym_spelled_over_elisions_and_numbered_for_its_branch_links() {
    let t = "Le Service départemental d'incendie et de secours de la Lozère a mobilisé vingt \
             engins. Selon le Sdis 48, trois maisons ont brûlé. Le Sdis reste sur place.";
    let es = run(
        Lang::Fr,
        t,
        &[
            (
                "Service départemental d'incendie et de secours de la Lozère",
                "ORG",
            ),
            ("Sdis 48", "ORG"),
            ("Sdis", "PER"),
        ],
    );
    assert_eq!(
        names(&es),
        [(
            "Service départemental d'incendie et de secours de la Lozère".to_string(),
            O
        )]
    );
}

#[test]
fn a_short_name_written_as_a_word_in_brackets_after_a_bodys_name_is_that_body() {
    let t = "Il préside la Coopérative des planteurs du Vallon (Coopav). Selon la Coopav, \
             la récolte est perdue.";
    let es = run(
        Lang::Fr,
        t,
        &[
            ("Coopérative des planteurs du Vallon", "ORG"),
            ("Coopav", "LOC"),
            ("Coopav", "LOC"),
        ],
    );
    assert_eq!(
        names(&es),
        [("Coopérative des planteurs du Vallon".to_string(), O)]
    );
    assert_eq!(es[0].mentions.len(), 3);
    // Not after a place's name: "Colo." abbreviates a state, not the town.
    let t = "She lives in Tovel Springs (Tovs) with her family.";
    let es = run(Lang::En, t, &[("Tovel Springs", "GPE"), ("Tovs", "GPE")]);
    assert_eq!(es.len(), 2);
}

#[test]
fn a_parliament_named_by_its_head_alone_is_the_one_named_before() {
    let t = "Le Parlement tovelan a voté la loi mardi. Le Parlement a ensuite levé la séance.";
    let es = run(
        Lang::Fr,
        t,
        &[("Parlement tovelan", "ORG"), ("Parlement", "ORG")],
    );
    assert_eq!(names(&es), [("Parlement tovelan".to_string(), O)]);
}

#[test]
fn a_small_town_is_not_the_airport_road_or_body_named_after_it() {
    // A town of 4,000 inhabitants: written without an article, it is the town.
    let kb = cities(&["Tovelby"], 4_000);
    let t = "Frost was recorded at Tovelby Airport. It was minus two in Tovelby.";
    let es = run_kb(
        Lang::En,
        t,
        &[("Tovelby Airport", "FAC"), ("Tovelby", "GPE")],
        &kb,
    );
    assert_eq!(es.len(), 2, "{:?}", names(&es));
    // After an article, the town's name stands for the feature: "the Tovelby" is the river.
    let t = "The Tovelby River rose overnight. The Tovelby burst its banks by noon.";
    let es = run_kb(
        Lang::En,
        t,
        &[("Tovelby River", "LOC"), ("Tovelby", "LOC")],
        &kb,
    );
    assert_eq!(es.len(), 1, "{:?}", names(&es));
    // Nor is the town the council that serves it or the hospital named after it.
    for body in ["Tovelby Town Council", "Tovelby Cottage Hospital"] {
        let t = format!("{body} met on Monday. Tovelby is quiet.");
        let es = run_kb(Lang::En, &t, &[(body, "ORG"), ("Tovelby", "GPE")], &kb);
        assert!(
            names(&es).contains(&("Tovelby".to_string(), L)),
            "{:?}",
            names(&es)
        );
    }
    // Nor, where heads come first, the body of a territory named after it.
    let t = "Le conseil communautaire de Tovelby Marais a voté. Tovelby attend.";
    let es = run_kb(
        Lang::Fr,
        t,
        &[
            ("conseil communautaire de Tovelby Marais", "ORG"),
            ("Tovelby", "LOC"),
        ],
        &kb,
    );
    assert!(
        names(&es).contains(&("Tovelby".to_string(), L)),
        "{:?}",
        names(&es)
    );
}

#[test]
fn a_clubs_initials_before_the_rest_of_its_name_are_that_club() {
    let t = "L'Union sportive de Tovel-Plage a gagné dimanche. Les joueurs de l'US Tovel-Plage \
             ont fêté la victoire avec l'AS Marlby.";
    let es = run(
        Lang::Fr,
        t,
        &[
            ("Union sportive de Tovel-Plage", "ORG"),
            ("US Tovel-Plage", "ORG"),
            ("AS Marlby", "ORG"),
        ],
    );
    let n = names(&es);
    assert_eq!(n.len(), 2, "{n:?}");
    let club = es
        .iter()
        .find(|e| e.name == "Union sportive de Tovel-Plage")
        .unwrap();
    assert_eq!(club.mentions.len(), 2, "{:?}", club.mentions);
}
