//! Feeds arbitrary text to the YAML loader as every kind of definition.
//! Any outcome but a panic or a hang is fine: bad input must become a diagnostic.

#![no_main]

use std::path::Path;

use contentdoc::load::raw::*;
use contentdoc::load::yaml::parse;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let path = Path::new("fuzz.yaml");
    let _ = parse::<RawSettings>(path, text);
    let _ = parse::<RawVendor>(path, text);
    let _ = parse::<RawProduct>(path, text);
    let _ = parse::<RawNamed>(path, text);
    let _ = parse::<RawEventType>(path, text);
    let _ = parse::<RawParser>(path, text);
    let _ = parse::<RawRule>(path, text);
    let _ = parse::<RawModel>(path, text);
});
