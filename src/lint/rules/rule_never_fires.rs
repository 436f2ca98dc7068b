//! CD501 rule-never-fires: a rule whose event types no parser produces, so it can never fire.
//!
//! A rule consumes events of its `event_types`. When no parser claims any of
//! them, or the rule lists none, no event ever reaches the rule. Event types
//! that do not exist are reported as CD204 instead.
//!
//! Why: the catalogue would list a detection that cannot detect anything,
//! and coverage would count it for no data source.
//!
//! Example:
//!
//! ```yaml
//! event_types: [dns-query]   # no parser claims dns-query
//! ```

use crate::diag::{Diagnostic, Position, Severity, codes};
use crate::lint::{Check, Context, Rule};

/// Registry entry of `rule-never-fires`.
pub const RULE: Rule = Rule {
    code: codes::RULE_NEVER_FIRES,
    name: "rule-never-fires",
    severity: Severity::Warning,
    summary: "a rule whose event types no parser produces, so it can never fire",
    check: Check::Content(check),
    source: include_str!("rule_never_fires.rs"),
};

fn check(context: &Context) -> Vec<Diagnostic> {
    let event_types = &context.catalogue.event_types;
    let produced = |id: &str| match event_types.binary_search_by(|e| e.id.as_str().cmp(id)) {
        Ok(index) => Some(!event_types[index].parsers.is_empty()),
        Err(_) => None,
    };
    let mut found = Vec::new();
    for rule in &context.raw.rules {
        let value = &rule.value;
        let states: Vec<Option<bool>> = value.event_types.iter().map(|e| produced(&e.value)).collect();
        let (position, message, help) = match value.event_types.first() {
            None => (
                Position::of(&rule.file, &value.id.referenced),
                format!("rule `{}` lists no event types, so it can never fire", value.id.value),
                "list the event types the rule consumes under `event_types`",
            ),
            Some(first) if states.iter().all(|s| *s == Some(false)) => (
                Position::of(&rule.file, &first.referenced),
                format!(
                    "rule `{}` can never fire: no parser produces its event types",
                    value.id.value
                ),
                "add a parser that claims one of these event types, or list an event type a parser produces",
            ),
            Some(_) => continue,
        };
        found.push(Diagnostic::warning(codes::RULE_NEVER_FIRES, position, message).with_help(help));
    }
    found
}
