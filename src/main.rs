use std::process::ExitCode;

use clap::Parser;
use contentdoc::cli::{Cli, Command};
use contentdoc::commands;

fn main() -> ExitCode {
    let cli = Cli::parse();
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("CONTENTDOC_LOG").unwrap_or_else(|_| "warn".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    let result = match &cli.command {
        Command::Build(args) => commands::build::run(args),
        Command::Schema(args) => commands::schema::run(args),
        Command::Export(args) => commands::export::run(args),
        Command::Diff(args) => commands::diff::run(args),
        Command::Lint(args) => commands::lint::run(args),
        Command::Explain(args) => commands::explain::run(args),
        Command::Serve(args) => commands::serve::run(args),
        Command::Test(args) => commands::test::run(args),
        Command::Parse(args) => commands::parse::run(args),
    };
    match result {
        Ok(status) => ExitCode::from(status as u8),
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::from(2)
        }
    }
}
