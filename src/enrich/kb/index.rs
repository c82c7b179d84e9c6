//! The KB's flat key index: from the [`key`](crate::enrich::profile::key) of every name and alias
//! to the entries it leads to.
//!
//! Built without a `String` or a `Vec` per key: keys are appended to one string arena as they
//! come, then the (hash, key, entry) records are sorted once; equal keys collapse into one slot
//! whose hits are a contiguous run of one shared array, in the order the entries were added.
//! A lookup hashes the key, finds the run of slots with that hash by binary search and compares
//! the key bytes. It returns exactly what a `HashMap<String, Vec<Hit>>` filled entry by entry
//! would (see the tests).

/// One entry a key leads to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Hit {
    /// Index of the entry in the KB.
    pub entry: u32,
    /// The key is the entry's own name (or its name in some language), not an alias.
    pub primary: bool,
}

/// A stretch of an arena.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Span {
    start: u32,
    len: u32,
}

impl Span {
    /// Append `s` to `arena` and return where it went.
    pub fn push(arena: &mut String, s: &str) -> Span {
        let start = u32::try_from(arena.len()).expect("KB arena under 4 GiB");
        arena.push_str(s);
        Span {
            start,
            len: s.len() as u32,
        }
    }

    /// The bytes of the span in `arena`, without the char-boundary checks of [`Span::of`].
    fn bytes(self, arena: &str) -> &[u8] {
        &arena.as_bytes()[self.start as usize..(self.start + self.len) as usize]
    }

    /// The text of the span in `arena`.
    pub fn of(self, arena: &str) -> &str {
        &arena[self.start as usize..(self.start + self.len) as usize]
    }
}

/// FxHash-style hash of a key's bytes (eight at a time), fixed across runs.
fn hash(s: &str) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let mut h = s.len() as u64;
    let mut chunks = s.as_bytes().chunks_exact(8);
    for c in &mut chunks {
        let w = u64::from_le_bytes(c.try_into().expect("8 bytes"));
        h = (h.rotate_left(5) ^ w).wrapping_mul(K);
    }
    let mut last = [0u8; 8];
    let rest = chunks.remainder();
    last[..rest.len()].copy_from_slice(rest);
    h = (h.rotate_left(5) ^ u64::from_le_bytes(last)).wrapping_mul(K);
    h ^ (h >> 29)
}

/// A key added to the builder, not yet sorted.
#[derive(Clone, Copy, Debug)]
struct Pending {
    hash: u64,
    key: Span,
    hit: Hit,
}

/// Collects (key, hit) pairs; [`IndexBuilder::finish`] sorts them into a [`KeyIndex`].
#[derive(Debug, Default)]
pub(super) struct IndexBuilder {
    arena: String,
    pending: Vec<Pending>,
}

impl IndexBuilder {
    /// A builder for about `keys` keys of about `bytes` bytes in all.
    pub fn with_capacity(keys: usize, bytes: usize) -> IndexBuilder {
        IndexBuilder {
            arena: String::with_capacity(bytes),
            pending: Vec::with_capacity(keys),
        }
    }

    /// Record that `key` (already a [`key`](crate::enrich::profile::key), not empty) leads to
    /// `hit`. Hits of one key must be added in increasing entry order.
    pub fn add(&mut self, key: &str, hit: Hit) {
        let span = Span::push(&mut self.arena, key);
        self.pending.push(Pending {
            hash: hash(key),
            key: span,
            hit,
        });
    }

    /// Map every hit's entry through `remap` (entries reordered after they were added); the
    /// order of the hits of one key must stay increasing.
    pub fn remap(&mut self, remap: impl Fn(u32) -> u32) {
        for p in &mut self.pending {
            p.hit.entry = remap(p.hit.entry);
        }
    }

    /// Sort and collapse into the index.
    pub fn finish(self) -> KeyIndex {
        let IndexBuilder { arena, mut pending } = self;
        // The key bytes are looked at only on equal hashes (they order as the strings do).
        pending.sort_unstable_by(|a, b| {
            a.hash
                .cmp(&b.hash)
                .then_with(|| a.key.bytes(&arena).cmp(b.key.bytes(&arena)))
                .then(a.hit.entry.cmp(&b.hit.entry))
        });
        let mut index = KeyIndex::default();
        for p in pending {
            let k = p.key.of(&arena);
            let same_key = index
                .slots
                .last()
                .is_some_and(|s| s.hash == p.hash && s.key.of(&index.keys) == k);
            if !same_key {
                index.slots.push(Slot {
                    hash: p.hash,
                    key: Span::push(&mut index.keys, k),
                    hits_start: index.hits.len() as u32,
                });
            }
            match index.hits.last_mut() {
                Some(h) if same_key && h.entry == p.hit.entry => h.primary |= p.hit.primary,
                _ => index.hits.push(p.hit),
            }
        }
        index.keys.shrink_to_fit();
        index.slots.shrink_to_fit();
        index.hits.shrink_to_fit();
        index
    }
}

