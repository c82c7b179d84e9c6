//! Clubs named after their town. In a sports report a place name often names the team: "Leeds
//! won 2-1 away to Hull", "la défaite de Lens face à Lille", "the Bristol manager". A report is
//! told by its words (`sport|…` in `resources/<lang>/context.txt`: "match", "championnat", a
//! score "2-1"); in one, the words right around a name (`team|before|…`, `team|after|…`) make
//! it a team, an organisation. The hint outvotes the model's label, not a well-known place: the
//! gazetteer lists no town that names a famous club, and a country stays a place ("face à
//! l'Italie").

use super::mention::M;
use super::typing::label_type;
use crate::enrich::analysis::Analysis;
use crate::enrich::gazetteer::gazetteer;
use crate::enrich::kb::Kb;
use crate::enrich::profile::{key, lower, NameHead, Profile};
use crate::enrich::types::EntityType;
use std::collections::HashSet;

/// How many distinct sport words (a score counting as one) make a sports report.
const REPORT_WORDS: usize = 3;
/// Longest context looked at on either side of a name, in bytes (widened to a char boundary).
const WINDOW: usize = 48;

/// Whether `an` is a sports report in a language with sport words: where a town's name may be
/// its club's (read once per article, by `apply` and `kb_places`).
pub(super) fn sports_report(an: &Analysis<'_>, res: &Profile) -> bool {
    !res.context.sport.is_empty() && is_sports_report(an, res)
}

/// Hint as organisations the mentions that a sports report's words name as teams; `sports`:
/// whether the article is one ([`sports_report`]).
pub(super) fn apply(an: &Analysis<'_>, res: &Profile, kb: &Kb, sports: bool, ms: &mut [M]) {
    for m in ms.iter_mut() {
        if m.ty() != EntityType::Person && place_and_plural(an.doc.fields[m.field].text, m, res, kb)
        {
            m.hint = Some(EntityType::Organization);
        }
    }
    if !sports {
        return;
    }
    let clubs = club_names(an, ms, res);
    // A town written once as the place ("à Tovelan") stays the place everywhere: its
    // mentions are one entity.
    let places: HashSet<String> = ms
        .iter()
        .filter(|m| located(an.doc.fields[m.field].text, m.start, res))
        .map(|m| lower(&an.doc.fields[m.field].text[m.start..m.end]))
        .collect();
    let persons: HashSet<(usize, usize)> = ms
        .iter()
        .filter(|m| m.ty() == EntityType::Person)
        .map(|m| (m.field, m.start))
        .collect();
    for m in ms.iter_mut() {
        let t = an.doc.fields[m.field].text;
        // "beat Tovelan's Ada Lind 8-4": the cue governs the player or the skip, the town is
        // where they come from.
        if before_persons_name(t, m, &persons, res) {
            continue;
        }
        if !places.contains(&lower(&t[m.start..m.end])) && part_of_a_club(t, m, &clubs, res, kb) {
            m.hint = Some(EntityType::Organization);
            continue;
        }
        if nickname(t, m, res, kb) {
            m.hint = Some(EntityType::Organization);
            continue;
        }
        // A person is beaten or faced too ("beat Novak in the final"): a name the model called
        // a person is a team only when the KB knows it as a town ("hosts Wigan on Sunday").
        if m.ty() == EntityType::Person && !kb.names_place(&t[m.start..m.end]) {
            continue;
        }
        if cue_before(t, m.start, res) || cue_after(t, m.end, res) {
            m.hint = Some(EntityType::Organization);
        }
    }
}

/// "the Marlins", « les Canaris »: in a sports report, a capitalised plural word after a
/// definite article, that no place bears and the model did not call a thing or a nationality,
/// is a team's nickname.
fn nickname(t: &str, m: &M, res: &Profile, kb: &Kb) -> bool {
    let name = &t[m.start..m.end];
    let plural = capitalised_plural(name);
    let window = before(t, m.start);
    let article = window.rsplit(' ').next().unwrap_or("");
    plural
        && m.hint.is_none()
        && label_type(&m.label) != EntityType::Misc
        && res.definites.contains(article)
        && !res.demonyms.contains(&lower(name))
        && !kb.names_place(name)
        && gazetteer().lookup(name).is_none()
}

