//! The words right around one name: a title phrase before a name, a name inside an adjective,
//! a fictional role, and the type hints ("the Elmwood neighborhood", "la société Lumora", an age
//! in apposition, a role in apposition).

use super::{before_window, ends_with_phrase, raw_before_window, WINDOW};
use crate::enrich::entities::label_type;
use crate::enrich::entities::mention::M;
use crate::enrich::entities::typing::opens_with_first_name;
use crate::enrich::gazetteer::gazetteer;
use crate::enrich::profile::{key, lower, NameHead, Profile, TypeWord};
use crate::enrich::text::dateline_place;
use crate::enrich::tokens::{tokenize, Tok};
use crate::enrich::types::EntityType;

/// A title phrase, no entity: a span the model ended on role words ("Senate Majority Leader"
/// before "Chuck Schumer"), or the name of a portfolio next to a role held over one
/// (`portfolio_role|…`): "Transport Minister Ann Lee", "the Minister for Transport", "le
/// ministre des Transports". An employer before another role stays a name ("Vexa chief
/// executive Ann Lee", "Harbour City Police Commissioner Ann Lee"), as does a place after a
/// portfolio role ("the Prime Minister of Canada", "le Premier ministre du Québec").
pub(super) fn is_title_phrase(t: &str, m: &M, res: &Profile) -> bool {
    // A person's name takes no article: "la ministre de la Culture" is a portfolio the model
    // may call a person, "les ministres de Macron" a person.
    if m.ty() == EntityType::Person {
        return portfolio_after_role(t, m, res, true);
    }
    let span = &t[m.start..m.end];
    let last = span.rsplit(' ').next().unwrap_or("");
    // The last word may open a two-word role with the next ("White House Press" + "Secretary").
    let next = t[m.end..]
        .strip_prefix(' ')
        .and_then(|r| r.split([' ', ',', '.']).next())
        .unwrap_or("");
    let in_span =
        res.role(&lower(last)).is_some() || res.role(&lower(&format!("{last} {next}"))).is_some();
    // An organisation named by its head word, with the role after it, is the person's
    // employer ("Harbour City Police" + "Commissioner Ann Lee"): a name of its own.
    // A trade word alone is no such name ("the Minister for Energy"): it heads a name only
    // after other words ("Vexa Energy").
    let org_head = span.split(' ').any(|w| {
        res.type_words.get(&key(w)) == Some(&TypeWord::Org)
            && (span.contains(' ') || !res.head_side_only.contains(&key(w)))
    });
    if !in_span && org_head {
        return false;
    }
    // Role words after the span ("Transport" + "Minister"), the last of them a portfolio role
    // unless it ends a role of two words ("White House" + "Press Secretary").
    let mut rest = &t[m.end..];
    let (mut role, mut portfolio, mut prev) = (false, false, lower(last));
    while let Some(r) = rest.strip_prefix(' ') {
        let w = r.split([' ', ',', '.']).next().unwrap_or("");
        let lw = lower(w);
        if !w.starts_with(char::is_uppercase) || res.role(&lw).is_none() {
            break;
        }
        role = true;
        portfolio =
            res.portfolio_roles.contains(&lw) && res.role(&format!("{prev} {lw}")).is_none();
        rest = &r[w.len()..];
        prev = lw;
    }
    let before_name = rest
        .strip_prefix(' ')
        .is_some_and(|r| r.starts_with(char::is_uppercase));
    ((in_span || (role && portfolio)) && before_name) || portfolio_after_role(t, m, res, false)
}

