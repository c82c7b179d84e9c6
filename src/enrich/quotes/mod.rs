//! Direct quotes and their speakers. One room per step, the data flowing down:
//!
//! 1. [`scan`] finds the spans between quotation marks (room `scan`).
//! 2. `filter` keeps direct quotes of at least 3 words that are not titles of works or scare
//!    quotes.
//! 3. `cues` finds each quote's attribution as written: quote–cue–speaker ("…", a déclaré X /
//!    "…," X said / said X), speaker–cue–quote (X a déclaré : « … »), "selon X" / "according to
//!    X", the incise inside the marks; `speaker` reads the speaker phrase it points at.
//! 4. `resolve` turns the phrase into an entity: pronouns (a-t-elle ajouté, he said) to the most
//!    recent compatible person, roles ("le juge") to the person they name, names the model
//!    missed to new speakers.
//! 5. Here: a quote without a cue opening the paragraph right after a quote goes on with that
//!    quote's speaker; else it takes the subject of the sentence before, the speaker of the
//!    quote before it, or whoever was last reported speaking; else nobody.
//! 6. [`reported`] finds reported speech ("X a déclaré que …", "selon X, …"), output as quotes
//!    of kind `indirect`; a partial quotation inside it is the reporting subject's.
//!
//! Everything is linear in the text length (windows around each quote are bounded).

mod candidates;
mod clauses;
#[cfg(test)]
mod cue_tests;
mod cues;
mod field;
mod filter;
mod gender;
mod govern;
mod incise;
mod org_phrase;
#[cfg(test)]
mod referent_tests;
mod reported;
mod resolve;
mod scan;
mod speaker;
mod speaking;
mod statement;
mod subjects;
#[cfg(test)]
mod tests;

/// The quotation scanner, shared with the `baseline` and the evaluation.
pub use scan::{scan, word_count, RawQuote};

use candidates::{candidates, Candidate};
use field::Field;
use resolve::{Resolver, RoleSpeakers};
use subjects::{previous_sentence_subject, recent_speaker, sentence_subject};

use super::analysis::Analysis;
use super::explain::{QuoteExplain, QuoteRule, SpeakerRef};
use super::profile::{lower, Gender, Profile, Referent};
use super::syntax::FieldAnalysis;
use super::types::{Entity, Quote, QuoteKind, Speaker};

/// What [`extract`] found: the quotes, and the speakers named only in an attribution (persons or
/// organisations that are not among the article's entities), to be added to them.
#[derive(Clone, Debug, Default)]
pub struct Extraction {
    /// Direct quotes and reported speech, field by field in reading order.
    pub quotes: Vec<Quote>,
    /// New entities; quotes refer to them by id, after the article's entities.
    pub speakers: Vec<Entity>,
    /// How each quote was attributed, in the order of `quotes` (read by `--explain`).
    pub explain: Vec<QuoteExplain>,
}

/// How one kept quote was attributed.
#[derive(Clone, Debug)]
struct Attributed {
    /// Entity index of the speaker.
    speaker: Option<usize>,
    cue: Option<String>,
    /// The speaker came from the quote's own cue (not inherited or guessed).
    from_cue: bool,
    /// Byte position of the cue's speaker phrase, when it came from a cue.
    cue_at: Option<usize>,
    /// Where the attribution was found and what the speaker phrase was (for `--explain`).
    rule: QuoteRule,
    speaker_ref: SpeakerRef,
}

impl Attributed {
    /// A speaker that came from no cue of the quote's own, by `rule`.
    fn inherited(speaker: Option<usize>, rule: QuoteRule) -> Self {
        Attributed {
            speaker,
            cue: None,
            from_cue: false,
            cue_at: None,
            rule: if speaker.is_some() {
                rule
            } else {
                QuoteRule::None
            },
            speaker_ref: if speaker.is_some() {
                SpeakerRef::Inherited
            } else {
                SpeakerRef::Nobody
            },
        }
    }
}

