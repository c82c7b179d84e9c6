//! What cleaning does to a span, seen through the entities it gives.

use super::tests::{names, run};
use crate::enrich::profile::Lang;
use crate::enrich::types::EntityType::{Location as L, Misc, Organization as O, Person as P};

#[test]
fn a_span_across_a_dateline_dash_or_a_paragraph_is_two_names() {
    let t = "Madrid - Getafe a signé un accord.";
    let es = run(Lang::Fr, t, &[("Madrid - Getafe", "LOC")]);
    let n = names(&es);
    assert!(n.iter().any(|(x, _)| x == "Madrid"), "{n:?}");
    assert!(n.iter().any(|(x, _)| x == "Getafe"), "{n:?}");
    let t = "Ils ont voyagé en Norvège.\n\nUne semaine plus tard, ils sont rentrés.";
    let es = run(Lang::Fr, t, &[("Norvège.\n\nUne", "LOC")]);
    assert_eq!(names(&es), [("Norvège".to_string(), L)]);
    let t = "Hier, Hull City 2-1 a tout changé.";
    let es = run(Lang::Fr, t, &[("Hull City 2-1", "ORG")]);
    assert_eq!(names(&es), [("Hull City".to_string(), O)]);
    // An initial's period is no sentence end.
    let t = "He works for J. Crew Group now.";
    let es = run(Lang::En, t, &[("J. Crew Group", "ORG")]);
    assert_eq!(names(&es), [("J. Crew Group".to_string(), O)]);
}

#[test]
fn compound_demonyms_are_no_entities() {
    let t = "Le Franco-Algérien de 40 ans a été entendu, comme l'Italo-Argentin arrêté à Lyon.";
    let es = run(
        Lang::Fr,
        t,
        &[
            ("Franco-Algérien", "LOC"),
            ("Italo-Argentin", "LOC"),
            ("Lyon", "LOC"),
        ],
    );
    assert_eq!(names(&es), [("Lyon".to_string(), L)]);
    let t = "The Anglo-Irish agreement was signed by Anglo American executives.";
    let es = run(
        Lang::En,
        t,
        &[("Anglo-Irish", "NORP"), ("Anglo American", "ORG")],
    );
    assert_eq!(names(&es), [("Anglo American".to_string(), O)]);
}

#[test]
fn a_law_named_by_its_head_word_is_no_organisation() {
    let t = "Senators debated the Clean Rivers Bill, which Bill Norton opposed.";
    let es = run(
        Lang::En,
        t,
        &[("Clean Rivers Bill", "ORG"), ("Bill Norton", "PERSON")],
    );
    let n = names(&es);
    assert!(
        n.contains(&("Clean Rivers Bill".to_string(), Misc)),
        "{n:?}"
    );
    assert!(
        n.iter().any(|(x, t)| x == "Bill Norton" && *t != Misc),
        "{n:?}"
    );
    let t = "Le Pacte de sécurité régionale a été signé par l'Union africaine.";
    let es = run(
        Lang::Fr,
        t,
        &[
            ("Pacte de sécurité régionale", "ORG"),
            ("Union africaine", "ORG"),
        ],
    );
    let n = names(&es);
    assert!(
        n.contains(&("Pacte de sécurité régionale".to_string(), Misc)),
        "{n:?}"
    );
}

#[test]
fn capitalised_common_nouns_alone_are_no_entities() {
    let t = "The Government said the Treasury would act.";
    let es = run(Lang::En, t, &[("Government", "ORG"), ("Treasury", "ORG")]);
    assert_eq!(names(&es), [("Treasury".to_string(), O)]);
    let t = "La Ville a constaté que la société, cotée en Bourse, avait quitté Lyon.";
    let es = run(
        Lang::Fr,
        t,
        &[("Ville", "ORG"), ("Bourse", "LOC"), ("Lyon", "LOC")],
    );
    assert_eq!(names(&es), [("Lyon".to_string(), L)]);
}

