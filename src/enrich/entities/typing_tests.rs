//! How a name's own words and spelling settle its type.

use super::tests::{names, run};
use crate::enrich::profile::Lang;
use crate::enrich::types::EntityType::{Location as L, Organization as O, Person as P};

#[test]
fn a_brand_spelling_names_an_organisation() {
    let t = "Passengers of SkyLumo waited. The Dorvak-PK party won the vote.";
    let es = run(Lang::En, t, &[("SkyLumo", "GPE"), ("Dorvak-PK", "PERSON")]);
    assert_eq!(
        names(&es),
        [("SkyLumo".to_string(), O), ("Dorvak-PK".to_string(), O)]
    );
    // Surname prefixes are no brand's inner capital.
    let es = run(Lang::En, "MacArthur spoke.", &[("MacArthur", "PERSON")]);
    assert_eq!(names(&es), [("MacArthur".to_string(), P)]);
    let es = run(Lang::Fr, "VanDorsten a parlé.", &[("VanDorsten", "PER")]);
    assert_eq!(names(&es), [("VanDorsten".to_string(), P)]);
}

#[test]
fn initials_before_a_complement_name_a_body_not_a_place() {
    let t = "Le rapport de l'ARS d'Occitanie a été publié. Le CRT de Bretagne a réagi.";
    let es = run(
        Lang::Fr,
        t,
        &[("ARS d'Occitanie", "LOC"), ("CRT de Bretagne", "LOC")],
    );
    assert_eq!(
        names(&es),
        [
            ("ARS d'Occitanie".to_string(), O),
            ("CRT de Bretagne".to_string(), O)
        ]
    );
    let t = "Deux blessés ont été transportés au CHR Vallon-Nord.";
    let es = run(Lang::Fr, t, &[("CHR Vallon-Nord", "LOC")]);
    assert_eq!(names(&es), [("CHR Vallon-Nord".to_string(), O)]);
    let t = "A lawyer for the CLU of Ohio said the rule was unlawful.";
    let es = run(Lang::En, t, &[("CLU of Ohio", "GPE")]);
    assert_eq!(names(&es), [("CLU of Ohio".to_string(), O)]);
}

#[test]
fn hyphenated_names_of_a_person_or_a_saint_name_a_place_in_french() {
    let t = "Le match s'est joué à Geoffroy-Guichard. La crue a touché Saint-Claude.";
    let es = run(
        Lang::Fr,
        t,
        &[("Geoffroy-Guichard", "PER"), ("Saint-Claude", "PER")],
    );
    assert_eq!(
        names(&es),
        [
            ("Geoffroy-Guichard".to_string(), L),
            ("Saint-Claude".to_string(), L)
        ]
    );
    // A compound first name, a double surname and English stay persons.
    let t = "Marie-Laure a parlé. Dupont-Aignan a répondu.";
    let es = run(
        Lang::Fr,
        t,
        &[("Marie-Laure", "PER"), ("Dupont-Aignan", "PER")],
    );
    assert!(es.iter().all(|e| e.entity_type == P), "{:?}", names(&es));
    let es = run(
        Lang::En,
        "Later, Rees-Vale spoke.",
        &[("Rees-Vale", "PERSON")],
    );
    assert_eq!(names(&es), [("Rees-Vale".to_string(), P)]);
}

#[test]
fn french_firms_named_by_their_trade_are_organisations() {
    let t = "Le sous-traitant Vexa Industries a annoncé un bénéfice. Morin Emballages recrute.";
    let es = run(
        Lang::Fr,
        t,
        &[("Vexa Industries", "PER"), ("Morin Emballages", "PER")],
    );
    assert!(es.iter().all(|e| e.entity_type == O), "{:?}", names(&es));
}

