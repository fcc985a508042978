//! Inputs that fuzzing or the property tests once broke, replayed under every
//! rule set, language and paragraph setting. Each file in `tests/regressions/`
//! is a raw fuzz input; `.bin` files start with the byte the `fix_bytes`
//! target used to pick its settings and are decoded lossily, as it does.

use copyedit::invariant;

/// A raw `fix_bytes` input: its first byte picked the settings.
#[track_caller]
fn holds_bytes(bytes: &[u8]) {
    holds(&String::from_utf8_lossy(&bytes[1..]));
}

#[track_caller]
fn holds(text: &str) {
    for p in invariant::every_setting() {
        if let Err(e) = invariant::check_fix(&p, text) {
            panic!("{e}\nsettings: {:?}", p.config());
        }
    }
}

/// The language guess flipped to English once a pass removed junk, so
/// English-only rules fired only when the output was fixed again (fixed by
/// deciding the language on each pass's text).
#[test]
fn language_decided_per_pass_utf8() {
    holds(include_str!("regressions/language-flip-utf8.txt"));
}

#[test]
fn language_decided_per_pass_bytes() {
    holds_bytes(include_bytes!("regressions/language-flip-bytes.bin"));
}

/// A word joiner between two non-Latin words: removing it merges them and
/// changes the language guess.
#[test]
fn language_flip_minimal() {
    holds(
        "the the the \u{645}\u{6cc}\u{200c}\u{62e}\u{648}\u{627}\u{647}\u{645} the http://x.y/z.html \u{41c}\u{43e}\u{441}\u{43a}\u{432}\u{430}\u{2060}\u{4e2d}\u{6587} the ",
    );
}

/// Found by fuzzing the casing rules: a dotted abbreviation followed by a
/// closing quote, and a ligature at a sentence start (its capital is two
/// letters, so capitalising it would change the text beyond case).
#[test]
fn casing_edge_cases() {
    let p = copyedit::Pipeline::new(copyedit::Config::default()).unwrap();
    for input in [
        "It was e.g.may\u{201d} then.\n",
        "the the\n\u{fb01}ne the the the the \n",
        "stra\u{df}e. \u{df}ig the\n",
    ] {
        copyedit::invariant::check_fix(&p, input).unwrap_or_else(|e| panic!("{input:?}: {e}"));
    }
}

/// Found by fuzzing: a chain of sentences glued through periods and straight
/// quotes (`e".I".He.HH…`). Each inserted space ended the token the next
/// site was judged in, so the spacing rule fixed one site per pass and ran
/// out of passes; sites later on a line are now judged with the spaces the
/// same pass inserts before them.
#[test]
fn glued_chain_fixed_in_one_pass() {
    holds(include_str!("regressions/glued-chain-utf8.txt"));
    holds(".H,e\".I\".He.HH.Ie.I\".Ie.I");
}

/// Found by fuzzing: glued punctuation and symbols (`%!]I%!]I%!]I;i`) where
/// a site is taken only once the space after the next one splits its token,
/// so space-after-punctuation fixed one site per pass, right to left, and
/// ran out of passes. Sites are now judged again with the spaces accepted
/// after them in the same pass.
#[test]
fn punctuation_chain_right_to_left() {
    holds(include_str!("regressions/punctuation-cascade-utf8.txt"));
}

/// Found by fuzzing: a combining Greek ypogegrammeni (U+0345) starting a
/// "sentence" was capitalised to a capital iota, a base letter, which
/// detached it from the mark it had combined with.
#[test]
fn combining_mark_is_never_capitalised() {
    holds("\u{c}\u{345}\t\u{c}\u{342}");
    holds("It ended. \u{345}\u{342} then.");
}

/// Found by fuzzing: glued headings in a chain, where each split line made
/// the line before the next one a heading, so glued-heading split one per
/// pass and ran out of passes. The chain is now followed within a pass.
#[test]
fn heading_chain_in_one_pass() {
    holds(include_str!("regressions/heading-chain-utf8.txt"));
}

/// Found by fuzzing: a run of unknown lowercase words after a name, each
/// capitalised only once the word before it was, one per pass.
#[test]
fn run_of_names_in_one_pass() {
    holds("S frd rfadirfa\u{2009};dia fridida fjida ida fjida fjiday:y:");
}

/// Found by fuzzing: the mirror of the run above, unknown words before a
/// name capitalised one per pass from right to left, then consensus-case
/// joining in. A fixed word is now evidence for the words before it too.
#[test]
fn run_of_names_right_to_left() {
    holds_bytes(include_bytes!(
        "regressions/name-run-right-to-left-bytes.bin"
    ));
}

/// Found by fuzzing: junk removal, then two spacing fixes, then names
/// capitalised by proper-noun-case and consensus-case in turn, each fix the
/// evidence for the next: more passes than the pipeline allowed (8, now 16).
#[test]
fn chain_of_rules_within_the_pass_budget() {
    holds_bytes(include_bytes!("regressions/consensus-chain-bytes.bin"));
}

/// Found by fuzzing: consensus-case and proper-noun-case fed each other
/// across passes. Consensus capitalised a made-up name because the document
/// capitalises it elsewhere; in the next pass that name was proper-noun
/// evidence for an unknown word beside it; in the pass after, that word's
/// new capital was consensus evidence for its other uses, one link per pass,
/// past the pass budget. Consensus now reads the words beside each name it
/// capitalises as proper-noun-case would, and counts their new capitals, to
/// a fixed point within the pass.
#[test]
fn consensus_and_names_alternating() {
    holds_bytes(include_bytes!("regressions/casing-ping-pong-bytes.bin"));
}
