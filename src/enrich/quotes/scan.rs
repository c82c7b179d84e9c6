//! Quote spans: the text between quotation marks (« », “ ”, „ “, ‹ ›, straight "…"), paragraph
//! by paragraph, with nesting, French spacing, a quote continued into the next paragraph, and
//! unbalanced marks (a quote never runs past its paragraph). Linear in the text length.

/// A span between quotation marks, in bytes of its field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RawQuote {
    /// Byte offset of the opening mark.
    pub open: usize,
    /// Content start: just past the opening mark.
    pub start: usize,
    /// Content end: the closing mark or the paragraph end.
    pub end: usize,
    /// Byte offset just past the closing mark (`end` when unclosed).
    pub close_end: usize,
    /// The quote has its closing mark.
    pub closed: bool,
    /// Unclosed, and the next paragraph opens with a quotation mark: the quote goes on there.
    pub continued: bool,
}

/// Whether `c` may open a quotation.
pub(super) fn opens(c: char) -> bool {
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

#[cfg(test)]
mod tests {
    use super::*;

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
