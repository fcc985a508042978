//! Where fixed text goes: stdout, a mirrored tree under --out, or back into
//! the input file atomically (--in-place).

use std::io::Write;
use std::path::{Path, PathBuf};

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
            if let Some(parent) = target.parent() {
                std::fs::create_dir_all(parent)
                    .with_context(|| format!("{}: cannot create folder", parent.display()))?;
            }
            std::fs::write(&target, outcome.fixed.as_bytes())
                .with_context(|| format!("{}: cannot write", target.display()))
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
    let perms = std::fs::metadata(path)
        .with_context(|| format!("{}: cannot read metadata", path.display()))?
        .permissions();
    let mut tmp = tempfile::Builder::new()
        .prefix(".copyedit-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .with_context(|| {
            format!(
                "{}: cannot create a temp file in {}",
                path.display(),
                dir.display()
            )
        })?;
    tmp.write_all(bytes)
        .and_then(|_| tmp.as_file().sync_all())
        .with_context(|| format!("{}: cannot write temp file", path.display()))?;
    std::fs::set_permissions(tmp.path(), perms)
        .with_context(|| format!("{}: cannot set permissions", path.display()))?;
    tmp.persist(path)
        .map_err(|e| e.error)
        .with_context(|| format!("{}: cannot replace file", path.display()))?;
    Ok(())
}
