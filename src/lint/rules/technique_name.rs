//! CD304 technique-name: a technique name written in content that differs from ATT&CK's.
//!
//! An `attack` entry may be written `T1048 - Name`. The name must be the
//! technique's name in the ATT&CK data in use. For a sub-technique both the
//! plain name and `Parent: Sub` (the form attack.mitre.org shows) are
//! accepted.
//!
//! Why: the name is what reviewers read, and a wrong one hides a wrong id, such
//! as `T1048 - Phishing` where `T1566` was meant.
//!
//! Example:
//!
//! ```yaml
//! attack: ['T1048 - Exfiltration Over Web Service']   # T1048 is Exfiltration Over Alternative Protocol
//! ```

use crate::diag::{Diagnostic, Position, Severity, codes};
use crate::lint::{Check, Context, Rule};

use super::attack_entries::known_entries;

/// Registry entry of `technique-name`.
pub const RULE: Rule = Rule {
    code: codes::TECHNIQUE_NAME,
    name: "technique-name",
    severity: Severity::Warning,
    summary: "a technique name written in content that differs from ATT&CK's",
    check: Check::Content(check),
    source: include_str!("technique_name.rs"),
};

fn check(context: &Context) -> Vec<Diagnostic> {
    let attack = &context.catalogue.attack;
    let mut found = Vec::new();
    for entry in known_entries(context).iter().flatten() {
        let Some(written) = entry.written_name else { continue };
        let technique = entry.technique;
        let parent_name = technique
            .parent
            .as_deref()
            .and_then(|id| attack.technique(id))
            .map(|p| &p.name);
        let long_name = parent_name.map(|parent| format!("{parent}: {}", technique.name));
        if written == technique.name || long_name.as_deref() == Some(written) {
            continue;
        }
        found.push(
            Diagnostic::warning(
                codes::TECHNIQUE_NAME,
                Position::of(entry.file, &entry.text.referenced),
                format!(
                    "technique `{}` is named `{}` in ATT&CK {}, not `{written}`",
                    technique.id,
                    technique.name,
                    attack.version()
                ),
            )
            .with_help(format!(
                "write `{} - {}`, or check that `{}` is the technique you meant",
                technique.id, technique.name, technique.id
            )),
        );
    }
    found
}
