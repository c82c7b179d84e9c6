//! Direct quotes and their speakers.
//!
//! 1. [`scan`] finds the spans between quotation marks (« », “ ”, „ “, ‹ ›, straight "…"),
//!    paragraph by paragraph, with nesting, French spacing, a quote continued into the next
//!    paragraph, and unbalanced marks (a quote never runs past its paragraph).
//! 2. [`extract`] keeps direct quotes of at least 3 words that are not titles of works or scare
//!    quotes, and attributes each: quote–cue–speaker ("…", a déclaré X / "…," X said / said X),
//!    speaker–cue–quote (X a déclaré : « … »), "selon X" / "according to X", pronouns
//!    (a-t-elle ajouté, he said) to the most recent compatible person, roles ("le juge") to the
//!    person they name, an unattributed quote to the speaker of the quote before it.
//!
//! Everything is linear in the text length (windows around each quote are bounded).

use super::resources::{key, Gender, Resources};
use super::text::CharOffsets;
use super::tokens::{tokenize, Tok};
use super::{Document, Entity, EntityType, Mention, Quote, Speaker};
use std::collections::HashMap;

/// A span between quotation marks, in bytes of its field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RawQuote {
    /// Byte offset of the opening mark.
    pub open: usize,
    /// Content: between the marks (the closing mark or the paragraph end).
    pub start: usize,
    pub end: usize,
    /// Byte offset just past the closing mark (`end` when unclosed).
    pub close_end: usize,
    pub closed: bool,
    /// Unclosed, and the next paragraph opens with a quotation mark: the quote goes on there.
    pub continued: bool,
}

fn opens(c: char) -> bool {
    matches!(c, '«' | '“' | '„' | '‹' | '"' | '”')
}

fn closes(open: char, c: char) -> bool {
    match open {
        '«' => c == '»',
        '‹' => c == '›',
        '“' => matches!(c, '”' | '"'),
        '„' => matches!(c, '“' | '”'),
        '"' | '”' => matches!(c, '"' | '”'),
        '‘' => c == '’',
        _ => false,
    }
}

/// Spans between quotation marks, paragraph by paragraph.
pub fn scan(text: &str) -> Vec<RawQuote> {
    let mut out: Vec<RawQuote> = Vec::new();
    let mut para_start = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        scan_paragraph(body, para_start, &mut out);
        para_start += line.len();
    }
    // Continuations: an unclosed quote whose next paragraph starts with an opening mark.
    for i in 0..out.len() {
        if out[i].closed {
            continue;
        }
        let rest = &text[out[i].end..];
        let next = rest.trim_start();
        let starts_quote = next
            .chars()
            .next()
            .is_some_and(|c| opens(c) && c != '”' || c == '‘');
        let nl = rest.len() - next.len();
        out[i].continued = starts_quote && rest[..nl].contains('\n');
    }
    out
}

fn scan_paragraph(p: &str, base: usize, out: &mut Vec<RawQuote>) {
    let chars: Vec<(usize, char)> = p.char_indices().collect();
    let mut open: Option<(char, usize)> = None; // mark, byte of mark
    let mut inner: Vec<char> = Vec::new();
    for (k, &(b, c)) in chars.iter().enumerate() {
        let prev = if k > 0 { Some(chars[k - 1].1) } else { None };
        let next = chars.get(k + 1).map(|x| x.1);
        let prev_space = prev.is_none_or(|x| {
            x.is_whitespace() || matches!(x, '(' | '[' | '\'' | '’' | '-' | '—' | '–' | '/')
        });
        let next_space =
            next.is_none_or(|x| x.is_whitespace() || (!x.is_alphanumeric() && !opens(x)));
        match open {
            None => {
                let is_open = match c {
                    '«' | '“' | '„' | '‹' => true,
                    '"' => !next_space || prev_space,
                    '”' | '‘' => prev_space && next.is_some_and(char::is_alphanumeric),
                    _ => false,
                };
                if is_open {
                    open = Some((c, b));
                    inner.clear();
                }
            }
            Some((o, ob)) => {
                // An apostrophe inside a word ("don’t") closes nothing.
                if c == '’' && next.is_some_and(char::is_alphanumeric) {
                    continue;
                }
                if let Some(&top) = inner.last() {
                    if closes(top, c) && !(c == '"' && prev_space && !next_space) {
                        inner.pop();
                        continue;
                    }
                }
                let looks_opening = prev_space && !next_space;
                let nested_open = match c {
                    '«' | '„' | '‹' => o != c,
                    '“' => o != '“' && o != '„',
                    '"' => o != '"' && o != '”' && looks_opening,
                    '‘' => o != '‘' && looks_opening,
                    _ => false,
                };
                if nested_open && inner.len() < 8 {
                    inner.push(c);
                    continue;
                }
                if inner.is_empty() && closes(o, c) {
                    out.push(RawQuote {
                        open: base + ob,
                        start: base + ob + o.len_utf8(),
                        end: base + b,
                        close_end: base + b + c.len_utf8(),
                        closed: true,
                        continued: false,
                    });
                    open = None;
                }
            }
        }
    }
    if let Some((o, ob)) = open {
        out.push(RawQuote {
            open: base + ob,
            start: base + ob + o.len_utf8(),
            end: base + p.len(),
            close_end: base + p.len(),
            closed: false,
            continued: false,
        });
    }
}

/// Words as the scorer counts them (`\w+`).
pub fn word_count(s: &str) -> usize {
    let mut n = 0;
    let mut in_word = false;
    for c in s.chars() {
        let w = c.is_alphanumeric() || c == '_';
        if w && !in_word {
            n += 1;
        }
        in_word = w;
    }
    n
}

/// Who a speaker phrase points at, before resolution.
#[derive(Clone, Debug)]
enum Ref {
    Ent(usize),
    Name(usize, usize),
    Pron(Gender),
    Role {
        definite: bool,
        gender: Gender,
        word: String,
    },
    /// An organisation named by a common noun and its complement the NER missed ("le ministère
    /// de l'Intérieur", "the Ministry of Health"): byte span of the name.
    OrgName(usize, usize),
    /// A definite description of an organisation ("the agency", "le ministère"): its noun.
    OrgDesc(String),
    Nothing,
}

#[derive(Clone, Debug)]
enum Cand {
    Person(usize),
    Role {
        definite: bool,
        gender: Gender,
        word: String,
    },
}

/// Everything known about one field while attributing its quotes.
struct Field<'a> {
    text: &'a str,
    toks: Vec<Tok>,
    /// Byte offset of each non-empty line start, for paragraph numbers.
    lines: Vec<usize>,
    /// Entity mentions: (start, end, entity) in bytes, sorted.
    mentions: Vec<(usize, usize, usize)>,
    /// All quoted ranges (also the short ones), in bytes.
    quoted: Vec<(usize, usize)>,
    /// Entity index → is a person.
    persons: Vec<bool>,
    /// Entity index → is a person or an organisation.
    speakable: Vec<bool>,
}

impl Field<'_> {
    fn para(&self, b: usize) -> usize {
        self.lines.partition_point(|&s| s <= b)
    }

    fn tok_at(&self, b: usize) -> usize {
        self.toks.partition_point(|t| t.start < b)
    }

    fn mention_starting(&self, b: usize) -> Option<(usize, usize, usize)> {
        let i = self.mentions.partition_point(|m| m.0 < b);
        self.mentions.get(i).filter(|m| m.0 == b).copied()
    }

    fn mention_ending(&self, b: usize) -> Option<(usize, usize, usize)> {
        // Mentions do not overlap: the one ending at `b` starts before it, closest.
        let i = self.mentions.partition_point(|m| m.0 < b);
        self.mentions[..i]
            .iter()
            .rev()
            .take(4)
            .find(|m| m.1 == b)
            .copied()
    }

    fn in_quote(&self, b: usize) -> bool {
        // `quoted` is sorted by start and its spans do not overlap.
        let i = self.quoted.partition_point(|q| q.0 <= b);
        i > 0 && b < self.quoted[i - 1].1
    }

    fn quote_opens_at(&self, b: usize) -> bool {
        self.quoted.binary_search_by_key(&b, |q| q.0).is_ok()
    }

    fn quote_closes_at(&self, b: usize) -> bool {
        let i = self.quoted.partition_point(|q| q.0 < b);
        i > 0 && self.quoted[i - 1].1 == b
    }
}

