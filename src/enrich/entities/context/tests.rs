//! Tests of the context rules.

use crate::enrich::entities::tests::{names, run};
use crate::enrich::profile::Lang;
use crate::enrich::types::EntityType::{Location as L, Organization as O, Person as P};

fn has(
    es: &[crate::enrich::types::Entity],
    name: &str,
    ty: crate::enrich::types::EntityType,
) -> bool {
    names(es).iter().any(|(n, t)| n == name && *t == ty)
}

#[test]
fn list_items_take_the_type_of_their_class() {
    let t = "Several carmakers, including Renault, Stellantis and Toyota, cut their prices.";
    let es = run(Lang::En, t, &[("Renault", "PERSON"), ("Toyota", "GPE")]);
    for n in ["Renault", "Stellantis", "Toyota"] {
        assert!(has(&es, n, O), "{n}: {:?}", names(&es));
    }
    let t = "Big retailers such as Walmart (groceries) and Target (clothing) raised wages.";
    let es = run(Lang::En, t, &[("Walmart", "PERSON")]);
    assert!(
        has(&es, "Walmart", O) && has(&es, "Target", O),
        "{:?}",
        names(&es)
    );
    let t = "Les constructeurs européens, notamment Renault et Volkswagen, ont baissé leurs prix.";
    let es = run(Lang::Fr, t, &[("Renault", "PER")]);
    assert!(
        has(&es, "Renault", O) && has(&es, "Volkswagen", O),
        "{:?}",
        names(&es)
    );
    let t = "Les chaînes de télévision publiques à savoir TVR et TVR Sport diffuseront le match.";
    let es = run(Lang::Fr, t, &[]);
    assert!(
        has(&es, "TVR", O) && has(&es, "TVR Sport", O),
        "{:?}",
        names(&es)
    );
}

#[test]
fn a_list_item_ends_at_a_line_break() {
    let t = "Le virus touche plusieurs pays, dont la Grèce et la Norvège.\n\nUne femme est morte.";
    let es = run(Lang::Fr, t, &[("Norvège", "LOC")]);
    assert!(has(&es, "Norvège", L), "{:?}", names(&es));
}

#[test]
fn lists_do_not_retype_people_or_reach_across_sentences() {
    let t = "He met officials from several countries, including Keir Starmer and Ursula Smith.";
    let es = run(
        Lang::En,
        t,
        &[("Keir Starmer", "PERSON"), ("Ursula Smith", "PERSON")],
    );
    assert!(
        has(&es, "Keir Starmer", P) && has(&es, "Ursula Smith", P),
        "{:?}",
        names(&es)
    );
    // "like" needs its class right before it.
    let t = "A group of politicians dumping a leader is like the Mafia bumping off a boss.";
    let es = run(Lang::En, t, &[("Mafia", "ORG")]);
    assert!(has(&es, "Mafia", O), "{:?}", names(&es));
    let t = "The cities grew. Including Acme, three firms left.";
    let es = run(Lang::En, t, &[("Acme", "ORG")]);
    assert!(has(&es, "Acme", O), "{:?}", names(&es));
}

#[test]
fn well_known_names_the_model_missed() {
    let t =
        "Trois blessés, a précisé une porte-parole citée par Reuters. Michael Bloomberg a réagi.";
    let es = run(Lang::Fr, t, &[]);
    assert_eq!(names(&es), [("Reuters".to_string(), O)]);
    // The gazetteer's type beats the model's label.
    let es = run(
        Lang::En,
        "Officials in Nigeria said so.",
        &[("Nigeria", "PERSON")],
    );
    assert_eq!(names(&es), [("Nigeria".to_string(), L)]);
    // A country's code glued to a currency sign is the currency.
    let es = run(
        Lang::En,
        "Vexa raised US$48 million from its backers.",
        &[("Vexa", "ORG")],
    );
    assert_eq!(names(&es), [("Vexa".to_string(), O)]);
    // A capitalised word before a comma is no part of the name.
    let t = "The Chairwoman, Fine Gael's Ann Tovel, said so.";
    let es = run(Lang::En, t, &[("Ann Tovel", "PERSON")]);
    assert!(has(&es, "Fine Gael", O), "{:?}", names(&es));
}

