//! CD402 event-type-without-sample: an event type a parser claims that none of its samples shows.
//!
//! For each entry of a parser's `event_types`, at least one of its
//! `samples` must have that `event_type`.
//!
//! Why: samples are the parser's tests. A claimed event type without one is
//! untested, yet coverage pages count the parser for it.
//!
//! Example:
//!
//! ```yaml
//! event_types: [mail-in, mail-out]
//! samples:
//!   - log: '... dir=out ...'
//!     event_type: mail-out
//! # no sample shows mail-in
//! ```

use crate::diag::{Diagnostic, Position, Severity, codes};
use crate::lint::{Check, Context, Rule};

/// Registry entry of `event-type-without-sample`.
pub const RULE: Rule = Rule {
    code: codes::EVENT_TYPE_WITHOUT_SAMPLE,
    name: "event-type-without-sample",
    severity: Severity::Error,
    summary: "an event type a parser claims that none of its samples shows",
    check: Check::Content(check),
    source: include_str!("event_type_without_sample.rs"),
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
        for claimed in &parser_value.event_types {
            let has_sample = parser_value.samples.iter().any(|s| s.event_type.value == claimed.value);
            if has_sample || !known(&claimed.value) {
                continue;
            }
            found.push(
                Diagnostic::error(
                    codes::EVENT_TYPE_WITHOUT_SAMPLE,
                    Position::of(&loaded.file, &claimed.referenced),
                    format!(
                        "parser `{}` claims event type `{}` but has no sample of it",
                        parser_value.id.value, claimed.value
                    ),
                )
                .with_help(format!(
                    "add a sample log line with `event_type: {}`, or remove the event type",
                    claimed.value
                )),
            );
        }
    }
    found
}
