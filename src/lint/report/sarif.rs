//! `--format sarif`: a SARIF 2.1.0 log with one run, whose rule metadata
//! comes from the registry, for code-scanning services.

use serde_json::{Value, json};

use super::display_path;
use crate::diag::{Diagnostic, Severity};
use crate::lint::registry::{self, RULES, Rule};

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// Renders `diagnostics` as a pretty-printed SARIF log with a final newline.
pub fn render(diagnostics: &[Diagnostic]) -> String {
    let log = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "contentdoc",
                    "version": env!("CARGO_PKG_VERSION"),
                    "rules": RULES.iter().map(|rule| descriptor(rule)).collect::<Vec<_>>(),
                }
            },
            "columnKind": "unicodeCodePoints",
            "results": diagnostics.iter().map(result).collect::<Vec<_>>(),
        }]
    });
    let mut text = serde_json::to_string_pretty(&log).unwrap_or_default();
    text.push('\n');
    text
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

fn descriptor(rule: &Rule) -> Value {
    let doc = rule.doc();
    json!({
        "id": rule.code,
        "name": rule.name,
        "shortDescription": { "text": rule.summary },
        "fullDescription": { "text": doc },
        "help": { "text": doc, "markdown": doc },
        "defaultConfiguration": { "level": level(rule.severity) },
    })
}

fn result(d: &Diagnostic) -> Value {
    let mut text = d.message.clone();
    if let Some(help) = &d.help {
        text.push_str("\nhelp: ");
        text.push_str(help);
    }
    let mut location = json!({
        "artifactLocation": { "uri": uri(&display_path(&d.position.file)) },
    });
    if d.position.line > 0 {
        location["region"] = json!({
            "startLine": d.position.line,
            "startColumn": d.position.column.max(1),
        });
    }
    let mut result = json!({
        "ruleId": d.code,
        "level": level(d.severity),
        "message": { "text": text },
        "locations": [{ "physicalLocation": location }],
    });
    if let Some(index) = registry::index_of(d.code) {
        result["ruleIndex"] = json!(index);
    }
    result
}

/// Percent-encodes a `/`-separated path into a relative URI reference.
fn uri(path: &str) -> String {
    const RESERVED: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
        .remove(b'/')
        .remove(b'-')
        .remove(b'.')
        .remove(b'_')
        .remove(b'~');
    percent_encoding::utf8_percent_encode(path, RESERVED).to_string()
}

#[cfg(test)]
mod tests {
    use super::uri;

    #[test]
    fn uri_encodes_reserved_characters() {
        assert_eq!(uri("content/rules/R 1#a.yaml"), "content/rules/R%201%23a.yaml");
    }

    #[test]
    fn uri_keeps_path_characters() {
        assert_eq!(uri("content/use-cases/a_b.c~d.yaml"), "content/use-cases/a_b.c~d.yaml");
    }
}
