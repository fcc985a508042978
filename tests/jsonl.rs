//! The bulk modes through the binary: JSON Lines records (order, untouched
//! bytes, nested fields, escapes, every --on-error mode, line numbers) and
//! directory trees (mirroring, globs, hidden files, symlink loops).

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;
use predicates::str::contains;

#[path = "review/schema.rs"]
mod schema;

fn copyedit() -> Command {
    Command::cargo_bin("copyedit").unwrap()
}

/// `fix --jsonl -q SRC --out OUT`.
fn fix_tree(src: &Path, out: &Path) -> assert_cmd::assert::Assert {
    copyedit()
        .args(["fix", "--jsonl", "-q"])
        .arg(src)
        .arg("--out")
        .arg(out)
        .assert()
}

fn fix_jsonl(args: &[&str], input: &str) -> (String, String, i32) {
    let out = copyedit()
        .args(["fix", "--jsonl"])
        .args(args)
        .write_stdin(input)
        .output()
        .unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
        out.status.code().unwrap(),
    )
}

#[test]
fn only_the_field_changes_and_every_other_byte_stays() {
    let input = concat!(
        "{\"id\": 1,  \"text\": \"Two  spaces. \", \"meta\" : {\"a\":[1, 2.50, \"x  y\"]}}\n",
        "{\"text\":\"Clean.\",\"note\":\"\\u00e9\\n  kept\"}\n",
        "{\"z\":null,\"text\":\"\\u00a0Lead and trail \\t\",\"y\":true}\n",
    );
    let (out, err, code) = fix_jsonl(&[], input);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        out,
        concat!(
            "{\"id\": 1,  \"text\": \"Two spaces.\", \"meta\" : {\"a\":[1, 2.50, \"x  y\"]}}\n",
            "{\"text\":\"Clean.\",\"note\":\"\\u00e9\\n  kept\"}\n",
            "{\"z\":null,\"text\":\"Lead and trail\",\"y\":true}\n",
        )
    );
}

#[test]
fn many_records_keep_their_order_on_several_threads() {
    let mut input = String::new();
    let mut expected = String::new();
    for i in 0..20_000 {
        input.push_str(&format!(
            "{{\"n\":{i},\"text\":\"Record  {i} ends here. \"}}\n"
        ));
        expected.push_str(&format!(
            "{{\"n\":{i},\"text\":\"Record {i} ends here.\"}}\n"
        ));
    }
    for threads in ["1", "2", "4"] {
        let (out, err, code) = fix_jsonl(&["--threads", threads], &input);
        assert_eq!(code, 0, "{err}");
        assert!(out == expected, "output differs with --threads {threads}");
    }
}

#[test]
fn nested_fields_and_unicode_escapes() {
    let input = "{\"doc\":{\"title\":\"T\",\"body\":\"Caf\\u0065\\u0301  au lait\\u200b\"},\"text\":\"x  y\"}\n";
    let (out, err, code) = fix_jsonl(&["--field", "doc.body"], input);
    assert_eq!(code, 0, "{err}");
    // The field is re-encoded (é composed), escaped as the original was (its
    // non-ASCII characters as \uXXXX); everything else is as it was.
    assert_eq!(
        out,
        "{\"doc\":{\"title\":\"T\",\"body\":\"Caf\\u00e9 au lait\"},\"text\":\"x  y\"}\n"
    );
    // A field written in UTF-8 stays in UTF-8.
    let (out, _, _) = fix_jsonl(&["--field", "text"], "{\"text\":\"Caf\u{e9}  ok\"}\n");
    assert_eq!(out, "{\"text\":\"Caf\u{e9} ok\"}\n");
}

/// Corpora written by Python's `json.dumps` (and pandas) escape every
/// non-ASCII character, PHP's `json_encode` also every slash: a fixed
/// record keeps its writer's style, so the output holds one style and a
/// diff shows only the fixes.
#[test]
fn fixed_fields_keep_the_escapes_of_their_writer() {
    let python =
        "{\"text\":\"Caf\\u00e9  au lait \\ud83d\\ude00 \\u201cok\\u201d\\u00a0now.\",\"id\":7}\n";
    let (out, err, code) = fix_jsonl(&["--field", "text"], python);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        out,
        "{\"text\":\"Caf\\u00e9 au lait \\ud83d\\ude00 \\u201cok\\u201d now.\",\"id\":7}\n"
    );
    let php = "{\"text\":\"See http:\\/\\/x.org\\/a  now. Caf\\u00E9.\"}\n";
    let (out, _, _) = fix_jsonl(&["--field", "text"], php);
    assert_eq!(
        out,
        "{\"text\":\"See http:\\/\\/x.org\\/a now. Caf\\u00E9.\"}\n"
    );
}

