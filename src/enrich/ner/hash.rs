//! The two MurmurHash variants spaCy/thinc use: MurmurHash64A (string ids, seed 1) and
//! MurmurHash3 x64 128 on one u64 key (thinc `HashEmbed`).

/// MurmurHash64A (Austin Appleby's 64-bit MurmurHash2), little-endian blocks, as in
/// `murmurhash.mrmr.hash64` / spaCy's `hash_string` (seed 1).
pub fn murmurhash64a(data: &[u8], seed: u64) -> u64 {
    const M: u64 = 0xc6a4_a793_5bd1_e995;
    const R: u32 = 47;
    let len = data.len();
    let mut h: u64 = seed ^ (len as u64).wrapping_mul(M);
    let mut chunks = data.chunks_exact(8);
    for chunk in &mut chunks {
        let mut k = u64::from_le_bytes([
            chunk[0], chunk[1], chunk[2], chunk[3], chunk[4], chunk[5], chunk[6], chunk[7],
        ]);
        k = k.wrapping_mul(M);
        k ^= k >> R;
        k = k.wrapping_mul(M);
        h ^= k;
        h = h.wrapping_mul(M);
    }
    let tail = chunks.remainder();
    if !tail.is_empty() {
        for (i, &b) in tail.iter().enumerate() {
            h ^= (b as u64) << (8 * i);
        }
        h = h.wrapping_mul(M);
    }
    h ^= h >> R;
    h = h.wrapping_mul(M);
    h ^= h >> R;
    h
}

#[inline]
fn fmix64(mut k: u64) -> u64 {
    k ^= k >> 33;
    k = k.wrapping_mul(0xff51_afd7_ed55_8ccd);
    k ^= k >> 33;
    k = k.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    k ^= k >> 33;
    k
}

/// MurmurHash3_x64_128 of the 8 little-endian bytes of `key` with a 32-bit `seed`, returned as
/// the four u32 words `[h1 lo, h1 hi, h2 lo, h2 hi]` (thinc `ops.hash(ids, seed)`).
#[inline]
pub fn murmur3_128_u64(key: u64, seed: u32) -> [u32; 4] {
    const C1: u64 = 0x87c3_7b91_1142_53d5;
    const C2: u64 = 0x4cf5_ad43_2745_937f;
    let seed = seed as u64;
    let mut k = key.wrapping_mul(C1);
    k = k.rotate_left(31);
    k = k.wrapping_mul(C2);
    let mut h1 = seed ^ k ^ 8;
    let mut h2 = seed ^ 8;
    h1 = h1.wrapping_add(h2);
    h2 = h2.wrapping_add(h1);
    h1 = fmix64(h1);
    h2 = fmix64(h2);
    h1 = h1.wrapping_add(h2);
    h2 = h2.wrapping_add(h1);
    [h1 as u32, (h1 >> 32) as u32, h2 as u32, (h2 >> 32) as u32]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Values from `spacy.strings.hash_string` (spaCy 3.8 venv).
    #[test]
    fn murmurhash64a_matches_spacy_hash_string() {
        let cases: &[(&str, u64)] = &[
            ("Paris", 10427160276079242800),
            ("hello", 5983625672228268878),
            ("é", 16256712947286012828),
            ("日本", 2324319125191504834),
            ("Xxxxx", 16072095006890171862),
            ("", 14313749767032693980),
            ("aaaaaaaaaaaaaaaaaaaa", 13064336556569770357),
        ];
        for &(s, want) in cases {
            assert_eq!(murmurhash64a(s.as_bytes(), 1), want, "{s:?}");
        }
    }

    /// Values from thinc `NumpyOps().hash(np.array(ids, dtype="uint64"), seed)`.
    #[test]
    fn murmur3_matches_thinc_ops_hash() {
        let ids = [0u64, 1, 123456789, 10427160276079242800, u64::MAX];
        let seed8: [[u32; 4]; 5] = [
            [0, 0, 0, 0],
            [1161550108, 2247783286, 1742325162, 1224191281],
            [847689176, 3235222800, 1271533764, 557866904],
            [4169578058, 1964527553, 4106883439, 2946791330],
            [2488739950, 2974852181, 1585626277, 2314794624],
        ];
        let seed11: [[u32; 4]; 5] = [
            [3211867976, 2044022225, 3076925725, 183887857],
            [1634411200, 575644854, 1340576912, 386683953],
            [1277087509, 170040883, 1220693042, 1969729387],
            [887912977, 2533963053, 2544813882, 2697402417],
            [4189684446, 521356938, 719335244, 3372527160],
        ];
        for (i, &id) in ids.iter().enumerate() {
            assert_eq!(murmur3_128_u64(id, 8), seed8[i], "id {id} seed 8");
            assert_eq!(murmur3_128_u64(id, 11), seed11[i], "id {id} seed 11");
        }
    }
}
