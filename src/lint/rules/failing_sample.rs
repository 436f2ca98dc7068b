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
//! The finding points at the `expect` entry of the first differing field
//! when the sample has one, and otherwise at the sample's `log`. Values in
//! the message are cut to 80 characters.
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

use std::path::Path;

use crate::diag::{Diagnostic, Position, Severity, codes};
use crate::engine::parser::ParserErrorKind;
use crate::lint::{Check, Context, Rule};
use crate::load::FileKind;
use crate::load::raw::{RawParser, RawSample};
use crate::samples::{ParserRun, SampleCheck};

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
    let command = test_command(&context.raw.root);
    let mut found = Vec::new();
    for (parser, loaded) in run.parsers.iter().zip(&context.raw.parsers) {
        let classification_unknown = claims_unloaded_event_type(context, &loaded.parser.value);
        for sample in parser.samples.iter().filter(|sample| !sample.passed()) {
            if sample
                .result
                .error
                .as_ref()
                .is_some_and(|e| is_definition_error(&e.kind))
            {
                continue;
            }
            // When an event type file failed to load, its own error is the
            // finding; a classification mismatch would only echo it.
            let Some(failure) = sample
                .failures
                .iter()
                .find(|failure| !(classification_unknown && failure.starts_with("event type:")))
            else {
                continue;
            };
            let raw_sample = &loaded.parser.value.samples[sample.number - 1];
            let message = format!("sample {} of parser `{}` fails: {failure}", sample.number, parser.id);
            let help = if raw_sample.expect.is_empty() {
                format!(
                    "run `{command} --update {}` to write the parsed fields into `expect`",
                    parser.id
                )
            } else {
                format!("run `{command} {}` for the field table", parser.id)
            };
            found.push(
                Diagnostic::error(codes::FAILING_SAMPLE, position(parser, sample, raw_sample), message).with_help(help),
            );
        }
    }
    found
}

/// Returns true when `parser` claims an event type whose file failed to load.
fn claims_unloaded_event_type(context: &Context, parser: &RawParser) -> bool {
    context
        .raw
        .unloaded
        .iter()
        .any(|(kind, id)| *kind == FileKind::EventType && parser.event_types.iter().any(|e| &e.value == id))
}

/// Returns the `contentdoc test` command for the content at `root`, with
/// `--content` when it is not the default folder.
fn test_command(root: &Path) -> String {
    if root == Path::new("content") {
        return "contentdoc test".to_owned();
    }
    let dir = root.display().to_string();
    if dir.contains(char::is_whitespace) {
        format!("contentdoc test --content '{dir}'")
    } else {
        format!("contentdoc test --content {dir}")
    }
}

/// Points at the `expect` value of the first differing field when the
/// failure reported first is that field, otherwise at the sample's `log`.
fn position(parser: &ParserRun, sample: &SampleCheck, raw_sample: &RawSample) -> Position {
    let result = &sample.result;
    let field_failure_first = result.conditions_match() && result.outranked_by().is_none() && result.error.is_none();
    let expected = result
        .field_mismatches
        .first()
        .filter(|_| field_failure_first)
        .and_then(|mismatch| raw_sample.expect.get(&mismatch.field));
    match expected {
        Some(value) => Position::of(&parser.file, &value.referenced),
        None => Position {
            file: parser.file.clone(),
            line: sample.line,
            column: sample.column,
        },
    }
}

fn is_definition_error(kind: &ParserErrorKind) -> bool {
    matches!(
        kind,
        ParserErrorKind::Regex(_) | ParserErrorKind::TimeFormat(_) | ParserErrorKind::Copy(_)
    )
}
