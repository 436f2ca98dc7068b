//! The diff as release notes in Markdown: a summary table, a section per
//! entity kind, and the coverage delta.

use std::fmt::Write;

use serde_json::Value;

use super::{CoverageDelta, Diff, EntityRef, FieldChange, KindChanges};
use crate::render::escape;

/// Renders `diff` as a Markdown document ending in a newline.
pub fn render(diff: &Diff) -> String {
    let mut out = String::new();
    out.push_str("# Content changes\n\n");
    let _ = writeln!(
        out,
        "From {} to {}.\n",
        escape::code(&diff.old.label),
        escape::code(&diff.new.label)
    );
    if diff.old.attack_version != diff.new.attack_version {
        let _ = writeln!(
            out,
            "ATT&CK data changed from {} to {}.\n",
            escape::inline(&diff.old.attack_version),
            escape::inline(&diff.new.attack_version)
        );
    }
    summary(&mut out, &diff.entities);
    for kind in &diff.entities {
        entity_section(&mut out, kind);
    }
    coverage(&mut out, &diff.coverage);
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

/// Returns the heading of a kind, such as `Use cases` for `use_cases`.
fn title(kind: &str) -> String {
    let text = kind.replace('_', " ");
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn summary(out: &mut String, kinds: &[KindChanges]) {
    out.push_str("## Summary\n\n");
    if kinds.is_empty() {
        out.push_str("No definition was added, removed, renamed or changed.\n\n");
        return;
    }
    out.push_str("| Kind | Added | Removed | Renamed | Changed |\n|---|---:|---:|---:|---:|\n");
    for kind in kinds {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            title(&kind.kind),
            kind.added.len(),
            kind.removed.len(),
            kind.renamed.len(),
            kind.changed.len()
        );
    }
    out.push('\n');
}

fn entity_section(out: &mut String, kind: &KindChanges) {
    let _ = writeln!(out, "## {}\n", title(&kind.kind));
    entity_list(out, "Added", &kind.added);
    entity_list(out, "Removed", &kind.removed);
    if !kind.renamed.is_empty() {
        out.push_str("### Renamed\n\n| Old id | New id | Similarity | Other changes |\n|---|---|---:|---|\n");
        for rename in &kind.renamed {
            let fields: Vec<String> = rename.changes.iter().map(|c| escape::code_cell(&c.field)).collect();
            let _ = writeln!(
                out,
                "| {} | {} | {:.0}% | {} |",
                escape::code_cell(&rename.from),
                escape::code_cell(&rename.to),
                rename.similarity * 100.0,
                if fields.is_empty() {
                    "none".to_string()
                } else {
                    fields.join(", ")
                }
            );
        }
        out.push('\n');
        for rename in kind.renamed.iter().filter(|r| !r.changes.is_empty()) {
            let heading = format!("{} → {}", escape::code(&rename.from), escape::code(&rename.to));
            field_table(out, &heading, &rename.changes);
        }
    }
    if !kind.changed.is_empty() {
        out.push_str("### Changed\n\n");
        for change in &kind.changed {
            field_table(out, &escape::code(&change.id), &change.changes);
        }
    }
}

fn entity_list(out: &mut String, heading: &str, entities: &[EntityRef]) {
    if entities.is_empty() {
        return;
    }
    let _ = writeln!(out, "### {heading}\n");
    for entity in entities {
        match &entity.name {
            Some(name) => {
                let _ = writeln!(out, "- {}: {}", escape::code(&entity.id), escape::inline(name));
            }
            None => {
                let _ = writeln!(out, "- {}", escape::code(&entity.id));
            }
        }
    }
    out.push('\n');
}

fn field_table(out: &mut String, heading: &str, changes: &[FieldChange]) {
    let _ = writeln!(out, "#### {heading}\n\n| Field | Old | New |\n|---|---|---|");
    for change in changes {
        let _ = writeln!(
            out,
            "| {} | {} | {} |",
            escape::code_cell(&change.field),
            value_cell(&change.old),
            value_cell(&change.new)
        );
    }
    out.push('\n');
}

/// Writes a field value for a table cell: text as text, id lists as code, the rest as JSON.
fn value_cell(value: &Value) -> String {
    match value {
        Value::Null => "*none*".to_string(),
        Value::String(text) => escape::cell(text),
        Value::Array(items) if items.is_empty() => "*none*".to_string(),
        Value::Array(items) if items.iter().all(Value::is_string) => {
            let ids: Vec<String> = items.iter().filter_map(Value::as_str).map(escape::code_cell).collect();
            ids.join(", ")
        }
        other => escape::code_cell(&other.to_string()),
    }
}

fn ids_cell(ids: &[String]) -> String {
    if ids.is_empty() {
        return String::new();
    }
    let cells: Vec<String> = ids.iter().map(|id| escape::code_cell(id)).collect();
    cells.join(", ")
}

fn coverage(out: &mut String, delta: &CoverageDelta) {
    out.push_str("## Coverage\n\n");
    if delta == &CoverageDelta::default() {
        out.push_str("Coverage is unchanged.\n");
        return;
    }
    entity_list(out, "Techniques newly covered", &delta.techniques_covered);
    entity_list(out, "Techniques no longer covered", &delta.techniques_uncovered);
    if !delta.techniques.is_empty() {
        out.push_str("### By technique\n\n| Technique | Rules gained | Rules lost | Models gained | Models lost |\n");
        out.push_str("|---|---|---|---|---|\n");
        for t in &delta.techniques {
            let cells = [&t.rules_gained, &t.rules_lost, &t.models_gained, &t.models_lost].map(|ids| ids_cell(ids));
            let _ = writeln!(out, "| {} | {} |", escape::code_cell(&t.id), cells.join(" | "));
        }
        out.push('\n');
    }
    if !delta.products.is_empty() {
        out.push_str(
            "### By product\n\n| Product | Rules gained | Rules lost | Models gained | Models lost \
             | Techniques gained | Techniques lost |\n|---|---|---|---|---|---|---|\n",
        );
        for p in &delta.products {
            let cells = [
                &p.rules_gained,
                &p.rules_lost,
                &p.models_gained,
                &p.models_lost,
                &p.techniques_gained,
                &p.techniques_lost,
            ]
            .map(|ids| ids_cell(ids));
            let _ = writeln!(out, "| {} | {} |", escape::code_cell(&p.id), cells.join(" | "));
        }
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn title_of_snake_case_kind() {
        assert_eq!(title("use_cases"), "Use cases");
    }

    #[test]
    fn value_cell_lists_ids_as_code() {
        assert_eq!(value_cell(&json!(["M-A", "M|B"])), "`M-A`, `M\\|B`");
        assert_eq!(value_cell(&json!(20)), "`20`");
        assert_eq!(value_cell(&Value::Null), "*none*");
    }
}
