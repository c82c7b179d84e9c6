//! Attribution read off the dependency parse: the verb governing a quote and that verb's
//! subject. A verb governs a quote when the quote is its complement or parataxis ("X a
//! déclaré : « … »", "“…,” she said") or when it stands in incise right after the quote,
//! whatever its lemma ("« … », tonne l'avocat"). A verb reached otherwise counts only when its
//! lemma is a speech verb of the profile. Empty without a parse: the word rules of `cues` decide.

use super::clauses::{after_role_word, cue_start, has_aux, participle_head_speaker};
use super::cues::{cue_pronoun, inverted_np, is_boundary, Attribution};
use super::field::Field;
use super::field::MentionAt;
use super::org_phrase::members_body;
use super::scan::RawQuote;
use super::speaker::{np, Phrase, Ref};
use crate::enrich::explain::QuoteRule;
use crate::enrich::profile::{lower, Gender, Profile};
use crate::enrich::syntax::{Analysis, Pos};

/// How many heads up from a quote the governing verb may sit (a quote inside a prepositional
/// or noun phrase: "described it as a “…”").
const MAX_CLIMB: usize = 3;

/// The longest speaker phrase read from a subject, in rule tokens.
const MAX_PHRASE: usize = 24;

/// The verb governing a quote (parse token index) and whether it stands in incise after it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Governor {
    verb: usize,
    incise: bool,
}

/// The first parse token starting at or after byte `b`.
pub(super) fn token_at(p: &Analysis, b: usize) -> usize {
    p.tokens.partition_point(|t| t.start < b)
}

pub(super) fn is_verb(p: &Analysis, i: usize) -> bool {
    matches!(p.tokens[i].pos, Pos::Verb | Pos::Aux)
}

pub(super) fn dep_base(p: &Analysis, i: usize) -> &str {
    let d = p.tokens[i].dep.as_str();
    d.split(':').next().unwrap_or(d)
}

/// The attribution the parse gives quote `q`: the subject of its governing verb, with the verb
/// (and its auxiliaries) as the cue. `None` without a parse, without a governing speech verb,
/// or when the verb's subject is no speaker phrase.
pub(super) fn attribution(fd: &Field<'_>, q: &RawQuote, res: &Profile) -> Option<Attribution> {
    let p = fd.parse?;
    let g = governor(p, fd, q, res)?;
    let lemma = lower(&p.tokens[g.verb].lemma);
    // A colon right before the quote introduces it, whatever the verb ("Lina, infirmière, a
    // assisté à la réunion : « … »"; "The mayor took the stage: “…”").
    if !g.incise && !res.speech_lemmas.contains(&lemma) && !after_colon(fd, q) {
        return None;
    }
    // A subject inside the quote is the quote's own ("« … », proteste l'avocate": the
    // parser made the incise a conjunct of the quoted verb).
    // An object pronoun before an incise's verb is no subject, whatever the parser says: the
    // subject is inverted after the verb ("« … », lui a demandé la juge, Anne Roy").
    let clitic = |s: usize| {
        g.incise
            && s < g.verb
            && res
                .clitics
                .contains(&fd.toks[fd.tok_at(p.tokens[s].start)].lower)
    };
    let subject = match p
        .subject_of(g.verb)
        .filter(|&s| !fd.in_quote(p.tokens[s].start))
    {
        Some(s) if clitic(s) => inverted_subject(p, g.verb).or(Some(s)),
        found => found.or_else(|| g.incise.then(|| inverted_subject(p, g.verb)).flatten()),
    }
    .filter(|&s| one_sentence(fd, p, g.verb, s));
    // A pronoun inverted into the incise's verb ("« … », a-t-il lancé mardi devant la
    // préfecture"): the subject, whatever the parser attached after the verb.
    let inverted = g
        .incise
        .then(|| {
            let (k0, k1) = (fd.tok_at(q.close_end), fd.tok_at(p.tokens[g.verb].end));
            let k1 = (k1 + 1).min(fd.toks.len());
            (k0..k1).find_map(|k| {
                cue_pronoun(&fd.toks[k..k + 1], res)
                    .map(|g| Phrase::at(Ref::Pron(g), fd.toks[k].start))
            })
        })
        .flatten();
    let own = inverted.or_else(|| subject.and_then(|s| subject_phrase(fd, p, s, res)));
    // A name inverted after an incise verb the parser left without subject is the speaker
    // before any participle reading ("« … », a réagi Nora Vidal devant ses partisans").
    let own = match own {
        None if g.incise && finite(p, g.verb) => {
            inverted_after(fd, fd.tok_at(p.tokens[g.verb].end), res)
                .filter(|ph| matches!(ph.who, Ref::Ent(_) | Ref::Name(_)))
        }
        own => own,
    };
    let participle = if own.is_none() {
        participle_head_speaker(fd, p, g.verb, res)
    } else {
        None
    };
    let by_participle = participle.is_some();
    let phrase = match own.or(participle) {
        Some(ph) => ph,
        // The parser may miss an inverted subject ("« … », s'est défendu mardi le général
        // Paul Marchand"): the word rules read it after the verb.
        None if g.incise => inverted_after(fd, fd.tok_at(p.tokens[g.verb].end), res)?,
        None => return None,
    };
    let rule = if by_participle {
        QuoteRule::ParticipleMainSubject
    } else if g.incise {
        QuoteRule::GoverningVerbIncise
    } else if res.speech_lemmas.contains(&lemma) {
        QuoteRule::GoverningVerbSubject
    } else {
        QuoteRule::ColonIntro
    };
    Some(Attribution {
        speaker: phrase.who,
        cue: Some(cue_text(fd, p, g.verb)),
        at: phrase.at,
        rule,
    })
}

