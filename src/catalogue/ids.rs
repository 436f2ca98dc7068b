//! Id syntax and the per-kind id index used to resolve references.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::diag::{Diagnostic, Position, codes};
use crate::load::raw::Text;
use crate::suggest::closest;

/// Id syntax of a kind of definition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdStyle {
    /// Lowercase slug: `[a-z0-9][a-z0-9._-]*`.
    Slug,
    /// Conventional rule and model ids, which may be upper case: `[A-Za-z0-9][A-Za-z0-9._-]*`.
    Conventional,
}

/// Maximum id length. Ids become file names, which most file systems cap at 255 bytes.
pub const MAX_ID_LEN: usize = 120;

/// Checks `id` against `style`, returning what is wrong with it.
pub fn check_id(id: &str, style: IdStyle) -> Result<(), String> {
    let first_ok = |c: char| match style {
        IdStyle::Slug => c.is_ascii_lowercase() || c.is_ascii_digit(),
        IdStyle::Conventional => c.is_ascii_alphanumeric(),
    };
    let rest_ok = |c: char| first_ok(c) || matches!(c, '.' | '_' | '-');
    let Some(first) = id.chars().next() else {
        return Err("the id is empty".into());
    };
    if id.len() > MAX_ID_LEN {
        return Err(format!("the id is longer than {MAX_ID_LEN} characters"));
    }
    if !first_ok(first) {
        return Err(format!("the id starts with `{}`", first.escape_default()));
    }
    if let Some(bad) = id.chars().find(|&c| !rest_ok(c)) {
        return Err(format!("the id contains `{}`", bad.escape_default()));
    }
    if id.ends_with('.') {
        return Err("the id ends with `.`, which Windows drops from file names".into());
    }
    if is_windows_reserved(id) {
        return Err(format!(
            "`{id}` is a reserved device name on Windows and cannot be a file name"
        ));
    }
    Ok(())
}

/// Returns true for names Windows reserves for devices, with or without an extension.
fn is_windows_reserved(id: &str) -> bool {
    let stem = id.split('.').next().unwrap_or(id).to_ascii_uppercase();
    match stem.as_str() {
        "CON" | "PRN" | "AUX" | "NUL" => true,
        _ => ["COM", "LPT"].iter().any(|prefix| {
            stem.strip_prefix(prefix)
                .is_some_and(|n| n.len() == 1 && n.as_bytes()[0].is_ascii_digit() && n != "0")
        }),
    }
}

/// Returns the pattern text of an id style, for help messages.
pub fn describe_style(style: IdStyle) -> &'static str {
    match style {
        IdStyle::Slug => "lowercase letters, digits, `.`, `_` and `-`, starting with a letter or digit",
        IdStyle::Conventional => "letters, digits, `.`, `_` and `-`, starting with a letter or digit",
    }
}

/// Ids of one kind, mapped to their index in the sorted catalogue list.
pub struct IdIndex {
    kind: &'static str,
    ids: BTreeMap<String, usize>,
    /// Ids of files of this kind that failed to load; their own error is
    /// already reported, so references to them are dropped silently.
    unloaded: BTreeSet<String>,
}

impl IdIndex {
    /// Indexes `ids`, which must already be sorted and free of duplicates.
    pub fn new<'a>(kind: &'static str, ids: impl IntoIterator<Item = &'a str>) -> Self {
        let ids = ids.into_iter().enumerate().map(|(i, id)| (id.to_string(), i)).collect();
        IdIndex {
            kind,
            ids,
            unloaded: BTreeSet::new(),
        }
    }

    /// Adds the ids of files of this kind that failed to load.
    pub fn with_unloaded(mut self, ids: impl IntoIterator<Item = String>) -> Self {
        self.unloaded.extend(ids);
        self
    }

    /// Returns true when a file that should define `id` failed to load.
    pub fn is_unloaded(&self, id: &str) -> bool {
        self.unloaded.contains(id)
    }

    /// Returns the index of an id.
    pub fn get(&self, id: &str) -> Option<usize> {
        self.ids.get(id).copied()
    }

    /// Resolves a reference written in `file`, or records a dangling-reference error.
    pub fn resolve(&self, reference: &Text, file: &Path, diagnostics: &mut Vec<Diagnostic>) -> Option<usize> {
        if let Some(index) = self.get(&reference.value) {
            return Some(index);
        }
        if self.unloaded.contains(&reference.value) {
            return None;
        }
        let position = Position::of(file, &reference.referenced);
        diagnostics.push(self.dangling(&reference.value, position));
        None
    }

    /// Resolves every reference in a list, dropping the dangling ones and duplicates.
    pub fn resolve_all(&self, references: &[Text], file: &Path, diagnostics: &mut Vec<Diagnostic>) -> Vec<usize> {
        let mut indexes: Vec<usize> = references
            .iter()
            .filter_map(|reference| self.resolve(reference, file, diagnostics))
            .collect();
        indexes.sort_unstable();
        indexes.dedup();
        indexes
    }

    /// Builds the error for an id of this kind that does not exist.
    pub fn dangling(&self, id: &str, position: Position) -> Diagnostic {
        let diagnostic = Diagnostic::error(
            codes::DANGLING_REFERENCE,
            position,
            format!("unknown {} `{id}`", self.kind),
        );
        match closest(id, self.ids.keys().map(String::as_str)) {
            Some(best) => diagnostic.with_help(format!("did you mean `{best}`?")),
            None if self.ids.is_empty() => {
                diagnostic.with_help(format!("no {} is defined yet; add its file", self.kind))
            }
            None => diagnostic.with_help(format!("define the {} or use an existing id", self.kind)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slug_rejects_upper_case() {
        assert!(check_id("Phishing", IdStyle::Slug).is_err());
        assert!(check_id("phishing", IdStyle::Slug).is_ok());
    }

    #[test]
    fn conventional_accepts_rule_ids() {
        assert!(check_id("EM-DLP-OUT", IdStyle::Conventional).is_ok());
    }

    #[test]
    fn ids_reject_windows_device_names() {
        for id in ["con", "aux.yaml", "com1", "lpt9", "NUL"] {
            assert!(check_id(id, IdStyle::Conventional).is_err(), "{id:?} was accepted");
        }
        assert!(check_id("com0", IdStyle::Slug).is_ok());
        assert!(check_id("console", IdStyle::Slug).is_ok());
    }

    #[test]
    fn ids_reject_trailing_dot() {
        assert!(check_id("mail.", IdStyle::Slug).is_err());
    }

    #[test]
    fn ids_reject_path_characters() {
        for id in ["..", "a/b", "a\\b", "/abs", "a\0b", ""] {
            assert!(check_id(id, IdStyle::Conventional).is_err(), "{id:?} was accepted");
        }
    }
}
