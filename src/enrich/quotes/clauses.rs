//! Reported clauses and cue checks read off the dependency parse: the complement clause of a
//! speech verb and its subject ("X a assuré que …", "the mayor said the bridge …"), and the
//! parse's word on a cue the word rules of `reported` found (is it a verb, a participle, is
//! its subject after it, what object follows it, who is the subject of a trailing cue).
//! Everything here is empty or false without a parse.

use super::field::{Field, MentionAt, Span};
use super::govern::{dep_base, inverted_subject, is_verb, subject_phrase, token_at};
use super::speaker::{Phrase, Ref};
use crate::enrich::profile::{lower, Gender, Profile};
use crate::enrich::syntax::{Analysis, Pos};

/// A clause of reported speech the parse finds: the complement clause of a speech verb.
#[derive(Clone, Debug)]
pub(super) struct ParsedClause {
    /// Bytes of the clause, without its complementizer ("que", "that").
    pub span: Span,
    /// Bytes of the cue: the verb with its auxiliaries.
    pub cue: Span,
    /// The speaker phrase: the verb's subject.
    pub phrase: Phrase,
}

/// The reported clauses of the field the parse finds: the complement clause (`ccomp`) of a verb
/// whose lemma is a speech verb ("Paul Marchand a assuré mardi que le pont …", "the mayor
/// said the bridge …"), or its bare infinitive complement ("Lucie Roy affirme avoir vu …"; an
/// infinitive with a marker, "to", "de", is a request or a plan, not reported speech). The
/// speaker is the verb's subject; a relative pronoun stands for the noun the clause hangs on
/// ("le maire, qui assure que …").
pub(super) fn reported_clauses(fd: &Field<'_>, res: &Profile) -> Vec<ParsedClause> {
    let Some(p) = fd.parse else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for v in 0..p.len() {
        let t = &p.tokens[v];
        if t.pos != Pos::Verb
            || fd.in_quote(t.start)
            || !res.speech_lemmas.contains(&lower(&t.lemma))
        {
            continue;
        }
        let Some(c) = p.children(v).find(|&c| c > v && is_reported(p, c)) else {
            continue;
        };
        // "tant que", "so that": a conjunction the parser hung on the verb, not its complement.
        let conjunction = p.children(c).any(|m| {
            m < c
                && dep_base(p, m) == "mark"
                && m > 0
                && res
                    .locutions
                    .contains(&lower(&fd.text[p.tokens[m - 1].start..p.tokens[m - 1].end]))
        });
        if conjunction {
            continue;
        }
        let tree = p.subtree(c);
        let first = (tree.start..tree.end)
            .find(|&i| !(i < c && dep_base(p, i) == "mark") && p.tokens[i].pos != Pos::Punct)
            .unwrap_or(c);
        let last = (first..tree.end)
            .rev()
            .find(|&i| p.tokens[i].pos != Pos::Punct)
            .unwrap_or(c);
        // An unnamed subject before the verb ("officials said the …"); one after it is the
        // inverted subject of a verb closing its clause, whatever the parser hung after it.
        let unnamed = || {
            p.subject_of(v)
                .filter(|&s| s < v)
                .and_then(|s| unnamed_subject(fd, p, s))
        };
        // A passive speech verb reports without saying who spoke ("il a été annoncé que …").
        let passive = p
            .subject_of(v)
            .is_some_and(|s| is_passive_subject(&p.tokens[s].dep));
        let phrase = if passive {
            Phrase::at(Ref::Nothing, t.start)
        } else if let Some(phrase) = speaker_of(fd, p, v, res).or_else(unnamed) {
            phrase
        } else {
            continue;
        };
        let cue_start = fd.text.len().min(cue_start(p, v));
        out.push(ParsedClause {
            span: Span {
                start: p.tokens[first].start,
                end: p.tokens[last].end,
            },
            cue: Span {
                start: cue_start,
                end: t.end,
            },
            phrase,
        });
    }
    out
}

