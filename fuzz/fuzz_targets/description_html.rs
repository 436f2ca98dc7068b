//! Feeds arbitrary Markdown to the description renderer and checks that no
//! tag in the sanitised HTML can run script: no `<script>`, `<iframe>` or
//! `<object>`, no `on…=` event handler, no `javascript:`, `vbscript:` or
//! `data:` URL.

#![no_main]

use contentdoc::render::html::to_html;
use libfuzzer_sys::fuzz_target;

const FORBIDDEN_TAGS: [&str; 6] = ["script", "iframe", "object", "embed", "style", "svg"];
const FORBIDDEN_SCHEMES: [&str; 3] = ["javascript:", "vbscript:", "data:"];

fuzz_target!(|data: &[u8]| {
    let Ok(markdown) = std::str::from_utf8(data) else {
        return;
    };
    let html = to_html(markdown);
    // Text is escaped, so every `<` left in the output opens a real tag.
    for tag in html.split('<').skip(1) {
        let tag = tag.split('>').next().unwrap_or_default().to_ascii_lowercase();
        let name = tag
            .trim_start_matches('/')
            .split(|c: char| c.is_whitespace())
            .next()
            .unwrap_or_default();
        assert!(!FORBIDDEN_TAGS.contains(&name), "tag <{tag}> from {markdown:?}");
        for attribute in tag.split_whitespace().skip(1) {
            assert!(
                !attribute.starts_with("on"),
                "event handler in <{tag}> from {markdown:?}"
            );
            let value = attribute
                .split_once('=')
                .map(|(_, v)| v.trim_matches('"'))
                .unwrap_or_default();
            for scheme in FORBIDDEN_SCHEMES {
                assert!(
                    !value.trim_start().starts_with(scheme),
                    "{scheme} URL in <{tag}> from {markdown:?}"
                );
            }
        }
    }
});
