//! Diagnostics: located findings about content, kept apart from tool failures.
//!
//! A content problem is data (code, severity, file, line, column, message,
//! help), so every stage can collect all of them and report them in one run.

mod render;

use std::path::{Path, PathBuf};

pub use render::render_human;

/// How serious a finding is.
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
    /// What to do about it.
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
    /// The file cannot be read, is not UTF-8, or holds several documents.
    pub const UNREADABLE_FILE: &str = "CD106";
    /// A file that is not where any content kind lives.
    pub const MISPLACED_FILE: &str = "CD107";
    /// A symbolic link in the content tree; links are not followed.
    pub const SYMLINK: &str = "CD108";
    /// An id that does not follow the id syntax.
    pub const INVALID_ID: &str = "CD201";
    /// A file whose name does not match the id inside it.
    pub const FILE_NAME_MISMATCH: &str = "CD202";
    /// Two definitions of one kind share an id.
    pub const DUPLICATE_ID: &str = "CD203";
    /// A reference to an id that does not exist.
    pub const DANGLING_REFERENCE: &str = "CD204";
    /// A technique id that is malformed or not in the ATT&CK data.
    pub const UNKNOWN_TECHNIQUE: &str = "CD301";
    /// The ATT&CK bundle named in the settings cannot be used.
    pub const ATTACK_DATA: &str = "CD302";
}