#[test]
fn an_organisation_head_cut_before_its_lower_case_complement_keeps_it() {
    let t = "Le Conseil des ministres a adopté le texte, que la Cour des comptes jugeait coûteux.";
    let es = run(Lang::Fr, t, &[("Conseil", "ORG"), ("Cour", "ORG")]);
    let n = names(&es);
    assert!(
        n.contains(&("Conseil des ministres".to_string(), O)),
        "{n:?}"
    );
    assert!(n.contains(&("Cour des comptes".to_string(), O)), "{n:?}");
    let t = "Le Parti de l'innovation a perdu deux sièges.";
    let es = run(Lang::Fr, t, &[("Parti", "ORG")]);
    assert_eq!(names(&es), [("Parti de l'innovation".to_string(), O)]);
    // An adverbial phrase or a determiner after "de" is the sentence, not the name; nor is a
    // complement after a name that does not end on an organisation head.
    let t = "Le Sénat de nouveau saisi, la Commission de toute façon divisée, Lyon de loin.";
    let es = run(
        Lang::Fr,
        t,
        &[("Sénat", "ORG"), ("Commission", "ORG"), ("Lyon", "LOC")],
    );
    let n = names(&es);
    assert!(n.contains(&("Sénat".to_string(), O)), "{n:?}");
    assert!(n.contains(&("Commission".to_string(), O)), "{n:?}");
    assert!(n.contains(&("Lyon".to_string(), L)), "{n:?}");
}

#[test]
fn times_and_amounts_the_model_found_are_no_entities() {
    let t = "In the winter the Harbor Trust spent 40 percent of $2 million by 9 p.m.";
    let es = run(
        Lang::En,
        t,
        &[
            ("the winter", "DATE"),
            ("Harbor Trust", "ORG"),
            ("40 percent", "PERCENT"),
            ("$2 million", "MONEY"),
            ("9 p.m.", "TIME"),
        ],
    );
    assert_eq!(names(&es), [("Harbor Trust".to_string(), O)]);
}

#[test]
fn a_name_cut_at_an_elided_complement_is_joined_to_what_follows() {
    let t = "Il dirige le Centre hospitalier d'Annecy depuis mars.";
    let es = run(
        Lang::Fr,
        t,
        &[("Centre hospitalier d'", "ORG"), ("Annecy", "LOC")],
    );
    assert_eq!(names(&es), [("Centre hospitalier d'Annecy".to_string(), O)]);
    let t = "Elle a visité le Musée de l’Oise hier.";
    let es = run(Lang::Fr, t, &[("Musée de l’", "ORG"), ("Oise", "LOC")]);
    assert_eq!(names(&es), [("Musée de l’Oise".to_string(), O)]);
    // A name and another after "d'" in the sentence stay two.
    let t = "Le maire de Lyon parle d'Annecy.";
    let es = run(Lang::Fr, t, &[("Lyon", "LOC"), ("Annecy", "LOC")]);
    assert_eq!(es.len(), 2);
}

#[test]
fn a_demonym_before_an_organisation_named_by_its_head_is_part_of_it() {
    let t = "A Norwegian Health Ministry spokesman declined to comment.";
    let es = run(
        Lang::En,
        t,
        &[("Norwegian", "NORP"), ("Health Ministry", "ORG")],
    );
    assert_eq!(names(&es), [("Norwegian Health Ministry".to_string(), O)]);
    // Not before a name without an organisation head.
    let t = "Several Norwegian Acme engineers left.";
    let es = run(Lang::En, t, &[("Norwegian", "NORP"), ("Acme", "ORG")]);
    assert_eq!(names(&es), [("Acme".to_string(), O)]);
}

#[test]
fn an_initial_keeps_its_period() {
    let t = "Le prévenu, Karim B. a été entendu. Karim B. nie tout.";
    let es = run(Lang::Fr, t, &[("Karim B", "PER"), ("Karim B.", "PER")]);
    let n = names(&es);
    assert_eq!(n.len(), 1, "{n:?}");
    assert_eq!(n[0].0, "Karim B.");
}

