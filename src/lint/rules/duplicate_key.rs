//! CD105 duplicate-key: the same key twice in one mapping.
//!
//! A mapping that has one key twice.
//!
//! Why: YAML parsers keep only one of the values, so the other one is lost
//! without any reviewer seeing it.
//!
//! Example:
//!
//! ```yaml
//! id: phishing
//! name: Phishing
//! name: Phish
//! ```
//!
//! Loading or resolution reports this code.

use crate::diag::{Severity, codes};
use crate::lint::{Check, Rule};

/// Registry entry of `duplicate-key`.
pub const RULE: Rule = Rule {
    code: codes::DUPLICATE_KEY,
    name: "duplicate-key",
    severity: Severity::Error,
    summary: "the same key twice in one mapping",
    check: Check::Builtin,
    source: include_str!("duplicate_key.rs"),
};
