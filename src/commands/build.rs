//! `contentdoc build`: render the Markdown catalogue and the HTML site, or
//! check that the committed Markdown is current.

use std::path::{Path, PathBuf};
use std::time::Instant;

use tracing::{debug, info};

use super::Status;
use super::pipeline::{load_catalogue, write_stdout};
use crate::catalogue::Catalogue;
use crate::cli::BuildArgs;
use crate::render::{Page, html, markdown, output, templates};
use crate::samples::{SampleRun, TimeSettings};
use crate::{diag, lint};

/// Runs the build; content problems are printed and give [`Status::Findings`].
pub fn run(args: &BuildArgs) -> anyhow::Result<Status> {
    let loaded = load_catalogue(&args.content)?;
    let (time, _) = TimeSettings::from_content(&loaded.raw);
    // The sample checks serve both the lint rules and the parser pages.
    let samples = SampleRun::new(&loaded.raw, &time);
    let diagnostics = match &samples {
        Ok(samples) => lint::check_using(&loaded.raw, &loaded.catalogue, loaded.diagnostics, samples),
        Err(_) => lint::check(&loaded.raw, &loaded.catalogue, loaded.diagnostics),
    };
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
    let templates_dir = template_dir(args.templates.as_deref());
    // From here on only the catalogue and the sample results are read, so
    // the file texts and the compiled parsers are freed before rendering.
    let mut samples = samples?;
    samples.release_parsers();
    let catalogue = &loaded.catalogue;
    drop(loaded.raw);
    // The Markdown pages, the export, and the HTML site render side by
    // side, so that the serial parts of each (the export is one JSON
    // document) overlap the parallel parts of the others.
    let render_markdown = || -> anyhow::Result<Vec<Page>> {
        let tera = templates::load(templates_dir.as_deref())?;
        let (pages, files) = rayon::join(
            || markdown::render(catalogue, &tera, Some(&samples)),
            || crate::interop::site_files(catalogue),
        );
        let mut pages = pages?;
        pages.extend(files?);
        pages.sort_by(|a, b| a.path.cmp(&b.path));
        debug!(elapsed = ?started.elapsed(), pages = pages.len(), "rendered Markdown");
        Ok(pages)
    };
    let dir = args.out.join("markdown");
    if args.check {
        return check(&dir, &render_markdown()?);
    }
    let options = html_options(args.base_url.as_deref(), catalogue)?;
    let (pages, site) = rayon::join(render_markdown, || {
        render_html(catalogue, templates_dir.as_deref(), &options, Some(&samples))
    });
    let (pages, site) = (pages?, site?);
    let html_dir = args.out.join("html");

    let started = Instant::now();
    output::write(&dir, &pages, args.force)?;
    output::write(&html_dir, &site, args.force)?;
    debug!(elapsed = ?started.elapsed(), "wrote output");
    info!(pages = pages.len(), dir = %dir.display(), "catalogue built");
    write_stdout(&format!(
        "wrote {} files to {}\nwrote {} HTML site files to {}\n",
        pages.len(),
        dir.display(),
        site.len(),
        html_dir.display()
    ))?;
    Ok(Status::Clean)
}

/// Returns the template override folder: `explicit`, else `./templates` when it exists.
pub fn template_dir(explicit: Option<&Path>) -> Option<PathBuf> {
    explicit.map(Path::to_path_buf).or_else(|| {
        // A `templates` that is a symbolic link is not used: in a pull
        // request it could point at files outside the repository.
        let default = PathBuf::from("templates");
        let is_real_dir = std::fs::symlink_metadata(&default).is_ok_and(|m| m.is_dir());
        is_real_dir.then_some(default)
    })
}

/// Picks the base URL: `--base-url`, else `base_url` in contentdoc.yaml, and validates it.
pub fn html_options(flag: Option<&str>, catalogue: &Catalogue) -> anyhow::Result<html::Options> {
    let base_url = match (flag, &catalogue.settings.base_url) {
        (Some(url), _) => Some(html::normalise_base_url(url)?),
        (None, Some(url)) => Some(
            html::normalise_base_url(url)
                .map_err(|error| anyhow::anyhow!("{error} (from base_url in contentdoc.yaml)"))?,
        ),
        (None, None) => None,
    };
    Ok(html::Options { base_url })
}

/// Renders the HTML site, with a progress bar on stderr when it is a terminal.
pub fn render_html(
    catalogue: &Catalogue,
    templates_dir: Option<&Path>,
    options: &html::Options,
    samples: Option<&SampleRun>,
) -> anyhow::Result<Vec<Page>> {
    let started = Instant::now();
    let tera = html::load(templates_dir)?;
    let bar = super::progress::bar(html::page_count(catalogue), "Rendering HTML");
    let site = html::render(catalogue, &tera, options, templates_dir, samples, &|| bar.inc(1));
    bar.finish_and_clear();
    let site = site?;
    debug!(elapsed = ?started.elapsed(), files = site.len(), "rendered HTML");
    Ok(site)
}

fn check(dir: &Path, pages: &[Page]) -> anyhow::Result<Status> {
    let drift = output::check(dir, pages)?;
    let mut report = String::new();
    for (label, files) in [
        ("stale", &drift.stale),
        ("missing", &drift.missing),
        ("extra", &drift.extra),
    ] {
        for file in files {
            report.push_str(&format!("{label}: {}\n", dir.join(file).display()));
        }
    }
    if drift.is_empty() {
        report.push_str(&format!("{} is up to date ({} files)\n", dir.display(), pages.len()));
        write_stdout(&report)?;
        return Ok(Status::Clean);
    }
    report.push_str(&format!(
        "{} is out of date: {} stale, {} missing, {} extra; run `contentdoc build` and commit the result\n",
        dir.display(),
        drift.stale.len(),
        drift.missing.len(),
        drift.extra.len()
    ));
    write_stdout(&report)?;
    Ok(Status::Findings)
}
