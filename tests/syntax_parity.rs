//! Parity of the native syntax pipeline (src/enrich/syntax) with spaCy 3.8 on spaCy's own tokens
//! of the 497-document corpus: `tests/fixtures/spacy-reference.jsonl` gives the texts and tokens,
//! `tests/fixtures/syntax-reference.jsonl` (written by `scripts/syntax-reference`) spaCy's
//! tags, POS, morphology, lemmas, heads, labels and sentence starts.
//! Needs the models: `scripts/models`.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

use verbatim::enrich::ner::tokenizer::Token;
use verbatim::enrich::syntax::SyntaxModel;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn lines(name: &str) -> Vec<serde_json::Value> {
    let path = root().join("tests/fixtures").join(name);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (run scripts/syntax-reference)", path.display()));
    text.lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn strings(v: &serde_json::Value) -> Vec<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap().to_string())
        .collect()
}

/// spaCy's tokens of a reference doc as byte spans (the fixture's offsets are code points).
fn tokens(doc: &serde_json::Value) -> (String, Vec<Token>) {
    let text = doc["text"].as_str().unwrap().to_string();
    let mut byte_at: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    byte_at.push(text.len());
    let space: Vec<bool> = doc["space"]
        .as_str()
        .unwrap()
        .chars()
        .map(|c| c == '1')
        .collect();
    let toks = doc["tokens"]
        .as_array()
        .unwrap()
        .iter()
        .zip(space)
        .map(|(t, space_after)| {
            let t = t.as_array().unwrap();
            Token {
                start: byte_at[t[0].as_u64().unwrap() as usize],
                end: byte_at[t[1].as_u64().unwrap() as usize],
                norm: t.get(2).and_then(|n| n.as_str()).map(str::to_string),
                space_after,
            }
        })
        .collect();
    (text, toks)
}

#[derive(Default, Debug)]
struct Counts {
    tokens: usize,
    tag: usize,
    pos: usize,
    morph: usize,
    lemma: usize,
    pos_morph_lemma: usize,
    head: usize,
    head_dep: usize,
    sent_start: usize,
}

fn pct(a: usize, n: usize) -> f64 {
    100.0 * a as f64 / n.max(1) as f64
}

/// spaCy's analysis of one reference doc.
struct Reference {
    tag: Vec<String>,
    pos: Vec<String>,
    morph: Vec<String>,
    lemma: Vec<String>,
    dep: Vec<String>,
    head: Vec<usize>,
    sent_starts: Vec<usize>,
}

fn indices(v: &serde_json::Value) -> Vec<usize> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|h| h.as_u64().unwrap() as usize)
        .collect()
}

impl Reference {
    fn from_json(r: &serde_json::Value) -> Self {
        Self {
            tag: strings(&r["tag"]),
            pos: strings(&r["pos"]),
            morph: strings(&r["morph"]),
            lemma: strings(&r["lemma"]),
            dep: strings(&r["dep"]),
            head: indices(&r["head"]),
            sent_starts: indices(&r["sent_starts"]),
        }
    }
}

fn load_models() -> BTreeMap<String, SyntaxModel> {
    let mut models = BTreeMap::new();
    for (lang, name) in [("fr", "fr_core_news_md"), ("en", "en_core_web_sm")] {
        let dir = root().join("models").join(name);
        assert!(
            dir.join("parser").exists(),
            "{} is missing: run scripts/models",
            dir.display()
        );
        let m = SyntaxModel::load(&dir).unwrap_or_else(|e| panic!("loading {name}: {e}"));
        models.insert(lang.to_string(), m);
    }
    models
}

