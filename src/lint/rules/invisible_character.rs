//! CD109 invisible-character: a byte order mark, zero-width or bidi control character at the start of a file or inside an id.
//!
//! Scans the raw text of every content file for U+FEFF (byte order mark),
//! U+200B, U+200C, U+200D (zero-width space, non-joiner, joiner), U+2060
//! (word joiner), U+202A to U+202E and U+2066 to U+2069 (bidi controls):
//! at the start of a file, and inside every id and reference.
//!
//! Why: these characters render as nothing, so `phishing` with a zero-width
//! space looks right in review but matches no id. Bidi controls can make a
//! line read differently from what the parser sees.
//!
//! Example:
//!
//! ```yaml
//! use_cases: [phish<U+200B>ing]
//! ```

use crate::diag::{Diagnostic, Position, Severity, codes};
use crate::lint::invisible::{escape, is_invisible, name};
use crate::lint::{Check, Context, Rule, entities};
use crate::load::SourceMap;
use crate::load::raw::Text;

/// Registry entry of `invisible-character`.
pub const RULE: Rule = Rule {
    code: codes::INVISIBLE_CHARACTER,
    name: "invisible-character",
    severity: Severity::Error,
    summary: "a byte order mark, zero-width or bidi control character at the start of a file or inside an id",
    check: Check::Content(check),
    source: include_str!("invisible_character.rs"),
};

fn check(context: &Context) -> Vec<Diagnostic> {
    let sources = &context.raw.sources;
    let mut found = Vec::new();
    for (file, text) in sources.iter() {
        if let Some(c) = text.chars().next().filter(|&c| is_invisible(c)) {
            found.push(diagnostic(Position::file_start(file), c, "at the start of the file"));
        }
    }
    for (file, text) in entities::ids_and_references(context.raw) {
        if let Some(c) = text.value.chars().find(|&c| is_invisible(c)) {
            let position = locate(sources, file, text, c);
            found.push(diagnostic(position, c, &format!("in `{}`", escape(&text.value))));
        }
    }
    found
}

/// Finds the column of `c` in the source line of `text`, searching from the
/// start of the scalar; falls back to the scalar's position.
fn locate(sources: &SourceMap, file: &std::path::Path, text: &Text, c: char) -> Position {
    let mut position = Position::of(file, &text.referenced);
    let start = position.column.saturating_sub(1) as usize;
    let offset = sources
        .line(file, position.line)
        .and_then(|line| line.chars().skip(start).position(|x| x == c));
    if let Some(offset) = offset {
        position.column += offset as u64;
    }
    position
}

fn diagnostic(position: Position, c: char, place: &str) -> Diagnostic {
    Diagnostic::error(
        codes::INVISIBLE_CHARACTER,
        position,
        format!("invisible {} (U+{:04X}) {place}", name(c), c as u32),
    )
    .with_help("delete the character; editors that show invisible characters help find it")
}
