//! The preview server of `contentdoc serve`: builds the HTML site in
//! memory, serves it, and rebuilds it when the sources change.
//!
//! Pages served here get one extra script that polls
//! `/__contentdoc/version` each second, reloads the page after a rebuild and
//! shows the build errors in an overlay. Built sites never contain it.

mod http;
mod paths;
mod rebuild;

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

pub use http::serve_requests;
pub use paths::{Rejected, relative_path};
pub use rebuild::{Builder, Changes, watch};

/// A built site: file contents by path relative to the site root, with `/`
/// between segments.
pub type Site = HashMap<String, Arc<[u8]>>;

/// State the server shows: the last good site and the latest build errors.
#[derive(Debug, Default)]
pub struct Shared {
    state: Mutex<State>,
}

#[derive(Debug, Default, Clone)]
struct State {
    /// The last site that built without errors.
    site: Option<Arc<Site>>,
    /// Counts good builds, so open pages know when to reload.
    version: u64,
    /// Errors of the latest build, as plain text, when it failed.
    errors: Option<String>,
}

impl Shared {
    /// Records a good build; requests see the whole new site at once.
    pub fn publish(&self, site: Arc<Site>) {
        let mut state = self.lock();
        state.version += 1;
        state.errors = None;
        state.site = Some(site);
    }

    /// Records a failed build; the last good site stays in place.
    pub fn fail(&self, errors: String) {
        self.lock().errors = Some(errors);
    }

    /// Returns the last good site, if any build has succeeded.
    pub fn site(&self) -> Option<Arc<Site>> {
        self.lock().site.clone()
    }

    /// Returns the build counter and the errors of the latest build.
    pub fn status(&self) -> (u64, Option<String>) {
        let state = self.lock();
        (state.version, state.errors.clone())
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        // A panic while holding the lock leaves plain data behind, so the state is still usable.
        self.state.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}
