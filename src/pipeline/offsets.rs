//! Per-partition offset watermarks: an offset becomes committable only when it and every offset
//! consumed before it on the same partition are acknowledged (output or dead letter delivered).
//! A generation per assignment makes late acknowledgements from a revoked assignment harmless.

use std::collections::{HashMap, VecDeque};

#[derive(Debug, Default)]
struct Partition {
    generation: u64,
    /// Offsets consumed and not yet passed by the watermark, in consumption order, with done flags.
    pending: VecDeque<(i64, bool)>,
    /// Next offset to consume after everything acknowledged so far (what a commit stores).
    watermark: Option<i64>,
    /// Last watermark handed out for commit.
    committed: Option<i64>,
}

/// Watermarks of the partitions assigned to this consumer.
#[derive(Debug, Default)]
pub struct OffsetTracker {
    parts: HashMap<i32, Partition>,
    next_generation: u64,
}

impl OffsetTracker {
    pub fn new() -> Self {
        Self::default()
    }

    /// A partition was (re)assigned: start a fresh generation for it.
    pub fn assign(&mut self, partition: i32) -> u64 {
        self.next_generation += 1;
        let g = self.next_generation;
        self.parts.insert(
            partition,
            Partition {
                generation: g,
                ..Default::default()
            },
        );
        g
    }

    /// A partition was revoked: forget it and return its final committable offset, if new.
    pub fn revoke(&mut self, partition: i32) -> Option<i64> {
        let p = self.parts.remove(&partition)?;
        match (p.watermark, p.committed) {
            (Some(w), Some(c)) if w <= c => None,
            (w, _) => w,
        }
    }

    /// Record a consumed offset; returns the generation to quote when acknowledging it.
    pub fn register(&mut self, partition: i32, offset: i64) -> u64 {
        if !self.parts.contains_key(&partition) {
            self.assign(partition);
        }
        let p = self.parts.get_mut(&partition).expect("just inserted");
        if p.pending.back().is_some_and(|(o, _)| *o >= offset) {
            // A rewind (seek or re-delivery after an error): restart tracking from here.
            p.pending.clear();
        }
        p.pending.push_back((offset, false));
        p.generation
    }

    /// Mark an offset acknowledged. Ignored when it belongs to an older assignment.
    pub fn ack(&mut self, partition: i32, offset: i64, generation: u64) {
        let Some(p) = self.parts.get_mut(&partition) else {
            return;
        };
        if p.generation != generation {
            return;
        }
        // Acks come nearly in order: search from the front.
        if let Some(slot) = p.pending.iter_mut().find(|(o, _)| *o == offset) {
            slot.1 = true;
        }
        while let Some(&(o, true)) = p.pending.front() {
            p.pending.pop_front();
            p.watermark = Some(o + 1);
        }
    }

    /// Offsets (next offset to read) that advanced since they were last taken for a commit.
    pub fn take_commits(&mut self) -> Vec<(i32, i64)> {
        let mut out = Vec::new();
        for (&part, p) in self.parts.iter_mut() {
            if let Some(w) = p.watermark {
                if p.committed.is_none_or(|c| w > c) {
                    p.committed = Some(w);
                    out.push((part, w));
                }
            }
        }
        out.sort_unstable();
        out
    }

    /// Put back offsets whose commit failed so that the next round retries them.
    pub fn commit_failed(&mut self, partition: i32, offset: i64) {
        if let Some(p) = self.parts.get_mut(&partition) {
            if p.committed == Some(offset) {
                p.committed = None;
            }
        }
    }

    /// Whether `generation` is the current assignment of `partition` (false once it moved away).
    pub fn is_current(&self, partition: i32, generation: u64) -> bool {
        self.parts
            .get(&partition)
            .is_some_and(|p| p.generation == generation)
    }

    /// Messages consumed and not yet acknowledged, over all partitions.
    pub fn pending(&self) -> usize {
        self.parts
            .values()
            .map(|p| p.pending.iter().filter(|(_, d)| !d).count())
            .sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn slow_message_holds_the_watermark() {
        let mut t = OffsetTracker::new();
        let g = t.assign(0);
        for o in 10..15 {
            assert_eq!(t.register(0, o), g);
        }
        t.ack(0, 11, g);
        t.ack(0, 12, g);
        assert!(
            t.take_commits().is_empty(),
            "10 is not done: nothing past it may commit"
        );
        t.ack(0, 10, g);
        assert_eq!(t.take_commits(), vec![(0, 13)]);
        assert!(t.take_commits().is_empty());
        t.ack(0, 14, g);
        assert!(t.take_commits().is_empty());
        t.ack(0, 13, g);
        assert_eq!(t.take_commits(), vec![(0, 15)]);
    }

    #[test]
    fn stale_generation_is_ignored() {
        let mut t = OffsetTracker::new();
        let g1 = t.assign(3);
        t.register(3, 0);
        assert_eq!(t.revoke(3), None);
        let g2 = t.assign(3);
        t.register(3, 0);
        t.ack(3, 0, g1);
        assert!(t.take_commits().is_empty());
        t.ack(3, 0, g2);
        assert_eq!(t.take_commits(), vec![(3, 1)]);
    }

    #[test]
    fn revoke_returns_uncommitted_watermark() {
        let mut t = OffsetTracker::new();
        let g = t.assign(1);
        t.register(1, 5);
        t.register(1, 6);
        t.ack(1, 5, g);
        assert_eq!(t.revoke(1), Some(6));
    }

    proptest! {
        /// Whatever the ack order, the committed offset never passes an unacknowledged one and
        /// reaches the end once everything is acknowledged.
        #[test]
        fn watermark_never_passes_pending(order in Just((0..40i64).collect::<Vec<_>>()).prop_shuffle()) {
            let mut t = OffsetTracker::new();
            let g = t.assign(0);
            for o in 0..40 { t.register(0, o); }
            let mut acked = std::collections::BTreeSet::new();
            for o in order {
                t.ack(0, o, g);
                acked.insert(o);
                for (_, c) in t.take_commits() {
                    prop_assert!((0..c).all(|x| acked.contains(&x)));
                }
            }
            prop_assert_eq!(t.pending(), 0);
        }
    }
}
