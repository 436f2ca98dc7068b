//! CD111 suppression-without-reason: a suppression without a reason.
//!
//! An entry of `lint.suppressions` with no `reason`, or an empty one. Such an
//! entry suppresses nothing.
//!
//! Why: a suppression hides a finding from every later reviewer. The reason is
//! what tells them why that is acceptable.
//!
//! Example:
//!
//! ```yaml
//! lint:
//!   suppressions:
//!     - code: CD502
//!       entity: R-OUT-1
//! ```
//!
//! Reading the `lint` settings reports this code.

use crate::diag::{Severity, codes};
use crate::lint::{Check, Rule};

/// Registry entry of `suppression-without-reason`.
pub const RULE: Rule = Rule {
    code: codes::SUPPRESSION_WITHOUT_REASON,
    name: "suppression-without-reason",
    severity: Severity::Error,
    summary: "a suppression without a reason",
    check: Check::Builtin,
    source: include_str!("suppression_without_reason.rs"),
};
