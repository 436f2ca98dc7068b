//! Matching entities of two exports by id, finding renames, and listing
//! changed fields.
//!
//! A rename is an entity removed from the old side and one added on the new
//! side whose authored fields other than the id are at least
//! [`RENAME_THRESHOLD`] alike: the share of fields (union of both sides) with
//! equal values. Candidates are paired best first; ties go to the smaller
//! old id, then the smaller new id. Before comparing, references in old
//! entities are rewritten through the renames already found, so a rule that
//! follows a renamed model is not reported as changed.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Map, Value};

use super::{Change, EntityRef, FieldChange, KindChanges, Rename};
use crate::interop::export::EntityKind;

/// Smallest share of equal fields for a removed and an added entity to count as a rename.
pub const RENAME_THRESHOLD: f64 = 0.75;

/// Old id → new id of the renamed entities of each kind.
pub type Renames = BTreeMap<EntityKind, BTreeMap<String, String>>;

/// Kinds in an order where every kind comes after the kinds it references,
/// so that their renames are known when its references are rewritten.
const REFERENCE_ORDER: [EntityKind; 9] = [
    EntityKind::Vendor,
    EntityKind::Category,
    EntityKind::UseCase,
    EntityKind::ActivityType,
    EntityKind::EventType,
    EntityKind::Model,
    EntityKind::Product,
    EntityKind::Parser,
    EntityKind::Rule,
];

type Fields = Map<String, Value>;

/// Compares every kind. Returns the changes in [`EntityKind::ALL`] order and the renames.
pub fn diff_entities(old: &Value, new: &Value) -> (Vec<KindChanges>, Renames) {
    let mut renames = Renames::new();
    let mut by_kind = BTreeMap::new();
    for kind in REFERENCE_ORDER {
        let changes = diff_kind(kind, old, new, &mut renames);
        by_kind.insert(kind, changes);
    }
    let kinds = EntityKind::ALL.iter().filter_map(|kind| by_kind.remove(kind)).collect();
    (kinds, renames)
}

fn diff_kind(kind: EntityKind, old: &Value, new: &Value, renames: &mut Renames) -> KindChanges {
    let mut old_entities = authored_entities(kind, old);
    for fields in old_entities.values_mut() {
        rewrite_references(kind, fields, renames);
    }
    let new_entities = authored_entities(kind, new);

    let removed: Vec<&String> = old_entities
        .keys()
        .filter(|id| !new_entities.contains_key(*id))
        .collect();
    let added: Vec<&String> = new_entities
        .keys()
        .filter(|id| !old_entities.contains_key(*id))
        .collect();
    let pairs = pair_renames(&removed, &added, &old_entities, &new_entities);
    let renamed_from: BTreeSet<&String> = pairs.iter().map(|(from, _, _)| *from).collect();
    let renamed_to: BTreeSet<&String> = pairs.iter().map(|(_, to, _)| *to).collect();

    let changes = KindChanges {
        kind: kind.key().to_string(),
        added: refs(added.iter().filter(|id| !renamed_to.contains(*id)), &new_entities),
        removed: refs(removed.iter().filter(|id| !renamed_from.contains(*id)), &old_entities),
        renamed: pairs
            .iter()
            .map(|&(from, to, similarity)| Rename {
                from: from.clone(),
                to: to.clone(),
                similarity,
                changes: field_changes(kind, &old_entities[from], &new_entities[to]),
            })
            .collect(),
        changed: old_entities
            .iter()
            .filter_map(|(id, fields)| {
                let changes = field_changes(kind, fields, new_entities.get(id)?);
                (!changes.is_empty()).then(|| Change {
                    id: id.clone(),
                    changes,
                })
            })
            .collect(),
    };
    let kind_renames = renames.entry(kind).or_default();
    for (from, to, _) in pairs {
        kind_renames.insert(from.clone(), to.clone());
    }
    changes
}

