//! Parts shared by every HTML page: the site title, the header navigation and
//! the path back to the site root.

use serde::Serialize;

use crate::render::paths::PageRef;

/// Pages in the header navigation, in order, with their labels.
const NAVIGATION: [(&str, PageRef<'static>); 5] = [
    ("Catalogue", PageRef::Landing),
    ("Data sources", PageRef::DataSources),
    ("Categories", PageRef::Categories),
    ("Use cases", PageRef::UseCases),
    ("ATT&CK coverage", PageRef::Coverage),
];

/// The `site` variable of every HTML template.
#[derive(Debug, Clone, Serialize)]
pub struct SiteView {
    pub title: String,
    /// Prefix that leads from the page to the site root: `../../` for a page
    /// two folders deep, empty at the root, or the base URL on the 404 page.
    pub root: String,
    pub nav: Vec<NavLink>,
}

/// One entry of the header navigation.
#[derive(Debug, Clone, Serialize)]
pub struct NavLink {
    pub text: String,
    pub href: String,
    /// True on the page the entry leads to, or on a page below it.
    pub current: bool,
}

impl SiteView {
    /// Builds the shared view for the page at `path` (relative to the site root),
    /// using `root` as the prefix back to the root.
    pub fn new(title: &str, path: &str, root: String) -> Self {
        let section = path.split('/').next().unwrap_or(path).trim_end_matches(".html");
        let nav = NAVIGATION
            .iter()
            .map(|(text, page)| {
                let target = page.path("html");
                NavLink {
                    text: text.to_string(),
                    href: format!("{root}{target}"),
                    current: target == path || target.trim_end_matches(".html") == section,
                }
            })
            .collect();
        SiteView {
            title: title.to_string(),
            root,
            nav,
        }
    }
}

/// Returns the prefix that leads from the page at `path` to the site root.
pub fn root_of(path: &str) -> String {
    "../".repeat(path.matches('/').count())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn root_of_nested_page() {
        assert_eq!(root_of("data-sources/acme/mail-gw.html"), "../../");
        assert_eq!(root_of("index.html"), "");
    }

    #[test]
    fn nav_marks_section_of_product_page() {
        let site = SiteView::new("T", "data-sources/acme/mail-gw.html", "../../".into());
        let current: Vec<&str> = site.nav.iter().filter(|n| n.current).map(|n| n.text.as_str()).collect();
        assert_eq!(current, ["Data sources"]);
        assert_eq!(site.nav[0].href, "../../index.html");
    }
}
