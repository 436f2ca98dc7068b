//! The one list of lint rules: code, name, default severity, summary and
//! documentation, and how each rule is checked.
//!
//! To add a rule, write a file under `src/lint/rules/` whose `//!` comment
//! documents it and whose `RULE` constant describes it, then add it to
//! [`RULES`]. Rules that run the parser engine on samples are added the same
//! way, with a [`Check::Content`] function that calls the engine.

use crate::diag::{Diagnostic, Severity};

use super::Context;
use super::rules::*;

/// Source of a rule's findings.
#[derive(Clone, Copy)]
pub enum Check {
    /// Loading, resolution or the `lint` settings report the code; the rule
    /// documents it.
    Builtin,
    /// A function over the loaded and resolved content.
    Content(fn(&Context) -> Vec<Diagnostic>),
}

/// A lint rule.
pub struct Rule {
    /// Stable code such as `CD204`.
    pub code: &'static str,
    /// Kebab-case name such as `dangling-reference`.
    pub name: &'static str,
    /// Severity unless the `lint.levels` setting changes it.
    pub severity: Severity,
    /// One line, lower case, no full stop: what the rule finds.
    pub summary: &'static str,
    pub check: Check,
    /// Text of the rule's source file; its `//!` comment is the documentation.
    pub source: &'static str,
}

impl Rule {
    /// Returns the rule's documentation: the `//!` comment of its file.
    pub fn doc(&self) -> String {
        let lines: Vec<&str> = self
            .source
            .lines()
            .map_while(|line| line.strip_prefix("//!"))
            .map(|line| line.strip_prefix(' ').unwrap_or(line))
            .collect();
        lines.join("\n").trim().to_string()
    }
}

/// Every rule, in code order.
pub const RULES: &[&Rule] = &[
    &yaml_syntax::RULE,
    &unknown_key::RULE,
    &missing_key::RULE,
    &wrong_type::RULE,
    &duplicate_key::RULE,
    &unreadable_file::RULE,
    &misplaced_file::RULE,
    &symlink::RULE,
    &invisible_character::RULE,
    &unknown_lint_code::RULE,
    &suppression_without_reason::RULE,
    &unused_suppression::RULE,
    &invalid_id::RULE,
    &file_name_mismatch::RULE,
    &duplicate_id::RULE,
    &dangling_reference::RULE,
    &confusable_name::RULE,
    &unknown_technique::RULE,
    &attack_data::RULE,
    &outdated_technique::RULE,
    &technique_name::RULE,
    &redundant_parent_technique::RULE,
    &empty_condition::RULE,
    &event_type_without_sample::RULE,
    &unclaimed_sample_event_type::RULE,
    &invalid_field_copy::RULE,
    &invalid_field_regex::RULE,
    &invalid_field_name::RULE,
    &invalid_time_format::RULE,
    &failing_sample::RULE,
    &overlapping_parsers::RULE,
    &rule_never_fires::RULE,
    &rule_without_technique::RULE,
    &unused_model::RULE,
    &unused_definition::RULE,
];

/// Finds a rule by code.
pub fn find(code: &str) -> Option<&'static Rule> {
    RULES.iter().copied().find(|rule| rule.code == code)
}

/// Returns the index of a rule in [`RULES`].
pub fn index_of(code: &str) -> Option<usize> {
    RULES.iter().position(|rule| rule.code == code)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    #[test]
    fn registry_codes_are_unique() {
        let mut seen = BTreeSet::new();
        for rule in RULES {
            assert!(seen.insert(rule.code), "{} is registered twice", rule.code);
        }
    }

    #[test]
    fn registry_names_are_unique() {
        let mut seen = BTreeSet::new();
        for rule in RULES {
            assert!(seen.insert(rule.name), "{} is registered twice", rule.name);
        }
    }

    #[test]
    fn registry_is_in_code_order() {
        let codes: Vec<&str> = RULES.iter().map(|rule| rule.code).collect();
        let mut sorted = codes.clone();
        sorted.sort_unstable();
        assert_eq!(codes, sorted);
    }

    #[test]
    fn every_rule_doc_has_example() {
        for rule in RULES {
            let doc = rule.doc();
            assert!(
                doc.starts_with(&format!("{} {}:", rule.code, rule.name)),
                "{}: {doc}",
                rule.code
            );
            assert!(doc.contains("\nWhy:"), "{} has no `Why:` paragraph", rule.code);
            assert!(doc.contains("\nExample:"), "{} has no example", rule.code);
        }
    }

    #[test]
    fn every_diag_code_is_registered() {
        let source = include_str!("../diag/mod.rs");
        let constants: Vec<&str> = source
            .match_indices("&str = \"CD")
            .map(|(start, text)| &source[start + text.len() - 2..start + text.len() + 3])
            .collect();
        assert!(constants.len() >= RULES.len(), "found only {constants:?}");
        for code in constants {
            assert!(
                find(code).is_some(),
                "{code} in diag::codes has no rule in the registry"
            );
        }
    }

    #[test]
    fn codes_follow_family_pattern() {
        for rule in RULES {
            let digits = rule.code.strip_prefix("CD").unwrap_or("");
            assert!(
                digits.len() == 3 && digits.bytes().all(|b| b.is_ascii_digit()),
                "{}",
                rule.code
            );
            assert!(matches!(&digits[..1], "1" | "2" | "3" | "4" | "5"), "{}", rule.code);
        }
    }
}
