//! The scanner that walks a Java pattern once and emits translated pieces.

use super::TranslateError;

/// One piece of the translated pattern. Group names and word boundaries
/// are rendered after the scan, once the engine and all names are known.
pub(super) enum Piece {
    Text(String),
    /// Opens the named group of the capture with this index.
    Capture(usize),
    /// `\k<name>` for the capture with this index.
    Backreference(usize),
    WordBoundary {
        negated: bool,
    },
}

/// A named group in source order.
pub(super) struct Capture {
    pub(super) field: String,
    /// Written `({=field}...)`: a further group for an already captured field.
    pub(super) repeat: bool,
}

/// Inline flags whose effect the scanner applies itself.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Flags {
    /// `s`: `.` matches line terminators too.
    pub(super) dot_all: bool,
    /// `d`: only `\n` ends a line.
    pub(super) unix_lines: bool,
    /// `x`: whitespace and `#` comments are ignored.
    pub(super) comments: bool,
}

/// Result of a successful scan.
pub(super) struct Scanned {
    /// Pieces with the character offset in the source that produced each.
    pub(super) pieces: Vec<(usize, Piece)>,
    pub(super) captures: Vec<Capture>,
    pub(super) backtracking: bool,
    pub(super) source_chars: usize,
}

pub(super) struct Scanner {
    pub(super) chars: Vec<char>,
    pub(super) pos: usize,
    pub(super) flags: Flags,
    /// Open groups: where each starts and the flags to restore at its end.
    pub(super) open_groups: Vec<(usize, Flags)>,
    /// Start offsets of the lookaround groups that are open.
    pub(super) open_lookarounds: Vec<usize>,
    /// Number of lookaround groups seen so far.
    pub(super) lookaround_count: usize,
    /// Field index of each numbered group, `None` for unnamed groups.
    pub(super) numbered_groups: Vec<Option<usize>>,
    /// The previous token was a quantifier, so another one would dangle.
    quantified: bool,
    pub(super) out: Scanned,
}

pub(super) fn error(position: usize, message: impl Into<String>) -> TranslateError {
    TranslateError {
        position,
        message: message.into(),
    }
}

impl Scanner {
    pub(super) fn new(source: &str) -> Self {
        let chars: Vec<char> = source.chars().collect();
        let source_chars = chars.len();
        Scanner {
            chars,
            pos: 0,
            flags: Flags::default(),
            open_groups: Vec::new(),
            open_lookarounds: Vec::new(),
            lookaround_count: 0,
            numbered_groups: Vec::new(),
            quantified: false,
            out: Scanned {
                pieces: Vec::new(),
                captures: Vec::new(),
                backtracking: false,
                source_chars,
            },
        }
    }

    pub(super) fn run(mut self) -> Result<Scanned, TranslateError> {
        while let Some(c) = self.peek() {
            self.step(c)?;
        }
        if let Some(&(start, _)) = self.open_groups.last() {
            return Err(error(start, "group is not closed by ')'"));
        }
        Ok(self.out)
    }

    /// Translates the token that starts with `c` at the current position.
    fn step(&mut self, c: char) -> Result<(), TranslateError> {
        let start = self.pos;
        if self.flags.comments && (c.is_whitespace() || c == '#') {
            self.skip_comment_or_space();
            return Ok(());
        }
        let quantified = std::mem::take(&mut self.quantified);
        if quantified && matches!(c, '*' | '+' | '?' | '{') {
            return Err(error(start, format!("dangling quantifier '{c}': nothing to repeat")));
        }
        match c {
            '\\' => self.read_escape_outside_class()?,
            '[' => self.read_class()?,
            '(' => self.open_group()?,
            ')' => self.close_group()?,
            '{' => self.read_counted_repetition()?,
            '*' | '+' | '?' => {
                self.pos += 1;
                self.push(start, c.to_string());
                self.read_quantifier_suffix();
                self.quantified = true;
            }
            '.' => {
                self.pos += 1;
                self.push(start, self.dot());
            }
            '^' | '$' | '|' => {
                self.pos += 1;
                self.push(start, c.to_string());
            }
            _ => {
                self.pos += 1;
                self.push(start, literal(c));
            }
        }
        Ok(())
    }

    /// Java's `.`: it never matches a line terminator unless `s` is on.
    fn dot(&self) -> String {
        let text = if self.flags.dot_all {
            "(?s:.)"
        } else if self.flags.unix_lines {
            r"[^\n]"
        } else {
            r"[^\n\r\x{85}\x{2028}\x{2029}]"
        };
        text.to_owned()
    }

    /// Reads `{n}`, `{n,}` or `{n,m}`. Java rejects any other `{`, and so
    /// does this scanner.
    fn read_counted_repetition(&mut self) -> Result<(), TranslateError> {
        let start = self.pos;
        let mut end = start + 1;
        while self.chars.get(end).is_some_and(|c| c.is_ascii_digit() || *c == ',') {
            end += 1;
        }
        let body: String = self.chars[start + 1..end].iter().collect();
        let valid = self.chars.get(end) == Some(&'}')
            && !body.starts_with(',')
            && !body.is_empty()
            && body.matches(',').count() <= 1;
        if !valid {
            return Err(error(
                start,
                r"invalid repetition: '{' must start {n}, {n,} or {n,m}; write \{ for a literal brace",
            ));
        }
        self.pos = end + 1;
        self.push(start, format!("{{{body}}}"));
        self.read_quantifier_suffix();
        self.quantified = true;
        Ok(())
    }

    /// Copies a lazy `?` after a quantifier, or a possessive `+`, which only
    /// the backtracking engine supports.
    fn read_quantifier_suffix(&mut self) {
        let start = self.pos;
        match self.peek() {
            Some('?') => {
                self.pos += 1;
                self.push(start, "?".to_owned());
            }
            Some('+') => {
                self.pos += 1;
                self.out.backtracking = true;
                self.push(start, "+".to_owned());
            }
            _ => {}
        }
    }

    /// Skips whitespace or a `#` comment up to the end of the line.
    pub(super) fn skip_comment_or_space(&mut self) {
        if self.peek() == Some('#') {
            while self.peek().is_some_and(|c| c != '\n') {
                self.pos += 1;
            }
        }
        self.pos += 1;
    }

    pub(super) fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    pub(super) fn peek_at(&self, ahead: usize) -> Option<char> {
        self.chars.get(self.pos + ahead).copied()
    }

    pub(super) fn eat(&mut self, expected: &str) -> bool {
        let count = expected.chars().count();
        let matches = self
            .chars
            .get(self.pos..self.pos + count)
            .is_some_and(|window| window.iter().copied().eq(expected.chars()));
        if matches {
            self.pos += count;
        }
        matches
    }

    pub(super) fn push(&mut self, origin: usize, text: String) {
        self.out.pieces.push((origin, Piece::Text(text)));
    }

    pub(super) fn push_piece(&mut self, origin: usize, piece: Piece) {
        self.out.pieces.push((origin, piece));
    }
}

/// Escapes `c` as a literal in either regex syntax, inside or outside a
/// class. Control characters become hex escapes.
pub(super) fn literal(c: char) -> String {
    if c.is_control() {
        format!(r"\x{{{:X}}}", u32::from(c))
    } else {
        regex_syntax::escape(c.encode_utf8(&mut [0; 4]))
    }
}