/// "the Minister for Transport", "la ministre des Transports": the mention right after a
/// portfolio role, a linking word and maybe an article. Not a place: "the Prime Minister of
/// Canada" (labelled a place by the model, or a well-known place), nor after a role of two
/// words ("Premier ministre").
/// With `article`, only through an article ("de la", "des").
fn portfolio_after_role(t: &str, m: &M, res: &Profile, article: bool) -> bool {
    if res.portfolio_roles.is_empty() || m.ty() == EntityType::Location {
        return false;
    }
    // Tokenised with the mention, so that an elided article is split off as before a word.
    let win = before_window(t, m.start);
    let with = format!("{win}{}", lower(&t[m.start..m.end]));
    let toks = tokenize(&with, &res.tokens);
    let before = &toks[..toks.partition_point(|x| x.start < win.len())];
    let word = |k: usize| before.get(k).filter(|x| x.word).map(|x| x.lower.as_str());
    let link = |k: usize| k > 0 && word(k - 1).is_some_and(|w| res.portfolio_links.contains(w));
    // Maybe an article between ("la", "l'", "the"); "des" is both.
    let mut k = before.len();
    let last_word = k.checked_sub(1).and_then(word);
    let mut through_article = last_word.is_some_and(|w| res.articles.contains_key(w));
    if !link(k) && through_article {
        k -= 1;
    } else if link(k) {
        // "des" links and is an article.
        through_article &= last_word.is_some_and(|w| res.definites.contains(w));
    }
    if article && !through_article {
        return false;
    }
    let linked = link(k);
    let Some(role) = k.checked_sub(2).filter(|_| linked).and_then(word) else {
        return false;
    };
    let pair = k
        .checked_sub(3)
        .and_then(word)
        .is_some_and(|w| res.role(&format!("{w} {role}")).is_some());
    res.portfolio_roles.contains(role)
        && !pair
        && gazetteer().lookup(&t[m.start..m.end]).map(|(ty, _)| ty) != Some(EntityType::Location)
}

/// "la loi Varenne", "la directive Morlaix": where a name's head comes first, a name right after
/// a lower-case law word (`law|` in `type_words.txt`) names the law, not the person or place
/// it is named after. (Where heads come last, "the accord Vale signed" is a relative clause.)
pub(super) fn names_a_law(t: &str, m: &M, res: &Profile) -> bool {
    if res.name_head != NameHead::First {
        return false;
    }
    let Some(before) = t[..m.start].strip_suffix(' ') else {
        return false;
    };
    let w = before
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    w.starts_with(char::is_lowercase) && res.type_words.get(&key(w)) == Some(&TypeWord::Law)
}

/// "a Tudor-style house": the name is part of an adjective.
pub(super) fn is_adjective(t: &str, m: &M, res: &Profile) -> bool {
    let Some(rest) = t[m.end..].strip_prefix('-') else {
        return false;
    };
    let w_end = rest
        .find(|c: char| !c.is_alphanumeric())
        .unwrap_or(rest.len());
    res.context.adjectives.contains(&lower(&rest[..w_end]))
}

/// "Mira Holt stars as his sister, Ruth": a person's name after a role cue, possibly through a
/// short lower-case apposition, is a fictional character.
pub(super) fn is_character(t: &str, m: &M, res: &Profile) -> bool {
    if m.ty() != EntityType::Person || res.context.characters.is_empty() {
        return false;
    }
    let w = before_window(t, m.start);
    let mut w = w.trim_end().trim_end_matches(',').trim_end();
    for _ in 0..3 {
        if res
            .context
            .characters
            .iter()
            .any(|c| ends_with_phrase(w, c) || ends_with_phrase(w, c.trim_end_matches('\'')))
        {
            return true;
        }
        // Step back over one lower-case word ("his sister").
        let Some(i) = w.rfind(' ') else { break };
        let last = &w[i + 1..];
        if last.is_empty() || !last.chars().all(|c| c.is_alphabetic()) {
            break;
        }
        w = w[..i].trim_end();
    }
    false
}

/// Whether `rest`, the text right after a name, opens on a comma and a relative pronoun that
/// never stands for a person (`thing_relative|` in `context.txt`: ", which").
fn thing_relative_after(rest: &str, res: &Profile) -> bool {
    let Some(r) = rest.strip_prefix(", ") else {
        return false;
    };
    let w_end = r.find(|c: char| !c.is_alphabetic()).unwrap_or(r.len());
    w_end > 0 && res.context.thing_relatives.contains(&lower(&r[..w_end]))
}

