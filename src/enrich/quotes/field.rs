//! The view of one field every quote room reads: its tokens, paragraphs, entity mentions and
//! quoted ranges, all in bytes of the field.

use super::scan::RawQuote;
use crate::enrich::analysis::FieldAnalysis;
use crate::enrich::syntax;
use crate::enrich::text::CharOffsets;
use crate::enrich::tokens::Tok;
use crate::enrich::types::Entity;

/// A byte range of the field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct Span {
    /// First byte.
    pub start: usize,
    /// Byte just past the range.
    pub end: usize,
}

/// One mention of an entity in the field, in bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct MentionAt {
    /// First byte of the mention.
    pub start: usize,
    /// Byte just past the mention.
    pub end: usize,
    /// Index of the entity (the article's, then those found by attribution).
    pub entity: usize,
}

/// Everything known about one field while attributing its quotes.
pub(super) struct Field<'a> {
    /// Name of the field (`title`, `body`, ...).
    pub name: &'a str,
    /// The field's text.
    pub text: &'a str,
    /// Byte → code point offsets of the text (for the output spans).
    pub offs: &'a CharOffsets,
    /// The rule tokens of the text.
    pub toks: &'a [Tok],
    /// Byte offset of each non-empty line start, for paragraph numbers.
    lines: Vec<usize>,
    /// Entity mentions, sorted; mentions do not overlap.
    pub mentions: Vec<MentionAt>,
    /// All quoted ranges (also the short ones), from opening mark to past the closing one.
    quoted: Vec<Span>,
    /// The incises inside quotes (« …, a dit X, … »): narration, not the quoted words.
    pub incises: Vec<Span>,
    /// Entity index → is a person.
    pub persons: Vec<bool>,
    /// Entity index → is a person or an organisation.
    pub speakable: Vec<bool>,
    /// The dependency parse of the field (offsets in bytes of `text`), when `nlp.syntax` is on.
    pub parse: Option<&'a syntax::Analysis>,
}

impl<'a> Field<'a> {
    /// The view of field `f` whose quotation marks are `raws`; mentions of `entities`.
    pub fn new(
        f: &'a FieldAnalysis<'a>,
        raws: &[RawQuote],
        entities: &[&Entity],
        parse: Option<&'a syntax::Analysis>,
    ) -> Self {
        let (name, text, offs) = (f.name, f.text, &f.offs);
        let mut mentions = Vec::new();
        for (i, e) in entities.iter().enumerate() {
            for m in e.mentions.iter().filter(|m| m.field == name) {
                mentions.push(MentionAt {
                    start: offs.byte_of(m.start),
                    end: offs.byte_of(m.end),
                    entity: i,
                });
            }
        }
        mentions.sort_unstable();
        Field {
            name,
            text,
            offs,
            toks: &f.toks,
            lines: line_starts(text),
            mentions,
            quoted: raws
                .iter()
                .map(|q| Span {
                    start: q.open,
                    end: q.close_end,
                })
                .collect(),
            incises: Vec::new(),
            persons: Vec::new(),
            speakable: Vec::new(),
            parse: parse.filter(|p| !p.is_empty()),
        }
    }

    /// Paragraph number of byte `b`.
    pub fn para(&self, b: usize) -> usize {
        self.lines.partition_point(|&s| s <= b)
    }

    /// How many paragraphs back paragraph `from` is from paragraph `to`, where a paragraph of
    /// quoted words between them (at least half its letters inside quotation marks) does not
    /// count: it adds what was said, not who is around.
    pub fn narrative_distance(&self, from: usize, to: usize) -> usize {
        if from >= to {
            return 0;
        }
        1 + (from + 1..to).filter(|&p| !self.mostly_quoted(p)).count()
    }

    /// Whether at least half the letters of paragraph `p` (numbered as `para` does) are inside
    /// quotation marks.
    fn mostly_quoted(&self, p: usize) -> bool {
        let Some(&start) = p.checked_sub(1).and_then(|i| self.lines.get(i)) else {
            return false;
        };
        let end = self.lines.get(p).copied().unwrap_or(self.text.len());
        let letters = |a: usize, b: usize| {
            self.text[a..b]
                .chars()
                .filter(|c| c.is_alphanumeric())
                .count()
        };
        let quoted: usize = self
            .quoted
            .iter()
            .filter(|q| q.start < end && start < q.end)
            .map(|q| letters(q.start.max(start), q.end.min(end)))
            .sum();
        2 * quoted >= letters(start, end).max(1)
    }

