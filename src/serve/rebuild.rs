//! Building the site for the server, and rebuilding it when files change.
//!
//! The first build loads everything. A rebuild reads again only the
//! definition files that changed, reuses the sample checks when no parser
//! or event type changed, and renders only the pages the changes can
//! affect. A change that cannot be applied in place (a file added or
//! removed, the settings, or a file that no longer loads) makes it load
//! the whole tree.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::{Arc, mpsc};
use std::time::{Duration, Instant};

use notify::{RecursiveMode, Watcher};
use tracing::{debug, info, warn};

use super::{Shared, Site};
use crate::catalogue::Catalogue;
use crate::cli::ContentArgs;
use crate::commands::build::{html_options, render_html, template_dir};
use crate::commands::pipeline::{Loaded, load_catalogue, resolve_content};
use crate::diag;
use crate::load::{FileKind, RawContent, is_skipped};
use crate::render::Page;
use crate::render::html::{self, Selection};
use crate::samples::{SampleRun, TimeSettings};

/// Quiet time after the last change before a rebuild, so that an editor's
/// burst of writes causes one build.
const DEBOUNCE: Duration = Duration::from_millis(100);

/// Builds the site of one content tree and keeps what the next build can
/// reuse.
pub struct Builder {
    pub content: ContentArgs,
    pub templates: Option<PathBuf>,
    pub base_url: String,
    last: Option<LastBuild>,
}

/// The content, sample checks and site of the last good build.
struct LastBuild {
    raw: RawContent,
    catalogue: Catalogue,
    samples: SampleRun,
    site: Arc<Site>,
}

/// Parts of the last build that a rebuild can reuse.
struct Reuse {
    /// The sample checks, when no parser or event type changed.
    samples: Option<SampleRun>,
    /// The last site, when only definitions that parser pages do not show
    /// changed, so its parser pages are still current.
    parser_pages: Option<Arc<Site>>,
    /// When only rules and models changed: the products whose coverage
    /// lists one of them, before or after the change. The pages of the
    /// other products are still current.
    products: Option<Vec<usize>>,
}

/// The files a burst of changes touched.
#[derive(Debug, Default)]
pub struct Changes {
    paths: BTreeSet<PathBuf>,
}

impl Builder {
    pub fn new(content: ContentArgs, templates: Option<PathBuf>, base_url: String) -> Self {
        Builder {
            content,
            templates: template_dir(templates.as_deref()),
            base_url,
            last: None,
        }
    }

    /// Builds after `changes` and publishes the result, or records the
    /// errors and keeps the last good site.
    pub fn build(&mut self, shared: &Shared, changes: &Changes) {
        let started = Instant::now();
        match self.build_site(changes) {
            Ok(site) => {
                info!(files = site.len(), elapsed = ?started.elapsed(), "site rebuilt");
                shared.publish(site);
            }
            Err(errors) => {
                warn!("build failed; serving the last good site");
                eprintln!("{errors}");
                shared.fail(errors);
            }
        }
    }

    fn build_site(&mut self, changes: &Changes) -> Result<Arc<Site>, String> {
        let error = |error: anyhow::Error| format!("error: {error:#}");
        let (loaded, reuse) = match self.last.take().and_then(|last| self.apply(last, changes)) {
            Some(applied) => applied,
            None => {
                let loaded = load_catalogue(&self.content).map_err(error)?;
                let reuse = Reuse {
                    samples: None,
                    parser_pages: None,
                    products: None,
                };
                (loaded, reuse)
            }
        };
        if diag::has_errors(&loaded.diagnostics) {
            return Err(diag::render_human(&loaded.diagnostics, &loaded.raw.sources));
        }
        let catalogue = &loaded.catalogue;
        let options = html_options(Some(&self.base_url), catalogue).map_err(error)?;
        let samples = match reuse.samples {
            Some(samples) => samples,
            None => {
                let (time, _) = TimeSettings::from_content(&loaded.raw);
                SampleRun::new(&loaded.raw, &time).map_err(|e| error(e.into()))?
            }
        };
        let selection = match &reuse.products {
            Some(products) => Selection::ProductsOnly(products),
            None => Selection::AllButParserPages,
        };
        let site = match reuse
            .parser_pages
            .and_then(|last| self.render_changed(&loaded, &samples, &last, selection))
        {
            Some(site) => site,
            None => {
                let pages =
                    render_html(catalogue, self.templates.as_deref(), &options, Some(&samples)).map_err(error)?;
                into_site(pages)
            }
        };
        let site = Arc::new(site);
        self.last = Some(LastBuild {
            raw: loaded.raw,
            catalogue: loaded.catalogue,
            samples,
            site: Arc::clone(&site),
        });
        Ok(site)
    }

