//! `sitemap.xml`, written only when the site's base URL is known, because the
//! sitemap protocol accepts absolute URLs only.

use crate::render::Page;

/// Returns the sitemap listing `paths` (relative to the site root) under `base`,
/// which ends in `/`.
pub fn file(base: &str, paths: &[String]) -> Page {
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    xml.push_str("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for path in paths {
        xml.push_str("  <url><loc>");
        xml.push_str(&escape_xml(&format!("{base}{path}")));
        xml.push_str("</loc></url>\n");
    }
    xml.push_str("</urlset>\n");
    Page {
        path: "sitemap.xml".to_string(),
        content: xml.into_bytes(),
    }
}

fn escape_xml(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&apos;")
}

#[cfg(test)]
mod tests {
    use super::file;

    #[test]
    fn sitemap_lists_absolute_urls() {
        let page = file("https://example.com/c/", &["index.html".into(), "a&b.html".into()]);
        let xml = String::from_utf8(page.content).unwrap();
        assert!(xml.contains("<loc>https://example.com/c/index.html</loc>"));
        assert!(xml.contains("<loc>https://example.com/c/a&amp;b.html</loc>"));
    }
}