#[test]
fn no_final_line_break_is_added_to_the_field() {
    let (out, _, _) = fix_jsonl(
        &[],
        "{\"text\":\"One line\"}\n{\"text\":\"Ends\\n\\n\\n\"}\n",
    );
    assert_eq!(out, "{\"text\":\"One line\"}\n{\"text\":\"Ends\\n\"}\n");
}

#[test]
fn crlf_and_a_last_line_without_break_are_kept() {
    let (out, _, code) = fix_jsonl(&[], "{\"text\":\"a  b\"}\r\n{\"text\":\"c\"}");
    assert_eq!(code, 0);
    assert_eq!(out, "{\"text\":\"a b\"}\r\n{\"text\":\"c\"}");
}

const BAD: &str = concat!(
    "{\"text\":\"one  two\"}\n",
    "{\"text\": \"unterminated}\n",
    "{\"other\":\"no text field\"}\n",
    "{\"text\": 42}\n",
    "[\"not an object\"]\n",
    "\n",
    "{\"text\":\"three  four\"}\n",
);

#[test]
fn on_error_fail_stops_with_the_line_number() {
    let (out, err, code) = fix_jsonl(&[], BAD);
    assert_eq!(code, 2);
    assert_eq!(out, "{\"text\":\"one two\"}\n");
    assert!(err.contains("-:2: malformed JSON"), "{err}");
}

#[test]
fn on_error_pass_keeps_bad_lines_and_counts_them() {
    let (out, err, code) = fix_jsonl(&["--on-error", "pass"], BAD);
    assert_eq!(code, 0, "{err}");
    let want: String = BAD
        .replace("one  two", "one two")
        .replace("three  four", "three four");
    assert_eq!(out, want);
    for line in [
        "-:2: malformed JSON",
        "-:3: no field \"text\"",
        "-:4: field \"text\" is a number, not a string",
        "-:5: not a JSON object",
        "-:6: malformed JSON",
    ] {
        assert!(err.contains(line), "missing {line:?} in {err}");
    }
    assert!(
        err.contains("2 records") && err.contains("5 errors"),
        "{err}"
    );
}

#[test]
fn on_error_skip_drops_bad_lines_and_counts_them() {
    let (out, err, code) = fix_jsonl(&["--on-error", "skip"], BAD);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, "{\"text\":\"one two\"}\n{\"text\":\"three four\"}\n");
    assert!(err.contains("5 errors, 5 skipped"), "{err}");
}

#[test]
fn line_numbers_count_across_chunks() {
    // Enough records to span several read chunks before the bad one.
    let mut input = String::new();
    let filler = "x".repeat(2000);
    for _ in 0..5000 {
        input.push_str(&format!("{{\"text\":\"{filler}\"}}\n"));
    }
    input.push_str("{\"text\":\n");
    let (_, err, code) = fix_jsonl(&["--quiet"], &input);
    assert_eq!(code, 2);
    assert!(err.contains("-:5001: malformed JSON"), "{err}");
}

#[test]
fn check_names_the_record_line() {
    copyedit()
        .args(["check", "--jsonl", "--field", "body"])
        .write_stdin("{\"body\":\"fine\"}\n{\"body\":\"a\\nb  c\"}\n")
        .assert()
        .code(1)
        .stdout("-:2: body 2:2: multiple-spaces: run of spaces collapsed\n");
}

/// Each line of a JSON Lines report as a JSON value.
fn json_lines(text: &str) -> Vec<serde_json::Value> {
    text.lines()
        .map(|l| serde_json::from_str(l).expect("each line is one JSON object"))
        .collect()
}

