//! A pipeline's static word vectors (`vocab/vectors`, `vocab/key2row`), read once per pipeline
//! and shared by every tok2vec that embeds them (the NER's own and the shared `tok2vec` both
//! do in fr_core_news_md). Each tok2vec projects the raw vectors through its own weights, a row
//! the first time a doc uses it; the raw vectors and the key → row map stay one [`StaticTable`]
//! behind an `Arc`, held by those tok2vecs.

use std::cell::OnceCell;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::weights::{format_err, join, read_npy_f32, Array};
use super::NerError;

/// Buckets of the key index: keys are 64-bit string hashes, so their top bits spread evenly.
const BUCKET_BITS: u32 = 16;

/// The key → row map of the static vectors, compact: keys sorted, rows beside them, and the
/// start of each top-16-bit bucket (a lookup is one bucket plus a binary search of a few keys).
/// 12 bytes per key (the French map has 500,000 keys: 6 MB; a `HashMap<u64, u32>` takes ~18).
#[derive(Debug)]
pub struct KeyRows {
    keys: Vec<u64>,
    rows: Vec<u32>,
    /// `starts[b]..starts[b + 1]`: the keys whose top bits are `b`.
    starts: Vec<u32>,
}

impl KeyRows {
    /// Builds the map from (key, row) pairs; a repeated key keeps its last row. The pairs are
    /// put in bucket order by a stable radix sort on the top 16 bits, a byte a pass (256 write
    /// streams a pass, where one pass of 65,536 would miss the caches at every pair), then each
    /// bucket of a few keys is sorted on its own: no sort of the whole table.
    pub fn new(pairs: Vec<(u64, u32)>) -> KeyRows {
        let mut placed = radix_by_top_bits(pairs);
        let buckets = 1usize << BUCKET_BITS;
        let mut keys: Vec<u64> = Vec::with_capacity(placed.len());
        let mut rows: Vec<u32> = Vec::with_capacity(placed.len());
        let mut starts = vec![0u32; buckets + 1];
        let mut rest = &mut placed[..];
        for b in 0..buckets {
            let n = rest.iter().take_while(|p| Self::bucket(p.0) == b).count();
            let (bucket, tail) = rest.split_at_mut(n);
            rest = tail;
            // Stable: of a repeated key, the last pair comes last.
            bucket.sort_by_key(|p| p.0);
            let first = keys.len();
            for &(k, r) in bucket.iter() {
                if keys.len() > first && keys.last() == Some(&k) {
                    if let Some(last) = rows.last_mut() {
                        *last = r;
                    }
                } else {
                    keys.push(k);
                    rows.push(r);
                }
            }
            // Fits in u32: the map is read from a msgpack map, whose length is a u32.
            starts[b + 1] = keys.len() as u32;
        }
        KeyRows { keys, rows, starts }
    }

    fn bucket(key: u64) -> usize {
        (key >> (64 - BUCKET_BITS)) as usize
    }

    /// The row of `key`.
    #[inline]
    pub fn get(&self, key: u64) -> Option<u32> {
        let b = Self::bucket(key);
        let (lo, hi) = (self.starts[b] as usize, self.starts[b + 1] as usize);
        let at = self.keys[lo..hi].binary_search(&key).ok()?;
        Some(self.rows[lo + at])
    }

    /// Number of keys.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// Whether there are no keys.
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// The largest row index, if any.
    fn max_row(&self) -> Option<u32> {
        self.rows.iter().copied().max()
    }
}

/// `pairs` in the order of their keys' top [`BUCKET_BITS`] bits, pairs of one bucket in input
/// order: an LSD radix sort, one byte a pass from bit 64 - `BUCKET_BITS` up.
fn radix_by_top_bits(pairs: Vec<(u64, u32)>) -> Vec<(u64, u32)> {
    let mut src = pairs;
    let mut dst = vec![(0u64, 0u32); src.len()];
    let mut shift = 64 - BUCKET_BITS;
    while shift < 64 {
        let digit = |k: u64| ((k >> shift) & 0xff) as usize;
        let mut next = [0usize; 257];
        for &(k, _) in &src {
            next[digit(k) + 1] += 1;
        }
        for d in 0..256 {
            next[d + 1] += next[d];
        }
        for &p in &src {
            let at = &mut next[digit(p.0)];
            dst[*at] = p;
            *at += 1;
        }
        std::mem::swap(&mut src, &mut dst);
        shift += 8;
    }
    src
}

