//! Backslash escapes, with Java's meaning.

use super::TranslateError;
use super::scan::{Piece, Scanner, error, literal};

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
            'b' | 'B' => Escape::WordBoundary {
                negated: letter == 'B',
            },
            'A' => Escape::Assertion(r"\A".to_owned()),
            'z' | 'Z' => Escape::Assertion(r"\z".to_owned()),
            'R' => Escape::Assertion(r"(?:\r\n|[\n\x0B\x0C\r\x{85}\x{2028}\x{2029}])".to_owned()),
            'k' => self.read_named_backreference(start)?,
            '1'..='9' => self.read_numbered_backreference(letter),
            'G' | 'X' | 'N' => {
                return Err(error(
                    start,
                    format!(r"\{letter} is not supported by this engine"),
                ));
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

    /// Reads the character of an escape such as `\t`, `\x41` or `\.`.
    fn read_char_escape(&mut self, start: usize, letter: char) -> Result<char, TranslateError> {
        let c = match letter {
            't' => '\t',
            'n' => '\n',
            'r' => '\r',
            'f' => '\x0C',
            'a' => '\x07',
            'e' => '\x1B',
            'c' => self.read_control(start)?,
            '0' => self.read_octal(start)?,
            'x' => self.read_hex(start)?,
            'u' => self.read_utf16(start)?,
            c if c.is_ascii_alphanumeric() => {
                return Err(error(start, format!(r"unknown escape \{c}")));
            }
            c => c,
        };
        Ok(c)
    }

    /// `\cX`: the control character whose code is X's code XOR 0x40.
    fn read_control(&mut self, start: usize) -> Result<char, TranslateError> {
        let value = self
            .peek()
            .filter(char::is_ascii)
            .map(|c| u32::from(c) ^ 0x40)
            .and_then(char::from_u32)
            .ok_or_else(|| error(start, r"\c must be followed by an ASCII character"))?;
        self.pos += 1;
        Ok(value)
    }

    /// `\0n`, `\0nn` or `\0mnn` with octal digits and m ≤ 3.
    fn read_octal(&mut self, start: usize) -> Result<char, TranslateError> {
        let first = self.peek().and_then(|c| c.to_digit(8));
        let max_digits = if first.is_some_and(|digit| digit <= 3) {
            3
        } else {
            2
        };
        let digits = self.take_digits(8, max_digits);
        if digits.is_empty() {
            return Err(error(start, r"\0 must be followed by an octal digit"));
        }
        let value = u32::from_str_radix(&digits, 8).expect("octal digits");
        Ok(char::from_u32(value).expect("octal escapes stay below 0x100"))
    }

    /// `\xhh` or `\x{h...h}`.
    fn read_hex(&mut self, start: usize) -> Result<char, TranslateError> {
        let digits = if self.eat("{") {
            let digits = self.take_digits(16, 8);
            if !self.eat("}") {
                return Err(error(start, r"\x{...} is not closed by '}'"));
            }
            digits
        } else {
            self.take_digits(16, 2)
        };
        u32::from_str_radix(&digits, 16)
            .ok()
            .and_then(char::from_u32)
            .ok_or_else(|| {
                error(
                    start,
                    r"\x must be followed by two hex digits or {hex} with a valid code point",
                )
            })
    }

    /// `\uhhhh`, joining a surrogate pair written as two escapes.
    fn read_utf16(&mut self, start: usize) -> Result<char, TranslateError> {
        let unit = self.read_utf16_unit(start)?;
        if let Some(c) = char::from_u32(unit) {
            return Ok(c);
        }
        let low_start = self.pos;
        let is_high = (0xD800..0xDC00).contains(&unit);
        if is_high && self.eat(r"\u") {
            let low = self.read_utf16_unit(low_start)?;
            if (0xDC00..0xE000).contains(&low) {
                let value = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
                return Ok(char::from_u32(value).expect("surrogate pairs encode valid code points"));
            }
        }
        Err(error(start, format!(r"\u{unit:04X} is a lone surrogate")))
    }

    fn read_utf16_unit(&mut self, start: usize) -> Result<u32, TranslateError> {
        let digits = self.take_digits(16, 4);
        if digits.len() != 4 {
            return Err(error(start, r"\u must be followed by four hex digits"));
        }
        Ok(u32::from_str_radix(&digits, 16).expect("hex digits"))
    }

    fn take_digits(&mut self, radix: u32, max: usize) -> String {
        let mut digits = String::new();
        while digits.len() < max && self.peek().is_some_and(|c| c.is_digit(radix)) {
            digits.push(self.chars[self.pos]);
            self.pos += 1;
        }
        digits
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

/// Returns the ASCII class of a Java shorthand such as `\w`, or `None`.
fn shorthand_class(letter: char) -> Option<String> {
    let (set, negated) = match letter {
        'd' | 'D' => ("0-9", letter == 'D'),
        'w' | 'W' => ("0-9A-Za-z_", letter == 'W'),
        's' | 'S' => (r"\t\n\x0B\x0C\r ", letter == 'S'),
        'h' | 'H' => (
            r"\t \xA0\x{1680}\x{180E}\x{2000}-\x{200A}\x{202F}\x{205F}\x{3000}",
            letter == 'H',
        ),
        'v' | 'V' => (r"\n\x0B\x0C\r\x{85}\x{2028}\x{2029}", letter == 'V'),
        _ => return None,
    };
    Some(bracket(set, negated))
}

/// Maps a Java property name to a class. POSIX names become ASCII classes
/// as in Java, and other names go to the Unicode tables of the regex crates.
fn property_class(name: &str, negated: bool) -> Result<String, String> {
    if let Some(set) = posix_class(name) {
        return Ok(bracket(set, negated));
    }
    let is_block =
        name.starts_with("In") && name[2..].starts_with(|c: char| c.is_ascii_uppercase());
    if is_block {
        return Err(format!(
            r"Unicode blocks such as \p{{{name}}} are not supported"
        ));
    }
    if name.starts_with("java") {
        return Err(format!(
            r"\p{{{name}}} is not supported; use a POSIX or Unicode class"
        ));
    }
    let name = name
        .strip_prefix("Is")
        .filter(|rest| !rest.is_empty())
        .unwrap_or(name);
    let letter = if negated { 'P' } else { 'p' };
    Ok(format!(r"\{letter}{{{name}}}"))
}

fn posix_class(name: &str) -> Option<&'static str> {
    let set = match name {
        "Lower" => "a-z",
        "Upper" => "A-Z",
        "ASCII" => r"\x00-\x7F",
        "Alpha" => "A-Za-z",
        "Digit" => "0-9",
        "Alnum" => "0-9A-Za-z",
        "Punct" => r"!-/:-@\[-`{-~",
        "Graph" => "!-~",
        "Print" => " -~",
        "Blank" => r"\t ",
        "Cntrl" => r"\x00-\x1F\x7F",
        "XDigit" => "0-9A-Fa-f",
        "Space" => r"\t\n\x0B\x0C\r ",
        _ => return None,
    };
    Some(set)
}

fn bracket(set: &str, negated: bool) -> String {
    if negated {
        format!("[^{set}]")
    } else {
        format!("[{set}]")
    }
}
