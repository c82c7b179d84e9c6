//! The speaker phrase: what the words next to a cue point at (an entity, a name the model
//! missed, a pronoun, a role, an organisation described by a common noun), and the subjects a
//! quote without a cue falls back on (in `subjects`).

use super::cues::cue_at;
use super::field::{Field, MentionAt, Span};
use super::org_phrase::{self, org_phrase};
use super::statement;
use super::subjects::{apposed_person, names_no_person};
use crate::enrich::explain::SpeakerRef;
use crate::enrich::profile::{key, lower, Gender, Profile};

/// Who a speaker phrase points at, before resolution.
#[derive(Clone, Debug)]
pub(super) enum Ref {
    /// One of the entities (index).
    Ent(usize),
    /// A run of capitalised words the model missed.
    Name(Span),
    /// A subject pronoun, with its gender.
    Pron(Gender),
    /// A role or description noun ("le juge", "an official").
    Role {
        /// After a definite article: someone named before; else someone the text does not name.
        definite: bool,
        /// From the article and the role word.
        gender: Gender,
        /// The role noun.
        word: String,
    },
    /// An organisation named by a common noun and its complement the NER missed ("le ministère
    /// de l'Intérieur", "the Ministry of Health").
    OrgName(Span),
    /// A definite description of an organisation ("the agency", "le ministère"): its noun.
    OrgDesc(String),
    /// The statement its author issued ("the statement said", « précise le communiqué »): its
    /// noun.
    Statement(String),
    /// Nobody.
    Nothing,
}

impl Ref {
    /// What kind of phrase this is, for `--explain`.
    pub fn kind(&self) -> SpeakerRef {
        match self {
            Ref::Ent(_) => SpeakerRef::Name,
            Ref::Name(_) => SpeakerRef::NameMissedByModel,
            Ref::Pron(_) => SpeakerRef::PronounAntecedent,
            Ref::Role { .. } => SpeakerRef::RoleToPerson,
            Ref::OrgName(_) => SpeakerRef::OrganisationName,
            Ref::OrgDesc(_) => SpeakerRef::OrganisationDescription,
            Ref::Statement(_) => SpeakerRef::StatementAuthor,
            Ref::Nothing => SpeakerRef::Nobody,
        }
    }
}

/// A speaker phrase: what it points at and the byte where it starts.
#[derive(Clone, Debug)]
pub(super) struct Phrase {
    /// Who the phrase points at.
    pub who: Ref,
    /// Byte where the phrase starts.
    pub at: Option<usize>,
}

impl Phrase {
    /// A phrase that names nobody.
    pub const NOTHING: Phrase = Phrase {
        who: Ref::Nothing,
        at: None,
    };

    /// A phrase pointing at `who`, written at byte `at`.
    pub fn at(who: Ref, at: usize) -> Phrase {
        Phrase { who, at: Some(at) }
    }
}

/// The speaker phrase after a source cue; also an object pronoun ending the phrase ("according
/// to her, …"), which the pronoun list leaves out because "her" is also a possessive.
pub(super) fn source_np(fd: &Field<'_>, ce: usize, limit: usize, res: &Profile) -> Phrase {
    let r = np(fd, ce, limit, res);
    // "selon un résident du quartier, Yvon Martel, …": the person in apposition to a phrase
    // that names nobody.
    let unnamed = names_no_person(fd, &r.who);
    if unnamed {
        if let Some(m) = apposed_person(fd, ce, limit) {
            return Phrase::at(Ref::Ent(m.entity), m.start);
        }
    }
    if !matches!(r.who, Ref::Nothing) {
        return r;
    }
    let Some(t) = fd.toks.get(ce).filter(|_| ce < limit) else {
        return r;
    };
    let Some(&g) = res.object_pronouns.get(&t.lower) else {
        return r;
    };
    if fd.toks.get(ce + 1).is_none_or(|n| !n.word) {
        return Phrase::at(Ref::Pron(g), t.start);
    }
    r
}

