//! Derived facts: which parsers feed which products, and which rules and
//! models cover a product for a use case.
//!
//! A product's event types are the union of its parsers' event types. A rule
//! covers a product for a use case when the rule is in that use case and one
//! of its event types is one of the product's. A model covers it when a
//! covering rule references it.

use std::collections::BTreeSet;
use std::path::Path;

use super::{Catalogue, Product};
use crate::attack::{AttackData, is_well_formed_technique_id};
use crate::diag::{Diagnostic, Position, codes};
use crate::load::raw::Text;

/// Rules and models that cover one product for one use case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UseCaseCoverage {
    /// Index into [`Catalogue::use_cases`].
    pub use_case: usize,
    /// Covering rules, indexes into [`Catalogue::rules`], sorted by rule id.
    pub rules: Vec<usize>,
    /// Models the covering rules reference, indexes into [`Catalogue::models`].
    pub models: Vec<usize>,
    /// Activity types of the covering rules.
    pub activity_types: Vec<usize>,
    /// Product event types that the covering rules consume.
    pub event_types: Vec<usize>,
    /// ATT&CK technique ids of the covering rules, sorted.
    pub techniques: Vec<String>,
}

/// Fills in the derived, reverse and coverage fields of a resolved catalogue.
pub(super) fn derive(catalogue: &mut Catalogue) {
    link_parsers(catalogue);
    link_models(catalogue);
    let readers = rules_by_event_type(catalogue);
    for product in 0..catalogue.products.len() {
        let coverage = product_coverage(catalogue, &catalogue.products[product], &readers);
        catalogue.products[product].coverage = coverage;
    }
}

/// Returns, for each event type index, the indexes of the rules that read it.
fn rules_by_event_type(catalogue: &Catalogue) -> Vec<Vec<usize>> {
    let mut readers = vec![Vec::new(); catalogue.event_types.len()];
    for (index, rule) in catalogue.rules.iter().enumerate() {
        for &event_type in &rule.event_types {
            readers[event_type].push(index);
        }
    }
    readers
}

fn link_parsers(catalogue: &mut Catalogue) {
    for (index, parser) in catalogue.parsers.iter().enumerate() {
        let product = &mut catalogue.products[parser.product];
        product.parsers.push(index);
        product.event_types.extend(&parser.event_types);
        for &event_type in &parser.event_types {
            catalogue.event_types[event_type].parsers.push(index);
        }
    }
    for product in &mut catalogue.products {
        product.event_types.sort_unstable();
        product.event_types.dedup();
    }
    for (index, product) in catalogue.products.iter().enumerate() {
        catalogue.vendors[product.vendor].products.push(index);
    }
    let products = &catalogue.products;
    for vendor in &mut catalogue.vendors {
        vendor
            .products
            .sort_by(|&a, &b| (&products[a].name, &products[a].id).cmp(&(&products[b].name, &products[b].id)));
    }
}

fn link_models(catalogue: &mut Catalogue) {
    for (index, rule) in catalogue.rules.iter().enumerate() {
        for &model in &rule.models {
            catalogue.models[model].rules.push(index);
        }
    }
}

/// Finds the rules that read any of the product's event types through the
/// `readers` index, then groups them by use case. Rules stay in index
/// order, which is rule id order.
fn product_coverage(catalogue: &Catalogue, product: &Product, readers: &[Vec<usize>]) -> Vec<UseCaseCoverage> {
    let mut feeding: Vec<usize> = product
        .event_types
        .iter()
        .flat_map(|&e| readers[e].iter().copied())
        .collect();
    feeding.sort_unstable();
    feeding.dedup();
    let mut by_use_case: Vec<Vec<usize>> = vec![Vec::new(); catalogue.use_cases.len()];
    for &rule in &feeding {
        for &use_case in &catalogue.rules[rule].use_cases {
            by_use_case[use_case].push(rule);
        }
    }
    let mut coverage: Vec<UseCaseCoverage> = by_use_case
        .into_iter()
        .enumerate()
        .filter(|(_, rules)| !rules.is_empty())
        .map(|(use_case, rules)| summarise(catalogue, product, use_case, rules))
        .collect();
    coverage.sort_by(|a, b| {
        catalogue.use_cases[a.use_case]
            .name
            .cmp(&catalogue.use_cases[b.use_case].name)
    });
    coverage
}

