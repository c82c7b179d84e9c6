//! The forms words and names are compared in: lower case, and keys without accents, hyphens or
//! full stops.

/// The comparison form of an abbreviation: its [`key`] without full stops or spaces ("N.-B."
/// → "nb", "Mass." → "mass").
pub fn abbrev_key(s: &str) -> String {
    key(s).chars().filter(|c| *c != '.' && *c != ' ').collect()
}

/// Comparison key of a name or word: lower case, accents stripped, `’` → `'`, hyphens and runs
/// of spaces → one space.
pub fn key(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let mut out = String::with_capacity(s.len());
    for c in s
        .nfkd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
    {
        let c = match c {
            '’' | '‘' => '\'',
            '-' | '‐' | '–' => ' ',
            c if c.is_whitespace() => ' ',
            c => c,
        };
        if c == ' ' && (out.is_empty() || out.ends_with(' ')) {
            continue;
        }
        out.extend(c.to_lowercase());
    }
    while out.ends_with(' ') {
        out.pop();
    }
    out
}

/// Lower case with `’` → `'` (the form cue and word lists are compared in).
pub fn lower(s: &str) -> String {
    s.chars()
        .map(|c| if c == '’' { '\'' } else { c })
        .flat_map(char::to_lowercase)
        .collect()
}
