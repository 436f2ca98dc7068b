//! Escapes that stand for one character, such as `\t`, `\x41` or `\u00E9`.

use super::TranslateError;
use super::scan::{Scanner, error};

impl Scanner {
    /// Reads the character of an escape such as `\t`, `\x41` or `\.`.
    pub(super) fn read_char_escape(&mut self, start: usize, letter: char) -> Result<char, TranslateError> {
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
        let max_digits = if first.is_some_and(|digit| digit <= 3) { 3 } else { 2 };
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
}
