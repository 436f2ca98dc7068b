//! CD204 dangling-reference: a reference to an id that does not exist.
//!
//! A reference to a vendor, product, category, use case, activity type,
//! event type or model id that no definition has, including the vendor and
//! product folders a product or parser sits in. The help names the nearest
//! existing id.
//!
//! Why: the reference is dropped, so coverage pages miss the link the author
//! meant to make.
//!
//! Example:
//!
//! ```yaml
//! use_cases: [phising]   # the use case is `phishing`
//! ```
//!
//! Loading or resolution reports this code.

use crate::diag::{Severity, codes};
use crate::lint::{Check, Rule};

/// Registry entry of `dangling-reference`.
pub const RULE: Rule = Rule {
    code: codes::DANGLING_REFERENCE,
    name: "dangling-reference",
    severity: Severity::Error,
    summary: "a reference to an id that does not exist",
    check: Check::Builtin,
    source: include_str!("dangling_reference.rs"),
};
