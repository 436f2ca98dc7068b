//! contentdoc: load security content definitions, check them, and render a catalogue.
//!
//! The pipeline reads as the module list: [`load`] parses the YAML tree into
//! raw types, [`catalogue`] resolves ids into a checked [`catalogue::Catalogue`]
//! and derives coverage, [`render`] turns the catalogue into pages.

pub mod attack;
pub mod catalogue;
pub mod cli;
pub mod commands;
pub mod diag;
pub mod engine;
pub mod interop;
pub mod lint;
pub mod load;
pub mod render;
pub mod samples;
pub mod serve;
pub mod suggest;
pub mod synth;
