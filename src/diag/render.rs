//! Human-readable rendering of diagnostics, with a source excerpt and a caret.
//!
//! The styled form carries ANSI colour codes; print it through
//! `anstream`, which removes them when the output is not a terminal.

use std::fmt::Write;

use anstyle::{AnsiColor, Style};

use super::{Diagnostic, Severity, count};
use crate::lint::invisible::escape;
use crate::load::SourceMap;

/// Colours of the parts of a diagnostic; all plain when unstyled.
struct Palette {
    error: Style,
    warning: Style,
    gutter: Style,
    help: Style,
}

impl Palette {
    fn new(styled: bool) -> Self {
        if !styled {
            return Palette {
                error: Style::new(),
                warning: Style::new(),
                gutter: Style::new(),
                help: Style::new(),
            };
        }
        let bold = Style::new().bold();
        Palette {
            error: bold.fg_color(Some(AnsiColor::Red.into())),
            warning: bold.fg_color(Some(AnsiColor::Yellow.into())),
            gutter: bold.fg_color(Some(AnsiColor::Blue.into())),
            help: bold.fg_color(Some(AnsiColor::Cyan.into())),
        }
    }

    fn severity(&self, severity: Severity) -> Style {
        match severity {
            Severity::Error => self.error,
            Severity::Warning => self.warning,
        }
    }
}

/// Renders diagnostics the way rustc does: header, location, excerpt, help.
pub fn render_human(diagnostics: &[Diagnostic], sources: &SourceMap) -> String {
    render(diagnostics, sources, &Palette::new(false))
}

/// Renders like [`render_human`], with ANSI colours.
pub fn render_human_styled(diagnostics: &[Diagnostic], sources: &SourceMap) -> String {
    render(diagnostics, sources, &Palette::new(true))
}

/// Returns the closing line of a report, such as `2 errors, 1 warning`.
pub fn summary(diagnostics: &[Diagnostic]) -> String {
    let (errors, warnings) = count(diagnostics);
    if errors + warnings == 0 {
        return "no problems found".to_string();
    }
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    format!("{}, {}", plural(errors, "error"), plural(warnings, "warning"))
}

fn render(diagnostics: &[Diagnostic], sources: &SourceMap, palette: &Palette) -> String {
    let mut out = String::new();
    for diagnostic in diagnostics {
        render_one(&mut out, diagnostic, sources, palette);
        out.push('\n');
    }
    out
}

/// Widest source line shown in full, in characters.
const MAX_EXCERPT_CHARS: usize = 160;

/// Cuts a long source line to a window around the 0-based character
/// `column`, marking cut ends with `…`, so one long line with many
/// findings cannot make the report grow with the square of its length.
/// Returns the text and the column within it.
fn excerpt(line: &str, column: usize) -> (String, usize) {
    let chars: Vec<char> = line.chars().collect();
    if chars.len() <= MAX_EXCERPT_CHARS {
        return (line.to_string(), column);
    }
    let start = column.saturating_sub(MAX_EXCERPT_CHARS / 2).min(chars.len());
    let end = (start + MAX_EXCERPT_CHARS).min(chars.len());
    let mut text = String::new();
    let mut shift = 0;
    if start > 0 {
        text.push('…');
        shift = 1;
    }
    text.extend(&chars[start..end]);
    if end < chars.len() {
        text.push('…');
    }
    (text, column - start + shift)
}

fn render_one(out: &mut String, d: &Diagnostic, sources: &SourceMap, palette: &Palette) {
    let severity = palette.severity(d.severity);
    let gutter = palette.gutter;
    let message = escape(&d.message);
    let _ = writeln!(
        out,
        "{severity}{}[{}]{severity:#}: {message}",
        d.severity.as_str(),
        d.code
    );
    let _ = writeln!(out, "  {gutter}-->{gutter:#} {}", d.position);
    if let Some(full_line) = sources.line(&d.position.file, d.position.line) {
        let (line_text, column) = excerpt(full_line, d.position.column.saturating_sub(1) as usize);
        let line_text = line_text.as_str();
        let number = d.position.line.to_string();
        let pad = " ".repeat(number.len());
        let caret_pad: String = line_text
            .chars()
            .take(column)
            .map(|c| match c {
                '\t' => "\t".to_string(),
                _ => " ".repeat(escape(c.encode_utf8(&mut [0; 4])).chars().count()),
            })
            .collect();
        let _ = writeln!(out, "{pad} {gutter}|{gutter:#}");
        let _ = writeln!(out, "{gutter}{number} |{gutter:#} {}", escape(line_text));
        let _ = writeln!(out, "{pad} {gutter}|{gutter:#} {caret_pad}{severity}^{severity:#}");
    }
    if let Some(help) = &d.help {
        let help_style = palette.help;
        let _ = writeln!(out, "  {help_style}= help{help_style:#}: {}", escape(help));
    }
}

#[cfg(test)]
mod tests {
    use super::excerpt;

    #[test]
    fn excerpt_keeps_short_lines() {
        assert_eq!(excerpt("use_cases: [x]", 12), ("use_cases: [x]".to_string(), 12));
    }

    #[test]
    fn excerpt_cuts_long_lines_around_column() {
        let line = format!("{}X{}", "a".repeat(1000), "b".repeat(1000));
        let (text, column) = excerpt(&line, 1000);
        assert_eq!(text.chars().count(), 162);
        assert!(text.starts_with('…'));
        assert!(text.ends_with('…'));
        assert_eq!(text.chars().nth(column), Some('X'));
    }
}
