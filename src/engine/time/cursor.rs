//! A cursor over a time text, with the reading steps the formats share.

/// A failure at a character offset of the text.
#[derive(Debug)]
pub(super) struct ReadError {
    pub(super) position: usize,
    pub(super) message: String,
}

/// A position in the text being read.
pub(super) struct Cursor<'a> {
    text: &'a str,
    /// Byte offset of the next character.
    offset: usize,
}

impl<'a> Cursor<'a> {
    pub(super) fn new(text: &'a str) -> Self {
        Cursor { text, offset: 0 }
    }

    /// Character offset of the next character.
    pub(super) fn position(&self) -> usize {
        self.text[..self.offset].chars().count()
    }

    pub(super) fn error(&self, message: impl Into<String>) -> ReadError {
        self.error_at(self.position(), message)
    }

    pub(super) fn error_at(&self, position: usize, message: impl Into<String>) -> ReadError {
        ReadError {
            position,
            message: message.into(),
        }
    }

    pub(super) fn rest(&self) -> &'a str {
        &self.text[self.offset..]
    }

    pub(super) fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    pub(super) fn advance(&mut self, bytes: usize) {
        self.offset += bytes;
    }

    pub(super) fn eat(&mut self, c: char) -> bool {
        let matches = self.peek() == Some(c);
        if matches {
            self.offset += c.len_utf8();
        }
        matches
    }

    pub(super) fn expect(&mut self, c: char) -> Result<(), ReadError> {
        if self.eat(c) {
            return Ok(());
        }
        Err(self.error(format!("expected {c:?}")))
    }

    pub(super) fn expect_end(&self) -> Result<(), ReadError> {
        if self.rest().is_empty() {
            return Ok(());
        }
        Err(self.error(format!("unexpected text {:?} after the time", self.rest())))
    }

    /// Reads `min..=max` ASCII digits and returns their value and count.
    pub(super) fn digits(&mut self, min: usize, max: usize) -> Result<(u64, usize), ReadError> {
        let count = self.rest().bytes().take(max).take_while(u8::is_ascii_digit).count();
        if count < min {
            let expected = if min == max {
                format!("{min}")
            } else {
                format!("{min} to {max}")
            };
            return Err(self.error(format!("expected {expected} digits")));
        }
        let value = self.rest()[..count].parse().expect("at most 19 ASCII digits");
        self.offset += count;
        Ok((value, count))
    }

    /// Reads a sign, `+` or `-`, as 1 or -1.
    pub(super) fn sign(&mut self) -> Option<i32> {
        if self.eat('+') {
            Some(1)
        } else if self.eat('-') {
            Some(-1)
        } else {
            None
        }
    }

    /// Reads the longest name of `names` that the text starts with,
    /// ignoring ASCII case.
    pub(super) fn name<T: Copy>(&mut self, names: &[(&str, T)], expected: &str) -> Result<T, ReadError> {
        let rest = self.rest().as_bytes();
        let found = names
            .iter()
            .filter(|(name, _)| rest.len() >= name.len() && rest[..name.len()].eq_ignore_ascii_case(name.as_bytes()))
            .max_by_key(|(name, _)| name.len());
        let Some(&(name, value)) = found else {
            return Err(self.error(format!("expected {expected}")));
        };
        self.offset += name.len();
        Ok(value)
    }
}
