//! The two regex engines behind one interface, their limits and the shared
//! cache of compiled patterns.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use fancy_regex::BytesMode;

use super::MatchError;
use super::automaton::Automaton;
use crate::engine::translate::RegexEngine;

/// Maximum size in bytes of one compiled regex program (the NFA size limit
/// of `regex-automata`, also applied to the parts that `fancy-regex`
/// delegates to the `regex` crate).
/// Log-parsing patterns with ASCII classes stay far below it, while long
/// counted repetitions of Unicode classes exceed it.
pub const SIZE_LIMIT: usize = 2 << 20;

/// Maximum size in bytes of one lazy DFA cache: that of a pattern promoted
/// to the second tier of the linear-time engine, and that of each part of
/// a backtracking regex that `fancy-regex` delegates to the `regex` crate.
/// A search that outgrows it clears the cache and continues, so this
/// bounds memory, not correctness.
pub const DFA_SIZE_LIMIT: usize = 2 << 20;

/// Maximum number of backtracking steps of one `fancy-regex` search; the
/// value is that crate's default.
pub const BACKTRACK_LIMIT: usize = 1_000_000;

/// Maximum line length, in bytes, that a backtracking regex searches.
///
/// NOTE: `fancy-regex` restarts lookaround at every start position, so a
/// lookahead such as `(?=.*x)` takes time quadratic in the line length, and
/// the backtrack limit does not count that work. This cap bounds it: on a
/// 2-core test machine `(?=.*x)` took about 1.1 s on a 32 KiB line, so about
/// 70 ms at this limit. Nested lookaround is rejected by the translator.
pub const BACKTRACKING_LINE_LIMIT: usize = 8 * 1024;

#[derive(Debug)]
pub(super) enum Matcher {
    Automaton(Automaton),
    Backtracking(fancy_regex::Regex),
}

/// A compile failure, with offsets in the translated pattern.
pub(super) enum BuildError {
    Syntax { offset: usize, message: String },
    Compile { message: String },
    TooBig { limit: usize },
}

type Cache = Mutex<HashMap<(RegexEngine, String), Arc<Matcher>>>;

/// Returns the compiled form of `pattern`, compiling it on first use.
/// Failures are not cached.
static CACHE: OnceLock<Cache> = OnceLock::new();

/// Empties the cache; patterns still in use stay alive with their users.
pub(super) fn clear_cache() {
    if let Some(cache) = CACHE.get() {
        cache.lock().unwrap_or_else(PoisonError::into_inner).clear();
    }
}

pub(super) fn cached(engine: RegexEngine, pattern: &str) -> Result<Arc<Matcher>, BuildError> {
    let cache = CACHE.get_or_init(Cache::default);
    let key = (engine, pattern.to_owned());
    if let Some(found) = cache.lock().unwrap_or_else(PoisonError::into_inner).get(&key) {
        return Ok(Arc::clone(found));
    }
    // Compile without holding the lock, so that other threads can use the
    // cache meanwhile. When two threads compile the same pattern, the first
    // insert wins.
    let matcher = Arc::new(Matcher::build(engine, pattern)?);
    let mut entries = cache.lock().unwrap_or_else(PoisonError::into_inner);
    Ok(Arc::clone(entries.entry(key).or_insert(matcher)))
}

impl Matcher {
    fn build(engine: RegexEngine, pattern: &str) -> Result<Matcher, BuildError> {
        match engine {
            RegexEngine::Automaton => Automaton::build(pattern).map(Matcher::Automaton),
            RegexEngine::Backtracking => fancy_regex::RegexBuilder::new(pattern)
                .bytes_mode(BytesMode::UnicodeBytes)
                .backtrack_limit(BACKTRACK_LIMIT)
                .delegate_size_limit(SIZE_LIMIT)
                .delegate_dfa_size_limit(DFA_SIZE_LIMIT)
                .build()
                .map(Matcher::Backtracking)
                .map_err(backtracking_error),
        }
    }

    /// Returns whether the pattern runs on the second tier of the
    /// linear-time engine.
    #[cfg(test)]
    pub(super) fn is_promoted(&self) -> bool {
        matches!(self, Matcher::Automaton(automaton) if automaton.is_promoted())
    }

    pub(super) fn group_index(&self, name: &str) -> Option<usize> {
        match self {
            Matcher::Automaton(automaton) => automaton.group_index(name),
            Matcher::Backtracking(regex) => regex.capture_names().position(|n| n == Some(name)),
        }
    }

    /// Spans of the groups at `indices` in the leftmost match of `line`.
    pub(super) fn spans(
        &self,
        line: &[u8],
        indices: &[usize],
    ) -> Result<Option<Vec<Option<Range<usize>>>>, MatchError> {
        match self {
            Matcher::Automaton(automaton) => Ok(automaton.spans(line, indices)),
            Matcher::Backtracking(regex) => {
                if line.len() > BACKTRACKING_LINE_LIMIT {
                    return Err(MatchError::LineTooLong {
                        length: line.len(),
                        limit: BACKTRACKING_LINE_LIMIT,
                    });
                }
                let captures = regex.captures(line).map_err(search_error)?;
                Ok(captures.map(|captures| {
                    let span = |&index: &usize| captures.get(index).map(|m| m.range());
                    indices.iter().map(span).collect()
                }))
            }
        }
    }
}

fn backtracking_error(error: fancy_regex::Error) -> BuildError {
    use fancy_regex::{CompileError, Error};
    match error {
        Error::ParseError(offset, kind) => BuildError::Syntax {
            offset,
            message: kind.to_string(),
        },
        Error::CompileError(compile) => match *compile {
            CompileError::InnerError(inner) if inner.size_limit().is_some() => BuildError::TooBig {
                limit: inner.size_limit().unwrap_or(SIZE_LIMIT),
            },
            // NOTE: errors inside the parts that fancy-regex delegates to
            // the regex crate carry no position in the whole pattern.
            other => BuildError::Compile {
                message: other.to_string(),
            },
        },
        other => BuildError::Compile {
            message: other.to_string(),
        },
    }
}

fn search_error(error: fancy_regex::Error) -> MatchError {
    match error {
        fancy_regex::Error::RuntimeError(fancy_regex::RuntimeError::BacktrackLimitExceeded) => {
            MatchError::BacktrackLimit { limit: BACKTRACK_LIMIT }
        }
        other => MatchError::Other {
            message: other.to_string(),
        },
    }
}