/// A complement that reports speech: a complement clause, or a bare infinitive.
fn is_reported(p: &Analysis, c: usize) -> bool {
    match dep_base(p, c) {
        "ccomp" => true,
        "xcomp" => {
            let infinitive = |i: usize| p.tokens[i].morph.verb_form() == Some("Inf");
            // "avoir vu": the infinitive may be the auxiliary of a participle.
            (infinitive(c)
                || p.children(c)
                    .any(|a| a < c && dep_base(p, a) == "aux" && infinitive(a)))
                && !p
                    .children(c)
                    .any(|m| m < c && matches!(p.tokens[m].pos, Pos::Part | Pos::Adp))
        }
        _ => false,
    }
}

/// The parse token of the verb of a rule cue covering bytes `b0..b1` (its last verb).
fn cue_verb(p: &Analysis, b0: usize, b1: usize) -> Option<usize> {
    let (lo, hi) = (token_at(p, b0), token_at(p, b1));
    (lo..hi).rev().find(|&i| p.tokens[i].pos == Pos::Verb)
}

/// Whether the word at bytes `b0..b1` is a verb of a speech lemma in the parse, whatever its
/// form ("ajoutant", "précisant"): it governs a clause of its own.
pub(super) fn is_speech_verb(fd: &Field<'_>, b0: usize, b1: usize, res: &Profile) -> bool {
    fd.parse
        .and_then(|p| cue_verb(p, b0, b1).map(|v| lower(&p.tokens[v].lemma)))
        .is_some_and(|l| res.speech_lemmas.contains(&l))
}

/// Whether the parse reads a verb (or an auxiliary) in the cue at bytes `b0..b1`; true without
/// a parse. A cue word the parser tags as a noun ("six points d'avance", "a short answer") is
/// no speech verb.
pub(super) fn cue_is_verb(fd: &Field<'_>, b0: usize, b1: usize) -> bool {
    fd.parse
        .is_none_or(|p| (token_at(p, b0)..token_at(p, b1)).any(|i| is_verb(p, i)))
}

/// Whether the cue at bytes `next` has the verb shape of the cue at bytes `main`, as the
/// parse reads them: the same tense of one verb ("estime … et réclame", "said … and urged"),
/// the same auxiliary ("a estimé … et a demandé"), or a bare participle sharing the main cue's
/// auxiliary ("a estimé … et demandé"). A backshifted verb ("said … and had spoken", "would
/// continue") belongs to the reported clause, not to its speaker. False without a parse.
pub(super) fn same_verb_shape(fd: &Field<'_>, main: Span, next: Span) -> bool {
    let Some(p) = fd.parse else {
        return false;
    };
    let verbs = |s: Span| -> Vec<usize> {
        (token_at(p, s.start)..token_at(p, s.end))
            .filter(|&i| is_verb(p, i))
            .collect()
    };
    let (a, b) = (verbs(main), verbs(next));
    let word = |i: usize| lower(&fd.text[p.tokens[i].start..p.tokens[i].end]);
    match (a.as_slice(), b.as_slice()) {
        ([_, .., _], [v]) => {
            let m = &p.tokens[*v].morph;
            m.verb_form() == Some("Part") && m.tense() == Some("Past")
        }
        ([x], [y]) => {
            let (mx, my) = (&p.tokens[*x].morph, &p.tokens[*y].morph);
            mx.verb_form() == my.verb_form() && mx.tense() == my.tense() && mx.tense().is_some()
        }
        ([x, ..], [y, ..]) => a.len() == b.len() && word(*x) == word(*y),
        _ => false,
    }
}

/// Whether the word at bytes `b0..b1` is a present participle or gerund of a speech lemma in
/// the parse ("ajoutant", "adding"): after a comma it opens a clause of its own; a past
/// participle ("written in Spanish") does not.
pub(super) fn is_speech_participle(fd: &Field<'_>, b0: usize, b1: usize, res: &Profile) -> bool {
    let Some(p) = fd.parse else {
        return false;
    };
    cue_verb(p, b0, b1).is_some_and(|v| {
        let t = &p.tokens[v];
        let present = match t.morph.verb_form() {
            Some("Ger") => true,
            Some("Part") => t.morph.tense() == Some("Pres"),
            _ => false,
        };
        present && res.speech_lemmas.contains(&lower(&t.lemma))
    })
}