/// Find, filter and attribute the direct quotes of every field. `entities` are the article's
/// canonical entities; `parses` the dependency parse of the fields (empty without `nlp.syntax`:
/// attribution then rests on the word rules alone).
pub fn extract(
    an: &Analysis<'_>,
    res: &Profile,
    entities: &[Entity],
    parses: &[FieldAnalysis],
) -> Extraction {
    let mut quotes = Vec::new();
    let mut explain = Vec::new();
    let mut rs = Resolver::new(res, entities);
    for (i, f) in an.fields.iter().enumerate() {
        let raws = scan(f.text);
        let parse = parses.iter().find(|p| p.field == i).map(|p| &p.analysis);
        let mut fd = Field::new(f, &raws, &rs.entities(), parse);
        rs.compute_genders(&mut fd);
        let kept: Vec<&RawQuote> = raws.iter().filter(|q| filter::keep(&fd, q, res)).collect();
        fd.incises = kept
            .iter()
            .filter_map(|q| incise::incise_span(&fd, q, res))
            .collect();
        let cands = candidates(&fd, &rs);
        let mut roles = RoleSpeakers::new();
        let mut attributed = attribute_field(&mut fd, &kept, &mut rs, &cands, &mut roles);
        let clauses = reported::reported(&mut fd, &mut rs, &cands, &roles);
        // A partial quotation inside reported speech is the reporting subject's, also when a
        // verb of the reported clause governs it ("She said the firm had promised savers
        // “…”": her words, not the firm's).
        for (q, a) in kept.iter().zip(attributed.iter_mut()) {
            let inside = |c: &reported::Reported| {
                c.span.start <= q.open
                    && q.end <= c.span.end
                    && (!a.from_cue
                        || (a.speaker.is_none() && a.rule != QuoteRule::SourcePhrase)
                        || a.cue_at.is_some_and(|p| c.span.start <= p && p < q.open))
            };
            if let Some(c) = clauses.iter().find(|c| inside(c)) {
                a.speaker = c.speaker;
                a.rule = QuoteRule::ReportedClauseSubject;
                a.speaker_ref = SpeakerRef::Inherited;
            }
        }
        for (q, a) in kept.iter().zip(attributed) {
            for w in parts(&fd, q, res) {
                explain.push(QuoteExplain {
                    index: quotes.len(),
                    cue: a.cue.clone(),
                    rule: a.rule,
                    speaker_ref: a.speaker_ref,
                });
                quotes.push(Quote {
                    text: f.text[w.start..w.end].to_string(),
                    field: f.name.to_string(),
                    start: fd.offs.char_of(w.start),
                    end: fd.offs.char_of(w.end),
                    speaker: a.speaker.map(|i| Speaker {
                        name: rs.entity(i).name.clone(),
                        entity_id: Some(rs.entity(i).id.clone()),
                    }),
                    cue: a.cue.clone(),
                    kind: QuoteKind::Direct,
                });
            }
        }
        for c in clauses {
            explain.push(QuoteExplain {
                index: quotes.len(),
                cue: Some(c.cue.clone()),
                rule: c.rule,
                speaker_ref: c.speaker_ref,
            });
            quotes.push(Quote {
                text: f.text[c.span.start..c.span.end].to_string(),
                field: f.name.to_string(),
                start: fd.offs.char_of(c.span.start),
                end: fd.offs.char_of(c.span.end),
                speaker: c.speaker.map(|i| Speaker {
                    name: rs.entity(i).name.clone(),
                    entity_id: Some(rs.entity(i).id.clone()),
                }),
                cue: Some(c.cue),
                kind: QuoteKind::Indirect,
            });
        }
    }
    Extraction {
        quotes,
        speakers: rs.found,
        explain,
    }
}

/// The words of a quote as output: two quotes around an incise inside the marks when each side
/// holds at least 3 words (« Nous voulons la paix, a déclaré X, mais pas à n'importe quel prix »
/// quotes "Nous voulons la paix" and "mais pas à n'importe quel prix"), else the whole quote.
fn parts(fd: &Field<'_>, q: &RawQuote, res: &Profile) -> Vec<field::Span> {
    let w = fd.words_of(q);
    let Some(inc) = incise::incise_span(fd, q, res) else {
        return vec![w];
    };
    let left = fd.text[w.start..inc.start].trim_end();
    let right = fd.text[inc.end..w.end].trim_start();
    if word_count(left) < 3 || word_count(right) < 3 {
        return vec![w];
    }
    vec![
        field::Span {
            start: w.start,
            end: w.start + left.len(),
        },
        field::Span {
            start: w.end - right.len(),
            end: w.end,
        },
    ]
}

