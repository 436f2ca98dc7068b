//! Defaults for the parts a time text leaves out.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, TimeZone, Utc};

use super::cursor::ReadError;
use super::reader::{Parts, Year};
use super::zone;

/// Year and zone for times that do not state them. The parser never reads
/// the machine's clock or local zone, so results depend only on the text,
/// the format and this context.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimeContext {
    /// Year of a time without one. A two-digit year is placed in the
    /// century that puts it less than 80 years before and at most 20 years
    /// after this year.
    pub default_year: i32,
    /// Zone of a time without an offset or zone name.
    pub default_zone: FixedOffset,
    /// When set, a time without a year that would lie more than 1 day after
    /// this instant is placed in the previous year instead, so that a
    /// `Dec 31` line read on January 1 stays in the year it was written.
    pub now: Option<DateTime<Utc>>,
}

impl TimeContext {
    /// Takes the year from `now`, moving year-less times that would lie
    /// more than 1 day after `now` into the previous year, and uses UTC as
    /// the default zone.
    pub fn new(now: DateTime<Utc>) -> Self {
        TimeContext {
            default_year: now.year(),
            default_zone: zone::utc(),
            now: Some(now),
        }
    }

    /// Uses a fixed year and zone without the previous-year rule.
    pub fn fixed(default_year: i32, default_zone: FixedOffset) -> Self {
        TimeContext {
            default_year,
            default_zone,
            now: None,
        }
    }

    /// Combines the parts with the defaults into a UTC instant.
    pub(super) fn resolve(&self, parts: &Parts) -> Result<DateTime<Utc>, ReadError> {
        let year = match parts.year {
            Some(Year::Full(year)) => year,
            Some(Year::TwoDigit(year)) => self.place_two_digit_year(year),
            None => self.default_year,
        };
        let time = self.instant_in_year(parts, year)?;
        let Some(now) = self.now.filter(|_| parts.year.is_none()) else {
            return Ok(time);
        };
        if time > now + TimeDelta::days(1) {
            return self.instant_in_year(parts, year - 1);
        }
        Ok(time)
    }

    fn place_two_digit_year(&self, two_digits: i32) -> i32 {
        let mut year = self.default_year - self.default_year.rem_euclid(100) + two_digits;
        if year > self.default_year + 20 {
            year -= 100;
        } else if year <= self.default_year - 80 {
            year += 100;
        }
        year
    }

    fn instant_in_year(&self, parts: &Parts, year: i32) -> Result<DateTime<Utc>, ReadError> {
        let whole_value_error = |message: String| ReadError { position: 0, message };
        let month = parts.month.unwrap_or(1);
        let day = parts.day.unwrap_or(1);
        let date = NaiveDate::from_ymd_opt(year, month, day)
            .ok_or_else(|| whole_value_error(format!("date {year:04}-{month:02}-{day:02} does not exist")))?;
        let hour = match (parts.hour24, parts.hour12) {
            (Some(hour), _) => hour,
            (None, Some(hour)) => hour % 12 + if parts.pm { 12 } else { 0 },
            (None, None) => 0,
        };
        let time = NaiveTime::from_hms_nano_opt(
            hour,
            parts.minute.unwrap_or(0),
            parts.second.unwrap_or(0),
            parts.nanosecond,
        )
        .expect("fields were range-checked when read");
        let offset = parts.offset.unwrap_or(self.default_zone);
        let local = NaiveDateTime::new(date, time);
        let zoned = offset
            .from_local_datetime(&local)
            .single()
            .expect("a fixed offset maps each local time to one instant");
        Ok(zoned.with_timezone(&Utc))
    }
}
