//! `contentdoc diff` on two fixture trees that differ by one change of each
//! sort, and on git revisions of a repository made in the test.

mod common;

use std::fs;
use std::path::Path;
use std::process::Command;

use common::*;
use contentdoc::interop::diff::Diff;
use serde_json::{Value, json};

fn run_diff(dir: &Path, args: &[&str]) -> std::process::Output {
    let mut full = vec!["diff"];
    full.extend_from_slice(args);
    contentdoc(dir, &full)
}

fn json_diff(dir: &Path, old: &str, new: &str) -> Diff {
    let output = run_diff(dir, &[old, new, "--format", "json"]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

fn fixture_diff() -> Diff {
    let old = fixture("diff/old");
    let new = fixture("diff/new");
    json_diff(
        Path::new(env!("CARGO_MANIFEST_DIR")),
        old.to_str().unwrap(),
        new.to_str().unwrap(),
    )
}

/// The entity changes between the two fixture trees, worked out by hand.
fn expected_entities() -> Value {
    json!([
        {
            "kind": "rules",
            "added": [{"id": "R-NEW", "name": "Upload to a web service after a mail alert"}],
            "removed": [{"id": "R-GONE", "name": "Repeated failed logins before sending"}],
            "renamed": [],
            "changed": [{"id": "R-SCORE", "changes": [{"field": "score", "old": 10, "new": 30}]}]
        },
        {
            "kind": "models",
            "added": [],
            "removed": [],
            "renamed": [{"from": "M-OLD", "to": "M-RENAMED", "similarity": 1.0, "changes": []}],
            "changed": []
        }
    ])
}

#[test]
fn fixture_diff_reports_each_change_once() {
    let diff = fixture_diff();
    assert_eq!(serde_json::to_value(&diff.entities).unwrap(), expected_entities());
}

#[test]
fn fixture_coverage_delta_matches_hand_count() {
    // R-GONE was the only rule on T1110 and R-NEW is the only rule on T1567;
    // R-SCORE keeps T1048 and its model, whose rename is not a coverage change.
    let expected = json!({
        "techniques_covered": [{"id": "T1567", "name": "Exfiltration Over Web Service"}],
        "techniques_uncovered": [{"id": "T1110", "name": "Brute Force"}],
        "techniques": [
            {"id": "T1110", "rules_gained": [], "rules_lost": ["R-GONE"], "models_gained": [], "models_lost": []},
            {"id": "T1567", "rules_gained": ["R-NEW"], "rules_lost": [], "models_gained": [], "models_lost": []}
        ],
        "products": [{
            "id": "mail-gw",
            "rules_gained": ["R-NEW"],
            "rules_lost": ["R-GONE"],
            "models_gained": [],
            "models_lost": [],
            "techniques_gained": ["T1567"],
            "techniques_lost": ["T1110"]
        }]
    });
    assert_eq!(serde_json::to_value(fixture_diff().coverage).unwrap(), expected);
}

#[test]
fn identical_trees_have_empty_diff() {
    let small = fixture("small");
    let small = small.to_str().unwrap();
    let diff = json_diff(Path::new(env!("CARGO_MANIFEST_DIR")), small, small);
    assert_eq!(diff.entities, vec![]);
    assert_eq!(diff.coverage, Default::default());
}

#[test]
fn markdown_diff_has_release_sections() {
    let old = fixture("diff/old");
    let new = fixture("diff/new");
    let output = run_diff(
        Path::new(env!("CARGO_MANIFEST_DIR")),
        &[old.to_str().unwrap(), new.to_str().unwrap()],
    );
    assert_eq!(output.status.code(), Some(0));
    let text = String::from_utf8(output.stdout).unwrap();
    let expected = [
        "Content changes",
        "Summary",
        "Rules",
        "Added",
        "Removed",
        "Changed",
        "R-SCORE",
        "Models",
        "Renamed",
        "Coverage",
        "Techniques newly covered",
        "Techniques no longer covered",
        "By technique",
        "By product",
    ];
    assert_eq!(headings(&text), expected);
    let summary = &tables(&text)[0];
    let rules = summary.row("Rules");
    let counts: Vec<&str> = rules[1..].iter().map(|c| c.text.as_str()).collect();
    assert_eq!(counts, ["1", "1", "0", "1"]);
}

#[test]
fn diff_with_broken_side_exits_one() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&fixture("diff/new"), &dir.path().join("new"));
    fs::write(dir.path().join("new/rules/R-NEW.yaml"), "id: R-NEW\nname: X\n").unwrap();
    let old = fixture("diff/old");
    let output = run_diff(dir.path(), &[old.to_str().unwrap(), "new"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(output.stdout, b"");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("missing required key `activity_type`"), "{stderr}");
}

fn git(repo: &Path, args: &[&str]) {
    let output = Command::new("git")
        .args(["-c", "user.name=Test", "-c", "user.email=test@example.com"])
        .args(args)
        .current_dir(repo)
        .output()
        .expect("git runs");
    assert!(
        output.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// Makes a repository whose first commit has the old fixture as `content/`
/// and whose second commit has the new one.
fn two_commit_repo() -> tempfile::TempDir {
    let repo = tempfile::tempdir().unwrap();
    git(repo.path(), &["init", "--quiet"]);
    copy_tree(&fixture("diff/old"), &repo.path().join("content"));
    git(repo.path(), &["add", "content"]);
    git(repo.path(), &["commit", "--quiet", "-m", "Old content"]);
    git(repo.path(), &["tag", "v1"]);
    fs::remove_dir_all(repo.path().join("content")).unwrap();
    copy_tree(&fixture("diff/new"), &repo.path().join("content"));
    git(repo.path(), &["add", "-A", "content"]);
    git(repo.path(), &["commit", "--quiet", "-m", "New content"]);
    repo
}

#[test]
fn git_revisions_diff_like_directories() {
    let repo = two_commit_repo();
    let diff = json_diff(repo.path(), "HEAD~1", "HEAD");
    assert_eq!(serde_json::to_value(&diff.entities).unwrap(), expected_entities());
    assert_eq!(diff.coverage, fixture_diff().coverage);
    assert_eq!((diff.old.label.as_str(), diff.new.label.as_str()), ("HEAD~1", "HEAD"));
}

#[test]
fn git_revisions_from_subfolder() {
    let repo = two_commit_repo();
    let diff = json_diff(&repo.path().join("content"), "HEAD~1", "HEAD");
    assert_eq!(serde_json::to_value(&diff.entities).unwrap(), expected_entities());

    let output = run_diff(
        &repo.path().join("content"),
        &["HEAD~1", "HEAD", "--content-path", "rules"],
    );
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(output.stdout, b"");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("revision `HEAD~1` has no folder `rules`"), "{stderr}");
}

#[test]
fn tag_against_work_tree_directory() {
    let repo = two_commit_repo();
    let diff = json_diff(repo.path(), "v1", "content");
    assert_eq!(serde_json::to_value(&diff.entities).unwrap(), expected_entities());
}

#[test]
fn content_path_selects_repo_folder() {
    let repo = two_commit_repo();
    git(repo.path(), &["mv", "content", "catalogue"]);
    git(repo.path(), &["commit", "--quiet", "-m", "Move the content"]);
    let output = run_diff(
        repo.path(),
        &["v1", "HEAD", "--content-path", "catalogue", "--format", "json"],
    );
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("revision `v1` has no folder `catalogue`"), "{stderr}");

    let output = run_diff(
        repo.path(),
        &["HEAD", "catalogue", "--content-path", "catalogue", "--format", "json"],
    );
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let diff: Diff = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(diff.entities, vec![]);
}

#[test]
fn unknown_revision_is_a_clear_error() {
    let repo = two_commit_repo();
    let output = run_diff(repo.path(), &["no-such-tag", "HEAD"]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(output.stdout, b"");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("`no-such-tag` is neither an existing directory nor a commit"),
        "{stderr}"
    );
}
