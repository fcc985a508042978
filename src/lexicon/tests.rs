use super::*;
use std::collections::HashMap as StdMap;

const ORDINARY: &str = include_str!("data/ordinary.txt");

#[test]
fn classes() {
    let form = |w: &str| lookup(w).map(|e| (e.form, e.class));
    assert_eq!(form("friday"), Some(("Friday", Class::Place)));
    assert_eq!(form("ukraine"), Some(("Ukraine", Class::Place)));
    assert_eq!(form("paris"), Some(("Paris", Class::Place)));
    assert_eq!(form("vladivostok"), Some(("Vladivostok", Class::Place)));
    assert_eq!(form("blair"), Some(("Blair", Class::Name)));
    assert_eq!(form("nato"), Some(("NATO", Class::Acronym)));
    assert_eq!(form("u.s."), Some(("U.S.", Class::Acronym)));
    for w in [
        "may", "march", "august", "china", "turkey", "bill", "will", "mark", "polish",
    ] {
        let class = lookup(w).map(|e| e.class);
        assert!(
            matches!(
                class,
                Some(Class::Ambiguous | Class::Familiar | Class::Country | Class::Given)
            ),
            "{w}: {class:?}"
        );
    }
    for w in [
        "the", "latin", "linux", "les", "los", "sur", "des", "eco", "geo", "us",
    ] {
        assert!(lookup(w).is_none_or(|e| e.class != Class::Name), "{w}");
    }
}

#[test]
fn phrases_and_ordinary_words() {
    assert!(
        phrases("new")
            .iter()
            .any(|p| p.rest == "york" && p.form == "New York")
    );
    assert!(phrases("united").iter().any(|p| p.form == "United States"));
    assert!(phrases("los").iter().any(|p| p.form == "Los Angeles"));
    for w in ["china", "bill", "brown", "run", "the"] {
        assert!(is_ordinary(w), "{w}");
    }
    for w in ["paris", "friday", "yukos", "french"] {
        assert!(!is_ordinary(w), "{w}");
    }
}

/// The generated files are the ones the manifest describes (sizes and line
/// counts here; `python3 scripts/gen_lexicon.py --verify` checks the hashes
/// and `--check` regenerates them from the sources).
#[test]
fn data_matches_manifest() {
    let manifest = include_str!("data/MANIFEST");
    let mut seen = 0;
    for line in manifest.lines().filter(|l| l.starts_with("file ")) {
        let f: Vec<&str> = line.split(' ').collect();
        let data = match f[1] {
            "proper.tsv" => PROPER,
            "ordinary.txt" => ORDINARY,
            "rare.txt" => RARE,
            other => {
                assert!(
                    other.starts_with("licenses/"),
                    "unknown file {other} in MANIFEST"
                );
                continue;
            }
        };
        assert_eq!(data.len().to_string(), f[3], "{} size", f[1]);
        assert_eq!(data.lines().count().to_string(), f[4], "{} lines", f[1]);
        assert_eq!(f[2].len(), 64, "sha256 of {}", f[1]);
        seen += 1;
    }
    assert_eq!(seen, 3);
    // The rare words are searched by bisection over the text.
    assert!(RARE.lines().is_sorted() && !RARE.contains('\r') && RARE.ends_with('\n'));
}

#[test]
fn bisection_finds_exactly_the_lines() {
    let data = "b\nbb\nc\nd e\nzz\n";
    for w in ["", "a", "b", "bb", "bc", "c", "d", "d e", "zz", "zzz", "\n"] {
        assert_eq!(
            sorted_contains(data, w),
            data.lines().any(|l| l == w),
            "{w:?}"
        );
    }
    let sample: Vec<&str> = RARE.lines().step_by(997).collect();
    for w in &sample {
        assert!(is_rare_word(w), "{w}");
        let longer = format!("{w}q");
        assert_eq!(
            is_rare_word(&longer),
            RARE.lines().any(|l| l == longer),
            "{longer}"
        );
    }
    assert!(!is_rare_word("") && !is_rare_word("zzzzzzzz"));
}

#[test]
fn word_lists_answer_like_slices() {
    const LIST: &[&str] = &["Mr", "Mr.", "da", "é", "van", "Messrs."];
    static SET: WordList = WordList::new(LIST);
    for w in [
        "Mr", "Mr.", "Mrs", "M", "", "da", "de", "é", "e", "van", "vans", "Messrs.", "messrs.",
    ] {
        assert_eq!(SET.contains(w), LIST.contains(&w), "{w:?}");
    }
    static EMPTY: WordList = WordList::new(&[]);
    assert!(!EMPTY.contains("") && !EMPTY.contains("a"));
}

#[test]
fn folded_lookups() {
    assert!(matches!(lookup_folded("Blair"), Some(Folded::Entry(e)) if e.class == Class::Name));
    assert_eq!(lookup_folded("Runs"), Some(Folded::Ordinary));
    assert_eq!(lookup_folded("Kunplome"), Some(Folded::Unknown));
    assert_eq!(lookup_folded(&"X".repeat(MAX_WORD_LEN + 1)), None);
}

#[test]
fn every_phrase_start_passes_the_filter() {
    for (first, list) in &phrase_table().by_first {
        assert_eq!(phrases(first), list.as_slice(), "{first}");
    }
}

