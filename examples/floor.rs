//! The pulldown-cmark floor for build benchmarks: converts every Markdown
//! page under IN to HTML and writes one file per page under OUT, in
//! parallel on all cores, with the extensions contentdoc's pages use.
//! Nothing else happens, so its time is the cost of the conversion and the
//! file writes alone.
//!
//! `cargo run --release --example floor -- IN OUT`

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context as _;
use pulldown_cmark::{Options, Parser, html};
use rayon::prelude::*;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, output] = args.as_slice() else {
        eprintln!("usage: floor IN OUT  (IN: folder of Markdown pages, OUT: folder for the HTML pages)");
        return ExitCode::from(2);
    };
    match run(Path::new(input), Path::new(output)) {
        Ok(count) => {
            println!("converted {count} pages");
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::from(2)
        }
    }
}

fn run(input: &Path, output: &Path) -> anyhow::Result<usize> {
    let pages = markdown_files(input)?;
    pages.par_iter().try_for_each(|page| convert(input, output, page))?;
    Ok(pages.len())
}

fn markdown_files(root: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for entry in walkdir::WalkDir::new(root) {
        let entry = entry.with_context(|| format!("cannot read {}", root.display()))?;
        if entry.file_type().is_file() && entry.path().extension().is_some_and(|e| e == "md") {
            files.push(entry.path().strip_prefix(root)?.to_path_buf());
        }
    }
    Ok(files)
}

fn convert(input: &Path, output: &Path, page: &Path) -> anyhow::Result<()> {
    let source = input.join(page);
    let text = std::fs::read_to_string(&source).with_context(|| format!("cannot read {}", source.display()))?;
    let mut html_text = String::with_capacity(text.len() * 3 / 2);
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_HEADING_ATTRIBUTES;
    html::push_html(&mut html_text, Parser::new_ext(&text, options));
    let target = output.join(page).with_extension("html");
    if let Some(parent) = target.parent() {
        std::fs::create_dir_all(parent).with_context(|| format!("cannot create {}", parent.display()))?;
    }
    std::fs::write(&target, html_text).with_context(|| format!("cannot write {}", target.display()))
}
