//! Table tests of what is not reported speech, and of subjects the word rules miss (issue 12,
//! item 4, third round): a clause mostly between quotation marks before an incise is the
//! quotation's; a thing that cannot speak ("the figures", "l'étude") shows, it does not say;
//! the subject of a coordinated speech verb is the first verb's. Every sentence and name here
//! is invented for the test.

use super::{case, run_parsed};

#[test]
fn an_incise_after_a_mostly_quoted_clause_attributes_the_quotation() {
    run_parsed(
        "fr",
        "mostly quoted",
        &[
            case(
                "La maire Anne Morel a visité le chantier jeudi. Le stade « ne sera pas prêt avant la fin de l'année prochaine », a-t-elle ajouté.",
                &[("ne sera pas prêt avant la fin de l'année prochaine", Some("Anne Morel"))],
                Some(&[]),
            ),
            case(
                "Le nouveau projet « coûtera au moins deux fois plus cher que prévu au départ », a estimé Paul Girard.",
                &[("coûtera au moins deux fois plus cher que prévu au départ", Some("Paul Girard"))],
                Some(&[]),
            ),
        ],
    );
}

#[test]
fn a_thing_that_cannot_speak_reports_no_speech() {
    run_parsed(
        "en",
        "mute subject",
        &[
            case(
                "The latest figures suggest that the town's population fell by a tenth over the decade.",
                &[],
                Some(&[]),
            ),
            case(
                "Engineers studied sensor data that suggested the bridge was moving more than expected in high winds.",
                &[],
                Some(&[]),
            ),
        ],
    );
    run_parsed(
        "fr",
        "mute subject",
        &[
            case(
                "Une étude récente affirme que la population de la vallée a baissé d'un dixième en dix ans.",
                &[],
                Some(&[]),
            ),
            case(
                "Les chiffres publiés mardi confirment que la population de la vallée a baissé d'un dixième en dix ans.",
                &[],
                Some(&[]),
            ),
            case(
                "Un sondage publié mardi indique que la majorité des habitants soutient le projet de tramway.",
                &[],
                Some(&[]),
            ),
        ],
    );
}

#[test]
fn a_coordinated_speech_verb_has_the_first_verbs_subject() {
    run_parsed(
        "fr",
        "coordinated verb",
        &[case(
            "Le maire Paul Girard a reconnu une erreur de calcul et a fait savoir qu'il ne démissionnerait pas avant la fin de son mandat.",
            &[],
            Some(&[("il ne démissionnerait pas avant la fin de son mandat", Some("Paul Girard"))]),
        )],
    );
}

#[test]
fn words_without_a_finite_verb_before_an_incise_report_nothing() {
    run_parsed(
        "fr",
        "no finite verb",
        &[case(
            "Prudente et appliquée, mais aussi très rapide, face à un rival trop lent, l'équipe de Lyon s'est aussi montrée très efficace.",
            &[],
            Some(&[]),
        )],
    );
}

#[test]
fn a_speech_verb_in_a_relative_clause_is_no_incise() {
    run_parsed(
        "fr",
        "relative",
        &[case(
            "Le pont restera fermé jusqu'en mars, a déclaré le maire Paul Girard, qui dit avoir parlé aux ingénieurs.",
            &[],
            Some(&[
                ("Le pont restera fermé jusqu'en mars", Some("Paul Girard")),
                ("avoir parlé aux ingénieurs", Some("Paul Girard")),
            ]),
        )],
    );
}

#[test]
fn a_passive_speech_verb_reports_without_a_speaker() {
    run_parsed(
        "en",
        "passive",
        &[case(
            "The harbour office reopened at noon on Monday. By the evening it could be confirmed that no ship had been damaged by the storm.",
            &[],
            Some(&[("no ship had been damaged by the storm", None)]),
        )],
    );
    run_parsed(
        "fr",
        "passive",
        &[case(
            "Le maire Paul Girard a visité le port lundi. Il a ensuite été annoncé que la digue serait reconstruite avant l'hiver.",
            &[],
            Some(&[("la digue serait reconstruite avant l'hiver", None)]),
        )],
    );
}
