//! Table tests of descriptions standing for a person named before: a description of a role
//! class ("le magistrat" for the presiding judge, "the lawmaker" for a senator), a description
//! by age ("the 45-year-old said"), a party to a trial ("the defendant", « le prévenu »), an
//! unnamed voice of a body described by a noun ("a company spokesperson"), a trade noun standing
//! for the person introduced with it (« le praticien »), and a role listing its portfolios
//! before the name (« le ministre de la Santé, de l'Hygiène … et de …, le Pr X »).
//! Every sentence and name here is invented for the test.

use super::{case, run, run_parsed};

#[test]
fn a_role_class_stands_for_the_person_introduced_with_one_of_its_roles() {
    run(
        "fr",
        "role class",
        &[case(
            "Le procès s'est ouvert lundi à Rennes. Le président du tribunal, Hugo Marchal, a longuement interrogé le prévenu.\n\n« Je ne savais pas ce que je faisais », affirme Karim Benali.\n\n« Comment pouvez-vous dire cela devant les familles des victimes ? », s'étonne le magistrat.",
            &[
                ("Je ne savais pas ce que je faisais", Some("Karim Benali")),
                ("Comment pouvez-vous dire cela devant les familles des victimes ?", Some("Hugo Marchal")),
            ],
            None,
        )],
    );
    run(
        "en",
        "role class",
        &[case(
            "Sen. Laura Finch met the governor on Tuesday to discuss the budget.\n\n\"We will balance the books this year,\" Tom Reyes told reporters after the meeting.\n\n\"We cannot keep spending money we do not have,\" the lawmaker said.",
            &[
                ("We will balance the books this year,", Some("Tom Reyes")),
                ("We cannot keep spending money we do not have,", Some("Laura Finch")),
            ],
            None,
        )],
    );
}

#[test]
fn a_description_by_age_stands_for_the_person_named_before() {
    run(
        "en",
        "age",
        &[case(
            "David Miller's lawyers filed an appeal against the verdict on Monday.\n\nThe hearing is expected to take place in the spring.\n\nThe 45-year-old said after the ruling: \"I have done nothing wrong and I will prove it.\"",
            &[(
                "I have done nothing wrong and I will prove it.",
                Some("David Miller"),
            )],
            None,
        ),
        case(
            "Paul Turner's family thanked the rescuers on Sunday.\n\nThe search had lasted three days.\n\n\"I owe them my life,\" said the 62-year-old.",
            &[("I owe them my life,", Some("Paul Turner"))],
            None,
        )],
    );
}

#[test]
fn an_organisation_named_after_its_noun_is_the_subject_a_description_stands_for() {
    run(
        "fr",
        "org after its noun",
        &[case(
            "Le groupe Renault a confirmé mardi la fermeture de son usine de Flins. « Cette décision est douloureuse mais nécessaire », a indiqué le constructeur dans un communiqué.",
            &[(
                "Cette décision est douloureuse mais nécessaire",
                Some("Renault"),
            )],
            None,
        )],
    );
    run(
        "en",
        "org after its noun",
        &[case(
            "The carrier Ryanair confirmed on Tuesday that it would close its base in Bremen. \"This decision is painful but necessary,\" the airline said in a statement.",
            &[("This decision is painful but necessary,", Some("Ryanair"))],
            None,
        )],
    );
}

#[test]
fn the_voice_of_a_body_named_before_it_speaks_for_the_body() {
    run(
        "en",
        "voice of a named body",
        &[case(
            "The Coastal Energy Regulator (CER) must approve the sale. A CER spokeswoman said the application would be reviewed in public.",
            &[],
            Some(&[(
                "the application would be reviewed in public",
                Some("Coastal Energy Regulator"),
            )]),
        )],
    );
}

#[test]
fn an_indefinite_subject_after_a_sentence_opening_on_a_body_speaks_for_it() {
    run(
        "fr",
        "on after a body opener",
        &[
            case(
                "La fermeture a été annoncée lundi. Chez Renault, on assure que la décision était devenue inévitable. En Bretagne, on estime que le prix est trop élevé.",
                &[],
                Some(&[
                    ("la décision était devenue inévitable", Some("Renault")),
                    ("le prix est trop élevé", None),
                ]),
            ),
            // A place after the body, in apposition or glued to it, and « Côté » as the opener.
            case(
                "Les contrôles vont changer. Au ministère du Travail, à Sarne, on indique que les visites seront doublées. Côté Tovelia Énergie, on assure que les coupures resteront brèves. Du côté de l'Agence régionale de santé (ARS) Marlby, on affirme que la situation est maîtrisée.",
                &[],
                Some(&[
                    ("les visites seront doublées", Some("ministère du Travail")),
                    ("les coupures resteront brèves", Some("Tovelia Énergie")),
                    ("la situation est maîtrisée", Some("Agence régionale de santé")),
                ]),
            ),
        ],
    );
}

