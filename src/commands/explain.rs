//! `contentdoc explain CODE`: print the documentation of a lint rule.

use super::Status;
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
    println!("{}", rule.doc());
    println!();
    println!("Default severity: {}", rule.severity.as_str());
    Ok(Status::Clean)
}
