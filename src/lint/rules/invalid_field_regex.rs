//! CD405 invalid-field-regex: a field regex that does not compile.
//!
//! Translates and compiles each entry of a parser's `fields` as the parser
//! engine does, and reports the regexes that the translator rejects or the
//! regex engine cannot compile. The column points at the character the
//! error is about when the regex is a plain or single-quoted string on one
//! line. Otherwise the finding points at the string and the message gives
//! the character offset.
//!
//! Why: a parser with a broken regex parses no line at all.
//!
//! Example:
//!
//! ```yaml
//! fields:
//!   - 'size=({bytes}\d{3,2})'   # the range 3,2 decreases
//! ```

use super::parser_errors;
use crate::diag::{Diagnostic, Severity, codes};
use crate::engine::compile::RegexError;
use crate::lint::{Check, Context, Rule};

/// Registry entry of `invalid-field-regex`.
pub const RULE: Rule = Rule {
    code: codes::INVALID_FIELD_REGEX,
    name: "invalid-field-regex",
    severity: Severity::Error,
    summary: "a field regex that does not compile",
    check: Check::Content(check),
    source: include_str!("invalid_field_regex.rs"),
};

fn check(context: &Context) -> Vec<Diagnostic> {
    parser_errors::regex_errors(context)
        .into_iter()
        .filter(|(_, _, error)| !is_field_name_error(error))
        .map(|(loaded, text, error)| {
            let message = format!("parser `{}`: {error}", loaded.parser.value.id.value);
            parser_errors::at_offset(
                context,
                codes::INVALID_FIELD_REGEX,
                loaded,
                text,
                error.position(),
                message,
            )
            .with_help("fix the regex; `contentdoc test PARSER` shows how it parses the samples")
        })
        .collect()
}

/// True for a capture name that is not a valid field name, which CD406
/// reports.
pub(super) fn is_field_name_error(error: &RegexError) -> bool {
    matches!(error, RegexError::Translate(translate) if translate.message.starts_with("invalid field name"))
}