#[test]
fn press_notes_and_medical_abbreviations_are_no_entities() {
    let t = "Le site (propriété de l'Etat, NDLR) a fermé après une IRM.";
    let es = run(Lang::Fr, t, &[("NDLR", "ORG"), ("IRM", "ORG")]);
    assert!(es.is_empty(), "{:?}", names(&es));
    let t = "The police found DNA evidence after an MRI scan.";
    let es = run(Lang::En, t, &[("DNA", "ORG"), ("MRI", "ORG")]);
    assert!(es.is_empty(), "{:?}", names(&es));
}

#[test]
fn words_at_the_edge_of_a_title_an_article_opens_are_no_names() {
    let t = "Ils ont vendu des bocaux à la « Fête des Lilas et du Printemps » à Lyon.";
    let es = run(Lang::Fr, t, &[("Printemps", "ORG"), ("Lyon", "LOC")]);
    assert_eq!(names(&es), [("Lyon".to_string(), L)]);
    let t = "Thousands came to the \"Festival of Light and Sound\" in Leeds.";
    let es = run(Lang::En, t, &[("Festival", "ORG"), ("Leeds", "GPE")]);
    assert_eq!(names(&es), [("Leeds".to_string(), L)]);
    // Quoted speech is no title: its names stay.
    let t = "Il a dit : « Lyon mérite mieux ».";
    let es = run(Lang::Fr, t, &[("Lyon", "LOC")]);
    assert_eq!(names(&es), [("Lyon".to_string(), L)]);
}

#[test]
fn a_person_opened_by_a_capitalised_article_is_a_title() {
    let t = "She hosted the show The Morning Crew for years with Ann Lee.";
    let es = run(
        Lang::En,
        t,
        &[("The Morning Crew", "PERSON"), ("Ann Lee", "PERSON")],
    );
    let n = names(&es);
    assert!(
        n.contains(&(
            "Ann Lee".to_string(),
            crate::enrich::types::EntityType::Person
        )),
        "{n:?}"
    );
    assert!(
        !n.iter()
            .any(|(x, ty)| x == "The Morning Crew"
                && *ty == crate::enrich::types::EntityType::Person),
        "{n:?}"
    );
    // Two words: a surname with its particle.
    let t = "Hier, Le Pen a parlé.";
    let es = run(Lang::Fr, t, &[("Le Pen", "PER")]);
    assert_eq!(
        names(&es),
        [(
            "Le Pen".to_string(),
            crate::enrich::types::EntityType::Person
        )]
    );
}

#[test]
fn a_title_near_the_end_of_a_long_text_is_read_safely() {
    // The look-ahead window ends inside a multi-byte mark.
    let pad = "x".repeat(90);
    let t = format!("He saw the “Star Wars” film.{pad}”");
    let es = run(Lang::En, &t, &[("Star Wars", "WORK_OF_ART")]);
    assert!(es.iter().all(|e| e.name != "Wars"));
}

#[test]
fn a_partial_quote_an_article_opens_keeps_its_names() {
    let t = "Il veut que le « nouveau ministre siège lundi au Conseil des ministres ».";
    let es = run(Lang::Fr, t, &[("Conseil des ministres", "ORG")]);
    assert_eq!(names(&es), [("Conseil des ministres".to_string(), O)]);
}

#[test]
fn a_possessor_named_alone_elsewhere_is_split_from_the_name_it_owns() {
    let t = "The bill reached the Senate. The Senate's Standing Committee on Finance objected.";
    let es = run(
        Lang::En,
        t,
        &[
            ("Senate", "ORG"),
            ("Senate's Standing Committee on Finance", "ORG"),
        ],
    );
    let n = names(&es);
    assert!(n.contains(&("Senate".to_string(), O)), "{n:?}");
    assert!(
        n.contains(&("Standing Committee on Finance".to_string(), O)),
        "{n:?}"
    );
    // A possessive that is part of the name: its owner never stands alone.
    let t = "Nurses at Children's Hospital Medical Center walked out.";
    let es = run(
        Lang::En,
        t,
        &[("Children's Hospital Medical Center", "ORG")],
    );
    assert_eq!(
        names(&es),
        [("Children's Hospital Medical Center".to_string(), O)]
    );
}

