//! CD205 confusable-name: two ids or names of one kind that are equal once letter case, spaces and punctuation are ignored.
//!
//! Compares the ids of every kind, and the names of vendors, categories, use
//! cases, activity types, event types, rules, models and of the products of
//! one vendor, after lowercasing them and dropping everything but letters
//! and digits. Exact duplicate ids are reported as CD203 instead.
//!
//! Why: `AMAG` and `Amag` are almost always one vendor entered twice. The
//! catalogue would show two entries that readers cannot tell apart, with the
//! content split between them.
//!
//! Example:
//!
//! ```yaml
//! # vendors/amag/vendor.yaml
//! id: amag
//! name: AMAG
//! # vendors/amag-technology/vendor.yaml
//! id: amag-technology
//! name: Amag
//! ```

use std::collections::HashMap;
use std::path::Path;

use crate::diag::{Diagnostic, Position, Severity, codes};
use crate::lint::{Check, Context, Rule};
use crate::load::RawContent;
use crate::load::raw::Text;

/// Registry entry of `confusable-name`.
pub const RULE: Rule = Rule {
    code: codes::CONFUSABLE_NAME,
    name: "confusable-name",
    severity: Severity::Error,
    summary: "two ids or names of one kind that are equal once case, spaces and punctuation are ignored",
    check: Check::Content(check),
    source: include_str!("confusable_name.rs"),
};

/// One definition: its file, id and name (parsers have no name).
type Entry<'a> = (&'a Path, &'a Text, Option<&'a Text>);

fn check(context: &Context) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    for (kind, entries) in groups(context.raw) {
        compare(kind, "id", &entries, |(_, id, _)| Some(*id), &mut found);
        compare(kind, "name", &entries, |(_, _, name)| *name, &mut found);
    }
    found
}

/// Groups definitions whose ids and names must be distinct from each other.
fn groups(raw: &RawContent) -> Vec<(&'static str, Vec<Entry<'_>>)> {
    let mut groups = vec![
        (
            "vendor",
            raw.vendors
                .iter()
                .map(|(_, v)| (v.file.as_path(), &v.value.id, Some(&v.value.name)))
                .collect(),
        ),
        (
            "parser",
            raw.parsers
                .iter()
                .map(|p| (p.parser.file.as_path(), &p.parser.value.id, None))
                .collect(),
        ),
        (
            "event type",
            raw.event_types
                .iter()
                .map(|e| (e.file.as_path(), &e.value.id, Some(&e.value.name)))
                .collect(),
        ),
        (
            "rule",
            raw.rules
                .iter()
                .map(|r| (r.file.as_path(), &r.value.id, Some(&r.value.name)))
                .collect(),
        ),
        (
            "model",
            raw.models
                .iter()
                .map(|m| (m.file.as_path(), &m.value.id, Some(&m.value.name)))
                .collect(),
        ),
    ];
    for (kind, list) in [
        ("category", &raw.categories),
        ("use case", &raw.use_cases),
        ("activity type", &raw.activity_types),
    ] {
        groups.push((
            kind,
            list.iter()
                .map(|n| (n.file.as_path(), &n.value.id, Some(&n.value.name)))
                .collect(),
        ));
    }
    let mut by_vendor: HashMap<&str, Vec<Entry<'_>>> = HashMap::new();
    for product in &raw.products {
        let value = &product.product.value;
        let entry = (product.product.file.as_path(), &value.id, Some(&value.name));
        by_vendor.entry(product.vendor_dir.as_str()).or_default().push(entry);
    }
    groups.extend(by_vendor.into_values().map(|entries| ("product", entries)));
    groups
}

/// Reports each entry whose `field` collides with an earlier entry's.
/// Entries with the same exact id are duplicates, reported as CD203.
fn compare<'a>(
    kind: &str,
    field_name: &str,
    entries: &[Entry<'a>],
    field: impl Fn(&Entry<'a>) -> Option<&'a Text>,
    found: &mut Vec<Diagnostic>,
) {
    let mut sorted: Vec<&Entry<'a>> = entries.iter().collect();
    sorted.sort_by_key(|(file, _, _)| *file);
    let mut seen: HashMap<String, &Entry<'a>> = HashMap::new();
    for entry in sorted {
        let Some(text) = field(entry) else { continue };
        let key = fold(&text.value);
        if key.is_empty() {
            continue;
        }
        match seen.get(&key) {
            Some(first) if first.1.value != entry.1.value => {
                let first_text = field(first).map_or("", |t| t.value.as_str());
                let first_position = Position::of(first.0, &field(first).map_or(first.1, |t| t).referenced);
                found.push(
                    Diagnostic::error(
                        codes::CONFUSABLE_NAME,
                        Position::of(entry.0, &text.referenced),
                        format!(
                            "{kind} {field_name} `{}` collides with `{first_text}` at {first_position} once case, spaces and punctuation are ignored",
                            text.value
                        ),
                    )
                    .with_help(format!("if both are one {kind}, merge the definitions; otherwise make the {field_name}s clearly different")),
                );
            }
            Some(_) => {}
            None => {
                seen.insert(key, entry);
            }
        }
    }
}

/// Lowercases `text` and keeps only its letters and digits.
fn fold(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn fold_ignores_case_and_punctuation() {
        assert_eq!(fold("A.M.A.G"), fold("Amag"));
        assert_eq!(fold("mail-gw"), fold("Mail GW"));
    }

    #[test]
    fn fold_keeps_distinct_words_apart() {
        assert_ne!(fold("mail-in"), fold("mail-out"));
    }
}