/// "the Tove Growers Union (TGU) president Ada Roe", "Tove Ministry of Health spokesperson
/// Kofi Mensah": a body's name before a role word qualifies the role; the person named after
/// it (a mention or a capitalised run the model missed) speaks. `a`: the token after the body.
fn person_after_employer(fd: &Field<'_>, a: usize, k1: usize, res: &Profile) -> Option<Phrase> {
    let mut a = a;
    // Its acronym in brackets.
    if fd.toks.get(a).is_some_and(|p| p.lower == "(") {
        a = (a + 1..(a + 4).min(k1)).find(|&x| fd.toks[x].lower == ")")? + 1;
    }
    let role = |x: usize| x < k1 && fd.toks[x].word && res.role(&fd.toks[x].lower).is_some();
    let two = a + 1 < k1
        && res
            .role(&format!("{} {}", fd.toks[a].lower, fd.toks[a + 1].lower))
            .is_some();
    let next = if two {
        a + 2
    } else if role(a) {
        a + 1
    } else {
        return None;
    };
    let r = np(fd, next.min(k1), k1, res);
    let person = match r.who {
        Ref::Ent(e) => fd.is_person(e),
        Ref::Name(_) => true,
        _ => false,
    };
    (person && fd.toks.get(next).is_some_and(|x| x.cap)).then_some(r)
}

/// The speaker phrase starting at token `k0` (before `k1`).
pub(super) fn np(fd: &Field<'_>, k0: usize, k1: usize, res: &Profile) -> Phrase {
    if let Some(p) = demonstrative(fd, k0, k1, res) {
        return p;
    }
    let mut k = k0;
    while k < k1 && (!fd.toks[k].word || res.skip.contains(&fd.toks[k].lower)) {
        if !fd.toks[k].word && matches!(fd.toks[k].lower.as_str(), "." | ";" | "(" | ")") {
            return Phrase::NOTHING;
        }
        k += 1;
    }
    if let Some(j) = past_addressee(fd, k, k1, res) {
        return np(fd, j, k1, res);
    }
    if k >= k1 {
        return Phrase::NOTHING;
    }
    let t = &fd.toks[k];
    if let Some(&g) = res.pronouns.get(&t.lower) {
        return Phrase::at(Ref::Pron(g), t.start);
    }
    if let Some(m) = fd.mention_starting(t.start) {
        // "according to the paper's editor Jane Roe": the possessor is not the speaker.
        let after = fd.tok_at(m.end);
        let possessive = fd.toks.get(after).is_some_and(|p| {
            p.start == m.end && res.tokens.possessives.iter().any(|s| lower(s) == p.lower)
        });
        // "Tovel Rail's lawyers argued": the body's members speak for it.
        let members = possessive && org_phrase::members_body(fd, after + 1, k1, res).is_some();
        if members && fd.is_speakable(m.entity) && !fd.is_person(m.entity) {
            return Phrase::at(Ref::Ent(m.entity), t.start);
        }
        if possessive && after + 1 < k1 {
            let r = np(fd, after + 1, k1, res);
            if !matches!(r.who, Ref::Nothing) {
                return r;
            }
        }
        if let Some(r) = person_after_employer(fd, after, k1, res) {
            return r;
        }
        return Phrase::at(Ref::Ent(m.entity), t.start);
    }
    // "one commuter", "plusieurs habitants": someone the text does not name.
    if res.indefinites.contains(&t.lower) {
        if let Some(n) = fd
            .toks
            .get(k + 1)
            .filter(|n| n.word && !n.cap && k + 1 < k1)
        {
            let who = Ref::Role {
                definite: false,
                gender: Gender::Unknown,
                word: n.lower.clone(),
            };
            return Phrase::at(who, t.start);
        }
    }
    let mut j = k;
    let mut art = None;
    if let Some(&g) = res.articles.get(&t.lower) {
        art = Some((g, t.lower.clone()));
        j += 1;
        // "the Kremlin", "la CGT"; not "the 56-year-old governor" (a number the model tagged).
        if let Some(m) = fd
            .toks
            .get(j)
            .and_then(|t| fd.mention_starting(t.start))
            .filter(|m| fd.is_speakable(m.entity))
        {
            if let Some(r) = person_after_employer(fd, fd.tok_at(m.end), k1, res) {
                return r;
            }
            return Phrase::at(Ref::Ent(m.entity), t.start);
        }
    }
    // "le Danois", "the Kenyan": an inhabitant or national after a definite article describes
    // someone named before, like a role ("le Norvégien Lars Berg … a assuré le Norvégien").
    if let Some((g, _)) = art.as_ref().filter(|(_, a)| res.definites.contains(a)) {
        if j < k1 && is_demonym_noun(fd, j, res) {
            let who = Ref::Role {
                definite: true,
                gender: *g,
                word: fd.toks[j].lower.clone(),
            };
            return Phrase::at(who, t.start);
        }
    }
    // "une passagère, Ana Roy", "a commuter, Tom Fell": a common noun in apposition to a
    // person's name; the name is the speaker.
    if let Some(p) = art.as_ref().and_then(|_| noun_then_person(fd, j, k1)) {
        return Phrase::at(Ref::Ent(p), t.start);
    }
    // "officials of the Tovel Water Board", « les enquêteurs de la brigade de Sarne ».
    if let Some(m) = org_phrase::members_body(fd, j, k1, res) {
        return Phrase::at(Ref::Ent(m.entity), t.start);
    }
    // "the statement said", "its written statement added", « précise le communiqué ».
    let determined = art.as_ref().is_some_and(|(_, a)| res.definites.contains(a))
        || res.possessive_dets.contains(&t.lower);
    if let Some(noun) = statement::noun(fd, j, k1, res).filter(|_| determined) {
        return Phrase::at(Ref::Statement(noun), t.start);
    }
    let article = art.as_ref().map(|(g, a)| Article {
        gender: *g,
        definite: res.definites.contains(a),
    });
    if let Some(who) = org_phrase(fd, j, k1, article, res) {
        return Phrase::at(who, t.start);
    }
    if let Some(p) = role_phrase(fd, j, k1, article, res) {
        return Phrase {
            at: p.at.or(Some(t.start)),
            ..p
        };
    }
    if art.is_none() {
        return bare_name(fd, k, k1, res);
    }
    Phrase::NOTHING
}

