//! Compiles every distinct field regex of a content tree once, on one
//! thread, and prints how many there are and how long compiling took.
//!
//! `cargo run --release --example compile-regexes -- CONTENT_DIR`

use std::collections::BTreeSet;
use std::time::Instant;

use contentdoc::engine::compile::FieldRegex;
use contentdoc::load::load_content;

fn main() -> anyhow::Result<()> {
    let Some(dir) = std::env::args_os().nth(1) else {
        anyhow::bail!("usage: compile-regexes CONTENT_DIR");
    };
    let (content, _) = load_content(std::path::Path::new(&dir))?;
    let uses: usize = content.parsers.iter().map(|p| p.parser.value.fields.len()).sum();
    let distinct: BTreeSet<&str> = content
        .parsers
        .iter()
        .flat_map(|p| p.parser.value.fields.iter().map(|f| f.value.as_str()))
        .collect();

    let started = Instant::now();
    let mut failed = 0;
    let compiled: Vec<FieldRegex> = distinct
        .iter()
        .filter_map(|pattern| {
            let regex = FieldRegex::new(pattern);
            failed += usize::from(regex.is_err());
            regex.ok()
        })
        .collect();
    let elapsed = started.elapsed();

    println!("field regexes: {uses} uses, {} distinct", distinct.len());
    println!("compiled: {}, failed: {failed}", compiled.len());
    println!("compile time: {:.3} s on one thread", elapsed.as_secs_f64());
    Ok(())
}