#[test]
fn a_club_word_closes_a_club_on_the_head_side_only() {
    let t = "Dunmore Rovers host Tarn Athletic. United Vale Trust paid.";
    let es = run(
        Lang::En,
        t,
        &[
            ("Dunmore Rovers", "PERSON"),
            ("Tarn Athletic", "GPE"),
            ("United Vale", "GPE"),
        ],
    );
    assert!(
        names(&es).contains(&("Dunmore Rovers".into(), O)),
        "{:?}",
        names(&es)
    );
    assert!(
        names(&es).contains(&("Tarn Athletic".into(), O)),
        "{:?}",
        names(&es)
    );
    assert!(
        !names(&es).contains(&("United Vale".into(), O)),
        "{:?}",
        names(&es)
    );
}

#[test]
fn a_word_of_capitals_voted_a_person_is_an_organisation() {
    let es = run(
        Lang::En,
        "Analysts polled by LSDQ expected more.",
        &[("LSDQ", "PERSON")],
    );
    assert_eq!(names(&es), [("LSDQ".to_string(), O)]);
}

#[test]
fn a_misc_name_keeps_its_type_whatever_its_spelling() {
    // Products are spelled like brands; the model's misc stays (it is no organisation).
    let t = "The new BoxPhone ships in May.";
    let es = run(Lang::En, t, &[("BoxPhone", "PRODUCT")]);
    assert!(
        names(&es).iter().all(|(_, ty)| *ty != O),
        "{:?}",
        names(&es)
    );
}

#[test]
fn a_newspaper_noun_heads_an_organisation() {
    let t = "A correction ran in the Lakeside Herald on Sunday.";
    let es = run(Lang::En, t, &[("Lakeside Herald", "GPE")]);
    assert_eq!(names(&es), [("Lakeside Herald".to_string(), O)]);
}

#[test]
fn two_words_closed_by_an_organisation_word_name_one_unless_a_first_name_opens_them() {
    let t = "Doctors said Norvane Pharma misled them.";
    let es = run(Lang::En, t, &[("Norvane Pharma", "PERSON")]);
    assert_eq!(names(&es), [("Norvane Pharma".to_string(), O)]);
    let t = "The etiquette writer Emily Post answered.";
    let es = run(Lang::En, t, &[("Emily Post", "PERSON")]);
    assert_eq!(names(&es), [("Emily Post".to_string(), P)]);
}

#[test]
fn a_day_is_an_event_unless_a_first_name_opens_it() {
    let t = "Shops close on Harbor Founders Day, and Doris Day will sing.";
    let es = run(
        Lang::En,
        t,
        &[("Harbor Founders Day", "PERSON"), ("Doris Day", "PERSON")],
    );
    assert!(
        names(&es).contains(&("Doris Day".to_string(), P))
            && !names(&es)
                .iter()
                .any(|(n, t)| n.contains("Founders") && *t == P),
        "{:?}",
        names(&es)
    );
}

#[test]
fn a_first_name_outweighs_a_place_label() {
    let t = "Le directeur du port, Carine Mur, a confirmé la fermeture.";
    let es = run(Lang::Fr, t, &[("Carine Mur", "LOC")]);
    assert_eq!(names(&es), [("Carine Mur".to_string(), P)]);
    let t = "The inquiry was led by Alice Hill.";
    let es = run(Lang::En, t, &[("Alice Hill", "GPE")]);
    assert_eq!(names(&es), [("Alice Hill".to_string(), P)]);
}

#[test]
fn a_given_name_from_the_open_lists_outweighs_a_body_label() {
    // Given names the hand list lacks but two open name lists hold ("Callum", "Teresita").
    let t = "The winning try came from Callum Tovey. Teresita Marle coached the side.";
    let es = run(
        Lang::En,
        t,
        &[("Callum Tovey", "ORG"), ("Teresita Marle", "ORG")],
    );
    assert_eq!(
        names(&es),
        [
            ("Callum Tovey".to_string(), P),
            ("Teresita Marle".to_string(), P)
        ]
    );
}