/// One distinct key: its hits are `hits[hits_start..]` up to the next slot's start.
#[derive(Clone, Copy, Debug)]
struct Slot {
    hash: u64,
    key: Span,
    hits_start: u32,
}

/// Sorted keys and their hits.
#[derive(Debug, Default)]
pub(super) struct KeyIndex {
    keys: String,
    slots: Vec<Slot>,
    hits: Vec<Hit>,
}

impl KeyIndex {
    /// The hits of `key` (already a key), in the order they were added; empty when none.
    pub fn get(&self, key: &str) -> &[Hit] {
        let h = hash(key);
        let first = self.slots.partition_point(|s| s.hash < h);
        for (i, s) in self.slots[first..].iter().enumerate() {
            if s.hash != h {
                break;
            }
            if s.key.of(&self.keys) == key {
                let end = self
                    .slots
                    .get(first + i + 1)
                    .map_or(self.hits.len(), |n| n.hits_start as usize);
                return &self.hits[s.hits_start as usize..end];
            }
        }
        &[]
    }

    /// Number of distinct keys.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.slots.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::HashMap;

    /// The reference: what the KB used before, a map filled entry by entry.
    fn reference(pairs: &[(String, Hit)]) -> HashMap<String, Vec<Hit>> {
        let mut map: HashMap<String, Vec<Hit>> = HashMap::new();
        for (k, hit) in pairs {
            let hits = map.entry(k.clone()).or_default();
            match hits.iter_mut().find(|h| h.entry == hit.entry) {
                Some(h) => h.primary |= hit.primary,
                None => hits.push(*hit),
            }
        }
        map
    }

    /// Entries 0.. each with a few keys drawn from a small alphabet, so keys repeat.
    fn entries() -> impl Strategy<Value = Vec<(String, Hit)>> {
        let keys = prop::collection::vec(("[ab é]{1,9}", any::<bool>()), 1..6);
        prop::collection::vec(keys, 0..60).prop_map(|es| {
            es.into_iter()
                .enumerate()
                .flat_map(|(i, ks)| {
                    ks.into_iter().map(move |(k, primary)| {
                        let hit = Hit {
                            entry: i as u32,
                            primary,
                        };
                        (k, hit)
                    })
                })
                .collect()
        })
    }

    proptest! {
        #[test]
        fn same_hits_as_a_hashmap(pairs in entries(), probes in prop::collection::vec("[ab é]{0,9}", 0..20)) {
            let map = reference(&pairs);
            let mut b = IndexBuilder::default();
            for (k, hit) in &pairs {
                b.add(k, *hit);
            }
            let index = b.finish();
            prop_assert_eq!(index.len(), map.len());
            for (k, hits) in &map {
                prop_assert_eq!(index.get(k), hits.as_slice());
            }
            for p in &probes {
                prop_assert_eq!(index.get(p), map.get(p).map_or(&[][..], Vec::as_slice));
            }
        }
    }

    #[test]
    fn remap_keeps_per_key_order() {
        let mut b = IndexBuilder::default();
        // Entries 0 and 1 added first, then 2 which must come first after the remap.
        b.add(
            "x",
            Hit {
                entry: 0,
                primary: true,
            },
        );
        b.add(
            "x",
            Hit {
                entry: 1,
                primary: false,
            },
        );
        b.add(
            "x",
            Hit {
                entry: 2,
                primary: false,
            },
        );
        b.remap(|e| if e < 2 { e + 1 } else { e - 2 });
        let index = b.finish();
        let entries: Vec<u32> = index.get("x").iter().map(|h| h.entry).collect();
        assert_eq!(entries, [0, 1, 2]);
        assert!(index.get("y").is_empty());
    }

    #[test]
    fn hash_sees_every_byte() {
        assert_ne!(hash("abcdefgh"), hash("abcdefgi"));
        assert_ne!(hash("abcdefghi"), hash("abcdefghj"));
        assert_ne!(hash(""), hash("\0"));
    }
}
