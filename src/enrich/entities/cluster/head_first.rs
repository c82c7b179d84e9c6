//! Short forms of names whose head comes first (French): a feature's own name without its
//! head and complement (« Vérane » of « le lac de Vérane »), an organisation's head and first
//! words without its qualifier (« Police cantonale » of « Police cantonale vaudoise »). Read by
//! [`super::short_form`].

use super::ClusterInfo;
use crate::enrich::profile::{key, NameHead, Profile, TypeWord};
use crate::enrich::types::EntityType;

/// Most words of a qualifier after an organisation's head and its first words
/// ([`head_first_prefix`]: « régional Jura bernois-Seeland »).
const MAX_QUALIFIER: usize = 4;

/// « Vérane » after « le lac de Vérane », « Moulinet » after « le stade du Moulinet »: the name
/// of a feature or a facility whose head (`own_name|` in `words.txt`) and complement are left
/// out; not a known place (« Genève » is not « le lac de Genève »), nor a person.
pub(super) fn own_name(ia: &ClusterInfo, ib: &ClusterInfo, res: &Profile) -> bool {
    if ia.ty == EntityType::Person
        || ib.ty != EntityType::Location
        || ia.known_place
        || !ia.places.is_empty()
        || ib.toks.len() < ia.toks.len() + 2
        || !res.own_name_heads.iter().any(|h| key(h) == ib.toks[0])
    {
        return false;
    }
    let linking = |w: &str| res.complements.contains(w) || res.definites.contains(w);
    let mut rest: Vec<String> = ib.toks[1..].to_vec();
    let mut dropped = 0;
    while rest.first().is_some_and(|w| linking(w)) {
        rest.remove(0);
        dropped += 1;
    }
    // An elided complement or article glued to the name (« d'Orsel », « l'Orsel »).
    if let Some(first) = rest.first_mut() {
        if let Some((elided, name)) = first.split_once('\'') {
            if linking(&format!("{elided}'")) && !name.is_empty() {
                *first = name.to_string();
                dropped += 1;
            }
        }
    }
    dropped > 0 && rest == ia.toks
}

/// « Police cantonale » after « Police cantonale vaudoise », « Banque centrale » after « Banque
/// centrale de Tovalie »: where heads come first, an organisation named by its head and the
/// words after it, the rest (a qualifier of a few words) left out; not the subject of a
/// headline the model ran on into its verb.
pub(super) fn head_first_prefix(ia: &ClusterInfo, ib: &ClusterInfo, res: &Profile) -> bool {
    let la = ia.toks.len();
    res.name_head == NameHead::First
        && la >= 2
        && (la + 1..=la + MAX_QUALIFIER).contains(&ib.toks.len())
        && ib.toks[..la] == ia.toks[..]
        && ia.ty == EntityType::Organization
        && ib.ty == EntityType::Organization
        && !ia.known_place
        && res.type_words.get(&ia.toks[0]) == Some(&TypeWord::Org)
}

#[cfg(test)]
mod tests {
    use crate::enrich::entities::tests::run;
    use crate::enrich::profile::Lang;
    use crate::enrich::types::Entity;

    /// The surface forms of each entity, by its name.
    fn forms(es: &[Entity]) -> Vec<(String, Vec<String>)> {
        es.iter()
            .map(|e| {
                let mut f: Vec<String> = e.mentions.iter().map(|m| m.text.clone()).collect();
                f.dedup();
                (e.name.clone(), f)
            })
            .collect()
    }

    #[test]
    fn a_features_own_name_alone_is_the_feature_not_a_roads_town() {
        let t = "Le niveau du lac de Vérane a baissé de deux mètres. Vérane n'a jamais été aussi \
                 bas. La route de Marlieu reste fermée et Marlieu est isolé depuis lundi.";
        let es = run(
            Lang::Fr,
            t,
            &[
                ("lac de Vérane", "LOC"),
                ("Vérane", "LOC"),
                ("route de Marlieu", "LOC"),
                ("Marlieu", "LOC"),
            ],
        );
        let f = forms(&es);
        assert!(
            f.contains(&(
                "lac de Vérane".into(),
                vec!["lac de Vérane".into(), "Vérane".into()]
            )),
            "{f:?}"
        );
        assert!(
            f.iter().any(|(n, _)| n == "Marlieu"),
            "a road named after a town is not the town: {f:?}"
        );
    }

    #[test]
    fn an_organisations_head_and_first_words_are_the_organisation() {
        let t = "La Police cantonale vaudoise a bouclé le quartier. La Police cantonale a rouvert \
                 la rue dans la soirée.";
        let es = run(
            Lang::Fr,
            t,
            &[
                ("Police cantonale vaudoise", "ORG"),
                ("Police cantonale", "ORG"),
            ],
        );
        assert_eq!(
            forms(&es),
            [(
                "Police cantonale vaudoise".to_string(),
                vec![
                    "Police cantonale vaudoise".to_string(),
                    "Police cantonale".to_string()
                ]
            )]
        );
    }
}
