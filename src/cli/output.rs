//! Where fixed text goes: stdout, a mirrored tree under --out, or back into
//! the input file atomically (--in-place).
//!
//! An in-place write goes to a hidden temp file next to the input, named
//! `.copyedit-PID-RANDOM.tmp`, which is renamed over the input once complete;
//! a file under --out is written the same way next to its target, so
//! neither ever shows a partial file.
//! A process killed between the two (SIGKILL, power loss) cannot remove its
//! temp file, so the name carries the writer's process id: before writing in
//! a folder, a run removes the temp files there whose writer is no longer
//! running. Where that cannot be known (no `/proc`), they are left alone —
//! never deleting a live writer's file matters more than tidiness.

use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{LazyLock, Mutex};

use anyhow::{Context, Result, bail};
use copyedit::Outcome;

pub enum Mode {
    Stdout,
    OutDir(PathBuf),
    InPlace,
}

pub fn write(mode: &Mode, path: &Path, rel: &Path, outcome: &Outcome) -> Result<()> {
    match mode {
        Mode::Stdout => Ok(()),
        Mode::OutDir(dir) => {
            let target = dir.join(rel);
            if same_file(&target, path) {
                bail!(
                    "{}: --out would overwrite the input; use --in-place to rewrite files",
                    path.display()
                );
            }
            let parent = target
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or(Path::new("."));
            std::fs::create_dir_all(parent)
                .with_context(|| format!("{}: cannot create folder", parent.display()))?;
            // Through a temp file too: a killed run leaves no partial mirror file.
            let mut tmp = temp_file_in(parent, &target)?;
            tmp.write_all(outcome.fixed.as_bytes())
                .with_context(|| format!("{}: cannot write temp file", target.display()))?;
            persist_like(tmp, path, &target)
        }
        Mode::InPlace => {
            if outcome.changed() {
                replace_atomically(path, outcome.fixed.as_bytes())
            } else {
                Ok(())
            }
        }
    }
}

pub fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// Write `bytes` to a temp file in the same folder, keep the original's
/// permissions, flush it to disk, then rename it over `path`: a reader (or a
/// crash) sees either the old file or the new one, never a partial one.
pub fn replace_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut tmp = temp_file_in(dir, path)?;
    tmp.write_all(bytes)
        .with_context(|| format!("{}: cannot write temp file", path.display()))?;
    persist_like(tmp, path, path)
}

/// A hidden temp file in `dir` for writing `target`, named for this
/// process (`.copyedit-PID-RANDOM.tmp`), once the temp files of dead
/// writers there are swept. It is created private (0600).
pub fn temp_file_in(dir: &Path, target: &Path) -> Result<tempfile::NamedTempFile> {
    sweep_stale_temp_files(dir);
    let prefix = format!("{TEMP_PREFIX}{}-", std::process::id());
    tempfile::Builder::new()
        .prefix(&prefix)
        .suffix(".tmp")
        .tempfile_in(dir)
        .with_context(|| {
            format!(
                "{}: cannot create a temp file in {}",
                target.display(),
                dir.display()
            )
        })
}

/// Give a written temp file the mode of `input`, flush it to disk and
/// rename it to `target`.
pub fn persist_like(tmp: tempfile::NamedTempFile, input: &Path, target: &Path) -> Result<()> {
    let perms = std::fs::metadata(input)
        .with_context(|| format!("{}: cannot read metadata", input.display()))?
        .permissions();
    std::fs::set_permissions(tmp.path(), perms)
        .with_context(|| format!("{}: cannot set permissions", target.display()))?;
    tmp.as_file()
        .sync_all()
        .with_context(|| format!("{}: cannot write temp file", target.display()))?;
    tmp.persist(target)
        .map_err(|e| e.error)
        .with_context(|| format!("{}: cannot replace file", target.display()))?;
    Ok(())
}

const TEMP_PREFIX: &str = ".copyedit-";

/// Folders this process has already swept.
static SWEPT: LazyLock<Mutex<HashSet<PathBuf>>> = LazyLock::new(Default::default);

/// Remove the temp files that killed runs left in `dir`, once per folder.
/// Failures are ignored: a leftover temp file is untidy, not harmful.
fn sweep_stale_temp_files(dir: &Path) {
    let first = SWEPT
        .lock()
        .map(|mut s| s.insert(dir.to_path_buf()))
        .unwrap_or(false);
    if !first || !Path::new("/proc/self").exists() {
        return;
    }
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        if let Some(pid) = name.to_str().and_then(temp_file_writer)
            && !Path::new("/proc").join(pid.to_string()).exists()
        {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// The process id in a temp file name `.copyedit-PID-RANDOM.tmp`.
fn temp_file_writer(name: &str) -> Option<u32> {
    let rest = name.strip_prefix(TEMP_PREFIX)?.strip_suffix(".tmp")?;
    let (pid, random) = rest.split_once('-')?;
    if random.is_empty() || !random.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return None;
    }
    pid.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temp_file_names_carry_the_writer() {
        assert_eq!(temp_file_writer(".copyedit-4242-a1B2c3.tmp"), Some(4242));
        assert_eq!(temp_file_writer(".copyedit-4242-.tmp"), None);
        assert_eq!(temp_file_writer(".copyedit-x-a1.tmp"), None);
        assert_eq!(temp_file_writer("copyedit-1-a1.tmp"), None);
        assert_eq!(temp_file_writer(".copyedit-1-a1.txt"), None);
    }

    #[test]
    fn stale_temp_files_are_swept_and_live_ones_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, "old\n").unwrap();
        // No process has pid u32::MAX - 1 (Linux caps pids far below it).
        let stale = dir
            .path()
            .join(format!(".copyedit-{}-abc123.tmp", u32::MAX - 1));
        let live = dir
            .path()
            .join(format!(".copyedit-{}-abc123.tmp", std::process::id()));
        let other = dir.path().join(".copyedit-notes.tmp");
        for p in [&stale, &live, &other] {
            std::fs::write(p, "partial").unwrap();
        }
        replace_atomically(&path, b"new\n").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new\n");
        assert_eq!(stale.exists(), !Path::new("/proc/self").exists());
        assert!(live.exists() && other.exists());
    }
}
