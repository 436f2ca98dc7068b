//! Rendering one HTML page: its view, the shared site view, the template.

use serde::Serialize;
use tera::{Context, Tera};

use super::Options;
use super::layout::{SiteView, root_of};
use crate::catalogue::Catalogue;
use crate::render::Page;
use crate::render::paths::PageRef;
use crate::render::views::*;
use crate::samples::ParserRun;

/// Sample results of each parser, by the parser's file.
pub type Checks<'a> = std::collections::HashMap<&'a std::path::Path, &'a ParserRun>;

const EXT: &str = "html";

/// One page to render, by catalogue index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Job {
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

impl Job {
    /// Returns the page this job renders.
    pub fn page<'a>(&self, catalogue: &'a Catalogue) -> PageRef<'a> {
        match *self {
            Job::Landing => PageRef::Landing,
            Job::DataSources => PageRef::DataSources,
            Job::Categories => PageRef::Categories,
            Job::UseCases => PageRef::UseCases,
            Job::Coverage => PageRef::Coverage,
            Job::UseCase(index) => PageRef::UseCase(&catalogue.use_cases[index].id),
            Job::Product(index) => product_page(catalogue, index),
            Job::ProductUseCase(product, position) => {
                let use_case = catalogue.products[product].coverage[position].use_case;
                product_use_case_page(catalogue, product, use_case)
            }
            Job::Parser(index) => PageRef::Parser(&catalogue.parsers[index].id),
        }
    }

    fn template(&self) -> &'static str {
        match self {
            Job::Landing => "html/landing.html",
            Job::DataSources => "html/data-sources.html",
            Job::Categories => "html/categories.html",
            Job::UseCases => "html/use-cases.html",
            Job::Coverage => "html/attack-coverage.html",
            Job::UseCase(_) => "html/use-case.html",
            Job::Product(_) => "html/product.html",
            Job::ProductUseCase(..) => "html/product-use-case.html",
            Job::Parser(_) => "html/parser.html",
        }
    }
}

/// Lists every page of the site that has a Markdown counterpart.
pub fn jobs(catalogue: &Catalogue) -> Vec<Job> {
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
        jobs.extend((0..product.coverage.len()).map(|position| Job::ProductUseCase(index, position)));
    }
    jobs.extend((0..catalogue.parsers.len()).map(Job::Parser));
    jobs
}

/// Renders the page of `job`, using `buffer` as scratch space.
pub fn render(
    lookups: &Lookups<'_>,
    tera: &Tera,
    job: &Job,
    checks: &Checks<'_>,
    buffer: &mut Vec<u8>,
) -> anyhow::Result<Page> {
    let catalogue = lookups.catalogue;
    let page = job.page(catalogue);
    let linker = Linker::new(EXT, &page);
    let mut context = match *job {
        Job::Landing => context(&LandingView::new(catalogue, &linker)),
        Job::DataSources => context(&DataSourcesView::new(catalogue, &linker)),
        Job::Categories => context(&CategoriesView::new(lookups, &linker)),
        Job::UseCases => context(&UseCasesView::new(catalogue, &linker)),
        Job::Coverage => context(&CoverageView::new(lookups, &linker)),
        Job::UseCase(index) => context(&UseCaseView::new(lookups, index, &linker)),
        Job::Product(index) => context(&ProductView::new(lookups, index, &linker)),
        Job::ProductUseCase(product, position) => {
            let coverage = &catalogue.products[product].coverage[position];
            context(&ProductUseCaseView::new(lookups, product, coverage, &linker))
        }
        Job::Parser(index) => {
            let file = &catalogue.parsers[index].source.file;
            context(&ParserView::new(
                catalogue,
                index,
                &linker,
                checks.get(file.as_path()).copied(),
            ))
        }
    }?;
    let site = SiteView::new(&catalogue.settings.title, &linker.from, root_of(&linker.from));
    context.insert("site", &site);
    finish(tera, job.template(), &context, linker.from, buffer)
}

/// Renders `404.html`. A server shows it at any path, so its links start at
/// the base URL when there is one. Without one, they work from the root only.
pub fn not_found(catalogue: &Catalogue, tera: &Tera, options: &Options) -> anyhow::Result<Page> {
    let root = options.base_url.clone().unwrap_or_default();
    let mut context = Context::new();
    context.insert("site", &SiteView::new(&catalogue.settings.title, "404.html", root));
    context.insert("breadcrumbs", &Vec::<Link>::new());
    finish(tera, "html/404.html", &context, "404.html".to_string(), &mut Vec::new())
}

/// Renders `template` into `buffer` and copies the result into a page of
/// exactly its size. Tera's own `render` grows a fresh vector by doubling,
/// which left a page's allocation up to twice its length.
fn finish(tera: &Tera, template: &str, context: &Context, path: String, buffer: &mut Vec<u8>) -> anyhow::Result<Page> {
    buffer.clear();
    tera.render_to(template, context, &mut *buffer)
        .map_err(|error| anyhow::anyhow!("cannot render {path} with template {template}: {error}"))?;
    Ok(Page {
        path,
        content: buffer.as_slice().to_vec(),
    })
}

fn context<T: Serialize>(view: &T) -> anyhow::Result<Context> {
    Context::from_serialize(view).map_err(|error| anyhow::anyhow!("cannot serialise a page view: {error}"))
}
