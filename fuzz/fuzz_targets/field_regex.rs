//! Feeds arbitrary patterns to the `({field}…)` translator and compiler, and
//! runs each compiled pattern over a fixed log line. Errors are fine; a
//! panic, a hang or unbounded memory is a bug.

#![no_main]

use contentdoc::engine::compile::FieldRegex;
use contentdoc::engine::translate::translate;
use libfuzzer_sys::fuzz_target;

const LINE: &[u8] = b"<22>2026-03-02T10:05:33+0000 esa01.example.com mail_logs: Info: MID 902377 From: <jane@example.com> Subject 'Q3 \xc3\xa9t\xc3\xa9' | done";

fuzz_target!(|data: &[u8]| {
    let Ok(pattern) = std::str::from_utf8(data) else { return };
    if let Ok(translated) = translate(pattern) {
        for group in translated.groups() {
            assert!(!group.name.is_empty());
        }
    }
    if let Ok(regex) = FieldRegex::new(pattern) {
        let _ = regex.captures(LINE);
    }
});
