//! The year and zone given to times that do not state them.
//!
//! Samples are checked with a fixed [`TimeContext`], so a result never
//! depends on the day the check runs:
//!
//! - Zone: `time.default_zone` of `contentdoc.yaml`, else UTC.
//! - Year: the year of the sample's expected `time`, read in that zone;
//!   else `time.default_year`; else [`FALLBACK_YEAR`].
//!
//! `contentdoc parse` reads real logs, so a time without a year takes the
//! current year, and a time more than one day in the future moves to the
//! previous year ([`TimeContext::new`]).

use chrono::{DateTime, Datelike, FixedOffset, Utc};

use crate::diag::{Diagnostic, Position, codes};
use crate::engine::time::TimeContext;
use crate::load::RawContent;
use crate::load::raw::RawSample;

/// Year of a sample time without a year when neither the sample nor the
/// settings give one. It is a leap year, so a `Feb 29` sample parses.
pub const FALLBACK_YEAR: i32 = 2000;

/// The `time` settings of a content tree, checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimeSettings {
    pub default_year: Option<i32>,
    pub default_zone: FixedOffset,
}

impl Default for TimeSettings {
    fn default() -> Self {
        TimeSettings {
            default_year: None,
            default_zone: utc(),
        }
    }
}

impl TimeSettings {
    /// Reads the `time` section of the settings. An invalid zone is
    /// reported and UTC is used in its place.
    pub fn from_content(raw: &RawContent) -> (TimeSettings, Option<Diagnostic>) {
        let Some(settings) = &raw.settings else {
            return (TimeSettings::default(), None);
        };
        let time = &settings.value.time;
        let default_year = time.default_year.as_ref().map(|year| year.value);
        let Some(zone) = &time.default_zone else {
            return (
                TimeSettings {
                    default_year,
                    default_zone: utc(),
                },
                None,
            );
        };
        match parse_zone(&zone.value) {
            Some(default_zone) => (
                TimeSettings {
                    default_year,
                    default_zone,
                },
                None,
            ),
            None => {
                let diagnostic = Diagnostic::error(
                    codes::INVALID_TIME_FORMAT,
                    Position::of(&settings.file, &zone.referenced),
                    format!("invalid time zone {:?} in `time.default_zone`", zone.value),
                )
                .with_help("write an offset such as `+00:00`, `-05:00` or `Z`");
                (
                    TimeSettings {
                        default_year,
                        default_zone: utc(),
                    },
                    Some(diagnostic),
                )
            }
        }
    }

    /// Returns the fixed context for checking `sample`.
    pub fn for_sample(&self, sample: &RawSample) -> TimeContext {
        let expected_year = sample
            .time
            .as_ref()
            .and_then(|time| DateTime::parse_from_rfc3339(&time.value).ok())
            .map(|time| time.with_timezone(&self.default_zone).year());
        let year = expected_year.or(self.default_year).unwrap_or(FALLBACK_YEAR);
        TimeContext::fixed(year, self.default_zone)
    }

    /// Returns the context for real log lines read at `now`.
    pub fn for_logs(&self, now: DateTime<Utc>) -> TimeContext {
        TimeContext {
            default_zone: self.default_zone,
            ..TimeContext::new(now)
        }
    }
}

/// Parses `Z`, `+HH:MM`, `-HH:MM`, `+HHMM` or `-HHMM`.
fn parse_zone(text: &str) -> Option<FixedOffset> {
    if text == "Z" {
        return Some(utc());
    }
    let (sign, digits) = match text.split_at_checked(1)? {
        ("+", rest) => (1, rest),
        ("-", rest) => (-1, rest),
        _ => return None,
    };
    let digits = digits.replace(':', "");
    if digits.len() != 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let hours: i32 = digits[..2].parse().ok()?;
    let minutes: i32 = digits[2..].parse().ok()?;
    if minutes >= 60 {
        return None;
    }
    FixedOffset::east_opt(sign * (hours * 3600 + minutes * 60))
}

fn utc() -> FixedOffset {
    FixedOffset::east_opt(0).expect("zero is a valid offset")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(time: Option<&str>) -> RawSample {
        let time = time.map(|t| format!("time: '{t}'\n")).unwrap_or_default();
        serde_saphyr::from_str(&format!("log: x\nevent_type: e\n{time}")).unwrap()
    }

    fn settings(default_year: Option<i32>, zone: &str) -> TimeSettings {
        TimeSettings {
            default_year,
            default_zone: parse_zone(zone).unwrap(),
        }
    }

    #[test]
    fn sample_year_from_expected_time() {
        let context = settings(Some(2019), "Z").for_sample(&sample(Some("2026-03-02T08:14:05Z")));
        assert_eq!(context, TimeContext::fixed(2026, utc()));
    }

    #[test]
    fn sample_year_read_in_default_zone() {
        let context = settings(None, "-05:00").for_sample(&sample(Some("2026-01-01T02:00:00Z")));
        assert_eq!(context, TimeContext::fixed(2025, parse_zone("-05:00").unwrap()));
    }

    #[test]
    fn sample_year_from_settings() {
        let context = settings(Some(2019), "Z").for_sample(&sample(None));
        assert_eq!(context, TimeContext::fixed(2019, utc()));
    }

    #[test]
    fn sample_year_falls_back_fixed() {
        let context = TimeSettings::default().for_sample(&sample(None));
        assert_eq!(context, TimeContext::fixed(FALLBACK_YEAR, utc()));
    }

    #[test]
    fn log_context_uses_clock_year() {
        let now = DateTime::parse_from_rfc3339("2031-06-01T00:00:00Z").unwrap().to_utc();
        let context = settings(Some(2019), "+01:00").for_logs(now);
        assert_eq!(context.default_year, 2031);
        assert_eq!(context.now, Some(now));
        assert_eq!(context.default_zone, parse_zone("+01:00").unwrap());
    }

    #[test]
    fn zone_forms_parse() {
        assert_eq!(parse_zone("Z"), Some(utc()));
        assert_eq!(parse_zone("+05:30"), FixedOffset::east_opt(19800));
        assert_eq!(parse_zone("-0100"), FixedOffset::east_opt(-3600));
        assert_eq!(parse_zone("05:00"), None);
        assert_eq!(parse_zone("+5"), None);
        assert_eq!(parse_zone("+01:75"), None);
    }
}
