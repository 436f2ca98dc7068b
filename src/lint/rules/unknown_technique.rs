//! CD301 unknown-technique: a malformed ATT&CK technique id, or one not in the ATT&CK data.
//!
//! An `attack` entry of a rule whose id is not of the form `T1234` or
//! `T1234.001`, or is not in the ATT&CK data in use. A tactic id such as
//! `TA0010` is reported with the tactic's name, because rules map to
//! techniques rather than tactics.
//!
//! Why: the technique is dropped from the rule, so ATT&CK coverage is wrong.
//!
//! Example:
//!
//! ```yaml
//! attack: [T1566.01]
//! ```
//!
//! Loading or resolution reports this code.

use crate::diag::{Severity, codes};
use crate::lint::{Check, Rule};

/// Registry entry of `unknown-technique`.
pub const RULE: Rule = Rule {
    code: codes::UNKNOWN_TECHNIQUE,
    name: "unknown-technique",
    severity: Severity::Error,
    summary: "a malformed ATT&CK technique id, or one not in the ATT&CK data",
    check: Check::Builtin,
    source: include_str!("unknown_technique.rs"),
};
