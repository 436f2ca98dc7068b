//! Hostile or broken content: every case ends in a clear diagnostic, never a
//! panic, a hang or lost files.

mod common;

use std::fs;
use std::path::Path;

use common::*;

/// Copies the small fixture into a temporary folder as `content/`.
fn scratch() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&fixture("small"), &dir.path().join("content"));
    dir
}

fn build_in(dir: &Path, extra: &[&str]) -> (Option<i32>, String) {
    let mut args = vec!["build"];
    args.extend_from_slice(extra);
    let output = contentdoc(dir, &args);
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    (output.status.code(), text)
}

#[test]
fn alias_bomb_is_rejected() {
    let dir = scratch();
    let mut bomb = String::from("id: exfil\nname: Exfil\nx0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for level in 1..9 {
        let previous = format!("*a{}", level - 1);
        let list = [previous.as_str(); 9].join(", ");
        bomb.push_str(&format!("x{level}: &a{level} [{list}]\n"));
    }
    fs::write(dir.path().join("content/use-cases/exfil.yaml"), bomb).unwrap();
    let (code, output) = build_in(dir.path(), &[]);
    assert_eq!(code, Some(1), "{output}");
    assert!(output.contains("error[CD102]: unknown key `x0`"), "{output}");
    assert!(
        !output.contains("unknown use case `exfil`"),
        "a broken file's id was reported again: {output}"
    );
    assert!(output.contains("content/use-cases/exfil.yaml:3:1"), "{output}");
}

#[test]
fn oversized_file_names_the_limit() {
    let dir = scratch();
    let settings = dir.path().join("content/contentdoc.yaml");
    fs::write(&settings, "title: Small\nmax_file_bytes: 1000\n").unwrap();
    let big = format!("id: exfil\nname: Exfil\ndescription: {}\n", "x".repeat(2000));
    fs::write(dir.path().join("content/use-cases/exfil.yaml"), big).unwrap();
    let (code, output) = build_in(dir.path(), &[]);
    assert_eq!(code, Some(1), "{output}");
    assert!(output.contains("larger than the limit of 1000 bytes"), "{output}");
    assert!(output.contains("max_file_bytes"), "{output}");
}

#[test]
fn invalid_utf8_is_reported() {
    let dir = scratch();
    fs::write(
        dir.path().join("content/use-cases/exfil.yaml"),
        b"id: exfil\nname: \xff\xfe\n",
    )
    .unwrap();
    let (code, output) = build_in(dir.path(), &[]);
    assert_eq!(code, Some(1), "{output}");
    assert!(
        output.contains("not valid UTF-8 (invalid byte at offset 16)"),
        "{output}"
    );
}

#[test]
fn crlf_and_tabs_in_values_load() {
    let dir = scratch();
    let text = "id: exfil\r\nname: \"Data\tExfiltration\"\r\ndescription: Data leaving.\r\n";
    fs::write(dir.path().join("content/use-cases/exfil.yaml"), text).unwrap();
    let (code, output) = build_in(dir.path(), &[]);
    assert_eq!(code, Some(0), "{output}");
}

#[test]
fn byte_order_mark_is_reported() {
    let dir = scratch();
    let text = "\u{feff}id: exfil\nname: Exfil\n";
    fs::write(dir.path().join("content/use-cases/exfil.yaml"), text).unwrap();
    let (code, output) = build_in(dir.path(), &[]);
    assert_eq!(code, Some(1), "{output}");
    assert!(
        output.contains("error[CD109]: invisible byte order mark (U+FEFF) at the start of the file"),
        "{output}"
    );
    assert!(output.contains("content/use-cases/exfil.yaml:1:1"), "{output}");
}

#[test]
fn tab_indentation_is_located() {
    let dir = scratch();
    let event_type = "id: mail-in\nname: In\nclassification:\n\tdirection: in\n";
    fs::write(dir.path().join("content/event-types/mail-in.yaml"), event_type).unwrap();
    let (code, output) = build_in(dir.path(), &[]);
    assert_eq!(code, Some(1), "{output}");
    assert!(output.contains("content/event-types/mail-in.yaml:4:"), "{output}");
    assert!(output.contains("tab"), "{output}");
}

