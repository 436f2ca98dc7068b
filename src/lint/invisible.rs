//! Characters that render as nothing but change what a string is.

/// Returns true for the byte order mark, zero-width characters and the
/// bidirectional controls that can make text read differently than it is.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
    )
}

/// Returns the Unicode name of an invisible character, for messages.
pub fn name(c: char) -> &'static str {
    match c {
        '\u{200B}' => "zero-width space",
        '\u{200C}' => "zero-width non-joiner",
        '\u{200D}' => "zero-width joiner",
        '\u{2060}' => "word joiner",
        '\u{FEFF}' => "byte order mark",
        '\u{202A}'..='\u{202E}' => "bidi embedding or override control",
        '\u{2066}'..='\u{2069}' => "bidi isolate control",
        _ => "invisible character",
    }
}

/// Writes each invisible character of `text` as `<U+200B>`, so that
/// messages and excerpts show it and cannot be reordered by it.
pub fn escape(text: &str) -> String {
    text.chars()
        .map(|c| {
            if is_invisible(c) {
                format!("<U+{:04X}>", c as u32)
            } else {
                c.to_string()
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invisible_covers_listed_ranges() {
        for c in [
            '\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{FEFF}', '\u{202A}', '\u{202E}', '\u{2066}', '\u{2069}',
        ] {
            assert!(is_invisible(c), "U+{:04X} is not flagged", c as u32);
        }
    }

    #[test]
    fn invisible_skips_ordinary_text() {
        for c in ['a', ' ', '\t', 'é', '\u{2029}', '\u{2065}'] {
            assert!(!is_invisible(c), "U+{:04X} is flagged", c as u32);
        }
    }
}
