//! CD102 unknown-key: a key that this kind of file does not have.
//!
//! A key that the schema of the file's kind does not define. The help names
//! the nearest valid key.
//!
//! Why: a misspelt optional key is otherwise silently ignored: `descriptoin:`
//! would leave the description empty on every page.
//!
//! Example:
//!
//! ```yaml
//! id: phishing
//! name: Phishing
//! descriptoin: Deceptive email.
//! ```
//!
//! Loading or resolution reports this code.

use crate::diag::{Severity, codes};
use crate::lint::{Check, Rule};

/// Registry entry of `unknown-key`.
pub const RULE: Rule = Rule {
    code: codes::UNKNOWN_KEY,
    name: "unknown-key",
    severity: Severity::Error,
    summary: "a key that this kind of file does not have",
    check: Check::Builtin,
    source: include_str!("unknown_key.rs"),
};
