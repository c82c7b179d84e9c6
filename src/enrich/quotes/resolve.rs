//! From a speaker phrase to an entity: antecedent candidates, pronouns to the most recent
//! compatible person, roles to the person they were written next to, descriptions of an
//! organisation to the one named before, names the model missed to new speakers.

use super::candidates::{aged_person, Cand, Candidate};
use super::clauses;
use super::cues::is_boundary;
use super::field::{Field, MentionAt, Span};
use super::gender;
use super::org_phrase::org_complement;
use super::speaker::{Phrase, Ref};
use super::speaking::{person_shaped, speaking_entities};
use super::subjects::{lone_in_sentence, role_after_subject, subject_like};
use crate::enrich::entities::speaker_type;
use crate::enrich::profile::{key, lower, Gender, Profile, Referent, TypeWord};
use crate::enrich::text;
use crate::enrich::tokens::tokenize;
use crate::enrich::types::{Entity, EntityType, Mention};
use std::collections::HashMap;

/// The speaker already resolved for a role phrase, by the byte where the phrase starts.
pub(super) type RoleSpeakers = HashMap<usize, Option<usize>>;

/// The body an indefinite subject pronoun at byte `pos` speaks for when its sentence opens on
/// it: an opener of the profile, maybe an article, the body's name and a comma right before the
/// pronoun ("Du côté de la Ligue, on assure que …").
fn opened_body(fd: &Field<'_>, pos: usize, res: &Profile) -> Option<usize> {
    let k = fd.tok_at(pos);
    if k < 2 || fd.toks[k - 1].lower != "," {
        return None;
    }
    // The name, or its acronym in brackets after it ("Au Bureau des vins (BIV), on …"); a
    // place after it, in apposition or glued, says where ("Au ministère, à Sarne, on …",
    // "Côté ARS Marlby, on …").
    let mut last = k - 2;
    if let Some(p) = fd
        .mention_ending(fd.toks[last].end)
        .filter(|p| !fd.is_speakable(p.entity))
    {
        let s = fd.tok_at(p.start);
        let apposed = s >= 3
            && res.place_preps.contains(&fd.toks[s - 1].lower)
            && fd.toks[s - 2].lower == ",";
        if apposed {
            last = s - 3;
        } else if s >= 1 && fd.toks[s - 1].lower == ")" {
            last = s - 1;
        }
    }
    if fd.toks[last].lower == ")" {
        let open = (last.saturating_sub(6)..last)
            .rev()
            .find(|&x| fd.toks[x].lower == "(")?;
        last = open.checked_sub(1)?;
    }
    let m = fd
        .mention_ending(fd.toks[last].end)
        .filter(|m| fd.is_speakable(m.entity) && !fd.is_person(m.entity))?;
    let mut s = fd.tok_at(m.start);
    if s > 0 && res.articles.contains_key(&fd.toks[s - 1].lower) {
        s -= 1;
    }
    res.body_openers.iter().find_map(|o| {
        let start = s.checked_sub(o.len())?;
        let opens = start == 0
            || matches!(fd.toks[start - 1].lower.as_str(), "." | "!" | "?")
            || fd.para(fd.toks[start - 1].start) != fd.para(fd.toks[start].start);
        let written = o
            .iter()
            .enumerate()
            .all(|(j, w)| &fd.toks[start + j].lower == w);
        (opens && written).then_some(m.entity)
    })
}

/// What resolution knows about the entities across the fields of one article.
pub(super) struct Resolver<'a> {
    /// The language profile.
    pub res: &'a Profile,
    /// The article's entities.
    known: &'a [Entity],
    /// Speakers found only in an attribution, after `known`.
    pub found: Vec<Entity>,
    /// Entity index → gender (first name, else a role written next to the name).
    gender: Vec<Gender>,
    /// Person → role words written next to its name.
    attached: HashMap<usize, Vec<String>>,
}

impl<'a> Resolver<'a> {
    /// A resolver over the article's entities `known`.
    pub fn new(res: &'a Profile, known: &'a [Entity]) -> Self {
        Resolver {
            res,
            known,
            found: Vec::new(),
            gender: Vec::new(),
            attached: HashMap::new(),
        }
    }

