//! The coverage delta: rules, models and techniques gained and lost per
//! ATT&CK technique and per product.
//!
//! Old ids are first mapped through the renames, so renaming a rule, model
//! or product changes no coverage. A product on one side only gains or loses
//! everything it covers.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::EntityRef;
use super::entities::Renames;
use crate::interop::export::{EntityKind, Export};

/// Coverage gained and lost between two catalogues.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CoverageDelta {
    /// Techniques with no rule before and at least one after.
    pub techniques_covered: Vec<EntityRef>,
    /// Techniques with at least one rule before and none after.
    pub techniques_uncovered: Vec<EntityRef>,
    /// Techniques whose rules or models changed, by id.
    pub techniques: Vec<TechniqueDelta>,
    /// Products whose covering rules, models or techniques changed, by id.
    pub products: Vec<ProductDelta>,
}

/// Change of the content mapped to one technique.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TechniqueDelta {
    pub id: String,
    pub rules_gained: Vec<String>,
    pub rules_lost: Vec<String>,
    pub models_gained: Vec<String>,
    pub models_lost: Vec<String>,
}

/// Change of what covers one product, over all its use cases.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProductDelta {
    pub id: String,
    pub rules_gained: Vec<String>,
    pub rules_lost: Vec<String>,
    pub models_gained: Vec<String>,
    pub models_lost: Vec<String>,
    pub techniques_gained: Vec<String>,
    pub techniques_lost: Vec<String>,
}

/// Rules, models and techniques behind one technique or product.
#[derive(Default)]
struct Covered {
    rules: BTreeSet<String>,
    models: BTreeSet<String>,
    techniques: BTreeSet<String>,
}

/// Computes the coverage delta from `old` to `new`.
pub(super) fn delta(old: &Export, new: &Export, renames: &Renames) -> CoverageDelta {
    let rename = |kind: EntityKind, id: &str| -> String {
        renames
            .get(&kind)
            .and_then(|map| map.get(id))
            .cloned()
            .unwrap_or_else(|| id.to_string())
    };
    let old_techniques = by_technique(old, &rename);
    let new_techniques = by_technique(new, &|_, id| id.to_string());
    let old_products = by_product(old, &rename);
    let new_products = by_product(new, &|_, id| id.to_string());

    CoverageDelta {
        techniques_covered: technique_refs(new, |t| !old_techniques.contains_key(t)),
        techniques_uncovered: technique_refs(old, |t| !new_techniques.contains_key(t)),
        techniques: compare(&old_techniques, &new_techniques)
            .map(|(id, old, new)| TechniqueDelta {
                id,
                rules_gained: minus(&new.rules, &old.rules),
                rules_lost: minus(&old.rules, &new.rules),
                models_gained: minus(&new.models, &old.models),
                models_lost: minus(&old.models, &new.models),
            })
            .filter(|d| !all_empty(&[&d.rules_gained, &d.rules_lost, &d.models_gained, &d.models_lost]))
            .collect(),
        products: compare(&old_products, &new_products)
            .map(|(id, old, new)| ProductDelta {
                id,
                rules_gained: minus(&new.rules, &old.rules),
                rules_lost: minus(&old.rules, &new.rules),
                models_gained: minus(&new.models, &old.models),
                models_lost: minus(&old.models, &new.models),
                techniques_gained: minus(&new.techniques, &old.techniques),
                techniques_lost: minus(&old.techniques, &new.techniques),
            })
            .filter(|d| {
                !all_empty(&[
                    &d.rules_gained,
                    &d.rules_lost,
                    &d.models_gained,
                    &d.models_lost,
                    &d.techniques_gained,
                    &d.techniques_lost,
                ])
            })
            .collect(),
    }
}

fn all_empty(lists: &[&Vec<String>]) -> bool {
    lists.iter().all(|list| list.is_empty())
}

/// Returns the techniques of `export` whose id passes `keep`, with their names.
fn technique_refs(export: &Export, keep: impl Fn(&str) -> bool) -> Vec<EntityRef> {
    export
        .techniques
        .iter()
        .filter(|t| keep(&t.id))
        .map(|t| EntityRef {
            id: t.id.clone(),
            name: Some(t.name.clone()).filter(|name| !name.is_empty()),
        })
        .collect()
}

fn by_technique(export: &Export, rename: &dyn Fn(EntityKind, &str) -> String) -> BTreeMap<String, Covered> {
    export
        .techniques
        .iter()
        .map(|t| {
            let covered = Covered {
                rules: t.rules.iter().map(|r| rename(EntityKind::Rule, r)).collect(),
                models: t.models.iter().map(|m| rename(EntityKind::Model, m)).collect(),
                techniques: BTreeSet::new(),
            };
            (t.id.clone(), covered)
        })
        .collect()
}

fn by_product(export: &Export, rename: &dyn Fn(EntityKind, &str) -> String) -> BTreeMap<String, Covered> {
    export
        .products
        .iter()
        .map(|p| {
            let mut covered = Covered::default();
            for coverage in &p.coverage {
                covered
                    .rules
                    .extend(coverage.rules.iter().map(|r| rename(EntityKind::Rule, r)));
                covered
                    .models
                    .extend(coverage.models.iter().map(|m| rename(EntityKind::Model, m)));
                covered.techniques.extend(coverage.techniques.iter().cloned());
            }
            (rename(EntityKind::Product, &p.id), covered)
        })
        .collect()
}

/// Pairs the entries of both maps by key. A key on one side only is paired with an empty entry.
fn compare<'a>(
    old: &'a BTreeMap<String, Covered>,
    new: &'a BTreeMap<String, Covered>,
) -> impl Iterator<Item = (String, &'a Covered, &'a Covered)> {
    static EMPTY: Covered = Covered {
        rules: BTreeSet::new(),
        models: BTreeSet::new(),
        techniques: BTreeSet::new(),
    };
    let keys: BTreeSet<&String> = old.keys().chain(new.keys()).collect();
    keys.into_iter().map(move |key| {
        (
            key.clone(),
            old.get(key).unwrap_or(&EMPTY),
            new.get(key).unwrap_or(&EMPTY),
        )
    })
}

fn minus(a: &BTreeSet<String>, b: &BTreeSet<String>) -> Vec<String> {
    a.difference(b).cloned().collect()
}