/// The speaker phrase the parse gives the cue verb at bytes `b0..b1` whose subject the word
/// rules did not find before it: the subject of the verb it is coordinated with or the
/// infinitive of ("Le maire a reconnu l'erreur et a fait savoir qu'il …", "the minister
/// herself let it be known that …").
pub(super) fn cue_subject(fd: &Field<'_>, b0: usize, b1: usize, res: &Profile) -> Option<Phrase> {
    let p = fd.parse?;
    speaker_of(fd, p, cue_verb(p, b0, b1)?, res)
}

/// Whether the parse reads a finite verb (or auxiliary) between bytes `b0` and `b1`; true
/// without a parse. Words without one before a comma and an incise are no reported clause but
/// a detached phrase ("Prudente et appliquée, face à un rival pressant, l'équipe s'est
/// montrée solide"): a participle or an adjective states nothing.
pub(super) fn has_verb(fd: &Field<'_>, b0: usize, b1: usize) -> bool {
    fd.parse.is_none_or(|p| {
        (token_at(p, b0)..token_at(p, b1))
            .any(|i| is_verb(p, i) && p.tokens[i].morph.verb_form() == Some("Fin"))
    })
}

/// Whether the parse reads a finite verb between bytes `b0` and `b1`; false without a parse. A
/// role before it is not the role of a name after it ("Le syndicaliste accuse l'actionnaire,
/// le fonds X").
pub(super) fn finite_verb_between(fd: &Field<'_>, b0: usize, b1: usize) -> bool {
    fd.parse.is_some_and(|p| {
        (token_at(p, b0)..token_at(p, b1))
            .any(|i| is_verb(p, i) && p.tokens[i].morph.verb_form() == Some("Fin"))
    })
}

/// Whether the cue verb at bytes `b0..b1` stands inside a relative clause, itself or through
/// the verbs above it ("…, the official, who said he had met the envoy, told reporters"; "…,
/// le témoin, qui dit avoir parlé au juge, a ajouté"): it reports for the relative's noun,
/// not the clause before the comma. False without a parse.
pub(super) fn in_relative(fd: &Field<'_>, b0: usize, b1: usize) -> bool {
    let Some(p) = fd.parse else {
        return false;
    };
    cue_verb(p, b0, b1).is_some_and(|v| relative_above(p, v, |h| is_verb(p, h)))
}

/// Whether token `i` or one of its next heads (up to four, while `climb` allows the head) is
/// the verb of a relative clause.
fn relative_above(p: &Analysis, mut i: usize, climb: impl Fn(usize) -> bool) -> bool {
    for _ in 0..4 {
        let t = &p.tokens[i];
        if t.dep == "relcl" || t.dep == "acl:relcl" {
            return true;
        }
        if t.head == i || !climb(t.head) {
            return false;
        }
        i = t.head;
    }
    false
}

/// Whether the words at bytes `from..at`, before the comma ahead of the cue verb at bytes
/// `b0..b1`, are that verb's subject rather than what it reports: the parse hangs a subject on
/// the verb among them, and they hold no verb but in a relative clause ("Ann Tovel, who lives
/// on Marsh Road, has written to the council"). False without a parse.
pub(super) fn subject_before(fd: &Field<'_>, b0: usize, b1: usize, from: usize, at: usize) -> bool {
    let Some(p) = fd.parse else {
        return false;
    };
    let Some(v) = cue_verb(p, b0, b1) else {
        return false;
    };
    let (lo, hi) = (token_at(p, from), token_at(p, at));
    p.children(v)
        .any(|c| is_subject_dep(p, c) && (lo..hi).contains(&c))
        && (lo..hi).all(|i| !is_verb(p, i) || relative_above(p, i, |_| true))
}

