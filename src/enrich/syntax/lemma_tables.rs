//! Compact storage for the lemmatizer's lookup tables (the French pipeline has 216,849 lookup
//! entries, 176,077 exception forms and 106,582 index words): every string lives once in one
//! [`Pool`] buffer and the tables hold sorted (offset, length) references, searched by binary
//! search. About 12–16 bytes per entry plus the text, instead of a heap allocation per string.

/// A string of the [`Pool`]: byte offset and length.
#[derive(Clone, Copy, Debug)]
pub(super) struct Str {
    at: u32,
    len: u32,
}

/// Every string of the tables, one after the other.
#[derive(Debug, Default)]
pub(super) struct Pool {
    text: String,
}

impl Pool {
    /// Stores `s`; `None` when the pool would pass 4 GiB.
    pub(super) fn add(&mut self, s: &str) -> Option<Str> {
        let at = u32::try_from(self.text.len()).ok()?;
        let len = u32::try_from(s.len()).ok()?;
        at.checked_add(len)?;
        self.text.push_str(s);
        Some(Str { at, len })
    }

    pub(super) fn get(&self, s: Str) -> &str {
        let at = s.at as usize;
        self.text.get(at..at + s.len as usize).unwrap_or("")
    }

    /// The bytes of `s`: they order as the string does (UTF-8 keeps code point order), without
    /// the char-boundary checks of [`Pool::get`] (for sorting).
    fn bytes(&self, s: Str) -> &[u8] {
        let at = s.at as usize;
        self.text
            .as_bytes()
            .get(at..at + s.len as usize)
            .unwrap_or(&[])
    }

    /// Sorts `items` by the bytes of their string `of(item)`: on an 8-byte big-endian prefix
    /// first (one integer compare settles most pairs), the whole bytes on a tie. Stable.
    fn sort_by_text<T: Copy>(&self, items: &mut Vec<T>, of: impl Fn(&T) -> Str) {
        let mut keyed: Vec<(u64, T)> = items
            .iter()
            .map(|t| (prefix(self.bytes(of(t))), *t))
            .collect();
        keyed.sort_by(|a, b| {
            a.0.cmp(&b.0)
                .then_with(|| self.bytes(of(&a.1)).cmp(self.bytes(of(&b.1))))
        });
        items.clear();
        items.extend(keyed.into_iter().map(|(_, t)| t));
    }

    /// Frees the unused capacity once every table is loaded.
    pub(super) fn shrink(&mut self) {
        self.text.shrink_to_fit();
    }
}

/// The first 8 bytes of `b` as a big-endian integer, zero-padded: integers order as the bytes
/// do, up to a tie that the whole bytes settle.
fn prefix(b: &[u8]) -> u64 {
    let mut p = [0u8; 8];
    let n = b.len().min(8);
    p[..n].copy_from_slice(&b[..n]);
    u64::from_be_bytes(p)
}

/// A set of words (one POS's `lemma_index`).
#[derive(Debug, Default)]
pub(super) struct WordSet {
    words: Vec<Str>,
}

impl WordSet {
    pub(super) fn new(pool: &Pool, mut words: Vec<Str>) -> WordSet {
        pool.sort_by_text(&mut words, |w| *w);
        words.dedup_by(|a, b| pool.bytes(*a) == pool.bytes(*b));
        words.shrink_to_fit();
        WordSet { words }
    }

    pub(super) fn contains(&self, pool: &Pool, word: &str) -> bool {
        self.words
            .binary_search_by(|w| pool.get(*w).cmp(word))
            .is_ok()
    }

    pub(super) fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

/// One word's forms in [`Exceptions::forms`].
#[derive(Clone, Copy, Debug)]
struct Forms {
    word: Str,
    start: u32,
    end: u32,
}

/// One POS's `lemma_exc`: word → its forms, in the table's order.
#[derive(Debug, Default)]
pub(super) struct Exceptions {
    entries: Vec<Forms>,
    forms: Vec<Str>,
}

impl Exceptions {
    /// Adds a word and its forms (before [`Exceptions::finish`]); `false` when the table is
    /// too large for 32-bit indices.
    pub(super) fn push(&mut self, word: Str, forms: impl IntoIterator<Item = Str>) -> bool {
        let Ok(start) = u32::try_from(self.forms.len()) else {
            return false;
        };
        self.forms.extend(forms);
        let Ok(end) = u32::try_from(self.forms.len()) else {
            return false;
        };
        self.entries.push(Forms { word, start, end });
        true
    }

    /// Sorts the words for lookup (a repeated word keeps its last forms, as a map would).
    pub(super) fn finish(&mut self, pool: &Pool) {
        self.entries.reverse();
        pool.sort_by_text(&mut self.entries, |e| e.word);
        self.entries
            .dedup_by(|a, b| pool.bytes(a.word) == pool.bytes(b.word));
        self.entries.shrink_to_fit();
        self.forms.shrink_to_fit();
    }

