//! Tests of where names start and end and of the divisions the knowledge base knows: a
//! division word before a name, a name that runs into the sentence after it, a lower-case
//! institution around a well-known place, a sentence opener capitalised by its article.

use super::tests::{names, run, run_kb};
use crate::enrich::kb::parse::parse_places;
use crate::enrich::kb::Kb;
use crate::enrich::profile::Lang;
use crate::enrich::types::EntityType::{Location as L, Organization as O, Person as P};

/// A KB of ISO 3166-2 divisions, as `scripts/kb` writes them.
fn divisions(names: &[&str]) -> Kb {
    let src: String = names
        .iter()
        .enumerate()
        .map(|(i, n)| format!("iso3166-2:XX-{i}\tdivision\t0\tXX\t\t{n}\t\t\n"))
        .collect();
    Kb::new(parse_places(&src, "places.tsv").unwrap(), Vec::new())
}

#[test]
fn divisions_place_the_lone_words_listed_with_them_but_are_no_well_known_places() {
    let kb = divisions(&["Ardmore", "Kelvale"]);
    assert!(kb.names_place("Ardmore") && kb.names_region("Kelvale"));
    assert!(!kb.names_major_place("Ardmore"));
    let t = "Raids were reported in Ardmore, Kelvale and Bauchi over the weekend.";
    let es = run_kb(
        Lang::En,
        t,
        &[
            ("Ardmore", "PERSON"),
            ("Kelvale", "PERSON"),
            ("Bauchi", "GPE"),
        ],
        &kb,
    );
    let n = names(&es);
    assert!(n.iter().all(|(_, ty)| *ty == L), "{n:?}");
}

#[test]
fn an_abbreviated_county_before_a_name_is_the_place_the_bare_name_is() {
    let t = "The farm near Ballinrobe, Co Tyrawley, flooded. Tyrawley has had rain for weeks.";
    let es = run(
        Lang::En,
        t,
        &[
            ("Ballinrobe", "GPE"),
            ("Co Tyrawley", "PERSON"),
            ("Tyrawley", "ORG"),
        ],
    );
    let n = names(&es);
    assert!(n.contains(&("Co Tyrawley".to_string(), L)), "{n:?}");
    assert!(!n.iter().any(|(x, _)| x == "Tyrawley"), "{n:?}");
    // After a name, "Co" is a company's.
    let t = "Shares of Harlow Motor Co fell on Monday.";
    let es = run(Lang::En, t, &[("Harlow Motor Co", "ORG")]);
    assert_eq!(names(&es), [("Harlow Motor Co".to_string(), O)]);
}

#[test]
fn an_english_name_ends_on_its_capitalised_words() {
    let t = "The samples went to the Regional Water Laboratory for further tests.";
    let es = run(
        Lang::En,
        t,
        &[("the Regional Water Laboratory for further", "ORG")],
    );
    assert_eq!(names(&es), [("Regional Water Laboratory".to_string(), O)]);
    // A French name keeps its lower-case complement.
    let t = "Le Conseil des ministres a adopté le texte.";
    let es = run(Lang::Fr, t, &[("Conseil", "ORG")]);
    assert_eq!(names(&es), [("Conseil des ministres".to_string(), O)]);
}

#[test]
fn a_well_known_place_in_the_complement_of_a_lower_case_institution_is_the_institution() {
    let t = "Le maire a saisi le tribunal administratif de Marseille mardi.";
    let es = run(Lang::Fr, t, &[]);
    assert_eq!(
        names(&es),
        [("tribunal administratif de Marseille".to_string(), O)]
    );
}

#[test]
fn a_sentence_capitalised_by_its_article_only_is_no_name() {
    let t = "La pluie est tombée toute la nuit sur Nantes.";
    let es = run(Lang::Fr, t, &[("La pluie", "LOC"), ("Nantes", "LOC")]);
    assert_eq!(names(&es), [("Nantes".to_string(), L)]);
}

#[test]
fn a_persons_name_cut_at_its_surnames_particle_is_one_name() {
    let t = "Judge Eluned ap Gwyn said the plea was late. Tom and Jerry left.";
    let es = run(
        Lang::En,
        t,
        &[
            ("Eluned", "PERSON"),
            ("Gwyn", "PERSON"),
            ("Tom", "PERSON"),
            ("Jerry", "PERSON"),
        ],
    );
    let n = names(&es);
    assert!(n.iter().any(|(x, _)| x == "Eluned ap Gwyn"), "{n:?}");
    assert!(
        n.iter().any(|(x, _)| x == "Tom") && n.iter().any(|(x, _)| x == "Jerry"),
        "{n:?}"
    );
}

