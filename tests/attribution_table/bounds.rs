//! Table tests of where a reported clause starts and ends, and who reports it (issue 12, third
//! round): a sentence closed by a quotation, a participle clause after the verb, the person a
//! verb addresses before the clause, an opinion opener, a name that contains a cue word, a cue
//! word used as a noun, an organisation in apposition, a coordinated clause in the tense of
//! reported speech. Every sentence and name here is invented for the test.

use super::{case, run, run_parsed};

#[test]
fn a_quotation_closing_on_a_full_stop_ends_the_sentence() {
    run(
        "fr",
        "quotation ends the sentence",
        &[case(
            "Le directeur régional, Marc Olivier, a promis : « Nous ferons tout pour rouvrir la ligne avant l'hiver. » Plus de trois cents trains ont été supprimés depuis le début du mois, selon la SNCF.",
            &[("Nous ferons tout pour rouvrir la ligne avant l'hiver.", Some("Marc Olivier"))],
            Some(&[("Plus de trois cents trains ont été supprimés depuis le début du mois", Some("SNCF"))]),
        )],
    );
    run(
        "en",
        "quotation ends the sentence",
        &[case(
            "The regional director, Mark Oliver, promised: “We will do everything to reopen the line before winter.” More than three hundred trains have been cancelled since the start of the month, according to Network Rail.",
            &[("We will do everything to reopen the line before winter.", Some("Mark Oliver"))],
            Some(&[("More than three hundred trains have been cancelled since the start of the month", Some("Network Rail"))]),
        )],
    );
}

#[test]
fn a_participle_after_the_verb_has_its_own_clause() {
    run_parsed(
        "fr",
        "participle clause",
        &[
            case(
                "Aucune interpellation n'a eu lieu pour l'instant, précise la procureure Claire Vasseur, ajoutant que « les analyses se poursuivent ».",
                &[("les analyses se poursuivent", Some("Claire Vasseur"))],
                Some(&[("Aucune interpellation n'a eu lieu pour l'instant", Some("Claire Vasseur"))]),
            ),
            // A colon after the verb introduces the quotation: nothing before it is reported.
            case(
                "Évoquant la visite du ministre à Lyon la semaine dernière, Paul Roy a déclaré : « Nous attendons des actes, pas des promesses. »",
                &[("Nous attendons des actes, pas des promesses.", Some("Paul Roy"))],
                Some(&[]),
            ),
        ],
    );
    run_parsed(
        "en",
        "participle clause",
        &[
            case(
                "No arrest has been made so far, the prosecutor Claire Vasseur said, adding that “the tests are still going on”.",
                &[("the tests are still going on", Some("Claire Vasseur"))],
                Some(&[("No arrest has been made so far", Some("Claire Vasseur"))]),
            ),
            case(
                "Referring to the minister's visit to Leeds last week, Paul Roy said: “We expect action, not promises from London.”",
                &[("We expect action, not promises from London.", Some("Paul Roy"))],
                Some(&[]),
            ),
        ],
    );
}

#[test]
fn the_clause_follows_whom_the_verb_addresses() {
    run_parsed(
        "en",
        "addressee",
        &[
            case(
                "The captain told the families of the missing crew the search would go on through the night.",
                &[],
                Some(&[("the search would go on through the night", None)]),
            ),
            // "urge someone to do": a request, no reported clause.
            case(
                "The mayor, Ann Lowe, visited the families and urged them to stay calm during the night.",
                &[],
                Some(&[]),
            ),
        ],
    );
}

#[test]
fn an_opinion_opener_reports_the_view_of_whom_it_names() {
    run(
        "fr",
        "opinion opener",
        &[
            case(
                "Pour Anne Morel, le projet de tramway arrive beaucoup trop tard pour les habitants du quartier.",
                &[],
                Some(&[("le projet de tramway arrive beaucoup trop tard pour les habitants du quartier", Some("Anne Morel"))]),
            ),
            case(
                "Pour la première fois, le club a remporté trois matchs consécutifs à l'extérieur.",
                &[],
                Some(&[]),
            ),
        ],
    );
}

#[test]
fn a_cue_word_inside_a_name_is_no_cue() {
    run(
        "en",
        "cue word in a name",
        &[case(
            "About forty boats and twelve helicopters from Norway, Denmark, Iceland, Canada and the United States have been involved in the search.",
            &[],
            Some(&[]),
        )],
    );
}

#[test]
fn an_organisation_in_apposition_is_the_speaker() {
    run_parsed(
        "en",
        "organisation in apposition",
        &[case(
            "In its latest report on the housing market, Brightwater Analytics, a consultancy based in Leeds, says prices will fall next year.",
            &[],
            Some(&[("prices will fall next year", Some("Brightwater Analytics"))]),
        )],
    );
    run_parsed(
        "en",
        "organisation in apposition",
        &[case(
            "The group that owns the label, Brightwater Music, says the new album will be released in May.",
            &[],
            Some(&[("the new album will be released in May", Some("Brightwater Music"))]),
        )],
    );
    run(
        "fr",
        "organisation in apposition",
        &[case(
            "Dans son dernier rapport sur le marché du logement, Immobilis Conseil, un cabinet basé à Lille, affirme que les prix baisseront l'an prochain.",
            &[],
            Some(&[("les prix baisseront l'an prochain", Some("Immobilis Conseil"))]),
        )],
    );
}

