use std::collections::BTreeMap;

use super::{CompiledParser, ItemKind, ParsedEvent, ParserErrorKind};
use crate::engine::classify::{Classification, EventTypeRule};
use crate::engine::compile::MatchError;
use crate::engine::test_support::{context, parser};

/// Compiles a parser from flow-style YAML, with no event type definitions.
fn compiled(yaml: &str) -> CompiledParser {
    CompiledParser::new(&parser(yaml), &BTreeMap::new())
}

fn parse(yaml: &str, line: &str) -> ParsedEvent {
    compiled(yaml).parse(line, &context()).expect("line parses")
}

fn field<'a>(event: &'a ParsedEvent, name: &str) -> Option<&'a str> {
    event.fields.get(name).map(String::as_str)
}

#[test]
fn parse_extracts_fields_from_every_regex() {
    let yaml = r#"{id: web, fields: ['user=({user}\w+)', 'ip=({src_ip}[\d.]+)']}"#;
    let event = parse(yaml, "ip=10.1.2.3 user=bob");
    assert_eq!(event.parser, "web");
    assert_eq!(field(&event, "user"), Some("bob"));
    assert_eq!(field(&event, "src_ip"), Some("10.1.2.3"));
    assert_eq!(event.fields.len(), 2);
}

#[test]
fn field_precedence_first_regex_wins() {
    let yaml = r#"{id: p, fields: ['account=({user}\w+)', 'user=({user}\w+)']}"#;
    let event = parse(yaml, "user=early account=late");
    assert_eq!(field(&event, "user"), Some("late"));
}

#[test]
fn field_precedence_skips_nonparticipating_group() {
    let yaml = r#"{id: p, fields: ['(?:a=({user}\w+)|b=({other}\w+))', 'user=({user}\w+)']}"#;
    let event = parse(yaml, "b=x user=bob");
    assert_eq!(field(&event, "user"), Some("bob"));
    assert_eq!(field(&event, "other"), Some("x"));
}

#[test]
fn empty_capture_kept_when_participating() {
    let yaml = r#"{id: p, fields: ['user="({user}[^"]*)"', '(?:x=({x}\w+))?end']}"#;
    let event = parse(yaml, r#"user="" end"#);
    assert_eq!(field(&event, "user"), Some(""));
    assert_eq!(field(&event, "x"), None);
}

#[test]
fn copies_fill_missing_fields_only() {
    let yaml = r#"{id: p, fields: ['u=({user}\w+)', 'h=({host}\w+)'],
        field_copies: ['user->account', 'host -> user', 'missing->gone', 'account->owner']}"#;
    let event = parse(yaml, "u=bob h=web1");
    assert_eq!(field(&event, "account"), Some("bob"));
    assert_eq!(field(&event, "user"), Some("bob"), "a copy never overwrites");
    assert_eq!(field(&event, "gone"), None);
    assert_eq!(field(&event, "owner"), Some("bob"), "copies run in list order");
}

