//! Table tests of the speaker of reported clauses and incises (issue 12, second round): the
//! subject after a verb closing its clause, unnamed subjects, joint subjects, participles,
//! apposition after a complement, an organisation noun and its name, a second complement
//! clause after "and that", a partial quote inside a clause or opening it. Every sentence and
//! name here is invented for the test.

use super::{case, run, run_parsed};

#[test]
fn a_subject_after_the_verb_is_the_speaker_not_the_clause() {
    run_parsed(
        "en",
        "trailing subject",
        &[
            case(
                "Water prices will rise by a fifth next year, said Brightwater Trust, a consumer group based in Leeds.",
                &[],
                Some(&[("Water prices will rise by a fifth next year", Some("Brightwater Trust"))]),
            ),
            case(
                "The bridge will stay closed until March, reported Helen Marsh of the Riverside Courier, who attended the meeting.",
                &[],
                Some(&[("The bridge will stay closed until March", Some("Helen Marsh"))]),
            ),
        ],
    );
    run_parsed(
        "fr",
        "trailing subject",
        &[
            case(
                "Les travaux du tunnel dureront jusqu'en mars, a précisé la cheffe du service des routes de Savoie, Sylvie Marchal.",
                &[],
                Some(&[("Les travaux du tunnel dureront jusqu'en mars", Some("Sylvie Marchal"))]),
            ),
            case(
                "La récolte sera la plus faible depuis vingt ans, a affirmé le syndicat Terres Unies, qui représente les céréaliers.",
                &[],
                Some(&[("La récolte sera la plus faible depuis vingt ans", Some("Terres Unies"))]),
            ),
        ],
    );
}

#[test]
fn an_unnamed_subject_reports_without_a_speaker() {
    run_parsed(
        "en",
        "unnamed subject",
        &[
            case(
                "Flights were delayed by storms over the weekend, officials said.",
                &[],
                Some(&[("Flights were delayed by storms over the weekend", None)]),
            ),
            case(
                "The harvest was the worst in a decade, a Grainco spokesman said.",
                &[],
                Some(&[("The harvest was the worst in a decade", Some("Grainco"))]),
            ),
        ],
    );
    run_parsed(
        "fr",
        "unnamed subject",
        &[case(
            "Le trafic ferroviaire reprendra normalement dès lundi matin, ont indiqué des responsables de la compagnie.",
            &[],
            Some(&[("Le trafic ferroviaire reprendra normalement dès lundi matin", None)]),
        )],
    );
}

#[test]
fn joint_subjects_are_credited_to_the_first() {
    run_parsed(
        "en",
        "joint subjects",
        &[case(
            "Peter Lang and Maria Costa said that the budget would not be approved.",
            &[],
            Some(&[("the budget would not be approved", Some("Peter Lang"))]),
        )],
    );
    run_parsed(
        "fr",
        "joint subjects",
        &[case(
            "Paul Giraud et Anne Leclerc ont déclaré que le projet serait abandonné.",
            &[],
            Some(&[("le projet serait abandonné", Some("Paul Giraud"))]),
        )],
    );
}

#[test]
fn a_participle_reports_for_the_main_subject() {
    run_parsed(
        "en",
        "participle",
        &[case(
            "Coach Dana Whitfield praised the work of Marcus Bell, adding that the team would train twice a day.",
            &[],
            Some(&[("the team would train twice a day", Some("Dana Whitfield"))]),
        )],
    );
    run_parsed(
        "fr",
        "participle",
        &[case(
            "Le maire Julien Castagne a salué le travail de Mathilde Rey, ajoutant que le chantier serait achevé en juin.",
            &[],
            Some(&[("le chantier serait achevé en juin", Some("Julien Castagne"))]),
        )],
    );
}

