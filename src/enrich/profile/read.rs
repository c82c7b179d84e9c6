//! Reading the resource files into a [`Profile`]: speech verbs, demonyms, type words,
//! abbreviations and the kinds of `words.txt`.

use super::*;

/// Most digits of a road's number when its class gives none ("A4232").
const MAX_ROAD_DIGITS: usize = 4;

impl Profile {
    /// Speech verbs: `= form` a literal cue, `@ form` a source cue whose speaker follows it
    /// ("according to X"), else a verb whose lemma and conjugated forms are cues.
    pub(super) fn read_verbs(&mut self, verbs: &'static str, settings: &Settings) {
        for l in lines(verbs) {
            if let Some(c) = l.strip_prefix('=') {
                self.add_cue(c, false);
            } else if let Some(c) = l.strip_prefix('@') {
                self.add_cue(c, true);
            } else {
                for f in (settings.verb_forms)(l) {
                    self.add_cue(&f, false);
                }
                self.speech_lemmas.insert(speech_lemma(l));
            }
        }
        for i in self.cue_index.values_mut() {
            i.sort_by_key(|&c| std::cmp::Reverse(self.cues[c].tokens.len()));
        }
    }

    /// Demonyms with the forms the language derives from each.
    pub(super) fn read_demonyms(&mut self, demonyms: &'static str, settings: &Settings) {
        for l in lines(demonyms) {
            for f in (settings.demonym_forms)(l) {
                self.demonyms.insert(key(&f));
            }
        }
    }

    /// Head words that type a name (`kind|word`).
    pub(super) fn read_type_words(&mut self, type_words: &'static str) {
        for l in lines(type_words) {
            if let Some((kind, w)) = l.split_once('|') {
                if kind == "club_head" {
                    self.club_heads.insert(key(w));
                    continue;
                }
                // Kept out of the head words: only the name's typing reads them.
                if kind == "pre_org" {
                    self.other_side_only.insert(key(w));
                    self.other_side_orgs.insert(key(w));
                    continue;
                }
                if kind == "division" || kind == "pre_division" {
                    self.divisions.insert(key(w));
                }
                if kind.starts_with("pre_") {
                    self.other_side_only.insert(key(w));
                }
                if kind == "head_loc" || kind == "head_org" {
                    self.head_side_only.insert(key(w));
                }
                let t = match kind {
                    "org" | "head_org" => TypeWord::Org,
                    "loc" | "division" | "pre_division" | "head_loc" => TypeWord::Loc,
                    "event" | "pre_event" => TypeWord::Event,
                    "metonym" => TypeWord::Metonym,
                    "legal" => TypeWord::Legal,
                    "law" => TypeWord::Law,
                    _ => TypeWord::State,
                };
                self.type_words.insert(key(w), t);
            }
        }
    }

    /// Abbreviated names (`abbreviation|full name|…`) and acronyms (`acronym|expansion|…`).
    pub(super) fn read_abbreviations(
        &mut self,
        name_abbrevs: &'static str,
        acronyms: &'static str,
    ) {
        for l in lines(name_abbrevs) {
            let mut parts = l.split('|');
            if let Some(a) = parts.next() {
                self.name_abbrevs
                    .insert(abbrev_key(a), parts.map(key).collect());
            }
        }
        for l in lines(acronyms) {
            let mut parts = l.split('|').map(key);
            if let Some(a) = parts.next() {
                self.acronyms.push((a.replace('.', ""), parts.collect()));
            }
        }
    }

