//! Helpers for the lint tests: content trees made of the lint base tree and
//! overlays, and runs of `contentdoc lint` on them.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Returns `tests/fixtures/lint/<name>`.
pub fn lint_fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/lint")
        .join(name)
}

/// A temporary folder whose `content/` is the base tree with overlays on top.
pub struct Tree {
    pub dir: tempfile::TempDir,
}

impl Tree {
    /// Copies the base tree, then each overlay in turn; a later overlay
    /// replaces files of the same path.
    pub fn new(overlays: &[&Path]) -> Tree {
        let dir = tempfile::tempdir().unwrap();
        let content = dir.path().join("content");
        copy_overlay(&lint_fixture("base"), &content);
        for overlay in overlays {
            copy_overlay(overlay, &content);
        }
        Tree { dir }
    }

    /// Returns the base tree with the `fires` or `passes` overlay of `code`.
    pub fn for_rule(code: &str, variant: &str) -> Tree {
        Tree::new(&[&lint_fixture(code).join(variant)])
    }

    pub fn content(&self) -> PathBuf {
        self.dir.path().join("content")
    }

    /// Writes `text` to `relative` inside the content tree.
    pub fn write(&self, relative: &str, text: &str) {
        let path = self.content().join(relative);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    /// Runs contentdoc in the tree's folder with `args`, the content being `content`.
    pub fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_contentdoc"))
            .args(args)
            .current_dir(self.dir.path())
            .output()
            .expect("the contentdoc binary runs")
    }

    /// Runs `contentdoc lint --format json` and parses the report.
    pub fn lint_json(&self) -> serde_json::Value {
        let output = self.run(&["lint", "--content", "content", "--format", "json"]);
        serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
            panic!(
                "invalid JSON ({e}); stderr: {}",
                String::from_utf8_lossy(&output.stderr)
            )
        })
    }

    /// Returns the (file, line, column) of every finding with `code`, sorted.
    pub fn positions(&self, code: &str) -> Vec<(String, u64, u64)> {
        let report = self.lint_json();
        let mut positions: Vec<(String, u64, u64)> = report["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["code"] == code)
            .map(|d| {
                (
                    d["file"].as_str().unwrap().to_string(),
                    d["line"].as_u64().unwrap(),
                    d["column"].as_u64().unwrap(),
                )
            })
            .collect();
        positions.sort();
        positions
    }
}

/// Copies `from` into `to`, keeping symbolic links as links.
pub fn copy_overlay(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from).follow_links(false) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else if entry.path_is_symlink() {
            let link = std::fs::read_link(entry.path()).unwrap();
            let _ = std::fs::remove_file(&target);
            symlink(&link, &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

#[cfg(unix)]
fn symlink(link: &Path, target: &Path) {
    std::os::unix::fs::symlink(link, target).unwrap();
}

#[cfg(not(unix))]
fn symlink(link: &Path, target: &Path) {
    let source = target.parent().unwrap().join(link);
    std::fs::copy(source, target).unwrap();
}

/// Lists the files of a folder, relative, sorted, links included.
pub fn overlay_files(dir: &Path) -> Vec<String> {
    let mut files: Vec<String> = walkdir::WalkDir::new(dir)
        .follow_links(false)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| !e.file_type().is_dir())
        .map(|e| e.path().strip_prefix(dir).unwrap().to_string_lossy().replace('\\', "/"))
        .collect();
    files.sort();
    files
}
