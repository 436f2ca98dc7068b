//! `contentdoc parse`: one JSON object per input line, from files or
//! standard input, with a summary on standard error.

mod lint_support;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use contentdoc::load::parse_yaml;
use contentdoc::load::raw::{RawParser, RawSample};
use lint_support::Tree;
use serde_json::{Value, json};

fn bundled() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("content")
}

/// Reads the first sample of a bundled parser.
fn first_sample(parser: &str) -> RawSample {
    let path = bundled().join(format!("vendors/cisco/ironport-email/parsers/{parser}.yaml"));
    let text = std::fs::read_to_string(&path).unwrap();
    let parser: RawParser = parse_yaml(&path, &text).unwrap();
    parser.samples[0].clone()
}

/// Builds the output object that a correct parse of `sample` gives.
fn expected_object(line: u64, parser: &str, sample: &RawSample) -> Value {
    let fields: serde_json::Map<String, Value> = sample
        .expect
        .iter()
        .map(|(name, value)| (name.clone(), json!(value.value)))
        .collect();
    json!({
        "line": line,
        "parser": parser,
        "event_type": sample.event_type.value,
        "time": sample.time.as_ref().map(|t| t.value.clone()),
        "fields": fields,
    })
}

fn objects(output: &Output) -> Vec<Value> {
    String::from_utf8(output.stdout.clone())
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect()
}

/// Runs `contentdoc parse` on the bundled content with `input` on stdin.
fn parse_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_contentdoc"))
        .args(["parse", "--content", bundled().to_str().unwrap()])
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&input).unwrap());
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap();
    output
}

const SYSLOG: &str = "ironport-dlp-email-alert";
const SPLUNK: &str = "s-ironport-dlp-email-alert";

#[test]
fn parse_file_both_formats() {
    let syslog = first_sample(SYSLOG);
    let splunk = first_sample(SPLUNK);
    let tree = Tree::new(&[]);
    let input = format!("{}\r\n{}\nno parser reads this\n", syslog.log.value, splunk.log.value);
    std::fs::write(tree.dir.path().join("mail.log"), input).unwrap();
    let output = tree.run(&["parse", "--content", bundled().to_str().unwrap(), "mail.log"]);
    let expected = vec![
        expected_object(1, SYSLOG, &syslog),
        expected_object(2, SPLUNK, &splunk),
        json!({"line": 3, "parser": null, "event_type": null, "time": null, "fields": {}}),
    ];
    assert_eq!(objects(&output), expected);
    let summary = format!("lines read: 3, parsed: 2, unparsed: 1, invalid UTF-8: 0\n  {SYSLOG}: 1\n  {SPLUNK}: 1\n");
    assert_eq!(String::from_utf8(output.stderr).unwrap(), summary);
    assert_eq!(output.status.code(), Some(0));
}

#[test]
fn parse_stdin_both_formats() {
    let syslog = first_sample(SYSLOG);
    let splunk = first_sample(SPLUNK);
    let input = format!("{}\n{}", splunk.log.value, syslog.log.value);
    let output = parse_stdin(&[], input.as_bytes());
    let expected = vec![expected_object(1, SPLUNK, &splunk), expected_object(2, SYSLOG, &syslog)];
    assert_eq!(objects(&output), expected);
    assert_eq!(output.status.code(), Some(0));
}

#[test]
fn parse_named_parser_only() {
    let syslog = first_sample(SYSLOG);
    let output = parse_stdin(&["--parser", SPLUNK], syslog.log.value.as_bytes());
    let expected = vec![json!({"line": 1, "parser": null, "event_type": null, "time": null, "fields": {}})];
    assert_eq!(objects(&output), expected);
}

#[test]
fn parse_counts_invalid_utf8() {
    let output = parse_stdin(&[], b"caf\xe9 au lait\nplain\n");
    let expected = vec![
        json!({"line": 1, "parser": null, "event_type": null, "time": null, "fields": {}}),
        json!({"line": 2, "parser": null, "event_type": null, "time": null, "fields": {}}),
    ];
    assert_eq!(objects(&output), expected);
    let summary = "lines read: 2, parsed: 0, unparsed: 2, invalid UTF-8: 1\n";
    assert_eq!(String::from_utf8(output.stderr).unwrap(), summary);
}

#[test]
fn parse_ten_megabyte_line() {
    let syslog = first_sample(SYSLOG);
    let padding = "x".repeat(10 * 1024 * 1024);
    let line = syslog
        .log
        .value
        .replace(" | Info: Delivery start", &format!(" {padding} | Info: Delivery start"));
    let output = parse_stdin(&[], format!("{line}\n").as_bytes());
    let parsed = objects(&output);
    assert_eq!(parsed.len(), 1);
    assert_eq!(parsed[0]["line"], 1);
    assert_eq!(parsed[0]["parser"], SYSLOG);
    assert_eq!(parsed[0]["fields"]["sender"], "billing@example.net");
    let summary = format!("lines read: 1, parsed: 1, unparsed: 0, invalid UTF-8: 0\n  {SYSLOG}: 1\n");
    assert_eq!(String::from_utf8(output.stderr).unwrap(), summary);
    assert_eq!(output.status.code(), Some(0));
}

#[test]
fn parse_unknown_parser_rejected() {
    let output = parse_stdin(&["--parser", "ironport"], b"");
    let message = format!("error: no parser has the id `ironport`; did you mean `{SYSLOG}`?\n");
    assert_eq!(String::from_utf8(output.stderr).unwrap(), message);
    assert_eq!(output.status.code(), Some(2));
}
