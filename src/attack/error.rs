//! Errors from reading ATT&CK data, each naming the file it came from.

use std::path::{Path, PathBuf};

/// An error from reading or checking ATT&CK data.
#[derive(Debug, thiserror::Error)]
pub enum AttackError {
    #[error("failed to read ATT&CK data from {path}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    /// Invalid JSON syntax, or JSON that does not have the expected shape.
    #[error("failed to parse ATT&CK data {path} at line {line}, column {column}: {message}")]
    Json {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },

    #[error("no tactics found in {path}: the matrix must list at least one tactic")]
    NoTactics { path: PathBuf },

    /// A required object or field is absent, such as the collection version.
    #[error("missing {item} in {path}")]
    Missing { path: PathBuf, item: String },

    /// The data is complete but inconsistent, such as a technique naming an unknown tactic.
    #[error("invalid ATT&CK data in {path}: {problem}")]
    Invalid { path: PathBuf, problem: String },
}

impl AttackError {
    pub(super) fn json(path: &Path, error: &serde_json::Error) -> Self {
        let line = error.line();
        let column = error.column();

        // serde_json appends the position to its message, and this error reports it separately.
        let full = error.to_string();
        let suffix = format!(" at line {line} column {column}");
        let message = full.strip_suffix(&suffix).unwrap_or(&full).to_owned();

        AttackError::Json {
            path: path.to_owned(),
            line,
            column,
            message,
        }
    }

    pub(super) fn invalid(path: &Path, problem: String) -> Self {
        AttackError::Invalid {
            path: path.to_owned(),
            problem,
        }
    }

    pub(super) fn missing(path: &Path, item: &str) -> Self {
        AttackError::Missing {
            path: path.to_owned(),
            item: item.to_owned(),
        }
    }
}
