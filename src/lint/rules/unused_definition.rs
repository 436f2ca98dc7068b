//! CD504 unused-definition: a use case, activity type, category or event type that nothing uses.
//!
//! A use case is used when a rule lists it in `use_cases`, and an activity
//! type when a rule has it as `activity_type`. A category is used when a
//! product lists it in `categories`. An event type is used when a parser, a
//! parser's sample, a rule or a model lists it.
//!
//! Why: unused definitions show up as empty pages and rows in the catalogue,
//! and often mean a reference was misspelt elsewhere.
//!
//! Example:
//!
//! ```yaml
//! # use-cases/insider-threat.yaml exists, but no rule has
//! use_cases: [insider-threat]
//! ```

use std::collections::HashSet;
use std::path::Path;

use crate::diag::{Diagnostic, Position, Severity, codes};
use crate::lint::{Check, Context, Rule};
use crate::load::raw::Text;

/// Registry entry of `unused-definition`.
pub const RULE: Rule = Rule {
    code: codes::UNUSED_DEFINITION,
    name: "unused-definition",
    severity: Severity::Warning,
    summary: "a use case, activity type, category or event type that nothing uses",
    check: Check::Content(check),
    source: include_str!("unused_definition.rs"),
};

fn check(context: &Context) -> Vec<Diagnostic> {
    let raw = context.raw;
    let mut found = Vec::new();
    let values = |texts: &[Text]| texts.iter().map(|t| t.value.clone()).collect::<Vec<_>>();

    let use_cases: HashSet<String> = raw.rules.iter().flat_map(|r| values(&r.value.use_cases)).collect();
    let activity_types: HashSet<String> = raw.rules.iter().map(|r| r.value.activity_type.value.clone()).collect();
    let categories: HashSet<String> = raw
        .products
        .iter()
        .flat_map(|p| values(&p.product.value.categories))
        .collect();
    let mut event_types: HashSet<String> = raw.rules.iter().flat_map(|r| values(&r.value.event_types)).collect();
    event_types.extend(raw.models.iter().flat_map(|m| values(&m.value.event_types)));
    for parser in &raw.parsers {
        event_types.extend(values(&parser.parser.value.event_types));
        event_types.extend(parser.parser.value.samples.iter().map(|s| s.event_type.value.clone()));
    }

    // Definitions left out of the catalogue (invalid or duplicate ids) are
    // already reported by other rules.
    let catalogue = context.catalogue;
    let named_sources = [&catalogue.use_cases, &catalogue.activity_types, &catalogue.categories];
    let mut in_catalogue: HashSet<&Path> = named_sources
        .into_iter()
        .flatten()
        .map(|n| n.source.file.as_path())
        .collect();
    in_catalogue.extend(catalogue.event_types.iter().map(|e| e.source.file.as_path()));

    let named = [
        (
            "use case",
            &raw.use_cases,
            &use_cases,
            "list it in the `use_cases` of a rule",
        ),
        (
            "activity type",
            &raw.activity_types,
            &activity_types,
            "set it as the `activity_type` of a rule",
        ),
        (
            "category",
            &raw.categories,
            &categories,
            "list it in the `categories` of a product",
        ),
    ];
    for (kind, list, used, fix) in named {
        let unused_definitions = list
            .iter()
            .filter(|d| in_catalogue.contains(d.file.as_path()) && !used.contains(&d.value.id.value));
        for definition in unused_definitions {
            found.push(unused(kind, &definition.file, &definition.value.id, fix));
        }
    }
    for definition in raw
        .event_types
        .iter()
        .filter(|d| !event_types.contains(&d.value.id.value))
    {
        let fix = "list it in the `event_types` of a parser, rule or model";
        found.push(unused("event type", &definition.file, &definition.value.id, fix));
    }
    found
}

fn unused(kind: &str, file: &Path, id: &Text, fix: &str) -> Diagnostic {
    Diagnostic::warning(
        codes::UNUSED_DEFINITION,
        Position::of(file, &id.referenced),
        format!("{kind} `{}` is used by nothing", id.value),
    )
    .with_help(format!("{fix}, or delete the {kind}"))
}
