//! Tests of the evidence that settles a name: abbreviated titles of address, capitals, the
//! authority a capitalised territory word names, place words heading a name, an apposition's
//! role after a modifier, and the places the knowledge base knows.

use super::tests::{cities, names, run, run_kb, towns};
use crate::enrich::kb::parse::parse_places;
use crate::enrich::kb::Kb;
use crate::enrich::profile::Lang;
use crate::enrich::types::EntityType::{Location as L, Organization as O, Person as P};
use crate::enrich::types::{Entity, EntityType};

/// Whether an entity `name` of type `ty` is among `es`.
fn has_name(es: &[Entity], name: &str, ty: EntityType) -> bool {
    es.iter().any(|e| e.name == name && e.entity_type == ty)
}

#[test]
fn abbreviated_titles_are_not_part_of_the_name() {
    let t = "Atty. Rosa Delmundo objected, and Coun. Tom Reyes agreed. Prof Ada Obiora spoke last.";
    let es = run(
        Lang::En,
        t,
        &[
            ("Atty", "PERSON"),
            ("Rosa Delmundo", "PERSON"),
            ("Coun. Tom Reyes", "PERSON"),
            ("Prof Ada Obiora", "PERSON"),
        ],
    );
    let n = names(&es);
    assert_eq!(
        n,
        [
            ("Rosa Delmundo".to_string(), P),
            ("Tom Reyes".to_string(), P),
            ("Ada Obiora".to_string(), P)
        ]
    );
    let t = "La Dre Anne Valois a reçu les familles.";
    let es = run(Lang::Fr, t, &[("Dre Anne Valois", "PER")]);
    assert_eq!(names(&es), [("Anne Valois".to_string(), P)]);
}

#[test]
fn an_english_name_bears_a_capital() {
    let t = "The union's regional ports committee meets on Friday, before city council votes.";
    let es = run(
        Lang::En,
        t,
        &[("ports committee", "ORG"), ("city council", "ORG")],
    );
    assert!(es.is_empty(), "{:?}", names(&es));
}

#[test]
fn a_capitalised_territory_word_names_its_authority() {
    let t = "La Région Normandie a voté une aide. Dans la région Normandie, il pleut. La Ville de Quimperlé a fait appel.";
    let es = run(
        Lang::Fr,
        t,
        &[
            ("Région Normandie", "LOC"),
            ("Normandie", "LOC"),
            ("Ville de Quimperlé", "LOC"),
        ],
    );
    let n = names(&es);
    assert!(n.contains(&("Région Normandie".to_string(), O)), "{n:?}");
    assert!(n.contains(&("Normandie".to_string(), L)), "{n:?}");
    assert!(n.contains(&("Ville de Quimperlé".to_string(), O)), "{n:?}");
}

#[test]
fn lower_case_ways_and_rivers_head_their_names_and_places_do_not_nest() {
    let t = "Les secours ont longé le chemin des Gravières puis la rivière des Pluies.";
    let es = run(Lang::Fr, t, &[("Gravières", "LOC"), ("Pluies", "LOC")]);
    assert_eq!(
        names(&es),
        [
            ("chemin des Gravières".to_string(), L),
            ("rivière des Pluies".to_string(), L)
        ]
    );
    let t = "Le bal aura lieu à la salle des fêtes de la rue des Lilas samedi.";
    let es = run(Lang::Fr, t, &[("Lilas", "LOC")]);
    assert_eq!(names(&es), [("rue des Lilas".to_string(), L)]);
    // At the head only: a title ending on the word is no place.
    let t = "Il a lu « Chansons du fleuve » hier.";
    let es = run(Lang::Fr, t, &[("Chansons du fleuve", "MISC")]);
    assert!(
        !names(&es).iter().any(|(_, ty)| *ty == L),
        "{:?}",
        names(&es)
    );
    let t = "Le Laboratoire national d'essais des sols a rendu son avis.";
    let es = run(
        Lang::Fr,
        t,
        &[("Laboratoire national d'essais des sols", "LOC")],
    );
    assert!(has_name(&es, "Laboratoire national d'essais des sols", O));
}

