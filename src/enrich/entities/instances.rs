//! A brand's name used as a common noun: "she drove off in a Jeep", "une Renault garée devant la
//! maison", "an Airbus A320". A company is one and takes no indefinite article; with one, the
//! name stands for one of its products (a car, a plane, a phone), which is no organisation. The
//! parse tells this use: an indefinite article (`article|…` in `words.txt` that is no
//! `definite|…`) determines the name's head word, or the model's name the brand word is a
//! compound of ("an Airbus A320", "a Boeing 737"). Not when an adjective qualifies the name —
//! then it is the entity in one of its moods ("un Chelsea trop prévisible", "a resurgent
//! Arsenal") — nor when the name only qualifies a common noun ("a Google spokesman": the
//! article is the noun's). Persons are left alone.

use super::mention::M;
use crate::enrich::profile::{key, lower, Profile};
use crate::enrich::syntax::{Analysis, FieldAnalysis, Pos};
use crate::enrich::types::{Document, EntityType};

/// Hint as misc the mentions, without a hint yet, that the parse shows after an indefinite
/// article as a common noun.
pub(super) fn apply(doc: &Document<'_>, parse: &[FieldAnalysis], res: &Profile, ms: &mut [M]) {
    if parse.is_empty() {
        return;
    }
    for m in ms.iter_mut() {
        if m.hint.is_some() || m.ty() == EntityType::Person {
            continue;
        }
        let Some(fa) = parse.iter().find(|fa| fa.field == m.field) else {
            continue;
        };
        if used_as_common_noun(doc.fields[m.field].text, &fa.analysis, m, res) {
            m.hint = Some(EntityType::Misc);
        }
    }
}

/// Whether the mention's head word, or the proper noun or number its head is a compound of,
/// takes an indefinite article and no adjective.
fn used_as_common_noun(text: &str, a: &Analysis, m: &M, res: &Profile) -> bool {
    let inside = |i: usize| a.tokens[i].start < m.end && m.start < a.tokens[i].end;
    // The mention's tokens (sorted by offset): from the first ending after its start.
    let first = a.tokens.partition_point(|t| t.end <= m.start);
    let Some(head) = (first..a.tokens.len())
        .take_while(|&i| a.tokens[i].start < m.end)
        .find(|&i| a.tokens[i].head == i || !inside(a.tokens[i].head))
    else {
        return false;
    };
    let t = &a.tokens[head];
    // "an Airbus A320": the brand word qualifies the model's name, a proper noun or a number.
    let target = if t.dep == "compound"
        && t.head != head
        && matches!(a.tokens[t.head].pos, Pos::Propn | Pos::Num)
    {
        t.head
    } else {
        head
    };
    // "a Tovel Democrat", "an Ohio Republican": a name before a member of a people or a party
    // says where the member comes from; no product.
    let target_word = &a.tokens[target];
    if target != head
        && res
            .demonyms
            .contains(&key(&text[target_word.start..target_word.end]))
    {
        return false;
    }
    let indefinite = |i: usize| {
        let x = &a.tokens[i];
        let w = lower(&text[x.start..x.end]);
        x.pos == Pos::Det && res.articles.contains_key(&w) && !res.definites.contains(&w)
    };
    let mut article = false;
    for c in a.children(target) {
        if inside(c) {
            continue;
        }
        if a.tokens[c].pos == Pos::Adj {
            return false;
        }
        article |= c < target && indefinite(c);
    }
    article
}

#[cfg(test)]
mod tests {
    use super::super::parsed::tests::parse_with_deps as parse;
    use super::*;
    use crate::enrich::profile::Lang;
    use crate::enrich::types::TextField;

    /// The hint given to the mention `span` (labelled `label`) of `text`.
    fn hinted(
        lang: Lang,
        text: &str,
        words: &[(&str, &str, usize, &str)],
        span: &str,
        label: &str,
    ) -> Option<EntityType> {
        let doc = Document {
            fields: vec![TextField { name: "body", text }],
            lang: None,
        };
        let s = text.find(span).unwrap();
        let mut ms = vec![M {
            field: 0,
            start: s,
            end: s + span.len(),
            label: label.into(),
            hint: None,
        }];
        apply(&doc, &parse(text, words), &Profile::load(lang), &mut ms);
        ms[0].hint
    }

