//! CD104 wrong-type: a value has the wrong type or is not one of the allowed values.
//!
//! A value of the wrong shape (a list where text is expected, text where a
//! list or a whole number is expected, as in `score: high`) or a value
//! outside a fixed set, such as a model `scope` other than `user`,
//! `peer-group` or `organization`. The message names the key when the line
//! shows it and points at the value.
//!
//! Why: the definition cannot be loaded, so it is left out of the catalogue.
//!
//! Example:
//!
//! ```yaml
//! id: M-VOL
//! name: Volume sent per user
//! scope: users
//! ```
//!
//! Loading or resolution reports this code.

use crate::diag::{Severity, codes};
use crate::lint::{Check, Rule};

/// Registry entry of `wrong-type`.
pub const RULE: Rule = Rule {
    code: codes::WRONG_TYPE,
    name: "wrong-type",
    severity: Severity::Error,
    summary: "a value has the wrong type or is not one of the allowed values",
    check: Check::Builtin,
    source: include_str!("wrong_type.rs"),
};
