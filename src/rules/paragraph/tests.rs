use crate::rules::testing::{assert_fix, assert_fix_in_one_pass, assert_keep, run_rule};

const ID: &str = "glued-heading";

#[test]
fn heading_after_sentence_end() {
    assert_fix(
        ID,
        "It could be arranged quickly.The Path Forward: A Delicate Balance\nPutin spoke at length.\n",
        "It could be arranged quickly.\nThe Path Forward: A Delicate Balance\nPutin spoke at length.\n",
    );
    // Blank-line documents get a blank line.
    assert_fix(
        ID,
        "First para here.\n\nIt ended.Next Steps for Europe\n\nMore text follows here.\n",
        "First para here.\n\nIt ended.\n\nNext Steps for Europe\n\nMore text follows here.\n",
    );
}

#[test]
fn heading_glued_on_both_sides() {
    assert_fix(
        ID,
        "Talks ended quickly.The Path Forward: A Delicate BalancePutin emphasized the need for security guarantees for both sides.\nPutin said so again.\n",
        "Talks ended quickly.\nThe Path Forward: A Delicate Balance\nPutin emphasized the need for security guarantees for both sides.\nPutin said so again.\n",
    );
}

#[test]
fn heading_before_paragraph() {
    assert_fix(
        ID,
        "$1m payoff for former Shell bossShell is to pay $1m to the ex-finance chief who stepped down.\nShe left in April.\n",
        "$1m payoff for former Shell boss\nShell is to pay $1m to the ex-finance chief who stepped down.\nShe left in April.\n",
    );
    assert_fix(
        ID,
        "Games firms 'face tough future'UK video game firms face a testing time, the industry warns.\nMore follows.\n",
        "Games firms 'face tough future'\nUK video game firms face a testing time, the industry warns.\nMore follows.\n",
    );
    assert_fix(
        ID,
        "Christmas sales worst since 1981UK retail sales fell in December, official figures show.\nThe UK economy slowed.\n",
        "Christmas sales worst since 1981\nUK retail sales fell in December, official figures show.\nThe UK economy slowed.\n",
    );
    assert_fix(
        ID,
        "Jobs growth still slow in the USThe US created fewer jobs than expected in January.\nMore follows.\n",
        "Jobs growth still slow in the US\nThe US created fewer jobs than expected in January.\nMore follows.\n",
    );
    // A title-case sub-heading mid-document, after a finished paragraph.
    assert_fix(
        ID,
        "Intro text ends here.\nA Delicate BalancePutin emphasized the need for guarantees on both sides.\nPutin said more.\n",
        "Intro text ends here.\nA Delicate Balance\nPutin emphasized the need for guarantees on both sides.\nPutin said more.\n",
    );
}

#[test]
fn question_heading_at_title() {
    assert_fix(
        ID,
        "Is the housing boom over?House prices fell for the third month running, lenders said.\nMore follows.\n",
        "Is the housing boom over?\nHouse prices fell for the third month running, lenders said.\nMore follows.\n",
    );
}

#[test]
fn camel_case_names_never_split() {
    for t in [
        "Apple Unveils the New iPhone Models Today at the Big Event in California, analysts said.\nMore.\n",
        "Fast Food Giant McDonald Reports Higher Sales for the Year across all of its markets worldwide.\nMore.\n",
        "Watch the Video on YouTube Tonight with friends and family at home before the big match starts.\nMore.\n",
        "Online Payments Firm PayPal Grows Fast in the second quarter of the year, the company said.\nMore.\n",
        "Learning JavaScript Made Easy for everyone who wants to code in the browser this year, he said.\nMore.\n",
        "The New MacBook Arrives with a faster chip and longer battery life than before, Apple said.\nMore.\n",
        "Studio DreamWorks Plans New Film about dragons and knights for release next summer, it said.\nMore.\n",
        "Sony Shows New PlayStation Console to fans at the games fair in Los Angeles on Tuesday.\nMore.\n",
        "Sales soar at easyJet as passengers flock to cheap flights this summer, analysts said.\nThe easyJet boss was pleased.\n",
    ] {
        assert_keep(ID, t);
    }
}