/// The raw vectors and the shared key map of one pipeline directory.
#[derive(Debug)]
pub(crate) struct StaticTable {
    pub keys: Arc<KeyRows>,
    pub vectors: Array,
}

/// Reads a pipeline's static vectors on first use and hands the same table to every tok2vec
/// loaded from that directory (a pipeline's components load one after the other, on one thread).
/// The tok2vecs keep the table (they project its rows on first use).
#[derive(Debug)]
pub struct VectorSource {
    dir: PathBuf,
    table: OnceCell<Arc<StaticTable>>,
}

impl VectorSource {
    /// The static vectors of the pipeline in `dir` (nothing is read yet).
    pub fn new(dir: &Path) -> VectorSource {
        VectorSource {
            dir: dir.to_path_buf(),
            table: OnceCell::new(),
        }
    }

    /// The directory the vectors are read from.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The table, read the first time.
    pub(crate) fn table(&self) -> Result<Arc<StaticTable>, NerError> {
        if let Some(t) = self.table.get() {
            return Ok(Arc::clone(t));
        }
        let t = Arc::new(read_table(&self.dir)?);
        // Empty until now (checked above, one thread): the set cannot fail.
        let _ = self.table.set(Arc::clone(&t));
        Ok(t)
    }
}

fn read_table(dir: &Path) -> Result<StaticTable, NerError> {
    let vec_path = join(dir, "vocab/vectors");
    let vectors = read_npy_f32(&vec_path)?;
    let &[nrows, _] = vectors.shape.as_slice() else {
        return Err(format_err(&vec_path, "vectors are not 2-d"));
    };
    let k2r_path = join(dir, "vocab/key2row");
    let keys = read_key2row(&k2r_path)?;
    if keys.max_row().is_some_and(|r| r as usize >= nrows) {
        return Err(format_err(
            &k2r_path,
            format!("row index out of range of the {nrows} vectors"),
        ));
    }
    Ok(StaticTable {
        keys: Arc::new(keys),
        vectors,
    })
}