/// Whether verb `v` is finite or has its auxiliary ("a réagi", "says"), unlike a bare
/// participle ("Speaking outside the court, she said …").
fn finite(p: &Analysis, v: usize) -> bool {
    p.tokens[v].morph.verb_form() == Some("Fin") || has_aux(p, v)
}

/// The verb governing the quote, in its paragraph and sentence: a verb in incise right after
/// the closing mark; else the head the quote's words hang on (up to [`MAX_CLIMB`] heads above,
/// to the first verb), or a verb the parser attached to the quote's own root.
fn governor(p: &Analysis, fd: &Field<'_>, q: &RawQuote, res: &Profile) -> Option<Governor> {
    let (lo, hi) = (token_at(p, q.start), token_at(p, q.end));
    if lo >= hi {
        return None;
    }
    if let Some(verb) = incise_verb(p, fd, q, res) {
        return Some(Governor { verb, incise: true });
    }
    let inside = |i: usize| (lo..hi).contains(&i);
    let root = (lo..hi).find(|&i| p.tokens[i].head == i || !inside(p.tokens[i].head))?;
    let head = p.tokens[root].head;
    let verb = if head != root {
        let mut v = head;
        for _ in 0..MAX_CLIMB {
            if is_verb(p, v) || p.tokens[v].head == v || inside(p.tokens[v].head) {
                break;
            }
            v = p.tokens[v].head;
        }
        is_verb(p, v).then_some(v)?
    } else {
        p.children(root).find(|&c| {
            !inside(c)
                && p.tokens[c].start >= q.close_end
                && is_verb(p, c)
                && matches!(dep_base(p, c), "parataxis" | "ccomp" | "conj" | "advcl")
        })?
    };
    let v = &p.tokens[verb];
    let ok = !inside(verb)
        && !fd.in_quote(v.start)
        && fd.para(v.start) == fd.para(q.open)
        && same_sentence(fd, q, v.start, res);
    ok.then_some(Governor {
        verb,
        incise: false,
    })
}

