//! Views of a data-source (product) page and of a product × use case page.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use serde::Serialize;
use tera::Value;

use super::Lookups;
use super::common::*;
use super::heatmap::HeatmapView;
use crate::catalogue::{Catalogue, UseCaseCoverage};
use crate::render::paths::{PageRef, product_layer, relative};

/// The page of one vendor product.
#[derive(Debug, Clone, Serialize)]
pub struct ProductView {
    /// "Vendor Product", see [`product_title`].
    pub title: String,
    pub vendor: String,
    pub product: String,
    pub description: Option<String>,
    pub breadcrumbs: Vec<Link>,
    pub categories: Vec<Link>,
    pub parsers: Vec<Link>,
    pub totals: Vec<Total>,
    pub rows: Vec<UseCaseRow>,
    pub matrix: MatrixView,
    /// The same techniques as `matrix`, coloured by rule count.
    pub heatmap: HeatmapView,
    /// Link to the product's ATT&CK Navigator layer in the HTML site.
    pub navigator_layer: String,
    pub attack_version: String,
}

/// One use case with coverage, as a row of the product page's table.
#[derive(Debug, Clone, Serialize)]
pub struct UseCaseRow {
    pub use_case: Link,
    pub activity_types: Vec<String>,
    pub event_types: Vec<EventTypeParsers>,
    pub techniques: Vec<TechniqueView>,
    pub content: ContentCount,
}

/// An event type with the parsers of the product that produce it.
#[derive(Debug, Clone, Serialize)]
pub struct EventTypeParsers {
    pub id: String,
    pub parsers: Vec<Link>,
}

impl ProductView {
    /// Builds the view of product `index`.
    pub fn new(lookups: &Lookups<'_>, index: usize, linker: &Linker) -> Self {
        let catalogue = lookups.catalogue;
        let product = &catalogue.products[index];
        let vendor = &catalogue.vendors[product.vendor];
        // The product's parsers of each event type, in index order as in
        // `EventType::parsers`, which lists the parsers of every product.
        let mut parsers_by_event_type: HashMap<usize, Vec<usize>> = HashMap::new();
        for &parser in &product.parsers {
            for &event_type in &catalogue.parsers[parser].event_types {
                parsers_by_event_type.entry(event_type).or_default().push(parser);
            }
        }
        let rows: Vec<UseCaseRow> = product
            .coverage
            .iter()
            .map(|coverage| use_case_row(lookups, index, coverage, &parsers_by_event_type, linker))
            .collect();
        let all_rules: BTreeSet<usize> = product.coverage.iter().flat_map(|c| c.rules.iter().copied()).collect();
        let all_models: BTreeSet<usize> = product.coverage.iter().flat_map(|c| c.models.iter().copied()).collect();
        let counts = product_technique_counts(catalogue, index);
        let counted: Vec<(String, usize)> = counts.iter().map(|(id, &count)| (id.clone(), count)).collect();
        let first_rules = first_rule_by_technique(catalogue, index);
        let heatmap_href = |technique: &str| match first_rules.get(technique) {
            Some(&(use_case, rule)) => rule_anchor_href(catalogue, index, use_case, rule, linker),
            None => String::new(),
        };
        ProductView {
            title: product_title(catalogue, index),
            vendor: vendor.name.clone(),
            product: product.name.clone(),
            description: product.description.clone(),
            breadcrumbs: vec![
                linker.link("Catalogue", &PageRef::Landing),
                linker.link("Data sources", &PageRef::DataSources),
            ],
            categories: product
                .categories
                .iter()
                .map(|&c| Link {
                    text: catalogue.categories[c].name.clone(),
                    href: format!("{}#{}", linker.href(&PageRef::Categories), catalogue.categories[c].id),
                })
                .collect(),
            parsers: product
                .parsers
                .iter()
                .map(|&p| linker.link(&catalogue.parsers[p].id, &PageRef::Parser(&catalogue.parsers[p].id)))
                .collect(),
            totals: vec![
                Total {
                    label: "Parsers".into(),
                    count: product.parsers.len(),
                    href: None,
                },
                Total {
                    label: "Event types".into(),
                    count: product.event_types.len(),
                    href: None,
                },
                Total {
                    label: "Use cases".into(),
                    count: product.coverage.len(),
                    href: None,
                },
                Total {
                    label: "Rules".into(),
                    count: all_rules.len(),
                    href: None,
                },
                Total {
                    label: "Models".into(),
                    count: all_models.len(),
                    href: None,
                },
            ],
            matrix: MatrixView::new(lookups, &counted),
            heatmap: HeatmapView::new(&catalogue.attack, &counts, &heatmap_href),
            navigator_layer: relative(&linker.from, &product_layer(&vendor.id, &product.id)),
            rows,
            attack_version: catalogue.attack.version().to_string(),
        }
    }
}

