//! Language guard: is a document English enough for the English rules?
//!
//! A stop-word ratio is enough for whole articles and cheap: English prose has
//! 25–45% of its words among a few dozen function words that are rare as
//! words in other Latin-script languages, and scripts without ASCII letters
//! never reach the threshold.

/// Which rules to run, as chosen by `--lang`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Detect per document.
    #[default]
    Auto,
    /// Treat every document as English.
    En,
    /// Treat no document as English: only language-neutral rules run.
    Other,
}

impl std::str::FromStr for Lang {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.to_ascii_lowercase().as_str() {
            "auto" => Ok(Lang::Auto),
            "en" | "english" => Ok(Lang::En),
            "other" | "none" => Ok(Lang::Other),
            _ => Err(format!(
                "unknown language {s:?} (expected auto, en or other)"
            )),
        }
    }
}

const STOP: &[&str] = &[
    "the", "and", "of", "to", "is", "that", "for", "with", "was", "this", "are", "be", "by",
    "from", "have", "has", "it", "he", "she", "they", "we", "you", "not", "but", "which", "his",
    "her", "their", "been", "were", "said", "will", "would", "an", "at", "or", "its", "who", "had",
    "after", "about", "there", "than", "into", "what", "when", "i", "my", "our", "can",
];

/// Function words of other Latin-script languages that are not English
/// words: German, French, Spanish, Italian, Portuguese and Dutch. A text
/// that has more of these than English ones is not English, however many
/// `in`, `was` and `has` it shares with English.
const FOREIGN: &[&str] = &[
    // German
    "der", "die", "das", "und", "ist", "nicht", "mit", "sich", "des", "dem", "den", "auf", "ein",
    "eine", "zu", "von", "für", "wird", "auch", "sie", "es", "im", "aus", "bei", "nach", "wie",
    // French
    "le", "la", "les", "et", "est", "du", "une", "un", "dans", "pour", "qui", "que", "sur", "pas",
    "au", "aux", "avec", "sont", "il", "elle", "nous", "ses", "ce", "cette", "mais",
    // Spanish and Portuguese
    "el", "los", "las", "y", "en", "por", "con", "para", "una", "del", "se", "lo", "al", "como",
    "más", "pero", "sus", "fue", "está", "os", "não", "uma", "em", "são", // Italian
    "il", "di", "che", "della", "per", "sono", "gli", "nel", "alla", "non", "è",
    // Dutch
    "het", "een", "van", "niet", "zijn", "op", "voor", "met", "ook", "aan", "wordt", "bij",
];

/// True when `text` reads as English: at least 12% of its first 2,000 words
/// are English function words, and they outnumber the function words of
/// German, French, Spanish, Italian, Portuguese and Dutch. Very short texts
/// (under 6 words) count as English when they hold one English function
/// word and no foreign one. Texts mostly in other scripts are not English.
pub fn looks_english(text: &str) -> bool {
    let mut words = 0usize;
    let mut hits = 0usize;
    let mut foreign = 0usize;
    let mut non_ascii_letters = 0usize;
    for w in text
        .split(|c: char| !c.is_alphabetic() && c != '\'' && c != '’')
        .filter(|w| !w.is_empty())
        .take(2000)
    {
        words += 1;
        let w = w.trim_matches(['\'', '’']);
        if w.chars().count() > 6 {
            if !w.is_ascii() {
                non_ascii_letters += 1;
            }
            continue;
        }
        let mut buf = [0u8; 24];
        let lower = lowercase(w, &mut buf);
        if STOP.contains(&lower) {
            hits += 1;
        } else if FOREIGN.contains(&lower) {
            foreign += 1;
        } else if !w.is_ascii() {
            non_ascii_letters += 1;
        }
    }
    if words == 0 {
        return false;
    }
    if non_ascii_letters * 4 > words || foreign > hits {
        return false;
    }
    if words < 6 {
        return hits >= 1;
    }
    hits * 100 >= words * 12
}

/// `w` in lowercase, in `buf` when it fits (function words are short).
fn lowercase<'b>(w: &'b str, buf: &'b mut [u8; 24]) -> &'b str {
    if w.len() > buf.len() || w.bytes().all(|b| !b.is_ascii_uppercase()) {
        return w;
    }
    let b = &mut buf[..w.len()];
    b.copy_from_slice(w.as_bytes());
    b.make_ascii_lowercase();
    std::str::from_utf8(b).unwrap_or(w)
}

#[cfg(test)]
mod tests {
    use super::looks_english;

    #[test]
    fn english_prose() {
        assert!(looks_english(
            "Putin's warning directly addresses this potential deployment. He argued that the presence of foreign troops would be counterproductive."
        ));
    }

    #[test]
    fn other_languages() {
        for t in [
            "Der Bundeskanzler traf sich am Montag mit den Ministerpräsidenten der Länder, um über die Energiepreise zu sprechen.",
            "Le président a rencontré lundi les représentants des syndicats pour discuter de la réforme des retraites.",
            "El presidente se reunió el lunes con los representantes de los sindicatos para hablar de la reforma.",
            "国家主席周一会见了工会代表，讨论养老金改革问题。",
            // Shares `in`, `was`, `will`, `an` and `has` with English.
            "Was ist in der Stadt los? Ich will an die Uni, und sie hat es auch gesagt, aber nicht heute.",
            "La BCE maintient ses taux. Les marchés attendent une baisse en juin ; les analystes de paris sont partagés.",
            "Ha sido un año difícil para los trabajadores, y el gobierno no ha dicho nada sobre las pensiones.",
            "De minister heeft het plan van de regering voor de zomer niet gesteund, zegt een woordvoerder.",
        ] {
            assert!(!looks_english(t), "{t}");
        }
    }

    #[test]
    fn english_with_foreign_names_and_quotes() {
        assert!(looks_english(
            "Mr Van der Veer told Le Monde that the deal with El Corte Inglés was done, and \
             that the firm would not sell its stake in Der Spiegel."
        ));
        assert!(looks_english("I think so."));
        assert!(!looks_english("Der Hund."));
    }
}
