//! Tests of canonicalisation, and the helpers the sibling modules' tests share.

use super::*;
use crate::enrich::ner::EntSpan;
use crate::enrich::profile::Lang;
use crate::enrich::types::{EntityType, TextField};

/// The entities of `text` (one body field) from the NER spans `spans` (surface form, label),
/// found in order.
pub(super) fn run(lang: Lang, text: &str, spans: &[(&str, &str)]) -> Vec<Entity> {
    run_kb(lang, text, spans, &Kb::default())
}

/// A KB of the towns `towns`, each of 50,000 inhabitants.
pub(super) fn towns(towns: &[&str]) -> Kb {
    cities(towns, 50_000)
}

/// A KB of the cities `names`, each of `population` inhabitants.
pub(super) fn cities(towns: &[&str], population: u64) -> Kb {
    let named: Vec<(&str, &[&str])> = towns.iter().map(|t| (*t, &[][..])).collect();
    aliased_cities(&named, population)
}

/// A KB of the cities `(name, aliases)`, each of `population` inhabitants.
pub(super) fn aliased_cities(towns: &[(&str, &[&str])], population: u64) -> Kb {
    use crate::enrich::kb::{KbEntry, Place, PlaceKind, Source};
    let entries = towns
        .iter()
        .enumerate()
        .map(|(i, (name, aliases))| KbEntry {
            id: format!("test:{i}"),
            ty: EntityType::Location,
            name: name.to_string(),
            names: Vec::new(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            place: Some(Place {
                kind: PlaceKind::City,
                population,
                country: "US".into(),
                admin1: String::new(),
            }),
            source: Source::BuiltIn,
        })
        .collect();
    Kb::new(entries, Vec::new())
}

/// A KB of one country of 5 million inhabitants, `name`, with its names in other languages
/// (`(lang, name)`) and its aliases.
pub(super) fn country(name: &str, names: &[(&str, &str)], aliases: &[&str]) -> Kb {
    use crate::enrich::kb::{KbEntry, LangName, Place, PlaceKind, Source};
    let e = KbEntry {
        id: "test:1".into(),
        ty: EntityType::Location,
        name: name.into(),
        names: names
            .iter()
            .map(|(lang, name)| LangName {
                lang: lang.to_string(),
                name: name.to_string(),
            })
            .collect(),
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
        place: Some(Place {
            kind: PlaceKind::Country,
            population: 5_000_000,
            country: "VD".into(),
            admin1: String::new(),
        }),
        source: Source::BuiltIn,
    };
    Kb::new(vec![e], Vec::new())
}

/// [`run`] with the places of `kb`.
pub(super) fn run_kb(lang: Lang, text: &str, spans: &[(&str, &str)], kb: &Kb) -> Vec<Entity> {
    let res = Profile::load(lang);
    let doc = Document {
        fields: vec![TextField { name: "body", text }],
        lang: Some(lang.code()),
    };
    let mut sp = Vec::new();
    let mut from = 0;
    for (s, l) in spans {
        let i = from + text[from..].find(s).unwrap();
        sp.push((
            0,
            EntSpan {
                start: i,
                end: i + s.len(),
                label: l.to_string(),
            },
        ));
        from = i + s.len();
    }
    canonicalize_parsed(&Analysis::new(&doc, &res), &sp, &res, &[], kb).entities
}

/// Each entity's name and type.
pub(super) fn names(es: &[Entity]) -> Vec<(String, EntityType)> {
    es.iter().map(|e| (e.name.clone(), e.entity_type)).collect()
}

#[test]
fn surnames_acronyms_articles() {
    let t = "Jean Dupuis est arrivé à l'ONU. Les Nations unies l'ont reçu, et Dupuis a parlé aux Lyonnais. Dupuis repart lundi.";
    let es = run(
        Lang::Fr,
        t,
        &[
            ("Jean Dupuis", "PER"),
            ("l'ONU", "ORG"),
            ("Les Nations unies", "ORG"),
            ("Dupuis", "ORG"),
            ("Lyonnais", "LOC"),
        ],
    );
    let n = names(&es);
    assert_eq!(
        n,
        [
            ("Jean Dupuis".into(), EntityType::Person),
            ("Nations unies".into(), EntityType::Organization)
        ],
        "{n:?}"
    );
    assert_eq!(es[0].mentions.len(), 3, "{:?}", es[0].mentions);
    assert_eq!(es[0].id, "person:jean-dupuis");
    assert_eq!(es[1].mentions[0].text, "ONU");
}

#[test]
fn parenthetical_titles_and_offsets() {
    let t =
        "L’Organisation mondiale de la santé (OMS) et la Haute-Commissaire Émilie Roux, à Genève.";
    let es = run(
        Lang::Fr,
        t,
        &[
            ("L’Organisation mondiale de la santé", "ORG"),
            ("OMS", "ORG"),
            ("Haute-Commissaire", "ORG"),
            ("Émilie Roux", "PER"),
            ("Genève", "LOC"),
        ],
    );
    let n = names(&es);
    assert_eq!(n.len(), 3, "{n:?}");
    assert_eq!(es[0].name, "Organisation mondiale de la santé");
    let chars: Vec<char> = t.chars().collect();
    for e in &es {
        for m in &e.mentions {
            assert_eq!(chars[m.start..m.end].iter().collect::<String>(), m.text);
        }
    }
}

#[test]
fn english_coordination_possessive_and_types() {
    let t = "Anna and Paul Kessler visited the Mills Museum's garden. Kessler's friend met Dr. Lee at Elm Street. The Kremlin said nothing on Tuesday.";
    let es = run(
        Lang::En,
        t,
        &[
            ("Anna and Paul Kessler", "PERSON"),
            ("the Mills Museum's", "GPE"),
            ("Kessler", "ORG"),
            ("Elm Street", "ORG"),
            ("Kremlin", "GPE"),
            ("Tuesday", "DATE"),
        ],
    );
    let n = names(&es);
    assert!(
        n.contains(&("Paul Kessler".into(), EntityType::Person)),
        "{n:?}"
    );
    assert!(n.contains(&("Anna".into(), EntityType::Person)), "{n:?}");
    assert!(
        n.contains(&("Mills Museum".into(), EntityType::Organization)),
        "{n:?}"
    );
    assert!(
        n.contains(&("Elm Street".into(), EntityType::Location)),
        "{n:?}"
    );
    assert!(
        n.contains(&("Kremlin".into(), EntityType::Organization)),
        "{n:?}"
    );
    let pk = es.iter().find(|e| e.name == "Paul Kessler").unwrap();
    assert_eq!(pk.mentions.len(), 2);
    // A date is no entity, not even a misc one.
    assert!(!n.iter().any(|(x, _)| x == "Tuesday"), "{n:?}");
}

#[test]
fn capitalised_article_inside_a_name() {
    let t = "Selon Le Monde, la ville est calme. Le Monde cite aussi The Hague Times.";
    let es = run(Lang::Fr, t, &[("Le Monde", "ORG"), ("Le Monde", "ORG")]);
    assert_eq!(es.len(), 1);
    assert_eq!(es[0].name, "Le Monde");
    assert_eq!(es[0].mentions.len(), 2);
}

#[test]
fn a_capitalised_elided_article_inside_a_sentence_belongs_to_the_name() {
    let t = "Il l'a confié à L'Éveil tovelien, puis aux pompiers de L’Isle-Ruvo. L'Avenir l'a \
             repris, comme L'Etat.";
    let es = run(
        Lang::Fr,
        t,
        &[
            ("L'Éveil tovelien", "ORG"),
            ("L’Isle-Ruvo", "LOC"),
            ("L'Avenir", "ORG"),
            ("L'Etat", "LOC"),
        ],
    );
    let n: Vec<&str> = es.iter().map(|e| e.name.as_str()).collect();
    // Kept inside a sentence, dropped where it opens one.
    for name in ["L'Éveil tovelien", "L’Isle-Ruvo", "Avenir"] {
        assert!(n.contains(&name), "{name}: {n:?}");
    }
    // A common word is no name, with its article or without.
    assert!(!n.iter().any(|x| x.contains("Etat")), "{n:?}");
}

#[test]
fn streets_titles_legal_forms() {
    let t = "Le feu a pris rue Erlanger, selon Me Paul Roy. Apple Inc. a confirmé ; Apple ne commente pas l'AI.";
    let es = run(
        Lang::Fr,
        t,
        &[
            ("Erlanger", "PER"),
            ("Me Paul Roy", "PER"),
            ("Apple Inc.", "ORG"),
            ("Apple", "ORG"),
            ("AI", "ORG"),
        ],
    );
    let n = names(&es);
    assert!(
        n.contains(&("rue Erlanger".into(), EntityType::Location)),
        "{n:?}"
    );
    assert!(
        n.contains(&("Paul Roy".into(), EntityType::Person)),
        "{n:?}"
    );
    let apple = es.iter().find(|e| e.name == "Apple Inc.").unwrap();
    assert_eq!(apple.mentions.len(), 2, "{:?}", apple.mentions);
    assert!(
        n.contains(&("AI".into(), EntityType::Organization)),
        "{n:?}"
    );
}

#[test]
fn a_name_cut_after_its_inner_word_is_joined() {
    let t = "Funds came from the City of Houston last year.";
    let es = run(Lang::En, t, &[("the City of", "GPE"), ("Houston", "GPE")]);
    // The capitalised "City of" names the council (`authority|city of`).
    assert_eq!(
        names(&es),
        [("City of Houston".to_string(), EntityType::Organization)]
    );
}

#[test]
fn datelines_amounts_and_head_nouns() {
    let t = "NEW ORLEANS (AP) — Crews worked in New Orleans. The Regional Commission fined Acme 1.8 billion euros; the Commission said so.";
    let es = run(
        Lang::En,
        t,
        &[
            ("NEW ORLEANS", "GPE"),
            ("AP", "ORG"),
            ("New Orleans", "GPE"),
            ("The Regional Commission", "ORG"),
            ("Acme 1.8 billion", "ORG"),
            ("Commission", "ORG"),
        ],
    );
    let n = names(&es);
    assert_eq!(
        n,
        [
            ("New Orleans".into(), EntityType::Location),
            ("AP".into(), EntityType::Organization),
            ("Regional Commission".into(), EntityType::Organization),
            ("Acme".into(), EntityType::Organization),
        ],
        "{n:?}"
    );
    let t =
        "La Commission européenne a tranché. La Commission a ajouté que la Ligue 1 reprendrait.";
    let es = run(
        Lang::Fr,
        t,
        &[
            ("La Commission européenne", "ORG"),
            ("La Commission", "ORG"),
            ("Ligue 1", "ORG"),
        ],
    );
    let n = names(&es);
    assert_eq!(
        n,
        [
            ("Commission européenne".into(), EntityType::Organization),
            ("Ligue 1".into(), EntityType::Organization),
        ],
        "{n:?}"
    );
}

#[test]
fn lower_case_heads_name_the_institution_of_a_place() {
    let t = "Arrêté à l'aéroport de Brest, il sera jugé par le tribunal correctionnel de Quimper. La mairie de Brest se tait. Brest reste calme, comme la province de Namur.";
    let es = run(
        Lang::Fr,
        t,
        &[
            ("Brest", "LOC"),
            ("Quimper", "LOC"),
            ("Brest", "LOC"),
            ("Brest", "LOC"),
            ("province de Namur", "LOC"),
        ],
    );
    let n = names(&es);
    assert_eq!(
        n,
        [
            ("aéroport de Brest".into(), EntityType::Location),
            (
                "tribunal correctionnel de Quimper".into(),
                EntityType::Organization
            ),
            ("mairie de Brest".into(), EntityType::Organization),
            ("Brest".into(), EntityType::Location),
            ("Namur".into(), EntityType::Location),
        ],
        "{n:?}"
    );
    assert_eq!(es[3].mentions.len(), 1, "{:?}", es[3].mentions);
}

#[test]
fn spans_are_trimmed_not_dropped() {
    let t = "Le vieux quartier de Vannes a rouvert. Le Bundestag mardi a voté ; la ministre de la Culture était absente.";
    let es = run(
        Lang::Fr,
        t,
        &[
            ("quartier de Vannes", "LOC"),
            ("Bundestag mardi", "ORG"),
            ("ministre de la Culture", "ORG"),
        ],
    );
    let n = names(&es);
    assert_eq!(
        n,
        [
            ("Vannes".into(), EntityType::Location),
            ("Bundestag".into(), EntityType::Organization),
        ],
        "{n:?}"
    );
}

#[test]
fn glued_roles_and_possessives_are_evidence_of_a_person() {
    let t = "Organizer Paul Smith thanked the Gazette's Ann Lee. Orange County sued Orange over the Heathrow Airport deal, and General Motors stayed out.";
    let es = run(
        Lang::En,
        t,
        &[
            ("Organizer Paul Smith", "ORG"),
            ("the Gazette's Ann Lee", "PERSON"),
            ("Orange County", "GPE"),
            ("Orange", "ORG"),
            ("Heathrow Airport", "ORG"),
            ("General Motors", "ORG"),
        ],
    );
    let n = names(&es);
    for want in [
        ("Paul Smith", EntityType::Person),
        ("Ann Lee", EntityType::Person),
        ("Orange County", EntityType::Location),
        ("Orange", EntityType::Organization),
        ("Heathrow Airport", EntityType::Location),
        ("General Motors", EntityType::Organization),
    ] {
        assert!(n.contains(&(want.0.into(), want.1)), "{want:?} in {n:?}");
    }
    assert!(
        !n.iter()
            .any(|(x, _)| x.contains("Gazette") && x.contains("Lee")),
        "{n:?}"
    );
}

#[test]
fn a_person_needs_evidence() {
    // One mention labelled a person against two labelled an organisation, no first name,
    // no role: not a person. A person's name before an organisation's head word names it.
    let t = "Veltra Kessin won the tender. Kessin will build it; Kessin hires. Ann Lee Productions signed Paul Roy, and Roy spoke.";
    let es = run(
        Lang::En,
        t,
        &[
            ("Veltra Kessin", "PERSON"),
            ("Kessin", "ORG"),
            ("Kessin", "ORG"),
            ("Ann Lee Productions", "PERSON"),
            ("Paul Roy", "PERSON"),
            ("Roy", "ORG"),
        ],
    );
    let n = names(&es);
    assert_eq!(
        n,
        [
            ("Veltra Kessin".into(), EntityType::Organization),
            ("Ann Lee Productions".into(), EntityType::Organization),
            ("Paul Roy".into(), EntityType::Person),
        ],
        "{n:?}"
    );
}

#[test]
fn credit_lines_are_no_entities() {
    let res = Profile::load(Lang::En);
    let text =
        "By Jane Roe, Valley Gazette\nMayor Tom Fell opened the bridge. (Photo: Ann Lee/Reuters)";
    let doc = Document {
        fields: vec![TextField { name: "body", text }],
        lang: Some("en"),
    };
    let mut sp = Vec::new();
    for (s, l) in [
        ("Jane Roe", "PERSON"),
        ("Valley Gazette", "ORG"),
        ("Tom Fell", "PERSON"),
        ("Ann Lee", "PERSON"),
        ("Reuters", "ORG"),
    ] {
        let i = text.find(s).unwrap();
        let label = l.to_string();
        sp.push((
            0,
            EntSpan {
                start: i,
                end: i + s.len(),
                label,
            },
        ));
    }
    let c = canonicalize(&Analysis::new(&doc, &res), &sp, &res);
    assert_eq!(
        names(&c.entities),
        [("Tom Fell".into(), EntityType::Person)]
    );
    let credits: Vec<(&str, Vec<String>)> = c
        .credits
        .iter()
        .map(|c| (c.text.as_str(), c.names.clone()))
        .collect();
    assert_eq!(
        credits,
        [
            (
                "By Jane Roe, Valley Gazette",
                vec!["Jane Roe".into(), "Valley Gazette".into()]
            ),
            (
                "(Photo: Ann Lee/Reuters)",
                vec!["Ann Lee".into(), "Reuters".into()]
            ),
        ]
    );
    let chars: Vec<char> = text.chars().collect();
    for cr in &c.credits {
        assert_eq!(chars[cr.start..cr.end].iter().collect::<String>(), cr.text);
    }
}

#[test]
fn no_panic_on_bad_spans() {
    let t = "é«»";
    let es = run(Lang::Fr, t, &[]);
    assert!(es.is_empty());
    let res = Profile::load(Lang::Fr);
    let doc = Document {
        fields: vec![TextField {
            name: "body",
            text: t,
        }],
        lang: Some(Lang::Fr.code()),
    };
    let sp = vec![
        (
            0,
            EntSpan {
                start: 1,
                end: 9,
                label: "PER".into(),
            },
        ),
        (
            3,
            EntSpan {
                start: 0,
                end: 1,
                label: "PER".into(),
            },
        ),
        (
            0,
            EntSpan {
                start: 0,
                end: 2,
                label: "PER".into(),
            },
        ),
    ];
    let _ = canonicalize(&Analysis::new(&doc, &res), &sp, &res);
}

#[test]
fn airline_head_words_and_a_rapper_type_their_names() {
    let es = run(
        Lang::En,
        "Northern Airways cancelled flights, and the rapper Kid Nova complained.",
        &[("Northern Airways", "NORP"), ("Kid Nova", "ORG")],
    );
    assert_eq!(
        names(&es),
        [
            ("Northern Airways".to_string(), EntityType::Organization),
            ("Kid Nova".to_string(), EntityType::Person)
        ]
    );
    let es = run(
        Lang::Fr,
        "Harbor Airlines a annulé ses vols, a regretté le rappeur Kid Nova.",
        &[("Harbor Airlines", "MISC"), ("Kid Nova", "ORG")],
    );
    assert_eq!(
        names(&es),
        [
            ("Harbor Airlines".to_string(), EntityType::Organization),
            ("Kid Nova".to_string(), EntityType::Person)
        ]
    );
}

#[test]
fn a_context_hint_is_overruled_by_the_head_word_only() {
    // "City" opens the name but is no head in English: the magazine before it says more.
    let es = run(
        Lang::En,
        "She writes for the magazine City Weekly in Shanghai.",
        &[("City Weekly", "ORG"), ("Shanghai", "GPE")],
    );
    assert_eq!(
        names(&es),
        [
            ("City Weekly".to_string(), EntityType::Organization),
            ("Shanghai".to_string(), EntityType::Location)
        ]
    );
}

#[test]
fn a_list_item_ending_on_a_common_noun_is_no_name() {
    // "question" is the head of "the Tibet question": the name is "Tibet".
    let es = run(
        Lang::En,
        "They talked about all disputes, including the Tibet question, and trade.",
        &[("Tibet", "GPE")],
    );
    assert_eq!(names(&es), [("Tibet".to_string(), EntityType::Location)]);
}

#[test]
fn a_name_and_its_acronym_in_parentheses_are_two_mentions_of_one_body() {
    // The model runs the name into the opening parenthesis of its acronym.
    let t = "The Harbor Safety Board (HSB) said the road had been checked.";
    let es = run(Lang::En, t, &[("Harbor Safety Board (HSB", "ORG")]);
    assert_eq!(
        names(&es),
        [("Harbor Safety Board".to_string(), EntityType::Organization)]
    );
    let texts: Vec<&str> = es[0].mentions.iter().map(|m| m.text.as_str()).collect();
    assert_eq!(texts, ["Harbor Safety Board", "HSB"]);
}

#[test]
fn a_datelines_place_is_a_place() {
    let t = "VARENNE, France (AFP) - Norwegian rider Erik Dahl won the stage on Wednesday.";
    let es = run(Lang::En, t, &[("VARENNE", "ORG"), ("France", "GPE")]);
    assert!(
        names(&es).contains(&("VARENNE".to_string(), EntityType::Location)),
        "{:?}",
        names(&es)
    );
}

#[test]
fn lower_case_names_of_institutions_chain_their_complements() {
    let t = "Le tribunal de commerce de Caen et le groupement de gendarmerie de l'Orne ont été saisis, comme la cour d'assises d'Ille-et-Vilaine, réunie à la salle des Ursulines. Lyon est à la 6e place à 6 points de Lille.";
    let es = run(
        Lang::Fr,
        t,
        &[
            ("Caen", "LOC"),
            ("de l'", "LOC"),
            ("Orne", "LOC"),
            ("Ille-et-Vilaine", "LOC"),
            ("Ursulines", "LOC"),
            ("Lyon", "LOC"),
            ("Lille", "LOC"),
        ],
    );
    let n = names(&es);
    assert_eq!(
        n,
        [
            (
                "tribunal de commerce de Caen".into(),
                EntityType::Organization
            ),
            (
                "groupement de gendarmerie de l'Orne".into(),
                EntityType::Organization
            ),
            (
                "cour d'assises d'Ille-et-Vilaine".into(),
                EntityType::Organization
            ),
            ("salle des Ursulines".into(), EntityType::Location),
            ("Lyon".into(), EntityType::Location),
            ("Lille".into(), EntityType::Location),
        ],
        "{n:?}"
    );
}

#[test]
fn a_hyphenated_head_types_the_name() {
    let t = "La réunion se tiendra à la sous-préfecture de Morlaix.";
    let es = run(Lang::Fr, t, &[("sous-préfecture de Morlaix", "LOC")]);
    assert_eq!(
        names(&es),
        [(
            "sous-préfecture de Morlaix".into(),
            EntityType::Organization
        )]
    );
}

#[test]
fn a_title_of_address_makes_a_person_whatever_the_label() {
    let t = "\"We will appeal,\" Ms Tarrant said. Cllr Tom Ruiz did not reply.";
    let es = run(
        Lang::En,
        t,
        &[("Ms Tarrant", "ORG"), ("Cllr Tom Ruiz", "PERSON")],
    );
    assert_eq!(
        names(&es),
        [
            ("Tarrant".into(), EntityType::Person),
            ("Tom Ruiz".into(), EntityType::Person),
        ]
    );
}

#[test]
fn streets_and_buildings_named_after_someone_stay_whole() {
    let t =
        "The bakery on King Edward Boulevard shut. Staff met at the university's Mercer Building.";
    let es = run(
        Lang::En,
        t,
        &[
            ("King Edward Boulevard", "ORG"),
            ("university's Mercer Building", "ORG"),
        ],
    );
    assert_eq!(
        names(&es),
        [
            ("King Edward Boulevard".into(), EntityType::Location),
            ("Mercer Building".into(), EntityType::Location),
        ]
    );
}

#[test]
fn one_word_opening_a_company_name_is_the_company() {
    let t = "Dunraven Mining Corp posted a loss. Dunraven said output would recover.";
    let es = run(
        Lang::En,
        t,
        &[("Dunraven Mining Corp", "ORG"), ("Dunraven", "ORG")],
    );
    assert_eq!(
        names(&es),
        [("Dunraven Mining Corp".into(), EntityType::Organization)]
    );
    assert_eq!(es[0].mentions.len(), 2, "{:?}", es[0].mentions);
}

#[test]
fn a_capitalised_portfolio_role_is_no_name() {
    let t = "The state's Water Minister, Ann Roe, visited. The Singing Detective was shown.";
    let es = run(
        Lang::En,
        t,
        &[
            ("Water Minister", "PERSON"),
            ("Ann Roe", "PERSON"),
            ("The Singing Detective", "WORK_OF_ART"),
        ],
    );
    let n = names(&es);
    assert!(!n.iter().any(|(x, _)| x == "Water Minister"), "{n:?}");
    assert!(n.iter().any(|(x, _)| x == "Ann Roe"), "{n:?}");
}

#[test]
fn a_place_s_head_word_outweighs_a_person_label_without_a_first_name() {
    let t = "Parents from Marrow Creek and Tilden Falls drove their children. Tom Hill said so.";
    let es = run(
        Lang::En,
        t,
        &[
            ("Marrow Creek", "PERSON"),
            ("Tilden Falls", "PERSON"),
            ("Tom Hill", "PERSON"),
        ],
    );
    let n = names(&es);
    assert!(
        n.contains(&("Marrow Creek".into(), EntityType::Location)),
        "{n:?}"
    );
    assert!(
        n.contains(&("Tilden Falls".into(), EntityType::Location)),
        "{n:?}"
    );
    assert!(
        n.contains(&("Tom Hill".into(), EntityType::Person)),
        "{n:?}"
    );
}
