//! Descriptions written in Markdown, turned into HTML that is safe to embed.
//!
//! Content is data from many authors, so the HTML that pulldown-cmark makes
//! from it passes through ammonia, which keeps a fixed set of harmless tags
//! and attributes and drops scripts, event handlers and other URL schemes.

use std::collections::HashSet;
use std::sync::LazyLock;

use pulldown_cmark::{Event, Options, Parser, html};

/// URL schemes a description link may use.
const SCHEMES: [&str; 3] = ["http", "https", "mailto"];

static SANITIZER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut builder = ammonia::Builder::default();
    builder
        .url_schemes(HashSet::from(SCHEMES))
        // A description is shown on pages at different depths, so no relative
        // link in it can be right on all of them.
        .url_relative(ammonia::UrlRelative::Deny)
        // Images would be requests to other hosts or to files the site lacks.
        .rm_tags(["img"])
        .link_rel(Some("noopener noreferrer"));
    builder
});

/// Converts Markdown `text` to sanitised HTML.
pub fn to_html(text: &str) -> String {
    let parser = Parser::new_ext(text, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH);
    let mut unsafe_html = String::with_capacity(text.len() * 2);
    html::push_html(&mut unsafe_html, parser);
    SANITIZER.clean(&unsafe_html).to_string()
}

/// Returns true when `url` is an absolute link with one of the allowed
/// schemes, so that a content field such as a vendor's website can be a link.
pub fn is_web_url(url: &str) -> bool {
    let url = url.trim_start().to_ascii_lowercase();
    SCHEMES.iter().any(|scheme| {
        url.strip_prefix(scheme)
            .and_then(|rest| rest.strip_prefix(':'))
            .is_some_and(|rest| *scheme == "mailto" || rest.starts_with("//"))
    })
}

/// Returns the text a reader sees in Markdown `text`, without markup or
/// raw HTML, for search results.
pub fn to_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for event in Parser::new(text) {
        match event {
            Event::Text(part) | Event::Code(part) => out.push_str(&part),
            Event::SoftBreak | Event::HardBreak | Event::End(_) => out.push(' '),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{is_web_url, to_html, to_text};

    #[test]
    fn is_web_url_accepts_http_only() {
        assert!(is_web_url("https://acme.example.com"));
        assert!(is_web_url("HTTP://acme.example.com/x"));
        assert!(!is_web_url("javascript:alert(1)"));
        assert!(!is_web_url("data:text/html,x"));
        assert!(!is_web_url("https:acme"));
        assert!(!is_web_url("acme.example.com"));
    }

    #[test]
    fn to_text_drops_markup_and_html() {
        assert_eq!(
            to_text("*a* <script>x</script> [b](javascript:y)\nc")
                .split_whitespace()
                .collect::<Vec<_>>(),
            ["a", "x", "b", "c"]
        );
    }

    #[test]
    fn to_html_renders_emphasis_and_links() {
        assert_eq!(
            to_html("*a* [b](https://example.com/)"),
            "<p><em>a</em> <a href=\"https://example.com/\" rel=\"noopener noreferrer\">b</a></p>\n"
        );
    }

    #[test]
    fn to_html_drops_script_and_handlers() {
        let html = to_html("<script>alert(1)</script><img src=x onerror=alert(1)> <b onclick=\"x()\">b</b>");
        assert_eq!(html, " <b>b</b>");
    }

    #[test]
    fn to_html_drops_javascript_and_data_links() {
        assert_eq!(
            to_html("[x](javascript:alert(1)) [y](data:text/html,hi)"),
            "<p><a rel=\"noopener noreferrer\">x</a> <a rel=\"noopener noreferrer\">y</a></p>\n"
        );
    }
}
