//! Tests of speech cues: an infinitive of narration, roles named in an incise or after a
//! definite article.

use super::tests::attribute;
use crate::enrich::profile::Lang;

/// `(quote, speaker)` pairs, owned.
fn said(pairs: &[(&str, &str)]) -> Vec<(String, Option<String>)> {
    pairs
        .iter()
        .map(|(q, s)| (q.to_string(), Some(s.to_string())))
        .collect()
}

#[test]
fn an_infinitive_of_narration_goes_on_with_the_speaker_before() {
    let text = "« Nous allons embaucher », explique Marc Dorel, patron de Vexa. Avant d'ajouter : \
                « Mais nous ne pouvons pas ignorer nos coûts. »";
    assert_eq!(
        attribute(Lang::Fr, text, &[("Marc Dorel", "PER"), ("Vexa", "ORG")]),
        said(&[
            ("Nous allons embaucher", "Marc Dorel"),
            ("Mais nous ne pouvons pas ignorer nos coûts.", "Marc Dorel"),
        ])
    );
}

#[test]
fn a_deputy_mayor_and_a_finance_chief_are_roles() {
    let text = "L'adjointe aux finances, Sylvie Maraval, a présenté le budget. « Ce n'est pas un \
                projet léger, a insisté l'adjointe. Chaque euro a été vérifié. »";
    assert_eq!(
        attribute(Lang::Fr, text, &[("Sylvie Maraval", "PER")]),
        said(&[
            ("Ce n'est pas un projet léger", "Sylvie Maraval"),
            ("Chaque euro a été vérifié.", "Sylvie Maraval"),
        ])
    );
    let text = "Anne Lievens, directrice financière de Vexa, se veut rassurante. La trésorerie \
                couvrira « au moins trente mois d'activité », assure la CFO.";
    assert_eq!(
        attribute(Lang::Fr, text, &[("Anne Lievens", "PER"), ("Vexa", "ORG")]),
        said(&[("au moins trente mois d'activité", "Anne Lievens")])
    );
}

#[test]
fn a_body_before_a_role_qualifies_it_and_the_person_named_after_speaks() {
    let text = "But the Tove Growers Union (TGU) president Ada Roe was unimpressed: \"This story \
                repeats itself every year.\"\n\nTove Ministry of Health spokesperson Kofi \
                Mensah described it as \"a temporary logistical problem\" and left.";
    assert_eq!(
        attribute(
            Lang::En,
            text,
            &[
                ("Tove Growers Union", "ORG"),
                ("TGU", "ORG"),
                ("Ada Roe", "PERSON"),
                ("Tove Ministry of Health", "ORG"),
            ]
        ),
        said(&[
            ("This story repeats itself every year.", "Ada Roe"),
            ("a temporary logistical problem", "Kofi Mensah"),
        ])
    );
}
