//! Linting: every check on a content tree, run together so that one run
//! reports every problem.
//!
//! Loading and resolution already report syntax, schema, id and reference
//! problems; [`check`] adds the content rules of [`registry`], then applies
//! the levels and suppressions of the `lint` settings.

mod entities;
pub mod invisible;
pub mod registry;
pub mod report;
pub mod rules;
mod settings;

use crate::catalogue::Catalogue;
use crate::diag::{self, Diagnostic};
use crate::load::RawContent;

pub use registry::{Check, RULES, Rule};

/// What a content rule reads: the raw definitions, with their positions,
/// and the resolved catalogue, with its indexes and ATT&CK data.
pub struct Context<'a> {
    pub raw: &'a RawContent,
    pub catalogue: &'a Catalogue,
}

/// Runs every content rule on top of the `found` load and resolve
/// diagnostics, applies the `lint` settings and returns the sorted result.
pub fn check(raw: &RawContent, catalogue: &Catalogue, found: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let context = Context { raw, catalogue };
    let mut diagnostics = found;
    for rule in RULES {
        if let Check::Content(run) = rule.check {
            diagnostics.extend(run(&context));
        }
    }
    let mut diagnostics = settings::apply(raw, diagnostics);
    diag::sort(&mut diagnostics);
    diagnostics
}
