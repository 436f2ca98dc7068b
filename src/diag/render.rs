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
    if let Some(line_text) = sources.line(&d.position.file, d.position.line) {
        let number = d.position.line.to_string();
        let pad = " ".repeat(number.len());
        let caret_pad: String = line_text
            .chars()
            .take(d.position.column.saturating_sub(1) as usize)
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
