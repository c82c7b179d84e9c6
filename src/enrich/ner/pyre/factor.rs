//! Common-affix factoring of a pattern's top-level alternatives, before translation.
//!
//! spaCy's French `token_match` is ~480 alternatives of the shape `(?:^word[-–]<letters><more>*$)`:
//! a literal head and a tail written out in full each time, tails built from two or three large
//! letter classes. The `regex` crate compiles every copy of a class into its own UTF-8 automaton
//! (it shares no sub-automata), so the pattern compiled ~480 copies of a 3 kB class: most of the
//! tokenizer's loading. Grouping alternatives and writing each group once as
//! `prefix(?:middle₁|middle₂|…)suffix` gives the same language with a handful of copies.
//!
//! When it applies: every alternative is plain (no look-around, no back-reference) and ends with
//! an unquantified `$`, and either the pattern is used anchored at the start (`re.match`) or every
//! alternative starts with `^`. Then every match spans the whole string, so which alternative
//! matches, and in which order they are tried, cannot change a result: `P M₁ S | P M₂ S` and
//! `P (?:M₁|M₂) S` accept the same strings. Anything else is left as it is.
//!
//! Alternatives are grouped by the sequence of their large class atoms (the tails' letters), so
//! alternatives that share them share one copy; within a group the longest common prefix and
//! suffix (whole atoms) are written once.

/// A class at least this long (source characters, quantifier included) is a "large" atom.
const LARGE_ATOM: usize = 64;

/// One top-level element of an alternative: an escape, a class, a group or a character, with its
/// quantifier.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Atom<'a> {
    src: &'a [char],
    /// A class of at least [`LARGE_ATOM`] characters.
    large: bool,
}

/// Alternatives sharing their large atoms, in the order of their first member.
struct Group<'a> {
    key: Vec<&'a [char]>,
    members: Vec<Vec<Atom<'a>>>,
}

/// The alternatives rewritten with shared affixes written once (Python syntax, same flags), or
/// `None` when factoring does not apply (see the module docs) or would change nothing.
pub(super) fn factor(alts: &[&[char]], anchored_start: bool) -> Option<Vec<String>> {
    let mut seqs = Vec::with_capacity(alts.len());
    for alt in alts {
        if !is_plain(alt) {
            return None;
        }
        let atoms = atoms(unwrap_group(alt))?;
        let ends = atoms.last().is_some_and(|a| a.src == ['$']);
        let starts = atoms.first().is_some_and(|a| a.src == ['^']);
        if !ends || !(anchored_start || starts) {
            return None;
        }
        seqs.push(atoms);
    }
    let mut groups: Vec<Group> = Vec::new();
    for seq in seqs {
        let key: Vec<&[char]> = seq.iter().filter(|a| a.large).map(|a| a.src).collect();
        match groups.iter_mut().find(|g| g.key == key) {
            Some(g) => g.members.push(seq),
            None => groups.push(Group {
                key,
                members: vec![seq],
            }),
        }
    }
    if groups.len() == alts.len() {
        return None;
    }
    Some(groups.iter().map(|g| write_group(&g.members)).collect())
}

