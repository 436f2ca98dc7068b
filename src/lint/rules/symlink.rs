//! CD108 symlink: a symbolic link in the content tree.
//!
//! A symbolic link anywhere in the content tree.
//!
//! Why: links are not followed, so that a tree cannot pull in files from outside
//! itself. What the link points at is not loaded.
//!
//! Example:
//!
//! ```yaml
//! rules/R-OUT-1.yaml -> ../../shared/R-OUT-1.yaml
//! ```
//!
//! Loading or resolution reports this code.

use crate::diag::{Severity, codes};
use crate::lint::{Check, Rule};

/// Registry entry of `symlink`.
pub const RULE: Rule = Rule {
    code: codes::SYMLINK,
    name: "symlink",
    severity: Severity::Warning,
    summary: "a symbolic link in the content tree",
    check: Check::Builtin,
    source: include_str!("symlink.rs"),
};
