//! Inputs: stdin, files, and directory trees; reading them as UTF-8 with
//! errors that name the file and the byte offset.

use std::io::Read;
use std::path::{Path, PathBuf};

/// One document to process.
#[derive(Debug, Clone)]
pub enum Input {
    Stdin,
    /// A file; `rel` is its path relative to the argument it came from
    /// (the file name for a file argument), used to mirror trees under --out.
    File {
        path: PathBuf,
        rel: PathBuf,
    },
}

impl Input {
    pub fn label(&self) -> String {
        match self {
            Input::Stdin => "-".to_string(),
            Input::File { path, .. } => path.display().to_string(),
        }
    }
}

/// A problem with one input; the run goes on with the others.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    #[error("{path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}: invalid UTF-8 at byte {offset} (line {line})")]
    InvalidUtf8 {
        path: String,
        offset: usize,
        line: usize,
    },
    #[error("{path}: UTF-16 text ({endian} byte-order mark); convert it to UTF-8 first")]
    Utf16 { path: String, endian: &'static str },
    #[error("{path}: {message}")]
    Walk { path: String, message: String },
}

impl InputError {
    /// The input the problem is about.
    pub fn path(&self) -> &str {
        match self {
            InputError::Io { path, .. }
            | InputError::InvalidUtf8 { path, .. }
            | InputError::Utf16 { path, .. }
            | InputError::Walk { path, .. } => path,
        }
    }
}

/// Why an input was skipped without being an error.
#[derive(Debug)]
pub struct Skipped {
    pub path: String,
    pub reason: String,
}

pub enum Decoded {
    Text(String),
    Skip(Skipped),
}

/// Expand the path arguments: `-` or nothing is stdin, directories are walked
/// (sorted, hidden entries skipped, symlinks followed with loops reported),
/// files are taken whatever their extension. Problems are returned alongside,
/// in argument order, so the other inputs are still processed.
pub fn expand(paths: &[PathBuf], extensions: &[String]) -> Vec<Result<Input, InputError>> {
    if paths.is_empty() {
        return vec![Ok(Input::Stdin)];
    }
    let mut out = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            out.push(Ok(Input::Stdin));
            continue;
        }
        match std::fs::metadata(p) {
            Err(e) => out.push(Err(InputError::Io {
                path: p.display().to_string(),
                source: e,
            })),
            Ok(m) if m.is_dir() => walk(p, extensions, &mut out),
            Ok(_) => out.push(Ok(Input::File {
                path: p.clone(),
                rel: PathBuf::from(p.file_name().unwrap_or(p.as_os_str())),
            })),
        }
    }
    out
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_str()
        .is_some_and(|s| s.starts_with('.') && s != "." && s != "..")
}

fn walk(root: &Path, extensions: &[String], out: &mut Vec<Result<Input, InputError>>) {
    let walker = walkdir::WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name()));
    for entry in walker {
        match entry {
            Err(e) => {
                let path = e
                    .path()
                    .map(|p| p.display().to_string())
                    .unwrap_or_else(|| root.display().to_string());
                let message = if e.loop_ancestor().is_some() {
                    "symbolic link loop, skipped".to_string()
                } else {
                    e.io_error()
                        .map(|io| io.to_string())
                        .unwrap_or_else(|| e.to_string())
                };
                out.push(Err(InputError::Walk { path, message }));
            }
            Ok(e) if e.file_type().is_file() => {
                let ext = e
                    .path()
                    .extension()
                    .and_then(|x| x.to_str())
                    .map(str::to_ascii_lowercase);
                if ext.is_some_and(|x| extensions.contains(&x)) {
                    let rel = e
                        .path()
                        .strip_prefix(root)
                        .unwrap_or(e.path())
                        .to_path_buf();
                    out.push(Ok(Input::File {
                        path: e.path().to_path_buf(),
                        rel,
                    }));
                }
            }
            Ok(_) => {}
        }
    }
}

/// Read an input and decode it as UTF-8. A file with a NUL byte is binary
/// and skipped; UTF-16 is recognised by its byte-order mark and refused.
pub fn read(input: &Input) -> Result<Decoded, InputError> {
    let label = input.label();
    let bytes = match input {
        Input::Stdin => {
            let mut buf = Vec::new();
            std::io::stdin()
                .lock()
                .read_to_end(&mut buf)
                .map_err(|e| InputError::Io {
                    path: label.clone(),
                    source: e,
                })?;
            buf
        }
        Input::File { path, .. } => std::fs::read(path).map_err(|e| InputError::Io {
            path: label.clone(),
            source: e,
        })?,
    };
    decode(label, bytes)
}

pub fn decode(label: String, bytes: Vec<u8>) -> Result<Decoded, InputError> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        let endian = if bytes[0] == 0xFF {
            "little-endian"
        } else {
            "big-endian"
        };
        return Err(InputError::Utf16 {
            path: label,
            endian,
        });
    }
    if let Some(nul) = memchr::memchr(0, &bytes) {
        return Ok(Decoded::Skip(Skipped {
            path: label,
            reason: format!("binary file (NUL byte at offset {nul}), skipped"),
        }));
    }
    String::from_utf8(bytes).map(Decoded::Text).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let line = memchr::memchr_iter(b'\n', &e.as_bytes()[..offset]).count() + 1;
        InputError::InvalidUtf8 {
            path: label,
            offset,
            line,
        }
    })
}
