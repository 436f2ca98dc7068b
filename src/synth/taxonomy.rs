//! Categories, use cases, activity types and event types of a synthetic
//! catalogue.

use std::collections::BTreeMap;

use rand::RngExt;
use rand::seq::SliceRandom;
use rand_chacha::ChaCha8Rng;

use super::words::{CATEGORIES, SUBJECTS, USE_CASES, slug};

/// A category, use case or activity type.
pub struct NamedPlan {
    pub id: String,
    pub name: String,
    pub description: String,
}

/// One event type: a subject, an action and optional direction and failure.
pub struct EventTypePlan {
    pub id: String,
    pub name: String,
    /// Index into [`SUBJECTS`].
    pub subject: usize,
    pub classification: BTreeMap<String, String>,
}

/// Field holding the subject and action, such as `vpn_connect`.
pub const EVENT_NAME: &str = "event_name";
/// Field holding `inbound`, `outbound` or `internal`.
pub const DIRECTION: &str = "direction";
/// Field holding `success` or `failure`.
pub const OUTCOME: &str = "outcome";

/// Returns the product categories.
pub fn categories() -> Vec<NamedPlan> {
    CATEGORIES
        .iter()
        .map(|name| NamedPlan {
            id: slug(name),
            name: name.to_string(),
            description: format!("Products of the {name} kind and the logs they write."),
        })
        .collect()
}

/// Returns the use cases.
pub fn use_cases() -> Vec<NamedPlan> {
    USE_CASES
        .iter()
        .map(|name| NamedPlan {
            id: slug(name),
            name: name.to_string(),
            description: format!(
                "Detections that find signs of {} in the logs of the covered products.",
                name.to_lowercase()
            ),
        })
        .collect()
}

/// Returns one activity type per subject, in [`SUBJECTS`] order.
pub fn activity_types() -> Vec<NamedPlan> {
    SUBJECTS
        .iter()
        .map(|subject| NamedPlan {
            id: format!("{}-activity", subject.slug),
            name: format!("{} Activity", subject.title),
            description: format!("{} events, whatever product reports them.", subject.title),
        })
        .collect()
}

/// Returns `count` event types: every subject and action pair in a random
/// order, each with the plain variant and some of its direction and failure
/// variants.
pub fn event_types(rng: &mut ChaCha8Rng, count: usize) -> Vec<EventTypePlan> {
    let mut bases: Vec<(usize, &str)> = SUBJECTS
        .iter()
        .enumerate()
        .flat_map(|(s, subject)| subject.actions.iter().map(move |&a| (s, a)))
        .collect();
    bases.shuffle(rng);
    let mut plans = Vec::with_capacity(count);
    for (subject, action) in bases.into_iter().cycle().take(count * 6) {
        let mut variants = vec![(None, false), (None, true), (Some("out"), false), (Some("in"), false)];
        variants.extend([(Some("out"), true), (Some("in"), true)]);
        variants[1..].shuffle(rng);
        let extra = rng.random_range(1..=4);
        for (direction, failed) in variants.into_iter().take(1 + extra) {
            if plans.len() == count
                || plans
                    .iter()
                    .any(|p: &EventTypePlan| p.id == id(subject, action, direction, failed))
            {
                continue;
            }
            plans.push(event_type(subject, action, direction, failed));
        }
    }
    plans.sort_by(|a, b| a.id.cmp(&b.id));
    plans
}

fn id(subject: usize, action: &str, direction: Option<&str>, failed: bool) -> String {
    let mut id = format!("{}-{action}", SUBJECTS[subject].slug);
    if let Some(direction) = direction {
        id.push('-');
        id.push_str(direction);
    }
    if failed {
        id.push_str("-failed");
    }
    id
}

/// Returns the value of the event name field for a subject and action.
pub fn event_name(subject: usize, action: &str) -> String {
    format!("{}_{action}", SUBJECTS[subject].slug).replace('-', "_")
}

fn event_type(subject: usize, action: &str, direction: Option<&str>, failed: bool) -> EventTypePlan {
    let mut classification = BTreeMap::from([(EVENT_NAME.to_string(), event_name(subject, action))]);
    let mut name = format!("{} {}", SUBJECTS[subject].title, action.replace('-', " "));
    if let Some(direction) = direction {
        let word = if direction == "out" { "outbound" } else { "inbound" };
        classification.insert(DIRECTION.to_string(), word.to_string());
        name.push_str(", ");
        name.push_str(word);
    }
    if failed {
        classification.insert(OUTCOME.to_string(), "failure".to_string());
        name.push_str(", failed");
    }
    EventTypePlan {
        id: id(subject, action, direction, failed),
        name,
        subject,
        classification,
    }
}
