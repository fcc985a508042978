//! The review outputs of `copyedit check`, end to end: diffs that `patch` and
//! `git apply` apply to give exactly what `fix` writes, JSON Lines records
//! valid against docs/report-schema.json, statistics, colour, exit codes and
//! `explain`.

#[path = "review/schema.rs"]
mod schema;

use copyedit::report::quoted;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn copyedit(dir: &Path, args: &[&str]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_copyedit"));
    cmd.args(args);
    if matches!(args.first(), Some(&"check") | Some(&"fix")) {
        cmd.arg("--no-config");
    }
    cmd.current_dir(dir)
        .env_remove("NO_COLOR")
        .output()
        .expect("run copyedit")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("UTF-8 stdout")
}

fn has(tool: &str) -> bool {
    Command::new(tool)
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Documents that stress the diff format: CRLF, no final newline, lone CR,
/// BOM, empty, whitespace only, NFD accents, a name with spaces, nesting.
fn edge_cases(dir: &Path) {
    let files: &[(&str, &str)] = &[
        (
            "crlf.txt",
            "The talks  ended. \r\nNext\u{a0}line\r\n\r\n\r\n",
        ),
        ("no-final-newline.txt", "Line one \nLast  line"),
        ("only-last-line.txt", "Clean line\nLast  line"),
        ("adds-no-newline.txt", "Nothing to do\n\n\n"),
        ("lone-cr.txt", "Old Mac \rline endings\r"),
        ("bom.txt", "\u{feff}Starts with a BOM.\n"),
        ("empty.txt", ""),
        ("blank.txt", " \n\t\n\n"),
        ("nfd.txt", "Cafe\u{301} society  meets.\n"),
        ("name with spaces.txt", "Spaced  name\n"),
        (
            "nested/deeper/doc.txt",
            "\n\nLeading blank lines\nand zero\u{200b}width.\n",
        ),
        ("clean.txt", "Nothing wrong here.\n"),
    ];
    for (name, text) in files {
        let p = dir.join(name);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(p, text).unwrap();
    }
}

fn copy_tree(from: &Path, to: &Path) {
    for e in walk(from) {
        let rel = e.strip_prefix(from).unwrap();
        let target = to.join(rel);
        fs::create_dir_all(target.parent().unwrap()).unwrap();
        fs::copy(&e, &target).unwrap();
    }
}

/// Every file under `dir`, sorted.
fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// `check --diff NAME` in `root`, applied with `patch -p1` (and `git apply`
/// when git is there) to copies of the tree, must give what `fix NAME --out`
/// writes, byte for byte. Returns the number of files the diff touched.
fn assert_diff_round_trip(root: &Path, name: &str) -> usize {
    let check = copyedit(root, &["check", "--diff", "--color", "always", name]);
    assert!(stdout(&check).contains("\x1b["), "--color always colours");
    let check = copyedit(root, &["check", "--diff", name]);
    assert!(
        check.status.code() == Some(0) || check.status.code() == Some(1),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
    let diff = check.stdout;
    assert!(!diff.contains(&b'\x1b'), "no colour when piped");
    let fixed = root.join("fixed-by-fix");
    let fix = copyedit(
        root,
        &["fix", name, "--out", fixed.to_str().unwrap(), "--quiet"],
    );
    assert!(fix.status.success(), "{fix:?}");

    let mut appliers: Vec<(&str, Vec<&str>)> = vec![("patch", vec!["-p1", "-s", "--batch"])];
    if has("git") {
        appliers.push(("git", vec!["apply", "-p1", "--whitespace=nowarn", "-"]));
    } else {
        eprintln!("NOTICE: git not found; the diff is checked with patch only");
    }
    assert!(has("patch"), "the diff test needs `patch`");
    for (tool, args) in appliers {
        let work = root.join(format!("applied-by-{tool}"));
        copy_tree(&root.join(name), &work.join(name));
        let mut child = Command::new(tool)
            .args(&args)
            .current_dir(&work)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(&diff).unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{tool} failed: {out:?}");
        for f in walk(&work.join(name)) {
            let rel = f.strip_prefix(work.join(name)).unwrap();
            let want = fs::read(fixed.join(rel)).unwrap();
            let got = fs::read(&f).unwrap();
            assert!(
                got == want,
                "{tool}: {} differs from the fix output:\n got {:?}\nwant {:?}",
                rel.display(),
                String::from_utf8_lossy(&got),
                String::from_utf8_lossy(&want)
            );
        }
    }
    let text = String::from_utf8_lossy(&diff);
    text.lines().filter(|l| l.starts_with("+++ ")).count()
}

#[test]
fn diff_applies_to_edge_cases() {
    let tmp = tempfile::tempdir().unwrap();
    edge_cases(&tmp.path().join("docs"));
    let touched = assert_diff_round_trip(tmp.path(), "docs");
    assert_eq!(
        touched, 10,
        "every file but clean.txt and empty.txt changes"
    );
}

#[test]
fn diff_applies_to_samples() {
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    let mut found: Vec<PathBuf> = fs::read_dir(&samples)
        .map(|d| d.map(|e| e.unwrap().path()).collect())
        .unwrap_or_default();
    found.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    assert!(
        !found.is_empty(),
        "samples/*.txt are part of the repository"
    );
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("samples");
    fs::create_dir_all(&dir).unwrap();
    for p in &found {
        fs::copy(p, dir.join(p.file_name().unwrap())).unwrap();
    }
    assert_diff_round_trip(tmp.path(), "samples");
}

/// The shared evaluation material: `shared/` beside the repository, or
/// beside a folder above it (CI clones the repository next to `shared/`).
fn shared_dir() -> Option<PathBuf> {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .skip(1)
        .map(|a| a.join("shared"))
        .find(|s| s.join("eval/corrupt.py").is_file() && s.join("corpus/dev").is_dir())
}

#[test]
fn diff_applies_to_200_harness_articles() {
    let Some(shared) = shared_dir() else {
        eprintln!("NOTICE: shared/eval and shared/corpus/dev not found; harness diff test skipped");
        return;
    };
    if !has("python3") {
        eprintln!("NOTICE: python3 not found; harness diff test skipped");
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let gen_dir = tmp.path().join("generated");
    let status = Command::new("python3")
        .arg(shared.join("eval/corrupt.py"))
        .arg("--in")
        .arg(shared.join("corpus/dev"))
        .arg("--out")
        .arg(&gen_dir)
        .args(["--seed", "1"])
        .stdout(Stdio::null())
        .status()
        .unwrap();
    assert!(status.success(), "corrupt.py failed");
    let articles = tmp.path().join("articles");
    fs::create_dir_all(&articles).unwrap();
    let mut taken = 0;
    for p in walk(&gen_dir.join("dirty")) {
        let gold = fs::read(gen_dir.join("gold").join(p.file_name().unwrap())).unwrap();
        if fs::read(&p).unwrap() != gold {
            fs::copy(&p, articles.join(p.file_name().unwrap())).unwrap();
            taken += 1;
            if taken == 200 {
                break;
            }
        }
    }
    assert_eq!(taken, 200, "the harness gives at least 200 dirty articles");
    let touched = assert_diff_round_trip(tmp.path(), "articles");
    assert!(
        touched >= 150,
        "only {touched} of 200 dirty articles had a diff"
    );
}

#[test]
fn json_records_follow_the_schema() {
    let tmp = tempfile::tempdir().unwrap();
    let docs = tmp.path().join("docs");
    edge_cases(&docs);
    fs::write(docs.join("bad-utf8.txt"), b"ok \xff\xfe here\n").unwrap();
    let out = copyedit(
        tmp.path(),
        &["check", "--format", "json", "docs", "missing.txt"],
    );
    assert_eq!(out.status.code(), Some(2), "errors exit 2");
    let schema = schema::load();
    let text = stdout(&out);
    let records: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is one JSON object"))
        .collect();
    for r in &records {
        schema::validate(&schema, r).unwrap_or_else(|e| panic!("{e}: {r}"));
    }
    let kinds: Vec<&str> = records
        .iter()
        .map(|r| r["type"].as_str().unwrap())
        .collect();
    assert_eq!(kinds.last(), Some(&"summary"));
    assert_eq!(kinds.iter().filter(|k| **k == "summary").count(), 1);
    let errors: Vec<&serde_json::Value> = records.iter().filter(|r| r["type"] == "error").collect();
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(errors.iter().any(|e| e["path"] == "missing.txt"));
    assert!(errors.iter().any(|e| e["path"] == "docs/bad-utf8.txt"
        && e["message"].as_str().unwrap().starts_with("invalid UTF-8")));

    // Each fix's position range holds exactly its `before` text.
    let mut by_rule = std::collections::BTreeMap::<String, u64>::new();
    for r in records.iter().filter(|r| r["type"] == "fix") {
        let original = fs::read_to_string(tmp.path().join(r["path"].as_str().unwrap())).unwrap();
        let at = |line: &serde_json::Value, col: &serde_json::Value| {
            byte_offset(&original, line.as_u64().unwrap(), col.as_u64().unwrap())
        };
        let (s, e) = (
            at(&r["line"], &r["column"]),
            at(&r["end_line"], &r["end_column"]),
        );
        assert_eq!(&original[s..e], r["before"].as_str().unwrap(), "{r}");
        *by_rule
            .entry(r["rule"].as_str().unwrap().into())
            .or_default() += 1;
    }
    let summary = records.last().unwrap();
    let counted: std::collections::BTreeMap<String, u64> =
        serde_json::from_value(summary["fixes_by_rule"].clone()).unwrap();
    assert_eq!(counted, by_rule);
    assert_eq!(summary["errors"], 2);
    assert_eq!(summary["files_checked"], 12);
    assert_eq!(summary["files_changed"], 10);
}

/// Byte offset of 1-based `line` and character `column` in `text`.
fn byte_offset(text: &str, line: u64, column: u64) -> usize {
    let start: usize = text
        .split_inclusive('\n')
        .take(line as usize - 1)
        .map(str::len)
        .sum();
    text[start..]
        .char_indices()
        .map(|(i, _)| start + i)
        .chain(std::iter::once(text.len()))
        .nth(column as usize - 1)
        .expect("column inside the text")
}

#[test]
fn statistics_count_fixes_per_rule() {
    let tmp = tempfile::tempdir().unwrap();
    edge_cases(&tmp.path().join("docs"));
    let out = copyedit(tmp.path(), &["check", "--statistics", "docs"]);
    assert_eq!(out.status.code(), Some(1));
    let table = stdout(&out);
    let json = stdout(&copyedit(
        tmp.path(),
        &["check", "--format", "json", "docs"],
    ));
    let summary: serde_json::Value = serde_json::from_str(json.lines().last().unwrap()).unwrap();
    let rows: Vec<&str> = table.lines().collect();
    let rules = summary["fixes_by_rule"].as_object().unwrap();
    assert_eq!(rows.len(), rules.len() + 1, "{table}");
    for (rule, n) in rules {
        assert!(
            rows.iter().any(|r| r.split_whitespace().collect::<Vec<_>>() == [n.to_string().as_str(), rule]),
            "{rule} {n} missing from\n{table}"
        );
    }
    assert_eq!(
        *rows.last().unwrap(),
        format!(
            "{} fixes in 10 of 12 files, 0 errors",
            summary["fixes"].as_u64().unwrap()
        )
    );
    let bad = copyedit(
        tmp.path(),
        &["check", "--statistics", "--format", "json", "docs"],
    );
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn exit_codes_hold_in_every_mode() {
    let tmp = tempfile::tempdir().unwrap();
    fs::write(tmp.path().join("clean.txt"), "All good.\n").unwrap();
    fs::write(tmp.path().join("dirty.txt"), "Not  good.\n").unwrap();
    let html = tmp.path().join("r.html");
    for mode in [
        vec![],
        vec!["--diff"],
        vec!["--format", "json"],
        vec!["--format", "text"],
        vec!["--statistics"],
        vec!["--html", html.to_str().unwrap()],
    ] {
        let run = |file: &str| {
            let mut args = vec!["check"];
            args.extend(&mode);
            args.push(file);
            copyedit(tmp.path(), &args).status.code()
        };
        assert_eq!(run("clean.txt"), Some(0), "{mode:?}");
        assert_eq!(run("dirty.txt"), Some(1), "{mode:?}");
        assert_eq!(run("absent.txt"), Some(2), "{mode:?}");
    }
    let clean = copyedit(tmp.path(), &["check", "--diff", "clean.txt"]);
    assert!(clean.stdout.is_empty(), "no diff for a clean file");
    let both = copyedit(
        tmp.path(),
        &["check", "--diff", "--format", "json", "dirty.txt"],
    );
    assert_eq!(both.status.code(), Some(2), "--diff and --format conflict");
}

#[test]
fn stdin_is_diffed_and_reported() {
    let tmp = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_copyedit"))
        .args(["check", "--diff", "--color", "never"])
        .current_dir(tmp.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(b"a  b\n").unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stdout(&out), "--- a/-\n+++ b/-\n@@ -1 +1 @@\n-a  b\n+a b\n");
}

#[test]
fn html_report_is_written_and_self_contained() {
    let tmp = tempfile::tempdir().unwrap();
    edge_cases(&tmp.path().join("docs"));
    let out = copyedit(
        tmp.path(),
        &["check", "-q", "docs", "--html", "review.html"],
    );
    assert_eq!(out.status.code(), Some(1));
    let page = fs::read_to_string(tmp.path().join("review.html")).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>"));
    for needle in [
        "multiple-spaces",
        "docs/name with spaces.txt",
        "<b>12</b> files checked",
    ] {
        assert!(page.contains(needle), "{needle}");
    }
    for remote in ["src=\"http", "href=\"http", "url(http", "@import", "fetch("] {
        assert!(
            !page.contains(remote),
            "the page must fetch nothing: {remote}"
        );
    }
}

#[test]
fn explain_shows_every_rule_and_rejects_unknown_ones() {
    let tmp = tempfile::tempdir().unwrap();
    let rules = stdout(&copyedit(tmp.path(), &["rules"]));
    let ids: Vec<&str> = rules
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert!(ids.len() >= 9);
    for id in ids {
        let out = copyedit(tmp.path(), &["explain", id]);
        assert!(out.status.success(), "explain {id}");
        let text = stdout(&out);
        assert!(text.starts_with(&format!("{id}: ")), "{text}");
        assert!(text.contains("Fixes (before, then after):"), "{text}");
    }
    for rule in copyedit::rules::all() {
        let text = stdout(&copyedit(tmp.path(), &["explain", rule.id()]));
        let doc = rule.doc();
        assert!(text.contains(doc.summary));
        for (before, after) in doc.fixes {
            let pair = format!("  {}\n  {}\n", quoted(before), quoted(after));
            assert!(text.contains(&pair), "{pair} missing from\n{text}");
        }
        for keep in doc.keeps {
            assert!(
                text.contains(&quoted(keep)),
                "{keep:?} missing from\n{text}"
            );
        }
    }
    let out = copyedit(tmp.path(), &["explain", "no-such-rule"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("unknown rule \"no-such-rule\""), "{err}");
}

/// `--color auto` colours a terminal unless NO_COLOR is set; `script` gives
/// the command a pseudo-terminal.
#[test]
fn color_auto_follows_the_terminal_and_no_color() {
    if !has("script") {
        eprintln!("NOTICE: `script` (util-linux) not found; terminal colour test skipped");
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    fs::write(tmp.path().join("d.txt"), "peace,  now\n").unwrap();
    let on_tty = |no_color: Option<&str>| {
        let cmd = format!(
            "{} check --no-config --diff d.txt",
            env!("CARGO_BIN_EXE_copyedit")
        );
        let mut c = Command::new("script");
        c.args(["-qec", &cmd, "/dev/null"])
            .current_dir(tmp.path())
            .env_remove("NO_COLOR");
        if let Some(v) = no_color {
            c.env("NO_COLOR", v);
        }
        stdout(&c.output().unwrap())
    };
    let plain = on_tty(Some("1"));
    assert!(plain.contains("-peace,  now"), "{plain:?}");
    assert!(!plain.contains('\x1b'), "NO_COLOR is honoured: {plain:?}");
    let coloured = on_tty(None);
    assert!(coloured.contains("\x1b[31m-peace,"), "{coloured:?}");
    assert!(
        coloured.contains("\x1b[7m"),
        "changed characters highlighted: {coloured:?}"
    );
    assert!(
        on_tty(Some("")).contains('\x1b'),
        "an empty NO_COLOR counts as unset"
    );
}
