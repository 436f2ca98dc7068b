//! The diff of two catalogues: entities added, removed, renamed and changed
//! by kind, and the coverage gained and lost.
//!
//! Both sides are compared through their [`Export`], so a field's old and new
//! values are the JSON values the export would write. Only authored fields
//! are compared (see [`super::export::EntityKind::derived_fields`]); what follows from them,
//! such as a use case's rule list, shows up in the coverage delta instead.

mod coverage;
mod entities;
pub mod markdown;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::export::Export;

pub use coverage::{CoverageDelta, ProductDelta, TechniqueDelta};
pub use entities::RENAME_THRESHOLD;

/// Value of the `format` field of a JSON diff.
pub const FORMAT: &str = "contentdoc-diff";

/// Version of the JSON diff shape.
pub const FORMAT_VERSION: u32 = 1;

/// The whole diff report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Diff {
    pub format: String,
    pub format_version: u32,
    pub old: Side,
    pub new: Side,
    /// Kinds with at least one change, in the order of [`super::export::EntityKind::ALL`].
    pub entities: Vec<KindChanges>,
    pub coverage: CoverageDelta,
}

/// One of the two compared catalogues.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Side {
    /// The directory or git revision as given on the command line.
    pub label: String,
    pub attack_version: String,
}

/// The changes to the entities of one kind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KindChanges {
    /// Key of the kind in the export, such as `rules`.
    pub kind: String,
    pub added: Vec<EntityRef>,
    pub removed: Vec<EntityRef>,
    pub renamed: Vec<Rename>,
    pub changed: Vec<Change>,
}

/// An entity named by id, with its name when the kind has one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntityRef {
    pub id: String,
    pub name: Option<String>,
}

/// An entity whose id changed while its other fields stayed similar.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Rename {
    pub from: String,
    pub to: String,
    /// Share of the compared fields with equal values, from 0 to 1.
    pub similarity: f64,
    /// Fields that changed besides the id.
    pub changes: Vec<FieldChange>,
}

/// An entity whose authored fields changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Change {
    pub id: String,
    pub changes: Vec<FieldChange>,
}

/// One field's old and new export value. `null` is an absent value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FieldChange {
    pub field: String,
    pub old: Value,
    pub new: Value,
}

impl KindChanges {
    fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty() && self.renamed.is_empty() && self.changed.is_empty()
    }
}

/// Compares two exports. `old_label` and `new_label` name the sides in the report.
pub fn diff(old: &Export, new: &Export, old_label: &str, new_label: &str) -> anyhow::Result<Diff> {
    let old_value = serde_json::to_value(old)?;
    let new_value = serde_json::to_value(new)?;
    let (kinds, renames) = entities::diff_entities(&old_value, &new_value);
    Ok(Diff {
        format: FORMAT.to_string(),
        format_version: FORMAT_VERSION,
        old: Side {
            label: old_label.to_string(),
            attack_version: old.attack_version.clone(),
        },
        new: Side {
            label: new_label.to_string(),
            attack_version: new.attack_version.clone(),
        },
        entities: kinds.into_iter().filter(|k| !k.is_empty()).collect(),
        coverage: coverage::delta(old, new, &renames),
    })
}