#[test]
fn well_known_items_type_a_list_without_class() {
    let t = "It blocked rivals such as Spotify and Vibemix from advertising.";
    let es = run(Lang::En, t, &[("Spotify", "ORG"), ("Vibemix", "PERSON")]);
    assert!(has(&es, "Vibemix", O), "{:?}", names(&es));
    // Items that disagree say nothing.
    let t = "It hired people such as Nigeria and Spotify and Vibemix.";
    let es = run(Lang::En, t, &[("Vibemix", "PERSON")]);
    assert!(has(&es, "Vibemix", P), "{:?}", names(&es));
}

#[test]
fn an_age_in_apposition_makes_a_person() {
    let es = run(
        Lang::Fr,
        "À Lyon, Karim, 34 ans, résume la situation.",
        &[("Lyon", "LOC"), ("Karim", "LOC")],
    );
    assert!(
        has(&es, "Karim", P) && has(&es, "Lyon", L),
        "{:?}",
        names(&es)
    );
    let es = run(
        Lang::En,
        "Dana Okoro, 45, a driver, agreed.",
        &[("Dana Okoro", "ORG")],
    );
    assert!(has(&es, "Dana Okoro", P), "{:?}", names(&es));
    let es = run(
        Lang::En,
        "Okoro Ltd, 45 years after its founding, closed.",
        &[("Okoro Ltd", "ORG")],
    );
    assert!(has(&es, "Okoro Ltd", O), "{:?}", names(&es));
}

#[test]
fn list_items_end_with_lower_case_words_and_titles_are_no_organisations() {
    let t =
        "Plusieurs partis, dont Les Verts, La France insoumise et Renaissance, doivent choisir.";
    let es = run(Lang::Fr, t, &[("La France", "LOC"), ("Renaissance", "PER")]);
    assert!(
        has(&es, "La France insoumise", O) && has(&es, "Renaissance", O),
        "{:?}",
        names(&es)
    );
    let t = "Senate Majority Leader Chuck Schumer spoke to the Senate.";
    let es = run(
        Lang::En,
        t,
        &[
            ("Senate Majority Leader", "ORG"),
            ("Chuck Schumer", "PERSON"),
            ("Senate", "ORG"),
        ],
    );
    assert_eq!(
        names(&es),
        [("Chuck Schumer".to_string(), P), ("Senate".to_string(), O)]
    );
    // An organisation named by its head word before the role: the person's employer.
    let t = "Harbour City Police Commissioner Ann Lee spoke in Leeds.";
    let es = run(
        Lang::En,
        t,
        &[("Harbour City Police", "ORG"), ("Ann Lee", "PERSON")],
    );
    assert!(has(&es, "Harbour City Police", O), "{:?}", names(&es));
    // Unless its last word opens a two-word role.
    let t = "City Hall Press Secretary Ann Lee spoke in Leeds.";
    let es = run(
        Lang::En,
        t,
        &[("City Hall Press", "ORG"), ("Ann Lee", "PERSON")],
    );
    assert!(!has(&es, "City Hall Press", O), "{:?}", names(&es));
    // The model may stop before the role word.
    let t = "Foreign Affairs Minister Mélanie Joly spoke to Global Affairs Canada.";
    let es = run(
        Lang::En,
        t,
        &[
            ("Foreign Affairs", "ORG"),
            ("Mélanie Joly", "PERSON"),
            ("Global Affairs Canada", "ORG"),
        ],
    );
    assert_eq!(
        names(&es),
        [
            ("Mélanie Joly".to_string(), P),
            ("Global Affairs Canada".to_string(), O)
        ]
    );
}

