//! Writes a synthetic content catalogue for benchmarks:
//! `cargo run --release --example gen-catalogue -- --scale 1.0 [--seed N] OUT`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Parser;
use contentdoc::synth::{Config, generate};

/// Write a synthetic content tree at a scale of the reference library.
#[derive(Debug, Parser)]
struct Args {
    /// Size relative to the reference library (1.0: about 7,700 parsers).
    #[arg(long, default_value_t = 1.0)]
    scale: f64,

    /// Seed of the random number generator; the same seed and scale give the same tree.
    #[arg(long, default_value_t = 1)]
    seed: u64,

    /// Write into OUT even when it is not empty, deleting the content folders in it first.
    #[arg(long)]
    force: bool,

    /// Folder to write the content tree into.
    out: PathBuf,
}

fn main() -> ExitCode {
    let args = Args::parse();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &Args) -> anyhow::Result<()> {
    anyhow::ensure!(
        args.scale > 0.0 && args.scale <= 10.0,
        "--scale {} is out of range; give a number above 0 and at most 10",
        args.scale
    );
    prepare(&args.out, args.force)?;
    let summary = generate(
        &args.out,
        &Config {
            scale: args.scale,
            seed: args.seed,
        },
    )?;
    println!("{summary:#?}");
    Ok(())
}

/// Makes sure `out` exists and is empty; with `force`, clears the content in it.
fn prepare(out: &Path, force: bool) -> anyhow::Result<()> {
    std::fs::create_dir_all(out)?;
    let mut entries = std::fs::read_dir(out)?.peekable();
    if entries.peek().is_none() {
        return Ok(());
    }
    anyhow::ensure!(
        force,
        "{} is not empty; choose an empty folder or pass --force to replace the content in it",
        out.display()
    );
    for name in [
        "contentdoc.yaml",
        "vendors",
        "categories",
        "use-cases",
        "activity-types",
        "event-types",
        "rules",
        "models",
    ] {
        let path = out.join(name);
        if path.is_dir() {
            std::fs::remove_dir_all(&path)?;
        } else if path.exists() {
            std::fs::remove_file(&path)?;
        }
    }
    Ok(())
}