/// Reads `vocab/key2row`: a msgpack map {u64 key: row}, streamed (no value tree: the French map
/// has 500,000 entries; nor the file's bytes all at once: freed, their 6 MB would stay in the
/// heap), the integers decoded straight from the read buffer.
fn read_key2row(path: &Path) -> Result<KeyRows, NerError> {
    use std::io::BufRead;
    let file = std::fs::File::open(path).map_err(|source| NerError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let mut rd = std::io::BufReader::with_capacity(1 << 16, file);
    let bad = |what: String| format_err(path, format!("key2row: {what}"));
    let n = rmp::decode::read_map_len(&mut rd).map_err(|e| bad(format!("not a map ({e})")))?;
    let mut pairs = Vec::with_capacity(n as usize);
    // An integer takes at most 9 bytes: with that many buffered it is decoded in place, else
    // (at the end of a buffer) by rmp, which reads across the refill.
    fn int(
        rd: &mut std::io::BufReader<std::fs::File>,
    ) -> Result<u64, rmp::decode::NumValueReadError> {
        let buf = rd.fill_buf().unwrap_or(&[]);
        if buf.len() < 9 {
            return rmp::decode::read_int(rd);
        }
        let mut at: &[u8] = buf;
        let v = read_u64(&mut at);
        let used = buf.len() - at.len();
        rd.consume(used);
        v
    }
    for i in 0..n {
        let k = int(&mut rd).map_err(|e| bad(format!("key of entry {i} is not a u64 ({e})")))?;
        let r =
            int(&mut rd).map_err(|e| bad(format!("row of entry {i} is not an integer ({e})")))?;
        let r = u32::try_from(r).map_err(|_| bad(format!("row {r} of entry {i} is too large")))?;
        pairs.push((k, r));
    }
    Ok(KeyRows::new(pairs))
}

/// A msgpack unsigned integer (fixint, uint8..uint64) read from the front of `rd`; any other
/// marker goes through `rmp` (signed forms, and the error message of a bad value).
#[inline]
fn read_u64(rd: &mut &[u8]) -> Result<u64, rmp::decode::NumValueReadError> {
    /// The `N` bytes after the marker.
    fn after<const N: usize>(rd: &[u8]) -> Option<[u8; N]> {
        rd.get(1..1 + N)?.try_into().ok()
    }
    let fast = match rd.first() {
        Some(&m @ 0x00..=0x7f) => Some((1, u64::from(m))),
        Some(0xcc) => after::<1>(rd).map(|b| (2, u64::from(b[0]))),
        Some(0xcd) => after::<2>(rd).map(|b| (3, u64::from(u16::from_be_bytes(b)))),
        Some(0xce) => after::<4>(rd).map(|b| (5, u64::from(u32::from_be_bytes(b)))),
        Some(0xcf) => after::<8>(rd).map(|b| (9, u64::from_be_bytes(b))),
        _ => None,
    };
    match fast {
        Some((used, v)) => {
            *rd = &rd[used..];
            Ok(v)
        }
        None => rmp::decode::read_int(rd),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_key_and_no_other() {
        // Keys in one bucket, at both ends of the range, and spread out.
        let mut pairs: Vec<(u64, u32)> = vec![(0, 1), (u64::MAX, 2), (5, 3), (6, 4)];
        pairs.extend((0..2000u64).map(|i| (i.wrapping_mul(0x9E37_79B9_7F4A_7C15), 10 + i as u32)));
        let map = KeyRows::new(pairs.clone());
        assert_eq!(map.len(), pairs.len() - 1, "key 0 is there twice");
        assert_eq!(map.get(0), Some(10), "a repeated key keeps its last row");
        assert_eq!(map.get(u64::MAX), Some(2));
        assert_eq!(map.get(5), Some(3));
        assert_eq!(map.get(6), Some(4));
        for &(k, r) in &pairs[5..] {
            assert_eq!(map.get(k), Some(r), "key {k}");
        }
        assert_eq!(map.get(7), None);
        assert_eq!(map.get(u64::MAX - 1), None);
        assert_eq!(map.get(0x9E37_79B9_7F4A_7C15 + 1), None);
    }

    #[test]
    fn keys_out_of_order_in_one_bucket_keep_their_last_row() {
        // All in bucket 0, repeats spread out: the later pair wins, as in a map.
        let map = KeyRows::new(vec![(9, 1), (3, 2), (9, 3), (1, 4), (3, 5), (2, 6)]);
        assert_eq!(map.len(), 4);
        assert_eq!(map.get(1), Some(4));
        assert_eq!(map.get(2), Some(6));
        assert_eq!(map.get(3), Some(5));
        assert_eq!(map.get(9), Some(3));
        assert_eq!(map.get(4), None);
    }

    #[test]
    fn fast_unsigned_ints_decode_as_rmp_does() {
        let values = [
            0u64,
            1,
            127,
            128,
            255,
            256,
            65_535,
            65_536,
            u32::MAX as u64,
            u64::MAX,
        ];
        for v in values {
            let mut buf = Vec::new();
            rmp::encode::write_uint(&mut buf, v).unwrap();
            // The smallest form and every wider one.
            let mut wide = vec![0xcf];
            wide.extend(v.to_be_bytes());
            for bytes in [buf, wide] {
                let mut rd: &[u8] = &bytes;
                assert_eq!(read_u64(&mut rd).unwrap(), v);
                assert!(rd.is_empty());
            }
        }
        // Signed forms go through rmp; negatives and truncated values are errors.
        let mut rd: &[u8] = &[0xd0, 5, 0xff];
        assert_eq!(read_u64(&mut rd).unwrap(), 5);
        assert!(read_u64(&mut rd).is_err());
        let mut rd: &[u8] = &[0xce, 0, 0];
        assert!(read_u64(&mut rd).is_err());
    }

    #[test]
    fn radix_orders_by_top_bits_and_keeps_input_order() {
        let pairs: Vec<(u64, u32)> = (0..5000u64)
            .map(|i| {
                (
                    (i % 97).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ (i % 3),
                    i as u32,
                )
            })
            .collect();
        let mut want = pairs.clone();
        want.sort_by_key(|p| KeyRows::bucket(p.0));
        assert_eq!(radix_by_top_bits(pairs), want);
    }

    #[test]
    fn an_empty_map_finds_nothing() {
        let map = KeyRows::new(Vec::new());
        assert!(map.is_empty());
        assert_eq!(map.get(42), None);
    }
}
