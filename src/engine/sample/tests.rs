use super::{MismatchKind, SampleResult, check_sample};
use crate::engine::set::ParserSet;
use crate::engine::test_support::{context, event_type, parser};
use crate::load::raw::RawParser;

const LOGIN_PARSER: &str = r#"
id: login
conditions: [sshd, Accepted]
fields:
  - 'for ({user}\w+) from ({src_ip}[\d.]+)'
  - '^({time}\w+ +\d+ [\d:]+)'
time_format: 'MMM dd HH:mm:ss'
event_types: [login-ok]
samples:
  - log: 'Mar  9 10:11:12 sshd[1]: Accepted password for bob from 10.0.0.1'
    event_type: login-ok
    time: '2024-03-09T10:11:12Z'
    expect:
      user: bob
      src_ip: 10.0.0.1
      time: 'Mar  9 10:11:12'
"#;

/// Checks sample `index` of the first parser, with all `parsers` in the set.
fn check(parsers: &[std::sync::Arc<RawParser>], index: usize) -> SampleResult {
    let types = [event_type("{id: login-ok, name: Login, classification: {}}")];
    let set = ParserSet::new(parsers, &types).unwrap();
    let compiled = set.get(parsers[0].id.value.as_str()).unwrap();
    check_sample(compiled, &parsers[0].samples[index], &set, &context())
}

/// Returns the login parser with its sample's text edited by `edit`.
fn login_with(edit: impl Fn(&str) -> String) -> std::sync::Arc<RawParser> {
    parser(&edit(LOGIN_PARSER))
}

#[test]
fn sample_passes_when_all_match() {
    let result = check(&[parser(LOGIN_PARSER)], 0);
    assert!(result.passed(), "{}", result.failure_table());
    assert!(result.conditions_match());
    assert!(result.other_parsers.is_empty());
    assert_eq!(result.failure_table(), "");
    assert_eq!(result.line, 10);
}

#[test]
fn sample_reports_field_mismatch_kinds() {
    let edited = login_with(|yaml| {
        yaml.replace("user: bob", "user: alice")
            .replace("      src_ip: 10.0.0.1\n", "      port: '22'\n")
    });
    let result = check(&[edited], 0);
    assert!(!result.passed());
    let kinds: Vec<(&str, MismatchKind)> = result
        .field_mismatches
        .iter()
        .map(|m| (m.field.as_str(), m.kind()))
        .collect();
    let expected = [
        ("port", MismatchKind::Missing),
        ("src_ip", MismatchKind::Unexpected),
        ("user", MismatchKind::Different),
    ];
    assert_eq!(kinds, expected);
}

#[test]
fn sample_compares_values_as_exact_strings() {
    let edited = login_with(|yaml| yaml.replace("src_ip: 10.0.0.1", "src_ip: '10.0.0.1 '"));
    let result = check(&[edited], 0);
    assert_eq!(result.field_mismatches.len(), 1);
    assert_eq!(result.field_mismatches[0].kind(), MismatchKind::Different);
}

#[test]
fn sample_reports_time_mismatch() {
    let edited = login_with(|yaml| yaml.replace("2024-03-09T10:11:12Z", "2024-03-09T10:11:13Z"));
    let mismatch = check(&[edited], 0).time_mismatch.expect("time differs");
    assert_eq!(mismatch.expected, "2024-03-09T10:11:13Z");
    assert_eq!(mismatch.actual, "2024-03-09T10:11:12Z");
}

#[test]
fn sample_accepts_equal_time_with_offset() {
    let edited = login_with(|yaml| yaml.replace("2024-03-09T10:11:12Z", "2024-03-09T11:11:12+01:00"));
    assert_eq!(check(&[edited], 0).time_mismatch, None);
}

#[test]
fn sample_reports_invalid_expected_time() {
    let edited = login_with(|yaml| yaml.replace("2024-03-09T10:11:12Z", "2024-03-09 10:11:12"));
    let mismatch = check(&[edited], 0).time_mismatch.expect("expected time is invalid");
    assert!(mismatch.expected.contains("invalid RFC 3339"), "{}", mismatch.expected);
}

#[test]
fn sample_reports_event_type_mismatch() {
    let edited = login_with(|yaml| yaml.replace("    event_type: login-ok", "    event_type: logout"));
    let mismatch = check(&[edited], 0).event_type_mismatch.expect("event type differs");
    assert_eq!(
        (mismatch.expected.as_str(), mismatch.actual.as_str()),
        ("logout", "login-ok")
    );
}

#[test]
fn sample_reports_missing_conditions() {
    let edited = login_with(|yaml| yaml.replace("[sshd, Accepted]", "[sshd, Failed]"));
    let result = check(&[edited], 0);
    assert!(!result.conditions_match());
    assert_eq!(result.missing_conditions, ["Failed"]);
    assert!(!result.passed());
}

#[test]
fn sample_lists_other_matching_parsers() {
    let generic = parser("{id: generic-sshd, conditions: [sshd]}");
    let result = check(&[parser(LOGIN_PARSER), generic], 0);
    assert_eq!(result.other_parsers, ["generic-sshd"]);
    assert_eq!(result.selected_parser.as_deref(), Some("login"));
    assert!(result.passed(), "a less specific parser does not outrank");
}

#[test]
fn sample_fails_when_outranked() {
    let specific = parser("{id: password-login, conditions: [sshd, Accepted, password]}");
    let result = check(&[parser(LOGIN_PARSER), specific], 0);
    assert_eq!(result.outranked_by(), Some("password-login"));
    assert!(!result.passed());
    assert!(
        result.failure_table().contains("(parser)"),
        "{}",
        result.failure_table()
    );
}

#[test]
fn sample_reports_parse_error() {
    let edited = login_with(|yaml| yaml.replace(r"'for ({user}\w+)", r"'for ({user}\w+"));
    let result = check(&[edited], 0);
    assert!(result.error.is_some());
    assert!(result.event.is_none());
    assert!(result.failure_table().contains("(parse)"));
}

#[test]
fn failure_table_shows_each_failure() {
    let edited = login_with(|yaml| {
        yaml.replace("user: bob", "user: alice")
            .replace("      src_ip: 10.0.0.1\n", "      port: '22'\n")
            .replace("2024-03-09T10:11:12Z", "2024-03-09T10:11:13Z")
    });
    let table = check(&[edited], 0).failure_table();
    let expected = "\
field  | expected             | actual
-------+----------------------+---------------------
port   | 22                   | (missing)
src_ip | (not expected)       | 10.0.0.1
user   | alice                | bob
(time) | 2024-03-09T10:11:13Z | 2024-03-09T10:11:12Z
";
    assert_eq!(table, expected);
}
