//! CD502 rule-without-technique: a rule mapped to no ATT&CK technique.
//!
//! Finds rules whose `attack` list is absent or empty.
//!
//! Why: the ATT&CK coverage pages are built from these mappings. An unmapped
//! rule is invisible there, and its detections cannot be triaged by tactic.
//!
//! Example:
//!
//! ```yaml
//! id: R-OUT-1
//! name: Outbound mail alert to a new domain
//! # no attack: list
//! ```

use crate::diag::{Diagnostic, Position, Severity, codes};
use crate::lint::{Check, Context, Rule};

/// Registry entry of `rule-without-technique`.
pub const RULE: Rule = Rule {
    code: codes::RULE_WITHOUT_TECHNIQUE,
    name: "rule-without-technique",
    severity: Severity::Warning,
    summary: "a rule mapped to no ATT&CK technique",
    check: Check::Content(check),
    source: include_str!("rule_without_technique.rs"),
};

fn check(context: &Context) -> Vec<Diagnostic> {
    context
        .raw
        .rules
        .iter()
        .filter(|rule| rule.value.attack.is_empty())
        .map(|rule| {
            Diagnostic::warning(
                codes::RULE_WITHOUT_TECHNIQUE,
                Position::of(&rule.file, &rule.value.id.referenced),
                format!("rule `{}` is mapped to no ATT&CK technique", rule.value.id.value),
            )
            .with_help("add `attack: [T1234]` with the techniques the rule detects")
        })
        .collect()
}
