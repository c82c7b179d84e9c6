//! Organisation names the model cut in two around a linking word. "the Tea Board of Kenya": an
//! organisation ending on its head word (`org|…` in `type_words.txt`), a complement preposition
//! and a place the model tagged apart are one name; the place named only inside an
//! organisation's name is no entity of its own. "the Weights and Measures Department": a
//! capitalised word coordinated with such an organisation's name after a definite article
//! is part of its name (the article determines the whole name, not the lone word).

use super::mention::M;
use super::typing::label_type;
use crate::enrich::gazetteer::gazetteer;
use crate::enrich::kb::Kb;
use crate::enrich::profile::{key, lower, NameHead, Profile, TypeWord};
use crate::enrich::syntax::{FieldAnalysis, Pos};
use crate::enrich::types::{Document, EntityType};

/// Join the organisation mentions of `doc` with the place after them and the coordinated word
/// before them; `ms` is sorted by field and start and stays so.
pub(super) fn apply(
    doc: &Document<'_>,
    parse: &[FieldAnalysis],
    res: &Profile,
    kb: &Kb,
    ms: &mut Vec<M>,
) {
    join_places(doc, res, ms);
    domain_bodies(doc, parse, res, kb, ms);
    let mut absorbed: Vec<usize> = Vec::new();
    for i in 0..ms.len() {
        let m = &ms[i];
        let t = doc.fields[m.field].text;
        let before = (i > 0 && ms[i - 1].field == m.field).then(|| &ms[i - 1]);
        if let Some(p) = coordinated_place(t, before, m, res, kb) {
            // "officers of Tove and Brisk Valley Police": a place coordinated with the place
            // word of a body's name, with no article to open it.
            if p.absorbs {
                absorbed.push(i - 1);
            }
            ms[i].start = p.start;
            continue;
        }
        let Some(s) = coordinated_start(t, m, res) else {
            continue;
        };
        // Never over another mention ("the BBC and Channel Four Foundation"), but over a place
        // the model found in the coordinated word: a place's name takes no article, which
        // here determines the whole name ("the Tove and Marwick Health Trust").
        let place_word = before.is_some_and(|b| {
            b.start == s
                && label_type(&b.label) == EntityType::Location
                && t[b.start..b.end].chars().any(char::is_lowercase)
                && !t[b.start..b.end].contains(' ')
        });
        if before.is_none_or(|b| b.end <= s) || place_word {
            ms[i].start = s;
            if place_word {
                absorbed.push(i - 1);
            }
        }
    }
    for i in absorbed.into_iter().rev() {
        ms.remove(i);
    }
}

/// "Board" + " of " + "Kenya": the organisation runs over the place mention right after it.
fn join_places(doc: &Document<'_>, res: &Profile, ms: &mut Vec<M>) {
    let mut out: Vec<M> = Vec::with_capacity(ms.len());
    let mut k = 0;
    while k < ms.len() {
        let a = &ms[k];
        let joined = ms.get(k + 1).filter(|b| {
            let t = doc.fields[a.field].text;
            b.field == a.field
                && a.end < b.start
                // Whatever the label, a name its own head word types (« Centre hospitalier »,
                // labelled a place, + « de » + « Tovenac »).
                && (a.ty() == EntityType::Organization || a.ty() == EntityType::Location)
                && label_type(&b.label) == EntityType::Location
                && headed_by_org_word(&t[a.start..a.end], res)
                && complement_gap(&t[a.end..b.start], res)
                // No capitalised word glued after the place ("of Kenya Airways").
                && !t[b.end..]
                    .strip_prefix(' ')
                    .is_some_and(|r| r.starts_with(char::is_uppercase))
        });
        if let Some(b) = joined {
            let mut m = a.clone();
            m.end = b.end;
            out.push(m);
            k += 2;
            continue;
        }
        out.push(a.clone());
        k += 1;
    }
    *ms = out;
}

