//! Table tests of quote detection and attribution, end to end through the real models
//! ([`Enricher::enrich`]), on hand-written news-style sentences (none taken from the dev set).
//!
//! Each case lists the quotes a careful reader would annotate under the gold conventions of
//! `../shared/README.md`: every direct quotation of at least 3 words, with the canonical full name
//! of its speaker, or `None` when the text does not say. Quote texts are matched the way the
//! scorer matches them (word overlap ≥ 60 % of the longer), speakers by normalised name; an
//! expected speaker may list alternatives separated by `|` (an organisation's fullest name is
//! sometimes a matter of NER span). Every predicted quote must be expected.
//!
//! `cargo test --test quotes_table -- --nocapture` prints every failing case.

use std::sync::OnceLock;
use verbatim::enrich::{Document, Enricher, EnricherConfig, QuoteKind, TextField};

fn enricher() -> &'static Enricher {
    static E: OnceLock<Enricher> = OnceLock::new();
    E.get_or_init(|| {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut models = std::collections::BTreeMap::new();
        models.insert("fr".to_string(), root.join("models/fr_core_news_md"));
        models.insert("en".to_string(), root.join("models/en_core_web_sm"));
        // The daemon's default: the syntax on, attribution reading the parse.
        Enricher::new(EnricherConfig {
            models,
            syntax: true,
            ..Default::default()
        })
        .expect("models (run scripts/models)")
    })
}

type Want = &'static [(&'static str, Option<&'static str>)];

