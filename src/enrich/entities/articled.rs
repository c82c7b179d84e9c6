//! A country named after its article: "la Suisse a fermé ses frontières". Some countries'
//! names are also adjectives ("une banque suisse"), so the gazetteer leaves them out and the
//! model may miss them; but where adjectives follow their noun (a name's head comes first), a
//! capitalised word right after a definite article is a noun, and one the KB knows as a
//! country's name in the article's language names that country. Not before another
//! capitalised word (the first word of a longer name).

use super::mention::{resort, M};
use crate::enrich::analysis::Analysis;
use crate::enrich::kb::Kb;
use crate::enrich::profile::{NameHead, Profile};
use crate::enrich::types::EntityType;

/// Add the countries named after their article that no mention covers.
pub(super) fn apply(an: &Analysis<'_>, res: &Profile, kb: &Kb, ms: &mut Vec<M>) {
    if res.name_head != NameHead::First || kb.is_empty() {
        return;
    }
    let before = ms.len();
    for (fi, f) in an.fields.iter().enumerate() {
        let text = an.doc.fields[fi].text;
        let toks = &f.toks;
        for i in 1..toks.len() {
            let (art, x) = (&toks[i - 1], &toks[i]);
            let article = art.word && res.definites.contains(&art.lower.replace('’', "'"));
            let glued_name = toks.get(i + 1).is_some_and(|n| n.word && n.cap);
            if !(article && x.word && x.cap) || glued_name {
                continue;
            }
            if !kb.names_country_in(&text[x.start..x.end], res.lang.code()) {
                continue;
            }
            let covered = ms[..before]
                .iter()
                .any(|m| m.field == fi && m.start < x.end && x.start < m.end);
            if !covered {
                ms.push(M::found(fi, x.start, x.end, EntityType::Location));
            }
        }
    }
    resort(ms, before);
}

#[cfg(test)]
mod tests {
    use super::super::tests::{country, names, run_kb};
    use crate::enrich::kb::Kb;
    use crate::enrich::profile::Lang;
    use crate::enrich::types::EntityType::Location as L;

    fn kb() -> Kb {
        country("Ambresia", &[("fr", "Ambrésie")], &[])
    }

    #[test]
    fn a_country_after_its_article_is_a_place() {
        let t = "L’Ambrésie a fermé ses frontières. La viande ambrésienne se vend bien.";
        let es = run_kb(Lang::Fr, t, &[], &kb());
        assert_eq!(names(&es), [("Ambrésie".to_string(), L)]);
        // Not the first word of a longer name.
        let t = "Les vols de l’Ambrésie Express reprennent.";
        let es = run_kb(Lang::Fr, t, &[], &kb());
        assert!(es.is_empty(), "{:?}", names(&es));
    }
}
