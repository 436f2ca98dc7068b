//! Builders for engine tests.

use chrono::FixedOffset;

use super::time::TimeContext;
use crate::load::raw::{RawEventType, RawParser};

/// Reads a parser definition from YAML.
pub(crate) fn parser(yaml: &str) -> std::sync::Arc<RawParser> {
    std::sync::Arc::new(serde_saphyr::from_str(yaml).expect("valid parser YAML"))
}

/// Reads an event type definition from YAML.
pub(crate) fn event_type(yaml: &str) -> RawEventType {
    serde_saphyr::from_str(yaml).expect("valid event type YAML")
}

/// Returns a context for 2024 in UTC, without the previous-year rule.
pub(crate) fn context() -> TimeContext {
    TimeContext::fixed(2024, FixedOffset::east_opt(0).expect("UTC offset"))
}
