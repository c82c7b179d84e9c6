//! Table tests of who speaks (issue 12, first round): paragraph continuation, pronoun speakers,
//! any verb in incise position, honorifics, an incise whose speaker has an age and a role in
//! apposition. Every sentence and name here is invented for the test.

use super::{case, run, run_parsed};

#[test]
fn paragraph_continuation() {
    run(
        "fr",
        "continuation",
        &[case(
            "Le maire de Villebrune, Thierry Ravanel, a présenté son budget lundi. « Nous n'augmenterons pas les impôts cette année », a déclaré Thierry Ravanel.\n\n« Les écoles seront rénovées avant la fin du mandat, comme promis aux familles. »",
            &[
                ("Nous n'augmenterons pas les impôts cette année", Some("Thierry Ravanel")),
                ("Les écoles seront rénovées avant la fin du mandat, comme promis aux familles.", Some("Thierry Ravanel")),
            ],
            None,
        )],
    );
    run(
        "en",
        "continuation",
        &[case(
            "\"We will reopen the plant in the spring,\" said Gordon Whitlock, the company's chief executive.\n\n\"Every worker who wants a job back will get one, and nobody will lose seniority.\"",
            &[
                ("We will reopen the plant in the spring,", Some("Gordon Whitlock")),
                ("Every worker who wants a job back will get one, and nobody will lose seniority.", Some("Gordon Whitlock")),
            ],
            None,
        )],
    );
}

#[test]
fn pronoun_speakers() {
    run(
        "fr",
        "pronouns",
        &[case(
            "Sandrine Volant a rencontré Marc Tissier mardi. « La négociation reste ouverte à toutes les propositions », a-t-elle ajouté.",
            &[("La négociation reste ouverte à toutes les propositions", Some("Sandrine Volant"))],
            None,
        )],
    );
    run(
        "en",
        "pronouns",
        &[case(
            "Harold Pinwick met Deborah Falk on Monday. \"The talks were long but useful for both sides,\" he said.",
            &[("The talks were long but useful for both sides,", Some("Harold Pinwick"))],
            None,
        )],
    );
}

#[test]
fn the_writer_is_no_named_speaker() {
    run(
        "en",
        "first person",
        &[case(
            "The ferry was late again. \"Nobody on this island trusts the timetable anymore,\" I suggested to the captain.",
            &[("Nobody on this island trusts the timetable anymore,", None)],
            None,
        )],
    );
}

#[test]
fn any_verb_in_incise() {
    run(
        "fr",
        "incise",
        &[
            case(
                "L'avocate Hélène Marchetti plaidait l'acquittement. « Ce dossier ne tient pas debout une seconde », grince-t-elle.",
                &[("Ce dossier ne tient pas debout une seconde", Some("Hélène Marchetti"))],
                None,
            ),
            case(
                "Le conseil municipal a voté la fermeture de la piscine. Et d'ajouter : « Nous n'avons pas eu le choix cette fois », a conclu Bernard Lacoste.",
                &[("Nous n'avons pas eu le choix cette fois", Some("Bernard Lacoste"))],
                None,
            ),
        ],
    );
    run(
        "en",
        "incise",
        &[case(
            "Coach Randall Pike watched the replay twice. \"That was the worst call of the whole season,\" he grumbled.",
            &[("That was the worst call of the whole season,", Some("Randall Pike"))],
            None,
        )],
    );
}

#[test]
fn honorifics_are_no_part_of_names() {
    run(
        "fr",
        "honorifics",
        &[case(
            "Paul Durandeau dirige la coopérative depuis dix ans. « Les prix du lait doivent remonter rapidement », a insisté M. Durandeau.",
            &[("Les prix du lait doivent remonter rapidement", Some("Paul Durandeau"))],
            None,
        )],
    );
    run(
        "en",
        "honorifics",
        &[case(
            "Linda Okafor chairs the housing board. \"Rents have doubled in five years,\" Ms. Okafor said.",
            &[("Rents have doubled in five years,", Some("Linda Okafor"))],
            None,
        )],
    );
}

#[test]
fn a_person_named_after_a_role_at_the_end_of_the_subject_speaks_not_the_body_before() {
    run_parsed(
        "en",
        "body, role and name as one subject",
        &[
            // The parser may read the name as the object of "of".
            case(
                "Nurses were angry.\n\nKenlow Union of Nurses (KUN) general secretary Bernard Mole welcomed the plan but said it was \"a drop in the ocean\" for the wards.",
                &[("a drop in the ocean", Some("Bernard Mole"))],
                Some(&[("it was \"a drop in the ocean\" for the wards", Some("Bernard Mole"))]),
            ),
            // Or hang two subjects on the verb.
            case(
                "Nurses were angry.\n\nAnd Kenlow Union of Nurses (KUN) general secretary Ann Mowbray welcomed the plan but said it was \"a drop in the ocean\" when set against the shortage, which the union puts at 3,000 nurses.",
                &[("a drop in the ocean", Some("Ann Mowbray"))],
                Some(&[("it was \"a drop in the ocean\" when set against the shortage, which the union puts at 3,000 nurses", Some("Ann Mowbray"))]),
            ),
        ],
    );
}

