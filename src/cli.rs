//! Command-line interface definition.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

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
    /// Build the HTML site into a temporary folder, serve it on 127.0.0.1 and
    /// rebuild it when the content or the templates change.
    Serve(ServeArgs),
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