    /// Renders the pages in `selection` and takes the others from `last`.
    /// `None` when that fails, so that a full render reports the problem.
    fn render_changed(&self, loaded: &Loaded, samples: &SampleRun, last: &Site, selection: Selection) -> Option<Site> {
        let catalogue = &loaded.catalogue;
        let options = html_options(Some(&self.base_url), catalogue).ok()?;
        let tera = html::load(self.templates.as_deref()).ok()?;
        let pages = html::render_selected(
            catalogue,
            &tera,
            &options,
            self.templates.as_deref(),
            Some(samples),
            selection,
            &|| {},
        )
        .inspect_err(|error| warn!(%error, "failed to render the changed pages; rendering the whole site"))
        .ok()?;
        let mut site = into_site(pages);
        for path in html::unselected_paths(catalogue, selection) {
            let page = Arc::clone(last.get(&path)?);
            site.insert(path, page);
        }
        Some(site)
    }

    /// Applies `changes` to the content of the last build and resolves it,
    /// and returns what of the last build is still valid. `None` when the whole
    /// tree must be loaded again.
    fn apply(&self, last: LastBuild, changes: &Changes) -> Option<(Loaded, Reuse)> {
        let LastBuild {
            mut raw,
            catalogue: last_catalogue,
            samples,
            site,
        } = last;
        let mut samples_hold = true;
        let mut parser_pages_hold = true;
        let mut rules_and_models = Vec::new();
        let mut only_rules_and_models = true;
        for path in &changes.paths {
            if self.templates.as_deref().is_some_and(|dir| in_folder(path, dir)) {
                parser_pages_hold = false;
                continue;
            }
            let file = content_path(&raw.root, path)?;
            if !may_hold_definitions(&raw, &file)? {
                continue;
            }
            let kind = raw.reload(&file)?;
            debug!(file = %file.display(), "read a changed file again");
            samples_hold &= !matches!(kind, FileKind::Parser { .. } | FileKind::EventType);
            if matches!(kind, FileKind::Rule | FileKind::Model) {
                rules_and_models.push(file);
            } else {
                only_rules_and_models = false;
            }
            parser_pages_hold &= matches!(
                kind,
                FileKind::Rule | FileKind::Model | FileKind::UseCase | FileKind::Category | FileKind::ActivityType
            );
        }
        let loaded = resolve_content(&self.content, raw, Vec::new());
        let only_rules_and_models = only_rules_and_models && parser_pages_hold && !rules_and_models.is_empty();
        let products = only_rules_and_models.then(|| {
            let mut products = covering_products(&last_catalogue, &rules_and_models);
            products.extend(covering_products(&loaded.catalogue, &rules_and_models));
            products.sort_unstable();
            products.dedup();
            products
        });
        let reuse = Reuse {
            samples: samples_hold.then_some(samples),
            parser_pages: (samples_hold && parser_pages_hold).then_some(site),
            products,
        };
        Some((loaded, reuse))
    }

    /// Folders whose changes trigger a rebuild.
    fn watched(&self) -> Vec<PathBuf> {
        let mut dirs = vec![self.content.content.clone()];
        dirs.extend(self.templates.clone());
        dirs
    }
}

