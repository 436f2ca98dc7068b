//! The JSON Schemas of the content files: every bundled and fixture file
//! validates, broken files fail at the right place, and the `schema`
//! command writes what the build writes.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use common::*;
use contentdoc::interop::schema::SchemaKind;
use jsonschema::error::ValidationErrorKind;
use serde_json::Value;

/// Reads YAML into a JSON value, typing unquoted scalars by the YAML 1.2
/// core schema as the yaml-language-server does by default: `off` and `no`
/// stay text, while `true` and `15` become a boolean and a number.
fn yaml_value(text: &str) -> Value {
    let options = serde_saphyr::options! { strict_booleans: true };
    serde_saphyr::from_str_with_options(text, options).expect("the YAML parses")
}

/// Returns (instance path, keyword error) of every error of `yaml` against the schema of `kind`.
fn errors(kind: SchemaKind, yaml: &str) -> Vec<(String, ValidationErrorKind)> {
    let validator = jsonschema::validator_for(&kind.schema()).expect("the schema compiles");
    errors_with(&validator, yaml)
}

fn errors_with(validator: &jsonschema::Validator, yaml: &str) -> Vec<(String, ValidationErrorKind)> {
    let instance = yaml_value(yaml);
    validator
        .iter_errors(&instance)
        .map(|error| {
            let parts = error.into_parts();
            (parts.instance_path.to_string(), parts.kind)
        })
        .collect()
}

/// Validates every content file under `root`. Returns how many were checked, and the failures.
fn validate_tree(root: &Path) -> (usize, Vec<String>) {
    let mut validators = BTreeMap::new();
    let mut checked = 0;
    let mut failures = Vec::new();
    let walker = walkdir::WalkDir::new(root)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| !e.file_name().to_string_lossy().starts_with('.') || e.depth() == 0);
    for entry in walker {
        let entry = entry.unwrap();
        let path = entry.path();
        if !entry.file_type().is_file() || path.extension().is_none_or(|e| e != "yaml") {
            continue;
        }
        let relative = path.strip_prefix(root).unwrap();
        let Some(file_kind) = contentdoc::load::classify(relative) else {
            failures.push(format!("{}: not in any content folder", path.display()));
            continue;
        };
        let kind = SchemaKind::of_file(&file_kind);
        let validator = validators
            .entry(kind)
            .or_insert_with(|| jsonschema::validator_for(&kind.schema()).unwrap());
        let instance = yaml_value(&fs::read_to_string(path).unwrap());
        for error in validator.iter_errors(&instance) {
            failures.push(format!("{}: at {}: {error}", path.display(), error.instance_path()));
        }
        checked += 1;
    }
    (checked, failures)
}

#[test]
fn content_files_match_their_schemas() {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut total = 0;
    for root in [
        manifest.join("content"),
        fixture("small"),
        fixture("diff/old"),
        fixture("diff/new"),
    ] {
        if !root.is_dir() {
            assert_eq!(
                root,
                manifest.join("content"),
                "fixture tree {} is missing",
                root.display()
            );
            continue;
        }
        let (checked, failures) = validate_tree(&root);
        assert_eq!(failures, Vec::<String>::new());
        assert!(checked > 0, "no content file under {}", root.display());
        total += checked;
    }
    assert!(total >= 25, "only {total} files were checked");
}

#[test]
fn unknown_key_fails_at_its_mapping() {
    let parser = "id: p\nsamples:\n  - log: x\n    event_type: e\n    exepct: {a: b}\n";
    let found = errors(SchemaKind::Parser, parser);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "/samples/0");
    assert!(
        matches!(&found[0].1, ValidationErrorKind::AdditionalProperties { unexpected } if unexpected == &["exepct"]),
        "{:?}",
        found[0].1
    );
}

#[test]
fn unknown_top_level_key_fails() {
    let found = errors(SchemaKind::UseCase, "id: x\nname: X\ndescriptoin: y\n");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "");
    assert!(
        matches!(&found[0].1, ValidationErrorKind::AdditionalProperties { unexpected } if unexpected == &["descriptoin"])
    );
}

