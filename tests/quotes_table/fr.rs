//! The French cases of the quotes table (see `tests/quotes_table.rs`); sentences and names
//! invented.

use super::Want;

pub const FR: &[(&str, Want)] = &[
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
    // a photo credit in the next paragraph is no subject of the incise
    (
        "Le capitaine Paul Morin a détaillé l'opération.\n\n« L'enquête se poursuit, notamment sur d'éventuels receleurs », a-t-il ajouté.\n\n(Photo : Loïc Venec/AFP)",
        &[("L'enquête se poursuit, notamment sur d'éventuels receleurs", Some("Paul Morin"))],
    ),
    // an addressee, then a common noun in apposition to the speaker's name
    (
        "« Le train s'est arrêté net au milieu du pont », a raconté à l'AFP un voyageur, Mathis Quéré, qui rentrait de Brest.",
        &[("Le train s'est arrêté net au milieu du pont", Some("Mathis Quéré"))],
    ),
    // the pronoun inverted into the incise, not the place named after the verb
    (
        "La CFDT du Finistère dénonce un plan précipité. Son délégué, Yann Gourvès, réclame un report. « On nous demande de tout changer en un mois », a-t-il lancé jeudi devant la préfecture.",
        &[("On nous demande de tout changer en un mois", Some("Yann Gourvès"))],
    ),
    // a name inverted after an incise verb the parser left without subject
    (
        "Le maire sortant a été battu dimanche. « C'est la victoire de tout un quartier », a réagi Nora Vidal devant ses colistiers réunis à la salle des fêtes.",
        &[("C'est la victoire de tout un quartier", Some("Nora Vidal"))],
    ),
    // an incise inside the marks (closed by a full stop after an apposition) says who speaks,
    // not the cue after the quote
    (
        "« Le sel, on en trouve partout, souligne Hugo Marchetti, le fondateur. C'est ce qui rend notre procédé si bon marché. » La chercheuse reconnaît toutefois que le rendement reste faible.",
        &[("Le sel, on en trouve partout", Some("Hugo Marchetti")), ("C'est ce qui rend notre procédé si bon marché.", Some("Hugo Marchetti"))],
    ),
    // an incise inside the marks whose speaker the text does not name
    (
        "Le ministre Paul Arnaud a quitté la salle sans un mot. « Jusqu'à hier soir, confie un conseiller, nous pensions que l'accord tiendrait. »",
        &[("Jusqu'à hier soir", None), ("nous pensions que l'accord tiendrait.", None)],
    ),
    // a national after the definite article stands for the person first written with it
    (
        "Le Norvégien Lars Berg a pris la tête du classement devant l'Italien Marco Gatti. Gatti a perdu deux minutes dans la descente. « J'ai manqué de force dans le dernier col », a reconnu le Norvégien, pourtant vainqueur.",
        &[("J'ai manqué de force dans le dernier col", Some("Lars Berg"))],
    ),
    // an indefinite "on" says who speaks no more than "dit-on"
    (
        "Sylvain Morin, le président du syndicat, dénonce la situation. À la mairie, on assure que la régie suit « de très près » le chantier.",
        &[("de très près", None)],
    ),
    // the verb of a relative clause closed before the quote is not its cue; "saluer" is
    (
        "La Fondation Lumière, qui finance le festival depuis 2015, a salué dans un communiqué « une programmation audacieuse ».",
        &[("une programmation audacieuse", Some("Fondation Lumière"))],
    ),
    // "Pour" and a person described by any common noun
    (
        "Pour le sociologue Étienne Morand, de l'Université de Genève, le vote traduit surtout « une lassitude face à la hausse des loyers ».",
        &[("une lassitude face à la hausse des loyers", Some("Étienne Morand"))],
    ),
    // a person described by sex and age after the incise verb
    (
        "À la barre, la caissière, Inès Marquet, a décrit deux hommes cagoulés. « J'ai cru que j'allais mourir ce jour-là », a raconté la jeune femme de 26 ans.",
        &[("J'ai cru que j'allais mourir ce jour-là", Some("Inès Marquet"))],
    ),
    // an object pronoun before the incise verb: the subject follows the verb
    (
        "Le directeur du port, Alain Ferrand, promet des navettes gratuites. « Ce ne sont que des mots », lui rétorque Mme Quéméner, présidente de l'association des riverains.",
        &[("Ce ne sont que des mots", Some("Quéméner"))],
    ),
    // a trade names someone named before with it
    (
        "« Nous avons perdu la moitié de la récolte », explique Joël Ravier, viticulteur à Pommard depuis trente ans. Le viticulteur poursuit : « Sans assurance, je ne passerai pas l'hiver. »",
        &[
            ("Nous avons perdu la moitié de la récolte", Some("Joël Ravier")),
            ("Sans assurance, je ne passerai pas l'hiver.", Some("Joël Ravier")),
        ],
    ),
    // the relative after an apposition closing on a place stands for the person described
    (
        "La décision a surpris, a réagi Odile Ferrand, la maire de Saint-Jory, qui assure que la lettre lui est parvenue « sans le moindre préavis ».",
        &[("sans le moindre préavis", Some("Odile Ferrand"))],
    ),
    // an incise inside the marks: a definite role, its apposition opened by "lui-même"
    (
        "Le maire, Gilles Renaudin, a rouvert la halle. « Personne ne dormira dehors, assure l'édile, lui-même sinistré. Nous avons des lits pour tous. »",
        &[
            ("Personne ne dormira dehors", Some("Gilles Renaudin")),
            ("Nous avons des lits pour tous.", Some("Gilles Renaudin")),
        ],
    ),
    // an object pronoun before the incise verb, the role's holder named in apposition
    (
        "Le club a appris la nouvelle mardi. « Nous n'étions au courant de rien, nous a confié l'entraîneur du club, Hervé Lamarque. La saison est compromise. »",
        &[
            ("Nous n'étions au courant de rien", Some("Hervé Lamarque")),
            ("La saison est compromise.", Some("Hervé Lamarque")),
        ],
    ),
    // a pronoun incise followed by a time adverbial
    (
        "Amélie Roussel a réuni les parents. « La cantine restera fermée, a-t-elle annoncé jeudi soir. Les repas seront livrés froids. »",
        &[
            ("La cantine restera fermée", Some("Amélie Roussel")),
            ("Les repas seront livrés froids.", Some("Amélie Roussel")),
        ],
    ),
    // an organisation described by its noun and an adjective, the only one named in the
    // paragraph, though not in subject position
    (
        "Les vols ont été annulés. Du côté de Transavia, le ton est plus dur. « Nous sommes pris en otage par une poignée de grévistes », a dénoncé la compagnie néerlandaise à bas coûts.",
        &[("Nous sommes pris en otage par une poignée de grévistes", Some("Transavia"))],
    ),
    // the noun followed by a participle phrase
    (
        "Le groupe Danone a présenté ses comptes. « Nous garderons toutes nos usines françaises », a assuré l'entreprise basée à Paris.",
        &[("Nous garderons toutes nos usines françaises", Some("Danone"))],
    ),
    // une apposition indéfinie décrit la personne nommée juste avant
    (
        "Dans le hall, Maëlle Kerbrat, une infirmière de 41 ans qui devait partir pour Ajaccio, attend depuis l'aube. « Personne ne sait nous dire quand on partira », soupire-t-elle.",
        &[("Personne ne sait nous dire quand on partira", Some("Maëlle Kerbrat"))],
    ),
    // « évoquer » cite : la citation partielle qu'il gouverne est du sujet
    (
        "Du côté politique, la réponse se fait attendre. Claire Dumoulin, porte-parole du ministre fédéral de l'Économie, a indiqué qu'un projet d'arrêté serait soumis au Conseil des ministres avant l'été. Elle évoque aussi la création d'« un fonds d'urgence pour les communes » pour une centaine de villages.",
        &[("un fonds d'urgence pour les communes", Some("Claire Dumoulin"))],
    ),
];
