//! End-to-end tests of `contentdoc serve` on 127.0.0.1: pages, rejected
//! paths, rebuilds after edits, and build errors.

mod common;

use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::thread::sleep;
use std::time::{Duration, Instant};

use common::*;

/// Time allowed for a rebuild to show up.
const REBUILD_TIMEOUT: Duration = Duration::from_secs(30);

/// A running `contentdoc serve`, stopped when dropped.
struct Serve {
    child: Child,
    address: String,
}

impl Serve {
    fn start(content: &Path) -> Serve {
        let mut child = Command::new(env!("CARGO_BIN_EXE_contentdoc"))
            .args(["serve", "--content", content.to_str().unwrap(), "--port", "0"])
            .current_dir(content.parent().unwrap())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("contentdoc serve starts");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let address = line
            .strip_prefix("serving http://")
            .and_then(|rest| rest.split('/').next())
            .unwrap_or_else(|| panic!("unexpected first line {line:?}"))
            .to_string();
        Serve { child, address }
    }

    /// Sends a GET for the raw request target and returns status and body.
    fn get(&self, target: &str) -> (u16, String) {
        let mut stream = TcpStream::connect(&self.address).unwrap();
        stream.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        write!(
            stream,
            "GET {target} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
            self.address
        )
        .unwrap();
        let mut response = Vec::new();
        stream.read_to_end(&mut response).unwrap();
        let response = String::from_utf8_lossy(&response).into_owned();
        let status = response.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
        let body = response
            .split_once("\r\n\r\n")
            .map(|(_, b)| b.to_string())
            .unwrap_or_default();
        (status, body)
    }

    fn status(&self) -> serde_json::Value {
        let (status, body) = self.get("/__contentdoc/version");
        assert_eq!(status, 200);
        serde_json::from_str(&body).unwrap()
    }

    /// Polls page `target` until its body satisfies `done`, within
    /// [`REBUILD_TIMEOUT`], and returns the body.
    fn wait_for_page(&self, target: &str, what: &str, done: impl Fn(&str) -> bool) -> String {
        let started = Instant::now();
        while started.elapsed() < REBUILD_TIMEOUT {
            let (_, body) = self.get(target);
            if done(&body) {
                return body;
            }
            sleep(Duration::from_millis(100));
        }
        panic!("timed out waiting for {what}");
    }

    /// Polls the version endpoint until `done` holds, within [`REBUILD_TIMEOUT`].
    fn wait_for(&self, what: &str, done: impl Fn(&serde_json::Value) -> bool) -> serde_json::Value {
        let started = Instant::now();
        while started.elapsed() < REBUILD_TIMEOUT {
            let status = self.status();
            if done(&status) {
                return status;
            }
            sleep(Duration::from_millis(200));
        }
        panic!("timed out waiting for {what}");
    }
}

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        let started = Instant::now();
        while started.elapsed() < Duration::from_secs(5) {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            sleep(Duration::from_millis(50));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn content_copy() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    copy_tree(&fixture("small"), &content);
    (dir, content)
}

#[test]
fn serve_pages_with_reload_script() {
    let (_dir, content) = content_copy();
    let serve = Serve::start(&content);
    let (status, body) = serve.get("/data-sources/acme/mail-gw.html");
    assert_eq!(status, 200);
    assert!(body.contains("<h1>Acme Mail Gateway</h1>"));
    assert!(body.contains("<script src=\"/__contentdoc/reload.js\"></script>\n</body>"));
    let (status, body) = serve.get("/");
    assert_eq!(status, 200);
    assert!(body.contains("<h1>Small test catalogue</h1>"));
    let (status, _) = serve.get("/assets/site.css");
    assert_eq!(status, 200);
    let (status, body) = serve.get("/no-such-page.html");
    assert_eq!(status, 404);
    assert!(body.contains("Page not found"));
}

#[test]
fn serve_rejects_paths_outside_site() {
    let (_dir, content) = content_copy();
    fs::write(content.parent().unwrap().join("secret.txt"), "top secret").unwrap();
    let serve = Serve::start(&content);
    for target in [
        "/../secret.txt",
        "/assets/../../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E%2Fsecret.txt",
        "/..%5csecret.txt",
        "/assets\\..\\..\\secret.txt",
        "/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/../../../../../../etc/passwd",
        "http://127.0.0.1/../secret.txt",
        "//etc/passwd",
    ] {
        let (status, body) = serve.get(target);
        assert!(status == 400 || status == 404, "{target}: status {status}");
        assert!(
            !body.contains("top secret") && !body.contains("root:"),
            "{target}: {body}"
        );
    }
}

