//! Typed view models for templates, built from the catalogue.
//!
//! A view holds display text and ready-made relative links for one page, so
//! templates only lay out what they receive. The same views serve every
//! output format; only the file extension of links differs.

mod common;
mod heatmap;
mod indexes;
mod lookups;
mod parser;
mod product;

pub use common::*;
pub use heatmap::{BUCKET_COLOURS, BUCKET_LABELS, HeatBucket, HeatCell, HeatColumn, HeatmapView, bucket};
pub use indexes::{CategoriesView, CoverageView, DataSourcesView, LandingView, UseCaseView, UseCasesView};
pub use lookups::Lookups;
pub use parser::ParserView;
pub use product::{
    ProductUseCaseView, ProductView, first_rule_by_technique, product_technique_counts, product_use_case_page,
    rule_anchor_href,
};
