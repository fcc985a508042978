//! The bundled samples: each `samples/NAME.txt` is a dirty article and
//! `samples/NAME.expected` the text copyedit must make of it, byte for byte.
//! The expected texts must also come through unchanged (clean text stays).

use std::fs;
use std::path::PathBuf;

use assert_cmd::Command;

fn samples() -> Vec<(PathBuf, PathBuf)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("samples");
    let mut out: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| {
            let expected = p.with_extension("expected");
            (p, expected)
        })
        .collect();
    out.sort();
    assert!(out.len() >= 4, "samples missing: {out:?}");
    out
}

fn fix(input: &[u8]) -> Vec<u8> {
    let out = Command::cargo_bin("copyedit")
        .unwrap()
        .arg("fix")
        .write_stdin(input)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

#[test]
fn samples_match_their_expected_output() {
    let mut failures = Vec::new();
    for (dirty, expected) in samples() {
        let want = fs::read(&expected).unwrap_or_else(|e| panic!("{}: {e}", expected.display()));
        let got = fix(&fs::read(&dirty).unwrap());
        if got != want {
            let diff = similar_lines(
                &String::from_utf8_lossy(&want),
                &String::from_utf8_lossy(&got),
            );
            failures.push(format!("{}:\n{diff}", dirty.display()));
        }
        assert_eq!(fix(&want), want, "{} is not stable", expected.display());
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The lines that differ, expected first, for a readable failure.
fn similar_lines(want: &str, got: &str) -> String {
    let mut s = String::new();
    for (w, g) in want.split_inclusive('\n').zip(got.split_inclusive('\n')) {
        if w != g {
            s.push_str(&format!("- {w:?}\n+ {g:?}\n"));
        }
    }
    let (wn, gn) = (want.lines().count(), got.lines().count());
    if wn != gn {
        s.push_str(&format!("expected {wn} lines, got {gn}\n"));
    }
    s
}