/// Whether token `j` is a capitalised inhabitant or national standing alone as a noun, in the
/// singular ("le Danois", "the Kenyan"), not the first word of a name ("the Kenyan Airways
/// flight").
pub(super) fn is_demonym_noun(fd: &Field<'_>, j: usize, res: &Profile) -> bool {
    let t = &fd.toks[j];
    let k = key(&t.lower);
    // A plural names a people, not someone: "les Américains", "the Kenyans".
    let plural = ["s", "x"]
        .iter()
        .any(|e| k.strip_suffix(e).is_some_and(|b| res.demonyms.contains(b)));
    t.word
        && t.cap
        && !plural
        && res.demonyms.contains(&k)
        && !fd
            .toks
            .get(j + 1)
            .is_some_and(|n| n.word && n.cap && n.start == t.end + 1)
        && fd.mention_starting(t.start).is_none_or(|m| m.end == t.end)
}

/// "ce père de famille", "this veteran coach": a demonstrative and a lower-case noun describe
/// someone named before, like a definite role of the demonstrative's gender.
fn demonstrative(fd: &Field<'_>, k: usize, k1: usize, res: &Profile) -> Option<Phrase> {
    let t = fd.toks.get(k).filter(|_| k + 1 < k1)?;
    let g = *res.demonstratives.get(&t.lower)?;
    let n = &fd.toks[k + 1];
    if !n.word || n.cap || res.skip.contains(&n.lower) || fd.mention_starting(n.start).is_some() {
        return None;
    }
    let who = Ref::Role {
        definite: true,
        gender: res.role(&n.lower).map_or(g, |rg| g.or(rg)),
        word: n.lower.clone(),
    };
    Some(Phrase::at(who, t.start))
}

/// The person named right after a lower-case noun at token `j` and a comma ("passagère, Ana
/// Roy"); not a role's complement ("le maire de Brest").
fn noun_then_person(fd: &Field<'_>, j: usize, k1: usize) -> Option<usize> {
    let n = fd.toks.get(j).filter(|n| n.word && !n.cap)?;
    let comma = fd.toks.get(j + 1).filter(|c| c.lower == ",")?;
    let name = fd
        .toks
        .get(j + 2)
        .filter(|_| j + 2 < k1 && comma.start > n.start)?;
    fd.mention_starting(name.start)
        .filter(|m| fd.is_person(m.entity))
        .map(|m| m.entity)
}

/// The article opening a speaker phrase.
#[derive(Clone, Copy, Debug)]
pub(super) struct Article {
    pub(super) gender: Gender,
    pub(super) definite: bool,
}