    /// Entity `i`: one of the article's, then one found by attribution.
    pub fn entity(&self, i: usize) -> &Entity {
        self.known
            .get(i)
            .unwrap_or_else(|| &self.found[i - self.known.len()])
    }

    /// Whether entity `i` may be referred to by a pronoun of gender `g`.
    pub fn agrees(&self, i: usize, g: Gender) -> bool {
        self.gender.get(i).is_some_and(|x| x.agrees(g))
    }

    /// Every entity, in index order.
    pub fn entities(&self) -> Vec<&Entity> {
        self.known.iter().chain(&self.found).collect()
    }

    fn first_name_gender(&self, name: &str) -> Gender {
        let first = name
            .split_whitespace()
            .next()
            .map(lower)
            .unwrap_or_default();
        self.res
            .first_names
            .get(&first)
            .copied()
            .unwrap_or(Gender::Unknown)
    }

    /// Genders and roles of the entities as this field writes them; marks persons and
    /// speakable entities of the field.
    pub fn compute_genders(&mut self, fd: &mut Field<'_>) {
        let all = self.entities();
        let gender: Vec<Gender> = all
            .iter()
            .map(|e| self.first_name_gender(&e.name))
            .collect();
        fd.persons = all
            .iter()
            .map(|e| e.entity_type == EntityType::Person)
            .collect();
        fd.speakable = all
            .iter()
            .map(|e| matches!(e.entity_type, EntityType::Person | EntityType::Organization))
            .collect();
        let places: Vec<bool> = all
            .iter()
            .map(|e| e.entity_type == EntityType::Location)
            .collect();
        for i in speaking_entities(fd, self.res, &places) {
            fd.speakable[i] = true;
        }
        let names: Vec<&str> = all.iter().map(|e| e.name.as_str()).collect();
        for i in person_shaped(fd, self.res, &places, &names) {
            fd.speakable[i] = true;
            fd.persons[i] = true;
        }
        self.gender = gender;
        // "Robin Vale said she would stay": a pronoun after a person named alone.
        for pg in gender::pronoun_genders(fd, self.res) {
            if self.gender[pg.entity] == Gender::Unknown {
                self.gender[pg.entity] = pg.gender;
            }
        }
        // Roles written next to a name: "la Haute-Commissaire … X", "Mayor X", "X, the director".
        for m in fd.mentions.clone() {
            if !fd.is_person(m.entity) {
                continue;
            }
            for (w, g) in self.roles_next_to(fd, m) {
                if self.gender[m.entity] == Gender::Unknown {
                    self.gender[m.entity] = g;
                }
                self.attached.entry(m.entity).or_default().push(w);
            }
        }
    }

