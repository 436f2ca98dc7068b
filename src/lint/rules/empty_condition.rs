//! CD401 empty-condition: an empty parser condition.
//!
//! Finds entries of a parser's `conditions` that are empty or only
//! whitespace.
//!
//! Why: conditions are substrings a log line must contain for the parser to
//! apply. An empty one is true for every line, so it usually marks a
//! condition the author forgot to fill in.
//!
//! Example:
//!
//! ```yaml
//! conditions: ['ACME-MAIL', '']
//! ```

use crate::diag::{Diagnostic, Position, Severity, codes};
use crate::lint::{Check, Context, Rule};

/// Registry entry of `empty-condition`.
pub const RULE: Rule = Rule {
    code: codes::EMPTY_CONDITION,
    name: "empty-condition",
    severity: Severity::Error,
    summary: "an empty parser condition",
    check: Check::Content(check),
    source: include_str!("empty_condition.rs"),
};

fn check(context: &Context) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    for parser in &context.raw.parsers {
        let loaded = &parser.parser;
        for condition in loaded.value.conditions.iter().filter(|c| c.value.trim().is_empty()) {
            found.push(
                Diagnostic::error(
                    codes::EMPTY_CONDITION,
                    Position::of(&loaded.file, &condition.referenced),
                    format!("parser `{}` has an empty condition", loaded.value.id.value),
                )
                .with_help("write the text every line of this log must contain, or remove the entry"),
            );
        }
    }
    found
}
