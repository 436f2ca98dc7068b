//! CD503 unused-model: a model that no rule uses.
//!
//! Finds models that no rule lists in its `models`.
//!
//! Why: a model only matters through the rules that use it. An unused one
//! is either dead content or a rule that forgot to reference it.
//!
//! Example:
//!
//! ```yaml
//! # models/M-DOM.yaml exists, but no rule has
//! models: [M-DOM]
//! ```

use crate::diag::{Diagnostic, Position, Severity, codes};
use crate::lint::{Check, Context, Rule};

/// Registry entry of `unused-model`.
pub const RULE: Rule = Rule {
    code: codes::UNUSED_MODEL,
    name: "unused-model",
    severity: Severity::Warning,
    summary: "a model that no rule uses",
    check: Check::Content(check),
    source: include_str!("unused_model.rs"),
};

fn check(context: &Context) -> Vec<Diagnostic> {
    let models = &context.catalogue.models;
    context
        .raw
        .models
        .iter()
        .filter(|model| {
            models
                .iter()
                .any(|m| m.id == model.value.id.value && m.source.file == model.file && m.rules.is_empty())
        })
        .map(|model| {
            Diagnostic::warning(
                codes::UNUSED_MODEL,
                Position::of(&model.file, &model.value.id.referenced),
                format!("model `{}` is used by no rule", model.value.id.value),
            )
            .with_help(format!(
                "add `{}` to the `models` of the rules that use it, or delete the model",
                model.value.id.value
            ))
        })
        .collect()
}