#[test]
fn yaml_one_one_scalars_stay_text() {
    let dir = scratch();
    let vendor = "id: globex\nname: NO\ndescription: yes\nurl: 0755\n";
    fs::write(dir.path().join("content/vendors/globex/vendor.yaml"), vendor).unwrap();
    let use_case = "id: exfil\nname: 1e3\ndescription: 2026-01-01\n";
    fs::write(dir.path().join("content/use-cases/exfil.yaml"), use_case).unwrap();
    let (code, output) = build_in(dir.path(), &[]);
    assert_eq!(code, Some(0), "{output}");
    let markdown = dir.path().join("site/markdown");
    let sources = fs::read_to_string(markdown.join("data-sources.md")).unwrap();
    assert!(headings(&sources).contains(&"NO".to_string()), "{sources}");
    assert!(sources.contains("<0755>"), "{sources}");
    let use_case = fs::read_to_string(markdown.join("use-cases/exfil.md")).unwrap();
    assert_eq!(headings(&use_case)[0], "1e3");
    assert!(use_case.contains("\n2026-01-01\n"), "{use_case}");
}

#[test]
fn empty_and_multi_document_files_rejected() {
    let dir = scratch();
    fs::write(dir.path().join("content/use-cases/exfil.yaml"), "").unwrap();
    let phishing = "id: phishing\nname: Phishing\n---\nid: other\nname: Other\n";
    fs::write(dir.path().join("content/use-cases/phishing.yaml"), phishing).unwrap();
    let (code, output) = build_in(dir.path(), &[]);
    assert_eq!(code, Some(1), "{output}");
    assert!(output.contains("content/use-cases/exfil.yaml:1:1"), "{output}");
    assert!(output.contains("file is empty"), "{output}");
    assert!(output.contains("content/use-cases/phishing.yaml:4:1"), "{output}");
    assert!(output.contains("several YAML documents"), "{output}");
}

#[cfg(unix)]
#[test]
fn symlinks_are_reported_not_followed() {
    let dir = scratch();
    let content = dir.path().join("content");
    std::os::unix::fs::symlink(&content, content.join("rules/loop")).unwrap();
    let outside = dir.path().join("outside.yaml");
    fs::write(&outside, "id: R-OUT-1\nname: Copy\nactivity_type: email-activity\n").unwrap();
    std::os::unix::fs::symlink(&outside, content.join("rules/R-LINK.yaml")).unwrap();
    let (code, output) = build_in(dir.path(), &[]);
    assert_eq!(code, Some(0), "{output}");
    assert!(output.contains("content/rules/loop"), "{output}");
    assert!(output.contains("content/rules/R-LINK.yaml"), "{output}");
    assert_eq!(
        output
            .matches("symbolic link in the content tree is not followed")
            .count(),
        2,
        "{output}"
    );
}

#[cfg(target_os = "linux")]
#[test]
fn non_utf8_file_name_is_reported() {
    use std::os::unix::ffi::OsStrExt;
    let dir = scratch();
    let name = std::ffi::OsStr::from_bytes(b"R-\xff.yaml");
    fs::write(dir.path().join("content/rules").join(name), "id: R\n").unwrap();
    let (code, output) = build_in(dir.path(), &[]);
    assert_eq!(code, Some(1), "{output}");
    assert!(output.contains("file name is not valid UTF-8"), "{output}");
}

#[test]
fn reserved_and_path_ids_rejected() {
    let dir = scratch();
    let rules = dir.path().join("content/rules");
    let rule = fs::read_to_string(rules.join("R-IN-1.yaml")).unwrap();
    fs::write(rules.join("CON.yaml"), rule.replace("id: R-IN-1", "id: CON")).unwrap();
    fs::write(rules.join("dots.yaml"), rule.replace("id: R-IN-1", "id: ../../etc")).unwrap();
    let (code, output) = build_in(dir.path(), &[]);
    assert_eq!(code, Some(1), "{output}");
    assert!(
        output.contains("invalid rule id `CON`: `CON` is a reserved device name"),
        "{output}"
    );
    assert!(
        output.contains("invalid rule id `../../etc`: the id starts with `.`"),
        "{output}"
    );
}

#[test]
fn foreign_output_folder_needs_force() {
    let dir = scratch();
    let markdown = dir.path().join("site/markdown");
    fs::create_dir_all(&markdown).unwrap();
    fs::write(markdown.join("notes.txt"), "my own notes\n").unwrap();
    fs::write(markdown.join("README.md"), "my own readme\n").unwrap();

    let (code, output) = build_in(dir.path(), &[]);
    assert_eq!(code, Some(2), "{output}");
    assert!(
        output.contains("holds entries that contentdoc did not write (README.md, notes.txt)"),
        "{output}"
    );
    assert_eq!(
        fs::read_to_string(markdown.join("README.md")).unwrap(),
        "my own readme\n"
    );

    let (code, output) = build_in(dir.path(), &["--force"]);
    assert_eq!(code, Some(0), "{output}");
    assert_eq!(
        fs::read_to_string(markdown.join("notes.txt")).unwrap(),
        "my own notes\n"
    );
    assert!(
        fs::read_to_string(markdown.join("README.md"))
            .unwrap()
            .starts_with("# Small test catalogue")
    );
}

