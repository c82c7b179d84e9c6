//! A statement speaks for who issued it: "the statement said", « précise le communiqué »
//! (`statement|` nouns) give the words to the speaker of the sentence that last wrote the same
//! noun ("Tovel Rail said in a statement that …", "In a statement, the board said …").

use super::candidates::Candidate;
use super::field::Field;
use super::resolve::Resolver;
use super::resolve::RoleSpeakers;
use super::speaker::{np, Ref};
use crate::enrich::profile::Profile;

/// The statement noun (`statement|`) closing the phrase from token `j`, after two lower-case
/// words at most ("the statement", "the joint statement"), as written.
pub(super) fn noun(fd: &Field<'_>, j: usize, k1: usize, res: &Profile) -> Option<String> {
    let x = (j..(j + 3).min(k1))
        .take_while(|&x| fd.toks[x].word && !fd.toks[x].cap)
        .find(|&x| res.statements.contains(&fd.toks[x].lower))?;
    let closes = x + 1 >= k1 || !fd.toks[x + 1].word;
    closes.then(|| fd.toks[x].lower.clone())
}

impl Resolver<'_> {
    /// Who issued the statement a phrase names ("the statement said"): the speaker of the
    /// sentence that last wrote the same noun outside a quote, two paragraphs back at most —
    /// its subject ("Tovel Rail said in a statement that …") or, after an opening phrase, the
    /// phrase after the noun ("In a statement, the company said …").
    pub(super) fn statement_author(
        &mut self,
        fd: &mut Field<'_>,
        pos: usize,
        word: &str,
        cands: &[Candidate],
        roles: &RoleSpeakers,
    ) -> Option<usize> {
        let para = fd.para(pos);
        let k = fd.tok_at(pos);
        let x = (0..k)
            .rev()
            .take_while(|&x| para - fd.para(fd.toks[x].start).min(para) <= 2)
            .find(|&x| fd.toks[x].lower == word && !fd.in_quote(fd.toks[x].start))?;
        let ends =
            |y: usize| !fd.toks[y].word && matches!(fd.toks[y].lower.as_str(), "." | "!" | "?");
        let s0 = (0..x).rev().find(|&y| ends(y)).map_or(0, |y| y + 1);
        let mut after = x + 1;
        while after < k && !fd.toks[after].word {
            after += 1;
        }
        let e = (after..k).find(|&y| ends(y)).unwrap_or(k);
        for (from, to) in [(s0, x), (after, e)] {
            // The subject before its verb: "the board said …".
            let to = (from..to)
                .find(|&y| self.res.cues_starting(&fd.toks[y].lower).next().is_some())
                .unwrap_or(to);
            if from >= to {
                continue;
            }
            let p = np(fd, from, to, self.res);
            if matches!(p.who, Ref::Statement(_) | Ref::Nothing) {
                continue;
            }
            if let Some(i) = self.resolve(fd, p, cands, roles) {
                return Some(i);
            }
        }
        None
    }
}
