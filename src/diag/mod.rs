//! Diagnostics: located findings about content, kept apart from tool failures.
//!
//! A content problem is data (code, severity, file, line, column, message,
//! help), so every stage can collect all of them and report them in one run.

mod render;

use std::path::{Path, PathBuf};

pub use render::{render_human, render_human_styled, summary};

/// Seriousness of a finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

impl Severity {
    /// Returns the lowercase word used in messages.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// A place in a content file. Lines and columns start at 1; 0 means unknown.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub struct Position {
    /// Path as shown to the user (relative to the working directory when possible).
    pub file: PathBuf,
    pub line: u64,
    pub column: u64,
}

impl Position {
    /// Returns a position at the start of a file, for problems of the file as a whole.
    pub fn file_start(file: &Path) -> Self {
        Position {
            file: file.to_path_buf(),
            line: 1,
            column: 1,
        }
    }

    /// Returns the position of a YAML node read by serde-saphyr.
    pub fn of(file: &Path, location: &serde_saphyr::Location) -> Self {
        Position {
            file: file.to_path_buf(),
            line: location.line(),
            column: location.column(),
        }
    }
}

impl std::fmt::Display for Position {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}:{}", self.file.display(), self.line, self.column)
    }
}

/// One finding about the content.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Diagnostic {
    /// Stable code such as `CD201`; see [`crate::diag::codes`].
    pub code: &'static str,
    pub severity: Severity,
    pub message: String,
    pub position: Position,
    /// Advice on how to fix the problem.
    pub help: Option<String>,
}

impl Diagnostic {
    /// Creates an error at `position`.
    pub fn error(code: &'static str, position: Position, message: impl Into<String>) -> Self {
        Diagnostic {
            code,
            severity: Severity::Error,
            message: message.into(),
            position,
            help: None,
        }
    }

    /// Creates a warning at `position`.
    pub fn warning(code: &'static str, position: Position, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, position, message)
        }
    }

    /// Adds the advice shown under the message.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

/// Sorts diagnostics by file, line and column so output is stable.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| (&a.position, a.code, &a.message).cmp(&(&b.position, b.code, &b.message)));
}

/// Counts the errors and the warnings among `diagnostics`.
pub fn count(diagnostics: &[Diagnostic]) -> (usize, usize) {
    let errors = diagnostics.iter().filter(|d| d.severity == Severity::Error).count();
    (errors, diagnostics.len() - errors)
}

/// Returns true when any diagnostic is an error.
pub fn has_errors(diagnostics: &[Diagnostic]) -> bool {
    diagnostics.iter().any(|d| d.severity == Severity::Error)
}

pub mod codes {
    //! Stable diagnostic codes. Never reuse a retired code.

    /// The file is not valid YAML.
    pub const YAML_SYNTAX: &str = "CD101";
    /// A key that the schema of this kind does not have.
    pub const UNKNOWN_KEY: &str = "CD102";
    /// A required key is absent.
    pub const MISSING_KEY: &str = "CD103";
    /// A value has the wrong type (a list where text is expected, ...).
    pub const WRONG_TYPE: &str = "CD104";
    /// The same key twice in one mapping.
    pub const DUPLICATE_KEY: &str = "CD105";
    /// The file cannot be read, is not UTF-8, or contains several documents.
    pub const UNREADABLE_FILE: &str = "CD106";
    /// A file that is not where any content kind lives.
    pub const MISPLACED_FILE: &str = "CD107";
    /// A symbolic link in the content tree; links are not followed.
    pub const SYMLINK: &str = "CD108";
    /// A byte order mark, zero-width or bidi control character at the start
    /// of a file or inside an id or reference.
    pub const INVISIBLE_CHARACTER: &str = "CD109";
    /// A code in the `lint` settings that no lint rule has.
    pub const UNKNOWN_LINT_CODE: &str = "CD110";
    /// A suppression in the `lint` settings without a reason.
    pub const SUPPRESSION_WITHOUT_REASON: &str = "CD111";
    /// A suppression that matches no diagnostic.
    pub const UNUSED_SUPPRESSION: &str = "CD112";
    /// An id that does not follow the id syntax.
    pub const INVALID_ID: &str = "CD201";
    /// A file whose name does not match the id inside it.
    pub const FILE_NAME_MISMATCH: &str = "CD202";
    /// Two definitions of one kind share an id.
    pub const DUPLICATE_ID: &str = "CD203";
    /// A reference to an id that does not exist.
    pub const DANGLING_REFERENCE: &str = "CD204";
    /// Two ids or names of one kind that are equal once case, spaces and
    /// punctuation are ignored.
    pub const CONFUSABLE_NAME: &str = "CD205";
    /// A technique id that is malformed or not in the ATT&CK data.
    pub const UNKNOWN_TECHNIQUE: &str = "CD301";
    /// The ATT&CK bundle named in the settings cannot be used.
    pub const ATTACK_DATA: &str = "CD302";
    /// A revoked or deprecated ATT&CK technique.
    pub const OUTDATED_TECHNIQUE: &str = "CD303";
    /// A technique name written in content that differs from ATT&CK's.
    pub const TECHNIQUE_NAME: &str = "CD304";
    /// A technique listed on a rule together with one of its sub-techniques.
    pub const REDUNDANT_PARENT_TECHNIQUE: &str = "CD305";
    /// An empty parser condition.
    pub const EMPTY_CONDITION: &str = "CD401";
    /// An event type a parser claims that none of its samples shows.
    pub const EVENT_TYPE_WITHOUT_SAMPLE: &str = "CD402";
    /// A sample whose event type the parser does not claim.
    pub const UNCLAIMED_SAMPLE_EVENT_TYPE: &str = "CD403";
    /// A field copy not written `source->target`.
    pub const INVALID_FIELD_COPY: &str = "CD404";
    /// A field regex that does not compile or that the translator rejects.
    pub const INVALID_FIELD_REGEX: &str = "CD405";
    /// A capture name in a field regex that is not a valid field name.
    pub const INVALID_FIELD_NAME: &str = "CD406";
    /// A time format, or a default time zone, that cannot be parsed.
    pub const INVALID_TIME_FORMAT: &str = "CD407";
    /// A sample whose parse differs from its expectations.
    pub const FAILING_SAMPLE: &str = "CD408";
    /// A sample that the conditions of another parser also match.
    pub const OVERLAPPING_PARSERS: &str = "CD409";
    /// A rule whose event types no parser produces, so it can never fire.
    pub const RULE_NEVER_FIRES: &str = "CD501";
    /// A rule mapped to no ATT&CK technique.
    pub const RULE_WITHOUT_TECHNIQUE: &str = "CD502";
    /// A model that no rule uses.
    pub const UNUSED_MODEL: &str = "CD503";
    /// A use case, activity type, category or event type that nothing uses.
    pub const UNUSED_DEFINITION: &str = "CD504";
}