/// `check --jsonl --format json`: every record follows the report schema,
/// each fix's position within its field holds its `before` text, bad records
/// become error records in line order, and the summary adds up.
#[test]
fn check_json_report_names_record_field_and_position() {
    let input = concat!(
        "{\"id\":1,\"doc\":{\"body\":\"Clean text.\"}}\n",
        "{\"id\":2,\"doc\":{\"body\":\"First line.\\nSecond  line, caf\\u00e9  bar. \"}}\n",
        "not json\n",
        "{\"id\":4,\"doc\":{}}\n",
        "{\"id\":5,\"doc\":{\"body\":\"Talks  ended.\"}}\n",
    );
    let out = copyedit()
        .args([
            "check", "--jsonl", "--field", "doc.body", "--format", "json",
        ])
        .args(["--on-error", "pass", "--quiet"])
        .write_stdin(input)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let records = json_lines(&String::from_utf8(out.stdout).unwrap());
    let schema = schema::load();
    for r in &records {
        schema::validate(&schema, r).unwrap_or_else(|e| panic!("{e}: {r}"));
    }
    let lines: Vec<&str> = input.lines().collect();
    let mut by_rule = std::collections::BTreeMap::<String, u64>::new();
    let mut order = Vec::new();
    for r in &records[..records.len() - 1] {
        assert_eq!(r["path"], "-");
        let record = r["record"].as_u64().unwrap();
        order.push((record, r["type"].as_str().unwrap().to_string()));
        if r["type"] != "fix" {
            continue;
        }
        assert_eq!(r["field"], "doc.body");
        let v: serde_json::Value = serde_json::from_str(lines[record as usize - 1]).unwrap();
        let body = v["doc"]["body"].as_str().unwrap();
        let at = |line: &serde_json::Value, col: &serde_json::Value| {
            let line = line.as_u64().unwrap() as usize;
            let start: usize = body
                .split_inclusive('\n')
                .take(line - 1)
                .map(str::len)
                .sum();
            let col = col.as_u64().unwrap() as usize;
            start
                + body[start..]
                    .chars()
                    .take(col - 1)
                    .map(char::len_utf8)
                    .sum::<usize>()
        };
        let (s, e) = (
            at(&r["line"], &r["column"]),
            at(&r["end_line"], &r["end_column"]),
        );
        assert_eq!(&body[s..e], r["before"].as_str().unwrap(), "{r}");
        *by_rule
            .entry(r["rule"].as_str().unwrap().into())
            .or_default() += 1;
    }
    let kinds: Vec<(u64, &str)> = order.iter().map(|(n, k)| (*n, k.as_str())).collect();
    assert_eq!(
        kinds,
        [
            (2, "fix"),
            (2, "fix"),
            (2, "fix"),
            (3, "error"),
            (4, "error"),
            (5, "fix")
        ]
    );
    let summary = records.last().unwrap();
    assert_eq!(summary["type"], "summary");
    let counted: std::collections::BTreeMap<String, u64> =
        serde_json::from_value(summary["fixes_by_rule"].clone()).unwrap();
    assert_eq!(counted, by_rule);
    assert_eq!(summary["fixes"], 4);
    assert_eq!(summary["errors"], 2);
    assert_eq!(summary["records_checked"], 3);
    assert_eq!(summary["records_changed"], 2);
    assert_eq!(summary["files_checked"], 1);
    assert_eq!(summary["files_changed"], 1);
}

#[test]
fn check_statistics_count_records() {
    copyedit()
        .args([
            "check",
            "--jsonl",
            "--statistics",
            "--on-error",
            "skip",
            "--quiet",
        ])
        .write_stdin(
            "{\"text\":\"a  b\"}\n{\"text\":\"Fine.\"}\nnot json\n{\"text\":\"c  d  e\"}\n",
        )
        .assert()
        .code(1)
        .stdout("3  multiple-spaces\n3 fixes in 2 of 3 records, 1 error\n");
}