#[test]
fn serve_rebuilds_after_edit_and_keeps_last_good_site() {
    let (_dir, content) = content_copy();
    let serve = Serve::start(&content);
    let first = serve.status()["version"].as_u64().unwrap();

    let product = content.join("vendors/acme/mail-gw/product.yaml");
    let text = fs::read_to_string(&product).unwrap();
    fs::write(&product, text.replace("name: Mail Gateway", "name: Mail Relay")).unwrap();
    serve.wait_for("the rebuild", |s| s["version"].as_u64() > Some(first));
    let (status, body) = serve.get("/data-sources/acme/mail-gw.html");
    assert_eq!(status, 200);
    assert!(body.contains("<h1>Acme Mail Relay</h1>"), "{body}");

    fs::write(
        &product,
        "id: mail-gw\nname: <b>Broken\ncategories: [no-such-category]\n",
    )
    .unwrap();
    let failed = serve.wait_for("the build errors", |s| s["errors"].is_string());
    assert!(
        failed["errors"].as_str().unwrap().contains("no-such-category"),
        "{failed}"
    );
    let (status, body) = serve.get("/data-sources/acme/mail-gw.html");
    assert_eq!(status, 200);
    assert!(body.contains("<h1>Acme Mail Relay</h1>"));

    fs::write(&product, text).unwrap();
    serve.wait_for("the recovery", |s| s["errors"].is_null());
    let (_, body) = serve.get("/data-sources/acme/mail-gw.html");
    assert!(body.contains("<h1>Acme Mail Gateway</h1>"));
}

#[test]
fn serve_rebuilds_after_atomic_save_and_new_file() {
    let (_dir, content) = content_copy();
    let serve = Serve::start(&content);
    let page = "/data-sources/acme/mail-gw/phishing.html";

    // Editors and `sed -i` save through a temporary file and a rename.
    let rule = content.join("rules/R-IN-1.yaml");
    let text = fs::read_to_string(&rule).unwrap();
    let temporary = content.join("rules/sedAb12Cd");
    fs::write(&temporary, text.replace("score: 15", "score: 42")).unwrap();
    fs::rename(&temporary, &rule).unwrap();
    serve.wait_for_page(page, "the edited score", |body| {
        body.contains(r#"<td class="num">42</td>"#)
    });
    // A rule edit leaves the parser pages as they were, taken from the
    // last build.
    let (status, body) = serve.get("/parsers/acme-mail-alert.html");
    assert_eq!(status, 200);
    assert!(body.contains("acme-mail-alert"), "{body}");

    // A new file is not among the loaded definitions, so the whole tree
    // is read again.
    let added = text
        .replace("id: R-IN-1", "id: R-IN-9")
        .replace("Inbound attachment alert", "Second inbound alert");
    fs::write(content.join("rules/R-IN-9.yaml"), added).unwrap();
    serve.wait_for_page(page, "the new rule", |body| body.contains("Second inbound alert"));

    fs::remove_file(content.join("rules/R-IN-9.yaml")).unwrap();
    let body = serve.wait_for_page(page, "the removal", |body| !body.contains("Second inbound alert"));
    assert!(body.contains(r#"<td class="num">42</td>"#), "{body}");
    assert!(serve.status()["errors"].is_null());
}

#[test]
fn serve_rebuilt_site_matches_full_build() {
    let (dir, content) = content_copy();
    let serve = Serve::start(&content);
    let edits = [
        // Coverage moves: the rule leaves one event type and one use case.
        (
            "rules/R-OUT-2.yaml",
            "event_types: [mail-out, mail-in]",
            "event_types: [mail-in]",
        ),
        (
            "rules/R-OUT-2.yaml",
            "use_cases: [exfil, phishing]",
            "use_cases: [phishing]",
        ),
        (
            "rules/R-WEB-1.yaml",
            "name: Large web upload",
            "name: Very large web upload",
        ),
        (
            "models/M-DOM.yaml",
            "name: Correspondent domains",
            "name: Usual domains",
        ),
    ];
    for (file, from, to) in edits {
        let path = content.join(file);
        let before = serve.status()["version"].as_u64();
        let text = fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{file} lacks {from}");
        fs::write(&path, text.replace(from, to)).unwrap();
        serve.wait_for("the rebuild", |s| s["version"].as_u64() > before);
    }

    let out = dir.path().join("full");
    let base_url = format!("http://{}/", serve.address);
    let output = contentdoc(
        dir.path(),
        &[
            "build",
            "--content",
            "content",
            "--out",
            "full",
            "--base-url",
            &base_url,
        ],
    );
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let html = out.join("html");
    for file in files(&html).iter().filter(|f| !f.starts_with('.')) {
        let (status, body) = serve.get(&format!("/{file}"));
        assert_eq!(status, 200, "{file}");
        let expected = fs::read_to_string(html.join(file)).unwrap();
        let served = body.replace("<script src=\"/__contentdoc/reload.js\"></script>\n", "");
        assert!(served == expected, "{file} differs from a full build");
    }
}
