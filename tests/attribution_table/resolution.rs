//! Table tests of direct-quote attribution, third round: a gloss between a quote and its cue, a
//! quote ending its own sentence, opinions opening a sentence, religious roles, names ending
//! with an initial, an organisation speaking through a person, gender told by a pronoun, and a
//! pronoun standing for a role named in a complement of its own sentence.
//! Every sentence and name here is invented for the test.

use super::{case, run, run_parsed};

#[test]
fn a_gloss_in_parentheses_does_not_hide_the_cue() {
    run(
        "fr",
        "gloss",
        &[
            case(
                "Le tribunal a repris ses travaux lundi. « Dura lex, sed lex » (la loi est dure, mais c'est la loi), lance le procureur Marc Delorme.",
                &[("Dura lex, sed lex", Some("Marc Delorme"))],
                None,
            ),
            case(
                "« Alea jacta est » (le sort en est jeté), lance le procureur Marc Delorme, qui requiert six mois de prison.",
                &[("Alea jacta est", Some("Marc Delorme"))],
                None,
            ),
        ],
    );
    run(
        "en",
        "gloss",
        &[case(
            "The court resumed on Monday. \"Fiat justitia, ruat caelum\" (let justice be done though the heavens fall), said prosecutor Mark Dalton.",
            &[("Fiat justitia, ruat caelum", Some("Mark Dalton"))],
            None,
        )],
    );
}

#[test]
fn a_quote_ending_its_sentence_takes_no_cue_from_the_next() {
    run(
        "fr",
        "quote ends its sentence",
        &[case(
            "« Nous rouvrirons l'usine au printemps », promet Jeanne Morel.\n\n« Il faudra du temps, mais nous y arriverons. » Plus de trois cents emplois sont menacés dans la vallée, selon le syndicat.",
            &[
                ("Nous rouvrirons l'usine au printemps", Some("Jeanne Morel")),
                ("Il faudra du temps, mais nous y arriverons.", Some("Jeanne Morel")),
            ],
            None,
        )],
    );
    run(
        "en",
        "quote ends its sentence",
        &[case(
            "\"We will reopen the plant in the spring,\" said Jane Moore.\n\n\"It will take time, but we will get there.\" More than three hundred jobs in the valley are at risk, according to the union.",
            &[
                ("We will reopen the plant in the spring,", Some("Jane Moore")),
                ("It will take time, but we will get there.", Some("Jane Moore")),
            ],
            None,
        )],
    );
}

#[test]
fn an_opinion_may_open_after_a_conjunction() {
    // English has no opinion word in its profile ("For years, …" opens too many sentences).
    run(
        "fr",
        "opinion after a conjunction",
        &[
            case(
                "Le jugement a été rendu mardi. Mais pour Hélène Garnier, avocate de la famille, cette peine est « une insulte aux victimes ».",
                &[("une insulte aux victimes", Some("Hélène Garnier"))],
                None,
            ),
            case(
                "Le jugement a été rendu mardi. Mais pour Hélène Garnier, avocate de la famille, le prévenu n'est qu'un « menteur sans scrupules ».",
                &[("menteur sans scrupules", Some("Hélène Garnier"))],
                None,
            ),
        ],
    );
}

#[test]
fn religious_roles_name_the_person_they_describe() {
    run(
        "fr",
        "religious roles",
        &[case(
            "Le rabbin Samuel Cohen a reçu le maire, Paul Girard, lundi. « Nous devons rester unis face à la haine », a déclaré le rabbin.",
            &[("Nous devons rester unis face à la haine", Some("Samuel Cohen"))],
            None,
        )],
    );
    run(
        "en",
        "religious roles",
        &[case(
            "Rabbi Samuel Cohen met the mayor, Paul Girard, on Monday. \"We must stand together against hatred,\" the rabbi said.",
            &[("We must stand together against hatred,", Some("Samuel Cohen"))],
            None,
        )],
    );
}

