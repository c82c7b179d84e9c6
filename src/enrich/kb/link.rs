//! Linking an article's entities to the KB: each entity's name, else its mentions, are looked up
//! by [`key`](crate::enrich::profile::key); an entry counts only when its type is the entity's.
//!
//! - Newsroom entries win: when one of them carries the name, the first such entry is taken.
//! - Built-in places are ranked by population, times 10 when the place's country is that of
//!   another place of the article, times 100 when its first-level division is ("Paris" in a story
//!   that names Texas or Dallas), and divided by 10 when the name is only one of its aliases.
//!   The best must score at least [`MARGIN`] times the runner-up, else the entity stays unlinked
//!   (a wrong id costs more than a missing one). A town under [`KNOWN_TOWN`] inhabitants is a
//!   candidate only when no larger place, division or country bears the name, and only in a
//!   first-level division another place of the article names (never a confident choice).
//! - The article's places are the confident choices made without context, for every other entity.
//!
//! A linked entity gains `kb_id` and, as `kb_name`, the entry's name in the article's language
//! or a newsroom entry's name; its `name` stays the article's fullest form (what a reader of the
//! article calls it: "UK" is not rewritten "United Kingdom"), its `id` and mentions are
//! unchanged. Unlinked entities are unchanged.

use super::{EntryRef, Hit, Kb, PlaceKind, Source, KNOWN_TOWN};
use crate::enrich::Entity;
use std::collections::HashSet;

/// How many times the best candidate must outscore the second.
pub const MARGIN: f64 = 3.0;
/// Factor for a place in a country the article names.
const SAME_COUNTRY: f64 = 10.0;
/// Factor for a place in a first-level division the article names.
const SAME_ADMIN1: f64 = 100.0;
/// Factor for a candidate found by an alias only.
const ALIAS_ONLY: f64 = 0.1;

/// Countries and (country, first-level division) pairs named by an article's places.
#[derive(Debug, Default)]
struct Context<'a> {
    countries: HashSet<&'a str>,
    admin1: HashSet<(&'a str, &'a str)>,
}

impl<'a> Context<'a> {
    fn add(&mut self, e: EntryRef<'a>) {
        let Some(p) = e.place() else { return };
        if !p.country.is_empty() {
            self.countries.insert(p.country);
        }
        if !p.admin1.is_empty() && matches!(p.kind, PlaceKind::Admin1 | PlaceKind::City) {
            self.admin1.insert((p.country, p.admin1));
        }
    }
}

/// Link `entities` (the final list of one article in language `lang`) to `kb`.
pub fn link(kb: &Kb, entities: &mut [Entity], lang: &str) {
    if kb.is_empty() || entities.is_empty() {
        return;
    }
    let candidates: Vec<Vec<Hit>> = entities.iter().map(|e| candidates(kb, e)).collect();
    let alone = Context::default();
    let confident: Vec<Option<Hit>> = candidates.iter().map(|c| choose(kb, c, &alone)).collect();
    for (i, entity) in entities.iter_mut().enumerate() {
        let mut ctx = Context::default();
        for (j, hit) in confident.iter().enumerate() {
            if let (true, Some(h)) = (i != j, hit) {
                ctx.add(kb.entry(*h));
            }
        }
        if let Some(h) = choose(kb, &candidates[i], &ctx) {
            let e = kb.entry(h);
            entity.kb_id = Some(e.id().to_string());
            entity.kb_name = match (e.name_in(lang), e.source()) {
                (Some(name), _) => Some(name.to_string()),
                (None, Source::User) => Some(e.name().to_string()),
                (None, Source::BuiltIn) => None,
            };
        }
    }
}