#[test]
fn a_name_closing_a_role_phrase_outranks_its_complement() {
    run_parsed(
        "fr",
        "apposition after complement",
        &[case(
            "« Mon client n'a jamais menacé personne », proteste l'avocate de Karim Benali, Lucie Fontaine.",
            &[("Mon client n'a jamais menacé personne", Some("Lucie Fontaine"))],
            None,
        )],
    );
    run_parsed(
        "en",
        "apposition after complement",
        &[case(
            "\"The trial should never have started,\" said the lawyer for Karim Bey, Lucy Fontaine.",
            &[("The trial should never have started,", Some("Lucy Fontaine"))],
            None,
        )],
    );
}

#[test]
fn a_clause_reported_by_someone_unnamed_has_no_speaker() {
    run_parsed(
        "en",
        "unnamed reporter",
        &[
            case(
                "The coast guard said 12 sailors had been rescued from the trawler.",
                &[],
                Some(&[("12 sailors had been rescued from the trawler", None)]),
            ),
            case(
                "The crew had reported engine trouble before dawn, said a person familiar with the repairs, adding that the weather was poor.",
                &[],
                Some(&[
                    ("The crew had reported engine trouble before dawn", None),
                    ("the weather was poor", None),
                ]),
            ),
        ],
    );
    run_parsed(
        "fr",
        "unnamed reporter",
        &[case(
            "Les pompiers ont indiqué que trois maisons avaient été détruites par les flammes.",
            &[],
            Some(&[("trois maisons avaient été détruites par les flammes", None)]),
        )],
    );
}

#[test]
fn a_participle_after_an_incise_keeps_the_clause_before_it() {
    run_parsed(
        "fr",
        "incise then participle",
        &[case(
            "Le moteur de l'avion avait été révisé la veille, a indiqué un mécanicien, ajoutant que les freins étaient neufs.",
            &[],
            Some(&[
                ("Le moteur de l'avion avait été révisé la veille", None),
                ("les freins étaient neufs", None),
            ]),
        )],
    );
    run_parsed(
        "en",
        "incise then participle",
        &[case(
            "The engine had been serviced the day before, said a mechanic, adding that the brakes were new.",
            &[],
            Some(&[
                ("The engine had been serviced the day before", None),
                ("the brakes were new", None),
            ]),
        )],
    );
}

#[test]
fn the_question_put_to_a_speaker_is_no_clause_of_theirs() {
    run_parsed(
        "en",
        "asked whether",
        &[case(
            "Fiona Lang founded the studio in 2015 with a loan from her parents.\n\nAsked whether the studio could be sold to a bigger rival, Ms Lang was emphatic: “We are not for sale. We have had offers, and we have said no every time.”",
            &[(
                "We are not for sale. We have had offers, and we have said no every time.",
                Some("Fiona Lang"),
            )],
            Some(&[]),
        )],
    );
    run_parsed(
        "fr",
        "interrogé sur",
        &[case(
            "Le maire de Tovelle, Gérard Pinson, a présenté le budget lundi.\n\nInterrogé sur une éventuelle hausse des impôts locaux l'an prochain, le maire a assuré qu'aucune décision ne serait prise avant l'automne et la fin de l'audit.",
            &[],
            Some(&[(
                "aucune décision ne serait prise avant l'automne et la fin de l'audit",
                Some("Gérard Pinson"),
            )]),
        )],
    );
}

#[test]
fn a_second_complement_clause_after_and_that_is_a_clause_of_its_own() {
    run(
        "en",
        "second clause",
        &[case(
            "Brenna Holt said the Marsh Lane pool would close in May, and that swimmers could use the Tovey Road baths until it reopens.",
            &[],
            Some(&[
                ("the Marsh Lane pool would close in May", Some("Brenna Holt")),
                ("swimmers could use the Tovey Road baths until it reopens", Some("Brenna Holt")),
            ]),
        )],
    );
}

