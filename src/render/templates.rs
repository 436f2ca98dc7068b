//! Loading Tera templates: embedded defaults, overridden by files of the same name.

use std::path::Path;

use anyhow::Context as _;
use tera::{Kwargs, State, Tera};

use super::escape;

/// Default templates compiled into the binary, by name.
const EMBEDDED: &[(&str, &str)] = &[
    (
        "markdown/breadcrumbs.md",
        include_str!("../../templates/markdown/breadcrumbs.md"),
    ),
    (
        "markdown/landing.md",
        include_str!("../../templates/markdown/landing.md"),
    ),
    (
        "markdown/data-sources.md",
        include_str!("../../templates/markdown/data-sources.md"),
    ),
    (
        "markdown/categories.md",
        include_str!("../../templates/markdown/categories.md"),
    ),
    (
        "markdown/product.md",
        include_str!("../../templates/markdown/product.md"),
    ),
    (
        "markdown/product-use-case.md",
        include_str!("../../templates/markdown/product-use-case.md"),
    ),
    ("markdown/parser.md", include_str!("../../templates/markdown/parser.md")),
    (
        "markdown/use-cases.md",
        include_str!("../../templates/markdown/use-cases.md"),
    ),
    (
        "markdown/use-case.md",
        include_str!("../../templates/markdown/use-case.md"),
    ),
    (
        "markdown/attack-coverage.md",
        include_str!("../../templates/markdown/attack-coverage.md"),
    ),
];

/// Compiles every Markdown template once: the embedded default, or the file
/// of the same name under `overrides` when there is one.
pub fn load(overrides: Option<&Path>) -> anyhow::Result<Tera> {
    let mut tera = Tera::new();
    tera.autoescape_on(Vec::<&str>::new());
    register_filters(&mut tera);
    add_templates(&mut tera, EMBEDDED, overrides)?;
    Ok(tera)
}

/// Adds `embedded` templates to `tera`, each replaced by the file of the same
/// name under `overrides` when there is one.
pub fn add_templates(tera: &mut Tera, embedded: &[(&str, &str)], overrides: Option<&Path>) -> anyhow::Result<()> {
    let mut sources = Vec::with_capacity(embedded.len());
    for &(name, text) in embedded {
        sources.push((
            name,
            read_override(overrides, name)?.unwrap_or_else(|| text.to_string()),
        ));
    }
    tera.add_raw_templates(sources)
        .map_err(|error| anyhow::anyhow!("invalid template: {error}"))
}

/// Returns the text of the file `name` under `overrides`, if there is one.
pub fn read_override(overrides: Option<&Path>, name: &str) -> anyhow::Result<Option<String>> {
    match overrides.map(|dir| dir.join(name)).filter(|path| path.is_file()) {
        Some(path) => std::fs::read_to_string(&path)
            .map(Some)
            .with_context(|| format!("cannot read template {}", path.display())),
        None => Ok(None),
    }
}

fn register_filters(tera: &mut Tera) {
    tera.register_filter("cell", |text: &str, _: Kwargs, _: &State| escape::cell(text));
    tera.register_filter("markdown_cell", |text: &str, _: Kwargs, _: &State| {
        escape::markdown_cell(text)
    });
    tera.register_filter("inline", |text: &str, _: Kwargs, _: &State| escape::inline(text));
    tera.register_filter("code_cell", |text: &str, _: Kwargs, _: &State| escape::code_cell(text));
    tera.register_filter("code", |text: &str, _: Kwargs, _: &State| escape::code(text));
    tera.register_filter("code_block", |text: &str, _: Kwargs, _: &State| {
        escape::code_block(text)
    });
    tera.register_filter("block", |text: &str, _: Kwargs, _: &State| escape::block(text));
}
