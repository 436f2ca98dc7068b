//! CD106 unreadable-file: the file cannot be read, is empty, is not UTF-8 or has several documents.
//!
//! A content file that cannot be read, is larger than 4 MiB, is not UTF-8,
//! is empty, or contains more than one YAML document.
//!
//! Why: each content file contains exactly one definition. Anything else is
//! left out of the catalogue.
//!
//! Example:
//!
//! ```yaml
//! id: phishing
//! name: Phishing
//! ---
//! id: exfil
//! name: Data Exfiltration
//! ```
//!
//! Loading or resolution reports this code.

use crate::diag::{Severity, codes};
use crate::lint::{Check, Rule};

/// Registry entry of `unreadable-file`.
pub const RULE: Rule = Rule {
    code: codes::UNREADABLE_FILE,
    name: "unreadable-file",
    severity: Severity::Error,
    summary: "the file cannot be read, is empty, is not UTF-8 or has several documents",
    check: Check::Builtin,
    source: include_str!("unreadable_file.rs"),
};
