//! Tests of the referents of roles, pronouns and surnames in attributions: an unnamed person
//! introduced with a role, a paragraph of quoted words between a person and a pronoun, a
//! surname written first.

use super::tests::{attribute, of_kind};
use crate::enrich::profile::Lang;
use crate::enrich::types::QuoteKind;

#[test]
fn a_role_an_unnamed_person_was_introduced_with_names_nobody() {
    let text = "A detective constable told the court that the van had been stolen. Lena Farrow, \
                who owned it, sat in the gallery.\n\n“We followed every lead we had,” the \
                constable said.";
    assert_eq!(
        attribute(Lang::En, text, &[("Lena Farrow", "PER")]),
        [("We followed every lead we had,".to_string(), None)]
    );
}

#[test]
fn a_paragraph_of_quoted_words_does_not_count_between_a_person_and_a_pronoun() {
    let text = "The council's spokesperson, Ines Varga, said the bridge would reopen.\n\n\
                According to her, repairs cost two million.\n\n\
                “The crews worked through the night and the deck is sound. Traffic will flow \
                again by Monday morning,” the statement read.\n\n\
                She added: “We thank residents for their patience.”";
    let qs = attribute(Lang::En, text, &[("Ines Varga", "PER")]);
    assert_eq!(
        qs.last(),
        Some(&(
            "We thank residents for their patience.".to_string(),
            Some("Ines Varga".to_string())
        )),
        "{qs:?}"
    );
}

#[test]
fn a_surname_written_before_a_hyphenated_given_name_is_that_person() {
    let text = "Wong Ka-ming, a tenant organiser, said rents had doubled.\n\n\
                “Nobody here can afford this,” Wong said.";
    assert_eq!(
        attribute(Lang::En, text, &[("Wong Ka-ming", "PER")]),
        [(
            "Nobody here can afford this,".to_string(),
            Some("Wong Ka-ming".to_string())
        )]
    );
}

#[test]
fn a_speech_verb_after_a_connective_shares_the_subject_of_the_one_before() {
    let text = "Le maire de Tovel, Gilles Marbot, n'a pas dormi. Il affirme que tout va bien, \
                mais ajoute : « Ici, les gens vivent de la lavande. »";
    let spans = [("Gilles Marbot", "PER"), ("Tovel", "LOC")];
    assert_eq!(
        attribute(Lang::Fr, text, &spans),
        [(
            "Ici, les gens vivent de la lavande.".to_string(),
            Some("Gilles Marbot".to_string())
        )]
    );
    assert_eq!(
        of_kind(Lang::Fr, text, &spans, QuoteKind::Indirect),
        [(
            "tout va bien".to_string(),
            Some("Gilles Marbot".to_string())
        )]
    );
}

#[test]
fn que_after_a_conjunction_word_opens_no_reported_clause() {
    let text = "Le procureur, Alain Vertou, appelle à la prudence tant que les expertises ne \
                sont pas terminées. L'élu a écrit au préfet afin qu'un comité soit réuni.";
    let spans = [("Alain Vertou", "PER")];
    assert_eq!(of_kind(Lang::Fr, text, &spans, QuoteKind::Indirect), []);
}

#[test]
fn a_plural_before_a_body_s_name_is_no_name_of_a_speaker() {
    let t = "\"The pumps failed twice this week,\" said Engineers of Tove Water Board.";
    let qs = attribute(Lang::En, t, &[("Tove Water Board", "ORG")]);
    assert_eq!(qs.len(), 1);
    assert_ne!(
        qs[0].1.as_deref(),
        Some("Engineers of Tove Water Board"),
        "{qs:?}"
    );
}
