//! Serde types that mirror the content YAML one to one.
//!
//! Every struct rejects unknown keys. Ids and references are wrapped in
//! [`Spanned`] so that a problem found after resolution can still point at
//! the line and column that introduced it.

use std::collections::{BTreeMap, HashMap};

use schemars::JsonSchema;
use serde::Deserialize;
use serde_saphyr::Spanned;

/// A string with the position of the YAML scalar it was read from.
///
/// `Spanned` has no JSON Schema of its own, so every field of this type
/// carries `#[schemars(with = "String")]` (or the list or map form of it).
pub type Text = Spanned<String>;

/// Pattern of lowercase ids: vendors, products, parsers, categories, use
/// cases, activity types and event types. The catalogue checks the same rule.
pub const SLUG_ID_PATTERN: &str = "^[a-z0-9][a-z0-9._-]*$";

/// Pattern of rule and model ids, which may be upper case.
pub const CONVENTIONAL_ID_PATTERN: &str = "^[A-Za-z0-9][A-Za-z0-9._-]*$";

/// `content/contentdoc.yaml`: settings for the whole catalogue.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
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
    #[schemars(with = "Option<String>")]
    pub attack: Option<Text>,
    /// Largest content file read, in bytes (default 4 MiB).
    #[serde(default)]
    #[schemars(with = "Option<u64>")]
    pub max_file_bytes: Option<Spanned<u64>>,
    /// Levels and suppressions of lint rules.
    #[serde(default)]
    pub lint: RawLintSettings,
    /// Year and zone of parsed times that do not state them.
    #[serde(default)]
    pub time: RawTimeSettings,
}

/// The `time` section of `contentdoc.yaml`.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawTimeSettings {
    /// Year of a sample time without a year, when the sample's expected
    /// `time` does not give one.
    #[serde(default)]
    #[schemars(with = "Option<i32>")]
    pub default_year: Option<Spanned<i32>>,
    /// Offset such as `+01:00` or `Z` of a time without a zone.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub default_zone: Option<Text>,
}

/// The `lint` section of `contentdoc.yaml`.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawLintSettings {
    /// Code such as `CD501` → level that replaces the rule's default.
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, LintLevel>")]
    pub levels: HashMap<Text, Spanned<LintLevel>>,
    /// Findings accepted on purpose, each with its reason.
    #[serde(default)]
    pub suppressions: Vec<RawSuppression>,
}

/// Level of a lint rule set in the settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum LintLevel {
    /// Report the finding as an error.
    Error,
    /// Report the finding as a warning.
    Warning,
    /// Do not report the finding.
    Off,
}

/// One suppressed finding: a code on one entity, with the reason it is accepted.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawSuppression {
    /// Lint code to suppress, such as `CD501`.
    #[schemars(with = "String")]
    pub code: Text,
    /// Id of the definition whose file the finding is in.
    #[schemars(with = "String")]
    pub entity: Text,
    /// Reason the finding is accepted. `contentdoc lint` requires it, and the
    /// type keeps it optional so that a missing reason is reported as a lint
    /// finding rather than as a YAML error.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub reason: Option<Text>,
}

/// `vendors/<vendor>/vendor.yaml`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawVendor {
    /// Vendor id, equal to the name of the vendor folder.
    #[schemars(with = "String", pattern(SLUG_ID_PATTERN))]
    pub id: Text,
    /// Vendor name as shown on pages.
    #[schemars(with = "String")]
    pub name: Text,
    /// Markdown description of the vendor.
    #[serde(default)]
    pub description: Option<String>,
    /// Vendor home page.
    #[serde(default)]
    pub url: Option<String>,
}

/// `vendors/<vendor>/<product>/product.yaml`. The vendor is the folder.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawProduct {
    /// Product id, unique across vendors and equal to the name of the product folder.
    #[schemars(with = "String", pattern(SLUG_ID_PATTERN))]
    pub id: Text,
    /// Product name as shown on pages.
    #[schemars(with = "String")]
    pub name: Text,
    /// Category ids.
    #[serde(default)]
    #[schemars(with = "Vec<String>", inner(pattern(SLUG_ID_PATTERN)))]
    pub categories: Vec<Text>,
    /// Markdown description of the product.
    #[serde(default)]
    pub description: Option<String>,
}

/// Categories, use cases and activity types share this shape.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawNamed {
    /// Id, equal to the file name without `.yaml`.
    #[schemars(with = "String", pattern(SLUG_ID_PATTERN))]
    pub id: Text,
    /// Name as shown on pages.
    #[schemars(with = "String")]
    pub name: Text,
    /// Markdown description.
    #[serde(default)]
    pub description: Option<String>,
}

