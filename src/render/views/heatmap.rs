//! An ATT&CK heat map: tactics as columns, covered techniques coloured by
//! their rule count, with sub-techniques nested under their parent.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::attack::AttackData;

/// Upper bounds of the colour buckets, by rule count: 1, 2–4, 5–9, 10 or more.
const BUCKET_MAX: [usize; 3] = [1, 4, 9];

/// Background colours of buckets 1–4, as in `templates/html/assets/site.css`,
/// for outputs without the stylesheet such as ATT&CK Navigator layers.
pub const BUCKET_COLOURS: [&str; 4] = ["#fde0c5", "#f9a66c", "#c8411b", "#7f1414"];

/// The matrix of covered techniques with a colour legend.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct HeatmapView {
    pub columns: Vec<HeatColumn>,
    pub legend: Vec<HeatBucket>,
    /// Number of covered techniques and sub-techniques.
    pub covered: usize,
}

/// One tactic and the techniques under it.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct HeatColumn {
    pub tactic: String,
    pub shortname: String,
    pub cells: Vec<HeatCell>,
}

/// A technique in the heat map.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct HeatCell {
    pub id: String,
    /// Official ATT&CK name, without the parent's name for a sub-technique.
    pub name: String,
    pub rules: usize,
    /// Colour bucket: 0 for a parent shown only for its sub-techniques, else 1–4.
    pub bucket: usize,
    /// Link to the list of the rules behind the cell, or `None` when `rules` is 0.
    pub href: Option<String>,
    pub sub_techniques: Vec<HeatCell>,
}

/// One entry of the legend.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct HeatBucket {
    pub bucket: usize,
    pub label: String,
}

impl HeatmapView {
    /// Lays out `counts` (technique id → rule count) by tactic in ATT&CK matrix
    /// order. `href` returns where the rules of a technique are listed.
    pub fn new(attack: &AttackData, counts: &BTreeMap<String, usize>, href: &dyn Fn(&str) -> String) -> Self {
        let columns = attack
            .tactics()
            .iter()
            .map(|tactic| HeatColumn {
                tactic: tactic.name.clone(),
                shortname: tactic.shortname.clone(),
                cells: column_cells(attack, counts, &tactic.shortname, href),
            })
            .collect();
        HeatmapView {
            columns,
            legend: legend(),
            covered: counts.len(),
        }
    }
}

/// Returns the cells of one tactic: every covered technique, and every parent
/// of a covered sub-technique, sorted by id.
fn column_cells(
    attack: &AttackData,
    counts: &BTreeMap<String, usize>,
    tactic: &str,
    href: &dyn Fn(&str) -> String,
) -> Vec<HeatCell> {
    // Parent id → its covered sub-techniques in this tactic, by id.
    let mut parents: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for id in counts.keys() {
        let Some(technique) = attack.technique(id) else {
            continue;
        };
        if !technique.tactics.iter().any(|s| s == tactic) {
            continue;
        }
        match technique.parent.as_deref() {
            Some(parent) => parents.entry(parent).or_default().push(id),
            None => {
                parents.entry(id).or_default();
            }
        }
    }
    parents
        .into_iter()
        .map(|(parent, subs)| {
            let mut cell = cell_of(attack, counts, parent, href);
            cell.sub_techniques = subs.into_iter().map(|id| cell_of(attack, counts, id, href)).collect();
            cell
        })
        .collect()
}

fn cell_of(attack: &AttackData, counts: &BTreeMap<String, usize>, id: &str, href: &dyn Fn(&str) -> String) -> HeatCell {
    let rules = counts.get(id).copied().unwrap_or(0);
    HeatCell {
        id: id.to_string(),
        name: attack.technique(id).map_or_else(|| id.to_string(), |t| t.name.clone()),
        rules,
        bucket: bucket(rules),
        href: (rules > 0).then(|| href(id)),
        sub_techniques: Vec::new(),
    }
}

/// Returns the colour bucket of a rule count: 0 for none, then 1–4.
pub fn bucket(rules: usize) -> usize {
    if rules == 0 {
        return 0;
    }
    1 + BUCKET_MAX.iter().filter(|&&max| rules > max).count()
}

/// Labels of buckets 1–4.
pub const BUCKET_LABELS: [&str; 4] = ["1 rule", "2–4 rules", "5–9 rules", "10 or more rules"];

fn legend() -> Vec<HeatBucket> {
    BUCKET_LABELS
        .iter()
        .enumerate()
        .map(|(index, label)| HeatBucket {
            bucket: index + 1,
            label: label.to_string(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bucket_bounds_by_rule_count() {
        let buckets: Vec<usize> = [0, 1, 2, 4, 5, 9, 10, 500].iter().map(|&n| bucket(n)).collect();
        assert_eq!(buckets, [0, 1, 2, 2, 3, 3, 4, 4]);
    }

    #[test]
    fn heatmap_nests_sub_technique_under_parent() {
        let attack = AttackData::bundled();
        let counts = BTreeMap::from([("T1078.004".to_string(), 2)]);
        let heatmap = HeatmapView::new(attack, &counts, &|id| format!("#{id}"));
        let column = heatmap
            .columns
            .iter()
            .find(|c| c.shortname == "initial-access")
            .unwrap();
        let parent = &column.cells[0];
        assert_eq!(parent.id, "T1078");
        assert_eq!(parent.rules, 0);
        assert_eq!(parent.href, None);
        assert_eq!(parent.sub_techniques.len(), 1);
        assert_eq!(parent.sub_techniques[0].id, "T1078.004");
        assert_eq!(parent.sub_techniques[0].href.as_deref(), Some("#T1078.004"));
        assert_eq!(parent.sub_techniques[0].bucket, 2);
    }
}