/// Whether mention `m` of `t` opens with a capitalised article and follows words that make it
/// the medium that took someone's words (`medium|` in `context.txt`: "told The Tovel
/// Herald", "speaking to The Marle Post"); a person's name has no article.
fn medium(t: &str, m: &M, res: &Profile) -> bool {
    let name = &t[m.start..m.end];
    let article = name.split_once(' ').is_some_and(|(a, _)| {
        a.starts_with(char::is_uppercase) && res.articles.contains_key(&lower(a))
    });
    let win = before_window(t, m.start);
    article
        && win.strip_suffix(' ').is_some_and(|w| {
            res.context
                .media_before
                .iter()
                .any(|p| ends_with_phrase(w, p))
        })
}

/// The type the words right around a mention give it, if any.
pub(super) fn hint(t: &str, m: &M, res: &Profile) -> Option<EntityType> {
    let ctx = &res.context;
    // "BRIANÇON, France (AFP) - …": a dateline's place, at the start of a line.
    let line_start = t[..m.start].trim_end_matches(' ').is_empty()
        || t[..m.start].trim_end_matches(' ').ends_with('\n');
    if line_start && dateline_place(&t[m.start..]).is_some_and(|n| m.end - m.start <= n) {
        return Some(EntityType::Location);
    }
    // "the Elmwood neighborhood".
    if let Some(r) = t[m.end..].strip_prefix(' ') {
        let w_end = r.find(|c: char| !c.is_alphabetic()).unwrap_or(r.len());
        let w = &r[..w_end];
        // Not after an indefinite article: "an Adelaide company" is a company of Adelaide.
        let indefinite = t[..m.start]
            .trim_end()
            .rsplit(|c: char| !c.is_alphabetic())
            .next()
            .is_some_and(|a| {
                let a = lower(a);
                res.articles.contains_key(&a) && !res.definites.contains(&a)
            });
        if w.starts_with(char::is_lowercase) && !indefinite {
            if let Some(&ty) = ctx.after.get(w) {
                return Some(ty);
            }
        }
    }
    // "Tovel Kai, which represents …": no person. Not after a preposition, where the pronoun
    // may stand for the noun before ("the hospital in Tovel, which …").
    let governed = t[..m.start]
        .strip_suffix(' ')
        .and_then(|b| b.rsplit(|c: char| !c.is_alphabetic()).next())
        .is_some_and(|w| res.preps.contains(&lower(w)));
    if label_type(&m.label) == EntityType::Person
        && !governed
        && thing_relative_after(&t[m.end..], res)
    {
        return Some(EntityType::Organization);
    }
    // The medium that took the words, named with its article ("she told The Tovel Herald").
    if medium(t, m, res) {
        return Some(EntityType::Organization);
    }
    // An age in apposition: "Karim, 34 ans,", "Tom Okafor, 45, a driver".
    if ctx.age_apposition(&t[m.end..]) {
        return Some(EntityType::Person);
    }
    // "la société Lumora", "le quartier de Belleville".
    let win = before_window(t, m.start);
    // "the Herald's Tom Ruiz", "The Gazette reported": an organisation's head word alone after
    // a definite article names one (of the article's, or the reader's, papers and bodies).
    let word = &t[m.start..m.end];
    let the = win
        .strip_suffix(' ')
        .and_then(|w| w.rsplit([' ', '\n', '(']).next())
        .is_some_and(|w| res.definites.contains(w));
    if the
        && !word.contains(' ')
        && word.starts_with(char::is_uppercase)
        && res.type_words.get(&key(word)) == Some(&TypeWord::Org)
    {
        return Some(EntityType::Organization);
    }
    let win_toks = tokenize(&win, &res.tokens);
    if located_lone_word(t, m, &win_toks, res) || address_locality(t, m, res) {
        return Some(EntityType::Location);
    }
    if let Some(ty) = by_naming(&win_toks, res) {
        return Some(ty);
    }
    if employer_after_role(&win_toks, res) {
        return Some(EntityType::Organization);
    }
    // The noun in apposition, between commas ("the home's operator, Arden Care, said"): of a
    // body or a place only, which a comma does not make a person's.
    let apposed = t[m.end..].starts_with(',') && !complement_phrase(&win_toks, res);
    // A demonym adjective between the noun and the name (« le cabinet rennais Arvel », « la
    // société danoise Nordlys »): the noun's hint still holds.
    let adjective_before = win.strip_suffix(' ').and_then(|w| {
        let (rest, last) = w.rsplit_once(' ')?;
        let demonym = last.chars().all(char::is_alphabetic)
            && (res.demonyms.contains(&key(last))
                || res
                    .demonym_suffixes
                    .iter()
                    .any(|s| last.ends_with(s.as_str())));
        demonym.then_some(rest)
    });
    for (p, ty) in &ctx.before {
        let hit = if p.ends_with('\'') {
            ends_with_phrase(&win, p)
        } else {
            win.strip_suffix(' ')
                .is_some_and(|w| ends_with_phrase(w, p))
                || adjective_before.is_some_and(|w| ends_with_phrase(w, p))
                || (apposed
                    && *ty != EntityType::Person
                    && win
                        .strip_suffix(", ")
                        .is_some_and(|w| ends_with_phrase(w, p)))
        };
        if hit {
            return Some(*ty);
        }
    }
    (by_kin(t, m, &win, res) || person_by_role(t, m, &win, res) || by_nationality(t, m, res))
        .then_some(EntityType::Person)
}