#[test]
fn a_body_described_with_a_complement_that_names_nothing_is_the_body_named_before() {
    run_parsed(
        "fr",
        "société d'État",
        &[case(
            "Plus de 400 000 abonnés de l’entreprise Hydro-Lac étaient privés d’électricité mardi soir. La société d’État affirme que le courant reviendra vendredi.",
            &[],
            Some(&[("le courant reviendra vendredi", Some("Hydro-Lac"))]),
        )],
    );
}

#[test]
fn a_demonstrative_opening_the_sentence_describes_someone_named_before() {
    run(
        "fr",
        "demonstrative description before a colon",
        &[case(
            "Son voisin de palier, Marc Tissier, a sorti la vieille dame de chez elle. Ce chauffeur de 52 ans explique avoir entendu l'alarme en pleine nuit : « Je suis monté tout de suite, le couloir était noir de fumée. »",
            &[(
                "Je suis monté tout de suite, le couloir était noir de fumée.",
                Some("Marc Tissier"),
            )],
            None,
        )],
    );
}

#[test]
fn a_place_in_the_complement_of_a_description_is_not_the_subject() {
    run(
        "fr",
        "place closing a description",
        &[case(
            "Nadia Forget habite près de l'école depuis dix ans. « Il faut agir vite », a-t-elle déploré. La riveraine de la rue Martel estime que la présence policière est un bon début.",
            &[("Il faut agir vite", Some("Nadia Forget"))],
            Some(&[(
                "la présence policière est un bon début",
                Some("Nadia Forget"),
            )]),
        )],
    );
}

#[test]
fn a_party_to_a_trial_is_the_person_the_report_gave_an_age() {
    run(
        "fr",
        "party",
        &[case(
            "Mardi, Paul Verdier, 47 ans, comparaissait devant le tribunal correctionnel.\n\nLa présidente, Anne Roussel, a rappelé les faits.\n\nMe Luc Fabre a plaidé la relaxe pour son client.\n\nLe prévenu a assuré n'avoir « jamais touché à cet argent ».",
            &[("jamais touché à cet argent", Some("Paul Verdier"))],
            None,
        )],
    );
    run(
        "en",
        "party",
        &[case(
            "Dana Whitlock, 52, of Tarrow, appeared in court on Monday. Judge Ann Roy read the charges. Her lawyer, Tom Reed, asked for bail. The defendant told the court she was \"deeply sorry for what happened\".",
            &[("deeply sorry for what happened", Some("Dana Whitlock"))],
            None,
        )],
    );
}

#[test]
fn an_unnamed_voice_of_a_described_body_speaks_for_the_body() {
    run(
        "en",
        "voice",
        &[case(
            "Brenvale Logistics Ltd denied the claims on Monday.\n\n\"We have always paid our drivers on time,\" a company spokesperson said.",
            &[("We have always paid our drivers on time,", Some("Brenvale Logistics Ltd"))],
            None,
        )],
    );
}

#[test]
fn a_role_listing_its_portfolios_before_the_name_describes_the_person() {
    run(
        "fr",
        "portfolio list",
        &[case(
            "Le ministre de la Santé, de l'Hygiène publique et de l'Accès universel aux soins, le Pr Komla Adjévi, a lancé samedi à Tsévié la campagne, en présence du préfet, le colonel Yao Dzidzor.\n\nDans son discours, le ministre a rappelé : « La maladie recule dans toutes les régions du pays. »",
            &[("La maladie recule dans toutes les régions du pays.", Some("Komla Adjévi"))],
            None,
        )],
    );
}

#[test]
fn a_trade_noun_stands_for_the_person_introduced_with_it() {
    run(
        "fr",
        "trade noun",
        &[case(
            "La maison de santé de Tovel manque de bras. « Nous refusons des patients chaque semaine », explique Paul Vernier, médecin généraliste installé depuis vingt ans. Le praticien estime que deux départs à la retraite suffiraient à fermer le cabinet.\n\nAnna Leroux, épidémiologiste à l'institut régional, suit les chiffres de près. L'épidémiologiste a rappelé que la grippe arrivait tôt cette année.",
            &[("Nous refusons des patients chaque semaine", Some("Paul Vernier"))],
            Some(&[
                ("deux départs à la retraite suffiraient à fermer le cabinet", Some("Paul Vernier")),
                ("la grippe arrivait tôt cette année", Some("Anna Leroux")),
            ]),
        )],
    );
}