#[test]
fn a_surnames_particles_between_a_first_name_and_a_surname_keep_it_a_person() {
    let t = "The motion was seconded by Ana de la Tovel and by Joris van den Marle.";
    let es = run(
        Lang::En,
        t,
        &[("Ana de la Tovel", "ORG"), ("Joris van den Marle", "ORG")],
    );
    assert_eq!(
        names(&es),
        [
            ("Ana de la Tovel".to_string(), P),
            ("Joris van den Marle".to_string(), P)
        ]
    );
    let t = "Le ministre Joris Van den Marle a démissionné.";
    let es = run(Lang::Fr, t, &[("Joris Van den Marle", "ORG")]);
    assert_eq!(names(&es), [("Joris Van den Marle".to_string(), P)]);
}

#[test]
fn a_name_written_with_digits_or_opened_by_an_article_is_no_person() {
    let t = "Upgrades to Korvix 3.1 began. Tomas Ebbe said they went well.";
    let es = run(
        Lang::En,
        t,
        &[("Korvix 3.1", "PERSON"), ("Tomas Ebbe", "PERSON")],
    );
    assert!(
        names(&es)
            .iter()
            .all(|(n, ty)| n != "Korvix 3.1" || *ty != P),
        "{:?}",
        names(&es)
    );
    assert!(names(&es).contains(&("Tomas Ebbe".to_string(), P)));
    let t = "Selon l'émission The Silent Harbor, Le Garrec a démissionné.";
    let es = run(
        Lang::Fr,
        t,
        &[("The Silent Harbor", "PER"), ("Le Garrec", "PER")],
    );
    let n = names(&es);
    assert!(
        n.iter().all(|(n, ty)| n != "The Silent Harbor" || *ty != P),
        "{n:?}"
    );
    // "Le" opens surnames.
    assert!(n.contains(&("Le Garrec".to_string(), P)), "{n:?}");
}

#[test]
fn a_legal_form_closing_a_name_makes_a_firm_whatever_the_label() {
    let t = "Harlow Timber Ltd managing director Ann Pell said the mill would reopen.";
    let es = run(
        Lang::En,
        t,
        &[("Harlow Timber Ltd", "PERSON"), ("Ann Pell", "PERSON")],
    );
    assert_eq!(
        names(&es),
        [
            ("Harlow Timber Ltd".to_string(), O),
            ("Ann Pell".to_string(), P)
        ]
    );
    let t = "Le directeur de Norvane Conseil SARL a fait appel de la décision.";
    let es = run(Lang::Fr, t, &[("Norvane Conseil SARL", "LOC")]);
    assert_eq!(names(&es), [("Norvane Conseil SARL".to_string(), O)]);
    // A foreign firm's own legal form in English copy.
    let t = "Fundación Tovel SA and Marle Air NV said the smelter would close.";
    let es = run(
        Lang::En,
        t,
        &[("Fundación Tovel SA", "PERSON"), ("Marle Air NV", "GPE")],
    );
    assert_eq!(
        names(&es),
        [
            ("Fundación Tovel SA".to_string(), O),
            ("Marle Air NV".to_string(), O)
        ]
    );
}

#[test]
fn trade_and_place_words_of_the_session_type_their_names() {
    let t = "Tests by Marl Aqua Analytics showed the park on the Tovra Corniche was safe.";
    let es = run(
        Lang::En,
        t,
        &[("Marl Aqua Analytics", "GPE"), ("Tovra Corniche", "ORG")],
    );
    assert_eq!(
        names(&es),
        [
            ("Marl Aqua Analytics".to_string(), O),
            ("Tovra Corniche".to_string(), L)
        ]
    );
    let t = "Un médecin du Samu de la Marvelle a appelé le Cégep de Vaubrun.";
    let es = run(
        Lang::Fr,
        t,
        &[("Samu de la Marvelle", "LOC"), ("Cégep de Vaubrun", "LOC")],
    );
    assert_eq!(
        names(&es),
        [
            ("Samu de la Marvelle".to_string(), O),
            ("Cégep de Vaubrun".to_string(), O)
        ]
    );
}