fn use_case_row(
    lookups: &Lookups<'_>,
    product: usize,
    coverage: &UseCaseCoverage,
    parsers_by_event_type: &HashMap<usize, Vec<usize>>,
    linker: &Linker,
) -> UseCaseRow {
    let catalogue = lookups.catalogue;
    let use_case = &catalogue.use_cases[coverage.use_case];
    let page = product_use_case_page(catalogue, product, coverage.use_case);
    let counts = technique_counts(catalogue, &coverage.rules);
    UseCaseRow {
        use_case: linker.link(&use_case.name, &PageRef::UseCase(&use_case.id)),
        activity_types: names(coverage.activity_types.iter().map(|&a| &catalogue.activity_types[a])),
        event_types: coverage
            .event_types
            .iter()
            .map(|&e| {
                let event_type = &catalogue.event_types[e];
                let parsers = parsers_by_event_type
                    .get(&e)
                    .into_iter()
                    .flatten()
                    .map(|&p| linker.link(&catalogue.parsers[p].id, &PageRef::Parser(&catalogue.parsers[p].id)))
                    .collect();
                EventTypeParsers {
                    id: event_type.id.clone(),
                    parsers,
                }
            })
            .collect(),
        techniques: coverage
            .techniques
            .iter()
            .map(|t| lookups.technique(t, counts.get(t.as_str()).copied().unwrap_or(0)))
            .collect(),
        content: ContentCount {
            rules: coverage.rules.len(),
            models: coverage.models.len(),
            href: linker.href(&page),
        },
    }
}

/// Returns, for every technique of `rules`, the number of those rules mapped to it.
fn technique_counts<'a>(catalogue: &'a Catalogue, rules: &[usize]) -> HashMap<&'a str, usize> {
    let mut counts = HashMap::new();
    for &rule in rules {
        for technique in &catalogue.rules[rule].techniques {
            *counts.entry(technique.as_str()).or_insert(0) += 1;
        }
    }
    counts
}

/// Returns, for every technique of the rules covering product `product`,
/// the use case and rule that links about the technique lead to. That rule
/// is the first one mapped to the technique in coverage order.
pub fn first_rule_by_technique(catalogue: &Catalogue, product: usize) -> HashMap<&str, (usize, usize)> {
    let mut first = HashMap::new();
    for coverage in &catalogue.products[product].coverage {
        for &rule in &coverage.rules {
            for technique in &catalogue.rules[rule].techniques {
                first.entry(technique.as_str()).or_insert((coverage.use_case, rule));
            }
        }
    }
    first
}

/// Returns the link to the row of rule `rule` on the page of product
/// `product` and use case `use_case`.
pub fn rule_anchor_href(
    catalogue: &Catalogue,
    product: usize,
    use_case: usize,
    rule: usize,
    linker: &Linker,
) -> String {
    let page = product_use_case_page(catalogue, product, use_case);
    format!("{}#rule-{}", linker.href(&page), catalogue.rules[rule].id)
}

/// Returns, for every technique of the rules covering product `product`,
/// the number of those rules mapped to it.
pub fn product_technique_counts(catalogue: &Catalogue, product: usize) -> BTreeMap<String, usize> {
    let rules: BTreeSet<usize> = catalogue.products[product]
        .coverage
        .iter()
        .flat_map(|c| c.rules.iter().copied())
        .collect();
    let mut counts = BTreeMap::new();
    for rule in rules {
        for technique in &catalogue.rules[rule].techniques {
            *counts.entry(technique.clone()).or_insert(0) += 1;
        }
    }
    counts
}

/// Returns the product × use case page.
pub fn product_use_case_page(catalogue: &Catalogue, product: usize, use_case: usize) -> PageRef<'_> {
    let p = &catalogue.products[product];
    PageRef::ProductUseCase {
        vendor: &catalogue.vendors[p.vendor].id,
        product: &p.id,
        use_case: &catalogue.use_cases[use_case].id,
    }
}

/// The page listing what covers one product for one use case.
#[derive(Debug, Clone, Serialize)]
pub struct ProductUseCaseView {
    pub title: String,
    pub use_case: Link,
    pub use_case_description: Option<String>,
    pub breadcrumbs: Vec<Link>,
    pub rule_count: usize,
    pub model_count: usize,
    pub groups: Vec<EventTypeGroup>,
    /// A [`ModelRow`] for each model, as prepared by [`Lookups`].
    pub models: Vec<Value>,
}

/// Rules that consume one event type, grouped by technique.
#[derive(Debug, Clone, Serialize)]
pub struct EventTypeGroup {
    pub event_type: String,
    pub name: String,
    pub techniques: Vec<TechniqueGroup>,
}

/// Rules mapped to one technique; `technique` is `None` for rules without one.
#[derive(Debug, Clone, Serialize)]
pub struct TechniqueGroup {
    pub technique: Option<TechniqueView>,
    /// A [`RuleRow`] for each rule, as prepared by [`Lookups`].
    pub rules: Vec<Value>,
}