#[test]
fn slug_id_pattern_rejects_upper_case() {
    let found = errors(SchemaKind::EventType, "id: Mail-Out\nname: Mail\n");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "/id");
    assert!(
        matches!(&found[0].1, ValidationErrorKind::Pattern { .. }),
        "{:?}",
        found[0].1
    );
}

#[test]
fn rule_id_pattern_accepts_upper_case() {
    let rule = "id: EM-DLP-OUT\nname: R\nactivity_type: email-activity\nmodels: [M-1]\n";
    assert_eq!(errors(SchemaKind::Rule, rule).len(), 0);
    let found = errors(SchemaKind::Rule, "id: -R\nname: R\nactivity_type: a\n");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "/id");
}

#[test]
fn missing_required_key_fails() {
    let found = errors(SchemaKind::Model, "id: M\nname: M\n");
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        matches!(&found[0].1, ValidationErrorKind::Required { property } if property == "scope"),
        "{:?}",
        found[0].1
    );
}

#[test]
fn model_scope_rejects_unknown_value() {
    let found = errors(SchemaKind::Model, "id: M\nname: M\nscope: team\n");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "/scope");
}

#[test]
fn schema_command_writes_default_dir() {
    let dir = tempfile::tempdir().unwrap();
    let output = contentdoc(dir.path(), &["schema"]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert_eq!(output.stdout, b"");
    let mut expected: Vec<String> = SchemaKind::ALL.iter().map(|k| k.file_name()).collect();
    expected.sort();
    assert_eq!(files(&dir.path().join("schemas")), expected);
}

#[test]
fn schema_command_matches_build_output() {
    let dir = tempfile::tempdir().unwrap();
    let output = contentdoc(dir.path(), &["schema", "--out", "editor"]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let (_site, markdown) = build(&fixture("small"));
    for kind in SchemaKind::ALL {
        let written = fs::read(dir.path().join("editor").join(kind.file_name())).unwrap();
        let built = fs::read(markdown.join("schemas").join(kind.file_name())).unwrap();
        assert_eq!(written, built, "{}", kind.file_name());
    }
}

/// Editors whose YAML support stops at draft 7 (such as the yaml-language-server)
/// must read the schemas the same way, so they use no keyword that changed meaning.
#[test]
fn schemas_validate_alike_as_draft_7() {
    let cases = [
        (
            SchemaKind::Parser,
            "id: p\nsamples:\n  - log: x\n    event_type: e\n    exepct: {a: b}\n",
        ),
        (SchemaKind::EventType, "id: Mail-Out\nname: Mail\n"),
        (SchemaKind::Model, "id: M\nname: M\nscope: team\n"),
        (
            SchemaKind::Model,
            "id: M\nname: M\nscope: peer-group\nevent_types: [a]\n",
        ),
        (SchemaKind::Rule, "id: R\nname: R\nactivity_type: a\nscore: -1\n"),
    ];
    for (kind, yaml) in cases {
        let mut schema = kind.schema();
        schema.as_object_mut().unwrap().remove("$schema");
        let draft_7 = jsonschema::draft7::new(&schema).unwrap();
        let paths =
            |found: Vec<(String, ValidationErrorKind)>| found.into_iter().map(|(path, _)| path).collect::<Vec<_>>();
        assert_eq!(
            paths(errors_with(&draft_7, yaml)),
            paths(errors(kind, yaml)),
            "{kind:?}: {yaml}"
        );
    }
}

#[test]
fn settings_schema_checks_lint_levels() {
    let valid = "lint:\n  levels: {CD501: off}\n  suppressions:\n    - code: CD501\n      entity: R-1\n      reason: accepted\n";
    assert_eq!(errors(SchemaKind::Settings, valid).len(), 0);
    let found = errors(SchemaKind::Settings, "lint:\n  levels: {CD501: loud}\n");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "/lint/levels/CD501");
}
