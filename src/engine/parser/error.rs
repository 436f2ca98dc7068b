//! Errors of one parser, with the definition item they concern.

use std::fmt;

use super::copy::CopyError;
use crate::engine::compile::{MatchError, RegexError};
use crate::engine::time::TimeFormatError;
use crate::load::raw::Text;

/// A parser definition that cannot be compiled, or a line it failed on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{kind} in parser {parser}, {item}")]
pub struct ParserError {
    pub parser: String,
    pub item: ParserItem,
    pub kind: ParserErrorKind,
}

/// The definition item an error concerns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParserItem {
    pub kind: ItemKind,
    /// One-based position in the parser's `fields` or `field_copies` list,
    /// and 1 for `time_format`.
    pub number: usize,
    /// One-based YAML line and column of the item, or 0 when unknown.
    pub line: u64,
    pub column: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemKind {
    FieldRegex,
    FieldCopy,
    TimeFormat,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParserErrorKind {
    #[error(transparent)]
    Regex(#[from] RegexError),
    #[error(transparent)]
    Match(#[from] MatchError),
    #[error(transparent)]
    Copy(#[from] CopyError),
    #[error(transparent)]
    TimeFormat(#[from] TimeFormatError),
}

impl ParserItem {
    /// Describes the item at `index` (zero-based) of its list, read from
    /// `text`.
    pub(super) fn new(kind: ItemKind, index: usize, text: &Text) -> Self {
        ParserItem {
            kind,
            number: index + 1,
            line: text.referenced.line(),
            column: text.referenced.column(),
        }
    }
}

impl fmt::Display for ParserItem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            ItemKind::FieldRegex => write!(f, "field regex {}", self.number)?,
            ItemKind::FieldCopy => write!(f, "field copy {}", self.number)?,
            ItemKind::TimeFormat => write!(f, "time_format")?,
        }
        if self.line > 0 {
            write!(f, " (line {}, column {})", self.line, self.column)?;
        }
        Ok(())
    }
}
