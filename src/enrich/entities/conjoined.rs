//! Two names of one kind joined by a conjunction, which the model read as one: "the clinics
//! of Tovel Health and Marrow Health", "he toured Ashby Secondary School and Kell Primary
//! School". When the span is two runs of capitalised words around an `and|` word of
//! `words.txt` and both runs end on the same head word (`type_words.txt`), it is two names.
//! A name with a lower-case word ("Department of Health and Social Care") or whose parts end
//! differently ("Telford and Wrekin Council") stays whole.

use super::mention::M;
use crate::enrich::profile::{key, Profile};
use crate::enrich::types::{Document, EntityType};

/// Most words of each name.
const MAX_WORDS: usize = 5;

/// Split each span of two same-headed names joined by a conjunction.
pub(super) fn split(doc: &Document<'_>, res: &Profile, ms: &mut Vec<M>) {
    let mut out = Vec::with_capacity(ms.len());
    for m in ms.drain(..) {
        let t = &doc.fields[m.field].text[m.start..m.end];
        match (m.ty() != EntityType::Person)
            .then(|| two_names(t, res))
            .flatten()
        {
            Some(cut) => {
                let mut a = m.clone();
                a.end = m.start + cut.left_end;
                let mut b = m;
                b.start += cut.right_start;
                out.push(a);
                out.push(b);
            }
            None => out.push(m),
        }
    }
    *ms = out;
}

/// Where a span splits into its two names: the end of the first and the start of the second,
/// in bytes from the span's start.
struct Cut {
    left_end: usize,
    right_start: usize,
}

/// The two names of span text `t`, when it is two same-headed runs of capitalised words
/// around one conjunction.
fn two_names(t: &str, res: &Profile) -> Option<Cut> {
    let words: Vec<(usize, &str)> = t
        .split(' ')
        .scan(0, |at, w| {
            let s = *at;
            *at += w.len() + 1;
            Some((s, w))
        })
        .filter(|(_, w)| !w.is_empty())
        .collect();
    let conj: Vec<usize> = (0..words.len())
        .filter(|&i| res.and_words.contains(words[i].1))
        .collect();
    let [c] = conj.as_slice() else {
        return None;
    };
    let (left, right) = (&words[..*c], &words[c + 1..]);
    let named = |ws: &[(usize, &str)]| {
        (2..=MAX_WORDS).contains(&ws.len())
            && ws.iter().all(|(_, w)| w.starts_with(char::is_uppercase))
    };
    if !named(left) || !named(right) {
        return None;
    }
    let (l, r) = (left[left.len() - 1].1, right[right.len() - 1].1);
    let head = key(l) == key(r) && res.type_words.contains_key(&key(l));
    head.then(|| Cut {
        left_end: left[left.len() - 1].0 + l.len(),
        right_start: right[0].0,
    })
}

#[cfg(test)]
mod tests {
    use super::super::tests::{names, run};
    use crate::enrich::profile::Lang;
    use crate::enrich::types::EntityType::Organization as O;

    #[test]
    fn two_names_with_one_head_word_are_two_names() {
        let t = "The minister toured Ashby Secondary School and Kell Primary School on Monday.";
        let found = names(&run(
            Lang::En,
            t,
            &[("Ashby Secondary School and Kell Primary School", "ORG")],
        ));
        assert_eq!(
            found,
            [
                ("Ashby Secondary School".to_string(), O),
                ("Kell Primary School".to_string(), O)
            ]
        );
    }

    #[test]
    fn a_name_with_a_complement_or_two_heads_stays_whole() {
        for name in [
            "Department of Health and Social Care",
            "Telford and Wrekin Council",
        ] {
            let t = format!("A letter from the {name} arrived.");
            let found = names(&run(Lang::En, &t, &[(name, "ORG")]));
            assert_eq!(found, [(name.to_string(), O)]);
        }
    }
}
