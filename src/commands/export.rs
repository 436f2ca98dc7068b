//! `contentdoc export`: the resolved catalogue as one JSON document.

use anyhow::Context as _;

use super::Status;
use super::pipeline::{load_catalogue, report_errors, write_stdout};
use crate::cli::ExportArgs;
use crate::interop::export::{Export, to_json};

/// Writes the export to `--out` or standard output; content errors give [`Status::Findings`].
pub fn run(args: &ExportArgs) -> anyhow::Result<Status> {
    let loaded = load_catalogue(&args.content)?;
    if report_errors(&loaded) {
        eprintln!("error: the content has errors; nothing was exported");
        return Ok(Status::Findings);
    }
    let json = to_json(&Export::new(&loaded.catalogue))?;
    match &args.out {
        Some(path) => std::fs::write(path, json).with_context(|| format!("cannot write {}", path.display()))?,
        None => write_stdout(&json)?,
    }
    Ok(Status::Clean)
}