#[test]
fn a_role_after_a_modifier_in_apposition_makes_a_person() {
    let t = "Tormod Brannock, a senior inspector with the council, gave evidence.";
    let es = run(Lang::En, t, &[("Tormod Brannock", "ORG")]);
    assert_eq!(names(&es), [("Tormod Brannock".to_string(), P)]);
    // Not through a noun that is no modifier.
    let t = "Orvane, a firm whose chief left in May, closed.";
    let es = run(Lang::En, t, &[("Orvane", "ORG")]);
    assert_eq!(names(&es), [("Orvane".to_string(), O)]);
}

/// A KB with one country, named `en` in English and `fr` in French.
fn country(en: &str, fr: &str) -> Kb {
    let src = format!("geonames:1\tcountry\t1200000\tXX\t\t{en}\ten={en}|fr={fr}\t{fr}\n");
    Kb::new(parse_places(&src, "places.tsv").unwrap(), Vec::new())
}

#[test]
fn the_kb_places_a_lone_word_named_in_a_longer_place_or_written_as_a_country() {
    // The town inside the port's name is still the town.
    let t = "Ships left the Port of Ardlow for Dunmere. Ardlow handles most of the freight.";
    let kb = towns(&["Ardlow", "Dunmere"]);
    let es = run_kb(
        Lang::En,
        t,
        &[
            ("Port of Ardlow", "FAC"),
            ("Dunmere", "GPE"),
            ("Ardlow", "PERSON"),
        ],
        &kb,
    );
    assert!(has_name(&es, "Ardlow", L), "{:?}", names(&es));
    // The first word of a firm's name alone is the firm's short name.
    let t = "Staff at Harvel Tool Works were laid off when Harvel closed.";
    let kb = towns(&["Harvel"]);
    let es = run_kb(
        Lang::En,
        t,
        &[("Harvel Tool Works", "ORG"), ("Harvel", "PERSON")],
        &kb,
    );
    assert!(
        !names(&es).iter().any(|(_, ty)| *ty == L),
        "{:?}",
        names(&es)
    );
    // A first name that the language writes as a country's name.
    let t = "Le cyclone, qui avait frôlé Maurice lundi, s'éloigne vers le sud.";
    let es = run_kb(
        Lang::Fr,
        t,
        &[("Maurice", "PER")],
        &country("Mauritius", "Maurice"),
    );
    assert_eq!(names(&es), [("Maurice".to_string(), L)]);
}

#[test]
fn a_firm_named_like_a_town_settles_no_list() {
    let t = "Les cars qui desservent Vernière, Carrefour et Saint-Aulde ont doublé leurs tarifs.";
    let kb = towns(&["Vernière", "Carrefour", "Saint-Aulde"]);
    let es = run_kb(
        Lang::Fr,
        t,
        &[
            ("Vernière", "LOC"),
            ("Carrefour", "ORG"),
            ("Saint-Aulde", "LOC"),
        ],
        &kb,
    );
    assert!(has_name(&es, "Vernière", L), "{:?}", names(&es));
    assert!(has_name(&es, "Saint-Aulde", L), "{:?}", names(&es));
}

#[test]
fn a_name_holds_no_possessive_and_opens_after_a_sentence_preposition() {
    let t = "Elle a confié au Courrier sa déception.";
    let es = run(Lang::Fr, t, &[("Courrier sa déception", "ORG")]);
    assert_eq!(names(&es), [("Courrier".to_string(), O)]);
    // After a heading without a full stop, a paragraph opens a sentence.
    let t = "Une nuit à Chassagne\n\nÀ Chassagne, la grêle a tout couché.";
    let es = run(Lang::Fr, t, &[("Chassagne", "LOC"), ("À Chassagne", "LOC")]);
    assert_eq!(names(&es), [("Chassagne".to_string(), L)]);
    let t = "Une nuit à Chassagne\n\nIn Leeds, the rain stopped.";
    let es = run(Lang::En, t, &[("In Leeds", "GPE")]);
    assert_eq!(names(&es), [("Leeds".to_string(), L)]);
}

