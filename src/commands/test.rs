//! `contentdoc test`: check every sample of the parsers and report each
//! failure with its field table.

mod report;
mod update;

use super::Status;
use super::pipeline::{Loaded, load_catalogue, write_stdout};
use crate::cli::TestArgs;
use crate::diag::{self, Diagnostic};
use crate::samples::{SampleRun, TimeSettings};
use crate::suggest::closest;

/// Runs the checks; a failing check or a content error gives
/// [`Status::Findings`].
pub fn run(args: &TestArgs) -> anyhow::Result<Status> {
    let Some((loaded, time)) = load(args)? else {
        return Ok(Status::Findings);
    };
    let selected = select(&loaded, &args.parsers)?;
    let mut run = SampleRun::new(&loaded.raw, &time)?;
    if args.update {
        update::write_expectations(&run, &selected)?;
        let Some((loaded, time)) = load(args)? else {
            return Ok(Status::Findings);
        };
        run = SampleRun::new(&loaded.raw, &time)?;
    }

    let (text, failed) = report::render(&run, &selected);
    write_stdout(&text)?;
    Ok(if failed > 0 { Status::Findings } else { Status::Clean })
}

/// Loads the content and its time settings; prints the content errors and
/// returns `None` when there are any.
fn load(args: &TestArgs) -> anyhow::Result<Option<(Loaded, TimeSettings)>> {
    let loaded = load_catalogue(&args.content)?;
    let (time, zone_error) = TimeSettings::from_content(&loaded.raw);
    let errors: Vec<Diagnostic> = loaded
        .diagnostics
        .iter()
        .chain(&zone_error)
        .filter(|d| d.severity == diag::Severity::Error)
        .cloned()
        .collect();
    if errors.is_empty() {
        return Ok(Some((loaded, time)));
    }
    anstream::eprint!("{}", diag::render_human_styled(&errors, &loaded.raw.sources));
    eprintln!(
        "error: the content has {} error(s); fix them, then run the tests again",
        errors.len()
    );
    Ok(None)
}

/// Returns the indexes in `RawContent::parsers` of the named parsers, or
/// of all parsers when none is named. An unknown id is a usage error.
fn select(loaded: &Loaded, names: &[String]) -> anyhow::Result<Vec<usize>> {
    let parsers = &loaded.raw.parsers;
    if names.is_empty() {
        return Ok((0..parsers.len()).collect());
    }
    let ids = || parsers.iter().map(|p| p.parser.value.id.value.as_str());
    let mut selected = Vec::new();
    for name in names {
        let found: Vec<usize> = (0..parsers.len())
            .filter(|&index| parsers[index].parser.value.id.value == *name)
            .collect();
        if found.is_empty() {
            let hint = match closest(name, ids()) {
                Some(best) => format!("; did you mean `{best}`?"),
                None => String::new(),
            };
            anyhow::bail!("no parser has the id `{name}`{hint}");
        }
        selected.extend(found);
    }
    selected.sort_unstable();
    selected.dedup();
    Ok(selected)
}