#[test]
fn words_around_a_name() {
    let es = run(
        Lang::En,
        "The fire started in the Bywater neighborhood on Monday.",
        &[("Bywater", "ORG")],
    );
    assert!(has(&es, "Bywater", L), "{:?}", names(&es));
    let es = run(
        Lang::Fr,
        "La société Veolia a racheté un immeuble dans le quartier de Belleville.",
        &[("Veolia", "PER"), ("Belleville", "PER")],
    );
    assert!(
        has(&es, "Veolia", O) && has(&es, "Belleville", L),
        "{:?}",
        names(&es)
    );
    let es = run(
        Lang::Fr,
        "Un accord a été signé avec l'agence Tass hier.",
        &[("Tass", "MISC")],
    );
    assert!(has(&es, "Tass", O), "{:?}", names(&es));
    // After an indefinite article the name only says where: "a Hobart company".
    let es = run(
        Lang::En,
        "The ferries are built by a Hobart company that employs 300 people.",
        &[("Hobart", "GPE")],
    );
    assert!(has(&es, "Hobart", L), "{:?}", names(&es));
}

#[test]
fn press_and_company_nouns_make_organisations() {
    let es = run(
        Lang::En,
        "The study appeared in the journal Lumen Reports, and Harbor Daily magazine covered it.",
        &[("Lumen Reports", "WORK_OF_ART"), ("Harbor Daily", "GPE")],
    );
    assert!(
        has(&es, "Lumen Reports", O) && has(&es, "Harbor Daily", O),
        "{:?}",
        names(&es)
    );
    let es = run(
        Lang::Fr,
        "Le tabloïd Vesna affirme que le cabinet Marlowe a conseillé l'assureur Coralis.",
        &[("Vesna", "PER"), ("Marlowe", "MISC"), ("Coralis", "LOC")],
    );
    for n in ["Vesna", "Marlowe", "Coralis"] {
        assert!(has(&es, n, O), "{n}: {:?}", names(&es));
    }
}

#[test]
fn a_coast_or_the_outskirts_make_a_place() {
    let es = run(
        Lang::En,
        "Divers searched the coast of Marvale and the outskirts of Tenby Cross.",
        &[("Marvale", "PERSON"), ("Tenby Cross", "ORG")],
    );
    assert!(
        has(&es, "Marvale", L) && has(&es, "Tenby Cross", L),
        "{:?}",
        names(&es)
    );
    let es = run(
        Lang::Fr,
        "Un cargo a coulé au large de Marvale, dans la banlieue d'Ostrel.",
        &[("Marvale", "PER"), ("Ostrel", "ORG")],
    );
    assert!(
        has(&es, "Marvale", L) && has(&es, "Ostrel", L),
        "{:?}",
        names(&es)
    );
}

#[test]
fn adjectives_and_fictional_roles_are_no_entities() {
    let es = run(
        Lang::En,
        "They bought a Tudor-style house near Oxford.",
        &[("Tudor", "PERSON"), ("Oxford", "GPE")],
    );
    assert_eq!(names(&es), [("Oxford".to_string(), L)]);
    let t = "Mira Holt stars as his sister, Ruth. Ruth's lines were rewritten.";
    let es = run(
        Lang::En,
        t,
        &[
            ("Mira Holt", "PERSON"),
            ("Ruth", "PERSON"),
            ("Ruth", "PERSON"),
        ],
    );
    assert_eq!(names(&es), [("Mira Holt".to_string(), P)]);
    let t = "Léa Drucker incarne Sylvie Martin, une juge. Plus tard, Sylvie Martin doute.";
    let es = run(
        Lang::Fr,
        t,
        &[
            ("Léa Drucker", "PER"),
            ("Sylvie Martin", "PER"),
            ("Sylvie Martin", "PER"),
        ],
    );
    assert_eq!(names(&es), [("Léa Drucker".to_string(), P)]);
    // Real people: a match report, a role in an affair, a portrait.
    let t = "The role of Elon Musk grew. Critics portrayed Joe Biden as weak.";
    let es = run(
        Lang::En,
        t,
        &[("Elon Musk", "PERSON"), ("Joe Biden", "PERSON")],
    );
    assert_eq!(es.len(), 2);
    // A match report is no film.
    let t = "Rafael Nadal plays Roger Federer on Sunday.";
    let es = run(
        Lang::En,
        t,
        &[("Rafael Nadal", "PERSON"), ("Roger Federer", "PERSON")],
    );
    assert_eq!(es.len(), 2);
}

