use std::collections::BTreeMap;

use super::{Classification, EventTypeRule, classify};

fn rule(id: &str, entries: &[(&str, &str)]) -> EventTypeRule {
    EventTypeRule {
        id: id.to_owned(),
        classification: entries.iter().map(|(f, v)| (f.to_string(), v.to_string())).collect(),
    }
}

fn fields(entries: &[(&str, &str)]) -> BTreeMap<String, String> {
    entries.iter().map(|(f, v)| (f.to_string(), v.to_string())).collect()
}

fn reason(classification: Classification) -> String {
    match classification {
        Classification::Unclassified { reason } => reason,
        Classification::EventType(id) => panic!("expected no event type, got {id}"),
    }
}

#[test]
fn classify_single_matching_type() {
    let rules = [
        rule("login", &[("action", "login")]),
        rule("logout", &[("action", "logout")]),
    ];
    let result = classify(&fields(&[("action", "logout")]), &rules);
    assert_eq!(result, Classification::EventType("logout".to_owned()));
    assert_eq!(result.event_type(), Some("logout"));
}

#[test]
fn classify_prefers_most_specific_type() {
    let rules = [
        rule("auth", &[("action", "login")]),
        rule("auth-failed", &[("action", "login"), ("outcome", "failure")]),
    ];
    let failed = fields(&[("action", "login"), ("outcome", "failure")]);
    assert_eq!(classify(&failed, &rules).event_type(), Some("auth-failed"));
    let succeeded = fields(&[("action", "login"), ("outcome", "success")]);
    assert_eq!(classify(&succeeded, &rules).event_type(), Some("auth"));
}

#[test]
fn classify_tie_names_candidates() {
    let rules = [
        rule("alpha", &[("x", "1")]),
        rule("beta", &[("y", "2")]),
        rule("gamma", &[("z", "3")]),
    ];
    let reason = reason(classify(&fields(&[("x", "1"), ("y", "2")]), &rules));
    let expected = "alpha, beta each match with 1 classification entry";
    assert!(reason.contains(expected), "{reason}");
    assert!(!reason.contains("gamma"), "{reason}");
}

#[test]
fn classify_none_explains_each_candidate() {
    let rules = [
        rule("login", &[("action", "login")]),
        rule("alert", &[("severity", "high")]),
        rule("bare", &[]),
    ];
    let reason = reason(classify(&fields(&[("action", "logout")]), &rules));
    assert!(
        reason.contains(r#"login needs action="login" but it is "logout""#),
        "{reason}"
    );
    assert!(
        reason.contains("alert needs severity=\"high\" but severity is missing"),
        "{reason}"
    );
    assert!(reason.contains("bare has no classification entries"), "{reason}");
}

#[test]
fn classify_empty_rule_needs_being_only() {
    let only = [rule("generic", &[])];
    assert_eq!(classify(&fields(&[]), &only).event_type(), Some("generic"));
    let two = [rule("generic", &[]), rule("other", &[])];
    assert_eq!(classify(&fields(&[]), &two).event_type(), None);
}

#[test]
fn classify_without_candidates_unclassified() {
    let reason = reason(classify(&fields(&[("a", "b")]), &[]));
    assert!(reason.contains("no event types"), "{reason}");
}

#[test]
fn classify_compares_values_exactly() {
    let rules = [rule("login", &[("action", "login")])];
    assert_eq!(classify(&fields(&[("action", "Login")]), &rules).event_type(), None);
    assert_eq!(classify(&fields(&[("action", "login ")]), &rules).event_type(), None);
}