    /// Role words before a mention (up to [`ROLE_REACH`] tokens, within the sentence) and the
    /// first one after it in an apposition. A comma opening another complement of the role
    /// ("le ministre de la Santé, de la Population et des Affaires sociales, le colonel X"), or
    /// a coordinator opening the last one, does not count its words against the reach, nor
    /// does a name the role is of.
    fn roles_next_to(&self, fd: &Field<'_>, m: MentionAt) -> Vec<(String, Gender)> {
        let res = self.res;
        let k = fd.tok_at(m.start);
        let mut roles = Vec::new();
        let mut x = k;
        let mut reach = k.saturating_sub(ROLE_REACH);
        // Where the segment read since the last comma starts.
        let mut segment = k;
        while x > reach {
            x -= 1;
            let t = &fd.toks[x];
            let complement = |y: usize| {
                fd.toks.get(y).is_some_and(|n| {
                    res.complements.contains(&n.lower) || res.contracted.contains(&n.lower)
                })
            };
            // A coordinator opening the last complement counts as its comma ("de la
            // Santé, de l'Hygiène publique et de l'Accès aux soins, le Pr X").
            if t.lower == "," || res.and_words.contains(&t.lower) {
                if complement(x + 1) {
                    reach = reach.saturating_sub(segment - x);
                }
                segment = x;
            }
            // The full stop of an abbreviated title ("Sen. Jane Roe") ends no sentence.
            let title_stop = x > 0 && {
                let p = &fd.toks[x - 1];
                p.end == t.start && res.abbrevs.contains(&p.lower) && res.role(&p.lower).is_some()
            };
            if (t.lower == "." && !title_stop) || t.lower == ";" {
                break;
            }
            if let Some(n) = fd.mention_ending(t.end) {
                // The place or body a role is of ("le maire de Lyon, Jean Dupont", "the
                // governor of Ohio, Jane Roe"); another person ends the search.
                // An article may stand between ("ministre de la Population"); a contracted
                // preposition is one ("ministre des Sports"). The name's words do not count
                // against the reach ("ministre de l'Hygiène publique et de l'Accès universel
                // aux soins, le Pr X").
                let prep = |w: &String| {
                    res.preps.contains(w)
                        || res.contracted.contains(w)
                        || res.complements.contains(w)
                };
                let before = fd.tok_at(n.start).checked_sub(1).map(|b| {
                    let w = &fd.toks[b].lower;
                    if b > 0 && !prep(w) && res.articles.contains_key(w) {
                        b - 1
                    } else {
                        b
                    }
                });
                match before {
                    Some(b) if !fd.is_person(n.entity) && prep(&fd.toks[b].lower) => {
                        reach = reach.saturating_sub(x - b);
                        x = b;
                        continue;
                    }
                    _ => break,
                }
            }
            if clauses::finite_verb_between(fd, t.end, m.start) {
                break;
            }
            if let Some(g) = res.role(&t.lower) {
                if let Some(c) = role_with_complement(fd, x, res) {
                    roles.push((c, g));
                }
                roles.push((t.lower.clone(), g));
            }
        }
        // "le Norvégien Lars Berg", "the Kenyan Joy Wanjiru": a national before the name.
        if k > 1 && res.articles.contains_key(&fd.toks[k - 2].lower) {
            let d = &fd.toks[k - 1];
            if d.cap && res.demonyms.contains(&key(&d.lower)) {
                let g = res.articles[&fd.toks[k - 2].lower];
                roles.push((d.lower.clone(), g));
            }
        }
        let mut ke = fd.tok_at(m.end);
        // Past an age in apposition: "Ann Lee, 58, an economist".
        let is_comma = |x: usize| fd.toks.get(x).is_some_and(|t| t.lower == ",");
        let is_age = |x: usize| {
            fd.toks.get(x).is_some_and(|t| {
                (1..=3).contains(&t.lower.len()) && t.lower.chars().all(|c| c.is_ascii_digit())
            })
        };
        if is_comma(ke) && is_age(ke + 1) && is_comma(ke + 2) {
            ke += 2;
        }
        if is_comma(ke) {
            for t in fd.toks.iter().skip(ke + 1).take(6) {
                if t.lower == "," || t.lower == "." {
                    break;
                }
                if let Some(g) = res.role(&t.lower) {
                    let x = fd.tok_at(t.start);
                    if let Some(c) = role_with_complement(fd, x, res) {
                        roles.push((c, g));
                    }
                    roles.push((t.lower.clone(), g));
                    break;
                }
            }
        }
        roles
    }

    /// The entity a speaker phrase stands for, when the text says.
    pub fn resolve(
        &mut self,
        fd: &mut Field<'_>,
        p: Phrase,
        cands: &[Candidate],
        roles: &RoleSpeakers,
    ) -> Option<usize> {
        let pos = p.at.unwrap_or(0);
        match p.who {
            // A speaker is a person or an organisation, never a place or a work.
            Ref::Ent(i) if !fd.is_person(i) && fd.is_speakable(i) => {
                Some(voice_of(fd, pos, self.res).unwrap_or(i))
            }
            Ref::Ent(i) => fd.is_speakable(i).then_some(i),
            Ref::Name(s) | Ref::OrgName(s) => Some(self.name_entity(fd, s)),
            Ref::Pron(g) => match self.res.referent(&pronoun_word(fd, pos)) {
                Referent::Person => self.antecedent(fd, pos, g, cands, roles),
                Referent::Group | Referent::Thing => self.org_referent(fd, pos),
                Referent::Nobody => opened_body(fd, pos, self.res),
            },
            Ref::Role {
                definite: false, ..
            }
            | Ref::Nothing => None,
            Ref::Role { gender, word, .. } => self.role_antecedent(fd, pos, gender, &word, cands),
            Ref::OrgDesc(word) => self.described_org(fd, pos, &word),
            Ref::Statement(word) => self.statement_author(fd, pos, &word, cands, roles),
        }
    }

