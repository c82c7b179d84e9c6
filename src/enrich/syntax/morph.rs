//! Morphological features in spaCy's normalised UD FEATS form (`Gender=Fem|Number=Sing`):
//! `field=value` items sorted, multiple values of a field sorted and comma-separated, `_` or ""
//! for none.

/// Normalises a FEATS string as spaCy's `Morphology` does (`"_"` → `""`).
pub fn normalize(feats: &str) -> String {
    if feats.is_empty() || feats == "_" {
        return String::new();
    }
    let mut items: Vec<String> = feats
        .split('|')
        .filter_map(|kv| kv.split_once('='))
        .map(|(field, values)| {
            let mut vs: Vec<&str> = values.split(',').collect();
            vs.sort_unstable();
            format!("{field}={}", vs.join(","))
        })
        .collect();
    items.sort();
    items.join("|")
}

/// The value of one feature in a normalised FEATS string.
pub fn feature<'a>(feats: &'a str, field: &str) -> Option<&'a str> {
    feats
        .split('|')
        .filter_map(|kv| kv.split_once('='))
        .find(|(f, _)| *f == field)
        .map(|(_, v)| v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_fields_and_values() {
        assert_eq!(
            normalize("Number=Sing|Gender=Masc,Fem"),
            "Gender=Fem,Masc|Number=Sing"
        );
        assert_eq!(normalize("_"), "");
        assert_eq!(feature("Gender=Fem|Number=Plur", "Number"), Some("Plur"));
        assert_eq!(feature("Gender=Fem", "Tense"), None);
    }
}