#[test]
fn sentence_ends_that_are_not_headings() {
    for t in [
        // Abbreviations and initials before capitals.
        "Talks with U.S. President Donald Trump went well.\nMore.\n",
        "He met J.R.R. Tolkien and Dr. Smith at No. 5 Downing Street.\nMore.\n",
        // The tail is a sentence, not a heading.
        "The talks ended.Negotiators will return next week to resume them.\nMore.\n",
        // Short first line without glue.
        "A Title\nBody text here.\n",
    ] {
        assert_keep(ID, t);
    }
    // A paragraph opening with a question is not a heading.
    assert_keep(
        ID,
        "Some text before.\nWhy did it fail?the reasons are many and we will look at each of them in turn today.\n",
    );
}

#[test]
fn real_article() {
    let dirty = "Trump has indicated he would not commit U.S. troops. Following a call with European leaders after the paris summit, Trump announced plans to speak with Putin soon, a conversation Peskov indicated could be arranged quickly.The Path Forward: A Delicate Balance\nPutin emphasized the need for security guarantees.\n";
    let want = "Trump has indicated he would not commit U.S. troops. Following a call with European leaders after the paris summit, Trump announced plans to speak with Putin soon, a conversation Peskov indicated could be arranged quickly.\nThe Path Forward: A Delicate Balance\nPutin emphasized the need for security guarantees.\n";
    assert_eq!(run_rule(ID, dirty), want);
}

#[test]
fn title_glued_to_a_capitalised_word() {
    // The title's last word is used alone in the body: evidence of a title.
    assert_fix(
        ID,
        "Strikes hit EurotunnelChannel Tunnel operator said its revenue fell last year.\nShares in Eurotunnel fell.\n",
        "Strikes hit Eurotunnel\nChannel Tunnel operator said its revenue fell last year.\nShares in Eurotunnel fell.\n",
    );
    assert_fix(
        ID,
        "Drug firm faces a court caseA US court said the firm must pay damages to patients.\nMore follows.\n",
        "Drug firm faces a court case\nA US court said the firm must pay damages to patients.\nMore follows.\n",
    );
    assert_fix(
        ID,
        "Band Aid single storms to No 1The new version of the song went straight in at the top.\nMore follows.\n",
        "Band Aid single storms to No 1\nThe new version of the song went straight in at the top.\nMore follows.\n",
    );
    // Without that evidence a camel-case word stays whole.
    assert_keep(
        ID,
        "Google's YouTube said on Monday that it would add more videos to its site.\nThe site grew.\n",
    );
}

/// Two headings glued to each other and to the paragraph: each split starts
/// a line after a heading, which is the evidence for the next split, so the
/// chain is followed in the same pass (found by fuzzing, where a long chain
/// took one pass per heading).
#[test]
fn chain_of_glued_headings_in_one_pass() {
    assert_fix_in_one_pass(
        ID,
        "The talks ended quietly.\nWorld NewsEurope TodayThe leaders met in Paris on Monday to discuss Europe and trade.\n",
        "The talks ended quietly.\nWorld News\nEurope Today\nThe leaders met in Paris on Monday to discuss Europe and trade.\n",
    );
}

/// A sentence end inside a whitespace-free run longer than 128 bytes is not
/// read as prose: no heading is split off it.
#[test]
fn no_split_inside_long_runs() {
    let limit = crate::text::PROSE_TOKEN_LIMIT;
    let glued = "ended,".repeat(limit / 6) + "ended.";
    assert!(glued.len() + "The".len() > limit);
    assert_keep(
        ID,
        &format!("It {glued}The Path Forward: A Delicate Balance\nPutin spoke at length.\n"),
    );
    let glued = "ended,".repeat(limit / 6 - 2) + "ended.";
    assert!(glued.len() + "The".len() <= limit);
    assert_fix(
        ID,
        &format!("It {glued}The Path Forward: A Delicate Balance\nPutin spoke at length.\n"),
        &format!("It {glued}\nThe Path Forward: A Delicate Balance\nPutin spoke at length.\n"),
    );
}