/// Whether a colon stands right before the quote's opening mark.
fn after_colon(fd: &Field<'_>, q: &RawQuote) -> bool {
    fd.text[..q.open].trim_end().ends_with(':')
}

/// No sentence ends between the quote and byte `b` (outside quotation marks).
fn same_sentence(fd: &Field<'_>, q: &RawQuote, b: usize, res: &Profile) -> bool {
    let (from, to) = if b < q.open {
        (fd.tok_at(b), fd.tok_at(q.open))
    } else {
        (fd.tok_at(q.close_end), fd.tok_at(b))
    };
    (from..to).all(|k| fd.in_quote(fd.toks[k].start) || !is_boundary(fd, k, res))
}

/// The first verb after the closing mark, in the quote's paragraph, with nothing between but
/// punctuation and its own dependents (auxiliary, inverted pronoun, subject, adverb): "« … »,
/// a-t-il ajouté", "“…,” she said", "« … », tonne l'avocat". A verb with its own complement
/// clause ("She said the plan …") reports something else: no incise. (An object is no
/// evidence: parsers often label an inverted subject as one, "proteste l'avocate".)
fn incise_verb(p: &Analysis, fd: &Field<'_>, q: &RawQuote, res: &Profile) -> Option<usize> {
    let first = token_at(p, q.close_end);
    let para = fd.para(q.open);
    // A quote ending its own sentence, then a capitalised word that names no one: another
    // sentence opens (« … servi. » Puis, se tournant vers la salle : « … »). A subject pronoun
    // opening it continues with the speaker (« … . » Elle lit ensuite …).
    let ends_sentence = fd.text[q.start..q.end]
        .trim_end()
        .ends_with(['.', '!', '?', '…']);
    let opens = p.tokens.get(first).is_some_and(|t| {
        fd.text[t.start..t.end].starts_with(char::is_uppercase)
            && fd.mention_starting(t.start).is_none()
            && !res
                .pronouns
                .contains_key(&fd.text[t.start..t.end].to_lowercase())
    });
    if ends_sentence && opens {
        return None;
    }
    let verb = (first..p.len().min(first + 6))
        .take_while(|&i| fd.para(p.tokens[i].start) == para && !fd.in_quote(p.tokens[i].start))
        .find(|&i| p.tokens[i].pos == Pos::Verb)?;
    let between_ok =
        (first..verb).all(|i| p.tokens[i].pos == Pos::Punct || p.tokens[i].head == verb);
    let own_content = p
        .children(verb)
        .any(|c| c > verb && matches!(dep_base(p, c), "ccomp" | "xcomp"));
    (between_ok && !own_content).then_some(verb)
}

/// Whether parse tokens `verb` and `s` lie in one sentence of one paragraph: no line break and
/// no sentence end between them ("…, a-t-il ajouté.\n\n(Photo : …)": "Photo" is no subject
/// the parser may hang on the verb).
fn one_sentence(fd: &Field<'_>, p: &Analysis, verb: usize, s: usize) -> bool {
    let (a, b) = if s < verb { (s, verb) } else { (verb, s) };
    let between = &fd.text[p.tokens[a].end..p.tokens[b].start];
    // A full stop after a word of four letters or more ends a sentence; not "M." nor "Dr.".
    let stop = between.match_indices(['.', '!', '?']).any(|(i, c)| {
        c != "."
            || between[..i]
                .rsplit(|c: char| !c.is_alphabetic())
                .next()
                .is_some_and(|w| w.chars().count() > 3)
    });
    !between.contains('\n') && !stop
}

/// An inverted subject the parser labelled otherwise ("« … », proteste l'avocate": object): the
/// first nominal dependent after an incise verb (its object is the quote itself).
pub(super) fn inverted_subject(p: &Analysis, verb: usize) -> Option<usize> {
    p.children(verb).find(|&c| {
        c > verb
            && p.tokens[c].pos.is_nominal()
            && matches!(dep_base(p, c), "obj" | "dobj" | "nsubj" | "appos")
    })
}

