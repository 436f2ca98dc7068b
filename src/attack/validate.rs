//! Consistency checks that every source of ATT&CK data passes before lookups use it.

use std::collections::BTreeMap;
use std::path::Path;

use super::{AttackData, AttackError, Tactic, Technique, is_well_formed_technique_id};

impl AttackData {
    /// Checks the parts read from `path` and assembles them.
    ///
    /// Tactics must be non-empty with unique shortnames. Technique ids must be well formed
    /// and unique, and each technique may name only known tactics. A technique has a parent
    /// exactly when its id has a sub-technique part, and that parent is the id's prefix and
    /// exists. A replacement must exist. Each technique's tactics are put in matrix order.
    pub(super) fn from_parts(
        version: String,
        tactics: Vec<Tactic>,
        techniques: Vec<Technique>,
        path: &Path,
    ) -> Result<AttackData, AttackError> {
        if version.trim().is_empty() {
            return Err(AttackError::missing(path, "ATT&CK version"));
        }
        if tactics.is_empty() {
            return Err(AttackError::NoTactics { path: path.to_owned() });
        }
        for (index, tactic) in tactics.iter().enumerate() {
            if tactics[..index].iter().any(|t| t.shortname == tactic.shortname) {
                let problem = format!("tactic shortname {} appears twice", tactic.shortname);
                return Err(AttackError::invalid(path, problem));
            }
        }

        let mut by_id = BTreeMap::new();
        for mut technique in techniques {
            sort_by_matrix_order(&mut technique, &tactics, path)?;
            if !is_well_formed_technique_id(&technique.id) {
                let problem = format!("technique id {:?} is not of the form T1234 or T1234.001", technique.id);
                return Err(AttackError::invalid(path, problem));
            }
            if let Some(previous) = by_id.insert(technique.id.clone(), technique) {
                let problem = format!("technique id {} appears twice", previous.id);
                return Err(AttackError::invalid(path, problem));
            }
        }

        for technique in by_id.values() {
            check_references(technique, &by_id, path)?;
        }

        Ok(AttackData {
            version,
            tactics,
            techniques: by_id,
        })
    }
}

fn sort_by_matrix_order(technique: &mut Technique, tactics: &[Tactic], path: &Path) -> Result<(), AttackError> {
    let mut positions = Vec::with_capacity(technique.tactics.len());
    for shortname in &technique.tactics {
        let Some(position) = tactics.iter().position(|t| &t.shortname == shortname) else {
            let problem = format!("technique {} names unknown tactic {shortname}", technique.id);
            return Err(AttackError::invalid(path, problem));
        };
        positions.push(position);
    }

    positions.sort_unstable();
    positions.dedup();
    technique.tactics = positions
        .into_iter()
        .map(|position| tactics[position].shortname.clone())
        .collect();
    Ok(())
}

fn check_references(
    technique: &Technique,
    by_id: &BTreeMap<String, Technique>,
    path: &Path,
) -> Result<(), AttackError> {
    let id = &technique.id;
    let prefix = id.split_once('.').map(|(prefix, _)| prefix);

    match (technique.parent.as_deref(), prefix) {
        (None, None) => {}
        (None, Some(prefix)) => {
            let problem = format!("sub-technique {id} has no parent, expected {prefix}");
            return Err(AttackError::invalid(path, problem));
        }
        (Some(parent), None) => {
            let problem = format!("technique {id} has parent {parent} but its id has no sub-technique part");
            return Err(AttackError::invalid(path, problem));
        }
        (Some(parent), Some(prefix)) if parent != prefix => {
            let problem = format!("sub-technique {id} has parent {parent}, expected {prefix}");
            return Err(AttackError::invalid(path, problem));
        }
        (Some(parent), Some(_)) if !by_id.contains_key(parent) => {
            let problem = format!("sub-technique {id} has parent {parent}, which is not in the data");
            return Err(AttackError::invalid(path, problem));
        }
        (Some(_), Some(_)) => {}
    }

    if let Some(replacement) = technique.replaced_by.as_deref()
        && !by_id.contains_key(replacement)
    {
        let problem = format!("technique {id} is replaced by {replacement}, which is not in the data");
        return Err(AttackError::invalid(path, problem));
    }
    Ok(())
}