/// "Transport Scotland", "Curling Canada", "Fisheries New Zealand": where a name's head comes
/// last, a body named by its field before the country or the state it serves. The model often
/// finds the place alone, or the whole labelled a place. One capitalised word right before the
/// place, in no other mention, and neither a grammar word, a role, a first name, a demonym nor
/// a word that names a part of a place (`region_part|` in `words.txt`: "Northeast India",
/// "Greater London"), makes the mention the body's: inside a sentence (after a lower-case
/// word, a comma or an article: "A Transport Scotland spokesman"), or opening one where the
/// parse reads a noun ("Police Scotland said", not "Because Wyoming …"), or as initials
/// ("RSPB Scotland").
fn domain_bodies(
    doc: &Document<'_>,
    parse: &[FieldAnalysis],
    res: &Profile,
    kb: &Kb,
    ms: &mut [M],
) {
    if res.name_head != NameHead::Last || kb.is_empty() {
        return;
    }
    // A country or a division the knowledge base knows, or a well-known place ("Scotland").
    let region = |form: &str| {
        kb.names_region(form)
            || gazetteer()
                .lookup(form)
                .is_some_and(|(ty, _)| ty == EntityType::Location)
    };
    for i in 0..ms.len() {
        let m = &ms[i];
        let t = doc.fields[m.field].text;
        if label_type(&m.label) != EntityType::Location || m.hint.is_some() {
            continue;
        }
        let form = &t[m.start..m.end];
        // Not a place inside a longer name ("Assistant U.S. Attorney Ann Lee").
        if t[m.end..]
            .strip_prefix(' ')
            .is_some_and(|r| r.starts_with(char::is_uppercase))
        {
            continue;
        }
        // The field's word: the mention's first, or the word right before it.
        let w_start = if region(form) {
            let Some(b) = t[..m.start].strip_suffix(' ') else {
                continue;
            };
            let w_start = b
                .rfind(|c: char| !c.is_alphabetic())
                .map_or(0, |i| i + b[i..].chars().next().map_or(1, char::len_utf8));
            let taken = i > 0 && ms[i - 1].field == m.field && ms[i - 1].end > w_start;
            if taken {
                continue;
            }
            w_start
        } else if form.split_once(' ').is_some_and(|(_, rest)| region(rest)) {
            m.start
        } else {
            continue;
        };
        let w = t[w_start..].split([' ', '-']).next().unwrap_or("");
        let noun = parse
            .iter()
            .find(|fa| fa.field == m.field)
            .and_then(|fa| fa.analysis.tokens.iter().find(|x| x.start == w_start))
            .is_some_and(|x| matches!(x.pos, Pos::Noun | Pos::Propn));
        if domain_word(w, &t[..w_start], noun, res) {
            ms[i].start = w_start;
            ms[i].hint = Some(EntityType::Organization);
        }
    }
}

/// Whether `w`, after the text `before`, may name a body's field: initials, or a capitalised
/// word of three letters or more inside a sentence or, read as a noun (`noun`), opening one;
/// no grammar word, role, first name, demonym or part of a place.
fn domain_word(w: &str, before: &str, noun: bool, res: &Profile) -> bool {
    let lw = lower(w);
    let prev = before.strip_suffix(' ').unwrap_or("");
    let prev_word = prev
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    let inside_sentence = prev
        .chars()
        .next_back()
        .is_some_and(|c| c.is_lowercase() || c == ',')
        || res.articles.contains_key(&lower(prev_word));
    let initials = (2..=6).contains(&w.chars().count()) && w.chars().all(char::is_uppercase);
    let word = w.chars().count() >= 3
        && w.starts_with(char::is_uppercase)
        && w.chars().skip(1).all(char::is_lowercase);
    (initials || word && (inside_sentence || noun))
        && res.role(&lw).is_none()
        && !res.function_words.contains(&lw)
        && !res.stop.contains(&key(w))
        && !res.first_names.contains_key(&lw)
        && !res.demonyms.contains(&lw)
        && !res.region_parts.contains(&lw)
}