/// Whether a possessive and a person's name (a mention among `persons`, by field and start)
/// follow the name `m`: "Tovelan's Ada Lind".
pub(super) fn before_persons_name(
    t: &str,
    m: &M,
    persons: &HashSet<(usize, usize)>,
    res: &Profile,
) -> bool {
    let rest = &t[m.end..];
    res.tokens.possessives.iter().any(|p| {
        rest.strip_prefix(p.as_str())
            .and_then(|r| r.strip_prefix(' '))
            .is_some_and(|r| persons.contains(&(m.field, t.len() - r.len())))
    })
}

/// The names of the article's clubs, in lower case: organisations of two words or more, one
/// of them a club's word (`club|…`: "Tovelan Rovers", « Stade Tovelan Basket »).
fn club_names(an: &Analysis<'_>, ms: &[M], res: &Profile) -> Vec<String> {
    ms.iter()
        .filter(|m| m.ty() == EntityType::Organization)
        .map(|m| lower(&an.doc.fields[m.field].text[m.start..m.end]))
        .filter(|n| {
            let words: Vec<&str> = n.split(' ').collect();
            words.len() >= 2 && club_name(&words, res)
        })
        .collect()
}

/// Whether the words of a name (in lower case) are a club's: one is a club's word (`club|…`),
/// and where heads come last, none a complement ("United Teachers of Tovelan" is a union).
pub(super) fn club_name<S: AsRef<str>>(words: &[S], res: &Profile) -> bool {
    words.iter().any(|w| res.context.club.contains(w.as_ref()))
        && (res.name_head == NameHead::First
            || !words.iter().any(|w| res.complements.contains(w.as_ref())))
}

/// A town's name (the KB's) written inside a club's name of the article, standing alone, not
/// after a preposition ("à Tovelan", "in Tovelan", "de Tovelan": the town) unless a team cue
/// ("face à Tovelan"): the club, as a sports report shortens it ("Tovelan a battu Marle").
fn part_of_a_club(t: &str, m: &M, clubs: &[String], res: &Profile, kb: &Kb) -> bool {
    let name = &t[m.start..m.end];
    if m.ty() == EntityType::Person || !kb.names_place(name) {
        return false;
    }
    let low = lower(name);
    let inside = clubs.iter().any(|c| {
        *c != low
            && c.split(' ')
                .collect::<Vec<_>>()
                .windows(low.split(' ').count())
                .any(|w| w.join(" ") == low)
    });
    if !inside {
        return false;
    }
    !located(t, m.start, res)
}

/// Whether the name at `s` of `t` follows a preposition that is no team cue ("à Tovelan",
/// "in Tovelan"; not "face à Tovelan").
fn located(t: &str, s: usize, res: &Profile) -> bool {
    let window = before(t, s);
    let prev = window.rsplit([' ', '\'', '’']).next().unwrap_or("");
    !cue_before(t, s, res) && (res.preps.contains(prev) || res.locatives.contains(prev))
}

/// "the Green Bay Packers", "the Leeds Rhinos", "les Montreal Alouettes", "the Seattle Times": a
/// known place and a capitalised plural noun after a definite article name a team or a paper,
/// in any article. Not a place's own plural head word ("the Cayman Islands", "the Golan
/// Heights": `loc|…` in `type_words.txt`, singular or plural). The place is known to the
/// gazetteer or, as a town or a country, to the KB.
fn place_and_plural(t: &str, m: &M, res: &Profile, kb: &Kb) -> bool {
    let Some((place, last)) = t[m.start..m.end].rsplit_once(' ') else {
        return false;
    };
    let plural = capitalised_plural(last);
    let head_word = |w: &str| res.type_words.contains_key(&key(w));
    if !plural || head_word(last) || head_word(&last[..last.len() - 1]) {
        return false;
    }
    let window = before(t, m.start);
    let article = window.rsplit(' ').next().unwrap_or("");
    res.definites.contains(article)
        && (matches!(gazetteer().lookup(place), Some((EntityType::Location, _)))
            || kb.names_place(place))
}

