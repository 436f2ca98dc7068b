//! Translation of Java-dialect field regexes into the syntax of the `regex`
//! and `fancy-regex` crates.
//!
//! Parser content is written for `java.util.regex`. The translation keeps the
//! Java meaning where the Rust engines differ:
//!
//! - `({field}...)` and `(?<field>...)` become `(?P<field>...)`.
//!   `({=field}...)` captures `field` again under a renamed group (such as
//!   `field__2`), because a regex cannot declare one group name twice.
//! - `\w \d \s \b \h \v` and their negations, and the POSIX classes
//!   `\p{Alpha}` and similar, match ASCII only, as in Java without the `U`
//!   flag. Non-ASCII literals, `.` and negated classes still match whole
//!   UTF-8 characters.
//! - `.` excludes every Java line terminator (`\n \r \u0085 \u2028
//!   \u2029`), or only `\n` under the `d` flag.
//! - `\<` and `\>` are literal `<` and `>`, `\Q...\E` quotes text, `\e`,
//!   `\cX`, `\0ooo` and `\uXXXX` (with surrogate pairs) are characters.
//! - `\Z` becomes `\z`, because the engine removes the line terminator
//!   before matching.
//! - Lookaround, backreferences, atomic groups and possessive quantifiers
//!   select the backtracking engine ([`RegexEngine::Backtracking`]).
//!
//! Constructs without a faithful translation are rejected with an error:
//! `\G`, `\X`, `\N{...}`, `\b{...}`, Unicode blocks (`\p{InGreek}`),
//! `\p{javaLowerCase}`-style properties and the flags `U` and `c`.
//!
//! NOTE: `(?i)` folds case with Unicode rules, so it also matches letters
//! such as `é`/`É` that Java folds only under the `u` flag.

mod class;
mod code_point;
mod escape;
mod group;
mod scan;
mod sets;
#[cfg(test)]
mod tests;

use std::collections::HashSet;

use scan::{Piece, Scanned, Scanner};

/// The regex engine a translated pattern needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RegexEngine {
    /// A Thompson NFA of `regex-automata`: linear time, no lookaround or
    /// backreferences.
    Automaton,
    /// `fancy-regex`: backtracking, for lookaround, backreferences, atomic
    /// groups and possessive quantifiers.
    Backtracking,
}

/// A named group of the translated pattern and the field it captures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaptureGroup {
    /// Group name in the translated pattern, such as `user` or `user__2`.
    pub name: String,
    /// Field the group captures, such as `user`.
    pub field: String,
}

/// A field regex in the syntax of the engine it needs.
#[derive(Debug, Clone)]
pub struct TranslatedRegex {
    pattern: String,
    groups: Vec<CaptureGroup>,
    engine: RegexEngine,
    /// (byte offset in `pattern`, char offset in the source) at the start
    /// of every emitted piece, in increasing order.
    origins: Vec<(usize, usize)>,
    source_chars: usize,
}

/// A Java pattern that cannot be translated.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("at offset {position}: {message}")]
pub struct TranslateError {
    /// Zero-based character offset in the source pattern.
    pub position: usize,
    pub message: String,
}

/// Translates a Java-dialect regex; see the module documentation for the
/// rules.
pub fn translate(source: &str) -> Result<TranslatedRegex, TranslateError> {
    let scanned = Scanner::new(source).run()?;
    Ok(render(scanned))
}

impl TranslatedRegex {
    /// Returns the pattern in the syntax of [`Self::engine`].
    pub fn pattern(&self) -> &str {
        &self.pattern
    }

    /// Named groups in pattern order. A field with `({=field}...)` groups
    /// appears once per group.
    pub fn groups(&self) -> &[CaptureGroup] {
        &self.groups
    }

    pub fn engine(&self) -> RegexEngine {
        self.engine
    }

    /// Maps a byte offset in the translated pattern to the zero-based
    /// character offset in the source pattern that produced it.
    pub fn source_position(&self, pattern_offset: usize) -> usize {
        if pattern_offset >= self.pattern.len() {
            return self.source_chars;
        }
        let index = self.origins.partition_point(|&(offset, _)| offset <= pattern_offset);
        index.checked_sub(1).map_or(0, |i| self.origins[i].1)
    }
}

/// Joins the scanned pieces into the final pattern for the chosen engine.
fn render(scanned: Scanned) -> TranslatedRegex {
    let engine = if scanned.backtracking {
        RegexEngine::Backtracking
    } else {
        RegexEngine::Automaton
    };
    let groups = name_groups(&scanned);
    let mut pattern = String::new();
    let mut origins = Vec::with_capacity(scanned.pieces.len());
    for (origin, piece) in &scanned.pieces {
        origins.push((pattern.len(), *origin));
        match piece {
            Piece::Text(text) => pattern.push_str(text),
            Piece::Capture(index) => {
                pattern.push_str(&format!("(?P<{}>", groups[*index].name));
            }
            Piece::Backreference(index) => {
                pattern.push_str(&format!(r"\k<{}>", groups[*index].name));
            }
            Piece::WordBoundary { negated } => {
                pattern.push_str(word_boundary(engine, *negated));
            }
        }
    }
    TranslatedRegex {
        pattern,
        groups,
        engine,
        origins,
        source_chars: scanned.source_chars,
    }
}

/// Names every capture: the first group of a field takes the field name,
/// and each `({=field}...)` group takes `field__N` with the lowest N ≥ 2
/// that no other group uses.
fn name_groups(scanned: &Scanned) -> Vec<CaptureGroup> {
    let mut used_names: HashSet<String> = scanned
        .captures
        .iter()
        .filter(|capture| !capture.repeat)
        .map(|capture| capture.field.clone())
        .collect();
    let mut groups = Vec::with_capacity(scanned.captures.len());
    for capture in &scanned.captures {
        let mut name = capture.field.clone();
        if capture.repeat {
            let mut number = 2;
            while used_names.contains(&format!("{}__{number}", capture.field)) {
                number += 1;
            }
            name = format!("{}__{number}", capture.field);
            used_names.insert(name.clone());
        }
        groups.push(CaptureGroup {
            name,
            field: capture.field.clone(),
        });
    }
    groups
}

/// ASCII word boundary (`\b`) or its negation (`\B`) in the syntax of
/// `engine`. `fancy-regex` rejects `(?-u:...)`, so it gets the boundary
/// spelled out with lookaround.
fn word_boundary(engine: RegexEngine, negated: bool) -> &'static str {
    match (engine, negated) {
        (RegexEngine::Automaton, false) => r"(?-u:\b)",
        (RegexEngine::Automaton, true) => r"(?-u:\B)",
        (RegexEngine::Backtracking, false) => "(?:(?<=[0-9A-Za-z_])(?![0-9A-Za-z_])|(?<![0-9A-Za-z_])(?=[0-9A-Za-z_]))",
        (RegexEngine::Backtracking, true) => "(?:(?<=[0-9A-Za-z_])(?=[0-9A-Za-z_])|(?<![0-9A-Za-z_])(?![0-9A-Za-z_]))",
    }
}
