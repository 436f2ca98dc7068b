//! `contentdoc build`: render the catalogue, or check that the output is current.

use std::path::PathBuf;
use std::time::Instant;

use tracing::{debug, info};

use super::Status;
use super::pipeline::load_catalogue;
use crate::cli::BuildArgs;
use crate::render::{markdown, output, templates};
use crate::samples::{SampleRun, TimeSettings};
use crate::{diag, lint};

/// Runs the build; content problems are printed and give [`Status::Findings`].
pub fn run(args: &BuildArgs) -> anyhow::Result<Status> {
    let loaded = load_catalogue(&args.content)?;
    let diagnostics = lint::check(&loaded.raw, &loaded.catalogue, loaded.diagnostics);
    if !diagnostics.is_empty() {
        anstream::eprint!("{}", diag::render_human_styled(&diagnostics, &loaded.raw.sources));
    }
    if diag::has_errors(&diagnostics) {
        let (errors, _) = diag::count(&diagnostics);
        eprintln!(
            "error: the content has {errors} error(s); nothing was written. \
             Run `contentdoc lint --content {}` to check it, and fix the errors first",
            args.content.content.display()
        );
        return Ok(Status::Findings);
    }

    let started = Instant::now();
    let tera = templates::load(template_dir(args).as_deref())?;
    let (time, _) = TimeSettings::from_content(&loaded.raw);
    let samples = SampleRun::new(&loaded.raw, &time)?;
    let pages = markdown::render(&loaded.catalogue, &tera, Some(&samples))?;
    debug!(elapsed = ?started.elapsed(), pages = pages.len(), "rendered Markdown");

    let dir = args.out.join("markdown");
    if args.check {
        return check(&dir, &pages);
    }
    let started = Instant::now();
    output::write(&dir, &pages, args.force)?;
    debug!(elapsed = ?started.elapsed(), "wrote output");
    info!(pages = pages.len(), dir = %dir.display(), "catalogue built");
    println!("wrote {} Markdown pages to {}", pages.len(), dir.display());
    Ok(Status::Clean)
}

fn template_dir(args: &BuildArgs) -> Option<PathBuf> {
    args.templates.clone().or_else(|| {
        let default = PathBuf::from("templates");
        default.is_dir().then_some(default)
    })
}

fn check(dir: &std::path::Path, pages: &[crate::render::Page]) -> anyhow::Result<Status> {
    let drift = output::check(dir, pages)?;
    for (label, files) in [
        ("stale", &drift.stale),
        ("missing", &drift.missing),
        ("extra", &drift.extra),
    ] {
        for file in files {
            println!("{label}: {}", dir.join(file).display());
        }
    }
    if drift.is_empty() {
        println!("{} is up to date ({} pages)", dir.display(), pages.len());
        return Ok(Status::Clean);
    }
    println!(
        "{} is out of date: {} stale, {} missing, {} extra; run `contentdoc build` and commit the result",
        dir.display(),
        drift.stale.len(),
        drift.missing.len(),
        drift.extra.len()
    );
    Ok(Status::Findings)
}
