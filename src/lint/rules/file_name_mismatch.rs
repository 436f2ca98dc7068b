//! CD202 file-name-mismatch: a file or folder name that differs from the id inside it.
//!
//! A definition whose file name (without `.yaml`) differs from its `id`. For
//! `vendor.yaml` and `product.yaml` the folder name must equal the id.
//!
//! Why: readers find definitions by id, so a file named after something else hides
//! the definition and makes renames half-done.
//!
//! Example:
//!
//! ```yaml
//! # file rules/R-OUT-1.yaml
//! id: R-OUT-2
//! ```
//!
//! Loading or resolution reports this code.

use crate::diag::{Severity, codes};
use crate::lint::{Check, Rule};

/// Registry entry of `file-name-mismatch`.
pub const RULE: Rule = Rule {
    code: codes::FILE_NAME_MISMATCH,
    name: "file-name-mismatch",
    severity: Severity::Error,
    summary: "a file or folder name that differs from the id inside it",
    check: Check::Builtin,
    source: include_str!("file_name_mismatch.rs"),
};
