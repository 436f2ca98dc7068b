//! The stylesheet and script of the site, embedded by default and replaced
//! by files of the same name under the template override folder.

use std::path::Path;

use crate::render::Page;
use crate::render::templates::read_override;

/// Built-in assets: template name and text. Each is written to the site
/// under the name without its leading `html/`.
const ASSETS: [(&str, &str); 3] = [
    (
        "html/assets/site.css",
        include_str!("../../../templates/html/assets/site.css"),
    ),
    (
        "html/assets/site.js",
        include_str!("../../../templates/html/assets/site.js"),
    ),
    (
        "html/assets/favicon.svg",
        include_str!("../../../templates/html/assets/favicon.svg"),
    ),
];

/// Returns the asset files, taking overrides from `overrides` when present.
pub fn files(overrides: Option<&Path>) -> anyhow::Result<Vec<Page>> {
    ASSETS
        .iter()
        .map(|&(name, embedded)| {
            let text = read_override(overrides, name)?.unwrap_or_else(|| embedded.to_string());
            Ok(Page {
                path: name.trim_start_matches("html/").to_string(),
                content: text.into_bytes(),
            })
        })
        .collect()
}