#[test]
fn a_surname_alone_after_a_full_name_is_a_mention_of_the_person() {
    let t = "Helen Marsh opened the hall. Dr Marsh said more would follow. Marsh Lane was shut, and Marsh's lawyer spoke.";
    let es = run(Lang::En, t, &[("Helen Marsh", "PERSON")]);
    let helen = es.iter().find(|e| e.name == "Helen Marsh").unwrap();
    let at: Vec<usize> = helen.mentions.iter().map(|m| m.start).collect();
    assert_eq!(
        at,
        [0, t.find("Marsh said").unwrap()],
        "{:?}",
        helen.mentions
    );
}

#[test]
fn a_name_opening_on_initials_is_a_body_and_a_test_match_no_entity() {
    let t = "Speaking to RTV Lakeside on Friday, the mayor defended the cuts.";
    let es = run(Lang::En, t, &[("RTV Lakeside", "PERSON")]);
    assert_eq!(names(&es), [("RTV Lakeside".to_string(), O)]);
    let t = "Rain washed out the second day of the Galle Test on Friday.";
    let es = run(Lang::En, t, &[("Galle Test", "ORG")]);
    assert!(
        !names(&es).iter().any(|(_, ty)| *ty == O),
        "{:?}",
        names(&es)
    );
}

#[test]
fn a_service_or_a_newspaper_capitalised_opens_an_organisation_in_french() {
    let t = "Le Journal de Vernay a publié la lettre. La Direction régionale des routes a répondu.";
    let es = run(
        Lang::Fr,
        t,
        &[
            ("Journal de Vernay", "LOC"),
            ("Direction régionale des routes", "LOC"),
        ],
    );
    assert_eq!(
        names(&es),
        [
            ("Journal de Vernay".to_string(), O),
            ("Direction régionale des routes".to_string(), O)
        ]
    );
    // Nor a state service named by its mission, capitalised; not in a heading's capitals.
    let t = "La Sécurité civile a envoyé deux avions.";
    let es = run(Lang::Fr, t, &[("Sécurité civile", "LOC")]);
    assert_eq!(names(&es), [("Sécurité civile".to_string(), O)]);
    let t = "SÉCURITÉ Partition\n\nLe texte suit.";
    let es = run(Lang::Fr, t, &[("SÉCURITÉ Partition", "MISC")]);
    assert_eq!(names(&es)[0].1, crate::enrich::types::EntityType::Misc);
    // In lower case, a firm's management is no name of its own.
    let t = "La direction de Velmor a répondu.";
    let es = run(Lang::Fr, t, &[("Velmor", "ORG")]);
    assert_eq!(names(&es), [("Velmor".to_string(), O)]);
}

#[test]
fn a_name_after_a_definite_article_is_no_person_in_apposition_to_a_role() {
    let t = "Au Haut Conseil, la députée Anne Roy a parlé.";
    let es = run(Lang::Fr, t, &[("Haut Conseil", "ORG"), ("Anne Roy", "PER")]);
    let n = names(&es);
    assert!(n.contains(&("Haut Conseil".to_string(), O)), "{n:?}");
}

#[test]
fn a_polling_institute_or_an_ngo_is_named_after_its_class_noun() {
    let t = "Selon l'institut Velmar, l'ONG Terre vive a perdu. L'ONG Mer vive aussi.";
    let es = run(
        Lang::Fr,
        t,
        &[
            ("institut Velmar", "ORG"),
            ("Terre vive", "ORG"),
            ("ONG Mer vive", "ORG"),
        ],
    );
    let n: Vec<String> = names(&es).into_iter().map(|(x, _)| x).collect();
    assert_eq!(n, ["Velmar", "Terre vive", "Mer vive"]);
}

#[test]
fn a_name_closing_on_a_country_without_a_first_name_is_a_body_unless_a_surname() {
    let kb = super::tests::country("Vandoria", &[], &[]);
    let t = "Tovel Bank Vandoria raised its rates on Monday.";
    let es = run_kb(Lang::En, t, &[("Tovel Bank Vandoria", "PERSON")], &kb);
    assert_eq!(names(&es), [("Tovel Bank Vandoria".to_string(), O)]);
    // The surname of another person of the article, or a name after a role word.
    let t = "The saxophonist Brel Vandoria played; his daughter, Ana Vandoria, sang.";
    let es = run_kb(
        Lang::En,
        t,
        &[("Brel Vandoria", "PERSON"), ("Ana Vandoria", "PERSON")],
        &kb,
    );
    assert!(has_name(&es, "Brel Vandoria", P), "{:?}", names(&es));
}

