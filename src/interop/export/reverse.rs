//! The reverse references of the export: which products, rules, models and
//! parsers point at a category, use case, activity type, event type or
//! technique.

use super::build::{Ids, source};
use super::*;
use crate::catalogue::Catalogue;

/// Returns the ids of the products with a coverage entry that `matches` accepts.
pub(super) fn covered_products(products: &[Product], matches: impl Fn(&Coverage) -> bool) -> Vec<String> {
    products
        .iter()
        .filter(|p| p.coverage.iter().any(&matches))
        .map(|p| p.id.clone())
        .collect()
}

pub(super) fn categories(catalogue: &Catalogue, products: &[Product]) -> Vec<Category> {
    catalogue
        .categories
        .iter()
        .map(|c| Category {
            id: c.id.clone(),
            name: c.name.clone(),
            description: c.description.clone(),
            products: products
                .iter()
                .filter(|p| p.categories.contains(&c.id))
                .map(|p| p.id.clone())
                .collect(),
            source: source(catalogue, &c.source),
        })
        .collect()
}

pub(super) fn use_cases(catalogue: &Catalogue, ids: &Ids, products: &[Product]) -> Vec<UseCase> {
    let indexes = 0..catalogue.use_cases.len();
    indexes
        .map(|index| {
            let u = &catalogue.use_cases[index];
            let rules: Vec<usize> = (0..catalogue.rules.len())
                .filter(|&r| catalogue.rules[r].use_cases.contains(&index))
                .collect();
            UseCase {
                id: u.id.clone(),
                name: u.name.clone(),
                description: u.description.clone(),
                rules: ids.rules(&rules),
                products: covered_products(products, |c| c.use_case == u.id),
                source: source(catalogue, &u.source),
            }
        })
        .collect()
}

pub(super) fn activity_types(catalogue: &Catalogue, ids: &Ids) -> Vec<ActivityType> {
    let indexes = 0..catalogue.activity_types.len();
    indexes
        .map(|index| {
            let a = &catalogue.activity_types[index];
            let rules: Vec<usize> = (0..catalogue.rules.len())
                .filter(|&r| catalogue.rules[r].activity_type == index)
                .collect();
            ActivityType {
                id: a.id.clone(),
                name: a.name.clone(),
                description: a.description.clone(),
                rules: ids.rules(&rules),
                source: source(catalogue, &a.source),
            }
        })
        .collect()
}

pub(super) fn event_types(catalogue: &Catalogue, ids: &Ids, products: &[Product]) -> Vec<EventType> {
    let indexes = 0..catalogue.event_types.len();
    indexes
        .map(|index| {
            let e = &catalogue.event_types[index];
            let rules: Vec<usize> = (0..catalogue.rules.len())
                .filter(|&r| catalogue.rules[r].event_types.contains(&index))
                .collect();
            let models: Vec<usize> = (0..catalogue.models.len())
                .filter(|&m| catalogue.models[m].event_types.contains(&index))
                .collect();
            EventType {
                id: e.id.clone(),
                name: e.name.clone(),
                description: e.description.clone(),
                data_type: e.data_type.clone(),
                classification: e.classification.clone(),
                parsers: ids.parsers(&e.parsers),
                products: products
                    .iter()
                    .filter(|p| p.event_types.contains(&e.id))
                    .map(|p| p.id.clone())
                    .collect(),
                rules: ids.rules(&rules),
                models: ids.models(&models),
                source: source(catalogue, &e.source),
            }
        })
        .collect()
}

pub(super) fn techniques(catalogue: &Catalogue, ids: &Ids) -> Vec<Technique> {
    catalogue
        .rules_by_technique()
        .into_iter()
        .map(|(id, rules)| {
            let models: Vec<usize> = rules.iter().flat_map(|&r| catalogue.rules[r].models.clone()).collect();
            let technique = catalogue.attack.technique(id);
            Technique {
                id: id.to_string(),
                name: technique.map(|t| t.name.clone()).unwrap_or_default(),
                tactics: technique.map(|t| t.tactics.clone()).unwrap_or_default(),
                rules: ids.rules(&rules),
                models: ids.models(&models),
            }
        })
        .collect()
}