/// Attribute the kept quotes of one field, in reading order.
fn attribute_field(
    fd: &mut Field<'_>,
    kept: &[&RawQuote],
    rs: &mut Resolver<'_>,
    cands: &[Candidate],
    role_speakers: &mut RoleSpeakers,
) -> Vec<Attributed> {
    let res = rs.res;
    let mut out: Vec<Attributed> = Vec::new();
    for (qi, q) in kept.iter().enumerate() {
        let found = attributions(fd, q, res);
        let Some(first) = found.first() else {
            out.push(unattributed(fd, kept, qi, &out, rs, cands, role_speakers));
            continue;
        };
        // The parse's reading first; when its phrase names nobody, the word rules' reading.
        let mut chosen = (first.clone(), None);
        for a in &found {
            let phrase = speaker::Phrase {
                who: a.speaker.clone(),
                at: a.at,
            };
            let speaker = rs.resolve(fd, phrase, cands, role_speakers);
            if speaker.is_some() {
                chosen = (a.clone(), speaker);
                break;
            }
        }
        let (a, mut speaker) = chosen;
        let mut speaker_ref = a.speaker.kind();
        if let (None, speaker::Ref::Pron(g)) = (speaker, &a.speaker) {
            speaker_ref = SpeakerRef::PronounLastSpeaker;
            // Nobody of that kind named near: the last speaker, the most salient one.
            let at = a.at.unwrap_or(q.open);
            speaker = match res.referent(&resolve::pronoun_word(fd, at)) {
                Referent::Person if *g != Gender::Unknown => {
                    last_speaker(fd, kept, qi, &out, |i| fd.is_person(i) && rs.agrees(i, *g))
                }
                Referent::Person | Referent::Nobody => None,
                Referent::Group | Referent::Thing => last_speaker(fd, kept, qi, &out, |i| {
                    fd.is_speakable(i) && !fd.is_person(i)
                }),
            };
        }
        if let Some(p) = a.at {
            role_speakers.insert(p, speaker);
        }
        out.push(Attributed {
            speaker,
            cue: a.cue,
            from_cue: true,
            cue_at: a.at,
            rule: a.rule,
            speaker_ref,
        });
    }
    // « A » et « B », a-t-il dit: a quote without a cue before another quote of the same
    // sentence has the speaker of that quote's cue.
    for i in (0..kept.len().saturating_sub(1)).rev() {
        let (q, n) = (kept[i], kept[i + 1]);
        let same_sentence = fd.para(q.open) == fd.para(n.open)
            && (fd.tok_at(q.close_end)..fd.tok_at(n.open)).all(|k| !cues::is_boundary(fd, k, res));
        if !out[i].from_cue && out[i + 1].from_cue && same_sentence {
            out[i] = Attributed::inherited(out[i + 1].speaker, QuoteRule::NextQuoteCue);
        }
    }
    // A quote continued in the next paragraph has the speaker of its last part.
    for i in (0..kept.len().saturating_sub(1)).rev() {
        if !kept[i].closed && kept[i].continued && !out[i].from_cue {
            out[i] = Attributed::inherited(out[i + 1].speaker, QuoteRule::ContinuedQuote);
        }
    }
    out
}

/// The readings of a quote's attribution, best first: an incise inside the marks alone; a source
/// cue as written ("selon X", "according to X") alone; else the subject of the verb the parse finds governing the quote
/// (alone when it is an unnamed person), then what the word rules find.
fn attributions(fd: &Field<'_>, q: &RawQuote, res: &Profile) -> Vec<cues::Attribution> {
    // An incise inside the marks says who speaks before anything outside them does, a source
    // cue opening the next sentence included (« …, a dit X. … » Selon elle, …).
    if let Some(a) = incise::incise(fd, q, res) {
        return vec![a];
    }
    let rule = cues::find_attribution(fd, q, res);
    let source = rule
        .as_ref()
        .and_then(|a| a.cue.as_deref())
        .and_then(|c| c.split_whitespace().next())
        .is_some_and(|w| res.cues_starting(&lower(w)).any(|c| c.source));
    if source {
        return rule.into_iter().collect();
    }
    match govern::attribution(fd, q, res) {
        // The parse says the speaker is someone the text does not name ("a UN official"):
        // nobody, whatever the rules would guess.
        Some(a)
            if matches!(
                a.speaker,
                speaker::Ref::Role {
                    definite: false,
                    ..
                }
            ) =>
        {
            vec![a]
        }
        parsed => parsed.into_iter().chain(rule).collect(),
    }
}

