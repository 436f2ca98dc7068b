//! Serde types that mirror the content YAML one to one.
//!
//! Every struct rejects unknown keys. Ids and references are wrapped in
//! [`Spanned`] so that a problem found after resolution can still point at
//! the line and column that introduced it.

use std::collections::{BTreeMap, HashMap};

use serde::Deserialize;
use serde_saphyr::Spanned;

/// A string with the position of the YAML scalar it was read from.
pub type Text = Spanned<String>;

/// `content/contentdoc.yaml`: settings for the whole catalogue.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSettings {
    /// Title of the catalogue, shown on the landing page.
    #[serde(default)]
    pub title: Option<String>,
    /// Introductory Markdown shown on the landing page.
    #[serde(default)]
    pub description: Option<String>,
    /// Absolute URL the HTML site is published under.
    #[serde(default)]
    pub base_url: Option<String>,
    /// Path of an ATT&CK STIX 2.1 bundle (`enterprise-attack.json`), relative
    /// to the content directory, used in place of the bundled ATT&CK data.
    #[serde(default)]
    pub attack: Option<Text>,
    /// Largest content file read, in bytes (default 4 MiB).
    #[serde(default)]
    pub max_file_bytes: Option<Spanned<u64>>,
    /// Levels and suppressions of lint rules.
    #[serde(default)]
    pub lint: RawLintSettings,
    /// Year and zone of parsed times that do not state them.
    #[serde(default)]
    pub time: RawTimeSettings,
}

/// The `time` section of `contentdoc.yaml`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTimeSettings {
    /// Year of a sample time without a year, when the sample's expected
    /// `time` does not give one.
    #[serde(default)]
    pub default_year: Option<Spanned<i32>>,
    /// Offset such as `+01:00` or `Z` of a time without a zone.
    #[serde(default)]
    pub default_zone: Option<Text>,
}

/// The `lint` section of `contentdoc.yaml`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawLintSettings {
    /// Code such as `CD501` → level that replaces the rule's default.
    #[serde(default)]
    pub levels: HashMap<Text, Spanned<LintLevel>>,
    #[serde(default)]
    pub suppressions: Vec<RawSuppression>,
}

/// Level of a lint rule set in the settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LintLevel {
    Error,
    Warning,
    Off,
}

/// One suppressed finding: a code on one entity, with the reason it is accepted.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSuppression {
    pub code: Text,
    /// Id of the definition whose file the finding is in.
    pub entity: Text,
    /// Required; kept optional here so that a missing reason is reported
    /// as a lint finding rather than as a YAML error.
    #[serde(default)]
    pub reason: Option<Text>,
}

/// `vendors/<vendor>/vendor.yaml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawVendor {
    pub id: Text,
    pub name: Text,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
}

/// `vendors/<vendor>/<product>/product.yaml`. The vendor is the folder.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawProduct {
    pub id: Text,
    pub name: Text,
    /// Category ids.
    #[serde(default)]
    pub categories: Vec<Text>,
    #[serde(default)]
    pub description: Option<String>,
}

/// Categories, use cases and activity types share this shape.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawNamed {
    pub id: Text,
    pub name: Text,
    #[serde(default)]
    pub description: Option<String>,
}

/// `event-types/<id>.yaml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawEventType {
    pub id: Text,
    pub name: Text,
    #[serde(default)]
    pub description: Option<String>,
    /// Data type of the events, such as `dlp-email-alert`.
    #[serde(default)]
    pub data_type: Option<Text>,
    /// Parsed field → value that an event must have to be of this type.
    /// All entries must hold.
    #[serde(default)]
    pub classification: BTreeMap<String, Text>,
}

/// `vendors/<vendor>/<product>/parsers/<id>.yaml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawParser {
    pub id: Text,
    /// Data type the parser extracts, such as `dlp-email-alert`.
    #[serde(default)]
    pub data_type: Option<Text>,
    /// Log management system or transport the lines arrive through
    /// (`syslog`, `splunk`, ...).
    #[serde(default)]
    pub lms: Option<Text>,
    /// Java-style pattern of the extracted `time` field.
    #[serde(default)]
    pub time_format: Option<Text>,
    /// Literal substrings that must all occur in a line for the parser to apply.
    #[serde(default)]
    pub conditions: Vec<Text>,
    /// Regexes with `({field}...)` or `(?P<field>...)` captures.
    #[serde(default)]
    pub fields: Vec<Text>,
    /// Copies written `source->target`.
    #[serde(default)]
    pub field_copies: Vec<Text>,
    /// Event type ids the parser can produce.
    #[serde(default)]
    pub event_types: Vec<Text>,
    #[serde(default)]
    pub samples: Vec<RawSample>,
}

/// One sample log line of a parser and what a correct parse gives.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSample {
    /// The log line, exactly as received.
    pub log: Text,
    /// Event type id the line must be classified as.
    pub event_type: Text,
    /// Parsed time normalised to UTC, in RFC 3339 form.
    #[serde(default)]
    pub time: Option<Text>,
    /// Field → captured text that the parse must give.
    #[serde(default)]
    pub expect: BTreeMap<String, Text>,
}

/// `rules/<id>.yaml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRule {
    pub id: Text,
    pub name: Text,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub use_cases: Vec<Text>,
    pub activity_type: Text,
    #[serde(default)]
    pub event_types: Vec<Text>,
    /// ATT&CK technique ids, each optionally followed by ` - ` and the name.
    #[serde(default)]
    pub attack: Vec<Text>,
    #[serde(default)]
    pub models: Vec<Text>,
    #[serde(default)]
    pub score: Option<Spanned<u32>>,
}

/// Population a behavioural model learns its baseline over.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ModelScope {
    User,
    PeerGroup,
    Organization,
}

/// `models/<id>.yaml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawModel {
    pub id: Text,
    pub name: Text,
    #[serde(default)]
    pub description: Option<String>,
    /// What the model learns, such as `recipient domain per sender`.
    #[serde(default)]
    pub feature: Option<Text>,
    pub scope: Spanned<ModelScope>,
    #[serde(default)]
    pub event_types: Vec<Text>,
}

impl ModelScope {
    /// Returns the scope as written in content files.
    pub fn label(self) -> &'static str {
        match self {
            ModelScope::User => "user",
            ModelScope::PeerGroup => "peer-group",
            ModelScope::Organization => "organization",
        }
    }
}
