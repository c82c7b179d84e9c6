//! The typed result of the syntax pipeline: per token POS, morphological features, lemma, head
//! and dependency label, sentence starts; with tree helpers for the core (`subject_of`,
//! `clause_of`, `noun_phrase`). Pure data, no I/O.

use std::ops::Range;

use super::morph;

/// Universal part of speech (spaCy's coarse `POS`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Pos {
    /// `ADJ`: adjective.
    Adj,
    /// `ADP`: adposition.
    Adp,
    /// `ADV`: adverb.
    Adv,
    /// `AUX`: auxiliary.
    Aux,
    /// `CCONJ`: coordinating conjunction.
    Cconj,
    /// `DET`: determiner.
    Det,
    /// `INTJ`: interjection.
    Intj,
    /// `NOUN`: noun.
    Noun,
    /// `NUM`: numeral.
    Num,
    /// `PART`: particle.
    Part,
    /// `PRON`: pronoun.
    Pron,
    /// `PROPN`: proper noun.
    Propn,
    /// `PUNCT`: punctuation.
    Punct,
    /// `SCONJ`: subordinating conjunction.
    Sconj,
    /// `SYM`: symbol.
    Sym,
    /// `VERB`: verb.
    Verb,
    /// `X`: other.
    X,
    /// `SPACE`: whitespace.
    Space,
    /// No POS assigned (spaCy's empty `pos_`).
    None,
}

impl Pos {
    /// Parses spaCy's POS name (`"NOUN"`); an unknown or empty name is [`Pos::None`].
    pub fn parse(s: &str) -> Pos {
        match s {
            "ADJ" => Pos::Adj,
            "ADP" => Pos::Adp,
            "ADV" => Pos::Adv,
            "AUX" => Pos::Aux,
            "CCONJ" | "CONJ" => Pos::Cconj,
            "DET" => Pos::Det,
            "INTJ" => Pos::Intj,
            "NOUN" => Pos::Noun,
            "NUM" => Pos::Num,
            "PART" => Pos::Part,
            "PRON" => Pos::Pron,
            "PROPN" => Pos::Propn,
            "PUNCT" => Pos::Punct,
            "SCONJ" => Pos::Sconj,
            "SYM" => Pos::Sym,
            "VERB" => Pos::Verb,
            "X" => Pos::X,
            "SPACE" => Pos::Space,
            _ => Pos::None,
        }
    }

    /// spaCy's name of the POS (`""` for [`Pos::None`]).
    pub fn as_str(self) -> &'static str {
        match self {
            Pos::Adj => "ADJ",
            Pos::Adp => "ADP",
            Pos::Adv => "ADV",
            Pos::Aux => "AUX",
            Pos::Cconj => "CCONJ",
            Pos::Det => "DET",
            Pos::Intj => "INTJ",
            Pos::Noun => "NOUN",
            Pos::Num => "NUM",
            Pos::Part => "PART",
            Pos::Pron => "PRON",
            Pos::Propn => "PROPN",
            Pos::Punct => "PUNCT",
            Pos::Sconj => "SCONJ",
            Pos::Sym => "SYM",
            Pos::Verb => "VERB",
            Pos::X => "X",
            Pos::Space => "SPACE",
            Pos::None => "",
        }
    }

    /// Nouns, proper nouns, pronouns: the heads of noun phrases.
    pub fn is_nominal(self) -> bool {
        matches!(self, Pos::Noun | Pos::Propn | Pos::Pron)
    }
}

/// Morphological features of a token in normalised UD FEATS form (`Gender=Fem|Number=Sing`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Morph(pub String);

impl Morph {
    /// The value of a feature (`"Gender"` → `"Fem"`).
    pub fn get(&self, field: &str) -> Option<&str> {
        morph::feature(&self.0, field)
    }
    /// `Gender` (`Masc`, `Fem`).
    pub fn gender(&self) -> Option<&str> {
        self.get("Gender")
    }
    /// `Number` (`Sing`, `Plur`).
    pub fn number(&self) -> Option<&str> {
        self.get("Number")
    }
    /// `Person` (`1`, `2`, `3`).
    pub fn person(&self) -> Option<&str> {
        self.get("Person")
    }
    /// `Tense` (`Pres`, `Past`, `Fut`, `Imp`).
    pub fn tense(&self) -> Option<&str> {
        self.get("Tense")
    }
    /// `VerbForm` (`Fin`, `Inf`, `Part`, `Ger`).
    pub fn verb_form(&self) -> Option<&str> {
        self.get("VerbForm")
    }
    /// The normalised FEATS string (`""` when there are no features).
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// One token's analysis. Offsets are bytes into the analysed text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxToken {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// Fine-grained tag (English Penn tags; French: the POS name, set by the attribute ruler).
    pub tag: String,
    /// Universal part of speech (from the tagger or morphologizer and the attribute ruler).
    pub pos: Pos,
    /// Morphological features (the attribute ruler's, or the morphologizer's).
    pub morph: Morph,
    /// Lemma (the attribute ruler's, else the rule lemmatizer's).
    pub lemma: String,
    /// Index of the head token; a sentence root is its own head.
    pub head: usize,
    /// Dependency label (`ROOT` for roots).
    pub dep: String,
    /// Whether the token starts a sentence (from the parse, as spaCy sets `is_sent_start`).
    pub sent_start: bool,
}

