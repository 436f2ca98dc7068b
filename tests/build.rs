//! End-to-end tests of `contentdoc build` on a small fixture catalogue.

mod common;

use std::fs;

use common::*;

fn small() -> std::path::PathBuf {
    fixture("small")
}

#[test]
fn derived_counts_match_fixture() {
    let (_dir, markdown) = build(&small());
    let page = fs::read_to_string(markdown.join("data-sources/acme/mail-gw.md")).unwrap();
    let table = &tables(&page)[1];
    let content = table.column("Content");
    assert_eq!(table.row("Data Exfiltration")[content].text, "2 rules, 2 models");
    assert_eq!(table.row("Phishing")[content].text, "2 rules, 1 model");

    let page = fs::read_to_string(markdown.join("data-sources/globex/mail-cloud.md")).unwrap();
    let table = &tables(&page)[1];
    let events = table.column("Event types and parsers");
    assert_eq!(table.row("Data Exfiltration")[content].text, "2 rules, 2 models");
    assert_eq!(table.row("Phishing")[content].text, "1 rule, 1 model");
    assert_eq!(table.row("Phishing")[events].text, "mail-out: globex-mail-out");

    let page = fs::read_to_string(markdown.join("data-sources/acme/web-proxy.md")).unwrap();
    let table = &tables(&page)[1];
    assert_eq!(table.rows.len(), 1);
    assert_eq!(table.row("Data Exfiltration")[content].text, "1 rule, 1 model");
}

#[test]
fn every_page_kind_is_written() {
    let (_dir, markdown) = build(&small());
    let expected = [
        ".contentdoc-output",
        "README.md",
        "attack-coverage.md",
        "catalogue.json",
        "categories.md",
        "data-sources.md",
        "data-sources/acme/mail-gw.md",
        "data-sources/acme/mail-gw/exfil.md",
        "data-sources/acme/mail-gw/phishing.md",
        "data-sources/acme/web-proxy.md",
        "data-sources/acme/web-proxy/exfil.md",
        "data-sources/globex/mail-cloud.md",
        "data-sources/globex/mail-cloud/exfil.md",
        "data-sources/globex/mail-cloud/phishing.md",
        "parsers/acme-mail-alert.md",
        "parsers/acme-proxy-upload.md",
        "parsers/globex-mail-out.md",
        "schemas/activity-type.schema.json",
        "schemas/category.schema.json",
        "schemas/event-type.schema.json",
        "schemas/model.schema.json",
        "schemas/parser.schema.json",
        "schemas/product.schema.json",
        "schemas/rule.schema.json",
        "schemas/settings.schema.json",
        "schemas/use-case.schema.json",
        "schemas/vendor.schema.json",
        "use-cases.md",
        "use-cases/exfil.md",
        "use-cases/phishing.md",
    ];
    assert_eq!(files(&markdown), expected);
}

#[test]
fn relative_links_all_resolve() {
    let (_dir, markdown) = build(&small());
    let mut checked = 0;
    for page in files(&markdown).iter().filter(|p| p.ends_with(".md")) {
        let text = fs::read_to_string(markdown.join(page)).unwrap();
        let base = markdown.join(page).parent().unwrap().to_path_buf();
        for link in links(&text) {
            if link.starts_with("https://") {
                continue;
            }
            let (path, _anchor) = link.split_once('#').unwrap_or((&link, ""));
            assert!(!link.starts_with('/'), "{page}: absolute link {link}");
            assert!(base.join(path).is_file(), "{page}: broken link {link}");
            checked += 1;
        }
    }
    assert!(checked > 50, "only {checked} links were checked");
}

#[test]
fn category_anchors_exist() {
    let (_dir, markdown) = build(&small());
    let categories = fs::read_to_string(markdown.join("categories.md")).unwrap();
    let product = fs::read_to_string(markdown.join("data-sources/acme/mail-gw.md")).unwrap();
    for link in links(&product).iter().filter(|l| l.contains("categories.md#")) {
        let anchor = link.split_once('#').unwrap().1;
        assert!(
            categories.contains(&format!("<a id=\"{anchor}\"></a>")),
            "missing anchor {anchor}"
        );
    }
}

