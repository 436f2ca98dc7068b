//! Failure messages of samples and parsers, in plain words.

use crate::engine::parser::{ItemKind, ParserError, ParserErrorKind};
use crate::engine::sample::{MismatchKind, SampleResult};
use crate::load::raw::{RawParser, RawSample};

use super::ParserProblem;

/// Lists why a sample failed, most important first.
pub(super) fn sample_failures(parser: &RawParser, sample: &RawSample, result: &SampleResult) -> Vec<String> {
    let mut failures = Vec::new();
    if sample.expect.is_empty() {
        failures.push("the sample has no `expect` fields".to_owned());
    }
    if !result.conditions_match() {
        let missing: Vec<String> = result.missing_conditions.iter().map(|c| format!("{c:?}")).collect();
        failures.push(format!("conditions missing from the log: {}", missing.join(", ")));
    }
    if let Some(selected) = result.outranked_by() {
        failures.push(format!("parser `{selected}` is chosen for this line instead"));
    }
    if let Some(error) = &result.error {
        failures.push(describe_error(parser, error));
    }
    if !sample.expect.is_empty() {
        failures.extend(result.field_mismatches.first().map(describe_first_field));
        if result.field_mismatches.len() > 1 {
            failures.push(format!("{} more field(s) differ", result.field_mismatches.len() - 1));
        }
    }
    if let Some(time) = &result.time_mismatch {
        failures.push(format!("time: expected {}, parsed {}", time.expected, time.actual));
    }
    if let Some(event_type) = &result.event_type_mismatch {
        failures.push(format!(
            "event type: expected `{}`, classified as {}",
            event_type.expected, event_type.actual
        ));
    }
    failures
}

/// Describes a parse error, quoting the regex that a search failed on.
fn describe_error(parser: &RawParser, error: &ParserError) -> String {
    let regex = parser.fields.get(error.item.number.wrapping_sub(1));
    match (&error.kind, error.item.kind, regex) {
        (ParserErrorKind::Match(_), ItemKind::FieldRegex, Some(regex)) => format!("{error}: {:?}", regex.value),
        _ => error.to_string(),
    }
}

/// Maximum length, in characters, of a value that a failure message quotes in full.
/// The field table of `contentdoc test` shows the whole value.
const MAX_QUOTED_CHARS: usize = 80;

/// Describes the first differing field, with long values cut short.
fn describe_first_field(mismatch: &crate::engine::sample::FieldMismatch) -> String {
    let field = &mismatch.field;
    let expected = shorten(mismatch.expected.as_deref().unwrap_or_default());
    let actual = shorten(mismatch.actual.as_deref().unwrap_or_default());
    match mismatch.kind() {
        MismatchKind::Missing => format!("field `{field}`: expected {expected:?}, but the parse has no such field"),
        MismatchKind::Unexpected => format!("field `{field}`: parsed {actual:?}, but the sample does not expect it"),
        MismatchKind::Different => format!("field `{field}`: expected {expected:?}, parsed {actual:?}"),
    }
}

/// Returns `value`, or its first characters followed by `…` when it is
/// longer than [`MAX_QUOTED_CHARS`].
fn shorten(value: &str) -> String {
    if value.chars().count() <= MAX_QUOTED_CHARS {
        return value.to_owned();
    }
    let mut short: String = value.chars().take(MAX_QUOTED_CHARS - 1).collect();
    short.push('…');
    short
}

/// Lists the failures of a parser as a whole: no samples, and claimed
/// event types that no sample shows.
pub(super) fn parser_problems(parser: &RawParser) -> Vec<ParserProblem> {
    if parser.samples.is_empty() {
        return vec![ParserProblem {
            line: parser.id.referenced.line(),
            column: parser.id.referenced.column(),
            message: "the parser has no samples".to_owned(),
        }];
    }
    parser
        .event_types
        .iter()
        .filter(|claimed| !parser.samples.iter().any(|s| s.event_type.value == claimed.value))
        .map(|claimed| ParserProblem {
            line: claimed.referenced.line(),
            column: claimed.referenced.column(),
            message: format!(
                "the parser claims event type `{}`, but no sample shows it",
                claimed.value
            ),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shorten_cuts_long_values() {
        assert_eq!(shorten(&"a".repeat(80)), "a".repeat(80));
        assert_eq!(shorten(&"é".repeat(81)), format!("{}…", "é".repeat(79)));
    }
}