/// The analysis of one text. Built with [`Analysis::new`], which indexes the children of every
/// token once (`tokens` is readable; changing a head afterwards would leave the index stale).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Analysis {
    /// The tokens of the text, in order.
    pub tokens: Vec<SyntaxToken>,
    children: Children,
}

/// The children of every token in CSR form: the children of `i` are
/// `list[starts[i]..starts[i + 1]]`, left to right.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Children {
    starts: Vec<u32>,
    list: Vec<u32>,
}

impl Children {
    fn new(tokens: &[SyntaxToken]) -> Children {
        let n = tokens.len();
        let mut starts = vec![0u32; n + 1];
        for (j, t) in tokens.iter().enumerate() {
            if t.head != j && t.head < n {
                starts[t.head + 1] += 1;
            }
        }
        for i in 0..n {
            starts[i + 1] += starts[i];
        }
        let mut next: Vec<u32> = starts[..n].to_vec();
        let mut list = vec![0u32; starts[n] as usize];
        // Children are visited in token order, so each token's list is left to right.
        for (j, t) in tokens.iter().enumerate() {
            if t.head != j && t.head < n {
                list[next[t.head] as usize] = j as u32;
                next[t.head] += 1;
            }
        }
        Children { starts, list }
    }

    fn of(&self, i: usize) -> &[u32] {
        match (self.starts.get(i), self.starts.get(i + 1)) {
            (Some(&a), Some(&b)) => &self.list[a as usize..b as usize],
            _ => &[],
        }
    }
}

/// The head label of a dependency: `nsubj:pass` → `nsubj`.
fn base(dep: &str) -> &str {
    dep.split(':').next().unwrap_or(dep)
}

/// Dependencies that name a subject (UD and ClearNLP label sets).
fn is_subject(dep: &str) -> bool {
    matches!(base(dep), "nsubj" | "csubj" | "nsubjpass" | "csubjpass")
}

/// Dependencies that stay inside a noun phrase to the right of its head.
fn is_np_right(dep: &str) -> bool {
    matches!(base(dep), "flat" | "compound" | "fixed" | "amod" | "nummod")
}

/// Dependencies that attach a clause (its tokens are not part of the governing clause).
fn is_clausal(dep: &str) -> bool {
    matches!(
        base(dep),
        "ccomp" | "xcomp" | "advcl" | "acl" | "relcl" | "parataxis" | "conj" | "csubj"
    )
}

