//! Loading Tera templates: embedded defaults, overridden by files of the same name.

use std::collections::HashMap;
use std::path::Path;
use std::sync::{PoisonError, RwLock};

use anyhow::Context as _;
use tera::{ArgFromValue, Kwargs, State, Tera, Value};

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
///
/// Symbolic links are rejected: a link in a templates folder from a pull
/// request could copy any file the build can read, such as
/// `/proc/self/environ`, into the published site.
pub fn read_override(overrides: Option<&Path>, name: &str) -> anyhow::Result<Option<String>> {
    let Some(dir) = overrides else {
        return Ok(None);
    };
    let mut path = dir.to_path_buf();
    for part in Path::new(name).components() {
        path.push(part);
        match std::fs::symlink_metadata(&path) {
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(error) => return Err(error).with_context(|| format!("cannot read template {}", path.display())),
            Ok(metadata) if metadata.file_type().is_symlink() => anyhow::bail!(
                "template {} is a symbolic link, which is not followed; copy the file into the templates folder",
                path.display()
            ),
            Ok(_) => {}
        }
    }
    if !path.is_file() {
        return Ok(None);
    }
    let size = std::fs::metadata(&path)?.len();
    if size > MAX_TEMPLATE_BYTES {
        anyhow::bail!(
            "template {} is {size} bytes, over the limit of {MAX_TEMPLATE_BYTES} bytes",
            path.display()
        );
    }
    std::fs::read_to_string(&path)
        .map(Some)
        .with_context(|| format!("cannot read template {}", path.display()))
}

/// Maximum size of a template or asset file read from an override folder.
const MAX_TEMPLATE_BYTES: u64 = 4 * 1024 * 1024;

fn register_filters(tera: &mut Tera) {
    // Most cells need no escaping, and returning the input value then saves
    // allocating a copy per cell. A safe input still gets a new value,
    // because the filter's output is not safe.
    tera.register_filter(
        "cell",
        |value: &Value, _: Kwargs, _: &State| -> tera::TeraResult<Value> {
            let text = <&str as ArgFromValue>::from_value(value)?;
            if !value.is_safe() && escape::is_plain_cell(text) {
                Ok(value.clone())
            } else {
                Ok(Value::from(escape::cell(text)))
            }
        },
    );
    // Rule and model descriptions repeat on the page of every product and
    // use case they cover.
    let descriptions = FilterCache::default();
    tera.register_filter("markdown_cell", move |text: &str, _: Kwargs, _: &State| {
        descriptions.get_or_convert(text, |text| Value::from(escape::markdown_cell(text)))
    });
    tera.register_filter("inline", |text: &str, _: Kwargs, _: &State| escape::inline(text));
    tera.register_filter("code_cell", |text: &str, _: Kwargs, _: &State| escape::code_cell(text));
    tera.register_filter("code", |text: &str, _: Kwargs, _: &State| escape::code(text));
    tera.register_filter("code_block", |text: &str, _: Kwargs, _: &State| {
        escape::code_block(text)
    });
    // A use case's description repeats on the page of every product it covers.
    let blocks = FilterCache::default();
    tera.register_filter("block", move |text: &str, _: Kwargs, _: &State| {
        blocks.get_or_convert(text, |text| Value::from(escape::block(text)))
    });
}

/// Outputs of one template filter by input text, for filters whose input
/// repeats across pages, so that each distinct text is converted once for
/// as long as the templates are loaded.
#[derive(Debug, Default)]
pub struct FilterCache {
    outputs: RwLock<HashMap<String, Value>>,
}

impl FilterCache {
    /// Returns the cached output for `text`, or runs `convert` on it and caches the result.
    pub fn get_or_convert(&self, text: &str, convert: impl FnOnce(&str) -> Value) -> Value {
        let outputs = self.outputs.read().unwrap_or_else(PoisonError::into_inner);
        if let Some(output) = outputs.get(text) {
            return output.clone();
        }
        drop(outputs);
        // Another thread may convert the same text meanwhile, to an equal output.
        let output = convert(text);
        let mut outputs = self.outputs.write().unwrap_or_else(PoisonError::into_inner);
        outputs.entry(text.to_string()).or_insert(output).clone()
    }
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;

    use tera::{Context, Value};

    use super::{FilterCache, load};

    fn render_cell(value: Value) -> Result<String, tera::Error> {
        let mut tera = load(None).unwrap();
        tera.add_raw_template("cell-test", "{{ value | cell }}").unwrap();
        let mut context = Context::new();
        context.insert_value("value", value);
        tera.render("cell-test", &context)
    }

    #[test]
    fn cell_filter_escapes_or_passes_text() {
        assert_eq!(render_cell(Value::from("plain name")).unwrap(), "plain name");
        assert_eq!(render_cell(Value::from(" a|b ")).unwrap(), "a\\|b");
        assert_eq!(render_cell(Value::safe_string("*x*")).unwrap(), "\\*x\\*");
    }

    #[test]
    fn cell_filter_rejects_number() {
        assert!(render_cell(Value::from(5)).is_err());
    }

    #[test]
    fn filter_cache_converts_text_once() {
        let cache = FilterCache::default();
        let calls = Cell::new(0);
        let convert = |text: &str| {
            calls.set(calls.get() + 1);
            Value::from(text.to_uppercase())
        };
        let first = cache.get_or_convert("abc", convert);
        let second = cache.get_or_convert("abc", convert);
        let other = cache.get_or_convert("xyz", convert);
        assert_eq!(first.as_str(), Some("ABC"));
        assert_eq!(second.as_str(), Some("ABC"));
        assert_eq!(other.as_str(), Some("XYZ"));
        assert_eq!(calls.get(), 2);
    }
}
