//! `contentdoc test`: the bundled content passes, failures print their
//! field table, and `--update` rewrites only the failing expectations.

mod lint_support;

use std::path::Path;
use std::process::Output;

use lint_support::{Tree, lint_fixture};

const PARSER_FILE: &str = "vendors/acme/mail-gw/parsers/acme-mail.yaml";

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

/// Returns the base lint tree with its parser replaced by `parser`.
fn tree_with_parser(parser: &str) -> Tree {
    let tree = Tree::new(&[]);
    tree.write(PARSER_FILE, parser);
    tree
}

#[test]
fn bundled_content_passes() {
    let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    let output = Tree::new(&[]).run(&["test", "--content", content.to_str().unwrap()]);
    let text = stdout(&output);
    let last = text.lines().last().unwrap();
    let (passed, failed) = last.split_once(" passed, ").unwrap();
    assert_eq!(failed, "0 failed", "{text}");
    assert!(passed.parse::<usize>().unwrap() >= 24, "{text}");
    assert_eq!(output.status.code(), Some(0), "{text}");
}

#[test]
fn wrong_expectation_prints_field_table() {
    let tree = Tree::for_rule("CD408", "fires");
    let output = tree.run(&["test", "--content", "content"]);
    let expected = "\
FAIL cd408 sample 1 (content/vendors/acme/mail-gw/parsers/cd408.yaml:7): field `sender`: expected \"bob@example.com\", parsed \"alice@example.com\"
    field  | expected        | actual
    -------+-----------------+------------------
    sender | bob@example.com | alice@example.com
1 passed, 1 failed
";
    assert_eq!(stdout(&output), expected);
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn named_parser_only_tested() {
    let tree = Tree::for_rule("CD408", "fires");
    let output = tree.run(&["test", "--content", "content", "acme-mail"]);
    assert_eq!(stdout(&output), "1 passed, 0 failed\n");
    assert_eq!(output.status.code(), Some(0));
}

#[test]
fn unknown_parser_names_nearest() {
    let tree = Tree::for_rule("CD408", "fires");
    let output = tree.run(&["test", "--content", "content", "cd480"]);
    assert_eq!(
        stderr(&output),
        "error: no parser has the id `cd480`; did you mean `cd408`?\n"
    );
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn parser_without_samples_fails() {
    let tree = tree_with_parser("id: acme-mail\nconditions: ['ACME-MAIL']\nevent_types: [mail-out]\n");
    let output = tree.run(&["test", "--content", "content"]);
    let expected = format!("FAIL acme-mail (content/{PARSER_FILE}:1): the parser has no samples\n0 passed, 1 failed\n");
    assert_eq!(stdout(&output), expected);
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn sample_without_expect_fails() {
    let tree = tree_with_parser(
        "id: acme-mail\nconditions: ['ACME-MAIL']\nevent_types: [mail-out]\nsamples:\n  - log: 'ACME-MAIL x'\n    event_type: mail-out\n",
    );
    let output = tree.run(&["test", "--content", "content"]);
    let expected = format!(
        "FAIL acme-mail sample 1 (content/{PARSER_FILE}:5): the sample has no `expect` fields\n0 passed, 1 failed\n"
    );
    assert_eq!(stdout(&output), expected);
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn bad_regex_reported_with_position() {
    let tree = Tree::for_rule("CD405", "fires");
    let output = tree.run(&["test", "--content", "content", "cd405"]);
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "FAIL cd405 sample 1 (content/vendors/acme/mail-gw/parsers/cd405.yaml:7): invalid regex at offset 15: \
         invalid repetition count range, the start must be <= the end in parser cd405, field regex 1 (line 4, column 5)"
    );
    assert_eq!(lines.last(), Some(&"0 passed, 1 failed"));
    assert_eq!(output.status.code(), Some(1));

    let report = tree.lint_json();
    let finding = &report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "CD405")
        .unwrap();
    assert_eq!(finding["file"], "content/vendors/acme/mail-gw/parsers/cd405.yaml");
    assert_eq!(
        (finding["line"].as_u64(), finding["column"].as_u64()),
        (Some(4), Some(21))
    );
}

#[test]
fn pathological_regex_cut_off() {
    let log = format!("ACME-MAIL {}b", "a".repeat(5000));
    let tree = tree_with_parser(&format!(
        "id: acme-mail\nconditions: ['ACME-MAIL']\nfields:\n  - '({{run}}(?=a)a+)+$'\nevent_types: [mail-out]\nsamples:\n  - log: '{log}'\n    event_type: mail-out\n    expect: {{run: a}}\n"
    ));
    let output = tree.run(&["test", "--content", "content"]);
    let text = stdout(&output);
    let first = text.lines().next().unwrap();
    assert!(
        first.starts_with(&format!(
            "FAIL acme-mail sample 1 (content/{PARSER_FILE}:7): backtrack limit of "
        )),
        "{first}"
    );
    assert!(
        first.ends_with(r#"exceeded in parser acme-mail, field regex 1 (line 4, column 5): "({run}(?=a)a+)+$""#),
        "{first}"
    );
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn content_error_stops_tests() {
    let tree = Tree::new(&[&lint_fixture("CD204").join("fires")]);
    let output = tree.run(&["test", "--content", "content"]);
    assert_eq!(stdout(&output), "");
    assert!(stderr(&output).contains("error[CD204]"), "{}", stderr(&output));
    assert_eq!(output.status.code(), Some(1));
}

const BEFORE_UPDATE: &str = "\
# Comments stay where they are.
id: acme-mail
conditions: [\"ACME-MAIL\"]
fields:
  - 'dir=({direction}\\w+)'
  - 'from=({sender}\\S+)'
event_types: [mail-out]
samples:
  # passing sample, written in flow style
  - log: \"ACME-MAIL dir=out from=alice@example.com\"
    event_type: mail-out
    expect: {direction: out, sender: alice@example.com}
  - log: 'ACME-MAIL dir=out from=o''brien@example.com'
    event_type: mail-out   # wrong sender below
    expect:
      direction: out
      sender: bob@example.com  # stale
  # new sample
  - log: ACME-MAIL dir=out from=carol@example.com
    event_type: mail-out
";

const AFTER_UPDATE: &str = "\
# Comments stay where they are.
id: acme-mail
conditions: [\"ACME-MAIL\"]
fields:
  - 'dir=({direction}\\w+)'
  - 'from=({sender}\\S+)'
event_types: [mail-out]
samples:
  # passing sample, written in flow style
  - log: \"ACME-MAIL dir=out from=alice@example.com\"
    event_type: mail-out
    expect: {direction: out, sender: alice@example.com}
  - log: 'ACME-MAIL dir=out from=o''brien@example.com'
    event_type: mail-out   # wrong sender below
    expect:
      direction: 'out'
      sender: 'o''brien@example.com'
  # new sample
  - log: ACME-MAIL dir=out from=carol@example.com
    event_type: mail-out
    expect:
      direction: 'out'
      sender: 'carol@example.com'
";

#[test]
fn update_rewrites_failing_samples_only() {
    let tree = tree_with_parser(BEFORE_UPDATE);
    let output = tree.run(&["test", "--content", "content", "--update"]);
    let written = std::fs::read_to_string(tree.content().join(PARSER_FILE)).unwrap();
    assert_eq!(written, AFTER_UPDATE);
    assert_eq!(stdout(&output), "3 passed, 0 failed\n");
    assert_eq!(
        stderr(&output),
        format!("updated 2 sample(s) of parser acme-mail in content/{PARSER_FILE}\n")
    );
    assert_eq!(output.status.code(), Some(0));
}

const FLOW_SAMPLE: &str = "\
id: acme-mail
conditions: ['ACME-MAIL']
fields:
  - 'from=({sender}\\S+)'
event_types: [mail-out]
samples:
  - {log: 'ACME-MAIL from=alice@example.com', event_type: mail-out, expect: {sender: bob@example.com}}
  - log: 'ACME-MAIL from=carol@example.com'
    event_type: mail-out
";

#[test]
fn update_skips_flow_sample() {
    let tree = tree_with_parser(FLOW_SAMPLE);
    let output = tree.run(&["test", "--content", "content", "--update"]);
    let written = std::fs::read_to_string(tree.content().join(PARSER_FILE)).unwrap();
    let expected = format!("{FLOW_SAMPLE}    expect:\n      sender: 'carol@example.com'\n");
    assert_eq!(written, expected);
    assert_eq!(
        stderr(&output),
        format!(
            "not updated: acme-mail sample 1 (content/{PARSER_FILE}:7): the sample is not a block mapping \
             with `log:` on its own line; write it in block style to update it\n\
             updated 1 sample(s) of parser acme-mail in content/{PARSER_FILE}\n"
        )
    );
    let report = stdout(&output);
    assert!(report.ends_with("1 passed, 1 failed\n"), "{report}");
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn update_leaves_passing_file_unchanged() {
    let tree = tree_with_parser(AFTER_UPDATE);
    let output = tree.run(&["test", "--content", "content", "--update"]);
    let written = std::fs::read_to_string(tree.content().join(PARSER_FILE)).unwrap();
    assert_eq!(written, AFTER_UPDATE);
    assert_eq!(stderr(&output), "");
    assert_eq!(output.status.code(), Some(0));
}

#[test]
fn build_rejects_event_type_without_sample() {
    let tree = Tree::for_rule("CD402", "fires");
    let output = tree.run(&["build", "--content", "content", "--out", "site"]);
    assert!(stderr(&output).contains("error[CD402]"), "{}", stderr(&output));
    assert!(!tree.dir.path().join("site").exists());
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn page_shows_failed_sample() {
    let tree = Tree::for_rule("CD408", "fires");
    tree.write("contentdoc.yaml", "lint:\n  levels:\n    CD408: warning\n");
    let output = tree.run(&["build", "--content", "content", "--out", "site"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let page = std::fs::read_to_string(tree.dir.path().join("site/markdown/parsers/cd408.md")).unwrap();
    let result = "Result: failed — field \\`sender\\`: expected \"bob@example.com\", parsed \"alice@example.com\"\n";
    assert!(page.contains(result), "{page}");
    assert!(
        page.contains("| sender | `bob@example.com` | `alice@example.com` |\n"),
        "{page}"
    );
}

const YEARLESS: &str = "\
id: acme-mail
conditions: ['ACME-MAIL']
time_format: 'MMM dd HH:mm:ss'
fields:
  - '^({time}\\w{3} \\d\\d \\d\\d:\\d\\d:\\d\\d) '
event_types: [mail-out]
samples:
  - log: 'Mar 02 08:00:00 ACME-MAIL'
    event_type: mail-out
    time: '2019-03-02T07:00:00Z'
    expect: {time: 'Mar 02 08:00:00'}
  - log: 'Feb 29 10:00:00 ACME-MAIL'
    event_type: mail-out
";

#[test]
fn yearless_times_use_fixed_year() {
    let tree = tree_with_parser(YEARLESS);
    tree.write(
        "contentdoc.yaml",
        "time:\n  default_year: 2024\n  default_zone: '+01:00'\n",
    );
    let output = tree.run(&["test", "--content", "content", "--update"]);
    let written = std::fs::read_to_string(tree.content().join(PARSER_FILE)).unwrap();
    let expected = YEARLESS.replace(
        "  - log: 'Feb 29 10:00:00 ACME-MAIL'\n    event_type: mail-out\n",
        "  - log: 'Feb 29 10:00:00 ACME-MAIL'\n    event_type: mail-out\n    time: '2024-02-29T09:00:00Z'\n    expect:\n      time: 'Feb 29 10:00:00'\n",
    );
    assert_eq!(written, expected);
    assert_eq!(stdout(&output), "2 passed, 0 failed\n");
}

#[test]
fn invalid_default_zone_rejected() {
    let tree = Tree::new(&[]);
    tree.write("contentdoc.yaml", "time:\n  default_zone: CET\n");
    let output = tree.run(&["test", "--content", "content"]);
    let message = "error[CD407]: invalid time zone \"CET\" in `time.default_zone`";
    assert!(stderr(&output).contains(message), "{}", stderr(&output));
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        tree.positions("CD407"),
        vec![("content/contentdoc.yaml".to_owned(), 2, 17)]
    );
}
