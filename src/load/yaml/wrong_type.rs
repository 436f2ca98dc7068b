//! Plain messages for serde-saphyr's wrong-type errors.
//!
//! serde-saphyr 2.2 words these errors in Rust terms ("invalid u32",
//! "expected sequence start") and does not name the key. Its position points
//! at the value, so the key is read back from the text in front of the value
//! on that line when it is a plain `key: value` entry.

use crate::diag::{Diagnostic, Position, codes};

/// The key and value at the position of an error, when the line shows them.
#[derive(Debug, Default, PartialEq)]
pub(super) struct Site {
    /// Key in front of the value, as in `score: high`.
    pub key: Option<String>,
    /// The value as written on that line, without a trailing comment.
    pub value: Option<String>,
}

impl Site {
    /// Reads the key and value around 1-based `line` and `column` of `text`.
    pub fn find(text: &str, line: usize, column: usize) -> Site {
        let Some(row) = text.lines().nth(line.saturating_sub(1)) else {
            return Site::default();
        };
        let split = row
            .char_indices()
            .nth(column.saturating_sub(1))
            .map_or(row.len(), |(index, _)| index);
        let (before, after) = row.split_at(split);
        let value = after.split(" #").next().unwrap_or("").trim();
        Site {
            key: key_before(before),
            value: (!value.is_empty()).then(|| value.to_string()),
        }
    }

    /// Returns "`score`" when the key is known, otherwise "this value".
    fn subject(&self) -> String {
        match &self.key {
            Some(key) => format!("`{key}`"),
            None => "this value".to_string(),
        }
    }
}

/// Returns the key of a `key: ` prefix, as in `score: ` or `time: {default_year: `.
fn key_before(before: &str) -> Option<String> {
    let head = before.trim_end().strip_suffix(':')?;
    let start = head
        .rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
        .map_or(0, |index| index + 1);
    let key = &head[start..];
    let opener = head[..start].chars().last();
    let plain = opener.is_none_or(|c| matches!(c, ' ' | '{' | ','));
    (!key.is_empty() && plain).then(|| key.to_string())
}

/// Returns a CD104 diagnostic for a serde-saphyr wrong-type `message`, or
/// `None` when the message is not one of them.
pub(super) fn describe(message: &str, site: &Site, position: Position) -> Option<Diagnostic> {
    let subject = site.subject();
    let example_key = site.key.as_deref().unwrap_or("key");
    let (text, help) = if is_integer_error(message) {
        let unsigned = message.starts_with("invalid u");
        let range = if unsigned { " of 0 or more" } else { "" };
        (
            format!("{subject} must be a whole number{range}"),
            format!("write digits without quotes or a decimal point, such as `{example_key}: 10`"),
        )
    } else if message.starts_with("invalid f32") || message.starts_with("invalid f64") {
        (
            format!("{subject} must be a number"),
            format!("write a number without quotes, such as `{example_key}: 1.5`"),
        )
    } else if message.starts_with("invalid bool") {
        (
            format!("{subject} must be true or false"),
            format!("write `{example_key}: true` or `{example_key}: false`"),
        )
    } else if message.starts_with("expected sequence start") {
        let item = match site.value.as_deref() {
            Some(value) if !value.starts_with(['{', '[', '|', '>']) => value,
            _ => "value",
        };
        (
            format!("{subject} must be a list"),
            format!("write a list even for one item, such as `{example_key}: [{item}]`"),
        )
    } else if message.starts_with("expected mapping start") {
        (
            format!("{subject} must be a mapping of keys to values"),
            "write `name: value` pairs indented below the key, or `{name: value}`".to_string(),
        )
    } else if message.starts_with("expected string scalar") {
        (
            format!("{subject} must be text, not a list or mapping"),
            "write one value; quote it if it starts with `[` or `{`".to_string(),
        )
    } else if message.starts_with("cannot deserialize null into") {
        (
            format!("{subject} is empty"),
            "write a value after the colon, or remove the key if it is optional".to_string(),
        )
    } else if message.starts_with("externally tagged enum expected") {
        (
            format!("{subject} must be one word from the allowed values"),
            "write a single value, not a list or mapping".to_string(),
        )
    } else {
        return None;
    };
    Some(Diagnostic::error(codes::WRONG_TYPE, position, text).with_help(help))
}

fn is_integer_error(message: &str) -> bool {
    let Some(rest) = message.strip_prefix("invalid ") else {
        return false;
    };
    let kind = rest.split_whitespace().next().unwrap_or("");
    matches!(
        kind,
        "u8" | "u16" | "u32" | "u64" | "u128" | "usize" | "i8" | "i16" | "i32" | "i64" | "i128" | "isize"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_reads_block_key() {
        let site = Site::find("id: x\nscore: high # hot\n", 2, 8);
        let expected = Site {
            key: Some("score".into()),
            value: Some("high".into()),
        };
        assert_eq!(site, expected);
    }

    #[test]
    fn site_reads_flow_key() {
        let site = Site::find("time: {default_year: soon}\n", 1, 22);
        assert_eq!(site.key.as_deref(), Some("default_year"));
    }

    #[test]
    fn site_skips_list_items() {
        let site = Site::find("attack: [[a]]\n", 1, 10);
        assert_eq!(site.key, None);
    }
}
