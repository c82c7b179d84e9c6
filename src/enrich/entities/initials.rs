//! A name written with initials is a body's, not a place's: newsrooms abbreviate
//! organisations ("the Coastal Fisheries Authority (CFA)", « la Fédération régionale des
//! pêcheurs (FRP) »), and of places only countries and regions the KB knows ("UK", « RDC »)
//! and facilities named by their head word ("Lake Road Terminal (LRT)"). A group the vote
//! typed a place, with a mention in capitals the KB does not know as a place and no place
//! head word in its name, is an organisation: when the name is also written in full, or the
//! initials have four letters or more; shorter ones alone are as often a place's ("DC", a
//! region's code after a town: "Domdidier (FR)"). Not a dateline's town in capitals.

use super::mention::M;
use crate::enrich::explain::TypeRule;
use crate::enrich::kb::Kb;
use crate::enrich::profile::{key, Profile, TypeWord};
use crate::enrich::text::dateline_place;
use crate::enrich::types::{Document, EntityType};

/// Letters of the longest word read as initials.
const MAX_INITIALS: usize = 6;
/// Fewest letters of initials that name a body without its name written in full.
const MIN_ALONE: usize = 4;

/// The rule retyping a group typed `ty` by `rule` as an organisation, when it applies.
pub(super) fn retype(
    doc: &Document<'_>,
    group: &[&M],
    name: &str,
    ty: EntityType,
    rule: TypeRule,
    res: &Profile,
    kb: &Kb,
) -> Option<TypeRule> {
    if ty != EntityType::Location
        || !matches!(
            rule,
            TypeRule::ModelLabels | TypeRule::Context | TypeRule::NoPersonEvidence
        )
        || kb.is_empty()
    {
        return None;
    }
    let text = |m: &M| &doc.fields[m.field].text[m.start..m.end];
    let place_head = name
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .any(|w| res.type_words.get(&key(w)) == Some(&TypeWord::Loc));
    if place_head || group.iter().any(|m| !kb.places_named(text(m)).is_empty()) {
        return None;
    }
    // Written in full too, or with letters enough for a body's name: short initials alone
    // are as often a place's ("DC", "SF", the codes of states and provinces).
    let full_form = group.iter().any(|m| !is_initials(text(m)));
    let initials = group.iter().any(|m| {
        let t = doc.fields[m.field].text;
        let in_dateline = dateline_place(t).is_some_and(|e| m.start < e);
        let w = text(m);
        is_initials(w) && !in_dateline && (full_form || w.chars().count() >= MIN_ALONE)
    });
    initials.then_some(TypeRule::InitialsNotPlace)
}

/// A word of two to [`MAX_INITIALS`] capital letters.
fn is_initials(w: &str) -> bool {
    (2..=MAX_INITIALS).contains(&w.chars().count()) && w.chars().all(|c| c.is_uppercase())
}

#[cfg(test)]
mod tests {
    use super::super::tests::{country, names, run_kb};
    use crate::enrich::kb::Kb;
    use crate::enrich::profile::Lang;
    use crate::enrich::types::EntityType::{Location as L, Organization as O};

    fn kb() -> Kb {
        country("Ambresia", &[], &["AMB"])
    }

    #[test]
    fn a_group_named_by_initials_is_no_place_unless_the_kb_knows_it() {
        let t = "La Communauté Vallée-Sorne (CVS) a voté le budget. La CVS gère l'eau.";
        let es = run_kb(
            Lang::Fr,
            t,
            &[
                ("Communauté Vallée-Sorne", "LOC"),
                ("CVS", "LOC"),
                ("CVS", "LOC"),
            ],
            &kb(),
        );
        assert_eq!(names(&es), [("Communauté Vallée-Sorne".to_string(), O)]);
        // Initials of four letters or more name a body alone.
        let t = "Les éleveurs de la FRPA ont défilé. La FRPA reçoit lundi.";
        let es = run_kb(Lang::Fr, t, &[("FRPA", "LOC"), ("FRPA", "LOC")], &kb());
        assert_eq!(names(&es), [("FRPA".to_string(), O)]);
        // A country the KB knows by its initials stays a place.
        let t = "The AMB closed its border on Monday.";
        let es = run_kb(Lang::En, t, &[("AMB", "GPE")], &kb());
        assert_eq!(names(&es), [("AMB".to_string(), L)]);
        // So do short initials alone (a region's code after a town), and a facility named by
        // its head word.
        let t = "Le chantier de Marly (VX) a repris. Le VX vote lundi.";
        let es = run_kb(
            Lang::Fr,
            t,
            &[("Marly", "LOC"), ("VX", "LOC"), ("VX", "LOC")],
            &kb(),
        );
        assert!(names(&es).contains(&("VX".to_string(), L)), "{es:?}");
        let t = "The Lake Road Terminal (LRT) reopened. Buses leave the LRT hourly.";
        let es = run_kb(
            Lang::En,
            t,
            &[
                ("Lake Road Terminal", "FAC"),
                ("LRT", "GPE"),
                ("LRT", "GPE"),
            ],
            &kb(),
        );
        assert_eq!(names(&es), [("Lake Road Terminal".to_string(), L)]);
    }
}
