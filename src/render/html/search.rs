//! The search index: one short entry per vendor, product, parser, rule,
//! model, use case and covered technique, written as a script that assigns
//! a global, because browsers block `fetch()` of local files under file://.

use serde::Serialize;

use super::describe;
use crate::render::paths::PageRef;
use crate::render::views::{Linker, Lookups, product_page, product_title};

/// Path of the index script, relative to the site root.
pub const INDEX_PATH: &str = "assets/search-index.js";

/// Maximum length of an entry's text, in characters.
const TEXT_MAX: usize = 120;

/// One search result. Keys are one letter to keep the index small.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Entry {
    /// Title.
    pub t: String,
    /// Kind, such as "product" or "rule".
    pub k: &'static str,
    /// Short text: the start of the description, or a summary.
    pub x: String,
    /// URL relative to the site root.
    pub u: String,
}

/// Returns the index script for the catalogue of `lookups`.
pub fn script(lookups: &Lookups<'_>) -> String {
    let json = serde_json::to_string(&entries(lookups)).unwrap_or_else(|_| "[]".into());
    format!("window.CONTENTDOC_SEARCH={json};\n")
}

/// Builds the index entries in a fixed order: by kind, then by id.
pub fn entries(lookups: &Lookups<'_>) -> Vec<Entry> {
    let catalogue = lookups.catalogue;
    let root = Linker::new("html", &PageRef::Landing);
    let href = |page: &PageRef<'_>| root.href(page);
    let mut entries = Vec::new();
    for vendor in &catalogue.vendors {
        let url = format!("{}#vendor-{}", href(&PageRef::DataSources), vendor.id);
        entries.push(entry(&vendor.name, "vendor", vendor.description.as_deref(), url));
    }
    for index in 0..catalogue.products.len() {
        let product = &catalogue.products[index];
        let url = href(&product_page(catalogue, index));
        entries.push(entry(
            &product_title(catalogue, index),
            "product",
            product.description.as_deref(),
            url,
        ));
    }
    for parser in &catalogue.parsers {
        let summary = format!("Parser for {}", product_title(catalogue, parser.product));
        entries.push(entry(
            &parser.id,
            "parser",
            Some(&summary),
            href(&PageRef::Parser(&parser.id)),
        ));
    }
    for (index, rule) in catalogue.rules.iter().enumerate() {
        let url = match lookups.rule_listing(index) {
            Some(page) => format!("{}#rule-{}", href(&page), rule.id),
            None => continue,
        };
        let title = format!("{} {}", rule.id, rule.name);
        entries.push(entry(&title, "rule", rule.description.as_deref(), url));
    }
    for (index, model) in catalogue.models.iter().enumerate() {
        let Some(page) = lookups.model_listing(index) else {
            continue;
        };
        let url = format!("{}#model-{}", href(&page), model.id);
        let title = format!("{} {}", model.id, model.name);
        entries.push(entry(&title, "model", model.description.as_deref(), url));
    }
    for use_case in &catalogue.use_cases {
        let url = href(&PageRef::UseCase(&use_case.id));
        entries.push(entry(&use_case.name, "use case", use_case.description.as_deref(), url));
    }
    for technique in catalogue.rules_by_technique().keys() {
        let name = catalogue.attack.technique(technique).map_or("", |t| t.name.as_str());
        let url = format!("{}#technique-{technique}", href(&PageRef::Coverage));
        entries.push(entry(&format!("{technique} {name}"), "technique", None, url));
    }
    entries
}

fn entry(title: &str, kind: &'static str, text: Option<&str>, url: String) -> Entry {
    Entry {
        t: title.to_string(),
        k: kind,
        x: shorten(&describe::to_text(text.unwrap_or(""))),
        u: url,
    }
}

/// Collapses whitespace and cuts `text` to at most [`TEXT_MAX`] characters,
/// ending a cut text with an ellipsis.
fn shorten(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let joined = words.join(" ");
    if joined.chars().count() <= TEXT_MAX {
        return joined;
    }
    let mut cut: String = joined.chars().take(TEXT_MAX - 1).collect();
    cut.push('…');
    cut
}

#[cfg(test)]
mod tests {
    use super::shorten;

    #[test]
    fn shorten_collapses_whitespace() {
        assert_eq!(shorten(" a\n\n b\t c "), "a b c");
    }

    #[test]
    fn shorten_cuts_long_text() {
        let text = "x".repeat(200);
        let short = shorten(&text);
        assert_eq!(short.chars().count(), 120);
        assert!(short.ends_with('…'));
    }
}
