//! `contentdoc diff`: compare two content trees or git revisions.

use std::path::PathBuf;

use super::Status;
use super::pipeline::{load_catalogue, report_errors, write_stdout};
use crate::cli::{ContentArgs, DiffArgs, DiffFormat};
use crate::interop::diff::{diff, markdown};
use crate::interop::export::Export;
use crate::interop::revision::{self, ContentTree};

/// Prints the diff of OLD and NEW. A difference is not an error: the status
/// is [`Status::Findings`] only when either side has content errors.
pub fn run(args: &DiffArgs) -> anyhow::Result<Status> {
    let old_tree = revision::open(&args.old, &args.content_path)?;
    let new_tree = revision::open(&args.new, &args.content_path)?;
    let old = load_export(&old_tree)?;
    let new = load_export(&new_tree)?;
    let (Some(old), Some(new)) = (old, new) else {
        eprintln!("error: the content has errors, so nothing was compared; fix them and run the diff again");
        return Ok(Status::Findings);
    };
    let report = diff(&old, &new, &old_tree.label, &new_tree.label)?;
    let text = match args.format {
        DiffFormat::Markdown => markdown::render(&report),
        DiffFormat::Json => serde_json::to_string_pretty(&report)? + "\n",
    };
    write_stdout(&text)?;
    Ok(Status::Clean)
}

/// Loads one side and prints its diagnostics. Returns `None` when it has errors.
fn load_export(tree: &ContentTree) -> anyhow::Result<Option<Export>> {
    let args = ContentArgs {
        content: PathBuf::from(&tree.path),
        attack: None,
    };
    let loaded = load_catalogue(&args)?;
    if !loaded.diagnostics.is_empty() && tree.path.as_os_str() != tree.label.as_str() {
        eprintln!("in {} (extracted to {}):", tree.label, tree.path.display());
    }
    if report_errors(&loaded) {
        return Ok(None);
    }
    Ok(Some(Export::new(&loaded.catalogue)))
}