/// An addressee before the speaker: "a déclaré à l'AFP Jean Dupont" → the token after it.
fn past_addressee(fd: &Field<'_>, k: usize, k1: usize, res: &Profile) -> Option<usize> {
    if k + 1 >= k1 || !res.addressees.contains(&fd.toks[k].lower) {
        return None;
    }
    let mut j = k + 1;
    if res.articles.contains_key(&fd.toks[j].lower) {
        j += 1;
    }
    if let Some(m) = fd.toks.get(j).and_then(|t| fd.mention_starting(t.start)) {
        j = fd.tok_at(m.end);
    } else if fd.toks.get(j).is_some_and(|t| t.word && !t.cap) {
        j += 1; // "à la presse"
    } else {
        while j < k1 && fd.toks[j].word && fd.toks[j].cap {
            j += 1;
        }
    }
    (j > k + 1 && j < k1).then_some(j)
}

/// A role, possibly after a couple of adjectives ("le juge", "the 35-year-old actor"), and the
/// person the phrase names with it. `at` is `None` when the phrase starts where `np` began.
fn role_phrase(
    fd: &Field<'_>,
    j: usize,
    k1: usize,
    art: Option<Article>,
    res: &Profile,
) -> Option<Phrase> {
    let mut role = None;
    // "the 56-year-old": someone described by age, when no role noun follows ("the
    // 56-year-old actor" is an actor).
    let mut age = None;
    for r in j..(j + 3).min(k1) {
        let w = &fd.toks[r].lower;
        if let Some(a) = res.age_word(w) {
            age = age.or(Some((r, Gender::Unknown, a.to_string())));
            continue;
        }
        let two = fd.toks.get(r + 1).map(|n| format!("{w} {}", n.lower));
        if let Some(g) = two
            .as_ref()
            .and_then(|t| res.role(t))
            .or_else(|| res.role(w))
        {
            role = Some((r, g, w.clone()));
            break;
        }
        if !fd.toks[r].word || fd.toks[r].cap {
            break;
        }
    }
    let (r, g, word) = role.or(age)?;
    // The full stop of an abbreviated title ("Dr. Anthony Fauci") ends nothing.
    let mut after = r + 1;
    if fd.toks.get(after).is_some_and(|t| {
        t.lower == "." && t.start == fd.toks[r].end && res.abbrevs.contains(&fd.toks[r].lower)
    }) {
        after += 1;
    }
    if let Some(p) = person_in_role_phrase(fd, r, after, k1, res) {
        return Some(Phrase {
            who: Ref::Ent(p),
            at: None,
        });
    }
    if art.is_none() {
        if let Some(s) = cap_run(fd, after, k1, res) {
            return Some(Phrase::at(Ref::Name(s), s.start));
        }
    }
    let who = Ref::Role {
        definite: art.is_none_or(|a| a.definite),
        gender: art.map_or(Gender::Unknown, |a| a.gender).or(g),
        word,
    };
    Some(Phrase { who, at: None })
}

/// A named person in a role phrase: "la commissaire européenne à la Santé ... Ilse Maren", or in
/// apposition after it, "le ministre de l'Intérieur, Jean Dupont" (a title between).
fn person_in_role_phrase(
    fd: &Field<'_>,
    r: usize,
    after: usize,
    k1: usize,
    res: &Profile,
) -> Option<usize> {
    let mut x = after;
    while x < k1.min(r + 24) {
        if fd.toks[x].lower == "," || fd.toks[x].lower == "." {
            let mut y = x + 1;
            while fd
                .toks
                .get(y)
                .is_some_and(|t| res.role(&t.lower).is_some() || t.lower == ".")
                && y < x + 4
            {
                y += 1;
            }
            let next = fd.toks.get(y).and_then(|t| fd.mention_starting(t.start));
            return next
                .filter(|m| fd.toks[x].lower == "," && fd.is_person(m.entity))
                .map(|m| m.entity);
        }
        // "l'avocate de Jean Dupont, Marie Roux": a person after a complement is the role's
        // complement (whose lawyer), not who holds it.
        let complement = x > 0 && res.complements.contains(&fd.toks[x - 1].lower);
        if let Some(m) = fd.mention_starting(fd.toks[x].start) {
            if fd.is_person(m.entity) && !complement {
                return Some(m.entity);
            }
            // Past the whole name: the full stop of an initial ("Paul R.") ends nothing.
            x = fd.tok_at(m.end).max(x + 1);
            continue;
        }
        x += 1;
    }
    None
}

