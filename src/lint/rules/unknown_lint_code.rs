//! CD110 unknown-lint-code: a code in the lint settings that no rule has.
//!
//! A code under `lint.levels` or in a `lint.suppressions` entry of
//! `contentdoc.yaml` that is not a lint code. The help names the nearest code.
//!
//! Why: a misspelt code silently changes nothing, so the level or suppression the
//! author meant never applies.
//!
//! Example:
//!
//! ```yaml
//! lint:
//!   levels:
//!     CD5O1: warning   # letter O instead of zero
//! ```
//!
//! Reading the `lint` settings reports this code.

use crate::diag::{Severity, codes};
use crate::lint::{Check, Rule};

/// Registry entry of `unknown-lint-code`.
pub const RULE: Rule = Rule {
    code: codes::UNKNOWN_LINT_CODE,
    name: "unknown-lint-code",
    severity: Severity::Error,
    summary: "a code in the lint settings that no rule has",
    check: Check::Builtin,
    source: include_str!("unknown_lint_code.rs"),
};
