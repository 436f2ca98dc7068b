//! The ATT&CK Enterprise v18.1 data compiled into the binary, parsed on first use.
//!
//! `data/attack/regenerate.py` writes the file, and `data/attack/README.md` describes its
//! source, licence and format.

use std::path::Path;
use std::sync::OnceLock;

use serde::Deserialize;

use super::{AttackData, AttackError, Tactic, Technique};

#[cfg(test)]
mod tests;

const BUNDLED_PATH: &str = "data/attack/enterprise-attack-v18.1.json";
const BUNDLED_JSON: &str = include_str!("../../data/attack/enterprise-attack-v18.1.json");

static BUNDLED: OnceLock<AttackData> = OnceLock::new();

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BundledFile {
    version: String,
    tactics: Vec<Tactic>,
    techniques: Vec<Technique>,
}

/// Returns the compiled-in data, parsing it on the first call.
///
/// Panics if the compiled-in file is invalid. The tests in this module parse the same
/// file, so a bad regeneration fails `cargo test` first.
pub(super) fn bundled() -> &'static AttackData {
    BUNDLED.get_or_init(|| {
        parse(BUNDLED_JSON, Path::new(BUNDLED_PATH))
            .unwrap_or_else(|error| panic!("the compiled-in ATT&CK data is invalid: {error}"))
    })
}

fn parse(json: &str, path: &Path) -> Result<AttackData, AttackError> {
    let file: BundledFile = serde_json::from_str(json).map_err(|error| AttackError::json(path, &error))?;
    AttackData::from_parts(file.version, file.tactics, file.techniques, path)
}
