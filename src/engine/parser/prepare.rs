//! The compiled parts of a parser definition, built on first use.

use super::copy::FieldCopy;
use super::error::{ItemKind, ParserError, ParserErrorKind, ParserItem};
use crate::engine::compile::FieldRegex;
use crate::engine::time::TimeFormat;
use crate::load::raw::{RawParser, Text};

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
    let mut errors = Vec::new();
    let mut compiler = ItemCompiler {
        parser: &definition.id.value,
        errors: &mut errors,
    };
    let regexes = compiler.compile_all(ItemKind::FieldRegex, &definition.fields, FieldRegex::new);
    let copies = compiler.compile_all(ItemKind::FieldCopy, &definition.field_copies, FieldCopy::parse);
    let time_format = compiler
        .compile_all(
            ItemKind::TimeFormat,
            definition.time_format.as_slice(),
            TimeFormat::parse,
        )
        .pop();

    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Prepared {
        regexes,
        copies,
        time_format,
    })
}

/// Compiles definition items and collects their errors.
struct ItemCompiler<'a> {
    parser: &'a str,
    errors: &'a mut Vec<ParserError>,
}

impl ItemCompiler<'_> {
    /// Compiles each text with `compile`, keeping the successes in order
    /// and recording each failure with its item.
    fn compile_all<T, E: Into<ParserErrorKind>>(
        &mut self,
        kind: ItemKind,
        texts: &[Text],
        compile: impl Fn(&str) -> Result<T, E>,
    ) -> Vec<T> {
        let mut compiled = Vec::with_capacity(texts.len());
        for (index, text) in texts.iter().enumerate() {
            match compile(&text.value) {
                Ok(item) => compiled.push(item),
                Err(error) => self.errors.push(ParserError {
                    parser: self.parser.to_owned(),
                    item: ParserItem::new(kind, index, text),
                    kind: error.into(),
                }),
            }
        }
        compiled
    }
}
