//! Reading a time text item by item into its parts.

use chrono::FixedOffset;

use super::cursor::{Cursor, ReadError};
use super::names::{AM_PM, MONTHS, WEEKDAYS};
use super::pattern::{Item, NumberField};
use super::zone;

/// A year as written in the text.
#[derive(Debug, Clone, Copy)]
pub(super) enum Year {
    Full(i32),
    /// Two digits read by a pattern of one or two `y`.
    TwoDigit(i32),
}

/// Values read from a time text. Missing parts come from the context.
#[derive(Debug, Default)]
pub(super) struct Parts {
    pub(super) year: Option<Year>,
    pub(super) month: Option<u32>,
    pub(super) day: Option<u32>,
    pub(super) hour24: Option<u32>,
    pub(super) hour12: Option<u32>,
    pub(super) pm: bool,
    pub(super) minute: Option<u32>,
    pub(super) second: Option<u32>,
    pub(super) nanosecond: u32,
    pub(super) offset: Option<FixedOffset>,
}

/// Reads the whole text according to `items`.
pub(super) fn read_items(cursor: &mut Cursor, items: &[Item]) -> Result<Parts, ReadError> {
    let mut parts = Parts::default();
    for item in items {
        match *item {
            Item::Literal(c) => cursor.expect(c)?,
            Item::Year { letters, fixed_width } => read_year(cursor, &mut parts, letters, fixed_width)?,
            Item::Number { field, fixed_width } => read_number(cursor, &mut parts, field, fixed_width)?,
            Item::Fraction { digits } => {
                let (value, _) = cursor.digits(digits, digits)?;
                let scale = 10u64.pow(9 - digits as u32);
                parts.nanosecond = u32::try_from(value * scale).expect("below one second");
            }
            Item::MonthName => parts.month = Some(cursor.name(&MONTHS, "a month name")?),
            Item::WeekdayName => cursor.name(&WEEKDAYS, "a weekday name")?,
            Item::AmPm => parts.pm = cursor.name(&AM_PM, "AM or PM")?,
            Item::ZoneRfc822 => parts.offset = Some(zone::read_rfc822(cursor)?),
            Item::ZoneIso { letters } => parts.offset = Some(zone::read_iso(cursor, letters)?),
            Item::ZoneName => parts.offset = Some(zone::read_name(cursor)?),
        }
    }
    cursor.expect_end()?;
    Ok(parts)
}

fn read_year(cursor: &mut Cursor, parts: &mut Parts, letters: usize, fixed_width: bool) -> Result<(), ReadError> {
    let width = if letters == 2 { 2 } else { 4 };
    let (_, value, count) = read_digits(cursor, width, fixed_width)?;
    let year = i32::try_from(value).expect("at most 4 digits");
    let two_digit = count == 2 && letters <= 2;
    parts.year = Some(if two_digit {
        Year::TwoDigit(year)
    } else {
        Year::Full(year)
    });
    Ok(())
}

fn read_number(cursor: &mut Cursor, parts: &mut Parts, field: NumberField, fixed_width: bool) -> Result<(), ReadError> {
    let (start, value, _) = read_digits(cursor, 2, fixed_width)?;
    let (name, range, slot) = match field {
        NumberField::Month => ("month", 1..=12, &mut parts.month),
        NumberField::Day => ("day", 1..=31, &mut parts.day),
        NumberField::Hour24 => ("hour", 0..=23, &mut parts.hour24),
        NumberField::Hour12 => ("hour", 1..=12, &mut parts.hour12),
        NumberField::Minute => ("minute", 0..=59, &mut parts.minute),
        NumberField::Second => ("second", 0..=59, &mut parts.second),
    };
    if !range.contains(&value) {
        let message = format!("{name} {value} is out of range {}-{}", range.start(), range.end());
        return Err(cursor.error_at(start, message));
    }
    *slot = Some(value);
    Ok(())
}

/// Skips spaces, then reads up to `width` digits, or exactly `width` when
/// the number has a fixed width. Returns the start position, the value and
/// the digit count.
fn read_digits(cursor: &mut Cursor, width: usize, fixed_width: bool) -> Result<(usize, u32, usize), ReadError> {
    while cursor.eat(' ') {}
    let start = cursor.position();
    let min_digits = if fixed_width { width } else { 1 };
    let (value, count) = cursor.digits(min_digits, width)?;
    let value = u32::try_from(value).expect("at most 4 digits");
    Ok((start, value, count))
}
