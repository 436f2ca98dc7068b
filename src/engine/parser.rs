//! One parser: conditions, field extraction, copies, time and event type.
//!
//! A line is parsed in these steps:
//!
//! 1. One trailing line terminator (`\n`, `\r\n` or `\r`) is removed, and
//!    bytes that are not valid UTF-8 become U+FFFD.
//! 2. Every field regex is searched in the line, and each takes its leftmost
//!    match. When several regexes capture the same field, the first regex
//!    in the parser's `fields` list that captured it wins. A group that did
//!    not participate in the match sets no value, while a participating
//!    group that matched nothing sets an empty string.
//! 3. `field_copies` run in list order and never overwrite a field.
//! 4. The `time` field, if any, is parsed with `time_format`.
//! 5. The line is classified among the parser's event types.
//!
//! The regexes, copies and time format of a parser are compiled when the
//! first line reaches it.

mod copy;
mod error;
mod prepare;
mod steps;
#[cfg(test)]
mod tests;

use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

use chrono::{DateTime, Utc};

pub use copy::{CopyError, FieldCopy};
pub use error::{ItemKind, ParserError, ParserErrorKind, ParserItem};
use prepare::Prepared;
pub(crate) use steps::trim_line_end;

use super::classify::{Classification, EventTypeRule, classify};
use super::compile::MatchError;
use super::time::TimeContext;
use crate::load::raw::RawParser;

/// A parser definition ready to parse lines.
#[derive(Debug)]
pub struct CompiledParser {
    definition: Arc<RawParser>,
    /// Distinct non-empty conditions in definition order.
    conditions: Vec<String>,
    event_types: Vec<EventTypeRule>,
    prepared: OnceLock<Result<Prepared, Vec<ParserError>>>,
}

/// The result of parsing one line with one parser.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedEvent {
    /// Id of the parser that produced the event.
    pub parser: String,
    pub fields: BTreeMap<String, String>,
    /// The `time` field in UTC, when it was parsed.
    pub time: Option<DateTime<Utc>>,
    /// Reason the `time` field could not be parsed.
    pub time_error: Option<String>,
    pub event_type: Classification,
}

impl CompiledParser {
    /// Wraps `definition`, resolving its event type ids in `event_types`. An
    /// id missing from `event_types` becomes a type without classification
    /// entries.
    pub fn new(definition: &Arc<RawParser>, event_types: &BTreeMap<String, EventTypeRule>) -> Self {
        let mut conditions: Vec<String> = Vec::new();
        for condition in &definition.conditions {
            if !condition.value.is_empty() && !conditions.contains(&condition.value) {
                conditions.push(condition.value.clone());
            }
        }
        let event_types = definition
            .event_types
            .iter()
            .map(|id| {
                event_types.get(&id.value).cloned().unwrap_or_else(|| EventTypeRule {
                    id: id.value.clone(),
                    classification: BTreeMap::new(),
                })
            })
            .collect();
        CompiledParser {
            definition: Arc::clone(definition),
            conditions,
            event_types,
            prepared: OnceLock::new(),
        }
    }

    pub fn id(&self) -> &str {
        &self.definition.id.value
    }

    pub fn definition(&self) -> &RawParser {
        &self.definition
    }

    /// Distinct non-empty conditions in definition order. An empty condition
    /// occurs in every line, so it is left out.
    pub fn conditions(&self) -> &[String] {
        &self.conditions
    }

    pub fn event_types(&self) -> &[EventTypeRule] {
        &self.event_types
    }

    /// Returns the conditions that do not occur in `line`, in definition
    /// order. The parser applies to the line when none are missing.
    pub fn missing_conditions(&self, line: impl AsRef<[u8]>) -> Vec<&str> {
        let line = trim_line_end(line.as_ref());
        self.conditions
            .iter()
            .filter(|condition| memchr::memmem::find(line, condition.as_bytes()).is_none())
            .map(String::as_str)
            .collect()
    }

    /// Compiles the parser if needed and returns every definition error:
    /// invalid field regexes, malformed copies and an invalid time format.
    pub fn check(&self) -> &[ParserError] {
        match self.prepared() {
            Ok(_) => &[],
            Err(errors) => errors,
        }
    }

    /// Parses `line` whether or not the conditions occur in it. Fails on the
    /// first definition error, or when a regex search fails.
    pub fn parse(&self, line: impl AsRef<[u8]>, context: &TimeContext) -> Result<ParsedEvent, ParserError> {
        let prepared = self.prepared().map_err(|errors| errors[0].clone())?;
        let line = String::from_utf8_lossy(trim_line_end(line.as_ref()));

        let mut fields = steps::extract_fields(&prepared.regexes, line.as_bytes())
            .map_err(|(index, error)| self.search_error(index, error))?;
        copy::apply_copies(&prepared.copies, &mut fields);
        let (time, time_error) = steps::parse_time_field(prepared.time_format.as_ref(), &fields, context);
        let event_type = classify(&fields, &self.event_types);

        Ok(ParsedEvent {
            parser: self.id().to_owned(),
            fields,
            time,
            time_error,
            event_type,
        })
    }

    fn search_error(&self, index: usize, error: MatchError) -> ParserError {
        ParserError {
            parser: self.id().to_owned(),
            item: ParserItem::new(ItemKind::FieldRegex, index, &self.definition.fields[index]),
            kind: ParserErrorKind::Match(error),
        }
    }

    fn prepared(&self) -> Result<&Prepared, &[ParserError]> {
        self.prepared
            .get_or_init(|| prepare::prepare(&self.definition))
            .as_ref()
            .map_err(Vec::as_slice)
    }
}