const ABBREV: [&str; 24] = [
    "mr", "mrs", "ms", "dr", "st", "lt", "sgt", "jr", "sr", "gen", "sen", "rep", "jan", "feb",
    "aug", "sept", "oct", "nov", "dec", "m", "mme", "no", "vs", "etc",
];

struct Ctx<'a> {
    res: &'a Resources,
    entities: &'a mut Vec<Entity>,
    gender: Vec<Gender>,
    /// Person → role words written next to its name.
    attached: HashMap<usize, Vec<String>>,
}

/// Find, filter and attribute the direct quotes of every field. `entities` are the article's
/// canonical entities; speakers named only in an attribution are added to it as persons.
pub fn extract(doc: &Document<'_>, res: &Resources, entities: &mut Vec<Entity>) -> Vec<Quote> {
    let mut out = Vec::new();
    let mut ctx = Ctx {
        res,
        gender: Vec::new(),
        attached: HashMap::new(),
        entities,
    };
    for f in &doc.fields {
        let raws = scan(f.text);
        if raws.is_empty() {
            continue;
        }
        let offs = CharOffsets::new(f.text);
        let mut fd = Field {
            text: f.text,
            toks: tokenize(f.text, &res.lang),
            lines: line_starts(f.text),
            mentions: Vec::new(),
            quoted: raws.iter().map(|q| (q.open, q.close_end)).collect(),
            persons: Vec::new(),
            speakable: Vec::new(),
        };
        index_mentions(&mut fd, f.name, &offs, ctx.entities);
        ctx.compute_genders(&mut fd);
        let kept: Vec<&RawQuote> = raws.iter().filter(|q| keep(&fd, q, res)).collect();
        let cands = candidates(&fd, &ctx);
        let mut role_speakers: HashMap<usize, Option<usize>> = HashMap::new();
        let mut res_q: Vec<(Option<usize>, Option<String>, bool)> = Vec::new(); // speaker entity, cue, from cue
        for (qi, q) in kept.iter().enumerate() {
            let (r, cue, pos) = find_attribution(&fd, q, res);
            let spk =
                r.map(|r| ctx.resolve(&mut fd, f.name, &offs, r, pos, &cands, &role_speakers));
            if let (Some(s), Some(p)) = (&spk, pos) {
                role_speakers.insert(p, *s);
            }
            match spk {
                Some(s) => res_q.push((s, cue, true)),
                None => {
                    // No cue: the speaker of the quote before, in this paragraph, or in one of the
                    // two paragraphs before when this quote opens its paragraph.
                    let para = fd.para(q.open);
                    let opens_para = fd.toks[..fd.tok_at(q.open)]
                        .iter()
                        .rev()
                        .take_while(|t| fd.para(t.start) == para)
                        .next()
                        .is_none();
                    let inherited = (qi > 0)
                        .then(|| {
                            let pp = fd.para(kept[qi - 1].open);
                            (pp == para || (opens_para && para.saturating_sub(pp) <= 2))
                                .then(|| res_q[qi - 1].0)
                        })
                        .flatten();
                    let before = previous_sentence_subject(&fd, q, res).and_then(|(r, pos)| {
                        ctx.resolve(&mut fd, f.name, &offs, r, Some(pos), &cands, &role_speakers)
                    });
                    let spk = match before.map(Some).or(inherited) {
                        Some(s) => s,
                        // Else whoever was last reported speaking, in this paragraph or the one
                        // before ("Smith said the plan failed. \n "It is a tough call."").
                        None => sentence_subject(&fd, q, res)
                            .or_else(|| recent_speaker(&fd, q, res))
                            .and_then(|(r, pos)| {
                                ctx.resolve(
                                    &mut fd,
                                    f.name,
                                    &offs,
                                    r,
                                    Some(pos),
                                    &cands,
                                    &role_speakers,
                                )
                            }),
                    };
                    res_q.push((spk, None, false));
                }
            }
        }
        // A quote continued in the next paragraph has the speaker of its last part.
        for i in (0..kept.len().saturating_sub(1)).rev() {
            if !kept[i].closed && kept[i].continued && !res_q[i].2 {
                res_q[i].0 = res_q[i + 1].0;
            }
        }
        for (q, (spk, cue, _)) in kept.iter().zip(res_q) {
            let (s, e) = trim(f.text, q.start, q.end);
            out.push(Quote {
                text: f.text[s..e].to_string(),
                field: f.name.to_string(),
                start: offs.char_of(s),
                end: offs.char_of(e),
                speaker: spk.map(|i| Speaker {
                    name: ctx.entities[i].name.clone(),
                    entity_id: Some(ctx.entities[i].id.clone()),
                }),
                cue,
            });
        }
    }
    out
}

fn trim(t: &str, s: usize, e: usize) -> (usize, usize) {
    let seg = &t[s..e];
    let lead = seg.len() - seg.trim_start().len();
    let body = seg.trim();
    (s + lead, s + lead + body.len())
}

fn line_starts(t: &str) -> Vec<usize> {
    let mut v = Vec::new();
    let mut at = 0;
    for l in t.split_inclusive('\n') {
        if !l.trim().is_empty() {
            v.push(at);
        }
        at += l.len();
    }
    v
}

fn index_mentions(fd: &mut Field<'_>, field: &str, offs: &CharOffsets, entities: &[Entity]) {
    fd.mentions.clear();
    for (i, e) in entities.iter().enumerate() {
        for m in e.mentions.iter().filter(|m| m.field == field) {
            fd.mentions
                .push((offs.byte_of(m.start), offs.byte_of(m.end), i));
        }
    }
    fd.mentions.sort_unstable();
}

/// Whether a quoted span is a direct quote: ≥ 3 words, not a title of a work, not a scare quote,
/// not a stray unbalanced mark.
fn keep(fd: &Field<'_>, q: &RawQuote, res: &Resources) -> bool {
    let (s, e) = trim(fd.text, q.start, q.end);
    let body = &fd.text[s..e];
    let n = word_count(body);
    if n < 3 {
        return false;
    }
    let mark = fd.text[q.open..].chars().next().unwrap_or('"');
    if !q.closed && !q.continued && matches!(mark, '"' | '”' | '‘') {
        return false;
    }
    // A work named by the words before it ("le film « … »", "the novel “…”").
    let k = fd.tok_at(q.open);
    let before: Vec<&Tok> = fd.toks[..k]
        .iter()
        .rev()
        .filter(|t| t.word && !res.articles.contains_key(&t.lower))
        .take(2)
        .collect();
    // After a naming word, a title starts with a capital: "called the offer “an insult to
    // workers”" quotes words.
    let capital = body.chars().next().is_some_and(|c| !c.is_lowercase());
    if before
        .iter()
        .any(|t| res.work.contains(&t.lower) || (capital && res.naming.contains(&t.lower)))
    {
        return false;
    }
    // Title case ("A Most Violent Year", "Star Wars: Episode VII").
    const FUNCTION: [&str; 24] = [
        "a", "an", "the", "of", "in", "on", "and", "or", "to", "for", "at", "by", "with", "from",
        "de", "du", "des", "la", "le", "les", "et", "l", "d", "en",
    ];
    let words: Vec<&str> = body
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect();
    let content: Vec<&&str> = words
        .iter()
        .filter(|w| !FUNCTION.contains(&w.to_lowercase().as_str()))
        .collect();
    let inner_punct = body
        .trim_end_matches(['.', ',', '!', '?', ' '])
        .contains([',', ';', '.', '!', '?']);
    if n <= 10
        && content.len() >= 2
        && !inner_punct
        && words
            .first()
            .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
        && content.iter().all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_numeric())
        })
    {
        return false;
    }
    // Scare quotes: a short phrase inside a sentence, without a cue after it.
    if n <= 3 && !body.ends_with(['.', '!', '?', ',']) {
        let prev_word = k > 0 && fd.toks[k - 1].word && !fd.toks[k - 1].cap;
        let after = fd.tok_at(q.close_end);
        let cue_after = (after..(after + 4).min(fd.toks.len()))
            .any(|i| fd.toks[i].word && res.cues_starting(&fd.toks[i].lower).next().is_some());
        // A partial quote of someone said to speak in the sentence is kept ("X said the
        // company was “just getting started”").
        let mut b = k;
        let mut cue_before = false;
        while b > 0 && k - b < 20 && !is_boundary(fd, b - 1) {
            b -= 1;
            cue_before |= cue_at(fd, b, k, res).is_some_and(|(_, source)| !source);
        }
        if prev_word && !cue_after && !cue_before {
            return false;
        }
    }
    true
}