#[test]
fn a_number_after_a_bare_head_noun_is_the_name_s() {
    let t = "Le Mouvement 7 collines a gagné, comme Acme 2 millions d'euros.";
    let es = run(
        Lang::Fr,
        t,
        &[("Mouvement 7 collines", "ORG"), ("Acme 2 millions", "ORG")],
    );
    let n = names(&es);
    assert!(
        n.contains(&("Mouvement 7 collines".to_string(), O)),
        "{n:?}"
    );
    assert!(n.contains(&("Acme".to_string(), O)), "{n:?}");
}

#[test]
fn a_name_glued_after_a_lower_case_prefix_is_a_piece_of_a_common_word() {
    let t = "On dit qu'outre-Manche les ventes ont chuté, selon Berlin et la Seine-et-Marne.";
    let es = run(
        Lang::Fr,
        t,
        &[
            ("Manche", "LOC"),
            ("Berlin", "LOC"),
            ("Seine-et-Marne", "LOC"),
        ],
    );
    assert_eq!(
        names(&es),
        [("Berlin".to_string(), L), ("Seine-et-Marne".to_string(), L)]
    );
    let t = "An anti-Kremlin rally was held in Tallinn.";
    let es = run(Lang::En, t, &[("Kremlin", "ORG"), ("Tallinn", "GPE")]);
    assert_eq!(names(&es), [("Tallinn".to_string(), L)]);
}

#[test]
fn an_organisation_s_head_noun_alone_goes_to_the_one_named_first() {
    let t = "La Commission régionale a parlé. La Commission des sages a voté. Puis la Commission a confirmé.";
    let es = run(
        Lang::Fr,
        t,
        &[
            ("Commission régionale", "ORG"),
            ("Commission des sages", "ORG"),
            ("Commission", "ORG"),
        ],
    );
    assert_eq!(es.len(), 2, "{:?}", names(&es));
    assert_eq!(es[0].name, "Commission régionale");
    assert_eq!(es[0].mentions.len(), 2);
}

#[test]
fn a_body_named_after_its_leader_is_the_body_and_a_person() {
    let t = "La Commission européenne a tranché. La Commission Dunord a présenté son budget.";
    let es = run(
        Lang::Fr,
        t,
        &[
            ("Commission européenne", "ORG"),
            ("Commission Dunord", "ORG"),
        ],
    );
    let n = names(&es);
    assert!(n.contains(&("Dunord".to_string(), P)), "{n:?}");
    assert!(
        !n.iter().any(|(name, _)| name == "Commission Dunord"),
        "{n:?}"
    );
    // A capitalised adjective or a place word after the noun is part of the name.
    let t = "La Commission Européenne a tranché.";
    let es = run(Lang::Fr, t, &[("Commission Européenne", "ORG")]);
    assert_eq!(names(&es), [("Commission Européenne".to_string(), O)]);
}

#[test]
fn a_speech_verb_inverted_before_a_name_is_no_part_of_it() {
    let t = "The vote was close. Replied Ada Lind: \"We will try again next year.\"";
    let es = run(Lang::En, t, &[("Replied Ada Lind", "PERSON")]);
    assert_eq!(names(&es), [("Ada Lind".to_string(), P)]);
    let t = "Le vote a été serré. Répond Ada Lind : « Nous recommencerons l'an prochain. »";
    let es = run(Lang::Fr, t, &[("Répond Ada Lind", "PER")]);
    assert_eq!(names(&es), [("Ada Lind".to_string(), P)]);
    // Inside a sentence the word may be a first name.
    let t = "The prize went to Said Kandar on Monday.";
    let es = run(Lang::En, t, &[("Said Kandar", "PERSON")]);
    assert_eq!(names(&es), [("Said Kandar".to_string(), P)]);
}

