//! CD406 invalid-field-name: a capture name that is not a valid field name.
//!
//! A field name starts with an ASCII letter or `_` and continues with ASCII
//! letters, digits or `_`. The rule checks the names of `({name}...)` and
//! `(?<name>...)` captures in a parser's `fields`.
//!
//! Why: the parser engine cannot compile a regex with such a capture, and
//! rules and event types could not refer to the field.
//!
//! Example:
//!
//! ```yaml
//! fields:
//!   - 'from=({sender-address}\S+)'   # `-` is not allowed; use sender_address
//! ```

use super::invalid_field_regex::is_field_name_error;
use super::parser_errors;
use crate::diag::{Diagnostic, Severity, codes};
use crate::lint::{Check, Context, Rule};

/// Registry entry of `invalid-field-name`.
pub const RULE: Rule = Rule {
    code: codes::INVALID_FIELD_NAME,
    name: "invalid-field-name",
    severity: Severity::Error,
    summary: "a capture name that is not a valid field name",
    check: Check::Content(check),
    source: include_str!("invalid_field_name.rs"),
};

fn check(context: &Context) -> Vec<Diagnostic> {
    parser_errors::regex_errors(context)
        .into_iter()
        .filter(|(_, _, error)| is_field_name_error(error))
        .map(|(loaded, text, error)| {
            let message = format!("parser `{}`: {error}", loaded.parser.value.id.value);
            parser_errors::at_offset(
                context,
                codes::INVALID_FIELD_NAME,
                loaded,
                text,
                error.position(),
                message,
            )
            .with_help("rename the capture, for example with `_` in place of `-` or spaces")
        })
        .collect()
}