/// The entries of the entity's type its name leads to, else those its mentions lead to (the name
/// is the fullest form: "New York City" is the city even when a mention says "New York"); only
/// newsroom entries when there are any.
fn candidates(kb: &Kb, entity: &Entity) -> Vec<Hit> {
    let mut out = hits_of_type(kb, entity, std::iter::once(entity.name.as_str()));
    if out.is_empty() {
        out = hits_of_type(kb, entity, entity.mentions.iter().map(|m| m.text.as_str()));
    }
    if out.iter().any(|h| kb.entry(*h).source() == Source::User) {
        out.retain(|h| kb.entry(*h).source() == Source::User);
        out.truncate(1);
    }
    // A smaller town is a candidate only when no known place bears the name: "England" is
    // not England, Arkansas (2,800 inhabitants), in any story.
    if out.iter().any(|h| !small_town(kb, *h)) {
        out.retain(|h| !small_town(kb, *h));
    }
    out
}

/// Whether `h` is a town of fewer than [`KNOWN_TOWN`] inhabitants.
fn small_town(kb: &Kb, h: Hit) -> bool {
    kb.entry(h)
        .place()
        .is_some_and(|p| p.kind == PlaceKind::City && p.population < KNOWN_TOWN)
}

fn hits_of_type<'a>(kb: &Kb, entity: &Entity, forms: impl Iterator<Item = &'a str>) -> Vec<Hit> {
    let mut out: Vec<Hit> = Vec::new();
    for form in forms {
        for h in kb.hits(form) {
            if kb.entry(*h).ty() != entity.entity_type {
                continue;
            }
            match out.iter_mut().find(|o| o.entry == h.entry) {
                Some(o) => o.primary |= h.primary,
                None => out.push(*h),
            }
        }
    }
    out
}

fn score(kb: &Kb, h: Hit, ctx: &Context<'_>) -> f64 {
    let e = kb.entry(h);
    let Some(p) = e.place() else { return 1.0 };
    let mut s = p.population.max(1) as f64;
    if !h.primary {
        s *= ALIAS_ONLY;
    }
    if ctx.countries.contains(p.country) {
        s *= SAME_COUNTRY;
    }
    let in_admin1 = matches!(p.kind, PlaceKind::Admin1 | PlaceKind::City)
        && ctx.admin1.contains(&(p.country, p.admin1));
    if in_admin1 {
        s *= SAME_ADMIN1;
    }
    s
}

/// The candidate that outscores all others by [`MARGIN`], if one does.
fn choose(kb: &Kb, cands: &[Hit], ctx: &Context<'_>) -> Option<Hit> {
    // A smaller town only in a first-level division the article's other places name: "Wales"
    // is no village of Yorkshire in a story that names Cardiff.
    let mut scored: Vec<(f64, Hit)> = cands
        .iter()
        .filter(|h| {
            !small_town(kb, **h)
                || kb
                    .entry(**h)
                    .place()
                    .is_some_and(|p| ctx.admin1.contains(&(p.country, p.admin1)))
        })
        .map(|h| (score(kb, *h, ctx), *h))
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.entry.cmp(&b.1.entry)));
    match scored[..] {
        [] => None,
        [(_, h)] => Some(h),
        [(best, h), (second, _), ..] => (best >= MARGIN * second).then_some(h),
    }
}

#[cfg(test)]
mod tests {
    use super::super::parse::{parse_places, Format, UserEntries};
    use super::*;
    use crate::enrich::{EntityType, Mention};

    // Invented places: two towns called Marlow in different countries and divisions.
    const PLACES: &str = "# id\tkind\tpopulation\tcountry\tadmin1\tname\tnames\taliases
geonames:1\tcountry\t50000000\tAA\t\tAaland\ten=Aaland|fr=Aalandie\tAalandia
geonames:2\tcountry\t9000000\tBB\t\tBeeland\t\t
geonames:3\tadmin1\t3000000\tBB\tK7\tKestria\tfr=Kestrie\tKes.
geonames:10\tcity\t2000000\tAA\t01\tMarlow\ten=Marlow\tMarlowe
geonames:11\tcity\t40000\tBB\tK7\tMarlow\t\t
geonames:12\tcity\t300000\tBB\tK7\tFenwick\t\t
geonames:13\tcity\t100000\tAA\t02\tOldham Port\t\tPortstead
geonames:14\tcity\t90000\tBB\tK9\tPortstead\t\t
";