#[test]
fn names_coordinated_before_a_singular_noun_of_one_thing_are_one_name() {
    let t = "The jury left.\n\nThe Harbor and Gazette newspaper reported the verdict.";
    let es = run(Lang::En, t, &[("Harbor", "ORG"), ("Gazette", "ORG")]);
    assert_eq!(names(&es), [("Harbor and Gazette".to_string(), O)]);
    // Two families, two persons; two countries without a singular noun after them.
    let t = "The Lind and Vale families met. The Norway and Sweden talks ended.";
    let es = run(
        Lang::En,
        t,
        &[
            ("Lind", "PERSON"),
            ("Vale", "PERSON"),
            ("Norway", "GPE"),
            ("Sweden", "GPE"),
        ],
    );
    assert_eq!(es.len(), 4, "{:?}", names(&es));
}

#[test]
fn hashtags_are_no_names() {
    let t = "#HarborStrong trended after Lina Moss spoke in Leeds.";
    let es = run(
        Lang::En,
        t,
        &[
            ("HarborStrong", "ORG"),
            ("Lina Moss", "PERSON"),
            ("Leeds", "GPE"),
        ],
    );
    assert_eq!(
        names(&es),
        [("Lina Moss".to_string(), P), ("Leeds".to_string(), L)]
    );
}

#[test]
fn an_organisation_cut_before_the_place_it_serves_is_joined_to_it() {
    let t = "Lawyers from the Office for the Northern District of Ohio filed the case.";
    let es = run(
        Lang::En,
        t,
        &[
            ("Office for the Northern District of", "ORG"),
            ("Ohio", "GPE"),
        ],
    );
    assert_eq!(
        names(&es),
        [("Office for the Northern District of Ohio".to_string(), O)]
    );
}

#[test]
fn a_building_run_into_its_street_is_two_names_and_no_name_ends_on_on() {
    let t = "Families gathered at the Corn Exchange on Market Street, then at the Harbour Hotel on Friday.";
    let es = run(
        Lang::En,
        t,
        &[
            ("Corn Exchange on Market Street", "FAC"),
            ("Harbour Hotel on", "FAC"),
        ],
    );
    let n = names(&es);
    for want in ["Corn Exchange", "Market Street", "Harbour Hotel"] {
        assert!(n.iter().any(|(x, _)| x == want), "{want}: {n:?}");
    }
    assert_eq!(n.len(), 3, "{n:?}");
    // Not a town's name with "on" in it, whose last word is no street's.
    let t = "She grew up in Walton on Thames.";
    let es = run(Lang::En, t, &[("Walton on Thames", "GPE")]);
    assert_eq!(names(&es), [("Walton on Thames".to_string(), L)]);
}

#[test]
fn letters_after_a_person_s_name_are_not_the_name() {
    let t = "Defending, Simon Garrow KC thanked Tom Hart MP and Dame Eve Cole DBE.";
    let es = run(
        Lang::En,
        t,
        &[
            ("Simon Garrow KC", "PERSON"),
            ("Tom Hart", "PERSON"),
            ("Eve Cole DBE", "PERSON"),
        ],
    );
    assert_eq!(
        names(&es),
        [
            ("Simon Garrow".to_string(), P),
            ("Tom Hart".to_string(), P),
            ("Eve Cole".to_string(), P)
        ]
    );
}

#[test]
fn a_given_name_before_a_lone_word_the_model_typed_otherwise_makes_a_person() {
    let t = "For Ruth Kimber, who farms outside the town, it is the third flood. Kimber moved her sheep.";
    let es = run(Lang::En, t, &[("Kimber", "ORG"), ("Kimber", "ORG")]);
    assert_eq!(names(&es), [("Ruth Kimber".to_string(), P)]);
    // Not before a place's head word.
    let t = "They walked along Jordan Valley.";
    let es = run(Lang::En, t, &[("Valley", "LOC")]);
    assert!(
        names(&es).iter().all(|(x, _)| x != "Jordan Valley"),
        "{:?}",
        names(&es)
    );
}

#[test]
fn a_national_before_a_person_s_full_name_is_no_part_of_it() {
    // The model may run the national into the name and type the whole a place.
    let t = "L'envoyée spéciale, la Sénégalaise Fatou Ndiaye, a salué l'accord.";
    let es = run(Lang::Fr, t, &[("Sénégalaise Fatou Ndiaye", "LOC")]);
    assert_eq!(names(&es), [("Fatou Ndiaye".to_string(), P)]);
}

