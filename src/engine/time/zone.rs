//! Zone offsets and zone names.

use chrono::FixedOffset;

use super::cursor::{Cursor, ReadError};

/// Zone abbreviations and their offsets in minutes east of UTC. The module
/// documentation of `time` lists the same names.
#[rustfmt::skip]
const ZONE_NAMES: [(&str, i32); 36] = [
    ("UTC", 0), ("GMT", 0), ("UT", 0), ("WET", 0), ("WEST", 60), ("BST", 60),
    ("CET", 60), ("CEST", 120), ("MET", 60), ("MEST", 120), ("EET", 120), ("EEST", 180),
    ("MSK", 180), ("IST", 330), ("SGT", 480), ("HKT", 480), ("AWST", 480), ("JST", 540),
    ("KST", 540), ("ACST", 570), ("ACDT", 630), ("AEST", 600), ("AEDT", 660), ("NZST", 720),
    ("NZDT", 780), ("HST", -600), ("AKST", -540), ("AKDT", -480), ("PST", -480), ("PDT", -420),
    ("MST", -420), ("MDT", -360), ("CST", -360), ("CDT", -300), ("EST", -300), ("EDT", -240),
];

/// Reads the offset of the pattern letter `Z`: `+hhmm`, also `+hh:mm` and `Z`.
pub(super) fn read_rfc822(cursor: &mut Cursor) -> Result<FixedOffset, ReadError> {
    if cursor.eat('Z') {
        return Ok(utc());
    }
    read_offset(cursor, true, Colon::Optional)
}

/// Reads an ISO 8601 offset for `X` (`+hh` or `+hhmm`), `XX` (`+hhmm`) or
/// `XXX` (`+hh:mm`). All three accept `Z` for UTC.
pub(super) fn read_iso(cursor: &mut Cursor, letters: usize) -> Result<FixedOffset, ReadError> {
    if cursor.eat('Z') {
        return Ok(utc());
    }
    match letters {
        1 => read_offset(cursor, false, Colon::Never),
        2 => read_offset(cursor, true, Colon::Never),
        _ => read_offset(cursor, true, Colon::Always),
    }
}

/// Reads `Z`, `+hh`, `+hhmm` or `+hh:mm`.
pub(super) fn read_any_offset(cursor: &mut Cursor) -> Result<FixedOffset, ReadError> {
    if cursor.eat('Z') {
        return Ok(utc());
    }
    read_offset(cursor, false, Colon::Optional)
}

/// Reads a zone name from [`ZONE_NAMES`]. `UTC`, `GMT` and `UT` may carry
/// an offset, as in `GMT+01:00` or `UTC-5`.
pub(super) fn read_name(cursor: &mut Cursor) -> Result<FixedOffset, ReadError> {
    let start = cursor.position();
    let length = cursor.rest().bytes().take_while(u8::is_ascii_alphabetic).count();
    let name = &cursor.rest()[..length];
    let Some(&(_, minutes)) = ZONE_NAMES.iter().find(|(known, _)| known.eq_ignore_ascii_case(name)) else {
        return Err(cursor.error_at(start, format!("unknown zone name {name:?}")));
    };
    cursor.advance(length);
    let takes_offset = minutes == 0 && matches!(cursor.peek(), Some('+' | '-'));
    if takes_offset && ["UTC", "GMT", "UT"].iter().any(|base| base.eq_ignore_ascii_case(name)) {
        return read_offset(cursor, false, Colon::Optional);
    }
    Ok(offset_from_minutes(minutes))
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Colon {
    Never,
    Optional,
    Always,
}

/// Reads a sign and hours, then minutes (required when `minutes_required`),
/// separated by a colon as `colon` requires. One-digit hours are accepted only
/// when minutes are optional.
fn read_offset(cursor: &mut Cursor, minutes_required: bool, colon: Colon) -> Result<FixedOffset, ReadError> {
    let start = cursor.position();
    let sign = cursor
        .sign()
        .ok_or_else(|| cursor.error("expected an offset starting with + or -"))?;
    let min_hour_digits = if minutes_required || colon == Colon::Always {
        2
    } else {
        1
    };
    let (hours, _) = cursor.digits(min_hour_digits, 2)?;
    let has_colon = colon != Colon::Never && cursor.eat(':');
    if colon == Colon::Always && !has_colon {
        return Err(cursor.error("expected ':' between offset hours and minutes"));
    }
    let has_minutes = has_colon || minutes_required || cursor.peek().is_some_and(|c| c.is_ascii_digit());
    let minutes = if has_minutes { cursor.digits(2, 2)?.0 } else { 0 };
    if hours > 18 || minutes > 59 {
        return Err(cursor.error_at(start, "offset is out of range -18:00 to +18:00"));
    }
    let total = sign * i32::try_from(hours * 60 + minutes).expect("small offset");
    Ok(offset_from_minutes(total))
}

fn offset_from_minutes(minutes: i32) -> FixedOffset {
    FixedOffset::east_opt(minutes * 60).expect("offsets within 18 hours are valid")
}

pub(super) fn utc() -> FixedOffset {
    offset_from_minutes(0)
}
