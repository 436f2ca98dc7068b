//! Bracketed character classes.

use super::TranslateError;
use super::escape::Escape;
use super::scan::{Scanner, error, literal};

/// What the class scanner emitted last, which decides whether a `-` forms
/// a range.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Last {
    /// The class start, `&&`, a nested class or a completed range.
    Other,
    /// A single character that can start a range.
    Char,
    /// A `-` that forms a range with the previous character.
    RangeDash,
}

impl Scanner {
    /// Translates the class at the current `[`, with nested classes.
    pub(super) fn read_class(&mut self) -> Result<(), TranslateError> {
        let start = self.pos;
        self.open_class();
        let mut last = Last::Other;
        loop {
            let Some(c) = self.peek() else {
                return Err(error(start, "character class is not closed by ']'"));
            };
            match self.read_class_item(c, last)? {
                Some(next) => last = next,
                None => return Ok(()),
            }
        }
    }

    /// Emits `[` or `[^`, and an escaped `]` when one follows directly,
    /// because a `]` there is a literal in Java.
    fn open_class(&mut self) {
        let start = self.pos;
        self.pos += 1;
        let head = if self.eat("^") { "[^" } else { "[" };
        self.push(start, head.to_owned());
        if self.peek() == Some(']') {
            self.push(self.pos, r"\]".to_owned());
            self.pos += 1;
        }
    }

    /// Translates the class item that starts with `c`. Returns the new
    /// range state, or `None` at the closing `]`.
    fn read_class_item(&mut self, c: char, last: Last) -> Result<Option<Last>, TranslateError> {
        let at = self.pos;
        if self.flags.comments && (c.is_whitespace() || c == '#') {
            self.skip_comment_or_space();
            return Ok(Some(last));
        }
        let next = match c {
            ']' => {
                self.pos += 1;
                self.push(at, "]".to_owned());
                return Ok(None);
            }
            '[' => {
                self.read_class()?;
                Last::Other
            }
            '&' if self.peek_at(1) == Some('&') => {
                self.pos += 2;
                self.push(at, "&&".to_owned());
                Last::Other
            }
            '-' => self.read_dash(last),
            '\\' => self.read_escape_in_class(at, last)?,
            _ => {
                self.pos += 1;
                self.push(at, literal(c));
                after_char(last)
            }
        };
        Ok(Some(next))
    }

    /// Emits a range `-` after a single character when a single character
    /// follows, and an escaped literal `-` otherwise.
    fn read_dash(&mut self, last: Last) -> Last {
        let at = self.pos;
        self.pos += 1;
        let next = self.peek();
        let ends_range = match next {
            None | Some(']') | Some('[') => false,
            Some('&') => self.peek_at(1) != Some('&'),
            Some('\\') => !self.peek_at(1).is_some_and(|c| "wWdDsShHvVpPQ".contains(c)),
            Some(_) => true,
        };
        if last == Last::Char && ends_range {
            self.push(at, "-".to_owned());
            Last::RangeDash
        } else {
            self.push(at, r"\-".to_owned());
            after_char(last)
        }
    }

    fn read_escape_in_class(&mut self, at: usize, last: Last) -> Result<Last, TranslateError> {
        match self.read_escape()? {
            Escape::Char(c) => {
                self.push(at, literal(c));
                Ok(after_char(last))
            }
            Escape::Set(text) => {
                self.push(at, text);
                Ok(Last::Other)
            }
            Escape::Quoted(text) => {
                self.push(at, regex_syntax::escape(&text));
                Ok(if text.is_empty() { last } else { Last::Other })
            }
            _ => Err(error(at, "this escape is not allowed inside a character class")),
        }
    }
}

/// State after a single character: it ends a pending range or may start one.
fn after_char(last: Last) -> Last {
    if last == Last::RangeDash {
        Last::Other
    } else {
        Last::Char
    }
}
