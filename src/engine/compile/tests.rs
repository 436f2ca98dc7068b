use std::sync::Arc;

use super::{BACKTRACK_LIMIT, BACKTRACKING_LINE_LIMIT, FieldRegex, MatchError, RegexError};
use crate::engine::translate::RegexEngine;

fn fields(source: &str, line: &[u8]) -> Option<Vec<(String, String)>> {
    let regex = FieldRegex::new(source).expect("regex compiles");
    let captured = regex.captures(line).expect("search succeeds")?;
    Some(captured.into_iter().map(|(f, v)| (f.to_owned(), v)).collect())
}

fn pairs(entries: &[(&str, &str)]) -> Option<Vec<(String, String)>> {
    Some(entries.iter().map(|(f, v)| (f.to_string(), v.to_string())).collect())
}

#[test]
fn captures_return_fields_in_group_order() {
    let found = fields(r"user=({user}\w+) ip=({ip}[\d.]+)", b"x user=bob ip=10.0.0.1");
    assert_eq!(found, pairs(&[("user", "bob"), ("ip", "10.0.0.1")]));
}

#[test]
fn captures_without_match_is_none() {
    assert_eq!(fields(r"user=({user}\w+)", b"nothing here"), None);
}

#[test]
fn repeated_field_first_participating_wins() {
    let source = r"(?:a=({v}\w+)|b=({=v}\w+))(?: c=({=v}\w+))?";
    assert_eq!(fields(source, b"b=2 c=3"), pairs(&[("v", "2")]));
    assert_eq!(fields(source, b"a=1 c=3"), pairs(&[("v", "1")]));
}

#[test]
fn empty_capture_kept_only_when_participating() {
    let source = r"k=({k}[a-z]*)(?:;x=({x}\w*))?";
    assert_eq!(fields(source, b"k=;x="), pairs(&[("k", ""), ("x", "")]));
    assert_eq!(fields(source, b"k="), pairs(&[("k", "")]));
}

#[test]
fn invalid_utf8_matches_no_class() {
    assert_eq!(fields(r"u=({u}\S+)", b"u=a\xFFb"), pairs(&[("u", "a")]));
    assert_eq!(
        fields(r"u=({u}\S+)", "u=a\u{FFFD}b".as_bytes()),
        pairs(&[("u", "a\u{FFFD}b")])
    );
    assert_eq!(fields(r"u=({u}.+)", "u=żółw".as_bytes()), pairs(&[("u", "żółw")]));
}

#[test]
fn ascii_word_class_rejects_accented_letter() {
    assert_eq!(
        fields(r"name=({name}\w+)", "name=José".as_bytes()),
        pairs(&[("name", "Jos")])
    );
}

#[test]
fn lookaround_uses_backtracking_engine() {
    let source = r"(?<=user=)({user}[^ ]+)(?= )";
    let regex = FieldRegex::new(source).unwrap();
    assert_eq!(regex.engine(), RegexEngine::Backtracking);
    assert_eq!(fields(source, b"user=bob id=1"), pairs(&[("user", "bob")]));
    assert_eq!(fields(source, b"user=bob"), None);
}

#[test]
fn pathological_backtracking_cut_off() {
    let regex = FieldRegex::new(r"({run}(?=a)a+)+$").unwrap();
    let line = format!("{}b", "a".repeat(5000));
    let error = regex.captures(line.as_bytes()).expect_err("backtrack limit is hit");
    assert_eq!(error, MatchError::BacktrackLimit { limit: BACKTRACK_LIMIT });
    assert!(error.to_string().contains("backtrack limit"), "{error}");
}

#[test]
fn backtracking_rejects_overlong_line() {
    let regex = FieldRegex::new(r"(?=x)({x}x)").unwrap();
    let line = vec![b'y'; BACKTRACKING_LINE_LIMIT + 1];
    let error = regex.captures(&line).expect_err("line is too long");
    assert!(matches!(error, MatchError::LineTooLong { .. }), "{error}");
}

#[test]
fn bad_regex_reports_source_position() {
    let error = FieldRegex::new(r"\w+ ({user}[z-a]+)").expect_err("invalid range");
    assert_eq!(error.position(), Some(12), "{error}");
    assert!(error.to_string().contains("at offset 12: "), "{error}");
    let error = FieldRegex::new(r"a\d{3,2}").expect_err("decreasing range");
    assert_eq!(error.position(), Some(3), "{error}");
}

#[test]
fn translate_error_keeps_position() {
    let error = FieldRegex::new(r"abc\q").expect_err("unknown escape");
    assert!(matches!(error, RegexError::Translate(_)));
    assert_eq!(error.position(), Some(3));
}

#[test]
fn oversized_regex_reports_size_limit() {
    let error = FieldRegex::new(r"\p{L}{2000}").expect_err("program too big");
    assert!(matches!(error, RegexError::TooBig { .. }), "{error}");
    assert!(error.to_string().contains("size limit"), "{error}");
}

#[test]
fn cache_shares_identical_patterns() {
    let first = FieldRegex::new(r"({user}\w+)@").unwrap();
    let second = FieldRegex::new(r"(?P<user>\w+)@").unwrap();
    let other = FieldRegex::new(r"(?P<user>\w+)#").unwrap();
    assert!(Arc::ptr_eq(&first.0.matcher, &second.0.matcher));
    assert!(!Arc::ptr_eq(&first.0.matcher, &other.0.matcher));
}

#[test]
fn ten_megabyte_line_completes() {
    let mut line = "k=v ".repeat(2_500_000).into_bytes();
    line.extend_from_slice(b"user=bob msg=done");
    let found = fields(r"user=({user}\S+) msg=({msg}.*)$", &line);
    assert_eq!(found, pairs(&[("user", "bob"), ("msg", "done")]));
    let all = fields(r"^({all}.*)$", &line).expect("matches the whole line");
    assert_eq!(all[0].1.len(), line.len());
}

#[test]
fn promoted_pattern_captures_like_first_tier() {
    let regex = FieldRegex::new(r"src=({src}[\d.]+)(?: port=({port}\d+))? act=({act}\w*)").unwrap();
    let lines: [&[u8]; 4] = [
        b"x src=10.1.2.3 port=25 act=drop",
        b"src=10.1.2.3 act= y",
        b"src=1.2.3.4 port=x act=ok",
        b"no match here",
    ];
    let first_tier: Vec<_> = lines.iter().map(|line| regex.captures(line).unwrap()).collect();
    assert!(!regex.0.matcher.is_promoted());
    for _ in 0..super::automaton::PROMOTE_AFTER {
        regex.captures(lines[0]).unwrap();
    }
    assert!(regex.0.matcher.is_promoted());
    let second_tier: Vec<_> = lines.iter().map(|line| regex.captures(line).unwrap()).collect();
    assert_eq!(first_tier, second_tier);
    assert_eq!(
        first_tier[1],
        Some(vec![("src", "10.1.2.3".to_owned()), ("act", String::new())])
    );
}

#[test]
fn line_beyond_backtracker_budget_uses_pikevm() {
    // Long enough to exceed the bounded backtracker's budget for this
    // pattern, so the search runs on the PikeVM.
    let mut line = "a".repeat(300_000).into_bytes();
    line.extend_from_slice(b" id=42 end");
    let found = fields(r"(?:\w+ )?id=({id}\d+) (?:\w+)", &line);
    assert_eq!(found, pairs(&[("id", "42")]));
}
