//! Trimming a span's edges: articles, titles, lower-case words and house numbers in front,
//! date words, possessives and punctuation behind, an amount the model ran into; and the
//! lower-case head noun of a place or institution put back in front.

use super::Span;
use crate::enrich::profile::{key, lower, NameHead, TypeWord};
use crate::enrich::tokens::{tokenize, Tok};
use crate::enrich::types::EntityType;

impl Span<'_> {
    /// Leading punctuation and articles, a title before a person's name, a house number before
    /// a street name; `None` when nothing is left.
    pub(super) fn trim_front(&self, mut s: usize, e: usize) -> Option<usize> {
        let (t, res, ty) = (self.text, self.res, self.ty);
        loop {
            let seg = &t[s..e];
            let c = seg.chars().next()?;
            if !c.is_alphanumeric() {
                s += c.len_utf8();
                continue;
            }
            let toks = tokenize(seg, &res.tokens);
            // An article is dropped when written in lower case ("the Foundation", "l'ONU"), or
            // at the start of a sentence; a capitalised one inside a sentence belongs to the
            // name ("Le Monde", "The Hague"), elided too ("à L'Isle-Adam", "dans L'Express").
            // A paragraph's start opens a sentence too (after a heading without a full stop).
            let sentence_start = t[..s].trim_end_matches([' ', '\t']).ends_with('\n')
                || t[..s].trim_end().chars().next_back().is_none_or(|c| {
                    matches!(c, '.' | '!' | '?' | ':' | '«' | '"' | '“' | '(' | '—')
                });
            // Not before one word that is no name alone ("L'Etat du Tovel", a typo).
            let common_after = toks.len() == 2
                && toks[0].lower.ends_with('\'')
                && (res.stop.contains(&key(&toks[1].lower))
                    || res.type_words.contains_key(&key(&toks[1].lower)));
            let droppable = !toks.is_empty() && (!toks[0].cap || sentence_start || common_after);
            // Before an adjective, too, for a place's or a body's name ("The national" +
            // "Department of Fisheries"): the adjective goes next, as a lower-case word.
            let adjective_then_name = matches!(ty, EntityType::Location | EntityType::Organization)
                && toks.get(2).is_some_and(|x| x.word && x.cap);
            if toks.len() >= 2
                && toks[0].word
                && droppable
                && res.articles.contains_key(&toks[0].lower)
                && (toks[1].cap || adjective_then_name)
                && toks[1].word
            {
                s += toks[1].start;
                continue;
            }
            // A preposition capitalised only because it opens the sentence ("À Volnay, la
            // grêle…", "In Leeds, …"); not a surname's particle ("De Gaulle").
            if sentence_start
                && toks.len() >= 2
                && toks[0].word
                && toks[0].cap
                && toks[1].word
                && toks[1].cap
                && res.preps.contains(&toks[0].lower)
                && !res.particles.contains(&toks[0].lower)
                && !res.possessive_dets.contains(&toks[0].lower)
            {
                s += toks[1].start;
                continue;
            }
            // A lower-case possessor before the name ("the university's Bragg Building"): its
            // noun heads no name.
            if toks.len() >= 3
                && toks[0].word
                && !toks[0].cap
                && res
                    .tokens
                    .possessives
                    .iter()
                    .any(|p| lower(p) == toks[1].lower)
                && toks[2].cap
            {
                s += toks[2].start;
                continue;
            }
            // Lower-case words before a place or organisation's name that are not its head
            // ("de Rennes", "la basilique de Vézelay" without "basilique" among the head words):
            // the name is kept from its first capitalised word, not dropped.
            let head =
                |x: &crate::enrich::tokens::Tok| x.word && (x.cap || res.is_head_word(&x.lower));
            // Only for names of places and organisations, or a name the model left untyped
            // that a head word opens ("de l'Institut de géographie"): a date or an amount keeps
            // its words ("the beginning of January", "2:00 AM").
            let is_head = |x: &crate::enrich::tokens::Tok| x.cap && res.is_head_word(&x.lower);
            let named = matches!(ty, EntityType::Location | EntityType::Organization)
                || (ty == EntityType::Misc
                    && toks.iter().find(|x| x.word && x.cap).is_some_and(is_head));
            let lower_case = named
                && toks[0].word
                && !seg[toks[0].start..toks[0].end].contains(char::is_uppercase);
            // Or a class noun written in capitals ("l'ONG Terre solidaire").
            let initials = named
                && toks[0].word
                && toks[0].lower.chars().count() >= 2
                && !seg[toks[0].start..toks[0].end].contains(char::is_lowercase);
            if (lower_case || initials) && self.class_noun(seg) {
                if let Some(n) = toks.iter().skip(1).find(|x| x.word && x.cap) {
                    s += n.start;
                    continue;
                }
            }
            if lower_case && !head(&toks[0]) {
                if let Some(n) = toks.iter().position(head) {
                    // Not the complement of a role ("la ministre de la Culture"): that is no
                    // name, and is dropped whole below.
                    if !toks[..n].iter().any(|x| res.role(&x.lower).is_some()) {
                        s += toks[n].start;
                        continue;
                    }
                }
            }
            // A lower-case head whose complement is a body named on its own head after a
            // definite article ("la salle d'attente du Centre hospitalier de Tovel", "la
            // commission d'appel de la Fédération tovelienne de judo"): the body is the name.
            if lower_case && head(&toks[0]) {
                if let Some(n) = toks.iter().position(|x| x.word && x.cap) {
                    if n >= 1
                        && self.definite(&toks[n - 1].lower)
                        && self.body_on_own_head(s + toks[n].start, e)
                    {
                        s += toks[n].start;
                        continue;
                    }
                }
            }
            // A national before a person's full name ("la Malienne Awa Diallo", "the Kenyan
            // Joy Wanjiru"): a description, not a name ("Normand Roy" keeps its first name).
            if (ty == EntityType::Person
                || toks
                    .get(1)
                    .is_some_and(|x| res.first_names.contains_key(&x.lower)))
                && toks.len() >= 3
                && toks[..3].iter().all(|x| x.word && x.cap)
                && res.demonyms.contains(&key(&toks[0].lower))
                && !res.first_names.contains_key(&toks[0].lower)
            {
                s += toks[1].start;
                continue;
            }
            // A title before a person's name ("Me Sébastien Schapira", "Dr. Ann Lee").
            // Not before a place's or a body's head word: "King George Boulevard" is a street.
            let headed = toks
                .last()
                .is_some_and(|x| x.word && toks.len() > 2 && res.is_head_word(&x.lower));
            if ty == EntityType::Person
                && toks[0].word
                && !headed
                && res.role(&toks[0].lower).is_some()
            {
                // Also before a surname's particle ("M. de Montfort", "Mr van Dyke").
                let named = |i: usize| {
                    toks.get(i).is_some_and(|t| t.cap)
                        || (toks
                            .get(i)
                            .is_some_and(|t| res.particles.contains(&t.lower))
                            && toks.get(i + 1).is_some_and(|t| t.word && t.cap))
                };
                if let Some(i) = (1..toks.len())
                    .find(|&i| toks[i].word)
                    .filter(|&i| named(i))
                {
                    s += toks[i].start;
                    continue;
                }
            }
            // A speech verb inverted before a person's name at a sentence start ("Replied
            // Ada Lind: …", "Says Tom Fell, …"), unless it is a first name as well.
            if ty == EntityType::Person
                && sentence_start
                && toks.len() >= 2
                && toks[0].word
                && toks[1].word
                && toks[1].cap
                && res.cues_starting(&toks[0].lower).next().is_some()
                && !res.first_names.contains_key(&toks[0].lower)
            {
                s += toks[1].start;
                continue;
            }
            // A house number before a street name ("1420 Birchmont Avenue").
            if ty == EntityType::Location
                && toks.len() >= 2
                && toks[0].lower.chars().all(|c| c.is_ascii_digit())
                && toks[1].cap
            {
                s += toks[1].start;
                continue;
            }
            return Some(s);
        }
    }

    /// A lower-case head noun the model left out: a street word right before the name ("rue
    /// Erlanger", often labelled a person; not before a date: "along the coast Monday"), or,
    /// where a name's head comes first, a facility or institution noun with its adjectives and
    /// a complement preposition ("l'aéroport de Nice", "le tribunal administratif de Lyon").
    pub(super) fn street_word(&self, s: usize, e: usize) -> usize {
        // One plain word the model called a body after a place's head and its preposition
        // names the place (« la rue des Tovelins », « la salle omnisports de Marle »): the
        // premises of a body follow its full name or its acronym.
        if self.ty == EntityType::Organization && self.lone_name(s, e) {
            let h = Span {
                ty: EntityType::Location,
                ..*self
            }
            .head_before(s);
            if h < s && self.place_head_at(h, s) && !self.ranked(h) {
                return h;
            }
        }
        let h = self.head_before(s);
        // A span the model called a work or an event opens on a place's head only: the model
        // often calls misc the name after « le quai de », « l'allée des », « le massif des ».
        if self.ty == EntityType::Misc
            && !(h < s
                && self.text[s..].starts_with(char::is_uppercase)
                && self.place_head_at(h, s)
                && !self.ranked(h)
                && !self.body_named(s))
        {
            return s;
        }
        h
    }

    /// Whether `text[s..e]` is one capitalised word, neither an acronym, a body's head word nor
    /// a feast.
    fn lone_name(&self, s: usize, e: usize) -> bool {
        let w = &self.text[s..e];
        w.starts_with(char::is_uppercase)
            && !w.contains(char::is_whitespace)
            && w.chars().any(char::is_lowercase)
            && w.chars().all(|c| c.is_alphabetic() || c == '-')
            && !self.body_named(s)
    }

    /// Whether an ordinal stands right before the head at `h`: « la cinquième place du
    /// classement » is a rank, « la 5e place » too; not a year (« depuis 1958 rue de Tovel »).
    fn ranked(&self, h: usize) -> bool {
        let prev = self.text[..h]
            .trim_end()
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        let prev = lower(prev);
        (prev.starts_with(|c: char| c.is_ascii_digit()) && prev.contains(char::is_alphabetic))
            || self.res.ordinals.iter().any(|o| prev.ends_with(o.as_str()))
    }

    /// Whether the span at `s` opens on a body's own head word (« la salle d'audience du
    /// Tribunal de commerce »), the premises of a body, or on a feast (« le marché de Noël »),
    /// an event: not a place's name.
    fn body_named(&self, s: usize) -> bool {
        let first = self.word_from(s);
        self.res.type_words.get(&key(first)) == Some(&TypeWord::Org)
            || self.res.feasts.contains(&lower(first))
    }

    /// Whether the lower-case words from `h` to the span at `s` are a place's head (`loc|`, one
    /// word or two: « le massif », « le centre aquatique ») and its complement preposition
    /// alone: « au cours de la conférence » + a name is no place.
    fn place_head_at(&self, h: usize, s: usize) -> bool {
        let words: Vec<&str> = self.text[h..s]
            .split(|c: char| !(c.is_alphabetic() || c == '-'))
            .filter(|w| !w.is_empty())
            .collect();
        let res = self.res;
        let is_loc = |w: &str| res.type_words.get(&key(w)) == Some(&TypeWord::Loc);
        let linking = |w: &&str| {
            let w = lower(w);
            res.complements.contains(&w)
                || self.definite(&w)
                || self.definite(&format!("{w}'"))
                || res.articles.contains_key(&w)
        };
        let head = match words.as_slice() {
            [w, ..] if is_loc(w) => 1,
            [a, b, ..] if is_loc(&format!("{a} {b}")) => 2,
            _ => return false,
        };
        words[head..].iter().all(linking)
    }

    /// The start of the lower-case head the model left out before `s`, or `s`.
    fn head_before(&self, s: usize) -> usize {
        // The model's span opens on the complement ("barreau" + "de Metz"): the head before it
        // opens the name, if there is one.
        if let Some(inner) = self.after_complement(s) {
            if let Some(h) = self.head_of_complement(inner) {
                return h;
            }
        }
        let Some(b) = self.text[..s].strip_suffix(' ') else {
            return self.head_of_complement(s).unwrap_or(s);
        };
        // The whitespace may be wider than one byte (U+2000...): step over the whole char.
        let w_start = b
            .char_indices()
            .rfind(|(_, c)| c.is_whitespace())
            .map_or(0, |(i, c)| i + c.len_utf8());
        // An elided article glued to the head ("l’aréna Marcel-Dutil"): the head after it.
        let w_start = match b[w_start..].split_once(['\'', '’']) {
            Some((a, h)) if self.res.articles.contains_key(&format!("{}'", lower(a))) => {
                b.len() - h.len()
            }
            _ => w_start,
        };
        let w = &b[w_start..];
        if w.starts_with(char::is_lowercase)
            && (self.res.type_words.get(&key(w)) == Some(&TypeWord::Loc)
                || self.res.is_head_word(w) && self.dedication_at(s))
            && (self.free)(w_start + w.len())
        {
            w_start
        } else if let Some(h) = self
            .two_word_head(b, w_start)
            .filter(|_| self.dedication_at(s))
        {
            h
        } else {
            self.head_of_complement(s).unwrap_or(s)
        }
    }

    /// The word of letters and hyphens that opens at `at` (empty when none does).
    fn word_from(&self, at: usize) -> &str {
        self.text[at..]
            .split(|c: char| !(c.is_alphabetic() || c == '-'))
            .next()
            .unwrap_or("")
    }

    /// Whether the lower-case head at `h` is a place's and the name it complements a body's
    /// ("la salle de réunion du siège de" + an organisation): the premises of a body are no
    /// place of their own name.
    fn premises_of_body(&self, h: usize) -> bool {
        let w = self.word_from(h);
        self.ty == EntityType::Organization
            && self.res.type_words.get(&key(w)) == Some(&TypeWord::Loc)
    }

    /// The start of a lower-case head of two words ending at `w_start + …` in `b` (the text
    /// before the span and its space): "le centre hospitalier" + "Jean-Rostand".
    fn two_word_head(&self, b: &str, w_start: usize) -> Option<usize> {
        let before = b[..w_start].strip_suffix(' ')?;
        let s1 = before
            .char_indices()
            .rfind(|(_, c)| !c.is_alphabetic())
            .map_or(0, |(i, c)| i + c.len_utf8());
        let head = &b[s1..];
        (head.starts_with(char::is_lowercase)
            && head.contains(' ')
            && self.res.is_head_word(head)
            && (self.free)(b.len()))
        .then_some(s1)
    }

    /// Whether the span at `s` is one hyphenated name of capitalised parts, where the language
    /// names institutions after persons so (`hyphen_dedication`: "l'hôpital Robert-Debré", "le
    /// lycée Jean-Moulin"): an institution's head right before it opens the name.
    fn dedication_at(&self, s: usize) -> bool {
        let w = self.word_from(s);
        self.res.hyphen_dedication
            && w.contains('-')
            && w.split('-').all(|p| p.starts_with(char::is_uppercase))
    }

    /// The start of the capitalised word after a lower-case complement preposition opening the
    /// span at `s` ("de Metz", "d'Arras"), if it opens so.
    fn after_complement(&self, s: usize) -> Option<usize> {
        if !self.text[s..].starts_with(char::is_lowercase) {
            return None;
        }
        let mut e = (s + 48).min(self.text.len());
        while !self.text.is_char_boundary(e) {
            e -= 1;
        }
        let toks = tokenize(&self.text[s..e], &self.res.tokens);
        let (c, n) = (toks.first()?, toks.get(1)?);
        (c.word && !c.cap && self.res.complements.contains(&c.lower) && n.word && n.cap)
            .then_some(s + n.start)
    }

    /// The start of a lower-case institution or facility name right before `s`, in a language
    /// whose names put their head first: "HEAD [adjective…] COMPLEMENT [article]", where the
    /// words between the head and the last complement may themselves be nouns with their own
    /// complements ("la mosquée de Vernon", "la cour d'appel de Rennes", "le tribunal de
    /// commerce de Caen", "le groupement de gendarmerie de l'Orne", "le service d'incendie et
    /// de secours de l'Ain"). The outermost head of the chain opens the name; not a class noun
    /// that a context rule reads as the name's own type ("la province de Namur" names Namur).
    pub(super) fn head_of_complement(&self, s: usize) -> Option<usize> {
        let (t, res) = (self.text, self.res);
        if res.name_head != NameHead::First {
            return None;
        }
        let mut from = s.saturating_sub(120);
        while !t.is_char_boundary(from) {
            from += 1;
        }
        // With the name's first letter, so that an elision before it stays one token ("d'").
        let next = t[s..].chars().next().map_or(0, char::len_utf8);
        let mut toks = tokenize(&t[from..s + next], &res.tokens);
        toks.retain(|x| from + x.start < s);
        let word_at = |i: usize| toks.get(i).filter(|x| x.word && !x.cap);
        let definite_at = |i: usize| word_at(i).is_some_and(|p| self.definite(&p.lower));
        let mut i = toks.len();
        // A name opening on its own lower-case head after a definite article is not another's
        // complement: "la salle d'attente de l'hôpital Sainte-Anne" names the hospital (but
        // "le groupement de" + "gendarmerie de l'Orne" is one name).
        let first = self.word_from(s);
        // Nor a body named on its own head ("de la" + "Fédération tovelienne de judo").
        let mut end = (s + 80).min(t.len());
        while !t.is_char_boundary(end) {
            end -= 1;
        }
        if (first.starts_with(char::is_lowercase) && res.is_head_word(first)
            || self.body_on_own_head(s, end))
            && i.checked_sub(1).is_some_and(definite_at)
        {
            return None;
        }
        // An article after the preposition ("de la", "de l'"); "des" is both.
        let complement_at =
            |i: usize| word_at(i).is_some_and(|x| res.complements.contains(&x.lower));
        if i >= 2
            && word_at(i - 1).is_some_and(|x| res.articles.contains_key(&x.lower))
            && complement_at(i - 2)
        {
            i -= 1;
        }
        if !(i >= 1 && complement_at(i - 1)) {
            return None;
        }
        i -= 1;
        // An institution's short name written in capitals as its head ("le CHU de Tovel", "la
        // FDSEA du Tarn"): the branch of a network, named by its seat.
        if let Some(h) = i.checked_sub(1).and_then(|j| toks.get(j)) {
            let w = &t[from + h.start..from + h.end];
            if h.word && super::seat_named_acronym(w, res) {
                return (self.free)(from + h.start).then_some(from + h.start);
            }
        }
        let mut outer = None;
        // Words read since the last complement (a noun and its adjectives), at most three.
        let mut run = 0;
        while let Some(h) = i.checked_sub(1).and_then(word_at) {
            let w = h.lower.as_str();
            let next_is_complement = || {
                i.checked_sub(2)
                    .and_then(word_at)
                    .is_some_and(|p| res.complements.contains(&p.lower))
            };
            // A head of two words ("centre hospitalier") is as specific as a place's: names do
            // not nest around it ("la maternité du centre hospitalier de X" names the centre).
            let compound = toks
                .get(i)
                .is_some_and(|n| res.is_head_word(&format!("{w} {}", n.lower)));
            if compound {
                outer = Some((from + h.start, i - 1));
                break;
            }
            // A common noun's head straight before its complement ("le service de
            // Saint-Ouen"): a service of the place, no name.
            let bare = res.modified_heads.contains(w)
                && toks
                    .get(i)
                    .is_some_and(|n| res.complements.contains(&n.lower));
            if bare {
                break;
            }
            if res.is_head_word(w) {
                outer = Some((from + h.start, i - 1));
                run += 1;
                // Place names do not nest: what is "de la rue X" or "près du pont Y" stands
                // there, and the place is the name ("la salle des fêtes de la rue des Lilas"
                // names the street). Nor does an institution written with its own definite
                // article: "la chambre du tribunal de Lyon" names the court, where "le
                // groupement de gendarmerie de l'Orne" is one name.
                let definite = i.checked_sub(2).is_some_and(definite_at);
                if res.type_words.get(&key(w)) == Some(&TypeWord::Loc) || definite {
                    break;
                }
            } else if res.complements.contains(w) && run > 0 {
                // A complement inside the name ("cour d'assises", "tribunal de commerce").
                run = 0;
            } else if res.articles.contains_key(w) && run > 0 && next_is_complement() {
                // "de la", "de l'" inside the name: the complement comes next.
                run = 0;
            } else if res.and_words.contains(w) && run == 0 && !next_is_complement() {
                // Two complements joined ("d'incendie et de secours"): a noun comes next.
            } else if run < 2 && self.plain_word(w) {
                run += 1;
            } else {
                break;
            }
            i -= 1;
        }
        let (body, hi) = outer?;
        // A unit's noun is no class noun of the name after it: the body's head is checked.
        let (hs, hi) = self.unit_before(&toks, from, hi).unwrap_or((body, hi));
        if self.organ_of_body(hs, s) {
            return None;
        }
        // After an indefinite article the head is a common noun: "un hôtel de Doha" is a hotel
        // in Doha, not a name; so is a head of the singular only after a plural determiner
        // (« des pays d'Asie »).
        let det = hi.checked_sub(1).and_then(|j| toks.get(j));
        let indefinite = det.is_some_and(|x| {
            res.articles.contains_key(&x.lower) && !res.definites.contains(&x.lower)
        }) || det.is_some_and(|x| {
            let plural = res.plural_dets.contains(&x.lower)
                || res.indefinites.contains(&x.lower)
                || x.lower.chars().all(|c| c.is_ascii_digit());
            plural
                && toks
                    .get(hi)
                    .is_some_and(|h| res.singular_heads.contains(&h.lower))
        });
        // Nor after an ordinal: « le deuxième pays d'Asie » ranks a country.
        ((self.free)(hs)
            && !indefinite
            && !self.ranked(hs)
            && !self.class_noun(&t[body..s])
            && !self.premises_of_body(hs))
        .then_some(hs)
    }

    /// Whether `t[h..s]` is the name of a body's organ and its preposition (`organ|`: « conseil
    /// d'administration de la » + « Coopérative Tovel »): the body is the name.
    fn organ_of_body(&self, h: usize, s: usize) -> bool {
        let head = lower(&self.text[h..s]).replace('’', "'");
        self.res.organs.iter().any(|o| {
            head.strip_prefix(o.as_str()).is_some_and(|rest| {
                let toks = tokenize(rest, &self.res.tokens);
                !toks.is_empty()
                    && toks.iter().all(|x| {
                        self.res.complements.contains(&x.lower)
                            || self.res.articles.contains_key(&x.lower)
                    })
            })
        })
    }

    /// Whether `w` (lower case) is a definite article, alone or contracted ("la", "l’", "du").
    fn definite(&self, w: &str) -> bool {
        let w = w.replace('’', "'");
        self.res.definites.contains(&w) || self.res.contracted.contains(&w)
    }

    /// Whether the name at `at` (read up to `end`) is a body's on its own head: an organisation's
    /// head word of two words ("Centre hospitalier"), or of one word and another word of the
    /// name after it ("Université Laval", "Parti socialiste") or its complement ("Université
    /// de Tovel"). Such a body is a name of its own
    /// after a definite article, not the complement of a lower-case head before it; one word
    /// alone is ("la rue de l'Hôpital", "la place de la Mairie").
    fn body_on_own_head(&self, at: usize, end: usize) -> bool {
        let res = self.res;
        let toks = tokenize(&self.text[at..end], &res.tokens);
        let (Some(h), Some(n)) = (toks.first(), toks.get(1)) else {
            return false;
        };
        let org = |w: &str| res.type_words.get(&key(w)) == Some(&TypeWord::Org);
        h.word
            && h.cap
            && n.word
            && (org(&format!("{} {}", h.lower, n.lower))
                || org(&h.lower)
                    && (n.cap
                        || self.plain_word(&n.lower)
                        || res.complements.contains(&n.lower)
                            && toks.get(2).is_some_and(|x| x.word && x.cap)))
    }

    /// Whether `w` (lower case) may be a noun or an adjective inside a lower-case name: letters
    /// only, and no date word, preposition or other function word ("la 6e place à 6 points de
    /// Lyon" is no name).
    /// The start and token index of a body's unit (`unit|…`) right before the body's head at
    /// token `hi`, through a complement, an optional definite article and maybe one noun with
    /// its complement of its own: « la compagnie de » + « gendarmerie de Tovel », « la brigade
    /// de recherches de la » + « gendarmerie de Sarne ».
    fn unit_before(&self, toks: &[Tok], from: usize, hi: usize) -> Option<(usize, usize)> {
        let res = self.res;
        let word_at = |i: usize| {
            toks.get(i)
                .filter(|x| x.word && !x.cap)
                .map(|x| x.lower.as_str())
        };
        let complement_at = |i: usize| word_at(i).is_some_and(|w| res.complements.contains(w));
        let unit_at = |i: usize| word_at(i).is_some_and(|w| res.units.contains(w));
        let mut k = hi;
        if k >= 1 && word_at(k - 1).is_some_and(|w| self.definite(w)) {
            k -= 1;
        }
        if !(k >= 1 && complement_at(k - 1)) {
            return None;
        }
        k -= 1;
        let u = if k >= 1 && unit_at(k - 1) {
            k - 1
        } else if k >= 3
            && word_at(k - 1).is_some_and(|w| self.plain_word(w))
            && complement_at(k - 2)
            && unit_at(k - 3)
        {
            k - 3
        } else {
            return None;
        };
        let start = from + toks[u].start;
        (self.free)(start).then_some((start, u))
    }

    fn plain_word(&self, w: &str) -> bool {
        let res = self.res;
        w.chars().all(|c| c.is_alphabetic() || c == '-')
            && w.chars().count() > 2
            && !res.stop.contains(&key(w))
            && !res.function_words.contains(w)
            && !res.complements.contains(w)
            && !res.articles.contains_key(w)
            && !res.addressees.contains(w)
            && !res.locatives.contains(w)
            && !res.name_preps.contains(w)
    }

    /// Whether `phrase` opens with a class noun that a context rule reads as the type of the
    /// name after it ("la province de", "le club"): the name is what follows.
    pub(super) fn class_noun(&self, phrase: &str) -> bool {
        let phrase = lower(phrase).replace('’', "'");
        self.res.context.before.iter().any(|(w, _)| {
            // Whole words: "groupe" does not open "groupement de gendarmerie".
            phrase.strip_prefix(w.as_str()).is_some_and(|rest| {
                w.ends_with(['\'', ' '])
                    || !rest.starts_with(|c: char| c.is_alphanumeric() || c == '-')
            })
        })
    }

    /// Trailing possessive and punctuation; `None` when nothing is left.
    pub(super) fn trim_back(&self, s: usize, mut e: usize) -> Option<usize> {
        // No name holds a possessive determiner: the model ran on into the clause ("au
        // Courrier" + "sa directrice", "told the Herald" + "her plans").
        let seg = &self.text[s..e];
        if let Some(i) = (self.ty != EntityType::Misc)
            .then(|| seg.match_indices(' '))
            .into_iter()
            .flatten()
            .map(|(i, _)| i + 1)
            .find(|&i| {
                let w = seg[i..].split(' ').next().unwrap_or("");
                self.res.possessive_dets.contains(w)
            })
        {
            e = s + seg[..i].trim_end().len();
        }
        loop {
            let seg = &self.text[s..e];
            let c = seg.chars().next_back()?;
            // A date word the model ran into ("le Bundestag mardi", "the Senate Monday").
            if let Some((head, last)) = seg.rsplit_once(' ') {
                // A name never ends on the preposition of its site ("the Harbour Hotel on" +
                // "Friday"); one of a complement may be joined to what follows ("of" + "Ohio").
                // Where heads come last, a name ends on its capitalised head: a lower-case
                // word after it is the sentence's ("the Water Board for further tests").
                let dangling = self.res.site_preps.iter().any(|p| p == last)
                    || self.res.stop.contains(&key(last))
                    || (self.res.name_head == NameHead::Last
                        && last.chars().all(|c| c.is_lowercase())
                        && !self.res.context.inner.contains(last)
                        && !self.res.articles.contains_key(last)
                        && head.contains(|c: char| c.is_uppercase())
                        // An amount's unit is cut with its number ("1.8 billion").
                        && !head
                            .rsplit(' ')
                            .next()
                            .is_some_and(|w| w.contains(|c: char| c.is_ascii_digit())));
                if last.starts_with(char::is_lowercase) && dangling {
                    e = s + head.trim_end().len();
                    continue;
                }
                // Letters after a person's name: an honour or an office, not the name ("Ann
                // Reyes KC", "Tom Hart MP").
                let name = head.trim_end_matches([' ', ',']);
                if self.res.postnominals.contains(last)
                    && name
                        .split(' ')
                        .filter(|w| w.starts_with(char::is_uppercase))
                        .count()
                        >= 2
                {
                    e = s + name.len();
                    continue;
                }
            }
            if let Some(x) = self
                .res
                .trim_suffixes
                .iter()
                .find_map(|p| seg.strip_suffix(p.as_str()))
            {
                e = s + x.len();
                continue;
            }
            if c == '.' {
                let last = seg.rsplit(' ').next().unwrap_or(seg);
                if last.trim_end_matches('.').contains('.')
                    || last.chars().filter(|c| c.is_alphabetic()).count() <= 3
                {
                    return Some(e);
                }
            } else if c.is_alphanumeric() || c == '+' || c == ')' {
                return Some(e);
            }
            e -= c.len_utf8();
        }
    }

    /// The period of an initial closing a person's name, when the model left it out ("Karim
    /// B" + "." in "Karim B. a été entendu"): the name is written with it elsewhere.
    pub(super) fn initial_period(&self, s: usize, e: usize) -> usize {
        let seg = &self.text[s..e];
        let initial = seg.rsplit_once(' ').is_some_and(|(_, w)| {
            let mut cs = w.chars();
            cs.next().is_some_and(char::is_uppercase) && cs.next().is_none()
        });
        if self.ty == EntityType::Person && initial && self.text[e..].starts_with('.') {
            e + 1
        } else {
            e
        }
    }

    /// An amount the model ran into ("Apple 1.8 billion euros"); "Airbus A320", "Ligue 1" and
    /// a head noun before a number ("Mouvement 5 étoiles") keep their numbers.
    pub(super) fn cut_amount(&self, s: usize, e: usize) -> usize {
        if self.ty == EntityType::Misc {
            return e;
        }
        let t = self.text;
        let toks = tokenize(&t[s..e], &self.res.tokens);
        let amount = toks.windows(2).position(|w| {
            w[0].lower.starts_with(|c: char| c.is_ascii_digit()) && w[1].word && !w[1].cap
        });
        // What a cut would leave is a bare head noun ("Mouvement" of "Mouvement 5 étoiles",
        // "Brigade 7 ponts"): the number is the name's.
        let bare_head = |i: usize| i == 1 && self.res.is_head_word(&toks[0].lower);
        match amount.filter(|&i| i >= 1 && !bare_head(i)) {
            Some(i) => s + t[s..s + toks[i].start].trim_end().len(),
            None => e,
        }
    }
}
