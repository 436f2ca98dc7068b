//! Human-readable rendering of diagnostics, with a source excerpt and a caret.

use std::fmt::Write;

use super::Diagnostic;
use crate::load::SourceMap;

/// Renders diagnostics the way rustc does: header, location, excerpt, help.
pub fn render_human(diagnostics: &[Diagnostic], sources: &SourceMap) -> String {
    let mut out = String::new();
    for diagnostic in diagnostics {
        render_one(&mut out, diagnostic, sources);
        out.push('\n');
    }
    out
}

fn render_one(out: &mut String, d: &Diagnostic, sources: &SourceMap) {
    let _ = writeln!(out, "{}[{}]: {}", d.severity.as_str(), d.code, d.message);
    let _ = writeln!(out, "  --> {}", d.position);
    if let Some(line_text) = sources.line(&d.position.file, d.position.line) {
        let number = d.position.line.to_string();
        let pad = " ".repeat(number.len());
        let caret_pad: String = line_text
            .chars()
            .take(d.position.column.saturating_sub(1) as usize)
            .map(|c| if c == '\t' { '\t' } else { ' ' })
            .collect();
        let _ = writeln!(out, "{pad} |");
        let _ = writeln!(out, "{number} | {line_text}");
        let _ = writeln!(out, "{pad} | {caret_pad}^");
    }
    if let Some(help) = &d.help {
        let _ = writeln!(out, "  = help: {help}");
    }
}