/// Writes a catalogue large enough that a debug build takes a while to render.
fn large_content(root: &Path) {
    copy_tree(&fixture("small"), root);
    let template = fs::read_to_string(root.join("vendors/acme/mail-gw/parsers/acme-mail-alert.yaml")).unwrap();
    for vendor in 0..40 {
        let vendor_dir = root.join(format!("vendors/v{vendor}"));
        fs::create_dir_all(&vendor_dir).unwrap();
        fs::write(
            vendor_dir.join("vendor.yaml"),
            format!("id: v{vendor}\nname: Vendor {vendor}\n"),
        )
        .unwrap();
        for product in 0..5 {
            let product_dir = vendor_dir.join(format!("p{vendor}-{product}"));
            fs::create_dir_all(product_dir.join("parsers")).unwrap();
            let yaml = format!("id: p{vendor}-{product}\nname: Product {product}\ncategories: [email-security]\n");
            fs::write(product_dir.join("product.yaml"), yaml).unwrap();
            // A third condition makes each copy the parser chosen for its
            // own samples, so that they pass the sample checks.
            let tag = format!("V{vendor}-{product} ");
            let parser = template
                .replace("id: acme-mail-alert", &format!("id: parser-{vendor}-{product}"))
                .replace("['ACME-MAIL', 'alert=']", &format!("['ACME-MAIL', 'alert=', '{tag}']"))
                .replace("ACME-MAIL alert=", &format!("ACME-MAIL {tag}alert="));
            fs::write(
                product_dir.join(format!("parsers/parser-{vendor}-{product}.yaml")),
                parser,
            )
            .unwrap();
        }
    }
}

#[test]
fn killed_build_leaves_previous_site() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    large_content(&content);
    let (code, output) = build_in(dir.path(), &[]);
    assert_eq!(code, Some(0), "{output}");
    let markdown = dir.path().join("site/markdown");
    let before: Vec<(String, Vec<u8>)> = files(&markdown)
        .into_iter()
        .map(|f| (f.clone(), fs::read(markdown.join(&f)).unwrap()))
        .collect();

    fs::write(
        content.join("use-cases/exfil.yaml"),
        "id: exfil\nname: Exfiltration Renamed\n",
    )
    .unwrap();
    for delay_ms in [5, 20, 40, 80, 160] {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_contentdoc"))
            .arg("build")
            .current_dir(dir.path())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(delay_ms));
        let _ = child.kill();
        let _ = child.wait();
        let after = files(&markdown);
        let old_names: Vec<&String> = before.iter().map(|(f, _)| f).collect();
        assert_eq!(
            after.iter().collect::<Vec<_>>(),
            old_names,
            "file list changed after a kill at {delay_ms} ms"
        );
        let renamed = fs::read_to_string(markdown.join("use-cases/exfil.md"))
            .unwrap()
            .contains("Exfiltration Renamed");
        if renamed {
            break;
        }
        for (file, bytes) in &before {
            assert_eq!(
                &fs::read(markdown.join(file)).unwrap(),
                bytes,
                "{file} changed after a kill at {delay_ms} ms"
            );
        }
    }
}

