use super::{
    ENGLISH, FOREIGN, NONE, OTHER_LANGUAGE, SAMPLE, STOP, class_of, key, looks_english, tally,
};
use proptest::prelude::*;
use std::ops::Range;

#[test]
fn key_table_answers_like_the_lists() {
    for w in STOP
        .iter()
        .chain(FOREIGN)
        .chain(&["", "x", "xyz", "thee", "Der", "'"])
    {
        let lower = w.to_ascii_lowercase();
        let want = if STOP.contains(&lower.as_str()) {
            ENGLISH
        } else if FOREIGN.contains(&lower.as_str()) {
            OTHER_LANGUAGE
        } else {
            NONE
        };
        assert_eq!(class_of(key(w.as_bytes())), want, "{w:?}");
    }
}

/// The plain definition the byte scan must agree with.
fn reference(text: &str) -> bool {
    let (mut words, mut hits, mut foreign, mut non_ascii) = (0usize, 0usize, 0usize, 0usize);
    for w in text
        .split(|c: char| !c.is_alphabetic() && c != '\'')
        .filter(|w| !w.is_empty())
        .take(2000)
    {
        words += 1;
        if !w.is_ascii() {
            non_ascii += 1;
            continue;
        }
        let w = w.trim_matches('\'');
        if w.len() <= 5 && STOP.iter().any(|s| s.eq_ignore_ascii_case(w)) {
            hits += 1;
        } else if w.len() <= 5 && FOREIGN.iter().any(|s| s.eq_ignore_ascii_case(w)) {
            foreign += 1;
        }
    }
    words > 0
        && non_ascii * 4 <= words
        && foreign <= hits
        && if words < 6 {
            hits >= 1
        } else {
            hits * 100 >= words * 12
        }
}