#[test]
fn malformed_copy_reported_with_position() {
    let parser = compiled(r#"{id: p, fields: ['u=({user}\w+)'], field_copies: ['user->ok', 'user->1x']}"#);
    let error = parser.parse("u=bob", &context()).expect_err("copy is invalid");
    assert_eq!(error.item.kind, ItemKind::FieldCopy);
    assert_eq!(error.item.number, 2);
    let ParserErrorKind::Copy(copy) = &error.kind else {
        panic!("expected a copy error, got {error}");
    };
    assert_eq!(copy.position, 6);
    assert!(error.to_string().contains("in parser p, field copy 2"), "{error}");
}

#[test]
fn copy_parse_rejects_malformed_text() {
    use super::FieldCopy;
    for (text, position) in [
        ("user", 0),
        ("->b", 0),
        ("a->", 3),
        ("a->b->c", 4),
        ("a b->c", 1),
        ("a->a", 0),
    ] {
        let error = FieldCopy::parse(text).expect_err(text);
        assert_eq!(error.position, position, "{text}: {error}");
    }
    let copy = FieldCopy::parse(" src_ip -> dest ").unwrap();
    assert_eq!((copy.source.as_str(), copy.target.as_str()), ("src_ip", "dest"));
}

#[test]
fn check_lists_every_definition_error() {
    let parser = compiled(
        r#"{id: p, fields: ['ok=({ok}\w+)', '({bad}[z-a])', 'x\q'], field_copies: ['a-b'], time_format: 'yyyy-MM-dd kk'}"#,
    );
    let kinds: Vec<(ItemKind, usize)> = parser.check().iter().map(|e| (e.item.kind, e.item.number)).collect();
    let expected = [
        (ItemKind::FieldRegex, 2),
        (ItemKind::FieldRegex, 3),
        (ItemKind::FieldCopy, 1),
        (ItemKind::TimeFormat, 1),
    ];
    assert_eq!(kinds, expected);
    let first = parser.parse("ok=1", &context()).expect_err("definition is invalid");
    assert_eq!(first, parser.check()[0]);
}

#[test]
fn bad_regex_error_names_position_and_location() {
    let yaml = "id: p\nfields:\n  - 'a=({a}\\w+)'\n  - 'b=({b}[z-a])'\n";
    let parser = compiled(yaml);
    let error = &parser.check()[0];
    assert_eq!((error.item.line, error.item.column), (4, 5));
    let ParserErrorKind::Regex(regex) = &error.kind else {
        panic!("expected a regex error, got {error}");
    };
    assert_eq!(regex.position(), Some(7));
    assert!(
        error
            .to_string()
            .ends_with("in parser p, field regex 2 (line 4, column 5)"),
        "{error}"
    );
}

#[test]
fn regexes_compile_on_first_line() {
    let parser = compiled(r#"{id: p, fields: ['u=({user}\w+)']}"#);
    assert!(parser.prepared.get().is_none());
    assert!(parser.missing_conditions("u=bob").is_empty());
    assert!(parser.prepared.get().is_none(), "conditions need no regexes");
    parser.parse("u=bob", &context()).unwrap();
    assert!(parser.prepared.get().is_some());
}

#[test]
fn backtrack_limit_names_parser_and_regex() {
    let parser = compiled(r#"{id: slow, fields: ['u=({u}\w+)', '({run}(?=a)a+)+$']}"#);
    let line = format!("u=x {}b", "a".repeat(5000));
    let error = parser.parse(&line, &context()).expect_err("backtrack limit");
    assert!(matches!(
        error.kind,
        ParserErrorKind::Match(MatchError::BacktrackLimit { .. })
    ));
    let message = error.to_string();
    assert!(
        message.starts_with("backtrack limit of 1000000 exceeded in parser slow, field regex 2"),
        "{message}"
    );
}

#[test]
fn time_field_parsed_with_format() {
    let yaml = r#"{id: p, time_format: 'dd/MMM/yyyy:HH:mm:ss Z', fields: ['\[({time}[^\]]+)\]']}"#;
    let event = parse(yaml, "[05/Jan/2024:10:00:00 +0100] GET /");
    assert_eq!(
        event.time.map(|t| t.to_rfc3339()),
        Some("2024-01-05T09:00:00+00:00".to_owned())
    );
    assert_eq!(event.time_error, None);
}

#[test]
fn time_field_mismatch_sets_time_error() {
    let yaml = r#"{id: p, time_format: 'yyyy-MM-dd', fields: ['t=({time}\S+)']}"#;
    let event = parse(yaml, "t=2024/01/05");
    assert_eq!(event.time, None);
    let message = event.time_error.expect("time error");
    assert!(message.contains("2024/01/05"), "{message}");
}

#[test]
fn time_without_format_sets_time_error() {
    let event = parse(r#"{id: p, fields: ['t=({time}\S+)']}"#, "t=2024-01-05");
    assert_eq!(event.time, None);
    assert!(event.time_error.expect("time error").contains("no time_format"));
    let event = parse(r#"{id: p, time_format: 'yyyy-MM-dd', fields: ['x=({x}\S+)']}"#, "x=1");
    assert_eq!((event.time, event.time_error), (None, None));
}

#[test]
fn event_type_classified_from_fields() {
    let rules: BTreeMap<String, EventTypeRule> = [("login", "login"), ("logout", "logout")]
        .into_iter()
        .map(|(id, action)| {
            let classification = BTreeMap::from([("action".to_owned(), action.to_owned())]);
            (
                id.to_owned(),
                EventTypeRule {
                    id: id.to_owned(),
                    classification,
                },
            )
        })
        .collect();
    let raw = parser(r#"{id: p, fields: ['action=({action}\w+)'], event_types: [login, logout]}"#);
    let event = CompiledParser::new(&raw, &rules)
        .parse("action=logout", &context())
        .unwrap();
    assert_eq!(event.event_type, Classification::EventType("logout".to_owned()));
}

#[test]
fn trailing_carriage_return_ignored() {
    let yaml = r#"{id: p, fields: ['msg=({msg}.*)$', 'end=({end}\S+)$']}"#;
    for line in ["msg=hello end=x\r", "msg=hello end=x\r\n", "msg=hello end=x\n"] {
        let event = parse(yaml, line);
        assert_eq!(field(&event, "msg"), Some("hello end=x"), "{line:?}");
        assert_eq!(field(&event, "end"), Some("x"), "{line:?}");
    }
}

#[test]
fn invalid_utf8_becomes_replacement_character() {
    let parser = compiled(r#"{id: p, fields: ['u=({user}\S+)']}"#);
    let event = parser.parse(b"u=b\xFFob", &context()).unwrap();
    assert_eq!(field(&event, "user"), Some("b\u{FFFD}ob"));
}

#[test]
fn ten_megabyte_line_parses() {
    let yaml = r#"{id: p, fields: ['user=({user}\S+)', 'msg=({msg}[^;]*);', '^({head}\w+)', 'missing=({none}\d+)']}"#;
    let mut line = "key=value ".repeat(1_000_000);
    line.push_str("user=bob msg=done;");
    let event = parse(yaml, &line);
    assert_eq!(field(&event, "user"), Some("bob"));
    assert_eq!(field(&event, "msg"), Some("done"));
    assert_eq!(field(&event, "head"), Some("key"));
    assert_eq!(field(&event, "none"), None);
}