/// Whether the words between an organisation and a place are a complement preposition, with
/// the place's article where the language writes one: " of ", " de la ", " de l'", " du ".
fn complement_gap(gap: &str, res: &Profile) -> bool {
    let Some(body) = gap.strip_prefix(' ') else {
        return false;
    };
    let body = lower(body);
    let ws: Vec<&str> = body.split_whitespace().collect();
    // A space before the place, or an elided article glued to it.
    if !(body.ends_with(' ') || ws.last().is_some_and(|w| w.ends_with('\''))) {
        return false;
    }
    match ws[..] {
        [c] => res.complements.contains(c),
        [c, a] => res.complements.contains(c) && res.articles.contains_key(a),
        _ => false,
    }
}

/// Whether a name of two words or more opens or ends on a capitalised organisation head word
/// ("Tea Board", "College of Nursing").
fn headed_by_org_word(name: &str, res: &Profile) -> bool {
    let head = |w: &str| {
        w.starts_with(char::is_uppercase) && res.type_words.get(&key(w)) == Some(&TypeWord::Org)
    };
    // A head of two words, where heads come first, is the whole name here ("Centre
    // hospitalier").
    let two_words = name.starts_with(char::is_uppercase)
        && name.split(' ').count() == 2
        && res.name_head == NameHead::First
        && res.type_words.get(&key(name)) == Some(&TypeWord::Org);
    two_words
        || name.split(' ').count() >= 2
            && (name.rsplit(' ').next().is_some_and(head)
                || name.split(' ').next().is_some_and(head))
}

/// Where a place coordinated with a body's name opens it.
struct CoordinatedPlace {
    /// Byte where the joined name starts.
    start: usize,
    /// Whether the place was a mention of its own, now part of the name.
    absorbs: bool,
}

/// The place and coordinating word right before organisation mention `m`, whose last word is
/// the head of a body serving an area (`area_body|` in `words.txt`): "Tove and Brisk Valley
/// Police". A body named for two places shares its head word; two bodies would each have
/// their own ("Tove Council and Brisk Valley Police"), and a firm's name is no area's
/// ("the city of Tove and Brisk Holdings"). The place is one or two capitalised words that the model
/// labelled a place (`before`) or the knowledge base names as one, whatever the model made of
/// them; no other mention may sit between.
fn coordinated_place(
    t: &str,
    before: Option<&M>,
    m: &M,
    res: &Profile,
    kb: &Kb,
) -> Option<CoordinatedPlace> {
    let name = &t[m.start..m.end];
    let last_is_head = name
        .rsplit(' ')
        .next()
        .is_some_and(|w| w.starts_with(char::is_uppercase) && res.area_bodies.contains(&lower(w)));
    if m.ty() != EntityType::Organization || name.split(' ').count() < 2 || !last_is_head {
        return None;
    }
    let lead = t[..m.start].strip_suffix(' ')?;
    let (lead, and) = lead.rsplit_once(' ')?;
    if !res.and_words.contains(&lower(and)) {
        return None;
    }
    // The place: the mention ending there, or the last one or two capitalised words.
    let end = lead.len();
    let capital = |w: &str| {
        w.chars().count() >= 2
            && w.starts_with(char::is_uppercase)
            && w.chars().all(|c| c.is_alphabetic() || c == '-')
            && !res.stop.contains(&key(w))
    };
    let mention = before.filter(|b| b.end == end);
    if before.is_some_and(|b| b.end > end) {
        return None;
    }
    let known = |p: &str| !res.stop.contains(&key(p)) && kb.names_place(p);
    let place = match mention {
        Some(b) => &t[b.start..b.end],
        None => {
            // The longer of two or one capitalised words that the knowledge base names.
            let ws: Vec<&str> = lead.rsplit(' ').take(2).collect();
            let mut spans = (1..=ws.len()).rev().map(|n| {
                let len = ws[..n].iter().map(|w| w.len()).sum::<usize>() + n - 1;
                &lead[end - len..]
            });
            let found = spans.find(|p| p.split(' ').all(capital) && known(p))?;
            if before.is_some_and(|b| b.end > end - found.len()) {
                return None;
            }
            found
        }
    };
    let words: Vec<&str> = place.split(' ').collect();
    let labelled = mention.is_some_and(|b| label_type(&b.label) == EntityType::Location);
    (words.len() <= 2 && words.iter().all(|w| capital(w)) && (labelled || known(place))).then(
        || CoordinatedPlace {
            start: end - place.len(),
            absorbs: mention.is_some(),
        },
    )
}