/// Whether the noun phrase ending the window (before its comma) is the complement of another
/// noun ("the head of the rescue agency, Ann Roe,": she heads it, she is not it): an article
/// opens it, right after a complement preposition.
fn complement_phrase(win: &[Tok], res: &Profile) -> bool {
    let n = win.len().saturating_sub(1);
    (n.saturating_sub(6)..n)
        .rev()
        .find(|&j| {
            res.articles.contains_key(&win[j].lower) || res.definites.contains(&win[j].lower)
        })
        .is_some_and(|j| j > 0 && res.complements.contains(&win[j - 1].lower))
}

/// A name the model called a person, right after a preposition that locates it (`locative|`
/// in `words.txt`: "a farm in Tregaron", "near Oakhurst", "a flat in Kessel Rise"): a place. A
/// person is not found "in" anyone; not before a possessive ("in Smith's view"), and not a
/// name of two or three words that opens with a known first name ("faith in Ana Vale").
fn located_lone_word(t: &str, m: &M, win: &[Tok], res: &Profile) -> bool {
    let word = &t[m.start..m.end];
    let words = word.split_whitespace().count();
    label_type(&m.label) == EntityType::Person
        && !word.contains('-')
        && words <= 3
        && !(words > 1 && opens_with_first_name(word, res))
        && word.chars().any(char::is_lowercase)
        && !res
            .tokens
            .possessives
            .iter()
            .any(|p| t[m.end..].starts_with(p.as_str()))
        && win
            .last()
            .is_some_and(|p| p.word && res.locatives.contains(&p.lower))
}

/// A name after a street in an address, between commas: the street's town or district ("Ian
/// Roe, of 14 Mill Road, Hendry, was fined"; "she lives at Elm Street, Tovebury."). The street
/// follows "of", "at" or "from" and ends on a place's head word; the name is not a person's
/// opening with a known first name.
fn address_locality(t: &str, m: &M, res: &Profile) -> bool {
    let word = &t[m.start..m.end];
    let closed = t[m.end..].is_empty() || t[m.end..].starts_with([',', '.', ';']);
    let Some(before) = t[..m.start].strip_suffix(", ") else {
        return false;
    };
    if !closed || label_type(&m.label) == EntityType::Location || opens_with_first_name(word, res) {
        return false;
    }
    let words: Vec<&str> = before.rsplit(' ').take(6).collect();
    let Some(head) = words.first() else {
        return false;
    };
    if !head.starts_with(char::is_uppercase)
        || res.type_words.get(&key(head)) != Some(&TypeWord::Loc)
    {
        return false;
    }
    // Back over the street's capitalised words and house number to its preposition.
    words[1..]
        .iter()
        .find(|w| {
            !(w.starts_with(char::is_uppercase) || w.starts_with(|c: char| c.is_ascii_digit()))
        })
        .is_some_and(|w| res.address_preps.contains(&lower(w)))
}