#[cfg(unix)]
#[test]
fn force_keeps_links_and_empty_folders() {
    let dir = scratch();
    let markdown = dir.path().join("site/markdown");
    fs::create_dir_all(markdown.join("keep/empty")).unwrap();
    let outside = dir.path().join("outside.txt");
    fs::write(&outside, "outside\n").unwrap();
    std::os::unix::fs::symlink(&outside, markdown.join("link")).unwrap();

    let (code, output) = build_in(dir.path(), &["--force"]);
    assert_eq!(code, Some(0), "{output}");
    assert!(markdown.join("keep/empty").is_dir());
    assert!(
        fs::symlink_metadata(markdown.join("link"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(fs::read_to_string(&outside).unwrap(), "outside\n");

    let (code, output) = build_in(dir.path(), &[]);
    assert_eq!(code, Some(2), "the foreign entries still need --force: {output}");
    let (code, output) = build_in(dir.path(), &["--force"]);
    assert_eq!(code, Some(0), "{output}");
    assert!(
        fs::symlink_metadata(markdown.join("link"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
}

#[cfg(unix)]
#[test]
fn force_never_writes_through_links() {
    let dir = scratch();
    let markdown = dir.path().join("site/markdown");
    fs::create_dir_all(&markdown).unwrap();
    let outside = dir.path().join("outside.md");
    fs::write(&outside, "outside\n").unwrap();
    std::os::unix::fs::symlink(&outside, markdown.join("README.md")).unwrap();

    let (code, output) = build_in(dir.path(), &["--force"]);
    assert_eq!(code, Some(2), "{output}");
    assert!(output.contains("README.md is a symbolic link"), "{output}");
    assert_eq!(fs::read_to_string(&outside).unwrap(), "outside\n");
}

#[test]
fn leftover_old_folder_does_not_block() {
    let dir = scratch();
    let (code, output) = build_in(dir.path(), &[]);
    assert_eq!(code, Some(0), "{output}");
    let markdown = dir.path().join("site/markdown");
    let leftover = dir.path().join("site/.markdown.building-abc123.old");
    copy_tree(&markdown, &leftover);

    let (code, output) = build_in(dir.path(), &[]);
    assert_eq!(code, Some(0), "{output}");
    assert!(!leftover.exists(), "the folder a killed build left was not removed");
}

#[cfg(unix)]
#[test]
fn template_symlink_is_rejected() {
    let dir = scratch();
    let assets = dir.path().join("templates/html/assets");
    fs::create_dir_all(&assets).unwrap();
    std::os::unix::fs::symlink("/proc/self/environ", assets.join("site.css")).unwrap();
    let (code, output) = build_in(dir.path(), &[]);
    assert_eq!(code, Some(2), "{output}");
    assert!(output.contains("site.css is a symbolic link"), "{output}");
}

#[test]
fn attack_setting_stays_inside_content() {
    let dir = scratch();
    let outside = dir.path().join("enterprise-attack.json");
    fs::write(&outside, "\"TOP-SECRET\"").unwrap();
    let settings = dir.path().join("content/contentdoc.yaml");
    fs::write(&settings, "title: Small\nattack: ../enterprise-attack.json\n").unwrap();
    let (code, output) = build_in(dir.path(), &[]);
    assert_eq!(code, Some(1), "{output}");
    assert!(output.contains("is outside the content folder"), "{output}");
    assert!(!output.contains("TOP-SECRET"), "{output}");
}

#[test]
fn attack_setting_rejects_devices() {
    let dir = scratch();
    let settings = dir.path().join("content/contentdoc.yaml");
    fs::write(&settings, "title: Small\nattack: /dev/zero\n").unwrap();
    let (code, output) = build_in(dir.path(), &[]);
    assert_eq!(code, Some(1), "{output}");
    assert!(output.contains("/dev/zero is not a regular file"), "{output}");
}

#[test]
fn default_year_out_of_range_is_reported() {
    let dir = scratch();
    let settings = dir.path().join("content/contentdoc.yaml");
    fs::write(
        &settings,
        "title: Small\ntime:\n  default_year: 262142\n  default_zone: \"-05:00\"\n",
    )
    .unwrap();
    let (code, output) = build_in(dir.path(), &[]);
    assert_eq!(code, Some(1), "{output}");
    assert!(
        output.contains("`time.default_year` 262142 is outside the years 1 to 9999"),
        "{output}"
    );
    assert!(!output.contains("panicked"), "{output}");
}

#[test]
fn tactic_id_names_tactic() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    copy_tree(&fixture("small"), &content);
    let rule = content.join("rules/R-IN-1.yaml");
    let text = std::fs::read_to_string(&rule)
        .unwrap()
        .replace("attack: [T1566.001]", "attack: [TA0010]");
    std::fs::write(&rule, text).unwrap();
    let output = contentdoc(dir.path(), &["lint", "--content", "content", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let found: Vec<(&str, &str)> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "CD301")
        .map(|d| (d["message"].as_str().unwrap(), d["help"].as_str().unwrap()))
        .collect();
    assert_eq!(
        found,
        [(
            "`TA0010` is the id of the ATT&CK tactic Exfiltration (TA and four digits), not of a technique",
            "rules map to techniques, not tactics; write the id of a technique of Exfiltration, such as `T1011` (Exfiltration Over Other Network Medium)"
        )]
    );
}
