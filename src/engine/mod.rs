//! The parser engine: translates and compiles field regexes, selects the
//! parsers for a log line, extracts fields, parses times, classifies events
//! and checks parser samples.

pub mod classify;
pub mod compile;
pub mod parser;
pub mod sample;
pub mod set;
#[cfg(test)]
mod test_support;
pub mod time;
pub mod translate;
