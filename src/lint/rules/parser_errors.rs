//! Definition errors of the compiled parsers, shared by the regex and time
//! format rules.

use crate::diag::Diagnostic;
use crate::engine::compile::RegexError;
use crate::engine::parser::{ItemKind, ParserError, ParserErrorKind};
use crate::lint::Context;
use crate::lint::pattern_position::locate;
use crate::load::LoadedParser;
use crate::load::raw::Text;

/// Returns each parser with the errors its compilation reports.
pub(super) fn each<'a>(context: &'a Context) -> Vec<(&'a LoadedParser, &'a [ParserError])> {
    let Some(set) = context.parsers() else {
        return Vec::new();
    };
    context
        .raw
        .parsers
        .iter()
        .zip(set.parsers())
        .map(|(loaded, compiled)| (loaded, compiled.check()))
        .collect()
}

/// Returns the field regex errors, with the regex text.
pub(super) fn regex_errors<'a>(context: &'a Context) -> Vec<(&'a LoadedParser, &'a Text, &'a RegexError)> {
    let mut found = Vec::new();
    for (loaded, errors) in each(context) {
        for error in errors {
            if let (ItemKind::FieldRegex, ParserErrorKind::Regex(regex_error)) = (error.item.kind, &error.kind) {
                let text = &loaded.parser.value.fields[error.item.number - 1];
                found.push((loaded, text, regex_error));
            }
        }
    }
    found
}

/// Builds a diagnostic at character `offset` of `text`, or at `text` when
/// the exact column is unknown. The message already states the offset.
pub(super) fn at_offset(
    context: &Context,
    code: &'static str,
    loaded: &LoadedParser,
    text: &Text,
    offset: Option<usize>,
    message: String,
) -> Diagnostic {
    let file = &loaded.parser.file;
    let Some(offset) = offset else {
        return Diagnostic::error(code, crate::diag::Position::of(file, &text.referenced), message);
    };
    let (position, _) = locate(&context.raw.sources, file, text, offset);
    Diagnostic::error(code, position, message)
}
