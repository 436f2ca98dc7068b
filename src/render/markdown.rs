//! The Markdown catalogue: one page per view, rendered with Tera.

use serde::Serialize;
use tera::{Context, Tera};

use super::Page;
use super::paths::PageRef;
use super::views::*;
use crate::catalogue::Catalogue;
use crate::samples::SampleRun;

const EXT: &str = "md";

/// Renders every Markdown page of the catalogue, sorted by path. Parser
/// pages show the results in `samples` when it is given.
pub fn render(catalogue: &Catalogue, tera: &Tera, samples: Option<&SampleRun>) -> anyhow::Result<Vec<Page>> {
    let mut pages = Vec::new();
    let mut add =
        |page: PageRef<'_>, template: &str, view: &dyn Fn(&Linker) -> anyhow::Result<Context>| -> anyhow::Result<()> {
            let linker = Linker::new(EXT, &page);
            let context = view(&linker)?;
            let text = tera
                .render(template, &context)
                .map_err(|error| anyhow::anyhow!("cannot render {} with template {template}: {error}", linker.from))?;
            pages.push(Page {
                path: linker.from,
                content: tidy(&text).into_bytes(),
            });
            Ok(())
        };

    add(PageRef::Landing, "markdown/landing.md", &|l| {
        context(&LandingView::new(catalogue, l))
    })?;
    add(PageRef::DataSources, "markdown/data-sources.md", &|l| {
        context(&DataSourcesView::new(catalogue, l))
    })?;
    add(PageRef::Categories, "markdown/categories.md", &|l| {
        context(&CategoriesView::new(catalogue, l))
    })?;
    add(PageRef::UseCases, "markdown/use-cases.md", &|l| {
        context(&UseCasesView::new(catalogue, l))
    })?;
    add(PageRef::Coverage, "markdown/attack-coverage.md", &|l| {
        context(&CoverageView::new(catalogue, l))
    })?;
    for (index, use_case) in catalogue.use_cases.iter().enumerate() {
        add(PageRef::UseCase(&use_case.id), "markdown/use-case.md", &|l| {
            context(&UseCaseView::new(catalogue, index, l))
        })?;
    }
    for (index, product) in catalogue.products.iter().enumerate() {
        add(product_page(catalogue, index), "markdown/product.md", &|l| {
            context(&ProductView::new(catalogue, index, l))
        })?;
        for coverage in &product.coverage {
            let page = super::views::product_use_case_page(catalogue, index, coverage.use_case);
            add(page, "markdown/product-use-case.md", &|l| {
                context(&ProductUseCaseView::new(catalogue, index, coverage, l))
            })?;
        }
    }
    for (index, parser) in catalogue.parsers.iter().enumerate() {
        add(PageRef::Parser(&parser.id), "markdown/parser.md", &|l| {
            let checks = samples.and_then(|run| run.parsers.iter().find(|p| p.file == parser.source.file));
            context(&ParserView::new(catalogue, index, l, checks))
        })?;
    }
    pages.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(pages)
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
