//! CD101 yaml-syntax: the file is not valid YAML.
//!
//! A content file that the YAML parser rejects: an unclosed bracket or quote,
//! a tab used for indentation, a key without a value separator.
//!
//! Why: nothing in the file is loaded, so every definition in it is missing from
//! the catalogue and every reference to it dangles.
//!
//! Example:
//!
//! ```yaml
//! name: [Phishing
//! ```
//!
//! Loading or resolution reports this code.

use crate::diag::{Severity, codes};
use crate::lint::{Check, Rule};

/// Registry entry of `yaml-syntax`.
pub const RULE: Rule = Rule {
    code: codes::YAML_SYNTAX,
    name: "yaml-syntax",
    severity: Severity::Error,
    summary: "the file is not valid YAML",
    check: Check::Builtin,
    source: include_str!("yaml_syntax.rs"),
};