/// Whether `w` is a capitalised plural of four letters or more ("Marlins", « Canaris »): a
/// capital, lower-case letters, a closing "s".
fn capitalised_plural(w: &str) -> bool {
    let mut rest = w.chars();
    rest.next().is_some_and(char::is_uppercase)
        && rest.clone().count() >= 3
        && rest.all(char::is_lowercase)
        && w.ends_with('s')
}

/// Whether the article holds enough distinct sport words (or a score) to be a sports report.
fn is_sports_report(an: &Analysis<'_>, res: &Profile) -> bool {
    let mut seen: HashSet<&str> = HashSet::new();
    let mut score = false;
    for (fi, f) in an.fields.iter().enumerate() {
        for tok in &f.toks {
            if res.context.sport.contains(&tok.lower) {
                seen.insert(tok.lower.as_str());
            }
        }
        score |= has_score(an.doc.fields[fi].text);
    }
    seen.len() + usize::from(score) >= REPORT_WORDS
}

/// Whether `t` holds a score: one or two digits, a hyphen, one or two digits ("2-1", "(3-0)"),
/// not part of a longer number or a date ("2019-20", "12-05-2024").
fn has_score(t: &str) -> bool {
    let b = t.as_bytes();
    let digits_back = |mut i: usize| {
        let mut n = 0;
        while i > 0 && b[i - 1].is_ascii_digit() {
            i -= 1;
            n += 1;
        }
        (n, i)
    };
    let digits_fwd = |mut i: usize| {
        let mut n = 0;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
            n += 1;
        }
        (n, i)
    };
    let free = |c: Option<&u8>| !c.is_some_and(|c| c.is_ascii_alphanumeric() || b"-/.".contains(c));
    t.match_indices('-').any(|(i, _)| {
        let (nb, s) = digits_back(i);
        let (na, e) = digits_fwd(i + 1);
        (1..=2).contains(&nb)
            && (1..=2).contains(&na)
            && free(s.checked_sub(1).and_then(|j| b.get(j)))
            && free(b.get(e))
    })
}

/// Whether `r` opens with a score ("2-1 at home", "3-0."), not a longer number or a date.
fn opens_with_score(r: &str) -> bool {
    let end = r
        .find(|c: char| !(c.is_ascii_digit() || c == '-'))
        .unwrap_or(r.len());
    let w = &r[..end];
    let next = r[end..].chars().next();
    w.split_once('-').is_some_and(|(a, b)| {
        (1..=2).contains(&a.len()) && (1..=2).contains(&b.len()) && !b.contains('-')
    }) && match next {
        None => true,
        Some(c) if c.is_alphanumeric() || c == '/' => false,
        Some('.') => !r[end + 1..].starts_with(|c: char| c.is_ascii_digit()),
        Some(_) => true,
    }
}

/// Up to `WINDOW` bytes of `t` before `s`, lower-cased, without trailing spaces.
fn before(t: &str, s: usize) -> String {
    let mut from = s.saturating_sub(WINDOW);
    while !t.is_char_boundary(from) {
        from -= 1;
    }
    lower(t[from..s].trim_end())
}

/// Whether `w` ends with the phrase `p` starting at a word boundary.
fn ends_with_phrase(w: &str, p: &str) -> bool {
    w.strip_suffix(p)
        .is_some_and(|rest| !rest.chars().next_back().is_some_and(char::is_alphanumeric))
}

/// "away to X", "face à X", "contre le X": a team cue right before the name, maybe through an
/// article.
fn cue_before(t: &str, s: usize, res: &Profile) -> bool {
    let w = before(t, s);
    let cues = &res.context.team_before;
    if cues.iter().any(|c| ends_with_phrase(&w, c)) {
        return true;
    }
    // Through one article ("face à un X", "contre l'X").
    let cut = w.rfind(' ').map_or(0, |i| i + 1);
    let art = w[cut..].replace('’', "'");
    if art.is_empty() || !res.articles.contains_key(&art) {
        return false;
    }
    let w = w[..cut].trim_end();
    cues.iter().any(|c| ends_with_phrase(w, c))
}

