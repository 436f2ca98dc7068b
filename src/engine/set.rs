//! Selection of the parsers that apply to a line.
//!
//! A parser applies to a line when every one of its conditions occurs in the
//! line as a literal, case-sensitive substring. A parser without conditions
//! applies to every line. One Aho-Corasick search over the conditions of all
//! parsers finds the candidates. Candidates are ordered by their number of
//! distinct conditions, most first, then by definition order, and the first
//! candidate parses the line.

#[cfg(test)]
mod tests;

use std::cmp::Reverse;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use aho_corasick::AhoCorasick;

use super::classify::EventTypeRule;
use super::parser::{CompiledParser, ParsedEvent, ParserError, trim_line_end};
use super::time::TimeContext;
use crate::load::raw::{RawEventType, RawParser};

/// All parsers of a content tree, with one search over their conditions.
#[derive(Debug)]
pub struct ParserSet {
    parsers: Vec<CompiledParser>,
    searcher: AhoCorasick,
    /// Pattern ids in `searcher` of each parser's conditions.
    required_patterns: Vec<Vec<usize>>,
    pattern_count: usize,
}

/// The condition search could not be built.
#[derive(Debug, Clone, thiserror::Error)]
#[error("failed to build the search over {pattern_count} distinct parser conditions: {source}")]
pub struct ParserSetError {
    pub pattern_count: usize,
    pub source: aho_corasick::BuildError,
}

/// The parsers that apply to one line, and the event the first one parsed.
#[derive(Debug)]
pub struct LineParse<'a> {
    /// Applicable parsers, best first.
    pub candidates: Vec<&'a CompiledParser>,
    /// Result of the first candidate, or `None` when no parser applies.
    pub result: Option<Result<ParsedEvent, ParserError>>,
}

impl ParserSet {
    /// Returns a set without parsers, which applies to no line.
    pub fn empty() -> ParserSet {
        ParserSet::new(&[], &[]).expect("an empty condition search always builds")
    }

    /// Compiles the parsers, resolving their event type ids in
    /// `event_types`, and builds the condition search.
    pub fn new(parsers: &[Arc<RawParser>], event_types: &[RawEventType]) -> Result<ParserSet, ParserSetError> {
        let rules: BTreeMap<String, EventTypeRule> = event_types
            .iter()
            .map(|raw| (raw.id.value.clone(), EventTypeRule::from_raw(raw)))
            .collect();
        let parsers: Vec<CompiledParser> = parsers.iter().map(|raw| CompiledParser::new(raw, &rules)).collect();

        let (patterns, required_patterns) = index_conditions(&parsers);
        let pattern_count = patterns.len();
        // A contiguous NFA builds in time linear in the total condition length.
        // The DFA that the default may pick grows with the square of one long
        // condition, so a single hostile parser could stall CI.
        let searcher = aho_corasick::AhoCorasickBuilder::new()
            .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
            .build(&patterns)
            .map_err(|source| ParserSetError { pattern_count, source })?;

        Ok(ParserSet {
            parsers,
            searcher,
            required_patterns,
            pattern_count,
        })
    }

    pub fn parsers(&self) -> &[CompiledParser] {
        &self.parsers
    }

    /// Returns the first parser with this id.
    pub fn get(&self, id: &str) -> Option<&CompiledParser> {
        self.parsers.iter().find(|parser| parser.id() == id)
    }

    /// Returns every parser whose conditions all occur in `line`, best
    /// first. A trailing line terminator is ignored.
    pub fn candidates(&self, line: impl AsRef<[u8]>) -> Vec<&CompiledParser> {
        let found = self.found_patterns(trim_line_end(line.as_ref()));
        let mut matching: Vec<usize> = (0..self.parsers.len())
            .filter(|&index| self.required_patterns[index].iter().all(|&id| found[id]))
            .collect();
        matching.sort_by_key(|&index| (Reverse(self.required_patterns[index].len()), index));
        matching.into_iter().map(|index| &self.parsers[index]).collect()
    }

    /// Parses `line` with the best candidate and reports all candidates.
    pub fn parse(&self, line: impl AsRef<[u8]>, context: &TimeContext) -> LineParse<'_> {
        let line = line.as_ref();
        let candidates = self.candidates(line);
        let result = candidates.first().map(|parser| parser.parse(line, context));
        LineParse { candidates, result }
    }

    /// Marks which condition patterns occur in `line`, stopping early once
    /// all have been seen.
    fn found_patterns(&self, line: &[u8]) -> Vec<bool> {
        let mut found = vec![false; self.pattern_count];
        let mut remaining = self.pattern_count;
        if remaining == 0 {
            return found;
        }
        for occurrence in self.searcher.find_overlapping_iter(line) {
            let id = occurrence.pattern().as_usize();
            if found[id] {
                continue;
            }
            found[id] = true;
            remaining -= 1;
            if remaining == 0 {
                break;
            }
        }
        found
    }
}

/// Lists the distinct conditions of all parsers as search patterns, and the
/// pattern ids each parser requires.
fn index_conditions(parsers: &[CompiledParser]) -> (Vec<&str>, Vec<Vec<usize>>) {
    let mut pattern_ids: HashMap<&str, usize> = HashMap::new();
    let mut patterns: Vec<&str> = Vec::new();
    let mut required_patterns = Vec::with_capacity(parsers.len());
    for parser in parsers {
        let required = parser
            .conditions()
            .iter()
            .map(|condition| {
                *pattern_ids.entry(condition).or_insert_with(|| {
                    patterns.push(condition);
                    patterns.len() - 1
                })
            })
            .collect();
        required_patterns.push(required);
    }
    (patterns, required_patterns)
}
