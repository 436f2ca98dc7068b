use std::io::Write;
use std::path::{Path, PathBuf};

use crate::attack::{AttackData, AttackError};

fn fixture_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/attack/small-enterprise-attack.json")
}

fn read_fixture() -> AttackData {
    let path = fixture_path();
    AttackData::from_stix_file(&path).unwrap_or_else(|error| panic!("failed to read {}: {error}", path.display()))
}

/// Writes `json` to a temporary file, which is removed when the returned handle drops.
fn write_temporary(json: &str) -> tempfile::NamedTempFile {
    let mut file = tempfile::NamedTempFile::new().expect("failed to create a temporary file");
    file.write_all(json.as_bytes())
        .expect("failed to write the temporary file");
    file
}

/// Returns the fixture with every object of `object_type` removed.
fn fixture_without(object_type: &str) -> String {
    let json = std::fs::read_to_string(fixture_path()).expect("failed to read the fixture");
    let mut bundle: serde_json::Value = serde_json::from_str(&json).expect("fixture is JSON");
    bundle["objects"]
        .as_array_mut()
        .expect("fixture has an objects array")
        .retain(|object| object["type"] != object_type);
    bundle.to_string()
}

#[test]
fn fixture_version_from_collection() {
    assert_eq!(read_fixture().version(), "17.1");
}

#[test]
fn fixture_tactics_follow_matrix_order() {
    let data = read_fixture();
    let tactics: Vec<_> = data
        .tactics()
        .iter()
        .map(|t| (t.id.as_str(), t.shortname.as_str(), t.name.as_str()))
        .collect();
    let expected = [
        ("TA0002", "execution", "Execution"),
        ("TA0003", "persistence", "Persistence"),
        ("TA0004", "privilege-escalation", "Privilege Escalation"),
    ];
    assert_eq!(tactics, expected);
}

#[test]
fn fixture_techniques_read_completely() {
    let data = read_fixture();
    let ids: Vec<_> = data.techniques().map(|t| t.id.as_str()).collect();
    assert_eq!(ids, ["T1053", "T1053.005", "T1168", "T1543"]);

    let scheduled = data.technique("T1053").expect("T1053 is in the fixture");
    assert_eq!(scheduled.name, "Scheduled Task/Job");
    assert_eq!(scheduled.tactics, ["execution", "persistence", "privilege-escalation"]);
    assert_eq!(scheduled.parent, None);
    assert!(!scheduled.revoked);

    let process = data.technique("T1543").expect("T1543 is in the fixture");
    assert_eq!(process.tactics, ["persistence", "privilege-escalation"]);
    assert!(!process.deprecated);
}

#[test]
fn fixture_sub_technique_has_parent() {
    let data = read_fixture();
    let task = data.technique("T1053.005").expect("T1053.005 is in the fixture");
    assert_eq!(task.name, "Scheduled Task");
    assert_eq!(task.parent.as_deref(), Some("T1053"));
    assert_eq!(task.url(), "https://attack.mitre.org/techniques/T1053/005/");

    let children: Vec<_> = data.sub_techniques("T1053").map(|t| t.id.as_str()).collect();
    assert_eq!(children, ["T1053.005"]);
}

#[test]
fn fixture_revoked_technique_has_replacement() {
    let data = read_fixture();
    let local = data.technique("T1168").expect("T1168 is in the fixture");
    assert_eq!(local.name, "Local Job Scheduling");
    assert!(local.revoked);
    assert_eq!(local.replaced_by.as_deref(), Some("T1053"));
    assert_eq!(local.tactics, ["execution", "persistence"]);
    assert_eq!(data.closest_technique_id("T1168"), Some("T1053"));
}

#[test]
fn malformed_json_names_file_position() {
    let file = write_temporary("{\n  \"type\": \"bundle\",\n  \"objects\": [\n    {\"type\": }\n  ]\n}\n");
    let error = AttackData::from_stix_file(file.path()).expect_err("malformed JSON is rejected");

    let AttackError::Json {
        path,
        line,
        column,
        message,
    } = &error
    else {
        panic!("expected a JSON error, got {error:?}");
    };
    assert_eq!(path, file.path());
    assert_eq!(*line, 4);
    assert_eq!(*column, 14);
    assert_eq!(message, "expected value");

    let displayed = error.to_string();
    let file_name = file.path().display().to_string();
    assert!(displayed.contains(&file_name), "{displayed}");
    assert!(
        displayed.ends_with("at line 4, column 14: expected value"),
        "{displayed}"
    );
}

#[test]
fn wrong_field_type_is_json_error() {
    let json = r#"{"type": "bundle", "objects": [{"type": "x-mitre-matrix", "tactic_refs": "x"}]}"#;
    let error = AttackData::from_stix_str(json).expect_err("a string tactic_refs is rejected");
    assert!(matches!(error, AttackError::Json { line: 1, .. }), "{error:?}");
    assert!(error.to_string().contains("<string>"), "{error}");
}

#[test]
fn bundle_without_tactics_is_error() {
    let error = AttackData::from_stix_str(&fixture_without("x-mitre-tactic"))
        .expect_err("a bundle without tactics is rejected");
    assert!(matches!(error, AttackError::NoTactics { .. }), "{error:?}");
}

#[test]
fn bundle_without_matrix_is_error() {
    let error = AttackData::from_stix_str(&fixture_without("x-mitre-matrix"))
        .expect_err("a bundle without a matrix is rejected");
    assert!(matches!(&error, AttackError::Missing { item, .. } if item.contains("x-mitre-matrix")));
}

#[test]
fn bundle_without_collection_is_error() {
    let error = AttackData::from_stix_str(&fixture_without("x-mitre-collection"))
        .expect_err("a bundle without a version is rejected");
    assert!(matches!(&error, AttackError::Missing { item, .. } if item.contains("x_mitre_version")));
}

#[test]
fn missing_subtechnique_relationship_uses_prefix() {
    let data = AttackData::from_stix_str(&fixture_without("relationship")).expect("bundle is valid");
    let task = data.technique("T1053.005").expect("T1053.005 is in the fixture");
    assert_eq!(task.parent.as_deref(), Some("T1053"));
    assert_eq!(data.technique("T1168").and_then(|t| t.replaced_by.clone()), None);
}

#[test]
fn unknown_tactic_is_invalid() {
    let json = std::fs::read_to_string(fixture_path()).expect("failed to read the fixture");
    let json = json.replace(r#""phase_name": "execution""#, r#""phase_name": "execute""#);
    let error = AttackData::from_stix_str(&json).expect_err("an unknown tactic is rejected");
    assert!(matches!(error, AttackError::Invalid { .. }), "{error:?}");
    assert!(error.to_string().contains("unknown tactic execute"), "{error}");
}

#[test]
fn missing_file_is_io_error() {
    let path = Path::new("/nonexistent/enterprise-attack.json");
    let error = AttackData::from_stix_file(path).expect_err("a missing file is rejected");
    assert!(
        matches!(&error, AttackError::Io { path: p, .. } if p == path),
        "{error:?}"
    );
    assert!(
        error.to_string().contains("/nonexistent/enterprise-attack.json"),
        "{error}"
    );
}

#[test]
fn non_bundle_document_is_invalid() {
    let json = r#"{"type": "x-mitre-collection", "objects": []}"#;
    let error = AttackData::from_stix_str(json).expect_err("a non-bundle document is rejected");
    assert!(error.to_string().contains("expected \"bundle\""), "{error}");
}