#[test]
fn eight_lane_mask_matches_the_byte_test() {
    for b in 0u8..0x80 {
        for lane in 0..8 {
            let mut bytes = [b'.'; 8];
            bytes[lane] = b;
            let m = super::word_mask8(u64::from_le_bytes(bytes));
            let want = u64::from(super::is_word_byte(b)) << lane;
            assert_eq!(m, want, "byte {b:#x} in lane {lane}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn byte_scan_matches_the_definition(
        words in proptest::collection::vec(
            "(the|The|AND|of|'it'|was|die|Les|café|été|東京|x|''|[a-z]{1,7}|[A-Za-z]{20,70}|[,.!? \n'’-]{1,2})", 0..300),
        repeat in 1usize..12,
        sep in "[ '\n,]",
    ) {
        let text = words.join(&sep).repeat(repeat);
        prop_assert_eq!(looks_english(&text), reference(&text), "{:?}", text);
    }
}

/// `text` with `edits` (sorted, not overlapping) applied.
fn apply(text: &str, edits: &[(Range<usize>, String)]) -> String {
    let mut out = String::new();
    let mut at = 0;
    for (r, new) in edits {
        out.push_str(&text[at..r.start]);
        out.push_str(new);
        at = r.end;
    }
    out + &text[at..]
}

/// Non-overlapping edits of `text` from `(position, length, text)`
/// picks, positions and lengths counted in characters.
fn edits_of(text: &str, picks: Vec<(usize, usize, String)>) -> Vec<(Range<usize>, String)> {
    let bounds: Vec<usize> = (0..=text.len())
        .filter(|&i| text.is_char_boundary(i))
        .collect();
    let mut edits: Vec<(Range<usize>, String)> = Vec::new();
    let mut from = 0;
    let mut picks = picks;
    picks.sort_by_key(|p| p.0);
    for (at, len, new) in picks {
        let Some(&start) = bounds.iter().filter(|&&b| b >= from).nth(at % bounds.len()) else {
            break;
        };
        let end = bounds
            .iter()
            .copied()
            .filter(|&b| b >= start)
            .nth(len)
            .unwrap_or(start);
        if text[start..end] != new {
            edits.push((start..end, new));
        }
        // Edits may touch: a replacement right after another.
        from = end + usize::from(end == start);
    }
    edits
}

/// The update must be the count of the edited text, or nothing.
fn check_after(text: &str, edits: &[(Range<usize>, String)]) -> Option<super::Tally> {
    let after = tally(text).after(text, edits.iter().map(|(r, s)| (r, s.as_str())));
    if let Some(t) = after {
        let edited = apply(text, edits);
        assert_eq!(t, tally(&edited), "{text:?} -> {edited:?}");
    }
    after
}

#[test]
fn tally_follows_the_edits() {
    let t = "peace,reiterating the paris  talks.The end";
    let e = |r: Range<usize>, s: &str| (r, s.to_owned());
    // A space after a comma, a capital, a space removed, a line break.
    let some = check_after(
        t,
        &[e(6..6, " "), e(22..23, "P"), e(27..28, ""), e(35..35, "\n")],
    );
    assert!(some.is_some());
    // Words joined and split, an apostrophe changed, a dotless i.
    assert!(check_after(t, &[e(27..29, "")]).is_some());
    assert!(check_after(t, &[e(2..2, " "), e(3..3, " ")]).is_some());
    assert!(check_after("a -b", &[e(1..2, ""), e(2..3, "")]).is_some());
    assert!(check_after("inter\u{ad}national the", &[e(5..7, "")]).is_some());
    assert!(check_after("don't it", &[e(3..4, "’")]).is_some());
    assert!(check_after("ıt is", &[e(0..2, "I")]).is_some());
    // Overlapping edits are not judged.
    assert!(check_after(t, &[e(1..4, "x"), e(2..3, "y")]).is_none());
    // A sample that is full depends on the whole text.
    let long = "the cat ".repeat(SAMPLE / 2);
    assert!(check_after(&long, &[e(0..1, "T")]).is_none());
    let almost = "the cat ".repeat(SAMPLE / 2 - 1);
    assert!(check_after(&almost, &[e(0..0, "a ")]).is_some());
    assert!(check_after(&almost, &[e(0..0, "a b ")]).is_none());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]
    /// The counts updated around random edits are the counts of the
    /// edited text, whenever an update is given.
    #[test]
    fn tally_after_matches_a_fresh_count(
        text in "(the|of|die|les|[aBé' .,\n’1\u{200b}\u{ad}-]){0,24}",
        picks in proptest::collection::vec(
            (0usize..40, 0usize..4, "(the|And|[aBé' .,\n’\u{200b}-]){0,2}"), 0..5),
    ) {
        let edits = edits_of(&text, picks);
        check_after(&text, &edits);
    }

    /// Near the sample's size, where a word joined or split decides
    /// whether the update can be given.
    #[test]
    fn tally_after_near_the_sample_size(
        n in (SAMPLE - 4)..(SAMPLE + 2),
        picks in proptest::collection::vec((0usize..60, 0usize..3, "[a ]{0,3}"), 0..4),
    ) {
        let text = "of ".repeat(n);
        let edits = edits_of(&text, picks);
        check_after(&text, &edits);
    }
}

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
        // These share `in`, `was`, `will`, `an` and `has` with English.
        "Was ist in der Stadt los? Ich will an die Uni, und sie hat es auch gesagt, aber nicht heute.",
        "La BCE maintient ses taux. Les marchés attendent une baisse en juin ; les analystes de paris sont partagés.",
        "Ha sido un año difícil para los trabajadores, y el gobierno no ha dicho nada sobre las pensiones.",
        "De minister heeft het plan van de regering voor de zomer niet gesteund, zegt een woordvoerder.",
    ] {
        assert!(!looks_english(t), "{t}");
    }
}

#[test]
fn english_with_foreign_names() {
    assert!(looks_english(
        "Mr Van der Veer told Le Monde that the deal with El Corte Ingles was done, and \
         that the firm would not sell its stake in Der Spiegel."
    ));
    assert!(looks_english("I think so."));
    assert!(!looks_english("Der Hund und die Katze."));
}
