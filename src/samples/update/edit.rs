//! Text edits of one sample, located by the byte spans of its scalars.

use std::ops::Range;

use serde_saphyr::Location;

use super::Expectations;
use crate::load::raw::RawSample;

/// Replaces `range` of the text with `text`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Edit {
    range: Range<usize>,
    text: String,
}

/// Applies non-overlapping edits. Insertions at one offset keep the order
/// in which they were listed.
pub(super) fn apply(text: &str, mut edits: Vec<Edit>) -> String {
    edits.reverse();
    edits.sort_by_key(|edit| std::cmp::Reverse(edit.range.start));
    let mut result = text.to_owned();
    for edit in edits {
        result.replace_range(edit.range, &edit.text);
    }
    result
}

/// Lists the edits that write `update` into `sample`.
pub(super) fn sample_edits(text: &str, sample: &RawSample, update: &Expectations) -> Result<Vec<Edit>, String> {
    let lines = Lines::new(text);
    let log = span(&sample.log.referenced)?;
    let indent = key_indent(text, &lines, log.start)?;
    let newline = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let mut edits = Vec::new();

    if let Some(id) = &update.event_type
        && *id != sample.event_type.value
    {
        edits.push(Edit {
            range: span(&sample.event_type.referenced)?,
            text: quote(id),
        });
    }
    let event_type_end = span(&sample.event_type.referenced)?.end;
    match (&update.time, &sample.time) {
        (Some(time), Some(old)) if *time != old.value => edits.push(Edit {
            range: span(&old.referenced)?,
            text: quote(time),
        }),
        (Some(time), None) => {
            let at = lines.end_of_line(event_type_end);
            let text = format!("{}time: {}{newline}", " ".repeat(indent), quote(time));
            edits.push(Edit { range: at..at, text });
        }
        _ => {}
    }
    edits.push(expect_edit(text, &lines, sample, update, indent, newline)?);
    Ok(edits)
}

/// Replaces the `expect:` block, or inserts one after the sample's last
/// scalar.
fn expect_edit(
    text: &str,
    lines: &Lines,
    sample: &RawSample,
    update: &Expectations,
    indent: usize,
    newline: &str,
) -> Result<Edit, String> {
    let mut block = "expect:".to_owned();
    if update.fields.is_empty() {
        block.push_str(" {}");
    }
    block.push_str(newline);
    for (name, value) in &update.fields {
        block.push_str(&format!(
            "{}{}: {}{newline}",
            " ".repeat(indent + 2),
            key(name),
            quote(value)
        ));
    }

    // The sample starts at its first value, whatever the key order.
    let mut first = span(&sample.log.referenced)?
        .start
        .min(span(&sample.event_type.referenced)?.start);
    for value in sample.time.iter().chain(sample.expect.values()) {
        first = first.min(span(&value.referenced)?.start);
    }
    if let Some(key_start) = find_expect_key(text, lines, first, indent) {
        let mut end = lines.end_of_line(key_start + 1);
        for value in sample.expect.values() {
            end = end.max(lines.end_of_line(span(&value.referenced)?.end));
        }
        return Ok(Edit {
            range: key_start..end,
            text: block,
        });
    }
    let mut last = span(&sample.event_type.referenced)?
        .end
        .max(span(&sample.log.referenced)?.end);
    if let Some(time) = &sample.time {
        last = last.max(span(&time.referenced)?.end);
    }
    let at = lines.end_of_line(last);
    let mut inserted = " ".repeat(indent);
    if at == text.len() && !text.ends_with('\n') {
        inserted.insert_str(0, newline);
    }
    inserted.push_str(&block);
    Ok(Edit {
        range: at..at,
        text: inserted,
    })
}

/// Finds the `expect:` key of the sample that starts at byte `from`:
/// scans the lines of the sample's mapping, whose keys sit at column
/// `indent`, and stops at the first line indented less.
fn find_expect_key(text: &str, lines: &Lines, from: usize, indent: usize) -> Option<usize> {
    let mut line = lines.index_of(from);
    loop {
        let range = lines.range(line)?;
        let content = &text[range.clone()];
        let key_at = item_key_offset(content);
        let blank = content.trim().is_empty() || content.trim_start().starts_with('#');
        let starts_item = content[..key_at].contains('-');
        let first = line == lines.index_of(from);
        if !first && !blank && (key_at < indent || starts_item) {
            return None;
        }
        if key_at == indent && content[key_at..].starts_with("expect:") {
            return Some(range.start + key_at);
        }
        line += 1;
    }
}

/// Column of the sample's keys: the offset of the `log` key on its line.
fn key_indent(text: &str, lines: &Lines, log_start: usize) -> Result<usize, String> {
    let line_start = lines.range(lines.index_of(log_start)).map_or(0, |range| range.start);
    let prefix = &text[line_start..log_start];
    let key_at = item_key_offset(prefix);
    if prefix[key_at..].trim_end() != "log:" {
        return Err(
            "the sample is not a block mapping with `log:` on its own line; write it in block style to update it"
                .to_owned(),
        );
    }
    Ok(key_at)
}

/// Offset of the first key on a line: after spaces and `- ` item markers.
fn item_key_offset(line: &str) -> usize {
    let mut offset = 0;
    loop {
        let rest = &line[offset..];
        if let Some(after) = rest.strip_prefix(' ') {
            offset = line.len() - after.len();
        } else if let Some(after) = rest.strip_prefix("- ") {
            offset = line.len() - after.len();
        } else {
            return offset;
        }
    }
}

fn span(location: &Location) -> Result<Range<usize>, String> {
    let span = location.span();
    match (span.byte_offset(), span.byte_len()) {
        (Some(offset), Some(len)) => Ok(offset as usize..(offset + len) as usize),
        _ => Err("the YAML reader gave no byte position for the sample".to_owned()),
    }
}

/// Writes a value single-quoted, or double-quoted with JSON escapes when it
/// contains a control character, which single quotes cannot keep.
pub(super) fn quote(value: &str) -> String {
    if value.chars().any(char::is_control) {
        return serde_json::to_string(value).expect("a string serialises to JSON");
    }
    format!("'{}'", value.replace('\'', "''"))
}

/// Writes a field name plain when it is an identifier, else quoted.
fn key(name: &str) -> String {
    let plain = name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if plain { name.to_owned() } else { quote(name) }
}

/// Byte ranges of the lines of a text, without their line terminators.
struct Lines {
    starts: Vec<usize>,
    len: usize,
    text_ends: Vec<usize>,
}

impl Lines {
    fn new(text: &str) -> Lines {
        let mut starts = vec![0];
        let mut text_ends = Vec::new();
        for (index, byte) in text.bytes().enumerate() {
            if byte == b'\n' {
                let end = if index > 0 && text.as_bytes()[index - 1] == b'\r' {
                    index - 1
                } else {
                    index
                };
                text_ends.push(end);
                starts.push(index + 1);
            }
        }
        text_ends.push(text.len());
        Lines {
            starts,
            len: text.len(),
            text_ends,
        }
    }

    /// Index of the line that contains byte `offset`.
    fn index_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&start| start <= offset) - 1
    }

    fn range(&self, line: usize) -> Option<Range<usize>> {
        let start = *self.starts.get(line)?;
        (start < self.len || line == 0).then(|| start..self.text_ends[line])
    }

    /// Byte just after the line terminator of the line containing `offset`,
    /// or the end of the text.
    fn end_of_line(&self, offset: usize) -> usize {
        let line = self.index_of(offset.saturating_sub(1));
        self.starts.get(line + 1).copied().unwrap_or(self.len)
    }
}
