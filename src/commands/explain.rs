//! `contentdoc explain CODE`: print the documentation of a lint rule.

use super::Status;
use super::pipeline::write_stdout;
use crate::cli::ExplainArgs;
use crate::lint::{RULES, registry};
use crate::suggest::closest;

/// Prints the rule's documentation; an unknown code is a usage error.
pub fn run(args: &ExplainArgs) -> anyhow::Result<Status> {
    let code = args.code.trim().to_ascii_uppercase();
    let Some(rule) = registry::find(&code) else {
        let hint = match closest(&code, RULES.iter().map(|rule| rule.code)) {
            Some(best) => format!("did you mean `{best}`? "),
            None => String::new(),
        };
        anyhow::bail!(
            "unknown lint code `{}`; {hint}`contentdoc lint --list` lists the codes",
            args.code
        );
    };
    write_stdout(&format!(
        "{}\n\nDefault severity: {}\n",
        rule.doc(),
        rule.severity.as_str()
    ))?;
    Ok(Status::Clean)
}
