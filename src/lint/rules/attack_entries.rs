//! The `attack` entries of every rule, shared by the ATT&CK rules.

use std::path::Path;

use crate::attack::Technique;
use crate::catalogue::technique_id_of;
use crate::lint::Context;
use crate::load::raw::Text;

/// One `attack` entry of a rule whose technique id is in the ATT&CK data.
pub struct AttackEntry<'a> {
    pub file: &'a Path,
    pub text: &'a Text,
    pub technique: &'a Technique,
    /// The name after ` - `, when the entry has one.
    pub written_name: Option<&'a str>,
}

/// Returns, per rule, the `attack` entries whose technique is known.
/// Unknown and malformed ids are CD301 findings and are left out.
pub fn known_entries<'a>(context: &'a Context) -> Vec<Vec<AttackEntry<'a>>> {
    let attack = &context.catalogue.attack;
    context
        .raw
        .rules
        .iter()
        .map(|rule| {
            rule.value
                .attack
                .iter()
                .filter_map(|text| {
                    let technique = attack.technique(technique_id_of(&text.value))?;
                    Some(AttackEntry {
                        file: rule.file.as_path(),
                        text,
                        technique,
                        written_name: text.value.split_once(" - ").map(|(_, name)| name.trim()),
                    })
                })
                .collect()
        })
        .collect()
}
