use std::collections::BTreeMap;
use std::path::Path;

use super::*;

const FILE: &str = "\
# header comment
id: p
conditions: ['X']
samples:
  # first sample
  - log: 'X a=1'
    event_type: e   # keep
    expect:
      a: '2'   # wrong
  - log: \"X a=3\"
    event_type: e
    expect: {a: '3'}
  - log: X a=4
    event_type: e
";

fn parser(text: &str) -> RawParser {
    crate::load::parse_yaml(Path::new("p.yaml"), text).unwrap()
}

fn fields(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

fn update(index: usize, pairs: &[(&str, &str)]) -> Expectations {
    Expectations {
        index,
        fields: fields(pairs),
        time: None,
        event_type: None,
    }
}

#[test]
fn rewrite_replaces_block_expect() {
    let updated = rewrite(Path::new("p.yaml"), FILE, &parser(FILE), &[update(0, &[("a", "1")])])
        .unwrap()
        .text;
    let expected = FILE.replace("    expect:\n      a: '2'   # wrong\n", "    expect:\n      a: '1'\n");
    assert_eq!(updated, expected);
}

#[test]
fn rewrite_replaces_flow_expect() {
    let updated = rewrite(
        Path::new("p.yaml"),
        FILE,
        &parser(FILE),
        &[update(1, &[("a", "3"), ("b", "it's")])],
    )
    .unwrap()
    .text;
    let expected = FILE.replace(
        "    expect: {a: '3'}\n",
        "    expect:\n      a: '3'\n      b: 'it''s'\n",
    );
    assert_eq!(updated, expected);
}

#[test]
fn rewrite_inserts_missing_expect() {
    let mut new = update(2, &[("a", "4")]);
    new.time = Some("2026-01-02T03:04:05Z".to_owned());
    let updated = rewrite(Path::new("p.yaml"), FILE, &parser(FILE), &[new]).unwrap().text;
    let expected = FILE.replace(
        "  - log: X a=4\n    event_type: e\n",
        "  - log: X a=4\n    event_type: e\n    time: '2026-01-02T03:04:05Z'\n    expect:\n      a: '4'\n",
    );
    assert_eq!(updated, expected);
}

#[test]
fn rewrite_replaces_time_and_event_type() {
    let text = "id: p\nsamples:\n- log: x\n  event_type: old\n  time: \"2020-01-01T00:00:00Z\"\n  expect: {}\n";
    let new = Expectations {
        index: 0,
        fields: fields(&[("a", "line\nbreak")]),
        time: Some("2026-01-01T00:00:00Z".to_owned()),
        event_type: Some("new".to_owned()),
    };
    let updated = rewrite(Path::new("p.yaml"), text, &parser(text), &[new]).unwrap().text;
    let expected = "id: p\nsamples:\n- log: x\n  event_type: 'new'\n  time: '2026-01-01T00:00:00Z'\n  expect:\n    a: \"line\\nbreak\"\n";
    assert_eq!(updated, expected);
}

#[test]
fn rewrite_skips_flow_sample() {
    let text = "id: p\nsamples:\n  - {log: x, event_type: e}\n  - log: y\n    event_type: e\n";
    let updates = [update(0, &[("a", "1")]), update(1, &[("a", "2")])];
    let rewritten = rewrite(Path::new("p.yaml"), text, &parser(text), &updates).unwrap();
    let expected = format!("{text}    expect:\n      a: '2'\n");
    assert_eq!(rewritten.text, expected);
    assert_eq!(rewritten.skipped.len(), 1);
    assert_eq!((rewritten.skipped[0].number, rewritten.skipped[0].line), (1, 3));
    assert!(
        rewritten.skipped[0].message.contains("block style"),
        "{}",
        rewritten.skipped[0]
    );
}

#[test]
fn rewrite_finds_expect_before_log() {
    let text = "id: p\nsamples:\n  - event_type: e\n    expect:\n      a: '2'\n    log: 'X a=1'\n";
    let updated = rewrite(Path::new("p.yaml"), text, &parser(text), &[update(0, &[("a", "1")])])
        .unwrap()
        .text;
    let expected = "id: p\nsamples:\n  - event_type: e\n    expect:\n      a: '1'\n    log: 'X a=1'\n";
    assert_eq!(updated, expected);
}

#[test]
fn rewrite_keeps_crlf_line_ends() {
    let text = "id: p\r\nsamples:\r\n  - log: x\r\n    event_type: e\r\n";
    let updated = rewrite(Path::new("p.yaml"), text, &parser(text), &[update(0, &[("a", "1")])])
        .unwrap()
        .text;
    let expected = "id: p\r\nsamples:\r\n  - log: x\r\n    event_type: e\r\n    expect:\r\n      a: '1'\r\n";
    assert_eq!(updated, expected);
}