#[test]
fn a_partial_quote_inside_a_reported_clause_does_not_end_it() {
    run(
        "fr",
        "partial quote inside",
        &[case(
            "La députée Hélène Carrier a prévenu que son groupe « prendrait ses responsabilités » si le calendrier n'était pas clarifié avant l'été. Le ministre, Paul Kasongo, a assuré qu'un audit serait confié à l'inspection des finances « dans les prochains jours ».",
            &[
                ("prendrait ses responsabilités", Some("Hélène Carrier")),
                ("dans les prochains jours", Some("Paul Kasongo")),
            ],
            Some(&[
                ("son groupe « prendrait ses responsabilités » si le calendrier n'était pas clarifié avant l'été", Some("Hélène Carrier")),
                ("un audit serait confié à l'inspection des finances « dans les prochains jours »", Some("Paul Kasongo")),
            ]),
        )],
    );
    // A comma after the closing mark: the parse ends the clause there.
    run_parsed(
        "en",
        "partial quote inside",
        &[case(
            "The director, Ada Stone, said the shortfalls were “not simply a matter of weather”, although the dry spring had hurt every grower in the valley this year.",
            &[("not simply a matter of weather", Some("Ada Stone"))],
            Some(&[("the shortfalls were “not simply a matter of weather”", Some("Ada Stone"))]),
        )],
    );
}

#[test]
fn a_clause_opening_on_a_partial_quote_reports_the_words_after_it_too() {
    run(
        "fr",
        "clause opening on a quote",
        &[case(
            "Le président de la coopérative, Marc Tovel, estime que « les prix d'achat ne suivent plus » depuis la fin de l'hiver dernier.",
            &[("les prix d'achat ne suivent plus", Some("Marc Tovel"))],
            Some(&[("« les prix d'achat ne suivent plus » depuis la fin de l'hiver dernier", Some("Marc Tovel"))]),
        )],
    );
    // A second cue of the sentence ("claims", read as a verb) reaches the same clause: one item.
    run(
        "en",
        "clause opening on a quote",
        &[case(
            "The insurer, Marle Mutual, said in a statement that it had paid most storm claims and that \"the remaining files\" would close by June.",
            &[("the remaining files", Some("Marle Mutual"))],
            Some(&[
                ("it had paid most storm claims", Some("Marle Mutual")),
                ("\"the remaining files\" would close by June", Some("Marle Mutual")),
            ]),
        )],
    );
}

#[test]
fn a_speech_verbs_gerund_after_a_comma_reports_a_clause_of_its_own() {
    // The words between the comma and the participle are the profile's `gerund_opener|`.
    run_parsed(
        "fr",
        "gerund after a comma",
        &[case(
            "Le maire, Paul Tovel, a affirmé que le projet restait ouvert à la discussion, tout en rappelant que les délais seraient tenus.",
            &[],
            Some(&[
                ("le projet restait ouvert à la discussion", Some("Paul Tovel")),
                ("les délais seraient tenus", Some("Paul Tovel")),
            ]),
        )],
    );
    run_parsed(
        "en",
        "gerund after a comma",
        &[case(
            "The harbour master, Ines Marlby, said the pier would stay shut over the winter, before adding that the ferry would keep its timetable.",
            &[],
            Some(&[
                ("the pier would stay shut over the winter", Some("Ines Marlby")),
                ("the ferry would keep its timetable", Some("Ines Marlby")),
            ]),
        )],
    );
}

#[test]
fn a_subject_and_its_relative_clause_before_the_verb_report_nothing() {
    // The words before the comma are the verb's subject, not what it reports.
    run_parsed(
        "en",
        "subject with a relative clause",
        &[case(
            "Ann Tovel, who lives on Marsh Road, has written to the Tovelby Council twice about the noise.",
            &[],
            Some(&[]),
        )],
    );
    run_parsed(
        "fr",
        "subject with a relative clause",
        &[case(
            "Le collectif Marle Avenir, qui rassemble 300 familles, a écrit au maire de Tovel la semaine dernière.",
            &[],
            Some(&[]),
        )],
    );
}
