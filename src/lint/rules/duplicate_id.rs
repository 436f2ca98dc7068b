//! CD203 duplicate-id: two definitions of one kind share an id.
//!
//! Two definitions of the same kind with the same id.
//!
//! Why: references by that id become ambiguous, so only the first definition
//! is kept.
//!
//! Example:
//!
//! ```yaml
//! # rules/R-OUT-1.yaml and rules/R-OUT-1b.yaml both have
//! id: R-OUT-1
//! ```
//!
//! Loading or resolution reports this code.

use crate::diag::{Severity, codes};
use crate::lint::{Check, Rule};

/// Registry entry of `duplicate-id`.
pub const RULE: Rule = Rule {
    code: codes::DUPLICATE_ID,
    name: "duplicate-id",
    severity: Severity::Error,
    summary: "two definitions of one kind share an id",
    check: Check::Builtin,
    source: include_str!("duplicate_id.rs"),
};