/// Where an organisation mention starts when a capitalised word and a coordinating word come
/// before it under a definite article ("the Weights and" + "Measures Department"), or a list
/// of such words joined by commas ("the Rail, Tram and" + "Bus Union"), the name's last word
/// being its head word.
fn coordinated_start(t: &str, m: &M, res: &Profile) -> Option<usize> {
    if m.ty() != EntityType::Organization || !headed_by_org_word(&t[m.start..m.end], res) {
        return None;
    }
    let before = t[..m.start].strip_suffix(' ')?;
    let (rest, and) = before.rsplit_once(' ')?;
    if !res.and_words.contains(&lower(and)) {
        return None;
    }
    let plain = |w: &str| {
        w.chars().count() >= 2
            && w.starts_with(char::is_uppercase)
            && w.chars().all(char::is_alphabetic)
            && !res.stop.contains(&key(w))
    };
    let (mut rest, word) = rest.rsplit_once(' ')?;
    if !plain(word) {
        return None;
    }
    // Or a list of such words, joined by commas ("the Rail, Tram and" + "Bus Union").
    while let Some((r, _)) = rest
        .strip_suffix(',')
        .and_then(|r| r.rsplit_once(' '))
        .filter(|(_, w)| plain(w))
    {
        rest = r;
    }
    let article = rest.rsplit(char::is_whitespace).next()?;
    res.definites
        .contains(&lower(article))
        .then_some(rest.len() + 1)
}

#[cfg(test)]
mod tests {
    use super::super::tests::{country, names, run, run_kb};
    use crate::enrich::profile::Lang;
    use crate::enrich::types::EntityType::{Location as L, Organization as O};

    #[test]
    fn a_body_named_by_its_field_before_its_country_is_one_name() {
        let kb = country("Tovelland", &[], &[]);
        let t = "The levy was set by Fisheries Tovelland, and a Transport Tovelland spokesman \
                 agreed; RSPB Tovelland objected.";
        let labels = [
            ("Tovelland", "GPE"),
            ("Tovelland", "GPE"),
            ("Tovelland", "GPE"),
        ];
        let n = names(&run_kb(Lang::En, t, &labels, &kb));
        for body in [
            "Fisheries Tovelland",
            "Transport Tovelland",
            "RSPB Tovelland",
        ] {
            assert!(n.contains(&(body.to_string(), O)), "{body}: {n:?}");
        }
        // A part of the country, or the country inside a longer name, is no body.
        let t = "Farms in rural Northeast Tovelland and the Assistant Tovelland Attorney agreed.";
        let labels = [("Tovelland", "GPE"), ("Tovelland", "GPE")];
        let n = names(&run_kb(Lang::En, t, &labels, &kb));
        assert!(!n.iter().any(|(_, ty)| *ty == O), "{n:?}");
    }

    #[test]
    fn an_organisation_and_its_place_are_one_name() {
        let t = "The Coffee Board of Uganda cut its forecast on Tuesday.";
        let es = run(Lang::En, t, &[("Coffee Board", "ORG"), ("Uganda", "GPE")]);
        assert_eq!(names(&es), [("Coffee Board of Uganda".to_string(), O)]);
        // Not into a longer capitalised name after the place.
        let t = "The Pension Fund of Kenya Airways paid out.";
        let es = run(
            Lang::En,
            t,
            &[("Pension Fund", "ORG"), ("Kenya Airways", "ORG")],
        );
        assert!(
            !names(&es).iter().any(|(n, _)| n.contains(" of ")),
            "{:?}",
            names(&es)
        );
        // A place after a name with no head word stays a place.
        let t = "Ana Ruiz of Peru won.";
        let es = run(Lang::En, t, &[("Ana Ruiz", "PERSON"), ("Peru", "GPE")]);
        assert!(
            names(&es).contains(&("Peru".to_string(), L)),
            "{:?}",
            names(&es)
        );
    }