fn summarise(catalogue: &Catalogue, product: &Product, use_case: usize, rules: Vec<usize>) -> UseCaseCoverage {
    let mut models = BTreeSet::new();
    let mut activity_types = BTreeSet::new();
    let mut event_types = BTreeSet::new();
    let mut techniques = BTreeSet::new();
    for &r in &rules {
        let rule = &catalogue.rules[r];
        models.extend(&rule.models);
        activity_types.insert(rule.activity_type);
        let fed = rule
            .event_types
            .iter()
            .filter(|e| product.event_types.binary_search(e).is_ok());
        event_types.extend(fed);
        techniques.extend(rule.techniques.iter().cloned());
    }
    UseCaseCoverage {
        use_case,
        rules,
        models: models.into_iter().collect(),
        activity_types: activity_types.into_iter().collect(),
        event_types: event_types.into_iter().collect(),
        techniques: techniques.into_iter().collect(),
    }
}

/// Reads a rule's `attack` entries (`T1048` or `T1048 - Name`) into technique ids,
/// reporting malformed ids and ids the ATT&CK data does not have.
pub(super) fn resolve_techniques(
    entries: &[Text],
    file: &Path,
    attack: &AttackData,
    d: &mut Vec<Diagnostic>,
) -> Vec<String> {
    let mut ids = BTreeSet::new();
    for entry in entries {
        let id = technique_id_of(&entry.value);
        let position = Position::of(file, &entry.referenced);
        if is_tactic_id(id) {
            d.push(tactic_in_place_of_technique(id, attack, position));
        } else if !is_well_formed_technique_id(id) {
            d.push(
                Diagnostic::error(
                    codes::UNKNOWN_TECHNIQUE,
                    position,
                    format!("malformed ATT&CK technique id `{id}`"),
                )
                .with_help("write a technique id such as `T1048` or a sub-technique id such as `T1078.004`"),
            );
        } else if attack.technique(id).is_none() {
            let diagnostic = Diagnostic::error(
                codes::UNKNOWN_TECHNIQUE,
                position,
                format!("technique `{id}` is not in ATT&CK {}", attack.version()),
            );
            d.push(match attack.closest_technique_id(id) {
                Some(best) => diagnostic.with_help(format!("did you mean `{best}`?")),
                None => diagnostic.with_help("check the id on attack.mitre.org"),
            });
        } else {
            ids.insert(id.to_string());
        }
    }
    ids.into_iter().collect()
}

/// Checks that `id` has the form of a tactic id: `TA` plus four digits, such as `TA0010`.
fn is_tactic_id(id: &str) -> bool {
    id.strip_prefix("TA")
        .is_some_and(|digits| digits.len() == 4 && digits.bytes().all(|b| b.is_ascii_digit()))
}

/// Reports a tactic id written where a technique id belongs, naming the
/// tactic and one of its current techniques when the ATT&CK data has it.
fn tactic_in_place_of_technique(id: &str, attack: &AttackData, position: Position) -> Diagnostic {
    let Some(tactic) = attack.tactics().iter().find(|tactic| tactic.id == id) else {
        return Diagnostic::error(
            codes::UNKNOWN_TECHNIQUE,
            position,
            format!(
                "`{id}` is a tactic id (TA and four digits), and ATT&CK {} has no such tactic",
                attack.version()
            ),
        )
        .with_help("rules map to techniques; write a technique id such as `T1048`");
    };
    let example = attack
        .techniques()
        .find(|t| !t.revoked && !t.deprecated && !t.is_sub_technique() && t.tactics.contains(&tactic.shortname));
    let help = match example {
        Some(technique) => format!(
            "rules map to techniques, not tactics; write the id of a technique of {}, such as `{}` ({})",
            tactic.name, technique.id, technique.name
        ),
        None => "rules map to techniques, not tactics; write a technique id such as `T1048`".to_string(),
    };
    Diagnostic::error(
        codes::UNKNOWN_TECHNIQUE,
        position,
        format!(
            "`{id}` is the id of the ATT&CK tactic {} (TA and four digits), not of a technique",
            tactic.name
        ),
    )
    .with_help(help)
}

/// Returns the id part of an `attack` entry written `T1048` or `T1048 - Name`.
pub fn technique_id_of(entry: &str) -> &str {
    entry.split_once(" - ").map_or(entry, |(id, _)| id).trim()
}
