//! Table tests of source phrases ("selon X", "according to X") whose head is a document (a
//! report, readings, a ranking) or a body's services: the document reports for its author,
//! named after the noun, else for nobody. Every sentence and name here is invented for the
//! test.

use super::{case, run, run_parsed};

#[test]
fn a_document_reports_for_the_author_it_names() {
    run_parsed(
        "fr",
        "document source",
        &[
            case(
                "Selon un bilan établi par la Croix-Rouge française, quarante maisons ont été détruites dans la nuit.",
                &[],
                Some(&[("quarante maisons ont été détruites dans la nuit", Some("Croix-Rouge française"))]),
            ),
            case(
                "D'après des données de Météo-France, il est tombé deux cents millimètres de pluie en six heures.",
                &[],
                Some(&[("il est tombé deux cents millimètres de pluie en six heures", Some("Météo-France"))]),
            ),
            case(
                "Selon un rapport publié mardi, la moitié des ponts du département doivent être réparés.",
                &[],
                Some(&[("la moitié des ponts du département doivent être réparés", None)]),
            ),
        ],
    );
    run_parsed(
        "en",
        "document source",
        &[
            case(
                "According to a report published by the Red Cross, forty houses were destroyed overnight.",
                &[],
                Some(&[("forty houses were destroyed overnight", Some("Red Cross"))]),
            ),
            case(
                "According to data from the National Weather Service, eight inches of rain fell in six hours.",
                &[],
                Some(&[("eight inches of rain fell in six hours", Some("National Weather Service"))]),
            ),
            case(
                "According to a study released on Monday, half of the county's bridges need repairs.",
                &[],
                Some(&[("half of the county's bridges need repairs", None)]),
            ),
        ],
    );
}

#[test]
fn readings_rankings_and_a_bodys_services_report_for_the_body_they_name() {
    run_parsed(
        "fr",
        "readings",
        &[
            case(
                "Selon les relevés de la Société des eaux de Vernay, la température de l'eau a gagné deux degrés.",
                &[],
                Some(&[("la température de l'eau a gagné deux degrés", Some("Société des eaux de Vernay"))]),
            ),
            case(
                "Selon les services du Département de la Marle, trois routes restent fermées.",
                &[],
                Some(&[("trois routes restent fermées", Some("Département de la Marle"))]),
            ),
        ],
    );
    run_parsed(
        "en",
        "readings",
        &[case(
            "According to readings from the Tovey Harbour Authority, the water rose by two metres in an hour.",
            &[],
            Some(&[("the water rose by two metres in an hour", Some("Tovey Harbour Authority"))]),
        )],
    );
}

#[test]
fn a_source_s_clause_opens_after_the_whole_name_commas_included() {
    run_parsed(
        "fr",
        "source named with an enumeration",
        &[case(
            "Selon le Service de la faune, de la flore et des forêts, les effectifs de cerfs ont doublé en dix ans.",
            &[],
            Some(&[(
                "les effectifs de cerfs ont doublé en dix ans",
                Some("Service de la faune, de la flore et des forêts"),
            )]),
        )],
    );
}

#[test]
fn a_person_in_apposition_to_an_unnamed_source_speaks_a_partial_quote() {
    run(
        "fr",
        "apposed person after selon",
        &[case(
            "D'après un résident du port, Yvon Martel, l'arrivée de deux cents camions par jour « n'a jamais été étudiée sérieusement ».",
            &[("n'a jamais été étudiée sérieusement", Some("Yvon Martel"))],
            Some(&[("l'arrivée de deux cents camions par jour « n'a jamais été étudiée sérieusement »", Some("Yvon Martel"))]),
        )],
    );
}

#[test]
fn the_management_speaks_for_its_body() {
    run_parsed(
        "fr",
        "la direction",
        &[
            case(
                "Le groupe Vexaline va supprimer 120 postes dans son usine de Tovelle. Selon la direction, la mesure devrait durer au moins jusqu'à la fin de l'année prochaine.",
                &[],
                Some(&[(
                    "la mesure devrait durer au moins jusqu'à la fin de l'année prochaine",
                    Some("Vexaline"),
                )]),
            ),
            case(
                "Les Transports publics de Tovelle (TPT) ont commandé douze rames au constructeur Stadler. Selon la direction des TPT, les nouvelles rames seront livrées au printemps et mises en service en juin.",
                &[],
                Some(&[(
                    "les nouvelles rames seront livrées au printemps et mises en service en juin",
                    Some("Transports publics de Tovelle"),
                )]),
            ),
        ],
    );
}

#[test]
fn a_chamber_the_model_missed_before_a_speech_verb_is_a_body() {
    use verbatim::enrich::{Document, EntityType, TextField};
    // "Chamber" heads a body's name (`org|chamber`): the speaker the model missed is an
    // organisation, while a person named the same way stays a person.
    let text = "Trade was slow.\n\nTovel Chamber of Commerce said the announcement was a \
                welcome boost after a difficult year for shops. Ada Marsk, who runs a bakery, \
                said the levy was fair.";
    let doc = Document {
        fields: vec![TextField { name: "body", text }],
        lang: Some("en"),
    };
    let out = super::enricher(true).enrich(&doc).expect("enrich");
    let ty = |n: &str| {
        out.entities
            .iter()
            .find(|e| e.name == n)
            .map(|e| e.entity_type)
    };
    assert_eq!(
        ty("Tovel Chamber of Commerce"),
        Some(EntityType::Organization)
    );
    assert_eq!(ty("Ada Marsk"), Some(EntityType::Person));
}

#[test]
fn a_statement_speaks_for_who_issued_it() {
    run_parsed(
        "en",
        "statement author",
        &[
            case(
                "Tovel Rail said in a statement that the line would reopen on Monday. Commuter Ana Marlby was unimpressed. \"We have heard that before,\" she said. \"Crews have worked through the night and the track is now safe,\" the statement said.",
                &[
                    ("We have heard that before", Some("Ana Marlby")),
                    ("Crews have worked through the night and the track is now safe", Some("Tovel Rail")),
                ],
                None,
            ),
            case(
                "The Sarne Water Board apologised on Friday. In a written statement, the board said the leak had been found. Resident Tom Kervalan said he had waited a week. \"We regret the disruption to every household,\" the statement added.",
                &[("We regret the disruption to every household", Some("Sarne Water Board"))],
                None,
            ),
        ],
    );
    run_parsed(
        "fr",
        "statement author",
        &[case(
            "La mairie de Sarne a indiqué dans un communiqué que l'école rouvrirait lundi. Une mère, Léa Tovel, reste inquiète. « On nous a déjà promis ça », dit-elle. « Les travaux sont terminés et les salles ont été contrôlées », précise le communiqué.",
            &[
                ("On nous a déjà promis ça", Some("Léa Tovel")),
                ("Les travaux sont terminés et les salles ont été contrôlées", Some("mairie de Sarne")),
            ],
            None,
        )],
    );
}
