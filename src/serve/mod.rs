//! The preview server of `contentdoc serve`: builds the HTML site into a
//! temporary folder, serves it, and rebuilds it when the sources change.
//!
//! Pages served here get one extra script that polls
//! `/__contentdoc/version` each second, reloads the page after a rebuild and
//! shows the build errors in an overlay. Built sites never contain it.

mod http;
mod paths;
mod rebuild;

use std::path::PathBuf;
use std::sync::Mutex;

pub use http::serve_requests;
pub use paths::{Rejected, existing_file, relative_path};
pub use rebuild::{Builder, watch};

/// State the server shows: the last good site and the latest build errors.
#[derive(Debug, Default)]
pub struct Shared {
    state: Mutex<State>,
}

#[derive(Debug, Default, Clone)]
struct State {
    /// Folder of the last site that built without errors.
    site: Option<PathBuf>,
    /// Counts good builds, so open pages know when to reload.
    version: u64,
    /// Errors of the latest build, as plain text, when it failed.
    errors: Option<String>,
}

impl Shared {
    /// Records a good build in `site`, returning the folder it replaces.
    pub fn publish(&self, site: PathBuf) -> Option<PathBuf> {
        let mut state = self.lock();
        state.version += 1;
        state.errors = None;
        state.site.replace(site)
    }

    /// Records a failed build; the last good site stays in place.
    pub fn fail(&self, errors: String) {
        self.lock().errors = Some(errors);
    }

    /// Returns the folder of the last good site, if any.
    pub fn site(&self) -> Option<PathBuf> {
        self.lock().site.clone()
    }

    /// Returns the number of good builds and the latest build errors.
    pub fn status(&self) -> (u64, Option<String>) {
        let state = self.lock();
        (state.version, state.errors.clone())
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        // A panic while holding the lock leaves plain data behind, so the state is still usable.
        self.state.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}
