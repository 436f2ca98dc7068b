//! Sample checks of every parser of a content tree, shared by `contentdoc
//! test`, the engine lint rules and the parser pages.
//!
//! Besides the per-sample checks of [`crate::engine::sample`], a parser
//! fails when it has no samples or claims an event type that none of its
//! samples shows, and a sample fails when it has no `expect` fields.

mod reasons;
pub mod time;
pub mod update;

use std::path::PathBuf;

use rayon::prelude::*;

use crate::engine::sample::{SampleResult, check_sample};
use crate::engine::set::{ParserSet, ParserSetError};
use crate::load::raw::RawEventType;
use crate::load::{LoadedParser, RawContent};
pub use time::TimeSettings;

/// The compiled parsers of a content tree and the checks of their samples.
#[derive(Debug)]
pub struct SampleRun {
    pub set: ParserSet,
    /// One entry per parser of `RawContent::parsers`, in the same order.
    pub parsers: Vec<ParserRun>,
}

/// The checks of one parser.
#[derive(Debug, Clone)]
pub struct ParserRun {
    pub id: String,
    pub file: PathBuf,
    pub samples: Vec<SampleCheck>,
    /// Failures of the parser as a whole.
    pub problems: Vec<ParserProblem>,
}

/// The check of one sample.
#[derive(Debug, Clone)]
pub struct SampleCheck {
    /// One-based position in the parser's `samples`.
    pub number: usize,
    /// Line and column of the sample's `log` value.
    pub line: u64,
    pub column: u64,
    pub result: SampleResult,
    /// Reasons the sample failed, most important first. Empty when it passed.
    pub failures: Vec<String>,
}

/// A failure of a parser that no single sample shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParserProblem {
    pub line: u64,
    pub column: u64,
    pub message: String,
}

impl SampleRun {
    /// Compiles every parser and checks every sample, in parallel.
    pub fn new(raw: &RawContent, time: &TimeSettings) -> Result<SampleRun, ParserSetError> {
        let started = std::time::Instant::now();
        let definitions: Vec<_> = raw.parsers.iter().map(|p| p.parser.value.clone()).collect();
        let event_types: Vec<RawEventType> = raw.event_types.iter().map(|e| e.value.clone()).collect();
        let set = ParserSet::new(&definitions, &event_types)?;
        tracing::debug!(elapsed = ?started.elapsed(), "built the parser set");
        let started = std::time::Instant::now();
        let parsers = raw
            .parsers
            .par_iter()
            .enumerate()
            .map(|(index, loaded)| run_parser(&set, index, loaded, time))
            .collect();
        tracing::debug!(elapsed = ?started.elapsed(), "checked the samples");
        Ok(SampleRun { set, parsers })
    }
}

impl SampleRun {
    /// Drops the compiled parsers and the process-wide regex caches and
    /// keeps the checks, for callers that only show results from here on,
    /// such as the page renderers. At the reference library's size the
    /// compiled regexes take a few hundred MB.
    pub fn release_parsers(&mut self) {
        self.set = ParserSet::empty();
        crate::engine::compile::release_cached();
    }
}

impl SampleCheck {
    pub fn passed(&self) -> bool {
        self.failures.is_empty()
    }
}

fn run_parser(set: &ParserSet, index: usize, loaded: &LoadedParser, time: &TimeSettings) -> ParserRun {
    let parser = &set.parsers()[index];
    let definition = &loaded.parser.value;
    let samples = definition
        .samples
        .par_iter()
        .enumerate()
        .map(|(sample_index, sample)| {
            let result = check_sample(parser, sample, set, &time.for_sample(sample));
            SampleCheck {
                number: sample_index + 1,
                line: sample.log.referenced.line(),
                column: sample.log.referenced.column(),
                failures: reasons::sample_failures(definition, sample, &result),
                result,
            }
        })
        .collect();
    ParserRun {
        id: definition.id.value.clone(),
        file: loaded.parser.file.clone(),
        samples,
        problems: reasons::parser_problems(definition),
    }
}
