//! Checks of a parser's sample lines against what the parser extracts.
//!
//! A sample passes when all of these hold:
//!
//! - The parser's conditions occur in its log line, and no other parser
//!   outranks it for the line.
//! - The line parses without error.
//! - The parsed fields equal the expected fields as exact strings, with no
//!   missing, unexpected or different field.
//! - The parsed time equals the expected time, and the event type equals
//!   the expected one.

mod compare;
mod table;
#[cfg(test)]
mod tests;

use super::parser::{CompiledParser, ParsedEvent, ParserError};
use super::set::ParserSet;
use super::time::TimeContext;
use crate::load::raw::RawSample;

/// The outcome of checking one sample.
#[derive(Debug, Clone)]
pub struct SampleResult {
    pub parser: String,
    /// YAML line of the sample's log, or 0 when unknown.
    pub line: u64,
    /// Conditions of the parser that do not occur in the log line.
    pub missing_conditions: Vec<String>,
    /// The parser a [`ParserSet`] chooses for the line, if any applies.
    pub selected_parser: Option<String>,
    /// Other parsers whose conditions also occur in the line, best first.
    pub other_parsers: Vec<String>,
    /// Field differences, ordered by field name.
    pub field_mismatches: Vec<FieldMismatch>,
    pub time_mismatch: Option<ValueMismatch>,
    pub event_type_mismatch: Option<ValueMismatch>,
    /// A definition error or failed regex search that stopped the parse.
    pub error: Option<ParserError>,
    pub event: Option<ParsedEvent>,
}

/// A field whose parsed value differs from the expected value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldMismatch {
    pub field: String,
    /// `None` when the sample does not expect the field.
    pub expected: Option<String>,
    /// `None` when the parse did not produce the field.
    pub actual: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MismatchKind {
    Missing,
    Unexpected,
    Different,
}

/// An expected and an actual value, both as display text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValueMismatch {
    pub expected: String,
    pub actual: String,
}

/// Parses `sample` with `parser` and compares the result with the
/// sample's expectations. `others` is the set of all parsers, used to find
/// the parsers that also apply to the line.
pub fn check_sample(
    parser: &CompiledParser,
    sample: &RawSample,
    others: &ParserSet,
    context: &TimeContext,
) -> SampleResult {
    let line = sample.log.value.as_str();
    let mut result = SampleResult::new(parser, sample, &others.candidates(line));
    match parser.parse(line, context) {
        Ok(event) => result.compare(sample, event),
        Err(error) => result.error = Some(error),
    }
    result
}

impl SampleResult {
    /// Records the condition checks, before the line is parsed.
    fn new(parser: &CompiledParser, sample: &RawSample, candidates: &[&CompiledParser]) -> Self {
        let line = sample.log.value.as_str();
        let missing_conditions = parser.missing_conditions(line);
        let other_parsers = candidates
            .iter()
            .map(|candidate| candidate.id())
            .filter(|id| *id != parser.id());
        SampleResult {
            parser: parser.id().to_owned(),
            line: sample.log.referenced.line(),
            missing_conditions: missing_conditions.into_iter().map(str::to_owned).collect(),
            selected_parser: candidates.first().map(|candidate| candidate.id().to_owned()),
            other_parsers: other_parsers.map(str::to_owned).collect(),
            field_mismatches: Vec::new(),
            time_mismatch: None,
            event_type_mismatch: None,
            error: None,
            event: None,
        }
    }

    /// Compares the parsed `event` with the expectations of `sample`.
    fn compare(&mut self, sample: &RawSample, event: ParsedEvent) {
        self.field_mismatches = compare::fields(&sample.expect, &event.fields);
        self.time_mismatch = compare::time(sample.time.as_ref(), &event);
        self.event_type_mismatch = compare::event_type(&sample.event_type.value, &event.event_type);
        self.event = Some(event);
    }

    pub fn conditions_match(&self) -> bool {
        self.missing_conditions.is_empty()
    }

    /// Returns the parser chosen for the line in place of this one, if any.
    pub fn outranked_by(&self) -> Option<&str> {
        self.selected_parser
            .as_deref()
            .filter(|selected| *selected != self.parser)
    }

    pub fn passed(&self) -> bool {
        self.conditions_match()
            && self.outranked_by().is_none()
            && self.error.is_none()
            && self.field_mismatches.is_empty()
            && self.time_mismatch.is_none()
            && self.event_type_mismatch.is_none()
    }

    /// Renders the failures as a `field | expected | actual` table, or an
    /// empty string when the sample passed.
    pub fn failure_table(&self) -> String {
        table::render(self)
    }
}

impl FieldMismatch {
    pub fn kind(&self) -> MismatchKind {
        match (&self.expected, &self.actual) {
            (Some(_), None) => MismatchKind::Missing,
            (None, _) => MismatchKind::Unexpected,
            (Some(_), Some(_)) => MismatchKind::Different,
        }
    }
}
