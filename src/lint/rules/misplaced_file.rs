//! CD107 misplaced-file: a YAML file outside the content layout.
//!
//! A `.yaml` or `.yml` file in a folder where no kind of content lives, or a
//! content file ending in `.yml`.
//!
//! Why: the file is not loaded, so its definition is silently missing from the
//! catalogue.
//!
//! Example:
//!
//! ```yaml
//! rules/email/R-OUT-1.yaml   # rules live directly under rules/
//! ```
//!
//! Loading or resolution reports this code.

use crate::diag::{Severity, codes};
use crate::lint::{Check, Rule};

/// Registry entry of `misplaced-file`.
pub const RULE: Rule = Rule {
    code: codes::MISPLACED_FILE,
    name: "misplaced-file",
    severity: Severity::Error,
    summary: "a YAML file outside the content layout",
    check: Check::Builtin,
    source: include_str!("misplaced_file.rs"),
};
