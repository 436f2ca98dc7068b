//! The Navigator layer files of the site: one for the catalogue and one per product.

use std::collections::{BTreeMap, BTreeSet};

use super::Options;
use super::navigator::{LayerInput, LayerLink, layer};
use crate::catalogue::Catalogue;
use crate::render::Page;
use crate::render::paths::{PageRef, catalogue_layer, product_layer};
use crate::render::views::{Linker, first_rule_by_technique, product_page, product_title, rule_anchor_href};

/// Returns every layer file, with links absolute under the base URL when
/// there is one, else relative to the site root.
pub fn files(catalogue: &Catalogue, options: &Options) -> anyhow::Result<Vec<Page>> {
    let root = Linker::new("html", &PageRef::Landing);
    let prefix = options.base_url.clone().unwrap_or_default();
    let mut files = Vec::with_capacity(catalogue.products.len() + 1);

    let coverage = root.href(&PageRef::Coverage);
    let all_rules: Vec<usize> = (0..catalogue.rules.len()).collect();
    let input = LayerInput {
        name: catalogue.settings.title.clone(),
        description: format!("Rules per ATT&CK technique across {}", catalogue.settings.title),
        rules: rules_by_technique(catalogue, &all_rules),
        link: &|id| format!("{prefix}{coverage}#technique-{id}"),
        page: LayerLink {
            label: "ATT&CK coverage".into(),
            url: format!("{prefix}{coverage}"),
        },
    };
    files.push(json_page(catalogue_layer(), &layer(&catalogue.attack, &input))?);

    for (index, product) in catalogue.products.iter().enumerate() {
        let title = product_title(catalogue, index);
        let rules: BTreeSet<usize> = product.coverage.iter().flat_map(|c| c.rules.iter().copied()).collect();
        let rules: Vec<usize> = rules.into_iter().collect();
        let first_rules = first_rule_by_technique(catalogue, index);
        let link = |id: &str| {
            let href = match first_rules.get(id) {
                Some(&(use_case, rule)) => rule_anchor_href(catalogue, index, use_case, rule, &root),
                None => String::new(),
            };
            format!("{prefix}{href}")
        };
        let input = LayerInput {
            name: title.clone(),
            description: format!("Rules per ATT&CK technique that use {title} logs"),
            rules: rules_by_technique(catalogue, &rules),
            link: &link,
            page: LayerLink {
                label: title.clone(),
                url: format!("{prefix}{}", root.href(&product_page(catalogue, index))),
            },
        };
        let path = product_layer(&catalogue.vendors[product.vendor].id, &product.id);
        files.push(json_page(path, &layer(&catalogue.attack, &input))?);
    }
    Ok(files)
}

/// Returns technique id → (rule id, rule name) for `rules`.
fn rules_by_technique<'a>(catalogue: &'a Catalogue, rules: &[usize]) -> BTreeMap<String, Vec<(&'a str, &'a str)>> {
    let mut map: BTreeMap<String, Vec<(&str, &str)>> = BTreeMap::new();
    for &index in rules {
        let rule = &catalogue.rules[index];
        for technique in &rule.techniques {
            map.entry(technique.clone()).or_default().push((&rule.id, &rule.name));
        }
    }
    map
}

fn json_page(path: String, layer: &super::Layer) -> anyhow::Result<Page> {
    let mut content = serde_json::to_vec_pretty(layer)?;
    content.push(b'\n');
    Ok(Page { path, content })
}
