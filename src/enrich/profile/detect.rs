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
    // Short texts give low confidence; still take the best guess when it is one of ours and
    // reasonably sure, otherwise report the language so it is counted but not processed.
    let code = match info.lang() {
        whatlang::Lang::Fra => "fr",
        whatlang::Lang::Eng => "en",
        other => return Some(iso639_1(other).to_string()),
    };
    Some(code.to_string())
}

fn iso639_1(l: whatlang::Lang) -> &'static str {
    use whatlang::Lang::*;
    match l {
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
}
