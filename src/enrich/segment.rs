//! Long fields go through the models in segments of bounded size.
//!
//! The models' working memory grows with the number of tokens they see at once: the tok2vec
//! layers hold a few kilobytes per token, and the parser's and the NER's precomputed hidden
//! layers more (measured: a 95,000-token field took 1.2 GB and 20 s with the syntax on). A field
//! is therefore cut into runs of at most [`MAX_SEGMENT_TOKENS`] tokens, each run through the
//! models on its own, and the results joined. Cuts fall on a sentence start where there is one in
//! the second half of the window, so a sentence is split only when it is itself longer than half
//! a segment (a run of thousands of tokens without a sentence end: hostile input, not prose).
//!
//! A text of at most [`MAX_SEGMENT_TOKENS`] tokens is one segment: news articles (a long feature
//! is 3,000–6,000 tokens) are analysed whole, exactly as spaCy does, and the parity tests hold.
//! Beyond that, the only differences from a whole-text pass are at the cuts: the tok2vec sees
//! no context across a cut (its receptive field is four tokens each side), and no entity or
//! dependency arc crosses one.
//!
//! ```
//! use verbatim::enrich::segment::segments;
//! // 10 tokens, sentences starting at 0, 4 and 7, at most 5 tokens per segment.
//! let starts = [true, false, false, false, true, false, false, true, false, false];
//! assert_eq!(segments(&starts, 5), vec![0..4, 4..7, 7..10]);
//! ```

use std::ops::Range;

/// Most tokens the models see at once (about 25 KB of prose).
pub const MAX_SEGMENT_TOKENS: usize = 5_000;

/// Token ranges covering `0..starts.len()` in order, each at most `max` tokens long (`max` ≥ 1),
/// cut at the last sentence start (`starts[i]`) in the second half of each window, else at
/// `max` tokens.
pub fn segments(starts: &[bool], max: usize) -> Vec<Range<usize>> {
    let n = starts.len();
    let max = max.max(1);
    let mut out = Vec::with_capacity(n / max + 1);
    let mut lo = 0;
    while n - lo > max {
        let limit = lo + max;
        let cut = (lo + max / 2 + 1..=limit)
            .rev()
            .find(|&i| starts[i])
            .unwrap_or(limit);
        out.push(lo..cut);
        lo = cut;
    }
    if lo < n || n == 0 {
        out.push(lo..n);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_short_text_is_one_segment() {
        assert_eq!(segments(&[true, false, true], 5), vec![0..3]);
        assert_eq!(segments(&[], 5), vec![0..0]);
    }

    #[test]
    fn a_run_without_sentence_starts_is_cut_at_the_limit() {
        let mut starts = vec![false; 12];
        starts[0] = true;
        assert_eq!(segments(&starts, 5), vec![0..5, 5..10, 10..12]);
    }

    #[test]
    fn an_early_sentence_start_is_not_taken() {
        // A cut at 1 would leave a one-token segment: only the second half of the window counts.
        let starts = [true, true, false, false, false, false, false, false];
        assert_eq!(segments(&starts, 4), vec![0..4, 4..8]);
    }

    proptest! {
        #[test]
        fn segments_cover_in_order_within_the_limit(
            starts in proptest::collection::vec(any::<bool>(), 0..300),
            max in 1usize..40,
        ) {
            let segs = segments(&starts, max);
            let mut next = 0;
            for s in &segs {
                prop_assert_eq!(s.start, next);
                prop_assert!(s.len() <= max);
                prop_assert!(!s.is_empty() || starts.is_empty());
                next = s.end;
            }
            prop_assert_eq!(next, starts.len());
        }
    }
}
