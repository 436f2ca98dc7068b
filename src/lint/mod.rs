//! Linting: every check on a content tree, run together so that one run
//! reports every problem.
//!
//! Loading and resolution already report syntax, schema, id and reference
//! problems; [`check`] adds the content rules of [`registry`], then applies
//! the levels and suppressions of the `lint` settings.

mod entities;
pub mod invisible;
mod pattern_position;
pub mod registry;
pub mod report;
pub mod rules;
mod settings;

use std::sync::OnceLock;

use rayon::prelude::*;

use crate::catalogue::Catalogue;
use crate::diag::{self, Diagnostic, codes};
use crate::engine::set::ParserSet;
use crate::load::RawContent;
use crate::samples::{SampleRun, TimeSettings};

pub use registry::{Check, RULES, Rule};

/// Input of a content rule: the raw definitions, with their positions,
/// and the resolved catalogue, with its indexes and ATT&CK data.
pub struct Context<'a> {
    pub raw: &'a RawContent,
    pub catalogue: &'a Catalogue,
    /// Sample checks that the caller already ran, such as `build`, which
    /// also shows them on the parser pages.
    precomputed: Option<&'a SampleRun>,
    /// The compiled parsers and their sample checks, built by the first
    /// rule that needs them when none were precomputed.
    samples: OnceLock<Option<SampleRun>>,
    /// The compiled parsers alone, for rules that do not run samples.
    parsers: OnceLock<Option<ParserSet>>,
}

impl<'a> Context<'a> {
    pub fn new(raw: &'a RawContent, catalogue: &'a Catalogue) -> Self {
        Context {
            raw,
            catalogue,
            precomputed: None,
            samples: OnceLock::new(),
            parsers: OnceLock::new(),
        }
    }

    /// Returns the parsers, compiled lazily, without running any sample.
    /// Compiled regexes are shared process-wide, so building this beside
    /// [`Context::samples`] compiles no regex twice.
    pub fn parsers(&self) -> Option<&ParserSet> {
        if let Some(run) = self.precomputed {
            return Some(&run.set);
        }
        if let Some(Some(run)) = self.samples.get() {
            return Some(&run.set);
        }
        self.parsers
            .get_or_init(|| {
                let definitions: Vec<_> = self.raw.parsers.iter().map(|p| p.parser.value.clone()).collect();
                let event_types: Vec<_> = self.raw.event_types.iter().map(|e| e.value.clone()).collect();
                let set = ParserSet::new(&definitions, &event_types).ok()?;
                // Compile every parser now, in parallel, rather than one at
                // a time in the first rule that reads its errors.
                set.parsers().par_iter().for_each(|parser| {
                    parser.check();
                });
                Some(set)
            })
            .as_ref()
    }

    /// Compiles every parser once per lint run and checks its samples.
    /// Returns `None` when the condition search cannot be built.
    pub fn samples(&self) -> Option<&SampleRun> {
        if self.precomputed.is_some() {
            return self.precomputed;
        }
        self.samples
            .get_or_init(|| {
                let (time, _) = TimeSettings::from_content(self.raw);
                SampleRun::new(self.raw, &time).ok()
            })
            .as_ref()
    }
}

/// Runs every content rule on top of the `found` load and resolve
/// diagnostics, applies the `lint` settings and returns the sorted result.
pub fn check(raw: &RawContent, catalogue: &Catalogue, found: Vec<Diagnostic>) -> Vec<Diagnostic> {
    check_with(raw, catalogue, found, true)
}

/// Codes of the rules that run the parsers over their samples.
pub const SAMPLE_CODES: [&str; 2] = [codes::FAILING_SAMPLE, codes::OVERLAPPING_PARSERS];

/// Runs the lint rules like [`check`], leaving out the rules that run the
/// samples when `samples` is false.
pub fn check_with(raw: &RawContent, catalogue: &Catalogue, found: Vec<Diagnostic>, samples: bool) -> Vec<Diagnostic> {
    run_rules(Context::new(raw, catalogue), found, samples)
}

/// Runs every lint rule like [`check`], taking the sample checks from
/// `samples` instead of running them again.
pub fn check_using(
    raw: &RawContent,
    catalogue: &Catalogue,
    found: Vec<Diagnostic>,
    samples: &SampleRun,
) -> Vec<Diagnostic> {
    let context = Context {
        precomputed: Some(samples),
        ..Context::new(raw, catalogue)
    };
    run_rules(context, found, true)
}

fn run_rules(context: Context, found: Vec<Diagnostic>, samples: bool) -> Vec<Diagnostic> {
    let raw = context.raw;
    let mut diagnostics = found;
    for rule in RULES {
        if !samples && SAMPLE_CODES.contains(&rule.code) {
            continue;
        }
        if let Check::Content(run) = rule.check {
            let started = std::time::Instant::now();
            diagnostics.extend(run(&context));
            tracing::trace!(code = rule.code, elapsed = ?started.elapsed(), "ran a lint rule");
        }
    }
    let mut diagnostics = settings::apply(raw, diagnostics);
    diag::sort(&mut diagnostics);
    diagnostics
}