/// Compares one doc token by token, adding to `c`; prints the first differences (`shown` counts
/// the lines printed so far over all docs).
fn compare_doc(
    id: &str,
    text: &str,
    got: &verbatim::enrich::syntax::Analysis,
    want: &Reference,
    c: &mut Counts,
    shown: &mut usize,
) {
    for (i, t) in got.tokens.iter().enumerate() {
        c.tokens += 1;
        let ok_tag = t.tag == want.tag[i];
        let ok_pos = t.pos.as_str() == want.pos[i];
        let ok_morph = t.morph.as_str() == want.morph[i];
        let ok_lemma = t.lemma == want.lemma[i];
        let ok_head = t.head == want.head[i];
        let ok_dep = t.dep == want.dep[i];
        c.tag += usize::from(ok_tag);
        c.pos += usize::from(ok_pos);
        c.morph += usize::from(ok_morph);
        c.lemma += usize::from(ok_lemma);
        c.pos_morph_lemma += usize::from(ok_pos && ok_morph && ok_lemma);
        c.head += usize::from(ok_head);
        c.head_dep += usize::from(ok_head && ok_dep);
        c.sent_start += usize::from(t.sent_start == want.sent_starts.contains(&i));
        if !(ok_tag && ok_pos && ok_morph && ok_lemma && ok_head && ok_dep) && *shown < 40 {
            *shown += 1;
            eprintln!(
                "{id} #{i} {:?}: got {}/{}/{}/{}/{}->{} want {}/{}/{}/{}/{}->{}",
                &text[t.start..t.end],
                t.tag,
                t.pos.as_str(),
                t.morph.as_str(),
                t.lemma,
                t.dep,
                t.head,
                want.tag[i],
                want.pos[i],
                want.morph[i],
                want.lemma[i],
                want.dep[i],
                want.head[i]
            );
        }
    }
}

fn report(lang: &str, c: &Counts) {
    eprintln!(
        "{lang}: {} tokens; tag {:.3}% pos {:.3}% morph {:.3}% lemma {:.3}% \
         pos+morph+lemma {:.3}%; head {:.3}% head+dep {:.3}%; sent_start {:.3}%",
        c.tokens,
        pct(c.tag, c.tokens),
        pct(c.pos, c.tokens),
        pct(c.morph, c.tokens),
        pct(c.lemma, c.tokens),
        pct(c.pos_morph_lemma, c.tokens),
        pct(c.head, c.tokens),
        pct(c.head_dep, c.tokens),
        pct(c.sent_start, c.tokens),
    );
}

#[test]
fn syntax_matches_spacy() {
    let refs: HashMap<String, serde_json::Value> = lines("syntax-reference.jsonl")
        .into_iter()
        .map(|d| (d["id"].as_str().unwrap().to_string(), d))
        .collect();
    let models = load_models();
    let mut counts: BTreeMap<String, Counts> = BTreeMap::new();
    let mut shown = 0;
    for doc in lines("spacy-reference.jsonl") {
        let id = doc["id"].as_str().unwrap();
        let lang = doc["lang"].as_str().unwrap().to_string();
        let r = refs
            .get(id)
            .unwrap_or_else(|| panic!("{id} missing from syntax-reference"));
        let (text, toks) = tokens(&doc);
        let a = models[&lang].analyze(&text, &toks);
        assert_eq!(a.tokens.len(), toks.len(), "{id}");
        let want = Reference::from_json(r);
        assert_eq!(
            want.tag.len(),
            toks.len(),
            "{id}: reference has another tokenization"
        );
        compare_doc(
            id,
            &text,
            &a,
            &want,
            counts.entry(lang).or_default(),
            &mut shown,
        );
    }
    for (lang, c) in &counts {
        report(lang, c);
    }
    for (lang, c) in &counts {
        assert!(c.tokens > 10_000, "{lang}: only {} tokens", c.tokens);
        assert!(
            pct(c.pos_morph_lemma, c.tokens) >= 99.9,
            "{lang}: POS+morph+lemma equal on {:.3}% of tokens (< 99.9%)",
            pct(c.pos_morph_lemma, c.tokens)
        );
        assert!(
            pct(c.head_dep, c.tokens) >= 99.5,
            "{lang}: head+label equal on {:.3}% of tokens (< 99.5%)",
            pct(c.head_dep, c.tokens)
        );
    }
}
