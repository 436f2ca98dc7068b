//! The resolved catalogue: every definition with its references checked and
//! turned into indexes, plus the coverage derived from them.
//!
//! Renderers see only this type. All lists are sorted by id, so iteration
//! order, and therefore output, is deterministic.

mod coverage;
mod ids;
mod resolve;

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::PathBuf;

pub use coverage::{UseCaseCoverage, technique_id_of};
pub use resolve::resolve;

use crate::attack::AttackData;
use crate::load::raw::{ModelScope, RawParser};

/// Location a definition was read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    pub file: PathBuf,
    pub line: u64,
}

/// Catalogue-wide settings from `contentdoc.yaml`.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    pub title: String,
    pub description: Option<String>,
    pub base_url: Option<String>,
    /// Content directory the catalogue was loaded from.
    pub content_root: PathBuf,
}

/// A definition that has only an id, a name and a description:
/// categories, use cases and activity types.
#[derive(Debug, Clone)]
pub struct Named {
    pub id: String,
    pub name: String,
    pub description: Option<String>,
    pub source: Source,
}

#[derive(Debug, Clone)]
pub struct Vendor {
    pub id: String,
    pub name: String,
    pub description: Option<String>,
    pub url: Option<String>,
    /// Indexes into [`Catalogue::products`], sorted by product name.
    pub products: Vec<usize>,
    pub source: Source,
}

/// A data source: one product of a vendor.
#[derive(Debug, Clone)]
pub struct Product {
    pub id: String,
    pub name: String,
    pub description: Option<String>,
    /// Index into [`Catalogue::vendors`].
    pub vendor: usize,
    /// Indexes into [`Catalogue::categories`].
    pub categories: Vec<usize>,
    /// Indexes into [`Catalogue::parsers`].
    pub parsers: Vec<usize>,
    /// Union of the parsers' event types, indexes into [`Catalogue::event_types`].
    pub event_types: Vec<usize>,
    /// Use cases with at least one covering rule, sorted by use case name.
    pub coverage: Vec<UseCaseCoverage>,
    pub source: Source,
}

#[derive(Debug, Clone)]
pub struct Parser {
    pub id: String,
    /// Index into [`Catalogue::vendors`].
    pub vendor: usize,
    /// Index into [`Catalogue::products`].
    pub product: usize,
    /// Claimed event types, indexes into [`Catalogue::event_types`].
    pub event_types: Vec<usize>,
    /// The definition as written, for the parser engine and the parser page.
    pub definition: std::sync::Arc<RawParser>,
    pub source: Source,
}

#[derive(Debug, Clone)]
pub struct EventType {
    pub id: String,
    pub name: String,
    pub description: Option<String>,
    pub data_type: Option<String>,
    /// Parsed field → value an event must have to be of this type.
    pub classification: BTreeMap<String, String>,
    /// Parsers claiming this event type, indexes into [`Catalogue::parsers`].
    pub parsers: Vec<usize>,
    pub source: Source,
}

#[derive(Debug, Clone)]
pub struct Rule {
    pub id: String,
    pub name: String,
    pub description: Option<String>,
    /// Indexes into [`Catalogue::use_cases`].
    pub use_cases: Vec<usize>,
    /// Index into [`Catalogue::activity_types`].
    pub activity_type: usize,
    /// Indexes into [`Catalogue::event_types`].
    pub event_types: Vec<usize>,
    /// ATT&CK technique ids, each present in [`Catalogue::attack`].
    pub techniques: Vec<String>,
    /// Indexes into [`Catalogue::models`].
    pub models: Vec<usize>,
    pub score: Option<u32>,
    pub source: Source,
}

/// A behavioural model that rules use to decide what is anomalous.
#[derive(Debug, Clone)]
pub struct Model {
    pub id: String,
    pub name: String,
    pub description: Option<String>,
    pub feature: Option<String>,
    pub scope: ModelScope,
    /// Indexes into [`Catalogue::event_types`].
    pub event_types: Vec<usize>,
    /// Rules that use the model, indexes into [`Catalogue::rules`].
    pub rules: Vec<usize>,
    pub source: Source,
}

/// The whole resolved content.
#[derive(Debug, Clone)]
pub struct Catalogue {
    pub settings: Settings,
    pub attack: Cow<'static, AttackData>,
    pub vendors: Vec<Vendor>,
    pub products: Vec<Product>,
    pub parsers: Vec<Parser>,
    pub categories: Vec<Named>,
    pub use_cases: Vec<Named>,
    pub activity_types: Vec<Named>,
    pub event_types: Vec<EventType>,
    pub rules: Vec<Rule>,
    pub models: Vec<Model>,
}

impl Catalogue {
    /// Returns, for every covered technique id, the rules mapped to it.
    pub fn rules_by_technique(&self) -> BTreeMap<&str, Vec<usize>> {
        let mut map: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for (index, rule) in self.rules.iter().enumerate() {
            for technique in &rule.techniques {
                map.entry(technique.as_str()).or_default().push(index);
            }
        }
        map
    }

    /// Returns `file` relative to the content directory, with `/` separators,
    /// so that pages do not depend on where the content was checked out.
    pub fn relative_path(&self, file: &std::path::Path) -> String {
        let relative = file.strip_prefix(&self.settings.content_root).unwrap_or(file);
        let parts: Vec<String> = relative
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        parts.join("/")
    }

    /// Returns the products in display order: vendor name, then product name.
    pub fn products_in_order(&self) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.products.len()).collect();
        order.sort_by(|&a, &b| {
            let key = |i: usize| {
                let product = &self.products[i];
                (&self.vendors[product.vendor].name, &product.name, &product.id)
            };
            key(a).cmp(&key(b))
        });
        order
    }
}
