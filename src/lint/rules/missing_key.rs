//! CD103 missing-key: a required key is absent.
//!
//! A definition without a key its kind requires, such as `name` or a
//! rule's `activity_type`.
//!
//! Why: the definition cannot be loaded without it, so it is left out of the
//! catalogue.
//!
//! Example:
//!
//! ```yaml
//! id: phishing
//! # name: is missing
//! ```
//!
//! Loading or resolution reports this code.

use crate::diag::{Severity, codes};
use crate::lint::{Check, Rule};

/// Registry entry of `missing-key`.
pub const RULE: Rule = Rule {
    code: codes::MISSING_KEY,
    name: "missing-key",
    severity: Severity::Error,
    summary: "a required key is absent",
    check: Check::Builtin,
    source: include_str!("missing_key.rs"),
};