    /// The forms of `word`, when it is an exception.
    pub(super) fn get<'p>(
        &'p self,
        pool: &'p Pool,
        word: &str,
    ) -> Option<impl Iterator<Item = &'p str> + 'p> {
        let i = self
            .entries
            .binary_search_by(|e| pool.get(e.word).cmp(word))
            .ok()?;
        let e = self.entries[i];
        Some(
            self.forms[e.start as usize..e.end as usize]
                .iter()
                .map(move |s| pool.get(*s)),
        )
    }

    pub(super) fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// A `lemma_lookup` value: spaCy indexes it with `[0]`, so a string gives its first character
/// and a list its first element (`first` of the list is what is stored).
#[derive(Clone, Copy, Debug)]
pub(super) struct LookupValue {
    pub text: Str,
    pub is_list: bool,
}

/// `lemma_lookup`: string hash → value, keys sorted.
#[derive(Debug, Default)]
pub(super) struct Lookups {
    keys: Vec<u64>,
    values: Vec<LookupValue>,
}

impl Lookups {
    pub(super) fn new(mut pairs: Vec<(u64, LookupValue)>) -> Lookups {
        // Reversed, then a stable sort: a repeated key keeps its last value, as a map would.
        pairs.reverse();
        pairs.sort_by_key(|p| p.0);
        pairs.dedup_by_key(|p| p.0);
        let (keys, values) = pairs.into_iter().unzip();
        Lookups { keys, values }
    }

    pub(super) fn get(&self, key: u64) -> Option<LookupValue> {
        let i = self.keys.binary_search(&key).ok()?;
        Some(self.values[i])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pooled(pool: &mut Pool, words: &[&str]) -> Vec<Str> {
        words.iter().map(|w| pool.add(w).unwrap()).collect()
    }

    #[test]
    fn word_sets_find_their_words_only() {
        let mut pool = Pool::default();
        let words = pooled(&mut pool, &["marcher", "aller", "être", "aller", "zèbre"]);
        let set = WordSet::new(&pool, words);
        for w in ["marcher", "aller", "être", "zèbre"] {
            assert!(set.contains(&pool, w), "{w}");
        }
        assert!(!set.contains(&pool, "march"));
        assert!(!set.contains(&pool, ""));
        assert!(WordSet::default().is_empty());
    }

    #[test]
    fn prefix_sort_orders_as_the_bytes() {
        let words = [
            "",
            "a",
            "a\0",
            "ab",
            "abcdefgh",
            "abcdefgh\0",
            "abcdefghi",
            "abcdefgg",
            "é",
            "e",
            "abcdefghi",
            "z",
            "abcdefgh",
        ];
        let mut pool = Pool::default();
        let mut strs = pooled(&mut pool, &words);
        pool.sort_by_text(&mut strs, |s| *s);
        let sorted: Vec<&str> = strs.iter().map(|s| pool.get(*s)).collect();
        let mut want = words.to_vec();
        want.sort();
        assert_eq!(sorted, want);
    }

    #[test]
    fn exceptions_give_the_forms_in_order() {
        let mut pool = Pool::default();
        let mut exc = Exceptions::default();
        let went = pool.add("went").unwrap();
        let go = pooled(&mut pool, &["go", "wend"]);
        assert!(exc.push(went, go));
        let was = pool.add("was").unwrap();
        let be = pooled(&mut pool, &["be"]);
        assert!(exc.push(was, be));
        let again = pool.add("was").unwrap();
        let were = pooled(&mut pool, &["be", "were"]);
        assert!(exc.push(again, were));
        exc.finish(&pool);
        let forms: Vec<&str> = exc.get(&pool, "went").unwrap().collect();
        assert_eq!(forms, ["go", "wend"]);
        // A repeated word keeps its last forms.
        assert_eq!(
            exc.get(&pool, "was").unwrap().collect::<Vec<_>>(),
            ["be", "were"]
        );
        assert!(exc.get(&pool, "gone").is_none());
    }

    #[test]
    fn lookups_keep_the_last_value_of_a_key() {
        let mut pool = Pool::default();
        let a = pool.add("chat").unwrap();
        let b = pool.add("chien").unwrap();
        let table = Lookups::new(vec![
            (
                9,
                LookupValue {
                    text: a,
                    is_list: false,
                },
            ),
            (
                3,
                LookupValue {
                    text: a,
                    is_list: false,
                },
            ),
            (
                9,
                LookupValue {
                    text: b,
                    is_list: true,
                },
            ),
        ]);
        let v = table.get(9).unwrap();
        assert_eq!((pool.get(v.text), v.is_list), ("chien", true));
        assert_eq!(pool.get(table.get(3).unwrap().text), "chat");
        assert!(table.get(4).is_none());
    }
}
