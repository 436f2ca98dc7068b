//! CD409 overlapping-parsers: a sample that the conditions of another parser also match.
//!
//! For each sample, lists the other parsers whose conditions all occur in
//! the sample's log line. The parser with the most conditions reads such a
//! line, and the order of definition breaks ties, so the result depends on
//! parsers that may be edited apart.
//!
//! Why: two parsers that both apply to one line make the choice between
//! them fragile. Add a condition that only one of them meets.
//!
//! Example:
//!
//! ```yaml
//! # acme-mail.yaml
//! conditions: ['ACME-MAIL']
//! # acme-mail-out.yaml: also matches every acme-mail sample
//! conditions: ['ACME-MAIL']
//! ```

use crate::diag::{Diagnostic, Position, Severity, codes};
use crate::lint::{Check, Context, Rule};

/// Registry entry of `overlapping-parsers`.
pub const RULE: Rule = Rule {
    code: codes::OVERLAPPING_PARSERS,
    name: "overlapping-parsers",
    severity: Severity::Warning,
    summary: "a sample that the conditions of another parser also match",
    check: Check::Content(check),
    source: include_str!("overlapping_parsers.rs"),
};

fn check(context: &Context) -> Vec<Diagnostic> {
    let Some(run) = context.samples() else {
        return Vec::new();
    };
    let mut found = Vec::new();
    for parser in &run.parsers {
        for sample in parser.samples.iter().filter(|s| !s.result.other_parsers.is_empty()) {
            let others: Vec<String> = sample.result.other_parsers.iter().map(|id| format!("`{id}`")).collect();
            let position = Position {
                file: parser.file.clone(),
                line: sample.line,
                column: sample.column,
            };
            let message = format!(
                "the conditions of parser `{}` and of {} all match sample {}",
                parser.id,
                others.join(", "),
                sample.number
            );
            found.push(
                Diagnostic::warning(codes::OVERLAPPING_PARSERS, position, message)
                    .with_help("add a condition that only one of the parsers' logs contains"),
            );
        }
    }
    found
}
