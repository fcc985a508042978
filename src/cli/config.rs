//! `copyedit.toml`: the same options as the command line, found in the
//! current folder or the nearest folder above it (as ruff and typos do).
//! Command-line flags win over the file.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use copyedit::{Config, Lang, ParagraphStyle};
use serde::Deserialize;

use super::args::Common;

pub const FILE_NAME: &str = "copyedit.toml";

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct FileConfig {
    pub select: Option<Vec<String>>,
    #[serde(default)]
    pub ignore: Vec<String>,
    pub paragraphs: Option<ParagraphStyle>,
    pub lang: Option<Lang>,
    pub extensions: Option<Vec<String>>,
}

/// The settings a run uses after merging the file and the flags.
#[derive(Debug)]
pub struct Settings {
    pub pipeline: Config,
    pub extensions: Vec<String>,
}

fn find_upwards(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .map(|d| d.join(FILE_NAME))
        .find(|p| p.is_file())
}

pub fn load(common: &Common) -> Result<Settings> {
    let path = if common.no_config {
        None
    } else if let Some(p) = &common.config {
        Some(p.clone())
    } else {
        std::env::current_dir().ok().and_then(|d| find_upwards(&d))
    };
    let file = match &path {
        Some(p) => {
            let text = std::fs::read_to_string(p)
                .with_context(|| format!("{}: cannot read config", p.display()))?;
            toml::from_str::<FileConfig>(&text)
                .with_context(|| format!("{}: invalid config", p.display()))?
        }
        None => FileConfig::default(),
    };
    let extensions = common
        .extensions
        .clone()
        .or(file.extensions)
        .unwrap_or_else(|| vec!["txt".into(), "md".into()])
        .into_iter()
        .map(|e| e.trim_start_matches('.').to_ascii_lowercase())
        .collect();
    Ok(Settings {
        pipeline: Config {
            select: common.select.clone().or(file.select),
            ignore: common.ignore.clone().unwrap_or(file.ignore),
            paragraphs: common.paragraphs.or(file.paragraphs).unwrap_or_default(),
            lang: common.lang.or(file.lang).unwrap_or_default(),
        },
        extensions,
    })
}
