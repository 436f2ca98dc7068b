//! `contentdoc lint`: report every problem of a content tree, located, in
//! the format the CI system shows.

use super::Status;
use super::pipeline::{load_catalogue, write_stdout, write_styled_stdout};
use crate::cli::{LintArgs, LintFormat};
use crate::diag::{self, Severity};
use crate::lint::{self, RULES, report};

/// Runs the checks and prints the findings; findings give [`Status::Findings`].
pub fn run(args: &LintArgs) -> anyhow::Result<Status> {
    if args.list {
        write_stdout(&list())?;
        return Ok(Status::Clean);
    }
    let loaded = load_catalogue(&args.content)?;
    let diagnostics = lint::check_with(&loaded.raw, &loaded.catalogue, loaded.diagnostics, !args.no_samples);
    let text = match args.format {
        LintFormat::Human => {
            let mut text = diag::render_human_styled(&diagnostics, &loaded.raw.sources);
            text.push_str(&diag::summary(&diagnostics));
            text.push('\n');
            text
        }
        LintFormat::Json => report::json::render(&diagnostics),
        LintFormat::Github => report::github::render(&diagnostics),
        LintFormat::Sarif => report::sarif::render(&diagnostics),
    };
    write_styled_stdout(&text)?;

    let (errors, warnings) = diag::count(&diagnostics);
    let failed = errors > 0 || (args.deny_warnings && warnings > 0);
    Ok(if failed { Status::Findings } else { Status::Clean })
}

/// Returns one line per rule: code, default severity, name and summary.
pub fn list() -> String {
    RULES
        .iter()
        .map(|rule| {
            let severity = match rule.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            };
            format!("{}  {severity:<7}  {:<28}  {}\n", rule.code, rule.name, rule.summary)
        })
        .collect()
}
