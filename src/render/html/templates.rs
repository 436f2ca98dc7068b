//! The HTML templates: embedded defaults, overridden by files of the same
//! name, with Tera's autoescaping on so every content field is escaped.

use std::io::{self, Write};
use std::path::Path;

use tera::{Kwargs, State, Tera, Value};

use super::describe;
use crate::render::templates::{FilterCache, add_templates};

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
    tera.set_escape_fn(escape_html);
    // A rule's description repeats on the page of every product and use
    // case the rule covers.
    let descriptions = FilterCache::default();
    tera.register_filter("markdown", move |text: &str, _: Kwargs, _: &State| {
        descriptions.get_or_convert(text, |text| Value::safe_string(&describe::to_html(text)))
    });
    tera.register_test("web_url", |url: &str, _: Kwargs, _: &State| describe::is_web_url(url));
    add_templates(&mut tera, EMBEDDED, overrides)?;
    Ok(tera)
}

/// Escapes `text` as Tera's default escape function does, writing `&`, `<`,
/// `>`, `"` and `'` as entities. Tera 2.4's default (without its
/// `fast_escape` feature) makes one `write_all` call per byte, so this one
/// writes each run of unescaped bytes with one call.
fn escape_html(text: &str, out: &mut dyn Write) -> io::Result<()> {
    let bytes = text.as_bytes();
    let mut start = 0;
    for (index, byte) in bytes.iter().enumerate() {
        let entity: &[u8] = match byte {
            b'&' => b"&amp;",
            b'<' => b"&lt;",
            b'>' => b"&gt;",
            b'"' => b"&quot;",
            b'\'' => b"&#39;",
            _ => continue,
        };
        out.write_all(&bytes[start..index])?;
        out.write_all(entity)?;
        start = index + 1;
    }
    out.write_all(&bytes[start..])
}

#[cfg(test)]
mod tests {
    use super::escape_html;

    #[test]
    fn escape_html_matches_tera() {
        for text in ["", "plain", "<a href=\"x\">&'</a>", "&&", "é<ü>", "trailing &"] {
            let mut ours = Vec::new();
            let mut teras = Vec::new();
            escape_html(text, &mut ours).unwrap();
            tera::escape_html(text, &mut teras).unwrap();
            assert_eq!(ours, teras, "{text}");
        }
    }
}
