//! Every command that writes to standard output ends quietly, with its usual
//! exit status and standard error, when the reader has closed the pipe (as
//! `contentdoc lint | head` does).

mod common;

use std::process::{Command, Output, Stdio};

use common::fixture;

/// Runs contentdoc with `args`, its standard output either a closed pipe or
/// captured.
fn run(args: &[&str], stdout_closed: bool) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_contentdoc"));
    command
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::null());
    if stdout_closed {
        let (reader, writer) = std::io::pipe().expect("a pipe can be made");
        drop(reader);
        command.stdout(writer);
    }
    command.output().expect("the contentdoc binary runs")
}

#[test]
fn closed_stdout_keeps_status_and_stderr() {
    let small = fixture("small");
    let small = small.to_str().unwrap();
    let findings = fixture("lint/all");
    let findings = findings.to_str().unwrap();
    let old = fixture("diff/old");
    let new = fixture("diff/new");
    let log = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(log.path(), "a line no parser reads\n".repeat(3)).unwrap();
    let log = log.path().to_str().unwrap();
    let site = tempfile::tempdir().unwrap();
    let site = site.path().to_str().unwrap();
    let commands: Vec<Vec<&str>> = vec![
        vec!["lint", "--content", findings],
        vec!["lint", "--content", findings, "--format", "json"],
        vec!["lint", "--content", findings, "--format", "github"],
        vec!["lint", "--content", findings, "--format", "sarif"],
        vec!["lint", "--list"],
        vec!["explain", "CD408"],
        vec!["export", "--content", small],
        vec!["parse", "--content", small, log],
        vec!["diff", old.to_str().unwrap(), new.to_str().unwrap()],
        vec!["test", "--content", small],
        vec!["build", "--content", small, "--out", site, "--check"],
    ];
    for args in commands {
        let normal = run(&args, false);
        assert!(!normal.stdout.is_empty(), "{args:?} printed nothing");
        let closed = run(&args, true);
        assert_eq!(closed.status.code(), normal.status.code(), "{args:?}");
        assert_eq!(
            String::from_utf8_lossy(&closed.stderr),
            String::from_utf8_lossy(&normal.stderr),
            "{args:?}"
        );
    }
}

#[test]
fn parse_stops_at_closed_stdout() {
    let log = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(log.path(), "a line no parser reads\n".repeat(100_000)).unwrap();
    let small = fixture("small");
    let args = [
        "parse",
        "--content",
        small.to_str().unwrap(),
        log.path().to_str().unwrap(),
    ];
    let closed = run(&args, true);
    assert_eq!(closed.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&closed.stderr);
    assert!(!stderr.contains("error"), "{stderr}");
    assert!(!stderr.contains("lines read: 100000,"), "{stderr}");
}
