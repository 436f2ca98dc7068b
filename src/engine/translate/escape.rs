//! Backslash escapes, with Java's meaning.

use super::TranslateError;
use super::scan::{Piece, Scanner, error, literal};
use super::sets::{property_class, shorthand_class};

/// Meaning of one escape sequence.
pub(super) enum Escape {
    Char(char),
    /// A bracketed class, valid inside and outside a class.
    Set(String),
    /// Text of `\Q...\E`.
    Quoted(String),
    /// Text that is only valid outside a class, such as `\A`.
    Assertion(String),
    WordBoundary {
        negated: bool,
    },
    /// `\k<name>` or a numbered backreference to a named group.
    NamedBackreference(usize),
}

impl Scanner {
    pub(super) fn read_escape_outside_class(&mut self) -> Result<(), TranslateError> {
        let start = self.pos;
        let piece = match self.read_escape()? {
            Escape::Char(c) => Piece::Text(literal(c)),
            Escape::Set(text) | Escape::Assertion(text) => Piece::Text(text),
            Escape::Quoted(text) => Piece::Text(regex_syntax::escape(&text)),
            Escape::WordBoundary { negated } => Piece::WordBoundary { negated },
            Escape::NamedBackreference(index) => Piece::Backreference(index),
        };
        self.push_piece(start, piece);
        Ok(())
    }

    /// Reads the escape at the current backslash.
    pub(super) fn read_escape(&mut self) -> Result<Escape, TranslateError> {
        let start = self.pos;
        self.pos += 1;
        let Some(letter) = self.peek() else {
            return Err(error(start, "pattern ends with a lone backslash"));
        };
        self.pos += 1;
        let escape = match letter {
            'Q' => Escape::Quoted(self.read_quoted()),
            'p' | 'P' => Escape::Set(self.read_property(start, letter == 'P')?),
            'b' | 'B' if self.peek() == Some('{') => {
                return Err(error(start, r"\b{...} boundaries are not supported"));
            }
            'b' | 'B' => Escape::WordBoundary { negated: letter == 'B' },
            'A' => Escape::Assertion(r"\A".to_owned()),
            'z' | 'Z' => Escape::Assertion(r"\z".to_owned()),
            'R' => Escape::Assertion(r"(?:\r\n|[\n\x0B\x0C\r\x{85}\x{2028}\x{2029}])".to_owned()),
            'k' => self.read_named_backreference(start)?,
            '1'..='9' => self.read_numbered_backreference(letter),
            'G' | 'X' | 'N' => {
                return Err(error(start, format!(r"\{letter} is not supported by this engine")));
            }
            _ => match shorthand_class(letter) {
                Some(set) => Escape::Set(set),
                None => Escape::Char(self.read_char_escape(start, letter)?),
            },
        };
        Ok(escape)
    }

    /// Reads the text up to `\E` or the end of the pattern.
    fn read_quoted(&mut self) -> String {
        let mut text = String::new();
        while let Some(c) = self.peek() {
            if self.eat(r"\E") {
                break;
            }
            text.push(c);
            self.pos += 1;
        }
        text
    }

    /// `\k<name>`: a backreference to the first group of a field.
    fn read_named_backreference(&mut self, start: usize) -> Result<Escape, TranslateError> {
        if !self.eat("<") {
            return Err(error(start, r"\k must be followed by <name>"));
        }
        let name = self.read_name(start, '>')?;
        let index = self
            .capture_index(&name)
            .ok_or_else(|| error(start, format!(r"\k<{name}> refers to no earlier group")))?;
        self.out.backtracking = true;
        Ok(Escape::NamedBackreference(index))
    }

    /// `\n...`: Java reads further digits only while the number stays within
    /// the groups opened so far.
    fn read_numbered_backreference(&mut self, first: char) -> Escape {
        let mut number = first.to_digit(10).expect("a digit") as usize;
        while let Some(digit) = self.peek().and_then(|c| c.to_digit(10)) {
            let longer = number * 10 + digit as usize;
            if longer > self.numbered_groups.len() {
                break;
            }
            number = longer;
            self.pos += 1;
        }
        self.out.backtracking = true;
        match self.numbered_groups.get(number - 1) {
            Some(Some(index)) => Escape::NamedBackreference(*index),
            _ => Escape::Assertion(format!(r"(?:\{number})")),
        }
    }

    /// `\p{Name}`, `\pL` and their negations `\P...`.
    fn read_property(&mut self, start: usize, negated: bool) -> Result<String, TranslateError> {
        let name = if self.eat("{") {
            let name_start = self.pos;
            while self.peek().is_some_and(|c| c != '}') {
                self.pos += 1;
            }
            if !self.eat("}") {
                return Err(error(start, r"\p{...} is not closed by '}'"));
            }
            self.chars[name_start..self.pos - 1].iter().collect()
        } else {
            let letter = self
                .peek()
                .ok_or_else(|| error(start, r"\p must be followed by a name"))?;
            self.pos += 1;
            letter.to_string()
        };
        property_class(&name, negated).map_err(|message| error(start, message))
    }
}
