//! The steps of parsing a line that need no parser state.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};

use crate::engine::compile::{FieldRegex, MatchError};
use crate::engine::time::{TimeContext, TimeFormat};

/// Removes one trailing `\n`, `\r\n` or `\r`.
pub(crate) fn trim_line_end(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}

/// Searches every regex in `line`, keeping the value of the first regex
/// that captured each field. Returns the index of a regex whose search
/// failed.
pub(super) fn extract_fields(
    regexes: &[FieldRegex],
    line: &[u8],
) -> Result<BTreeMap<String, String>, (usize, MatchError)> {
    let mut fields = BTreeMap::new();
    for (index, regex) in regexes.iter().enumerate() {
        let captured = regex.captures(line).map_err(|error| (index, error))?;
        for (field, value) in captured.into_iter().flatten() {
            fields.entry(field.to_owned()).or_insert(value);
        }
    }
    Ok(fields)
}

/// Parses the `time` field into (time, error). Both are `None` when the
/// line has no `time` field.
pub(super) fn parse_time_field(
    time_format: Option<&TimeFormat>,
    fields: &BTreeMap<String, String>,
    context: &TimeContext,
) -> (Option<DateTime<Utc>>, Option<String>) {
    let Some(text) = fields.get("time") else {
        return (None, None);
    };
    let Some(format) = time_format else {
        let message = format!("the parser has no time_format, so the time field {text:?} was not parsed");
        return (None, Some(message));
    };
    match format.parse_time(text, context) {
        Ok(time) => (Some(time), None),
        Err(error) => (None, Some(error.to_string())),
    }
}
