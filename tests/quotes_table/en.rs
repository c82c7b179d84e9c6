//! The English cases of the quotes table (see `tests/quotes_table.rs`); sentences and names
//! invented.

use super::Want;

pub const EN: &[(&str, Want)] = &[
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
    // a partial quote governed by a verb of the reported clause is the reporting subject's
    (
        "Opening the case, Ruth Adebayo told the court that the firm had promised savers returns \"backed by real buildings and land\".",
        &[("backed by real buildings and land", Some("Ruth Adebayo"))],
    ),
    // post-nominal letters are not part of the speaker's name
    (
        "Defending, Simon Garrow KC said his client had been \"misled by a man he trusted\".",
        &[("misled by a man he trusted", Some("Simon Garrow"))],
    ),
    // a person described by station in life after the quote
    (
        "In the township, Grace Nkosi, 71, said the cuts had spoiled her food.\n\n\"I paid every bill on time and still sat in the dark\" the pensioner said.",
        &[("I paid every bill on time and still sat in the dark", Some("Grace Nkosi"))],
    ),
    // a body described by its common noun after being named ("the museum said")
    (
        "The trustees of the Harrowgate Museum met on Monday. The museum said the loan was \"a fair outcome for both cities\".",
        &[("a fair outcome for both cities", Some("Harrowgate Museum"))],
    ),
    // a person named after a long capitalised title the model may take for the body's name
    (
        "Fares will rise in March. \"We will not let a few people make the system unaffordable,\" TTA Chief Operating Officer Renata Vinshaw said at a board meeting in Boston.",
        &[("We will not let a few people make the system unaffordable,", Some("Renata Vinshaw"))],
    ),
    // the unnamed spokesperson of a body, taken up again by "the spokesperson"
    (
        "The gallery will close next year. A spokesperson for the Harbour Arts Trust said the decision followed a long review. \"We know this will be very hard news for the artists,\" the spokesperson added.",
        &[("We know this will be very hard news for the artists,", Some("Harbour Arts Trust"))],
    ),
    // an indefinite role in apposition describes the person before it, no one else
    (
        "Ms Wanjiru Otieno, a mother of three who sells fruit at the market, said prices had doubled.\n\n\"Some days I go home with nothing for the children,\" she told reporters.",
        &[("Some days I go home with nothing for the children,", Some("Wanjiru Otieno"))],
    ),
    // the person in apposition to a body's possessed role opens the sentence of the quote
    (
        "But not everyone agrees. Harbour Rescue NSW's director of coastal safety, Greg Mallory, put it bluntly: \"Our members are in the water at dawn every day. Ask any of them.\"",
        &[("Our members are in the water at dawn every day. Ask any of them.", Some("Greg Mallory"))],
    ),
];