#[test]
fn a_name_in_apposition_to_a_role_is_a_person() {
    let t = "Cette semaine, c'est au patron de Lumora, Jean Vasseur, de répondre.";
    let es = run(Lang::Fr, t, &[("Lumora", "ORG"), ("Jean Vasseur", "ORG")]);
    assert!(
        has(&es, "Jean Vasseur", P) && has(&es, "Lumora", O),
        "{:?}",
        names(&es)
    );
    let t = "Ngozi Adichie, the chief executive of Acme, said little.";
    let es = run(Lang::En, t, &[("Ngozi Adichie", "ORG"), ("Acme", "ORG")]);
    assert!(has(&es, "Ngozi Adichie", P), "{:?}", names(&es));
    // The role opens a clause that ends on a body's full name and its acronym.
    let t = "Le président de la Fédération des producteurs de lait du Tovel (FPLT), Ruvo \
             Orsel, a signé.";
    let es = run(
        Lang::Fr,
        t,
        &[
            ("Fédération des producteurs de lait du Tovel", "ORG"),
            ("FPLT", "ORG"),
            ("Ruvo Orsel", "MISC"),
        ],
    );
    assert!(has(&es, "Ruvo Orsel", P), "{:?}", names(&es));
    let t = "CEO Tanaka Hiroshi spoke first.";
    let es = run(Lang::En, t, &[("Tanaka Hiroshi", "ORG")]);
    assert!(has(&es, "Tanaka Hiroshi", P), "{:?}", names(&es));
    // Places stay places.
    let t = "The minister travelled to Paris, Buenos Aires and Rome.";
    let es = run(
        Lang::En,
        t,
        &[("Paris", "GPE"), ("Buenos Aires", "GPE"), ("Rome", "GPE")],
    );
    assert!(has(&es, "Buenos Aires", L), "{:?}", names(&es));
}

#[test]
fn founders_join_their_foundation_and_suffixes_make_organisations() {
    let t = "Grants came from the Bill and Melinda Gates Foundation and from Louis Lee and the Orrin Foundation.";
    let es = run(
        Lang::En,
        t,
        &[
            ("Bill", "PERSON"),
            ("Melinda Gates Foundation", "ORG"),
            ("Louis Lee", "PERSON"),
            ("Orrin Foundation", "ORG"),
        ],
    );
    assert!(
        has(&es, "Bill and Melinda Gates Foundation", O),
        "{:?}",
        names(&es)
    );
    assert!(
        has(&es, "Louis Lee", P) && has(&es, "Orrin Foundation", O),
        "{:?}",
        names(&es)
    );
    let t = "In 1970, Okafor's Harbor Productions produced the show. The University said nothing.";
    let es = run(Lang::En, t, &[]);
    assert_eq!(names(&es), [("Harbor Productions".to_string(), O)]);
    let t = "He taught at the Jamal Riverside School of Music for years.";
    let es = run(Lang::En, t, &[]);
    assert_eq!(
        names(&es),
        [("Jamal Riverside School of Music".to_string(), O)]
    );
}

#[test]
fn a_mention_inside_a_well_known_name_becomes_that_name() {
    let t = "Le Chili est le troisième pays d'Amérique latine à fermer ses frontières.";
    let es = run(Lang::Fr, t, &[("Chili", "LOC"), ("Amérique", "LOC")]);
    assert!(has(&es, "Amérique latine", L), "{:?}", names(&es));
    let t = "Growth in Latin America slowed, while Central Asia grew.";
    let es = run(Lang::En, t, &[("Latin", "NORP"), ("Central Asia", "LOC")]);
    assert!(has(&es, "Latin America", L), "{:?}", names(&es));
    // Or cut it in pieces at its "and": one name.
    let t = "Exports to Trinidad and Tobago rose.";
    let es = run(Lang::En, t, &[("Trinidad", "GPE"), ("Tobago", "GPE")]);
    assert_eq!(names(&es), [("Trinidad and Tobago".to_string(), L)]);
}

