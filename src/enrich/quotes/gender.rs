//! Gender evidence the text itself gives a person, beyond first names and roles: a gendered
//! pronoun later in a sentence that names that person and no one else ("Robin Vale said she
//! would stay", "Dominique Roy a dit qu'elle resterait", "Sasha Lind and her band"). Pronouns
//! resolved afterwards then prefer that person to one of unknown gender.

use super::cues::is_boundary;
use super::field::Field;
use crate::enrich::profile::{Gender, Profile};

/// The person named alone so far in the current sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Named {
    /// Nobody yet.
    Nobody,
    /// One person (entity index).
    One(usize),
    /// Several persons, or a role noun that may describe another one.
    Several,
}

/// What the text says of one person's gender.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct PronounGender {
    /// The person (entity index).
    pub entity: usize,
    /// The gender of the pronoun that stands for them.
    pub gender: Gender,
}

/// Per person, the gender of the first gendered pronoun (`gender_pronoun` in `words.txt`)
/// outside quotes after a person's mention, in a sentence naming no other person and no role
/// noun before it. A possessive-looking form also used as an object ("her") counts only before
/// a word that is not a preposition, article or complementizer ("her band", not "told her
/// that").
pub(super) fn pronoun_genders(fd: &Field<'_>, res: &Profile) -> Vec<PronounGender> {
    let mut out = Vec::new();
    let mut named = Named::Nobody;
    let mut para = usize::MAX;
    for k in 0..fd.toks.len() {
        let t = &fd.toks[k];
        if fd.para(t.start) != para {
            para = fd.para(t.start);
            named = Named::Nobody;
        }
        if fd.in_quote(t.start) {
            continue;
        }
        if is_boundary(fd, k, res) {
            named = Named::Nobody;
            continue;
        }
        if let Some(m) = fd.mention_starting(t.start) {
            if fd.is_person(m.entity) {
                named = match named {
                    Named::Nobody => Named::One(m.entity),
                    Named::One(e) if e == m.entity => named,
                    _ => Named::Several,
                };
            }
            continue;
        }
        if !t.word {
            continue;
        }
        if res.role(&t.lower).is_some() && named != Named::Nobody {
            named = Named::Several;
            continue;
        }
        let Named::One(e) = named else {
            continue;
        };
        let bare = t.lower.rsplit('-').next().unwrap_or(&t.lower);
        let Some(&g) = res.gender_pronouns.get(bare) else {
            continue;
        };
        let object_too = res.object_pronouns.contains_key(bare);
        let before_word = fd.toks.get(k + 1).is_some_and(|n| {
            n.word
                && !res.preps.contains(&n.lower)
                && !res.articles.contains_key(&n.lower)
                && !res.complementizers.contains(&n.lower)
        });
        let impersonal = fd
            .toks
            .get(k + 1)
            .is_some_and(|n| res.impersonal.contains(&n.lower));
        if g != Gender::Unknown && !impersonal && (!object_too || before_word) {
            out.push(PronounGender {
                entity: e,
                gender: g,
            });
            named = Named::Several;
        }
    }
    out
}
