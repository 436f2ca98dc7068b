//! The format keywords `epoch`, `epoch_millis` and `iso8601`.

use chrono::{DateTime, Utc};

use super::cursor::{Cursor, ReadError};
use super::reader::{Parts, Year};
use super::zone;

/// Reads seconds since the Unix epoch, optionally negative and with up to 9
/// fraction digits.
pub(super) fn read_epoch_seconds(cursor: &mut Cursor) -> Result<DateTime<Utc>, ReadError> {
    let negative = cursor.eat('-');
    let (seconds, _) = cursor.digits(1, 18)?;
    let mut nanoseconds = 0;
    if cursor.eat('.') {
        let (fraction, digits) = cursor.digits(1, 9)?;
        nanoseconds = fraction * 10u64.pow(9 - digits as u32);
    }
    cursor.expect_end()?;
    let total = i128::from(seconds) * 1_000_000_000 + i128::from(nanoseconds);
    let total = if negative { -total } else { total };
    let seconds = i64::try_from(total.div_euclid(1_000_000_000)).expect("at most 18 digits");
    let nanoseconds = u32::try_from(total.rem_euclid(1_000_000_000)).expect("below one second");
    DateTime::from_timestamp(seconds, nanoseconds).ok_or_else(|| cursor.error_at(0, "epoch seconds are out of range"))
}

/// Reads milliseconds since the Unix epoch, optionally negative.
pub(super) fn read_epoch_millis(cursor: &mut Cursor) -> Result<DateTime<Utc>, ReadError> {
    let negative = cursor.eat('-');
    let (millis, _) = cursor.digits(1, 18)?;
    cursor.expect_end()?;
    let millis = i64::try_from(millis).expect("at most 18 digits");
    let millis = if negative { -millis } else { millis };
    DateTime::from_timestamp_millis(millis).ok_or_else(|| cursor.error_at(0, "epoch milliseconds are out of range"))
}

/// Reads `yyyy-MM-dd`, optionally followed by `T` or a space and
/// `HH:mm[:ss[.fraction]]`, then an optional `Z` or `±hh[[:]mm]` offset.
pub(super) fn read_iso8601(cursor: &mut Cursor) -> Result<Parts, ReadError> {
    let mut parts = Parts::default();
    let year = i32::try_from(cursor.digits(4, 4)?.0).expect("4 digits");
    parts.year = Some(Year::Full(year));
    cursor.expect('-')?;
    parts.month = Some(read_two_digits(cursor, "month", 1, 12)?);
    cursor.expect('-')?;
    parts.day = Some(read_two_digits(cursor, "day", 1, 31)?);
    if cursor.rest().is_empty() {
        return Ok(parts);
    }
    if !(cursor.eat('T') || cursor.eat('t') || cursor.eat(' ')) {
        return Err(cursor.error("expected 'T' or a space between date and time"));
    }
    parts.hour24 = Some(read_two_digits(cursor, "hour", 0, 23)?);
    cursor.expect(':')?;
    parts.minute = Some(read_two_digits(cursor, "minute", 0, 59)?);
    if cursor.eat(':') {
        parts.second = Some(read_two_digits(cursor, "second", 0, 59)?);
        if cursor.eat('.') || cursor.eat(',') {
            let (fraction, digits) = cursor.digits(1, 9)?;
            let nanoseconds = fraction * 10u64.pow(9 - digits as u32);
            parts.nanosecond = u32::try_from(nanoseconds).expect("below one second");
        }
    }
    if !cursor.rest().is_empty() {
        parts.offset = Some(zone::read_any_offset(cursor)?);
    }
    cursor.expect_end()?;
    Ok(parts)
}

fn read_two_digits(cursor: &mut Cursor, name: &str, min: u64, max: u64) -> Result<u32, ReadError> {
    let start = cursor.position();
    let (value, _) = cursor.digits(2, 2)?;
    if !(min..=max).contains(&value) {
        return Err(cursor.error_at(start, format!("{name} {value} is out of range {min}-{max}")));
    }
    Ok(u32::try_from(value).expect("2 digits"))
}