#[test]
fn kin_words_make_a_person() {
    let t = "Bruna Teska waited for news of her brother, Dovan Ruel, at the harbour.";
    let es = run(
        Lang::En,
        t,
        &[("Bruna Teska", "PERSON"), ("Dovan Ruel", "ORG")],
    );
    assert!(has(&es, "Dovan Ruel", P), "{:?}", names(&es));
    let t = "Yaskel and his wife stayed at the centre.";
    let es = run(Lang::En, t, &[("Yaskel", "ORG")]);
    assert!(has(&es, "Yaskel", P), "{:?}", names(&es));
    let t = "The Brandor family had been on their way.";
    let es = run(Lang::En, t, &[("Brandor", "ORG")]);
    assert!(has(&es, "Brandor", P), "{:?}", names(&es));
    let t = "Elle attendait des nouvelles de son frère, Dovan Ruel, au port.";
    let es = run(Lang::Fr, t, &[("Dovan Ruel", "ORG")]);
    assert!(has(&es, "Dovan Ruel", P), "{:?}", names(&es));
    let t = "Yaskel et sa femme sont restés au centre. La famille Brandor est arrivée.";
    let es = run(Lang::Fr, t, &[("Yaskel", "ORG"), ("Brandor", "LOC")]);
    assert!(
        has(&es, "Yaskel", P) && has(&es, "Brandor", P),
        "{:?}",
        names(&es)
    );
}

#[test]
fn the_words_around_an_untagged_occurrence_type_the_name() {
    let t = "\"We waited all night,\" Yaskel said. Earlier, Yaskel and his wife had left.";
    let es = run(Lang::En, t, &[("Yaskel", "ORG")]);
    assert_eq!(names(&es), [("Yaskel".to_string(), P)]);
    let t = "« Nous avons attendu », a dit Yaskel. Plus tôt, Yaskel et sa femme étaient partis.";
    let es = run(Lang::Fr, t, &[("Yaskel", "ORG")]);
    assert_eq!(names(&es), [("Yaskel".to_string(), P)]);
}

#[test]
fn names_right_after_an_article_and_a_class_noun_take_its_type() {
    let t = "Le maire a critiqué les entreprises Lumo et Vexa pour leur gestion.";
    let es = run(Lang::Fr, t, &[]);
    assert!(
        has(&es, "Lumo", O) && has(&es, "Vexa", O),
        "{:?}",
        names(&es)
    );
    let t = "The mayor criticised the companies Lumo and Vexa over their fleets.";
    let es = run(Lang::En, t, &[]);
    assert!(
        has(&es, "Lumo", O) && has(&es, "Vexa", O),
        "{:?}",
        names(&es)
    );
    // No stop word: "the companies Monday said".
    let t = "The two companies Monday said they would merge.";
    assert!(run(Lang::En, t, &[]).is_empty());
}

#[test]
fn a_class_noun_framed_before_its_examples_types_them() {
    // "such … as" frames the class noun, adjectives allowed before it.
    let t = "The levy spares such charities as the Velmont Trust and Harrow Aid this year.";
    let es = run(Lang::En, t, &[("Velmont Trust", "PERSON")]);
    assert!(
        has(&es, "Velmont Trust", O) && has(&es, "Harrow Aid", O),
        "{:?}",
        names(&es)
    );
    let t = "It hurt such big lenders as Orbis, Calder and Wyn last year.";
    let es = run(Lang::En, t, &[]);
    for n in ["Orbis", "Calder", "Wyn"] {
        assert!(has(&es, n, O), "{n}: {:?}", names(&es));
    }
    // Not a class noun, or no frame: nothing.
    let t = "Such a plan as Ledra proposed will fail.";
    assert!(run(Lang::En, t, &[]).is_empty());
}