#[test]
fn a_road_named_for_its_destination_holds_its_head() {
    let t = "L'accident a eu lieu sur la route de Varenne-le-Haut, à la sortie du bourg.";
    let es = run(Lang::Fr, t, &[("Varenne-le-Haut", "LOC")]);
    assert_eq!(names(&es), [("route de Varenne-le-Haut".to_string(), L)]);
}

#[test]
fn a_rugby_position_before_a_name_makes_a_person() {
    let t = "The try came from replacement halfback Tavi Renn, who sniped from a scrum.";
    let es = run(Lang::En, t, &[("Tavi Renn", "ORG")]);
    assert_eq!(names(&es), [("Tavi Renn".to_string(), P)]);
}

#[test]
fn a_title_of_address_keeps_a_surname_that_a_town_bears() {
    let kb = super::tests::towns(&["Marlby"]);
    let t = "Parents object. Ffion Marlby, who chairs the group, said the plan was rushed. \
             Mrs Marlby said the bus ride was too long.";
    let es = super::tests::run_kb(
        Lang::En,
        t,
        &[("Marlby", "PERSON"), ("Marlby", "PERSON")],
        &kb,
    );
    // A person, named in full with the given name written before her surname.
    assert_eq!(names(&es), [("Ffion Marlby".to_string(), P)]);
}

#[test]
fn towns_the_kb_names_by_an_alias_are_places_even_listed_together() {
    let kb =
        super::tests::aliased_cities(&[("Al Tovrah", &["Al Tovra"]), ("Umm Sefra", &[])], 20_000);
    let t = "The show was made with families from Al Tovra and Umm Sefra, once pearl divers.";
    let spans = [("Al Tovra", "PERSON"), ("Umm Sefra", "PERSON")];
    let es = super::tests::run_kb(Lang::En, t, &spans, &kb);
    let placed: Vec<_> = names(&es).into_iter().map(|(_, ty)| ty).collect();
    assert_eq!(placed, [L, L]);
}

#[test]
fn an_owner_or_a_trade_before_a_name_makes_a_body() {
    let t = "Mining has struggled. State-owned Tovelco shut its smelter on Monday.";
    let es = run(Lang::En, t, &[("Tovelco", "GPE")]);
    assert_eq!(names(&es), [("Tovelco".to_string(), O)]);
    let t = "Il vend l'essentiel de sa récolte à la maison Vauclerc, à Jarnac.";
    let es = run(Lang::Fr, t, &[("Vauclerc", "LOC"), ("Jarnac", "LOC")]);
    assert_eq!(
        names(&es),
        [("Vauclerc".to_string(), O), ("Jarnac".to_string(), L)]
    );
}

#[test]
fn capitalised_common_nouns_are_no_name_alone_but_close_one() {
    let t = "The State has appealed the ruling, officials in Tovel State said.";
    let es = run(Lang::En, t, &[("State", "ORG"), ("Tovel", "GPE")]);
    assert_eq!(names(&es), [("Tovel State".to_string(), L)]);
    let t = "Council Member Ada Rusk said the fare was too high.";
    let es = run(
        Lang::En,
        t,
        &[("Council Member", "ORG"), ("Ada Rusk", "PERSON")],
    );
    assert_eq!(names(&es), [("Ada Rusk".to_string(), P)]);
    let t = "Les entreprises du BTP recrutent à Vaubrun.";
    let es = run(Lang::Fr, t, &[("BTP", "ORG"), ("Vaubrun", "LOC")]);
    assert_eq!(names(&es), [("Vaubrun".to_string(), L)]);
}

#[test]
fn a_tennis_court_or_a_cours_holds_its_head() {
    let t = "Le match s'est joué sur le court Ada-Vernier, près du cours Léon-Marvaux.";
    let es = run(
        Lang::Fr,
        t,
        &[("Ada-Vernier", "PER"), ("Léon-Marvaux", "PER")],
    );
    assert_eq!(
        names(&es),
        [
            ("court Ada-Vernier".to_string(), L),
            ("cours Léon-Marvaux".to_string(), L)
        ]
    );
}

