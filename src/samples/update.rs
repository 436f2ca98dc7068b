//! `contentdoc test --update`: rewrites the expectations of samples inside
//! a parser file by targeted text edits.
//!
//! Only the `expect:` block, the `time` value and the `event_type` value of
//! the updated samples change. Every other byte, comments and quoting
//! included, stays as it was. The edits use the source positions that
//! serde-saphyr records for each scalar, so they need block-style samples:
//! an item of `samples` written as a flow mapping (`- {log: ...}`) is
//! returned as skipped and left alone, while the other samples are updated. Values are written single-quoted with `'`
//! doubled, or double-quoted with JSON escapes when they contain control
//! characters such as a newline.

mod edit;
#[cfg(test)]
mod tests;

use std::collections::BTreeMap;
use std::path::Path;

use crate::load::raw::RawParser;

/// The new expectations of one sample.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expectations {
    /// Zero-based position in the parser's `samples`.
    pub index: usize,
    pub fields: BTreeMap<String, String>,
    /// RFC 3339 time in UTC; `None` leaves the sample's `time` as it is.
    pub time: Option<String>,
    /// Event type id; `None` leaves the sample's `event_type` as it is.
    pub event_type: Option<String>,
}

/// A sample that could not be updated.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("cannot update sample {number} at line {line}: {message}")]
pub struct UpdateError {
    pub number: usize,
    pub line: u64,
    pub message: String,
}

/// The edited text of a parser file and the samples that were left alone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rewrite {
    pub text: String,
    /// Samples whose layout the edits cannot handle, such as flow mappings.
    pub skipped: Vec<UpdateError>,
}

/// Applies `updates` to `text`, the source of `parser`, and checks that the
/// result still loads with exactly the new expectations. A sample that
/// cannot be edited is skipped. A result that does not read back as
/// written is an error, and then nothing is changed.
pub fn rewrite(path: &Path, text: &str, parser: &RawParser, updates: &[Expectations]) -> Result<Rewrite, UpdateError> {
    let mut edits = Vec::new();
    let mut applied = Vec::new();
    let mut skipped = Vec::new();
    for update in updates {
        let sample = &parser.samples[update.index];
        match edit::sample_edits(text, sample, update) {
            Ok(sample_edits) => {
                edits.extend(sample_edits);
                applied.push(update.clone());
            }
            Err(message) => skipped.push(UpdateError {
                number: update.index + 1,
                line: sample.log.referenced.line(),
                message,
            }),
        }
    }
    let updated = edit::apply(text, edits);
    verify(path, &updated, parser, &applied)?;
    Ok(Rewrite { text: updated, skipped })
}

/// Re-reads the edited text and compares each updated sample with what
/// was meant to be written.
fn verify(path: &Path, text: &str, before: &RawParser, updates: &[Expectations]) -> Result<(), UpdateError> {
    let failed = |update: &Expectations, message: String| UpdateError {
        number: update.index + 1,
        line: before.samples[update.index].log.referenced.line(),
        message,
    };
    let Some(first) = updates.first() else {
        return Ok(());
    };
    let after: RawParser = crate::load::parse_yaml(path, text)
        .map_err(|diagnostic| failed(first, format!("the edited file does not load: {}", diagnostic.message)))?;
    if after.samples.len() != before.samples.len() {
        return Err(failed(first, "the edit changed the number of samples".to_owned()));
    }
    for update in updates {
        let sample = &after.samples[update.index];
        let fields: BTreeMap<String, String> = sample
            .expect
            .iter()
            .map(|(name, value)| (name.clone(), value.value.clone()))
            .collect();
        let time_written = update.time.is_none() || sample.time.as_ref().map(|t| &t.value) == update.time.as_ref();
        let event_type_written = update
            .event_type
            .as_ref()
            .is_none_or(|id| *id == sample.event_type.value);
        if fields != update.fields || !time_written || !event_type_written {
            return Err(failed(
                update,
                "the edited file does not read back as written".to_owned(),
            ));
        }
    }
    Ok(())
}
