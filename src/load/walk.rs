//! Walking the content tree and telling each file's kind from its folder.

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::diag::{Diagnostic, Position, codes};

/// Kind of definition a file holds, decided by where it lives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileKind {
    Settings,
    Vendor { vendor_dir: String },
    Product { vendor_dir: String, product_dir: String },
    Parser { vendor_dir: String, product_dir: String },
    Category,
    UseCase,
    ActivityType,
    EventType,
    Rule,
    Model,
}

/// A content file found by the walk.
#[derive(Debug, Clone)]
pub struct ContentFile {
    /// Path as given by the user joined with the path inside the tree.
    pub path: PathBuf,
    pub kind: FileKind,
}

impl ContentFile {
    /// Returns the kind and the id the path implies: the folder name for
    /// vendor and product files, the file stem otherwise.
    pub fn kind_and_id(&self) -> Option<(FileKind, String)> {
        let id = match self.kind {
            FileKind::Settings => return None,
            FileKind::Vendor { .. } | FileKind::Product { .. } => self.path.parent()?.file_name()?,
            _ => self.path.file_stem()?,
        };
        Some((self.kind.clone(), id.to_str()?.to_string()))
    }
}

/// Walks `root` without following symbolic links, in a stable order.
///
/// Returns the content files and diagnostics for links and for YAML files
/// that are not in any content folder.
pub fn walk(root: &Path) -> anyhow::Result<(Vec<ContentFile>, Vec<Diagnostic>)> {
    let mut files = Vec::new();
    let mut diagnostics = Vec::new();
    let walker = WalkDir::new(root)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|entry| entry.depth() == 0 || !is_hidden(entry.file_name()));
    for entry in walker {
        let entry = entry.map_err(|error| {
            let path = error.path().unwrap_or(root).display().to_string();
            anyhow::anyhow!("cannot read the content tree at {path}: {error}")
        })?;
        let path = entry.path();
        if entry.path_is_symlink() {
            diagnostics.push(
                Diagnostic::warning(
                    codes::SYMLINK,
                    Position::file_start(path),
                    "symbolic link in the content tree is not followed",
                )
                .with_help("copy the definition into the tree instead of linking to it"),
            );
            continue;
        }
        if !entry.file_type().is_file() || !is_yaml(path) {
            continue;
        }
        let relative = path.strip_prefix(root).unwrap_or(path);
        if relative.to_str().is_none() {
            diagnostics.push(
                Diagnostic::error(
                    codes::UNREADABLE_FILE,
                    Position::file_start(path),
                    "file name is not valid UTF-8, so it cannot match an id",
                )
                .with_help("rename the file to its id followed by `.yaml`"),
            );
            continue;
        }
        match classify(relative) {
            Some(kind) => files.push(ContentFile {
                path: path.to_path_buf(),
                kind,
            }),
            None => diagnostics.push(misplaced(path)),
        }
    }
    Ok((files, diagnostics))
}

/// Returns whether [`walk`] skips `relative` (a path inside the tree)
/// without a word: anything in or under a hidden folder, and files that
/// are not YAML, such as an editor's backup files.
pub fn is_skipped(relative: &Path, is_file: bool) -> bool {
    relative.components().any(|part| is_hidden(part.as_os_str())) || (is_file && !is_yaml(relative))
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_str()
        .is_some_and(|n| n.starts_with('.') && n != "." && n != "..")
}

fn is_yaml(path: &Path) -> bool {
    matches!(path.extension().and_then(|e| e.to_str()), Some("yaml" | "yml"))
}

fn misplaced(path: &Path) -> Diagnostic {
    let help = if path.extension().is_some_and(|e| e == "yml") {
        "content files end in `.yaml`; rename the file".to_string()
    } else {
        "move the file to the folder of its kind: vendors/<vendor>/vendor.yaml, \
         vendors/<vendor>/<product>/product.yaml, vendors/<vendor>/<product>/parsers/, \
         categories/, use-cases/, activity-types/, event-types/, rules/ or models/"
            .to_string()
    };
    Diagnostic::error(
        codes::MISPLACED_FILE,
        Position::file_start(path),
        "YAML file outside the content layout is not loaded",
    )
    .with_help(help)
}

/// Decides the kind of a file from its path relative to the content root.
pub fn classify(relative: &Path) -> Option<FileKind> {
    let parts: Vec<&str> = relative
        .components()
        .map(|c| c.as_os_str().to_str())
        .collect::<Option<_>>()?;
    if parts.last()?.ends_with(".yml") {
        return None;
    }
    let kind = match parts.as_slice() {
        ["contentdoc.yaml"] => FileKind::Settings,
        ["vendors", vendor, "vendor.yaml"] => FileKind::Vendor {
            vendor_dir: vendor.to_string(),
        },
        ["vendors", vendor, product, "product.yaml"] => FileKind::Product {
            vendor_dir: vendor.to_string(),
            product_dir: product.to_string(),
        },
        ["vendors", vendor, product, "parsers", _] => FileKind::Parser {
            vendor_dir: vendor.to_string(),
            product_dir: product.to_string(),
        },
        ["categories", _] => FileKind::Category,
        ["use-cases", _] => FileKind::UseCase,
        ["activity-types", _] => FileKind::ActivityType,
        ["event-types", _] => FileKind::EventType,
        ["rules", _] => FileKind::Rule,
        ["models", _] => FileKind::Model,
        _ => return None,
    };
    Some(kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classify_parser_path() {
        let kind = classify(Path::new("vendors/cisco/ironport/parsers/p.yaml"));
        assert_eq!(
            kind,
            Some(FileKind::Parser {
                vendor_dir: "cisco".into(),
                product_dir: "ironport".into()
            })
        );
    }

    #[test]
    fn classify_rejects_nested_rule() {
        assert_eq!(classify(Path::new("rules/extra/r.yaml")), None);
    }

    #[test]
    fn classify_rejects_yml_extension() {
        assert_eq!(classify(Path::new("rules/r.yml")), None);
    }
}
