//! Opening a diff side: a content directory, or the content folder of a git
//! revision of the repository in the working directory, extracted into a
//! temporary directory with `git archive`. Git runs at the repository root,
//! so revisions and `--content-path` mean the same from any subfolder.

use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use anyhow::{Context as _, bail};
use tempfile::TempDir;

/// A content tree on disk; a tree extracted from git is deleted when this is dropped.
#[derive(Debug)]
pub struct ContentTree {
    /// Content folder to load.
    pub path: PathBuf,
    /// The argument as given, for reports.
    pub label: String,
    _extracted: Option<TempDir>,
}

/// Opens `argument` as a directory if one exists at that path, otherwise as a
/// git revision whose `content_path` folder is extracted.
pub fn open(argument: &str, content_path: &str) -> anyhow::Result<ContentTree> {
    if Path::new(argument).is_dir() {
        return Ok(ContentTree {
            path: PathBuf::from(argument),
            label: argument.to_string(),
            _extracted: None,
        });
    }
    let root = repository_root(argument)?;
    let commit = resolve_commit(&root, argument)?;
    let dir = tempfile::Builder::new()
        .prefix("contentdoc-diff-")
        .tempdir()
        .context("cannot create a temporary directory for the extracted content")?;
    let archive = git(&root, &["archive", "--format=tar", &format!("{commit}:{content_path}")])?;
    if !archive.status.success() {
        bail!(
            "revision `{argument}` has no folder `{content_path}` ({}); pass --content-path with the content folder's path inside the repository",
            stderr(&archive)
        );
    }
    tar::Archive::new(Cursor::new(archive.stdout))
        .unpack(dir.path())
        .with_context(|| format!("cannot extract `{content_path}` of revision `{argument}`"))?;
    Ok(ContentTree {
        path: dir.path().to_path_buf(),
        label: argument.to_string(),
        _extracted: Some(dir),
    })
}

/// Returns the commit id of `revision`, or an error that explains why it is not one.
fn resolve_commit(root: &Path, revision: &str) -> anyhow::Result<String> {
    if revision.starts_with('-') {
        bail!("`{revision}` is neither a directory nor a git revision (revisions cannot start with `-`)");
    }
    let output = git(
        root,
        &["rev-parse", "--verify", "--quiet", &format!("{revision}^{{commit}}")],
    )?;
    if !output.status.success() {
        bail!(
            "`{revision}` is neither an existing directory nor a commit of the git repository here{}; \
             pass a content directory, or a revision such as HEAD~1, a tag or a commit id",
            match stderr(&output) {
                message if message.is_empty() => String::new(),
                message => format!(" ({message})"),
            }
        );
    }
    Ok(String::from_utf8_lossy(&output.stdout).trim().to_string())
}

/// Returns the top folder of the git repository around the working directory.
/// `git archive` run in a subfolder would only archive that subfolder's part
/// of the tree, which for `content/` is empty.
fn repository_root(argument: &str) -> anyhow::Result<PathBuf> {
    let output = git(Path::new("."), &["rev-parse", "--show-toplevel"])?;
    if !output.status.success() {
        bail!(
            "`{argument}` is not an existing directory, and the working directory is not inside a git repository \
             to read it as a revision ({}); pass a content directory, or run contentdoc inside the repository",
            stderr(&output)
        );
    }
    Ok(PathBuf::from(String::from_utf8_lossy(&output.stdout).trim()))
}

fn git(dir: &Path, args: &[&str]) -> anyhow::Result<Output> {
    Command::new("git")
        .args(args)
        .current_dir(dir)
        .output()
        .map_err(|error| {
            anyhow::anyhow!(
                "cannot run git ({error}); an argument that is not a directory is read as a git revision, \
             which needs git on PATH"
            )
        })
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).trim().to_string()
}
