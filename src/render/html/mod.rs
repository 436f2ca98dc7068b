//! The static HTML site: one page per Markdown page, plus the assets, the
//! search index, ATT&CK Navigator layers, `404.html` and `sitemap.xml`.
//!
//! Every page-to-page link is relative, so the tree works from file:// and
//! under any base path. Absolute URLs appear only in the sitemap and in the
//! Navigator layers, and only when a base URL is known.

mod assets;
mod describe;
mod layers;
mod layout;
mod navigator;
mod pages;
pub mod search;
mod sitemap;
mod templates;

use std::path::Path;

use rayon::prelude::*;
use tera::Tera;

pub use describe::to_html;
pub use layout::SiteView;
pub use navigator::{Layer, LayerTechnique};
pub use pages::Job;
pub use templates::load;

use super::Page;
use crate::catalogue::Catalogue;
use crate::render::views::Lookups;
use crate::samples::SampleRun;

/// Settings of one HTML build.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Absolute http(s) URL the site is published at, ending in `/`.
    pub base_url: Option<String>,
}

/// Renders the whole site, calling `on_page` after each page.
///
/// `assets` is the template override folder, whose `html/assets/` files
/// replace the built-in stylesheet and script by name.
pub fn render(
    catalogue: &Catalogue,
    tera: &Tera,
    options: &Options,
    assets: Option<&Path>,
    samples: Option<&SampleRun>,
    on_page: &(dyn Fn() + Sync),
) -> anyhow::Result<Vec<Page>> {
    render_selected(catalogue, tera, options, assets, samples, Selection::All, on_page)
}

/// The pages [`render_selected`] renders.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Selection<'a> {
    All,
    /// Every file but the parser pages, for a rebuild after changes that
    /// parser pages do not show: rules, models, use cases, categories and
    /// activity types.
    AllButParserPages,
    /// Like `AllButParserPages`, and of the product pages and product × use
    /// case pages only those of the products at these indexes, for a
    /// rebuild after changes to rules or models that only these products'
    /// coverage lists.
    ProductsOnly(&'a [usize]),
}

impl Selection<'_> {
    fn includes(&self, job: &Job) -> bool {
        match (self, job) {
            (Selection::All, _) => true,
            (_, Job::Parser(_)) => false,
            (Selection::ProductsOnly(products), Job::Product(index) | Job::ProductUseCase(index, _)) => {
                products.contains(index)
            }
            _ => true,
        }
    }
}

/// Returns the paths of the pages that `selection` leaves out.
pub fn unselected_paths(catalogue: &Catalogue, selection: Selection) -> Vec<String> {
    pages::jobs(catalogue)
        .iter()
        .filter(|job| !selection.includes(job))
        .map(|job| job.page(catalogue).path("html"))
        .collect()
}

/// Renders the files of the site that `selection` names, like [`render`].
pub fn render_selected(
    catalogue: &Catalogue,
    tera: &Tera,
    options: &Options,
    assets: Option<&Path>,
    samples: Option<&SampleRun>,
    selection: Selection,
    on_page: &(dyn Fn() + Sync),
) -> anyhow::Result<Vec<Page>> {
    let jobs = pages::jobs(catalogue);
    let selected: Vec<&Job> = jobs.iter().filter(|job| selection.includes(job)).collect();
    let lookups = Lookups::new(catalogue);
    let checks: pages::Checks<'_> = samples
        .map(|run| run.parsers.iter().map(|p| (p.file.as_path(), p)).collect())
        .unwrap_or_default();
    let render_pages = || {
        selected
            .par_iter()
            .map_init(Vec::new, |buffer, job| {
                let page = pages::render(&lookups, tera, job, &checks, buffer);
                on_page();
                page
            })
            .collect::<anyhow::Result<Vec<Page>>>()
    };
    // The search index and the layers are built by one thread each, so they
    // run beside the pages instead of after them.
    let render_indexes = || -> anyhow::Result<Vec<Page>> {
        let mut files = vec![Page {
            path: search::INDEX_PATH.to_string(),
            content: search::script(&lookups).into_bytes(),
        }];
        files.extend(layers::files(catalogue, options)?);
        Ok(files)
    };
    let (pages, indexes) = rayon::join(render_pages, render_indexes);
    let mut files = pages?;
    files.extend(indexes?);
    files.push(pages::not_found(catalogue, tera, options)?);
    files.extend(assets::files(assets)?);
    if let Some(base) = &options.base_url {
        let paths: Vec<String> = jobs.iter().map(|job| job.page(catalogue).path("html")).collect();
        files.push(sitemap::file(base, &paths));
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
}

/// Returns the number of HTML pages [`render`] renders from views, for a progress bar.
pub fn page_count(catalogue: &Catalogue) -> usize {
    pages::jobs(catalogue).len()
}

/// Checks that `url` is an absolute http(s) URL and returns it ending in `/`.
pub fn normalise_base_url(url: &str) -> anyhow::Result<String> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .ok_or_else(|| {
            anyhow::anyhow!("invalid base URL `{url}`: it must be an absolute http:// or https:// URL, such as https://example.com/catalogue/")
        })?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    if host.is_empty() || url.contains(['?', '#']) || url.chars().any(char::is_whitespace) {
        anyhow::bail!(
            "invalid base URL `{url}`: it needs a host and no query, fragment or spaces, such as https://example.com/catalogue/"
        );
    }
    Ok(if url.ends_with('/') {
        url.to_string()
    } else {
        format!("{url}/")
    })
}

#[cfg(test)]
mod tests {
    use super::normalise_base_url;

    #[test]
    fn base_url_gets_trailing_slash() {
        assert_eq!(
            normalise_base_url("https://example.com/docs").unwrap(),
            "https://example.com/docs/"
        );
        assert_eq!(
            normalise_base_url("http://example.com/").unwrap(),
            "http://example.com/"
        );
    }

    #[test]
    fn base_url_rejects_relative_and_other_schemes() {
        for url in [
            "docs/",
            "ftp://example.com/",
            "https://",
            "https:///x",
            "javascript:alert(1)",
            "https://a b/",
        ] {
            assert!(normalise_base_url(url).is_err(), "{url} was accepted");
        }
    }
}
