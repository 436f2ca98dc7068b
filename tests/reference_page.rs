//! The bundled content must reproduce every fact of the reference
//! Cisco IronPort Email page, derived from definitions.
//!
//! The facts live in `tests/fixtures/reference/ironport-email-facts.yaml`;
//! this test reads the generated page back with a Markdown parser and
//! compares fact by fact, so layout changes do not break it but a changed
//! count, parser mapping, technique or tactic placement does.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use common::*;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct Facts {
    vendor: String,
    product: String,
    use_cases: Vec<UseCaseFacts>,
    matrix: BTreeMap<String, Vec<String>>,
}

#[derive(Debug, Deserialize)]
struct UseCaseFacts {
    name: String,
    activity_types: Vec<String>,
    event_types: BTreeMap<String, Vec<String>>,
    techniques: Vec<String>,
    rules: usize,
    models: usize,
}

fn facts() -> Facts {
    let text = fs::read_to_string(fixture("reference/ironport-email-facts.yaml")).unwrap();
    serde_saphyr::from_str(&text).unwrap()
}

fn product_page() -> String {
    let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    let (_dir, markdown) = build(&content);
    fs::read_to_string(markdown.join("data-sources/cisco/ironport-email.md")).unwrap()
}

/// Splits "et: p1, p2\net2: p3" into event type → sorted parsers.
fn event_types(cell: &Cell) -> BTreeMap<String, Vec<String>> {
    cell.text
        .lines()
        .map(|line| {
            let (event, parsers) = line.split_once(": ").unwrap_or((line, ""));
            let mut parsers: Vec<String> = parsers
                .split(", ")
                .filter(|p| !p.is_empty())
                .map(String::from)
                .collect();
            parsers.sort();
            (event.to_string(), parsers)
        })
        .collect()
}

/// Reads "N rules, M models" into (N, M).
fn counts(cell: &Cell) -> (usize, usize) {
    let mut rules = 0;
    let mut models = 0;
    for part in cell.text.split(", ") {
        let (number, noun) = part.split_once(' ').unwrap();
        let number: usize = number.parse().unwrap();
        if noun.starts_with("rule") {
            rules = number;
        } else if noun.starts_with("model") {
            models = number;
        }
    }
    (rules, models)
}

#[test]
fn product_page_names_vendor_and_product() {
    let facts = facts();
    let page = product_page();
    assert_eq!(headings(&page)[0], format!("{} {}", facts.vendor, facts.product));
    assert!(page.contains(&format!("- Vendor: {}\n", facts.vendor)));
    assert!(page.contains(&format!("- Product: {}\n", facts.product)));
}

#[test]
fn use_case_rows_match_reference() {
    let facts = facts();
    let page = product_page();
    let table = tables(&page)
        .into_iter()
        .find(|t| t.header[0].text == "Use case")
        .unwrap();
    let names: Vec<&str> = table.rows.iter().map(|r| r[0].text.as_str()).collect();
    let expected: Vec<&str> = facts.use_cases.iter().map(|u| u.name.as_str()).collect();
    assert_eq!(names, expected);

    for use_case in &facts.use_cases {
        let row = table.row(&use_case.name);
        let activity: Vec<&str> = row[table.column("Activity types")].text.lines().collect();
        assert_eq!(activity, use_case.activity_types, "{}: activity types", use_case.name);
        assert_eq!(
            event_types(&row[table.column("Event types and parsers")]),
            use_case.event_types,
            "{}: event types",
            use_case.name
        );
        let techniques: Vec<&str> = row[table.column("ATT&CK techniques")].text.lines().collect();
        assert_eq!(techniques, use_case.techniques, "{}: techniques", use_case.name);
        let content = counts(&row[table.column("Content")]);
        assert_eq!(
            content,
            (use_case.rules, use_case.models),
            "{}: rule and model counts",
            use_case.name
        );
    }
}

#[test]
fn matrix_places_techniques_under_tactics() {
    let facts = facts();
    let page = product_page();
    let matrix = tables(&page)
        .into_iter()
        .find(|t| t.header[0].text == "Reconnaissance")
        .unwrap();
    let mut placed: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for row in &matrix.rows {
        for (column, cell) in row.iter().enumerate() {
            if !cell.text.is_empty() {
                placed
                    .entry(matrix.header[column].text.clone())
                    .or_default()
                    .push(cell.text.clone());
            }
        }
    }
    assert_eq!(placed, facts.matrix);
}

#[test]
fn matrix_has_attack_tactics_in_order() {
    let page = product_page();
    let matrix = tables(&page)
        .into_iter()
        .find(|t| t.header[0].text == "Reconnaissance")
        .unwrap();
    let tactics: Vec<&str> = matrix.header.iter().map(|c| c.text.as_str()).collect();
    let expected: Vec<&str> = contentdoc::attack::AttackData::bundled()
        .tactics()
        .iter()
        .map(|t| t.name.as_str())
        .collect();
    assert_eq!(tactics, expected);
    assert_eq!(tactics.len(), 14);
}

#[test]
fn technique_links_point_to_attack() {
    let page = product_page();
    let matrix = tables(&page)
        .into_iter()
        .find(|t| t.header[0].text == "Reconnaissance")
        .unwrap();
    let links: Vec<&String> = matrix.rows.iter().flatten().flat_map(|c| &c.links).collect();
    assert!(links.contains(&&"https://attack.mitre.org/techniques/T1078/".to_string()));
    assert!(links.contains(&&"https://attack.mitre.org/techniques/T1048/".to_string()));
}

#[test]
fn data_sources_list_vendor_once() {
    let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    let (_dir, markdown) = build(&content);
    let page = fs::read_to_string(markdown.join("data-sources.md")).unwrap();
    let vendors: Vec<String> = headings(&page).into_iter().skip(1).map(|h| h.to_lowercase()).collect();
    let mut unique = vendors.clone();
    unique.dedup();
    assert_eq!(vendors, unique);
}