/// Returns the indexes of the products whose coverage lists a rule or a
/// model defined in one of `files`.
fn covering_products(catalogue: &Catalogue, files: &[PathBuf]) -> Vec<usize> {
    let rules: Vec<usize> = (0..catalogue.rules.len())
        .filter(|&index| files.contains(&catalogue.rules[index].source.file))
        .collect();
    let models: Vec<usize> = (0..catalogue.models.len())
        .filter(|&index| files.contains(&catalogue.models[index].source.file))
        .collect();
    (0..catalogue.products.len())
        .filter(|&index| {
            catalogue.products[index].coverage.iter().any(|coverage| {
                coverage.rules.iter().any(|rule| rules.contains(rule))
                    || coverage.models.iter().any(|model| models.contains(model))
            })
        })
        .collect()
}

fn into_site(pages: Vec<Page>) -> Site {
    pages
        .into_iter()
        .map(|page| (page.path, Arc::from(page.content)))
        .collect()
}

/// Returns `path`, which the watcher reports as an absolute path, as the
/// loader names the file: `root` joined with the path inside the tree.
/// `None` when it is outside `root`.
fn content_path(root: &Path, path: &Path) -> Option<PathBuf> {
    let root_absolute = std::path::absolute(root).ok()?;
    let inside = path.strip_prefix(&root_absolute).ok()?;
    Some(root.join(inside))
}

/// Returns whether a change to `file` may change the loaded definitions;
/// `None` when it is outside the content folder.
///
/// Files that the loader skips are ignored, and so are vanished files that
/// held no definition, such as the temporary file of an editor's atomic
/// save. A folder, or a vanished path that held definitions, counts.
fn may_hold_definitions(raw: &RawContent, file: &Path) -> Option<bool> {
    let relative = file.strip_prefix(&raw.root).ok()?;
    if is_skipped(relative, file.is_file()) {
        return Some(false);
    }
    if file.exists() || relative.extension().is_some_and(|e| e == "yaml" || e == "yml") {
        return Some(true);
    }
    Some(raw.sources.iter().any(|(loaded, _)| loaded.starts_with(file)))
}

fn in_folder(path: &Path, dir: &Path) -> bool {
    std::path::absolute(dir).is_ok_and(|dir| path.starts_with(dir))
}

/// Watches the content and template folders and rebuilds after each burst of
/// changes, calling `ready` once the folders are watched. Runs until the
/// watcher stops.
pub fn watch(mut builder: Builder, shared: &Shared, ready: impl FnOnce()) -> anyhow::Result<()> {
    let (sender, receiver) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(sender)?;
    for dir in builder.watched() {
        watcher
            .watch(&dir, RecursiveMode::Recursive)
            .map_err(|error| anyhow::anyhow!("cannot watch {}: {error}", dir.display()))?;
    }
    ready();
    while let Ok(first) = receiver.recv() {
        let mut changes = Changes::default();
        if !changes.add(first) {
            continue;
        }
        while let Ok(event) = receiver.recv_timeout(DEBOUNCE) {
            changes.add(event);
        }
        builder.build(shared, &changes);
    }
    Ok(())
}

impl Changes {
    /// Records the files `event` changed; returns false for events that
    /// change nothing. Reads are reported too (the build itself opens every
    /// file), and must not trigger a rebuild.
    fn add(&mut self, event: notify::Result<notify::Event>) -> bool {
        match event {
            Ok(event) if event.kind.is_create() || event.kind.is_modify() || event.kind.is_remove() => {
                // A change to the file's metadata alone, such as `touch`,
                // still rebuilds: the rebuild reads the file and finds it
                // unchanged.
                self.paths.extend(event.paths);
                true
            }
            Ok(_) => false,
            Err(error) => {
                warn!(%error, "file watcher error");
                false
            }
        }
    }
}