/// Whether the subject of the cue verb at bytes `b0..b1` is a thing that cannot speak (the
/// profile's `mute` nouns): "the figures suggest that …", "radar data that showed the plane
/// …" (a relative pronoun stands for the noun it hangs on), "les chiffres confirment que …".
/// False without a parse.
pub(super) fn mute_subject(fd: &Field<'_>, b0: usize, b1: usize, res: &Profile) -> bool {
    let Some(p) = fd.parse else {
        return false;
    };
    let Some(v) = cue_verb(p, b0, b1) else {
        return false;
    };
    let Some(s) = p.subject_of(v).or_else(|| inverted_subject(p, v)) else {
        return false;
    };
    let t = &p.tokens[s];
    let word = lower(&fd.text[t.start..t.end]);
    let head = if t.pos == Pos::Pron
        && !res.pronouns.contains_key(&word)
        && matches!(dep_base(p, v), "acl" | "relcl")
        && p.tokens[v].head != v
    {
        p.tokens[v].head
    } else {
        s
    };
    let h = &p.tokens[head];
    h.pos == Pos::Noun
        && (res.mute.contains(&lower(&fd.text[h.start..h.end]))
            || res.mute.contains(&lower(&h.lemma)))
}

/// Whether the parse puts the subject of the cue verb at bytes `b0..b1` after it: "…, said
/// Brightwater Trust, a consumer group", "…, a précisé la cheffe du service". What follows such a verb
/// is its speaker, not the clause it reports.
pub(super) fn subject_follows(fd: &Field<'_>, b0: usize, b1: usize) -> bool {
    let Some(p) = fd.parse else {
        return false;
    };
    let Some(v) = cue_verb(p, b0, b1) else {
        return false;
    };
    p.subject_of(v)
        .or_else(|| inverted_subject(p, v))
        .is_some_and(|s| s > v && !fd.in_quote(p.tokens[s].start))
}

/// Where the object of the cue verb at bytes `b0..b1` ends (a byte), when the parse makes the
/// phrase starting at byte `b` that object: "told him they were late", "urged them to stay",
/// "asked the jury to wait". What follows the verb opens with whom it addresses; a reported
/// clause may follow it.
pub(super) fn object_after(fd: &Field<'_>, b0: usize, b1: usize, b: usize) -> Option<usize> {
    let p = fd.parse?;
    let v = cue_verb(p, b0, b1)?;
    // From the phrase's first word up to its head ("the" → "jury"), not past the verb.
    let mut i = token_at(p, b);
    for _ in 0..3 {
        if i >= p.len() || p.tokens[i].head == v || p.tokens[i].head <= v {
            break;
        }
        i = p.tokens[i].head;
    }
    let object = i < p.len()
        && p.tokens[i].head == v
        && matches!(dep_base(p, i), "obj" | "dobj" | "iobj" | "dative");
    object.then(|| p.tokens[p.subtree(i).end - 1].end)
}

/// The speaker the parse gives the cue verb at bytes `b0..b1` standing after the clause it
/// reports ("…, a prévenu le président de la fédération, Paul Dorval", "…, a Grainco
/// spokesman said", "…, officials said"): the subject phrase, also inverted; an unnamed subject
/// (a common noun naming nobody known) as someone the text does not name, when `unnamed`.
///
/// The subject must start at or after byte `from` (the comma closing the reported clause): a
/// subject before it is that of a verb reporting nothing ("Les Etats-Unis, qui …, ont exhorté
/// …").
pub(super) fn trailing_speaker(
    fd: &Field<'_>,
    b0: usize,
    b1: usize,
    from: usize,
    unnamed: bool,
    res: &Profile,
) -> Option<Phrase> {
    let p = fd.parse?;
    let v = cue_verb(p, b0, b1)?;
    let s = p
        .subject_of(v)
        .or_else(|| inverted_subject(p, v))
        .filter(|&s| p.tokens[s].start >= from)?;
    subject_phrase(fd, p, s, res).or_else(|| unnamed.then(|| unnamed_subject(fd, p, s)).flatten())
}

/// A common-noun subject that names nobody the text knows ("officials", "the navy", "des
/// responsables"): the clause is reported speech all the same, by someone unnamed.
fn unnamed_subject(fd: &Field<'_>, p: &Analysis, s: usize) -> Option<Phrase> {
    let t = &p.tokens[s];
    (t.pos == Pos::Noun && !fd.in_quote(t.start)).then(|| {
        Phrase::at(
            Ref::Role {
                definite: false,
                gender: Gender::Unknown,
                word: lower(&t.lemma),
            },
            t.start,
        )
    })
}

