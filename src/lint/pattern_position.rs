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
/// scalar on one line, or a block scalar whose text is one line: its column
/// is then the scalar's column plus the offset, counting the opening quote
/// and each doubled `''` before the character. Otherwise it is the position
/// of the string itself.
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
    } else if scalar.starts_with(&text.value) && !text.value.is_empty() && !is_double_quoted(&scalar) {
        prefix.chars().count()
    } else {
        return (start, false);
    };
    let column = start.column + shift as u64;
    (Position { column, ..start }, true)
}

/// True for a double-quoted scalar, whose escapes make the written text
/// differ from the value.
fn is_double_quoted(scalar: &str) -> bool {
    scalar.starts_with('"')
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::load::raw::RawParser;

    /// Locates character `offset` of the first field regex of `yaml`.
    fn column_of(yaml: &str, offset: usize) -> (u64, bool) {
        let file = PathBuf::from("p.yaml");
        let parser: RawParser = serde_saphyr::from_str(yaml).unwrap();
        let mut sources = SourceMap::default();
        sources.insert(file.clone(), yaml.to_owned());
        let (position, exact) = locate(&sources, &file, &parser.fields[0], offset);
        (position.column, exact)
    }

    #[test]
    fn locate_plain_scalar() {
        assert_eq!(column_of("id: p\nfields: [ab(c]\n", 2), (12, true));
    }

    #[test]
    fn locate_single_quoted_counts_doubled_quotes() {
        assert_eq!(column_of("id: p\nfields:\n  - 'a''b(c'\n", 3), (10, true));
    }

    #[test]
    fn locate_double_quoted_falls_back() {
        assert_eq!(column_of("id: p\nfields:\n  - \"a\\\\b(c\"\n", 3), (5, false));
    }

    #[test]
    fn locate_one_line_block_scalar() {
        assert_eq!(column_of("id: p\nfields:\n  - >-\n    ab(c\n", 2), (7, true));
    }

    #[test]
    fn locate_folded_plain_scalar_falls_back() {
        assert_eq!(column_of("id: p\nfields:\n  - ab\n    c(d\n", 3), (5, false));
    }
}