    pub(super) fn read_words(&mut self, words: &'static str) {
        for l in lines(words) {
            let Some((kind, w)) = l.split_once('|') else {
                continue;
            };
            let set = match kind {
                "article" => {
                    let (w, g) = w.split_once(':').unwrap_or((w, "x"));
                    self.articles.insert(lower(w), Gender::parse(g));
                    continue;
                }
                "demonym_suffix" => {
                    self.demonym_suffixes.push(lower(w));
                    continue;
                }
                "region_suffix" => {
                    self.region_suffixes.push(lower(w));
                    continue;
                }
                "name_prefix" => {
                    self.name_prefixes.push(lower(w));
                    continue;
                }
                "age_suffix" => {
                    self.age_suffixes.push(lower(w));
                    continue;
                }
                "site_prep" => {
                    self.site_preps.push(lower(w));
                    continue;
                }
                "state_university_country" => {
                    self.state_university_countries.insert(w.to_string());
                    continue;
                }
                "route_noun" => {
                    self.route_nouns.insert(lower(w));
                    continue;
                }
                "route_prep" => {
                    self.route_preps.push(lower(w));
                    continue;
                }
                "postnominal" => {
                    self.postnominals.insert(w.to_string());
                    continue;
                }
                "trim_suffix" => {
                    self.trim_suffixes.push(w.to_string());
                    continue;
                }
                "firm_suffix" => {
                    self.firm_suffixes.push(w.to_string());
                    continue;
                }
                "road_prefix" => {
                    let (w, n) = w.split_once(':').unwrap_or((w, ""));
                    let digits = n.parse().unwrap_or(MAX_ROAD_DIGITS);
                    self.road_prefixes.insert(lower(w), digits);
                    continue;
                }
                "demonstrative" => {
                    let (w, g) = w.split_once(':').unwrap_or((w, "x"));
                    self.demonstratives.insert(lower(w), Gender::parse(g));
                    continue;
                }
                "voice_phrase" => {
                    let toks = tokenize(w, &self.tokens);
                    self.voice_phrases
                        .push(toks.iter().map(|t| t.lower.clone()).collect());
                    continue;
                }
                "body_opener" => {
                    let toks = tokenize(w, &self.tokens);
                    self.body_openers
                        .push(toks.iter().map(|t| t.lower.clone()).collect());
                    continue;
                }
                "gender_pronoun" => {
                    let (w, g) = w.split_once(':').unwrap_or((w, "x"));
                    self.gender_pronouns.insert(lower(w), Gender::parse(g));
                    continue;
                }
                "object_pronoun" => {
                    let (w, g) = w.split_once(':').unwrap_or((w, "x"));
                    self.object_pronouns.insert(lower(w), Gender::parse(g));
                    continue;
                }
                "definite" => &mut self.definites,
                "skip" => &mut self.skip,
                "clitic" => &mut self.clitics,
                "prep" => &mut self.preps,
                "particle" => &mut self.particles,
                "work" => &mut self.work,
                "naming" => &mut self.naming,
                "naming_as" => &mut self.naming_as,
                "locative" => &mut self.locatives,
                "ordinal" => &mut self.ordinals,
                "feast" => &mut self.feasts,
                "address_prep" => &mut self.address_preps,
                "party_initial" => &mut self.party_initials,
                "employer_prep" => &mut self.employer_preps,
                "rank_prefix" => &mut self.rank_prefixes,
                "rank_suffix" => &mut self.rank_suffixes,
                "calling" => &mut self.calling,
                "indefinite" => &mut self.indefinites,
                "and" => &mut self.and_words,
                "alternative" => &mut self.or_words,
                "org" => &mut self.org_nouns,
                "voice" => &mut self.voices,
                "member" => &mut self.members,
                "member_prep" => &mut self.member_preps,
                "document" => &mut self.documents,
                "statement" => &mut self.statements,
                "mute" => &mut self.mute,
                "abbrev" => &mut self.abbrevs,
                "function" => &mut self.function_words,
                "complement" => &mut self.complements,
                "name_prep" => &mut self.name_preps,
                "led_body" => &mut self.led_bodies,
                "area_body" => &mut self.area_bodies,
                "numbered_road" => &mut self.numbered_roads,
                "road_prep" => &mut self.road_preps,
                "place_prep" => &mut self.place_preps,
                "town_prep" => &mut self.town_preps,
                "question_participle" => &mut self.question_participles,
                "affiliation" => &mut self.affiliations,
                "credit" => &mut self.credit_words,
                "byline" => &mut self.byline_words,
                "addressee" => &mut self.addressees,
                "honorific" => &mut self.honorifics,
                "name_title" => &mut self.name_titles,
                "authority" => &mut self.authorities,
                "modified_head" => &mut self.modified_heads,
                "organ" => &mut self.organs,
                "unit" => &mut self.units,
                "singular_head" => &mut self.singular_heads,
                "plural_det" => &mut self.plural_dets,
                "role_modifier" => &mut self.role_modifiers,
                "possessive_det" => &mut self.possessive_dets,
                "alone" => &mut self.lone_nouns,
                "apposition_start" => &mut self.apposition_starts,
                "complementizer" => &mut self.complementizers,
                "second_clause" => &mut self.second_clauses,
                "gerund_opener" => &mut self.gerund_openers,
                "locution" => &mut self.locutions,
                "subordinator" => &mut self.subordinators,
                "relative" => &mut self.relatives,
                "contracted" => &mut self.contracted,
                "opinion" => &mut self.opinions,
                "connective" => &mut self.connectives,
                "report_tense" => &mut self.report_tenses,
                "impersonal" => &mut self.impersonal,
                "demonym_det" => &mut self.demonym_dets,
                "acronym_skip" => &mut self.acronym_skip,
                "surname_prefix" => &mut self.surname_prefixes,
                "place_prefix" => &mut self.place_prefixes,
                "place_particle" => &mut self.place_particles,
                "club_prefix" => &mut self.club_prefixes,
                "road_noun" => &mut self.road_nouns,
                "street_noun" => &mut self.street_nouns,
                "road_class" => &mut self.road_classes,
                "own_name" => &mut self.own_name_heads,
                "feature_first" => &mut self.feature_first,
                "feature_last" => &mut self.feature_last,
                "settlement" => &mut self.settlement_heads,
                "region_adjective" => &mut self.region_adjectives,
                "region_part" => &mut self.region_parts,
                "hometown" => &mut self.hometown_preps,
                "magnitude" => &mut self.magnitudes,
                "not_person_opener" => &mut self.not_person_openers,
                "place_closer" => &mut self.place_closers,
                "works_head" => &mut self.works_heads,
                "first_person" => &mut self.first_person,
                "portfolio_role" => &mut self.portfolio_roles,
                "portfolio_link" => &mut self.portfolio_links,
                "office_noun" => &mut self.office_nouns,
                _ => continue,
            };
            set.insert(lower(w));
        }
    }

