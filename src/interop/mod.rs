//! Interoperability: JSON Schemas of the content files, a JSON export of the
//! resolved catalogue, and the diff of two catalogues built on that export.

pub mod diff;
pub mod export;
pub mod revision;
pub mod schema;

use crate::catalogue::Catalogue;
use crate::render::Page;

/// Folder of the schema files inside the Markdown output.
pub const SCHEMA_DIR: &str = "schemas";

/// File name of the JSON export inside the Markdown output.
pub const EXPORT_FILE: &str = "catalogue.json";

/// Returns the machine-readable files that a build writes beside the
/// Markdown pages: the schemas and the JSON export.
pub fn site_files(catalogue: &Catalogue) -> anyhow::Result<Vec<Page>> {
    let mut pages = schema::schema_pages(SCHEMA_DIR)?;
    pages.push(Page {
        path: EXPORT_FILE.to_string(),
        content: export::to_json(&export::Export::new(catalogue))?.into_bytes(),
    });
    Ok(pages)
}
