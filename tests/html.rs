//! End-to-end tests of the HTML site written by `contentdoc build`.

mod common;

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use common::*;
use scraper::{Html, Selector};
use serde_json::Value;

/// Builds `content` and returns the temporary folder and the HTML site in it.
fn build_site(content: &Path, extra: &[&str]) -> (tempfile::TempDir, PathBuf) {
    let out = tempfile::tempdir().unwrap();
    let mut args = vec!["build", "--content", content.to_str().unwrap(), "--out", "site"];
    args.extend_from_slice(extra);
    let output = contentdoc(out.path(), &args);
    assert!(
        output.status.success(),
        "build failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let html = out.path().join("site/html");
    (out, html)
}

fn html_pages(site: &Path) -> Vec<String> {
    files(site).into_iter().filter(|f| f.ends_with(".html")).collect()
}

fn parse(site: &Path, page: &str) -> Html {
    Html::parse_document(&fs::read_to_string(site.join(page)).unwrap())
}

fn select<'a>(html: &'a Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    html.select(&Selector::parse(css).unwrap()).collect()
}

/// Resolves `link` found on `page` to a path relative to the site root,
/// or `None` when it leaves the site.
fn resolve(page: &str, link: &str) -> Option<String> {
    let mut parts: Vec<&str> = page.split('/').collect();
    parts.pop();
    for segment in link.split('/') {
        match segment {
            ".." => {
                parts.pop()?;
            }
            "." | "" => {}
            other => parts.push(other),
        }
    }
    Some(parts.join("/"))
}

fn ids(html: &Html) -> BTreeSet<String> {
    select(html, "[id]")
        .iter()
        .map(|e| e.value().attr("id").unwrap().to_string())
        .collect()
}

/// Copies the small fixture and fills it with hostile text: script tags,
/// event handlers, javascript: and data: links, and a sample log with
/// characters that HTML and Markdown treat specially.
fn hostile_content() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    copy_tree(&fixture("small"), &content);
    let hostile = "Hostile description <script>alert(1)</script> <img src=x onerror=alert(1)> \
                   [x](javascript:alert(1)) [y](data:text/html,hi) <a href=\"#\" onclick=\"alert(1)\">z</a>";
    let quoted = serde_json::to_string(hostile).unwrap();
    let write = |path: &str, text: String| fs::write(content.join(path), text).unwrap();

    write(
        "contentdoc.yaml",
        format!("title: Small <script>alert(2)</script> catalogue\ndescription: {quoted}\n"),
    );
    write(
        "vendors/acme/vendor.yaml",
        "id: acme\nname: Acme <img src=x onerror=alert(3)>\nurl: javascript:alert(4)\n".into(),
    );
    write(
        "vendors/acme/mail-gw/product.yaml",
        format!("id: mail-gw\nname: Mail Gateway\ncategories: [email-security]\ndescription: {quoted}\n"),
    );
    write(
        "use-cases/exfil.yaml",
        format!("id: exfil\nname: Data Exfiltration\ndescription: {quoted}\n"),
    );
    write(
        "categories/email-security.yaml",
        format!("id: email-security\nname: Email Security\ndescription: {quoted}\n"),
    );

    let rule = fs::read_to_string(content.join("rules/R-OUT-1.yaml")).unwrap();
    let rule = rule.replace(
        "description: Fires on outbound mail alerts.",
        &format!("description: {quoted}"),
    );
    write("rules/R-OUT-1.yaml", rule);
    let model = fs::read_to_string(content.join("models/M-VOL.yaml")).unwrap();
    let model = model.replace(
        "description: Learns how much each user usually sends.",
        &format!("description: {quoted}"),
    );
    write("models/M-VOL.yaml", model);

    let parser = fs::read_to_string(content.join("vendors/acme/mail-gw/parsers/acme-mail-alert.yaml")).unwrap();
    let sample = format!(
        "  - log: {}\n    event_type: mail-out\n    time: '2026-01-05T12:00:00Z'\n    expect: {{time: '2026-01-05T12:00:00+0000', direction: out, sender: eve@example.com, user: eve@example.com}}\n",
        serde_json::to_string(SPECIAL_LOG).unwrap()
    );
    write("vendors/acme/mail-gw/parsers/acme-mail-alert.yaml", parser + &sample);
    (dir, content)
}

