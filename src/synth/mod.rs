//! A synthetic content catalogue at any scale of the public reference
//! library, for benchmarks and tests.
//!
//! Scale 1.0 gives about 270 vendors, 280 products, 7,700 parsers with
//! about 100,000 field regexes, 400 event types, 4,000 rules and 1,000
//! models. The same seed and scale always give the same tree, and every
//! sample's expectations follow from its own log line (see [`parsers`]).

mod detections;
mod files;
mod parsers;
mod pools;
mod products;
mod specs;
mod taxonomy;
mod time;
mod values;
mod words;
mod writer;

pub use writer::{Summary, generate};

/// What to generate.
#[derive(Debug, Clone, Copy)]
pub struct Config {
    /// Size relative to the reference library; 1.0 is full size.
    pub scale: f64,
    /// Seed of the random number generator.
    pub seed: u64,
}

impl Config {
    /// Returns `full` scaled, and at least `min`.
    fn count(&self, full: usize, min: usize) -> usize {
        ((full as f64 * self.scale).round() as usize).max(min)
    }
}
