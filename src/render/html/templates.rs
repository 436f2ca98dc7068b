//! The HTML templates: embedded defaults, overridden by files of the same
//! name, with Tera's autoescaping on so every content field is escaped.

use std::path::Path;

use tera::{Kwargs, State, Tera};

use super::describe;
use crate::render::templates::add_templates;

macro_rules! embedded {
    ($($name:literal),* $(,)?) => {
        &[$((concat!("html/", $name), include_str!(concat!("../../../templates/html/", $name)))),*]
    };
}

/// Default templates compiled into the binary, by name.
const EMBEDDED: &[(&str, &str)] = embedded![
    "layout.html",
    "breadcrumbs.html",
    "heatmap.html",
    "landing.html",
    "data-sources.html",
    "categories.html",
    "product.html",
    "product-use-case.html",
    "parser.html",
    "use-cases.html",
    "use-case.html",
    "attack-coverage.html",
    "404.html",
];

/// Compiles every HTML template once: the embedded default, or the file of
/// the same name under `overrides` when there is one.
pub fn load(overrides: Option<&Path>) -> anyhow::Result<Tera> {
    // Tera escapes the output of templates whose names end in .html by default.
    let mut tera = Tera::new();
    let descriptions = describe::HtmlCache::default();
    tera.register_filter("markdown", move |text: &str, _: Kwargs, _: &State| {
        descriptions.to_html(text)
    });
    tera.register_test("web_url", |url: &str, _: Kwargs, _: &State| describe::is_web_url(url));
    add_templates(&mut tera, EMBEDDED, overrides)?;
    Ok(tera)
}
