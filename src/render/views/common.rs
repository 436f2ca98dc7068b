//! Pieces shared by several views: links, techniques, the ATT&CK matrix.

use serde::Serialize;

use super::Lookups;
use crate::attack::AttackData;
use crate::catalogue::Catalogue;
use crate::render::paths::{PageRef, relative};

/// Builds links from one page to others in one output format.
#[derive(Debug, Clone)]
pub struct Linker {
    pub ext: &'static str,
    /// Path of the page being rendered, relative to the output root.
    pub from: String,
}

impl Linker {
    /// Creates a linker for `page` in the format with extension `ext`.
    pub fn new(ext: &'static str, page: &PageRef<'_>) -> Self {
        Linker {
            ext,
            from: page.path(ext),
        }
    }

    /// Returns the relative link to `page`.
    pub fn href(&self, page: &PageRef<'_>) -> String {
        relative(&self.from, &page.path(self.ext))
    }

    /// Returns a link with `text` to `page`.
    pub fn link(&self, text: &str, page: &PageRef<'_>) -> Link {
        Link {
            text: text.to_string(),
            href: self.href(page),
        }
    }
}

/// Text with a target.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Link {
    pub text: String,
    pub href: String,
}

/// An ATT&CK technique as shown on a page.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct TechniqueView {
    pub id: String,
    /// Official ATT&CK name; for a sub-technique, `Parent: Sub-technique`.
    pub name: String,
    pub url: String,
    /// Number of rules mapped to the technique in the scope of the page.
    pub rules: usize,
}

impl TechniqueView {
    /// Returns the view of technique `id`, which must be in `attack`.
    pub fn new(attack: &AttackData, id: &str, rules: usize) -> Self {
        let technique = attack.technique(id);
        let name = technique.map_or_else(|| id.to_string(), |t| full_name(attack, t));
        let url = technique.map_or_else(String::new, |t| t.url());
        TechniqueView {
            id: id.to_string(),
            name,
            url,
            rules,
        }
    }
}

pub(super) fn full_name(attack: &AttackData, technique: &crate::attack::Technique) -> String {
    match technique.parent.as_deref().and_then(|p| attack.technique(p)) {
        Some(parent) => format!("{}: {}", parent.name, technique.name),
        None => technique.name.clone(),
    }
}

/// An ATT&CK matrix: enterprise tactics as columns, covered techniques under
/// every tactic they belong to.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct MatrixView {
    pub tactics: Vec<String>,
    /// Row-major cells; `None` where a tactic has fewer techniques than the row number.
    pub rows: Vec<Vec<Option<TechniqueView>>>,
}

impl MatrixView {
    /// Lays out `techniques` (id, rule count) by tactic in ATT&CK matrix order.
    pub fn new(lookups: &Lookups<'_>, techniques: &[(String, usize)]) -> Self {
        let attack = &lookups.catalogue.attack;
        let tactics = attack.tactics();
        let mut columns: Vec<Vec<TechniqueView>> = vec![Vec::new(); tactics.len()];
        for (id, count) in techniques {
            let Some(technique) = attack.technique(id) else {
                continue;
            };
            for (column, tactic) in columns.iter_mut().zip(tactics) {
                if technique.tactics.contains(&tactic.shortname) {
                    column.push(lookups.technique(id, *count));
                }
            }
        }
        let height = columns.iter().map(Vec::len).max().unwrap_or(0);
        let rows = (0..height)
            .map(|row| columns.iter().map(|column| column.get(row).cloned()).collect())
            .collect();
        MatrixView {
            tactics: tactics.iter().map(|t| t.name.clone()).collect(),
            rows,
        }
    }
}

/// Rule and model counts with a link to where they are listed.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ContentCount {
    pub rules: usize,
    pub models: usize,
    pub href: String,
}

/// A labelled number for summary lists.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Total {
    pub label: String,
    pub count: usize,
    pub href: Option<String>,
}

/// Returns the id and name of every activity type, for display.
pub fn names<'a>(items: impl IntoIterator<Item = &'a crate::catalogue::Named>) -> Vec<String> {
    items.into_iter().map(|n| n.name.clone()).collect()
}

/// Returns the product page of product `index`.
pub fn product_page(catalogue: &Catalogue, index: usize) -> PageRef<'_> {
    let product = &catalogue.products[index];
    PageRef::Product {
        vendor: &catalogue.vendors[product.vendor].id,
        product: &product.id,
    }
}

/// Returns "Vendor Product", the display name of a data source.
///
/// A product name that already starts with the vendor's name, such as
/// "Contoso MailGuard" of vendor "Contoso", is used as it is.
pub fn product_title(catalogue: &Catalogue, index: usize) -> String {
    let product = &catalogue.products[index];
    let vendor = &catalogue.vendors[product.vendor].name;
    let starts_with_vendor = product
        .name
        .get(..vendor.len())
        .is_some_and(|prefix| prefix.eq_ignore_ascii_case(vendor) && product.name[vendor.len()..].starts_with(' '));
    if starts_with_vendor {
        product.name.clone()
    } else {
        format!("{vendor} {}", product.name)
    }
}