/// The inverted subject after an incise verb ending at rule token `ce`, as the word rules read
/// it, also past a time or place adverbial the parser did not attach ("« … », s'est défendu
/// mercredi le général Paul Marchand", "“…,” said on Monday the ward's councillor, Ann Lowe"):
/// the first phrase opening with an article or a capital that names a possible speaker.
fn inverted_after(fd: &Field<'_>, ce: usize, res: &Profile) -> Option<Phrase> {
    let a1 = clause_end(fd, ce, res);
    // An unnamed speaker ("ajoute un proche du maire") is found too: nobody named.
    let first = inverted_np(fd, ce, a1, res);
    if !matches!(first.who, Ref::Nothing) {
        return Some(first);
    }
    // Not a complement ("de Paul Marchand"): whose friend is not who speaks; nor an addressee
    // (« confie la première au Tovel Matin »): who is told is not who speaks.
    (ce + 1..a1.min(ce + 8))
        .filter(|&k| {
            let t = &fd.toks[k];
            let before = &fd.toks[k - 1].lower;
            t.word
                && (t.cap || res.articles.contains_key(&t.lower))
                && !res.complements.contains(before)
                && !res.addressees.contains(before)
        })
        .map(|k| np(fd, k, a1, res))
        .find(|r| match r.who {
            Ref::Ent(e) => fd.is_speakable(e),
            Ref::Nothing
            | Ref::Role {
                definite: false, ..
            } => false,
            _ => true,
        })
}

/// The rule token ending the clause that starts at rule token `k`: the sentence end, the
/// paragraph end or the next quotation, at most 40 tokens on.
fn clause_end(fd: &Field<'_>, k: usize, res: &Profile) -> usize {
    let para = fd.toks.get(k).map_or(0, |t| fd.para(t.start));
    (k..fd.toks.len().min(k + 40))
        .find(|&x| {
            let t = &fd.toks[x];
            fd.para(t.start) != para || is_boundary(fd, x, res) || fd.quote_opens_at(t.start)
        })
        .unwrap_or(fd.toks.len().min(k + 40))
}