/// Words as the scorer sees them: lower case, accents kept, `\w+`.
fn words(s: &str) -> Vec<String> {
    s.to_lowercase()
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

fn norm(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let s: String = s
        .nfkd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .collect::<String>()
        .to_lowercase()
        .replace('’', "'")
        .replace('-', " ");
    let mut s = s.trim();
    for a in ["le ", "la ", "les ", "l'", "the "] {
        if let Some(r) = s.strip_prefix(a) {
            s = r.trim_start();
        }
    }
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn overlap(a: &str, b: &str) -> f64 {
    let (aw, bw) = (words(a), words(b));
    let mut used = vec![false; bw.len()];
    let mut n = 0;
    for w in &aw {
        if let Some(i) = (0..bw.len()).find(|&i| !used[i] && &bw[i] == w) {
            used[i] = true;
            n += 1;
        }
    }
    n as f64 / aw.len().max(bw.len()).max(1) as f64
}

/// Why the case fails, or `None` when it passes.
fn check(lang: &str, text: &str, want: Want) -> Option<String> {
    let doc = Document {
        fields: vec![TextField { name: "body", text }],
        lang: Some(lang),
    };
    let out = enricher().enrich(&doc).expect("enrich");
    let got: Vec<(String, Option<String>)> = out
        .quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Direct && words(&q.text).len() >= 3)
        .map(|q| (q.text.clone(), q.speaker.as_ref().map(|s| s.name.clone())))
        .collect();
    let mut problems = Vec::new();
    let mut used = vec![false; got.len()];
    for (wq, ws) in want {
        let hit = (0..got.len()).find(|&i| !used[i] && overlap(&got[i].0, wq) >= 0.6);
        match hit {
            None => problems.push(format!("missed quote {wq:?}")),
            Some(i) => {
                used[i] = true;
                let ok = match (ws, &got[i].1) {
                    (None, None) => true,
                    (Some(w), Some(g)) => w.split('|').any(|w| norm(w) == norm(g)),
                    _ => false,
                };
                if !ok {
                    problems.push(format!("quote {wq:?}: speaker {:?}, want {ws:?}", got[i].1));
                }
            }
        }
    }
    for (i, g) in got.iter().enumerate() {
        if !used[i] {
            problems.push(format!("extra quote {:?} ({:?})", g.0, g.1));
        }
    }
    (!problems.is_empty()).then(|| problems.join("; "))
}

fn run(lang: &str, cases: &[(&str, Want)]) {
    let mut failed = Vec::new();
    for (i, (text, want)) in cases.iter().enumerate() {
        if let Some(why) = check(lang, text, want) {
            failed.push(format!("[{lang} #{i}] {why}\n    text: {text:?}"));
        }
    }
    eprintln!(
        "{lang}: {}/{} cases pass",
        cases.len() - failed.len(),
        cases.len()
    );
    for f in &failed {
        eprintln!("{f}");
    }
    assert!(failed.is_empty(), "{} {lang} cases fail", failed.len());
}

const FR: &[(&str, Want)] = &[
    // 0 — quote, cue, speaker
    (
        "« Nous ne reculerons pas sur la réforme des retraites », a déclaré Emmanuel Ferrand mardi à Paris.",
        &[("Nous ne reculerons pas sur la réforme des retraites", Some("Emmanuel Ferrand"))],
    ),
    // 1 — narrow no-break spaces inside the guillemets
    (
        "«\u{202F}Les négociations reprendront la semaine prochaine\u{202F}», a indiqué Olivier Dussopt.",
        &[("Les négociations reprendront la semaine prochaine", Some("Olivier Dussopt"))],
    ),
    // 2 — no-break spaces, present tense cue
    (
        "«\u{a0}Le calendrier sera tenu, quoi qu'il arrive\u{a0}», affirme Clément Beaune.",
        &[("Le calendrier sera tenu, quoi qu'il arrive", Some("Clément Beaune"))],
    ),
    // 3 — speaker, cue, colon, quote
    (
        "Élisabeth Borne a déclaré : « Le gouvernement prendra toutes ses responsabilités. »",
        &[("Le gouvernement prendra toutes ses responsabilités.", Some("Élisabeth Borne"))],
    ),
    // 4 — selon X with a partial quote
    (
        "Selon Bruno Le Maire, la croissance restera « positive et solide cette année ».",
        &[("positive et solide cette année", Some("Bruno Le Maire"))],
    ),
    // 5 — pronoun resolved to the previous sentence's subject
    (
        "Anne Hidalgo a inauguré la piste cyclable lundi. « C'est une étape importante pour les Parisiens », a-t-elle affirmé.",
        &[("C'est une étape importante pour les Parisiens", Some("Anne Hidalgo"))],
    ),
    // 6 — two persons, the masculine pronoun picks the man
    (
        "Gérald Darmanin a rencontré Marine Le Pen jeudi à l'Assemblée. « Nous avons eu un échange franc et direct », a-t-il expliqué.",
        &[("Nous avons eu un échange franc et direct", Some("Gérald Darmanin"))],
    ),
    // 7 — two persons, the feminine pronoun picks the woman
    (
        "Gérald Darmanin a rencontré Marine Le Pen jeudi à l'Assemblée. « Je n'attends rien de ce gouvernement », a-t-elle lancé.",
        &[("Je n'attends rien de ce gouvernement", Some("Marine Le Pen"))],
    ),
    // 8 — a title resolved to the person it was attached to
    (
        "Le président russe Vladimir Sokolov a reçu son homologue chinois au Kremlin. « Nous sommes prêts à discuter de tout », a déclaré le président russe.",
        &[("Nous sommes prêts à discuter de tout", Some("Vladimir Sokolov"))],
    ),
    // 9 — "la ministre" after an apposition
    (
        "La ministre de la Santé, Agnès Firmin Le Bodo, était à Lyon vendredi. « L'hôpital public doit être soutenu », a souligné la ministre.",
        &[("L'hôpital public doit être soutenu", Some("Agnès Firmin Le Bodo"))],
    ),
    // 10 — Mme + surname, then an inverted feminine pronoun
    (
        "Christine Delaunay s'est exprimée jeudi à Francfort. Mme Delaunay a ensuite répondu aux questions des journalistes. « L'inflation reste beaucoup trop élevée », a-t-elle insisté.",
        &[("L'inflation reste beaucoup trop élevée", Some("Christine Delaunay"))],
    ),
    // 11 — an organisation speaks
    (
        "« Aucune anomalie n'a été détectée sur le réacteur », a indiqué EDF dans un communiqué.",
        &[("Aucune anomalie n'a été détectée sur le réacteur", Some("EDF"))],
    ),
    // 12 — an unnamed speaker
    (
        "« On ne lâchera rien face à cette injustice », a témoigné une infirmière de l'hôpital.",
        &[("On ne lâchera rien face à cette injustice", None)],
    ),
    // 13 — speaker named in the sentence before, no cue
    (
        "Jean-Luc Mélenchon n'a pas mâché ses mots. « Ce budget est une insulte aux plus pauvres. »",
        &[("Ce budget est une insulte aux plus pauvres.", Some("Jean-Luc Mélenchon"))],
    ),
    // 14 — a quote interrupted by its attribution
    (
        "« Nous allons tout faire pour retrouver les disparus », a dit le préfet Pierre Durand, « mais les conditions restent très difficiles ».",
        &[
            ("Nous allons tout faire pour retrouver les disparus", Some("Pierre Durand")),
            ("mais les conditions restent très difficiles", Some("Pierre Durand")),
        ],
    ),
    // 15 — a quote continued into the next paragraph
    (
        "« Nous avons travaillé pendant des mois sur ce projet.\n\n« Aujourd'hui, il est enfin prêt à être présenté », a expliqué Sophie Martin, directrice de l'agence.",
        &[
            ("Nous avons travaillé pendant des mois sur ce projet.", Some("Sophie Martin")),
            ("Aujourd'hui, il est enfin prêt à être présenté", Some("Sophie Martin")),
        ],
    ),
    // 16 — nested quotation marks
    (
        "« Le directeur m'a dit “c'est impossible” et j'ai refusé de le croire », raconte Karim Benali.",
        &[("Le directeur m'a dit “c'est impossible” et j'ai refusé de le croire", Some("Karim Benali"))],
    ),
    // 17 — a title of a work and a scare quote
    (
        "Le film « La Nuit du 12 » a remporté six César. Le gouvernement dénonce une « dérive » des dépenses et une « situation explosive ».",
        &[],
    ),
    // 18 — straight quotes in French text
    (
        "\"Nous ne lâcherons rien sur les salaires\", a lancé Fabien Roussel devant les militants.",
        &[("Nous ne lâcherons rien sur les salaires", Some("Fabien Roussel"))],
    ),
    // 19 — a-t-il martelé after the speaker's own paragraph
    (
        "Olivier Faure a pris la parole devant les militants socialistes.\n\n« La gauche doit se rassembler maintenant », a-t-il martelé.",
        &[("La gauche doit se rassembler maintenant", Some("Olivier Faure"))],
    ),
    // 20 — estime-t-il
    (
        "Le maire de Marseille, Benoît Payan, a réuni son conseil. « La situation est grave mais pas désespérée », estime-t-il.",
        &[("La situation est grave mais pas désespérée", Some("Benoît Payan"))],
    ),
    // 21 — selon lui
    (
        "François Bayrou défend le texte. Selon lui, « ce compromis est le meilleur possible ».",
        &[("ce compromis est le meilleur possible", Some("François Bayrou"))],
    ),
    // 22 — a confié, apposition after the name
    (
        "« J'ai eu très peur pour mes enfants », a confié Nathalie Roux, une habitante du quartier.",
        &[("J'ai eu très peur pour mes enfants", Some("Nathalie Roux"))],
    ),
    // 23 — poursuit + apposition
    (
        "« Les salariés méritent mieux que ça », poursuit Sophie Binet, secrétaire générale de la CGT.",
        &[("Les salariés méritent mieux que ça", Some("Sophie Binet"))],
    ),
    // 24 — souligne
    (
        "« Le dialogue social est rompu depuis des mois », souligne Laurent Berger.",
        &[("Le dialogue social est rompu depuis des mois", Some("Laurent Berger"))],
    ),
    // 25 — a-t-elle lancé after a role apposition
    (
        "La présidente de l'Assemblée nationale, Yaël Braun-Pivet, a ouvert la séance. « Le débat doit rester digne », a-t-elle lancé.",
        &[("Le débat doit rester digne", Some("Yaël Braun-Pivet"))],
    ),
    // 26 — an addressee between the cue and the speaker
    (
        "« Aucune décision n'a encore été prise », a déclaré à l'AFP le porte-parole du gouvernement, Olivier Véran.",
        &[("Aucune décision n'a encore été prise", Some("Olivier Véran"))],
    ),
    // 27 — in an interview
    (
        "« Je ne serai pas candidat à la présidence », a affirmé Édouard Philippe dans un entretien au Parisien.",
        &[("Je ne serai pas candidat à la présidence", Some("Édouard Philippe"))],
    ),
    // 28 — wrote on X
    (
        "« Pensées pour les victimes et pour leurs familles », a écrit Gabriel Attal sur X.",
        &[("Pensées pour les victimes et pour leurs familles", Some("Gabriel Attal"))],
    ),
    // 29 — an organisation, speaker before the quote
    (
        "La SNCF a annoncé dans un communiqué : « Le trafic sera fortement perturbé jeudi sur l'ensemble du réseau. »",
        &[("Le trafic sera fortement perturbé jeudi sur l'ensemble du réseau.", Some("SNCF"))],
    ),
    // 30 — protesters: nobody named
    (
        "Des milliers de personnes ont défilé samedi à Nantes. « Rendez-nous nos salaires et nos retraites », scandaient les manifestants.",
        &[("Rendez-nous nos salaires et nos retraites", None)],
    ),
    // 31 — a person named inside the quote is no antecedent
    (
        "Pierre Castellan a présenté le rapport de la Cour des comptes. « Emmanuel Ferrand connaît parfaitement ces chiffres », a-t-il rappelé.",
        &[("Emmanuel Ferrand connaît parfaitement ces chiffres", Some("Pierre Castellan"))],
    ),
    // 32 — a second quote without a cue inherits the speaker
    (
        "« Le texte sera adopté avant l'été », a assuré Aurore Bergé. « Nous avons la majorité nécessaire. »",
        &[
            ("Le texte sera adopté avant l'été", Some("Aurore Bergé")),
            ("Nous avons la majorité nécessaire.", Some("Aurore Bergé")),
        ],
    ),
    // 33 — single guillemets
    (
        "‹ Nous n'avons absolument rien à cacher ›, a assuré le directeur de l'usine, Marc Lefort.",
        &[("Nous n'avons absolument rien à cacher", Some("Marc Lefort"))],
    ),
    // 34 — d'après
    (
        "D'après Valérie Pécresse, « la région a tenu tous ses engagements ».",
        &[("la région a tenu tous ses engagements", Some("Valérie Pécresse"))],
    ),
    // 35 — role apposition, speaker before the quote
    (
        "Le Premier ministre, Michel Barnier, a affirmé jeudi : « Il n'y aura pas de hausse d'impôts pour les classes moyennes. »",
        &[("Il n'y aura pas de hausse d'impôts pour les classes moyennes.", Some("Michel Barnier"))],
    ),
    // 36 — a multi-paragraph quote announced by a colon
    (
        "Le procureur Rémy Heitz a détaillé l'enquête :\n\n« Les suspects ont été interpellés à l'aube.\n\n« Ils seront présentés à un juge demain matin. »",
        &[
            ("Les suspects ont été interpellés à l'aube.", Some("Rémy Heitz")),
            ("Ils seront présentés à un juge demain matin.", Some("Rémy Heitz")),
        ],
    ),
    // 37 — an unclosed mark does not swallow the next paragraph
    (
        "Il parlait d'une « réforme injuste et brutale pour les plus modestes.\n\nLa Première ministre, Élisabeth Borne, a répondu : « Nous assumons pleinement ce choix. »",
        &[
            ("réforme injuste et brutale pour les plus modestes.", None),
            ("Nous assumons pleinement ce choix.", Some("Élisabeth Borne")),
        ],
    ),
    // 38 — a-t-il ajouté after two quotes
    (
        "Le sélectionneur Didier Deschamps a annoncé sa liste mercredi. « Le groupe est solide », a-t-il estimé. « Nous irons au Qatar pour gagner », a-t-il ajouté.",
        &[
            ("Le groupe est solide", Some("Didier Deschamps")),
            ("Nous irons au Qatar pour gagner", Some("Didier Deschamps")),
        ],
    ),
    // 39 — the ministry
    (
        "« Les contrôles aux frontières seront renforcés dès lundi », a indiqué le ministère de l'Intérieur.",
        &[("Les contrôles aux frontières seront renforcés dès lundi", Some("ministère de l'Intérieur"))],
    ),
    // 40 — the feminine role "la maire" with the named mayor earlier
    (
        "La maire de Paris, Anne Hidalgo, a présenté son budget. Le conseiller Pierre-Yves Bournazel a critiqué le texte. « Ce budget est responsable », a répliqué la maire.",
        &[("Ce budget est responsable", Some("Anne Hidalgo"))],
    ),
    // 41 — a-t-il précisé with a nested speaker named in the quote
    (
        "Le chef de l'État a reçu les syndicats. « Je veux entendre toutes les propositions », a précisé Emmanuel Ferrand.",
        &[("Je veux entendre toutes les propositions", Some("Emmanuel Ferrand"))],
    ),
    // 42 — French quote with a question mark, inverted cue
    (
        "« Qui peut croire à une telle promesse ? » s'interroge Éric Ciotti.",
        &[("Qui peut croire à une telle promesse ?", Some("Éric Ciotti"))],
    ),
    // 43 — cue in the present after the quote, speaker "le syndicat"
    (
        "« Cette décision est une provocation inacceptable », dénonce la CFDT dans un communiqué.",
        &[("Cette décision est une provocation inacceptable", Some("CFDT"))],
    ),
    // 44 — speaker with the cue "a reconnu" and a time phrase before the name
    (
        "« Nous avons commis des erreurs », a reconnu dimanche Jordan Bardella sur France Inter.",
        &[("Nous avons commis des erreurs", Some("Jordan Bardella"))],
    ),
    // 45 — an incise inside the guillemets (French press convention): the quoted words are the
    // two sides, the incise is the attribution, not part of the quote
    (
        "« Nous voulons la paix, a déclaré Volodymyr Kravets, mais pas à n'importe quel prix. »",
        &[
            ("Nous voulons la paix", Some("Volodymyr Kravets")),
            ("mais pas à n'importe quel prix.", Some("Volodymyr Kravets")),
        ],
    ),
    // 46 — fait valoir
    (
        "« Les entreprises ont déjà fait beaucoup d'efforts », fait valoir Patrick Martin, président du Medef.",
        &[("Les entreprises ont déjà fait beaucoup d'efforts", Some("Patrick Martin"))],
    ),
    // 47 — a mis en garde
    (
        "« Personne ne sortira gagnant d'une guerre commerciale », a mis en garde Christine Delaunay.",
        &[("Personne ne sortira gagnant d'une guerre commerciale", Some("Christine Delaunay"))],
    ),
    // 48 — tranche, present
    (
        "« Ce projet n'a aucun avenir sans financement public », tranche Xavier Bertrand.",
        &[("Ce projet n'a aucun avenir sans financement public", Some("Xavier Bertrand"))],
    ),
    // 49 — s'agace-t-il after the person
    (
        "Le député Charles de Courson a interpellé le ministre. « On nous présente un budget totalement insincère », s'agace-t-il.",
        &[("On nous présente un budget totalement insincère", Some("Charles de Courson"))],
    ),
    // 50 — Interrogé par ..., X estime que « ... »
    (
        "Interrogé par Le Monde, Laurent Wauquiez estime que la droite doit « retrouver le sens du travail ».",
        &[("retrouver le sens du travail", Some("Laurent Wauquiez"))],
    ),
    // 51 — Pour le ministre, « ... »
    (
        "Le ministre de l'Économie, Antoine Armand, était à Bercy. Pour le ministre, « la dette est devenue un danger ».",
        &[("la dette est devenue un danger", Some("Antoine Armand"))],
    ),
    // 52 — a fustigé + partial quote after the person
    (
        "Manuel Bompard a fustigé « une décision scandaleuse et profondément injuste ».",
        &[("une décision scandaleuse et profondément injuste", Some("Manuel Bompard"))],
    ),
    // 53 — unnamed resident, asks anonymity
    (
        "« On vit dans la peur depuis des semaines », explique une habitante, qui souhaite rester anonyme.",
        &[("On vit dans la peur depuis des semaines", None)],
    ),
    // 54 — a-t-il réagi sur BFMTV
    (
        "Jean-Luc Mélenchon a commenté le résultat. « C'est une défaite pour le gouvernement », a-t-il réagi sur BFMTV.",
        &[("C'est une défaite pour le gouvernement", Some("Jean-Luc Mélenchon"))],
    ),
    // 55 — la juge, named with her role before
    (
        "La juge Bénédicte de Perthuis a lu le jugement pendant deux heures. « Les faits sont d'une gravité exceptionnelle », a-t-elle conclu.",
        &[("Les faits sont d'une gravité exceptionnelle", Some("Bénédicte de Perthuis"))],
    ),
    // 56 — "dit-on" names nobody
    (
        "Le village attend la décision. « On ne sait jamais, dit-on ici, ce qui peut arriver demain. »",
        &[("On ne sait jamais, dit-on ici, ce qui peut arriver demain.", None)],
    ),
    // 57 — Pour lui, « … »
    (
        "Le sénateur Bruno Retailleau a voté contre. Pour lui, « ce texte affaiblit l'autorité de l'État ».",
        &[("ce texte affaiblit l'autorité de l'État", Some("Bruno Retailleau"))],
    ),
    // 58 — "le ministère" standing for the ministry named before
    (
        "Le ministère des Armées a publié un bilan mardi soir. « Deux militaires ont été légèrement blessés », a précisé le ministère.",
        &[("Deux militaires ont été légèrement blessés", Some("ministère des Armées"))],
    ),
    // reflexive -ir verb, feminine agreement
    (
        "« Nous n'avons jamais vu une telle mobilisation », s'est réjouie Sophie Binet, secrétaire générale de la CGT.",
        &[("Nous n'avons jamais vu une telle mobilisation", Some("Sophie Binet"))],
    ),
    // several unnamed speakers
    (
        "« La ligne est coupée depuis trois jours », expliquent plusieurs habitants du quartier.",
        &[("La ligne est coupée depuis trois jours", None)],
    ),
];

const EN: &[(&str, Want)] = &[
    // 0 — quote, said, speaker
    (
        "\"We will not back down from this fight,\" said Joe Whitaker on Tuesday.",
        &[("We will not back down from this fight,", Some("Joe Whitaker"))],
    ),
    // 1 — surname after the full name earlier
    (
        "Joe Whitaker spoke in Pittsburgh on Monday. \"The economy is getting stronger every month,\" Whitaker said.",
        &[("The economy is getting stronger every month,", Some("Joe Whitaker"))],
    ),
    // 2 — speaker, cue, colon, quote
    (
        "Rishi Sunak said: \"We will deliver on every one of our promises.\"",
        &[("We will deliver on every one of our promises.", Some("Rishi Sunak"))],
    ),
    // 3 — according to X with a partial quote
    (
        "According to Janet Yellen, the economy is \"more resilient than many expected.\"",
        &[("more resilient than many expected.", Some("Janet Yellen"))],
    ),
    // 4 — she said
    (
        "Kamala Harris visited the factory on Tuesday. “This is what real investment looks like,” she said.",
        &[("This is what real investment looks like,", Some("Kamala Harris"))],
    ),
    // 5 — two persons, the feminine pronoun picks the woman
    (
        "Donald Pruitt met Nancy Pelosi at the White House. \"It was a productive meeting,\" she told reporters.",
        &[("It was a productive meeting,", Some("Nancy Pelosi"))],
    ),
    // 6 — the minister after "Foreign Minister X"
    (
        "Foreign Minister Annalena Baerbock arrived in Kyiv on Monday. \"Germany stands firmly with Ukraine,\" the minister said.",
        &[("Germany stands firmly with Ukraine,", Some("Annalena Baerbock"))],
    ),
    // 7 — an organisation in a statement
    (
        "\"The company does not comment on rumors,\" Apple said in a statement.",
        &[("The company does not comment on rumors,", Some("Apple"))],
    ),
    // 8 — nobody named
    (
        "\"It was like a war zone,\" one witness said.",
        &[("It was like a war zone,", None)],
    ),
    // 9 — speaker named in the sentence before, no cue
    (
        "Elon Musk was blunt. \"We will not pay for this nonsense.\"",
        &[("We will not pay for this nonsense.", Some("Elon Musk"))],
    ),
    // 10 — interrupted by the attribution, two sentences
    (
        "\"We have done everything we can,\" Mayor Karen Bass said. \"Now we need the state to step in.\"",
        &[
            ("We have done everything we can,", Some("Karen Bass")),
            ("Now we need the state to step in.", Some("Karen Bass")),
        ],
    ),
    // 11 — interrupted mid-sentence; the 2-word fragment is not a quote
    (
        "Chuck Schumer spoke to reporters on Tuesday. \"The vote,\" he said, \"will happen on Thursday regardless of the weather.\"",
        &[("will happen on Thursday regardless of the weather.", Some("Chuck Schumer"))],
    ),
    // 12 — told reporters
    (
        "Volodymyr Kravets visited the front on Friday. \"We are not going anywhere,\" Kravets told reporters in Kyiv.",
        &[("We are not going anywhere,", Some("Volodymyr Kravets"))],
    ),
    // 13 — told AFP, unnamed official
    (
        "\"The situation is catastrophic,\" a UN official told AFP.",
        &[("The situation is catastrophic,", None)],
    ),
    // 14 — in an interview
    (
        "\"I have no regrets about the decision,\" Angela Merkel said in an interview with Der Spiegel.",
        &[("I have no regrets about the decision,", Some("Angela Merkel"))],
    ),
    // 15 — wrote on X
    (
        "\"This is a dark day for our democracy,\" Barack Obama wrote on X.",
        &[("This is a dark day for our democracy,", Some("Barack Obama"))],
    ),
    // 16 — says, apposition
    (
        "\"People are tired of waiting,\" says Maria Lopez, a nurse in Phoenix.",
        &[("People are tired of waiting,", Some("Maria Lopez"))],
    ),
    // 17 — asked
    (
        "\"Why should working families pay for their mistakes?\" asked Bernie Kowalski.",
        &[("Why should working families pay for their mistakes?", Some("Bernie Kowalski"))],
    ),
    // 18 — explained + occupation
    (
        "\"The storm moved faster than our models predicted,\" explained meteorologist Sarah Klein.",
        &[("The storm moved faster than our models predicted,", Some("Sarah Klein"))],
    ),
    // 19 — noted
    (
        "\"Inflation has come down sharply this year,\" Jerome Powell noted.",
        &[("Inflation has come down sharply this year,", Some("Jerome Powell"))],
    ),
    // 20 — insisted, "the former president"
    (
        "Former President Donald Pruitt appeared in court on Thursday. \"I did absolutely nothing wrong,\" the former president insisted.",
        &[("I did absolutely nothing wrong,", Some("Donald Pruitt"))],
    ),
    // 21 — warned, Dr.
    (
        "\"The worst is yet to come,\" warned Dr. Anthony Fauci.",
        &[("The worst is yet to come,", Some("Anthony Fauci"))],
    ),
    // 22 — argued + occupation
    (
        "\"This law is plainly unconstitutional,\" argued attorney Marc Elias.",
        &[("This law is plainly unconstitutional,", Some("Marc Elias"))],
    ),
    // 23 — recalled, age apposition
    (
        "\"We had nothing to eat for days,\" recalled Amina Yusuf, 34.",
        &[("We had nothing to eat for days,", Some("Amina Yusuf"))],
    ),
    // 24 — she continued
    (
        "Senator Elizabeth Hartley questioned the bank's chief executive for an hour. \"You broke the law,\" she said. \"And you should be held accountable,\" she continued.",
        &[
            ("You broke the law,", Some("Elizabeth Hartley")),
            ("And you should be held accountable,", Some("Elizabeth Hartley")),
        ],
    ),
    // 25 — according to her (with "Ursula von der Leyen" the small English model cuts the name
    // to "Ursula von der": an entity matter, not a quote one)
    (
        "Kaja Kallas presented the plan in Brussels. According to her, the deal is \"a historic step for Europe.\"",
        &[("a historic step for Europe.", Some("Kaja Kallas"))],
    ),
    // 26 — nested single quotes inside straight quotes
    (
        "\"He told me 'you are fired' and walked out,\" said Lisa Chen.",
        &[("He told me 'you are fired' and walked out,", Some("Lisa Chen"))],
    ),
    // 27 — German-style marks
    (
        "„We need more time to decide,“ said Olaf Scholz.",
        &[("We need more time to decide,", Some("Olaf Scholz"))],
    ),
    // 28 — title of a work, scare quotes
    (
        "She reread \"The Old Man and the Sea\" last summer. The so-called \"peace plan\" was rejected by both sides.",
        &[],
    ),
    // 29 — a quote continued into the next paragraph
    (
        "\"We knew the risks when we started this company.\n\n\"But nobody expected the market to collapse so quickly,\" said Tom Harris, the chief executive.",
        &[
            ("We knew the risks when we started this company.", Some("Tom Harris")),
            ("But nobody expected the market to collapse so quickly,", Some("Tom Harris")),
        ],
    ),
    // 30 — an inch mark is no quotation mark
    (
        "The phone has a 6.1\" display and costs $799. \"It is the best phone we have ever made,\" said Tim Brannigan.",
        &[("It is the best phone we have ever made,", Some("Tim Brannigan"))],
    ),
    // 31 — a possessive organisation does not steal the pronoun
    (
        "Satya Nadella, Microsoft's chief executive, spoke at the conference. \"AI will change every job,\" he said.",
        &[("AI will change every job,", Some("Satya Nadella"))],
    ),
    // 32 — says + partial quote
    (
        "Economist Paul Krugman says the numbers are \"simply not credible.\"",
        &[("simply not credible.", Some("Paul Krugman"))],
    ),
    // 33 — protesters chanting
    (
        "Thousands marched through the capital on Saturday. \"We want justice now,\" protesters chanted.",
        &[("We want justice now,", None)],
    ),
    // 34 — said in a statement
    (
        "\"The decision was made after careful review,\" Boeing said in a statement.",
        &[("The decision was made after careful review,", Some("Boeing"))],
    ),
    // 35 — declared the mayor
    (
        "Mayor Brandon Hatherley toured the damage on Sunday. \"This city will rebuild,\" declared the mayor.",
        &[("This city will rebuild,", Some("Brandon Hatherley"))],
    ),
    // 36 — she asked
    (
        "Senator Elizabeth Hartley questioned the chief executive. \"What happens to the workers?\" she asked.",
        &[("What happens to the workers?", Some("Elizabeth Hartley"))],
    ),
    // 37 — two speakers alternating
    (
        "John Roe and Jane Doe disagreed sharply at the hearing. \"The plan is simply too expensive,\" Roe said. \"It will pay for itself within five years,\" Doe replied.",
        &[
            ("The plan is simply too expensive,", Some("John Roe")),
            ("It will pay for itself within five years,", Some("Jane Doe")),
        ],
    ),
    // 38 — speaker, says, colon, curly quotes
    (
        "Health Secretary Wes Streeting says: “The NHS is broken but not beaten.”",
        &[("The NHS is broken but not beaten.", Some("Wes Streeting"))],
    ),
    // 39 — an organisation named earlier, then "the agency said"
    (
        "The Federal Aviation Administration opened an inquiry. \"Safety remains our top priority,\" the agency said in a statement.",
        &[("Safety remains our top priority,", Some("Federal Aviation Administration"))],
    ),
    // 40 — he added, after a named quote
    (
        "\"The talks were constructive,\" said Antony Blinken. \"We will meet again next month,\" he added.",
        &[
            ("The talks were constructive,", Some("Antony Blinken")),
            ("We will meet again next month,", Some("Antony Blinken")),
        ],
    ),
    // 41 — wrote, in a letter
    (
        "\"I can no longer serve in good conscience,\" Mark Rutte wrote in a letter to parliament.",
        &[("I can no longer serve in good conscience,", Some("Mark Rutte"))],
    ),
    // 42 — told + newspaper
    (
        "\"Nobody warned us about the flood,\" farmer Joe Brennan told the Guardian.",
        &[("Nobody warned us about the flood,", Some("Joe Brennan"))],
    ),
    // 43 — quote spanning two sentences, speaker before the colon
    (
        "The prime minister, Keir Starmer, told MPs: \"We will fix the foundations. It will take time.\"",
        &[("We will fix the foundations. It will take time.", Some("Keir Starmer"))],
    ),
    // 44 — single curly quotes
    (
        "‘We are ready for the final,’ said coach Emma Hayes.",
        &[("We are ready for the final,", Some("Emma Hayes"))],
    ),
    // 45 — said one resident, who asked not to be named
    (
        "\"The water came up to the second floor,\" said one resident, who asked not to be named.",
        &[("The water came up to the second floor,", None)],
    ),
    // 46 — Asked whether ..., X said:
    (
        "Asked whether he would resign, Boris Hatherley said: \"Absolutely not, I have a job to do.\"",
        &[("Absolutely not, I have a job to do.", Some("Boris Hatherley"))],
    ),
    // 47 — the 52-year-old said
    (
        "Gavin Morrow signed the bill on Friday. \"California will not wait for Washington,\" the 56-year-old governor said.",
        &[("California will not wait for Washington,", Some("Gavin Morrow"))],
    ),
    // 48 — said Smith, who ...
    (
        "Union leader Shawn Fain addressed the strikers. \"We are not going back without a fair deal,\" said Fain, who has led the union since 2023.",
        &[("We are not going back without a fair deal,", Some("Shawn Fain"))],
    ),
    // 49 — posted on social media
    (
        "\"Thank you to everyone who voted today,\" Alexandra Ortiz-Camacho posted on Instagram.",
        &[("Thank you to everyone who voted today,", Some("Alexandra Ortiz-Camacho"))],
    ),
    // 50 — vowed
    (
        "\"We will hunt down those responsible,\" vowed Benjamin Netanyahu.",
        &[("We will hunt down those responsible,", Some("Benjamin Netanyahu"))],
    ),
    // 51 — the White House said in a statement
    (
        "In a statement, the Kremlin said: \"Russia remains open to negotiations on its own terms.\"",
        &[("Russia remains open to negotiations on its own terms.", Some("Kremlin"))],
    ),
    // 52 — he says, present tense, role then name
    (
        "Chief economist Huw Pill expects rates to stay high. \"The job is not done yet,\" he says.",
        &[("The job is not done yet,", Some("Huw Pill"))],
    ),
    // 53 — pointed out
    (
        "\"Most of these jobs did not exist ten years ago,\" Gina Raimondo pointed out.",
        &[("Most of these jobs did not exist ten years ago,", Some("Gina Raimondo"))],
    ),
    // 54 — according to the ministry
    (
        "According to the Ministry of Health, the outbreak is \"under control in most regions.\"",
        &[("under control in most regions.", Some("Ministry of Health"))],
    ),
    // 55 — speaking on condition of anonymity
    (
        "\"The talks have stalled completely,\" a senior official said, speaking on condition of anonymity.",
        &[("The talks have stalled completely,", None)],
    ),
    // 56 — an unnamed person of an organisation
    (
        "\"We have no plans to close the plant,\" the company's chief executive said.",
        &[("We have no plans to close the plant,", None)],
    ),
    // 57 — "the agency" with no agency named
    (
        "Floods hit the valley overnight. \"We are reviewing the footage,\" the agency said.",
        &[("We are reviewing the footage,", None)],
    ),
    // 58 — a quote after a sentence about someone else's action, with its own cue
    (
        "Police arrested Mark Dunn on Friday. \"He was known to us for years,\" a police spokesman said.",
        &[("He was known to us for years,", None)],
    ),
    // 59 — an indefinite unnamed speaker after a named one
    (
        "\"Nobody wins from a long strike,\" Louise Haigh told the BBC. \"It's total chaos,\" one commuter said.",
        &[("Nobody wins from a long strike,", Some("Louise Haigh")), ("It's total chaos,", None)],
    ),
    // 60 — a partial quote after "called" (a characterisation, not a title)
    (
        "Tom Okafor, 45, called the offer \"an insult to every worker here\".",
        &[("an insult to every worker here", Some("Tom Okafor"))],
    ),
    // 61 — a term whose comma sits inside the marks (American typography) is no quotation;
    // a short reply followed by its speaker is one
    (
        "The farmer was diagnosed with \"hay barn lung,\" a rare allergy to mould. \"Not at all,\" Ruth Gable said.",
        &[("Not at all,", Some("Ruth Gable"))],
    ),
];

#[test]
fn french_table() {
    run("fr", FR);
}

#[test]
fn english_table() {
    run("en", EN);
}