/// "X manager", "X's coach", "X coach Jo Bloggs": a team cue right after the name or its
/// possessive.
fn cue_after(t: &str, e: usize, res: &Profile) -> bool {
    let mut end = (e + WINDOW).min(t.len());
    while !t.is_char_boundary(end) {
        end += 1;
    }
    let after = lower(&t[e..end]);
    let mut r = after.as_str();
    for p in &res.tokens.possessives {
        if let Some(x) = r.strip_prefix(lower(p).as_str()) {
            r = x;
            break;
        }
    }
    let Some(r) = r.strip_prefix(' ') else {
        return false;
    };
    // "beat Hull 2-1", "battu Lens 3-0", "tenu en échec par Lens (1-1)": the team's score (or
    // the match's, in parentheses) right after its name.
    if opens_with_score(r) || r.strip_prefix('(').is_some_and(opens_with_score) {
        return true;
    }
    res.context.team_after.iter().any(|c| {
        r.strip_prefix(c.as_str())
            .is_some_and(|x| !x.chars().next().is_some_and(char::is_alphanumeric))
    })
}

#[cfg(test)]
mod tests {
    use super::super::tests::{country, names, run, run_kb, towns};
    use super::{has_score, opens_with_score};
    use crate::enrich::profile::Lang;
    use crate::enrich::types::EntityType::{Location as L, Organization as O};

    #[test]
    fn a_score_after_a_name_opens_the_rest() {
        assert!(opens_with_score("2-1 at home"));
        assert!(opens_with_score("3-0."));
        assert!(!opens_with_score("2019-20 season"));
        assert!(!opens_with_score("12-05-2024"));
        assert!(!opens_with_score("fans"));
    }

    #[test]
    fn a_match_score_in_parentheses_after_a_name_makes_a_team() {
        let t = "En championnat, le leader a été tenu en échec par Vallon (1-1) lors du match \
                 de samedi.";
        let es = run(Lang::Fr, t, &[("Vallon", "LOC")]);
        assert_eq!(names(&es), [("Vallon".to_string(), O)]);
    }

    #[test]
    fn scores_are_short_numbers_joined_by_a_hyphen() {
        assert!(has_score("Leeds won 2-1 at Hull."));
        assert!(has_score("un succès contre Lens (3-0)."));
        assert!(!has_score("the 2019-20 season"));
        assert!(!has_score("on 12-05-2024"));
        assert!(!has_score("a COVID-19 test"));
    }

    #[test]
    fn in_a_sports_report_a_town_named_by_team_words_is_its_club() {
        let t = "Bradford lost 2-1 away to Grimsby in the league. The Bradford manager said \
                 his striker missed a penalty.";
        let es = run(
            Lang::En,
            t,
            &[("Bradford", "GPE"), ("Grimsby", "GPE"), ("Bradford", "GPE")],
        );
        assert!(
            names(&es).contains(&("Bradford".into(), O)),
            "{:?}",
            names(&es)
        );
        assert!(
            names(&es).contains(&("Grimsby".into(), O)),
            "{:?}",
            names(&es)
        );
        let t = "Le match a tourné court : Valenciennes s'est imposé face à Guingamp (3-0), \
                 qui reste dernier du championnat. L'entraîneur a salué ses buteurs.";
        let es = run(Lang::Fr, t, &[("Valenciennes", "LOC"), ("Guingamp", "LOC")]);
        assert!(
            names(&es).contains(&("Valenciennes".into(), O)),
            "{:?}",
            names(&es)
        );
        assert!(
            names(&es).contains(&("Guingamp".into(), O)),
            "{:?}",
            names(&es)
        );
    }