#[test]
fn a_name_ending_with_an_initial_does_not_end_the_role_phrase() {
    run_parsed(
        "fr",
        "initial",
        &[case(
            "Le procès s'est ouvert lundi. « Il faut le juger sans passion ni pression », plaide l'avocate de Karim B., Lucie Fontaine.",
            &[("Il faut le juger sans passion ni pression", Some("Lucie Fontaine"))],
            None,
        )],
    );
    run_parsed(
        "en",
        "initial",
        &[case(
            "The trial opened on Monday. \"Judge him on the facts and nothing else,\" said the lawyer for Karim B., Lucie Fontaine.",
            &[("Judge him on the facts and nothing else,", Some("Lucie Fontaine"))],
            None,
        )],
    );
}

#[test]
fn an_organisation_speaking_through_a_person() {
    run_parsed(
        "fr",
        "par la voix de",
        &[case(
            "L'Unesco, par la voix de sa directrice générale, Ana Roy, a dénoncé « une décision prise sans aucune concertation ».",
            &[("une décision prise sans aucune concertation", Some("Ana Roy"))],
            None,
        )],
    );
}

#[test]
fn a_pronoun_after_a_name_tells_its_gender() {
    run_parsed(
        "fr",
        "gender from a pronoun",
        &[case(
            "Le conflit entre Camille Arnaud et son ancien label touche à sa fin : elle pourra chanter ses anciens titres. Les albums de Camille Arnaud ont été rachetés par une société de Dominique Ferrand. Dans un message, elle a dénoncé « un abus de pouvoir inacceptable ».",
            &[("un abus de pouvoir inacceptable", Some("Camille Arnaud"))],
            None,
        )],
    );
    run_parsed(
        "en",
        "gender from a pronoun",
        &[case(
            "The row between Robin Vale and her former label is over. Robin Vale's albums were sold to a firm owned by investor Sam Torres last year. In a post at the time she described the deal as \"the worst possible outcome for artists\".",
            &[("the worst possible outcome for artists", Some("Robin Vale"))],
            None,
        )],
    );
}

#[test]
fn a_quote_nothing_attributes_has_no_speaker() {
    // The quote before was given by a source cue in another paragraph and no cue, subject or
    // speech verb is near: the quoted charge is nobody's words. (After a speech verb in the
    // paragraph before, its subject is the last speaker reported, in either language.)
    run(
        "fr",
        "nothing attributes",
        &[case(
            "Selon le procureur Marc Delorme, « le dossier est solide et les preuves nombreuses ».\n\nLe prévenu, interpellé en mars à la frontière, était poursuivi pour « mise en danger de la vie d'autrui ».",
            &[
                ("le dossier est solide et les preuves nombreuses", Some("Marc Delorme")),
                ("mise en danger de la vie d'autrui", None),
            ],
            None,
        )],
    );
}

#[test]
fn the_last_speaker_may_be_inverted_after_the_cue() {
    run(
        "fr",
        "inverted last speaker",
        &[case(
            "Un troisième alpiniste a été retrouvé mort dans le massif, a déclaré jeudi Paul Girard. Les secours restent sans nouvelles « de plus de vingt randonneurs » partis dimanche.",
            &[("de plus de vingt randonneurs", Some("Paul Girard"))],
            None,
        )],
    );
    run(
        "en",
        "inverted last speaker",
        &[case(
            "A third climber was found dead in the range, said Paul Girard on Thursday. Rescuers are still without news of \"more than twenty hikers\" who left on Sunday.",
            &[("more than twenty hikers", Some("Paul Girard"))],
            None,
        )],
    );
}

#[test]
fn an_incise_inside_the_marks_splits_the_quote() {
    // The French press convention; English closes its marks around the incise instead.
    run(
        "fr",
        "incise split",
        &[case(
            "« Nous voulons la paix pour tous, a déclaré Paul Girard, mais pas à n'importe quel prix. »",
            &[
                ("Nous voulons la paix pour tous", Some("Paul Girard")),
                ("mais pas à n'importe quel prix.", Some("Paul Girard")),
            ],
            None,
        )],
    );
}

#[test]
fn a_pronoun_may_stand_for_a_role_in_a_complement_of_its_sentence() {
    run(
        "fr",
        "role in a complement",
        &[case(
            "Le maire de Lyon, Jean Dupont, a fermé les parcs jeudi. Marc Leroy, un commerçant du quartier, avait protesté la veille.\n\nLa décision du maire n'a pas de date de fin car « la situation évolue chaque jour », a-t-il relevé.",
            &[("la situation évolue chaque jour", Some("Jean Dupont"))],
            None,
        )],
    );
    run(
        "en",
        "role in a complement",
        &[case(
            "The mayor of Leeds, John Carter, closed the parks on Thursday. Mark Lee, a local shopkeeper, had protested the day before.\n\nThe order from the mayor has no end date because “the situation changes every day,” he said.",
            &[("the situation changes every day,", Some("John Carter"))],
            None,
        )],
    );
}

