//! CD303 outdated-technique: a revoked or deprecated ATT&CK technique.
//!
//! Checks each `attack` entry of a rule against the ATT&CK data in use. For
//! a revoked technique the help names the current technique that replaces
//! it, following ATT&CK's revoked-by relationships.
//!
//! Why: ATT&CK no longer shows revoked and deprecated techniques in its
//! matrix, so the rule's coverage is counted for a technique that readers
//! cannot find, and not for the one that replaced it.
//!
//! Example:
//!
//! ```yaml
//! attack: [T1086]   # PowerShell, revoked by T1059.001
//! ```

use crate::diag::{Diagnostic, Position, Severity, codes};
use crate::lint::{Check, Context, Rule};

use super::attack_entries::known_entries;

/// Registry entry of `outdated-technique`.
pub const RULE: Rule = Rule {
    code: codes::OUTDATED_TECHNIQUE,
    name: "outdated-technique",
    severity: Severity::Error,
    summary: "a revoked or deprecated ATT&CK technique",
    check: Check::Content(check),
    source: include_str!("outdated_technique.rs"),
};

fn check(context: &Context) -> Vec<Diagnostic> {
    let attack = &context.catalogue.attack;
    let mut found = Vec::new();
    for entry in known_entries(context).iter().flatten() {
        let technique = entry.technique;
        if !technique.revoked && !technique.deprecated {
            continue;
        }
        let state = if technique.revoked { "revoked" } else { "deprecated" };
        let replacement = technique
            .replaced_by
            .as_ref()
            .and_then(|_| attack.closest_technique_id(&technique.id))
            .and_then(|id| attack.technique(id));
        let help = match replacement {
            Some(current) => format!("replace it with `{} - {}`", current.id, current.name),
            None => {
                "ATT&CK records no replacement; map the rule to a current technique or remove the entry".to_string()
            }
        };
        found.push(
            Diagnostic::error(
                codes::OUTDATED_TECHNIQUE,
                Position::of(entry.file, &entry.text.referenced),
                format!(
                    "technique `{}` ({}) is {state} in ATT&CK {}",
                    technique.id,
                    technique.name,
                    attack.version()
                ),
            )
            .with_help(help),
        );
    }
    found
}
