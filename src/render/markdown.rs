//! The Markdown catalogue: one page per view, rendered with Tera.

use std::collections::HashMap;
use std::path::Path;
use std::time::Instant;

use rayon::prelude::*;
use serde::Serialize;
use tera::{Context, Tera};

use super::Page;
use super::paths::PageRef;
use super::views::*;
use crate::catalogue::Catalogue;
use crate::samples::{ParserRun, SampleRun};

const EXT: &str = "md";

/// Renders every Markdown page of the catalogue, sorted by path. Parser
/// pages show the results in `samples` when it is given.
///
/// Pages are independent, so they are rendered in parallel with one shared,
/// compiled set of templates.
pub fn render(catalogue: &Catalogue, tera: &Tera, samples: Option<&SampleRun>) -> anyhow::Result<Vec<Page>> {
    let started = Instant::now();
    let checks: HashMap<&Path, &ParserRun> = samples
        .map(|run| run.parsers.iter().map(|p| (p.file.as_path(), p)).collect())
        .unwrap_or_default();
    let lookups = Lookups::new(catalogue);
    let mut pages = jobs(catalogue)
        .par_iter()
        .map_init(Vec::new, |buffer, job| render_job(&lookups, tera, &checks, job, buffer))
        .collect::<anyhow::Result<Vec<Page>>>()?;
    pages.sort_by(|a, b| a.path.cmp(&b.path));
    tracing::debug!(elapsed = ?started.elapsed(), pages = pages.len(), "rendered Markdown pages");
    Ok(pages)
}

/// One page to render, by the indexes of what it shows.
enum Job {
    Landing,
    DataSources,
    Categories,
    UseCases,
    Coverage,
    UseCase(usize),
    Product(usize),
    /// A product and the position of a use case in its coverage list.
    ProductUseCase(usize, usize),
    Parser(usize),
}

fn jobs(catalogue: &Catalogue) -> Vec<Job> {
    let mut jobs = vec![
        Job::Landing,
        Job::DataSources,
        Job::Categories,
        Job::UseCases,
        Job::Coverage,
    ];
    jobs.extend((0..catalogue.use_cases.len()).map(Job::UseCase));
    for (index, product) in catalogue.products.iter().enumerate() {
        jobs.push(Job::Product(index));
        jobs.extend((0..product.coverage.len()).map(|c| Job::ProductUseCase(index, c)));
    }
    jobs.extend((0..catalogue.parsers.len()).map(Job::Parser));
    jobs
}

/// Sample results of each parser, by the parser's file.
type Checks<'a> = HashMap<&'a Path, &'a ParserRun>;

/// Renders the page of `job`, using `buffer` as scratch space for the
/// template output before [`tidy`] copies it into the page.
fn render_job(
    lookups: &Lookups<'_>,
    tera: &Tera,
    checks: &Checks<'_>,
    job: &Job,
    buffer: &mut Vec<u8>,
) -> anyhow::Result<Page> {
    let catalogue = lookups.catalogue;
    let (page, template) = match *job {
        Job::Landing => (PageRef::Landing, "markdown/landing.md"),
        Job::DataSources => (PageRef::DataSources, "markdown/data-sources.md"),
        Job::Categories => (PageRef::Categories, "markdown/categories.md"),
        Job::UseCases => (PageRef::UseCases, "markdown/use-cases.md"),
        Job::Coverage => (PageRef::Coverage, "markdown/attack-coverage.md"),
        Job::UseCase(index) => (PageRef::UseCase(&catalogue.use_cases[index].id), "markdown/use-case.md"),
        Job::Product(index) => (product_page(catalogue, index), "markdown/product.md"),
        Job::ProductUseCase(product, coverage) => {
            let use_case = catalogue.products[product].coverage[coverage].use_case;
            let page = super::views::product_use_case_page(catalogue, product, use_case);
            (page, "markdown/product-use-case.md")
        }
        Job::Parser(index) => (PageRef::Parser(&catalogue.parsers[index].id), "markdown/parser.md"),
    };
    let linker = Linker::new(EXT, &page);
    let context = view_context(lookups, checks, job, &linker)?;
    let failed = |error: &dyn std::fmt::Display| {
        anyhow::anyhow!("cannot render {} with template {template}: {error}", linker.from)
    };
    buffer.clear();
    tera.render_to(template, &context, &mut *buffer)
        .map_err(|error| failed(&error))?;
    let text = std::str::from_utf8(buffer).map_err(|error| failed(&error))?;
    Ok(Page {
        path: linker.from,
        content: tidy(text).into_bytes(),
    })
}

fn view_context(lookups: &Lookups<'_>, checks: &Checks<'_>, job: &Job, linker: &Linker) -> anyhow::Result<Context> {
    let catalogue = lookups.catalogue;
    match *job {
        Job::Landing => context(&LandingView::new(catalogue, linker)),
        Job::DataSources => context(&DataSourcesView::new(catalogue, linker)),
        Job::Categories => context(&CategoriesView::new(lookups, linker)),
        Job::UseCases => context(&UseCasesView::new(catalogue, linker)),
        Job::Coverage => context(&CoverageView::new(lookups, linker)),
        Job::UseCase(index) => context(&UseCaseView::new(lookups, index, linker)),
        Job::Product(index) => context(&ProductView::new(lookups, index, linker)),
        Job::ProductUseCase(product, coverage) => {
            let coverage = &catalogue.products[product].coverage[coverage];
            context(&ProductUseCaseView::new(lookups, product, coverage, linker))
        }
        Job::Parser(index) => {
            let parser_checks = checks.get(catalogue.parsers[index].source.file.as_path()).copied();
            context(&ParserView::new(catalogue, index, linker, parser_checks))
        }
    }
}

fn context<T: Serialize>(view: &T) -> anyhow::Result<Context> {
    Context::from_serialize(view).map_err(|error| anyhow::anyhow!("cannot serialise a page view: {error}"))
}

/// Collapses runs of blank lines left by template tags, drops trailing spaces,
/// and ends the page with one newline. Fenced code blocks are kept exactly,
/// since a sample log's spacing is part of the sample.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank_run = 0;
    let mut fence: Option<&str> = None;
    for line in text.trim().lines() {
        if let Some(open) = fence {
            out.push_str(line);
            out.push('\n');
            if line == open {
                fence = None;
            }
            continue;
        }
        if line.starts_with("```") {
            fence = Some(line.trim_end_matches("text"));
        }
        let line = line.trim_end();
        blank_run = if line.is_empty() { blank_run + 1 } else { 0 };
        if blank_run <= 1 {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::tidy;

    #[test]
    fn tidy_collapses_blank_lines() {
        assert_eq!(tidy("a\n\n\n\nb  \n"), "a\n\nb\n");
    }

    #[test]
    fn tidy_keeps_code_blocks_exact() {
        let page = "x\n```text\nlog  \n\n\n```\ny";
        assert_eq!(tidy(page), "x\n```text\nlog  \n\n\n```\ny\n");
    }
}