#[test]
fn two_builds_are_byte_identical() {
    let (_a, first) = build(&small());
    let (_b, second) = build(&small());
    assert_eq!(files(&first), files(&second));
    for page in files(&first) {
        assert_eq!(
            fs::read(first.join(&page)).unwrap(),
            fs::read(second.join(&page)).unwrap(),
            "{page} differs"
        );
    }
}

#[test]
fn check_reports_stale_missing_extra() {
    let (dir, markdown) = build(&small());
    let content = small();
    let args = [
        "build",
        "--check",
        "--content",
        content.to_str().unwrap(),
        "--out",
        "site",
    ];
    let clean = contentdoc(dir.path(), &args);
    assert_eq!(
        clean.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&clean.stdout)
    );
    let generated = files(&markdown).iter().filter(|f| !f.starts_with('.')).count();
    assert_eq!(
        String::from_utf8_lossy(&clean.stdout),
        format!("site/markdown is up to date ({generated} files)\n")
    );

    fs::write(markdown.join("README.md"), "edited by hand\n").unwrap();
    fs::remove_file(markdown.join("use-cases.md")).unwrap();
    fs::write(markdown.join("notes.md"), "not generated\n").unwrap();
    let before = files(&markdown);
    let drift = contentdoc(dir.path(), &args);
    let stdout = String::from_utf8_lossy(&drift.stdout);
    assert_eq!(drift.status.code(), Some(1));
    assert!(stdout.contains("stale: site/markdown/README.md"), "{stdout}");
    assert!(stdout.contains("missing: site/markdown/use-cases.md"), "{stdout}");
    assert!(stdout.contains("extra: site/markdown/notes.md"), "{stdout}");
    assert_eq!(files(&markdown), before, "--check wrote files");
}

#[test]
fn dangling_reference_is_located() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    copy_tree(&small(), &content);
    let rule = content.join("rules/R-IN-1.yaml");
    let text = fs::read_to_string(&rule)
        .unwrap()
        .replace("use_cases: [phishing]", "use_cases: [phising]");
    fs::write(&rule, text).unwrap();

    let output = contentdoc(dir.path(), &["build"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("error[CD204]: unknown use case `phising`"), "{stderr}");
    assert!(stderr.contains("--> content/rules/R-IN-1.yaml:4:13"), "{stderr}");
    assert!(stderr.contains("did you mean `phishing`?"), "{stderr}");
    assert!(!dir.path().join("site").exists(), "a failed build wrote output");
}

#[test]
fn unknown_key_is_located() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    copy_tree(&small(), &content);
    fs::write(
        content.join("use-cases/exfil.yaml"),
        "id: exfil\nname: Exfil\ndescripton: typo\n",
    )
    .unwrap();

    let output = contentdoc(dir.path(), &["build"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("error[CD102]: unknown key `descripton`"), "{stderr}");
    assert!(stderr.contains("--> content/use-cases/exfil.yaml:3:1"), "{stderr}");
    assert!(stderr.contains("did you mean `description`?"), "{stderr}");
}

#[test]
fn description_text_stays_intact() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    copy_tree(&small(), &content);
    let description = "description: \"Matches a|b\\nsecond line with <b>bold</b> text\"\n";
    let rule = content.join("rules/R-IN-1.yaml");
    let text = fs::read_to_string(&rule)
        .unwrap()
        .replace("description: Fires on inbound mail alerts.\n", description);
    fs::write(&rule, text).unwrap();

    let (_out, markdown) = build(&content);
    let page = fs::read_to_string(markdown.join("data-sources/acme/mail-gw/phishing.md")).unwrap();
    let rules = tables(&page)
        .into_iter()
        .find(|t| t.rows.iter().any(|r| r[0].text == "R-IN-1"))
        .unwrap();
    let row = rules.row("R-IN-1");
    assert_eq!(row.len(), rules.header.len(), "the row was split into extra cells");
    let cell = &row[rules.column("Description")];
    assert_eq!(cell.text, "Matches a|b second line with <b>bold</b> text");
}

#[test]
fn missing_content_folder_is_tool_error() {
    let dir = tempfile::tempdir().unwrap();
    let output = contentdoc(dir.path(), &["build", "--content", "nowhere"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("content directory nowhere does not exist"));
}
