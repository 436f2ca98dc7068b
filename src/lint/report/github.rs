//! `--format github`: GitHub Actions workflow commands, one line per
//! finding, which GitHub shows as annotations on the pull request:
//! `::error file=F,line=L,col=C,title=CODE::MESSAGE`.

use super::display_path;
use crate::diag::{Diagnostic, Severity};
use crate::lint::invisible;

/// Renders one workflow command line per diagnostic.
pub fn render(diagnostics: &[Diagnostic]) -> String {
    let mut out = String::new();
    for d in diagnostics {
        let command = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let mut message = d.message.clone();
        if let Some(help) = &d.help {
            message.push_str("\nhelp: ");
            message.push_str(help);
        }
        out.push_str(&format!(
            "::{command} file={},line={},col={},title={}::{}\n",
            escape_property(&display_path(&d.position.file)),
            d.position.line,
            d.position.column,
            escape_property(d.code),
            escape_data(&message)
        ));
    }
    out
}

/// Escapes a message the way the Actions runner unescapes it, and shows
/// invisible characters as `<U+200B>` so they cannot reorder the annotation.
fn escape_data(text: &str) -> String {
    invisible::escape(text)
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value, where `:` and `,` are also separators.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_escape_covers_percent_and_newlines() {
        assert_eq!(escape_data("100%\r\nnext: a,b"), "100%25%0D%0Anext: a,b");
    }

    #[test]
    fn property_escape_covers_separators() {
        assert_eq!(escape_property("C:\\a,b%"), "C%3A\\a%2Cb%25");
    }
}
