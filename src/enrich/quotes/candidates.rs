//! Antecedent candidates of a field: the persons named outside quotes and the role phrases
//! ("the spokesperson", « une porte-parole ») that a pronoun, a role or a description after
//! them may stand for, each at the byte where it is written.

use super::field::Field;
use super::resolve::{past_article, Resolver};
use crate::enrich::profile::{lower, Gender, Profile};
use crate::enrich::types::EntityType;

/// An antecedent candidate and the byte where it is written.
#[derive(Clone, Debug)]
pub(super) struct Candidate {
    /// Byte where the candidate is written.
    pub at: usize,
    /// What it is.
    pub kind: Cand,
    /// Written in an incise inside a quote (« …, a dit X, … »): an antecedent of a pronoun, and
    /// of a later role only when that role described it.
    pub in_incise: bool,
}

/// What an antecedent candidate is.
#[derive(Clone, Debug)]
pub(super) enum Cand {
    /// A mention of a person (entity index).
    Person(usize),
    /// A person named as a possessor ("Lena Ortiz's albums", not "de Lena Ortiz"): an
    /// antecedent only for a pronoun of its known gender.
    Possessor(usize),
    /// A role noun ("le juge", "a spokeswoman").
    Role {
        /// After a definite article: someone the text names.
        definite: bool,
        /// Inside a complement ("la directive du gouverneur", "the plan of the mayor"): an
        /// antecedent only for a pronoun of its own sentence that names nobody else before.
        oblique: bool,
        /// From the article and the role word.
        gender: Gender,
        /// The role word.
        word: String,
        /// The organisation its complement names ("a spokeswoman for the Harbour Authority"):
        /// an unnamed member speaks for it.
        org: Option<usize>,
    },
}

/// Antecedent candidates of a field: persons named outside quotes (not as a possessive or the
/// first of a coordination) and role phrases in subject position ("une porte-parole").
pub(super) fn candidates(fd: &Field<'_>, rs: &Resolver<'_>) -> Vec<Candidate> {
    let res = rs.res;
    let mut v: Vec<Candidate> = Vec::new();
    for m in &fd.mentions {
        if rs.entity(m.entity).entity_type != EntityType::Person || fd.in_quoted_words(m.start) {
            continue;
        }
        let after = fd.tok_at(m.end);
        let next = fd.toks.get(after).map(|t| t.lower.as_str());
        // The first of two persons coordinated ("Ann Lee and Tom Hart", "Abel and Anna's");
        // not of a person and a group under a determiner ("Rita Moss and a group of neighbours
        // are drafting …"): she is named alone.
        let names_next = fd.toks.get(after + 1).is_none_or(|t| {
            !(res.articles.contains_key(&t.lower) || res.possessive_dets.contains(&t.lower))
        });
        if next.is_some_and(|n| res.and_words.contains(n)) && names_next {
            continue;
        }
        let possessor = next.is_some_and(|n| res.tokens.possessives.iter().any(|p| lower(p) == n));
        v.push(Candidate {
            at: m.start,
            in_incise: fd.in_quote(m.start),
            kind: if possessor {
                Cand::Possessor(m.entity)
            } else {
                Cand::Person(m.entity)
            },
        });
    }
    for k in 1..fd.toks.len() {
        let (mut a, r) = (&fd.toks[k - 1], &fd.toks[k]);
        // "a detective constable": a role word may stand between the article and the role.
        if k >= 2
            && !a.cap
            && res.role(&a.lower).is_some()
            && res.articles.contains_key(&fd.toks[k - 2].lower)
        {
            a = &fd.toks[k - 2];
        }
        // "du gouverneur": a preposition fused with a definite article.
        let fused = res.contracted.contains(&a.lower);
        let ag = match res.articles.get(&a.lower) {
            Some(&g) => g,
            None if fused => Gender::Unknown,
            None => continue,
        };
        let Some(rg) = res.role(&r.lower) else {
            continue;
        };
        if fd.in_quoted_words(a.start)
            || fd
                .mention_starting(fd.toks.get(k + 1).map_or(usize::MAX, |t| t.start))
                .is_some()
            || apposed_to_person(fd, k, rs)
        {
            continue;
        }
        v.push(Candidate {
            at: a.start,
            in_incise: fd.in_quote(a.start),
            kind: Cand::Role {
                definite: fused || res.definites.contains(&a.lower),
                oblique: fused || (k >= 2 && res.preps.contains(&fd.toks[k - 2].lower)),
                gender: ag.or(rg),
                word: r.lower.clone(),
                org: complement_org(fd, k + 1, res),
            },
        });
    }
    v.sort_by_key(|c| c.at);
    v
}

/// Whether the indefinite role at rule token `k` describes the person named right before its
/// comma ("Ana Ruiz, a nurse who …", "Ana Ruiz, une infirmière de 34 ans"): no one else.
fn apposed_to_person(fd: &Field<'_>, k: usize, rs: &Resolver<'_>) -> bool {
    let res = rs.res;
    k >= 2
        && !res.definites.contains(&fd.toks[k - 1].lower)
        && fd.toks[k - 2].lower == ","
        && fd
            .mention_ending(fd.toks[k - 2].start)
            .is_some_and(|m| rs.entity(m.entity).entity_type == EntityType::Person)
}

/// The organisation named right after a role at rule token `k` by a complement ("a spokeswoman
/// for the Harbour Authority", "une porte-parole de la Ligue des pêcheurs").
fn complement_org(fd: &Field<'_>, k: usize, res: &Profile) -> Option<usize> {
    let t = fd.toks.get(k)?;
    if !res.complements.contains(&t.lower) {
        return None;
    }
    let n = past_article(fd, k + 1, res);
    let m = fd.mention_starting(fd.toks.get(n)?.start)?;
    (fd.is_speakable(m.entity) && !fd.is_person(m.entity)).then_some(m.entity)
}

/// "Paul Vey, 41, pleaded guilty … the defendant told the court": the person a party to a trial
/// (`party|` in `context.txt`) stands for, the first the article gives an age in apposition
/// before byte `pos`, of a gender that `agrees`.
pub(super) fn aged_person(
    fd: &Field<'_>,
    pos: usize,
    cands: &[Candidate],
    agrees: impl Fn(usize) -> bool,
    res: &Profile,
) -> Option<usize> {
    cands
        .iter()
        .filter(|c| c.at < pos)
        .find_map(|c| match c.kind {
            Cand::Person(i) if agrees(i) => fd
                .mention_starting(c.at)
                .filter(|m| res.context.age_apposition(&fd.text[m.end..]))
                .map(|_| i),
            _ => None,
        })
}
