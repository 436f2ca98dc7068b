//! Command-line interface definition.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Render, test and lint security detection content kept as YAML.
#[derive(Debug, Parser)]
#[command(name = "contentdoc", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the Markdown catalogue from the content tree.
    Build(BuildArgs),
    /// Check the content tree and report every problem with its location.
    Lint(LintArgs),
    /// Print the documentation of a lint code, such as CD204.
    Explain(ExplainArgs),
    /// Check the parsers' sample lines against their expectations.
    Test(TestArgs),
    /// Parse log lines and print one JSON object per line.
    Parse(ParseArgs),
}

/// Options that say where the content is and which ATT&CK data to use.
#[derive(Debug, Clone, Args)]
pub struct ContentArgs {
    /// Content directory to read.
    #[arg(long, value_name = "DIR", default_value = "content")]
    pub content: PathBuf,

    /// ATT&CK STIX 2.1 bundle (enterprise-attack.json) to use instead of the
    /// bundled ATT&CK data or the `attack` setting in contentdoc.yaml.
    #[arg(long, value_name = "FILE")]
    pub attack: Option<PathBuf>,
}

#[derive(Debug, Clone, Args)]
pub struct BuildArgs {
    #[command(flatten)]
    pub content: ContentArgs,

    /// Output directory; Markdown is written to <DIR>/markdown.
    #[arg(long, value_name = "DIR", default_value = "site")]
    pub out: PathBuf,

    /// Directory of templates that replace the built-in ones by name
    /// (e.g. <DIR>/markdown/product.md). Defaults to ./templates when it exists.
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,

    /// Write nothing; list the files that are stale, missing or extra in the
    /// output and exit with status 1 if there are any.
    #[arg(long)]
    pub check: bool,

    /// Write into an output folder that contentdoc did not create, replacing
    /// only the files it generates.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Clone, Args)]
pub struct LintArgs {
    #[command(flatten)]
    pub content: ContentArgs,

    /// Output format of the findings.
    #[arg(long, value_enum, default_value_t = LintFormat::Human)]
    pub format: LintFormat,

    /// Exit with status 1 when there are warnings, not only on errors.
    #[arg(long)]
    pub deny_warnings: bool,

    /// List every lint code with its default severity and summary, and exit.
    #[arg(long)]
    pub list: bool,
}

/// Output format of `contentdoc lint`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LintFormat {
    /// rustc-like messages with a source excerpt, coloured on a terminal.
    Human,
    /// One JSON object with the findings and a summary.
    Json,
    /// GitHub Actions workflow commands, shown as pull request annotations.
    Github,
    /// SARIF 2.1.0, for code-scanning services.
    Sarif,
}

#[derive(Debug, Clone, Args)]
pub struct ExplainArgs {
    /// Lint code, such as CD204.
    pub code: String,
}

#[derive(Debug, Clone, Args)]
pub struct TestArgs {
    #[command(flatten)]
    pub content: ContentArgs,

    /// Ids of the parsers to test; all parsers when none is given.
    #[arg(value_name = "PARSER")]
    pub parsers: Vec<String>,

    /// Write the parsed fields, time and event type into the `expect`,
    /// `time` and `event_type` of failing samples and samples without
    /// `expect`, leaving the rest of each file unchanged.
    #[arg(long)]
    pub update: bool,
}

#[derive(Debug, Clone, Args)]
pub struct ParseArgs {
    #[command(flatten)]
    pub content: ContentArgs,

    /// Try only the parser with this id.
    #[arg(long, value_name = "ID")]
    pub parser: Option<String>,

    /// Log files to read; standard input when none is given.
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,
}
