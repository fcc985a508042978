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

/// Which files a directory walk takes.
#[derive(Debug, Clone, Default)]
pub struct WalkOptions {
    /// Extensions taken when no include glob is given.
    pub extensions: Vec<String>,
    pub include: Vec<String>,
    pub exclude: Vec<String>,
    /// Take hidden files and folders too.
    pub hidden: bool,
    /// Do not read .gitignore / .ignore files.
    pub no_ignore: bool,
    /// Take compressed files by the extension before `.gz` or `.zst`
    /// (`a.jsonl.gz` for `jsonl`).
    pub compressed: bool,
}

/// Globs matched against the path relative to the walked directory and
/// against the bare name, so `*.txt` and `drafts` match at any depth.
#[derive(Clone)]
struct Globs(globset::GlobSet);

impl Globs {
    fn new(globs: &[String]) -> Result<Self, InputError> {
        let mut b = globset::GlobSetBuilder::new();
        for g in globs {
            b.add(globset::Glob::new(g).map_err(|e| InputError::Walk {
                path: g.clone(),
                message: format!("invalid glob: {e}"),
            })?);
        }
        b.build().map(Globs).map_err(|e| InputError::Walk {
            path: globs.join(","),
            message: format!("invalid glob: {e}"),
        })
    }

    fn matches(&self, rel: &Path) -> bool {
        self.0.is_match(rel) || rel.file_name().is_some_and(|n| self.0.is_match(n))
    }
}

/// Expand the path arguments: `-` or nothing is stdin, directories are walked
/// (sorted; hidden entries skipped unless asked; .gitignore honoured inside
/// git repositories unless asked not to; symlinks followed with loops
/// reported), files given by name are taken whatever their extension.
/// Problems are returned alongside, in argument order, so the other inputs
/// are still processed.
pub fn expand(paths: &[PathBuf], opts: &WalkOptions) -> Vec<Result<Input, InputError>> {
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
            Ok(m) if m.is_dir() => walk(p, opts, &mut out),
            Ok(_) => out.push(Ok(Input::File {
                path: p.clone(),
                rel: PathBuf::from(p.file_name().unwrap_or(p.as_os_str())),
            })),
        }
    }
    out
}

fn is_loop(e: &ignore::Error) -> bool {
    match e {
        ignore::Error::Loop { .. } => true,
        ignore::Error::WithPath { err, .. }
        | ignore::Error::WithDepth { err, .. }
        | ignore::Error::WithLineNumber { err, .. } => is_loop(err),
        _ => false,
    }
}

fn walk(root: &Path, opts: &WalkOptions, out: &mut Vec<Result<Input, InputError>>) {
    let (include, exclude) = match (Globs::new(&opts.include), Globs::new(&opts.exclude)) {
        (Ok(i), Ok(e)) => (i, e),
        (Err(e), _) | (_, Err(e)) => return out.push(Err(e)),
    };
    let prune_root = root.to_path_buf();
    let mut builder = ignore::WalkBuilder::new(root);
    builder
        .follow_links(true)
        .hidden(!opts.hidden)
        .ignore(!opts.no_ignore)
        .git_ignore(!opts.no_ignore)
        .git_exclude(!opts.no_ignore)
        .git_global(false)
        .parents(!opts.no_ignore)
        .sort_by_file_name(|a, b| a.cmp(b))
        .filter_entry(move |e| {
            e.depth() == 0
                || !exclude.matches(e.path().strip_prefix(&prune_root).unwrap_or(e.path()))
        });
    for entry in builder.build() {
        match entry {
            Err(e) => {
                let message = if is_loop(&e) {
                    format!("symbolic link loop, skipped ({e})")
                } else {
                    e.to_string()
                };
                out.push(Err(InputError::Walk {
                    path: root.display().to_string(),
                    message,
                }));
            }
            Ok(e)
                if e.file_type().is_some_and(|t| t.is_file())
                    || e.path_is_symlink() && e.path().is_file() =>
            {
                let rel = e
                    .path()
                    .strip_prefix(root)
                    .unwrap_or(e.path())
                    .to_path_buf();
                let take = if opts.include.is_empty() {
                    super::compress::data_extension(e.path(), opts.compressed)
                        .is_some_and(|x| opts.extensions.contains(&x))
                } else {
                    include.matches(&rel)
                };
                if take {
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
    let codec = super::compress::Codec::sniff(&bytes);
    if codec != super::compress::Codec::Plain {
        return Ok(Decoded::Skip(Skipped {
            path: label,
            reason: format!(
                "{} file, skipped (compressed files are read with --jsonl; decompress text \
                 files first)",
                codec.name()
            ),
        }));
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