#[test]
fn reveler_que_reports_a_clause() {
    run(
        "fr",
        "révéler que",
        &[case(
            "L'Agence nationale de l'eau avait révélé en mars que les nappes de la région étaient contaminées.",
            &[],
            Some(&[("les nappes de la région étaient contaminées", Some("Agence nationale de l'eau"))]),
        )],
    );
}

#[test]
fn a_cue_word_the_parse_reads_as_a_noun_is_no_cue() {
    run_parsed(
        "fr",
        "cue word as a noun",
        &[case(
            "Le club compte désormais quatre points d'avance sur son rival, alors que les voisins lyonnais reculent à la sixième place du classement.",
            &[],
            Some(&[]),
        )],
    );
}

#[test]
fn a_clause_of_its_own_after_a_quote_holds_another_speakers_verb() {
    run(
        "fr",
        "subordinate clause after a quote",
        &[case(
            "Le maire, Paul Girard, a défendu « un projet ambitieux pour toute la ville », quand son opposante Marie Lenoir dénonçait un gaspillage.",
            &[("un projet ambitieux pour toute la ville", Some("Paul Girard"))],
            None,
        )],
    );
    run(
        "en",
        "subordinate clause after a quote",
        &[case(
            "Mayor Paul Grant defended “an ambitious plan for the whole city,” while his rival Mary Lane denounced it as a waste.",
            &[("an ambitious plan for the whole city,", Some("Paul Grant"))],
            None,
        )],
    );
}

#[test]
fn a_partial_quote_then_a_connective_and_a_speech_verb_ends_the_clause() {
    run_parsed(
        "fr",
        "partial quote, connective, speech verb",
        &[
            case(
                "La syndicaliste Anne Roux estime que la hausse des loyers « a ruiné les petits commerces » et réclame une aide d'urgence pour les artisans, les cafetiers et les libraires du quartier.",
                &[("a ruiné les petits commerces", Some("Anne Roux"))],
                Some(&[("la hausse des loyers « a ruiné les petits commerces »", Some("Anne Roux"))]),
            ),
            // A bare participle shares the auxiliary of the speech verb.
            case(
                "Le procureur, Paul Girard, a estimé que le gérant avait « trahi ses propres salariés » et demandé deux ans de prison avec sursis ainsi qu'une interdiction de gérer pendant cinq ans.",
                &[("trahi ses propres salariés", Some("Paul Girard"))],
                Some(&[("le gérant avait « trahi ses propres salariés »", Some("Paul Girard"))]),
            ),
        ],
    );
    run_parsed(
        "en",
        "partial quote, connective, speech verb",
        &[
            case(
                "Councillor Tom Hale said the bypass was \"far too late for the town\" and urged the county to reopen the consultation with shopkeepers, parents and bus users before the spring.",
                &[("far too late for the town", Some("Tom Hale"))],
                Some(&[("the bypass was \"far too late for the town\"", Some("Tom Hale"))]),
            ),
            // A backshifted verb goes on with the reported clause.
            case(
                "Councillor Tom Hale said the firm was \"deeply sorry for the delay\" and had spoken to every family.",
                &[("deeply sorry for the delay", Some("Tom Hale"))],
                Some(&[("the firm was \"deeply sorry for the delay\" and had spoken to every family", Some("Tom Hale"))]),
            ),
        ],
    );
}

#[test]
fn a_coordinated_clause_in_the_tense_of_reported_speech_carries_on_the_report() {
    run_parsed(
        "en",
        "run-on report",
        &[
            // "should" after "but" and a subject: still what the ranger said.
            case(
                "Park ranger Ellen Moss said the fire had burned out overnight, but walkers should stay off the ridge trails until Friday.",
                &[],
                Some(&[(
                    "the fire had burned out overnight, but walkers should stay off the ridge trails until Friday",
                    Some("Ellen Moss"),
                )]),
            ),
            // A speech verb after "and" is her next act: the clause stops, without the "and".
            case(
                "Ruth Alder said the station was too small and warned that trains would be cut.",
                &[],
                Some(&[
                    ("the station was too small", Some("Ruth Alder")),
                    ("trains would be cut", Some("Ruth Alder")),
                ]),
            ),
        ],
    );
}

#[test]
fn a_long_apposition_before_the_cue_still_finds_the_person() {
    // The person opens a sentence whose apposition, relative clause and reported clause run
    // over forty tokens before the partial quote.
    run(
        "fr",
        "long apposition",
        &[case(
            "L'historienne Maëlle Corvaire, de l'Institut d'études maritimes de Tovel (IEMT), qui a dirigé l'inventaire des archives portuaires, rappelle que plusieurs centaines de familles de dockers de Tovel, au sud du port, ont été relogées dans les années 1950 et 1960, « souvent sans le moindre préavis ».",
            &[("souvent sans le moindre préavis", Some("Maëlle Corvaire"))],
            None,
        )],
    );
}
