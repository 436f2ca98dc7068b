//! ATT&CK Navigator layers (layer format 4.5) of the catalogue and of each
//! product, with a score per technique equal to its rule count.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::attack::AttackData;
use crate::render::views::{BUCKET_COLOURS, BUCKET_LABELS, bucket};

/// Navigator release whose layer format 4.5 these files follow.
const NAVIGATOR_VERSION: &str = "5.1.0";
const LAYER_VERSION: &str = "4.5";

/// A Navigator layer file.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Layer {
    pub name: String,
    pub versions: Versions,
    pub domain: &'static str,
    pub description: String,
    pub sorting: u8,
    pub layout: Layout,
    pub hide_disabled: bool,
    pub techniques: Vec<LayerTechnique>,
    pub gradient: Gradient,
    pub legend_items: Vec<LegendItem>,
    pub show_tactic_row_background: bool,
    pub select_techniques_across_tactics: bool,
    pub select_subtechniques_with_parent: bool,
    pub links: Vec<LayerLink>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Versions {
    /// Major ATT&CK version, such as "18".
    pub attack: String,
    pub navigator: &'static str,
    pub layer: &'static str,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Layout {
    pub layout: &'static str,
    pub aggregate_function: &'static str,
    #[serde(rename = "showID")]
    pub show_id: bool,
    pub show_name: bool,
    pub show_aggregate_scores: bool,
    pub count_unscored: bool,
    pub expanded_subtechniques: &'static str,
}

/// One technique under one tactic.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct LayerTechnique {
    #[serde(rename = "techniqueID")]
    pub technique_id: String,
    /// Tactic shortname such as `exfiltration`.
    pub tactic: String,
    pub score: usize,
    /// The heat map's bucket colour, so the layer looks like the site.
    pub color: &'static str,
    pub comment: String,
    pub enabled: bool,
    pub show_subtechniques: bool,
    pub links: Vec<LayerLink>,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct LayerLink {
    pub label: String,
    pub url: String,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Gradient {
    pub colors: Vec<&'static str>,
    pub min_value: usize,
    pub max_value: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct LegendItem {
    pub label: String,
    pub color: &'static str,
}

/// Contents of one layer: its techniques with the rules behind each.
pub struct LayerInput<'a> {
    pub name: String,
    pub description: String,
    /// Technique id → (rule id, rule name) of every rule mapped to it.
    pub rules: BTreeMap<String, Vec<(&'a str, &'a str)>>,
    /// Technique id → link to where its rules are listed.
    // NOTE: without a base URL these links are relative to the site root,
    // while the Navigator's layer format 4.5 requires URLs with a scheme, so
    // the Navigator may not open them; pass --base-url for working links.
    pub link: &'a dyn Fn(&str) -> String,
    /// Link to the page the layer belongs to.
    pub page: LayerLink,
}

/// Builds the layer for `input`. A technique with several tactics gets one
/// entry per tactic, as the Navigator scores each tactic's cell separately.
pub fn layer(attack: &AttackData, input: &LayerInput<'_>) -> Layer {
    let mut techniques = Vec::new();
    for (id, rules) in &input.rules {
        let Some(technique) = attack.technique(id) else {
            continue;
        };
        let comment: Vec<String> = rules.iter().map(|(id, name)| format!("{id}: {name}")).collect();
        let has_subs = input.rules.keys().any(|other| other.starts_with(&format!("{id}.")));
        for tactic in &technique.tactics {
            techniques.push(LayerTechnique {
                technique_id: id.clone(),
                tactic: tactic.clone(),
                score: rules.len(),
                color: BUCKET_COLOURS[bucket(rules.len()) - 1],
                comment: comment.join("\n"),
                enabled: true,
                show_subtechniques: has_subs,
                links: vec![LayerLink {
                    label: "Rules in the catalogue".into(),
                    url: (input.link)(id),
                }],
            });
        }
    }
    let max = input.rules.values().map(Vec::len).max().unwrap_or(1).max(1);
    Layer {
        name: input.name.clone(),
        versions: Versions {
            attack: major_version(attack.version()),
            navigator: NAVIGATOR_VERSION,
            layer: LAYER_VERSION,
        },
        domain: "enterprise-attack",
        description: input.description.clone(),
        sorting: 3,
        layout: Layout {
            layout: "side",
            aggregate_function: "max",
            show_id: true,
            show_name: true,
            show_aggregate_scores: false,
            count_unscored: false,
            expanded_subtechniques: "annotated",
        },
        hide_disabled: false,
        techniques,
        // Each technique has an explicit colour; the gradient is required by
        // the format and used only for techniques a user scores by hand.
        gradient: Gradient {
            colors: vec![BUCKET_COLOURS[0], BUCKET_COLOURS[3]],
            min_value: 0,
            max_value: max,
        },
        legend_items: BUCKET_LABELS
            .iter()
            .zip(BUCKET_COLOURS)
            .map(|(label, color)| LegendItem {
                label: label.to_string(),
                color,
            })
            .collect(),
        show_tactic_row_background: false,
        select_techniques_across_tactics: true,
        select_subtechniques_with_parent: false,
        links: vec![input.page.clone()],
    }
}

/// Returns the major part of an ATT&CK version: "18" for "18.1".
fn major_version(version: &str) -> String {
    version.split('.').next().unwrap_or(version).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn major_version_drops_minor() {
        assert_eq!(major_version("18.1"), "18");
        assert_eq!(major_version("17"), "17");
    }

    #[test]
    fn layer_has_entry_per_tactic() {
        let attack = AttackData::bundled();
        let input = LayerInput {
            name: "n".into(),
            description: "d".into(),
            rules: BTreeMap::from([("T1078".to_string(), vec![("R-1", "One")])]),
            link: &|id| format!("x.html#{id}"),
            page: LayerLink {
                label: "p".into(),
                url: "x.html".into(),
            },
        };
        let layer = layer(attack, &input);
        let tactics: Vec<&str> = layer.techniques.iter().map(|t| t.tactic.as_str()).collect();
        let expected: Vec<&str> = attack
            .technique("T1078")
            .unwrap()
            .tactics
            .iter()
            .map(String::as_str)
            .collect();
        assert_eq!(tactics, expected);
        assert_eq!(layer.techniques[0].comment, "R-1: One");
        assert_eq!(layer.versions.attack, "18");
    }
}