#[test]
fn a_trade_in_apposition_after_an_age_describes_the_person() {
    // "Name, 58, an economist": the age between the name and the trade does not hide it.
    run(
        "en",
        "trade after an age",
        &[case(
            "Ruth Calder-Vane, 61, a hydrologist who moved to Leeds from York in 2015, had warned the council for years.\n\n\"Nobody wanted to hear it,\" the veteran hydrologist told reporters on Friday.",
            &[("Nobody wanted to hear it,", Some("Ruth Calder-Vane"))],
            None,
        )],
    );
}

#[test]
fn an_expert_named_by_their_trade_is_described_by_it() {
    run(
        "fr",
        "trade of an expert",
        &[case(
            "La climatologue Anne Marlière a présenté son rapport jeudi à Tovel. La maire, Claire Sarnet, a remercié l'assemblée.\n\n« Les étés seront plus secs et plus longs », a prévenu la climatologue.",
            &[("Les étés seront plus secs et plus longs", Some("Anne Marlière"))],
            None,
        )],
    );
}

#[test]
fn a_service_or_a_laboratory_speaks_for_the_body_named_before() {
    run(
        "fr",
        "body described by its kind",
        &[
            case(
                "Tovel Prévisions a publié une alerte orange mardi. Le service indique que les rafales ont dépassé 110 km/h sur la côte.",
                &[],
                Some(&[("les rafales ont dépassé 110 km/h sur la côte", Some("Tovel Prévisions"))]),
            ),
            case(
                "Les Laboratoires Marlieu rappellent trois lots de sirop. Le laboratoire affirme que le défaut touche moins de mille flacons.",
                &[],
                Some(&[("le défaut touche moins de mille flacons", Some("Laboratoires Marlieu"))]),
            ),
        ],
    );
}

#[test]
fn a_name_between_commas_before_the_verb_speaks_for_its_role() {
    run_parsed(
        "fr",
        "name in apposition before the verb",
        &[case(
            "Le président de Tovel Agglomération, Gilles Marnier, a indiqué avoir pris contact avec la direction dès mercredi.",
            &[],
            Some(&[("avoir pris contact avec la direction dès mercredi", Some("Gilles Marnier"))]),
        )],
    );
    run_parsed(
        "en",
        "name in apposition before the verb",
        &[case(
            "The regional director of Tovel Roads, Craig Marlow, said crews had counted 37 washouts between Sarne and Dunmere.",
            &[],
            Some(&[("crews had counted 37 washouts between Sarne and Dunmere", Some("Craig Marlow"))]),
        )],
    );
}

#[test]
fn an_ngo_or_a_regulator_speaks_for_the_body_named_before() {
    run(
        "fr",
        "body described by its kind",
        &[
            case(
                "Tovel Solidarité distribue des repas depuis mars. Dans un communiqué, l'ONG a regretté que aucune aide n'ait été prévue pour l'hiver.",
                &[],
                Some(&[("aucune aide n'ait été prévue pour l'hiver", Some("Tovel Solidarité"))]),
            ),
            case(
                "L'Autorité marlienne des marchés suit l'affaire. Le régulateur a indiqué qu'il prendrait les mesures nécessaires.",
                &[],
                Some(&[("il prendrait les mesures nécessaires", Some("Autorité marlienne des marchés"))]),
            ),
        ],
    );
}

#[test]
fn an_officer_is_described_by_his_rank_and_a_magistrate_by_her_office() {
    run(
        "fr",
        "officer and magistrate",
        &[
            case(
                "Le commandant Paul Marnier dirigeait les opérations. Le maire, Jean Sarnet, est arrivé sur place vers minuit.\n\nL'officier explique que la priorité a été de protéger la maison voisine.",
                &[],
                Some(&[("la priorité a été de protéger la maison voisine", Some("Paul Marnier"))]),
            ),
            case(
                "La substitute du procureur, Claire Tovel, a requis deux ans de prison. Une voisine, Anne Sarnet, était venue soutenir les victimes.\n\nDans ses réquisitions, la magistrate a souligné que les victimes vivaient seules.",
                &[],
                Some(&[("les victimes vivaient seules", Some("Claire Tovel"))]),
            ),
        ],
    );
}

#[test]
fn a_party_and_the_portfolio_before_a_critics_name_are_not_the_speaker() {
    run(
        "en",
        "party, portfolio and role before the name",
        &[case(
            "Tovel Party health critic Ann Marle called the figures “a failure of planning from the very start.”",
            &[("a failure of planning from the very start.", Some("Ann Marle"))],
            None,
        )],
    );
}