#[test]
fn check_json_report_names_inputs_that_failed() {
    let tmp = tempfile::tempdir().unwrap();
    fs::write(tmp.path().join("a.jsonl"), "{\"text\":\"a  b\"}\n").unwrap();
    let out = copyedit()
        .current_dir(tmp.path())
        .args([
            "check",
            "--jsonl",
            "--format",
            "json",
            "--quiet",
            "missing.jsonl",
            "a.jsonl",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let text = String::from_utf8(out.stdout).unwrap();
    let records = json_lines(&text);
    assert_eq!(records.len(), 3, "{text}");
    assert_eq!(records[0]["type"], "error");
    assert_eq!(records[0]["path"], "missing.jsonl");
    assert!(records[0].get("record").is_none());
    assert!(
        !records[0]["message"]
            .as_str()
            .unwrap()
            .starts_with("missing.jsonl")
    );
    assert_eq!(records[1]["record"], 1);
    assert_eq!(records[2]["files_checked"], 1);
    assert_eq!(records[2]["errors"], 1);
}

/// The new side of each record's diff (context and `+` lines) is the fixed
/// field: for texts of a few lines one hunk covers all of it.
#[test]
fn check_diff_shows_each_changed_record_field() {
    let input = concat!(
        "{\"id\":1,\"doc\":{\"body\":\"He met the paris  mayor.\\nIt rained,then stopped.\\n\"}}\n",
        "{\"id\":2,\"doc\":{\"body\":\"Clean text.\\n\"}}\n",
        "{\"id\":3,\"doc\":{\"body\":\"i think so .\"}}\n",
    );
    let fixed = fix_jsonl(&["--field", "doc.body"], input).0;
    let fixed: Vec<String> = json_lines(&fixed)
        .iter()
        .map(|r| r["doc"]["body"].as_str().unwrap().to_string())
        .collect();
    let out = copyedit()
        .args(["check", "--jsonl", "--field", "doc.body", "--diff"])
        .write_stdin(input)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let diff = String::from_utf8(out.stdout).unwrap();
    let files: Vec<&str> = diff.split("--- a/").skip(1).collect();
    assert_eq!(files.len(), 2, "{diff}");
    for (file, (line, want)) in files.iter().zip([(1, &fixed[0]), (3, &fixed[2])]) {
        let mut lines = file.lines();
        assert_eq!(lines.next(), Some(format!("-:{line}:doc.body").as_str()));
        assert_eq!(
            lines.next(),
            Some(format!("+++ b/-:{line}:doc.body").as_str())
        );
        assert!(lines.next().unwrap().starts_with("@@ "));
        let mut new_side = String::new();
        let mut last_added = false;
        for l in lines {
            if l == "\\ No newline at end of file" {
                if last_added {
                    new_side.pop();
                }
                continue;
            }
            last_added = l.starts_with(['+', ' ']);
            if last_added {
                new_side.push_str(&l[1..]);
                new_side.push('\n');
            }
        }
        assert_eq!(&new_side, want, "{file}");
    }
    // Colour only when asked.
    copyedit()
        .args([
            "check", "--jsonl", "--field", "doc.body", "--diff", "--color", "always",
        ])
        .write_stdin(input)
        .assert()
        .code(1)
        .stdout(contains("\x1b[31m-He met the "));
}

/// The HTML page of a JSONL run names records PATH:LINE, lists the first
/// `--html-limit` changed ones and the errors, counts every record, and is
/// the same on one thread as on two.
#[test]
fn check_html_lists_records_up_to_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    let mut corpus = String::new();
    for i in 1..=40 {
        if i == 7 {
            corpus.push_str("{\"text\": 7}\n");
        } else if i % 3 == 0 {
            corpus.push_str(&format!("{{\"text\":\"Record {i} is clean.\"}}\n"));
        } else {
            corpus.push_str(&format!("{{\"text\":\"Record {i} has  two spaces.\"}}\n"));
        }
    }
    let input = dir.path().join("c.jsonl");
    fs::write(&input, corpus).unwrap();
    let mut pages = Vec::new();
    for threads in ["1", "2"] {
        let page = dir.path().join(format!("r{threads}.html"));
        copyedit()
            .args([
                "check",
                "--jsonl",
                "-q",
                "--statistics",
                "--on-error",
                "skip",
            ])
            .args(["--html-limit", "5", "--threads", threads])
            .arg("--html")
            .arg(&page)
            .arg(&input)
            .assert()
            .code(1)
            .stdout(contains("26 fixes in 26 of 39 records, 1 error"));
        pages.push(fs::read_to_string(page).unwrap());
    }
    assert!(pages[0] == pages[1], "the page differs on two threads");
    let page = &pages[0];
    let name = input.display().to_string();
    let listed: Vec<String> = [1, 2, 4, 5, 8]
        .iter()
        .map(|i| format!("\"p\":\"{name}:{i}\""))
        .collect();
    for p in &listed {
        assert!(page.contains(p.as_str()), "{p} missing");
    }
    assert_eq!(page.matches("\"p\":").count(), 5);
    assert!(page.contains("<b>39</b> records checked"));
    assert!(page.contains("Listed here: the first 5 changed records of 26"));
    assert!(page.contains(&format!("<code>{name}:7</code>: ")));
    assert!(page.contains("\"unit\":\"record\""));
    // 0 lists them all.
    copyedit()
        .args([
            "check",
            "--jsonl",
            "-q",
            "--on-error",
            "skip",
            "--html-limit",
            "0",
        ])
        .arg("--html")
        .arg(dir.path().join("all.html"))
        .arg(&input)
        .assert()
        .code(1);
    let all = fs::read_to_string(dir.path().join("all.html")).unwrap();
    assert_eq!(all.matches("\"p\":").count(), 26);
    assert!(!all.contains("Listed here"));
}

#[test]
fn files_concatenate_to_stdout_and_mirror_under_out() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("in");
    fs::create_dir_all(src.join("part/deep")).unwrap();
    fs::write(src.join("a.jsonl"), "{\"text\":\"a  1\"}\n").unwrap();
    fs::write(src.join("part/deep/b.jsonl"), "{\"text\":\"b  2\"}\n").unwrap();
    fs::write(src.join("part/notes.txt"), "not jsonl").unwrap();
    copyedit()
        .args(["fix", "--jsonl", "-q"])
        .arg(src.join("a.jsonl"))
        .arg(src.join("part/deep/b.jsonl"))
        .assert()
        .success()
        .stdout("{\"text\":\"a 1\"}\n{\"text\":\"b 2\"}\n");
    // Mirror files get their input's mode, not the temp file's 0600.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        for (f, mode) in [("a.jsonl", 0o644), ("part/deep/b.jsonl", 0o640)] {
            fs::set_permissions(src.join(f), fs::Permissions::from_mode(mode)).unwrap();
        }
    }
    let out = dir.path().join("out");
    fix_tree(&src, &out).success();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        for (f, mode) in [("a.jsonl", 0o644), ("part/deep/b.jsonl", 0o640)] {
            let got = fs::metadata(out.join(f)).unwrap().permissions().mode() & 0o777;
            assert_eq!(got, mode, "{f}: {got:o}");
        }
    }
    assert_eq!(
        fs::read_to_string(out.join("a.jsonl")).unwrap(),
        "{\"text\":\"a 1\"}\n"
    );
    assert_eq!(
        fs::read_to_string(out.join("part/deep/b.jsonl")).unwrap(),
        "{\"text\":\"b 2\"}\n"
    );
    assert!(!out.join("part/notes.txt").exists());
}