/// The speaker of a participle cue hanging on another clause ("Laura Kent said she had not
/// seen it, adding that …", "la ministre a reconnu des retards, ajoutant que …"): the subject
/// of the verb it hangs on (or the noun, for a participle modifying one), not the nearest
/// name before it.
pub(super) fn participle_speaker(
    fd: &Field<'_>,
    b0: usize,
    b1: usize,
    res: &Profile,
) -> Option<Phrase> {
    let p = fd.parse?;
    participle_head_speaker(fd, p, cue_verb(p, b0, b1)?, res)
}

/// The speaker of participle `v` without a subject of its own: that of the verb it hangs on
/// (also an inverted pronoun, "indique-t-elle, ajoutant que …"), or the noun it modifies.
pub(super) fn participle_head_speaker(
    fd: &Field<'_>,
    p: &Analysis,
    v: usize,
    res: &Profile,
) -> Option<Phrase> {
    let t = &p.tokens[v];
    let participle = t.morph.verb_form() == Some("Part")
        && t.head != v
        && p.children(v).all(|c| !is_subject_dep(p, c));
    if !participle {
        return None;
    }
    match dep_base(p, v) {
        "advcl" | "conj" if is_verb(p, t.head) => {
            speaker_of(fd, p, t.head, res).or_else(|| inverted_pronoun(fd, p, t.head, res))
        }
        // A participle without auxiliary ("ajoutant", "adding") the parser hung on the verb as
        // "acl" ("…, a indiqué un mécanicien, ajoutant que …"): that verb's subject, a common
        // noun naming someone unknown included.
        "acl" if is_verb(p, t.head) && !has_aux(p, v) => speaker_of(fd, p, t.head, res)
            .or_else(|| inverted_pronoun(fd, p, t.head, res))
            .or_else(|| p.subject_of(t.head).and_then(|s| unnamed_subject(fd, p, s))),
        "acl" => subject_phrase(fd, p, t.head, res),
        _ => speaking_ancestor(p, v, res).and_then(|a| speaker_of(fd, p, a, res)),
    }
}

/// The speech verb whose clause present participle `v` was hung inside (« a affirmé que le
/// projet restait ouvert à la discussion, tout en rappelant que … », the participle on
/// "discussion"): the nearest verb above it, a few heads up, when it is one.
fn speaking_ancestor(p: &Analysis, v: usize, res: &Profile) -> Option<usize> {
    let t = &p.tokens[v];
    let present = t.morph.verb_form() == Some("Ger")
        || (t.morph.verb_form() == Some("Part") && t.morph.tense() == Some("Pres"));
    if !present {
        return None;
    }
    let mut a = t.head;
    for _ in 0..6 {
        let h = &p.tokens[a];
        if h.pos == Pos::Verb {
            // Before the participle, with its own subject: not one it would borrow in turn.
            let speaks = a < v
                && res.speech_lemmas.contains(&lower(&h.lemma))
                && p.children(a).any(|c| is_subject_dep(p, c));
            return speaks.then_some(a);
        }
        if h.head == a {
            return None;
        }
        a = h.head;
    }
    None
}

/// A subject pronoun written right after verb `v` ("précise-t-elle", "a-t-il estimé"), which
/// the parser may label otherwise.
fn inverted_pronoun(fd: &Field<'_>, p: &Analysis, v: usize, res: &Profile) -> Option<Phrase> {
    (v + 1..p.len().min(v + 3)).find_map(|i| {
        let t = &p.tokens[i];
        let w = lower(&fd.text[t.start..t.end]);
        let bare = w.trim_start_matches("-t-").trim_start_matches('-');
        res.pronouns
            .get(bare)
            .map(|&g| Phrase::at(Ref::Pron(g), t.start))
    })
}

/// Whether verb `v` has an auxiliary ("a signalé", "has said").
pub(super) fn has_aux(p: &Analysis, v: usize) -> bool {
    p.children(v).any(|c| dep_base(p, c) == "aux")
}

/// A passive subject: `nsubjpass` (English labels), `nsubj:pass` (Universal Dependencies).
fn is_passive_subject(dep: &str) -> bool {
    dep == "nsubjpass" || dep == "csubjpass" || dep.ends_with(":pass")
}