fn is_boundary(fd: &Field<'_>, k: usize) -> bool {
    let t = &fd.toks[k];
    if t.word || !matches!(t.lower.as_str(), "." | "!" | "?" | "…") {
        return false;
    }
    if k > 0 && fd.toks[k - 1].word && fd.toks[k - 1].end == t.start {
        let p = &fd.toks[k - 1].lower;
        if ABBREV.contains(&p.as_str())
            || p.contains('.')
            || (p.chars().count() == 1 && fd.toks[k - 1].cap)
        {
            return false;
        }
    }
    match fd.toks.get(k + 1) {
        None => true,
        Some(n) => {
            n.cap
                || !n.word && opens(fd.text[n.start..].chars().next().unwrap_or(' '))
                || fd.para(n.start) != fd.para(t.start)
        }
    }
}

/// A cue starting at token `k` that fits before `limit`: (end token, cue is a source cue).
fn cue_at(fd: &Field<'_>, k: usize, limit: usize, res: &Resources) -> Option<(usize, bool)> {
    let t = &fd.toks[k];
    if !t.word {
        return None;
    }
    // A cue word after a determiner is a noun ("la demande", "le juge").
    if k > 0
        && (res.articles.contains_key(&fd.toks[k - 1].lower)
            || res.preps.contains(&fd.toks[k - 1].lower))
        && fd.toks[k - 1].word
    {
        let c = res.cues_starting(&t.lower).next()?;
        if !c.source {
            return None;
        }
    }
    'cues: for c in res.cues_starting(&t.lower) {
        let mut j = k + 1;
        for w in &c.tokens[1..] {
            let mut skipped = 0;
            while j < limit
                && fd.toks[j].lower != *w
                && res.skip.contains(&fd.toks[j].lower)
                && skipped < 2
            {
                j += 1;
                skipped += 1;
            }
            if j >= limit || fd.toks[j].lower != *w {
                continue 'cues;
            }
            j += 1;
        }
        return Some((j, c.source));
    }
    None
}

/// The speaker phrase of a quote, its cue text and the byte position of the phrase.
fn find_attribution(
    fd: &Field<'_>,
    q: &RawQuote,
    res: &Resources,
) -> (Option<Ref>, Option<String>, Option<usize>) {
    let n = fd.toks.len();
    let para = fd.para(q.open);
    // After the quote: up to the sentence end, the next quotation or the paragraph end.
    let a0 = fd.tok_at(q.close_end);
    let mut a1 = a0;
    while a1 < n && a1 - a0 < 40 && fd.para(fd.toks[a1].start) == para && !is_boundary(fd, a1) {
        let t = &fd.toks[a1];
        if !t.word && fd.quote_opens_at(t.start) {
            break;
        }
        a1 += 1;
    }
    if q.closed {
        for k in a0..a1.min(a0 + 25) {
            if let Some((ce, source)) = cue_at(fd, k, a1, res) {
                let cue = fd.text[fd.toks[k].start..fd.toks[ce - 1].end].to_string();
                let pre = if k > a0 {
                    subject_before(fd, a0, k, res)
                } else {
                    (Ref::Nothing, None)
                };
                let cue_pron = cue_pronoun(&fd.toks[k..ce], res);
                let post = np(fd, ce, a1, res);
                let r = if source {
                    source_np(fd, ce, a1, res)
                } else if let Some(g) = cue_pron {
                    // "a-t-il Jean Dupont": a name right after the inverted pronoun wins.
                    match post {
                        (Ref::Ent(i), p) if p == fd.toks.get(ce).map(|t| t.start) => {
                            (Ref::Ent(i), p)
                        }
                        (Ref::Name(s, e), p)
                            if p == Some(s) && fd.toks.get(ce).is_some_and(|t| t.start == s) =>
                        {
                            (Ref::Name(s, e), p)
                        }
                        _ => (Ref::Pron(g), Some(fd.toks[k].start)),
                    }
                } else if !matches!(pre.0, Ref::Nothing) {
                    pre
                } else if k == a0
                    || fd.toks[a0..k]
                        .iter()
                        .all(|t| !t.word || res.skip.contains(&t.lower))
                {
                    post
                } else if fd.toks[a0..k]
                    .iter()
                    .find(|t| t.word)
                    .is_some_and(|t| res.articles.contains_key(&t.lower))
                {
                    // An unnamed speaker: "a former engineer told CNBC".
                    (Ref::Nothing, None)
                } else {
                    continue;
                };
                return (Some(r.0), Some(cue), r.1);
            }
        }
    }
    // Before the quote, in its sentence: "X a déclaré : « … »", "selon X … « … »".
    let b1 = fd.tok_at(q.open);
    let mut b0 = b1;
    let mut cur_para = para;
    while b0 > 0 && b1 - b0 < 40 {
        let t = &fd.toks[b0 - 1];
        // An attribution may end the paragraph before with a colon ("X a déclaré :").
        if t.lower == ":" && b1 == b0 && fd.para(t.start) + 1 == para {
            cur_para = para - 1;
        }
        if fd.para(t.start) != cur_para || is_boundary(fd, b0 - 1) || fd.quote_closes_at(t.end) {
            break;
        }
        b0 -= 1;
    }
    let mut found = None;
    for k in b0..b1 {
        if let Some((ce, source)) = cue_at(fd, k, b1, res) {
            found = Some((k, ce, source));
        }
    }
    // "Pour Jean Dupont, « … »", "Pour le ministre, « … »", "Pour lui, « … »": the opinion of
    // whoever the opening phrase names.
    if found.is_none() && b1 > b0 + 2 && fd.toks[b0].lower == "pour" && res.lang == "fr" {
        let comma = (b0 + 2..b1.min(b0 + 8)).find(|&x| fd.toks[x].lower == ",");
        if let Some(c) = comma {
            let r = np(fd, b0 + 1, c, res);
            let ok = match r.0 {
                Ref::Ent(i) => fd.speakable.get(i).copied().unwrap_or(false),
                Ref::Pron(g) => g != Gender::Unknown,
                Ref::Role { definite, .. } => definite,
                Ref::OrgName(..) | Ref::OrgDesc(_) => true,
                Ref::Name(..) | Ref::Nothing => false,
            };
            if ok {
                return (Some(r.0), Some("pour".to_string()), r.1);
            }
        }
    }
    // "Jean Dupont : « … »" (headlines, interviews): a name, a colon, the quote.
    if found.is_none() && b1 >= b0 + 2 && fd.toks[b1 - 1].lower == ":" {
        if let Some(m) = fd.mention_ending(fd.toks[b1 - 2].end) {
            if fd.toks[b0].start == m.0 || fd.tok_at(m.0) == b0 {
                return (Some(Ref::Ent(m.2)), None, Some(m.0));
            }
        }
    }
    if let Some((k, ce, source)) = found {
        let cue = fd.text[fd.toks[k].start..fd.toks[ce - 1].end].to_string();
        let r = if source {
            source_np(fd, ce, b1, res)
        } else {
            subject_before(fd, b0, k, res)
        };
        let r = if matches!(r.0, Ref::Nothing) && !source {
            np(fd, ce, b1, res)
        } else {
            r
        };
        // A cue without a named subject: someone unnamed spoke ("Her neighbor … said").
        return (Some(r.0), Some(cue), r.1);
    }
    incise(fd, q, res).map_or((None, None, None), |(r, cue, p)| (Some(r), Some(cue), p))
}