    fn kb(user: &str) -> Kb {
        let mut u = UserEntries::default();
        u.add_file(user, "newsroom.tsv", Format::Tsv).unwrap();
        Kb::new(
            parse_places(PLACES, "places.tsv").unwrap(),
            u.into_entries(),
        )
    }

    fn ent(name: &str, ty: EntityType, mentions: &[&str]) -> Entity {
        Entity {
            id: format!("{}:{}", ty.as_str(), name.to_lowercase()),
            name: name.to_string(),
            entity_type: ty,
            label: None,
            mentions: mentions
                .iter()
                .map(|m| Mention {
                    field: "body".into(),
                    start: 0,
                    end: m.chars().count(),
                    text: m.to_string(),
                })
                .collect(),
            kb_id: None,
            kb_name: None,
        }
    }

    fn ids(es: &[Entity]) -> Vec<Option<&str>> {
        es.iter().map(|e| e.kb_id.as_deref()).collect()
    }

    #[test]
    fn population_decides_without_context() {
        let mut es = vec![ent("Marlow", EntityType::Location, &["Marlow"])];
        link(&kb(""), &mut es, "en");
        assert_eq!(ids(&es), [Some("geonames:10")]);
    }

    #[test]
    fn the_articles_other_places_decide() {
        let k = kb("");
        let mut es = vec![
            ent("Marlow", EntityType::Location, &["Marlow"]),
            ent("Kestria", EntityType::Location, &["Kestria"]),
        ];
        link(&k, &mut es, "en");
        assert_eq!(ids(&es), [Some("geonames:11"), Some("geonames:3")]);
        let mut es = vec![
            ent("Fenwick", EntityType::Location, &["Fenwick"]),
            ent("Marlow", EntityType::Location, &["Marlow"]),
        ];
        link(&k, &mut es, "en");
        assert_eq!(ids(&es), [Some("geonames:12"), Some("geonames:11")]);
    }

    #[test]
    fn type_must_agree() {
        let mut es = vec![ent("Marlow", EntityType::Person, &["Marlow"])];
        link(&kb(""), &mut es, "en");
        assert_eq!(ids(&es), [None]);
        assert_eq!(es[0].name, "Marlow");
    }

    #[test]
    fn name_in_the_articles_language_and_aliases() {
        let k = kb("");
        let mut es = vec![
            ent("Aalandia", EntityType::Location, &["Aalandia"]),
            ent("Kes.", EntityType::Location, &["Kes."]),
        ];
        link(&k, &mut es, "fr");
        assert_eq!(ids(&es), [Some("geonames:1"), Some("geonames:3")]);
        assert_eq!(es[0].kb_name.as_deref(), Some("Aalandie"));
        assert_eq!(es[1].kb_name.as_deref(), Some("Kestrie"));
        // The article's own name stays the name: "Kes." is what the reader was given.
        assert_eq!(
            (es[0].name.as_str(), es[1].name.as_str()),
            ("Aalandia", "Kes.")
        );
        assert_eq!(es[0].id, "location:aalandia", "the entity id stays");
        // No name in that language: no KB name.
        let mut es = vec![ent("Fenwick", EntityType::Location, &["Fenwick"])];
        link(&k, &mut es, "fr");
        assert_eq!(
            (es[0].kb_id.as_deref(), es[0].kb_name.as_deref()),
            (Some("geonames:12"), None)
        );
    }

    #[test]
    fn a_mention_can_lead_to_the_entry() {
        let mut es = vec![ent(
            "the Beeland government",
            EntityType::Location,
            &["Beeland"],
        )];
        link(&kb(""), &mut es, "en");
        assert_eq!(ids(&es), [Some("geonames:2")]);
    }

