//! Field copies written `source->target`.

use std::collections::BTreeMap;

/// A copy of one field's value to another field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldCopy {
    pub source: String,
    pub target: String,
}

/// A copy text that is not `source->target` with two valid field names.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid field copy {text:?} at offset {position}: {message}")]
pub struct CopyError {
    pub text: String,
    /// Zero-based character offset in the copy text.
    pub position: usize,
    pub message: String,
}

impl FieldCopy {
    /// Parses `source->target`. Spaces around either name are allowed.
    pub fn parse(text: &str) -> Result<FieldCopy, CopyError> {
        let error = |byte_offset: usize, message: String| CopyError {
            text: text.to_owned(),
            position: text[..byte_offset].chars().count(),
            message,
        };
        let Some(arrow) = text.find("->") else {
            return Err(error(0, "expected source->target".to_owned()));
        };
        if let Some(second) = text[arrow + 2..].find("->") {
            return Err(error(arrow + 2 + second, "only one '->' is allowed".to_owned()));
        }
        let source = read_name(&text[..arrow], 0, "source").map_err(|(at, m)| error(at, m))?;
        let target = read_name(&text[arrow + 2..], arrow + 2, "target").map_err(|(at, m)| error(at, m))?;
        if source == target {
            return Err(error(0, format!("field {source} is copied onto itself")));
        }
        Ok(FieldCopy { source, target })
    }
}

/// Validates the trimmed field name in `part`, which starts at byte
/// `offset` of the copy text.
fn read_name(part: &str, offset: usize, side: &str) -> Result<String, (usize, String)> {
    let leading = part.len() - part.trim_start().len();
    let name = part.trim();
    let start = offset + leading;
    if name.is_empty() {
        return Err((start.min(offset + part.len()), format!("missing {side} field name")));
    }
    let invalid = name.char_indices().find(|&(index, c)| {
        let allowed = c.is_ascii_alphabetic() || c == '_' || (index > 0 && c.is_ascii_digit());
        !allowed
    });
    if let Some((index, c)) = invalid {
        let message = format!(
            "invalid character {c:?} in {side} field name {name:?}; a name starts with a letter or underscore and continues with letters, digits or underscores"
        );
        return Err((start + index, message));
    }
    Ok(name.to_owned())
}

/// Applies `copies` in list order. A copy never overwrites a field that
/// already has a value, and a copy whose source is missing does nothing.
/// A copy can read a field written by an earlier copy.
pub(super) fn apply_copies(copies: &[FieldCopy], fields: &mut BTreeMap<String, String>) {
    for copy in copies {
        if fields.contains_key(&copy.target) {
            continue;
        }
        if let Some(value) = fields.get(&copy.source).cloned() {
            fields.insert(copy.target.clone(), value);
        }
    }
}