    /// The organisation a definite description stands for: the same noun written before with
    /// its complement ("le ministère des Armées … a précisé le ministère"; the model may have
    /// kept only "Armées"), else [`Self::org_antecedent`].
    fn described_org(&mut self, fd: &mut Field<'_>, pos: usize, word: &str) -> Option<usize> {
        let para = fd.para(pos);
        let k = fd.tok_at(pos);
        let earlier = (0..k)
            .rev()
            .take_while(|&x| para - fd.para(fd.toks[x].start).min(para) <= 2)
            .filter(|&x| fd.toks[x].lower == word && !fd.in_quote(fd.toks[x].start))
            .find_map(|x| org_complement(fd, x, k, self.res).map(|e| (x, e)));
        match earlier {
            Some((x, end)) => match fd.mention_starting(fd.toks[x].start) {
                Some(m) => Some(m.entity),
                None => {
                    let start = fd.toks[x].start;
                    Some(self.name_entity(fd, Span { start, end }))
                }
            },
            None => self.org_antecedent(fd, pos, word),
        }
    }

    /// The entity of a name found only in an attribution: an existing entity whose name ends
    /// with it, or a new speaker.
    fn name_entity(&mut self, fd: &mut Field<'_>, s: Span) -> usize {
        let name = &fd.text[s.start..s.end];
        let k = key(name);
        // "Ministry of Health", "ministère de l'Intérieur", "Tovel Chamber of Commerce": an
        // organisation, not a person.
        let ty = match tokenize(name, &self.res.tokens).first() {
            Some(t) if self.res.org_nouns.contains(&t.lower) => EntityType::Organization,
            _ => speaker_type(name, self.res),
        };
        let found = self
            .entities()
            .iter()
            .position(|x| {
                x.entity_type == ty
                    && (key(&x.name) == k
                        || key(&x.name).ends_with(&format!(" {k}"))
                        || x.mentions.iter().any(|m| key(&m.text) == k)
                        || (ty == EntityType::Person && surname_first(&x.name, &k)))
            })
            .or_else(|| self.organisation_short_form(&k));
        if let Some(i) = found {
            return i;
        }
        self.found.push(Entity {
            id: format!("{}:{}", ty.as_str(), text::slug(name)),
            name: name.to_string(),
            entity_type: ty,
            label: None,
            mentions: vec![Mention {
                field: fd.name.to_string(),
                start: fd.offs.char_of(s.start),
                end: fd.offs.char_of(s.end),
                text: name.to_string(),
            }],
            kb_id: None,
            kb_name: None,
        });
        let i = self.known.len() + self.found.len() - 1;
        self.gender.push(self.first_name_gender(name));
        fd.persons.push(ty == EntityType::Person);
        fd.speakable.push(true);
        fd.add_mention(MentionAt {
            start: s.start,
            end: s.end,
            entity: i,
        });
        i
    }

    /// An organisation named by `k` and the type words closing its name ("Kestrel" for
    /// "Kestrel Airlines", "Dunmore" for "Dunmore Foundation Inc."): a speaker named so is it.
    fn organisation_short_form(&self, k: &str) -> Option<usize> {
        let res = self.res;
        let prefix = format!("{k} ");
        self.entities().iter().position(|x| {
            x.entity_type == EntityType::Organization
                && key(&x.name).strip_prefix(&prefix).is_some_and(|rest| {
                    rest.split_whitespace().all(|w| {
                        matches!(res.type_words.get(w), Some(TypeWord::Org | TypeWord::Legal))
                            && !res.divisions.contains(w)
                    })
                })
        })
    }