#[test]
fn an_employer_before_a_title_stays_and_a_portfolio_goes() {
    // An employer before a role that is held over no portfolio: a name of its own.
    let t = "Vexa chief executive Ann Lee said the plant would close.";
    let es = run(Lang::En, t, &[("Vexa", "ORG"), ("Ann Lee", "PERSON")]);
    assert!(has(&es, "Vexa", O), "{:?}", names(&es));
    // A portfolio before its role, or after it and a linking word: part of the title.
    let t = "Transport Minister Ann Lee met the Minister for Energy in Leeds.";
    let es = run(
        Lang::En,
        t,
        &[
            ("Transport", "ORG"),
            ("Ann Lee", "PERSON"),
            ("Energy", "ORG"),
        ],
    );
    assert_eq!(
        names(&es),
        [("Ann Lee".to_string(), P), ("Leeds".to_string(), L)]
    );
    let t = "La ministre des Transports, Ann Vale, a reçu le ministre de l'Énergie à Lyon.";
    let es = run(
        Lang::Fr,
        t,
        &[
            ("Transports", "ORG"),
            ("Ann Vale", "PER"),
            ("Énergie", "ORG"),
        ],
    );
    assert_eq!(
        names(&es),
        [("Ann Vale".to_string(), P), ("Lyon".to_string(), L)]
    );
    // A place after the role of a head of government stays.
    let t = "Le Premier ministre du Québec a reçu la ministre de la Culture de Norvège.";
    let es = run(Lang::Fr, t, &[("Québec", "LOC"), ("Norvège", "LOC")]);
    assert!(
        has(&es, "Québec", L) && has(&es, "Norvège", L),
        "{:?}",
        names(&es)
    );
}

#[test]
fn an_organisation_head_word_after_the_names_one() {
    let t = "The Gazette's Tom Ruiz reported the filing; the Gazette stood by it.";
    let es = run(
        Lang::En,
        t,
        &[("Gazette", "PERSON"), ("Tom Ruiz", "PERSON")],
    );
    assert!(has(&es, "Gazette", O), "{:?}", names(&es));
    // Not without the article: a surname may be such a word.
    let t = "Emily Post wrote it; Post said so.";
    let es = run(Lang::En, t, &[("Emily Post", "PERSON"), ("Post", "PERSON")]);
    assert_eq!(names(&es), [("Emily Post".to_string(), P)]);
}

#[test]
fn a_nationality_noun_before_a_full_name_makes_a_person() {
    let t = "Elle affrontera la Polonaise Ana Wrona puis l'Américaine Cora Gale à Paris.";
    let es = run(Lang::Fr, t, &[("Ana Wrona", "LOC"), ("Cora Gale", "ORG")]);
    assert!(
        has(&es, "Ana Wrona", P) && has(&es, "Cora Gale", P),
        "{:?}",
        names(&es)
    );
    let t = "He beat the Briton Tom Vale in Leeds.";
    let es = run(Lang::En, t, &[("Tom Vale", "ORG"), ("Leeds", "GPE")]);
    assert!(has(&es, "Tom Vale", P), "{:?}", names(&es));
    // A head word names an organisation; an adjective is no noun.
    let t = "He joined the American Harbor Bank and the Polish lender Vexa Group.";
    let es = run(
        Lang::En,
        t,
        &[("Harbor Bank", "ORG"), ("Vexa Group", "ORG")],
    );
    assert!(
        names(&es).iter().all(|(_, ty)| *ty == O),
        "{:?}",
        names(&es)
    );
}

#[test]
fn a_name_after_a_typing_noun_and_a_naming_word_takes_its_type() {
    let t = "The fire reached a hamlet known as Brook End before dawn.";
    let es = run(Lang::En, t, &[("Brook End", "PERSON")]);
    assert!(has(&es, "Brook End", L), "{:?}", names(&es));
    let t = "Residents hired a firm called Dovetail Brooks to clear the road.";
    let es = run(Lang::En, t, &[("Dovetail Brooks", "PERSON")]);
    assert!(has(&es, "Dovetail Brooks", O), "{:?}", names(&es));
    let t = "Le feu a atteint un quartier appelé Les Granges avant l'aube.";
    let es = run(Lang::Fr, t, &[("Les Granges", "PER")]);
    assert!(has(&es, "Les Granges", L), "{:?}", names(&es));
    // Without a typing noun, the naming word says nothing: "a man known as Tom Vale".
    let t = "Police are looking for a man known as Tom Vale.";
    let es = run(Lang::En, t, &[("Tom Vale", "PERSON")]);
    assert!(has(&es, "Tom Vale", P), "{:?}", names(&es));
}

