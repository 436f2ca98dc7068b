//! Rendering: the resolved catalogue → pages, and writing them out.

pub mod escape;
pub mod html;
pub mod markdown;
pub mod output;
pub mod paths;
pub mod templates;
pub mod views;

/// One generated file: its path relative to the output folder, and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    pub path: String,
    pub content: Vec<u8>,
}