/// The speaker of the last attributed quote before quote `qi`, within two paragraphs, when the
/// pronoun may stand for it (`fits`).
fn last_speaker(
    fd: &Field<'_>,
    kept: &[&RawQuote],
    qi: usize,
    before: &[Attributed],
    fits: impl Fn(usize) -> bool,
) -> Option<usize> {
    let para = fd.para(kept[qi].open);
    (0..qi)
        .rev()
        .take_while(|&i| para - fd.para(kept[i].open).min(para) <= 2)
        .find_map(|i| before[i].speaker)
        .filter(|&i| fits(i))
}

/// The speaker of a quote without a cue: the speaker of the quote ending the paragraph before
/// when this one opens the next; else the subject of the sentence before; else the speaker of
/// the quote before, in this paragraph, or in one of the two paragraphs before when this quote
/// opens its paragraph; else whoever was last reported speaking, in this paragraph or the one
/// before ("Smith said the plan failed. \n "It is a tough call.""); else nobody.
fn unattributed(
    fd: &mut Field<'_>,
    kept: &[&RawQuote],
    qi: usize,
    before: &[Attributed],
    rs: &mut Resolver<'_>,
    cands: &[Candidate],
    roles: &RoleSpeakers,
) -> Attributed {
    let res = rs.res;
    let q = kept[qi];
    let para = fd.para(q.open);
    let opens_para = fd.toks[..fd.tok_at(q.open)]
        .iter()
        .rev()
        .take_while(|t| fd.para(t.start) == para)
        .next()
        .is_none();
    // The journalistic convention: a paragraph opening with a quote and no attribution goes on
    // with the speaker of the quote that ended the paragraph before, when nobody else is named
    // between them.
    if opens_para && qi > 0 && before[qi - 1].speaker.is_some() {
        let prev = kept[qi - 1];
        let pp = fd.para(prev.open);
        let someone_between = fd
            .mentions
            .iter()
            .any(|m| m.start >= prev.close_end && m.end <= q.open && fd.is_person(m.entity));
        if para == pp + 1 && !someone_between {
            return Attributed::inherited(before[qi - 1].speaker, QuoteRule::ParagraphContinuation);
        }
    }
    let inherited = (qi > 0)
        .then(|| {
            let pp = fd.para(kept[qi - 1].open);
            (pp == para || (opens_para && para.saturating_sub(pp) <= 2))
                .then(|| before[qi - 1].speaker)
        })
        .flatten();
    let phrase = previous_sentence_subject(fd, q, res);
    let previous = resolved(
        fd,
        rs,
        phrase,
        cands,
        roles,
        QuoteRule::PreviousSentenceSubject,
    );
    let inherited = inherited.map(|s| Attributed::inherited(s, QuoteRule::PreviousQuoteSpeaker));
    // A person named before the quote in its own sentence ("Later, Senator Ann Vale called the
    // vote “a long overdue step”") is a closer guess than the speaker of the quote before.
    let subject = sentence_subject(fd, q, res);
    let person = subject
        .as_ref()
        .is_some_and(|p| matches!(p.who, speaker::Ref::Ent(e) if fd.is_person(e)));
    let own = match previous {
        Some(a) => Some(a),
        None if person => resolved(
            fd,
            rs,
            subject.clone(),
            cands,
            roles,
            QuoteRule::SentenceSubject,
        ),
        None => None,
    };
    let found = match own.or(inherited) {
        Some(a) => a,
        None => {
            let rule = match subject {
                Some(_) => QuoteRule::SentenceSubject,
                None => QuoteRule::RecentSpeaker,
            };
            let phrase = subject.or_else(|| recent_speaker(fd, q, res));
            resolved(fd, rs, phrase, cands, roles, rule)
                .unwrap_or_else(|| Attributed::inherited(None, QuoteRule::None))
        }
    };
    // Nothing in the text around says who spoke ("il était poursuivi pour « … »", "he was
    // charged with “…”"): nobody, not a guess from the quote before.
    found
}

/// The speaker phrase `phrase` resolved, attributed by `rule`; `None` when it resolves to nobody.
fn resolved(
    fd: &mut Field<'_>,
    rs: &mut Resolver<'_>,
    phrase: Option<speaker::Phrase>,
    cands: &[Candidate],
    roles: &RoleSpeakers,
    rule: QuoteRule,
) -> Option<Attributed> {
    let phrase = phrase?;
    let speaker_ref = phrase.who.kind();
    let speaker = rs.resolve(fd, phrase, cands, roles)?;
    Some(Attributed {
        speaker: Some(speaker),
        cue: None,
        from_cue: false,
        cue_at: None,
        rule,
        speaker_ref,
    })
}
