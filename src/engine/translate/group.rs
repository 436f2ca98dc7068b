//! Groups: captures, lookaround, atomic groups and inline flags.

use super::TranslateError;
use super::scan::{Capture, Flags, Piece, Scanner, error};

/// Maximum number of lookaround groups in one regex. Each one is a search
/// of its own at every position, so their cost adds up unseen by the
/// backtrack limit. Real field regexes use one or two.
pub const MAX_LOOKAROUNDS: usize = 4;

impl Scanner {
    /// Translates the opening of a group at the current `(`.
    pub(super) fn open_group(&mut self) -> Result<(), TranslateError> {
        let start = self.pos;
        self.pos += 1;
        if self.eat("{=") {
            let field = self.read_name(start, '}')?;
            return self.open_capture(start, field, true);
        }
        if self.eat("{") {
            let field = self.read_name(start, '}')?;
            return self.open_capture(start, field, false);
        }
        for lookaround in ["?=", "?!", "?<=", "?<!", "?>"] {
            if self.eat(lookaround) {
                self.out.backtracking = true;
                if lookaround != "?>" {
                    // Each lookaround runs a search at every position it is
                    // tried, which the backtrack limit does not count. Nested,
                    // they multiply to minutes on a few KiB of log line.
                    if !self.open_lookarounds.is_empty() {
                        return Err(error(start, "a lookaround inside another lookaround is not supported"));
                    }
                    self.lookaround_count += 1;
                    if self.lookaround_count > MAX_LOOKAROUNDS {
                        return Err(error(
                            start,
                            format!("more than {MAX_LOOKAROUNDS} lookarounds in one regex are not supported"),
                        ));
                    }
                    self.open_lookarounds.push(start);
                }
                self.enter(start, format!("({lookaround}"));
                return Ok(());
            }
        }
        if self.eat("?P<") || self.eat("?<") {
            let field = self.read_name(start, '>')?;
            return self.open_capture(start, field, false);
        }
        if self.eat("?") {
            return self.read_flags(start);
        }
        self.numbered_groups.push(None);
        self.enter(start, "(".to_owned());
        Ok(())
    }

    pub(super) fn close_group(&mut self) -> Result<(), TranslateError> {
        let start = self.pos;
        let Some((group_start, flags)) = self.open_groups.pop() else {
            return Err(error(start, "unmatched ')'"));
        };
        if self.open_lookarounds.last() == Some(&group_start) {
            self.open_lookarounds.pop();
        }
        self.flags = flags;
        self.pos += 1;
        self.push(start, ")".to_owned());
        Ok(())
    }

    /// Records that a group opens at `start`, so that `)` restores the flags.
    fn enter(&mut self, start: usize, text: String) {
        self.open_groups.push((start, self.flags));
        self.push(start, text);
    }

    fn open_capture(&mut self, start: usize, field: String, repeat: bool) -> Result<(), TranslateError> {
        let earlier = self.capture_index(&field);
        if repeat && earlier.is_none() {
            return Err(error(
                start,
                format!("({{={field}}}...) repeats field {field}, but no earlier group captures it"),
            ));
        }
        if !repeat && earlier.is_some() {
            return Err(error(
                start,
                format!(
                    "field {field} is captured twice; write ({{={field}}}...) to capture it again in another branch"
                ),
            ));
        }
        let index = self.out.captures.len();
        self.out.captures.push(Capture { field, repeat });
        self.numbered_groups.push(Some(index));
        self.open_groups.push((start, self.flags));
        self.push_piece(start, Piece::Capture(index));
        Ok(())
    }

    /// Index of the first capture of `field`.
    pub(super) fn capture_index(&self, field: &str) -> Option<usize> {
        self.out.captures.iter().position(|capture| capture.field == field)
    }

    /// Reads a field name up to `close`. A valid name matches
    /// `[A-Za-z_][A-Za-z0-9_]*`.
    pub(super) fn read_name(&mut self, start: usize, close: char) -> Result<String, TranslateError> {
        let name_start = self.pos;
        while self.peek().is_some_and(|c| c != close) {
            self.pos += 1;
        }
        if self.peek() != Some(close) {
            return Err(error(start, format!("group name is not closed by '{close}'")));
        }
        let name: String = self.chars[name_start..self.pos].iter().collect();
        self.pos += 1;
        if let Some(offset) = invalid_name_offset(&name) {
            return Err(error(
                name_start + offset,
                format!(
                    "invalid field name {name:?}: a name starts with a letter or underscore and continues with letters, digits or underscores"
                ),
            ));
        }
        Ok(name)
    }

    /// Reads `(?flags)` or `(?flags:`. The flags `i`, `m` and `s` are passed
    /// on, and the scanner applies `s`, `d` and `x` itself. It drops `u`
    /// because case folding is already Unicode-aware.
    fn read_flags(&mut self, start: usize) -> Result<(), TranslateError> {
        let (flags, passed_on) = self.read_flag_letters(start)?;
        let opens_group = self.chars[self.pos - 1] == ':';
        if opens_group {
            self.enter(start, format!("(?{passed_on}:"));
        } else if !passed_on.is_empty() {
            self.push(start, format!("(?{passed_on})"));
        }
        self.flags = flags;
        Ok(())
    }

    /// Reads flag letters up to `)` or `:`. Returns the new flags and the
    /// flags to pass on in regex syntax, such as `i-s`.
    fn read_flag_letters(&mut self, start: usize) -> Result<(Flags, String), TranslateError> {
        let mut flags = self.flags;
        let mut on = String::new();
        let mut off = String::new();
        let mut negate = false;
        loop {
            let at = self.pos;
            let c = self.peek().ok_or_else(|| error(start, "group is not closed by ')'"))?;
            self.pos += 1;
            match c {
                ')' | ':' => break,
                '-' if !negate => negate = true,
                'i' | 'm' | 's' => (if negate { &mut off } else { &mut on }).push(c),
                'd' => flags.unix_lines = !negate,
                'x' => flags.comments = !negate,
                'u' => {}
                'U' | 'c' => {
                    return Err(error(at, format!("flag {c} is not supported by this engine")));
                }
                _ => return Err(error(at, format!("unknown group flag {c:?}"))),
            }
            if c == 's' {
                flags.dot_all = !negate;
            }
        }
        let passed_on = if off.is_empty() { on } else { format!("{on}-{off}") };
        Ok((flags, passed_on))
    }
}

/// Char offset of the first character that makes `name` invalid.
fn invalid_name_offset(name: &str) -> Option<usize> {
    let mut chars = name.chars();
    match chars.next() {
        None => return Some(0),
        Some(c) if !(c.is_ascii_alphabetic() || c == '_') => return Some(0),
        Some(_) => {}
    }
    chars
        .position(|c| !(c.is_ascii_alphanumeric() || c == '_'))
        .map(|index| index + 1)
}