/// An attribution set inside the quotation marks, between commas (French press convention):
/// « Nous voulons la paix, a déclaré X, mais pas à n'importe quel prix. »
fn incise(fd: &Field<'_>, q: &RawQuote, res: &Resources) -> Option<(Ref, String, Option<usize>)> {
    let (k0, k1) = (fd.tok_at(q.start), fd.tok_at(q.end));
    for k in (k0 + 1)..k1 {
        if fd.toks[k - 1].lower != "," {
            continue;
        }
        let Some((ce, false)) = cue_at(fd, k, k1, res) else {
            continue;
        };
        // The incise is closed by a comma or a full stop soon after the speaker.
        let Some(close) =
            (ce..k1.min(ce + 8)).find(|&x| matches!(fd.toks[x].lower.as_str(), "," | "."))
        else {
            continue;
        };
        let r = match cue_pronoun(&fd.toks[k..ce], res) {
            // "dit-on" names nobody.
            Some(Gender::Unknown) => continue,
            Some(g) if ce == close => (Ref::Pron(g), Some(fd.toks[k].start)),
            _ => np(fd, ce, close, res),
        };
        if matches!(r.0, Ref::Ent(_) | Ref::Name(..) | Ref::Pron(_)) {
            let cue = fd.text[fd.toks[k].start..fd.toks[ce - 1].end].to_string();
            return Some((r.0, cue, r.1));
        }
    }
    None
}

/// The speaker phrase after a source cue; also an object pronoun ending the phrase ("according
/// to her, …"), which the pronoun list leaves out because "her" is also a possessive.
fn source_np(fd: &Field<'_>, ce: usize, limit: usize, res: &Resources) -> (Ref, Option<usize>) {
    let r = np(fd, ce, limit, res);
    if !matches!(r.0, Ref::Nothing) {
        return r;
    }
    let Some(t) = fd.toks.get(ce).filter(|_| ce < limit) else {
        return r;
    };
    let g = match t.lower.as_str() {
        "her" => Gender::Feminine,
        "him" => Gender::Masculine,
        _ => return r,
    };
    if fd.toks.get(ce + 1).is_none_or(|n| !n.word) {
        return (Ref::Pron(g), Some(t.start));
    }
    r
}

/// A quote standing as its own sentence right after a sentence whose subject is a person (or a
/// gendered pronoun), with no quotation of its own: "Doe was blunt. “We will not …”". A careful
/// reader gives the quote to that subject.
fn previous_sentence_subject(
    fd: &Field<'_>,
    q: &RawQuote,
    res: &Resources,
) -> Option<(Ref, usize)> {
    let k = fd.tok_at(q.open);
    let prev = k.checked_sub(1)?;
    let para = fd.para(q.open);
    let pp = fd.para(fd.toks[prev].start);
    if para - pp.min(para) > 1 || !is_boundary(fd, prev) {
        return None;
    }
    let mut s = prev;
    while s > 0 && prev - s < 60 && fd.para(fd.toks[s - 1].start) == pp && !is_boundary(fd, s - 1) {
        s -= 1;
    }
    if (s..prev).any(|j| fd.in_quote(fd.toks[j].start)) {
        return None;
    }
    let first = &fd.toks[s];
    if let Some(&g) = res.pronouns.get(&first.lower) {
        return (g != Gender::Unknown).then_some((Ref::Pron(g), first.start));
    }
    // Skip a determiner and titles: "Le président Emmanuel Macron", "Dr. Jane Doe".
    let mut j = s;
    while j < prev
        && j - s < 4
        && fd.mention_starting(fd.toks[j].start).is_none()
        && (res.articles.contains_key(&fd.toks[j].lower)
            || res.role(&fd.toks[j].lower).is_some()
            || fd.toks[j].lower == ".")
    {
        j += 1;
    }
    let m = fd.mention_starting(fd.toks[j].start)?;
    fd_entity_is_person(fd, m.2).then_some((Ref::Ent(m.2), m.0))
}

/// A person named in the quote's own sentence, before it, outside a prepositional phrase: the
/// subject of a sentence quoting part of what they said ("X s'est montrée « très inquiète »").
fn sentence_subject(fd: &Field<'_>, q: &RawQuote, res: &Resources) -> Option<(Ref, usize)> {
    let b1 = fd.tok_at(q.open);
    let para = fd.para(q.open);
    let mut b0 = b1;
    while b0 > 0
        && b1 - b0 < 40
        && fd.para(fd.toks[b0 - 1].start) == para
        && !is_boundary(fd, b0 - 1)
    {
        b0 -= 1;
    }
    let (lo, hi) = (
        fd.toks.get(b0)?.start,
        fd.toks[b1.saturating_sub(1).max(b0)].end,
    );
    fd.mentions
        .iter()
        .filter(|m| {
            m.0 >= lo
                && m.1 <= hi
                && fd.speakable.get(m.2).copied().unwrap_or(false)
                && !fd.in_quote(m.0)
        })
        .find(|m| {
            let k = fd.tok_at(m.0);
            !(k > 0 && res.preps.contains(&fd.toks[k - 1].lower))
        })
        .map(|m| (Ref::Ent(m.2), m.0))
}

/// Whether the mention at byte `p` opens its sentence or clause (after an article at most).
fn subject_like(fd: &Field<'_>, p: usize, res: &Resources) -> bool {
    let mut k = fd.tok_at(p);
    if k > 0 && res.articles.contains_key(&fd.toks[k - 1].lower) {
        k -= 1;
    }
    k == 0
        || matches!(
            fd.toks[k - 1].lower.as_str(),
            "," | "." | "!" | "?" | ":" | ";"
        )
        || fd.para(fd.toks[k - 1].start) != fd.para(p)
}

/// The subject of the last speech cue (outside quotes) in this paragraph or the one before.
fn recent_speaker(fd: &Field<'_>, q: &RawQuote, res: &Resources) -> Option<(Ref, usize)> {
    let end = fd.tok_at(q.open);
    let para = fd.para(q.open);
    let mut start = end;
    while start > 0 && end - start < 80 && para - fd.para(fd.toks[start - 1].start).min(para) <= 1 {
        start -= 1;
    }
    let mut last = None;
    for k in start..end {
        if fd.in_quote(fd.toks[k].start) {
            continue;
        }
        if let Some((_, false)) = cue_at(fd, k, end, res) {
            last = Some(k);
        }
    }
    let k = last?;
    match subject_before(fd, k.saturating_sub(8).max(start), k, res) {
        (r @ (Ref::Ent(_) | Ref::Pron(_) | Ref::Name(..)), Some(p)) => Some((r, p)),
        _ => None,
    }
}

