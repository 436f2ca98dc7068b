//! Mapping request paths to files of the served site, rejecting any path
//! that could name a file outside it.

use std::path::PathBuf;

use percent_encoding::percent_decode_str;

/// Reason a request path was rejected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rejected {
    /// Not an origin-form path (`/…`), or not valid UTF-8 after decoding.
    BadRequest,
    /// A segment that climbs or escapes: `..`, `.`, a backslash, a NUL, a
    /// drive letter, or an encoded `/`.
    Forbidden,
}

/// Returns the relative file path that request `target` names, checking
/// every segment after percent-decoding. The query string is ignored.
pub fn relative_path(target: &str) -> Result<PathBuf, Rejected> {
    let path = target.split(['?', '#']).next().unwrap_or("");
    let Some(path) = path.strip_prefix('/') else {
        return Err(Rejected::BadRequest);
    };
    if path.contains('\\') {
        return Err(Rejected::Forbidden);
    }
    let mut relative = PathBuf::new();
    for raw in path.split('/') {
        let segment = percent_decode_str(raw)
            .decode_utf8()
            .map_err(|_| Rejected::BadRequest)?;
        if raw.is_empty() {
            continue;
        }
        let bad = segment == "." || segment == ".." || segment.contains(['/', '\\', '\0', ':']);
        if bad {
            return Err(Rejected::Forbidden);
        }
        relative.push(segment.as_ref());
    }
    if path.is_empty() || path.ends_with('/') {
        relative.push("index.html");
    }
    Ok(relative)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_path_of_page_and_root() {
        assert_eq!(
            relative_path("/parsers/a.html?x=1"),
            Ok(PathBuf::from("parsers/a.html"))
        );
        assert_eq!(relative_path("/"), Ok(PathBuf::from("index.html")));
        assert_eq!(
            relative_path("/data-sources/"),
            Ok(PathBuf::from("data-sources/index.html"))
        );
        assert_eq!(relative_path("/a%20b.html"), Ok(PathBuf::from("a b.html")));
    }

    #[test]
    fn relative_path_rejects_traversal() {
        for target in [
            "/../etc/passwd",
            "/a/../../etc/passwd",
            "/%2e%2e/etc/passwd",
            "/%2E%2E%2fetc%2fpasswd",
            "/..%5cetc",
            "/a\\..\\b",
            "/./index.html",
            "/C:/Windows",
            "/a%00b",
        ] {
            assert_eq!(relative_path(target), Err(Rejected::Forbidden), "{target}");
        }
    }

    #[test]
    fn relative_path_rejects_absolute_form() {
        assert_eq!(
            relative_path("http://example.com/index.html"),
            Err(Rejected::BadRequest)
        );
        assert_eq!(relative_path("index.html"), Err(Rejected::BadRequest));
        assert_eq!(relative_path("/%ff"), Err(Rejected::BadRequest));
    }
}
