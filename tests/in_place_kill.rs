//! `fix --in-place` killed with SIGKILL in the middle of a tree: every file
//! must be either its original or its complete fixed version, never partial,
//! with its permissions kept. A killed process cannot remove its temp file,
//! so what may be left is only hidden `.copyedit-PID-*.tmp` files of the
//! killed process; the next run must sweep them and finish the job.
#![cfg(unix)]

use std::collections::HashMap;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

const FILES: usize = 2000;
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

fn bin() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_copyedit"));
    cmd.args(["fix", "--in-place", "--no-config", "-q"]);
    cmd
}

struct Tree {
    root: PathBuf,
    originals: HashMap<PathBuf, (String, String, u32)>,
}

impl Tree {
    fn create(root: &Path, rng: &mut Rng) -> Tree {
        let mut originals = HashMap::new();
        for i in 0..FILES {
            let dir = root.join(format!("d{}", i % 20));
            std::fs::create_dir_all(&dir).unwrap();
            let path = dir.join(format!("f{i}.txt"));
            let text = dirty_article(rng, i);
            let fixed = copyedit::fix(&text).unwrap();
            assert_ne!(fixed, text, "file {i} must need fixing");
            let mode = if i % 7 == 0 { 0o640 } else { 0o644 };
            originals.insert(path, (text, fixed, mode));
        }
        let tree = Tree {
            root: root.to_path_buf(),
            originals,
        };
        tree.reset();
        tree
    }

    fn reset(&self) {
        for (path, (text, _, mode)) in &self.originals {
            std::fs::write(path, text).unwrap();
            std::fs::set_permissions(path, std::fs::Permissions::from_mode(*mode)).unwrap();
        }
    }

    /// Check every file; return (fixed, original) counts and the stray files.
    fn inspect(&self) -> (usize, usize, Vec<PathBuf>) {
        let (mut fixed, mut original) = (0, 0);
        for (path, (text, want, mode)) in &self.originals {
            let got = std::fs::read_to_string(path)
                .unwrap_or_else(|e| panic!("{}: {e} (file lost)", path.display()));
            if got == *want {
                fixed += 1;
            } else if got == *text {
                original += 1;
            } else {
                panic!(
                    "{}: neither the original nor the fixed text ({} bytes, want {} or {})",
                    path.display(),
                    got.len(),
                    text.len(),
                    want.len()
                );
            }
            let m = std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
            assert_eq!(m, *mode, "{}: permissions changed", path.display());
        }
        let mut strays = Vec::new();
        for d in std::fs::read_dir(&self.root).unwrap() {
            for e in std::fs::read_dir(d.unwrap().path()).unwrap() {
                let p = e.unwrap().path();
                if !self.originals.contains_key(&p) {
                    strays.push(p);
                }
            }
        }
        (fixed, original, strays)
    }
}

#[test]
fn sigkill_mid_run_leaves_no_partial_file() {
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64
        | 1;
    eprintln!("seed {seed}");
    let mut rng = Rng(seed);
    let tmp = tempfile::tempdir().unwrap();
    let tree = Tree::create(tmp.path(), &mut rng);

    // A full run first, to check it and to time it: the kill delays are
    // spread over that time so that they land mid-run on any machine.
    let start = Instant::now();
    let status = bin().arg(tmp.path()).status().unwrap();
    let full = start.elapsed();
    assert!(status.success());
    let (fixed, _, strays) = tree.inspect();
    assert_eq!(fixed, FILES);
    assert!(strays.is_empty(), "left behind: {strays:?}");

    let mut mid_run = 0;
    for round in 0..ROUNDS {
        tree.reset();
        let delay = full.mul_f64(0.1 + 0.8 * rng.below(1000) as f64 / 1000.0);
        let mut child = bin()
            .arg(tmp.path())
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
            "round {round}: killed after {delay:?}: {fixed} fixed, {original} original, {} temp",
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
        assert!(bin().arg(tmp.path()).status().unwrap().success());
        let (fixed, _, strays) = tree.inspect();
        assert_eq!(fixed, FILES);
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
