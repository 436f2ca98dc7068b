//! `contentdoc test --update`: write the parsed values of failing and new
//! samples into their parser files.

use std::collections::BTreeMap;
use std::io::Write as _;
use std::path::Path;

use chrono::SecondsFormat;

use crate::engine::sample::SampleResult;
use crate::load::parse_yaml;
use crate::load::raw::RawParser;
use crate::samples::update::{Expectations, rewrite};
use crate::samples::{ParserRun, SampleRun};

/// Rewrites the expectations of every failing sample of the `selected`
/// parsers whose line the parser reads without error. Other failing
/// samples, and samples whose layout cannot be edited, are listed on
/// standard error and left alone.
pub(super) fn write_expectations(run: &SampleRun, selected: &[usize]) -> anyhow::Result<()> {
    for &index in selected {
        let parser_run = &run.parsers[index];
        let updates = expectations(parser_run);
        if updates.is_empty() {
            continue;
        }
        let updated = write_file(parser_run, &updates)?;
        if updated > 0 {
            eprintln!(
                "updated {updated} sample(s) of parser {} in {}",
                parser_run.id,
                parser_run.file.display()
            );
        }
    }
    Ok(())
}

/// Lists the new expectations of the failing samples that can be updated.
fn expectations(parser: &ParserRun) -> Vec<Expectations> {
    let mut updates = Vec::new();
    for sample in parser.samples.iter().filter(|sample| !sample.passed()) {
        match new_expectations(&sample.result) {
            Some(mut update) => {
                update.index = sample.number - 1;
                updates.push(update);
            }
            None => eprintln!(
                "not updated: {} sample {} ({}:{}): {}",
                parser.id,
                sample.number,
                parser.file.display(),
                sample.line,
                sample.failures.join("; ")
            ),
        }
    }
    updates
}

/// Returns the parsed values, or `None` when the parser does not apply to
/// the line or fails on it, since its output would be no valid expectation.
fn new_expectations(result: &SampleResult) -> Option<Expectations> {
    let event = result.event.as_ref()?;
    if !result.conditions_match() || result.outranked_by().is_some() || result.error.is_some() {
        return None;
    }
    let fields: BTreeMap<String, String> = event.fields.clone();
    Some(Expectations {
        index: 0,
        fields,
        time: event.time.map(|time| time.to_rfc3339_opts(SecondsFormat::AutoSi, true)),
        event_type: event.event_type.event_type().map(str::to_owned),
    })
}

/// Edits the parser's file and replaces it atomically: the new text is
/// written to a temporary file in the same folder, then renamed over it.
/// Reports the skipped samples and returns the number of updated ones.
fn write_file(parser: &ParserRun, updates: &[Expectations]) -> anyhow::Result<usize> {
    let path = parser.file.as_path();
    let text =
        std::fs::read_to_string(path).map_err(|error| anyhow::anyhow!("cannot read {}: {error}", path.display()))?;
    let definition: RawParser =
        parse_yaml(path, &text).map_err(|diagnostic| anyhow::anyhow!("{}: {}", path.display(), diagnostic.message))?;
    let rewritten = rewrite(path, &text, &definition, updates)
        .map_err(|error| anyhow::anyhow!("{}: {error}; the file was not changed", path.display()))?;
    for skipped in &rewritten.skipped {
        eprintln!(
            "not updated: {} sample {} ({}:{}): {}",
            parser.id,
            skipped.number,
            path.display(),
            skipped.line,
            skipped.message
        );
    }
    let updated = updates.len() - rewritten.skipped.len();
    if updated == 0 {
        return Ok(0);
    }
    let folder = path.parent().unwrap_or(Path::new("."));
    let mut temporary = tempfile::NamedTempFile::new_in(folder)?;
    temporary.write_all(rewritten.text.as_bytes())?;
    temporary.as_file().sync_all()?;
    temporary
        .persist(path)
        .map_err(|error| anyhow::anyhow!("cannot replace {}: {}", path.display(), error.error))?;
    Ok(updated)
}