impl Analysis {
    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    /// Whether there are no tokens.
    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }

    /// The analysis of a text's tokens, with the children of every token indexed.
    pub fn new(tokens: Vec<SyntaxToken>) -> Analysis {
        let children = Children::new(&tokens);
        Analysis { tokens, children }
    }

    /// The children of a token, left to right (from the index: O(children)).
    pub fn children(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        self.children.of(i).iter().map(|&j| j as usize)
    }

    /// Token ranges of the sentences, in order.
    pub fn sentences(&self) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        let mut start = 0;
        for (i, t) in self.tokens.iter().enumerate().skip(1) {
            if t.sent_start {
                out.push(start..i);
                start = i;
            }
        }
        if !self.tokens.is_empty() {
            out.push(start..self.tokens.len());
        }
        out
    }

    /// The token range of a token's subtree.
    pub fn subtree(&self, i: usize) -> Range<usize> {
        let (mut lo, mut hi) = (i, i);
        let mut stack = vec![i];
        while let Some(t) = stack.pop() {
            lo = lo.min(t);
            hi = hi.max(t);
            stack.extend(self.children(t));
        }
        lo..hi + 1
    }

    /// The subject of a verb (or of the predicate a copula or auxiliary hangs on): its
    /// `nsubj`/`csubj` child; for a verb coordinated with or complementing another
    /// (`conj`, `xcomp`) without its own subject, the subject of that verb.
    pub fn subject_of(&self, verb: usize) -> Option<usize> {
        let mut v = verb;
        for _ in 0..self.tokens.len() {
            if let Some(s) = self.children(v).find(|&c| is_subject(&self.tokens[c].dep)) {
                return Some(s);
            }
            let t = &self.tokens[v];
            if t.head == v || !matches!(base(&t.dep), "conj" | "xcomp" | "aux" | "cop") {
                return None;
            }
            v = t.head;
        }
        None
    }

    /// The clause of a verb: the token range covering the verb and its dependents, recursively,
    /// without descending into the clauses attached to it (complement, adverbial, relative,
    /// coordinated clauses).
    pub fn clause_of(&self, verb: usize) -> Range<usize> {
        let (mut lo, mut hi) = (verb, verb);
        let mut stack = vec![verb];
        while let Some(t) = stack.pop() {
            lo = lo.min(t);
            hi = hi.max(t);
            stack.extend(
                self.children(t)
                    .filter(|&c| !is_clausal(&self.tokens[c].dep)),
            );
        }
        lo..hi + 1
    }

    /// The noun phrase a token belongs to: from the phrase head (the token itself when it is a
    /// noun, proper noun or pronoun, else its nominal head) over its left dependents and the
    /// right dependents that stay in the phrase (flat names, compounds, adjectives, numbers).
    /// `None` when the token is in no noun phrase.
    pub fn noun_phrase(&self, i: usize) -> Option<Range<usize>> {
        let mut h = i;
        if !self.tokens.get(h)?.pos.is_nominal() {
            let head = self.tokens[h].head;
            if head == h || !self.tokens[head].pos.is_nominal() {
                return None;
            }
            h = head;
        }
        let mut lo = h;
        let mut hi = h;
        for c in self.children(h) {
            if c < h {
                lo = lo.min(self.subtree(c).start);
            } else if is_np_right(&self.tokens[c].dep) {
                hi = hi.max(self.subtree(c).end - 1);
            }
        }
        Some(lo..hi + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tok(pos: &str, head: usize, dep: &str, start: bool) -> SyntaxToken {
        SyntaxToken {
            start: 0,
            end: 0,
            tag: String::new(),
            pos: Pos::parse(pos),
            morph: Morph::default(),
            lemma: String::new(),
            head,
            dep: dep.to_string(),
            sent_start: start,
        }
    }

    /// "The old ferry sank and drifted . It rained ."
    fn sample() -> Analysis {
        Analysis::new(vec![
            tok("DET", 2, "det", true),
            tok("ADJ", 2, "amod", false),
            tok("NOUN", 3, "nsubj", false),
            tok("VERB", 3, "ROOT", false),
            tok("CCONJ", 3, "cc", false),
            tok("VERB", 3, "conj", false),
            tok("PUNCT", 3, "punct", false),
            tok("PRON", 8, "nsubj", true),
            tok("VERB", 8, "ROOT", false),
            tok("PUNCT", 8, "punct", false),
        ])
    }

    /// The children every token would have by a scan of all heads.
    fn scanned_children(a: &Analysis, i: usize) -> Vec<usize> {
        (0..a.len())
            .filter(|&j| a.tokens[j].head == i && j != i)
            .collect()
    }

    #[test]
    fn the_children_index_agrees_with_a_scan_of_the_heads() {
        let a = sample();
        for i in 0..a.len() {
            assert_eq!(
                a.children(i).collect::<Vec<_>>(),
                scanned_children(&a, i),
                "token {i}"
            );
        }
        assert_eq!(a.children(3).collect::<Vec<_>>(), vec![2, 4, 5, 6]);
        assert_eq!(a.children(a.len()).count(), 0, "past the end: no children");
        assert_eq!(Analysis::default().children(0).count(), 0);
    }

    #[test]
    fn subjects_clauses_and_phrases() {
        let a = sample();
        assert_eq!(a.sentences(), vec![0..7, 7..10]);
        assert_eq!(a.subject_of(3), Some(2));
        // A coordinated verb without its own subject shares its head's.
        assert_eq!(a.subject_of(5), Some(2));
        assert_eq!(a.subject_of(8), Some(7));
        assert_eq!(a.noun_phrase(1), Some(0..3));
        assert_eq!(a.noun_phrase(2), Some(0..3));
        assert_eq!(a.noun_phrase(3), None);
        // The coordinated clause is not part of the first verb's clause.
        assert_eq!(a.clause_of(3), 0..7);
        assert_eq!(a.clause_of(5), 5..6);
        assert_eq!(a.subtree(3), 0..7);
    }

    #[test]
    fn morph_features() {
        let m = Morph("Gender=Fem|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin".into());
        assert_eq!(m.gender(), Some("Fem"));
        assert_eq!(m.number(), Some("Sing"));
        assert_eq!(m.person(), Some("3"));
        assert_eq!(m.tense(), Some("Pres"));
        assert_eq!(m.verb_form(), Some("Fin"));
        assert_eq!(Pos::parse("PROPN").as_str(), "PROPN");
        assert_eq!(Pos::parse(""), Pos::None);
    }
}