#[test]
fn a_name_after_a_role_and_its_employers_preposition_is_an_organisation() {
    let t = "Tom Rusk, an analyst at Peel Brook, called the results strong.";
    let es = run(
        Lang::En,
        t,
        &[("Tom Rusk", "PERSON"), ("Peel Brook", "PERSON")],
    );
    assert!(has(&es, "Peel Brook", O), "{:?}", names(&es));
    let t = "Selon Léa Morin, économiste chez Norvane, la reprise est fragile.";
    let es = run(Lang::Fr, t, &[("Léa Morin", "PER"), ("Norvane", "LOC")]);
    assert!(has(&es, "Norvane", O), "{:?}", names(&es));
}

#[test]
fn a_portfolio_the_model_calls_a_person_goes_through_its_article() {
    let t = "La ministre déléguée chargée de la Mer, Anne Vidal, a parlé.";
    let es = run(Lang::Fr, t, &[("Mer", "PER"), ("Anne Vidal", "PER")]);
    assert_eq!(names(&es), [("Anne Vidal".to_string(), P)]);
    // Without an article, a person: "les ministres de Vidal".
    let t = "Les ministres de Vidal ont parlé.";
    let es = run(Lang::Fr, t, &[("Vidal", "PER")]);
    assert_eq!(names(&es), [("Vidal".to_string(), P)]);
}

#[test]
fn a_name_after_a_law_word_names_the_law_where_heads_come_first() {
    let t = "La loi Varenne est entrée en vigueur. Jean Varenne ne l'a pas votée.";
    let es = run(Lang::Fr, t, &[("Varenne", "PER"), ("Jean Varenne", "PER")]);
    let texts: Vec<&str> = es
        .iter()
        .flat_map(|e| e.mentions.iter().map(|m| m.text.as_str()))
        .collect();
    assert_eq!(texts, ["Jean Varenne"], "{:?}", names(&es));
    // English: "the accord Vale signed" is a relative clause.
    let t = "The accord Vale signed in May holds.";
    let es = run(Lang::En, t, &[("Vale", "PERSON")]);
    assert!(has(&es, "Vale", P), "{:?}", names(&es));
}

#[test]
fn a_list_item_ends_at_the_full_stop_of_its_sentence() {
    let t = "Families left for cities such as Ames and Sioux Falls. According to the county, 40 moved. Others chose towns like St. Paul.";
    let es = run(Lang::En, t, &[("Ames", "GPE"), ("Sioux Falls", "GPE")]);
    let n = names(&es);
    assert!(has(&es, "Sioux Falls", L), "{n:?}");
    assert!(n.iter().all(|(x, _)| !x.contains("According")), "{n:?}");
    assert!(has(&es, "St. Paul", L), "{n:?}");
}

#[test]
fn a_name_ending_in_an_organisation_word_stops_at_a_line_break() {
    let t = "By Tunde Okafor Bakare\n\nPolice in Ogun State arrested two men on Friday.";
    let es = run(Lang::En, t, &[]);
    assert!(
        names(&es).iter().all(|(n, _)| !n.contains('\n')),
        "{:?}",
        names(&es)
    );
}