#[test]
fn us_school_bodies_and_schools_named_by_their_level_are_organisations() {
    let t = "Pupils at Osprey Lane Elementary moved after the Tovel Creek School District voted.";
    let es = run(
        Lang::En,
        t,
        &[
            ("Osprey Lane Elementary", "PERSON"),
            ("Tovel Creek School District", "GPE"),
        ],
    );
    assert_eq!(
        names(&es),
        [
            ("Osprey Lane Elementary".to_string(), O),
            ("Tovel Creek School District".to_string(), O)
        ]
    );
}

#[test]
fn national_legislatures_are_organisations() {
    let t = "The bill passed the Dáil on Tuesday and goes to the Senedd next.";
    let es = run(Lang::En, t, &[("Dáil", "GPE"), ("Senedd", "NORP")]);
    assert_eq!(
        names(&es),
        [("Dáil".to_string(), O), ("Senedd".to_string(), O)]
    );
}

#[test]
fn a_name_set_after_a_role_is_a_person_whatever_place_the_model_saw() {
    let t = "Le président du tribunal, Obaré Tindouma, a estimé que le dossier était complet.";
    let es = run(Lang::Fr, t, &[("Obaré Tindouma", "LOC")]);
    assert_eq!(names(&es), [("Obaré Tindouma".to_string(), P)]);
    // One word in apposition is a list's item, and a role after a place is where it is.
    let t = "Le ministre a visité Tovel, Marle et Dunois. À Port-Ellan, la ministre a parlé.";
    let es = run(
        Lang::Fr,
        t,
        &[
            ("Tovel", "LOC"),
            ("Marle", "LOC"),
            ("Dunois", "LOC"),
            ("Port-Ellan", "LOC"),
        ],
    );
    assert!(
        names(&es).iter().all(|(_, ty)| *ty == L),
        "{:?}",
        names(&es)
    );
}

#[test]
fn school_boards_transit_firms_estates_and_racecourses_are_typed_by_their_head() {
    let t = "Marle Catholic Schools and Tovel Valley Transit met at the Dunmore Industrial \
             Estate, near the Ellan Racecourse.";
    let es = run(
        Lang::En,
        t,
        &[
            ("Marle Catholic Schools", "PERSON"),
            ("Tovel Valley Transit", "GPE"),
            ("Dunmore Industrial Estate", "ORG"),
            ("Ellan Racecourse", "PERSON"),
        ],
    );
    assert_eq!(
        names(&es),
        [
            ("Marle Catholic Schools".to_string(), O),
            ("Tovel Valley Transit".to_string(), O),
            ("Dunmore Industrial Estate".to_string(), L),
            ("Ellan Racecourse".to_string(), L)
        ]
    );
}

#[test]
fn savings_banks_and_port_authorities_are_bodies_and_a_pasture_a_place() {
    let t = "La Caisse populaire de Marle prête au Port autonome de Tovel. Les brebis montent \
             à l'alpage de Dunois.";
    let es = run(
        Lang::Fr,
        t,
        &[
            ("Caisse populaire de Marle", "LOC"),
            ("Port autonome de Tovel", "LOC"),
            ("Dunois", "LOC"),
        ],
    );
    assert_eq!(
        names(&es),
        [
            ("Caisse populaire de Marle".to_string(), O),
            ("Port autonome de Tovel".to_string(), O),
            ("alpage de Dunois".to_string(), L)
        ]
    );
}

