//! The command line, driven as a user drives it: stdin/stdout, --out,
//! --in-place, check's exit codes, rule selection, config files, bad input.

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;

fn copyedit() -> Command {
    let mut c = Command::cargo_bin("copyedit").unwrap();
    c.env_remove("NO_COLOR");
    c
}

/// Run `copyedit ARGS` as a stdin filter on `input`: it must succeed; its
/// stdout is returned.
fn filter(args: &[&str], input: &str) -> String {
    let out = copyedit().args(args).write_stdin(input).assert().success();
    String::from_utf8(out.get_output().stdout.clone()).unwrap()
}

// Single line breaks between paragraphs dominate, so the junk line goes.
const DIRTY: &str = "Title  \nLead text\n\u{a0}\nBody\u{200b} text.\nEnd.\n\n\n";
const CLEAN: &str = "Title\nLead text\nBody text.\nEnd.\n";

#[test]
fn stdin_to_stdout() {
    copyedit()
        .arg("fix")
        .write_stdin(DIRTY)
        .assert()
        .success()
        .stdout(CLEAN);
    copyedit()
        .args(["fix", "-"])
        .write_stdin(DIRTY)
        .assert()
        .success()
        .stdout(CLEAN);
}

#[test]
fn fixing_clean_text_changes_nothing() {
    copyedit()
        .arg("fix")
        .write_stdin(CLEAN)
        .assert()
        .success()
        .stdout(CLEAN);
}

#[test]
fn single_file_to_stdout_leaves_the_file_alone() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("a.txt");
    fs::write(&f, DIRTY).unwrap();
    copyedit()
        .arg("fix")
        .arg(&f)
        .assert()
        .success()
        .stdout(CLEAN);
    assert_eq!(fs::read_to_string(&f).unwrap(), DIRTY);
}

#[test]
fn out_dir_mirrors_the_tree() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("src");
    fs::create_dir_all(src.join("sub/deeper")).unwrap();
    fs::write(src.join("a.txt"), DIRTY).unwrap();
    fs::write(src.join("sub/deeper/b.md"), DIRTY).unwrap();
    fs::write(src.join("sub/skip.html"), DIRTY).unwrap();
    fs::write(src.join(".hidden.txt"), DIRTY).unwrap();
    let out = dir.path().join("out");
    copyedit()
        .arg("fix")
        .arg(&src)
        .arg("--out")
        .arg(&out)
        .assert()
        .success();
    assert_eq!(fs::read_to_string(out.join("a.txt")).unwrap(), CLEAN);
    assert_eq!(
        fs::read_to_string(out.join("sub/deeper/b.md")).unwrap(),
        CLEAN
    );
    assert!(!out.join("sub/skip.html").exists());
    assert!(!out.join(".hidden.txt").exists());
    // inputs untouched
    assert_eq!(fs::read_to_string(src.join("a.txt")).unwrap(), DIRTY);
}

#[test]
fn extensions_override_the_default() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("page.html"), DIRTY).unwrap();
    fs::write(dir.path().join("a.txt"), DIRTY).unwrap();
    let out = tempfile::tempdir().unwrap();
    copyedit()
        .arg("fix")
        .arg(dir.path())
        .args(["--extensions", "html", "--out"])
        .arg(out.path())
        .assert()
        .success();
    assert!(out.path().join("page.html").exists());
    assert!(!out.path().join("a.txt").exists());
}

#[test]
fn out_dir_refuses_to_overwrite_an_input() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("a.txt");
    fs::write(&f, DIRTY).unwrap();
    copyedit()
        .arg("fix")
        .arg(&f)
        .arg("--out")
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--in-place"));
    assert_eq!(fs::read_to_string(&f).unwrap(), DIRTY);
}