    #[test]
    fn in_a_sports_report_a_plural_nickname_and_a_settlements_club_are_teams() {
        let t = "The Marlins beat Tovel City 3-1 in the league at Dale Carson Field. The Marlins \
                 goalkeeper made five saves, and the Tovel City manager praised his striker.";
        let spans = [
            ("Marlins", "PERSON"),
            ("Tovel City", "GPE"),
            ("Dale Carson Field", "FAC"),
            ("Marlins", "PERSON"),
            ("Tovel City", "GPE"),
        ];
        let n = names(&run(Lang::En, t, &spans));
        for club in ["Marlins", "Tovel City"] {
            assert!(n.contains(&(club.into(), O)), "{club}: {n:?}");
        }
        assert!(n.contains(&("Dale Carson Field".into(), L)), "{n:?}");
        let t = "Les Canaris ont battu Tovel 2-1 en championnat samedi. L'entraîneur des Canaris \
                 a salué son gardien.";
        let n = names(&run(Lang::Fr, t, &[("Canaris", "PER"), ("Canaris", "PER")]));
        assert_eq!(n, [("Canaris".to_string(), O)]);
    }

    #[test]
    fn a_team_received_or_hosted_in_a_sports_report_is_a_club() {
        let t = "En football, Brennac a gagné 2-0 grâce à son attaquant. Brennac recevra Valmont \
                 samedi.";
        let es = run(Lang::Fr, t, &[("Brennac", "ORG"), ("Valmont", "LOC")]);
        assert!(
            names(&es).contains(&("Valmont".into(), O)),
            "{:?}",
            names(&es)
        );
        let t =
            "The coach praised his team after the 3-1 basketball win. They host Corby on Friday.";
        let es = run(Lang::En, t, &[("Corby", "GPE")]);
        assert_eq!(names(&es), [("Corby".to_string(), O)]);
    }

    #[test]
    fn in_a_sports_report_a_town_called_a_club_or_a_person_by_the_model_is_a_club() {
        let t = "The striker scored twice in the league match, a penalty among his goals. The win \
                 left Rovers one point ahead of Wigan. Next up: Rovers host Barnsley on Sunday.";
        let es = run_kb(
            Lang::En,
            t,
            &[
                ("Rovers", "ORG"),
                ("Wigan", "ORG"),
                ("Rovers", "ORG"),
                ("Barnsley", "PERSON"),
            ],
            &towns(&["Wigan", "Barnsley"]),
        );
        for club in ["Wigan", "Barnsley"] {
            assert!(
                names(&es).contains(&(club.into(), O)),
                "{club}: {:?}",
                names(&es)
            );
        }
    }

    #[test]
    fn in_a_sports_report_a_name_before_its_score_is_a_team() {
        let t = "Avant ce match de championnat, Vallon-Sud avait battu plus tôt Port Ardenne 3-0 \
                 grâce à deux buts en fin de rencontre.";
        let es = run(
            Lang::Fr,
            t,
            &[("Vallon-Sud", "LOC"), ("Port Ardenne", "LOC")],
        );
        assert!(
            names(&es).contains(&("Port Ardenne".into(), O)),
            "{:?}",
            names(&es)
        );
    }

    #[test]
    fn in_a_sports_report_a_well_known_town_before_its_score_is_its_club() {
        let t = "Lors de la 24e journée de championnat, Caen a battu Vallon-Sud 2-1 grâce à un \
                 but en fin de match. Caen compte 41 points au classement.";
        let es = run(
            Lang::Fr,
            t,
            &[("Caen", "LOC"), ("Vallon-Sud", "LOC"), ("Caen", "LOC")],
        );
        assert!(names(&es).contains(&("Caen".into(), O)), "{:?}", names(&es));
        // Outside a sports report the town is the place.
        let t = "Le conseil de Caen a battu un record de participation. Caen compte 41 élus.";
        let es = run(Lang::Fr, t, &[("Caen", "LOC"), ("Caen", "LOC")]);
        assert!(names(&es).contains(&("Caen".into(), L)), "{:?}", names(&es));
    }

