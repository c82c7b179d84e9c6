//! Titles between quotation marks. A stretch between marks that an article opens ("la « Fête
//! des Lilas et du Printemps »", "the “Festival of Light” drew crowds") names a work or an
//! event when it opens on a capital: quoted speech follows a colon or a verb, and a partial
//! quote an article opens goes on in lower case ("le « nouveau ministre »"). A name the model found at
//! the edge of such a title ("Printemps", "Festival") is a word of the title, not a name of its
//! own.

use super::{Range, Span};

/// Quotation marks that open a title, with the mark that closes it.
const PAIRS: &[(char, char)] = &[('«', '»'), ('“', '”'), ('"', '"'), ('„', '“')];
/// Longest title looked at, in bytes.
const MAX_TITLE: usize = 100;
/// Most words of a title: a longer stretch is quoted prose.
const MAX_TITLE_WORDS: usize = 8;

/// A title between marks: the byte range of its words (marks and inner spaces excluded).
struct Title {
    start: usize,
    end: usize,
}

impl Span<'_> {
    /// Whether `r` lies inside a title an article opens, at its start or its end, and is not the
    /// whole title.
    pub(super) fn part_of_a_title(&self, r: Range) -> bool {
        let Some(q) = self.title_around(r) else {
            return false;
        };
        let whole = q.start == r.start && q.end == r.end;
        !whole && (q.start == r.start || q.end == r.end)
    }

    /// The title between marks around `r` that an article opens, if any.
    fn title_around(&self, r: Range) -> Option<Title> {
        let (t, res) = (self.text, self.res);
        let mut from = r.start.saturating_sub(MAX_TITLE);
        while !t.is_char_boundary(from) {
            from += 1;
        }
        let (open_at, open, close) = t[from..r.start].char_indices().rev().find_map(|(i, c)| {
            PAIRS
                .iter()
                .find(|(o, _)| *o == c)
                .map(|&(o, cl)| (from + i, o, cl))
        })?;
        let inner_start = open_at + open.len_utf8();
        // No line break nor closing mark between the opening mark and the span.
        if t[inner_start..r.start].contains(['\n', close]) {
            return None;
        }
        let mut to = (r.end + MAX_TITLE).min(t.len());
        while !t.is_char_boundary(to) {
            to -= 1;
        }
        let rest = &t[r.end..to];
        let close_at = r.end + rest.find(close)?;
        if t[r.end..close_at].contains('\n') {
            return None;
        }
        let inner = &t[inner_start..close_at];
        // A title opens on a capital; a partial quote an article opens does not ("le « nouveau
        // ministre » a prêté serment").
        let first = inner.trim_start().chars().next();
        if inner.split_whitespace().count() > MAX_TITLE_WORDS
            || !first.is_some_and(char::is_uppercase)
        {
            return None;
        }
        let before = t[..open_at].trim_end();
        let word = before
            .rsplit(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        let opened = res
            .articles
            .contains_key(&crate::enrich::profile::lower(word));
        let start = inner_start + (inner.len() - inner.trim_start().len());
        let end = close_at - (inner.len() - inner.trim_end().len());
        opened.then_some(Title { start, end })
    }
}
