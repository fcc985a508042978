//! `fix --in-place` and `fix --out` killed with SIGKILL in the middle of a
//! tree, for text files and JSON Lines: every file must be either its
//! original (or, under --out, absent) or its complete fixed version, never
//! partial, with its permissions kept. A killed process cannot remove its
//! temp file, so what may be left is only hidden `.copyedit-PID-*.tmp` files
//! of the killed process; the next run must sweep them and finish the job.
#![cfg(unix)]

use std::collections::HashMap;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

const ROUNDS: usize = 4;

/// xorshift64: reproducible pseudo-random numbers from the printed seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// A dirty article of a few hundred bytes to two kilobytes: every paragraph has
/// something for the default rules to fix.
fn dirty_article(rng: &mut Rng, i: usize) -> String {
    let mut s = format!("Article {i}\u{a0}headline  \n\n\n");
    for p in 0..(2 + rng.below(12)) {
        s.push_str(&format!(
            "Paragraph {p} of file {i}:  the talks\u{a0}ended today. \u{200b}Officials said \
             prices rose 3,000 times in the U.S. at 10:30,  e.g. in Paris.  \n"
        ));
        if rng.below(3) == 0 {
            s.push_str("\r\n\n\n");
        }
    }
    s.push_str("\n\n\n\n");
    s
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Text,
    Jsonl,
}

/// Where the fixed files go.
#[derive(Clone, Copy, PartialEq)]
enum Target {
    InPlace,
    /// A mirror under `out/` beside the tree's `in/`.
    Mirror,
}

struct Tree {
    kind: Kind,
    target: Target,
    /// The files fixed: `in/` (rewritten in place, or mirrored under `out/`).
    root: PathBuf,
    /// Per input file: original bytes, fixed text (or per record, for JSON
    /// Lines, one per line), mode.
    originals: HashMap<PathBuf, (String, Vec<String>, u32)>,
}

impl Tree {
    fn create(root: &Path, rng: &mut Rng, kind: Kind, target: Target, files: usize) -> Tree {
        let mut originals = HashMap::new();
        for i in 0..files {
            let dir = root.join("in").join(format!("d{}", i % 20));
            std::fs::create_dir_all(&dir).unwrap();
            let mode = if i % 7 == 0 { 0o640 } else { 0o644 };
            let (path, text, fixed) = match kind {
                Kind::Text => {
                    let text = dirty_article(rng, i);
                    let fixed = copyedit::fix(&text).unwrap();
                    assert_ne!(fixed, text, "file {i} must need fixing");
                    (dir.join(format!("f{i}.txt")), text, vec![fixed])
                }
                Kind::Jsonl => {
                    let (mut text, mut fixed) = (String::new(), Vec::new());
                    for r in 0..3 {
                        let article = dirty_article(rng, i * 3 + r);
                        let record = serde_json::json!({"id": i * 3 + r, "text": article});
                        text.push_str(&format!("{record}\n"));
                        fixed.push(copyedit::fix(&article).unwrap());
                    }
                    (dir.join(format!("f{i}.jsonl")), text, fixed)
                }
            };
            originals.insert(path, (text, fixed, mode));
        }
        let tree = Tree {
            kind,
            target,
            root: root.to_path_buf(),
            originals,
        };
        tree.reset();
        tree
    }

