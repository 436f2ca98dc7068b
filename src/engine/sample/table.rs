//! The plain-text failure table of a sample result.

use super::SampleResult;

const MISSING: &str = "(missing)";
const NOT_EXPECTED: &str = "(not expected)";

/// Renders one row per failure, with columns padded to equal width.
pub(super) fn render(result: &SampleResult) -> String {
    let rows = failure_rows(result);
    if rows.is_empty() {
        return String::new();
    }
    let header = ["field".to_owned(), "expected".to_owned(), "actual".to_owned()];
    let widths: Vec<usize> = (0..3)
        .map(|column| {
            std::iter::once(&header)
                .chain(&rows)
                .map(|row| row[column].chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();

    let mut table = format_row(&header, &widths);
    let rule: Vec<String> = widths.iter().map(|&width| "-".repeat(width)).collect();
    table.push_str(&rule.join("-+-"));
    table.push('\n');
    for row in &rows {
        table.push_str(&format_row(row, &widths));
    }
    table
}

/// Lists (field, expected, actual) for each failure. Checks that are not
/// about a field use a name in parentheses, such as `(time)`.
fn failure_rows(result: &SampleResult) -> Vec<[String; 3]> {
    let mut rows = Vec::new();
    let mut push = |field: &str, expected: &str, actual: &str| {
        rows.push([field.to_owned(), printable(expected), printable(actual)]);
    };
    if !result.conditions_match() {
        let missing = format!("missing: {}", result.missing_conditions.join(", "));
        push("(conditions)", "all occur in the line", &missing);
    }
    if let Some(selected) = result.outranked_by() {
        push("(parser)", &result.parser, selected);
    }
    if let Some(error) = &result.error {
        push("(parse)", "no error", &error.to_string());
    }
    for mismatch in &result.field_mismatches {
        let expected = mismatch.expected.as_deref().unwrap_or(NOT_EXPECTED);
        let actual = mismatch.actual.as_deref().unwrap_or(MISSING);
        push(&mismatch.field, expected, actual);
    }
    if let Some(time) = &result.time_mismatch {
        push("(time)", &time.expected, &time.actual);
    }
    if let Some(event_type) = &result.event_type_mismatch {
        push("(event type)", &event_type.expected, &event_type.actual);
    }
    rows
}

fn format_row(cells: &[String; 3], widths: &[usize]) -> String {
    let padded: Vec<String> = cells
        .iter()
        .zip(widths)
        .map(|(cell, &width)| format!("{cell:<width$}"))
        .collect();
    format!("{}\n", padded.join(" | ").trim_end())
}

/// Escapes control characters, so that a value stays on one table line.
fn printable(value: &str) -> String {
    value
        .chars()
        .map(|c| {
            if c.is_control() {
                c.escape_default().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}
