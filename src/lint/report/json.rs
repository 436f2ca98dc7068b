//! `--format json`: one JSON object, stable across releases.
//!
//! Shape (version 1):
//!
//! ```json
//! {
//!   "version": 1,
//!   "diagnostics": [
//!     {
//!       "code": "CD204",
//!       "name": "dangling-reference",
//!       "severity": "error",
//!       "message": "unknown use case `phising`",
//!       "help": "did you mean `phishing`?",
//!       "file": "content/rules/R-1.yaml",
//!       "line": 4,
//!       "column": 13
//!     }
//!   ],
//!   "summary": { "errors": 1, "warnings": 0 }
//! }
//! ```
//!
//! `help` is null when there is no advice; `line` and `column` start at 1.
//! Fields may be added in a later version; none is removed or renamed
//! without raising `version`.

use serde::Serialize;

use super::display_path;
use crate::diag::{self, Diagnostic, Severity};
use crate::lint::registry;

#[derive(Serialize)]
struct Report<'a> {
    version: u32,
    diagnostics: Vec<Entry<'a>>,
    summary: Summary,
}

#[derive(Serialize)]
struct Entry<'a> {
    code: &'a str,
    name: &'a str,
    severity: Severity,
    message: &'a str,
    help: Option<&'a str>,
    file: String,
    line: u64,
    column: u64,
}

#[derive(Serialize)]
struct Summary {
    errors: usize,
    warnings: usize,
}

/// Renders `diagnostics` as the JSON report, pretty-printed, with a final newline.
pub fn render(diagnostics: &[Diagnostic]) -> String {
    let (errors, warnings) = diag::count(diagnostics);
    let report = Report {
        version: 1,
        diagnostics: diagnostics.iter().map(entry).collect(),
        summary: Summary { errors, warnings },
    };
    let mut text = serde_json::to_string_pretty(&report).unwrap_or_default();
    text.push('\n');
    text
}

fn entry(d: &Diagnostic) -> Entry<'_> {
    Entry {
        code: d.code,
        name: registry::find(d.code).map_or("", |rule| rule.name),
        severity: d.severity,
        message: &d.message,
        help: d.help.as_deref(),
        file: display_path(&d.position.file),
        line: d.position.line,
        column: d.position.column,
    }
}