    /// The most recent compatible referent before `pos` in this or the two paragraphs before;
    /// `None` when it is an unnamed person ("une porte-parole … a-t-elle ajouté"), the
    /// organisation it speaks for when its complement names one.
    fn antecedent(
        &self,
        fd: &Field<'_>,
        pos: usize,
        g: Gender,
        cands: &[Candidate],
        roles: &RoleSpeakers,
    ) -> Option<usize> {
        let para = fd.para(pos);
        // A person of unknown gender agrees with any pronoun; one whose gender is known to be
        // the pronoun's is the better antecedent ("Lena Ortiz signed with a label owned by
        // Kiran Vale. […] she said": Lena Ortiz), so the first such is kept while looking on,
        // unless it is a subject.
        let mut unsure = None;
        // Paragraphs of quoted words between do not count ("According to her, …" / a paragraph
        // of the statement's words / "She said …").
        for c in cands.iter().rev().filter(|c| c.at < pos) {
            let p = fd.para(c.at).min(para);
            if para - p > 4 || fd.narrative_distance(p, para) > 2 {
                break;
            }
            if matches!(c.kind, Cand::Role { oblique: true, .. })
                && !lone_in_sentence(fd, c.at, pos, cands, self.res)
            {
                continue;
            }
            let sure = |i: usize| g != Gender::Unknown && self.gender[i] == g;
            match &c.kind {
                Cand::Person(i) | Cand::Possessor(i) if sure(*i) => return Some(*i),
                Cand::Possessor(_) => {}
                Cand::Person(i) => {
                    if g == Gender::Unknown {
                        return Some(*i);
                    }
                    if !self.gender[*i].agrees(g) {
                        continue;
                    }
                    // A subject is salient enough to win whatever its gender.
                    if subject_like(fd, c.at, self.res) {
                        return unsure.or(Some(*i));
                    }
                    unsure = unsure.or(Some(*i));
                }
                Cand::Role { .. } if unsure.is_some() => break,
                Cand::Role { .. } if role_after_subject(fd, c.at, cands, self.res) => continue,
                Cand::Role {
                    definite,
                    gender,
                    word,
                    org,
                    ..
                } => {
                    if !gender.agrees(g) {
                        continue;
                    }
                    if let Some(r) = roles.get(&c.at) {
                        return *r;
                    }
                    return if *definite {
                        self.role_antecedent(fd, c.at, *gender, word, cands)
                    } else {
                        *org
                    };
                }
            }
        }
        unsure
    }

    /// The organisation a definite description stands for ("the agency said"): the most recent
    /// one named outside quotes in this or the two paragraphs before whose name holds the noun,
    /// else the only one named in its own paragraph ("Du côté de Vireo, le ton est plus dur.
    /// « … », a dénoncé la compagnie"), else the most recent one opening its sentence or clause
    /// (the actor of the story), else the only one named there.
    fn org_antecedent(&self, fd: &Field<'_>, pos: usize, word: &str) -> Option<usize> {
        let orgs = recent_orgs(fd, pos);
        let w = key(word);
        let only = |ms: &[MentionAt]| {
            ms.first()
                .filter(|f| ms.iter().all(|m| m.entity == f.entity))
                .copied()
        };
        let para = fd.para(pos);
        let here: Vec<MentionAt> = orgs
            .iter()
            .take_while(|m| fd.para(m.start) == para)
            .copied()
            .collect();
        orgs.iter()
            .find(|m| key(&self.entity(m.entity).name).split(' ').any(|x| x == w))
            .copied()
            .or_else(|| only(&here))
            .or_else(|| {
                orgs.iter()
                    .find(|m| subject_like(fd, m.start, self.res))
                    .copied()
            })
            .or_else(|| only(&orgs))
            .map(|m| m.entity)
    }

    /// The organisation a plural or neuter pronoun stands for ("Pinewood Records denied it. “…,”
    /// they said"; "“…,” it said"): the most recent one named outside quotes in this or the two
    /// paragraphs before, one opening its sentence or clause rather than an object.
    fn org_referent(&self, fd: &Field<'_>, pos: usize) -> Option<usize> {
        let orgs = recent_orgs(fd, pos);
        orgs.iter()
            .find(|m| subject_like(fd, m.start, self.res))
            .or(orgs.first())
            .map(|m| m.entity)
    }