/// "a hamlet known as Brook End", "a firm called Lumora", "un quartier baptisé Les Halles": a
/// name right after a naming word (through "as"), after a noun that types the names it stands
/// next to ("neighborhood", "company"), takes the noun's type.
fn by_naming(toks: &[Tok], res: &Profile) -> Option<EntityType> {
    let mut k = toks.len();
    let mut back = || {
        k = k.checked_sub(1)?;
        Some(toks[k].lower.as_str()).filter(|_| toks[k].word)
    };
    let mut w = back()?;
    if res.naming_as.contains(w) {
        w = back()?;
    }
    if !res.naming.contains(w) && !res.calling.contains(w) {
        return None;
    }
    let noun = back()?;
    let ctx = &res.context;
    ctx.after.get(noun).copied().or_else(|| {
        ctx.before
            .iter()
            .find(|(p, _)| noun_of(p, res) == Some(noun))
            .map(|(_, ty)| *ty)
    })
}

/// "an analyst at Peel Brook", "un économiste chez Vexa": a name right after a role and an
/// employer's preposition (`employer_prep|` in `words.txt`) is the organisation the role works
/// for.
fn employer_after_role(toks: &[Tok], res: &Profile) -> bool {
    let n = toks.len();
    n >= 2
        && toks[n - 1].word
        && res.employer_preps.contains(&toks[n - 1].lower)
        && toks[n - 2].word
        && !toks[n - 2].cap
        && res.role(&toks[n - 2].lower).is_some()
}

/// The noun of a phrase before a name: "the city of" → "city", "quartier d'" → "quartier".
fn noun_of<'a>(p: &'a str, res: &Profile) -> Option<&'a str> {
    let mut ws: Vec<&str> = p.split(' ').collect();
    if ws.len() > 1 && res.articles.contains_key(ws[0]) {
        ws.remove(0);
    }
    let last = ws[ws.len() - 1];
    if ws.len() > 1 && (last.ends_with('\'') || res.preps.contains(last)) {
        ws.pop();
    }
    (ws.len() == 1).then(|| ws[0])
}

/// "la Polonaise Ana Wrona", "l'Américaine Cora Gale", "the Briton Tom Vale": a nationality as
/// a noun (capitalised), after an article, right before a name of two or three capitalised
/// words without a head word, is a person's.
fn by_nationality(t: &str, m: &M, res: &Profile) -> bool {
    let words: Vec<&str> = t[m.start..m.end].split(' ').collect();
    let cap = |w: &str| w.starts_with(char::is_uppercase);
    if !(2..=3).contains(&words.len())
        || !words.iter().all(|w| cap(w))
        || words.iter().any(|w| res.type_words.contains_key(&key(w)))
    {
        return false;
    }
    let Some(before) = t[..m.start].strip_suffix(' ') else {
        return false;
    };
    let mut back = before.rsplit(' ');
    let last = back.next().unwrap_or("");
    // An elided article is glued to the noun ("l'Américaine").
    let (det, noun) = match last.char_indices().find(|(_, c)| matches!(c, '\'' | '’')) {
        Some((i, c)) => {
            let e = i + c.len_utf8();
            (lower(&last[..e]).replace('’', "'"), &last[e..])
        }
        None => (lower(back.next().unwrap_or("")), last),
    };
    cap(noun) && res.demonyms.contains(&key(noun)) && res.articles.contains_key(&det)
}

/// A name in a kinship phrase: "her brother, Tom Vale", "sa femme Ana", "Tom Vale and his
/// wife", "Ana's son" (`kin|…` in `context.txt`): only a person has kin.
fn by_kin(t: &str, m: &M, win: &str, res: &Profile) -> bool {
    let ctx = &res.context;
    if ctx.kin.is_empty() || !t[m.start..m.end].starts_with(char::is_uppercase) {
        return false;
    }
    let w = win.trim_end();
    let w = w.strip_suffix(',').unwrap_or(w);
    let mut back = w.split_whitespace().rev();
    let (noun, det) = (back.next().unwrap_or(""), back.next().unwrap_or(""));
    if ctx.kin.contains(noun) && ctx.kin_dets.contains(det) {
        return true;
    }
    let mut end = (m.end + WINDOW).min(t.len());
    while !t.is_char_boundary(end) {
        end -= 1;
    }
    let after = lower(&t[m.end..end]);
    let word = |x: &str| x.trim_matches(|c: char| !c.is_alphabetic()).to_string();
    // "Ana's son".
    if let Some(r) = res
        .tokens
        .possessives
        .iter()
        .find_map(|p| after.strip_prefix(lower(p).as_str()))
    {
        return r.starts_with(' ')
            && r.split_whitespace()
                .next()
                .is_some_and(|x| ctx.kin.contains(&word(x)));
    }
    // "Tom Vale and his wife".
    let ws: Vec<&str> = after.split_whitespace().take(3).collect();
    after.starts_with(' ')
        && ws.len() == 3
        && res.and_words.contains(ws[0])
        && ctx.kin_dets.contains(ws[1])
        && ctx.kin.contains(&word(ws[2]))
}

