//! `contentdoc lint` output formats, exit codes, settings, `explain`,
//! `--list`, and `build` refusing content with lint errors.

mod lint_support;

use std::collections::BTreeMap;

use contentdoc::lint::RULES;
use lint_support::*;
use serde_json::json;

/// Builds the base tree with every rule's `fires` overlay and the settings file
/// of `all/` that combines the settings mistakes.
fn every_mistake() -> Tree {
    let mut owners: BTreeMap<String, &str> = BTreeMap::new();
    let mut overlays = Vec::new();
    for rule in RULES {
        let dir = lint_fixture(rule.code).join("fires");
        for file in overlay_files(&dir) {
            if let Some(other) = owners.insert(file.clone(), rule.code) {
                assert_eq!(file, "contentdoc.yaml", "{} and {other} both write {file}", rule.code);
            }
        }
        overlays.push(dir);
    }
    overlays.push(lint_fixture("all"));
    let overlays: Vec<&std::path::Path> = overlays.iter().map(|p| p.as_path()).collect();
    Tree::new(&overlays)
}

fn stdout(output: &std::process::Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

#[test]
fn human_output_every_mistake() {
    let tree = every_mistake();
    let output = tree.run(&["lint", "--content", "content"]);
    let text = stdout(&output).replace(&tree.dir.path().display().to_string(), "[TMP]");
    insta::assert_snapshot!("every_mistake", text);
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn every_mistake_reports_every_code() {
    let report = every_mistake().lint_json();
    let mut codes: Vec<&str> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    codes.sort_unstable();
    codes.dedup();
    let registered: Vec<&str> = RULES.iter().map(|rule| rule.code).collect();
    assert_eq!(codes, registered);
}

#[test]
fn json_report_exact_shape() {
    let tree = Tree::for_rule("CD204", "fires");
    let report = tree.lint_json();
    let expected = json!({
        "version": 1,
        "diagnostics": [{
            "code": "CD204",
            "name": "dangling-reference",
            "severity": "error",
            "message": "unknown use case `exfill`",
            "help": "did you mean `exfil`?",
            "file": "content/rules/R-CD204.yaml",
            "line": 3,
            "column": 13
        }],
        "summary": { "errors": 1, "warnings": 0 }
    });
    assert_eq!(report, expected);
}

#[test]
fn github_report_exact_lines() {
    let tree = Tree::for_rule("CD111", "fires");
    let output = tree.run(&["lint", "--content", "content", "--format", "github"]);
    let expected = "::error file=content/contentdoc.yaml,line=3,col=13,title=CD111::\
suppression of CD504 on `cd111` has no reason, so it is ignored%0Ahelp: add `reason:` saying why the finding is acceptable\n\
::warning file=content/use-cases/cd111.yaml,line=1,col=5,title=CD504::\
use case `cd111` is used by nothing%0Ahelp: list it in the `use_cases` of a rule, or delete the use case\n";
    assert_eq!(stdout(&output), expected);
}

/// Builds a validator from the vendored SARIF 2.1.0 schema.
fn sarif_validator() -> jsonschema::Validator {
    let schema_path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sarif/sarif-schema-2.1.0.json");
    let mut schema: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(schema_path).unwrap()).unwrap();
    // The published `language` patterns have an unescaped `]`, which
    // ECMA-262 reads as a literal and the Rust regex crate rejects when the
    // schema itself is checked. Escaping it keeps their meaning; contentdoc
    // writes no `language` property in any case.
    assert_eq!(escape_language_patterns(&mut schema), 2);
    jsonschema::validator_for(&schema).unwrap()
}

fn schema_errors(validator: &jsonschema::Validator, sarif: &serde_json::Value) -> Vec<String> {
    validator
        .iter_errors(sarif)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

#[test]
fn sarif_report_matches_schema() {
    let output = every_mistake().run(&["lint", "--content", "content", "--format", "sarif"]);
    let sarif: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(schema_errors(&sarif_validator(), &sarif), Vec::<String>::new());
}

#[test]
fn sarif_schema_rejects_bad_level() {
    let output = Tree::for_rule("CD204", "fires").run(&["lint", "--content", "content", "--format", "sarif"]);
    let mut sarif: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    sarif["runs"][0]["results"][0]["level"] = json!("fatal");
    assert_eq!(schema_errors(&sarif_validator(), &sarif).len(), 1);
}

/// Escapes the `]` of the SARIF schema's `language` patterns; returns how many it changed.
fn escape_language_patterns(value: &mut serde_json::Value) -> usize {
    const PUBLISHED: &str = "^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$";
    match value {
        serde_json::Value::Object(map) => {
            if map.get("pattern").is_some_and(|p| p == PUBLISHED) {
                map.insert("pattern".into(), json!("^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}\\]?$"));
                return 1;
            }
            map.values_mut().map(escape_language_patterns).sum()
        }
        serde_json::Value::Array(items) => items.iter_mut().map(escape_language_patterns).sum(),
        _ => 0,
    }
}

#[test]
fn sarif_result_has_location_and_rule() {
    let tree = Tree::for_rule("CD204", "fires");
    let output = tree.run(&["lint", "--content", "content", "--format", "sarif"]);
    let sarif: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let run = &sarif["runs"][0];
    let index = RULES.iter().position(|rule| rule.code == "CD204").unwrap();
    assert_eq!(run["tool"]["driver"]["rules"].as_array().unwrap().len(), RULES.len());
    assert_eq!(run["tool"]["driver"]["rules"][index]["id"], "CD204");
    let expected = json!([{
        "ruleId": "CD204",
        "ruleIndex": index,
        "level": "error",
        "message": { "text": "unknown use case `exfill`\nhelp: did you mean `exfil`?" },
        "locations": [{
            "physicalLocation": {
                "artifactLocation": { "uri": "content/rules/R-CD204.yaml" },
                "region": { "startLine": 3, "startColumn": 13 }
            }
        }]
    }]);
    assert_eq!(run["results"], expected);
}

#[test]
fn exit_zero_when_clean() {
    let output = Tree::new(&[]).run(&["lint", "--content", "content"]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(stdout(&output), "no problems found\n");
}

#[test]
fn exit_one_on_errors() {
    let output = Tree::for_rule("CD204", "fires").run(&["lint", "--content", "content"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).ends_with("\n1 error, 0 warnings\n"));
}

#[test]
fn warnings_exit_zero_by_default() {
    let output = Tree::for_rule("CD502", "fires").run(&["lint", "--content", "content"]);
    assert_eq!(output.status.code(), Some(0));
    assert!(stdout(&output).ends_with("\n0 errors, 1 warning\n"));
}

#[test]
fn deny_warnings_exits_one() {
    let tree = Tree::for_rule("CD502", "fires");
    let output = tree.run(&["lint", "--content", "content", "--deny-warnings"]);
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn exit_two_on_missing_directory() {
    let output = Tree::new(&[]).run(&["lint", "--content", "no-such-folder"]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("no-such-folder does not exist"), "{stderr}");
}

#[test]
fn exit_two_on_bad_arguments() {
    let output = Tree::new(&[]).run(&["lint", "--content", "content", "--format", "xml"]);
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn level_off_drops_finding() {
    let tree = Tree::for_rule("CD502", "fires");
    tree.write("contentdoc.yaml", "lint:\n  levels:\n    CD502: off\n");
    assert_eq!(tree.lint_json()["diagnostics"], json!([]));
}

#[test]
fn level_error_raises_warning() {
    let tree = Tree::for_rule("CD502", "fires");
    tree.write("contentdoc.yaml", "lint:\n  levels:\n    CD502: error\n");
    let report = tree.lint_json();
    assert_eq!(report["diagnostics"][0]["severity"], "error");
    assert_eq!(report["summary"], json!({ "errors": 1, "warnings": 0 }));
}

#[test]
fn suppression_with_reason_hides_finding() {
    let tree = Tree::for_rule("CD111", "passes");
    assert_eq!(tree.lint_json()["diagnostics"], json!([]));
}

#[test]
fn unknown_code_names_nearest() {
    let report = Tree::for_rule("CD110", "fires").lint_json();
    assert_eq!(
        report["diagnostics"][0]["help"],
        "did you mean `CD501`? `contentdoc lint --list` lists the codes"
    );
}

/// Returns (message, help) of every finding with `code` in a JSON report.
fn messages(report: &serde_json::Value, code: &str) -> Vec<(String, String)> {
    report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == code)
        .map(|d| {
            (
                d["message"].as_str().unwrap().to_string(),
                d["help"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn outdated_technique_names_replacement() {
    let report = Tree::for_rule("CD303", "fires").lint_json();
    let expected = vec![
        (
            "technique `T1086` (PowerShell) is revoked in ATT&CK 18.1".to_string(),
            "replace it with `T1059.001 - PowerShell`".to_string(),
        ),
        (
            "technique `T1026` (Multiband Communication) is deprecated in ATT&CK 18.1".to_string(),
            "ATT&CK records no replacement; map the rule to a current technique or remove the entry".to_string(),
        ),
    ];
    assert_eq!(messages(&report, "CD303"), expected);
}

#[test]
fn rule_without_event_types_never_fires() {
    let tree = Tree::for_rule("CD501", "passes");
    let rule = "id: R-CD501\nname: CD501 rule\nuse_cases: [exfil]\nactivity_type: email-activity\nattack: [T1048]\n";
    tree.write("rules/R-CD501.yaml", rule);
    let expected = vec![(
        "rule `R-CD501` lists no event types, so it can never fire".to_string(),
        "list the event types the rule consumes under `event_types`".to_string(),
    )];
    assert_eq!(messages(&tree.lint_json(), "CD501"), expected);
}

#[test]
fn explain_prints_rule_doc() {
    let output = Tree::new(&[]).run(&["explain", "cd204"]);
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    assert!(
        text.starts_with("CD204 dangling-reference: a reference to an id that does not exist.\n"),
        "{text}"
    );
    assert!(text.ends_with("Default severity: error\n"), "{text}");
}

#[test]
fn explain_unknown_code_fails() {
    let output = Tree::new(&[]).run(&["explain", "CD999"]);
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn list_shows_every_code() {
    let output = Tree::new(&[]).run(&["lint", "--list"]);
    let text = stdout(&output);
    let codes: Vec<&str> = text.lines().map(|line| &line[..5]).collect();
    let registered: Vec<&str> = RULES.iter().map(|rule| rule.code).collect();
    assert_eq!(codes, registered);
    assert!(text.contains("CD501  warning  rule-never-fires"), "{text}");
}

#[test]
fn build_refuses_lint_errors() {
    let tree = Tree::for_rule("CD402", "fires");
    let output = tree.run(&["build", "--content", "content", "--out", "site"]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("error[CD402]"), "{stderr}");
    assert!(stderr.contains("Run `contentdoc lint --content content`"), "{stderr}");
    assert!(!tree.dir.path().join("site").exists());
}

#[test]
fn docs_table_matches_registry() {
    let docs = std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/lint.md")).unwrap();
    for rule in RULES {
        let row = format!(
            "| {} | {} | {} | {} |",
            rule.code,
            rule.name,
            rule.severity.as_str(),
            rule.summary
        );
        assert!(docs.contains(&row), "docs/lint.md lacks the row {row}");
    }
}

#[test]
fn missing_attack_file_gives_reason() {
    let small = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/small");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_contentdoc"))
        .args(["lint", "--content", small.to_str().unwrap(), "--format", "json"])
        .args(["--attack", "/nonexistent/enterprise-attack.json"])
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let messages: Vec<&str> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "CD302")
        .map(|d| d["message"].as_str().unwrap())
        .collect();
    assert_eq!(
        messages,
        ["failed to read ATT&CK data from /nonexistent/enterprise-attack.json: No such file or directory (os error 2)"]
    );
}

const LONG_SAMPLES: &str = "\
id: cd408
conditions: ['cd408']
fields:
  - 'from=({sender}\\S+)'
  - 'msg=({msg}.*)'
event_types: [mail-out]
samples:
  - log: 'cd408 from=alice@example.com msg=MSG'
    event_type: mail-out
    expect:
      sender: alice@example.com
      msg: short
  - log: 'cd408 from=alice@example.com'
    event_type: mail-out
";

#[test]
fn failing_sample_points_at_expect() {
    let tree = Tree::for_rule("CD408", "fires");
    let message = "x".repeat(300);
    tree.write(
        "vendors/acme/mail-gw/parsers/cd408.yaml",
        &LONG_SAMPLES.replace("MSG", &message),
    );
    let output = tree.run(&["lint", "--content", "./content", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let found: Vec<serde_json::Value> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "CD408")
        .map(|d| json!([d["line"], d["column"], d["message"], d["help"]]))
        .collect();
    let shortened = format!("{}…", "x".repeat(79));
    let expected = vec![
        json!([
            12,
            12,
            format!("sample 1 of parser `cd408` fails: field `msg`: expected \"short\", parsed \"{shortened}\""),
            "run `contentdoc test --content ./content cd408` for the field table"
        ]),
        json!([
            13,
            10,
            "sample 2 of parser `cd408` fails: the sample has no `expect` fields",
            "run `contentdoc test --content ./content --update cd408` to write the parsed fields into `expect`"
        ]),
    ];
    assert_eq!(found, expected);
}

#[test]
fn no_samples_skips_sample_rules() {
    let tree = Tree::new(&[]);
    let parser = tree.content().join("vendors/acme/mail-gw/parsers/acme-mail.yaml");
    let text = std::fs::read_to_string(&parser).unwrap();
    assert!(text.contains("alice@example.com"), "the base parser changed: {text}");
    tree.write(
        "vendors/acme/mail-gw/parsers/acme-mail.yaml",
        &text.replacen("alice@example.com", "bob@example.com", 1),
    );

    let full = tree.run(&["lint"]);
    assert_eq!(full.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&full.stdout).contains("error[CD408]"));

    let quick = tree.run(&["lint", "--no-samples"]);
    let stdout = String::from_utf8_lossy(&quick.stdout);
    assert_eq!(quick.status.code(), Some(0), "{stdout}");
    assert!(!stdout.contains("CD408"), "{stdout}");
}
