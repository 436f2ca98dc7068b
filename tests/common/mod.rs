//! Helpers shared by the integration tests: running the binary and reading
//! generated Markdown back into tables and links with pulldown-cmark.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// Runs the contentdoc binary with `args` in `dir`.
pub fn contentdoc(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_contentdoc"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the contentdoc binary runs")
}

/// Returns the path of a fixture content tree under `tests/fixtures`.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

/// Builds the content at `content` into a fresh temporary folder and returns it.
pub fn build(content: &Path) -> (tempfile::TempDir, PathBuf) {
    let out = tempfile::tempdir().unwrap();
    let output = contentdoc(
        out.path(),
        &["build", "--content", content.to_str().unwrap(), "--out", "site"],
    );
    assert!(
        output.status.success(),
        "build failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let markdown = out.path().join("site/markdown");
    (out, markdown)
}

/// A table cell: its text as a reader sees it, and its link targets.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cell {
    pub text: String,
    pub links: Vec<String>,
}

/// A Markdown table: the header row and the body rows.
#[derive(Debug, Clone, Default)]
pub struct Table {
    pub header: Vec<Cell>,
    pub rows: Vec<Vec<Cell>>,
}

impl Table {
    /// Returns the index of the column whose header text is `name`.
    pub fn column(&self, name: &str) -> usize {
        self.header
            .iter()
            .position(|c| c.text == name)
            .unwrap_or_else(|| panic!("no column {name:?} in {:?}", self.header))
    }

    /// Returns the row whose first cell's text is `first`.
    pub fn row(&self, first: &str) -> &Vec<Cell> {
        self.rows
            .iter()
            .find(|r| r[0].text == first)
            .unwrap_or_else(|| panic!("no row {first:?}"))
    }
}

fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH
}

/// Parses every table of a Markdown page. `<br>` in a cell becomes a newline.
pub fn tables(markdown: &str) -> Vec<Table> {
    let mut tables = Vec::new();
    let mut table = Table::default();
    let mut row: Vec<Cell> = Vec::new();
    let mut cell: Option<Cell> = None;
    for event in Parser::new_ext(markdown, options()) {
        match event {
            Event::Start(Tag::Table(_)) => table = Table::default(),
            Event::End(TagEnd::Table) => tables.push(std::mem::take(&mut table)),
            Event::Start(Tag::TableCell) => cell = Some(Cell::default()),
            Event::End(TagEnd::TableCell) => row.push(cell.take().unwrap()),
            Event::End(TagEnd::TableHead) => table.header = std::mem::take(&mut row),
            Event::End(TagEnd::TableRow) => table.rows.push(std::mem::take(&mut row)),
            Event::Start(Tag::Link { dest_url, .. }) => {
                if let Some(cell) = cell.as_mut() {
                    cell.links.push(dest_url.to_string());
                }
            }
            Event::Text(text) | Event::Code(text) => {
                if let Some(cell) = cell.as_mut() {
                    cell.text.push_str(&text);
                }
            }
            Event::InlineHtml(html) if html.trim() == "<br>" => {
                if let Some(cell) = cell.as_mut() {
                    cell.text.push('\n');
                }
            }
            Event::InlineHtml(html) => {
                if let Some(cell) = cell.as_mut() {
                    cell.text.push_str(&html);
                }
            }
            _ => {}
        }
    }
    tables
}

/// Returns every link target of a Markdown page.
pub fn links(markdown: &str) -> Vec<String> {
    Parser::new_ext(markdown, options())
        .filter_map(|event| match event {
            Event::Start(Tag::Link { dest_url, .. }) => Some(dest_url.to_string()),
            _ => None,
        })
        .collect()
}

/// Returns the text of every heading of a Markdown page.
pub fn headings(markdown: &str) -> Vec<String> {
    let mut headings = Vec::new();
    let mut current: Option<String> = None;
    for event in Parser::new_ext(markdown, options()) {
        match event {
            Event::Start(Tag::Heading { .. }) => current = Some(String::new()),
            Event::End(TagEnd::Heading(_)) => headings.extend(current.take()),
            Event::Text(text) | Event::Code(text) => {
                if let Some(heading) = current.as_mut() {
                    heading.push_str(&text);
                }
            }
            _ => {}
        }
    }
    headings
}

/// Lists the files under `dir` by `/`-separated relative path, sorted.
pub fn files(dir: &Path) -> Vec<String> {
    let mut files: Vec<String> = walkdir::WalkDir::new(dir)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.path().strip_prefix(dir).unwrap().to_string_lossy().replace('\\', "/"))
        .collect();
    files.sort();
    files
}

/// Copies a directory tree.
pub fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}