    fn bin(&self) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_copyedit"));
        cmd.args(["fix", "--no-config", "-q"]);
        if self.kind == Kind::Jsonl {
            cmd.arg("--jsonl");
        }
        cmd.arg(self.root.join("in"));
        match self.target {
            Target::InPlace => cmd.arg("--in-place"),
            Target::Mirror => cmd.arg("--out").arg(self.root.join("out")),
        };
        cmd
    }

    fn reset(&self) {
        for (path, (text, _, mode)) in &self.originals {
            std::fs::write(path, text).unwrap();
            std::fs::set_permissions(path, std::fs::Permissions::from_mode(*mode)).unwrap();
        }
        if self.target == Target::Mirror {
            let _ = std::fs::remove_dir_all(self.root.join("out"));
        }
    }

    /// The fixed version of `path`'s content `got`, record by record for
    /// JSON Lines (its other fields unchanged).
    fn is_fixed(&self, got: &str, original: &str, want: &[String]) -> bool {
        match self.kind {
            Kind::Text => got == want[0],
            Kind::Jsonl => {
                let got: Vec<serde_json::Value> = got
                    .lines()
                    .map(|l| serde_json::from_str(l).expect("whole JSON records"))
                    .collect();
                got.len() == want.len()
                    && got
                        .iter()
                        .zip(original.lines())
                        .zip(want)
                        .all(|((g, o), w)| {
                            let mut o: serde_json::Value = serde_json::from_str(o).unwrap();
                            o["text"] = serde_json::Value::String(w.clone());
                            *g == o
                        })
            }
        }
    }

    /// Check every file; return (fixed, original or absent) counts and the
    /// stray files.
    fn inspect(&self) -> (usize, usize, Vec<PathBuf>) {
        let (mut fixed, mut original) = (0, 0);
        for (path, (text, want, mode)) in &self.originals {
            let written = match self.target {
                Target::InPlace => path.clone(),
                Target::Mirror => {
                    let rel = path.strip_prefix(self.root.join("in")).unwrap();
                    let input = std::fs::read_to_string(path).unwrap();
                    assert_eq!(input, *text, "{}: the input changed", path.display());
                    self.root.join("out").join(rel)
                }
            };
            if self.target == Target::Mirror && !written.exists() {
                original += 1;
                continue;
            }
            let got = std::fs::read_to_string(&written)
                .unwrap_or_else(|e| panic!("{}: {e} (file lost)", written.display()));
            if self.is_fixed(&got, text, want) {
                fixed += 1;
            } else if got == *text && self.target == Target::InPlace {
                original += 1;
            } else {
                panic!(
                    "{}: neither the original nor the fixed text ({} bytes, original {})",
                    written.display(),
                    got.len(),
                    text.len(),
                );
            }
            let m = std::fs::metadata(&written).unwrap().permissions().mode() & 0o777;
            assert_eq!(m, *mode, "{}: permissions changed", written.display());
        }
        let mut strays = Vec::new();
        let dirs = match self.target {
            Target::InPlace => vec![self.root.join("in")],
            Target::Mirror => vec![self.root.join("in"), self.root.join("out")],
        };
        for top in dirs.iter().filter(|d| d.exists()) {
            for d in std::fs::read_dir(top).unwrap() {
                for e in std::fs::read_dir(d.unwrap().path()).unwrap() {
                    let p = e.unwrap().path();
                    let expected = match self.target {
                        Target::InPlace => self.originals.contains_key(&p),
                        Target::Mirror => {
                            let rel = p.strip_prefix(top).unwrap();
                            self.originals.contains_key(&self.root.join("in").join(rel))
                        }
                    };
                    if !expected {
                        strays.push(p);
                    }
                }
            }
        }
        (fixed, original, strays)
    }
}

/// Kill runs over a fresh tree at random moments; check after each kill,
/// then let a full run sweep up and finish.
fn kill_mid_run(kind: Kind, target: Target, files: usize) {
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64
        | 1;
    eprintln!("seed {seed}");
    let mut rng = Rng(seed);
    let tmp = tempfile::tempdir().unwrap();
    let tree = Tree::create(tmp.path(), &mut rng, kind, target, files);

    // A full run first, to check it and to time it: the kill delays are
    // spread over that time so that they land mid-run on any machine.
    let start = Instant::now();
    let status = tree.bin().status().unwrap();
    let full = start.elapsed();
    assert!(status.success());
    let (fixed, _, strays) = tree.inspect();
    assert_eq!(fixed, files);
    assert!(strays.is_empty(), "left behind: {strays:?}");

    let mut mid_run = 0;
    for round in 0..ROUNDS {
        tree.reset();
        let delay = full.mul_f64(0.1 + 0.8 * rng.below(1000) as f64 / 1000.0);
        let mut child = tree
            .bin()
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let pid = child.id();
        std::thread::sleep(delay);
        child.kill().unwrap(); // SIGKILL on unix
        child.wait().unwrap();
        let (fixed, original, strays) = tree.inspect();
        eprintln!(
            "round {round}: killed after {delay:?}: {fixed} fixed, {original} not yet, {} temp",
            strays.len()
        );
        if fixed > 0 && original > 0 {
            mid_run += 1;
        }
        for s in &strays {
            let name = s.file_name().unwrap().to_string_lossy();
            assert!(
                name.starts_with(&format!(".copyedit-{pid}-")) && name.ends_with(".tmp"),
                "unexpected file {}",
                s.display()
            );
        }
        // The next run sweeps the killed run's temp files and finishes.
        assert!(tree.bin().status().unwrap().success());
        let (fixed, _, strays) = tree.inspect();
        assert_eq!(fixed, files);
        assert!(
            strays.is_empty(),
            "left behind after a clean run: {strays:?}"
        );
    }
    assert!(
        mid_run > 0,
        "no kill landed mid-run in {ROUNDS} rounds (full run took {full:?})"
    );
}

#[test]
fn sigkill_mid_run_leaves_no_partial_file() {
    kill_mid_run(Kind::Text, Target::InPlace, 2000);
}

#[test]
fn sigkill_mid_jsonl_run_leaves_no_partial_file() {
    kill_mid_run(Kind::Jsonl, Target::InPlace, 700);
}

#[test]
fn sigkill_mid_mirror_run_leaves_no_partial_file() {
    kill_mid_run(Kind::Text, Target::Mirror, 1000);
    kill_mid_run(Kind::Jsonl, Target::Mirror, 400);
}
