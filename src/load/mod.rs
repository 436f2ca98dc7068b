//! Loading: walk the content tree and parse each file into raw types.
//!
//! Steps: walk the tree (links are not followed), read each file with a size
//! limit, parse it with serde-saphyr into the raw type of its folder. Problems
//! of a single file become diagnostics; loading goes on with the other files
//! so that one run reports them all.

pub mod raw;
mod sources;
mod walk;
pub mod yaml;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

pub use sources::SourceMap;
pub use walk::{FileKind, classify, is_skipped};
pub use yaml::parse as parse_yaml;

use crate::diag::{Diagnostic, Position, codes};
use raw::*;

/// Default for the largest content file read, in bytes; `max_file_bytes` in
/// contentdoc.yaml changes it. Definitions are small, so a larger file is
/// almost certainly a mistake or an attempt to exhaust memory.
pub const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// A parsed definition and the file it came from.
#[derive(Debug, Clone)]
pub struct Loaded<T> {
    pub file: PathBuf,
    pub value: T,
}

/// A product definition with the vendor folder it sits in.
#[derive(Debug, Clone)]
pub struct LoadedProduct {
    pub vendor_dir: String,
    pub product_dir: String,
    pub product: Loaded<RawProduct>,
}

/// A parser definition with the vendor and product folders it sits in.
#[derive(Debug, Clone)]
pub struct LoadedParser {
    pub vendor_dir: String,
    pub product_dir: String,
    pub parser: Loaded<Arc<RawParser>>,
}

/// Everything read from a content tree, before ids are resolved.
#[derive(Debug, Default)]
pub struct RawContent {
    pub root: PathBuf,
    pub settings: Option<Loaded<RawSettings>>,
    pub vendors: Vec<(String, Loaded<RawVendor>)>,
    pub products: Vec<LoadedProduct>,
    pub parsers: Vec<LoadedParser>,
    pub categories: Vec<Loaded<RawNamed>>,
    pub use_cases: Vec<Loaded<RawNamed>>,
    pub activity_types: Vec<Loaded<RawNamed>>,
    pub event_types: Vec<Loaded<RawEventType>>,
    pub rules: Vec<Loaded<RawRule>>,
    pub models: Vec<Loaded<RawModel>>,
    pub sources: SourceMap,
    /// Kind and id (taken from the path) of files that failed to load.
    /// References to them are not reported again as dangling.
    pub unloaded: Vec<(FileKind, String)>,
}

/// One parsed file of any kind.
enum Parsed {
    Settings(RawSettings),
    Vendor(String, RawVendor),
    Product(String, String, RawProduct),
    Parser(String, String, RawParser),
    Category(RawNamed),
    UseCase(RawNamed),
    ActivityType(RawNamed),
    EventType(RawEventType),
    Rule(RawRule),
    Model(RawModel),
}

/// Loads every content file under `root`.
///
/// Returns an error only when the tree itself cannot be read; problems in
/// files are returned as diagnostics beside whatever did load.
pub fn load_content(root: &Path) -> anyhow::Result<(RawContent, Vec<Diagnostic>)> {
    if !root.is_dir() {
        anyhow::bail!(
            "content directory {} does not exist or is not a directory",
            root.display()
        );
    }
    let (files, mut diagnostics) = walk::walk(root)?;
    let mut content = RawContent {
        root: root.to_path_buf(),
        ..RawContent::default()
    };
    let (settings_files, files): (Vec<_>, Vec<_>) = files.into_iter().partition(|f| f.kind == FileKind::Settings);
    let mut limit = MAX_FILE_BYTES;
    for file in &settings_files {
        match load_file(file, limit) {
            Ok((path, text, Ok(Parsed::Settings(settings)))) => {
                limit = settings.max_file_bytes.as_ref().map_or(limit, |l| l.value);
                content.sources.insert(path.clone(), text);
                content.add(path, Parsed::Settings(settings));
            }
            Ok((path, text, result)) => {
                content.sources.insert(path, text);
                diagnostics.extend(result.err());
            }
            Err(diagnostic) => diagnostics.push(diagnostic),
        }
    }

    let results: Vec<_> = files.par_iter().map(|file| load_file(file, limit)).collect();
    for (file, result) in files.iter().zip(results) {
        let diagnostic = match result {
            Ok((path, text, parsed)) => {
                content.sources.insert(path.clone(), text);
                match parsed {
                    Ok(parsed) => {
                        content.add(path, parsed);
                        continue;
                    }
                    Err(diagnostic) => diagnostic,
                }
            }
            Err(diagnostic) => diagnostic,
        };
        diagnostics.push(diagnostic);
        content.unloaded.extend(file.kind_and_id());
    }
    Ok((content, diagnostics))
}

type FileResult = Result<(PathBuf, String, Result<Parsed, Diagnostic>), Diagnostic>;

fn load_file(file: &walk::ContentFile, limit: u64) -> FileResult {
    let text = read_text(&file.path, limit)?;
    let parsed = parse_file(&file.path, &file.kind, &text);
    Ok((file.path.clone(), text, parsed))
}