#[test]
fn a_role_with_a_long_complement_is_the_role_of_the_name_after_it() {
    run_parsed(
        "fr",
        "role with a long complement",
        &[
            case(
                "Le ministre de l'Agriculture, de l'Élevage et de la Pêche, le Colonel Major Amadou Sanou, a ouvert la foire lundi à Dosso.\n\nLa foire réunit trois cents exposants venus de tout le pays.\n\nDans son discours, le ministre a affirmé que la saison des pluies serait meilleure que l'an dernier.",
                &[],
                Some(&[("la saison des pluies serait meilleure que l'an dernier", Some("Amadou Sanou"))]),
            ),
            // A role before a verb is not the role of a name after that verb.
            case(
                "« On nous ment depuis deux ans », lance Paul Marin, délégué syndical.\n\nLe syndicaliste accuse l'actionnaire, le fonds d'investissement Orvane Capital, d'avoir « vidé les caisses de l'usine » avant la vente.",
                &[
                    ("On nous ment depuis deux ans", Some("Paul Marin")),
                    ("vidé les caisses de l'usine", Some("Paul Marin")),
                ],
                None,
            ),
        ],
    );
}

#[test]
fn a_role_reaches_its_name_past_a_long_complement() {
    // The ministry's name is long, holds a coordination and a contracted article; the role is
    // still the minister's, not the last person named before it.
    run(
        "fr",
        "role past a long complement",
        &[
            case(
                "Le ministre de la Santé, de l'Hygiène publique et de l'Accès universel aux soins, le Pr Paul Adjovi, a inauguré samedi à Sokodé le nouveau centre. La cérémonie s'est tenue en présence du préfet, le colonel Marc Tchala. Dans son allocution, le ministre a rappelé que la maladie recule.",
                &[],
                Some(&[("la maladie recule", Some("Paul Adjovi"))]),
            ),
            case(
                "Le ministre de la Santé, de l'Hygiène et des Soins, Paul Adjovi, a inauguré samedi à Sokodé le nouveau centre. La cérémonie s'est tenue en présence du préfet, le colonel Marc Tchala. Dans son allocution, le ministre a rappelé que la maladie recule.",
                &[],
                Some(&[("la maladie recule", Some("Paul Adjovi"))]),
            ),
        ],
    );
}

#[test]
fn a_person_coordinated_with_a_group_stays_an_antecedent() {
    run(
        "en",
        "person and a group",
        &[case(
            "Ann Petrov, the planner, spoke first. \"Zoning lets things happen,\" Petrov said. The Builders Guild of Ohio said in a statement that the rules would help. Some residents aren't finished. Rita Moss and a group of neighbors are drafting a request for tax relief. \"We'll be back,\" she said.",
            &[
                ("Zoning lets things happen,", Some("Ann Petrov")),
                ("We'll be back,", Some("Rita Moss")),
            ],
            None,
        )],
    );
}

#[test]
fn a_role_whose_complement_names_a_body_is_the_role_holder() {
    // "Le président du Tovel FC a assuré": the president named before speaks, not the club;
    // a voice of the body still speaks for it.
    run_parsed(
        "fr",
        "role of a body",
        &[
            case(
                "Michel Vasseur, président du Tovel FC, a présenté le projet lundi. Le président du Tovel FC a assuré que le club financera seul le nouveau giratoire.",
                &[],
                Some(&[(
                    "le club financera seul le nouveau giratoire",
                    Some("Michel Vasseur"),
                )]),
            ),
            case(
                "Le club a présenté le projet lundi. Le porte-parole du Tovel FC a assuré que le club financera seul le nouveau giratoire.",
                &[],
                Some(&[(
                    "le club financera seul le nouveau giratoire",
                    Some("Tovel FC"),
                )]),
            ),
        ],
    );
}
