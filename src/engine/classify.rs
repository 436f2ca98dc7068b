//! Event type classification of parsed lines.
//!
//! A line gets the claimed event type whose classification entries all hold
//! (each names a field and its exact value). When several types hold, the
//! one with the most entries wins. A tie or no match leaves the line
//! unclassified, with a reason that names the candidates. A type without
//! entries never matches, unless it is the parser's only event type.

#[cfg(test)]
mod tests;

use std::collections::BTreeMap;

use crate::load::raw::RawEventType;

/// An event type id and the field values that identify its events.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventTypeRule {
    pub id: String,
    /// Field → exact value. All entries must hold.
    pub classification: BTreeMap<String, String>,
}

/// The outcome of classifying one parsed line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Classification {
    EventType(String),
    Unclassified { reason: String },
}

impl EventTypeRule {
    pub fn from_raw(raw: &RawEventType) -> Self {
        let classification = raw
            .classification
            .iter()
            .map(|(field, value)| (field.clone(), value.value.clone()))
            .collect();
        EventTypeRule {
            id: raw.id.value.clone(),
            classification,
        }
    }

    /// Returns whether `fields` contains every classification entry.
    pub fn matches(&self, fields: &BTreeMap<String, String>) -> bool {
        self.classification
            .iter()
            .all(|(field, value)| fields.get(field) == Some(value))
    }

    /// Describes why the rule does not match, naming its first failed entry.
    fn mismatch(&self, fields: &BTreeMap<String, String>) -> String {
        let failed = self
            .classification
            .iter()
            .find(|(field, value)| fields.get(*field) != Some(value));
        match failed {
            None if self.classification.is_empty() => {
                format!("{} has no classification entries", self.id)
            }
            None => format!("{} matches", self.id),
            Some((field, expected)) => match fields.get(field) {
                Some(actual) => format!("{} needs {field}={expected:?} but it is {actual:?}", self.id),
                None => format!("{} needs {field}={expected:?} but {field} is missing", self.id),
            },
        }
    }
}

impl Classification {
    /// Returns the event type id, or `None` when unclassified.
    pub fn event_type(&self) -> Option<&str> {
        match self {
            Classification::EventType(id) => Some(id),
            Classification::Unclassified { .. } => None,
        }
    }
}

/// Classifies a line with `fields` among the parser's `candidates`.
pub fn classify(fields: &BTreeMap<String, String>, candidates: &[EventTypeRule]) -> Classification {
    if let [only] = candidates
        && only.classification.is_empty()
    {
        return Classification::EventType(only.id.clone());
    }
    let matching: Vec<&EventTypeRule> = candidates
        .iter()
        .filter(|rule| !rule.classification.is_empty() && rule.matches(fields))
        .collect();
    let Some(most_entries) = matching.iter().map(|rule| rule.classification.len()).max() else {
        return Classification::Unclassified {
            reason: no_match_reason(fields, candidates),
        };
    };
    let best: Vec<&str> = matching
        .iter()
        .filter(|rule| rule.classification.len() == most_entries)
        .map(|rule| rule.id.as_str())
        .collect();
    if let [id] = best.as_slice() {
        return Classification::EventType((*id).to_owned());
    }
    Classification::Unclassified {
        reason: tie_reason(&best, most_entries),
    }
}

fn tie_reason(tied: &[&str], entry_count: usize) -> String {
    let entries = if entry_count == 1 { "entry" } else { "entries" };
    format!(
        "event types {} each match with {entry_count} classification {entries}, so none is more specific",
        tied.join(", ")
    )
}

fn no_match_reason(fields: &BTreeMap<String, String>, candidates: &[EventTypeRule]) -> String {
    if candidates.is_empty() {
        return "the parser lists no event types".to_owned();
    }
    let details: Vec<String> = candidates.iter().map(|rule| rule.mismatch(fields)).collect();
    format!("no event type matches: {}", details.join("; "))
}
