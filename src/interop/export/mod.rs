//! The JSON export: the whole resolved catalogue as one versioned document.
//!
//! Every entity lists its references by id in both directions, and products
//! carry their derived coverage per use case. Entity lists and id lists are
//! sorted by id, while parser conditions, fields, field copies and samples
//! keep their written order, so the same content always gives the same
//! bytes. `docs/interop.md` documents each field. Bump [`FORMAT_VERSION`]
//! when a field changes meaning or is removed.

mod build;
mod kinds;
mod reverse;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

pub use kinds::EntityKind;

use crate::load::raw::ModelScope;

/// Value of the `format` field.
pub const FORMAT: &str = "contentdoc-export";

/// Version of the document shape.
pub const FORMAT_VERSION: u32 = 1;

/// The whole export document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Export {
    /// Always [`FORMAT`].
    pub format: String,
    /// Always [`FORMAT_VERSION`] for documents this version writes.
    pub format_version: u32,
    /// Version of contentdoc that wrote the document.
    pub tool_version: String,
    /// ATT&CK release the techniques were checked against, such as `18.1`.
    pub attack_version: String,
    pub settings: Settings,
    pub vendors: Vec<Vendor>,
    pub products: Vec<Product>,
    pub parsers: Vec<Parser>,
    pub categories: Vec<Category>,
    pub use_cases: Vec<UseCase>,
    pub activity_types: Vec<ActivityType>,
    pub event_types: Vec<EventType>,
    pub rules: Vec<Rule>,
    pub models: Vec<Model>,
    /// Techniques that at least one rule is mapped to.
    pub techniques: Vec<Technique>,
}

/// Catalogue settings from `contentdoc.yaml`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Settings {
    pub title: String,
    pub description: Option<String>,
    pub base_url: Option<String>,
}

/// Location of a definition: its file relative to the content folder, and the line of its id.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    pub file: String,
    pub line: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Vendor {
    pub id: String,
    pub name: String,
    pub description: Option<String>,
    pub url: Option<String>,
    pub products: Vec<String>,
    pub source: Source,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Product {
    pub id: String,
    pub name: String,
    pub description: Option<String>,
    pub vendor: String,
    pub categories: Vec<String>,
    pub parsers: Vec<String>,
    pub event_types: Vec<String>,
    /// Use cases with at least one covering rule, sorted by use case id.
    pub coverage: Vec<Coverage>,
    pub source: Source,
}

/// The rules, models, techniques, activity types and event types that
/// cover one product for one use case.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Coverage {
    pub use_case: String,
    pub rules: Vec<String>,
    pub models: Vec<String>,
    pub techniques: Vec<String>,
    pub activity_types: Vec<String>,
    pub event_types: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Parser {
    pub id: String,
    pub vendor: String,
    pub product: String,
    pub data_type: Option<String>,
    pub lms: Option<String>,
    pub time_format: Option<String>,
    pub conditions: Vec<String>,
    pub fields: Vec<String>,
    pub field_copies: Vec<String>,
    pub event_types: Vec<String>,
    pub samples: Vec<Sample>,
    pub source: Source,
}

/// A sample log line of a parser, as written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sample {
    pub log: String,
    pub event_type: String,
    pub time: Option<String>,
    pub expect: BTreeMap<String, String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Category {
    pub id: String,
    pub name: String,
    pub description: Option<String>,
    pub products: Vec<String>,
    pub source: Source,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UseCase {
    pub id: String,
    pub name: String,
    pub description: Option<String>,
    pub rules: Vec<String>,
    /// Products with at least one rule of this use case covering them.
    pub products: Vec<String>,
    pub source: Source,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActivityType {
    pub id: String,
    pub name: String,
    pub description: Option<String>,
    pub rules: Vec<String>,
    pub source: Source,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventType {
    pub id: String,
    pub name: String,
    pub description: Option<String>,
    pub data_type: Option<String>,
    pub classification: BTreeMap<String, String>,
    pub parsers: Vec<String>,
    pub products: Vec<String>,
    pub rules: Vec<String>,
    pub models: Vec<String>,
    pub source: Source,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Rule {
    pub id: String,
    pub name: String,
    pub description: Option<String>,
    pub use_cases: Vec<String>,
    pub activity_type: String,
    pub event_types: Vec<String>,
    pub techniques: Vec<String>,
    pub models: Vec<String>,
    pub score: Option<u32>,
    /// Products the rule covers for at least one use case.
    pub products: Vec<String>,
    pub source: Source,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Model {
    pub id: String,
    pub name: String,
    pub description: Option<String>,
    pub feature: Option<String>,
    pub scope: ModelScope,
    pub event_types: Vec<String>,
    pub rules: Vec<String>,
    pub source: Source,
}

/// An ATT&CK technique with the content mapped to it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Technique {
    pub id: String,
    pub name: String,
    /// Tactic shortnames, such as `exfiltration`.
    pub tactics: Vec<String>,
    pub rules: Vec<String>,
    /// Models used by those rules.
    pub models: Vec<String>,
}

/// Serialises `export` as pretty JSON ending in a newline.
pub fn to_json(export: &Export) -> anyhow::Result<String> {
    let mut text = serde_json::to_string_pretty(export)?;
    text.push('\n');
    Ok(text)
}