    #[test]
    fn a_brand_after_an_indefinite_article_is_a_product() {
        let t = "She drove off in a Jeep.";
        let w = [
            ("She", "PRON", 1, "nsubj"),
            ("drove", "VERB", 1, "ROOT"),
            ("off", "ADP", 1, "prt"),
            ("in", "ADP", 1, "prep"),
            ("a", "DET", 5, "det"),
            ("Jeep", "PROPN", 3, "pobj"),
            (".", "PUNCT", 1, "punct"),
        ];
        assert_eq!(
            hinted(Lang::En, t, &w, "Jeep", "ORG"),
            Some(EntityType::Misc)
        );
        // The brand word of a model's name.
        let t = "They flew on a Boeing 737.";
        let w = [
            ("They", "PRON", 1, "nsubj"),
            ("flew", "VERB", 1, "ROOT"),
            ("on", "ADP", 1, "prep"),
            ("a", "DET", 5, "det"),
            ("Boeing", "PROPN", 5, "compound"),
            ("737", "NUM", 2, "pobj"),
            (".", "PUNCT", 1, "punct"),
        ];
        assert_eq!(
            hinted(Lang::En, t, &w, "Boeing", "ORG"),
            Some(EntityType::Misc)
        );
        let t = "Il conduisait une Renault garée là.";
        let w = [
            ("Il", "PRON", 1, "nsubj"),
            ("conduisait", "VERB", 1, "ROOT"),
            ("une", "DET", 3, "det"),
            ("Renault", "PROPN", 1, "obj"),
            ("garée", "VERB", 3, "acl"),
            ("là", "ADV", 4, "advmod"),
        ];
        assert_eq!(
            hinted(Lang::Fr, t, &w, "Renault", "ORG"),
            Some(EntityType::Misc)
        );
    }

    #[test]
    fn the_company_itself_and_its_qualified_names_stay() {
        // A definite article.
        let t = "She drove off in the Jeep.";
        let w = [
            ("She", "PRON", 1, "nsubj"),
            ("drove", "VERB", 1, "ROOT"),
            ("off", "ADP", 1, "prt"),
            ("in", "ADP", 1, "prep"),
            ("the", "DET", 5, "det"),
            ("Jeep", "PROPN", 3, "pobj"),
        ];
        assert_eq!(hinted(Lang::En, t, &w, "Jeep", "ORG"), None);
        // A member of a party named after the town they come from.
        let t = "She is a Tovel Democrat.";
        let w = [
            ("She", "PRON", 1, "nsubj"),
            ("is", "AUX", 1, "ROOT"),
            ("a", "DET", 4, "det"),
            ("Tovel", "PROPN", 4, "compound"),
            ("Democrat", "PROPN", 1, "attr"),
            (".", "PUNCT", 1, "punct"),
        ];
        assert_eq!(hinted(Lang::En, t, &w, "Tovel", "GPE"), None);
        // The article is the common noun's.
        let t = "A Vexa spokesman declined.";
        let w = [
            ("A", "DET", 2, "det"),
            ("Vexa", "PROPN", 2, "compound"),
            ("spokesman", "NOUN", 3, "nsubj"),
            ("declined", "VERB", 3, "ROOT"),
        ];
        assert_eq!(hinted(Lang::En, t, &w, "Vexa", "ORG"), None);
        // An adjective qualifies the team: the team.
        let t = "Face à un Lorval trop prévisible, Brenne a gagné.";
        let w = [
            ("Face", "NOUN", 3, "case"),
            ("à", "ADP", 0, "fixed"),
            ("un", "DET", 3, "det"),
            ("Lorval", "PROPN", 9, "obl:mod"),
            ("trop", "ADV", 5, "advmod"),
            ("prévisible", "ADJ", 3, "amod"),
            (",", "PUNCT", 9, "punct"),
            ("Brenne", "PROPN", 9, "nsubj"),
            ("a", "AUX", 9, "aux:tense"),
            ("gagné", "VERB", 9, "ROOT"),
        ];
        assert_eq!(hinted(Lang::Fr, t, &w, "Lorval", "ORG"), None);
        let t = "They beat a resurgent Brenne.";
        let w = [
            ("They", "PRON", 1, "nsubj"),
            ("beat", "VERB", 1, "ROOT"),
            ("a", "DET", 4, "det"),
            ("resurgent", "ADJ", 4, "amod"),
            ("Brenne", "PROPN", 1, "dobj"),
        ];
        assert_eq!(hinted(Lang::En, t, &w, "Brenne", "ORG"), None);
        // A person is left alone.
        let t = "A Tom Vale called.";
        let w = [
            ("A", "DET", 2, "det"),
            ("Tom", "PROPN", 2, "compound"),
            ("Vale", "PROPN", 3, "nsubj"),
            ("called", "VERB", 3, "ROOT"),
        ];
        assert_eq!(hinted(Lang::En, t, &w, "Tom Vale", "PERSON"), None);
    }
}
