//! Field regex specs: one field written under one key in one style, the
//! regex in the reference dialect (`({field}...)`) that reads it back, and
//! the log text that the regex matches.

use super::values::Kind;

/// How a key and its value are written in a log line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Style {
    /// `key=value`, preceded by a space.
    Pair,
    /// `key="value"`, preceded by a space.
    QuotedPair,
    /// `"key":"value"` (or `"key":123` for numbers) inside a JSON object.
    Json,
}

/// Which lookaround, if any, the regex uses in place of a plain prefix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lookaround {
    None,
    /// `(?<=\skey=)({field}...)`.
    Behind,
    /// `\skey=({field}...)(?=\s|$)`.
    Ahead,
}

/// One field regex and the way its text is written.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Spec {
    pub field: &'static str,
    pub kind: Kind,
    /// Key as written in the log, made of `[A-Za-z0-9_.-]`.
    pub key: String,
    pub style: Style,
    /// Regex class with quantifier, such as `[^\s]+`.
    pub class: &'static str,
    pub lookaround: Lookaround,
}

impl Spec {
    /// Returns the field regex in the reference dialect.
    pub fn regex(&self) -> String {
        let key = escape_key(&self.key);
        let capture = format!("({{{}}}{})", self.field, self.class);
        match (self.style, self.lookaround) {
            (Style::Pair, Lookaround::Behind) => format!(r"(?<=\s{key}=){capture}"),
            (Style::Pair, Lookaround::Ahead) => format!(r"\s{key}={capture}(?=\s|$)"),
            (Style::Pair, Lookaround::None) => format!(r"\s{key}={capture}"),
            (Style::QuotedPair, Lookaround::Behind) => format!(r#"(?<=\s{key}="){capture}""#),
            (Style::QuotedPair, _) => format!(r#"\s{key}="{capture}""#),
            (Style::Json, _) if self.kind.is_numeric() => format!(r#""{key}":{capture}"#),
            (Style::Json, Lookaround::Behind) => format!(r#"(?<="{key}":"){capture}""#),
            (Style::Json, _) => format!(r#""{key}":"{capture}""#),
        }
    }

    /// Returns the text of this field with `value`, without the separator before it.
    pub fn segment(&self, value: &str) -> String {
        match self.style {
            Style::Pair => format!("{}={value}", self.key),
            Style::QuotedPair => format!("{}=\"{value}\"", self.key),
            Style::Json if self.kind.is_numeric() => format!("\"{}\":{value}", self.key),
            Style::Json => format!("\"{}\":\"{value}\"", self.key),
        }
    }

    /// True when values of this spec must contain no `\`, as JSON text requires.
    pub fn plain_values(&self) -> bool {
        self.style == Style::Json
    }
}

/// Returns the class used inside quotes, where any character but `"` may occur.
pub fn quoted_class(nonempty: bool) -> &'static str {
    if nonempty { r#"[^"]+"# } else { r#"[^"]*"# }
}

fn escape_key(key: &str) -> String {
    key.replace('.', r"\.")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(style: Style, lookaround: Lookaround) -> Spec {
        Spec {
            field: "src_ip",
            kind: Kind::Ipv4,
            key: "src.ip".into(),
            style,
            class: r"[^\s]+",
            lookaround,
        }
    }

    #[test]
    fn pair_regex_escapes_key() {
        assert_eq!(
            spec(Style::Pair, Lookaround::None).regex(),
            r"\ssrc\.ip=({src_ip}[^\s]+)"
        );
    }

    #[test]
    fn lookbehind_regex_keeps_prefix() {
        assert_eq!(
            spec(Style::Pair, Lookaround::Behind).regex(),
            r"(?<=\ssrc\.ip=)({src_ip}[^\s]+)"
        );
    }

    #[test]
    fn json_segment_quotes_text() {
        assert_eq!(
            spec(Style::Json, Lookaround::None).segment("192.0.2.1"),
            r#""src.ip":"192.0.2.1""#
        );
    }
}
