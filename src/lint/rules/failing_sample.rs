//! CD408 failing-sample: a sample whose parse differs from its expectations.
//!
//! Runs the checks of `contentdoc test` on each sample:
//!
//! - the parser's conditions occur in the log line, and no other parser is
//!   chosen for it;
//! - the line parses, and the fields equal `expect`;
//! - the time and event type equal `time` and `event_type`.
//!
//! A sample without `expect` fields fails too. Samples of a parser whose regexes or time format do not compile
//! are left to CD405, CD406 and CD407.
//!
//! Why: samples are the parser's tests, and the parser page shows their
//! result. A failing sample means the parser or the expectation is wrong.
//!
//! Example:
//!
//! ```yaml
//! samples:
//!   - log: 'ACME-MAIL from=alice@example.com'
//!     event_type: mail-out
//!     expect: {sender: bob@example.com}   # the parse gives alice@example.com
//! ```

use crate::diag::{Diagnostic, Position, Severity, codes};
use crate::engine::parser::ParserErrorKind;
use crate::lint::{Check, Context, Rule};

/// Registry entry of `failing-sample`.
pub const RULE: Rule = Rule {
    code: codes::FAILING_SAMPLE,
    name: "failing-sample",
    severity: Severity::Error,
    summary: "a sample whose parse differs from its expectations",
    check: Check::Content(check),
    source: include_str!("failing_sample.rs"),
};

fn check(context: &Context) -> Vec<Diagnostic> {
    let Some(run) = context.samples() else {
        return Vec::new();
    };
    let mut found = Vec::new();
    for parser in &run.parsers {
        for sample in parser.samples.iter().filter(|sample| !sample.passed()) {
            if sample
                .result
                .error
                .as_ref()
                .is_some_and(|e| is_definition_error(&e.kind))
            {
                continue;
            }
            let position = Position {
                file: parser.file.clone(),
                line: sample.line,
                column: sample.column,
            };
            let message = format!(
                "sample {} of parser `{}` fails: {}",
                sample.number, parser.id, sample.failures[0]
            );
            found.push(
                Diagnostic::error(codes::FAILING_SAMPLE, position, message)
                    .with_help(format!("run `contentdoc test {}` for the field table", parser.id)),
            );
        }
    }
    found
}

fn is_definition_error(kind: &ParserErrorKind) -> bool {
    matches!(
        kind,
        ParserErrorKind::Regex(_) | ParserErrorKind::TimeFormat(_) | ParserErrorKind::Copy(_)
    )
}