    #[test]
    fn a_known_place_and_a_plural_noun_after_the_article_is_a_team_not_its_islands() {
        let t = "Fans of the Chicago Comets cheered as the Cayman Islands welcomed the Chicago \
                 Comets.";
        let es = run(
            Lang::En,
            t,
            &[("Chicago Comets", "GPE"), ("Cayman Islands", "GPE")],
        );
        let n = names(&es);
        assert!(n.contains(&("Chicago Comets".into(), O)), "{n:?}");
        assert!(n.contains(&("Cayman Islands".into(), L)), "{n:?}");
        // Without the article it is no name of a club: "Chicago Comets" read as a headline.
        let t = "In Chicago Comets were seen by many.";
        let es = run(Lang::En, t, &[("Chicago Comets", "GPE")]);
        assert!(
            names(&es).contains(&("Chicago Comets".into(), L)),
            "{:?}",
            names(&es)
        );
    }

    #[test]
    fn a_town_the_kb_knows_before_a_plural_noun_is_a_team() {
        let kb = towns(&["Millbrook"]);
        let t = "The Millbrook Falcons signed a new coach.";
        let es = run_kb(Lang::En, t, &[("Millbrook Falcons", "GPE")], &kb);
        assert_eq!(names(&es), [("Millbrook Falcons".to_string(), O)]);
        let t = "Les Millbrook Falcons ont recruté un entraîneur.";
        let es = run_kb(Lang::Fr, t, &[("Millbrook Falcons", "LOC")], &kb);
        assert_eq!(names(&es), [("Millbrook Falcons".to_string(), O)]);
        // A town nobody knows says nothing.
        let es = run(
            Lang::En,
            "The Millbrook Falcons signed.",
            &[("Millbrook Falcons", "GPE")],
        );
        assert_eq!(names(&es), [("Millbrook Falcons".to_string(), L)]);
    }

    #[test]
    fn outside_a_sports_report_or_for_a_known_country_a_place_stays_a_place() {
        // No sports report: "against" says nothing of a team.
        let t = "Farmers in Bradford protested against Grimsby's new port tax.";
        let es = run(Lang::En, t, &[("Bradford", "GPE"), ("Grimsby", "GPE")]);
        assert!(
            names(&es).contains(&("Grimsby".into(), L)),
            "{:?}",
            names(&es)
        );
        // A country named by the gazetteer stays a place, even its national team, where the
        // knowledge base knows it for a country.
        let t = "Le match face à l'Italie (2-1) a conclu la saison ; l'arbitre et les buteurs \
                 ont été salués.";
        let kb = country("Italy", &[("fr", "Italie")], &[]);
        let es = run_kb(Lang::Fr, t, &[("Italie", "LOC")], &kb);
        assert!(
            names(&es).contains(&("Italie".into(), L)),
            "{:?}",
            names(&es)
        );
    }

    #[test]
    fn in_a_sports_report_a_town_inside_a_club_s_name_is_the_club() {
        let t = "Le RC Vaubrun Alsace a battu Marle 2-1 en championnat. Privé de son buteur, \
                 Vaubrun a tenu jusqu'au bout du match.";
        let es = run_kb(
            Lang::Fr,
            t,
            &[
                ("RC Vaubrun Alsace", "ORG"),
                ("Marle", "LOC"),
                ("Vaubrun", "LOC"),
            ],
            &towns(&["Vaubrun", "Marle"]),
        );
        let club = es.iter().find(|e| e.name == "RC Vaubrun Alsace").unwrap();
        assert_eq!(club.mentions.len(), 2, "{:?}", names(&es));
        // Not a union of the town's teachers.
        let t = "United Teachers of Tovelan voted to strike. Tovelan schools closed; the \
                 league match was off and the striker stayed home.";
        let es = run_kb(
            Lang::En,
            t,
            &[("United Teachers of Tovelan", "ORG"), ("Tovelan", "GPE")],
            &towns(&["Tovelan"]),
        );
        assert!(
            names(&es).contains(&("Tovelan".to_string(), L)),
            "{:?}",
            names(&es)
        );
    }
}
