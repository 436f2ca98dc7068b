//! The text of every loaded file, kept for source excerpts in diagnostics.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Loaded file texts by path.
#[derive(Debug, Default, Clone)]
pub struct SourceMap {
    texts: BTreeMap<PathBuf, String>,
}

impl SourceMap {
    /// Stores the text of `path`.
    pub fn insert(&mut self, path: PathBuf, text: String) {
        self.texts.insert(path, text);
    }

    /// Returns the text of `path`, if it was loaded.
    pub fn text(&self, path: &Path) -> Option<&str> {
        self.texts.get(path).map(String::as_str)
    }

    /// Returns every path and text, sorted by path.
    pub fn iter(&self) -> impl Iterator<Item = (&Path, &str)> {
        self.texts.iter().map(|(path, text)| (path.as_path(), text.as_str()))
    }

    /// Returns line `line` (1-based) of `path` without its line ending.
    pub fn line(&self, path: &Path, line: u64) -> Option<&str> {
        let index = usize::try_from(line.checked_sub(1)?).ok()?;
        let text = self.text(path)?.lines().nth(index)?;
        Some(text.trim_end_matches('\r'))
    }
}