/// A phrase without article: a name the model missed, or a person after an occupation the
/// lists do not know ("said meteorologist Dustin Guy").
fn bare_name(fd: &Field<'_>, k: usize, k1: usize, res: &Profile) -> Phrase {
    if let Some(s) = cap_run(fd, k, k1, res) {
        return Phrase::at(Ref::Name(s), s.start);
    }
    for x in (k + 1)..(k + 3).min(k1) {
        let w = &fd.toks[x - 1];
        if !w.word
            || w.cap
            || res.preps.contains(&w.lower)
            || res.cues_starting(&w.lower).next().is_some()
        {
            break;
        }
        if let Some(m) = fd
            .mention_starting(fd.toks[x].start)
            .filter(|m| fd.is_person(m.entity))
        {
            return Phrase::at(Ref::Ent(m.entity), m.start);
        }
    }
    Phrase::NOTHING
}

/// A run of capitalised words (with name particles) starting at token `k`: a name the NER missed.
fn cap_run(fd: &Field<'_>, k: usize, k1: usize, res: &Profile) -> Option<Span> {
    let t = fd.toks.get(k)?;
    if k >= k1
        || !t.word
        || !t.cap
        || res.cues_starting(&t.lower).next().is_some()
        || res.role(&t.lower).is_some()
        || res.articles.contains_key(&t.lower)
        || res.preps.contains(&t.lower)
        || res.skip.contains(&t.lower)
        || res.pronouns.contains_key(&t.lower)
        || res.first_person.contains(&t.lower)
        || res.function_words.contains(&t.lower)
        || res.abbrevs.contains(&t.lower)
        || res.complementizers.contains(&t.lower)
        // A sentence's connective ("But the minister said"): no name's first word.
        || res.connectives.contains(&t.lower)
        // A lone word that names nothing ("la société d'État affirme").
        || ((k + 1 >= k1 || !fd.toks[k + 1].cap) && res.stop.contains(&key(&t.lower)))
    {
        return None;
    }
    let mut e = k;
    while e + 1 < k1 && e - k < 4 {
        let n = &fd.toks[e + 1];
        // A name never runs over a line break ("Business Desk" of a byline, then the body).
        // Nor from a plural over a particle into a name the model found of a body or a place:
        // "Officials of Harrow Gas said" are people of the body, unnamed, who speak for it
        // (`org_phrase::members_body`); "Électricité du Liban" is one name.
        let into_name = |x: &crate::enrich::tokens::Tok| {
            e == k
                && t.lower.ends_with('s')
                && fd
                    .mention_starting(x.start)
                    .is_some_and(|m| !fd.is_person(m.entity))
        };
        if n.word
            && (n.cap
                || (res.particles.contains(&n.lower)
                    && fd.toks.get(e + 2).is_some_and(|x| x.cap && !into_name(x))))
            && res.cues_starting(&n.lower).next().is_none()
            && !fd.text[fd.toks[e].end..n.start].contains('\n')
        {
            e += 1;
        } else {
            break;
        }
    }
    // A lone capitalised word opening a sentence is no evidence of a name.
    let sentence_start = k == 0
        || matches!(fd.toks[k - 1].lower.as_str(), "." | "!" | "?")
        || fd.para(fd.toks[k - 1].start) != fd.para(t.start);
    if e == k && sentence_start {
        return None;
    }
    Some(Span {
        start: t.start,
        end: fd.toks[e].end,
    })
}