    /// The person a definite role stands for: one the role was written next to, else the most
    /// recent compatible person of this paragraph or the one before.
    fn role_antecedent(
        &self,
        fd: &Field<'_>,
        pos: usize,
        g: Gender,
        word: &str,
        cands: &[Candidate],
    ) -> Option<usize> {
        let persons = cands
            .iter()
            .rev()
            .filter(|c| c.at < pos)
            .filter_map(|c| match c.kind {
                Cand::Person(i) => Some((c.at, i, c.in_incise)),
                _ => None,
            });
        // Of the role's gender: « l'élue » is not the mayor named before when he is a man.
        let described = |i: &usize| {
            self.gender[*i].agrees(g)
                && self
                    .attached
                    .get(i)
                    .is_some_and(|w| w.iter().any(|w| self.res.role_covers(word, w)))
        };
        if let Some((_, i, _)) = persons.clone().find(|(_, i, _)| described(i)) {
            return Some(i);
        }
        // "A spokesperson for the Harbour Authority said … “…,” the spokesperson added": the
        // unnamed member introduced last with the same role speaks for its organisation.
        let para = fd.para(pos);
        if let Some(org) = cands
            .iter()
            .rev()
            .filter(|c| c.at < pos && para - fd.para(c.at).min(para) <= 1)
            .find(|c| matches!(c.kind, Cand::Person(_) | Cand::Role { .. }))
            .and_then(|c| match &c.kind {
                Cand::Role {
                    definite: false,
                    word: w,
                    org,
                    ..
                } if w == word => *org,
                _ => None,
            })
        {
            return Some(org);
        }
        // A party to a trial is the person the report gave an age, or someone it does not
        // name: not the prosecutor or the judge named last.
        if self.res.context.parties.contains(word) {
            let agrees = |i: usize| self.gender[i].agrees(g);
            return aged_person(fd, pos, cands, agrees, self.res);
        }
        // The role written next to a name only later in the text ("a déclaré le maire. […]
        // Jean Dupont, le maire de la ville"): the person it describes.
        let later = cands
            .iter()
            .filter(|c| c.at > pos)
            .find_map(|c| match c.kind {
                Cand::Person(i) if fd.para(c.at) <= para + 2 && described(&i) => Some(i),
                _ => None,
            });
        if later.is_some() {
            return later;
        }
        // "A paramedic told the inquest … the paramedic said": an unnamed person introduced
        // with the role, whom no name has taken, is who the role stands for; unnamed, nobody.
        if let Some(org) = cands
            .iter()
            .rev()
            .filter(|c| c.at < pos)
            .find_map(|c| match &c.kind {
                Cand::Role {
                    definite: false,
                    word: w,
                    org,
                    ..
                } if w == word => Some(*org),
                _ => None,
            })
        {
            return org;
        }
        // The most recent compatible person of this paragraph or the one before, a subject
        // (opening its sentence or clause) rather than an object if there is one.
        // Not one named in an incise, whom the role did not describe.
        let near: Vec<(usize, usize)> = persons
            .take_while(|(p, _, _)| para - fd.para(*p).min(para) <= 1)
            .filter(|(_, i, _)| self.gender[*i].agrees(g))
            .map(|(p, i, _)| (p, i))
            .collect();
        let found = near
            .iter()
            .find(|(p, _)| subject_like(fd, *p, self.res))
            .or(near.first())
            .map(|&(_, i)| i);
        let by_age =
            self.res.age_suffixes.iter().any(|a| a == word) || self.res.age_word(word).is_some();
        if found.is_some() || !by_age {
            return found;
        }
        // "The 56-year-old said": a description by age names the person the story is about,
        // the most recent one named in the two paragraphs before, also as a possessor
        // ("Smith's lawyers …").
        cands
            .iter()
            .rev()
            .filter(|c| c.at < pos)
            .take_while(|c| para - fd.para(c.at).min(para) <= 2)
            .find_map(|c| match c.kind {
                Cand::Person(i) | Cand::Possessor(i) if self.gender[i].agrees(g) => Some(i),
                _ => None,
            })
    }
}

