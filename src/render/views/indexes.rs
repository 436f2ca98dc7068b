//! Views of the landing page, the index pages, use case pages and the
//! global ATT&CK coverage page.

use std::collections::BTreeSet;

use serde::Serialize;

use super::Lookups;
use super::common::*;
use super::heatmap::HeatmapView;
use super::product::product_use_case_page;
use crate::catalogue::Catalogue;
use crate::render::paths::{PageRef, catalogue_layer, relative};

#[derive(Debug, Clone, Serialize)]
pub struct LandingView {
    pub title: String,
    pub description: Option<String>,
    pub attack_version: String,
    pub totals: Vec<Total>,
}

impl LandingView {
    pub fn new(catalogue: &Catalogue, linker: &Linker) -> Self {
        let covered = catalogue.rules_by_technique().len();
        let total = |label: &str, count: usize, page: Option<PageRef<'_>>| Total {
            label: label.to_string(),
            count,
            href: page.map(|p| linker.href(&p)),
        };
        LandingView {
            title: catalogue.settings.title.clone(),
            description: catalogue.settings.description.clone(),
            attack_version: catalogue.attack.version().to_string(),
            totals: vec![
                total("Vendors", catalogue.vendors.len(), Some(PageRef::DataSources)),
                total(
                    "Data sources (products)",
                    catalogue.products.len(),
                    Some(PageRef::DataSources),
                ),
                total(
                    "Product categories",
                    catalogue.categories.len(),
                    Some(PageRef::Categories),
                ),
                total("Parsers", catalogue.parsers.len(), None),
                total("Event types", catalogue.event_types.len(), None),
                total("Use cases", catalogue.use_cases.len(), Some(PageRef::UseCases)),
                total("Rules", catalogue.rules.len(), None),
                total("Models", catalogue.models.len(), None),
                total("ATT&CK techniques covered", covered, Some(PageRef::Coverage)),
            ],
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct DataSourcesView {
    pub breadcrumbs: Vec<Link>,
    pub vendors: Vec<VendorEntry>,
}

#[derive(Debug, Clone, Serialize)]
pub struct VendorEntry {
    pub id: String,
    pub name: String,
    pub url: Option<String>,
    pub products: Vec<ProductEntry>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ProductEntry {
    pub product: Link,
    pub categories: Vec<String>,
    pub parsers: usize,
    pub event_types: usize,
    pub use_cases: usize,
    pub rules: usize,
    pub models: usize,
}

impl DataSourcesView {
    pub fn new(catalogue: &Catalogue, linker: &Linker) -> Self {
        let mut vendors: Vec<&crate::catalogue::Vendor> = catalogue.vendors.iter().collect();
        vendors.sort_by(|a, b| (&a.name, &a.id).cmp(&(&b.name, &b.id)));
        DataSourcesView {
            breadcrumbs: vec![linker.link("Catalogue", &PageRef::Landing)],
            vendors: vendors
                .into_iter()
                .map(|vendor| VendorEntry {
                    id: vendor.id.clone(),
                    name: vendor.name.clone(),
                    url: vendor.url.clone(),
                    products: vendor
                        .products
                        .iter()
                        .map(|&p| product_entry(catalogue, p, linker))
                        .collect(),
                })
                .collect(),
        }
    }
}

fn product_entry(catalogue: &Catalogue, index: usize, linker: &Linker) -> ProductEntry {
    let product = &catalogue.products[index];
    let rules: BTreeSet<usize> = product.coverage.iter().flat_map(|c| c.rules.iter().copied()).collect();
    let models: BTreeSet<usize> = product.coverage.iter().flat_map(|c| c.models.iter().copied()).collect();
    ProductEntry {
        product: linker.link(&product.name, &product_page(catalogue, index)),
        categories: product
            .categories
            .iter()
            .map(|&c| catalogue.categories[c].name.clone())
            .collect(),
        parsers: product.parsers.len(),
        event_types: product.event_types.len(),
        use_cases: product.coverage.len(),
        rules: rules.len(),
        models: models.len(),
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct CategoriesView {
    pub breadcrumbs: Vec<Link>,
    pub categories: Vec<CategoryEntry>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CategoryEntry {
    pub id: String,
    pub name: String,
    pub description: Option<String>,
    /// Products, labelled "Vendor Product".
    pub products: Vec<Link>,
}

impl CategoriesView {
    pub fn new(lookups: &Lookups<'_>, linker: &Linker) -> Self {
        let catalogue = lookups.catalogue;
        let order = &lookups.products_in_order;
        CategoriesView {
            breadcrumbs: vec![linker.link("Catalogue", &PageRef::Landing)],
            categories: catalogue
                .categories
                .iter()
                .enumerate()
                .map(|(index, category)| CategoryEntry {
                    id: category.id.clone(),
                    name: category.name.clone(),
                    description: category.description.clone(),
                    products: order
                        .iter()
                        .filter(|&&p| catalogue.products[p].categories.contains(&index))
                        .map(|&p| linker.link(&product_title(catalogue, p), &product_page(catalogue, p)))
                        .collect(),
                })
                .collect(),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct UseCasesView {
    pub breadcrumbs: Vec<Link>,
    pub use_cases: Vec<UseCaseEntry>,
}

#[derive(Debug, Clone, Serialize)]
pub struct UseCaseEntry {
    pub use_case: Link,
    pub description: Option<String>,
    pub products: usize,
    pub rules: usize,
    pub models: usize,
}

impl UseCasesView {
    pub fn new(catalogue: &Catalogue, linker: &Linker) -> Self {
        let mut order: Vec<usize> = (0..catalogue.use_cases.len()).collect();
        order.sort_by(|&a, &b| catalogue.use_cases[a].name.cmp(&catalogue.use_cases[b].name));
        UseCasesView {
            breadcrumbs: vec![linker.link("Catalogue", &PageRef::Landing)],
            use_cases: order
                .into_iter()
                .map(|u| {
                    let use_case = &catalogue.use_cases[u];
                    let rules = catalogue.rules.iter().filter(|r| r.use_cases.contains(&u));
                    let models: BTreeSet<usize> = rules.clone().flat_map(|r| r.models.iter().copied()).collect();
                    UseCaseEntry {
                        use_case: linker.link(&use_case.name, &PageRef::UseCase(&use_case.id)),
                        description: use_case.description.clone(),
                        products: catalogue
                            .products
                            .iter()
                            .filter(|p| p.coverage.iter().any(|c| c.use_case == u))
                            .count(),
                        rules: rules.count(),
                        models: models.len(),
                    }
                })
                .collect(),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct UseCaseView {
    pub name: String,
    pub description: Option<String>,
    pub breadcrumbs: Vec<Link>,
    pub rows: Vec<UseCaseProductRow>,
}

/// One product covered for the use case.
#[derive(Debug, Clone, Serialize)]
pub struct UseCaseProductRow {
    pub vendor: String,
    pub product: Link,
    pub event_types: Vec<String>,
    pub techniques: Vec<TechniqueView>,
    pub content: ContentCount,
}

impl UseCaseView {
    pub fn new(lookups: &Lookups<'_>, use_case: usize, linker: &Linker) -> Self {
        let catalogue = lookups.catalogue;
        let named = &catalogue.use_cases[use_case];
        let rows = lookups
            .products_in_order
            .iter()
            .filter_map(|&p| {
                let product = &catalogue.products[p];
                let coverage = product.coverage.iter().find(|c| c.use_case == use_case)?;
                Some(UseCaseProductRow {
                    vendor: catalogue.vendors[product.vendor].name.clone(),
                    product: linker.link(&product.name, &product_page(catalogue, p)),
                    event_types: coverage
                        .event_types
                        .iter()
                        .map(|&e| catalogue.event_types[e].id.clone())
                        .collect(),
                    techniques: coverage.techniques.iter().map(|t| lookups.technique(t, 0)).collect(),
                    content: ContentCount {
                        rules: coverage.rules.len(),
                        models: coverage.models.len(),
                        href: linker.href(&product_use_case_page(catalogue, p, use_case)),
                    },
                })
            })
            .collect();
        UseCaseView {
            name: named.name.clone(),
            description: named.description.clone(),
            breadcrumbs: vec![
                linker.link("Catalogue", &PageRef::Landing),
                linker.link("Use cases", &PageRef::UseCases),
            ],
            rows,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct CoverageView {
    pub breadcrumbs: Vec<Link>,
    pub attack_version: String,
    pub matrix: MatrixView,
    /// The same techniques as `matrix`, coloured by rule count.
    pub heatmap: HeatmapView,
    /// Link to the catalogue's ATT&CK Navigator layer in the HTML site.
    pub navigator_layer: String,
    pub techniques: Vec<CoveredTechnique>,
}

/// A covered technique with the tactics it belongs to and the rules mapped to it.
#[derive(Debug, Clone, Serialize)]
pub struct CoveredTechnique {
    pub technique: TechniqueView,
    pub tactics: Vec<String>,
    pub rules: Vec<String>,
    /// The same rules, linked to where they are listed when a page lists them.
    pub rule_links: Vec<RuleLink>,
}

/// A rule id with the link to its row, if a product × use case page lists it.
#[derive(Debug, Clone, Serialize)]
pub struct RuleLink {
    pub id: String,
    pub href: Option<String>,
}

impl CoverageView {
    pub fn new(lookups: &Lookups<'_>, linker: &Linker) -> Self {
        let catalogue = lookups.catalogue;
        let by_technique = catalogue.rules_by_technique();
        let counted: Vec<(String, usize)> = by_technique
            .iter()
            .map(|(t, rules)| (t.to_string(), rules.len()))
            .collect();
        let attack = &catalogue.attack;
        CoverageView {
            breadcrumbs: vec![linker.link("Catalogue", &PageRef::Landing)],
            attack_version: attack.version().to_string(),
            matrix: MatrixView::new(lookups, &counted),
            heatmap: HeatmapView::new(attack, &counted.iter().cloned().collect(), &|id| {
                format!("#technique-{id}")
            }),
            navigator_layer: relative(&linker.from, &catalogue_layer()),
            techniques: by_technique
                .iter()
                .map(|(id, rules)| CoveredTechnique {
                    technique: lookups.technique(id, rules.len()),
                    tactics: attack
                        .technique(id)
                        .map(|t| {
                            t.tactics
                                .iter()
                                .filter_map(|s| attack.tactic(s))
                                .map(|t| t.name.clone())
                                .collect()
                        })
                        .unwrap_or_default(),
                    rules: rules.iter().map(|&r| catalogue.rules[r].id.clone()).collect(),
                    rule_links: rules
                        .iter()
                        .map(|&r| RuleLink {
                            id: catalogue.rules[r].id.clone(),
                            href: lookups.rule_href(r, linker),
                        })
                        .collect(),
                })
                .collect(),
        }
    }
}
