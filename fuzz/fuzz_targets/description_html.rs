//! Feeds arbitrary Markdown to the description renderer and checks that no
//! tag in the sanitised HTML can run script: no `<script>`, `<iframe>` or
//! `<object>`, no `on…=` event handler, no `javascript:`, `vbscript:` or
//! `data:` URL.

#![no_main]

use contentdoc::render::html::to_html;
use libfuzzer_sys::fuzz_target;

const FORBIDDEN_TAGS: [&str; 6] = ["script", "iframe", "object", "embed", "style", "svg"];
const FORBIDDEN_SCHEMES: [&str; 3] = ["javascript:", "vbscript:", "data:"];

/// Splits the inside of a tag, as ammonia writes it (`name a="v" b="w"`),
/// into its name and its attributes. Values are always double-quoted, with
/// `"` inside them escaped, so a `"` always opens or closes a value.
fn parse_tag(tag: &str) -> (String, Vec<(String, String)>) {
    let tag = tag.trim_start_matches('/').trim_end_matches('/');
    let (name, mut rest) = tag.split_once(char::is_whitespace).unwrap_or((tag, ""));
    let mut attributes = Vec::new();
    while let Some((key, after)) = rest.split_once('=') {
        let after = after.trim_start().strip_prefix('"').unwrap_or(after);
        let (value, tail) = after.split_once('"').unwrap_or((after, ""));
        attributes.push((key.trim().to_ascii_lowercase(), value.to_ascii_lowercase()));
        rest = tail;
    }
    (name.to_ascii_lowercase(), attributes)
}

fuzz_target!(|data: &[u8]| {
    let Ok(markdown) = std::str::from_utf8(data) else {
        return;
    };
    let html = to_html(markdown);
    // Text is escaped, so every `<` left in the output opens a real tag.
    for tag in html.split('<').skip(1) {
        let tag = tag.split('>').next().unwrap_or_default();
        let (name, attributes) = parse_tag(tag);
        assert!(
            !FORBIDDEN_TAGS.contains(&name.as_str()),
            "tag <{tag}> from {markdown:?}"
        );
        for (key, value) in attributes {
            assert!(!key.starts_with("on"), "event handler in <{tag}> from {markdown:?}");
            let value = value.trim_start();
            for scheme in FORBIDDEN_SCHEMES {
                assert!(!value.starts_with(scheme), "{scheme} URL in <{tag}> from {markdown:?}");
            }
        }
    }
});
