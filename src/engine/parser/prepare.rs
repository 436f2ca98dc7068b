//! The compiled parts of a parser definition, built on first use.

use super::copy::FieldCopy;
use super::error::{ItemKind, ParserError, ParserErrorKind, ParserItem};
use crate::engine::compile::FieldRegex;
use crate::engine::time::TimeFormat;
use crate::load::raw::RawParser;

/// Field regexes, copies and time format of one parser.
#[derive(Debug)]
pub(super) struct Prepared {
    pub(super) regexes: Vec<FieldRegex>,
    pub(super) copies: Vec<FieldCopy>,
    pub(super) time_format: Option<TimeFormat>,
}

/// Compiles every item of `definition`, returning all errors when any item
/// fails, in list order: field regexes, field copies, then the time format.
pub(super) fn prepare(definition: &RawParser) -> Result<Prepared, Vec<ParserError>> {
    let parser = &definition.id.value;
    let mut errors = Vec::new();
    let mut record = |kind: ItemKind, index, text, error: ParserErrorKind| {
        errors.push(ParserError {
            parser: parser.clone(),
            item: ParserItem::new(kind, index, text),
            kind: error,
        });
    };

    let mut regexes = Vec::with_capacity(definition.fields.len());
    for (index, text) in definition.fields.iter().enumerate() {
        match FieldRegex::new(&text.value) {
            Ok(regex) => regexes.push(regex),
            Err(error) => record(ItemKind::FieldRegex, index, text, error.into()),
        }
    }

    let mut copies = Vec::with_capacity(definition.field_copies.len());
    for (index, text) in definition.field_copies.iter().enumerate() {
        match FieldCopy::parse(&text.value) {
            Ok(copy) => copies.push(copy),
            Err(error) => record(ItemKind::FieldCopy, index, text, error.into()),
        }
    }

    let mut time_format = None;
    if let Some(text) = &definition.time_format {
        match TimeFormat::parse(&text.value) {
            Ok(format) => time_format = Some(format),
            Err(error) => record(ItemKind::TimeFormat, 0, text, error.into()),
        }
    }

    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Prepared {
        regexes,
        copies,
        time_format,
    })
}