fn cue_pronoun(toks: &[Tok], res: &Resources) -> Option<Gender> {
    toks.iter().find_map(|t| {
        let last = t.lower.rsplit('-').next()?;
        (t.lower.contains('-') && res.pronouns.contains_key(last)).then(|| res.pronouns[last])
    })
}

/// The speaker phrase starting at token `k0` (before `k1`).
fn np(fd: &Field<'_>, k0: usize, k1: usize, res: &Resources) -> (Ref, Option<usize>) {
    let mut k = k0;
    while k < k1 && (!fd.toks[k].word || res.skip.contains(&fd.toks[k].lower)) {
        if !fd.toks[k].word && matches!(fd.toks[k].lower.as_str(), "." | ";" | "(" | ")") {
            return (Ref::Nothing, None);
        }
        k += 1;
    }
    // An addressee before the speaker: "a déclaré à l'AFP Jean Dupont".
    if k + 1 < k1 && matches!(fd.toks[k].lower.as_str(), "à" | "au" | "aux") {
        let mut j = k + 1;
        if res.articles.contains_key(&fd.toks[j].lower) {
            j += 1;
        }
        if let Some(m) = fd.toks.get(j).and_then(|t| fd.mention_starting(t.start)) {
            j = fd.tok_at(m.1);
        } else if fd.toks.get(j).is_some_and(|t| t.word && !t.cap) {
            j += 1; // "à la presse"
        } else {
            while j < k1 && fd.toks[j].word && fd.toks[j].cap {
                j += 1;
            }
        }
        if j > k + 1 && j < k1 {
            return np(fd, j, k1, res);
        }
    }
    if k >= k1 {
        return (Ref::Nothing, None);
    }
    let t = &fd.toks[k];
    let pos = Some(t.start);
    if let Some(&g) = res.pronouns.get(&t.lower) {
        return (Ref::Pron(g), pos);
    }
    if let Some(m) = fd.mention_starting(t.start) {
        return (Ref::Ent(m.2), pos);
    }
    // "one commuter", "plusieurs habitants": someone the text does not name.
    if res.indefinites.contains(&t.lower) {
        if let Some(n) = fd
            .toks
            .get(k + 1)
            .filter(|n| n.word && !n.cap && k + 1 < k1)
        {
            return (
                Ref::Role {
                    definite: false,
                    gender: Gender::Unknown,
                    word: n.lower.clone(),
                },
                pos,
            );
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
            .filter(|m| fd.speakable.get(m.2).copied().unwrap_or(false))
        {
            return (Ref::Ent(m.2), pos);
        }
    }
    // An organisation described by a common noun: "le ministère de l'Intérieur" (a name the
    // model missed), "the agency" (one named before).
    if j < k1 && (art.is_some() || fd.toks[j].cap) && res.org_nouns.contains(&fd.toks[j].lower) {
        if let Some(e) = org_complement(fd, j, k1, res) {
            return (Ref::OrgName(fd.toks[j].start, e), pos);
        }
        // Alone: not "the company's chief", "the agency spokesman".
        let alone = j + 1 >= k1
            || fd
                .toks
                .get(j + 1)
                .is_none_or(|n| !n.word || res.preps.contains(&n.lower));
        if alone && art.as_ref().is_some_and(|(_, a)| is_definite(a)) {
            return (Ref::OrgDesc(fd.toks[j].lower.clone()), pos);
        }
    }
    // Role, possibly after a couple of adjectives: "le juge", "the 35-year-old actor".
    let mut role = None;
    for r in j..(j + 3).min(k1) {
        let w = &fd.toks[r].lower;
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
    if let Some((r, g, word)) = role {
        // The full stop of an abbreviated title ("Dr. Anthony Fauci") ends nothing.
        let mut after = r + 1;
        if fd.toks.get(after).is_some_and(|t| {
            t.lower == "."
                && t.start == fd.toks[r].end
                && ABBREV.contains(&fd.toks[r].lower.as_str())
        }) {
            after += 1;
        }
        // A named person in the phrase: "la Haute-Commissaire de l'ONU ... Michele Bachelet".
        let mut person = None;
        for x in after..k1.min(r + 16) {
            if fd.toks[x].lower == "," || fd.toks[x].lower == "." {
                // An apposition: "le ministre de l'Intérieur, Jean Dupont" (a title between).
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
                if let Some(m) =
                    next.filter(|m| fd.toks[x].lower == "," && fd_entity_is_person(fd, m.2))
                {
                    person = Some(m.2);
                }
                break;
            }
            if let Some(m) = fd.mention_starting(fd.toks[x].start) {
                if fd_entity_is_person(fd, m.2) {
                    person = Some(m.2);
                    break;
                }
            }
        }
        if let Some(p) = person {
            return (Ref::Ent(p), pos);
        }
        if art.is_none() {
            if let Some((s, e)) = cap_run(fd, after, k1, res) {
                return (Ref::Name(s, e), Some(s));
            }
        }
        let definite = art.as_ref().is_none_or(|(_, a)| is_definite(a));
        let gender = art.map_or(Gender::Unknown, |(g, _)| g).or(g);
        return (
            Ref::Role {
                definite,
                gender,
                word,
            },
            pos,
        );
    }
    if art.is_none() {
        if let Some((s, e)) = cap_run(fd, k, k1, res) {
            return (Ref::Name(s, e), Some(s));
        }
        // An occupation the lists do not know: "said meteorologist Dustin Guy".
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
                .filter(|m| fd_entity_is_person(fd, m.2))
            {
                return (Ref::Ent(m.2), Some(m.0));
            }
        }
    }
    (Ref::Nothing, None)
}

fn is_definite(article: &str) -> bool {
    matches!(article, "le" | "la" | "l'" | "les" | "the")
}

/// End (byte) of an organisation name made of the noun at token `j` and a capitalised
/// complement: "ministère de l'Intérieur", "Ministry of Health", "agence de l'eau" is not one.
fn org_complement(fd: &Field<'_>, j: usize, k1: usize, res: &Resources) -> Option<usize> {
    let mut x = j + 1;
    if !fd
        .toks
        .get(x)
        .is_some_and(|t| matches!(t.lower.as_str(), "de" | "du" | "des" | "d'" | "of" | "for"))
    {
        return None;
    }
    x += 1;
    if fd
        .toks
        .get(x)
        .is_some_and(|t| res.articles.contains_key(&t.lower))
    {
        x += 1;
    }
    let mut end = None;
    while x < k1 && x < j + 10 {
        let t = &fd.toks[x];
        if let Some(m) = fd.mention_starting(t.start) {
            end = Some(m.1);
            x = fd.tok_at(m.1);
            continue;
        }
        if t.word && t.cap {
            end = Some(t.end);
            x += 1;
        } else if t.word
            && res.particles.contains(&t.lower)
            && fd.toks.get(x + 1).is_some_and(|n| n.cap)
        {
            x += 1;
        } else {
            break;
        }
    }
    end
}

fn fd_entity_is_person(fd: &Field<'_>, i: usize) -> bool {
    fd.persons.get(i).copied().unwrap_or(false)
}

/// A run of capitalised words (with name particles) starting at token `k`: a name the NER missed.
fn cap_run(fd: &Field<'_>, k: usize, k1: usize, res: &Resources) -> Option<(usize, usize)> {
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
    {
        return None;
    }
    let mut e = k;
    while e + 1 < k1 && e - k < 4 {
        let n = &fd.toks[e + 1];
        if n.word
            && (n.cap
                || (res.particles.contains(&n.lower) && fd.toks.get(e + 2).is_some_and(|x| x.cap)))
            && res.cues_starting(&n.lower).next().is_none()
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
    Some((t.start, fd.toks[e].end))
}

/// The subject right before a cue (skipping adverbs): a name, a pronoun or a role.
fn subject_before(fd: &Field<'_>, b0: usize, k: usize, res: &Resources) -> (Ref, Option<usize>) {
    let mut j = k;
    while j > b0 && fd.toks[j - 1].word && res.skip.contains(&fd.toks[j - 1].lower) {
        j -= 1;
    }
    if j == b0 {
        return (Ref::Nothing, None);
    }
    let t = &fd.toks[j - 1];
    if let Some(m) = fd.mention_ending(t.end) {
        return (Ref::Ent(m.2), Some(m.0));
    }
    if t.lower == "," {
        // "Le président du club, Henri Vasseur, a ajouté" / "X, president of Y, said": the
        // person of the phrase, else its head.
        let (lo, hi) = (fd.toks[b0].start, t.start);
        if let Some(m) = fd
            .mentions
            .iter()
            .rev()
            .find(|m| m.0 >= lo && m.1 <= hi && fd_entity_is_person(fd, m.2))
        {
            return (Ref::Ent(m.2), Some(m.0));
        }
        return np(fd, b0, j - 1, res);
    }
    if let Some(&g) = res.pronouns.get(&t.lower) {
        return (Ref::Pron(g), Some(t.start));
    }
    // Back to the start of the noun phrase: "le porte-parole", "Jean Dupont".
    let mut s = j - 1;
    while s > b0
        && fd.toks[s - 1].word
        && (fd.toks[s - 1].cap || res.particles.contains(&fd.toks[s - 1].lower))
        && t.cap
    {
        s -= 1;
    }
    if s > b0 && res.articles.contains_key(&fd.toks[s - 1].lower) {
        s -= 1;
    } else if !t.cap {
        // A common-noun phrase: back to its article over a few lower-case words ("a police
        // spokesman", "une porte-parole de la préfecture"), so that np sees it indefinite.
        let mut a = s;
        while a > b0 && s - a < 4 && fd.toks[a - 1].word && !fd.toks[a - 1].cap {
            a -= 1;
            if res.articles.contains_key(&fd.toks[a].lower)
                || res.indefinites.contains(&fd.toks[a].lower)
            {
                s = a;
                break;
            }
        }
    }
    np(fd, s, j, res)
}

/// Antecedent candidates of a field: persons named outside quotes (not as a possessive or the
/// first of a coordination) and role phrases in subject position ("une porte-parole").
fn candidates(fd: &Field<'_>, ctx: &Ctx<'_>) -> Vec<(usize, Cand)> {
    let res = ctx.res;
    let mut v: Vec<(usize, Cand)> = Vec::new();
    for &(s, e, i) in &fd.mentions {
        if ctx.entities[i].entity_type != EntityType::Person || fd.in_quote(s) {
            continue;
        }
        let k = fd.tok_at(e);
        let next = fd.toks.get(k).map(|t| t.lower.as_str());
        if matches!(next, Some("'s") | Some("’s"))
            || next.is_some_and(|n| res.and_words.contains(n))
        {
            continue;
        }
        v.push((s, Cand::Person(i)));
    }
    for k in 1..fd.toks.len() {
        let (a, r) = (&fd.toks[k - 1], &fd.toks[k]);
        let Some(&ag) = res.articles.get(&a.lower) else {
            continue;
        };
        let Some(rg) = res.role(&r.lower) else {
            continue;
        };
        if fd.in_quote(a.start)
            || (k >= 2 && res.preps.contains(&fd.toks[k - 2].lower))
            || fd
                .mention_starting(fd.toks.get(k + 1).map_or(usize::MAX, |t| t.start))
                .is_some()
        {
            continue;
        }
        let definite = matches!(a.lower.as_str(), "le" | "la" | "l'" | "les" | "the");
        v.push((
            a.start,
            Cand::Role {
                definite,
                gender: ag.or(rg),
                word: r.lower.clone(),
            },
        ));
    }
    v.sort_by_key(|c| c.0);
    v
}

impl Ctx<'_> {
    fn compute_genders(&mut self, fd: &mut Field<'_>) {
        let res = self.res;
        self.gender = self
            .entities
            .iter()
            .map(|e| {
                let first = e
                    .name
                    .split_whitespace()
                    .next()
                    .map(super::resources::lower)
                    .unwrap_or_default();
                res.first_names
                    .get(&first)
                    .copied()
                    .unwrap_or(Gender::Unknown)
            })
            .collect();
        fd.persons = self
            .entities
            .iter()
            .map(|e| e.entity_type == EntityType::Person)
            .collect();
        fd.speakable = self
            .entities
            .iter()
            .map(|e| matches!(e.entity_type, EntityType::Person | EntityType::Organization))
            .collect();
        // Roles written next to a name: "la Haute-Commissaire … X", "Mayor X", "X, the director".
        for &(s, e, i) in &fd.mentions {
            if self.entities[i].entity_type != EntityType::Person {
                continue;
            }
            let k = fd.tok_at(s);
            let mut roles = Vec::new();
            for t in fd.toks[k.saturating_sub(8)..k].iter().rev() {
                if t.lower == "." || t.lower == ";" || fd.mention_ending(t.end).is_some() {
                    break;
                }
                if let Some(g) = res.role(&t.lower) {
                    roles.push((t.lower.clone(), g));
                }
            }
            let ke = fd.tok_at(e);
            if fd.toks.get(ke).is_some_and(|t| t.lower == ",") {
                for t in fd.toks.iter().skip(ke + 1).take(6) {
                    if t.lower == "," || t.lower == "." {
                        break;
                    }
                    if let Some(g) = res.role(&t.lower) {
                        roles.push((t.lower.clone(), g));
                        break;
                    }
                }
            }
            for (w, g) in roles {
                if self.gender[i] == Gender::Unknown {
                    self.gender[i] = g;
                }
                self.attached.entry(i).or_default().push(w);
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn resolve(
        &mut self,
        fd: &mut Field<'_>,
        field: &str,
        offs: &CharOffsets,
        r: Ref,
        pos: Option<usize>,
        cands: &[(usize, Cand)],
        roles: &HashMap<usize, Option<usize>>,
    ) -> Option<usize> {
        let pos = pos.unwrap_or(0);
        match r {
            Ref::Ent(i) => Some(i),
            Ref::Name(s, e) => Some(self.name_entity(fd, field, offs, s, e)),
            Ref::Pron(g) => self.antecedent(fd, pos, g, cands, roles),
            Ref::Role {
                definite: false, ..
            }
            | Ref::Nothing => None,
            Ref::Role { gender, word, .. } => self.role_antecedent(fd, pos, gender, &word, cands),
            Ref::OrgName(s, e) => Some(self.name_entity(fd, field, offs, s, e)),
            Ref::OrgDesc(word) => {
                // The same noun written before with its complement: "le ministère des Armées …
                // a précisé le ministère" (the model may have kept only "Armées").
                let para = fd.para(pos);
                let k = fd.tok_at(pos);
                let earlier = (0..k)
                    .rev()
                    .take_while(|&x| para - fd.para(fd.toks[x].start).min(para) <= 2)
                    .filter(|&x| fd.toks[x].lower == word && !fd.in_quote(fd.toks[x].start))
                    .find_map(|x| org_complement(fd, x, k, self.res).map(|e| (x, e)));
                match earlier {
                    Some((x, e)) => match fd.mention_starting(fd.toks[x].start) {
                        Some(m) => Some(m.2),
                        None => Some(self.name_entity(fd, field, offs, fd.toks[x].start, e)),
                    },
                    None => self.org_antecedent(fd, pos, &word),
                }
            }
        }
    }

    /// The entity of a name found only in an attribution: an existing person whose name ends
    /// with it, or a new person.
    fn name_entity(
        &mut self,
        fd: &mut Field<'_>,
        field: &str,
        offs: &CharOffsets,
        s: usize,
        e: usize,
    ) -> usize {
        let name = &fd.text[s..e];
        let k = key(name);
        // "Ministry of Health", "ministère de l'Intérieur": an organisation, not a person.
        let ty = match super::tokens::tokenize(name, &self.res.lang).first() {
            Some(t) if self.res.org_nouns.contains(&t.lower) => EntityType::Organization,
            _ => EntityType::Person,
        };
        let found = self.entities.iter().position(|x| {
            x.entity_type == ty
                && (key(&x.name) == k
                    || key(&x.name).ends_with(&format!(" {k}"))
                    || x.mentions.iter().any(|m| key(&m.text) == k))
        });
        if let Some(i) = found {
            return i;
        }
        let id = format!("{}:{}", ty.as_str(), super::text::slug(name));
        self.entities.push(Entity {
            id,
            name: name.to_string(),
            entity_type: ty,
            label: None,
            mentions: vec![Mention {
                field: field.to_string(),
                start: offs.char_of(s),
                end: offs.char_of(e),
                text: name.to_string(),
            }],
            kb_id: None,
        });
        let i = self.entities.len() - 1;
        let first = name
            .split_whitespace()
            .next()
            .map(super::resources::lower)
            .unwrap_or_default();
        self.gender.push(
            self.res
                .first_names
                .get(&first)
                .copied()
                .unwrap_or(Gender::Unknown),
        );
        fd.persons.push(ty == EntityType::Person);
        fd.speakable.push(true);
        fd.mentions.push((s, e, i));
        fd.mentions.sort_unstable();
        i
    }

    /// The most recent compatible referent before `pos` in this or the two paragraphs before;
    /// `None` when it is an unnamed person ("une porte-parole … a-t-elle ajouté").
    fn antecedent(
        &self,
        fd: &Field<'_>,
        pos: usize,
        g: Gender,
        cands: &[(usize, Cand)],
        roles: &HashMap<usize, Option<usize>>,
    ) -> Option<usize> {
        let para = fd.para(pos);
        for (p, c) in cands.iter().rev().filter(|c| c.0 < pos) {
            if para - fd.para(*p).min(para) > 2 {
                return None;
            }
            match c {
                Cand::Person(i) => {
                    if self.gender[*i].agrees(g) {
                        return Some(*i);
                    }
                }
                Cand::Role {
                    definite,
                    gender,
                    word,
                } => {
                    if !gender.agrees(g) {
                        continue;
                    }
                    if let Some(r) = roles.get(p) {
                        return *r;
                    }
                    return if *definite {
                        self.role_antecedent(fd, *p, *gender, word, cands)
                    } else {
                        None
                    };
                }
            }
        }
        None
    }

    /// The organisation a definite description stands for ("the agency said"): the most recent
    /// one named outside quotes in this or the two paragraphs before whose name holds the noun,
    /// else the most recent one opening its sentence or clause (the actor of the story).
    fn org_antecedent(&self, fd: &Field<'_>, pos: usize, word: &str) -> Option<usize> {
        let para = fd.para(pos);
        let orgs: Vec<(usize, usize)> = fd
            .mentions
            .iter()
            .rev()
            .filter(|m| m.1 <= pos && !fd.in_quote(m.0))
            .take_while(|m| para - fd.para(m.0).min(para) <= 2)
            .filter(|m| self.entities[m.2].entity_type == EntityType::Organization)
            .map(|m| (m.0, m.2))
            .collect();
        let w = key(word);
        orgs.iter()
            .find(|(_, i)| key(&self.entities[*i].name).split(' ').any(|x| x == w))
            .or_else(|| orgs.iter().find(|(p, _)| subject_like(fd, *p, self.res)))
            .map(|&(_, i)| i)
    }

    /// The person a definite role stands for: one the role was written next to, else the most
    /// recent compatible person of this paragraph or the one before.
    fn role_antecedent(
        &self,
        fd: &Field<'_>,
        pos: usize,
        g: Gender,
        word: &str,
        cands: &[(usize, Cand)],
    ) -> Option<usize> {
        let persons = cands
            .iter()
            .rev()
            .filter(|c| c.0 < pos)
            .filter_map(|c| match c.1 {
                Cand::Person(i) => Some((c.0, i)),
                _ => None,
            });
        if let Some((_, i)) = persons.clone().find(|(_, i)| {
            self.attached
                .get(i)
                .is_some_and(|w| w.iter().any(|w| w == word))
        }) {
            return Some(i);
        }
        // The most recent compatible person of this paragraph or the one before, a subject
        // (opening its sentence or clause) rather than an object if there is one.
        let para = fd.para(pos);
        let near: Vec<(usize, usize)> = persons
            .take_while(|(p, _)| para - fd.para(*p).min(para) <= 1)
            .filter(|(_, i)| self.gender[*i].agrees(g))
            .collect();
        near.iter()
            .find(|(p, _)| subject_like(fd, *p, self.res))
            .or(near.first())
            .map(|&(_, i)| i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::enrich::entities::canonicalize;
    use crate::enrich::ner::EntSpan;
    use crate::enrich::TextField;

    /// Quotes and speakers of `text`, with the given (surface, label) NER spans (every occurrence).
    fn attribute(lang: &str, text: &str, spans: &[(&str, &str)]) -> Vec<(String, Option<String>)> {
        let res = Resources::for_lang(lang).unwrap();
        let doc = Document {
            fields: vec![TextField { name: "body", text }],
            lang: Some(lang),
        };
        let mut sp = Vec::new();
        for (s, l) in spans {
            for (i, _) in text.match_indices(s) {
                sp.push((
                    0,
                    EntSpan {
                        start: i,
                        end: i + s.len(),
                        label: l.to_string(),
                    },
                ));
            }
        }
        let mut ents = canonicalize(&doc, lang, &sp, &res);
        let qs = extract(&doc, &res, &mut ents);
        let chars: Vec<char> = text.chars().collect();
        for q in &qs {
            assert_eq!(chars[q.start..q.end].iter().collect::<String>(), q.text);
        }
        qs.into_iter()
            .map(|q| (q.text, q.speaker.map(|s| s.name)))
            .collect()
    }

    fn one(lang: &str, text: &str, spans: &[(&str, &str)]) -> Vec<Option<String>> {
        attribute(lang, text, spans)
            .into_iter()
            .map(|q| q.1)
            .collect()
    }

    fn some(s: &str) -> Option<String> {
        Some(s.to_string())
    }

    #[test]
    fn french_patterns() {
        let per = |n: &'static str| (n, "PER");
        // quote, cue, speaker
        assert_eq!(
            one(
                "fr",
                "« Nous allons reconstruire l'école du village », a déclaré Marie Lefèvre.",
                &[per("Marie Lefèvre")]
            ),
            [some("Marie Lefèvre")]
        );
        // speaker, cue, quote
        assert_eq!(
            one(
                "fr",
                "Le maire Paul Girard a déclaré : « Les travaux commenceront en mars prochain. »",
                &[per("Paul Girard")]
            ),
            [some("Paul Girard")]
        );
        // inverted pronoun
        assert_eq!(
            one("fr", "Paul Girard a visité le chantier mardi.\n\n« Il faudra du temps pour convaincre les habitants », a-t-il ajouté.", &[per("Paul Girard")]),
            [some("Paul Girard")]
        );
        // selon X
        assert_eq!(
            one(
                "fr",
                "Selon Claire Martin, la saison sera « la meilleure depuis dix ans ».",
                &[per("Claire Martin")]
            ),
            [some("Claire Martin")]
        );
        // unnamed speaker, then a pronoun standing for her
        assert_eq!(
            one("fr", "Jean Morel est arrivé lundi. « Aucune victime n'est à déplorer pour l'instant », a indiqué une porte-parole de la préfecture. « Les secours restent mobilisés toute la nuit », a-t-elle ajouté.", &[per("Jean Morel")]),
            [None, None]
        );
        // a role never named
        assert_eq!(
            one(
                "fr",
                "« Le dossier sera examiné en appel dès la rentrée », a estimé le juge.",
                &[]
            ),
            [None]
        );
        // a role named before, title next to the name
        assert_eq!(
            one("fr", "La ministre de la Culture, Sophie Arnaud, visitait le musée. « Ce lieu doit rester ouvert à tous », a affirmé la ministre.", &[per("Sophie Arnaud")]),
            [some("Sophie Arnaud")]
        );
        // continued into the next paragraph, inherited by the next quote of the paragraph
        let q = attribute("fr", "« Première partie du discours sans fermeture\n« Et voici la suite du même discours », a conclu Jean Morel. « Une phrase de plus pour finir. »", &[per("Jean Morel")]);
        assert_eq!(q.len(), 3);
        assert!(q.iter().all(|x| x.1 == some("Jean Morel")), "{q:?}");
        // apposition after the role, inverted present with pronoun, attribution ending the paragraph before
        assert_eq!(
            one("fr", "« Nous ne céderons pas sur ce point », poursuit le ministre de l'Économie, Marc Delorme.", &[per("Marc Delorme")]),
            [some("Marc Delorme")]
        );
        assert_eq!(
            one("fr", "Lucie Bernard dirige la chorale.\n« On répète chaque jeudi soir depuis dix ans », explique-t-elle.", &[per("Lucie Bernard")]),
            [some("Lucie Bernard")]
        );
        assert_eq!(
            one("fr", "Le président du club, Henri Vasseur, a ajouté :\n« Nous visons la montée dès cette saison. »", &[per("Henri Vasseur")]),
            [some("Henri Vasseur")]
        );
        assert_eq!(
            one("fr", "« La grève continuera jusqu'à vendredi », a confirmé à l'AFP Nadia Haddad, déléguée syndicale.", &[per("Nadia Haddad"), ("AFP", "ORG")]),
            [some("Nadia Haddad")]
        );
        assert_eq!(
            one(
                "fr",
                "Bruno Keller : « Je ne serai pas candidat aux élections »",
                &[per("Bruno Keller")]
            ),
            [some("Bruno Keller")]
        );
        assert_eq!(
            one("fr", "Luc Marchand est rentré.\n\nLa maire, Odile Fabre, se montre « très inquiète pour les commerces du centre ».", &[per("Luc Marchand"), per("Odile Fabre")]),
            [some("Odile Fabre")]
        );
        assert_eq!(
            one(
                "fr",
                "Pour Alain Rivière, « cette réforme arrive beaucoup trop tard ».",
                &[per("Alain Rivière")]
            ),
            [some("Alain Rivière")]
        );
        // titles of works and scare quotes are not quotes
        assert!(attribute("fr", "Elle a relu le roman « Le Temps des cerises » hier, puis parlé d'une « petite erreur technique » au dîner.", &[]).is_empty());
    }

    #[test]
    fn english_patterns() {
        let per = |n: &'static str| (n, "PERSON");
        assert_eq!(
            one(
                "en",
                "\"We will rebuild the bridge by spring,\" said Mayor Linda Carter.",
                &[per("Linda Carter")]
            ),
            [some("Linda Carter")]
        );
        assert_eq!(
            one(
                "en",
                "“The results speak for themselves,” Tom Becker told reporters.",
                &[per("Tom Becker")]
            ),
            [some("Tom Becker")]
        );
        assert_eq!(
            one("en", "Tom Becker runs the plant. Becker said the company “will not cut a single job this year.”", &[per("Tom Becker"), ("Becker", "ORG")]),
            [some("Tom Becker")]
        );
        assert_eq!(
            one(
                "en",
                "According to Helen Ross, the budget is \"balanced for the first time.\"",
                &[per("Helen Ross")]
            ),
            [some("Helen Ross")]
        );
        assert_eq!(
            one("en", "\"We are still counting the damage,\" a spokeswoman for the utility said. \"Crews are on site tonight,\" she added.", &[]),
            [None, None]
        );
        assert_eq!(
            one("en", "Officer Dan Price arrived first.\n\n\"Nobody expected the river to rise this fast,\" he said.", &[per("Dan Price")]),
            [some("Dan Price")]
        );
        assert_eq!(
            one(
                "en",
                "\"The new rules take effect on Monday,\" the Ministry of Health said.",
                &[("Ministry of Health", "ORG")]
            ),
            [some("Ministry of Health")]
        );
        // a name the model missed, in the attribution
        assert_eq!(
            one(
                "en",
                "“Prices will fall by autumn,” Nadia Okafor, the bank's chief economist, said.",
                &[]
            ),
            [some("Nadia Okafor")]
        );
        assert_eq!(
            one(
                "en",
                "‘We don’t give up on anyone,’ said coach Ellen Ward. ‘Not ever.’",
                &[per("Ellen Ward")]
            ),
            [some("Ellen Ward")]
        );
        assert_eq!(
            one("en", "Grace Lin said the plan had failed twice.\n\n\"It is a tough call for everyone involved.\"", &[per("Grace Lin")]),
            [some("Grace Lin")]
        );
        assert_eq!(
            one("en", "Utility spokeswoman Rita Moss said \"power is back for most homes tonight.\" \"It sounded like a train,\" said farmer Joe Kent. Her neighbor, who declined to give his name, said the barn was \"completely gone after the storm.\"", &[per("Rita Moss"), per("Joe Kent")]),
            [some("Rita Moss"), some("Joe Kent"), None]
        );
        assert_eq!(
            one("en", "Tom Reed runs the lab.\n\n\"They are late to the party,\" a former lab engineer told the paper.", &[per("Tom Reed")]),
            [None]
        );
        assert_eq!(
            one("en", "Chief executive Ann Wells said the company was “just getting started” with robots.", &[per("Ann Wells")]),
            [some("Ann Wells")]
        );
        assert!(attribute("en", "She starred in “The Long Road Home” last year and in the film \"Night of the Long Knives\".", &[]).is_empty());
    }

    fn texts(t: &str) -> Vec<String> {
        scan(t)
            .iter()
            .map(|q| t[q.start..q.end].trim().to_string())
            .collect()
    }

    #[test]
    fn scans_marks() {
        assert_eq!(
            texts("Il a dit : « Nous partons demain ». Fin."),
            ["Nous partons demain"]
        );
        assert_eq!(
            texts("He said “we leave today” and „wir gehen“ and \"plain words\"."),
            ["we leave today", "wir gehen", "plain words"]
        );
        assert_eq!(
            texts("« Le mot “clé” reste », dit-il."),
            ["Le mot “clé” reste"]
        );
        assert_eq!(
            texts("\"She called it 'odd' once,\" he said."),
            ["She called it 'odd' once,"]
        );
        assert_eq!(
            texts("“Ends with a straight mark.\" Then"),
            ["Ends with a straight mark."]
        );
        let t = "« Premier paragraphe sans fin\n« Suite du propos », a-t-il dit.";
        let q = scan(t);
        assert_eq!(q.len(), 2);
        assert!(!q[0].closed && q[0].continued);
        assert!(q[1].closed);
    }

    #[test]
    fn unbalanced_marks_do_not_run_away() {
        let t = "Un « début sans fin\nUne autre ligne » ici \" et là « « « ";
        let q = scan(t);
        assert!(q.iter().all(|q| q.start <= q.end && q.end <= t.len()));
        assert!(q.iter().all(|q| !t[q.start..q.end].contains('\n')));
        let long = "«".repeat(10_000) + &"\"".repeat(10_000) + &"»".repeat(10_000);
        let _ = scan(&long);
    }
}
