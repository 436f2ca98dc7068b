//! The `lint` settings of `contentdoc.yaml`: per-code levels and
//! suppressions of one code on one entity, each with a required reason.

use std::collections::HashMap;

use crate::diag::{Diagnostic, Position, Severity, codes};
use crate::load::RawContent;
use crate::load::raw::{LintLevel, RawSuppression, Text};
use crate::suggest::closest;

use super::entities::entity_by_file;
use super::registry::{self, RULES};

/// Applies the levels and suppressions of the settings to `diagnostics`,
/// adding findings about the settings themselves.
pub fn apply(raw: &RawContent, mut diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let Some(settings) = &raw.settings else {
        return relevel(diagnostics, &HashMap::new());
    };
    let file = settings.file.as_path();
    let lint = &settings.value.lint;

    let mut levels = HashMap::new();
    for (code, level) in &lint.levels {
        match unknown_code(file, code) {
            Some(diagnostic) => diagnostics.push(diagnostic),
            None => {
                levels.insert(code.value.as_str(), level.value);
            }
        }
    }
    let mut suppressions = Vec::new();
    for suppression in &lint.suppressions {
        if let Some(diagnostic) = unknown_code(file, &suppression.code) {
            diagnostics.push(diagnostic);
        } else if suppression.reason.as_ref().is_none_or(|r| r.value.trim().is_empty()) {
            diagnostics.push(without_reason(file, suppression));
        } else {
            suppressions.push(suppression);
        }
    }

    let entities = entity_by_file(raw);
    let mut used = vec![false; suppressions.len()];
    diagnostics.retain(|d| {
        let entity = entities.get(d.position.file.as_path()).copied();
        let matched = suppressions
            .iter()
            .position(|s| s.code.value == d.code && Some(s.entity.value.as_str()) == entity);
        if let Some(index) = matched {
            used[index] = true;
        }
        matched.is_none()
    });
    for (suppression, _) in suppressions.iter().zip(&used).filter(|(_, used)| !**used) {
        diagnostics.push(unused(file, suppression));
    }
    relevel(diagnostics, &levels)
}

/// Gives each diagnostic the level set for its code, or its rule's default,
/// and drops those whose level is `off`.
fn relevel(diagnostics: Vec<Diagnostic>, levels: &HashMap<&str, LintLevel>) -> Vec<Diagnostic> {
    diagnostics
        .into_iter()
        .filter_map(|mut d| {
            let default = registry::find(d.code).map_or(d.severity, |rule| rule.severity);
            d.severity = match levels.get(d.code) {
                Some(LintLevel::Off) => return None,
                Some(LintLevel::Error) => Severity::Error,
                Some(LintLevel::Warning) => Severity::Warning,
                None => default,
            };
            Some(d)
        })
        .collect()
}

fn unknown_code(file: &std::path::Path, code: &Text) -> Option<Diagnostic> {
    if registry::find(&code.value).is_some() {
        return None;
    }
    let diagnostic = Diagnostic::error(
        codes::UNKNOWN_LINT_CODE,
        Position::of(file, &code.referenced),
        format!("unknown lint code `{}`", code.value),
    );
    Some(match closest(&code.value, RULES.iter().map(|rule| rule.code)) {
        Some(best) => diagnostic.with_help(format!(
            "did you mean `{best}`? `contentdoc lint --list` lists the codes"
        )),
        None => diagnostic.with_help("`contentdoc lint --list` lists the codes"),
    })
}

fn without_reason(file: &std::path::Path, suppression: &RawSuppression) -> Diagnostic {
    let at = suppression.reason.as_ref().map_or(&suppression.code, |reason| reason);
    Diagnostic::error(
        codes::SUPPRESSION_WITHOUT_REASON,
        Position::of(file, &at.referenced),
        format!(
            "suppression of {} on `{}` has no reason, so it is ignored",
            suppression.code.value, suppression.entity.value
        ),
    )
    .with_help("add `reason:` saying why the finding is acceptable")
}

fn unused(file: &std::path::Path, suppression: &RawSuppression) -> Diagnostic {
    Diagnostic::warning(
        codes::UNUSED_SUPPRESSION,
        Position::of(file, &suppression.entity.referenced),
        format!(
            "suppression of {} on `{}` matches no finding",
            suppression.code.value, suppression.entity.value
        ),
    )
    .with_help("remove the suppression, or correct its code or entity id")
}
