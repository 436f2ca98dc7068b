//! Smoke tests of the synthetic catalogue generator: the output builds
//! clean, the same seed gives the same tree, and every sample parses into
//! what it expects under the parser engine's rules, checked here with an
//! independent regex engine.

mod common;

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use common::*;
use contentdoc::load::{self, raw::RawParser};
use contentdoc::synth::{Config, generate};
use fancy_regex::Regex;

fn generated(scale: f64, seed: u64) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    generate(dir.path(), &Config { scale, seed }).unwrap();
    dir
}

#[test]
fn generated_catalogue_builds_clean() {
    let content = generated(0.005, 3);
    let out = tempfile::tempdir().unwrap();
    let output = contentdoc(
        out.path(),
        &["build", "--content", content.path().to_str().unwrap(), "--out", "site"],
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "build failed: {stderr}");
    assert_eq!(stderr, "");
    let pages = files(&out.path().join("site/markdown"));
    let parser_pages = pages.iter().filter(|p| p.starts_with("parsers/")).count();
    let parser_files = files(content.path()).iter().filter(|f| f.contains("/parsers/")).count();
    assert!(parser_files > 20, "only {parser_files} parsers");
    assert_eq!(parser_pages, parser_files);
}

#[test]
fn generated_catalogue_lints_clean() {
    let content = generated(0.005, 4);
    let output = contentdoc(content.path(), &["lint", "--content", "."]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "lint failed: {stdout}{stderr}");
    assert_eq!(stdout.trim(), "no problems found");
}

#[test]
fn generated_samples_pass_contentdoc_test() {
    let content = generated(0.005, 6);
    let output = contentdoc(content.path(), &["test", "--content", "."]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "contentdoc test failed: {stdout}");
    assert!(stdout.trim_end().ends_with(", 0 failed"), "{stdout}");
}

#[test]
fn generator_same_seed_same_tree() {
    let first = generated(0.005, 11);
    let second = generated(0.005, 11);
    let files = files(first.path());
    assert!(files.len() > 100, "only {} files", files.len());
    assert_eq!(files, self::files(second.path()));
    for file in &files {
        let a = std::fs::read(first.path().join(file)).unwrap();
        let b = std::fs::read(second.path().join(file)).unwrap();
        assert!(a == b, "{file} differs between runs");
    }
}

#[test]
fn generator_other_seed_other_tree() {
    let first = generated(0.005, 1);
    let second = generated(0.005, 2);
    assert_ne!(files(first.path()), files(second.path()));
}

#[test]
fn generated_samples_parse_as_expected() {
    check_samples(0.01, 5);
}

/// The same check on a full-size catalogue; about three minutes in release mode on 2 cores:
/// `cargo test --release --test generator -- --ignored`.
#[test]
#[ignore]
fn full_scale_samples_parse_as_expected() {
    check_samples(1.0, 1);
}

fn check_samples(scale: f64, seed: u64) {
    let content = generated(scale, seed);
    let (raw, diagnostics) = load::load_content(content.path()).unwrap();
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    let classifications: BTreeMap<&str, BTreeMap<String, String>> = raw
        .event_types
        .iter()
        .map(|e| {
            let map = e.value.classification.iter().map(|(k, v)| (k.clone(), v.value.clone()));
            (e.value.id.value.as_str(), map.collect())
        })
        .collect();
    let parsers: Vec<&RawParser> = raw.parsers.iter().map(|p| &*p.parser.value).collect();
    assert!(parsers.len() > 50, "only {} parsers", parsers.len());
    for parser in &parsers {
        let regexes: Vec<Regex> = parser
            .fields
            .iter()
            .map(|f| Regex::new(&translate(&f.value)).unwrap())
            .collect();
        for sample in &parser.samples {
            let log = &sample.log.value;
            let fields = parse(&regexes, &parser.field_copies, log);
            let expected: BTreeMap<String, String> = sample
                .expect
                .iter()
                .map(|(k, v)| (k.clone(), v.value.clone()))
                .collect();
            assert_eq!(fields, expected, "parser {} on {log}", parser.id.value);
            let claimed: Vec<&str> = parser.event_types.iter().map(|e| e.value.as_str()).collect();
            assert_eq!(classify(&fields, &claimed, &classifications), sample.event_type.value);
            let time = utc_time(&fields["time"], &parser.time_format.as_ref().unwrap().value);
            assert_eq!(Some(time), sample.time.as_ref().map(|t| rfc3339(&t.value)), "{log}");
            let readers: Vec<&str> = parsers
                .iter()
                .filter(|p| p.conditions.iter().all(|c| log.contains(&c.value)))
                .map(|p| p.id.value.as_str())
                .collect();
            assert_eq!(readers, [parser.id.value.as_str()], "conditions of {log}");
        }
    }
}