fn is_subject_dep(p: &Analysis, c: usize) -> bool {
    dep_base(p, c).starts_with("nsubj")
}

/// The speaker phrase of a speech verb: its subject; for a relative pronoun, the noun the
/// relative clause hangs on; for a participle without a subject ("…, adding that …"), the
/// speaker of the verb it hangs on.
fn speaker_of(fd: &Field<'_>, p: &Analysis, v: usize, res: &Profile) -> Option<Phrase> {
    let Some(mut s) = p.subject_of(v) else {
        return participle_head_speaker(fd, p, v, res);
    };
    // The subject of a passive speech verb is what was said, not who said it ("it could be
    // confirmed that …", "il a été annoncé que …", "the plan was announced"): no speaker.
    if is_passive_subject(&p.tokens[s].dep) {
        return None;
    }
    // "a-t-il": the parser may take the euphonic "-t" for the subject; the pronoun follows.
    if lower(&fd.text[p.tokens[s].start..p.tokens[s].end]).trim_matches('-') == "t"
        && s + 1 < p.len()
    {
        s += 1;
    }
    // Of two subjects the parser hung on one verb ("Harbor Union (HU) general secretary Ann
    // Lee welcomed …": "Union" and "Lee"), a person named after a role word.
    let head = p.tokens[s].head;
    if let Some(n) = p
        .children(head)
        .filter(|&c| c > s && c < head && dep_base(p, c) == "nsubj")
        .last()
    {
        if titled_person(fd, p, n, res) {
            s = n;
        }
    }
    if let Some(m) = apposed_before_verb(fd, p, s, v) {
        return Some(Phrase::at(Ref::Ent(m.entity), m.start));
    }
    let t = &p.tokens[s];
    let w = lower(&fd.text[t.start..t.end]);
    let relative = t.pos == Pos::Pron
        && !res.pronouns.contains_key(&w)
        && matches!(dep_base(p, v), "acl" | "relcl")
        && p.tokens[v].head != v;
    if relative {
        return subject_phrase(fd, p, p.tokens[v].head, res);
    }
    subject_phrase(fd, p, s, res)
}

/// The person named between commas right before verb `v`, after its subject `s`: "Le
/// président du club, Henri Vasseur, a indiqué avoir …", whatever the parse hung the name on.
fn apposed_before_verb(fd: &Field<'_>, p: &Analysis, s: usize, v: usize) -> Option<MentionAt> {
    let k = fd.tok_at(cue_start(p, v));
    let comma = |x: usize| fd.toks.get(x).is_some_and(|t| t.lower == ",");
    if k < 2 || !comma(k - 1) {
        return None;
    }
    let m = fd
        .mention_ending(fd.toks[k - 2].end)
        .filter(|m| fd.is_person(m.entity))?;
    let km = fd.tok_at(m.start);
    (km >= 1 && comma(km - 1) && p.tokens[s].end <= fd.toks[km - 1].start).then_some(m)
}

/// Byte where the cue of verb `v` starts (its auxiliaries and reflexive pronoun before it).
pub(super) fn cue_start(p: &Analysis, v: usize) -> usize {
    p.children(v)
        .filter(|&c| c < v && matches!(dep_base(p, c), "aux" | "expl"))
        .map(|c| p.tokens[c].start)
        .min()
        .unwrap_or(p.tokens[v].start)
}

/// Whether token `n` lies in a person's name that follows a role word ("general secretary Ann
/// Lee").
fn titled_person(fd: &Field<'_>, p: &Analysis, n: usize, res: &Profile) -> bool {
    let t = &p.tokens[n];
    fd.mention_over(t.start, t.end)
        .is_some_and(|m| fd.is_person(m.entity) && after_role_word(fd, m, res))
}

/// Whether a role word stands right before mention `m` ("general secretary Ann Lee").
pub(super) fn after_role_word(fd: &Field<'_>, m: MentionAt, res: &Profile) -> bool {
    let k = fd.tok_at(m.start);
    k > 0 && fd.toks[k - 1].word && res.role(&fd.toks[k - 1].lower).is_some()
}
