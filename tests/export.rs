//! `contentdoc export` and the `catalogue.json` that the build writes.

mod common;

use std::fs;

use common::*;
use contentdoc::interop::export::{Export, to_json};

fn export_text(content: &std::path::Path) -> String {
    let dir = tempfile::tempdir().unwrap();
    let output = contentdoc(dir.path(), &["export", "--content", content.to_str().unwrap()]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).unwrap()
}

fn ids<T>(items: &[T], id: impl Fn(&T) -> &str) -> Vec<String> {
    items.iter().map(|item| id(item).to_string()).collect()
}

#[test]
fn export_round_trips_through_structs() {
    let text = export_text(&fixture("small"));
    let export: Export = serde_json::from_str(&text).unwrap();
    assert_eq!(to_json(&export).unwrap(), text);
    assert_eq!(export.format, "contentdoc-export");
    assert_eq!(export.format_version, 1);
    assert_eq!(export.tool_version, env!("CARGO_PKG_VERSION"));
    assert_eq!(export.attack_version, "18.1");
}

#[test]
fn export_lists_fixture_entities() {
    let export: Export = serde_json::from_str(&export_text(&fixture("small"))).unwrap();
    assert_eq!(ids(&export.vendors, |v| &v.id), ["acme", "globex"]);
    assert_eq!(ids(&export.products, |p| &p.id), ["mail-cloud", "mail-gw", "web-proxy"]);
    assert_eq!(
        ids(&export.parsers, |p| &p.id),
        ["acme-mail-alert", "acme-proxy-upload", "globex-mail-out"]
    );
    assert_eq!(
        ids(&export.rules, |r| &r.id),
        ["R-IN-1", "R-OUT-1", "R-OUT-2", "R-WEB-1"]
    );
    assert_eq!(ids(&export.models, |m| &m.id), ["M-DOM", "M-VOL"]);
    assert_eq!(ids(&export.use_cases, |u| &u.id), ["exfil", "phishing"]);
    assert_eq!(
        ids(&export.event_types, |e| &e.id),
        ["mail-in", "mail-out", "web-upload"]
    );
    assert_eq!(
        ids(&export.techniques, |t| &t.id),
        ["T1048", "T1566", "T1566.001", "T1567"]
    );
}

#[test]
fn export_resolves_references_both_ways() {
    let export: Export = serde_json::from_str(&export_text(&fixture("small"))).unwrap();
    let mail_out = export.event_types.iter().find(|e| e.id == "mail-out").unwrap();
    assert_eq!(mail_out.parsers, ["acme-mail-alert", "globex-mail-out"]);
    assert_eq!(mail_out.products, ["mail-cloud", "mail-gw"]);
    assert_eq!(mail_out.rules, ["R-OUT-1", "R-OUT-2"]);
    assert_eq!(mail_out.models, ["M-DOM", "M-VOL"]);

    let vol = export.models.iter().find(|m| m.id == "M-VOL").unwrap();
    assert_eq!(vol.rules, ["R-OUT-1", "R-WEB-1"]);

    let rule = export.rules.iter().find(|r| r.id == "R-OUT-2").unwrap();
    assert_eq!(rule.use_cases, ["exfil", "phishing"]);
    assert_eq!(rule.techniques, ["T1566"]);
    assert_eq!(rule.products, ["mail-cloud", "mail-gw"]);

    let t1567 = export.techniques.iter().find(|t| t.id == "T1567").unwrap();
    assert_eq!(t1567.rules, ["R-WEB-1"]);
    assert_eq!(t1567.models, ["M-VOL"]);
    assert_eq!(t1567.tactics, ["exfiltration"]);
}

/// Writes a coverage count the way the product page's Content column does.
fn content_count(rules: usize, models: usize) -> String {
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    format!("{}, {}", plural(rules, "rule"), plural(models, "model"))
}

#[test]
fn coverage_counts_match_product_pages() {
    let export: Export = serde_json::from_str(&export_text(&fixture("small"))).unwrap();
    let (_site, markdown) = build(&fixture("small"));
    let mut rows = 0;
    for product in &export.products {
        let page = markdown.join(format!("data-sources/{}/{}.md", product.vendor, product.id));
        let table = &tables(&fs::read_to_string(page).unwrap())[1];
        let content = table.column("Content");
        assert_eq!(table.rows.len(), product.coverage.len(), "{}", product.id);
        for coverage in &product.coverage {
            let use_case = export.use_cases.iter().find(|u| u.id == coverage.use_case).unwrap();
            let shown = &table.row(&use_case.name)[content].text;
            assert_eq!(
                shown,
                &content_count(coverage.rules.len(), coverage.models.len()),
                "{} / {}",
                product.id,
                use_case.id
            );
            rows += 1;
        }
    }
    assert_eq!(rows, 5);
}

#[test]
fn site_export_equals_command_output() {
    let (_site, markdown) = build(&fixture("small"));
    let built = fs::read_to_string(markdown.join("catalogue.json")).unwrap();
    assert_eq!(built, export_text(&fixture("small")));
}

#[test]
fn export_writes_out_file() {
    let dir = tempfile::tempdir().unwrap();
    let content = fixture("small");
    let output = contentdoc(
        dir.path(),
        &[
            "export",
            "--content",
            content.to_str().unwrap(),
            "--out",
            "catalogue.json",
        ],
    );
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert_eq!(output.stdout, b"");
    let written = fs::read_to_string(dir.path().join("catalogue.json")).unwrap();
    assert_eq!(written, export_text(&content));
}

#[test]
fn export_of_broken_content_fails() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&fixture("small"), &dir.path().join("content"));
    fs::write(
        dir.path().join("content/rules/R-IN-1.yaml"),
        "id: R-IN-1\nname: X\nactivity_type: nope\n",
    )
    .unwrap();
    let output = contentdoc(dir.path(), &["export"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(output.stdout, b"");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("unknown activity type `nope`"), "{stderr}");
}

#[test]
fn build_check_covers_json_files() {
    let (site, markdown) = build(&fixture("small"));
    fs::write(markdown.join("catalogue.json"), "{}\n").unwrap();
    fs::remove_file(markdown.join("schemas/rule.schema.json")).unwrap();
    let content = fixture("small");
    let output = contentdoc(
        site.path(),
        &[
            "build",
            "--check",
            "--content",
            content.to_str().unwrap(),
            "--out",
            "site",
        ],
    );
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stale: Vec<&str> = stdout.lines().filter(|l| l.starts_with("stale:")).collect();
    let missing: Vec<&str> = stdout.lines().filter(|l| l.starts_with("missing:")).collect();
    assert_eq!(stale.len(), 1, "{stdout}");
    assert!(stale[0].ends_with("catalogue.json"), "{stdout}");
    assert_eq!(missing.len(), 1, "{stdout}");
    assert!(missing[0].ends_with("schemas/rule.schema.json"), "{stdout}");
}

/// The diff trusts these field lists, so each named field must exist.
#[test]
fn entity_kind_fields_exist_in_export() {
    use contentdoc::interop::export::EntityKind;

    let export: serde_json::Value = serde_json::from_str(&export_text(&fixture("small"))).unwrap();
    for kind in EntityKind::ALL {
        let entities = export[kind.key()].as_array().unwrap();
        assert!(!entities.is_empty(), "{}", kind.key());
        let named = kind
            .derived_fields()
            .iter()
            .chain(kind.references().iter().map(|(field, _)| field));
        for field in named {
            for entity in entities {
                assert!(entity.get(*field).is_some(), "{}.{field} is missing", kind.key());
            }
        }
    }
}