    #[test]
    fn the_name_outranks_the_mentions() {
        // "Kestria" (a division of 3,000,000) is also a mention; the name is the town.
        let k = Kb::new(
            parse_places(
                &format!("{PLACES}geonames:20\tcity\t50000\tBB\tK7\tKestria Town\t\t\n"),
                "p",
            )
            .unwrap(),
            Vec::new(),
        );
        let mut es = vec![ent(
            "Kestria Town",
            EntityType::Location,
            &["Kestria Town", "Kestria"],
        )];
        link(&k, &mut es, "en");
        assert_eq!(ids(&es), [Some("geonames:20")]);
    }

    #[test]
    fn close_calls_stay_unlinked() {
        // Portstead: an alias of a 100,000 town (scored 10,000) and the name of a 90,000 one.
        let mut es = vec![ent("Portstead", EntityType::Location, &["Portstead"])];
        link(&kb(""), &mut es, "en");
        assert_eq!(ids(&es), [Some("geonames:14")]);
        let k = Kb::new(
            parse_places(
                "geonames:1\tcity\t100000\tAA\t\tTwin\t\t\ngeonames:2\tcity\t90000\tBB\t\tTwin\t\t\n",
                "p",
            )
            .unwrap(),
            Vec::new(),
        );
        let mut es = vec![ent("Twin", EntityType::Location, &["Twin"])];
        link(&k, &mut es, "en");
        assert_eq!(ids(&es), [None]);
    }

    #[test]
    fn a_small_town_links_only_where_the_story_is_and_no_known_place_bears_its_name() {
        // Invented: Dunrow, a village of 800 in Kestria; Norwold, a division of Beeland and
        // a village of Kestria.
        let k = Kb::new(
            parse_places(
                &format!(
                    "{PLACES}geonames:30\tcity\t800\tBB\tK7\tDunrow\t\t\n\
                     iso3166-2:BB-NW\tdivision\t0\tBB\t\tNorwold\t\t\n\
                     geonames:31\tcity\t900\tBB\tK7\tNorwold\t\t\n"
                ),
                "p",
            )
            .unwrap(),
            Vec::new(),
        );
        let loc = |n: &str| ent(n, EntityType::Location, &[n]);
        let mut es = vec![loc("Dunrow")];
        link(&k, &mut es, "en");
        assert_eq!(ids(&es), [None], "a village alone is no confident choice");
        let mut es = vec![loc("Dunrow"), loc("Fenwick")];
        link(&k, &mut es, "en");
        assert_eq!(ids(&es), [Some("geonames:30"), Some("geonames:12")]);
        let mut es = vec![loc("Norwold"), loc("Fenwick")];
        link(&k, &mut es, "en");
        assert_eq!(ids(&es), [Some("iso3166-2:BB-NW"), Some("geonames:12")]);
    }

    #[test]
    fn newsroom_entries_win() {
        let k = kb("Q77\tlocation\tMarlow-on-Sea\tMarlow\nP5\tperson\tJo Fenn\tFenn\n");
        let mut es = vec![
            ent("Marlow", EntityType::Location, &["Marlow"]),
            ent("Fenn", EntityType::Person, &["Fenn"]),
            ent("Beeland", EntityType::Location, &["Beeland"]),
            ent("Unknown Place", EntityType::Location, &["Unknown Place"]),
        ];
        link(&k, &mut es, "en");
        assert_eq!(
            ids(&es),
            [Some("Q77"), Some("P5"), Some("geonames:2"), None]
        );
        assert_eq!(es[0].kb_name.as_deref(), Some("Marlow-on-Sea"));
        assert_eq!(es[1].kb_name.as_deref(), Some("Jo Fenn"));
        assert_eq!(es[1].name, "Fenn");
        assert_eq!(
            (es[3].name.as_str(), es[3].kb_name.as_deref()),
            ("Unknown Place", None)
        );
    }

    #[test]
    fn empty_kb_changes_nothing() {
        let mut es = vec![ent("Marlow", EntityType::Location, &["Marlow"])];
        let before = es.clone();
        link(&Kb::default(), &mut es, "en");
        assert_eq!(es, before);
    }
}