#[test]
fn a_route_or_a_match_run_into_one_span_is_two_names() {
    let t = "Trains from Elmford to Castle Hill resume. Brentwood at Oakfield Park ended 1-1.";
    let es = run(
        Lang::En,
        t,
        &[
            ("Elmford to Castle Hill", "ORG"),
            ("Brentwood at Oakfield Park", "ORG"),
        ],
    );
    let n: Vec<String> = names(&es).into_iter().map(|(x, _)| x).collect();
    for x in ["Elmford", "Castle Hill", "Brentwood", "Oakfield Park"] {
        assert!(n.contains(&x.to_string()), "{n:?}");
    }
    // Not a body named by what it works to do.
    let t = "The Coalition to Save Elm Park met on Monday.";
    let es = run(Lang::En, t, &[("Coalition to Save Elm Park", "ORG")]);
    assert_eq!(names(&es)[0].0, "Coalition to Save Elm Park");
}

#[test]
fn an_organisation_cut_before_its_capitalised_complement_runs_to_its_end() {
    let t = "Staff of the Dorr County Department of Emergency Management, said Ann Roe, left.";
    let es = run(
        Lang::En,
        t,
        &[("Dorr County Department", "ORG"), ("Ann Roe", "PERSON")],
    );
    let n = names(&es);
    assert!(
        n.contains(&(
            "Dorr County Department of Emergency Management".to_string(),
            O
        )),
        "{n:?}"
    );
    // Not into another name: the seat a member sits for is the seat's.
    let t = "She is the Member of Parliament for Elm Vale North since May.";
    let es = run(
        Lang::En,
        t,
        &[("Parliament", "ORG"), ("Elm Vale North", "GPE")],
    );
    let n: Vec<String> = names(&es).into_iter().map(|(x, _)| x).collect();
    assert!(n.contains(&"Elm Vale North".to_string()), "{n:?}");
    assert!(n.contains(&"Parliament".to_string()), "{n:?}");
}

#[test]
fn a_hyphenated_place_cut_before_its_particle_goes_on() {
    let t = "He moved from Ashby-upon-Wend to Vaux-sur-Sorne last year.";
    let es = run(Lang::En, t, &[("Ashby", "GPE")]);
    assert_eq!(names(&es), [("Ashby-upon-Wend".to_string(), L)]);
    let t = "Il est né à Vaux-sur-Sorne.";
    let es = run(Lang::Fr, t, &[("Vaux", "LOC")]);
    assert_eq!(names(&es), [("Vaux-sur-Sorne".to_string(), L)]);
}

#[test]
fn a_street_named_by_its_number_takes_the_number() {
    let t = "Crews will close 112 Street near 4th Avenue on Sunday.";
    let es = run(Lang::En, t, &[("Street", "ORG"), ("Avenue", "GPE")]);
    let n = names(&es);
    assert!(n.contains(&("112 Street".to_string(), L)), "{n:?}");
    assert!(n.contains(&("4th Avenue".to_string(), L)), "{n:?}");
}

#[test]
fn the_two_ends_of_a_route_joined_by_a_dash_are_two_places() {
    let t = "Les cars desservent les axes Vaubrun-Lestre et Vaubrun-Tarny. Il habite Saint-Marnay.";
    let es = run(
        Lang::Fr,
        t,
        &[
            ("Vaubrun-Lestre", "LOC"),
            ("Vaubrun-Tarny", "LOC"),
            ("Saint-Marnay", "LOC"),
        ],
    );
    let n = names(&es);
    for place in ["Vaubrun", "Lestre", "Tarny", "Saint-Marnay"] {
        assert!(n.contains(&(place.to_string(), L)), "{place}: {n:?}");
    }
    assert_eq!(n.len(), 4, "{n:?}");
    let t = "Airlines cut the Tovebury-Marwick route in May.";
    let es = run(Lang::En, t, &[("Tovebury-Marwick", "GPE")]);
    assert_eq!(
        names(&es),
        [("Tovebury".to_string(), L), ("Marwick".to_string(), L)]
    );
}

#[test]
fn a_role_and_its_complement_opening_a_sentence_before_a_name_is_no_name() {
    let t = "La route reste fermée.\n\nPorte-parole de la préfecture, Julie Varenne a répondu.";
    let es = run(
        Lang::Fr,
        t,
        &[
            ("Porte-parole de la préfecture", "LOC"),
            ("Julie Varenne", "PER"),
        ],
    );
    assert_eq!(names(&es), [("Julie Varenne".to_string(), P)]);
    let t = "Spokesperson for the mayor, Ana Roy said so.";
    let es = run(
        Lang::En,
        t,
        &[("Spokesperson for the mayor", "ORG"), ("Ana Roy", "PERSON")],
    );
    assert_eq!(names(&es), [("Ana Roy".to_string(), P)]);
}