/// Runs the regexes in order, keeping the first capture of each field, then the copies.
fn parse(regexes: &[Regex], copies: &[load::raw::Text], log: &str) -> BTreeMap<String, String> {
    let mut fields = BTreeMap::new();
    for regex in regexes {
        let Some(captures) = regex.captures(log).unwrap() else {
            continue;
        };
        for name in regex.capture_names().flatten() {
            if let Some(value) = captures.name(name) {
                fields
                    .entry(name.to_string())
                    .or_insert_with(|| value.as_str().to_string());
            }
        }
    }
    for copy in copies {
        let (source, target) = copy.value.split_once("->").unwrap();
        if let Some(value) = fields.get(source).cloned() {
            fields.entry(target.to_string()).or_insert(value);
        }
    }
    fields
}

/// Returns the claimed event type whose classification holds with the most entries.
fn classify(
    fields: &BTreeMap<String, String>,
    claimed: &[&str],
    maps: &BTreeMap<&str, BTreeMap<String, String>>,
) -> String {
    let holding: Vec<(&str, usize)> = claimed
        .iter()
        .map(|id| (*id, &maps[id]))
        .filter(|(_, map)| map.iter().all(|(k, v)| fields.get(k) == Some(v)))
        .map(|(id, map)| (id, map.len()))
        .collect();
    let best = holding.iter().map(|(_, n)| *n).max().expect("one event type holds");
    let winners: Vec<&str> = holding.iter().filter(|(_, n)| *n == best).map(|(id, _)| *id).collect();
    assert_eq!(winners.len(), 1, "tie between {winners:?}");
    winners[0].to_string()
}

/// Turns `({field}` into `(?P<field>` and `\d`, `\w`, `\s`, `\S` into their
/// ASCII classes, as Java reads them.
fn translate(regex: &str) -> String {
    let capture = Regex::new(r"\(\{(\w+)\}").unwrap();
    let named = capture.replace_all(regex, "(?P<$1>");
    let mut out = String::new();
    let mut chars = named.chars();
    let mut in_class = false;
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                let next = chars.next().unwrap();
                let ascii = match next {
                    'd' => Some("0-9"),
                    'w' => Some("0-9A-Za-z_"),
                    's' => Some(r"\t\n\x0B\x0C\r "),
                    _ => None,
                };
                match (ascii, in_class) {
                    (Some(members), true) => out.push_str(members),
                    (Some(members), false) => out.push_str(&format!("[{members}]")),
                    (None, _) if next == 'S' && !in_class => out.push_str(r"[^\t\n\x0B\x0C\r ]"),
                    (None, _) => {
                        out.push('\\');
                        out.push(next);
                    }
                }
            }
            '[' if !in_class => {
                in_class = true;
                out.push(c);
            }
            ']' if in_class => {
                in_class = false;
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

fn utc_time(text: &str, java: &str) -> DateTime<Utc> {
    let pattern = match java {
        "yyyy-MM-dd'T'HH:mm:ssZ" => "%Y-%m-%dT%H:%M:%S%z",
        "yyyy-MM-dd'T'HH:mm:ss.SSSXXX" | "yyyy-MM-dd'T'HH:mm:ssXXX" => return rfc3339(text),
        "dd/MMM/yyyy:HH:mm:ss Z" => "%d/%b/%Y:%H:%M:%S %z",
        "yyyy-MM-dd HH:mm:ss.SSS Z" => "%Y-%m-%d %H:%M:%S%.3f %z",
        other => panic!("unknown time format {other}"),
    };
    DateTime::parse_from_str(text, pattern).unwrap().with_timezone(&Utc)
}

fn rfc3339(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text).unwrap().with_timezone(&Utc)
}