#[test]
fn a_name_cut_before_its_lower_case_words_is_what_its_acronym_spells() {
    let t = "L'Office national des forêts de montagne (ONFM) a fermé la route. L'ONFM surveille.";
    let es = run(Lang::Fr, t, &[("Office national", "ORG"), ("ONFM", "ORG")]);
    assert_eq!(
        names(&es),
        [("Office national des forêts de montagne".to_string(), O)]
    );
    // A tail after the acronym is the name's own.
    let t = "L'Agence régionale de santé de Bretagne (ARS de Bretagne) a répondu.";
    let es = run(
        Lang::Fr,
        t,
        &[("Agence régionale", "ORG"), ("Bretagne", "LOC")],
    );
    let n = names(&es);
    assert!(
        n.iter()
            .any(|(x, _)| x == "Agence régionale de santé de Bretagne"),
        "{n:?}"
    );
    // Nothing spelled: the name stays as found.
    let t = "Le Conseil général des mines (CNRS) a tranché.";
    let es = run(Lang::Fr, t, &[("Conseil général", "ORG")]);
    assert_eq!(names(&es)[0].0, "Conseil général");
}

#[test]
fn a_person_s_hyphenated_surname_cut_at_the_hyphen_is_whole() {
    let t = "The chief executive, Dana Ruiz-Molina, said the test failed. Ruiz-Molina was calm.";
    let es = run(
        Lang::En,
        t,
        &[("Dana Ruiz", "PERSON"), ("Ruiz-Molina", "ORG")],
    );
    assert_eq!(names(&es)[0], ("Dana Ruiz-Molina".to_string(), P));
    // Two places joined by a hyphen stay apart.
    let t = "The China-Pakistan corridor opened.";
    let es = run(Lang::En, t, &[("China", "GPE")]);
    assert_eq!(names(&es), [("China".to_string(), L)]);
}

#[test]
fn a_title_before_a_surname_s_particle_is_stripped() {
    let t = "Louis-Henri de Villemont a signé. M. de Villemont a confirmé.";
    let es = run(
        Lang::Fr,
        t,
        &[
            ("Louis-Henri de Villemont", "PER"),
            ("M. de Villemont", "PER"),
        ],
    );
    assert_eq!(names(&es), [("Louis-Henri de Villemont".to_string(), P)]);
}

#[test]
fn a_span_opening_on_the_complement_of_a_lower_case_head_takes_the_head() {
    // The model labelled "de Rouen" a person, leaving "barreau" out.
    let t = "Me Claire Bastien, inscrite au barreau de Rouen, a plaidé l'acquittement.";
    let es = run(
        Lang::Fr,
        t,
        &[("Claire Bastien", "PER"), ("de Rouen", "PER")],
    );
    assert_eq!(
        names(&es),
        [("Claire Bastien".into(), P), ("barreau de Rouen".into(), O),]
    );
}

#[test]
fn lower_case_place_heads_open_their_names_but_not_after_an_indefinite_article() {
    let t = "Le feu a gagné le massif de l'Esterel, près du campus de la Garde. Les élus logeaient dans un hôtel de Fréjus.";
    let es = run(
        Lang::Fr,
        t,
        &[("Esterel", "LOC"), ("Garde", "LOC"), ("Fréjus", "LOC")],
    );
    assert_eq!(
        names(&es),
        [
            ("massif de l'Esterel".into(), L),
            ("campus de la Garde".into(), L),
            ("Fréjus".into(), L),
        ]
    );
}

#[test]
fn french_gates_markets_and_observatories_are_named_with_their_heads() {
    let t = "Le cortège est parti de la porte de Bagnolet vers le marché Kermel. L'Observatoire régional des déchets industriels a publié un rapport.";
    let es = run(
        Lang::Fr,
        t,
        &[
            ("Bagnolet", "LOC"),
            ("Kermel", "PER"),
            ("Observatoire régional des déchets industriels", "LOC"),
        ],
    );
    assert_eq!(
        names(&es),
        [
            ("porte de Bagnolet".into(), L),
            ("marché Kermel".into(), L),
            ("Observatoire régional des déchets industriels".into(), O),
        ]
    );
}

