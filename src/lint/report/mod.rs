//! Machine-readable forms of a lint report: JSON, GitHub workflow commands
//! and SARIF 2.1.0. The human form is [`crate::diag::render_human`].

pub mod github;
pub mod json;
pub mod sarif;

use std::path::{Component, Path};

/// Returns `path` as CI systems expect it: relative to the working directory
/// when it is inside it, with `/` separators.
pub fn display_path(path: &Path) -> String {
    let relative = match std::env::current_dir() {
        Ok(cwd) if path.is_absolute() => path.strip_prefix(&cwd).unwrap_or(path),
        _ => path,
    };
    let parts: Vec<String> = relative
        .components()
        .filter(|c| !matches!(c, Component::CurDir))
        .map(|c| match c {
            Component::RootDir => String::new(),
            other => other.as_os_str().to_string_lossy().into_owned(),
        })
        .collect();
    parts.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_path_uses_slashes() {
        assert_eq!(
            display_path(Path::new("./content/rules/R-1.yaml")),
            "content/rules/R-1.yaml"
        );
    }

    #[test]
    fn display_path_strips_working_directory() {
        let inside = std::env::current_dir().unwrap().join("content/rules/R-1.yaml");
        assert_eq!(display_path(&inside), "content/rules/R-1.yaml");
    }
}