/// The speaker phrase of subject token `s`: a pronoun (also inverted, "-t-elle"); the entity
/// its head belongs to; the person a role is in apposition with; the organisation an unnamed
/// member speaks for; else the phrase the word rules read from its first word.
pub(super) fn subject_phrase(
    fd: &Field<'_>,
    p: &Analysis,
    s: usize,
    res: &Profile,
) -> Option<Phrase> {
    let t = &p.tokens[s];
    if !t.pos.is_nominal() || fd.in_quote(t.start) {
        return None;
    }
    let word = lower(&fd.text[t.start..t.end]);
    let bare = word.trim_start_matches("-t-").trim_start_matches('-');
    if let Some(&g) = res.pronouns.get(bare) {
        return Some(Phrase::at(Ref::Pron(g), t.start));
    }
    // A person named at the end of the subject after a role word is the speaker, whatever
    // head the parser chose: in "Harbor Union of Nurses (HUN) general secretary Ann Lee said"
    // it may take "Union" for the head and the name for the object of "of".
    if let Some(m) = titled_person_closing(fd, p, s, res) {
        return Some(Phrase::at(Ref::Ent(m.entity), m.start));
    }
    // The head of the subject names the speaker, not its modifiers: "White Lake council
    // spokesman Tom Reyes said" is Tom Reyes, not the council.
    if let Some(m) = fd
        .mention_over(t.start, t.end)
        .filter(|m| fd.is_speakable(m.entity))
    {
        return Some(Phrase::at(Ref::Ent(m.entity), m.start));
    }
    if let Some(m) = apposed(fd, p, s, |f, e| f.is_person(e)) {
        return Some(Phrase::at(Ref::Ent(m.entity), m.start));
    }
    // "the group that owns the label, Harbour Records, says": a description of an
    // organisation in apposition with its name.
    if t.pos == Pos::Noun {
        if let Some(m) = apposed(fd, p, s, |f, e| f.is_speakable(e)) {
            return Some(Phrase::at(Ref::Ent(m.entity), m.start));
        }
    }
    if let Some(m) = represented_org(fd, p, s, res) {
        return Some(Phrase::at(Ref::Ent(m.entity), t.start));
    }
    if let Some(noun) = described_voice(fd, p, s, res) {
        return Some(Phrase::at(Ref::OrgDesc(noun), t.start));
    }
    let phrase = p.noun_phrase(s).unwrap_or(s..s + 1);
    let tree = p.subtree(s);
    let k0 = fd.tok_at(p.tokens[phrase.start].start);
    let end = p.tokens[tree.end.max(phrase.end) - 1].end;
    let k1 = fd
        .tok_at(end)
        .clamp(k0 + 1, k0 + MAX_PHRASE)
        .min(fd.toks.len());
    if k0 >= k1 {
        return None;
    }
    // "Tovel Rail officials said", "officials of the Marlby Water Board said".
    if let Some(m) = members_body(fd, fd.tok_at(t.start), k1, res) {
        return Some(Phrase::at(Ref::Ent(m.entity), m.start));
    }
    let r = np(fd, k0, k1, res);
    // "a UN official", "un proche de Paul Marchand" without a name of their own: the head is
    // an unnamed person; a name modifying it is not the speaker.
    let unnamed = Phrase::at(
        Ref::Role {
            definite: false,
            gender: Gender::Unknown,
            word: lower(&t.lemma),
        },
        t.start,
    );
    let indefinite = t.pos == Pos::Noun && has_indefinite_det(fd, p, s, res);
    match r.who {
        Ref::Ent(_) if t.pos == Pos::Noun && r.at.is_some_and(|a| a < t.start) => {
            indefinite.then_some(unnamed)
        }
        Ref::Nothing => indefinite.then_some(unnamed),
        _ => Some(r),
    }
}

/// Whether noun `s` has an indefinite article ("a", "un", "une").
fn has_indefinite_det(fd: &Field<'_>, p: &Analysis, s: usize, res: &Profile) -> bool {
    p.children(s).any(|c| {
        c < s && dep_base(p, c) == "det" && {
            let w = lower(&fd.text[p.tokens[c].start..p.tokens[c].end]);
            res.articles.contains_key(&w) && !res.definites.contains(&w)
        }
    })
}