const SPECIAL_LOG: &str =
    "2026-01-05T12:00:00+0000 ACME-MAIL alert=<dlp> & \"q\" | a\tb </code></pre><b>x</b> dir=out from=eve@example.com";

#[test]
fn html_page_for_every_markdown_page() {
    let (_dir, site) = build_site(&fixture("small"), &[]);
    let markdown = site.parent().unwrap().join("markdown");
    let expected: Vec<String> = files(&markdown)
        .into_iter()
        .filter(|f| f.ends_with(".md"))
        .map(|f| {
            if f == "README.md" {
                "index.html".into()
            } else {
                f.replace(".md", ".html")
            }
        })
        .collect();
    let mut pages = html_pages(&site);
    pages.retain(|p| p != "404.html");
    let mut expected = expected;
    expected.sort();
    assert_eq!(pages, expected);
}

#[test]
fn site_internal_links_resolve() {
    let (_dir, site) = build_site(&fixture("small"), &[]);
    let mut checked = 0;
    for page in html_pages(&site) {
        let html = parse(&site, &page);
        for element in select(&html, "a[href], link[href], script[src]") {
            let target = element.value().attr("href").or(element.value().attr("src")).unwrap();
            if target.starts_with("https://") || target.starts_with("http://") || target.starts_with("mailto:") {
                continue;
            }
            let (path, fragment) = target.split_once('#').unwrap_or((target, ""));
            let file = if path.is_empty() {
                page.clone()
            } else {
                resolve(&page, path).unwrap_or_else(|| panic!("{page}: {target} leaves the site"))
            };
            assert!(site.join(&file).is_file(), "{page}: {target} names missing {file}");
            if !fragment.is_empty() {
                let ids = ids(&parse(&site, &file));
                assert!(ids.contains(fragment), "{page}: {target} has no anchor in {file}");
            }
            checked += 1;
        }
    }
    assert!(checked > 100, "only {checked} links checked");
}

#[test]
fn site_pages_parse_without_errors() {
    let (_dir, site) = build_site(&fixture("small"), &[]);
    for page in html_pages(&site) {
        let html = parse(&site, &page);
        assert_eq!(html.errors, Vec::<std::borrow::Cow<str>>::new(), "{page}");
        assert_eq!(format!("{:?}", html.quirks_mode), "NoQuirks", "{page}");
        assert_eq!(select(&html, "html[lang=en]").len(), 1, "{page}");
        assert_eq!(select(&html, "meta[name=viewport]").len(), 1, "{page}");
    }
}

#[test]
fn site_ids_are_unique_per_page() {
    let (_dir, site) = build_site(&fixture("small"), &[]);
    for page in html_pages(&site) {
        let html = parse(&site, &page);
        let all: Vec<&str> = select(&html, "[id]")
            .iter()
            .map(|e| e.value().attr("id").unwrap())
            .collect();
        let unique: BTreeSet<&str> = all.iter().copied().collect();
        assert_eq!(all.len(), unique.len(), "{page} repeats an id");
    }
}

#[test]
fn hostile_descriptions_come_out_inert() {
    let (_content_dir, content) = hostile_content();
    let (_dir, site) = build_site(&content, &[]);
    let mut pages_showing = 0;
    for page in html_pages(&site) {
        let html = parse(&site, &page);
        for script in select(&html, "script") {
            let src = script.value().attr("src").unwrap_or("");
            assert!(
                src.ends_with("assets/site.js") || src.ends_with("assets/search-index.js"),
                "{page}: unexpected script {}",
                script.html()
            );
            assert_eq!(script.inner_html(), "", "{page}: inline script");
        }
        for element in select(&html, "*") {
            for (name, value) in element.value().attrs() {
                assert!(!name.starts_with("on"), "{page}: handler {name}={value}");
                let value = value.trim().to_ascii_lowercase();
                assert!(!value.starts_with("javascript:"), "{page}: {name}={value}");
                assert!(!value.starts_with("data:"), "{page}: {name}={value}");
            }
        }
        assert_eq!(select(&html, "img").len(), 0, "{page}: image");
        let text: String = html.root_element().text().collect();
        if text.contains("Hostile description") {
            pages_showing += 1;
        }
    }
    assert!(
        pages_showing >= 6,
        "the hostile description is shown on only {pages_showing} pages"
    );

    let index = parse(&site, "index.html");
    let title: String = select(&index, "h1")[0].text().collect();
    assert_eq!(title, "Small <script>alert(2)</script> catalogue");
}

