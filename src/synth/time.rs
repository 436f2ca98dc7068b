//! Time formats: the Java-style pattern a parser declares, the regex class
//! that captures the time text, and the text and UTC time of one instant.

use chrono::{DateTime, Duration, FixedOffset, TimeZone, Utc};
use rand::RngExt;
use rand::seq::IndexedRandom;
use rand_chacha::ChaCha8Rng;

/// One time format of the generated parsers.
pub struct TimeFormat {
    /// Java `DateTimeFormatter` pattern, as written in `time_format`.
    pub java: &'static str,
    /// Regex class of the time text.
    pub class: &'static str,
    /// chrono format of the local part, before any offset.
    local: &'static str,
    offset: Offset,
    /// Whether the format carries milliseconds.
    millis: bool,
}

/// How the UTC offset is written.
#[derive(Clone, Copy)]
enum Offset {
    /// Java `Z`: `+0000`, `-0500`.
    Basic,
    /// Java `XXX`: `Z` for UTC, else `+01:00`.
    Iso,
}

/// The formats a parser may declare; all carry an offset, so each time text
/// names one instant.
pub const FORMATS: &[TimeFormat] = &[
    TimeFormat {
        java: "yyyy-MM-dd'T'HH:mm:ssZ",
        class: r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{4}",
        local: "%Y-%m-%dT%H:%M:%S",
        offset: Offset::Basic,
        millis: false,
    },
    TimeFormat {
        java: "yyyy-MM-dd'T'HH:mm:ss.SSSXXX",
        class: r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}(?:Z|[+-]\d{2}:\d{2})",
        local: "%Y-%m-%dT%H:%M:%S%.3f",
        offset: Offset::Iso,
        millis: true,
    },
    TimeFormat {
        java: "yyyy-MM-dd'T'HH:mm:ssXXX",
        class: r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:Z|[+-]\d{2}:\d{2})",
        local: "%Y-%m-%dT%H:%M:%S",
        offset: Offset::Iso,
        millis: false,
    },
    TimeFormat {
        java: "dd/MMM/yyyy:HH:mm:ss Z",
        class: r"\d{2}/[A-Z][a-z]{2}/\d{4}:\d{2}:\d{2}:\d{2}\s[+-]\d{4}",
        local: "%d/%b/%Y:%H:%M:%S ",
        offset: Offset::Basic,
        millis: false,
    },
    TimeFormat {
        java: "yyyy-MM-dd HH:mm:ss.SSS Z",
        class: r"\d{4}-\d{2}-\d{2}\s\d{2}:\d{2}:\d{2}\.\d{3}\s[+-]\d{4}",
        local: "%Y-%m-%d %H:%M:%S%.3f ",
        offset: Offset::Basic,
        millis: true,
    },
];

/// UTC offsets used in samples, in minutes.
const OFFSETS: &[i32] = &[0, 0, 60, 120, -300, -480, 330, 540];

/// A generated instant: the text a log line carries and the UTC time a
/// sample expects.
pub struct Stamp {
    pub text: String,
    pub utc: String,
}

impl TimeFormat {
    /// Returns a random instant in the first half of 2026, written in this format.
    pub fn stamp(&self, rng: &mut ChaCha8Rng) -> Stamp {
        let start = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
        let millis = if self.millis { rng.random_range(0..1000) } else { 0 };
        let instant = start + Duration::seconds(rng.random_range(0..180 * 86_400)) + Duration::milliseconds(millis);
        let minutes = *OFFSETS.choose(rng).unwrap();
        let zone = FixedOffset::east_opt(minutes * 60).unwrap();
        let local: DateTime<FixedOffset> = instant.with_timezone(&zone);
        let offset = match self.offset {
            Offset::Iso if minutes == 0 => "Z".to_string(),
            Offset::Iso => local.format("%:z").to_string(),
            Offset::Basic => local.format("%z").to_string(),
        };
        let utc_format = if self.millis {
            "%Y-%m-%dT%H:%M:%S%.3fZ"
        } else {
            "%Y-%m-%dT%H:%M:%SZ"
        };
        Stamp {
            text: format!("{}{offset}", local.format(self.local)),
            utc: instant.format(utc_format).to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use rand::SeedableRng;

    use super::*;

    fn utc_of(text: &str, pattern: &str) -> String {
        let parsed = DateTime::parse_from_str(text, pattern).unwrap();
        parsed
            .with_timezone(&Utc)
            .to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true)
    }

    #[test]
    fn basic_offset_stamp_matches_utc() {
        let mut rng = ChaCha8Rng::seed_from_u64(7);
        for _ in 0..20 {
            let stamp = FORMATS[0].stamp(&mut rng);
            assert_eq!(utc_of(&stamp.text, "%Y-%m-%dT%H:%M:%S%z"), stamp.utc);
        }
    }

    #[test]
    fn iso_offset_stamp_matches_utc() {
        let mut rng = ChaCha8Rng::seed_from_u64(7);
        for _ in 0..20 {
            let stamp = FORMATS[1].stamp(&mut rng);
            let parsed = DateTime::parse_from_rfc3339(&stamp.text).unwrap();
            let utc = parsed.with_timezone(&Utc).format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string();
            assert_eq!(utc, stamp.utc);
        }
    }
}