/// The person (or, with `is_speakable`, the organisation) a subject noun is in apposition with,
/// as `wanted` says: "l'avocate de la famille, Julie Ferrand", "the firm's chief executive, Ann
/// Lowe" (an `appos` child, or a name right after the subject's phrase and a comma).
fn apposed(
    fd: &Field<'_>,
    p: &Analysis,
    s: usize,
    wanted: fn(&Field<'_>, usize) -> bool,
) -> Option<MentionAt> {
    let person = |i: usize| {
        let t = &p.tokens[i];
        fd.mention_over(t.start, t.end)
            .filter(|m| wanted(fd, m.entity))
    };
    if let Some(m) = p
        .children(s)
        .filter(|&c| dep_base(p, c) == "appos")
        .find_map(person)
    {
        return Some(m);
    }
    // "l'avocate de Karim Benali, Lucie Fontaine", "the lawyer for the family, Ann Lowe": the
    // parser may hang the name on the complement; a person after a comma closing the subject's
    // phrase still names the one the role describes, not the complement's.
    let tree = p.subtree(s);
    let last = (s..tree.end).rev().find(|&i| p.tokens[i].pos != Pos::Punct);
    if let Some(m) = (s + 1..tree.end)
        .rev()
        .filter(|&i| dep_base(p, i) == "appos" && p.tokens[i - 1].pos == Pos::Punct)
        .filter(|&i| &fd.text[p.tokens[i - 1].start..p.tokens[i - 1].end] == ",")
        .filter_map(person)
        .find(|m| last.is_some_and(|l| m.end >= p.tokens[l].end))
    {
        return Some(m);
    }
    let after = tree.end;
    let comma = p
        .tokens
        .get(after)
        .filter(|t| &fd.text[t.start..t.end] == ",")?;
    let next = after + 1;
    (next < p.len() && fd.para(p.tokens[next].start) == fd.para(comma.start))
        .then(|| person(next))
        .flatten()
        .filter(|m| m.start == p.tokens[next].start)
}

/// The organisation an unnamed member speaks for: "a spokeswoman for the Harbour Authority",
/// "un porte-parole de la Ligue des pêcheurs", "a Grainco spokesman" (an indefinite subject and
/// its complement or compound naming an organisation). The text names no person: the
/// organisation is the speaker.
fn represented_org(fd: &Field<'_>, p: &Analysis, s: usize, res: &Profile) -> Option<MentionAt> {
    if !has_indefinite_det(fd, p, s, res) {
        return None;
    }
    // Before the noun, only for a voice of the organisation ("a Grainco spokesman"; "a UN
    // official" is a member the text does not name).
    let voice = res.voices.contains(&lower(&p.tokens[s].lemma));
    let complements = p.children(s).flat_map(|c| {
        let after = c > s;
        let direct = ((after && dep_base(p, c) == "nmod")
            || (!after && voice && dep_base(p, c) == "compound"))
            .then_some(c);
        let through = (after && dep_base(p, c) == "prep")
            .then(|| p.children(c).find(|&o| dep_base(p, o) == "pobj"))
            .flatten();
        direct.into_iter().chain(through)
    });
    complements
        .filter_map(|c| {
            let t = &p.tokens[c];
            fd.mention_over(t.start, t.end)
        })
        .find(|m| fd.is_speakable(m.entity) && !fd.is_person(m.entity))
}

/// The body an unnamed voice speaks for, described by a lower-case noun compounded before it
/// under an indefinite article: "a company spokesperson", "a ministry spokeswoman" (`org|` and
/// `voice|` in `words.txt`): the noun, resolved against the bodies named before.
fn described_voice(fd: &Field<'_>, p: &Analysis, s: usize, res: &Profile) -> Option<String> {
    if !has_indefinite_det(fd, p, s, res) || !res.voices.contains(&lower(&p.tokens[s].lemma)) {
        return None;
    }
    p.children(s)
        .filter(|&c| c < s && dep_base(p, c) == "compound")
        .map(|c| &fd.text[p.tokens[c].start..p.tokens[c].end])
        .find(|w| w.starts_with(char::is_lowercase) && res.org_nouns.contains(&lower(w)))
        .map(lower)
}

/// The cue as written: the verb with the auxiliaries and reflexive pronoun before it ("a-t-il
/// ajouté", "s'est étonné", "has said").
fn cue_text(fd: &Field<'_>, p: &Analysis, verb: usize) -> String {
    fd.text[cue_start(p, verb)..p.tokens[verb].end].to_string()
}

/// The person named last in the subtree of subject `s`, right after a role word, when the
/// subject's head is no person of its own ("Harbor Union (HU) general secretary Ann Lee").
fn titled_person_closing(
    fd: &Field<'_>,
    p: &Analysis,
    s: usize,
    res: &Profile,
) -> Option<MentionAt> {
    let tree = p.subtree(s);
    let last = (tree.start..tree.end)
        .rev()
        .find(|&i| p.tokens[i].pos != Pos::Punct)?;
    if last <= s {
        return None;
    }
    let head = &p.tokens[s];
    if fd
        .mention_over(head.start, head.end)
        .is_some_and(|h| fd.is_person(h.entity))
    {
        return None;
    }
    let m = fd
        .mention_ending(p.tokens[last].end)
        .filter(|m| fd.is_person(m.entity) && m.start > head.end)?;
    after_role_word(fd, m, res).then_some(m)
}