#[test]
fn a_town_the_model_called_a_nationality_is_that_town() {
    use super::tests::{cities, run_kb};
    let kb = cities(&["Tovelby", "Alliance"], 40_000);
    let t = "Ada Rusk said Tovelby voted against the plan.";
    let es = run_kb(
        Lang::En,
        t,
        &[("Ada Rusk", "PERSON"), ("Tovelby", "NORP")],
        &kb,
    );
    assert!(
        names(&es).contains(&("Tovelby".to_string(), L)),
        "{:?}",
        names(&es)
    );
    // Not after a definite article: a body's short name.
    let t = "Le sommet de l'Alliance s'ouvre mardi.";
    let es = run_kb(Lang::Fr, t, &[("Alliance", "MISC")], &kb);
    assert!(
        names(&es).iter().all(|(_, ty)| *ty != L),
        "{:?}",
        names(&es)
    );
}

#[test]
fn a_party_named_by_its_members_after_a_qualifier_is_an_organisation() {
    let t = "The Marle Valley Greens and the Social Democrats backed the bill; Democrats did not.";
    let es = run(
        Lang::En,
        t,
        &[
            ("Marle Valley Greens", "NORP"),
            ("Social Democrats", "NORP"),
            ("Democrats", "NORP"),
        ],
    );
    let n = names(&es);
    assert!(n.contains(&("Marle Valley Greens".to_string(), O)), "{n:?}");
    assert!(n.contains(&("Social Democrats".to_string(), O)), "{n:?}");
    assert!(!n.contains(&("Democrats".to_string(), O)), "{n:?}");
}

#[test]
fn a_number_closing_a_name_counts_its_heads_kind() {
    let t = "State Highway 12 reopened near Tovel, and Route 9A stayed shut.";
    let es = run(
        Lang::En,
        t,
        &[("State Highway 12", "ORG"), ("Route 9A", "ORG")],
    );
    assert_eq!(
        names(&es),
        [
            ("State Highway 12".to_string(), L),
            ("Route 9A".to_string(), L)
        ]
    );
}

#[test]
fn a_speaker_the_model_missed_is_typed_by_its_own_words() {
    use super::typing::speaker_type;
    use crate::enrich::profile::Profile;
    let res = Profile::load(Lang::En);
    assert_eq!(speaker_type("Tovel Chamber of Commerce", &res), O);
    assert_eq!(speaker_type("TVSA", &res), O);
    assert_eq!(speaker_type("Marsk Timber Ltd", &res), O);
    assert_eq!(speaker_type("Ada Marsk", &res), P);
    assert_eq!(speaker_type("Marsk", &res), P);
}

#[test]
fn two_capitals_after_a_members_role_are_a_bodys_initials() {
    let t = "Pour Ana Vale, déléguée FO, l'urgence est d'obtenir des indemnités.";
    let es = run(Lang::Fr, t, &[("Ana Vale", "PER"), ("FO", "PER")]);
    assert_eq!(
        names(&es),
        [("Ana Vale".to_string(), P), ("FO".to_string(), O)]
    );
}

#[test]
fn a_special_purpose_district_is_a_body() {
    let t = "The Tovel Creek Water District raised its rates. The Marle Business Improvement \
             District asked for funds. Flooding hit the Sarne District on Monday.";
    let es = run(
        Lang::En,
        t,
        &[
            ("Tovel Creek Water District", "GPE"),
            ("Marle Business Improvement District", "LOC"),
            ("Sarne District", "GPE"),
        ],
    );
    let n = names(&es);
    assert!(
        n.contains(&("Tovel Creek Water District".to_string(), O)),
        "{n:?}"
    );
    assert!(
        n.contains(&("Marle Business Improvement District".to_string(), O)),
        "{n:?}"
    );
    assert!(n.contains(&("Sarne District".to_string(), L)), "{n:?}");
}