    #[test]
    fn a_service_and_the_department_it_serves_are_one_name() {
        let t = "Les pompiers du Service départemental d'incendie et de secours de la Lozère \
                 sont intervenus, comme ceux du Service de santé de l'Aveyron.";
        let es = run(
            Lang::Fr,
            t,
            &[
                ("Service départemental d'incendie et de secours", "ORG"),
                ("Lozère", "LOC"),
                ("Service de santé", "ORG"),
                ("Aveyron", "LOC"),
            ],
        );
        assert_eq!(
            names(&es),
            [
                (
                    "Service départemental d'incendie et de secours de la Lozère".to_string(),
                    O
                ),
                ("Service de santé de l'Aveyron".to_string(), O)
            ]
        );
    }

    #[test]
    fn a_coordinated_word_under_the_article_is_part_of_the_name() {
        let t = "Inspectors from the Fisheries and Wildlife Department came.";
        let es = run(Lang::En, t, &[("Wildlife Department", "ORG")]);
        assert_eq!(
            names(&es),
            [("Fisheries and Wildlife Department".to_string(), O)]
        );
        // Not without the article: two bodies.
        let t = "Oxfam and Wildlife Department staff came.";
        let es = run(Lang::En, t, &[("Wildlife Department", "ORG")]);
        assert!(
            !names(&es).iter().any(|(n, _)| n.starts_with("Oxfam and")),
            "{:?}",
            names(&es)
        );
        // Over a place the model found in the word, after a paragraph break.
        let t = "Women in Tove will travel.\n\nThe Tove and Brisk Valley Health Trust, which runs \
                 the unit, said so.";
        let es = run(
            Lang::En,
            t,
            &[
                ("Tove", "GPE"),
                ("Tove", "LOC"),
                ("Brisk Valley Health Trust", "ORG"),
            ],
        );
        let n = names(&es);
        assert!(
            n.contains(&("Tove and Brisk Valley Health Trust".to_string(), O)),
            "{n:?}"
        );
        assert!(n.contains(&("Tove".to_string(), L)), "{n:?}");
        // A list of such words joined by commas, the trades of a union.
        let t = "Members of the Dock, Ferry and Harbour Union walked out.";
        let es = run(Lang::En, t, &[("Harbour Union", "ORG")]);
        assert_eq!(
            names(&es),
            [("Dock, Ferry and Harbour Union".to_string(), O)]
        );
    }

    #[test]
    fn two_places_before_an_area_body_are_its_name() {
        let t = "Officers from Tove and Ardle Valley Police searched the farm.";
        let es = run(
            Lang::En,
            t,
            &[("Tove", "GPE"), ("Ardle Valley Police", "ORG")],
        );
        assert_eq!(
            names(&es),
            [("Tove and Ardle Valley Police".to_string(), O)]
        );
        // A firm takes no area's name: the place and the firm stay apart.
        let t = "The city of Tove and Ardle Holdings will share the cost.";
        let es = run(Lang::En, t, &[("Tove", "GPE"), ("Ardle Holdings", "ORG")]);
        let n = names(&es);
        assert!(n.contains(&("Ardle Holdings".to_string(), O)), "{n:?}");
        assert!(n.contains(&("Tove".to_string(), L)), "{n:?}");
    }

    #[test]
    fn a_two_word_head_labelled_a_place_joins_its_place() {
        let t = "Une patiente a été conduite au Centre hospitalier de Marvaux samedi.";
        let es = run(
            Lang::Fr,
            t,
            &[("Centre hospitalier", "LOC"), ("Marvaux", "LOC")],
        );
        assert_eq!(
            names(&es),
            [("Centre hospitalier de Marvaux".to_string(), O)]
        );
    }
}