#[test]
fn an_object_pronoun_before_the_verb_is_not_its_subject() {
    run(
        "fr",
        "object pronoun before the verb",
        &[case(
            "À la barre, le prévenu, Marc Tissier, a nié les faits. La présidente, Odile Ferrand, lui a rappelé qu'il avait signé chaque quittance depuis 2019.",
            &[],
            Some(&[
                ("il avait signé chaque quittance depuis 2019", Some("Odile Ferrand")),
            ]),
        )],
    );
}

#[test]
fn an_object_pronoun_before_an_incise_verb_leaves_the_subject_after_it() {
    run_parsed(
        "fr",
        "object pronoun in an incise",
        &[case(
            "Le gérant Paul Leduc a répondu aux questions pendant une heure. « Pourquoi avez-vous signé ce contrat sans le lire ? », lui a demandé Anne Morvan. Le gérant n'a pas répondu.",
            &[(
                "Pourquoi avez-vous signé ce contrat sans le lire ?",
                Some("Anne Morvan"),
            )],
            None,
        )],
    );
}

#[test]
fn a_party_between_a_role_and_a_name_is_not_the_speaker() {
    run_parsed(
        "fr",
        "party before the name",
        &[case(
            "Le canton a promis un plan pour 2026. Une réponse jugée bien tardive par le député PLR Marc Vuillemin, auteur d'une motion sur le sujet: « On connaissait le problème depuis des années. On a perdu beaucoup de temps. » Le plan sera présenté en mars.",
            &[(
                "On connaissait le problème depuis des années. On a perdu beaucoup de temps.",
                Some("Marc Vuillemin"),
            )],
            None,
        )],
    );
}

#[test]
fn a_reflexive_pronoun_before_an_incise_verb_keeps_its_inverted_subject() {
    // "s'étrangler" is no speech verb; the incise's inverted pronoun makes it one here.
    run(
        "fr",
        "reflexive pronoun in an incise",
        &[case(
            "La maire, Odile Ferrand, a présenté le budget au conseiller Marc Tissier. « Ce budget oublie encore les quartiers nord », s’étrangle-t-il. Le vote aura lieu lundi.",
            &[(
                "Ce budget oublie encore les quartiers nord",
                Some("Marc Tissier"),
            )],
            None,
        ),
        // A reflexive verb of the speech list in an incise inside the marks.
        case(
            "La maire, Odile Ferrand, a présenté le budget au conseiller Marc Tissier. « Ce budget oublie encore les quartiers nord, s'emporte-t-il. Nous voterons contre. » Le vote aura lieu lundi.",
            &[
                ("Ce budget oublie encore les quartiers nord", Some("Marc Tissier")),
                ("Nous voterons contre.", Some("Marc Tissier")),
            ],
            None,
        )],
    );
}

#[test]
fn a_demonstrative_pronoun_stands_for_the_person_just_named() {
    run(
        "fr",
        "demonstrative pronoun",
        &[case(
            "Le juge Paul Garnier a longuement entendu la gérante, Anne Roy. Celle-ci a affirmé que les comptes étaient tenus chaque semaine.",
            &[],
            Some(&[(
                "les comptes étaient tenus chaque semaine",
                Some("Anne Roy"),
            )]),
        )],
    );
}

#[test]
fn a_capitalised_word_after_a_quote_ending_its_sentence_opens_another() {
    run_parsed(
        "fr",
        "no incise after a full stop",
        &[case(
            "Le juge Paul Garnier s'est ensuite adressé directement au prévenu: « Vous étiez leur ami, et vous les avez volés. » Puis, se tournant vers la Cour d'appel de Rennes: « Le prévenu n'a montré aucun remords avant son arrestation. »",
            &[
                (
                    "Vous étiez leur ami, et vous les avez volés.",
                    Some("Paul Garnier"),
                ),
                (
                    "Le prévenu n'a montré aucun remords avant son arrestation.",
                    Some("Paul Garnier"),
                ),
            ],
            None,
        )],
    );
}

#[test]
fn an_incise_runs_over_the_speakers_age_and_role_to_the_full_stop() {
    run(
        "fr",
        "incise apposition",
        &[case(
            "Le quartier attend. « Les gens ont tout vu, raconte Marthe Delcour, 68 ans, présidente du comité de quartier. Alors ils attendent la suite avant de juger. » La réunion aura lieu lundi.",
            &[
                ("Les gens ont tout vu", Some("Marthe Delcour")),
                ("Alors ils attendent la suite avant de juger.", Some("Marthe Delcour")),
            ],
            None,
        )],
    );
}

#[test]
fn a_demonstrative_before_its_relative_stands_for_the_person_just_named() {
    run(
        "fr",
        "celle qui",
        &[case(
            "La présidente de l'association des commerçants, Odile Marchetti, a dénoncé la fermeture du pont. « Quand le pont ferme, les clients ne viennent plus », lance celle qui tient la librairie de la place depuis vingt ans.",
            &[("Quand le pont ferme, les clients ne viennent plus", Some("Odile Marchetti"))],
            None,
        )],
    );
}