#[test]
fn common_nouns_written_in_capitals_are_no_names_alone() {
    let t = "An ATM was hit. Her GP said two LNG tankers were late.";
    let es = run(
        Lang::En,
        t,
        &[("ATM", "ORG"), ("GP", "ORG"), ("LNG", "ORG")],
    );
    assert!(es.is_empty(), "{:?}", names(&es));
    let t = "Le PIB a reculé et le litre coûte 800 F CFA, selon un chauffeur de VTC.";
    let es = run(
        Lang::Fr,
        t,
        &[("PIB", "ORG"), ("F CFA", "LOC"), ("VTC", "ORG")],
    );
    assert!(es.is_empty(), "{:?}", names(&es));
}

#[test]
fn a_role_a_body_qualifies_in_apposition_makes_a_person() {
    // After the name: a possessor or a body's name before the role.
    let t = "“We are full,” said Tamba Kuyateh, the Tove Harbour Union’s industrial officer.";
    let es = run(Lang::En, t, &[("Tamba Kuyateh", "ORG")]);
    assert!(has_name(&es, "Tamba Kuyateh", P), "{:?}", names(&es));
    let t = "The vote was delayed, said Tamba Kuyateh, a Marle Valley Party (MVP) legislator.";
    let es = run(Lang::En, t, &[("Tamba Kuyateh", "ORG")]);
    assert!(has_name(&es, "Tamba Kuyateh", P), "{:?}", names(&es));
    // Not a role the phrase goes on after: "officer training" is what the union runs.
    let t = "The course is run by Brackwater Skills, the Harbour Union’s officer training scheme.";
    let es = run(Lang::En, t, &[("Brackwater Skills", "ORG")]);
    assert!(has_name(&es, "Brackwater Skills", O), "{:?}", names(&es));
    // Before the name: a role and its complement, the clause ending on the body's name.
    let t = "Chair of the Tove Valley Water Board, Tamba Kuyateh, said the dam would hold.";
    let es = run(
        Lang::En,
        t,
        &[("Tove Valley Water Board", "ORG"), ("Tamba Kuyateh", "ORG")],
    );
    assert!(has_name(&es, "Tamba Kuyateh", P), "{:?}", names(&es));
    assert!(
        has_name(&es, "Tove Valley Water Board", O),
        "{:?}",
        names(&es)
    );
}

#[test]
fn councillors_and_owners_are_roles() {
    let t = "Owner Tamba Kuyateh said the venue would close. Cr Ada Obiora agreed.";
    let es = run(
        Lang::En,
        t,
        &[("Tamba Kuyateh", "ORG"), ("Cr Ada Obiora", "PERSON")],
    );
    assert!(has_name(&es, "Tamba Kuyateh", P), "{:?}", names(&es));
    assert!(has_name(&es, "Ada Obiora", P), "{:?}", names(&es));
}

#[test]
fn a_town_owning_a_persons_name_is_where_the_person_comes_from() {
    let kb = towns(&["Tracy", "Marwick"]);
    let t = "Lowe's rink edged Tracy's Evan Klassen 7-6 in the final, then beat Marwick's Ann \
             Pell 8-4 for the title.";
    let es = run_kb(
        Lang::En,
        t,
        &[
            ("Lowe", "PERSON"),
            ("Tracy", "PERSON"),
            ("Evan Klassen", "PERSON"),
            ("Marwick", "ORG"),
            ("Ann Pell", "PERSON"),
        ],
        &kb,
    );
    assert!(has_name(&es, "Tracy", L), "{:?}", names(&es));
    assert!(has_name(&es, "Marwick", L), "{:?}", names(&es));
}

#[test]
fn a_currency_zones_initials_name_no_body() {
    let t = "Le budget atteint 500 millions de francs CFA, et Tovel paie en francs CFP.";
    let es = run(
        Lang::Fr,
        t,
        &[("CFA", "ORG"), ("Tovel", "LOC"), ("CFP", "ORG")],
    );
    let named = |es: &[crate::enrich::types::Entity]| -> Vec<_> {
        names(es)
            .into_iter()
            .filter(|(_, t)| *t != crate::enrich::types::EntityType::Misc)
            .collect()
    };
    assert_eq!(named(&es), [("Tovel".to_string(), L)]);
    let t = "The grant is worth 500 million CFA francs to the Tovel Bank.";
    let es = run(Lang::En, t, &[("CFA", "ORG"), ("Tovel Bank", "ORG")]);
    assert_eq!(named(&es), [("Tovel Bank".to_string(), O)]);
}

