//! Building the [`Export`] from a resolved [`Catalogue`].

use std::collections::BTreeSet;

use super::reverse::{activity_types, categories, covered_products, event_types, techniques, use_cases};
use super::*;
use crate::catalogue::{self, Catalogue};

impl Export {
    /// Builds the export of `catalogue`.
    pub fn new(catalogue: &Catalogue) -> Export {
        let ids = Ids::new(catalogue);
        let mut export = Export {
            format: FORMAT.to_string(),
            format_version: FORMAT_VERSION,
            tool_version: env!("CARGO_PKG_VERSION").to_string(),
            attack_version: catalogue.attack.version().to_string(),
            settings: Settings {
                title: catalogue.settings.title.clone(),
                description: catalogue.settings.description.clone(),
                base_url: catalogue.settings.base_url.clone(),
            },
            vendors: catalogue.vendors.iter().map(|v| vendor(catalogue, &ids, v)).collect(),
            products: catalogue.products.iter().map(|p| product(catalogue, &ids, p)).collect(),
            parsers: catalogue.parsers.iter().map(|p| parser(catalogue, &ids, p)).collect(),
            categories: Vec::new(),
            use_cases: Vec::new(),
            activity_types: Vec::new(),
            event_types: Vec::new(),
            rules: Vec::new(),
            models: catalogue.models.iter().map(|m| model(catalogue, &ids, m)).collect(),
            techniques: techniques(catalogue, &ids),
        };
        export.products.sort_by(|a, b| a.id.cmp(&b.id));
        export.categories = categories(catalogue, &export.products);
        export.use_cases = use_cases(catalogue, &ids, &export.products);
        export.activity_types = activity_types(catalogue, &ids);
        export.event_types = event_types(catalogue, &ids, &export.products);
        export.rules = rules(catalogue, &ids, &export.products);
        export
    }
}

/// Turns lists of catalogue indexes into sorted, deduplicated id lists.
pub(super) struct Ids<'a> {
    catalogue: &'a Catalogue,
}

impl<'a> Ids<'a> {
    fn new(catalogue: &'a Catalogue) -> Self {
        Ids { catalogue }
    }

    fn list(&self, indexes: &[usize], id: impl Fn(&'a Catalogue, usize) -> &'a str) -> Vec<String> {
        let set: BTreeSet<&str> = indexes.iter().map(|&i| id(self.catalogue, i)).collect();
        set.into_iter().map(str::to_string).collect()
    }

    pub(super) fn products(&self, indexes: &[usize]) -> Vec<String> {
        self.list(indexes, |c, i| &c.products[i].id)
    }
    pub(super) fn parsers(&self, indexes: &[usize]) -> Vec<String> {
        self.list(indexes, |c, i| &c.parsers[i].id)
    }
    pub(super) fn event_types(&self, indexes: &[usize]) -> Vec<String> {
        self.list(indexes, |c, i| &c.event_types[i].id)
    }
    pub(super) fn rules(&self, indexes: &[usize]) -> Vec<String> {
        self.list(indexes, |c, i| &c.rules[i].id)
    }
    pub(super) fn models(&self, indexes: &[usize]) -> Vec<String> {
        self.list(indexes, |c, i| &c.models[i].id)
    }
    pub(super) fn categories(&self, indexes: &[usize]) -> Vec<String> {
        self.list(indexes, |c, i| &c.categories[i].id)
    }
    pub(super) fn use_cases(&self, indexes: &[usize]) -> Vec<String> {
        self.list(indexes, |c, i| &c.use_cases[i].id)
    }
    pub(super) fn activity_types(&self, indexes: &[usize]) -> Vec<String> {
        self.list(indexes, |c, i| &c.activity_types[i].id)
    }
}

pub(super) fn source(catalogue: &Catalogue, source: &catalogue::Source) -> Source {
    Source {
        file: catalogue.relative_path(&source.file),
        line: source.line,
    }
}

fn vendor(catalogue: &Catalogue, ids: &Ids, v: &catalogue::Vendor) -> Vendor {
    Vendor {
        id: v.id.clone(),
        name: v.name.clone(),
        description: v.description.clone(),
        url: v.url.clone(),
        products: ids.products(&v.products),
        source: source(catalogue, &v.source),
    }
}

fn product(catalogue: &Catalogue, ids: &Ids, p: &catalogue::Product) -> Product {
    let mut coverage: Vec<Coverage> = p
        .coverage
        .iter()
        .map(|c| Coverage {
            use_case: catalogue.use_cases[c.use_case].id.clone(),
            rules: ids.rules(&c.rules),
            models: ids.models(&c.models),
            techniques: c.techniques.clone(),
            activity_types: ids.activity_types(&c.activity_types),
            event_types: ids.event_types(&c.event_types),
        })
        .collect();
    coverage.sort_by(|a, b| a.use_case.cmp(&b.use_case));
    Product {
        id: p.id.clone(),
        name: p.name.clone(),
        description: p.description.clone(),
        vendor: catalogue.vendors[p.vendor].id.clone(),
        categories: ids.categories(&p.categories),
        parsers: ids.parsers(&p.parsers),
        event_types: ids.event_types(&p.event_types),
        coverage,
        source: source(catalogue, &p.source),
    }
}

fn texts(values: &[crate::load::raw::Text]) -> Vec<String> {
    values.iter().map(|t| t.value.clone()).collect()
}

fn text(value: &Option<crate::load::raw::Text>) -> Option<String> {
    value.as_ref().map(|t| t.value.clone())
}

fn parser(catalogue: &Catalogue, ids: &Ids, p: &catalogue::Parser) -> Parser {
    let raw = &p.definition;
    Parser {
        id: p.id.clone(),
        vendor: catalogue.vendors[p.vendor].id.clone(),
        product: catalogue.products[p.product].id.clone(),
        data_type: text(&raw.data_type),
        lms: text(&raw.lms),
        time_format: text(&raw.time_format),
        conditions: texts(&raw.conditions),
        fields: texts(&raw.fields),
        field_copies: texts(&raw.field_copies),
        event_types: ids.event_types(&p.event_types),
        samples: raw
            .samples
            .iter()
            .map(|s| Sample {
                log: s.log.value.clone(),
                event_type: s.event_type.value.clone(),
                time: text(&s.time),
                expect: s.expect.iter().map(|(k, v)| (k.clone(), v.value.clone())).collect(),
            })
            .collect(),
        source: source(catalogue, &p.source),
    }
}

fn rules(catalogue: &Catalogue, ids: &Ids, products: &[Product]) -> Vec<Rule> {
    catalogue
        .rules
        .iter()
        .map(|r| Rule {
            id: r.id.clone(),
            name: r.name.clone(),
            description: r.description.clone(),
            use_cases: ids.use_cases(&r.use_cases),
            activity_type: catalogue.activity_types[r.activity_type].id.clone(),
            event_types: ids.event_types(&r.event_types),
            techniques: r.techniques.clone(),
            models: ids.models(&r.models),
            score: r.score,
            products: covered_products(products, |c| c.rules.contains(&r.id)),
            source: source(catalogue, &r.source),
        })
        .collect()
}

fn model(catalogue: &Catalogue, ids: &Ids, m: &catalogue::Model) -> Model {
    Model {
        id: m.id.clone(),
        name: m.name.clone(),
        description: m.description.clone(),
        feature: m.feature.clone(),
        scope: m.scope,
        event_types: ids.event_types(&m.event_types),
        rules: ids.rules(&m.rules),
        source: source(catalogue, &m.source),
    }
}
