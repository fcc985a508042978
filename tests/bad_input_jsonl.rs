//! Bad JSON Lines input, through the binary (`fix --jsonl --field F
//! --on-error fail|pass|skip`): each case gets its message and exit code,
//! the other records are still processed, and no record is lost or altered
//! beyond its text field.

use assert_cmd::Command;
use predicates::prelude::*;

fn jsonl(on_error: &str) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_copyedit"));
    c.args([
        "fix",
        "--no-config",
        "-q",
        "--jsonl",
        "--field",
        "text",
        "--on-error",
        on_error,
    ]);
    c
}

const GOOD_1: &str = "{\"id\":1,\"text\":\"one  two\"}\n";
const FIXED_1: &str = "{\"id\":1,\"text\":\"one two\"}\n";
const GOOD_3: &str = "{\"id\":3, \"text\" : \"three\\u00a0four \", \"x\":[1,2]}\n";
const FIXED_3: &str = "{\"id\":3, \"text\" : \"three four\", \"x\":[1,2]}\n";

/// A bad record between two good ones, and what each mode must make of it.
fn three(bad: &str) -> String {
    format!("{GOOD_1}{bad}\n{GOOD_3}")
}

const BAD_RECORDS: &[(&str, &str)] = &[
    ("{\"id\":2,\"text\":\"unterminated", "-:2: malformed JSON: "),
    (
        "{\"id\":2,\"text\":\"a\"} trailing",
        "-:2: malformed JSON: ",
    ),
    ("[\"text\", \"an array\"]", "-:2: not a JSON object"),
    (
        "{\"id\":2,\"text\":42}",
        "-:2: field \"text\" is a number, not a string",
    ),
    (
        "{\"id\":2,\"text\":null}",
        "-:2: field \"text\" is null, not a string",
    ),
    (
        "{\"id\":2,\"text\":[\"a\"]}",
        "-:2: field \"text\" is an array, not a string",
    ),
    (
        "{\"id\":2,\"text\":{\"a\":1}}",
        "-:2: field \"text\" is an object, not a string",
    ),
    ("{\"id\":2,\"body\":\"no text\"}", "-:2: no field \"text\""),
    (
        "{\"text\":\"a\",\"text\":\"b\"}",
        "-:2: field \"text\" appears twice",
    ),
    // A lone surrogate escape is no Unicode text.
    (
        "{\"id\":2,\"text\":\"broken \\ud800 pair\"}",
        "-:2: malformed JSON: ",
    ),
    // A byte-order mark is dropped only where a stream starts.
    ("\u{feff}{\"id\":2,\"text\":\"a\"}", "-:2: malformed JSON: "),
];

#[test]
fn fail_stops_at_the_bad_record_with_its_line() {
    for (bad, message) in BAD_RECORDS {
        let out = jsonl("fail").write_stdin(three(bad)).assert().code(2);
        let out = out.get_output();
        let stderr = String::from_utf8_lossy(&out.stderr);
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            stderr.contains(&format!("copyedit: error: {message}")),
            "{bad}: {stderr}"
        );
        assert!(stdout.starts_with(FIXED_1), "{bad}: {stdout}");
        assert!(!stdout.contains(bad), "{bad}: a failed record was written");
    }
}

#[test]
fn pass_writes_the_bad_record_unchanged() {
    for (bad, message) in BAD_RECORDS {
        jsonl("pass")
            .write_stdin(three(bad))
            .assert()
            .success()
            .stdout(format!("{FIXED_1}{bad}\n{FIXED_3}"))
            .stderr(predicate::str::contains(format!(
                "copyedit: warning: {message}"
            )));
    }
}

#[test]
fn skip_drops_only_the_bad_record() {
    for (bad, message) in BAD_RECORDS {
        jsonl("skip")
            .write_stdin(three(bad))
            .assert()
            .success()
            .stdout(format!("{FIXED_1}{FIXED_3}"))
            .stderr(predicate::str::contains(format!(
                "copyedit: warning: {message}"
            )));
    }
}

/// Invalid UTF-8 inside a record is malformed JSON; passed through, its
/// bytes are kept exactly.
#[test]
fn invalid_utf8_in_a_record() {
    let mut input = GOOD_1.as_bytes().to_vec();
    input.extend_from_slice(b"{\"text\":\"bad \xff byte\"}\n");
    input.extend_from_slice(GOOD_3.as_bytes());
    let mut want = FIXED_1.as_bytes().to_vec();
    want.extend_from_slice(b"{\"text\":\"bad \xff byte\"}\n");
    want.extend_from_slice(FIXED_3.as_bytes());
    jsonl("pass")
        .write_stdin(input)
        .assert()
        .success()
        .stdout(want)
        .stderr(predicate::str::contains("-:2: malformed JSON"));
}

/// A record of 16 MB on one line among small ones: fixed whole, the other
/// fields and records byte for byte.
#[test]
fn a_huge_record() {
    let body = "Some  text\u{a0}here. ".repeat(16 << 20 >> 5);
    let fixed = body.replace("  ", " ").replace('\u{a0}', " ");
    let fixed = fixed.trim_end();
    let input = format!("{GOOD_1}{{\"id\":2,\"text\":\"{body}\",\"tail\":true}}\n{GOOD_3}");
    let want = format!("{FIXED_1}{{\"id\":2,\"text\":\"{fixed}\",\"tail\":true}}\n{FIXED_3}");
    drop(body);
    let out = jsonl("fail").write_stdin(input).assert().success();
    let got = &out.get_output().stdout;
    assert_eq!(got.len(), want.len());
    assert!(
        *got == want.as_bytes(),
        "the huge record was not fixed whole"
    );
}

/// Records with CRLF endings keep them; a last record without a line break
/// stays without one.
#[test]
fn record_line_endings_are_kept() {
    jsonl("fail")
        .write_stdin("{\"text\":\"a  b\"}\r\n{\"text\":\"c  d\"}")
        .assert()
        .success()
        .stdout("{\"text\":\"a b\"}\r\n{\"text\":\"c d\"}");
}

/// An empty input is zero records, not an error; blank lines are malformed
/// records under `fail` but kept under `pass`.
#[test]
fn empty_input_and_blank_lines() {
    jsonl("fail").write_stdin("").assert().success().stdout("");
    jsonl("pass")
        .write_stdin(format!("{GOOD_1}\n{GOOD_3}"))
        .assert()
        .success()
        .stdout(format!("{FIXED_1}\n{FIXED_3}"));
}

/// A byte-order mark opening a stream belongs to no record: it is dropped
/// and the first record is read (anywhere else it makes its line
/// malformed: see `BAD_RECORDS`).
#[test]
fn byte_order_mark_at_the_start() {
    jsonl("fail")
        .write_stdin(format!("\u{feff}{GOOD_1}{GOOD_3}"))
        .assert()
        .success()
        .stdout(format!("{FIXED_1}{FIXED_3}"));
    // Each file of a run starts its own stream.
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.jsonl"), dir.path().join("b.jsonl"));
    std::fs::write(&a, format!("\u{feff}{GOOD_1}")).unwrap();
    std::fs::write(&b, format!("\u{feff}{GOOD_3}")).unwrap();
    jsonl("fail")
        .arg(&a)
        .arg(&b)
        .assert()
        .success()
        .stdout(format!("{FIXED_1}{FIXED_3}"));
}
