//! CD404 invalid-field-copy: a field copy not written `source->target`.
//!
//! Each entry of a parser's `field_copies` must be two field names joined by
//! `->`, with no spaces: a field name starts with a letter or `_` and contains
//! letters, digits, `_` and `.`.
//!
//! Why: a copy the engine cannot read leaves the target field empty, so
//! rules that use it never match events of this parser.
//!
//! Example:
//!
//! ```yaml
//! field_copies: ['sender => user']   # write 'sender->user'
//! ```

use crate::diag::{Diagnostic, Position, Severity, codes};
use crate::lint::{Check, Context, Rule};

/// Registry entry of `invalid-field-copy`.
pub const RULE: Rule = Rule {
    code: codes::INVALID_FIELD_COPY,
    name: "invalid-field-copy",
    severity: Severity::Error,
    summary: "a field copy not written `source->target`",
    check: Check::Content(check),
    source: include_str!("invalid_field_copy.rs"),
};

fn check(context: &Context) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    for parser in &context.raw.parsers {
        let loaded = &parser.parser;
        for copy in &loaded.value.field_copies {
            if is_valid_copy(&copy.value) {
                continue;
            }
            found.push(
                Diagnostic::error(
                    codes::INVALID_FIELD_COPY,
                    Position::of(&loaded.file, &copy.referenced),
                    format!("invalid field copy `{}`", copy.value),
                )
                .with_help("write `source->target`: two field names joined by `->`, without spaces"),
            );
        }
    }
    found
}

fn is_valid_copy(copy: &str) -> bool {
    copy.split_once("->")
        .is_some_and(|(source, target)| is_field_name(source) && is_field_name(target))
}

/// Checks the field name syntax: a letter or `_`, then letters, digits, `_` or `.`.
fn is_field_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.')
}

#[cfg(test)]
mod tests {
    use super::is_valid_copy;

    #[test]
    fn copy_accepts_arrow_form() {
        assert!(is_valid_copy("sender->user"));
        assert!(is_valid_copy("src.ip->source_ip"));
    }

    #[test]
    fn copy_rejects_other_forms() {
        for copy in [
            "sender => user",
            "sender -> user",
            "sender->",
            "->user",
            "a->b->c",
            "sender",
            "1a->b",
        ] {
            assert!(!is_valid_copy(copy), "{copy:?} was accepted");
        }
    }
}