/// How far back a role may open the clause of a body named in full with its acronym.
const ACRONYM_CLAUSE_WINDOW: usize = 200;

/// "Le président de la Fédération des travailleurs du bois (FTB), Marc Roy, a dit": a role and
/// its complement open the clause, which ends on a body's name and its acronym in brackets; the
/// name after them is the role's, as in "Chair of the Tove Valley Water Board, Ama Serwaa". Read
/// over a wider window than the other rules, a body's full name being long.
fn role_before_acronym(
    t: &str,
    m: &M,
    res: &Profile,
    is_role: &dyn Fn(&[Tok], usize) -> bool,
) -> bool {
    let mut from = m.start.saturating_sub(ACRONYM_CLAUSE_WINDOW);
    while !t.is_char_boundary(from) {
        from -= 1;
    }
    let toks = tokenize(&t[from..m.start], &res.tokens);
    let n = toks.len();
    if n < 6 || toks[n - 1].lower != "," || toks[n - 2].lower != ")" {
        return false;
    }
    let Some(open) = toks[..n - 2].iter().rposition(|x| x.lower == "(") else {
        return false;
    };
    // One capitalised word in the brackets, the acronym.
    if open + 2 != n - 2 || !(toks[open + 1].word && toks[open + 1].cap) {
        return false;
    }
    let clause_start = toks[..open]
        .iter()
        .rposition(|x| !x.word && x.lower != "'" && x.lower != "-")
        .map_or(0, |i| i + 1);
    let clause = &toks[clause_start..open];
    (3..=16).contains(&clause.len())
        && (0..(clause.len() - 1).min(4)).any(|i| {
            clause[i].word && is_role(clause, i) && res.complements.contains(&clause[i + 1].lower)
        })
}

