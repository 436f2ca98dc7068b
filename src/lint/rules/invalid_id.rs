//! CD201 invalid-id: an id that does not follow the id syntax.
//!
//! An id with characters outside the allowed set. Vendor, product, parser,
//! category, use case, activity type and event type ids are lowercase slugs
//! (`a-z`, `0-9`, `.`, `_`, `-`). Rule and model ids may also use upper case.
//!
//! Why: ids become file names and page paths, and are typed in references. A
//! space, slash or upper-case letter in a slug breaks links or matching.
//!
//! Example:
//!
//! ```yaml
//! id: Phishing Mail
//! ```
//!
//! Loading or resolution reports this code.

use crate::diag::{Severity, codes};
use crate::lint::{Check, Rule};

/// Registry entry of `invalid-id`.
pub const RULE: Rule = Rule {
    code: codes::INVALID_ID,
    name: "invalid-id",
    severity: Severity::Error,
    summary: "an id that does not follow the id syntax",
    check: Check::Builtin,
    source: include_str!("invalid_id.rs"),
};
