//! The linear-time engine, compiled in two tiers.
//!
//! A pattern starts as a Thompson NFA searched by a bounded backtracker, or
//! by a PikeVM when the line is too long for the backtracker's memory
//! budget. After [`PROMOTE_AFTER`] searches it is compiled again as a
//! `regex_automata::meta::Regex`, with literal prefilters and lazy DFAs,
//! and that form serves its later searches.
//!
//! NOTE: the second tier searches log lines about five times faster, but
//! compiles about five times slower and larger (3.3 s and 920 MB against
//! 0.5 s and under 100 MB for 29,000 generated field regexes). Under
//! `test` and `lint` most field regexes search a few sample lines, so the
//! first tier costs less in total. Under `parse`, only the patterns that
//! see many lines pay for the second. One NFA compiler and one pair of search
//! caches per thread serve every first-tier pattern, where a
//! `meta::Regex` allocates and keeps its own.

use std::cell::RefCell;
use std::ops::Range;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU32, Ordering};

use regex_automata::meta;
use regex_automata::nfa::thompson::backtrack::{self, BoundedBacktracker};
use regex_automata::nfa::thompson::pikevm::{self, PikeVM};
use regex_automata::nfa::thompson::{self, NFA};
use regex_automata::util::captures::Captures;
use regex_automata::util::syntax;
use regex_automata::{Input, PatternID};

use super::matcher::{BuildError, DFA_SIZE_LIMIT, SIZE_LIMIT};

/// Number of first-tier searches after which a pattern is compiled into the
/// second tier.
pub(super) const PROMOTE_AFTER: u32 = 100;

/// A compiled pattern of the linear-time engine.
#[derive(Debug)]
pub(super) struct Automaton {
    pattern: Box<str>,
    backtracker: BoundedBacktracker,
    pikevm: PikeVM,
    searches: AtomicU32,
    /// The second tier; `None` inside when it failed to build, in which
    /// case the first tier goes on serving.
    promoted: OnceLock<Option<meta::Regex>>,
}

/// The search caches of one thread, reset for each pattern they serve.
struct Caches {
    backtrack: backtrack::Cache,
    pikevm: pikevm::Cache,
}

thread_local! {
    static COMPILER: thompson::Compiler = {
        let mut compiler = thompson::Compiler::new();
        compiler.configure(thompson::Config::new().utf8(false).nfa_size_limit(Some(SIZE_LIMIT)));
        compiler
    };
    static CACHES: RefCell<Option<Caches>> = const { RefCell::new(None) };
}

impl Automaton {
    pub(super) fn build(pattern: &str) -> Result<Automaton, BuildError> {
        let hir = regex_syntax::ParserBuilder::new()
            .utf8(false)
            .build()
            .parse(pattern)
            .map_err(syntax_error)?;
        let nfa = COMPILER.with(|compiler| compiler.build_from_hir(&hir).map_err(nfa_error))?;
        let compile_error = |error: &dyn std::fmt::Display| BuildError::Compile {
            message: error.to_string(),
        };
        Ok(Automaton {
            pattern: pattern.into(),
            searches: AtomicU32::new(0),
            promoted: OnceLock::new(),
            backtracker: BoundedBacktracker::new_from_nfa(nfa.clone()).map_err(|e| compile_error(&e))?,
            pikevm: PikeVM::new_from_nfa(nfa).map_err(|e| compile_error(&e))?,
        })
    }

    #[cfg(test)]
    pub(super) fn is_promoted(&self) -> bool {
        self.promoted.get().is_some_and(Option::is_some)
    }

    fn nfa(&self) -> &NFA {
        self.pikevm.get_nfa()
    }

    pub(super) fn group_index(&self, name: &str) -> Option<usize> {
        self.nfa().group_info().to_index(PatternID::ZERO, name)
    }

    /// Spans of the groups at `indices` in the leftmost-first match of
    /// `line`, or `None` without a match.
    pub(super) fn spans(&self, line: &[u8], indices: &[usize]) -> Option<Vec<Option<Range<usize>>>> {
        let captures = match self.second_tier() {
            Some(regex) => {
                let mut captures = regex.create_captures();
                regex.captures(line, &mut captures);
                captures
            }
            None => self.first_tier_captures(line),
        };
        if !captures.is_match() {
            return None;
        }
        Some(
            indices
                .iter()
                .map(|&index| captures.get_group(index).map(|span| span.range()))
                .collect(),
        )
    }

    /// Returns the second tier once this pattern has served enough
    /// searches, compiling it on the search that reaches the count.
    fn second_tier(&self) -> Option<&meta::Regex> {
        if let Some(promoted) = self.promoted.get() {
            return promoted.as_ref();
        }
        if self.searches.fetch_add(1, Ordering::Relaxed) < PROMOTE_AFTER {
            return None;
        }
        self.promoted
            .get_or_init(|| {
                meta::Regex::builder()
                    .syntax(syntax::Config::new().utf8(false))
                    .configure(
                        meta::Config::new()
                            .utf8_empty(false)
                            .nfa_size_limit(Some(SIZE_LIMIT))
                            .hybrid_cache_capacity(DFA_SIZE_LIMIT),
                    )
                    .build(&self.pattern)
                    .ok()
            })
            .as_ref()
    }

    fn first_tier_captures(&self, line: &[u8]) -> Captures {
        let mut captures = Captures::all(self.nfa().group_info().clone());
        let input = Input::new(line);
        CACHES.with(|slot| {
            let mut slot = slot.borrow_mut();
            let caches = match slot.as_mut() {
                Some(caches) => {
                    caches.backtrack.reset(&self.backtracker);
                    caches.pikevm.reset(&self.pikevm);
                    caches
                }
                None => slot.insert(Caches {
                    backtrack: self.backtracker.create_cache(),
                    pikevm: self.pikevm.create_cache(),
                }),
            };
            let backtracked = line.len() <= self.backtracker.max_haystack_len()
                && self
                    .backtracker
                    .try_captures(&mut caches.backtrack, input.clone(), &mut captures)
                    .is_ok();
            if !backtracked {
                self.pikevm.captures(&mut caches.pikevm, input, &mut captures);
            }
        });
        captures
    }
}

fn nfa_error(error: thompson::BuildError) -> BuildError {
    match error.size_limit() {
        Some(limit) => BuildError::TooBig { limit },
        None => BuildError::Compile {
            message: error.to_string(),
        },
    }
}

fn syntax_error(error: regex_syntax::Error) -> BuildError {
    let (offset, message) = match &error {
        regex_syntax::Error::Parse(error) => (error.span().start.offset, error.kind().to_string()),
        regex_syntax::Error::Translate(error) => (error.span().start.offset, error.kind().to_string()),
        _ => {
            return BuildError::Compile {
                message: error.to_string(),
            };
        }
    };
    BuildError::Syntax { offset, message }
}
