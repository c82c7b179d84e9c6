//! The fallback spans of a supported language without a configured NER model: runs of
//! capitalised words (labelled `MISC` by the caller, since a capitalised word says nothing about
//! its type). Honest and cheap, not good.

/// Byte spans of runs of capitalised words, skipping a lone capitalised word that starts a sentence.
pub fn capitalised_runs(t: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut run: Option<(usize, usize, usize)> = None; // start, end, words
    let mut sentence_start = true;
    let mut run_at_sentence_start = false;
    for (i, w) in word_runs(t) {
        let first = w.chars().next().unwrap_or(' ');
        if first.is_alphabetic() {
            if first.is_uppercase() {
                match &mut run {
                    Some((_, e, n))
                        if t[*e..i].chars().all(|c| c == ' ' || c == '-') && i - *e <= 1 =>
                    {
                        *e = i + w.len();
                        *n += 1;
                    }
                    _ => {
                        flush(&mut out, run.take(), run_at_sentence_start);
                        run = Some((i, i + w.len(), 1));
                        run_at_sentence_start = sentence_start;
                    }
                }
            } else {
                flush(&mut out, run.take(), run_at_sentence_start);
            }
            sentence_start = false;
        } else if w.contains(['.', '!', '?', '\n', '«', '"', '“', ':']) {
            flush(&mut out, run.take(), run_at_sentence_start);
            sentence_start = true;
        }
    }
    flush(&mut out, run.take(), run_at_sentence_start);
    out
}

fn flush(out: &mut Vec<(usize, usize)>, run: Option<(usize, usize, usize)>, at_start: bool) {
    if let Some((s, e, n)) = run {
        if n >= 2 || !at_start {
            out.push((s, e));
        }
    }
}

/// Alternating runs of alphanumeric and other characters, with byte offsets.
fn word_runs(t: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut kind: Option<bool> = None;
    for (i, c) in t.char_indices() {
        let k = c.is_alphanumeric();
        if kind.is_some_and(|p| p != k) {
            out.push((start, &t[start..i]));
            start = i;
        }
        kind = Some(k);
    }
    if start < t.len() {
        out.push((start, &t[start..]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_capitalised_runs() {
        let t = "Marie Lefort a dit : « Nous sommes prêts ». Elle est à Dinan.";
        let runs: Vec<&str> = capitalised_runs(t).iter().map(|&(s, e)| &t[s..e]).collect();
        assert_eq!(runs, ["Marie Lefort", "Dinan"]);
    }
}
