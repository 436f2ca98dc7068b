//! Reading changed definition files again in place, as `serve` does.

mod common;

use std::fs;

use common::*;
use contentdoc::load::{FileKind, load_content};

#[test]
fn reload_replaces_a_changed_rule_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    copy_tree(&fixture("small"), &content);
    let (mut raw, _) = load_content(&content).unwrap();
    let order: Vec<String> = raw.rules.iter().map(|r| r.value.id.value.clone()).collect();

    let rule = content.join("rules/R-IN-1.yaml");
    let text = fs::read_to_string(&rule).unwrap();
    fs::write(&rule, text.replace("score: 15", "score: 42")).unwrap();
    assert_eq!(raw.reload(&rule), Some(FileKind::Rule));

    let ids: Vec<String> = raw.rules.iter().map(|r| r.value.id.value.clone()).collect();
    assert_eq!(ids, order);
    let reloaded = raw.rules.iter().find(|r| r.file == rule).unwrap();
    assert_eq!(reloaded.value.score.as_ref().map(|s| s.value), Some(42));
    assert!(raw.sources.text(&rule).unwrap().contains("score: 42"));
}

#[test]
fn reload_declines_changes_it_cannot_apply_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    copy_tree(&fixture("small"), &content);
    let (mut raw, _) = load_content(&content).unwrap();

    let settings = content.join("contentdoc.yaml");
    assert_eq!(raw.reload(&settings), None, "settings affect every file");

    let added = content.join("rules/R-NEW.yaml");
    fs::copy(content.join("rules/R-IN-1.yaml"), &added).unwrap();
    assert_eq!(raw.reload(&added), None, "a new file");

    let rule = content.join("rules/R-IN-1.yaml");
    fs::write(&rule, "id: R-IN-1\nname: [unclosed\n").unwrap();
    assert_eq!(raw.reload(&rule), None, "a file that no longer parses");

    fs::remove_file(content.join("rules/R-OUT-1.yaml")).unwrap();
    assert_eq!(raw.reload(&content.join("rules/R-OUT-1.yaml")), None, "a deleted file");
}
