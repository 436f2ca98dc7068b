//! Counts of `contentdoc parse`, printed on standard error at the end.

use std::collections::BTreeMap;
use std::fmt::Write as _;

/// Line counts of one run over all inputs.
#[derive(Debug, Default)]
pub(super) struct Summary {
    read: u64,
    parsed: u64,
    unparsed: u64,
    invalid_utf8: u64,
    /// Parser id → lines it parsed.
    per_parser: BTreeMap<String, u64>,
}

impl Summary {
    /// Counts a line read and returns its number, from 1 over all inputs.
    pub(super) fn read_line(&mut self, invalid_utf8: bool) -> u64 {
        self.read += 1;
        self.invalid_utf8 += u64::from(invalid_utf8);
        self.read
    }

    /// Counts the outcome of a line: `parsed` by `parser`, or not.
    pub(super) fn record(&mut self, parser: Option<&str>, parsed: bool) {
        match parser.filter(|_| parsed) {
            Some(id) => {
                self.parsed += 1;
                *self.per_parser.entry(id.to_owned()).or_default() += 1;
            }
            None => self.unparsed += 1,
        }
    }

    pub(super) fn render(&self) -> String {
        let mut text = format!(
            "lines read: {}, parsed: {}, unparsed: {}, invalid UTF-8: {}\n",
            self.read, self.parsed, self.unparsed, self.invalid_utf8
        );
        for (parser, count) in &self.per_parser {
            let _ = writeln!(text, "  {parser}: {count}");
        }
        text
    }
}
