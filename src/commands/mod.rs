//! One module per subcommand. Each returns the process exit status.

pub mod build;
pub mod explain;
pub mod lint;
pub mod parse;
mod pipeline;
pub mod test;

/// Exit status of a command, following the linter convention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Nothing to report.
    Clean = 0,
    /// The content has errors, or the output is out of date.
    Findings = 1,
}