#[test]
fn a_stream_an_upland_or_a_cave_names_its_place_by_its_last_word() {
    let t = "Walkers crossed Tovel Heath and the Sarne Downs to reach Marle Brook and the Tovelby \
             Caves, where Ann Heath was waiting.";
    let es = run(
        Lang::En,
        t,
        &[
            ("Tovel Heath", "PERSON"),
            ("Sarne Downs", "ORG"),
            ("Marle Brook", "PERSON"),
            ("Tovelby Caves", "ORG"),
            ("Ann Heath", "PERSON"),
        ],
    );
    let n = names(&es);
    for want in ["Tovel Heath", "Sarne Downs", "Marle Brook", "Tovelby Caves"] {
        assert!(n.contains(&(want.to_string(), L)), "{want}: {n:?}");
    }
    // A person with a first name keeps it.
    assert!(n.contains(&("Ann Heath".to_string(), P)), "{n:?}");
}

#[test]
fn a_first_name_before_a_word_that_closes_no_persons_name_names_a_place() {
    let t = "The ferry crossed Ruth Bay to the Tess Valleys, past Marle Oval, where Tom Hill and \
             Ann Marle waited with staff of the Tess Arden Centre.";
    let es = run(
        Lang::En,
        t,
        &[
            ("Ruth Bay", "PERSON"),
            ("Tess Valleys", "PERSON"),
            ("Marle Oval", "PERSON"),
            ("Tom Hill", "PERSON"),
            ("Ann Marle", "PERSON"),
            ("Tess Arden Centre", "ORG"),
        ],
    );
    let n = names(&es);
    for want in ["Ruth Bay", "Tess Valleys", "Marle Oval"] {
        assert!(n.contains(&(want.to_string(), L)), "{want}: {n:?}");
    }
    // "Hill" is a surname too; a first name before a centre no longer makes a person of it.
    assert!(n.contains(&("Tom Hill".to_string(), P)), "{n:?}");
    assert!(n.contains(&("Tess Arden Centre".to_string(), O)), "{n:?}");
}

#[test]
fn a_cycling_team_is_named_after_its_sponsor() {
    let es = run(
        Lang::En,
        "The stage went to a rider of Marlex Pro Cycling.",
        &[("Marlex Pro Cycling", "WORK_OF_ART")],
    );
    assert_eq!(names(&es), [("Marlex Pro Cycling".to_string(), O)]);
    let es = run(
        Lang::Fr,
        "Le coureur de Tovalia Cyclisme a gagné l'étape.",
        &[("Tovalia Cyclisme", "MISC")],
    );
    assert_eq!(names(&es), [("Tovalia Cyclisme".to_string(), O)]);
}

#[test]
fn a_lone_word_labelled_a_person_as_often_as_a_place_is_the_place() {
    let t = "Tovelmore won. Tovelmore has waited. Tovelmore is glad, and Tovelmore smiled. Ann \
             Roe said so.";
    let labelled = |labels: [&'static str; 4]| {
        let mut spans: Vec<(&str, &str)> = labels.iter().map(|l| ("Tovelmore", *l)).collect();
        spans.push(("Ann Roe", "PERSON"));
        names(&run(Lang::En, t, &spans))
    };
    let n = labelled(["PERSON", "GPE", "GPE", "PERSON"]);
    assert!(n.contains(&("Tovelmore".to_string(), L)), "{n:?}");
    // More person labels than place labels: the vote stands.
    let n = labelled(["PERSON", "GPE", "PERSON", "PERSON"]);
    assert!(n.contains(&("Tovelmore".to_string(), P)), "{n:?}");
}

#[test]
fn a_bureau_and_an_entente_head_a_bodys_name() {
    let t =
        "The Tovel Statistics Bureau said exports fell, and the Bureau of Marlby Waters agreed.";
    let es = run(
        Lang::En,
        t,
        &[
            ("Tovel Statistics Bureau", "GPE"),
            ("Bureau of Marlby Waters", "LOC"),
        ],
    );
    assert!(
        names(&es).iter().all(|(_, ty)| *ty == O),
        "{:?}",
        names(&es)
    );
    let t = "L'Entente Sarne-Marlby a battu Tovel.";
    let es = run(Lang::Fr, t, &[("Entente Sarne-Marlby", "LOC")]);
    assert_eq!(names(&es), [("Entente Sarne-Marlby".to_string(), O)]);
}
