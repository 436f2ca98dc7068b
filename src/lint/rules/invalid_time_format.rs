//! CD407 invalid-time-format: a time format that cannot be parsed.
//!
//! Compiles each parser's `time_format` as the parser engine does. The
//! column points at the offending character when the format is a plain or
//! single-quoted string on one line. The rule also checks
//! `time.default_zone` in `contentdoc.yaml`, which must be an offset such
//! as `+01:00` or `Z`.
//!
//! Why: without a valid format no parsed event gets a time.
//!
//! Example:
//!
//! ```yaml
//! time_format: YYYY-MM-dd'T'HH:mm:ss   # Y is the week year; use yyyy
//! ```

use super::parser_errors;
use crate::diag::{Diagnostic, Severity, codes};
use crate::engine::parser::ParserErrorKind;
use crate::lint::{Check, Context, Rule};
use crate::samples::TimeSettings;

/// Registry entry of `invalid-time-format`.
pub const RULE: Rule = Rule {
    code: codes::INVALID_TIME_FORMAT,
    name: "invalid-time-format",
    severity: Severity::Error,
    summary: "a time format or default time zone that cannot be parsed",
    check: Check::Content(check),
    source: include_str!("invalid_time_format.rs"),
};

fn check(context: &Context) -> Vec<Diagnostic> {
    let mut found: Vec<Diagnostic> = TimeSettings::from_content(context.raw).1.into_iter().collect();
    for (loaded, errors) in parser_errors::each(context) {
        let Some(text) = &loaded.parser.value.time_format else {
            continue;
        };
        for error in errors {
            if let ParserErrorKind::TimeFormat(format_error) = &error.kind {
                let message = format!("parser `{}`: {format_error}", loaded.parser.value.id.value);
                let offset = Some(format_error.position);
                found.push(
                    parser_errors::at_offset(context, codes::INVALID_TIME_FORMAT, loaded, text, offset, message)
                        .with_help(
                            "use the pattern letters of java.text.SimpleDateFormat, and quote literal text as in 'T'",
                        ),
                );
            }
        }
    }
    found
}