#[test]
fn in_place_rewrites_jsonl_only_when_valid() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("x.jsonl");
    fs::write(&f, "{\"text\":\"a  b\"}\n{\"text\":\n").unwrap();
    copyedit()
        .args(["fix", "--jsonl", "--in-place", "-q"])
        .arg(&f)
        .assert()
        .code(2);
    assert_eq!(
        fs::read_to_string(&f).unwrap(),
        "{\"text\":\"a  b\"}\n{\"text\":\n"
    );
    fs::write(&f, "{\"text\":\"a  b\"}\n").unwrap();
    copyedit()
        .args(["fix", "--jsonl", "--in-place", "-q"])
        .arg(&f)
        .assert()
        .success();
    assert_eq!(fs::read_to_string(&f).unwrap(), "{\"text\":\"a b\"}\n");
    let leftovers = fs::read_dir(dir.path()).unwrap().count();
    assert_eq!(leftovers, 1, "no temp file left behind");
}

fn tree(root: &Path) {
    for (p, t) in [
        ("a.txt", "A  one.\n"),
        ("news/b.txt", "B  two.\n"),
        ("news/drafts/c.txt", "C  three.\n"),
        ("news/d.md", "D  four.\n"),
        (".hidden/e.txt", "E  five.\n"),
        (".f.txt", "F  six.\n"),
        ("ignored/g.txt", "G  seven.\n"),
    ] {
        let path = root.join(p);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, t).unwrap();
    }
}

