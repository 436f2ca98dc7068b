//! CD403 unclaimed-sample-event-type: a sample whose event type the parser does not claim.
//!
//! Each sample's `event_type` must be one of the parser's `event_types`.
//! A sample event type that is not defined at all is reported as CD204.
//!
//! Why: the parser produces that event type for real logs, but coverage
//! pages do not know it, so rules on it look as if no data reaches them.
//!
//! Example:
//!
//! ```yaml
//! event_types: [mail-out]
//! samples:
//!   - log: '... dir=in ...'
//!     event_type: mail-in   # not in event_types
//! ```

use crate::diag::{Diagnostic, Position, Severity, codes};
use crate::lint::{Check, Context, Rule};

/// Registry entry of `unclaimed-sample-event-type`.
pub const RULE: Rule = Rule {
    code: codes::UNCLAIMED_SAMPLE_EVENT_TYPE,
    name: "unclaimed-sample-event-type",
    severity: Severity::Error,
    summary: "a sample whose event type the parser does not claim",
    check: Check::Content(check),
    source: include_str!("unclaimed_sample_event_type.rs"),
};

fn check(context: &Context) -> Vec<Diagnostic> {
    let known = |id: &str| {
        context
            .catalogue
            .event_types
            .binary_search_by(|e| e.id.as_str().cmp(id))
            .is_ok()
    };
    let mut found = Vec::new();
    for parser in &context.raw.parsers {
        let loaded = &parser.parser;
        let parser_value = &loaded.value;
        for sample in &parser_value.samples {
            let event_type = &sample.event_type;
            let claimed = parser_value.event_types.iter().any(|e| e.value == event_type.value);
            if claimed || !known(&event_type.value) {
                continue;
            }
            found.push(
                Diagnostic::error(
                    codes::UNCLAIMED_SAMPLE_EVENT_TYPE,
                    Position::of(&loaded.file, &event_type.referenced),
                    format!(
                        "sample event type `{}` is not among the event types of parser `{}`",
                        event_type.value, parser_value.id.value
                    ),
                )
                .with_help(format!(
                    "add `{}` to the parser's `event_types`, or correct the sample's event type",
                    event_type.value
                )),
            );
        }
    }
    found
}