/// `event-types/<id>.yaml`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawEventType {
    /// Event type id, equal to the file name without `.yaml`.
    #[schemars(with = "String", pattern(SLUG_ID_PATTERN))]
    pub id: Text,
    /// Event type name as shown on pages.
    #[schemars(with = "String")]
    pub name: Text,
    /// Markdown description of the event type.
    #[serde(default)]
    pub description: Option<String>,
    /// Data type of the events, such as `dlp-email-alert`.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub data_type: Option<Text>,
    /// Parsed field → value that an event must have to be of this type.
    /// All entries must hold.
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, String>")]
    pub classification: BTreeMap<String, Text>,
}

/// `vendors/<vendor>/<product>/parsers/<id>.yaml`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawParser {
    /// Parser id, equal to the file name without `.yaml`.
    #[schemars(with = "String", pattern(SLUG_ID_PATTERN))]
    pub id: Text,
    /// Data type the parser extracts, such as `dlp-email-alert`.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub data_type: Option<Text>,
    /// Log management system or transport the lines arrive through
    /// (`syslog`, `splunk`, ...).
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub lms: Option<Text>,
    /// Java-style pattern of the extracted `time` field.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub time_format: Option<Text>,
    /// Literal substrings that must all occur in a line for the parser to apply.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub conditions: Vec<Text>,
    /// Regexes with `({field}...)` or `(?P<field>...)` captures.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub fields: Vec<Text>,
    /// Copies written `source->target`.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub field_copies: Vec<Text>,
    /// Event type ids the parser can produce.
    #[serde(default)]
    #[schemars(with = "Vec<String>", inner(pattern(SLUG_ID_PATTERN)))]
    pub event_types: Vec<Text>,
    /// Sample log lines with the parse each must give.
    #[serde(default)]
    pub samples: Vec<RawSample>,
}

/// One sample log line of a parser and what a correct parse gives.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawSample {
    /// The log line, exactly as received.
    #[schemars(with = "String")]
    pub log: Text,
    /// Event type id the line must be classified as.
    #[schemars(with = "String", pattern(SLUG_ID_PATTERN))]
    pub event_type: Text,
    /// Parsed time normalised to UTC, in RFC 3339 form.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub time: Option<Text>,
    /// Field → captured text that the parse must give.
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, String>")]
    pub expect: BTreeMap<String, Text>,
}

/// `rules/<id>.yaml`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawRule {
    /// Rule id, equal to the file name without `.yaml`.
    #[schemars(with = "String", pattern(CONVENTIONAL_ID_PATTERN))]
    pub id: Text,
    /// Rule name as shown on pages.
    #[schemars(with = "String")]
    pub name: Text,
    /// Markdown description of what the rule detects.
    #[serde(default)]
    pub description: Option<String>,
    /// Use case ids the rule belongs to.
    #[serde(default)]
    #[schemars(with = "Vec<String>", inner(pattern(SLUG_ID_PATTERN)))]
    pub use_cases: Vec<Text>,
    /// Activity type id of the rule.
    #[schemars(with = "String", pattern(SLUG_ID_PATTERN))]
    pub activity_type: Text,
    /// Event type ids the rule consumes.
    #[serde(default)]
    #[schemars(with = "Vec<String>", inner(pattern(SLUG_ID_PATTERN)))]
    pub event_types: Vec<Text>,
    /// ATT&CK technique ids, each optionally followed by ` - ` and the name.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub attack: Vec<Text>,
    /// Ids of the behavioural models the rule uses.
    #[serde(default)]
    #[schemars(with = "Vec<String>", inner(pattern(CONVENTIONAL_ID_PATTERN)))]
    pub models: Vec<Text>,
    /// Risk score the rule adds when it fires.
    #[serde(default)]
    #[schemars(with = "Option<u32>")]
    pub score: Option<Spanned<u32>>,
}

/// Population a behavioural model learns its baseline over.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, serde::Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ModelScope {
    /// Each user against their own history.
    User,
    /// Each user against their peer group.
    PeerGroup,
    /// Each user against the whole organization.
    Organization,
}

/// `models/<id>.yaml`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawModel {
    /// Model id, equal to the file name without `.yaml`.
    #[schemars(with = "String", pattern(CONVENTIONAL_ID_PATTERN))]
    pub id: Text,
    /// Model name as shown on pages.
    #[schemars(with = "String")]
    pub name: Text,
    /// Markdown description of the model.
    #[serde(default)]
    pub description: Option<String>,
    /// Feature the model learns, such as `recipient domain per sender`.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub feature: Option<Text>,
    /// Population the model learns its baseline over.
    #[schemars(with = "ModelScope")]
    pub scope: Spanned<ModelScope>,
    /// Event type ids the model learns from.
    #[serde(default)]
    #[schemars(with = "Vec<String>", inner(pattern(SLUG_ID_PATTERN)))]
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
