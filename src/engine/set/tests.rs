use super::ParserSet;
use crate::engine::classify::Classification;
use crate::engine::test_support::{context, event_type, parser};

fn set(parsers: &[&str]) -> ParserSet {
    let raw: Vec<_> = parsers.iter().map(|yaml| parser(yaml)).collect();
    ParserSet::new(&raw, &[]).expect("condition search builds")
}

fn candidate_ids(set: &ParserSet, line: &str) -> Vec<String> {
    set.candidates(line)
        .iter()
        .map(|parser| parser.id().to_owned())
        .collect()
}

#[test]
fn candidates_need_every_condition() {
    let parsers = set(&[
        "{id: both, conditions: [alpha, beta]}",
        "{id: gamma, conditions: [gamma]}",
    ]);
    assert_eq!(candidate_ids(&parsers, "alpha beta"), ["both"]);
    assert!(candidate_ids(&parsers, "alpha only").is_empty());
    assert_eq!(candidate_ids(&parsers, "gamma alpha"), ["gamma"]);
}

#[test]
fn candidates_ordered_by_condition_count() {
    let parsers = set(&[
        "{id: generic, conditions: [sshd]}",
        "{id: first-two, conditions: [sshd, Accepted]}",
        "{id: second-two, conditions: [Accepted, password]}",
        "{id: specific, conditions: [sshd, Accepted, password]}",
    ]);
    let line = "sshd[42]: Accepted password for bob";
    assert_eq!(
        candidate_ids(&parsers, line),
        ["specific", "first-two", "second-two", "generic"]
    );
}

#[test]
fn candidates_count_duplicate_conditions_once() {
    let parsers = set(&[
        "{id: doubled, conditions: [a, a, '']}",
        "{id: pair, conditions: [a, b]}",
    ]);
    assert_eq!(candidate_ids(&parsers, "a b"), ["pair", "doubled"]);
}

#[test]
fn candidates_find_overlapping_conditions() {
    let parsers = set(&["{id: p, conditions: [abc, bcd, cd]}"]);
    assert_eq!(candidate_ids(&parsers, "xabcdx"), ["p"]);
}

#[test]
fn candidates_match_case_sensitively() {
    let parsers = set(&["{id: p, conditions: [Login]}"]);
    assert!(candidate_ids(&parsers, "login").is_empty());
}

#[test]
fn parser_without_conditions_always_applies() {
    let parsers = set(&["{id: fallback}", "{id: web, conditions: [GET]}"]);
    assert_eq!(candidate_ids(&parsers, "GET /"), ["web", "fallback"]);
    assert_eq!(candidate_ids(&parsers, "other"), ["fallback"]);
}

#[test]
fn parse_uses_best_candidate() {
    let parsers = set(&[
        r#"{id: generic, conditions: [user=], fields: ['user=({user}\w+)']}"#,
        r#"{id: login, conditions: [user=, login], fields: ['user=({account}\w+)']}"#,
    ]);
    let parsed = parsers.parse("login user=bob", &context());
    let ids: Vec<&str> = parsed.candidates.iter().map(|parser| parser.id()).collect();
    assert_eq!(ids, ["login", "generic"]);
    let event = parsed.result.expect("a parser applies").expect("line parses");
    assert_eq!(event.parser, "login");
    assert_eq!(event.fields.get("account").map(String::as_str), Some("bob"));
}

#[test]
fn parse_without_candidate_has_no_result() {
    let parsers = set(&["{id: web, conditions: [GET]}"]);
    let parsed = parsers.parse("POST /", &context());
    assert!(parsed.candidates.is_empty());
    assert!(parsed.result.is_none());
}

#[test]
fn parse_classifies_with_event_types() {
    let raw = [parser(
        r#"{id: auth, conditions: [auth], fields: ['result=({result}\w+)'], event_types: [ok, failed]}"#,
    )];
    let types = [
        event_type("{id: ok, name: OK, classification: {result: success}}"),
        event_type("{id: failed, name: Failed, classification: {result: failure}}"),
    ];
    let parsers = ParserSet::new(&raw, &types).unwrap();
    let event = parsers
        .parse("auth result=failure", &context())
        .result
        .unwrap()
        .unwrap();
    assert_eq!(event.event_type, Classification::EventType("failed".to_owned()));
}

#[test]
fn get_finds_parser_by_id() {
    let parsers = set(&["{id: one}", "{id: two}"]);
    assert_eq!(parsers.get("two").map(|parser| parser.id()), Some("two"));
    assert!(parsers.get("three").is_none());
    assert_eq!(parsers.parsers().len(), 2);
}

#[test]
fn ten_megabyte_line_selects_parsers() {
    let parsers = set(&["{id: p, conditions: [needle, key=]}", "{id: q, conditions: [absent]}"]);
    let mut line = "key=value ".repeat(1_000_000);
    line.push_str("needle\r\n");
    assert_eq!(candidate_ids(&parsers, &line), ["p"]);
}

#[test]
fn parser_set_is_shareable_across_threads() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<ParserSet>();
    let parsers = set(&[r#"{id: p, conditions: [u=], fields: ['u=({user}\w+)']}"#]);
    std::thread::scope(|scope| {
        for name in ["ann", "bob"] {
            let parsers = &parsers;
            scope.spawn(move || {
                let line = format!("u={name}");
                let event = parsers.parse(&line, &context()).result.unwrap().unwrap();
                assert_eq!(event.fields.get("user").map(String::as_str), Some(name));
            });
        }
    });
}
