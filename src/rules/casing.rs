//! What the casing rules share: the document's words (see [`crate::words`])
//! and the helpers that test and change a word's case.

pub(crate) use crate::words::{Word, scan, scan_with_prev};

/// `word` split into its base and a possessive suffix (`’s`, `'s`).
pub(crate) fn split_possessive(word: &str) -> (&str, &str) {
    // Asked for nearly every word: decided on the last bytes.
    let b = word.as_bytes();
    let n = b.len();
    if b.last() != Some(&b's') {
        return (word, "");
    }
    let cut = if n >= 3 && b[n - 2] == b'\'' {
        n - 2
    } else if n >= 5 && b[n - 4..n - 1] == *"’".as_bytes() {
        n - 4
    } else {
        return (word, "");
    };
    (&word[..cut], &word[cut..])
}

/// `Word` for `word`: first letter uppercase, the rest as written.
/// Letters whose capital is more than one character (`ﬁ` → `FI`, `ß` → `SS`)
/// and combining marks are left as they are: capitalising them would change
/// the letters, not only their case.
pub(crate) fn capitalize_first(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        // A combining mark (`ͅ`, ypogegrammeni) has a capital that is a base
        // letter: capitalising it would detach it from what it combines with.
        Some(c) if unicode_normalization::char::is_combining_mark(c) => word.to_string(),
        Some(c) => {
            let mut up = c.to_uppercase();
            match (up.next(), up.next()) {
                (Some(u), None) => std::iter::once(u).chain(chars).collect(),
                _ => word.to_string(),
            }
        }
        None => String::new(),
    }
}

/// True for `Word`: an uppercase letter followed only by lowercase ones.
pub(crate) fn is_titlecase(word: &str) -> bool {
    let b = word.as_bytes();
    // Most words start with an ASCII byte: a lowercase letter or any other
    // ASCII byte is no uppercase character, and an ASCII word is decided
    // by its bytes.
    match b.first() {
        None => false,
        Some(c) if c.is_ascii() && !c.is_ascii_uppercase() => false,
        Some(c) if c.is_ascii() => {
            // One pass over the rest: a non-ASCII byte hands the word to
            // the general definition.
            let mut upper = false;
            for &c in &b[1..] {
                if !c.is_ascii() {
                    return titlecase_by_chars(word);
                }
                upper |= c.is_ascii_uppercase();
            }
            b.len() > 1 && !upper
        }
        _ => titlecase_by_chars(word),
    }
}

/// The definition [`is_titlecase`] answers faster for ASCII words.
fn titlecase_by_chars(word: &str) -> bool {
    let mut chars = word.chars();
    match chars.next() {
        Some(c) if c.is_uppercase() => {
            let rest = chars.as_str();
            !rest.is_empty() && rest.chars().all(|c| !c.is_alphabetic() || c.is_lowercase())
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Document, ParagraphStyle};
    use crate::sentence::Position;
    use crate::words::is_heading;

    fn words(text: &str) -> Vec<(String, Position, bool)> {
        let doc = Document::new(text, ParagraphStyle::Auto, true);
        let mut out = Vec::new();
        scan(&doc, |w| out.push((w.text.to_string(), w.pos, w.plain)));
        out
    }

    #[test]
    fn positions_and_guards() {
        let w =
            words("the talks ended. “then iPhone fans in the u.s. met at www.x.com, see @bob.\n");
        let get = |s: &str| w.iter().find(|x| x.0 == s).cloned().unwrap();
        assert_eq!(get("the").1, Position::Start);
        assert_eq!(get("talks").1, Position::Mid);
        assert_eq!(get("then").1, Position::Start);
        assert!(!get("iPhone").2);
        assert!(get("u.s.").2);
        assert_eq!(get("met").1, Position::Unknown);
        assert!(w.iter().all(|x| x.0 != "www.x.com" || !x.2));
        assert!(!get("@bob").2 || w.iter().all(|x| x.0 != "@bob"));
    }

    #[test]
    fn possessives_and_hyphens() {
        let w = words("ukraine’s pro-russian rebels, i'm told\n");
        assert!(w.iter().any(|x| x.0 == "ukraine’s" && x.2));
        assert!(w.iter().any(|x| x.0 == "i'm" && x.2));
        assert!(w.iter().all(|x| !x.0.contains("russian") || !x.2));
        assert_eq!(split_possessive("ukraine’s"), ("ukraine", "’s"));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]
        /// Any mix of letters, punctuation, quotes and multibyte characters:
        /// the casing rules neither panic nor keep changing their output.
        #[test]
        fn casing_rules_settle(
            parts in proptest::collection::vec(
                "(paris|may 5|i|i’m|u\\.s\\.|new york|Yukos|yukos|é|’|“|”|\\.|\\?|!|…|:| |\n|[a-zA-Z]{1,6}|[.’”]{1,3})",
                0..40,
            )
        ) {
            let text = parts.concat();
            let cfg = crate::Config {
                select: Some(
                    ["sentence-start-case", "pronoun-i-case", "proper-noun-case", "consensus-case"]
                        .map(String::from)
                        .to_vec(),
                ),
                lang: crate::Lang::En,
                ..crate::Config::default()
            };
            let p = crate::Pipeline::new(cfg).unwrap();
            let once = p.run(&text).unwrap().fixed;
            proptest::prop_assert_eq!(p.run(&once).unwrap().fixed, once.clone());
            proptest::prop_assert_eq!(once.to_lowercase(), text.to_lowercase());
        }
    }

    /// The definition [`split_possessive`] answers from the last bytes.
    fn split_possessive_by_suffix(word: &str) -> (&str, &str) {
        for suffix in ["'s", "’s"] {
            if let Some(base) = word.strip_suffix(suffix)
                && !base.is_empty()
            {
                return (base, &word[base.len()..]);
            }
        }
        (word, "")
    }

    proptest::proptest! {
        #[test]
        fn possessive_fast_path_matches(word in "[as'’é]{0,6}") {
            proptest::prop_assert_eq!(split_possessive(&word), split_possessive_by_suffix(&word));
        }

        #[test]
        fn titlecase_fast_path_matches(word in "[aAzZ'’.1ÉéΣσ-]{0,5}") {
            proptest::prop_assert_eq!(is_titlecase(&word), titlecase_by_chars(&word));
        }
    }

    #[test]
    fn glued_sentences_with_curly_quotes() {
        // A glued `.X` with a multibyte closer must not split a character.
        let w = words("the prosecutions.Registrars’ powers and “u.s.”\n");
        assert!(w.iter().all(|x| !x.0.contains("Registrars")));
        assert!(w.iter().any(|x| x.0 == "u.s."));
    }

    #[test]
    fn headings() {
        assert!(is_heading("The Path Forward: A Delicate Balance"));
        assert!(!is_heading("It ended."));
        assert!(!is_heading("“It ended,” he said."));
    }
}