#[test]
fn sample_log_shown_intact() {
    let (_content_dir, content) = hostile_content();
    let (_dir, site) = build_site(&content, &[]);
    let html = parse(&site, "parsers/acme-mail-alert.html");
    let logs: Vec<String> = select(&html, "pre > code").iter().map(|c| c.text().collect()).collect();
    assert_eq!(logs.len(), 3);
    assert_eq!(logs[2], SPECIAL_LOG);
}

fn layer(site: &Path, path: &str) -> Value {
    serde_json::from_str(&fs::read_to_string(site.join(path)).unwrap()).unwrap()
}

fn assert_layer(layer: &Value) {
    let attack = contentdoc::attack::AttackData::bundled();
    assert!(layer["name"].as_str().is_some_and(|n| !n.is_empty()));
    assert_eq!(layer["versions"]["layer"], "4.5");
    assert_eq!(layer["versions"]["navigator"], "5.1.0");
    assert_eq!(layer["versions"]["attack"], "18");
    assert_eq!(layer["domain"], "enterprise-attack");
    assert!(layer["description"].is_string());

    assert!(layer["sorting"].is_u64());
    assert!(layer["layout"]["layout"].is_string());
    assert_eq!(layer["hideDisabled"], false);
    let colors = layer["gradient"]["colors"].as_array().unwrap();
    assert!(colors.len() >= 2);
    assert!(layer["gradient"]["maxValue"].as_u64() > layer["gradient"]["minValue"].as_u64());
    for item in layer["legendItems"].as_array().unwrap() {
        assert!(item["label"].is_string());
        assert!(item["color"].is_string());
    }

    let techniques = layer["techniques"].as_array().unwrap();
    assert!(!techniques.is_empty());
    for entry in techniques {
        let id = entry["techniqueID"].as_str().unwrap();
        let tactic = entry["tactic"].as_str().unwrap();
        assert!(attack.tactic(tactic).is_some(), "{id}: unknown tactic {tactic}");
        assert!(
            attack.technique(id).unwrap().tactics.iter().any(|t| t == tactic),
            "{id} not in {tactic}"
        );
        assert!(entry["score"].as_u64().unwrap() >= 1);
        assert!(entry["comment"].is_string());
        assert_eq!(entry["enabled"], true);
        assert!(entry["showSubtechniques"].is_boolean());
        assert!(entry["links"][0]["url"].is_string());
    }
}

#[test]
fn navigator_layers_have_required_fields() {
    let (_dir, site) = build_site(&fixture("small"), &[]);
    let catalogue = layer(&site, "attack-navigator/catalogue.json");
    assert_layer(&catalogue);
    let scored: Vec<(&str, u64)> = catalogue["techniques"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| (t["techniqueID"].as_str().unwrap(), t["score"].as_u64().unwrap()))
        .collect();
    assert_eq!(scored, [("T1048", 1), ("T1566", 1), ("T1566.001", 1), ("T1567", 1)]);
    for product in ["acme/mail-gw", "acme/web-proxy", "globex/mail-cloud"] {
        assert_layer(&layer(&site, &format!("attack-navigator/{product}.json")));
    }
}

#[test]
fn navigator_links_absolute_with_base_url() {
    let (_dir, site) = build_site(&fixture("small"), &["--base-url", "https://example.com/catalogue"]);
    let layer = layer(&site, "attack-navigator/acme/mail-gw.json");
    assert_eq!(
        layer["techniques"][0]["links"][0]["url"],
        "https://example.com/catalogue/data-sources/acme/mail-gw/exfil.html#rule-R-OUT-1"
    );
    let sitemap = fs::read_to_string(site.join("sitemap.xml")).unwrap();
    assert!(sitemap.contains("<loc>https://example.com/catalogue/data-sources/acme/mail-gw.html</loc>"));
    assert_eq!(sitemap.matches("<loc>").count(), html_pages(&site).len() - 1);
}