#[test]
fn a_hint_from_the_words_around_breaks_a_tie_with_the_models_labels() {
    // Four mentions labelled an organisation weigh as much as one the words around make a
    // place ("the city of"); the words around win the tie.
    let t = "Marlo Verde approved the plan. Marlo Verde grew. Marlo Verde hired staff. Marlo \
             Verde paid. Residents of the city of Marlo Verde cheered.";
    let labels = [("Marlo Verde", "ORG"); 5];
    let es = run(Lang::En, t, &labels);
    assert_eq!(names(&es), [("Marlo Verde".to_string(), L)]);
}

#[test]
fn the_medium_that_took_the_words_is_a_body() {
    let t = "« Nous n'avons rien reçu », a-t-elle expliqué en entrevue avec Le Courrier de Tovel. \
             Contacté par La Gazette, le maire n'a pas répondu.";
    let es = run(
        Lang::Fr,
        t,
        &[("Le Courrier de Tovel", "LOC"), ("La Gazette", "MISC")],
    );
    let n = names(&es);
    assert!(
        n.contains(&("Le Courrier de Tovel".to_string(), O)),
        "{n:?}"
    );
    assert!(n.contains(&("La Gazette".to_string(), O)), "{n:?}");
}

#[test]
fn a_capitalised_article_inside_a_sentence_opens_the_name() {
    // The model left the article out; with it, after "told", the name is a medium's.
    let t = "Her lawyer told The Tovelian that the appeal would go ahead. The ferry stops \
             a mile from The Marle, the old harbour.";
    let es = run(
        Lang::En,
        t,
        &[("Tovelian", "WORK_OF_ART"), ("Marle", "LOC")],
    );
    let n = names(&es);
    assert!(n.contains(&("The Tovelian".to_string(), O)), "{n:?}");
    assert!(n.contains(&("The Marle".to_string(), L)), "{n:?}");
    // Not an article opening a sentence, nor one opening two names joined by "and".
    let t = "The Tovel Herald closed. Both are run by The Marle and Sarne Hospitals Trust.";
    let es = run(
        Lang::En,
        t,
        &[
            ("Tovel Herald", "ORG"),
            ("Marle", "ORG"),
            ("Sarne Hospitals Trust", "ORG"),
        ],
    );
    let n = names(&es);
    assert!(n.contains(&("Tovel Herald".to_string(), O)), "{n:?}");
    assert!(!n.iter().any(|(name, _)| name == "The Marle"), "{n:?}");
}

#[test]
fn a_small_town_of_several_words_in_the_articles_country_is_no_person() {
    // A town of 4,000 inhabitants, of the country of the article's other place.
    let kb = |country: &str| {
        let src = format!(
            "geonames:1\tcity\t40000\tXX\t\tMarlby\t\t\n\
             geonames:2\tcity\t4000\t{country}\t\tSarne Quay\t\t\n"
        );
        Kb::new(parse_places(&src, "places.tsv").unwrap(), Vec::new())
    };
    let t = "The ward in Marlby stays open, but the beds at Dunmere or Sarne Quay will go.";
    let spans = [
        ("Marlby", "GPE"),
        ("Dunmere", "GPE"),
        ("Sarne Quay", "PERSON"),
    ];
    let es = run_kb(Lang::En, t, &spans, &kb("XX"));
    assert!(has_name(&es, "Sarne Quay", L), "{:?}", names(&es));
    // A small town of another country does not unseat the model's person.
    let es = run_kb(Lang::En, t, &spans, &kb("YY"));
    assert!(has_name(&es, "Sarne Quay", P), "{:?}", names(&es));
}