#[test]
fn a_judge_s_title_opens_a_person_whatever_the_label() {
    let t = "Justice Mary Wanjala-Odhiambo ruled on Monday. The Justice Department appealed.";
    let es = run(
        Lang::En,
        t,
        &[
            ("Justice Mary Wanjala-Odhiambo", "ORG"),
            ("Justice Department", "ORG"),
        ],
    );
    let n = names(&es);
    assert!(
        n.contains(&("Mary Wanjala-Odhiambo".to_string(), P)),
        "{n:?}"
    );
    assert!(n.contains(&("Justice Department".to_string(), O)), "{n:?}");
}

#[test]
fn french_hospitals_pharmacies_and_districts_are_named_with_their_heads() {
    let t = "Le blessé a été conduit à l'hôpital de la Croix-Rousse. La pharmacie des Tilleuls n'a plus de stock. Le district des Trois-Rivières a voté.";
    let es = run(
        Lang::Fr,
        t,
        &[
            ("Croix-Rousse", "LOC"),
            ("Tilleuls", "LOC"),
            ("Trois-Rivières", "LOC"),
        ],
    );
    assert_eq!(
        names(&es),
        [
            ("hôpital de la Croix-Rousse".into(), O),
            ("pharmacie des Tilleuls".into(), O),
            ("district des Trois-Rivières".into(), L),
        ]
    );
}

#[test]
fn english_lochs_are_places_and_hospitals_and_pharmacies_organisations() {
    let t = "The farm on Loch Ardvane was fined. Brackwell Pharmacy and Eastfield Hospital closed.";
    let es = run(
        Lang::En,
        t,
        &[
            ("Loch Ardvane", "PERSON"),
            ("Brackwell Pharmacy", "GPE"),
            ("Eastfield Hospital", "FAC"),
        ],
    );
    assert_eq!(
        names(&es),
        [
            ("Loch Ardvane".into(), L),
            ("Brackwell Pharmacy".into(), O),
            ("Eastfield Hospital".into(), O),
        ]
    );
}

#[test]
fn french_company_names_end_on_their_trade() {
    let t = "Les salariés de Vernier Plastiques et de Lagarde Constructions ont manifesté.";
    let es = run(
        Lang::Fr,
        t,
        &[
            ("Vernier Plastiques", "PER"),
            ("Lagarde Constructions", "LOC"),
        ],
    );
    assert_eq!(
        names(&es),
        [
            ("Vernier Plastiques".into(), O),
            ("Lagarde Constructions".into(), O),
        ]
    );
}

#[test]
fn english_halls_docks_plants_ports_and_estates_are_places() {
    let t = "Workers at Harlow Assembly Plant met in Brindle Memorial Hall near Carrow Docks.";
    let es = run(
        Lang::En,
        t,
        &[
            ("Harlow Assembly Plant", "ORG"),
            ("Brindle Memorial Hall", "ORG"),
            ("Carrow Docks", "PERSON"),
        ],
    );
    assert_eq!(
        names(&es),
        [
            ("Harlow Assembly Plant".into(), L),
            ("Brindle Memorial Hall".into(), L),
            ("Carrow Docks".into(), L),
        ]
    );
}

#[test]
fn a_demonym_after_a_demonstrative_is_no_name() {
    let t = "Ce Vaubrunnais de 40 ans a démarché des retraités. Cette Lilloise a témoigné.";
    let es = run(Lang::Fr, t, &[("Vaubrunnais", "LOC"), ("Lilloise", "PER")]);
    assert!(es.is_empty(), "{:?}", names(&es));
}

#[test]
fn a_wide_mark_before_a_street_head_is_no_number() {
    // "„" takes three bytes: the number is looked for past it, not inside it.
    let t = "They met on „ Avenue and on 88 Avenue today.";
    let es = run(Lang::En, t, &[("Avenue", "LOC"), ("Avenue", "LOC")]);
    assert!(names(&es).iter().any(|(n, _)| n == "88 Avenue"), "{es:?}");
}