#[test]
fn sitemap_absent_without_base_url() {
    let (_dir, site) = build_site(&fixture("small"), &[]);
    assert!(!site.join("sitemap.xml").exists());
    assert!(site.join("404.html").is_file());
}

#[test]
fn base_url_must_be_absolute_http() {
    let out = tempfile::tempdir().unwrap();
    let content = fixture("small");
    let output = contentdoc(
        out.path(),
        &[
            "build",
            "--content",
            content.to_str().unwrap(),
            "--out",
            "site",
            "--base-url",
            "example.com/x",
        ],
    );
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("invalid base URL `example.com/x`"), "{stderr}");
    assert!(!out.path().join("site/html").exists());
}

#[test]
fn search_index_contains_product() {
    let (_dir, site) = build_site(&fixture("small"), &[]);
    let script = fs::read_to_string(site.join("assets/search-index.js")).unwrap();
    let json = script
        .strip_prefix("window.CONTENTDOC_SEARCH=")
        .and_then(|s| s.strip_suffix(";\n"))
        .unwrap();
    let entries: Vec<Value> = serde_json::from_str(json).unwrap();
    let product = serde_json::json!({
        "t": "Acme Mail Gateway",
        "k": "product",
        "x": "Acme's mail gateway.",
        "u": "data-sources/acme/mail-gw.html"
    });
    assert!(entries.contains(&product), "{entries:?}");
    let kinds: BTreeSet<&str> = entries.iter().map(|e| e["k"].as_str().unwrap()).collect();
    let expected = ["model", "parser", "product", "rule", "technique", "use case", "vendor"];
    assert_eq!(kinds, expected.into_iter().collect());
    for entry in &entries {
        let url = entry["u"].as_str().unwrap();
        let (path, fragment) = url.split_once('#').unwrap_or((url, ""));
        assert!(site.join(path).is_file(), "{url}");
        if !fragment.is_empty() {
            assert!(ids(&parse(&site, path)).contains(fragment), "{url}");
        }
    }
}

#[test]
fn heatmap_cells_link_to_rules() {
    let (_dir, site) = build_site(&fixture("small"), &[]);
    let html = parse(&site, "data-sources/acme/mail-gw.html");
    let cells: Vec<(String, String)> = select(&html, ".heatmap li.heat > a")
        .iter()
        .map(|a| {
            let text: String = a.text().collect();
            (text, a.value().attr("href").unwrap().to_string())
        })
        .collect();
    assert_eq!(
        cells,
        [
            (
                "T1566 Phishing (1 rule)".to_string(),
                "mail-gw/exfil.html#rule-R-OUT-2".to_string()
            ),
            (
                "T1566.001 Spearphishing Attachment (1 rule)".to_string(),
                "mail-gw/phishing.html#rule-R-IN-1".to_string()
            ),
            (
                "T1048 Exfiltration Over Alternative Protocol (1 rule)".to_string(),
                "mail-gw/exfil.html#rule-R-OUT-1".to_string()
            ),
        ]
    );
    let headers: Vec<String> = select(&html, ".heatmap th[scope=col]")
        .iter()
        .map(|h| h.text().collect())
        .collect();
    assert_eq!(headers.len(), 14);
    assert_eq!(headers[0], "Reconnaissance");
    assert_eq!(headers[13], "Impact");
}

#[test]
fn templates_override_html_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let templates = dir.path().join("templates/html");
    fs::create_dir_all(&templates).unwrap();
    fs::write(
        templates.join("landing.html"),
        "{% extends \"html/layout.html\" %}{% block title %}X{% endblock title %}{% block content %}<p id=\"custom\">{{ title }}</p>{% endblock content %}",
    )
    .unwrap();
    let content = fixture("small");
    let template_dir = dir.path().join("templates");
    let (_out, site) = build_site(&content, &["--templates", template_dir.to_str().unwrap()]);
    let html = parse(&site, "index.html");
    let custom: String = select(&html, "#custom")[0].text().collect();
    assert_eq!(custom, "Small test catalogue");
}
