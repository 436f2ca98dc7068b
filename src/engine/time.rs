//! Java-style time formats, parsed into UTC instants.
//!
//! A format is a pattern of letters or one of three keywords:
//!
//! - `epoch`: seconds since 1970-01-01T00:00:00Z, optionally with a
//!   fraction such as `1700000000.25`.
//! - `epoch_millis`: milliseconds since the same instant.
//! - `iso8601`: `2024-01-05T10:00:00`, with `T` or a space between date and
//!   time. Seconds, a fraction and a zone (`Z`, `+01`, `+0100` or `+01:00`)
//!   are optional, and so is the whole time of day.
//!
//! Pattern letters, as in `java.text.SimpleDateFormat`:
//!
//! | letters | meaning |
//! | --- | --- |
//! | `yyyy`, `y` | year, up to 4 digits |
//! | `yy` | two-digit year, see below |
//! | `MM`, `M` | month number |
//! | `MMM`, `MMMM` | English month name, abbreviated or full (either is accepted) |
//! | `dd`, `d` | day of month |
//! | `HH`, `H` | hour 0-23 |
//! | `hh`, `h` | hour 1-12 with `a`; without `a` the hour is taken as AM |
//! | `mm`, `ss` | minute, second |
//! | `S`... | fraction of a second with exactly that many digits (`SSS` = milliseconds) |
//! | `a` | `AM` or `PM` |
//! | `EEE`, `EEEE` | English weekday name, read and ignored |
//! | `Z` | offset `+0100` (also `+01:00` and `Z`) |
//! | `X`, `XX`, `XXX` | `Z` or offset `+01` / `+0100`, `+0100`, `+01:00` |
//! | `z` | zone name, see below |
//! | `'text'`, `''` | literal text, literal apostrophe |
//!
//! Other ASCII letters are rejected; any other character matches itself.
//! Names match without regard to case. Spaces before a number are skipped,
//! so `MMM dd` reads the syslog form `Jan  5`. A number directly followed by
//! another number (`yyyyMMdd`) takes a fixed width: 4 digits for a year
//! (2 for `yy`) and 2 for the other fields. The whole text must match the
//! format.
//!
//! Zone names for `z` map to fixed offsets: `UTC`, `GMT`, `UT` (also with
//! an offset, as in `GMT+01:00`, `UTC-5`), `WET` +0, `WEST` +1, `BST` +1
//! (British Summer Time), `CET` +1, `CEST` +2, `MET` +1, `MEST` +2,
//! `EET` +2, `EEST` +3, `MSK` +3, `IST` +5:30 (India), `SGT` +8, `HKT` +8,
//! `AWST` +8, `JST` +9, `KST` +9, `ACST` +9:30, `ACDT` +10:30, `AEST` +10,
//! `AEDT` +11, `NZST` +12, `NZDT` +13, `HST` -10, `AKST` -9, `AKDT` -8,
//! `PST` -8, `PDT` -7, `MST` -7, `MDT` -6, `CST` -6 (US Central), `CDT` -5,
//! `EST` -5, `EDT` -4.
//!
//! A time without a year or zone takes them from a [`TimeContext`]. A
//! two-digit year goes into the century that puts it less than 80 years
//! before and at most 20 years after the context's default year.

mod context;
mod cursor;
mod keyword;
mod names;
mod pattern;
mod reader;
#[cfg(test)]
mod tests;
mod zone;

use chrono::{DateTime, Utc};

pub use context::TimeContext;
use cursor::{Cursor, ReadError};
use pattern::Item;

/// A compiled time format.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeFormat {
    source: String,
    kind: FormatKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum FormatKind {
    Pattern(Vec<Item>),
    Epoch,
    EpochMillis,
    Iso8601,
}

/// A time format that cannot be compiled.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid time format {format:?} at offset {position}: {message}")]
pub struct TimeFormatError {
    pub format: String,
    /// Zero-based character offset in the format.
    pub position: usize,
    pub message: String,
}

/// A time text that does not match its format.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("time {text:?} does not match format {format:?} at offset {position}: {message}")]
pub struct TimeParseError {
    pub text: String,
    pub format: String,
    /// Zero-based character offset in the text. Errors about the whole
    /// value, such as February 30, point at offset 0.
    pub position: usize,
    pub message: String,
}

impl TimeFormat {
    /// Compiles a pattern or keyword; see the module documentation.
    pub fn parse(format: &str) -> Result<TimeFormat, TimeFormatError> {
        let kind = match format {
            "epoch" => FormatKind::Epoch,
            "epoch_millis" => FormatKind::EpochMillis,
            "iso8601" => FormatKind::Iso8601,
            _ => {
                let items = pattern::parse(format).map_err(|(position, message)| TimeFormatError {
                    format: format.to_owned(),
                    position,
                    message,
                })?;
                FormatKind::Pattern(items)
            }
        };
        Ok(TimeFormat {
            source: format.to_owned(),
            kind,
        })
    }

    pub fn as_str(&self) -> &str {
        &self.source
    }

    /// Parses `text` and converts it to UTC, taking a missing year or zone
    /// from `context`.
    pub fn parse_time(&self, text: &str, context: &TimeContext) -> Result<DateTime<Utc>, TimeParseError> {
        let mut cursor = Cursor::new(text);
        let result = match &self.kind {
            FormatKind::Pattern(items) => {
                reader::read_items(&mut cursor, items).and_then(|parts| context.resolve(&parts))
            }
            FormatKind::Epoch => keyword::read_epoch_seconds(&mut cursor),
            FormatKind::EpochMillis => keyword::read_epoch_millis(&mut cursor),
            FormatKind::Iso8601 => keyword::read_iso8601(&mut cursor).and_then(|parts| context.resolve(&parts)),
        };
        result.map_err(|ReadError { position, message }| TimeParseError {
            text: text.to_owned(),
            format: self.source.clone(),
            position,
            message,
        })
    }
}
