//! The YAML files of a synthetic catalogue and how they are written.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::Context as _;
use serde::{Deserialize, Serialize};

/// `vendors/<vendor>/<product>/parsers/<id>.yaml`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ParserFile {
    pub id: String,
    pub data_type: String,
    pub lms: String,
    pub time_format: String,
    pub conditions: Vec<String>,
    pub fields: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub field_copies: Vec<String>,
    pub event_types: Vec<String>,
    pub samples: Vec<SampleFile>,
}

/// One sample of a parser.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SampleFile {
    pub log: String,
    pub event_type: String,
    pub time: String,
    pub expect: BTreeMap<String, String>,
}

/// `rules/<ID>.yaml`.
#[derive(Debug, Clone, Serialize)]
pub struct RuleFile {
    pub id: String,
    pub name: String,
    pub use_cases: Vec<String>,
    pub activity_type: String,
    pub event_types: Vec<String>,
    pub attack: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub models: Vec<String>,
    pub score: u32,
    pub description: String,
}

/// `models/<ID>.yaml`.
#[derive(Debug, Clone, Serialize)]
pub struct ModelFile {
    pub id: String,
    pub name: String,
    pub scope: String,
    pub feature: String,
    pub event_types: Vec<String>,
    pub description: String,
}

/// `event-types/<id>.yaml`.
#[derive(Debug, Clone, Serialize)]
pub struct EventTypeFile {
    pub id: String,
    pub name: String,
    pub data_type: String,
    pub classification: BTreeMap<String, String>,
    pub description: String,
}

/// Vendor, category, use case and activity type files.
#[derive(Debug, Clone, Serialize)]
pub struct NamedFile {
    pub id: String,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    pub description: String,
}

/// `vendors/<vendor>/<product>/product.yaml`.
#[derive(Debug, Clone, Serialize)]
pub struct ProductFile {
    pub id: String,
    pub name: String,
    pub categories: Vec<String>,
    pub description: String,
}

/// `contentdoc.yaml`.
#[derive(Debug, Clone, Serialize)]
pub struct SettingsFile {
    pub title: String,
    pub description: String,
}

/// Writes `value` as YAML to `root/relative`, creating folders as needed.
pub fn write<T: Serialize>(root: &Path, relative: &str, value: &T) -> anyhow::Result<()> {
    let text = serde_saphyr::to_string(value).with_context(|| format!("cannot serialise {relative}"))?;
    write_text(root, relative, &text)
}

/// Writes a parser and checks that the YAML reads back to the same parser,
/// so that no log line is changed by quoting or folding.
pub fn write_parser(root: &Path, relative: &str, parser: &ParserFile) -> anyhow::Result<()> {
    let text = serde_saphyr::to_string(parser).with_context(|| format!("cannot serialise {relative}"))?;
    let back: ParserFile = serde_saphyr::from_str(&text).with_context(|| format!("cannot read back {relative}"))?;
    anyhow::ensure!(&back == parser, "{relative} does not read back as written");
    write_text(root, relative, &text)
}

fn write_text(root: &Path, relative: &str, text: &str) -> anyhow::Result<()> {
    let path = root.join(relative);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).with_context(|| format!("cannot create {}", parent.display()))?;
    }
    std::fs::write(&path, text).with_context(|| format!("cannot write {}", path.display()))
}
