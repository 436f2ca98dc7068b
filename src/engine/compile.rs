//! Compilation of field regexes with the engine each one needs.
//!
//! Patterns without lookaround, backreferences, atomic groups or possessive
//! quantifiers run on a Thompson NFA of `regex-automata` over bytes, in time
//! linear in the line. The others run on `fancy-regex` with a backtrack limit. Each
//! distinct translated pattern is compiled once per process and shared.

mod automaton;
mod matcher;
#[cfg(test)]
mod tests;

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

pub use matcher::{BACKTRACK_LIMIT, BACKTRACKING_LINE_LIMIT, DFA_SIZE_LIMIT, SIZE_LIMIT};
use matcher::{BuildError, Matcher};

use super::translate::{RegexEngine, TranslateError, TranslatedRegex, translate};

/// Compiled field regexes by source text.
static BY_SOURCE: OnceLock<Mutex<HashMap<Box<str>, FieldRegex>>> = OnceLock::new();

/// Empties the process-wide caches of compiled field regexes, so that their
/// memory is freed once no parser uses them. Later calls compile again.
pub fn release_cached() {
    if let Some(cache) = BY_SOURCE.get() {
        cache.lock().unwrap_or_else(PoisonError::into_inner).clear();
    }
    matcher::clear_cache();
}

/// A compiled field regex. Clones share the compiled form.
#[derive(Debug, Clone)]
pub struct FieldRegex(Arc<Compiled>);

#[derive(Debug)]
struct Compiled {
    translated: TranslatedRegex,
    matcher: Arc<Matcher>,
    /// Index in the compiled regex of each group of `translated.groups()`.
    group_indices: Vec<usize>,
}

/// A field regex that cannot be compiled.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RegexError {
    #[error("invalid regex {0}")]
    Translate(#[from] TranslateError),
    #[error("invalid regex at offset {position}: {message}")]
    Syntax {
        /// Zero-based character offset in the source pattern.
        position: usize,
        message: String,
    },
    #[error("invalid regex: {message}")]
    Compile { message: String },
    #[error(
        "compiled regex exceeds the size limit of {limit} bytes; use ASCII classes such as [A-Za-z] in place of Unicode classes, or shorten counted repetitions"
    )]
    TooBig { limit: usize },
}

/// A failure while searching a line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MatchError {
    #[error("backtrack limit of {limit} exceeded")]
    BacktrackLimit { limit: usize },
    #[error(
        "line of {length} bytes exceeds the {limit}-byte limit for regexes that need backtracking (lookaround, backreferences, atomic groups or possessive quantifiers)"
    )]
    LineTooLong { length: usize, limit: usize },
    #[error("regex search failed: {message}")]
    Other { message: String },
}

impl RegexError {
    /// Zero-based character offset of the error in the source pattern, when
    /// the engine reports one.
    pub fn position(&self) -> Option<usize> {
        match self {
            RegexError::Translate(error) => Some(error.position),
            RegexError::Syntax { position, .. } => Some(*position),
            RegexError::Compile { .. } | RegexError::TooBig { .. } => None,
        }
    }
}

impl FieldRegex {
    /// Translates and compiles a Java-dialect field regex, reusing the
    /// compiled form of an identical source or translated pattern.
    pub fn new(source: &str) -> Result<FieldRegex, RegexError> {
        // Real libraries reuse a field regex across many parsers (about
        // 100,000 uses of 30,000 patterns in the reference library), so
        // most calls find the source already translated and compiled.
        let cache = BY_SOURCE.get_or_init(Mutex::default);
        if let Some(found) = cache.lock().unwrap_or_else(PoisonError::into_inner).get(source) {
            return Ok(found.clone());
        }
        let compiled = FieldRegex::compile(source)?;
        let mut entries = cache.lock().unwrap_or_else(PoisonError::into_inner);
        Ok(entries.entry(source.into()).or_insert(compiled).clone())
    }

    fn compile(source: &str) -> Result<FieldRegex, RegexError> {
        let translated = translate(source)?;
        let matcher = matcher::cached(translated.engine(), translated.pattern())
            .map_err(|error| regex_error(&translated, error))?;
        let group_indices = translated
            .groups()
            .iter()
            .map(|group| {
                matcher
                    .group_index(&group.name)
                    .expect("every translated group is in the compiled regex")
            })
            .collect();
        Ok(FieldRegex(Arc::new(Compiled {
            translated,
            matcher,
            group_indices,
        })))
    }

    pub fn translated(&self) -> &TranslatedRegex {
        &self.0.translated
    }

    pub fn engine(&self) -> RegexEngine {
        self.0.translated.engine()
    }

    /// Searches `line` for the leftmost match and returns (field, value) in
    /// group order, or `None` without a match. A field captured by several
    /// groups takes the value of the first group that participated, and a
    /// group that did not participate yields no value.
    ///
    /// Bytes that are not valid UTF-8 match no class and no `.`, so callers
    /// should replace them first, as [`String::from_utf8_lossy`] does.
    /// Captured values are converted to `String` lossily.
    pub fn captures(&self, line: &[u8]) -> Result<Option<Vec<(&str, String)>>, MatchError> {
        let Compiled {
            translated,
            matcher,
            group_indices,
        } = &*self.0;
        let Some(spans) = matcher.spans(line, group_indices)? else {
            return Ok(None);
        };
        let mut fields: Vec<(&str, String)> = Vec::new();
        for (group, span) in translated.groups().iter().zip(spans) {
            let Some(span) = span else { continue };
            if fields.iter().any(|(field, _)| *field == group.field) {
                continue;
            }
            let value = String::from_utf8_lossy(&line[span]).into_owned();
            fields.push((group.field.as_str(), value));
        }
        Ok(Some(fields))
    }
}

fn regex_error(translated: &TranslatedRegex, error: BuildError) -> RegexError {
    match error {
        BuildError::Syntax { offset, message } => RegexError::Syntax {
            position: translated.source_position(offset),
            message,
        },
        BuildError::Compile { message } => RegexError::Compile { message },
        BuildError::TooBig { limit } => RegexError::TooBig { limit },
    }
}