    /// Index of the first token starting at or after byte `b`.
    pub fn tok_at(&self, b: usize) -> usize {
        self.toks.partition_point(|t| t.start < b)
    }

    /// The mention starting at byte `b`.
    pub fn mention_starting(&self, b: usize) -> Option<MentionAt> {
        let i = self.mentions.partition_point(|m| m.start < b);
        self.mentions.get(i).filter(|m| m.start == b).copied()
    }

    /// The mention ending at byte `b`.
    pub fn mention_ending(&self, b: usize) -> Option<MentionAt> {
        // Mentions do not overlap: the one ending at `b` starts before it, closest.
        let i = self.mentions.partition_point(|m| m.start < b);
        self.mentions[..i]
            .iter()
            .rev()
            .take(4)
            .find(|m| m.end == b)
            .copied()
    }

    /// The mention covering bytes `b0..b1`.
    pub fn mention_over(&self, b0: usize, b1: usize) -> Option<MentionAt> {
        let i = self.mentions.partition_point(|m| m.start <= b0);
        self.mentions[..i]
            .iter()
            .rev()
            .take(4)
            .find(|m| m.start <= b0 && b1 <= m.end)
            .copied()
    }

    /// Whether byte `b` lies in a quoted range (marks included).
    pub fn in_quote(&self, b: usize) -> bool {
        // `quoted` is sorted by start and its spans do not overlap.
        let i = self.quoted.partition_point(|q| q.start <= b);
        i > 0 && b < self.quoted[i - 1].end
    }

    /// Whether tokens `from..to` open with a direct quotation: the direct quotes have it. A partial
    /// quotation further in is part of the reported clause ("X estime que le projet est « … »"), and
    /// so is one opening a clause after its cue that words go on after (« X estime que « … » pour
    /// deux ans encore »): the clause reports more than the quotation.
    pub fn quoted_clause(&self, from: usize, to: usize, after_cue: bool) -> bool {
        if from >= to || !self.in_quote(self.toks[from].start) {
            return from >= to;
        }
        let Some(close) = (from..to).find(|&k| !self.in_quote(self.toks[k].start)) else {
            return true;
        };
        // Not a quotation closing on a comma: what follows is the next clause ("that “…,” he
        // wrote"). `close - 1` is the closing mark, part of the quoted range.
        let comma_in = close > from + 2 && self.toks[close - 2].lower == ",";
        let words_after = (close..to).filter(|&k| self.toks[k].word).count();
        let opens = self.quote_opens_at(self.toks[from].start);
        !after_cue || !opens || comma_in || !self.toks[close].word || words_after < 2
    }

    /// Whether byte `b` lies in quoted words: in a quoted range, not in an incise inside it.
    pub fn in_quoted_words(&self, b: usize) -> bool {
        self.in_quote(b) && !self.incises.iter().any(|s| s.start <= b && b < s.end)
    }

    /// Whether a quoted range opens at byte `b`.
    pub fn quote_opens_at(&self, b: usize) -> bool {
        self.quoted.binary_search_by_key(&b, |q| q.start).is_ok()
    }

    /// Whether a quoted range ends at byte `b`.
    pub fn quote_closes_at(&self, b: usize) -> bool {
        let i = self.quoted.partition_point(|q| q.start < b);
        i > 0 && self.quoted[i - 1].end == b
    }

    /// Whether entity `entity` is a person in this field's reading.
    pub fn is_person(&self, entity: usize) -> bool {
        self.persons.get(entity).copied().unwrap_or(false)
    }

    /// Whether entity `entity` may be a speaker (a person or an organisation, or a place the
    /// text makes speak).
    pub fn is_speakable(&self, entity: usize) -> bool {
        self.speakable.get(entity).copied().unwrap_or(false)
    }

    /// The byte range of the words of a quote (its content without surrounding spaces).
    pub fn words_of(&self, q: &RawQuote) -> Span {
        let seg = &self.text[q.start..q.end];
        let lead = seg.len() - seg.trim_start().len();
        let start = q.start + lead;
        Span {
            start,
            end: start + seg.trim().len(),
        }
    }

    /// Add a mention found while attributing (keeps the list sorted).
    pub fn add_mention(&mut self, m: MentionAt) {
        self.mentions.push(m);
        self.mentions.sort_unstable();
    }
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
