//! Feeds an arbitrary time format and time text to the Java-style time
//! parser. The input is split at the first newline: format, then text.

#![no_main]

use chrono::FixedOffset;
use contentdoc::engine::time::{TimeContext, TimeFormat};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else { return };
    let (format, text) = input.split_once('\n').unwrap_or((input, ""));
    let Ok(format) = TimeFormat::parse(format) else { return };
    let utc = FixedOffset::east_opt(0).expect("zero is a valid offset");
    let _ = format.parse_time(text, &TimeContext::fixed(2026, utc));
});