#[test]
fn a_group_of_a_bodys_unnamed_members_speaks_for_the_body() {
    run(
        "en",
        "members",
        &[
            case(
                "The Marlby Transit Authority cut four bus routes in May. MTA officials said that ridership had fallen by a third since 2022.",
                &[],
                Some(&[("ridership had fallen by a third since 2022", Some("Marlby Transit Authority"))]),
            ),
            case(
                "Kervalan Mining lost its appeal on Friday. Kervalan Mining's lawyers argued that the permit had been valid all along.",
                &[],
                Some(&[("the permit had been valid all along", Some("Kervalan Mining"))]),
            ),
        ],
    );
    run(
        "fr",
        "members",
        &[
            case(
                "La brigade de recherches de Sarne a démantelé un réseau de voleurs de tracteurs. Selon les enquêteurs de la brigade de recherches de Sarne, qui suivaient la bande depuis l'été, le butin dépasse un million d'euros.",
                &[],
                Some(&[("le butin dépasse un million d'euros", Some("brigade de recherches de Sarne"))]),
            ),
            case(
                "L'Office tovelien des forêts surveille le massif depuis mai. Les agents de l'Office tovelien des forêts (OTF) ont constaté que les hêtres étaient malades.",
                &[],
                Some(&[("les hêtres étaient malades", Some("Office tovelien des forêts"))]),
            ),
        ],
    );
}

#[test]
fn a_short_form_or_a_party_in_brackets_after_the_subjects_name_leaves_it_the_subject() {
    run(
        "fr",
        "brackets",
        &[
            case(
                "Les nappes phréatiques baissent. Contacté, le Service tovelien des eaux (STE) explique que les puits seront contrôlés en juin.",
                &[],
                Some(&[("les puits seront contrôlés en juin", Some("Service tovelien des eaux"))]),
            ),
            case(
                "La loi a été votée mardi. Le sénateur Marc Tovel (PRT) jugeait dès lundi que la loi était injuste.",
                &[],
                Some(&[("la loi était injuste", Some("Marc Tovel"))]),
            ),
        ],
    );
}

#[test]
fn a_scientist_a_senior_official_and_a_ranked_prosecutor_are_described_by_their_class() {
    run_parsed(
        "fr",
        "role classes",
        &[
            case(
                "Les truites se font rares dans la Marle. À l'institut, la biologiste Anne Sarne compte les poissons chaque automne. « La rivière se réchauffe », explique-t-elle. La scientifique précise que les frayères ont reculé de moitié.",
                &[("La rivière se réchauffe", Some("Anne Sarne"))],
                Some(&[("les frayères ont reculé de moitié", Some("Anne Sarne"))]),
            ),
            case(
                "Le pont de Sarne est fermé. Le directeur de l'office cantonal des routes, Luc Kervalan, a présenté le chantier aux riverains et à la presse. Le haut fonctionnaire a assuré que le pont rouvrirait en mai.",
                &[],
                Some(&[("le pont rouvrirait en mai", Some("Luc Kervalan"))]),
            ),
            case(
                "Le procès s'est tenu lundi. Le vice-procureur Marc Tovel a requis cinq ans contre Paul Marlby, qui a nié les faits. Le magistrat a rappelé que trois vols avaient été commis en un mois.",
                &[],
                Some(&[("trois vols avaient été commis en un mois", Some("Marc Tovel"))]),
            ),
        ],
    );
}

#[test]
fn a_compound_rank_a_bar_leader_and_a_prize_winner_are_described_by_their_role() {
    run_parsed(
        "fr",
        "ranks and roles",
        &[
            case(
                "Un incendie a ravagé la scierie de Sarne dans la nuit. Trois ouvriers ont été soignés sur place, a indiqué le lieutenant-colonel Paul Tovel, chef du groupement.",
                &[],
                Some(&[("Trois ouvriers ont été soignés sur place", Some("Paul Tovel"))]),
            ),
            case(
                "La grève des avocats continue. Me Hélène Kervalan, bâtonnière du barreau de Marlby, a reçu les greffiers mardi avec la greffière en chef Anne Sarne. « Nous ne céderons pas », a prévenu la bâtonnière.",
                &[("Nous ne céderons pas", Some("Hélène Kervalan"))],
                Some(&[]),
            ),
            case(
                "La lauréate du prix de Sarne, Léa Tovel, a été applaudie samedi par la présidente du jury, Anne Marlby. « Je ne m'y attendais pas du tout », a confié la lauréate.",
                &[("Je ne m'y attendais pas du tout", Some("Léa Tovel"))],
                Some(&[]),
            ),
        ],
    );
}
