//! Facts that many pages need, derived from the catalogue once per render
//! instead of once per page.

use std::collections::HashMap;

use tera::Value;

use super::common::{Linker, TechniqueView, full_name};
use super::product::{model_row, product_use_case_page, rule_row};
use crate::catalogue::Catalogue;
use crate::render::paths::PageRef;

/// Shared lookups into one catalogue, built once per render.
pub struct Lookups<'a> {
    pub catalogue: &'a Catalogue,
    /// Products in display order: vendor name, then product name.
    pub products_in_order: Vec<usize>,
    /// Display name and ATT&CK URL of every technique a rule is mapped to, by id.
    techniques: HashMap<&'a str, (String, String)>,
    /// For each rule, the product and use case of the first product × use
    /// case page in display order that lists it.
    rule_listings: Vec<Option<(usize, usize)>>,
    /// For each model, the same as `rule_listings`.
    model_listings: Vec<Option<(usize, usize)>>,
    /// Template values of each rule's row on product × use case pages,
    /// without and with the anchor. A rule is listed on many pages, and
    /// cloning a prepared value only counts a reference.
    rule_rows: Vec<[Value; 2]>,
    /// Template values of each model's row on product × use case pages.
    model_rows: Vec<Value>,
}

impl<'a> Lookups<'a> {
    pub fn new(catalogue: &'a Catalogue) -> Self {
        let products_in_order = catalogue.products_in_order();
        let mut rule_listings = vec![None; catalogue.rules.len()];
        let mut model_listings = vec![None; catalogue.models.len()];
        for &product in &products_in_order {
            for coverage in &catalogue.products[product].coverage {
                let listing = (product, coverage.use_case);
                for &rule in &coverage.rules {
                    rule_listings[rule].get_or_insert(listing);
                }
                for &model in &coverage.models {
                    model_listings[model].get_or_insert(listing);
                }
            }
        }
        let mut techniques = HashMap::new();
        for id in catalogue.rules.iter().flat_map(|rule| &rule.techniques) {
            techniques.entry(id.as_str()).or_insert_with(|| {
                let attack = &catalogue.attack;
                let technique = attack.technique(id);
                let name = technique.map_or_else(|| id.clone(), |t| full_name(attack, t));
                let url = technique.map_or_else(String::new, |t| t.url());
                (name, url)
            });
        }
        let rule_rows = (0..catalogue.rules.len())
            .map(|rule| [false, true].map(|anchor| Value::from_serializable(&rule_row(catalogue, rule, anchor))))
            .collect();
        let model_rows = (0..catalogue.models.len())
            .map(|model| Value::from_serializable(&model_row(catalogue, model)))
            .collect();
        Lookups {
            catalogue,
            products_in_order,
            techniques,
            rule_listings,
            model_listings,
            rule_rows,
            model_rows,
        }
    }

    /// Returns the view of technique `id` with `rules` mapped rules, as
    /// [`TechniqueView::new`] builds it.
    pub fn technique(&self, id: &str, rules: usize) -> TechniqueView {
        match self.techniques.get(id) {
            Some((name, url)) => TechniqueView {
                id: id.to_string(),
                name: name.clone(),
                url: url.clone(),
                rules,
            },
            None => TechniqueView::new(&self.catalogue.attack, id, rules),
        }
    }

    /// Returns the template value of rule `rule`'s row, with the `rule-<id>`
    /// anchor when `anchor` is true.
    pub fn rule_row(&self, rule: usize, anchor: bool) -> Value {
        self.rule_rows[rule][usize::from(anchor)].clone()
    }

    /// Returns the template value of model `model`'s row.
    pub fn model_row(&self, model: usize) -> Value {
        self.model_rows[model].clone()
    }

    /// Returns the product × use case page that lists rule `rule`: the first
    /// product in display order that the rule covers, or `None` when it covers none.
    pub fn rule_listing(&self, rule: usize) -> Option<PageRef<'a>> {
        let (product, use_case) = self.rule_listings[rule]?;
        Some(product_use_case_page(self.catalogue, product, use_case))
    }

    /// Returns the first product × use case page that lists model `model`.
    pub fn model_listing(&self, model: usize) -> Option<PageRef<'a>> {
        let (product, use_case) = self.model_listings[model]?;
        Some(product_use_case_page(self.catalogue, product, use_case))
    }

    /// Returns the link to where rule `rule` is listed, anchored at the rule,
    /// or `None` when no page lists it.
    pub fn rule_href(&self, rule: usize, linker: &Linker) -> Option<String> {
        let page = self.rule_listing(rule)?;
        Some(format!("{}#rule-{}", linker.href(&page), self.catalogue.rules[rule].id))
    }
}