#[derive(Debug, Clone, Serialize)]
pub struct RuleRow {
    pub id: String,
    /// True on the first row of the rule on its page, which carries the
    /// `rule-<id>` anchor; a rule can be listed under several techniques.
    pub anchor: bool,
    pub name: String,
    pub description: String,
    pub activity_type: String,
    pub score: Option<u32>,
    pub models: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ModelRow {
    pub id: String,
    pub name: String,
    pub description: String,
    pub scope: String,
    pub feature: String,
}

impl ProductUseCaseView {
    /// Builds the view for product `product` and the coverage entry `coverage`.
    pub fn new(lookups: &Lookups<'_>, product: usize, coverage: &UseCaseCoverage, linker: &Linker) -> Self {
        let catalogue = lookups.catalogue;
        let use_case = &catalogue.use_cases[coverage.use_case];
        let title = product_title(catalogue, product);
        ProductUseCaseView {
            title: format!("{title}: {}", use_case.name),
            use_case: linker.link(&use_case.name, &PageRef::UseCase(&use_case.id)),
            use_case_description: use_case.description.clone(),
            breadcrumbs: vec![
                linker.link("Catalogue", &PageRef::Landing),
                linker.link("Data sources", &PageRef::DataSources),
                linker.link(&title, &product_page(catalogue, product)),
            ],
            rule_count: coverage.rules.len(),
            model_count: coverage.models.len(),
            groups: event_type_groups(lookups, coverage),
            models: coverage.models.iter().map(|&m| lookups.model_row(m)).collect(),
        }
    }
}

/// Covering rules that consume one event type, by technique, before they become rows.
#[derive(Clone, Default)]
struct EventTypeRules<'a> {
    by_technique: BTreeMap<&'a str, Vec<usize>>,
    /// Rules mapped to no technique.
    unmapped: Vec<usize>,
}

/// Groups the rules of `coverage` by the event types they consume, in the
/// order of `coverage.event_types`, and each group by technique.
fn event_type_groups(lookups: &Lookups<'_>, coverage: &UseCaseCoverage) -> Vec<EventTypeGroup> {
    let catalogue = lookups.catalogue;
    let mut buckets = vec![EventTypeRules::default(); coverage.event_types.len()];
    let positions: HashMap<usize, usize> = coverage
        .event_types
        .iter()
        .enumerate()
        .map(|(position, &event_type)| (event_type, position))
        .collect();
    for &rule in &coverage.rules {
        let definition = &catalogue.rules[rule];
        for event_type in &definition.event_types {
            let Some(&position) = positions.get(event_type) else {
                continue;
            };
            let bucket = &mut buckets[position];
            if definition.techniques.is_empty() {
                bucket.unmapped.push(rule);
            }
            for technique in &definition.techniques {
                bucket.by_technique.entry(technique).or_default().push(rule);
            }
        }
    }
    // Only a rule's first row on the page carries its anchor, so this
    // records the rules listed so far, in page order.
    let mut listed = HashSet::new();
    let mut rows = |rules: &[usize]| -> Vec<Value> {
        rules
            .iter()
            .map(|&rule| lookups.rule_row(rule, listed.insert(rule)))
            .collect()
    };
    coverage
        .event_types
        .iter()
        .zip(buckets)
        .map(|(&event_type, bucket)| {
            let mut groups: Vec<TechniqueGroup> = bucket
                .by_technique
                .into_iter()
                .map(|(technique, rules)| TechniqueGroup {
                    technique: Some(lookups.technique(technique, rules.len())),
                    rules: rows(&rules),
                })
                .collect();
            if !bucket.unmapped.is_empty() {
                groups.push(TechniqueGroup {
                    technique: None,
                    rules: rows(&bucket.unmapped),
                });
            }
            let event = &catalogue.event_types[event_type];
            EventTypeGroup {
                event_type: event.id.clone(),
                name: event.name.clone(),
                techniques: groups,
            }
        })
        .collect()
}

/// Returns the row of rule `index` on product × use case pages, with `anchor` set as given.
pub(super) fn rule_row(catalogue: &Catalogue, index: usize, anchor: bool) -> RuleRow {
    let rule = &catalogue.rules[index];
    RuleRow {
        id: rule.id.clone(),
        anchor,
        name: rule.name.clone(),
        description: rule.description.clone().unwrap_or_default(),
        activity_type: catalogue.activity_types[rule.activity_type].name.clone(),
        score: rule.score,
        models: rule.models.iter().map(|&m| catalogue.models[m].id.clone()).collect(),
    }
}

/// Returns the row of model `index` on product × use case pages.
pub(super) fn model_row(catalogue: &Catalogue, index: usize) -> ModelRow {
    let model = &catalogue.models[index];
    ModelRow {
        id: model.id.clone(),
        name: model.name.clone(),
        description: model.description.clone().unwrap_or_default(),
        scope: model.scope.label().to_string(),
        feature: model.feature.clone().unwrap_or_default(),
    }
}