#[test]
fn a_body_serving_an_area_names_its_town() {
    // "Community Council" serves the town it is named after: the town alone is no short name.
    let t = "Tovelby Community Council met on Monday. Tovelby lost its pool this winter.";
    let kb = towns(&["Tovelby"]);
    let spans = [("Tovelby Community Council", "ORG"), ("Tovelby", "ORG")];
    let es = run_kb(Lang::En, t, &spans, &kb);
    assert!(has_name(&es, "Tovelby", L), "{:?}", names(&es));
    // A firm's first word alone is still the firm's short name.
    let t = "Tovelby Tool Company met on Monday. Tovelby lost its pool this winter.";
    let spans = [("Tovelby Tool Company", "ORG"), ("Tovelby", "ORG")];
    let es = run_kb(Lang::En, t, &spans, &kb);
    assert!(has_name(&es, "Tovelby", O), "{:?}", names(&es));
}

#[test]
fn a_town_the_model_labels_now_a_person_now_a_body_is_the_town() {
    let t = "Tovelby lost its pool this winter. Tovelby voted against the plan.";
    // A town of 12,000 inhabitants, too small to be taken for a nationality's town alone.
    let kb = cities(&["Tovelby"], 12_000);
    let es = run_kb(
        Lang::En,
        t,
        &[("Tovelby", "PERSON"), ("Tovelby", "NORP")],
        &kb,
    );
    assert!(has_name(&es, "Tovelby", L), "{:?}", names(&es));
}

#[test]
fn a_judges_or_counsels_title_or_a_trade_before_a_name_is_no_part_of_it() {
    let t = "Recorder Ann Tovel said the case was grave. Crown Counsel Tom Marle agreed.";
    let es = run(
        Lang::En,
        t,
        &[
            ("Recorder Ann Tovel", "PERSON"),
            ("Crown Counsel Tom Marle", "PERSON"),
        ],
    );
    assert!(has_name(&es, "Ann Tovel", P), "{:?}", names(&es));
    assert!(has_name(&es, "Tom Marle", P), "{:?}", names(&es));
    // A police rank: Ireland's "Garda" before a name, like "Constable".
    let t = "Garda Ruth Tovel stopped the car. Garda Tovel said the driver had no licence.";
    let es = run(
        Lang::En,
        t,
        &[("Garda Ruth Tovel", "PERSON"), ("Garda Tovel", "PERSON")],
    );
    assert_eq!(names(&es), [("Ruth Tovel".to_string(), P)]);
    // An Irish council's chair, in Irish.
    let t = "Cathaoirleach Cllr Ann Sarne opened the meeting.";
    let es = run(Lang::En, t, &[("Cathaoirleach Cllr Ann Sarne", "PERSON")]);
    assert_eq!(names(&es), [("Ann Sarne".to_string(), P)]);
    let t = "Hydrogeologist Ruth Sarne said the aquifer was falling.";
    let es = run(Lang::En, t, &[("Hydrogeologist Ruth Sarne", "PERSON")]);
    assert_eq!(names(&es), [("Ruth Sarne".to_string(), P)]);
    // A member of Ireland's Dáil after the constituency, glued into one span by the model.
    let t = "The motion was backed by Tovel TD Tania Marle on Monday.";
    let es = run(Lang::En, t, &[("Tovel TD Tania Marle", "ORG")]);
    assert!(has_name(&es, "Tania Marle", P), "{:?}", names(&es));
}

#[test]
fn a_small_town_of_the_articles_country_labelled_a_nationality_is_the_town() {
    // A town of 4,000 inhabitants, in the country of the article's other place.
    let kb = |country: &str| {
        let src = format!(
            "geonames:1\tcity\t40000\tXX\t\tMarlby\t\t\n\
             geonames:2\tcity\t4000\t{country}\t\tSarnethorpe\t\t\n"
        );
        Kb::new(parse_places(&src, "places.tsv").unwrap(), Vec::new())
    };
    let t = "Frost hit the vines around Marlby and Sarnethorpe overnight.";
    let spans = [("Marlby", "GPE"), ("Sarnethorpe", "NORP")];
    let es = run_kb(Lang::En, t, &spans, &kb("XX"));
    assert!(has_name(&es, "Sarnethorpe", L), "{:?}", names(&es));
    // Another country's village does not unseat the model's label.
    let es = run_kb(Lang::En, t, &spans, &kb("YY"));
    assert!(!has_name(&es, "Sarnethorpe", L), "{:?}", names(&es));
}