    pub(super) fn add_cue(&mut self, form: &str, source: bool) {
        let tokens: Vec<String> = tokenize(form, &self.tokens)
            .iter()
            .map(|t| t.lower.clone())
            .collect();
        if tokens.is_empty() {
            return;
        }
        let cue = Cue { tokens, source };
        if self.cues.contains(&cue) {
            return;
        }
        self.cue_index
            .entry(cue.tokens[0].clone())
            .or_default()
            .push(self.cues.len());
        self.cues.push(cue);
    }
}

/// `form|gender` lines: each form and its gender.
pub(super) fn gendered(s: &'static str) -> HashMap<String, Gender> {
    lines(s)
        .filter_map(|l| l.split_once('|'))
        .map(|(w, g)| (lower(w), Gender::parse(g.split('|').next().unwrap_or(g))))
        .collect()
}

/// `form|gender|class` lines of `roles.txt` with a class: the description and the roles it
/// may stand for.
pub(super) fn role_classes(s: &'static str) -> HashMap<String, Vec<String>> {
    lines(s)
        .filter_map(|l| {
            let mut cols = l.split('|');
            let w = cols.next()?;
            let class = cols.nth(1)?;
            let members = class.split(',').map(|m| lower(m.trim()));
            Some((lower(w), members.filter(|m| !m.is_empty()).collect()))
        })
        .collect()
}

/// `form|gender|referent` lines with a referent other than a person.
pub(super) fn referents(s: &'static str) -> HashMap<String, Referent> {
    lines(s)
        .filter_map(|l| {
            let mut cols = l.split('|');
            let w = cols.next()?;
            let r = Referent::parse(cols.nth(1)?);
            (r != Referent::Person).then(|| (lower(w), r))
        })
        .collect()
}