fn files_under(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p.strip_prefix(dir).unwrap().display().to_string());
            }
        }
    }
    out.sort();
    out
}

#[test]
fn directory_trees_are_mirrored_with_globs_and_hidden_choice() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("src");
    tree(&src);
    let out = dir.path().join("out");
    copyedit()
        .args(["fix", "-q"])
        .arg(&src)
        .arg("--out")
        .arg(&out)
        .assert()
        .success();
    assert_eq!(
        files_under(&out),
        [
            "a.txt",
            "ignored/g.txt",
            "news/b.txt",
            "news/d.md",
            "news/drafts/c.txt"
        ]
    );
    assert_eq!(
        fs::read_to_string(out.join("news/b.txt")).unwrap(),
        "B two.\n"
    );

    let out2 = dir.path().join("out2");
    copyedit()
        .args([
            "fix",
            "-q",
            "--include",
            "*.txt",
            "--exclude",
            "drafts",
            "--hidden",
        ])
        .arg(&src)
        .arg("--out")
        .arg(&out2)
        .assert()
        .success();
    assert_eq!(
        files_under(&out2),
        [
            ".f.txt",
            ".hidden/e.txt",
            "a.txt",
            "ignored/g.txt",
            "news/b.txt"
        ]
    );
}

#[test]
fn gitignore_is_honoured_in_a_repository_unless_asked() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("src");
    tree(&src);
    fs::create_dir_all(src.join(".git")).unwrap();
    fs::write(src.join(".gitignore"), "ignored/\n").unwrap();
    copyedit()
        .args(["check"])
        .arg(&src)
        .assert()
        .code(1)
        .stdout(contains("a.txt"))
        .stdout(contains("g.txt").not());
    copyedit()
        .args(["check", "--no-ignore"])
        .arg(&src)
        .assert()
        .code(1)
        .stdout(contains("g.txt"));
}

#[cfg(unix)]
#[test]
fn symlink_loops_are_reported_and_the_rest_is_processed() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("src");
    fs::create_dir_all(src.join("sub")).unwrap();
    fs::write(src.join("sub/a.txt"), "A  one.\n").unwrap();
    std::os::unix::fs::symlink(&src, src.join("sub/loop")).unwrap();
    let out = dir.path().join("out");
    copyedit()
        .args(["fix"])
        .arg(&src)
        .arg("--out")
        .arg(&out)
        .assert()
        .code(2)
        .stderr(contains("symbolic link loop"));
    assert_eq!(
        fs::read_to_string(out.join("sub/a.txt")).unwrap(),
        "A one.\n"
    );
}

#[test]
fn summary_reports_records_speed_and_rules() {
    copyedit()
        .args(["fix", "--jsonl"])
        .write_stdin("{\"text\":\"a  b \"}\n{\"text\":\"c\"}\n")
        .assert()
        .success()
        .stderr(contains("copyedit: 2 records, 0.0 MB in"))
        .stderr(contains("MB/s); 2 fixes in 1 records; 0 errors"))
        .stderr(contains(
            "fixes by rule: multiple-spaces 1, trailing-whitespace 1",
        ));
    copyedit()
        .args(["fix", "--jsonl", "--quiet"])
        .write_stdin("{\"text\":\"a  b \"}\n")
        .assert()
        .success()
        .stderr("");
}