/// Whether `k` (a grouping key) is the surname of `name` written surname first, before a given
/// name of two syllables joined by a hyphen, the second in lower case ("Sze" of "Sze Wing-kei",
/// "Kwok" of "Anson Kwok Tin-yan", "Kim" of "Kim Min-seo").
fn surname_first(name: &str, k: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    let [.., surname, given] = words[..] else {
        return false;
    };
    let syllables = given.split_once('-').is_some_and(|(a, b)| {
        a.chars().next().is_some_and(char::is_uppercase)
            && b.chars().next().is_some_and(char::is_lowercase)
            && a.chars().chain(b.chars()).all(char::is_alphabetic)
    });
    syllables && key(surname) == k
}

/// The person an organisation named at byte `pos` speaks through: "L'agence, par la voix de sa
/// directrice, Ana Roy, a annoncé …" (a voice phrase of the profile right after the name, then
/// the first person named before the clause ends).
fn voice_of(fd: &Field<'_>, pos: usize, res: &Profile) -> Option<usize> {
    let m = fd.mention_starting(pos)?;
    let mut k = fd.tok_at(m.end);
    if fd.toks.get(k).is_some_and(|t| t.lower == ",") {
        k += 1;
    }
    let phrase = res.voice_phrases.iter().find(|p| {
        p.iter()
            .enumerate()
            .all(|(j, w)| fd.toks.get(k + j).is_some_and(|t| &t.lower == w))
    })?;
    let para = fd.para(pos);
    (k + phrase.len()..fd.toks.len().min(k + phrase.len() + 16))
        .take_while(|&x| fd.para(fd.toks[x].start) == para && !is_boundary(fd, x, res))
        .find_map(|x| fd.mention_starting(fd.toks[x].start))
        .filter(|p| fd.is_person(p.entity))
        .map(|p| p.entity)
}

/// How many tokens before a name a role may stand ("le ministre de l'Intérieur, le général X").
const ROLE_REACH: usize = 14;

/// The role at token `x` with its complement, as written, when a lower-case noun follows it
/// through a complement preposition and an article: "président du tribunal", "présidente de la
/// cour" (what a role class may name, where the role alone says less).
fn role_with_complement(fd: &Field<'_>, x: usize, res: &Profile) -> Option<String> {
    let c = fd.toks.get(x + 1)?;
    if !res.complements.contains(&c.lower) && !res.contracted.contains(&c.lower) {
        return None;
    }
    let n = past_article(fd, x + 2, res);
    let noun = fd.toks.get(n).filter(|t| t.word && !t.cap)?;
    let words: Vec<&str> = fd.toks[x..n]
        .iter()
        .map(|t| t.lower.as_str())
        .chain([noun.lower.as_str()])
        .collect();
    Some(words.join(" "))
}

/// Rule token `n`, or the one after it when `n` is an article.
pub(super) fn past_article(fd: &Field<'_>, n: usize, res: &Profile) -> usize {
    let article = fd
        .toks
        .get(n)
        .is_some_and(|a| res.articles.contains_key(&a.lower));
    n + usize::from(article)
}

/// The subject pronoun written at byte `pos`, lower case, also inverted ("a-t-elle" → "elle").
pub(super) fn pronoun_word(fd: &Field<'_>, pos: usize) -> String {
    let k = fd.tok_at(pos + 1).saturating_sub(1);
    fd.toks
        .get(k)
        .map(|t| t.lower.rsplit('-').next().unwrap_or(&t.lower).to_string())
        .unwrap_or_default()
}

/// Speakable non-person mentions named outside quotes before `pos`, in this paragraph or the two
/// before it, most recent first: the organisations a description or pronoun may stand for.
fn recent_orgs(fd: &Field<'_>, pos: usize) -> Vec<MentionAt> {
    let para = fd.para(pos);
    fd.mentions
        .iter()
        .rev()
        .filter(|m| m.end <= pos && !fd.in_quote(m.start))
        .take_while(|m| para - fd.para(m.start).min(para) <= 2)
        .filter(|m| fd.is_speakable(m.entity) && !fd.is_person(m.entity))
        .copied()
        .collect()
}
