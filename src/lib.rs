//! contentdoc: load security content definitions, check them, and render a catalogue.

pub mod engine;
pub mod load;