/// Returns the entities of `kind` by id, each without its id and derived fields.
fn authored_entities(kind: EntityKind, export: &Value) -> BTreeMap<String, Fields> {
    let list = export.get(kind.key()).and_then(Value::as_array);
    list.into_iter()
        .flatten()
        .filter_map(|entity| {
            let mut fields = entity.as_object()?.clone();
            let id = fields.remove("id")?.as_str()?.to_string();
            for derived in kind.derived_fields() {
                fields.remove(*derived);
            }
            Some((id, fields))
        })
        .collect()
}

fn rewrite_references(kind: EntityKind, fields: &mut Fields, renames: &Renames) {
    for (field, target) in kind.references() {
        let Some(map) = renames.get(target) else {
            continue;
        };
        let rename = |value: &mut Value| {
            if let Some(new_id) = value.as_str().and_then(|id| map.get(id)) {
                *value = Value::String(new_id.clone());
            }
        };
        match fields.get_mut(*field) {
            Some(Value::Array(items)) => {
                items.iter_mut().for_each(rename);
                items.sort_by(|a, b| a.as_str().cmp(&b.as_str()));
            }
            Some(value) => rename(value),
            None => {}
        }
    }
}

fn pair_renames<'a>(
    removed: &[&'a String],
    added: &[&'a String],
    old: &BTreeMap<String, Fields>,
    new: &BTreeMap<String, Fields>,
) -> Vec<(&'a String, &'a String, f64)> {
    let mut candidates: Vec<(&String, &String, f64)> = Vec::new();
    for &from in removed {
        for &to in added {
            let score = similarity(&old[from], &new[to]);
            if score >= RENAME_THRESHOLD {
                candidates.push((from, to, score));
            }
        }
    }
    candidates.sort_by(|a, b| b.2.total_cmp(&a.2).then(a.0.cmp(b.0)).then(a.1.cmp(b.1)));
    let mut used_from = BTreeSet::new();
    let mut used_to = BTreeSet::new();
    let mut pairs: Vec<_> = candidates
        .into_iter()
        .filter(|&(from, to, _)| {
            let free = !used_from.contains(from) && !used_to.contains(to);
            if free {
                used_from.insert(from);
                used_to.insert(to);
            }
            free
        })
        .collect();
    pairs.sort_by(|a, b| a.0.cmp(b.0));
    pairs
}

/// Returns the share of fields, over the union of both sides' keys, with equal values.
fn similarity(old: &Fields, new: &Fields) -> f64 {
    let keys: BTreeSet<&String> = old.keys().chain(new.keys()).collect();
    if keys.is_empty() {
        return 1.0;
    }
    let equal = keys.iter().filter(|key| old.get(**key) == new.get(**key)).count();
    equal as f64 / keys.len() as f64
}

/// Lists the fields that differ, named by their content file keys.
fn field_changes(kind: EntityKind, old: &Fields, new: &Fields) -> Vec<FieldChange> {
    let keys: BTreeSet<&String> = old.keys().chain(new.keys()).collect();
    keys.into_iter()
        .filter(|key| old.get(*key) != new.get(*key))
        .map(|key| FieldChange {
            field: kind.content_key(key).to_string(),
            old: old.get(key).cloned().unwrap_or(Value::Null),
            new: new.get(key).cloned().unwrap_or(Value::Null),
        })
        .collect()
}

fn refs<'a>(ids: impl Iterator<Item = &'a &'a String>, entities: &BTreeMap<String, Fields>) -> Vec<EntityRef> {
    ids.map(|id| EntityRef {
        id: (*id).clone(),
        name: entities[*id].get("name").and_then(Value::as_str).map(str::to_string),
    })
    .collect()
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn fields(value: Value) -> Fields {
        value.as_object().unwrap().clone()
    }

    #[test]
    fn similarity_counts_equal_fields() {
        let old = fields(json!({"name": "A", "score": 1, "models": ["M"], "use_cases": []}));
        let new = fields(json!({"name": "A", "score": 2, "models": ["M"], "use_cases": []}));
        assert_eq!(similarity(&old, &new), 0.75);
    }

    #[test]
    fn references_follow_renames() {
        let mut renames = Renames::new();
        renames
            .entry(EntityKind::Model)
            .or_default()
            .insert("M-OLD".into(), "M-NEW".into());
        let mut rule = fields(json!({"models": ["M-OLD", "M-A"], "activity_type": "x"}));
        rewrite_references(EntityKind::Rule, &mut rule, &renames);
        assert_eq!(
            Value::Object(rule),
            json!({"models": ["M-A", "M-NEW"], "activity_type": "x"})
        );
    }

    fn rule(id: &str, name: &str, score: u32) -> Value {
        json!({
            "id": id, "name": name, "description": null, "use_cases": ["exfil"],
            "activity_type": "email", "event_types": ["mail-out"], "techniques": ["T1048"],
            "models": [], "score": score, "products": ["derived"], "source": {"file": "x", "line": 1}
        })
    }

    fn rules_only(rules: Vec<Value>) -> Value {
        json!({ "rules": rules })
    }

    #[test]
    fn rename_lists_other_changes() {
        let old = rules_only(vec![rule("R-A", "Alert", 10)]);
        let new = rules_only(vec![rule("R-B", "Alert", 20)]);
        let (kinds, renames) = diff_entities(&old, &new);
        let rules = kinds.iter().find(|k| k.kind == "rules").unwrap();
        let expected = vec![Rename {
            from: "R-A".into(),
            to: "R-B".into(),
            similarity: 0.875,
            changes: vec![FieldChange {
                field: "score".into(),
                old: json!(10),
                new: json!(20),
            }],
        }];
        assert_eq!(rules.renamed, expected);
        assert_eq!(rules.added, vec![]);
        assert_eq!(rules.removed, vec![]);
        assert_eq!(renames[&EntityKind::Rule]["R-A"], "R-B");
    }

    #[test]
    fn rename_pairs_most_similar_first() {
        let old = rules_only(vec![rule("R-A", "Alert", 10), rule("R-B", "Other", 10)]);
        let new = rules_only(vec![rule("R-X", "Other", 10), rule("R-Y", "Alert", 30)]);
        let (kinds, _) = diff_entities(&old, &new);
        let rules = kinds.iter().find(|k| k.kind == "rules").unwrap();
        let pairs: Vec<(&str, &str)> = rules.renamed.iter().map(|r| (r.from.as_str(), r.to.as_str())).collect();
        assert_eq!(pairs, [("R-A", "R-Y"), ("R-B", "R-X")]);
    }

    #[test]
    fn dissimilar_entities_stay_added_and_removed() {
        let mut other = rule("R-B", "Different", 99);
        other["techniques"] = json!(["T1567"]);
        other["use_cases"] = json!(["phishing"]);
        let (kinds, renames) = diff_entities(&rules_only(vec![rule("R-A", "Alert", 10)]), &rules_only(vec![other]));
        let rules = kinds.iter().find(|k| k.kind == "rules").unwrap();
        assert_eq!(rules.renamed, vec![]);
        assert_eq!(rules.removed.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(), ["R-A"]);
        assert_eq!(rules.added.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(), ["R-B"]);
        assert!(renames.get(&EntityKind::Rule).is_none_or(|map| map.is_empty()));
    }

    #[test]
    fn derived_fields_are_not_changes() {
        let old = rules_only(vec![rule("R-A", "Alert", 10)]);
        let mut changed = rule("R-A", "Alert", 10);
        changed["products"] = json!(["p1", "p2"]);
        changed["source"] = json!({"file": "y", "line": 3});
        let (kinds, _) = diff_entities(&old, &rules_only(vec![changed]));
        let rules = kinds.iter().find(|k| k.kind == "rules").unwrap();
        assert_eq!(rules.changed, vec![]);
    }

    #[test]
    fn rule_techniques_named_attack() {
        let old = rules_only(vec![rule("R-A", "Alert", 10)]);
        let mut changed = rule("R-A", "Alert", 10);
        changed["techniques"] = json!(["T1567"]);
        let (kinds, _) = diff_entities(&old, &rules_only(vec![changed]));
        let rules = kinds.iter().find(|k| k.kind == "rules").unwrap();
        let expected = vec![Change {
            id: "R-A".into(),
            changes: vec![FieldChange {
                field: "attack".into(),
                old: json!(["T1048"]),
                new: json!(["T1567"]),
            }],
        }];
        assert_eq!(rules.changed, expected);
    }
}
