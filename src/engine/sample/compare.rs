//! Comparisons of expected and parsed values.

use std::collections::BTreeMap;

use chrono::{DateTime, SecondsFormat, Utc};

use super::{FieldMismatch, ValueMismatch};
use crate::engine::classify::Classification;
use crate::engine::parser::ParsedEvent;
use crate::load::raw::Text;

/// Lists missing, unexpected and different fields, ordered by name.
pub(super) fn fields(expected: &BTreeMap<String, Text>, actual: &BTreeMap<String, String>) -> Vec<FieldMismatch> {
    let mut names: Vec<&String> = expected.keys().chain(actual.keys()).collect();
    names.sort();
    names.dedup();
    names
        .into_iter()
        .filter_map(|name| {
            let expected = expected.get(name).map(|text| &text.value);
            let actual = actual.get(name);
            (expected != actual).then(|| FieldMismatch {
                field: name.clone(),
                expected: expected.cloned(),
                actual: actual.cloned(),
            })
        })
        .collect()
}

/// Compares the expected RFC 3339 time with the parsed one. Without an
/// expected time, only a time field that failed to parse is a mismatch.
pub(super) fn time(expected: Option<&Text>, event: &ParsedEvent) -> Option<ValueMismatch> {
    let actual = match (&event.time, &event.time_error) {
        (Some(time), _) => display_time(time),
        (None, Some(error)) => format!("(error: {error})"),
        (None, None) => "(missing)".to_owned(),
    };
    let Some(expected) = expected else {
        let failed = event.time_error.is_some();
        return failed.then(|| ValueMismatch {
            expected: "(any valid time)".to_owned(),
            actual,
        });
    };
    match DateTime::parse_from_rfc3339(&expected.value) {
        Ok(time) if Some(time.with_timezone(&Utc)) == event.time => None,
        Ok(_) => Some(ValueMismatch {
            expected: expected.value.clone(),
            actual,
        }),
        Err(error) => Some(ValueMismatch {
            expected: format!("{} (invalid RFC 3339: {error})", expected.value),
            actual,
        }),
    }
}

pub(super) fn event_type(expected: &str, actual: &Classification) -> Option<ValueMismatch> {
    let actual = match actual {
        Classification::EventType(id) if id == expected => return None,
        Classification::EventType(id) => id.clone(),
        Classification::Unclassified { reason } => format!("(unclassified: {reason})"),
    };
    Some(ValueMismatch {
        expected: expected.to_owned(),
        actual,
    })
}

/// Formats a time as RFC 3339 in UTC with a `Z` suffix and only as many
/// fraction digits as needed.
fn display_time(time: &DateTime<Utc>) -> String {
    time.to_rfc3339_opts(SecondsFormat::AutoSi, true)
}
