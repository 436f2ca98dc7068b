//! The YAML position of a character inside a pattern string, for
//! diagnostics about regexes and time formats.

use std::path::Path;

use crate::diag::Position;
use crate::load::SourceMap;
use crate::load::raw::Text;

/// Returns the position of the character at `offset` (zero-based, in
/// characters) of the string `text`, and whether it is exact.
///
/// The position is exact when the string is a plain or single-quoted
/// scalar on one line: its column is then the scalar's column plus the
/// offset, counting the opening quote and each doubled `''` before the
/// character. Otherwise it is the position of the string itself.
pub fn locate(sources: &SourceMap, file: &Path, text: &Text, offset: usize) -> (Position, bool) {
    let start = Position::of(file, &text.referenced);
    let Some(line) = sources.line(file, start.line) else {
        return (start, false);
    };
    let scalar: String = line.chars().skip(start.column.saturating_sub(1) as usize).collect();
    let prefix: String = text.value.chars().take(offset).collect();
    let shift = if scalar.starts_with('\'') {
        let quoted = format!("'{}'", text.value.replace('\'', "''"));
        if !scalar.starts_with(&quoted) {
            return (start, false);
        }
        1 + prefix.chars().count() + prefix.matches('\'').count()
    } else if scalar.starts_with(&text.value) && !text.value.is_empty() && !starts_like_syntax(&scalar) {
        prefix.chars().count()
    } else {
        return (start, false);
    };
    let column = start.column + shift as u64;
    (Position { column, ..start }, true)
}

/// True for scalars that start with an indicator, so the value is not
/// written as is: double quotes and block scalars.
fn starts_like_syntax(scalar: &str) -> bool {
    scalar.starts_with(['"', '|', '>'])
}