fn read_text(path: &Path, limit: u64) -> Result<String, Diagnostic> {
    use std::io::Read as _;

    let unreadable = |message: String, help: &str| {
        Diagnostic::error(codes::UNREADABLE_FILE, Position::file_start(path), message).with_help(help)
    };
    let cannot_read = |e: std::io::Error| unreadable(format!("cannot read file: {e}"), "check the file's permissions");
    let file = std::fs::File::open(path).map_err(cannot_read)?;
    let mut bytes = Vec::new();
    // Reading one byte past the limit separates an oversized file from one of
    // exactly `limit` bytes without trusting metadata that may change.
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(cannot_read)?;
    if bytes.len() as u64 > limit {
        return Err(unreadable(
            format!("file is larger than the limit of {limit} bytes"),
            "split the definition, or raise `max_file_bytes` in contentdoc.yaml",
        ));
    }
    String::from_utf8(bytes).map_err(|e| {
        unreadable(
            format!(
                "file is not valid UTF-8 (invalid byte at offset {})",
                e.utf8_error().valid_up_to()
            ),
            "save the file as UTF-8",
        )
    })
}

fn parse_file(path: &Path, kind: &FileKind, text: &str) -> Result<Parsed, Diagnostic> {
    Ok(match kind {
        FileKind::Settings => Parsed::Settings(yaml::parse(path, text)?),
        FileKind::Vendor { vendor_dir } => Parsed::Vendor(vendor_dir.clone(), yaml::parse(path, text)?),
        FileKind::Product {
            vendor_dir,
            product_dir,
        } => Parsed::Product(vendor_dir.clone(), product_dir.clone(), yaml::parse(path, text)?),
        FileKind::Parser {
            vendor_dir,
            product_dir,
        } => Parsed::Parser(vendor_dir.clone(), product_dir.clone(), yaml::parse(path, text)?),
        FileKind::Category => Parsed::Category(yaml::parse(path, text)?),
        FileKind::UseCase => Parsed::UseCase(yaml::parse(path, text)?),
        FileKind::ActivityType => Parsed::ActivityType(yaml::parse(path, text)?),
        FileKind::EventType => Parsed::EventType(yaml::parse(path, text)?),
        FileKind::Rule => Parsed::Rule(yaml::parse(path, text)?),
        FileKind::Model => Parsed::Model(yaml::parse(path, text)?),
    })
}

impl RawContent {
    /// Reads again a definition file that this content already contains and
    /// replaces its definition in place, keeping the order of definitions.
    ///
    /// Returns the file's kind, or `None` when the change cannot be applied
    /// in place and the whole tree must be loaded again: the file is the
    /// settings file, is not one of the loaded definitions (new, deleted or
    /// misplaced), or no longer loads cleanly.
    pub fn reload(&mut self, path: &Path) -> Option<FileKind> {
        let relative = path.strip_prefix(&self.root).ok()?;
        let kind = walk::classify(relative)?;
        if kind == FileKind::Settings || self.sources.text(path).is_none() {
            return None;
        }
        let limit = self
            .settings
            .as_ref()
            .and_then(|settings| settings.value.max_file_bytes.as_ref())
            .map_or(MAX_FILE_BYTES, |limit| limit.value);
        let text = read_text(path, limit).ok()?;
        let parsed = parse_file(path, &kind, &text).ok()?;
        self.replace(path, parsed)?;
        self.sources.insert(path.to_path_buf(), text);
        Some(kind)
    }

    /// Replaces the definition read from `file` with `parsed`; `None` when
    /// no definition of that kind came from `file`.
    fn replace(&mut self, file: &Path, parsed: Parsed) -> Option<()> {
        fn slot<'a, T>(list: &'a mut [Loaded<T>], file: &Path) -> Option<&'a mut T> {
            list.iter_mut()
                .find(|loaded| loaded.file == file)
                .map(|loaded| &mut loaded.value)
        }
        match parsed {
            Parsed::Settings(_) => return None,
            Parsed::Vendor(_, value) => {
                let (_, loaded) = self.vendors.iter_mut().find(|(_, loaded)| loaded.file == file)?;
                loaded.value = value;
            }
            Parsed::Product(_, _, value) => {
                let loaded = self.products.iter_mut().find(|p| p.product.file == file)?;
                loaded.product.value = value;
            }
            Parsed::Parser(_, _, value) => {
                let loaded = self.parsers.iter_mut().find(|p| p.parser.file == file)?;
                loaded.parser.value = Arc::new(value);
            }
            Parsed::Category(value) => *slot(&mut self.categories, file)? = value,
            Parsed::UseCase(value) => *slot(&mut self.use_cases, file)? = value,
            Parsed::ActivityType(value) => *slot(&mut self.activity_types, file)? = value,
            Parsed::EventType(value) => *slot(&mut self.event_types, file)? = value,
            Parsed::Rule(value) => *slot(&mut self.rules, file)? = value,
            Parsed::Model(value) => *slot(&mut self.models, file)? = value,
        }
        Some(())
    }

    fn add(&mut self, file: PathBuf, parsed: Parsed) {
        match parsed {
            Parsed::Settings(value) => self.settings = Some(Loaded { file, value }),
            Parsed::Vendor(dir, value) => self.vendors.push((dir, Loaded { file, value })),
            Parsed::Product(vendor_dir, product_dir, value) => self.products.push(LoadedProduct {
                vendor_dir,
                product_dir,
                product: Loaded { file, value },
            }),
            Parsed::Parser(vendor_dir, product_dir, value) => self.parsers.push(LoadedParser {
                vendor_dir,
                product_dir,
                parser: Loaded {
                    file,
                    value: Arc::new(value),
                },
            }),
            Parsed::Category(value) => self.categories.push(Loaded { file, value }),
            Parsed::UseCase(value) => self.use_cases.push(Loaded { file, value }),
            Parsed::ActivityType(value) => self.activity_types.push(Loaded { file, value }),
            Parsed::EventType(value) => self.event_types.push(Loaded { file, value }),
            Parsed::Rule(value) => self.rules.push(Loaded { file, value }),
            Parsed::Model(value) => self.models.push(Loaded { file, value }),
        }
    }
}
