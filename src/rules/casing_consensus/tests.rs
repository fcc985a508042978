use crate::rules::testing::{assert_fix, assert_fix_in_one_pass, assert_keep};

const ID: &str = super::ID;

/// A name capitalised by consensus is evidence for the unknown word
/// beside it, whose new capital is evidence for its other uses: all in
/// one pass (fuzzing found the two rules taking turns, one link per
/// pass). An ordinary word beside the name stays.
#[test]
fn names_beside_names_in_one_pass() {
    assert_fix_in_one_pass(
        ID,
        "Shares in Yukos fell. They met yukos fridida there. Then fridida left with \
         qorvat. Later Qorvat said Yukos was fine.\n",
        "Shares in Yukos fell. They met Yukos Fridida there. Then Fridida left with \
         Qorvat. Later Qorvat said Yukos was fine.\n",
    );
    assert_keep(ID, "Shares in Yukos fell. Yukos staff left.\n");
    assert_fix_in_one_pass(
        ID,
        "Shares in Yukos fell. Then yukos staff left. Yukos rose.\n",
        "Shares in Yukos fell. Then Yukos staff left. Yukos rose.\n",
    );
}

#[test]
fn fixes_with_evidence() {
    assert_fix(
        ID,
        "They met Gazprom and Gazprom's rivals; gazprom's boss left.\n",
        "They met Gazprom and Gazprom's rivals; Gazprom's boss left.\n",
    );
}

#[test]
fn needs_mid_sentence_evidence() {
    assert_fix(
        ID,
        "They met Gazprom. The gazprom boss left.\n",
        "They met Gazprom. The Gazprom boss left.\n",
    );
    assert_keep(ID, "Gazprom fell. Gazprom rose. Then gazprom sold.\n");
    assert_keep(
        ID,
        "Gazprom fell. Cyber Gazprom. The gazprom and gazprom.\n",
    );
}

#[test]
fn headings_are_no_evidence() {
    assert_keep(
        ID,
        "Why The Zorblat Matters\nA Zorblat Story\nThe zorblat is small.\n",
    );
}

#[test]
fn names_that_are_words_stay() {
    assert_keep(ID, "Gordon Brown and Mr Brown got a brown envelope.\n");
    assert_keep(
        ID,
        "Mr Brown spoke. Gordon Brown's aides said brown was right.\n",
    );
}

#[test]
fn ordinary_words_stay() {
    assert_keep(ID, "He met Bill and Bill's wife about the bill.\n");
    assert_keep(ID, "In The Hague and The Netherlands the talks went on.\n");
}

#[test]
fn pairs_and_familiar_names() {
    assert_fix(
        ID,
        "MPs criticised Gordon Brown. Later Gordon brown spoke.\n",
        "MPs criticised Gordon Brown. Later Gordon Brown spoke.\n",
    );
    assert_fix(
        ID,
        "Shares in Fiat rose. GM paid Fiat, and then fiat sold Ferrari.\n",
        "Shares in Fiat rose. GM paid Fiat, and then Fiat sold Ferrari.\n",
    );
    // Capitalised only inside longer names: no evidence for the word.
    assert_keep(
        ID,
        "He runs Burren Energy. Burren Energy grew as energy prices rose.\n",
    );
    // House style, and function words at a sentence start.
    assert_keep(
        ID,
        "MPs backed the Bill. Critics of the Bill said the bill was rushed.\n",
    );
    assert_keep(
        ID,
        "The Commission said so. It met. The commission agreed.\n",
    );
    assert_keep(
        ID,
        "He met Law Lords, and Law Lords heard him. The law lords left.\n",
    );
}

/// A word counts as a name of its own only where it ends a run of
/// capitalised words: a surname does (`Gordon Lishman`, `Lishman
/// said`), the first words of an organisation's name do not.
#[test]
fn first_words_of_longer_names_are_no_evidence() {
    assert_keep(
        ID,
        "The Motorsport Endeavour Club met. It loves motorsport, he said. The \
         Motorsport Endeavour stand was busy. She began in motorsport in 1974. The \
         Motorsport Endeavour team won.\n",
    );
    assert_fix(
        ID,
        "Charity boss Gordon Lishman spoke. Later lishman said Lishman was right.\n",
        "Charity boss Gordon Lishman spoke. Later Lishman said Lishman was right.\n",
    );
    // Punctuation ends the run: `Clooney,` before `Brad Pitt` is last.
    assert_fix(
        ID,
        "It stars George Clooney, Brad Pitt and Matt Damon. Fans of clooney came.\n",
        "It stars George Clooney, Brad Pitt and Matt Damon. Fans of Clooney came.\n",
    );
}

#[test]
fn majority_lowercase_stays() {
    assert_keep(ID, "A Zorblat, a Zorblat, a zorblat, a zorblat.\n");
}

#[test]
fn real_article() {
    assert_fix(
        ID,
        "The state sold Yuganskneftegas, the main unit of Yukos, at auction. Critics said \
         the sale of yuganskneftegas was a renationalisation.\n",
        "The state sold Yuganskneftegas, the main unit of Yukos, at auction. Critics said \
         the sale of Yuganskneftegas was a renationalisation.\n",
    );
}
