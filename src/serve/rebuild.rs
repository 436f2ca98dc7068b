//! Building the site for the server, and rebuilding it when files change.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use notify::{RecursiveMode, Watcher};
use tracing::{info, warn};

use super::Shared;
use crate::cli::ContentArgs;
use crate::commands::build::{html_options, render_html, template_dir};
use crate::commands::pipeline::load_catalogue;
use crate::diag;
use crate::render::output;
use crate::samples::{SampleRun, TimeSettings};

/// Quiet time after the last change before a rebuild, so that an editor's
/// burst of writes causes one build.
const DEBOUNCE: Duration = Duration::from_millis(300);

/// Builds the site of one content tree into numbered folders under `root`.
pub struct Builder {
    pub content: ContentArgs,
    pub templates: Option<PathBuf>,
    pub base_url: String,
    pub root: PathBuf,
    builds: u64,
}

impl Builder {
    /// Creates a builder that writes under `root`.
    pub fn new(content: ContentArgs, templates: Option<PathBuf>, base_url: String, root: PathBuf) -> Self {
        Builder {
            content,
            templates: template_dir(templates.as_deref()),
            base_url,
            root,
            builds: 0,
        }
    }

    /// Builds once and publishes the result, or records the errors and keeps
    /// the last good site.
    pub fn build(&mut self, shared: &Shared) {
        self.builds += 1;
        let dir = self.root.join(format!("site-{}", self.builds));
        match self.build_into(&dir) {
            Ok(files) => {
                info!(files, dir = %dir.display(), "site rebuilt");
                if let Some(old) = shared.publish(dir) {
                    let _ = std::fs::remove_dir_all(old);
                }
            }
            Err(errors) => {
                warn!("build failed; serving the last good site");
                eprintln!("{errors}");
                shared.fail(errors);
            }
        }
    }

    fn build_into(&self, dir: &Path) -> Result<usize, String> {
        let loaded = load_catalogue(&self.content).map_err(|error| format!("error: {error:#}"))?;
        if diag::has_errors(&loaded.diagnostics) {
            return Err(diag::render_human(&loaded.diagnostics, &loaded.raw.sources));
        }
        let options =
            html_options(Some(&self.base_url), &loaded.catalogue).map_err(|error| format!("error: {error:#}"))?;
        let (time, _) = TimeSettings::from_content(&loaded.raw);
        let samples = SampleRun::new(&loaded.raw, &time).map_err(|error| format!("error: {error:#}"))?;
        let site = render_html(&loaded.catalogue, self.templates.as_deref(), &options, Some(&samples))
            .map_err(|error| format!("error: {error:#}"))?;
        output::write(dir, &site, false).map_err(|error| format!("error: {error:#}"))?;
        Ok(site.len())
    }

    /// Folders whose changes trigger a rebuild.
    fn watched(&self) -> Vec<PathBuf> {
        let mut dirs = vec![self.content.content.clone()];
        dirs.extend(self.templates.clone());
        dirs
    }
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
        if !is_change(&first) {
            continue;
        }
        while receiver.recv_timeout(DEBOUNCE).is_ok() {}
        builder.build(shared);
    }
    Ok(())
}

/// Returns true for events that change files. Reads are reported too
/// (the build itself opens every file), and must not trigger a rebuild.
fn is_change(event: &notify::Result<notify::Event>) -> bool {
    match event {
        Ok(event) => event.kind.is_create() || event.kind.is_modify() || event.kind.is_remove(),
        Err(error) => {
            warn!(%error, "file watcher error");
            false
        }
    }
}
