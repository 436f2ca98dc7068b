//! HTTP responses of the preview server: site files, the reload endpoints, errors.

use std::path::Path;

use serde::Serialize;
use tiny_http::{Header, Method, Request, Response, Server};
use tracing::{debug, warn};

use super::paths::{Rejected, relative_path};
use super::{Shared, Site};

const VERSION_PATH: &str = "/__contentdoc/version";
const RELOAD_PATH: &str = "/__contentdoc/reload.js";
const RELOAD_SCRIPT: &str = include_str!("reload.js");
const RELOAD_TAG: &str = "<script src=\"/__contentdoc/reload.js\"></script>";

/// Body of the version endpoint.
#[derive(Debug, Serialize)]
struct Status {
    version: u64,
    errors: Option<String>,
}

/// Responds to requests from `server` until it is unblocked or fails.
pub fn serve_requests(server: &Server, shared: &Shared) {
    while let Ok(request) = server.recv() {
        let url = request.url().to_string();
        let (status, content_type, body) = answer(&request, shared);
        debug!(%url, status, "request");
        let response = Response::from_data(body)
            .with_status_code(status)
            .with_header(header("Content-Type", content_type))
            .with_header(header("Cache-Control", "no-store"));
        if let Err(error) = request.respond(response) {
            warn!(%url, %error, "cannot send a response");
        }
    }
}

fn answer(request: &Request, shared: &Shared) -> (u16, &'static str, Vec<u8>) {
    if !matches!(request.method(), Method::Get | Method::Head) {
        return (
            405,
            "text/plain; charset=utf-8",
            b"only GET and HEAD are allowed\n".to_vec(),
        );
    }
    let url = request.url();
    if url.split('?').next() == Some(VERSION_PATH) {
        let (version, errors) = shared.status();
        let body = serde_json::to_vec(&Status { version, errors }).unwrap_or_default();
        return (200, "application/json", body);
    }
    if url == RELOAD_PATH {
        return (200, "text/javascript; charset=utf-8", RELOAD_SCRIPT.as_bytes().to_vec());
    }
    let relative = match relative_path(url) {
        Ok(relative) => relative,
        Err(Rejected::BadRequest) => return (400, "text/plain; charset=utf-8", b"bad request path\n".to_vec()),
        Err(Rejected::Forbidden) => return (404, "text/plain; charset=utf-8", b"not found\n".to_vec()),
    };
    let Some(site) = shared.site() else {
        let errors = shared.status().1.unwrap_or_default();
        return (503, "text/html; charset=utf-8", error_page(&errors).into_bytes());
    };
    match find(&site, &relative) {
        Some((path, bytes)) => {
            let content_type = content_type(Path::new(path));
            (200, content_type, with_reload(bytes.to_vec(), content_type))
        }
        None => {
            let page = site
                .get("404.html")
                .map_or_else(|| b"not found\n".to_vec(), |page| page.to_vec());
            (
                404,
                "text/html; charset=utf-8",
                with_reload(page, "text/html; charset=utf-8"),
            )
        }
    }
}

/// Returns the site file that `relative` names, or the `index.html` of the
/// folder it names.
fn find<'a>(site: &'a Site, relative: &Path) -> Option<(&'a str, &'a [u8])> {
    let segments: Vec<&str> = relative.iter().map(|part| part.to_str()).collect::<Option<_>>()?;
    let path = segments.join("/");
    let index = format!("{path}/index.html");
    [path, index]
        .into_iter()
        .find_map(|key| site.get_key_value(key.as_str()))
        .map(|(key, bytes)| (key.as_str(), &bytes[..]))
}

/// Adds the reload script to an HTML page, before `</body>`.
fn with_reload(bytes: Vec<u8>, content_type: &str) -> Vec<u8> {
    if !content_type.starts_with("text/html") {
        return bytes;
    }
    let text = String::from_utf8_lossy(&bytes);
    match text.rfind("</body>") {
        Some(at) => format!("{}{RELOAD_TAG}\n{}", &text[..at], &text[at..]).into_bytes(),
        None => format!("{text}{RELOAD_TAG}\n").into_bytes(),
    }
}

/// Returns the page shown before any build has succeeded, with the errors escaped.
fn error_page(errors: &str) -> String {
    let mut escaped = Vec::new();
    let _ = tera::escape_html(errors, &mut escaped);
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Build failed</title></head>\
         <body><h1>The content has errors</h1><pre>{}</pre>{RELOAD_TAG}</body></html>\n",
        String::from_utf8_lossy(&escaped)
    )
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("json") => "application/json",
        Some("xml") => "application/xml",
        Some("png") => "image/png",
        Some("svg") => "image/svg+xml",
        _ => "application/octet-stream",
    }
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("header names and values here are ASCII")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn with_reload_inserts_before_body_end() {
        let page = with_reload(b"<body><p>x</p></body></html>".to_vec(), "text/html; charset=utf-8");
        assert_eq!(
            String::from_utf8(page).unwrap(),
            format!("<body><p>x</p>{RELOAD_TAG}\n</body></html>")
        );
    }

    #[test]
    fn error_page_escapes_errors() {
        let page = error_page("<script>alert(1)</script>");
        assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(!page.contains("<script>alert"));
    }
}