#[test]
fn a_closed_pipe_ends_quietly() {
    // `head -1` semantics: the reader goes away after the first line.
    let mut input = String::new();
    for i in 0..200_000 {
        input.push_str(&format!("{{\"text\":\"line  {i}\"}}\n"));
    }
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_copyedit"))
        .args(["fix", "--jsonl", "-q"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let feeder = std::thread::spawn(move || {
        use std::io::Write;
        let _ = stdin.write_all(input.as_bytes());
    });
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 16];
    std::io::Read::read_exact(&mut stdout, &mut first).unwrap();
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    feeder.join().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

fn gzip(data: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

fn gunzip(data: &[u8]) -> String {
    use std::io::Read;
    let mut s = String::new();
    flate2::read::MultiGzDecoder::new(data)
        .read_to_string(&mut s)
        .unwrap();
    s
}

/// `.jsonl.gz` and `.jsonl.zst` corpora are read as they stream and
/// written back in their own format under --out and --in-place; stdout
/// gets plain records.
#[test]
fn compressed_corpora_are_read_and_written_in_their_format() {
    let plain =
        "{\"id\":1,\"text\":\"the paris  talks ended friday.\"}\n{\"id\":2,\"text\":\"Clean.\"}\n";
    let fixed = fix_jsonl(&["-q"], plain).0;
    assert_ne!(fixed, plain);
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("in");
    fs::create_dir_all(src.join("sub")).unwrap();
    // Two gzip members, as `cat a.gz b.gz` or bgzip makes.
    let (first, second) = plain.split_at(plain.find('\n').unwrap() + 1);
    let mut members = gzip(first.as_bytes());
    members.extend(gzip(second.as_bytes()));
    fs::write(src.join("a.jsonl.gz"), &members).unwrap();
    fs::write(
        src.join("sub/b.ndjson.zst"),
        zstd::encode_all(plain.as_bytes(), 3).unwrap(),
    )
    .unwrap();
    fs::write(src.join("notes.txt.gz"), gzip(b"not taken")).unwrap();

    copyedit()
        .args(["fix", "--jsonl", "-q"])
        .arg(src.join("a.jsonl.gz"))
        .assert()
        .success()
        .stdout(fixed.clone());
    copyedit()
        .args(["fix", "--jsonl", "-q"])
        .write_stdin(gzip(plain.as_bytes()))
        .assert()
        .success()
        .stdout(fixed.clone());
    let label = src.join("sub/b.ndjson.zst").display().to_string();
    copyedit()
        .args(["check", "--jsonl", "-q"])
        .arg(&src)
        .assert()
        .code(1)
        .stdout(contains(format!("{label}:1: text 1:5: proper-noun-case")));

    let out = dir.path().join("out");
    fix_tree(&src, &out).success();
    assert_eq!(
        files_under(&out),
        ["a.jsonl.gz", "sub/b.ndjson.zst"],
        "compressed JSON Lines are taken by the name inside"
    );
    let a = fs::read(out.join("a.jsonl.gz")).unwrap();
    assert!(a.starts_with(&[0x1f, 0x8b]), "still gzip");
    assert_eq!(gunzip(&a), fixed);
    let b = fs::read(out.join("sub/b.ndjson.zst")).unwrap();
    assert!(b.starts_with(&[0x28, 0xb5, 0x2f, 0xfd]), "still zstd");
    assert_eq!(
        String::from_utf8(zstd::decode_all(&b[..]).unwrap()).unwrap(),
        fixed
    );

    copyedit()
        .args(["fix", "--jsonl", "-q", "--in-place"])
        .arg(src.join("a.jsonl.gz"))
        .assert()
        .success();
    assert_eq!(gunzip(&fs::read(src.join("a.jsonl.gz")).unwrap()), fixed);
}

/// A damaged compressed file is an error naming it and its format; the
/// other inputs are still fixed, and no partial mirror file is left.
#[test]
fn damaged_compressed_input_is_named_and_the_rest_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("in");
    fs::create_dir_all(&src).unwrap();
    let big = "{\"text\":\"Some  text.\"}\n".repeat(20_000);
    let packed = gzip(big.as_bytes());
    fs::write(src.join("bad.jsonl.gz"), &packed[..packed.len() / 2]).unwrap();
    fs::write(src.join("good.jsonl"), "{\"text\":\"a  b\"}\n").unwrap();
    let out = dir.path().join("out");
    fix_tree(&src, &out)
        .code(2)
        .stderr(contains("bad.jsonl.gz: cannot read: gzip: "));
    assert_eq!(files_under(&out), ["good.jsonl"]);
    assert_eq!(
        fs::read_to_string(out.join("good.jsonl")).unwrap(),
        "{\"text\":\"a b\"}\n"
    );
}

/// Past the first chunk, the error says how far the records went through.
#[test]
fn a_read_error_past_the_first_chunk_names_the_last_line_read() {
    let dir = tempfile::tempdir().unwrap();
    // Over 4 MB of records that have no text field, so they cost little
    // (`--on-error skip`), cut off past the first 4 MB chunk.
    let big = "{\"id\":12345678}\n".repeat(800_000);
    let packed = gzip(big.as_bytes());
    let bad = dir.path().join("cut.jsonl.gz");
    fs::write(&bad, &packed[..packed.len() * 3 / 4]).unwrap();
    let out = copyedit()
        .args(["fix", "--jsonl", "-q", "--on-error", "skip"])
        .arg(&bad)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    let line: u64 = err
        .split("cannot read after line ")
        .nth(1)
        .and_then(|rest| rest.split(':').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("{err}"));
    assert!(line > 200_000 && line < 600_000, "{err}");
    assert!(err.contains(": gzip: "), "{err}");
}

#[test]
fn compressed_text_files_are_skipped_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("article.txt.gz");
    fs::write(&f, gzip(b"the  text\n")).unwrap();
    copyedit()
        .arg("fix")
        .arg(&f)
        .assert()
        .success()
        .stdout("")
        .stderr(contains(
            "gzip file, skipped (compressed files are read with --jsonl",
        ));
}

/// Several fields: each is fixed and reported under its name, the rest of
/// the record keeps its bytes, and a record missing one of them is an error.
#[test]
fn several_fields_are_fixed_and_reported_each() {
    let input = concat!(
        "{\"title\":\"the paris  talks ended friday.\", \"id\":1,\"doc\":{\"body\":\"i think so .\"}}\n",
        "{\"title\":\"Clean title\", \"id\":2,\"doc\":{\"body\":\"Clean body.\"}}\n",
    );
    let want = concat!(
        "{\"title\":\"The Paris talks ended Friday.\", \"id\":1,\"doc\":{\"body\":\"I think so.\"}}\n",
        "{\"title\":\"Clean title\", \"id\":2,\"doc\":{\"body\":\"Clean body.\"}}\n",
    );
    assert_eq!(fix_jsonl(&["--field", "title,doc.body"], input).0, want);
    assert_eq!(
        fix_jsonl(&["--field", "doc.body", "--field", "title"], input).0,
        want,
        "repeated, in any order"
    );
    let out = copyedit()
        .args([
            "check",
            "--jsonl",
            "--field",
            "title,doc.body",
            "--format",
            "json",
        ])
        .write_stdin(input)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let records = json_lines(&String::from_utf8(out.stdout).unwrap());
    let fields: Vec<&str> = records
        .iter()
        .filter(|r| r["type"] == "fix")
        .map(|r| r["field"].as_str().unwrap())
        .collect();
    assert_eq!(
        fields,
        ["title", "title", "title", "title", "doc.body", "doc.body"]
    );
    let summary = records.last().unwrap();
    assert_eq!(summary["records_checked"], 2);
    assert_eq!(summary["records_changed"], 1);
    copyedit()
        .args(["check", "--jsonl", "--field", "title,doc.body", "--diff"])
        .write_stdin(input)
        .assert()
        .code(1)
        .stdout(contains("--- a/-:1:title\n"))
        .stdout(contains("--- a/-:1:doc.body\n"));

    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("r.html");
    copyedit()
        .args([
            "check",
            "--jsonl",
            "-q",
            "--field",
            "title,doc.body",
            "--html",
        ])
        .arg(&page)
        .write_stdin(input)
        .assert()
        .code(1);
    let page = fs::read_to_string(page).unwrap();
    assert!(page.contains("\"p\":\"-:1:title\"") && page.contains("\"p\":\"-:1:doc.body\""));
    assert!(page.contains("<b>2</b> records checked") && page.contains("<b>1</b> changed"));
    assert!(page.contains("<h2>Changed record fields</h2>"));

    let (out, err, code) = fix_jsonl(
        &["--field", "title,doc.body"],
        "{\"title\":\"a  b\",\"doc\":{}}\n",
    );
    assert_eq!((out.as_str(), code), ("", 2));
    assert!(err.contains(":1: no field \"doc.body\""), "{err}");
    let (_, err, code) = fix_jsonl(&["--field", "doc,doc.body"], input);
    assert_eq!(code, 2);
    assert!(err.contains("given twice or inside another"), "{err}");
}