/// Every ordinary word answers as one through the packed keys, whatever
/// its length (longer than a key holds: a separate set), and a word is
/// never confused with a prefix of it or a padded form.
#[test]
fn ordinary_words_of_every_length() {
    for word in ORDINARY.lines() {
        assert!(is_ordinary(word), "{word}");
    }
    assert!(is_ordinary("antidisestablishmentarianism"));
    assert_eq!(classify("hundred-and-twenty-fifth"), Folded::Ordinary);
    assert_eq!(classify("antidisestablishmentarianism"), Folded::Ordinary);
    assert!(!is_ordinary("antidisestablishmentarianismx"));
    assert!(!is_ordinary("aardvark\0"));
    assert!(!is_ordinary("aardvar"));
    assert_eq!(classify("zzqxv"), Folded::Unknown);
    assert!(matches!(classify("paris"), Folded::Entry(e) if e.form == "Paris"));
}

/// Packed keys are zero-padded: a word with a NUL byte must not read as the
/// word before it, and keys at the 8- and 16-byte seams stay distinct.
#[test]
fn packed_keys_are_exact() {
    assert_eq!(classify("paris"), Folded::Entry(lookup("paris").unwrap()));
    for w in ["paris\0", "paris\0\0", "pa\0ris", "the\0"] {
        assert_eq!(classify(w), Folded::Unknown, "{w:?}");
        assert!(lookup(w).is_none() && !is_ordinary(w), "{w:?}");
    }
    let keys = [
        "abcdefgh",
        "abcdefghi",
        "abcdefghijklmnop",
        "abcdefghijklmnopq",
        "abcdefghijklmnopqrstuvwx",
    ];
    for (i, a) in keys.iter().enumerate() {
        for (j, b) in keys.iter().enumerate() {
            let (pa, pb) = (table::pack(a.as_bytes()), table::pack(b.as_bytes()));
            assert_eq!(pa == pb, i == j, "{a} {b}");
        }
    }
    assert!(table::pack(b"abcdefghijklmnopqrstuvwxy").is_none());
    // Every length packs as the word zero-padded to three machine words.
    let bytes: Vec<u8> = (1..=table::MAX_WORD_LEN as u8)
        .map(|b| b.wrapping_mul(37) | 1)
        .collect();
    for n in 1..=table::MAX_WORD_LEN {
        let mut buf = [0u8; table::MAX_WORD_LEN];
        buf[..n].copy_from_slice(&bytes[..n]);
        let want: Vec<u64> = buf
            .chunks(8)
            .map(|c| u64::from_le_bytes(c.try_into().unwrap()))
            .collect();
        assert_eq!(
            table::pack(&bytes[..n]).unwrap().to_vec(),
            want,
            "length {n}"
        );
    }
    assert!(table::pack(b"paris\0").is_none());
    // Every name keeps its form through the compact slot.
    for w in ["friday", "nato", "u.s.", "vladivostok"] {
        let e = lookup(w).unwrap();
        assert!(e.form.eq_ignore_ascii_case(w), "{w} {e:?}");
    }
}

/// The table `build.rs` laid out answers, for every word of the data files
/// and for words near them, exactly what a map built here from the same
/// lines answers: the last line of a name wins, ordinary words add their
/// flag, forms longer than 255 bytes and keys longer than a key holds are
/// left out.
#[test]
fn compiled_table_matches_the_data() {
    // A word's entry (form and class) and its ordinary flag.
    type Answer<'a> = (Option<(&'a str, Class)>, bool);
    let mut want: StdMap<&str, Answer> = StdMap::new();
    for line in PROPER.lines() {
        let f: Vec<&str> = line.split('\t').collect();
        let (Some(&key), Some(&form), Some(&class)) = (f.first(), f.get(1), f.get(2)) else {
            continue;
        };
        let Some(code) = table::CLASSES.iter().position(|&c| c == class) else {
            continue;
        };
        if key.contains(' ') || key.len() > MAX_WORD_LEN || form.len() > 255 {
            continue;
        }
        let mut e = [0u8; table::ENTRY];
        e[29] = code as u8 + 1;
        let class = Slot::decode(&e).class.expect("a class for every code");
        want.insert(key, (Some((form, class)), false));
    }
    for word in ORDINARY.lines() {
        want.entry(word).or_insert((None, false)).1 = true;
    }
    let answer = |w: &str| {
        let s = slot(w);
        (
            s.and_then(Slot::entry).map(|e| (e.form, e.class)),
            s.is_some_and(|s| s.ordinary),
        )
    };
    let mut checked = 0;
    for (&w, &expected) in &want {
        if w.len() <= MAX_WORD_LEN {
            assert_eq!(answer(w), expected, "{w}");
            checked += 1;
        } else {
            assert!(is_ordinary(w), "{w}");
        }
        let shorter = w.char_indices().last().map_or("", |(i, _)| &w[..i]);
        for near in [format!("{w}q"), format!("q{w}"), shorter.to_owned()] {
            if near.len() <= MAX_WORD_LEN && !want.contains_key(near.as_str()) {
                assert_eq!(answer(&near), (None, false), "{near}");
            }
        }
    }
    // Every occupied bucket holds one of these words.
    let occupied = WORDS
        .0
        .chunks_exact(table::ENTRY)
        .filter(|&e| !table::is_free(e.try_into().expect("one entry")))
        .count();
    assert_eq!(occupied, checked);
    // The codes `build.rs` writes name the classes `Slot::decode` reads.
    for (i, name) in table::CLASSES.iter().enumerate() {
        let mut e = [0u8; table::ENTRY];
        e[29] = i as u8 + 1;
        let class = format!("{:?}", Slot::decode(&e).class.unwrap()).to_lowercase();
        assert_eq!(&class, name);
    }
    assert_eq!(answer(""), (None, false));
}
