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
    /// Build the Markdown catalogue and the HTML site from the content tree.
    Build(BuildArgs),
    /// Build the HTML site in memory, serve it on 127.0.0.1 and rebuild it
    /// when the content or the templates change.
    Serve(ServeArgs),
    /// Check the content tree and report every problem with its location.
    Lint(LintArgs),
    /// Print the documentation of a lint code, such as CD204.
    Explain(ExplainArgs),
    /// Check the parsers' sample lines against their expectations.
    Test(TestArgs),
    /// Parse log lines and print one JSON object per line.
    Parse(ParseArgs),
    /// Write the JSON Schemas of the content files, for editors.
    Schema(SchemaArgs),
    /// Write the resolved catalogue as one JSON document.
    Export(ExportArgs),
    /// Compare two content trees or git revisions, as release notes.
    Diff(DiffArgs),
}

/// Options that select the content folder and the ATT&CK data.
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

    /// Output directory; Markdown is written to <DIR>/markdown and the HTML
    /// site to <DIR>/html.
    #[arg(long, value_name = "DIR", default_value = "site")]
    pub out: PathBuf,

    /// Directory of templates that replace the built-in ones by name
    /// (e.g. <DIR>/markdown/product.md). Defaults to ./templates when it exists.
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,

    /// Absolute http(s) URL the HTML site is published at, used for
    /// sitemap.xml (written only when a base URL is known) and for links in
    /// the ATT&CK Navigator layers. Overrides `base_url` in contentdoc.yaml.
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,

    /// Write nothing; list the Markdown files that are stale, missing or
    /// extra in the output and exit with status 1 if there are any. The HTML
    /// site is not checked, since it is not committed.
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

    /// Skip the rules that run every parser over its samples (CD408 and
    /// CD409), for a faster check while editing; `contentdoc test` runs them.
    #[arg(long)]
    pub no_samples: bool,
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
pub struct SchemaArgs {
    /// Directory to write <kind>.schema.json files into; created if missing.
    #[arg(long, value_name = "DIR", default_value = "schemas")]
    pub out: PathBuf,
}

#[derive(Debug, Clone, Args)]
pub struct ExportArgs {
    #[command(flatten)]
    pub content: ContentArgs,

    /// File to write the JSON to; standard output when omitted.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

/// Output format of `contentdoc diff`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DiffFormat {
    Markdown,
    Json,
}

#[derive(Debug, Clone, Args)]
pub struct DiffArgs {
    /// Old content: a directory, or else a git revision (HEAD~1, a tag, a commit id)
    /// of the repository in the working directory.
    #[arg(value_name = "OLD")]
    pub old: String,

    /// New content: a directory or a git revision, as for OLD.
    #[arg(value_name = "NEW")]
    pub new: String,

    /// Output format.
    #[arg(long, value_enum, default_value = "markdown")]
    pub format: DiffFormat,

    /// Path of the content folder inside the repository, used for revisions.
    #[arg(long, value_name = "PATH", default_value = "content")]
    pub content_path: String,
}

#[derive(Debug, Clone, Args)]
pub struct ServeArgs {
    #[command(flatten)]
    pub content: ContentArgs,

    /// Directory of templates that replace the built-in ones by name.
    /// Defaults to ./templates when it exists.
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,

    /// TCP port to listen on; 0 picks a free port.
    #[arg(long, value_name = "N", default_value_t = 8000)]
    pub port: u16,

    /// Address to listen on. Anything other than a loopback address makes
    /// the site reachable from other machines.
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1")]
    pub bind: std::net::IpAddr,
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