/// The subject right before a cue (skipping adverbs): a name, a pronoun or a role.
pub(super) fn subject_before(fd: &Field<'_>, b0: usize, k: usize, res: &Profile) -> Phrase {
    let mut j = k;
    while j > b0 && fd.toks[j - 1].word && res.skip.contains(&fd.toks[j - 1].lower) {
        j -= 1;
    }
    // An object pronoun right before the verb, after other words, is not its subject: "La
    // juge, Anne Roy, lui a rappelé que …", "Le maire nous a dit que …".
    // After a preposition it is a stressed pronoun ("X s'était quant à lui dit …").
    if j == k
        && j > b0 + 1
        && res.clitics.contains(&fd.toks[j - 1].lower)
        && !res.preps.contains(&fd.toks[j - 2].lower)
    {
        j -= 1;
    }
    if j == b0 {
        return Phrase::NOTHING;
    }
    // A body's short form in brackets after its name, the whole subject or the complement of
    // a group of its members: "the Tovel Water Board (TWB) said", « les agents de l'Office
    // tovelien des forêts (OTF) ont constaté ».
    // A person's party or age in brackets after the name: the name is the subject.
    if let Some(b) = org_phrase::bracketed(fd, b0, j) {
        if let Some(m) = org_phrase::bracketed_body(fd, b0, b, res) {
            return Phrase::at(Ref::Ent(m.entity), m.start);
        }
        if fd
            .mention_ending(fd.toks[b - 1].end)
            .is_some_and(|m| fd.is_person(m.entity))
        {
            return subject_before(fd, b0, b, res);
        }
    }
    let t = &fd.toks[j - 1];
    // "Il affirme que …, mais ajoute : « … »", "She said …, but added": a verb coordinated
    // with an earlier speech verb of its sentence shares that verb's subject.
    if res.connectives.contains(&t.lower) {
        let earlier = (b0..j - 1)
            .rev()
            .find(|&x| !fd.in_quote(fd.toks[x].start) && cue_at(fd, x, j - 1, res).is_some());
        if let Some(x) = earlier.filter(|&x| x > b0) {
            return subject_before(fd, b0, x, res);
        }
    }
    if let Some(m) = fd.mention_ending(t.end) {
        // "La riveraine de la rue Martel estime que …": a place closing the complement of a
        // noun is not the subject; the noun phrase is.
        // Not past a person named in the phrase ("Ann Roy, la maire de Villers, qui …").
        let named = last_person_in(fd, fd.toks[b0].start, m.start).is_some();
        // Nor a body closing the complement of a role ("Le président du Tovel FC a assuré
        // que …"): the role holder speaks, not the body; a voice speaks for it ("the
        // spokesman of Tovelcorp").
        let role = |h: usize| {
            let w = &fd.toks[h].lower;
            res.role(w).is_some() && !res.voices.contains(w)
        };
        // "Les agents de l'Office tovelien des forêts ont constaté que …": a group of the
        // body's members speaks for it.
        let complemented = complemented_noun(fd, b0, m.start, res);
        let body = fd.is_speakable(m.entity) && !fd.is_person(m.entity);
        if complemented.is_some_and(|h| res.members.contains(&fd.toks[h].lower)) && body {
            return Phrase::at(Ref::Ent(m.entity), m.start);
        }
        if let Some(h) = complemented.filter(|&h| !named && (!fd.is_speakable(m.entity) || role(h)))
        {
            return np(fd, phrase_start(fd, b0, h + 1, res), h + 1, res);
        }
        let m = first_conjunct(fd, b0, m, res);
        return Phrase::at(Ref::Ent(m.entity), m.start);
    }
    if t.lower == "," {
        // "Le président du club, Henri Vasseur, a ajouté" / "X, president of Y, said": the
        // person of the phrase, else its head.
        if let Some(m) = last_person_in(fd, fd.toks[b0].start, t.start) {
            return Phrase::at(Ref::Ent(m.entity), m.start);
        }
        if let Some(m) = apposed_org(fd, b0, j - 1) {
            return Phrase::at(Ref::Ent(m.entity), m.start);
        }
        return np(fd, b0, j - 1, res);
    }
    if let Some(&g) = res.pronouns.get(&t.lower) {
        return Phrase::at(Ref::Pron(g), t.start);
    }
    // "le procureur Paul Girard, qui affirme que …": the phrase the relative stands for.
    if res.relatives.contains(&t.lower) {
        let before = if j >= 2 && fd.toks[j - 2].lower == "," {
            j - 2
        } else {
            j - 1
        };
        let r = subject_before(fd, b0, before, res);
        // "Ann Roy, la maire de Villers, qui assure que …": a place closing the apposition is
        // not what the relative stands for; the person it describes is.
        if let Ref::Ent(e) = r.who {
            if !fd.is_speakable(e) {
                if let Some(m) = last_person_in(fd, fd.toks[b0].start, fd.toks[before].start) {
                    return Phrase::at(Ref::Ent(m.entity), m.start);
                }
            }
        }
        return r;
    }
    if let Some(m) = org_phrase::voice_of_named_body(fd, b0, j - 1, res) {
        return Phrase::at(Ref::Ent(m.entity), m.start);
    }
    if let Some(noun) = org_phrase::voice_of_described_body(fd, b0, j - 1, res) {
        return Phrase::at(
            Ref::OrgDesc(fd.toks[noun].lower.clone()),
            fd.toks[noun].start,
        );
    }
    np(fd, phrase_start(fd, b0, j, res), j, res)
}

