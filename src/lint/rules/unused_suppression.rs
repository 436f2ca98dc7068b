//! CD112 unused-suppression: a suppression that matches no finding.
//!
//! An entry of `lint.suppressions` whose code and entity match no finding:
//! the entity id is misspelt, or the finding was fixed.
//!
//! Why: a stale suppression would silently hide the finding if it came back.
//!
//! Example:
//!
//! ```yaml
//! lint:
//!   suppressions:
//!     - code: CD502
//!       entity: R-OUT-9   # no such rule
//!       reason: mapped later
//! ```
//!
//! Reading the `lint` settings reports this code.

use crate::diag::{Severity, codes};
use crate::lint::{Check, Rule};

/// Registry entry of `unused-suppression`.
pub const RULE: Rule = Rule {
    code: codes::UNUSED_SUPPRESSION,
    name: "unused-suppression",
    severity: Severity::Warning,
    summary: "a suppression that matches no finding",
    check: Check::Builtin,
    source: include_str!("unused_suppression.rs"),
};
