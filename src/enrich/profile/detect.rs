//! Language detection for documents that do not declare `lang`.

use crate::enrich::types::Document;

/// Detect the language of a document from its text (all fields), as ISO 639-1.
/// Returns `None` when the detector is not confident (very short or mixed text).
pub fn detect(doc: &Document<'_>) -> Option<String> {
    let mut text = String::new();
    for f in &doc.fields {
        // A few KB are enough and keep detection cheap on huge articles.
        let room = 4096usize.saturating_sub(text.len());
        if room == 0 {
            break;
        }
        let mut end = f.text.len().min(room);
        while !f.text.is_char_boundary(end) {
            end -= 1;
        }
        text.push_str(&f.text[..end]);
        text.push('\n');
    }
    let info = whatlang::detect(&text)?;
    let code = iso639_1(info.lang());
    if supported(code) || info.is_reliable() {
        return Some(code.to_string());
    }
    // A short or mixed text the detector is unsure of: among close scores, a language we
    // process is the likelier reading of a news feed that sends them ("Le maire parle" is
    // otherwise read as Portuguese). A confident foreign text keeps its own language above.
    let ours: Vec<whatlang::Lang> = whatlang::Lang::all()
        .iter()
        .copied()
        .filter(|l| supported(iso639_1(*l)))
        .collect();
    let restricted = whatlang::Detector::with_allowlist(ours).detect(&text);
    Some(restricted.map_or(code, |i| iso639_1(i.lang())).to_string())
}

/// The ISO 639-1 code a producer's `lang` names: its primary subtag, lower-cased, when that is
/// an assigned ISO 639-1 code (`"fr"`, `"FR"`, `"fr-CA"`, `"en_GB"`); `None` for anything else
/// (`"french"`, `"fra"`, `"x"`, `"und"`), which is then detected from the text.
pub fn normalize(lang: &str) -> Option<String> {
    let primary = lang.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    ISO_639_1.binary_search(&primary.as_str()).ok()?;
    Some(primary)
}

/// The assigned ISO 639-1 codes, sorted.
const ISO_639_1: [&str; 183] = [
    "aa", "ab", "ae", "af", "ak", "am", "an", "ar", "as", "av", "ay", "az", "ba", "be", "bg", "bi",
    "bm", "bn", "bo", "br", "bs", "ca", "ce", "ch", "co", "cr", "cs", "cu", "cv", "cy", "da", "de",
    "dv", "dz", "ee", "el", "en", "eo", "es", "et", "eu", "fa", "ff", "fi", "fj", "fo", "fr", "fy",
    "ga", "gd", "gl", "gn", "gu", "gv", "ha", "he", "hi", "ho", "hr", "ht", "hu", "hy", "hz", "ia",
    "id", "ie", "ig", "ii", "ik", "io", "is", "it", "iu", "ja", "jv", "ka", "kg", "ki", "kj", "kk",
    "kl", "km", "kn", "ko", "kr", "ks", "ku", "kv", "kw", "ky", "la", "lb", "lg", "li", "ln", "lo",
    "lt", "lu", "lv", "mg", "mh", "mi", "mk", "ml", "mn", "mr", "ms", "mt", "my", "na", "nb", "nd",
    "ne", "ng", "nl", "nn", "no", "nr", "nv", "ny", "oc", "oj", "om", "or", "os", "pa", "pi", "pl",
    "ps", "pt", "qu", "rm", "rn", "ro", "ru", "rw", "sa", "sc", "sd", "se", "sg", "si", "sk", "sl",
    "sm", "sn", "so", "sq", "sr", "ss", "st", "su", "sv", "sw", "ta", "te", "tg", "th", "ti", "tk",
    "tl", "tn", "to", "tr", "ts", "tt", "tw", "ty", "ug", "uk", "ur", "uz", "ve", "vi", "vo", "wa",
    "wo", "xh", "yi", "yo", "za", "zh", "zu",
];

/// Whether the pipeline has a language profile for `code`.
fn supported(code: &str) -> bool {
    super::Lang::from_code(code).is_some()
}

fn iso639_1(l: whatlang::Lang) -> &'static str {
    use whatlang::Lang::*;
    match l {
        Fra => "fr",
        Eng => "en",
        Deu => "de",
        Spa => "es",
        Ita => "it",
        Por => "pt",
        Nld => "nl",
        Rus => "ru",
        Ukr => "uk",
        Pol => "pl",
        Ara => "ar",
        Cmn => "zh",
        Jpn => "ja",
        Kor => "ko",
        Tur => "tr",
        Swe => "sv",
        Dan => "da",
        Fin => "fi",
        Ces => "cs",
        Ron => "ro",
        Hun => "hu",
        Ell => "el",
        Heb => "he",
        Hin => "hi",
        _ => "und",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::enrich::types::TextField;

    fn doc(t: &str) -> Document<'_> {
        Document {
            fields: vec![TextField {
                name: "body",
                text: t,
            }],
            lang: None,
        }
    }

    #[test]
    fn detects_fr_en() {
        assert_eq!(
            detect(&doc(
                "Le président du Bélarus a rencontré le chef du Kremlin ce lundi."
            ))
            .as_deref(),
            Some("fr")
        );
        assert_eq!(
            detect(&doc(
                "The president met the head of the Kremlin on Monday, officials said."
            ))
            .as_deref(),
            Some("en")
        );
        assert_eq!(
            detect(&doc(
                "Der Präsident traf sich am Montag mit dem Chef des Kremls."
            ))
            .as_deref(),
            Some("de")
        );
    }

    #[test]
    fn declared_languages_are_iso_639_1_codes() {
        assert!(ISO_639_1.windows(2).all(|w| w[0] < w[1]), "sorted");
        for (given, want) in [
            ("fr", Some("fr")),
            (" EN ", Some("en")),
            ("fr-CA", Some("fr")),
            ("en_GB", Some("en")),
            ("pt-BR", Some("pt")),
            ("french", None),
            ("fra", None),
            ("und", None),
            ("x", None),
            ("", None),
            ("zz", None),
        ] {
            assert_eq!(normalize(given).as_deref(), want, "{given:?}");
        }
    }

    #[test]
    fn short_uncertain_texts_prefer_supported_languages() {
        for (text, lang) in [
            ("Le maire parle", "fr"),
            ("Une grève demain", "fr"),
            ("Mayor resigns", "en"),
            ("Storm hits coast", "en"),
        ] {
            assert_eq!(detect(&doc(text)).as_deref(), Some(lang), "{text}");
        }
        // A confident foreign text keeps its language.
        assert_eq!(
            detect(&doc(
                "O presidente do Brasil reuniu-se ontem com os ministros para discutir o orçamento."
            ))
            .as_deref(),
            Some("pt")
        );
    }
}
