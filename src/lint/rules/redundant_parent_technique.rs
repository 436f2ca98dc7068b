//! CD305 redundant-parent-technique: a technique listed on a rule together with one of its sub-techniques.
//!
//! Finds `attack` entries of a rule that name a technique when the same
//! rule also names one of its sub-techniques.
//!
//! Why: the sub-technique already places the rule under its parent in the
//! ATT&CK matrix. Listing both counts the rule as covering the whole parent
//! technique, which a rule for one sub-technique rarely does.
//!
//! Example:
//!
//! ```yaml
//! attack: [T1566, T1566.001]   # drop T1566
//! ```

use crate::diag::{Diagnostic, Position, Severity, codes};
use crate::lint::{Check, Context, Rule};

use super::attack_entries::known_entries;

/// Registry entry of `redundant-parent-technique`.
pub const RULE: Rule = Rule {
    code: codes::REDUNDANT_PARENT_TECHNIQUE,
    name: "redundant-parent-technique",
    severity: Severity::Warning,
    summary: "a technique listed on a rule together with one of its sub-techniques",
    check: Check::Content(check),
    source: include_str!("redundant_parent_technique.rs"),
};

fn check(context: &Context) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    for entries in known_entries(context) {
        for entry in &entries {
            let parent_id = &entry.technique.id;
            let child = entries
                .iter()
                .find(|other| other.technique.parent.as_ref() == Some(parent_id));
            let Some(child) = child else { continue };
            found.push(
                Diagnostic::warning(
                    codes::REDUNDANT_PARENT_TECHNIQUE,
                    Position::of(entry.file, &entry.text.referenced),
                    format!(
                        "technique `{parent_id}` is listed together with its sub-technique `{}`",
                        child.technique.id
                    ),
                )
                .with_help(format!(
                    "remove `{parent_id}`; `{}` already places the rule under it",
                    child.technique.id
                )),
            );
        }
    }
    found
}