/// The lower-case noun whose complement opens at byte `at` ("riveraine" of "la riveraine de
/// la rue Martel"), its rule token; a complement preposition and an article may stand between.
pub(super) fn complemented_noun(
    fd: &Field<'_>,
    b0: usize,
    at: usize,
    res: &Profile,
) -> Option<usize> {
    let mut k = fd.tok_at(at);
    if k > b0 && res.articles.contains_key(&fd.toks[k - 1].lower) {
        k -= 1;
    }
    let prep = fd.toks.get(k.checked_sub(1)?)?;
    if k - 1 <= b0
        || !(res.complements.contains(&prep.lower) || res.contracted.contains(&prep.lower))
    {
        return None;
    }
    let n = k - 2;
    (fd.toks[n].word && !fd.toks[n].cap).then_some(n)
}

/// The last mention of a person lying wholly between bytes `lo` and `hi`.
fn last_person_in<'f>(fd: &'f Field<'_>, lo: usize, hi: usize) -> Option<&'f MentionAt> {
    fd.mentions
        .iter()
        .rev()
        .find(|m| m.start >= lo && m.end <= hi && fd.is_person(m.entity))
}

/// The organisation of an apposition closing on the comma at token `c`, with no person in
/// it: the name the apposition follows ("Acme, a maker of locks, said") or the name that is
/// the apposition ("the group that owns the label, Acme, said").
fn apposed_org(fd: &Field<'_>, b0: usize, c: usize) -> Option<MentionAt> {
    let prev = (b0 + 1..c).rev().find(|&x| fd.toks[x].lower == ",")?;
    let speakable = |m: &MentionAt| fd.is_speakable(m.entity);
    fd.mention_starting(fd.toks[prev + 1].start)
        .filter(|m| m.end == fd.toks[c - 1].end)
        .filter(speakable)
        .or_else(|| fd.mention_ending(fd.toks[prev - 1].end).filter(speakable))
}

/// The first of names joined by "and" / "et" ending with mention `m` ("Anna Roy and Paul Lind
/// said", "Paul Giraud et Anne Leclerc ont déclaré"): joint speakers are credited to the first
/// named, as the gold annotations credit them.
fn first_conjunct(fd: &Field<'_>, b0: usize, m: MentionAt, res: &Profile) -> MentionAt {
    let k = fd.tok_at(m.start);
    if k < b0 + 2 || !res.and_words.contains(&fd.toks[k - 1].lower) {
        return m;
    }
    fd.mention_ending(fd.toks[k - 2].end)
        .filter(|p| p.start >= fd.toks[b0].start && fd.is_speakable(p.entity))
        .unwrap_or(m)
}

/// Back from the word before token `j` to the start of its noun phrase: "le porte-parole",
/// "Jean Dupont"; a common-noun phrase back to its article over a few lower-case words ("a
/// police spokesman", "une porte-parole de la préfecture"), so that `np` sees it indefinite.
fn phrase_start(fd: &Field<'_>, b0: usize, j: usize, res: &Profile) -> usize {
    let t = &fd.toks[j - 1];
    let mut s = j - 1;
    while s > b0
        && fd.toks[s - 1].word
        && (fd.toks[s - 1].cap || res.particles.contains(&fd.toks[s - 1].lower))
        && t.cap
    {
        s -= 1;
    }
    // An article, or a demonstrative opening the sentence in capitals ("Ce livreur raconte").
    let det = |w: &str| res.articles.contains_key(w) || res.demonstratives.contains_key(w);
    if s > b0 && det(&fd.toks[s - 1].lower) {
        s -= 1;
    } else if !t.cap {
        // Back over lower-case words and numbers to the determiner ("ce livreur de 34 ans").
        let mut a = s;
        while a > b0 && s - a < 4 {
            let p = &fd.toks[a - 1];
            if det(&p.lower) || res.indefinites.contains(&p.lower) {
                s = a - 1;
                break;
            }
            let number = !p.lower.is_empty() && p.lower.chars().all(|c| c.is_ascii_digit());
            if !(p.word || number) || p.cap {
                break;
            }
            a -= 1;
        }
    }
    s
}