#[test]
fn a_person_named_after_a_capitalised_title_is_found() {
    let t = "Fares will rise, Harbour Board Chief Operating Officer Marta Vinshaw said on Monday.";
    let es = run(Lang::En, t, &[("Harbour Board", "ORG")]);
    assert!(has(&es, "Marta Vinshaw", P), "{:?}", names(&es));
    // The title taken into the model's span is left out of the name.
    let t = "\"Where did it go?\" asked Harbour Board Chair Tiffany Okafor-Ruiz.";
    let es = run(
        Lang::En,
        t,
        &[("Harbour Board Chair Tiffany Okafor-Ruiz", "ORG")],
    );
    assert!(has(&es, "Tiffany Okafor-Ruiz", P), "{:?}", names(&es));
    // No first name after the title, no person: a body named after a rank.
    let t = "Cadets of the Officer Training Corps marched past.";
    let es = run(Lang::En, t, &[]);
    assert!(
        !names(&es).iter().any(|(_, ty)| *ty == P),
        "{:?}",
        names(&es)
    );
}

#[test]
fn a_name_after_the_street_of_an_address_is_its_town() {
    let t = "Ian Roe, of 14 Mill Road, Hendry, was fined. At a rally in Corn Square, Pell spoke.";
    let es = run(
        Lang::En,
        t,
        &[
            ("Ian Roe", "PERSON"),
            ("Mill Road", "FAC"),
            ("Hendry", "PERSON"),
            ("Corn Square", "FAC"),
            ("Pell", "PERSON"),
        ],
    );
    let n = names(&es);
    assert!(n.contains(&("Hendry".to_string(), L)), "{n:?}");
    // No address: a square a speaker stands in.
    assert!(n.contains(&("Pell".to_string(), P)), "{n:?}");
}

#[test]
fn a_demonym_adjective_between_the_noun_and_the_name_keeps_the_nouns_hint() {
    let t = "Le cabinet rennais Kerbrat Lemoal a remporté le marché de la piscine.";
    let es = run(Lang::Fr, t, &[("Kerbrat Lemoal", "PER")]);
    assert!(has(&es, "Kerbrat Lemoal", O), "{:?}", names(&es));
}

#[test]
fn two_names_a_pair_of_words_frames_are_places_but_not_surnames() {
    let t = "The highway between Whenuaroa and Tovel Junction was closed. Ana Ruvo beat Pita \
             Orsel on Sunday; the contest between Ruvo and Orsel was close.";
    let es = run(
        Lang::En,
        t,
        &[
            ("Whenuaroa", "PERSON"),
            ("Tovel Junction", "ORG"),
            ("Ana Ruvo", "PERSON"),
            ("Pita Orsel", "PERSON"),
            ("Ruvo", "PERSON"),
            ("Orsel", "PERSON"),
        ],
    );
    for (n, ty) in [
        ("Whenuaroa", L),
        ("Tovel Junction", L),
        ("Ana Ruvo", P),
        ("Pita Orsel", P),
    ] {
        assert!(has(&es, n, ty), "{n}: {:?}", names(&es));
    }
    let t = "La navette entre Vernel et Sarnet reprendra lundi.";
    let es = run(Lang::Fr, t, &[("Vernel", "PER"), ("Sarnet", "PER")]);
    for n in ["Vernel", "Sarnet"] {
        assert!(has(&es, n, L), "{n}: {:?}", names(&es));
    }
    // Not a date the model found.
    let t = "Traffic between May and June fell by a third.";
    let es = run(Lang::En, t, &[("May", "DATE"), ("June", "DATE")]);
    assert!(es.is_empty(), "{:?}", names(&es));
}

#[test]
fn a_name_before_a_relative_pronoun_that_never_stands_for_a_person_is_no_person() {
    let t = "Tovel Kai, which represents the growers, wants a hearing. Ana Ruvo, who chairs it, \
             agreed. Births may return to the hospital in Marrowick, which has a midwife unit.";
    let es = run(
        Lang::En,
        t,
        &[
            ("Tovel Kai", "PERSON"),
            ("Ana Ruvo", "PERSON"),
            ("Marrowick", "PERSON"),
        ],
    );
    assert!(has(&es, "Tovel Kai", O), "{:?}", names(&es));
    assert!(has(&es, "Ana Ruvo", P), "{:?}", names(&es));
    // After a preposition the pronoun may stand for the noun before.
    assert!(!has(&es, "Marrowick", O), "{:?}", names(&es));
}
