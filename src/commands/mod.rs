//! One module per subcommand. Each returns the process exit status.

pub mod build;
pub mod diff;
pub mod explain;
pub mod export;
pub mod lint;
pub mod parse;
pub mod pipeline;
mod progress;
pub mod schema;
pub mod serve;
pub mod test;

/// Exit status of a command, following the linter convention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Nothing to report.
    Clean = 0,
    /// The content has errors, or the output is out of date.
    Findings = 1,
}
