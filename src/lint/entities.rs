//! Lookups over the raw content that several rules share: which entity a
//! file defines, and every id and reference with the file it is written in.

use std::collections::HashMap;
use std::path::Path;

use crate::load::RawContent;
use crate::load::raw::Text;

/// Maps each loaded definition file to the id it defines.
pub fn entity_by_file(raw: &RawContent) -> HashMap<&Path, &str> {
    definition_ids(raw)
        .into_iter()
        .map(|(file, id)| (file, id.value.as_str()))
        .collect()
}

/// Returns the `id` of every loaded definition with its file.
pub fn definition_ids(raw: &RawContent) -> Vec<(&Path, &Text)> {
    let mut ids: Vec<(&Path, &Text)> = Vec::new();
    ids.extend(raw.vendors.iter().map(|(_, v)| (v.file.as_path(), &v.value.id)));
    ids.extend(
        raw.products
            .iter()
            .map(|p| (p.product.file.as_path(), &p.product.value.id)),
    );
    ids.extend(
        raw.parsers
            .iter()
            .map(|p| (p.parser.file.as_path(), &p.parser.value.id)),
    );
    for list in [&raw.categories, &raw.use_cases, &raw.activity_types] {
        ids.extend(list.iter().map(|n| (n.file.as_path(), &n.value.id)));
    }
    ids.extend(raw.event_types.iter().map(|e| (e.file.as_path(), &e.value.id)));
    ids.extend(raw.rules.iter().map(|r| (r.file.as_path(), &r.value.id)));
    ids.extend(raw.models.iter().map(|m| (m.file.as_path(), &m.value.id)));
    ids
}

/// Returns every id and every reference to an id, with the file it is in.
pub fn ids_and_references(raw: &RawContent) -> Vec<(&Path, &Text)> {
    let mut texts = definition_ids(raw);
    for product in &raw.products {
        let file = product.product.file.as_path();
        texts.extend(product.product.value.categories.iter().map(|c| (file, c)));
    }
    for parser in &raw.parsers {
        let file = parser.parser.file.as_path();
        let value = &parser.parser.value;
        texts.extend(value.event_types.iter().map(|e| (file, e)));
        texts.extend(value.samples.iter().map(|s| (file, &s.event_type)));
    }
    for rule in &raw.rules {
        let file = rule.file.as_path();
        let value = &rule.value;
        let lists = [&value.use_cases, &value.event_types, &value.attack, &value.models];
        texts.extend(lists.into_iter().flatten().map(|t| (file, t)));
        texts.push((file, &value.activity_type));
    }
    for model in &raw.models {
        texts.extend(model.value.event_types.iter().map(|e| (model.file.as_path(), e)));
    }
    if let Some(settings) = &raw.settings {
        let file = settings.file.as_path();
        for suppression in &settings.value.lint.suppressions {
            texts.push((file, &suppression.code));
            texts.push((file, &suppression.entity));
        }
    }
    texts
}