#[test]
fn in_place_rewrites_and_keeps_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("a.txt");
    fs::write(&f, DIRTY).unwrap();
    fs::set_permissions(&f, fs::Permissions::from_mode(0o640)).unwrap();
    let clean = dir.path().join("clean.txt");
    fs::write(&clean, CLEAN).unwrap();
    copyedit()
        .arg("fix")
        .arg("--in-place")
        .arg(dir.path())
        .assert()
        .success();
    assert_eq!(fs::read_to_string(&f).unwrap(), CLEAN);
    assert_eq!(
        fs::metadata(&f).unwrap().permissions().mode() & 0o777,
        0o640
    );
    let leftovers: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.starts_with(".copyedit-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn several_inputs_need_out_or_in_place() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), DIRTY).unwrap();
    fs::write(dir.path().join("b.txt"), DIRTY).unwrap();
    copyedit()
        .arg("fix")
        .arg(dir.path().join("a.txt"))
        .arg(dir.path().join("b.txt"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--out"));
}

/// `copyedit check PATH`, run.
fn check(path: impl AsRef<std::ffi::OsStr>) -> assert_cmd::assert::Assert {
    copyedit().arg("check").arg(path).assert()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let p = dir.join(name);
    fs::write(&p, bytes).unwrap();
    p
}

#[test]
fn check_exit_codes() {
    let dir = tempfile::tempdir().unwrap();
    let dirty = write(dir.path(), "dirty.txt", DIRTY.as_bytes());
    let clean = write(dir.path(), "clean.txt", CLEAN.as_bytes());
    check(&dirty).code(1).stdout(predicate::str::contains(
        "dirty.txt:1:6: trailing-whitespace:",
    ));
    check(&clean).code(0).stdout("");
    check(dir.path().join("missing.txt"))
        .code(2)
        .stderr(predicate::str::contains("missing.txt"));
}

#[test]
fn check_never_writes() {
    let dir = tempfile::tempdir().unwrap();
    let dirty = write(dir.path(), "dirty.txt", DIRTY.as_bytes());
    copyedit().arg("check").arg(&dirty).assert().code(1);
    assert_eq!(fs::read_to_string(&dirty).unwrap(), DIRTY);
}

#[test]
fn invalid_utf8_names_file_and_offset_and_others_still_run() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a_bad.txt", b"ok line\nbad \xff here\n");
    write(dir.path(), "b_good.txt", DIRTY.as_bytes());
    let out = dir.path().join("out");
    copyedit()
        .arg("fix")
        .arg(dir.path())
        .arg("--out")
        .arg(&out)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "a_bad.txt: invalid UTF-8 at byte 12 (line 2)",
        ));
    assert_eq!(fs::read_to_string(out.join("b_good.txt")).unwrap(), CLEAN);
    assert!(!out.join("a_bad.txt").exists());
}

#[test]
fn binary_files_are_skipped_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let bin = write(dir.path(), "blob.txt", b"abc\0def");
    check(&bin).code(0).stderr(predicate::str::contains(
        "blob.txt: binary file (NUL byte at offset 3), skipped",
    ));
}

#[test]
fn utf16_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "wide.txt", &[0xFF, 0xFE, b'a', 0, b'\n', 0]);
    check(&f)
        .code(2)
        .stderr(predicate::str::contains("wide.txt: UTF-16 text"));
}

#[test]
fn missing_path_does_not_stop_the_others() {
    let dir = tempfile::tempdir().unwrap();
    let dirty = write(dir.path(), "dirty.txt", DIRTY.as_bytes());
    copyedit()
        .arg("check")
        .arg(dir.path().join("nope.txt"))
        .arg(&dirty)
        .assert()
        .code(2)
        .stdout(predicate::str::contains("dirty.txt:"))
        .stderr(predicate::str::contains("nope.txt"));
}

#[test]
fn select_and_ignore() {
    assert_eq!(
        filter(&["fix", "--select", "trailing-whitespace"], "a  b \n\n\n"),
        "a  b\n\n\n"
    );
    assert_eq!(
        filter(
            &["fix", "--ignore", "multiple-spaces,blank-lines"],
            "a  b \n\n\n"
        ),
        "a  b\n\n\n"
    );
    copyedit()
        .args(["fix", "--select", "no-such-rule"])
        .write_stdin("x\n")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown rule \"no-such-rule\""));
}

#[test]
fn config_file_is_found_upwards_and_flags_win() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("copyedit.toml"),
        "ignore = [\"multiple-spaces\"]\n",
    )
    .unwrap();
    let sub = dir.path().join("a/b");
    fs::create_dir_all(&sub).unwrap();
    copyedit()
        .current_dir(&sub)
        .arg("fix")
        .write_stdin("a  b\n")
        .assert()
        .success()
        .stdout("a  b\n");
    copyedit()
        .current_dir(&sub)
        .args(["fix", "--ignore", "blank-lines"])
        .write_stdin("a  b\n")
        .assert()
        .success()
        .stdout("a b\n");
    copyedit()
        .current_dir(&sub)
        .args(["fix", "--no-config"])
        .write_stdin("a  b\n")
        .assert()
        .success()
        .stdout("a b\n");
    let cfg = dir.path().join("other.toml");
    fs::write(&cfg, "bogus = 1\n").unwrap();
    copyedit()
        .args(["fix", "--config"])
        .arg(&cfg)
        .write_stdin("x\n")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("other.toml: invalid config"));
}

#[test]
fn paragraph_style_option() {
    assert_eq!(
        filter(&["fix", "--paragraphs", "blank"], "a\n\nb\nc\n"),
        "a\n\nb\nc\n"
    );
    assert_eq!(
        filter(&["fix", "--paragraphs", "single"], "a\n\nb\n\n\nc\n"),
        "a\nb\nc\n"
    );
}

#[test]
fn crlf_stays_consistent() {
    copyedit()
        .arg("fix")
        .write_stdin("a \r\nb\nc\r\n\r\n\r\n")
        .assert()
        .success()
        .stdout("a\r\nb\r\nc\r\n");
}

#[test]
fn rules_lists_every_rule() {
    let out = copyedit()
        .arg("rules")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    for r in copyedit::rules::all() {
        assert!(
            out.contains(r.id()),
            "{} missing from `copyedit rules`",
            r.id()
        );
    }
}