/// A full name in apposition to a role: "CEO Ada Mensah", "le patron de Lumora, Jean
/// Vasseur", "Jane Doe, the company's chief executive". Places are left alone: "the minister met
/// in Paris, Berlin" is no apposition.
fn person_by_role(t: &str, m: &M, win: &str, res: &Profile) -> bool {
    if m.ty() == EntityType::Person {
        return false;
    }
    let name = &t[m.start..m.end];
    let words: Vec<&str> = name.split_whitespace().collect();
    // A place's name is a person's only when it has two words or more ("Ann Roe"); one word in
    // apposition is a list's ("the minister met in Paris, Berlin").
    if m.ty() == EntityType::Location && words.len() < 2 {
        return false;
    }
    // A name with a place's or a body's head word is none of a person ("King George
    // Boulevard" after the role word "King").
    let head = res.name_head.of(&words);
    if head.is_some_and(|w| res.is_head_word(w)) {
        return false;
    }
    // Nor one after a definite article, a person's name takes none ("Au Grand Conseil, la
    // députée Anne Roy a…": the council is no deputy).
    let articled = win
        .strip_suffix(' ')
        .and_then(|w| w.rsplit([' ', '\n', '(']).next())
        .is_some_and(|w| {
            let w = lower(w);
            res.definites.contains(&w) || res.contracted.contains(&w)
        });
    if articled {
        return false;
    }
    if !(2..=4).contains(&words.len())
        || !words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
    {
        return false;
    }
    let is_role = |toks: &[Tok], i: usize| {
        res.role(&toks[i].lower).is_some()
            || (i + 1 < toks.len()
                && res
                    .role(&format!("{} {}", toks[i].lower, toks[i + 1].lower))
                    .is_some())
    };
    // The clause before: from the last comma or sentence mark, a short noun phrase headed by a role.
    // Read in the text's own case: a clause ending on a name is told by its capitals.
    let before = tokenize(raw_before_window(t, m.start), &res.tokens);
    if before.last().is_some_and(|x| x.word) {
        // Directly after a role word ("CEO Ada Mensah").
        let last = before.len() - 1;
        if res.role(&before[last].lower).is_some() {
            return true;
        }
    } else if before.last().is_some_and(|x| x.lower == ",") {
        let clause_start = before[..before.len() - 1]
            .iter()
            .rposition(|x| !x.word && x.lower != "'" && x.lower != "-")
            .map_or(0, |i| i + 1);
        let clause = &before[clause_start..before.len() - 1];
        // The role phrase ends the clause ("the firm's chief executive, Tom Ruiz"); a clause
        // ending on a name is no apposition ("According to Dr Moss, Kestrel would need …").
        let ends_on_name = clause
            .last()
            .is_some_and(|x| x.cap && !is_role(clause, clause.len() - 1));
        if (1..=6).contains(&clause.len())
            && !ends_on_name
            && (0..clause.len().min(4)).any(|i| clause[i].word && is_role(clause, i))
        {
            return true;
        }
        // A role and its complement open the clause, which ends on a body's name ("Chair of
        // the Tove Valley Water Board, Ama Serwaa,"): the name is the role's, not the body's.
        // A common noun ending it may be what the name is ("president of the town's largest
        // union, Tovelan Workers"), as above.
        if (3..=10).contains(&clause.len())
            && ends_on_name
            && (0..(clause.len() - 1).min(4)).any(|i| {
                clause[i].word
                    && is_role(clause, i)
                    && res.complements.contains(&clause[i + 1].lower)
            })
        {
            return true;
        }
    }
    if role_before_acronym(t, m, res, &is_role) {
        return true;
    }
    // After: ", the chief executive of ..." / ", le patron de ...". Not for a place: "à
    // Lyon-Part-Dieu, la ministre a dit" is where the role is, not who.
    if m.ty() == EntityType::Location {
        return false;
    }
    if let Some(r) = t[m.end..].strip_prefix(", ") {
        let mut end = r.len().min(WINDOW);
        while !r.is_char_boundary(end) {
            end -= 1;
        }
        let after = tokenize(&r[..end], &res.tokens);
        let first = after.iter().position(|x| {
            !(res.articles.contains_key(&x.lower)
                || res.trim_suffixes.iter().any(|p| lower(p) == x.lower))
        });
        if first.is_some_and(|i| i <= 1 && role_after_owner(&after[i..], res)) {
            return true;
        }
        // The role may follow a lower-case modifier or two ("a senior inspector with").
        if let Some(i) = first.filter(|&i| i <= 3) {
            for j in i..(i + 3).min(after.len()) {
                if !after[j].word || after[j].cap {
                    break;
                }
                if is_role(&after, j) {
                    return true;
                }
                if !res.role_modifiers.contains(&after[j].lower) {
                    break;
                }
            }
        }
    }
    false
}

/// Whether a noun phrase in apposition after a name is headed by a role that a body's name or
/// a possessor qualifies: "the Harbour Union's industrial officer", "a Tove Valley Party
/// legislator". Capitalised words, a possessive, an acronym in brackets and two lower-case
/// modifiers at most come before the role, which closes the phrase.
fn role_after_owner(toks: &[Tok], res: &Profile) -> bool {
    let mut caps = 0;
    let mut lower_words = 0;
    for (i, x) in toks.iter().enumerate().take(10) {
        if x.word && x.cap {
            caps += 1;
            continue;
        }
        if matches!(x.lower.as_str(), "'" | "'s" | "’s" | "s" | "(" | ")") {
            continue;
        }
        if !x.word || caps == 0 || res.articles.contains_key(&x.lower) {
            return false;
        }
        if res.role(&x.lower).is_some() {
            // The role closes the phrase: not "the union's officer training scheme".
            return toks.get(i + 1).is_none_or(|n| {
                !n.word || res.preps.contains(&n.lower) || res.complements.contains(&n.lower)
            });
        }
        lower_words += 1;
        if lower_words > 2
            || res.preps.contains(&x.lower)
            || res.complements.contains(&x.lower)
            || res.and_words.contains(&x.lower)
        {
            return false;
        }
    }
    false
}
