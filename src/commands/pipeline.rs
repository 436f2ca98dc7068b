//! The shared first steps of every command: load, pick ATT&CK data, resolve.

use std::borrow::Cow;
use std::time::Instant;

use anyhow::Context as _;
use tracing::debug;

use crate::attack::AttackData;
use crate::catalogue::{self, Catalogue};
use crate::cli::ContentArgs;
use crate::diag::{self, Diagnostic, Position, codes};
use crate::load::{self, RawContent};

/// A loaded and resolved content tree with every problem found on the way.
pub struct Loaded {
    pub raw: RawContent,
    pub catalogue: Catalogue,
    pub diagnostics: Vec<Diagnostic>,
}

/// Loads and resolves the content named by `args`.
pub fn load_catalogue(args: &ContentArgs) -> anyhow::Result<Loaded> {
    let started = Instant::now();
    let (raw, diagnostics) = load::load_content(&args.content)?;
    debug!(elapsed = ?started.elapsed(), "loaded content");
    Ok(resolve_content(args, raw, diagnostics))
}

/// Resolves content that is already loaded, adding the problems found to
/// the load `diagnostics`.
pub fn resolve_content(args: &ContentArgs, raw: RawContent, mut diagnostics: Vec<Diagnostic>) -> Loaded {
    let attack = match choose_attack(args, &raw) {
        Ok(attack) => attack,
        Err(diagnostic) => {
            diagnostics.push(diagnostic);
            Cow::Borrowed(AttackData::bundled())
        }
    };
    let started = Instant::now();
    let (catalogue, found) = catalogue::resolve(&raw, attack);
    diagnostics.extend(found);
    diag::sort(&mut diagnostics);
    debug!(elapsed = ?started.elapsed(), "resolved catalogue");
    Loaded {
        raw,
        catalogue,
        diagnostics,
    }
}

/// Picks the ATT&CK data: `--attack`, then the `attack` setting, then the bundled data.
fn choose_attack(args: &ContentArgs, raw: &RawContent) -> Result<Cow<'static, AttackData>, Diagnostic> {
    if let Some(path) = &args.attack {
        if let Err(problem) = check_bundle_file(path, None) {
            return Err(Diagnostic::error(
                codes::ATTACK_DATA,
                Position::file_start(path),
                problem,
            ));
        }
        return AttackData::from_stix_file(path).map(Cow::Owned).map_err(|error| {
            Diagnostic::error(codes::ATTACK_DATA, Position::file_start(path), with_reasons(&error))
                .with_help("pass an ATT&CK Enterprise STIX 2.1 bundle such as enterprise-attack.json")
        });
    }
    let Some(settings) = &raw.settings else {
        return Ok(Cow::Borrowed(AttackData::bundled()));
    };
    let Some(attack) = &settings.value.attack else {
        return Ok(Cow::Borrowed(AttackData::bundled()));
    };
    let path = raw.root.join(&attack.value);
    if let Err(problem) = check_bundle_file(&path, Some(&raw.root)) {
        let position = Position::of(&settings.file, &attack.referenced);
        return Err(Diagnostic::error(codes::ATTACK_DATA, position, problem)
            .with_help("point `attack` at an ATT&CK Enterprise STIX 2.1 bundle: a regular file inside the content folder, written relative to it"));
    }
    AttackData::from_stix_file(&path).map(Cow::Owned).map_err(|error| {
        Diagnostic::error(
            codes::ATTACK_DATA,
            Position::of(&settings.file, &attack.referenced),
            with_reasons(&error),
        )
        .with_help("point `attack` at an ATT&CK Enterprise STIX 2.1 bundle, relative to the content folder")
    })
}

/// Maximum size of an ATT&CK STIX bundle. The official Enterprise bundle is
/// tens of MiB; a limit keeps a setting from reading an endless file.
const MAX_BUNDLE_BYTES: u64 = 256 * 1024 * 1024;

/// Checks that an ATT&CK bundle is a regular file of bounded size and, for a
/// path from the content's settings, that it stays inside the content folder,
/// so a pull request cannot make CI read files from elsewhere.
fn check_bundle_file(path: &std::path::Path, root: Option<&std::path::Path>) -> Result<(), String> {
    let metadata = std::fs::metadata(path)
        .map_err(|error| format!("failed to read ATT&CK data from {}: {error}", path.display()))?;
    if !metadata.is_file() {
        return Err(format!("{} is not a regular file", path.display()));
    }
    if metadata.len() > MAX_BUNDLE_BYTES {
        return Err(format!(
            "{} is larger than the limit of {MAX_BUNDLE_BYTES} bytes",
            path.display()
        ));
    }
    if let Some(root) = root {
        let inside = match (std::fs::canonicalize(path), std::fs::canonicalize(root)) {
            (Ok(file), Ok(root)) => file.starts_with(root),
            _ => false,
        };
        if !inside {
            return Err(format!("{} is outside the content folder", path.display()));
        }
    }
    Ok(())
}

/// Returns the message of `error` followed by those of its sources, such as
/// the operating system's reason a file could not be read.
fn with_reasons(error: &dyn std::error::Error) -> String {
    let mut message = error.to_string();
    let mut source = error.source();
    while let Some(reason) = source {
        message.push_str(": ");
        message.push_str(&reason.to_string());
        source = reason.source();
    }
    message
}

/// Prints the diagnostics of `loaded` to standard error, if there are any,
/// and returns whether any of them is an error.
pub fn report_errors(loaded: &Loaded) -> bool {
    if !loaded.diagnostics.is_empty() {
        eprint!("{}", diag::render_human(&loaded.diagnostics, &loaded.raw.sources));
    }
    diag::has_errors(&loaded.diagnostics)
}

/// Writes `text` to standard output. A closed pipe (as with `| head`) ends
/// the output quietly instead of failing the command.
pub fn write_stdout(text: &str) -> anyhow::Result<()> {
    use std::io::Write as _;
    ignore_closed_stdout(std::io::stdout().lock().write_all(text.as_bytes())).context("cannot write to standard output")
}

/// Writes `text` to standard output like [`write_stdout`], but removes its
/// ANSI colours when standard output is not a terminal.
pub fn write_styled_stdout(text: &str) -> anyhow::Result<()> {
    use std::io::Write as _;
    ignore_closed_stdout(anstream::stdout().write_all(text.as_bytes())).context("cannot write to standard output")
}

/// Treats a closed pipe on standard output as success, because the reader
/// has all it asked for; other errors pass through unchanged.
pub fn ignore_closed_stdout(result: std::io::Result<()>) -> std::io::Result<()> {
    match result {
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}