/// `prefix(?:middle|…)suffix` for the members of one group (a lone member as it is).
fn write_group(members: &[Vec<Atom<'_>>]) -> String {
    let text = |atoms: &[Atom<'_>]| atoms.iter().flat_map(|a| a.src).collect::<String>();
    if let [only] = members {
        return text(only);
    }
    let shortest = members.iter().map(Vec::len).min().unwrap_or(0);
    let first = &members[0];
    let prefix = (0..shortest)
        .take_while(|&i| members.iter().all(|m| m[i] == first[i]))
        .count();
    let suffix = (0..shortest - prefix)
        .take_while(|&i| {
            let back = first[first.len() - 1 - i];
            members.iter().all(|m| m[m.len() - 1 - i] == back)
        })
        .count();
    let mut middles: Vec<String> = Vec::with_capacity(members.len());
    for m in members {
        let middle = text(&m[prefix..m.len() - suffix]);
        if !middles.contains(&middle) {
            middles.push(middle);
        }
    }
    format!(
        "{}(?:{}){}",
        text(&first[..prefix]),
        middles.join("|"),
        text(&first[first.len() - suffix..])
    )
}

/// The inside of `(?:…)` when the group spans the whole alternative and holds no top-level `|`.
fn unwrap_group(alt: &[char]) -> &[char] {
    if alt.starts_with(&['(', '?', ':']) && alt.last() == Some(&')') {
        if let Some(end) = super::group_end(alt, 0).ok().filter(|&e| e == alt.len()) {
            let inner = &alt[3..end - 1];
            if super::split_alternatives(inner).is_ok_and(|a| a.len() == 1) {
                return inner;
            }
        }
    }
    alt
}

/// The top-level atoms of `alt`; `None` for anything factoring must not touch (look-around,
/// back-references, inline flags, unbalanced text).
fn atoms(alt: &[char]) -> Option<Vec<Atom<'_>>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < alt.len() {
        let start = i;
        let class = alt[i] == '[';
        i = match alt[i] {
            '\\' => escape_end(alt, i)?,
            '[' => super::class_end(alt, i).ok()? + 1,
            '(' => {
                if !alt[i..].starts_with(&['(', '?', ':']) && alt.get(i + 1) == Some(&'?') {
                    return None;
                }
                super::group_end(alt, i).ok()?
            }
            '|' | ')' => return None,
            _ => i + 1,
        };
        i = quantifier_end(alt, i);
        let src = &alt[start..i];
        out.push(Atom {
            src,
            large: class && src.len() >= LARGE_ATOM,
        });
    }
    Some(out)
}

/// No look-around, back-reference, inline flag or conditional anywhere in `alt` (classes and
/// escapes skipped); named groups are fine.
fn is_plain(alt: &[char]) -> bool {
    let mut i = 0;
    while i < alt.len() {
        match alt[i] {
            '\\' => match escape_end(alt, i) {
                Some(next) => i = next,
                None => return false,
            },
            '[' => match super::class_end(alt, i) {
                Ok(end) => i = end + 1,
                Err(_) => return false,
            },
            '(' if alt.get(i + 1) == Some(&'?') => {
                let plain = alt[i..].starts_with(&['(', '?', ':'])
                    || alt[i..].starts_with(&['(', '?', 'P', '<']);
                if !plain {
                    return false;
                }
                i += 2;
            }
            _ => i += 1,
        }
    }
    true
}

/// Index after the escape at `i`; `None` for a back-reference or a trailing backslash.
fn escape_end(alt: &[char], i: usize) -> Option<usize> {
    let len = match *alt.get(i + 1)? {
        'u' => 6,
        'U' => 10,
        'x' => 4,
        c if c.is_ascii_digit() => return None,
        _ => 2,
    };
    (i + len <= alt.len()).then_some(i + len)
}

/// Index after the quantifier (with its lazy `?`) starting at `i`, or `i` when there is none.
fn quantifier_end(alt: &[char], i: usize) -> usize {
    let mut j = match alt.get(i) {
        Some('*' | '+' | '?') => i + 1,
        Some('{') => match alt[i..].iter().position(|&c| c == '}') {
            Some(p) if is_counted(&alt[i + 1..i + p]) => i + p + 1,
            _ => return i,
        },
        _ => return i,
    };
    if alt.get(j) == Some(&'?') {
        j += 1;
    }
    j
}

/// `m`, `m,` or `m,n` (a Python counted repetition; other braces are literal).
fn is_counted(inner: &[char]) -> bool {
    let mut parts = inner.split(|&c| c == ',');
    let first = parts.next().unwrap_or(&[]);
    let second = parts.next();
    parts.next().is_none()
        && !first.is_empty()
        && first.iter().all(char::is_ascii_digit)
        && second.is_none_or(|s| s.iter().all(char::is_ascii_digit))
}
