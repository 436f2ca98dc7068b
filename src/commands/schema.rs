//! `contentdoc schema`: write the JSON Schema of each kind of content file.

use std::fs;

use anyhow::Context as _;

use super::Status;
use crate::cli::SchemaArgs;
use crate::interop::schema::schema_pages;

/// Writes `<kind>.schema.json` for every kind into `--out`, printing nothing.
pub fn run(args: &SchemaArgs) -> anyhow::Result<Status> {
    fs::create_dir_all(&args.out).with_context(|| format!("cannot create {}", args.out.display()))?;
    for page in schema_pages(".")? {
        let path = args.out.join(&page.path);
        fs::write(&path, &page.content).with_context(|| format!("cannot write {}", path.display()))?;
    }
    tracing::info!(dir = %args.out.display(), "wrote the content schemas");
    Ok(Status::Clean)
}