#[test]
fn an_adjective_naming_a_part_of_a_place_belongs_to_its_name() {
    let t = "Les vignerons de la Suisse romande et ceux de l'Afrique centrale exportent vers le \
             Nouveau-Brunswick francophone.";
    let es = run(
        Lang::Fr,
        t,
        &[
            ("Suisse", "LOC"),
            ("Afrique", "LOC"),
            ("Nouveau-Brunswick", "LOC"),
        ],
    );
    let n = names(&es);
    for name in ["Suisse romande", "Afrique centrale", "Nouveau-Brunswick"] {
        assert!(n.contains(&(name.to_string(), L)), "{name}: {n:?}");
    }
}

#[test]
fn a_feast_or_a_notion_named_like_a_place_is_no_entity() {
    let t = "The ferry will not sail over Easter, and exports have fallen since Brexit.";
    let es = run(Lang::En, t, &[("Easter", "GPE"), ("Brexit", "GPE")]);
    assert!(names(&es).is_empty(), "{:?}", names(&es));
    let t = "Les ventes ont repris après Pâques, au niveau d'avant le Covid.";
    let es = run(Lang::Fr, t, &[("Pâques", "LOC"), ("Covid", "LOC")]);
    assert!(names(&es).is_empty(), "{:?}", names(&es));
}

#[test]
fn an_abbreviated_rank_or_a_title_of_address_is_no_person() {
    let t = "Det Con Mark Ellery, of Tovel Police, said the case was closed.";
    let es = run(
        Lang::En,
        t,
        &[
            ("Det Con", "PERSON"),
            ("Mark Ellery", "PERSON"),
            ("Tovel Police", "ORG"),
        ],
    );
    let n = names(&es);
    assert!(n.contains(&("Mark Ellery".to_string(), P)), "{n:?}");
    assert!(!n.iter().any(|(name, _)| name.starts_with("Det")), "{n:?}");
    // Likewise titles of address of other countries' English press.
    let t = "Deputy Minister Datuk Ana Tovel said funds were set aside.";
    let es = run(Lang::En, t, &[("Datuk Ana", "PERSON"), ("Tovel", "PERSON")]);
    assert_eq!(names(&es), [("Ana Tovel".to_string(), P)]);
    // A priest's title, abbreviated.
    let t = "Fr Ruvo Marle said Mass at the church.";
    let es = run(Lang::En, t, &[("Fr Ruvo Marle", "PERSON")]);
    assert_eq!(names(&es), [("Ruvo Marle".to_string(), P)]);
}

#[test]
fn a_bodys_unit_before_its_name_is_part_of_it() {
    let t = "La compagnie de gendarmerie de Tovelle a ouvert une enquête. Selon la brigade de \
             recherches de la gendarmerie de Sarneuil, deux hommes sont en fuite.";
    let es = run(Lang::Fr, t, &[("Tovelle", "LOC"), ("Sarneuil", "LOC")]);
    let n = names(&es);
    for want in [
        "compagnie de gendarmerie de Tovelle",
        "brigade de recherches de la gendarmerie de Sarneuil",
    ] {
        assert!(n.contains(&(want.to_string(), O)), "{want}: {n:?}");
    }
}

#[test]
fn a_mill_a_campsite_and_a_pays_are_named_by_their_head_but_not_after_a_plural_or_a_rank() {
    let t = "Les bénévoles du pays de Tovelin ont restauré le moulin de Kervalan.";
    let es = run(Lang::Fr, t, &[("Tovelin", "LOC"), ("Kervalan", "LOC")]);
    let want = [("pays de Tovelin", L), ("moulin de Kervalan", L)];
    assert_eq!(names(&es), want.map(|(n, ty)| (n.to_string(), ty)));
    // Countries after a plural determiner, a number or a rank: no region's name.
    for t in [
        "Tous les pays d'Asie centrale ont signé.",
        "Les trois pays d'Asie centrale ont signé.",
        "C'est le deuxième pays d'Asie centrale à signer.",
    ] {
        let es = run(Lang::Fr, t, &[("Asie centrale", "LOC")]);
        assert_eq!(names(&es), [("Asie centrale".to_string(), L)], "{t}");
    }
    // A year before a street's head is no rank.
    let t = "L'atelier est installé depuis 1987 rue de la Tovelière, à Marle.";
    let es = run(Lang::Fr, t, &[("Tovelière", "LOC"), ("Marle", "LOC")]);
    let n = names(&es);
    assert!(n.contains(&("rue de la Tovelière".to_string(), L)), "{n:?}");
}
